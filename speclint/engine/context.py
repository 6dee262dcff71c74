"""What a rule sees while it runs, and how it reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from speclint.violation import Violation

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which a one-file run would pay for)

if TYPE_CHECKING:
    from speclint.engine.rule import Rule
    from speclint.parse.model import Spec


@dataclass
class RuleContext:
    spec: Spec
    options: dict = field(default_factory=dict)  # rule options from config (vocabulary, ...)
    _shared: dict = field(default_factory=dict, repr=False)

    def shared(self, name: str, compute):
        """A value several rules need (sentences, weights), computed once per file."""
        if name not in self._shared:
            self._shared[name] = compute()
        return self._shared[name]

    @property
    def source(self):
        return self.spec.source

    @property
    def path(self) -> str:
        return self.spec.path

    def section_at(self, line: int) -> str | None:
        """The key of the section a line belongs to (the innermost one)."""
        keys = self.shared("section of each line", self._section_keys)
        return keys[line] if 0 <= line < len(keys) else None

    def _section_keys(self) -> list[str | None]:
        """The section key of every line, worked out once per file: a search of all sections for each finding took
        quadratic time on a file with thousands of headings. Sections are laid down in order of their heading's
        line, so where ranges overlap the innermost (latest heading) wins, as it always has."""
        keys: list[str | None] = [None] * (len(self.spec.source.lines) + 1)
        for section in sorted(self.spec.sections, key=lambda section: section.line):
            for start, end in section.ranges():
                start, end = max(start, 0), min(end, len(keys) - 1)
                if start <= end:
                    keys[start : end + 1] = [section.key] * (end + 1 - start)
        return keys

    def violation(
        self,
        rule: Rule,
        line: int,
        column: int,
        end_line: int | None = None,
        end_column: int | None = None,
        message: str | None = None,
        suggestion: str | None = None,
        fix: str | None = None,
    ) -> Violation:
        if suggestion is None:
            fix = None
        elif fix is None:
            fix = "safe" if rule.fixable else "unsafe"
        return Violation(
            path=self.path,
            line=line,
            column=column,
            end_line=line if end_line is None else end_line,
            end_column=column if end_column is None else end_column,
            code=rule.code,
            rule=rule.name,
            category=rule.category,
            severity=rule.severity,
            message=message or rule.message,
            suggestion=suggestion,
            fix=fix,
            section=self.section_at(line) if line else None,
        )

    def file_violation(self, rule: Rule, message: str | None = None) -> Violation:
        """A finding about the whole file (a missing section): line 1, column 0."""
        violation = self.violation(rule, 1, 0, 1, 0, message)
        violation.section = None
        return violation

    def span_violation(
        self,
        rule: Rule,
        start: int,
        end: int,
        message: str | None = None,
        suggestion: str | None = None,
        fix: str | None = None,
    ) -> Violation:
        """A finding over characters [start, end) of the joined view text."""
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(max(start, end - 1))
        return self.violation(rule, line, column, end_line, end_column + 1, message, suggestion, fix)
