"""No job process outlives EasyMaker Local: killed with SIGKILL during a training, a tuning and a served endpoint,
the server leaves no process of those jobs behind, whether its guard process ends them at once or (when the guard
was killed too) the next start finds and ends them.

Processes are identified independently of the server's own records: every descendant of the server process is
taken (pid, start time from ``/proc/<pid>/stat``) before the kill; "gone" means no live process has that pid with
that start time.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from local_api_calls import TRAIN_PY, ok, training_body, wait_for
from local_server import LocalServerHandle, start_local_server

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, ppid, start time)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    fields = raw[raw.rfind(b")") + 2 :].split()
    return fields[0].decode(), int(fields[1]), int(fields[19])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _descendants(root: int) -> dict[int, int]:
    """pid -> start time of every live process below ``root`` (job processes, their children, the guard)."""
    children: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            info = _stat(int(entry.name))
            if info is not None and info[0] not in ("Z", "X"):
                children.setdefault(info[1], []).append(int(entry.name))
                starts[int(entry.name)] = info[2]
    out: dict[int, int] = {}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out[child] = starts[child]
            todo.append(child)
    return out


def _alive(procs: dict[int, int]) -> dict[int, str]:
    left = {}
    for pid, start in procs.items():
        info = _stat(pid)
        if info is not None and info[0] not in ("Z", "X") and info[2] == start:
            left[pid] = _cmdline(pid)
    return left


def _wait_gone(procs: dict[int, int], timeout: float) -> dict[int, str]:
    deadline = time.monotonic() + timeout
    while (left := _alive(procs)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _guard(procs: dict[int, int]) -> dict[int, int]:
    return {p: s for p, s in procs.items() if "easymaker.local.runners.guard" in _cmdline(p)}


def _setup(home: Path) -> None:
    src = home / "nas" / "n1" / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "train.py").write_text(TRAIN_PY)
    import joblib
    from sklearn.linear_model import LogisticRegression

    model_dir = home / "nas" / "n1" / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(LogisticRegression().fit([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 1, 0, 1]), model_dir / "model.joblib")


def _start_jobs(server: LocalServerHandle, tag: str, endpoint: bool) -> None:
    api = server.api("orphans")
    ids = {
        "flavorId": ok(api.get("/flavors"))["flavorList"][0]["id"],
        "imageId": ok(api.get("/images"))["imageList"][0]["imageId"],
    }
    sleepy = [{"parameterName": "sleep", "parameterValue": "300"}]
    tid = ok(api.post("/trainings", json=training_body(ids, f"train-{tag}", hyperparameterList=sleepy)))["training"]
    tuning = {
        "hyperparameterTuningName": f"hpo-{tag}",
        "imageId": ids["imageId"],
        "flavorId": ids["flavorId"],
        "instanceCount": 1,
        "modelUploadUri": f"nas://n1:/hpo-{tag}",
        "timeoutMinutes": 60,
        "sourceDirUri": "nas://n1:/src",
        "entryPoint": "train.py",
        "hyperparameterSpecList": [
            {
                "hyperparameterName": "sleep",
                "hyperparameterTypeCode": "discrete",
                "hyperparameterSpecifiedValues": "300",
            }
        ],
        "metricList": [{"name": "loss"}],
        "objectiveMetric": {"name": "loss"},
        "objectiveTypeCode": "MINIMIZE",
        "tuningStrategyName": "GRID",
        "maxTrialCount": 1,
        "parallelTrialCount": 1,
    }
    hid = ok(api.post("/hyperparameter-tunings", json=tuning))["hyperparameterTuning"]["hyperparameterTuningId"]
    if endpoint:
        model = ok(
            api.post(
                "/models", json={"modelName": "clf", "modelFormatCode": "SKLEARN", "modelUploadUri": "nas://n1:/model"}
            )
        )["model"]
        ep = ok(
            api.post(
                "/endpoints",
                json={
                    "endpointName": "ep",
                    "flavorId": ids["flavorId"],
                    "nodeCount": 1,
                    "endpointModelResourceList": [{"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1"}}],
                },
            )
        )["endpoint"]
        wait_for(lambda: ok(api.get(f"/endpoints/{ep['endpointId']}"))["endpoint"], "endpointStatusCode", {"ACTIVE"})
    t = tid["trainingId"]
    wait_for(lambda: ok(api.get(f"/trainings/{t}"))["training"], "trainingStatusCode", {"RUNNING"})
    wait_for(
        lambda: ok(api.get(f"/hyperparameter-tunings/{hid}"))["hyperparameterTuning"],
        "hyperparameterTuningStatusCode",
        {"RUNNING"},
    )


def _job_processes(server: LocalServerHandle, minimum: int) -> dict[int, int]:
    """The server's descendants once at least ``minimum`` of them run a job (training, trial, model worker)."""
    deadline = time.monotonic() + 60
    while True:
        procs = _descendants(server.process.pid)
        jobs = {p: s for p, s in procs.items() if p not in _guard(procs)}
        if len(jobs) >= minimum or time.monotonic() > deadline:
            return procs
        time.sleep(0.2)


def test_no_job_process_survives_a_kill_9(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _setup(home)
    server = start_local_server(home)
    second: LocalServerHandle | None = None
    try:
        # 1. SIGKILL the server *and* its guard: the job processes run on, orphaned; the next start ends them
        _start_jobs(server, "a", endpoint=True)
        procs = _job_processes(server, 3)
        guard = _guard(procs)
        jobs = {p: s for p, s in procs.items() if p not in guard}
        assert len(jobs) >= 3, {p: _cmdline(p) for p in procs}  # training, trial, model worker
        for pid in guard:
            os.kill(pid, signal.SIGKILL)
        server.kill()
        time.sleep(1.0)
        assert _alive(jobs), "the job processes should still run: nothing has ended them yet"
        second = start_local_server(home, port=server.port, token=server.token)
        left = _wait_gone(jobs, 15)
        assert not left, f"processes of interrupted jobs still run after the restart: {left}"

        # 2. SIGKILL the server only: its guard ends the jobs (the endpoint was deployed again at the restart)
        _start_jobs(second, "b", endpoint=False)
        procs = _job_processes(second, 3)
        guard = _guard(procs)
        jobs = {p: s for p, s in procs.items() if p not in guard}
        assert guard and len(jobs) >= 3, {p: _cmdline(p) for p in procs}
        second.kill()
        left = _wait_gone(procs, 15)  # the guard exits once its work is done
        assert not left, f"processes still run after the server was killed: {left}"
    finally:
        for handle in (server, second):
            if handle is not None:
                handle.stop(timeout=20)
