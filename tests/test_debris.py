"""Document debris (X901, X903-X906): mojibake, hidden characters, line-break hyphens, page
headers and footers, and words split by stray spaces. Raw characters are written into real files
and linted the way a user's file is, because the reader's cleaned view hides most of them."""

from __future__ import annotations

import functools
import json
import re
from types import SimpleNamespace

import pytest
from conftest import CLEAN, ROOT, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.config import Config
from speclint.lint import lint_path, lint_text

DEBRIS = ("X901", "X903", "X904", "X905", "X906")
SEED_003 = ROOT / "specs" / "seeds" / "003_3a99ec717efb1707.txt"


def _debris(violations, codes=DEBRIS):
    return [v for v in violations if v.code in codes]


def _lint_file(tmp_path, data: bytes, name: str = "spec.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    result = lint_path(str(path), Config())
    assert result.error is None, result.error
    return _debris(result.violations)


def _lint(text: str, codes=DEBRIS):
    return _debris(lint_text(text, Config()), codes)


def _as_windows_1252(data: bytes) -> str:
    """Bytes as a Windows-1252 editor shows them; its five undefined bytes (0x9D in "”") pass through."""
    return "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in data)


def _spec(body: str, title: str = "ACCOUNTANT II") -> str:
    return f"{title}\n\nFLSA Status: Exempt\n\nDEFINITION\n\n{body}\n"


# -- the seeds and the clean specs ----------------------------------------------------------------

# Every X90x finding in the real specs, each checked by hand. 003 repeats its title as a running
# page header three times (after duty 4, after duty 19 and at the end of the abilities); 004's
# Symbol-font bullets are X902's (one finding per file). Nothing else in them is debris.
SEED_FINDINGS = {
    "000_90af5b79ccae96a7.txt": [],
    "001_f74263795555f43f.txt": [],
    "002_5b8ce3f32fb20e96.txt": [],
    "003_3a99ec717efb1707.txt": [("X905", 38, 1, 37), ("X905", 56, 1, 37), ("X905", 95, 1, 37)],
    "004_9a5e18c1d995d0e4.txt": [("X902", 119, 1, 2)],
}


def test_every_seed_is_listed():
    assert sorted(path.name for path in SEEDS) == sorted(SEED_FINDINGS)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_debris_is_exactly_the_real_debris(path):
    result = lint_path(str(path), Config())
    found = [(v.code, v.line, v.column, v.end_column) for v in _debris(result.violations, (*DEBRIS, "X902"))]
    assert found == SEED_FINDINGS[path.name]


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_debris(path):
    result = lint_path(str(path), Config())
    assert _debris(result.violations, (*DEBRIS, "X902")) == []


def test_seed_003_title_repeated_as_page_header():
    lines = SEED_003.read_text(encoding="utf-8").splitlines()
    found = [v for v in lint_path(str(SEED_003), Config()).violations if v.code == "X905"]
    assert [v.line for v in found] == [38, 56, 95]
    for v in found:
        assert lines[v.line - 1][v.column - 1 : v.end_column - 1] == "Lead Customer Service Representative"
        assert (v.end_line, v.column, v.end_column) == (v.line, 1, 37)
        assert '"Lead Customer Service Representative"' in v.message
        assert "page header" in v.message and "delete this line" in v.message
        assert v.suggestion == "" and v.fix == "unsafe"
    # Line 5 is the title itself; line 101 has the title as a table value ("Job Title<tab>...").
    assert lines[4] == "LEAD CUSTOMER SERVICE REPRESENTATIVE"
    assert "Job Title\tLead Customer Service Representative" in lines


def test_cli_reports_seed_003_headers(run_speclint):
    result = run_speclint("check", "--select", "X905", "--format", "json", SEED_003)
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    assert [(v["line"], v["column"], v["end_line"], v["end_column"]) for v in found] == [(38, 1, 38, 37), (56, 1, 56, 37), (95, 1, 95, 37)]
    assert {v["category"] for v in found} == {"format"}


# -- X901 mojibake --------------------------------------------------------------------------------


def test_mojibake_from_raw_bytes(tmp_path):
    # What a file looks like after UTF-8 text was opened as Windows-1252 and saved again as UTF-8.
    original = "SUPERVISOR\nEnsures compliance with the District’s Safety Manual – and “Driver Policy”.\n"
    data = _as_windows_1252(original.encode("utf-8")).encode("utf-8")
    found = [v for v in _lint_file(tmp_path, data) if v.code == "X901"]
    assert [(v.line, v.column, v.end_column, v.suggestion, v.fix) for v in found] == [
        (2, 37, 40, "\u2019", "safe"),
        (2, 56, 59, "\u2013", "safe"),
        (2, 64, 67, "\u201c", "safe"),
        (2, 80, 83, "\u201d", "safe"),
    ]
    assert '"â€™"' in found[0].message and '"’"' in found[0].message
    line = data.decode("utf-8").split("\n")[1]
    assert [line[v.column - 1 : v.end_column - 1] for v in found] == ["â€™", "â€“", "â€œ", "â€\x9d"]


@pytest.mark.parametrize(
    "line, found, suggestion, fix",
    [
        ("Knowledge of rÃ©sumÃ© screening.", "Ã©", "é", "safe"),
        ("Knowledge of:\nï‚· Cash handling techniques.", "ï‚·", "\u2022", "safe"),  # a Symbol-font bullet
        ("Title: Accountant IIï»¿", "ï»¿", "", "safe"),  # a byte order mark in mid-file
        ("Four (4) years ofÂ\u00a0experience.", "Â\u00a0", " ", "safe"),
        ("Four (4) years of experience.Â  Bilingual preferred.", "Â", "", "unsafe"),  # the no-break space became a space
        ("See the â€œDriver Policyâ€ for details.", "â€", "\u201d", "unsafe"),  # the 0x9D byte was dropped
        ("The Districtâ€\u009ds policy.", "â€\u009d", "\u201d", "safe"),
        ("The Ã¢â‚¬â„¢ twice-garbled apostrophe.", "Ã¢â‚¬â„¢", "\u2019", "safe"),
    ],
)
def test_mojibake_forms(line, found, suggestion, fix):
    hits = [v for v in _lint(line, ("X901",)) if v.suggestion == suggestion]
    assert hits, _lint(line, ("X901",))
    v = hits[-1]
    text = line.split("\n")[v.line - 1]
    assert text[v.column - 1 : v.end_column - 1] == found
    assert v.fix == fix


@pytest.mark.parametrize(
    "text",
    [
        "Works with the Café Borrego concession and the São Paulo sister-city résumé exchange.",
        "Temperatures of 90°F ± 5°; a naïve reader; Ångström units; 1½ hours.",
        "Ensures compliance with the District’s Safety Manual – and “Driver Policy”.",
    ],
)
def test_real_accents_and_symbols_are_not_mojibake(text):
    assert _lint(text, ("X901",)) == []


def test_windows_1252_file_is_not_mojibake(tmp_path):
    # Word's "Plain Text" export: a real Windows-1252 file, read as such.
    data = "SUPERVISOR\nThe District’s résumé – policy.\n".encode("cp1252")
    assert _lint_file(tmp_path, data) == []


# -- X903 hidden characters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, name, suggestion",
    [
        ("\u200b", "zero-width space (U+200B)", ""),
        ("\u00ad", "soft hyphen (U+00AD)", ""),
        ("\u2060", "word joiner (U+2060)", ""),
        ("\u200d", "zero-width joiner (U+200D)", ""),
        ("\ufeff", "(U+FEFF)", ""),
        ("\x07", "control character (U+0007)", ""),
        ("\x0b", "vertical tab (U+000B", " "),  # Word's manual line break between two words
    ],
)
def test_hidden_character_from_raw_bytes(tmp_path, raw, name, suggestion):
    data = f"SUPERVISOR\nMaintains records of past due customer{raw}accounts.\n".encode()
    found = _lint_file(tmp_path, data)
    assert [(v.code, v.line, v.column, v.end_column) for v in found] == [("X903", 2, 39, 40)]
    assert name in found[0].message
    assert found[0].suggestion == suggestion and found[0].fix == "safe"


