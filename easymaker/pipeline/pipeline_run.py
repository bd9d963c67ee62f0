"""2.1.x path of `easymaker.PipelineRun`."""

from easymaker.resources.pipeline import PipelineRun

__all__ = ["PipelineRun"]
