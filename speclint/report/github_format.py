"""``--format github``: GitHub Actions workflow commands, so findings show as annotations on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE rule-name::message``, one per finding
(``warning`` and ``notice`` for the other severities), inside a ``::group::`` per file so the log folds.
GitHub shows at most 10 annotations of each kind per step; the log keeps all of them, and
``--format sarif`` with code scanning has no such limit.
"""

from __future__ import annotations

from pathlib import Path

from speclint.report.fingerprint import repository_path, repository_root

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part, after ``::``; GitHub's toolkit escapes these three."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: also ``:`` and ``,``, which would end the property list."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, properties: dict, message: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {listed}::{escape_data(message)}" if listed else f"::{command}::{escape_data(message)}"


def write_github(results, stream, options=None) -> None:
    options = options or {}
    root = Path(options.get("root") or repository_root()).resolve()
    for result in results:
        if not result.violations and not result.error:
            continue
        shown = repository_path(result.path, root) or result.path  # GitHub places annotations by repository path
        stream.write(f"::group::{escape_data(shown)}\n")
        if result.error:
            stream.write(annotation("error", {"file": shown, "title": "speclint could not read this file"}, result.error) + "\n")
        for v in result.violations:
            properties: dict = {"file": shown, "line": max(v.line, 1)}
            if v.column >= 1:  # column 0: the whole file or line, which GitHub shows without columns
                properties.update(col=v.column, endLine=max(v.end_line, v.line), endColumn=max(v.end_column, v.column))
            properties["title"] = f"{v.code} {v.rule}"
            message = v.message
            if v.suggestion and f'"{v.suggestion}"' not in message:
                message += f' Suggested: "{v.suggestion}".'
            stream.write(annotation(COMMANDS[v.severity], properties, message) + "\n")
        stream.write("::endgroup::\n")
    for message in options.get("errors") or ():
        stream.write(annotation("error", {"title": "speclint could not use this path"}, message) + "\n")
    if not options.get("quiet"):
        stream.write(_summary(results) + "\n")


def _summary(results) -> str:
    problems = sum(len(r.violations) for r in results)
    linted = sum(1 for r in results if r.error is None)
    with_problems = sum(1 for r in results if r.violations)
    files = f"{linted} file{'s' if linted != 1 else ''}"
    if not problems:
        return f"speclint: no problems found in {files}."
    return f"speclint: {problems} problem{'s' if problems != 1 else ''} in {with_problems} of {files}."
