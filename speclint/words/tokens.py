"""Split the view text into word tokens with their offsets."""

from __future__ import annotations

import re
from collections import namedtuple
from itertools import accumulate, repeat

# Letters with inner apostrophes ("District’s", "don't"); digits stay out of words.
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_SPLIT = re.compile(f"({_WORD.pattern})")  # the same words, for re.split
_POSSESSIVE = re.compile(r"['\u2019]s$|['\u2019]$", re.IGNORECASE)


# Tuples: a spec has thousands of tokens, and tuples are cheap to make. (collections' namedtuple, not
# typing's NamedTuple: importing typing costs a one-file run 2-4 ms.)
class Token(namedtuple("Token", "text start end")):
    """A word or other token: its ``text`` and where it ``start``s and ``end``s in the joined view text."""

    __slots__ = ()

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("District’s" -> "District")."""
        return bare(self.text)

    def touches(self, text: str) -> str:
        """The characters right before and after the token ("" at the edges)."""
        return (text[self.start - 1] if self.start else "") + (text[self.end] if self.end < len(text) else "")

    def glued_to_digit_or_underscore(self, text: str) -> bool:
        """Part of "2019December", "T2", "abc_def": not a word a dictionary can judge."""
        return any(ch.isdigit() or ch == "_" for ch in self.touches(text))


class Words(namedtuple("Words", "texts starts ends")):
    """A text's word tokens as three parallel lists (``texts``, ``starts``, ``ends``): what most rules need,
    without an object per word."""

    __slots__ = ()

    def token(self, index: int) -> Token:
        return Token(self.texts[index], self.starts[index], self.ends[index])


def words(text: str) -> Words:
    """The word tokens of a text (the matches of ``_WORD``), as parallel lists."""
    # Done in C: re.split gives gap, word, gap, word, ..., gap; the running sum of their lengths is the offsets.
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return Words(parts[1::2], offsets[1:-1:2], offsets[2::2])


def _tokens_of(columns: Words) -> list[Token]:
    # tuple.__new__ mapped in C: Token(...) goes through a Python-level __new__, and a spec has thousands of tokens.
    return list(map(tuple.__new__, repeat(Token), zip(*columns, strict=True)))


def tokens(text: str) -> list[Token]:
    return _tokens_of(words(text))


def is_one_token(text: str) -> bool:
    """Whether the text is exactly one word token ("it's" is, "a lot" and "café" are not)."""
    return _WORD.fullmatch(text) is not None


def bare(word: str) -> str:
    """A word without its possessive ending ("District’s" -> "District")."""
    if "'" not in word and "\u2019" not in word:
        return word
    return _POSSESSIVE.sub("", word)


def match_case(original: str, word: str) -> str:
    """``word`` in the case of ``original``: "EXERCISED" for "EXCERCISED", "Using" for "Useing"."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def word_tokens(ctx) -> list[Token]:
    """A rule context's word tokens, made once per file and shared by every rule that needs them."""
    return ctx.shared("word_tokens", lambda: _tokens_of(word_columns(ctx)))


def word_columns(ctx) -> Words:
    """The same tokens as ``word_tokens`` as parallel lists (texts, starts, ends), made once per file. Cheaper to
    make and to scan: a rule that looks at every word can test the texts in C and make a Token only for a hit."""
    return ctx.shared("word_columns", lambda: words(ctx.source.text))


def lower_word_texts(ctx) -> list[str]:
    """The texts of ``word_columns`` in lower case, made once per file."""
    return ctx.shared("lower_word_texts", lambda: list(map(str.lower, word_columns(ctx).texts)))


def distinct_word_texts(ctx) -> set[str]:
    """The distinct texts of ``word_columns``, made once per file: T401 and M607 each judge every distinct word
    (a set to read, not to change)."""
    return ctx.shared("distinct word texts", lambda: set(word_columns(ctx).texts))
