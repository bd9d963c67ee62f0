"""Every usage scenario of ``examples/guide/`` (one per Python example of the user's guide), run against a real
EasyMaker Local.

The scenarios take the resources they work on from earlier steps (``experiment``, ``training_id``, ``model``,
...) through ``scenario.given``; here they are bound to real resources created beforehand. Their ``obs://``
objects lie under ``$GUIDE_OBS_URI``, a container of this EasyMaker Local seeded with the inputs they read.
(`tests/e2e/test_guide_conformance.py` checks, when the guide is at hand, that the scenarios make the guide's calls.)

For each scenario the test checks that
(a) every EasyMaker API request the SDK sent is an operation of ``spec/openapi.yaml`` whose query and JSON body
    validate against the spec (requests are recorded by a transport installed through ``easymaker.init``), and
(b) the resources it creates exist afterwards, with the expected status, and the ones it deletes are gone
    (read back through plain httpx, not through the SDK).
"""

from __future__ import annotations

import io
import json
import os
import re
import runpy
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import joblib
import jsonschema
import numpy as np
import pytest
import yaml
from guide_files import SCENARIOS, scenario_files
from local_server import LocalServerHandle
from paths import REPO
from polling import wait_until
from sklearn.datasets import load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression

import easymaker

SPEC_PATH = REPO / "spec" / "openapi.yaml"

APPKEY = "guideappkey"
TENANT = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
CONTAINER = "guide"
OBS_HOST = "kr1-api-object-storage.nhncloudservice.com"
OBS = f"obs://{OBS_HOST}/v1/AUTH_{TENANT}/{CONTAINER}"
DOWNLOAD_TENANT = "00000000000000000000000000000000"  # the guide's download example names this account verbatim

IRIS_ROW = [6.0, 3.4, 4.5, 1.6]  # the guide's inference input

DONE_STATUSES = {"COMPLETE", "ACTIVE", "ENABLED"}


# ---------------------------------------------------------------------------------------------------------- scenarios
sys.path.insert(0, str(SCENARIOS))  # the scenarios import their helper module, as when run from their folder
import scenario  # noqa: E402


def run_scenario(path: Path, bindings: dict[str, Any], environment: dict[str, str]) -> dict[str, Any]:
    """Run one scenario as a script, with these values bound and these variables set; return its globals."""
    scenario.unbind()
    scenario.bind(**bindings)
    with pytest.MonkeyPatch.context() as mp:
        for name, value in environment.items():
            mp.setenv(name, value)
        try:
            return runpy.run_path(str(path), run_name="__main__")
        finally:
            scenario.unbind()


# ---------------------------------------------------------------------------------------------------------- spec
@dataclass
class Operation:
    operation_id: str
    method: str
    template: str
    regex: re.Pattern[str]
    query: dict[str, dict[str, Any]]
    body_ref: str | None


class SpecChecker:
    """Matches recorded requests to spec operations and validates their query and JSON body."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.operations: list[Operation] = []
        for template, item in spec["paths"].items():
            shared = item.get("parameters", [])
            for method, op in item.items():
                if method == "parameters":
                    continue
                params = [self._deref(p) for p in shared + op.get("parameters", [])]
                body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
                regex = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
                self.operations.append(
                    Operation(
                        op["operationId"],
                        method.upper(),
                        template,
                        regex,
                        {p["name"]: p["schema"] for p in params if p["in"] == "query"},
                        body["$ref"] if body else None,
                    )
                )
        # literal segments first (/pipelines/upload before /pipelines/{pipelineId})
        self.operations.sort(key=lambda o: o.template.count("{"))

    def _deref(self, node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        if not ref:
            return node
        target: Any = self.spec
        for part in ref.lstrip("#/").split("/"):
            target = target[part]
        return dict(target)

    def validator(self, schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
        root = {**schema, "components": self.spec["components"]}
        return jsonschema.Draft202012Validator(root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    def check(self, method: str, path: str, query: list[tuple[str, str]], body: bytes) -> tuple[str, list[str]]:
        """(operationId, problems) for one request."""
        ops = [o for o in self.operations if o.regex.match(path)]
        if not ops:
            return "?", [f"{method} {path}: no such path in the spec"]
        op = next((o for o in ops if o.method == method), None)
        if op is None:
            return "?", [f"{method} {path}: the spec has no {method} here"]
        problems = []
        for name, value in query:
            schema = op.query.get(name)
            if schema is None:
                problems.append(f"{op.operation_id}: query parameter {name!r} is not in the spec")
                continue
            item_schema = schema.get("items", schema) if schema.get("type") == "array" else schema
            for error in self.validator(item_schema).iter_errors(value):
                problems.append(f"{op.operation_id}: query {name}={value!r}: {error.message}")
        if op.body_ref is None:
            if body.strip():
                problems.append(f"{op.operation_id}: sends a body but the spec defines none")
        else:
            try:
                document = json.loads(body)
            except ValueError:
                problems.append(f"{op.operation_id}: the body is not JSON: {body[:200]!r}")
            else:
                for error in self.validator({"$ref": op.body_ref}).iter_errors(document):
                    where = "/".join(str(p) for p in error.absolute_path) or "(body)"
                    problems.append(f"{op.operation_id}: body {where}: {error.message}")
        return op.operation_id, problems


class Recorder(httpx.BaseTransport):
    """The transport given to ``easymaker.init``: records every request, then sends it for real."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[tuple[str, httpx.URL, bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url, request.read()))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


