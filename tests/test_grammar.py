"""Built-in grammar rules G501 (repeated word), G502 (repeated phrase), G504 ("a" / "an"),
G505 (subject-verb agreement) and G506 (stray article): realistic spec wording both ways,
the real defects in the seeds, and silence on every clean spec."""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from speclint.checks import grammar, sentences
from speclint.checks.grammar import sound_of
from speclint.config import Config
from speclint.engine import RuleContext, load_rules
from speclint.lint import lint_path, lint_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {path.name[:3]: path for path in sorted((ROOT / "specs" / "seeds").glob("*.txt"))}
CLEAN = sorted((ROOT / "specs" / "clean").glob("*"))
GRAMMAR = ["G501", "G502", "G504", "G505", "G506"]


def findings(text: str, code: str | None = None):
    violations = lint_text(text, Config(select=GRAMMAR))
    return [v for v in violations if code is None or v.code == code]


def codes(text: str) -> list[str]:
    return [v.code for v in findings(text)]


def apply(text: str, violation) -> str:
    """What a fixer does: replace [column, end_column) of the violation's line with the suggestion."""
    assert violation.line == violation.end_line, "a fix should stay on one line"
    lines = text.split("\n")
    line = lines[violation.line - 1]
    lines[violation.line - 1] = line[: violation.column - 1] + violation.suggestion + line[violation.end_column - 1 :]
    return "\n".join(lines)


# -- the seeds and the clean specs ---------------------------------------------------------

# Every grammar finding on the five real seeds; each one is a real defect.
SEED_FINDINGS = {
    ("000", "G505", 364, 57),  # "interact with District managers and staff, customer who are often upset"
    ("003", "G502", 15, 61),  # "performs a variety of routine to routine to complex customer service functions"
}


def test_seed_findings_are_exactly_the_known_defects():
    found = set()
    for key, path in SEEDS.items():
        for v in lint_path(str(path), Config(select=GRAMMAR)).violations:
            found.add((key, v.code, v.line, v.column))
    assert found == SEED_FINDINGS


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_grammar_findings(path):
    result = lint_path(str(path), Config(select=GRAMMAR))
    assert result.error is None
    assert [(v.code, v.line, v.message) for v in result.violations] == []


def test_seed_003_repeated_phrase_range_covers_the_second_copy():
    path = SEEDS["003"]
    text = path.read_text(encoding="utf-8")
    (v,) = [v for v in lint_path(str(path), Config(select=GRAMMAR)).violations if v.code == "G502"]
    line = text.split("\n")[14]
    assert (v.line, v.column, v.end_line, v.end_column) == (15, 61, 15, 72)
    assert line[v.column - 1 : v.end_column - 1] == "routine to "
    assert line[: v.column - 1].endswith("variety of routine to ")
    assert '"routine to"' in v.message and '"routine to routine to"' in v.message
    assert v.suggestion == "" and v.fix == "safe" and v.section == "definition"
    assert "a variety of routine to complex customer service" in apply(text, v)


def test_seed_000_customer_who_are():
    path = SEEDS["000"]
    (v,) = [v for v in lint_path(str(path), Config(select=GRAMMAR)).violations if v.code == "G505"]
    line = path.read_text(encoding="utf-8").split("\n")[v.line - 1]
    assert line[v.column - 1 : v.end_column - 1] == "are"
    assert '"customer who are"' in v.message and '"customer who is"' in v.message and "plural" in v.message
    assert v.suggestion == "is" and v.fix == "unsafe"


# -- G501 repeated word ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, deleted, fixed",
    [
        ("Prepares the the daily schedule.", "the ", "Prepares the daily schedule."),
        ("Reports to to the Finance Manager.", "to ", "Reports to the Finance Manager."),
        ("The the District provides uniforms.", "the ", "The District provides uniforms."),
        ("Works weekends as as required.", "as ", "Works weekends as required."),
        ("Receives payments and and issues receipts.", "and ", "Receives payments and issues receipts."),
        ("Maintains files and records records.", " records", "Maintains files and records."),
        ("Performs a a variety of duties.", "a ", "Performs a variety of duties."),
        ("KNOWLEDGE, SKILLS AND AND ABILITIES", "AND ", "KNOWLEDGE, SKILLS AND ABILITIES"),
    ],
)
def test_repeated_word_fires_and_its_fix_deletes_the_second_copy(text, deleted, fixed):
    (v,) = findings(text, "G501")
    assert text[v.column - 1 : v.end_column - 1] == deleted
    assert v.fix == "safe"
    assert apply(text, v) == fixed


