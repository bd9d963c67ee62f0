"""EasyMaker Local runs real work through its job supervisor: a training runs its entry point, a model is created
from it, an endpoint serves it, stages and deletion rules, stop, Log & Crash records of ``useLog`` jobs, job logs,
recurring runs creating pipeline runs; and the lifecycle tables agree with the spec's status enums."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from local_api_calls import TRAIN_PY, err, ok, training_body, wait_for
from local_server import LocalServerHandle
from paths import FIXTURES
from polling import wait_until

from easymaker.local import states
from easymaker.local.catalog import load_catalog
from easymaker.local.resources.service import Service
from easymaker.local.store import Store
from easymaker.local.validation import spec_validator

LISTS = {
    "experiments": "ExperimentListResponse",
    "trainings": "TrainingListResponse",
    "hyperparameter-tunings": "HyperparameterTuningListResponse",
    "fine-tunings": "FineTuningListResponse",
    "models": "ModelListResponse",
    "endpoints": "EndpointListResponse",
    "endpoint-stages": "EndpointStageListResponse",
    "endpoint-models": "EndpointModelListResponse",
    "batch-inferences": "BatchInferenceListResponse",
    "model-evaluations": "ModelEvaluationListResponse",
    "pipelines": "PipelineListResponse",
    "pipeline-runs": "PipelineRunListResponse",
    "pipeline-recurring-runs": "PipelineRecurringRunListResponse",
}


def assert_lists_conform(api: httpx.Client) -> int:
    """Every list of the appkey conforms to the spec's response schema; returns how many resources were checked."""
    n = 0
    for path, schema in LISTS.items():
        doc = ok(api.get(f"/{path}"))
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in spec_validator().schema_validator(schema).iter_errors(doc)
        ]
        assert not errors, (path, errors[:5])
        items = next(v for k, v in doc.items() if k != "header")
        n += len(items)
    return n


pytestmark = pytest.mark.local_server(files={"nas/n1/src/train.py": TRAIN_PY})


@pytest.fixture(scope="module")
def ids(local_server_module: LocalServerHandle) -> dict[str, str]:
    api = local_server_module.api("jobs")
    flavors = ok(api.get("/flavors"))["flavorList"]
    images = ok(api.get("/images"))["imageList"]
    return {"flavorId": flavors[0]["id"], "imageId": images[0]["imageId"]}


