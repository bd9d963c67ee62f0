"""2.1.x path of `easymaker.HyperparameterTuning`."""

from easymaker.resources.hyperparameter_tuning import HyperparameterTuning

__all__ = ["HyperparameterTuning"]
