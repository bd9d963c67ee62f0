"""2.1.x path of `PipelineParameterSpec`."""

from easymaker.items import PipelineParameterSpec

__all__ = ["PipelineParameterSpec"]
