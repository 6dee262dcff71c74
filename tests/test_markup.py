"""Markup rules (M601-M611): edit debris from tracked changes, reviewers and web pages.

The seeds are real specs with real defects: every defect is reported once, on its own line, with a
column range that covers exactly the bad text, and nothing else in the seeds or the clean specs is.
"""

from __future__ import annotations

import random
import textwrap

import pytest
from conftest import CLEAN, SEEDS

from speclint.checks import markup
from speclint.config import Config
from speclint.engine import RulePackError, load_rules
from speclint.engine.registry import load_pack
from speclint.lint import lint_path, lint_text
from speclint.read import read_path
from speclint.userfiles import UserFileError, check_against

SEED = {seed.name[:3]: seed for seed in SEEDS}
TAG = '<ul style="list-style-type: none">'

# (seed, line, code, the bad text, suggestion, fix) — every M6xx finding the seeds should produce.
SEED_FINDINGS = [
    ("000", 48, "M609", "and/Director", None, None),
    ("001", 64, "M603", "___", None, None),
    ("002", 4, "M607", "supervisiondirection", None, None),
    ("002", 12, "M608", "supervision direction", None, None),
    ("002", 12, "M607", "ServicesHuman", None, None),
    ("002", 25, "M608", "Assist Oversees", None, None),
    ("002", 29, "M607", "suggestingrecommends", None, None),
    ("002", 80, "M607", "inAbility", None, None),
    ("002", 90, "M606", "prioritizeing", "prioritizing", "safe"),
    ("002", 94, "M606", "Composeing", "Composing", "safe"),
    ("002", 95, "M606", "Balanceing", "Balancing", "safe"),
    ("002", 97, "M606", "Makeing", "Making", "safe"),
    ("002", 98, "M606", "Useing", "Using", "safe"),
    ("002", 100, "M606", "Useing", "Using", "safe"),
    ("002", 101, "M606", "Organizeing", "Organizing", "safe"),
    ("002", 102, "M606", "retrieveing", "retrieving", "safe"),
    ("002", 123, "M610", "record.None", "record. None", "safe"),
    ("002", 123, "M602", "[GK1]", "", "safe"),
    ("002", 145, "M602", "[GK2]", "", "safe"),
    ("003", 102, "M604", TAG, "", "safe"),
    ("003", 103, "M604", TAG, "", "safe"),
    ("003", 104, "M604", TAG, "", "safe"),
]


def _expected(seed: str):
    lines = read_path(SEED[seed]).lines
    found = set()
    for name, line, code, bad, suggestion, fix in SEED_FINDINGS:
        if name == seed:
            column = lines[line - 1].index(bad) + 1
            found.add((line, column, line, column + len(bad), code, suggestion, fix))
    return found


def _markup(violations, prefix: str = "M6"):
    return {(v.line, v.column, v.end_line, v.end_column, v.code, v.suggestion, v.fix) for v in violations if v.code.startswith(prefix)}


def _lint(text: str, code: str):
    return [v for v in lint_text(text, Config()) if v.code == code]


def _spans(text: str, code: str):
    """The text each finding of ``code`` covers (one-line findings)."""
    lines = text.split("\n")
    return [lines[v.line - 1][v.column - 1 : v.end_column - 1] for v in _lint(text, code)]


# -- the seeds and the clean specs ---------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(SEED))
def test_seed_markup_findings_are_exactly_the_real_defects(seed):
    """Each defect once, on its own line, its range covering the bad text; the sound text reports nothing."""
    found = _markup(lint_path(str(SEED[seed]), Config()).violations)
    assert found == _expected(seed)


