"""The ``speclint`` command: check, parse, rules, explain."""

from __future__ import annotations

import argparse
import fnmatch
import gc
import os
import sys
from pathlib import Path

from speclint import __version__
from speclint.config import ConfigError, Overrides, resolve
from speclint.violation import SEVERITIES, at_least

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="speclint",
        description="Lint public-sector job classification specifications (class specs).",
    )
    parser.add_argument("--version", action="version", version=f"speclint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser("check", help="lint spec files and folders")
    check.add_argument("paths", nargs="+", metavar="PATH", help="spec files or folders (searched recursively); - reads standard input")
    check.add_argument(
        "--format", choices=["text", "json", "html", "sarif", "github", "junit"], default="text", help="output format (default: text)"
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of the terminal (folders are created)")
    check.add_argument("--statistics", action="store_true", help="count the problems per rule instead of listing them (text or json)")
    _add_config_options(check)
    check.add_argument(
        "--select", type=_codes, action="extend", metavar="CODES", help="only these rules (codes, prefixes or names, comma-separated)"
    )
    check.add_argument("--ignore", type=_codes, action="extend", default=[], metavar="CODES", help="skip these rules")
    check.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found (read and config errors still exit 2)")
    check.add_argument("--include", action="append", default=[], metavar="GLOB", help="file pattern to lint inside folders (repeatable)")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="file or folder pattern to skip (repeatable)")
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the file name standard input (-) stands for: its type, its config and the path shown (default: <stdin>.txt)",
    )
    check.add_argument("--fix", action="store_true", help="apply the fixes the rules are sure of, then report what is left")
    check.add_argument("--diff", action="store_true", help="print what --fix would change as a diff, change nothing (exit 1 if it would)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: also apply likely fixes (spelling suggestions)")
    check.add_argument("-q", "--quiet", action="store_true", help="no closing summary")
    check.add_argument("-j", "--jobs", type=_positive, metavar="N", help="processes to lint with (default: one per core)")
    check.add_argument(
        "--no-cache", action="store_true", help="lint every file afresh; do not read or write .speclint_cache/ (also: $SPECLINT_NO_CACHE)"
    )
    check.add_argument("-v", "--verbose", action="store_true", help="say on stderr what was left out (LanguageTool off or not answering)")
    check.add_argument(
        "--dump-text", action="store_true", help="print the text the rules see (for Word and PDF: the text view), numbered; lint nothing"
    )
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", metavar="FILE", help="report only problems not recorded in this baseline file")
    baseline.add_argument("--write-baseline", metavar="FILE", help="record every problem found now in FILE, accepting them (exit 0)")
    check.add_argument("--prune-baseline", action="store_true", help="with --baseline: remove entries whose problems are no longer found")

    parse = commands.add_parser("parse", help="print the parsed model of specs")
    parse.add_argument("paths", nargs="+", metavar="PATH")
    parse.add_argument("--format", choices=["json", "text"], default="json")
    _add_config_options(parse)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    _add_config_options(rules)

    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", metavar="CODE", help="a rule code (M602) or name (comment-anchor)")
    _add_config_options(explain)

    config = commands.add_parser("config", help="show the configuration that applies to a spec or folder")
    config.add_argument("--show", action="store_true", help="print the merged configuration and where each value came from")
    config.add_argument("path", nargs="?", default=".", metavar="PATH", help="a spec file or folder (default: the current folder)")
    config.add_argument("--format", choices=["text", "json"], default="text")
    _add_config_options(config)
    config.add_argument("--select", type=_codes, action="extend", metavar="CODES", help="as for check: shows the value it gives")
    config.add_argument("--ignore", type=_codes, action="extend", default=[], metavar="CODES", help="as for check")
    config.add_argument("--fail-on", choices=SEVERITIES, help="as for check")
    config.add_argument("--include", action="append", default=[], metavar="GLOB", help="as for check")
    config.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="as for check")
    return parser


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")