# ---------------------------------------------------------------------------------------------------------- env
def _iris_models() -> tuple[Any, Any]:
    data = load_iris()
    clf = LogisticRegression(max_iter=500).fit(data.data, data.target)
    reg = LinearRegression().fit(data.data, data.target)
    return clf, reg


@dataclass
class GuideEnv:
    server: LocalServerHandle
    workdir: Path
    recorder: Recorder
    checker: SpecChecker
    classifier: Any
    regressor: Any
    cache: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], object]] = field(default_factory=list)

    # -- plumbing
    @property
    def api(self) -> httpx.Client:
        if "api" not in self.cache:
            self.cache["api"] = self.server.api(APPKEY)
        return self.cache["api"]  # type: ignore[no-any-return]

    def init_sdk(self) -> None:
        easymaker.init(
            appkey=APPKEY,
            region="kr1",
            access_token=self.server.token,
            profile="local",
            api_url=self.server.url,
            transport=self.recorder,
        )

    def get(self, collection: str, rid: str) -> tuple[int, dict[str, Any]]:
        r = self.api.get(f"/{collection}/{rid}")
        return r.status_code, r.json()

    def payload(self, collection: str, key: str, rid: str) -> dict[str, Any]:
        status, doc = self.get(collection, rid)
        assert status == 200 and doc["header"]["isSuccessful"], doc
        return dict(doc[key])

    def wait_gone(self, collection: str, rid: str, timeout: float = 60.0) -> None:
        """Poll until the resource is no longer there (404), as a deletion may finish in the background."""
        wait_until(lambda: self.get(collection, rid)[0] == 404, timeout=timeout, what=f"{collection}/{rid} gone")

    def swift_token(self) -> str:
        if "swift" not in self.cache:
            self.cache["swift"] = self.server.swift_token(TENANT)
        return str(self.cache["swift"])

    def put_object(self, name: str, data: bytes, tenant: str = TENANT, container: str = CONTAINER) -> None:
        headers = {"X-Auth-Token": self.server.token}
        base = f"{self.server.url}/v1/AUTH_{tenant}/{container}"
        httpx.put(base, headers=headers).raise_for_status()
        httpx.put(f"{base}/{name}", content=data, headers=headers).raise_for_status()

    def list_objects(self, prefix: str, tenant: str = TENANT, container: str = CONTAINER) -> list[str]:
        r = httpx.get(
            f"{self.server.url}/v1/AUTH_{tenant}/{container}",
            params={"prefix": prefix, "format": "json"},
            headers={"X-Auth-Token": self.server.token},
        )
        if r.status_code == 404:
            return []
        r.raise_for_status()
        return [o["name"] for o in r.json()]

    def get_object(self, name: str) -> bytes:
        r = httpx.get(
            f"{self.server.url}/v1/AUTH_{TENANT}/{CONTAINER}/{name}", headers={"X-Auth-Token": self.server.token}
        )
        r.raise_for_status()
        return r.content

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def uniq(self, prefix: str) -> str:
        return f"{prefix}-{uuid.uuid4().hex[:8]}"

    # -- resources made with the SDK for the examples that need them
    def experiment(self) -> Any:
        return self.once("experiment", lambda: easymaker.Experiment().create(experiment_name=self.uniq("guide-exp")))

    def run_training(self, name: str) -> Any:
        return easymaker.Training().run(
            experiment_id=self.experiment().experiment_id,
            training_name=name,
            image_name="Ubuntu 22.04 CPU PyTorch Training",
            instance_type_name="m2.c2m4",
            distributed_node_count=1,
            data_storage_size=300,
            source_dir_uri=f"{OBS}/src",
            entry_point="training_start.py",
            model_upload_uri=f"{OBS}/setup/{name}",
            timeout_hours=1,
        )

    def completed_training(self) -> Any:
        return self.once("training", lambda: self.run_training(self.uniq("guide-train")))

    def run_tuning(self) -> Any:
        return easymaker.HyperparameterTuning().run(
            experiment_id=self.experiment().experiment_id,
            hyperparameter_tuning_name=self.uniq("guide-hpt"),
            image_name="Ubuntu 22.04 CPU PyTorch Training",
            instance_type_name="m2.c2m4",
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
                }
            ],
            model_upload_uri=f"{OBS}/setup/hpt",
            metric_list=["val_loss"],
            metric_regex=r"([\w|-]+)\s*:\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)",
            objective_metric_name="val_loss",
            objective_type_code=easymaker.OBJECTIVE_TYPE_CODE.MINIMIZE,
            max_trial_count=1,
            tuning_strategy_name=easymaker.TUNING_STRATEGY.RANDOM,
            early_stopping_algorithm=easymaker.EARLY_STOPPING_ALGORITHM.MEDIAN,
            timeout_hours=1,
            wait=False,  # waited for below through plain httpx
        )

    def wait_status(self, collection: str, key: str, rid: str, done: set[str], timeout: float = 60.0) -> dict[str, Any]:
        status_key = f"{key}StatusCode"

        def ended() -> dict[str, Any] | None:
            doc = self.payload(collection, key, rid)
            return doc if doc[status_key] in done else None

        return wait_until(ended, timeout=timeout, what=f"{collection}/{rid} {status_key} in {sorted(done)}")

    def sklearn_model(self, key: str = "classifier") -> Any:
        path = "models/iris-classifier" if key == "classifier" else "models/iris-regressor"
        return self.once(
            f"model-{key}",
            lambda: easymaker.Model().create_by_model_upload_uri(
                model_type_code=easymaker.SCIKIT_LEARN,
                model_upload_uri=f"{OBS}/{path}/",
                model_name=self.uniq(f"guide-{key}"),
            ),
        )

    def endpoint(self) -> Any:
        def make() -> Any:
            endpoint = easymaker.Endpoint().create(
                endpoint_name=self.uniq("guide-ep"),
                instance_type_name="m2.c2m4",
                instance_count=1,
                endpoint_model_resource_list=[
                    {
                        "modelId": self.sklearn_model().model_id,
                        "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"},
                    }
                ],
            )
            self.cleanups.append(lambda: self.api.delete(f"/endpoints/{endpoint.endpoint_id}"))
            return endpoint

        return self.once("endpoint", make)

    def default_stage_id(self) -> str:
        def find() -> str:
            r = self.api.get("/endpoint-stages", params={"endpointId": self.endpoint().endpoint_id})
            stages = r.json()["endpointStageList"]
            default = [s for s in stages if s.get("defaultStage") or s.get("isDefaultStage")]
            assert default, stages
            return str(default[0]["endpointStageId"])

        return str(self.once("default-stage", find))

    def run_evaluation(self) -> Any:
        return easymaker.ModelEvaluation().create(
            model_evaluation_name=self.uniq("guide-eval"),
            model_id=self.sklearn_model().model_id,
            objective_code=easymaker.CLASSIFICATION,
            instance_type_name="m2.c2m4",
            input_data_uri=f"{OBS}/eval/data",
            input_data_type_code=easymaker.CSV,
            target_field_name="target_field_name",
            batch_inference_instance_type_name="m2.c2m4",
            batch_inference_instance_count=1,
            batch_inference_pod_count=1,
            batch_inference_output_upload_uri=f"{OBS}/setup/eval-out",
            batch_inference_max_batch_size=32,
            batch_inference_inference_timeout_seconds=60,
        )

    def run_batch(self) -> Any:
        return easymaker.BatchInference().run(
            batch_inference_name=self.uniq("guide-bi"),
            instance_count=1,
            timeout_hours=1,
            instance_type_name="m2.c2m4",
            model_id=self.sklearn_model().model_id,
            pod_count=1,
            batch_size=32,
            inference_timeout_seconds=60,
            input_data_uri=f"{OBS}/batch/data",
            input_data_type="JSONL",
            output_upload_uri=f"{OBS}/setup/batch-out",
            data_storage_size=300,
        )

    def pipeline(self) -> Any:
        return self.once("pipeline", self.upload_pipeline)

    def upload_pipeline(self) -> Any:
        return easymaker.Pipeline().upload(
            pipeline_name=self.uniq("guide-pl"), pipeline_spec_manifest_path=str(self.workdir / "sample-pipeline.yaml")
        )

    def recurring_run(self) -> Any:
        run = easymaker.PipelineRecurringRun().create(
            pipeline_recurring_run_name=self.uniq("guide-rr"),
            pipeline_id=self.pipeline().pipeline_id,
            experiment_id=self.experiment().experiment_id,
            instance_type_name="m2.c2m4",
            boot_storage_size=50,
            schedule_cron_expression="0 0 0 1 1 ?",
            max_concurrency_count=1,
            schedule_start_datetime="2099-01-01T00:00:00+09:00",
        )
        self.cleanups.append(lambda: self.api.delete(f"/pipeline-recurring-runs/{run.pipeline_recurring_run_id}"))
        return run


