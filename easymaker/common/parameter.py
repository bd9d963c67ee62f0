"""2.1.x path of `Parameter`."""

from easymaker.values import Parameter

__all__ = ["Parameter"]
