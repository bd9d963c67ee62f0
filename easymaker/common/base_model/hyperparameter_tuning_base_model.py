"""2.1.x base class of tunings: `easymaker.HyperparameterTuning` here."""

from easymaker.resources.hyperparameter_tuning import HyperparameterTuning as HyperparameterTuningBaseModel

__all__ = ["HyperparameterTuningBaseModel"]
