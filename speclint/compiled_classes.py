"""The compiled methods of speclint's dataclasses, kept between runs as Python keeps modules in .pyc files.

When a module defines a dataclass, ``dataclasses`` writes the class's ``__init__``, ``__repr__``,
``__eq__`` (and more for a frozen one) as source text and compiles it: some 170 compiles for the
40 classes a run imports, about a seventh of a one-file run (a pre-commit hook on one changed spec).
The compiled code depends only on that text and the Python version. The ``speclint`` command
gives ``dataclasses`` an ``exec`` that takes the code compiled by an earlier run from the user's
cache folder, keyed by the source text, and compiles (and at the end saves) only what is new.

Like speclint.compiled_patterns this is a shortcut that may fail without harm: an unreadable,
stale or foreign file, or a read-only home, means the methods are compiled as usual.
``SPECLINT_NO_CACHE`` (any value) turns it off.
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
from types import CodeType

MAX_ENTRIES = 1000  # beyond this many (old versions' classes), the file starts again from one run's
_stored: dict[str, CodeType] = {}  # source text -> code, as the cache file held it
_compiled: dict[str, CodeType] = {}  # what this run compiled
_path: str | None = None


def _exec(source, globals=None, locals=None, /):  # noqa: A002 - the signature of the builtin it stands for
    """``exec`` for the dataclasses module: source text is compiled once, then found by its text."""
    if isinstance(source, str):
        code = _stored.get(source) or _compiled.get(source)
        if code is None:
            # dont_inherit: compile as exec() in the dataclasses module does (it has no __future__ imports)
            code = _compiled[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    return builtins.exec(source, globals, locals)


def cache_file() -> str | None:
    """The cache file for this Python and speclint version, or None when the cache is off."""
    from importlib.util import MAGIC_NUMBER

    from speclint import __version__
    from speclint.files import kept_file

    return kept_file("classes", f"{sys.version}|{sys.implementation.name}|{MAGIC_NUMBER.hex()}|{__version__}")


def preload() -> None:
    """Read the kept code and hand ``dataclasses`` the ``exec`` that uses it (call before the classes are defined)."""
    global _path, _stored
    _path = cache_file()
    if _path is None:
        return
    from speclint.files import read_kept

    stored = read_kept(_path)
    if isinstance(stored, dict):
        _stored = {source: code for source, code in stored.items() if isinstance(source, str) and isinstance(code, CodeType)}
    dataclasses.exec = _exec  # a module global shadows the builtin for the dataclasses module only


def save() -> None:
    """Add the code this run compiled to the cache file (atomically; errors ignored)."""
    if _path is None or not _compiled:
        return
    from speclint.files import write_kept

    stored = _stored if len(_stored) + len(_compiled) <= MAX_ENTRIES else {}
    write_kept(_path, {**stored, **_compiled})
