"""Request bodies on the wire for every create (the guide's examples), validation before any request, lookups."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

import easymaker
from easymaker._lookups import LOOKUP_TTL

BASE = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
OK = {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}
OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c"
FLAVORS = [
    {"id": "f-4", "name": "m2.c4m8", "gpuFlavor": False},
    {"id": "f-8", "name": "m2.c8m16"},
    {"id": "f-16", "name": "c2.c16m16"},
]
IMAGES = [{"imageId": "img-tf", "imageName": "Ubuntu 18.04 CPU TensorFlow Training"}]
ALGORITHMS = [{"algorithmId": "alg-1", "algorithmName": "Image Classification", "cpuTrainingImageId": "img-alg"}]
MODELS = [{"modelId": "model-1", "modelName": "model_name"}]


def ok(**payload: Any) -> httpx.Response:
    return httpx.Response(200, json={**OK, **payload})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(clock: Clock) -> easymaker.Client:
    return easymaker.Client(appkey="ak", access_token="tok", sleep=lambda s: None, clock=clock)


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/flavors", name="flavors").mock(return_value=ok(flavorList=FLAVORS))
        router.get(f"{BASE}/images", name="images").mock(return_value=ok(imageList=IMAGES))
        router.get(f"{BASE}/algorithms", name="algorithms").mock(return_value=ok(algorithmList=ALGORITHMS))
        router.get(f"{BASE}/models", name="models").mock(return_value=ok(modelList=MODELS))
        for path, key in [
            ("trainings", "training"),
            ("hyperparameter-tunings", "hyperparameterTuning"),
            ("fine-tunings", "fineTuning"),
            ("models", "model"),
            ("endpoints", "endpoint"),
            ("endpoint-stages", "endpointStage"),
            ("batch-inferences", "batchInference"),
            ("model-evaluations", "modelEvaluation"),
            ("pipelines/upload", "pipeline"),
        ]:
            router.post(f"{BASE}/{path}", name=key).mock(
                return_value=ok(**{key: {f"{key}Id": f"{key}-1", f"{key}StatusCode": "CREATE_REQUESTED"}})
            )
        router.post(f"{BASE}/pipeline-runs", name="pipelineRun").mock(
            side_effect=lambda request: ok(
                **(
                    {
                        "pipelineRecurringRun": {
                            "pipelineRecurringRunId": "rr-1",
                            "pipelineRecurringRunStatusCode": "ENABLED",
                        }
                    }
                    if "scheduleCronExpression" in json.loads(request.content)
                    else {"pipelineRun": {"pipelineRunId": "pr-1", "pipelineRunStatusCode": "CREATE_REQUESTED"}}
                )
            )
        )
        yield router


def body(router: respx.MockRouter, name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(router.routes[name].calls.last.request.content)
    return result


GUIDE_TRAINING: dict[str, Any] = dict(
    experiment_id="exp-1",
    training_name="training_name",
    description="training_description",
    image_name="Ubuntu 18.04 CPU TensorFlow Training",
    instance_type_name="m2.c4m8",
    distributed_node_count=1,
    data_storage_size=300,
    source_dir_uri=f"{OBS}/src",
    entry_point="training_start.py",
    hyperparameter_list=[
        {"parameterName": "epochs", "parameterValue": "10"},
        {"parameterName": "batch-size", "parameterValue": "30"},
    ],
    timeout_hours=100,
    model_upload_uri=f"{OBS}/model",
    check_point_input_uri=f"{OBS}/ckpt-in",
    check_point_upload_uri=f"{OBS}/ckpt-out",
    dataset_list=[
        {"datasetName": "train", "dataUri": f"{OBS}/train"},
        {"datasetName": "test", "dataUri": f"{OBS}/test"},
    ],
    tag_list=[{"tagKey": "tag1", "tagValue": "test_tag_1"}, {"tagKey": "tag2", "tagValue": "test_tag_2"}],
    use_log=True,
    wait=False,
)


def test_training_body_of_the_guide(api: respx.MockRouter, client: easymaker.Client) -> None:
    training = easymaker.Training(client=client).run(**GUIDE_TRAINING)
    assert training.training_id == "training-1" and training.status == "CREATE_REQUESTED"
    assert body(api, "training") == {
        "trainingName": "training_name",
        "trainingTypeCode": "NORMAL",
        "description": "training_description",
        "experimentId": "exp-1",
        "imageId": "img-tf",
        "flavorId": "f-4",
        "instanceCount": 1,
        "dataStorageSize": 300,
        "sourceDirUri": f"{OBS}/src",
        "entryPoint": "training_start.py",
        "hyperparameterList": [
            {"parameterName": "epochs", "parameterValue": "10"},
            {"parameterName": "batch-size", "parameterValue": "30"},
        ],
        "timeoutMinutes": 6000,
        "modelUploadUri": f"{OBS}/model",
        "checkPointInputUri": f"{OBS}/ckpt-in",
        "checkPointUploadUri": f"{OBS}/ckpt-out",
        "datasetList": [
            {"datasetName": "train", "dataUri": f"{OBS}/train"},
            {"datasetName": "test", "dataUri": f"{OBS}/test"},
        ],
        "tagList": [{"tagKey": "tag1", "tagValue": "test_tag_1"}, {"tagKey": "tag2", "tagValue": "test_tag_2"}],
        "useLog": True,
        "useTorchrun": False,
    }


def test_list_items_accept_objects_snake_case_and_guide_spellings(
    api: respx.MockRouter, client: easymaker.Client
) -> None:
    easymaker.Training(client=client).run(
        **{
            **GUIDE_TRAINING,
            "hyperparameter_list": [
                easymaker.Parameter("epochs", 10),
                {"parameter_name": "lr", "parameter_value": 0.1},
            ],
            "dataset_list": [
                easymaker.Dataset(dataset_name="train", data_uri="obs://a"),
                {"datasetName": "t", "datasetUri": "obs://b"},
            ],
            "tag_list": None,
        }
    )
    sent = body(api, "training")
    assert sent["hyperparameterList"] == [
        {"parameterName": "epochs", "parameterValue": "10"},
        {"parameterName": "lr", "parameterValue": "0.1"},
    ]
    assert sent["datasetList"] == [
        {"datasetName": "train", "dataUri": "obs://a"},
        {"datasetName": "t", "dataUri": "obs://b"},
    ]
    assert "tagList" not in sent


def test_hyperparameter_tuning_body_of_the_guide(api: respx.MockRouter, client: easymaker.Client) -> None:
    easymaker.HyperparameterTuning(client=client).run(
        experiment_id="exp-1",
        hyperparameter_tuning_name="hyperparameter_tuning_name",
        description="d",
        image_name="Ubuntu 18.04 CPU TensorFlow Training",
        instance_type_name="m2.c8m16",
        distributed_node_count=1,
        parallel_trial_count=1,
        data_storage_size=300,
        source_dir_uri=f"{OBS}/src",
        entry_point="training_start.py",
        hyperparameter_spec_list=[
            {
                "hyperparameterName": "learning_rate",
                "hyperparameterTypeCode": easymaker.HYPERPARAMETER_TYPE_CODE.DOUBLE,
                "hyperparameterMinValue": "0.01",
                "hyperparameterMaxValue": "0.05",
            },
            {
                "hyperparameterName": "epochs",
                "hyperparameterTypeCode": "INT",
                "hyperparameterMinValue": 100,
                "hyperparameterMaxValue": 1000,
            },
        ],
        timeout_hours=10,
        model_upload_uri=f"{OBS}/model",
        metric_list=["val_loss", "loss", easymaker.Metric(name="accuracy")],
        metric_regex=r"([\w|-]+)\s*:\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)",
        objective_metric_name="val_loss",
        objective_type_code=easymaker.OBJECTIVE_TYPE_CODE.MINIMIZE,
        objective_goal=0.01,
        max_failed_trial_count=3,
        max_trial_count=10,
        tuning_strategy_name=easymaker.TUNING_STRATEGY.BAYESIAN_OPTIMIZATION,
        tuning_strategy_random_state=1,
        early_stopping_algorithm=easymaker.EARLY_STOPPING_ALGORITHM.MEDIAN,
        early_stopping_min_trial_count=3,
        early_stopping_start_step=4,
        tag_list=[{"tagKey": "tag1", "tagValue": "test_tag_1"}],
        use_log=True,
        wait=False,
    )
    sent = body(api, "hyperparameterTuning")
    assert sent["instanceCount"] == 1 and sent["parallelTrialCount"] == 1 and sent["nprocPerNode"] == 1
    assert sent["flavorId"] == "f-8" and sent["imageId"] == "img-tf" and sent["timeoutMinutes"] == 600
    assert sent["hyperparameterSpecList"] == [
        {
            "hyperparameterName": "learning_rate",
            "hyperparameterTypeCode": "double",
            "hyperparameterMinValue": "0.01",
            "hyperparameterMaxValue": "0.05",
        },
        {
            "hyperparameterName": "epochs",
            "hyperparameterTypeCode": "int",
            "hyperparameterMinValue": "100",
            "hyperparameterMaxValue": "1000",
        },
    ]
    assert sent["metricList"] == [{"name": "val_loss"}, {"name": "loss"}, {"name": "accuracy"}]
    assert sent["objectiveMetric"] == {"name": "val_loss"}
    assert (sent["objectiveTypeCode"], sent["tuningStrategyName"], sent["earlyStoppingAlgorithm"]) == (
        "MINIMIZE",
        "BAYESIAN_OPTIMIZATION",
        "MEDIAN",
    )
    assert (sent["earlyStoppingMinTrialCount"], sent["earlyStoppingStartStep"], sent["tagList"]) == (
        3,
        4,
        [{"tagKey": "tag1", "tagValue": "test_tag_1"}],
    )


def test_tuning_node_product_limit_comes_from_instance_count(api: respx.MockRouter, client: easymaker.Client) -> None:
    with pytest.raises(easymaker.EasyMakerValidationError) as info:
        easymaker.HyperparameterTuning(client=client).run(
            hyperparameter_tuning_name="h",
            image_name="Ubuntu 18.04 CPU TensorFlow Training",
            instance_type_name="m2.c8m16",
            model_upload_uri="obs://m",
            distributed_node_count=4,
            parallel_trial_count=3,
            wait=False,
        )
    assert "distributed_node_count × parallel_trial_count: 12 exceeds maximum 10" in str(info.value)
    assert info.value.wire_field == "instanceCount"
    assert api.calls.call_count == 0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"training_name": "x" * 51}, "training_name: length 51 exceeds maxLength 50 (wire field trainingName)"),
        ({"timeout_hours": 721}, "timeout_hours: 721 exceeds maximum 720"),
        ({"data_storage_size": 100}, "data_storage_size: 100 is below minimum 300"),
        ({"distributed_node_count": 11}, "distributed_node_count: 11 exceeds maximum 10"),
        ({"dataset_list": [{"datasetName": "n" * 37, "dataUri": "obs://x"}]}, "dataset_list[0].datasetName: length 37"),
        ({"dataset_list": [{"datasetName": "n", "dataUrl": "obs://x"}]}, "unknown key 'dataUrl'"),
        ({"dataset_list": [{"datasetName": "n"}]}, "dataset_list[0]: missing required key 'dataUri'"),
        ({"hyperparameter_list": [{"parameterName": "p"}] * 101}, "hyperparameter_list: 101 items exceed maxItems 100"),
        ({"tag_list": [{"tagKey": "k" * 65}]}, "tag_list[0].tagKey: length 65 exceeds maxLength 64"),
        ({"training_name": None}, "training_name is required"),
    ],
)
def test_bad_training_arguments_fail_before_any_request(
    api: respx.MockRouter, client: easymaker.Client, change: dict[str, Any], expected: str
) -> None:
    with pytest.raises(easymaker.EasyMakerValidationError) as info:
        easymaker.Training(client=client).run(**{**GUIDE_TRAINING, **change})
    assert expected in str(info.value)
    assert isinstance(info.value, ValueError)
    assert api.calls.call_count == 0


def test_bad_enum_fails_before_any_request(api: respx.MockRouter, client: easymaker.Client) -> None:
    with pytest.raises(easymaker.EasyMakerValidationError, match=r"objective_type_code: 'BIGGEST' is not one of"):
        easymaker.HyperparameterTuning(client=client).run(
            hyperparameter_tuning_name="h",
            image_name="Ubuntu 18.04 CPU TensorFlow Training",
            instance_type_name="m2.c8m16",
            model_upload_uri="obs://m",
            objective_type_code="BIGGEST",
            wait=False,
        )
    assert api.calls.call_count == 0


def test_training_lookups_are_cached_and_algorithms_only_when_named(
    api: respx.MockRouter, client: easymaker.Client, clock: Clock
) -> None:
    for _ in range(3):
        easymaker.Training(client=client).run(**GUIDE_TRAINING)
    routes = api.routes
    assert (routes["flavors"].call_count, routes["images"].call_count, routes["algorithms"].call_count) == (1, 1, 0)
    assert routes["training"].call_count == 3
    easymaker.Training(client=client).run(
        **{**GUIDE_TRAINING, "image_name": None, "algorithm_name": "Image Classification"}
    )
    assert routes["algorithms"].call_count == 1
    sent = body(api, "training")
    assert (sent["algorithmId"], sent["imageId"]) == ("alg-1", "img-alg")
    clock.now += LOOKUP_TTL + 1
    easymaker.Training(client=client).run(**GUIDE_TRAINING)
    assert routes["flavors"].call_count == 2


def test_wrong_name_lists_the_valid_names(api: respx.MockRouter, client: easymaker.Client) -> None:
    with pytest.raises(easymaker.NameLookupError) as info:
        easymaker.Training(client=client).run(**{**GUIDE_TRAINING, "instance_type_name": "m2.c4m9"})
    assert "'m2.c4m9'" in str(info.value) and "'m2.c4m8'" in str(info.value) and "'c2.c16m16'" in str(info.value)
    assert api.routes["training"].call_count == 0


def test_model_bodies(api: respx.MockRouter, client: easymaker.Client) -> None:
    easymaker.Model(client=client).create(training_id="tr-1", model_name="model_name", description="d", wait=False)
    assert body(api, "model") == {"modelName": "model_name", "description": "d", "trainingId": "tr-1"}
    easymaker.Model(client=client).create_by_model_upload_uri(
        model_type_code=easymaker.SCIKIT_LEARN, model_upload_uri=f"{OBS}/m", model_name="sk", wait=False
    )
    assert body(api, "model") == {
        "modelName": "sk",
        "modelTypeCode": "SCIKIT_LEARN",
        "modelFormatCode": "SKLEARN",
        "modelUploadUri": f"{OBS}/m",
    }
    easymaker.Model(client=client).create("tf", easymaker.ModelFormatCode.TENSORFLOW, f"{OBS}/m", wait=False)
    assert body(api, "model") == {"modelName": "tf", "modelFormatCode": "TENSORFLOW", "modelUploadUri": f"{OBS}/m"}
    easymaker.Model(client=client).create_hugging_face_model(
        model_name="hf", parameter_list=[{"parameterName": "model_id", "parameterValue": "org/m"}], wait=False
    )
    sent = body(api, "model")
    assert sent["modelFormatCode"] == "HUGGING_FACE"
    assert sent["parameterList"] == [{"parameterName": "model_id", "parameterValue": "org/m"}]
    with pytest.raises(easymaker.EasyMakerValidationError, match="model_format_code"):
        easymaker.Model(client=client).create(model_name="x", model_upload_uri="obs://m", wait=False)


def test_model_evaluation_body_with_guide_extras(api: respx.MockRouter, client: easymaker.Client) -> None:
    easymaker.ModelEvaluation(client=client).create(
        model_evaluation_name="model_evaluation_name",
        description="description",
        model_id="model-1",
        objective_code=easymaker.REGRESSION,
        class_names="class_a, class_b",
        generate_feature_attributions=False,
        instance_type_name="m2.c4m8",
        input_data_uri=f"{OBS}/in",
        input_data_type_code=easymaker.CSV,
        target_field_name="target_field_name",
        boot_storage_size=50,
        data_storage_size=300,
        timeout_hours=1,
        batch_inference_instance_type_name="m2.c8m16",
        batch_inference_instance_count=1,
        batch_inference_pod_count=1,
        batch_inference_output_upload_uri=f"{OBS}/out",
        batch_inference_max_batch_size=32,
        batch_inference_inference_timeout_seconds=120,
        use_log=True,
        wait=False,
    )
    assert body(api, "modelEvaluation") == {
        "modelEvaluationName": "model_evaluation_name",
        "description": "description",
        "modelId": "model-1",
        "objectiveCode": "REGRESSION",
        "classNames": "class_a, class_b",
        "generateFeatureAttributions": False,
        "flavorId": "f-4",
        "inputDataUri": f"{OBS}/in",
        "inputDataTypeCode": "CSV",
        "targetFieldName": "target_field_name",
        "bootStorageSize": 50,
        "dataStorageSize": 300,
        "timeoutMinutes": 60,
        "useLog": True,
        "batchInference": {
            "flavorId": "f-8",
            "instanceCount": 1,
            "podCount": 1,
            "outputUploadUri": f"{OBS}/out",
            "maxBatchSize": 32,
            "inferenceTimeoutSeconds": 120,
        },
    }
    assert api.routes["flavors"].call_count == 1


def test_model_evaluation_empty_class_names_is_none(api: respx.MockRouter, client: easymaker.Client) -> None:
    """The official regression notebook passes class_names=""; 2.1.x's default is None: both send no classNames."""
    easymaker.ModelEvaluation(client=client).create(
        model_evaluation_name="reg",
        model_id="model-1",
        objective_code=easymaker.REGRESSION,
        class_names="",
        instance_type_name="m2.c4m8",
        input_data_uri=f"{OBS}/in",
        input_data_type_code=easymaker.CSV,
        target_field_name="y",
        batch_inference_instance_type_name="m2.c8m16",
        batch_inference_instance_count=1,
        batch_inference_pod_count=1,
        batch_inference_output_upload_uri=f"{OBS}/out",
        batch_inference_max_batch_size=32,
        batch_inference_inference_timeout_seconds=120,
        wait=False,
    )
    assert "classNames" not in body(api, "modelEvaluation")


