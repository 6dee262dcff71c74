"""Date rules: impossible, future, out-of-order, stale and missing adoption/revision dates.

The dates come from the parsed date fields ("Date Adopted: 07-2010") and from
running text that labels a date ("approved by the Board on June 4, 2018",
"Rev. 3/2019"). "Today" is the config's ``today``, else the environment variable
SPECLINT_TODAY, else the real date, so that results can be pinned in tests and CI.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import cache

from speclint import search
from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.parse.dates import ParsedDate, find_labelled_dates, parse_date, spell, years_before
from speclint.prefilter import text_forms

DEFAULT_STALE_AFTER_YEARS = 5
TODAY_VARIABLE = "SPECLINT_TODAY"
_KIND_LABEL = {"adopted": "Adoption date", "revised": "Revision date", "effective": "Effective date", "approved": "Approval date"}
_DATE_KINDS = tuple(_KIND_LABEL)


# -- what the rules share ------------------------------------------------------------


def today_for(options: dict) -> date:
    """The config's ``today``, else $SPECLINT_TODAY, else the real date."""
    configured = options.get("today")
    if isinstance(configured, date):  # an unquoted YAML or TOML date
        return configured
    if configured:
        return _parse_today(str(configured), "the config key 'today'")
    variable = os.environ.get(TODAY_VARIABLE, "").strip()
    if variable:
        return _parse_today(variable, f"${TODAY_VARIABLE}")
    return date.today()


@cache
def _parse_today(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"speclint: {where} is {text!r}, not a date written YYYY-MM-DD; using today's date", file=sys.stderr)
        return date.today()


def stale_after_years(options: dict) -> int:
    years = options.get("stale_after_years")
    return years if isinstance(years, int) and not isinstance(years, bool) and years >= 1 else DEFAULT_STALE_AFTER_YEARS


@dataclass(frozen=True)
class DateMention:
    """One adoption/revision/effective/approval date and where it stands in the file."""

    kind: str
    date: ParsedDate
    line: int
    column: int  # 1-based, first character of the date text
    label: str  # the words that say what the date is: "Date Modified", "approved"

    @property
    def end_column(self) -> int:
        return self.column + len(self.date.text)

    @property
    def kind_label(self) -> str:
        return _KIND_LABEL[self.kind]


def date_mentions(ctx: RuleContext, today: date) -> list[DateMention]:
    """Every date the spec gives for its adoption, revisions, effect and approval, in file order.
    Found once per file and shared by the date rules."""
    return ctx.shared(f"date_mentions:{today.isoformat()}", lambda: _find_date_mentions(ctx, today))


def _find_date_mentions(ctx: RuleContext, today: date) -> list[DateMention]:
    found: dict[tuple[int, int], DateMention] = {}
    for item in ctx.spec.fields:
        if item.key not in _DATE_KINDS:
            continue
        parsed = parse_date(item.value, today)
        if parsed is not None:
            column = item.column + parsed.start
            found[(item.line, column)] = DateMention(item.key, parsed, item.line, column, item.label)
    for labelled in find_labelled_dates(ctx.source.text, today, search.folded_text(ctx), text_forms(ctx).words):
        line, column = ctx.source.position(labelled.date.start)
        found.setdefault((line, column), DateMention(labelled.kind, labelled.date, line, column, labelled.keyword.strip()))
    return [found[key] for key in sorted(found)]


def _quoted(parsed: ParsedDate) -> str:
    """'"12/82" (December 1982)': the text as written, and what it means when that is not plain."""
    spelled = parsed.spelled_out()
    return f'"{parsed.text}"' if spelled == parsed.text else f'"{parsed.text}" ({spelled})'


def _report(rule: PythonRule, ctx: RuleContext, mention: DateMention, message: str, suggestion: str | None = None):
    return ctx.violation(rule, mention.line, mention.column, mention.line, mention.end_column, message, suggestion)


