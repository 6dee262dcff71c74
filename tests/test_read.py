"""Stage 1, the reader: bytes in any encoding a class spec arrives in become lines
plus a cleaned view of the same shape, or a one-line ReadError."""

from __future__ import annotations

import codecs

import pytest

from speclint.read import ReadError, SourceText, read_bytes, read_path

SPEC = "Accountant II\r\nDEFINITION\r\nUnder general direction, performs professional accounting work.\r\n"


def _same_shape(source: SourceText) -> None:
    assert len(source.view) == len(source.lines)
    for number, (line, view) in enumerate(zip(source.lines, source.view, strict=True), start=1):
        assert len(view) == len(line), f"line {number} changed length in the view"


# -- decoding ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SPEC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPEC.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SPEC.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SPEC.encode("utf-16-be"), "utf-16"),
        (SPEC.encode("utf-16-le"), "utf-16-le"),
        (SPEC.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "utf-16-be-no-bom"],
)
def test_unicode_encodings_decode_to_the_same_lines(data, encoding):
    source = read_bytes(data, "spec.txt")
    assert source.encoding == encoding
    assert source.lines == [
        "Accountant II",
        "DEFINITION",
        "Under general direction, performs professional accounting work.",
    ]
    assert source.newline == "\r\n"
    assert not source.lines[0].startswith("\ufeff"), "the byte order mark is not text"
    _same_shape(source)


def test_utf8_text_keeps_non_ascii_characters():
    source = read_bytes("Director’s “Office” – Señor Café\n".encode(), "spec.txt")
    assert source.encoding == "utf-8"
    assert source.lines == ["Director’s “Office” – Señor Café"]


def test_windows_1252_smart_punctuation():
    data = b"Director\x92s Office\r\n\x93Exempt\x94 \x96 see below\r\n"
    source = read_bytes(data, "spec.txt")
    assert source.encoding == "cp1252"
    assert source.lines == ["Director\u2019s Office", "\u201cExempt\u201d \u2013 see below"]
    assert source.view == source.lines


def test_undecodable_bytes_are_a_read_error_not_a_crash():
    # 0x81 is neither UTF-8 nor a Windows-1252 character.
    with pytest.raises(ReadError) as caught:
        read_bytes(b"Definition \x81\x8d\x90 text\n", "odd.txt")
    assert str(caught.value).startswith("odd.txt: ")
    assert "decode" in caught.value.reason


# -- lines, columns and the view --------------------------------------------


def test_crlf_lone_cr_and_lf_each_end_one_line():
    source = read_bytes(b"one\r\ntwo\rthree\nfour\r\n", "spec.txt")
    assert source.lines == ["one", "two", "three", "four"]


def test_blank_lines_keep_their_numbers():
    source = read_bytes(b"one\r\n\r\n\r\nfour\r\n\r\n", "spec.txt")
    assert source.lines == ["one", "", "", "four", ""]
    assert source.view[3] == "four"


def test_form_feed_is_not_a_line_break_and_becomes_a_space():
    source = read_bytes(b"end of page one.\fDEFINITION\nnext\n", "spec.txt")
    assert source.lines == ["end of page one.\fDEFINITION", "next"]
    assert source.view[0] == "end of page one. DEFINITION"
    assert source.view[0].index("DEFINITION") == source.lines[0].index("DEFINITION")
    _same_shape(source)


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0fc", "\uf0a7"])
def test_private_use_bullets_read_as_bullets_in_place(glyph):
    line = f"  {glyph}\tOperates a personal computer."
    source = read_bytes(f"Skills\n{line}\n".encode(), "spec.txt")
    assert source.lines[1] == line, "lines keep the original characters"
    assert source.view[1] == "  \u2022\tOperates a personal computer."
    assert source.view[1].index("Operates") == line.index("Operates")
    _same_shape(source)


