"""speclint.prefilter: a pattern is skipped only when it certainly has no match."""

from __future__ import annotations

import random
import re

import pytest
from conftest import CLEAN, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint import prefilter
from speclint.config import Config
from speclint.prefilter import (
    fast_form,
    first_chars,
    literal_sets_of,
    may_match,
    may_match_every,
    may_match_pattern,
    normalize,
    required_literal_sets,
    required_literals,
)


def _shipped_patterns() -> list[re.Pattern]:
    patterns = []
    for rule in Config().rules:
        patterns += list(getattr(rule, "patterns", None) or [])
        patterns += [pattern for pattern, _ in getattr(rule, "swaps", None) or []]
    assert len(patterns) > 30
    return patterns


@pytest.mark.parametrize(
    "pattern, flags, expected",
    [
        (r"\bforem[ae]n\b", re.I, {" foreman ", " foremen "}),
        (r"\b(?:he|she)\b", re.I, {" he ", " she "}),
        (r"\bhe/she\b", 0, {" he she "}),
        (r"_{3,}", 0, {"\x00___"}),
        (r"(?:abc)?def", 0, {"def"}),
        (r"\d+ pounds?", re.I, {" pound", " pounds"}),
        (r"\bman-?hours\b", re.I, {" man hours ", " manhours "}),
        (r"\b(?:under|below)\s+\d", re.I, {" under ", " below "}),  # white space ends a word as \b does
        (r"\d\s+(?:male|female)\s+only\b", re.I, {" only "}),
    ],
)
def test_literals(pattern, flags, expected):
    assert required_literals(pattern, flags) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"x*", r"\d+", r".", r"(?:a|\d)", r"[^a]+"])
def test_no_literal_means_always_search(pattern):
    assert required_literals(pattern) is None
    assert may_match(None, normalize("anything"))


def test_a_word_inside_another_word_does_not_count():
    forms = normalize("The other theory.")
    assert not may_match(required_literals(r"\b(?:he|she)\b", re.I), forms)
    assert may_match(required_literals(r"\b(?:he|she)\b", re.I), normalize("Then he said"))


def test_only_a_literal_of_one_whole_word_is_answered_by_the_word_set():
    """" able bodied" needs "able" as a word and then the text itself; " he " is the word "he"."""
    forms = normalize("An able man, bodied forth.")
    assert not may_match(frozenset({" able bodied"}), forms)
    assert may_match(frozenset({" able bodied"}), normalize("able-bodied"))
    assert may_match(frozenset({" he ", " able bodied"}), normalize("Then he said"))
    assert not may_match(frozenset({" he "}), normalize("The theory"))


def test_each_part_of_a_pattern_gives_a_set_the_text_must_have_one_of():
    sets = required_literal_sets(r"\b(?:January|May)\s+XX\b")
    assert sets == (frozenset({" january ", " may "}), frozenset({" xx "}))
    assert sets[0] == required_literals(r"\b(?:January|May)\s+XX\b")
    assert may_match(sets[0], normalize("It may rain")) and not may_match_every(sets, normalize("It may rain"))
    assert may_match_every(sets, normalize("Adopted: May XX, 2024"))


def test_the_kept_literal_test_of_a_pattern_answers_as_its_sets_do():
    texts = [normalize(text) for text in ("It may rain", "Adopted: May XX, 2024", "Lifts 50 lbs", "")]
    for pattern in _shipped_patterns() + [re.compile(r"\b(?:January|May)\s+XX\b")]:
        for forms in texts:
            for _ in range(2):  # the second time from what was kept
                assert may_match_pattern(pattern, forms) == may_match_every(literal_sets_of(pattern), forms), pattern.pattern


