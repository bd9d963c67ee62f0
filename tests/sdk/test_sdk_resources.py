"""Resource objects: one GET per construction (no nested fetches), attribute names, to_dict, list helpers, stop and
delete requests."""

from __future__ import annotations

import io
import json
from typing import Any

import httpx
import pytest
import respx

import easymaker

BASE = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
OK = {"header": {"isSuccessful": True}}

TRAINING: dict[str, Any] = {
    "trainingId": "t1",
    "trainingName": "train",
    "trainingStatusCode": "RUNNING",
    "experiment": {"experimentId": "e1"},
    "modelList": [{"modelId": "m1"}],
    "flavor": {"id": "f1", "name": "m2.c4m8", "gpuFlavor": False},
    "dataStorageList": [{"storageSize": 300}],
    "hyperparameterList": [{"parameterName": "epochs", "parameterValue": "3"}],
    "someFutureField": 7,
}


@pytest.fixture
def client() -> easymaker.Client:
    return easymaker.Client(appkey="ak", access_token="tok", sleep=lambda s: None)


def test_construction_by_id_is_one_get_without_nested_fetches(client: easymaker.Client) -> None:
    with respx.mock() as router:
        route = router.get(f"{BASE}/trainings/t1").mock(
            return_value=httpx.Response(200, json={**OK, "training": TRAINING})
        )
        training = easymaker.Training("t1", client=client)
        assert route.call_count == 1
        assert training.experiment is not None and training.experiment.experiment_id == "e1"
        assert training.experiment.status is None  # type: ignore[attr-defined]  # not in the payload: None
        assert training.model_list is not None and training.model_list[0].model_id == "m1"
        assert training.instance_type is not None
        assert training.instance_type.name == "m2.c4m8" and training.instance_type.gpu is False
        assert training.data_storage_list is not None and training.data_storage_list[0].storage_size == 300
        assert training.hyperparameter_list is not None and training.hyperparameter_list[0].parameter_value == "3"
        assert training.some_future_field == 7  # type: ignore[attr-defined]  # a field the spec does not know yet
        assert training.algorithm is None  # a field of the contract that the server left out
        with pytest.raises(AttributeError):
            _ = training.not_a_field  # type: ignore[attr-defined]  # on purpose
        assert len(router.calls) == 1
    assert training.to_dict() == TRAINING
    assert training.to_dict() is not training.to_dict()
    assert (training.id, training.name, training.status) == ("t1", "train", "RUNNING")
    out = io.StringIO()
    training.print_info(out)
    assert json.loads(out.getvalue()) == training.model_dump()  # 2.1.x: model_dump() as indented JSON
    assert training.model_dump()["trainingStatusCode"] == "RUNNING"
    assert (training.id_field, training.status_field) == ("training_id", "training_status_code")
    assert repr(training) == "Training(trainingId='t1', name='train', status='RUNNING')"


def test_endpoint_by_id_is_fetched_on_the_first_read(client: easymaker.Client) -> None:
    with respx.mock() as router:
        get = router.get(f"{BASE}/endpoints/e1").mock(
            return_value=httpx.Response(
                200, json={**OK, "endpoint": {"endpointId": "e1", "endpointName": "ep", "endpointStatusCode": "ACTIVE"}}
            )
        )
        router.get(f"{BASE}/endpoints/e404").mock(
            return_value=httpx.Response(404, json={"header": {"isSuccessful": False, "resultMessage": "no such"}})
        )
        delete = router.delete(f"{BASE}/endpoints/e1").mock(return_value=httpx.Response(200, json=OK))
        easymaker.Endpoint("e1", client=client).delete()
        assert len(router.calls) == 1 and delete.call_count == 1
        endpoint = easymaker.Endpoint("e1", client=client)
        assert endpoint.id == "e1" and repr(endpoint) == "Endpoint(endpointId='e1')" and get.call_count == 0
        assert endpoint.status == "ACTIVE" and get.call_count == 1
        assert endpoint.endpoint_name == "ep" and endpoint.to_dict()["endpointName"] == "ep" and get.call_count == 1
        missing = easymaker.Endpoint("e404", client=client)
        with pytest.raises(easymaker.NotFoundError, match="no such"):
            _ = missing.status
        with pytest.raises(easymaker.NotFoundError):  # still unfetched: asked again
            _ = missing.endpoint_name
        with pytest.raises(easymaker.EasyMakerValidationError, match="empty"):
            easymaker.Endpoint(" ", client=client)


