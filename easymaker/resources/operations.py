"""The generated operations a resource kind declares once (`Operations`), and reading their payloads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from easymaker_api.client import Client as ApiClient
    from easymaker_api.types import Response

R = TypeVar("R")
L = TypeVar("L")


class IdOperation(Protocol):
    """A generated operation on one resource (``get_training``, ``delete_training``, ``stop_training``...)."""

    def __call__(self, appkey: str, resource_id: str, /, *, client: ApiClient) -> Response[Any]: ...


class CreateOperation(Protocol):
    """A generated operation posting a request body (``create_training``, ``upload_pipeline``...)."""

    def __call__(self, appkey: str, /, *, client: ApiClient, body: Any) -> Response[Any]: ...


class WireModel(Protocol):
    """A generated model (its wire names)."""

    __wire_names__: ClassVar[dict[str, str]]


@dataclass(frozen=True)
class Operations(Generic[R, L]):
    """The generated operations and models of one resource kind, declared once by its class.

    ``payload`` / ``list_payload`` pick the resource (list) out of the parsed ``response`` / ``list_response``;
    ``list_filters`` are the keyword arguments of ``list`` that ``get_list`` passes on (absent ones as ``UNSET``).
    """

    wire: type[WireModel]  # the generated model of the resource
    get: IdOperation
    response: type[R]
    payload: Callable[[R], Any]
    list: Callable[..., Response[Any]]
    list_response: type[L]
    list_payload: Callable[[L], Any]
    delete: IdOperation
    stop: IdOperation | None = None
    list_filters: tuple[str, ...] = ()


def wire_dict(value: Any, what: str) -> dict[str, Any]:
    """The wire dict of a parsed payload object; an `APIResponseError` when the payload key is missing."""
    if value is None or not hasattr(value, "to_dict"):
        from easymaker._errors import APIResponseError

        raise APIResponseError(f"the response has no {what!r} payload")
    result: dict[str, Any] = value.to_dict()
    return result


def wire_dicts(values: Any) -> list[dict[str, Any]]:
    """Wire dicts of a parsed payload list (an absent list is empty)."""
    if values is None or not isinstance(values, list):
        return []
    return [v.to_dict() for v in values]
