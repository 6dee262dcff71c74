"""Every rule's own examples: each 'fire' example must fire it, each 'pass' example must not."""

from __future__ import annotations

import pytest

from speclint.config import Config
from speclint.engine import load_rules
from speclint.lint import lint_text

RULES = list(load_rules())


def _config_for(rule) -> Config:
    return Config(schema=getattr(rule, "profile", "default"))


def _cases(kind: str):
    for rule in RULES:
        if kind == "fire" and getattr(rule, "needs_service", False):
            continue  # fires only with a LanguageTool server: tests/test_languagetool.py runs it against a stand-in
        if kind == "fire" and getattr(rule, "needs_source", None):
            continue  # fires only on a .docx/.pdf (signals a .txt cannot have): tests/test_docx.py, tests/test_pdf.py run them
        examples = rule.fire_examples if kind == "fire" else rule.pass_examples
        for index, text in enumerate(examples):
            yield pytest.param(rule, text, id=f"{rule.code}-{kind}-{index}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_examples_both_ways(rule):
    assert rule.fire_examples, f"{rule.code} has no example that must fire"
    assert rule.pass_examples, f"{rule.code} has no example that must not fire"
    assert rule.description.strip() and rule.message.strip()


@pytest.mark.parametrize("rule, text", list(_cases("fire")))
def test_fire_example_fires(rule, text):
    codes = [v.code for v in lint_text(text, _config_for(rule))]
    assert rule.code in codes, f"{rule.code} did not fire on:\n{text}"


@pytest.mark.parametrize("rule, text", list(_cases("pass")))
def test_pass_example_does_not_fire(rule, text):
    found = [v for v in lint_text(text, _config_for(rule)) if v.code == rule.code]
    assert not found, f"{rule.code} fired on a passing example: {found[0].message}"


def test_only_g590_needs_a_service():
    assert [rule.code for rule in RULES if getattr(rule, "needs_service", False)] == ["G590"]


def test_only_document_markup_rules_need_a_source_document():
    docx_codes = [rule.code for rule in RULES if getattr(rule, "needs_source", None) == "docx"]
    assert docx_codes == [f"M62{digit}" for digit in range(10)]
    pdf_codes = [rule.code for rule in RULES if getattr(rule, "needs_source", None) == "pdf"]
    assert pdf_codes == ["M630", "M631", "M632", "M633", "M634", "X910", "X911"]
    for rule in RULES:
        if getattr(rule, "needs_source", None):
            assert rule.category in {"markup", "format"}, rule.code


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert rule.category in {"structure", "flsa", "physical", "spelling", "grammar", "markup", "dates", "inclusive", "format"}
        assert rule.severity in {"error", "warning", "info"}
