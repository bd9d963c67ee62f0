"""2.1.x path of `easymaker.ModelPreset` and its items."""

from easymaker.items import ModelParameterSpec, ModelPresetMetadata
from easymaker.resources.model_preset import ModelPreset

__all__ = ["ModelParameterSpec", "ModelPreset", "ModelPresetMetadata"]