def test_training_model_endpoint_lifecycle(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    api = local_server_module.api("jobs")
    exp = ok(api.post("/experiments", json={"experimentName": "lifecycle"}))["experiment"]
    t = ok(api.post("/trainings", json=training_body(ids, "t1", experimentId=exp["experimentId"], useLog=True)))
    training = t["training"]
    assert training["trainingStatusCode"] in ("CREATE_REQUESTED", "CREATE_IN_PROGRESS", "RUNNING")
    assert training["flavor"]["id"] == ids["flavorId"] and training["image"]["imageId"] == ids["imageId"]
    assert training["experiment"] == {
        "experimentId": exp["experimentId"],
        "experimentName": "lifecycle",
        "experimentStatusCode": "ACTIVE",
    }
    tid = training["trainingId"]
    # a model needs a COMPLETE training
    if training["trainingStatusCode"] != "COMPLETE":
        r = api.post("/models", json={"modelName": "early", "trainingId": tid, "modelFormatCode": "SKLEARN"})
        assert r.status_code in (200, 409)
        if r.status_code == 200:  # it completed in between
            ok(api.delete(f"/models/{r.json()['model']['modelId']}"))
        else:
            assert "COMPLETE" in r.json()["header"]["resultMessage"]
    done = wait_for(
        lambda: ok(api.get(f"/trainings/{tid}"))["training"],
        "trainingStatusCode",
        {"COMPLETE", "FAIL_TRAIN", "CREATE_FAILED"},
    )
    assert done["trainingStatusCode"] == "COMPLETE", done
    assert done["modelList"] == []
    err(api.put(f"/trainings/{tid}/stop"), 409)

    logs = ok(local_server_module.client().get(f"/admin/jobs/{tid}/logs"))["jobLogs"]
    assert logs["stdout"] == "epochs 3\n" and logs["stderr"] == "to stderr\n"
    # useLog: the output lines went to Log & Crash (written in batches)
    from easymaker.local.store import Store as _Store

    def logged() -> list[dict[str, Any]] | None:
        found = _Store(local_server_module.home / "state.db").list_logs(100, "jobs", "easymaker.training")
        return found if len(found) >= 2 else None

    records = wait_until(logged, timeout=10, what="two Log & Crash records")
    assert {(r["body"], r["trainingId"], r["logLevel"]) for r in records} == {
        ("epochs 3", tid, "INFO"),
        ("to stderr", tid, "ERROR"),
    }

    model = ok(api.post("/models", json={"modelName": "m1", "trainingId": tid, "modelFormatCode": "SKLEARN"}))["model"]
    assert model["modelStatusCode"] == "ACTIVE" and model["modelUploadUri"] == "nas://n1:/models/t1"
    assert model["training"]["trainingId"] == tid
    listed = ok(api.get(f"/trainings/{tid}"))["training"]["modelList"]
    assert listed == [{"modelId": model["modelId"], "modelName": "m1", "modelStatusCode": "ACTIVE"}]
    assert "delete the model first" in err(api.delete(f"/trainings/{tid}"), 409)

    ep = ok(
        api.post(
            "/endpoints",
            json={
                "endpointName": "ep1",
                "flavorId": ids["flavorId"],
                "nodeCount": 1,
                "endpointModelResourceList": [
                    {"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}
                ],
            },
        )
    )["endpoint"]
    eid = ep["endpointId"]
    assert ep["endpointStatusCode"] in ("CREATE_REQUESTED", "CREATE_IN_PROGRESS")
    assert "already exists" in err(
        api.post(
            "/endpoints",
            json={
                "endpointName": "ep1",
                "flavorId": ids["flavorId"],
                "nodeCount": 1,
                "endpointModelResourceList": [{"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1"}}],
            },
        ),
        409,
    )
    active = wait_for(
        lambda: ok(api.get(f"/endpoints/{eid}"))["endpoint"], "endpointStatusCode", {"ACTIVE", "CREATE_FAILED"}
    )
    assert active["endpointStatusCode"] == "ACTIVE", active
    stage = active["defaultStage"]
    assert stage["isDefaultStage"] is True and stage["defaultStage"] is True and stage["apigwStageName"] == "default"
    assert [s["endpointStageId"] for s in active["endpointStageList"]] == [stage["endpointStageId"]]
    stages = ok(api.get("/endpoint-stages", params={"endpointId": eid}))["endpointStageList"]
    assert [s["endpointStageId"] for s in stages] == [stage["endpointStageId"]]
    ems = ok(api.get("/endpoint-models", params={"endpointStageId": stage["endpointStageId"]}))["endpointModelList"]
    assert len(ems) == 1 and ems[0]["modelId"] == model["modelId"] and ems[0]["podCount"] == 1
    assert ems[0]["endpointModelStatusCode"] == "ACTIVE" and ems[0]["model"]["modelName"] == "m1"
    em = ok(api.get(f"/endpoint-models/{ems[0]['endpointModelId']}"))["endpointModel"]
    assert em["endpointStageId"] == stage["endpointStageId"]
    pred = httpx.post(f"http://{stage['apigwStageUrl']}{em['apigwResourceUri']}", json={"instances": [[1, 1], [0, 0]]})
    assert pred.json() == {"predictions": [1, 0]}

    assert assert_lists_conform(api) >= 6  # experiment, training, model, endpoint, stage, endpoint model
    # rules
    assert "used by endpoint stage" in err(api.delete(f"/models/{model['modelId']}"), 409)
    assert "default stage" in err(api.delete(f"/endpoint-stages/{stage['endpointStageId']}"), 409)
    assert "only model" in err(api.delete(f"/endpoint-models/{em['endpointModelId']}"), 409)
    blue = ok(
        api.post(
            "/endpoint-stages",
            json={
                "endpointId": eid,
                "apigwStageName": "blue",
                "flavorId": ids["flavorId"],
                "nodeCount": 1,
                "endpointModelResourceList": [
                    {"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1"}, "podCount": 2},
                    {"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1"}},
                ],
            },
        )
    )["endpointStage"]
    assert blue["isDefaultStage"] is False and blue["podCount"] == 3
    assert ok(api.get(f"/endpoints/{eid}"))["endpoint"]["endpointStatusCode"] in ("UPDATE_IN_PROGRESS", "ACTIVE")
    assert "non-default stages" in err(api.delete(f"/endpoints/{eid}"), 409)
    wait_for(
        lambda: ok(api.get(f"/endpoint-stages/{blue['endpointStageId']}"))["endpointStage"],
        "endpointStageStatusCode",
        {"ACTIVE"},
    )
    assert ok(api.get(f"/endpoints/{eid}"))["endpoint"]["endpointStatusCode"] == "ACTIVE"
    blue_models = ok(api.get("/endpoint-models", params={"endpointStageId": blue["endpointStageId"]}))[
        "endpointModelList"
    ]
    assert [m["podCount"] for m in blue_models] == [2, 1]
    ok(api.delete(f"/endpoint-models/{blue_models[1]['endpointModelId']}"))  # the stage is deployed again without it
    err(api.get(f"/endpoint-models/{blue_models[1]['endpointModelId']}"), 404)
    redeployed = wait_for(
        lambda: ok(api.get(f"/endpoint-stages/{blue['endpointStageId']}"))["endpointStage"],
        "endpointStageStatusCode",
        {"ACTIVE", "DEPLOY_FAILED"},
    )
    assert redeployed["endpointStageStatusCode"] == "ACTIVE"
    assert [m["endpointModelId"] for m in redeployed["endpointModelList"]] == [blue_models[0]["endpointModelId"]]
    ok(api.delete(f"/endpoint-stages/{blue['endpointStageId']}"))
    err(api.get(f"/endpoint-stages/{blue['endpointStageId']}"), 404)
    ok(api.delete(f"/endpoints/{eid}"))
    err(api.get(f"/endpoints/{eid}"), 404)
    with pytest.raises(httpx.HTTPError):
        httpx.post(f"http://{stage['apigwStageUrl']}{em['apigwResourceUri']}", json={"instances": [[1, 1]]}, timeout=2)
    assert ok(api.get("/endpoint-stages"))["endpointStageList"] == []
    ok(api.delete(f"/models/{model['modelId']}"))
    ok(api.delete(f"/trainings/{tid}"))
    ok(api.delete(f"/experiments/{exp['experimentId']}"))


