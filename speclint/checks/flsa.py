"""FLSA rules that need the parsed status, the class title or arithmetic (29 CFR 541).

The facts — the salary level in force and the outdated ones, pay periods, and
the title words for managers, first responders and trades — are data in
rules/flsa.yaml. The helpers here (``flsa_status``, ``find_pay``,
``salary_lines``) are public so the tests can check them one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from speclint import search
from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.parse.model import SECTION_KEYS, Field, Spec
from speclint.resources import load_yaml, rules_dir

EXEMPT, NON_EXEMPT, BOTH = "exempt", "non-exempt", "both"

# -- the facts (rules/flsa.yaml) ------------------------------------------------


def _title_pattern(words: list[str]) -> re.Pattern:
    parts = [word.replace(" ?", r"[\s-]*").replace(" ", r"[\s-]+") for word in words]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.I)


@dataclass(frozen=True)
class Period:
    name: str
    per_year: int
    words: re.Pattern  # the period's words, anchored where it is used


@dataclass(frozen=True)
class Outdated:
    weekly: int | None
    annual: int
    rule: str
    note: str
    hce: bool


@dataclass(frozen=True)
class Facts:
    weekly: int
    annual: int
    effective: str
    source: str
    hce_annual: int
    outdated: tuple[Outdated, ...]
    periods: tuple[Period, ...]
    any_period: re.Pattern
    infer_hourly_below: float
    infer_annual_from: float
    manager: re.Pattern
    manager_exceptions: re.Pattern
    supervisory_ranks: re.Pattern
    first_responder: re.Pattern
    trades: re.Pattern
    no_salary_test: re.Pattern

    def period(self, word: str) -> Period | None:
        return next((p for p in self.periods if p.words.fullmatch(word)), None)


@cache
def facts() -> Facts:
    data = load_yaml(rules_dir() / "flsa.yaml")
    level = data["salary_level"]
    periods = tuple(
        Period(name, int(entry["per_year"]), re.compile("|".join(entry["words"]), re.I)) for name, entry in data["pay_periods"].items()
    )
    words = sorted((w for entry in data["pay_periods"].values() for w in entry["words"]), key=len, reverse=True)
    titles = data["titles"]
    return Facts(
        weekly=int(level["weekly"]),
        annual=int(level["annual"]),
        effective=str(level["effective"]),
        source=str(level["source"]),
        hce_annual=int(level["highly_compensated_annual"]),
        outdated=tuple(
            Outdated(item.get("weekly"), int(item["annual"]), item["rule"], item["note"], bool(item.get("hce")))
            for item in data["outdated"]
        ),
        periods=periods,
        any_period=re.compile(r"(?<![\w-])(" + "|".join(words) + r")(?![\w-])", re.I),
        infer_hourly_below=float(data["infer_hourly_below"]),
        infer_annual_from=float(data["infer_annual_from"]),
        manager=_title_pattern(titles["manager"]),
        manager_exceptions=_title_pattern(titles["manager_exceptions"]),
        supervisory_ranks=_title_pattern(titles["supervisory_ranks"]),
        first_responder=_title_pattern(titles["first_responder"]),
        trades=_title_pattern(titles["trades"]),
        no_salary_test=_title_pattern(titles["no_salary_test"]),
    )


def money(amount: float) -> str:
    """$35,568 or $17.10: cents only when there are any."""
    if amount != int(amount):
        return f"${amount:,.2f}"
    return f"${int(amount):,}"


# -- the FLSA status ------------------------------------------------------------

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015"
# "Non-Exempt", "Non Exempt", "Nonexempt", "Non–Exempt" (Word's dashes), "Not Exempt".
_NON_EXEMPT = re.compile(rf"\b(?:non[\s{_DASHES}]*|not[\s{_DASHES}]+)exempt\b", re.I)
_EXEMPT = re.compile(r"\bexempt\b", re.I)
_FLSA_LABEL = re.compile(r"flsa|fair labor|overtime", re.I)
_OVERTIME_LABEL = re.compile(r"overtime", re.I)
_OVERTIME_YES = re.compile(r"^\W*(?:yes|eligible)\b", re.I)
_OVERTIME_NO = re.compile(r"^\W*(?:no|not\s+eligible|ineligible)\b", re.I)
# "Status: Exempt from civil service" is about the merit system, not overtime.
_CIVIL_SERVICE = re.compile(r"civil\s+service|merit|\bclassified|unclassified|at[\s-]will|competitive\s+service", re.I)
# A series spec may give each level its own status: "Non-Exempt (I/II); Exempt (Senior)".
_LEVEL_WORDS = re.compile(r"\b(?:I{1,3}|IV|VI{0,3}|[1-5]|(?i:levels?|senior|sr|trainee|entry|journey(?:man|level)?|lead|principal))\b")


def flsa_status(value: str, label: str = "FLSA Status") -> str | None:
    """'exempt', 'non-exempt', 'both' (the value names both), or None (neither)."""
    non_exempt = bool(_NON_EXEMPT.search(value))
    exempt = bool(_EXEMPT.search(_NON_EXEMPT.sub(" ", value)))
    if non_exempt and exempt:
        return BOTH
    if non_exempt:
        return NON_EXEMPT
    if exempt:
        return EXEMPT
    if _OVERTIME_LABEL.search(label):  # "Overtime Eligibility: Eligible"
        if _OVERTIME_NO.search(value):
            return EXEMPT
        if _OVERTIME_YES.search(value):
            return NON_EXEMPT
    return None


def flsa_fields(spec: Spec) -> list[Field]:
    """Every FLSA status line, in file order (a loose "Status: Exempt from civil service" is not one)."""
    found = []
    for item in spec.fields:
        if item.key != "flsa_status":
            continue
        if not _FLSA_LABEL.search(item.label) and _CIVIL_SERVICE.search(item.value):
            continue
        found.append(item)
    return found


def _per_level(value: str) -> bool:
    return bool(_LEVEL_WORDS.search(_EXEMPT.sub(" ", _NON_EXEMPT.sub(" ", value))))


def spec_status(spec: Spec) -> tuple[str | None, Field | None]:
    """The class's one FLSA status and the line that states it; (None, None) when it is
    missing, unreadable or contradictory (F201 and F202 report those)."""
    fields = [(flsa_status(item.value, item.label), item) for item in flsa_fields(spec)]
    statuses = {status for status, _ in fields if status is not None}
    if len(statuses) != 1 or BOTH in statuses:
        return None, None
    return next((status, item) for status, item in fields if status is not None)


def _title(spec: Spec) -> str:
    return " ".join((spec.title or "").split())


def _is_manager_title(title: str) -> bool:
    f = facts()
    rest = f.manager_exceptions.sub(" ", title)
    return bool(f.manager.search(rest))


def _field_span(ctx: RuleContext, rule: PythonRule, item: Field, message: str, suggestion: str | None = None):
    end = min(item.column + max(len(item.value), 1), len(ctx.source.lines[item.line - 1]) + 1)  # a blank value at the line's end
    return ctx.violation(rule, item.line, item.column, item.line, end, message, suggestion)


# -- salaries ---------------------------------------------------------------------

# A number: "$5,120", "$25.50", "$82K", "6,224.00", "31". Not part of a date or a
# percentage, and not a figure glued to other digits.
_NUMBER = re.compile(
    r"(?<![\w.,$])(?P<dollar>\$\s?)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d{1,2})?(?![\d.,]*\d)"
    r"(?:\s?(?P<k>[kK])\b)?(?!\s?%)"
)
_RANGE_JOIN = re.compile(r"\s*(?:-+|\u2013|\u2014|to|through|thru)\s*", re.I)
_PERIOD_PREFIX = r"\s*\)?\s*\(?\s*(?:per|a|an|each|every|/)?\s*"

# A line that states pay: "Salary Range:", "Pay Range", "Monthly Salary:",
# "Hourly Rate:", "Compensation:", "**Salary Range:**", "- Wage: ".
_SALARY_LABEL = re.compile(
    r"^[\W_]*(?:(?:annual|monthly|hourly|bi-?weekly|semi-?monthly|weekly|base|starting|entry|current)\s+)?"
    r"(?:salary|pay|wages?|compensation|rate\s+of\s+pay|pay\s+rate|hourly\s+rate)"
    r"(?:\s+(?:range|rate|grade|schedule|band|scale|level))?"
    r"\s*(?:\([^)]{0,30}\))?[*_]*\s*(?::[*_]*|\t|\s{2,}|$|(?=\$))",
    re.I,
)
# A pay line that quotes the FLSA test rather than the class's own pay.
_THRESHOLD_TALK = re.compile(r"threshold|salary\s+(?:level|basis|test)|\b541\b|minimum\s+salary|department\s+of\s+labor|\bDOL\b", re.I)
# Words that put a figure in the context of the FLSA test (F208 on pay lines).
_FLSA_TALK = re.compile(r"\bFLSA\b|fair\s+labor|\bexempt|overtime|" + _THRESHOLD_TALK.pattern, re.I)
# ... and, for an annual figure outside a pay line, words that make it a salary at all.
_PAY_TALK = re.compile(_FLSA_TALK.pattern + r"|salar|\bearn|\bpaid\b|compensat", re.I)


@dataclass(frozen=True)
class Pay:
    """One amount or range of pay found in a line: ``low`` .. ``high`` per ``period``."""

    low: float
    high: float
    period: str
    per_year: int
    start: int  # offsets into the text searched
    end: int
    text: str

    @property
    def annual_low(self) -> float:
        return round(self.low * self.per_year, 2)

    @property
    def annual_high(self) -> float:
        return round(self.high * self.per_year, 2)


@dataclass
class _Number:
    value: float
    dollar: bool
    formatted: bool  # thousands commas or cents: a sum of money, not a grade or step number
    start: int
    end: int


def _numbers(text: str) -> list[_Number]:
    found = []
    for match in _NUMBER.finditer(text):
        value = float(match.group("int").replace(",", "") + (match.group("cents") or ""))
        if match.group("k"):
            value *= 1000
        formatted = "," in match.group("int") or bool(match.group("cents")) or bool(match.group("k"))
        found.append(_Number(value, bool(match.group("dollar")), formatted, match.start(), match.end()))
    return found


def find_pay(text: str) -> list[Pay]:
    """Amounts and ranges of pay in one line, each with its pay period.

    "$25.50/hour", "$3,200 biweekly", "$5,120 - $6,224 monthly", "Annual: $82,410 to
    $100,172", "$4,000 – 5,000 per month". A figure needs a dollar sign, or thousands
    commas or cents and a written period: "Range 10 / 13 / 15" is no pay. Without a
    written period, small amounts are hourly and large ones annual; the rest are skipped.
    """
    f = facts()
    numbers = _numbers(text)
    groups: list[tuple[_Number, _Number]] = []
    index = 0
    while index < len(numbers):
        first = numbers[index]
        if not (first.dollar or first.formatted):
            index += 1
            continue
        last = first
        if index + 1 < len(numbers):
            second = numbers[index + 1]
            if _RANGE_JOIN.fullmatch(text[first.end : second.start]) and (second.dollar or second.formatted or first.dollar):
                last = second
                index += 1
        groups.append((first, last))
        index += 1

    found: list[Pay] = []
    used_until = 0  # text up to here belongs to an earlier amount and its period
    for position, (first, last) in enumerate(groups):
        following_start = groups[position + 1][0].start if position + 1 < len(groups) else len(text)
        after = re.match(_PERIOD_PREFIX + r"(" + f.any_period.pattern + r")(?!\s*:)", text[last.end : following_start], re.I)
        period = None
        end = last.end
        if after:
            period = f.period(after.group(1))
            end = last.end + after.end()
        if period is None:
            before = list(f.any_period.finditer(text[used_until : first.start]))
            if before:
                period = f.period(before[-1].group(1))
        low, high = sorted((first.value, last.value))
        if period is None:
            if not (first.dollar or last.dollar):
                used_until = end
                continue
            if high < f.infer_hourly_below:
                period = f.period("hourly")
            elif low >= f.infer_annual_from:
                period = f.period("annual")
        used_until = end
        if period is None:
            continue
        annual = low * period.per_year
        if not 1_000 <= annual <= 10_000_000:  # "$6,224 per hour" is a misreading, not a salary
            continue
        found.append(Pay(low, high, period.name, period.per_year, first.start, end, text[first.start : end]))
    return found


def salary_lines(spec: Spec, among: set[int] | None = None) -> list[int]:
    """The lines that state the class's pay: the salary field (and its value when that
    stands on the next line), lines that open with a pay label ("Salary Range:",
    "Monthly Salary:", "Hourly Rate:"), and the figures under a label that stands alone.
    With ``among``, the list is complete for those lines only: a caller that asks about a
    few lines spares the test of every line against the labels."""
    view = spec.source.view
    found: set[int] = set()
    for item in spec.fields:
        if item.key == "salary_range" and item.value:
            found.add(item.line)
    if among is None:
        numbers = range(1, len(view) + 1)
    else:  # a label line puts itself or one of the two lines after it in the list
        numbers = sorted({number - back for number in among for back in (0, 1, 2) if 1 <= number - back <= len(view)})
    for number in numbers:
        line = view[number - 1]
        match = _SALARY_LABEL.match(line)
        if not match:
            continue
        if line[match.end() :].strip():
            found.add(number)
            continue
        for following in range(number, min(number + 2, len(view))):
            if view[following].strip():
                if re.match(r"\s*\$", view[following]):
                    found.add(following + 1)
                break
    return sorted(found)


# Pay on top of the salary: "plus a $300 monthly auto allowance", "$150 per month bilingual pay".
_ADD_ON_WORDS = (
    r"allowance|stipend|differential|bonus|incentive|premium|increase|increment|longevity|reimburse\w*|uniform|"
    r"per\s+diem|car|auto|vehicle|bilingual|certification\s+pay|standby|on[\s-]call|call[\s-]?back"
)
_ADD_ON = re.compile(r"\b(?:plus|additional|and\s+an?|with\s+an?|" + _ADD_ON_WORDS + r")\b", re.I)
_ADD_ON_AFTER = re.compile(r"[ \t(]{0,2}(?:\w+[ \t]+){0,2}(?:" + _ADD_ON_WORDS + r")\b", re.I)


def lowest_pay(spec: Spec) -> tuple[Pay, int] | None:
    """The pay with the lowest annualised minimum on the class's pay lines, and its line."""
    best = None
    for line in salary_lines(spec):
        text = spec.source.view[line - 1]
        if _THRESHOLD_TALK.search(text):
            continue
        for pay in find_pay(text):
            if _ADD_ON.search(text[max(0, pay.start - 30) : pay.start]) or _ADD_ON_AFTER.match(text[pay.end :]):
                continue
            if best is None or pay.annual_low < best[0].annual_low:
                best = (pay, line)
    return best


