"""``--format sarif``: a SARIF 2.1.0 log, the format GitHub code scanning and other CI dashboards read.

One run; ``tool.driver.rules`` describes every rule that has a result (code scanning shows its
description beside each alert); paths are relative to the repository root (``%SRCROOT%``) so the
alerts land on the right files; ``partialFingerprints`` follow a finding through unrelated edits.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from urllib.parse import quote

from speclint import __version__
from speclint.report.fingerprint import FINGERPRINT_KEY, repository_path, repository_root, result_fingerprints

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"


def write_sarif(results, stream, options=None) -> None:
    json.dump(sarif_log(results, options or {}), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def sarif_log(results, options: dict) -> dict:
    """The whole log as a dict. ``options``: ``rules`` (code -> Rule; looked up with ``overrides`` when
    absent), ``errors`` (path errors), ``root``."""
    root = Path(options.get("root") or repository_root()).resolve()
    known_rules = options.get("rules") or rules_by_code(results, options.get("overrides"))
    descriptors: list[dict] = []
    index_of: dict[str, int] = {}
    sarif_results = []
    for result in results:
        if not result.violations:
            continue
        for violation, fingerprint in zip(result.violations, result_fingerprints(result, root), strict=True):
            if violation.code not in index_of:
                index_of[violation.code] = len(descriptors)
                descriptors.append(_rule_descriptor(known_rules.get(violation.code), violation))
            sarif_results.append(_result(violation, index_of[violation.code], fingerprint, root))
    notifications = [_notification(message, path, root) for message, path in _read_errors(results, options)]
    driver = {"name": "speclint", "version": __version__, "semanticVersion": __version__, "rules": descriptors}
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {ROOT_ID: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",  # our columns count characters, not UTF-16 code units
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule_descriptor(rule, violation) -> dict:
    if rule is None:  # every code comes from a loaded rule; this only guards a formatter fed by hand
        return {"id": violation.code, "name": violation.rule, "properties": {"category": violation.category}}
    description = _unwrapped(rule.description) or rule.what_it_catches()
    how_to = f"`speclint explain {rule.code}` shows examples; `speclint-disable-line {rule.code}` silences it on one line."
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.what_it_catches()},
        "fullDescription": {"text": description},
        "help": {"text": f"{description}\n\n{how_to}", "markdown": f"{description}\n\n{how_to}"},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "fixable": rule.fixable},
    }


def _unwrapped(text: str) -> str:
    """A description as YAML wraps it, with each paragraph on one line: viewers wrap text themselves."""
    paragraphs = re.split(r"\n\s*\n", textwrap.dedent(text).strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip())


def _artifact(path: str, root: Path) -> dict:
    relative = repository_path(path, root)
    if relative is None:  # outside the repository: an absolute file URI, which no base id can shorten
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": ROOT_ID}


def _region(violation) -> dict:
    if violation.column < 1:  # the whole file, or the whole line
        return {"startLine": max(violation.line, 1)}
    end_line = max(violation.end_line, violation.line)
    end_column = violation.end_column if end_line > violation.line else max(violation.end_column, violation.column)
    return {"startLine": violation.line, "startColumn": violation.column, "endLine": end_line, "endColumn": max(end_column, 1)}


def _result(violation, rule_index: int, fingerprint: str, root: Path) -> dict:
    artifact = _artifact(violation.path, root)
    result = {
        "ruleId": violation.code,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[violation.severity],
        "message": {"text": violation.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(violation)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"category": violation.category, "rule": violation.rule},
    }
    if violation.section:
        result["properties"]["section"] = violation.section
    if violation.suggestion is not None and violation.fix == "safe" and violation.column >= 1:
        result["fixes"] = [
            {
                "description": {"text": f'Replace with "{violation.suggestion}"' if violation.suggestion else "Delete it"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [{"deletedRegion": _region(violation), "insertedContent": {"text": violation.suggestion}}],
                    }
                ],
            }
        ]
    return result


def _read_errors(results, options: dict):
    """(message, path or None) for every file that could not be read and every path that could not be used."""
    for result in results:
        if result.error:
            yield result.error, result.path
    for message in options.get("errors") or ():
        yield message, None


def _notification(message: str, path: str | None, root: Path) -> dict:
    notification = {"level": "error", "message": {"text": message}}
    if path is not None:
        notification["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(path, root)}}]
    return notification


def _homepage() -> str | None:
    """The project's home page from the installed package's metadata, when it declares one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        info = metadata("speclint")
    except PackageNotFoundError:
        return None
    for entry in info.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "source", "repository") and url.strip():
            return url.strip()
    return info.get("Home-page") or None


def rules_by_code(results, overrides=None) -> dict:
    """code -> Rule for the rules that apply to the linted files (user packs included), for SARIF's rule metadata."""
    from speclint.config import ConfigError, resolve

    rules: dict = {}
    for result in results:
        if not result.violations:
            continue
        try:
            rule_set = resolve(result.path, overrides).rules
        except ConfigError:  # already reported as this file's error
            continue
        for violation in result.violations:
            rule = rule_set.get(violation.code)
            if rule is not None:
                rules.setdefault(violation.code, rule)
    return rules
