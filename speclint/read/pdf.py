"""PDF reader (pdfplumber): the text by page and line, plus what only the drawn page shows.

The view (``lines``; ``view`` is the same text cleaned like a .txt file's) holds one line per
text line of the PDF, pages in order. It holds no form feeds: ``SourceText.pages`` gives the
page of each line, and the text report shows "(page P, line L)" beside each finding. A gap
between two lines of more than one line's height becomes blank lines (as many as would fit),
so paragraphs stay apart as in a .txt export; a page break adds nothing.

Repeated page headers and footers (the same line, page numbers aside, at the same height near
the top or bottom of most pages; on a one-page PDF, a lone "Page 1 of 1") are left out of the
view, so rules do not lint them once per page and line numbers refer to the view without them.
Each is one ``page-furniture`` signal (reported once by X910).

Signals (``SourceText.signals``, reported by speclint/checks/pdf_markup.py, M630-M634, X910, X911;
named apart from the .docx reader's so that Word's rules never report a PDF's marks):

    pdf-strike      text with a drawn line through the middle of its glyphs (a redline deletion)
    pdf-underline   text with a drawn line at or just below its baseline, kept only when the PDF
                    is a redline (it has struck text or review annotations): plain underlined
                    headings are common and are no edit
    pdf-highlight   text on a filled, coloured (not grey) rectangle
    pdf-annotation  a review annotation over text: StrikeOut, Underline, Highlight, Squiggly, Caret
    pdf-comment     a note: Text (sticky note) or FreeText, with its contents
    page-furniture  a repeated page header or footer left out of the view (line 1, column 0)
    no-text-layer   pages that are only images (scanned): nothing there could be linted (line 1, column 0)

Every signal's ``detail`` names the text, the author and the date when the PDF records them
(annotations carry their own; drawn marks only have the document's Author and ModDate).
Damaged, truncated, password-protected or non-PDF files raise :class:`ReadError`.
"""

from __future__ import annotations

import io
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from speclint.read.source import ReadError, Signal, SourceText
from speclint.read.text import clean_line

MAX_PAGES = 200  # a class spec is a few pages; more is another kind of document
MAX_CHARS = 2_000_000  # glyphs in the whole file: bounds the work on a huge or hostile PDF
MAX_SIGNAL_TEXT = 80  # characters of marked text quoted in a signal

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_DROP = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # controls inside a PDF's text: never text a person sees
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_LINE = re.compile(
    r"(?:page|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?",
    re.IGNORECASE,
)
_MARKUP_ANNOTS = {"StrikeOut", "Underline", "Highlight", "Squiggly", "Caret"}
_NOTE_ANNOTS = {"Text", "FreeText"}
_EDGE_LINES = 3  # lines at the top and at the bottom of a page looked at for headers and footers


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    size: float
    chars: list[dict]  # the glyphs in reading order
    text: str = ""
    columns: list[int] = field(default_factory=list)  # column (0-based) in text of each glyph


def read_pdf_bytes(data: bytes, name: str) -> SourceText:
    head = data[:1024]
    if b"%PDF-" not in head:
        if not data.strip():
            raise ReadError(name, "file is empty")
        raise ReadError(name, "not a PDF file (it does not start with %PDF-); was it renamed from another format?")
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(name, "the PDF is truncated (no end-of-file marker): it was cut off while copying or saving; get a fresh copy")
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - pdfplumber is a dependency
        raise ReadError(name, "reading PDF files needs pdfplumber: pip install pdfplumber") from None
    try:
        with _quiet(), pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read(pdf, name)
    except ReadError:
        raise
    except PDFPasswordIncorrect:
        raise ReadError(name, "the PDF is encrypted with a password; save an unprotected copy to lint it") from None
    except MemoryError:
        raise ReadError(name, "the PDF is too large to read (it ran out of memory)") from None
    except RecursionError:
        raise ReadError(name, "the PDF is damaged (its objects refer to each other without end)") from None
    except Exception as error:  # pdfminer raises many kinds (PDFSyntaxError, PSEOF, KeyError, TypeError, ...) on broken files
        cause = _cause(error)
        if isinstance(cause, PDFPasswordIncorrect):
            raise ReadError(name, "the PDF is encrypted with a password; save an unprotected copy to lint it") from None
        kind = type(cause).__name__
        if "Encrypt" in kind or "Password" in kind:
            raise ReadError(name, f"the PDF is encrypted in a way that cannot be opened ({kind}); save an unprotected copy") from None
        raise ReadError(name, f"the PDF is damaged and cannot be read ({kind}); open it and save it again, or export it anew") from None