@pytest.mark.parametrize("other", ["", " Café.", " \u00e9\u200b"])
def test_hidden_control_character_found_with_or_without_other_non_ascii_text(tmp_path, other):
    """The file is tested for control characters as a whole first; a line with one is still found among others."""
    data = f"SUPERVISOR\nMaintains records{other}\nof past due customer\x07accounts.\n".encode()
    found = [(v.line, v.column) for v in _lint_file(tmp_path, data) if v.code == "X903"]
    assert (3, 21) in found and len(found) == 1 + ("\u200b" in other)


def test_hidden_characters_one_finding_per_run():
    found = _lint("Responds to\u200b\u200b customer tele\u00adphone calls.", ("X903",))
    assert [(v.column, v.end_column) for v in found] == [(12, 14), (28, 29)]
    assert found[0].message.startswith("Hidden character in the text: 2 characters: zero-width space (U+200B).")


def test_tabs_form_feeds_and_a_leading_bom_are_not_hidden_characters(tmp_path):
    data = b"\xef\xbb\xbfSUPERVISOR\nJob Title\tLead Customer Service Representative\n\x0c\nDEFINITION\n"
    assert [v.code for v in _lint_file(tmp_path, data)] == ["X905"]  # the form feed is page furniture


# -- X904 line-break hyphenation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found, joined",
    [
        ("Provides information and is respon-\nsible for account records.", "respon- sible", "responsible"),
        ("Performs preventive mainte- nance on pumps and valves.", "mainte- nance", "maintenance"),
        ("Assists the cus-\n\ntomer service staff with billing.", "cus- tomer", "customer"),  # double-spaced export
        ("Trains each new employ-\nee in cash handling.", "employ- ee", "employee"),
        ("KNOWLEDGE, SKILLS AND RESPON-\nSIBILITIES", "RESPON- SIBILITIES", "RESPONSIBILITIES"),
        ("Maintains accurate and re-\nsponsible records.", "re- sponsible", "responsible"),
        ("Occasional lift-\ning of supplies.", "lift- ing", "lifting"),  # "ing" is an ending, not a word
        ("Coordinates with the pol-\nice department.", "pol- ice", "police"),  # far more common joined
    ],
)
def test_hyphenation_fires(text, found, joined):
    hits = _lint(text, ("X904",))
    assert len(hits) == 1
    v = hits[0]
    assert v.suggestion == joined and v.fix == "unsafe"
    assert f'"{found}"' in v.message and f'"{joined}"' in v.message
    lines = text.split("\n")
    assert lines[v.line - 1][v.column - 1 :].startswith(found.split()[0])
    assert lines[v.end_line - 1][: v.end_column - 1].endswith(found.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        "Negotiates long-\nterm payment plans.",
        "Communicates with District staff, co-\nworkers and consultants.",
        "Works rotating shifts and on-\ncall duty; must be self-\nmotivated.",
        "Provides service via face-to-face, over-\n\nthe-phone, and electronic means.",
        "Oversees the day-to-\nday operation of the plant.",  # "to" + "day" is "today", but the break is inside a compound
        "Offers full- and part-time positions; pre- and post-employment testing.",
        "Prepares secondary bill-\n\nto statements and lock-off notices.",
        "Uses e-\nmail and X-\nray equipment; follows up on non-\nexempt timesheets.",
        "EDUCATION AND EXPERIENCE GUIDELINES-  Any combination of experience is qualifying.",
        "Customer Service Representative I -\nIs the entry level class.",
        "Helps co-\nordinate and re-\nevaluate pre-\nemployment testing.",
        "- modify the test plan for the port\n- os updates are scheduled",  # list dashes, not a hyphen break
    ],
)
def test_hyphenation_leaves_compounds_and_dashes_alone(text):
    assert _lint(text, ("X904",)) == []


