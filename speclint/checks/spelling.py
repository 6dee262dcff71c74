"""Spelling: misspelled words with suggestions, unknown words, and real words used in the wrong place.

Word-level edit residue (fused words, "Useing", words split by stray spaces) is reported by the
markup and format rules; these rules step aside for it so one defect gives one finding.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, count

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register
from speclint.prefilter import ASCII_FOLDS, fast_form
from speclint.resources import load_yaml, rules_dir
from speclint.search import fold
from speclint.words import Token, lexicon_for
from speclint.words.lexicon import PREFIXES, Lexicon
from speclint.words.tokens import Words, bare, distinct_word_texts, is_one_token, lower_word_texts, match_case, word_columns

# Text a dictionary cannot judge: web and e-mail addresses, file names, paths.
# Anchored at the start of a space-separated chunk so the search stays linear in the text.
_NOT_PROSE = re.compile(
    r"(?<!\S)[(\[\"'“]?(?:\S+@\S+|(?:https?://|www\.)\S+|[\w-]+\.(?:gov|org|com|net|edu|us|pdf|docx?|xlsx?)\b\S*|\S*[/\\]\S*[/\\]\S*)"
)
# What every _NOT_PROSE match holds: "@", "/", "\\", "www." or a dot before one of its endings. A match is a run of
# non-space characters and starts at the run's first character, so only the runs that hold one of these are tried.
_NOT_PROSE_HINTS = ("@", "/", "\\", "www.", ".gov", ".org", ".com", ".net", ".edu", ".us", ".pdf", ".doc", ".xls")
_UP_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)  # the engine takes the whole text, then steps back to the last space
_NON_SPACE_RUN = re.compile(r"\S*")
_ACRONYM_LENGTH = 5  # ALL-CAPS words up to this long are taken as acronyms (CVWD, MCWD, AWWA)
_NAME_SUGGESTION_ZIPF = 3.5
_CONTEXT_REACH = 60  # characters looked at on each side of a possibly confused word
# At most 12 capitalised words before the parenthesis: unbounded, each capital letter of an all-caps spec started a
# search through every following word (90 s for 64 KB of capitals); a longer name still matches from a later word.
_DEFINED_ABBREVIATION = re.compile(r"[A-Z][\w&.'’-]*(?:\s+(?:of|and|&|the|for)?\s*[A-Z][\w&.'’-]*){1,12}\s+\(([A-Z][A-Za-z]{1,9})\)")
_EING = re.compile(r"eing$", re.IGNORECASE)
_LONGEST_WORD = 45  # letters; "pneumonoultramicroscopicsilicovolcanoconiosis"


def _not_prose_spans(text: str) -> list[tuple[int, int]]:
    """The spans of _NOT_PROSE's matches, in text order. A match is a run of non-space characters that starts where the
    run does (the lookbehind) and holds a hint, so there is at most one per run, and a run without a hint has none:
    the pattern is tried only at the start of each run with a hint, found by str.find, not at every character."""
    run_starts = set()
    for hint in _NOT_PROSE_HINTS:
        at = text.find(hint)
        while at >= 0:
            before = _UP_TO_LAST_SPACE.match(text, 0, at)
            run_starts.add(before.end() if before else 0)
            at = text.find(hint, _NON_SPACE_RUN.match(text, at).end())  # on from the end of the run: each run once
    spans = []
    for start in sorted(run_starts):
        if match := _NOT_PROSE.match(text, start):
            spans.append(match.span())
    return spans


def _prose_words(ctx: RuleContext) -> Words:
    """Word tokens that do not start inside an address or path, in text order."""

    def compute():
        columns = word_columns(ctx)
        spans = _not_prose_spans(ctx.source.text)
        if not spans:
            return columns
        kept, first = [], 0  # index ranges of the tokens between the spans (both are in text order)
        for start, end in spans:
            kept.append((first, bisect_left(columns.starts, start)))
            first = bisect_left(columns.starts, end)
        kept.append((first, len(columns.starts)))
        return Words(*(list(chain.from_iterable(column[a:b] for a, b in kept)) for column in columns))

    return ctx.shared("prose_words", compute)


def _neighbour_join_is_word(lexicon: Lexicon, text: str, previous: Token | None, token: Token, following: Token | None) -> bool:
    """A piece of a word broken by a hyphen or stray space ("respon- sible", "maint enance"): the
    format rules report the break, so spelling stays quiet about the pieces."""
    for left, right in ((previous, token), (token, following)):
        if left is None or right is None:
            continue
        gap = text[left.end : right.start]
        if gap.strip(" \t-\n") == "" and len(gap) <= 3 and lexicon.common(left.text + right.text, 3.0):
            return True
    return False


def _is_mixed_case(word: str) -> bool:
    """"ServicesHuman", "iPad", "USRs": camel-case joins are the markup rules' business."""
    return any(ch.isupper() for ch in word[1:]) and not word.isupper()