@contextmanager
def _quiet():
    """pdfminer logs what it works around in a damaged PDF ("Data-loss while decompressing corrupted data", "MediaBox
    missing") as warnings, which Python prints on stderr without a file name. speclint says one line per file: while a
    PDF is read, pdfminer's and pdfplumber's log messages and Python warnings are not shown."""
    import logging
    import warnings

    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _cause(error: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect())): the one inside."""
    seen = 0
    while seen < 5:
        inner = error.__cause__ or error.__context__ or next((a for a in error.args if isinstance(a, BaseException)), None)
        if inner is None:
            return error
        error, seen = inner, seen + 1
    return error


def _read(pdf, name: str) -> SourceText:
    count = len(pdf.pages)
    if count == 0:
        raise ReadError(name, "the PDF has no pages: it is damaged or truncated")
    if count > MAX_PAGES:
        raise ReadError(name, f"the PDF has {count} pages; a class spec has a few (speclint reads at most {MAX_PAGES})")
    info = _document_info(pdf)
    page_lines: list[list[_Line]] = []
    marks: list[tuple[str, _Line, int, str]] = []  # (kind, line, glyph index, detail) of drawn marks
    annotations: list[tuple[int, dict, float]] = []  # (page, annot, page height)
    imaged: list[int] = []  # pages with images and no text
    total = 0
    for number, page in enumerate(pdf.pages, 1):
        chars, segments, fills, images, top = _objects(page.layout)
        total += len(chars)
        if total > MAX_CHARS:
            raise ReadError(name, f"the PDF holds more than {MAX_CHARS:,} characters; it is not a class spec")
        lines = _lines(chars, number)
        page_lines.append(lines)
        if not lines and images:
            imaged.append(number)
        if lines:
            _drawn_marks(segments, fills, lines, marks)
        try:
            annotations.extend((number, annot, top) for annot in page.annots)
        except Exception:  # a malformed annotation array: the text is still worth linting
            pass
        if hasattr(page, "close"):
            page.close()
    return _assemble(name, page_lines, marks, annotations, imaged, info, count)


def _objects(layout) -> tuple[list[dict], list[tuple], list[dict], int, float]:
    """The page's glyphs, thin horizontal strokes and filled rectangles, from pdfminer's layout
    (pdfplumber's ``page.chars`` makes a dict of every graphics attribute of every glyph: three
    times slower). Positions are from the top of the page, as in pdfplumber."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

    height = float(layout.y1)
    chars: list[dict] = []
    segments: list[tuple[float, float, float]] = []  # (y, x0, x1)
    fills: list[dict] = []
    images = 0
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            text = item.get_text()
            if text:
                top, bottom = height - item.y1, height - item.y0
                chars.append({"text": text, "x0": item.x0, "x1": item.x1, "top": top, "bottom": bottom, "size": item.size})
        elif isinstance(item, (LTLine, LTRect)):
            top, bottom = height - item.y1, height - item.y0
            if item.x1 - item.x0 < 1.0:
                continue
            if bottom - top <= (1.0 if isinstance(item, LTLine) else 2.5):
                if item.fill or item.stroke:
                    segments.append(((top + bottom) / 2, item.x0, item.x1))
            elif isinstance(item, LTRect) and item.fill and _colourful(item.non_stroking_color):
                fills.append({"x0": item.x0, "x1": item.x1, "top": top, "bottom": bottom})
        elif isinstance(item, LTImage):
            images += 1
        elif isinstance(item, LTContainer) and not isinstance(item, LTCurve):
            stack.extend(item)  # figures (form XObjects) hold glyphs and images of their own
    return chars, segments, fills, images, height


