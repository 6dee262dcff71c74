"""Inline suppression in plain text and Markdown."""

from __future__ import annotations

from speclint.config import Config
from speclint.lint import lint_text

BODY = "ACCOUNTANT\nFLSA Status: Exempt\nDEFINITION\n"


def codes_at(text, name="spec.txt"):
    return [(v.code, v.line) for v in lint_text(BODY + text, Config(select=["M", "X990"]), name)]


def test_disable_line_with_and_without_comment_wrapper():
    assert codes_at("Work.[GK1] speclint-disable-line M602\n") == []
    assert codes_at("Work.[GK1] <!-- speclint-disable-line M602 -->\n", "spec.md") == []
    assert codes_at("Work.[GK1] <!-- speclint-disable-line -->\n") == []


def test_disable_line_only_covers_named_rules_and_that_line():
    found = codes_at("Work.[GK1] <b>x</b> speclint-disable-line M602\nMore.[GK2]\n")
    assert ("M602", 4) not in found
    assert ("M604", 4) in found
    assert ("M602", 5) in found


def test_disable_next_line():
    found = codes_at("speclint-disable-next-line: M602, html-markup\nWork.[GK1] <b>x</b>\nMore.[GK2]\n")
    assert found == [("M602", 6)]


def test_disable_file_anywhere_in_the_file():
    assert codes_at("Work.[GK1]\nMore.[GK2]\n<!-- speclint-disable-file M602 -->\n") == []


def test_block_disable_and_enable():
    found = codes_at("speclint-disable M602\nA.[GK1]\nB.[GK2]\nspeclint-enable M602\nC.[GK3]\n")
    assert found == [("M602", 8)]


def test_unused_suppression_is_reported_where_it_stands():
    found = lint_text(BODY + "Clean work. <!-- speclint-disable-line M602 -->\n", Config(select=["M", "X990"]))
    [unused] = found
    assert (unused.code, unused.line, unused.column) == ("X990", 4, 13)
    assert "M602" in unused.message


def test_directive_text_is_not_linted_itself():
    # the comment wrapper is HTML, but the HTML rule must not see it
    assert codes_at("Clean work.[GK1] <!-- speclint-disable-line M602 -->\n", "spec.md") == []
