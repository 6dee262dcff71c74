"""Document debris: what a PDF or Word export leaves in the text besides the words.

X901 mojibake, X903 invisible and control characters, X904 words broken by a
line-break hyphen, X905 page headers, footers, page numbers and page breaks,
X906 words split by stray spaces. (X902, Symbol-font bullets, is in format.py.)

Character rules read the file's own lines (``ctx.source.lines``): the cleaned view
turns form feeds, zero-width characters and soft hyphens into spaces. Word rules
read the view. The lexicon is loaded only when a candidate needs it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import partial
from itertools import compress, count, repeat

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.words import lexicon_for
from speclint.words.tokens import lower_word_texts, word_columns

# --------------------------------------------------------------------------------------------
# X901 mojibake: UTF-8 bytes read as Windows-1252 ("â€™" for "’").


def _cp1252_char(byte: int) -> str:
    """The character Windows-1252 shows for a byte; the five bytes it leaves undefined stay C1 controls."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_BYTE_OF = {_cp1252_char(byte): byte for byte in range(0x80, 0x100)}
_CONTINUATION = "".join(re.escape(_cp1252_char(byte)) for byte in range(0x80, 0xC0))
_LEAD2 = "".join(re.escape(_cp1252_char(byte)) for byte in range(0xC2, 0xE0))
_LEAD3 = "".join(re.escape(_cp1252_char(byte)) for byte in range(0xE0, 0xF0))
_LEAD4 = "".join(re.escape(_cp1252_char(byte)) for byte in range(0xF0, 0xF5))
# A run of UTF-8 sequences spelled in Windows-1252 characters.
_MOJIBAKE_RUN = re.compile(f"(?:[{_LEAD2}][{_CONTINUATION}]|[{_LEAD3}][{_CONTINUATION}]{{2}}|[{_LEAD4}][{_CONTINUATION}]{{3}})+")
# Two damaged forms a round trip cannot repair: "Â" after a word or full stop whose no-break
# space became a plain space (or was dropped at the end of a line), and "â€" whose third byte (0x9D of "”") was lost.
_LOST_NBSP = re.compile(r"(?<=\S)Â(?= |$)")
_LOST_QUOTE = re.compile(f"â€(?![{_CONTINUATION}])")
_HAS_MOJIBAKE_START = re.compile(f"[{_LEAD2}{_LEAD3}{_LEAD4}]")


def _repair(run: str) -> str | None:
    """The text a mojibake run stood for, undoing double encoding too; None if it is no UTF-8."""
    text = run
    for _ in range(3):
        try:
            data = bytes(_BYTE_OF[ch] if ch in _BYTE_OF else ord(ch) for ch in text)
            text = data.decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return None
        if not _MOJIBAKE_RUN.fullmatch(text):
            break
    return text


def _readable(repaired: str) -> str:
    """What to write instead: a plain bullet for a Symbol-font bullet, nothing for a BOM, a space for a no-break space."""
    out = []
    for ch in repaired:
        if "\ue000" <= ch <= "\uf8ff":
            out.append("\u2022")
        elif ch == "\ufeff":
            continue
        elif ch == "\u00a0":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _mojibake(ctx: RuleContext) -> list[tuple[int, int, int, str, str, bool]]:
    """(line, start, end, found, replacement, certain) for every garbled run, 0-based columns."""

    def compute():
        found = []
        if _raw_text(ctx).isascii():  # one test in C for many files
            return found
        for number, line in enumerate(ctx.source.lines, 1):
            if line.isascii() or not _HAS_MOJIBAKE_START.search(line):
                continue
            taken: list[tuple[int, int]] = []
            for match in _MOJIBAKE_RUN.finditer(line):
                repaired = _repair(match.group(0))
                if repaired is None:
                    continue
                taken.append(match.span())
                found.append((number, match.start(), match.end(), match.group(0), _readable(repaired), True))
            for pattern, replacement in ((_LOST_NBSP, ""), (_LOST_QUOTE, "\u201d")):
                for match in pattern.finditer(line):
                    if not any(start <= match.start() < end for start, end in taken):
                        found.append((number, match.start(), match.end(), match.group(0), replacement, False))
        return sorted(found)

    return ctx.shared("debris_mojibake", compute)


