"""The one record every stage reports problems with."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
CATEGORIES = frozenset(
    {"structure", "flsa", "physical", "spelling", "grammar", "markup", "dates", "inclusive", "format"}
)


@dataclass(slots=True)
class Violation:
    """One finding. Lines and columns are 1-based; column 0 means the whole file or line."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str | None = None  # replacement text for [column, end_column)
    # "safe" when the rule is certain of the replacement (applied by --fix), "unsafe" for a likely one
    # (a spelling suggestion, applied only with --unsafe-fixes), None when there is no suggestion.
    fix: str | None = None
    # Where in the spec it is (a section key), for baselines and reports.
    section: str | None = field(default=None, compare=False)

    def sort_key(self):
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
        }
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
            data["fix"] = self.fix
        if self.section is not None:
            data["section"] = self.section
        return data


def at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
