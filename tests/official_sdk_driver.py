"""Drives EasyMaker Local with the official SDK (2.1.0 or 2.1.5): every public call that has a server side.

Run by ``tests/local/test_local_official_sdk.py`` with the official SDK's own interpreter (not ours):
``python official_sdk_driver.py APPKEY TOKEN NAS_TAG PIPELINE_YAML`` with ``EM_API_URL`` pointing at the server.
Each call is recorded as ``{"ok": true}`` or ``{"ok": false, "error": ...}`` and the whole record is printed as one
``RESULT {...}`` line; nothing stops at the first failure. Uses the official SDK's public names only (plus its
internal ``api_sender`` to read status reasons, which its models drop). Standard library and the SDK only.
"""

import importlib
import json
import signal
import subprocess
import sys
import time
from typing import Any

# The official SDK (this script runs under its interpreter), not this repository's package of the same name: typed
# as Any so that mypy does not check the calls against the wrong `easymaker`.
easymaker: Any = importlib.import_module("easymaker")

APPKEY, TOKEN, TAG, PIPELINE_YAML = sys.argv[1:5]
V215 = easymaker.__version__ >= "2.1.5"
IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
FLAVOR = "m2.c2m4"
results: dict[str, dict[str, Any]] = {}


CALL_SECONDS = 120  # a call (with its wait) that takes longer is recorded as failed


def _alarm(signum, frame):
    raise TimeoutError(f"no answer within {CALL_SECONDS} s")


signal.signal(signal.SIGALRM, _alarm)


def call(name, fn, expect=None):
    """Run one call; ``expect``: text the (documented) error must contain."""
    started = time.time()
    signal.alarm(CALL_SECONDS)
    try:
        value = fn()
    except Exception as exc:  # noqa: BLE001 - recorded
        text = f"{type(exc).__name__}: {exc}"[:600]
        results[name] = {"ok": bool(expect and expect in text), "error": text, "expected": expect}
        return None
    finally:
        signal.alarm(0)
        print(f"{name}: {time.time() - started:.1f}s", file=sys.stderr, flush=True)
    results[name] = {"ok": not expect, "expected": expect} if expect else {"ok": True}
    return value


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def ready(obj):
    obj.wait(wait_interval_seconds=0.2)
    return obj


def status_of(cls, rid):
    obj = cls(rid)
    return obj.status


