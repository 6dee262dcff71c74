"""The .docx reader and M620-M629, on small Word documents built here (python-docx plus raw XML)."""

from __future__ import annotations

import io
import zipfile

import pytest

docx = pytest.importorskip("docx")
from conftest import CLEAN, ROOT  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from speclint.config import Config  # noqa: E402
from speclint.lint import lint_source  # noqa: E402
from speclint.read import ReadError, read_bytes, read_path  # noqa: E402

SEED = ROOT / "specs" / "seeds" / "002_5b8ce3f32fb20e96.txt"
WHO = 'w:author="Gina Kowalski" w:date="2024-03-05T10:00:00Z"'


# -- building documents ------------------------------------------------------------------------


def new_document(*paragraphs: str):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return document


def add_xml_paragraph(document, inner: str, ppr: str = ""):
    """Append <w:p> with raw runs (tracked changes, fields ...) to the body, before the section properties."""
    paragraph = parse_xml(f"<w:p {nsdecls('w')}>{ppr}{inner}</w:p>")
    body = document.element.body
    body.insert(len(body) - 1, paragraph)
    return paragraph


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read(document, name="spec.docx"):
    return read_bytes(to_bytes(document), name)


def lint(document, name="spec.docx"):
    return lint_source(read(document, name), Config())


def findings(document, prefix="M62"):
    return [v for v in lint(document) if v.code.startswith(prefix)]


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def document_from_lines(lines: list[str]):
    return new_document(*lines)


# -- the text view -----------------------------------------------------------------------------


def test_one_line_per_paragraph_body_then_headers_footers():
    document = new_document("CLERK TYPIST", "DEFINITION", "Types letters.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Grade"
    table.cell(0, 1).text = "12"
    table.cell(1, 0).text = "FLSA"
    table.cell(1, 1).text = "Non-Exempt"
    document.add_paragraph("After the table.")
    document.sections[0].header.paragraphs[0].text = "City of Springfield"
    document.sections[0].footer.paragraphs[0].text = "Page footer text"
    source = read(document)
    assert source.kind == "docx"
    assert source.lines == [
        "CLERK TYPIST",
        "DEFINITION",
        "Types letters.",
        "Grade",
        "12",
        "FLSA",
        "Non-Exempt",
        "After the table.",
        "City of Springfield",
        "Page footer text",
    ]
    assert source.view == source.lines


def test_accepted_text_insertions_in_deletions_and_moves_out():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        run("Under general ")
        + f'<w:del w:id="1" {WHO}><w:r><w:delText>supervision</w:delText></w:r></w:del>'
        + f'<w:ins w:id="2" {WHO}>{run("direction")}</w:ins>'
        + f'<w:moveFrom w:id="3" {WHO}>{run(" moved away")}</w:moveFrom>'
        + f'<w:moveTo w:id="4" {WHO}>{run(", plans work")}</w:moveTo>'
        + run(".\t(tab)"),
    )
    source = read(document)
    assert source.lines[1] == "Under general direction, plans work.\t(tab)"
    kinds = [(s.kind, s.column, s.end_column) for s in source.signals]
    assert ("deletion", 15, 15) in kinds
    assert ("insertion", 15, 24) in kinds
    assert ("move", 24, 36) in kinds  # moved here
    assert ("move", 24, 24) in kinds  # moved away from here


def test_fields_show_their_result_not_their_code_and_content_controls_are_read():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        run("See ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("3")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:fldSimple w:instr=" DATE "><w:r><w:t>today</w:t></w:r></w:fldSimple>'
        + f"<w:sdt><w:sdtPr/><w:sdtContent>{run(' in control')}</w:sdtContent></w:sdt>"
        + "<w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t></w:r>",
    )
    assert read(document).lines[1] == "See 3today in controla b-c"


def test_lists_get_their_bullet_or_number():
    document = docx.Document()
    document.add_paragraph("Duties", style="List Bullet")
    document.add_paragraph("First", style="List Number")
    document.add_paragraph("Second", style="List Number")
    lines = read(document).lines
    assert lines[0] == "• Duties"
    assert lines[1:] == ["1. First", "2. Second"]


