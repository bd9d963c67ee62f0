"""The 2.1.x package ``easymaker.model_preset``."""

from easymaker.model_preset import model_preset
from easymaker.resources.model_preset import ModelPreset

__all__ = ["ModelPreset", "model_preset"]
