#!/usr/bin/env bash
# Machine instructions of one `speclint check --no-cache FILE` process, from start to exit, counted by valgrind
# (cachegrind): the one-file (pre-commit hook) cost, as a figure a busy or shared machine does not move. One run
# first, uncounted, makes the start-up cache in ~/.cache/speclint, as any user's first run does. The config beside
# FILE applies, as in any run (for the seed specs: this repository's pyproject.toml).
#
#   benchmarks/startup_instructions.sh [FILE]            # default: the first seed spec; the speclint on PATH
#   SPECLINT=/tmp/bench/bin/speclint benchmarks/startup_instructions.sh specs/clean/accountant-ii.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
file=$(realpath "${1:-$here/../specs/seeds/000_90af5b79ccae96a7.txt}")
speclint=${SPECLINT:-$(command -v speclint)}
"$speclint" check --quiet --exit-zero --no-cache "$file" > /dev/null
count=$(PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$speclint" check --quiet --exit-zero --no-cache "$file" 2>&1 > /dev/null | awk '/I *refs/ {gsub(",", "", $4); print $4}')
python3 -c "print(f'{$count / 1e6:.0f} M instructions: one speclint check of $(basename "$file")')"
