"""``easymaker.pipeline_recurring_run`` (this SDK's short path; 2.1.x has ``easymaker.pipeline.pipeline_recurring_run``)."""

from easymaker.resources.pipeline import PipelineRecurringRun

__all__ = ["PipelineRecurringRun"]
