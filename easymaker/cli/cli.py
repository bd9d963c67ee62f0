"""2.1.x path of the command line entry point (``easymaker = easymaker.cli.cli:main``)."""

from easymaker.cli import main

__all__ = ["main"]
