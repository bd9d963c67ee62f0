"""Code enums of the API (the 2.1.5 names). Values are the wire strings; tests check them against the contract."""

from __future__ import annotations

from enum import StrEnum


class ModelFormatCode(StrEnum):
    TENSORFLOW = "TENSORFLOW"
    PYTORCH = "PYTORCH"
    SKLEARN = "SKLEARN"
    HUGGING_FACE = "HUGGING_FACE"
    TRITON = "TRITON"
    SAPEON = "SAPEON"


class HyperparameterTypeCode(StrEnum):
    INT = "int"
    DOUBLE = "double"
    DISCRETE = "discrete"
    CATEGORICAL = "categorical"


class ObjectiveTypeCode(StrEnum):
    MINIMIZE = "MINIMIZE"
    MAXIMIZE = "MAXIMIZE"


class TuningStrategy(StrEnum):
    GRID = "GRID"
    RANDOM = "RANDOM"
    BAYESIAN_OPTIMIZATION = "BAYESIAN_OPTIMIZATION"


class EarlyStoppingAlgorithm(StrEnum):
    MEDIAN = "MEDIAN"


class BatchInferenceInputDataTypeCode(StrEnum):
    JSON = "JSON"
    JSONL = "JSONL"


class ModelEvaluationInputDataTypeCode(StrEnum):
    JSONL = "JSONL"
    CSV = "CSV"


class ScaleMetricCode(StrEnum):
    CPU_UTILIZATION = "CPU_UTILIZATION"
    MEMORY_UTILIZATION = "MEMORY_UTILIZATION"


class ObjectiveCode(StrEnum):
    CLASSIFICATION = "CLASSIFICATION"
    REGRESSION = "REGRESSION"


class DatasetFormatCode(StrEnum):
    CHAT_TEMPLATE = "CHAT_TEMPLATE"
    COMPLETION = "COMPLETION"


class DatasetSplitCode(StrEnum):
    TRAIN = "TRAIN"
    VALIDATION = "VALIDATION"
    TEST = "TEST"


class ExposureScopeCode(StrEnum):
    HUGGING_FACE = "HUGGING_FACE"
    RAG_LLM = "RAG_LLM"
    RAG_EMBEDDING = "RAG_EMBEDDING"
    SAPEON = "SAPEON"
    FINE_TUNING = "FINE_TUNING"


class ParameterTypeCode(StrEnum):
    SERVING = "SERVING"
    MODEL = "MODEL"
    FINE_TUNING = "FINE_TUNING"


__all__ = [
    "BatchInferenceInputDataTypeCode",
    "DatasetFormatCode",
    "DatasetSplitCode",
    "EarlyStoppingAlgorithm",
    "ExposureScopeCode",
    "HyperparameterTypeCode",
    "ModelEvaluationInputDataTypeCode",
    "ModelFormatCode",
    "ObjectiveCode",
    "ObjectiveTypeCode",
    "ParameterTypeCode",
    "ScaleMetricCode",
    "TuningStrategy",
]
