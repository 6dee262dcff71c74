"""``--format html``: the page HR staff read. Its structure, and the page itself in a real headless Chromium."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import zlib
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from speclint.lint import FileResult
from speclint.report import formatter
from speclint.violation import Violation

SCREENSHOT_COPY = ROOT / "docs" / "report-screenshot.png"  # written when SPECLINT_SAVE_SCREENSHOT is set, for the issue note


class PageParser(HTMLParser):
    """Collects what the tests look at: every tag with its attributes, and the text inside each <mark>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[tuple[str, str, str]] = []  # (row id, data-notes, text)
        self.row_id = ""
        self.in_mark: dict | None = None
        self.mark_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "tr":
            self.row_id = attributes.get("id", "")
        if tag == "mark":
            self.in_mark, self.mark_text = attributes, []

    def handle_endtag(self, tag):
        if tag == "mark" and self.in_mark is not None:
            self.marks.append((self.row_id, self.in_mark.get("data-notes", ""), "".join(self.mark_text)))
            self.in_mark = None

    def handle_data(self, data):
        if self.in_mark is not None:
            self.mark_text.append(data)


def parse_page(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def seeds_report():
    """The seeds' report made as a user makes it, with the same run's violations as JSON to compare."""
    from conftest import speclint_command

    environment = dict(os.environ, NO_COLOR="1", SPECLINT_TODAY="2026-11-23")
    environment.pop("SPECLINT_LANGUAGETOOL_URL", None)
    paths = [str(seed.relative_to(ROOT)) for seed in SEEDS]

    def run(*args):
        return subprocess.run([*speclint_command(), "check", *args, *paths], capture_output=True, text=True, cwd=ROOT, env=environment)

    page = run("--format", "html")
    assert page.returncode == 1, page.stderr
    violations = json.loads(run("--format", "json").stdout)
    return page.stdout, violations


def test_every_violation_has_a_note_and_its_text_highlighted(seeds_report):
    page, violations = seeds_report
    parsed = parse_page(page)
    notes = [attrs for tag, attrs in parsed.tags if tag == "div" and "note" in attrs.get("class", "").split()]
    assert len(notes) == len(violations)
    for v in violations:
        assert escape(v["message"]) in page, v
        assert f'<span class="code">{v["code"]}</span>' in page
    # each spec is numbered in the order given; its notes are numbered in line order
    for number, seed in enumerate(SEEDS, 1):
        lines = seed.read_text(encoding="utf-8").splitlines()
        mine = [v for v in violations if v["path"].endswith(seed.name)]
        mine.sort(key=lambda v: (v["line"], v["column"], v["code"], v["message"]))
        for index, v in enumerate(mine, 1):
            note = f"spec-{number}-n{index}"
            assert any(attrs.get("id") == note for attrs in notes), note
            if v["column"] == 0:
                continue  # about the whole spec: listed at its top, nothing to highlight
            highlighted = "".join(text for row, refs, text in parsed.marks if row == f"spec-{number}-L{v['line']}" and note in refs.split())
            assert highlighted == lines[v["line"] - 1][v["column"] - 1 : v["end_column"] - 1], v


def test_whole_spec_findings_are_listed_at_the_top_of_their_spec(seeds_report):
    page, violations = seeds_report
    missing = next(v for v in violations if v["code"] == "F201")
    number = next(n for n, seed in enumerate(SEEDS, 1) if missing["path"].endswith(seed.name))
    spec = page[page.index(f'<section class="spec" id="spec-{number}">') :]
    top = spec.split('<table class="text">', 1)[0]
    assert "About the whole spec" in top and escape(missing["message"]) in top


def test_spec_text_is_escaped_not_rendered(seeds_report):
    page, _ = seeds_report
    raw = '<ul style="list-style-type: none">'
    assert any(raw in seed.read_text(encoding="utf-8") for seed in SEEDS), "the seeds are expected to hold HTML debris"
    assert raw not in page
    assert escape(raw) in page
    assert not [attrs for tag, attrs in parse_page(page).tags if tag in ("ul", "li") and "style" in attrs]


def test_page_is_self_contained(seeds_report):
    page, _ = seeds_report
    tags = parse_page(page).tags
    assert not [tag for tag, _ in tags if tag in ("link", "img", "iframe", "object", "embed")]
    for tag, attrs in tags:
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), (tag, attrs)
    assert "@import" not in page and "url(" not in page


def test_summaries_by_spec_and_by_category(seeds_report):
    page, violations = seeds_report
    assert "Summary by spec" in page and "Summary by category" in page
    for number in range(1, len(SEEDS) + 1):
        assert f'href="#spec-{number}"' in page and f'id="spec-{number}"' in page
    assert "Editing leftovers" in page and "Physical demands" in page  # categories in plain words
    errors = sum(1 for v in violations if v["severity"] == "error")
    assert f"{len(violations)} problems ({errors} errors," in page


