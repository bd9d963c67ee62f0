"""A lean path for object GET bodies: keep-alive ``http.client`` connections read with ``readinto`` into reused
buffers (large reads, few Python-level steps per MiB). Listings, HEADs, PUTs and authentication stay on httpx.

Only the Swift token (``X-Auth-Token``) and the request's own headers are sent. URLs that an environment proxy
(``HTTP(S)_PROXY``/``ALL_PROXY`` not bypassed by ``NO_PROXY``) applies to are not taken here: the caller falls
back to httpx, which honours the proxy.
"""

from __future__ import annotations

import http.client
import logging
import ssl
import threading
import urllib.request
from urllib.parse import urlsplit

import httpx

logger = logging.getLogger("easymaker.storage")

_Key = tuple[str, str, int]
DRAIN_LIMIT = 64 * 1024  # unread bodies up to this size are read on close, keeping the connection


class BodyCut(Exception):
    """The connection failed while a response body was read (reset, timeout, fewer bytes than announced)."""


class DirectResponse:
    """One GET response on a pooled connection. ``headers`` is case-insensitive; ``readinto``/``read`` raise
    ``BodyCut`` on a network failure; ``close`` hands a fully read connection back to the pool."""

    def __init__(
        self, pool: DirectGetPool, key: _Key, conn: http.client.HTTPConnection, resp: http.client.HTTPResponse, url: str
    ) -> None:
        self._pool = pool
        self._key = key
        self._conn: http.client.HTTPConnection | None = conn
        self._resp = resp
        self._broken = False
        self.status_code = resp.status
        self.headers = httpx.Headers(resp.getheaders())
        self.url = url

    @property
    def is_closed(self) -> bool:
        return self._conn is None

    def readinto(self, view: memoryview) -> int:
        """Fill up to ``len(view)`` bytes (fewer when less is available); 0 at the end of the body."""
        try:
            n = self._resp.readinto(view)
        except (OSError, http.client.HTTPException) as exc:
            self._broken = True
            raise BodyCut(f"{exc!r} while reading {self.url}") from exc
        if not n and view and self._resp.length:  # http.client's readinto reports a premature end as the end
            self._broken = True
            raise BodyCut(f"connection closed {self._resp.length} bytes before the end of {self.url}")
        return n

    def read(self) -> bytes:
        """The rest of the body."""
        try:
            return self._resp.read()
        except (OSError, http.client.HTTPException) as exc:
            self._broken = True
            raise BodyCut(f"{exc!r} while reading {self.url}") from exc

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        resp = self._resp
        if not self._broken and not resp.isclosed() and resp.length is not None and resp.length <= DRAIN_LIMIT:
            try:  # a short unread body (an error answer): read it so the connection stays usable
                resp.read()
            except (OSError, http.client.HTTPException):
                self._broken = True
        reusable = not self._broken and resp.isclosed() and not resp.will_close
        if not reusable:
            self._resp.close()
        self._pool.release(self._key, conn, reusable)


class DirectGetPool:
    """Idle keep-alive connections per (scheme, host, port), shared by the threads of one ``ObjectStorage``: a
    thread takes one for a request and gives it back once the body is fully read, so consecutive files of a thread
    reuse the same connection. ``opened`` counts the connections ever made."""

    def __init__(
        self,
        *,
        connect_timeout: float | None,
        read_timeout: float | None,
        ssl_context: ssl.SSLContext | None = None,
        user_agent: str | None = None,
        max_idle: int = 32,
    ) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.ssl_context = ssl_context
        self.user_agent = user_agent
        self.max_idle = max_idle
        self.opened = 0
        self._proxies = urllib.request.getproxies_environment()  # read once, as httpx reads it for its client
        self._idle: dict[_Key, list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def for_client(cls, client: httpx.Client, ssl_context: ssl.SSLContext | None, max_idle: int) -> DirectGetPool:
        """A pool with the timeouts and User-Agent of ``client`` (TLS verified with ``ssl_context``)."""
        return cls(
            connect_timeout=client.timeout.connect,
            read_timeout=client.timeout.read,
            ssl_context=ssl_context,
            user_agent=client.headers.get("user-agent"),
            max_idle=max_idle,
        )

    def usable(self, url: str) -> bool:
        """Whether ``url`` can go through this pool: http(s) and no environment proxy (as it was when the pool was
        made) applies to its host."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        proxies = self._proxies
        if parts.scheme in proxies or "all" in proxies:
            return bool(urllib.request.proxy_bypass_environment(parts.hostname, proxies))  # type: ignore[attr-defined]
        return True

    def _connect(self, key: _Key) -> http.client.HTTPConnection:
        scheme, host, port = key
        conn: http.client.HTTPConnection
        if scheme == "https":
            ctx = self.ssl_context or ssl.create_default_context()
            conn = http.client.HTTPSConnection(host, port, timeout=self.connect_timeout, context=ctx)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=self.connect_timeout)
        conn.connect()
        if conn.sock is not None:
            conn.sock.settimeout(self.read_timeout)
        with self._lock:
            self.opened += 1
        return conn

    def _take(self, key: _Key) -> http.client.HTTPConnection | None:
        with self._lock:
            idle = self._idle.get(key)
            return idle.pop() if idle else None

    def release(self, key: _Key, conn: http.client.HTTPConnection, reusable: bool) -> None:
        if reusable:
            with self._lock:
                idle = self._idle.setdefault(key, [])
                if not self._closed and len(idle) < self.max_idle:
                    idle.append(conn)
                    return
        conn.close()

    def get(self, url: str, headers: dict[str, str]) -> DirectResponse:
        """Send ``GET url`` with ``headers`` (plus User-Agent) and return the response, body unread. A reused
        connection the server closed meanwhile is replaced once, silently; other failures raise ``OSError`` or
        ``http.client.HTTPException``."""
        parts = urlsplit(url)
        scheme = parts.scheme
        host = parts.hostname or ""
        port = parts.port or (443 if scheme == "https" else 80)
        key = (scheme, host, port)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        hdrs = dict(headers)
        if self.user_agent:
            hdrs.setdefault("User-Agent", self.user_agent)
        while True:
            conn = self._take(key)
            reused = conn is not None
            if conn is None:
                conn = self._connect(key)
            try:
                conn.request("GET", target, headers=hdrs)
                resp = conn.getresponse()
            except (OSError, http.client.HTTPException):
                conn.close()
                if reused:  # closed by the server while idle: try a fresh connection
                    logger.debug("idle connection to %s:%d was closed; reconnecting", host, port)
                    continue
                raise
            return DirectResponse(self, key, conn, resp, url)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conns = [c for idle in self._idle.values() for c in idle]
            self._idle.clear()
        for c in conns:
            c.close()
