"""Format rules that need the file's own characters (the view hides them)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _may_have_private_use(text: str) -> bool:
    """False when ``text`` has no private-use character, tested in C and faster than a search: in UTF-8 each of
    them (U+E000-U+F8FF) starts with the byte EE or EF. Most files are ASCII, and most others have neither byte."""
    if text.isascii():
        return False
    encoded = text.encode("utf-8", "surrogatepass")  # (a lone surrogate, if any, encodes as ED ..)
    return b"\xee" in encoded or b"\xef" in encoded


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
        lines = ctx.source.lines
        text = "\n".join(lines)  # searched as one text, in C, rather than line by line
        if not _may_have_private_use(text):
            return
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))  # where each line starts in ``text``
        glyphs = []  # (line number, column from 0) of each glyph; a glyph is one character
        for match in _PRIVATE_USE.finditer(text):
            number = bisect_right(starts, match.start())
            glyphs.append((number, match.start() - starts[number - 1]))
        if not glyphs:
            return
        number, column = glyphs[0]
        lines_with_one = len({line for line, _ in glyphs})
        more = f"; {lines_with_one} lines have one" if lines_with_one > 1 else ""
        message = self.message.format(codepoint=ord(lines[number - 1][column]), more=more)
        violation = ctx.violation(self, number, column + 1, number, column + 2, message, "-")
        # One finding, one fix for every glyph: --fix replaces them all in a single pass.
        violation.more_edits = tuple((line, column + 1, line, column + 2, "-") for line, column in glyphs[1:])
        yield violation