def test_the_literal_tests_kept_are_bounded_and_never_another_patterns(monkeypatch):
    monkeypatch.setattr(prefilter, "_MAX_LITERAL_TESTS", 3)
    forms = normalize("Adopted: May XX, 2024")
    for _ in range(5):
        # each pattern is made anew (as a rule that builds one from a file's text does): kept, then let go
        assert may_match_pattern(re.compile(r"\bMay\s+XX\b"), forms)
        assert not may_match_pattern(re.compile(r"\bJune\s+XX\b"), forms)
        assert len(prefilter._LITERAL_TESTS) <= 3


def test_case_insensitive_letters_that_lower_does_not_fold():
    """re matches "s" to the long s and "i" to the dotted capital I; the test must not miss them."""
    for pattern, text in [(r"\bstaff\b", "ſtaff"), (r"\bin\b", "İN"), (r"\bkey\b", "\u212aey")]:
        assert re.search(pattern, text, re.I)
        assert may_match(required_literals(pattern, re.I), normalize(text)), (pattern, text)


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in [*SEEDS, *CLEAN] if path.suffix in (".txt", ".md")]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    examples = [text for rule in Config().rules for group in (rule.examples or {}).values() for text in group]
    rng = random.Random(8)
    mixed = [" ".join(rng.sample(lines + examples, 3)) for _ in range(300)]
    return texts + lines + examples + mixed


def test_every_shipped_pattern_is_found_wherever_it_matches():
    """Over the example specs, their lines, every rule's examples and mixes of them: a match always passes the test."""
    texts = _texts()
    forms = [normalize(text) for text in texts]
    matched = 0
    for pattern in _shipped_patterns():
        literal_sets = literal_sets_of(pattern)
        for text, form in zip(texts, forms, strict=True):
            if pattern.search(text):
                matched += 1
                assert may_match_every(literal_sets, form), (pattern.pattern, text[:200])
    assert matched > 100  # enough matches to mean something (111 when written)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_match_in_any_text_passes_the_literal_test(data):
    pattern = data.draw(st.sampled_from(_shipped_patterns()))
    pieces = st.sampled_from(
        ["he", "she", "/", " ", "-", "foreman", "lbs", "20/20", "X", "xxx", "[GK1]", "DRAFT", "é", "_", "\n", "ſ", "NOTE TO HR", "İN"]
    )
    text = data.draw(st.lists(st.one_of(pieces, st.text(max_size=5)), max_size=20).map("".join))
    if pattern.search(text):
        assert may_match_every(literal_sets_of(pattern), normalize(text)), (pattern.pattern, text)
    assert [m.span() for m in fast_form(pattern).finditer(text)] == [m.span() for m in pattern.finditer(text)]


def _every_compiled_pattern() -> list[re.Pattern]:
    """The shipped packs' patterns and every other pattern speclint compiled while loading its rules."""
    _shipped_patterns()
    patterns = {value for value in list(re._cache.values()) if isinstance(value, re.Pattern) and isinstance(value.pattern, str)}
    return sorted(patterns, key=lambda pattern: (pattern.pattern, pattern.flags))


def test_the_first_character_test_changes_no_match():
    texts = _texts()
    forms = 0
    for pattern in _every_compiled_pattern():
        fast = fast_form(pattern)
        if fast is pattern:
            continue
        forms += 1
        assert fast.groupindex == pattern.groupindex and fast.groups == pattern.groups
        for text in texts:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, (pattern.pattern, text[:100])
    assert forms > 30


@pytest.mark.parametrize(
    "pattern, flags, expected",
    [
        (r"(?<![,$])\bX{3,}\b", 0, {"X"}),
        (r"\b(?:he|she)\b", re.I, {"h", "s"}),
        (r"[a-c]?d", 0, {"a", "b", "c", "d"}),
        (r"(?m)^[ \t]*Draft", 0, {" ", "\t", "D"}),
    ],
)
def test_first_characters(pattern, flags, expected):
    assert first_chars(pattern, flags) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"x*", r"\d+", r".a", r"(?:a|)b?", r"[^a]"])
def test_no_first_character_test_where_any_character_may_start(pattern):
    assert first_chars(pattern) is None
    assert fast_form(re.compile(pattern)).pattern == pattern