# -- the rules ------------------------------------------------------------------


@register
class InvalidFlsaStatus(PythonRule):
    code = "F202"
    name = "invalid-flsa-status"
    category = "flsa"
    severity = "error"
    message = (
        "The FLSA status is neither Exempt nor Non-Exempt, or the spec gives two different statuses. "
        'Write one line, "FLSA Status: Exempt" or "FLSA Status: Non-Exempt".'
    )
    description = """
    Why: the FLSA status says whether the class is paid overtime (29 CFR 541).
    A value such as "Hourly", "N/A" or "Exempt/Non-Exempt", a blank value, or
    "FLSA: Exempt" at the top and "Job Status: Non-Exempt" further down leaves
    payroll to guess, and a wrong guess means back pay. Fix: state one status,
    "Exempt" or "Non-Exempt"; the exemption may follow ("Exempt
    (Administrative)"), and so may a note ("Non-Exempt, eligible for
    overtime"). A series whose levels differ may name the level for each
    ("Non-Exempt (I/II); Exempt (Senior)").
    """
    fire = (
        "ACCOUNTANT\nFLSA Status: Hourly\nDEFINITION\nPerforms professional accounting work.\n",
        "ACCOUNTANT\nFLSA Status: Exempt/Non-Exempt\nDEFINITION\nPerforms professional accounting work.\n",
        "ACCOUNTANT\nFLSA: Exempt\nDEFINITION\nPerforms professional accounting work.\n\nJOB STATUS: Non-Exempt\n",
    )
    passing = (
        "ACCOUNTANT\nFLSA Status: Non-Exempt\n",
        "ACCOUNTANT\nFLSA Status: Exempt (Administrative)\n",
        "ACCOUNTANT\nFLSA Status:\n\nNon-exempt, eligible for overtime\n",
        "ACCOUNTANT\nJob Status: Nonexempt\n",
        "ACCOUNTANT I / II / SENIOR\nFLSA Status: Non-Exempt (I/II); Exempt (Senior)\n",
        "ACCOUNTANT\nFLSA: Exempt\nDEFINITION\nPerforms professional accounting work.\n\nJob Status: Exempt\n",
    )

    def check(self, ctx: RuleContext):
        first: tuple[str, Field] | None = None
        for item in flsa_fields(ctx.spec):
            status = flsa_status(item.value, item.label)
            if status is None:
                yield _field_span(ctx, self, item, _unknown_message(item.value))
            elif status == BOTH:
                if not _per_level(item.value):
                    yield _field_span(
                        ctx,
                        self,
                        item,
                        f'FLSA status "{item.value}" names both Exempt and Non-Exempt. A class has one status: '
                        "keep the one its duties and salary support. If the levels of a series differ, name the level "
                        'for each, as in "Non-Exempt (I/II); Exempt (Senior)".',
                    )
            elif first is None:
                first = (status, item)
            elif status != first[0] and not (_per_level(item.value) or _per_level(first[1].value)):
                yield _field_span(
                    ctx,
                    self,
                    item,
                    f'FLSA status "{item.value}" contradicts "{first[1].value}" on line {first[1].line}. A class has one '
                    "FLSA status, and payroll cannot tell which one is meant. Keep the status the duties and salary "
                    "tests support and delete the other line.",
                )