def _document_info(pdf) -> str:
    """ "document by Ann Lee, saved 2026-03-04" from the PDF's metadata, or ""."""
    try:
        meta = pdf.metadata or {}
    except Exception:
        return ""
    author = _plain(meta.get("Author"))
    date = _pdf_date(meta.get("ModDate") or meta.get("CreationDate"))
    parts = [f"document by {author}" if author else "", f"saved {date}" if date else ""]
    return ", ".join(p for p in parts if p)


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        try:
            from pdfminer.utils import decode_text

            value = decode_text(value)
        except Exception:
            value = value.decode("latin-1", "replace")
    if not isinstance(value, str):
        value = getattr(value, "name", None) or str(value)
    return " ".join(_DROP.sub(" ", value).split())


def _pdf_date(value) -> str:
    """PDF dates look like D:20260304101500+01'00'; keep the day."""
    text = _plain(value)
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", text)
    if not match:
        return ""
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}"


# -- lines ------------------------------------------------------------------


def _lines(chars: list[dict], page: int) -> list[_Line]:
    """Glyphs into text lines: by their top edge (half a glyph's height apart starts a new line),
    then left to right, a space where glyphs stand apart by more than a quarter of their size."""
    ordered = sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"]))
    lines: list[_Line] = []
    for char in ordered:
        size = max(float(char.get("size") or 0), float(char["bottom"] - char["top"]), 1.0)
        if lines and abs(char["top"] - lines[-1].top) <= 0.5 * min(size, lines[-1].size):
            current = lines[-1]
            current.chars.append(char)
            current.bottom = max(current.bottom, char["bottom"])
        else:
            lines.append(_Line(page, char["top"], char["bottom"], size, [char]))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        parts: list[str] = []
        length = 0
        previous = None
        kept = []
        for char in line.chars:
            if previous is not None and _duplicate(previous, char):
                continue  # fake bold: the same glyph printed twice a hair apart
            text = _LIGATURES.get(char["text"], char["text"])
            text = _DROP.sub("", text.replace("\t", " ").replace("\f", " "))
            if not text:
                continue
            if previous is not None and not text.isspace() and not parts[-1].endswith(" "):
                gap = char["x0"] - previous["x1"]
                if gap > 0.25 * line.size:
                    parts.append(" ")
                    length += 1
            kept.append(char)
            line.columns.append(length)
            parts.append(text)
            length += len(text)
            previous = char
        line.chars = kept
        line.text = "".join(parts).rstrip()
    return [line for line in lines if line.text.strip()]


def _duplicate(a: dict, b: dict) -> bool:
    return a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 0.15 * max(a["x1"] - a["x0"], 0.5) and abs(a["top"] - b["top"]) < 1


# -- strike-through, underline and highlight drawn on the page ----------------


def _colourful(colour) -> bool:
    """A highlighter colour: saturated RGB or CMYK, not white, grey or black."""
    if not isinstance(colour, (tuple, list)):
        return False
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    if len(values) != 3:
        return False
    return max(values) - min(values) >= 0.25 and max(values) >= 0.4


def _drawn_marks(segments: list[tuple], fills: list[dict], lines: list[_Line], marks: list) -> None:
    """Each glyph crossed by a thin horizontal line or bar: through its middle it is struck, at or just
    under its baseline it is underlined; each glyph on a filled coloured rectangle is highlighted."""
    if not segments and not fills:
        return
    segments.sort()
    ys = [s[0] for s in segments]
    for line in lines:
        height = max(line.bottom - line.top, 1.0)
        low, high = bisect_left(ys, line.top), bisect_right(ys, line.bottom + 0.3 * height)
        nearby = segments[low:high]
        shaded = [f for f in fills if f["top"] < line.bottom and f["bottom"] > line.top]
        if not nearby and not shaded:
            continue
        for index, char in enumerate(line.chars):
            if char["text"].isspace():
                continue
            middle = (char["x0"] + char["x1"]) / 2
            glyph = max(char["bottom"] - char["top"], 1.0)
            for y, x0, x1 in nearby:
                if x0 <= middle <= x1:
                    place = (y - char["top"]) / glyph
                    if 0.35 <= place < 0.74:
                        marks.append(("pdf-strike", line, index, ""))
                    elif 0.74 <= place <= 1.25:
                        marks.append(("pdf-underline", line, index, ""))
            centre = (char["top"] + char["bottom"]) / 2
            for fill in shaded:
                cover = fill["bottom"] - fill["top"]
                if fill["x0"] <= middle <= fill["x1"] and fill["top"] <= centre <= fill["bottom"] and 0.5 * glyph <= cover <= 3 * glyph:
                    marks.append(("pdf-highlight", line, index, ""))
                    break


