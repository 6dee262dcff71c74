"""Format rules that need the file's own characters (the view hides them)."""

from __future__ import annotations

import re

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@register
class PrivateUseGlyphs(PythonRule):
    code = "X902"
    name = "private-use-glyphs"
    category = "format"
    severity = "warning"
    suggests_fix = True
    message = (
        "Symbol-font bullet (U+{codepoint:04X}) from Word: it shows as a box or a stray letter outside Word{more}. "
        "Replace these glyphs with a plain bullet or a hyphen, or use Word's own list numbering."
    )
    description = """
    Why: Word's Symbol and Wingdings bullets are stored as private-use
    characters (U+F0B7, U+F0FC, ...). In text, PDF-to-text output, web pages
    and screen readers they come out as boxes, question marks or "". Fix:
    replace them with "-" or a real bullet (U+2022), or re-apply list
    formatting in Word before exporting. Reported once per file, at the first
    glyph.
    """
    fire = ("Essential duties\n\uf0a7 Conduct daily opening and closing office procedures.\n",)
    passing = ("Essential duties\n- Conduct daily opening and closing office procedures.\n\u2022 Sort mail.\n",)

    def check(self, ctx: RuleContext):
        hits = [(number, match) for number, line in enumerate(ctx.source.lines, 1) for match in [_PRIVATE_USE.search(line)] if match]
        if not hits:
            return
        number, match = hits[0]
        more = f"; {len(hits)} lines have one" if len(hits) > 1 else ""
        message = self.message.format(codepoint=ord(match.group(0)), more=more)
        violation = ctx.violation(self, number, match.start() + 1, number, match.end() + 1, message, "-")
        # One finding, one fix for every glyph: --fix replaces them all in a single pass.
        violation.more_edits = tuple(
            (line_number, glyph.start() + 1, line_number, glyph.end() + 1, "-")
            for line_number, line in enumerate(ctx.source.lines, 1)
            for glyph in _PRIVATE_USE.finditer(line)
            if (line_number, glyph.start()) != (number, match.start())
        )
        yield violation
