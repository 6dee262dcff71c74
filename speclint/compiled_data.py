"""The shipped YAML files (rule packs, headings, word lists), parsed, kept between runs.

A run reads a dozen YAML files before it lints anything; importing PyYAML and parsing them is about a
tenth of a one-file run (a pre-commit hook on one changed spec). The ``speclint`` command keeps what
they hold in the user's cache folder, keyed by each file's path, size and modification time, so a
later run finds them without importing PyYAML; a file changed in any way is parsed again. Only the
files speclint ships go through here: a user's config and packs are always read afresh.

Like speclint.compiled_patterns this is a shortcut that may fail without harm, and
``SPECLINT_NO_CACHE`` (any value) turns it off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

MAX_ENTRIES = 200
_stored: dict[tuple[str, int, int], object] = {}  # (path, size, mtime) -> data, as the cache file held it
_parsed: dict[tuple[str, int, int], object] = {}  # what this run parsed
_path: str | None = None


def parsed(path: Path, parse: Callable[[Path], object]):
    """The data of the shipped file ``path``: kept from an earlier run, or ``parse(path)``."""
    if _path is None:
        return parse(path)
    try:
        status = os.stat(path)
    except OSError:
        return parse(path)  # (which reports the problem)
    key = (str(path), status.st_size, status.st_mtime_ns)
    if key in _stored:
        return _stored[key]
    data = _parsed[key] = parse(path)
    return data


def preload() -> None:
    """Read the kept data (call before the rules are loaded)."""
    global _path, _stored
    from speclint import __version__
    from speclint.files import kept_file, read_kept

    _path = kept_file("data", f"{sys.version}|{__version__}")
    stored = read_kept(_path) if _path else None
    if isinstance(stored, dict):
        _stored = {key: data for key, data in stored.items() if isinstance(key, tuple) and len(key) == 3}


def save() -> None:
    """Add what this run parsed to the cache file (atomically; errors ignored)."""
    if _path is None or not _parsed:
        return
    import marshal

    from speclint.files import write_kept

    changed = {key[0] for key in _parsed}
    kept = {key: data for key, data in _stored.items() if key[0] not in changed} if len(_stored) < MAX_ENTRIES else {}
    for key, data in _parsed.items():
        try:
            marshal.dumps(data)  # YAML can hold what marshal cannot write (a date): such a file is parsed every run
        except ValueError:
            continue
        kept[key] = data
    write_kept(_path, kept)
