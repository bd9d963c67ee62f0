"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first use of its name (``import easymaker_api.models`` alone imports none),
so a program pays only for the models it touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .algorithm import Algorithm
    from .algorithm_algorithm_dataset_schema_item import AlgorithmAlgorithmDatasetSchemaItem
    from .algorithm_hyperparameter_spec import AlgorithmHyperparameterSpec
    from .algorithm_list_response import AlgorithmListResponse
    from .apigw_stage import ApigwStage
    from .auto_scaler import AutoScaler
    from .batch_inference import BatchInference
    from .batch_inference_create_request import BatchInferenceCreateRequest
    from .batch_inference_input_data_type_code import BatchInferenceInputDataTypeCode
    from .batch_inference_list_response import BatchInferenceListResponse
    from .batch_inference_response import BatchInferenceResponse
    from .batch_inference_status_code import BatchInferenceStatusCode
    from .confidence_metric import ConfidenceMetric
    from .confusion_matrix import ConfusionMatrix
    from .confusion_matrix_annotation_spec import ConfusionMatrixAnnotationSpec
    from .dataset import Dataset
    from .dataset_format_code import DatasetFormatCode
    from .dataset_split_code import DatasetSplitCode
    from .early_stopping_algorithm import EarlyStoppingAlgorithm
    from .empty_response import EmptyResponse
    from .endpoint import Endpoint
    from .endpoint_create_request import EndpointCreateRequest
    from .endpoint_list_response import EndpointListResponse
    from .endpoint_model import EndpointModel
    from .endpoint_model_list_response import EndpointModelListResponse
    from .endpoint_model_resource import EndpointModelResource
    from .endpoint_model_response import EndpointModelResponse
    from .endpoint_model_status_code import EndpointModelStatusCode
    from .endpoint_response import EndpointResponse
    from .endpoint_stage import EndpointStage
    from .endpoint_stage_create_request import EndpointStageCreateRequest
    from .endpoint_stage_list_response import EndpointStageListResponse
    from .endpoint_stage_response import EndpointStageResponse
    from .endpoint_stage_status_code import EndpointStageStatusCode
    from .endpoint_status_code import EndpointStatusCode
    from .evaluation_metrics import EvaluationMetrics
    from .experiment import Experiment
    from .experiment_create_request import ExperimentCreateRequest
    from .experiment_list_response import ExperimentListResponse
    from .experiment_response import ExperimentResponse
    from .experiment_status_code import ExperimentStatusCode
    from .fine_tuning import FineTuning
    from .fine_tuning_create_request import FineTuningCreateRequest
    from .fine_tuning_list_response import FineTuningListResponse
    from .fine_tuning_response import FineTuningResponse
    from .fine_tuning_status_code import FineTuningStatusCode
    from .flavor_list_response import FlavorListResponse
    from .header import Header
    from .hyperparameter_spec import HyperparameterSpec
    from .hyperparameter_spec_view import HyperparameterSpecView
    from .hyperparameter_tuning import HyperparameterTuning
    from .hyperparameter_tuning_create_request import HyperparameterTuningCreateRequest
    from .hyperparameter_tuning_list_response import HyperparameterTuningListResponse
    from .hyperparameter_tuning_response import HyperparameterTuningResponse
    from .hyperparameter_tuning_status_code import HyperparameterTuningStatusCode
    from .hyperparameter_type_code import HyperparameterTypeCode
    from .iaas_token import IaasToken
    from .iaas_token_response import IaasTokenResponse
    from .iaas_token_token import IaasTokenToken
    from .image import Image
    from .image_list_response import ImageListResponse
    from .instance_type import InstanceType
    from .log_chunk import LogChunk
    from .log_chunk_response import LogChunkResponse
    from .log_source import LogSource
    from .log_source_list_response import LogSourceListResponse
    from .metric import Metric
    from .metric_point import MetricPoint
    from .metric_series import MetricSeries
    from .metric_series_list_response import MetricSeriesListResponse
    from .model import Model
    from .model_create_request import ModelCreateRequest
    from .model_evaluation import ModelEvaluation
    from .model_evaluation_batch_inference import ModelEvaluationBatchInference
    from .model_evaluation_batch_inference_request import ModelEvaluationBatchInferenceRequest
    from .model_evaluation_create_request import ModelEvaluationCreateRequest
    from .model_evaluation_input_data_type_code import ModelEvaluationInputDataTypeCode
    from .model_evaluation_list_response import ModelEvaluationListResponse
    from .model_evaluation_response import ModelEvaluationResponse
    from .model_evaluation_status_code import ModelEvaluationStatusCode
    from .model_fine_tuning import ModelFineTuning
    from .model_format_code import ModelFormatCode
    from .model_hyperparameter_tuning import ModelHyperparameterTuning
    from .model_list_response import ModelListResponse
    from .model_parameter import ModelParameter
    from .model_parameter_spec import ModelParameterSpec
    from .model_parameter_spec_list_response import ModelParameterSpecListResponse
    from .model_preset import ModelPreset
    from .model_preset_list_response import ModelPresetListResponse
    from .model_preset_metadata import ModelPresetMetadata
    from .model_response import ModelResponse
    from .model_status_code import ModelStatusCode
    from .model_summary import ModelSummary
    from .model_training import ModelTraining
    from .model_type_code import ModelTypeCode
    from .nas import Nas
    from .objective_code import ObjectiveCode
    from .objective_metric import ObjectiveMetric
    from .objective_type_code import ObjectiveTypeCode
    from .paging import Paging
    from .parameter import Parameter
    from .pipeline import Pipeline
    from .pipeline_list_response import PipelineListResponse
    from .pipeline_parameter_spec import PipelineParameterSpec
    from .pipeline_recurring_run import PipelineRecurringRun
    from .pipeline_recurring_run_list_response import PipelineRecurringRunListResponse
    from .pipeline_recurring_run_response import PipelineRecurringRunResponse
    from .pipeline_recurring_run_status_code import PipelineRecurringRunStatusCode
    from .pipeline_recurring_run_summary import PipelineRecurringRunSummary
    from .pipeline_response import PipelineResponse
    from .pipeline_run import PipelineRun
    from .pipeline_run_create_request import PipelineRunCreateRequest
    from .pipeline_run_create_response import PipelineRunCreateResponse
    from .pipeline_run_list_response import PipelineRunListResponse
    from .pipeline_run_response import PipelineRunResponse
    from .pipeline_run_status_code import PipelineRunStatusCode
    from .pipeline_run_summary import PipelineRunSummary
    from .pipeline_status_code import PipelineStatusCode
    from .pipeline_summary import PipelineSummary
    from .pipeline_upload_request import PipelineUploadRequest
    from .resource_option_detail import ResourceOptionDetail
    from .scale_metric_code import ScaleMetricCode
    from .server_proof_request import ServerProofRequest
    from .server_proof_response import ServerProofResponse
    from .storage import Storage
    from .tag import Tag
    from .training import Training
    from .training_create_request import TrainingCreateRequest
    from .training_create_request_training_type_code import TrainingCreateRequestTrainingTypeCode
    from .training_list_response import TrainingListResponse
    from .training_response import TrainingResponse
    from .training_status_code import TrainingStatusCode
    from .trial import Trial
    from .trial_metric import TrialMetric
    from .trial_status_code import TrialStatusCode
    from .tuning_strategy_name import TuningStrategyName

