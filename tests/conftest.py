from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "specs" / "seeds").glob("*.txt"))
CLEAN = sorted((ROOT / "specs" / "clean").glob("*"))


def speclint_command() -> list[str]:
    """The installed console script beside this Python, as a user would run it."""
    script = Path(sys.executable).with_name("speclint")
    if script.exists():
        return [str(script)]
    found = shutil.which("speclint")
    return [found] if found else [sys.executable, "-m", "speclint"]


# A small spec with two certain defects (a comment marker, an HTML tag) and nothing else wrong.
BAD_SPEC = """ACCOUNTANT II
FLSA Status: Exempt

DEFINITION
Performs professional accounting work.[GK1]

DISTINGUISHING CHARACTERISTICS
Journey level.

SUPERVISION RECEIVED AND EXERCISED
Receives general supervision.

ESSENTIAL FUNCTIONS
1. Prepares <b>journal</b> entries.

KNOWLEDGE, SKILLS AND ABILITIES
Knowledge of: accounting.

EDUCATION AND EXPERIENCE
A bachelor's degree.

PHYSICAL DEMANDS
Occasionally lifts up to 10 pounds. Reasonable accommodations may be made.

Revised: June 3, 2025
"""


TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Date rules compare with "today"; pin it so the suite gives the same answer every day."""
    monkeypatch.setenv("SPECLINT_TODAY", TODAY)
    # A developer's own LanguageTool server must not see (or change) the suite's results.
    monkeypatch.delenv("SPECLINT_LANGUAGETOOL_URL", raising=False)
    # Each test sees speclint work afresh (and its folders stay as it made them); tests/test_cache.py turns the cache on.
    monkeypatch.setenv("SPECLINT_NO_CACHE", "1")


@pytest.fixture
def run_speclint():
    def run(*args, cwd=None, input=None, env=None):
        environment = dict(os.environ, NO_COLOR="1")
        environment.pop("FORCE_COLOR", None)
        if env:
            environment.update(env)
        return subprocess.run(
            [*speclint_command(), *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd,
            input=input,
            env=environment,
            timeout=120,
        )

    return run