def test_view_has_the_shape_of_the_lines_for_a_messy_file():
    text = (
        "\ufeffTitle\u00a0Line\r\n"
        "\uf0b7 item\u200bone\fpage\r"
        "soft\u00adhyphen <!-- speclint-disable-line M602 -->\n"
        "\u2028odd separator\u2029\r\n"
        "speclint-disable-next-line: M604, html-markup\n"
    )
    source = read_bytes(text.encode("utf-8"), "spec.txt")
    assert len(source.lines) == 5
    _same_shape(source)
    assert source.view[0] == "Title Line"
    assert source.view[1] == "\u2022 item one page"


def test_position_maps_offsets_back_to_lines_and_columns():
    data = b"ACCOUNTANT II\r\n\r\nDEFINITION\r\n  Under general\fdirection.\r\n\xef\x82\xb7 Knowledge\n"
    source = read_bytes(data, "spec.txt")
    text = source.text
    assert source.position(text.index("ACCOUNTANT")) == (1, 1)
    assert source.position(text.index("II")) == (1, 12)
    assert source.position(text.index("DEFINITION")) == (3, 1)
    assert source.position(text.index("Under")) == (4, 3)
    assert source.position(text.index("direction")) == (4, 17)
    assert source.position(text.index("Knowledge")) == (5, 3)
    assert source.lines[4][3 - 1 :].startswith("Knowledge")
    for line in range(1, len(source.lines) + 1):
        assert source.position(source.line_offset(line)) == (line, 1)


def test_position_column_points_at_the_same_character_in_the_original_line():
    data = "Title\n\tSupervision\u00a0received\uf0b7 from the Director\n".encode()
    source = read_bytes(data, "spec.txt")
    offset = source.text.index("from")
    line, column = source.position(offset)
    assert (line, column) == (2, 24)
    assert source.lines[line - 1][column - 1 :] == "from the Director"


# -- suppression directives -------------------------------------------------


def test_inline_directive_is_blanked_in_the_view_only():
    line = "Minimum of two yrs. experience. <!-- speclint-disable-line M602 -->"
    source = read_bytes(f"{line}\n".encode(), "spec.txt")
    assert source.lines[0] == line
    assert source.view[0].rstrip() == "Minimum of two yrs. experience."
    assert source.view[0] == "Minimum of two yrs. experience." + " " * (len(line) - len("Minimum of two yrs. experience."))
    assert "speclint" not in source.text


def test_next_line_directive_is_blanked_and_the_line_below_is_kept():
    data = b"speclint-disable-next-line: M604\nFLSA: exempt\n"
    source = read_bytes(data, "spec.txt")
    assert source.lines == ["speclint-disable-next-line: M604", "FLSA: exempt"]
    assert source.view[0].strip() == ""
    assert len(source.view[0]) == len(source.lines[0])
    assert source.view[1] == "FLSA: exempt"


def test_the_word_speclint_alone_is_left_alone():
    source = read_bytes(b"We use speclint and speclint-like tools.\n", "spec.txt")
    assert source.view == source.lines


# -- errors: one line, starting with the path ---------------------------------


