"""The 2.1.x package ``easymaker.training`` (trainings and hyperparameter tunings)."""

from easymaker.resources.training import Training, TrainingLookupsMixin, resolve_training_ids
from easymaker.training import components, hyperparameter_tuning, training

__all__ = [
    "Training",
    "TrainingLookupsMixin",
    "components",
    "hyperparameter_tuning",
    "resolve_training_ids",
    "training",
]
