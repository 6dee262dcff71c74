"""The parsed spec: what rules look at and what ``speclint parse`` prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from speclint.read.source import SourceText

SECTION_KEYS = (
    "definition",
    "distinguishing_characteristics",
    "supervision",
    "essential_functions",
    "marginal_functions",
    "knowledge",
    "skills",
    "abilities",
    "education_experience",
    "licenses_certificates",
    "physical_demands",
    "working_environment",
)


@dataclass
class Section:
    key: str
    heading: str
    line: int
    end_line: int
    column: int = 1
    # A sub-heading under a heading that names several sections ("PHYSICAL
    # DEMANDS AND WORKING ENVIRONMENT" then "Physical:") keeps that group's
    # heading; the group's opening text counts as part of this section too.
    group_heading: str | None = None
    group_line: int = 0
    group_intro_end: int = 0

    def ranges(self) -> list[tuple[int, int]]:
        """Line ranges (inclusive) whose text belongs to this section."""
        spans = [(self.line, self.end_line)]
        if self.group_line and self.group_intro_end >= self.group_line:
            spans.insert(0, (self.group_line, self.group_intro_end))
        return spans

    def to_dict(self) -> dict:
        data = {"key": self.key, "heading": self.heading, "line": self.line, "end_line": self.end_line}
        if self.group_heading is not None:
            data["group"] = {"heading": self.group_heading, "line": self.group_line}
        return data


@dataclass
class Field:
    """A "Label: value" line: FLSA status, class code, a date, ..."""

    key: str
    label: str
    value: str
    line: int
    column: int  # where the value starts
    normalized: str | None = None

    def to_dict(self) -> dict:
        data = {"label": self.label, "value": self.value, "line": self.line}
        if self.normalized is not None:
            data["normalized"] = self.normalized
        return data


@dataclass
class Spec:
    path: str
    source: SourceText
    title: str | None = None
    title_line: int = 0
    fields: list[Field] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def metadata(self) -> dict[str, Field]:
        """The first value of each non-date field."""
        first: dict[str, Field] = {}
        for item in self.fields:
            if item.key not in DATE_KINDS:
                first.setdefault(item.key, item)
        return first

    @property
    def dates(self) -> list[Field]:
        return [item for item in self.fields if item.key in DATE_KINDS]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def sections_for(self, keys) -> list[Section]:
        wanted = set(keys)
        return [s for s in self.sections if s.key in wanted]

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "title_line": self.title_line,
            "metadata": {key: item.to_dict() for key, item in self.metadata.items()},
            "dates": [{"kind": item.key, "text": item.value, "line": item.line} for item in self.dates],
            "sections": [section.to_dict() for section in self.sections],
        }


DATE_KINDS = ("adopted", "revised", "effective", "approved")
