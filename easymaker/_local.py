"""The local profile: find EasyMaker Local, start it when nothing listens, read its access token.

EasyMaker Local keeps its access token in ``<home>/token`` (home: ``$EASYMAKER_LOCAL_HOME`` or
``~/.easymaker/local``). When ``init(profile="local")`` finds nothing listening at the local URL it starts the
server in the background and stops it at interpreter exit.
"""

from __future__ import annotations

import atexit
import logging
import os
import socket
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from easymaker._config import Config
from easymaker._errors import ConfigurationError, ServerIdentityError

logger = logging.getLogger("easymaker")

HOME_ENV = "EASYMAKER_LOCAL_HOME"
TOKEN_ENV = "EASYMAKER_LOCAL_TOKEN"
PROBE_TIMEOUT = 0.5  # seconds for the TCP connect that tells whether something listens

_started: dict[str, Any] = {}
_verified: set[tuple[str, str]] = set()
_lock = threading.Lock()


def local_home() -> Path:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else Path.home() / ".easymaker" / "local"


def read_token(home: Path) -> str | None:
    try:
        value = (home / "token").read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return None
    return value or None


def host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return host, port


def is_listening(host: str, port: int, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether a TCP connection to ``host:port`` succeeds (no HTTP request is sent)."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def verify_local_server(url: str, token: str, *, transport: Any = None, timeout: Any = 10.0) -> None:
    """Check that EasyMaker Local at ``url`` holds ``token`` before anything secret is sent there.

    Sends a fresh random nonce to ``proveLocalServer`` and compares the answer with the HMAC computed here (see
    ``easymaker.local.auth``); raises `ServerIdentityError` when the server cannot prove it. Verified pairs are
    remembered for this process."""
    import base64
    import hashlib
    import hmac
    import secrets

    import httpx
    from easymaker_api.api.system import prove_local_server
    from easymaker_api.client import Client as ApiClient
    from easymaker_api.models.server_proof_request import ServerProofRequest
    from easymaker_api.models.server_proof_response import ServerProofResponse

    from easymaker.local.auth import server_proof  # stdlib only: importable without the local extra

    key = (url, hashlib.sha256(token.encode()).hexdigest())
    if key in _verified:
        return
    nonce = base64.urlsafe_b64encode(secrets.token_bytes(24)).decode().rstrip("=")
    _, port = host_port(url)
    expected = server_proof(token, port, nonce)
    api = ApiClient(base_url=url)
    from easymaker._transport import SchemeTransport  # plain HTTP: no CA bundle loaded for it

    http = httpx.Client(base_url=url, timeout=timeout, transport=transport or SchemeTransport())
    api.set_httpx_client(http)
    why = "its answer does not match"
    try:
        response = prove_local_server.sync_detailed(client=api, body=ServerProofRequest(nonce=nonce))
        parsed = response.parsed
        if isinstance(parsed, ServerProofResponse) and isinstance(parsed.proof, str):
            if hmac.compare_digest(parsed.proof, expected):
                _verified.add(key)
                return
        else:
            why = f"it answered HTTP {int(response.status_code)} without a proof"
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
        why = f"it did not answer the proof request ({type(exc).__name__})"
    finally:
        http.close()
    raise ServerIdentityError(
        f"the server at {url} did not prove that it holds the EasyMaker Local access token ({why}); the token was "
        "not sent. Another program (possibly another user's) may be listening on that port, or the server uses "
        f"another home than {local_home()}: stop it, or point {HOME_ENV} / EM_LOCAL_URL at your own server"
    )


def start_local_server(url: str, home: Path) -> Any:
    """Start EasyMaker Local at ``url`` (stopped at exit); returns the server object."""
    try:
        from easymaker.local.server import LocalServer  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigurationError(
            f"nothing listens at {url} and EasyMaker Local cannot be started here ({exc}); "
            "install the extra with `pip install easymaker[local]` or start it with `easymaker-local`"
        ) from exc
    host, port = host_port(url)
    server = LocalServer(home, host, port, None)
    server.start()
    logger.info("started EasyMaker Local at %s (home %s)", getattr(server, "url", url), home)
    atexit.register(_stop, server)
    return server


def _stop(server: Any) -> None:
    try:
        server.stop()
    except Exception:  # pragma: no cover - best effort at exit
        logger.debug("stopping EasyMaker Local failed", exc_info=True)


def local_access_token(config: Config) -> str:
    """The access token for EasyMaker Local at ``config.api_url``, starting the server first when needed."""
    home = local_home()
    with _lock:
        server = _started.get(config.api_url)
        if server is None and config.local_autostart:
            host, port = host_port(config.api_url)
            if not is_listening(host, port):
                server = start_local_server(config.api_url, home)
                _started[config.api_url] = server
        if server is not None and getattr(server, "token", None):
            return str(server.token)
    token = os.environ.get(TOKEN_ENV) or read_token(home)
    if token is None:
        raise ConfigurationError(
            f"no access token for EasyMaker Local at {config.api_url}: {home / 'token'} does not exist; "
            f"pass easymaker.init(access_token=...), set EM_ACCESS_TOKEN or {TOKEN_ENV}, or point "
            f"{HOME_ENV} at the server's home"
        )
    return token
