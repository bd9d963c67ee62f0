"""The 2.1.x package of base classes."""

from easymaker.common.base_model import easymaker_base_model, hyperparameter_tuning_base_model, training_base_model

__all__ = ["easymaker_base_model", "hyperparameter_tuning_base_model", "training_base_model"]
