"""2.1.x path of `easymaker.PipelineRecurringRun`."""

from easymaker.resources.pipeline import PipelineRecurringRun

__all__ = ["PipelineRecurringRun"]
