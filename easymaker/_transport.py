"""A retrying httpx transport: capped exponential backoff with jitter, Retry-After, idempotency rules.

Retried:
* connection failures before the request was sent (connect errors and connect timeouts): every method;
* read/write failures, read timeouts, HTTP 429 and 5xx: idempotent methods only (GET, HEAD, OPTIONS, PUT, DELETE).

A create (POST) is thus never sent twice. After the last attempt the failure surfaces as
`APIConnectionError` / `APITimeoutError`, or as the last HTTP response (checked by the client afterwards).
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable

import httpx

from easymaker._errors import APIConnectionError, APITimeoutError

logger = logging.getLogger("easymaker")

INITIAL_RETRY_DELAY = 0.5  # seconds before the first retry
MAX_RETRY_DELAY = 8.0  # cap of the exponential backoff
BACKOFF_FACTOR = 2.0
JITTER_RATIO = 0.25  # a retry waits between (1 - JITTER_RATIO) and 1 times the backoff delay
MAX_RETRY_AFTER = 60.0  # a longer Retry-After is not honoured (the error is raised instead)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

Sleep = Callable[[float], None]


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date); ``None`` if unusable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if parsed is None:
            return None
        seconds = parsed.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds < 0:  # NaN or in the past
        return 0.0
    return seconds


def backoff_delay(attempt: int, rng: Callable[[], float] = random.random) -> float:
    """Delay before retry number ``attempt`` (1-based): capped exponential backoff with downward jitter."""
    base = min(MAX_RETRY_DELAY, INITIAL_RETRY_DELAY * (BACKOFF_FACTOR ** (attempt - 1)))
    return base * (1.0 - JITTER_RATIO * rng())


class SchemeTransport(httpx.BaseTransport):
    """A keep-alive transport that sets TLS up only when it is needed.

    ``httpx.HTTPTransport()`` loads the CA bundle when built (about 40 ms, most of the first call to EasyMaker
    Local). Here ``http://`` requests go through a pool built with a bare TLS context that is never used (plain
    HTTP); the verifying pool for ``https://`` (httpx's defaults: certifi, ``SSL_CERT_FILE``...) is built on the
    first ``https://`` request.
    """

    def __init__(self) -> None:
        import ssl

        # Never used for TLS; if it were, it verifies (CERT_REQUIRED, hostname check) against no CA at all: refused.
        self._plain = httpx.HTTPTransport(verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        self._tls: httpx.HTTPTransport | None = None
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme != "https":
            return self._plain.handle_request(request)
        if self._tls is None:
            with self._lock:
                if self._tls is None:
                    self._tls = httpx.HTTPTransport()
        return self._tls.handle_request(request)

    def close(self) -> None:
        self._plain.close()
        with self._lock:
            tls, self._tls = self._tls, None
        if tls is not None:
            tls.close()


class RetryTransport(httpx.BaseTransport):
    """Wraps another transport (default: a keep-alive `SchemeTransport`) and retries as described above."""

    def __init__(
        self,
        wrapped: httpx.BaseTransport | None = None,
        *,
        max_retries: int = 3,
        sleep: Sleep | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._wrapped = wrapped if wrapped is not None else SchemeTransport()
        self.max_retries = max_retries
        self._sleep = sleep
        self._rng = rng

    def _pause(self, seconds: float) -> None:
        (self._sleep or time.sleep)(seconds)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        method = request.method.upper()
        idempotent = method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            try:
                response = self._wrapped.handle_request(request)
            except httpx.TransportError as exc:
                # A connect failure reached nothing on the server: safe to retry any method.
                unsent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if (unsent or idempotent) and attempt < self.max_retries:
                    attempt += 1
                    delay = backoff_delay(attempt, self._rng)
                    logger.info(
                        "%s %s: %s; retry %d/%d in %.2fs",
                        method,
                        request.url,
                        type(exc).__name__,
                        attempt,
                        self.max_retries,
                        delay,
                    )
                    self._pause(delay)
                    continue
                raise self._connection_error(exc, request, attempt) from exc
            if response.status_code in RETRY_STATUSES and idempotent and attempt < self.max_retries:
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                if retry_after is not None and retry_after > MAX_RETRY_AFTER:
                    return response
                attempt += 1
                delay = retry_after if retry_after is not None else backoff_delay(attempt, self._rng)
                logger.info(
                    "%s %s: HTTP %d; retry %d/%d in %.2fs",
                    method,
                    request.url,
                    response.status_code,
                    attempt,
                    self.max_retries,
                    delay,
                )
                response.close()
                self._pause(delay)
                continue
            return response

    @staticmethod
    def _connection_error(exc: Exception, request: httpx.Request, attempt: int) -> APIConnectionError:
        tries = f" after {attempt + 1} attempts" if attempt else ""
        url = str(request.url)
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"{request.method} {url} timed out{tries} ({type(exc).__name__})",
                request_method=request.method,
                request_url=url,
            )
        detail = str(exc) or type(exc).__name__
        return APIConnectionError(
            f"{request.method} {url} failed{tries}: {detail}",
            request_method=request.method,
            request_url=url,
        )

    def close(self) -> None:
        self._wrapped.close()
