"""Physical-demand rules that need numbers: weights, how often, strength levels.

Strength levels follow the Dictionary of Occupational Titles as adopted by SSA
(20 CFR 404.1567): the most a level allows occasionally (up to 1/3 of the time)
and frequently (1/3 to 2/3).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from speclint import search
from speclint.checks.sentences import Sentence, sentence_bounds, sentences
from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.prefilter import fast_form, text_forms

_WORD_NUMBERS = {
    "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "thirty-five": 35,
    "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "seventy": 70, "seventy-five": 75, "eighty": 80,
    "ninety": 90, "one hundred": 100, "hundred": 100,
}  # fmt: skip
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True)) + r")"
WEIGHT = re.compile(
    rf"\b(?P<low>{_NUMBER})(?:\s*\(\d{{1,3}}\))?(?:\s*(?:-|\u2013|to)\s*(?P<high>{_NUMBER})(?:\s*\(\d{{1,3}}\))?)?"
    r"\s*(?:-\s*)?(?:lbs?\.?|pounds?)(?![a-z])",
    re.IGNORECASE,
)
FREQUENCY = re.compile(
    r"\b(?:occasional(?:ly)?|frequent(?:ly)?|constant(?:ly)?|continuous(?:ly)?|rarely|seldom|regularly|routinely"
    r"|intermittent(?:ly)?|daily|repeatedly|on occasion|at times|sometimes|infrequent(?:ly)?)\b"
    r"|\d{1,3}\s*%|\bhours? (?:per|a|each) (?:day|shift)|\b[12]/3\b|\bone-third\b|\btwo-thirds\b",
    re.IGNORECASE,
)
ASSISTED = re.compile(r"\bwith (?:the )?(?:assistance|help)\b|\bteam lift|\busing (?:a )?(?:dolly|hand truck|cart|hoist)", re.I)
LIFTING_WITHOUT_WEIGHT = re.compile(
    r"\b(?:light|medium|moderate|heavy)\s+(?:lifting|carrying|objects|loads|materials)\b|\blift(?:ing)?\s+heavy\b", re.I
)
STRENGTH = re.compile(
    r"\b(?P<level>sedentary|light|medium|heavy|very heavy)\s+(?:(?:office|physical|exertion(?:al)?)\s+)?"
    r"(?:work|duty|category|classification|strength|level|physical demand)"
    r"|\b(?:primarily|mostly|generally|largely|essentially)\s+(?:a\s+)?(?P<sedentary>sedentary)\b"
    r"(?:\s+(?:office\s+)?(?:work|job|position|classification|class)\b)?",
    re.IGNORECASE,
)
# Searched across whole texts: a first-character test in front makes the search skip most positions.
ASSISTED, LIFTING_WITHOUT_WEIGHT, STRENGTH = (fast_form(pattern) for pattern in (ASSISTED, LIFTING_WITHOUT_WEIGHT, STRENGTH))
# The words every match starts with (in lower case): the whole-text searches try those places only
# (speclint.search; the same matches, without a try at every position of the text).
_STRENGTH_STARTS = ("sedentary", "light", "medium", "heavy", "very", "primarily", "mostly", "generally", "largely", "essentially")
# Each with the words of which a match there has one as a whole word: a text without any of them (its words, from
# speclint.prefilter.normalize) has no match there, so the string is not looked for.
_LIFTING_STARTS = (
    ("light", {"light"}), ("medium", {"medium"}), ("moderate", {"moderate"}), ("heavy", {"heavy"}), ("lift", {"lift", "lifting"}),
)  # fmt: skip
# The most each level allows occasionally and frequently (pounds).
LEVEL_LIMITS = {"sedentary": (10, 0), "light": (20, 10), "medium": (50, 25), "heavy": (100, 50)}


def _pounds(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else _WORD_NUMBERS[text]


@dataclass(frozen=True)
class Weight:
    pounds: int  # the highest figure stated
    start: int
    end: int
    text: str
    frequent: bool
    assisted: bool


def weights_in(ctx: RuleContext) -> list[tuple[Weight, object]]:
    """Every stated weight with its sentence: how often it is lifted and whether help is allowed."""
    return ctx.shared("weights", lambda: list(_find_weights(ctx)))


def spec_sentences(ctx: RuleContext):
    return ctx.shared("sentences", lambda: list(sentences(ctx.source.text)))


def _sentence_bounds(ctx: RuleContext) -> tuple[list[int], list[int]]:
    return ctx.shared("sentence bounds", lambda: sentence_bounds(ctx.source.text))


def _places(ctx: RuleContext, words: tuple[str, ...]) -> list[int]:
    """Where the words are in the text (offsets, in order; see speclint.search)."""
    return ctx.shared(("places of", words), lambda: search.places(search.folded_text(ctx), words))


def _wanted(ctx: RuleContext, starts) -> tuple[str, ...]:
    """The strings of ``starts`` (each with the words of which a match there has one) that a match may start with in this text."""
    words = text_forms(ctx).words
    return tuple(start for start, needed in starts if not words.isdisjoint(needed))


def _sentences_at(ctx: RuleContext, places: list[int]):
    """The sentences (in order) that hold one of the places, each with those places as offsets into its text.
    A search for words that start at the places finds nothing in the other sentences. (Only these sentences
    are made: from the bounds of all of them, which cost less than a Sentence for each.)"""
    starts, ends = _sentence_bounds(ctx) if places else ([], [])
    text = ctx.source.text
    index = 0
    while index < len(places):
        at = bisect.bisect_right(starts, places[index]) - 1  # the last sentence that starts at the place or before it
        if at < 0 or places[index] >= ends[at]:  # before the first sentence, or between two
            index += 1
            continue
        start, end = starts[at], ends[at]
        stop = bisect.bisect_left(places, end, index)
        yield Sentence(text[start:end], start), [place - start for place in places[index:stop]]
        index = stop


def _find_weights(ctx: RuleContext):
    sentence_frequencies = ctx.shared("frequencies per sentence", dict)  # for P304 too
    # Every weight ends in "lb" or "pound" (in some case): only sentences with one are searched. (Where neither
    # is, that search of the folded text costs less than the literal test, which looks for six strings.)
    for sentence, _ in _sentences_at(ctx, _places(ctx, ("lb", "pound"))):
        frequencies = None
        for match in WEIGHT.finditer(sentence.text):
            if frequencies is None:
                frequencies = sentence_frequencies[sentence.start] = list(FREQUENCY.finditer(sentence.text))
            high = match.group("high") or match.group("low")
            clause = sentence.text[max(0, match.start() - 60) : match.end() + 40]
            start = sentence.start + match.start()
            how = _table_column_frequency(ctx, start) or _how_often(frequencies, match, sentence.text)
            yield Weight(
                pounds=_pounds(high),
                start=start,
                end=sentence.start + match.end(),
                text=" ".join(match.group(0).split()),
                frequent=how in ("frequent", "constant"),
                assisted=bool(ASSISTED.search(clause)),
            ), sentence


def _table_column_frequency(ctx: RuleContext, offset: int) -> str:
    """In a frequency table, the column heading above a weight ("Occasionally | Frequently" then "50 lbs | 25 lbs")."""
    line, column = ctx.source.position(offset)
    rows = ctx.shared("weights-per-row", dict)  # counted once per line: a 1 MB line holds thousands of weights
    if line not in rows:
        rows[line] = len(WEIGHT.findall(ctx.source.view[line - 1]))
    if rows[line] < 2:
        return ""
    found = ctx.shared("frequencies-per-row", dict)  # likewise: each line above is searched once, however many weights
    for above in range(line - 1, max(0, line - 6), -1):
        if above not in found:
            found[above] = list(FREQUENCY.finditer(ctx.source.view[above - 1]))
        headings = found[above]
        if len(headings) >= 2:
            at = bisect.bisect_left(headings, column - 1, key=lambda h: h.start())  # the nearest is next to it
            nearest = min(headings[max(0, at - 1) : at + 1], key=lambda h: abs(h.start() - (column - 1)))
            return _frequency_kind(nearest.group(0))
    return ""


def _how_often(frequencies, weight, text: str) -> str:
    """The frequency word governing a weight: the nearest one before it, else the first after it in its clause.

    ``frequencies`` are in order, so both are found by bisection: a sentence of a 1 MB line can hold thousands of
    weights and frequency words, and a scan of them all for each weight took minutes."""
    before = bisect.bisect_right(frequencies, weight.start(), key=lambda f: f.end())
    if before:
        word = frequencies[before - 1].group(0)
    else:
        after = bisect.bisect_left(frequencies, weight.end(), key=lambda f: f.start())
        if after == len(frequencies) or _last_clause_break(text, frequencies[after].start()) >= weight.end():
            return ""  # none after it, or a ";" or "." ends the weight's clause first
        word = frequencies[after].group(0)
    return _frequency_kind(word)


@functools.lru_cache(maxsize=8)
def _last_clause_break(text: str, end: int) -> int:
    """Where the last ";" or "." before ``end`` is (-1 if none); the weights before one frequency word share it."""
    return max(text.rfind(";", 0, end), text.rfind(".", 0, end))


def _frequency_kind(word: str) -> str:
    word = word.lower()
    if word.startswith("frequent"):
        return "frequent"
    if word.startswith(("constant", "continuous")):
        return "constant"
    return "occasional"


def _stated_level(ctx: RuleContext) -> tuple[str, str] | None:
    """The strength level the physical-demands text claims, and its wording."""
    return ctx.shared("strength-level", lambda: _find_stated_level(ctx))


def _find_stated_level(ctx: RuleContext) -> tuple[str, str] | None:
    ranges = [r for s in ctx.spec.sections_for(["physical_demands", "working_environment"]) for r in s.ranges()]
    for match in search.finditer_at(STRENGTH, ctx.source.text, _strength_starts(ctx)):
        line = ctx.source.position(match.start())[0]
        if ranges and not any(start <= line <= end for start, end in ranges):
            continue
        level = (match.group("level") or match.group("sedentary")).lower()
        if level in LEVEL_LIMITS:
            return level, " ".join(match.group(0).split())
    return None


def _strength_starts(ctx: RuleContext) -> list[int]:
    """Places that include every place where a match of STRENGTH can start. Every match holds a level word:
    the text is scanned for those four words only (not for all of _STRENGTH_STARTS), and the other places
    are worked out from them: "very " before "heavy", and the adverb before "sedentary" (maybe "a" between)."""
    text, folded = ctx.source.text, search.folded_text(ctx)
    starts = []
    for place in _places(ctx, _wanted(ctx, _LEVEL_WORDS)):
        starts += (place, place - 5)  # "very heavy" (for any level word: more places to try do no harm)
        if folded.startswith(b"sedentary", place):
            end = _skip_space_back(text, place)  # after the adverb and "\s+"
            ends = [end]
            if end >= 2 and text[end - 1] in "aA" and text[end - 2].isspace():  # "\s+a\s+"
                ends.append(_skip_space_back(text, end - 1))
            starts += (at - length for at in ends for length in _ADVERB_LENGTHS)
    return sorted({start for start in starts if start >= 0})


def _skip_space_back(text: str, end: int) -> int:
    """Where the white space (\\s, as the patterns have it) that ends at ``end`` starts."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_LEVEL_WORDS = tuple((word, {word}) for word in ("sedentary", "light", "medium", "heavy"))  # as _LIFTING_STARTS
