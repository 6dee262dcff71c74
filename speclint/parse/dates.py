"""Dates as class specs write them: "12/82", "07-2010", "January, 2015", "Rev. 3/2019", ...

:func:`parse_date` reads the date in a field value ("Date Adopted: 07-2010");
:func:`find_dates` finds every date in a piece of text; :func:`find_labelled_dates`
finds dates that running text says something about ("approved by the Board on
June 4, 2018", "Rev. 3/2019", "Effective 7-1-21") and what kind of date each is.

Every date has a precision: ``day`` ("3/14/2019"), ``month`` ("12/82", "Sept.
2020") or ``year`` ("Revised 2019"). Numbers are read month first, as US specs
write them. A two-digit year up to this year's two digits is this century ("01/04"
is January 2004); above it, the last century ("12/82" is December 1982).

A date-shaped text that is no real date ("02/30/2019", "13/01/2020") is returned
with ``value`` None and a ``problem``, so that a rule can report it.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from datetime import date

from speclint import search
from speclint.memo import Memo

__all__ = [
    "ParsedDate",
    "LabelledDate",
    "parse_date",
    "find_dates",
    "find_labelled_dates",
    "expand_year",
    "spell",
    "years_before",
]

DAY, MONTH, YEAR = "day", "month", "year"

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# Not inside a longer number: "831-384-6131" holds no date, nor does "v1.2.10".
_BEFORE = r"(?<![\w/-])(?<!\d\.)"
_AFTER = r"(?![\w/-]|\.\d)"

# One alternative per shape, most specific first; each has its own group names.
_SHAPES = {
    # 16 October 2015
    "named_dmy": rf"(?P<named_dmy_d>\d{{1,2}}){_ORDINAL}\s+(?P<named_dmy_m>{_MONTH}),?\s+(?P<named_dmy_y>\d{{4}})",
    # October 16, 2015 / June 4th 2018
    "named_mdy": rf"(?P<named_mdy_m>{_MONTH})\s*(?P<named_mdy_d>\d{{1,2}}){_ORDINAL},?\s+(?P<named_mdy_y>\d{{4}})",
    # January, 2015 / Sept. 2020 / March of 2019
    "named_my": rf"(?P<named_my_m>{_MONTH}),?\s+(?:of\s+)?(?P<named_my_y>\d{{4}})",
    # 2019-03-14
    "iso": r"(?P<iso_y>(?:19|20)\d\d)(?P<iso_s>[-/.])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})",
    # 3/14/2019, 01-29-2026, 7-1-21
    "mdy": r"(?P<mdy_m>\d{1,2})(?P<mdy_s>[-/])(?P<mdy_d>\d{1,2})(?P=mdy_s)(?P<mdy_y>\d{4}|\d{2})",
    # 3.14.2019 (with dots only a four-digit year: "1.2.10" is a section number)
    "mdy_dots": r"(?P<mdy_dots_m>\d{1,2})\.(?P<mdy_dots_d>\d{1,2})\.(?P<mdy_dots_y>\d{4})",
    # 07-2010, 3/2019
    "my4": r"(?P<my4_m>\d{1,2})[-/](?P<my4_y>\d{4})",
}
# Only in a date's own place (a "Revised:" value, right after "Rev."): 12/82, 01/04, 2019.
_LOOSE_SHAPES = {
    "my2": r"(?P<my2_m>\d{1,2})[-/](?P<my2_y>\d{2})",
    "year": r"(?P<year_y>(?:19|20)\d\d)",
}
_SHORT = frozenset(_LOOSE_SHAPES)
_WITH_DAY = frozenset(("named_dmy", "named_mdy", "iso", "mdy", "mdy_dots"))


def _compile(shapes: dict[str, str]) -> re.Pattern:
    alternatives = "|".join(f"(?P<{name}>{pattern})" for name, pattern in shapes.items())
    return re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}", re.IGNORECASE)


_STRICT = _compile(_SHAPES)
# Each shape's groups for the month, the day and the year: "mdy" has "mdy_m", "mdy_d" and "mdy_y".
_PARTS = {shape: (f"{shape}_m", f"{shape}_d", f"{shape}_y") for shape in (*_SHAPES, *_LOOSE_SHAPES)}
_LOOSE = _compile({**_SHAPES, **_LOOSE_SHAPES})

# English names, whatever the locale (and without importing calendar, which a one-file run would pay for)
MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """As ``calendar.monthrange(year, month)[1]`` (month 1 to 12)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month]


