"""Run every benchmark in this folder, one after the other (each prints its own table of ratios).

Usage: python bench/run_all.py [name ...]   e.g. `python bench/run_all.py local_api tuning`
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "local_api",
    "sdk_overhead",
    "first_call",
    "predict_loop",
    "scale",
    "tuning",
    "serving",
    "batch",
    "transfer",
    "object_get",
    "console",
    "observe",
    "objectstore_space",
]


def unlisted() -> list[str]:
    """Benchmarks in this folder that ORDER does not list (each one must be run by ``make bench``)."""
    return sorted(p.stem for p in HERE.glob("*.py") if p.stem not in ORDER and p.stem != "run_all")


def main(argv: list[str]) -> int:
    missing = unlisted()
    if missing:
        print(f"benchmark(s) missing from ORDER in bench/run_all.py: {', '.join(missing)}", file=sys.stderr)
        return 2
    names = argv or ORDER
    unknown = [n for n in names if not (HERE / f"{n}.py").is_file()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(ORDER)}", file=sys.stderr)
        return 2
    failed = []
    for name in names:
        print(f"\n===== bench/{name}.py =====", flush=True)
        if subprocess.run([sys.executable, str(HERE / f"{name}.py")], cwd=HERE.parent).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
