"""``easymaker.hyperparameter_tuning`` (this SDK's short path; 2.1.x has ``easymaker.training.hyperparameter_tuning``)."""

from easymaker.resources.hyperparameter_tuning import HyperparameterTuning

__all__ = ["HyperparameterTuning"]