@dataclass(frozen=True)
class ParsedDate:
    """One date found in a text. ``start``/``end`` are offsets into that text."""

    text: str
    start: int
    end: int
    value: date | None  # None: shaped like a date, but no real date
    precision: str  # "day", "month" or "year"
    shape: str  # which written form: "mdy", "named_my", ...
    problem: str | None = None  # why it is no real date, for a person to read
    suggestion: str | None = None  # what was probably meant ("January 13, 2020" for "13/01/2020")

    @property
    def valid(self) -> bool:
        return self.value is not None

    @property
    def short(self) -> bool:
        """Written without a day or a four-digit year's context ("12/82", "2019")."""
        return self.shape in _SHORT

    @property
    def first_day(self) -> date:
        """The first day the text can mean ("12/82" -> 1982-12-01)."""
        assert self.value is not None, "an invalid date has no days"
        return self.value

    @property
    def last_day(self) -> date:
        """The last day the text can mean ("12/82" -> 1982-12-31, "2019" -> 2019-12-31)."""
        assert self.value is not None, "an invalid date has no days"
        if self.precision == YEAR:
            return date(self.value.year, 12, 31)
        if self.precision == MONTH:
            return date(self.value.year, self.value.month, days_in_month(self.value.year, self.value.month))
        return self.value

    def moved(self, offset: int) -> ParsedDate:
        """The same date with its offsets ``offset`` further on (into a longer text)."""
        start, end = self.start + offset, self.end + offset
        return ParsedDate(self.text, start, end, self.value, self.precision, self.shape, self.problem, self.suggestion)

    def spelled_out(self) -> str:
        """The date as a reader should see it: "June 4, 2018", "December 1982", "2019"."""
        if self.value is None:
            return self.text
        return spell(self.value, self.precision)


def spell(value: date, precision: str = DAY) -> str:
    if precision == YEAR:
        return str(value.year)
    if precision == MONTH:
        return f"{MONTH_NAMES[value.month]} {value.year}"
    return f"{MONTH_NAMES[value.month]} {value.day}, {value.year}"


def expand_year(two_digits: int, today: date | None = None) -> int:
    """A two-digit year: up to this year's two digits it is this century, else the last.
    In 2026, "04" is 2004, "26" is 2026 and "82" is 1982."""
    today = today or date.today()
    century = today.year - today.year % 100
    return century + two_digits if two_digits <= today.year % 100 else century - 100 + two_digits


def _year(text: str, today: date) -> int:
    return int(text) if len(text) == 4 else expand_year(int(text), today)


