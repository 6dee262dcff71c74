"""CI formats (SARIF, GitHub annotations, JUnit XML), --output and --statistics, run as a user runs them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, TODAY, speclint_command
from jsonschema import Draft4Validator

from speclint.lint import FileResult
from speclint.report.github_format import escape_data, escape_property, write_github
from speclint.report.junit_format import write_junit
from speclint.violation import Violation

SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"

BAD_SPEC = """ACCOUNTANT II
FLSA Status: Exempt

DEFINITION
Performs professional accounting work.[GK1]

SUPERVISION RECEIVED AND EXERCISED
Receives general supervision.

ESSENTIAL FUNCTIONS
1. Prepares <b>journal</b> entries.
2. Reconciles accounts.

KNOWLEDGE, SKILLS AND ABILITIES
Knowledge of: accounting.

EDUCATION AND EXPERIENCE
A bachelor's degree.

PHYSICAL DEMANDS
Occasionally lifts up to 10 pounds. Reasonable accommodations may be made.

Revised: June 3, 2025
"""


def seed_paths() -> list[str]:
    return [str(seed.relative_to(ROOT)) for seed in SEEDS]


def sarif_validator() -> Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # The OASIS schema is draft-04 and refers only to its own #/definitions: nothing is fetched.
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def assert_valid_sarif(log: dict) -> None:
    errors = sorted(sarif_validator().iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def violation(**changes) -> Violation:
    fields = dict(
        path="specs/a.txt",
        line=3,
        column=5,
        end_line=3,
        end_column=9,
        code="M602",
        rule="comment-anchor",
        category="markup",
        severity="error",
        message="Reviewer comment marker left in the text.",
    )
    fields.update(changes)
    return Violation(**fields)


# -- SARIF ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds_sarif():
    """SARIF and JSON for the seeds, run once for the module (the run_speclint fixture is per test)."""
    environment = dict(os.environ, NO_COLOR="1", SPECLINT_TODAY=TODAY)
    environment.pop("SPECLINT_LANGUAGETOOL_URL", None)

    def run(*args):
        return subprocess.run([*speclint_command(), *args], capture_output=True, text=True, cwd=ROOT, env=environment, timeout=120)

    sarif = run("check", "--format", "sarif", *seed_paths())
    listed = run("check", "--format", "json", *seed_paths())
    assert sarif.returncode == 1, sarif.stderr
    return json.loads(sarif.stdout), json.loads(listed.stdout)


def test_sarif_for_the_seeds_validates_against_the_sarif_schema(seeds_sarif):
    log, violations = seeds_sarif
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert len(run["results"]) == len(violations) > 0
    driver = run["tool"]["driver"]
    assert driver["name"] == "speclint"
    from speclint import __version__

    assert driver["version"] == __version__
    assert run["invocations"][0]["executionSuccessful"] is True


def test_the_schema_check_is_real():
    """A wrong level must fail validation, or the test above proves nothing."""
    log = {
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "speclint"}}, "results": [{"ruleId": "M602", "level": "fatal", "message": {"text": "x"}}]}],
    }
    assert list(sarif_validator().iter_errors(log))


def test_sarif_describes_the_rule_of_every_result(seeds_sarif):
    log, violations = seeds_sarif
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(dict.fromkeys(v["code"] for v in violations))  # each once
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "\n" not in rule["fullDescription"]["text"].split("\n\n")[0]  # YAML's line wrapping is undone
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert rule["properties"]["category"] in rule["properties"]["tags"]
    levels = {v["code"]: {"error": "error", "warning": "warning", "info": "note"}[v["severity"]] for v in violations}
    assert {r["ruleId"]: r["level"] for r in run["results"]} == levels


def test_sarif_paths_are_relative_to_the_repository_root(seeds_sarif):
    log, violations = seeds_sarif
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    for result, v in zip(run["results"], violations, strict=True):
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": v["path"], "uriBaseId": "%SRCROOT%"}
        assert location["artifactLocation"]["uri"].startswith("specs/seeds/")
        region = location["region"]
        if v["column"] == 0:  # a whole-file finding: the first line, no columns
            assert region == {"startLine": v["line"]}
        else:
            assert region == {"startLine": v["line"], "startColumn": v["column"], "endLine": v["end_line"], "endColumn": v["end_column"]}
    assert any(v["column"] == 0 for v in violations)  # the seeds have whole-file findings (a missing FLSA status)


def test_sarif_paths_from_a_subfolder_are_still_repository_paths(run_speclint):
    seed = SEEDS[0]
    result = run_speclint("check", "--format", "sarif", f"seeds/{seed.name}", cwd=ROOT / "specs")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(result.stdout)["runs"][0]["results"]}
    assert uris == {f"specs/seeds/{seed.name}"}


def test_sarif_fingerprints_survive_an_unrelated_line_inserted_above(run_speclint, tmp_path):
    seed = SEEDS[0]
    spec = tmp_path / "spec.txt"
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    spec.write_text("".join(lines), encoding="utf-8")

    def results():
        run = run_speclint("check", "--format", "sarif", "spec.txt", cwd=tmp_path)
        return json.loads(run.stdout)["runs"][0]["results"]

    def start_line(found):
        return found["locations"][0]["physicalLocation"]["region"]["startLine"]

    before = results()
    # A blank line inside the spec, above the findings that follow it.
    middle = min(start_line(r) for r in before if start_line(r) > 5)
    lines.insert(middle - 2, "\n")
    spec.write_text("".join(lines), encoding="utf-8")
    after = results()

    def prints(found):
        return sorted((r["ruleId"], r["partialFingerprints"]["speclint/v1"]) for r in found)

    assert prints(after) == prints(before)
    assert all(set(r["partialFingerprints"]) == {"speclint/v1"} for r in before)
    moved = [r for r in after if start_line(r) > middle]
    assert moved  # the line numbers did change: only the fingerprints stayed
    assert len({r["partialFingerprints"]["speclint/v1"] for r in before}) == len(before)  # two findings never share one


def test_sarif_carries_safe_fixes(run_speclint, tmp_path):
    (tmp_path / "spec.txt").write_text(BAD_SPEC, encoding="utf-8")
    result = run_speclint("check", "--format", "sarif", "--select", "M602", "spec.txt", cwd=tmp_path)
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    (found,) = log["runs"][0]["results"]
    (fix,) = found["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "spec.txt", "uriBaseId": "%SRCROOT%"}
    (replacement,) = change["replacements"]
    assert replacement["deletedRegion"] == {"startLine": 5, "startColumn": 39, "endLine": 5, "endColumn": 44}
    assert BAD_SPEC.splitlines()[4][38:43] == "[GK1]"
    assert replacement["insertedContent"] == {"text": ""}


def test_sarif_reports_a_file_it_could_not_read(run_speclint, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "spec.txt").write_text(BAD_SPEC, encoding="utf-8")
    result = run_speclint("check", "--format", "sarif", "empty.txt", "spec.txt", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "error"]
    assert notes[0]["message"]["text"].startswith("empty.txt: ")
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "empty.txt", "uriBaseId": "%SRCROOT%"}
    assert "missing.txt" in notes[1]["message"]["text"]
    assert log["runs"][0]["results"]  # the readable file is still reported


# -- GitHub annotations --------------------------------------------------------
def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c\n%") == "a%3Ab%2Cc%0A%25"


def test_github_annotations_escape_messages_paths_and_titles():
    result = FileResult(
        "specs/odd, name: v2.txt",
        [violation(message="Line one,\nline two: 100% sure."), violation(line=1, column=0, end_line=1, end_column=0, severity="info")],
    )
    stream = io.StringIO()
    write_github([result], stream, {"quiet": True, "root": Path.cwd()})
    lines = stream.getvalue().splitlines()
    assert lines == [
        "::group::specs/odd, name: v2.txt",
        "::error file=specs/odd%2C name%3A v2.txt,line=3,col=5,endLine=3,endColumn=9,title=M602 comment-anchor"
        "::Line one,%0Aline two: 100%25 sure.",
        "::notice file=specs/odd%2C name%3A v2.txt,line=1,title=M602 comment-anchor::Reviewer comment marker left in the text.",
        "::endgroup::",
    ]


def test_github_annotations_for_the_seeds_are_grouped_per_file(run_speclint):
    result = run_speclint("check", "--format", "github", *seed_paths(), cwd=ROOT)
    listed = json.loads(run_speclint("check", "--format", "json", *seed_paths(), cwd=ROOT).stdout)
    assert result.returncode == 1
    groups: dict[str, list[str]] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("::group::"):
            assert current is None
            current = line.removeprefix("::group::")
            groups[current] = []
        elif line == "::endgroup::":
            current = None
        elif line.startswith("::"):
            assert current is not None, line
            groups[current].append(line)
    assert current is None
    assert list(groups) == list(dict.fromkeys(v["path"] for v in listed))
    for path, commands in groups.items():
        expected = [v for v in listed if v["path"] == path]
        assert len(commands) == len(expected)
        for annotation, v in zip(commands, expected, strict=True):
            command = {"error": "error", "warning": "warning", "info": "notice"}[v["severity"]]
            assert annotation.startswith(f"::{command} file={path},line={v['line']},")
            assert f",title={v['code']} {v['rule']}::" in annotation
    assert result.stdout.splitlines()[-1] == f"speclint: {len(listed)} problems in {len(SEEDS)} of {len(SEEDS)} files."


def test_github_reports_unreadable_files(run_speclint, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run_speclint("check", "--format", "github", "empty.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "::error file=empty.txt,title=speclint could not read this file::empty.txt: " in result.stdout


# -- JUnit XML -----------------------------------------------------------------
def test_junit_for_the_seeds_parses_and_counts_failures(run_speclint, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run_speclint("check", "--format", "junit", *seed_paths(), str(ROOT / "specs" / "clean"), str(tmp_path / "empty.txt"), cwd=ROOT)
    listed = json.loads(run_speclint("check", "--format", "json", *seed_paths(), cwd=ROOT).stdout)
    assert result.returncode == 2
    suites = ET.fromstring(result.stdout)
    assert suites.tag == "testsuites"
    failing = [v for v in listed if v["severity"] != "info"]  # the default fail level is warning
    assert int(suites.get("failures")) == len(failing) == len(suites.findall(".//failure"))
    assert int(suites.get("errors")) == 1 == len(suites.findall(".//error"))
    assert int(suites.get("tests")) == len(suites.findall(".//testcase"))
    by_path = {suite.get("name"): suite for suite in suites}
    for seed in seed_paths():
        assert int(by_path[seed].get("tests")) == sum(1 for v in listed if v["path"] == seed)
    texts = {failure.text for failure in suites.iter("failure")}
    for v in failing:
        assert f"{v['path']}:{v['line']}:{v['column']}: {v['code']} [{v['severity']}] {v['message']}" in texts
    clean = [suite for name, suite in by_path.items() if "/clean/" in name]
    assert clean and all(suite.get("failures") == "0" and suite.find("testcase").get("name") == "no problems" for suite in clean)
    (error,) = suites.iter("error")
    assert error.get("message").startswith(f"{tmp_path / 'empty.txt'}: ")
    assert by_path[str(tmp_path / "empty.txt")].get("errors") == "1"


def test_junit_is_valid_xml_whatever_the_message_holds():
    message = 'Form feed \x0c, <b>tags</b> & "quotes" ]]> kept'
    result = FileResult("specs/a&b.txt", [violation(message=message), violation(severity="info", message="info note")])
    stream = io.StringIO()
    write_junit([result], stream, {})
    suites = ET.fromstring(stream.getvalue())
    (failure,) = suites.iter("failure")
    assert failure.get("message") == 'Form feed U+000C, <b>tags</b> & "quotes" ]]> kept'
    assert suites.get("tests") == "2" and suites.get("failures") == "1"  # info is below the fail level: no failure
    assert "below the fail level" in suites.find(".//system-out").text


# -- --output ------------------------------------------------------------------
@pytest.mark.parametrize("report_format", ["text", "json", "sarif", "github", "junit"])
def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(run_speclint, tmp_path, report_format):
    (tmp_path / "spec.txt").write_text(BAD_SPEC, encoding="utf-8")
    shown = run_speclint("check", "--format", report_format, "spec.txt", cwd=tmp_path)
    written = run_speclint("check", "--format", report_format, "--output", "reports/speclint.out", "spec.txt", cwd=tmp_path)
    assert written.returncode == shown.returncode == 1
    assert written.stdout == ""
    assert (tmp_path / "reports" / "speclint.out").read_text(encoding="utf-8") == shown.stdout
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["speclint.out"]  # no temporary file left
    assert "speclint: report written to reports/speclint.out" in written.stderr


def test_output_replaces_an_existing_report(run_speclint, tmp_path):
    (tmp_path / "spec.txt").write_text(BAD_SPEC, encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    result = run_speclint("check", "--format", "json", "-o", "report.json", "-q", "spec.txt", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert json.loads(report.read_text(encoding="utf-8"))


def test_output_that_cannot_be_written_is_a_one_line_error(run_speclint, tmp_path):
    (tmp_path / "spec.txt").write_text(BAD_SPEC, encoding="utf-8")
    (tmp_path / "afile").write_text("", encoding="utf-8")
    (tmp_path / "afolder").mkdir()
    for target, reason in (("afile/report.txt", "a file of that name is in the way"), ("afolder", "is a folder")):
        result = run_speclint("check", "--output", target, "spec.txt", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"error: {target}") and reason in line


# -- --statistics --------------------------------------------------------------
def test_statistics_count_the_violations_per_rule(run_speclint):
    listed = json.loads(run_speclint("check", "--format", "json", *seed_paths(), cwd=ROOT).stdout)
    result = run_speclint("check", "--statistics", *seed_paths(), cwd=ROOT)
    assert result.returncode == 1
    *rows, summary = result.stdout.splitlines()
    counts = Counter(v["code"] for v in listed)
    most_first = sorted(((n, code) for code, n in counts.items()), key=lambda item: (-item[0], item[1]))
    assert [(int(row.split()[0]), row.split()[1]) for row in rows] == most_first
    assert summary == f"Found {len(listed)} problems ({len(counts)} rules) in {len(SEEDS)} of {len(SEEDS)} files."
    safe = Counter(v["code"] for v in listed if v.get("fix") == "safe")
    for row in rows:
        code = row.split()[1]
        assert (f"{safe[code]} fixable with --fix" in row) == bool(safe[code])
        names = {v["rule"] for v in listed if v["code"] == code}
        assert row.split()[2] in names


def test_statistics_as_json_and_not_with_other_formats(run_speclint):
    listed = json.loads(run_speclint("check", "--format", "json", *seed_paths(), cwd=ROOT).stdout)
    result = run_speclint("check", "--statistics", "--format", "json", *seed_paths(), cwd=ROOT)
    rows = json.loads(result.stdout)
    assert {row["code"]: row["count"] for row in rows} == Counter(v["code"] for v in listed)
    assert set(rows[0]) == {"code", "rule", "count", "fixable", "unsafe_fixable"}
    refused = run_speclint("check", "--statistics", "--format", "sarif", *seed_paths(), cwd=ROOT)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == "error: --statistics counts problems in text or json; it cannot be used with --format sarif"
