"""The shipped word list (``rules/dictionary/lexicon.txt``): every word with its Zipf frequency, stored so that
a one-file run can ask about its few hundred words without building a table of all 180,000.

Building that table (a Python string and a dict entry per word) costs more than linting a spec, and a
pre-commit hook on one changed file pays it on every commit. So the file has two parts:

* the common words (Zipf >= 3.0, about 30,000), one line per frequency as "<zipf × 10><TAB><words>":
  the answer for most words a spec has, and the groups ``Lexicon.common_words`` is made of;
* the rare ones, one sorted "<word><TAB><zipf × 10>" line each, with an index from each word's first two
  or three letters to its lines (the ``rare`` line before them). Asking about a rare word, or about a
  string that is no word at all (most of a misspelling's candidate corrections), searches a few
  kilobytes of text, in C.

Once a process has asked about many rare words (a run over many files), the rare words go into the
table too, and every answer is a dict lookup again.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from speclint.resources import rules_dir

RARE_BELOW = 30  # Zipf × 10: words less common than this are in the rare part
_CHUNK = 2048  # characters: rare words sharing their first two letters beyond this are indexed by three
_RARE_LOOKUPS_BEFORE_TABLE = 5000  # searches cost ~3 µs each, building the full table ~30 ms once
_NOT_IN_WORDS = ("\n", "\t", " ")  # a string holding one of these could match across the file's lines


class WordList:
    """Which words the shipped list has, and how common each is."""

    def __init__(self, text: str):
        head, found, rest = ("\n" + text).partition("\nrare\t")
        if not found:
            raise ValueError("the word list has no 'rare' line")
        self.groups: list[tuple[float, list[str]]] = [
            (int(bucket) / 10, words.split(" ")) for bucket, _, words in (line.partition("\t") for line in head.splitlines() if line)
        ]
        self.common_below = RARE_BELOW / 10  # every word at least this common is in a group
        # The table every lookup tries first: the common words, and once filled (``full``) every word.
        self.table: dict[str, float] = {}
        for zipf, words in self.groups:
            self.table.update(dict.fromkeys(words, zipf))
        index_line, _, rare_lines = rest.partition("\n")
        self._rare = "\n" + rare_lines  # every line starts after a newline, so "\n<word>\t" finds a whole word
        fields = index_line.split()  # key, start, key, start, ... in the order of the lines
        starts = list(map(int, fields[1::2]))
        ends = [*starts[1:], len(self._rare)] if starts else []  # a key's lines end where the next key's start
        self._chunks = dict(zip(fields[0::2], zip(starts, ends, strict=True), strict=True))  # key -> (start, end)
        self.full = False
        self._rare_lookups = 0

    def zipf(self, word: str) -> float | None:
        """The word's Zipf frequency (lower case), None when it is not listed."""
        value = self.table.get(word)
        if value is None and not self.full:
            return self.rare_zipf(word)
        return value

    def rare_zipf(self, word: str) -> float | None:
        """A word missing from ``table`` looked up among the rare ones (the caller has tried ``table``)."""
        self._rare_lookups += 1
        if self._rare_lookups > _RARE_LOOKUPS_BEFORE_TABLE:
            self.fill_table()
            return self.table.get(word)
        chunk = self._chunks.get(word[:3]) or self._chunks.get(word[:2])
        if chunk is None or any(mark in word for mark in _NOT_IN_WORDS):
            return None
        at = self._rare.find(f"\n{word}\t", *chunk)
        if at < 0:
            return None
        value = at + len(word) + 2
        return int(self._rare[value : value + 2]) / 10

    def fill_table(self) -> None:
        """Put the rare words into ``table`` (in place: whoever holds it sees every word from now on)."""
        if self.full:
            return
        self.full = True
        if self._rare == "\n":
            return
        fields = self._rare[1:-1].replace("\t", "\n").split("\n")  # word, bucket, word, bucket, ...
        zipf_of_bucket = {f"{bucket:02d}": bucket / 10 for bucket in range(RARE_BELOW)}
        self.table.update(zip(fields[0::2], map(zipf_of_bucket.__getitem__, fields[1::2]), strict=True))

    def words_at_least(self, at_least: float) -> list[list[str]]:
        """Every word at least ``at_least`` common, in sorted runs (one per frequency, or one for the rare ones)."""
        runs = [words for zipf, words in self.groups if zipf >= at_least]
        if at_least < self.common_below:
            self.fill_table()
            runs.append(sorted(word for word, zipf in self.table.items() if at_least <= zipf < self.common_below))
        return runs


def format_word_list(zipf_by_word: Mapping[str, float]) -> str:
    """The file ``WordList`` reads, for words (lower case, no white space) and their Zipf frequency (one decimal)."""
    buckets: dict[int, list[str]] = {}
    rare: list[tuple[str, int]] = []
    for word, zipf in zipf_by_word.items():
        bucket = round(zipf * 10)
        if bucket >= RARE_BELOW:
            buckets.setdefault(bucket, []).append(word)
        else:
            rare.append((word, bucket))
    rare.sort()
    by_two: dict[str, int] = {}
    for word, _ in rare:
        by_two[word[:2]] = by_two.get(word[:2], 0) + len(word) + 4
    chunks: dict[str, int] = {}
    lines, at = [], 0  # ``at``: where the next line's newline is in the rare part ("\n" + lines)
    for word, bucket in rare:
        key = word[:3] if by_two[word[:2]] > _CHUNK else word[:2]
        chunks.setdefault(key, at)
        lines.append(f"{word}\t{bucket:02d}")
        at += len(word) + 4
    common = [f"{bucket}\t{' '.join(sorted(words))}" for bucket, words in sorted(buckets.items(), reverse=True)]
    index = " ".join(f"{key} {start}" for key, start in chunks.items())
    return "\n".join([*common, f"rare\t{index}", *lines]) + "\n"


@cache
def shipped_word_list() -> WordList:
    with open(rules_dir() / "dictionary" / "lexicon.txt", encoding="utf-8") as handle:
        return WordList(handle.read())
