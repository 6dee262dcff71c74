"""The command line, run as a user runs it: a subprocess of the installed console script."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import BAD_SPEC, CLEAN, ROOT, SEEDS

CONTRACT_FIELDS = {"path", "line", "column", "end_line", "end_column", "code", "rule", "category", "severity", "message"}
CATEGORIES = {"structure", "flsa", "physical", "spelling", "grammar", "markup", "dates", "inclusive", "format"}



def test_version(run_speclint):
    result = run_speclint("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("speclint ")


def test_check_specs_folder_reports_seeds_and_not_clean_specs(run_speclint):
    result = run_speclint("check", "specs", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    reported = {line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("specs")}
    for seed in SEEDS:
        assert str(seed.relative_to(ROOT)) in reported
    for clean in CLEAN:
        assert str(clean.relative_to(ROOT)) not in reported
    assert result.stdout.rstrip().splitlines()[-1].startswith("Found ")


def test_clean_specs_lint_clean(run_speclint):
    result = run_speclint("check", *CLEAN)
    assert result.returncode == 0, result.stdout
    assert f"No problems found in {len(CLEAN)} files." in result.stdout


def test_text_line_shape(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(BAD_SPEC)
    result = run_speclint("check", spec)
    lines = result.stdout.splitlines()
    assert f"{spec}:5:39: M602 [error] Reviewer comment marker \"[GK1]\"" in lines[0]
    assert any(f"{spec}:14:13: M604 [warning]" in line for line in lines)
    assert lines[-1] == "Found 3 problems (1 error, 2 warnings) in 1 of 1 file."


def test_json_contract(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(BAD_SPEC)
    result = run_speclint("check", "--format", "json", spec, *SEEDS)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    for violation in data:
        assert CONTRACT_FIELDS <= set(violation)
        assert violation["category"] in CATEGORIES
        assert violation["severity"] in {"error", "warning", "info"}
        assert violation["line"] >= 0 and violation["end_line"] >= violation["line"]
    anchor = next(v for v in data if v["code"] == "M602" and v["path"] == str(spec))
    assert (anchor["line"], anchor["column"], anchor["end_line"], anchor["end_column"]) == (5, 39, 5, 44)
    missing = next(v for v in data if v["code"] == "F201")
    assert (missing["line"], missing["column"]) == (1, 0)
    assert {os.path.basename(v["path"]) for v in data} >= {s.name for s in SEEDS}


def test_json_with_no_violations_is_an_empty_array(run_speclint):
    result = run_speclint("check", "--format", "json", *CLEAN)
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_select_and_ignore(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(BAD_SPEC)
    only_markup = json.loads(run_speclint("check", "--format", "json", "--select", "M6", spec).stdout)
    assert {v["code"] for v in only_markup} == {"M602", "M604"}
    by_name = json.loads(run_speclint("check", "--format", "json", "--select", "comment-anchor", spec).stdout)
    assert {v["code"] for v in by_name} == {"M602"}
    ignored = json.loads(run_speclint("check", "--format", "json", "--ignore", "M602,M604", spec).stdout)
    assert not {"M602", "M604"} & {v["code"] for v in ignored}


def test_fail_on_and_exit_zero(run_speclint, tmp_path):
    spec = tmp_path / "accountant.txt"
    spec.write_text(BAD_SPEC.replace("[GK1]", ""))  # leaves two M604 warnings
    assert run_speclint("check", spec).returncode == 1
    assert run_speclint("check", "--fail-on", "error", spec).returncode == 0
    assert run_speclint("check", "--exit-zero", spec).returncode == 0


def test_unknown_selector_is_a_usage_error(run_speclint, tmp_path):
    spec = tmp_path / "a.txt"
    spec.write_text(BAD_SPEC)
    result = run_speclint("check", "--select", "Z999", spec)
    assert result.returncode == 2
    assert "unknown rule 'Z999'" in result.stderr


def test_read_errors_exit_2_and_other_files_are_still_linted(run_speclint, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    good = tmp_path / "z_accountant.txt"
    good.write_text(BAD_SPEC)
    result = run_speclint("check", tmp_path, tmp_path / "missing.txt")
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert any("empty.txt: file is empty" in line for line in errors)
    assert any("binary.txt: binary file" in line for line in errors)
    assert any("missing.txt: no such file or directory" in line for line in errors)
    assert "Traceback" not in result.stderr
    assert "z_accountant.txt:5:39: M602" in result.stdout


def test_folder_walk_uses_include_and_exclude(run_speclint, tmp_path):
    (tmp_path / "keep.md").write_text(BAD_SPEC)
    (tmp_path / "notes.csv").write_text("not,a,spec\n")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.txt").write_text(BAD_SPEC)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "legacy.txt").write_text(BAD_SPEC)
    result = run_speclint("check", "--format", "json", "--exclude", "old", tmp_path)
    paths = {Path(v["path"]).name for v in json.loads(result.stdout)}
    assert paths == {"keep.md"}
    result = run_speclint("check", "--format", "json", "--include", "*.csv", tmp_path)
    assert {Path(v["path"]).name for v in json.loads(result.stdout)} <= {"notes.csv", "legacy.txt"}


def test_parse_prints_models(run_speclint):
    result = run_speclint("parse", "--format", "json", *SEEDS)
    assert result.returncode == 0, result.stderr
    models = json.loads(result.stdout)
    assert [Path(m["path"]).name for m in models] == [s.name for s in SEEDS]
    for model in models:
        assert model["sections"]
        for section in model["sections"]:
            assert {"key", "heading", "line", "end_line"} <= set(section)
    text = run_speclint("parse", "--format", "text", SEEDS[0])
    assert "definition" in text.stdout and "DEFINITION" in text.stdout


def test_rules_and_explain(run_speclint):
    listing = run_speclint("rules")
    assert listing.returncode == 0
    assert "M602" in listing.stdout and "comment-anchor" in listing.stdout
    as_json = json.loads(run_speclint("rules", "--format", "json").stdout)
    assert {"code", "name", "category", "severity", "description"} <= set(as_json[0])
    explained = run_speclint("explain", "M602")
    assert explained.returncode == 0
    assert "Why:" in explained.stdout and "Fires on:" in explained.stdout and "[GK1]" in explained.stdout
    by_name = run_speclint("explain", "comment-anchor")
    assert by_name.stdout == explained.stdout
    unknown = run_speclint("explain", "Q123")
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr


def test_usage_errors_exit_2(run_speclint):
    assert run_speclint("check").returncode == 2
    assert run_speclint("check", "--format", "xml", "x.txt").returncode == 2
    assert run_speclint("frobnicate").returncode == 2


def test_rule_table_in_docs_is_generated_from_the_rules(run_speclint):
    result = run_speclint("rules", "--format", "markdown")
    assert result.returncode == 0
    table = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert table == result.stdout, "docs/rules.md is stale: run `speclint rules --format markdown > docs/rules.md`"
    codes = {line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ") and "Code" not in line}
    listed = {item["code"] for item in json.loads(run_speclint("rules", "--format", "json").stdout)}
    assert codes == listed


def test_parallel_runs_report_the_same_in_the_same_order(run_speclint, tmp_path):
    for index in range(8):  # enough files for two workers
        (tmp_path / f"spec{index}.txt").write_text((SEEDS[index % len(SEEDS)]).read_text(encoding="utf-8"), encoding="utf-8")
    serial = run_speclint("check", "--jobs", "1", "--format", "json", tmp_path)
    parallel = run_speclint("check", "--jobs", "2", "--format", "json", tmp_path)
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout
    assert len(json.loads(parallel.stdout)) > 8


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_a_bad_jobs_value_is_a_usage_error(run_speclint, value):
    result = run_speclint("check", "--jobs", value, "specs")
    assert result.returncode == 2
    assert "--jobs" in result.stderr
