"""``--format text``: ``path:line:col: CODE [severity] message``, then a summary."""

from __future__ import annotations

import os

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


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
            line = f"{v.path}:{v.line}:{v.column}: {code} [{severity}] {v.message}"
            if v.suggestion and f'"{v.suggestion}"' not in v.message:  # most messages already name the fix
                line += f' Suggested: "{v.suggestion}".'
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
