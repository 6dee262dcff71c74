"""The result cache: a second run over unchanged specs reuses results; any change that matters lints afresh."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEEDS


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("SPECLINT_NO_CACHE")
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / ".speclint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    return tmp_path


def findings(result):
    return json.loads(result.stdout)


def entries(project):
    return sorted((project / ".speclint_cache" / "results").glob("*/*.json"))


def test_a_second_run_gives_the_same_report_from_the_cache(run_speclint, project):
    first = run_speclint("check", "--format", "json", project, cwd=project)
    assert len(entries(project)) == len(SEEDS)
    stamps = [entry.stat().st_mtime_ns for entry in entries(project)]
    second = run_speclint("check", "--format", "json", project, cwd=project)
    assert (second.returncode, findings(second)) == (first.returncode, findings(first))
    assert [entry.stat().st_mtime_ns for entry in entries(project)] == stamps  # read, not written again
    assert (project / ".speclint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_an_edited_file_or_config_is_linted_afresh(run_speclint, project):
    run_speclint("check", project, cwd=project)
    spec = project / SEEDS[2].name
    spec.write_text(spec.read_text(encoding="utf-8") + "\nPerforms other duties.[ZZ9]\n", encoding="utf-8")
    edited = findings(run_speclint("check", "--format", "json", project, cwd=project))
    assert any(v["code"] == "M602" and "[ZZ9]" in v["message"] for v in edited)
    (project / ".speclint.yaml").write_text("select: [ALL]\nignore: [M602]\n", encoding="utf-8")
    ignored = findings(run_speclint("check", "--format", "json", project, cwd=project))
    assert not any(v["code"] == "M602" for v in ignored)


def test_the_date_rules_see_a_new_today(run_speclint, project):
    early = findings(run_speclint("check", "--format", "json", project, cwd=project, env={"SPECLINT_TODAY": "2019-01-01"}))
    late = findings(run_speclint("check", "--format", "json", project, cwd=project, env={"SPECLINT_TODAY": "2040-01-01"}))
    assert sum(v["code"] == "D704" for v in late) > sum(v["code"] == "D704" for v in early)


def test_no_cache_reads_and_writes_nothing(run_speclint, project):
    result = run_speclint("check", "--no-cache", project, cwd=project)
    assert result.returncode == 1
    assert not (project / ".speclint_cache").exists()


def test_a_damaged_entry_is_ignored(run_speclint, project):
    first = findings(run_speclint("check", "--format", "json", project, cwd=project))
    for entry in entries(project):
        entry.write_text("{not json", encoding="utf-8")
    assert findings(run_speclint("check", "--format", "json", project, cwd=project)) == first


def test_a_partly_changed_folder_reports_as_a_fresh_run(run_speclint, project):
    # Unchanged files come from the cache, changed ones are linted (by two workers), unreadable ones are errors,
    # and the report is the one --no-cache gives: same order, same findings, fixes with all their edits.
    bullets = "ACCOUNTANT\n\uf0b7 Prepares entries.\n\uf0a7\uf0b7 Reconciles accounts \uf0b7\nCloses the books.\n"
    (project / "bullets.txt").write_text(bullets, encoding="utf-8")
    (project / "empty.txt").write_bytes(b"")
    for number in range(12):  # enough files for a pool of workers
        (project / f"copy{number:02}.txt").write_text(SEEDS[number % len(SEEDS)].read_text(encoding="utf-8"), encoding="utf-8")
    run_speclint("check", "--jobs", "2", project, cwd=project)
    (project / "copy03.txt").write_text(SEEDS[0].read_text(encoding="utf-8") + "\nReviewed.[ZZ9]\n", encoding="utf-8")
    (project / "copy07.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00")
    args = ("check", "--format", "json", "--jobs", "2", project)
    cached, fresh = run_speclint(*args, cwd=project), run_speclint(*args, "--no-cache", cwd=project)
    assert (cached.returncode, cached.stderr, findings(cached)) == (fresh.returncode, fresh.stderr, findings(fresh))
    assert fresh.returncode == 2 and "copy07.txt" in fresh.stderr and "empty.txt" in fresh.stderr
    assert any(v["code"] == "M602" and "[ZZ9]" in v["message"] for v in findings(cached))
    [bullet] = [v for v in findings(cached) if v["code"] == "X902" and v["path"].endswith("bullets.txt")]
    assert len(bullet["more_edits"]) == 3
