"""``--format text``: ``path:line:col: CODE [severity] message``, then a summary."""

from __future__ import annotations

import os
import re

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"
# Text quoted from a spec may hold control characters (an escape sequence, a line break, a
# right-to-left override); written to a terminal they would act instead of show. Shown as \x1b etc.
_SHOWN = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}
_SHOWN.update({code: f"\\u{code:04x}" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
_NEEDS_SHOWING = re.compile("[" + "".join(map(chr, _SHOWN)) + "]").search  # rare: most lines are not translated at all


def _shown(text: str) -> str:
    return text.translate(_SHOWN) if _NEEDS_SHOWING(text) else text


def use_color(stream) -> bool:
    """Colour on a terminal only; NO_COLOR (any non-empty value) turns it off and wins, FORCE_COLOR turns it on anywhere."""
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR", "").lower()
    if force:
        return force not in ("0", "false")  # FORCE_COLOR=0 asks for none, as in Node tools
    if os.environ.get("TERM") == "dumb":  # a terminal that shows escape codes as text
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def write_text(results, stream, options=None) -> None:
    options = options or {}
    color = use_color(stream) and not options.get("to_file")  # a report file is read later, not on this terminal
    counts = {"error": 0, "warning": 0, "info": 0}
    fixable: dict[str | None, int] = {}  # violations per fix kind: "safe", "unsafe", None
    files_with = 0
    for result in results:
        if result.violations:
            files_with += 1
        for v in result.violations:
            counts[v.severity] += 1
            severity = f"{_COLORS[v.severity]}{v.severity}{_RESET}" if color else v.severity
            code = f"{_BOLD}{v.code}{_RESET}" if color else v.code
            shown = f"{v.message}"
            if v.suggestion and f'"{v.suggestion}"' not in v.message:  # most messages already name the fix
                shown += f' Suggested: "{v.suggestion}".'
            shown += _page_place(getattr(result, "pages", None), v) + _word_context(result, v)
            line = f"{_shown(v.path)}:{v.line}:{v.column}: {code} [{severity}] {_shown(shown)}"
            fixable[v.fix] = fixable.get(v.fix, 0) + 1
            stream.write(line + "\n")
    if options.get("quiet"):
        return
    total = sum(counts.values())
    linted = sum(1 for r in results if r.error is None)
    errors = sum(1 for r in results if r.error is not None)
    if total:
        parts = [f"{n} {name if n == 1 or name == 'info' else name + 's'}" for name, n in counts.items() if n]
        noun = "problem" if total == 1 else "problems"
        summary = f"Found {total} {noun} ({', '.join(parts)}) in {files_with} of {linted} file{'s' if linted != 1 else ''}."
    else:
        summary = f"No problems found in {linted} file{'s' if linted != 1 else ''}."
    if errors:
        summary += f" {errors} file{'s' if errors != 1 else ''} could not be read (see above)."
    stream.write(_fixable_note(fixable.get("safe", 0), fixable.get("unsafe", 0)))  # before the summary, which stays the last line
    stream.write(summary + "\n")


def _page_place(pages: list[int] | None, v) -> str:
    """ " (page 2, line 14)" for a PDF, whose line numbers count through every page; "" otherwise."""
    if not pages or v.column == 0 or not 1 <= v.line <= len(pages):
        return ""
    page = pages[v.line - 1]
    first = pages.index(page)  # pages are in order: the page's first line is its first mention
    return f" (page {page}, line {v.line - first})"


def _word_context(result, v, width: int = 40) -> str:
    """' Context: "…about 40 characters…"' for a Word document, so the place can be found with Word's Find; "" otherwise."""
    lines = getattr(result, "lines", None)
    if not lines or not v.path.lower().endswith(".docx") or v.column == 0 or not 1 <= v.line <= len(lines):
        return ""
    text = lines[v.line - 1].replace("\t", " ")
    start = max(0, min(v.column - 1 - width // 3, len(text) - width))
    quoted = text[start : start + width].strip()
    if not quoted:
        return ""
    return f' Context: "{"…" if start > 0 else ""}{quoted}{"…" if start + width < len(text) else ""}"'


def _fixable_note(safe: int, unsafe: int) -> str:
    """Say how many problems --fix can repair; likely fixes (spelling) only after a look at the diff."""
    likely = f"{unsafe} more with --unsafe-fixes (preview them with `speclint check --diff --unsafe-fixes`)"
    if safe and unsafe:
        return f"{safe} fixable with `speclint check --fix`; {likely}.\n"
    if safe:
        return f"{safe} fixable with `speclint check --fix`.\n"
    if unsafe:
        return f"{unsafe} likely fixable with --unsafe-fixes (preview them with `speclint check --diff --unsafe-fixes`).\n"
    return ""
