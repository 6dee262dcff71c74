"""Grammar rules that need more than one regular expression (category ``grammar``).

G501 repeated-word            "the the", "to to"
G502 repeated-phrase          "routine to routine to"
G504 a-an                     "a employee", "an user", "a 8-hour shift", "a FLSA exempt class"
G505 subject-verb-agreement   "customer who are", "employees who is", "Each of the employees are"

G506 (a stray article) is a pattern in rules/packs/grammar.yaml; the word lists are data in
rules/grammar.yaml. The rules read the view text (suppression directives masked) and lean
towards silence: a case that is not clear is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from operator import eq

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.memo import Memo
from speclint.prefilter import text_forms
from speclint.resources import load_yaml, rules_dir
from speclint.words.tokens import Words, lower_word_texts, word_columns

_WORD = r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*"
# Between two words: one or two spaces, or a line break (wrapped text). Never a tab: tabs separate table cells.
_GAP = r"(?:[ ]{1,2}|[ ]*\n[ ]*)"


@dataclass(frozen=True)
class _Data:
    repeat_allowed: frozenset[str]
    table_words: frozenset[str]
    prefixes: dict[str, str]  # word start -> "vowel" / "consonant" / "unsure"
    longest_prefix: int
    acronyms: dict[str, str]  # capitals -> "vowel" / "consonant" / "unsure"
    person: frozenset[str]
    persons: frozenset[str]  # their plurals
    not_singular: frozenset[str]
    singular_pronouns: frozenset[str]
    singular_in_s: frozenset[str]
    singular_determiners: frozenset[str]
    plural_determiners: frozenset[str]
    stop_before: frozenset[str]


@cache
def _data() -> _Data:
    raw = load_yaml(rules_dir() / "grammar.yaml")
    repeated, a_an, agreement = raw["repeated-word"], raw["a-an"], raw["agreement"]
    prefixes = {p: "vowel" for p in a_an["vowel-sound-prefixes"]}
    prefixes.update({p: "consonant" for p in a_an["consonant-sound-prefixes"]})
    prefixes.update({p: "unsure" for p in a_an["unsure-prefixes"]})
    acronyms = {}
    for sound in ("vowel", "consonant", "unsure"):
        acronyms.update({str(a).upper(): sound for a in a_an["acronyms"][sound]})
    person = frozenset(agreement["person-nouns"])
    lower = lambda key: frozenset(str(w).lower() for w in agreement[key])  # noqa: E731
    return _Data(
        repeat_allowed=frozenset(map(str, repeated["allowed"] + repeated["names"])),
        table_words=frozenset(map(str, repeated["table-words"])),
        prefixes=prefixes,
        longest_prefix=max(map(len, prefixes)),
        acronyms=acronyms,
        person=person,
        persons=frozenset(n + "s" for n in person) | lower("plural-person-nouns"),
        not_singular=lower("not-singular"),
        singular_pronouns=lower("singular-pronouns"),
        singular_in_s=lower("singular-in-s"),
        singular_determiners=lower("singular-determiners"),
        plural_determiners=lower("plural-determiners"),
        stop_before=lower("stop-before"),
    )


def _keep_case(model: str, word: str) -> str:
    """``word`` written in the case of ``model`` ("A" -> "An", "AN" -> "A")."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# -- G501 / G502: repeated words and phrases ------------------------------------------


@dataclass(frozen=True)
class _Repeat:
    code: str  # G501 or G502
    text: str  # the repeated word or phrase, as first written
    both: str  # both copies, as written ("routine to routine to")
    start: int  # what to delete: [start, end) of the joined view text
    end: int


_JOINED = frozenset("'\u2019/&@-_$<") | frozenset("0123456789")  # a word run on from these is not a word on its own
_CAPITALIZED = re.compile(r"[A-Z][a-z'\u2019]*")
_PRONOUNS = frozenset("i we you they he she it who that which".split())
_AUXILIARIES = frozenset("have has had is was do does did".split())  # "the code we have have been": two verbs


