"""speclint as a pre-commit hook, for real: a spec repository, `pre-commit install`, `git commit`.

The hook repository is a copy of this working tree (uncommitted changes included) committed in a
temporary git repository, so the hooks tested are the ones in .pre-commit-hooks.yaml as they are now.
pre-commit installs it the way it installs any hook: a virtualenv and `pip install .`. That runs
with no index (PIP_NO_INDEX): the packages come from a wheelhouse built once per session, the only
step that uses the package registry. The wheelhouse and PRE_COMMIT_HOME are shared by the tests
here, so the hook environment is built once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BAD_SPEC, ROOT

GOOD_SPEC = (ROOT / "specs" / "clean" / "accountant-ii.txt").read_text(encoding="utf-8")
# Words in pip's output when the registry cannot be reached (the one case in which the tests skip).
_NO_REGISTRY = (
    "Could not find a version that satisfies",
    "No matching distribution found",
    "NewConnectionError",
    "Max retries exceeded",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ConnectTimeout",
    "ProxyError",
)
_SKIPPED = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".speclint_cache", "build", "dist"}


def _git_env(home: Path) -> dict[str, str]:
    """Git with a known identity and none of the user's own settings (a global core.hooksPath stops pre-commit)."""
    config = home / "gitconfig"
    config.touch()
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(
        GIT_CONFIG_GLOBAL=str(config),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Spec Writer",
        GIT_AUTHOR_EMAIL="specs@example.org",
        GIT_COMMITTER_NAME="Spec Writer",
        GIT_COMMITTER_EMAIL="specs@example.org",
        NO_COLOR="1",
    )
    env.pop("FORCE_COLOR", None)
    return env


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _checked(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = _run(command, cwd, env)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _working_tree_files() -> list[Path]:
    """This checkout's files as git sees them: tracked and new, without ignored ones (.venv, caches)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, timeout=60
    )
    if listed.returncode == 0:
        names = [name for name in listed.stdout.decode("utf-8").split("\0") if name]
        return [Path(name) for name in dict.fromkeys(names) if (ROOT / name).is_file()]
    return [  # not a git checkout (an unpacked sdist): every file outside the build and cache folders
        path.relative_to(ROOT) for path in ROOT.rglob("*") if path.is_file() and not _SKIPPED & set(path.relative_to(ROOT).parts)
    ]


@pytest.fixture(scope="session")
def precommit(tmp_path_factory):
    """The hook repository (path and rev) and the environment pre-commit runs in, offline."""
    base = tmp_path_factory.mktemp("precommit")
    env = _git_env(base)

    hooks = base / "speclint-hooks"
    for name in _working_tree_files():
        (hooks / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, hooks / name)
    _checked(["git", "init", "-q"], hooks, env)
    _checked(["git", "add", "-A"], hooks, env)
    _checked(["git", "commit", "-q", "-m", "speclint as it is in the working tree"], hooks, env)
    rev = _checked(["git", "rev-parse", "HEAD"], hooks, env).strip()

    wheelhouse = base / "wheelhouse"
    # speclint's dependencies (built from the copy, so they follow pyproject.toml) and its build backend,
    # which `pip install .` inside pre-commit's virtualenv needs too.
    built = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "-w", str(wheelhouse), str(hooks), "hatchling"], base, env, timeout=600)
    if built.returncode != 0:
        output = built.stdout + built.stderr
        if any(words in output for words in _NO_REGISTRY):
            pytest.skip(f"the package registry cannot be reached to build the wheelhouse pre-commit installs from:\n{output[-2000:]}")
        pytest.fail(f"pip wheel failed:\n{output}")

    env.update(
        PRE_COMMIT_HOME=str(base / "pre-commit-home"),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheelhouse),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        VIRTUALENV_NO_DOWNLOAD="1",
    )
    env.pop("PRE_COMMIT", None)
    return {"repo": hooks, "rev": rev, "env": env}


def _spec_repository(path: Path, precommit, hook_id: str) -> dict[str, str]:
    """A git repository of specs with the hook installed from the local hook repository; returns its environment."""
    # The suite's pinned "today" (set per test, after the session fixture took its copy of the environment).
    env = dict(precommit["env"], SPECLINT_TODAY=os.environ.get("SPECLINT_TODAY", ""))
    env.pop("SPECLINT_LANGUAGETOOL_URL", None)
    path.mkdir()
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {precommit['repo']}\n    rev: {precommit['rev']}\n    hooks:\n      - id: {hook_id}\n",
        encoding="utf-8",
    )
    _checked(["git", "init", "-q"], path, env)
    _checked([sys.executable, "-m", "pre_commit", "install"], path, env)
    _checked(["git", "add", ".pre-commit-config.yaml"], path, env)
    # The first commit builds the hook's environment (offline, from the wheelhouse).
    first = _run(["git", "commit", "-m", "Add pre-commit"], path, env, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    return env


def test_bad_spec_commit_is_refused_with_the_violations_then_a_good_spec_commits(tmp_path, precommit):
    repo = tmp_path / "specs-repo"
    env = _spec_repository(repo, precommit, "speclint")

    (repo / "accountant.txt").write_text(BAD_SPEC, encoding="utf-8")
    _checked(["git", "add", "accountant.txt"], repo, env)
    refused = _run(["git", "commit", "-m", "Accountant II"], repo, env, timeout=600)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "speclint" in output and "Failed" in output
    assert 'accountant.txt:5:39: M602 [error] Reviewer comment marker "[GK1]"' in output
    assert "accountant.txt:14:13: M604 [warning]" in output
    assert _checked(["git", "log", "--format=%s"], repo, env).splitlines() == ["Add pre-commit"]

    _checked(["git", "rm", "-q", "--cached", "accountant.txt"], repo, env)
    (repo / "accountant.txt").unlink()
    (repo / "accountant-ii.txt").write_text(GOOD_SPEC, encoding="utf-8")
    (repo / "notes.yaml").write_text("not: a spec\n", encoding="utf-8")  # not matched by the hook's file pattern
    _checked(["git", "add", "accountant-ii.txt", "notes.yaml"], repo, env)
    accepted = _run(["git", "commit", "-m", "Accountant II"], repo, env, timeout=600)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "speclint....." in accepted.stderr and "Passed" in accepted.stderr  # git shows a hook's output on stderr
    assert _checked(["git", "log", "--format=%s"], repo, env).splitlines() == ["Accountant II", "Add pre-commit"]


def test_fix_hook_fixes_the_spec_then_the_commit_goes_through(tmp_path, precommit):
    repo = tmp_path / "specs-repo"
    env = _spec_repository(repo, precommit, "speclint-fix")

    marked = GOOD_SPEC.replace("accounting work accurately and independently.", "accounting work accurately and independently.[GK1]", 1)
    assert marked != GOOD_SPEC
    (repo / "accountant-ii.txt").write_text(marked, encoding="utf-8")
    _checked(["git", "add", "accountant-ii.txt"], repo, env)
    first = _run(["git", "commit", "-m", "Accountant II"], repo, env, timeout=600)
    output = first.stdout + first.stderr
    assert first.returncode != 0, output  # pre-commit refuses a commit whose files a hook changed
    assert "files were modified by this hook" in output
    assert "Fixed 1 problem in 1 file." in output
    assert (repo / "accountant-ii.txt").read_text(encoding="utf-8") == GOOD_SPEC

    _checked(["git", "add", "accountant-ii.txt"], repo, env)
    second = _run(["git", "commit", "-m", "Accountant II"], repo, env, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert _checked(["git", "show", "HEAD:accountant-ii.txt"], repo, env) == GOOD_SPEC
