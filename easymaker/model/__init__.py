"""The 2.1.x package ``easymaker.model``."""

from easymaker.model import model
from easymaker.resources.model import Model

__all__ = ["Model", "model"]
