"""EasyMaker Local's REST API over real HTTP against a server subprocess: envelope, auth, validation against the
spec, 404s, appkey isolation, CRUD of the resources that need no runner, lookups, Log & Crash, admin routes."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import uuid
from typing import Any

import httpx
import pytest
from local_server import REPO, LocalServerHandle
from paths import FIXTURES
from polling import wait_until

PIPELINE_YAML = (FIXTURES / "local_hello_pipeline.yaml").read_bytes()


def ok(r: httpx.Response) -> dict[str, Any]:
    assert r.status_code == 200, r.text
    doc: dict[str, Any] = r.json()
    assert doc["header"] == {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}
    return doc


def err(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, r.text
    header = r.json()["header"]
    assert header["isSuccessful"] is False
    assert isinstance(header["resultCode"], int) and header["resultCode"] < 0
    return str(header["resultMessage"])


@pytest.fixture
def api(local_server_module: LocalServerHandle, request: pytest.FixtureRequest) -> httpx.Client:
    """A client on a fresh appkey per test (tests share the module's server)."""
    return local_server_module.api("ak-" + request.node.name[:40].replace("[", "-").replace("]", ""))


def test_health_gateway_and_auth(local_server_module: LocalServerHandle) -> None:
    s = local_server_module
    with httpx.Client(base_url=s.url) as anon:
        assert anon.get("/health").json()["status"] == "ok"
        assert ok(anon.get("/nhn-api-gateway"))
        msg = err(anon.get("/v1.0/appkeys/a/experiments"), 401)
        assert "token" in msg
        err(anon.get("/v1.0/appkeys/a/experiments", headers={"x-nhn-authorization": "Bearer wrong"}), 401)
        err(anon.get("/v1.0/appkeys/a/experiments", headers={"x-nhn-authorization": s.token}), 401)
        ok(anon.get("/v1.0/appkeys/a/experiments", headers={"x-nhn-authorization": f"Bearer {s.token}"}))
        ok(anon.get("/v1.0/appkeys/a/experiments", headers={"X-EasyMaker-Token": s.token}))
        err(anon.post("/admin/reset"), 401)


def test_token_file_mode(local_server_module: LocalServerHandle) -> None:
    token_file = local_server_module.home / "token"
    assert token_file.read_text().strip() == local_server_module.token
    assert token_file.stat().st_mode & 0o077 == 0


def test_unknown_route_and_id(api: httpx.Client, local_server_module: LocalServerHandle) -> None:
    c = local_server_module.client()
    assert "no such route" in err(c.get("/v1.0/appkeys/a/nothing-here"), 404)
    err(c.get("/nowhere"), 404)
    rid = str(uuid.uuid4())
    for path in ("experiments", "trainings", "models", "endpoints", "pipelines", "pipeline-runs", "endpoint-models"):
        assert rid in err(api.get(f"/{path}/{rid}"), 404)
    err(api.delete(f"/trainings/{rid}"), 404)
    err(api.put(f"/trainings/{rid}/stop"), 404)
    err(api.put(f"/pipeline-recurring-runs/{rid}/start"), 404)
    err(api.patch("/experiments"), 405)


def test_validation_names_field_and_limit(api: httpx.Client) -> None:
    msg = err(api.post("/experiments", json={"experimentName": "x" * 51}), 400)
    assert msg.startswith("experimentName:") and "maxLength 50" in msg
    assert err(api.post("/experiments", json={}), 400) == "experimentName: is required"
    assert "description" in err(api.post("/experiments", json={"experimentName": "a", "description": 5}), 400)
    body = {
        "trainingName": "t",
        "imageId": "i",
        "flavorId": "f",
        "instanceCount": 11,
        "modelUploadUri": "u",
        "timeoutMinutes": 60,
    }
    msg = err(api.post("/trainings", json=body), 400)
    assert msg.startswith("instanceCount:") and "maximum 10" in msg
    body["instanceCount"] = 1
    body["datasetList"] = [{"datasetName": "train"}]
    assert err(api.post("/trainings", json=body), 400) == "datasetList[0].dataUri: is required"
    # query and path parameters are validated too
    msg = err(api.get("/experiments", params={"experimentNameList": ["ok", "y" * 51]}), 400)
    assert msg.startswith("experimentNameList[1]:")
    assert err(api.get("/experiments/" + "z" * 37), 400).startswith("experimentId:")


def test_malformed_bodies_are_4xx(api: httpx.Client) -> None:
    h = {"content-type": "application/json"}
    assert "not valid JSON" in err(api.post("/experiments", content=b"{nope", headers=h), 400)
    assert "not UTF-8" in err(api.post("/experiments", content=b'{"experimentName": "\xff\xfe"}', headers=h), 400)
    assert "required" in err(api.post("/experiments", content=b"", headers=h), 400)
    err(api.post("/experiments", content=b'{"experimentName": NaN}', headers=h), 400)
    assert "surrogate" in err(api.post("/experiments", content=b'{"experimentName": "\\ud800"}', headers=h), 400)
    assert (
        ok(api.post("/experiments", content=b'{"experimentName": "\\ud83d\\ude00"}', headers=h))["experiment"][
            "experimentName"
        ]
        == "\U0001f600"
    )
    err(api.post("/experiments", content=b"[" * 100000, headers=h), 400)
    deep = b'{"experimentName": "d", "x": ' + b"[" * 500 + b"]" * 500 + b"}"
    assert "nested deeper" in err(api.post("/experiments", content=deep, headers=h), 400)
    big = b'{"experimentName": "' + b"a" * (33 * 1024 * 1024) + b'"}'
    r = api.post("/experiments", content=big, headers=h)
    assert r.status_code == 413, r.text[:300]


def test_experiment_crud_and_filters(api: httpx.Client) -> None:
    e1 = ok(api.post("/experiments", json={"experimentName": "exp-1", "description": "first"}))["experiment"]
    assert len(e1["experimentId"]) == 36 and uuid.UUID(e1["experimentId"]).version == 4
    assert e1["experimentStatusCode"] == "ACTIVE"
    assert e1["experimentName"] == "exp-1" and e1["description"] == "first"
    assert e1["createdDatetime"].endswith("+00:00") and e1["appKey"]
    e2 = ok(api.post("/experiments", json={"experimentName": "exp-2"}))["experiment"]
    assert "already exists" in err(api.post("/experiments", json={"experimentName": "exp-1"}), 409)
    got = ok(api.get(f"/experiments/{e1['experimentId']}"))["experiment"]
    assert got == e1
    names = [e["experimentName"] for e in ok(api.get("/experiments"))["experimentList"]]
    assert names == ["exp-1", "exp-2"]
    by_name = ok(api.get("/experiments", params={"experimentNameList": "exp-2"}))["experimentList"]
    assert [e["experimentId"] for e in by_name] == [e2["experimentId"]]
    by_ids = ok(api.get("/experiments", params={"experimentIdList": [e1["experimentId"], e2["experimentId"]]}))
    assert len(by_ids["experimentList"]) == 2
    ok(api.delete(f"/experiments/{e1['experimentId']}"))
    err(api.get(f"/experiments/{e1['experimentId']}"), 404)
    err(api.delete(f"/experiments/{e1['experimentId']}"), 404)


def test_appkey_isolation(local_server_module: LocalServerHandle) -> None:
    a, b = local_server_module.api("iso-a"), local_server_module.api("iso-b")
    e = ok(a.post("/experiments", json={"experimentName": "mine"}))["experiment"]
    err(b.get(f"/experiments/{e['experimentId']}"), 404)
    err(b.delete(f"/experiments/{e['experimentId']}"), 404)
    assert ok(b.get("/experiments"))["experimentList"] == []
    ok(b.post("/experiments", json={"experimentName": "mine"}))  # names are per appkey
    assert len(ok(a.get("/experiments"))["experimentList"]) == 1


def test_lookups(api: httpx.Client) -> None:
    flavors = ok(api.get("/flavors"))["flavorList"]
    names = {f["name"] for f in flavors}
    assert {"m2.c2m4", "m2.c4m8", "m2.c8m16", "c2.c16m16", "g4.c92m1800"} <= names
    gpu = next(f for f in flavors if f["name"] == "g4.c92m1800")
    assert gpu["gpuFlavor"] is True and gpu["gpuCount"] > 0
    assert ok(api.get("/flavors", params={"groupType": "TRAINING"}))["flavorList"] == flavors
    images = ok(api.get("/images", params={"groupTypeCodeList": "TRAINING"}))["imageList"]
    image_names = {i["imageName"] for i in images}
    assert "Ubuntu 22.04 CPU PyTorch Training" in image_names
    assert "Ubuntu 18.04 CPU TensorFlow Training" in image_names
    assert ok(api.get("/images", params={"groupTypeCodeList": "NOTEBOOK"}))["imageList"] == []
    algorithms = ok(api.get("/algorithms"))["algorithmList"]
    assert {a["algorithmName"] for a in algorithms} == {
        "Image Classification",
        "Object Detection",
        "Semantic Segmentation",
    }
    ids = {i["imageId"] for i in images}
    for a in algorithms:
        assert a["cpuTrainingImageId"] in ids and a["gpuTrainingImageId"] in ids
    ic = next(a for a in algorithms if a["algorithmName"] == "Image Classification")
    assert {"input_size", "learning_rate", "num_train_epochs"} <= {
        h["hyperparameterName"] for h in ic["hyperparameterSpecList"]
    }
    presets = ok(api.get("/model-presets", params={"exposureScopeCode": "FINE_TUNING"}))["modelPresetList"]
    assert presets and all(p["exposureScopeCode"] == "FINE_TUNING" for p in presets)
    specs = ok(api.get("/model-presets/parameter-specs", params={"parameterTypeCode": "MODEL"}))
    assert all(s["parameterTypeCode"] == "MODEL" for s in specs["modelParameterSpecList"])
    # stable ids across calls
    assert ok(api.get("/flavors"))["flavorList"] == flavors


def test_model_from_uri_and_rules(api: httpx.Client) -> None:
    m = ok(
        api.post(
            "/models",
            json={"modelName": "m1", "modelFormatCode": "SKLEARN", "modelUploadUri": "nas://n1:/models/m1"},
        )
    )["model"]
    assert m["modelStatusCode"] == "ACTIVE" and m["modelUploadUri"] == "nas://n1:/models/m1"
    legacy = ok(
        api.post("/models", json={"modelName": "m0", "modelTypeCode": "SCIKIT_LEARN", "modelUploadUri": "nas://n1:/x"})
    )["model"]
    assert legacy["modelFormatCode"] == "SKLEARN" and legacy["modelTypeCode"] == "SCIKIT_LEARN"
    hf = ok(
        api.post(
            "/models",
            json={
                "modelName": "hf",
                "modelFormatCode": "HUGGING_FACE",
                "parameterList": [{"parameterName": "model_id", "parameterValue": "org/name"}],
            },
        )
    )["model"]
    assert hf["modelStatusCode"] == "ACTIVE"
    assert err(api.post("/models", json={"modelName": "m2", "modelFormatCode": "SKLEARN"}), 400).startswith(
        "modelUploadUri:"
    )
    missing = str(uuid.uuid4())
    assert missing in err(api.post("/models", json={"modelName": "m3", "trainingId": missing}), 404)
    assert [x["modelName"] for x in ok(api.get("/models"))["modelList"]] == ["m1", "m0", "hf"]
    ok(api.delete(f"/models/{m['modelId']}"))
    err(api.get(f"/models/{m['modelId']}"), 404)


def test_fine_tuning_is_refused_with_reason(api: httpx.Client, local_server_module: LocalServerHandle) -> None:
    preset = ok(api.get("/model-presets", params={"exposureScopeCode": "FINE_TUNING"}))["modelPresetList"][0]
    body = {
        "fineTuningName": "ft",
        "baseModelPresetId": preset["modelPresetId"],
        "flavorName": "g4.c92m1800",
        "modelUploadUri": "nas://n1:/ft",
    }
    ft = ok(api.post("/fine-tunings", json=body))["fineTuning"]
    fid = ft["fineTuningId"]

    def failed() -> dict[str, Any] | None:
        got: dict[str, Any] = ok(api.get(f"/fine-tunings/{fid}"))["fineTuning"]
        return got if got["fineTuningStatusCode"] == "CREATE_FAILED" else None

    got = wait_until(failed, timeout=20, what="fine-tuning CREATE_FAILED")
    assert "not available on EasyMaker Local" in got["fineTuningStatusReason"]
    assert "flavorName" in err(api.post("/fine-tunings", json={**body, "flavorName": "nope"}), 400)
    ok(api.delete(f"/fine-tunings/{fid}"))


def test_pipeline_upload_and_rules(api: httpx.Client) -> None:
    b64 = base64.b64encode(PIPELINE_YAML).decode()
    p = ok(api.post("/pipelines/upload", json={"pipelineName": "hello", "base64PipelineSpecManifest": b64}))["pipeline"]
    assert p["pipelineStatusCode"] == "ACTIVE"
    assert p["pipelineParameterSpecList"][0]["parameterName"] == "message"
    assert "pipelineSpecManifest" not in p and "base64PipelineSpecManifest" not in p
    bad = base64.b64encode(b"apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n").decode()
    msg = err(api.post("/pipelines/upload", json={"pipelineName": "bad", "base64PipelineSpecManifest": bad}), 400)
    assert msg.startswith("base64PipelineSpecManifest:")
    msg = err(api.post("/pipelines/upload", json={"pipelineName": "bad", "base64PipelineSpecManifest": "abc"}), 400)
    assert "base64" in msg
    flavor = ok(api.get("/flavors"))["flavorList"][0]["id"]
    rr = ok(
        api.post(
            "/pipeline-runs",
            json={
                "pipelineRunOrRecurringRunName": "nightly",
                "pipelineId": p["pipelineId"],
                "flavorId": flavor,
                "instanceCount": 1,
                "bootStorageSize": 50,
                "scheduleCronExpression": "0 0 3 * * ?",
                "scheduleStartDatetime": "2099-01-01T00:00:00+09:00",
                "experimentName": "scheduled-exp",
            },
        )
    )
    assert "pipelineRun" not in rr
    rec = rr["pipelineRecurringRun"]
    assert rec["pipelineRecurringRunStatusCode"] == "ENABLED" and rec["pipelineRunList"] == []
    rid = rec["pipelineRecurringRunId"]
    assert "schedule" in err(api.delete(f"/pipelines/{p['pipelineId']}"), 409)
    exp = ok(api.get("/experiments", params={"experimentNameList": "scheduled-exp"}))["experimentList"][0]
    assert rec["experiment"]["experimentId"] == exp["experimentId"]
    assert "schedule" in err(api.delete(f"/experiments/{exp['experimentId']}"), 409)
    ok(api.put(f"/pipeline-recurring-runs/{rid}/stop"))
    assert (
        ok(api.get(f"/pipeline-recurring-runs/{rid}"))["pipelineRecurringRun"]["pipelineRecurringRunStatusCode"]
        == "DISABLED"
    )
    err(api.put(f"/pipeline-recurring-runs/{rid}/stop"), 409)
    ok(api.put(f"/pipeline-recurring-runs/{rid}/start"))
    assert (
        ok(api.get(f"/pipeline-recurring-runs/{rid}"))["pipelineRecurringRun"]["pipelineRecurringRunStatusCode"]
        == "ENABLED"
    )
    err(api.put(f"/pipeline-recurring-runs/{rid}/start"), 409)
    bad_cron = {
        "pipelineRunOrRecurringRunName": "x",
        "pipelineId": p["pipelineId"],
        "flavorId": flavor,
        "instanceCount": 1,
        "bootStorageSize": 50,
        "scheduleCronExpression": "61 * * * * *",
    }
    assert "scheduleCronExpression" in err(api.post("/pipeline-runs", json=bad_cron), 400)
    del bad_cron["scheduleCronExpression"]
    for extra in (
        {"schedulePeriodicMinutes": 10**30},
        {"schedulePeriodicMinutes": 1, "scheduleStartDatetime": "0001-01-01T00:00:00+01:00"},
    ):
        assert "cannot be computed" in err(api.post("/pipeline-runs", json=bad_cron | extra), 400)
    ok(api.delete(f"/pipeline-recurring-runs/{rid}"))
    ok(api.delete(f"/pipelines/{p['pipelineId']}"))
    err(api.get(f"/pipelines/{p['pipelineId']}"), 404)


def test_log_and_crash(local_server_module: LocalServerHandle) -> None:
    s = local_server_module
    with httpx.Client(base_url=s.url, timeout=60) as c:  # 8 MB bodies: the default 5 s is short on a loaded machine
        records = [
            {"projectName": "lnc-test", "category": "easymaker.sdk", "body": f"line {i}", "logLevel": "INFO"}
            for i in range(3)
        ]
        assert ok(c.post("/v2/log", json=records))["count"] == 3
        assert ok(c.post("/v2/log", json={"projectName": "lnc-test", "body": "single"}))["count"] == 1
        assert ".body" in err(c.post("/v2/log", json=[{"projectName": "x"}]), 400)
        err(c.post("/v2/log", content=b"{not json"), 400)
        err(c.post("/v2/log", json=[1, 2]), 400)
        err(c.post("/v2/log", content=b'[{"body": "\\udc00"}]'), 400)
        big = {"projectName": "x", "body": "a" * 8_010_000}  # one record over 8 MB, the request under its limit
        assert "8 MB" in err(c.post("/v2/log", json=big), 400)
        bigger = {"projectName": "x", "body": "a" * 8_100_000}
        assert "Log & Crash" in err(c.post("/v2/log", json=bigger), 413)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "easymaker.local",
            "logs",
            "--home",
            str(s.home),
            "--project",
            "lnc-test",
            "--limit",
            "3",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout.splitlines()
    assert [line.split("] ", 1)[1] for line in out] == ["line 1", "line 2", "single"]
    js = subprocess.run(
        [sys.executable, "-m", "easymaker.local", "logs", "--home", str(s.home), "--project", "lnc-test", "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout.splitlines()
    assert [json.loads(x)["body"] for x in js] == ["line 0", "line 1", "line 2", "single"]


def test_cli_token(local_server_module: LocalServerHandle) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "easymaker.local", "token", "--home", str(local_server_module.home)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout.split()
    creds = local_server_module.credentials
    assert out == [
        str(local_server_module.home / "token"),
        local_server_module.token,
        str(local_server_module.home / "credentials"),
        "username",
        creds["username"],
        "password",
        creds["password"],
    ]


def test_unpaged_list_is_streamed_page_by_page_in_full(local_server_module: LocalServerHandle) -> None:
    """Without `limit` a list holds every resource, oldest first, written a page of rows at a time (more rows than
    a page here); with `limit` it is one page, newest first."""
    from easymaker.local.resources.base import STREAM_PAGE_ROWS
    from easymaker.local.store import Store

    appkey, count = "ak-streamed", STREAM_PAGE_ROWS * 2 + 7
    store = Store(local_server_module.home / "state.db")
    with store.tx() as conn:
        for i in range(count):
            doc = {
                "trainingId": f"t-{i:05d}",
                "trainingName": f"n{i}",
                "trainingStatusCode": "COMPLETE",
                "experimentId": "e-odd" if i % 2 else "e-even",
            }
            store.insert("training", appkey, f"t-{i:05d}", f"n{i}", "COMPLETE", doc, conn=conn)
    store.close()
    api = local_server_module.api(appkey)
    listed = ok(api.get("/trainings"))["trainingList"]
    assert [t["trainingId"] for t in listed] == [f"t-{i:05d}" for i in range(count)]
    odd = ok(api.get("/trainings", params={"experimentId": "e-odd"}))["trainingList"]
    assert [t["trainingId"] for t in odd] == [f"t-{i:05d}" for i in range(1, count, 2)]
    page = ok(api.get("/trainings", params={"limit": 10, "page": 2}))
    assert [t["trainingId"] for t in page["trainingList"]] == [f"t-{i:05d}" for i in range(count - 11, count - 21, -1)]
    assert page["paging"] == {"page": 2, "limit": 10, "totalCount": count}
    assert ok(local_server_module.api("ak-nothing-here").get("/trainings"))["trainingList"] == []
