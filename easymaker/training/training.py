"""2.1.x path of `easymaker.Training`."""

from easymaker.resources.training import Training

__all__ = ["Training"]
