"""Endpoint stages end to end: real worker processes, a real front proxy, real HTTP on 127.0.0.1."""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from serving_support import (
    HANDLER_PY,
    OBS,
    TORCH_MODEL_PY,
    Stage,
    entry,
    http_json,
    iris_model,
    model_resource,
    obs_dir,
    regression_model,
    stage_resource,
)


def worker_pids(work_dir: Path) -> list[int]:
    return [json.loads(p.read_text())["pid"] for p in sorted((work_dir / "run").glob("*.ready.json"))]


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture()
def two_models(tmp_path: Path) -> dict[str, Any]:
    iris, x, _ = iris_model(tmp_path)
    reg, xr, _ = regression_model(tmp_path)
    return {
        "models": {
            "m-iris": model_resource("m-iris", "iris", "models/iris"),
            "m-reg": model_resource("m-reg", "reg", "models/reg", code="SCIKIT_LEARN"),
        },
        "iris": iris,
        "x": x,
        "reg": reg,
        "xr": xr,
    }


def test_stage_serves_two_models_over_v1_and_v2(tmp_path: Path, two_models: dict[str, Any]) -> None:
    stage = Stage(
        tmp_path, stage_resource(entry("m-iris", pods=2), entry("m-reg")), two_models["models"], "st1"
    ).start()
    try:
        res = stage.rec.resource
        assert stage.rec.codes == ["CREATE_IN_PROGRESS", "DEPLOY_IN_PROGRESS", "ACTIVE"], stage.rec.statuses
        assert res["apigwStageUrl"].startswith("127.0.0.1:") and "://" not in res["apigwStageUrl"]
        assert res["deployStatus"] == "ACTIVE"
        by_id = {e["modelId"]: e for e in res["endpointModelList"]}
        assert by_id["m-iris"]["endpointModelStatusCode"] == "ACTIVE"
        assert by_id["m-iris"]["runningPodCount"] == 2 and by_id["m-iris"]["podCount"] == 2
        assert by_id["m-iris"]["apigwResourceUri"] == "/v1/models/iris/predict"
        assert by_id["m-reg"]["apigwResourceUri"] == "/v1/models/reg/predict"
        assert len(worker_pids(stage.ctx.work_dir)) == 3

        x, xr = two_models["x"], two_models["xr"]
        port = stage.port
        assert http_json(port, "GET", "/v1/models") == (200, {"models": ["iris", "reg"]})
        assert http_json(port, "GET", "/v1/models/iris") == (200, {"name": "iris", "ready": True})
        expected = two_models["iris"].predict(x).tolist()
        for _ in range(2):  # both pods answer the same
            status, body = http_json(port, "POST", by_id["m-iris"]["apigwResourceUri"], {"instances": x.tolist()})
            assert status == 200 and body["predictions"] == expected
        status, body = http_json(port, "POST", "/iris/v1/models/iris/predict", {"instances": x[:5].tolist()})
        assert status == 200 and body["predictions"] == expected[:5]
        status, body = http_json(port, "POST", "/v1/models/reg/predict", {"instances": xr[:7].tolist()})
        assert status == 200 and body["predictions"] == pytest.approx(two_models["reg"].predict(xr[:7]).tolist())

        v2_body = {"inputs": [{"name": "input-0", "shape": [3, 4], "datatype": "FP64", "data": x[:3].ravel().tolist()}]}
        status, body = http_json(port, "POST", "/v2/models/iris/infer", v2_body)
        assert status == 200 and body["model_name"] == "iris"
        assert body["outputs"][0]["data"] == expected[:3] and body["outputs"][0]["shape"] == [3]
        assert http_json(port, "GET", "/v2/health/ready") == (200, {"ready": True})
        assert http_json(port, "GET", "/v2/health/live")[0] == 200
        assert http_json(port, "GET", "/v2")[1]["name"] == "easymaker-local"
        assert http_json(port, "GET", "/v2/models/iris/ready") == (200, {"name": "iris", "ready": True})
        assert http_json(port, "GET", "/v2/models/iris")[1]["inputs"][0]["shape"] == [-1, 4]

        status, body = http_json(port, "POST", "/v1/models/nope/predict", {"instances": [[1, 2, 3, 4]]})
        assert status == 404 and "nope" in body["error"]
        assert http_json(port, "GET", "/v2/models/nope/ready")[0] == 404
        status, body = http_json(port, "POST", "/v1/models/iris/predict", b"{not json")
        assert status == 400 and "JSON" in body["error"]
        status, body = http_json(port, "POST", "/v1/models/iris/predict", {"rows": []})
        assert status == 400 and "instances" in body["error"]
        status, body = http_json(port, "POST", "/v1/models/iris/predict", {"instances": [[1.0, 2.0]]})
        assert status == 400 and "4 features" in body["error"]
        status, body = http_json(port, "POST", "/v2/models/iris/infer", {"inputs": [{"shape": [2, 4], "data": [1]}]})
        assert status == 400 and "shape" in body["error"]
        pids = worker_pids(stage.ctx.work_dir)
        keep_alive = http.client.HTTPConnection("127.0.0.1", port, timeout=30)  # as SDK clients keep connections
        keep_alive.request("GET", "/v1/models")
        assert keep_alive.getresponse().read()
    finally:
        stage.stop()  # does not wait for the keep-alive client to go away
    assert not any(pid_alive(p) for p in pids)
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        keep_alive.request("GET", "/v1/models")
        keep_alive.getresponse()
    assert all(e["runningPodCount"] == 0 for e in stage.rec.resource["endpointModelList"])


