"""Baselines: --write-baseline accepts today's problems, --baseline fails only on new ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from speclint.baseline import fingerprint, fingerprints
from speclint.violation import Violation

BASELINE = "speclint-baseline.json"
NEW_DEFECT = "Performs duties as assigned.[GK9]"

# Two identical findings (the same marker in the same section) and one whole-file finding (no FLSA status).
TWIN_SPEC = """PAYROLL CLERK

DEFINITION
Processes payroll.[GK1]
Keeps time records.[GK1]

ESSENTIAL FUNCTIONS
Enters time sheets.
"""


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A spec repository: the five seeds under specs/, the baseline to be written at its top."""
    folder = tmp_path / "repo" / "specs"
    folder.mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return tmp_path / "repo"


def _violations(result) -> list[dict]:
    return json.loads(result.stdout)


def _entries(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


def _edit(path: Path, change) -> None:
    """Change a spec's lines, keeping its bytes otherwise as they were (encoding, line ends)."""
    data = path.read_bytes()
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    text = data.decode("utf-8")
    lines = text.split(newline.decode())
    change(lines)
    path.write_bytes(newline.decode().join(lines).encode("utf-8"))


def _insert_after_heading(heading: str, new_line: str):
    def change(lines: list[str]) -> None:
        index = next(n for n, line in enumerate(lines) if line.strip().startswith(heading))
        lines.insert(index + 1, new_line)

    return change


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# -- the acceptance ----------------------------------------------------------
def test_baseline_for_the_seeds_passes_and_only_a_new_defect_fails(run_speclint, seeds):
    everything = _violations(run_speclint("check", "--format", "json", "specs", cwd=seeds))
    assert len(everything) > 20

    written = run_speclint("check", "--write-baseline", BASELINE, "specs", cwd=seeds)
    assert written.returncode == 0, written.stderr
    assert f"wrote {len(everything)} entries to {BASELINE}" in written.stderr
    assert len(_entries(seeds / BASELINE)) == len(everything)

    clean = run_speclint("check", "--baseline", BASELINE, "specs", cwd=seeds)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.strip() == "No problems found in 5 files."

    seed = seeds / "specs" / SEEDS[0].name
    _edit(seed, _insert_after_heading("ESSENTIAL", NEW_DEFECT))
    _edit(seed, lambda lines: lines.insert(2, ""))  # an unrelated blank line near the top moves every finding down
    result = run_speclint("check", "--format", "json", "--baseline", BASELINE, "specs", cwd=seeds)
    assert result.returncode == 1, result.stderr
    new = _violations(result)
    assert [(v["code"], v["path"]) for v in new] == [("M602", f"specs/{seed.name}")]
    assert '"[GK9]"' in new[0]["message"]
    assert "no longer found" not in result.stderr  # nothing old came back, nothing old went stale

    text = run_speclint("check", "--baseline", BASELINE, "specs", cwd=seeds)
    assert text.returncode == 1
    assert [line for line in text.stdout.splitlines() if line.startswith("specs/")] == [
        f"specs/{seed.name}:{new[0]['line']}:{new[0]['column']}: M602 [error] {new[0]['message']}"
    ]


def test_editing_an_unrelated_paragraph_does_not_resurrect_old_findings(run_speclint, seeds):
    assert run_speclint("check", "--write-baseline", BASELINE, "specs", cwd=seeds).returncode == 0
    seed = seeds / "specs" / SEEDS[0].name

    def rewrite(lines: list[str]) -> None:
        index = next(n for n, line in enumerate(lines) if line.startswith("Specifications are not intended"))
        lines[index] = "These specifications do not list every duty of every position in the class."
        lines[index + 1 : index + 1] = ["", "Each position may also be given other related work.", ""]

    _edit(seed, rewrite)
    result = run_speclint("check", "--baseline", BASELINE, "specs", cwd=seeds)
    assert result.returncode == 0, result.stdout
    assert "no longer found" not in result.stderr


# -- identical findings ------------------------------------------------------
def test_two_identical_findings_are_two_entries(run_speclint, tmp_path):
    spec = tmp_path / "payroll-clerk.txt"
    spec.write_text(TWIN_SPEC, encoding="utf-8")
    assert run_speclint("check", "--select", "M602", "--write-baseline", BASELINE, spec.name, cwd=tmp_path).returncode == 0
    entries = _entries(tmp_path / BASELINE)
    assert [(e["code"], e["text"]) for e in entries] == [("M602", "[GK1]"), ("M602", "[GK1]")]
    first, second = (e["fingerprint"] for e in entries)
    assert first.rsplit(":", 1)[0] == second.rsplit(":", 1)[0]
    assert {first.rsplit(":", 1)[1], second.rsplit(":", 1)[1]} == {"0", "1"}

    # A third identical marker is one new finding; the two known ones stay hidden.
    spec.write_text(TWIN_SPEC.replace("Processes payroll.[GK1]", "Processes payroll.[GK1]\nAudits payroll.[GK1]"), encoding="utf-8")
    result = run_speclint("check", "--select", "M602", "--format", "json", "--baseline", BASELINE, spec.name, cwd=tmp_path)
    assert result.returncode == 1
    assert [v["code"] for v in _violations(result)] == ["M602"]

    # Fixing one of the two leaves one entry in use and one stale.
    spec.write_text(TWIN_SPEC.replace("Keeps time records.[GK1]", "Keeps time records."), encoding="utf-8")
    result = run_speclint("check", "--select", "M602", "--baseline", BASELINE, spec.name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert f"1 entry in {BASELINE} no longer found" in result.stderr


# -- stale entries -----------------------------------------------------------
def test_stale_entries_are_reported_and_pruned_on_request(run_speclint, seeds):
    assert run_speclint("check", "--write-baseline", BASELINE, "specs", cwd=seeds).returncode == 0
    before = _entries(seeds / BASELINE)
    seed = seeds / "specs" / SEEDS[2].name
    fixed = [e for e in before if e["path"] == f"specs/{seed.name}" and e["code"] == "M602"]
    assert fixed, "the seed has a comment marker to fix"
    _edit(seed, lambda lines: lines.__setitem__(fixed[0]["line"] - 1, lines[fixed[0]["line"] - 1].replace(fixed[0]["text"], "")))

    reported = run_speclint("check", "--baseline", BASELINE, "specs", cwd=seeds)
    assert reported.returncode == 0, reported.stdout
    stale_line = next(line for line in reported.stderr.splitlines() if "no longer found" in line)
    assert stale_line.startswith(f"speclint: 1 entry in {BASELINE} no longer found") and "--prune-baseline" in stale_line
    assert _entries(seeds / BASELINE) == before  # reporting never rewrites the file

    # Linting only some files (as pre-commit does) says nothing about the others' entries.
    other = run_speclint("check", "--baseline", BASELINE, f"specs/{SEEDS[0].name}", cwd=seeds)
    assert other.returncode == 0 and "no longer found" not in other.stderr

    pruned = run_speclint("check", "--baseline", BASELINE, "--prune-baseline", "specs", cwd=seeds)
    assert pruned.returncode == 0, pruned.stdout
    assert f"removed 1 stale entry from {BASELINE}" in pruned.stderr
    after = _entries(seeds / BASELINE)
    assert [e for e in before if e not in after] == [fixed[0]]

    again = run_speclint("check", "--baseline", BASELINE, "--prune-baseline", "specs", cwd=seeds)
    assert again.returncode == 0 and "stale" not in again.stderr and "no longer found" not in again.stderr
    assert _entries(seeds / BASELINE) == after


def test_pruning_never_adds_entries_and_drops_removed_specs(run_speclint, seeds):
    assert run_speclint("check", "--write-baseline", BASELINE, "specs", cwd=seeds).returncode == 0
    before = _entries(seeds / BASELINE)
    removed = seeds / "specs" / SEEDS[1].name
    removed.unlink()
    seed = seeds / "specs" / SEEDS[0].name
    _edit(seed, _insert_after_heading("ESSENTIAL", NEW_DEFECT))

    result = run_speclint("check", "--baseline", BASELINE, "--prune-baseline", "specs", cwd=seeds)
    assert result.returncode == 1  # the new defect is still reported, and not added
    gone = [e for e in before if e["path"] == f"specs/{removed.name}"]
    assert f"removed {len(gone)} stale entries" in result.stderr
    assert _entries(seeds / BASELINE) == [e for e in before if e not in gone]


# -- the baseline file -------------------------------------------------------
def test_baseline_paths_are_relative_to_its_folder_so_the_repository_can_move(run_speclint, seeds, tmp_path):
    baseline = seeds / "ci" / BASELINE
    baseline.parent.mkdir()
    assert run_speclint("check", "--write-baseline", baseline, seeds / "specs", cwd=tmp_path).returncode == 0
    paths = {e["path"] for e in _entries(baseline)}
    assert paths == {f"../specs/{seed.name}" for seed in SEEDS}

    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(seeds, moved)
    shutil.rmtree(seeds)
    result = run_speclint("check", "--baseline", Path("ci") / BASELINE, "specs", cwd=moved)
    assert result.returncode == 0, result.stdout + result.stderr
    inside = run_speclint("check", "--baseline", Path("..") / "ci" / BASELINE, ".", cwd=moved / "specs")
    assert inside.returncode == 0, inside.stdout + inside.stderr


def test_baseline_file_is_sorted_stable_and_readable(run_speclint, seeds):
    assert run_speclint("check", "--write-baseline", BASELINE, "specs", cwd=seeds).returncode == 0
    first = (seeds / BASELINE).read_bytes()
    assert run_speclint("check", "--write-baseline", BASELINE, "specs", "-j", "1", cwd=seeds).returncode == 0
    assert (seeds / BASELINE).read_bytes() == first
    assert sorted(p.name for p in seeds.iterdir()) == [BASELINE, "specs"]  # no temporary file left behind

    document = json.loads(first)
    assert document["version"] == 1 and document["speclint"] and document["created"]
    entries = document["entries"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    for entry in entries:  # the flagged text, or for a whole-file finding its message
        assert set(entry) - {"text", "message"} == {"fingerprint", "code", "path", "section", "line"}
        assert len(set(entry) & {"text", "message"}) == 1
    whole_file = [e for e in entries if "message" in e]
    assert whole_file and all(e["section"] is None for e in whole_file)


# -- errors ------------------------------------------------------------------
@pytest.mark.parametrize(
    "content, reason",
    [
        (None, "baseline file not found"),
        ("{not json", "invalid JSON"),
        ("[]", "not a speclint baseline"),
        ('{"version": 1, "entries": [{"code": "M602"}]}', "entry 1"),
        ('{"version": 99, "entries": []}', "newer speclint"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error_naming_it(run_speclint, seeds, content, reason):
    if content is not None:
        (seeds / "bad.json").write_text(content, encoding="utf-8")
    result = run_speclint("check", "--baseline", "bad.json", "specs", cwd=seeds)
    assert result.returncode == 2
    message = _one_line(result.stderr)
    assert message.startswith("error: bad.json: ") and reason in message
    assert result.stdout == ""


def test_baseline_options_used_wrongly_exit_2(run_speclint, seeds):
    prune_alone = run_speclint("check", "--prune-baseline", "specs", cwd=seeds)
    assert prune_alone.returncode == 2 and "--baseline" in _one_line(prune_alone.stderr)

    unwritable = run_speclint("check", "--write-baseline", "no/such/folder/base.json", "specs", cwd=seeds)
    assert unwritable.returncode == 2
    assert _one_line(unwritable.stderr).startswith("error: no/such/folder/base.json: cannot write the baseline")

    both = run_speclint("check", "--baseline", "a.json", "--write-baseline", "b.json", "specs", cwd=seeds)
    assert both.returncode == 2 and "not allowed with" in both.stderr


# -- fingerprints ------------------------------------------------------------
def _violation(line=4, column=19, end_column=24, code="M602", section="definition", message="Marker left.", path="specs/a.txt"):
    return Violation(path, line, column, line, end_column, code, "comment-anchor", "markup", "error", message, section=section)


def test_fingerprint_ignores_line_numbers_but_not_rule_file_section_or_text(tmp_path):
    root = str(tmp_path)
    lines = ["", "", "", "Processes payroll.[GK1]", "Processes payroll.[GK1]", "Keeps records.[GK2]"]
    here = fingerprint(_violation(), lines, root)
    assert fingerprint(_violation(line=5), lines, root) == here  # the same text one line down
    assert fingerprint(_violation(line=6, column=14, end_column=19), lines, root) != here  # other text
    assert fingerprint(_violation(code="M603"), lines, root) != here
    assert fingerprint(_violation(section="duties"), lines, root) != here
    assert fingerprint(_violation(path="specs/b.txt"), lines, root) != here
    # Case and spacing of the flagged text do not matter.
    assert fingerprint(_violation(column=1, end_column=24), ["", "", "", "Processes  PAYROLL.[GK1]"], root) == fingerprint(
        _violation(column=1, end_column=23), ["", "", "", "processes payroll.[GK1]"], root
    )
    assert fingerprints([_violation(), _violation(line=5)], lines, root) == [f"{here}:0", f"{here}:1"]


def test_whole_file_findings_are_known_by_their_message_without_numbers(tmp_path):
    root = str(tmp_path)
    whole = _violation(line=1, column=0, end_column=0, section=None, message='No date: the "Revised:" line (line 12) is empty.')
    moved = _violation(line=1, column=0, end_column=0, section=None, message='No date: the "Revised:" line (line 14) is empty.')
    other = _violation(line=1, column=0, end_column=0, section=None, message="No FLSA status.")
    assert fingerprint(whole, ["x"], root) == fingerprint(moved, None, root)
    assert fingerprint(whole, ["x"], root) != fingerprint(other, ["x"], root)
