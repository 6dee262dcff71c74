"""The rule kinds a YAML pack can declare.

pattern           a regular expression that must not appear (optionally only in some sections);
                  `suggestion` + `fix: safe` marks the replacement certain (--fix applies it)
substitution      words to replace, each with its suggested replacement
required-section  one of these sections must be present (optionally only when the title matches)
required-pattern  one of these phrases must appear somewhere (optionally within some sections)
profile           reported by schema validation (stage 3); declared here for docs and selection
engine            reported by speclint itself (unused suppressions)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from speclint.engine.context import RuleContext
from speclint.engine.rule import Rule, RulePackError, format_message
from speclint.search import find_all
from speclint.violation import Violation
from speclint.words.tokens import match_case


def _compile(pattern: str, case_sensitive: bool, where: str, clock=None):
    """``re.compile`` for the shipped packs; a user pack's pattern (``clock`` given) is checked by ``re`` and
    compiled by the `regex` module, which runs it under a time limit (speclint.engine.user_regex)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    if clock is None:
        try:
            return re.compile(pattern, flags)
        except (re.error, OverflowError, RecursionError) as error:
            raise RulePackError(bad_regex(pattern, where, error)) from None
    from speclint.engine.user_regex import compile_timed  # only with user packs: `regex` costs start-up time

    return compile_timed(pattern, flags, where, clock)


def bad_regex(pattern: str, where: str, error: BaseException, *, how: str = "{reason}") -> str:
    """The one-line message for a pattern that cannot be compiled ("a{99999999999}" overflows, "((((...))))" recurses);
    ``how`` words the reason."""
    reason = "it is nested too deeply" if isinstance(error, RecursionError) else str(error)
    shown = pattern if len(pattern) <= 80 else pattern[:77] + "..."
    return f"{where}: bad regular expression {shown!r}: " + how.format(reason=reason)


def _start(rule: Rule) -> None:
    """Give a user rule's patterns their time for this file (shipped rules have no clock).

    The clock is a plain attribute that build_rule sets on user rules, not a dataclass field: every field
    costs start-up time when the class is made, and every run makes these classes."""
    clock = getattr(rule, "clock", None)
    if clock is not None:
        clock.start()


def _scoped_lines(ctx: RuleContext, scope: list[str]) -> list[tuple[int, int]] | None:
    """Line ranges a scoped rule looks at; None means the whole file."""
    if not scope:
        return None
    ranges: list[tuple[int, int]] = []
    for item in scope:
        if item == "title":
            if ctx.spec.title_line:
                ranges.append((ctx.spec.title_line, ctx.spec.title_line))
        else:
            for section in ctx.spec.sections_for([item]):
                ranges.extend(section.ranges())
    return ranges


def _in_ranges(line: int, ranges: list[tuple[int, int]] | None) -> bool:
    return ranges is None or any(start <= line <= end for start, end in ranges)


@dataclass
class PatternRule(Rule):
    patterns: list[re.Pattern] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    unless: re.Pattern | None = None
    suggestion: str | None = None
    safe_fix: bool = False  # `fix: safe` in YAML: the suggestion is certain, so --fix may apply it

    @property
    def fixable(self) -> bool:
        return self.safe_fix and self.suggestion is not None

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        _start(self)
        ranges = _scoped_lines(ctx, self.scope)
        if ranges == []:
            return
        for pattern in self.patterns:
            for match in find_all(pattern, ctx):  # most phrases are in no spec: a substring test says so at once
                if match.end() == match.start():
                    continue
                line, _ = ctx.source.position(match.start())
                if not _in_ranges(line, ranges):
                    continue
                if self.unless is not None and self.unless.search(ctx.source.view[line - 1]):
                    continue
                found = match.group(0)
                yield ctx.span_violation(
                    self, match.start(), match.end(), format_message(self.message, match=found.strip()), self.suggestion
                )


