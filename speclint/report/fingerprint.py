"""Where a finding is, in terms that survive edits: repository-relative paths and fingerprints.

The fingerprint is the baseline's (speclint.baseline): rule code, path, section and the flagged
text, never the line number. Reports compute it relative to the repository root, so code scanning
(SARIF ``partialFingerprints``) keeps treating a finding as the same alert when an unrelated
paragraph is inserted above it, and on every clone of the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

from speclint.baseline import fingerprints, source_lines_of

FINGERPRINT_KEY = "speclint/v1"  # bump the suffix if what goes into the hash ever changes


def repository_root(start: Path | None = None) -> Path:
    """The git work tree holding ``start`` (default: the current folder), else ``start`` itself."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():  # a folder in a clone, a file in a worktree or submodule
            return folder
    return start


def repository_path(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` with forward slashes, or None when it lies outside ``root``."""
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return None


def result_fingerprints(result, root: Path) -> list[str]:
    """One fingerprint per violation of a file, in order; identical findings are numbered ``:0``, ``:1``, ..."""
    return fingerprints(result.violations, source_lines_of(result), str(root))
