"""The SDK's exceptions. Every one derives from `EasyMakerError`; constructors take keyword arguments only
(after the message), and the same facts have the same attribute names in every family::

    EasyMakerError
    ├── EasyMakerAuthError            2.1.x name: the base of the authentication failures below
    ├── EasyMakerRegionError          2.1.x name: an unknown or unsupported region
    ├── ConfigurationError            (also ValueError)  a setting is missing or invalid
    │   └── ServerIdentityError       the local profile's server did not prove it holds the token
    ├── EasyMakerValidationError      (also ValueError)  an argument outside a limit, found before any request
    ├── NameLookupError               (also ValueError)  a name (instance type, image, ...) that matches nothing
    ├── ResourceNotFoundError         (also LookupError) a client-side lookup (e.g. by name) found no resource
    ├── APIError                      a request to the API failed: request_method, request_url, status_code,
    │   │                             result_code, result_message, body (None where not known)
    │   ├── APIConnectionError        no response: DNS, TLS, refused, reset (status_code None)
    │   │   └── APITimeoutError       connect or read timeout, after the retries
    │   ├── APIResponseError          a response that is not the expected JSON envelope or payload
    │   ├── BadRequestError           HTTP 400 / 422 (and other 4xx without a class of their own)
    │   ├── AuthenticationError       HTTP 401: the token is missing, wrong or expired (also EasyMakerAuthError)
    │   ├── PermissionDeniedError     HTTP 403: the token is valid but may not do this (also EasyMakerAuthError)
    │   ├── NotFoundError             HTTP 404
    │   ├── ConflictError             HTTP 409: the resource's state forbids the operation
    │   ├── RateLimitError            HTTP 429, after the retries
    │   ├── InternalServerError       HTTP 5xx, after the retries
    │   └── PredictError              an inference request to an endpoint stage failed
    ├── WaitError                     a wait did not end in success: resource, status
    │   ├── ResourceFailedError       the resource reached a failure status: reason
    │   └── WaitTimeoutError          the deadline passed first (the work goes on): timeout
    └── NotDeployedError              (also LookupError) predict for a model not deployed on the stage

Messages never contain credentials: API errors carry the method, the URL (which holds no secret), the HTTP
status and the envelope's ``resultCode`` / ``resultMessage``, or an excerpt of a body that is not an envelope.
"""

from __future__ import annotations

from typing import Any

BODY_EXCERPT_CHARS = 300


class EasyMakerError(Exception):
    """Base class of every error raised by the SDK."""


class EasyMakerAuthError(EasyMakerError):
    """Authentication failed (2.1.x name): the base of `AuthenticationError` and of Object Storage token errors."""


class EasyMakerRegionError(EasyMakerError):
    """An unknown or unsupported region (2.1.x name)."""


class EasyMakerDockerError(Exception):
    """2.1.x name kept for ``except`` clauses; this SDK runs no Docker and never raises it."""


class ConfigurationError(EasyMakerError, ValueError):
    """A setting is missing or invalid (the message names every way to set it)."""


class ServerIdentityError(ConfigurationError):
    """The server at the local profile's URL did not prove that it holds the access token (it may be another
    user's program listening on the port, or an EasyMaker Local with another home); the token was not sent."""


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


class ResourceNotFoundError(EasyMakerError, LookupError):
    """A lookup made by the SDK itself (e.g. ``get_by_name``) found no resource; no request answered 404.

    Attributes:
        kind: the resource kind, e.g. ``Training``.
        name: the name that was looked for.
    """

    def __init__(self, message: str, *, kind: str | None = None, name: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.name = name


class APIError(EasyMakerError):
    """A request to the EasyMaker API (or an endpoint stage) failed.

    Attributes:
        request_method: method of the request, e.g. ``POST`` (``None`` when unknown).
        request_url: URL of the request.
        status_code: HTTP status of the response (``None`` when no response arrived).
        result_code: ``header.resultCode`` of the envelope (``None`` when the body is not an envelope).
        result_message: ``header.resultMessage`` of the envelope, else an excerpt of the body.
        body: the parsed JSON body, if any.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        request_method: str | None = None,
        request_url: str | None = None,
        status_code: int | None = None,
        result_code: int | None = None,
        result_message: str | None = None,
        body: Any = None,
    ) -> None:
        self.request_method = request_method
        self.request_url = request_url
        self.status_code = status_code
        self.result_code = result_code
        self.result_message = result_message
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
        # keyword-only attributes survive pickling (multiprocessing, joblib); the body is left out
        facts = {
            "request_method": self.request_method,
            "request_url": self.request_url,
            "status_code": self.status_code,
            "result_code": self.result_code,
            "result_message": self.result_message,
        }
        return (_rebuild_api_error, (type(self), str(self), facts))


def _rebuild_api_error(cls: type[APIError], message: str, facts: dict[str, Any]) -> APIError:
    return cls(message, **facts)


class BadRequestError(APIError):
    """HTTP 400/422, or an envelope error the server attributes to the request."""


class AuthenticationError(APIError, EasyMakerAuthError):
    """HTTP 401: the access token (or ``X-EasyMaker-Token``) is missing, wrong or expired."""


class PermissionDeniedError(APIError, EasyMakerAuthError):
    """HTTP 403: the token is valid but not allowed to do this."""


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


class APIConnectionError(APIError):
    """The request could not be sent or no response was received (DNS, TLS, refused, reset...)."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect or read) after the retries were used up."""


STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
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


class PredictError(APIError):
    """An inference request to an endpoint stage failed (HTTP status >= 400 or a body that is not JSON)."""

    @property
    def url(self) -> str | None:
        """The stage URL (the same as ``request_url``; kept for code written against earlier releases)."""
        return self.request_url


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
    "PermissionDeniedError",
    "PredictError",
    "RateLimitError",
    "ResourceFailedError",
    "ResourceNotFoundError",
    "WaitError",
    "WaitTimeoutError",
]
