"""Run every benchmark (bench/bench_*.py) in turn; each prints its own table.

python3 bench/run_all.py [NAME ...]   # e.g. counting split; default: all
"""

import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> int:
    wanted = set(sys.argv[1:])
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if wanted:
        scripts = [script for script in scripts if any(name in script.stem for name in wanted)]
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=BENCH_DIR.parent).returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