def test_endpoint_and_stage_bodies(api: respx.MockRouter, client: easymaker.Client) -> None:
    resources = [{"modelId": "model-1", "resourceOptionDetail": {"cpu": "15", "memory": "15Gi"}, "description": "r"}]
    easymaker.Endpoint(client=client).create(
        endpoint_name="endpoint_name",
        description="endpoint_description",
        instance_type_name="c2.c16m16",
        instance_count=1,
        endpoint_model_resource_list=resources,
        use_log=True,
        wait=False,
    )
    assert body(api, "endpoint") == {
        "endpointName": "endpoint_name",
        "description": "endpoint_description",
        "flavorId": "f-16",
        "nodeCount": 1,
        "endpointModelResourceList": [
            {"modelId": "model-1", "resourceOptionDetail": {"cpu": "15", "memory": "15Gi"}, "description": "r"}
        ],
        "caEnable": False,
        "caMinNodeCount": 1,
        "caMaxNodeCount": 10,
        "caScaleDownEnable": True,
        "caScaleDownUtilThresh": 50,
        "caScaleDownUnneededTime": 10,
        "caScaleDownDelayAfterAdd": 10,
        "useLog": True,
    }
    easymaker.EndpointStage(client=client).create(
        endpoint_id="endpoint-1",
        stage_name="stage01",
        description="test endpoint",
        instance_type_name="c2.c16m16",
        instance_count=1,
        endpoint_model_resource_list=[
            easymaker.EndpointModelResource(
                model_id="model-1", resource_option_detail=easymaker.ResourceOptionDetail(cpu=1.5, memory="1Gi")
            )
        ],
        use_log=True,
        wait=False,
    )
    sent = body(api, "endpointStage")
    assert sent["apigwStageName"] == "stage01" and sent["endpointId"] == "endpoint-1"
    assert sent["endpointModelResourceList"] == [
        {"modelId": "model-1", "resourceOptionDetail": {"cpu": "1.5", "memory": "1Gi"}}
    ]
    with pytest.raises(easymaker.EasyMakerValidationError, match="resourceOptionDetail.memory"):
        easymaker.EndpointStage(client=client).create(
            "s",
            "endpoint-1",
            "c2.c16m16",
            [{"modelId": "m", "resourceOptionDetail": {"cpu": "1", "memory": "lots"}}],
            wait=False,
        )


