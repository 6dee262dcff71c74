"""Structure rules that need the parsed model rather than a pattern."""

from __future__ import annotations

import re

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register


@register
class MissingTitle(PythonRule):
    code = "S101"
    name = "missing-title"
    category = "structure"
    severity = "error"
    message = (
        "No class title found. Put the class title (for example \"ACCOUNTANT II\") alone on the first line, "
        "or add a \"Class Title:\" line."
    )
    description = """
    Why: the class title is how the spec is filed, cited in the salary
    resolution and matched to positions; a spec that opens with boilerplate or
    a heading has no title a reader or a system can find. Fix: make the first
    line the class title alone, or add "Class Title: <title>" near the top.
    """
    fire = (
        "Class specifications are intended to present a descriptive list of the range of duties.\n"
        "DEFINITION\nPerforms accounting work.\n",
        "DEFINITION\nPerforms accounting work.\n",
    )
    passing = (
        "ACCOUNTANT II\nDEFINITION\nPerforms accounting work.\n",
        "# Human Resources Analyst\n\n## Definition\nPerforms analytical work.\n",
        "Intro text that is a sentence.\nJob Classification: Customer Service Representative I / II\n",
    )

    def check(self, ctx: RuleContext):
        if not ctx.spec.title:
            yield ctx.file_violation(self)


_WORDS = re.compile(r"[A-Za-z]{2,}")


def _has_body(ctx: RuleContext, section) -> bool:
    """Whether a section holds any text besides its heading."""
    view = ctx.source.view
    heading_line = view[section.line - 1]
    after_heading = heading_line.replace(section.heading, " ", 1)
    if _WORDS.search(after_heading.replace("#", " ")):
        return True
    for start, end in section.ranges():
        for number in range(start, end + 1):
            if number != section.line and number != section.group_line and view[number - 1].strip():
                return True
    return False


@register
class EmptySection(PythonRule):
    code = "S108"
    name = "empty-section"
    category = "structure"
    severity = "warning"
    message = "The \"{heading}\" section is empty. Add its content, or delete the heading."
    description = """
    Why: a heading with nothing under it usually means text was cut during
    editing, or a template section was never filled in; readers cannot tell
    whether the requirement is "none" or missing. Fix: write the section, or
    write "None." under it if nothing applies, or remove the heading.
    """
    fire = ("ACCOUNTANT\nDEFINITION\n\nESSENTIAL FUNCTIONS\n1. Prepares journal entries.\n",)
    passing = (
        "ACCOUNTANT\nDEFINITION\nPerforms accounting work.\nESSENTIAL FUNCTIONS\n1. Prepares journal entries.\n",
        "ACCOUNTANT\nLicense: None.\n",
        "ACCOUNTANT\nKNOWLEDGE, SKILLS AND ABILITIES\nKnowledge of:\nAccounting principles.\n",
    )

    def check(self, ctx: RuleContext):
        seen: set[int] = set()
        for section in ctx.spec.sections:
            if section.line in seen:
                continue
            seen.add(section.line)
            if not _has_body(ctx, section):
                yield ctx.violation(
                    self, section.line, section.column, section.line, section.column + len(section.heading),
                    self.message.format(heading=section.heading),
                )


@register
class DuplicateSection(PythonRule):
    code = "S109"
    name = "duplicate-section"
    category = "structure"
    severity = "warning"
    message = (
        "A second \"{key}\" section (\"{heading}\") — the first is at line {first}. Merge the two, or rename one "
        "if they are about different things."
    )
    description = """
    Why: two sections for the same thing (two Definitions, a second Physical
    Demands at the end) usually come from pasting an old version under a new
    one; readers cannot tell which one is current. Fix: keep one.
    """
    fire = (
        "ACCOUNTANT\nDEFINITION\nPerforms accounting work.\nESSENTIAL FUNCTIONS\n1. Prepares entries.\n"
        "DEFINITION\nPerforms professional accounting work.\n",
    )
    passing = (
        "ACCOUNTANT\nEducation and Experience:\nA degree.\nEducation:\nA bachelor's degree.\nExperience:\nTwo years.\n",
        "ACCOUNTANT\nDEFINITION\nPerforms accounting work.\nESSENTIAL FUNCTIONS\n1. Prepares entries.\n",
    )

    def check(self, ctx: RuleContext):
        first: dict[str, object] = {}
        for section in ctx.spec.sections:
            earlier = first.get(section.key)
            if earlier is None:
                first[section.key] = section
                continue
            if section.line <= earlier.end_line:  # a sub-heading inside a combined heading
                continue
            key = section.key.replace("_", " ")
            yield ctx.violation(
                self, section.line, section.column, section.line, section.column + len(section.heading),
                self.message.format(key=key, heading=section.heading, first=earlier.line),
            )
