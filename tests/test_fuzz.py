"""Property tests: no input makes the reader, the parser or any rule raise (issue 8, "unbreakable").

Cases are real specs (specs/seeds, specs/clean) with lines deleted, repeated, moved, joined, split, cut short or spliced
in from another spec, and odd characters put inside them; the mutations and the promises checked are tools/fuzz.py's,
which runs the same properties for as long as one likes (`python tools/fuzz.py --minutes 5`). Here each property runs a
few cases, derandomized (the same cases on every run, so CI is deterministic); inputs that once broke speclint are
kept as explicit examples.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from speclint.config import Config
from speclint.lint import lint_source
from speclint.read import ReadError, read_bytes

sys.path.insert(0, str(ROOT / "tools"))
import fuzz  # noqa: E402  (tools/fuzz.py)

SPEC_WORDS = [
    "DEFINITION", "ESSENTIAL FUNCTIONS", "FLSA Status:", "Exempt", "Non-Exempt", "Adopted:", "June 4, 2018", "13/45/2020",
    "lift", "50 pounds", "occasionally", "sedentary", "[GK1]", "<ul>", "&nbsp;", "Useing", "supervisiondirection", "the the",
    "a hour", "$5,120", "- ", "• ", "\uf0b7", "\t", "\n", "\n\n", ":", "(E)", "speclint-disable-line M602", "Page 2 of 7",
]  # fmt: skip
spec_like = st.lists(st.one_of(st.sampled_from(SPEC_WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
CONFIG = Config()
RULES = list(CONFIG.rules)
TEXTS = fuzz.corpus()

# A mutated real spec, as the bytes of a file: hypothesis picks the spec, the mutations and how the file is written.
operations = st.builds(
    fuzz.Operation,
    kind=st.sampled_from(fuzz.OPERATIONS),
    line=st.integers(0, 10_000),
    other=st.integers(0, 10_000),
    text=st.one_of(st.sampled_from(fuzz.ODD), st.sampled_from(fuzz.HEADINGS), st.text(max_size=8)),
)
mutated_spec = st.builds(
    lambda base, changes, other, newline, encoding, final: fuzz.to_bytes(
        fuzz.apply(TEXTS[base], changes, TEXTS[other]), newline, encoding, final
    ),
    st.integers(0, len(TEXTS) - 1),
    st.lists(operations, min_size=1, max_size=12),
    st.integers(0, len(TEXTS) - 1),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    st.booleans(),
)
# Inputs that broke a promise once (found by tools/fuzz.py): each rule and the whole lint run see them on every run.
FOUND = [
    b"ACCOUNTANT\r\nFLSA Status:\r\n\r\nDEFINITION\r\nWorks.\r\n",  # F202 ended its span one column past a blank value
    b"ACCOUNTANT\nFLSA Status: \n\nDEFINITION\nWorks.\n",
]


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["spec.txt", "spec.md", "spec.docx", "spec.pdf"]))
@example(b"x", "spec.txt")  # no words: refused in one line
@example(b"DEFINITION\nPrepares jour\x00nal entries.\n", "spec.txt")  # a stray NUL: where it is
@example("Caf\u00e9 \u2019".encode() + b"\xff", "spec.txt")  # UTF-8 with a byte that is not
def test_any_bytes_read_or_give_a_one_line_error(data, name):
    try:
        source = read_bytes(data, name)
    except ReadError as error:
        assert str(error).startswith(name) and "\n" not in str(error)
        return
    assert len(source.lines) == len(source.view)
    assert all(len(line) == len(view) for line, view in zip(source.lines, source.view, strict=True))


@SETTINGS
@given(spec_like)
def test_any_spec_like_text_lints_without_a_rule_failing(text):
    try:
        source = read_bytes(text.encode("utf-8"), "spec.txt")
    except ReadError:
        return
    rule_errors: list[str] = []
    violations = lint_source(source, CONFIG, rule_errors)
    assert rule_errors == []
    for v in violations:
        assert fuzz.position_problem(v, source.lines) is None


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_spec, st.sampled_from(["spec.txt", "spec.md"]))
def test_mutated_specs_read_and_lint_with_every_finding_in_place(data, name):
    source = fuzz.read_checked(data, name)
    if source is not None:
        fuzz.lint_checked(source, CONFIG)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_spec)
@example(FOUND[0])
@example(FOUND[1])
def test_each_rule_on_mutated_specs(rule, data):
    """Every rule alone: it raises nothing, and each finding lies inside the file (lines 1..N, columns 1..length+1, or 0
    for the whole file) with a one-line message."""
    source = fuzz.read_checked(data, "spec.txt")
    if source is not None:
        fuzz.rule_checked(rule, source, CONFIG)


def test_the_fuzz_campaign_runs_every_target(tmp_path):
    """tools/fuzz.py itself: a few cases of each target (read, lint, fix, config, docx, pdf) find nothing."""
    said: list[str] = []
    failures = fuzz.campaign(600, seed=3, targets=fuzz.TARGETS, out=tmp_path, say=said.append, cases=2 * len(fuzz.TARGETS))
    assert failures == 0, said
    assert said[0] == "cases: " + ", ".join(f"{target} 2" for target in fuzz.TARGETS)


# -- the fast forms of slow code agree with its plain definition ---------------------------------------------------
# Long pathological lines (tests/test_bad_input.py::test_pathological_text_finishes) made these take quadratic time;
# each now looks things up once. These check that the answers are the ones the plain definitions give.


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_spec)
def test_the_section_of_a_line_is_its_innermost_section(data):
    from speclint.engine import RuleContext
    from speclint.parse import parse_spec

    source = fuzz.read_checked(data, "spec.txt")
    if source is None:
        return
    spec = parse_spec(source)
    ctx = RuleContext(spec)
    for line in range(len(source.lines) + 2):
        containing = [s for s in spec.sections if any(start <= line <= end for start, end in s.ranges())]
        innermost = max(reversed(containing), key=lambda s: s.line) if containing else None  # the latest heading; ties: the last
        assert ctx.section_at(line) == (innermost.key if innermost else None), line


def _how_often_plainly(frequencies, weight, text: str) -> str:
    """speclint.checks.physical._how_often as it was written first: a scan of every frequency word for each weight."""
    from speclint.checks.physical import _frequency_kind

    before = [f for f in frequencies if f.end() <= weight.start()]
    if before:
        return _frequency_kind(before[-1].group(0))
    clause_end = min((i for i in (text.find(";", weight.end()), text.find(".", weight.end())) if i >= 0), default=len(text))
    after = [f for f in frequencies if weight.end() <= f.start() < clause_end]
    return _frequency_kind(after[0].group(0)) if after else ""


WEIGHT_WORDS = ["lift 50 pounds", "25 lbs.", "occasionally", "frequently", "constantly", ";", ".", "and", "up to", "x"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WEIGHT_WORDS), max_size=14))
def test_how_often_a_weight_is_lifted_is_the_nearest_frequency_word(words):
    from speclint.checks.physical import FREQUENCY, WEIGHT, _how_often

    text = " ".join(words)
    frequencies = list(FREQUENCY.finditer(text))
    for weight in WEIGHT.finditer(text):
        assert _how_often(frequencies, weight, text) == _how_often_plainly(frequencies, weight, text)
