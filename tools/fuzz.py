#!/usr/bin/env python3
"""Long fuzz campaigns over speclint's reader, parser, every rule, --fix and the user's files (issue 8, "unbreakable").

    python tools/fuzz.py --minutes 5                          # every target, seed 0, failures in /tmp/speclint-fuzz/
    python tools/fuzz.py --minutes 30 --seed 7 --target lint --out fuzz-failures

Cases are made by mutating the real specs in specs/seeds and specs/clean: lines deleted, repeated, moved, joined,
split, cut short, upper-cased or spliced in from another spec; odd characters put inside them (U+FFFD, U+200B, form
feeds, Word's U+F0B7 bullet, very long words, digits, unmatched brackets and quotes, HTML, comment markers, dates
that do not exist); then the text is written with LF or CRLF, in UTF-8, UTF-8 with a BOM, UTF-16 or Windows-1252,
and sometimes its bytes are damaged too.

Targets (each case picks one, so every target gets time):

  read     any bytes: the reader returns lines and a view of the same shape, or a one-line ReadError
  lint     every rule on the text: no rule error, every position inside the file, every message one line
  fix      --fix (with --unsafe-fixes) on a file: no exception, and what it leaves lints without a rule error
  report   every report format: JSON and SARIF parse, JUnit XML is well formed, the text report has a line per finding
  config   mutated .speclint.yaml and rule packs: a one-line ConfigError or a configuration that lints
  docx     mutated specs written as Word documents (python-docx), sometimes with damaged bytes
  pdf      mutated specs written as PDFs (fpdf2, a test dependency; left out when it is missing)

Each failure is written to the output folder once per distinct cause (exception type and where it was raised, or the
broken promise): the input as a file of its own type and a .txt with what went wrong and how to run it again.
The exit status is 1 when anything failed, 0 when nothing did. tests/test_fuzz.py checks the same properties
(imported from here) on a few hundred cases in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speclint.config import Config, ConfigError, resolve  # noqa: E402
from speclint.engine import RuleContext  # noqa: E402
from speclint.lint import lint_path, lint_source  # noqa: E402
from speclint.parse import parse_spec  # noqa: E402
from speclint.read import ReadError, SourceText, read_bytes  # noqa: E402
from speclint.violation import Violation  # noqa: E402

CORPUS_FILES = sorted((ROOT / "specs" / "seeds").glob("*.txt")) + sorted((ROOT / "specs" / "clean").glob("*"))

# Put inside lines: what Word, PDF exports, e-mail and people leave in specs, and what parsers trip on.
ODD = [
    "\ufffd", "\u200b", "\x0c", "\uf0b7", "\uf0fc", "\t", "\u00a0", "\u00ad", "\u2028", "\x85", "\x0b", "\ufeff",
    "\u0301", "\u202e", "\U0001f600", "\u2022", "\u00b7", "\u2013", "\u2014", "\u2026", "\u201c", "\u201d", "\u2019",
    "(", ")", "[", "]", "{", "}", '"', "'", "<", ">", "&", "&nbsp;", "&#8217;", "<b>", "</ul>", "<li>", "[GK1]", "[A2]",
    "0", "7", "13", "99999999999999999999", "1/2", "-", "--", "/", "\\", "$", "%", "#", "*", "|", ":", ";", ".", ",",
    "13/45/2020", "June 31, 2020", "February 30, 1900", "2020-02-30", "Revised:", "Adopted: 0/0/0000", "FLSA Status:",
    "FLSA: Exempt", "Non-Exempt", "lift 50 pounds", "up to 25 lbs.", "occasionally", "sedentary work", "the the",
    "Useing", "a hour", "(E)", "Page 2 of 7", "speclint-disable-line", "speclint-disable-line M602",
    "speclint-disable-next-line: ALL", "speclint-disable-file", "x" * 300, "supervision" * 40, "A" * 120,
    "Knowledge of:", "Ability to:", "DEFINITION", "ESSENTIAL FUNCTIONS", "# ", "## ", "1. ", "a) ", "- ", "* ", "> ",
]  # fmt: skip
HEADINGS = [
    "DEFINITION", "ESSENTIAL FUNCTIONS", "EXAMPLES OF DUTIES", "KNOWLEDGE, SKILLS AND ABILITIES", "PHYSICAL DEMANDS",
    "EDUCATION AND EXPERIENCE", "MINIMUM QUALIFICATIONS", "WORKING ENVIRONMENT", "SUPERVISION RECEIVED AND EXERCISED",
    "DISTINGUISHING CHARACTERISTICS", "LICENSES AND CERTIFICATES", "# Definition", "## Essential Functions", "|a|b|",
    "---", "", "", "   ", "\t", "Class Code: 4312", "FLSA Status: Exempt", "Revised: June 3, 2025", "Adopted:",
]  # fmt: skip
OPERATIONS = ("delete", "duplicate", "move", "splice", "insert", "insert", "insert", "truncate", "upper", "join", "split", "heading")


# -- the corpus and its mutations ----------------------------------------------------------------------------------
def corpus() -> list[list[str]]:
    """Each real spec as its lines (read as speclint reads them)."""
    from speclint.read import read_path

    return [read_path(path).lines for path in CORPUS_FILES]


@dataclass(frozen=True)
class Operation:
    """One change to a list of lines. Numbers are taken modulo what they index, so any numbers make a valid change."""

    kind: str
    line: int = 0
    other: int = 0  # a second line, a position in the line, or a line of another spec
    text: str = ""


def apply(lines: list[str], operations: list[Operation], other_lines: list[str]) -> list[str]:
    """The lines after the operations; ``other_lines`` are what "splice" takes from (another spec's lines)."""
    lines = list(lines) or [""]
    for op in operations:
        i = op.line % len(lines)
        line = lines[i]
        at = op.other % (len(line) + 1)
        if op.kind == "delete" and len(lines) > 1:
            del lines[i]
        elif op.kind == "duplicate":
            lines.insert(i, line)
        elif op.kind == "move":
            lines.insert(op.other % len(lines), lines.pop(i))
        elif op.kind == "splice" and other_lines:
            lines.insert(i, other_lines[op.other % len(other_lines)])
        elif op.kind == "insert":
            lines[i] = line[:at] + op.text + line[at:]
        elif op.kind == "truncate":
            lines[i] = line[:at]
        elif op.kind == "upper":
            lines[i] = line.upper()
        elif op.kind == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [line + op.text + lines[i + 1]]
        elif op.kind == "split":
            lines[i : i + 1] = [line[:at], line[at:]]
        elif op.kind == "heading":
            lines.insert(i, op.text)
    return lines


def random_operations(rng: random.Random, count: int) -> list[Operation]:
    operations = []
    for _ in range(count):
        kind = rng.choice(OPERATIONS)
        text = ""
        if kind == "insert":
            text = "".join(rng.choice(ODD) for _ in range(rng.randint(1, 3)))
        elif kind == "join":
            text = rng.choice([" ", "", "\t", "\x0c"])
        elif kind == "heading":
            text = rng.choice(HEADINGS)
        operations.append(Operation(kind, rng.randrange(10_000), rng.randrange(10_000), text))
    return operations


def to_bytes(lines: list[str], newline: str = "\n", encoding: str = "utf-8", final_newline: bool = True) -> bytes:
    """The lines as a file: joined with ``newline`` and encoded (characters Windows-1252 lacks become "?")."""
    text = newline.join(lines) + (newline if final_newline else "")
    if encoding == "utf-8-sig":
        return text.encode("utf-8-sig")
    return text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")


def damage(data: bytes, rng: random.Random) -> bytes:
    """A few bytes flipped, dropped, repeated or cut off: a file that went wrong on its way."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        at = rng.randrange(len(data))
        how = rng.randrange(5)
        if how == 0:
            data[at] = rng.randrange(256)
        elif how == 1:
            del data[at : at + rng.randint(1, 8)]
        elif how == 2:
            data[at:at] = bytes([rng.choice([0, 0xFF, 0xFE, 0x81, 0xC3, 0xE2, 0x0D, 0x0A, 0x1A])]) * rng.randint(1, 3)
        elif how == 3:
            data = data[:at]
        else:
            data[at:at] = data[max(0, at - 16) : at]
    return bytes(data)


def random_case(rng: random.Random, texts: list[list[str]]) -> tuple[list[str], bytes, str]:
    """Mutated lines, their bytes as a file, and the file's name."""
    lines = apply(rng.choice(texts), random_operations(rng, rng.randint(1, 12)), rng.choice(texts))
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"])
    data = to_bytes(lines, rng.choice(["\n", "\n", "\r\n", "\r"]), encoding, rng.random() < 0.8)
    if rng.random() < 0.1:
        data = damage(data, rng)
    return lines, data, rng.choice(["spec.txt", "spec.txt", "spec.md"])


# -- the properties ------------------------------------------------------------------------------------------------
class Broken(AssertionError):
    """speclint broke a promise on an input (no exception was raised: the output is wrong)."""


def read_checked(data: bytes, name: str) -> SourceText | None:
    """Read bytes as speclint does: the source, or None after a proper one-line ReadError. Nothing may be printed
    (a library's warning on stderr would be a second, nameless line about the file)."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stderr(printed):
            source = read_bytes(data, name)
    except ReadError as error:
        message = str(error)
        if not message.startswith(f"{name}: ") or "\n" in message or "\r" in message or not error.reason.strip():
            raise Broken(f"read error is not one line naming the file: {message!r}") from None
        return None
    finally:
        if printed.getvalue():
            raise Broken(f"reading printed on stderr: {printed.getvalue().splitlines()[0]!r}")
    if len(source.lines) != len(source.view) or not source.lines:
        raise Broken(f"{len(source.lines)} lines but {len(source.view)} view lines")
    for number, (line, view) in enumerate(zip(source.lines, source.view, strict=True), 1):
        if len(line) != len(view):
            raise Broken(f"line {number}: the view is {len(view)} characters long, the line {len(line)}")
        if "\n" in line or "\r" in line:
            raise Broken(f"line {number} holds a line break: {line!r}")
    if source.pages is not None and len(source.pages) != len(source.lines):
        raise Broken(f"{len(source.pages)} page numbers for {len(source.lines)} lines")
    return source


def position_problem(v: Violation, lines: list[str]) -> str | None:
    """What is wrong with a finding's position or message, or None: lines 1..N, columns 1..len+1 (0 for the whole file)."""
    where = f"{v.code} at {v.line}:{v.column}-{v.end_line}:{v.end_column}"
    if not v.message.strip() or "\n" in v.message or "\r" in v.message:
        return f"{where}: the message is not one line: {v.message!r}"
    if not 1 <= v.line <= len(lines) or not v.line <= v.end_line <= len(lines):
        return f"{where}: line outside the file ({len(lines)} lines)"
    if v.column == 0:  # about the whole file (or line): no span
        return None if v.end_column == 0 or v.end_line > v.line else f"{where}: a column-0 finding with an end column"
    if not 1 <= v.column <= len(lines[v.line - 1]) + 1:
        return f"{where}: column outside line {v.line} ({len(lines[v.line - 1])} characters)"
    if not 1 <= v.end_column <= len(lines[v.end_line - 1]) + 1:
        return f"{where}: end column outside line {v.end_line} ({len(lines[v.end_line - 1])} characters)"
    if v.end_line == v.line and v.end_column < v.column:
        return f"{where}: ends before it starts"
    return None


def lint_checked(source: SourceText, config: Config, *, allow_timeouts: bool = False) -> list[Violation]:
    """Every rule on a read file: no rule error (a user pattern's time-out aside), every finding well placed."""
    rule_errors: list[str] = []
    violations = lint_source(source, config, rule_errors)
    failures = [e for e in rule_errors if not (allow_timeouts and "regular expression took more than" in e)]
    if failures:
        raise Broken(failures[0])
    for v in violations:
        problem = position_problem(v, source.lines)
        if problem:
            raise Broken(problem)
    return violations


def rule_checked(rule, source: SourceText, config: Config) -> list[Violation]:
    """One rule alone on a read file (no validation, no suppressions): it must not raise, and must place its findings."""
    ctx = RuleContext(parse_spec(source), options=config.rule_options)
    found = list(rule.check(ctx))
    for v in found:
        problem = position_problem(v, source.lines)
        if problem:
            raise Broken(problem)
    return found


def fix_checked(folder: Path, data: bytes, name: str, config: Config) -> None:
    """--fix --unsafe-fixes on a file in memory (speclint.fix.fix_file): no exception; what is left lints cleanly."""
    from speclint.config import Overrides
    from speclint.fix import fix_file

    path = folder / name
    path.write_bytes(data)
    result = lint_path(str(path), config)
    if result.error or result.rule_errors:
        if result.rule_errors:
            raise Broken(result.rule_errors[0])
        return
    outcome = fix_file(result, Overrides(), unsafe=True)
    if outcome.error or not outcome.changed:
        return
    source = read_checked(outcome.fixed_text.encode("utf-8"), name)
    if source is not None:
        lint_checked(source, config)


def report_checked(folder: Path, data: bytes, name: str, config: Config) -> None:
    """Every report format on a linted file: JSON and SARIF parse, JUnit is well-formed XML, the text report has one line
    per finding (a line break in a finding would make two)."""
    import json
    import xml.dom.minidom

    from speclint.config import Overrides
    from speclint.report import FORMATS, formatter

    path = folder / name
    path.write_bytes(data)
    result = lint_path(str(path), config)
    result.fail_on = config.fail_on
    for fmt in FORMATS:
        stream = io.StringIO()
        formatter(fmt)([result], stream, {"quiet": False, "format": fmt, "errors": [], "overrides": Overrides(), "to_file": True})
        out = stream.getvalue()
        if fmt in ("json", "sarif"):
            json.loads(out)
        elif fmt == "junit":
            xml.dom.minidom.parseString(out.encode("utf-8"))
        elif fmt == "text":
            findings = [line for line in out.splitlines() if line.startswith(str(path) + ":")]
            if len(findings) != len(result.violations):
                raise Broken(f"text report: {len(findings)} finding lines for {len(result.violations)} findings")


# -- config and rule packs -----------------------------------------------------------------------------------------
CONFIG_TEXT = """\
select: [ALL]
ignore: [M604]
severity: {M602: warning, spelling: info}
per-path-ignores: {"*.md": [T401]}
rule-packs: [packs/county.yaml]
vocabulary: [Peñasquitos, SCADA]
fail-on: warning
include: ["*.txt", "*.md"]
exclude: [drafts]
today: 2025-06-01
stale-after-years: 5
"""
PACK_TEXT = r"""pack: county
rules:
  - code: CTY01
    name: county-entries
    kind: substitution
    category: grammar
    severity: info
    swap: {'\bentries\b': 'journal entries', '\b(he|she)\b': 'they'}
    message: 'Write "{replacement}" instead of "{match}".'
    description: The county style guide says journal entries.
    examples: {fire: ["Prepares entries."], pass: ["Prepares journal entries."]}
  - code: CTY02
    name: county-no-shall
    kind: pattern
    category: grammar
    severity: warning
    pattern: '\bshall\b'
    unless: 'Board'
    scope: [essential_functions, title]
    message: 'Write "will" or "must", not "{match}".'
    description: Plain language.
    examples: {fire: ["The employee shall file."], pass: ["The employee files."]}
  - code: CTY03
    name: county-class-code
    kind: required-pattern
    category: structure
    severity: warning
    patterns: ['Class Code:\s*\d+']
    message: 'No class code in {title}.'
    description: Every county spec has a class code.
    examples: {fire: ["ACCOUNTANT"], pass: ["ACCOUNTANT\nClass Code: 12"]}
  - code: CTY04
    name: county-lead-section
    kind: required-section
    category: structure
    severity: info
    sections: [distinguishing_characteristics]
    when: {title: '\bII\b'}
    message: 'Add distinguishing characteristics to {title}.'
    description: Journey levels say how they differ.
    examples: {fire: ["ACCOUNTANT II\n\nDEFINITION\nWorks."], pass: ["ACCOUNTANT\n\nDEFINITION\nWorks."]}
"""
YAML_ODD = [
    "", " ", "\t", ":", ": ", "-", "- ", "[", "]", "{", "}", "'", '"', "#", "&a", "*a", "!!int", "!!str", "!!binary",
    "!!timestamp", "|", ">", "?", ",", "\n", "\n  ", "0", "-1", "1e9", "99999999999999999999", "null", "~", "true",
    "2020-02-30", "2020-13-45", "\ufeff", "\x00", "\u00e9", "(", ")", "(a|aa)+$", "[[:digit:]", "\\p{L}", "a{99999999999}",
    "(?P<x>a)(?P<x>b)", "\\", "\\1", "(?i)", "M602", "ALL", "spelling", "T401", "error", "info", "fatal", "*.txt", "**",
]  # fmt: skip


def yaml_mutation(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        line = lines[i]
        at = rng.randrange(len(line) + 1)
        how = rng.randrange(5)
        if how == 0:
            lines[i] = line[:at] + rng.choice(YAML_ODD) + line[at:]
        elif how == 1:
            lines[i] = line[:at] + line[at + rng.randint(1, 6) :]
        elif how == 2 and len(lines) > 1:
            del lines[i]
        elif how == 3:
            lines.insert(i, line)
        else:
            lines[i] = line[:at] + rng.choice(YAML_ODD) + rng.choice(YAML_ODD) + line[at:]
    return "\n".join(lines)


def config_checked(folder: Path, config_text: str, pack_text: str, spec: bytes) -> None:
    """A configuration and a rule pack, however broken: a one-line ConfigError, or a configuration that lints."""
    from speclint import config as config_module

    for cached in (config_module.load_config_file, config_module._find_in, config_module._load_rules):
        cached.cache_clear()  # each case's files are new
    (folder / "packs").mkdir(exist_ok=True)
    (folder / ".speclint.yaml").write_text(config_text, encoding="utf-8", errors="surrogatepass")
    (folder / "packs" / "county.yaml").write_text(pack_text, encoding="utf-8", errors="surrogatepass")
    path = folder / "spec.txt"
    path.write_bytes(spec)
    try:
        config = resolve(path)
    except ConfigError as error:
        if "\n" in str(error) or not str(error).startswith(str(folder)):
            raise Broken(f"config error is not one line naming the file: {str(error)!r}") from None
        return
    result = lint_path(str(path), config)
    failures = [e for e in result.rule_errors if "regular expression took more than" not in e]
    if failures:
        raise Broken(failures[0])


# -- Word and PDF --------------------------------------------------------------------------------------------------
def docx_bytes(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph("".join(ch for ch in line if ch >= " " or ch == "\t"))  # XML has no control characters
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def pdf_bytes(lines: list[str]) -> bytes | None:
    try:
        from fpdf import FPDF
    except ImportError:
        return None
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines[:120]:
        text = line.encode("latin-1", "replace").decode("latin-1")  # the core fonts have Latin-1 only
        pdf.multi_cell(0, 5, text or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# -- the campaign --------------------------------------------------------------------------------------------------
@dataclass
class Failure:
    target: str
    cause: str
    detail: str
    data: bytes
    name: str


def _cause(error: BaseException) -> str:
    """What tells two failures apart: the broken promise, or the exception and the line of speclint that raised it."""
    if isinstance(error, Broken):  # the rule and the promise, not the numbers: "F202 at N:N-N:N: end column outside line N"
        return "broken: " + re.sub(r"\d+", "N", str(error).split("\n")[0])[:100]
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "speclint" in f.filename and "tools" not in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__} at {where}"


def run_case(target: str, rng: random.Random, texts: list[list[str]], config: Config, folder: Path) -> Failure | None:
    lines, data, name = random_case(rng, texts)
    try:
        if target == "read":
            if rng.random() < 0.3:
                data = damage(data, rng) if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
            read_checked(data, name)
        elif target == "lint":
            source = read_checked(data, name)
            if source is not None:
                lint_checked(source, config)
        elif target == "fix":
            fix_checked(folder, data, name, config)
        elif target == "report":
            report_checked(folder, data, name, config)
        elif target == "config":
            config_text = yaml_mutation(CONFIG_TEXT, rng) if rng.random() < 0.7 else CONFIG_TEXT
            pack_text = yaml_mutation(PACK_TEXT, rng) if rng.random() < 0.7 else PACK_TEXT
            name = "config.yaml"
            data = f"# .speclint.yaml\n{config_text}\n# packs/county.yaml\n{pack_text}".encode("utf-8", "surrogatepass")
            config_checked(folder, config_text, pack_text, to_bytes(lines))
        elif target in ("docx", "pdf"):
            name = f"spec.{target}"
            made = docx_bytes(lines) if target == "docx" else pdf_bytes(lines)
            if made is None:
                return None
            data = damage(made, rng) if rng.random() < 0.2 else made
            source = read_checked(data, name)
            if source is not None:
                lint_checked(source, config)
    except Exception as error:  # noqa: BLE001 - any exception is what the campaign looks for
        detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        return Failure(target, _cause(error), detail, data, name)
    return None


def save(failure: Failure, out: Path, number: int, seed: int) -> Path:
    stem = f"{number:03d}-{failure.target}"
    given = out / f"{stem}.input{Path(failure.name).suffix}"
    given.write_bytes(failure.data)
    (out / f"{stem}.report").write_text(
        f"target: {failure.target}\ncause: {failure.cause}\ninput: {given.name}\nfound with: python tools/fuzz.py --seed {seed}\n"
        f"again: speclint check {given}\n\n{failure.detail}",
        encoding="utf-8",
    )
    return given


def campaign(
    seconds: float, seed: int, targets: list[str], out: Path, say: Callable[[str], None] = print, cases: int | None = None
) -> int:
    """Run cases until the time is up (or ``cases`` have run); write each new kind of failure to ``out``.
    Returns the number of failing cases."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = corpus()
    config = Config()
    causes: dict[str, int] = {}
    runs = {target: 0 for target in targets}
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory(prefix="speclint-fuzz-") as scratch:
        while time.monotonic() < deadline and (cases is None or sum(runs.values()) < cases):
            target = targets[sum(runs.values()) % len(targets)]
            runs[target] += 1
            folder = Path(scratch) / str(sum(runs.values()))
            folder.mkdir()
            failure = run_case(target, rng, texts, config, folder)
            if failure is None:
                continue
            if failure.cause not in causes:
                path = save(failure, out, len(causes) + 1, seed)
                say(f"FAIL {failure.cause} ({failure.target}): {path}")
            causes[failure.cause] = causes.get(failure.cause, 0) + 1
    say("cases: " + ", ".join(f"{target} {count}" for target, count in runs.items()))
    for cause, count in causes.items():
        say(f"  {count:>5} x {cause}")
    say(f"{sum(causes.values())} failing cases, {len(causes)} distinct; written to {out}" if causes else "no failures")
    return sum(causes.values())


TARGETS = ["read", "lint", "fix", "report", "config", "docx", "pdf"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run (default: 1)")
    parser.add_argument("--seed", type=int, default=0, help="random seed: the same seed makes the same cases")
    parser.add_argument("--cases", type=int, help="stop after this many cases (default: when the time is up)")
    parser.add_argument("--target", action="append", choices=TARGETS, help="what to fuzz (repeatable; default: all)")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "speclint-fuzz"), help="folder for failing inputs")
    args = parser.parse_args(argv)
    os.environ.setdefault("SPECLINT_NO_CACHE", "1")
    os.environ.pop("SPECLINT_LANGUAGETOOL_URL", None)  # no server: G590 stays quiet, as in the tests
    failures = campaign(args.minutes * 60, args.seed, args.target or TARGETS, Path(args.out), cases=args.cases)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
