"""Recognise "Label: value" metadata lines (FLSA status, class code, dates, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import compress, count

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
_BULLET = re.compile(r"\s*[-*+\u2022]\s+")  # the first of _DECORATION's choices, without its "^"
_NON_EXEMPT = re.compile(r"\b(?:non|not)[\s\-\u2010-\u2015]*exempt\b", re.I)
_EXEMPT = re.compile(r"\bexempt\b", re.I)
_SPACES = re.compile(r"\s+")
# Cheap tests first (most lines are prose): a labelled line has a colon, a tab or a wide gap after its
# first word; a dated line without a label word ("Rev. 3/2019", "June 4, 2018") has a digit.
_WIDE_GAP = re.compile(r"\S\s\s")
_HAS_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")


def _has_wide_gap(rest: str, line: str) -> bool:
    """``_WIDE_GAP.search(line)``, mostly without the search, which tries every position of the line;
    ``rest`` is ``line.lstrip()``."""
    if "  " in rest:  # (a run of spaces after the first non-space character)
        return True
    if rest.isprintable():  # the only white space a printable text has is the plain space, single here
        return False
    return _WIDE_GAP.search(line) is not None

# For may_hold_field: each byte of a text's ASCII form becomes its class. "!": a character that may make a field
# (":", tab, "*", "_", a digit; "?", which stands for any non-ASCII character, and the control characters, among
# them the white space other than the plain space); " ": the space; "\n" stays; "a": any other character.
_FIELD_CLASSES = bytes(
    ord("\n") if byte == 10 else ord(" ") if byte == 32
    else ord("!") if byte < 32 or byte >= 127 or chr(byte) in ":*_?0123456789" else ord("a")
    for byte in range(256)
)


def may_hold_field(lines: list[str], text: str) -> set[int] | None:
    """The indexes of the lines on which ``match_line`` may find a field: none of the others has one, as they
    have no ":", tab, "*", "_" or digit and no wide gap. Worked out for the whole text (``lines`` joined with
    newlines) in a few calls; most lines are prose, and testing each one by one costs more than reading it.
    None when the lines cannot be told apart in the text (a line with a newline of its own)."""
    # Where a line has no "!", its only white space is the plain space, and a wide gap is two spaces after
    # something else than a space (not the indentation): "a  ", which becomes a "!" too. A bullet ("- ", "+ ")
    # there is no field either: taken away, it leaves a line that starts with a letter and has none of these.
    classes = text.encode("ascii", "replace").translate(_FIELD_CLASSES).replace(b"a  ", b"!")
    lines_marks = classes.translate(None, b"a ").split(b"\n")  # each line's "!"s: empty for a line that has none
    if len(lines_marks) != len(lines):
        return None
    return set(compress(count(), lines_marks))


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
        rest = line.lstrip()
        if "*" in line or "_" in line:
            # Markdown "- **FLSA Status:** Non-Exempt": blank out the decoration, keep the columns.
            line = _DECORATION.sub(_blank, line)
            rest = line.lstrip()
        elif rest[:2] in _BULLETS:
            # Without "*" and "_" the decoration is the bullet alone (the first of _DECORATION's choices), blanked
            # here without the substitution's search of every position.
            bullet = _BULLET.match(line)
            if bullet:
                line = " " * bullet.end() + line[bullet.end() :]
                rest = line.lstrip()
        first = rest[:1]
        if not (first.isascii() and first.isalpha()):
            return None  # both patterns below start with a letter A-Z after the indentation: "1.  Reviews ..." has no field
        may_be_labelled = ":" in line or "\t" in line or _has_wide_gap(rest, line)
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
        # (in an ASCII line, most of them, the digits are 0-9, which a search finds faster than \d)
        has_digit = (_ASCII_DIGIT if line.isascii() else _HAS_DIGIT).search(line) is not None
        match = _UNLABELLED_DATE.match(line) if has_digit else None
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


def _blank(found: re.Match) -> str:
    return " " * len(found.group(0))


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
