"""Compiled regular expressions kept between runs, as Python keeps compiled modules in .pyc files.

speclint's rules are some 400 regular expressions, and Python compiles each one afresh in every
process: about a third of a one-file run (a pre-commit hook on one changed spec). Python's
compiler turns a pattern into a list of codes for its matching engine (``_sre``); that list
depends only on the pattern, its flags and the Python version. The ``speclint`` command keeps
those lists in the user's cache folder and, at start, puts the patterns made from them into
``re``'s own cache, where ``re.compile`` finds them; a pattern not found there is compiled as
usual, and saved at the end of the run.

Everything here is a shortcut that may fail without harm: an unreadable, stale or foreign file,
a Python whose engine refuses a code list (``_sre`` checks each one), or a read-only home means
patterns are compiled as usual. ``SPECLINT_NO_CACHE`` (any value) turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from pathlib import Path

try:  # the engine and compiler behind `re`; internal, so their absence only turns this off
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - Python versions that lay `re` out differently
    _sre = None

MAX_ENTRIES = 3000  # user rule packs add patterns; beyond this many, the file starts again from one run's
# A run that compiled fewer new patterns than this saves nothing: those are the few a rule builds from the
# text it reads (a spec's title), which differ from file to file; a first run or a new version adds hundreds.
MIN_NEW = 20
_loaded: set[tuple[str, int]] = set()
_path: Path | None = None


def cache_file() -> Path | None:
    """The cache file for this Python, or None when the cache is off."""
    if _sre is None or os.environ.get("SPECLINT_NO_CACHE") or not hasattr(re, "_cache"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    engine = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}|{sys.implementation.name}"
    tag = hashlib.sha256(engine.encode()).hexdigest()[:16]
    return Path(base) / "speclint" / f"patterns-{tag}.marshal"


def preload() -> None:
    """Put every cached pattern into ``re``'s cache (call before the rules are imported)."""
    global _path
    _path = cache_file()
    if _path is None:
        return
    try:
        entries = marshal.loads(_path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if not isinstance(entries, dict):
        return
    for (pattern, flags), parts in entries.items():
        try:
            final_flags, code, groups, groupindex, indexgroup = parts
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
        except Exception:  # noqa: BLE001 - a bad entry is only a pattern compiled the usual way
            continue
        re._cache[str, pattern, flags] = compiled
        _loaded.add((pattern, flags))


def save() -> None:
    """Add the patterns this run compiled to the cache file (atomically; errors ignored)."""
    if _path is None:
        return
    current = {(key[1], key[2]) for key in list(re._cache) if len(key) == 3 and key[0] is str}
    new = current - _loaded
    if len(new) < MIN_NEW:
        return
    entries = {}
    try:
        old = marshal.loads(_path.read_bytes()) if _path.exists() else {}
        if isinstance(old, dict) and len(old) + len(new) <= MAX_ENTRIES:
            entries.update(old)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    for pattern, flags in current:
        if (pattern, flags) not in entries:
            parts = _parts(pattern, flags)
            if parts is not None:
                entries[pattern, flags] = parts
    try:
        from speclint.files import replace_atomically

        _path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(str(_path), marshal.dumps(entries), 0o644, durable=False)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only a slower next run
        pass


def _parts(pattern: str, flags: int):
    """What ``re``'s compiler hands the engine for one pattern (as in ``re._compiler.compile``)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(item) for item in _compiler._code(parsed, flags)]  # plain ints: marshal refuses int subclasses
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        # Only what comes back exactly as `re` makes it is kept.
        if _sre.compile(pattern, *parts) != re.compile(pattern, flags):
            return None
        return parts
    except Exception:  # noqa: BLE001
        return None
