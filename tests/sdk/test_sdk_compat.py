"""The 2.1.x calls whose behaviour the manifest test cannot see: lookup items, get_by_id_or_name, instance types per
resource kind, wait(action, wait_interval_seconds), print_info's format, parse_obs_uri, the upload positional order,
the error hierarchy and the 2.1.x module paths in a fresh interpreter."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import httpx
import pytest
import respx
from paths import REPO

import easymaker
from easymaker.items import Algorithm, Image, InstanceType, Trial

BASE = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
OK = {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}


@pytest.fixture
def client() -> easymaker.Client:
    return easymaker.Client(appkey="ak", access_token="tok", sleep=lambda s: None)


def test_items_take_keywords_keep_unknown_fields_and_dump_like_2_1_x() -> None:
    image = Image(image_name="Ubuntu", image_id="i1")
    assert (image.image_name, image.id, image.name, image.python_version) == ("Ubuntu", "i1", "Ubuntu", None)
    flavor = InstanceType({"id": "f1", "name": "m2.c4m8", "gpuFlavor": True, "newField": 1})
    # id_ (the 2.1.x alias) and newField (not in the spec) are reached dynamically
    values = (flavor.id, flavor.name, flavor.id_, flavor.gpu, flavor.new_field)  # type: ignore[attr-defined]
    assert values == ("f1", "m2.c4m8", "f1", True, 1)
    with pytest.raises(AttributeError):
        _ = flavor.not_a_field  # type: ignore[attr-defined]  # on purpose
    trial = Trial({"trialId": "x", "trialMetricList": [{"trialMetricName": "acc", "trialMetricLatestValue": 0.9}]})
    assert trial.trial_metric_list is not None
    assert trial.trial_metric_list[0].trial_metric_name == "acc"
    assert trial.trial_metric_list[0].model_dump() == {"trialMetricName": "acc", "trialMetricLatestValue": 0.9}
    algorithm = Algorithm(algorithm_name="a", description=None)
    algorithm.cpu_training_image_name = "img"
    assert algorithm.model_dump() == {"algorithmName": "a", "cpuTrainingImageName": "img"}
    assert algorithm.model_dump(exclude=["algorithm_name"]) == {"cpuTrainingImageName": "img"}
    out = io.StringIO()
    algorithm.print_info(out)
    assert out.getvalue() == json.dumps(algorithm.model_dump(), indent=4) + "\n"
    metric = easymaker.Metric(name_="loss")
    assert (metric.name, metric.name_, metric.model_dump()) == ("loss", "loss", {"name": "loss"})
    assert easymaker.Parameter(parameter_name="p", parameter_value=1).model_dump() == {
        "parameterName": "p",
        "parameterValue": "1",
    }
    with pytest.raises(TypeError, match="include= and exclude="):
        image.model_dump(by_alias=False)


def test_get_by_id_or_name_and_instance_types_per_kind(client: easymaker.Client) -> None:
    experiments = [{"experimentId": "e1", "experimentName": "one"}, {"experimentId": "e2", "experimentName": "two"}]
    with respx.mock() as router:
        router.get(f"{BASE}/experiments/e1").mock(
            return_value=httpx.Response(200, json={**OK, "experiment": experiments[0]})
        )
        listing = router.get(f"{BASE}/experiments").mock(
            return_value=httpx.Response(200, json={**OK, "experimentList": experiments[1:]})
        )
        flavors = router.get(f"{BASE}/flavors").mock(
            return_value=httpx.Response(200, json={**OK, "flavorList": [{"id": "f", "name": "m2.c2m4"}]})
        )
        assert easymaker.Experiment.get_by_id_or_name(id="e1", client=client).id == "e1"
        assert easymaker.Experiment.get_by_id_or_name(name="two", client=client).id == "e2"
        assert listing.call_count == 1
        with pytest.raises(easymaker.EasyMakerValidationError, match="id= or name="):
            easymaker.Experiment.get_by_id_or_name(client=client)
        types = easymaker.Endpoint.get_instance_type_list(model_id="m1", client=client)
        assert [(t.name, type(t)) for t in types] == [("m2.c2m4", InstanceType)]
        easymaker.HyperparameterTuning.get_instance_type_list(client=client)
        queries = [dict(call.request.url.params) for call in flavors.calls]
    assert queries == [{"groupType": "ENDPOINT", "modelIdList": "m1"}, {"groupType": "HYPERPARAMETER_TUNING"}]


def test_wait_takes_action_and_caps_the_poll_interval() -> None:
    sleeps: list[float] = []
    now = [0.0]

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    client = easymaker.Client(appkey="ak", access_token="tok", sleep=sleep, clock=lambda: now[0])
    replies = [{"trainingId": "t1", "trainingStatusCode": "RUNNING"}] * 8
    replies.append({"trainingId": "t1", "trainingStatusCode": "FAIL_TRAIN", "trainingStatusReason": "oom"})
    with respx.mock() as router:
        router.get(f"{BASE}/trainings/t1").mock(
            side_effect=[httpx.Response(200, json={**OK, "training": r}) for r in replies]
        )
        training = easymaker.Training({"trainingId": "t1", "trainingStatusCode": "RUNNING"}, client=client)
        with pytest.raises(easymaker.ResourceFailedError, match="restart failed with status FAIL_TRAIN: oom"):
            training.wait(action="restart", wait_interval_seconds=0.5)
    assert max(sleeps) == 0.5
    with pytest.raises(easymaker.EasyMakerValidationError, match="wait_interval_seconds"):
        training.wait("create", 0)


def test_print_info_is_model_dump_as_json(client: easymaker.Client, capsys: pytest.CaptureFixture[str]) -> None:
    training = easymaker.Training({"trainingId": "t1", "description": None, "flavor": {"name": "m2"}}, client=client)
    training.print_info()
    assert json.loads(capsys.readouterr().out) == {"trainingId": "t1", "flavor": {"name": "m2"}}
    assert training.instance_type is not None
    assert training.instance_type.print_info is not None and training.instance_type.name == "m2"


def test_parse_obs_uri_is_the_2_1_x_six_tuple() -> None:
    from easymaker.storage.objectstorage import parse_obs_uri

    uri = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_abc/bucket/some/path"
    assert parse_obs_uri(uri) == (
        "https://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_abc/bucket/some/path",
        "kr1-api-object-storage.nhncloudservice.com",
        "https://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_abc/bucket",
        "abc",
        "bucket",
        "some/path",
    )
    with pytest.raises(easymaker.EasyMakerError, match="AUTH_"):
        parse_obs_uri("obs://host/v1/bucket")


def test_upload_positional_order_is_region_then_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    from easymaker.storage import objectstorage

    seen: list[tuple[Any, ...]] = []

    class Recorder:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            seen.append(args)

        def __enter__(self) -> Recorder:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def upload(self, *args: Any, **kwargs: Any) -> str:
            return "uploaded"

        download = upload

    assert easymaker.upload is objectstorage.upload and easymaker.ObjectStorage is objectstorage.ObjectStorage
    assert isinstance(easymaker.ObjectStorage, type)
    monkeypatch.setattr(objectstorage, "ObjectStorage", Recorder)
    uri = "obs://h/v1/AUTH_t/c/p"
    # the Recorder stands in for ObjectStorage and returns a marker instead of a TransferResult
    assert easymaker.upload(uri, ".", "kr2", "user", "pw", "gov") == "uploaded"  # type: ignore[comparison-overlap]
    assert easymaker.download(uri, ".", "kr2", "user", "pw") == "uploaded"  # type: ignore[comparison-overlap]
    assert seen == [("kr2", "user", "pw", "gov"), ("kr2", "user", "pw", None)]


def test_error_hierarchy_of_2_1_x() -> None:
    from easymaker.common import exceptions
    from easymaker.storage import StorageAuthError

    assert issubclass(easymaker.AuthenticationError, exceptions.EasyMakerAuthError)
    assert issubclass(StorageAuthError, exceptions.EasyMakerAuthError)
    assert issubclass(exceptions.EasyMakerAuthError, exceptions.EasyMakerError)
    assert exceptions.EasyMakerError is easymaker.EasyMakerError


def test_2_1_5_module_paths_in_a_fresh_interpreter() -> None:
    code = """