@dataclass
class SubstitutionRule(Rule):
    swaps: list[tuple[re.Pattern, str]] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        _start(self)
        ranges = _scoped_lines(ctx, self.scope)
        if ranges == []:
            return
        taken: list[tuple[int, int]] = []  # earlier swaps win where two overlap ("he/she" before "he")
        for pattern, replacement in self.swaps:
            for match in find_all(pattern, ctx):
                line, _ = ctx.source.position(match.start())
                if match.end() == match.start() or not _in_ranges(line, ranges):
                    continue
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                found = match.group(0)
                suggestion = match_case(found, replacement)
                message = format_message(self.message, match=found, replacement=suggestion)
                yield ctx.span_violation(self, match.start(), match.end(), message, suggestion)


@dataclass
class RequiredSectionRule(Rule):
    sections: list[str] = field(default_factory=list)
    when_title: re.Pattern | None = None

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        _start(self)
        if self.when_title is not None:
            title = ctx.spec.title or ""
            if not self.when_title.search(title):
                return
        if not ctx.spec.sections_for(self.sections):
            yield ctx.file_violation(self, format_message(self.message, title=ctx.spec.title or "this class"))


@dataclass
class RequiredPatternRule(Rule):
    patterns: list[re.Pattern] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        _start(self)
        ranges = _scoped_lines(ctx, self.scope)
        for pattern in self.patterns:
            for match in find_all(pattern, ctx):
                if _in_ranges(ctx.source.position(match.start())[0], ranges or None):
                    return
        yield ctx.file_violation(self, format_message(self.message, title=ctx.spec.title or "this class"))


@dataclass
class ReportedElsewhereRule(Rule):
    """profile and engine rules: declared for docs, selection and examples; reported by another stage."""

    profile: str = "default"  # profile rules: the profile their examples run under


def build_rule(entry: dict, origin: str, *, user: bool = False) -> Rule:
    """A rule object from one validated YAML entry. A ``user`` pack's patterns run with a time limit."""
    where = f"{origin}: rule {entry['code']}"
    common = dict(
        code=entry["code"],
        name=entry["name"],
        category=entry["category"],
        severity=entry["severity"],
        message=entry["message"],
        description=entry["description"],
        examples=entry.get("examples", {}),
        kind=entry["kind"],
        origin=origin,
    )
    kind = entry["kind"]
    case = bool(entry.get("case-sensitive", False))
    scope = list(entry.get("scope", ()))
    clock = None
    if user:
        from speclint.engine.user_regex import Clock

        clock = Clock()

    def compiled(pattern: str):
        return _compile(pattern, case, where, clock)

    rule: Rule
    if kind == "pattern":
        sources = entry.get("patterns") or [entry["pattern"]] if "pattern" in entry or "patterns" in entry else []
        if not sources:
            raise RulePackError(f"{where}: a pattern rule needs 'pattern' or 'patterns'")
        if entry.get("fix") == "safe" and "suggestion" not in entry:
            raise RulePackError(f"{where}: 'fix: safe' needs the 'suggestion' it applies")
        unless = entry.get("unless")
        rule = PatternRule(
            **common,
            patterns=[compiled(p) for p in sources],
            scope=scope,
            unless=compiled(unless) if unless else None,
            suggestion=entry.get("suggestion"),
            safe_fix=entry.get("fix") == "safe",
        )
    elif kind == "required-pattern":
        sources = entry.get("patterns") or [entry["pattern"]]
        rule = RequiredPatternRule(**common, patterns=[compiled(p) for p in sources], scope=scope)
    elif kind == "substitution":
        swaps = [(compiled(bad), good) for bad, good in entry["swap"].items()]
        rule = SubstitutionRule(**common, swaps=swaps, scope=scope)
    elif kind == "required-section":
        when = entry.get("when", {}).get("title")
        rule = RequiredSectionRule(**common, sections=list(entry["sections"]), when_title=compiled(when) if when else None)
    else:
        return ReportedElsewhereRule(**common, profile=entry.get("profile", "default"))
    if clock is not None:
        rule.clock, clock.rule = clock, rule  # type: ignore[attr-defined]
    return rule