@register
class Mojibake(PythonRule):
    code = "X901"
    name = "mojibake"
    category = "format"
    severity = "error"
    suggests_fix = True
    message = 'Garbled characters "{found}": the text was saved as UTF-8 and then opened as Windows-1252 (Western). {fix}'
    description = """
    Why: when a file saved as UTF-8 is opened or pasted as Windows-1252, each
    curly quote, dash or accented letter turns into two or three odd
    characters: "District’s" becomes "Districtâ€™s", "–" becomes "â€“",
    "é" becomes "Ã©", a no-break space becomes "Â ". They print that way in
    the board packet and on the job posting. Fix: replace each garbled run
    with the character it stands for (speclint suggests it, and applies it
    with --fix when the repair is certain), or re-open the source document
    with the right encoding (UTF-8) and export it again.
    """
    fire = (
        "Ensures compliance with the Districtâ€™s Safety Manual and attends safety meetings.",
        "Customer Service Representative I â€“ Is the entry level class in the series.",
        "Must possess a valid California class C driverâ€™s license; see the â€œDriver Policyâ€.",
        "Knowledge of:\nï‚· Cash handling techniques.\nï‚· Record-keeping procedures.",
        "Graduation from high school; rÃ©sumÃ© and cover letter required.Â  Bilingual skills desirable.",
    )
    passing = (
        "Ensures compliance with the District’s Safety Manual and attends safety meetings.",
        "Customer Service Representative I – Is the entry level class in the series.",
        "Works with the Café Borrego concession and São Paulo sister-city résumé exchange; temperatures of 90°F.",
    )

    def check(self, ctx: RuleContext):
        for number, start, end, found, replacement, certain in _mojibake(ctx):
            if replacement:
                fix = f'Replace them with "{replacement}".' if replacement.strip() else "Replace them with a plain space."
            else:
                fix = "Delete them."
            if not certain and found.startswith("â"):
                fix = f'It was probably a closing quotation mark: replace it with "{replacement}".'
            elif not certain:
                fix = 'Delete the "Â"; it is what is left of a no-break space.'
            message = self.message.format(found=found, fix=fix)
            yield ctx.violation(self, number, start + 1, number, end + 1, message, replacement, None if certain else "unsafe")


# --------------------------------------------------------------------------------------------
# X903 invisible and control characters.

_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u00ad\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NOT_ASCII_CONTROL_BYTES = bytes(byte for byte in range(256) if not _ASCII_CONTROL.match(chr(byte)))
# Characters that stand for a break between words: replaced with a space, not deleted.
_SEPARATING = frozenset("\x0b\x1c\x1d\x1e\x1f\u2028\u2029")
_NAMES = {
    "\x00": "null character (U+0000)",
    "\x0b": "vertical tab (U+000B, a Word manual line break)",
    "\x7f": "delete control character (U+007F)",
    "\u00ad": "soft hyphen (U+00AD)",
    "\u200b": "zero-width space (U+200B)",
    "\u200c": "zero-width non-joiner (U+200C)",
    "\u200d": "zero-width joiner (U+200D)",
    "\u200e": "left-to-right mark (U+200E)",
    "\u200f": "right-to-left mark (U+200F)",
    "\u2028": "line separator (U+2028)",
    "\u2029": "paragraph separator (U+2029)",
    "\u2060": "word joiner (U+2060)",
    "\ufeff": "byte order mark / zero-width no-break space (U+FEFF)",
}


def _char_name(ch: str) -> str:
    if ch in _NAMES:
        return _NAMES[ch]
    if ch < "\x20" or ch == "\x7f":
        return f"control character (U+{ord(ch):04X})"
    return f"{unicodedata.name(ch, 'invisible character').lower()} (U+{ord(ch):04X})"


@register
class InvisibleCharacter(PythonRule):
    code = "X903"
    name = "invisible-character"
    category = "format"
    severity = "warning"
    suggests_fix = True
    message = "Hidden character in the text: {names}. It cannot be seen but breaks searching, spell-checking and screen readers. {fix}"
    description = """
    Why: zero-width spaces, soft hyphens, byte order marks, direction marks
    and control characters come along when text is copied from web pages,
    PDFs and HR systems. They are invisible on screen but split words for
    search and spell-check, confuse screen readers, and can print as boxes.
    Tabs and form feeds are not reported here (form feeds are X905). Fix:
    delete them (speclint's --fix does; a vertical tab, Word's manual line
    break, becomes a space).
    """
    fire = (
        "Maintains accurate records of past due customer\u200b accounts.",
        "Responds to customer requests in person or by tele\u00adphone.",
        "Customer Service Representative\x0bLead",
    )
    passing = (
        "Job Title\tLead Customer Service Representative\nExperience\tFour (4) years of customer service work.",
        "Maintains accurate records of past due customer accounts.",
    )

    def check(self, ctx: RuleContext):
        raw = _raw_text(ctx)
        # Whether the file has an ASCII control character at all, in C: in UTF-8 no other character has their bytes.
        controls = bool(raw.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_CONTROL_BYTES))
        if not controls and raw.isascii():
            return
        garbled = defaultdict(list)
        for number, start, end, *_ in _mojibake(ctx):
            garbled[number].append((start, end))
        for number, line in enumerate(ctx.source.lines, 1):
            if line.isascii() and not (controls and _ASCII_CONTROL.search(line)):
                continue
            for match in _INVISIBLE.finditer(line):
                start, end = match.span()
                if any(s <= start < e for s, e in garbled.get(number, ())):
                    continue  # part of a garbled run ("Ã\xad" is "í"): X901 reports it
                run = match.group(0)
                names = ", ".join(dict.fromkeys(_char_name(ch) for ch in run))
                if len(run) > 1:
                    names = f"{len(run)} characters: {names}"
                before = line[start - 1] if start else " "
                after = line[end] if end < len(line) else " "
                spacer = any(ch in _SEPARATING for ch in run) and not before.isspace() and not after.isspace()
                replacement = " " if spacer else ""
                fix = "Replace it with a space." if spacer else ("Delete it." if len(run) == 1 else "Delete them.")
                yield ctx.violation(self, number, start + 1, number, end + 1, self.message.format(names=names, fix=fix), replacement)


