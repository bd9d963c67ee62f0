"""Typed, read-only attributes of the response schemas: one ``<Schema>Fields`` mixin per schema.

Generated from the spec (see ``codegen/fields.py``). A class that mixes one in supplies ``_field(wire_name)``,
which returns the value of that wire field (nested objects already wrapped) or ``None`` when it is absent.
``__fields__`` maps attribute names to wire names; ``__nested__`` maps wire names to the schema of a nested object.
"""

from __future__ import annotations

from typing import Any, ClassVar, TextIO


class FieldAccess:
    """Base of the generated mixins."""

    __slots__ = ()
    __schema__: ClassVar[str] = ""
    __fields__: ClassVar[dict[str, str]] = {}
    __nested__: ClassVar[dict[str, str]] = {}

    def _field(self, wire_name: str) -> Any:
        raise NotImplementedError(f"{type(self).__name__} does not hold wire data")

    # What every object holding wire data offers (implemented by the SDK's records), so typed code can call it on
    # a nested object known only by its schema.
    def to_dict(self) -> dict[str, Any]:
        """The wire (camelCase) form."""
        raise NotImplementedError

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """The wire form without ``None`` values."""
        raise NotImplementedError

    def print_info(self, file: TextIO | None = None) -> None:
        """Print the wire form as indented JSON."""
        raise NotImplementedError