def _compile_sample_pipeline(path: Path) -> None:
    """The scenarios' ./sample-pipeline.yaml, compiled from examples/guide/sample_pipeline.py."""
    from sample_pipeline import compile_to

    compile_to(str(path))


def _seed(env: GuideEnv) -> None:
    """The objects the scenarios read: source, datasets, checkpoint, models, evaluation and batch inputs."""
    env.put_object("src/training_start.py", (SCENARIOS / "source" / "training_start.py").read_bytes())
    data = load_iris()
    rows = [",".join(f"{v:.1f}" for v in x) + f",{y}" for x, y in zip(data.data, data.target, strict=True)]
    env.put_object("data/train/iris.csv", ("\n".join(rows[::2]) + "\n").encode())
    env.put_object("data/test/iris.csv", ("\n".join(rows[1::2]) + "\n").encode())
    env.put_object("checkpoint/in/cp-0000.json", b'{"epoch": 0}')
    header = "sepal_length,sepal_width,petal_length,petal_width,target_field_name"
    env.put_object("eval/data/iris.csv", (header + "\n" + "\n".join(rows) + "\n").encode())
    env.put_object("batch/data/part-0.jsonl", "".join(json.dumps(list(x)) + "\n" for x in data.data[:40]).encode())
    for key, model in (("classifier", env.classifier), ("regressor", env.regressor)):
        buf = io.BytesIO()
        joblib.dump(model, buf)
        env.put_object(f"models/iris-{key}/model.joblib", buf.getvalue())
    env.put_object("trained/tf/saved_model.pb", b"not a real SavedModel: only created, never served")
    for name, text in (("train.py", "print('hello')\n"), ("data/readme.txt", "sample data\n")):
        env.put_object(f"sample/source_dir/{name}", text.encode(), tenant=DOWNLOAD_TENANT, container="SDK")
    local_dir = env.workdir / "local_dir"
    (local_dir / "sub").mkdir(parents=True)
    (local_dir / "a.txt").write_text("first file\n")
    (local_dir / "sub" / "b.bin").write_bytes(bytes(range(256)) * 10)


