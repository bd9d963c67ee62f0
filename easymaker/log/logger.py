"""2.1.x path of the Log & Crash `Logger`."""

from easymaker.logger import Logger

__all__ = ["Logger"]