def test_batch_inference_by_model_name(api: respx.MockRouter, client: easymaker.Client) -> None:
    easymaker.BatchInference(client=client).run(
        batch_inference_name="batch_inference_name",
        instance_count=1,
        timeout_hours=100,
        instance_type_name="m2.c4m8",
        model_name="model_name",
        pod_count=1,
        batch_size=32,
        inference_timeout_seconds=120,
        input_data_uri=f"{OBS}/in",
        input_data_type="JSONL",
        include_glob_pattern=None,
        exclude_glob_pattern=None,
        output_upload_uri=f"{OBS}/out",
        data_storage_size=300,
        description="description",
        tag_list=[{"tagKey": "tag1", "tagValue": "test_tag_1"}],
        use_log=True,
        wait=False,
    )
    assert body(api, "batchInference") == {
        "batchInferenceName": "batch_inference_name",
        "instanceCount": 1,
        "timeoutMinutes": 6000,
        "flavorId": "f-4",
        "modelId": "model-1",
        "podCount": 1,
        "maxBatchSize": 32,
        "inferenceTimeoutSeconds": 120,
        "inputDataUri": f"{OBS}/in",
        "inputDataTypeCode": "JSONL",
        "outputUploadUri": f"{OBS}/out",
        "dataStorageSize": 300,
        "description": "description",
        "useLog": True,
        "tagList": [{"tagKey": "tag1", "tagValue": "test_tag_1"}],
    }
    with pytest.raises(easymaker.NameLookupError, match="'model_name'"):
        easymaker.BatchInference(client=client).run(
            "b", None, "m2.c4m8", "obs://o", "obs://i", "JSON", 1, 1, 300, wait=False, model_name="nope"
        )


