"""The lexicon: which words exist, how common they are, and what a misspelling probably meant.

Built from ``rules/dictionary/lexicon.txt`` (hunspell en_US plus frequent words from wordfreq;
see tools/build_lexicon.py and speclint.words.word_list), the shipped vocabularies in ``rules/vocabulary/*.txt`` and the user's
``vocabulary`` from config. Everything is loaded once per process and only when a rule asks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache
from itertools import chain, compress, count

from speclint.memo import Memo
from speclint.resources import rules_dir
from speclint.words.tokens import match_case
from speclint.words.word_list import shipped_word_list

VOCABULARY_ZIPF = 4.0  # shipped and user words count as common: they are this domain's words
PREFIXES = ("non", "pre", "re", "multi", "inter", "sub", "co", "un", "over", "under", "self", "post", "semi", "cross", "anti", "mid")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Stems whose plural is not stem + "s" ("policys", "boxs"): such a word is not accepted as a plural.
_NOT_PLAIN_PLURAL = ("ys", "ss", "shs", "chs", "xs", "zs")
_OMISSION_BONUS = 0.3


def read_word_list(lines: Iterable[str]) -> set[str]:
    """Words from a vocabulary file: one per line, "#" starts a comment."""
    words = set()
    for line in lines:
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return words


@cache
def _shipped_vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for path in sorted((rules_dir() / "vocabulary").glob("*.txt")):
        words |= read_word_list(path.read_text(encoding="utf-8").splitlines())
    return frozenset(words)


class Lexicon:
    def __init__(self, vocabulary: Iterable[str] = ()):
        self.vocabulary = _shipped_vocabulary() | {word.lower() for word in vocabulary}
        self._words = shipped_word_list()
        self._table = self._words.table  # the common words at first, every word once the list fills it
        self._memos: dict[str, Memo] = {}
        self._sifted: dict[str, tuple[set[str], set[str]]] = {}
        self._common_words: dict[float, frozenset[str]] = {}
        self._sorted_common: dict[float, list[str]] = {}
        self._by_initial: dict[str, list[tuple[str, float]]] | None = None

    def memo(self, name: str, limit: int = 20_000) -> Memo:
        """Answers a rule works out from this lexicon, kept across files (``name`` says whose)."""
        if name not in self._memos:
            self._memos[name] = Memo(limit)
        return self._memos[name]

    def sift(self, name: str, words: set[str], good: Callable[[str], bool], limit: int = 100_000) -> set[str]:
        """The words ``good`` rejects. Each word is judged once per run (``name`` says by whom): most words of a
        file were judged in an earlier file, and set differences, run in C, leave only the new ones to judge."""
        passed, failed = self._sifted.setdefault(name, (set(), set()))
        new = words.difference(passed).difference(failed)
        if len(passed) + len(failed) + len(new) > limit:  # bounded, like a memo: start again
            passed.clear()
            failed.clear()
            new = words
        for word in new:
            (passed if good(word) else failed).add(word)
        return failed.intersection(words)  # (iterates over the smaller set: the few failed words, not the file's)

    def zipf(self, word: str) -> float | None:
        """Zipf frequency of a word (0 = listed but rare), None when the word is not listed."""
        lower = word.lower()
        value = self._words.zipf(lower)
        if lower in self.vocabulary:
            return max(value or 0.0, VOCABULARY_ZIPF)
        return value

    def _zipf_of_many(self, candidates: set[str]) -> dict[str, float]:
        """The listed ones among many candidate words, with their frequency."""
        table = self._table
        found = {word: table[word] for word in candidates if word in table}
        if not self._words.full:
            for word in candidates.difference(found):
                zipf = self._words.rare_zipf(word)
                if zipf is not None:
                    found[word] = zipf
        for word in candidates & self.vocabulary:
            found[word] = max(found.get(word, 0.0), VOCABULARY_ZIPF)
        return found

    def known(self, word: str) -> bool:
        """A listed word, the plain plural of one ("apportionments"), or a common prefix plus a
        listed word ("nonsupervisory", "reclassify")."""
        if self.zipf(word) is not None:
            return True
        lower = word.lower()
        if lower.endswith("s") and not lower.endswith(_NOT_PLAIN_PLURAL) and self.zipf(lower[:-1]) is not None:
            return True
        for prefix in PREFIXES:
            rest = lower[len(prefix) :]
            if lower.startswith(prefix) and len(rest) >= 4 and self.zipf(rest) is not None:
                return True
        return False

    def common_words(self, at_least: float) -> frozenset[str]:
        """Every word (lower case) at least ``at_least`` common: the words ``common(word, at_least)`` is true of."""
        if at_least not in self._common_words:
            # from the file's groups, not the table: a few groups of common words rather than every word
            words = {word for run in self._words.words_at_least(at_least) for word in run}
            if at_least <= VOCABULARY_ZIPF:
                words |= self.vocabulary
            self._common_words[at_least] = frozenset(words)
        return self._common_words[at_least]

    def begins_commoner_word(self, word: str, at_least: float, lead: float) -> bool:
        """Whether a longer word of ``common_words(at_least)`` begins with ``word`` and is more than ``lead``
        more common than it (an unlisted word counts as 0): "pol" begins "police", "an" begins "and"; "main"
        begins no word that much more common."""
        threshold = (self.zipf(word) or 0.0) + lead
        ordered = self._sorted_common_words(at_least)
        # The words that begin with ``word`` follow it in sorted order; the first more common one answers.
        for at in range(bisect_right(ordered, word), len(ordered)):
            longer = ordered[at]
            if not longer.startswith(word):
                return False
            if self.zipf(longer) > threshold:
                return True
        return False

    def _sorted_common_words(self, at_least: float) -> list[str]:
        if at_least not in self._sorted_common:
            runs = self._words.words_at_least(at_least)
            if at_least <= VOCABULARY_ZIPF:
                runs.append(sorted(self.vocabulary))
            # The runs are sorted, so the sort only merges a few dozen of them: a few ms, not a full sort.
            self._sorted_common[at_least] = sorted(chain.from_iterable(runs))
        return self._sorted_common[at_least]

    def common_positions(self, lower_words: Iterable[str], at_least: float) -> set[int]:
        """The positions of the words (lower case) that are at least ``at_least`` common, in one pass."""
        return set(compress(count(), map(self.common_words(at_least).__contains__, lower_words)))  # in C

    def common(self, word: str, at_least: float) -> bool:
        value = self.zipf(word)
        return value is not None and value >= at_least

    def split(self, word: str, at_least: float = 3.0, shortest: int = 2) -> tuple[str, str] | None:
        """The best cut of a word into two listed words, each at least ``at_least`` common and
        ``shortest`` letters long ("supervisiondirection" -> ("supervision", "direction")); None if none.
        The best cut is the one whose rarer half is most common."""
        best, best_score = None, -1.0
        for cut in range(shortest, len(word) - shortest + 1):
            left, right = word[:cut], word[cut:]
            left_zipf, right_zipf = self.zipf(left), self.zipf(right)
            if left_zipf is None or right_zipf is None:
                continue
            score = min(left_zipf, right_zipf)
            if score >= at_least and score > best_score:
                best, best_score = (left, right), score
        return best

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Likely intended words, best first, in the word's own case; [] when nothing is close."""
        lower = word.lower()
        found = self._zipf_of_many(edits1(lower) - {lower})
        # A left-out letter is the commonest typo, so a candidate one letter longer gets a small lead
        # ("supervison": "supervision" before the more frequent "supervisor").
        ranked = sorted(
            ((z + (_OMISSION_BONUS if len(c) == len(lower) + 1 else 0.0), c) for c, z in found.items() if z >= 2.5),
            key=lambda item: (-item[0], item[1]),
        )
        plural = _y_plural(lower)
        if plural and self.zipf(plural) is not None:  # "policys" -> "policies", two edits away
            ranked.insert(0, (99.0, plural))
        if not ranked and len(lower) >= 5:
            ranked = sorted(((z, c) for c, z in self._within_two(lower)), key=lambda item: (-item[0], item[1]))
        return [match_case(word, candidate) for _, candidate in ranked[:limit]]

    def _within_two(self, lower: str) -> list[tuple[str, float]]:
        """Common words (zipf >= 3.5) two edits away with the same first letter: a bounded scan, not 300k edits."""
        if self._by_initial is None:
            self._by_initial = {}
            for run in self._words.words_at_least(3.5):
                for candidate in run:
                    self._by_initial.setdefault(candidate[0], []).append((candidate, self._table[candidate]))
        return [
            (candidate, bucket)
            for candidate, bucket in self._by_initial.get(lower[0], ())
            if abs(len(candidate) - len(lower)) <= 2 and edit_distance(lower, candidate, 2) <= 2
        ]


def _y_plural(word: str) -> str | None:
    if len(word) > 3 and word.endswith("ys") and word[-3] not in "aeiou":
        return word[:-2] + "ies"
    return None


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in _LETTERS),
        *(a + c + b for a, b in splits for c in _LETTERS),
    }


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions), or limit + 1 once it must exceed limit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@cache
def _lexicon(vocabulary: tuple[str, ...]) -> Lexicon:
    return Lexicon(vocabulary)


def lexicon_for(ctx) -> Lexicon:
    """The lexicon for a rule context: shipped words plus the config's ``vocabulary``."""
    return _lexicon(tuple(sorted(ctx.options.get("vocabulary") or ())))
