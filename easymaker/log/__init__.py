"""The 2.1.x package ``easymaker.log``."""

from easymaker.log import logger

__all__ = ["logger"]