def test_pipeline_bodies(api: respx.MockRouter, client: easymaker.Client, tmp_path: Path) -> None:
    manifest = tmp_path / "sample-pipeline.yaml"
    manifest.write_bytes(b"# PIPELINE DEFINITION\npipelineInfo: {name: p}\n")
    easymaker.Pipeline(client=client).upload(
        pipeline_name="pipeline_01",
        pipeline_spec_manifest_path=str(manifest),
        description="test",
        tag_list=[],
        wait=False,
    )
    assert body(api, "pipeline") == {
        "pipelineName": "pipeline_01",
        "base64PipelineSpecManifest": base64.b64encode(manifest.read_bytes()).decode(),
        "description": "test",
        "tagList": [],
    }
    run = easymaker.PipelineRun(client=client).create(
        pipeline_run_name="pipeline_run",
        description="test",
        pipeline_id="p-1",
        experiment_id="exp-1",
        instance_type_name="m2.c4m8",
        instance_count=1,
        boot_storage_size=50,
        parameter_list=[{"parameterKey": "message", "parameterValue": "hi"}],
        nas_list=[{"mountDirName": "data", "nasUri": "nas://n1:/d"}],
        wait=False,
    )
    assert run.pipeline_run_id == "pr-1"
    assert body(api, "pipelineRun") == {
        "pipelineRunOrRecurringRunName": "pipeline_run",
        "pipelineId": "p-1",
        "description": "test",
        "experimentId": "exp-1",
        "flavorId": "f-4",
        "instanceCount": 1,
        "bootStorageSize": 50,
        "parameterList": [{"parameterName": "message", "parameterValue": "hi"}],
        "nasList": [{"mountDirName": "data", "nasUri": "nas://n1:/d"}],
    }
    recurring = easymaker.PipelineRecurringRun(client=client).create(
        pipeline_recurring_run_name="pipeline_recurring_run",
        description="test",
        pipeline_id="p-1",
        experiment_id="exp-1",
        instance_type_name="m2.c4m8",
        boot_storage_size=50,
        schedule_cron_expression="0 0 * * * ?",
        max_concurrency_count=1,
        schedule_start_datetime="2025-01-01T00:00:00+09:00",
        wait=False,
    )
    assert recurring.pipeline_recurring_run_id == "rr-1"
    sent = body(api, "pipelineRun")
    assert sent["pipelineRunOrRecurringRunName"] == "pipeline_recurring_run"
    assert (sent["scheduleCronExpression"], sent["maxConcurrencyCount"], sent["useCatchup"]) == ("0 0 * * * ?", 1, True)
    assert sent["scheduleStartDatetime"] == "2025-01-01T00:00:00+09:00" and sent["instanceCount"] == 1
    with pytest.raises(easymaker.EasyMakerValidationError, match="schedule_cron_expression or schedule_periodic"):
        easymaker.PipelineRecurringRun(client=client).create("r", "p-1", "m2.c4m8", 50, wait=False)
    with pytest.raises(easymaker.EasyMakerValidationError, match="nas_list\\[0\\].nasUri"):
        easymaker.PipelineRun(client=client).create(
            "r", "p-1", "m2.c4m8", 50, nas_list=[{"mountDirName": "d", "nasUri": "/local/path"}], wait=False
        )