@pytest.mark.parametrize("spec", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_markup_findings(spec):
    assert _markup(lint_path(str(spec), Config()).violations, "M") == set()


def test_seed_messages_name_the_words_and_the_fix():
    by_code = {}
    for v in lint_path(str(SEED["002"]), Config()).violations:
        by_code.setdefault(v.code, []).append(v.message)
    assert any('"supervision" and "direction"' in m and "tracked change" in m for m in by_code["M607"])
    assert any('"inAbility"' in m for m in by_code["M607"])
    assert all("high confidence" in m and "Keep the one that is meant" in m for m in by_code["M608"])
    assert 'Write "Using"' in " ".join(by_code["M606"])
    assert 'Put a space between them: "record. None"' in by_code["M610"][0]


# -- M602 comment anchors: a safe fix declared in YAML ------------------------------------------


def test_comment_anchor_fix_deletes_the_marker_and_is_safe():
    rules = load_rules()
    assert rules.get("M602").fixable
    [found] = _lint("DEFINITION\nPerforms professional accounting work.[GK1]\n", "M602")
    assert (found.line, found.column, found.end_column, found.suggestion, found.fix) == (2, 39, 44, "", "safe")


def test_pattern_rules_without_fix_key_stay_unfixable():
    rules = load_rules()
    assert not rules.get("M603").fixable and not rules.get("M611").fixable
    assert [r.code for r in rules if r.kind == "pattern" and r.fixable] == ["M602"]


RULE = """\
pack: test
rules:
  - code: T100
    name: test-rule
    kind: {kind}
    category: markup
    severity: warning
    message: 'Found "{{match}}".'
    description: A test rule.
    examples: {{fire: ["x"], pass: ["y"]}}
"""


def _pack(tmp_path, kind: str, extra: str):
    path = tmp_path / "pack.yaml"
    path.write_text(RULE.format(kind=kind) + textwrap.indent(extra, "    "))
    return path


def test_fix_safe_in_a_user_pack_marks_the_suggestion_safe(tmp_path):
    path = _pack(tmp_path, "pattern", "pattern: 'xyzzy '\nsuggestion: ''\nfix: safe\n")
    [rule] = load_pack(path)
    assert rule.fixable
    unsafe = _pack(tmp_path, "pattern", "pattern: 'xyzzy '\nsuggestion: ''\n")
    [rule] = load_pack(unsafe)
    assert not rule.fixable  # a suggestion alone stays unsafe, as before


@pytest.mark.parametrize(
    "kind, extra",
    [
        ("pattern", "pattern: x\nfix: safe\n"),  # nothing to apply
        ("pattern", "pattern: x\nsuggestion: ''\nfix: always\n"),
        ("substitution", "swap: {a: b}\nsuggestion: ''\nfix: safe\n"),
    ],
)
def test_bad_fix_keys_are_refused(tmp_path, kind, extra):
    path = _pack(tmp_path, kind, extra)
    with pytest.raises(RulePackError):
        load_pack(path)
    from speclint.userfiles import read_yaml

    with pytest.raises(UserFileError):
        check_against(read_yaml(path), "rule-pack.schema.json")


def test_build_rule_refuses_fix_without_suggestion_even_without_the_schema():
    from speclint.engine.kinds import build_rule

    entry = {"code": "T100", "name": "t", "kind": "pattern", "category": "markup", "severity": "warning",
             "message": "m", "description": "d", "pattern": "x", "fix": "safe"}
    with pytest.raises(RulePackError, match="fix: safe"):
        build_rule(entry, "pack.yaml")


# -- M603 placeholders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, placeholder",
    [
        ("Approved: ___ Human Resources Manager", "___"),
        ("Approved: __________________", "__________________"),
        ("Class Code: TBD", "TBD"),
        ("Adopted by the Board on [insert date].", "[insert date]"),
        ("Class Code: XXXX", "XXXX"),
        ("Effective Date: June XX, 2024", "June XX"),
        ("Salary Range: $[XX,XXX] annually", "$[XX,XXX]"),
        ("Revised: March 3, 20XX", "20XX"),
        ("Bargaining Unit: ???", "???"),
        ("Department: [Department Name]", "[Department Name]"),
        ("Reports to: <<Manager Title>>", "<<Manager Title>>"),
    ],
)
def test_every_placeholder_fires_once_over_its_text(text, placeholder):
    assert _spans(text, "M603") == [placeholder]