def _same_case(first: str, second: str) -> bool:
    """A true double is written alike, or capitalised at a sentence start: "the the", "The the", "THE THE";
    "scope SCOPE" or "from From:" are two different things."""
    return first == second or (first[:1].isupper() and first[1:] == second[1:] and second.islower())


def _proper_name(words: list[str]) -> bool:
    """Names, which can repeat: "Diaz Diaz", "Adam Di Carlo Adam Di Carlo"."""
    return all(_CAPITALIZED.fullmatch(w) for w in words)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _plausible_wrap(text: str, first_start: int, second: str) -> bool:
    """A repeat across a line break counts only inside wrapped running text, not between a heading and a line."""
    if not second[:1].islower():
        return False
    line_start, line_end = _line_bounds(text, first_start)
    line = text[line_start:line_end].rstrip()
    return len(re.findall(_WORD, line)) >= 3 and not line.endswith(":")


def _deletion(text: str, first_end: int, second_start: int, second_end: int) -> tuple[int, int]:
    """The characters to delete to drop the second copy: the copy and the spaces after it when it is followed by
    more text on its line (so the column points at the copy itself), else the space before it."""
    after = second_end
    while after < len(text) and text[after] == " ":
        after += 1
    if after > second_end and after < len(text) and text[after] != "\n":
        return second_start, after
    if "\n" not in text[first_end:second_start]:
        return first_end, second_end
    return second_start, second_end


def _repeats(ctx: RuleContext) -> list[_Repeat]:
    return ctx.shared("grammar.repeats", lambda: _find_repeats(ctx.source.text, word_columns(ctx), lower_word_texts(ctx)))


def _equal_runs(words: list[str], n: int) -> list[int]:
    """Every i where words i..i+n-1 equal words i+n..i+2n-1: n equal pairs in a row, each n words apart.
    For speed, pairs are compared in C only at indexes that are multiples of n (a run of n equal pairs always
    covers exactly one), and the few runs found are grown in Python."""
    last = len(words) - n - 1  # the last index that has a pair
    found: list[int] = []
    covered = -1
    for j in compress(range(0, len(words), n), map(eq, words[::n], words[n::n])):
        if j <= covered:
            continue  # in a run already grown
        first = j
        while first > 0 and words[first - 1] == words[first - 1 + n]:
            first -= 1
        covered = j
        while covered < last and words[covered + 1] == words[covered + 1 + n]:
            covered += 1
        found.extend(range(first, covered - n + 2))
    return found


