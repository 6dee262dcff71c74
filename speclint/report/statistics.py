"""``--statistics``: counts per rule instead of the findings (like ``ruff check --statistics``)."""

from __future__ import annotations

from collections import Counter

# --statistics replaces the list of findings with counts; these formats can carry counts.
STATISTICS_FORMATS = ("text", "json")


def rule_statistics(results) -> list[dict]:
    """Findings per rule, most frequent first: code, rule, count, and how many --fix / --unsafe-fixes can fix."""
    counts: Counter = Counter()
    fixes: dict[str, Counter] = {}
    names: dict[str, str] = {}
    for result in results:
        for v in result.violations:
            counts[v.code] += 1
            names[v.code] = v.rule
            fixes.setdefault(v.code, Counter())[v.fix] += 1
    return [
        {"code": code, "rule": names[code], "count": count, "fixable": fixes[code]["safe"], "unsafe_fixable": fixes[code]["unsafe"]}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def write_statistics(results, stream, options=None) -> None:
    """``--statistics``: counts per rule instead of the findings (like ``ruff check --statistics``)."""
    options = options or {}
    rows = rule_statistics(results)
    if options.get("format") == "json":
        import json

        json.dump(rows, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    width = max((len(row["rule"]) for row in rows), default=4)
    for row in rows:
        fixable = [f"{row['fixable']} fixable with --fix"] if row["fixable"] else []
        fixable += [f"{row['unsafe_fixable']} fixable with --unsafe-fixes"] if row["unsafe_fixable"] else []
        stream.write(f"{row['count']:>5}  {row['code']:<6} {row['rule']:<{width}}  {', '.join(fixable)}".rstrip() + "\n")
    if options.get("quiet"):
        return
    total = sum(row["count"] for row in rows)
    linted = sum(1 for r in results if r.error is None)
    files = f"{linted} file{'s' if linted != 1 else ''}"
    if total:
        with_problems = sum(1 for r in results if r.violations)
        rules = f"{len(rows)} rule{'s' if len(rows) != 1 else ''}"
        stream.write(f"Found {total} problem{'s' if total != 1 else ''} ({rules}) in {with_problems} of {files}.\n")
    else:
        stream.write(f"No problems found in {files}.\n")