def _unknown_message(value: str) -> str:
    if not value.strip():
        return (
            "The FLSA status is blank, so the spec does not say whether the class is paid overtime. "
            'Write "Exempt" or "Non-Exempt" after the label.'
        )
    hint = ""
    if re.search(r"\b(?:hourly|salaried|salary|wage)\b", value, re.I):
        hint = " Hourly or salaried is how the class is paid, not whether it is exempt from overtime."
    return (
        f'FLSA status "{value}" is neither Exempt nor Non-Exempt, so the spec does not say whether the class is '
        f'paid overtime (29 CFR 541).{hint} Write "Exempt" (the exemption may follow, as in "Exempt '
        '(Administrative)") or "Non-Exempt".'
    )


# Wording that promises overtime pay (not overtime hours).
_OVERTIME_PROMISE = re.compile(
    r"\b(?:eligible|entitled)\s+(?:for|to)\s+(?:receive\s+)?(?:paid\s+|cash\s+)?overtime\b(?:\s+(?:pay|compensation))?"
    r"|\breceives?\s+(?:paid\s+|cash\s+)?overtime\s+(?:pay|compensation)\b"
    r"|\b(?:paid|compensated)\s+for\s+(?:all\s+)?overtime\b(?:\s+(?:hours|work(?:ed)?))?"
    r"|\b(?<!un)paid\s+overtime\b"
    r"|\btime[\s-]+and[\s-]+(?:one[\s-]+|a[\s-]+)?half\b"
    r"|\b(?:1\.5|one[\s-]+and[\s-]+(?:one[\s-]+|a[\s-]+)half)\s+times\s+"
    r"(?:(?:the|their|an?|his|her|the\s+employee'?s|(?:regular|normal|base|straight[\s-]+time|hourly))\s+)*"
    r"(?:rate|pay|salary|wages?)\b",
    re.I,
)
# The words a match starts with (in lower case): the search tries those places only (speclint.search).
_OVERTIME_STARTS = ("eligible", "entitled", "receive", "paid", "compensated", "time", "1.5", "one")
# Where a clause starts: a sentence, a semicolon or colon, a new list item or label line, "but".
_CLAUSE_BREAK = re.compile(
    r"[.!?;:](?=\s)|\n\s*\n|\n(?=\s*(?:[-*\u2022\d(]|[A-Z][\w /]{0,40}:))|\b(?:but|however|although|except\s+that)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|ineligible|without|cannot|instead\s+of|in\s+lieu\s+of|rather\s+than)\b|n't\b", re.I)