class AlgorithmFields(FieldAccess):
    """The attributes of ``#/components/schemas/Algorithm``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Algorithm"
    __fields__: ClassVar[dict[str, str]] = {
        "algorithm_id": "algorithmId",
        "algorithm_name": "algorithmName",
        "description": "description",
        "cpu_training_image_id": "cpuTrainingImageId",
        "gpu_training_image_id": "gpuTrainingImageId",
        "algorithm_dataset_schema": "algorithmDatasetSchema",
        "hyperparameter_spec_list": "hyperparameterSpecList",
        "metric_list": "metricList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "hyperparameterSpecList": "AlgorithmHyperparameterSpec",
    }

    @property
    def algorithm_id(self) -> str | None:
        value: str | None = self._field("algorithmId")
        return value

    @property
    def algorithm_name(self) -> str | None:
        value: str | None = self._field("algorithmName")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def cpu_training_image_id(self) -> str | None:
        value: str | None = self._field("cpuTrainingImageId")
        return value

    @property
    def gpu_training_image_id(self) -> str | None:
        value: str | None = self._field("gpuTrainingImageId")
        return value

    @property
    def algorithm_dataset_schema(self) -> list[Any] | None:
        value: list[Any] | None = self._field("algorithmDatasetSchema")
        return value

    @property
    def hyperparameter_spec_list(self) -> list[AlgorithmHyperparameterSpecFields] | None:
        value: list[AlgorithmHyperparameterSpecFields] | None = self._field("hyperparameterSpecList")
        return value

    @property
    def metric_list(self) -> list[str] | None:
        value: list[str] | None = self._field("metricList")
        return value


class AlgorithmHyperparameterSpecFields(FieldAccess):
    """The attributes of ``#/components/schemas/AlgorithmHyperparameterSpec``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "AlgorithmHyperparameterSpec"
    __fields__: ClassVar[dict[str, str]] = {
        "hyperparameter_name": "hyperparameterName",
        "hyperparameter_type_code": "hyperparameterTypeCode",
        "hyperparameter_min_value": "hyperparameterMinValue",
        "hyperparameter_max_value": "hyperparameterMaxValue",
        "default_value": "defaultValue",
        "description": "description",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def hyperparameter_name(self) -> str | None:
        value: str | None = self._field("hyperparameterName")
        return value

    @property
    def hyperparameter_type_code(self) -> str | None:
        value: str | None = self._field("hyperparameterTypeCode")
        return value

    @property
    def hyperparameter_min_value(self) -> str | None:
        value: str | None = self._field("hyperparameterMinValue")
        return value

    @property
    def hyperparameter_max_value(self) -> str | None:
        value: str | None = self._field("hyperparameterMaxValue")
        return value

    @property
    def default_value(self) -> str | None:
        value: str | None = self._field("defaultValue")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value


class ApigwStageFields(FieldAccess):
    """The attributes of ``#/components/schemas/ApigwStage``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ApigwStage"
    __fields__: ClassVar[dict[str, str]] = {
        "stage_id": "stageId",
        "deploy_status": "deployStatus",
        "stage_url": "stageUrl",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def stage_id(self) -> str | None:
        value: str | None = self._field("stageId")
        return value

    @property
    def deploy_status(self) -> str | None:
        value: str | None = self._field("deployStatus")
        return value

    @property
    def stage_url(self) -> str | None:
        value: str | None = self._field("stageUrl")
        return value


class AutoScalerFields(FieldAccess):
    """The attributes of ``#/components/schemas/AutoScaler``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "AutoScaler"
    __fields__: ClassVar[dict[str, str]] = {
        "enable": "enable",
        "min_node_count": "minNodeCount",
        "max_node_count": "maxNodeCount",
        "scale_down_enable": "scaleDownEnable",
        "scale_down_util_thresh_percentage": "scaleDownUtilThreshPercentage",
        "scale_down_unneeded_minute": "scaleDownUnneededMinute",
        "scale_down_delay_after_add_minute": "scaleDownDelayAfterAddMinute",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def enable(self) -> bool | None:
        value: bool | None = self._field("enable")
        return value

    @property
    def min_node_count(self) -> int | None:
        value: int | None = self._field("minNodeCount")
        return value

    @property
    def max_node_count(self) -> int | None:
        value: int | None = self._field("maxNodeCount")
        return value

    @property
    def scale_down_enable(self) -> bool | None:
        value: bool | None = self._field("scaleDownEnable")
        return value

    @property
    def scale_down_util_thresh_percentage(self) -> int | None:
        value: int | None = self._field("scaleDownUtilThreshPercentage")
        return value

    @property
    def scale_down_unneeded_minute(self) -> int | None:
        value: int | None = self._field("scaleDownUnneededMinute")
        return value

    @property
    def scale_down_delay_after_add_minute(self) -> int | None:
        value: int | None = self._field("scaleDownDelayAfterAddMinute")
        return value


class BatchInferenceFields(FieldAccess):
    """The attributes of ``#/components/schemas/BatchInference``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "BatchInference"
    __fields__: ClassVar[dict[str, str]] = {
        "batch_inference_id": "batchInferenceId",
        "batch_inference_name": "batchInferenceName",
        "batch_inference_status_code": "batchInferenceStatusCode",
        "batch_inference_status_reason": "batchInferenceStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "instance_count": "instanceCount",
        "timeout_minutes": "timeoutMinutes",
        "pod_count": "podCount",
        "max_batch_size": "maxBatchSize",
        "inference_timeout_seconds": "inferenceTimeoutSeconds",
        "input_file_count": "inputFileCount",
        "input_data_count": "inputDataCount",
        "process_count": "processCount",
        "success2_xx_count": "success2XxCount",
        "success2xx_count": "success2XxCount",
        "fail4_xx_count": "fail4XxCount",
        "fail4xx_count": "fail4XxCount",
        "fail5_xx_count": "fail5XxCount",
        "fail5xx_count": "fail5XxCount",
        "elapsed_time_seconds": "elapsedTimeSeconds",
        "image": "image",
        "model": "model",
        "model_id": "modelId",
        "input_data_uri": "inputDataUri",
        "input_data_type_code": "inputDataTypeCode",
        "include_glob_pattern": "includeGlobPattern",
        "exclude_glob_pattern": "excludeGlobPattern",
        "output_upload_uri": "outputUploadUri",
        "log_and_crash_app_key": "logAndCrashAppKey",
        "flavor": "flavor",
        "instance_type": "flavor",
        "boot_storage": "bootStorage",
        "data_storage_list": "dataStorageList",
        "tag_list": "tagList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "image": "Image",
        "model": "ModelSummary",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "bootStorage": "Storage",
        "dataStorageList": "Storage",
        "tagList": "Tag",
    }

    @property
    def batch_inference_id(self) -> str | None:
        value: str | None = self._field("batchInferenceId")
        return value

    @property
    def batch_inference_name(self) -> str | None:
        value: str | None = self._field("batchInferenceName")
        return value

    @property
    def batch_inference_status_code(self) -> str | None:
        value: str | None = self._field("batchInferenceStatusCode")
        return value

    @property
    def batch_inference_status_reason(self) -> str | None:
        value: str | None = self._field("batchInferenceStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def timeout_minutes(self) -> int | None:
        value: int | None = self._field("timeoutMinutes")
        return value

    @property
    def pod_count(self) -> int | None:
        value: int | None = self._field("podCount")
        return value

    @property
    def max_batch_size(self) -> int | None:
        value: int | None = self._field("maxBatchSize")
        return value

    @property
    def inference_timeout_seconds(self) -> int | None:
        value: int | None = self._field("inferenceTimeoutSeconds")
        return value

    @property
    def input_file_count(self) -> int | None:
        value: int | None = self._field("inputFileCount")
        return value

    @property
    def input_data_count(self) -> int | None:
        value: int | None = self._field("inputDataCount")
        return value

    @property
    def process_count(self) -> int | None:
        value: int | None = self._field("processCount")
        return value

    @property
    def success2_xx_count(self) -> int | None:
        value: int | None = self._field("success2XxCount")
        return value

    @property
    def success2xx_count(self) -> int | None:
        value: int | None = self._field("success2XxCount")
        return value

    @property
    def fail4_xx_count(self) -> int | None:
        value: int | None = self._field("fail4XxCount")
        return value

    @property
    def fail4xx_count(self) -> int | None:
        value: int | None = self._field("fail4XxCount")
        return value

    @property
    def fail5_xx_count(self) -> int | None:
        value: int | None = self._field("fail5XxCount")
        return value

    @property
    def fail5xx_count(self) -> int | None:
        value: int | None = self._field("fail5XxCount")
        return value

    @property
    def elapsed_time_seconds(self) -> int | None:
        value: int | None = self._field("elapsedTimeSeconds")
        return value

    @property
    def image(self) -> ImageFields | None:
        value: ImageFields | None = self._field("image")
        return value

    @property
    def model(self) -> ModelSummaryFields | None:
        value: ModelSummaryFields | None = self._field("model")
        return value

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def input_data_uri(self) -> str | None:
        value: str | None = self._field("inputDataUri")
        return value

    @property
    def input_data_type_code(self) -> str | None:
        value: str | None = self._field("inputDataTypeCode")
        return value

    @property
    def include_glob_pattern(self) -> str | None:
        value: str | None = self._field("includeGlobPattern")
        return value

    @property
    def exclude_glob_pattern(self) -> str | None:
        value: str | None = self._field("excludeGlobPattern")
        return value

    @property
    def output_upload_uri(self) -> str | None:
        value: str | None = self._field("outputUploadUri")
        return value

    @property
    def log_and_crash_app_key(self) -> str | None:
        value: str | None = self._field("logAndCrashAppKey")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def data_storage_list(self) -> list[StorageFields] | None:
        value: list[StorageFields] | None = self._field("dataStorageList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value


class ConfidenceMetricFields(FieldAccess):
    """The attributes of ``#/components/schemas/ConfidenceMetric``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ConfidenceMetric"
    __fields__: ClassVar[dict[str, str]] = {
        "confidence_threshold": "confidenceThreshold",
        "recall": "recall",
        "precision": "precision",
        "false_positive_rate": "falsePositiveRate",
        "f1_score": "f1Score",
        "f1_score_macro": "f1ScoreMacro",
        "confusion_matrix": "confusionMatrix",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "confusionMatrix": "ConfusionMatrix",
    }

    @property
    def confidence_threshold(self) -> float | None:
        value: float | None = self._field("confidenceThreshold")
        return value

    @property
    def recall(self) -> float | None:
        value: float | None = self._field("recall")
        return value

    @property
    def precision(self) -> float | None:
        value: float | None = self._field("precision")
        return value

    @property
    def false_positive_rate(self) -> float | None:
        value: float | None = self._field("falsePositiveRate")
        return value

    @property
    def f1_score(self) -> float | None:
        value: float | None = self._field("f1Score")
        return value

    @property
    def f1_score_macro(self) -> float | None:
        value: float | None = self._field("f1ScoreMacro")
        return value

    @property
    def confusion_matrix(self) -> ConfusionMatrixFields | None:
        value: ConfusionMatrixFields | None = self._field("confusionMatrix")
        return value


class ConfusionMatrixFields(FieldAccess):
    """The attributes of ``#/components/schemas/ConfusionMatrix``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ConfusionMatrix"
    __fields__: ClassVar[dict[str, str]] = {
        "annotation_specs": "annotationSpecs",
        "rows": "rows",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "annotationSpecs": "ConfusionMatrixAnnotationSpec",
    }

    @property
    def annotation_specs(self) -> list[ConfusionMatrixAnnotationSpecFields] | None:
        value: list[ConfusionMatrixAnnotationSpecFields] | None = self._field("annotationSpecs")
        return value

    @property
    def rows(self) -> list[list[float]] | None:
        value: list[list[float]] | None = self._field("rows")
        return value


class ConfusionMatrixAnnotationSpecFields(FieldAccess):
    """The attributes of ``#/components/schemas/ConfusionMatrixAnnotationSpec``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ConfusionMatrixAnnotationSpec"
    __fields__: ClassVar[dict[str, str]] = {
        "id": "id",
        "display_name": "displayName",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def id(self) -> str | None:
        value: str | None = self._field("id")
        return value

    @property
    def display_name(self) -> str | None:
        value: str | None = self._field("displayName")
        return value


class DatasetFields(FieldAccess):
    """The attributes of ``#/components/schemas/Dataset``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Dataset"
    __fields__: ClassVar[dict[str, str]] = {
        "dataset_name": "datasetName",
        "data_uri": "dataUri",
        "dataset_format_code": "datasetFormatCode",
        "dataset_split_code": "datasetSplitCode",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def dataset_name(self) -> str | None:
        value: str | None = self._field("datasetName")
        return value

    @property
    def data_uri(self) -> str | None:
        value: str | None = self._field("dataUri")
        return value

    @property
    def dataset_format_code(self) -> str | None:
        value: str | None = self._field("datasetFormatCode")
        return value

    @property
    def dataset_split_code(self) -> str | None:
        value: str | None = self._field("datasetSplitCode")
        return value


class EndpointFields(FieldAccess):
    """The attributes of ``#/components/schemas/Endpoint``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Endpoint"
    __fields__: ClassVar[dict[str, str]] = {
        "endpoint_id": "endpointId",
        "endpoint_name": "endpointName",
        "endpoint_status_code": "endpointStatusCode",
        "endpoint_status_reason": "endpointStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "apigw_app_key": "apigwAppKey",
        "apigw_region": "apigwRegion",
        "apigw_service_id": "apigwServiceId",
        "image": "image",
        "boot_storage": "bootStorage",
        "data_storage_list": "dataStorageList",
        "endpoint_stage_list": "endpointStageList",
        "default_stage": "defaultStage",
        "tag_list": "tagList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "image": "Image",
        "bootStorage": "Storage",
        "dataStorageList": "Storage",
        "endpointStageList": "EndpointStage",
        "defaultStage": "EndpointStage",
        "tagList": "Tag",
    }

    @property
    def endpoint_id(self) -> str | None:
        value: str | None = self._field("endpointId")
        return value

    @property
    def endpoint_name(self) -> str | None:
        value: str | None = self._field("endpointName")
        return value

    @property
    def endpoint_status_code(self) -> str | None:
        value: str | None = self._field("endpointStatusCode")
        return value

    @property
    def endpoint_status_reason(self) -> str | None:
        value: str | None = self._field("endpointStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def apigw_app_key(self) -> str | None:
        value: str | None = self._field("apigwAppKey")
        return value

    @property
    def apigw_region(self) -> str | None:
        value: str | None = self._field("apigwRegion")
        return value

    @property
    def apigw_service_id(self) -> str | None:
        value: str | None = self._field("apigwServiceId")
        return value

    @property
    def image(self) -> ImageFields | None:
        value: ImageFields | None = self._field("image")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def data_storage_list(self) -> list[StorageFields] | None:
        value: list[StorageFields] | None = self._field("dataStorageList")
        return value

    @property
    def endpoint_stage_list(self) -> list[EndpointStageFields] | None:
        value: list[EndpointStageFields] | None = self._field("endpointStageList")
        return value

    @property
    def default_stage(self) -> EndpointStageFields | None:
        value: EndpointStageFields | None = self._field("defaultStage")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value


class EndpointModelFields(FieldAccess):
    """The attributes of ``#/components/schemas/EndpointModel``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "EndpointModel"
    __fields__: ClassVar[dict[str, str]] = {
        "endpoint_model_id": "endpointModelId",
        "endpoint_model_status_code": "endpointModelStatusCode",
        "endpoint_model_status_reason": "endpointModelStatusReason",
        "endpoint_id": "endpointId",
        "endpoint_stage_id": "endpointStageId",
        "model_id": "modelId",
        "image_id": "imageId",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "stage": "stage",
        "model": "model",
        "resource_option_detail": "resourceOptionDetail",
        "pod_auto_scale_enable": "podAutoScaleEnable",
        "scale_metric_code": "scaleMetricCode",
        "scale_metric_target": "scaleMetricTarget",
        "running_pod_count": "runningPodCount",
        "pod_count": "podCount",
        "apigw_resource_uri": "apigwResourceUri",
        "apigw_endpoint_uri": "apigwEndpointUri",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "stage": "ApigwStage",
        "model": "ModelSummary",
        "resourceOptionDetail": "ResourceOptionDetail",
    }

    @property
    def endpoint_model_id(self) -> str | None:
        value: str | None = self._field("endpointModelId")
        return value

    @property
    def endpoint_model_status_code(self) -> str | None:
        value: str | None = self._field("endpointModelStatusCode")
        return value

    @property
    def endpoint_model_status_reason(self) -> str | None:
        value: str | None = self._field("endpointModelStatusReason")
        return value

    @property
    def endpoint_id(self) -> str | None:
        value: str | None = self._field("endpointId")
        return value

    @property
    def endpoint_stage_id(self) -> str | None:
        value: str | None = self._field("endpointStageId")
        return value

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def image_id(self) -> str | None:
        value: str | None = self._field("imageId")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def stage(self) -> ApigwStageFields | None:
        value: ApigwStageFields | None = self._field("stage")
        return value

    @property
    def model(self) -> ModelSummaryFields | None:
        value: ModelSummaryFields | None = self._field("model")
        return value

    @property
    def resource_option_detail(self) -> ResourceOptionDetailFields | None:
        value: ResourceOptionDetailFields | None = self._field("resourceOptionDetail")
        return value

    @property
    def pod_auto_scale_enable(self) -> bool | None:
        value: bool | None = self._field("podAutoScaleEnable")
        return value

    @property
    def scale_metric_code(self) -> str | None:
        value: str | None = self._field("scaleMetricCode")
        return value

    @property
    def scale_metric_target(self) -> int | None:
        value: int | None = self._field("scaleMetricTarget")
        return value

    @property
    def running_pod_count(self) -> int | None:
        value: int | None = self._field("runningPodCount")
        return value

    @property
    def pod_count(self) -> int | None:
        value: int | None = self._field("podCount")
        return value

    @property
    def apigw_resource_uri(self) -> str | None:
        value: str | None = self._field("apigwResourceUri")
        return value

    @property
    def apigw_endpoint_uri(self) -> str | None:
        value: str | None = self._field("apigwEndpointUri")
        return value


class EndpointModelResourceFields(FieldAccess):
    """The attributes of ``#/components/schemas/EndpointModelResource``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "EndpointModelResource"
    __fields__: ClassVar[dict[str, str]] = {
        "model_id": "modelId",
        "resource_option_detail": "resourceOptionDetail",
        "pod_count": "podCount",
        "pod_auto_scale_enable": "podAutoScaleEnable",
        "scale_metric_code": "scaleMetricCode",
        "scale_metric_target": "scaleMetricTarget",
        "description": "description",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "resourceOptionDetail": "ResourceOptionDetail",
    }

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def resource_option_detail(self) -> ResourceOptionDetailFields | None:
        value: ResourceOptionDetailFields | None = self._field("resourceOptionDetail")
        return value

    @property
    def pod_count(self) -> int | None:
        """Pods serving this model (default 1)."""
        value: int | None = self._field("podCount")
        return value

    @property
    def pod_auto_scale_enable(self) -> bool | None:
        value: bool | None = self._field("podAutoScaleEnable")
        return value

    @property
    def scale_metric_code(self) -> str | None:
        value: str | None = self._field("scaleMetricCode")
        return value

    @property
    def scale_metric_target(self) -> int | None:
        value: int | None = self._field("scaleMetricTarget")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value


class EndpointStageFields(FieldAccess):
    """The attributes of ``#/components/schemas/EndpointStage``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "EndpointStage"
    __fields__: ClassVar[dict[str, str]] = {
        "endpoint_stage_id": "endpointStageId",
        "endpoint_stage_name": "endpointStageName",
        "endpoint_stage_status_code": "endpointStageStatusCode",
        "endpoint_stage_status_reason": "endpointStageStatusReason",
        "endpoint_id": "endpointId",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "apigw_stage_id": "apigwStageId",
        "apigw_stage_name": "apigwStageName",
        "apigw_stage_url": "apigwStageUrl",
        "log_and_crash_app_key": "logAndCrashAppKey",
        "expired_datetime": "expiredDatetime",
        "deploy_status": "deployStatus",
        "flavor": "flavor",
        "instance_type": "flavor",
        "auto_scaler": "autoScaler",
        "node_count": "nodeCount",
        "pod_count": "podCount",
        "is_active_node_group_status": "isActiveNodeGroupStatus",
        "is_cluster_latest": "isClusterLatest",
        "default_stage": "defaultStage",
        "is_default_stage": "isDefaultStage",
        "use_log": "useLog",
        "endpoint_model_list": "endpointModelList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "autoScaler": "AutoScaler",
        "endpointModelList": "EndpointModel",
    }

    @property
    def endpoint_stage_id(self) -> str | None:
        value: str | None = self._field("endpointStageId")
        return value

    @property
    def endpoint_stage_name(self) -> str | None:
        value: str | None = self._field("endpointStageName")
        return value

    @property
    def endpoint_stage_status_code(self) -> str | None:
        value: str | None = self._field("endpointStageStatusCode")
        return value

    @property
    def endpoint_stage_status_reason(self) -> str | None:
        value: str | None = self._field("endpointStageStatusReason")
        return value

    @property
    def endpoint_id(self) -> str | None:
        value: str | None = self._field("endpointId")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def apigw_stage_id(self) -> str | None:
        value: str | None = self._field("apigwStageId")
        return value

    @property
    def apigw_stage_name(self) -> str | None:
        value: str | None = self._field("apigwStageName")
        return value

    @property
    def apigw_stage_url(self) -> str | None:
        """Host and optional path of the stage"""
        value: str | None = self._field("apigwStageUrl")
        return value

    @property
    def log_and_crash_app_key(self) -> str | None:
        value: str | None = self._field("logAndCrashAppKey")
        return value

    @property
    def expired_datetime(self) -> str | None:
        value: str | None = self._field("expiredDatetime")
        return value

    @property
    def deploy_status(self) -> str | None:
        value: str | None = self._field("deployStatus")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def auto_scaler(self) -> AutoScalerFields | None:
        value: AutoScalerFields | None = self._field("autoScaler")
        return value

    @property
    def node_count(self) -> int | None:
        value: int | None = self._field("nodeCount")
        return value

    @property
    def pod_count(self) -> int | None:
        value: int | None = self._field("podCount")
        return value

    @property
    def is_active_node_group_status(self) -> bool | None:
        value: bool | None = self._field("isActiveNodeGroupStatus")
        return value

    @property
    def is_cluster_latest(self) -> bool | None:
        value: bool | None = self._field("isClusterLatest")
        return value

    @property
    def default_stage(self) -> bool | None:
        """The default-stage flag as read by the 2.1.0 SDK."""
        value: bool | None = self._field("defaultStage")
        return value

    @property
    def is_default_stage(self) -> bool | None:
        """The default-stage flag as read by the 2.1.5 SDK."""
        value: bool | None = self._field("isDefaultStage")
        return value

    @property
    def use_log(self) -> bool | None:
        value: bool | None = self._field("useLog")
        return value

    @property
    def endpoint_model_list(self) -> list[EndpointModelFields] | None:
        value: list[EndpointModelFields] | None = self._field("endpointModelList")
        return value


class EvaluationMetricsFields(FieldAccess):
    """The attributes of ``#/components/schemas/EvaluationMetrics``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "EvaluationMetrics"
    __fields__: ClassVar[dict[str, str]] = {
        "au_prc": "auPrc",
        "au_roc": "auRoc",
        "log_loss": "logLoss",
        "confidence_metrics": "confidenceMetrics",
        "root_mean_squared_error": "rootMeanSquaredError",
        "mean_absolute_error": "meanAbsoluteError",
        "mean_absolute_percentage_error": "meanAbsolutePercentageError",
        "rsquared": "rsquared",
        "r_squared": "rsquared",
        "root_mean_squared_log_error": "rootMeanSquaredLogError",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "confidenceMetrics": "ConfidenceMetric",
    }

    @property
    def au_prc(self) -> float | None:
        value: float | None = self._field("auPrc")
        return value

    @property
    def au_roc(self) -> float | None:
        value: float | None = self._field("auRoc")
        return value

    @property
    def log_loss(self) -> float | None:
        value: float | None = self._field("logLoss")
        return value

    @property
    def confidence_metrics(self) -> list[ConfidenceMetricFields] | None:
        value: list[ConfidenceMetricFields] | None = self._field("confidenceMetrics")
        return value

    @property
    def root_mean_squared_error(self) -> float | None:
        value: float | None = self._field("rootMeanSquaredError")
        return value

    @property
    def mean_absolute_error(self) -> float | None:
        value: float | None = self._field("meanAbsoluteError")
        return value

    @property
    def mean_absolute_percentage_error(self) -> float | None:
        value: float | None = self._field("meanAbsolutePercentageError")
        return value

    @property
    def rsquared(self) -> float | None:
        value: float | None = self._field("rsquared")
        return value

    @property
    def r_squared(self) -> float | None:
        value: float | None = self._field("rsquared")
        return value

    @property
    def root_mean_squared_log_error(self) -> float | None:
        value: float | None = self._field("rootMeanSquaredLogError")
        return value


class ExperimentFields(FieldAccess):
    """The attributes of ``#/components/schemas/Experiment``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Experiment"
    __fields__: ClassVar[dict[str, str]] = {
        "experiment_id": "experimentId",
        "experiment_name": "experimentName",
        "experiment_status_code": "experimentStatusCode",
        "experiment_status_reason": "experimentStatusReason",
        "description": "description",
        "app_key": "appKey",
        "tensorboard_access_uri": "tensorboardAccessUri",
        "created_datetime": "createdDatetime",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def experiment_id(self) -> str | None:
        value: str | None = self._field("experimentId")
        return value

    @property
    def experiment_name(self) -> str | None:
        value: str | None = self._field("experimentName")
        return value

    @property
    def experiment_status_code(self) -> str | None:
        value: str | None = self._field("experimentStatusCode")
        return value

    @property
    def experiment_status_reason(self) -> str | None:
        value: str | None = self._field("experimentStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def tensorboard_access_uri(self) -> str | None:
        value: str | None = self._field("tensorboardAccessUri")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value


class FineTuningFields(FieldAccess):
    """The attributes of ``#/components/schemas/FineTuning``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "FineTuning"
    __fields__: ClassVar[dict[str, str]] = {
        "fine_tuning_id": "fineTuningId",
        "fine_tuning_name": "fineTuningName",
        "fine_tuning_status_code": "fineTuningStatusCode",
        "fine_tuning_status_reason": "fineTuningStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "base_model_id": "baseModelId",
        "base_model_preset_id": "baseModelPresetId",
        "experiment": "experiment",
        "flavor": "flavor",
        "instance_type": "flavor",
        "instance_count": "instanceCount",
        "timeout_minutes": "timeoutMinutes",
        "elapsed_time_seconds": "elapsedTimeSeconds",
        "dataset_list": "datasetList",
        "hyperparameter_list": "hyperparameterList",
        "model_upload_uri": "modelUploadUri",
        "availability_zone": "availabilityZone",
        "tensorboard_access_uri": "tensorboardAccessUri",
        "boot_storage": "bootStorage",
        "data_storage_list": "dataStorageList",
        "val_set_size": "valSetSize",
        "validation_split_percent": "valSetSize",
        "use_log": "useLog",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "experiment": "Experiment",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "datasetList": "Dataset",
        "hyperparameterList": "Parameter",
        "bootStorage": "Storage",
        "dataStorageList": "Storage",
    }

    @property
    def fine_tuning_id(self) -> str | None:
        value: str | None = self._field("fineTuningId")
        return value

    @property
    def fine_tuning_name(self) -> str | None:
        value: str | None = self._field("fineTuningName")
        return value

    @property
    def fine_tuning_status_code(self) -> str | None:
        value: str | None = self._field("fineTuningStatusCode")
        return value

    @property
    def fine_tuning_status_reason(self) -> str | None:
        value: str | None = self._field("fineTuningStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def base_model_id(self) -> str | None:
        value: str | None = self._field("baseModelId")
        return value

    @property
    def base_model_preset_id(self) -> str | None:
        value: str | None = self._field("baseModelPresetId")
        return value

    @property
    def experiment(self) -> ExperimentFields | None:
        value: ExperimentFields | None = self._field("experiment")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def timeout_minutes(self) -> int | None:
        value: int | None = self._field("timeoutMinutes")
        return value

    @property
    def elapsed_time_seconds(self) -> int | None:
        value: int | None = self._field("elapsedTimeSeconds")
        return value

    @property
    def dataset_list(self) -> list[DatasetFields] | None:
        value: list[DatasetFields] | None = self._field("datasetList")
        return value

    @property
    def hyperparameter_list(self) -> list[ParameterFields] | None:
        value: list[ParameterFields] | None = self._field("hyperparameterList")
        return value

    @property
    def model_upload_uri(self) -> str | None:
        value: str | None = self._field("modelUploadUri")
        return value

    @property
    def availability_zone(self) -> str | None:
        value: str | None = self._field("availabilityZone")
        return value

    @property
    def tensorboard_access_uri(self) -> str | None:
        value: str | None = self._field("tensorboardAccessUri")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def data_storage_list(self) -> list[StorageFields] | None:
        value: list[StorageFields] | None = self._field("dataStorageList")
        return value

    @property
    def val_set_size(self) -> int | None:
        value: int | None = self._field("valSetSize")
        return value

    @property
    def validation_split_percent(self) -> int | None:
        value: int | None = self._field("valSetSize")
        return value

    @property
    def use_log(self) -> bool | None:
        value: bool | None = self._field("useLog")
        return value


class HyperparameterSpecFields(FieldAccess):
    """The attributes of ``#/components/schemas/HyperparameterSpec``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "HyperparameterSpec"
    __fields__: ClassVar[dict[str, str]] = {
        "hyperparameter_name": "hyperparameterName",
        "hyperparameter_type_code": "hyperparameterTypeCode",
        "hyperparameter_min_value": "hyperparameterMinValue",
        "hyperparameter_max_value": "hyperparameterMaxValue",
        "hyperparameter_step": "hyperparameterStep",
        "hyperparameter_specified_values": "hyperparameterSpecifiedValues",
        "is_optional": "isOptional",
        "default_value": "defaultValue",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def hyperparameter_name(self) -> str | None:
        value: str | None = self._field("hyperparameterName")
        return value

    @property
    def hyperparameter_type_code(self) -> str | None:
        value: str | None = self._field("hyperparameterTypeCode")
        return value

    @property
    def hyperparameter_min_value(self) -> str | None:
        value: str | None = self._field("hyperparameterMinValue")
        return value

    @property
    def hyperparameter_max_value(self) -> str | None:
        value: str | None = self._field("hyperparameterMaxValue")
        return value

    @property
    def hyperparameter_step(self) -> str | None:
        value: str | None = self._field("hyperparameterStep")
        return value

    @property
    def hyperparameter_specified_values(self) -> str | None:
        value: str | None = self._field("hyperparameterSpecifiedValues")
        return value

    @property
    def is_optional(self) -> bool | None:
        value: bool | None = self._field("isOptional")
        return value

    @property
    def default_value(self) -> str | None:
        value: str | None = self._field("defaultValue")
        return value


class HyperparameterSpecViewFields(FieldAccess):
    """The attributes of ``#/components/schemas/HyperparameterSpecView``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "HyperparameterSpecView"
    __fields__: ClassVar[dict[str, str]] = {
        "hyperparameter_name": "hyperparameterName",
        "hyperparameter_type_code": "hyperparameterTypeCode",
        "hyperparameter_min_value": "hyperparameterMinValue",
        "hyperparameter_max_value": "hyperparameterMaxValue",
        "hyperparameter_step": "hyperparameterStep",
        "hyperparameter_specified_values": "hyperparameterSpecifiedValues",
        "is_optional": "isOptional",
        "default_value": "defaultValue",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def hyperparameter_name(self) -> str | None:
        value: str | None = self._field("hyperparameterName")
        return value

    @property
    def hyperparameter_type_code(self) -> str | None:
        value: str | None = self._field("hyperparameterTypeCode")
        return value

    @property
    def hyperparameter_min_value(self) -> str | None:
        value: str | None = self._field("hyperparameterMinValue")
        return value

    @property
    def hyperparameter_max_value(self) -> str | None:
        value: str | None = self._field("hyperparameterMaxValue")
        return value

    @property
    def hyperparameter_step(self) -> str | None:
        value: str | None = self._field("hyperparameterStep")
        return value

    @property
    def hyperparameter_specified_values(self) -> str | None:
        value: str | None = self._field("hyperparameterSpecifiedValues")
        return value

    @property
    def is_optional(self) -> bool | None:
        value: bool | None = self._field("isOptional")
        return value

    @property
    def default_value(self) -> str | None:
        value: str | None = self._field("defaultValue")
        return value


class HyperparameterTuningFields(FieldAccess):
    """The attributes of ``#/components/schemas/HyperparameterTuning``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "HyperparameterTuning"
    __fields__: ClassVar[dict[str, str]] = {
        "hyperparameter_tuning_id": "hyperparameterTuningId",
        "hyperparameter_tuning_name": "hyperparameterTuningName",
        "hyperparameter_tuning_status_code": "hyperparameterTuningStatusCode",
        "hyperparameter_tuning_status_reason": "hyperparameterTuningStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "experiment": "experiment",
        "algorithm": "algorithm",
        "flavor": "flavor",
        "instance_type": "flavor",
        "image": "image",
        "instance_count": "instanceCount",
        "parallel_trial_count": "parallelTrialCount",
        "nproc_per_node": "nprocPerNode",
        "use_torchrun": "useTorchrun",
        "use_log": "useLog",
        "timeout_minutes": "timeoutMinutes",
        "elapsed_time_seconds": "elapsedTimeSeconds",
        "source_dir_uri": "sourceDirUri",
        "entry_point": "entryPoint",
        "model_upload_uri": "modelUploadUri",
        "check_point_input_uri": "checkPointInputUri",
        "check_point_upload_uri": "checkPointUploadUri",
        "log_and_crash_app_key": "logAndCrashAppKey",
        "tensorboard_access_uri": "tensorboardAccessUri",
        "tensorboard_access_path": "tensorboardAccessPath",
        "dataset_list": "datasetList",
        "hyperparameter_spec_list": "hyperparameterSpecList",
        "metric_list": "metricList",
        "metric_regex": "metricRegex",
        "objective_metric_name": "objectiveMetricName",
        "objective_type_code": "objectiveTypeCode",
        "objective_goal": "objectiveGoal",
        "max_failed_trial_count": "maxFailedTrialCount",
        "max_trial_count": "maxTrialCount",
        "tuning_strategy_name": "tuningStrategyName",
        "tuning_strategy_random_state": "tuningStrategyRandomState",
        "early_stopping_algorithm": "earlyStoppingAlgorithm",
        "early_stopping_min_trial_count": "earlyStoppingMinTrialCount",
        "early_stopping_start_step": "earlyStoppingStartStep",
        "successful_trial_count": "successfulTrialCount",
        "running_trial_count": "runningTrialCount",
        "failed_trial_count": "failedTrialCount",
        "optimal_trial_id": "optimalTrialId",
        "optimal_trial": "optimalTrial",
        "trial_list": "trialList",
        "tag_list": "tagList",
        "boot_storage": "bootStorage",
        "data_storage_list": "dataStorageList",
        "model_list": "modelList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "experiment": "Experiment",
        "algorithm": "Algorithm",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "image": "Image",
        "datasetList": "Dataset",
        "hyperparameterSpecList": "HyperparameterSpecView",
        "metricList": "Metric",
        "optimalTrial": "Trial",
        "trialList": "Trial",
        "tagList": "Tag",
        "bootStorage": "Storage",
        "dataStorageList": "Storage",
        "modelList": "ModelSummary",
    }

    @property
    def hyperparameter_tuning_id(self) -> str | None:
        value: str | None = self._field("hyperparameterTuningId")
        return value

    @property
    def hyperparameter_tuning_name(self) -> str | None:
        value: str | None = self._field("hyperparameterTuningName")
        return value

    @property
    def hyperparameter_tuning_status_code(self) -> str | None:
        value: str | None = self._field("hyperparameterTuningStatusCode")
        return value

    @property
    def hyperparameter_tuning_status_reason(self) -> str | None:
        value: str | None = self._field("hyperparameterTuningStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def experiment(self) -> ExperimentFields | None:
        value: ExperimentFields | None = self._field("experiment")
        return value

    @property
    def algorithm(self) -> AlgorithmFields | None:
        value: AlgorithmFields | None = self._field("algorithm")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def image(self) -> ImageFields | None:
        value: ImageFields | None = self._field("image")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def parallel_trial_count(self) -> int | None:
        value: int | None = self._field("parallelTrialCount")
        return value

    @property
    def nproc_per_node(self) -> int | None:
        value: int | None = self._field("nprocPerNode")
        return value

    @property
    def use_torchrun(self) -> bool | None:
        value: bool | None = self._field("useTorchrun")
        return value

    @property
    def use_log(self) -> bool | None:
        value: bool | None = self._field("useLog")
        return value

    @property
    def timeout_minutes(self) -> int | None:
        value: int | None = self._field("timeoutMinutes")
        return value

    @property
    def elapsed_time_seconds(self) -> int | None:
        value: int | None = self._field("elapsedTimeSeconds")
        return value

    @property
    def source_dir_uri(self) -> str | None:
        value: str | None = self._field("sourceDirUri")
        return value

    @property
    def entry_point(self) -> str | None:
        value: str | None = self._field("entryPoint")
        return value

    @property
    def model_upload_uri(self) -> str | None:
        value: str | None = self._field("modelUploadUri")
        return value

    @property
    def check_point_input_uri(self) -> str | None:
        value: str | None = self._field("checkPointInputUri")
        return value

    @property
    def check_point_upload_uri(self) -> str | None:
        value: str | None = self._field("checkPointUploadUri")
        return value

    @property
    def log_and_crash_app_key(self) -> str | None:
        value: str | None = self._field("logAndCrashAppKey")
        return value

    @property
    def tensorboard_access_uri(self) -> str | None:
        value: str | None = self._field("tensorboardAccessUri")
        return value

    @property
    def tensorboard_access_path(self) -> str | None:
        value: str | None = self._field("tensorboardAccessPath")
        return value

    @property
    def dataset_list(self) -> list[DatasetFields] | None:
        value: list[DatasetFields] | None = self._field("datasetList")
        return value

    @property
    def hyperparameter_spec_list(self) -> list[HyperparameterSpecViewFields] | None:
        value: list[HyperparameterSpecViewFields] | None = self._field("hyperparameterSpecList")
        return value

    @property
    def metric_list(self) -> list[MetricFields] | None:
        value: list[MetricFields] | None = self._field("metricList")
        return value

    @property
    def metric_regex(self) -> str | None:
        value: str | None = self._field("metricRegex")
        return value

    @property
    def objective_metric_name(self) -> str | None:
        value: str | None = self._field("objectiveMetricName")
        return value

    @property
    def objective_type_code(self) -> str | None:
        value: str | None = self._field("objectiveTypeCode")
        return value

    @property
    def objective_goal(self) -> float | None:
        value: float | None = self._field("objectiveGoal")
        return value

    @property
    def max_failed_trial_count(self) -> int | None:
        value: int | None = self._field("maxFailedTrialCount")
        return value

    @property
    def max_trial_count(self) -> int | None:
        value: int | None = self._field("maxTrialCount")
        return value

    @property
    def tuning_strategy_name(self) -> str | None:
        value: str | None = self._field("tuningStrategyName")
        return value

    @property
    def tuning_strategy_random_state(self) -> int | None:
        """Seed of the RANDOM and BAYESIAN strategies (a 32-bit unsigned integer, as numpy and scikit-optimize take)."""
        value: int | None = self._field("tuningStrategyRandomState")
        return value

    @property
    def early_stopping_algorithm(self) -> str | None:
        value: str | None = self._field("earlyStoppingAlgorithm")
        return value

    @property
    def early_stopping_min_trial_count(self) -> int | None:
        value: int | None = self._field("earlyStoppingMinTrialCount")
        return value

    @property
    def early_stopping_start_step(self) -> int | None:
        value: int | None = self._field("earlyStoppingStartStep")
        return value

    @property
    def successful_trial_count(self) -> int | None:
        value: int | None = self._field("successfulTrialCount")
        return value

    @property
    def running_trial_count(self) -> int | None:
        value: int | None = self._field("runningTrialCount")
        return value

    @property
    def failed_trial_count(self) -> int | None:
        value: int | None = self._field("failedTrialCount")
        return value

    @property
    def optimal_trial_id(self) -> str | None:
        value: str | None = self._field("optimalTrialId")
        return value

    @property
    def optimal_trial(self) -> TrialFields | None:
        value: TrialFields | None = self._field("optimalTrial")
        return value

    @property
    def trial_list(self) -> list[TrialFields] | None:
        value: list[TrialFields] | None = self._field("trialList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def data_storage_list(self) -> list[StorageFields] | None:
        value: list[StorageFields] | None = self._field("dataStorageList")
        return value

    @property
    def model_list(self) -> list[ModelSummaryFields] | None:
        value: list[ModelSummaryFields] | None = self._field("modelList")
        return value


class IaasTokenFields(FieldAccess):
    """The attributes of ``#/components/schemas/IaasToken``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "IaasToken"
    __fields__: ClassVar[dict[str, str]] = {
        "token": "token",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def token(self) -> Any:
        value: Any = self._field("token")
        return value


class ImageFields(FieldAccess):
    """The attributes of ``#/components/schemas/Image``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Image"
    __fields__: ClassVar[dict[str, str]] = {
        "image_id": "imageId",
        "image_name": "imageName",
        "image_type_code": "imageTypeCode",
        "core_type_code": "coreTypeCode",
        "framework_code": "frameworkCode",
        "framework_version": "frameworkVersion",
        "python_version": "pythonVersion",
        "group_type_code": "groupTypeCode",
        "description": "description",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def image_id(self) -> str | None:
        value: str | None = self._field("imageId")
        return value

    @property
    def image_name(self) -> str | None:
        value: str | None = self._field("imageName")
        return value

    @property
    def image_type_code(self) -> str | None:
        value: str | None = self._field("imageTypeCode")
        return value

    @property
    def core_type_code(self) -> str | None:
        value: str | None = self._field("coreTypeCode")
        return value

    @property
    def framework_code(self) -> str | None:
        value: str | None = self._field("frameworkCode")
        return value

    @property
    def framework_version(self) -> str | None:
        value: str | None = self._field("frameworkVersion")
        return value

    @property
    def python_version(self) -> str | None:
        value: str | None = self._field("pythonVersion")
        return value

    @property
    def group_type_code(self) -> str | None:
        value: str | None = self._field("groupTypeCode")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value


class InstanceTypeFields(FieldAccess):
    """The attributes of ``#/components/schemas/InstanceType``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "InstanceType"
    __fields__: ClassVar[dict[str, str]] = {
        "id": "id",
        "name": "name",
        "vcpus": "vcpus",
        "ram": "ram",
        "disk": "disk",
        "gpu_flavor": "gpuFlavor",
        "gpu": "gpuFlavor",
        "gpu_count": "gpuCount",
        "gpu_memory": "gpuMemory",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def id(self) -> str | None:
        value: str | None = self._field("id")
        return value

    @property
    def name(self) -> str | None:
        value: str | None = self._field("name")
        return value

    @property
    def vcpus(self) -> int | None:
        value: int | None = self._field("vcpus")
        return value

    @property
    def ram(self) -> int | None:
        """MiB."""
        value: int | None = self._field("ram")
        return value

    @property
    def disk(self) -> int | None:
        """GB."""
        value: int | None = self._field("disk")
        return value

    @property
    def gpu_flavor(self) -> bool | None:
        value: bool | None = self._field("gpuFlavor")
        return value

    @property
    def gpu(self) -> bool | None:
        value: bool | None = self._field("gpuFlavor")
        return value

    @property
    def gpu_count(self) -> int | None:
        value: int | None = self._field("gpuCount")
        return value

    @property
    def gpu_memory(self) -> int | None:
        value: int | None = self._field("gpuMemory")
        return value


class LogChunkFields(FieldAccess):
    """The attributes of ``#/components/schemas/LogChunk``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "LogChunk"
    __fields__: ClassVar[dict[str, str]] = {
        "resource_id": "resourceId",
        "source": "source",
        "offset": "offset",
        "next_offset": "nextOffset",
        "line_list": "lineList",
        "finished": "finished",
        "status_code": "statusCode",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def resource_id(self) -> str | None:
        value: str | None = self._field("resourceId")
        return value

    @property
    def source(self) -> str | None:
        value: str | None = self._field("source")
        return value

    @property
    def offset(self) -> int | None:
        """The byte offset the lines start at."""
        value: int | None = self._field("offset")
        return value

    @property
    def next_offset(self) -> int | None:
        """The byte offset after the last line returned: pass it as `offset` to continue."""
        value: int | None = self._field("nextOffset")
        return value

    @property
    def line_list(self) -> list[str] | None:
        value: list[str] | None = self._field("lineList")
        return value

    @property
    def finished(self) -> bool | None:
        """The job reached a final status and every line was read."""
        value: bool | None = self._field("finished")
        return value

    @property
    def status_code(self) -> str | None:
        """The resource's status when the chunk was read."""
        value: str | None = self._field("statusCode")
        return value


class LogSourceFields(FieldAccess):
    """The attributes of ``#/components/schemas/LogSource``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "LogSource"
    __fields__: ClassVar[dict[str, str]] = {
        "source": "source",
        "source_type_code": "sourceTypeCode",
        "size_bytes": "sizeBytes",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def source(self) -> str | None:
        """Empty for the job's own log; else the value of `source` that reads this log."""
        value: str | None = self._field("source")
        return value

    @property
    def source_type_code(self) -> str | None:
        """JOB, TRIAL, PIPELINE_STEP or MODEL_WORKER."""
        value: str | None = self._field("sourceTypeCode")
        return value

    @property
    def size_bytes(self) -> int | None:
        value: int | None = self._field("sizeBytes")
        return value


class MetricFields(FieldAccess):
    """The attributes of ``#/components/schemas/Metric``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Metric"
    __fields__: ClassVar[dict[str, str]] = {
        "name": "name",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def name(self) -> str | None:
        value: str | None = self._field("name")
        return value


class MetricPointFields(FieldAccess):
    """The attributes of ``#/components/schemas/MetricPoint``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "MetricPoint"
    __fields__: ClassVar[dict[str, str]] = {
        "step": "step",
        "value": "value",
        "timestamp": "timestamp",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def step(self) -> int | None:
        value: int | None = self._field("step")
        return value

    @property
    def value(self) -> float | None:
        value: float | None = self._field("value")
        return value

    @property
    def timestamp(self) -> float | None:
        value: float | None = self._field("timestamp")
        return value


class MetricSeriesFields(FieldAccess):
    """The attributes of ``#/components/schemas/MetricSeries``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "MetricSeries"
    __fields__: ClassVar[dict[str, str]] = {
        "metric_name": "metricName",
        "latest_value": "latestValue",
        "min_value": "minValue",
        "max_value": "maxValue",
        "history": "history",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "history": "MetricPoint",
    }

    @property
    def metric_name(self) -> str | None:
        value: str | None = self._field("metricName")
        return value

    @property
    def latest_value(self) -> float | None:
        value: float | None = self._field("latestValue")
        return value

    @property
    def min_value(self) -> float | None:
        value: float | None = self._field("minValue")
        return value

    @property
    def max_value(self) -> float | None:
        value: float | None = self._field("maxValue")
        return value

    @property
    def history(self) -> list[MetricPointFields] | None:
        value: list[MetricPointFields] | None = self._field("history")
        return value


class ModelFields(FieldAccess):
    """The attributes of ``#/components/schemas/Model``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Model"
    __fields__: ClassVar[dict[str, str]] = {
        "model_id": "modelId",
        "model_name": "modelName",
        "model_status_code": "modelStatusCode",
        "model_status_reason": "modelStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "training": "training",
        "hyperparameter_tuning": "hyperparameterTuning",
        "fine_tuning": "fineTuning",
        "model_upload_uri": "modelUploadUri",
        "model_format_code": "modelFormatCode",
        "model_type_code": "modelTypeCode",
        "framework_version": "frameworkVersion",
        "parameter_list": "parameterList",
        "tag_list": "tagList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "parameterList": "ModelParameter",
        "tagList": "Tag",
    }

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def model_name(self) -> str | None:
        value: str | None = self._field("modelName")
        return value

    @property
    def model_status_code(self) -> str | None:
        value: str | None = self._field("modelStatusCode")
        return value

    @property
    def model_status_reason(self) -> str | None:
        value: str | None = self._field("modelStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def training(self) -> Any:
        """The training the model came from (kept raw)."""
        value: Any = self._field("training")
        return value

    @property
    def hyperparameter_tuning(self) -> Any:
        """The tuning the model came from (kept raw)."""
        value: Any = self._field("hyperparameterTuning")
        return value

    @property
    def fine_tuning(self) -> Any:
        value: Any = self._field("fineTuning")
        return value

    @property
    def model_upload_uri(self) -> str | None:
        value: str | None = self._field("modelUploadUri")
        return value

    @property
    def model_format_code(self) -> str | None:
        value: str | None = self._field("modelFormatCode")
        return value

    @property
    def model_type_code(self) -> str | None:
        value: str | None = self._field("modelTypeCode")
        return value

    @property
    def framework_version(self) -> str | None:
        value: str | None = self._field("frameworkVersion")
        return value

    @property
    def parameter_list(self) -> list[ModelParameterFields] | None:
        value: list[ModelParameterFields] | None = self._field("parameterList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value


class ModelEvaluationFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelEvaluation``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelEvaluation"
    __fields__: ClassVar[dict[str, str]] = {
        "model_evaluation_id": "modelEvaluationId",
        "model_evaluation_name": "modelEvaluationName",
        "model_evaluation_status_code": "modelEvaluationStatusCode",
        "model_evaluation_status_reason": "modelEvaluationStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "model": "model",
        "model_id": "modelId",
        "objective_code": "objectiveCode",
        "class_names": "classNames",
        "availability_zone": "availabilityZone",
        "input_data_uri": "inputDataUri",
        "input_data_type_code": "inputDataTypeCode",
        "target_field_name": "targetFieldName",
        "flavor": "flavor",
        "instance_type": "flavor",
        "batch_inference": "batchInference",
        "timeout_hours": "timeoutHours",
        "timeout_minutes": "timeoutMinutes",
        "boot_storage_size": "bootStorageSize",
        "data_storage_size": "dataStorageSize",
        "generate_feature_attributions": "generateFeatureAttributions",
        "metrics": "metrics",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "model": "ModelSummary",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "batchInference": "ModelEvaluationBatchInference",
        "metrics": "EvaluationMetrics",
    }

    @property
    def model_evaluation_id(self) -> str | None:
        value: str | None = self._field("modelEvaluationId")
        return value

    @property
    def model_evaluation_name(self) -> str | None:
        value: str | None = self._field("modelEvaluationName")
        return value

    @property
    def model_evaluation_status_code(self) -> str | None:
        value: str | None = self._field("modelEvaluationStatusCode")
        return value

    @property
    def model_evaluation_status_reason(self) -> str | None:
        value: str | None = self._field("modelEvaluationStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def model(self) -> ModelSummaryFields | None:
        value: ModelSummaryFields | None = self._field("model")
        return value

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def objective_code(self) -> str | None:
        value: str | None = self._field("objectiveCode")
        return value

    @property
    def class_names(self) -> str | None:
        value: str | None = self._field("classNames")
        return value

    @property
    def availability_zone(self) -> str | None:
        value: str | None = self._field("availabilityZone")
        return value

    @property
    def input_data_uri(self) -> str | None:
        value: str | None = self._field("inputDataUri")
        return value

    @property
    def input_data_type_code(self) -> str | None:
        value: str | None = self._field("inputDataTypeCode")
        return value

    @property
    def target_field_name(self) -> str | None:
        value: str | None = self._field("targetFieldName")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def batch_inference(self) -> ModelEvaluationBatchInferenceFields | None:
        value: ModelEvaluationBatchInferenceFields | None = self._field("batchInference")
        return value

    @property
    def timeout_hours(self) -> int | None:
        value: int | None = self._field("timeoutHours")
        return value

    @property
    def timeout_minutes(self) -> int | None:
        value: int | None = self._field("timeoutMinutes")
        return value

    @property
    def boot_storage_size(self) -> int | None:
        value: int | None = self._field("bootStorageSize")
        return value

    @property
    def data_storage_size(self) -> int | None:
        value: int | None = self._field("dataStorageSize")
        return value

    @property
    def generate_feature_attributions(self) -> bool | None:
        value: bool | None = self._field("generateFeatureAttributions")
        return value

    @property
    def metrics(self) -> EvaluationMetricsFields | None:
        value: EvaluationMetricsFields | None = self._field("metrics")
        return value


class ModelEvaluationBatchInferenceFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelEvaluationBatchInference``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelEvaluationBatchInference"
    __fields__: ClassVar[dict[str, str]] = {
        "batch_inference_id": "batchInferenceId",
        "batch_inference_name": "batchInferenceName",
        "flavor": "flavor",
        "instance_type": "flavor",
        "instance_count": "instanceCount",
        "pod_count": "podCount",
        "output_upload_uri": "outputUploadUri",
        "max_batch_size": "maxBatchSize",
        "inference_timeout_seconds": "inferenceTimeoutSeconds",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "flavor": "InstanceType",
        "flavor": "InstanceType",
    }

    @property
    def batch_inference_id(self) -> str | None:
        value: str | None = self._field("batchInferenceId")
        return value

    @property
    def batch_inference_name(self) -> str | None:
        value: str | None = self._field("batchInferenceName")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def pod_count(self) -> int | None:
        value: int | None = self._field("podCount")
        return value

    @property
    def output_upload_uri(self) -> str | None:
        value: str | None = self._field("outputUploadUri")
        return value

    @property
    def max_batch_size(self) -> int | None:
        value: int | None = self._field("maxBatchSize")
        return value

    @property
    def inference_timeout_seconds(self) -> int | None:
        value: int | None = self._field("inferenceTimeoutSeconds")
        return value


class ModelParameterFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelParameter``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelParameter"
    __fields__: ClassVar[dict[str, str]] = {
        "parameter_name": "parameterName",
        "parameter_value": "parameterValue",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def parameter_name(self) -> str | None:
        value: str | None = self._field("parameterName")
        return value

    @property
    def parameter_value(self) -> str | None:
        value: str | None = self._field("parameterValue")
        return value


class ModelParameterSpecFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelParameterSpec``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelParameterSpec"
    __fields__: ClassVar[dict[str, str]] = {
        "model_format_code": "modelFormatCode",
        "parameter_name": "parameterName",
        "parameter_action_code": "parameterActionCode",
        "is_optional": "isOptional",
        "default_value": "defaultValue",
        "min_value": "minValue",
        "max_value": "maxValue",
        "need_encrypt": "needEncrypt",
        "parameter_type_code": "parameterTypeCode",
        "parameter_data_type_code": "parameterDataTypeCode",
        "is_user_editable": "isUserEditable",
        "allowed_values": "allowedValues",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def model_format_code(self) -> str | None:
        value: str | None = self._field("modelFormatCode")
        return value

    @property
    def parameter_name(self) -> str | None:
        value: str | None = self._field("parameterName")
        return value

    @property
    def parameter_action_code(self) -> str | None:
        value: str | None = self._field("parameterActionCode")
        return value

    @property
    def is_optional(self) -> bool | None:
        value: bool | None = self._field("isOptional")
        return value

    @property
    def default_value(self) -> str | None:
        value: str | None = self._field("defaultValue")
        return value

    @property
    def min_value(self) -> str | None:
        value: str | None = self._field("minValue")
        return value

    @property
    def max_value(self) -> str | None:
        value: str | None = self._field("maxValue")
        return value

    @property
    def need_encrypt(self) -> bool | None:
        value: bool | None = self._field("needEncrypt")
        return value

    @property
    def parameter_type_code(self) -> str | None:
        value: str | None = self._field("parameterTypeCode")
        return value

    @property
    def parameter_data_type_code(self) -> str | None:
        value: str | None = self._field("parameterDataTypeCode")
        return value

    @property
    def is_user_editable(self) -> bool | None:
        value: bool | None = self._field("isUserEditable")
        return value

    @property
    def allowed_values(self) -> str | None:
        value: str | None = self._field("allowedValues")
        return value


class ModelPresetFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelPreset``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelPreset"
    __fields__: ClassVar[dict[str, str]] = {
        "model_preset_id": "modelPresetId",
        "model_preset_name": "modelPresetName",
        "repository_type_code": "repositoryTypeCode",
        "exposure_scope_code": "exposureScopeCode",
        "exposure_order": "exposureOrder",
        "description": "description",
        "created_datetime": "createdDatetime",
        "updated_datetime": "updatedDatetime",
        "metadata": "metadata",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "metadata": "ModelPresetMetadata",
    }

    @property
    def model_preset_id(self) -> str | None:
        value: str | None = self._field("modelPresetId")
        return value

    @property
    def model_preset_name(self) -> str | None:
        value: str | None = self._field("modelPresetName")
        return value

    @property
    def repository_type_code(self) -> str | None:
        value: str | None = self._field("repositoryTypeCode")
        return value

    @property
    def exposure_scope_code(self) -> str | None:
        value: str | None = self._field("exposureScopeCode")
        return value

    @property
    def exposure_order(self) -> int | None:
        value: int | None = self._field("exposureOrder")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def updated_datetime(self) -> str | None:
        value: str | None = self._field("updatedDatetime")
        return value

    @property
    def metadata(self) -> ModelPresetMetadataFields | None:
        value: ModelPresetMetadataFields | None = self._field("metadata")
        return value


class ModelPresetMetadataFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelPresetMetadata``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelPresetMetadata"
    __fields__: ClassVar[dict[str, str]] = {
        "model_format_code": "modelFormatCode",
        "model_id": "modelId",
        "model_revision": "modelRevision",
        "model_size_gb": "modelSizeGb",
        "license": "license",
        "flavor_id": "flavorId",
        "flavor_name": "flavorName",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def model_format_code(self) -> str | None:
        value: str | None = self._field("modelFormatCode")
        return value

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def model_revision(self) -> str | None:
        value: str | None = self._field("modelRevision")
        return value

    @property
    def model_size_gb(self) -> float | None:
        value: float | None = self._field("modelSizeGb")
        return value

    @property
    def license(self) -> str | None:
        value: str | None = self._field("license")
        return value

    @property
    def flavor_id(self) -> str | None:
        value: str | None = self._field("flavorId")
        return value

    @property
    def flavor_name(self) -> str | None:
        value: str | None = self._field("flavorName")
        return value


class ModelSummaryFields(FieldAccess):
    """The attributes of ``#/components/schemas/ModelSummary``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ModelSummary"
    __fields__: ClassVar[dict[str, str]] = {
        "model_id": "modelId",
        "model_name": "modelName",
        "model_status_code": "modelStatusCode",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def model_id(self) -> str | None:
        value: str | None = self._field("modelId")
        return value

    @property
    def model_name(self) -> str | None:
        value: str | None = self._field("modelName")
        return value

    @property
    def model_status_code(self) -> str | None:
        value: str | None = self._field("modelStatusCode")
        return value


class NasFields(FieldAccess):
    """The attributes of ``#/components/schemas/Nas``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Nas"
    __fields__: ClassVar[dict[str, str]] = {
        "mount_dir_name": "mountDirName",
        "nas_uri": "nasUri",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def mount_dir_name(self) -> str | None:
        value: str | None = self._field("mountDirName")
        return value

    @property
    def nas_uri(self) -> str | None:
        value: str | None = self._field("nasUri")
        return value


class ObjectiveMetricFields(FieldAccess):
    """The attributes of ``#/components/schemas/ObjectiveMetric``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ObjectiveMetric"
    __fields__: ClassVar[dict[str, str]] = {
        "name": "name",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def name(self) -> str | None:
        value: str | None = self._field("name")
        return value


class PagingFields(FieldAccess):
    """The attributes of ``#/components/schemas/Paging``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Paging"
    __fields__: ClassVar[dict[str, str]] = {
        "page": "page",
        "limit": "limit",
        "total_count": "totalCount",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def page(self) -> int | None:
        value: int | None = self._field("page")
        return value

    @property
    def limit(self) -> int | None:
        value: int | None = self._field("limit")
        return value

    @property
    def total_count(self) -> int | None:
        value: int | None = self._field("totalCount")
        return value


class ParameterFields(FieldAccess):
    """The attributes of ``#/components/schemas/Parameter``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Parameter"
    __fields__: ClassVar[dict[str, str]] = {
        "parameter_name": "parameterName",
        "parameter_value": "parameterValue",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def parameter_name(self) -> str | None:
        value: str | None = self._field("parameterName")
        return value

    @property
    def parameter_value(self) -> str | None:
        value: str | None = self._field("parameterValue")
        return value


class PipelineFields(FieldAccess):
    """The attributes of ``#/components/schemas/Pipeline``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Pipeline"
    __fields__: ClassVar[dict[str, str]] = {
        "pipeline_id": "pipelineId",
        "pipeline_name": "pipelineName",
        "pipeline_status_code": "pipelineStatusCode",
        "pipeline_status_reason": "pipelineStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "pipeline_parameter_spec_list": "pipelineParameterSpecList",
        "tag_list": "tagList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "pipelineParameterSpecList": "PipelineParameterSpec",
        "tagList": "Tag",
    }

    @property
    def pipeline_id(self) -> str | None:
        value: str | None = self._field("pipelineId")
        return value

    @property
    def pipeline_name(self) -> str | None:
        value: str | None = self._field("pipelineName")
        return value

    @property
    def pipeline_status_code(self) -> str | None:
        value: str | None = self._field("pipelineStatusCode")
        return value

    @property
    def pipeline_status_reason(self) -> str | None:
        value: str | None = self._field("pipelineStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def pipeline_parameter_spec_list(self) -> list[PipelineParameterSpecFields] | None:
        value: list[PipelineParameterSpecFields] | None = self._field("pipelineParameterSpecList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value


class PipelineParameterSpecFields(FieldAccess):
    """The attributes of ``#/components/schemas/PipelineParameterSpec``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "PipelineParameterSpec"
    __fields__: ClassVar[dict[str, str]] = {
        "parameter_name": "parameterName",
        "parameter_type": "parameterType",
        "is_optional": "isOptional",
        "default_value": "defaultValue",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def parameter_name(self) -> str | None:
        value: str | None = self._field("parameterName")
        return value

    @property
    def parameter_type(self) -> str | None:
        value: str | None = self._field("parameterType")
        return value

    @property
    def is_optional(self) -> bool | None:
        value: bool | None = self._field("isOptional")
        return value

    @property
    def default_value(self) -> str | None:
        value: str | None = self._field("defaultValue")
        return value


class PipelineRecurringRunFields(FieldAccess):
    """The attributes of ``#/components/schemas/PipelineRecurringRun``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "PipelineRecurringRun"
    __fields__: ClassVar[dict[str, str]] = {
        "pipeline_recurring_run_id": "pipelineRecurringRunId",
        "pipeline_recurring_run_name": "pipelineRecurringRunName",
        "pipeline_recurring_run_status_code": "pipelineRecurringRunStatusCode",
        "pipeline_recurring_run_status_reason": "pipelineRecurringRunStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "pipeline": "pipeline",
        "experiment": "experiment",
        "flavor": "flavor",
        "instance_type": "flavor",
        "instance_count": "instanceCount",
        "boot_storage": "bootStorage",
        "nas_list": "nasList",
        "parameter_list": "parameterList",
        "schedule_periodic_minutes": "schedulePeriodicMinutes",
        "schedule_cron_expression": "scheduleCronExpression",
        "max_concurrency_count": "maxConcurrencyCount",
        "schedule_start_datetime": "scheduleStartDatetime",
        "schedule_end_datetime": "scheduleEndDatetime",
        "use_catchup": "useCatchup",
        "pipeline_run_list": "pipelineRunList",
        "tag_list": "tagList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "pipeline": "PipelineSummary",
        "experiment": "Experiment",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "bootStorage": "Storage",
        "nasList": "Nas",
        "parameterList": "Parameter",
        "pipelineRunList": "PipelineRunSummary",
        "tagList": "Tag",
    }

    @property
    def pipeline_recurring_run_id(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunId")
        return value

    @property
    def pipeline_recurring_run_name(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunName")
        return value

    @property
    def pipeline_recurring_run_status_code(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunStatusCode")
        return value

    @property
    def pipeline_recurring_run_status_reason(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def pipeline(self) -> PipelineSummaryFields | None:
        value: PipelineSummaryFields | None = self._field("pipeline")
        return value

    @property
    def experiment(self) -> ExperimentFields | None:
        value: ExperimentFields | None = self._field("experiment")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def nas_list(self) -> list[NasFields] | None:
        value: list[NasFields] | None = self._field("nasList")
        return value

    @property
    def parameter_list(self) -> list[ParameterFields] | None:
        value: list[ParameterFields] | None = self._field("parameterList")
        return value

    @property
    def schedule_periodic_minutes(self) -> int | None:
        value: int | None = self._field("schedulePeriodicMinutes")
        return value

    @property
    def schedule_cron_expression(self) -> str | None:
        value: str | None = self._field("scheduleCronExpression")
        return value

    @property
    def max_concurrency_count(self) -> int | None:
        value: int | None = self._field("maxConcurrencyCount")
        return value

    @property
    def schedule_start_datetime(self) -> str | None:
        value: str | None = self._field("scheduleStartDatetime")
        return value

    @property
    def schedule_end_datetime(self) -> str | None:
        value: str | None = self._field("scheduleEndDatetime")
        return value

    @property
    def use_catchup(self) -> bool | None:
        value: bool | None = self._field("useCatchup")
        return value

    @property
    def pipeline_run_list(self) -> list[PipelineRunSummaryFields] | None:
        value: list[PipelineRunSummaryFields] | None = self._field("pipelineRunList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value


class PipelineRecurringRunSummaryFields(FieldAccess):
    """The attributes of ``#/components/schemas/PipelineRecurringRunSummary``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "PipelineRecurringRunSummary"
    __fields__: ClassVar[dict[str, str]] = {
        "pipeline_recurring_run_id": "pipelineRecurringRunId",
        "pipeline_recurring_run_name": "pipelineRecurringRunName",
        "pipeline_recurring_run_status_code": "pipelineRecurringRunStatusCode",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def pipeline_recurring_run_id(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunId")
        return value

    @property
    def pipeline_recurring_run_name(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunName")
        return value

    @property
    def pipeline_recurring_run_status_code(self) -> str | None:
        value: str | None = self._field("pipelineRecurringRunStatusCode")
        return value


class PipelineRunFields(FieldAccess):
    """The attributes of ``#/components/schemas/PipelineRun``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "PipelineRun"
    __fields__: ClassVar[dict[str, str]] = {
        "pipeline_run_id": "pipelineRunId",
        "pipeline_run_name": "pipelineRunName",
        "pipeline_run_status_code": "pipelineRunStatusCode",
        "pipeline_run_status_reason": "pipelineRunStatusReason",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "pipeline": "pipeline",
        "experiment": "experiment",
        "pipeline_recurring_run": "pipelineRecurringRun",
        "flavor": "flavor",
        "instance_type": "flavor",
        "instance_count": "instanceCount",
        "boot_storage": "bootStorage",
        "elapsed_time_seconds": "elapsedTimeSeconds",
        "started_datetime": "startedDatetime",
        "finished_datetime": "finishedDatetime",
        "scheduled_datetime": "scheduledDatetime",
        "nas_list": "nasList",
        "parameter_list": "parameterList",
        "tag_list": "tagList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "pipeline": "PipelineSummary",
        "experiment": "Experiment",
        "pipelineRecurringRun": "PipelineRecurringRunSummary",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "bootStorage": "Storage",
        "nasList": "Nas",
        "parameterList": "Parameter",
        "tagList": "Tag",
    }

    @property
    def pipeline_run_id(self) -> str | None:
        value: str | None = self._field("pipelineRunId")
        return value

    @property
    def pipeline_run_name(self) -> str | None:
        value: str | None = self._field("pipelineRunName")
        return value

    @property
    def pipeline_run_status_code(self) -> str | None:
        value: str | None = self._field("pipelineRunStatusCode")
        return value

    @property
    def pipeline_run_status_reason(self) -> str | None:
        value: str | None = self._field("pipelineRunStatusReason")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def pipeline(self) -> PipelineSummaryFields | None:
        value: PipelineSummaryFields | None = self._field("pipeline")
        return value

    @property
    def experiment(self) -> ExperimentFields | None:
        value: ExperimentFields | None = self._field("experiment")
        return value

    @property
    def pipeline_recurring_run(self) -> PipelineRecurringRunSummaryFields | None:
        value: PipelineRecurringRunSummaryFields | None = self._field("pipelineRecurringRun")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def elapsed_time_seconds(self) -> int | None:
        value: int | None = self._field("elapsedTimeSeconds")
        return value

    @property
    def started_datetime(self) -> str | None:
        value: str | None = self._field("startedDatetime")
        return value

    @property
    def finished_datetime(self) -> str | None:
        value: str | None = self._field("finishedDatetime")
        return value

    @property
    def scheduled_datetime(self) -> str | None:
        value: str | None = self._field("scheduledDatetime")
        return value

    @property
    def nas_list(self) -> list[NasFields] | None:
        value: list[NasFields] | None = self._field("nasList")
        return value

    @property
    def parameter_list(self) -> list[ParameterFields] | None:
        value: list[ParameterFields] | None = self._field("parameterList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value


class PipelineRunSummaryFields(FieldAccess):
    """The attributes of ``#/components/schemas/PipelineRunSummary``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "PipelineRunSummary"
    __fields__: ClassVar[dict[str, str]] = {
        "pipeline_run_id": "pipelineRunId",
        "pipeline_run_name": "pipelineRunName",
        "pipeline_run_status_code": "pipelineRunStatusCode",
        "scheduled_datetime": "scheduledDatetime",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def pipeline_run_id(self) -> str | None:
        value: str | None = self._field("pipelineRunId")
        return value

    @property
    def pipeline_run_name(self) -> str | None:
        value: str | None = self._field("pipelineRunName")
        return value

    @property
    def pipeline_run_status_code(self) -> str | None:
        value: str | None = self._field("pipelineRunStatusCode")
        return value

    @property
    def scheduled_datetime(self) -> str | None:
        value: str | None = self._field("scheduledDatetime")
        return value


class PipelineSummaryFields(FieldAccess):
    """The attributes of ``#/components/schemas/PipelineSummary``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "PipelineSummary"
    __fields__: ClassVar[dict[str, str]] = {
        "pipeline_id": "pipelineId",
        "pipeline_name": "pipelineName",
        "pipeline_status_code": "pipelineStatusCode",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def pipeline_id(self) -> str | None:
        value: str | None = self._field("pipelineId")
        return value

    @property
    def pipeline_name(self) -> str | None:
        value: str | None = self._field("pipelineName")
        return value

    @property
    def pipeline_status_code(self) -> str | None:
        value: str | None = self._field("pipelineStatusCode")
        return value


class ResourceOptionDetailFields(FieldAccess):
    """The attributes of ``#/components/schemas/ResourceOptionDetail``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "ResourceOptionDetail"
    __fields__: ClassVar[dict[str, str]] = {
        "cpu": "cpu",
        "memory": "memory",
        "gpu": "gpu",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def cpu(self) -> str | None:
        value: str | None = self._field("cpu")
        return value

    @property
    def memory(self) -> str | None:
        value: str | None = self._field("memory")
        return value

    @property
    def gpu(self) -> str | None:
        value: str | None = self._field("gpu")
        return value


class StorageFields(FieldAccess):
    """The attributes of ``#/components/schemas/Storage``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Storage"
    __fields__: ClassVar[dict[str, str]] = {
        "storage_size": "storageSize",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def storage_size(self) -> int | None:
        value: int | None = self._field("storageSize")
        return value


class TagFields(FieldAccess):
    """The attributes of ``#/components/schemas/Tag``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Tag"
    __fields__: ClassVar[dict[str, str]] = {
        "tag_key": "tagKey",
        "tag_value": "tagValue",
    }
    __nested__: ClassVar[dict[str, str]] = {}

    @property
    def tag_key(self) -> str | None:
        value: str | None = self._field("tagKey")
        return value

    @property
    def tag_value(self) -> str | None:
        value: str | None = self._field("tagValue")
        return value


class TrainingFields(FieldAccess):
    """The attributes of ``#/components/schemas/Training``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Training"
    __fields__: ClassVar[dict[str, str]] = {
        "training_id": "trainingId",
        "training_name": "trainingName",
        "training_status_code": "trainingStatusCode",
        "training_status_reason": "trainingStatusReason",
        "training_type_code": "trainingTypeCode",
        "description": "description",
        "app_key": "appKey",
        "created_datetime": "createdDatetime",
        "experiment": "experiment",
        "algorithm": "algorithm",
        "flavor": "flavor",
        "instance_type": "flavor",
        "image": "image",
        "instance_count": "instanceCount",
        "nproc_per_node": "nprocPerNode",
        "use_torchrun": "useTorchrun",
        "use_log": "useLog",
        "timeout_minutes": "timeoutMinutes",
        "elapsed_time_seconds": "elapsedTimeSeconds",
        "source_dir_uri": "sourceDirUri",
        "entry_point": "entryPoint",
        "model_upload_uri": "modelUploadUri",
        "check_point_input_uri": "checkPointInputUri",
        "check_point_upload_uri": "checkPointUploadUri",
        "log_and_crash_app_key": "logAndCrashAppKey",
        "tensorboard_access_uri": "tensorboardAccessUri",
        "tensorboard_access_path": "tensorboardAccessPath",
        "dataset_list": "datasetList",
        "hyperparameter_list": "hyperparameterList",
        "tag_list": "tagList",
        "boot_storage": "bootStorage",
        "data_storage_list": "dataStorageList",
        "model_list": "modelList",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "experiment": "Experiment",
        "algorithm": "Algorithm",
        "flavor": "InstanceType",
        "flavor": "InstanceType",
        "image": "Image",
        "datasetList": "Dataset",
        "hyperparameterList": "Parameter",
        "tagList": "Tag",
        "bootStorage": "Storage",
        "dataStorageList": "Storage",
        "modelList": "ModelSummary",
    }

    @property
    def training_id(self) -> str | None:
        value: str | None = self._field("trainingId")
        return value

    @property
    def training_name(self) -> str | None:
        value: str | None = self._field("trainingName")
        return value

    @property
    def training_status_code(self) -> str | None:
        value: str | None = self._field("trainingStatusCode")
        return value

    @property
    def training_status_reason(self) -> str | None:
        value: str | None = self._field("trainingStatusReason")
        return value

    @property
    def training_type_code(self) -> str | None:
        value: str | None = self._field("trainingTypeCode")
        return value

    @property
    def description(self) -> str | None:
        value: str | None = self._field("description")
        return value

    @property
    def app_key(self) -> str | None:
        value: str | None = self._field("appKey")
        return value

    @property
    def created_datetime(self) -> str | None:
        value: str | None = self._field("createdDatetime")
        return value

    @property
    def experiment(self) -> ExperimentFields | None:
        value: ExperimentFields | None = self._field("experiment")
        return value

    @property
    def algorithm(self) -> AlgorithmFields | None:
        value: AlgorithmFields | None = self._field("algorithm")
        return value

    @property
    def flavor(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def instance_type(self) -> InstanceTypeFields | None:
        value: InstanceTypeFields | None = self._field("flavor")
        return value

    @property
    def image(self) -> ImageFields | None:
        value: ImageFields | None = self._field("image")
        return value

    @property
    def instance_count(self) -> int | None:
        value: int | None = self._field("instanceCount")
        return value

    @property
    def nproc_per_node(self) -> int | None:
        value: int | None = self._field("nprocPerNode")
        return value

    @property
    def use_torchrun(self) -> bool | None:
        value: bool | None = self._field("useTorchrun")
        return value

    @property
    def use_log(self) -> bool | None:
        value: bool | None = self._field("useLog")
        return value

    @property
    def timeout_minutes(self) -> int | None:
        value: int | None = self._field("timeoutMinutes")
        return value

    @property
    def elapsed_time_seconds(self) -> int | None:
        value: int | None = self._field("elapsedTimeSeconds")
        return value

    @property
    def source_dir_uri(self) -> str | None:
        value: str | None = self._field("sourceDirUri")
        return value

    @property
    def entry_point(self) -> str | None:
        value: str | None = self._field("entryPoint")
        return value

    @property
    def model_upload_uri(self) -> str | None:
        value: str | None = self._field("modelUploadUri")
        return value

    @property
    def check_point_input_uri(self) -> str | None:
        value: str | None = self._field("checkPointInputUri")
        return value

    @property
    def check_point_upload_uri(self) -> str | None:
        value: str | None = self._field("checkPointUploadUri")
        return value

    @property
    def log_and_crash_app_key(self) -> str | None:
        value: str | None = self._field("logAndCrashAppKey")
        return value

    @property
    def tensorboard_access_uri(self) -> str | None:
        value: str | None = self._field("tensorboardAccessUri")
        return value

    @property
    def tensorboard_access_path(self) -> str | None:
        value: str | None = self._field("tensorboardAccessPath")
        return value

    @property
    def dataset_list(self) -> list[DatasetFields] | None:
        value: list[DatasetFields] | None = self._field("datasetList")
        return value

    @property
    def hyperparameter_list(self) -> list[ParameterFields] | None:
        value: list[ParameterFields] | None = self._field("hyperparameterList")
        return value

    @property
    def tag_list(self) -> list[TagFields] | None:
        value: list[TagFields] | None = self._field("tagList")
        return value

    @property
    def boot_storage(self) -> StorageFields | None:
        value: StorageFields | None = self._field("bootStorage")
        return value

    @property
    def data_storage_list(self) -> list[StorageFields] | None:
        value: list[StorageFields] | None = self._field("dataStorageList")
        return value

    @property
    def model_list(self) -> list[ModelSummaryFields] | None:
        value: list[ModelSummaryFields] | None = self._field("modelList")
        return value


class TrialFields(FieldAccess):
    """The attributes of ``#/components/schemas/Trial``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "Trial"
    __fields__: ClassVar[dict[str, str]] = {
        "trial_id": "trialId",
        "trial_name": "trialName",
        "trial_status_code": "trialStatusCode",
        "trial_status_reason": "trialStatusReason",
        "hyperparameter_tuning_id": "hyperparameterTuningId",
        "hyperparameter_list": "hyperparameterList",
        "trial_metric_list": "trialMetricList",
        "model_upload_uri": "modelUploadUri",
        "started_datetime": "startedDatetime",
        "finished_datetime": "finishedDatetime",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "hyperparameterList": "Parameter",
        "trialMetricList": "TrialMetric",
    }

    @property
    def trial_id(self) -> str | None:
        value: str | None = self._field("trialId")
        return value

    @property
    def trial_name(self) -> str | None:
        value: str | None = self._field("trialName")
        return value

    @property
    def trial_status_code(self) -> str | None:
        value: str | None = self._field("trialStatusCode")
        return value

    @property
    def trial_status_reason(self) -> str | None:
        value: str | None = self._field("trialStatusReason")
        return value

    @property
    def hyperparameter_tuning_id(self) -> str | None:
        value: str | None = self._field("hyperparameterTuningId")
        return value

    @property
    def hyperparameter_list(self) -> list[ParameterFields] | None:
        value: list[ParameterFields] | None = self._field("hyperparameterList")
        return value

    @property
    def trial_metric_list(self) -> list[TrialMetricFields] | None:
        value: list[TrialMetricFields] | None = self._field("trialMetricList")
        return value

    @property
    def model_upload_uri(self) -> str | None:
        value: str | None = self._field("modelUploadUri")
        return value

    @property
    def started_datetime(self) -> str | None:
        """EasyMaker Local: when the trial's entry point started."""
        value: str | None = self._field("startedDatetime")
        return value

    @property
    def finished_datetime(self) -> str | None:
        """EasyMaker Local: when the trial reached its final status."""
        value: str | None = self._field("finishedDatetime")
        return value


class TrialMetricFields(FieldAccess):
    """The attributes of ``#/components/schemas/TrialMetric``."""

    __slots__ = ()
    __schema__: ClassVar[str] = "TrialMetric"
    __fields__: ClassVar[dict[str, str]] = {
        "trial_metric_name": "trialMetricName",
        "trial_metric_min_value": "trialMetricMinValue",
        "trial_metric_max_value": "trialMetricMaxValue",
        "trial_metric_latest_value": "trialMetricLatestValue",
        "trial_metric_history": "trialMetricHistory",
    }
    __nested__: ClassVar[dict[str, str]] = {
        "trialMetricHistory": "MetricPoint",
    }

    @property
    def trial_metric_name(self) -> str | None:
        value: str | None = self._field("trialMetricName")
        return value

    @property
    def trial_metric_min_value(self) -> str | None:
        value: str | None = self._field("trialMetricMinValue")
        return value

    @property
    def trial_metric_max_value(self) -> str | None:
        value: str | None = self._field("trialMetricMaxValue")
        return value

    @property
    def trial_metric_latest_value(self) -> str | None:
        value: str | None = self._field("trialMetricLatestValue")
        return value

    @property
    def trial_metric_history(self) -> list[MetricPointFields] | None:
        """EasyMaker Local: every observation of the metric in order (`step` counts observations from 1)."""
        value: list[MetricPointFields] | None = self._field("trialMetricHistory")
        return value


FIELD_CLASSES: dict[str, type[FieldAccess]] = {
    "Algorithm": AlgorithmFields,
    "AlgorithmHyperparameterSpec": AlgorithmHyperparameterSpecFields,
    "ApigwStage": ApigwStageFields,
    "AutoScaler": AutoScalerFields,
    "BatchInference": BatchInferenceFields,
    "ConfidenceMetric": ConfidenceMetricFields,
    "ConfusionMatrix": ConfusionMatrixFields,
    "ConfusionMatrixAnnotationSpec": ConfusionMatrixAnnotationSpecFields,
    "Dataset": DatasetFields,
    "Endpoint": EndpointFields,
    "EndpointModel": EndpointModelFields,
    "EndpointModelResource": EndpointModelResourceFields,
    "EndpointStage": EndpointStageFields,
    "EvaluationMetrics": EvaluationMetricsFields,
    "Experiment": ExperimentFields,
    "FineTuning": FineTuningFields,
    "HyperparameterSpec": HyperparameterSpecFields,
    "HyperparameterSpecView": HyperparameterSpecViewFields,
    "HyperparameterTuning": HyperparameterTuningFields,
    "IaasToken": IaasTokenFields,
    "Image": ImageFields,
    "InstanceType": InstanceTypeFields,
    "LogChunk": LogChunkFields,
    "LogSource": LogSourceFields,
    "Metric": MetricFields,
    "MetricPoint": MetricPointFields,
    "MetricSeries": MetricSeriesFields,
    "Model": ModelFields,
    "ModelEvaluation": ModelEvaluationFields,
    "ModelEvaluationBatchInference": ModelEvaluationBatchInferenceFields,
    "ModelParameter": ModelParameterFields,
    "ModelParameterSpec": ModelParameterSpecFields,
    "ModelPreset": ModelPresetFields,
    "ModelPresetMetadata": ModelPresetMetadataFields,
    "ModelSummary": ModelSummaryFields,
    "Nas": NasFields,
    "ObjectiveMetric": ObjectiveMetricFields,
    "Paging": PagingFields,
    "Parameter": ParameterFields,
    "Pipeline": PipelineFields,
    "PipelineParameterSpec": PipelineParameterSpecFields,
    "PipelineRecurringRun": PipelineRecurringRunFields,
    "PipelineRecurringRunSummary": PipelineRecurringRunSummaryFields,
    "PipelineRun": PipelineRunFields,
    "PipelineRunSummary": PipelineRunSummaryFields,
    "PipelineSummary": PipelineSummaryFields,
    "ResourceOptionDetail": ResourceOptionDetailFields,
    "Storage": StorageFields,
    "Tag": TagFields,
    "Training": TrainingFields,
    "Trial": TrialFields,
    "TrialMetric": TrialMetricFields,
}