# -- assembling the view and the signals ----------------------------------------


def _furniture(page_lines: list[list[_Line]]) -> dict[int, list[_Line]]:
    """Repeated headers and footers: lines near the top or bottom of a page whose text (digits
    aside) and height recur on at least half the pages (two at least); on a one-page PDF, a lone
    page number at its top or bottom. Keyed by the id of a representative line."""
    pages = len(page_lines)
    groups: dict[tuple, list[_Line]] = defaultdict(list)
    for lines in page_lines:
        edge = lines[:_EDGE_LINES] + [line for line in lines[-_EDGE_LINES:] if line not in lines[:_EDGE_LINES]]
        for line in edge:
            key = (_DIGITS.sub("#", " ".join(line.text.lower().split())), round(line.size))
            groups[key].append(line)
    found: dict[int, list[_Line]] = {}
    for (key, _size), members in groups.items():
        # Cluster by height on the page: a title at the top of page 1 is no running header.
        members.sort(key=lambda line: line.top)
        clusters: list[list[_Line]] = []
        for line in members:
            if clusters and abs(line.top - clusters[-1][0].top) <= 3.0:
                clusters[-1].append(line)
            else:
                clusters.append([line])
        for cluster in clusters:
            on_pages = {line.page for line in cluster}
            page_number = bool(_PAGE_NUMBER_LINE.fullmatch(cluster[0].text.strip()))
            if "#" in key and pages >= 2 and not _numbers_follow_pages(cluster):
                continue  # "Duty 4 ..." / "Duty 9 ...": body lines alike but for their numbers
            if (pages >= 2 and len(on_pages) >= max(2, math.ceil(pages / 2))) or (pages == 1 and page_number):
                cluster.sort(key=lambda line: (line.page, line.top))
                found[id(cluster[0])] = cluster
    return found


def _numbers_follow_pages(cluster: list[_Line]) -> bool:
    """Whether the lines' numbers are the same on every page, or one of them counts the pages
    ("Page 2 of 4", "- 3 -", "Rev. 2024 | 5")."""
    numbers = [_DIGITS.findall(line.text) for line in cluster]
    if len({len(found) for found in numbers}) != 1:
        return False
    for position in range(len(numbers[0])):
        values = [int(found[position]) for found in numbers]
        offsets = {value - line.page for value, line in zip(values, cluster, strict=True)}
        if len(set(values)) > 1 and len(offsets) > 1:
            return False  # varies, and not with the page
    return True


