"""Recognise "Label: value" metadata lines (FLSA status, class code, dates, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from speclint.memo import Memo
from speclint.parse.model import Field
from speclint.resources import load_yaml, rules_dir

# A label, then a colon, a tab or two or more spaces, then the value (maybe empty).
_LABELLED = re.compile(r"^(\s*)([A-Za-z][A-Za-z0-9 .#/()'-]{0,40}?)\s*(?::|\t|\s{2,})\s*(.*?)\s*$")
_DATE = r"(?:\d{1,2}[/.-]\d{1,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)"
_DATE_START = re.compile(r"^\s*" + _DATE, re.I)
# "Rev. 3/2019", "Date Adopted 2/12/2019": the label runs up to the first date-like word.
_UNLABELLED_DATE = re.compile(r"^(\s*)([A-Za-z][A-Za-z .]{1,30}?)\s+(?=" + _DATE + r")(\S.*?)\s*$", re.I)
_DECORATION = re.compile(r"^\s*[-*+\u2022]\s+|(?:\*\*|__)(?=[A-Za-z])|(?<=[A-Za-z:.)])(?:\*\*|__)")
_BULLETS = ("- ", "* ", "+ ", "\u2022 ", "\u2022\t")
_NON_EXEMPT = re.compile(r"\b(?:non|not)[\s\-\u2010-\u2015]*exempt\b", re.I)
_EXEMPT = re.compile(r"\bexempt\b", re.I)
_SPACES = re.compile(r"\s+")
# Cheap tests first (most lines are prose): a labelled line has a colon, a tab or a wide gap after its
# first word; a dated line without a label word ("Rev. 3/2019", "June 4, 2018") has a digit.
_WIDE_GAP = re.compile(r"\S\s\s")
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Label:
    key: str
    pattern: re.Pattern
    value_must_match: re.Pattern | None
    is_date: bool


class MetadataMatcher:
    def is_agency_name(self, text: str) -> bool:
        """A line naming the agency ("CITY OF HARROW CREEK"), which often stands above the class title."""
        return any(pattern.search(text) for pattern in self.agency_names)

    def __init__(self, data: dict):
        self._labels_of = Memo()  # label text as written -> _Label or None
        self.agency_names = [re.compile(pattern, re.I) for pattern in data.get("agency-names", ())]
        self.labels: list[_Label] = []
        for name, spec in data["fields"].items():
            must = spec.get("value_must_match")
            for label in spec["labels"]:
                self.labels.append(
                    _Label(spec.get("key", name), re.compile(label, re.I), re.compile(must, re.I) if must else None, False)
                )
        for kind, labels in data["dates"].items():
            for label in labels:
                self.labels.append(_Label(kind, re.compile(label, re.I), None, True))

    def _label(self, text: str) -> _Label | None:
        # The same label texts come back file after file, and trying every label pattern is the costly part.
        return self._labels_of.answer(text, self._find_label)

    def _find_label(self, text: str) -> _Label | None:
        normalized = _SPACES.sub(" ", text.strip(" .:"))
        return next((label for label in self.labels if label.pattern.fullmatch(normalized)), None)

    def match_line(self, line: str, number: int, next_value: Callable[[], tuple[str, int, int] | None] | None) -> Field | None:
        """A field on this line. ``next_value()`` gives (text, line, column) of the next non-blank line,
        used when the value stands on its own line ("FLSA Status:" then "Non-exempt"); it is only
        called then, because looking ahead costs as much as reading the line."""
        if "*" in line or "_" in line or line.lstrip()[:2] in _BULLETS:
            # Markdown "- **FLSA Status:** Non-Exempt": blank out the decoration, keep the columns.
            line = _DECORATION.sub(lambda found: " " * len(found.group(0)), line)
        may_be_labelled = ":" in line or "\t" in line or _WIDE_GAP.search(line) is not None
        match = _LABELLED.match(line) if may_be_labelled else None
        if match:
            label = self._label(match.group(2))
            if label:
                value, value_line, column = match.group(3), number, match.start(3) + 1
                if not value and next_value is not None and ":" in line:
                    found = next_value()
                    if found is not None:
                        value, value_line, column = found
                return self._field(label, match.group(2).strip(), value, value_line, column)
        match = _UNLABELLED_DATE.match(line) if _HAS_DIGIT.search(line) else None
        if match and _DATE_START.match(match.group(3)):
            label = self._label(match.group(2))
            if label and label.is_date:
                return self._field(label, match.group(2).strip(), match.group(3), number, match.start(3) + 1)
        return None

    def _field(self, label: _Label, label_text: str, value: str, line: int, column: int) -> Field | None:
        if label.value_must_match and not label.value_must_match.search(value):
            return None
        if not value and not label.is_date:
            value = ""
        normalized = normalize_flsa(value) if label.key == "flsa_status" else None
        return Field(label.key, label_text, value.strip(), line, column, normalized)


def normalize_flsa(value: str) -> str | None:
    """'exempt', 'non-exempt', or None when the value is neither (or both)."""
    non_exempt = bool(_NON_EXEMPT.search(value))
    exempt = bool(_EXEMPT.search(_NON_EXEMPT.sub("", value)))
    if non_exempt and not exempt:
        return "non-exempt"
    if exempt and not non_exempt:
        return "exempt"
    return None


@cache
def default_metadata_matcher() -> MetadataMatcher:
    return MetadataMatcher(load_yaml(rules_dir() / "metadata.yaml"))
