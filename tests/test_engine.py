"""The rule engine: YAML kinds, scopes, pack validation, and profile errors as violations."""

from __future__ import annotations

import textwrap

import pytest

from speclint.config import Config
from speclint.engine import RulePackError
from speclint.engine.registry import load_pack
from speclint.lint import lint_text
from speclint.resources import rules_dir
from speclint.userfiles import check_against, read_yaml

SPEC = textwrap.dedent(
    """\
    WATER METER READER II
    FLSA Status: Non-Exempt
    DEFINITION
    Reads meters and may lift heavy objects.
    ESSENTIAL FUNCTIONS
    1. Reads meters on assigned routes.
    PHYSICAL DEMANDS
    Must lift heavy objects and walk routes.
    """
)


def _pack(tmp_path, body: str):
    path = tmp_path / "pack.yaml"
    path.write_text("pack: test\nrules:\n" + textwrap.indent(textwrap.dedent(body), "  "))
    return path


RULE_HEAD = """\
- code: T100
  name: test-rule
  category: physical
  severity: warning
  message: 'Found "{match}".'
  description: A test rule.
  examples: {fire: ["x"], pass: ["y"]}
"""


def test_pattern_scope_limits_matches_to_a_section(tmp_path):
    path = _pack(tmp_path, RULE_HEAD + "  kind: pattern\n  pattern: 'lift heavy'\n  scope: [physical_demands]\n")
    found = lint_text(SPEC, Config(rule_packs=[str(path)], select=["T100"]))
    assert [(v.line, v.column, v.message, v.section) for v in found] == [(8, 6, 'Found "lift heavy".', "physical_demands")]


def test_pattern_without_scope_searches_the_whole_file_across_lines(tmp_path):
    path = _pack(tmp_path, RULE_HEAD + "  kind: pattern\n  pattern: 'meters\\s+on\\s+assigned'\n")
    text = SPEC.replace("meters on assigned", "meters on\nassigned")
    [found] = lint_text(text, Config(rule_packs=[str(path)], select=["T100"]))
    assert (found.line, found.column, found.end_line, found.end_column) == (6, 10, 7, 9)


def test_required_section_with_title_condition(tmp_path):
    body = RULE_HEAD + "  kind: required-section\n  sections: [distinguishing_characteristics]\n  when: {title: '\\bII\\b'}\n"
    path = _pack(tmp_path, body)
    config = Config(rule_packs=[str(path)], select=["T100"])
    assert [v.code for v in lint_text(SPEC, config)] == ["T100"]
    assert lint_text(SPEC.replace("READER II", "READER"), config) == []


def test_substitution_keeps_the_case_of_the_match(tmp_path):
    swap = "  kind: substitution\n  swap: {'\\b(?:may|must)\\b': 'should'}\n"
    path = _pack(tmp_path, RULE_HEAD.replace("Found", "Use {replacement} for") + swap)
    found = lint_text(SPEC, Config(rule_packs=[str(path)], select=["T100"]))
    assert [(v.line, v.suggestion) for v in found] == [(4, "should"), (8, "Should")]


@pytest.mark.parametrize(
    "body, expected",
    [
        (RULE_HEAD + "  kind: pattern\n", "rule"),  # no pattern
        (RULE_HEAD + "  kind: pattern\n  pattern: '(unclosed'\n", "bad regular expression '(unclosed'"),
        (RULE_HEAD + "  kind: magic\n", "bad value 'magic' at 'rules/0/kind'"),
        (RULE_HEAD + "  kind: pattern\n  pattern: x\n  colour: red\n", "unknown key 'colour' at 'rules/0'"),
        (RULE_HEAD.replace("category: physical", "category: vibes") + "  kind: pattern\n  pattern: x\n", "bad value 'vibes'"),
    ],
)
def test_bad_rule_packs_are_explained(tmp_path, body, expected):
    path = _pack(tmp_path, body)
    with pytest.raises(RulePackError) as raised:
        load_pack(path)
    assert str(raised.value).startswith(str(path)) and expected in str(raised.value)


def test_duplicate_codes_between_packs_are_refused(tmp_path):
    from speclint.engine import load_rules

    path = _pack(tmp_path, RULE_HEAD.replace("T100", "M602") + "  kind: pattern\n  pattern: x\n")
    with pytest.raises(RulePackError, match="M602 is already used"):
        load_rules([path])


def test_profile_errors_read_as_hr_messages_at_the_right_line():
    text = "ACCOUNTANT\nClass Code: AC-12\nBargaining Unit: Misc\nDEFINITION\nWork.\n"
    found = {v.code: v for v in lint_text(text, Config(schema="example-agency"))}
    mismatch = found["S100"]
    assert mismatch.line == 2  # the class code line
    assert "'AC-12'" in mismatch.message and "required form" in mismatch.message
    for violation in found.values():
        assert "is a required property" not in violation.message
        assert "does not contain items" not in violation.message
    missing = found["S103"]
    assert (missing.line, missing.column) == (1, 0)
    assert "No duties section" in missing.message


@pytest.mark.parametrize("pack", sorted((rules_dir() / "packs").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_packs_follow_the_rule_pack_schema(pack):
    """Shipped packs skip the schema check at run time (start-up speed); this keeps them honest."""
    check_against(read_yaml(pack), "rule-pack.schema.json")