# A duty about other people's overtime: "Approves paid overtime for staff".
_PAYROLL_DUTY = re.compile(
    r"\b(?:(?:approv|authori[sz]|schedul|determin|calculat|ensur|comput|prepar|advis)(?:es|ing)|"
    r"(?:review|monitor|track|administer|assign|audit|record|budget|explain|interpret)(?:s|ing)|"
    r"process(?:es|ing)|verif(?:ies|ying)|(?:plan|direct|manag|coordinat|supervis|analyz|reconcil|oversee)(?:s|es|ing)|"
    r"(?:maintain|report)(?:s|ing)|including)\b",
    re.I,
)
# "Eligible for overtime: No".
_ANSWERED_NO = re.compile(r"^\s*[:\-\u2013]?\s*(?:no|none|n/a)\b", re.I)
# Sections that describe the work, where overtime is something the class handles for
# others ("Calculates overtime at time and one-half"), not a promise to the class.
_DUTY_SECTIONS = tuple(key for key in SECTION_KEYS if key not in ("physical_demands", "working_environment"))


@register
class ExemptPromisesOvertime(PythonRule):
    code = "F203"
    name = "exempt-promises-overtime"
    category = "flsa"
    severity = "warning"
    message = (
        'The class is Exempt, yet the spec promises overtime pay. Say what is meant: "Not eligible for overtime", '
        "a description of the voluntary pay, or the status Non-Exempt."
    )
    description = """
    Why: an exempt employee is not owed overtime (29 CFR 541). An agency may
    still pay it — that is lawful — but a spec that says "Exempt" and "eligible
    for overtime" or "time and one-half" reads as a Non-Exempt class, and the
    contradiction is what an auditor or a grievance will quote. Fix: if the
    class is not paid overtime, say "Not eligible for overtime"; if it is paid
    by choice, describe that pay ("may receive straight-time pay for declared
    emergencies"); if it is paid by law, make the class Non-Exempt. Saying
    the class works overtime ("may be required to work evenings, weekends and
    overtime") is about hours, not pay, and does not count; nor do the
    definition, duties and qualifications, where overtime is work the class
    does for others ("Calculates overtime at time and one-half").
    """
    fire = (
        "ACCOUNTING MANAGER\nFLSA Status: Exempt, eligible for overtime\n",
        "ACCOUNTING MANAGER\nFLSA Status: Exempt\n\nWORKING CONDITIONS\n"
        "Overtime worked during the annual audit is paid at time and one-half.\n",
    )
    passing = (
        "ACCOUNTING MANAGER\nFLSA Status: Exempt\n\nWORKING CONDITIONS\n"
        "May be required to work evenings, weekends and overtime as required.\n",
        "ACCOUNTING MANAGER\nFLSA Status: Exempt (not eligible for overtime)\n",
        "ACCOUNTING TECHNICIAN\nFLSA Status: Non-exempt, eligible for overtime\n",
        "ACCOUNTING MANAGER\nFLSA Status: Exempt\n\nESSENTIAL FUNCTIONS\n1. Reviews and approves paid overtime for division staff.\n",
    )

    def check(self, ctx: RuleContext):
        status, _ = spec_status(ctx.spec)
        if status != EXEMPT:
            return
        text = ctx.source.text
        reported: set[int] = set()
        for match in search.finditer_at(_OVERTIME_PROMISE, text, search.places(search.folded_text(ctx), _OVERTIME_STARTS)):
            line, _column = ctx.source.position(match.start())
            if line in reported or ctx.section_at(line) in _DUTY_SECTIONS:
                continue
            clause = _clause_before(text, match.start())
            sentence = clause + text[match.start() : _clause_end(text, match.end())]
            if _NEGATION.search(clause) or _PAYROLL_DUTY.search(clause) or _NON_EXEMPT.search(sentence):
                continue
            if _ANSWERED_NO.match(text[match.end() : match.end() + 12]):
                continue
            reported.add(line)
            found = " ".join(match.group(0).split())
            yield ctx.span_violation(
                self,
                match.start(),
                match.end(),
                f'The class is Exempt, yet the spec says "{found}". Exempt employees are not owed overtime '
                "(29 CFR 541); paying it anyway is lawful, but as written the class reads as Non-Exempt. Say what is "
                'meant: "Not eligible for overtime", a description of the voluntary pay (for example "may receive '
                'straight-time pay for declared emergencies"), or change the status to Non-Exempt.',
            )


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 300) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _clause_end(text: str, end: int) -> int:
    found = _CLAUSE_BREAK.search(text, end)
    return found.start() if found else len(text)


