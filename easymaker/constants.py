"""The 2.1.0 constants used by the user's guide (plain classes of strings and module-level strings)."""

from __future__ import annotations


class HYPERPARAMETER_TYPE_CODE:  # noqa: N801 - the guide's name
    INT = "int"
    DOUBLE = "double"
    DISCRETE = "discrete"
    CATEGORICAL = "categorical"


class OBJECTIVE_TYPE_CODE:  # noqa: N801
    MINIMIZE = "MINIMIZE"
    MAXIMIZE = "MAXIMIZE"


class TUNING_STRATEGY:  # noqa: N801
    GRID = "GRID"
    RANDOM = "RANDOM"
    BAYESIAN_OPTIMIZATION = "BAYESIAN_OPTIMIZATION"


class EARLY_STOPPING_ALGORITHM:  # noqa: N801
    MEDIAN = "MEDIAN"


class INPUT_DATA_TYPE_CODE:  # noqa: N801
    JSON = "JSON"
    JSONL = "JSONL"
    CSV = "CSV"


class SCALE_METRIC_CODE:  # noqa: N801
    CPU_UTILIZATION = "CPU_UTILIZATION"
    MEMORY_UTILIZATION = "MEMORY_UTILIZATION"


# Model type codes (2.1.0 ``model_type_code``; the 2.1.5 ``model_format_code`` maps SCIKIT_LEARN to SKLEARN).
TENSORFLOW = "TENSORFLOW"
PYTORCH = "PYTORCH"
SCIKIT_LEARN = "SCIKIT_LEARN"
HUGGING_FACE = "HUGGING_FACE"

# Model evaluation objectives.
CLASSIFICATION = "CLASSIFICATION"
REGRESSION = "REGRESSION"

# Input data types (batch inference: JSON, JSONL; model evaluation: JSONL, CSV).
CSV = "CSV"
JSONL = "JSONL"
JSON = "JSON"

__all__ = [
    "CLASSIFICATION",
    "CSV",
    "EARLY_STOPPING_ALGORITHM",
    "HUGGING_FACE",
    "HYPERPARAMETER_TYPE_CODE",
    "INPUT_DATA_TYPE_CODE",
    "JSON",
    "JSONL",
    "OBJECTIVE_TYPE_CODE",
    "PYTORCH",
    "REGRESSION",
    "SCALE_METRIC_CODE",
    "SCIKIT_LEARN",
    "TENSORFLOW",
    "TUNING_STRATEGY",
]