def _assemble(name, page_lines, marks, annotations, imaged, info, count) -> SourceText:
    furniture = _furniture(page_lines)
    dropped = {id(line) for cluster in furniture.values() for line in cluster}
    body = [line for lines in page_lines for line in lines if id(line) not in dropped]
    pitch = _pitch(body)
    texts: list[str] = []
    pages: list[int] = []
    number_of: dict[int, int] = {}  # id(line) -> its 1-based line in the view
    previous = None
    for line in body:
        if previous is not None and previous.page == line.page and pitch:
            blank = min(int(round((line.top - previous.top) / pitch)) - 1, 5)
            for _ in range(max(blank, 0)):
                texts.append("")
                pages.append(line.page)
        texts.append(line.text)
        pages.append(line.page)
        number_of[id(line)] = len(texts)
        previous = line
    signals: list[Signal] = []
    if not body:
        texts, pages = [""], [1]
    detail_info = f"; {info}" if info else ""

    # Drawn marks: runs of marked glyphs on a line (spaces between marked words join them).
    by_kind: dict[tuple[str, int], set[int]] = defaultdict(set)
    line_of: dict[int, _Line] = {}
    for kind, line, index, _ in marks:
        if id(line) in number_of:
            by_kind[(kind, id(line))].add(index)
            line_of[id(line)] = line
    redline = any(kind == "pdf-strike" for kind, _ in by_kind) or any(
        _subtype(annot) in _MARKUP_ANNOTS | _NOTE_ANNOTS for _, annot, _ in annotations
    )
    for (kind, key), indexes in sorted(by_kind.items(), key=lambda item: (number_of[item[0][1]], item[0][0])):
        if kind == "pdf-underline" and not redline:
            continue
        line = line_of[key]
        for start, end in _runs(line, sorted(indexes)):
            text = line.text[start:end]
            signals.append(Signal(kind, number_of[key], start + 1, end + 1, f'"{_quote(text)}"{detail_info}'))

    # Annotations, read defensively: any field may be missing or malformed.
    lines_on_page: dict[int, list[_Line]] = defaultdict(list)
    for line in body:
        lines_on_page[line.page].append(line)
    for page, annot, height in annotations:
        try:
            signal = _annotation_signal(annot, height, lines_on_page.get(page, []), number_of)
        except Exception:
            signal = None
        if signal:
            signals.append(signal)

    for cluster in furniture.values():
        first = cluster[0]
        on_pages = sorted({line.page for line in cluster})
        where = "top" if first.top < 0.5 * _page_height_guess(page_lines[first.page - 1], first) else "bottom"
        detail = f'"{_quote(first.text)}" at the {where} of {_pages_phrase(on_pages, count)}'
        signals.append(Signal("page-furniture", 1, 0, 0, detail))
    if imaged:
        detail = f"{_pages_phrase(imaged, count)} {'is' if len(imaged) == 1 else 'are'} only an image (scanned), with no text"
        signals.append(Signal("no-text-layer", 1, 0, 0, detail))
    elif not body:
        signals.append(Signal("no-text-layer", 1, 0, 0, f"{_pages_phrase(list(range(1, count + 1)), count)} hold no text"))

    view = [clean_line(text) for text in texts]
    signals.sort(key=lambda s: (s.line, s.column, s.kind))
    return SourceText(path=name, lines=texts, view=view, kind="pdf", signals=signals, pages=pages)


def _page_height_guess(lines: list[_Line], line: _Line) -> float:
    """Twice the middle of the page's text block: enough to tell a header from a footer."""
    if not lines:
        return 2 * line.top + 1
    return lines[0].top + lines[-1].bottom