def _is_document_name(ctx: RuleContext, word: str) -> bool:
    """Whether the spec itself teaches a capitalised word as a name or acronym: it is used twice or more and never in
    lowercase, or is an abbreviation defined in parentheses ("Coachella Valley Water District (CVWD)").

    Asked of a few words in a few files, so only the word's own uses are looked at, not every name the spec teaches."""
    verdicts = ctx.shared("document name verdicts", dict)  # word -> bool, for this file
    if word not in verdicts:
        verdicts[word] = _used_as_name(ctx, word) or _defined_abbreviation(ctx.source.text, word)
    return verdicts[word]


def _used_as_name(ctx: RuleContext, word: str) -> bool:
    """Used capitalised, as ``word`` itself, twice or more, and never in lowercase."""
    lower = word.lower()
    # a spelling whose bare form is ``word`` in some case is ``word`` or its possessive, in some case (picked out in C)
    forms = {lower, lower + "'s", lower + "\u2019s"}
    texts = word_columns(ctx).texts
    uses = [bare(texts[index]) for index in compress(count(), map(forms.__contains__, lower_word_texts(ctx)))]
    if any(use.lower() == lower and not use[:1].isupper() for use in uses):
        return False
    return uses.count(word) >= 2


def _defined_abbreviation(text: str, word: str) -> bool:
    """Whether ``word`` is the abbreviation of one of _DEFINED_ABBREVIATION's matches in the text.

    A match holds no "(" before its last and ends at the ")" after it, so which "(" a match ends at and that match's
    abbreviation do not depend on the matches before it: the pattern is tried only between the "(" before each
    "(word)" and the ")" after it, not over the whole text (at each capital letter, through up to 12 words)."""
    parenthesised = f"({word})"
    at = text.find(parenthesised)
    while at >= 0:
        end = at + len(parenthesised)
        if _DEFINED_ABBREVIATION.search(text, text.rfind("(", 0, at) + 1, end):
            return True
        at = text.find(parenthesised, end)
    return False


def _unknown_words(ctx: RuleContext) -> list[tuple[Token, list[str]]]:
    """Every word the lexicon does not know, with its suggestions; shared by T401 and T402."""

    def compute():
        lexicon = lexicon_for(ctx)
        text = ctx.source.text
        words = _prose_words(ctx)
        found = []
        suggestions = lexicon.memo("T401 suggestions")  # each distinct word's, worked out once per run
        def fine(spelling: str) -> bool:
            """A word, a compound of two ("workpapers"), or nothing a dictionary can judge."""
            word = bare(spelling)
            if len(word) <= 2 or len(word) > _LONGEST_WORD:
                return True  # too long for a word (pasted data): a dictionary cannot judge it, and its suggestions cost its length squared
            return lexicon.known(word) or lexicon.split(word.lower(), shortest=4) is not None

        # Each distinct spelling is judged once per run (spellings repeat from file to file); only the tokens
        # of the unknown ones are looked at one by one, found in C.
        # (All the file's words, not only the prose ones: the set is shared, and only prose tokens are looked up in the result.)
        unknown = lexicon.sift("T401 spelling fine", distinct_word_texts(ctx), fine)
        if not unknown:
            return found
        total = len(words.texts)
        for index in compress(range(total), map(unknown.__contains__, words.texts)):
            token = words.token(index)
            word = token.bare
            if _is_mixed_case(word) or token.glued_to_digit_or_underscore(text):
                continue
            if word.isupper() and len(word) <= _ACRONYM_LENGTH:
                continue
            if _EING.search(word) and lexicon.known(word[:-3]):
                continue  # "Useing": M606 reports it with its fix
            previous = words.token(index - 1) if index else None
            following = words.token(index + 1) if index + 1 < total else None
            if _neighbour_join_is_word(lexicon, text, previous, token, following):
                continue
            if text[token.end : token.end + 1] == "-" and word.lower() in PREFIXES:
                continue  # "pre-employment", "multi-year"
            close = suggestions.answer(word, lambda word: tuple(_suggestions(lexicon, word)))
            if not close and lexicon.split(word.lower(), shortest=3) is not None:
                continue  # a compound with a short part ("jobsite"), unless it is close to a word ("payrole")
            found.append((token, list(close)))
        return found

    return ctx.shared("unknown_words", compute)


def _suggestions(lexicon: Lexicon, word: str) -> list[str]:
    """Close common words. A capitalised word is most often a name ("Coleville"), so it is only
    called misspelled when it is close to a word common enough not to be a name's neighbour."""
    if word[:1].isupper() and not word.isupper():
        return [s for s in lexicon.suggest(word) if lexicon.common(s, _NAME_SUGGESTION_ZIPF)]
    return lexicon.suggest(word)


