"""Sentences of the view text with their offsets, for rules that reason within a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A sentence ends at . ! ? followed by space and a capital, at a blank line,
# or before a list item; "lbs.", "e.g." and the like do not end one.
# The boundary is the space after the mark (group "space"), or starts at the line break. For speed the pattern
# starts with the mark or the line break, one of a few characters the engine skips to, rather than with a
# lookbehind it would try at every position; it finds the same boundaries as
#     (?<=[.!?])\s+(?=[A-Z(\"\u201c]) | \n[ \t]*\n | \n(?=[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t])
# (a boundary always ends with a space or a line break, so the mark before the next one is never inside it).
_BOUNDARY = re.compile(
    r"[.!?\n]"
    r"(?:(?<=[.!?])(?P<space>\s+)(?=[A-Z(\"\u201c])"
    r"|(?<=\n)[ \t]*\n"
    r"|(?<=\n)(?=[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]))"
)
_ABBREVIATIONS = frozenset(("lbs.", "lb.", "e.g.", "i.e.", "etc.", "approx.", "no.", "min.", "max.", "vs.", "st.", "dr.", "mr.", "ms."))


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the joined view text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(text: str) -> Iterator[Sentence]:
    starts, ends = sentence_bounds(text)
    for start, end in zip(starts, ends, strict=True):
        yield Sentence(text[start:end], start)


def sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """Where the sentences of :func:`sentences` start and where they end (two lists, in order). Rules that look
    at a few sentences only make a :class:`Sentence`, with a copy of its text, for those (see speclint.checks.physical)."""
    starts: list[int] = []
    ends: list[int] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end, after = boundary.span(1)  # the "space" group
        if end < 0:  # a line break, not the space after a mark
            end, after = boundary.span()
        before = text[start:end]
        # Each abbreviation ends with ".": the last character answers for nearly every boundary. (The last word
        # is found from the right, without a copy of the whole sentence: rsplit gives [] for white space only.)
        last = before[-1:]
        if (last == "." or last.isspace()) and "\n\n" not in text[end:after]:
            words = before.rsplit(None, 1)
            if words and words[-1].lower() in _ABBREVIATIONS:
                continue
        if before and not before.isspace():
            starts.append(start)
            ends.append(end)
        start = after
    if text[start:].strip():
        starts.append(start)
        ends.append(len(text))
    return starts, ends