@register
class ManagerNonExempt(PythonRule):
    code = "F204"
    name = "manager-non-exempt"
    category = "flsa"
    severity = "info"
    message = (
        "A manager, director or supervisor class marked Non-Exempt. Confirm the executive duties test "
        "(29 CFR 541.100) and keep Non-Exempt only if the class fails it."
    )
    description = """
    Why: a class titled manager, director, superintendent, administrator,
    chief or supervisor is usually expected to be exempt as an executive. It
    may rightly be Non-Exempt — many working supervisors fail the duties test
    or the salary test — so this is a note, not an error. Check 29 CFR
    541.100: management is the primary duty, the class directs two or more
    full-time employees, and its recommendations on hiring and firing carry
    weight. If it passes, and is paid on a salary basis at or above the
    salary level, the status may be Exempt; otherwise keep Non-Exempt.
    Titles such as "Case Manager" or "Network Administrator" are not
    management classes and are skipped.
    """
    fire = ("CUSTOMER SERVICE SUPERVISOR\nFLSA Status: Non-Exempt\n",)
    passing = (
        "CUSTOMER SERVICE SUPERVISOR\nFLSA Status: Exempt\n",
        "CUSTOMER SERVICE REPRESENTATIVE II\nFLSA Status: Non-Exempt\n",
        "CASE MANAGER\nFLSA Status: Non-Exempt\n",
        "EXECUTIVE ASSISTANT TO THE GENERAL MANAGER\nFLSA Status: Non-Exempt\n",
    )

    def check(self, ctx: RuleContext):
        status, item = spec_status(ctx.spec)
        title = _title(ctx.spec)
        if status != NON_EXEMPT or item is None or not _is_manager_title(title):
            return
        yield _field_span(
            ctx,
            self,
            item,
            f'"{title}" is titled as a supervisory or management class but is marked Non-Exempt. That may be right '
            "(many working supervisors fail the duties or salary test), so confirm the executive duties test "
            "(29 CFR 541.100: management is the primary duty, directs two or more full-time employees, hiring and "
            "firing recommendations carry weight); if the class passes it and the salary test, it may be Exempt.",
        )