def test_stop_running_training_and_experiment_rule(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    api = local_server_module.api("stopper")
    exp = ok(api.post("/experiments", json={"experimentName": "busy"}))["experiment"]
    body = training_body(
        ids,
        "sleepy",
        experimentId=exp["experimentId"],
        hyperparameterList=[{"parameterName": "sleep", "parameterValue": "60"}],
    )
    tid = ok(api.post("/trainings", json=body))["training"]["trainingId"]
    wait_for(lambda: ok(api.get(f"/trainings/{tid}"))["training"], "trainingStatusCode", {"RUNNING"})
    assert "work in progress" in err(api.delete(f"/experiments/{exp['experimentId']}"), 409)
    assert "stop it" in err(api.delete(f"/trainings/{tid}"), 409)
    ok(api.put(f"/trainings/{tid}/stop"))
    stopped = wait_for(lambda: ok(api.get(f"/trainings/{tid}"))["training"], "trainingStatusCode", {"STOPPED"})
    assert stopped["trainingStatusReason"]
    err(api.put(f"/trainings/{tid}/stop"), 409)
    ok(api.delete(f"/trainings/{tid}"))
    ok(api.delete(f"/experiments/{exp['experimentId']}"))


def test_failing_jobs_report_reasons(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    api = local_server_module.api("failing")
    t = ok(api.post("/trainings", json=training_body(ids, "nosrc", sourceDirUri="nas://n1:/missing")))["training"]
    failed = wait_for(
        lambda: ok(api.get(f"/trainings/{t['trainingId']}"))["training"],
        "trainingStatusCode",
        {"CREATE_FAILED", "FAIL_TRAIN"},
    )
    assert "missing" in failed["trainingStatusReason"]
    assert "sourceDirUri" in err(
        api.post("/trainings", json=training_body(ids, "x", sourceDirUri=None) | {"sourceDirUri": ""}), 400
    )
    bad_flavor = training_body(ids, "x", flavorId="nope")
    assert err(api.post("/trainings", json=bad_flavor), 400).startswith("flavorId:")
    model = ok(
        api.post(
            "/models", json={"modelName": "ghost", "modelFormatCode": "SKLEARN", "modelUploadUri": "nas://n1:/none"}
        )
    )["model"]
    bi = ok(
        api.post(
            "/batch-inferences",
            json={
                "batchInferenceName": "bi",
                "instanceCount": 1,
                "timeoutMinutes": 60,
                "flavorId": ids["flavorId"],
                "modelId": model["modelId"],
                "podCount": 1,
                "maxBatchSize": 10,
                "inferenceTimeoutSeconds": 10,
                "inputDataUri": "nas://n1:/no-input",
                "inputDataTypeCode": "JSONL",
                "outputUploadUri": "nas://n1:/out",
                "dataStorageSize": 300,
            },
        )
    )["batchInference"]
    assert bi["model"]["modelId"] == model["modelId"] and bi["flavor"]["id"] == ids["flavorId"]
    done = wait_for(
        lambda: ok(api.get(f"/batch-inferences/{bi['batchInferenceId']}"))["batchInference"],
        "batchInferenceStatusCode",
        {"FAIL_BATCH_INFERENCE", "CREATE_FAILED"},
    )
    assert done["batchInferenceStatusReason"]
    assert assert_lists_conform(api) >= 3
    ok(api.delete(f"/batch-inferences/{bi['batchInferenceId']}"))
    ep = ok(
        api.post(
            "/endpoints",
            json={
                "endpointName": "broken",
                "flavorId": ids["flavorId"],
                "nodeCount": 1,
                "endpointModelResourceList": [{"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1"}}],
            },
        )
    )["endpoint"]
    failed_ep = wait_for(
        lambda: ok(api.get(f"/endpoints/{ep['endpointId']}"))["endpoint"],
        "endpointStatusCode",
        {"CREATE_FAILED", "ACTIVE"},
    )
    assert failed_ep["endpointStatusCode"] == "CREATE_FAILED"
    stage = failed_ep["defaultStage"]
    assert stage["endpointStageStatusCode"] == "CREATE_FAILED"
    assert (
        failed_ep["endpointStatusReason"] == stage["endpointStageStatusReason"]
        and "ghost" in stage["endpointStageStatusReason"]
    )
    assert "stages can be added when ACTIVE" in err(
        api.post(
            "/endpoint-stages",
            json={
                "endpointId": ep["endpointId"],
                "apigwStageName": "default",
                "flavorId": ids["flavorId"],
                "nodeCount": 1,
                "endpointModelResourceList": [{"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1"}}],
            },
        ),
        409,
    )
    ok(api.delete(f"/endpoints/{ep['endpointId']}"))
    ok(api.delete(f"/models/{model['modelId']}"))