def until(fetch, wanted, timeout=90.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = fetch()
        if value in wanted:
            return value
        time.sleep(0.2)
    raise AssertionError(f"still {value} after {timeout}s (wanted {wanted})")


def reason(kind, rid):
    doc = getattr(easymaker.easymaker_config.api_sender, f"get_{kind}_by_id")(rid)
    return str(doc.get(f"{kind.replace('_t', 'T').replace('_i', 'I').replace('_e', 'E')}StatusReason") or doc)


def main():
    easymaker.init(appkey=APPKEY, region="kr1", access_token=TOKEN)
    nas = f"nas://n1:/{TAG}"

    # ---------------------------------------------------------------- experiments
    exp = call("Experiment.create", lambda: easymaker.Experiment().create(experiment_name="official", wait=False))
    call("Experiment.wait", lambda: ready(exp))
    eid = exp.experiment_id
    call("Experiment(id)", lambda: check(easymaker.Experiment(eid).experiment_name == "official", "name"))
    call(
        "Experiment.get_list",
        lambda: check([e.experiment_id for e in easymaker.Experiment.get_list()] == [eid], "list"),
    )
    call("Experiment.get_by_id", lambda: check(easymaker.Experiment.get_by_id(eid).experiment_id == eid, "by id"))
    call(
        "Experiment.get_by_name", lambda: check(easymaker.Experiment.get_by_name("official").experiment_id == eid, "n")
    )
    call(
        "Experiment.get_by_id_or_name",
        lambda: check(easymaker.Experiment.get_by_id_or_name(name="official").experiment_id == eid, "id or name"),
    )

    # ---------------------------------------------------------------- lookups
    for cls in (easymaker.Training, easymaker.HyperparameterTuning, easymaker.Endpoint, easymaker.BatchInference):
        call(
            f"{cls.__name__}.get_instance_type_list",
            lambda cls=cls: check("r2.c8m32" in [f.name for f in cls.get_instance_type_list()], "flavors"),
        )
    call(
        "Training.get_image_list",
        lambda: check(IMAGE in [i.image_name for i in easymaker.Training.get_image_list()], "i"),
    )
    algorithms = call("Training.get_algorithm_list", lambda: easymaker.Training.get_algorithm_list())

    # ---------------------------------------------------------------- trainings
    def run_training(name, sleep=None, wait=False):
        params = [easymaker.Parameter(parameter_name="epochs", parameter_value="2")]
        if sleep:
            params.append(easymaker.Parameter(parameter_name="sleep", parameter_value=str(sleep)))
        return easymaker.Training().run(
            training_name=name,
            image_name=IMAGE,
            instance_type_name=FLAVOR,
            model_upload_uri=f"{nas}/{name}",
            source_dir_uri="nas://n1:/src",
            entry_point="train.py",
            experiment_id=eid,
            hyperparameter_list=params,
            dataset_list=[easymaker.Dataset(dataset_name="train", data_uri="nas://n1:/src")],
            wait=wait,
        )

    training = call("Training.run", lambda: run_training("trained"))
    call("Training.wait", lambda: check(ready(training).training_status_code == "COMPLETE", "complete"))
    tid = training.training_id
    call("Training(id)", lambda: check(easymaker.Training(tid).instance_type.name == FLAVOR, "flavor"))
    call("Training.get_list", lambda: check(tid in [t.training_id for t in easymaker.Training.get_list()], "list"))
    if hasattr(easymaker.Training, "stop"):  # 2.1.5
        sleeper = call("Training.run (to stop)", lambda: run_training("stopped", sleep=60))
        call(
            "Training.stop",
            lambda: (until(lambda: status_of(easymaker.Training, sleeper.training_id), {"RUNNING"}), sleeper.stop()),
        )
        call("Training stopped", lambda: until(lambda: status_of(easymaker.Training, sleeper.training_id), {"STOPPED"}))
        call("Training.delete", lambda: sleeper.delete())
    if algorithms:
        algo = algorithms[0]

        def algorithm_training():
            t = easymaker.Training().run(
                training_name="nhn-algorithm",
                algorithm_name=algo.algorithm_name,
                image_name=algo.cpu_training_image_name or IMAGE,
                instance_type_name=FLAVOR,
                model_upload_uri=f"{nas}/algorithm",
                experiment_id=eid,
                dataset_list=[
                    easymaker.Dataset(dataset_name=s["datasetName"], data_uri="nas://n1:/src")
                    for s in algo.algorithm_dataset_schema or []
                ]
                if V215
                else None,
                wait=False,
            )
            until(lambda: status_of(easymaker.Training, t.training_id), {"FAIL_TRAIN", "CREATE_FAILED", "COMPLETE"})
            text = reason("training", t.training_id)
            t.delete()
            raise RuntimeError(text)

        call("Training.run (NHN algorithm)", algorithm_training, expect="not available on EasyMaker Local")

    # ---------------------------------------------------------------- tuning
    def run_tuning():
        return easymaker.HyperparameterTuning().run(
            hyperparameter_tuning_name="tuned",
            image_name=IMAGE,
            instance_type_name=FLAVOR,
            model_upload_uri=f"{nas}/tuned",
            source_dir_uri="nas://n1:/src",
            entry_point="tune.py",
            experiment_id=eid,
            hyperparameter_spec_list=[
                easymaker.HyperparameterSpec(
                    hyperparameter_name="x",
                    hyperparameter_type_code="double",
                    hyperparameter_min_value="0",
                    hyperparameter_max_value="6",
                )
            ],
            metric_list=[easymaker.Metric(name="score")],
            metric_regex=r"([\w|-]+)\s*=\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)",
            objective_metric_name="score",
            objective_type_code="MAXIMIZE",
            max_trial_count=2,
            max_failed_trial_count=1,
            tuning_strategy_name="RANDOM",
            wait=False,
        )

    tuning = call("HyperparameterTuning.run", run_tuning)
    call("HyperparameterTuning.wait", lambda: check(ready(tuning).hyperparameter_tuning_status_code == "COMPLETE", "c"))
    call(
        "HyperparameterTuning(id)",
        lambda: check(
            easymaker.HyperparameterTuning(tuning.hyperparameter_tuning_id).optimal_trial is not None, "trial"
        ),
    )
    call("HyperparameterTuning.get_list", lambda: check(len(easymaker.HyperparameterTuning.get_list()) == 1, "list"))
    if hasattr(easymaker.HyperparameterTuning, "stop"):
        stopped_tuning = call("HyperparameterTuning.run (to stop)", run_tuning)
        call("HyperparameterTuning.stop", lambda: stopped_tuning.stop())
        call(
            "HyperparameterTuning stopped",
            lambda: until(
                lambda: status_of(easymaker.HyperparameterTuning, stopped_tuning.hyperparameter_tuning_id),
                {"STOPPED", "COMPLETE"},
            ),
        )
        call("HyperparameterTuning.delete", lambda: stopped_tuning.delete())

    # ---------------------------------------------------------------- models
    def model_from_training():
        kwargs = {"model_format_code": "SKLEARN"} if V215 else {}
        return easymaker.Model().create(model_name="official-model", training_id=tid, wait=False, **kwargs)

    model = call("Model.create", model_from_training)
    call("Model.wait", lambda: check(ready(model).model_status_code == "ACTIVE", "active"))
    mid = model.model_id
    call("Model(id)", lambda: check(easymaker.Model(mid).model_name == "official-model", "name"))
    call("Model.get_list", lambda: check(mid in [m.model_id for m in easymaker.Model.get_list()], "list"))

    def model_from_uri():
        if V215:
            m = easymaker.Model().create(
                model_name="from-uri", model_format_code="SKLEARN", model_upload_uri=f"{nas}/trained", wait=False
            )
        else:
            m = easymaker.Model().create_by_model_upload_uri(
                model_name="from-uri", model_type_code="SCIKIT_LEARN", model_upload_uri=f"{nas}/trained", wait=False
            )
        ready(m).delete()

    call("Model.create (model_upload_uri)", model_from_uri)

    def hugging_face():
        m = easymaker.Model().create_hugging_face_model(
            model_name="hf",
            parameter_list=[easymaker.Parameter(parameter_name="model_id", parameter_value="org/model")],
            wait=False,
        )
        easymaker.Model.delete_by_id(m.model_id)

    call("Model.create_hugging_face_model", hugging_face)
    if V215:
        presets = call("ModelPreset.get_list", lambda: easymaker.ModelPreset.get_list())
        base = call("FineTuning.get_base_model_list", lambda: easymaker.FineTuning.get_base_model_list())
        if presets:
            pid = presets[0].model_preset_id
            call(
                "ModelPreset.get_parameter_spec_list",
                lambda: easymaker.ModelPreset.get_parameter_spec_list(model_preset_id=pid),
            )
            call("Model.get_parameter_spec_list", lambda: easymaker.Model.get_parameter_spec_list(pid))
        if base:
            bid = base[0].model_preset_id
            call("FineTuning.get_parameter_spec_list", lambda: easymaker.FineTuning.get_parameter_spec_list(bid))

            def fine_tuning():
                ft = easymaker.FineTuning().run(
                    fine_tuning_name="official-ft",
                    flavor_name=FLAVOR,
                    base_model_preset_id=bid,
                    model_upload_uri=f"{nas}/ft",
                    experiment_id=eid,
                    dataset_list=[easymaker.Dataset(dataset_name="train", data_uri="nas://n1:/src")],
                    wait=False,
                )
                until(
                    lambda: status_of(easymaker.FineTuning, ft.fine_tuning_id),
                    {"CREATE_FAILED", "FAIL_FINE_TUNING", "COMPLETE"},
                )
                text = reason("fine_tuning", ft.fine_tuning_id)
                easymaker.FineTuning.delete_by_id(ft.fine_tuning_id)
                raise RuntimeError(text)

            call("FineTuning.run", fine_tuning, expect="not available on EasyMaker Local")
            call("FineTuning.get_list", lambda: easymaker.FineTuning.get_list())

    # ---------------------------------------------------------------- endpoints
    resource = [
        easymaker.EndpointModelResource(
            model_id=mid, resource_option_detail=easymaker.ResourceOptionDetail(cpu="1", memory="1Gi")
        )
    ]
    endpoint = call(
        "Endpoint.create",
        lambda: easymaker.Endpoint().create(
            endpoint_name="official-endpoint",
            endpoint_model_resource_list=resource,
            instance_type_name=FLAVOR,
            wait=False,
        ),
    )
    call("Endpoint.wait", lambda: check(ready(endpoint).endpoint_status_code == "ACTIVE", "active"))
    ep_id = endpoint.endpoint_id
    stages = call("Endpoint.get_stage_list", lambda: easymaker.Endpoint(ep_id).get_stage_list())
    default: Any = stages[0] if stages else None  # None: the calls below fail and are recorded as failed
    call("EndpointStage.wait", lambda: ready(default))
    from easymaker.endpoint import endpoint as endpoint_module

    call(
        "get_endpoint_list", lambda: check([e.endpoint_id for e in endpoint_module.get_endpoint_list()] == [ep_id], "l")
    )
    call("get_endpoint_stage_list", lambda: check(len(endpoint_module.get_endpoint_stage_list(ep_id)) == 1, "stages"))
    call(
        "get_default_endpoint_stage",
        lambda: check(
            endpoint_module.get_default_endpoint_stage(ep_id).endpoint_stage_id == default.endpoint_stage_id, "d"
        ),
    )
    models = call("get_endpoint_model_list", lambda: endpoint_module.get_endpoint_model_list(default.endpoint_stage_id))
    call("EndpointModel(id)", lambda: check(easymaker.EndpointModel(models[0].endpoint_model_id).model_id == mid, "m"))
    call(
        "EndpointStage(id)",
        lambda: check(easymaker.EndpointStage(default.endpoint_stage_id).endpoint_id == ep_id, "stage"),
    )
    call("Endpoint.predict", lambda: easymaker.Endpoint(ep_id).predict(mid, json={"instances": [[0, 1]]}), expect="SSL")
    stage = call(
        "EndpointStage.create",
        lambda: easymaker.EndpointStage().create(
            stage_name="second",
            endpoint_id=ep_id,
            instance_type_name=FLAVOR,
            endpoint_model_resource_list=resource,
            wait=False,
        ),
    )
    call("EndpointStage.wait (new stage)", lambda: check(ready(stage).endpoint_stage_status_code == "ACTIVE", "a"))
    call("EndpointStage.predict", lambda: stage.predict(mid, json={"instances": [[0, 1]]}), expect="SSL")
    call("EndpointStage.delete", lambda: stage.delete())
    call("Endpoint.get_list", lambda: check(len(easymaker.Endpoint.get_list()) == 1, "list"))

    # ---------------------------------------------------------------- batch inference
    def run_batch(name):
        return easymaker.BatchInference().run(
            batch_inference_name=name,
            model_id=mid,
            instance_type_name=FLAVOR,
            output_upload_uri=f"{nas}/{name}-out",
            input_data_uri="nas://n1:/batch-in",
            input_data_type="JSONL",
            batch_size=2,
            inference_timeout_seconds=60,
            data_storage_size=300,
            wait=False,
        )

    batch = call("BatchInference.run", lambda: run_batch("batch"))
    call("BatchInference.wait", lambda: check(ready(batch).batch_inference_status_code == "COMPLETE", "complete"))
    call(
        "BatchInference(id)",
        lambda: check(easymaker.BatchInference(batch.batch_inference_id).success2xx_count == 4, "rows"),
    )
    call("BatchInference.get_list", lambda: check(len(easymaker.BatchInference.get_list()) == 1, "list"))
    if hasattr(easymaker.BatchInference, "stop"):
        stopped = call("BatchInference.run (to stop)", lambda: run_batch("stopped-batch"))
        call("BatchInference.stop", lambda: stopped.stop())
        call(
            "BatchInference stopped",
            lambda: until(
                lambda: status_of(easymaker.BatchInference, stopped.batch_inference_id), {"STOPPED", "COMPLETE"}
            ),
        )
        call("BatchInference.delete (stopped)", lambda: stopped.delete())
    call("BatchInference.delete", lambda: batch.delete())

    # ---------------------------------------------------------------- model evaluation
    def evaluate(name, objective, class_names):
        return easymaker.ModelEvaluation().create(
            model_evaluation_name=name,
            model_id=mid,
            objective_code=objective,
            class_names=class_names,
            instance_type_name=FLAVOR,
            input_data_uri="nas://n1:/eval-in",
            input_data_type_code="CSV",
            target_field_name="y",
            batch_inference_instance_type_name=FLAVOR,
            batch_inference_instance_count=1,
            batch_inference_pod_count=1,
            batch_inference_output_upload_uri=f"{nas}/{name}-out",
            batch_inference_max_batch_size=10,
            batch_inference_inference_timeout_seconds=60,
            wait=False,
        )

    evaluation = call("ModelEvaluation.create", lambda: evaluate("classification", "CLASSIFICATION", "0,1"))
    call("ModelEvaluation.wait", lambda: check(ready(evaluation).model_evaluation_status_code == "COMPLETE", "c"))
    call("ModelEvaluation(id)", lambda: check(easymaker.ModelEvaluation(evaluation.model_evaluation_id).metrics, "m"))
    regression = call("ModelEvaluation.create (class_names='')", lambda: evaluate("regression", "REGRESSION", ""))
    call("ModelEvaluation.wait (regression)", lambda: ready(regression))
    stopped_eval = call("ModelEvaluation.create (to stop)", lambda: evaluate("stopped", "CLASSIFICATION", "0,1"))
    call("ModelEvaluation.stop", lambda: stopped_eval.stop())
    call("ModelEvaluation.get_list", lambda: check(len(easymaker.ModelEvaluation.get_list()) == 3, "list"))
    for name, obj in (("ModelEvaluation.delete", evaluation), ("ModelEvaluation.delete (regression)", regression)):
        call(name, lambda obj=obj: obj.delete())
    call(
        "ModelEvaluation.delete (stopped)",
        lambda: (
            until(
                lambda: status_of(easymaker.ModelEvaluation, stopped_eval.model_evaluation_id),
                {"STOPPED", "COMPLETE", "FAIL"},
            ),
            stopped_eval.delete(),
        ),
    )

    # ---------------------------------------------------------------- pipelines
    if PIPELINE_YAML != "-":
        pipeline = call(
            "Pipeline.upload",
            lambda: easymaker.Pipeline().upload(
                pipeline_name="official-pipeline", pipeline_spec_manifest_path=PIPELINE_YAML, wait=False
            ),
        )
        call("Pipeline.wait", lambda: ready(pipeline))
        pl_id = pipeline.pipeline_id
        call("Pipeline(id)", lambda: check(easymaker.Pipeline(pl_id).pipeline_name == "official-pipeline", "name"))
        call("Pipeline.get_list", lambda: check(len(easymaker.Pipeline.get_list()) == 1, "list"))

        def run_pipeline(name):
            return easymaker.PipelineRun().create(
                pipeline_run_name=name,
                pipeline_id=pl_id,
                instance_type_name=FLAVOR,
                boot_storage_size=50,
                experiment_id=eid,
                parameter_list=[easymaker.Parameter(parameter_name="word", parameter_value="hi")],
                wait=False,
            )

        run = call("PipelineRun.create", lambda: run_pipeline("run"))
        call("PipelineRun.wait", lambda: check(ready(run).pipeline_run_status_code == "COMPLETE", "complete"))
        call("PipelineRun.get_list", lambda: check(len(easymaker.PipelineRun.get_list()) == 1, "list"))
        stopped_run = call("PipelineRun.create (to stop)", lambda: run_pipeline("stopped-run"))
        call("PipelineRun.stop", lambda: stopped_run.stop())
        recurring = call(
            "PipelineRecurringRun.create",
            lambda: easymaker.PipelineRecurringRun().create(
                pipeline_recurring_run_name="recurring",
                pipeline_id=pl_id,
                instance_type_name=FLAVOR,
                boot_storage_size=50,
                experiment_id=eid,
                schedule_cron_expression="0 0 0 1 1 ?",  # Local takes 6-field (Quartz) crons, as the service
                parameter_list=[easymaker.Parameter(parameter_name="word", parameter_value="hi")],
                wait=False,
            ),
        )
        call("PipelineRecurringRun.wait", lambda: ready(recurring))
        call("PipelineRecurringRun.stop", lambda: recurring.stop())
        call(
            "PipelineRecurringRun stopped",
            lambda: until(
                lambda: status_of(easymaker.PipelineRecurringRun, recurring.pipeline_recurring_run_id), {"DISABLED"}
            ),
        )
        call("PipelineRecurringRun.start", lambda: recurring.start())
        call("PipelineRecurringRun.get_list", lambda: check(len(easymaker.PipelineRecurringRun.get_list()) == 1, "l"))
        call("PipelineRecurringRun.delete", lambda: (recurring.stop(), recurring.delete()))
        call(
            "PipelineRun.delete",
            lambda: (
                until(
                    lambda: status_of(easymaker.PipelineRun, stopped_run.pipeline_run_id),
                    {"STOPPED", "COMPLETE", "FAILED"},
                ),
                stopped_run.delete(),
                run.delete(),
            ),
        )
        call("Pipeline.delete", lambda: pipeline.delete())

    # ---------------------------------------------------------------- CLI (2.1.0) and clean-up
    if not V215:

        def cli(flag, expected):
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "easymaker",
                    flag,
                    "--appkey",
                    APPKEY,
                    "--region",
                    "kr1",
                    "--access_token",
                    TOKEN,
                ],
                capture_output=True,
                text=True,
                timeout=60,
            )
            check(done.returncode == 0 and expected in done.stdout, done.stdout[-300:] + done.stderr[-300:])

        call("python -m easymaker -instance", lambda: cli("-instance", "r2.c8m32"))
        # 2.1.0's CLI reads generic name/id keys that list items do not have (KeyError: 'name')
        call("python -m easymaker -experiment", lambda: cli("-experiment", eid), expect="KeyError: 'name'")
    call("Endpoint.delete", lambda: endpoint.delete())
    call(
        "Model.delete",
        lambda: (until(lambda: len(easymaker.Endpoint.get_list()), {0}), model.delete()),
    )
    call("HyperparameterTuning.delete (finished)", lambda: tuning.delete())
    call("Training.delete (finished)", lambda: easymaker.Training.delete_by_id(tid))
    call(
        "Experiment.delete",
        lambda: (until(lambda: len(easymaker.Training.get_list()), {0}), exp.delete()),
    )
    print("RESULT " + json.dumps(results))


main()
