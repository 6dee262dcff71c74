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

import re
import sys

try:  # the engine and compiler behind `re`; internal, so their absence only turns this off
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - Python versions that lay `re` out differently
    _sre = None

MAX_ENTRIES = 3000  # user rule packs add patterns; beyond this many, the file starts again from one run's
# A run that compiled fewer new patterns than this saves nothing: those are the few a rule builds from the
# text it reads (a spec's title), which differ from file to file; a first run or a new version adds hundreds.
MIN_NEW = 20
# the cache file: {part: {(pattern, flags): what was found}}
_PARTS = ("patterns", "literals", "literal sets", "first", "prefixes", "one line")
_stored: dict = {part: {} for part in _PARTS}  # what the cache file held when the run started
_path: str | None = None


def cache_file() -> str | None:
    """The cache file for this Python, or None when the cache is off."""
    if _sre is None or not hasattr(re, "_cache"):
        return None
    import zlib

    from speclint import __version__, prefilter
    from speclint.files import kept_file

    try:  # the prefilter's findings are kept too: a change to how it finds them starts a new file
        with open(prefilter.__file__, "rb") as handle:
            finder = f"{zlib.crc32(handle.read()):08x}"
    except OSError:
        return None
    engine = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}|{sys.implementation.name}|{__version__}"
    return kept_file("patterns", f"{engine}|{finder}")


def preload() -> None:
    """Put every cached pattern into ``re``'s cache, and what speclint.prefilter found about each into
    its tables (call before the rules are imported)."""
    global _path, _stored
    _path = cache_file()
    if _path is None:
        return
    from speclint.files import read_kept

    stored = read_kept(_path)
    if not isinstance(stored, dict) or not all(isinstance(stored.get(part), dict) for part in _PARTS):
        return
    _stored = stored
    for (pattern, flags), parts in stored["patterns"].items():
        try:
            final_flags, code, groups, groupindex, indexgroup = parts
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
        except Exception:  # noqa: BLE001 - a bad entry is only a pattern compiled the usual way
            continue
        re._cache[str, pattern, flags] = compiled
    from speclint import prefilter

    for part, known in prefilter.FINDINGS.items():
        for key, found in stored[part].items():
            if isinstance(key, tuple) and _is_finding(part, found):
                known[key] = found


def _is_finding(part: str, found) -> bool:
    """Whether a value read from the file has the shape the prefilter's table for ``part`` holds."""
    if part == "one line":
        return isinstance(found, bool)
    if part == "literal sets":
        return isinstance(found, tuple) and all(isinstance(item, frozenset) for item in found)
    return found is None or isinstance(found, frozenset)


def save() -> None:
    """Add the patterns this run compiled (and what the prefilter found about them) to the cache file
    (atomically; errors ignored)."""
    if _path is None:
        return
    from speclint import prefilter

    current = {(key[1], key[2]) for key in list(re._cache) if len(key) == 3 and key[0] is str}
    facts = {part: dict(known) for part, known in prefilter.FINDINGS.items()}
    new_facts = sum(1 for part, known in facts.items() for key in known if key not in _stored[part])
    if len(current - _stored["patterns"].keys()) < MIN_NEW and new_facts < MIN_NEW:
        return
    # What the file held at start (read once, by preload), unless it would grow past the limit.
    stored = _stored if len(_stored["patterns"]) + len(current) <= MAX_ENTRIES else {part: {} for part in _PARTS}
    for pattern, flags in current:
        if (pattern, flags) not in stored["patterns"]:
            parts = _parts(pattern, flags)
            if parts is not None:
                stored["patterns"][pattern, flags] = parts
    for part, known in facts.items():
        if len(stored[part]) + len(known) <= MAX_ENTRIES:
            stored[part].update(known)
        else:
            stored[part] = known
    from speclint.files import write_kept

    write_kept(_path, stored)


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
