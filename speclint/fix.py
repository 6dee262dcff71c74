"""``check --fix`` and ``check --diff``: apply the replacements the rules are sure of.

A violation carries its fix: ``suggestion`` replaces exactly [column, end_column) of
``line`` (or, when ``end_line`` is later, everything from (line, column) to
(end_line, end_column)); ``fix`` says how sure the rule is ("safe" is applied by
--fix, "unsafe" only with --unsafe-fixes).

Fixes are applied to the decoded text, from the end of the file backwards so no
edit moves another; of two fixes that overlap the first is kept and the other waits
for the next pass. After each pass the text is linted again, until no fix is left
(at most MAX_PASSES passes): a second run then has nothing to do. Everything else
about the file is kept: its encoding and byte-order mark, each line's own line
ending, the last line's newline (or its absence), its permissions. The write is
atomic: a temporary file in the same folder, then os.replace.

A Word (.docx) file is never changed: the fixes go into a corrected copy beside it,
``<name>.fixed.docx`` (replaced when it exists), in one pass; a fix that covers anything
but plain run text (a tab, a list number, a field result) is left out of the copy.
PDF and .doc files are not fixed.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from speclint.config import ConfigError, Overrides, resolve
from speclint.files import replace_atomically
from speclint.lint import FileResult, lint_source
from speclint.read import ReadError, read_bytes
from speclint.read.text import decode, split_lines
from speclint.violation import Violation

# Passes over one file before giving up. Most files settle in two; a rule that reports once per
# file (X902 at its first Symbol-font bullet) is fixed one instance per pass, so the cap is generous.
# A text seen before (fixes undoing each other) stops the loop at once.
MAX_PASSES = 10
# Word and PDF files are not rewritten in place; a .docx gets a corrected copy (COPIED), the others nothing.
NOT_FIXED_IN_PLACE = frozenset({".docx", ".doc", ".pdf"})
COPIED = ".docx"
COPY_SUFFIX = ".fixed.docx"

# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one), and the codec
# that writes the text after them.
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FILES_PER_WORKER = 3  # as in speclint.run: below this many files per worker, one process is faster


class FixError(Exception):
    """A file that cannot be fixed; ``str()`` is the one-line message for the user."""


@dataclass
class Document:
    """A text file as it is on disk: its text and what it takes to write it back byte for byte."""

    path: str
    data: bytes
    text: str  # decoded, without the byte-order mark; line endings as in the file
    bom: bytes  # written before the text
    codec: str  # writes the text after the mark

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)

    def can_encode(self, text: str) -> bool:
        try:
            text.encode(self.codec)
        except UnicodeEncodeError:
            return False
        return True


@dataclass
class Edit:
    start: int  # offsets into Document.text, end exclusive
    end: int
    replacement: str


@dataclass
class FileFix:
    """What fixing one file did: the text before and after, and the violations left after."""

    path: str
    document: Document | None = None
    fixed_text: str | None = None
    applied: int = 0  # fixes applied, over all passes
    violations: list[Violation] = field(default_factory=list)
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.document is not None and self.fixed_text is not None and self.fixed_text != self.document.text


def load(path: str) -> Document:
    """Read a file the way speclint.read does, keeping what is needed to write it back unchanged."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FixError(f"{path}: cannot read the file again to fix it ({error.strerror or error})") from None
    try:
        text, encoding = decode(data, path)
    except ReadError as error:
        raise FixError(str(error)) from None
    bom, codec = b"", encoding
    for mark, mark_codec in _BOM_CODECS:
        if data.startswith(mark):
            bom, codec = mark, mark_codec
            break
    if text.startswith("\ufeff"):  # the reader drops one more mark after the decoder's own
        bom += "\ufeff".encode(codec)
        text = text[1:]
    document = Document(path, data, text, bom, codec)
    if document.encode(text) != data:  # never write a file that would not come back as it was
        raise FixError(f"{path}: not fixed: its encoding ({encoding}) cannot be written back exactly")
    return document


def is_applied(violation: Violation, unsafe: bool) -> bool:
    """Whether --fix applies this violation's suggestion (safe ones; unsafe ones with --unsafe-fixes)."""
    if violation.suggestion is None or violation.column < 1 or violation.end_column < 1:
        return False
    return violation.fix == "safe" or (unsafe and violation.fix == "unsafe")


