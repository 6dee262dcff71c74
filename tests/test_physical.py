"""Physical-demand rules on real wording: weights in every form specs use, frequencies, strength levels."""

from __future__ import annotations

import pytest
from conftest import SEEDS

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
