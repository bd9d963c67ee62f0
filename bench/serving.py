"""Serving benchmark for EasyMaker Local.

Measures, in one run, against anchors measured in the same run:

1. predict latency (p50/p99) and throughput of a one-row KServe v1 predict through a local endpoint stage (front
   proxy + worker process over HTTP), straight to the worker (no proxy), and calling the model in process;
2. the HTTP server choice: the worker process under the stdlib threaded server (used) and under uvicorn +
   starlette (``--http uvicorn``), same model and protocol code;
3. batch inference rows per second (podCount 1 and 2) against ``model.predict`` on the whole matrix in process.

Run: ``.venv/bin/python bench/serving.py [--requests 2000] [--rows 100000]``
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from easymaker.local.runners.base import JobContext
from easymaker.local.runners.endpoint import EndpointStageRunner
from easymaker.local.serving.loaders import ModelSpec, load_model
from easymaker.local.serving.protocol import ModelRepository

OBS = "obs://bench/v1/AUTH_bench/bucket"


class FolderUris:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, uri: str) -> Path:
        return self.root / uri.split("://", 1)[1].split("/", 1)[1].strip("/")

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        dest_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.path(uri), dest_dir, dirs_exist_ok=True)
        return dest_dir

    def publish(self, src: Path, uri: str) -> int:
        shutil.copytree(src, self.path(uri), dirs_exist_ok=True)
        return sum(1 for p in src.rglob("*") if p.is_file())

    def local_path(self, uri: str) -> Path | None:
        return None


def make_ctx(root: Path, kind: str, resource: dict[str, Any], model: dict[str, Any], job: str) -> JobContext:
    work = root / "jobs" / job
    work.mkdir(parents=True, exist_ok=True)
    return JobContext(
        job_id=job,
        kind=kind,
        appkey="bench",
        resource=resource,
        work_dir=work,
        uris=FolderUris(root / "store"),
        set_status=lambda s, r: (
            resource.__setitem__("_status", (s, r)),
            resource.setdefault("_times", {}).__setitem__(s, time.perf_counter()),
        ),
        update=lambda f: resource.update(f),
        lookup=lambda k, rid: model,
    )


def timed_calls(call: Callable[[], Any], n: int) -> dict[str, float]:
    for _ in range(min(200, n)):
        call()
    lat = []
    t0 = time.perf_counter()
    for _ in range(n):
        s = time.perf_counter()
        call()
        lat.append(time.perf_counter() - s)
    total = time.perf_counter() - t0
    lat.sort()
    return {
        "p50_ms": statistics.median(lat) * 1e3,
        "p99_ms": lat[int(len(lat) * 0.99) - 1] * 1e3,
        "rps": n / total,
    }


def http_caller(port: int, path: str, body: bytes) -> Callable[[], Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as the proxy and the batch client do
    headers = {"Content-Type": "application/json"}

    def call() -> Any:
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(data)
        return data

    return call


def concurrent_rps(port: int, path: str, body: bytes, clients: int, per_client: int) -> float:
    callers = [http_caller(port, path, body) for _ in range(clients)]
    barrier = threading.Barrier(clients + 1)

    def loop(call: Callable[[], Any]) -> None:
        barrier.wait()
        for _ in range(per_client):
            call()

    threads = [threading.Thread(target=loop, args=(c,)) for c in callers]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return clients * per_client / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=100000)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="em-bench-serving-"))
    try:
        x, y = load_iris(return_X_y=True)
        est = LogisticRegression(max_iter=1000).fit(x, y)
        model_dir = root / "store" / "v1/AUTH_bench/bucket/models/iris"
        model_dir.mkdir(parents=True)
        joblib.dump(est, model_dir / "model.joblib")
        model = {
            "modelId": "m1",
            "modelName": "iris",
            "modelFormatCode": "SKLEARN",
            "modelUploadUri": f"{OBS}/models/iris/",
        }
        row = x[:1].tolist()
        body = json.dumps({"instances": row}).encode()
        n = args.requests

        # 1. in process (anchor) vs the endpoint -----------------------------------------------------------------
        served = load_model(ModelSpec("iris", "SKLEARN", str(model_dir)))
        repo = ModelRepository({"iris": served})
        inproc = timed_calls(lambda: est.predict(np.asarray(row)), n)
        inproc_proto = timed_calls(lambda: repo.handle("POST", "/v1/models/iris/predict", body), n)

        stage = {"endpointStageId": "s1", "endpointModelList": [{"modelId": "m1", "podCount": 2}]}
        ctx = make_ctx(root, "endpoint_stage", stage, model, "stage")
        runner = threading.Thread(target=EndpointStageRunner().run, args=(ctx,), daemon=True)
        t0 = time.perf_counter()
        runner.start()
        while stage.get("_status", ("",))[0] not in ("ACTIVE", "DEPLOY_FAILED", "CREATE_FAILED"):
            time.sleep(0.01)
        deploy_s = time.perf_counter() - t0
        if stage["_status"][0] != "ACTIVE":
            raise SystemExit(f"stage failed: {stage['_status']}")
        proxy_port = int(stage["apigwStageUrl"].split(":")[1])
        ready = sorted((ctx.work_dir / "run").glob("*.ready.json"))
        worker_port = json.loads(ready[0].read_text())["port"]
        path = "/v1/models/iris/predict"
        via_proxy = timed_calls(http_caller(proxy_port, path, body), n)
        direct = timed_calls(http_caller(worker_port, path, body), n)
        proxy_4 = concurrent_rps(proxy_port, path, body, 4, n // 4)
        ctx.stop_event.set()
        runner.join()

        # report -------------------------------------------------------------------------------------------------
        def line(label: str, r: dict[str, float]) -> str:
            return (
                f"  {label:<42} p50 {r['p50_ms']:8.3f} ms   p99 {r['p99_ms']:8.3f} ms   {r['rps']:9.0f} req/s   "
                f"p50 x{r['p50_ms'] / inproc['p50_ms']:6.1f} of in-process"
            )

        print(f"one-row predict, {n} sequential requests, keep-alive (stage deploy with 2 pods: {deploy_s:.2f} s)")
        print(line("in process: model.predict (anchor)", inproc))
        print(line("in process: KServe v1 protocol layer", inproc_proto))
        print(line("endpoint: stage port (2 workers share it)", via_proxy))
        print(line("one worker on its own port", direct))
        print(f"  endpoint with 4 concurrent clients, 2 pods: {proxy_4:9.0f} req/s")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
