"""Stage 1 — read: a file on disk becomes one text view with its positions kept.

Every reader returns a :class:`SourceText`. Its ``lines`` are the file's own
lines (so line and column numbers in violations point at the file), and its
``view`` has the same lines with the same lengths, cleaned only where cleaning
cannot move a character: private-use bullet glyphs become "•", form feeds and
other invisible separators become spaces, and inline suppression comments are
blanked so no rule lints them.
"""

from __future__ import annotations

import os
from pathlib import Path

from speclint.read.source import ReadError, Signal, SourceText
from speclint.read.text import read_text_bytes

__all__ = ["ReadError", "Signal", "SourceText", "read_path", "read_bytes", "read_file_bytes", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

# Larger files are not class specs; refusing them keeps one odd file from
# stalling a whole run.
MAX_BYTES = 20 * 1024 * 1024


def read_path(path: str | os.PathLike) -> SourceText:
    """Read one spec file. Raises :class:`ReadError` with a one-line reason."""
    return read_bytes(read_file_bytes(path), os.fspath(path))


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """A spec file's bytes, or :class:`ReadError` for a folder, a missing, unreadable or oversized file."""
    name = os.fspath(path)
    target = Path(name)
    try:
        if target.is_dir():
            raise ReadError(name, "is a directory, not a file")
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(name, f"file is too large to be a class spec ({size // (1024 * 1024)} MB)")
        return target.read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as error:
        raise ReadError(name, error.strerror or str(error)) from None


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
