"""Baselines: accept today's problems, fail only on new ones.

``speclint check --write-baseline FILE`` records every violation found now; ``--baseline FILE``
then hides the violations recorded there. This is how an agency adopts speclint on hundreds of
existing specs: the old problems are listed once, new ones fail the run.

A violation is known by its fingerprint: a hash of the rule code, the file's path relative to the
baseline file's folder, the section it is in and the flagged text (lowercased, whitespace
collapsed) — never the line number, so adding or editing an unrelated paragraph does not bring
old findings back. Two identical findings in one file get occurrence numbers ``:0`` and ``:1``, so
they are two entries, and fixing one of them leaves one entry in use and one stale.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import re
import sys

from speclint import __version__
from speclint.files import kept_mode, replace_atomically
from speclint.violation import Violation

FORMAT_VERSION = 1
_EXCERPT_LENGTH = 80
_SPACE_RE = re.compile(r"\s+")
# Whole-file messages may quote line numbers, counts and ages ("(line 12)", "7 years old") that
# drift when a paragraph is added or a year passes; they must not change the fingerprint.
_DIGITS_RE = re.compile(r"\d+")


class BaselineError(Exception):
    """A baseline file that cannot be read or written. ``str()`` is the one-line message."""


# -- fingerprints ------------------------------------------------------------
def flagged_text(violation: Violation, source_lines: list[str] | None) -> str:
    """The text of [column, end_column) on the file's lines (across lines for a multi-line range).

    Empty for whole-file findings (column 0) and when the lines are not known.
    """
    if violation.column == 0 or not source_lines or not 1 <= violation.line <= len(source_lines):
        return ""
    end_line = min(max(violation.end_line, violation.line), len(source_lines))
    if end_line == violation.line:
        return source_lines[violation.line - 1][violation.column - 1 : max(violation.end_column - 1, violation.column - 1)]
    parts = [source_lines[violation.line - 1][violation.column - 1 :]]
    parts.extend(source_lines[violation.line : end_line - 1])
    parts.append(source_lines[end_line - 1][: max(violation.end_column - 1, 0)])
    return "\n".join(parts)


def _normalise(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip().lower()


def _identity_text(violation: Violation, source_lines: list[str] | None) -> str:
    """What the finding is about: the flagged text, or the message when there is none to point at."""
    text = _normalise(flagged_text(violation, source_lines))
    if text:
        return text
    return _normalise(_DIGITS_RE.sub("#", violation.message))


def relative_path(path: str, root: str) -> str:
    """``path`` relative to the folder ``root``, with forward slashes (the same on every system)."""
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows: nothing to be relative to
        relative = os.path.abspath(path)
    return relative.replace(os.sep, "/")


def fingerprint(violation: Violation, source_lines: list[str] | None, root: str) -> str:
    """A hex sha256 of rule code, path relative to ``root``, section and normalised flagged text.

    No line numbers go in, so the fingerprint survives edits elsewhere in the file. Identical
    findings in one file share it; :func:`fingerprints` numbers them.
    """
    parts = (violation.code, relative_path(violation.path, root), violation.section or "", _identity_text(violation, source_lines))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def fingerprints(violations: list[Violation], source_lines: list[str] | None, root: str) -> list[str]:
    """``fingerprint:occurrence`` for each violation of one file, in order: identical ones are :0, :1, ..."""
    seen: dict[str, int] = {}
    keys = []
    for violation in violations:
        base = fingerprint(violation, source_lines, root)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        keys.append(f"{base}:{occurrence}")
    return keys


def source_lines_of(result) -> list[str] | None:
    """The file's lines: kept on the result by lint_path, else read again (None when unreadable)."""
    lines = getattr(result, "lines", None)
    if lines is not None or not result.violations:
        return lines
    from speclint.read import ReadError, read_path

    try:
        return read_path(result.path).lines
    except (ReadError, OSError):
        return None


# -- the baseline file -------------------------------------------------------
@dataclasses.dataclass
class Baseline:
    path: str  # the baseline file
    entries: list[dict]
    header: dict = dataclasses.field(default_factory=dict)  # version, speclint, created

    @property
    def root(self) -> str:
        """Paths in the baseline are relative to its folder, so the repository can move."""
        return os.path.dirname(os.path.abspath(self.path))


def _entry(violation: Violation, key: str, source_lines: list[str] | None, root: str) -> dict:
    text = _SPACE_RE.sub(" ", flagged_text(violation, source_lines)).strip()
    excerpt = {"text": text} if text else {"message": violation.message}
    for name, value in excerpt.items():
        if len(value) > _EXCERPT_LENGTH:
            excerpt[name] = value[: _EXCERPT_LENGTH - 1] + "…"
    return {
        "fingerprint": key,
        "code": violation.code,
        "path": relative_path(violation.path, root),
        "section": violation.section,
        **excerpt,
        "line": violation.line,  # for people reading the file; matching never uses it
    }


def _sort_key(entry: dict):
    return (entry["path"], entry.get("line", 0), entry["code"], entry["fingerprint"])


def build_baseline(results, path: str) -> Baseline:
    """A baseline at ``path`` holding every violation in ``results``."""
    baseline = Baseline(path, [])
    for result in results:
        if not result.violations:
            continue
        lines = source_lines_of(result)
        keys = fingerprints(result.violations, lines, baseline.root)
        baseline.entries.extend(_entry(v, key, lines, baseline.root) for v, key in zip(result.violations, keys, strict=True))
    return baseline


