"""The 2.1.x package ``easymaker.pipeline``."""

from easymaker.pipeline import components, pipeline, pipeline_recurring_run, pipeline_run
from easymaker.resources.pipeline import Pipeline, PipelineRecurringRun, PipelineRun

__all__ = [
    "Pipeline",
    "PipelineRecurringRun",
    "PipelineRun",
    "components",
    "pipeline",
    "pipeline_recurring_run",
    "pipeline_run",
]
