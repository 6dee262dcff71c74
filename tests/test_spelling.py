"""Spelling rules T401-T403 and the lexicon they stand on, on real spec text."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from conftest import CLEAN, ROOT, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.checks.spelling import _confusions
from speclint.config import Config
from speclint.lint import lint_path, lint_text
from speclint.resources import load_yaml, rules_dir
from speclint.words.lexicon import Lexicon, edit_distance

TYPOS = ROOT / "benchmarks" / "spelling" / "typos.txt"
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]]+)\]\]")
SPELLING = Config(select=["T4"])


def spelling_findings(text: str, config: Config = SPELLING):
    return [(v.code, v.line, v.column, v.end_column, v.suggestion) for v in lint_text(text, config)]


def typo_cases():
    for line in TYPOS.read_text(encoding="utf-8").splitlines():
        match = MARK.search(line)
        if line.startswith("#") or not match or " " in match.group(2):
            continue  # fused words ("ServicesHuman") are the markup rules' to report
        yield pytest.param(MARK.sub(r"\1", line), match.group(1), match.group(2), id=match.group(1))


@pytest.mark.parametrize(("sentence", "wrong", "right"), list(typo_cases()))
def test_common_misspellings_are_found_with_the_right_word_among_the_suggestions(sentence, wrong, right):
    violations = [v for v in lint_text(sentence, SPELLING) if v.code == "T401"]
    assert len(violations) == 1, sentence
    violation = violations[0]
    start = sentence.index(wrong) + 1
    assert (violation.column, violation.end_column) == (start, start + len(wrong))
    assert violation.fix == "unsafe"  # a likely word, never applied without --unsafe-fixes
    offered = [violation.suggestion, *re.findall(r'"([^"]+)"', violation.message.split("Other possibilities:")[-1])]
    if right == "license":  # "lisence" is one letter from the British "licence", two from "license"
        assert violation.suggestion == "licence"
    else:
        assert right in violation.message, (violation.message, offered)


def test_first_suggestion_is_the_intended_word_for_most_typos():
    cases = list(typo_cases())
    first = 0
    for case in cases:
        sentence, _, right = case.values
        violations = [v for v in lint_text(sentence, SPELLING) if v.code == "T401"]
        first += bool(violations) and violations[0].suggestion == right
    assert first >= len(cases) - 2  # "payrole" (parole/payroll) and "lisence" (licence) are the known misses


SEED_SPELLING = {
    "000": {("T401", 44, 26, 36, "EXERCISED"), ("T403", 214, 41, 51, "principles"), ("T403", 358, 50, 54, "data")},
    "001": set(),
    "002": {("T403", 6, 59, 67, "inquiries")},
    "003": set(),
    "004": {("T403", 41, 33, 35, "with")},
}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_spelling_findings_are_exactly_the_real_ones(path):
    found = {(v.code, v.line, v.column, v.end_column, v.suggestion) for v in lint_path(str(path), SPELLING).violations}
    assert found == SEED_SPELLING[path.name[:3]]


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_spelling_findings(path):
    assert lint_path(str(path), SPELLING).violations == []


@pytest.mark.parametrize(
    "text",
    [
        "Maintains recordkeeping, timekeeping and workpapers for the CalPERS designee.",
        "Coordinates recruitments and onboarding; handles interagency and interdepartmental requests.",
        "Reviews pre-employment and post-employment files; co-workers and non-exempt staff; multi-year plans.",
        "Operates the SCADA system and reviews NPDES permits (see www.cvwd.org or hr@cvwd.org).",
        "Coachella Valley Water District (CVWD) staff; the Castroville office; Castroville residents.",
        "Uses Microsoft Excel, Laserfiche and Tyler Munis; answers 2019 calls on the T2 line.",
        "Judgement, theatre and centre are accepted British spellings.",
    ],
)
def test_sound_public_agency_text_is_not_flagged(text):
    assert spelling_findings(text) == []


def test_a_capitalised_name_used_consistently_is_learned_from_the_document():
    once = "Works at the Grantz office."
    assert [f[0] for f in spelling_findings(once)] == ["T401"]  # one use, close to "Grant": reported
    assert spelling_findings("Works at the Grantz office. Grantz staff answer calls for Grantz residents.") == []


def test_an_abbreviation_defined_in_parentheses_is_learned():
    assert spelling_findings("The Desert Water Agency (DESRTWA) employs staff. DESRTWA values safety.") == []


def test_user_vocabulary_silences_a_word(tmp_path):
    spec = tmp_path / "spec.txt"
    spec.write_text("Prepares reports for the Grantz Basin and the qzwx program.\n", encoding="utf-8")
    assert {v.code for v in lint_path(str(spec), SPELLING).violations} == {"T401", "T402"}
    configured = Config(select=["T4"], vocabulary=["Grantz", "qzwx"])
    assert lint_path(str(spec), configured).violations == []


def test_words_cut_by_a_hyphen_or_stray_space_are_left_to_the_format_rules():
    assert spelling_findings("Performs routine respon-\nsible work and maint enance of pumps.") == []


def test_stem_plus_eing_is_left_to_the_markup_rule():
    assert spelling_findings("Useing initiative and independent judgment.") == []


@pytest.mark.parametrize(
    ("sentence", "right"),
    [
        ("Answers telephone inquires from the public.", "inquiries"),
        ("Knowledge of accounting principals.", "principles"),
        ("Serves as Principle Engineer for capital projects.", "Principal"),
        ("Performs statistical date analysis.", "data"),
        ("Must be acquainted of safety rules.", "with"),
        ("Prepares personal action forms for the Personnel Board.", "personnel"),
        ("Orders office stationary and supplies.", "stationery"),
        ("Provides technical advise and assistance to staff.", "advice"),
        ("Reviews the affect on ratepayers.", "effect"),
        ("Insure that all safety procedures are followed.", "Ensure"),
        ("Responds to requests from the pubic.", "public"),
        ("Reports to the Utility Manger.", "Manager"),
        ("Determines weather or not a permit is needed.", "whether"),
        ("Monitors employee moral.", "morale"),
    ],
)
def test_confused_words_are_found_by_their_context(sentence, right):
    findings = [f for f in spelling_findings(sentence) if f[0] == "T403"]
    assert [f[4] for f in findings] == [right]


@pytest.mark.parametrize(
    "sentence",
    [
        "Inquires about the status of pending orders and reviews records.",
        "Meets with school principals and district staff.",
        "Records the date and time of each call; sets a date for the hearing.",
        "Maintains personal protective equipment and personal services contracts.",
        "Operates stationary equipment such as pumps.",
        "Advise staff on procedures and counsel and advise employees.",
        "Changes may affect operations; effects on staff are reviewed.",
        "Reports to the City Council and the County Counsel.",
        "Has lead responsibility for the crew; leads the team.",
        "Files a complaint with the manager; remains compliant with rules.",
        "Upholds high moral standards.",
        "Checks that bolts are not loose.",
    ],
)
def test_confused_word_contexts_do_not_fire_on_sound_text(sentence):
    assert [f for f in spelling_findings(sentence) if f[0] == "T403"] == []


def test_confusion_data_is_well_formed():
    data = load_yaml(rules_dir() / "confusions.yaml")
    classes = data["word-classes"]
    for entry in data["confusions"]:
        assert isinstance(entry["wrong"], str) and isinstance(entry["right"], str), entry
        assert entry.get("after") or entry.get("before") or entry.get("anywhere"), entry
        for item in [*entry.get("after", ()), *entry.get("before", ())]:
            assert isinstance(item, str), f"{entry['wrong']}: {item!r} is not a string (quote YAML words like 'on')"
            if item.startswith("@"):
                assert item[1:] in classes
    _finder, by_word = _confusions()
    assert sum(map(len, by_word.values())) == len(data["confusions"])


class TestLexicon:
    lexicon = Lexicon()

    @pytest.mark.parametrize("word", ["receive", "District", "apportionments", "nonsupervisory", "reclassify", "designee", "FLSA"])
    def test_known(self, word):
        assert self.lexicon.known(word)

    @pytest.mark.parametrize("word", ["recieve", "seperate", "occured", "maintainance", "policys", "supervisiondirection", "Useing"])
    def test_misspellings_are_not_known_even_when_frequent_on_the_web(self, word):
        assert not self.lexicon.known(word)

    def test_suggestions_keep_the_case_and_prefer_a_left_out_letter(self):
        assert self.lexicon.suggest("EXCERCISED")[0] == "EXERCISED"
        assert self.lexicon.suggest("Supervison")[0] == "Supervision"
        assert self.lexicon.suggest("policys")[0] == "policies"
        assert self.lexicon.suggest("maintainance")[0] == "maintenance"  # two edits away
        assert self.lexicon.suggest("qzxwvt") == []

    def test_split_finds_two_common_words(self):
        assert self.lexicon.split("supervisiondirection") == ("supervision", "direction")
        assert self.lexicon.split("qzxwvtplk") is None

    @pytest.mark.parametrize(("a", "b", "distance"), [("abc", "abc", 0), ("abc", "acb", 1), ("kitten", "sitting", 3), ("ab", "ba", 1)])
    def test_edit_distance(self, a, b, distance):
        assert edit_distance(a, b, 3) == distance

    def test_common_words_and_sift_agree_with_the_word_by_word_answers(self):
        lexicon = Lexicon(["zzqtermx"])
        sample = ["the", "receive", "recieve", "district", "zzqtermx", "flsa", "ab", "", "apportionment"]
        for at_least in (3.0, 4.0, 5.5):
            common = lexicon.common_words(at_least)
            assert [word in common for word in sample] == [lexicon.common(word, at_least) for word in sample]
            assert lexicon.common_positions(sample, at_least) == {i for i, word in enumerate(sample) if lexicon.common(word, at_least)}
        words = set(sample)
        for _ in range(2):  # the second time from what was remembered
            assert lexicon.sift("test", words, lexicon.known) == {word for word in words if not lexicon.known(word)}
        assert lexicon.sift("tiny", words, lexicon.known, limit=3) == {word for word in words if not lexicon.known(word)}


# Word tokens and the searches made faster with them must find exactly what the plain searches find.
TRICKY_TEXTS = [
    "",
    "'",
    "it's It’s ’tis don't' rock'n'roll District’s’ o''clock a'b'c' x’",
    'then 2then then2 _then then_ (then) "Then" THEN\'s then’s then-then éthen thené',
    "\u212aelvin ſay \u0130t \u0131t then say of",  # non-ASCII letters that IGNORECASE matches to ASCII ones
    "more then\n50; familiar of; customer inquires; complex date and information",
    "see www.cvwd.org or https://x.gov/a, mail a@b.us, C:\\dir\\file.docx and a/b/c.\nwww.\n(www.x) “x.pdf” x.gov.\u2028y.com\u00a0z",
    "\x1cwww.x\x1d a/b/c\u3000foo.edu bar",
    "a/b a\\b .gov @ @x x@ \n/ / /\nend.gov",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_word_columns_are_the_word_pattern_matches(text):
    from speclint.words.tokens import _WORD, Token, tokens, words

    expected = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    columns = words(text)
    assert list(zip(*columns, strict=True)) == expected
    assert tokens(text) == expected and all(type(token) is Token for token in tokens(text))


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_addresses_are_found_line_by_line_as_in_one_search(text):
    from speclint.checks.spelling import _NOT_PROSE, _not_prose_spans

    assert _not_prose_spans(text) == [m.span() for m in _NOT_PROSE.finditer(text)]


class _TextContext:
    """Just what the shared word searches read from a rule context."""

    def __init__(self, text: str):
        self.source = SimpleNamespace(text=text)
        self._shared: dict = {}

    def shared(self, name, compute):
        if name not in self._shared:
            self._shared[name] = compute()
        return self._shared[name]


def test_a_confused_word_with_a_letter_the_finder_folds_is_reported_not_a_crash():
    """The finder ignores case, so it matches "principalſ" (long s); looking that up in lower case raised KeyError."""
    text = "ACCOUNTANT\n\nApplies ideals and principal\u017f of accounting.\n"
    assert [v.code for v in lint_text(text, Config(select=["T403"]))] == ["T403"]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_confused_words_found_through_tokens_as_by_the_finder(text):
    from speclint.checks.spelling import _confusion_matches

    finder, by_word = _confusions()
    found = [m.span() for m in _confusion_matches(_TextContext(text), finder, by_word)]
    assert found == [m.span() for m in finder.finditer(text)]


def test_word_searches_on_random_text():
    import random

    from speclint.checks.spelling import _NOT_PROSE, _confusion_matches, _not_prose_spans
    from speclint.words.tokens import _WORD, words

    finder, by_word = _confusions()
    pieces = ["a", "Z", "of", "Then", "it", "’s", "'", " ", "\n", "\t", "\u00a0", "2", "_", "é", "\u212a", "-", "("]
    pieces += ["www.", ".gov", "@", "/", "\\", ".us", ".docx", "x", "\u2028"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert list(zip(*words(text), strict=True)) == [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)], text
        assert _not_prose_spans(text) == [m.span() for m in _NOT_PROSE.finditer(text)], text
        found = [m.span() for m in _confusion_matches(_TextContext(text), finder, by_word)]
        assert found == [m.span() for m in finder.finditer(text)], text


def test_confusion_after_test_is_only_a_shortcut():
    """T403 skips the search for a preceding phrase when the character before the spaces cannot end one: the
    answer must be the search's own, whatever the spacing, case or characters around the word."""
    import dataclasses

    from speclint.checks.spelling import _CONTEXT_REACH, _confusions

    _, by_word = _confusions()
    spaced = ["", " ", "x", "Must be familiar ", "FAMILIAR\u00a0\n ", "responds to", "responds to\t\t", "customer’ ", "\u212a "]
    befores = [*spaced, "state's  ", "the  governing \n", "able to  ", "a" * _CONTEXT_REACH + " ", " " * _CONTEXT_REACH]
    checked = matched = 0
    for word, confusions in by_word.items():
        for confusion in confusions:
            if confusion.after is None:
                continue
            plain = dataclasses.replace(confusion, after_ends=None)
            for before in befores:
                for text in (before + word + " and", "x " * 40 + before + word):
                    start = text.rindex(word)
                    found = confusion.applies(text, start, start + len(word))
                    assert found == plain.applies(text, start, start + len(word))
                    checked += 1
                    matched += found is not None
    assert checked > 100 and matched > 10