_ADVERB_LENGTHS = sorted({len(word) for word in ("primarily", "mostly", "generally", "largely", "essentially")})


@register
class SedentaryWithWeight(PythonRule):
    code = "P301"
    name = "sedentary-with-weight"
    category = "physical"
    severity = "error"
    message = (
        "The spec calls the work \"{level_text}\", but it requires lifting {weight}; sedentary work means lifting no "
        "more than 10 pounds. Either correct the weight or describe the class as light or medium work."
    )
    description = """
    Why: "sedentary" has a fixed meaning in the DOT strength levels used by SSA
    and vocational experts (20 CFR 404.1567(a)): lifting at most 10 pounds
    occasionally. A spec that calls the work sedentary and then requires 25
    pounds contradicts itself, and either figure can be quoted against the
    agency. Fix: make the strength level and the weights agree.
    """
    fire = (
        "PHYSICAL DEMANDS\nThis is primarily a sedentary office classification. Employees must possess the ability "
        "to lift, carry, push, and pull materials and objects weighing up to 25 pounds.\n",
    )
    passing = (
        "PHYSICAL DEMANDS\nThis is primarily a sedentary office classification; occasionally lift files weighing up to "
        "10 pounds.\n",
        "PHYSICAL DEMANDS\nThis is medium work: occasionally lift up to 50 pounds and frequently up to 25 pounds.\n",
    )

    def check(self, ctx: RuleContext):
        stated = _stated_level(ctx)
        if not stated or stated[0] != "sedentary":
            return
        for weight, _ in weights_in(ctx):
            if weight.pounds > LEVEL_LIMITS["sedentary"][0] and not weight.assisted:
                message = self.message.format(level_text=stated[1], weight=weight.text.strip())
                yield ctx.span_violation(self, weight.start, weight.end, message)


