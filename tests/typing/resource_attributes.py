"""Checked by mypy in `make typecheck` (never run): resource attributes have the types the spec gives them.

Each `assert_type` fails type checking when the generated field declarations drift from what users rely on.
"""

from __future__ import annotations

from typing import Any, assert_type

from easymaker_api.fields import (
    ExperimentFields,
    InstanceTypeFields,
    ModelSummaryFields,
    TagFields,
    TrialFields,
)

import easymaker


def training_attributes(training: easymaker.Training) -> None:
    assert_type(training.training_id, str | None)
    assert_type(training.training_status_code, str | None)
    assert_type(training.timeout_minutes, int | None)
    assert_type(training.use_torchrun, bool | None)
    assert_type(training.experiment, ExperimentFields | None)
    assert_type(training.instance_type, InstanceTypeFields | None)  # the 2.1.x name of the wire field "flavor"
    assert_type(training.flavor, InstanceTypeFields | None)
    assert_type(training.tag_list, list[TagFields] | None)
    assert_type(training.model_list, list[ModelSummaryFields] | None)
    assert_type(training.to_dict(), dict[str, Any])
    if training.experiment is not None:
        assert_type(training.experiment.experiment_name, str | None)


def tuning_attributes(tuning: easymaker.HyperparameterTuning) -> None:
    assert_type(tuning.hyperparameter_tuning_status_code, str | None)
    assert_type(tuning.optimal_trial, TrialFields | None)
    assert_type(tuning.trial_list, list[TrialFields] | None)


def other_resources(
    model: easymaker.Model,
    endpoint: easymaker.Endpoint,
    batch: easymaker.BatchInference,
    evaluation: easymaker.ModelEvaluation,
    run: easymaker.PipelineRun,
) -> None:
    assert_type(model.model_status_code, str | None)
    assert_type(endpoint.endpoint_status_code, str | None)
    assert_type(batch.batch_inference_status_code, str | None)
    assert_type(batch.model, ModelSummaryFields | None)
    assert_type(evaluation.model_evaluation_status_code, str | None)
    assert_type(run.pipeline_run_status_code, str | None)