# --------------------------------------------------------------------------------------------
# Words: what counts as a word piece for X904 and X906.

# Two-letter strings that are English words; the lexicon also lists abbreviations ("ab", "th").
_TWO_LETTER_WORDS = frozenset("am an as at be by do go he hi if in is it me my no of oh ok on or ox so to up us we ye".split())
# Prefixes written with a hyphen in good compounds ("co-workers", "re-evaluate", "e-mail").
_COMPOUND_PREFIXES = frozenset(
    "anti bi co cross de e ex inter micro mid mini multi non over post pre pro re self semi sub super t tri u ultra un under x".split()
)
_HYPHEN_PART_ZIPF = 3.0  # X904: a part of three or more letters at least this common is a word of its own
# Endings the lexicon lists as words ("ing") that never stand alone after a word: "lift ing", "lift-" / "ing".
_SUFFIXES = frozenset(
    "al als ance ancy ed ence ency ent er ers es ful ing ings ion ions ism ist ities ity ive ize ly "
    "ment ments ness ous sion tion tions".split()
)
# Both pieces are words, yet the joined word is far more common than either: "pol ice", "con tact".
# Real pairs of words are each about as common as what they would join into ("any one", "not able").
_JOIN_LEAD = {"X904": 0.0, "X906": 0.5}


def _join_outweighs(lexicon, pieces: list[str], joined: str, lead: float) -> bool:
    joined_zipf = lexicon.zipf(joined.lower())
    parts = [lexicon.zipf(piece.lower()) or 0.0 for piece in pieces]
    return joined_zipf is not None and joined_zipf > max(parts) + lead


_JOINED_ZIPF = 3.0  # X906: a split word is reported only when the joined word is at least this common
_FILES_BEFORE_SIFTING = 5  # X906 looks up every pair and triple of words in this many files before it judges words one by one


def _is_word(lexicon, piece: str, at_least: float | None = None) -> bool:
    """Whether a piece is a word of its own: "a" and "I", an English two-letter word, or a word the
    lexicon lists (at least ``at_least`` common, when given). Abbreviations the lexicon lists count
    as words for X906 ("ch", "ex"): a stray space is reported only when a piece is clearly no word."""
    lower = piece.lower()
    if len(lower) == 1:
        return lower == "a" or piece == "I"
    if lower in _TWO_LETTER_WORDS:
        return True
    if len(lower) == 2 and at_least is not None:
        return False
    return lexicon.zipf(lower) is not None if at_least is None else lexicon.common(lower, at_least)


def _case_fits(pieces: list[str]) -> bool:
    """Pieces of one word: the later ones lower case ("Maint enance"), or all of them capitals ("MAINT ENANCE")."""
    if all(piece.isupper() for piece in pieces):
        return len("".join(pieces)) > 2
    return all(piece.islower() for piece in pieces[1:]) and (pieces[0].islower() or pieces[0][1:].islower() or len(pieces[0]) == 1)


def _raw_text(ctx: RuleContext) -> str:
    """The file's own characters joined like the view, so view offsets index it."""
    return ctx.shared("debris_raw_text", lambda: "\n".join(ctx.source.lines))


# --------------------------------------------------------------------------------------------
# X904 line-break hyphenation.

# A hyphen after a letter, then a line break (blank lines allowed: double-spaced exports) or spaces, then a letter.
_BREAK_HYPHEN = re.compile(r"-(?:[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*| +)(?=[A-Za-z])")
_WORD_BEFORE = re.compile(r"[A-Za-z]+\Z")
_WORD_AFTER = re.compile(r"[A-Za-z]+")
_COMPOUND_JOINERS = "-_\u2010\u2011'\u2019"  # a part that touches one of these belongs to a longer compound