# -- X905 page furniture --------------------------------------------------------------------------

_DUTIES = "\n".join(f"{n}. Prepares journal entries and reconciles ledger account number {n}." for n in range(1, 13))


@pytest.mark.parametrize(
    "furniture, kind",
    [
        ("Page 2 of 3", 'the page number "Page 2 of 3"'),
        ("PAGE 2", 'the page number "PAGE 2"'),
        ("- 2 -", 'the page number "- 2 -"'),
        ("2 | Page", 'the page number "2 | Page"'),
        ("Accountant II\t\tPage 2", 'the page number "Accountant II Page 2"'),
        ("Accountant II", 'the class title "Accountant II" repeated'),
        ("2", 'a lone page number "2"'),
    ],
)
def test_page_furniture_inside_the_body(furniture, kind):
    text = _spec(f"Performs professional accounting work; prepares statements\n\n{furniture}\n\nand reconciles accounts.\n\n{_DUTIES}")
    hits = _lint(text, ("X905",))
    assert len(hits) == 1, [v.message for v in hits]
    v = hits[0]
    line = text.split("\n")[v.line - 1]
    assert line[v.column - 1 : v.end_column - 1] == furniture
    assert kind in v.message and "PDF or Word export" in v.message


def test_form_feed_is_reported_where_it_is(tmp_path):
    data = b"ACCOUNTANT II\n\nDEFINITION\n\nPerforms accounting work.\n\x0cESSENTIAL FUNCTIONS\n\n1. Prepares entries.\nText\x0cmore\n"
    found = _lint_file(tmp_path, data)
    assert [(v.code, v.line, v.column, v.end_column, v.suggestion, v.fix) for v in found] == [
        ("X905", 6, 1, 2, "", "safe"),
        ("X905", 9, 5, 6, " ", "safe"),  # between two words: a space keeps them apart
    ]
    assert "form feed" in found[0].message


