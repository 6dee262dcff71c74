"""speclint at scale: single-file latency, throughput on a generated corpus, peak memory, and proselint on the same files.

    pip install '.[bench]'                       # proselint, for the comparison
    python benchmarks/bench.py                   # 1,000 generated specs
    python benchmarks/bench.py --specs 200 --runs 3

The corpus is made from specs/ (seeds and clean specs): each generated spec is one of them with
its duty lines shuffled, its numbers changed and, for half of them, defects injected (typos,
fused redline words, comment anchors, HTML, a stale date), so no two files are the same text.
Every figure is wall time of fresh processes, as a user or a CI job sees it.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "specs").glob("*/*.txt")) + sorted((ROOT / "specs").glob("*/*.md"))
DEFECTS = [
    lambda line: line.replace("receive", "recieve", 1),
    lambda line: line.replace("supervision", "supervisiondirection", 1),
    lambda line: line + "[GK1]",
    lambda line: "<ul style=\"list-style-type: none\">" + line,
    lambda line: re.sub(r"\busing\b", "useing", line, count=1),
    lambda line: line.replace(" the ", " the the ", 1),
    lambda line: line.replace("separate", "seperate", 1),
]


def make_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` varied specs in ``folder`` (deterministic for a seed)."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in SOURCES]
    paths = []
    for index in range(count):
        source = index % len(texts)
        lines = texts[source].split("\n")
        duties = [i for i, line in enumerate(lines) if line.lstrip().startswith(("-", "•", "\u2022")) or re.match(r"\s*\d+\.\s", line)]
        shuffled = [lines[i] for i in duties]
        rng.shuffle(shuffled)
        for i, line in zip(duties, shuffled, strict=True):
            lines[i] = line
        lines = [re.sub(r"\b(\d{2,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), line) for line in lines]
        if index % 2:
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(len(lines))
                lines[at] = rng.choice(DEFECTS)(lines[at])
        suffix = SOURCES[source].suffix
        path = folder / f"spec{index:05d}{suffix}"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def command(name: str) -> list[str] | None:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    return [found] if found else None


def timed(argv: list[str], runs: int, env: dict | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(env or os.environ, NO_COLOR="1"))
        times.append(time.perf_counter() - started)
    return times


# A fixed piece of pure-Python work, timed inside its own process.
_WORK = "import time\nstarted = time.perf_counter()\ntotal = 0\nfor i in range(3_000_000): total += i\nprint(time.perf_counter() - started)"


def machine_check() -> str:
    """How fast the machine is just now: the fixed work alone, then two copies at once. On a 2-core machine
    with both cores free the two figures are about the same; when the second is much larger, the machine (a
    virtual one, shared) gives less than two cores, and a run over many files, which uses both, slows most."""

    def times(copies: int) -> list[float]:
        runs = [subprocess.Popen([sys.executable, "-c", _WORK], stdout=subprocess.PIPE, text=True) for _ in range(copies)]
        return [float(run.communicate()[0]) for run in runs]

    alone, both = min(times(1) + times(1)), max(times(2))
    return f"machine check (fixed Python work): {alone:.2f} s alone, {both:.2f} s with two at once"


def peak_memory_mb(argv: list[str]) -> float:
    """Peak resident memory of one run, its worker processes included (the largest of them)."""
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True).stdout
    return int(out.strip()) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it")
    args = parser.parse_args()
    speclint = command("speclint")
    if speclint is None:
        print("speclint is not installed (pip install .)", file=sys.stderr)
        return 2
    proselint = command("proselint")
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="speclint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = make_corpus(folder, args.specs)
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; corpus: {len(files)} specs, {megabytes:.1f} MB in {folder}")
    print(f"runs per figure: {args.runs} (median shown, min in brackets)")
    print(f"{machine_check()}, before\n")

    def report(label: str, times: list[float], files_count: int | None = None) -> float:
        median = statistics.median(times)
        rate = f"; {files_count / median:.0f} files/s, {megabytes / median:.2f} MB/s" if files_count else ""
        print(f"{label}: {median:.2f} s (min {min(times):.2f}){rate}")
        return median

    check = [*speclint, "check", "--quiet", "--exit-zero"]
    if _has_no_cache(speclint):  # measure the work itself, not a cache left by an earlier run
        check.append("--no-cache")
    # One clean spec (files[0]) and one that misses required sections, which costs more: jsonschema is
    # imported to explain them. The command keeps compiled patterns in the user's cache folder after its
    # first run, as Python keeps .pyc files: one run first, then the timed ones.
    clean, defective = files[0], _missing_sections(speclint, files[: len(SOURCES)])
    timed([*check, str(clean)], 1)
    single = max(
        report("speclint, one clean spec (process start to exit)", timed([*check, str(clean)], args.runs * 3)),
        report("speclint, one spec missing sections (process start to exit)", timed([*check, str(defective)], args.runs * 3)),
    )
    no_pattern_cache = dict(os.environ, SPECLINT_NO_CACHE="1")
    afresh = timed([*check, str(defective)], args.runs * 3, no_pattern_cache)
    report("speclint, one spec missing sections, patterns compiled afresh", afresh)
    corpus = report(f"speclint, {len(files)} specs", timed([*check, str(folder)], args.runs), len(files))
    warm_time = None
    if _has_no_cache(speclint):
        warm = [*speclint, "check", "--quiet", "--exit-zero", str(folder)]
        timed(warm, 1)
        warm_time = report(f"speclint, {len(files)} unchanged specs, cache warm", timed(warm, args.runs), len(files))
    memory = peak_memory_mb([*check, str(folder)])
    print(f"speclint peak memory ({len(files)} specs): {memory:.0f} MB")
    targets = [
        ("one file under 0.3 s", single < 0.3, f"{single:.2f} s"),
        (f"{len(files)} specs under {5 * len(files) / 1000:g} s", corpus < 5 * len(files) / 1000, f"{corpus:.2f} s"),
        ("peak memory under 200 MB", memory < 200, f"{memory:.0f} MB"),
    ]
    if warm_time is not None:
        targets.append((f"{len(files)} unchanged specs well under 1 s", warm_time < 1, f"{warm_time:.2f} s"))
    if proselint is None:
        print("\nproselint is not installed (pip install '.[bench]'): no comparison")
    else:
        prose_single = report("\nproselint, one file", timed([*proselint, "check", str(files[0])], args.runs * 3))
        prose_corpus = report(f"proselint, {len(files)} specs", timed([*proselint, "check", str(folder)], args.runs), len(files))
        ratios = f"one file {single / prose_single:.2f}, corpus {corpus / prose_corpus:.2f}"
        print(f"\nspeclint / proselint wall time: {ratios} (below 1 = speclint faster)")
        targets.append(("not slower than proselint on the corpus", corpus <= prose_corpus, f"{corpus / prose_corpus:.2f}x"))
    print(f"\n{machine_check()}, after")
    print("\ntargets (issue 8):")
    for name, met, figure in targets:
        print(f"  {'met    ' if met else 'NOT MET'}  {name}: {figure}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _missing_sections(speclint: list[str], candidates: list[Path]) -> Path:
    """The first spec speclint finds a required section or the FLSA status missing in."""
    import json

    out = subprocess.run([*speclint, "check", "--format", "json", "--no-cache", *map(str, candidates)], capture_output=True, text=True)
    codes = {(item["path"], item["code"]) for item in json.loads(out.stdout or "[]")}
    for path in candidates:
        if any((str(path), code) in codes for code in ("S102", "S103", "S104", "S105", "S107", "F201")):
            return path
    return candidates[-1]


def _has_no_cache(speclint: list[str]) -> bool:
    help_text = subprocess.run([*speclint, "check", "--help"], capture_output=True, text=True).stdout
    return "--no-cache" in help_text


if __name__ == "__main__":
    sys.exit(main())