def _span(token: Token) -> tuple[int, int]:
    return token.start, token.start + len(token.bare)


@register
class Misspelling(PythonRule):
    code = "T401"
    name = "misspelling"
    category = "spelling"
    severity = "warning"
    message = 'Misspelled word "{word}". Did you mean "{suggestion}"?{others}'
    description = """
    Why: a misspelling in an adopted spec is printed in the board packet and
    in every job posting made from it. The word is not in speclint's
    dictionary (hunspell en_US, frequent English words, and public-agency
    and HR vocabulary) and is one or two letters away from a common word.
    Capitalised and ALL-CAPS words are reported only when such a close word
    exists, so names and acronyms are left alone. Fix: correct the word; if
    it is right (a local name or term), add it to `vocabulary:` in the
    speclint configuration.
    """
    fire = (
        "SUPERVISION RECEIVED AND EXCERCISED\nReceives general direction from the Finance Manager.",
        "Knowledge of the principles of preventive maintainance and recordkeeping.",
        "Responds to customer inquiries and complaints in a courteous manner; maintains seperate files.",
    )
    passing = (
        "SUPERVISION RECEIVED AND EXERCISED\nReceives general direction from the Finance Manager.",
        "Maintains recordkeeping and timekeeping files in Laserfiche for the CVWD designee.",
        "Operates the SCADA system; reviews NPDES permits with the AWWA grade T2 operator at www.cvwd.org.",
    )

    def check(self, ctx: RuleContext):
        for token, suggestions in _unknown_words(ctx):
            if not suggestions:
                continue
            if token.bare[:1].isupper() and _is_document_name(ctx, token.bare):
                continue  # a name the spec uses consistently
            start, end = _span(token)
            others = f' Other possibilities: {", ".join(suggestions[1:])}.' if len(suggestions) > 1 else ""
            message = self.message.format(word=token.bare, suggestion=suggestions[0], others=others)
            yield ctx.span_violation(self, start, end, message, suggestions[0])


@register
class UnknownWord(PythonRule):
    code = "T402"
    name = "unknown-word"
    category = "spelling"
    severity = "info"
    message = (
        'Unknown word "{word}": it is not in the dictionary and nothing close to it is. Check the spelling; '
        "if it is right, add it to `vocabulary:` in the speclint configuration."
    )
    description = """
    Why: a lowercase word that no dictionary knows and that is not close to
    any common word is either a bad misspelling or a term of art the reader
    may not know. Reported as information only. Capitalised words with no
    close match are taken as names and not reported. Fix: correct it, or
    add the term to `vocabulary:`.
    """
    fire = ("Performs duties such as qxzvbrt of incoming correspondence.",)
    passing = ("Performs duties such as sorting of incoming correspondence for the Castroville office.",)

    def check(self, ctx: RuleContext):
        for token, suggestions in _unknown_words(ctx):
            word = token.bare
            if suggestions or not word.islower():
                continue
            start, end = _span(token)
            yield ctx.span_violation(self, start, end, self.message.format(word=word))


@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str
    after: re.Pattern | None  # matches the end of the text before the word
    before: re.Pattern | None  # matches the start of the text after it
    anywhere: bool
    # The lower case last characters of ``after``'s phrases (None if one is not ASCII): the character before the
    # spaces before the word must be one of them. A cheap test first: the search over the text before the word is
    # most of this rule's time ("familiar of" makes every "of" a candidate).
    after_ends: frozenset[str] | None = None

    def applies(self, text: str, start: int, end: int) -> str | None:
        """The context that shows the word is wrong here ("customer inquires"), or None."""
        if self.after is not None and self._may_follow(text, start):
            match = self.after.search(text, max(0, start - _CONTEXT_REACH), start)
            if match:
                return text[match.start() : end]
        if self.before is not None:
            match = self.before.match(text, end, min(len(text), end + _CONTEXT_REACH))
            if match:
                return text[start : match.end()]
        return text[start:end] if self.anywhere else None

    def _may_follow(self, text: str, start: int) -> bool:
        """False only where ``after`` cannot match: it ends in spaces (``\\s+\\Z``) right after a phrase."""
        if self.after_ends is None:
            return True
        at = start
        while at and text[at - 1].isspace():  # str.isspace is the \s of a str pattern
            at -= 1
        if at == start or at <= start - _CONTEXT_REACH or at == 0:
            return False  # no space before the word, or no room for a phrase before the spaces in the searched text
        last = text[at - 1]
        return not last.isascii() or last.lower() in self.after_ends


