"""The client: one configuration, one keep-alive httpx client, typed errors, name lookups, the default client.

Resource classes call the generated operation functions with ``client.api`` (an ``easymaker_api`` client whose
httpx client uses `RetryTransport` and checks every response: HTTP status and envelope), e.g.::

    response = create_training.sync_detailed(client.appkey, client=client.api, body=body)
    training = client.payload(response, TrainingResponse).training
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from easymaker._config import Config, resolve_config
from easymaker._errors import APIResponseError, body_excerpt, error_class_for
from easymaker._version import __version__

if TYPE_CHECKING:
    import httpx
    from easymaker_api.client import Client as ApiClient
    from easymaker_api.types import Response

    from easymaker._lookups import Lookups

T = TypeVar("T")

USER_AGENT = f"easymaker-python/{__version__}"
REDACTED_HEADERS = frozenset({"x-nhn-authorization", "x-easymaker-token", "x-auth-token", "authorization"})


def check_response(response: httpx.Response) -> None:
    """Raise a typed `APIError` unless the response is HTTP 2xx with a JSON envelope whose ``isSuccessful`` is
    true. Used as an httpx response hook, so it runs before the generated code parses anything."""
    import json  # here, not at the top: ``import easymaker`` stays cheap (httpx has imported both by now)
    import logging

    response.read()
    request = response.request
    method, url = request.method, str(request.url)
    status = response.status_code
    logging.getLogger("easymaker").debug("%s %s -> HTTP %d (%d bytes)", method, url, status, len(response.content))
    try:
        document = json.loads(response.content) if response.content else None
    except ValueError:
        document = None
        if status < 400:
            raise _unexpected_body(response, "with a body that is not JSON") from None
    header = document.get("header") if isinstance(document, dict) else None
    if status >= 400:
        code = header.get("resultCode") if isinstance(header, dict) else None
        message = header.get("resultMessage") if isinstance(header, dict) else None
        if message is None:
            message = body_excerpt(response.content)
        raise error_class_for(status)(
            request_method=method,
            request_url=url,
            status_code=status,
            result_code=code,
            result_message=message,
            body=document,
        )
    if not isinstance(header, dict) or "isSuccessful" not in header:
        raise _unexpected_body(response, "without the EasyMaker envelope header")
    if header.get("isSuccessful") is not True:
        raise error_class_for(status)(
            request_method=method,
            request_url=url,
            status_code=status,
            result_code=header.get("resultCode"),
            result_message=header.get("resultMessage"),
            body=document,
        )


def _unexpected_body(response: httpx.Response, what: str) -> APIResponseError:
    request = response.request
    method, url, status = request.method, str(request.url), response.status_code
    excerpt = body_excerpt(response.content)
    return APIResponseError(
        f"{method} {url}: HTTP {status} {what}: {excerpt}",
        request_method=method,
        request_url=url,
        status_code=status,
        result_message=excerpt,
    )


class Client:
    """A connection to one EasyMaker account (or EasyMaker Local).

    Args:
        appkey, region, access_token, experiment_id, profile, environment_type: as for `easymaker.init`.
        api_url: full base URL override (like ``EM_API_URL``).
        easymaker_token: sent as ``X-EasyMaker-Token`` instead of the bearer token (like ``EM_TOKEN``).
        group_id: group of the ``iaas-token`` call (like ``EM_GROUP_ID``).
        connect_timeout, read_timeout: seconds (defaults 10 and 60).
        max_retries: retries of failed idempotent calls (default 3).
        sleep, clock: replaceable ``time.sleep`` / ``time.monotonic`` for retries and waits (tests).
        transport: an httpx transport to wrap (tests, proxies).

    Two clients can be used side by side (two accounts in one process): pass ``client=`` to resource classes.
    """

    def __init__(
        self,
        appkey: str | None = None,
        region: str | None = None,
        access_token: str | None = None,
        experiment_id: str | None = None,
        profile: str | None = None,
        environment_type: str | None = None,
        *,
        api_url: str | None = None,
        easymaker_token: str | None = None,
        group_id: str | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        max_retries: int | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        transport: httpx.BaseTransport | None = None,
        config: Config | None = None,
    ) -> None:
        if config is None:
            config = resolve_config(
                appkey,
                region,
                access_token,
                experiment_id,
                profile,
                environment_type,
                api_url=api_url,
                easymaker_token=easymaker_token,
                group_id=group_id,
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                max_retries=max_retries,
            )
        if config.local and config.access_token is None and config.easymaker_token is None:
            from easymaker._local import local_access_token

            config = config.with_access_token(local_access_token(config))
        self.config = config
        self._sleep = sleep
        self._clock = clock
        self._transport = transport
        self._api: ApiClient | None = None
        self._inference: httpx.Client | None = None
        self._lookups: Lookups | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ settings
    @property
    def appkey(self) -> str:
        return self.config.appkey

    @property
    def base_url(self) -> str:
        return self.config.api_url

    @property
    def experiment_id(self) -> str | None:
        return self.config.experiment_id

    def sleep(self, seconds: float) -> None:
        (self._sleep or time.sleep)(seconds)

    def clock(self) -> float:
        return (self._clock or time.monotonic)()

    def __repr__(self) -> str:
        return f"easymaker.Client(appkey={self.config.appkey!r}, base_url={self.config.api_url!r}, token=<redacted>)"

    # ------------------------------------------------------------------ transport
    def _auth_headers(self) -> dict[str, str]:
        if self.config.easymaker_token:
            return {"X-EasyMaker-Token": self.config.easymaker_token}
        if self.config.access_token:
            return {"x-nhn-authorization": f"Bearer {self.config.access_token}"}
        return {}

    @property
    def api(self) -> ApiClient:
        """The generated ``easymaker_api`` client (built on first use; one keep-alive connection pool)."""
        if self._api is None:
            with self._lock:
                if self._api is None:
                    self._api = self._build_api()
        return self._api

    def _http_options(self) -> dict[str, Any]:
        """The timeout and the retrying transport of both httpx clients."""
        import httpx

        from easymaker._transport import RetryTransport

        return {
            "timeout": httpx.Timeout(self.config.read_timeout, connect=self.config.connect_timeout),
            "transport": RetryTransport(
                self._transport,
                max_retries=self.config.max_retries,
                sleep=self._sleep,
            ),
        }

    def _build_api(self) -> ApiClient:
        import httpx
        from easymaker_api.client import Client as ApiClient

        self.verify_local()
        headers = {"Accept-Language": "en", "User-Agent": USER_AGENT, **self._auth_headers()}
        http = httpx.Client(
            base_url=self.config.api_url,
            headers=headers,
            event_hooks={"response": [check_response]},
            **self._http_options(),
        )
        # The token lives in this httpx client's headers only, and this httpx client only talks to the API host.
        api = ApiClient(base_url=self.config.api_url)
        api.set_httpx_client(http)
        return api

    @property
    def transport(self) -> httpx.BaseTransport | None:
        """The transport given to the constructor (``None``: httpx's own)."""
        return self._transport

    def verify_local(self) -> None:
        """In the local profile: have the server prove it holds the token before the token is sent (raises
        `ServerIdentityError`); elsewhere nothing (TLS names the server)."""
        token = self.config.easymaker_token or self.config.access_token
        if self.config.local and token:
            from easymaker._local import verify_local_server

            # through the retrying transport: no server at all is the usual APIConnectionError
            options = self._http_options()
            verify_local_server(self.config.api_url, token, transport=options["transport"], timeout=options["timeout"])

    def inference_http(self) -> httpx.Client:
        """The httpx client for inference calls to stage URLs: no EasyMaker credentials, connect retries only
        (inference is a POST)."""
        if self._inference is None:
            import httpx

            with self._lock:
                if self._inference is None:
                    self._inference = httpx.Client(headers={"User-Agent": USER_AGENT}, **self._http_options())
        return self._inference

    def close(self) -> None:
        """Close the connection pools (a later call opens new ones)."""
        with self._lock:
            if self._api is not None:
                self._api.get_httpx_client().close()
                self._api = None
            if self._inference is not None:
                self._inference.close()
                self._inference = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ helpers for resources
    @property
    def lookups(self) -> Lookups:
        """Name-to-id lookups cached for this client (short TTL)."""
        if self._lookups is None:
            from easymaker._lookups import Lookups

            self._lookups = Lookups(self)
        return self._lookups

    @staticmethod
    def payload(response: Response[Any], expected: type[T]) -> T:
        """The parsed body of a generated operation's response, checked to be of the expected type."""
        parsed = response.parsed
        if not isinstance(parsed, expected):
            raise APIResponseError(
                f"unexpected response (HTTP {int(response.status_code)}), expected {expected.__name__}: "
                f"{body_excerpt(response.content)}",
                status_code=int(response.status_code),
                result_message=body_excerpt(response.content),
            )
        return parsed


# ---------------------------------------------------------------------- the default client (easymaker.init)
_default_client: Client | None = None
_default_lock = threading.Lock()


def current_client() -> Client | None:
    """The client set by ``easymaker.init()`` (``None`` before)."""
    return _default_client


def set_default_client(client: Client | None) -> None:
    global _default_client
    with _default_lock:
        previous = _default_client
        _default_client = client
    if previous is not None and previous is not client:
        previous.close()


def default_client() -> Client:
    """The client of ``easymaker.init()``; without ``init()``, one built from the ``EM_*`` variables (or a
    `ConfigurationError` naming every way to configure the SDK)."""
    global _default_client
    if _default_client is None:
        with _default_lock:
            if _default_client is None:
                _default_client = Client()
    return _default_client


def init(
    appkey: str | None = None,
    region: str | None = None,
    access_token: str | None = None,
    experiment_id: str | None = None,
    profile: str | None = None,
    environment_type: str | None = None,
    **kwargs: Any,
) -> Client:
    """Configure the SDK (the guide's ``easymaker.init``) and return the default `Client`.

    Explicit values win over ``EM_APPKEY``, ``EM_REGION`` (default ``kr1``), ``EM_ACCESS_TOKEN``, ``EM_PROFILE``,
    ``EM_ENVIRONMENT_TYPE``, ``EM_EXPERIMENT_ID``; ``EM_TOKEN`` selects the ``X-EasyMaker-Token`` header. Nothing
    is written to ``os.environ``. ``profile="local"`` targets EasyMaker Local and starts it when nothing listens.
    Further keyword arguments go to `Client` (``api_url``, ``read_timeout``, ``max_retries``, ...)."""
    client = Client(appkey, region, access_token, experiment_id, profile, environment_type, **kwargs)
    set_default_client(client)
    return client