def test_second_stage_serves_another_model_and_restart_redeploys(tmp_path: Path, two_models: dict[str, Any]) -> None:
    first = Stage(tmp_path, stage_resource(entry("m-iris")), two_models["models"], "st-a").start()
    second = Stage(tmp_path, stage_resource(entry("m-reg"), stage_id="stage-2"), two_models["models"], "st-b").start()
    try:
        assert first.port != second.port
        assert http_json(first.port, "GET", "/v1/models")[1] == {"models": ["iris"]}
        assert http_json(second.port, "GET", "/v1/models")[1] == {"models": ["reg"]}
        assert http_json(second.port, "POST", "/v1/models/iris/predict", {"instances": [[1, 2, 3, 4]]})[0] == 404
        xr = two_models["xr"]
        status, body = http_json(second.port, "POST", "/v1/models/reg/predict", {"instances": xr[:3].tolist()})
        assert body["predictions"] == pytest.approx(two_models["reg"].predict(xr[:3]).tolist())
    finally:
        first.stop()
        second.stop()

    # the server restarts: run() again for the ACTIVE stage redeploys it, on the same port
    old_port = first.port
    resource = json.loads(json.dumps(first.rec.resource))
    again = Stage(tmp_path, resource, two_models["models"], "st-a").start()
    try:
        assert again.rec.codes == ["DEPLOY_IN_PROGRESS", "ACTIVE"]
        assert again.port == old_port
        x = two_models["x"]
        status, body = http_json(again.port, "POST", "/v1/models/iris/predict", {"instances": x[:4].tolist()})
        assert status == 200 and body["predictions"] == two_models["iris"].predict(x[:4]).tolist()
    finally:
        again.stop()


def test_crashed_worker_is_restarted(tmp_path: Path, two_models: dict[str, Any]) -> None:
    stage = Stage(tmp_path, stage_resource(entry("m-iris")), two_models["models"], "st-crash").start()
    try:
        (old_pid,) = worker_pids(stage.ctx.work_dir)
        os.kill(old_pid, signal.SIGKILL)
        stage.rec.wait_for(lambda: worker_pids(stage.ctx.work_dir) not in ([], [old_pid]))
        (new_pid,) = worker_pids(stage.ctx.work_dir)
        assert new_pid != old_pid and pid_alive(new_pid)
        x = two_models["x"]
        # the new worker writes its ready file a moment before the supervisor hands its port to the proxy,
        # which answers 503 (no worker of the model answers) in between, as a restarting pod does
        deadline = time.monotonic() + 30
        status, body = http_json(stage.port, "POST", "/v1/models/iris/predict", {"instances": x[:2].tolist()})
        while status == 503 and time.monotonic() < deadline:
            time.sleep(0.05)
            status, body = http_json(stage.port, "POST", "/v1/models/iris/predict", {"instances": x[:2].tolist()})
        assert status == 200 and body["predictions"] == two_models["iris"].predict(x[:2]).tolist()
    finally:
        stage.stop()


def failing_stage(tmp_path: Path, model: dict[str, Any]) -> Stage:
    return Stage(tmp_path, stage_resource(entry(model["modelId"])), {model["modelId"]: model}, "st-fail").start()


def test_triton_cannot_be_served(tmp_path: Path) -> None:
    iris_model(tmp_path, "models/triton")
    stage = failing_stage(tmp_path, model_resource("m-t", "tr", "models/triton", code="TRITON"))
    assert stage.rec.codes[-1] == "CREATE_FAILED"
    assert "TRITON models cannot be served by EasyMaker Local" in stage.rec.last_reason
    assert stage.rec.resource["endpointModelList"][0]["endpointModelStatusCode"] == "CREATE_FAILED"
    stage.thread.join(timeout=10)
    assert not stage.thread.is_alive()