def _hyphen_breaks(text: str):
    """(start, end, left, right) of each "word-" + break + "word" in the text."""
    for match in _BREAK_HYPHEN.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is None:
            continue
        start = before.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in _COMPOUND_JOINERS):
            continue  # "day-to-" / "day": the break is inside a longer compound
        after = _WORD_AFTER.match(text, match.end())
        end = after.end()
        if end < len(text) and (text[end].isalnum() or text[end] in _COMPOUND_JOINERS):
            continue  # "over-" / "the-phone"
        yield start, end, before.group(0), after.group(0)


@register
class LineBreakHyphen(PythonRule):
    code = "X904"
    name = "line-break-hyphen"
    category = "format"
    severity = "warning"
    message = 'Word broken by a leftover line-break hyphen: "{found}" should be "{joined}". Join the two parts and delete the hyphen.'
    description = """
    Why: text copied from a PDF, or a document once typeset with automatic
    hyphenation, keeps the hyphen and line break that split a long word
    ("respon-" / "sible", or "respon- sible" once the lines are joined). The
    broken word prints mid-line, is missed by search and spell-check, and
    reads as a typo. Real compounds split at their hyphen ("long-" / "term",
    "on-" / "call", "co-" / "workers") are not reported: both parts are words
    of their own. Fix: join the word and delete the hyphen.
    """
    fire = (
        "Provides information to customers and is respon-\nsible for the accuracy of account records.",
        "Performs preventive mainte- nance on pumps, valves, and chemical feeders.",
        "Oversees the processing of delinquent\naccounts and assists the cus-\n\ntomer service staff with billing.",
    )
    passing = (
        "Negotiates long-\nterm payment plans with customers.",
        "Communicates clearly with District staff, co-\nworkers, consultants and the public.",
        "Works rotating shifts and on-\ncall duty; must be self-\nmotivated.",
        "Provides customer service via face-to-face, over-\n\nthe-phone, and electronic means.",
        "Offers full- and part-time positions in the day-to-\nday operation of the plant.",
        "EDUCATION AND EXPERIENCE GUIDELINES-  Any combination of experience and training is qualifying.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        if "-" not in text:
            return
        lexicon = None
        for start, end, left, right in _hyphen_breaks(text):
            if not (right.islower() or (left.isupper() and right.isupper())):
                continue  # "GUIDELINES- Any": a dash before a new sentence
            joined = left + right
            if len(joined) < 4:
                continue
            lexicon = lexicon or lexicon_for(ctx)
            if not lexicon.known(joined.lower()):
                continue
            prefixed = left.lower() in _COMPOUND_PREFIXES  # "co-" / "ordinate", "re-" / "evaluate": any listed word goes
            left_is_word = prefixed or _is_word(lexicon, left, _HYPHEN_PART_ZIPF)
            right_is_word = right.lower() not in _SUFFIXES and _is_word(lexicon, right, None if prefixed else _HYPHEN_PART_ZIPF)
            if left_is_word and right_is_word and not _join_outweighs(lexicon, [left, right], joined, _JOIN_LEAD[self.code]):
                continue  # a real compound split at its hyphen: "long-term", "on-call", "co-workers"
            found = " ".join(text[start:end].split())
            message = self.message.format(found=found, joined=joined)
            yield ctx.span_violation(self, start, end, message, joined)


# --------------------------------------------------------------------------------------------
# X905 page furniture.

_PAGE_OF = re.compile(r"\b(?:page|pg\.?)\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}\b", re.IGNORECASE)
_PAGE_LINE = re.compile(
    r"(?:page|pg\.?)\s*\d{1,4}|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4}|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]|\d{1,4}\s+of\s+\d{1,4}",
    re.IGNORECASE,
)
# "Accountant II<tab>Page 3": a page number set apart at the end of a header line.
_PAGE_AT_END = re.compile(r"(?:\s{2,}|\t|\s[|\u2013\u2014-]\s*)(?:Page|PAGE|Pg\.?|PG\.?)\s*\d{1,4}$")
_LONE_NUMBER = re.compile(r"\d{1,3}")
_UNIT_NEXT = re.compile(
    r"(?:pounds?|lbs?\.?|%|percent|years?|months?|weeks?|days?|hours?|minutes?|feet|ft\.?|inches|in\.|miles?|degrees?)\b",
    re.IGNORECASE,
)
_LIST_START = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u2013*>+-]|\(?\w{1,3}[.)])\s")
_SENTENCE_END = re.compile(r"[.:;,!?]$")
_SENTENCE_ENDINGS = tuple(".:;,!?")
_DIGIT = re.compile(r"\d")
# The line before a title that is a value, not a header: "Class Title:" / "Job Title" (a flattened table).
_LABEL_BEFORE = re.compile(r":$|\b(?:title|classification|class|position|job)$", re.IGNORECASE)
_LIST_GAP = 10  # lone numbers closer than this are list or table numbering, not page numbers
_REPEAT_GAP = 8  # a running header repeats at least this many lines apart
_REPEATED_MAX = 80  # longest line taken as a page number line or a repeated title
_HEADER_MAX = 60  # longest line taken as a running header or footer when it repeats
_NOT_HEADER_CHARS = re.compile(r"[{}=`\\$;<>]")
# Words a wrapped line of running text stops on, and a header does not.
_OPEN_ENDINGS = frozenset(
    "a an the of to in on at by for from with and or nor but as than that which who whose under into within including such".split()
)