def _pitch(lines: list[_Line]) -> float:
    """The usual distance from one line to the next: the lower quartile of the gaps on a page."""
    gaps = sorted(b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.top > a.top)
    if not gaps:
        return 0.0
    return gaps[len(gaps) // 4] if gaps[len(gaps) // 4] > 0 else 0.0


def _runs(line: _Line, indexes: list[int]) -> list[tuple[int, int]]:
    """Column spans [start, end) of marked glyphs, joined across the spaces between them."""
    runs: list[list[int]] = []
    for index in indexes:
        start = line.columns[index]
        end = start + len(_LIGATURES.get(line.chars[index]["text"], line.chars[index]["text"]))
        if runs and not line.text[runs[-1][1] : start].strip():
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [(start, end) for start, end in runs]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SIGNAL_TEXT else text[: MAX_SIGNAL_TEXT - 1].rstrip() + "\u2026"


def _pages_phrase(pages: list[int], count: int) -> str:
    if len(pages) == count and count > 1:
        return f"every page ({count})"
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {', '.join(map(str, pages[:-1]))} and {pages[-1]}"


def _subtype(annot: dict) -> str:
    data = annot.get("data") or {}
    value = data.get("Subtype") if isinstance(data, dict) else None
    return _plain(value).lstrip("/")


def _annotation_signal(annot: dict, height: float, lines: list[_Line], number_of: dict[int, int]) -> Signal | None:
    subtype = _subtype(annot)
    if subtype not in _MARKUP_ANNOTS and subtype not in _NOTE_ANNOTS:
        return None  # links, form fields, popups (a popup shows its parent's note)
    from pdfminer.pdftypes import resolve1

    data = annot.get("data") or {}
    author = _plain(resolve1(data.get("T"))) or _plain(annot.get("title"))
    contents = _plain(resolve1(data.get("Contents"))) or _plain(annot.get("contents"))
    date = _pdf_date(resolve1(data.get("M")) or resolve1(data.get("CreationDate")))
    boxes = _quad_boxes(resolve1(data.get("QuadPoints")), height) or [(annot["x0"], annot["top"], annot["x1"], annot["bottom"])]
    who = f"by {author}" if author else "author not recorded"
    when = f", {date}" if date else ""
    if subtype in _MARKUP_ANNOTS:
        covered: list[tuple[_Line, int]] = []
        for line in lines:
            for index, char in enumerate(line.chars):
                middle_x, middle_y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
                if any(x0 - 0.5 <= middle_x <= x1 + 0.5 and top - 0.5 <= middle_y <= bottom + 0.5 for x0, top, x1, bottom in boxes):
                    covered.append((line, index))
        note = f'; note: "{_quote(contents)}"' if contents else ""
        if covered:
            first, last = covered[0], covered[-1]
            start = first[0].columns[first[1]]
            end = last[0].columns[last[1]] + len(_LIGATURES.get(last[0].chars[last[1]]["text"], last[0].chars[last[1]]["text"]))
            marked = _covered_text(covered)
            end_line = number_of[id(last[0])]
            line_number = number_of[id(first[0])]
            detail = f'{subtype} over "{_quote(marked)}" {who}{when}{note}'
            return Signal("pdf-annotation", line_number, start + 1, end + 1, detail, end_line if end_line != line_number else None)
        line = _nearest(lines, boxes[0][1])
        detail = f"{subtype} {who}{when}{note}"
        return _whole_line("pdf-annotation", line, number_of, detail)
    if not contents:
        return None
    line = _nearest(lines, boxes[0][1])
    detail = f'"{_quote(contents)}" {who}{when}'
    return _whole_line("pdf-comment", line, number_of, detail)


def _covered_text(covered: list[tuple[_Line, int]]) -> str:
    parts: list[str] = []
    current = None
    for line, index in covered:
        if line is not current:
            parts.append("")
            current = line
            start = line.columns[index]
        parts[-1] = line.text[start : line.columns[index] + 1]
    return " ".join(part.strip() for part in parts)


def _whole_line(kind: str, line: _Line | None, number_of: dict[int, int], detail: str) -> Signal:
    if line is None:
        return Signal(kind, 1, 0, 0, detail)
    start = len(line.text) - len(line.text.lstrip())
    return Signal(kind, number_of[id(line)], start + 1, len(line.text) + 1, detail)


def _nearest(lines: list[_Line], top: float) -> _Line | None:
    if not lines:
        return None
    return min(lines, key=lambda line: abs((line.top + line.bottom) / 2 - top) if line.bottom >= top - 2 else 1e6 + top - line.bottom)


def _quad_boxes(quads, height: float) -> list[tuple[float, float, float, float]]:
    """QuadPoints (x, y pairs, PDF units from the bottom) as (x0, top, x1, bottom) boxes from the top."""
    if not isinstance(quads, (list, tuple)) or len(quads) < 8:
        return []
    boxes = []
    try:
        values = [float(v) for v in quads]
    except (TypeError, ValueError):
        return []
    for i in range(0, len(values) - 7, 8):
        xs, ys = values[i : i + 8 : 2], values[i + 1 : i + 8 : 2]
        boxes.append((min(xs), height - max(ys), max(xs), height - min(ys)))
    return boxes
