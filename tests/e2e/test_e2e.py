"""End-to-end acceptance checks through the public SDK against a real EasyMaker Local.

One EasyMaker Local (subprocess on a free port, temporary home) serves the whole module; the SDK reaches it with
``easymaker.init(profile="local")``. Every input goes through ``easymaker.upload`` into the local object store and
every output comes back with ``easymaker.download``, addressed by ``obs://`` URIs:

1. training of ``examples/iris/train.py`` -> model -> the model file predicts like the same model trained here;
2. serving: endpoint (default stage) and a second stage serving another model; deletion order rules;
3. batch inference over 1,000 iris rows;
4. model evaluation, metrics compared with scikit-learn's on the same data;
5. hyperparameter tuning of a script with a known optimum, model of the optimal trial;
6. a two-step kfp pipeline, its output artifact on disk; a failing step reported by ``ResourceFailedError``.
"""

# No `from __future__ import annotations`: kfp reads the pipeline components' signatures as real types.

import json
import uuid
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from local_server import LocalServerHandle
from paths import REPO
from polling import wait_until
from sklearn.datasets import load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import average_precision_score, confusion_matrix, f1_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import label_binarize

import easymaker

IRIS_SOURCE = REPO / "examples" / "iris"
OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2etenant/e2e"
IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
INSTANCE = "m2.c2m4"
RESOURCES = {"cpu": "1", "memory": "1Gi"}
CLASS_NAMES = ["setosa", "versicolor", "virginica"]
IRIS_C, IRIS_MAX_ITER = 0.5, 300

TUNING_SCRIPT = """
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--x", type=float, required=True)
args, _ = parser.parse_known_args()
score = 10.0 - (args.x - 3.0) ** 2  # maximum 10 at x = 3
print(f"score={score}")
with open(os.path.join(os.environ["EM_MODEL_DIR"], "trial.json"), "w") as f:
    json.dump({"x": args.x, "score": score}, f)
"""


# ------------------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-work")


@pytest.fixture(scope="module")
def experiment(local_sdk_module: easymaker.Client) -> Any:
    return easymaker.Experiment().create(experiment_name="e2e-experiment", description="end to end")


@pytest.fixture(scope="module")
def iris() -> Any:
    return load_iris()


