"""Serving benchmark for EasyMaker Local.

Measures, in one run, against anchors measured in the same run:

1. predict latency (p50/p99) and throughput of a one-row KServe v1 predict through a local endpoint stage (front
   proxy + worker process over HTTP), straight to the worker (no proxy), and calling the model in process;
2. the HTTP server choice: the stdlib threaded server used by the worker vs uvicorn + starlette, same model and
   protocol code, both in this process;
3. batch inference rows per second (podCount 1 and 2) against ``model.predict`` on the whole matrix in process.

Run: ``.venv/bin/python bench/serving.py [--requests 2000] [--rows 20000]``
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import shutil
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
from easymaker.local.runners.batch import BatchInferenceRunner
from easymaker.local.runners.endpoint import EndpointStageRunner
from easymaker.local.serving.http import JsonHttpServer
from easymaker.local.serving.loaders import ModelSpec, load_model
from easymaker.local.serving.protocol import ModelRepository
from easymaker.local.serving.worker import build_app

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


def uvicorn_server(repo: ModelRepository) -> tuple[Any, int, threading.Thread]:
    import socket

    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def endpoint(request: Request) -> Response:
        status, payload = repo.handle(request.method, request.url.path, await request.body())
        return Response(json.dumps(payload), status_code=status, media_type="application/json")

    app = Starlette(routes=[Route("/{path:path}", endpoint, methods=["GET", "POST"])])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="error", access_log=False))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    return server, port, thread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=20000)
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

        # 2. server choice -------------------------------------------------------------------------------------
        stdlib = JsonHttpServer(build_app({"iris": served}))
        stdlib.start()
        stdlib_res = timed_calls(http_caller(stdlib.port, path, body), n)
        stdlib.stop()
        try:
            server, uv_port, uv_thread = uvicorn_server(repo)
            uv_res: dict[str, float] | None = timed_calls(http_caller(uv_port, path, body), n)
            server.should_exit = True
            uv_thread.join(timeout=5)
        except ImportError:
            uv_res = None

        # 3. batch inference -----------------------------------------------------------------------------------
        rng = np.random.default_rng(0)
        rows = (x[rng.integers(0, len(x), args.rows)] + rng.normal(0, 0.2, (args.rows, 4))).round(3)
        inp = root / "store" / "v1/AUTH_bench/bucket/input"
        inp.mkdir(parents=True)
        (inp / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows.tolist()))
        t0 = time.perf_counter()
        est.predict(rows)
        anchor_rps = len(rows) / (time.perf_counter() - t0)
        batch_rps = {}
        for pods in (1, 2):
            res = {
                "modelId": "m1",
                "inputDataUri": f"{OBS}/input/",
                "inputDataTypeCode": "JSONL",
                "maxBatchSize": 256,
                "inferenceTimeoutSeconds": 60,
                "podCount": pods,
                "outputUploadUri": f"{OBS}/output-{pods}/",
                "timeoutMinutes": 10,
            }
            bctx = make_ctx(root, "batch_inference", res, model, f"batch-{pods}")
            t0 = time.perf_counter()
            BatchInferenceRunner().run(bctx)
            elapsed = time.perf_counter() - t0
            if res["_status"][0] != "COMPLETE" or res["success2XxCount"] != len(rows):
                raise SystemExit(f"batch failed: {res['_status']}")
            times = res["_times"]
            batch_rps[pods] = (len(rows) / elapsed, len(rows) / (times["COMPLETE_IN_PROGRESS"] - times["RUNNING"]))

        # report -------------------------------------------------------------------------------------------------
        def line(label: str, r: dict[str, float]) -> str:
            return (
                f"  {label:<42} p50 {r['p50_ms']:8.3f} ms   p99 {r['p99_ms']:8.3f} ms   {r['rps']:9.0f} req/s   "
                f"p50 x{r['p50_ms'] / inproc['p50_ms']:6.1f} of in-process"
            )

        print(f"one-row predict, {n} sequential requests, keep-alive (stage deploy with 2 pods: {deploy_s:.2f} s)")
        print(line("in process: model.predict (anchor)", inproc))
        print(line("in process: KServe v1 protocol layer", inproc_proto))
        print(line("endpoint: proxy + worker over HTTP", via_proxy))
        print(line("worker over HTTP, no proxy", direct))
        print(f"  endpoint with 4 concurrent clients, 2 pods: {proxy_4:9.0f} req/s")
        print(f"  proxy overhead: p50 x{via_proxy['p50_ms'] / direct['p50_ms']:.2f} of the worker alone")
        print("HTTP server for the worker (same model, same protocol code, in this process):")
        print(line("stdlib threaded server (used)", stdlib_res))
        if uv_res is not None:
            print(line("uvicorn + starlette", uv_res))
            print(f"  stdlib / uvicorn throughput: x{stdlib_res['rps'] / uv_res['rps']:.2f}")
        print(f"batch inference, {len(rows)} JSONL rows, maxBatchSize 256 (run includes worker start and file I/O):")
        print(f"  in process model.predict on the whole matrix (anchor): {anchor_rps:12.0f} rows/s")
        for pods, (total_rps, phase_rps) in batch_rps.items():
            print(
                f"  batch inference runner, podCount {pods}: {total_rps:9.0f} rows/s whole job, "
                f"{phase_rps:9.0f} rows/s in RUNNING (worker start + inference)   "
                f"anchor/RUNNING x{anchor_rps / phase_rps:.0f}"
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
