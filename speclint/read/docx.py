"""Word (.docx) reader: the accepted text, one line per paragraph, plus what only Word shows.

python-docx opens the package (after a zip check that refuses zip bombs); the XML is walked
with lxml run by run, because ``Paragraph.text`` drops inserted, moved and field text and
skips table cells and content controls.

The view (``lines``; ``view`` is the same text cleaned like a .txt file's) holds one line per
paragraph in document order: the body (table cells one paragraph per line, row by row;
content controls and text boxes included), then the headers, footers, footnotes and endnotes.
It is the text as it would read with every tracked change accepted: insertions and moved-to
text in, deletions and moved-from text out, field results in and field codes out, hidden text
out. Tabs stay tabs, line breaks inside a paragraph become spaces. A list item gets "• " (a
bullet list) or its number ("1. ", "a) ") in front, as Word shows it.

Signals (``SourceText.signals``, reported by speclint/checks/docx_markup.py, M620-M629):

    insertion, deletion, move, format-change   unaccepted tracked changes (author, date, text)
    comment                                    a reviewer comment (its text and author) on the range it covers
    highlight, strike, hidden                  highlighted, struck-through (single or double) and hidden text
    field                                      a placeholder, a broken cross-reference, a MERGEFIELD left in
    track-changes                              settings.xml has Track Changes switched on (line 1, column 0)
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from speclint.read.source import ReadError, Signal, SourceText
from speclint.read.text import clean_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_W = "{" + W + "}"
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

# Zip bomb limits: a class spec is a few hundred kilobytes of XML.
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # all members together
MAX_RATIO = 200  # uncompressed / compressed, for any member over 1 MB
MAX_MEMBERS = 5000
MAX_SIGNAL_TEXT = 80  # characters of changed or commented text quoted in a message

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False)

_PLACEHOLDER_TEXTS = (
    "click or tap here to enter text",
    "click here to enter text",
    "click or tap to enter a date",
    "choose an item",
    "enter text here",
)
_BROKEN_FIELD = re.compile(
    r"Error! (?:Reference source not found|Bookmark not defined|No text of specified style in document|"
    r"Not a valid bookmark self-reference|Unknown switch argument|No table of contents entries found)\.?",
    re.I,
)
_MERGEFIELD = re.compile(r"^\s*MERGEFIELD\s+(\S+)", re.I)
_MERGE_RESULT = re.compile(r"«[^»]{1,60}»")

_PART_ORDER = (
    ("header", "/relationships/header"),
    ("footer", "/relationships/footer"),
    ("footnotes", "/relationships/footnotes"),
    ("endnotes", "/relationships/endnotes"),
)


def w(tag: str) -> str:
    return _W + tag


def _attr(element, name: str) -> str:
    return element.get(w(name)) or ""


def _short(text: str, limit: int = MAX_SIGNAL_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _who(element) -> str:
    author = _attr(element, "author").strip() or "an unknown author"
    date = _attr(element, "date")[:10]
    return f"by {author}" + (f" on {date}" if date else "")


# -- the zip, checked before anything is inflated -----------------------------------------------


def _check_package(data: bytes, name: str) -> None:
    if data.startswith(_OLE_MAGIC):
        raise ReadError(
            name,
            "password-protected (encrypted) Word file, or an old .doc renamed to .docx; "
            "remove the password in Word (File > Info > Protect Document) or save it as .docx",
        )
    if not data.strip():
        raise ReadError(name, "file is empty")
    if not data.startswith(b"PK"):
        raise ReadError(name, "not a Word document: a .docx file is a zip package and this is not one")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(name, "damaged Word file: the zip package is truncated or corrupt; open it in Word and save it again") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ReadError(name, f"refused: the package holds {len(members)} files, far more than a Word document (a zip bomb?)")
        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED:
            raise ReadError(
                name, f"refused: the package expands to {total // (1024 * 1024)} MB, far more than a Word document (a zip bomb?)"
            )
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise ReadError(
                    name, f"refused: {member.filename} is compressed {member.file_size // max(member.compress_size, 1)} to 1 (a zip bomb?)"
                )
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names:
            raise ReadError(name, "not a Word document: the zip package has no [Content_Types].xml")
        if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
            raise ReadError(name, "not a Word document: the zip package has no word/document.xml")
        if "EncryptedPackage" in names:
            raise ReadError(name, "password-protected (encrypted) Word file; remove the password in Word and save it again")


def _open(data: bytes, name: str):
    _check_package(data, name)
    import docx  # python-docx: only now, for Word files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise ReadError(name, f"damaged Word file: its XML is not well-formed ({_short(str(error), 100)})") from None
    except (PackageNotFoundError, zipfile.BadZipFile, EOFError) as error:
        raise ReadError(name, f"damaged Word file: {_short(str(error), 100) or 'the zip package is corrupt'}") from None
    except ValueError as error:
        raise ReadError(name, f"not a Word document ({_short(str(error), 100)})") from None
    except Exception as error:  # noqa: BLE001 - any other failure inside python-docx is a damaged file, never a crash
        raise ReadError(name, f"damaged Word file: {type(error).__name__}: {_short(str(error), 100)}") from None


def _xml_of(part, name: str):
    element = getattr(part, "element", None)
    if element is None:
        element = getattr(part, "_element", None)
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ReadError(name, f"damaged Word file: {part.partname} is not well-formed XML ({_short(str(error), 100)})") from None


# -- numbering: "1. " and "• " as Word shows them -------------------------------------------------


class _Numbering:
    def __init__(self, root) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        if root is None:
            return
        abstract = {}
        for node in root.iter(w("abstractNum")):
            levels = {}
            for level in node.iter(w("lvl")):
                fmt = level.find(w("numFmt"))
                text = level.find(w("lvlText"))
                start = level.find(w("start"))
                levels[_attr(level, "ilvl")] = (
                    _attr(fmt, "val") if fmt is not None else "decimal",
                    _attr(text, "val") if text is not None else "",
                    int(_attr(start, "val") or 1) if start is not None and _attr(start, "val").isdigit() else 1,
                )
            abstract[_attr(node, "abstractNumId")] = levels
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is not None:
                for ilvl, level in abstract.get(_attr(ref, "val"), {}).items():
                    self.levels[(_attr(num, "numId"), ilvl)] = level

    def label(self, num_id: str, ilvl: str) -> str:
        level = self.levels.get((num_id, ilvl))
        if level is None:
            return ""
        fmt, text, start = level
        if fmt == "bullet":
            return "• "
        if fmt == "none":
            return ""
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for other in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[other]  # a deeper level starts again under a new item
        value = self.counters[key]
        rendered = re.sub(r"%(\d)", lambda m: _format_number(self.counters.get((num_id, str(int(m.group(1)) - 1)), 1), fmt), text)
        rendered = rendered.replace(f"%{int(ilvl) + 1}", _format_number(value, fmt))
        return (rendered + " ") if rendered.strip() else ""


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = (
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        )
        out = ""
        for amount, numeral in numerals:
            while value >= amount:
                out += numeral
                value -= amount
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


# -- walking paragraphs --------------------------------------------------------------------------


@dataclass
class _Mark:
    """A signal inside one paragraph, columns 0-based in the paragraph's accepted text."""

    kind: str
    start: int
    end: int
    detail: str
    key: tuple = ()  # marks with the same key that touch are merged
    text: str = ""  # the text it covers (deleted text for a deletion)


