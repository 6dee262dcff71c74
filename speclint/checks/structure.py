"""Structure rules that need the parsed model rather than a pattern."""

from __future__ import annotations

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