def edits_for(document: Document, text: str, violations: list[Violation], unsafe: bool) -> list[Edit]:
    """The edits the violations ask for, as offsets into ``text``; edits that point outside it are dropped."""
    starts = [0]
    lengths = []  # each line's length without its line ending
    position = 0
    for line, ending in _lines_with_endings(text):
        lengths.append(len(line))
        position += len(line) + len(ending)
        starts.append(position)
    newline = split_lines(text)[1]
    edits = []
    for violation in violations:
        if not is_applied(violation, unsafe):
            continue
        main = (violation.line, violation.column, violation.end_line, violation.end_column, violation.suggestion)
        for line, column, end_line, end_column, suggestion in (main, *violation.more_edits):
            start = _offset(starts, lengths, line, column)
            end = _offset(starts, lengths, end_line, end_column)
            if start is None or end is None or end < start:
                continue
            replacement = suggestion.replace("\r\n", "\n").replace("\n", newline)
            if not document.can_encode(replacement):
                continue  # a character the file's encoding (Windows-1252) has no byte for: left for a person
            edits.append(Edit(start, end, replacement))
    return edits


def _lines_with_endings(text: str):
    """(line, line ending) pairs, split the way speclint.read splits lines (CRLF, CR or LF)."""
    lines, _ = split_lines(text)
    position = 0
    for line in lines:
        position += len(line)
        if text.startswith("\r\n", position):
            ending = "\r\n"
        elif position < len(text) and text[position] in "\r\n":
            ending = text[position]
        else:
            ending = ""
        position += len(ending)
        yield line, ending


def _offset(starts: list[int], lengths: list[int], line: int, column: int) -> int | None:
    if not 1 <= line <= len(lengths) or not 1 <= column <= lengths[line - 1] + 1:
        return None
    return starts[line - 1] + column - 1


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """Apply the edits that do not overlap (the first of overlapping ones wins); return the text and the count."""
    kept: list[Edit] = []
    count = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if kept:
            last = kept[-1]
            if (edit.start, edit.end, edit.replacement) == (last.start, last.end, last.replacement):
                count += 1  # two rules asking for the same fix: one edit fixes both
                continue
            if edit.start < last.end or edit.start == last.start:
                continue  # overlaps: left for the next pass, when the text has settled
        kept.append(edit)
        count += 1
    for edit in reversed(kept):  # from the end backwards, so earlier offsets stay right
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, count


def fix_file(result: FileResult, overrides: Overrides, unsafe: bool) -> FileFix:
    """Fix one linted file in memory: apply, lint again, repeat until nothing is left to apply."""
    outcome = FileFix(result.path, violations=result.violations)
    if not any(is_applied(v, unsafe) for v in result.violations):
        return outcome
    try:
        document = load(result.path)
        config = resolve(result.path, overrides)
    except (FixError, ConfigError) as error:
        outcome.error = str(error)
        return outcome
    text, violations = document.text, result.violations
    seen = {text}
    for _ in range(MAX_PASSES):
        edits = edits_for(document, text, violations, unsafe)
        if not edits:
            break
        new_text, applied = apply_edits(text, edits)
        if new_text in seen:
            break
        seen.add(new_text)
        try:
            new_violations = lint_source(read_bytes(new_text.encode("utf-8"), result.path), config, [])  # failures: said by the final lint
        except ReadError:
            break  # the fixes would leave nothing to lint (an empty file): stop before them
        text, violations = new_text, new_violations
        outcome.applied += applied
    outcome.document, outcome.fixed_text, outcome.violations = document, text, violations
    return outcome


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file's bytes in one step, keeping its permissions (and owner where allowed)."""
    target = os.path.realpath(path)  # a symlink keeps pointing at the file it pointed at
    status = os.stat(target)
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise PermissionError(f"{path}: the file is read-only")
    replace_atomically(target, data, stat.S_IMODE(status.st_mode), owner=(status.st_uid, status.st_gid))


# -- the two commands ---------------------------------------------------------
def apply_fixes(results: list[FileResult], overrides: Overrides, args, errors: list[str]) -> list[FileResult]:
    """--fix: write the fixes, then return the results for what is left in the files.

    A file that cannot be fixed or written is left as it was, keeps its violations, and gets a
    one-line message appended to ``errors`` (the command then exits 2); the other files are still fixed.
    """
    fixes = _fix_all(results, overrides, args)
    copies = set(_docx_to_copy(results, args))
    unsafe = bool(getattr(args, "unsafe_fixes", False))
    fixed_problems = fixed_files = copied = 0
    updated = []
    for index, (result, outcome) in enumerate(zip(results, fixes, strict=True)):
        if index in copies:
            try:
                copy, applied = write_docx_copy(result, unsafe)
            except FixError as error:
                errors.append(str(error))
            else:
                if copy is not None:
                    copied += 1
                    if not args.quiet:
                        _say(f"wrote corrected copy {copy} ({_plural(applied, 'fix', 'fixes')}); the original is unchanged")
            updated.append(result)  # the original keeps its problems
            continue
        if outcome is not None and outcome.error is None and outcome.changed:
            try:
                _write_unless_changed(outcome)
            except OSError as error:
                outcome.error = f"{result.path}: not fixed: {_reason(error, result.path)}"
            else:
                fixed_problems += outcome.applied
                fixed_files += 1
                updated.append(FileResult(result.path, outcome.violations, fail_on=result.fail_on))
                continue
        if outcome is not None and outcome.error is not None:
            errors.append(outcome.error)
        updated.append(result)
    if not args.quiet:
        if fixed_problems:
            _say(f"Fixed {_plural(fixed_problems, 'problem')} in {_plural(fixed_files, 'file')}.")
        elif not copied:
            _say("Nothing to fix automatically.")
    return updated