@pytest.mark.parametrize(
    "text",
    [
        "Salary Range: $5,120 - $6,224 monthly",
        "Provides uniforms in sizes S through XXL.",
        "Customer Service Representative I / II / III / Senior",
        "See Section [A] of the Personnel Rules; Grade T2; EEO-4 Category: Professionals.",
    ],
)
def test_placeholder_quiet_on_real_values(text):
    assert _lint(text, "M603") == []


# -- M601 revision markup ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup_text, accepted",
    [
        ("{~~general~>direct~~}", "direct"),
        ("{++and reconciles++}", "and reconciles"),
        ("{--and reconciles--}", ""),
        ("{==general ledger==}", "general ledger"),
        ("{>>Check with Finance<<}", ""),
        ("~~five~~", ""),
        ("f\u0336i\u0336v\u0336e\u0336", ""),
    ],
)
def test_revision_markup_is_reported_with_the_change_accepted_as_an_unsafe_suggestion(markup_text, accepted):
    text = f"Maintains {markup_text} the general ledger."
    [found] = _lint(text, "M601")
    assert text[found.column - 1 : found.end_column - 1] == markup_text
    assert (found.suggestion, found.fix) == (accepted, "unsafe")


def test_revision_markup_quiet_on_tildes_and_braces():
    assert _lint("Salary: ~$5,120 to ~$6,224; see {Appendix A}; approx. ~ 10 hours.", "M601") == []


# -- M604 HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, html, suggestion",
    [
        ('Experience\t<ul style="list-style-type: none">Four years.', '<ul style="list-style-type: none">', ""),
        ("Prepares <b>journal</b> entries.", "<b>", ""),
        ("Knowledge of<br>accounting.", "<br>", " "),  # between two words: a space, not a fused word
        ("Knowledge of accounting.<br>", "<br>", ""),
        ("Knowledge of&nbsp;accounting.", "&nbsp;", " "),
        ("Table A &amp; B.", "&amp;", "&"),
        ("The District&#8217;s policies.", "&#8217;", "\u2019"),
        ("The District&rsquo;s policies.", "&rsquo;", "\u2019"),
        ("Pages 1&ndash;4.", "&ndash;", "\u2013"),
    ],
)
def test_html_fixes_are_safe_and_certain(text, html, suggestion):
    [found] = [v for v in _lint(text, "M604") if text[v.column - 1 : v.end_column - 1] == html]
    assert (found.suggestion, found.fix) == (suggestion, "safe")


def test_html_entity_for_no_character_gets_no_fix():
    [found] = _lint("Code &#0; here.", "M604")
    assert found.suggestion is None and found.fix is None


def test_html_quiet_on_angle_brackets_and_ampersands_in_words():
    assert _lint("Ability to communicate <in person> and by telephone; Table A & B; AT&T; P&L.", "M604") == []


# -- M605 balloons and M611 draft notes ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Deleted: general",
        "Inserted: direct",
        "Formatted: Font: (Default) Arial, 11 pt",
        "Formatted Table",
        "Moved (insertion) [1]",
        "Moved down [2]: Performs related duties as assigned.",
        "Commented [GK1]: Should this be the Finance Director?",
        "Comment [AB2]: Confirm with Payroll.",
    ],
)
def test_balloon_lines_are_reported_whole(line):
    text = f"ACCOUNTANT\n\u2022 {line}\nDEFINITION\n"
    [found] = _lint(text, "M605")
    assert (found.line, found.column, found.end_column) == (2, 3, 3 + len(line))


def test_a_comment_balloon_is_not_also_an_anchor():
    text = "Commented [GK1]: Should this be the Finance Director?\nWork.[GK2]\n"
    assert [v.line for v in _lint(text, "M605")] == [1]
    assert [v.line for v in _lint(text, "M602")] == [2]


def test_balloon_quiet_on_ordinary_words():
    text = "Inserts and deletes records.\nComments: none.\nFormatted reports are prepared monthly.\nDeleted records are restored."
    assert _lint(text, "M605") == []


