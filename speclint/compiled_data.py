"""Parsed YAML and TOML files (the shipped rule packs, headings and word lists; a project's config) kept
between runs.

A run reads a dozen YAML files before it lints anything; importing PyYAML (or tomllib) and parsing them
is about a tenth of a one-file run (a pre-commit hook on one changed spec). The ``speclint`` command
keeps what they hold in the user's cache folder, keyed by each file's path, size and modification
time, so a later run finds them without importing a parser; a file changed in any way is parsed
again. What is kept is a snapshot taken when the file was parsed: a caller changing the data it was
given changes nothing here. A file that cannot be parsed is never kept (its error is reported every
run), nor one holding values the snapshot cannot (YAML and TOML dates).

Like speclint.compiled_patterns this is a shortcut that may fail without harm, and
``SPECLINT_NO_CACHE`` (any value) turns it off.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path

MAX_ENTRIES = 200
_stored: dict[tuple[str, int, int], bytes] = {}  # (path, size, mtime) -> marshalled data, as the cache file held it
_parsed: dict[tuple[str, int, int], bytes] = {}  # what this run parsed
_path: str | None = None


def parsed(path: Path, parse: Callable[[Path], object]):
    """The data of the file ``path``: kept from an earlier run, or ``parse(path)`` (whose errors pass through)."""
    if _path is None:
        return parse(path)
    try:
        status = os.stat(path)
    except OSError:
        return parse(path)  # (which reports the problem)
    key = (os.path.abspath(path), status.st_size, status.st_mtime_ns)
    kept = _stored.get(key)
    if kept is not None:
        try:
            return marshal.loads(kept)
        except (EOFError, ValueError, TypeError):
            pass
    data = parse(path)
    try:
        _parsed[key] = marshal.dumps(data)
    except ValueError:  # a value marshal cannot write (a date): parsed every run
        pass
    return data


def preload() -> None:
    """Read the kept data (call before the rules are loaded)."""
    global _path, _stored
    from speclint import __version__
    from speclint.files import kept_file, read_kept

    _path = kept_file("data", f"{sys.version}|{__version__}")
    stored = read_kept(_path) if _path else None
    if isinstance(stored, dict):
        _stored = {key: data for key, data in stored.items() if isinstance(key, tuple) and len(key) == 3 and isinstance(data, bytes)}


def save() -> None:
    """Add what this run parsed to the cache file (atomically; errors ignored)."""
    if _path is None or not _parsed:
        return
    from speclint.files import write_kept

    changed = {key[0] for key in _parsed}  # an older version of a file parsed now is dropped
    kept = {key: data for key, data in _stored.items() if key[0] not in changed} if len(_stored) < MAX_ENTRIES else {}
    write_kept(_path, {**kept, **_parsed})
