"""Build rules/dictionary/lexicon.txt, the word list speclint's spelling rules load.

Run by a developer when the sources change, never at run time:

    apt-get install hunspell-en-us hunspell-tools   # en_US.dic/.aff and unmunch
    pip install wordfreq
    python tools/build_lexicon.py

A word is in the lexicon when
  * the hunspell en_US (SCOWL) dictionary accepts it (expanded with unmunch), or
  * wordfreq's large English list gives it a Zipf frequency >= 1.5 and it does not look like a
    misspelling: no hunspell word one edit away is ten times more frequent, and none two edits
    away (and of about the same length) is a hundred times more frequent ("recieve" is in wordfreq at 2.75 because people misspell
    it; "receive" is at 4.9; "maintainance" 1.8 against "maintenance" 4.4).
Each word keeps its Zipf frequency (0 when wordfreq does not know it) so that suggestions can be
ranked. The file's layout (common words grouped by frequency, rare ones sorted and indexed) is
speclint.words.word_list's: ``format_word_list`` writes it, ``WordList`` reads it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HUNSPELL = Path("/usr/share/hunspell")
OUT = Path(__file__).resolve().parent.parent / "rules" / "dictionary" / "lexicon.txt"
MIN_ZIPF = 1.5
MISSPELLING_GAP = 1.0  # a neighbour one edit away this much more frequent (10x) makes a wordfreq-only word a misspelling
MISSPELLING_GAP_2 = 2.0  # the same for a neighbour two edits away of about the same length (100x)
WORD = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")
LETTERS = "abcdefghijklmnopqrstuvwxyz'"


def hunspell_words() -> set[str]:
    expanded = subprocess.run(
        ["unmunch", str(HUNSPELL / "en_US.dic"), str(HUNSPELL / "en_US.aff")], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    words = set()
    for line in expanded.splitlines():
        word = line.strip().lower()
        if word.endswith("'s"):
            word = word[:-2]
        if WORD.fullmatch(word):
            words.add(word)
    return words


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def deletes(word: str, depth: int = 2) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (adjacent transpositions)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def main() -> int:
    import wordfreq

    hunspell = hunspell_words()
    frequencies = wordfreq.get_frequency_dict("en", wordlist="large")
    zipf = {}
    for word, frequency in frequencies.items():
        if WORD.fullmatch(word):
            zipf[word] = round(wordfreq.freq_to_zipf(frequency), 1)
    lexicon: dict[str, float] = {word: zipf.get(word, 0.0) for word in hunspell}
    index: dict[str, list[str]] = defaultdict(list)  # symmetric-delete index of common hunspell words
    for word in hunspell:
        if zipf.get(word, 0.0) >= MIN_ZIPF + MISSPELLING_GAP_2 and len(word) >= 5:
            for variant in deletes(word):
                index[variant].append(word)
    dropped = []
    for word, value in zipf.items():
        if word in hunspell or value < MIN_ZIPF:
            continue
        if word.endswith("s") and word[:-1] in hunspell:  # a plural ("recruitments") is not a misspelling of its singular
            lexicon[word] = value
            continue
        neighbours = (zipf.get(other, 0.0) for other in edits1(word) if other in hunspell)
        if max(neighbours, default=0.0) >= value + MISSPELLING_GAP:
            dropped.append(word)
            continue
        if len(word) >= 7:
            close = {other for variant in deletes(word) for other in index.get(variant, ())}
            similar = (other for other in close if abs(len(other) - len(word)) <= 1)
            if any(zipf[other] >= value + MISSPELLING_GAP_2 and distance(word, other) <= 2 for other in similar):
                dropped.append(word)
                continue
        lexicon[word] = value
    from speclint.words.word_list import format_word_list

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(format_word_list(lexicon), encoding="utf-8", newline="\n")
    print(f"{OUT}: {len(lexicon)} words ({len(hunspell)} from hunspell, {len(dropped)} wordfreq words dropped as misspellings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
