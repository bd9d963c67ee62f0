"""The guide's main flow on EasyMaker Local, from a fresh machine (``make demo``).

    python examples/quickstart.py [--keep] [--verbose]

1. ``easymaker.init(profile="local")`` (starts EasyMaker Local when nothing listens at http://127.0.0.1:10090)
2. create an experiment
3. upload the iris training script (``examples/iris/train.py``) with ``easymaker.upload``
4. run a training on it and wait for it
5. create a model from the training
6. create an endpoint serving the model and predict one iris row
7. run a batch inference over a few rows
8. run a model evaluation on the iris data
9. upload and run a small Kubeflow pipeline (when ``kfp`` is installed)
10. clean up (unless ``--keep``)

A stage that EasyMaker Local cannot run yet is reported as "not built yet: ..." and the following stages that need
it are skipped; the script exits non-zero only on unexpected errors.
"""

# No `from __future__ import annotations`: kfp reads the pipeline components' signatures as real types.

import argparse
import logging
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import easymaker

HERE = Path(__file__).resolve().parent
IRIS_SOURCE = HERE / "iris"
OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_quickstart/easymaker-demo"
INSTANCE_TYPE = "m2.c2m4"
TRAINING_IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
IRIS_ROW = [6.0, 3.4, 4.5, 1.6]


class NotBuilt(Exception):
    """A feature EasyMaker Local does not offer yet (or a package this machine lacks)."""


class Skipped(Exception):
    """A stage that cannot run because an earlier one did not produce what it needs."""


def not_built_reason(exc: BaseException) -> str | None:
    """Why ``exc`` means "this feature is not built yet", or None for a real error."""
    if isinstance(exc, NotImplementedError):
        return str(exc) or type(exc).__name__
    status = getattr(exc, "status_code", None)
    if status == 501:
        return getattr(exc, "result_message", None) or str(exc)
    text = str(exc)
    if "not implemented" in text.lower() or "not built" in text.lower():
        return text
    return None