@pytest.mark.parametrize(
    ("cls", "path", "verb"),
    [
        (easymaker.Training, "trainings", "stop"),
        (easymaker.HyperparameterTuning, "hyperparameter-tunings", "stop"),
        (easymaker.BatchInference, "batch-inferences", "stop"),
        (easymaker.ModelEvaluation, "model-evaluations", "stop"),
        (easymaker.PipelineRun, "pipeline-runs", "stop"),
        (easymaker.FineTuning, "fine-tunings", "stop"),
        (easymaker.PipelineRecurringRun, "pipeline-recurring-runs", "stop"),
        (easymaker.PipelineRecurringRun, "pipeline-recurring-runs", "start"),
    ],
)
def test_stop_and_start_are_one_put(client: easymaker.Client, cls: Any, path: str, verb: str) -> None:
    noun = cls._noun
    with respx.mock() as router:
        put = router.put(f"{BASE}/{path}/x1/{verb}").mock(return_value=httpx.Response(200, json=OK))
        getattr(cls({f"{noun}Id": "x1"}, client=client), verb)()
        assert put.call_count == 1 and len(router.calls) == 1


def test_get_list_name_filter_and_get_by_name(client: easymaker.Client) -> None:
    models = [
        {"modelId": "m1", "modelName": "a"},
        {"modelId": "m2", "modelName": "b"},
        {"modelId": "m3", "modelName": "b"},
    ]
    with respx.mock() as router:
        router.get(f"{BASE}/models").mock(return_value=httpx.Response(200, json={**OK, "modelList": models}))
        assert [m.model_id for m in easymaker.Model.get_list(client=client, name_list=["b"])] == ["m2", "m3"]
        assert easymaker.Model.get_by_name("a", client=client).model_id == "m1"
        with pytest.raises(easymaker.EasyMakerError, match="2 Model resources are named 'b'"):
            easymaker.Model.get_by_name("b", client=client)
        with pytest.raises(easymaker.ResourceNotFoundError, match="no Model named 'z'") as info:
            easymaker.Model.get_by_name("z", client=client)
        # a miss found by the SDK itself is not dressed as an HTTP 404
        assert not isinstance(info.value, easymaker.APIError)
        assert (info.value.kind, info.value.name) == ("Model", "z")


def test_resource_without_id_explains(client: easymaker.Client) -> None:
    with pytest.raises(easymaker.EasyMakerError, match="has no training_id"):
        easymaker.Training(client=client).delete()


def test_calls_before_init_explain_how_to_configure(monkeypatch: pytest.MonkeyPatch) -> None:
    from easymaker._client import set_default_client

    for name in ("EM_APPKEY", "EM_ACCESS_TOKEN", "EM_TOKEN", "EM_PROFILE", "EM_API_URL"):
        monkeypatch.delenv(name, raising=False)
    set_default_client(None)
    with pytest.raises(easymaker.ConfigurationError, match="easymaker.init\\(appkey=...\\)"):
        easymaker.Training.get_list()


def test_bad_ids_fail_before_any_request(client: easymaker.Client) -> None:
    with respx.mock() as router:
        with pytest.raises(easymaker.EasyMakerValidationError, match="training_id: length 37 exceeds maxLength 36"):
            easymaker.Training("t" * 37, client=client)
        with pytest.raises(easymaker.EasyMakerValidationError, match="training_id"):
            easymaker.Training({"trainingId": "t" * 37}, client=client).stop()
        with pytest.raises(easymaker.EasyMakerValidationError, match="name_list"):
            easymaker.Experiment.get_list(client=client, name_list=["n" * 51])
        with pytest.raises(easymaker.EasyMakerValidationError, match="empty"):
            easymaker.Model("", client=client)
        assert len(router.calls) == 0
