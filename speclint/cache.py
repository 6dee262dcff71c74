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
        self.config = config

    def key(self, path: str, data: bytes) -> str:
        digest = hashlib.sha256()
        for part in (_code_fingerprint(), _config_fingerprint(self.config), path):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> FileResult | None:
        try:
            stored = json.loads(self._entry(key).read_text(encoding="utf-8"))
            violations = [_violation(item) for item in stored["violations"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return FileResult(path, violations, lines=stored.get("lines"), pages=stored.get("pages"))

    def put(self, key: str, result: FileResult) -> None:
        if result.error is not None or result.rule_errors:
            return  # errors are said again on every run, never remembered
        stored = {
            "violations": [v.to_dict() | {"more_edits": [list(edit) for edit in v.more_edits]} for v in result.violations],
            "pages": result.pages,
        }
        if result.path.lower().endswith(_KEPT_LINES):
            stored["lines"] = result.lines
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            _ignore_in_git(self.folder.parent)
            # Workers may write the same entry at once: the last complete one wins. A cache entry
            # can be lost in a crash without harm, so it is not flushed to disk first.
            replace_atomically(str(entry), json.dumps(stored, ensure_ascii=False).encode("utf-8"), kept_mode(str(entry)), durable=False)
        except OSError:
            pass  # a read-only project: lint without a cache


def _violation(item: dict) -> Violation:
    fields = {name: item.get(name) for name in ("path", "line", "column", "end_line", "end_column", "code", "rule", "category")}
    return Violation(
        **fields,
        severity=item["severity"],
        message=item["message"],
        suggestion=item.get("suggestion"),
        fix=item.get("fix"),
        more_edits=tuple(tuple(edit) for edit in item.get("more_edits") or ()),
        section=item.get("section"),
    )


def _ignore_in_git(folder: Path) -> None:
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# speclint's cache: safe to delete\n*\n", encoding="utf-8")
