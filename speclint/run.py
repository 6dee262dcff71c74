"""Lint many files: each with the configuration that applies to it, in parallel when it pays.

Results come back in the order of the files, whatever the number of processes, so output and
exit codes do not depend on ``--jobs``.
"""

from __future__ import annotations

import multiprocessing
import os

from speclint.config import ConfigError, Overrides, resolve
from speclint.lint import FileResult, lint_path

# A pool costs a fork per worker; below this many files per worker, one process is faster.
_FILES_PER_WORKER = 3
_overrides: Overrides | None = None  # the workers' copy, set before the fork


def lint_one(path: str) -> FileResult:
    try:
        config = resolve(path, _overrides)
    except ConfigError as error:
        return FileResult(path, error=str(error))
    result = lint_path(path, config)
    result.fail_on = config.fail_on
    return result


def lint_files(files: list[str], overrides: Overrides, jobs: int | None = None) -> list[FileResult]:
    """One result per file, in order. ``jobs`` None means one per core."""
    global _overrides
    _overrides = overrides
    jobs = jobs or os.cpu_count() or 1
    workers = min(jobs, len(files) // _FILES_PER_WORKER)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [lint_one(path) for path in files]
    # The first file is linted here: rules, schemas and the lexicon are then loaded once, and the
    # forked workers share them instead of loading them again each.
    first = lint_one(files[0])
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        rest = pool.map(lint_one, files[1:], chunksize=max(1, (len(files) - 1) // (workers * 4)))
    return [first, *rest]
