"""Lookup items and nested value objects of responses, under their 2.1.x names (``Image``, ``InstanceType``,
``Algorithm``, ``Trial``, ``ApigwStage``, ``ConfusionMatrix``, ...).

Each is a `Record` (attribute access over the wire dict, so fields the server adds are kept) with the 2.1.x field
names as known attributes (an absent one reads as ``None``), keyword construction (``Image(image_name="x")``),
``model_dump()`` (the wire form without ``None`` values) and ``print_info()`` (that, as indented JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from easymaker_api.fields import (
    AlgorithmFields,
    ApigwStageFields,
    AutoScalerFields,
    ConfidenceMetricFields,
    ConfusionMatrixAnnotationSpecFields,
    ConfusionMatrixFields,
    EvaluationMetricsFields,
    ImageFields,
    InstanceTypeFields,
    ModelEvaluationBatchInferenceFields,
    ModelParameterSpecFields,
    ModelPresetMetadataFields,
    PipelineParameterSpecFields,
    StorageFields,
    TrialFields,
    TrialMetricFields,
)

from easymaker.resources.record import Record


class Item(Record):
    """Base of the lookup items and nested value objects (the 2.1.x ``BaseModel``)."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _nested_types: ClassVar[dict[str, str]] = {}

    def __init__(self, data: Mapping[str, Any] | None = None, /, *, client: Any = None, **fields: Any) -> None:
        super().__init__(data, client=client)
        for key, value in fields.items():
            self._set_field(key, value)

    def _known_fields(self) -> frozenset[str]:
        return frozenset(self._fields)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._fields:
            self._set_field(name, value)
        else:
            object.__setattr__(self, name, value)


class Image(Item, ImageFields):
    """A container image (``get_image_list()``)."""

    _fields = (
        "image_id",
        "image_name",
        "image_type_code",
        "core_type_code",
        "framework_code",
        "framework_version",
        "python_version",
        "description",
    )


class InstanceType(Item, InstanceTypeFields):
    """An instance type (flavor) of ``get_instance_type_list()``: ``name`` is what ``instance_type_name`` takes."""

    _fields = ("id_", "name_", "vcpus", "ram", "disk", "gpu", "gpu_count", "gpu_memory")

    @property
    def id(self) -> str | None:
        value = self._data.get("id")
        return None if value is None else str(value)

    @property
    def name(self) -> str | None:
        value = self._data.get("name")
        return None if value is None else str(value)


class Storage(Item, StorageFields):
    """A boot or data storage of a job: ``storage_size`` in GB."""

    _fields = ("storage_size",)


class TrialMetric(Item, TrialMetricFields):
    """One metric of a tuning trial."""

    _fields = ("trial_metric_name", "trial_metric_latest_value", "trial_metric_min_value", "trial_metric_max_value")


class Trial(Item, TrialFields):
    """A hyperparameter tuning trial (``optimal_trial``)."""

    _fields = (
        "trial_id",
        "trial_name",
        "trial_status_code",
        "hyperparameter_tuning_id",
        "hyperparameter_list",
        "trial_metric_list",
    )
    _nested_types = {"trialMetricList": "TrialMetric", "hyperparameterList": "Parameter"}


class Algorithm(Item, AlgorithmFields):
    """An NHN Cloud algorithm (``get_algorithm_list()``)."""

    _fields = (
        "algorithm_id",
        "algorithm_name",
        "cpu_training_image_id",
        "cpu_training_image_name",
        "gpu_training_image_id",
        "gpu_training_image_name",
        "hyperparameter_spec_list",
        "algorithm_dataset_schema",
        "description",
    )


class ApigwStage(Item, ApigwStageFields):
    """The API Gateway stage behind an endpoint stage."""

    _fields = ("stage_id", "stage_url", "deploy_status")


class AutoScaler(Item, AutoScalerFields):
    """The node autoscaler of an endpoint stage."""

    _fields = (
        "enable",
        "min_node_count",
        "max_node_count",
        "scale_down_enable",
        "scale_down_util_thresh_percentage",
        "scale_down_unneeded_minute",
        "scale_down_delay_after_add_minute",
    )


class AnnotationSpec(Item, ConfusionMatrixAnnotationSpecFields):
    """A class label of a confusion matrix."""

    _fields = ("id_", "display_name")

    @property
    def id(self) -> str | None:
        value = self._data.get("id")
        return None if value is None else str(value)


class ConfusionMatrix(Item, ConfusionMatrixFields):
    """A confusion matrix: ``annotation_specs`` (the labels) and ``rows``."""

    _fields = ("annotation_specs", "rows")
    _nested_types = {"annotationSpecs": "AnnotationSpec"}


class ConfidenceMetric(Item, ConfidenceMetricFields):
    """Classification metrics at one confidence threshold."""

    _fields = (
        "confidenceThreshold",
        "recall",
        "precision",
        "false_positive_rate",
        "f1_score",
        "f1_score_macro",
        "confusion_matrix",
    )
    _nested_types = {"confusionMatrix": "ConfusionMatrix"}


class ClassificationEvaluationMetrics(Item, EvaluationMetricsFields):
    """The metrics of a classification evaluation."""

    _fields = ("au_prc", "au_roc", "log_loss", "confidence_metrics")
    _nested_types = {"confidenceMetrics": "ConfidenceMetric"}


class RegressionEvaluationMetrics(Item, EvaluationMetricsFields):
    """The metrics of a regression evaluation."""

    _fields = (
        "root_mean_squared_error",
        "mean_absolute_error",
        "mean_absolute_percentage_error",
        "r_squared",
        "root_mean_squared_log_error",
    )


class ModelEvaluationBatchInference(Item, ModelEvaluationBatchInferenceFields):
    """The batch inference a model evaluation ran."""

    _fields = (
        "batch_inference_id",
        "batch_inference_name",
        "instance_count",
        "instance_type",
        "pod_count",
        "max_batch_size",
        "inference_timeout_seconds",
        "output_upload_uri",
        "description",
    )
    _nested_types = {"flavor": "InstanceType", "instanceType": "InstanceType"}


class ModelPresetMetadata(Item, ModelPresetMetadataFields):
    """The metadata of a model preset."""

    _fields = (
        "model_id",
        "model_revision",
        "model_size_gb",
        "model_format_code",
        "license",
        "flavor_id",
        "flavor_name",
    )


class ModelParameterSpec(Item, ModelParameterSpecFields):
    """One parameter a model preset accepts (``get_parameter_spec_list()``)."""

    _fields = (
        "parameter_name",
        "parameter_type_code",
        "parameter_data_type_code",
        "parameter_action_code",
        "model_format_code",
        "default_value",
        "min_value",
        "max_value",
        "allowed_values",
        "is_optional",
        "is_user_editable",
        "need_encrypt",
        "description",
    )


class PipelineParameterSpec(Item, PipelineParameterSpecFields):
    """One parameter a pipeline declares."""

    _fields = ("parameter_name", "parameter_type", "default_value", "is_optional", "description")


ITEM_CLASSES: dict[str, type[Item]] = {
    cls.__name__: cls
    for cls in (
        Image,
        InstanceType,
        Storage,
        TrialMetric,
        Trial,
        Algorithm,
        ApigwStage,
        AutoScaler,
        AnnotationSpec,
        ConfusionMatrix,
        ConfidenceMetric,
        ClassificationEvaluationMetrics,
        RegressionEvaluationMetrics,
        ModelEvaluationBatchInference,
        ModelPresetMetadata,
        ModelParameterSpec,
        PipelineParameterSpec,
    )
}

__all__ = [*ITEM_CLASSES, "ITEM_CLASSES", "Item"]
