"""Markup rules: what survives when a spec edited with tracked changes is flattened to text.

M601 revision markup (CriticMarkup, ~~strike~~, combining strike characters), M604 HTML tags and
entities, M605 Word's printed balloons ("Deleted: ..."), M606 stem + "eing" ("Useing"), M607 two
words fused into one ("supervisiondirection", "ServicesHuman"), M608 old and new wording both kept
("General supervision direction", "Assist Oversees"), M609 a stray slash ("and/Director") and M610
a missing space ("record.None", "December2019"). M602, M603 and M611 are patterns in
rules/packs/markup.yaml; the word lists are data in rules/markup.yaml.

The word rules share one tokenisation per file (``speclint.words.tokens.word_columns`` and its lower-case
texts), pick out the words that matter in C and make Token objects only for those.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count, filterfalse, repeat

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.prefilter import text_forms
from speclint.resources import load_yaml, rules_dir
from speclint.words import lexicon_for
from speclint.words.tokens import Token, bare, distinct_word_texts, lower_word_texts, match_case, word_columns

# -- shared helpers ------------------------------------------------------------------------------


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ADDRESS = re.compile(r"@|://|\bmailto:|\bwww\.|\.(?:gov|com|org|net|edu|us|io|info)\b", re.IGNORECASE)


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits in a web or e-mail address (the run of non-space characters around it)."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return bool(_ADDRESS.search(text, left, right))


@dataclass
class _WordData:
    """rules/markup.yaml, with every inflection of the listed words worked out once."""

    eing_words: frozenset[str]
    slash_words: frozenset[str]
    slash_pairs: frozenset[str]
    compounds: frozenset[str]
    compound_endings: frozenset[str]
    names: frozenset[str]
    whole_word_endings: tuple[str, ...]
    camel_prefixes: frozenset[str]
    report: str
    # form -> [(group, lemma, kind)] for synonyms; form -> (lemma, kind) for duty verbs
    synonyms: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    duty_verbs: dict[str, tuple[str, str]] = field(default_factory=dict)
    listed: frozenset[str] = frozenset()  # every form of a synonym or a duty verb

    def same_group(self, first: str, second: str, *, second_finite: bool = False) -> bool:
        """Two different words of one synonym group; with ``second_finite`` the second must be in its base
        or -s form ("suggesting recommends", not "suggests recommended actions": that -ed is an adjective)."""
        one = {(group, lemma) for group, lemma, _ in self.synonyms.get(first.lower(), ())}
        two = {(group, lemma) for group, lemma, kind in self.synonyms.get(second.lower(), ()) if not second_finite or kind in ("base", "s")}
        return any(g1 == g2 and l1 != l2 for g1, l1 in one for g2, l2 in two)

    def finite_duty_verbs(self, first: str, second: str) -> bool:
        """Two different duty verbs, each in its base or -s form ("Assist", "Oversees")."""
        one, two = self.duty_verbs.get(first.lower()), self.duty_verbs.get(second.lower())
        return bool(one and two and one[0] != two[0] and one[1] in ("base", "s") and two[1] in ("base", "s"))


def _s_form(lemma: str) -> str:
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma + "es"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _ed_form(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _ing_form(lemma: str) -> str:
    if lemma.endswith(("ee", "oe", "ye")):
        return lemma + "ing"
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e"):
        return lemma[:-1] + "ing"
    return lemma + "ing"


def _forms(entry: str) -> dict[str, str]:
    """Every form of a listed word and its kind: "oversee|oversaw|overseen" -> {"oversees": "s", ...}."""
    lemma, *irregular = entry.lower().split("|")
    forms = {_ed_form(lemma): "ed", _ing_form(lemma): "ing", _s_form(lemma): "s"}
    forms.update({form: "ing" if form.endswith("ing") else "ed" for form in irregular})
    forms[lemma] = "base"
    return forms


@cache
def _data() -> _WordData:
    raw = load_yaml(rules_dir() / "markup.yaml")
    fused = raw["fused-words"]
    both = raw["both-versions-kept"]
    data = _WordData(
        eing_words=frozenset(raw["eing-words"]),
        slash_words=frozenset(raw["slash-function-words"]),
        slash_pairs=frozenset(raw["slash-pairs"]),
        compounds=frozenset(fused["compounds"]),
        compound_endings=frozenset(fused["compound-endings"]),
        names=frozenset(fused["names"]),
        whole_word_endings=tuple(fused["whole-word-endings"]),
        camel_prefixes=frozenset(fused["camel-prefixes"]),
        report=both.get("report", "high"),
    )
    for group, words in enumerate(both["synonyms"]):
        for entry in words:
            lemma = entry.split("|")[0]
            for form, kind in _forms(entry).items():
                data.synonyms.setdefault(form, []).append((group, lemma, kind))
    for entry in both["duty-verbs"]:
        lemma = entry.split("|")[0]
        for form, kind in _forms(entry).items():
            data.duty_verbs.setdefault(form, (lemma, kind))
    data.listed = frozenset(data.synonyms) | frozenset(data.duty_verbs)
    return data


# -- M601 revision markup --------------------------------------------------------------------------

_CRITIC = re.compile(
    r"\{\+\+(?P<add>.{0,500}?)\+\+\}"
    r"|\{--(?P<delete>.{0,500}?)--\}"
    r"|\{~~(?P<old>.{0,500}?)~>(?P<new>.{0,500}?)~~\}"
    r"|\{==(?P<mark>.{0,500}?)==\}"
    r"|\{>>(?P<note>.{0,500}?)<<\}",
    re.DOTALL,
)
_STRIKE = re.compile(r"(?<![~\w])~~(?=\S)[^~\n]{1,300}?(?<=\S)~~(?![~\w])")
_STRUCK = re.compile(r"(?:[^\n\u0335\u0336][\u0335\u0336]+)+")


@register
class RevisionMarkup(PythonRule):
    code = "M601"
    name = "revision-markup"
    category = "markup"
    severity = "error"
    message = (
        "Revision markup \"{match}\" left in the text: {meaning}. Accept or reject the change, "
        "then delete the markup."
    )
    description = """
    Why: CriticMarkup ({++inserted++}, {--deleted--}, {~~old~>new~~},
    {==highlight==}, {>>comment<<}), ~~strike-through~~ and letters with a
    combining strike (s̶t̶r̶u̶c̶k̶) are how tracked changes look once a draft
    is written in Markdown or copied out of a web page or PDF. Left in, the
    spec shows both the old and the new wording and the reader cannot tell
    which is in force. Fix: accept or reject each change and delete the
    markup; the suggestion shows the text with the change accepted.
    """
    fire = (
        "Under {~~general~>direct~~} supervision, performs accounting work.",
        "Maintains {++and reconciles++} the general ledger.",
        "Requires ~~five~~ three years of experience.",
        "Requires f\u0336i\u0336v\u0336e\u0336 three years of experience.",
    )
    passing = (
        "Requires three years of experience (approximately 2,000 hours a year).",
        "Salary range: ~$5,120 to ~$6,224 monthly; see {Appendix A}.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        if "{" not in text and "~~" not in text and "\u0336" not in text and "\u0335" not in text:
            return
        taken: list[tuple[int, int]] = []
        for match in _CRITIC.finditer(text):
            taken.append(match.span())
            kind = match.lastgroup
            if kind == "add":
                meaning, accepted = f'"{_clip(match["add"], 40)}" was inserted', match["add"]
            elif kind == "delete":
                meaning, accepted = f'"{_clip(match["delete"], 40)}" was deleted', ""
            elif kind in ("old", "new"):
                meaning, accepted = f'"{_clip(match["old"], 30)}" was replaced by "{_clip(match["new"], 30)}"', match["new"]
            elif kind == "mark":
                meaning, accepted = "a reviewer highlighted these words", match["mark"]
            else:
                meaning, accepted = "a reviewer's comment", ""
            message = self.message.format(match=_clip(match.group(0)), meaning=meaning)
            yield ctx.span_violation(self, match.start(), match.end(), message, accepted)
        for pattern, meaning in ((_STRIKE, "struck-through text, which means it was deleted"),
                                 (_STRUCK, "struck-through letters, which means they were deleted")):
            for match in pattern.finditer(text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                shown = match.group(0).replace("\u0336", "").replace("\u0335", "")
                message = self.message.format(match=_clip(shown), meaning=meaning)
                yield ctx.span_violation(self, match.start(), match.end(), message, "")


# -- M604 HTML tags and entities -------------------------------------------------------------------

_BLOCK_TAGS = r"p|br|div|ul|ol|li|table|tbody|thead|tr|td|th|h[1-6]|hr"
_TAG = re.compile(
    rf"</?(?P<name>{_BLOCK_TAGS}|span|font|b|i|u|strong|em|a|sup|sub|img|o:p)\b[^<>]{{0,300}}>", re.IGNORECASE
)
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|rsquo|lsquo|rdquo|ldquo|ndash|mdash|bull|hellip|#[0-9]{1,5}|#x[0-9a-fA-F]{1,4});")
_BLOCK = re.compile(rf"(?:{_BLOCK_TAGS})", re.IGNORECASE)


def _entity_character(entity: str) -> str | None:
    if entity == "&nbsp;":
        return " "
    import html  # (only for a file with entities)

    character = html.unescape(entity)
    if character in (entity, "\ufffd") or len(character) != 1 or unicodedata.category(character) in ("Cc", "Cs", "Co", "Cn"):
        return None
    return character


@register
class HtmlMarkup(PythonRule):
    code = "M604"
    name = "html-markup"
    category = "markup"
    severity = "warning"
    suggests_fix = True
    message = "HTML code \"{match}\" in the text. Delete it; if a list was meant, use plain numbered or bulleted lines."
    entity_message = "HTML code \"{match}\" in the text; it prints as those characters. Replace it with {meant}."
    description = """
    Why: tags such as <ul style="list-style-type: none"> and entities such
    as &nbsp; come from copying a spec out of a web page or an HR system;
    they print literally in the document. Fix: delete the tag and keep the
    words (the fix deletes it, or leaves a space where a line-break tag sat
    between two words); write an entity as the character it stands for
    (&amp; -> &, &nbsp; -> a space, &#8217; -> ’).
    """
    fire = (
        "Experience\t<ul style=\"list-style-type: none\">Four (4) years of customer service work.",
        "Knowledge of&nbsp;accounting principles.",
        "Skills</li>",
    )
    passing = (
        "Ability to: communicate effectively <in person> and by telephone.",
        "Salary range is less than or equal to the market median; see Table A & B.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        if "<" in text:
            for match in _TAG.finditer(text):
                start, end = match.span()
                glued = start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
                suggestion = " " if glued and _BLOCK.fullmatch(match["name"]) else ""
                yield ctx.span_violation(self, start, end, self.message.format(match=_clip(match.group(0))), suggestion)
        if "&" in text:
            for match in _ENTITY.finditer(text):
                character = _entity_character(match.group(0))
                if character is None:
                    message = self.entity_message.format(match=match.group(0), meant="the character meant, or delete it")
                    yield ctx.span_violation(self, match.start(), match.end(), message)
                    continue
                meant = "a space" if character == " " else f'"{character}"'
                message = self.entity_message.format(match=match.group(0), meant=meant)
                yield ctx.span_violation(self, match.start(), match.end(), message, character)


# -- M605 Word's printed balloons ------------------------------------------------------------------

_BALLOON = re.compile(
    r"^[ \t\u2022*\-\u2013]*"
    r"(?P<balloon>"
    r"(?:Deleted|Inserted|Formatted|Moved (?:up|down|from|to)(?: \[\d+\])?"
    r"|Comment(?:ed)? \[[A-Za-z]{1,4}\d{1,3}\]|Style Definition)[ \t]*:.*?"
    r"|(?:Formatted Table|Field Code Changed|Moved \((?:insertion|deletion)\) \[\d+\]|(?:Deleted|Inserted|Merged|Split) Cells)"
    r")[ \t]*$",
    re.MULTILINE,
)

# Every balloon has one of these words (as in the literal test's set of lower-case words) and holds its text.
_BALLOON_WORDS = (
    ("deleted", "Deleted"), ("inserted", "Inserted"), ("formatted", "Formatted"), ("moved", "Moved"), ("comment", "Comment"),
    ("commented", "Comment"), ("field", "Field Code"), ("style", "Style Def"), ("cells", "Cells"),
)  # fmt: skip


@register
class TrackedChangeBalloon(PythonRule):
    code = "M605"
    name = "tracked-change-balloon"
    category = "markup"
    severity = "error"
    message = (
        "Word's tracked-change balloon \"{match}\" was printed into the spec. Accept or reject the changes "
        "and resolve the comments in Word, then save the spec again without markup; or delete this line."
    )
    description = """
    Why: when a document with tracked changes is printed or saved as PDF
    with "Show Markup" on, Word prints its balloons ("Deleted: ...",
    "Inserted: ...", "Formatted: Font: Bold", "Moved (insertion) [1]",
    "Commented [GK1]: ...") as text, and they survive the conversion to text.
    They show deleted wording and reviewers' remarks to every reader. Fix:
    accept or reject the changes (Review > Accept/Reject), delete the
    comments, and export again with "No Markup"; or delete these lines.
    """
    fire = (
        "Deleted: general\nUnder general direction, performs accounting work.",
        "Commented [GK1]: Should this be Finance Director?",
        "Formatted: Font: (Default) Arial, 11 pt",
    )
    passing = (
        "Inserts and deletes records in the customer database.",
        "Comments: none.\nFormatted reports are prepared monthly.",
    )

    def check(self, ctx: RuleContext):
        text, words = ctx.source.text, text_forms(ctx).words
        # A search of the text for a balloon's words only when the lower-case word is there at all (a set test).
        if not any(literal in text for word, literal in _BALLOON_WORDS if word in words):
            return
        for match in _BALLOON.finditer(text):
            start, end = match.span("balloon")
            yield ctx.span_violation(self, start, end, self.message.format(match=_clip(match["balloon"])))


# -- M606 stem + "eing" ----------------------------------------------------------------------------


@register
class EingWord(PythonRule):
    code = "M606"
    name = "eing-word"
    category = "markup"
    severity = "warning"
    suggests_fix = True
    message = "\"{match}\": the \"e\" of \"{stem}\" was left in when the word was changed to its -ing form. Write \"{fixed}\"."
    description = """
    Why: when "Use" is edited into "Using" by typing "ing" after it, the
    "e" stays: "Useing", "Composeing", "prioritizeing". It reads as a
    spelling mistake in an official document. Fix: drop the "e"
    ("Using", "Composing", "Prioritizing"). Real words that keep the "e"
    (being, seeing, agreeing, dyeing, eyeing, singeing, canoeing ...) are
    never reported; the list is in rules/markup.yaml.
    """
    fire = (
        "Useing English effectively to communicate in person and in writing.",
        "Composeing correspondence independently or from brief instructions.",
        "Responding to and effectively prioritizeing multiple phone calls.",
    )
    passing = (
        "Using English effectively; agreeing on payment plans; seeing that work is done; being courteous.",
        "Dyeing, canoeing, eyeing, singeing and guaranteeing are words.",
    )

    def check(self, ctx: RuleContext):
        if "eing" not in text_forms(ctx)[0]:  # the lower-cased text: most specs have no such word at all
            return
        columns = word_columns(ctx)  # (Tokens are made only for the words with "eing", picked out in C)
        with_eing = compress(count(), map(str.__contains__, lower_word_texts(ctx), repeat("eing")))
        candidates = [token for token in map(columns.token, with_eing) if token.bare.lower().endswith("eing")]
        if not candidates:
            return
        data, lex = _data(), lexicon_for(ctx)
        for token in candidates:
            word = token.bare
            lower = word.lower()
            stem = lower[:-3]  # "use" from "useing"
            if len(stem) < 2 or lower in data.eing_words or stem.endswith(("ee", "oe", "ye")) or lex.known(lower):
                continue
            fixed = stem[:-2] + "ying" if stem.endswith("ie") else stem[:-1] + "ing"
            if not (lex.known(stem) and lex.known(fixed)):
                continue
            fixed = match_case(word, fixed)
            message = self.message.format(match=word, fixed=fixed, stem=word[:-3])
            yield ctx.span_violation(self, token.start, token.start + len(word), message, fixed)


# -- M607 fused words ------------------------------------------------------------------------------

_CAMEL_CUT = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _is_camel(word: str) -> bool:
    """Lower case running into upper case inside a word ("inAbility"), not a flat, UPPER or Title word."""
    return not (word.islower() or word.isupper() or word.istitle()) and _CAMEL_CUT.search(word) is not None
_TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}")


def _whole_word(word: str, lex, data: _WordData) -> bool:
    """Whether the first half of a fused pair is a finished word ("services", "suggesting", "supervision"),
    not the front of a compound ("work", "water", "story")."""
    lower = word.lower()
    if len(lower) >= 6 and lower.endswith(data.whole_word_endings):
        return True
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) >= 5:
        if lex.known(lower[:-1]) or (lower.endswith("es") and lex.known(lower[:-2])):
            return True
    if lower.endswith("ed") and len(lower) >= 6 and (lex.known(lower[:-2]) or lex.known(lower[:-1])):
        return True
    if lower.endswith("ing") and len(lower) >= 7:
        stem = lower[:-3]
        if lex.known(stem) or lex.known(stem + "e") or (stem[-1] == stem[-2] and lex.known(stem[:-1])):
            return True
    return False



@register
class FusedWords(PythonRule):
    code = "M607"
    name = "fused-words"
    category = "markup"
    severity = "warning"
    message = "\"{match}\" is two words run together, \"{left}\" and \"{right}\": {cause}"
    fused_cause = (
        "the old and the new wording of a tracked change, fused into one word when the changes were flattened. "
        "Keep the word that is meant and delete the other."
    )
    unsure_cause = (
        "most likely the old and the new wording of a tracked change, fused when the changes were flattened, or a "
        "lost space. Keep the wording that is meant, with a space between words."
    )
    name_hint = " If it is a name (a product or a vendor), add it to `vocabulary` in your config."
    description = """
    Why: when a spec with tracked changes is flattened to text, the deleted
    and the inserted word often end up in one token: "supervisiondirection",
    "suggestingrecommends", "Administrative ServicesHuman Resources",
    "Skill inAbility to". Fix: decide which wording is meant, delete the
    other, and put back the spaces. Reported: a word the dictionary does not
    know that splits into two common words, the first a complete word
    ("supervision", "services", "suggesting"), or a small word glued to a
    capitalised one ("inAbility"). Words the dictionary or your vocabulary
    knows ("recordkeeping", "workflow", "SharePoint", "CalPERS") and
    compounds such as "workpapers" are never reported; add product names to
    `vocabulary` in your config.
    """
    fire = (
        "Under general supervisiondirection, plans, organizes and supervises the workflow.",
        "General supervision is given by the Director of Administrative ServicesHuman Resources.",
        "Skill inAbility to:",
        "Responsible for suggestingrecommends methods to improve operations.",
    )
    passing = (
        "Recordkeeping, timekeeping, helpdesk and autopay support; uses SharePoint, PowerPoint and Laserfiche.",
        "Reconciles CalPERS retirement reports and prepares workpapers; processes Utility Service Requests (USRs).",
        "Manages e-books through OverDrive and the OCLC WorldShare catalog on an iPad.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        texts, starts, ends = word_columns(ctx)
        if not texts:
            return
        data, lex = _data(), lexicon_for(ctx)
        # The verdict on each distinct word is kept across files, as the lexicon splits are the cost: ``clean`` holds the
        # words that are not fused (nearly all), ``verdicts`` the answer for any other. The distinct words of a file
        # are tested against ``clean`` in C, and only the few left (new to this run, or findings) in Python.
        clean = lex.memo("M607 not fused", limit=100_000)  # word -> True
        verdicts = lex.memo("M607 verdict", limit=50_000)  # word -> False, or the word to report and its halves

        def verdict(word: str):
            return self._verdict(word, lex, data)

        flagged = {}
        for word in filterfalse(clean.__contains__, distinct_word_texts(ctx)):
            found = verdicts.answer(word, verdict)
            if found:
                flagged[word] = found
            else:
                clean.answer(word, bool)  # (True: a word is not empty)
        if not flagged:
            return
        for index in compress(count(), map(flagged.__contains__, texts)):
            found = flagged[texts[index]]
            word, (left, right, synonyms, name) = found
            token = Token(texts[index], starts[index], ends[index])
            if token.glued_to_digit_or_underscore(text) or _in_address(text, token.start, token.end):
                continue
            cause = (self.fused_cause if synonyms else self.unsure_cause) + (self.name_hint if name else "")
            message = self.message.format(match=word, left=left, right=right, cause=cause)
            yield ctx.span_violation(self, token.start, token.start + len(word), message)

    @classmethod
    def _verdict(cls, token: str, lex, data: _WordData):
        """False, or (the word, its halves, whether they are synonyms, whether it may be a name) for a word token."""
        word = token
        if len(word) < 5 or len(word) > 60:  # longer is pasted data, not two words: and splitting costs its length squared
            return False
        if not word.isalpha():
            word = bare(word)
        if not _is_camel(word) and (len(word) < 8 or not word.isalpha()):
            return False
        found = cls._camel(word, lex, data) if _is_camel(word) else cls._run_together(word, lex, data)
        return False if found is None else (word, found)

    @staticmethod
    def _camel(word: str, lex, data: _WordData):
        parts = _CAMEL_CUT.split(word)
        if len(parts) != 2:
            return None
        left, right = parts
        if not _TITLE_WORD.fullmatch(right) or not lex.known(right):
            return None
        lower = word.lower()
        if lower in data.names or lower in lex.vocabulary:
            return None
        if left.islower() and left in data.camel_prefixes:  # "inAbility": "Skill in" + "Ability to"
            return left, right, False, False
        if len(left) < 3 or not lex.known(left):
            return None
        if not (left.islower() or _TITLE_WORD.fullmatch(left)) or lex.known(lower):
            return None
        if data.same_group(left, right):
            return left, right, True, False
        if _whole_word(left, lex, data) or data.finite_duty_verbs(left, right):
            return left, right, False, True
        return None

    @staticmethod
    def _run_together(word: str, lex, data: _WordData):
        lower = word.lower()
        if lower in data.compounds or lower in data.names or lex.known(lower):
            return None
        cut = lex.split(lower, at_least=3.0, shortest=4)
        if cut is None or cut[1] in data.compound_endings:
            return None
        left, right = word[: len(cut[0])], word[len(cut[0]) :]
        if data.same_group(cut[0], cut[1]):
            return left, right, True, False
        if not word.islower():  # "Lakewood", "Cityworks": capitalised compounds are usually names
            return None
        if _whole_word(cut[0], lex, data) or data.finite_duty_verbs(cut[0], cut[1]):
            return left, right, False, False
        return None


# -- M608 both versions kept -----------------------------------------------------------------------

_LINE_LEAD = re.compile(r"[ \t\u2022\u00b7*\-\u2013\u2014o]*(?:(?:\d{1,2}|[a-zA-Z])[.)][ \t]*|\(\w{1,3}\)[ \t]*)?")


def _listed_pairs(hits: bytes) -> Iterator[int]:
    """Each index i where words i and i + 1 are both listed (``hits`` has a 1 for each listed word): found by
    bytes.find, in C, as a spec has a few such pairs among thousands of words."""
    index = hits.find(b"\1\1")
    while index >= 0:
        yield index
        index = hits.find(b"\1\1", index + 1)


@register
class BothVersionsKept(PythonRule):
    code = "M608"
    name = "both-versions-kept"
    category = "markup"
    severity = "warning"
    message = (
        "\"{match}\": {why} — most likely the old and the new wording of a tracked change, both kept "
        "({confidence} confidence). Keep the one that is meant and delete the other."
    )
    description = """
    Why: when tracked changes are flattened without accepting them, the old
    and the new word both stay: "General supervision direction is given",
    "responsible for suggesting recommends", "• Assist Oversees the
    District's ...". Fix: keep the wording that is meant. Reported with high
    confidence only: two words of the same meaning side by side (the pairs
    are listed in rules/markup.yaml), or a duty line that starts with two
    capitalised verbs. Normal phrases ("direct supervision", "under general
    supervision and direction", "Assist with", "Performs and oversees") are
    not reported, and a word written twice is grammar rule G501's.
    """
    fire = (
        "General supervision direction is given by the Director of Finance.",
        "EXAMPLES OF DUTIES\n\u2022 Assist Oversees the District's Customer Service, Billing, and Meter Reading functions.",
        "Responsible for suggesting recommends methods to improve operations.",
    )
    passing = (
        "Under general supervision and direction; direct supervision is exercised over staff.",
        "1. Assist with special projects.\n2. Performs and oversees the work of staff; supervises direct reports.",
        "Performs assigned duties; reviews completed work; Process Utility Service Requests.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        columns = word_columns(ctx)  # (Tokens are made only for the pairs)
        data = _data()
        report_low = data.report == "low"
        hits = bytes(map(data.listed.__contains__, lower_word_texts(ctx)))  # possessives ("District's") are never listed
        for index in _listed_pairs(hits):
            first, second = columns.token(index), columns.token(index + 1)
            gap = text[first.end : second.start]
            if not gap or not gap.isspace() or "\n" in gap:  # a heading ends its line: never pair across lines
                continue
            one, two = first.text, second.text
            if one.lower() == two.lower():
                continue
            verbs = data.finite_duty_verbs(one, two)
            third = columns.token(index + 2) if index + 2 < len(columns.texts) else None
            if verbs and self._starts_duty(text, first, third, one, two):
                why, confidence = "a duty that starts with two verbs", "high"
            elif data.same_group(one, two, second_finite=True):
                why, confidence = "two words with the same meaning side by side", "high"
            elif report_low and (verbs or data.same_group(one, two)):
                why, confidence = "two verbs or two words of the same meaning side by side", "low"
            else:
                continue
            match = text[first.start : second.start + len(two)]
            message = self.message.format(match=" ".join(match.split()), why=why, confidence=confidence)
            yield ctx.span_violation(self, first.start, second.start + len(two), message)

    @staticmethod
    def _starts_duty(text: str, first, third, one: str, two: str) -> bool:
        """"• Assist Oversees the ...": both capitalised, at the start of a line (after a bullet or a
        number), and the duty goes on in lowercase."""
        if not (_TITLE_WORD.fullmatch(one) and _TITLE_WORD.fullmatch(two)):
            return False
        line_start = text.rfind("\n", 0, first.start) + 1
        lead = _LINE_LEAD.match(text, line_start)
        if lead is None or lead.end() != first.start:
            return False
        if third is None or not third.text[0].islower():
            return False
        return "\n" not in text[first.start : third.start]


# -- M609 stray slash ------------------------------------------------------------------------------

_SLASHED = re.compile(r"(?<![\w/.:@-])[A-Za-z][A-Za-z'’-]*(?:/[A-Za-z][A-Za-z'’-]*)+(?![\w/])")
_SLASHED_PART = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’-"  # what [A-Za-z'’-] matches


def _slashed_matches(text: str) -> Iterator[re.Match]:
    """``_SLASHED.finditer(text)``, found faster: the pattern is tried only next to each slash (str.find), not at
    each position. A match's first slash ends a run of ``_SLASHED_PART`` characters, and the match starts where
    the lookbehind lets it: at the start of that run, or right after an apostrophe in it."""
    end = 0  # where finditer would search on from
    slash = text.find("/")
    while slash >= 0:
        start = end + len(text[end:slash].rstrip(_SLASHED_PART))
        match = _SLASHED.match(text, start)
        if match is None and ("'" in text[start:slash] or "’" in text[start:slash]):
            match = next(filter(None, (_SLASHED.match(text, at + 1) for at in range(start, slash) if text[at] in "'’")), None)
        if match is None:
            end = slash + 1  # no match starts before this slash (nor on it): search on after it
            slash = text.find("/", end)
        else:
            yield match
            end = match.end()
            slash = text.find("/", end)


@register
class StraySlash(PythonRule):
    code = "M609"
    name = "stray-slash"
    category = "markup"
    severity = "warning"
    message = (
        "Stray slash in \"{match}\": \"{small}\" is not an alternative to \"{other}\", so the slash is probably left "
        "from an edit. Decide which wording is meant and remove the slash (for example \"{spaced}\")."
    )
    description = """
    Why: "Customer Service Manager and/Director of Finance" is half of an
    edit: a title was replaced and the slash of "Manager/Director" survived,
    or "and" was typed over it. The reader cannot tell who the class reports
    to. Reported: a small word (and, or, the, of, to, for, with ...) joined
    by "/" to another word. Alternatives that are normal ("and/or",
    "to/from", "on/off", "Education/Training", "24/7", dates and web
    addresses) are not reported. Fix: write the wording that is meant
    without the slash.
    """
    fire = ("Receive direction from the Customer Service Manager and/Director of Finance and Technology Services.",)
    passing = (
        "Billing and/or collection experience; Education/Training; Degree/License/Certification; Associate of Arts/Science.",
        "Reports to the Human Resources/Customer Relations Manager; works 24/7 shifts; adopted 12/01/2024; turns service on/off.",
        "See https://www.city.gov/jobs/and/for/applicants and the he/she pronoun guide.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        if "/" not in text:
            return
        data = _data()
        for match in _slashed_matches(text):
            parts = match.group(0).split("/")
            offset = match.start()
            for index in range(len(parts) - 1):
                left, right = parts[index], parts[index + 1]
                start = offset
                offset += len(left) + 1
                if f"{left.lower()}/{right.lower()}" in data.slash_pairs:
                    continue
                if left in data.slash_words:
                    small, other = left, right
                elif right in data.slash_words:
                    small, other = right, left
                else:
                    continue
                end = start + len(left) + 1 + len(right)
                if _in_address(text, start, end):
                    break
                message = self.message.format(match=f"{left}/{right}", small=small, other=other, spaced=f"{left} {right}")
                yield ctx.span_violation(self, start, end, message)


# -- M610 missing space ----------------------------------------------------------------------------

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DATE_WORDS = r"Adopted|Revised|Amended|Approved|Effective|Updated|Established|Dated"
# Where two words may run together: "a.Bc" (the mark of "[a-z][.;:,!?][A-Z][a-z]"). The pattern starts with the mark
# and looks behind for the letter: the engine then tries it only at punctuation, not at every lowercase letter.
_GLUE_MARK = re.compile(r"[.;:,!?](?<=[a-z][.;:,!?])(?=[A-Z][a-z])")
# A year run on to a letter ("2019December", "Revised2019"), as two patterns that start with a literal, which the
# engine finds as fast as str.find does.
_YEAR_HINTS = (re.compile(r"19\d\d(?:[A-Za-z]|(?<=[A-Za-z]19..))"), re.compile(r"20\d\d(?:[A-Za-z]|(?<=[A-Za-z]20..))"))
_GLUED_SENTENCE = re.compile(r"(?<![A-Za-z0-9.:@/_\\-])([A-Za-z]*[a-z])([.;:,!?])([A-Z][a-z]+)(?![A-Za-z0-9@_/\\])")
_GLUED_YEAR = re.compile(
    rf"\b(?:(?P<year1>(?:19|20)\d\d)(?P<word1>(?i:{_MONTHS}|{_DATE_WORDS}))"
    rf"|(?P<word2>(?i:{_MONTHS}|{_DATE_WORDS}))(?P<year2>(?:19|20)\d\d))\b"
)


@register
class MissingSpace(PythonRule):
    code = "M610"
    name = "missing-space"
    category = "markup"
    severity = "warning"
    suggests_fix = True
    message = "\"{match}\": {what}, so two words run together. Put a space between them: \"{fixed}\"."
    description = """
    Why: deleting a word or a line break in a tracked change often takes the
    space with it: "program.Collects", "record.None", "2019December". The
    words run together in print, and search and screen readers see one
    word. Fix: put the space back (the fix does). Reported only between two
    words the dictionary knows, so "e.g.", "i.e.", "U.S.", "Ph.D.",
    initials and web addresses ("www.city.gov") are left alone.
    """
    fire = (
        "Must possess a valid California class C driver's license and have a satisfactory driving record.None.",
        "Maintains the safety program.Collects samples weekly.",
        "Revised: 2019December",
    )
    passing = (
        "Equivalent to a bachelor's degree, e.g. in accounting, i.e. four years of U.S. college work; Ph.D. preferred.",
        "Apply at www.cityofexample.gov or write to J.Smith@example.gov; adopted December 2019.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        lex = None
        end = 0
        for glue in _GLUE_MARK.finditer(text):
            start = glue.start() - 1
            if start < end:
                continue  # overlaps the glue point before ("a.Bc.De"): skipped, as the 4-letter points do not overlap
            end = start + 4
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            match = _GLUED_SENTENCE.match(text, start)
            if match is None:
                continue
            left, mark, right = match.groups()
            if len(left) < 2 or _in_address(text, match.start(), match.end()):
                continue
            if lex is None:
                lex = lexicon_for(ctx)
            if not (lex.known(left) and lex.known(right)):
                continue
            yield self._report(ctx, match, f'no space after the "{mark}"', f"{left}{mark} {right}")
        for match in _GLUED_YEAR.finditer(text) if any(hint.search(text) for hint in _YEAR_HINTS) else ():
            fixed = f"{match['year1']} {match['word1']}" if match["year1"] else f"{match['word2']} {match['year2']}"
            yield self._report(ctx, match, "the year is glued to the word next to it", fixed)

    def _report(self, ctx: RuleContext, match: re.Match, what: str, fixed: str):
        message = self.message.format(match=match.group(0), what=what, fixed=fixed)
        return ctx.span_violation(self, match.start(), match.end(), message, fixed)