@cache
def _confusions() -> tuple[re.Pattern, dict[str, list[Confusion]]]:
    """A finder for every wrong word in rules/confusions.yaml, and each word's confusions.

    The finder looks only for the words themselves; their contexts are checked where a word is
    found, which keeps this rule as fast as one simple search."""
    data = load_yaml(rules_dir() / "confusions.yaml")
    classes = {name: list(words) for name, words in (data.get("word-classes") or {}).items()}

    def alternatives(items: list[str]) -> str:
        expanded: list[str] = []
        for item in items:
            expanded.extend(classes[item[1:]] if item.startswith("@") else [item])
        return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(expanded, key=len, reverse=True))

    def last_characters(items: list[str]) -> frozenset[str] | None:
        expanded: list[str] = []
        for item in items:
            expanded.extend(classes[item[1:]] if item.startswith("@") else [item])
        ends = {phrase.split()[-1][-1].lower() if phrase.split() else "" for phrase in expanded}
        return frozenset(ends) if all(end.isascii() and end for end in ends) else None

    by_word: dict[str, list[Confusion]] = {}
    for entry in data["confusions"]:
        after = entry.get("after")
        before = entry.get("before")
        confusion = Confusion(
            wrong=entry["wrong"],
            right=entry["right"],
            after=re.compile(rf"\b(?:{alternatives(after)})\s+\Z", re.IGNORECASE) if after else None,
            before=re.compile(rf"\s+(?:{alternatives(before)})\b", re.IGNORECASE) if before else None,
            anywhere=bool(entry.get("anywhere")),
            after_ends=last_characters(after) if after else None,
        )
        by_word.setdefault(entry["wrong"].lower(), []).append(confusion)
    words = sorted(by_word, key=len, reverse=True)
    finder = fast_form(re.compile(r"(?<![\w'’])(?:" + "|".join(map(re.escape, words)) + r")(?![\w'’])", re.IGNORECASE))
    return finder, by_word


def _confusion_matches(ctx: RuleContext, finder: re.Pattern, by_word: dict[str, list[Confusion]]):
    """``finder.finditer(text)``, found faster. A match is a wrong word set apart from letters, digits and
    apostrophes, so where every wrong word is one word token it is a token whose lower case is a wrong word:
    the finder is tried at those tokens only, picked out in C."""
    text = ctx.source.text
    if not _single_tokens(tuple(by_word)) or (not text.isascii() and any(ch in text for ch in ASCII_FOLDS)):
        return finder.finditer(text)
    lower, starts = lower_word_texts(ctx), word_columns(ctx).starts
    hits = compress(starts, map(by_word.__contains__, lower))
    return filter(None, (finder.match(text, start) for start in hits))


@cache
def _single_tokens(words: tuple[str, ...]) -> bool:
    """Whether each of the (lowercase) words is exactly one word token."""
    return all(map(is_one_token, words))


@register
class ConfusedWord(PythonRule):
    code = "T403"
    name = "confused-word"
    category = "spelling"
    severity = "warning"
    message = '"{found}" is a real word but the wrong one here: write "{right}".{why}'
    description = """
    Why: no dictionary catches a real word in the wrong place ("respond to
    customer inquires", "principals of accounting", "complex date and
    information", "familiar of"). These are found by the words around them,
    listed in `rules/confusions.yaml`: each entry names the wrong word, the
    right one, and the neighbouring words that show which is meant. Fix:
    write the suggested word.
    """
    fire = (
        "Responds to customer inquires regarding billing and service.",
        "Knowledge of principals and practices of governmental accounting.",
        "Ability to analyze complex date and information.",
        "Must be familiar of District policies and procedures.",
        "Occasionally lift more then 50 pounds.",
    )
    passing = (
        "Responds to customer inquiries; inquires about the status of pending orders.",
        "Knowledge of principles and practices of governmental accounting; works with school principals.",
        "Ability to analyze complex data and information; records the date and time of each call.",
        "Must be familiar with District policies and procedures.",
        "Occasionally lift more than 50 pounds; then reports to the supervisor.",
    )

    def check(self, ctx: RuleContext):
        text = ctx.source.text
        finder, by_word = _confusions()
        for match in _confusion_matches(ctx, finder, by_word):
            start, end = match.span()
            found = match.group(0)
            for confusion in by_word[fold(found).decode()]:  # folded: the finder ignores case, so "principalſ" is found
                context = confusion.applies(text, start, end)
                if context is None:
                    continue
                suggestion = match_case(found, confusion.right)
                context = " ".join(context.split())
                why = f' (from "{context}")' if context.lower() != found.lower() else ""
                yield ctx.span_violation(self, start, end, self.message.format(found=found, right=suggestion, why=why), suggestion)
                break
