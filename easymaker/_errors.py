"""The SDK's exceptions: one base class, typed API errors, connection errors, validation and wait errors.

Messages never contain credentials: API errors carry the method, the URL (which holds no secret), the HTTP
status and the envelope's ``resultCode`` / ``resultMessage``, or an excerpt of a body that is not an envelope.
"""

from __future__ import annotations

from typing import Any

BODY_EXCERPT_CHARS = 300


class EasyMakerError(Exception):
    """Base class of every error raised by the SDK."""


class ConfigurationError(EasyMakerError, ValueError):
    """A setting is missing or invalid (the message names every way to set it)."""


class EasyMakerValidationError(EasyMakerError, ValueError):
    """An argument outside a limit of the API contract, detected before any request is sent.

    Attributes:
        parameter: the SDK parameter (e.g. ``training_name``), or the wire path when no parameter maps to it.
        wire_field: the camelCase field of the request body (e.g. ``trainingName``), if any.
        constraint: the violated JSON Schema keyword (``maxLength``, ``maximum``, ``enum``, ``required``, ...).
        limit: the limit from the contract.
        value: the rejected value.
    """

    def __init__(
        self,
        message: str,
        *,
        parameter: str | None = None,
        wire_field: str | None = None,
        constraint: str | None = None,
        limit: Any = None,
        value: Any = None,
    ) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.wire_field = wire_field
        self.constraint = constraint
        self.limit = limit
        self.value = value


class NameLookupError(EasyMakerError, ValueError):
    """A name (instance type, image, algorithm, model, ...) that matches nothing; the message lists valid names."""

    def __init__(self, kind: str, name: str, valid: list[str]) -> None:
        shown = ", ".join(repr(v) for v in valid[:50])
        more = f" (and {len(valid) - 50} more)" if len(valid) > 50 else ""
        super().__init__(f"unknown {kind} {name!r}; valid names: {shown or '(none)'}{more}")
        self.kind = kind
        self.name = name
        self.valid = valid


class APIError(EasyMakerError):
    """The EasyMaker API answered with an error (HTTP status >= 400, or ``header.isSuccessful`` false).

    Attributes:
        status_code: HTTP status of the response.
        result_code: ``header.resultCode`` of the envelope (``None`` when the body is not an envelope).
        result_message: ``header.resultMessage`` of the envelope, else an excerpt of the body.
        request_method: method of the request, e.g. ``POST``.
        request_url: URL of the request.
    """

    def __init__(
        self,
        status_code: int | None,
        result_code: int | None,
        result_message: str | None,
        request_method: str | None,
        request_url: str | None,
        *,
        body: Any = None,
        message: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.result_code = result_code
        self.result_message = result_message
        self.request_method = request_method
        self.request_url = request_url
        self.body = body
        if message is None:
            parts = [f"{request_method} {request_url}" if request_method else (request_url or "request")]
            parts.append(f"failed: HTTP {status_code}")
            if result_code is not None:
                parts.append(f"resultCode {result_code}")
            text = " ".join(parts)
            if result_message:
                text += f": {result_message}"
            message = text
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_api_error,
            (
                type(self),
                self.status_code,
                self.result_code,
                self.result_message,
                self.request_method,
                self.request_url,
                str(self),
            ),
        )


def _rebuild_api_error(
    cls: type[APIError],
    status_code: int | None,
    result_code: int | None,
    result_message: str | None,
    request_method: str | None,
    request_url: str | None,
    message: str,
) -> APIError:
    return cls(status_code, result_code, result_message, request_method, request_url, message=message)


class BadRequestError(APIError):
    """HTTP 400/422, or an envelope error the server attributes to the request."""


class AuthenticationError(APIError):
    """HTTP 401/403: the access token (or ``X-EasyMaker-Token``) is missing, wrong or expired."""


class NotFoundError(APIError):
    """HTTP 404: no such resource (or not visible to this appkey)."""


class ConflictError(APIError):
    """HTTP 409: the resource's state forbids the operation (e.g. deleting a running training)."""


class RateLimitError(APIError):
    """HTTP 429 after the retries were used up."""


class InternalServerError(APIError):
    """HTTP 5xx after the retries were used up (or on a call that is not retried)."""


class APIResponseError(APIError):
    """The response is not the expected JSON envelope (HTML error page, empty body, missing payload...)."""


class APIConnectionError(EasyMakerError):
    """The request could not be sent or no response was received (DNS, TLS, refused, reset...)."""

    def __init__(self, message: str, *, request_method: str | None = None, request_url: str | None = None) -> None:
        super().__init__(message)
        self.request_method = request_method
        self.request_url = request_url


class APITimeoutError(APIConnectionError):
    """The request timed out (connect or read) after the retries were used up."""


STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    409: ConflictError,
    422: BadRequestError,
    429: RateLimitError,
}


def error_class_for(status_code: int) -> type[APIError]:
    """The `APIError` subclass for an HTTP status (``APIError`` itself for a 2xx envelope failure)."""
    if status_code in STATUS_ERRORS:
        return STATUS_ERRORS[status_code]
    if status_code >= 500:
        return InternalServerError
    if status_code >= 400:
        return BadRequestError
    return APIError


def body_excerpt(content: bytes | str, limit: int = BODY_EXCERPT_CHARS) -> str:
    """The start of a response body as one line of text (for error messages)."""
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    text = " ".join(text.split())
    if not text:
        return "(empty body)"
    return text if len(text) <= limit else text[: limit - 3] + "..."


class WaitError(EasyMakerError):
    """Waiting for a resource did not end in a success status."""

    def __init__(self, message: str, *, resource: Any = None, status: str | None = None) -> None:
        super().__init__(message)
        self.resource = resource
        self.status = status


class ResourceFailedError(WaitError):
    """The resource reached a failure status; ``reason`` is the server's ``<resource>StatusReason`` if any."""

    def __init__(self, message: str, *, resource: Any = None, status: str | None = None, reason: str | None = None):
        super().__init__(message, resource=resource, status=status)
        self.reason = reason


class WaitTimeoutError(WaitError):
    """The resource did not reach a terminal status before the deadline (it keeps running on the server)."""

    def __init__(self, message: str, *, resource: Any = None, status: str | None = None, timeout: float | None = None):
        super().__init__(message, resource=resource, status=status)
        self.timeout = timeout


class NotDeployedError(EasyMakerError, LookupError):
    """``predict`` was asked for a model that is not deployed on the stage (the message lists the deployed ids)."""


class PredictError(EasyMakerError):
    """An inference request failed (HTTP status >= 400 or a body that is not JSON)."""

    def __init__(self, message: str, *, status_code: int | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.url = url


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "EasyMakerError",
    "EasyMakerValidationError",
    "InternalServerError",
    "NameLookupError",
    "NotDeployedError",
    "NotFoundError",
    "PredictError",
    "RateLimitError",
    "ResourceFailedError",
    "WaitError",
    "WaitTimeoutError",
]