def test_repeated_running_header_each_line_reported(tmp_path):
    header = "City of Springfield \u2014 Class Specification"
    pages = [f"{header}\nRevised 6/2019\n" + _DUTIES for _ in range(3)]
    text = "ACCOUNTANT II\n\nFLSA Status: Exempt\n\nESSENTIAL FUNCTIONS\n\n" + "\n\n".join(pages) + "\n"
    found = _lint_file(tmp_path, text.encode())
    header_lines = [n for n, line in enumerate(text.split("\n"), 1) if line in (header, "Revised 6/2019")]
    assert [v.line for v in found] == header_lines and len(found) == 6
    assert all(v.code == "X905" and "repeated on 3 lines" in v.message for v in found)


@pytest.mark.parametrize(
    "body",
    [
        # the title inside a sentence, and as a value under a label
        "The Accountant II is the journey level.\n\nClass Title:\nAccountant II\n\nJob Title\nAccountant II",
        # list numbers on their own lines
        "1\nPrepares journal entries.\n2\nReconciles accounts.\n3\nPrepares reports.",
        # a flattened frequency table and a number wrapped onto its own line
        "Lifting\n10\n25\n50\n\nMust lift up to\n25\npounds occasionally.",
        # values under short labels
        "Pay Grade\n27\n\nWage Schedule Range: 10 / 13 / 15 / 17",
        # the same sentence in three levels of a series, and short repeated lines close together
        "Graduation from high school or equivalent.\n" * 3 + "Or\n\nOr\n\nOr\n\nKnowledge of:\n\nKnowledge of:\n\nKnowledge of:",
        # a page reference in a sentence
        "Follows the procedures on page 3 of 7 of the District Personnel Rules adopted by the Board in 2019.",
    ],
)
def test_page_furniture_leaves_sound_text_alone(body):
    assert _lint(_spec(body + "\n\n" + _DUTIES, "Accountant II"), ("X905",)) == []


