"""Wall time of `speclint check` from process start to exit, as a user or a pre-commit hook sees it.

    python benchmarks/lint_specs.py                  # all of specs/, and one spec alone
    python benchmarks/lint_specs.py --runs 10 PATH   # any files or folders

Each target is run --runs times as a fresh process (dictionary load included, nothing cached
between runs); the minimum, median and maximum wall time and the peak memory are printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def speclint_command() -> list[str]:
    """The console script a user runs: the one beside this Python, else the first on PATH."""
    script = shutil.which("speclint", path=str(Path(sys.executable).parent)) or shutil.which("speclint")
    return [script] if script else [sys.executable, "-m", "speclint"]


def measure(paths: list[str], runs: int) -> tuple[list[float], int]:
    command = [*speclint_command(), "check", "--quiet", "--exit-zero", *paths]
    environment = dict(os.environ, NO_COLOR="1")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=environment, cwd=ROOT)
        times.append(time.perf_counter() - started)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return times, peak_kb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="default: specs/, then one seed spec alone")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    targets = [[path] for path in args.paths] or [["specs"], [str(next(iter(sorted((ROOT / "specs" / "seeds").glob("*.txt")))))]]
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs each")
    for paths in targets:
        files = [p for path in paths for p in ([Path(path)] if Path(path).is_file() else sorted(Path(ROOT, path).rglob("*.*")))]
        size = sum(p.stat().st_size for p in files if p.is_file())
        times, peak_kb = measure(paths, args.runs)
        print(
            f"{' '.join(paths)}: {len(files)} files, {size / 1024:.0f} KB: "
            f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s; "
            f"peak memory {peak_kb / 1024:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
