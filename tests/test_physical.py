"""Physical-demand rules on real wording: weights in every form specs use, frequencies, strength levels."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.checks.physical import WEIGHT, _pounds
from speclint.checks.sentences import sentences
from speclint.config import Config
from speclint.lint import lint_path, lint_text


@pytest.mark.parametrize(
    "text, pounds",
    [
        ("lift 25 pounds", 25),
        ("lift 25 lbs. occasionally", 25),
        ("up to 40 lbs", 40),
        ("objects of 10-20 pounds", 20),
        ("objects of 10 to 20 pounds", 20),
        ("fifty (50) pounds", 50),
        ("over 50 pounds with assistance", 50),
        ("weighing 1 lb", 1),
        ("Twenty-five pounds", 25),
        ("carry a 25-pound bag", 25),
    ],
)
def test_weight_forms(text, pounds):
    match = WEIGHT.search(text)
    assert match is not None
    assert _pounds(match.group("high") or match.group("low")) == pounds


@pytest.mark.parametrize("text", ["Range 10 / 13 / 15", "poundsign", "lift 3 poundage"])
def test_not_weights(text):
    assert WEIGHT.search(text) is None


def test_sentences_do_not_break_after_lbs():
    found = [s.text for s in sentences("Lift up to 50 lbs. frequently. Stand for long periods.")]
    assert found == ["Lift up to 50 lbs. frequently.", "Stand for long periods."]


def codes(text):
    return [v.code for v in lint_text(text, Config(select=["P301", "P302", "P303", "P304"]))]


def test_frequency_belongs_to_the_nearest_weight():
    ok = "PHYSICAL DEMANDS\nThis is medium work: occasionally lift up to 50 pounds and frequently up to 25 pounds.\n"
    assert codes(ok) == []
    bad = "PHYSICAL DEMANDS\nThis is medium work: occasionally lift up to 25 pounds and frequently up to 40 pounds.\n"
    assert codes(bad) == ["P302"]


def test_assisted_weight_does_not_contradict_the_level():
    text = "PHYSICAL DEMANDS\nThis is light work. Occasionally move objects over 50 pounds with assistance.\n"
    assert codes(text) == []


def test_sedentary_contradiction_reported_at_the_weight_in_seed_002():
    seed = next(s for s in SEEDS if s.name.startswith("002"))
    found = [v for v in lint_path(str(seed), Config()).violations if v.code in {"P301", "P304"}]
    assert [(v.code, v.line, v.column) for v in found] == [("P301", 133, 53), ("P304", 133, 53)]
    assert '"primarily a sedentary office classification"' in found[0].message and "25 pounds" in found[0].message


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_light_lifting_without_weight_in_seeds(prefix):
    seed = next(s for s in SEEDS if s.name.startswith(prefix))
    found = [v for v in lint_path(str(seed), Config()).violations if v.code == "P303"]
    assert len(found) == 1 and '"light lifting"' in found[0].message


def test_seed_004_weight_has_a_frequency():
    seed = next(s for s in SEEDS if s.name.startswith("004"))
    assert not [v for v in lint_path(str(seed), Config()).violations if v.code in {"P301", "P302", "P303", "P304"}]


def _seed_codes(prefix, wanted):
    seed = next(s for s in SEEDS if s.name.startswith(prefix))
    return [(v.code, v.line) for v in lint_path(str(seed), Config()).violations if v.code in wanted]


def test_licence_without_driving_duty_only_in_seed_002():
    # "satisfactory driving record" is not a driving duty; seed 000 drives a District vehicle, 004 travels.
    assert _seed_codes("002", {"P310"}) == [("P310", 122)]
    for prefix in ("000", "001", "003", "004"):
        assert _seed_codes(prefix, {"P310"}) == []


def test_duties_not_designated_essential_in_seeds_001_and_002():
    assert _seed_codes("001", {"P311"}) == [("P311", 21)]
    assert _seed_codes("002", {"P311"}) == [("P311", 24)]
    for prefix in ("000", "003", "004"):
        assert _seed_codes(prefix, {"P311"}) == []


def test_weight_rows_in_a_frequency_table():
    table = (
        "PHYSICAL DEMANDS\nThis is medium work.\n\n"
        "Physical Demand      Occasionally   Frequently   Constantly\n"
        "Lifting              50 lbs         25 lbs       10 lbs\n"
    )
    assert codes(table) == []
    heavier = table.replace("25 lbs       10 lbs", "40 lbs       10 lbs")
    found = lint_text(heavier, Config(select=["P302"]))
    assert [(v.line, v.column) for v in found] == [(5, 37)]
    assert "frequently" in found[0].message


def test_folding_is_per_character_so_p310_can_cut_the_folded_text():
    # P310 blanks the licences out of the folded text instead of folding the blanked text again.
    from speclint.search import fold

    for text in ("Drives a İstanbul ſite vehicle \u212a9 \U0001f697 caf\u00e9\u0301", "a\udcff b\r\nc\u2028d"):
        for i in range(len(text)):
            for j in range(i, len(text) + 1):
                assert fold(text[:i]) + b" " + fold(text[j:]) == fold(text[:i] + " " + text[j:])


def test_sentences_at_makes_the_sentences_that_sentences_gives():
    from speclint.checks.sentences import sentence_bounds

    text = "Lift 50 lbs. often. \n\n  - Carry 10 lb\n1. Push e.g. \n \nPull. Done"
    starts, ends = sentence_bounds(text)
    assert [(s.text, s.start) for s in sentences(text)] == [(text[a:b], a) for a, b in zip(starts, ends, strict=True)]


def test_strength_levels_are_found_from_the_level_words_alone():
    # P301/P302 try STRENGTH only where a level word is, and at the places worked out from it.
    import random

    from speclint import search
    from speclint.checks import physical
    from speclint.config import Config
    from speclint.engine import RuleContext
    from speclint.parse import parse_spec
    from speclint.read import read_bytes

    pieces = ["primarily", "Mostly", "ESSENTIALLY", "larGely", "generally", " a ", " A ", "sedentary", "Sedentary", "heavy",
              "very heavy", "light", "medium", " work", " duty", " office", " job", " \u00a0", "\n", "\t", "  ", "x", ".",
              "mo\u017ftly", "\u0131", "level", " classification"]
    generator = random.Random(7)
    for _ in range(400):
        text = "".join(generator.choice(pieces) + generator.choice(("", " ", "\n")) for _ in range(generator.randint(1, 12)))
        ctx = RuleContext(parse_spec(read_bytes(("TITLE\n" + text).encode(), "x.txt")), options=Config().rule_options)
        source = ctx.source.text
        expected = [m.span() for m in physical.STRENGTH.finditer(source)]
        assert [m.span() for m in search.finditer_at(physical.STRENGTH, source, physical._strength_starts(ctx))] == expected


# -- P303 and P310 look for their words only where the text's words allow: the same findings as the plain searches --

def _context(text):
    from speclint.engine import RuleContext
    from speclint.parse import parse_spec
    from speclint.read import read_bytes

    return RuleContext(parse_spec(read_bytes(text.encode(), "x.txt")), options=Config().rule_options)


def plain_p303(text):
    from speclint.checks import physical

    found = []
    for sentence in sentences(text):
        matches = list(physical.LIFTING_WITHOUT_WEIGHT.finditer(sentence.text))
        if matches and not WEIGHT.search(sentence.text):
            found += [(sentence.start + m.start(), sentence.start + m.end()) for m in matches]
    return found


def plain_p310(text):
    from speclint.checks import physical

    licence = physical.DRIVER_LICENCE.search(text)
    if not licence or physical.DRIVING_DUTY.search(physical.DRIVER_LICENCE.sub(" ", text)):
        return []
    return [licence.span()]


def fast_findings(raw, code):
    """The rule's findings (as offsets) in the text as read from ``raw``, and that text."""
    from speclint.checks import physical

    rule = {"P303": physical.LiftingWithoutWeight, "P310": physical.LicenceWithoutDriving}[code]()
    ctx = _context(raw)
    source = ctx.source
    found = [(source.line_offset(v.line) + v.column - 1, source.line_offset(v.end_line) + v.end_column - 1) for v in rule.check(ctx)]
    return found, source.text


