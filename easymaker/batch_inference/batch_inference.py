"""2.1.x path of `easymaker.BatchInference`."""

from easymaker.resources.batch_inference import BatchInference

__all__ = ["BatchInference"]