def test_text_boxes_are_read_once():
    document = new_document("TITLE")
    box = f"<w:txbxContent><w:p>{run('In the box')}</w:p></w:txbxContent>"
    add_xml_paragraph(
        document,
        run("Before")
        + '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        + f'<mc:Choice Requires="wps"><w:drawing><wrap>{box}</wrap></w:drawing></mc:Choice>'
        + f"<mc:Fallback><w:pict><wrap>{box}</wrap></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
    )
    assert read(document).lines == ["TITLE", "Before", "In the box"]


# -- each signal and its rule ------------------------------------------------------------------


def test_tracked_changes_are_reported_with_text_author_and_date():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        run("Under general ")
        + f'<w:del w:id="1" {WHO}><w:r><w:delText>supervision</w:delText></w:r></w:del>'
        + f'<w:ins w:id="2" {WHO}>{run("direc")}</w:ins><w:ins w:id="3" {WHO}>{run("tion")}</w:ins>'
        + f'<w:moveTo w:id="4" {WHO}>{run(" moved")}</w:moveTo>',
    )
    found = {v.code: v for v in findings(document)}
    assert set(found) >= {"M620", "M621", "M622"}
    insertion = found["M620"]
    assert (insertion.line, insertion.column, insertion.end_column) == (2, 15, 24)  # the two w:ins merged
    assert '"direction"' in insertion.message and "Gina Kowalski" in insertion.message and "2024-03-05" in insertion.message
    assert '"supervision"' in found["M621"].message and found["M621"].severity == "error"
    assert '"moved"' in found["M622"].message


def test_formatting_changes_are_reported():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        run("Bold now", f'<w:b/><w:rPrChange w:id="5" {WHO}><w:rPr/></w:rPrChange>'),
        ppr=f'<w:pPr><w:jc w:val="center"/><w:pPrChange w:id="6" {WHO}><w:pPr/></w:pPrChange></w:pPr>',
    )
    messages = [v.message for v in findings(document) if v.code == "M623"]
    assert len(messages) == 2
    assert any('"Bold now" formatting changed by Gina Kowalski on 2024-03-05' in m for m in messages)
    assert any("paragraph formatting changed" in m for m in messages)


def test_comment_is_reported_on_its_paragraph_with_text_and_author():
    document = new_document("TITLE", "DEFINITION")
    paragraph = document.add_paragraph("Plans and supervises the billing ")
    commented = paragraph.add_run("workflow")
    paragraph.add_run(" of the District.")
    document.add_comment(commented, text="Is this still accurate?", author="Gina Kowalski", initials="GK")
    (comment,) = findings(document)
    assert comment.code == "M624" and comment.line == 3
    assert (comment.column, comment.end_column) == (34, 42)
    assert '"Is this still accurate?" by Gina Kowalski' in comment.message and 'on "workflow"' in comment.message


def test_highlight_and_shading():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        run("Plain ")
        + run("check this", '<w:highlight w:val="yellow"/>')
        + run(" and ")
        + run("shaded", '<w:shd w:val="clear" w:fill="FFFF00"/>'),
    )
    found = [v for v in findings(document) if v.code == "M625"]
    assert [(v.column, v.end_column) for v in found] == [(7, 17), (22, 28)]
    assert '"check this" highlighted in yellow' in found[0].message and found[0].severity == "warning"


def test_strike_and_double_strike():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        run("keep ") + run("gone", "<w:strike/>") + run(" and ") + run("twice", "<w:dstrike/>") + run(" off", '<w:strike w:val="0"/>'),
    )
    messages = [v.message for v in findings(document) if v.code == "M626"]
    assert len(messages) == 2
    assert '"gone" struck through' in messages[0] and '"twice" double struck through' in messages[1]


def test_hidden_text_is_reported_and_left_out_of_the_view():
    document = new_document("TITLE")
    add_xml_paragraph(document, run("Shown.") + run(" Secret note.", "<w:vanish/>"))
    source = read(document)
    assert source.lines[1] == "Shown."
    (hidden,) = findings(document)
    assert hidden.code == "M627" and "Secret note." in hidden.message


