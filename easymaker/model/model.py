"""2.1.x path of `easymaker.Model`."""

from easymaker.resources.model import Model

__all__ = ["Model"]