def write_baseline(baseline: Baseline) -> None:
    """Write the file atomically: a reader (or a crash) never sees half of it."""
    document = {
        "version": FORMAT_VERSION,
        "speclint": __version__,
        "created": baseline.header.get("created") or datetime.date.today().isoformat(),
        "entries": sorted(baseline.entries, key=_sort_key),
    }
    data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        replace_atomically(baseline.path, data, kept_mode(baseline.path))
    except OSError as error:
        raise BaselineError(f"{baseline.path}: cannot write the baseline ({error.strerror or error})") from None




def read_baseline(path: str) -> Baseline:
    """Load and check a baseline file; any problem is a :class:`BaselineError` naming the file."""
    try:
        with open(path, encoding="utf-8") as stream:
            document = json.load(stream)
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found; create it with --write-baseline {path}") from None
    except IsADirectoryError:
        raise BaselineError(f"{path}: is a folder, not a baseline file") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: not a speclint baseline (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}: not a speclint baseline (invalid JSON at line {error.lineno}: {error.msg})") from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise BaselineError(f"{path}: not a speclint baseline (no \"entries\" list); write a new one with --write-baseline")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BaselineError(f"{path}: not a speclint baseline (no format \"version\"); write a new one with --write-baseline")
    if version > FORMAT_VERSION:
        raise BaselineError(f"{path}: written by a newer speclint (baseline format {version}); upgrade speclint to use it")
    for number, entry in enumerate(document["entries"], 1):
        if not (isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str) and isinstance(entry.get("path"), str)):
            raise BaselineError(f"{path}: entry {number} has no \"fingerprint\" or \"path\"; write a new baseline with --write-baseline")
        entry.setdefault("code", "")
    header = {key: document[key] for key in ("version", "speclint", "created") if key in document}
    return Baseline(path, document["entries"], header)


# -- applying a baseline -----------------------------------------------------
@dataclasses.dataclass
class Outcome:
    results: list  # the results with baselined violations removed
    hidden: int  # violations found in the baseline
    stale: list[dict]  # entries no longer found in the files that were linted


def filter_results(results, baseline: Baseline) -> Outcome:
    """Drop the violations recorded in the baseline (each entry matches one violation).

    An entry is stale when its file was linted and the finding is gone, or its file no longer exists.
    Entries for files not linted in this run (pre-commit passes only the changed files) are kept.
    """
    known = {(entry["path"], entry["fingerprint"]) for entry in baseline.entries}
    used: set[tuple[str, str]] = set()
    linted: set[str] = set()
    kept, hidden = [], 0
    for result in results:
        if result.error is not None:
            kept.append(result)
            continue
        linted.add(relative_path(result.path, baseline.root))
        if not result.violations:
            kept.append(result)
            continue
        keys = fingerprints(result.violations, source_lines_of(result), baseline.root)
        remaining = []
        for violation, key in zip(result.violations, keys, strict=True):
            entry_key = (relative_path(violation.path, baseline.root), key)
            if entry_key in known:
                used.add(entry_key)
                hidden += 1
            else:
                remaining.append(violation)
        kept.append(dataclasses.replace(result, violations=remaining))
    stale = [
        entry
        for entry in baseline.entries
        if (entry["path"], entry["fingerprint"]) not in used
        and (entry["path"] in linted or not os.path.exists(os.path.join(baseline.root, entry["path"])))
    ]
    return Outcome(kept, hidden, stale)


def _plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def _say(message: str) -> None:
    print(f"speclint: {message}", file=sys.stderr)


def _fail(message: str):
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def apply_baseline(results, args) -> list:
    """The ``check`` command's baseline step: --write-baseline, --baseline, --prune-baseline.

    Returns the results to report. A baseline that cannot be read or written ends the run with
    a one-line error and exit code 2.
    """
    write_to = getattr(args, "write_baseline", None)
    read_from = getattr(args, "baseline", None)
    prune = getattr(args, "prune_baseline", False)
    if prune and not read_from:
        _fail("--prune-baseline needs --baseline FILE: it removes the entries of that baseline that are no longer found")
    try:
        if write_to:
            baseline = build_baseline(results, write_to)
            write_baseline(baseline)
            _say(f"wrote {_plural(len(baseline.entries), 'entry', 'entries')} to {write_to}; "
                 f"use --baseline {write_to} to report only new problems")
            # Writing a baseline accepts what it records: report as if it were applied (exit 0).
            return filter_results(results, baseline).results
        if not read_from:
            return results
        baseline = read_baseline(read_from)
        outcome = filter_results(results, baseline)
        if outcome.hidden and not getattr(args, "quiet", False):
            _say(f"{_plural(outcome.hidden, 'known problem')} recorded in {read_from} not shown")
        if outcome.stale and prune:
            stale = {id(entry) for entry in outcome.stale}
            baseline.entries = [entry for entry in baseline.entries if id(entry) not in stale]
            write_baseline(baseline)
            _say(f"removed {_plural(len(outcome.stale), 'stale entry', 'stale entries')} from {read_from}")
        elif outcome.stale:
            _say(
                f"{_plural(len(outcome.stale), 'entry', 'entries')} in {read_from} no longer found "
                f"(fixed, or the spec was removed); run with --prune-baseline to remove them"
            )
        return outcome.results
    except BaselineError as error:
        _fail(str(error))