def _find_repeats(text: str, columns: Words, words: list[str]) -> list[_Repeat]:
    """Words, then phrases of 2-5 words, written twice in a row. The words (the shared tokens, in lowercase:
    the same word pattern as _WORD) are compared as lists, in C: several times faster than a back-reference
    pattern."""
    data = _data()
    written, starts, ends = columns

    def copy_ok(first: int, count: int) -> bool:  # words first..first+count-1 joined by single spaces
        return all(text[ends[k] : starts[k + 1]] == " " for k in range(first, first + count - 1))

    def repeat_at(i: int, n: int) -> tuple[int, int, int, int] | None:
        """Offsets of both copies when words i.. and i+n.. are the same n words, written as one repeat."""
        if not (copy_ok(i, n) and copy_ok(i + n, n)):
            return None
        first_start, first_end = starts[i], ends[i + n - 1]
        second_start, second_end = starts[i + n], ends[i + 2 * n - 1]
        if not re.fullmatch(_GAP, text[first_end:second_start]):
            return None
        if first_start and text[first_start - 1] in _JOINED or second_end < len(text) and text[second_end] in _JOINED:
            return None  # part of "co-worker worker", "and/or or", "10a a"
        if first_start and text[first_start - 1] == "." or re.match(r"\.\w", text[second_end : second_end + 2]):
            return None  # a dotted name: "process.argv argv.forEach"
        gap = text[first_end:second_start]
        if gap == "  " and "  " in text[slice(*_line_bounds(text, first_start))].replace(gap, "", 1):
            return None  # columns padded with spaces: a table
        if "\n" in gap and not _plausible_wrap(text, first_start, text[second_start:second_end]):
            return None
        return first_start, first_end, second_start, second_end

    def report(code: str, offsets: tuple[int, int, int, int]) -> _Repeat:
        first_start, first_end, second_start, second_end = offsets
        start, end = _deletion(text, first_end, second_start, second_end)
        return _Repeat(code, text[first_start:first_end], text[first_start:second_end], start, end)

    found: list[_Repeat] = []
    candidates = [(i, -n) for n in range(2, 6) for i in _equal_runs(words, n)]
    covered_until = -1
    for i, minus_n in sorted(candidates):
        n = -minus_n
        phrase = words[i : i + n]
        if i < covered_until or len(set(phrase)) == 1:
            continue  # inside a repeat already reported; or "the the the the", which is G501's
        if all(w in data.table_words or len(w) == 1 for w in phrase):
            continue  # "Yes No Yes No", "X X": a table flattened to text
        if n == 2 and ("and" in phrase or "or" in phrase):
            continue  # "again and again and again", "over and over and": an idiom
        copies = written[i : i + 2 * n]
        if not all(_same_case(a, b) for a, b in zip(copies[:n], copies[n:], strict=True)) or _proper_name(copies):
            continue
        offsets = repeat_at(i, n)
        if offsets is not None:
            found.append(report("G502", offsets))
            covered_until = i + 2 * n
    phrases = [(r.start, r.end) for r in found]
    for i in compress(count(), map(eq, words, words[1:])):
        word = words[i]
        if word in data.repeat_allowed or word in data.table_words:
            continue
        first, second = written[i], written[i + 1]
        if len(word) == 1 and second != "a":
            continue  # "I I", "A A", "x x": letters and check marks, not words
        if re.fullmatch(r"[IVXLC]+", first):
            continue  # Roman numerals: "Level II II" in a table
        if not _same_case(first, second) or _proper_name([first, second]):
            continue
        if word in _AUXILIARIES and i > 0 and words[i - 1] in _PRONOUNS:
            continue  # "the forms we have have been filed": the end of one clause, then the verb of the next
        offsets = repeat_at(i, 1)
        if offsets is None:
            continue
        repeat = report("G501", offsets)
        if not any(s < repeat.end and repeat.start < e for s, e in phrases):
            found.append(repeat)  # (inside a repeated phrase it is reported once, as G502)
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


@register
class RepeatedWord(PythonRule):
    code = "G501"
    name = "repeated-word"
    category = "grammar"
    severity = "warning"
    suggests_fix = True
    message = 'The word "{word}" is written twice ("{both}"). Delete the second "{word}".'
    description = """
    Why: a doubled word ("the the", "to to") is the most common slip of
    editing and retyping; in a class spec adopted by a board it looks
    careless, and readers stumble over it. Fix: delete the second copy (the
    suggestion does exactly that). "that that" and "had had" are correct
    English and are not reported; neither are doubled letters, numbers and
    Roman numerals, nor words in a table flattened to text ("Yes Yes").
    """
    fire = (
        "Under general supervision, performs a variety of of routine customer service functions.",
        "Prepares and maintains the the daily schedule for the customer service counter.",
        "Responds to customer inquiries and resolves complaints and\nand issues service orders as needed.",
    )
    passing = (
        "Ensures that that form is filed with Human Resources before the first day of work.",
        "Travel to Walla Walla may be required.",
        "Level II II III\nLifting 10 10 25",
        "Knowledge of:\nKnowledge of modern office procedures.",
    )

    def check(self, ctx: RuleContext):
        for repeat in _repeats(ctx):
            if repeat.code == self.code:
                message = self.message.format(word=repeat.text, both=_flat(repeat.both))
                yield ctx.span_violation(self, repeat.start, repeat.end, message, "")


