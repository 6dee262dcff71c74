"""--fix, --diff and --unsafe-fixes: what is applied, what is kept (encoding, line endings, permissions), and idempotence."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import CLEAN, ROOT, SEEDS

from speclint import fix
from speclint.violation import Violation

ACCOUNTANT = (ROOT / "specs" / "clean" / "accountant-ii.txt").read_text(encoding="utf-8")
ANALYST = (ROOT / "specs" / "clean" / "human-resources-analyst.md").read_text(encoding="utf-8")
DUTY = "Perform professional accounting work accurately and independently."
# One safe fix (a reviewer's comment marker) in an otherwise clean spec.
MARKED = ACCOUNTANT.replace(DUTY, DUTY + "[GK1]", 1)
MISSPELLED = ACCOUNTANT.replace(DUTY, "Perform profesional accounting work accurately and independently.", 1)


def copy_seeds(folder: Path) -> Path:
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
        (folder / seed.name).chmod(0o644)  # the seeds are kept read-only in the repository
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def violations_json(run_speclint, *paths) -> list[dict]:
    result = run_speclint("check", "--format", "json", *paths)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


# -- the acceptance: the seeds -------------------------------------------------
def test_fix_on_the_seeds_removes_every_safe_fix_and_a_second_run_changes_nothing(run_speclint, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    before = snapshot(seeds)
    fixable_before = [v for v in violations_json(run_speclint, seeds) if v.get("fix") == "safe"]
    assert fixable_before, "the seeds have safe fixes to apply"

    first = run_speclint("check", "--fix", seeds)
    assert first.returncode == 1, first.stderr  # the problems no fix can solve remain
    assert "Fixed " in first.stderr and " problems in " in first.stderr
    assert "fixable with `speclint check --fix`" not in first.stdout  # nothing certain is left
    after = snapshot(seeds)
    assert after != before
    assert [v for v in violations_json(run_speclint, seeds) if v.get("fix") == "safe"] == []
    assert sorted(os.listdir(seeds)) == sorted(before)  # no temporary file left behind

    second = run_speclint("check", "--fix", seeds)
    assert second.returncode == 1
    assert "Nothing to fix automatically." in second.stderr
    assert snapshot(seeds) == after

    defects = (seeds / "002_5b8ce3f32fb20e96.txt").read_text(encoding="utf-8")
    assert "record. None." in defects and "[GK1]" not in defects and "[GK2]" not in defects
    assert "Useing" not in defects and "Using English effectively" in defects
    bullets = (seeds / "004_9a5e18c1d995d0e4.txt").read_text(encoding="utf-8")
    assert "\uf0a7" not in bullets and "- Conduct daily opening" in bullets
    markup = (seeds / "003_3a99ec717efb1707.txt").read_text(encoding="utf-8")
    assert "<ul" not in markup and "routine to routine to" not in markup
    # This seed's only fixes are likely ones (spelling suggestions): without --unsafe-fixes it is not touched.
    assert (seeds / "000_90af5b79ccae96a7.txt").read_bytes() == SEEDS[0].read_bytes()

    # With --unsafe-fixes the likely fixes go too, and again a second run has nothing to do.
    unsafe = run_speclint("check", "--fix", "--unsafe-fixes", seeds)
    assert unsafe.returncode == 1 and "Fixed " in unsafe.stderr
    assert [v for v in violations_json(run_speclint, seeds) if v.get("fix")] == []
    assert "SUPERVISION RECEIVED AND EXERCISED" in (seeds / "000_90af5b79ccae96a7.txt").read_text(encoding="utf-8")
    settled = snapshot(seeds)
    assert "Nothing to fix automatically." in run_speclint("check", "--fix", "--unsafe-fixes", seeds).stderr
    assert snapshot(seeds) == settled


# -- --diff ----------------------------------------------------------------------
def test_diff_shows_the_changes_and_writes_nothing(run_speclint, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    before = snapshot(seeds)
    result = run_speclint("check", "--diff", seeds)
    assert result.returncode == 1, result.stderr
    assert snapshot(seeds) == before
    name = str(seeds / "002_5b8ce3f32fb20e96.txt")
    assert f"--- {name}\n+++ {name} (fixed)\n" in result.stdout
    assert "-record.None[GK1].\n+record. None.\n" in result.stdout
    assert "-MCWD Employees Association[GK2]\n+MCWD Employees Association\n" in result.stdout
    assert "Would fix " in result.stderr and "run again with --fix" in result.stderr
    # Only diff lines: the problems themselves are not listed.
    assert all(line[:1] in {"-", "+", " ", "@", "\\"} for line in result.stdout.splitlines())


def test_diff_is_the_change_fix_then_makes(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED, encoding="utf-8")
    diff = run_speclint("check", "--diff", spec)
    assert diff.returncode == 1
    assert f"-  • {DUTY}[GK1]\n+  • {DUTY}\n" in diff.stdout
    fixed = run_speclint("check", "--fix", spec)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Fixed 1 problem in 1 file." in fixed.stderr
    assert spec.read_text(encoding="utf-8") == ACCOUNTANT


def test_diff_with_nothing_to_fix_exits_0(run_speclint):
    result = run_speclint("check", "--diff", *CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Nothing to fix automatically." in result.stderr


# -- safe and unsafe ---------------------------------------------------------
def test_unsafe_fixes_only_with_unsafe_fixes(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MISSPELLED, encoding="utf-8")
    report = run_speclint("check", spec)
    assert 'T401 [warning] Misspelled word "profesional"' in report.stdout
    assert "1 likely fixable with --unsafe-fixes" in report.stdout

    plain = run_speclint("check", "--fix", spec)
    assert plain.returncode == 1
    assert spec.read_text(encoding="utf-8") == MISSPELLED
    assert "Nothing to fix automatically." in plain.stderr

    diff = run_speclint("check", "--diff", "--unsafe-fixes", spec)
    assert diff.returncode == 1 and "+  • Perform professional accounting" in diff.stdout
    assert spec.read_text(encoding="utf-8") == MISSPELLED

    unsafe = run_speclint("check", "--fix", "--unsafe-fixes", spec)
    assert unsafe.returncode == 0, unsafe.stdout
    assert spec.read_text(encoding="utf-8") == ACCOUNTANT


def test_text_report_counts_fixable_problems(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED, encoding="utf-8")
    lines = run_speclint("check", spec).stdout.splitlines()
    assert lines[0].startswith(f"{spec}:110:") and " M602 [error] " in lines[0]
    assert lines[-2] == "1 fixable with `speclint check --fix`."
    assert lines[-1].startswith("Found 1 problem ")
    both = run_speclint("check", SEEDS[2]).stdout.splitlines()
    assert both[-2].startswith("11 fixable with `speclint check --fix`; 1 more with --unsafe-fixes (preview them with ")


def test_fix_reports_what_is_left_in_json(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED.replace(DUTY, DUTY.replace("professional", "profesional"), 1), encoding="utf-8")
    result = run_speclint("check", "--fix", "--format", "json", spec)
    assert result.returncode == 1
    left = json.loads(result.stdout)
    assert [(v["code"], v["line"], v.get("fix")) for v in left] == [("T401", 110, "unsafe")]
    assert "Fixed 1 problem in 1 file." in result.stderr


def test_quiet_fix_says_nothing(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED, encoding="utf-8")
    result = run_speclint("check", "--fix", "-q", spec)
    assert result.returncode == 0 and result.stderr == "" and result.stdout == ""
    assert spec.read_text(encoding="utf-8") == ACCOUNTANT


# -- the file keeps what it was ------------------------------------------------
@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("cp1252.txt", lambda text: text.encode("cp1252")),
        ("bom.txt", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
        ("utf16.txt", lambda text: text.encode("utf-16")),  # with its byte-order mark
        ("utf16be.txt", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("crlf.txt", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
        ("cr.txt", lambda text: text.replace("\n", "\r").encode("utf-8")),
        ("no-final-newline.txt", lambda text: text.rstrip("\n").encode("utf-8")),
    ],
)
def test_fix_keeps_encoding_and_line_endings(run_speclint, tmp_path, name, encode):
    # "’" is byte 0x92 in Windows-1252, three bytes in UTF-8: the encoding shows in the bytes.
    original = ACCOUNTANT.replace("Auditor-Controller's", "Auditor-Controller\u2019s")
    spec = tmp_path / name
    spec.write_bytes(encode(original.replace(DUTY, DUTY + "[GK1]", 1)))
    result = run_speclint("check", "--fix", spec)
    assert result.returncode == 0, result.stdout + result.stderr
    assert spec.read_bytes() == encode(original)


def test_fix_keeps_mixed_line_endings_line_by_line(run_speclint, tmp_path):
    lines = MARKED.split("\n")
    mixed = "".join(line + ("\r\n" if number % 2 else "\n") for number, line in enumerate(lines[:-1]))
    spec = tmp_path / "mixed.txt"
    spec.write_bytes(mixed.encode("utf-8"))
    assert run_speclint("check", "--fix", spec).returncode == 0
    assert spec.read_bytes() == mixed.replace("[GK1]", "").encode("utf-8")


def test_fix_in_markdown(run_speclint, tmp_path):
    first_item = next(line for line in ANALYST.splitlines() if line.startswith("- "))
    broken = ANALYST.replace(first_item, first_item[:2] + "<b>" + first_item[2:] + "</b>[GK1]", 1)
    spec = tmp_path / "analyst.md"
    spec.write_text(broken, encoding="utf-8")
    report = run_speclint("check", spec)
    assert "M602" in report.stdout and "M604" in report.stdout, report.stdout
    result = run_speclint("check", "--fix", spec)
    assert result.returncode == 0, result.stdout + result.stderr
    assert spec.read_text(encoding="utf-8") == ANALYST


def test_fix_keeps_permissions_and_leaves_no_temporary_file(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED, encoding="utf-8")
    spec.chmod(0o640)
    assert run_speclint("check", "--fix", spec).returncode == 0
    assert stat.S_IMODE(spec.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["accountant.txt"]


def test_fix_through_a_symlink_writes_the_file_it_points_at(run_speclint, tmp_path):
    target = tmp_path / "accountant.txt"
    target.write_text(MARKED, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run_speclint("check", "--fix", link).returncode == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == ACCOUNTANT


def test_read_only_file_is_an_error_and_the_others_are_still_fixed(run_speclint, tmp_path):
    locked = tmp_path / "a-locked.txt"
    locked.write_text(MARKED, encoding="utf-8")
    locked.chmod(0o444)
    other = tmp_path / "b-other.txt"
    other.write_text(MARKED, encoding="utf-8")
    result = run_speclint("check", "--fix", locked, other)
    assert result.returncode == 2
    assert result.stderr.splitlines().count(f"error: {locked}: not fixed: the file is read-only") == 1
    assert "Fixed 1 problem in 1 file." in result.stderr
    assert locked.read_text(encoding="utf-8") == MARKED
    assert other.read_text(encoding="utf-8") == ACCOUNTANT
    assert f"{locked}:110:" in result.stdout  # its problems are still reported
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444


def test_pdf_and_word_files_are_not_fixed_in_place_and_it_is_said_once(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED, encoding="utf-8")
    documents = [tmp_path / "one.docx", tmp_path / "two.pdf", tmp_path / "three.pdf"]
    for document in documents:
        document.write_bytes(b"PK\x03\x04 not really a document")
    result = run_speclint("check", "--fix", spec, *documents)
    notes = [line for line in result.stderr.splitlines() if line.startswith("speclint: --fix")]
    assert notes == ["speclint: --fix changes text, Markdown and .docx files only: 2 PDF or .doc files left as they are."]
    assert [document.read_bytes() for document in documents] == [b"PK\x03\x04 not really a document"] * 3
    assert sorted(path.name for path in tmp_path.iterdir()) == ["accountant.txt", "one.docx", "three.pdf", "two.pdf"]
    assert spec.read_text(encoding="utf-8") == ACCOUNTANT


# -- the pieces --------------------------------------------------------------
def _violation(line, column, end_line, end_column, suggestion, kind="safe") -> Violation:
    return Violation("x.txt", line, column, end_line, end_column, "M602", "comment-anchor", "markup", "error", "m", suggestion, kind)


def _document(text: str) -> fix.Document:
    return fix.Document("x.txt", text.encode("utf-8"), text, b"", "utf-8")


def test_overlapping_fixes_keep_the_first_and_apply_from_the_end():
    text = "abcdefghij\nklm\n"
    edits = fix.edits_for(
        _document(text),
        text,
        [_violation(1, 2, 1, 5, "X"), _violation(1, 4, 1, 7, "Y"), _violation(1, 8, 1, 9, "Z"), _violation(2, 1, 2, 2, "K")],
        unsafe=False,
    )
    fixed, applied = fix.apply_edits(text, edits)
    assert (fixed, applied) == ("aXefgZij\nKlm\n", 3)  # "Y" overlapped "X": left for the next pass


def test_the_same_fix_from_two_rules_is_applied_once():
    text = "one [GK1] two\n"
    edits = fix.edits_for(_document(text), text, [_violation(1, 5, 1, 10, ""), _violation(1, 5, 1, 10, "")], unsafe=False)
    assert fix.apply_edits(text, edits) == ("one  two\n", 2)


def test_fix_across_lines_replaces_from_start_to_end_and_keeps_the_file_newline():
    text = "first line\r\nsecond line\r\nthird\r\n"
    edits = fix.edits_for(_document(text), text, [_violation(1, 7, 2, 7, "one\nand ")], unsafe=False)
    assert fix.apply_edits(text, edits) == ("first one\r\nand  line\r\nthird\r\n", 1)


def test_edits_outside_the_text_or_without_a_position_are_dropped():
    text = "short\n"
    violations = [_violation(1, 3, 1, 40, ""), _violation(5, 1, 5, 2, ""), _violation(1, 0, 1, 0, "x"), _violation(1, 1, 1, 2, "S", None)]
    assert fix.edits_for(_document(text), text, violations, unsafe=True) == []


def test_a_replacement_the_encoding_cannot_hold_is_left_for_a_person():
    text = "a - b\n"
    document = fix.Document("x.txt", text.encode("cp1252"), text, b"", "cp1252")
    assert fix.edits_for(document, text, [_violation(1, 3, 1, 4, "\u2192")], unsafe=False) == []


def test_atomic_write_leaves_the_file_whole_when_it_fails(tmp_path, monkeypatch):
    spec = tmp_path / "accountant.txt"
    spec.write_bytes(b"old")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fix.os, "replace", broken_replace)
    with pytest.raises(OSError):
        fix.write_atomic(str(spec), b"new")
    assert spec.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["accountant.txt"]


def test_standard_input_is_never_written(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(MARKED, encoding="utf-8")
    result = run_speclint("check", "--fix", "--stdin-filename", spec, "-", input=MARKED)
    assert result.returncode == 1
    assert "--fix does not change standard input" in result.stderr
    assert spec.read_text(encoding="utf-8") == MARKED
