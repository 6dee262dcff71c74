"""Every match of a rule's pattern in a file, as ``pattern.finditer(text)`` gives them, found cheaply.

A search tries a pattern at every position of the text, and a spec has ten thousand of them. When the
literal test (speclint.prefilter) says a pattern cannot match, there is no search at all. When every
match starts with one of a few strings ("under", "below", "younger than"), a match can only start where
one of those strings is, so the pattern is tried at those places only; ``pattern.match`` at a position
does what a search does when it reaches that position, lookbehinds and ``\\b`` included. When no match
can take in a newline, only the lines that have one of the pattern's literals are searched. Otherwise
the whole text is searched, with the first-character test in front.

The same idea for rules with patterns of their own: ``fold`` and ``places`` find where a pattern's first
words are, and ``finditer_at`` / ``search_at`` try the pattern there only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from speclint.prefilter import (
    ASCII_FOLDS,
    RAW,
    TextForms,
    fast_form,
    literals_of,
    may_be_in,
    may_match_pattern,
    required_prefixes,
    stays_on_one_line,
    text_forms,
)

# Past this many places to try, one search of the whole text costs less than trying each place from Python.
MAX_PLACES = 200
MIN_NEEDLE = 3


def find_all(pattern, ctx) -> Iterable[re.Match]:
    """The matches ``pattern.finditer(ctx.source.text)`` would give, in order."""
    return find_in(pattern, ctx.source.text, text_forms(ctx))


def find_in(pattern, text: str, forms: TextForms) -> Iterable[re.Match]:
    """The matches ``pattern.finditer(text)`` would give, in order; ``forms`` is ``normalize(text)``."""
    if not may_match_pattern(pattern, forms):
        return ()
    if isinstance(pattern, re.Pattern):  # a user pack's timed pattern (the `regex` module) is searched as it is
        places = _places(pattern, text, forms.folded)
        if places is not None:
            return finditer_at(pattern, text, places)  # no match is empty: each starts with a prefix
        lines = _lines(pattern, forms, text)
        if lines is not None:
            return _matches_on(fast_form(pattern), text, lines)
    return fast_form(pattern).finditer(text)


def _places(pattern: re.Pattern, text: str, folded: str) -> list[int] | None:
    """The offsets where a match of ``pattern`` may start, in order; None when they are not known or too many."""
    if len(folded) != len(text):
        return None  # lower-casing made some character two (rare): offsets in the folded text would be off
    prefixes = required_prefixes(pattern.pattern, pattern.flags)
    return None if prefixes is None else _offsets(folded, prefixes)


def _offsets(folded: str, needles) -> list[int] | None:
    """Where each of the strings is in the folded text, in order; None past MAX_PLACES, or at once for a
    string shorter than MIN_NEEDLE (a letter or two is everywhere: "a", "he")."""
    if any(len(needle) < MIN_NEEDLE for needle in needles):
        return None
    return _find_each(folded, needles, MAX_PLACES)


def _find_each(haystack, needles, limit: int | None = None) -> list[int] | None:
    """Where each needle is in the haystack (str in str, or bytes in bytes), in order; None past ``limit``."""
    found: set[int] = set()
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            found.add(at)
            if limit is not None and len(found) > limit:
                return None
            at = haystack.find(needle, at + 1)
    return sorted(found)


def _lines(pattern: re.Pattern, forms: TextForms, text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each line that has one of the pattern's literals, in order; None when the pattern's
    matches may run over lines, or the lines are not known or too many to search one by one."""
    if len(forms.folded) != len(text) or not stays_on_one_line(pattern.pattern, pattern.flags):
        return None
    literals = literals_of(pattern)
    if literals is None:
        return None
    # A literal of the normalized text stands for words with other characters between them; each word is in
    # the folded text as it is, so a line with the match has the literal's longest word.
    words = {literal[1:] if literal[:1] == RAW else max(literal.split(), key=len) for literal in literals if may_be_in(literal, forms)}
    offsets = _offsets(forms.folded, words)
    if offsets is None:
        return None
    lines: dict[int, int] = {}
    end = -1
    for at in offsets:
        if at > end:  # not on the line before
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            lines[start] = end
    return list(lines.items())


def _matches_on(pattern: re.Pattern, text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match]:
    for start, end in lines:
        yield from pattern.finditer(text, start, end)


# -- searching from a rule's own list of places ---------------------------------------------------

def fold(text: str) -> bytes:
    """``text`` as ASCII bytes in lower case, one byte for each character: each character that a case-insensitive
    pattern matches to an ASCII letter becomes that letter, any other non-ASCII character "?". So a case-insensitive
    word of ASCII letters and spaces can match only where the folded text has the word in lower case.
    (Bytes, not a lower-cased str: str.lower() of a non-ASCII text costs three times as much.)"""
    if not text.isascii():
        for letter, ascii_letter in ASCII_FOLDS.items():
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.encode("ascii", "replace").lower()


def folded_text(ctx) -> bytes:
    """A rule context's text, folded once per file for the rules that look for words in it."""
    return ctx.shared("folded text", lambda: fold(ctx.source.text))


def places(folded: bytes, words: Iterable[str]) -> list[int]:
    """Where the (lower-case ASCII) ``words`` occur in the folded text, in order."""
    return _find_each(folded, [word.encode("ascii") for word in words])


def finditer_at(pattern: re.Pattern, text: str, starts: list[int], pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, endpos)``, given ``starts``: sorted places that include every place where
    a match can start. The pattern must not match the empty string."""
    endpos = len(text) if endpos is None else endpos
    after = pos  # a match may not start inside the one before it
    for index in range(bisect.bisect_left(starts, pos), len(starts)):
        place = starts[index]
        if place >= endpos:
            break
        if place < after:
            continue
        match = pattern.match(text, place, endpos)
        if match is not None:
            yield match
            after = match.end()


def search_at(pattern: re.Pattern, text: str, starts: list[int], pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """``pattern.search(text, pos, endpos)``, given ``starts`` as for :func:`finditer_at`."""
    return next(finditer_at(pattern, text, starts, pos, endpos), None)
