"""SDK overhead against the official easymaker 2.1.5, both talking to the same EasyMaker Local.

Measured (each SDK in its own interpreter; the official one from a separate virtualenv, ``.bench-venv/``, created
with ``pip install easymaker==2.1.5`` when missing):

1. HTTP requests and wall time of 100 × ``Training().run(wait=False)``. Requests to the appkey's API
   (``/v1.0/appkeys/<appkey>/...``) are counted inside each SDK's process, under its HTTP client: ours through an
   httpx transport given to ``easymaker.init(transport=...)``, the official one by wrapping
   ``requests.adapters.HTTPAdapter.send``. (A counting proxy in between cannot be used for ours: the SDK refuses a
   server that cannot prove it holds the token for the port the SDK connects to, which is what a relay looks
   like, and EasyMaker Local refuses a ``Host`` naming another port.) Both talk to EasyMaker Local directly. The
   trainings point at a missing NAS source folder, so EasyMaker Local fails them while preparing and no 100
   Python processes compete for the CPU.
2. ``import easymaker`` time (``python -X importtime``, cumulative time of the top-level package; median of 5).
3. The delay between a training reaching COMPLETE on the server (watched directly every 20 ms) and
   ``training.wait()`` returning, for trainings of different lengths (median).

Run: ``.venv/bin/python bench/sdk_overhead.py``. Prints a table with ratios (ours / official).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
OURS_PY = REPO / ".venv" / "bin" / "python"
OFFICIAL_VENV = REPO / ".bench-venv"
OFFICIAL_PY = OFFICIAL_VENV / "bin" / "python"
RUNS = 100
WAIT_SLEEPS = (1.0, 1.5, 2.0, 3.0, 4.0)  # seconds each measured training sleeps
IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
FLAVOR = "m2.c4m8"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}

TRAIN_PY = """
import os, time
time.sleep(float(os.environ.get("EM_HP_SLEEP", "0")))
open(os.path.join(os.environ["EM_MODEL_DIR"], "done.txt"), "w").write("ok")
"""

# The same script runs under both SDKs: both accept these keyword arguments.
CHILD = r"""
import json, os, sys, time
mode, runs, sleep_s = sys.argv[1], int(sys.argv[2]), sys.argv[3]
import easymaker
token, appkey = os.environ["BENCH_TOKEN"], os.environ["BENCH_APPKEY"]
sent = [0]  # HTTP requests to /v1.0/appkeys/<appkey>/..., counted under the SDK's HTTP client


def count(path):
    parts = path.split("/")
    if len(parts) > 3 and parts[1] == "v1.0" and parts[3] == appkey:
        sent[0] += 1


if os.environ.get("BENCH_SDK") == "ours":
    import httpx
    from easymaker._transport import SchemeTransport  # what the SDK uses when given no transport

    class CountingTransport(httpx.BaseTransport):
        def __init__(self):
            self.inner = SchemeTransport()

        def handle_request(self, request):
            count(request.url.path)
            return self.inner.handle_request(request)

        def close(self):
            self.inner.close()

    easymaker.init(profile="local", access_token=token, appkey=appkey, transport=CountingTransport())
else:
    from urllib.parse import urlsplit
    from requests.adapters import HTTPAdapter

    plain_send = HTTPAdapter.send

    def counting_send(self, request, *args, **kwargs):
        count(urlsplit(request.url).path)
        return plain_send(self, request, *args, **kwargs)

    HTTPAdapter.send = counting_send
    easymaker.init(appkey=appkey, region="kr1", access_token=token, profile="local")
common = dict(
    image_name=os.environ["BENCH_IMAGE"], instance_type_name=os.environ["BENCH_FLAVOR"], timeout_hours=1,
    entry_point="train.py",
)
if mode == "runs":
    start = time.perf_counter()
    for i in range(runs):
        easymaker.Training().run(training_name=f"bench-{i}", source_dir_uri="nas://n1:/missing",
                                 model_upload_uri=f"nas://n1:/out/{i}", wait=False, **common)
    print(json.dumps({"seconds": time.perf_counter() - start, "requests": sent[0]}), flush=True)
else:
    t = easymaker.Training().run(training_name="bench-wait", source_dir_uri="nas://n1:/src",
                                 model_upload_uri="nas://n1:/out/wait", wait=False,
                                 hyperparameter_list=[{"parameterName": "sleep", "parameterValue": sleep_s}], **common)
    print(json.dumps({"id": t.training_id}), flush=True)
    t.wait()
    print(json.dumps({"returned": time.time()}), flush=True)
