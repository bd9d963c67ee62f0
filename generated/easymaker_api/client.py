"""Connection settings for the API and the httpx clients built from them."""

from __future__ import annotations

import copy
import ssl
from types import TracebackType
from typing import Any, Self

import httpx


class Client:
    """Settings for calls to the API; the httpx clients are built on first use and reused (keep-alive).

    Args:
        base_url: the base URL of the API, e.g. ``https://kr1-easymaker.api.nhncloudservice.com``.
        cookies: cookies sent with every request.
        headers: headers sent with every request.
        timeout: the httpx timeout of every request (``None``: httpx's default).
        verify_ssl: whether to verify the server's TLS certificate (or a CA bundle path / SSL context).
        follow_redirects: whether to follow redirects.
        httpx_args: further keyword arguments for ``httpx.Client`` / ``httpx.AsyncClient``.
        raise_on_unexpected_status: raise ``errors.UnexpectedStatus`` for a status the document does not list.
    """

    def __init__(
        self,
        base_url: str,
        *,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
        raise_on_unexpected_status: bool = False,
    ) -> None:
        self._base_url = base_url
        self._cookies = dict(cookies or {})
        self._headers = dict(headers or {})
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = dict(httpx_args or {})
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None

    @property
    def base_url(self) -> str:
        return self._base_url

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _derived(self) -> Self:
        clone = copy.copy(self)
        clone._cookies = dict(self._cookies)
        clone._headers = dict(self._headers)
        clone._client = None
        clone._async_client = None
        return clone

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends `headers` (built clients are not shared)."""
        clone = self._derived()
        clone._headers.update(headers)
        return clone

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A copy of this client that also sends `cookies`."""
        clone = self._derived()
        clone._cookies.update(cookies)
        return clone

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """A copy of this client with another timeout."""
        clone = self._derived()
        clone._timeout = timeout
        return clone

    def _client_args(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._auth_headers()},
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use `client` for synchronous calls; the settings of this object are then ignored for them."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(**self._client_args())
        return self._client

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.get_httpx_client().__exit__(exc_type, exc, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use `async_client` for asynchronous calls; the settings of this object are then ignored for them."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._client_args())
        return self._async_client

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.get_async_httpx_client().__aexit__(exc_type, exc, traceback)


class AuthenticatedClient(Client):
    """A `Client` that sends a token with every request: ``{auth_header_name}: {prefix} {token}``.

    Args:
        token: the access token.
        prefix: the word before the token (``""`` sends the token alone).
        auth_header_name: the header that carries the token.
        Other arguments: as for `Client`.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        **kwargs: Any,
    ) -> None:
        super().__init__(base_url, **kwargs)
        self.token = token
        self.prefix = prefix
        self.auth_header_name = auth_header_name

    def _auth_headers(self) -> dict[str, str]:
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, token=<redacted>)"
