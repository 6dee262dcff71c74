"""``--format text``: ``path:line:col: CODE [severity] message``, then a summary."""

from __future__ import annotations

import os

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def write_text(results, stream, options=None) -> None:
    options = options or {}
    color = use_color(stream)
    counts = {"error": 0, "warning": 0, "info": 0}
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
    stream.write(summary + "\n")