"""


def ensure_official_venv() -> None:
    if OFFICIAL_PY.exists():
        return
    print(f"creating {OFFICIAL_VENV} with easymaker==2.1.5 ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(OFFICIAL_VENV)], check=True)
    subprocess.run([str(OFFICIAL_PY), "-m", "pip", "install", "-q", "easymaker==2.1.5"], check=True)


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("EM_", "EASYMAKER_")) and k != "PYTHONPATH"}


def child_env(sdk: str, url: str, token: str, appkey: str, home: Path) -> dict[str, str]:
    env = clean_env()
    env.update(
        {
            "BENCH_SDK": sdk,
            "BENCH_TOKEN": token,
            "BENCH_APPKEY": appkey,
            "BENCH_IMAGE": IMAGE,
            "BENCH_FLAVOR": FLAVOR,
        }
    )
    if sdk == "ours":
        env["EM_LOCAL_URL"] = url
        env["EASYMAKER_LOCAL_HOME"] = str(home)
    else:
        env["EM_API_URL"] = url  # the official SDK's only way to reach a URL other than 127.0.0.1:10090
    return env


def python_for(sdk: str) -> str:
    return str(OURS_PY if sdk == "ours" else OFFICIAL_PY)


def measure_runs(sdk: str, server_url: str, token: str, home: Path, workdir: Path) -> tuple[int, float]:
    appkey = f"bench-runs-{sdk}"
    out = subprocess.run(
        [python_for(sdk), "-c", CHILD, "runs", str(RUNS), "0"],
        env=child_env(sdk, server_url, token, appkey, home),
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0:
        raise RuntimeError(f"{sdk} runs failed:\n{out.stderr[-3000:]}")
    result = [json.loads(x) for x in out.stdout.splitlines() if x.startswith('{"seconds"')][-1]
    return int(result["requests"]), float(result["seconds"])


def measure_wait_delay(sdk: str, server_url: str, token: str, home: Path, workdir: Path) -> list[float]:
    delays = []
    watcher = httpx.Client(base_url=server_url, headers={"x-nhn-authorization": f"Bearer {token}"}, timeout=30)
    for index, sleep_s in enumerate(WAIT_SLEEPS):
        appkey = f"bench-wait-{sdk}-{index}"
        proc = subprocess.Popen(
            [python_for(sdk), "-c", CHILD, "wait", "0", str(sleep_s)],
            env=child_env(sdk, server_url, token, appkey, home),
            cwd=workdir,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        training_id = read_json_line(proc, "id")
        completed_at = None
        deadline = time.monotonic() + 120
        while completed_at is None and time.monotonic() < deadline:
            doc = watcher.get(f"/v1.0/appkeys/{appkey}/trainings/{training_id}").json()
            status = doc["training"]["trainingStatusCode"]
            if status == "COMPLETE":
                completed_at = time.time()
            elif status in ("FAIL_TRAIN", "CREATE_FAILED"):
                raise RuntimeError(f"bench training failed: {doc}")
            else:
                time.sleep(0.02)
        returned = float(read_json_line(proc, "returned"))
        proc.wait(timeout=60)
        if completed_at is None:
            raise RuntimeError("training did not complete")
        delays.append(max(0.0, returned - completed_at))
    watcher.close()
    return delays


def read_json_line(proc: subprocess.Popen[str], key: str) -> Any:
    """The value of ``key`` in the next JSON line of the child's output (the official SDK prints progress lines)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.strip()
        if line.startswith("{"):
            doc = json.loads(line)
            if key in doc:
                return doc[key]
    raise RuntimeError(f"child exited without {key!r}: {proc.stderr.read() if proc.stderr else ''}")


def import_ms(python: str, env: dict[str, str], cwd: Path) -> float:
    """One ``import easymaker`` in a fresh interpreter: cumulative time of the top-level package [ms]."""
    out = subprocess.run(
        [python, "-X", "importtime", "-c", "import easymaker"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for line in out.stderr.splitlines():
        fields = [f.strip() for f in line.split("|")]
        if len(fields) == 3 and fields[2] == "easymaker":
            return int(fields[1]) / 1000.0
    raise RuntimeError(f"no import time for easymaker in:\n{out.stderr[-2000:]}")


def import_time_ms(sdk: str, workdir: Path) -> float:
    return statistics.median(import_ms(python_for(sdk), clean_env(), workdir) for _ in range(5))


def main() -> None:
    ensure_official_venv()
    from easymaker.local.server import LocalServer

    with tempfile.TemporaryDirectory(prefix="em-bench-") as tmp:
        tmpdir = Path(tmp)
        home = tmpdir / "home"
        server = LocalServer(home, "127.0.0.1", 0, None, log_file=tmpdir / "server.log").start()
        src = home / "nas" / "n1" / "src"
        src.mkdir(parents=True, exist_ok=True)
        (src / "train.py").write_text(TRAIN_PY)
        workdir = tmpdir / "work"
        workdir.mkdir()
        try:
            results: dict[str, dict[str, Any]] = {}
            for sdk in ("official", "ours"):
                requests, seconds = measure_runs(sdk, server.url, server.token, home, workdir)
                delays = measure_wait_delay(sdk, server.url, server.token, home, workdir)
                results[sdk] = {
                    "requests": requests,
                    "seconds": seconds,
                    "import_ms": import_time_ms(sdk, workdir),
                    "delay_median": statistics.median(delays),
                    "delay_max": max(delays),
                }
        finally:
            server.stop()

    ours, official = results["ours"], results["official"]
    rows = [
        (f"HTTP requests, {RUNS} × Training().run(wait=False)", "requests", "{:.0f}"),
        (f"wall time, {RUNS} × Training().run(wait=False) [s]", "seconds", "{:.2f}"),
        ("import easymaker [ms]", "import_ms", "{:.1f}"),
        ("final status → wait() returns, median [s]", "delay_median", "{:.2f}"),
        ("final status → wait() returns, max [s]", "delay_max", "{:.2f}"),
    ]
    print()
    print(f"{'measure':<52} {'official 2.1.5':>15} {'ours':>10} {'ours/official':>14}")
    for label, key, fmt in rows:
        ratio = ours[key] / official[key] if official[key] else float("nan")
        print(f"{label:<52} {fmt.format(official[key]):>15} {fmt.format(ours[key]):>10} {ratio:>14.2f}")
    print(
        f"\nrequests per run: official {official['requests'] / RUNS:.2f}, ours {ours['requests'] / RUNS:.2f} "
        f"({official['requests'] / max(ours['requests'], 1):.1f}× fewer)"
    )
    print(f"wait delays measured for trainings sleeping {', '.join(f'{s:g}' for s in WAIT_SLEEPS)} s")


if __name__ == "__main__":
    main()
