"""Lookup items and nested value objects of responses, under their 2.1.x names (``Image``, ``InstanceType``,
``Algorithm``, ``Trial``, ``ApigwStage``, ``ConfusionMatrix``, ...).

Each is a `Record` (attribute access over the wire dict, so fields the server adds are kept) with its schema's
fields (and the 2.1.x names the spec lacks) as known attributes (an absent one reads as ``None``), keyword construction (``Image(image_name="x")``),
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

    # The attributes an item knows (absent ones read as None) are its schema's, from the generated ``<Schema>Fields``
    # mixin, plus the 2.1.x names the spec does not have.
    _extra_fields: ClassVar[frozenset[str]] = frozenset()
    _nested_types: ClassVar[dict[str, str]] = {}

    def __init__(self, data: Mapping[str, Any] | None = None, /, *, client: Any = None, **fields: Any) -> None:
        super().__init__(data, client=client)
        for key, value in fields.items():
            self._set_field(key, value)

    def _known_fields(self) -> frozenset[str]:
        return super()._known_fields() | self._extra_fields

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._known_fields():
            self._set_field(name, value)
        else:
            object.__setattr__(self, name, value)


class Image(Item, ImageFields):
    """A container image (``get_image_list()``)."""


class InstanceType(Item, InstanceTypeFields):
    """An instance type (flavor) of ``get_instance_type_list()``: ``name`` is what ``instance_type_name`` takes."""

    _extra_fields = frozenset({"id_", "name_"})

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


class TrialMetric(Item, TrialMetricFields):
    """One metric of a tuning trial."""


class Trial(Item, TrialFields):
    """A hyperparameter tuning trial (``optimal_trial``)."""

    _nested_types = {"trialMetricList": "TrialMetric", "hyperparameterList": "Parameter"}


class Algorithm(Item, AlgorithmFields):
    """An NHN Cloud algorithm (``get_algorithm_list()``)."""

    _extra_fields = frozenset({"cpu_training_image_name", "gpu_training_image_name"})


class ApigwStage(Item, ApigwStageFields):
    """The API Gateway stage behind an endpoint stage."""


class AutoScaler(Item, AutoScalerFields):
    """The node autoscaler of an endpoint stage."""


class AnnotationSpec(Item, ConfusionMatrixAnnotationSpecFields):
    """A class label of a confusion matrix."""

    _extra_fields = frozenset({"id_"})

    @property
    def id(self) -> str | None:
        value = self._data.get("id")
        return None if value is None else str(value)


class ConfusionMatrix(Item, ConfusionMatrixFields):
    """A confusion matrix: ``annotation_specs`` (the labels) and ``rows``."""

    _nested_types = {"annotationSpecs": "AnnotationSpec"}


class ConfidenceMetric(Item, ConfidenceMetricFields):
    """Classification metrics at one confidence threshold."""

    _extra_fields = frozenset({"confidenceThreshold"})
    _nested_types = {"confusionMatrix": "ConfusionMatrix"}


class ClassificationEvaluationMetrics(Item, EvaluationMetricsFields):
    """The metrics of a classification evaluation."""

    _nested_types = {"confidenceMetrics": "ConfidenceMetric"}


class RegressionEvaluationMetrics(Item, EvaluationMetricsFields):
    """The metrics of a regression evaluation."""


class ModelEvaluationBatchInference(Item, ModelEvaluationBatchInferenceFields):
    """The batch inference a model evaluation ran."""

    _extra_fields = frozenset({"description"})
    _nested_types = {"flavor": "InstanceType", "instanceType": "InstanceType"}


class ModelPresetMetadata(Item, ModelPresetMetadataFields):
    """The metadata of a model preset."""


class ModelParameterSpec(Item, ModelParameterSpecFields):
    """One parameter a model preset accepts (``get_parameter_spec_list()``)."""

    _extra_fields = frozenset({"description"})


class PipelineParameterSpec(Item, PipelineParameterSpecFields):
    """One parameter a pipeline declares."""

    _extra_fields = frozenset({"description"})


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