def test_experiment_create_reuses_a_unique_name_and_refuses_duplicates(client: easymaker.Client) -> None:
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/experiments").mock(
            return_value=ok(
                experimentList=[{"experimentId": "e1", "experimentName": "exp", "experimentStatusCode": "ACTIVE"}]
            )
        )
        post = router.post(f"{BASE}/experiments").mock(return_value=ok(experiment={}))
        experiment = easymaker.Experiment(client=client).create("exp")
        assert experiment.experiment_id == "e1" and post.call_count == 0
        assert dict(router.routes[0].calls.last.request.url.params) == {"experimentNameList": "exp"}
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/experiments").mock(
            return_value=ok(
                experimentList=[
                    {"experimentId": "e1", "experimentName": "exp"},
                    {"experimentId": "e2", "experimentName": "exp"},
                ]
            )
        )
        post = router.post(f"{BASE}/experiments").mock(return_value=ok(experiment={}))
        with pytest.raises(easymaker.EasyMakerError, match="2 experiments are named 'exp'.*e1, e2"):
            easymaker.Experiment(client=client).create("exp")
        assert post.call_count == 0


def test_fine_tuning_body(api: respx.MockRouter, client: easymaker.Client) -> None:
    easymaker.FineTuning(client=client).run(
        "ft",
        "g4.c92m1800",
        "preset-1",
        f"{OBS}/out",
        dataset_list=[
            easymaker.Dataset(
                "train", "obs://d", easymaker.DatasetFormatCode.CHAT_TEMPLATE, easymaker.DatasetSplitCode.TRAIN
            )
        ],
        validation_split_percent=10,
        wait=False,
    )
    sent = body(api, "fineTuning")
    assert sent["flavorName"] == "g4.c92m1800" and sent["valSetSize"] == 10 and sent["timeoutMinutes"] == 43200
    assert sent["datasetList"] == [
        {
            "datasetName": "train",
            "dataUri": "obs://d",
            "datasetFormatCode": "CHAT_TEMPLATE",
            "datasetSplitCode": "TRAIN",
        }
    ]
    assert api.routes["flavors"].call_count == 0
    with pytest.raises(easymaker.EasyMakerValidationError, match="validation_split_percent: 101 exceeds maximum 100"):
        easymaker.FineTuning(client=client).run("ft", "g4", "p", "obs://o", validation_split_percent=101, wait=False)