def test_repeated_word_across_a_line_break_is_fixed_on_the_second_line():
    text = "Responds to customer inquiries and resolves complaints and\nand issues service orders as needed.\n"
    (v,) = findings(text, "G501")
    assert (v.line, v.column, v.end_line, v.end_column) == (2, 1, 2, 5)
    assert apply(text, v) == "Responds to customer inquiries and resolves complaints and\nissues service orders as needed.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Ensures that that form is filed with Human Resources.",  # "that that" is English
        "By the time the report was due, the analyst had had two weeks to prepare it.",
        "The forms we have have been filed with the County.",  # end of one clause, verb of the next
        "Travel to Walla Walla and Pago Pago may be required.",
        "Approved by Maria Diaz Diaz, Human Resources Director.",  # a double surname
        "Lifting 10 10 25\nLevel II II III\nGrade A A B",  # numbers, Roman numerals, letters
        "Standing\tFrequently\tFrequently\nWalking Occasionally Occasionally",  # a table
        "Lift  Frequently  Frequently  Occasionally",  # columns padded with spaces
        "Knowledge of:\nKnowledge of modern office procedures.",  # heading, then a line
        "DEFINITION\nDefinition of terms used in this specification.",
        "Reviews the co-worker worker compensation claims.",
        "Uses the process.process module.",
        "from From: and Signed-off-by: lines",  # different words that happen to look alike
        "Operates a CAD system; cad CAD.",
    ],
)
def test_repeated_word_leaves_legitimate_doubles_alone(text):
    assert findings(text, "G501") == []


# -- G502 repeated phrase ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, deleted",
    [
        ("Performs related duties as needed as needed.", " as needed"),
        ("Prepares reports for the Board for the Board of Directors.", "for the Board "),
        ("Maintains records of past due accounts of past due accounts.", " of past due accounts"),
        ("Assists the Customer Service Supervisor the Customer Service Supervisor with projects.", "the Customer Service Supervisor "),
    ],
)
def test_repeated_phrase_fires_once_and_deletes_the_second_copy(text, deleted):
    assert codes(text) == ["G502"]
    (v,) = findings(text, "G502")
    assert text[v.column - 1 : v.end_column - 1] == deleted
    assert " ".join(apply(text, v).split()) == " ".join(text.replace(deleted, " ", 1).split())


def test_repeated_phrase_across_a_line_break():
    text = "Processes NSF checks and refers delinquent accounts to the\nto the collection agency.\n"
    (v,) = findings(text, "G502")
    assert (v.line, v.column, v.end_column) == (2, 1, 8)
    assert apply(text, v) == "Processes NSF checks and refers delinquent accounts to the\ncollection agency.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Performs a variety of routine to complex customer service functions.",
        "Works day to day with customers, and from time to time with contractors.",
        "Explains the policy again and again and answers questions over and over.",
        "Standing Yes No Yes No",
        "Lead Customer Service Representative\n\nLead Customer Service Representative",  # page headers
        "Works with customers one on one and step by step.",
    ],
)
def test_repeated_phrase_leaves_idioms_and_tables_alone(text):
    assert findings(text, "G502") == []


def test_repeated_word_and_phrase_do_not_report_the_same_place():
    # "the the the the": G501 (each extra "the"), not G502 ("the the" twice).
    assert codes("Reviews the the the the form.") == ["G501", "G501", "G501"]
    # "very very good very very good": the second copy is one G502; only the first "very very" is G501.
    found = findings("Provides very very good very very good service.")
    assert sorted(v.code for v in found) == ["G501", "G502"]
    g501 = next(v for v in found if v.code == "G501")
    g502 = next(v for v in found if v.code == "G502")
    assert g501.end_column <= g502.column


