"""Structure rules on whole specs: empty and duplicated sections."""

from __future__ import annotations

from speclint.config import Config
from speclint.lint import lint_text


def found(text, codes=("S108", "S109")):
    return [(v.code, v.line) for v in lint_text(text, Config(select=list(codes)))]


def test_empty_section_before_next_heading_and_at_end_of_file():
    text = "ACCOUNTANT\nDEFINITION\n\nESSENTIAL FUNCTIONS\n1. Prepares entries.\nWORKING ENVIRONMENT\n\n"
    assert found(text) == [("S108", 2), ("S108", 6)]


def test_heading_with_text_on_the_same_line_is_not_empty():
    assert found("ACCOUNTANT\nKnowledge of: accounting principles.\nAbility to: reconcile accounts.\n") == []


def test_combined_heading_with_sub_headings_is_not_empty_or_duplicated():
    text = (
        "ACCOUNTANT\nKNOWLEDGE, SKILLS AND ABILITIES\n\nKnowledge of:\nAccounting.\nSkill in:\nExcel.\n"
        "Ability to:\nReconcile accounts.\n"
    )
    assert found(text) == []


def test_same_section_twice_is_reported_at_the_second():
    text = "ACCOUNTANT\nDEFINITION\nOld text.\nESSENTIAL FUNCTIONS\n1. Work.\nDefinition:\nNew text.\n"
    assert found(text) == [("S109", 6)]