def show_diffs(results: list[FileResult], overrides: Overrides, args, errors: list[str] = ()) -> int:
    """--diff: print what --fix would change as a unified diff; write nothing.

    ``errors`` are the command line's own (a missing path). Exit code: 1 when there is
    something to fix, else 0; 2 for a path or file that could not be used.
    """
    fixes = _fix_all(results, overrides, args)
    words = len(_docx_to_copy(results, args))
    if words and not args.quiet:
        _say(f"--diff cannot show a diff for Word files: {_plural(words, '.docx file')} skipped (--fix writes a corrected copy).")
    problems = files = 0
    for outcome in fixes:
        if outcome is None or not outcome.changed:
            continue
        problems += outcome.applied
        files += 1
        sys.stdout.writelines(_unified_diff(outcome.path, outcome.document.text, outcome.fixed_text))
    errors = [*errors, *(r.error for r in results if r.error), *(f.error for f in fixes if f is not None and f.error)]
    for message in dict.fromkeys(errors):
        print(f"error: {message}", file=sys.stderr)
    if not args.quiet:
        if problems:
            _say(f"Would fix {_plural(problems, 'problem')} in {_plural(files, 'file')}; run again with --fix to apply.")
        else:
            _say("Nothing to fix automatically.")
    if errors:
        return 2
    return 1 if files else 0


def _fix_all(results: list[FileResult], overrides: Overrides, args) -> list[FileFix | None]:
    """One FileFix per result (None for a result that is not fixed: an error, stdin, a Word or PDF file)."""
    unsafe = bool(getattr(args, "unsafe_fixes", False))
    stdin_names = _stdin_names(args)
    todo: list[int] = []
    not_in_place = from_stdin = 0
    for index, result in enumerate(results):
        if result.path in stdin_names:
            from_stdin += 1
            continue
        suffix = Path(result.path).suffix.lower()
        if suffix in NOT_FIXED_IN_PLACE:
            not_in_place += suffix != COPIED  # a .docx gets a corrected copy (apply_fixes)
            continue
        if result.error is not None:
            continue
        if any(is_applied(v, unsafe) for v in result.violations):
            todo.append(index)
    if not_in_place and not args.quiet:
        _say(f"--fix changes text, Markdown and .docx files only: {_plural(not_in_place, 'PDF or .doc file')} left as they are.")
    if from_stdin and not args.quiet:
        _say("--fix does not change standard input (-): its problems are listed as found.")
    fixes: list[FileFix | None] = [None] * len(results)
    done = _map_fix([results[i] for i in todo], overrides, unsafe, getattr(args, "jobs", None))
    for index, outcome in zip(todo, done, strict=True):
        fixes[index] = outcome
    return fixes


# -- Word files: a corrected copy ----------------------------------------------


def _docx_to_copy(results: list[FileResult], args) -> list[int]:
    """The .docx results with a fix to apply (read without error, not from standard input, not a copy already)."""
    unsafe = bool(getattr(args, "unsafe_fixes", False))
    stdin_names = _stdin_names(args)
    todo = []
    for index, result in enumerate(results):
        if result.path in stdin_names or Path(result.path).suffix.lower() != COPIED or result.error is not None:
            continue
        if not any(is_applied(v, unsafe) for v in result.violations):
            continue
        if result.path.lower().endswith(COPY_SUFFIX):
            if not args.quiet:
                _say(f"{result.path} is a corrected copy already: no copy of it is written")
            continue
        todo.append(index)
    return todo


def docx_edits(violations: list[Violation], unsafe: bool) -> dict[int, list[tuple[int, int, str]]]:
    """The fixes --fix applies, as 0-based (start, end, replacement) per 0-based line; edits across lines are left out."""
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for violation in violations:
        if not is_applied(violation, unsafe):
            continue
        main = (violation.line, violation.column, violation.end_line, violation.end_column, violation.suggestion)
        for line, column, end_line, end_column, suggestion in (main, *violation.more_edits):
            if line < 1 or end_line != line or not 1 <= column <= end_column or "\n" in suggestion or "\r" in suggestion:
                continue
            edits.setdefault(line - 1, []).append((column - 1, end_column - 1, suggestion))
    return edits