@register
class StrengthLevelContradiction(PythonRule):
    code = "P302"
    name = "strength-level-contradiction"
    category = "physical"
    severity = "warning"
    message = (
        "The spec calls the work \"{level_text}\", but {weight} {how} is more than {level} work allows "
        "({limit} pounds {how}). Correct the weight or the strength level."
    )
    description = """
    Why: light work means at most 20 pounds occasionally and 10 frequently;
    medium 50 and 25; heavy 100 and 50 (DOT strength levels, 20 CFR
    404.1567). When the stated level and the weights disagree, candidates,
    doctors doing fitness-for-duty reviews and vocational experts read the
    spec differently. Fix: make them agree. Sedentary work is rule P301.
    """
    fire = ("PHYSICAL DEMANDS\nThis is light work. Occasionally lift and carry up to 40 pounds.\n",)
    passing = (
        "PHYSICAL DEMANDS\nThis is light work. Occasionally lift up to 20 pounds and frequently up to 10 pounds.\n",
        "PHYSICAL DEMANDS\nThis is medium work. Occasionally lift over 50 pounds with assistance.\n",
    )

    def check(self, ctx: RuleContext):
        stated = _stated_level(ctx)
        if not stated or stated[0] == "sedentary":
            return
        occasional, frequent = LEVEL_LIMITS[stated[0]]
        for weight, _ in weights_in(ctx):
            limit = frequent if weight.frequent else occasional
            if weight.pounds > limit and not weight.assisted:
                how = "frequently" if weight.frequent else "occasionally"
                message = self.message.format(
                    level_text=stated[1], weight=weight.text.strip(), how=how, level=stated[0], limit=limit
                )
                yield ctx.span_violation(self, weight.start, weight.end, message)


