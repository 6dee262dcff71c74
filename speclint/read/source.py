"""The reader's output: the file's lines plus a cleaned view of the same shape."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate


class ReadError(Exception):
    """A file that cannot be linted. ``str()`` is the one-line message for the user."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Signal:
    """Something only the source document shows, found by its reader: an unaccepted tracked change,
    a reviewer comment, highlighted or struck-through text, a PDF annotation. The rules in
    speclint/checks/ report signals by ``kind``; positions are in the text view (1-based, end exclusive)."""

    kind: str  # e.g. "insertion", "deletion", "comment", "highlight", "strike" (each reader documents its kinds)
    line: int
    column: int
    end_column: int
    detail: str = ""  # the changed or commented text, author and date, in plain words
    end_line: int | None = None  # when the signal runs over several lines


@dataclass
class SourceText:
    path: str
    lines: list[str]  # the file's lines, end-of-line characters removed
    view: list[str]  # same count and lengths as ``lines``, cleaned for parsing
    encoding: str = "utf-8"
    newline: str = "\n"
    markdown: bool = False
    kind: str = "text"  # "text", "markdown", "docx" or "pdf": which reader made it
    signals: list[Signal] = field(default_factory=list)  # what the source shows beyond its text (docx, pdf)
    pages: list[int] | None = None  # the page of each line, for readers that know pages (pdf)
    _offsets: list[int] = field(default_factory=list, repr=False)
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The view joined with newlines: what multi-line rules search."""
        if self._text is None:
            self._text = "\n".join(self.view)
        return self._text

    def offsets(self) -> list[int]:
        if not self._offsets:
            # Each line starts one newline after the end of the one before it; summed up in C.
            self._offsets.extend(accumulate(map((1).__add__, map(len, self.view[:-1])), initial=0) if self.view else ())
        return self._offsets

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset into :attr:`text`."""
        starts = self.offsets()
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_offset(self, line: int) -> int:
        """Offset in :attr:`text` of the start of a 1-based line."""
        return self.offsets()[line - 1]
