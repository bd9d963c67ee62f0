"""2.1.x path of `InstanceType`."""

from easymaker.items import InstanceType

__all__ = ["InstanceType"]