class Demo:
    def __init__(self, keep: bool) -> None:
        self.keep = keep
        self.run_id = uuid.uuid4().hex[:6]
        self.errors: list[str] = []
        self.not_built: list[str] = []
        self.created: list[tuple[str, Callable[[], None]]] = []  # (label, delete) in creation order
        self.step = 0
        self.work = Path(tempfile.mkdtemp(prefix="easymaker-quickstart-"))
        self.obs = f"{OBS}/{self.run_id}"

    def name(self, kind: str) -> str:
        return f"quickstart-{kind}-{self.run_id}"

    def stage(self, title: str, action: Callable[[], Any]) -> Any:
        """Run one stage, print what happened, and return its result (None when it could not run)."""
        self.step += 1
        print(f"\n[{self.step}] {title}")
        start = time.monotonic()
        try:
            result = action()
        except Skipped as exc:
            print(f"    skipped: {exc}")
            return None
        except NotBuilt as exc:
            print(f"    not built yet: {exc}")
            self.not_built.append(f"{title}: {exc}")
            return None
        except Exception as exc:
            reason = not_built_reason(exc)
            if reason is not None:
                print(f"    not built yet: {reason}")
                self.not_built.append(f"{title}: {reason}")
                return None
            print(f"    FAILED: {type(exc).__name__}: {exc}")
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                traceback.print_exc()
            self.errors.append(f"{title}: {type(exc).__name__}: {exc}")
            return None
        print(f"    done in {time.monotonic() - start:.1f} s")
        return result

    def remember(self, label: str, delete: Callable[[], None]) -> None:
        self.created.append((label, delete))

    # ------------------------------------------------------------------------------------------------ stages
    def init(self) -> Any:
        client = easymaker.init(profile="local")
        print(f"    EasyMaker Local at {client.base_url} (appkey {client.appkey!r})")
        return client

    def experiment(self) -> Any:
        experiment = easymaker.Experiment().create(
            experiment_name=self.name("experiment"), description="easymaker quickstart"
        )
        self.remember(
            f"experiment {experiment.experiment_id}", lambda: easymaker.Experiment(experiment.experiment_id).delete()
        )
        print(f"    experiment {experiment.experiment_name!r}: {experiment.experiment_id}")
        return experiment

    def upload_source(self) -> str:
        uri = f"{self.obs}/iris/src"
        result = easymaker.upload(easymaker_obs_uri=uri, local_path=str(IRIS_SOURCE), show_progress=False)
        print(f"    uploaded {result.files} file(s) from {IRIS_SOURCE.relative_to(HERE.parent)} to {uri}")
        return uri

    def training(self, experiment: Any, source_uri: str | None) -> Any:
        if experiment is None or source_uri is None:
            raise Skipped("needs the experiment and the uploaded source")
        training = easymaker.Training().run(
            experiment_id=experiment.experiment_id,
            training_name=self.name("training"),
            description="iris logistic regression",
            image_name=TRAINING_IMAGE,
            instance_type_name=INSTANCE_TYPE,
            distributed_node_count=1,
            data_storage_size=300,
            source_dir_uri=source_uri,
            entry_point="train.py",
            hyperparameter_list=[
                {"parameterName": "C", "parameterValue": "1.0"},
                {"parameterName": "max_iter", "parameterValue": "300"},
            ],
            model_upload_uri=f"{self.obs}/iris/model",
            timeout_hours=1,
        )
        self.remember(f"training {training.training_id}", lambda: easymaker.Training(training.training_id).delete())
        print(f"    training {training.training_id}: {training.training_status_code}")
        return training

    def model(self, training: Any) -> Any:
        if training is None:
            raise Skipped("needs the training")
        model = easymaker.Model().create(
            training_id=training.training_id,
            model_name=self.name("model"),
            description="iris classifier",
            model_format_code=easymaker.ModelFormatCode.SKLEARN,  # train.py saves a scikit-learn model.joblib
        )
        self.remember(f"model {model.model_id}", lambda: easymaker.Model(model.model_id).delete())
        print(f"    model {model.model_id}: {model.model_status_code}")
        return model

    def endpoint(self, model: Any) -> Any:
        if model is None:
            raise Skipped("needs the model")
        endpoint = easymaker.Endpoint().create(
            endpoint_name=self.name("endpoint"),
            description="iris endpoint",
            instance_type_name=INSTANCE_TYPE,
            instance_count=1,
            endpoint_model_resource_list=[
                {"modelId": model.model_id, "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}},
            ],
        )
        self.remember(
            f"endpoint {endpoint.endpoint_id}", lambda: delete_and_wait(easymaker.Endpoint, endpoint.endpoint_id)
        )
        print(f"    endpoint {endpoint.endpoint_id}: {endpoint.endpoint_status_code}")
        answer = easymaker.Endpoint(endpoint.endpoint_id).predict(
            model_id=model.model_id, json={"instances": [IRIS_ROW]}
        )
        print(f"    predict {IRIS_ROW} -> {answer}")
        return endpoint

    def batch_inference(self, model: Any) -> Any:
        if model is None:
            raise Skipped("needs the model")
        from sklearn.datasets import load_iris

        rows = load_iris().data[::15]
        data = self.work / "batch-input"
        data.mkdir()
        (data / "iris.jsonl").write_text("".join(f"{[float(v) for v in row]}\n" for row in rows))
        input_uri = f"{self.obs}/batch/input"
        output_uri = f"{self.obs}/batch/output"
        easymaker.upload(easymaker_obs_uri=input_uri, local_path=str(data), show_progress=False)
        batch = easymaker.BatchInference().run(
            batch_inference_name=self.name("batch"),
            instance_count=1,
            timeout_hours=1,
            instance_type_name=INSTANCE_TYPE,
            model_id=model.model_id,
            pod_count=1,
            batch_size=16,
            inference_timeout_seconds=60,
            input_data_uri=input_uri,
            input_data_type="JSONL",
            output_upload_uri=output_uri,
            data_storage_size=300,
        )
        self.remember(
            f"batch inference {batch.batch_inference_id}",
            lambda: easymaker.BatchInference(batch.batch_inference_id).delete(),
        )
        print(f"    batch inference {batch.batch_inference_id}: {batch.batch_inference_status_code}")
        out_dir = self.work / "batch-output"
        easymaker.download(easymaker_obs_uri=output_uri, download_dir_path=str(out_dir), show_progress=False)
        for path in sorted(out_dir.rglob("*.out.jsonl")):
            lines = path.read_text().splitlines()
            print(f"    {path.name}: {len(lines)} predictions, first: {lines[0] if lines else '-'}")
        return batch

    def model_evaluation(self, model: Any) -> Any:
        if model is None:
            raise Skipped("needs the model")
        from sklearn.datasets import load_iris

        iris = load_iris()
        data = self.work / "eval-input"
        data.mkdir()
        lines = ["sepal_length,sepal_width,petal_length,petal_width,species"]
        lines += [",".join(f"{v:.1f}" for v in x) + f",{y}" for x, y in zip(iris.data, iris.target, strict=True)]
        (data / "iris.csv").write_text("\n".join(lines) + "\n")
        input_uri = f"{self.obs}/evaluation/input"
        easymaker.upload(easymaker_obs_uri=input_uri, local_path=str(data), show_progress=False)
        evaluation = easymaker.ModelEvaluation().create(
            model_evaluation_name=self.name("evaluation"),
            description="iris classifier on the iris data",
            model_id=model.model_id,
            objective_code=easymaker.CLASSIFICATION,
            class_names="setosa,versicolor,virginica",
            instance_type_name=INSTANCE_TYPE,
            input_data_uri=input_uri,
            input_data_type_code=easymaker.CSV,
            target_field_name="species",
            timeout_hours=1,
            batch_inference_instance_type_name=INSTANCE_TYPE,
            batch_inference_instance_count=1,
            batch_inference_pod_count=1,
            batch_inference_output_upload_uri=f"{self.obs}/evaluation/output",
            batch_inference_max_batch_size=50,
            batch_inference_inference_timeout_seconds=60,
        )
        self.remember(
            f"model evaluation {evaluation.model_evaluation_id}",
            lambda: easymaker.ModelEvaluation(evaluation.model_evaluation_id).delete(),
        )
        metrics = evaluation.to_dict().get("metrics") or {}
        shown = {k: round(v, 4) for k, v in metrics.items() if isinstance(v, int | float)}
        print(f"    model evaluation {evaluation.model_evaluation_id}: {evaluation.model_evaluation_status_code}")
        print(f"    metrics: {shown}")
        return evaluation

    def pipeline(self, experiment: Any) -> Any:
        if experiment is None:
            raise Skipped("needs the experiment")
        try:
            from kfp import compiler, dsl
        except ImportError as exc:
            raise NotBuilt(f"kfp is not installed here ({exc}); install the [pipelines] extra") from None

        @dsl.component(base_image="python:3.11")
        def add(a: int, b: int) -> int:
            return a + b

        @dsl.component(base_image="python:3.11")
        def show(total: int) -> str:
            message = f"total={total}"
            print(message)
            return message

        @dsl.pipeline(name="quickstart-pipeline")
        def quickstart_pipeline(a: int = 1, b: int = 2) -> None:
            total = add(a=a, b=b)
            show(total=total.output)

        manifest = self.work / "pipeline.yaml"
        compiler.Compiler().compile(quickstart_pipeline, str(manifest))
        pipeline = easymaker.Pipeline().upload(
            pipeline_name=self.name("pipeline"), pipeline_spec_manifest_path=str(manifest), description="a + b"
        )
        self.remember(f"pipeline {pipeline.pipeline_id}", lambda: easymaker.Pipeline(pipeline.pipeline_id).delete())
        print(f"    pipeline {pipeline.pipeline_id}: {pipeline.pipeline_status_code}")
        run = easymaker.PipelineRun().create(
            pipeline_run_name=self.name("pipeline-run"),
            pipeline_id=pipeline.pipeline_id,
            experiment_id=experiment.experiment_id,
            instance_type_name=INSTANCE_TYPE,
            instance_count=1,
            boot_storage_size=50,
            parameter_list=[{"parameterName": "a", "parameterValue": "40"}],
        )
        self.remember(
            f"pipeline run {run.pipeline_run_id}", lambda: delete_and_wait(easymaker.PipelineRun, run.pipeline_run_id)
        )
        print(f"    pipeline run {run.pipeline_run_id}: {run.pipeline_run_status_code}")
        return run

    def clean_up(self) -> None:
        for label, delete in reversed(self.created):
            try:
                delete()
                print(f"    deleted {label}")
            except Exception as exc:
                print(f"    could not delete {label}: {type(exc).__name__}: {exc}")
                self.errors.append(f"clean up {label}: {exc}")


def delete_and_wait(cls: Any, resource_id: str, timeout: float = 60.0) -> None:
    """Delete, then wait until the resource is gone (its children cannot be deleted while it is shutting down)."""
    cls(resource_id).delete()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            cls(resource_id).refresh()  # a fetch: Endpoint(id) alone sends no request until a field is read
        except easymaker.NotFoundError:
            return
        time.sleep(0.2)
    raise TimeoutError(f"{cls.__name__} {resource_id} was still there {timeout:.0f} s after its deletion")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the resources instead of deleting them")
    parser.add_argument("--verbose", action="store_true", help="show the SDK's progress logs and tracebacks")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="    %(levelname)s %(name)s: %(message)s"
    )
    if args.verbose:
        logging.getLogger("easymaker").setLevel(logging.INFO)

    demo = Demo(args.keep)
    started = time.monotonic()
    print("EasyMaker quickstart on EasyMaker Local")
    client = demo.stage("Connecting: easymaker.init(profile='local')", demo.init)
    if client is None:
        print("\nEasyMaker Local is not reachable; nothing else can run.")
        return 1
    experiment = demo.stage("Creating an experiment", demo.experiment)
    source_uri = demo.stage("Uploading the iris training script with easymaker.upload", demo.upload_source)
    training = demo.stage("Running a training (wait=True)", lambda: demo.training(experiment, source_uri))
    model = demo.stage("Creating a model from the training", lambda: demo.model(training))
    demo.stage("Creating an endpoint and predicting one iris row", lambda: demo.endpoint(model))
    demo.stage("Running a batch inference", lambda: demo.batch_inference(model))
    demo.stage("Running a model evaluation", lambda: demo.model_evaluation(model))
    demo.stage("Uploading and running a pipeline", lambda: demo.pipeline(experiment))
    if args.keep:
        print(
            "\nKeeping the resources (--keep); list them with: python -m easymaker --profile local -experiment -training -model -endpoint"
        )
    else:
        demo.stage("Cleaning up", demo.clean_up)

    print(f"\nFinished in {time.monotonic() - started:.1f} s.")
    if demo.not_built:
        print("Not built yet in EasyMaker Local:")
        for item in demo.not_built:
            print(f"  - {item}")
    if demo.errors:
        print("Unexpected errors:")
        for item in demo.errors:
            print(f"  - {item}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
