"""2.1.x path of `easymaker.Experiment`."""

from easymaker.resources.experiment import Experiment

__all__ = ["Experiment"]
