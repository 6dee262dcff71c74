"""Dates: the parser (speclint.parse.dates) and the date rules D701-D705, with "today" pinned.

The seed expectations were worked out by reading the files (``cat -n``):
001 "Adopted: 12/82" (58), "Revised: 01/01" (60), "Revised: 01/04" (62), "Approved: ___ ..." (64);
003 "Date Adopted: 07-2010" (8), "Date Modified: 01-29-2026" (9);
004 "Effective Date:    October 16, 2015" (87); 000 "DATE ADOPTED: January, 2015" (386);
002 has no date at all."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.config import Config, ConfigError, resolve
from speclint.lint import lint_path, lint_text
from speclint.parse.dates import expand_year, find_dates, find_labelled_dates, parse_date

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {path.name[:3]: path for path in sorted((ROOT / "specs" / "seeds").glob("*.txt"))}
CLEAN = sorted((ROOT / "specs" / "clean").glob("*"))
TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def no_today_from_the_environment(monkeypatch):
    monkeypatch.delenv("SPECLINT_TODAY", raising=False)


def date_findings(text: str, today: str | None = "2026-11-23", **config) -> list[tuple[str, int, int]]:
    violations = lint_text(text, Config(select=["D"], today=today, **config))
    return [(v.code, v.line, v.column) for v in violations]


def codes(text: str, today: str | None = "2026-11-23", **config) -> list[str]:
    return [code for code, _, _ in date_findings(text, today, **config)]


def seed_findings(seed: str, today: str) -> list:
    return lint_path(str(SEEDS[seed]), Config(select=["D"], today=today)).violations


# -- the parser ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, value, precision, found",
    [
        ("12/82", date(1982, 12, 1), "month", "12/82"),
        ("01/04", date(2004, 1, 1), "month", "01/04"),
        ("07-2010", date(2010, 7, 1), "month", "07-2010"),
        ("01-29-2026", date(2026, 1, 29), "day", "01-29-2026"),
        ("January, 2015", date(2015, 1, 1), "month", "January, 2015"),
        ("October 16, 2015", date(2015, 10, 16), "day", "October 16, 2015"),
        ("Rev. 3/2019", date(2019, 3, 1), "month", "3/2019"),
        ("Effective 7-1-21", date(2021, 7, 1), "day", "7-1-21"),
        ("3/14/2019", date(2019, 3, 14), "day", "3/14/2019"),
        ("2019-03-14", date(2019, 3, 14), "day", "2019-03-14"),
        ("June 4, 2018", date(2018, 6, 4), "day", "June 4, 2018"),
        ("Sept. 2020", date(2020, 9, 1), "month", "Sept. 2020"),
        ("approved by the Board on June 4, 2018", date(2018, 6, 4), "day", "June 4, 2018"),
        ("4 June 2018", date(2018, 6, 4), "day", "4 June 2018"),
        ("June 4th, 2018", date(2018, 6, 4), "day", "June 4th, 2018"),
        ("March of 2019", date(2019, 3, 1), "month", "March of 2019"),
        ("2019", date(2019, 1, 1), "year", "2019"),
        ("3.14.2019", date(2019, 3, 14), "day", "3.14.2019"),
        ("12/26", date(2026, 12, 1), "month", "12/26"),
    ],
)
def test_parse_date_forms(text, value, precision, found):
    parsed = parse_date(text, TODAY)
    assert parsed is not None and parsed.valid
    assert (parsed.value, parsed.precision, parsed.text) == (value, precision, found)
    assert text[parsed.start : parsed.end] == found


def test_a_month_written_with_a_long_s_is_read():
    """The month pattern ignores case, so it matches "ſept" (long s) as "Sept"; reading it raised KeyError."""
    assert parse_date("\u017fept. 2020", TODAY).spelled_out() == "September 2020"
    assert codes("ACCOUNTANT\nAdopted: \u017fept. 2020\n") == ["D704"]


def test_period_ends():
    assert parse_date("12/82", TODAY).last_day == date(1982, 12, 31)
    assert parse_date("2/2024", TODAY).last_day == date(2024, 2, 29)
    assert parse_date("2019", TODAY).last_day == date(2019, 12, 31)
    assert parse_date("June 4, 2018", TODAY).last_day == date(2018, 6, 4)
    assert parse_date("Sept. 2020", TODAY).spelled_out() == "September 2020"


@pytest.mark.parametrize(
    "two_digits, today, year",
    [
        (0, TODAY, 2000),
        (4, TODAY, 2004),
        (26, TODAY, 2026),  # this year's two digits: this century
        (27, TODAY, 1927),
        (82, TODAY, 1982),
        (99, TODAY, 1999),
        (26, date(2025, 6, 1), 1926),  # depends on the injected today
        (82, date(2090, 1, 1), 2082),
    ],
)
def test_two_digit_years(two_digits, today, year):
    assert expand_year(two_digits, today) == year


def test_two_digit_year_in_a_value_follows_today():
    assert parse_date("7-1-21", date(2026, 1, 1)).value == date(2021, 7, 1)
    assert parse_date("7-1-21", date(2020, 1, 1)).value == date(1921, 7, 1)


@pytest.mark.parametrize(
    "text, problem, suggestion",
    [
        ("02/30/2019", "February 2019 has only 28 days", None),
        ("13/01/2020", "there is no month 13", "January 13, 2020"),  # written day first
        ("February 29, 2023", "February 2023 has only 28 days", None),
        ("June 31, 2018", "June has only 30 days", None),
        ("00/2019", "there is no month 0", None),
        ("13/2019", "there is no month 13", None),
        ("3/45/2019", "March has only 31 days", None),
        ("4/0/2019", "there is no day 0", None),
    ],
)
def test_impossible_dates_are_found_not_skipped(text, problem, suggestion):
    parsed = parse_date(text, TODAY)
    assert parsed is not None, "an impossible date must still be recognised as a date"
    assert not parsed.valid and parsed.value is None
    assert parsed.text == text
    assert problem in parsed.problem
    assert parsed.suggestion == suggestion


def test_february_29_in_a_leap_year_is_real():
    assert parse_date("02/29/2024", TODAY).value == date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    ["___ Human Resources Manager", "Resolution No. 18-45", "TBD", "", "Board of Directors"],
)
def test_values_without_a_date(text):
    assert parse_date(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "The plant operates 24/7.",
        "Wage Schedule Range: 10 / 13 / 15 / 17",
        "Call 831-384-6131 for information.",
        "Shifts rotate every 10-13 days.",
        "See section 1.2.10 of the manual.",
        "Principles of effective leadership.",
        "The Marina Coast Water District may require overtime.",
    ],
)
def test_running_text_without_dates(text):
    assert find_dates(text, TODAY) == []
    assert find_labelled_dates(text, TODAY) == []


def test_dates_in_running_text():
    found = find_dates("Adopted June 4, 2018 by Resolution 18-45; amended 3/14/2019 and in Sept. 2020.", TODAY)
    assert [(d.text, d.value) for d in found] == [
        ("June 4, 2018", date(2018, 6, 4)),
        ("3/14/2019", date(2019, 3, 14)),
        ("Sept. 2020", date(2020, 9, 1)),
    ]


def test_labelled_dates_in_running_text():
    text = textwrap.dedent(
        """\
        This class specification was approved by the Board of Directors on June 4, 2018.
        Adopted by Resolution No. 18-45 on July 1, 2019.
        Rev. 3/2019
        Effective 7-1-21
        Revised: 01/04
        The incumbent revised 3 times in 2019 the procedures established in 1960.
        """
    )
    found = [(item.kind, item.date.text, item.date.value) for item in find_labelled_dates(text, TODAY)]
    assert found == [
        ("approved", "June 4, 2018", date(2018, 6, 4)),
        ("adopted", "July 1, 2019", date(2019, 7, 1)),
        ("revised", "3/2019", date(2019, 3, 1)),
        ("effective", "7-1-21", date(2021, 7, 1)),
        ("revised", "01/04", date(2004, 1, 1)),
    ]


def test_a_date_goes_with_the_nearest_label():
    text = "Adopted: ____   Revised: June 4, 2018"
    assert [(item.kind, item.date.text) for item in find_labelled_dates(text, TODAY)] == [("revised", "June 4, 2018")]


def test_no_label_across_a_blank_line_or_a_sentence():
    assert find_labelled_dates("Approved by the Board.\nThe office opened June 4, 2018.", TODAY) == []
    assert find_labelled_dates("Approved by the Board\n\nof Directors on June 4, 2018", TODAY) == []


# -- the rules on the seeds ----------------------------------------------------------

def test_seed_001_is_stale_not_future():
    found = seed_findings("001", "2026-11-23")
    assert [(v.code, v.line, v.column, v.end_column) for v in found] == [("D704", 62, 10, 15)]
    message = found[0].message
    assert '"01/04"' in message and "January 2004" in message and "5 years" in message
    assert "Revised: November 23, 2026" in message


def test_seed_003_date_modified_is_not_future_in_november_2026():
    assert seed_findings("003", "2026-11-23") == []


def test_seed_003_date_modified_is_future_in_june_2025():
    found = seed_findings("003", "2025-06-01")
    assert [(v.code, v.line, v.column, v.end_column, v.severity) for v in found] == [("D702", 9, 16, 26, "warning")]
    assert '"01-29-2026"' in found[0].message and "June 1, 2025" in found[0].message


def test_seed_004_effective_date_is_stale_by_2026():
    found = seed_findings("004", "2026-11-23")
    assert [(v.code, v.line, v.column) for v in found] == [("D704", 87, 20)]
    assert '"October 16, 2015"' in found[0].message
    assert seed_findings("004", "2019-01-01") == []


def test_seed_000_adopted_january_2015_is_stale():
    assert [(v.code, v.line, v.column) for v in seed_findings("000", "2026-11-23")] == [("D704", 386, 15)]
    assert seed_findings("000", "2019-06-01") == []


def test_seed_002_has_no_date():
    found = seed_findings("002", "2026-11-23")
    assert [(v.code, v.line, v.column) for v in found] == [("D705", 1, 0)]


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_date_findings(path):
    assert lint_path(str(path), Config(select=["D"], today="2026-11-23")).violations == []


def test_when_the_clean_specs_go_stale():
    """`speclint check specs/clean/` runs with the real date: the analyst spec, revised
    February 10, 2025, turns stale after February 10, 2030."""
    analyst = next(path for path in CLEAN if path.name.startswith("human-resources"))
    assert lint_path(str(analyst), Config(select=["D"], today="2030-02-10")).violations == []
    assert [v.code for v in lint_path(str(analyst), Config(select=["D"], today="2030-02-11")).violations] == ["D704"]


# -- the rules on spec snippets ------------------------------------------------------

HEADER = "ACCOUNTANT II\nFLSA Status: Exempt\n"


def test_impossible_date_d701():
    text = HEADER + "Adopted: 3/14/2024\nRevised: 02/30/2019\n"
    assert date_findings(text) == [("D701", 4, 10)]
    message = lint_text(text, Config(select=["D701"], today="2026-11-23"))[0].message
    assert '"02/30/2019"' in message and "February 2019 has only 28 days" in message
    assert message.startswith("Revision date")


def test_impossible_day_first_date_suggests_the_fix():
    text = HEADER + "Date Adopted: 07-2010\nDate Modified: 13/01/2020\n"
    [violation] = lint_text(text, Config(select=["D701"], today="2026-11-23"))
    assert violation.suggestion == "January 13, 2020"
    assert 'write "January 13, 2020"' in violation.message


def test_impossible_date_in_a_board_sentence():
    text = "CUSTOMER SERVICE SUPERVISOR\n\nThis specification was approved by the Board of Directors on June 31, 2018.\n"
    assert codes(text) == ["D701"]


def test_an_impossible_date_still_counts_as_a_date():
    assert "D705" not in codes(HEADER + "Adopted: 02/30/2019\n")


def test_future_date_d702():
    assert date_findings(HEADER + "Adopted: March 14, 2019\nRevised: June 3, 2099\n") == [("D702", 4, 10)]
    assert codes(HEADER + "Revised: 12/26\n") == ["D702"]  # December 2026, after November 23
    assert codes(HEADER + "Revised: 11/26\n") == []  # November 2026: may be this month
    assert codes(HEADER + "Revised: 2026\n") == []


def test_future_effective_date_message_allows_a_planned_date():
    [violation] = lint_text(HEADER + "Effective Date: July 1, 2027\n", Config(select=["D702"], today="2026-11-23"))
    assert "speclint-disable-line D702" in violation.message
    assert violation.message.startswith('Effective date "July 1, 2027" is after today (November 23, 2026)')


def test_revised_before_adopted_d703():
    text = "WATER TREATMENT OPERATOR II\nAdopted: March 14, 2019\nRevised: June 3, 2017\n"
    [violation] = lint_text(text, Config(select=["D"], today="2022-01-01"))
    assert (violation.code, violation.line, violation.column, violation.severity) == ("D703", 3, 10, "error")
    assert sorted(codes(text)) == ["D703", "D704"]  # by 2026 the adoption in 2019 is also stale
    assert '"June 3, 2017"' in violation.message and '"March 14, 2019"' in violation.message and "line 2" in violation.message


def test_revised_before_adopted_uses_the_latest_revision():
    # One old revision typed before the adoption, but the latest revision is after it.
    assert "D703" not in codes("CLERK\nAdopted: 12/02\nRevised: 01/01\nRevised: 01/04\n")
    assert "D703" in codes("CLERK\nAdopted: 12/02\nRevised: 01/01\n")
    # The same month, written with and without the day: no conflict.
    assert "D703" not in codes("CLERK\nDate Adopted: 07-2010\nDate Modified: 07-15-2010\n")


def test_stale_spec_d704_and_its_setting():
    text = HEADER + "Adopted: March 14, 2019\nRevised: June 3, 2021\n"
    assert date_findings(text) == [("D704", 4, 10)]
    assert codes(text, stale_after_years=6) == []
    assert codes(text, today="2026-06-02") == []  # exactly five years less a day
    assert codes(text, today="2026-06-04") == ["D704"]


def test_missing_date_d705():
    text = "CUSTOMER SERVICE SPECIALIST\n\nFLSA Status: Non-exempt\n\nDEFINITION\nPerforms customer service duties.\n"
    [violation] = lint_text(text, Config(select=["D"], today="2026-11-23"))
    assert (violation.code, violation.line, violation.column, violation.end_line, violation.end_column) == ("D705", 1, 0, 1, 0)
    assert "Adopted: June 4, 2018" in violation.message


def test_missing_date_names_the_empty_date_line():
    text = "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nApproved: ___ Human Resources Manager\n"
    [violation] = lint_text(text, Config(select=["D"], today="2026-11-23"))
    assert violation.code == "D705"
    assert '"Approved:" line (line 3) has no date' in violation.message


@pytest.mark.parametrize(
    "text",
    [
        # revised last year
        HEADER + "Adopted: August 21, 2017\nRevised: February 10, 2025\n",
        # only an approval date
        "CUSTOMER SERVICE SUPERVISOR\n\nThis specification was approved by the Board of Directors on June 4, 2024.\n",
        HEADER + "Approved: 10/15/2024\n",
        # a "Rev." line, as the only date
        "WATER TREATMENT OPERATOR II\nFLSA Status: Non-Exempt\n\nRev. 3/2024\n",
        "METER READER\nFLSA: Non-exempt\nEffective 7-1-23\n",
        HEADER + "Adopted: 2019-03-14\nRevised: 2025-06-03\n",
    ],
)
def test_must_not_fire(text):
    assert codes(text) == []


def test_rev_line_is_a_date_but_can_be_stale():
    text = "WATER TREATMENT OPERATOR II\nFLSA Status: Non-Exempt\n\nRev. 3/2019\n"
    assert codes(text, today="2022-01-01") == []
    assert date_findings(text) == [("D704", 4, 6)]


def test_ratios_ranges_and_phone_numbers_are_no_dates():
    text = HEADER + "Adopted: June 4, 2024\n\nThe plant operates 24/7; shifts rotate every 10-13 days. Call 831-384-6131.\n"
    assert codes(text) == []


# -- today: config, environment, real date -------------------------------------------

STALE_IN_2026 = HEADER + "Revised: June 3, 2021\n"


def test_today_from_the_environment(monkeypatch):
    monkeypatch.setenv("SPECLINT_TODAY", "2026-11-23")
    assert codes(STALE_IN_2026, today=None) == ["D704"]
    monkeypatch.setenv("SPECLINT_TODAY", "2022-01-01")
    assert codes(STALE_IN_2026, today=None) == []


def test_config_today_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("SPECLINT_TODAY", "2022-01-01")
    assert codes(STALE_IN_2026, today="2026-11-23") == ["D704"]


def test_bad_environment_today_falls_back_to_the_real_date(monkeypatch, capsys):
    monkeypatch.setenv("SPECLINT_TODAY", "next tuesday")
    assert codes(HEADER + "Revised: June 3, 2099\n", today=None) == ["D702"]
    assert "SPECLINT_TODAY" in capsys.readouterr().err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def test_config_file_today_and_stale_after_years(tmp_path):
    write(tmp_path / ".speclint.yaml", "select: [D]\ntoday: '2026-11-23'\nstale-after-years: 10\n")
    spec = write(tmp_path / "a.txt", STALE_IN_2026)
    config = resolve(spec)
    assert (config.today, config.stale_after_years) == ("2026-11-23", 10)
    assert config.rule_options["today"] == "2026-11-23" and config.rule_options["stale_after_years"] == 10
    assert lint_path(str(spec), config).violations == []
    old = write(tmp_path / "b.txt", HEADER + "Revised: June 3, 2011\n")
    assert [v.code for v in lint_path(str(old), config).violations] == ["D704"]


def test_unquoted_yaml_and_toml_dates(tmp_path):
    write(tmp_path / "yaml" / ".speclint.yaml", "select: [D]\ntoday: 2022-01-01\n")
    write(tmp_path / "toml" / "pyproject.toml", "[tool.speclint]\nselect = ['D']\ntoday = 2022-01-01\n")
    for folder in ("yaml", "toml"):
        spec = write(tmp_path / folder / "a.txt", STALE_IN_2026)
        config = resolve(spec)
        assert config.rule_options["today"] == "2022-01-01"
        assert lint_path(str(spec), config).violations == []


@pytest.mark.parametrize(
    "line, key",
    [
        ("today: '2026-13-01'", "today"),
        ("today: '11/23/2026'", "today"),
        ("today: 5", "today"),
        ("stale-after-years: 0", "stale-after-years"),
        ("stale-after-years: five", "stale-after-years"),
    ],
)
def test_bad_date_settings_name_the_key(tmp_path, line, key):
    write(tmp_path / ".speclint.yaml", line + "\n")
    spec = write(tmp_path / "a.txt", STALE_IN_2026)
    with pytest.raises(ConfigError, match=key):
        resolve(spec)


def test_cli_honours_speclint_today(run_speclint):
    seed = SEEDS["003"]
    later = run_speclint("check", "--select", "D", seed, env={"SPECLINT_TODAY": "2026-11-23"})
    assert later.returncode == 0, later.stdout
    earlier = run_speclint("check", "--select", "D", seed, env={"SPECLINT_TODAY": "2025-06-01"})
    assert earlier.returncode == 1
    assert f"{seed}:9:16: D702 [warning] Revision date \"01-29-2026\" is after today (June 1, 2025)." in earlier.stdout


# -- the fast paths of find_labelled_dates: the same dates as the plain searches ------------------------

def plain_labelled_dates(text: str, today: date) -> list[tuple]:
    """find_labelled_dates done the plain way: the keyword pattern searched over the whole text, each window read afresh."""
    from speclint.parse import dates

    found = {}
    for keyword in dates._KEYWORD.finditer(text):
        stop = keyword.end() + dates._REACH
        following = dates._KEYWORD.search(text, keyword.end(), stop)
        window = text[keyword.end() : following.start() if following else stop]
        for match in dates._LOOSE.finditer(window):
            gap = window[: match.start()]
            tight = dates._TIGHT_GAP.fullmatch(gap)
            if tight or (match.lastgroup not in dates._SHORT and dates._WORDY_GAP.fullmatch(gap) and not dates._BLANK_LINE.search(gap)):
                parsed = dates._build(match, today)
                start = keyword.end() + parsed.start
                end = keyword.end() + parsed.end
                found[start] = (keyword.lastgroup, keyword.group(0), keyword.start(), parsed.text, start, end, parsed.value, parsed.problem)
                break
    return [found[start] for start in sorted(found)]


def fast_labelled_dates(text: str, today: date) -> list[tuple]:
    from speclint.prefilter import normalize
    from speclint.search import fold

    found = find_labelled_dates(text, today, fold(text), normalize(text).words)
    return [(d.kind, d.keyword, d.keyword_start, d.date.text, d.date.start, d.date.end, d.date.value, d.date.problem) for d in found]


def test_labelled_dates_of_the_example_specs_are_those_of_the_plain_search():
    specs = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "specs").rglob("*.txt"))]
    assert specs
    for text in specs:
        expected = plain_labelled_dates(text, TODAY)
        assert fast_labelled_dates(text, TODAY) == expected
        assert fast_labelled_dates(text, TODAY) == expected  # again: the windows' dates now come from the memo


_DATE_PIECES = [
    "Adopted", "ADOPTION", "adoption date", "Revised", "revision", "Rev.", "rev", "Date", "DATE", "Last", "last", "Board",
    "Originally", "originally", "modified", "Amended", "updated", "Effective", "effectively", "approved", "Approval",
    "revised-", "_revised", "reviewed", "prevent", "\u017f", "\u0131", "dated", "on", "by the Board", "No.", "18-45",
    "12/82", "01/04", "3/2019", "7-1-21", "June 4, 2018", "13/01/2020", "02/30/2019", "2019", "Sept. 2020", "\u0130",
    " ", "  ", "\n", "\n\n", "\t", ":", ".", ",", "-", "x", "9",
]  # fmt: skip


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=40))
def test_labelled_dates_of_generated_text_are_those_of_the_plain_search(pieces):
    text = "".join(pieces)
    for today in (TODAY, date(2002, 1, 1)):
        assert fast_labelled_dates(text, today) == plain_labelled_dates(text, today)


def test_the_memos_answer_for_the_today_they_were_asked_with():
    """"01/04" is January 2004 in 2026, but January 1904 in 2002: the memos keep an answer per today."""
    for today, year in ((TODAY, 2004), (date(2002, 1, 1), 1904), (TODAY, 2004)):
        assert parse_date("01/04", today).value == date(year, 1, 1)
        assert [d.date.value for d in find_labelled_dates("Revised: 01/04", today)] == [date(year, 1, 1)]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Revised: ", "07-2010", "12/82", " ", "Rev. ", "x", "2019", "13/01/2020", ":"]), max_size=8))
def test_field_dates_from_the_memo_are_those_worked_out_afresh(pieces):
    from speclint.parse import dates

    text = "".join(pieces)
    for today in (TODAY, date(2002, 1, 1), TODAY):  # two-digit years depend on today: so does the memo's key
        assert parse_date(text, today) == dates._parse_value((text, today))