def _document_names_searched_in_full(text: str) -> set[str]:
    """What T401 took as the spec's own names before it asked word by word: every capitalised word used twice or more
    and never in lowercase, and every abbreviation the whole-text search for definitions finds."""
    from collections import Counter

    from speclint.checks.spelling import _DEFINED_ABBREVIATION
    from speclint.words.tokens import bare, words

    capitalised: Counter[str] = Counter()
    lowercase = set()
    for spelling in words(text).texts:
        word = bare(spelling)
        if word[:1].isupper():
            capitalised[word] += 1
        else:
            lowercase.add(word.lower())
    names = {word for word, count in capitalised.items() if count >= 2 and word.lower() not in lowercase}
    return names | {match.group(1) for match in _DEFINED_ABBREVIATION.finditer(text)}


def _asked_names(text: str) -> set[str]:
    """The capitalised words of the text (and their abbreviations' spellings) that _is_document_name says yes to."""
    from speclint.checks.spelling import _is_document_name
    from speclint.words.tokens import bare, words

    context = _TextContext(text)
    asked = {bare(spelling) for spelling in words(text).texts} | set(re.findall(r"\(([^()]*)\)", text))
    return {word for word in asked if word[:1].isupper() and _is_document_name(context, word)}


NAME_TEXTS = [
    "Coachella Valley Water District (CVWD) staff; the CVWD board. Desert Water Agency (DWA); see (XYZ) and Foo (Bar).",
    "Grantz office; Grantz staff; grantz's; Grantz’s. Meter Reading (MR) (MR) and Billing (MR); (Ab) The Ab (Ab).",
    "Department of Water and Power (DWP) (DWP). Board (BRD) x (BRD). Ca\u2019s Ca's CA's; O'Brien O'Brien's; X's's X's's.",
    "Human Resources (HR)Manager; City of Example (COE); ((Nested (NE)) Name (NE). A  B (AB) C (CD)",
]


@pytest.mark.parametrize("text", NAME_TEXTS + [path.read_text(encoding="utf-8") for path in SEEDS + CLEAN if path.suffix == ".txt"])
def test_document_names_asked_word_by_word_are_the_ones_a_full_search_finds(text):
    full = _document_names_searched_in_full(text)
    assert _asked_names(text) == {word for word in full if word[:1].isupper()}


@settings(max_examples=1500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Ab", "AB", "ab", "Ab's", "ab’s", "of", "and", " ", "  ", "\n", "(", ")", "(AB)", "(Ab)", "Cd", "-", "x",
                                 "'", "\u00a0", "CD", "(CD)"]), max_size=24).map("".join))
def test_document_names_on_generated_text(text):
    full = _document_names_searched_in_full(text)
    assert _asked_names(text) == {word for word in full if word[:1].isupper()}
