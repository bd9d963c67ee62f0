"""2.1.x path of `ApiSpec` (the inference protocols)."""

from easymaker.resources.endpoint import ApiSpec

__all__ = ["ApiSpec"]