@register
class ExcludedClassExempt(PythonRule):
    code = "F205"
    name = "excluded-class-exempt"
    category = "flsa"
    severity = "warning"
    message = (
        "A front-line first-responder or trades class marked Exempt; such classes are not exempt (29 CFR 541.3). "
        "Make the class Non-Exempt, unless its primary duty is managing a unit."
    )
    description = """
    Why: 29 CFR 541.3 says the white-collar exemptions do not apply to
    non-management manual workers in maintenance, construction and similar
    trades (laborers, mechanics, electricians, plumbers, carpenters,
    equipment operators, custodians, ...) nor to front-line police officers,
    deputy sheriffs, firefighters, paramedics, EMTs, correctional, probation
    and parole officers, park rangers and similar first responders, whatever
    their rank or pay. Marking such a class Exempt leaves overtime unpaid
    that is owed. Fix: make the class Non-Exempt. A title that names a
    manager, supervisor, chief or a command rank (sergeant, lieutenant,
    captain, ...) is not reported: whether it is exempt depends on its
    primary duty, which only the analyst can judge.
    """
    fire = (
        "FIREFIGHTER/PARAMEDIC\nFLSA Status: Exempt\n",
        "EQUIPMENT OPERATOR II\nFLSA Status: Exempt\n",
    )
    passing = (
        "FIREFIGHTER/PARAMEDIC\nFLSA Status: Non-Exempt\n",
        "BATTALION CHIEF\nFLSA Status: Exempt\n",
        "FLEET MAINTENANCE SUPERVISOR\nFLSA Status: Exempt\n",
        "MECHANICAL ENGINEER\nFLSA Status: Exempt (Professional)\n",
    )

    def check(self, ctx: RuleContext):
        status, item = spec_status(ctx.spec)
        if status != EXEMPT or item is None:
            return
        f = facts()
        title = _title(ctx.spec)
        if _is_manager_title(title) or f.supervisory_ranks.search(title):
            return
        responder = f.first_responder.search(title)
        trade = f.trades.search(title)
        if responder:
            why = (
                "front-line police, fire, EMS, corrections, probation and park-ranger classes are not exempt "
                "whatever their rank or pay (29 CFR 541.3(b))"
            )
        elif trade:
            why = "non-management maintenance, construction and trades classes are not exempt whatever their pay (29 CFR 541.3(a))"
        else:
            return
        yield _field_span(
            ctx,
            self,
            item,
            f'"{title}" is marked Exempt, but {why}. Make the class Non-Exempt; if its primary duty is managing a '
            "unit, say so in the title and the duties, and confirm the executive test (29 CFR 541.100).",
            "Non-Exempt",
        )


