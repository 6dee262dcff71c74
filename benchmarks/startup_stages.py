"""Where one cold run's time goes: imports, loading rules, parse, validate, and each rule.

    python benchmarks/startup_stages.py specs/seeds/000_90af5b79ccae96a7.txt

Run it a few times: the first run after an install also compiles .pyc files.
"""

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

from speclint.config import Config  # noqa: E402

IMPORTED = time.perf_counter()

from speclint.engine import RuleContext  # noqa: E402
from speclint.parse import parse_spec  # noqa: E402
from speclint.read import read_path  # noqa: E402
from speclint.validate import validate  # noqa: E402


def main(path: str) -> None:
    config = Config()
    rules = config.rules
    loaded = time.perf_counter()
    began = time.perf_counter()
    spec = parse_spec(read_path(path))
    parsed = time.perf_counter() - began
    began = time.perf_counter()
    list(validate(spec, rules, config.schema))
    validated = time.perf_counter() - began
    ctx = RuleContext(spec, options=config.rule_options)
    cost = {}
    for rule in config.enabled_rules(path):
        began = time.perf_counter()
        list(rule.check(ctx))
        cost[rule.code] = time.perf_counter() - began
    total = time.perf_counter() - STARTED
    print(
        f"import {IMPORTED - STARTED:.3f} s, load rules {loaded - IMPORTED:.3f} s, read+parse {parsed:.3f} s, "
        f"validate {validated:.3f} s, rules {sum(cost.values()):.3f} s; total {total:.3f} s (after Python's own start)"
    )
    slowest = sorted(cost.items(), key=lambda item: -item[1])[:10]
    print("slowest rules (the first to need the lexicon pays for loading it):", ", ".join(f"{c} {t * 1000:.0f} ms" for c, t in slowest))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "specs/seeds/000_90af5b79ccae96a7.txt")