@register
class RepeatedPhrase(PythonRule):
    code = "G502"
    name = "repeated-phrase"
    category = "grammar"
    severity = "warning"
    suggests_fix = True
    message = 'The words "{phrase}" are written twice in a row ("{both}"). Delete the second "{phrase}".'
    description = """
    Why: a phrase of two to five words repeated right after itself ("routine
    to routine to complex", "as needed as needed") is left behind when a
    sentence is edited in place or text is pasted twice. Fix: delete the
    second copy (the suggestion does exactly that), then read the sentence
    again to check that nothing else was meant.
    """
    fire = (
        "Under general supervision, performs a variety of routine to routine to complex customer service functions.",
        "Performs related duties as needed as needed.",
        "Processes NSF checks and refers delinquent accounts to the\nto the collection agency.",
    )
    passing = (
        "Under general supervision, performs a variety of routine to complex customer service functions.",
        "Works day to day with customers, and from time to time with contractors.",
        "Standing Yes No Yes No",
    )

    def check(self, ctx: RuleContext):
        for repeat in _repeats(ctx):
            if repeat.code == self.code:
                message = self.message.format(phrase=_flat(repeat.text), both=_flat(repeat.both))
                yield ctx.span_violation(self, repeat.start, repeat.end, message, "")


# -- G504: "a" / "an" -------------------------------------------------------------------

_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")  # "ay", "ee", "ef", "aitch", "eye", "el", "em", ...
_LABELS = frozenset(
    "section subsection item part paragraph schedule exhibit appendix attachment step type class grade level tier option"
    " plan phase group category form table zone unit vitamin hepatitis article clause figure line column row note".split()
)
_FUNCTION_WORDS = frozenset(
    "a an the and or nor but of to in on at by for with from into onto than as if is it its are was were be this that"
    " these those who which whom whose we you he she they i our your their his her my not so up out off over".split()
)


@cache
def _article_pattern() -> re.Pattern:
    return re.compile(
        r"(?=[aA])(?<![\w'\u2019./&@#$<-])(?P<article>an|a|An|A|AN)(?P<gap>[ ]+|[ ]*\n[ ]*)"
        r"(?P<lead>[(\u201c\"\u2018'*_\[]*)(?P<token>[A-Za-z0-9][\w'\u2019.,/&-]*)"
    )


