"""Split the view text into word tokens with their offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

# Letters with inner apostrophes ("District’s", "don't"); digits stay out of words.
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$|['\u2019]$", re.IGNORECASE)


class Token(NamedTuple):  # a tuple: a spec has thousands of tokens, and tuples are cheap to make
    text: str
    start: int  # offset in the joined view text
    end: int

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("District’s" -> "District")."""
        if "'" not in self.text and "\u2019" not in self.text:
            return self.text
        return _POSSESSIVE.sub("", self.text)

    def touches(self, text: str) -> str:
        """The characters right before and after the token ("" at the edges)."""
        return (text[self.start - 1] if self.start else "") + (text[self.end] if self.end < len(text) else "")

    def glued_to_digit_or_underscore(self, text: str) -> bool:
        """Part of "2019December", "T2", "abc_def": not a word a dictionary can judge."""
        return any(ch.isdigit() or ch == "_" for ch in self.touches(text))


def tokens(text: str) -> list[Token]:
    new = tuple.__new__  # Token(...) goes through a Python-level __new__; a spec has thousands of tokens
    return [new(Token, (match.group(), match.start(), match.end())) for match in _WORD.finditer(text)]


def match_case(original: str, word: str) -> str:
    """``word`` in the case of ``original``: "EXERCISED" for "EXCERCISED", "Using" for "Useing"."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def word_tokens(ctx) -> list[Token]:
    """A rule context's word tokens, made once per file and shared by every rule that needs them."""
    return ctx.shared("word_tokens", lambda: tokens(ctx.source.text))