# -- the rules -----------------------------------------------------------------------


@register
class ImpossibleDate(PythonRule):
    code = "D701"
    name = "impossible-date"
    category = "dates"
    severity = "error"
    message = (
        'Adoption/revision date "{date}" is not a real date ({problem}). Nobody can tell from it when this version '
        'took effect. Check the board minutes and write the real date in full, for example "March 14, 2019".'
    )
    description = """
    Why: the adoption, revision, effective and approval dates are the spec's
    version history; a date that cannot exist ("02/30/2019", month 13) means
    nobody can tell which version the board adopted, and a records request or
    grievance will ask. Most come from a slip of the keyboard or a date written
    day first ("13/01/2020"). Fix: look the date up in the board minutes or the
    resolution and write it in full, month first: "January 13, 2020".
    """
    fire = (
        "ACCOUNTANT II\nFLSA Status: Exempt\nAdopted: 3/14/2011\nRevised: 02/30/2019\n",
        "LEAD CUSTOMER SERVICE REPRESENTATIVE\n\nJob Status: Non-Exempt\nDate Adopted: 07-2010\nDate Modified: 13/01/2020\n",
        "CUSTOMER SERVICE SUPERVISOR\n\nThis specification was approved by the Board of Directors on June 31, 2018.\n",
    )
    passing = (
        "ACCOUNTANT II\nFLSA Status: Exempt\nAdopted: 3/14/2011\nRevised: 02/28/2019\n",
        "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nAdopted: 12/82\n\nRevised: 01/04\n\nApproved: ___ Human Resources Manager\n",
        "WATER TREATMENT OPERATOR II\n\nThe plant operates 24/7; shifts rotate every 10-13 days.\nRev. 3/2019\n",
    )

    def check(self, ctx: RuleContext):
        for mention in date_mentions(ctx, today_for(ctx.options)):
            parsed = mention.date
            if parsed.valid:
                continue
            if parsed.suggestion:
                fix = f'If you meant {parsed.suggestion}, write "{parsed.suggestion}"; otherwise check the board minutes.'
            else:
                fix = 'Check the board minutes and write the real date in full, for example "March 14, 2019".'
            message = (
                f'{mention.kind_label} "{parsed.text}" is not a real date: {parsed.problem}. '
                f"Nobody can tell from it when this version of the spec took effect. {fix}"
            )
            yield _report(self, ctx, mention, message, parsed.suggestion)


@register
class FutureDate(PythonRule):
    code = "D702"
    name = "future-date"
    category = "dates"
    severity = "warning"
    message = (
        'Adoption/revision date "{date}" is after today. A date that has not happened yet is usually a typo in the '
        "year; write the date the board actually acted."
    )
    description = """
    Why: an adoption, revision or approval date that has not happened yet is
    almost always a typo in the year ("2091" for "2019", "01-29-2062"), and it
    makes the spec look newer than the version the board approved. Fix: write
    the date the board acted. An effective date set ahead on purpose ("Effective
    July 1" of next fiscal year) is fine: keep it and add
    "speclint-disable-line D702" to that line. "Today" is the real date unless
    the config sets `today` or the environment sets SPECLINT_TODAY.
    """
    fire = (
        "LEAD CUSTOMER SERVICE REPRESENTATIVE\n\nJob Status: Non-Exempt\nDate Adopted: 07-2010\nDate Modified: 01-29-2099\n",
        "ACCOUNTANT II\nFLSA Status: Exempt\nAdopted: March 14, 2019\nRevised: June 3, 2099\n",
    )
    passing = (
        "LEAD CUSTOMER SERVICE REPRESENTATIVE\n\nJob Status: Non-Exempt\nDate Adopted: 07-2010\nDate Modified: 01-29-2026\n",
        "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nAdopted: 12/82\n\nRevised: 01/04\n",
    )

    def check(self, ctx: RuleContext):
        today = today_for(ctx.options)
        for mention in date_mentions(ctx, today):
            parsed = mention.date
            if not parsed.valid or parsed.first_day <= today:
                continue
            if mention.kind == "effective":
                fix = (
                    'If the spec takes effect on that date on purpose, keep it and add "speclint-disable-line D702" '
                    "to the line; otherwise correct the year."
                )
            else:
                fix = "Write the date the board actually acted (check the year)."
            message = (
                f'{mention.kind_label} "{parsed.text}" is after today ({spell(today)}). A date that has not happened '
                f"yet is usually a typo in the year, and it makes this version look newer than the one the board "
                f"approved. {fix}"
            )
            yield _report(self, ctx, mention, message)


