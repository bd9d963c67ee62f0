"""Python SDK for NHN Cloud AI EasyMaker (and EasyMaker Local).

``import easymaker`` is cheap and does no I/O: resource classes, the generated API client and httpx are imported on
first use. Every name of the user's guide (2.1.0) and of the 2.1.x SDK is available here::

    import easymaker
    easymaker.init(appkey=..., region="kr1", access_token=...)      # or profile="local"
    experiment = easymaker.Experiment().create(experiment_name="exp")
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
from typing import TYPE_CHECKING, Any, cast

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
    EasyMakerError,
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
    from importlib.abc import Loader

    from easymaker.objectstorage import ObjectStorage, download, upload
    from easymaker.resources.batch_inference import BatchInference
    from easymaker.resources.endpoint import ApiSpec, Endpoint, EndpointModel, EndpointStage
    from easymaker.resources.experiment import Experiment
    from easymaker.resources.fine_tuning import FineTuning
    from easymaker.resources.hyperparameter_tuning import HyperparameterTuning
    from easymaker.resources.model import Model
    from easymaker.resources.model_evaluation import ModelEvaluation
    from easymaker.resources.model_preset import ModelPreset
    from easymaker.resources.pipeline import Pipeline, PipelineRecurringRun, PipelineRun
    from easymaker.resources.training import Training

from easymaker._version import __version__ as __version__

defer_httpx_cli()  # before anything imports httpx

# name -> (module, attribute); attribute None means the module itself.
_LAZY: dict[str, tuple[str, str | None]] = {
    "Experiment": ("easymaker.resources.experiment", "Experiment"),
    "Training": ("easymaker.resources.training", "Training"),
    "HyperparameterTuning": ("easymaker.resources.hyperparameter_tuning", "HyperparameterTuning"),
    "FineTuning": ("easymaker.resources.fine_tuning", "FineTuning"),
    "Model": ("easymaker.resources.model", "Model"),
    "ModelPreset": ("easymaker.resources.model_preset", "ModelPreset"),
    "Endpoint": ("easymaker.resources.endpoint", "Endpoint"),
    "EndpointStage": ("easymaker.resources.endpoint", "EndpointStage"),
    "EndpointModel": ("easymaker.resources.endpoint", "EndpointModel"),
    "ApiSpec": ("easymaker.resources.endpoint", "ApiSpec"),
    "BatchInference": ("easymaker.resources.batch_inference", "BatchInference"),
    "ModelEvaluation": ("easymaker.resources.model_evaluation", "ModelEvaluation"),
    "Pipeline": ("easymaker.resources.pipeline", "Pipeline"),
    "PipelineRun": ("easymaker.resources.pipeline", "PipelineRun"),
    "PipelineRecurringRun": ("easymaker.resources.pipeline", "PipelineRecurringRun"),
    "upload": ("easymaker.objectstorage", "upload"),
    "download": ("easymaker.objectstorage", "download"),
    "ObjectStorage": ("easymaker.objectstorage", "ObjectStorage"),
    "logger": ("easymaker.logger", "Logger"),
    # module aliases of the 2.1.x package layout
    "experiment": ("easymaker.resources.experiment", None),
    "training": ("easymaker.resources.training", None),
    "hyperparameter_tuning": ("easymaker.resources.hyperparameter_tuning", None),
    "fine_tuning": ("easymaker.resources.fine_tuning", None),
    "model": ("easymaker.resources.model", None),
    "model_preset": ("easymaker.resources.model_preset", None),
    "endpoint": ("easymaker.resources.endpoint", None),
    "batch_inference": ("easymaker.resources.batch_inference", None),
    "model_evaluation": ("easymaker.resources.model_evaluation", None),
    "pipeline": ("easymaker.resources.pipeline", None),
    "pipeline_run": ("easymaker.resources.pipeline", None),
    "pipeline_recurring_run": ("easymaker.resources.pipeline", None),
    "objectstorage": ("easymaker.objectstorage", None),
    "initializer": ("easymaker._client", None),
}


class _ModuleAliasFinder:
    """Makes ``import easymaker.endpoint`` (and the other 2.1.x module paths) give the module that holds those names.

    ``easymaker.objectstorage`` is a real module; the rest are aliases of modules under ``easymaker.resources``.
    A meta path finder and loader by protocol (not by subclassing ``importlib.abc``, whose import pulls in
    ``importlib.resources`` and ``tempfile``: a quarter of ``import easymaker``).
    """

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.partition(".")
        alias = _LAZY.get(name) if package == "easymaker" and "." not in name else None
        if alias is None or alias[1] is not None or alias[0] == fullname:
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Any:
        return importlib.import_module(_LAZY[spec.name.partition(".")[2]][0])

    def exec_module(self, module: Any) -> None:
        """The aliased module is already executed."""


if not any(isinstance(finder, _ModuleAliasFinder) for finder in sys.meta_path):
    sys.meta_path.append(_ModuleAliasFinder())


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'easymaker' has no attribute {name!r}")
    module_name, attribute = target
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "ConflictError",
    "Dataset",
    "DatasetFormatCode",
    "DatasetSplitCode",
    "EARLY_STOPPING_ALGORITHM",
    "EarlyStoppingAlgorithm",
    "EasyMakerError",
    "EasyMakerValidationError",
    "Endpoint",
    "EndpointModel",
    "EndpointModelResource",
    "EndpointStage",
    "Experiment",
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
]