def _normal(text: str) -> str:
    """A line as compared with the title and with other lines: case, spacing and edge marks ignored."""
    return " ".join(text.lower().split()).strip("#*_>|.:;, ")


def _names_a_page(text: str) -> bool:
    lower = text.lower()
    return "pag" in lower or "pg" in lower


def _is_page_number(text: str) -> bool:
    """ "Page 3 of 7", "Page 3", "- 3 -", "3 | Page", "3 of 7", or a header line ending in "  Page 3"."""
    if len(text) <= 20 and _PAGE_LINE.fullmatch(text):
        return True
    if not _names_a_page(text):
        return False
    if len(text) <= _REPEATED_MAX and text[-1].isdigit() and _PAGE_AT_END.search(text):
        return True
    return bool(_PAGE_OF.search(text)) and not (text.endswith(".") and len(text.split()) > 8)


def _header_shaped(text: str, line: str) -> bool:
    """A line that could be a running header or footer: two to ten words, starting with a capital or
    a digit, not a sentence, a list item, a label, a lone sub-heading ("Properties") or a line of
    wrapped text ("... coursework in")."""
    # ``text`` is stripped: ending in one of _SENTENCE_END's characters is what that pattern finds.
    if not 7 <= len(text) <= _HEADER_MAX or text.endswith(_SENTENCE_ENDINGS) or _LIST_START.match(line):
        return False
    first = text[0]  # the first letter or digit, as it must be the first character
    if not first.isalnum() or not (first.isupper() or first.isdigit()) or _NOT_HEADER_CHARS.search(text):
        return False
    words = text.split()
    return 2 <= len(words) <= 10 and words[-1].lower() not in _OPEN_ENDINGS


def _neighbour(view: list[str], index: int, step: int) -> str:
    index += step
    while 0 <= index < len(view):
        if view[index].strip():
            return view[index].strip()
        index += step
    return ""


def _table_like(line: str) -> bool:
    return "\t" in line or "|" in line or (len(line) <= 25 and any(ch.isdigit() for ch in line))


def _page_furniture(ctx: RuleContext) -> list[tuple[int, str, str, int]]:
    """(line, kind, text, times) of every page header or footer line; kind is title, page, number or
    repeat, times how often a repeated line occurs."""
    spec = ctx.spec
    view = ctx.source.view
    found: dict[int, tuple[str, str, int]] = {}
    heading_lines = {s.line for s in spec.sections} | {s.group_line for s in spec.sections if s.group_line}
    field_lines = {f.line for f in spec.fields}
    title = _normal(spec.title or "")

    numbers: list[int] = []
    groups: dict[str, list[int]] = defaultdict(list)  # short lines by their text, for running headers
    for index, line in enumerate(view):
        text = line.strip()
        if not text:
            continue
        number = index + 1
        long = len(text) > _REPEATED_MAX
        # A long line is no lone number, and is a page number line only if it says "pag" or "pg" (_is_page_number's
        # own first test): tested before the search for a digit, which reads the whole line.
        if (not long or _names_a_page(text)) and _DIGIT.search(text):
            if _LONE_NUMBER.fullmatch(text):
                numbers.append(index)
                continue
            if _is_page_number(text):
                found[number] = ("page", text, 1)
                continue
        if long:
            continue
        key = _normal(text)
        if (
            title
            and key == title
            and not text.endswith((".", ";", ","))
            and number > spec.title_line
            and number not in field_lines
            and number not in heading_lines
            and not (ctx.source.markdown and text.startswith("#"))
            and not _LABEL_BEFORE.search(_neighbour(view, index, -1))
        ):
            found[number] = ("title", text, 1)
        elif number not in heading_lines and number != spec.title_line and _header_shaped(text, line):
            groups[key].append(number)

    for index in numbers:
        close = [other for other in numbers if other != index and abs(other - index) < _LIST_GAP]
        if close or int(view[index].strip()) == 0:
            continue
        before, after = _neighbour(view, index, -1), _neighbour(view, index, 1)
        if before.endswith(":") or _table_like(before) or _table_like(after) or _UNIT_NEXT.match(after):
            continue
        if before and len(before) <= 30 and not _SENTENCE_END.search(before) and not before.isupper():
            continue  # the value under a short label ("Pay Grade" / "27")
        found[index + 1] = ("number", view[index].strip(), 1)

    for key, lines in groups.items():
        if len(lines) < 3 or (title and key != title and key in title):
            continue  # a level of a series ("Customer Service Representative I") is no header
        if any(b - a < _REPEAT_GAP for a, b in zip(lines, lines[1:], strict=False)):
            continue
        for number in lines:
            found[number] = ("repeat", view[number - 1].strip(), len(lines))
    return sorted((number, *item) for number, item in found.items())