@dataclass
class _Paragraph:
    text: str = ""
    marks: list[_Mark] = field(default_factory=list)
    comment_starts: dict[str, int] = field(default_factory=dict)
    comment_ends: dict[str, int] = field(default_factory=dict)
    nested: list = field(default_factory=list)  # text-box paragraphs, read after this one
    mark_deleted: bool = False
    pieces: list = field(default_factory=list)  # (w:t element or None, start, end) in text; only when recording


class _Walker:
    def __init__(self, numbering: _Numbering, styles_placeholder: set[str]) -> None:
        self.numbering = numbering
        self.placeholder_styles = styles_placeholder
        self.lines: list[str] = []
        self.signals: list[Signal] = []
        self.comment_at: dict[str, tuple[int, int]] = {}  # comment id -> (line, column) of its start
        self.comment_end: dict[str, tuple[int, int]] = {}
        self.pending: list[_Mark] = []  # marks of a deleted paragraph, carried to the next line
        self.style_numbering: dict[str, tuple[str, str]] = {}  # paragraph style id -> (numId, ilvl) of its list
        self.record = False  # write_fixed_copy: keep where each line's text comes from
        self.pieces: list[list] = []  # per line, when recording: _Paragraph.pieces

    # Blocks: paragraphs, tables, content controls -----------------------------------------------

    def blocks(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child)
            elif tag == w("tbl"):
                for row in child.iter(w("tr")):
                    for cell in row.findall(w("tc")):
                        self.blocks(cell)
            elif tag in (w("sdt"),):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.blocks(content)
            elif tag in (w("customXml"), w("ins"), w("moveTo")):
                self.blocks(child)
            elif tag in (w("del"), w("moveFrom")):
                continue  # a deleted or moved-away table row or block: not in the accepted text

    def paragraph(self, element) -> None:
        para = _Paragraph()
        state: dict = {"field": []}
        label = self._label(element)
        para.text = label
        self.inline(element, para, state, context=())
        self._paragraph_marks(element, para, len(label))
        if para.mark_deleted and not para.text.strip() and any(m.kind in ("deletion", "move") for m in para.marks):
            self.pending.extend(para.marks)  # the whole paragraph was deleted: its findings go to the next line
        else:
            self.emit(para)
        for nested in para.nested:
            self.paragraph(nested)

    def _label(self, element) -> str:
        ppr = element.find(w("pPr"))
        if ppr is None:
            return ""
        numpr = ppr.find(w("numPr"))
        style = ppr.find(w("pStyle"))
        style_num = self.style_numbering.get(_attr(style, "val")) if style is not None else None
        num_id = numpr.find(w("numId")) if numpr is not None else None
        ilvl = numpr.find(w("ilvl")) if numpr is not None else None
        if num_id is None:
            if style_num is None:
                return ""
            return self.numbering.label(style_num[0], _attr(ilvl, "val") if ilvl is not None else style_num[1])
        if _attr(num_id, "val") == "0":
            return ""  # numbering switched off for this paragraph
        return self.numbering.label(_attr(num_id, "val"), _attr(ilvl, "val") if ilvl is not None else "0")

    def _paragraph_marks(self, element, para: _Paragraph, start: int) -> None:
        ppr = element.find(w("pPr"))
        if ppr is None:
            return
        change = ppr.find(w("pPrChange"))
        end = max(len(para.text), start)
        if change is not None:
            para.marks.append(_Mark("format-change", start, end, f"paragraph formatting changed {_who(change)}", text=para.text[start:]))
        rpr = ppr.find(w("rPr"))
        if rpr is not None:
            deleted = rpr.find(w("del"))
            inserted = rpr.find(w("ins"))
            if deleted is not None:
                para.mark_deleted = True
                para.marks.append(_Mark("deletion", end, end, f"a paragraph break deleted {_who(deleted)}", text="¶"))
            if inserted is not None and not any(m.kind == "insertion" for m in para.marks):
                para.marks.append(_Mark("insertion", end, end, f"a paragraph break inserted {_who(inserted)}", text="¶"))

    # Inline content --------------------------------------------------------------------------------

    def inline(self, container, para: _Paragraph, state: dict, context: tuple) -> None:
        for child in container:
            tag = child.tag
            if tag == w("r"):
                self.run(child, para, state, context)
            elif tag in (w("ins"), w("moveTo")):
                kind = "insertion" if tag == w("ins") else "move"
                start = len(para.text)
                self.inline(child, para, state, context)
                verb = "inserted" if kind == "insertion" else "moved here"
                self._add(
                    para, _Mark(kind, start, len(para.text), f"{verb} {_who(child)}", ("tracked", kind, _who(child)), para.text[start:])
                )
            elif tag in (w("del"), w("moveFrom")):
                kind = "deletion" if tag == w("del") else "move"
                collected = _Paragraph()
                self.inline(child, collected, {"field": []}, context + ("deleted",))
                removed = "".join(t.text or "" for t in child.iter(w("delText"), w("t")))
                verb = "deleted" if kind == "deletion" else "moved away from here"
                at = len(para.text)
                self._add(para, _Mark(kind, at, at, f"{verb} {_who(child)}", ("tracked", kind + "-gone", _who(child)), removed))
            elif tag in (w("hyperlink"), w("smartTag"), w("customXml"), w("bdo"), w("dir")):
                self.inline(child, para, state, context)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                pr = child.find(w("sdtPr"))
                start = len(para.text)
                if content is not None:
                    self.inline(content, para, state, context)
                if pr is not None and pr.find(w("showingPlcHdr")) is not None:
                    shown = para.text[start:]
                    para.marks = [m for m in para.marks if not (m.kind == "field" and m.start >= start)]  # one finding, not two
                    self._add(
                        para,
                        _Mark(
                            "field",
                            start,
                            len(para.text),
                            f'placeholder "{_short(shown)}" of a content control never filled in',
                            text=shown,
                        ),
                    )
            elif tag == w("fldSimple"):
                start = len(para.text)
                self.inline(child, para, state, context + ("field",))
                self._field_code(_attr(child, "instr"), para, start, len(para.text))
            elif tag == w("commentRangeStart"):
                para.comment_starts.setdefault(_attr(child, "id"), len(para.text))
            elif tag == w("commentRangeEnd"):
                para.comment_ends[_attr(child, "id")] = len(para.text)
            elif tag == "{" + M + "}oMath" or tag == "{" + M + "}oMathPara":
                self._append(para, "".join(t.text or "" for t in child.iter("{" + M + "}t")), None)

    def run(self, run, para: _Paragraph, state: dict, context: tuple) -> None:
        rpr = run.find(w("rPr"))
        hidden = rpr is not None and _on(rpr.find(w("vanish")))
        fields: list = state["field"]
        start = len(para.text)
        hidden_text: list[str] = []
        for child in run:
            tag = child.tag
            if tag == w("fldChar"):
                kind = _attr(child, "fldCharType")
                if kind == "begin":
                    fields.append({"code": "", "result": False, "start": None})
                elif kind == "separate" and fields:
                    fields[-1]["result"] = True
                    fields[-1]["start"] = len(para.text)
                elif kind == "end" and fields:
                    done = fields.pop()
                    begin = done["start"] if done["start"] is not None else len(para.text)
                    self._field_code(done["code"], para, begin, len(para.text))
                continue
            if tag in (w("instrText"), w("delInstrText")):
                if fields:
                    fields[-1]["code"] += child.text or ""
                continue
            if fields and not fields[-1]["result"]:
                continue  # inside a field code: not shown
            text = _run_text(child, context)
            if text is None:
                if tag in (w("drawing"), w("pict"), "{" + MC + "}AlternateContent"):
                    para.nested.extend(_text_boxes(child))
                elif tag == w("commentReference"):
                    para.comment_starts.setdefault(_attr(child, "id"), len(para.text))
                continue
            if hidden:
                hidden_text.append(text)
            else:
                mappable = tag == w("t") and not fields and "field" not in context
                self._append(para, text, child if mappable else None)
        end = len(para.text)
        text = para.text[start:end]
        if rpr is None or "deleted" in context:
            return
        if hidden_text and "".join(hidden_text).strip():
            self._add(para, _Mark("hidden", end, end, "hidden text", ("hidden",), "".join(hidden_text)))
        if not text:
            return
        highlight = rpr.find(w("highlight"))
        if highlight is not None and _attr(highlight, "val") not in ("", "none"):
            self._add(
                para,
                _Mark("highlight", start, end, f"highlighted in {_attr(highlight, 'val')}", ("highlight", _attr(highlight, "val")), text),
            )
        else:
            shading = rpr.find(w("shd"))
            fill = _attr(shading, "fill").lower() if shading is not None else ""
            if fill and fill not in ("auto", "ffffff", "000000"):
                self._add(para, _Mark("highlight", start, end, f"shaded #{fill.upper()}", ("highlight", fill), text))
        if _on(rpr.find(w("dstrike"))):
            self._add(para, _Mark("strike", start, end, "double struck through", ("strike", "double"), text))
        elif _on(rpr.find(w("strike"))):
            self._add(para, _Mark("strike", start, end, "struck through", ("strike", "single"), text))
        change = rpr.find(w("rPrChange"))
        if change is not None:
            self._add(para, _Mark("format-change", start, end, f"formatting changed {_who(change)}", ("format", _who(change)), text))
        style = rpr.find(w("rStyle"))
        if style is not None and _attr(style, "val") in self.placeholder_styles:
            self._add(para, _Mark("field", start, end, f'placeholder text "{_short(text)}" never replaced', ("placeholder",), text))

    def _append(self, para: _Paragraph, text: str, element) -> None:
        """Add text to the paragraph; when recording, remember the w:t it came from (None: it cannot be edited)."""
        if self.record and text:
            para.pieces.append((element, len(para.text), len(para.text) + len(text)))
        para.text += text

    def _field_code(self, code: str, para: _Paragraph, start: int, end: int) -> None:
        match = _MERGEFIELD.match(code or "")
        if match:
            shown = para.text[start:end]
            self._add(
                para, _Mark("field", start, end, f'MERGEFIELD {match.group(1)} left in the document (shows "{_short(shown)}")', text=shown)
            )

    def _add(self, para: _Paragraph, mark: _Mark) -> None:
        if mark.key and para.marks:
            last = para.marks[-1]
            if last.key == mark.key and last.end == mark.start:
                last.end = mark.end
                last.text += mark.text
                return
        para.marks.append(mark)

    # Lines and signals ----------------------------------------------------------------------------

    def emit(self, para: _Paragraph) -> None:
        text = para.text.replace("\r", " ").replace("\n", " ")
        self.lines.append(text)
        if self.record:
            self.pieces.append(para.pieces)
        line = len(self.lines)
        marks = self.pending + para.marks
        self.pending = []
        for mark in marks:
            if mark.kind in ("highlight", "strike", "format-change", "hidden") and not mark.text.strip():
                continue
            start = min(mark.start, len(text)) if mark in para.marks else 0
            end = min(max(mark.end, start), len(text)) if mark in para.marks else 0
            self.signals.append(Signal(mark.kind, line, start + 1, end + 1, _detail(mark)))
        self._text_markers(text, line, para)
        for key, column in para.comment_starts.items():
            self.comment_at.setdefault(key, (line, column + 1))
        for key, column in para.comment_ends.items():
            self.comment_end[key] = (line, column + 1)

    def _text_markers(self, text: str, line: int, para: _Paragraph) -> None:
        covered = [(m.start, m.end) for m in para.marks if m.kind == "field"]
        lowered = text.lower()
        for phrase in _PLACEHOLDER_TEXTS:
            at = lowered.find(phrase)
            if at >= 0 and not any(s <= at < e for s, e in covered):
                found = text[at : at + len(phrase) + (1 if text[at + len(phrase) : at + len(phrase) + 1] == "." else 0)]
                self.signals.append(Signal("field", line, at + 1, at + len(found) + 1, f'placeholder text "{found}" never replaced'))
        for match in _BROKEN_FIELD.finditer(text):
            self.signals.append(
                Signal("field", line, match.start() + 1, match.end() + 1, f'broken cross-reference: Word shows "{match.group(0)}"')
            )
        for match in _MERGE_RESULT.finditer(text):
            if not any(s <= match.start() < e for s, e in covered):
                self.signals.append(
                    Signal("field", line, match.start() + 1, match.end() + 1, f"mail-merge field {match.group(0)} never filled in")
                )

    def comments(self, root) -> None:
        if root is None:
            return
        for comment in root.iter(w("comment")):
            key = _attr(comment, "id")
            where = self.comment_at.get(key)
            if where is None:
                continue  # a comment whose anchor is not in any part we read
            line, column = where
            end_line, end_column = self.comment_end.get(key, where)
            if (end_line, end_column) < (line, column):
                end_line, end_column = line, column
            said = " ".join(" ".join((t.text or "") for t in p.iter(w("t"))) for p in comment.iter(w("p"))).strip()
            if end_line == line:
                anchored = self.lines[line - 1][column - 1 : end_column - 1]
            else:
                anchored = self.lines[line - 1][column - 1 :]
            detail = f'"{_short(said)}" {_who(comment)}'
            if anchored.strip():
                detail += f' on "{_short(anchored, 50)}"'
            self.signals.append(Signal("comment", line, column, end_column, detail, end_line if end_line != line else None))