def _error_for(path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_path(path)
    error = caught.value
    message = str(error)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message
    assert error.path == str(path)
    assert error.reason and message.endswith(error.reason)
    return error


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _error_for(path).reason


@pytest.mark.parametrize("data", [b"  \r\n\t\n\n   ", codecs.BOM_UTF8 + b" \n", codecs.BOM_UTF16_LE + " \r\n".encode("utf-16-le")])
def test_whitespace_only_file(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    assert "empty" in _error_for(path).reason


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    reason = _error_for(path).reason
    assert "binary" in reason and "NUL" in reason


def test_mostly_control_characters(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_bytes(b"DEFINITION\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x1B]) * 10)
    reason = _error_for(path).reason
    assert "binary" in reason and "control" in reason


def test_a_few_control_characters_are_still_text(tmp_path):
    path = tmp_path / "spec.txt"
    path.write_bytes(b"DEFINITION\nUnder general direction\x07, performs accounting work for the department.\n")
    source = read_path(path)
    assert source.lines[1].startswith("Under general direction\x07,")


def test_directory(tmp_path):
    assert "directory" in _error_for(tmp_path).reason


def test_missing_file(tmp_path):
    assert "no such file" in _error_for(tmp_path / "nope.txt").reason


@pytest.mark.parametrize(
    "name, expected",
    [("spec.docx", "damaged Word file"), ("spec.pdf", "truncated"), ("SPEC.PDF", "truncated")],
)
def test_broken_word_and_pdf_files_are_one_line_errors(tmp_path, name, expected):
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not really a document" if "docx" in name else b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    error = _error_for(path)
    assert expected in error.reason
    assert str(error).startswith(str(path) + ": ") and "\n" not in str(error)


def test_old_word_doc_files_are_refused_with_how_to_fix(tmp_path):
    path = tmp_path / "spec.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "save the spec as .docx" in _error_for(path).reason


def test_read_bytes_error_names_the_given_path():
    with pytest.raises(ReadError) as caught:
        read_bytes(b"", "specs/x.txt")
    assert str(caught.value) == "specs/x.txt: file is empty"


# -- read_path ----------------------------------------------------------------


def test_read_path_reads_a_file_and_marks_markdown(tmp_path):
    text_file = tmp_path / "a.txt"
    text_file.write_bytes(SPEC.encode("cp1252"))
    markdown_file = tmp_path / "a.md"
    markdown_file.write_text("# Accountant II\n\n## Definition\n", encoding="utf-8")
    plain = read_path(text_file)
    marked = read_path(markdown_file)
    assert plain.path == str(text_file) and not plain.markdown
    assert plain.lines[1] == "DEFINITION"
    assert marked.markdown and marked.lines == ["# Accountant II", "", "## Definition"]


def test_seeds_keep_their_shape_and_lose_private_use_bullets_in_the_view():
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parent.parent / "specs" / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    for seed in seeds:
        source = read_path(seed)
        _same_shape(source)
        assert source.text.count("\n") == len(source.lines) - 1
        assert not any("\uf0a7" in line or "\uf0b7" in line for line in source.view)
    bulleted = read_path(next(s for s in seeds if s.name.startswith("004")))
    assert bulleted.lines[118].startswith("\uf0a7 Conduct daily opening")
    assert bulleted.view[118].startswith("\u2022 Conduct daily opening")


def test_the_view_worked_out_for_the_whole_text_is_the_view_of_each_line():
    import random

    from speclint.read.text import clean_line, clean_lines, split_lines

    pieces = ["a", "B", " ", "\r\n", "\r", "\n", "\f", "\v", "\u00a0", "\u200b", "\ufeff", "\x85", "\u2028", "\ue000", "\uf0b7", "\uf8ff",
              "\uf900", "é", "speclint-disable-line D701", "<!-- speclint-disable -->", "speclint-", "\t"]
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        lines, _ = split_lines(text)
        assert clean_lines(text, lines) == [clean_line(line) for line in lines]


def test_offsets_are_where_each_line_starts_in_the_text():
    for view in ([], [""], ["a"], ["ab", "", "c"], ["x" * 5] * 4):
        source = SourceText("spec.txt", list(view), list(view))
        assert source.offsets() == [len("\n".join(view[:index] + [""])) if index else 0 for index in range(len(view))]
        for index in range(len(view)):
            assert source.text[: source.offsets()[index]].count("\n") == index


def test_control_characters_are_counted_as_the_pattern_counts_them():
    import random

    from speclint.read.text import _CONTROL, _NOT_CONTROL_BYTES

    pieces = ["a", "\x00", "\x07", "\t", "\n", "\x0b", "\x0e", "\x1f", "\x7f", "\x80", "\x85", "é", "\ud800", "\U0001f600", " "]
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        counted = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL_BYTES))
        assert counted == len(_CONTROL.findall(text))