def test_recurring_run_creates_runs(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    import base64

    api = local_server_module.api("sched")
    manifest = (FIXTURES / "local_hello_pipeline.yaml").read_bytes()
    p = ok(
        api.post(
            "/pipelines/upload",
            json={"pipelineName": "p", "base64PipelineSpecManifest": base64.b64encode(manifest).decode()},
        )
    )
    pid = p["pipeline"]["pipelineId"]
    start = (datetime.now(UTC) - timedelta(minutes=2, seconds=30)).isoformat(timespec="seconds")
    rr = ok(
        api.post(
            "/pipeline-runs",
            json={
                "pipelineRunOrRecurringRunName": "every-minute",
                "pipelineId": pid,
                "flavorId": ids["flavorId"],
                "instanceCount": 1,
                "bootStorageSize": 50,
                "schedulePeriodicMinutes": 1,
                "scheduleStartDatetime": start,
                "maxConcurrencyCount": 5,
                "useCatchup": True,
                "parameterList": [{"parameterName": "message", "parameterValue": "hey"}],
            },
        )
    )["pipelineRecurringRun"]
    rid = rr["pipelineRecurringRunId"]

    def two_runs() -> list[dict[str, Any]] | None:
        found: list[dict[str, Any]] = ok(api.get("/pipeline-runs", params={"pipelineRecurringRunId": rid}))[
            "pipelineRunList"
        ]
        return found if len(found) >= 2 else None

    runs = wait_until(two_runs, timeout=20, what="two runs of the recurring run")
    assert len(runs) == 2, runs
    assert all(r["pipelineRecurringRun"]["pipelineRecurringRunId"] == rid for r in runs)
    assert all(r["pipeline"]["pipelineId"] == pid for r in runs)
    scheduled = sorted(r["scheduledDatetime"] for r in runs)
    assert len(set(scheduled)) == 2
    listed = ok(api.get(f"/pipeline-recurring-runs/{rid}"))["pipelineRecurringRun"]["pipelineRunList"]
    assert sorted(r["pipelineRunId"] for r in listed) == sorted(r["pipelineRunId"] for r in runs)
    assert assert_lists_conform(api) >= 4
    ok(api.put(f"/pipeline-recurring-runs/{rid}/stop"))
    for r in runs:
        if r["pipelineRunStatusCode"] not in ("COMPLETE", "FAIL_PIPELINE_RUN", "STOPPED", "CREATE_FAILED"):
            api.put(f"/pipeline-runs/{r['pipelineRunId']}/stop")
    for run_id in [r["pipelineRunId"] for r in runs]:

        def fetch(run_id: str = run_id) -> dict[str, Any]:
            return ok(api.get(f"/pipeline-runs/{run_id}"))["pipelineRun"]  # type: ignore[no-any-return]

        wait_for(fetch, "pipelineRunStatusCode", {"COMPLETE", "FAIL_PIPELINE_RUN", "STOPPED", "CREATE_FAILED"}, 90)
    ok(api.delete(f"/pipeline-recurring-runs/{rid}"))


# --------------------------------------------------------------------------------------------- state machines
def test_state_tables_use_the_spec_enums() -> None:
    v = spec_validator()
    for kind in states.KINDS.values():
        allowed = set(v.enum(kind.spec.status_enum))
        assert kind.statuses <= allowed, (kind.name, kind.statuses - allowed)
        assert kind.terminal <= kind.statuses
        assert kind.stoppable <= kind.statuses


def test_illegal_transitions_are_rejected(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    svc = Service(store, load_catalog())
    doc = {"trainingId": "t", "trainingName": "n", "trainingStatusCode": "CREATE_REQUESTED"}
    store.insert("training", "ak", "t", "n", "CREATE_REQUESTED", doc)
    assert svc.transition("t", "RUNNING")
    assert svc.transition("t", "COMPLETE")
    assert not svc.transition("t", "RUNNING")  # COMPLETE is terminal
    assert not svc.transition("t", "FAIL_TRAIN", "late")
    row = store.get("t")
    assert row is not None and row.status == "COMPLETE" and row.doc["trainingStatusCode"] == "COMPLETE"
    assert svc.transition("t", "FAIL_TRAIN", "forced", force=True)
    assert store.get("t").doc["trainingStatusReason"] == "forced"  # type: ignore[union-attr]
    assert not svc.transition("missing", "RUNNING")


def test_object_store_is_mounted_and_feeds_jobs(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    swift = local_server_module.client(token=False, headers={"X-Auth-Token": local_server_module.token})
    assert swift.put("/v1/AUTH_tenant1/bucket").status_code in (201, 202)
    assert swift.put("/v1/AUTH_tenant1/bucket/code/train.py", content=TRAIN_PY.encode()).status_code == 201
    # Keystone v2 tokens on the same port open the tenant's objects
    issued = local_server_module.swift_token("tenant1")
    got = httpx.get(f"{local_server_module.url}/v1/AUTH_tenant1/bucket/code/train.py", headers={"X-Auth-Token": issued})
    assert got.status_code == 200 and got.content == TRAIN_PY.encode()
    assert httpx.get(f"{local_server_module.url}/v1/AUTH_tenant1/bucket/code/train.py").status_code == 401
    # the IaaS token operation of the spec hands out object store tokens
    api = local_server_module.api("objects")
    access = ok(api.get(f"{local_server_module.url}/token/v1.0/appkeys/objects/groups/g1/iaas-token"))["access"]
    assert (
        httpx.get(
            f"{local_server_module.url}/v1/AUTH_tenant1/bucket/code/train.py",
            headers={"X-Auth-Token": access["token"]["id"]},
        ).content
        == TRAIN_PY.encode()
    )
    obs = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_tenant1/bucket"
    body = training_body(ids, "from-obs", sourceDirUri=f"{obs}/code", modelUploadUri=f"{obs}/model")
    tid = ok(api.post("/trainings", json=body))["training"]["trainingId"]
    done = wait_for(
        lambda: ok(api.get(f"/trainings/{tid}"))["training"],
        "trainingStatusCode",
        {"COMPLETE", "FAIL_TRAIN", "CREATE_FAILED"},
    )
    assert done["trainingStatusCode"] == "COMPLETE", done
    listing = swift.get("/v1/AUTH_tenant1/bucket", params={"prefix": "model/"}).text.split()
    assert listing == ["model/model.joblib"]


def test_tuning_and_model_from_its_best_trial(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    api = local_server_module.api("tuning")
    src = local_server_module.home / "nas" / "n1" / "hpo"
    src.mkdir(parents=True, exist_ok=True)
    (src / "train.py").write_text(
        "import os, argparse\n"
        "p = argparse.ArgumentParser(); p.add_argument('--x', type=float); a, _ = p.parse_known_args()\n"
        "print(f'loss={(a.x - 0.25) ** 2}')\n"
        "open(os.path.join(os.environ['EM_MODEL_DIR'], 'x.txt'), 'w').write(str(a.x))\n"
    )
    body = {
        "hyperparameterTuningName": "grid",
        "imageId": ids["imageId"],
        "flavorId": ids["flavorId"],
        "instanceCount": 1,
        "modelUploadUri": "nas://n1:/hpo-out",
        "timeoutMinutes": 60,
        "sourceDirUri": "nas://n1:/hpo",
        "entryPoint": "train.py",
        "hyperparameterSpecList": [
            {
                "hyperparameterName": "x",
                "hyperparameterTypeCode": "discrete",
                "hyperparameterSpecifiedValues": "0.0,0.25,1.0",
            }
        ],
        "metricList": [{"name": "loss"}],
        "objectiveMetric": {"name": "loss"},
        "objectiveTypeCode": "MINIMIZE",
        "tuningStrategyName": "GRID",
        "maxTrialCount": 3,
        "parallelTrialCount": 1,
    }
    missing = {k: v for k, v in body.items() if k != "objectiveMetric"}
    assert err(api.post("/hyperparameter-tunings", json=missing), 400).startswith("objectiveMetric:")
    h = ok(api.post("/hyperparameter-tunings", json=body))["hyperparameterTuning"]
    assert h["objectiveMetricName"] == "loss" and h["metricList"] == [{"name": "loss"}]
    hid = h["hyperparameterTuningId"]
    done = wait_for(
        lambda: ok(api.get(f"/hyperparameter-tunings/{hid}"))["hyperparameterTuning"],
        "hyperparameterTuningStatusCode",
        {"COMPLETE", "FAIL_HYPERPARAMETER_TUNING", "CREATE_FAILED"},
        timeout=90,
    )
    assert done["hyperparameterTuningStatusCode"] == "COMPLETE", done
    assert done["successfulTrialCount"] == 3
    best = done["optimalTrial"]
    assert {p["parameterName"]: p["parameterValue"] for p in best["hyperparameterList"]}["x"] in ("0.25", "0.250")
    model = ok(
        api.post("/models", json={"modelName": "best", "hyperparameterTuningId": hid, "modelFormatCode": "SKLEARN"})
    )
    uri = model["model"]["modelUploadUri"]
    assert uri.rstrip("/") == f"nas://n1:/hpo-out/{done['optimalTrialId']}"
    assert (
        local_server_module.home / "nas" / "n1" / "hpo-out" / done["optimalTrialId"] / "x.txt"
    ).read_text() == "0.25"
    assert "delete the model first" in err(api.delete(f"/hyperparameter-tunings/{hid}"), 409)
    assert assert_lists_conform(api) == 2


def test_admin_reset_and_job_logs_need_the_token(local_server_module: LocalServerHandle) -> None:
    anon = local_server_module.client(token=False)
    assert anon.get(f"/admin/jobs/{'0' * 36}/logs").status_code == 401
    assert local_server_module.client().get(f"/admin/jobs/{'0' * 36}/logs").status_code == 404


def test_model_evaluation_through_the_api(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    import joblib
    from sklearn.linear_model import LogisticRegression

    api = local_server_module.api("evaluation")
    base = local_server_module.home / "nas" / "n2"
    (base / "model").mkdir(parents=True)
    (base / "data").mkdir(parents=True)
    joblib.dump(
        LogisticRegression().fit([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 1, 0, 1]), base / "model" / "model.joblib"
    )
    (base / "data" / "d.csv").write_text("a,b,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n")
    model = ok(
        api.post(
            "/models", json={"modelName": "clf", "modelFormatCode": "SKLEARN", "modelUploadUri": "nas://n2:/model"}
        )
    )
    body = {
        "modelEvaluationName": "ev",
        "modelId": model["model"]["modelId"],
        "objectiveCode": "CLASSIFICATION",
        "classNames": "0,1",
        "flavorId": ids["flavorId"],
        "inputDataUri": "nas://n2:/data",
        "inputDataTypeCode": "CSV",
        "targetFieldName": "label",
        "timeoutMinutes": 120,
        "batchInference": {
            "flavorId": ids["flavorId"],
            "instanceCount": 1,
            "podCount": 1,
            "outputUploadUri": "nas://n2:/out",
            "maxBatchSize": 10,
            "inferenceTimeoutSeconds": 30,
        },
    }
    ev = ok(api.post("/model-evaluations", json=body))["modelEvaluation"]
    assert ev["timeoutHours"] == 2 and ev["batchInference"]["flavor"]["id"] == ids["flavorId"]
    eid = ev["modelEvaluationId"]
    done = wait_for(
        lambda: ok(api.get(f"/model-evaluations/{eid}"))["modelEvaluation"],
        "modelEvaluationStatusCode",
        {"COMPLETE", "FAIL_MODEL_EVALUATION", "CREATE_FAILED"},
    )
    assert done["modelEvaluationStatusCode"] == "COMPLETE", done
    assert done["metrics"]["auRoc"] == 1.0 and done["batchInference"]["success2XxCount"] == 4
    validator = spec_validator().schema_validator("ModelEvaluationResponse")
    assert not list(validator.iter_errors(api.get(f"/model-evaluations/{eid}").json()))
    ok(api.delete(f"/model-evaluations/{eid}"))
    ok(api.delete(f"/models/{model['model']['modelId']}"))


def test_every_operation_of_the_spec_has_a_handler(tmp_path: Path) -> None:
    svc = Service(Store(tmp_path / "state.db"), load_catalog())
    operations = {op.operation_id for op in spec_validator().operations}
    # answered by the app itself (they need the connection's port or stream job files), not by the service
    by_app = {"proveLocalServer", "getResourceMetrics", "listResourceLogSources", "getResourceLogs"}
    assert len(operations) == 69
    assert set(svc.handlers) == operations - by_app


def test_pipeline_steps_can_call_the_server(local_server_module: LocalServerHandle, ids: dict[str, str]) -> None:
    import base64

    api = local_server_module.api("from-step")  # the step's EM_TOKEN opens the API of its own appkey only
    manifest = (FIXTURES / "local_call_server_pipeline.yaml").read_bytes()
    p = ok(
        api.post(
            "/pipelines/upload",
            json={"pipelineName": "caller", "base64PipelineSpecManifest": base64.b64encode(manifest).decode()},
        )
    )
    run = ok(
        api.post(
            "/pipeline-runs",
            json={
                "pipelineRunOrRecurringRunName": "call",
                "pipelineId": p["pipeline"]["pipelineId"],
                "flavorId": ids["flavorId"],
                "instanceCount": 1,
                "bootStorageSize": 50,
                "parameterList": [{"parameterName": "name", "parameterValue": "from-a-step"}],
            },
        )
    )["pipelineRun"]
    done = wait_for(
        lambda: ok(api.get(f"/pipeline-runs/{run['pipelineRunId']}"))["pipelineRun"],
        "pipelineRunStatusCode",
        {"COMPLETE", "FAIL_PIPELINE_RUN", "CREATE_FAILED"},
        timeout=90,
    )
    assert done["pipelineRunStatusCode"] == "COMPLETE", done
    made = ok(local_server_module.api("from-step").get("/experiments", params={"experimentNameList": "from-a-step"}))[
        "experimentList"
    ]
    assert len(made) == 1 and made[0]["experimentStatusCode"] == "ACTIVE"