def _detail(mark: _Mark) -> str:
    shown = _short(mark.text)
    if mark.kind in ("insertion", "deletion", "move"):
        return f'"{shown}" {mark.detail}'
    if mark.kind in ("highlight", "strike", "format-change", "hidden"):
        return f'"{shown}" {mark.detail}'
    return mark.detail


def _on(element) -> bool:
    if element is None:
        return False
    return _attr(element, "val").lower() not in ("0", "false", "off")


def _run_text(child, context: tuple) -> str | None:
    """The accepted text a run's child contributes, or None for a child that adds none."""
    tag = child.tag
    if tag == w("t"):
        return "" if "deleted" in context else (child.text or "")
    if tag == w("delText"):
        return None
    if "deleted" in context:
        return None
    if tag in (w("tab"), w("ptab")):
        return "\t"
    if tag in (w("br"), w("cr")):
        return " "
    if tag == w("noBreakHyphen"):
        return "-"
    if tag == w("softHyphen"):
        return ""
    if tag == w("sym"):
        code = _attr(child, "char")
        try:
            return chr(int(code, 16))
        except ValueError:
            return None
    return None


def _text_boxes(element) -> list:
    """Paragraphs in the text boxes of a drawing, once (an AlternateContent's fallback repeats them)."""
    if element.tag == "{" + MC + "}AlternateContent":
        choice = element.find("{" + MC + "}Choice")
        element = choice if choice is not None else element
    found = []
    for box in element.iter(w("txbxContent")):
        found.extend(box.findall(w("p")))
    return found