@pytest.fixture(scope="module")
def iris_training(local_sdk_module: easymaker.Client, experiment: Any) -> Any:
    """examples/iris/ uploaded with easymaker.upload and trained on EasyMaker Local (wait=True)."""
    source_uri = f"{OBS}/iris/src"
    result = easymaker.upload(source_uri, str(IRIS_SOURCE), show_progress=False)
    assert result.files >= 1
    return easymaker.Training().run(
        experiment_id=experiment.experiment_id,
        training_name="e2e-iris",
        image_name=IMAGE,
        instance_type_name=INSTANCE,
        source_dir_uri=source_uri,
        entry_point="train.py",
        hyperparameter_list=[
            {"parameterName": "C", "parameterValue": str(IRIS_C)},
            {"parameterName": "max_iter", "parameterValue": str(IRIS_MAX_ITER)},
        ],
        model_upload_uri=f"{OBS}/iris/model",
        timeout_hours=1,
        wait=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def iris_model(iris_training: Any) -> Any:
    """The model made from the training, without a format code (the joblib artifact is recognised)."""
    return easymaker.Model().create(training_id=iris_training.training_id, model_name="e2e-iris-model", timeout=60)


@pytest.fixture(scope="module")
def downloaded_iris_model(iris_model: Any, work: Path) -> Any:
    target = work / "iris-model"
    easymaker.download(iris_model.model_upload_uri, str(target), show_progress=False)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == ["model.joblib"], files
    return joblib.load(target / "model.joblib")


def in_process_iris_model(iris: Any) -> LogisticRegression:
    """The model train.py builds, with the same data, split and hyperparameters, trained in this process."""
    x_train, _x_test, y_train, _y_test = train_test_split(
        iris.data, iris.target, test_size=0.2, random_state=0, stratify=iris.target
    )
    return LogisticRegression(C=IRIS_C, max_iter=IRIS_MAX_ITER).fit(x_train, y_train)


def wait_gone(cls: Any, resource_id: str, timeout: float = 60.0) -> None:
    """Poll until fetching ``cls(resource_id)`` is a 404 (deletions finish in the background; an `Endpoint` is
    fetched on its first read, not when built)."""

    def gone() -> bool:
        try:
            cls(resource_id).refresh()
        except easymaker.NotFoundError:
            return True
        return False

    wait_until(gone, timeout=timeout, what=f"{cls.__name__} {resource_id} gone after its deletion")


def rows(x: np.ndarray) -> list[list[float]]:
    return [[float(v) for v in row] for row in x]


# ------------------------------------------------------------------------------------------------ 1. training
def test_training_model_artifact_predicts_like_in_process(
    iris_training: Any, iris_model: Any, downloaded_iris_model: Any, iris: Any, experiment: Any
) -> None:
    assert iris_training.status == "COMPLETE"
    assert easymaker.Training(iris_training.training_id).training_status_code == "COMPLETE"
    assert iris_training.experiment.experiment_id == experiment.experiment_id
    assert iris_model.status == "ACTIVE"
    assert iris_model.model_upload_uri.startswith(f"{OBS}/iris/model")
    assert "modelFormatCode" not in iris_model.to_dict()  # recognised by its joblib artifact when served

    reference = in_process_iris_model(iris)
    assert list(downloaded_iris_model.classes_) == list(reference.classes_)
    predicted = downloaded_iris_model.predict(iris.data)
    assert predicted.tolist() == reference.predict(iris.data).tolist()
    np.testing.assert_allclose(downloaded_iris_model.coef_, reference.coef_, rtol=1e-9, atol=1e-12)
    assert (predicted == iris.target).mean() > 0.9  # a real classifier, not a constant


# ------------------------------------------------------------------------------------------------ 2. serving
def test_serving_endpoint_and_second_stage(
    local_sdk_module: easymaker.Client, iris_model: Any, downloaded_iris_model: Any, iris: Any, work: Path
) -> None:
    sample = iris.data[::7]
    endpoint = easymaker.Endpoint().create(
        endpoint_name="e2e-endpoint",
        instance_type_name=INSTANCE,
        endpoint_model_resource_list=[{"modelId": iris_model.model_id, "resourceOptionDetail": RESOURCES}],
        wait=True,
        timeout=120,
    )
    assert endpoint.status == "ACTIVE" and endpoint.endpoint_id is not None
    answer = easymaker.Endpoint(endpoint.endpoint_id).predict(
        model_id=iris_model.model_id, json={"instances": rows(sample)}
    )
    assert answer["predictions"] == downloaded_iris_model.predict(sample).tolist()

    # a second model: a regression of petal width on the other features, uploaded as files with its format code
    regression = LinearRegression().fit(iris.data[:, :3], iris.data[:, 3])
    reg_dir = work / "regression"
    reg_dir.mkdir()
    joblib.dump(regression, reg_dir / "model.joblib")
    reg_uri = f"{OBS}/regression/model"
    easymaker.upload(reg_uri, str(reg_dir), show_progress=False)
    second_model = easymaker.Model().create(
        model_name="e2e-regression",
        model_upload_uri=reg_uri,
        model_format_code=easymaker.ModelFormatCode.SKLEARN,
        timeout=60,
    )
    assert second_model.model_id is not None
    stage = easymaker.EndpointStage().create(
        stage_name="e2estage",
        endpoint_id=endpoint.endpoint_id,
        instance_type_name=INSTANCE,
        endpoint_model_resource_list=[{"modelId": second_model.model_id, "resourceOptionDetail": RESOURCES}],
        wait=True,
        timeout=120,
    )
    assert stage.status == "ACTIVE" and stage.endpoint_stage_id is not None
    stage_ids = {s.endpoint_stage_id for s in easymaker.Endpoint(endpoint.endpoint_id).get_stage_list()}
    assert stage.endpoint_stage_id in stage_ids and len(stage_ids) == 2
    answer = easymaker.EndpointStage(stage.endpoint_stage_id).predict(
        model_id=second_model.model_id, json={"instances": rows(sample[:, :3])}
    )
    np.testing.assert_allclose(answer["predictions"], regression.predict(sample[:, :3]), rtol=1e-9, atol=1e-12)
    # the default stage still serves the classifier, and not the regression
    with pytest.raises(easymaker.NotDeployedError):
        easymaker.Endpoint(endpoint.endpoint_id).predict(model_id=second_model.model_id, json={"instances": [[1.0]]})

    # deletion order: not the endpoint while another stage exists, never the default stage, no model in use
    with pytest.raises(easymaker.ConflictError, match="stage"):
        easymaker.Endpoint(endpoint.endpoint_id).delete()
    default_stage = easymaker.Endpoint(endpoint.endpoint_id).get_default_stage()
    with pytest.raises(easymaker.ConflictError, match="default stage"):
        easymaker.EndpointStage(default_stage.endpoint_stage_id).delete()
    with pytest.raises(easymaker.ConflictError, match=stage.endpoint_stage_id):
        easymaker.Model(second_model.model_id).delete()
    easymaker.EndpointStage(stage.endpoint_stage_id).delete()
    wait_gone(easymaker.EndpointStage, stage.endpoint_stage_id)
    easymaker.Endpoint(endpoint.endpoint_id).delete()
    wait_gone(easymaker.Endpoint, endpoint.endpoint_id)
    easymaker.Model(second_model.model_id).delete()
    wait_gone(easymaker.Model, second_model.model_id)


# ------------------------------------------------------------------------------------------------ 3. batch inference
def test_batch_inference_over_1000_rows(
    local_sdk_module: easymaker.Client, iris_model: Any, downloaded_iris_model: Any, iris: Any, work: Path
) -> None:
    picks = np.random.default_rng(7).integers(0, len(iris.data), size=1000)
    x = iris.data[picks]
    data = work / "batch-input"
    data.mkdir()
    (data / "iris.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows(x)))
    input_uri, output_uri = f"{OBS}/batch/input", f"{OBS}/batch/output"
    easymaker.upload(input_uri, str(data), show_progress=False)
    batch = easymaker.BatchInference().run(
        batch_inference_name="e2e-batch",
        model_id=iris_model.model_id,
        instance_type_name=INSTANCE,
        instance_count=1,
        pod_count=2,
        batch_size=64,
        inference_timeout_seconds=60,
        input_data_uri=input_uri,
        input_data_type="JSONL",
        output_upload_uri=output_uri,
        data_storage_size=300,
        timeout_hours=1,
        wait=True,
        timeout=120,
    )
    assert batch.status == "COMPLETE"
    out = work / "batch-output"
    easymaker.download(output_uri, str(out), show_progress=False)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["iris.jsonl.out.jsonl"], files
    lines = [json.loads(line) for line in (out / "iris.jsonl.out.jsonl").read_text().splitlines()]
    assert len(lines) == 1000
    assert [line["input"] for line in lines] == rows(x)
    assert [line.get("prediction") for line in lines] == downloaded_iris_model.predict(x).tolist()
    fetched = easymaker.BatchInference(batch.batch_inference_id).to_dict()
    assert fetched["inputFileCount"] == 1
    assert fetched["inputDataCount"] == 1000
    assert fetched["processCount"] == 1000
    assert fetched["success2XxCount"] == 1000
    assert fetched["fail4XxCount"] == 0 and fetched["fail5XxCount"] == 0
    assert batch.refresh().success2xx_count == 1000


# ------------------------------------------------------------------------------------------------ 4. evaluation
def test_model_evaluation_metrics_match_scikit_learn(
    local_sdk_module: easymaker.Client, iris_model: Any, downloaded_iris_model: Any, iris: Any, work: Path
) -> None:
    data = work / "eval-input"
    data.mkdir()
    header = "sepal_length,sepal_width,petal_length,petal_width,species"
    lines = [header] + [
        ",".join(repr(float(v)) for v in xr) + f",{y}" for xr, y in zip(iris.data, iris.target, strict=True)
    ]
    (data / "iris.csv").write_text("\n".join(lines) + "\n")
    input_uri = f"{OBS}/evaluation/input"
    easymaker.upload(input_uri, str(data), show_progress=False)
    evaluation = easymaker.ModelEvaluation().create(
        model_evaluation_name="e2e-evaluation",
        model_id=iris_model.model_id,
        objective_code=easymaker.CLASSIFICATION,
        class_names=",".join(CLASS_NAMES),
        instance_type_name=INSTANCE,
        input_data_uri=input_uri,
        input_data_type_code=easymaker.CSV,
        target_field_name="species",
        batch_inference_instance_type_name=INSTANCE,
        batch_inference_instance_count=1,
        batch_inference_pod_count=1,
        batch_inference_output_upload_uri=f"{OBS}/evaluation/output",
        batch_inference_max_batch_size=50,
        batch_inference_inference_timeout_seconds=60,
        timeout_hours=1,
        wait=True,
        timeout=120,
    )
    assert evaluation.status == "COMPLETE"
    doc = easymaker.ModelEvaluation(evaluation.model_evaluation_id).to_dict()
    metrics = doc["metrics"]
    assert doc["metricsScoreSource"] == "probabilities"

    y = iris.target
    proba = downloaded_iris_model.predict_proba(iris.data)
    onehot = label_binarize(y, classes=[0, 1, 2])
    assert metrics["logLoss"] == pytest.approx(log_loss(y, proba, labels=[0, 1, 2]), rel=1e-6)
    assert metrics["auRoc"] == pytest.approx(roc_auc_score(onehot, proba, average="micro"), rel=1e-6)
    assert metrics["auPrc"] == pytest.approx(average_precision_score(onehot, proba, average="micro"), rel=1e-6)

    by_threshold = {round(float(c["confidenceThreshold"]), 2): c for c in metrics["confidenceMetrics"]}
    assert sorted(by_threshold) == [round(0.05 * i, 2) for i in range(21)]
    top = proba.argmax(axis=1)
    at_zero = by_threshold[0.0]["confusionMatrix"]
    assert at_zero["rows"] == confusion_matrix(y, top, labels=[0, 1, 2]).tolist()
    assert [a["displayName"] for a in at_zero["annotationSpecs"]] == CLASS_NAMES
    # at 0.5: a (row, class) pair is positive when its score >= 0.5; micro precision and recall over the pairs
    positive = proba >= 0.5
    tp = int((positive & (onehot == 1)).sum())
    fp = int((positive & (onehot == 0)).sum())
    fn = int((~positive & (onehot == 1)).sum())
    assert by_threshold[0.5]["precision"] == pytest.approx(tp / (tp + fp), rel=1e-9)
    assert by_threshold[0.5]["recall"] == pytest.approx(tp / (tp + fn), rel=1e-9)
    tn = int((~positive & (onehot == 0)).sum())
    assert by_threshold[0.5]["falsePositiveRate"] == pytest.approx(fp / (fp + tn), rel=1e-9)
    per_class_f1 = [
        f1_score(onehot[:, k], positive[:, k].astype(int), zero_division=0.0) for k in range(len(CLASS_NAMES))
    ]
    assert by_threshold[0.5]["f1ScoreMacro"] == pytest.approx(float(np.mean(per_class_f1)), rel=1e-9)
    confident = proba.max(axis=1) >= 0.5
    assert by_threshold[0.5]["confusionMatrix"]["rows"] == (
        confusion_matrix(y[confident], top[confident], labels=[0, 1, 2]).tolist()
    )


# ------------------------------------------------------------------------------------------------ 5. tuning
def test_hyperparameter_tuning_finds_the_optimum(
    local_sdk_module: easymaker.Client, experiment: Any, work: Path
) -> None:
    src = work / "tuning-src"
    src.mkdir()
    (src / "tune.py").write_text(TUNING_SCRIPT)
    source_uri = f"{OBS}/tuning/src"
    easymaker.upload(source_uri, str(src), show_progress=False)
    model_uri = f"{OBS}/tuning/model"
    tuning = easymaker.HyperparameterTuning().run(
        experiment_id=experiment.experiment_id,
        hyperparameter_tuning_name="e2e-tuning",
        image_name=IMAGE,
        instance_type_name=INSTANCE,
        source_dir_uri=source_uri,
        entry_point="tune.py",
        model_upload_uri=model_uri,
        hyperparameter_spec_list=[
            {
                "hyperparameterName": "x",
                "hyperparameterTypeCode": easymaker.HYPERPARAMETER_TYPE_CODE.DOUBLE,
                "hyperparameterMinValue": "0",
                "hyperparameterMaxValue": "6",
            }
        ],
        metric_list=["score"],
        objective_metric_name="score",
        objective_type_code=easymaker.OBJECTIVE_TYPE_CODE.MAXIMIZE,
        tuning_strategy_name=easymaker.TUNING_STRATEGY.BAYESIAN_OPTIMIZATION,
        tuning_strategy_random_state=1,
        max_trial_count=12,
        max_failed_trial_count=2,
        parallel_trial_count=1,
        timeout_hours=1,
        wait=True,
        timeout=120,
    )
    assert tuning.status == "COMPLETE"
    doc = easymaker.HyperparameterTuning(tuning.hyperparameter_tuning_id).to_dict()
    optimal = doc["optimalTrial"]
    assert optimal["trialId"] == doc["optimalTrialId"]
    best_x = float(next(p["parameterValue"] for p in optimal["hyperparameterList"] if p["parameterName"] == "x"))
    best_score = float(
        next(m for m in optimal["trialMetricList"] if m["trialMetricName"] == "score")["trialMetricMaxValue"]
    )
    assert best_score == pytest.approx(10.0 - (best_x - 3.0) ** 2, abs=1e-6)
    assert best_score >= 9.0  # within 10 % of the optimum (10 at x = 3)
    succeeded = [t for t in doc["trialList"] if t["trialStatusCode"] == "SUCCEEDED"]
    assert len(doc["trialList"]) == 12 and len(succeeded) == 12
    scores = [
        float(next(m for m in t["trialMetricList"] if m["trialMetricName"] == "score")["trialMetricMaxValue"])
        for t in succeeded
    ]
    assert best_score == max(scores)

    model = easymaker.Model().create(
        hyperparameter_tuning_id=tuning.hyperparameter_tuning_id, model_name="e2e-tuning-model", timeout=60
    )
    assert model.status == "ACTIVE" and model.model_upload_uri is not None
    assert model.model_upload_uri.rstrip("/") == f"{model_uri}/{optimal['trialId']}"
    target = work / "tuning-model"
    easymaker.download(model.model_upload_uri, str(target), show_progress=False)
    recorded = json.loads((target / "trial.json").read_text())
    assert recorded["x"] == pytest.approx(best_x) and recorded["score"] == pytest.approx(best_score)


# ------------------------------------------------------------------------------------------------ 6. pipelines
def compile_pipelines(tmp: Path) -> tuple[Path, Path]:
    from kfp import compiler, dsl

    @dsl.component(base_image="python:3.11")
    def make_text(word: str, times: int) -> str:
        return "-".join([word] * times)

    @dsl.component(base_image="python:3.11")
    def write_report(text: str, report: dsl.Output[dsl.Artifact]) -> None:
        with open(report.path, "w") as f:
            f.write(f"report: {text.upper()}\n")

    @dsl.pipeline(name="e2e-two-step")
    def two_step(word: str = "hi", times: int = 2) -> None:
        made = make_text(word=word, times=times)
        write_report(text=made.output)

    @dsl.component(base_image="python:3.11")
    def explode(marker: str) -> str:
        raise ValueError(f"exploding step {marker}")

    @dsl.pipeline(name="e2e-failing")
    def failing(marker: str = "m") -> None:
        explode(marker=marker)

    good, bad = tmp / "two_step.yaml", tmp / "failing.yaml"
    compiler.Compiler().compile(two_step, str(good))
    compiler.Compiler().compile(failing, str(bad))
    return good, bad


def test_pipeline_two_steps_and_a_failing_step(
    local_sdk_module: easymaker.Client, local_server_module: LocalServerHandle, experiment: Any, work: Path
) -> None:
    pytest.importorskip("kfp")
    good, bad = compile_pipelines(work)
    pipeline = easymaker.Pipeline().upload(
        pipeline_name="e2e-two-step", pipeline_spec_manifest_path=str(good), wait=True, timeout=60
    )
    assert pipeline.status == "ACTIVE"
    specs = {s["parameterName"]: s for s in pipeline.to_dict()["pipelineParameterSpecList"]}
    assert set(specs) == {"word", "times"}
    assert specs["word"]["parameterType"] == "STRING" and specs["times"]["parameterType"] == "NUMBER_INTEGER"
    assert specs["times"]["defaultValue"] == "2"

    run = easymaker.PipelineRun().create(
        pipeline_run_name="e2e-run",
        pipeline_id=pipeline.pipeline_id,
        experiment_id=experiment.experiment_id,
        instance_type_name=INSTANCE,
        boot_storage_size=50,
        parameter_list=[
            {"parameterName": "word", "parameterValue": "abc"},
            {"parameterName": "times", "parameterValue": "3"},
        ],
        wait=True,
        timeout=120,
    )
    assert run.status == "COMPLETE" and run.pipeline_run_id is not None
    doc = easymaker.PipelineRun(run.pipeline_run_id).to_dict()
    steps = {s["stepName"]: s for s in doc["pipelineRunStepList"]}
    assert set(steps) == {"make-text", "write-report"}
    assert all(s["stepStatusCode"] == "SUCCEEDED" for s in steps.values())
    assert steps["make-text"]["outputParameters"]["Output"] == "abc-abc-abc"
    (artifact,) = steps["write-report"]["outputArtifactPaths"]
    path = Path(artifact)
    assert path.resolve().is_relative_to((local_server_module.home / "jobs" / run.pipeline_run_id).resolve())
    assert path.read_text() == "report: ABC-ABC-ABC\n"

    failing = easymaker.Pipeline().upload(
        pipeline_name="e2e-failing", pipeline_spec_manifest_path=str(bad), wait=True, timeout=60
    )
    marker = uuid.uuid4().hex[:8]
    with pytest.raises(easymaker.ResourceFailedError) as info:
        easymaker.PipelineRun().create(
            pipeline_run_name="e2e-failing-run",
            pipeline_id=failing.pipeline_id,
            experiment_id=experiment.experiment_id,
            instance_type_name=INSTANCE,
            boot_storage_size=50,
            parameter_list=[{"parameterName": "marker", "parameterValue": marker}],
            wait=True,
            timeout=120,
        )
    assert info.value.status == "FAIL_PIPELINE_RUN"
    assert "explode" in (info.value.reason or "")
    assert f"ValueError: exploding step {marker}" in (info.value.reason or "")
