"""The pipeline, top to bottom: read -> parse -> validate -> rules -> report.

``lint_path`` runs one file through every stage and returns its violations;
``speclint.run`` does it for many files. Reporting is the caller's (see speclint.report).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speclint.config import Config
from speclint.engine import RuleContext
from speclint.engine.rule import RegexTimeout
from speclint.parse import parse_spec
from speclint.read import ReadError, read_path
from speclint.read.source import SourceText
from speclint.suppress import UNUSED_CODE, apply_suppressions
from speclint.validate import validate
from speclint.violation import Violation


@dataclass
class FileResult:
    path: str
    violations: list[Violation] = field(default_factory=list)
    error: str | None = None  # a one-line read or configuration error
    fail_on: str = "warning"  # the lowest severity that fails this file, from its configuration
    lines: list[str] | None = None  # the file's lines, for baselines and reports that quote the flagged text
    rule_errors: list[str] = field(default_factory=list)  # rules that failed on this file (a speclint bug)
    pages: list[int] | None = None  # the page of each line (PDF), for reports that say "page 2, line 14"


def lint_path(path: str, config: Config) -> FileResult:
    try:
        source = read_path(path)  # 1. read
    except ReadError as error:
        return FileResult(path, error=str(error))
    return _result(path, source, config)


def _result(path: str, source: SourceText, config: Config) -> FileResult:
    rule_errors: list[str] = []
    violations = lint_source(source, config, rule_errors)
    return FileResult(path, violations, lines=source.lines, rule_errors=rule_errors, pages=source.pages)


def lint_source(source: SourceText, config: Config, rule_errors: list[str] | None = None) -> list[Violation]:
    """The violations of one read file. A rule that fails is said in ``rule_errors`` (one line each)
    and the other rules still run; without a list to say it in, the error is raised."""
    spec = parse_spec(source)  # 2. parse
    rules = config.rules
    enabled = config.enabled_rules(source.path)
    if not any(line.strip() for line in source.view):
        # A document with no text at all (a scanned PDF): only what its reader found is worth saying.
        enabled = [rule for rule in enabled if getattr(rule, "needs_source", None)]
    enabled_codes = {rule.code for rule in enabled}
    violations = [v for v in validate(spec, rules, config.schema) if v.code in enabled_codes]  # 3. validate
    ctx = RuleContext(spec, options=config.rule_options)
    for rule in enabled:  # 4. rules
        try:
            violations.extend(list(rule.check(ctx)))  # all or nothing: a rule that fails or is stopped reports none
        except RegexTimeout as error:  # a user pack's pattern ran too long: the pack's problem, said as such
            if rule_errors is None:
                raise
            rule_errors.append(f"{source.path}: {error}")
        except Exception as error:  # noqa: BLE001 - one broken rule must not cost the other rules' findings
            if rule_errors is None:
                raise
            rule_errors.append(f"{source.path}: internal error in rule {rule.code} ({rule.name}): {type(error).__name__}: {error}")
    violations = apply_suppressions(violations, source.lines, source.path)
    if UNUSED_CODE not in enabled_codes:
        violations = [v for v in violations if v.code != UNUSED_CODE]
    for violation in violations:
        violation.severity = config.severity_for(violation.code, violation.severity)
    return sorted(_dedupe(violations), key=Violation.sort_key)


def _dedupe(violations: list[Violation]) -> list[Violation]:
    seen = set()
    unique = []
    for v in violations:
        key = (v.line, v.column, v.end_line, v.end_column, v.code, v.message)
        if key not in seen:
            seen.add(key)
            unique.append(v)
    return unique



def lint_text(text: str, config: Config, name: str = "<text>.txt") -> list[Violation]:
    """Lint a string as if it were a file called ``name`` (rule examples, tests, stdin)."""
    from speclint.read import read_bytes

    return lint_source(read_bytes(text.encode("utf-8"), name), config)


def lint_bytes(data: bytes, name: str, config: Config) -> FileResult:
    """Lint bytes that are not on disk (standard input) as the file ``name``: the reader decodes them as it would the file."""
    from speclint.read import read_bytes

    try:
        source = read_bytes(data, name)
    except ReadError as error:
        return FileResult(name, error=str(error))
    return _result(name, source, config)