# -- the reader ---------------------------------------------------------------------------------


def read_docx_bytes(data: bytes, name: str) -> SourceText:
    document = _open(data, name)
    try:
        return _read(document, name)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(name, "damaged Word file: its XML is nested too deeply") from None
    except Exception as error:  # noqa: BLE001 - a document python-docx accepted but that is malformed inside
        raise ReadError(name, f"damaged Word file: {type(error).__name__}: {_short(str(error), 100)}") from None


def _read(document, name: str) -> SourceText:
    walker, _ = _walk(document, name)
    lines = walker.lines
    if not any(line.strip() for line in lines):
        raise ReadError(name, "the Word document has no text")
    view = [clean_line(line) for line in lines]
    signals = sorted(walker.signals, key=lambda s: (s.line, s.column, s.kind))
    return SourceText(path=name, lines=lines, view=view, encoding="docx", kind="docx", signals=signals)


def _walk(document, name: str, record: bool = False) -> tuple[_Walker, list]:
    """Walk the whole document as the reader does; also return (part, root) for parts parsed from their bytes."""
    main = document.part
    body = main.element.find(w("body"))
    if body is None:
        if main.element.tag.startswith("{" + _STRICT_W):
            raise ReadError(name, 'Strict Open XML documents cannot be read; in Word, save as "Word Document (*.docx)"')
        raise ReadError(name, "not a Word document: word/document.xml has no body")
    related = {}
    for rel in main.rels.values():
        if rel.is_external:
            continue
        related.setdefault(rel.reltype.rsplit("/", 1)[-1], []).append(rel.target_part)

    numbering = _Numbering(_xml_of(related["numbering"][0], name) if related.get("numbering") else None)
    placeholder_styles = {"PlaceholderText"}
    style_numbering: dict[str, tuple[str, str]] = {}
    if related.get("styles"):
        for style in _xml_of(related["styles"][0], name).iter(w("style")):
            label = style.find(w("name"))
            if label is not None and _attr(label, "val").lower() == "placeholder text":
                placeholder_styles.add(_attr(style, "styleId"))
            numpr = style.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None and numpr.find(w("numId")) is not None:
                ilvl = numpr.find(w("ilvl"))
                style_numbering[_attr(style, "styleId")] = (
                    _attr(numpr.find(w("numId")), "val"),
                    _attr(ilvl, "val") if ilvl is not None else "0",
                )

    walker = _Walker(numbering, placeholder_styles)
    walker.style_numbering = style_numbering
    walker.record = record
    walker.blocks(body)
    parsed = []  # parts python-docx keeps as bytes (footnotes, endnotes): an edit must be written back to them
    for kind, _ in _PART_ORDER:
        parts = sorted(related.get(kind, []), key=lambda part: _natural(str(part.partname)))
        for part in parts:
            root = _xml_of(part, name)
            if getattr(part, "element", None) is None and getattr(part, "_element", None) is None:
                parsed.append((part, root))
            if kind in ("footnotes", "endnotes"):
                for note in root.findall(w(kind[:-1])):
                    if _attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    walker.blocks(note)
            else:
                walker.blocks(root)
    if walker.pending:  # the last paragraph was deleted whole: report at the last line
        walker.emit(_Paragraph()) if not walker.lines else walker.signals.extend(
            Signal(m.kind, len(walker.lines), 1, 1, _detail(m)) for m in walker.pending
        )
        walker.pending = []
    if related.get("comments"):
        walker.comments(_xml_of(related["comments"][0], name))
    if related.get("settings"):
        settings = _xml_of(related["settings"][0], name)
        track = settings.find(w("trackRevisions"))
        if _on(track):
            walker.signals.append(Signal("track-changes", 1, 0, 0, "Track Changes is switched on"))
    return walker, parsed


