"""Plain-text and Markdown reader: bytes -> lines + cleaned view."""

from __future__ import annotations

import codecs
import re

from speclint.read.source import ReadError, SourceText
from speclint.suppress import DIRECTIVE_RE

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# C0 controls other than tab, LF, VT, FF, CR; their share tells binary from text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Characters that only get in the parser's way. Each maps to exactly one
# character so no column moves: private-use bullet glyphs from Word's Symbol
# font (U+F0B7, U+F0FC, ...) read as a bullet; separators read as a space.
_VIEW_TABLE = {code: "\u2022" for code in range(0xE000, 0xF900)}
_VIEW_TABLE.update({ord(ch): " " for ch in "\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\x85\u2028\u2029"})


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises ReadError for binary or undecodable data."""
    if not data.strip():
        raise ReadError(name, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise ReadError(name, f"not valid {encoding.upper()} text ({error.reason} at byte {error.start})") from None
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise ReadError(name, "binary file (contains NUL bytes), not a text spec")
        return guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Word's "Plain Text" export on Windows.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise ReadError(
            name, f"cannot decode the text: not UTF-8 or Windows-1252 (byte 0x{data[error.start]:02x} at {error.start})"
        ) from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no BOM shows NUL in every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for nuls, encoding in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if nuls >= 0.6 * half:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def split_lines(text: str) -> tuple[list[str], str]:
    """Split on CRLF, CR or LF only (str.splitlines also breaks on form feeds)."""
    lines = _LINE_BREAK.split(text)
    breaks = _LINE_BREAK.findall(text)
    newline = max(set(breaks), key=breaks.count) if breaks else "\n"
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines, newline


def clean_line(line: str) -> str:
    view = line.translate(_VIEW_TABLE)
    if "speclint-" in view:
        view = DIRECTIVE_RE.sub(lambda match: " " * len(match.group(0)), view)
    return view


def read_text_bytes(data: bytes, name: str, *, markdown: bool = False) -> SourceText:
    text, encoding = decode(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(_CONTROL.findall(text))
    if controls and controls > 0.05 * len(text):
        raise ReadError(name, "binary file (too many control characters), not a text spec")
    if not text.strip():
        raise ReadError(name, "file is empty")
    lines, newline = split_lines(text)
    view = [clean_line(line) for line in lines]
    kind = "markdown" if markdown else "text"
    return SourceText(path=name, lines=lines, view=view, encoding=encoding, newline=newline, markdown=markdown, kind=kind)
