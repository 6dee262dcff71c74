#!/usr/bin/env bash
# Machine instructions per spec, counted by valgrind (cachegrind): a figure a busy or shared machine does not
# move, for comparing two versions of the code. Lints N specs of bench.py's corpus in one warm process and
# subtracts a run that only warms up. Python's hash seed is fixed: with another seed the count moves by ~1%.
#
#   benchmarks/instructions.sh [N]        # N specs (default 60), with the speclint of the python on PATH
#   PYTHON=.venv/bin/python benchmarks/instructions.sh 100
set -euo pipefail
n=${1:-60}
python=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
"$python" -c "import sys; sys.path.insert(0, '$here'); from bench import make_corpus; from pathlib import Path; make_corpus(Path('$folder'), 25 + $n)"
cat > "$folder/run.py" <<'PY'
import sys
from pathlib import Path
from speclint.config import Config
from speclint.lint import lint_path
files = sorted(str(path) for path in Path(sys.argv[1]).glob("*.txt"))
config = Config()
for path in files[: 25 + int(sys.argv[2])]:  # the first 25 load the lexicon and fill the memos
    lint_path(path, config)
PY
count() { PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$python" "$folder/run.py" "$folder" "$1" 2>&1 | awk '/I *refs/ {gsub(",", "", $4); print $4}'; }
warm=$(count 0)
total=$(count "$n")
"$python" -c "print(f'{($total - $warm) / $n / 1e6:.2f} M instructions per spec ($n specs)')"
