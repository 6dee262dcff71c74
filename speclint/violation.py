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
    # Further replacements that belong to the same fix, as (line, column, end_line, end_column, text):
    # X902 fixes every Symbol-font bullet in the file with its one finding.
    more_edits: tuple[tuple[int, int, int, int, str], ...] = field(default=(), compare=False)
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
            if self.more_edits:
                keys = ("line", "column", "end_line", "end_column", "text")
                data["more_edits"] = [dict(zip(keys, edit, strict=True)) for edit in self.more_edits]
        if self.section is not None:
            data["section"] = self.section
        return data


def at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
