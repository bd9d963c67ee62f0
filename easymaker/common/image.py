"""2.1.x path of `Image`."""

from easymaker.items import Image

__all__ = ["Image"]
