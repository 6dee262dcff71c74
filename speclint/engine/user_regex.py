"""User rule packs' regular expressions, run with a time limit.

Python's ``re`` cannot stop a match, and a pattern such as ``(a|aa)+$`` can backtrack on one line for longer
than anyone would wait. A user pack's patterns therefore run with the `regex` module, whose searches take a
timeout: each rule gets ``USER_REGEX_SECONDS`` per file for all its searches together, and a rule that runs out
is stopped and reported (speclint.lint) while every other rule and file is still linted. The shipped packs stay
on ``re``: their patterns are tested, and this module (and `regex`) is imported only when a user pack is loaded.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator

import regex

from speclint.engine.kinds import bad_regex
from speclint.engine.rule import RegexTimeout, Rule, RulePackError

try:
    from re._parser import parse as _parse  # Python 3.11 and later
except ImportError:  # pragma: no cover - Python 3.10
    from sre_parse import parse as _parse

# Seconds a user rule's patterns get, together, on one file. A sound pattern needs milliseconds on a class spec
# (and the reader refuses files over 20 MB), so only a pattern that backtracks without end reaches it.
USER_REGEX_SECONDS = 1.0


class Clock:
    """The time one user rule's patterns have left on the file being linted (started by the rule's check)."""

    __slots__ = ("deadline", "rule")

    def __init__(self) -> None:
        self.deadline = 0.0
        self.rule: Rule | None = None

    def start(self) -> None:
        self.deadline = time.monotonic() + USER_REGEX_SECONDS

    def left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.timeout()
        return left

    def timeout(self) -> RegexTimeout:
        rule = self.rule
        assert rule is not None, "build_rule gives every clock its rule"
        return RegexTimeout(rule.code, rule.name, rule.origin, USER_REGEX_SECONDS)


class UserPattern:
    """A user pack's regular expression: compiled by `regex`, each search stopped when its rule's time is up.

    It answers ``finditer``, ``search``, ``pattern`` and ``flags`` as an ``re.Pattern`` does, so the rule kinds
    (speclint.engine.kinds) use both alike; the shipped packs keep plain ``re`` patterns (no clock, no `regex` import)."""

    __slots__ = ("compiled", "clock", "pattern", "flags")

    def __init__(self, compiled, clock: Clock, pattern: str, flags: int) -> None:
        self.compiled, self.clock, self.pattern, self.flags = compiled, clock, pattern, flags  # flags as `re` has them

    def search(self, text: str):
        try:
            return self.compiled.search(text, timeout=self.clock.left())
        except TimeoutError:
            raise self.clock.timeout() from None

    def finditer(self, text: str) -> Iterator:
        matches = self.compiled.finditer(text, timeout=self.clock.left())  # one time limit for the whole walk
        while True:
            try:
                match = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                raise self.clock.timeout() from None
            yield match
            self.clock.left()  # the rule's own work between matches counts too


def compile_timed(pattern: str, flags: int, where: str, clock: Clock) -> UserPattern:
    """A user pack's pattern compiled by `regex` and timed by ``clock``; ``flags`` are ``re``'s (0 or IGNORECASE).

    ``re`` must accept it, because ``re`` syntax is what speclint documents and what a pack author tests with;
    `regex` must accept it, because `regex` runs it. Where the two disagree the pack is refused, in one line.
    A pattern ``re`` warns about ("possible nested set" in ``[[:alpha:]]``, "possible set difference" in ``[a--z]``)
    is refused too: that is where the two read a pattern differently (`regex` sees a POSIX class in ``[[:alpha:]]``,
    ``re`` the characters ``[:alph``), so the pack would not do what its author tested."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", FutureWarning)
        try:
            _parse(pattern, flags)  # not cached, unlike re.compile: its warnings come on every load
            re.compile(pattern, flags)
        except FutureWarning as warning:
            how = (
                "Python's re and the regex module that runs rule-pack patterns read it differently ("
                + str(warning).lower()
                + "); put a backslash before a [ or a doubled -, &, ~ or | that is meant as itself"
            )
            raise RulePackError(bad_regex(pattern, where, warning, how=how)) from None
        except (re.error, OverflowError, RecursionError) as error:
            raise RulePackError(bad_regex(pattern, where, error)) from None
    try:
        compiled = regex.compile(pattern, regex.VERSION0 | (regex.IGNORECASE if flags & re.IGNORECASE else 0))
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError) as error:
        how = (
            "Python's re accepts it, but the regex module that runs rule-pack patterns (so that one running too long "
            "can be stopped) does not ({reason}); write it another way"
        )
        raise RulePackError(bad_regex(pattern, where, error, how=how)) from None
    return UserPattern(compiled, clock, pattern, flags)
