"""Results cached per file, so a second run over unchanged specs does no linting at all.

A result is kept under a key made of everything that decides it: the file's bytes and path,
the configuration that applies to it (including the date the date rules take as today), and
speclint itself (its version and the size and time of every file of its code and data, so an
upgrade or an edited rule pack is never served old results). Entries live in the project's
``.speclint_cache/results/`` folder (beside the config file, else the current folder); a cache
that cannot be read or written is simply not used. ``--no-cache`` turns it off.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from functools import cache
from pathlib import Path

from speclint import __version__
from speclint.config import Config
from speclint.files import kept_mode, replace_atomically
from speclint.lint import FileResult
from speclint.violation import Violation

FOLDER = ".speclint_cache"
_KEPT_LINES = (".docx", ".pdf")  # their text is costly to read again for reports that quote it


@cache
def _code_fingerprint() -> str:
    """speclint's version plus the size and time of each of its code and data files."""
    from speclint.resources import rules_dir, schema_dir

    digest = hashlib.sha256(__version__.encode())
    for top in (Path(__file__).parent, rules_dir(), schema_dir()):
        for folder, subfolders, names in os.walk(top):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith((".pyc", ".pyo")):
                    continue
                status = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}".encode())
    return digest.hexdigest()


@cache
def _config_fingerprint(config: Config) -> str:
    options = dict(config.rule_options)
    options["today"] = options.get("today") or os.environ.get("SPECLINT_TODAY") or datetime.date.today().isoformat()
    described = {
        "select": config.select,
        "ignore": config.ignore,
        "severity": config.severity,
        "per_path_ignores": config.per_path_ignores,
        "schema": config.schema,
        "options": options,
        "packs": [_file_digest(pack) for pack in config.rule_packs],
        "schema_file": _file_digest(config.schema) if os.path.isfile(config.schema) else None,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


class ResultCache:
    def __init__(self, config: Config):
        self.folder = Path(config.root) / FOLDER / "results"
        self._prefix = f"{self.folder}{os.sep}"
        self.config = config
        self._common = hashlib.sha256()  # the key's start, shared by every file under this config
        for part in (_code_fingerprint(), _config_fingerprint(config)):
            self._common.update(part.encode() + b"\0")

    def key(self, path: str, data: bytes) -> str:
        digest = self._common.copy()
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        return f"{self._prefix}{key[:2]}{os.sep}{key}.json"

    def get(self, key: str, path: str) -> FileResult | None:
        try:
            with open(self._entry(key), encoding="utf-8") as handle:
                stored = json.load(handle)
            violations = [_violation(path, row) for row in stored["violations"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        return FileResult(path, violations, lines=stored.get("lines"), pages=stored.get("pages"))

    def put(self, key: str, result: FileResult) -> None:
        if result.error is not None or result.rule_errors:
            return  # errors are said again on every run, never remembered
        stored = {"violations": [_row(violation) for violation in result.violations], "pages": result.pages}
        if result.path.lower().endswith(_KEPT_LINES):
            stored["lines"] = result.lines
        entry = self._entry(key)
        try:
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            _ignore_in_git(self.folder.parent)
            # Workers may write the same entry at once: the last complete one wins. A cache entry
            # can be lost in a crash without harm, so it is not flushed to disk first.
            replace_atomically(entry, json.dumps(stored, ensure_ascii=False).encode("utf-8"), kept_mode(entry), durable=False)
        except OSError:
            pass  # a read-only project: lint without a cache


@cache
def results_for(config: Config) -> ResultCache:
    """One per configuration in a run (configs are hashed by identity and kept by speclint.config, so the same
    one comes back for every file it applies to)."""
    return ResultCache(config)

# A kept violation is a row of its fields after the path (the key already names the file), in this order.
_ROW = ("line", "column", "end_line", "end_column", "code", "rule", "category", "severity", "message", "suggestion", "fix", "section")


def _row(violation: Violation) -> list:
    return [getattr(violation, name) for name in _ROW] + [[list(edit) for edit in violation.more_edits]]


def _violation(path: str, row: list) -> Violation:
    *fields, more_edits = row
    if len(fields) != len(_ROW):
        raise ValueError("an entry of another layout")
    *before_section, section = fields  # every field but the path in Violation's order, then the section
    violation = Violation(path, *before_section, section=section)
    if more_edits:
        violation.more_edits = tuple(map(tuple, more_edits))
    return violation


def _ignore_in_git(folder: Path) -> None:
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# speclint's cache: safe to delete\n*\n", encoding="utf-8")
