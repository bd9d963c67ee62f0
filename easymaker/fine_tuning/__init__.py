"""The 2.1.x package ``easymaker.fine_tuning``."""

from easymaker.fine_tuning import fine_tuning
from easymaker.resources.fine_tuning import FineTuning

__all__ = ["FineTuning", "fine_tuning"]