def test_leftover_fields_and_placeholders():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + run("Click or tap here to enter text.", '<w:rStyle w:val="PlaceholderText"/>')
        + "</w:sdtContent></w:sdt>",
    )
    add_xml_paragraph(
        document,
        run("As in section ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref123 \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("Error! Reference source not found.")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    add_xml_paragraph(
        document,
        run("Dear ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD FirstName </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("«FirstName»")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    found = [v for v in findings(document) if v.code == "M628"]
    assert [v.line for v in found] == [2, 3, 4]  # once each, however many ways each was spotted
    assert "Click or tap here to enter text." in found[0].message
    assert "Reference source not found" in found[1].message
    assert "MERGEFIELD FirstName" in found[2].message


def test_typed_placeholder_text_without_a_control_is_found_too():
    document = new_document("TITLE", "Salary: Click or tap here to enter text.")
    (found,) = findings(document)
    assert found.code == "M628" and found.line == 2 and found.column == 9


def test_track_changes_switched_on_is_a_file_level_finding():
    document = new_document("TITLE", "Text.")
    document.settings.element.append(parse_xml(f"<w:trackRevisions {nsdecls('w')}/>"))
    (found,) = findings(document)
    assert (found.code, found.line, found.column, found.severity) == ("M629", 1, 0, "warning")


def test_headers_and_footers_are_checked_too():
    document = new_document("TITLE", "Body.")
    header = document.sections[0].header.paragraphs[0]
    header.add_run("Draft - ").font.highlight_color = 7  # WD_COLOR_INDEX.YELLOW
    header.add_run("City")
    document.sections[0].footer.paragraphs[0].add_run("Old footer").font.strike = True
    found = {v.code: v for v in findings(document)}
    assert found["M625"].line == 3 and found["M626"].line == 4


def test_a_wholly_deleted_paragraph_leaves_no_line_and_is_reported_on_the_next():
    document = new_document("TITLE")
    add_xml_paragraph(
        document,
        f'<w:del w:id="1" {WHO}><w:r><w:delText>An old duty.</w:delText></w:r></w:del>',
        ppr=f'<w:pPr><w:rPr><w:del w:id="2" {WHO}/></w:rPr></w:pPr>',
    )
    document.add_paragraph("Next duty.")
    source = read(document)
    assert source.lines == ["TITLE", "Next duty."]
    deletions = [v for v in findings(document) if v.code == "M621"]
    assert deletions and all(v.line == 2 for v in deletions)
    assert any('"An old duty."' in v.message for v in deletions)


def test_a_sound_document_lints_clean():
    for path in CLEAN:
        if path.suffix != ".txt":
            continue
        document = document_from_lines(path.read_text(encoding="utf-8").splitlines())
        document.sections[0].header.paragraphs[0].text = ""
        violations = lint(document, name=path.stem + ".docx")
        assert violations == [], f"{path.name}: {violations[0]}"


# -- done when: a seed spec in Word ------------------------------------------------------------


def seed_document_with_markup():
    """specs/seeds/002 as Word, one paragraph per line, with a tracked insertion and deletion, a comment and a highlight.

    The accepted text is the .txt exactly, so the content findings must be the same."""
    lines = seed_lines()
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    paragraphs = document.paragraphs
    # line 4 "Under general supervisiondirection, plans, ..." : "direction" inserted, "oversight" deleted
    line4 = lines[3]
    at = line4.index("direction")
    target = paragraphs[3]._p
    for child in list(target):
        if child.tag.endswith("}r"):
            target.remove(child)
    for xml in (
        run(line4[:at]),
        f'<w:del w:id="11" {WHO}><w:r><w:delText>oversight</w:delText></w:r></w:del>',
        f'<w:ins w:id="12" {WHO}>{run("direction")}</w:ins>',
        run(line4[at + len("direction") :]),
    ):
        target.append(
            parse_xml(
                xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)
                .replace("<w:del ", f"<w:del {nsdecls('w')} ", 1)
                .replace("<w:ins ", f"<w:ins {nsdecls('w')} ", 1)
            )
        )
    # a comment on line 12's "Human" and a highlight on line 17's "District"
    line12 = paragraphs[11]
    text12 = line12.text
    line12.text = ""
    cut = text12.index("Human")
    line12.add_run(text12[:cut])
    anchor = line12.add_run(text12[cut : cut + len("Human")])
    line12.add_run(text12[cut + len("Human") :])
    document.add_comment(anchor, text="Which title is current?", author="Gina Kowalski", initials="GK")
    line17 = paragraphs[16]
    text17 = line17.text
    cut = text17.index("District")
    line17.text = ""
    line17.add_run(text17[:cut])
    line17.add_run("District").font.highlight_color = 7
    line17.add_run(text17[cut + len("District") :])
    return document, lines


def test_seed_in_word_reports_every_change_and_gets_the_txt_findings():
    document, lines = seed_document_with_markup()
    source = read(document, "002.docx")
    assert source.lines == lines  # the accepted text is the .txt
    violations = lint_source(source, Config())
    markup = sorted((v.code, v.line, v.column) for v in violations if v.code.startswith("M62"))
    at = lines[3].index("direction") + 1
    assert markup == [
        ("M620", 4, at),
        ("M621", 4, at),
        ("M624", 12, lines[11].index("Human") + 1),
        ("M625", 17, lines[16].index("District") + 1),
    ]
    txt = read_path(SEED)
    expected = sorted((v.code, v.line, v.column, v.end_line, v.end_column) for v in lint_source(txt, Config()))
    content = sorted((v.code, v.line, v.column, v.end_line, v.end_column) for v in violations if not v.code.startswith("M62"))
    assert content == expected
    assert len(expected) > 10


# -- robustness ----------------------------------------------------------------------------------


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, content: bytes | None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    if content is None:
        members.pop(name)
    else:
        members[name] = content
    return _zip(members)


GOOD = None


def good_bytes() -> bytes:
    global GOOD
    if GOOD is None:
        GOOD = to_bytes(new_document("CLERK", "DEFINITION", "Types letters."))
    return GOOD


BAD_FILES = {
    "encrypted": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected"),
    "not a zip": (lambda: b"Just some text pretending to be Word.\n", "not a Word document"),
    "empty": (lambda: b"", "empty"),
    "truncated": (lambda: good_bytes()[: len(good_bytes()) // 2], "damaged Word file"),
    "corrupt": (lambda: good_bytes()[:200] + b"\xff" * 500 + good_bytes()[700:], "damaged Word file"),
    "no document.xml": (lambda: _replace_member(good_bytes(), "word/document.xml", None), "no word/document.xml"),
    "invalid XML": (lambda: _replace_member(good_bytes(), "word/document.xml", b"<w:document><unclosed>"), "damaged Word file"),
    "an entity bomb": (
        lambda: _replace_member(
            good_bytes(),
            "word/document.xml",
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
            b"</w:body></w:document>",
        ),
        "",
    ),
    "a zip bomb": (lambda: _replace_member(good_bytes(), "word/media/big.bin", b"\0" * (60 * 1024 * 1024)), "zip bomb"),
    "a plain zip": (lambda: _zip({"readme.txt": b"hello"}), "not a Word document"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_are_one_line_errors(case):
    make, reason = BAD_FILES[case]
    data = make()
    if case == "an entity bomb":
        try:
            source = read_bytes(data, "bad.docx")
        except ReadError as error:
            assert "\n" not in str(error)
        else:
            assert all("aaaaaaaaaa" not in line for line in source.lines)  # entities are never expanded
        return
    with pytest.raises(ReadError) as caught:
        read_bytes(data, "specs/bad.docx")
    message = str(caught.value)
    assert message.startswith("specs/bad.docx: ") and "\n" not in message
    assert reason in caught.value.reason


def test_a_document_with_no_text_is_an_error():
    with pytest.raises(ReadError, match="no text"):
        read(new_document("", "  "))


# -- the command line ----------------------------------------------------------------------------


def test_cli_lints_docx_in_folders_reports_bad_ones_and_goes_on(tmp_path, run_speclint):
    document, _ = seed_document_with_markup()
    (tmp_path / "seed.docx").write_bytes(to_bytes(document))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "notes.txt").write_text("CLERK\nDEFINITION\nTypes letters.\n", encoding="utf-8")
    result = run_speclint("check", tmp_path)
    assert result.returncode == 2
    assert "broken.docx: damaged Word file" in result.stderr
    assert "seed.docx:4:" in result.stdout and "M620" in result.stdout
    comment = next(line for line in result.stdout.splitlines() if " M624 " in line)
    assert 'Context: "' in comment and "Human" in comment.split("Context:")[1]
    assert "notes.txt" in result.stdout


def test_dump_text_prints_the_view_with_line_numbers(tmp_path, run_speclint):
    path = tmp_path / "spec.docx"
    path.write_bytes(to_bytes(new_document("CLERK TYPIST", "DEFINITION")))
    result = run_speclint("check", "--dump-text", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == ["    1  CLERK TYPIST", "    2  DEFINITION"]


# -- check --fix: a corrected copy ---------------------------------------------------------------

SAFE_FIXED = ("M602", "M604", "M606")


def document_to_fix():
    """Safe fixes in plain runs, a bold run that no fix touches, and "Useing" in the header."""
    document = new_document(
        "CLERK TYPIST",
        "DEFINITION",
        "Useing initiative, types letters [GK1] and reports.",
        "Prepares <b>weekly</b> reports.",
    )
    paragraph = document.add_paragraph("Keeps ")
    paragraph.add_run("bold records").bold = True
    paragraph.add_run(" and files.")
    document.sections[0].header.paragraphs[0].text = "Useing the city header"
    return document


def test_fix_writes_a_corrected_copy_and_never_changes_the_docx(tmp_path, run_speclint):
    path = tmp_path / "spec.docx"
    original = to_bytes(document_to_fix())
    path.write_bytes(original)
    assert {v.code for v in lint_source(read_bytes(original, "spec.docx"), Config())} >= set(SAFE_FIXED)
    result = run_speclint("check", "--fix", path)
    copy = tmp_path / "spec.fixed.docx"
    assert path.read_bytes() == original
    assert copy.exists(), result.stderr
    assert f"speclint: wrote corrected copy {copy} (5 fixes); the original is unchanged" in result.stderr.splitlines()
    assert result.returncode == 1  # the original keeps its problems
    fixed = read_path(copy)
    assert fixed.lines[2:6] == [
        "Using initiative, types letters  and reports.",
        "Prepares weekly reports.",
        "Keeps bold records and files.",
        "Using the city header",
    ]
    assert not [v for v in lint_source(fixed, Config()) if v.code in SAFE_FIXED]
    runs = docx.Document(str(copy)).paragraphs[4].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [("Keeps ", False), ("bold records", True), (" and files.", False)]
    copy.write_bytes(b"an old copy")  # a copy already there is replaced
    again = run_speclint("check", "--fix", path)
    assert "wrote corrected copy" in again.stderr
    assert read_path(copy).lines == fixed.lines and path.read_bytes() == original


def test_fixed_copy_edits_only_run_text_and_skips_edits_across_a_tab():
    from speclint.read.docx import write_fixed_copy

    document = new_document("TITLE")
    add_xml_paragraph(document, run("Use", "<w:b/>") + run("ing tools") + "<w:r><w:tab/></w:r>" + run("Pending  "))
    data = to_bytes(document)
    assert read_bytes(data, "spec.docx").lines[1] == "Useing tools\tPending  "
    edits = {
        1: [(0, 6, "Using"), (10, 15, "X"), (13, 20, "Done")],  # across two runs; across the tab; in one run
        0: [(1, 3, "x"), (0, 2, "Ti")],  # overlapping: the one that starts first is made
        9: [(0, 1, "x")],  # no such line
    }
    fixed, applied = write_fixed_copy(data, edits, "spec.docx")
    assert applied == 3
    source = read_bytes(fixed, "spec.docx")
    assert source.lines == ["TiTLE", "Using tools\tDone  "]
    texts = [t for t in docx.Document(io.BytesIO(fixed)).element.body.iter(f"{{{docx.oxml.ns.nsmap['w']}}}t")]
    assert [t.text for t in texts[1:]] == ["Using", " tools", "Done  "]
    assert texts[2].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert write_fixed_copy(data, {1: [(11, 14, "")]}, "spec.docx")[1] == 0  # the tab is in it: nothing changes


def test_a_list_number_is_not_edited():
    from speclint.read.docx import write_fixed_copy

    document = docx.Document()
    document.add_paragraph("Useing tools", style="List Number")
    data = to_bytes(document)
    assert read_bytes(data, "spec.docx").lines == ["1. Useing tools"]
    fixed, applied = write_fixed_copy(data, {0: [(0, 4, ""), (3, 9, "Using")]}, "spec.docx")
    assert applied == 1
    assert read_bytes(fixed, "spec.docx").lines == ["1. Using tools"]


def test_diff_says_once_it_cannot_show_word_files_and_writes_nothing(tmp_path, run_speclint):
    path = tmp_path / "spec.docx"
    path.write_bytes(to_bytes(document_to_fix()))
    result = run_speclint("check", "--diff", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    notes = [line for line in result.stderr.splitlines() if "Word" in line]
    assert notes == ["speclint: --diff cannot show a diff for Word files: 1 .docx file skipped (--fix writes a corrected copy)."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.docx"]
