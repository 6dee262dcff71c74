"""Property tests: no input makes the reader, the parser or any rule raise (issue 8, "unbreakable")."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.config import Config
from speclint.lint import lint_source
from speclint.read import ReadError, read_bytes

SPEC_WORDS = [
    "DEFINITION", "ESSENTIAL FUNCTIONS", "FLSA Status:", "Exempt", "Non-Exempt", "Adopted:", "June 4, 2018", "13/45/2020",
    "lift", "50 pounds", "occasionally", "sedentary", "[GK1]", "<ul>", "&nbsp;", "Useing", "supervisiondirection", "the the",
    "a hour", "$5,120", "- ", "• ", "\uf0b7", "\t", "\n", "\n\n", ":", "(E)", "speclint-disable-line M602", "Page 2 of 7",
]
spec_like = st.lists(st.one_of(st.sampled_from(SPEC_WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONFIG = Config()


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["spec.txt", "spec.md", "spec.docx", "spec.pdf"]))
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
        assert 0 <= v.column and v.line >= 1 and v.end_line >= v.line