# -- the corrected copy (check --fix) -----------------------------------------------------------


def write_fixed_copy(data: bytes, edits_by_line: dict[int, list[tuple[int, int, str]]], name: str) -> tuple[bytes, int]:
    """The document with the edits made in its w:t text, and how many were made.

    ``edits_by_line`` maps a 0-based line of the view to edits (start, end, replacement), 0-based
    columns, end exclusive. An edit is made only when all it covers is text of w:t elements (not a
    list label, tab, break, symbol, field result or equation); of two overlapping edits the first
    is kept. Everything else in the package (formatting, comments, tracked changes) stays as it was.
    """
    document = _open(data, name)
    try:
        walker, parsed = _walk(document, name, record=True)
    except RecursionError:
        raise ReadError(name, "damaged Word file: its XML is nested too deeply") from None
    touched: set = set()  # the root elements of the parts whose text changed
    applied = 0
    for index, edits in edits_by_line.items():
        if not 0 <= index < len(walker.pieces):
            continue
        pieces = walker.pieces[index]
        kept: list[tuple[int, int, str]] = []
        for edit in sorted(edits, key=lambda e: (e[0], e[1])):
            if kept and edit == kept[-1]:
                applied += 1  # two rules asking for the same edit: made once, fixes both
                continue
            if kept and (edit[0] < kept[-1][1] or edit[0] == kept[-1][0]):
                continue
            if _covering(pieces, edit[0], edit[1]) is None:
                continue
            kept.append(edit)
        for start, end, replacement in reversed(kept):  # from the end backwards: earlier offsets stay right
            covered = _covering(pieces, start, end)
            first, last = covered[0], covered[-1]
            for element, piece_start, _ in covered:
                text = element.text or ""
                if element is first[0]:
                    tail = text[end - piece_start :] if element is last[0] else ""
                    text = text[: start - piece_start] + replacement + tail
                elif element is last[0]:
                    text = text[end - piece_start :]
                else:
                    text = ""
                _set_text(element, text)
                touched.add(element.getroottree().getroot())
            applied += 1
    for part, root in parsed:
        if root in touched:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), applied


def _covering(pieces: list, start: int, end: int) -> list | None:
    """The pieces an edit of [start, end) touches, or None when it touches anything but w:t text."""
    if start == end:  # an insertion: into the piece it falls in, or at the end of the one before
        inside = [p for p in pieces if p[1] <= start < p[2]] or [p for p in pieces if p[2] == start]
        return inside[:1] if inside and inside[0][0] is not None else None
    covered = [p for p in pieces if p[1] < end and p[2] > start]
    if not covered or covered[0][1] > start or covered[-1][2] < end or any(p[0] is None for p in covered):
        return None
    return covered


def _set_text(element, text: str) -> None:
    element.text = text
    space = "{http://www.w3.org/XML/1998/namespace}space"
    if text != text.strip():
        element.set(space, "preserve")


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