@register
class PageFurniture(PythonRule):
    code = "X905"
    name = "page-furniture"
    category = "format"
    severity = "warning"
    message = "Page header or footer left in the text: {what}. It comes from the pages of a PDF or Word export; {fix}"
    description = """
    Why: a spec flattened from a PDF or a paginated Word file keeps what was
    printed on every page: the class title or agency name as a running
    header, "Page 3 of 7" footers, lone page numbers and page-break
    characters (form feeds). In the text they land in the middle of a
    section, cut a duty list in two, and confuse anyone (or any system)
    reading the spec. Reported: "Page N", "Page N of M", "- N -", "N | Page",
    a line holding only a page number (not list or table numbers), a form
    feed, the spec's own title repeated alone on a later line, and the same
    short line repeated three or more times far apart. Fix: delete the line.
    --fix removes form feeds; the other lines need --unsafe-fixes, since a
    line that looks like a header may be meant.
    """
    fire = (
        "LEAD CUSTOMER SERVICE REPRESENTATIVE\n\nFLSA Status: Non-Exempt\n\nESSENTIAL FUNCTIONS\n\n"
        "4. Researches and resolves complex customer service and billing issues.\n\n"
        "Lead Customer Service Representative\n\n5. Interprets customer accounts and applies District rules.\n",
        "WATER TREATMENT OPERATOR II\n\nDEFINITION\n\nOperates and monitors a water treatment plant.\n\nPage 2 of 3\n\n"
        "ESSENTIAL FUNCTIONS\n\n1. Collects water samples.\n",
        "ACCOUNTANT II\n\nDEFINITION\n\nPerforms professional accounting work; prepares financial statements\n\n"
        "2\n\nand reconciles general ledger accounts.\n",
        "ACCOUNTANT II\n\nDEFINITION\n\nPerforms professional accounting work.\n\f\nESSENTIAL FUNCTIONS\n\n1. Prepares journal entries.\n",
    )
    passing = (
        "LEAD CUSTOMER SERVICE REPRESENTATIVE\n\nDISTINGUISHING CHARACTERISTICS\n\n"
        "The Lead Customer Service Representative is the advanced journey level.\n\n"
        "Job Title\tLead Customer Service Representative\n",
        "ACCOUNTANT II\n\nPHYSICAL DEMANDS\n\nLifting\n10\n25\n50\n\nMust lift up to\n25\npounds occasionally.\n",
        "ACCOUNTANT II\n\nWage Schedule Range: 10 / 13 / 15 / 17\n\nPay Grade\n27\n\nExperience: Two (2) years of accounting experience.\n",
    )

    def check(self, ctx: RuleContext):
        lines = ctx.source.lines
        for number, kind, text, times in _page_furniture(ctx):
            view = ctx.source.view[number - 1]
            start = len(view) - len(view.lstrip())
            end = len(view.rstrip())
            if kind == "title":
                what = f'the class title "{text}" repeated as a running page header'
                fix = "delete this line."
            elif kind == "page":
                what = f'the page number "{" ".join(text.split())}"'
                fix = "delete this line."
            elif kind == "number":
                what = f'a lone page number "{text}"'
                fix = "delete this line (if the number belongs to a list or table, give it its item or label)."
            else:
                what = f'"{text}", repeated on {times} lines'
                fix = "delete it here and on each line where it repeats."
            message = self.message.format(what=what, fix=fix)
            yield ctx.violation(self, number, start + 1, number, end + 1, message, "")
        if "\f" not in _raw_text(ctx):
            return
        for number, line in enumerate(lines, 1):
            if "\f" not in line:
                continue
            for match in _FORM_FEEDS.finditer(line):
                start, end = match.span()
                before = line[start - 1] if start else " "
                after = line[end] if end < len(line) else " "
                replacement = " " if not before.isspace() and not after.isspace() else ""
                what = "a page break character (form feed, U+000C)" + ("s" if end - start > 1 else "")
                message = self.message.format(what=what, fix="delete it.")
                yield ctx.violation(self, number, start + 1, number, end + 1, message, replacement, "safe")


