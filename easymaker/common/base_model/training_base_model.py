"""2.1.x base classes of trainings: both are `easymaker.Training` here."""

from easymaker.resources.training import Training as TrainingBaseModel
from easymaker.resources.training import Training as TrainingCommonBaseModel

__all__ = ["TrainingBaseModel", "TrainingCommonBaseModel"]
