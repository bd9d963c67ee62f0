"""2.1.x path of the metric objects of model evaluations."""

from easymaker.items import (
    AnnotationSpec,
    ClassificationEvaluationMetrics,
    ConfidenceMetric,
    ConfusionMatrix,
    RegressionEvaluationMetrics,
)

__all__ = [
    "AnnotationSpec",
    "ClassificationEvaluationMetrics",
    "ConfidenceMetric",
    "ConfusionMatrix",
    "RegressionEvaluationMetrics",
]
