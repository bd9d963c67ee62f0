"""Python SDK for NHN Cloud AI EasyMaker (and EasyMaker Local).

``import easymaker`` is cheap and does no I/O: resource classes, the generated API client and httpx are imported on
first use. Every name of the user's guide (2.1.0) and of the 2.1.x SDK is available here::

    import easymaker
    easymaker.init(appkey=..., region="kr1", access_token=...)      # or profile="local"
    experiment = easymaker.Experiment().create(experiment_name="exp")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from easymaker._client import Client, init
from easymaker._config import easymaker_config
from easymaker._errors import (
    APIConnectionError,
    APIError,
    APIResponseError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    EasyMakerAuthError,
    EasyMakerDockerError,
    EasyMakerError,
    EasyMakerRegionError,
    EasyMakerValidationError,
    InternalServerError,
    NameLookupError,
    NotDeployedError,
    NotFoundError,
    PermissionDeniedError,
    PredictError,
    RateLimitError,
    ResourceFailedError,
    ResourceNotFoundError,
    ServerIdentityError,
    WaitError,
    WaitTimeoutError,
)
from easymaker._imports import defer_httpx_cli
from easymaker.codes import (
    BatchInferenceInputDataTypeCode,
    DatasetFormatCode,
    DatasetSplitCode,
    EarlyStoppingAlgorithm,
    HyperparameterTypeCode,
    ModelEvaluationInputDataTypeCode,
    ModelFormatCode,
    ObjectiveCode,
    ObjectiveTypeCode,
    ScaleMetricCode,
    TuningStrategy,
)
from easymaker.constants import (
    CLASSIFICATION,
    CSV,
    EARLY_STOPPING_ALGORITHM,
    HUGGING_FACE,
    HYPERPARAMETER_TYPE_CODE,
    INPUT_DATA_TYPE_CODE,
    JSON,
    JSONL,
    OBJECTIVE_TYPE_CODE,
    PYTORCH,
    REGRESSION,
    SCALE_METRIC_CODE,
    SCIKIT_LEARN,
    TENSORFLOW,
    TUNING_STRATEGY,
)
from easymaker.values import (
    Dataset,
    EndpointModelResource,
    HyperparameterSpec,
    Metric,
    Nas,
    Parameter,
    ResourceOptionDetail,
    Tag,
)

if TYPE_CHECKING:
    from easymaker.metrics import log_metrics
    from easymaker.resources.batch_inference import BatchInference
    from easymaker.resources.endpoint import ApiSpec, Endpoint, EndpointModel, EndpointStage
    from easymaker.resources.experiment import Experiment
    from easymaker.resources.fine_tuning import FineTuning
    from easymaker.resources.hyperparameter_tuning import HyperparameterTuning
    from easymaker.resources.model import Model
    from easymaker.resources.model_evaluation import ModelEvaluation
    from easymaker.resources.model_preset import ModelPreset
    from easymaker.resources.observe import LogsNotAvailableError, MetricPoint, MetricSeries
    from easymaker.resources.pipeline import Pipeline, PipelineRecurringRun, PipelineRun
    from easymaker.resources.training import Training
    from easymaker.storage.client import ObjectStorage, download, upload

from easymaker._version import __version__ as __version__

defer_httpx_cli()  # before anything imports httpx

# name -> (module, attribute); attribute None means the module itself. The resource classes are not listed: their
# names and modules come from the spec's registry of kinds (`easymaker_api.kinds`), read on the first such lookup so
# that `import easymaker` does not load the generated package. `__all__` and the TYPE_CHECKING imports above name
# them again for type checkers and IDEs; tests/codegen/test_kinds_registry.py checks that they equal the registry.
_LAZY: dict[str, tuple[str, str | None]] = {
    "ModelPreset": ("easymaker.resources.model_preset", "ModelPreset"),
    "ApiSpec": ("easymaker.resources.endpoint", "ApiSpec"),
    "upload": ("easymaker.storage.client", "upload"),
    "download": ("easymaker.storage.client", "download"),
    "ObjectStorage": ("easymaker.storage.client", "ObjectStorage"),
    "logger": ("easymaker.log.logger", "Logger"),
    "log_metrics": ("easymaker.metrics", "log_metrics"),
    "MetricSeries": ("easymaker.resources.observe", "MetricSeries"),
    "MetricPoint": ("easymaker.resources.observe", "MetricPoint"),
    "LogsNotAvailableError": ("easymaker.resources.observe", "LogsNotAvailableError"),
    "Image": ("easymaker.items", "Image"),
    "InstanceType": ("easymaker.items", "InstanceType"),
    "Algorithm": ("easymaker.items", "Algorithm"),
    "Trial": ("easymaker.items", "Trial"),
    # modules of the 2.1.x package layout (packages of this SDK that re-export the resource modules)
    "experiment": ("easymaker.experiment", None),
    "training": ("easymaker.training", None),
    "hyperparameter_tuning": ("easymaker.hyperparameter_tuning", None),
    "fine_tuning": ("easymaker.fine_tuning", None),
    "model": ("easymaker.model", None),
    "model_preset": ("easymaker.model_preset", None),
    "endpoint": ("easymaker.endpoint", None),
    "batch_inference": ("easymaker.batch_inference", None),
    "model_evaluation": ("easymaker.model_evaluation", None),
    "pipeline": ("easymaker.pipeline", None),
    "pipeline_run": ("easymaker.pipeline_run", None),
    "pipeline_recurring_run": ("easymaker.pipeline_recurring_run", None),
    "objectstorage": ("easymaker.objectstorage", None),
    "storage": ("easymaker.storage", None),
    "initializer": ("easymaker.initializer", None),
    "common": ("easymaker.common", None),
    "log": ("easymaker.log", None),
    "api": ("easymaker.api", None),
    "items": ("easymaker.items", None),
    "cli": ("easymaker.cli", None),
    "sample": ("easymaker.sample", None),
}


def _resource_target(name: str) -> tuple[str, str | None] | None:
    from easymaker_api.kinds import BY_CLASS

    kind = BY_CLASS.get(name)
    return None if kind is None else (kind.module, kind.class_name)


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name) or (_resource_target(name) if name[:1].isupper() else None)
    if target is None:
        raise AttributeError(f"module 'easymaker' has no attribute {name!r}")
    module_name, attribute = target
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(__all__))


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseError",
    "APITimeoutError",
    "ApiSpec",
    "AuthenticationError",
    "BadRequestError",
    "BatchInference",
    "BatchInferenceInputDataTypeCode",
    "CLASSIFICATION",
    "CSV",
    "Client",
    "ConfigurationError",
    "ServerIdentityError",
    "ConflictError",
    "Dataset",
    "DatasetFormatCode",
    "DatasetSplitCode",
    "EARLY_STOPPING_ALGORITHM",
    "EarlyStoppingAlgorithm",
    "EasyMakerAuthError",
    "EasyMakerDockerError",
    "EasyMakerError",
    "EasyMakerRegionError",
    "EasyMakerValidationError",
    "Endpoint",
    "EndpointModel",
    "EndpointModelResource",
    "EndpointStage",
    "Experiment",
    "Image",
    "InstanceType",
    "Algorithm",
    "Trial",
    "FineTuning",
    "HUGGING_FACE",
    "HYPERPARAMETER_TYPE_CODE",
    "HyperparameterSpec",
    "HyperparameterTuning",
    "HyperparameterTypeCode",
    "INPUT_DATA_TYPE_CODE",
    "InternalServerError",
    "JSON",
    "JSONL",
    "Metric",
    "Model",
    "ModelEvaluation",
    "ModelEvaluationInputDataTypeCode",
    "ModelFormatCode",
    "ModelPreset",
    "NameLookupError",
    "Nas",
    "NotDeployedError",
    "NotFoundError",
    "PermissionDeniedError",
    "OBJECTIVE_TYPE_CODE",
    "ObjectStorage",
    "ObjectiveCode",
    "ObjectiveTypeCode",
    "PYTORCH",
    "Parameter",
    "Pipeline",
    "PipelineRecurringRun",
    "PipelineRun",
    "PredictError",
    "REGRESSION",
    "RateLimitError",
    "ResourceFailedError",
    "ResourceNotFoundError",
    "ResourceOptionDetail",
    "SCALE_METRIC_CODE",
    "SCIKIT_LEARN",
    "ScaleMetricCode",
    "TENSORFLOW",
    "TUNING_STRATEGY",
    "Tag",
    "Training",
    "TuningStrategy",
    "WaitError",
    "WaitTimeoutError",
    "download",
    "easymaker_config",
    "init",
    "logger",
    "upload",
    "log_metrics",
    "MetricSeries",
    "MetricPoint",
    "LogsNotAvailableError",
]
