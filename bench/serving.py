"""Serving benchmark: an EasyMaker Local endpoint stage against MLServer, same iris model, same requests.

MLServer 1.7 (Seldon's KServe v2 runtime: ``mlserver`` + ``mlserver-sklearn``; ``uvloop<0.22`` or its workers do
not start) runs in its own virtualenv, ``.bench-venv-mlserver/``, created by this benchmark when missing, in its
best configuration: one process (``parallel_workers: 0``), uvicorn with httptools. Measured in the same run,
alternating between the two servers over ``--rounds`` rounds (medians):

1. one-row KServe v2 ``POST /v2/models/iris/infer`` (JSON), sequential on one keep-alive connection: p50, p99
   and requests per second; and with 4 concurrent clients (4 processes, one connection each): requests per second.
   The client is a minimal HTTP/1.1 client on a raw socket, the same for both, so that its own cost does not hide
   the servers' difference;
2. startup to first predict: from starting the server (our stage runner: fetch the model, start the workers; MLServer:
   ``mlserver start``) to the first successful predict;
3. serving memory: the resident set of the serving processes (our stage's workers; MLServer's process tree).

Our stage runs 2 pods (2 worker processes sharing the stage's port); ``--pods`` changes it. The in-process
``model.predict`` is printed as the floor.

Run: ``.venv/bin/python bench/serving.py [--requests 3000] [--rounds 3] [--pods 2]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from folder_uris import FolderUris  # noqa: E402  (the tests' obs:// folder double)

from easymaker.local.runners.base import JobContext  # noqa: E402
from easymaker.local.runners.endpoint import EndpointStageRunner  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MLSERVER_VENV = REPO / ".bench-venv-mlserver"
MLSERVER_PACKAGES = ["mlserver==1.7.*", "mlserver-sklearn==1.7.*", "uvloop<0.22", "httptools"]
PATH = "/v2/models/iris/infer"
ROW = [5.1, 3.5, 1.4, 0.2]
BODY = json.dumps({"inputs": [{"name": "input-0", "shape": [1, 4], "datatype": "FP64", "data": ROW}]}).encode()


# a minimal keep-alive HTTP/1.1 client (the same for both servers) ---------------------------------------------------
class Client:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.request = (
            f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(BODY)}\r\n\r\n"
        ).encode() + BODY
        self.buf = b""

    def call(self) -> bytes:
        self.sock.sendall(self.request)
        while b"\r\n\r\n" not in self.buf:
            self._more()
        head, _, rest = self.buf.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            rest += self._recv()
        self.buf = rest[length:]
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(head + rest[:length])
        return rest[:length]

    def _recv(self) -> bytes:
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("server closed the connection")
        return data

    def _more(self) -> None:
        self.buf += self._recv()

    def close(self) -> None:
        self.sock.close()


def sequential(port: int, n: int) -> dict[str, float]:
    client = Client(port)
    try:
        for _ in range(min(300, n)):
            client.call()
        lat = []
        t0 = time.perf_counter()
        for _ in range(n):
            s = time.perf_counter()
            client.call()
            lat.append(time.perf_counter() - s)
        total = time.perf_counter() - t0
    finally:
        client.close()
    lat.sort()
    return {"p50": statistics.median(lat) * 1e3, "p99": lat[int(len(lat) * 0.99) - 1] * 1e3, "rps": n / total}


def _client_process(port: int, n: int, start_at: float) -> tuple[float, float]:
    client = Client(port)
    for _ in range(50):
        client.call()
    while time.time() < start_at:
        time.sleep(0.001)
    t0 = time.time()
    for _ in range(n):
        client.call()
    end = time.time()
    client.close()
    return t0, end


def concurrent(pool: ProcessPoolExecutor, port: int, clients: int, n: int) -> float:
    start_at = time.time() + 0.5
    futures = [pool.submit(_client_process, port, n // clients, start_at) for _ in range(clients)]
    spans = [f.result() for f in futures]
    return (n // clients) * clients / (max(e for _, e in spans) - min(s for s, _ in spans))


def wait_first_predict(port_of: Callable[[], int | None], t0: float, timeout: float = 180.0) -> float:
    while time.perf_counter() - t0 < timeout:
        port = port_of()
        if port:
            try:
                client = Client(port)
                try:
                    client.call()
                    return time.perf_counter() - t0
                finally:
                    client.close()
            except (OSError, RuntimeError):
                pass
        time.sleep(0.005)
    raise SystemExit("server did not answer a predict in time")


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def tree(pid: int) -> list[int]:
    out = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            for child in children:
                out.extend(tree(int(child)))
    except OSError:
        pass
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# the two servers --------------------------------------------------------------------------------------------------
class Ours:
    name = "EasyMaker Local stage"

    def __init__(self, root: Path, pods: int) -> None:
        self.root = root
        self.pods = pods

    def start(self) -> float:
        model = {
            "modelId": "m1",
            "modelName": "iris",
            "modelFormatCode": "SKLEARN",
            "modelUploadUri": "obs://bench/v1/AUTH_bench/bucket/models/iris/",
        }
        self.stage: dict[str, Any] = {
            "endpointStageId": "s1",
            "endpointModelList": [{"modelId": "m1", "podCount": self.pods}],
        }
        work = self.root / "jobs" / f"stage-{time.monotonic_ns()}"
        work.mkdir(parents=True)
        self.work = work
        self.ctx = JobContext(
            job_id="stage",
            kind="endpoint_stage",
            appkey="bench",
            resource=self.stage,
            work_dir=work,
            uris=FolderUris(self.root / "store"),
            set_status=lambda s, r: self.stage.__setitem__("endpointStageStatusCode", s),
            update=lambda f: self.stage.update(f),
            lookup=lambda k, rid: model,
        )
        self.thread = threading.Thread(target=EndpointStageRunner().run, args=(self.ctx,), daemon=True)
        t0 = time.perf_counter()
        self.thread.start()

        def port() -> int | None:
            url = self.stage.get("apigwStageUrl")
            return int(url.split(":")[1]) if url else None

        took = wait_first_predict(port, t0)
        self.port = port() or 0
        return took

    def pids(self) -> list[int]:
        return [json.loads(p.read_text())["pid"] for p in (self.work / "run").glob("*.ready.json")]

    def stop(self) -> None:
        self.ctx.stop_event.set()
        self.thread.join(timeout=30)


class MLServer:
    name = "MLServer 1.7 (1 process, httptools)"

    def __init__(self, root: Path, model_file: Path) -> None:
        self.dir = root / "mlserver"
        (self.dir / "iris").mkdir(parents=True)
        shutil.copy(model_file, self.dir / "iris" / "model.joblib")
        (self.dir / "iris" / "model-settings.json").write_text(
            json.dumps(
                {
                    "name": "iris",
                    "implementation": "mlserver_sklearn.SKLearnModel",
                    "parameters": {"uri": "./model.joblib", "version": "v1"},
                }
            )
        )

    def start(self) -> float:
        self.port = free_port()
        (self.dir / "settings.json").write_text(
            json.dumps(
                {
                    "http_port": self.port,
                    "grpc_port": free_port(),
                    "metrics_port": free_port(),
                    "parallel_workers": 0,
                    "debug": False,
                }
            )
        )
        self.log = open(self.dir / "mlserver.log", "ab")  # noqa: SIM115 - closed in stop()
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            [str(MLSERVER_VENV / "bin" / "mlserver"), "start", str(self.dir)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return wait_first_predict(lambda: self.port if self.proc.poll() is None else _died(self.dir), t0)

    def pids(self) -> list[int]:
        return tree(self.proc.pid)

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, 15)
            self.proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, 9)
        self.log.close()


def _died(folder: Path) -> int:
    raise SystemExit(f"MLServer exited: {(folder / 'mlserver.log').read_text()[-2000:]}")


def ensure_mlserver() -> None:
    marker = MLSERVER_VENV / ".installed"
    wanted = json.dumps([*MLSERVER_PACKAGES, f"scikit-learn=={sklearn.__version__}"])
    if marker.is_file() and marker.read_text() == wanted:
        return
    print(f"creating {MLSERVER_VENV.name}/ with {', '.join(MLSERVER_PACKAGES)} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(MLSERVER_VENV)], check=True)
    pip = [str(MLSERVER_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, *MLSERVER_PACKAGES, f"scikit-learn=={sklearn.__version__}"], check=True)
    marker.write_text(wanted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pods", type=int, default=2)
    args = parser.parse_args()
    ensure_mlserver()

    root = Path(tempfile.mkdtemp(prefix="em-bench-serving-"))
    pool = ProcessPoolExecutor(max_workers=4, mp_context=get_context("fork"))
    try:
        x, y = load_iris(return_X_y=True)
        est = LogisticRegression(max_iter=1000).fit(x, y)
        model_dir = root / "store" / "obs" / "bench/v1/AUTH_bench/bucket/models/iris"
        model_dir.mkdir(parents=True)
        joblib.dump(est, model_dir / "model.joblib")
        row = np.asarray([ROW])
        lat = []
        for _ in range(args.requests):
            s = time.perf_counter()
            est.predict(row)
            lat.append(time.perf_counter() - s)
        floor = statistics.median(lat) * 1e3

        servers: list[Any] = [Ours(root, args.pods), MLServer(root, model_dir / "model.joblib")]
        res: dict[str, dict[str, list[float]]] = {s.name: {} for s in servers}
        for _ in range(args.rounds):
            for server in servers:
                took = server.start()
                try:
                    r = res[server.name]
                    seq = sequential(server.port, args.requests)
                    for key, value in seq.items():
                        r.setdefault(key, []).append(value)
                    r.setdefault("rps4", []).append(concurrent(pool, server.port, 4, args.requests))
                    r.setdefault("startup", []).append(took)
                    r.setdefault("rss", []).append(rss_mb(server.pids()))
                finally:
                    server.stop()

        med = {name: {k: statistics.median(v) for k, v in r.items()} for name, r in res.items()}
        ours, ml = med[servers[0].name], med[servers[1].name]
        print(
            f"one-row KServe v2 infer on iris, {args.requests} requests per measure, median of {args.rounds} rounds "
            f"(in-process model.predict: {floor:.3f} ms)"
        )
        print(f"  {'':<40} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'4 clients':>10} {'startup s':>10} {'RSS MB':>8}")
        for name, m in med.items():
            label = f"{name} ({args.pods} pods)" if name == servers[0].name else name
            print(
                f"  {label:<40} {m['p50']:8.3f} {m['p99']:8.3f} {m['rps']:8.0f} {m['rps4']:10.0f} "
                f"{m['startup']:10.2f} {m['rss']:8.0f}"
            )
        print(
            f"  ours / MLServer: p50 x{ours['p50'] / ml['p50']:.2f} (target <= 0.75), req/s x{ours['rps'] / ml['rps']:.2f} "
            f"(target >= 1.3), 4 clients x{ours['rps4'] / ml['rps4']:.2f} (target >= 1.3), "
            f"startup x{ours['startup'] / ml['startup']:.2f} (target <= 1), memory x{ours['rss'] / ml['rss']:.2f}"
        )
    finally:
        pool.shutdown()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