# -- G504 "a" / "an" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("Possession of a Associate of Arts degree.", "a", "an"),
        ("Graduation from a accredited college or university.", "a", "an"),
        ("Works a 8-hour shift, which may include weekends.", "a", "an"),
        ("Completes a 18-month apprenticeship.", "a", "an"),
        ("Earns an 100-hour safety award.", "an", "a"),
        ("Prepares an user guide for the billing system.", "an", "a"),
        ("Attends an university extension course.", "an", "a"),
        ("Receives an one-time payment.", "an", "a"),
        ("Requires an European Union passport.", "an", "a"),
        ("Serves as a HR liaison.", "a", "an"),
        ("Possession of a MBA is desirable.", "a", "an"),
        ("Performs a FLSA exemption review.", "a", "an"),
        ("Holds a RN license.", "a", "an"),
        ("Possession of an UCLA certificate.", "an", "a"),
        ("Completes an NIMS course.", "an", "a"),
        ("Waits a hour before calling back.", "a", "an"),
        ("Takes a X-ray of the pipe.", "a", "an"),
        ("A employee may be assigned to the night shift.", "A", "An"),
        ("An user account is created for each employee.", "An", "A"),
        ("Sets up a unincorporated area account.", "a", "an"),
        ("Possession of a valid D1 certificate or an D2 certificate.", "an", "a"),
    ],
)
def test_a_an_fires_with_the_right_article(text, wrong, right):
    (v,) = findings(text, "G504")
    assert text[v.column - 1 : v.end_column - 1] == wrong
    assert v.suggestion == right and v.fix == "safe"
    assert f'"{right} ' in v.message


@pytest.mark.parametrize(
    "text",
    [
        "Works an 8-hour shift, an 11-hour shift or an 80-hour pay period; earns a 100-hour award.",
        "Manages a 1,100-acre watershed and an 8,000-gallon tank; a 2008 survey; a 1800s building; an 1800s building.",
        "Spends an hour a day on an honest review of an heir's account; a historic or an historic building.",
        "Holds a university degree, a one-time certification, a European passport and a user account.",
        "Serves as an HR liaison, an RN, an LVN, an OSHA trainer, a NASA grant writer and an FLSA analyst.",
        "Holds an MBA or an MPA, a CPA license, a SCADA certificate, an NPDES permit and a URL.",
        "Must possess a valid Class A driver's license; see Part A of the permit, Schedule A and Exhibit A.",
        "Takes Hepatitis A and B vaccines; lists items a and b; sorts files from a to z.",
        "Work hours are 8:00 a.m. to 5:00 p.m.; an a/b comparison; an e-mail; a U-turn; an X-ray; a T-shirt.",
        "Possession of a valid\nClass\nA driver's license.",  # a wrapped "Class A"
        "Uses a SQL database, an SQL database, an npm package and a Uint8Array.",  # either reading, or not English
        'Receives an "unsatisfactory" rating or a (one) year extension.',
        "AN HOUR OF OVERTIME; A HISTORIC DISTRICT; AN UNDERGROUND UTILITY",  # capitals: words or abbreviations?
        "Possession of an Associate's degree from an accredited college.",
    ],
)
def test_a_an_leaves_correct_and_unclear_cases_alone(text):
    assert findings(text, "G504") == []


@pytest.mark.parametrize(
    "token, sound",
    [
        ("8", "vowel"),
        ("8-hour", "vowel"),
        ("11th", "vowel"),
        ("18", "vowel"),
        ("80", "vowel"),
        ("86", "vowel"),
        ("800", "vowel"),
        ("8,000", "vowel"),
        ("18,500", "vowel"),
        ("1", "consonant"),
        ("10", "consonant"),
        ("100", "consonant"),
        ("1,100", "consonant"),
        ("2008", "consonant"),
        ("8000", "vowel"),
        ("1100", None),  # "eleven hundred" or "one thousand one hundred"
        ("1800s", None),
        ("hour", "vowel"),
        ("honorable", "vowel"),
        ("heir", "vowel"),
        ("house", "consonant"),
        ("herb", None),
        ("uniform", "consonant"),
        ("uninterrupted", "vowel"),
        ("unidentified", "vowel"),
        ("usage", "consonant"),
        ("umbrella", "vowel"),
        ("urgent", "vowel"),
        ("onerous", "vowel"),
        ("one-year", "consonant"),
        ("Eureka", "consonant"),
        ("HR", "vowel"),
        ("LVN", "vowel"),
        ("CPA", "consonant"),
        ("EEO", "vowel"),
        ("FLSA", "vowel"),
        ("FEMA", "consonant"),
        ("NASA", "consonant"),
        ("NACO", None),  # not listed: "en-ay-see-oh" or "nay-co"?
        ("USDA", "consonant"),
        ("X-ray", "vowel"),
        ("e-mail", "vowel"),
        ("I-9", "vowel"),
        ("W-2", "consonant"),
        ("D1", "consonant"),
        ("F", "vowel"),
        ("A", None),
        ("a", None),
        ("npm", None),
        ("mbox", None),
        ("$500", None),
    ],
)
def test_sound_of(token, sound):
    assert sound_of(token) == sound


def test_a_an_keeps_capitals_in_a_capitalised_line():
    (v,) = findings("A HR ANALYST POSITION\n", "G504")
    assert v.suggestion == "AN"


