"""The 2.1.x package ``easymaker.experiment``."""

from easymaker.experiment import experiment
from easymaker.resources.experiment import Experiment

__all__ = ["Experiment", "experiment"]
