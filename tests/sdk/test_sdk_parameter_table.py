"""The spec's parameter table (x-sdk-parameter / x-sdk-named, generated into easymaker_api.parameters) agrees with
the create methods: every parameter the table says a method names is in its signature, every other one is typed in
the TypedDict its ``**options`` is annotated with, and no signature parameter is missing from the table."""

from __future__ import annotations

import inspect

import pytest
from easymaker_api.parameters import REQUEST_PARAMETERS

import easymaker

# method -> its request schema; the method's own arguments that are not wire fields (waiting, lookups by another
# name, log following...) are listed beside it
METHODS = [
    (easymaker.Training.run, "TrainingCreateRequest", {"wait", "timeout", "logs"}),
    (easymaker.HyperparameterTuning.run, "HyperparameterTuningCreateRequest", {"wait", "timeout", "logs"}),
    (easymaker.FineTuning.run, "FineTuningCreateRequest", {"wait", "timeout"}),
    (easymaker.Experiment.create, "ExperimentCreateRequest", {"wait", "timeout"}),
    (easymaker.Model.create, "ModelCreateRequest", {"wait", "timeout"}),
    (easymaker.BatchInference.run, "BatchInferenceCreateRequest", {"wait", "timeout", "logs", "model_name"}),
    (easymaker.Endpoint.create, "EndpointCreateRequest", {"wait", "timeout"}),
    (easymaker.EndpointStage.create, "EndpointStageCreateRequest", {"wait", "timeout"}),
    (easymaker.Pipeline.upload, "PipelineUploadRequest", {"wait", "timeout"}),
    (easymaker.PipelineRun.create, "PipelineRunCreateRequest", {"wait", "timeout", "logs", "pipeline_run_name"}),
    (
        easymaker.PipelineRecurringRun.create,
        "PipelineRunCreateRequest",
        {"wait", "timeout", "pipeline_recurring_run_name"},
    ),
]


@pytest.mark.parametrize(("method", "schema", "own"), METHODS, ids=[m[0].__qualname__ for m in METHODS])
def test_signature_and_table_agree(method: object, schema: str, own: set[str]) -> None:
    signature = inspect.signature(method)  # type: ignore[arg-type]
    names = set(signature.parameters) - {"self"}
    rows = REQUEST_PARAMETERS[schema]
    options = signature.parameters["options"]
    assert options.kind is inspect.Parameter.VAR_KEYWORD
    assert options.annotation == f"Unpack[{schema}Options]"
    named = {row.name for row in rows if row.named}
    in_options = {row.name for row in rows if not row.named}
    # PipelineRun.create names the run's fields but not the schedule's (same body as the recurring run)
    missing = named - names
    if method is easymaker.PipelineRun.create:
        missing -= {r.name for r in rows if r.wire.startswith(("schedule", "maxConcurrency", "useCatchup"))}
    assert not missing, f"x-sdk-named lists {sorted(missing)} but {method} does not name them"
    assert not names & in_options, f"{sorted(names & in_options)} are named by {method} but not in x-sdk-named"
    unknown = names - named - own - {"options"}
    assert not unknown, f"{method} names {sorted(unknown)}, which the table does not map"


def test_model_evaluation_flat_batch_arguments_are_the_nested_table() -> None:
    signature = set(inspect.signature(easymaker.ModelEvaluation.create).parameters)
    nested = {row.name for row in REQUEST_PARAMETERS["ModelEvaluationBatchInferenceRequest"]}
    assert nested == {n for n in signature if n.startswith("batch_inference_")}
    top = {row.name for row in REQUEST_PARAMETERS["ModelEvaluationCreateRequest"] if row.named}
    assert top <= signature
