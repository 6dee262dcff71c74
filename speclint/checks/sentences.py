"""Sentences of the view text with their offsets, for rules that reason within a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A sentence ends at . ! ? followed by space and a capital, at a blank line,
# or before a list item; "lbs.", "e.g." and the like do not end one.
_BOUNDARY = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(\"\u201c])"
    r"|\n[ \t]*\n"
    r"|\n(?=[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t])"
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
        before = text[start : boundary.start()]
        last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if boundary.group(0).strip() == "" and "\n\n" not in boundary.group(0) and last_word in _ABBREVIATIONS:
            continue
        if before.strip():
            yield Sentence(before, start)
        start = boundary.end()
    if text[start:].strip():
        yield Sentence(text[start:], start)