@pytest.fixture(scope="module")
def guide_env(local_server_module: LocalServerHandle, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GuideEnv]:
    server = local_server_module
    workdir = tmp_path_factory.mktemp("guide-cwd")
    mp = pytest.MonkeyPatch()
    recorder = Recorder()
    try:
        for name in list(os.environ):
            if name.startswith("EM_"):
                mp.delenv(name)
        # The guide's init() names no profile: the environment points the SDK at this EasyMaker Local.
        mp.setenv("EM_PROFILE", "local")
        mp.setenv("EM_API_URL", server.url)
        mp.setenv("EASYMAKER_LOCAL_HOME", str(server.home))
        mp.setenv("GUIDE_OBS_URI", OBS)
        mp.chdir(workdir)
        spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
        clf, reg = _iris_models()
        env = GuideEnv(server, workdir, recorder, SpecChecker(spec), clf, reg)
        _seed(env)
        _compile_sample_pipeline(workdir / "sample-pipeline.yaml")
        env.init_sdk()
        yield env
        for cleanup in reversed(env.cleanups):
            try:
                cleanup()
            except Exception:  # best effort: the server is stopped next anyway
                pass
    finally:
        from easymaker._client import set_default_client

        set_default_client(None)  # later test modules must not inherit a client of this (stopped) server
        mp.undo()
        recorder.close()


# ---------------------------------------------------------------------------------------------------------- cases
Prepared = tuple[dict[str, Any], dict[str, str]]  # (values bound for scenario.given, environment variables)


@dataclass
class Run:
    """What one scenario did: its globals after the run and the operations it called."""

    namespace: dict[str, Any]
    operations: list[str]


@dataclass
class Case:
    marker: str  # text the scenario must contain (guards the mapping from scenario files to cases)
    prepare: Callable[[GuideEnv], Prepared]
    check: Callable[[GuideEnv, Run], None]
    operations: tuple[str, ...] = ()  # operationIds the scenario must have called


def no_prep(env: GuideEnv) -> Prepared:
    return {}, {}


# -- 19 init
def prep_init(env: GuideEnv) -> Prepared:
    experiment_id = env.experiment().experiment_id
    env.cache["init-experiment"] = experiment_id
    return {}, {"EM_APPKEY": APPKEY, "EM_ACCESS_TOKEN": env.server.token, "EM_EXPERIMENT_ID": experiment_id}


def check_init(env: GuideEnv, run: Run) -> None:
    config = easymaker.easymaker_config
    assert config.appkey == APPKEY
    assert config.region == "kr1"
    assert config.api_url == env.server.url
    assert config.experiment_id == env.cache["init-experiment"]
    # the client init() built works: it reads the experiment with the given token
    experiment = easymaker.Experiment(env.cache["init-experiment"])
    assert experiment.experiment_status_code == "ACTIVE"


# -- 59 experiment create
def check_experiment_create(env: GuideEnv, run: Run) -> None:
    experiment = run.namespace["experiment"]
    doc = env.payload("experiments", "experiment", experiment.experiment_id)
    assert doc["experimentName"] == "experiment_name"
    assert doc["description"] == "experiment_description"
    assert doc["experimentStatusCode"] == "ACTIVE"


# -- 75 experiment delete
def prep_experiment_delete(env: GuideEnv) -> Prepared:
    experiment = easymaker.Experiment().create(experiment_name=env.uniq("to-delete"))
    return {"experiment_id": experiment.experiment_id}, {}


def check_gone(collection: str, variable: str) -> Callable[[GuideEnv, Run], None]:
    def check(env: GuideEnv, run: Run) -> None:
        env.wait_gone(collection, run.namespace[variable])

    return check


# -- 115 training run
def prep_with_experiment(env: GuideEnv) -> Prepared:
    return {"experiment": env.experiment()}, {}


def check_training_run(env: GuideEnv, run: Run) -> None:
    training = run.namespace["training"]
    doc = env.payload("trainings", "training", training.training_id)
    assert doc["trainingStatusCode"] == "COMPLETE", doc.get("trainingStatusReason")
    assert doc["trainingName"] == "training_name"
    assert doc["experiment"]["experimentId"] == env.experiment().experiment_id
    assert {t["tagKey"]: t["tagValue"] for t in doc.get("tagList", [])} == {"tag1": "test_tag_1", "tag2": "test_tag_2"}
    assert "trained/model/model.json" in env.list_objects("trained/model/")
    summary = json.loads(env.get_object("trained/model/model.json"))
    assert summary["epochs"] == 10  # the guide's hyperparameter reached the entry point
    assert summary["checkpoint_input_files"] == ["cp-0000.json"]  # check_point_input_uri was downloaded
    assert env.list_objects("checkpoint/out/"), "no checkpoint was uploaded to check_point_upload_uri"