@register
class LiftingWithoutWeight(PythonRule):
    code = "P303"
    name = "lifting-without-weight"
    category = "physical"
    severity = "warning"
    message = (
        "\"{match}\" gives no weight. State the weight and how often, for example \"occasionally lift and carry "
        "files and supplies weighing up to 10 pounds\"."
    )
    description = """
    Why: "light lifting" or "heavy objects" means something different to every
    reader, so it can neither be tested in a post-offer exam nor accommodated
    sensibly. Fix: give the weight in pounds and the frequency
    (occasionally / frequently / constantly).
    """
    fire = (
        "Incumbents require sufficient mobility to work in an office setting; light lifting and carrying; "
        "ability to verbally communicate.\n",
        "Must be able to lift heavy objects.\n",
    )
    passing = (
        "Light lifting and carrying of files weighing up to 10 pounds occasionally.\n",
        "Performs light maintenance work on pumps.\n",
    )

    def check(self, ctx: RuleContext):
        wanted = _wanted(ctx, _LIFTING_STARTS)
        if not wanted:
            return
        places = _places(ctx, wanted)
        if not search.search_at(LIFTING_WITHOUT_WEIGHT, ctx.source.text, places):
            return
        for sentence, here in _sentences_at(ctx, places):
            # The sentence's own matches first: the costlier search for a weight is needed only where there is one.
            matches = list(search.finditer_at(LIFTING_WITHOUT_WEIGHT, sentence.text, here))
            if not matches or WEIGHT.search(sentence.text):
                continue
            for match in matches:
                start = sentence.start + match.start()
                message = self.message.format(match=match.group(0))
                yield ctx.span_violation(self, start, sentence.start + match.end(), message)


