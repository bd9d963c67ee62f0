"""How fast the web console shows the first page of 10,000 trainings (a real Chromium through Playwright).

A server is started as a subprocess on a temporary home holding ``--trainings`` trainings of one appkey (stored
rows shaped like the ones a training leaves), and a second one holding a single training (the anchor: the page's
fixed cost, same browser, same steps). For each, the browser signs in and opens ``#/trainings`` ``--runs`` times;
the time is from the start of the navigation until the first table page is in the document ("Rows 1-50 of N").
Printed: median and worst time for both, and their ratio. Target: the first page of 10,000 under 1 s.

    python bench/console.py [--trainings 10000] [--runs 5]

Needs playwright and Debian's chromium (/usr/bin/chromium).
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
import time
import uuid
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "generated")]
TOKEN = "bench-console-token-0123456789"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill(home: Path, n: int) -> None:
    """``n`` trainings in one experiment of appkey ``bench``, written straight into the state database."""
    from easymaker.local.home import LocalHome
    from easymaker.local.store import Store, now_iso

    LocalHome(home).ensure()
    store = Store(home / "state.db", synchronous="OFF")
    exp_id = str(uuid.uuid4())
    exp = {"experimentId": exp_id, "experimentName": "bench", "experimentStatusCode": "ACTIVE", "appKey": "bench"}
    store.insert("experiment", "bench", exp_id, "bench", "ACTIVE", exp)
    with store.tx() as conn:
        for i in range(n):
            rid = str(uuid.uuid4())
            doc = {
                "trainingId": rid,
                "trainingName": f"training-{i:05d}",
                "trainingStatusCode": "COMPLETE",
                "experimentId": exp_id,
                "appKey": "bench",
                "createdDatetime": now_iso(),
                "startedDatetime": now_iso(),
                "finishedDatetime": now_iso(),
                "elapsedTimeSeconds": 30 + i % 600,
                "entryPoint": "train.py",
                "sourceDirUri": "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_bench/src",
                "modelUploadUri": f"obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_bench/model/{i}",
                "hyperparameterList": [
                    {"parameterName": "learning_rate", "parameterValue": str(0.001 * (1 + i % 10))},
                    {"parameterName": "epochs", "parameterValue": str(5 + i % 20)},
                ],
                "flavor": {"id": "f", "name": "m2.c2m4", "vcpus": 2, "ram": 4096},
                "image": {"imageName": "Ubuntu 22.04 CPU PyTorch Training"},
            }
            store.insert("training", "bench", rid, doc["trainingName"], "COMPLETE", doc, conn=conn)
    store.close()


def start(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, EASYMAKER_LOCAL_TOKEN=TOKEN, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'generated'}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "easymaker.local", "serve", "--port", str(port), "--home", str(home)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("EasyMaker Local did not start")


def measure(browser: object, url: str, n: int, runs: int) -> list[float]:
    page = browser.new_page(viewport={"width": 1360, "height": 900})  # type: ignore[attr-defined]
    page.goto(url + "/")
    page.fill("#token", TOKEN)
    page.press("#token", "Enter")
    page.wait_for_selector("main#view h1")
    expected = f"of {n:,}"
    times = []
    for _ in range(runs + 1):  # the first visit warms the server's caches and the browser's; not counted
        page.goto("about:blank")
        page.goto(url + "/#/trainings")
        page.wait_for_function(
            "t => [...document.querySelectorAll('.pager span')].some(s => s.textContent.endsWith(t))"
            " && document.querySelectorAll('tbody tr[data-id]').length > 0",
            arg=expected,
        )
        times.append(page.evaluate("performance.now()") / 1000.0)
    page.close()
    return times[1:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trainings", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: playwright is not installed")
        return 0
    if not os.access(CHROMIUM, os.X_OK):
        print(f"skipped: no Chromium at {CHROMIUM}")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bench-console-"))
    procs = []
    try:
        t0 = time.perf_counter()
        fill(tmp / "big", args.trainings)
        fill(tmp / "one", 1)
        print(f"stored {args.trainings:,} trainings in {time.perf_counter() - t0:.1f} s")
        big, big_url = start(tmp / "big")
        procs.append(big)
        one, one_url = start(tmp / "one")
        procs.append(one)
        # for contrast: the whole list in one answer (what a page without paging would have to fetch)
        t0 = time.perf_counter()
        r = httpx.get(f"{big_url}/v1.0/appkeys/bench/trainings", headers={"X-EasyMaker-Token": TOKEN}, timeout=300)
        full = time.perf_counter() - t0
        size = len(r.content)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            many = measure(browser, big_url, args.trainings, args.runs)
            anchor = measure(browser, one_url, 1, args.runs)
            browser.close()
        med, anc = statistics.median(many), statistics.median(anchor)
        print(
            json.dumps(
                {
                    "trainings": args.trainings,
                    "first_page_s_median": round(med, 3),
                    "first_page_s_worst": round(max(many), 3),
                    "one_training_s_median": round(anc, 3),
                    "ratio_vs_one_training": round(med / anc, 2),
                    "whole_list_api_s": round(full, 2),
                    "whole_list_bytes": size,
                }
            )
        )
        print(
            f"first page of {args.trainings:,} trainings: {med * 1000:.0f} ms median (worst {max(many) * 1000:.0f} ms)"
            f"; 1 training: {anc * 1000:.0f} ms; ratio {med / anc:.2f}x; target < 1 s: "
            f"{'met' if med < 1.0 else 'NOT met'}"
        )
        print(f"(the whole list in one API answer: {full:.2f} s, {size / 1e6:.1f} MB)")
    finally:
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
