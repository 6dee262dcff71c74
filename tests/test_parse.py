"""Stage 2, the parser: sections, title and metadata found in real and small specs.

The expectations for the five seeds were worked out by reading each file
(``cat -n``), not copied from the parser's output."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speclint.parse import SECTION_KEYS, Spec, parse_spec
from speclint.parse.headings import default_matcher
from speclint.read import read_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {path.name[:3]: path for path in sorted((ROOT / "specs" / "seeds").glob("*.txt"))}
CLEAN = sorted((ROOT / "specs" / "clean").glob("*"))


def parse_text(text: str, name: str = "spec.txt") -> Spec:
    return parse_spec(read_bytes(text.encode("utf-8"), name))


def keys_and_lines(spec: Spec) -> list[tuple[str, int]]:
    return [(section.key, section.line) for section in spec.sections]


def keys(spec: Spec) -> list[str]:
    return [section.key for section in spec.sections]


def assert_well_formed(spec: Spec) -> None:
    """Every section starts on its heading, ends on text, and stops at the next heading
    unless that heading is one of its own sub-headings or continues the same section."""
    view = spec.source.view
    matcher = default_matcher()
    for section in spec.sections:
        assert 1 <= section.line <= section.end_line <= len(view), section
        assert view[section.end_line - 1].strip(), f"{section.key} ends on blank line {section.end_line}"
        for other in spec.sections:
            if not section.line < other.line <= section.end_line:
                continue
            own_sub_heading = other.group_line == section.line
            continues = section.key in matcher.match(other.heading).keys and other.line == section.end_line
            assert own_sub_heading or continues, f"{section.key} ({section.line}-{section.end_line}) runs past {other}"


# -- the five real specs --------------------------------------------------------

SEED_EXPECTATIONS = {
    "000": {
        "title": ("CUSTOMER SERVICE SUPERVISOR", 1),
        "flsa": ("Exempt", "exempt", 384),  # "JOB STATUS: Exempt"
        "sections": [
            ("definition", 10),
            ("distinguishing_characteristics", 26),
            ("supervision", 44),  # "SUPERVISION RECEIVED AND EXCERCISED"
            ("essential_functions", 62),  # "Essential Functions:" under the combined heading on 56
            ("marginal_functions", 155),
            ("knowledge", 173),  # "Knowledge of:" under "KNOWLEDGE, SKILLS AND ABILITIES" on 169
            ("skills", 210),
            ("abilities", 220),
            ("education_experience", 282),  # "EDUCATION AND EXPERIENCE GUIDELINES-  Any combination..."
            ("licenses_certificates", 311),  # "Certificate", then "License:" on 325
            ("physical_demands", 333),  # "PHYSICAL DEMANDS AND WORKING CONDITIONS"
            ("working_environment", 342),  # "Environmental Conditions:"
        ],
    },
    "001": {
        "title": ("CUSTOMER SERVICE SUPERVISOR 1 / 2", 5),
        "flsa": None,
        "sections": [
            ("definition", 7),
            ("distinguishing_characteristics", 11),
            ("essential_functions", 21),  # "TYPICAL TASKS - *Positions in this class...*"
            ("education_experience", 42),  # "Education:" under "DESIRABLE QUALIFICATIONS -" on 38
            ("skills", 48),  # "Knowledge, Skills, and Abilities"
            ("abilities", 48),
            ("knowledge", 50),  # "Knowledge of: Principles, ..." text on the same line
            ("physical_demands", 54),  # "Working Conditions/Physical Requirements: On a continuous basis..."
            ("working_environment", 54),
            ("licenses_certificates", 56),  # "Other Requirements: None."
        ],
    },
    "002": {
        "title": ("CUSTOMER SERVICE/BILLING SUPERVISOR", 1),
        "flsa": ("Non-exempt, eligible for overtime", "non-exempt", 141),  # label on 139, value two lines below
        "sections": [
            ("definition", 3),
            ("supervision", 11),
            ("distinguishing_characteristics", 15),  # "CLASS CHARACTERISTICS"
            ("essential_functions", 24),  # "EXAMPLES OF DUTIES (Illustrative Only)"
            ("knowledge", 65),  # "Knowledge of:" under "QUALIFICATIONS" on 64
            ("abilities", 80),  # " Skill inAbility to:" - a tracked change left in the text
            ("education_experience", 107),
            ("licenses_certificates", 121),
            ("physical_demands", 124),
            ("working_environment", 134),  # "ENVIRONMENTAL ELEMENTS"
        ],
    },
    "003": {
        "title": ("LEAD CUSTOMER SERVICE REPRESENTATIVE", 5),
        "flsa": ("Non-Exempt", "non-exempt", 7),  # "Job Status: Non-Exempt"
        "sections": [
            ("definition", 13),
            ("distinguishing_characteristics", 17),
            ("supervision", 21),
            ("essential_functions", 31),
            ("marginal_functions", 58),
            ("knowledge", 67),
            ("skills", 76),
            ("abilities", 81),
            ("education_experience", 97),  # "REQUIRED QUALIFICATIONS", then the table rows 101-104
            ("licenses_certificates", 104),  # "Desirable Degree/License/Certification<tab>..."
            ("working_environment", 110),  # "Environment:" under "PHYSICAL DEMANDS AND WORKING ENVIRONMENT"
            ("physical_demands", 114),  # "Physical:"
        ],
    },
    "004": {
        "title": ("Customer Service Representative I / II / III / Senior", 79),  # "Job Classification:"
        "flsa": ("Non-exempt", "non-exempt", 85),  # "FLSA:      Non-exempt"
        "sections": [
            ("definition", 10),  # "Summary/distinguishing characteristics"
            ("distinguishing_characteristics", 10),
            ("supervision", 88),
            ("essential_functions", 103),
            ("knowledge", 255),  # under " Qualifications " on 249
            ("abilities", 276),
            ("education_experience", 331),
            ("licenses_certificates", 384),
            ("physical_demands", 393),
            ("working_environment", 418),
        ],
    },
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Spec]:
    return {prefix: parse_spec(read_path(path)) for prefix, path in SEEDS.items()}


def test_all_five_seeds_are_there():
    assert sorted(SEEDS) == sorted(SEED_EXPECTATIONS)


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_sections(seeds, prefix):
    assert keys_and_lines(seeds[prefix]) == SEED_EXPECTATIONS[prefix]["sections"]


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_title(seeds, prefix):
    spec = seeds[prefix]
    assert (spec.title, spec.title_line) == SEED_EXPECTATIONS[prefix]["title"]


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_flsa_status(seeds, prefix):
    expected = SEED_EXPECTATIONS[prefix]["flsa"]
    flsa = seeds[prefix].metadata.get("flsa_status")
    if expected is None:
        assert flsa is None
    else:
        assert (flsa.value, flsa.normalized, flsa.line) == expected


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_sections_are_well_formed(seeds, prefix):
    assert_well_formed(seeds[prefix])


def test_seed_000_section_ends_and_groups(seeds):
    spec = seeds["000"]
    supervision = spec.section("supervision")
    assert supervision.heading == "SUPERVISION RECEIVED AND EXCERCISED"
    assert supervision.end_line == 52  # not the blank lines before "ESSENTIAL AND MARGINAL ..."
    essential = spec.section("essential_functions")
    assert (essential.group_heading, essential.group_line) == ("ESSENTIAL AND MARGINAL FUNCTION STATEMENTS", 56)
    assert essential.ranges() == [(56, 61), (62, 151)]
    assert spec.section("marginal_functions").end_line == 165
    assert spec.section("abilities").group_line == 169
    assert spec.section("abilities").end_line == 276
    # "Experience:" (288) and "Education/Training:" (297) continue the same section.
    assert spec.section("education_experience").end_line == 307
    assert spec.section("licenses_certificates").end_line == 327
    # The metadata block after the last section ends it.
    assert spec.section("physical_demands").end_line == 378
    assert [(f.key, f.line) for f in spec.dates] == [("adopted", 386)]


def test_seed_001_desirable_qualifications_holds_education_and_experience(seeds):
    spec = seeds["001"]
    education = spec.section("education_experience")
    assert (education.group_heading, education.group_line) == ("DESIRABLE QUALIFICATIONS", 38)
    assert education.ranges() == [(38, 41), (42, 46)]
    assert spec.section("essential_functions").heading == "TYPICAL TASKS"
    assert spec.section("essential_functions").end_line == 36
    assert spec.section("physical_demands").end_line == 54
    assert [(f.key, f.value, f.line) for f in spec.dates] == [
        ("adopted", "12/82", 58),
        ("revised", "01/01", 60),
        ("revised", "01/04", 62),
        ("approved", "___ Human Resources Manager", 64),
    ]


def test_seed_002_flsa_value_line_is_not_parsed_again(seeds):
    spec = seeds["002"]
    assert spec.section("working_environment").end_line == 138
    assert spec.section("knowledge").end_line == 79
    unit = spec.metadata["bargaining_unit"]
    assert (unit.value, unit.line) == ("MCWD Employees Association[GK2]", 145)


def test_seed_003_metadata_and_table(seeds):
    spec = seeds["003"]
    assert [(f.key, f.value, f.line) for f in spec.dates] == [("adopted", "07-2010", 8), ("revised", "01-29-2026", 9)]
    assert spec.section("education_experience").end_line == 104
    assert spec.section("physical_demands").group_line == 106
    assert spec.section("physical_demands").end_line == 128


def test_seed_004_metadata_block(seeds):
    spec = seeds["004"]
    assert [(f.key, f.value, f.line) for f in spec.fields] == [
        ("job_title", "Customer Service Representative I / II / III / Senior", 79),
        ("bargaining_unit", "SEIU Local 1021", 81),
        ("salary_range", "10 / 13 / 15 / 17", 83),
        ("flsa_status", "Non-exempt", 85),
        ("effective", "October 16, 2015", 87),
    ]
    assert spec.section("definition").end_line == 74  # stops before "Job Classification:"
    assert spec.section("supervision").column == 2
    assert spec.section("essential_functions").end_line == 248
    assert spec.section("abilities").group_heading == "Qualifications"


# -- the two clean specs ------------------------------------------------------------


# Sections a clean spec may do without: not every agency writes a separate Skills section, and
# marginal functions may be marked (M) inside the duties list instead.
OPTIONAL_SECTIONS = {"skills", "marginal_functions"}
# Clean specs whose first line names the agency, with the class title below it.
TITLE_BELOW_AGENCY = {"accountant-ii.txt": 2, "maintenance-worker-i.txt": 3, "police-records-specialist.txt": 3}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_every_section_and_a_title(path):
    spec = parse_spec(read_path(path))
    assert set(SECTION_KEYS) - OPTIONAL_SECTIONS <= set(keys(spec))
    assert keys(spec) == [key for key in SECTION_KEYS if key in keys(spec)], "each section once, in the usual order"
    assert spec.title and spec.title_line == TITLE_BELOW_AGENCY.get(path.name, 1)
    assert spec.metadata["flsa_status"].normalized in {"exempt", "non-exempt"}
    assert_well_formed(spec)


# -- heading variety ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "DEFINITION",
        "Definition",
        "DEFINITION:",
        "Definition:",
        "  Definition  ",
        "## Definition",
        "**Definition**",
        "**Definition:**",
        "Class Definition",
        "Nature of Work",
        "NATURE OF WORK:",
    ],
)
def test_definition_heading_forms(line):
    spec = parse_text(f"{line}\nUnder general direction, performs professional work.\n")
    assert keys_and_lines(spec) == [("definition", 1)]
    assert spec.section("definition").end_line == 2


def test_markdown_heading_column_and_text():
    spec = parse_text("# Accountant II\n\n## Definition\n\nUnder general direction.\n", "spec.md")
    section = spec.section("definition")
    assert (section.heading, section.line, section.column, section.end_line) == ("Definition", 3, 4, 5)
    assert (spec.title, spec.title_line) == ("Accountant II", 1)


def test_text_on_the_heading_line():
    spec = parse_text("Knowledge of: accounting principles\nAbility to: reconcile accounts.\n")
    assert keys_and_lines(spec) == [("knowledge", 1), ("abilities", 2)]
    assert spec.section("knowledge").end_line == 1
    assert spec.section("knowledge").heading == "Knowledge of"


def test_bold_heading_with_text_after_it():
    spec = parse_text("**Reports To:** Finance Director\n\n**Definition**\nPerforms work.\n", "spec.md")
    assert keys_and_lines(spec) == [("supervision", 1), ("definition", 3)]


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("Examples of Duties", ["essential_functions"]),
        ("EXAMPLES OF DUTIES (Illustrative Only)", ["essential_functions"]),
        ("Typical Tasks", ["essential_functions"]),
        ("TYPICAL TASKS - *Positions in this class may perform any of these duties.*", ["essential_functions"]),
        ("Essential Duties", ["essential_functions"]),
        ("Essential and Marginal Function Statements", ["essential_functions", "marginal_functions"]),
        ("Class Characteristics", ["distinguishing_characteristics"]),
        ("Summary/distinguishing characteristics", ["definition", "distinguishing_characteristics"]),
        ("Desirable Qualifications", ["education_experience"]),
        ("DESIRABLE QUALIFICATIONS -", ["education_experience"]),
        ("Working Conditions/Physical Requirements", ["physical_demands", "working_environment"]),
        ("Physical Demands and Working Conditions", ["physical_demands", "working_environment"]),
        ("Environmental Elements", ["working_environment"]),
        ("Nature of Work", ["definition"]),
        ("Reports To", ["supervision"]),
        ("Supervision Received and Exercised", ["supervision"]),
        ("SUPERVISION RECEIVED AND EXCERCISED", ["supervision"]),
        ("Knowledge, Skills and Abilities", ["knowledge", "skills", "abilities"]),
        ("KNOWLEDGE, SKILLS, AND ABILITIES", ["knowledge", "skills", "abilities"]),
        ("Education, Experience, Licenses and Certifications", ["education_experience", "licenses_certificates"]),
        ("Licenses and/or certifications", ["licenses_certificates"]),
        ("Other Requirements", ["licenses_certificates"]),
    ],
)
def test_heading_synonyms(heading, expected):
    spec = parse_text(f"{heading}\nThe text of the section.\n")
    assert sorted(keys(spec)) == sorted(expected)
    assert {s.line for s in spec.sections} == {1}
    assert {s.end_line for s in spec.sections} == {2}


def test_combined_heading_with_sub_headings():
    spec = parse_text("KNOWLEDGE, SKILLS AND ABILITIES\n\nKnowledge of:\nBudgeting.\n\nSkill in:\nTyping.\n\nAbility to:\nCount.\n")
    assert keys_and_lines(spec) == [("knowledge", 3), ("skills", 6), ("abilities", 9)]
    assert all(s.group_line == 1 for s in spec.sections)
    assert [s.end_line for s in spec.sections] == [4, 7, 10]


def test_combined_heading_keeps_what_no_sub_heading_claims():
    spec = parse_text("Knowledge, Skills, and Abilities\n\nKnowledge of: Budgeting. Skill in: Typing.\n\nCount coins.\n")
    assert keys_and_lines(spec) == [("skills", 1), ("abilities", 1), ("knowledge", 3)]
    assert {s.end_line for s in spec.sections} == {5}


def test_title_case_headings_after_titles_and_lists():
    spec = parse_text(
        "Accountant II\n\nDefinition\nUnder general direction.\n\n"
        "Knowledge\n- Accounting principles\n- Payroll practices\n\n"
        "Skills\nBookkeeping software\n\nPhysical Demands\nLifting up to 25 pounds\n\nWork Environment\nOffice.\n"
    )
    assert keys_and_lines(spec) == [
        ("definition", 3),
        ("knowledge", 6),
        ("skills", 10),
        ("physical_demands", 13),
        ("working_environment", 16),
    ]
    assert [s.end_line for s in spec.sections] == [4, 8, 11, 14, 17]
    assert (spec.title, spec.title_line) == ("Accountant II", 1)


def test_heading_right_after_a_metadata_line():
    spec = parse_text("Accountant\nFLSA: Exempt\nDefinition\nPerforms accounting work.\n")
    assert keys_and_lines(spec) == [("definition", 3)]


# -- words that only look like headings -------------------------------------------


def test_heading_words_in_running_text_are_not_headings():
    spec = parse_text(
        "DEFINITION\n"
        "The incumbent reports to the definition of duties set by the Director.\n"
        "Reports to the Finance Director.\n"
        "Experience in a government setting is desirable.\n"
        "Supervision is provided by the Finance Manager.\n"
        "Knowledge of the position is required.\n"
    )
    assert keys_and_lines(spec) == [("definition", 1)]
    assert spec.section("definition").end_line == 6


def test_wrapped_lines_are_not_headings():
    spec = parse_text(
        "DEFINITION\n"
        "Under general direction, performs accounting work under general\n"
        "supervision\n"
        "and reviews the work described in the\n"
        "Definition of terms in the manual\n"
        "and, as assigned by the Director of Finance and Administrative Services,\n"
        "Supervision\n"
        "of the division, performs related work within the department as\n"
        "Training\n"
        "requires.\n"
    )
    assert keys_and_lines(spec) == [("definition", 1)]
    assert spec.section("definition").end_line == 10


def test_desirable_sentence_inside_education_does_not_open_a_section():
    spec = parse_text(
        "EDUCATION AND EXPERIENCE\n"
        "Five years of accounting experience.\n"
        "Experience in a government setting is desirable.\n"
        "\n"
        "LICENSES\nA valid driver's license.\n"
    )
    assert keys_and_lines(spec) == [("education_experience", 1), ("licenses_certificates", 5)]
    assert spec.section("education_experience").end_line == 3


# -- section boundaries -------------------------------------------------------------


def test_sections_end_before_trailing_blank_lines_and_the_next_heading():
    spec = parse_text("DEFINITION\n\nText one.\n\n\n   \nDISTINGUISHING CHARACTERISTICS\nText two.\n\n\n")
    assert [(s.key, s.line, s.end_line) for s in spec.sections] == [
        ("definition", 1, 3),
        ("distinguishing_characteristics", 7, 8),
    ]
    assert_well_formed(spec)


def test_heading_with_nothing_under_it_is_one_line_long():
    spec = parse_text("DEFINITION\n\nSKILLS\n\n\n")
    assert [(s.key, s.line, s.end_line) for s in spec.sections] == [("definition", 1, 1), ("skills", 3, 3)]


def test_metadata_field_ends_a_section():
    spec = parse_text("WORKING ENVIRONMENT\nOffice.\n\nFLSA Status: Exempt\nAdopted: 12/82\n")
    assert [(s.key, s.line, s.end_line) for s in spec.sections] == [("working_environment", 1, 2)]


def test_unknown_markdown_heading_ends_a_section():
    spec = parse_text("## Definition\nText.\n\n## Notes\nSomething else.\n", "spec.md")
    assert [(s.key, s.line, s.end_line) for s in spec.sections] == [("definition", 1, 2)]


# -- metadata ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, normalized, line",
    [
        ("FLSA Status: Exempt\n", "Exempt", "exempt", 1),
        ("FLSA: Non Exempt\n", "Non Exempt", "non-exempt", 1),
        ("FLSA Status: Nonexempt\n", "Nonexempt", "non-exempt", 1),
        ("FLSA:      Non-exempt\n", "Non-exempt", "non-exempt", 1),
        ("Job Status: Exempt\n", "Exempt", "exempt", 1),
        ("JOB STATUS: Non-Exempt \n", "Non-Exempt", "non-exempt", 1),
        ("FLSA Status:\n\nNon-exempt, eligible for overtime\n", "Non-exempt, eligible for overtime", "non-exempt", 3),
        ("Title\nFLSA Status:\nExempt\n", "Exempt", "exempt", 3),
        ("FLSA Status: Exempt (Administrative)\n", "Exempt (Administrative)", "exempt", 1),
    ],
)
def test_flsa_status(text, value, normalized, line):
    flsa = parse_text(text).metadata["flsa_status"]
    assert (flsa.value, flsa.normalized, flsa.line) == (value, normalized, line)


def test_flsa_value_column_points_at_the_value():
    spec = parse_text("FLSA:      Non-exempt\n")
    flsa = spec.metadata["flsa_status"]
    assert spec.source.lines[0][flsa.column - 1 :] == "Non-exempt"


def test_ambiguous_flsa_value_is_not_normalized():
    flsa = parse_text("FLSA Status: Exempt or Non-exempt depending on assignment\n").metadata["flsa_status"]
    assert flsa.normalized is None


def test_job_status_full_time_is_not_an_flsa_status():
    spec = parse_text("Accountant II\nJob Status: Full-time\n\nDEFINITION\nText.\n")
    assert "flsa_status" not in spec.metadata
    assert (spec.title, spec.title_line) == ("Accountant II", 1)
    spec = parse_text("Job Status: Full-time\nDEFINITION\nText.\n")
    assert spec.title is None, "a label and its value are no title"


def test_a_label_without_value_does_not_swallow_the_next_heading_or_field():
    spec = parse_text("FLSA Status:\n\nDEFINITION\nText.\n")
    assert keys_and_lines(spec) == [("definition", 3)]
    flsa = spec.metadata["flsa_status"]
    assert (flsa.value, flsa.normalized, flsa.line) == ("", None, 1)
    spec = parse_text("FLSA Status:\nClass Code: 1234\n")
    assert [(f.key, f.value, f.line) for f in spec.fields] == [("flsa_status", "", 1), ("class_code", "1234", 2)]


def test_class_code_and_bargaining_unit():
    spec = parse_text(
        "Accountant II\nClass Code: 4312\nBargaining Unit: Operations and Maintenance Unit\n"
        "Representation:   SEIU Local 1021\n\nDEFINITION\nText.\n"
    )
    assert [(f.key, f.value, f.line) for f in spec.fields] == [
        ("class_code", "4312", 2),
        ("bargaining_unit", "Operations and Maintenance Unit", 3),
        ("bargaining_unit", "SEIU Local 1021", 4),
    ]
    assert spec.metadata["bargaining_unit"].line == 3, "metadata keeps the first value"
    assert keys_and_lines(spec) == [("definition", 6)]


@pytest.mark.parametrize(
    "line, kind, value",
    [
        ("Adopted: 12/82", "adopted", "12/82"),
        ("DATE ADOPTED: January, 2015", "adopted", "January, 2015"),
        ("Date Adopted 2/12/2019", "adopted", "2/12/2019"),
        ("Rev. 3/2019", "revised", "3/2019"),
        ("Revised 3/2019", "revised", "3/2019"),
        ("Date Modified: 01-29-2026", "revised", "01-29-2026"),
        ("Effective 7-1-21", "effective", "7-1-21"),
        ("Effective Date:    October 16, 2015", "effective", "October 16, 2015"),
        ("Effective July 1, 2021", "effective", "July 1, 2021"),
        ("Approved by the Board: 5/1/2020", "approved", "5/1/2020"),
    ],
)
def test_dates(line, kind, value):
    spec = parse_text(f"Accountant II\n\n{line}\n")
    assert [(f.key, f.value, f.line) for f in spec.dates] == [(kind, value, 3)]


def test_several_dates_keep_their_lines():
    spec = parse_text("Adopted: 12/82\nRev. 3/2019\nEffective 7-1-21\nDate Modified: 01-29-2026\n")
    assert [(f.key, f.line) for f in spec.dates] == [("adopted", 1), ("revised", 2), ("effective", 3), ("revised", 4)]


def test_date_words_in_running_text_are_not_dates():
    spec = parse_text("DEFINITION\nEffective communication with the public is required.\nRevised procedures as needed.\n")
    assert spec.dates == []
    assert spec.section("definition").end_line == 3


@pytest.mark.parametrize("value", ["Not Exempt", "Non\u2013Exempt", "Non Exempt", "Nonexempt"])
def test_flsa_negative_spellings_normalise_to_non_exempt(value):
    from speclint.parse.metadata import normalize_flsa

    assert normalize_flsa(value) == "non-exempt"


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("CITY OF HARROW CREEK", "POLICE RECORDS SPECIALIST"),
        ("Cedar Hollow Water District", "Police Records Specialist"),
        ("TAMARACK COUNTY", "POLICE RECORDS SPECIALIST"),
    ],
)
def test_an_agency_name_above_the_title_is_not_the_title(first, title):
    spec = parse_text(f"{first}\n\n{title}\n\nFLSA Status: Non-Exempt\n\nDEFINITION\nUnder supervision, maintains records.\n")
    assert (spec.title, spec.title_line) == (title, 3)


def test_an_agency_name_alone_is_still_taken_as_the_title():
    spec = parse_text("City of Harrow Creek\n\nDEFINITION\nUnder supervision, maintains records.\n")
    assert spec.title == "City of Harrow Creek"


def test_markdown_bold_labels_in_a_list_are_metadata():
    text = "# Payroll Technician\n\n- **Class Code:** 4460\n- **FLSA Status:** Non-Exempt\n* __Adopted:__ June 8, 2022\n"
    spec = parse_text(text, "spec.md")
    fields = {f.key: (f.value, f.line, f.column) for f in spec.fields}
    assert fields["flsa_status"] == ("Non-Exempt", 4, 20)
    assert fields["class_code"] == ("4460", 3, 19)
    assert [d.value for d in spec.dates] == ["June 8, 2022"]


# -- the searches that try only some places (speclint.search, metadata.may_hold_field) ------------------


def test_folding_makes_every_letter_a_case_insensitive_pattern_takes_for_a_z_that_letter():
    import re
    import sys

    from speclint.search import fold

    any_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = fold(char)
        assert len(folded) == 1
        if any_letter.match(char):
            assert folded.isalpha() and folded.islower() and re.match(folded.decode(), char, re.IGNORECASE), hex(code)


def test_search_at_the_word_places_finds_what_a_search_of_every_place_finds():
    import random
    import re

    from speclint import search

    pattern = re.compile(r"\b(?:date\s+)?adopted\b|\brev\b\.?|(?<![\w-])effective(?:\s+date)?", re.IGNORECASE)
    words = ("date", "adopt", "rev", "effective")
    pieces = ["Date  Adopted", "DATE\nADOPTED", "Rev.", "rev", "Reviſed", "EFFECTIVE", "eff\u0130ctive", "\u212aate", "adopted"]
    pieces += ["x", " ", "\n", "-", "é"]
    rng = random.Random(4)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        starts = search.places(search.fold(text), words)
        assert [m.span() for m in search.finditer_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
        for pos in range(len(text)):
            found = search.search_at(pattern, text, starts, pos, len(text) - 1)
            expected = pattern.search(text, pos, len(text) - 1)
            assert (found and found.span()) == (expected and expected.span())


def test_lines_the_field_test_leaves_out_hold_no_field():
    import random

    from speclint.parse.metadata import default_metadata_matcher, may_hold_field

    matcher = default_metadata_matcher()
    pieces = [" ", "  ", "\t", "\u3000", "\x1c", "a", "B", "1", "\u0663", ":", "-", "+", "*", "_", "\u2022", "\u2022\t", "\u00a0",
              "Date", "FLSA", "Status", "Exempt", "Rev.", "3/2019", "June 4, 2018", "Adopted", "Salary", "- ", "é"]
    rng = random.Random(2)
    for _ in range(3000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 6))]
        kept = may_hold_field(lines, "\n".join(lines))
        for index, line in enumerate(lines):
            if index not in kept:
                assert matcher.match_line(line, 1, lambda: ("value", 2, 1)) is None, repr(line)
    assert may_hold_field(["a", "b\nc"], "a\nb\nc") is None  # a line with a newline of its own: not told apart


def _fields_the_field_test_leaves_out(lines: list[str]) -> list[str]:
    """The lines on which match_line finds a field though may_hold_field leaves them out (none, if it is right)."""
    from speclint.parse.metadata import default_metadata_matcher, may_hold_field

    matcher = default_metadata_matcher()
    kept = may_hold_field(lines, "\n".join(lines))
    return [line for index, line in enumerate(lines) if index not in kept and matcher.match_line(line, 1, lambda: ("value", 2, 1))]


def test_the_field_test_keeps_every_field_line_of_the_example_specs():
    for path in [*SEEDS.values(), *CLEAN]:
        lines = read_path(str(path)).view
        assert _fields_the_field_test_leaves_out(lines) == [], path.name
    # Indented and bulleted labels with a wide gap or a date, which the examples have few of:
    lines = ["    Job Title   Accountant", "  - FLSA Status    Exempt", "+ Revised 3/2019", "- Adopted June 4, 2018", "Rev.  2019"]
    assert _fields_the_field_test_leaves_out(lines) == []


_LINE_PIECES = ["", " ", "  ", "    ", "- ", "+ ", "-  ", "Class Code", "FLSA Status", "Salary Range", "Job Title", "Revised",
                "Exempt", "Rev.", "Date Adopted", "x", "value", ".", "'", "(", ")", "/", "#", "-", "June", "2019", ":", "\t", "é"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=6).map("".join), min_size=1, max_size=5))
def test_the_field_test_keeps_every_field_line_of_made_up_text(lines):
    assert _fields_the_field_test_leaves_out(lines) == []