# -- 173 training delete
def prep_training_delete(env: GuideEnv) -> Prepared:
    return {"training_id": env.run_training(env.uniq("train-to-delete")).training_id}, {}


# -- 230 tuning run
def check_tuning_run(env: GuideEnv, run: Run) -> None:
    tuning = run.namespace["hyperparameter_tuning"]
    doc = env.payload("hyperparameter-tunings", "hyperparameterTuning", tuning.hyperparameter_tuning_id)
    assert doc["hyperparameterTuningStatusCode"] == "COMPLETE", doc.get("hyperparameterTuningStatusReason")
    assert doc["hyperparameterTuningName"] == "hyperparameter_tuning_name"


# -- 301 tuning delete
def prep_tuning_delete(env: GuideEnv) -> Prepared:
    rid = env.run_tuning().hyperparameter_tuning_id
    env.wait_status("hyperparameter-tunings", "hyperparameterTuning", rid, {"COMPLETE"})
    return {"hyperparameter_tuning_id": rid}, {}


# -- 324 model from training
def prep_model_from_training(env: GuideEnv) -> Prepared:
    return {"training": env.completed_training()}, {}


def check_model_from_training(env: GuideEnv, run: Run) -> None:
    doc = env.payload("models", "model", run.namespace["model"].model_id)
    assert doc["modelName"] == "model_name" and doc["modelStatusCode"] == "ACTIVE"
    assert doc["training"]["trainingId"] == env.completed_training().training_id


# -- 349 model from files + hugging face
def check_model_by_uri(env: GuideEnv, run: Run) -> None:
    models = env.api.get("/models").json()["modelList"]
    created = {m["modelId"]: m for m in models}
    hf = created[run.namespace["model"].model_id]
    assert hf["modelName"] == "model_name"
    assert (hf.get("modelFormatCode") or hf.get("modelTypeCode")) == "HUGGING_FACE"
    tf = [
        m
        for m in models
        if m.get("modelUploadUri", "").rstrip("/") == f"{OBS}/trained/tf" and m["modelName"] == "model_name"
    ]
    assert len(tf) == 1, models
    assert (tf[0].get("modelTypeCode") or tf[0].get("modelFormatCode")) == "TENSORFLOW"


# -- 378 model delete
def prep_model_delete(env: GuideEnv) -> Prepared:
    model = easymaker.Model().create_by_model_upload_uri(
        model_type_code=easymaker.SCIKIT_LEARN,
        model_upload_uri=f"{OBS}/models/iris-classifier/",
        model_name=env.uniq("model-to-delete"),
    )
    return {"model_id": model.model_id}, {}


# -- 411 three model evaluations
def prep_evaluations(env: GuideEnv) -> Prepared:
    return {
        "model": env.sklearn_model(),
        "regression_model": env.sklearn_model("regressor"),
        "classification_model": env.sklearn_model(),
    }, {}


def check_evaluations(env: GuideEnv, run: Run) -> None:
    for variable, objective in (
        ("model_evaluation", "REGRESSION"),
        ("regression_model_evaluation", "REGRESSION"),
        ("classification_model_evaluation", "CLASSIFICATION"),
    ):
        evaluation = run.namespace[variable]
        doc = env.payload("model-evaluations", "modelEvaluation", evaluation.model_evaluation_id)
        assert doc["modelEvaluationStatusCode"] == "COMPLETE", doc.get("modelEvaluationStatusReason")
        assert doc["objectiveCode"] == objective
        metrics = doc["metrics"]
        if objective == "REGRESSION":
            assert metrics["rootMeanSquaredError"] >= 0
        else:
            assert 0.9 <= metrics["auRoc"] <= 1.0  # a logistic regression on its own training data
    assert run.operations.count("createModelEvaluation") == 3


# -- 492 evaluation delete
def prep_evaluation_delete(env: GuideEnv) -> Prepared:
    return {"model_evaluation_id": env.run_evaluation().model_evaluation_id}, {}


# -- 525 endpoint create
def prep_endpoint_create(env: GuideEnv) -> Prepared:
    return {"model": env.sklearn_model()}, {}


def check_endpoint_create(env: GuideEnv, run: Run) -> None:
    endpoint = run.namespace["endpoint"]
    env.cleanups.append(lambda: env.api.delete(f"/endpoints/{endpoint.endpoint_id}"))
    doc = env.payload("endpoints", "endpoint", endpoint.endpoint_id)
    assert doc["endpointName"] == "endpoint_name" and doc["endpointStatusCode"] == "ACTIVE"
    stages = env.api.get("/endpoint-stages", params={"endpointId": endpoint.endpoint_id}).json()["endpointStageList"]
    assert len(stages) == 1 and stages[0]["endpointStageStatusCode"] == "ACTIVE"


# -- 574 stage create
def prep_stage_create(env: GuideEnv) -> Prepared:
    return {"endpoint": env.endpoint(), "model": env.sklearn_model()}, {}