@pytest.mark.parametrize(
    "text, note",
    [
        ("DRAFT – For Review Only\nACCOUNTANT", "DRAFT – For Review Only"),
        ("ACCOUNTANT\nDRAFT", "DRAFT"),
        ("ACCOUNTANT\nDraft 3/12/2024", "Draft 3/12/2024"),
        ("NOTE TO HR: confirm the salary range.", "NOTE TO HR"),
        ("Note to file: approved by the GM.", "Note to file"),
        ("CONFIDENTIAL – INTERNAL USE ONLY", "INTERNAL USE ONLY"),
        ("FOR REVIEW", "FOR REVIEW"),
    ],
)
def test_draft_notes(text, note):
    assert _spans(text, "M611") == [note]


def test_draft_notes_quiet_on_drafting_duties():
    text = (
        "DRAFTING TECHNICIAN\nDrafts correspondence for review by the Director.\n"
        "Draft, edit and proofread letters.\nPrepares draft agreements."
    )
    assert _lint(text, "M611") == []


# -- M606 eing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, fixed",
    [("Useing", "Using"), ("USEING", "USING"), ("prioritizeing", "prioritizing"), ("Manageing", "Managing"), ("tieing", "tying")],
)
def test_eing_fix_keeps_the_case(word, fixed):
    [found] = _lint(f"Ability to: {word} records.", "M606")
    assert (found.suggestion, found.fix, found.end_column - found.column) == (fixed, "safe", len(word))


@pytest.mark.parametrize("word", sorted(markup._data().eing_words) + ["Boeing", "eing"])
def test_real_eing_words_are_never_reported(word):
    assert _lint(f"Ability to: {word} records.", "M606") == []


# -- M607 fused words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("Under general supervisiondirection, plans the work.", "supervisiondirection"),
        ("Responsible for suggestingrecommends methods.", "suggestingrecommends"),
        ("Director of Administrative ServicesHuman Resources.", "ServicesHuman"),
        ("Skill inAbility to:", "inAbility"),
        ("GENERAL SUPERVISIONDIRECTION", "SUPERVISIONDIRECTION"),
        ("Books the meetingroom for the Board.", "meetingroom"),
    ],
)
def test_fused_words(text, word):
    [found] = _lint(text, "M607")
    assert text[found.column - 1 : found.end_column - 1] == word
    assert found.suggestion is None  # which word was meant is not known


@pytest.mark.parametrize(
    "text",
    [
        "Recordkeeping, timekeeping, helpdesk, autopay, workflow, database, fieldwork and paperless billing.",
        "Uses SharePoint, PowerPoint, Laserfiche, CalPERS, myCalPERS, NEOGOV, iPad, eCommerce, McDonald and MacArthur.",
        "Processes Utility Service Requests (USRs); prepares workpapers and storytimes; backfills trenches.",
        "Uses OverDrive, OCLC WorldShare, Cityworks, GovernmentJobs, SchoolsFirst, QuickBooks and PowerSchool.",
        "Applies departmentwide and communitywide policies; see www.supervisiondirection.org.",
        "Grade T2Water and 2019December are someone else's; Lakewood and Riverside are cities.",
    ],
)
def test_fused_words_quiet_on_compounds_and_names(text):
    assert _lint(text, "M607") == []


def test_fused_words_respect_the_vocabulary():
    text = "Uses the PermitsPlus system."
    assert [v.code for v in _lint(text, "M607")] == ["M607"]
    assert [v for v in lint_text(text, Config(vocabulary=["PermitsPlus"])) if v.code == "M607"] == []


# -- M608 both versions kept -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("General supervision direction is given by the Director.", "supervision direction"),
        ("Responsible for suggesting recommends methods to improve operations.", "suggesting recommends"),
        ("\u2022 Assist Oversees the District's Customer Service functions.", "Assist Oversees"),
        ("3. Prepare Compose correspondence for the Director.", "Prepare Compose"),
    ],
)
def test_both_versions_kept(text, words):
    [found] = _lint(text, "M608")
    assert text[found.column - 1 : found.end_column - 1] == words
    assert "(high confidence)" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "Under general supervision and direction; direct supervision is exercised; supervises direct reports.",
        "1. Assist with special projects.\n2. Performs and oversees the work of staff.",
        "Performs assigned duties; reviews completed work; suggests recommended actions; approves authorized purchases.",
        "Process Utility Service Requests; Plan Review Engineer; Conduct Plan Review; Lead Training sessions.",
        "GENERAL SUPERVISION\nDirection is received from the Finance Director.",
        "The incumbent employee; staff employees; position classification; Knowledge Skills and Abilities.",
        "Routine to routine to complex work.",
    ],
)
def test_both_versions_quiet_on_normal_phrases(text):
    assert _lint(text, "M608") == []


