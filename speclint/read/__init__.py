"""Stage 1 — read: a file on disk becomes one text view with its positions kept.

Every reader returns a :class:`SourceText`. Its ``lines`` are the file's own
lines (so line and column numbers in violations point at the file), and its
``view`` has the same lines with the same lengths, cleaned only where cleaning
cannot move a character: private-use bullet glyphs become "•", form feeds and
other invisible separators become spaces, and inline suppression comments are
blanked so no rule lints them.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from speclint.read.source import ReadError, Signal, SourceText
from speclint.read.text import read_text_bytes

__all__ = ["ReadError", "Signal", "SourceText", "read_path", "read_bytes", "read_file_bytes", "read_limited", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

# Larger files are not class specs; refusing them keeps one odd file from
# stalling a whole run.
MAX_BYTES = 20 * 1024 * 1024


def read_path(path: str | os.PathLike) -> SourceText:
    """Read one spec file. Raises :class:`ReadError` with a one-line reason."""
    return read_bytes(read_file_bytes(path), os.fspath(path))


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """A spec file's bytes, or :class:`ReadError` for a folder, a missing, unreadable or oversized file.

    The size is looked at before anything is read, and no more than ``MAX_BYTES + 1`` bytes are ever read,
    so a huge file (or one that grows while it is read) costs no memory. A named pipe or a device is refused
    before it is opened: opening a pipe waits for a writer, and /dev/zero never ends."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(name, _not_a_file(info.st_mode))
        if info.st_size > MAX_BYTES:
            raise ReadError(name, _too_large(info.st_size))
        with open(name, "rb") as handle:
            # A read of MAX_BYTES + 1 sets aside that much memory first; the size is known, so ask for one
            # byte more than it, and read on (to the same limit) only if the file has grown since.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise ReadError(name, _missing(name)) from None
    except PermissionError:
        raise ReadError(name, "permission denied: speclint may not read this file (check its permissions)") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError(name, "symbolic link loop: the link leads back to itself, so there is no file to read") from None
        if error.errno == errno.EISDIR:
            raise ReadError(name, "is a directory, not a file") from None
        raise ReadError(name, error.strerror or str(error)) from None
    if len(data) > MAX_BYTES:
        raise ReadError(name, _too_large(len(data)))
    return data


def read_limited(stream, name: str) -> bytes:
    """At most ``MAX_BYTES`` from an open binary stream (standard input), or the too-large :class:`ReadError`."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReadError(name, _too_large(len(data), more=True))
    return data


def _too_large(size: int, *, more: bool = False) -> str:
    megabytes = f"{'over ' if more else ''}{size / (1024 * 1024):.0f} MB"
    return f"file is too large to be a class spec ({megabytes}; the limit is {MAX_BYTES // (1024 * 1024)} MB)"


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"is {kind}, not a file (to lint standard input, give - as the path)"


def _missing(name: str) -> str:
    if os.path.islink(name):
        try:
            target = os.readlink(name)
        except OSError:
            target = "?"
        return f"broken symbolic link: it points to {target}, which does not exist"
    return "no such file"


def read_bytes(data: bytes, name: str) -> SourceText:
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        from speclint.read.docx import read_docx_bytes  # imported only for Word files: python-docx and lxml are heavy

        return read_docx_bytes(data, name)
    if suffix == ".pdf":
        from speclint.read.pdf import read_pdf_bytes

        return read_pdf_bytes(data, name)
    if suffix == ".doc":
        raise ReadError(name, "old Word .doc files cannot be read; save the spec as .docx")
    return read_text_bytes(data, name, markdown=suffix in {".md", ".markdown"})
