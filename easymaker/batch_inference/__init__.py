"""The 2.1.x package ``easymaker.batch_inference``."""

from easymaker.batch_inference import batch_inference
from easymaker.resources.batch_inference import BatchInference

__all__ = ["BatchInference", "batch_inference"]