def test_low_confidence_pairs_only_when_asked(monkeypatch):
    text = "Prepares approves the annual budget."
    assert _lint(text, "M608") == []
    monkeypatch.setattr(markup._data(), "report", "low")
    [found] = _lint(text, "M608")
    assert "(low confidence)" in found.message


# -- M609 stray slash --------------------------------------------------------------------------


def test_stray_slash():
    text = "Receive direction from the Customer Service Manager and/Director of Finance."
    [found] = _lint(text, "M609")
    assert text[found.column - 1 : found.end_column - 1] == "and/Director"
    assert _spans("Reports to the Manager/and Director.", "M609") == ["Manager/and"]


@pytest.mark.parametrize(
    "text",
    [
        "Billing and/or collection; he/she; his/her; to/from; on/off; in/out; with/without.",
        "Education/Training; Degree/License/Certification; Associate of Arts/Science; debit/credit.",
        "Human Resources/Customer Relations Manager; 24/7; 12/01/2024; Cal/OSHA; A/R and A/P.",
        "See https://www.city.gov/jobs/and/for/applicants or www.city.gov/the/forms.",
    ],
)
def test_stray_slash_quiet_on_alternatives(text):
    assert _lint(text, "M609") == []


def test_slashed_words_are_found_where_the_pattern_finds_them():
    # The pattern is tried next to each slash only; a match may start after an apostrophe ("x.don't/and": "t/and").
    assert _spans("x.don't/and Director", "M609") == ["t/and"]
    awkward = ["Manager's/and", "x.don't/and", "o'and/Director the/x", "24/7 and/or/the", "a//b", "/and", "and/"]
    rng = random.Random(5)
    pieces = ["a", "B", "and", "/", "/", "'", "\u2019", "-", " ", ".", ":", "@", "1", "_", "\u00e9", "\n"]
    for text in awkward + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(3000)]:
        assert [m.span() for m in markup._slashed_matches(text)] == [m.span() for m in markup._SLASHED.finditer(text)], text


# -- M610 missing space ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, glued, fixed",
    [
        ("Maintains the safety program.Collects samples.", "program.Collects", "program. Collects"),
        ("Must have a satisfactory driving record.None.", "record.None", "record. None"),
        ("Knowledge of:Principles of accounting.", "of:Principles", "of: Principles"),
        ("Revised: 2019December", "2019December", "2019 December"),
        ("Adopted: December2019", "December2019", "December 2019"),
    ],
)
def test_missing_space_fix_is_safe(text, glued, fixed):
    [found] = _lint(text, "M610")
    assert text[found.column - 1 : found.end_column - 1] == glued
    assert (found.suggestion, found.fix) == (fixed, "safe")


@pytest.mark.parametrize(
    "text",
    [
        "A bachelor's degree, e.g. in accounting, i.e. four years; U.S. Postal Service; Ph.D. preferred; J.Smith.",
        "Apply at www.cityofexample.gov, www.City.Gov or HR.Jobs@example.gov; mailto:Jane.Doe.",
        "Adopted December 2019; FY2019 budget; Windows 2000; Office365; Grade T2.",
        "Uses Microsoft.NET and ASP.NET applications.",
    ],
)
def test_missing_space_quiet_on_abbreviations_and_addresses(text):
    assert _lint(text, "M610") == []


def test_missing_space_glue_points_do_not_overlap():
    # "m.Is" and "s.Co" share the "s": as always, the second is not looked at.
    assert _spans("Maintains the program.Is.Collects samples.", "M610") == ["program.Is"]
    assert _spans("Revised 1920201a; Adopted: December2019", "M610") == ["December2019"]
