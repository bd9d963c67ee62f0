"""2.1.x path of the code enums (`easymaker.codes`)."""

from easymaker.codes import *  # noqa: F403
from easymaker.codes import __all__ as __all__