# model name -> its module, relative to this package
_MODULES: dict[str, str] = {
    "Algorithm": ".algorithm",
    "AlgorithmAlgorithmDatasetSchemaItem": ".algorithm_algorithm_dataset_schema_item",
    "AlgorithmHyperparameterSpec": ".algorithm_hyperparameter_spec",
    "AlgorithmListResponse": ".algorithm_list_response",
    "ApigwStage": ".apigw_stage",
    "AutoScaler": ".auto_scaler",
    "BatchInference": ".batch_inference",
    "BatchInferenceCreateRequest": ".batch_inference_create_request",
    "BatchInferenceInputDataTypeCode": ".batch_inference_input_data_type_code",
    "BatchInferenceListResponse": ".batch_inference_list_response",
    "BatchInferenceResponse": ".batch_inference_response",
    "BatchInferenceStatusCode": ".batch_inference_status_code",
    "ConfidenceMetric": ".confidence_metric",
    "ConfusionMatrix": ".confusion_matrix",
    "ConfusionMatrixAnnotationSpec": ".confusion_matrix_annotation_spec",
    "Dataset": ".dataset",
    "DatasetFormatCode": ".dataset_format_code",
    "DatasetSplitCode": ".dataset_split_code",
    "EarlyStoppingAlgorithm": ".early_stopping_algorithm",
    "EmptyResponse": ".empty_response",
    "Endpoint": ".endpoint",
    "EndpointCreateRequest": ".endpoint_create_request",
    "EndpointListResponse": ".endpoint_list_response",
    "EndpointModel": ".endpoint_model",
    "EndpointModelListResponse": ".endpoint_model_list_response",
    "EndpointModelResource": ".endpoint_model_resource",
    "EndpointModelResponse": ".endpoint_model_response",
    "EndpointModelStatusCode": ".endpoint_model_status_code",
    "EndpointResponse": ".endpoint_response",
    "EndpointStage": ".endpoint_stage",
    "EndpointStageCreateRequest": ".endpoint_stage_create_request",
    "EndpointStageListResponse": ".endpoint_stage_list_response",
    "EndpointStageResponse": ".endpoint_stage_response",
    "EndpointStageStatusCode": ".endpoint_stage_status_code",
    "EndpointStatusCode": ".endpoint_status_code",
    "EvaluationMetrics": ".evaluation_metrics",
    "Experiment": ".experiment",
    "ExperimentCreateRequest": ".experiment_create_request",
    "ExperimentListResponse": ".experiment_list_response",
    "ExperimentResponse": ".experiment_response",
    "ExperimentStatusCode": ".experiment_status_code",
    "FineTuning": ".fine_tuning",
    "FineTuningCreateRequest": ".fine_tuning_create_request",
    "FineTuningListResponse": ".fine_tuning_list_response",
    "FineTuningResponse": ".fine_tuning_response",
    "FineTuningStatusCode": ".fine_tuning_status_code",
    "FlavorListResponse": ".flavor_list_response",
    "Header": ".header",
    "HyperparameterSpec": ".hyperparameter_spec",
    "HyperparameterSpecView": ".hyperparameter_spec_view",
    "HyperparameterTuning": ".hyperparameter_tuning",
    "HyperparameterTuningCreateRequest": ".hyperparameter_tuning_create_request",
    "HyperparameterTuningListResponse": ".hyperparameter_tuning_list_response",
    "HyperparameterTuningResponse": ".hyperparameter_tuning_response",
    "HyperparameterTuningStatusCode": ".hyperparameter_tuning_status_code",
    "HyperparameterTypeCode": ".hyperparameter_type_code",
    "IaasToken": ".iaas_token",
    "IaasTokenResponse": ".iaas_token_response",
    "IaasTokenToken": ".iaas_token_token",
    "Image": ".image",
    "ImageListResponse": ".image_list_response",
    "InstanceType": ".instance_type",
    "LogChunk": ".log_chunk",
    "LogChunkResponse": ".log_chunk_response",
    "LogSource": ".log_source",
    "LogSourceListResponse": ".log_source_list_response",
    "Metric": ".metric",
    "MetricPoint": ".metric_point",
    "MetricSeries": ".metric_series",
    "MetricSeriesListResponse": ".metric_series_list_response",
    "Model": ".model",
    "ModelCreateRequest": ".model_create_request",
    "ModelEvaluation": ".model_evaluation",
    "ModelEvaluationBatchInference": ".model_evaluation_batch_inference",
    "ModelEvaluationBatchInferenceRequest": ".model_evaluation_batch_inference_request",
    "ModelEvaluationCreateRequest": ".model_evaluation_create_request",
    "ModelEvaluationInputDataTypeCode": ".model_evaluation_input_data_type_code",
    "ModelEvaluationListResponse": ".model_evaluation_list_response",
    "ModelEvaluationResponse": ".model_evaluation_response",
    "ModelEvaluationStatusCode": ".model_evaluation_status_code",
    "ModelFineTuning": ".model_fine_tuning",
    "ModelFormatCode": ".model_format_code",
    "ModelHyperparameterTuning": ".model_hyperparameter_tuning",
    "ModelListResponse": ".model_list_response",
    "ModelParameter": ".model_parameter",
    "ModelParameterSpec": ".model_parameter_spec",
    "ModelParameterSpecListResponse": ".model_parameter_spec_list_response",
    "ModelPreset": ".model_preset",
    "ModelPresetListResponse": ".model_preset_list_response",
    "ModelPresetMetadata": ".model_preset_metadata",
    "ModelResponse": ".model_response",
    "ModelStatusCode": ".model_status_code",
    "ModelSummary": ".model_summary",
    "ModelTraining": ".model_training",
    "ModelTypeCode": ".model_type_code",
    "Nas": ".nas",
    "ObjectiveCode": ".objective_code",
    "ObjectiveMetric": ".objective_metric",
    "ObjectiveTypeCode": ".objective_type_code",
    "Paging": ".paging",
    "Parameter": ".parameter",
    "Pipeline": ".pipeline",
    "PipelineListResponse": ".pipeline_list_response",
    "PipelineParameterSpec": ".pipeline_parameter_spec",
    "PipelineRecurringRun": ".pipeline_recurring_run",
    "PipelineRecurringRunListResponse": ".pipeline_recurring_run_list_response",
    "PipelineRecurringRunResponse": ".pipeline_recurring_run_response",
    "PipelineRecurringRunStatusCode": ".pipeline_recurring_run_status_code",
    "PipelineRecurringRunSummary": ".pipeline_recurring_run_summary",
    "PipelineResponse": ".pipeline_response",
    "PipelineRun": ".pipeline_run",
    "PipelineRunCreateRequest": ".pipeline_run_create_request",
    "PipelineRunCreateResponse": ".pipeline_run_create_response",
    "PipelineRunListResponse": ".pipeline_run_list_response",
    "PipelineRunResponse": ".pipeline_run_response",
    "PipelineRunStatusCode": ".pipeline_run_status_code",
    "PipelineRunSummary": ".pipeline_run_summary",
    "PipelineStatusCode": ".pipeline_status_code",
    "PipelineSummary": ".pipeline_summary",
    "PipelineUploadRequest": ".pipeline_upload_request",
    "ResourceOptionDetail": ".resource_option_detail",
    "ScaleMetricCode": ".scale_metric_code",
    "ServerProofRequest": ".server_proof_request",
    "ServerProofResponse": ".server_proof_response",
    "Storage": ".storage",
    "Tag": ".tag",
    "Training": ".training",
    "TrainingCreateRequest": ".training_create_request",
    "TrainingCreateRequestTrainingTypeCode": ".training_create_request_training_type_code",
    "TrainingListResponse": ".training_list_response",
    "TrainingResponse": ".training_response",
    "TrainingStatusCode": ".training_status_code",
    "Trial": ".trial",
    "TrialMetric": ".trial_metric",
    "TrialStatusCode": ".trial_status_code",
    "TuningStrategyName": ".tuning_strategy_name",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULES))


