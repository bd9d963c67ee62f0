"""2.1.x package of its internal HTTP client (``api_sender.ApiSender``) and request bodies (``request_body``).

This SDK has neither: its requests go through `easymaker.Client` and the client generated from ``spec/openapi.yaml``
(``easymaker_api``). The modules import, and each 2.1.x name raises an error saying so (see docs/migration.md).
"""

from collections.abc import Callable
from typing import NoReturn


def not_provided(module: str) -> Callable[[str], NoReturn]:
    """A module ``__getattr__`` raising, for every public name, an ImportError that says why it is absent (an
    ImportError, so that ``from module import name`` shows the message)."""

    def missing(name: str) -> NoReturn:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(
            f"{module}.{name} is internal to the official SDK 2.1.x and not provided here: use easymaker.Client and "
            "the resource classes (docs/migration.md)"
        )

    return missing


from easymaker.api import api_sender, request_body  # noqa: E402 - they use not_provided

__all__ = ["api_sender", "not_provided", "request_body"]
