"""The SDK against a real EasyMaker Local (subprocess on a free port): init(profile="local"), experiments, a training
that really runs, a model, an endpoint that answers predictions, object storage through the SDK wrappers, and
starting EasyMaker Local from init() when nothing listens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from local_server import LocalServerHandle, free_port

import easymaker
from easymaker import _local
from easymaker._client import set_default_client

TRAIN_PY = """
import os
import joblib
from sklearn.linear_model import LogisticRegression
print("epochs", os.environ.get("EM_HP_EPOCHS"), flush=True)
model = LogisticRegression().fit([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 1, 0, 1])
joblib.dump(model, os.path.join(os.environ["EM_MODEL_DIR"], "model.joblib"))
"""
IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_tenant/sdk"


pytestmark = pytest.mark.local_server(files={"nas/n1/src/train.py": TRAIN_PY})


def test_init_local_and_experiment_lifecycle(
    local_sdk: easymaker.Client, local_server_module: LocalServerHandle
) -> None:
    assert local_sdk.base_url == local_server_module.url and local_sdk.appkey == "local"
    experiment = easymaker.Experiment().create(experiment_name="sdk-exp", description="from the SDK")
    assert experiment.status == "ACTIVE" and experiment.description == "from the SDK"
    again = easymaker.Experiment().create(experiment_name="sdk-exp")
    assert again.experiment_id == experiment.experiment_id
    listed = easymaker.Experiment.get_list(name_list=["sdk-exp"])
    assert [e.experiment_id for e in listed] == [experiment.experiment_id]
    fetched = easymaker.Experiment(experiment.experiment_id)
    assert fetched.to_dict()["experimentName"] == "sdk-exp"
    easymaker.Experiment(experiment.experiment_id).delete()
    with pytest.raises(easymaker.NotFoundError):
        easymaker.Experiment(experiment.experiment_id)


def test_training_model_endpoint_predict(local_sdk: easymaker.Client) -> None:
    experiment = easymaker.Experiment().create(experiment_name="sdk-train")
    training = easymaker.Training().run(
        experiment_id=experiment.experiment_id,
        training_name="sdk-training",
        image_name=IMAGE,
        instance_type_name="m2.c4m8",
        source_dir_uri="nas://n1:/src",
        entry_point="train.py",
        model_upload_uri="nas://n1:/models/sdk-training",
        hyperparameter_list=[{"parameterName": "epochs", "parameterValue": "3"}],
        timeout_hours=1,
        wait=False,
    )
    assert training.training_status_code in ("CREATE_REQUESTED", "CREATE_IN_PROGRESS", "RUNNING", "COMPLETE")
    assert training.instance_type is not None and training.instance_type.name == "m2.c4m8"
    training.wait(timeout=120)
    assert training.status == "COMPLETE"
    assert training.training_id in [t.training_id for t in easymaker.Training.get_list()]

    model = easymaker.Model().create(
        training_id=training.training_id,
        model_name="sdk-model",
        model_format_code=easymaker.ModelFormatCode.SKLEARN,
        timeout=60,
    )
    assert model.status == "ACTIVE" and model.model_id is not None
    endpoint = easymaker.Endpoint().create(
        endpoint_name="sdk-endpoint",
        instance_type_name="m2.c4m8",
        endpoint_model_resource_list=[
            {"modelId": model.model_id, "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}
        ],
        timeout=120,
    )
    assert endpoint.status == "ACTIVE"
    stages = endpoint.get_stage_list()
    assert len(stages) == 1 and stages[0].status == "ACTIVE"
    answer = easymaker.Endpoint(endpoint.endpoint_id).predict(
        model_id=model.model_id, json={"instances": [[1, 1], [0, 0]]}
    )
    assert answer["predictions"] == [1, 0]
    answer = easymaker.EndpointStage(stages[0].endpoint_stage_id).predict(
        model_id=model.model_id, json={"instances": [[0, 1]]}
    )
    assert answer["predictions"] == [0]
    with pytest.raises(easymaker.NotDeployedError, match=model.model_id):
        easymaker.Endpoint(endpoint.endpoint_id).predict(model_id="not-a-model", json={"instances": [[0, 1]]})
    easymaker.Endpoint(endpoint.endpoint_id).delete()


def test_failed_training_reports_the_reason(local_sdk: easymaker.Client) -> None:
    with pytest.raises(easymaker.ResourceFailedError) as info:
        easymaker.Training().run(
            training_name="sdk-missing",
            image_name=IMAGE,
            instance_type_name="m2.c4m8",
            source_dir_uri="nas://n1:/does-not-exist",
            entry_point="train.py",
            model_upload_uri="nas://n1:/models/missing",
            timeout=60,
        )
    assert info.value.status in ("CREATE_FAILED", "FAIL_TRAIN") and info.value.reason


def test_object_storage_wrappers_use_the_local_store(local_sdk: easymaker.Client, tmp_path: Path) -> None:
    source = tmp_path / "data"
    source.mkdir()
    (source / "a.txt").write_text("hello")
    (source / "b.csv").write_text("x,y\n1,2\n")
    easymaker.upload(f"{OBS}/data", str(source), show_progress=False)
    assert sorted(easymaker.objectstorage.find_object_list(f"{OBS}/data")) == ["data/a.txt", "data/b.csv"]
    target = tmp_path / "down"
    easymaker.download(f"{OBS}/data", str(target), show_progress=False)
    assert (target / "a.txt").read_text() == "hello"
    assert easymaker.objectstorage.get_object_size(f"{OBS}/data") == len("hello") + len("x,y\n1,2\n")


def test_init_starts_easymaker_local_when_nothing_listens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("EM_")]:
        monkeypatch.delenv(name)
    monkeypatch.delenv("EASYMAKER_LOCAL_TOKEN", raising=False)
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("EM_LOCAL_URL", url)
    monkeypatch.setenv("EASYMAKER_LOCAL_HOME", str(tmp_path / "home"))
    try:
        easymaker.init(profile="LOCAL")
        experiment = easymaker.Experiment().create(experiment_name="auto")
        assert experiment.status == "ACTIVE"
        assert (tmp_path / "home" / "token").exists()
    finally:
        server = _local._started.pop(url, None)
        if server is not None:
            server.stop()
        set_default_client(None)
    assert server is not None
