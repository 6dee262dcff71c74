"""The command keeps compiled patterns, dataclass methods and the shipped YAML files' data between runs
(speclint.compiled_patterns, compiled_classes, compiled_data): same results, any file state."""

from __future__ import annotations

import marshal
import os
import re
import subprocess

import pytest
from conftest import SEEDS, speclint_command

from speclint import compiled_patterns

# Python 3.10 has no re._compiler: there the patterns are compiled each run and only the other two files are kept.
PATTERNS_KEPT = compiled_patterns._sre is not None
needs_kept_patterns = pytest.mark.skipif(not PATTERNS_KEPT, reason="this Python's re has no _compiler to keep patterns from")


def _run(tmp_path, *args):
    env = dict(os.environ, NO_COLOR="1", XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("SPECLINT_NO_CACHE", None)  # the suite turns caches off; here the pattern cache is the subject
    return subprocess.run([*speclint_command(), "check", "--no-cache", *map(str, args)], capture_output=True, text=True, env=env)


def _cache_files(tmp_path, kind="patterns"):
    return sorted((tmp_path / "cache" / "speclint").glob(f"{kind}-*.marshal"))


@needs_kept_patterns
def test_the_first_run_saves_the_patterns_and_later_runs_report_the_same(tmp_path, run_speclint):
    expected = run_speclint("check", "--no-cache", *SEEDS)
    first = _run(tmp_path, *SEEDS)
    [cache] = _cache_files(tmp_path)
    stored = marshal.loads(cache.read_bytes())
    assert len(stored["patterns"]) > 200 and len(stored["literal sets"]) > 30
    assert len(stored["first"]) > 5 and len(stored["prefixes"]) > 5 and stored["one line"]
    written = cache.stat().st_mtime_ns
    second = _run(tmp_path, *SEEDS)
    assert first.stdout == second.stdout == expected.stdout
    assert first.returncode == second.returncode == expected.returncode == 1
    assert cache.stat().st_mtime_ns == written  # nothing new to save on the second run


@needs_kept_patterns
def test_every_saved_pattern_is_what_re_compile_makes(tmp_path):
    import _sre

    _run(tmp_path, SEEDS[0])
    [cache] = _cache_files(tmp_path)
    stored = marshal.loads(cache.read_bytes())
    for (pattern, flags), parts in stored["patterns"].items():
        assert _sre.compile(pattern, *parts) == re.compile(pattern, flags), pattern


@needs_kept_patterns
def test_every_saved_literal_set_is_what_the_prefilter_finds(tmp_path):
    from speclint import prefilter

    _run(tmp_path, SEEDS[0])
    [cache] = _cache_files(tmp_path)
    stored = marshal.loads(cache.read_bytes())
    for (pattern, flags), found in stored["literals"].items():
        assert prefilter._required_literals((pattern, flags)) == found, pattern
    for (pattern, flags), found in stored["first"].items():
        assert prefilter._first_chars((pattern, flags)) == found, pattern
    for (pattern, flags), found in stored["literal sets"].items():
        assert prefilter._required_literal_sets((pattern, flags)) == found, pattern
    for (pattern, flags), found in stored["prefixes"].items():
        assert prefilter._required_prefixes((pattern, flags)) == found, pattern
    for (pattern, flags), found in stored["one line"].items():
        assert prefilter._stays_on_one_line((pattern, flags)) is found, pattern


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path, run_speclint):
    expected = run_speclint("check", "--no-cache", SEEDS[1])
    _run(tmp_path, SEEDS[1])
    caches = [*_cache_files(tmp_path), *_cache_files(tmp_path, "classes"), *_cache_files(tmp_path, "data")]
    assert len(caches) == 2 + PATTERNS_KEPT
    foreign = {"patterns": {("x", 0): (0, [1, 2, 3], 0, {}, ())}, "literals": {("x", 0): frozenset({"y"})}, "first": {}}
    old_format = {("x", 0): (0, [1, 2, 3], 0, {}, ())}
    damages = [b"", b"\x00garbage", marshal.dumps([1, 2]), marshal.dumps(old_format), marshal.dumps(foreign), marshal.dumps({"x": 1})]
    for cache in caches:
        for damage in damages:
            cache.write_bytes(damage)
            result = _run(tmp_path, SEEDS[1])
            assert result.stdout == expected.stdout and result.stderr == expected.stderr


