"""2.1.x path of `Storage` and `Nas`."""

from easymaker.items import Storage
from easymaker.values import Nas

__all__ = ["Nas", "Storage"]