def test_repeated_wrapped_lines_and_sub_headings_are_not_running_headers():
    # A series spec repeats its qualifications for each level, wrapped the same way each time.
    block = (
        "An Associate's Degree from an accredited college or university with major coursework in\n"
        "business administration or a related field is preferable\n\nProperties\n\n"
    )
    text = "ACCOUNTANT II\n\nEDUCATION AND EXPERIENCE\n\n" + "".join(block + _DUTIES + "\n\n" for _ in range(4))
    assert _lint(text, ("X905",)) == []


def test_levels_of_a_series_are_not_running_headers():
    level = "Customer Service Representative I"
    text = "Job Classification: Customer Service Representative I / II\n\nESSENTIAL FUNCTIONS\n\n"
    text += "\n\n".join(f"{level}\n\n{_DUTIES}" for _ in range(3))
    assert _lint(text, ("X905",)) == []


# -- X906 split words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found, joined",
    [
        ("Oversees preventive maint enance of District vehicles.", "maint enance", "maintenance"),
        ("Responds to cust omer inquiries by telephone.", "cust omer", "customer"),
        ("Organizes own w ork and sets priorities.", "w ork", "work"),
        ("Possession of a valid cer tifi cation is required.", "cer tifi cation", "certification"),
        ("I nclude the Main tenance log.", "I nclude", "Include"),
        ("PREVENTIVE MAINT ENANCE", "MAINT ENANCE", "MAINTENANCE"),
        ("Occasional lift ing of supplies.", "lift ing", "lifting"),
        ("Operates the SCADA syste m.", "syste m", "system"),
    ],
)
def test_split_word_fires(text, found, joined):
    hits = _lint(text, ("X906",))
    assert hits, text
    v = hits[0]
    assert text[v.column - 1 : v.end_column - 1] == found
    assert v.suggestion == joined and v.fix == "unsafe"
    assert f'"{found}" should be "{joined}"' in v.message


def test_split_words_each_reported():
    text = "Reviews cust omer accounts, schedules maint enance, and organizes own w ork; I nclude cer tifi cation."
    found = [text[v.column - 1 : v.end_column - 1] for v in _lint(text, ("X906",))]
    assert found == ["cust omer", "maint enance", "w ork", "I nclude", "cer tifi cation"]


def test_split_word_in_raw_file_with_no_break_space(tmp_path):
    found = _lint_file(tmp_path, "SUPERVISOR\nResponds to cust\u00a0omer inquiries.\n".encode())
    assert [(v.code, v.line, v.column, v.end_column, v.suggestion) for v in found] == [("X906", 2, 13, 22, "customer")]


def test_split_word_in_three_pieces_from_the_vocabulary():
    text = "Maintains the zqx wvor thing records."
    hits = lint_text(text, Config(select=["X906"], vocabulary=["zqxwvorthing"]))
    assert [text[v.column - 1 : v.end_column - 1] for v in hits] == ["zqx wvor thing"]


@pytest.mark.parametrize("seen", [0, 10_000])
def test_three_pieces_found_before_and_after_the_beginnings_are_built(monkeypatch, seen):
    """The first files of a process look up every pair and triple; later ones only the windows around flagged
    words. Both find the same splits."""
    from speclint.checks.debris import SplitWord

    monkeypatch.setattr(SplitWord, "files_seen", seen)
    text = "Maintains the zqx wvor thing records. Possession of a valid Grade T2 cer tifi cation."
    hits = lint_text(text, Config(select=["X906"], vocabulary=["zqxwvorthing"]))
    assert [text[v.column - 1 : v.end_column - 1] for v in hits] == ["zqx wvor thing", "cer tifi cation"]


