"""Benchmarks for EasyMaker Local's training and tuning runners. Prints figures and ratios; asserts nothing.

1. Search quality: best value of a synthetic objective after N trials, BAYESIAN_OPTIMIZATION (TPE) against RANDOM,
   median over 10 seeds, with the samplers the tuning runner builds (ratio < 1 means TPE finds better values).
2. Start latency: time from ``TrainingRunner.run()`` to the entry point's first line, against the bare start of
   the same interpreter (``python -c`` through subprocess) measured in the same run. Target ≤ 1 s.
3. Parallel trials: wall time of a tuning with ``parallelTrialCount=2`` against 1 (trials that sleep, so the two
   cores of a busy machine are not the limit). Target ≤ 0.6×.

Run: ``.venv/bin/python bench/tuning.py`` (about a minute).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import optuna

from easymaker.local.runners.base import JobContext
from easymaker.local.runners.training import TrainingRunner
from easymaker.local.runners.tuning import HyperparameterTuningRunner
from easymaker.local.runners.tuning_config import parse_tuning_config
from easymaker.local.runners.tuning_search import make_sampler

OBS = "obs://bench/v1/AUTH_bench/bucket"


class FolderUris:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, uri: str) -> Path:
        return self.root / uri.split("://", 1)[1].strip("/")

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        shutil.copytree(self.path(uri), dest_dir, dirs_exist_ok=True)
        return dest_dir

    def publish(self, src: Path, uri: str) -> int:
        shutil.copytree(src, self.path(uri), dirs_exist_ok=True)
        return sum(1 for p in src.rglob("*") if p.is_file())

    def local_path(self, uri: str) -> Path | None:
        return None


def make_ctx(root: Path, kind: str, job_id: str, resource: dict[str, Any], script: str) -> JobContext:
    uris = FolderUris(root / "store")
    src = uris.path(f"{OBS}/{job_id}/src/")
    src.mkdir(parents=True, exist_ok=True)
    (src / "main.py").write_text(textwrap.dedent(script))
    resource.update(sourceDirUri=f"{OBS}/{job_id}/src/", entryPoint="main.py", modelUploadUri=f"{OBS}/{job_id}/model/")
    work = root / "jobs" / job_id
    work.mkdir(parents=True)
    return JobContext(
        job_id=job_id,
        kind=kind,
        appkey="bench",
        resource=resource,
        work_dir=work,
        uris=uris,
        set_status=lambda s, r: None,
        update=resource.update,
        settings={"stop_grace_seconds": 1},
    )


# -- 1. search quality ----------------------------------------------------------------------------------------------

CENTER = [1.3, -2.2, 0.7, 3.1]


def synthetic(params: dict[str, float]) -> float:
    """A shifted sphere in 4 dimensions over [-5, 5]^4 plus a ripple; minimum about 0 at CENTER."""
    import math

    return sum(
        (params[f"x{i}"] - c) ** 2 + 0.3 * (1 - math.cos(2 * (params[f"x{i}"] - c))) for i, c in enumerate(CENTER)
    )


def best_after(strategy: str, seed: int, n_trials: int) -> float:
    resource = {
        "hyperparameterSpecList": [
            {
                "hyperparameterName": f"x{i}",
                "hyperparameterTypeCode": "double",
                "hyperparameterMinValue": "-5",
                "hyperparameterMaxValue": "5",
            }
            for i in range(len(CENTER))
        ],
        "objectiveMetric": {"name": "loss"},
        "objectiveTypeCode": "MINIMIZE",
        "tuningStrategyName": strategy,
        "tuningStrategyRandomState": seed,
        "maxTrialCount": n_trials,
    }
    cfg = parse_tuning_config(resource)
    study = optuna.create_study(sampler=make_sampler(cfg, seed), direction="minimize")
    dists = {s.name: s.distribution(cfg.strategy) for s in cfg.specs}
    for _ in range(n_trials):
        trial = study.ask(dists)
        study.tell(trial, synthetic(trial.params))
    return float(study.best_value)


def bench_search(n_trials: int, seeds: int) -> None:
    tpe = [best_after("BAYESIAN_OPTIMIZATION", s, n_trials) for s in range(seeds)]
    rnd = [best_after("RANDOM", s, n_trials) for s in range(seeds)]
    m_tpe, m_rnd = statistics.median(tpe), statistics.median(rnd)
    print(f"[search] best value after {n_trials} trials, median of {seeds} seeds (lower is better)")
    print(f"[search]   BAYESIAN_OPTIMIZATION {m_tpe:.4f}   RANDOM {m_rnd:.4f}   ratio TPE/random {m_tpe / m_rnd:.3f}")


# -- 2. start latency -----------------------------------------------------------------------------------------------

FIRST_LINE = """
import time, os
open(os.path.join(os.environ["EM_MODEL_DIR"], "t"), "w").write(repr(time.time()))
"""


def bench_start(root: Path, repeats: int) -> None:
    bare = []
    for _ in range(repeats):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", "import time; print(repr(time.time()))"], capture_output=True, text=True
        )
        bare.append(float(out.stdout) - t0)
    runner = []
    for i in range(repeats):
        ctx = make_ctx(root, "training", f"start-{i}", {"trainingId": f"start-{i}"}, FIRST_LINE)
        t0 = time.time()
        TrainingRunner().run(ctx)
        runner.append(float((ctx.work_dir / "model" / "t").read_text()) - t0)
    m_bare, m_run = statistics.median(bare), statistics.median(runner)
    print(
        f"[start] run() -> entry point first line: median {m_run * 1000:.0f} ms over {repeats} runs (target <= 1000 ms)"
    )
    print(f"[start]   bare interpreter start {m_bare * 1000:.0f} ms; ratio runner/bare {m_run / m_bare:.2f}")


# -- 3. parallel trials ---------------------------------------------------------------------------------------------

SLEEPY = """
import time
time.sleep(0.5)
print("loss=1.0")
"""


def tuning_wall(root: Path, parallel: int, trials: int) -> float:
    resource: dict[str, Any] = {
        "hyperparameterTuningId": f"par-{parallel}",
        "hyperparameterSpecList": [
            {
                "hyperparameterName": "x",
                "hyperparameterTypeCode": "int",
                "hyperparameterMinValue": "0",
                "hyperparameterMaxValue": "100",
            }
        ],
        "objectiveMetric": {"name": "loss"},
        "objectiveTypeCode": "MINIMIZE",
        "tuningStrategyName": "RANDOM",
        "tuningStrategyRandomState": 0,
        "maxTrialCount": trials,
        "parallelTrialCount": parallel,
    }
    ctx = make_ctx(root, "hyperparameter_tuning", f"par-{parallel}", resource, SLEEPY)
    t0 = time.monotonic()
    HyperparameterTuningRunner().run(ctx)
    elapsed = time.monotonic() - t0
    assert resource["successfulTrialCount"] == trials, resource.get("hyperparameterTuningStatusReason")
    return elapsed


def bench_parallel(root: Path, trials: int) -> None:
    tuning_wall(root / "warm", 1, 1)  # import Optuna and SQLAlchemy outside the measurement
    one = tuning_wall(root, 1, trials)
    two = tuning_wall(root, 2, trials)
    print(
        f"[parallel] {trials} trials of 0.5 s: parallelTrialCount=1 {one:.2f} s, =2 {two:.2f} s, ratio {two / one:.2f} (target <= 0.6)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40, help="trials per search in the quality benchmark")
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bench_start(root / "start", repeats=7)
        bench_parallel(root / "parallel", trials=8)
        bench_search(args.trials, args.seeds)


if __name__ == "__main__":
    main()
