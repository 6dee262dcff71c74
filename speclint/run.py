"""Lint many files: each with the configuration that applies to it, in parallel when it pays.

Results come back in the order of the files, whatever the number of processes, so output and
exit codes do not depend on ``--jobs``. The path ``-`` is standard input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

from speclint.config import ConfigError, Overrides, resolve
from speclint.lint import FileResult, lint_bytes, lint_path
from speclint.read import ReadError, read_file_bytes, read_limited

STDIN = "-"
STDIN_NAME = "<stdin>.txt"  # the name stdin is linted under without --stdin-filename: plain text, the config of the current folder

# A pool costs a fork per worker; below this many files per worker, one process is faster.
_FILES_PER_WORKER = 3
_overrides: Overrides | None = None  # the workers' copy, set before the fork
_use_cache = False  # likewise: --no-cache, or a caller that wants fresh results


def lint_one(path: str) -> FileResult:
    """Lint one file on disk (with the cache on, one ``_kept_result`` did not find)."""
    try:
        config = resolve(path, _overrides)
    except ConfigError as error:
        return FileResult(path, error=str(error))
    result = _lint_and_keep(path, config) if _use_cache else lint_path(path, config)
    result.fail_on = config.fail_on
    return result


def _lint_and_keep(path: str, config) -> FileResult:
    """Lint a file ``_kept_result`` did not find in the cache, and keep its result there."""
    from speclint.cache import results_for

    try:
        data = read_file_bytes(path)
    except ReadError as error:
        return FileResult(path, error=str(error))
    result = lint_bytes(data, path, config)  # the bytes just read: the file is not read twice
    results = results_for(config)
    results.put(results.key(path, data), result)  # (the key of these bytes: a file edited since the lookup is kept as it is now)
    return result


def _kept_result(path: str) -> FileResult | None:
    """The file's result when the cache has it (or when its config or bytes cannot be read: that error is
    the result); None when it has to be linted."""
    from speclint.cache import results_for

    try:
        config = resolve(path, _overrides)
        data = read_file_bytes(path)
    except (ConfigError, ReadError) as error:
        return FileResult(path, error=str(error))
    results = results_for(config)
    found = results.get(results.key(path, data), path)
    if found is not None:
        found.fail_on = config.fail_on
    return found


def lint_stdin(name: str, overrides: Overrides | None) -> FileResult:
    """Standard input, read as bytes so the reader's decoding applies, linted as if it were the file ``name``."""
    try:
        config = resolve(name, overrides)
    except ConfigError as error:
        return FileResult(name, error=str(error))
    if sys.stdin is None:
        return FileResult(name, error=f"{name}: no standard input to read")
    try:
        data = read_limited(sys.stdin.buffer, name) if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    except ReadError as error:
        return FileResult(name, error=str(error))
    result = lint_bytes(data, name, config)
    result.fail_on = config.fail_on
    return result


def lint_files(
    files: list[str],
    overrides: Overrides,
    jobs: int | None = None,
    *,
    stdin_name: str | None = None,
    on_done: Callable[[], None] | None = None,
    use_cache: bool = False,
) -> list[FileResult]:
    """One result per file, in order. ``jobs`` None means one per core; ``on_done`` is called as each file
    finishes; ``use_cache`` keeps and reuses results of unchanged files (speclint.cache)."""
    global _overrides, _use_cache
    _overrides, _use_cache = overrides, use_cache
    done = on_done or (lambda: None)
    on_disk = [path for path in files if path != STDIN]
    by_path: dict[str, FileResult] = {}
    if STDIN in files:
        by_path[STDIN] = lint_stdin(stdin_name or STDIN_NAME, overrides)
        done()
    for path, result in zip(on_disk, _lint_on_disk(on_disk, jobs), strict=True):
        by_path[path] = result
        done()
    return [by_path[path] for path in files]


def _lint_on_disk(files: list[str], jobs: int | None) -> Iterator[FileResult]:
    if not _use_cache:
        yield from _lint_all(files, jobs)
        return
    # Unchanged files are looked up here first, each in well under a millisecond: a run where few or none
    # changed then forks no workers and loads no rules for them.
    kept = [_kept_result(path) for path in files]
    linted = _lint_all([path for path, result in zip(files, kept, strict=True) if result is None], jobs)
    for result in kept:
        yield result if result is not None else next(linted)


def _lint_all(files: list[str], jobs: int | None) -> Iterator[FileResult]:
    jobs = jobs or os.cpu_count() or 1
    workers = min(jobs, len(files) // _FILES_PER_WORKER)
    if workers < 2:
        yield from map(lint_one, files)
        return
    import multiprocessing  # only for a run over many files: 8 ms of start-up a one-file run need not pay

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from map(lint_one, files)
        return
    # The first file is linted here: rules, schemas and the lexicon are then loaded once, and the
    # forked workers share them instead of loading them again each. So is the word list's table of
    # every word, which a run over many files would otherwise build in each worker.
    yield lint_one(files[0])
    from speclint.words.word_list import shipped_word_list

    shipped_word_list().fill_table()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        # imap, not map: results arrive in order as they finish, so progress can be shown
        yield from pool.imap(lint_one, files[1:], chunksize=min(10, max(1, (len(files) - 1) // (workers * 4))))