def _split_words_found(text: str, sifting: bool, config: Config | None = None) -> list[tuple]:
    """X906's findings when the process has seen many files (only flagged windows looked up) or none (every one)."""
    from speclint.checks.debris import SplitWord

    saved = SplitWord.files_seen
    SplitWord.files_seen = 10_000 if sifting else 0
    try:
        return [(v.line, v.column, v.end_column, v.suggestion) for v in lint_text(text, config or Config(select=["X906"]))]
    finally:
        SplitWord.files_seen = saved


def _shattered(text: str, step: int) -> str:
    """The text with stray spaces put into words: in two pieces, in three, at the start and at the end."""

    def split(match):
        word, at = match.group(0), int(match.start())
        if len(word) < 2 or at % step:
            return word
        cut = 1 + at % (len(word) - 1)
        if at % (2 * step) == 0 and len(word) >= 5:  # three pieces
            second = cut + 1 + at % (len(word) - cut - 1) if len(word) - cut > 1 else cut
            return " ".join(piece for piece in (word[:cut], word[cut:second], word[second:]) if piece)
        return f"{word[:cut]} {word[cut:]}"

    return re.sub(r"[A-Za-z]+", split, text)


@pytest.mark.parametrize("path", SEEDS + CLEAN, ids=lambda path: path.name)
def test_sifted_windows_find_what_every_window_finds_in_the_example_specs(path):
    """Over a run, X906 looks up only the windows around words ``_word_kind`` flags; it must find exactly the
    splits that looking up every pair and triple finds."""
    text = path.read_text(encoding="utf-8")
    found = 0
    for variant in (text, *(_shattered(text, step) for step in (3, 5, 7, 11))):
        plain = _split_words_found(variant, sifting=False)
        assert _split_words_found(variant, sifting=True) == plain
        found += len(plain)
    assert found > 20  # the shattered texts are full of split words


@pytest.mark.parametrize(
    "body, found",
    [
        ("Keeps an i deal record of i tems.", ["i tems"]),  # "i" is no word ("I" is one), but "deal" is
        ("Calls the pol ice; keeps con tact lists.", ["con tact"]),  # both words; only "contact" outweighs its pieces
        ("Occasional lift ing and heavy lift ing.", ["lift ing", "lift ing"]),  # an ending is no word at the end
        ("Maintains cer tifi cation and the zqx wvor thing.", ["cer tifi cation", "zqx wvor thing"]),
        ("Learns the District s rules and don t skip the any one web site.", []),
    ],
)
def test_sifted_windows_find_what_every_window_finds_in_tricky_text(body, found):
    text = _spec(body)
    config = Config(select=["X906"], vocabulary=["zqxwvorthing"])
    plain = _split_words_found(text, False, config)
    assert _split_words_found(text, True, config) == plain
    assert [text.splitlines()[line - 1][start - 1 : end - 1] for line, start, end, _ in plain] == found


@functools.cache
def _piece_pool() -> list[str]:
    from speclint.words import lexicon_for

    common = sorted(lexicon_for(SimpleNamespace(options={})).common_words(3.0))
    spec_words = sorted({word for path in SEEDS + CLEAN for word in re.findall(r"[A-Za-z']+", path.read_text(encoding="utf-8"))})
    odd = ["I", "a", "A", "s", "t", "ing", "al", "ment", "B", "C", "District's", "don't", "pol", "ice", "con", "tact", "web", "site"]
    odd.append("zqxwvorthing")  # a vocabulary word in some examples
    return common[::7] + spec_words + odd


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_sifted_windows_find_what_every_window_finds_in_any_text(data):
    """Common words, spec words, endings and letters, cut at random into two or three pieces, in any case, with the
    separators text has: whatever the pieces, sifting finds the same split words."""
    pool = _piece_pool()
    word = st.sampled_from(pool)
    cased = st.tuples(word, st.sampled_from([str.lower, str.title, str.upper, str])).map(lambda item: item[1](item[0]))
    cut = st.tuples(cased, st.integers(1, 12), st.integers(1, 12)).map(
        lambda item: " ".join(filter(None, (item[0][: item[1]], item[0][item[1] : item[1] + item[2]], item[0][item[1] + item[2] :])))
    )
    gap = st.sampled_from([" ", " ", " ", "  ", ", ", ". ", "\n", "\u00a0", "-", " (", "; "])
    parts = data.draw(st.lists(st.tuples(st.one_of(cased, cut), gap), min_size=1, max_size=14))
    text = _spec("".join(piece + space for piece, space in parts))
    config = Config(select=["X906"], vocabulary=data.draw(st.sampled_from([[], ["zqxwvorthing"]])))
    assert _split_words_found(text, True, config) == _split_words_found(text, False, config), text