_FORM_FEEDS = re.compile("\f+")


# --------------------------------------------------------------------------------------------
# X906 words split by stray spaces.

# A last piece that is what is left of an apostrophe ("District s", "don t"), not of a split word.
_LOST_APOSTROPHE = frozenset("s t d ll ve re m".split())


_OPENS_WORD = frozenset(" \t\n(\"'\u201c\u2018[\u2022*")
_CLOSES_WORD = frozenset(" \t\n.,;:!?)\"'\u201d\u2019]*")


# What a word can be in a split word, for X906 (``_word_kind``): the flagged kinds, and "not judged yet", are
# true, so ``compress`` finds them.
_PLAIN_WORD, _NO_WORD, _BEGINS_COMMONER, _UNJUDGED = 0, 1, 2, 3


def _word_kind(lexicon, lower: str) -> int:
    """What a piece (lower case) of a possible split word is. No word: not ``_is_word``, or an ending ("ing")
    that ``_pieces_real`` never counts as a word at the end. Begins a much commoner word: a longer common word
    starts with it and outweighs it by X906's lead ("pol" for "police"). A piece with an apostrophe is a plain
    word here: ``_candidate`` turns down every window that holds one."""
    if "'" in lower or "\u2019" in lower:
        return _PLAIN_WORD
    if lower in _SUFFIXES or not _is_word(lexicon, lower):  # "i" is no word ("I" is one: flagged all the same)
        return _NO_WORD
    return _BEGINS_COMMONER if lexicon.begins_commoner_word(lower, _JOINED_ZIPF, _JOIN_LEAD["X906"]) else _PLAIN_WORD


