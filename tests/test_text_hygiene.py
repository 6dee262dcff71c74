"""Issue 5's acceptance list: every leftover the seeds show is reported on its own line, over the bad text.

The rule families have their own tests (test_markup, test_debris, test_spelling, test_grammar);
this one reads like the issue: each instance, where it is, and which category reports it.
"""

from __future__ import annotations

import pytest
from conftest import CLEAN, SEEDS

from speclint.config import Config
from speclint.lint import lint_path, lint_text

HYGIENE = ("markup", "format", "spelling", "grammar")
SEED = {path.name[:3]: path for path in SEEDS}

# (seed, line, the bad text as it stands in the file, category)
INSTANCES = [
    ("002", 4, "supervisiondirection", "markup"),
    ("002", 12, "ServicesHuman", "markup"),
    ("002", 29, "suggestingrecommends", "markup"),
    ("002", 80, "inAbility", "markup"),
    ("002", 98, "Useing", "markup"),
    ("002", 100, "Useing", "markup"),
    ("002", 94, "Composeing", "markup"),
    ("002", 90, "prioritizeing", "markup"),
    ("002", 25, "Assist Oversees", "markup"),
    ("002", 12, "supervision direction", "markup"),
    ("002", 123, "[GK1]", "markup"),
    ("003", 102, '<ul style="list-style-type: none">', "markup"),
    ("003", 56, "Lead Customer Service Representative", "format"),
    ("003", 95, "Lead Customer Service Representative", "format"),
    ("003", 15, "routine to ", "grammar"),
    ("000", 44, "EXCERCISED", "spelling"),
]


def hygiene_findings(prefix: str):
    return [v for v in lint_path(str(SEED[prefix]), Config()).violations if v.category in HYGIENE]


@pytest.mark.parametrize(("prefix", "line", "bad", "category"), INSTANCES, ids=[f"{i[0]}:{i[1]}:{i[2][:20]}" for i in INSTANCES])
def test_each_instance_is_reported_over_the_bad_text(prefix, line, bad, category):
    text = SEED[prefix].read_text(encoding="utf-8").splitlines()[line - 1]
    start = text.index(bad) + 1
    if bad == "routine to ":  # the second copy of the repeated phrase is the one reported
        start = text.index(bad, start) + 1
    matching = [
        v
        for v in hygiene_findings(prefix)
        if v.line == line == v.end_line and v.column == start and v.end_column == start + len(bad)
    ]
    assert matching, f"nothing reported over {bad!r} at {prefix}:{line}:{start}"
    assert matching[0].category == category


def test_safe_fixes_are_recorded_where_they_are_certain():
    fixes = {(v.code, v.line, v.suggestion, v.fix) for v in hygiene_findings("002")}
    assert ("M606", 98, "Using", "safe") in fixes
    assert ("M602", 123, "", "safe") in fixes
    spelling = [v for v in hygiene_findings("000") if v.code == "T401"]
    assert [(v.suggestion, v.fix) for v in spelling] == [("EXERCISED", "unsafe")]  # likely, not certain


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_hygiene_findings(path):
    assert [v for v in lint_path(str(path), Config()).violations if v.category in HYGIENE] == []


def test_private_use_glyphs_are_one_finding_with_a_fix_for_each():
    # The file is searched as one text; each glyph is put back on its line and column.
    text = "ACCOUNTANT\n\uf0b7 Prepares entries.\n\uf0a7\uf0b7 Reconciles accounts \uf0b7\nCloses the books.\n\uf0fc Reports."
    [found] = [v for v in lint_text(text, Config()) if v.code == "X902"]
    assert (found.line, found.column, found.end_column) == (2, 1, 2)
    assert "U+F0B7" in found.message and "; 3 lines have one" in found.message
    assert found.more_edits == ((3, 1, 3, 2, "-"), (3, 2, 3, 3, "-"), (3, 24, 3, 25, "-"), (5, 1, 5, 2, "-"))
