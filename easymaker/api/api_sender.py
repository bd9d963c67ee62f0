"""2.1.x ``easymaker.api.api_sender``: not provided (see `easymaker.api`)."""

from easymaker.api import not_provided

__getattr__ = not_provided(__name__)