@register
class RevisedBeforeAdopted(PythonRule):
    code = "D703"
    name = "revised-before-adopted"
    category = "dates"
    severity = "error"
    message = (
        'Revision date "{revised}" is earlier than the adoption date "{adopted}". One of the two is wrong; check both '
        "against the board minutes and correct it."
    )
    description = """
    Why: a spec cannot be revised before it was adopted. When the latest
    revision date is earlier than the adoption date, one of them is wrong (a
    typo in the year, or the dates swapped), and the spec's version history
    cannot be trusted in a classification appeal or an audit. Fix: check both
    dates against the board minutes or resolutions and correct the wrong one.
    """
    fire = (
        "WATER TREATMENT OPERATOR II\nFLSA Status: Non-Exempt\nAdopted: March 14, 2019\nRevised: June 3, 2017\n",
        "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nAdopted: 12/02\n\nRevised: 01/01\n",
    )
    passing = (
        "WATER TREATMENT OPERATOR II\nFLSA Status: Non-Exempt\nAdopted: March 14, 2019\nRevised: June 3, 2025\n",
        "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nAdopted: 12/82\n\nRevised: 01/01\n\nRevised: 01/04\n",
        "LEAD CUSTOMER SERVICE REPRESENTATIVE\n\nDate Adopted: 07-2010\nDate Modified: 07-15-2010\n",
    )

    def check(self, ctx: RuleContext):
        mentions = [m for m in date_mentions(ctx, today_for(ctx.options)) if m.date.valid]
        adopted = [m for m in mentions if m.kind == "adopted"]
        revised = [m for m in mentions if m.kind == "revised"]
        if not adopted or not revised:
            return
        first_adopted = min(adopted, key=lambda m: m.date.first_day)
        latest_revision = max(revised, key=lambda m: m.date.last_day)
        if latest_revision.date.last_day >= first_adopted.date.first_day:
            return
        message = (
            f"Revision date {_quoted(latest_revision.date)} is earlier than the adoption date "
            f"{_quoted(first_adopted.date)} on line {first_adopted.line}. "
            "A spec cannot be revised before it was adopted, so its version history cannot be trusted. "
            "Check both dates against the board minutes and correct the wrong one."
        )
        yield _report(self, ctx, latest_revision, message)


