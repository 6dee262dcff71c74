"""Bad input and broken rules: one-line errors, exit 2, and every other file and finding kept."""

from __future__ import annotations

import json

from conftest import SEEDS

from speclint.config import Config
from speclint.engine.rule import PythonRule
from speclint.lint import lint_path


class _Broken(PythonRule):
    code = "Z999"
    name = "broken-for-test"
    category = "format"
    severity = "warning"
    message = "never"
    description = "A rule that fails, to show the others still report."

    def check(self, ctx):
        raise ValueError("boom")


def test_a_failing_rule_is_reported_and_the_other_findings_are_kept(monkeypatch):
    config = Config()
    rules = list(config.rules)
    monkeypatch.setattr(Config, "enabled_rules", lambda self, path: [_Broken(), *rules])
    result = lint_path(str(SEEDS[2]), config)
    assert result.rule_errors == [f"{SEEDS[2]}: internal error in rule Z999 (broken-for-test): ValueError: boom"]
    assert {"M602", "M606"} <= {v.code for v in result.violations}


def test_the_command_exits_2_on_a_rule_error_but_still_reports(run_speclint, tmp_path):
    plugin = tmp_path / "sitecustomize.py"  # loaded by the subprocess's Python: breaks one rule there
    plugin.write_text(
        "import speclint.checks.format as f\n"
        "def _boom(self, ctx):\n    raise RuntimeError('broken on purpose')\n"
        "f.PrivateUseGlyphs.check = _boom\n",
        encoding="utf-8",
    )
    result = run_speclint("check", "--format", "json", SEEDS[4], SEEDS[2], env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 2
    assert "internal error in rule X902 (private-use-glyphs): RuntimeError: broken on purpose" in result.stderr
    codes = {v["code"] for v in json.loads(result.stdout)}
    assert "M602" in codes and "X902" not in codes
