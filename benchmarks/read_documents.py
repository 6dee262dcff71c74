"""How long reading a 10-page Word (and PDF) spec takes: the reader alone, and the import it costs.

    python benchmarks/read_documents.py             # median of 30 reads of each
    python benchmarks/read_documents.py --runs 100

The documents are generated here from specs/seeds/002 (no file is downloaded or kept): the .docx
has 10 pages (45 paragraphs each, a page break between them), a table, a header and a footer,
tracked changes, a comment and a highlight; the PDF (only when fpdf2, from the `test` extra, is
installed) has the same lines on 10 pages. Each read runs in this process after a warm-up, so
it excludes import time; the import of each reader module (python-docx and lxml; pdfplumber) is
timed separately in fresh processes, since a run of `speclint check` pays it once.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "specs" / "seeds" / "002_5b8ce3f32fb20e96.txt"
PAGES = 10
LINES_PER_PAGE = 45
WHO = 'w:author="Gina Kowalski" w:date="2024-03-05T10:00:00Z"'


def page_lines() -> list[list[str]]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines()]
    flat = (lines * (PAGES * LINES_PER_PAGE // len(lines) + 1))[: PAGES * LINES_PER_PAGE]
    return [flat[i : i + LINES_PER_PAGE] for i in range(0, len(flat), LINES_PER_PAGE)]


def make_docx() -> bytes:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "City of Springfield - Class Specification"
    document.sections[0].footer.paragraphs[0].text = "Customer Service/Billing Supervisor"
    for number, lines in enumerate(page_lines()):
        commented = False
        for index, line in enumerate(lines):
            paragraph = document.add_paragraph(line)
            if index == 5:  # one tracked insertion, deletion and highlight per page
                paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="{number * 10 + 1}" {WHO}><w:r><w:t> added</w:t></w:r></w:ins>'))
                paragraph._p.append(
                    parse_xml(f'<w:del {nsdecls("w")} w:id="{number * 10 + 2}" {WHO}><w:r><w:delText> removed</w:delText></w:r></w:del>')
                )
                paragraph.add_run(" checked").font.highlight_color = 7
            if index >= 10 and paragraph.runs and not commented:
                commented = True
                document.add_comment(paragraph.runs[0], text="Still current?", author="Gina Kowalski", initials="GK")
        if number == 0:
            table = document.add_table(rows=3, cols=2)
            for row, (key, value) in enumerate([("Grade", "24"), ("FLSA", "Exempt"), ("Union", "Local 101")]):
                table.cell(row, 0).text = key
                table.cell(row, 1).text = value
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf() -> bytes | None:
    try:
        from fpdf import FPDF
    except ImportError:
        return None
    pdf = FPDF(format="letter")
    pdf.set_font("Helvetica", size=10)
    for lines in page_lines():
        pdf.add_page()
        pdf.cell(0, 5, "City of Springfield - Class Specification", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            text = line.replace("\uf0b7", "-").encode("latin-1", "replace").decode("latin-1")
            pdf.cell(0, 5, text[:110], new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def time_reads(read, data: bytes, name: str, runs: int) -> tuple[float, float, int]:
    source = read(data, name)  # warm-up: imports and first-use caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read(data, name)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), len(source.lines)


def time_import(module: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    from speclint.read import read_bytes

    data = make_docx()
    median, best, lines = time_reads(read_bytes, data, "bench.docx", args.runs)
    print(f".docx  {PAGES} pages, {len(data) // 1024} KB, {lines} lines: read median {median * 1000:.1f} ms (min {best * 1000:.1f} ms)")
    print(f"       import speclint.read.docx (python-docx, lxml): {time_import('speclint.read.docx') * 1000:.0f} ms, once per process")
    pdf = make_pdf()
    if pdf is None:
        print(".pdf   skipped: fpdf2 is not installed (pip install '.[test]')")
        return 0
    median, best, lines = time_reads(read_bytes, pdf, "bench.pdf", max(3, args.runs // 3))
    print(f".pdf   {PAGES} pages, {len(pdf) // 1024} KB, {lines} lines: read median {median * 1000:.1f} ms (min {best * 1000:.1f} ms)")
    # speclint.read.pdf imports pdfplumber only inside read_pdf_bytes: time what the first PDF costs.
    print(f"       import pdfplumber (pdfminer.six): {time_import('pdfplumber') * 1000:.0f} ms, once per process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