@register
class ExemptBelowSalaryLevel(PythonRule):
    code = "F206"
    name = "exempt-below-salary-level"
    category = "flsa"
    severity = "error"
    message = (
        "The class is Exempt but its salary range starts below the federal salary level ($684 a week, $35,568 a "
        "year). Raise the minimum, or make the class Non-Exempt."
    )
    description = """
    Why: an executive, administrative or professional exemption needs a
    salary of at least the federal standard salary level, $684 a week
    ($35,568 a year) since 2020-01-01 (29 CFR 541.600). A class whose range
    starts below it cannot be exempt at its entry step. The range minimum is
    annualised from the written pay period (hourly x 2080, weekly x 52,
    biweekly x 26, semimonthly x 24, monthly x 12). Teachers, physicians,
    attorneys and outside sales classes have no salary test (29 CFR
    541.303, 541.304, 541.500) and are skipped. Fix: raise the range minimum
    to at least the salary level, or make the class Non-Exempt. The level is
    data in rules/flsa.yaml.
    """
    fire = (
        "ACCOUNTING SPECIALIST\nFLSA Status: Exempt\nSalary Range: $2,800 - $3,400 monthly\n",
        "PROGRAM COORDINATOR\nFLSA Status: Exempt (Administrative)\nPay Range: $16.50 - $21.75 per hour\n",
    )
    passing = (
        "HUMAN RESOURCES ANALYST\nFLSA Status: Exempt\nSalary Range: $82,410 - $100,172 annually\n",
        "ACCOUNTING TECHNICIAN\nFLSA Status: Non-Exempt\nSalary Range: $2,800 - $3,400 monthly\n",
        "CUSTOMER SERVICE REPRESENTATIVE\nFLSA: Exempt\nWage Schedule Range: 10 / 13 / 15 / 17\n",
        "TEACHER\nFLSA Status: Exempt (Professional)\nSalary Range: $2,800 - $3,400 monthly\n",
    )

    def check(self, ctx: RuleContext):
        status, _ = spec_status(ctx.spec)
        if status != EXEMPT:
            return
        f = facts()
        title = _title(ctx.spec)
        if f.no_salary_test.search(title):
            return
        found = lowest_pay(ctx.spec)
        if found is None:
            return
        pay, line = found
        if pay.annual_low >= f.annual:
            return
        stated = money(pay.low) + ("" if pay.period == "annual" else f" {pay.period}")
        yield ctx.violation(
            self,
            line,
            pay.start + 1,
            line,
            pay.end + 1,
            f"The class is Exempt, but its pay starts at {stated}, which is {money(pay.annual_low)} a year: below the "
            f"federal salary level of {money(f.weekly)} a week ({money(f.annual)} a year) in force since "
            f"{f.effective} ({f.source}). An exempt employee must be paid at least that on a salary basis. Raise the "
            f"range minimum to at least {money(f.annual)} a year, or make the class Non-Exempt.",
        )


