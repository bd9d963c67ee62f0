"""``easymaker.pipeline_run`` (this SDK's short path; 2.1.x has ``easymaker.pipeline.pipeline_run``)."""

from easymaker.resources.pipeline import PipelineRun

__all__ = ["PipelineRun"]
