"""2.1.x path of `easymaker.FineTuning`."""

from easymaker.resources.fine_tuning import FineTuning

__all__ = ["FineTuning"]
