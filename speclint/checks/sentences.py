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
_ABBREVIATIONS = ("lbs.", "lb.", "e.g.", "i.e.", "etc.", "approx.", "no.", "min.", "max.", "vs.", "st.", "dr.", "mr.", "ms.")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the joined view text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(text: str) -> Iterator[Sentence]:
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end, after = boundary.span("space")
        if end < 0:  # a line break, not the space after a mark
            end, after = boundary.span()
        # Each abbreviation ends with ".": the last character answers for nearly every boundary.
        last = text[end - 1] if end > start else ""
        if (last == "." or last.isspace()) and "\n\n" not in text[end:after] and _ends_with_abbreviation(text[start:end]):
            continue
        before = text[start:end]
        if before and not before.isspace():
            yield Sentence(before, start)
        start = after
    if text[start:].strip():
        yield Sentence(text[start:], start)


def _ends_with_abbreviation(before: str) -> bool:
    last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    return last_word in _ABBREVIATIONS