@register
class StaleSpec(PythonRule):
    code = "D704"
    name = "stale-spec"
    category = "dates"
    severity = "warning"
    message = (
        'The latest date on this spec, "{date}", is more than {years} years old. Review the spec with the department '
        'and, once it is current, add a line such as "Revised: <date of the review>".'
    )
    description = """
    Why: duties, equipment, laws and pay plans change; a spec nobody has
    reviewed in years is weak support for a classification, recruitment or pay
    decision and may describe a job that no longer exists. The rule looks at
    the latest adoption, revision, effective or approval date; it fires when
    that date is more than 5 years before today (set `stale-after-years` in the
    config to change this, and `today` to pin the date). Fix: review the spec
    with the department and add a "Revised:" line with the date of the review.
    """
    fire = (
        "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nAdopted: 12/82\n\nRevised: 01/01\n\nRevised: 01/04\n",
        "ACCOUNTANT II\nFLSA Status: Exempt\nAdopted: March 14, 1998\nRevised: June 3, 2001\n",
    )
    passing = (
        # Newer than any stale cut-off; the future date is D702's business.
        "ACCOUNTANT II\nFLSA Status: Exempt\nAdopted: March 14, 1998\nRevised: June 3, 2099\n",
        # No date at all is D705's business.
        "ACCOUNTANT II\nFLSA Status: Exempt\n\nDEFINITION\nPerforms professional accounting work.\n",
    )

    def check(self, ctx: RuleContext):
        today = today_for(ctx.options)
        years = stale_after_years(ctx.options)
        mentions = [m for m in date_mentions(ctx, today) if m.date.valid]
        if not mentions:
            return
        latest = max(mentions, key=lambda m: m.date.last_day)
        if latest.date.last_day >= years_before(today, years):
            return
        message = (
            f"The latest date on this spec, {latest.kind_label.lower()} {_quoted(latest.date)}, "
            f"is more than {years} years before today ({spell(today)}). "
            "Duties, tools, laws and pay plans change, so an old spec is weak support for a classification or pay "
            "decision. Review it with the department and, once it is current, add a line such as "
            f'"Revised: {spell(today)}".'
        )
        yield _report(self, ctx, latest, message)


@register
class MissingDate(PythonRule):
    code = "D705"
    name = "missing-date"
    category = "dates"
    severity = "warning"
    message = (
        "No adoption, revision or effective date on this spec. Add a line under the class title such as "
        '"Adopted: June 4, 2018" (and "Revised: ..." for each later revision).'
    )
    description = """
    Why: without an adoption or revision date nobody can tell which version of
    the spec the board approved, whether it is current, or which version
    applied when a position was classified. The rule looks for date lines
    ("Adopted:", "Date Modified:", "Effective Date:", "Approved:") and for
    dates the text labels ("approved by the Board on June 4, 2018", "Rev.
    3/2019", "Effective 7-1-21"). Fix: add "Adopted: <date>" under the class
    title, and "Revised: <date>" for each later revision.
    """
    fire = (
        "CUSTOMER SERVICE SPECIALIST\n\nFLSA Status: Non-exempt, eligible for overtime\n\n"
        "DEFINITION\nUnder general supervision, performs a variety of customer service duties.\n",
        "CUSTOMER SERVICE SUPERVISOR 1 / 2\n\nDEFINITION\nSupervises customer service staff.\n\n"
        "Approved: ___ Human Resources Manager\n",
    )
    passing = (
        "CUSTOMER SERVICE SUPERVISOR\n\nThis specification was approved by the Board of Directors on June 4, 2018.\n",
        "WATER TREATMENT OPERATOR II\nFLSA Status: Non-Exempt\n\nRev. 3/2019\n",
        "METER READER\nFLSA: Non-exempt\nEffective 7-1-21\n",
        "CUSTOMER SERVICE REPRESENTATIVE I / II / III / SENIOR\n\nEffective Date:    October 16, 2015\n",
    )

    def check(self, ctx: RuleContext):
        if date_mentions(ctx, today_for(ctx.options)):
            return
        empty = [item for item in ctx.spec.fields if item.key in _DATE_KINDS]  # "Approved: ___"
        if empty:
            item = empty[0]
            message = (
                f'No adoption, revision or effective date on this spec: the "{item.label}:" line (line {item.line}) '
                "has no date. Without one nobody can tell which version the board approved or whether it is "
                f'current. Write the date on that line, for example "{item.label}: June 4, 2018".'
            )
        else:
            message = (
                "No adoption, revision or effective date on this spec. Without one nobody can tell which version the "
                "board approved or whether it is current. Add a line under the class title such as "
                '"Adopted: June 4, 2018" (and "Revised: <date>" for each later revision).'
            )
        yield ctx.file_violation(self, message)