__all__ = (
    "Algorithm",
    "AlgorithmAlgorithmDatasetSchemaItem",
    "AlgorithmHyperparameterSpec",
    "AlgorithmListResponse",
    "ApigwStage",
    "AutoScaler",
    "BatchInference",
    "BatchInferenceCreateRequest",
    "BatchInferenceInputDataTypeCode",
    "BatchInferenceListResponse",
    "BatchInferenceResponse",
    "BatchInferenceStatusCode",
    "ConfidenceMetric",
    "ConfusionMatrix",
    "ConfusionMatrixAnnotationSpec",
    "Dataset",
    "DatasetFormatCode",
    "DatasetSplitCode",
    "EarlyStoppingAlgorithm",
    "EmptyResponse",
    "Endpoint",
    "EndpointCreateRequest",
    "EndpointListResponse",
    "EndpointModel",
    "EndpointModelListResponse",
    "EndpointModelResource",
    "EndpointModelResponse",
    "EndpointModelStatusCode",
    "EndpointResponse",
    "EndpointStage",
    "EndpointStageCreateRequest",
    "EndpointStageListResponse",
    "EndpointStageResponse",
    "EndpointStageStatusCode",
    "EndpointStatusCode",
    "EvaluationMetrics",
    "Experiment",
    "ExperimentCreateRequest",
    "ExperimentListResponse",
    "ExperimentResponse",
    "ExperimentStatusCode",
    "FineTuning",
    "FineTuningCreateRequest",
    "FineTuningListResponse",
    "FineTuningResponse",
    "FineTuningStatusCode",
    "FlavorListResponse",
    "Header",
    "HyperparameterSpec",
    "HyperparameterSpecView",
    "HyperparameterTuning",
    "HyperparameterTuningCreateRequest",
    "HyperparameterTuningListResponse",
    "HyperparameterTuningResponse",
    "HyperparameterTuningStatusCode",
    "HyperparameterTypeCode",
    "IaasToken",
    "IaasTokenResponse",
    "IaasTokenToken",
    "Image",
    "ImageListResponse",
    "InstanceType",
    "LogChunk",
    "LogChunkResponse",
    "LogSource",
    "LogSourceListResponse",
    "Metric",
    "MetricPoint",
    "MetricSeries",
    "MetricSeriesListResponse",
    "Model",
    "ModelCreateRequest",
    "ModelEvaluation",
    "ModelEvaluationBatchInference",
    "ModelEvaluationBatchInferenceRequest",
    "ModelEvaluationCreateRequest",
    "ModelEvaluationInputDataTypeCode",
    "ModelEvaluationListResponse",
    "ModelEvaluationResponse",
    "ModelEvaluationStatusCode",
    "ModelFineTuning",
    "ModelFormatCode",
    "ModelHyperparameterTuning",
    "ModelListResponse",
    "ModelParameter",
    "ModelParameterSpec",
    "ModelParameterSpecListResponse",
    "ModelPreset",
    "ModelPresetListResponse",
    "ModelPresetMetadata",
    "ModelResponse",
    "ModelStatusCode",
    "ModelSummary",
    "ModelTraining",
    "ModelTypeCode",
    "Nas",
    "ObjectiveCode",
    "ObjectiveMetric",
    "ObjectiveTypeCode",
    "Paging",
    "Parameter",
    "Pipeline",
    "PipelineListResponse",
    "PipelineParameterSpec",
    "PipelineRecurringRun",
    "PipelineRecurringRunListResponse",
    "PipelineRecurringRunResponse",
    "PipelineRecurringRunStatusCode",
    "PipelineRecurringRunSummary",
    "PipelineResponse",
    "PipelineRun",
    "PipelineRunCreateRequest",
    "PipelineRunCreateResponse",
    "PipelineRunListResponse",
    "PipelineRunResponse",
    "PipelineRunStatusCode",
    "PipelineRunSummary",
    "PipelineStatusCode",
    "PipelineSummary",
    "PipelineUploadRequest",
    "ResourceOptionDetail",
    "ScaleMetricCode",
    "ServerProofRequest",
    "ServerProofResponse",
    "Storage",
    "Tag",
    "Training",
    "TrainingCreateRequest",
    "TrainingCreateRequestTrainingTypeCode",
    "TrainingListResponse",
    "TrainingResponse",
    "TrainingStatusCode",
    "Trial",
    "TrialMetric",
    "TrialStatusCode",
    "TuningStrategyName",
)