def fixed_copy_path(path: str) -> str:
    """Where the corrected copy of a .docx goes: ``spec.docx`` -> ``spec.fixed.docx`` in the same folder."""
    original = Path(path)
    return str(original.with_name(original.name[: -len(original.suffix)] + COPY_SUFFIX))


def write_docx_copy(result: FileResult, unsafe: bool) -> tuple[str | None, int]:
    """Write the corrected copy of a .docx; return its path and the fixes in it (None, 0: none could be made)."""
    from speclint.read.docx import write_fixed_copy  # python-docx only for Word files

    path = result.path
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FixError(f"{path}: cannot read the file again to fix it ({error.strerror or error})") from None
    try:
        fixed, applied = write_fixed_copy(data, docx_edits(result.violations, unsafe), path)
    except ReadError as error:
        raise FixError(str(error)) from None
    if not applied:
        return None, 0
    copy = fixed_copy_path(path)
    try:
        read_bytes(fixed, copy)  # never leave a copy that speclint (or Word) could not open
    except ReadError as error:
        raise FixError(f"{path}: no corrected copy written: it would not read back ({error})") from None
    try:
        _write_new(copy, fixed, like=path)
    except OSError as error:
        raise FixError(f"{path}: no corrected copy written: {_reason(error, copy)}") from None
    return copy, applied


def _write_new(path: str, data: bytes, like: str) -> None:
    """Write (or replace) a file in one step, with the permissions of ``like`` (writable by its owner)."""
    replace_atomically(path, data, stat.S_IMODE(os.stat(like).st_mode) | stat.S_IWUSR)


_job: tuple[Overrides, bool] | None = None  # the workers' copy, set before the fork


def _fix_one(result: FileResult) -> FileFix:
    overrides, unsafe = _job
    return fix_file(result, overrides, unsafe)


def _map_fix(results: list[FileResult], overrides: Overrides, unsafe: bool, jobs: int | None) -> list[FileFix]:
    """fix_file over many files, in forked processes when there are enough of them (as speclint.run lints)."""
    global _job
    _job = (overrides, unsafe)
    workers = min(jobs or os.cpu_count() or 1, len(results) // _FILES_PER_WORKER)
    import multiprocessing  # only here: a one-file run need not pay for it (see speclint.run)

    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_fix_one(result) for result in results]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_fix_one, results, chunksize=max(1, len(results) // (workers * 4)))


def _stdin_names(args) -> set[str]:
    """Names a spec read from standard input goes by: it has no file to write back to."""
    if "-" not in getattr(args, "paths", []):
        return set()
    return {"-", "<stdin>", "<stdin>.txt", *filter(None, [getattr(args, "stdin_filename", None)])}


def _write_unless_changed(outcome: FileFix) -> None:
    current = Path(outcome.path).read_bytes()
    if current != outcome.document.data:
        raise OSError(f"{outcome.path}: the file changed while speclint was fixing it; run speclint again")
    write_atomic(outcome.path, outcome.document.encode(outcome.fixed_text))


def _reason(error: OSError, path: str) -> str:
    message = str(error.args[0]) if len(error.args) == 1 and isinstance(error.args[0], str) else (error.strerror or str(error))
    return message.removeprefix(f"{path}: ")


def _unified_diff(path: str, before: str, after: str, context: int = 3) -> list[str]:
    """A unified diff with plain "\\n" line ends (the file's own line endings are kept when --fix writes it).

    difflib.unified_diff treats lines that recur often (the blank lines of a long spec) as junk and then
    shows them as changed; the matcher here compares every line.
    """
    old, new = _diff_lines(before), _diff_lines(after)
    out = [f"--- {path}\n", f"+++ {path} (fixed)\n"]
    import difflib  # (only for --diff)

    for group in difflib.SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_hunk_range(first[1], last[2])} +{_hunk_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(" " + line for line in old[i1:i2])
                continue
            out.extend("-" + line for line in old[i1:i2])
            out.extend("+" + line for line in new[j1:j2])
    return out if len(out) > 2 else []


def _hunk_range(start: int, stop: int) -> str:
    """A hunk's "start,length" as unified diffs write it (1-based; an empty range names the line before)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


def _diff_lines(text: str) -> list[str]:
    lines = [line + "\n" for line, _ in _lines_with_endings(text)]
    if lines and not (text.endswith("\n") or text.endswith("\r")):
        lines[-1] = lines[-1] + "\\ No newline at end of file\n"
    return lines


def _plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def _say(message: str) -> None:
    print(f"speclint: {message}", file=sys.stderr)
