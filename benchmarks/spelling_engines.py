"""Compare spelling engines on real class specs: recall on word-level defects, false alarms on sound text.

    pip install '.[bench]'        # the engines compared (pyspellchecker, codespell, wordfreq, spylls)
    python benchmarks/spelling_engines.py

Defects (recall):
  * the word-level defects of the seed specs (listed in SEED_DEFECTS: typos, fused redline words,
    stem + "eing"), and
  * benchmarks/spelling/typos.txt: class-spec sentences with a common misspelling marked [[wrong|right]].
Sound text (false alarms): specs/clean/* and every other word of the seeds and of typos.txt.

Every engine sees the same words, cut by speclint's tokenizer, and the same plain filter: words of
three letters or more, not glued to a digit, ALL-CAPS words over five letters only (shorter ones are
acronyms). "speclint" is the whole rule set as shipped (spelling, markup and format rules, each
word flagged when a finding covers it); "speclint lexicon" is only its word list. An engine that is
not installed is skipped. A false alarm is counted once per distinct word.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speclint.words import tokens  # noqa: E402

SEEDS = ROOT / "specs" / "seeds"
CLEAN = ROOT / "specs" / "clean"
TYPOS = ROOT / "benchmarks" / "spelling" / "typos.txt"
HUNSPELL = Path("/usr/share/hunspell/en_US")

# (seed file prefix, line, word): the seeds' word-level defects.
SEED_DEFECTS = [
    ("000", 44, "EXCERCISED"),
    ("002", 4, "supervisiondirection"),
    ("002", 12, "ServicesHuman"),
    ("002", 29, "suggestingrecommends"),
    ("002", 80, "inAbility"),
    ("002", 90, "prioritizeing"),
    ("002", 94, "Composeing"),
    ("002", 95, "Balanceing"),
    ("002", 97, "Makeing"),
    ("002", 98, "Useing"),
    ("002", 100, "Useing"),
    ("002", 101, "Organizeing"),
    ("002", 102, "retrieveing"),
]
# Real words in the wrong place: every dictionary passes them; only context rules can find them.
SEED_REAL_WORD_DEFECTS = [
    ("000", 214, "principals"),
    ("000", 358, "date"),
    ("002", 6, "inquires"),
    ("004", 41, "of"),
]
# Defects that are not word-level (HTML tags, comment anchors, and the seeds' phrase-level
# residue below): their words count neither way.
NOT_WORDS = re.compile(r"<[^<>\n]{1,300}>|\[[A-Z]{1,4}[0-9]{1,3}\]")
SEED_PHRASE_DEFECTS = [
    ("000", 48, "and/Director"),  # a stray slash from an edit
    ("002", 12, "supervision direction"),  # old and new wording both kept
    ("002", 25, "Assist Oversees"),
    ("002", 123, "record.None"),  # a missing space and a leftover word
    ("003", 38, "Lead Customer Service Representative"),  # the title repeated as a page header
    ("003", 56, "Lead Customer Service Representative"),
    ("003", 95, "Lead Customer Service Representative"),
]
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]]+)\]\]")  # [[wrong|right]]


class Document:
    def __init__(self, name: str, text: str, defects: set[tuple[int, int]], phrases: list[tuple[int, int]] = ()):
        self.name, self.text, self.defects = name, text, defects  # defects: (start, end) offsets
        self.phrases = list(phrases)  # phrase-level defects: (start, end) offsets


def load_documents() -> list[Document]:
    documents = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.split("\n")
        defects, phrases = set(), []
        for prefix, line, word in SEED_DEFECTS + SEED_REAL_WORD_DEFECTS:
            if path.name.startswith(prefix):
                start = sum(len(x) + 1 for x in lines[: line - 1]) + re.search(rf"\b{word}\b", lines[line - 1]).start()
                defects.add((start, start + len(word)))
        for prefix, line, phrase in SEED_PHRASE_DEFECTS:
            if path.name.startswith(prefix):
                start = sum(len(x) + 1 for x in lines[: line - 1]) + lines[line - 1].index(phrase)
                phrases.append((start, start + len(phrase)))
        documents.append(Document(path.name, text, defects, phrases))
    for path in sorted(CLEAN.glob("*")):
        documents.append(Document(path.name, path.read_text(encoding="utf-8"), set()))
    plain, defects, position = [], set(), 0
    for line in TYPOS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out, last = [], 0
        for match in MARK.finditer(line):
            out.append(line[last : match.start()])
            start = position + sum(map(len, out))
            defects.add((start, start + len(match.group(1))))
            out.append(match.group(1))
            last = match.end()
        out.append(line[last:])
        plain.append("".join(out))
        position += len(plain[-1]) + 1
    documents.append(Document(TYPOS.name, "\n".join(plain), defects))
    return documents


def candidate_words(text: str, defects: set[tuple[int, int]] = frozenset(), phrases=()):
    """The words every engine judges; marked defects always count (the real-word "of" too)."""
    debris = [match.span() for match in NOT_WORDS.finditer(text)] + list(phrases)
    for token in tokens(text):
        word = token.bare
        if any(start <= token.start < end for start, end in debris):
            continue
        marked = (token.start, token.start + len(word)) in defects
        if not marked and (len(word) < 3 or token.glued_to_digit_or_underscore(text) or (word.isupper() and len(word) <= 5)):
            continue
        yield token.start, token.start + len(word), word


# --- engines: each returns (load seconds, flags(word) -> bool) ---------------------------------


def engine_codespell():
    import codespell_lib

    started = time.perf_counter()
    misspellings = set()
    with open(Path(codespell_lib.__file__).parent / "data" / "dictionary.txt", encoding="utf-8") as handle:
        for line in handle:
            misspellings.add(line.split("->", 1)[0].strip().lower())
    return time.perf_counter() - started, lambda word: word.lower() in misspellings


def engine_pyspellchecker():
    from spellchecker import SpellChecker

    started = time.perf_counter()
    checker = SpellChecker()
    return time.perf_counter() - started, lambda word: bool(checker.unknown([word]))


def engine_hunspell():
    from spylls.hunspell import Dictionary

    if not HUNSPELL.with_suffix(".dic").exists():
        raise ImportError(f"{HUNSPELL}.dic not found (apt-get install hunspell-en-us)")
    started = time.perf_counter()
    dictionary = Dictionary.from_files(str(HUNSPELL))
    return time.perf_counter() - started, lambda word: not dictionary.lookup(word)


def engine_wordfreq():
    from wordfreq import zipf_frequency

    started = time.perf_counter()
    zipf_frequency("warm", "en")
    return time.perf_counter() - started, lambda word: zipf_frequency(word, "en") < 2.0


def engine_speclint_lexicon():
    from speclint.words.lexicon import Lexicon

    started = time.perf_counter()
    lexicon = Lexicon()
    lexicon.known("warm")
    return time.perf_counter() - started, lambda word: not lexicon.known(word)


ENGINES: dict[str, Callable] = {
    "codespell (list lookup)": engine_codespell,
    "pyspellchecker": engine_pyspellchecker,
    "hunspell en_US (spylls)": engine_hunspell,
    "wordfreq zipf >= 2": engine_wordfreq,
    "speclint lexicon only": engine_speclint_lexicon,
}


def measure_engine(flags, documents) -> tuple[int, int, set[str], float]:
    found = total = 0
    false_alarms: set[str] = set()
    started = time.perf_counter()
    size = 0
    for document in documents:
        size += len(document.text)
        for start, end, word in candidate_words(document.text, document.defects, document.phrases):
            flagged = flags(word)
            if (start, end) in document.defects:
                total += 1
                found += flagged
            elif flagged:
                false_alarms.add(word)
    elapsed = time.perf_counter() - started
    return found, total, false_alarms, elapsed * 1000 / (size / 10_000)


def measure_speclint(documents) -> tuple[int, int, set[str], float]:
    """The shipped rules: a defect is found when a spelling/markup/format finding covers it."""
    from speclint.config import Config
    from speclint.lint import lint_text

    config = Config(select=["T", "M", "X"], ignore=["X902", "X990"])
    found = total = 0
    false_alarms: set[str] = set()
    lint_text("warm up", config)
    started = time.perf_counter()
    size = 0
    for document in documents:
        size += len(document.text)
        violations = lint_text(document.text, config, name=document.name if "." in document.name else "x.txt")
        lines = document.text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        spans = []
        for v in violations:
            if v.column == 0:
                continue
            spans.append((starts[v.line - 1] + v.column - 1, starts[v.end_line - 1] + v.end_column - 1))
        for start, end, word in candidate_words(document.text, document.defects, document.phrases):
            flagged = any(a < end and start < b for a, b in spans)
            if (start, end) in document.defects:
                total += 1
                found += flagged
            elif flagged:
                false_alarms.add(word)
    elapsed = time.perf_counter() - started
    return found, total, false_alarms, elapsed * 1000 / (size / 10_000)


def main() -> int:
    documents = load_documents()
    defects = sum(len(d.defects) for d in documents)
    sound = sum(1 for d in documents for s, e, _ in candidate_words(d.text, d.defects, d.phrases) if (s, e) not in d.defects)
    print(f"{len(documents)} documents, {defects} marked defects, {sound} sound words\n")
    print("| engine | recall | false alarms (distinct words) | ms per 10 KB | load s |")
    print("|---|---|---|---|---|")
    details = {}
    for name, make in ENGINES.items():
        try:
            load, flags = make()
        except ImportError as error:
            print(f"| {name} | not installed ({error}) | | | |")
            continue
        found, total, alarms, speed = measure_engine(flags, documents)
        details[name] = alarms
        print(f"| {name} | {found}/{total} ({found / total:.0%}) | {len(alarms)} | {speed:.1f} | {load:.2f} |")
    started = time.perf_counter()
    found, total, alarms, speed = measure_speclint(documents)
    details["speclint rules"] = alarms
    load = time.perf_counter() - started
    print(f"| speclint rules (T, M, X) | {found}/{total} ({found / total:.0%}) | {len(alarms)} | {speed:.1f} | (in run: {load:.2f}) |")
    print()
    for name, alarms in details.items():
        shown = ", ".join(sorted(alarms)[:40]) + (" ..." if len(alarms) > 40 else "")
        print(f"{name} false alarms: {shown or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