@pytest.mark.parametrize(
    "text",
    [
        "Prepares a report about a bout of equipment failures.",  # both pieces are words
        "Coordinates the inter agency pump station agreement.",  # a prefix written apart: style, not debris
        "Follows items a, b and c of the policy; see Section B in the manual and Class C on page two.",
        "Learns the District s policies and don t miss deadlines.",  # lost apostrophes, not split words
        "Possession of a valid Grade T2 and Grade D2 certificate; any one of them.",
        "Customer Service Representative I level; Operator I on call; Class C driver's license.",
        "Responds to cust\u200bomer inquiries.",  # a zero-width space: X903's, not a split word
        "Is not able to work some times; any one of the web site or work load reports.",
        "Knows the struct layout; every struct in the in struct table.",  # a term used alone elsewhere
        "Coordinates with jane-dev in the IT group.",  # part of a longer token
    ],
)
def test_split_word_leaves_sound_text_alone(text):
    assert _lint(text, ("X906",)) == []


# -- cost -----------------------------------------------------------------------------------------


def test_lexicon_is_not_loaded_without_candidates(monkeypatch):
    """X901, X903, X904 and X905 read characters and lines; only a hyphen break asks the lexicon."""
    import speclint.checks.debris as debris

    def refuse(ctx):
        raise AssertionError("the lexicon was loaded")

    monkeypatch.setattr(debris, "lexicon_for", refuse)
    text = CLEAN[0].read_text(encoding="utf-8").replace("-", " ")
    config = Config(select=["X901", "X903", "X904", "X905"])
    assert lint_text(text, config) == []


def test_header_shape_test_matches_its_pattern_form():
    """_header_shaped reads the stripped line's last and first characters directly; the patterns said the same."""
    import re

    from speclint.checks.debris import _LIST_START, _NOT_HEADER_CHARS, _OPEN_ENDINGS, _header_shaped

    def by_patterns(text: str, line: str) -> bool:
        if not 7 <= len(text) <= 60 or re.search(r"[.:;,!?]$", text) or _LIST_START.match(line):
            return False
        first = next((ch for ch in text if ch.isalnum()), "")
        if not (first.isupper() or first.isdigit()) or not text[:1].isalnum() or _NOT_HEADER_CHARS.search(text):
            return False
        words = text.split()
        return 2 <= len(words) <= 10 and words[-1].lower() not in _OPEN_ENDINGS

    lines = [
        "Accountant II Page 3", "accountant II Page 3", "(Accountant) II", "Accountant II.", "Accountant II:", "Accountant II?",
        "2 Customer Service", "\u00e9cole Publique Tests", "\u00c9cole Publique Tests", "\u0663 Arabic digit x", "Works in the",
        "- Bullet Item Here", "Accountant;II text", "Water Board Summary!", "ACCOUNTANT II SERIES", "Short", "One Two Three $",
    ]
    for line in lines:
        for padded in (line, f"  {line}\t"):
            assert _header_shaped(padded.strip(), padded) == by_patterns(padded.strip(), padded), padded
