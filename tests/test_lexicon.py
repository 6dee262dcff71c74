"""The lexicon's word-list questions, checked against the plain definition over every common word."""

from __future__ import annotations

import re

import pytest
from conftest import CLEAN, SEEDS

from speclint.words.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(["Zqxwvorthing"])


@pytest.fixture(scope="module")
def commonest_longer(lexicon) -> dict[str, float]:
    """For every proper beginning of a common word, the frequency of the commonest common word it begins."""
    best: dict[str, float] = {}
    for word in lexicon.common_words(3.0):
        zipf = lexicon.zipf(word)
        for size in range(len(word)):
            if best.get(word[:size], -1.0) < zipf:
                best[word[:size]] = zipf
    return best


def _sample_words(lexicon: Lexicon) -> set[str]:
    """The example specs' words, every beginning of a few hundred common words (vocabulary included), and odd strings."""
    words = {word.lower() for path in SEEDS + CLEAN for word in re.findall(r"[A-Za-z']+", path.read_text(encoding="utf-8"))}
    for word in sorted(lexicon.common_words(3.0))[::97] + ["zqxwvorthing", "police", "maintenance", "and"]:
        words.update(word[:size] for size in range(1, len(word) + 1))
    return words | {"", "zz", "zqxwvorthingz", "caf\u00e9", "don't", "\uffff"}


@pytest.mark.parametrize("lead", [0.0, 0.5, 1.3])
def test_begins_commoner_word_is_the_plain_definition(lexicon, commonest_longer, lead):
    """X906 judges each word once by ``begins_commoner_word``: it must say exactly whether a longer common word
    starts with the word and is more than ``lead`` more common, or X906 would skip a split word."""
    words = _sample_words(lexicon)
    expected = {word for word in words if commonest_longer.get(word, -1.0) > (lexicon.zipf(word) or 0.0) + lead}
    assert {word for word in words if lexicon.begins_commoner_word(word, 3.0, lead)} == expected
    assert len(expected) > 100 and len(words - expected) > 1000  # both answers are well represented


def test_begins_commoner_word_examples(lexicon):
    assert lexicon.begins_commoner_word("pol", 3.0, 0.5)  # "police"
    assert lexicon.begins_commoner_word("an", 3.0, 0.5)  # "and"
    assert lexicon.begins_commoner_word("zqxwvor", 3.0, 0.5)  # a vocabulary word counts as common
    assert not lexicon.begins_commoner_word("zqxwvorthing", 3.0, 0.5)  # only longer words count
    assert not lexicon.begins_commoner_word("the", 3.0, 0.5)  # "there", "they" are less common than "the"
    assert not lexicon.begins_commoner_word("customer", 3.0, 0.5)
