"""Stage 2 — parse: a :class:`SourceText` becomes a :class:`Spec` model.

The parser walks the cleaned view once. Each line is one of: blank, a section
heading (rules/headings.yaml), a metadata field (rules/metadata.yaml), or body
text. Sections run from their heading to the line before the next heading or
metadata field, blank lines at the end trimmed. Headings that name several
sections (umbrellas such as "Qualifications", or "Knowledge, Skills and
Abilities") hold the sub-headings that follow them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from speclint.parse.headings import HeadingMatch, HeadingMatcher, LineShape, default_matcher
from speclint.parse.metadata import MetadataMatcher, default_metadata_matcher, may_hold_field
from speclint.parse.model import SECTION_KEYS, Field, Section, Spec
from speclint.read.source import SourceText

__all__ = ["parse_spec", "Spec", "Section", "Field", "SECTION_KEYS"]

_TITLE_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with".split())
_ENDS_SENTENCE = re.compile(r"[.:;!?)\]\"']\s*$")
# Words a wrapped sentence can stop on but a title, a list item or a heading cannot.
_OPEN_ENDINGS = frozenset(
    "a an the of to in on at by for from with and or nor but as than that which who whose whom under into onto "
    "upon within without between through including such".split()
)
_LIST_ITEM = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u2013*-]|\(?\w{1,3}[.)])\s")
_PARENTHESES = re.compile(r"\([^)]*\)")
# A line this long that ends in a lower-case word is running text cut by wrapping.
_WRAPPED_LENGTH = 40


_SECTION_ORDER = {key: rank for rank, key in enumerate(SECTION_KEYS)}


@dataclass
class _Heading:
    match: HeadingMatch
    line: int
    end_line: int = 0  # last line of its own text, before the next event


def parse_spec(
    source: SourceText,
    headings: HeadingMatcher | None = None,
    metadata: MetadataMatcher | None = None,
) -> Spec:
    headings = headings or default_matcher()
    metadata = metadata or default_metadata_matcher()
    view = source.view
    spec = Spec(path=source.path, source=source)

    events: list[tuple[int, _Heading | None]] = []  # (line, heading) or (line, None) for a boundary
    previous_text = ""
    consumed: set[int] = set()  # lines used as a field's value
    shape_of, markdown = headings.shape, source.markdown
    field_lines = may_hold_field(view, source.text)  # most lines are not among them: no field to look for there

    def next_value():  # called by match_line while ``index`` is the line it reads (one function, not one per line)
        return _next_value(view, index, headings, metadata)

    for index, line in enumerate(view):
        if not line or line.isspace():  # (not line.strip(), without a copy of the line)
            continue
        number = index + 1
        if consumed and number in consumed:
            previous_text = line
            continue
        shape = shape_of(line)
        found = _heading_of(shape, previous_text, headings) if shape is not None and shape.capitalised else None
        if found is not None:
            events.append((number, _Heading(found, number)))
            previous_text = ""  # a heading is no sentence the next line could continue
            continue
        field = metadata.match_line(line, number, next_value) if field_lines is None or index in field_lines else None
        if field is not None:
            spec.fields.append(field)
            if field.line != number:
                consumed.add(field.line)
            events.append((number, None))
            previous_text = ""
            continue
        if markdown and shape and shape.markdown_level:
            events.append((number, None))  # an unknown Markdown heading ends a section
        previous_text = line

    _close_events(events, view)
    spec.sections = _build_sections(events)
    spec.title, spec.title_line = _find_title(source, events, spec.fields, headings, metadata)
    return spec


def _heading_on(line: str, previous_text: str, headings: HeadingMatcher) -> HeadingMatch | None:
    return _heading_of(headings.shape(line), previous_text, headings)


def _heading_of(shape: LineShape | None, previous_text: str, headings: HeadingMatcher) -> HeadingMatch | None:
    """The heading a line of this shape opens, if any."""
    if shape is None or not shape.capitalised:
        return None
    head = shape.head
    if shape.has_separator or shape.markdown_level:
        return headings.match(head, shape.column, shape.markdown_level)
    if head.rstrip().endswith((".", ",", ";")):
        return None
    found = headings.match(head, shape.column, shape.markdown_level)
    # A Title Case line right after an unfinished sentence is a wrapped line,
    # not a heading ("...performs the duties of the" / "Definition"). (Looked at
    # only for a line that names a heading: most lines do not, and they are many.)
    if found is not None:
        head_letters = _PARENTHESES.sub("", head) if "(" in head else head
        if not head_letters.isupper() and _continues_into_next_line(previous_text):
            return None
    return found


def _continues_into_next_line(previous_text: str) -> bool:
    """Whether the previous non-blank line stops mid-sentence, so the next line goes on with it.

    Titles ("Accountant II"), list items ("- Payroll practices") and short labels
    end without punctuation too; only a comma, a word such as "of" or "the", or a
    long line of running text ending in a lower-case word counts as cut off."""
    text = previous_text.rstrip()
    if not text or _ENDS_SENTENCE.search(text):
        return False
    if text.endswith(","):
        return True
    last = text.split()[-1]
    if last.lower() in _OPEN_ENDINGS:
        return True
    if not last[-1:].islower() or _LIST_ITEM.match(text):
        return False
    return len(text.strip()) >= _WRAPPED_LENGTH


def _next_value(view: list[str], index: int, headings: HeadingMatcher, metadata: MetadataMatcher) -> tuple[str, int, int] | None:
    """The next non-blank line, a label's value when the label stands alone ("FLSA Status:").
    A heading or another field there is no value: "FLSA Status:" then "DEFINITION"."""
    for offset in range(index + 1, min(index + 4, len(view))):
        text = view[offset]
        if text.strip():
            if _heading_on(text, "", headings) is not None or metadata.match_line(text, offset + 1, None):
                return None
            stripped = text.lstrip()
            return stripped.rstrip(), offset + 1, len(text) - len(stripped) + 1
    return None


def _close_events(events, view: list[str]) -> None:
    """Give every heading the last non-blank line before the next event."""
    for position, (line, heading) in enumerate(events):
        if heading is None:
            continue
        stop = events[position + 1][0] - 1 if position + 1 < len(events) else len(view)
        while stop > line and not view[stop - 1].strip():
            stop -= 1
        heading.end_line = stop


def _build_sections(events) -> list[Section]:
    sections: list[Section] = []
    position = 0
    while position < len(events):
        _, heading = events[position]
        position += 1
        if heading is None:
            continue
        match = heading.match
        if not match.is_container:
            _append(sections, heading, match.keys, heading.end_line)
            continue
        # An umbrella or combined heading: following sub-headings for the
        # sections it covers belong to it.
        children: list[_Heading] = []
        while position < len(events):
            _, child = events[position]
            if child is None or not set(child.match.keys) <= set(match.covers) or child.match.is_container:
                break
            children.append(child)
            position += 1
        end = children[-1].end_line if children else heading.end_line
        claimed = {key for child in children for key in child.match.keys}
        own = [key for key in match.keys if key not in claimed]
        if own:
            _append(sections, heading, tuple(own), end)
        for child in children:
            _append(sections, child, child.match.keys, child.end_line, group=(heading, children[0].line - 1))
    sections.sort(key=lambda s: (s.line, _SECTION_ORDER.get(s.key, 99)))
    return sections


def _append(sections: list[Section], heading: _Heading, keys, end_line: int, merge: bool = True, group=None) -> None:
    text = heading.match.heading
    keys = list(keys)
    # "Education:" straight after "Education and Experience:" continues the same
    # section. The same heading twice is a duplicate, which rules must see.
    if merge and sections:
        # The last heading's sections: appended together, in line order, so they end the list.
        first = len(sections) - 1
        while first > 0 and sections[first - 1].line == sections[-1].line:
            first -= 1
        last = sections[first:]
        # (first whether any key is shared at all, which it rarely is: the other tests cost more)
        shares_a_key = any(s.key in keys for s in last) if len(last) > 1 else last[0].key in keys
        if shares_a_key and last[0].heading.lower() != text.lower() and all(s.end_line < heading.line for s in last):
            for section in last:
                if section.key in keys:
                    section.end_line = end_line
                    keys.remove(section.key)
    for key in keys:
        section = Section(key, text, heading.line, end_line, heading.match.column)
        if group is not None:
            parent, intro_end = group
            section.group_heading, section.group_line, section.group_intro_end = (
                parent.match.heading, parent.line, intro_end)
        sections.append(section)


def _find_title(
    source: SourceText, events, fields: list[Field], headings: HeadingMatcher, metadata: MetadataMatcher
) -> tuple[str | None, int]:
    """The first title-like line before the first section; an agency name there gives way to a
    title-like line after it ("CITY OF HARROW CREEK" / "POLICE RECORDS SPECIALIST")."""
    first_event = next((line for line, heading in events if heading is not None), len(source.view) + 1)
    field_lines = {f.line for f in fields}
    agency = None
    for index, line in enumerate(source.view[: first_event - 1]):
        number = index + 1
        if number in field_lines or not line.strip():
            continue
        shape = headings.shape(line)
        text = (shape.head if shape and shape.markdown_level else line).strip(" *_#\t")
        if not _looks_like_title(text):
            continue
        if agency is None and metadata.is_agency_name(text):
            agency = (text, number)
            continue
        return text, number
    if agency is not None:
        return agency
    for item in fields:
        if item.key == "job_title" and item.value:
            return item.value, item.line
    return None, 0


def _looks_like_title(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 10 or text.endswith((".", ",", ";", ":")):
        return False
    if ":" in text:  # "Job Status: Full-time" is a label and its value, not a title
        return False
    if not words[0][:1].isupper():
        return False
    capitalised = [w for w in words if w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS]
    return len(capitalised) == len(words)