def _build(match: re.Match, today: date) -> ParsedDate:
    shape = match.lastgroup  # the outer group of the alternative that matched
    month_group, day_group, year_group = _PARTS[shape]
    month_text = match.group(month_group) if shape != "year" else None
    if shape.startswith("named"):
        month = MONTHS[search.fold(month_text[:3]).decode()]  # folded: the pattern ignores case, so "ſept" is Sept
    else:
        month = int(month_text) if month_text else 1
    with_day = shape in _WITH_DAY
    day = int(match.group(day_group)) if with_day else 1
    precision = DAY if with_day else MONTH if shape != "year" else YEAR
    year = _year(match.group(year_group), today)
    text = match.group(0)
    start, end = match.span()

    def invalid(problem: str, suggestion: str | None = None) -> ParsedDate:
        return ParsedDate(text, start, end, None, precision, shape, problem, suggestion)

    if not 1900 <= year <= 2099:
        return invalid(f"the year {year} cannot be right")
    if not 1 <= month <= 12:
        swapped = None
        if precision == DAY and 1 <= day <= 12 and 1 <= month <= days_in_month(year, day):
            swapped = spell(date(year, day, month))  # written day first: 13/01/2020
        reason = f"there is no month {month}"
        if swapped:
            reason += f" (it looks written day first, as {swapped})"
        return invalid(reason, swapped)
    if precision == DAY:
        last = days_in_month(year, month)
        if not 1 <= day <= last:
            if day == 0:
                return invalid(f"there is no day 0 in {MONTH_NAMES[month]}")
            where = f"{MONTH_NAMES[month]} {year}" if month == 2 else MONTH_NAMES[month]
            return invalid(f"{where} has only {last} days")
    return ParsedDate(text, start, end, date(year, month, day), precision, shape)


def find_dates(text: str, today: date | None = None, loose: bool = False) -> list[ParsedDate]:
    """Every date in ``text``, in order. ``loose`` also takes the short forms a date
    field or a "Rev." mark use ("12/82", "7-21", "2019"), which in running text are
    more often ratios, ranges and counts ("24/7", "10-13")."""
    today = today or date.today()
    pattern = _LOOSE if loose else _STRICT
    return [_build(match, today) for match in pattern.finditer(text)]


def parse_date(text: str, today: date | None = None) -> ParsedDate | None:
    """The date in a date field's value ("07-2010", "Rev. 3/2019", "January, 2015"), or None.

    A full form anywhere in the value wins; a short form ("12/82", "2019") counts
    only at the start of the value, so "Resolution No. 18-45" holds no date."""
    return _VALUE_DATES.answer((text, today or date.today()), _parse_value)


def _parse_value(key: tuple[str, date]) -> ParsedDate | None:
    text, today = key
    found = find_dates(text, today)
    if found:
        return found[0]
    match = _LOOSE.match(text, len(text) - len(text.lstrip(" \t:.-")))
    return _build(match, today) if match else None


# The same field values ("07-2010") and the same text after a date word come back spec after spec.
# (ParsedDate is frozen, so one answer can serve them all.)
_VALUE_DATES = Memo(limit=5_000)  # (field value, today) -> ParsedDate or None
_WINDOW_DATES = Memo(limit=5_000)  # (text after a date word, today) -> ParsedDate (offsets into that text) or None


# -- dates that running text labels ------------------------------------------------

