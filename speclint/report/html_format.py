"""``--format html``: one self-contained page that HR staff can read, print or attach to an e-mail.

A summary by spec and by category, then each spec's own text with line numbers, every problem
highlighted where it is and explained beside it. Everything is inline (styles and a few lines of
script), so the page opens offline, anywhere, and loads nothing from a network.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from html import escape

from speclint import __version__
from speclint.violation import SEVERITIES, Violation

# The categories in the order a reviewer works through a spec, in plain words.
CATEGORY_NAMES = {
    "structure": ("Sections and title", "A required part of the spec is missing, empty or repeated."),
    "flsa": ("FLSA (overtime) status", "Whether the class is exempt from overtime is missing or doubtful."),
    "physical": ("Physical demands", "Lifting, standing and other demands that are vague, inconsistent or screen people out."),
    "inclusive": ("Inclusive wording", "Words that exclude by sex, age or disability."),
    "dates": ("Dates", "Adoption and revision dates that are missing, impossible or old."),
    "markup": ("Editing leftovers", "Reviewer comment markers, HTML code and tracked-change residue."),
    "spelling": ("Spelling", "Misspelled or misused words."),
    "grammar": ("Grammar", "Repeated words, a/an, agreement."),
    "format": ("Formatting debris", "Page headers, odd symbols and split words left by Word or PDF exports."),
}
SEVERITY_WORDS = {"error": "Must fix", "warning": "Should fix", "info": "Worth a look"}
_WHY = re.compile(r"Why:\s*(.*?)(?:\s+Fix:|$)", re.S)


def write_html(results, stream, options=None) -> None:
    """``options``: "rules" (code -> Rule, for each rule's "why"; looked up here when absent) and
    "errors" (one-line errors for paths that could not be used, listed with the unreadable files)."""
    options = options or {}
    rules = options.get("rules")
    why = _why_by_code(rules.values()) if rules else _why_by_code(_rules_for(results))
    specs = [_Spec(number, result) for number, result in enumerate(results, 1)]
    all_violations = [v for result in results for v in result.violations]
    errors = list(dict.fromkeys([*options.get("errors", []), *(r.error for r in results if r.error is not None)]))
    parts = [_HEAD, _header(specs, all_violations), _read_errors(errors)]
    parts += ['<div class="summaries">', _by_spec(specs), _by_category(all_violations), "</div>"]
    parts += [spec.render(why) for spec in specs if spec.result.error is None]
    parts.append(_FOOT)
    stream.write("".join(parts))


# -- the parts of the page --------------------------------------------------
def _counts(violations) -> Counter:
    return Counter(v.severity for v in violations)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def _header(specs, violations) -> str:
    counts = _counts(violations)
    read = sum(1 for spec in specs if spec.result.error is None)
    if violations:
        parts = ", ".join(_plural(counts[name], name) for name in reversed(SEVERITIES) if counts[name])
        with_problems = sum(1 for spec in specs if spec.result.violations)
        found = f"{_plural(len(violations), 'problem')} ({parts}) in {with_problems} of {_plural(read, 'spec')}."
    else:
        found = f"No problems found in {_plural(read, 'spec')}."
    legend = "".join(f'<span class="badge sev-{name}">{name}</span> {escape(SEVERITY_WORDS[name])} ' for name in reversed(SEVERITIES))
    return (
        "<header><h1>Class specification review</h1>"
        f'<p class="found">{escape(found)}</p>'
        f'<p class="legend">{legend}</p>'
        '<p class="how">Each spec\'s text follows the summaries. Problems are highlighted in the text; '
        "the note beside each line says what is wrong and how to fix it.</p></header>"
    )


def _read_errors(errors: list[str]) -> str:
    if not errors:
        return ""
    items = "".join(f"<li>{escape(error)}</li>" for error in errors)
    return (
        '<section class="read-errors"><h2>Files that could not be checked</h2>'
        f"<p>Fix the reason given for each, then run speclint again.</p><ul>{items}</ul></section>"
    )


def _by_spec(specs) -> str:
    rows = []
    for spec in specs:
        if spec.result.error is not None:
            continue
        counts = _counts(spec.result.violations)
        cells = "".join(f'<td class="num">{counts[name] or ""}</td>' for name in reversed(SEVERITIES))
        rows.append(
            f'<tr><td><a href="#{spec.anchor}">{escape(spec.title)}</a><div class="path">{escape(spec.result.path)}</div></td>'
            f'{cells}<td class="num total">{len(spec.result.violations) or "none"}</td></tr>'
        )
    if not rows:
        return ""
    return (
        '<section class="summary"><h2>Summary by spec</h2><table class="counts"><thead><tr><th>Spec</th>'
        '<th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th class="num">Total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _by_category(violations) -> str:
    by_category: dict[str, Counter] = {}
    for v in violations:
        by_category.setdefault(v.category, Counter())[v.severity] += 1
    if not by_category:
        return ""
    order = list(CATEGORY_NAMES) + sorted(set(by_category) - set(CATEGORY_NAMES))
    rows = []
    for category in order:
        if category not in by_category:
            continue
        counts = by_category[category]
        name, about = CATEGORY_NAMES.get(category, (category, ""))
        cells = "".join(f'<td class="num">{counts[level] or ""}</td>' for level in reversed(SEVERITIES))
        rows.append(
            f'<tr><td><strong>{escape(name)}</strong> <span class="code">{escape(category)}</span>'
            f'<div class="about">{escape(about)}</div></td>{cells}<td class="num total">{sum(counts.values())}</td></tr>'
        )
    return (
        '<section class="summary"><h2>Summary by category</h2><table class="counts"><thead><tr><th>Category</th>'
        '<th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th class="num">Total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


class _Spec:
    """One linted file: its text (read again, as the linter read it) and its problems by line."""

    def __init__(self, number: int, result):
        self.result = result
        self.anchor = f"spec-{number}"
        self.lines, self.title, self.unreadable = _source_of(result)
        ordered = sorted(result.violations, key=Violation.sort_key)
        self.notes = {id(v): n for n, v in enumerate(ordered, 1)}  # the number linking a mark to its note
        self.whole_file = [v for v in ordered if _is_whole_file(v, self.lines)]
        self.by_line: dict[int, list[Violation]] = {}
        for v in ordered:
            if not _is_whole_file(v, self.lines):
                self.by_line.setdefault(v.line, []).append(v)

    def render(self, why) -> str:
        counts = _counts(self.result.violations)
        summary = ", ".join(_plural(counts[name], name) for name in reversed(SEVERITIES) if counts[name]) or "no problems"
        out = [
            f'<section class="spec" id="{self.anchor}"><h2>{escape(self.title)}</h2>',
            f'<p class="path">{escape(self.result.path)} &middot; {escape(summary)}</p>',
        ]
        if self.unreadable:
            out.append(f'<p class="warning-box">The text could not be shown: {escape(self.unreadable)}</p>')
        if self.whole_file:
            notes = "".join(self._note(v, why) for v in self.whole_file)
            out.append(f'<div class="whole-file"><h3>About the whole spec</h3>{notes}</div>')
        if self.result.violations and self.lines:
            out.append(
                f'<p class="only-problems"><label><input type="checkbox" data-spec="{self.anchor}"> '
                "Show only the lines with problems</label></p>"
            )
        if self.lines:
            out.append('<table class="text"><colgroup><col class="ln"><col class="line"><col class="notes"></colgroup><tbody>')
            for number, text in enumerate(self.lines, 1):
                out.append(self._row(number, text, why))
            out.append("</tbody></table>")
        out.append("</section>")
        return "".join(out)

    def _row(self, number: int, text: str, why) -> str:
        found = self.by_line.get(number, [])
        row_id = f"{self.anchor}-L{number}"
        if not found:
            return f'<tr id="{row_id}"><td class="ln">{number}</td><td class="line">{escape(text)}</td><td></td></tr>'
        worst = max(found, key=lambda v: SEVERITIES.index(v.severity)).severity
        notes = "".join(self._note(v, why) for v in found)
        return (
            f'<tr id="{row_id}" class="has-problem sev-{worst}"><td class="ln">{number}</td>'
            f'<td class="line">{self._highlight(text, found)}</td><td class="notes">{notes}</td></tr>'
        )

    def _highlight(self, text: str, found: list[Violation]) -> str:
        """The line with a <mark> over each problem's columns; overlapping problems share a mark."""
        spans = []  # (start, end, violation), 0-based, end exclusive
        for v in found:
            start = min(max(v.column - 1, 0), len(text)) if v.column else 0
            end = len(text) if v.column == 0 or v.end_line > v.line else min(max(v.end_column - 1, start), len(text))
            spans.append((start, end, v))
        cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
        out = []
        for left, right in zip(cuts, cuts[1:] + [None], strict=True):
            # problems with no width (a missing space) get their reference number at their place
            out.extend(self._ref(v) for s, e, v in spans if s == e == left)
            if right is None:
                break
            covering = [v for s, e, v in spans if s <= left and right <= e and s < e]
            piece = escape(text[left:right])
            if covering:
                worst = max(covering, key=lambda v: SEVERITIES.index(v.severity)).severity
                title = escape("; ".join(f"{v.code}: {v.message}" for v in covering))
                refs = " ".join(f"{self.anchor}-n{self.notes[id(v)]}" for v in covering)
                out.append(f'<mark class="sev-{worst}" title="{title}" data-notes="{refs}">{piece}</mark>')
            else:
                out.append(piece)
            out.extend(self._ref(v) for s, e, v in spans if e == right and s < e)
        return "".join(out)

    def _ref(self, v: Violation) -> str:
        n = self.notes[id(v)]
        return f'<a class="ref sev-{v.severity}" href="#{self.anchor}-n{n}">{n}</a>'

    def _note(self, v: Violation, why_by_code) -> str:
        n = self.notes[id(v)]
        where = "whole spec" if _is_whole_file(v, self.lines) else f"line {v.line}" + (f", column {v.column}" if v.column else "")
        parts = [
            f'<div class="note sev-{v.severity}" id="{self.anchor}-n{n}">',
            f'<div class="note-head"><span class="ref sev-{v.severity}">{n}</span> '
            f'<span class="badge sev-{v.severity}">{escape(v.severity)}</span> '
            f'<span class="code">{escape(v.code)}</span> <span class="rule">{escape(v.rule)}</span> '
            f'<span class="where">{escape(where)}</span></div>',
            f'<p class="message">{escape(v.message)}</p>',
        ]
        if v.suggestion is not None:
            replacement = f"&ldquo;{escape(v.suggestion)}&rdquo;" if v.suggestion else "delete it"
            parts.append(f'<p class="suggestion">Suggested change: {replacement}</p>')
        why = why_by_code.get(v.code)
        if why:
            parts.append(f"<details><summary>Why it matters</summary><p>{escape(why)}</p></details>")
        parts.append("</div>")
        return "".join(parts)


def _is_whole_file(v: Violation, lines) -> bool:
    """Findings about the whole file sit at line 1, column 0 (or past the end of the text)."""
    return (v.column == 0 and v.line <= 1) or v.line < 1 or v.line > len(lines)


def _source_of(result) -> tuple[list[str], str, str | None]:
    """The file's lines as the linter numbered them, its class title, and why the text is missing if it is."""
    from speclint.parse import parse_spec
    from speclint.read import ReadError, read_bytes, read_path

    if result.error is not None:
        return [], result.path, None
    lines = getattr(result, "lines", None)  # kept by the lint run; text read from stdin has no file to read again
    try:
        source = read_bytes("\n".join(lines).encode("utf-8"), result.path) if lines else read_path(result.path)
    except ReadError as error:
        return list(lines or []), result.path, None if lines else error.reason
    try:
        title = parse_spec(source).title or result.path
    except Exception:  # the title is a nicety; a parser surprise must not cost the report
        title = result.path
    return source.lines, title, None


def _rules_for(results) -> list:
    """The rules the files were linted with, from the configuration nearest each (user packs included)."""
    from speclint.config import ConfigError, resolve

    found = []
    for folder in dict.fromkeys(os.path.dirname(str(result.path)) or "." for result in results if result.violations):
        try:
            found.extend(resolve(folder).rules)
        except ConfigError:
            continue
    return found


def _why_by_code(rules) -> dict[str, str]:
    """Rule code -> the "why" of its description, in one paragraph."""
    why: dict[str, str] = {}
    for rule in rules:
        match = _WHY.search(rule.description)
        why.setdefault(rule.code, " ".join((match.group(1) if match else rule.description).split()))
    return why


_STYLE = """
:root { --error: #b3261e; --error-bg: #fde7e4; --warning: #8a5a00; --warning-bg: #fff1c2; --info: #1f5f8b; --info-bg: #e1f0fa;
  --line: #d9d9d9; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f1f1f; margin: 0 auto;
  max-width: 1400px; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
.found { font-size: 1.1rem; margin: .2rem 0; }
.legend, .how, .path, .about, .where { color: var(--muted); }
.path { font-size: .85rem; word-break: break-all; }
table { border-collapse: collapse; }
.summaries { display: flex; flex-wrap: wrap; gap: 0 2.5rem; align-items: flex-start; }
.summaries > section { flex: 1 1 26rem; }
table.counts { width: 100%; }
table.counts th, table.counts td { border-bottom: 1px solid var(--line); padding: .35rem .7rem; text-align: left; vertical-align: top; }
table.counts th { background: #f3f3f3; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.total { font-weight: 600; }
.code { font-family: ui-monospace, Consolas, monospace; font-size: .85em; background: #f1f1f1; padding: 0 .3em; border-radius: 3px; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45em; border-radius: 3px; text-transform: uppercase;
  letter-spacing: .02em; }
.badge.sev-error { background: var(--error); color: #fff; }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); border: 1px solid #e0c060; }
.badge.sev-info { background: var(--info-bg); color: var(--info); border: 1px solid #9cc6e4; }
.read-errors { border-left: 4px solid var(--error); background: var(--error-bg); padding: .5rem 1rem; margin-top: 1rem; }
.read-errors h2 { margin-top: .3rem; }
.spec { border-top: 3px solid #333; margin-top: 2.5rem; }
.whole-file { background: #fafafa; border: 1px solid var(--line); padding: .7rem 1rem; margin: .7rem 0; }
table.text { width: 100%; table-layout: fixed; border-top: 1px solid var(--line); }
col.ln { width: 3.5rem; } col.notes { width: 38%; }
table.text td { padding: .1rem .5rem; vertical-align: top; border-bottom: 1px solid #f0f0f0; }
td.ln { color: var(--muted); text-align: right; font: .8rem/1.9 ui-monospace, Consolas, monospace; user-select: none; }
td.line { font: .9rem/1.6 ui-monospace, Consolas, "Courier New", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
tr.has-problem td.ln { font-weight: 700; }
tr.has-problem.sev-error td.ln { color: var(--error); box-shadow: inset 3px 0 var(--error); }
tr.has-problem.sev-warning td.ln { color: var(--warning); box-shadow: inset 3px 0 #e0a800; }
tr.has-problem.sev-info td.ln { color: var(--info); box-shadow: inset 3px 0 var(--info); }
mark { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px solid #e0a800; }
mark.sev-info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
.ref { display: inline-block; min-width: 1.3em; font: 600 .7rem/1.3 system-ui, sans-serif; text-align: center; border-radius: 1em;
  padding: 0 .3em; vertical-align: super; text-decoration: none; color: #fff; }
.ref.sev-error { background: var(--error); } .ref.sev-warning { background: #a86d00; } .ref.sev-info { background: var(--info); }
.note-head .ref { vertical-align: baseline; }
.note { border-left: 3px solid var(--line); padding: .2rem .6rem; margin: .25rem 0 .5rem; font-size: .88rem; }
.note.sev-error { border-color: var(--error); } .note.sev-warning { border-color: #e0a800; } .note.sev-info { border-color: var(--info); }
.note p { margin: .2rem 0; }
.rule, .where { font-size: .8rem; }
.suggestion { font-weight: 600; }
details summary { cursor: pointer; color: var(--muted); font-size: .8rem; }
.only-problems { display: none; font-size: .9rem; }
.js .only-problems { display: block; }
table.text.only tr:not(.has-problem) { display: none; }
:target { outline: 2px solid #4a90d9; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .only-problems, .how { display: none !important; }
  .spec { break-before: page; border-top: none; }
  tr, .note, .whole-file { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  col.notes { width: 42%; }
}
"""

# Only a convenience: with scripts off the page shows every line.
_SCRIPT = """
document.documentElement.classList.add("js");
document.querySelectorAll(".only-problems input").forEach(function (box) {
  box.addEventListener("change", function () {
    document.querySelector("#" + box.dataset.spec + " table.text").classList.toggle("only", box.checked);
  });
});
"""

_HEAD = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    f'<meta name="generator" content="speclint {__version__}"><title>Class specification review</title>'
    f"<style>{_STYLE}</style></head><body>\n"
)
_FOOT = (
    f"<footer>Made by speclint {__version__}. Line numbers are the spec file's own; "
    "<code>speclint explain CODE</code> describes any rule in full.</footer>"
    f"<script>{_SCRIPT}</script></body></html>\n"
)
