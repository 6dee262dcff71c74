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
_SEPARATORS = "\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\x85\u2028\u2029"
_VIEW_TABLE = {code: "\u2022" for code in range(0xE000, 0xF900)}
_VIEW_TABLE.update({ord(ch): " " for ch in _SEPARATORS})
# The same characters for a search of a whole text: str.translate with a table goes character by
# character in Python's slow path, so a file is searched once and only the few characters found are replaced.
_VIEW_CHARS = re.compile("[\ue000-\uf8ff" + _SEPARATORS + "]")
# Bytes that are not C0 controls (see _CONTROL): deleting them from the UTF-8 form leaves one byte per control
# character, since the bytes of a multi-byte UTF-8 sequence are all 0x80 or above.
_NOT_CONTROL_BYTES = bytes(byte for byte in range(256) if not _CONTROL.match(chr(byte)))


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
            raise ReadError(name, _nul_reason(data))
        return guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(data):
            # The file has UTF-8 letters (é, ’) and a byte that is not: a damaged file, or two encodings pasted
            # together. Reading it as Windows-1252 would turn every one of its letters into mojibake.
            raise ReadError(
                name,
                f"not valid UTF-8: byte 0x{data[error.start]:02x} at {_where(data, error.start, 'utf-8')} is not UTF-8, "
                "though the rest of the file is; the file is damaged or mixes two encodings: save it again as UTF-8",
            ) from None
    try:
        # Word's "Plain Text" export on Windows.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise ReadError(
            name,
            f"cannot decode the text: not UTF-8 or Windows-1252 (byte 0x{data[error.start]:02x} at {_where(data, error.start, 'cp1252')})",
        ) from None


# A well-formed UTF-8 sequence for a character beyond ASCII; Windows-1252 text almost never has one.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")
# Two letters in a row, in any script: a file without them has no words to lint.
_WORD = re.compile(r"[^\W\d_]{2}")


def _where(data: bytes, offset: int, encoding: str) -> str:
    """"line L, column C" of a byte offset, counted as the reader counts them (CRLF, CR or LF; characters, not bytes)."""
    before = data[:offset]
    line = len(_BYTE_BREAK.findall(before)) + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[start:].decode(encoding, "replace")) + 1
    return f"line {line}, column {column}"


def _nul_reason(data: bytes) -> str:
    """Why a file with NUL bytes (and not UTF-16) cannot be read: binary data, or text with a few stray NULs."""
    count = data.count(0)
    rest = data.replace(b"\x00", b"")
    if count <= max(3, len(data) // 1000):
        try:
            text = rest.decode("utf-8")
        except UnicodeDecodeError:
            text = rest.decode("cp1252", "replace")
        if len(_CONTROL.findall(text)) <= 0.05 * len(text):
            first = data.index(0)
            more = f" (and {count - 1} more)" if count > 1 else ""
            return (
                f"a NUL byte (character 0) at {_where(data, first, 'utf-8')}{more}: plain text never has one, so the file "
                "is probably damaged; remove it, or export the spec to text again"
            )
    return "binary file (contains NUL bytes), not a text spec"


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
    if "\r" not in text:  # the usual case, split in C: every break (if any) is LF
        lines, newline = text.split("\n"), "\n"
    else:
        lines = _LINE_BREAK.split(text)
        breaks = _LINE_BREAK.findall(text)
        newline = max(set(breaks), key=breaks.count)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines, newline


def clean_line(line: str) -> str:
    view = line.translate(_VIEW_TABLE)
    if "speclint-" in view:
        view = DIRECTIVE_RE.sub(_blank, view)
    return view


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _view_char(match: re.Match) -> str:
    return _VIEW_TABLE[ord(match.group(0))]


def clean_lines(text: str, lines: list[str]) -> list[str]:
    """``[clean_line(line) for line in lines]`` for the lines of ``text`` (as split_lines split it), worked out on
    the whole text: most files have no character to replace and no directive, and then the view is the lines."""
    if text.isascii():
        cleaned = text.translate(_VIEW_TABLE) if "\f" in text or "\v" in text else text
    else:
        cleaned = _VIEW_CHARS.sub(_view_char, text) if _VIEW_CHARS.search(text) else text
    # Each character replaced is one character other than CR and LF, so the lines split the same way.
    view = list(lines) if cleaned is text else split_lines(cleaned)[0]
    if "speclint-" in cleaned:
        view = [DIRECTIVE_RE.sub(_blank, line) if "speclint-" in line else line for line in view]
    return view


def read_text_bytes(data: bytes, name: str, *, markdown: bool = False) -> SourceText:
    text, encoding = decode(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL_BYTES))  # _CONTROL's count, in C
    if controls and controls > 0.05 * len(text):
        raise ReadError(name, "binary file (too many control characters), not a text spec")
    if not text.strip():
        raise ReadError(name, "file is empty")
    if not _WORD.search(text):
        characters = len("".join(text.split()))
        plural = "s" if characters != 1 else ""
        raise ReadError(name, f"has no words (only {characters} character{plural} of text), so it is not a class spec")
    lines, newline = split_lines(text)
    view = clean_lines(text, lines)
    kind = "markdown" if markdown else "text"
    return SourceText(path=name, lines=lines, view=view, encoding=encoding, newline=newline, markdown=markdown, kind=kind)
