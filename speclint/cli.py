"""The ``speclint`` command: check, parse, rules, explain."""

from __future__ import annotations

import argparse
import fnmatch
import gc
import json
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
    check.add_argument("paths", nargs="+", metavar="PATH", help="spec files or folders (searched recursively)")
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    _add_config_options(check)
    check.add_argument(
        "--select", type=_codes, action="extend", metavar="CODES", help="only these rules (codes, prefixes or names, comma-separated)"
    )
    check.add_argument("--ignore", type=_codes, action="extend", default=[], metavar="CODES", help="skip these rules")
    check.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found (read and config errors still exit 2)")
    check.add_argument("--include", action="append", default=[], metavar="GLOB", help="file pattern to lint inside folders (repeatable)")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="file or folder pattern to skip (repeatable)")
    check.add_argument("-q", "--quiet", action="store_true", help="no closing summary")
    check.add_argument("-j", "--jobs", type=_positive, metavar="N", help="processes to lint with (default: one per core)")
    check.add_argument("-v", "--verbose", action="store_true", help="say on stderr what was left out (LanguageTool off or not answering)")

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
    return parser


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")


def main(argv: list[str] | None = None) -> int:
    # A lint run allocates many small objects that live until it ends (rules, the lexicon, tokens);
    # Python's default collector would scan them again and again for cycles: a fifth of the run time.
    gc.set_threshold(100_000, 50, 100)
    args = build_parser().parse_args(argv)
    handler = {"check": run_check, "parse": run_parse, "rules": run_rules, "explain": run_explain}[args.command]
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
    from speclint.report import FORMATTERS
    from speclint.run import lint_files

    overrides = Overrides(
        config_file=args.config,
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
        include=args.include,
        exclude=args.exclude,
    )
    files, errors = collect_files(args.paths, overrides)
    results = lint_files(files, overrides, args.jobs)
    failed = any(at_least(v.severity, result.fail_on) for result in results for v in result.violations)
    for message in dict.fromkeys(errors + [r.error for r in results if r.error]):
        _error(message)
    FORMATTERS[args.format](results, sys.stdout, {"quiet": args.quiet})
    if errors or any(r.error for r in results):
        return EXIT_ERROR
    if failed and not args.exit_zero:
        return EXIT_VIOLATIONS
    return EXIT_CLEAN


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