import easymaker
from easymaker.training.training import Training
from easymaker.training.components import Algorithm, Dataset, Trial, TrialMetric
from easymaker.endpoint.endpoint import Endpoint, get_default_endpoint_stage
from easymaker.endpoint.components import ApigwStage, AutoScaler
from easymaker.model_evaluation.model_evaluation_metrics import ConfusionMatrix
from easymaker.model_preset.model_preset import ModelPreset, ModelPresetMetadata
from easymaker.common.constants import EASYMAKER_API_WAIT_INTERVAL_SECONDS
from easymaker.common.environment_variables import EM_APPKEY
from easymaker.cli.cli import main
from easymaker.initializer import global_config
assert Training is easymaker.Training and global_config is easymaker.easymaker_config
assert easymaker.storage.objectstorage.ObjectStorage is easymaker.ObjectStorage
assert ModelPreset(model_preset_name="p").model_preset_name == "p"
try:
    from easymaker.api.api_sender import ApiSender
except ImportError as exc:
    assert "not provided here" in str(exc), exc
else:
    raise AssertionError("ApiSender")
"""
    subprocess.run([sys.executable, "-c", code], check=True)


def test_local_catalog_speaks_the_wire_values() -> None:
    """2.1.5 parses algorithms with a strict lower-case hyperparameterTypeCode enum; the official notebooks use
    r2.c8m32."""
    import yaml

    from easymaker.local.catalog import Catalog

    spec = yaml.safe_load((REPO / "spec" / "openapi.yaml").read_text())
    allowed = set(spec["components"]["schemas"]["HyperparameterTypeCode"]["enum"])
    catalog = Catalog()
    codes = {s["hyperparameterTypeCode"] for a in catalog.algorithms for s in a["hyperparameterSpecList"]}
    assert codes and codes <= allowed == {"int", "double", "discrete", "categorical"}
    assert catalog.flavor_by_name("r2.c8m32") is not None