_KEYWORD = re.compile(
    r"""(?=[adolrmuebADOLRMUEB])  # each word's first letter: most positions fail this cheap test
    \b(?:
        (?P<adopted>(?:date\s+|originally\s+)?adopted|adoption(?:\s+date)?)
      | (?P<revised>(?:date\s+|last\s+)?(?:revised|modified|amended|updated)|revision(?:\s+date)?|rev\b\.?)
      | (?P<effective>(?:date\s+)?effective(?:\s+date)?)
      | (?P<approved>(?:date\s+)?approved|(?:board\s+)?approval(?:\s+date)?)
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
# Between the word and the date: a colon, maybe "on"/"in"/"as of"...
_TIGHT_GAP = re.compile(r"[ \t]*[:.,-]?[ \t]*(?:(?:on|in|as\s+of|dated?|date)[ \t]*:?[ \t]*)?", re.IGNORECASE)
# ...or, before a full date only, a few words: "by the Board of Directors on",
# "by Resolution No. 18-45 on". No sentence end and no blank line in between.
_WORDY_GAP = re.compile(r"[ \t]*[:,]?(?:\s+(?:[A-Za-z'\u2019&()/-]+|No\.|#?\d[\d-]*),?){1,14}\s+", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_REACH = 160  # characters after the word where its date may be
# Every match of _KEYWORD starts with one of these words (in lower case), or with one of the words that may
# stand before them, white space between: "date", "last", "board", "originally". The keyword searches try
# those places only (speclint.search: the same matches, found faster).
_KEYWORD_WORDS = ("adopt", "rev", "modified", "amended", "updated", "effective", "approv")
# The main words themselves. A match has each as a whole word (\b before it, no letter, digit or "-" after it), so
# a text whose words (speclint.prefilter.normalize) lack one has no match with it; most specs have two or three.
_MAIN_WORDS = (
    "adopted", "adoption", "revised", "modified", "amended", "updated", "revision", "rev", "effective", "approved", "approval",
)  # fmt: skip
_WORDS_BEFORE = ((4, (b"date", b"last")), (5, (b"board",)), (10, (b"originally",)))  # by length, as the folded text has them


@dataclass(frozen=True)
class LabelledDate:
    """A date and what the text says it is: "adopted", "revised", "effective" or "approved"."""

    kind: str
    keyword: str  # the words as written: "approved", "Rev."
    keyword_start: int
    date: ParsedDate  # offsets into the whole text


def find_labelled_dates(
    text: str, today: date | None = None, folded: bytes | None = None, words: Set[str] | None = None
) -> list[LabelledDate]:
    """Dates that the text calls adopted, revised, effective or approved, in order:
    "Adopted: 12/82", "Rev. 3/2019", "Effective 7-1-21", "approved by the Board on
    June 4, 2018". A date goes with the nearest such word before it. ``folded`` is ``search.fold(text)``, if made already;
    ``words`` the whole words of the text (``speclint.prefilter.normalize(text).words``), if known: then only the date
    words among them are looked for."""
    today = today or date.today()
    found: dict[int, LabelledDate] = {}
    starts = _keyword_starts(text, search.fold(text) if folded is None else folded, words)
    for keyword in search.finditer_at(_KEYWORD, text, starts):
        stop = keyword.end() + _REACH
        following = search.search_at(_KEYWORD, text, starts, keyword.end(), stop)
        if following:
            stop = following.start()  # a date after the next such word is that word's
        dated = _WINDOW_DATES.answer((text[keyword.end() : stop], today), _first_labelled_date)
        if dated is not None:
            candidate = dated.moved(keyword.end())
            found[candidate.start] = LabelledDate(keyword.lastgroup, keyword.group(0), keyword.start(), candidate)
    return [found[start] for start in sorted(found)]


def _first_labelled_date(key: tuple[str, date]) -> ParsedDate | None:
    """The date that the text right after a date word gives, if any (offsets into that text)."""
    window, today = key
    for match in _LOOSE.finditer(window):
        # The gap is tested before the date is built: most candidates fail it. (ParsedDate.short is ``shape in _SHORT``.)
        gap = window[: match.start()]
        if _TIGHT_GAP.fullmatch(gap) or (match.lastgroup not in _SHORT and _WORDY_GAP.fullmatch(gap) and not _BLANK_LINE.search(gap)):
            return _build(match, today)
    return None


def _keyword_starts(text: str, folded: bytes, words: Set[str] | None = None) -> list[int]:
    """The places where a match of _KEYWORD may start: at each of its main words, and where one of the words
    that may stand before it ends at the white space before the main word. Given the text's ``words``, only
    the main words among them are looked for."""
    needles = _KEYWORD_WORDS if words is None else [word for word in _MAIN_WORDS if word in words]
    starts = []
    for place in search.places(folded, needles):
        starts.append(place)
        space = place
        while space > 0 and text[space - 1].isspace():  # (\s, as the pattern has it)
            space -= 1
        if space < place:
            # The folded text has each word before where the text has it (search.fold), so only those are tried.
            starts.extend(space - n for n, before in _WORDS_BEFORE if space >= n and folded[space - n : space] in before)
    return sorted(set(starts))


def years_before(today: date, years: int) -> date:
    """The same day ``years`` years earlier (February 29 becomes February 28)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)