def check_stage_create(env: GuideEnv, run: Run) -> None:
    stage = run.namespace["endpoint_stage"]
    doc = env.payload("endpoint-stages", "endpointStage", stage.endpoint_stage_id)
    assert doc["endpointStageStatusCode"] == "ACTIVE"
    assert doc.get("apigwStageName", doc.get("stageName")) == "stage01"


# -- 600 stage list
def prep_stage_list(env: GuideEnv) -> Prepared:
    return {"endpoint_id": env.endpoint().endpoint_id}, {}


def check_stage_list(env: GuideEnv, run: Run) -> None:
    stages = run.namespace["endpoint_stage_list"]
    assert env.default_stage_id() in {s.endpoint_stage_id for s in stages}


# -- 608 / 618 predict
def prep_predict_endpoint(env: GuideEnv) -> Prepared:
    return {"model_id": env.sklearn_model().model_id, "endpoint_id": env.endpoint().endpoint_id}, {}


def prep_predict_stage(env: GuideEnv) -> Prepared:
    return {"model_id": env.sklearn_model().model_id, "endpoint_stage_id": env.default_stage_id()}, {}


def check_predict(env: GuideEnv, run: Run) -> None:
    expected = env.classifier.predict(np.array([IRIS_ROW])).tolist()
    result = run.namespace["prediction"]
    assert isinstance(result, dict), result
    assert result["predictions"] == expected


