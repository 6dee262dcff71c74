"""Configuration: found nearest the linted file, merged in one place, validated loudly."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from speclint.config import ConfigError, Overrides, find_config_file, resolve
from speclint.lint import lint_path

SPEC = textwrap.dedent(
    """\
    ACCOUNTANT
    FLSA Status: Exempt
    DEFINITION
    Performs accounting work.[GK1]
    ESSENTIAL FUNCTIONS
    1. Prepares <b>entries</b>.
    KNOWLEDGE
    Knowledge of: accounting.
    EDUCATION AND EXPERIENCE
    A degree.
    PHYSICAL DEMANDS
    Office work. Reasonable accommodations may be made.
    Revised: June 3, 2025
    """
)


def codes(path, overrides=None):
    return sorted({v.code for v in lint_path(str(path), resolve(path, overrides)).violations})


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def test_defaults_without_any_config(tmp_path):
    spec = write(tmp_path / "a.txt", SPEC)
    assert codes(spec) == ["M602", "M604", "S107"]


def test_speclint_yaml_select_ignore_and_severity(tmp_path):
    write(tmp_path / ".speclint.yaml", "ignore: [M604]\nseverity:\n  S107: error\n")
    spec = write(tmp_path / "a.txt", SPEC)
    config = resolve(spec)
    result = lint_path(str(spec), config)
    assert sorted(v.code for v in result.violations) == ["M602", "S107"]
    assert next(v for v in result.violations if v.code == "S107").severity == "error"


def test_pyproject_tool_table_and_nearest_wins(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.speclint]\nselect = ['M']\n")
    write(tmp_path / "sub" / ".speclint.yaml", "select: [S107]\n")
    top = write(tmp_path / "a.txt", SPEC)
    nested = write(tmp_path / "sub" / "b.txt", SPEC)
    assert codes(top) == ["M602", "M604"]
    assert codes(nested) == ["S107"]
    assert find_config_file(nested) == (tmp_path / "sub" / ".speclint.yaml").resolve()


def test_pyproject_without_tool_table_is_skipped(tmp_path):
    write(tmp_path / ".speclint.yaml", "select: [M602]\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    spec = write(tmp_path / "sub" / "a.txt", SPEC)
    assert codes(spec) == ["M602"]


def test_a_pyproject_that_never_names_speclint_is_skipped_unparsed(tmp_path):
    """Another tool's pyproject.toml, even a broken one, is not speclint's config; one whose table name is
    spelled in escapes still is."""
    write(tmp_path / ".speclint.yaml", "select: [M602]\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project\nname = 'x'\n")
    assert codes(write(tmp_path / "sub" / "a.txt", SPEC)) == ["M602"]
    write(tmp_path / "esc" / "pyproject.toml", '[tool."spec\\u006cint"]\nselect = ["M604"]\n')
    assert codes(write(tmp_path / "esc" / "a.txt", SPEC)) == ["M604"]


def test_a_config_file_costs_no_jsonschema_import(tmp_path):
    """A valid config naming a bundled profile is checked by generated code: the hook of a repository with a
    config file must not import jsonschema (a tenth of a second) on every commit."""
    write(tmp_path / ".speclint.yaml", "select: [M602]\nvocabulary: [Laserfiche]\n")
    spec = write(tmp_path / "a.txt", SPEC)
    code = f"import sys; from speclint.cli import main; main(['check', '-q', {str(spec)!r}]); print(sorted(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "M602" in result.stdout and "'jsonschema'" not in result.stdout


def test_command_line_overrides_the_file(tmp_path):
    write(tmp_path / ".speclint.yaml", "select: [M602]\n")
    spec = write(tmp_path / "a.txt", SPEC)
    assert codes(spec, Overrides(select=["M604"])) == ["M604"]
    assert codes(spec, Overrides(ignore=["M602"])) == []


def test_explicit_config_file(tmp_path):
    chosen = write(tmp_path / "elsewhere" / "strict.yaml", "select: [S107]\n")
    write(tmp_path / ".speclint.yaml", "select: [M602]\n")
    spec = write(tmp_path / "a.txt", SPEC)
    assert codes(spec, Overrides(config_file=str(chosen))) == ["S107"]


def test_per_path_ignores(tmp_path):
    write(tmp_path / ".speclint.yaml", "per-path-ignores:\n  'legacy/*': [M6]\n")
    old = write(tmp_path / "legacy" / "old.txt", SPEC)
    new = write(tmp_path / "new.txt", SPEC)
    assert codes(old) == ["S107"]
    assert codes(new) == ["M602", "M604", "S107"]


def test_user_rule_pack(tmp_path):
    write(
        tmp_path / "packs" / "county.yaml",
        """\
        pack: county
        rules:
          - code: CTY01
            name: county-entries
            kind: substitution
            category: grammar
            severity: info
            swap: {'\\bentries\\b': 'journal entries'}
            message: 'Write "{replacement}" instead of "{match}".'
            description: The county style guide says journal entries.
            examples:
              fire: ["Prepares entries."]
              pass: ["Prepares journal entries."]
        """,
    )
    write(tmp_path / ".speclint.yaml", "rule-packs: [packs/county.yaml]\nselect: [CTY]\n")
    spec = write(tmp_path / "a.txt", SPEC)
    [violation] = lint_path(str(spec), resolve(spec)).violations
    assert violation.code == "CTY01" and violation.suggestion == "journal entries"
    assert violation.message == 'Write "journal entries" instead of "entries".'


def test_agency_profile_requires_class_code(tmp_path):
    profile = tmp_path / "county.schema.json"
    profile.write_text(
        json.dumps(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "allOf": [{"$ref": "urn:speclint:profile:default"}],
                "properties": {"metadata": {"required": ["class_code"]}},
            }
        )
    )
    write(tmp_path / ".speclint.yaml", "schema: county.schema.json\n")
    spec = write(tmp_path / "a.txt", SPEC)
    [violation] = [v for v in lint_path(str(spec), resolve(spec)).violations if v.code == "S110"]
    assert "class code" in violation.message and "Class Code: 4312" in violation.message
    assert "required property" not in violation.message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("selct: [M602]\n", "unknown key 'selct'"),
        ("select: M602\n", "bad value 'M602' at 'select'"),
        ("fail-on: fatal\n", "bad value 'fatal' at 'fail-on'"),
        ("severity: {M602: loud}\n", "bad value 'loud' at 'severity/M602'"),
        ("select: [Z999]\n", "unknown rule 'Z999' in 'select'"),
        ("select: [M602\n", "invalid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("rule-packs: [missing.yaml]\n", "missing.yaml: cannot read"),
        ("schema: nowhere.json\n", "cannot read the profile schema"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, text, expected):
    config = write(tmp_path / ".speclint.yaml", text)
    spec = write(tmp_path / "a.txt", SPEC)
    with pytest.raises(ConfigError) as raised:
        resolve(spec)
    message = str(raised.value)
    assert message.startswith(str(config)) and expected in message
    assert "\n" not in message


def test_bad_toml(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.speclint\n")
    spec = write(tmp_path / "a.txt", SPEC)
    with pytest.raises(ConfigError, match="invalid TOML"):
        resolve(spec)


def test_bad_config_is_exit_2_and_other_folders_still_linted(run_speclint, tmp_path):
    write(tmp_path / "broken" / ".speclint.yaml", "selct: [M602]\n")
    write(tmp_path / "broken" / "a.txt", SPEC)
    write(tmp_path / "fine" / "b.txt", SPEC)
    result = run_speclint("check", tmp_path / "broken", tmp_path / "fine")
    assert result.returncode == 2
    assert "unknown key 'selct'" in result.stderr and "Traceback" not in result.stderr
    assert "b.txt:4:" in result.stdout
