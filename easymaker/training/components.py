"""2.1.x path of the value objects and lookup items of trainings and tunings."""

from easymaker.items import Algorithm, Trial, TrialMetric
from easymaker.values import Dataset, HyperparameterSpec, Metric

__all__ = ["Algorithm", "Dataset", "HyperparameterSpec", "Metric", "Trial", "TrialMetric"]
