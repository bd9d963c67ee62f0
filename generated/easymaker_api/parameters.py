"""SDK parameters of every request body: SDK name, wire field, unit scale, list item schema.

Generated from the spec (see ``codegen/parameters.py``): a property is an SDK parameter named like its wire field in
snake_case unless its ``x-sdk-parameter`` says otherwise; ``x-sdk-named`` lists the fields that the method names in
its signature. The others reach the request through the method's ``**options``, typed by ``<Schema>Options``.
"""

from __future__ import annotations

from typing import NamedTuple, TypedDict


class SdkParameter(NamedTuple):
    """How one SDK argument becomes one wire field of a request body."""

    wire: str
    name: str
    scale: int  # the wire value is the SDK value times this
    items: str | None  # the schema of the items of a list of objects
    values: str | None  # the SDK value class (``easymaker.values``) normalising those items
    named: bool  # named in the method's signature (otherwise passed through ``**options``)


class BatchInferenceCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/BatchInferenceCreateRequest`` accepted through ``**options``."""

    image_id: str | None


class EndpointCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/EndpointCreateRequest`` accepted through ``**options``."""


class EndpointStageCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/EndpointStageCreateRequest`` accepted through ``**options``."""


class ExperimentCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/ExperimentCreateRequest`` accepted through ``**options``."""


class FineTuningCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/FineTuningCreateRequest`` accepted through ``**options``."""


class HyperparameterTuningCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/HyperparameterTuningCreateRequest`` accepted through ``**options``."""


class ModelCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/ModelCreateRequest`` accepted through ``**options``."""


class ModelEvaluationBatchInferenceRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/ModelEvaluationBatchInferenceRequest`` accepted through ``**options``."""


class ModelEvaluationCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/ModelEvaluationCreateRequest`` accepted through ``**options``."""


class PipelineRunCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/PipelineRunCreateRequest`` accepted through ``**options``."""

    use_log: bool | None


class PipelineUploadRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/PipelineUploadRequest`` accepted through ``**options``."""


class ServerProofRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/ServerProofRequest`` accepted through ``**options``."""

    nonce: str | None
    """At least 128 random bits, URL-safe base64 without padding."""


class TrainingCreateRequestOptions(TypedDict, total=False):
    """SDK parameters of ``#/components/schemas/TrainingCreateRequest`` accepted through ``**options``."""


