"""Inline suppression comments, for plain text and Markdown alike.

    ...text... <!-- speclint-disable-line M604 -->     this line
    speclint-disable-next-line: M602, html-markup        the line below
    speclint-disable-file                                 the whole file
    speclint-disable S107 ... speclint-enable S107        a block

The HTML comment wrapper is optional, so the same words work in a .txt file.
Without codes a directive covers every rule. A directive that suppresses
nothing is itself reported (X990), so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from speclint.selection import matches
from speclint.violation import Violation

DIRECTIVE_RE = re.compile(
    r"(?:<!--[ \t]*)?speclint-(disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?:[ \t]*:?[ \t]*([A-Za-z][\w-]*(?:[ \t]*,[ \t]*[A-Za-z][\w-]*)*))?[ \t]*(?:-->)?"
)

UNUSED_CODE = "X990"
UNUSED_NAME = "unused-suppression"


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]
    line: int
    column: int
    end_column: int
    first_line: int = 0
    last_line: int = 0
    used: bool = field(default=False)

    def covers(self, violation: Violation) -> bool:
        if not self.first_line <= violation.line <= self.last_line:
            return False
        return not self.selectors or any(matches(s, violation.code, violation.rule) for s in self.selectors)


def find_directives(lines: list[str]) -> list[Directive]:
    directives: list[Directive] = []
    open_blocks: list[Directive] = []
    for number, line in enumerate(lines, start=1):
        if "speclint-" not in line:
            continue
        for match in DIRECTIVE_RE.finditer(line):
            kind = match.group(1)
            selectors = tuple(s.strip() for s in (match.group(2) or "").split(",") if s.strip())
            directive = Directive(kind, selectors, number, match.start() + 1, match.end() + 1)
            if kind == "enable":
                # Closes the most recent block with the same selectors (or any block).
                for block in reversed(open_blocks):
                    if not selectors or block.selectors == selectors:
                        block.last_line = number
                        open_blocks.remove(block)
                        break
                continue
            if kind == "disable-line":
                directive.first_line = directive.last_line = number
            elif kind == "disable-next-line":
                directive.first_line = directive.last_line = number + 1
            elif kind == "disable-file":
                directive.first_line, directive.last_line = 0, len(lines) + 1
            else:
                directive.first_line, directive.last_line = number, len(lines) + 1
                open_blocks.append(directive)
            directives.append(directive)
    return directives


def apply_suppressions(violations: list[Violation], lines: list[str], path: str) -> list[Violation]:
    """Drop suppressed violations; add one X990 for each directive that suppressed nothing."""
    directives = find_directives(lines)
    if not directives:
        return violations
    kept = []
    for violation in violations:
        covering = [d for d in directives if d.covers(violation)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(violation)
    for directive in directives:
        if directive.used:
            continue
        what = ", ".join(directive.selectors) if directive.selectors else "any rule"
        kept.append(
            Violation(
                path=path,
                line=directive.line,
                column=directive.column,
                end_line=directive.line,
                end_column=directive.end_column,
                code=UNUSED_CODE,
                rule=UNUSED_NAME,
                category="format",
                severity="warning",
                message=f"This speclint-{directive.kind} comment ({what}) suppresses nothing here. "
                "Remove it, or correct the rule code it names.",
            )
        )
    return kept
