"""Recognise section headings from the synonyms in rules/headings.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from speclint.memo import Memo
from speclint.resources import load_yaml, rules_dir

# Where a heading stops and same-line text begins: a colon, a spaced dash, a
# dash at the end of the head ("GUIDELINES-  Any combination"), or a tab.
_SEPARATOR = re.compile(r"\s*(?::|\s[-\u2013\u2014]\s|[-\u2013\u2014](?=\s|$)|\t)\s*")
_SEPARATOR_CHARS = (":", "-", "\u2013", "\u2014", "\t")
_PARENTHETICAL = re.compile(r"\([^)]*\)|\*[^*]*\*")
_PART_SPLIT = re.compile(r"\s*(?:,|/|&|\+|\band/or\b|\band\b|\bor\b)\s*")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1(.*)$")
_WORD = re.compile(r"[a-z]+")
_TRACKED_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


@dataclass(frozen=True)
class HeadingMatch:
    keys: tuple[str, ...]  # sections this heading opens
    covers: tuple[str, ...]  # sections its sub-headings may open (umbrella headings)
    heading: str  # the heading text as written (without same-line text)
    column: int
    markdown_level: int = 0

    @property
    def is_container(self) -> bool:
        return len(self.covers) > 1


@dataclass(frozen=True)
class LineShape:
    """A line split into its possible heading and what follows it on the line."""

    head: str
    rest: str
    column: int
    has_separator: bool
    markdown_level: int
    capitalised: bool = False  # the head starts (after any "*" and "_") with a capital letter, as a heading must


def _line_shape(head: str, rest: str, column: int, has_separator: bool, markdown_level: int) -> LineShape:
    first = head.lstrip("*_ ")[:1]
    return LineShape(head, rest, column, has_separator, markdown_level, first.isalpha() and first.isupper())


class HeadingMatcher:
    def __init__(self, data: dict):
        self.qualifiers = tuple(data.get("qualifiers", ()))
        self.single: list[tuple[re.Pattern, str]] = []
        for key, patterns in data["sections"].items():
            for pattern in patterns:
                self.single.append((re.compile(pattern), key))
        self.combined = [(re.compile(item["pattern"]), tuple(item["keys"])) for item in data.get("combined", ())]
        self.umbrella = [
            (re.compile(item["pattern"]), tuple(item["keys"]), tuple(item["covers"])) for item in data.get("umbrella", ())
        ]
        words: set[str] = set()
        for source in list(data["sections"].values()) + [[i["pattern"]] for i in data.get("combined", ())]:
            for pattern in source:
                words.update(w for w in _WORD.findall(pattern) if len(w) >= 5)
        self.vocabulary = frozenset(words)
        self._vocabulary_by_length: dict[int, list[str]] = {}  # a word within one edit of another is as long, or one longer or shorter
        for word in sorted(self.vocabulary):
            self._vocabulary_by_length.setdefault(len(word), []).append(word)
        self._typo_memo: dict[str, str] = {}
        self._matches = Memo()  # (head, column, Markdown level) -> HeadingMatch or None

    # -- line shape ---------------------------------------------------------
    @staticmethod
    @lru_cache(maxsize=8192)  # the parser asks about each line two or three times (is it a heading? a label's value?)
    def shape(line: str) -> LineShape | None:
        markdown_level = 0
        match = _MARKDOWN_HEADING.match(line)
        if match:
            markdown_level = len(match.group(1))
            column = match.start(2) + 1
            text = match.group(2)
        else:
            stripped = line.lstrip()
            column = len(line) - len(stripped) + 1
            text = stripped.rstrip()
        emphasis = _EMPHASIS.match(text)
        if emphasis:
            text = emphasis.group(2) + emphasis.group(3)
            column += len(emphasis.group(1))
        if not text:
            return None
        # (a separator has a colon, a dash or a tab: the search, which tries every position, only if there is one)
        separator = _SEPARATOR.search(text) if any(char in text for char in _SEPARATOR_CHARS) else None
        if separator and separator.start() > 0:
            head, rest = text[: separator.start()], text[separator.end() :]
            return _line_shape(head.strip(" *_"), rest.strip(), column, True, markdown_level)
        return _line_shape(text.strip(" *_"), "", column, False, markdown_level)

    # -- matching -----------------------------------------------------------
    @staticmethod
    def normalize(head: str) -> str:
        text = _PARENTHETICAL.sub(" ", head.lower())
        text = text.replace("\u2019", "'")
        text = re.sub(r"[^a-z0-9'/&,+.#\- ]", " ", text)
        text = re.sub(r"\s+", " ", text).strip(" -.,")
        return text

    def match(self, head: str, column: int = 1, markdown_level: int = 0) -> HeadingMatch | None:
        # Headings repeat from spec to spec, and trying every synonym is the costly part of parsing.
        return self._matches.answer((head, column, markdown_level), self._match)

    def _match(self, key: tuple[str, int, int]) -> HeadingMatch | None:
        head, column, markdown_level = key
        text = self.normalize(head)
        if not text or len(text.split()) > 10:
            return None
        found = self._match_text(text)
        if found is None:
            corrected = self._correct_typos(text)
            if corrected != text:
                found = self._match_text(corrected)
        if found is None:
            # Word's tracked changes exported as plain text run the deleted words into
            # the inserted ones ("Skill inAbility to:"): the heading is what follows the join.
            joins = list(_TRACKED_JOIN.finditer(head))
            if joins:
                found = self._match_text(self.normalize(head[joins[-1].end() :]))
        if found is None:
            return None
        keys, covers = found
        return HeadingMatch(keys, covers, head.strip(), column, markdown_level)

    def _match_text(self, text: str):
        for pattern, keys, covers in self.umbrella:
            if pattern.fullmatch(text):
                return keys, covers
        for pattern, keys in self.combined:
            if pattern.fullmatch(text):
                return keys, keys
        single = self._match_single(text)
        if single:
            return (single,), (single,)
        parts = [part for part in _PART_SPLIT.split(text) if part]
        if len(parts) < 2:
            return None
        keys: list[str] = []
        for part in parts:
            key = self._match_single(part)
            if key is None:
                return None
            if key not in keys:
                keys.append(key)
        return tuple(keys), tuple(keys)

    def _match_single(self, text: str) -> str | None:
        for candidate in self._without_qualifier(text):
            for pattern, key in self.single:
                if pattern.fullmatch(candidate):
                    return key
        return None

    def _without_qualifier(self, text: str):
        yield text
        first, _, remainder = text.partition(" ")
        if remainder and first in self.qualifiers:
            yield remainder

    def _correct_typos(self, text: str) -> str:
        """Read a misspelt heading word ("EXCERCISED") as the word it is close to."""
        words = text.split(" ")
        for index, word in enumerate(words):
            if len(word) < 6 or word in self.vocabulary:
                continue
            if word not in self._typo_memo:  # the same words come back line after line
                near = (v for length in (len(word) - 1, len(word), len(word) + 1) for v in self._vocabulary_by_length.get(length, ()))
                close = [v for v in near if _within_one_edit(word, v)]
                self._typo_memo[word] = close[0] if len(close) == 1 else word
            words[index] = self._typo_memo[word]
        return " ".join(words)


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


@cache
def default_matcher() -> HeadingMatcher:
    return HeadingMatcher(load_yaml(rules_dir() / "headings.yaml"))