# -- G505 subject-verb agreement ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, verb, suggestion",
    [
        ("Interacts with District managers and staff, customer who are often upset.", "are", "is"),
        ("Assists a customer who have a billing question.", "have", "has"),
        ("Refers a person that have a complaint to the supervisor.", "have", "has"),
        ("Trains every employee who were hired this year.", "were", "was"),
        ("Greets each visitor who are waiting at the front counter.", "are", "is"),
        ("Assists employees who is new to the District.", "is", "are"),
        ("Serves the public, including customers who has complaints.", "has", "have"),
        ("Notifies applicants who was selected for an interview.", "was", "were"),
        ("Answers questions from everyone who have an account.", "have", "has"),
        ("Prepares a report that have the monthly totals.", "have", "has"),
        ("Each of the employees are responsible for safety.", "are", "is"),
        ("Duties vary. Each of the following are required: a license and a certificate.", "are", "is"),
        ("1. One of the following certifications are required.", "are", "is"),
    ],
)
def test_agreement_fires_on_the_verb(text, verb, suggestion):
    (v,) = findings(text, "G505")
    assert text[v.column - 1 : v.end_column - 1] == verb
    assert v.suggestion == suggestion and v.fix == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "Interacts with customers who are often upset and with a customer who is upset.",
        "Trains the employees of the contractor who are assigned to the District.",
        "Supervises employees in the division who are assigned to billing.",
        "Works with the staff who are assigned to the counter and the public who are waiting.",
        "Coordinates work with a supervisor and an employee who are in the same unit.",
        "Only one of the applicants who is certified may be selected; one of the employees who are trained.",
        "Determines who is eligible for a payment plan and who has access to records.",
        "Ensures that the tasks that are assigned are completed; the data that are collected are accurate.",
        "Reviews the duties of the position that are listed above.",
        "Knowledge of the laws of the State that are applicable to water utilities.",
        "Selects paths that match a pattern that are in the index.",
        "Employees in each of the divisions are trained; each of the employees is trained.",
        "Maintains records, that is, files that are kept for seven years.",
        "Reviews the news that was released and the series that was approved.",
        "Assists people who are new, children who are enrolled, and persons who are disabled.",
        "Greets the Board members who are present and the few who are late.",
    ],
)
def test_agreement_leaves_correct_and_unclear_cases_alone(text):
    assert findings(text, "G505") == []


# -- G506 stray article -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, article",
    [
        ("Performs the a variety of customer service functions.", "the "),
        ("Reviews the completeness of the of the application packet.", "the "),
        ("Refers delinquent accounts to a the collection agency.", "a "),
        ("Responds to an to customer inquiries by telephone.", "an "),
        ("Explains the and the rate schedule to customers.", "the "),
        ("Coordinates with a of the department heads.", "a "),
    ],
)
def test_stray_article_fires(text, article):
    (v,) = findings(text, "G506")
    assert text[v.column - 1 : v.end_column - 1] == article
    assert v.suggestion == "" and v.fix == "unsafe"


def test_stray_article_at_a_line_end():
    (v,) = findings("Provides technical assistance to the\nof customer service staff.\n", "G506")
    assert (v.line, v.column, v.end_line, v.end_column) == (1, 34, 1, 37)


@pytest.mark.parametrize(
    "text",
    [
        "Performs a variety of customer service functions for the public.",
        "Must possess a valid Class A and B license; see Part A of the permit and item a of Schedule A.",
        "Completes the to-do list and a to do list; sorts files from a to z; compares options a or b.",
        "Is an at-will employee; works for a for-profit firm; handles a by-product of treatment.",
        "Accepts the and/or form; works in the OR suite.",
        "Bases the a priori estimate of the workload on last year; the a and b values.",
        "Presents the THE ARTS program.",
    ],
)
def test_stray_article_leaves_letters_and_compounds_alone(text):
    assert findings(text, "G506") == []


# -- all of them --------------------------------------------------------------------------


def test_grammar_rules_are_registered_as_documented():
    rules = load_rules()
    for code, name, fixable in [
        ("G501", "repeated-word", True),
        ("G502", "repeated-phrase", True),
        ("G504", "a-an", True),
        ("G505", "subject-verb-agreement", False),
        ("G506", "stray-article", False),
    ]:
        rule = rules.get(code)
        assert rule is not None and rule.name == name and rule.category == "grammar"
        assert rule.fixable is fixable
        assert "Why:" in rule.description and "Fix:" in rule.description


