"""2.1.x ``easymaker.api.request_body``: not provided (see `easymaker.api`)."""

from easymaker.api import not_provided

__getattr__ = not_provided(__name__)
