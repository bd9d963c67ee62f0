"""Following job logs on EasyMaker Local: how late a line reaches the caller, and what following costs the server.

1. Delay (write -> caller): one training prints ``--lines`` lines, each with the time it was written, over about
   5 s. Three followers read it at the same time: ``Training.logs(follow=True)`` (Server-Sent Events), a loop of
   the JSON operation with a long-poll wait (``waitSeconds``, what the console uses), and the anchor: reading the
   admin log endpoint once a second (what ``easymaker logs`` offered before). Printed: p50 / p99 / max delay of
   each and its ratio to the anchor's p50.
2. Cost: ``--jobs`` trainings print ``--lines`` lines each at the same time; the server's CPU time (user + system
   of its process, from /proc) is measured from the first start to the last end, once with nobody following
   (the anchor) and once with one SSE follower per job. Printed: CPU seconds of both, the extra per job and per
   followed line, and the ratio.

    python bench/observe.py [--lines 100] [--jobs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "generated"), str(REPO / "tests")]

from local_server import LocalServerHandle, local_sdk_environment, start_local_server  # noqa: E402

import easymaker  # noqa: E402

SCRIPT = """
import sys, time
lines, seconds = int(sys.argv[2]), float(sys.argv[4])
for i in range(lines):
    print(f"line {i:05d} {time.time():.6f}", flush=True)
    time.sleep(seconds / lines)
"""


def start_training(name: str, lines: int, seconds: float) -> easymaker.Training:
    return easymaker.Training().run(
        training_name=name,
        image_name="Ubuntu 22.04 CPU PyTorch Training",
        instance_type_name="m2.c4m8",
        source_dir_uri="nas://n1:/src",
        entry_point="emit.py",
        model_upload_uri=f"nas://n1:/models/{name}",
        hyperparameter_list=[
            {"parameterName": "lines", "parameterValue": str(lines)},
            {"parameterName": "seconds", "parameterValue": str(seconds)},
        ],
        wait=False,
    )


def delays_of(received: list[tuple[float, str]]) -> list[float]:
    out = []
    for at, line in received:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "line":
            out.append(at - float(parts[2]))
    return out


def follow_sse(training_id: str, sink: list[tuple[float, str]]) -> None:
    for line in easymaker.Training(training_id).logs(follow=True):
        sink.append((time.time(), line))


def follow_long_poll(server: LocalServerHandle, training_id: str, sink: list[tuple[float, str]]) -> None:
    api = server.api("local")
    offset = 0
    while True:
        chunk = api.get(f"/logs/{training_id}", params={"offset": offset, "waitSeconds": 10}).json()["logChunk"]
        now = time.time()
        sink.extend((now, line) for line in chunk["lineList"])
        offset = chunk["nextOffset"]
        if chunk["finished"]:
            return


def follow_admin_polling(server: LocalServerHandle, training_id: str, sink: list[tuple[float, str]]) -> None:
    """The anchor: the whole output of the admin endpoint once a second, new lines taken by count."""
    http = server.client()
    seen = 0
    while True:
        doc = http.get(f"/admin/jobs/{training_id}/logs").json()["jobLogs"]
        now = time.time()
        lines = [ln for ln in str(doc.get("stdout") or "").splitlines() if ln.startswith("line ")]
        sink.extend((now, line) for line in lines[seen:])
        seen = len(lines)
        if doc.get("status") in ("COMPLETE", "FAIL_TRAIN", "STOPPED", "CREATE_FAILED"):
            return
        time.sleep(1.0)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def bench_delay(server: LocalServerHandle, lines: int) -> None:
    training = start_training("delay", lines, 5.0)
    tid = str(training.training_id)
    sinks: dict[str, list[tuple[float, str]]] = {"sse": [], "long_poll": [], "anchor": []}
    runners: dict[str, Callable[[], None]] = {
        "sse": lambda: follow_sse(tid, sinks["sse"]),
        "long_poll": lambda: follow_long_poll(server, tid, sinks["long_poll"]),
        "anchor": lambda: follow_admin_polling(server, tid, sinks["anchor"]),
    }
    threads = [threading.Thread(target=fn) for fn in runners.values()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    anchor = statistics.median(delays_of(sinks["anchor"]))
    print(f"delay from write to caller, {lines} lines over 5 s (ms):")
    print(f"  {'follower':<44}{'lines':>7}{'p50':>9}{'p99':>9}{'max':>9}{'p50 / anchor':>14}")
    labels = {
        "sse": "Training.logs(follow=True) (Server-Sent Events)",
        "long_poll": "getResourceLogs JSON, waitSeconds=10",
        "anchor": "anchor: admin log endpoint read every 1 s",
    }
    for key, label in labels.items():
        d = delays_of(sinks[key])
        p50 = statistics.median(d)
        print(
            f"  {label:<44}{len(d):>7}{p50 * 1000:>9.1f}{pct(d, 0.99) * 1000:>9.1f}{max(d) * 1000:>9.1f}"
            f"{p50 / anchor:>14.4f}"
        )


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_jobs(server: LocalServerHandle, jobs: int, lines: int, follow: bool) -> tuple[float, float, int]:
    """CPU seconds of the server and wall seconds while ``jobs`` trainings run (each followed when ``follow``)."""
    cpu0, wall0 = cpu_seconds(server.process.pid), time.monotonic()
    trainings = [start_training(f"load-{follow}-{i}", lines, 5.0) for i in range(jobs)]
    received: list[list[tuple[float, str]]] = [[] for _ in trainings]
    threads = []
    if follow:
        for training, sink in zip(trainings, received, strict=True):
            t = threading.Thread(target=follow_sse, args=(str(training.training_id), sink))
            t.start()
            threads.append(t)
    for training in trainings:
        training.wait(timeout=300)
    for t in threads:
        t.join(60)
    got = sum(len(delays_of(sink)) for sink in received)
    return cpu_seconds(server.process.pid) - cpu0, time.monotonic() - wall0, got


def bench_cost(server: LocalServerHandle, jobs: int, lines: int) -> None:
    run_jobs(server, 2, 10, follow=True)  # warm-up: imports and first requests on both paths
    base_cpu, base_wall, _ = run_jobs(server, jobs, lines, follow=False)
    cpu, wall, got = run_jobs(server, jobs, lines, follow=True)
    extra = cpu - base_cpu
    print(f"server CPU while {jobs} trainings print {lines} lines each over 5 s:")
    print(f"  anchor, nobody follows:     {base_cpu:7.2f} s CPU in {base_wall:5.1f} s")
    print(f"  one SSE follower per job:   {cpu:7.2f} s CPU in {wall:5.1f} s ({got} lines followed)")
    per_line = extra / max(got, 1) * 1e6
    print(
        f"  extra: {extra:.2f} s CPU ({extra / jobs * 1000:.0f} ms per followed job, {per_line:.0f} us per line); "
        f"ratio {cpu / base_cpu:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-observe-") as tmp:
        server = start_local_server(Path(tmp) / "home")
        try:
            src = server.home / "nas" / "n1" / "src"
            src.mkdir(parents=True)
            (src / "emit.py").write_text(SCRIPT)
            os.environ.update(local_sdk_environment(server))
            easymaker.init(profile="local")
            bench_delay(server, args.lines)
            bench_cost(server, args.jobs, args.lines)
        finally:
            server.stop()


if __name__ == "__main__":
    try:
        main()
    except httpx.HTTPError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