def test_overlaps_zero_width_ranges_and_read_errors(tmp_path):
    spec = tmp_path / "clerk.txt"
    spec.write_text("CLERK\n<script>alert(1)</script> & more\nshort\n", encoding="utf-8")
    path = str(spec)

    def at(line, column, end_column, code, severity="warning", suggestion=None, end_line=None):
        message = f"message {code}"
        return Violation(path, line, column, end_line or line, end_column, code, "a-rule", "markup", severity, message, suggestion)

    violations = [
        at(2, 1, 9, "M604", suggestion=""),  # "<script>"
        at(2, 5, 15, "M699", severity="error"),  # overlaps the first
        at(2, 29, 29, "M610"),  # no width: a missing space
        at(3, 3, 99, "T401"),  # runs past the end of the line
        at(2, 30, 3, "X904", end_line=3),  # spans two lines: marked to the end of the first
    ]
    results = [FileResult(path, violations), FileResult(str(tmp_path / "empty.txt"), error=f"{tmp_path / 'empty.txt'}: file is empty")]
    stream = io.StringIO()
    formatter("html")(results, stream, {"errors": ["gone.txt: no such file or directory"]})
    page = stream.getvalue()
    parsed = parse_page(page)
    assert "<script>alert" not in page and "1)&lt;/script&gt; &amp; " in page
    marks = {(row, refs): text for row, refs, text in parsed.marks}
    assert marks[("spec-1-L2", "spec-1-n1")] == "<scr"
    assert marks[("spec-1-L2", "spec-1-n1 spec-1-n2")] == "ipt>"
    assert marks[("spec-1-L2", "spec-1-n2")] == "alert("
    assert marks[("spec-1-L3", "spec-1-n5")] == "ort"
    assert 'href="#spec-1-n3"' in page  # the zero-width finding still has its numbered pointer
    assert "Suggested change: delete it" in page
    errors_at = page.index("Files that could not be checked")
    assert errors_at < page.index("Summary by spec")
    assert "gone.txt: no such file or directory" in page and "empty.txt: file is empty" in page


def test_stdin_text_is_shown_as_read(run_speclint):
    text = "ACCOUNTANT II\n\nDEFINITION\nPerforms accounting work.[GK1]\n"
    result = run_speclint("check", "--format", "html", "-", "--stdin-filename", "drafts/accountant.txt", input=text)
    assert result.returncode == 1, result.stderr
    assert "drafts/accountant.txt" in result.stdout
    assert "Performs accounting work.<mark" in result.stdout and ">[GK1]</mark>" in result.stdout


# -- in a real browser ---------------------------------------------------------------------
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, installed with apt-get when missing (test set-up may use the Debian registry)."""
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if found:
        return found
    if not shutil.which("apt-get") or os.geteuid() != 0:
        pytest.skip("chromium is not installed and cannot be installed here (needs apt-get as root)")
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    try:
        done = subprocess.run(install, capture_output=True, text=True, env=environment, timeout=900)
        if done.returncode != 0:  # a fresh machine has no package lists yet
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, text=True, env=environment, timeout=600)
            done = subprocess.run(install, capture_output=True, text=True, env=environment, timeout=900)
    except subprocess.TimeoutExpired:
        pytest.skip("installing chromium with apt-get took too long")
    found = shutil.which("chromium")
    if done.returncode != 0 or not found:
        pytest.skip(f"chromium could not be installed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
    return found


def run_chromium(chromium, tmp_path, *args):
    profile = tmp_path / "chromium-profile"
    command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def console_messages(stderr: str) -> list[str]:
    """What the page wrote to its console (errors, uncaught exceptions, failed loads): Chromium logs each as CONSOLE."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def png_facts(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the pixel data) of a PNG: enough to tell a page from a blank."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            chunks.append(data[position + 8 : position + 8 + length])
        position += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return width, height, len(set(pixels))


def test_report_in_headless_chromium(chromium, run_speclint, tmp_path):
    report = tmp_path / "report.html"
    made = run_speclint("check", "--format", "html", "--output", report, *[seed.relative_to(ROOT) for seed in SEEDS], cwd=ROOT)
    assert made.returncode == 1, made.stderr
    assert report.is_file()

    # The console check must be able to fail: a page with a console error and an exception shows both.
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><title>probe</title><script>console.error("probe error"); missingFunction();</script>')
    seen = console_messages(run_chromium(chromium, tmp_path, "--dump-dom", probe.as_uri()).stderr)
    assert any("probe error" in line for line in seen) and any("Uncaught" in line for line in seen), seen

    # The page loads, its script runs, and it writes nothing to the console.
    dom = run_chromium(chromium, tmp_path, "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_messages(dom.stderr) == []
    assert '<html lang="en" class="js">' in dom.stdout  # the inline script ran
    assert dom.stdout.count("<mark ") == report.read_text(encoding="utf-8").count("<mark ")
    assert "Class specification review" in dom.stdout

    screenshot = tmp_path / "report.png"
    shot = run_chromium(chromium, tmp_path, f"--screenshot={screenshot}", "--window-size=1280,2000", report.as_uri())
    assert shot.returncode == 0 and screenshot.is_file(), shot.stderr[-2000:]
    assert console_messages(shot.stderr) == []
    width, height, distinct = png_facts(screenshot)
    assert (width, height) == (1280, 2000)
    assert screenshot.stat().st_size > 20_000 and distinct > 50, "the screenshot looks blank"
    if os.environ.get("SPECLINT_SAVE_SCREENSHOT"):
        SCREENSHOT_COPY.parent.mkdir(exist_ok=True)
        shutil.copyfile(screenshot, SCREENSHOT_COPY)
