"""The .pdf reader and its rules (M630-M634, X910, X911), on PDFs drawn here with fpdf2:
text by page and line, repeated page headers read once, redline strike-through and underline
from the drawn lines, highlight rectangles, review annotations, and files that cannot be read."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf")

from conftest import ROOT, SEEDS  # noqa: E402

from speclint.config import Config  # noqa: E402
from speclint.lint import lint_path, lint_source, lint_text  # noqa: E402
from speclint.read import ReadError, read_bytes  # noqa: E402

CLEAN_SPEC = ROOT / "specs" / "clean" / "water-treatment-operator-ii.txt"
SIZE = 10  # points
PITCH = 5.0  # mm from one line to the next
TOP = 25.0  # mm: the first body line's baseline
BOTTOM = 270.0  # mm: no body line below this
HEADER = "City of Fairview - Class Specification"
_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2022": "-"})


def _latin(text: str) -> str:
    """The core PDF fonts have Latin-1 only: the text the tests draw and compare."""
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


class Drawing:
    """A PDF drawn line by line: text at fixed baselines, with optional marks on a part of a line."""

    def __init__(self, header: str | None = None, footer: int = 0, author: str = "Pat Reviewer", height: float = 297):
        self.pdf = fpdf.FPDF(unit="mm", format=(210, height))
        self.bottom = height - 27  # mm: no body line below this
        self.pdf.set_author(author)
        self.pdf.set_creation_date(__import__("datetime").datetime(2026, 3, 4, 10, 0, tzinfo=__import__("datetime").timezone.utc))
        self.pdf.set_auto_page_break(False)
        self.pdf.set_font("Helvetica", size=SIZE)
        self.header, self.footer = header, footer  # footer: the page count it names ("Page 2 of 4")
        self.pages = 0
        self.y = self.bottom + 1

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.pages += 1
        self.y = TOP
        if self.header:
            self.pdf.text(20, 12, self.header)
        if self.footer:
            self.pdf.text(95, self.bottom + 17, f"Page {self.pages} of {self.footer}")

    def line(self, text: str, *, strike: str = "", underline: str = "", highlight: str = "", colour=(255, 255, 0)) -> None:
        if self.y > self.bottom:
            self._new_page()
        if text:
            x = 20
            if highlight:
                start = x + self.pdf.get_string_width(text[: text.index(highlight)])
                self.pdf.set_fill_color(*colour)
                self.pdf.rect(start, self.y - SIZE * 0.3528 * 0.8, self.pdf.get_string_width(highlight), SIZE * 0.3528 * 1.1, style="F")
            self.pdf.text(x, self.y, text)
            for part, lift in ((strike, 0.3), (underline, -0.12)):
                if part:
                    start = x + self.pdf.get_string_width(text[: text.index(part)])
                    y = self.y - lift * SIZE * 0.3528
                    self.pdf.set_line_width(0.2)
                    self.pdf.line(start, y, start + self.pdf.get_string_width(part), y)
        self.y += PITCH

    def page_break(self) -> None:
        self.y = self.bottom + 1

    def bytes(self) -> bytes:
        if not self.pages:
            self._new_page()
        return bytes(self.pdf.output())


def _draw(text: str, footer: bool = False, **options) -> Drawing:
    per_page = int((BOTTOM - TOP) // PITCH) + 1
    drawing = Drawing(footer=-(-len(text.splitlines()) // per_page) if footer else 0, **options)
    for line in text.splitlines():
        drawing.line(_latin(line))
    return drawing


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _codes(violations) -> list[str]:
    return [v.code for v in violations]


def _content(violations, lines) -> Counter:
    """What was found, not where: code, message and flagged text (page breaks move line numbers)."""
    found = Counter()
    for v in violations:
        text = lines[v.line - 1][v.column - 1 : v.end_column - 1] if v.column and v.line == v.end_line else ""
        found[(v.code, v.message, text)] += 1
    return found


# -- a sound document: the same text and findings as the .txt -----------------------------------


def test_sound_pdf_reads_as_its_text_and_lints_clean(tmp_path):
    text = _latin(CLEAN_SPEC.read_text(encoding="utf-8"))
    drawing = _draw(text, header=HEADER, footer=True)
    assert drawing.pages >= 3
    path = _write(tmp_path, "water-treatment-operator-ii.pdf", drawing.bytes())
    source = read_bytes(path.read_bytes(), str(path))
    assert source.kind == "pdf"
    assert [line for line in source.lines if line.strip()] == [line.rstrip() for line in text.splitlines() if line.strip()]
    assert "\f" not in "".join(source.lines)
    assert len(source.pages) == len(source.lines) and source.pages[0] == 1 and source.pages[-1] == drawing.pages
    txt_findings = lint_text(text, Config(), "water-treatment-operator-ii.txt")
    pdf_findings = [v for v in lint_path(str(path), Config()).violations if v.code != "X910"]
    assert txt_findings == [] and pdf_findings == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_pdf_gets_the_same_content_findings_as_its_text(tmp_path, seed):
    # A PDF has no tab or form-feed glyphs: tabs become spaces in both, page breaks are left out.
    text = _latin(seed.read_text(encoding="utf-8", errors="replace")).replace("\f", "").replace("\t", "    ")
    # One tall page for the whole spec: a page break cuts blank lines, which some findings count.
    drawing = Drawing(height=TOP + PITCH * len(text.splitlines()) + 40)
    for line in text.splitlines():
        drawing.line(line)
    assert drawing.pages == 1
    path = _write(tmp_path, seed.stem + ".pdf", drawing.bytes())
    source = read_bytes(path.read_bytes(), str(path))
    expected = lint_text(text, Config(), seed.stem + ".txt")
    got = lint_source(source, Config())
    txt_lines = read_bytes(text.encode("utf-8"), "x.txt").lines
    assert _content(got, source.lines) == _content(expected, txt_lines)


# -- page headers and footers --------------------------------------------------------------------


def test_repeated_header_and_page_footer_are_reported_once_not_per_page(tmp_path, run_speclint):
    text = _latin(CLEAN_SPEC.read_text(encoding="utf-8"))
    drawing = _draw(text, header=HEADER, footer=True)
    path = _write(tmp_path, "spec.pdf", drawing.bytes())
    source = read_bytes(path.read_bytes(), str(path))
    assert not any(HEADER in line or line.startswith("Page ") for line in source.lines)
    result = run_speclint("check", path)
    assert result.returncode == 0, result.stdout + result.stderr
    x910 = [line for line in result.stdout.splitlines() if " X910 " in line]
    assert len(x910) == 2, result.stdout
    assert any(f'"{HEADER}" at the top of every page ({drawing.pages})' in line for line in x910)
    assert any(f'"Page 1 of {drawing.pages}" at the bottom of every page' in line for line in x910)
    assert " X905 " not in result.stdout


def test_title_at_the_top_of_page_one_is_not_taken_for_a_header():
    drawing = Drawing(header="Water Treatment Operator II")
    for index in range(120):
        drawing.line("WATER TREATMENT OPERATOR II" if index == 0 else f"Duty number {index} is performed.")
    source = read_bytes(drawing.bytes(), "spec.pdf")
    assert source.lines[0] == "WATER TREATMENT OPERATOR II"
    assert "Water Treatment Operator II" not in source.lines
    assert [s.kind for s in source.signals] == ["page-furniture"]


def test_findings_on_page_two_show_page_and_line(tmp_path, run_speclint):
    drawing = _draw(_latin(CLEAN_SPEC.read_text(encoding="utf-8")))
    drawing.page_break()
    drawing.line("The incumbant keeps records.")
    path = _write(tmp_path, "spec.pdf", drawing.bytes())
    result = run_speclint("check", path)
    flagged = [line for line in result.stdout.splitlines() if "incumbant" in line]
    assert flagged and flagged[0].endswith(f"(page {drawing.pages}, line 1)"), result.stdout


# -- redlines: strike-through and underline drawn on the page ------------------------------------


def _redline() -> bytes:
    text = _latin(CLEAN_SPEC.read_text(encoding="utf-8"))
    drawing = Drawing(header=HEADER, footer=_draw(text, footer=True).footer)
    for line in text.splitlines():
        if line.startswith("Under general supervision"):
            drawing.line(line, strike="general supervision")
        elif line.startswith("conventional surface water"):
            drawing.line(line, underline="surface water")
        else:
            drawing.line(line)
    return drawing.bytes()


def test_redline_pdf_struck_and_underlined_words_are_reported(tmp_path, run_speclint):
    path = _write(tmp_path, "redline.pdf", _redline())
    result = run_speclint("check", "--format", "json", path)
    import json

    found = json.loads(result.stdout)
    source = read_bytes(path.read_bytes(), str(path))
    struck = [v for v in found if v["code"] == "M630"]
    underlined = [v for v in found if v["code"] == "M631"]
    assert len(struck) == 1 and len(underlined) == 1, found
    for violation, words in ((struck[0], "general supervision"), (underlined[0], "surface water")):
        line = source.lines[violation["line"] - 1]
        assert line[violation["column"] - 1 : violation["end_column"] - 1] == words
        assert f'"{words}"' in violation["message"] and "Pat Reviewer" in violation["message"] and "2026-03-04" in violation["message"]
    assert [v["code"] for v in found].count("X910") == 2  # header and footer, once each
    assert result.returncode == 1


def test_underline_alone_is_no_redline():
    drawing = Drawing()
    drawing.line("ESSENTIAL FUNCTIONS", underline="ESSENTIAL FUNCTIONS")
    drawing.line("Operates the plant.")
    source = read_bytes(drawing.bytes(), "spec.pdf")
    assert source.signals == []


def test_highlight_rectangle_is_reported_but_grey_shading_is_not():
    drawing = Drawing()
    drawing.line("Lifts up to 50 pounds occasionally.", highlight="50 pounds")
    drawing.line("Knowledge of plant operations.", highlight="Knowledge", colour=(220, 220, 220))
    source = read_bytes(drawing.bytes(), "spec.pdf")
    assert [(s.kind, s.line, source.lines[s.line - 1][s.column - 1 : s.end_column - 1]) for s in source.signals] == [
        ("pdf-highlight", 1, "50 pounds")
    ]
    violations = lint_source(source, Config())
    assert [v.code for v in violations if v.code.startswith("M63")] == ["M632"]


# -- review annotations ---------------------------------------------------------------------------


def _annotated() -> bytes:
    drawing = Drawing()
    drawing.line("DEFINITION")
    drawing._new_page() if not drawing.pages else None
    pdf = drawing.pdf
    drawing.line("Performs water sampling duties.")
    pdf.text_annotation(x=10, y=drawing.y - PITCH - 3, text="Is this still a duty?", title="Grace Kim")
    pdf.set_xy(20, drawing.y - 2.5)
    with pdf.highlight("Drop this", title="Bob Lee", type="StrikeOut", modification_time=__import__("datetime").datetime(2026, 2, 1)):
        pdf.cell(text="Operates the old sludge press.")
    drawing.y += PITCH
    drawing.line("Keeps records.")
    return drawing.bytes()


def test_comment_and_strikeout_annotations_are_reported_with_author_and_date():
    source = read_bytes(_annotated(), "spec.pdf")
    kinds = {s.kind: s for s in source.signals}
    assert set(kinds) == {"pdf-comment", "pdf-annotation"}
    comment, strikeout = kinds["pdf-comment"], kinds["pdf-annotation"]
    assert source.lines[comment.line - 1] == "Performs water sampling duties."
    assert '"Is this still a duty?" by Grace Kim' in comment.detail
    assert source.lines[strikeout.line - 1][strikeout.column - 1 : strikeout.end_column - 1] == "Operates the old sludge press."
    assert 'StrikeOut over "Operates the old sludge press." by Bob Lee, 2026-02-01; note: "Drop this"' == strikeout.detail
    codes = _codes(lint_source(source, Config()))
    assert "M633" in codes and "M634" in codes


def test_malformed_annotation_is_skipped_not_a_crash():
    data = _annotated()
    match = re.search(rb"/QuadPoints \[(\d+\.?\d*)", data)
    assert match
    # A word where a number belongs, of the same length so that the file's offsets stay right.
    broken = data[: match.start(1)] + b"x" * len(match.group(1)) + data[match.end(1) :]
    source = read_bytes(broken, "spec.pdf")
    assert "Keeps records." in source.lines
    assert any(s.kind == "pdf-comment" for s in source.signals)


# -- files that cannot be linted ------------------------------------------------------------------


def _scanned() -> bytes:
    from PIL import Image

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(Image.new("L", (200, 260), 230), x=10, y=10, w=180)
    return bytes(pdf.output())


def test_scanned_pdf_is_one_clear_no_text_layer_finding(tmp_path, run_speclint):
    path = _write(tmp_path, "scan.pdf", _scanned())
    result = run_speclint("check", path)
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert len(lines) == 1 and " X911 [error] No text layer: page 1 is only an image (scanned)" in lines[0], result.stdout
    assert lines[0].startswith(f"{path}:1:0: ")
    assert result.returncode == 1


def test_password_protected_pdf_is_a_read_error():
    drawing = _draw("DEFINITION\nOperates the plant.\n")
    drawing.pdf.set_encryption(owner_password="owner", user_password="secret")
    with pytest.raises(ReadError) as caught:
        read_bytes(drawing.bytes(), "locked.pdf")
    assert caught.value.reason.startswith("the PDF is encrypted with a password")


def test_pdf_encrypted_without_a_user_password_reads():
    drawing = _draw("DEFINITION\nOperates the plant.\n")
    drawing.pdf.set_encryption(owner_password="owner")
    assert read_bytes(drawing.bytes(), "restricted.pdf").lines == ["DEFINITION", "Operates the plant."]


@pytest.mark.parametrize(
    "damage, reason",
    [
        (lambda data: data[: len(data) // 2], "the PDF is truncated"),
        (lambda data: b"%PDF-1.7\n" + b"\x00garbage" * 50 + b"\n%%EOF\n", "the PDF"),
        (lambda data: b"Accountant II\nDEFINITION\n", "not a PDF file"),
        (lambda data: b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 2000, "not a PDF file"),
        (lambda data: b"", "file is empty"),
    ],
    ids=["truncated", "corrupt", "text-named-pdf", "zip-named-pdf", "empty"],
)
def test_broken_files_are_one_line_read_errors(damage, reason):
    data = damage(_draw("DEFINITION\nOperates the plant.\n").bytes())
    try:
        source = read_bytes(data, "broken.pdf")
    except ReadError as error:
        assert error.reason.startswith(reason), error.reason
        assert "\n" not in str(error) and str(error).startswith("broken.pdf: ")
    else:  # a file pdfminer can still make sense of must at least say it holds no text
        assert [s.kind for s in source.signals] == ["no-text-layer"], source.lines


def test_too_many_pages_is_a_read_error(monkeypatch):
    from speclint.read import pdf as reader

    monkeypatch.setattr(reader, "MAX_PAGES", 2)
    drawing = Drawing()
    for _ in range(3):
        drawing.line("Operates the plant.")
        drawing.page_break()
    with pytest.raises(ReadError, match="has 3 pages"):
        read_bytes(drawing.bytes(), "long.pdf")


def test_a_broken_pdf_is_exit_2_and_the_other_files_are_still_linted(tmp_path, run_speclint):
    _write(tmp_path, "broken.pdf", _draw("DEFINITION\n").bytes()[:300])
    _write(tmp_path, "locked.pdf", b"%PDF-1.4\n1 0 obj\n<< /Encrypt >>\n%%EOF\n")
    good = _draw(_latin(CLEAN_SPEC.read_text(encoding="utf-8"))).bytes()
    _write(tmp_path, "good.pdf", good)
    result = run_speclint("check", tmp_path)  # folders include *.pdf
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    truncated = f"{tmp_path / 'broken.pdf'}: the PDF is truncated (no end-of-file marker): it was cut off while copying or saving"
    assert any(truncated in line for line in errors), result.stderr
    assert any(str(tmp_path / "locked.pdf") in line for line in errors), result.stderr
    assert "in 1 file" in result.stdout or "1 file" in result.stdout, result.stdout


def test_pdf_libraries_are_imported_only_when_a_pdf_is_read():
    import subprocess

    code = "import sys, speclint.cli, speclint.run, speclint.lint; print('pdfplumber' in sys.modules or 'pdfminer' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