REQUEST_PARAMETERS: dict[str, tuple[SdkParameter, ...]] = {
    "BatchInferenceCreateRequest": (
        SdkParameter("batchInferenceName", "batch_inference_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("instanceCount", "instance_count", 1, None, None, True),
        SdkParameter("timeoutMinutes", "timeout_hours", 60, None, None, True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("modelId", "model_id", 1, None, None, True),
        SdkParameter("imageId", "image_id", 1, None, None, False),
        SdkParameter("podCount", "pod_count", 1, None, None, True),
        SdkParameter("maxBatchSize", "batch_size", 1, None, None, True),
        SdkParameter("inferenceTimeoutSeconds", "inference_timeout_seconds", 1, None, None, True),
        SdkParameter("inputDataUri", "input_data_uri", 1, None, None, True),
        SdkParameter("inputDataTypeCode", "input_data_type", 1, None, None, True),
        SdkParameter("includeGlobPattern", "include_glob_pattern", 1, None, None, True),
        SdkParameter("excludeGlobPattern", "exclude_glob_pattern", 1, None, None, True),
        SdkParameter("outputUploadUri", "output_upload_uri", 1, None, None, True),
        SdkParameter("dataStorageSize", "data_storage_size", 1, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "EndpointCreateRequest": (
        SdkParameter("endpointName", "endpoint_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("nodeCount", "instance_count", 1, None, None, True),
        SdkParameter(
            "endpointModelResourceList",
            "endpoint_model_resource_list",
            1,
            "EndpointModelResource",
            "EndpointModelResource",
            True,
        ),
        SdkParameter("caEnable", "autoscaler_enable", 1, None, None, True),
        SdkParameter("caMinNodeCount", "autoscaler_min_node_count", 1, None, None, True),
        SdkParameter("caMaxNodeCount", "autoscaler_max_node_count", 1, None, None, True),
        SdkParameter("caScaleDownEnable", "autoscaler_scale_down_enable", 1, None, None, True),
        SdkParameter("caScaleDownUtilThresh", "autoscaler_scale_down_util_threshold", 1, None, None, True),
        SdkParameter("caScaleDownUnneededTime", "autoscaler_scale_down_unneeded_time", 1, None, None, True),
        SdkParameter("caScaleDownDelayAfterAdd", "autoscaler_scale_down_delay_after_add", 1, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "EndpointStageCreateRequest": (
        SdkParameter("endpointId", "endpoint_id", 1, None, None, True),
        SdkParameter("apigwStageName", "stage_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("nodeCount", "instance_count", 1, None, None, True),
        SdkParameter(
            "endpointModelResourceList",
            "endpoint_model_resource_list",
            1,
            "EndpointModelResource",
            "EndpointModelResource",
            True,
        ),
        SdkParameter("caEnable", "autoscaler_enable", 1, None, None, True),
        SdkParameter("caMinNodeCount", "autoscaler_min_node_count", 1, None, None, True),
        SdkParameter("caMaxNodeCount", "autoscaler_max_node_count", 1, None, None, True),
        SdkParameter("caScaleDownEnable", "autoscaler_scale_down_enable", 1, None, None, True),
        SdkParameter("caScaleDownUtilThresh", "autoscaler_scale_down_util_threshold", 1, None, None, True),
        SdkParameter("caScaleDownUnneededTime", "autoscaler_scale_down_unneeded_time", 1, None, None, True),
        SdkParameter("caScaleDownDelayAfterAdd", "autoscaler_scale_down_delay_after_add", 1, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "ExperimentCreateRequest": (
        SdkParameter("experimentName", "experiment_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
    ),
    "FineTuningCreateRequest": (
        SdkParameter("fineTuningName", "fine_tuning_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("experimentId", "experiment_id", 1, None, None, True),
        SdkParameter("experimentName", "experiment_name", 1, None, None, True),
        SdkParameter("experimentDescription", "experiment_description", 1, None, None, True),
        SdkParameter("baseModelPresetId", "base_model_preset_id", 1, None, None, True),
        SdkParameter("flavorName", "flavor_name", 1, None, None, True),
        SdkParameter("instanceCount", "instance_count", 1, None, None, True),
        SdkParameter("valSetSize", "validation_split_percent", 1, None, None, True),
        SdkParameter("datasetList", "dataset_list", 1, "Dataset", "Dataset", True),
        SdkParameter("modelUploadUri", "model_upload_uri", 1, None, None, True),
        SdkParameter("dataStorageSize", "data_storage_size", 1, None, None, True),
        SdkParameter("timeoutMinutes", "timeout_hours", 60, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
        SdkParameter("hyperparameterList", "hyperparameter_list", 1, "Parameter", "Parameter", True),
    ),
    "HyperparameterTuningCreateRequest": (
        SdkParameter("hyperparameterTuningName", "hyperparameter_tuning_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("experimentId", "experiment_id", 1, None, None, True),
        SdkParameter("experimentName", "experiment_name", 1, None, None, True),
        SdkParameter("experimentDescription", "experiment_description", 1, None, None, True),
        SdkParameter("imageId", "image_name", 1, None, None, True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("instanceCount", "distributed_node_count", 1, None, None, True),
        SdkParameter("parallelTrialCount", "parallel_trial_count", 1, None, None, True),
        SdkParameter("dataStorageSize", "data_storage_size", 1, None, None, True),
        SdkParameter("algorithmId", "algorithm_name", 1, None, None, True),
        SdkParameter("datasetList", "dataset_list", 1, "Dataset", "Dataset", True),
        SdkParameter("checkPointInputUri", "check_point_input_uri", 1, None, None, True),
        SdkParameter("checkPointUploadUri", "check_point_upload_uri", 1, None, None, True),
        SdkParameter("sourceDirUri", "source_dir_uri", 1, None, None, True),
        SdkParameter("entryPoint", "entry_point", 1, None, None, True),
        SdkParameter("modelUploadUri", "model_upload_uri", 1, None, None, True),
        SdkParameter("timeoutMinutes", "timeout_hours", 60, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
        SdkParameter("useTorchrun", "use_torchrun", 1, None, None, True),
        SdkParameter("nprocPerNode", "nproc_per_node", 1, None, None, True),
        SdkParameter(
            "hyperparameterSpecList", "hyperparameter_spec_list", 1, "HyperparameterSpec", "HyperparameterSpec", True
        ),
        SdkParameter("metricList", "metric_list", 1, "Metric", "Metric", True),
        SdkParameter("metricRegex", "metric_regex", 1, None, None, True),
        SdkParameter("objectiveMetric", "objective_metric_name", 1, None, None, True),
        SdkParameter("objectiveTypeCode", "objective_type_code", 1, None, None, True),
        SdkParameter("objectiveGoal", "objective_goal", 1, None, None, True),
        SdkParameter("maxFailedTrialCount", "max_failed_trial_count", 1, None, None, True),
        SdkParameter("maxTrialCount", "max_trial_count", 1, None, None, True),
        SdkParameter("tuningStrategyName", "tuning_strategy_name", 1, None, None, True),
        SdkParameter("tuningStrategyRandomState", "tuning_strategy_random_state", 1, None, None, True),
        SdkParameter("earlyStoppingAlgorithm", "early_stopping_algorithm", 1, None, None, True),
        SdkParameter("earlyStoppingMinTrialCount", "early_stopping_min_trial_count", 1, None, None, True),
        SdkParameter("earlyStoppingStartStep", "early_stopping_start_step", 1, None, None, True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "ModelCreateRequest": (
        SdkParameter("modelName", "model_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("trainingId", "training_id", 1, None, None, True),
        SdkParameter("hyperparameterTuningId", "hyperparameter_tuning_id", 1, None, None, True),
        SdkParameter("fineTuningId", "fine_tuning_id", 1, None, None, True),
        SdkParameter("modelTypeCode", "model_type_code", 1, None, None, True),
        SdkParameter("modelFormatCode", "model_format_code", 1, None, None, True),
        SdkParameter("modelUploadUri", "model_upload_uri", 1, None, None, True),
        SdkParameter("parameterList", "parameter_list", 1, "ModelParameter", "Parameter", True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "ModelEvaluationBatchInferenceRequest": (
        SdkParameter("flavorId", "batch_inference_instance_type_name", 1, None, None, True),
        SdkParameter("instanceCount", "batch_inference_instance_count", 1, None, None, True),
        SdkParameter("podCount", "batch_inference_pod_count", 1, None, None, True),
        SdkParameter("outputUploadUri", "batch_inference_output_upload_uri", 1, None, None, True),
        SdkParameter("maxBatchSize", "batch_inference_max_batch_size", 1, None, None, True),
        SdkParameter("inferenceTimeoutSeconds", "batch_inference_inference_timeout_seconds", 1, None, None, True),
    ),
    "ModelEvaluationCreateRequest": (
        SdkParameter("modelEvaluationName", "model_evaluation_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("modelId", "model_id", 1, None, None, True),
        SdkParameter("objectiveCode", "objective_code", 1, None, None, True),
        SdkParameter("classNames", "class_names", 1, None, None, True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("inputDataUri", "input_data_uri", 1, None, None, True),
        SdkParameter("inputDataTypeCode", "input_data_type_code", 1, None, None, True),
        SdkParameter("targetFieldName", "target_field_name", 1, None, None, True),
        SdkParameter("timeoutMinutes", "timeout_hours", 60, None, None, True),
        SdkParameter("bootStorageSize", "boot_storage_size", 1, None, None, True),
        SdkParameter("dataStorageSize", "data_storage_size", 1, None, None, True),
        SdkParameter("generateFeatureAttributions", "generate_feature_attributions", 1, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
    ),
    "PipelineRunCreateRequest": (
        SdkParameter("pipelineId", "pipeline_id", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("experimentId", "experiment_id", 1, None, None, True),
        SdkParameter("experimentName", "experiment_name", 1, None, None, True),
        SdkParameter("experimentDescription", "experiment_description", 1, None, None, True),
        SdkParameter("parameterList", "parameter_list", 1, "Parameter", "Parameter", True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("instanceCount", "instance_count", 1, None, None, True),
        SdkParameter("bootStorageSize", "boot_storage_size", 1, None, None, True),
        SdkParameter("nasList", "nas_list", 1, "Nas", "Nas", True),
        SdkParameter("schedulePeriodicMinutes", "schedule_periodic_minutes", 1, None, None, True),
        SdkParameter("scheduleCronExpression", "schedule_cron_expression", 1, None, None, True),
        SdkParameter("maxConcurrencyCount", "max_concurrency_count", 1, None, None, True),
        SdkParameter("scheduleStartDatetime", "schedule_start_datetime", 1, None, None, True),
        SdkParameter("scheduleEndDatetime", "schedule_end_datetime", 1, None, None, True),
        SdkParameter("useCatchup", "use_catchup", 1, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, False),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "PipelineUploadRequest": (
        SdkParameter("pipelineName", "pipeline_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("base64PipelineSpecManifest", "pipeline_spec_manifest_path", 1, None, None, True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
    "ServerProofRequest": (SdkParameter("nonce", "nonce", 1, None, None, False),),
    "TrainingCreateRequest": (
        SdkParameter("trainingName", "training_name", 1, None, None, True),
        SdkParameter("description", "description", 1, None, None, True),
        SdkParameter("experimentId", "experiment_id", 1, None, None, True),
        SdkParameter("experimentName", "experiment_name", 1, None, None, True),
        SdkParameter("experimentDescription", "experiment_description", 1, None, None, True),
        SdkParameter("imageId", "image_name", 1, None, None, True),
        SdkParameter("flavorId", "instance_type_name", 1, None, None, True),
        SdkParameter("instanceCount", "distributed_node_count", 1, None, None, True),
        SdkParameter("dataStorageSize", "data_storage_size", 1, None, None, True),
        SdkParameter("algorithmId", "algorithm_name", 1, None, None, True),
        SdkParameter("datasetList", "dataset_list", 1, "Dataset", "Dataset", True),
        SdkParameter("checkPointInputUri", "check_point_input_uri", 1, None, None, True),
        SdkParameter("checkPointUploadUri", "check_point_upload_uri", 1, None, None, True),
        SdkParameter("sourceDirUri", "source_dir_uri", 1, None, None, True),
        SdkParameter("entryPoint", "entry_point", 1, None, None, True),
        SdkParameter("modelUploadUri", "model_upload_uri", 1, None, None, True),
        SdkParameter("timeoutMinutes", "timeout_hours", 60, None, None, True),
        SdkParameter("useLog", "use_log", 1, None, None, True),
        SdkParameter("useTorchrun", "use_torchrun", 1, None, None, True),
        SdkParameter("nprocPerNode", "nproc_per_node", 1, None, None, True),
        SdkParameter("hyperparameterList", "hyperparameter_list", 1, "Parameter", "Parameter", True),
        SdkParameter("tagList", "tag_list", 1, "Tag", "Tag", True),
    ),
}
