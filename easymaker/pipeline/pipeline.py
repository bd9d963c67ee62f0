"""2.1.x path of `easymaker.Pipeline`."""

from easymaker.resources.pipeline import Pipeline

__all__ = ["Pipeline"]