@register
class WeightWithoutFrequency(PythonRule):
    code = "P304"
    name = "weight-without-frequency"
    category = "physical"
    severity = "warning"
    message = (
        "The weight \"{weight}\" is given without how often. Add occasionally (up to 1/3 of the time), frequently "
        "(1/3 to 2/3) or constantly (over 2/3)."
    )
    description = """
    Why: lifting 25 pounds once a week and lifting it all day are different
    jobs; without the frequency the demand cannot be compared with a
    candidate's restrictions or with the DOT strength levels. Fix: add the
    frequency in the same sentence.
    """
    fire = (
        "Employees must possess the ability to lift, carry, push, and pull materials and objects weighing up to "
        "25 pounds.\n",
    )
    passing = (
        "Occasionally lift and/or move up to 25 pounds.\n",
        "Lift up to 50 lbs. frequently when loading supplies.\n",
        "Lift fifty (50) pounds on occasion.\n",
    )

    def check(self, ctx: RuleContext):
        weights = weights_in(ctx)
        frequencies = ctx.shared("frequencies per sentence", dict)  # of each sentence with a weight, found with them
        for weight, sentence in weights:
            if not frequencies[sentence.start]:
                yield ctx.span_violation(self, weight.start, weight.end, self.message.format(weight=weight.text.strip()))


DRIVER_LICENCE = re.compile(
    r"\bdriver'?s'?\s+licen[cs]es?\b|\bdriver\u2019s\s+licen[cs]es?\b|\bcommercial driver|\bCDL\b"
    r"|\bclass\s+[ABC]\s+(?:driver'?s\s+)?licen[cs]e",
    re.IGNORECASE,
)
DRIVING_DUTY = re.compile(
    r"\b(?:drive|drives|driving(?!\s+record|\s+history)|vehicles?|trucks?|travel(?:s|ing|ling)?|transports?|transporting"
    r"|deliver(?:s|ing|y)?|field (?:visits?|inspections?|sites?|locations?)|site visits?|job sites?|work sites)\b",
    re.IGNORECASE,
)
DRIVER_LICENCE, DRIVING_DUTY = fast_form(DRIVER_LICENCE), fast_form(DRIVING_DUTY)
# The words each match starts with (in lower case), as _STRENGTH_STARTS, each with its whole words as _LIFTING_STARTS.
_LICENCE_STARTS = (("driver", {"driver", "drivers"}), ("commercial driver", {"commercial"}), ("cdl", {"cdl"}), ("class", {"class"}))
_DRIVING_STARTS = (
    ("driv", {"drive", "drives", "driving"}),
    ("vehicle", {"vehicle", "vehicles"}),
    ("truck", {"truck", "trucks"}),
    ("travel", {"travel", "travels", "traveling", "travelling"}),
    ("transport", {"transport", "transports", "transporting"}),
    ("deliver", {"deliver", "delivers", "delivering", "delivery"}),
    ("field ", {"field"}),
    ("site visit", {"site"}),
    ("job site", {"job"}),
    ("work sites", {"sites"}),
)


