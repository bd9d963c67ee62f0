"""Time to the first answer: a whole Python process doing ``import easymaker; easymaker.init(...);
easymaker.Experiment().get_list()``, ours against the official easymaker 2.1.5, both against the same EasyMaker Local.

The official SDK runs from the throw-away virtualenv ``.bench-venv/`` (created by ``bench/sdk_overhead.py``'s
``ensure_official_venv`` when missing). Both run with bytecode caching on, in one fresh ``PYTHONPYCACHEPREFIX``
folder, after two warm-up runs each: as after ``pip install``, which compiles the installed modules (a source tree
run with ``PYTHONDONTWRITEBYTECODE=1`` would recompile every module of ours in every process and measure the
compiler). The runs alternate between the two SDKs, so both see the same machine load.

Printed: median and best whole-process wall time, the median ``import easymaker`` time (``python -X importtime``,
cumulative time of the top-level package) and a bare ``python -c pass`` for scale; ratios ours / official.
Targets (issue 14): first answer <= 0.5x, ``import easymaker`` <= 0.2x.

Run: ``.venv/bin/python bench/first_call.py [--rounds 15]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from sdk_overhead import OFFICIAL_PY, OURS_PY, REPO, clean_env, ensure_official_venv, import_ms

OURS = """
import os, easymaker
easymaker.init(profile="local", access_token=os.environ["BENCH_TOKEN"], appkey="bench-first-call")
experiments = easymaker.Experiment().get_list()
assert isinstance(experiments, list), experiments
"""
OFFICIAL = """
import os, easymaker
easymaker.init(appkey="bench-first-call", region="kr1", access_token=os.environ["BENCH_TOKEN"], profile="local")
experiments = easymaker.Experiment().get_list()
assert isinstance(experiments, list), experiments
"""


def environments(server_url: str, token: str, home: Path, pycache: Path) -> dict[str, dict[str, str]]:
    base = {k: v for k, v in clean_env().items() if k != "PYTHONDONTWRITEBYTECODE"}
    base.update(BENCH_TOKEN=token, PYTHONPYCACHEPREFIX=str(pycache))
    ours = dict(base, EM_LOCAL_URL=server_url, EASYMAKER_LOCAL_HOME=str(home))
    # this checkout's code, wherever the virtualenv's editable install points
    ours["PYTHONPATH"] = f"{REPO}{os.pathsep}{REPO / 'generated'}"
    official = dict(base, EM_API_URL=server_url)  # the official SDK's way to reach another URL than 127.0.0.1:10090
    return {"ours": ours, "official": official}


def run_once(python: str, code: str, env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    out = subprocess.run([python, "-c", code], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{python} failed:\n{out.stderr[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    ensure_official_venv()
    from easymaker.local.server import LocalServer

    pythons = {"ours": str(OURS_PY), "official": str(OFFICIAL_PY)}
    codes = {"ours": OURS, "official": OFFICIAL}
    with tempfile.TemporaryDirectory(prefix="em-bench-first-") as tmp:
        tmpdir = Path(tmp)
        home = tmpdir / "home"
        workdir = tmpdir / "work"  # not the repository: its easymaker/ folder would shadow the official package
        workdir.mkdir()
        server = LocalServer(home, "127.0.0.1", 0, None, log_file=tmpdir / "server.log").start()
        try:
            envs = environments(server.url, server.token, home, tmpdir / "pycache")
            for sdk in pythons:  # warm-up: bytecode written, server caches filled
                for _ in range(2):
                    run_once(pythons[sdk], codes[sdk], envs[sdk], workdir)
            walls: dict[str, list[float]] = {"ours": [], "official": [], "python": []}
            imports: dict[str, list[float]] = {"ours": [], "official": []}
            for _ in range(args.rounds):
                for sdk in pythons:
                    walls[sdk].append(run_once(pythons[sdk], codes[sdk], envs[sdk], workdir))
                walls["python"].append(run_once(str(OURS_PY), "pass", envs["official"], workdir))
            for _ in range(7):
                for sdk in pythons:
                    imports[sdk].append(import_ms(pythons[sdk], envs[sdk], workdir))
        finally:
            server.stop()

    ours_wall, official_wall = statistics.median(walls["ours"]), statistics.median(walls["official"])
    ours_import, official_import = statistics.median(imports["ours"]), statistics.median(imports["official"])
    print(f"{args.rounds} alternating rounds; import: median of 7 (python -X importtime)\n")
    print(f"{'measure':<46} {'official 2.1.5':>15} {'ours':>10} {'ours/official':>14} {'target':>8}")
    rows = [
        ("first answer, whole process, median [ms]", official_wall * 1000, ours_wall * 1000, "<= 0.50"),
        (
            "first answer, whole process, best [ms]",
            min(walls["official"]) * 1000,
            min(walls["ours"]) * 1000,
            "",
        ),
        ("import easymaker, median [ms]", official_import, ours_import, "<= 0.20"),
    ]
    for label, official, ours, target in rows:
        print(f"{label:<46} {official:>15.1f} {ours:>10.1f} {ours / official:>14.2f} {target:>8}")
    print(f"\nbare 'python -c pass' for scale: median {statistics.median(walls['python']) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
