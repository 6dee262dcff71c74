"""CPU time per stage and per rule over generated specs, in one warm process: where a corpus run's time goes.

    python benchmarks/rule_costs.py            # 300 specs from benchmarks/bench.py's generator
    python benchmarks/rule_costs.py --specs 100 --top 20

Shared work (the word lists, the literal-test text) is timed on its own, before the rules that use it;
shared work only some rules ask for (Token objects, sentences, weights) counts for the first rule that asks.
Process CPU time, not wall time, so another busy process on the machine disturbs it less.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import make_corpus  # noqa: E402

from speclint.config import Config  # noqa: E402
from speclint.engine import RuleContext  # noqa: E402
from speclint.parse import parse_spec  # noqa: E402
from speclint.prefilter import text_forms  # noqa: E402
from speclint.read import read_path  # noqa: E402
from speclint.validate import validate  # noqa: E402
from speclint.words.tokens import lower_word_texts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=int, default=300)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="speclint-costs-"))
    files = [str(path) for path in make_corpus(folder, args.specs)]
    config = Config()
    rules = config.rules
    enabled = config.enabled_rules(files[0])
    costs: Counter[str] = Counter()

    def timed(name: str, work):
        started = time.process_time()
        value = work()
        costs[name] += time.process_time() - started
        return value

    for path in files[:1]:  # load the lexicon, schemas and tables before measuring
        ctx = RuleContext(parse_spec(read_path(path)), options=config.rule_options)
        for rule in enabled:
            list(rule.check(ctx))
    costs.clear()
    began = time.process_time()
    for path in files:
        source = timed("read", lambda path=path: read_path(path))
        spec = timed("parse", lambda source=source: parse_spec(source))
        timed("validate", lambda spec=spec: validate(spec, rules, config.schema))
        ctx = RuleContext(spec, options=config.rule_options)
        timed("(word lists)", lambda ctx=ctx: lower_word_texts(ctx))  # and the lists it is made from
        timed("(literal-test text)", lambda ctx=ctx: text_forms(ctx))
        for rule in enabled:
            timed(rule.code, lambda rule=rule, ctx=ctx: list(rule.check(ctx)))
    total = time.process_time() - began
    print(f"{len(files)} specs: {total / len(files) * 1000:.2f} ms of CPU per spec")
    for name, seconds in costs.most_common(args.top):
        print(f"{name:22} {seconds / len(files) * 1000:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