@register
class SplitWord(PythonRule):
    code = "X906"
    name = "split-word"
    category = "format"
    severity = "warning"
    message = 'Word split by a stray space: "{found}" should be "{joined}". Delete the space{s} inside the word.'
    description = """
    Why: text taken out of a PDF often comes with spaces inside words where
    the PDF placed letters apart ("maint enance", "cust omer", "w ork"). The
    reader stumbles, search and spell-check miss the word, and the spec looks
    careless. Reported when the pieces together make a common word and at
    least one piece is not a word of its own; two real words that happen to
    make one ("a bout", "inter agency", "any one") are left alone. Fix: join
    the pieces.
    """
    fire = (
        "Oversees preventive maint enance of District vehicles and equipment.",
        "Responds to cust omer inquiries in person and by telephone.",
        "Organizes own w ork, sets priorities and meets critical deadlines.",
        "Possession of a valid Grade T2 cer tifi cation issued by the State Water Resources Control Board.",
    )
    passing = (
        "Prepares a report about a bout of equipment failures at the inter agency pump station.",
        "Possession of a valid California Class C driver's license; any one of the Grade D2 certificates.",
        "Customer Service Representative I and II perform the duties listed in Section B in the District manual.",
        "Learns the District s policies and procedures.",
    )

    def check(self, ctx: RuleContext):
        columns = word_columns(ctx)
        if len(columns.texts) < 2:
            return
        text = ctx.source.text
        raw = _raw_text(ctx)
        lexicon = lexicon_for(ctx)
        lowered = lower_word_texts(ctx)
        common_at = self._joined_at(lexicon, lowered)
        judged = lexicon.memo("X906 pieces")
        next_free = 0
        for index in sorted(common_at[2] | common_at[3]):
            if index < next_free:
                continue
            for size in (3, 2):
                if index not in common_at[size]:
                    continue
                window = [columns.token(at) for at in range(index, index + size)]
                if not self._candidate(window, text, raw):
                    continue
                pieces = tuple(token.text for token in window)
                # Most windows that get here are the same few pairs of words ("of the", "may be"): judged once a run.
                real = judged.answer(pieces, lambda pieces: self._pieces_real(lexicon, pieces))
                if real is None or self._used_alone(ctx, lowered, window, real):
                    continue
                found = text[window[0].start : window[-1].end]
                joined_word = "".join(pieces)
                message = self.message.format(found=found, joined=joined_word, s="s" if size > 2 else "")
                yield ctx.span_violation(self, window[0].start, window[-1].end, message, joined_word)
                next_free = index + size
                break

    files_seen = 0  # by this process: judging words one by one pays for itself over a few files, not one

    def _joined_at(self, lexicon, lowered: list[str]) -> dict[int, set[int]]:
        """Where two (key 2) or three (key 3) pieces that may be a split word join into a common word, by the
        position of the first piece. Over a run, only the windows that hold a piece flagged by ``_word_kind``."""
        SplitWord.files_seen += 1
        if SplitWord.files_seen <= _FILES_BEFORE_SIFTING:  # a one-file run (a pre-commit hook) sorts no word list
            return self._joined_at_every_window(lexicon, lowered)
        return self._joined_at_flagged_windows(lexicon, lowered)

    @staticmethod
    def _joined_at_every_window(lexicon, lowered: list[str]) -> dict[int, set[int]]:
        """Every pair and triple joined and looked up, in C."""
        pairs = list(map(str.__add__, lowered, lowered[1:]))
        triples = map(str.__add__, pairs, lowered[2:])
        return {2: lexicon.common_positions(pairs, _JOINED_ZIPF), 3: lexicon.common_positions(triples, _JOINED_ZIPF)}

    @staticmethod
    def _joined_at_flagged_windows(lexicon, lowered: list[str]) -> dict[int, set[int]]:
        """The windows that hold a piece that is no word, or start with a word that begins a much commoner word: in
        any other window every piece is a word and the joined word does not outweigh the first (``_pieces_real``).
        About 1 word in 60 is flagged. Each distinct word is judged once a run, and a file's words are looked up
        in one pass in C: about 1,200 lookups instead of 2,400 new strings and their lookups."""
        kinds = lexicon.memo("X906 word kinds", 100_000)
        codes = list(map(kinds.get, lowered, repeat(_UNJUDGED)))  # in C
        judge = partial(_word_kind, lexicon)
        pair_starts: set[int] = set()
        triple_starts: set[int] = set()
        for at in compress(count(), codes):  # the flagged words, and the ones not judged yet in this run
            code = codes[at] if codes[at] != _UNJUDGED else kinds.answer(lowered[at], judge)
            if code == _NO_WORD:
                pair_starts.update((at - 1, at))
                triple_starts.update((at - 2, at - 1, at))
            elif code == _BEGINS_COMMONER:
                pair_starts.add(at)
                triple_starts.add(at)
        common = lexicon.common_words(_JOINED_ZIPF)
        last = len(lowered) - 1
        return {
            2: {at for at in pair_starts if 0 <= at < last and lowered[at] + lowered[at + 1] in common},
            3: {at for at in triple_starts if 0 <= at < last - 1 and lowered[at] + lowered[at + 1] + lowered[at + 2] in common},
        }

    def _pieces_real(self, lexicon, pieces: tuple[str, ...]) -> tuple[bool, ...] | None:
        """Which pieces are words of their own; None when the pieces are no split word wherever they stand."""
        real = [_is_word(lexicon, piece) for piece in pieces]
        real[-1] = real[-1] and pieces[-1].lower() not in _SUFFIXES
        if pieces[-1].lower() in _LOST_APOSTROPHE and real[-2]:
            return None  # "District s", "don t": a lost apostrophe, not a split word
        if all(real) and not _join_outweighs(lexicon, list(pieces), "".join(pieces), _JOIN_LEAD[self.code]):
            return None
        if any(len(piece) == 1 for piece in pieces) and any(r for r, p in zip(real, pieces, strict=True) if len(p) > 1):
            return None  # "items a, b and c": a letter next to a real word is no evidence of a split
        return tuple(real)

    @staticmethod
    def _used_alone(ctx: RuleContext, lowered: list[str], window, real: list[bool]) -> bool:
        """Whether a piece that is no word stands alone elsewhere in the file, away from the other
        pieces: then it is a term of the document ("struct", "dev"), not a fragment."""
        counts = ctx.shared("debris_token_counts", lambda: Counter(lowered))
        found = " ".join(token.text for token in window).lower()
        together = ctx.source.text.lower().count(found)
        return any(
            not is_word and len(token.text) > 2 and counts[token.text.lower()] > together
            for token, is_word in zip(window, real, strict=True)
        )

    @staticmethod
    def _candidate(window, text: str, raw: str) -> bool:
        """Cheap tests before the lexicon: one plain space between pieces, word-like case, no digits or apostrophes."""
        for left, right in zip(window, window[1:], strict=False):
            if right.start != left.end + 1 or raw[left.end] not in " \u00a0":
                return False
        pieces = [token.text for token in window]
        if any("'" in piece or "\u2019" in piece for piece in pieces):
            return False
        if len("".join(pieces)) < 4 or not _case_fits(pieces):
            return False
        if pieces[0][0].isupper() and len(pieces[0]) == 1 and not all(p.isupper() for p in pieces) and len("".join(pieces)) < 6:
            return False  # "Section B in", "Class C on": a letter name before a short word
        first, last = window[0], window[-1]
        if first.start and text[first.start - 1] not in _OPENS_WORD:
            return False  # "cshen-dev in", "@dev": part of a longer token
        return last.end == len(text) or text[last.end] in _CLOSES_WORD
