"""Object GET clients side by side: the SDK's own HTTP/1.1 client (``easymaker/storage/direct.py``) vs urllib3 vs
httpx, reading object bodies from EasyMaker Local's object store the way a download does (16 threads, each body
read into one reused 256 KiB buffer and MD5-hashed). Two cases: many small objects, one large object. The clients
alternate within each repetition (who goes first rotates); the table gives each client's range and its median time
as a ratio to ``direct`` measured in the same run (> 1: slower than ``direct``).

    .venv/bin/python bench/object_get.py                 # 2,000 x 64 KiB and 1 x 256 MiB, 5 repetitions
    .venv/bin/python bench/object_get.py --quick         # 500 x 64 KiB and 1 x 64 MiB, 3 repetitions

This is the measurement behind keeping ``direct.py`` (see its module docstring): issue 12 asks for a well-kept
library unless ours is at least 25 % faster on a case a user meets.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import urllib3

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from easymaker.storage.direct import DirectGetPool  # noqa: E402

KiB, MiB = 1024, 1024 * 1024
THREADS = 16
BUFFER = 256 * KiB
CLIENTS = ("direct", "urllib3", "httpx")

Fetch = Callable[[str], int]  # GET one URL, hash its body, return the body's length


def _hash_body(readinto: Callable[[memoryview], int]) -> int:
    """Read a body into one reused buffer, hashing it as it fills (as a download does); the body's length."""
    view = memoryview(bytearray(BUFFER))
    md5 = hashlib.md5()
    got = 0
    while n := readinto(view):
        md5.update(view[:n])
        got += n
    return got


def _direct(token: str) -> tuple[Fetch, Callable[[], None]]:
    client = httpx.Client()
    pool = DirectGetPool.for_client(client, None, max_idle=THREADS * 2)

    def fetch(url: str) -> int:
        resp = pool.get(url, {"Accept": "*/*", "X-Auth-Token": token})
        got = _hash_body(resp.readinto)
        resp.close()
        return got

    def close() -> None:
        pool.close()
        client.close()

    return fetch, close


def _urllib3(token: str) -> tuple[Fetch, Callable[[], None]]:
    http = urllib3.PoolManager(maxsize=THREADS * 2, retries=False)

    def fetch(url: str) -> int:
        resp = http.request("GET", url, headers={"X-Auth-Token": token}, preload_content=False)
        got = _hash_body(resp.readinto)
        resp.release_conn()
        return got

    return fetch, http.clear


def _httpx(token: str) -> tuple[Fetch, Callable[[], None]]:
    limits = httpx.Limits(max_connections=THREADS * 2, max_keepalive_connections=THREADS * 2)
    client = httpx.Client(limits=limits)

    def fetch(url: str) -> int:
        md5 = hashlib.md5()
        got = 0
        with client.stream("GET", url, headers={"X-Auth-Token": token}) as resp:
            for chunk in resp.iter_raw(BUFFER):
                md5.update(chunk)
                got += len(chunk)
        return got

    return fetch, client.close


MAKERS = {"direct": _direct, "urllib3": _urllib3, "httpx": _httpx}


def _timed(client: str, token: str, urls: list[str], expected: int) -> float:
    fetch, close = MAKERS[client](token)
    try:
        start = time.perf_counter()
        if len(urls) == 1:
            got = fetch(urls[0])
        else:
            with ThreadPoolExecutor(THREADS) as pool:
                got = sum(pool.map(fetch, urls))
        seconds = time.perf_counter() - start
    finally:
        close()
    if got != expected:
        raise RuntimeError(f"{client} read {got} bytes, expected {expected}")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--reps", type=int, default=None)
    args = ap.parse_args()
    small_count = 500 if args.quick else 2000
    big_bytes = (64 if args.quick else 256) * MiB
    reps = args.reps or (3 if args.quick else 5)
    from swift_server import MASTER_TOKEN

    with tempfile.TemporaryDirectory(prefix="em-bench-get-") as tmp:
        port_file = Path(tmp) / "port"
        server = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "swift_server.py"), "local", str(Path(tmp) / "home"), str(port_file)]
        )
        try:
            deadline = time.monotonic() + 30
            while not port_file.exists() or not port_file.read_text():
                if time.monotonic() > deadline:
                    raise RuntimeError("EasyMaker Local object store did not start")
                time.sleep(0.1)
            base = f"http://127.0.0.1:{port_file.read_text()}/v1/AUTH_bench/get"
            auth = {"X-Auth-Token": MASTER_TOKEN}
            with httpx.Client(headers=auth, timeout=120) as c:
                c.put(base).raise_for_status()
                small = [f"{base}/s/{i:05d}" for i in range(small_count)]
                for url in small:
                    c.put(url, content=os.urandom(64 * KiB)).raise_for_status()
                big = f"{base}/big"
                c.put(big, content=os.urandom(big_bytes)).raise_for_status()
            cases = {
                f"{small_count:,} x 64 KiB": (small, small_count * 64 * KiB),
                f"1 x {big_bytes // MiB} MiB": ([big], big_bytes),
            }
            times: dict[tuple[str, str], list[float]] = {}
            for rep in range(reps):
                for case, (urls, expected) in cases.items():
                    order = CLIENTS[rep % 3 :] + CLIENTS[: rep % 3]
                    for client in order:
                        s = _timed(client, MASTER_TOKEN, urls, expected)
                        times.setdefault((case, client), []).append(s)
                        print(f"  rep {rep + 1} {case:16} {client:8} {s:6.2f}s", flush=True)
        finally:
            server.terminate()
            server.wait(10)
    print("\n| case | client | seconds (min-max) | median | ratio to direct (median) |")
    print("|---|---|---|---:|---:|")
    for case in cases:
        anchor = statistics.median(times[(case, "direct")])
        for client in CLIENTS:
            t = times[(case, client)]
            med = statistics.median(t)
            print(f"| {case} | {client} | {min(t):.2f}-{max(t):.2f} | {med:.2f} | {med / anchor:.2f} |")


if __name__ == "__main__":
    main()
