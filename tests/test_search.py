"""speclint.search: a pattern's matches found at its prefixes or on its lines are the matches a full search finds."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_prefilter import _shipped_patterns, _texts

from speclint import search
from speclint.prefilter import literals_of, normalize, required_prefixes, stays_on_one_line


def _found(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in search.find_in(pattern, text, normalize(text))]


def _expected(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_every_pattern_finds_what_a_full_search_finds():
    """Every pattern of the shipped packs over the example specs, their lines, the rule examples and mixes of them."""
    texts = _texts()
    forms = [normalize(text) for text in texts]
    ways = {"prefixes": 0, "lines": 0}
    for pattern in _shipped_patterns():
        for text, form in zip(texts, forms, strict=True):
            if search._places(pattern, text, form.folded) is not None:
                ways["prefixes"] += 1
            elif search._lines(pattern, form, text) is not None:
                ways["lines"] += 1
            found = [(m.span(), m.groups()) for m in search.find_in(pattern, text, form)]
            assert found == _expected(pattern, text), (pattern.pattern, text[:200])
    assert ways["prefixes"] > 1000 and ways["lines"] > 1000  # both ways were taken, many times


@functools.cache
def _pieces(pattern: re.Pattern) -> list[str]:
    """What the pattern matches in the example texts, its literals and prefixes, and separators."""
    matched = {match.group() for text in _texts() for match in pattern.finditer(text)}
    own = {literal.strip(" \x00") for literal in literals_of(pattern) or ()} | set(required_prefixes(pattern.pattern, pattern.flags) or ())
    return sorted(matched)[:30] + sorted(own) + ["\n", "\r\n", " ", "  ", "-", "XX", "21", "the", "of", "İ", "ſ", "\u212a", "é", "."]


@settings(max_examples=500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_text(data):
    """Texts made of what the pattern matches, its literals and prefixes, line breaks, spaces and odd letters,
    cut and joined at random, so that near-matches (over two lines, in other words, in other cases) are common."""
    pattern = data.draw(st.sampled_from(_shipped_patterns()))
    pieces = _pieces(pattern)
    piece = st.sampled_from(pieces)
    cut = st.tuples(piece, st.integers(0, 40)).map(lambda item: item[0][item[1] :])  # the tail of a piece
    shouted = piece.map(str.upper)
    text = data.draw(st.lists(st.one_of(piece, cut, shouted, st.text(max_size=3)), max_size=12).map("".join))
    assert _found(pattern, text) == _expected(pattern, text), (pattern.pattern, text)


@pytest.mark.parametrize(
    "pattern, flags, expected",
    [
        (r"\b(?:under|below)\s+\d", re.I, {"under", "below"}),
        (r"(?<!with or )\bwithout (?:a |any )?accommodation", re.I, {"without "}),
        (r"\bDRAFT\b", 0, {"draft"}),
        (r"\[(?i:insert|name)\b", 0, {"[insert", "[name"}),
        (r"X{3,}", 0, {"x"}),
    ],
)
def test_prefixes(pattern, flags, expected):
    assert required_prefixes(pattern, flags) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"(?:a|\d)x", r"[ \t]*Draft", r"\d+ pounds", r"x?y"])
def test_no_prefix_where_a_match_may_start_otherwise(pattern):
    assert required_prefixes(pattern) is None


@pytest.mark.parametrize(
    "pattern, one_line",
    [
        (r"(?m)^[ \t]*Draft[^\n]*$", True),
        (r"\bnote to (?:hr|file)\b", True),
        (r"[^\s]+ x", True),
        (r"draft(?= only)", True),
        (r"under\s+21", False),  # \s takes in a newline
        (r"a[^b]c", False),  # so does a negated class without \n
        (r"(?s)a.c", False),
        (r"draft$", False),  # without MULTILINE, "$" is the end of the text (or before its last newline) only
        (r"draft\Z", False),
        (r"the(?=\n)", False),
    ],
)
def test_stays_on_one_line(pattern, one_line):
    assert stays_on_one_line(pattern) is one_line


def test_a_line_search_would_miss_a_match_over_two_lines():
    """Why the line search is kept to patterns that stay on one line."""
    pattern, text = re.compile(r"under\s+21", re.I), "Applicants under\n21 need not apply."
    assert search._lines(pattern, normalize(text), text) is None
    assert list(search._matches_on(pattern, text, [(0, text.index("\n"))])) == []
    assert _found(pattern, text) == _expected(pattern, text) != []


def test_a_match_is_tried_only_where_a_prefix_is():
    pattern = re.compile(r"\b(?:under|below) age \d+", re.I)
    text = "Thunder age 3. Not under age 18, nor BELOW age 16."
    places = [text.index("under age"), text.index(" under") + 1, text.index("BELOW")]
    assert search._places(pattern, text, normalize(text).folded) == places
    assert [m.group() for m in search.find_in(pattern, text, normalize(text))] == ["under age 18", "BELOW age 16"]
