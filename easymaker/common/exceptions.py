"""2.1.x path of the error classes (all in `easymaker._errors`)."""

from easymaker._errors import EasyMakerAuthError, EasyMakerDockerError, EasyMakerError, EasyMakerRegionError

__all__ = ["EasyMakerAuthError", "EasyMakerDockerError", "EasyMakerError", "EasyMakerRegionError"]