def main(argv: list[str] | None = None) -> int:
    # A lint run allocates many small objects that live until it ends (rules, the lexicon, tokens);
    # Python's default collector would scan them again and again for cycles: a fifth of the run time.
    gc.set_threshold(100_000, 50, 100)
    args = build_parser().parse_args(argv)
    handler = {"check": run_check, "parse": run_parse, "rules": run_rules, "explain": run_explain, "config": run_config}[args.command]
    notes = _notes_on_stderr() if getattr(args, "verbose", False) else None
    try:
        return handler(args)
    except BrokenPipeError:
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("speclint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if notes is not None:
            notes()


def _notes_on_stderr():
    """-v: what speclint logs at INFO (LanguageTool off or unreachable) goes to stderr, each message once per run.

    Returns the function that stops it again.
    """
    import logging

    said: set[str] = set()

    class Notes(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if message not in said:
                said.add(message)
                print(f"speclint: {message}", file=sys.stderr)

    logger, handler = logging.getLogger("speclint"), Notes(logging.INFO)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def stop() -> None:
        logger.removeHandler(handler)
        logger.setLevel(level)

    return stop


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


# -- check -------------------------------------------------------------------
def collect_files(paths: list[str], overrides: Overrides) -> tuple[list[str], list[str]]:
    """Files to lint, and one-line errors for paths that cannot be used."""
    files: list[str] = []
    errors: list[str] = []
    for given in paths:
        if given == "-":  # standard input (speclint.run.STDIN); a file named "-" is "./-"
            files.append(given)
            continue
        if not os.path.lexists(given):
            errors.append(f"{given}: no such file or directory")
            continue
        if not os.path.isdir(given):
            files.append(given)
            continue
        try:
            config = resolve(given, overrides)
        except ConfigError as error:
            errors.append(str(error))
            continue
        for folder, dirs, names in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not _matches_any(d, config.exclude))
            for name in sorted(names):
                if _matches_any(name, config.include) and not _matches_any(name, config.exclude):
                    files.append(os.path.join(folder, name))
    unique = list(dict.fromkeys(files))
    return unique, errors


def _matches_any(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def run_check(args) -> int:
    from speclint.fix import apply_fixes, show_diffs
    from speclint.progress import progress_for
    from speclint.run import lint_files

    problem = _report_option_problem(args)
    if problem:
        _error(problem)
        return EXIT_ERROR
    overrides = Overrides(
        config_file=args.config,
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
        include=args.include,
        exclude=args.exclude,
    )
    files, errors = collect_files(args.paths, overrides)
    if args.dump_text:
        return _dump_text(files, errors, args.stdin_filename)
    bar = progress_for(len(files), quiet=args.quiet)
    try:
        use_cache = not (args.no_cache or os.environ.get("SPECLINT_NO_CACHE"))
        progress = bar.advance if bar else None
        results = lint_files(files, overrides, args.jobs, stdin_name=args.stdin_filename, on_done=progress, use_cache=use_cache)
    finally:
        if bar:
            bar.close()
    if args.diff:
        return show_diffs(results, overrides, args, errors)  # speclint.fix: what --fix would change; writes nothing
    if args.fix:
        results = apply_fixes(results, overrides, args, errors)  # speclint.fix: writes the fixes; unwritable files go to errors
    if getattr(args, "write_baseline", None) or getattr(args, "baseline", None) or getattr(args, "prune_baseline", False):
        from speclint.baseline import apply_baseline  # (only then: its imports cost a one-file run 5 ms)

        results = apply_baseline(results, args)
    failed = any(at_least(v.severity, result.fail_on) for result in results for v in result.violations)
    rule_errors = [message for r in results for message in r.rule_errors]
    for message in dict.fromkeys(errors + [r.error for r in results if r.error] + rule_errors):
        _error(message)
    if not _report(results, errors, overrides, args):
        return EXIT_ERROR
    if errors or rule_errors or any(r.error for r in results):
        return EXIT_ERROR  # a rule that failed is a speclint bug: the run cannot vouch for the file
    if failed and not args.exit_zero:
        return EXIT_VIOLATIONS
    return EXIT_CLEAN


def _dump_text(files: list[str], errors: list[str], stdin_name: str | None) -> int:
    """`check --dump-text`: each file's text view as the rules see it, numbered; line numbers are the ones findings give."""
    from speclint.read import ReadError, read_bytes, read_limited, read_path

    for message in errors:
        _error(message)
    failed = bool(errors)
    for path in files:
        try:
            if path == "-":
                name = stdin_name or "<stdin>.txt"
                source = read_bytes(read_limited(sys.stdin.buffer, name), name)  # the same 20 MB limit as a file
            else:
                source = read_path(path)
        except ReadError as error:
            _error(str(error))
            failed = True
            continue
        print(f"==> {source.path} ({source.kind}, {len(source.lines)} lines) <==")
        for number, line in enumerate(source.lines, 1):
            page = f"p{source.pages[number - 1]:<3} " if source.pages and number <= len(source.pages) else ""
            print(f"{number:>5}  {page}{line}")
    return EXIT_ERROR if failed else EXIT_CLEAN


def _report_option_problem(args) -> str | None:
    """--format, --statistics and --output that cannot work together, found before any file is linted."""
    from speclint.report.statistics import STATISTICS_FORMATS

    if args.statistics and args.format not in STATISTICS_FORMATS:
        return f"--statistics counts problems in text or json; it cannot be used with --format {args.format}"
    if args.output and os.path.isdir(args.output):
        extension = {"text": "txt", "github": "txt", "junit": "xml"}.get(args.format, args.format)
        return f"{args.output}: is a folder; give --output a file name, such as {os.path.join(args.output, 'speclint.' + extension)}"
    return None


def _report(results, errors: list[str], overrides: Overrides, args) -> bool:
    """Write the report to stdout or --output FILE; False (after a one-line error) when the file cannot be written."""
    from speclint.report import formatter
    from speclint.report.output import ReportWriteError, write_report_file
    from speclint.report.statistics import write_statistics

    write = write_statistics if args.statistics else formatter(args.format)
    options = {"quiet": args.quiet, "format": args.format, "errors": errors, "overrides": overrides, "to_file": bool(args.output)}
    if not args.output:
        write(results, sys.stdout, options)
        return True
    try:
        write_report_file(args.output, lambda stream: write(results, stream, options))
    except ReportWriteError as error:
        _error(str(error))
        return False
    if not args.quiet:
        print(f"speclint: report written to {args.output}", file=sys.stderr)
    return True


# -- parse -------------------------------------------------------------------
def run_parse(args) -> int:
    from speclint.parse import parse_spec
    from speclint.read import ReadError, read_path

    overrides = Overrides(config_file=args.config)
    files, errors = collect_files(args.paths, overrides)
    models = []
    for path in files:
        try:
            models.append(parse_spec(read_path(path)).to_dict())
        except ReadError as error:
            errors.append(str(error))
    for message in errors:
        _error(message)
    if args.format == "json":
        import json

        json.dump(models, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for model in models:
            _print_model(model)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _print_model(model: dict) -> None:
    print(f"{model['path']}")
    print(f"  title: {model['title'] or '(none found)'}" + (f"  (line {model['title_line']})" if model["title_line"] else ""))
    for key, item in model["metadata"].items():
        print(f"  {key}: {item['value']}  (line {item['line']})")
    for item in model["dates"]:
        print(f"  {item['kind']}: {item['text']}  (line {item['line']})")
    for section in model["sections"]:
        print(f"  {section['line']:>4}-{section['end_line']:<4} {section['key']:<32} {section['heading']}")


# -- rules / explain ---------------------------------------------------------
def _rules_for(args):
    config = resolve(Path.cwd(), Overrides(config_file=args.config))
    return config.rules


def run_rules(args) -> int:
    try:
        rules = _rules_for(args)
    except ConfigError as error:
        _error(str(error))
        return EXIT_ERROR
    if args.format == "json":
        import json

        json.dump([rule.summary() for rule in rules], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    if args.format == "markdown":
        sys.stdout.write(rules_table(rules))
        return EXIT_CLEAN
    for rule in rules:
        print(f"{rule.code:<6} {rule.name:<34} {rule.category:<10} {rule.severity:<8} {rule.kind}")
    print(f"{len(rules)} rules. `speclint explain CODE` shows what a rule checks and how to fix it.")
    return EXIT_CLEAN


def rules_table(rules) -> str:
    """The rule reference (docs/rules.md), generated from the rules' own metadata."""
    lines = [
        "# speclint rules",
        "",
        "Generated by `speclint rules --format markdown > docs/rules.md` from the rules' metadata; "
        "`speclint explain CODE` prints a rule's full documentation.",
        "",
        "| Code | Name | Category | Severity | Fixable | What it catches |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        fixable = "yes" if rule.fixable else "no"
        catches = rule.what_it_catches().replace("|", "\\|")
        lines.append(f"| {rule.code} | {rule.name} | {rule.category} | {rule.severity} | {fixable} | {catches} |")
    return "\n".join(lines) + "\n"


def run_explain(args) -> int:
    try:
        rules = _rules_for(args)
    except ConfigError as error:
        _error(str(error))
        return EXIT_ERROR
    rule = rules.get(args.rule)
    if rule is None:
        _error(f"unknown rule {args.rule!r}; `speclint rules` lists them all")
        return EXIT_ERROR
    print(f"{rule.code} {rule.name}")
    print(f"category: {rule.category}    default severity: {rule.severity}    kind: {rule.kind}")
    print()
    print(f"Message: {rule.message}")
    print()
    import textwrap

    print(textwrap.dedent(rule.description).strip())
    for title, examples in (("Fires on", rule.fire_examples), ("Does not fire on", rule.pass_examples)):
        print()
        print(f"{title}:")
        for example in examples:
            print(textwrap.indent(example.rstrip("\n"), "    "))
            print()
    print(f"Silence it on one line with: speclint-disable-line {rule.code}")
    return EXIT_CLEAN


# -- config ------------------------------------------------------------------
def run_config(args) -> int:
    from speclint.show_config import show_config

    if not args.show:
        _error("say what to show: `speclint config --show [PATH]` prints the configuration that applies to PATH")
        return EXIT_ERROR
    if not os.path.exists(args.path):
        _error(f"{args.path}: no such file or directory")
        return EXIT_ERROR
    overrides = Overrides(
        config_file=args.config, select=args.select, ignore=args.ignore, fail_on=args.fail_on, include=args.include, exclude=args.exclude
    )
    try:
        show_config(args.path, overrides, sys.stdout, args.format)
    except ConfigError as error:
        _error(str(error))
        return EXIT_ERROR
    return EXIT_CLEAN
