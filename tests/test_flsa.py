"""FLSA rules F202-F208: the status, overtime wording, titles, salary arithmetic and
outdated salary levels, on small realistic specs and on the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from speclint.checks.flsa import facts, find_pay, flsa_status, money
from speclint.config import Config
from speclint.lint import lint_path, lint_text
from speclint.parse import parse_spec
from speclint.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {path.name[:3]: path for path in sorted((ROOT / "specs" / "seeds").glob("*.txt"))}
CLEAN = sorted((ROOT / "specs" / "clean").glob("*"))
FLSA_CODES = ("F202", "F203", "F204", "F205", "F206", "F208")


def found(text: str, code: str):
    return [v for v in lint_text(text, Config()) if v.code == code]


def flsa_findings(violations) -> list[tuple[str, int, int]]:
    return [(v.code, v.line, v.column) for v in violations if v.code in FLSA_CODES]


def spec(title: str, status: str, *lines: str) -> str:
    return "\n".join([title, f"FLSA Status: {status}", *lines]) + "\n"


# -- the facts ----------------------------------------------------------------------


def test_salary_level_and_outdated_figures_are_consistent():
    f = facts()
    assert (f.weekly, f.annual, f.effective) == (684, 35568, "2020-01-01")
    assert f.weekly * 52 == f.annual
    weekly = {item.weekly: item.annual for item in f.outdated if item.weekly}
    assert weekly == {455: 23660, 913: 47476, 844: 43888, 1128: 58656}
    assert all(w * 52 == a for w, a in weekly.items())
    assert {p.name: p.per_year for p in f.periods} == {
        "hourly": 2080,
        "biweekly": 26,
        "semimonthly": 24,
        "weekly": 52,
        "monthly": 12,
        "annual": 1,
    }


def test_money_formats_whole_dollars_and_cents():
    assert money(35568) == "$35,568"
    assert money(17.1) == "$17.10"


# -- reading the status ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Exempt", "exempt"),
        ("Exempt (Administrative)", "exempt"),
        ("Exempt - Executive", "exempt"),
        ("Non-Exempt", "non-exempt"),
        ("Non Exempt", "non-exempt"),
        ("Nonexempt", "non-exempt"),
        ("NON-EXEMPT", "non-exempt"),
        ("Non\u2013Exempt", "non-exempt"),  # Word's en dash
        ("Not Exempt", "non-exempt"),
        ("Non-exempt, eligible for overtime", "non-exempt"),
        ("Exempt/Non-Exempt", "both"),
        ("Hourly", None),
        ("N/A", None),
        ("", None),
    ],
)
def test_flsa_status_spellings(value, expected):
    assert flsa_status(value) == expected


def test_overtime_eligibility_labels_read_as_a_status():
    assert flsa_status("Eligible", "Overtime Eligibility") == "non-exempt"
    assert flsa_status("Not eligible", "Overtime Eligibility") == "exempt"
    assert flsa_status("Eligible", "FLSA Status") is None


# -- F202 invalid-flsa-status ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        spec("ACCOUNTANT", "Non-Exempt"),
        spec("ACCOUNTANT", "Non Exempt"),
        spec("ACCOUNTANT", "Nonexempt"),
        spec("ACCOUNTANT", "Non-exempt, eligible for overtime"),
        spec("ACCOUNTANT", "Exempt (Administrative)"),
        "ACCOUNTANT\nJob Status: Exempt\n",
        "ACCOUNTANT\nOvertime Eligibility: Eligible\n",
        "ACCOUNTANT I / II / SENIOR\nFLSA Status: Non-Exempt (I/II); Exempt (Senior)\n",
        "ACCOUNTANT TRAINEE / SENIOR ACCOUNTANT\nFLSA Status: Non-Exempt (Trainee); Exempt (Senior)\n",
        "ACCOUNTANT\nFLSA: Exempt\nDEFINITION\nPerforms accounting work.\n\nJob Status: Exempt\n",
        # the merit system, not overtime
        "ACCOUNTANT\nStatus: Exempt from Civil Service\nFLSA Status: Non-Exempt\n",
    ],
)
def test_f202_accepts_real_spellings(text):
    assert not found(text, "F202")


def test_f202_value_that_is_no_status():
    [violation] = found(spec("ACCOUNTANT", "Hourly"), "F202")
    assert (violation.line, violation.column, violation.severity) == (2, 14, "error")
    assert '"Hourly" is neither Exempt nor Non-Exempt' in violation.message
    assert "how the class is paid" in violation.message


def test_f202_blank_value():
    text = "ACCOUNTANT\nFLSA Status:\n\nDEFINITION\nPerforms accounting work.\n"
    [violation] = found(text, "F202")
    assert violation.line == 2 and "blank" in violation.message


def test_f202_both_statuses_in_one_value():
    [violation] = found(spec("ACCOUNTANT", "Exempt/Non-Exempt"), "F202")
    assert "names both" in violation.message


def test_f202_two_statuses_in_one_spec_reported_at_the_second():
    text = (
        "CUSTOMER SERVICE SUPERVISOR\n"
        "FLSA: Exempt\n"
        "DEFINITION\n"
        "Plans, organizes and supervises customer service operations.\n"
        "\n"
        "JOB STATUS: Non-Exempt\n"
    )
    [violation] = found(text, "F202")
    assert (violation.line, violation.column) == (6, 13)
    assert '"Non-Exempt" contradicts "Exempt" on line 2' in violation.message
    # with no single status, the other FLSA rules stay quiet
    assert [v.code for v in lint_text(text, Config()) if v.code in FLSA_CODES] == ["F202"]


# -- F203 exempt-promises-overtime ---------------------------------------------------------

EXEMPT_HEAD = "FINANCE MANAGER\nFLSA Status: Exempt\n\nWORKING CONDITIONS\n"


@pytest.mark.parametrize(
    "sentence, promise",
    [
        ("Incumbents are eligible for overtime during declared emergencies.", "eligible for overtime"),
        ("This class receives overtime pay for work on holidays.", "receives overtime pay"),
        ("Employees in this class are paid overtime for budget preparation.", "paid overtime"),
        ("Overtime worked during the annual audit is paid at time and one-half.", "time and one-half"),
        ("Hours over 40 are compensated at 1.5 times the regular rate of pay.", "1.5 times the regular rate"),
        ("This class is not eligible for overtime, but is eligible for paid overtime when called back.", "eligible for paid overtime"),
    ],
)
def test_f203_fires_on_promised_overtime_pay(sentence, promise):
    [violation] = found(EXEMPT_HEAD + sentence + "\n", "F203")
    assert violation.severity == "warning" and promise in violation.message
    assert "lawful" in violation.message  # voluntary pay is allowed: the message asks to clarify


def test_f203_fires_on_the_status_line_itself():
    [violation] = found(spec("FINANCE MANAGER", "Exempt, eligible for overtime"), "F203")
    assert (violation.line, violation.column) == (2, 22)


@pytest.mark.parametrize(
    "sentence",
    [
        "May be required to work overtime.",
        "Work evenings, weekends and overtime as required.",
        "District employees are expected to work overtime, weekends, evenings, and holidays as required.",
        "Exempt employees are not eligible for overtime pay or time and one-half.",
        "This class is not paid overtime; administrative leave is granted instead.",
        "Non-exempt employees are eligible for overtime; exempt employees are not.",
        "May receive administrative leave in lieu of paid overtime.",
        "Eligible for overtime: No",
        "Unpaid overtime may be required during the budget season.",
    ],
)
def test_f203_not_on_hours_or_negations(sentence):
    assert not found(EXEMPT_HEAD + sentence + "\n", "F203")


def test_f203_not_on_a_duty_about_other_peoples_overtime():
    text = (
        "FINANCE MANAGER\nFLSA Status: Exempt\n\nESSENTIAL FUNCTIONS\n"
        "1. Reviews timesheets and approves paid overtime for division staff.\n"
        "2. Determines which employees are eligible for overtime under the MOU.\n"
    )
    assert not found(text, "F203")


def test_f203_not_in_the_definition_of_a_payroll_class():
    text = (
        "PAYROLL MANAGER\nFLSA Status: Exempt\n\nDEFINITION\n"
        "Plans and directs payroll operations, including paid overtime at time and one-half.\n"
    )
    assert not found(text, "F203")


def test_f203_not_for_non_exempt_classes():
    text = "ACCOUNTING TECHNICIAN\nFLSA Status: Non-Exempt\n\nWORKING CONDITIONS\nOvertime is paid at time and one-half.\n"
    assert not found(text, "F203")


# -- F204 manager-non-exempt -------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "CUSTOMER SERVICE SUPERVISOR",
        "Public Works Superintendent",
        "Assistant Finance Director",
        "Supervising Accountant",
        "Utilities Division Manager",
    ],
)
def test_f204_manager_title_non_exempt(title):
    [violation] = found(spec(title, "Non-Exempt"), "F204")
    assert violation.severity == "info" and "541.100" in violation.message
    assert (violation.line, violation.column) == (2, 14)


@pytest.mark.parametrize(
    "title, status",
    [
        ("CUSTOMER SERVICE SUPERVISOR", "Exempt"),
        ("LEAD CUSTOMER SERVICE REPRESENTATIVE", "Non-Exempt"),
        ("Case Manager", "Non-Exempt"),
        ("Network Administrator", "Non-Exempt"),
        ("Executive Assistant to the General Manager", "Non-Exempt"),
        ("Management Analyst", "Non-Exempt"),
        ("Administrative Assistant", "Non-Exempt"),
        ("Contract Administrator", "Non-Exempt"),
        ("Clerk of the Board of Supervisors", "Non-Exempt"),
    ],
)
def test_f204_not_for_other_titles_or_exempt(title, status):
    assert not found(spec(title, status), "F204")


# -- F205 excluded-class-exempt ----------------------------------------------------------


@pytest.mark.parametrize(
    "title, cite",
    [
        ("POLICE OFFICER", "541.3(b)"),
        ("Firefighter/Paramedic", "541.3(b)"),
        ("Deputy Sheriff I", "541.3(b)"),
        ("Correctional Officer", "541.3(b)"),
        ("Park Ranger", "541.3(b)"),
        ("Maintenance Worker II", "541.3(a)"),
        ("Heavy Equipment Operator", "541.3(a)"),
        ("Fleet Mechanic", "541.3(a)"),
        ("Custodian", "541.3(a)"),
        ("Senior Electrician", "541.3(a)"),
    ],
)
def test_f205_first_responder_and_trades_exempt(title, cite):
    [violation] = found(spec(title, "Exempt"), "F205")
    assert violation.severity == "warning" and cite in violation.message
    assert violation.suggestion == "Non-Exempt"


@pytest.mark.parametrize(
    "title, status",
    [
        ("POLICE OFFICER", "Non-Exempt"),
        ("Battalion Chief", "Exempt"),
        ("Fire Captain", "Exempt"),
        ("Police Lieutenant", "Exempt"),
        ("Maintenance Supervisor", "Exempt"),
        ("Fleet Maintenance Manager", "Exempt"),
        ("Mechanical Engineer", "Exempt (Professional)"),
        ("Electrical Engineer", "Exempt"),
        ("Police Records Technician", "Non-Exempt"),
        ("Fire Protection Engineer", "Exempt"),
    ],
)
def test_f205_not_for_managers_ranks_professionals(title, status):
    assert not found(spec(title, status), "F205")


# -- salary parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, low, high, period, annual",
    [
        ("$25.50/hour", 25.5, 25.5, "hourly", 53040),
        ("$17.10 - $22.00 per hour", 17.1, 22.0, "hourly", 35568),
        ("$25-31/hr", 25, 31, "hourly", 52000),
        ("$3,200 biweekly", 3200, 3200, "biweekly", 83200),
        ("$1,300 bi-weekly", 1300, 1300, "biweekly", 33800),
        ("$1,482 semi-monthly", 1482, 1482, "semimonthly", 35568),
        ("$700 a week", 700, 700, "weekly", 36400),
        ("$5,120 - $6,224 monthly", 5120, 6224, "monthly", 61440),
        ("$5,120 to $6,224 per month", 5120, 6224, "monthly", 61440),
        ("$5,120 \u2013 $6,224/mo.", 5120, 6224, "monthly", 61440),
        ("$4,000 \u2014 5,000 per month", 4000, 5000, "monthly", 48000),
        ("$82,410 - $100,172 annually", 82410, 100172, "annual", 82410),
        ("Annual: $82,410 to $100,172", 82410, 100172, "annual", 82410),
        ("Salary Range (Monthly): $5,120.00 - $6,224.00", 5120, 6224, "monthly", 61440),
        ("Salary Range: 5,120 - 6,224 monthly", 5120, 6224, "monthly", 61440),
        ("Salary: $82K - $95K", 82000, 95000, "annual", 82000),  # no period: large amounts are annual
        ("Hourly Rate: $16.50", 16.5, 16.5, "hourly", 34320),
    ],
)
def test_find_pay_annualises_the_minimum(text, low, high, period, annual):
    [pay] = find_pay(text)
    assert (pay.low, pay.high, pay.period, pay.annual_low) == (low, high, period, annual)


def test_find_pay_several_ranges_on_one_line_keep_their_own_periods():
    pays = find_pay("Monthly: $5,120 - $6,224  Annual: $61,440 - $74,688")
    assert [(p.period, p.annual_low) for p in pays] == [("monthly", 61440), ("annual", 61440)]
    pays = find_pay("Salary Range: $5,120 - $6,224 monthly ($61,440 - $74,688 annually)")
    assert [(p.period, p.annual_low) for p in pays] == [("monthly", 61440), ("annual", 61440)]


@pytest.mark.parametrize(
    "text",
    [
        "Wage Schedule Range: 10 / 13 / 15 / 17",  # seed 004: range numbers, not dollars
        "Pay Grade: 42",
        "Salary Range: 42",
        "Salary Range: $5,120 - $6,224",  # no period, and monthly or biweekly cannot be told apart
        "Effective 10.16.2015",
        "Step increases of 2.50% annually",
    ],
)
def test_find_pay_ignores_numbers_that_are_not_pay(text):
    assert find_pay(text) == []


# -- F206 exempt-below-salary-level ---------------------------------------------------------


@pytest.mark.parametrize(
    "pay_line, stated, annual",
    [
        ("Salary Range: $2,800 - $3,400 monthly", "$2,800 monthly", "$33,600"),
        ("Pay Range: $16.50 - $21.75 per hour", "$16.50 hourly", "$34,320"),
        ("Salary Range: $1,300 - $1,600 biweekly", "$1,300 biweekly", "$33,800"),
        ("Salary Range: $30,000 \u2013 $38,000 annually", "$30,000", "$30,000"),
        ("Hourly Rate: $15.00", "$15 hourly", "$31,200"),
    ],
)
def test_f206_fires_below_the_salary_level(pay_line, stated, annual):
    text = spec("PROGRAM COORDINATOR", "Exempt (Administrative)", pay_line)
    [violation] = found(text, "F206")
    assert violation.severity == "error" and violation.line == 3
    assert f"starts at {stated}, which is {annual} a year" in violation.message
    assert "$684 a week ($35,568 a year)" in violation.message


def test_f206_salary_on_the_line_under_its_label():
    text = spec("PROGRAM COORDINATOR", "Exempt", "", "SALARY RANGE", "$2,800 - $3,400 monthly")
    [violation] = found(text, "F206")
    assert (violation.line, violation.column, violation.end_column) == (5, 1, 24)


@pytest.mark.parametrize(
    "title, status, pay_line",
    [
        ("HUMAN RESOURCES ANALYST", "Exempt", "Salary Range: $82,410 - $100,172 annually"),
        ("PROGRAM COORDINATOR", "Exempt", "Salary Range: $2,964 - $3,600 monthly"),  # exactly $35,568
        ("PROGRAM COORDINATOR", "Exempt", "Salary Range: $17.10 - $22.00 hourly"),  # exactly $35,568
        ("ACCOUNTING TECHNICIAN", "Non-Exempt", "Salary Range: $2,800 - $3,400 monthly"),
        ("TEACHER", "Exempt (Professional)", "Salary Range: $2,800 - $3,400 monthly"),
        ("Deputy City Attorney I", "Exempt", "Salary Range: $2,800 - $3,400 monthly"),
        ("CUSTOMER SERVICE REPRESENTATIVE", "Exempt", "Wage Schedule Range: 10 / 13 / 15 / 17"),
        ("PROGRAM COORDINATOR", "Exempt", "Salary Range: $2,800 - $3,400"),  # period not written
        ("PROGRAM COORDINATOR", "Exempt", ""),  # no salary at all
    ],
)
def test_f206_quiet(title, status, pay_line):
    assert not found(spec(title, status, pay_line), "F206")


@pytest.mark.parametrize(
    "pay_line",
    [
        "Salary Range: $6,000 - $7,500 monthly, plus $300 monthly auto allowance",
        "Salary Range: $6,000 - $7,500 monthly, car allowance $300 monthly",
        "Salary Range: $6,000 - $7,500 monthly; $150 per month bilingual pay",
        "Salary Range: $6,000 - $7,500 monthly ($72,000 - $90,000 annually)",
    ],
)
def test_f206_allowances_on_the_salary_line_are_not_the_salary(pay_line):
    assert not found(spec("PAYROLL MANAGER", "Exempt", pay_line), "F206")


def test_f206_reports_the_lowest_minimum_of_several_pay_lines():
    text = spec("PROGRAM COORDINATOR", "Exempt", "Salary Range: $3,000 - $3,600 monthly", "Hourly Rate: $16.00 - $20.00")
    [violation] = found(text, "F206")
    assert violation.line == 4 and "$16 hourly, which is $33,280 a year" in violation.message


def test_f206_not_on_duties_that_mention_money():
    text = spec(
        "PROGRAM COORDINATOR",
        "Exempt",
        "",
        "ESSENTIAL FUNCTIONS",
        "1. Administers a $2,500 monthly petty cash fund and $15 per hour stipends for interns.",
    )
    assert not found(text, "F206")


# -- F208 outdated-threshold ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, cited",
    [
        ("Exempt classes must be paid a salary of at least $455 per week.", "$455 a week"),
        ("The salary basis test requires $913/week.", "$913 a week"),
        ("Effective July 1, 2024, exempt employees must earn $844 per week.", "$844 a week"),
        ("Exempt status requires a weekly salary of $1,128.00.", "$1,128 a week"),
        ("The FLSA salary threshold of $58,656 a year applies.", "$58,656 a year"),
        ("Minimum salary for exempt status: $43,888.", "$43,888 a year"),
        ("Highly compensated employees earning $132,964 or more are exempt.", "$132,964 a year"),
    ],
)
def test_f208_fires_on_outdated_levels(sentence, cited):
    text = "ACCOUNTANT\nFLSA Status: Exempt\n\nNOTE\n" + sentence + "\n"
    [violation] = found(text, "F208")
    assert violation.severity == "warning" and violation.line == 5
    assert violation.message.startswith(f"{cited} is an outdated FLSA salary level")
    assert "2020-01-01" in violation.message


def test_f208_explains_the_vacated_2024_rule():
    text = "ACCOUNTANT\nFLSA Status: Exempt\n\nNOTE\nExempt staff earn at least $1,128 per week.\n"
    [violation] = found(text, "F208")
    assert "vacated on 2024-11-15" in violation.message and "$684 a week" in violation.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Exempt classes must be paid a salary of at least $684 per week.",
        "Reconciles the $455 petty cash fund.",  # no week: not the weekly level
        "Receives a $844 annual uniform allowance.",
        "Exempt employees receive $4,550 per year in deferred compensation.",
        "Manages a training budget of $43,888.",  # an annual figure that is no salary
    ],
)
def test_f208_quiet(sentence):
    text = "ACCOUNTANT\nFLSA Status: Exempt\n\nNOTE\n" + sentence + "\n"
    assert not found(text, "F208")


def test_f208_not_on_the_class_salary_line_that_happens_to_match():
    assert not found(spec("ACCOUNTANT", "Exempt", "Salary Range: $47,476 - $58,656 annually"), "F208")
    text = spec("ACCOUNTANT", "Exempt", "Salary Range: $2,800 monthly (FLSA minimum $455 per week)")
    assert [v.code for v in found(text, "F208")] == ["F208"]


# -- the seeds and the clean specs ----------------------------------------------------------


def lint_seed(key: str):
    return lint_path(str(SEEDS[key]), Config()).violations


def test_seed_000_exempt_supervisor_without_salary_is_quiet():
    assert flsa_findings(lint_seed("000")) == []


def test_seed_001_has_no_status_so_only_f201():
    assert [v.code for v in lint_seed("001") if v.code.startswith("F")] == ["F201"]


def test_seed_002_non_exempt_supervisor_is_an_f204_note():
    [violation] = [v for v in lint_seed("002") if v.code in FLSA_CODES]
    assert (violation.code, violation.severity, violation.line, violation.column) == ("F204", "info", 141, 1)
    assert "CUSTOMER SERVICE/BILLING SUPERVISOR" in violation.message


def test_seed_003_job_status_non_exempt_is_quiet():
    assert flsa_findings(lint_seed("003")) == []


def test_seed_004_wage_schedule_range_is_not_a_salary():
    assert flsa_findings(lint_seed("004")) == []
    source = read_bytes(SEEDS["004"].read_bytes(), SEEDS["004"].name)
    model = parse_spec(source)
    assert model.metadata["salary_range"].value == "10 / 13 / 15 / 17"
    assert find_pay(source.view[model.metadata["salary_range"].line - 1]) == []
    # even if the class were exempt, range numbers are no pay below the level
    exempt = SEEDS["004"].read_text(encoding="utf-8").replace("FLSA:      Non-exempt", "FLSA:      Exempt")
    assert "FLSA:      Exempt" in exempt
    assert not found(exempt, "F206")


def test_seed_003_overtime_hours_would_not_fire_f203_even_if_exempt():
    text = SEEDS["003"].read_text(encoding="utf-8").replace("Job Status: Non-Exempt", "Job Status: Exempt")
    assert "Job Status: Exempt" in text
    assert not found(text, "F203")


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_specs_have_no_flsa_findings(path):
    assert flsa_findings(lint_path(str(path), Config()).violations) == []
