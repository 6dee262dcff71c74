"""The shipped word list answers the same for every word whether a rare word is searched for in the file's text
(a one-file run) or looked up in the full table (a run over many files)."""

from __future__ import annotations

import random

import pytest

from speclint.resources import rules_dir
from speclint.words import word_list
from speclint.words.lexicon import edits1
from speclint.words.word_list import WordList, format_word_list


@pytest.fixture(scope="module")
def text() -> str:
    return (rules_dir() / "dictionary" / "lexicon.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def every_word(text) -> dict[str, float]:
    words = WordList(text)
    words.fill_table()
    return dict(words.table)


@pytest.fixture
def searching(monkeypatch, text) -> WordList:
    """A word list that never fills its table: every rare word is searched for."""
    monkeypatch.setattr(word_list, "_RARE_LOOKUPS_BEFORE_TABLE", 10**9)
    return WordList(text)


def test_the_shipped_list_is_large_and_lists_each_word_once(text, every_word):
    listed = [word for line in text.split("\nrare\t")[0].splitlines() for word in line.split("\t")[1].split(" ")]
    listed += [line.split("\t")[0] for line in text.split("\nrare\t")[1].splitlines()[1:]]
    assert len(listed) == len(set(listed)) == len(every_word) > 150_000
    assert every_word["maintenance"] >= 4.0 and every_word["the"] > 7.0


def test_every_listed_word_is_found_by_searching(searching, every_word):
    assert {word: searching.zipf(word) for word in every_word} == every_word
    assert not searching.full


def test_strings_that_are_not_words_are_not_found(searching, every_word):
    random.seed(8)
    near = {candidate for word in random.sample(sorted(every_word), 300) for candidate in edits1(word)}
    odd = {"", "a\tb", "rare", "co", "zzzz", "caf\u00e9", "\uffff", "the\n17\nthe", "main 30", "x" * 300, "'", "-"}
    odd |= {word[:size] for word in ("maintenance", "nonsupervisory", "aardvark") for size in range(1, 5)}
    candidates = near | odd
    assert {word: searching.zipf(word) for word in candidates} == {word: every_word.get(word) for word in candidates}
    assert sum(word in every_word for word in candidates) > 500 and sum(word not in every_word for word in candidates) > 5000


def test_many_rare_lookups_fill_the_table_in_place(monkeypatch, text, every_word):
    monkeypatch.setattr(word_list, "_RARE_LOOKUPS_BEFORE_TABLE", 50)
    words = WordList(text)
    held = words.table  # a Lexicon holds this dict; it must see every word once filled
    answers = {word: words.zipf(word) for word in sorted(every_word)[::1000] + ["qqqq"] * 60}
    assert words.full and held is words.table and held == every_word
    assert answers == {word: every_word.get(word) for word in answers}


def test_words_at_least_a_frequency(text, every_word):
    words = WordList(text)
    for at_least in (4.5, 3.0, 2.0):
        runs = words.words_at_least(at_least)
        assert all(run == sorted(run) for run in runs)
        assert sorted(word for run in runs for word in run) == sorted(word for word, zipf in every_word.items() if zipf >= at_least)
    assert words.full  # 2.0 reaches into the rare words


def test_format_and_read_back_a_small_list(monkeypatch):
    """Rare words sharing two letters beyond the chunk size are indexed by three; one- and two-letter words too."""
    monkeypatch.setattr(word_list, "_CHUNK", 40)
    table = {"the": 7.7, "and": 7.5, "co": 2.0, "coat": 1.2, "coast": 0.0, "cobalt": 2.9, "cod": 0.4, "a": 5.0, "b": 0.1}
    table |= {f"co{letter}x": 1.0 for letter in "abcdefgh"} | {"zebra": 3.0, "zeal": 2.9}
    text = format_word_list(table)
    assert text.splitlines()[0] == "77\tthe"
    index = text.split("\nrare\t")[1].splitlines()[0].split(" ")[0::2]
    assert "coa" in index and "co" in index and "b" in index and "ze" in index and "zea" not in index
    for fill in (False, True):
        words = WordList(text)
        if fill:
            words.fill_table()
        assert {word: words.zipf(word) for word in table} == table
        assert [words.zipf(word) for word in ("c", "cox", "coz", "coa", "zebras", "", "b\t01")] == [None] * 7


def test_a_list_without_its_index_line_is_refused():
    with pytest.raises(ValueError, match="rare"):
        WordList("30\tthe and\n")


def test_a_list_of_common_words_only():
    words = WordList(format_word_list({"the": 7.7, "and": 7.5}))
    assert words.zipf("the") == 7.7 and words.zipf("then") is None
    words.fill_table()
    assert words.table == {"the": 7.7, "and": 7.5}


def test_a_list_of_rare_words_only():
    words = WordList(format_word_list({"aardvark": 1.0, "zymurgy": 0.0}))
    assert words.zipf("aardvark") == 1.0 and words.zipf("zymurgy") == 0.0 and words.zipf("the") is None
    assert words.words_at_least(0.5) == [["aardvark"]]
