"""Run every benchmark (bench/bench_*.py) in turn; each prints its own table (and the
incident counting its scale table too).

python3 bench/run_all.py [NAME ...]   # e.g. counting split; default: all
"""

import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# Benchmarks run a second time with these arguments, for a table of their own.
SECOND_RUNS = {"bench_counting": ["--scale"]}


def main() -> int:
    wanted = set(sys.argv[1:])
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if wanted:
        scripts = [script for script in scripts if any(name in script.stem for name in wanted)]
    failed = []
    runs = [(script, []) for script in scripts]
    runs += [(script, SECOND_RUNS[script.stem]) for script in scripts if script.stem in SECOND_RUNS]
    for script, arguments in runs:
        name = " ".join([script.stem, *arguments])
        print(f"\n=== {name} ===", flush=True)
        if subprocess.run([sys.executable, str(script), *arguments], cwd=BENCH_DIR.parent).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