def test_kept_dataclass_methods_are_what_python_compiles(tmp_path):
    first = _run(tmp_path, SEEDS[0])
    [cache] = _cache_files(tmp_path, "classes")
    stored = marshal.loads(cache.read_bytes())
    assert len(stored) > 100 and any("def __init__(self" in source for source in stored)
    for source, code in stored.items():
        assert code == compile(source, "<string>", "exec", dont_inherit=True), source
    written = cache.stat().st_mtime_ns
    second = _run(tmp_path, SEEDS[0])
    assert second.stdout == first.stdout and cache.stat().st_mtime_ns == written  # nothing new to save


def test_kept_yaml_data_is_what_the_files_hold(tmp_path):
    import yaml

    _run(tmp_path, SEEDS[0])
    [cache] = _cache_files(tmp_path, "data")
    stored = marshal.loads(cache.read_bytes())
    assert {os.path.basename(path) for path, _, _ in stored} >= {"headings.yaml", "markup.yaml", "flsa.yaml"}
    for (path, size, _), data in stored.items():
        assert os.path.getsize(path) == size
        if path.endswith(".toml"):  # the repository's own pyproject.toml, which configures speclint
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                import tomli as tomllib

            with open(path, "rb") as handle:
                assert marshal.loads(data) == tomllib.load(handle), path
            continue
        with open(path, encoding="utf-8") as handle:
            assert marshal.loads(data) == yaml.safe_load(handle), path


def test_a_changed_yaml_file_is_read_again(tmp_path, monkeypatch):
    from speclint import compiled_data

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SPECLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(compiled_data, "_stored", {})
    monkeypatch.setattr(compiled_data, "_parsed", {})
    source = tmp_path / "words.yaml"
    source.write_text("words: [one, two]\n", encoding="utf-8")
    parses = []

    def parse(path):
        parses.append(path)
        return yaml_safe_load(path)

    compiled_data.preload()
    assert compiled_data.parsed(source, parse) == {"words": ["one", "two"]}
    compiled_data.save()
    monkeypatch.setattr(compiled_data, "_parsed", {})
    compiled_data.preload()
    assert compiled_data.parsed(source, parse) == {"words": ["one", "two"]} and len(parses) == 1  # kept
    source.write_text("words: [one, two, three]\n", encoding="utf-8")
    changed = compiled_data.parsed(source, parse)
    assert changed == {"words": ["one", "two", "three"]} and len(parses) == 2
    changed["words"].append("four")  # a caller's change to its data is not kept
    compiled_data.save()
    compiled_data.preload()
    assert len(compiled_data._stored) == 1  # the old version of the file is dropped
    assert compiled_data.parsed(source, parse) == {"words": ["one", "two", "three"]} and len(parses) == 2
    source.write_text("when: 2024-01-31\n", encoding="utf-8")  # a date: marshal cannot keep it
    before = dict(compiled_data._parsed)
    assert str(compiled_data.parsed(source, parse)["when"]) == "2024-01-31" and compiled_data._parsed == before


def yaml_safe_load(path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, run_speclint):
    (tmp_path / "cache").write_text("a file where the folder should be")
    expected = run_speclint("check", "--no-cache", SEEDS[2])
    result = _run(tmp_path, SEEDS[2])
    assert result.stdout == expected.stdout and result.returncode == expected.returncode


def test_speclint_no_cache_turns_it_off(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), SPECLINT_NO_CACHE="1")
    subprocess.run([*speclint_command(), "check", str(SEEDS[0])], capture_output=True, env=env)
    assert not (tmp_path / "cache").exists()


def test_files_of_older_versions_are_removed_beyond_a_few(tmp_path):
    from speclint.files import KEPT_PER_KIND

    folder = tmp_path / "cache" / "speclint"
    folder.mkdir(parents=True)
    old = [folder / f"data-{number:016x}.marshal" for number in range(KEPT_PER_KIND + 3)]
    for age, path in enumerate(old):
        path.write_bytes(marshal.dumps({}))
        os.utime(path, ns=(10**18 - age * 10**9,) * 2)  # old[0] the newest of them
    unrelated = folder / "notes.txt"
    unrelated.write_text("mine", encoding="utf-8")
    _run(tmp_path, SEEDS[0])
    [new] = [path for path in _cache_files(tmp_path, "data") if path not in old]
    kept = _cache_files(tmp_path, "data")
    assert len(kept) == KEPT_PER_KIND and new in kept
    assert set(kept) - {new} == set(old[: KEPT_PER_KIND - 1])  # the most recently written ones stay
    assert unrelated.read_text(encoding="utf-8") == "mine"