@register
class OutdatedThreshold(PythonRule):
    code = "F208"
    name = "outdated-threshold"
    category = "flsa"
    severity = "warning"
    message = (
        "The spec cites an outdated FLSA salary level. The level in force is $684 a week ($35,568 a year) since "
        "2020-01-01 (29 CFR 541.600)."
    )
    description = """
    Why: specs and their footnotes still quote salary levels that are not
    the law: $455 a week ($23,660 a year, the 2004 level replaced on
    2020-01-01), $913 ($47,476, the 2016 rule, enjoined and never in
    effect), and $844 and $1,128 ($43,888 and $58,656, the 2024 rule,
    vacated on 2024-11-15), and the highly compensated totals of those rules.
    A reader who trusts the figure applies the wrong test. Fix: cite the
    level in force, $684 a week ($35,568 a year; $107,432 for highly
    compensated employees), or refer to "the federal salary level in force
    (29 CFR 541.600)" so the spec does not date. Weekly figures count only
    next to a word such as "week"; a figure on the class's own salary line
    counts only when the line speaks of the FLSA test. The figures are data
    in rules/flsa.yaml.
    """
    fire = (
        "ACCOUNTANT\nFLSA Status: Exempt\n\nNOTE\nExempt classes must be paid a salary of at least $455 per week.\n",
        "ACCOUNTANT\nFLSA Status: Exempt\n\nNOTE\nThe FLSA salary threshold of $58,656 a year applies to this class.\n",
    )
    passing = (
        "ACCOUNTANT\nFLSA Status: Exempt\n\nNOTE\nExempt classes must be paid a salary of at least $684 per week.\n",
        "ACCOUNTANT\nFLSA Status: Exempt\nSalary Range: $47,476 - $58,656 annually\n",
        "ACCOUNTANT\nFLSA Status: Exempt\n\nESSENTIAL FUNCTIONS\n1. Reconciles the $455 petty cash fund monthly.\n",
    )

    def check(self, ctx: RuleContext):
        f = facts()
        view = ctx.source.view
        dollar_lines = [number for number, line in enumerate(view, 1) if "$" in line]
        pay_lines = set(salary_lines(ctx.spec, set(dollar_lines))) if dollar_lines else set()
        for number in dollar_lines:
            line = view[number - 1]
            if number in pay_lines and not _FLSA_TALK.search(line):
                continue
            for figure, match in _outdated_figures(line, f):
                if figure.weekly is not None and int(_amount(match)) == figure.weekly:
                    window = line[max(0, match.start() - 40) : match.end() + 30]
                    if not re.search(r"\b(?:work)?weeks?\b|\bweekly\b|\bwk\b", window, re.I):
                        continue
                    cited = f"{money(figure.weekly)} a week"
                else:
                    context = (view[number - 2] + " " if number > 1 else "") + line
                    if not _PAY_TALK.search(context):  # "a budget of $43,888" is no salary level
                        continue
                    cited = f"{money(figure.annual)} a year"
                if figure.hce:
                    now = f"{money(f.hce_annual)} a year for highly compensated employees (29 CFR 541.601)"
                else:
                    now = f"{money(f.weekly)} a week ({money(f.annual)} a year) ({f.source})"
                yield ctx.violation(
                    self,
                    number,
                    match.start() + 1,
                    number,
                    match.end() + 1,
                    f"{cited} is an outdated FLSA salary level ({figure.rule}: {figure.note}). The level in force "
                    f'since {f.effective} is {now}. Cite that figure, or write "the federal salary level in force '
                    f'(29 CFR 541.600)" so the spec does not date.',
                )


_DOLLAR_FIGURE = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.00)?(?![\d,]*\d)(?!\.\d)")


def _amount(match: re.Match) -> float:
    return float(match.group(1).replace(",", ""))


def _outdated_figures(line: str, f: Facts) -> Iterator[tuple[Outdated, re.Match]]:
    for match in _DOLLAR_FIGURE.finditer(line):
        value = _amount(match)
        for figure in f.outdated:
            if value == figure.weekly or value == figure.annual:
                yield figure, match
                break
