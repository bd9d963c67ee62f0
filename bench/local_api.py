"""Throughput and latency of EasyMaker Local's REST API under a mixed workload.

A server is started as a subprocess (free port, temporary home); 8 client threads, each with its own keep-alive
connection, send a mix of requests for a fixed time:

    30 % POST /experiments                      (validation against the spec + a committed SQLite write)
    40 % GET  /experiments/{id}                 (an experiment created earlier by the same client)
    20 % GET  /experiments?experimentNameList=  (what the SDK does before every create)
    10 % GET  /flavors

Printed: requests/s and p50/p99 latency overall and per kind, and the same figures for ``GET /health`` (the
anchor: the cheapest request through the same server, clients and connections) with the ratio between the two.
Target on a 2-core machine: >= 500 requests/s with p99 <= 50 ms.

    python bench/local_api.py [--seconds 10] [--clients 8] [--client httpx|http.client]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
TOKEN = "bench-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: str, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, EASYMAKER_LOCAL_TOKEN=TOKEN, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'generated'}")
    cmd = [
        sys.executable,
        "-m",
        "easymaker.local",
        "serve",
        "--port",
        str(port),
        "--home",
        home,
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


class Conn:
    """One keep-alive connection (httpx.Client or http.client)."""

    def __init__(self, kind: str, port: int) -> None:
        self.kind = kind
        self.headers = {"x-nhn-authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
        if kind == "httpx":
            self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=self.headers, timeout=30)
        else:
            self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        data = json.dumps(body).encode() if body is not None else None
        if self.kind == "httpx":
            r = self.client.request(method, path, content=data)
            return r.status_code, r.content
        self.conn.request(method, path, body=data, headers=self.headers)
        resp = self.conn.getresponse()
        return resp.status, resp.read()


def worker(
    n: int, port: int, kind: str, deadline: float, lat: dict[str, list[float]], errors: list[str], anchor: bool
) -> None:
    c = Conn(kind, port)
    rng = random.Random(n)
    tag = f"{time.monotonic_ns() % 100000}-"
    base = f"/v1.0/appkeys/bench-{n % 2}"
    mine: list[str] = []
    i = 0
    local: dict[str, list[float]] = defaultdict(list)
    while time.monotonic() < deadline:
        if anchor:
            op, method, path, body = "health", "GET", "/health", None
        else:
            x = rng.random()
            if x < 0.3 or not mine:
                op, method, path, body = "create", "POST", base + "/experiments", {"experimentName": f"{tag}c{n}-{i}"}
            elif x < 0.7:
                op, method, path, body = "get", "GET", f"{base}/experiments/{rng.choice(mine)}", None
            elif x < 0.9:
                name = f"{tag}c{n}-{rng.randrange(i)}"
                op, method, path, body = "list", "GET", f"{base}/experiments?experimentNameList={name}", None
            else:
                op, method, path, body = "flavors", "GET", base + "/flavors", None
        t0 = time.perf_counter()
        status, content = c.request(method, path, body)
        local[op].append(time.perf_counter() - t0)
        if status != 200:
            errors.append(f"{op} {status} {content[:200]!r}")
        elif op == "create":
            mine.append(json.loads(content)["experiment"]["experimentId"])
        i += 1
    for k, v in local.items():
        lat[k].extend(v)


def run(
    port: int, clients: int, seconds: float, kind: str, anchor: bool
) -> tuple[float, dict[str, list[float]], list[str]]:
    lat: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(target=worker, args=(n, port, kind, deadline, lat, errors, anchor)) for n in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - start, lat, errors


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(p * len(s)))] * 1000


def report(label: str, elapsed: float, lat: dict[str, list[float]]) -> tuple[float, float, float]:
    everything = [x for v in lat.values() for x in v]
    rps = len(everything) / elapsed
    p50, p99 = pct(everything, 0.50), pct(everything, 0.99)
    print(f"{label:<10} {len(everything):>7} requests  {rps:8.0f} req/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
    for k in sorted(lat):
        v = lat[k]
        print(
            f"   {k:<8} {len(v):>7}  p50 {pct(v, 0.5):6.2f} ms  p99 {pct(v, 0.99):6.2f} ms  mean {statistics.mean(v) * 1000:6.2f} ms"
        )
    return rps, p50, p99


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--client", choices=["httpx", "http.client"], default="httpx")
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="em-bench-")
    port = free_port()
    proc = start_server(home, port)
    try:
        run(port, args.clients, 1.0, args.client, anchor=False)  # warm-up
        print(
            f"EasyMaker Local API bench: {args.clients} clients ({args.client}), {args.seconds:.0f} s each, {os.cpu_count()} CPUs"
        )
        el, lat, errs = run(port, args.clients, args.seconds, args.client, anchor=True)
        a_rps, _, a_p99 = report("anchor", el, lat)
        el, lat, errs2 = run(port, args.clients, args.seconds, args.client, anchor=False)
        rps, p50, p99 = report("mixed", el, lat)
        errors = errs + errs2
        print(f"mixed/anchor throughput ratio {rps / a_rps:.2f}; p99 ratio {p99 / a_p99:.2f}")
        print(f"target >= 500 req/s and p99 <= 50 ms: {'MET' if rps >= 500 and p99 <= 50 else 'MISSED'}")
        if errors:
            print(f"{len(errors)} non-200 answers, e.g. {errors[:3]}")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


if __name__ == "__main__":
    main()
