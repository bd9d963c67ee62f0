"""EasyMaker Local across restarts and crashes: resources, statuses and timestamps survive; running work is marked
interrupted; ACTIVE endpoint stages are deployed again; every acknowledged write survives a kill -9; recurring-run
triggers are neither repeated nor lost."""

from __future__ import annotations

import base64
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from local_api_calls import TRAIN_PY, err, ok, training_body, wait_for
from local_server import LocalServerHandle, start_local_server
from paths import FIXTURES
from polling import wait_until


def _setup_nas(home: Path) -> None:
    src = home / "nas" / "n1" / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "train.py").write_text(TRAIN_PY)
    import joblib
    from sklearn.linear_model import LogisticRegression

    model_dir = home / "nas" / "n1" / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(LogisticRegression().fit([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 1, 0, 1]), model_dir / "model.joblib")


def _ids(api: httpx.Client) -> dict[str, str]:
    return {
        "flavorId": ok(api.get("/flavors"))["flavorList"][0]["id"],
        "imageId": ok(api.get("/images"))["imageList"][0]["imageId"],
    }


def test_restart_keeps_state_and_marks_interrupted_work(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _setup_nas(home)
    server = start_local_server(home)
    try:
        api = server.api("restart")
        ids = _ids(api)
        exp = ok(api.post("/experiments", json={"experimentName": "keep"}))["experiment"]
        model = ok(
            api.post(
                "/models", json={"modelName": "clf", "modelFormatCode": "SKLEARN", "modelUploadUri": "nas://n1:/model"}
            )
        )["model"]
        manifest = (FIXTURES / "local_hello_pipeline.yaml").read_bytes()
        pipeline = ok(
            api.post(
                "/pipelines/upload",
                json={"pipelineName": "p", "base64PipelineSpecManifest": base64.b64encode(manifest).decode()},
            )
        )["pipeline"]
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
        sleepy = training_body(ids, "sleepy", hyperparameterList=[{"parameterName": "sleep", "parameterValue": "20"}])
        tid = ok(api.post("/trainings", json=sleepy))["training"]["trainingId"]
        wait_for(lambda: ok(api.get(f"/trainings/{tid}"))["training"], "trainingStatusCode", {"RUNNING"})
        active = wait_for(
            lambda: ok(api.get(f"/endpoints/{ep['endpointId']}"))["endpoint"], "endpointStatusCode", {"ACTIVE"}
        )
        before = {
            "experiment": ok(api.get(f"/experiments/{exp['experimentId']}"))["experiment"],
            "model": ok(api.get(f"/models/{model['modelId']}"))["model"],
            "pipeline": ok(api.get(f"/pipelines/{pipeline['pipelineId']}"))["pipeline"],
        }
        server.kill()

        server = server.restart()
        api = server.api("restart")
        assert ok(api.get(f"/experiments/{exp['experimentId']}"))["experiment"] == before["experiment"]
        assert ok(api.get(f"/models/{model['modelId']}"))["model"] == before["model"]
        assert ok(api.get(f"/pipelines/{pipeline['pipelineId']}"))["pipeline"] == before["pipeline"]
        t = ok(api.get(f"/trainings/{tid}"))["training"]
        assert t["trainingStatusCode"] == "FAIL_TRAIN" and t["trainingStatusReason"] == "interrupted by restart"
        again = wait_for(
            lambda: ok(api.get(f"/endpoints/{ep['endpointId']}"))["endpoint"], "endpointStatusCode", {"ACTIVE"}
        )
        stage = again["defaultStage"]
        assert stage["endpointStageStatusCode"] == "ACTIVE"
        assert stage["endpointStageId"] == active["defaultStage"]["endpointStageId"]
        uri = stage["endpointModelList"][0]["apigwResourceUri"]
        assert httpx.post(f"http://{stage['apigwStageUrl']}{uri}", json={"instances": [[1, 1]]}).json() == {
            "predictions": [1]
        }
        # graceful stop and start keep everything too
        server = server.restart()
        api = server.api("restart")
        assert ok(api.get(f"/experiments/{exp['experimentId']}"))["experiment"] == before["experiment"]
        assert ok(api.get(f"/trainings/{tid}"))["training"]["trainingStatusCode"] == "FAIL_TRAIN"
        wait_for(lambda: ok(api.get(f"/endpoints/{ep['endpointId']}"))["endpoint"], "endpointStatusCode", {"ACTIVE"})
    finally:
        server.stop()


def test_kill_during_writes_keeps_every_acknowledged_resource(tmp_path: Path) -> None:
    server = start_local_server(tmp_path / "home")
    acked: list[str] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def workload(n: int) -> None:
        with httpx.Client(base_url=f"{server.url}/v1.0/appkeys/crash", headers=server.headers, timeout=5) as c:
            i = 0
            while not stop.is_set():
                try:
                    r = c.post("/experiments", json={"experimentName": f"w{n}-{i}"})
                except httpx.HTTPError as exc:
                    errors.append(exc)
                    return
                if r.status_code == 200 and r.json()["header"]["isSuccessful"]:
                    acked.append(r.json()["experiment"]["experimentId"])
                i += 1

    threads = [threading.Thread(target=workload, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while len(acked) < 200 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()  # while the clients are still sending
    stop.set()
    for t in threads:
        t.join(10)
    assert len(acked) >= 200
    assert errors, "the clients should have seen the server die mid-workload"
    server = start_local_server(server.home, port=server.port)
    try:
        stored = {e["experimentId"] for e in ok(server.api("crash").get("/experiments"))["experimentList"]}
        missing = set(acked) - stored
        assert not missing, f"{len(missing)} acknowledged experiments lost"
    finally:
        server.stop()


def test_schedule_triggers_survive_a_crash_once(tmp_path: Path) -> None:
    server: LocalServerHandle = start_local_server(tmp_path / "home")
    try:
        api = server.api("sched")
        ids = _ids(api)
        manifest = (FIXTURES / "local_hello_pipeline.yaml").read_bytes()
        pid = ok(
            api.post(
                "/pipelines/upload",
                json={"pipelineName": "p", "base64PipelineSpecManifest": base64.b64encode(manifest).decode()},
            )
        )["pipeline"]["pipelineId"]
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(
            minutes=2, seconds=10
        )  # triggers 70 s and 10 s ago; next in 50 s
        rr = ok(
            api.post(
                "/pipeline-runs",
                json={
                    "pipelineRunOrRecurringRunName": "sched",
                    "pipelineId": pid,
                    "flavorId": ids["flavorId"],
                    "instanceCount": 1,
                    "bootStorageSize": 50,
                    "schedulePeriodicMinutes": 1,
                    "scheduleStartDatetime": start.isoformat(timespec="seconds"),
                    "maxConcurrencyCount": 10,
                },
            )
        )["pipelineRecurringRun"]
        rid = rr["pipelineRecurringRunId"]

        def runs() -> list[dict[str, Any]]:
            found: list[dict[str, Any]] = ok(api.get("/pipeline-runs", params={"pipelineRecurringRunId": rid}))[
                "pipelineRunList"
            ]
            return found

        wait_until(lambda: len(runs()) >= 2, timeout=15, what="two scheduled runs")
        first = sorted(r["scheduledDatetime"] for r in runs())
        assert len(first) == 2
        expected = [(start + timedelta(minutes=k)).astimezone(UTC) for k in (1, 2)]
        assert [datetime.fromisoformat(s) for s in first] == expected
        server.kill()
        server = server.restart()
        api = server.api("sched")
        time.sleep(2.5)  # the scheduler ticks every second: give it passes to (wrongly) repeat a trigger
        again = sorted(r["scheduledDatetime"] for r in runs())
        assert again == first
        for r in runs():  # the runs that the crash interrupted are failed, none is left in progress
            assert r["pipelineRunStatusCode"] in ("COMPLETE", "FAIL_PIPELINE_RUN"), r
        ok(api.delete(f"/pipeline-recurring-runs/{rid}"))
        assert "not found" in err(api.get(f"/pipeline-recurring-runs/{rid}"), 404)
    finally:
        server.stop()


def test_admin_reset_stops_jobs_and_deletes_everything(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _setup_nas(home)
    server = start_local_server(home)
    try:
        api = server.api("reset")
        ids = _ids(api)
        ok(api.post("/experiments", json={"experimentName": "gone"}))
        sleepy = training_body(ids, "sleepy", hyperparameterList=[{"parameterName": "sleep", "parameterValue": "30"}])
        tid = ok(api.post("/trainings", json=sleepy))["training"]["trainingId"]
        wait_for(lambda: ok(api.get(f"/trainings/{tid}"))["training"], "trainingStatusCode", {"RUNNING"})
        assert ok(server.client().post("/admin/reset"))["deleted"] == 2
        assert ok(api.get("/experiments"))["experimentList"] == []
        err(api.get(f"/trainings/{tid}"), 404)
        assert ok(server.client().get("/admin/jobs"))["jobList"] == []
    finally:
        server.stop()