@register
class LicenceWithoutDriving(PythonRule):
    code = "P310"
    name = "licence-without-driving"
    category = "physical"
    severity = "warning"
    message = (
        "A driver's license is required (\"{match}\"), but no duty mentions driving or travel. Add the duty that "
        "needs it, or make the license \"desirable\" rather than required."
    )
    description = """
    Why: a driver's license requirement screens out people who cannot drive
    because of a disability; EEOC guidance says it must be tied to an
    essential function that involves driving (29 CFR 1630.10). Fix: name the
    driving duty (for example "drives a District vehicle to field sites"), or
    drop the requirement.
    """
    fire = (
        "ACCOUNTANT\nESSENTIAL FUNCTIONS\n1. Prepares journal entries.\nLICENSE\n"
        "Must possess a valid California class C driver's license.\n",
    )
    passing = (
        "METER READER\nESSENTIAL FUNCTIONS\n1. Drives a District vehicle on assigned routes.\nLICENSE\n"
        "Must possess a valid California class C driver's license.\n",
        "ACCOUNTANT\nESSENTIAL FUNCTIONS\n1. Travels to District facilities to audit records.\nLICENSE\n"
        "Possession of a valid driver's license.\n",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        licences = list(search.finditer_at(DRIVER_LICENCE, text, _places(ctx, _wanted(ctx, _LICENCE_STARTS))))
        if not licences:
            return
        licence = licences[0]
        # The text with each licence blanked out (what DRIVER_LICENCE.sub(" ", text) gives), searched for a duty.
        # Its folded form is cut from the folded text the same way: fold() gives one byte for each character.
        folded = search.folded_text(ctx)
        pieces, folded_pieces, end = [], [], 0
        for found in licences:
            pieces += (text[end : found.start()], " ")
            folded_pieces += (folded[end : found.start()], b" ")
            end = found.end()
        without = "".join(pieces) + text[end:]
        folded_without = b"".join(folded_pieces) + folded[end:]
        # A licence ends at a word's end but for "commercial driver" and "class ... licen[cs]e": when one of those ends
        # inside a word ("licensed"), the blank makes the rest of that word a word of its own, which the text lacks.
        if all(found.end() == len(text) or not _is_word_char(text[found.end()]) for found in licences):
            driving = _wanted(ctx, _DRIVING_STARTS)
        else:
            driving = tuple(start for start, _ in _DRIVING_STARTS)
        if search.search_at(DRIVING_DUTY, without, search.places(folded_without, driving)):
            return
        yield ctx.span_violation(self, licence.start(), licence.end(), self.message.format(match=licence.group(0)))


def _is_word_char(char: str) -> bool:
    """What \\w matches (in a str pattern)."""
    return char.isalnum() or char == "_"


_ESSENTIAL_MARKER = re.compile(r"\bessential\b|\(\s*[EM]\s*\)", re.IGNORECASE)


@register
class EssentialNotDesignated(PythonRule):
    code = "P311"
    name = "essential-not-designated"
    category = "physical"
    severity = "warning"
    message = (
        "The duties under \"{heading}\" are not identified as essential or marginal. Title the list \"Essential "
        "Functions\" (and list marginal ones separately), or mark each duty (E) or (M)."
    )
    description = """
    Why: under the ADA an employer's written judgment of which functions are
    essential, made before advertising, is evidence of what the job requires
    (29 CFR 1630.2(n)(3)); "Examples of Duties" or "Typical Tasks" makes no
    such judgment. Fix: head the list "Essential Functions", move the rest to
    "Marginal Functions", or mark each duty (E) / (M).
    """
    fire = ("ACCOUNTANT\nEXAMPLES OF DUTIES\n1. Prepares journal entries.\n2. Reconciles accounts.\n",)
    passing = (
        "ACCOUNTANT\nESSENTIAL FUNCTIONS\n1. Prepares journal entries.\n",
        "ACCOUNTANT\nTYPICAL TASKS\n1. Prepares journal entries. (E)\n2. Orders supplies. (M)\n",
        "ACCOUNTANT\nEXAMPLES OF DUTIES\nThe following essential functions are representative.\n1. Prepares entries.\n",
    )

    def check(self, ctx: RuleContext):
        duties = ctx.spec.sections_for(["essential_functions"])
        if not duties or ctx.spec.sections_for(["marginal_functions"]):
            return
        section = duties[0]
        if _ESSENTIAL_MARKER.search(section.group_heading or ""):
            return
        view = ctx.source.view
        for start, end in section.ranges():
            if any(_ESSENTIAL_MARKER.search(view[n - 1]) for n in range(start, end + 1)):
                return
        yield ctx.violation(
            self, section.line, section.column, section.line, section.column + len(section.heading),
            self.message.format(heading=section.heading),
        )