# -- 634 endpoint delete
def prep_endpoint_delete(env: GuideEnv) -> Prepared:
    endpoint = easymaker.Endpoint().create(
        endpoint_name=env.uniq("ep-to-delete"),
        instance_type_name="m2.c2m4",
        endpoint_model_resource_list=[
            {"modelId": env.sklearn_model().model_id, "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}
        ],
    )
    return {"endpoint_id": endpoint.endpoint_id}, {}


# -- 646 stage delete
def prep_stage_delete(env: GuideEnv) -> Prepared:
    stage = easymaker.EndpointStage().create(
        endpoint_id=env.endpoint().endpoint_id,
        stage_name="todelete",
        instance_type_name="m2.c2m4",
        endpoint_model_resource_list=[
            {"modelId": env.sklearn_model().model_id, "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}
        ],
    )
    return {"stage_id": stage.endpoint_stage_id}, {}


# -- 679 batch inference
def prep_batch(env: GuideEnv) -> Prepared:
    return {"model_name": env.sklearn_model().model_name}, {}


def check_batch(env: GuideEnv, run: Run) -> None:
    batch = run.namespace["batch_inference"]
    doc = env.payload("batch-inferences", "batchInference", batch.batch_inference_id)
    assert doc["batchInferenceStatusCode"] == "COMPLETE", doc.get("batchInferenceStatusReason")
    outputs = [n for n in env.list_objects("batch/output/") if n.endswith(".out.jsonl")]
    assert outputs, env.list_objects("batch/output/")
    lines = env.get_object(outputs[0]).decode().splitlines()
    predictions = [json.loads(line)["prediction"] for line in lines]
    expected = env.classifier.predict(load_iris().data[:40]).tolist()
    assert predictions == expected


# -- 719 batch delete
def prep_batch_delete(env: GuideEnv) -> Prepared:
    return {"batch_inference_id": env.run_batch().batch_inference_id}, {}


# -- 739 pipeline upload
def check_pipeline_upload(env: GuideEnv, run: Run) -> None:
    doc = env.payload("pipelines", "pipeline", run.namespace["pipeline"].pipeline_id)
    assert doc["pipelineName"] == "pipeline_01" and doc["pipelineStatusCode"] == "ACTIVE"


# -- 757 pipeline delete
def prep_pipeline_delete(env: GuideEnv) -> Prepared:
    return {"pipeline_id": env.upload_pipeline().pipeline_id}, {}


# -- 785 pipeline run
def prep_pipeline_run(env: GuideEnv) -> Prepared:
    return {"pipeline": env.pipeline(), "experiment": env.experiment()}, {}


def check_pipeline_run(env: GuideEnv, run: Run) -> None:
    doc = env.payload("pipeline-runs", "pipelineRun", run.namespace["pipeline_run"].pipeline_run_id)
    assert doc["pipelineRunStatusCode"] == "COMPLETE", doc.get("pipelineRunStatusReason")


# -- 806 pipeline run delete
def prep_pipeline_run_delete(env: GuideEnv) -> Prepared:
    run = easymaker.PipelineRun().create(
        pipeline_run_name=env.uniq("run-to-delete"),
        pipeline_id=env.pipeline().pipeline_id,
        experiment_id=env.experiment().experiment_id,
        instance_type_name="m2.c2m4",
        instance_count=1,
        boot_storage_size=50,
    )
    return {"pipeline_run_id": run.pipeline_run_id}, {}


# -- 840 recurring run
def check_recurring_create(env: GuideEnv, run: Run) -> None:
    rid = run.namespace["pipeline_recurring_run"].pipeline_recurring_run_id
    env.cleanups.append(lambda: env.api.delete(f"/pipeline-recurring-runs/{rid}"))
    doc = env.payload("pipeline-recurring-runs", "pipelineRecurringRun", rid)
    assert doc["pipelineRecurringRunStatusCode"] == "ENABLED"
    assert doc["scheduleCronExpression"] == "0 0 * * * ?"


# -- 863 stop / start
def prep_recurring(env: GuideEnv) -> Prepared:
    return {"pipeline_recurring_run_id": env.recurring_run().pipeline_recurring_run_id}, {}


def check_stop_start(env: GuideEnv, run: Run) -> None:
    rid = run.namespace["pipeline_recurring_run_id"]
    doc = env.payload("pipeline-recurring-runs", "pipelineRecurringRun", rid)
    assert doc["pipelineRecurringRunStatusCode"] == "ENABLED"
    assert run.operations.index("stopPipelineRecurringRun") < run.operations.index("startPipelineRecurringRun")


# -- 885 logger
def check_logger(env: GuideEnv, run: Run) -> None:
    logger = run.namespace["easymaker_logger"]
    assert logger.url == env.server.url + "/v2/log"
    logger.close()
    assert (logger.sent_count, logger.dropped_count) == (2, 0)
    # EasyMaker Local stored both records (read from its database, read-only)
    db = sqlite3.connect(f"file:{env.server.home / 'state.db'}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT log_level, body, doc FROM logs WHERE project_name = ? ORDER BY seq", ("log&crash_product_app_key",)
        ).fetchall()
    finally:
        db.close()
    assert [(level, body) for level, body, _ in rows] == [("INFO", "test log meassage"), ("ERROR", "log meassage")]
    second = json.loads(rows[1][2])
    assert second["serviceType"] == "EasyMakerSample" and second["projectVersion"] == "2.0.0"
    assert second["category"] == "easymaker.sdk" and second["logVersion"] == "v2"


# -- 898 upload / download
def check_transfer(env: GuideEnv, run: Run) -> None:
    uploaded = sorted(env.list_objects("uploaded/"))
    assert uploaded == ["uploaded/a.txt", "uploaded/sub/b.bin"], uploaded
    assert env.get_object("uploaded/sub/b.bin") == bytes(range(256)) * 10
    downloaded = sorted(
        str(p.relative_to(env.workdir / "download_dir"))
        for p in (env.workdir / "download_dir").rglob("*")
        if p.is_file()
    )
    assert downloaded == ["data/readme.txt", "train.py"], downloaded
    assert (env.workdir / "download_dir" / "train.py").read_text() == "print('hello')\n"


CASES: list[Case] = [
    Case("easymaker.init(", prep_init, check_init),
    Case("Experiment().create(", no_prep, check_experiment_create, ("createExperiment",)),
    Case(
        "Experiment(experiment_id).delete()",
        prep_experiment_delete,
        check_gone("experiments", "experiment_id"),
        ("deleteExperiment",),
    ),
    Case("Training().run(", prep_with_experiment, check_training_run, ("createTraining",)),
    Case(
        "Training(training_id).delete()",
        prep_training_delete,
        check_gone("trainings", "training_id"),
        ("deleteTraining",),
    ),
    Case(
        "HyperparameterTuning().run(",
        prep_with_experiment,
        check_tuning_run,
        ("createHyperparameterTuning",),
    ),
    Case(
        "HyperparameterTuning(hyperparameter_tuning_id).delete()",
        prep_tuning_delete,
        check_gone("hyperparameter-tunings", "hyperparameter_tuning_id"),
        ("deleteHyperparameterTuning",),
    ),
    Case("Model().create(", prep_model_from_training, check_model_from_training, ("createModel",)),
    Case(
        "create_by_model_upload_uri(",
        no_prep,
        check_model_by_uri,
        ("createModel",),
    ),
    Case("Model(model_id).delete()", prep_model_delete, check_gone("models", "model_id"), ("deleteModel",)),
    Case("ModelEvaluation().create(", prep_evaluations, check_evaluations, ("createModelEvaluation",)),
    Case(
        "ModelEvaluation(model_evaluation_id).delete()",
        prep_evaluation_delete,
        check_gone("model-evaluations", "model_evaluation_id"),
        ("deleteModelEvaluation",),
    ),
    Case("Endpoint().create(", prep_endpoint_create, check_endpoint_create, ("createEndpoint",)),
    Case("EndpointStage().create(", prep_stage_create, check_stage_create, ("createEndpointStage",)),
    Case("get_stage_list()", prep_stage_list, check_stage_list, ("listEndpointStages",)),
    Case("Endpoint(endpoint_id).predict(", prep_predict_endpoint, check_predict),
    Case("EndpointStage(endpoint_stage_id).predict(", prep_predict_stage, check_predict),
    Case(
        "Endpoint(endpoint_id).delete()",
        prep_endpoint_delete,
        check_gone("endpoints", "endpoint_id"),
        ("deleteEndpoint",),
    ),
    Case(
        "EndpointStage(stage_id).delete()",
        prep_stage_delete,
        check_gone("endpoint-stages", "stage_id"),
        ("deleteEndpointStage",),
    ),
    Case(
        "BatchInference().run(",
        prep_batch,
        check_batch,
        ("createBatchInference",),
    ),
    Case(
        "BatchInference(batch_inference_id).delete()",
        prep_batch_delete,
        check_gone("batch-inferences", "batch_inference_id"),
        ("deleteBatchInference",),
    ),
    Case("Pipeline().upload(", no_prep, check_pipeline_upload, ("uploadPipeline",)),
    Case(
        "Pipeline(pipeline_id).delete()",
        prep_pipeline_delete,
        check_gone("pipelines", "pipeline_id"),
        ("deletePipeline",),
    ),
    Case("PipelineRun().create(", prep_pipeline_run, check_pipeline_run, ("createPipelineRun",)),
    Case(
        "PipelineRun(pipeline_run_id).delete()",
        prep_pipeline_run_delete,
        check_gone("pipeline-runs", "pipeline_run_id"),
        ("deletePipelineRun",),
    ),
    Case("PipelineRecurringRun().create(", prep_pipeline_run, check_recurring_create, ("createPipelineRun",)),
    Case(
        "PipelineRecurringRun(pipeline_recurring_run_id).stop()",
        prep_recurring,
        check_stop_start,
        ("stopPipelineRecurringRun", "startPipelineRecurringRun"),
    ),
    Case(
        "PipelineRecurringRun(pipeline_recurring_run_id).delete()",
        prep_recurring,
        check_gone("pipeline-recurring-runs", "pipeline_recurring_run_id"),
        ("deletePipelineRecurringRun",),
    ),
    Case("easymaker.logger(logncrash_appkey=", no_prep, check_logger),
    Case("easymaker.upload(", no_prep, check_transfer),
]


def _params() -> list[Any]:
    params = []
    for index, case in enumerate(CASES):
        slug = re.sub(r"[^a-z]+", "-", case.marker.lower()).strip("-")
        params.append(pytest.param(index, id=f"{index + 1:02d}-{slug}"))
    return params


def test_thirty_scenarios_in_the_expected_order() -> None:
    files = scenario_files()
    assert len(files) == len(CASES) == 30, [f.name for f in files]
    for path, case in zip(files, CASES, strict=True):
        assert case.marker in path.read_text(encoding="utf-8"), f"{path.name}: expected {case.marker!r}"


@pytest.fixture
def sdk(guide_env: GuideEnv) -> Iterator[GuideEnv]:
    guide_env.init_sdk()  # the init scenario replaces the client; every scenario starts from the recording one
    yield guide_env


@pytest.mark.parametrize("index", _params())
def test_guide_scenario(index: int, sdk: GuideEnv) -> None:
    env = sdk
    case = CASES[index]
    path = scenario_files()[index]
    assert case.marker in path.read_text(encoding="utf-8")
    bindings, environment = case.prepare(env)
    env.recorder.requests.clear()
    error: BaseException | None = None
    namespace: dict[str, Any] = {}
    try:
        namespace = run_scenario(path, bindings, environment)
    except Exception as exc:  # the requests sent before the failure are still checked first
        error = exc
    operations, problems = [], []
    api_root = env.server.url
    for method, url, body in env.recorder.requests:
        if not str(url).startswith(api_root):
            continue
        if not url.path.startswith(("/v1.0/", "/token/", "/nhn-api-gateway")):
            continue
        op_id, found = env.checker.check(method, url.path, list(url.params.multi_items()), body)
        operations.append(op_id)
        problems += found
    assert not problems, "requests that do not match spec/openapi.yaml:\n" + "\n".join(problems)
    if error is not None:
        raise error
    for op_id in case.operations:
        assert op_id in operations, f"{op_id} was not called; {path.name} called {operations}"
    case.check(env, Run(namespace, operations))


def test_spec_checker_catches_requests_outside_the_contract() -> None:
    """The checker the examples rely on does reject what the spec forbids."""
    checker = SpecChecker(yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8")))
    base = "/v1.0/appkeys/k"
    ok = json.dumps({"experimentName": "e", "description": "d"}).encode()
    assert checker.check("POST", f"{base}/experiments", [], ok) == ("createExperiment", [])
    op, problems = checker.check("POST", f"{base}/experiments", [], json.dumps({"experimentName": "x" * 51}).encode())
    assert op == "createExperiment" and any("too long" in p for p in problems), problems
    _, problems = checker.check("POST", f"{base}/experiments", [], json.dumps({"description": "no name"}).encode())
    assert any("'experimentName' is a required property" in p for p in problems), problems
    _, problems = checker.check("GET", f"{base}/experiments", [("pageSize", "10")], b"")
    assert problems == ["listExperiments: query parameter 'pageSize' is not in the spec"]
    assert (
        checker.check("GET", f"{base}/experiments", [("experimentIdList", "a"), ("experimentIdList", "b")], b"")[1]
        == []
    )
    assert checker.check("GET", f"{base}/no-such-collection", [], b"")[1][0].endswith("no such path in the spec")
    assert checker.check("PATCH", f"{base}/experiments/x", [], b"")[1][0].endswith("the spec has no PATCH here")
    assert checker.check("POST", f"{base}/pipelines/upload", [], b"{}")[0] == "uploadPipeline"
    _, problems = checker.check(
        "POST",
        f"{base}/pipeline-runs",
        [],
        json.dumps(
            {
                "pipelineRunOrRecurringRunName": "r",
                "pipelineId": "p",
                "flavorId": "f",
                "instanceCount": 1,
                "bootStorageSize": 50,
                "scheduleStartDatetime": "not a date",
            }
        ).encode(),
    )
    assert any("date-time" in p for p in problems), problems