def _number_sound(token: str) -> str | None:
    """Numbers as they are read: "an 8-hour shift", "an 11th", "an 80-hour", "an 800", "a 100", "a 1,100"."""
    match = re.match(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+", token)
    digits = match.group(0).replace(",", "")
    if len(digits) > 1 and digits[0] == "0":
        return None

    def sound(value: int) -> str:
        vowel = value in (8, 11, 18) or 80 <= value <= 89 or 800 <= value <= 899
        return "vowel" if vowel else "consonant"

    readings = {sound(int(digits[: (len(digits) - 1) % 3 + 1]))}  # "eight thousand", "one hundred"
    if "," not in match.group(0) and len(digits) == 4:
        readings.add(sound(int(digits[:2])))  # "eighteen hundred", "nineteen eighties"
    return readings.pop() if len(readings) == 1 else None


def _word_sound(word: str) -> str | None:
    data = _data()
    for length in range(min(len(word), data.longest_prefix), 0, -1):
        sound = data.prefixes.get(word[:length])
        if sound is not None:
            return None if sound == "unsure" else sound
    return "vowel" if word[0] in "aeiou" else "consonant"


def _acronym_sound(letters: str) -> str | None:
    listed = _data().acronyms.get(letters.upper())
    if listed is not None:
        return None if listed == "unsure" else listed
    first = letters[0].upper()
    if first in "BCDGJKPQTVWYZ":
        return "consonant"  # read as letters or as a word, it starts with a consonant
    if first in "AEIO":
        return _word_sound(letters.lower())  # "an EPA", "an OSHA"; but "a EURO"
    if not re.search("[AEIOUYaeiouy]", letters):
        return "vowel" if first in _VOWEL_LETTER_NAMES else "consonant"  # "an HR", "an RN", "an LVN"
    return None  # "NASA" or "N-A-S-A"? only the list knows


# Two consonants that begin English words; a lowercase word starting with any other pair of consonants is an
# abbreviation read letter by letter ("an mbox", "an lcov"), or not English.
_ONSETS = frozenset("bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ll mn ph pl pr ps pt rh sc sh sk sl sm sn sp sq st sv sw"
                    " th tr tw wh wr".split())  # fmt: skip


def sound_of(token: str) -> str | None:
    """How ``token`` begins when read aloud: "vowel", "consonant", or None when that is not certain."""
    if token[0].isdigit():
        return _number_sound(token)
    if not token[0].isalpha() or "_" in token:
        return None  # "uintmax_t": code, not words
    head = re.match(r"[A-Za-z]+", token).group(0)
    after = token[len(head) : len(head) + 1]
    if len(head) == 1:
        if after and (after == "-" or after.isdigit()):
            return "vowel" if head.upper() in _VOWEL_LETTER_NAMES else "consonant"  # X-ray, e-mail, D1, I-9, U-turn
        if head in "AIai" or head.islower():
            return None  # the word "I", a letter "a", a variable
        return "vowel" if head in _VOWEL_LETTER_NAMES else "consonant"  # "an F", "a B"
    if sum(c.isupper() for c in head) >= 2:
        return _acronym_sound(head)
    if after.isdigit():
        return None  # "utf8", "sha1", "Uint8Array": names of things, read in more than one way
    lower = head.lower()
    if not re.search("[aeiouy]", lower):
        return None  # "npm", "ssh", "lb", "hr": letters or an abbreviated word
    if lower[0] in "fhlmnrsx" and lower[1] not in "aeiouy" and lower[:2] not in _ONSETS:
        return None
    return _word_sound(lower)


def _at_sentence_start(text: str, offset: int) -> bool:
    line_start, _ = _line_bounds(text, offset)
    prefix = text[line_start:offset]
    if re.fullmatch(r"\s*(?:[-*\u2022\u00b7\u25aa\u25e6]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+", prefix):
        return True  # first word of a list item
    stripped = prefix.rstrip()
    if stripped:
        return stripped[-1] in ".!?:;(\"\u201c"
    before = text[:line_start].rstrip(" \t\n")
    return not before or before[-1] in ".!?:;" or text[: line_start - 1].endswith("\n")


def _previous_word(text: str, offset: int) -> str:
    """The word that ends, before spaces, within 40 characters before ``offset`` (or at a line break right before
    it): what ``re.search(r"([A-Za-z]+)[ ]*$", window)`` finds, found from the end instead of tried at each of the
    40 positions."""
    window = text[max(0, offset - 40) : offset]
    if window.endswith("\n"):
        window = window[:-1]  # "$" also matches before a line break that ends the window
    match = _LETTERS.match(window.rstrip(" ")[::-1])
    return match.group(0)[::-1].lower() if match else ""


_LETTERS = re.compile(r"[A-Za-z]+")
_WORD_PART = re.compile(r"[\w'\u2019]+")
_ARTICLE_WORDS = frozenset({"a", "an"})
_SOUNDS = Memo(limit=20_000)  # sound_of(token) for the tokens seen after an article: a few thousand distinct ones


def _article_matches(ctx: RuleContext) -> Iterator[re.Match]:
    """``_article_pattern().finditer(text)``, found faster. The article of a match stands between a character that
    is not a letter or an apostrophe and a space or a line break, so it is a whole word token: the pattern is tried
    only where the lowercase token is "a" or "an" (those picked out in C), not at each "a" of the text."""
    text, pattern = ctx.source.text, _article_pattern()
    starts = word_columns(ctx).starts
    end = 0
    for start in compress(starts, map(_ARTICLE_WORDS.__contains__, lower_word_texts(ctx))):
        if start < end:
            continue  # inside the previous match: finditer's matches do not overlap
        match = pattern.match(text, start)
        if match is not None:
            end = match.end()
            yield match


@register
class AOrAn(PythonRule):
    code = "G504"
    name = "a-an"
    category = "grammar"
    severity = "warning"
    suggests_fix = True
    message = (
        '"{found}" should be "{fixed}": "an" goes before a vowel sound (an hour, an MBA, an 8-hour shift), '
        '"a" before a consonant sound (a user, a one-time fee). Change "{article}" to "{replacement}".'
    )
    description = """
    Why: "a" and "an" follow the sound of the next word, not its spelling:
    "an hour", "an honest", "an MBA", "an FLSA exemption", "an 8-hour shift",
    "an 11-month", but "a university", "a user", "a one-time", "a European",
    "a 100-hour". A wrong article reads as a typing error. Fix: change the
    article (the suggestion does exactly that). Abbreviations are judged only
    when their reading is certain (no vowel letters, as in "an HR manager",
    or listed in rules/grammar.yaml); "Class A", "Schedule A" and other letters
    used as labels are left alone.
    """
    fire = (
        "Possession of a Associate of Arts degree from a accredited college.",
        "Works a 8-hour shift, which may include weekends.",
        "Prepares an user guide for the utility billing system.",
        "Possession of a MBA is desirable.",
        "Serves as a HR liaison to an one-time project team.",
    )
    passing = (
        "Works an 8-hour shift and an 11-hour shift; earns a 100-hour bonus; an hour of overtime; a 1,100-acre site.",
        "Possession of a university degree, a one-time certification, a European passport and an honest record.",
        "Must possess a valid Class A driver's license and a Grade T2 certificate; see Schedule A and Exhibit A.",
        "Serves as an HR liaison and an OSHA trainer; holds an MBA, a CPA license, a NASA grant and an FLSA exemption.",
        "Applies an historic preservation standard; a SQL database; a NIMS-compliant plan; an NPDES permit.",
        "Work shifts are from 8:00 a.m. to 5:00 p.m.; an a/b comparison.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        for match in _article_matches(ctx):
            article, token = match.group("article"), match.group("token")
            # (The tests below only ever skip a match, so their order does not change what is reported: the
            # article being right, by far the most common case, is tested first, as it is the cheapest.)
            sound = _SOUNDS.answer(token, sound_of)
            if sound is None:
                continue
            wanted = "an" if sound == "vowel" else "a"
            if article.lower() == wanted:
                continue
            word = _WORD_PART.match(token).group(0)
            if word.lower() in _FUNCTION_WORDS and not token[len(word) : len(word) + 1] == "-":
                continue  # "a and b" is a list of letters; "the a of" is G506's
            if article == "A" and not _at_sentence_start(text, match.start()):
                continue  # "Class A", "Part A": a letter, not the article
            if article.lower() == "a" and _previous_word(text, match.start()) in _LABELS:
                continue  # "item a", "Vitamin A"
            if article == "A" and len(word) > 1 and word.isupper() and _line_is_capitals(text, match.start()):
                replacement = wanted.upper()
            else:
                replacement = _keep_case(article, wanted)
            shown = token.rstrip(".,;:")
            message = self.message.format(
                found=f"{article} {shown}", fixed=f"{replacement} {shown}", article=article, replacement=replacement
            )
            yield ctx.span_violation(self, match.start(), match.end("article"), message, replacement)


def _line_is_capitals(text: str, offset: int) -> bool:
    start, end = _line_bounds(text, offset)
    letters = [c for c in text[start:end] if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# -- G505: subject-verb agreement after "who" / "that" ----------------------------------

_SWAP = {"are": "is", "have": "has", "were": "was", "is": "are", "has": "have", "was": "were"}
_SINGULAR_VERBS = frozenset({"is", "has", "was"})
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|[^\sA-Za-z]")
_NOUN_BEFORE = re.compile(r"(?<![\w'\u2019-])[A-Za-z][A-Za-z'\u2019-]*(?=(?:[ ]+|[ ]*\n[ ]*)\Z)")


@cache
def _agreement_patterns() -> tuple[re.Pattern, re.Pattern]:
    relative = re.compile(
        r"(?=[wt])(?<![\w'\u2019-])(?P<rel>who|that)(?:[ ]+|[ ]*\n[ ]*)(?P<verb>are|is|have|has|were|was)"
        r"(?![\w'\u2019-])(?![ ]*,)"
    )
    each_of = re.compile(
        r"(?:(?<![^\n])[ \t]*(?:(?:[-*\u2022]|\d{1,2}[.)])[ \t]+)?|(?<=[.;:!?])[ ]+)"
        r"(?P<subject>(?P<quantifier>Each|each|One|one)[ ]+of[ ]+(?:the|these|those|its|their|our|them)"
        r"(?:[ ]+(?P<words>[A-Za-z-]+(?:[ ]+[A-Za-z-]+)?))?)[ ]+(?P<verb>are|have|were)(?![\w'\u2019-])"
    )
    return relative, each_of


def _relative_matches(text: str, relative: re.Pattern) -> Iterator[re.Match]:
    """``relative.finditer(text)``, found faster: a match starts with "who" or "that", so the pattern is tried only
    where str.find finds those (a few places a spec), not at each position. Matches cannot overlap (no "who" or
    "that" starts inside one), so trying each place on its own finds the same ones."""
    starts = []
    for rel in ("who", "that"):
        at = text.find(rel)
        while at >= 0:
            starts.append(at)
            at = text.find(rel, at + 1)
    for start in sorted(starts):
        match = relative.match(text, start)
        if match is not None:
            yield match


def _noun_phrase_start(tokens: list[str], noun_index: int, most: int) -> tuple[int, str | None]:
    """Walk back from the noun over up to ``most`` modifiers ("a new employee", "the Lead Customer Service
    Representative"); return the index where the phrase starts and its determiner, if any."""
    data = _data()
    determiners = data.singular_determiners | data.plural_determiners
    index = noun_index
    for _ in range(most):
        previous = tokens[index - 1].lower() if index > 0 else ""
        if not previous[:1].isalpha() or previous in determiners or previous in data.stop_before:
            break
        if previous in _FUNCTION_WORDS or previous.endswith("s"):
            break
        index -= 1
    if index > 0 and tokens[index - 1].lower() in determiners:
        return index - 1, tokens[index - 1].lower()
    return index, None


@register
class SubjectVerbAgreement(PythonRule):
    code = "G505"
    name = "subject-verb-agreement"
    category = "grammar"
    severity = "warning"
    message = (
        'Subject and verb do not agree in "{phrase}": "{subject}" is {number}, so the verb should be "{verb}". '
        'Write "{fixed}"{other}.'
    )
    description = """
    Why: a singular subject takes "is / has / was" and a plural one "are /
    have / were", also inside a relative clause: "a customer who is upset",
    "customers who are upset", "each of the employees is". Mismatches are
    left behind when a sentence is changed from singular to plural (or back)
    in only one place. Fix: change the verb as suggested, or make the noun
    agree with the verb if that was what was meant. Only the common, clear
    forms are reported: a person noun (customer, employee, applicant, ...)
    before "who"; a noun after "a / an / each / every / this" before "that"
    ("a report that have"); "everyone who have"; and "Each of the ... are"
    at the start of a sentence. A clause that may belong to an earlier noun
    ("employees of the contractor who are", "a supervisor and an employee
    who are") is left alone. The word lists are in rules/grammar.yaml.
    """
    fire = (
        "Interacts with District managers and staff, customer who are often upset and dissatisfied, and the public.",
        "Assists employees who is new to the District with benefits enrollment.",
        "Refers a person that have a billing complaint to the Customer Service Supervisor.",
        "Each of the employees are responsible for safety in the work area.",
        "Provides information to everyone who have questions about water service.",
    )
    passing = (
        "Interacts with customers who are often upset and dissatisfied, and with a customer who is upset.",
        "Trains the employees of the contractor who are assigned to the District.",
        "Works with the staff who are assigned to the front counter and the public who are waiting.",
        "One of the employees who is certified acts as the lead; each of the employees is trained.",
        "Determines who is eligible for a payment plan and who has access to customer records.",
        "Ensures that the tasks that are assigned are completed; the data that are collected are accurate.",
        "Coordinates work with a supervisor and an employee who are in the same unit.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        relative, each_of = _agreement_patterns()
        for match in _relative_matches(text, relative):
            window = max(0, match.start() - 60)
            noun = _NOUN_BEFORE.search(text, window, match.start())
            if noun is None:
                continue
            found = self._relative(text, noun, match.group("rel"), match.group("verb"))
            if found is not None:
                subject, number = found
                yield self._report(ctx, noun.start(), match, subject, number)
        # "Each of" / "One of" is rare: the pattern is tried at every position, so it runs only when the words are there.
        # In the normalized text (lowercase, every run of other characters than letters and digits one space) a match
        # always reads " each of " or " one of ".
        normalized = text_forms(ctx).normalized
        for match in each_of.finditer(text) if " each of " in normalized or " one of " in normalized else ():
            words = (match.group("words") or "").split()
            if words and not (words[-1].lower() == "following" or words[-1].lower().endswith("s")):
                continue
            if words and len(words) == 2 and words[0].lower() != "following" and words[0].lower().endswith("s"):
                continue
            yield self._report(ctx, match.start("subject"), match, match.group("quantifier").lower(), "singular")

    def _relative(self, text: str, found: re.Match, rel: str, verb: str) -> tuple[str, str] | None:
        data = _data()
        noun = found.group(0)
        lower = noun.lower()
        tokens = _TOKEN.findall(text[max(0, found.start() - 120) : found.start()]) + [noun]
        noun_index = len(tokens) - 1
        if verb in _SINGULAR_VERBS:  # does a plural subject take a singular verb?
            if rel == "who":
                if lower not in data.persons:
                    return None
            elif not _looks_plural(noun) or not noun.islower():
                return None
            start, determiner = _noun_phrase_start(tokens, noun_index, 3 if rel == "who" else 2)
            if rel == "that" and determiner not in data.plural_determiners:
                return None
            number = "plural"
        elif lower in data.singular_pronouns:  # "everyone who have"
            before = tokens[noun_index - 1].lower() if noun_index > 0 else ""
            return None if before in ("and", "or", "nor") else (noun, "singular")
        else:  # does a singular subject take a plural verb?
            if lower.endswith("s") or lower in data.not_singular or lower.endswith(("ed", "ing")) or noun.isupper():
                return None
            if rel == "who" and lower not in data.person:
                return None  # "the employees in the division who are": "who" is about the employees
            start, determiner = _noun_phrase_start(tokens, noun_index, 3 if rel == "who" else 2)
            if rel == "that" and determiner not in data.singular_determiners:
                return None  # "a report that have"; but "the pattern that are" may be about an earlier noun
            if determiner is not None and determiner != "the" and determiner in data.plural_determiners:
                return None  # "all employee who are": the noun lost its -s, not the verb
            number = "singular"
        before = tokens[start - 1].lower() if start > 0 else ""
        if before in data.stop_before:
            return None  # "employees of the contractor who are", "a supervisor and an employee who are"
        clause = tokens[max(0, start - 8) : start]
        clause = clause[max((k + 1 for k, t in enumerate(clause) if t in ".;:!?"), default=0) :]
        if any(t in ("who", "that", "which") for t in clause):
            return None  # "paths that match a pattern that are": a second clause, maybe about the first noun
        return noun, number

    def _report(self, ctx: RuleContext, start: int, match: re.Match, subject: str, number: str):
        verb = match.group("verb")
        fixed_verb = _SWAP[verb]
        phrase = _flat(ctx.source.text[start : match.end()])
        fixed = phrase[: len(phrase) - len(verb)] + fixed_verb
        if "rel" in match.groupdict():
            other = f', or make "{subject}" {"plural" if number == "singular" else "singular"} if that was meant'
        else:
            other = ""
        message = self.message.format(phrase=phrase, subject=subject, number=number, verb=fixed_verb, fixed=fixed, other=other)
        return ctx.span_violation(self, match.start("verb"), match.end("verb"), message, fixed_verb)


def _looks_plural(noun: str) -> bool:
    lower = noun.lower()
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is", "ics", "ous")):
        return False
    return lower not in _data().singular_in_s
