"""Batch inference benchmark: EasyMaker Local's batch runner against a plain in-process Python loop.

On N JSONL rows of iris features (one row per line, as ``json.dumps`` writes them), measured in the same run:

* anchor: a plain in-process loop over the file: ``json.loads`` per line, ``model.predict`` per 256 rows, one
  ``json.dumps`` output line per row written to a file (no worker process, no HTTP);
* the batch inference runner (``BatchInferenceRunner``, podCount 1, maxBatchSize 256): the whole job from
  CREATE_IN_PROGRESS to COMPLETE (counting, worker start, inference, output files, publishing), in its own process,
  with its peak RSS and its worker's;
* the same runner on ``--big`` rows (10 M by default, the file written by the bench), for the peak RSS: memory is
  bounded by the batches in flight, not by the rows.

Run: ``.venv/bin/python bench/batch.py [--rows 1000000] [--big 10000000]`` (``--big 0`` skips the big run).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import joblib
import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[1]
OBS = "obs://bench/v1/AUTH_bench/bucket"

JOB = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from folder_uris import FolderUris
from easymaker.local.runners.base import JobContext
from easymaker.local.runners.batch import BatchInferenceRunner

root = Path(sys.argv[1])
model = {"modelId": "m1", "modelName": "iris", "modelFormatCode": "SKLEARN",
         "modelUploadUri": "obs://bench/v1/AUTH_bench/bucket/models/iris/"}
res = {"batchInferenceId": "b1", "modelId": "m1", "inputDataUri": "obs://bench/v1/AUTH_bench/bucket/input/",
       "inputDataTypeCode": "JSONL", "maxBatchSize": 256, "inferenceTimeoutSeconds": 600, "podCount": 1,
       "outputUploadUri": "obs://bench/v1/AUTH_bench/bucket/output/", "timeoutMinutes": 120}
times = {}
work = root / "job"
work.mkdir(exist_ok=True)
peak = {"worker": 0}


def hwm(pid):  # peak resident set of a process (VmHWM), in kB
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def watch():
    while True:
        for ready in (work / "run").glob("*.ready.json"):
            try:
                pid = json.loads(ready.read_text())["pid"]
            except (OSError, ValueError, KeyError):
                continue
            peak["worker"] = max(peak["worker"], hwm(pid))
        time.sleep(0.1)


import threading
threading.Thread(target=watch, daemon=True).start()
ctx = JobContext(job_id="b1", kind="batch_inference", appkey="bench", resource=res, work_dir=work,
                 uris=FolderUris(root / "store"),
                 set_status=lambda s, r: (times.__setitem__(s, time.perf_counter()), res.__setitem__("_status", (s, r))),
                 update=lambda f: res.update(f), lookup=lambda k, rid: model)
t0 = time.perf_counter()
BatchInferenceRunner().run(ctx)
total = time.perf_counter() - t0
print(json.dumps({"status": res["_status"], "ok": res.get("success2XxCount"), "total_s": total,
                  "running_s": times.get("COMPLETE_IN_PROGRESS", t0) - times.get("RUNNING", t0),
                  "rss_self_mb": hwm("self") / 1024, "rss_children_mb": peak["worker"] / 1024}))
"""


def write_rows(path: Path, n: int, x: np.ndarray) -> None:
    rng = np.random.default_rng(0)
    with path.open("w") as fh:
        for start in range(0, n, 100_000):
            m = min(100_000, n - start)
            rows = (x[rng.integers(0, len(x), m)] + rng.normal(0, 0.2, (m, 4))).round(3)
            fh.write("".join(json.dumps(r) + "\n" for r in rows.tolist()))


def plain_loop(model: LogisticRegression, src: Path, dst: Path) -> float:
    """The anchor: json per line, predict per 256 rows, one json line per row written."""
    t0 = time.perf_counter()
    with src.open() as fin, dst.open("w") as fout:
        batch: list[list[float]] = []

        def flush() -> None:
            preds = model.predict(np.asarray(batch)).tolist()
            for r, p in zip(batch, preds, strict=True):
                fout.write(json.dumps({"input": r, "prediction": p}, separators=(",", ":")) + "\n")
            batch.clear()

        for line in fin:
            if line.strip():
                batch.append(json.loads(line))
                if len(batch) == 256:
                    flush()
        if batch:
            flush()
    return time.perf_counter() - t0


def run_job(root: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", JOB, str(root), str(REPO / "tests")], capture_output=True, text=True, cwd=REPO
    )
    if out.returncode != 0:
        raise SystemExit(f"batch job failed: {out.stderr[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["status"][0] != "COMPLETE":
        raise SystemExit(f"batch job did not complete: {result['status']}")
    return result


def setup(root: Path, n: int, model: LogisticRegression, x: np.ndarray) -> Path:
    store = root / "store" / "obs" / "bench/v1/AUTH_bench/bucket"
    (store / "models/iris").mkdir(parents=True)
    joblib.dump(model, store / "models/iris/model.joblib")
    (store / "input").mkdir()
    src = store / "input" / "rows.jsonl"
    write_rows(src, n, x)
    return src


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=10_000_000)
    args = parser.parse_args()
    x, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=1000).fit(x, y)

    root = Path(tempfile.mkdtemp(prefix="em-bench-batch-"))
    try:
        src = setup(root, args.rows, model, x)
        loop_s = plain_loop(model, src, root / "loop.out.jsonl")
        loop_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        job = run_job(root)
        if job["ok"] != args.rows:
            raise SystemExit(f"batch job predicted {job['ok']} of {args.rows} rows")
        out = root / "store" / "obs" / "bench/v1/AUTH_bench/bucket/output/rows.jsonl.out.jsonl"
        same = out.read_bytes() == (root / "loop.out.jsonl").read_bytes()
        loop_rate, job_rate = args.rows / loop_s, args.rows / job["total_s"]
        print(f"batch inference, {args.rows:,} one-row iris JSONL lines, maxBatchSize 256, podCount 1")
        print(
            f"  plain in-process loop (anchor):   {loop_rate:10,.0f} rows/s   ({loop_s:.2f} s; bench process {loop_rss:.0f} MB)"
        )
        print(
            f"  batch inference job, whole job:   {job_rate:10,.0f} rows/s   ({job['total_s']:.2f} s; "
            f"RUNNING {job['running_s']:.2f} s)   x{job_rate / loop_rate:.2f} of the loop (target >= 2)"
        )
        print(
            f"  peak RSS: runner {job['rss_self_mb']:.0f} MB, model worker {job['rss_children_mb']:.0f} MB; "
            f"output identical to the loop's: {same}"
        )
        shutil.rmtree(root, ignore_errors=True)
        if args.big:
            root = Path(tempfile.mkdtemp(prefix="em-bench-batch-"))
            setup(root, args.big, model, x)
            big = run_job(root)
            if big["ok"] != args.big:
                raise SystemExit(f"batch job predicted {big['ok']} of {args.big} rows")
            print(
                f"  {args.big:,} rows: {args.big / big['total_s']:10,.0f} rows/s; peak RSS runner "
                f"{big['rss_self_mb']:.0f} MB, model worker {big['rss_children_mb']:.0f} MB "
                f"(1 M rows: {job['rss_self_mb']:.0f} MB / {job['rss_children_mb']:.0f} MB)"
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