def test_hugging_face_hub_id_only_cannot_run_offline(tmp_path: Path) -> None:
    model = {
        "modelId": "m-hf",
        "modelName": "bert",
        "modelFormatCode": "HUGGING_FACE",
        "parameterList": [{"parameterName": "model_id", "parameterValue": "bert-base-uncased"}],
    }
    stage = failing_stage(tmp_path, model)
    assert stage.rec.codes[-1] == "CREATE_FAILED"
    reason = stage.rec.last_reason
    assert "'bert-base-uncased' is given only by hub id and cannot be served by EasyMaker Local" in reason
    assert "works offline" in reason


@pytest.mark.skipif(importlib.util.find_spec("transformers") is not None, reason="transformers is installed here")
def test_hugging_face_saved_model_needs_transformers(tmp_path: Path) -> None:
    d = obs_dir(tmp_path, "models/hf")
    d.mkdir(parents=True)
    (d / "config.json").write_text('{"model_type": "bert"}')
    stage = failing_stage(tmp_path, model_resource("m-hf", "bert", "models/hf", code="HUGGING_FACE"))
    assert "HUGGING_FACE model needs transformers, which is not installed: pip install transformers" in (
        stage.rec.last_reason
    )


@pytest.mark.skipif(importlib.util.find_spec("tensorflow") is not None, reason="tensorflow is installed here")
def test_tensorflow_needs_tensorflow(tmp_path: Path) -> None:
    d = obs_dir(tmp_path, "models/tf")
    d.mkdir(parents=True)
    (d / "saved_model.pb").write_bytes(b"\x00")
    stage = failing_stage(tmp_path, model_resource("m-tf", "tfm", "models/tf", code="TENSORFLOW"))
    assert stage.rec.codes[-1] == "CREATE_FAILED"
    assert "TENSORFLOW model needs tensorflow, which is not installed: pip install tensorflow" in stage.rec.last_reason


def test_sklearn_without_model_file_fails_deploy(tmp_path: Path) -> None:
    d = obs_dir(tmp_path, "models/empty")
    d.mkdir(parents=True)
    (d / "README.txt").write_text("no model here")
    stage = failing_stage(tmp_path, model_resource("m-e", "empty", "models/empty"))
    assert stage.rec.codes == ["CREATE_IN_PROGRESS", "DEPLOY_IN_PROGRESS", "DEPLOY_FAILED"]
    assert "SKLEARN model 'empty' has no .joblib or .pkl file in its model directory" in stage.rec.last_reason
    assert stage.rec.resource["deployStatus"] == "STAGE_DEPLOY_FAIL"
    assert not list((stage.ctx.work_dir / "run").glob("*.ready.json")) or all(
        "error" in json.loads(p.read_text()) for p in (stage.ctx.work_dir / "run").glob("*.ready.json")
    )


def test_unknown_model_id_fails(tmp_path: Path) -> None:
    res = stage_resource(entry("m-missing"))
    stage = Stage(tmp_path, res, {}, "st-missing").start()
    assert stage.rec.codes[-1] == "CREATE_FAILED"
    assert "model m-missing does not exist" in stage.rec.last_reason


def test_missing_model_files_fail(tmp_path: Path) -> None:
    model = {"modelId": "m-x", "modelName": "x", "modelFormatCode": "SKLEARN", "modelUploadUri": f"{OBS}/nothing/"}
    stage = failing_stage(tmp_path, model)
    assert stage.rec.codes[-1] == "CREATE_FAILED"
    assert "model 'x' files are missing" in stage.rec.last_reason


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed (pip install torch)")
def test_pytorch_no_archive_layout_over_http(tmp_path: Path) -> None:
    import torch

    d = obs_dir(tmp_path, "models/torch")
    d.mkdir(parents=True)
    (d / "model.py").write_text(TORCH_MODEL_PY)
    (d / "handler.py").write_text(HANDLER_PY)
    ns: dict[str, Any] = {}
    exec(TORCH_MODEL_PY, ns)
    torch.manual_seed(1)
    net = ns["Net"]().eval()
    torch.save(net.state_dict(), d / "model.bin")
    models = {"m-pt": model_resource("m-pt", "irisnet", "models/torch", code="PYTORCH")}
    stage = Stage(tmp_path, stage_resource(entry("m-pt")), models, "st-pt").start()
    try:
        assert stage.rec.codes[-1] == "ACTIVE", stage.rec.statuses
        rows = [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]
        status, body = http_json(stage.port, "POST", "/v1/models/irisnet/predict", {"instances": rows})
        with torch.no_grad():
            expected = net(torch.tensor(rows)).argmax(dim=1).tolist()
        assert status == 200 and body == {"predictions": expected}
    finally:
        stage.stop()