_PHYSICAL_PIECES = [
    "light", "Medium", "MODERATE", "heavy", "lift", "Lifting", "lifts", "carrying", "objects", "loads", "materials", "25 pounds",
    "10 lbs", "driver's license", "Drivers License", "driver\u2019s licence", "commercial driver", "commercial drivers", "CDL",
    "class C license", "Class A licensed", "licensetruck", "drive", "drives", "driving record", "vehicle", "trucks",
    "travelling", "transport", "delivery", "field visits", "site visit", "job sites", "work sites", "work", "\u017fite",
    "l\u0131ft", "_", "-", " ", " ", "\n", "\n\n", ". ", ", ", "x", "Must ",
]  # fmt: skip


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PHYSICAL_PIECES), max_size=30))
def test_p303_and_p310_find_what_the_plain_searches_find(pieces):
    raw = "TITLE\n" + "".join(pieces) + "\n"
    for code, plain in (("P303", plain_p303), ("P310", plain_p310)):
        found, text = fast_findings(raw, code)
        assert found == plain(text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_p303_and_p310_on_the_seeds_are_those_of_the_plain_searches(seed):
    raw = seed.read_text(encoding="utf-8")
    for code, plain in (("P303", plain_p303), ("P310", plain_p310)):
        found, text = fast_findings(raw, code)
        assert found == plain(text)


# Every form of the words the patterns start with (written out here, not taken from the rule's tables).
_DUTY_WORDS = (
    "drive drives driving vehicle vehicles truck trucks travel travels traveling travelling transport transports transporting "
    "deliver delivers delivering delivery"
).split() + ["field visits", "site visit", "job sites", "work sites"]
_LIFTING_WORDS = "sedentary light medium moderate heavy lift lifting".split()


def _every_word_form():
    for word in _DUTY_WORDS:
        yield f"Must possess a driver's license.\nDuties: {word.capitalize()} as needed.\n"
    for licence in ("driver license", "drivers license", "Commercial driver", "CDL", "class B license"):
        yield f"Must possess a {licence}.\nDuties: filing.\n"
    for word in _LIFTING_WORDS:
        yield f"Duties: {word} loads; {word} heavy; {word.capitalize()} work.\n"


@pytest.mark.parametrize("raw", list(_every_word_form()))
def test_every_word_a_start_allows_is_looked_for(raw):
    # Each word alone in its text: a word missing from a table of the rules makes that text's findings differ.
    for code, plain in (("P303", plain_p303), ("P310", plain_p310)):
        found, text = fast_findings("TITLE\n" + raw, code)
        assert found == plain(text)