def test_findings_can_be_suppressed_inline():
    text = "The the form is filed. <!-- speclint-disable-line G501 -->\nspeclint-disable-next-line: a-an\nWorks a 8-hour shift.\n"
    assert findings(text) == []


# -- the fast searches find what the plain patterns find ----------------------------------
# The rules look for their matches at the few places they can start (word tokens, str.find) instead of trying a
# pattern at every position; these tests hold them to the plain search, on the awkward cases and on random text.


def _random_texts(pieces: list[str], count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(count)]


def _context(text: str) -> RuleContext:
    return RuleContext(SimpleNamespace(source=SimpleNamespace(text=text)))


def test_articles_are_found_where_the_pattern_finds_them():
    awkward = ["a a b", "Works a a hour", "x'a hour", "x\u2019an hour", "\u00e9 a hour", "aN apple", "an\nhour", "(a hour)", "a-an user"]
    pieces = ["a", "A", "an", "An", "AN", "aN", " ", " ", "\n", "8", "x", "'", "\u2019", "(", "-", "\u00e9", "\u0130", "hour", "."]
    for text in awkward + _random_texts(pieces, 3000):
        expected = [(m.span(), m.groupdict()) for m in grammar._article_pattern().finditer(text)]
        assert [(m.span(), m.groupdict()) for m in grammar._article_matches(_context(text))] == expected, text


def test_relative_clauses_are_found_where_the_pattern_finds_them():
    relative, _ = grammar._agreement_patterns()
    awkward = ["thathat is", "who\n  are", "somewho is", "that  was, not", "who-is", "whothat are"]
    pieces = ["who", "that", "hat", "wh", " ", " ", "\n", "are", "is", "was", ",", "-", "'", "x", "\u00e9"]
    for text in awkward + _random_texts(pieces, 3000):
        expected = [(m.span(), m.groupdict()) for m in relative.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in grammar._relative_matches(text, relative)] == expected, text


def test_each_of_is_only_searched_for_when_its_words_are_there():
    assert [v.line for v in findings("Each  of the employees are here.\n1. One of them are gone.", "G505")] == [1, 2]


def test_previous_word_is_the_one_the_pattern_finds():
    # "$" also matches before a line break that ends the text: "Vitamin\n" + "a" still reads "vitamin".
    def plain(text: str, offset: int) -> str:
        match = re.search(r"([A-Za-z]+)[ ]*$", text[max(0, offset - 40) : offset])
        return match.group(1).lower() if match else ""

    texts = ["Vitamin\na", "Vitamin \n a", "Vitamin\n\na", "x" * 50 + "section a", "Item  a", "\u00e9a a"]
    texts += _random_texts(["a", "Z", " ", " ", "\n", "\t", ".", "'", "\u00e9", "section"], 3000)
    for text in texts:
        for offset in range(len(text) + 1):
            assert grammar._previous_word(text, offset) == plain(text, offset), (text, offset)


def test_equal_runs_are_every_start_of_a_repeated_phrase():
    rng = random.Random(7)
    for _ in range(3000):
        words = [rng.choice("abc"[: rng.randint(1, 3)]) for _ in range(rng.randint(0, 30))]
        for n in range(2, 6):
            expected = [i for i in range(len(words) - 2 * n + 1) if words[i : i + n] == words[i + n : i + 2 * n]]
            assert grammar._equal_runs(words, n) == expected, (words, n)


def test_sentences_end_where_the_plain_splitter_ends_them():
    boundary = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"\u201c])|\n[ \t]*\n|\n(?=[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t])")

    def plain(text: str) -> list[tuple[str, int]]:
        found, start = [], 0
        for match in boundary.finditer(text):
            before = text[start : match.start()]
            last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
            if match.group(0).strip() == "" and "\n\n" not in match.group(0) and last_word in sentences._ABBREVIATIONS:
                continue
            if before.strip():
                found.append((before, start))
            start = match.end()
        return found + ([(text[start:], start)] if text[start:].strip() else [])

    pieces = ["a", "B", ".", "!", "?", " ", "\n", "\t", "(", '"', "\u201c", "-", "\u2022", "1.", "12)", "lbs.", "e.g.", "\xa0", "\u2028"]
    for text in ["Lift 50 lbs. Then stop.\n\n- Walk.\n1. Run! (Fast) now.", "a.\n \nB", ".\u2028A"] + _random_texts(pieces, 3000):
        assert [(s.text, s.start) for s in sentences.sentences(text)] == plain(text), text
