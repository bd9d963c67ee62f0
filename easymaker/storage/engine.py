"""The transfer engine's shared parts: limits, result types, MD5 helpers, progress, and the retrying Swift
requests (token handling, backoff, object GETs through the lean pool or httpx) every operation is built on."""

from __future__ import annotations

import hashlib
import http.client
import logging
import queue
import random
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from tqdm.auto import tqdm

from easymaker.storage.direct import BodyCut, DirectGetPool, DirectResponse
from easymaker.storage.errors import (
    StorageAuthError,
    StorageRequestError,
)
from easymaker.storage.tokens import TokenCache
from easymaker.storage.uri import ObsUri

logger = logging.getLogger("easymaker.storage")

KiB, MiB, GiB = 1024, 1024**2, 1024**3
CHUNK = 1 * MiB
LISTING_LIMIT = 10000
DEFAULT_SEGMENT_SIZE = 256 * MiB
DEFAULT_SEGMENT_THRESHOLD = 1 * GiB  # files larger than this are uploaded in segments
MAX_SEGMENT_SIZE = 5 * GiB  # Swift's max_file_size
DEFAULT_MAX_WORKERS = 16  # requests in flight: hides round trips to a remote Swift; threads mostly wait on sockets
RETRIES = 4
_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")
EMPTY_MD5 = hashlib.md5(b"").hexdigest()


@dataclass
class TransferResult:
    """What an upload or download did. ``transferred``/``skipped`` hold object names (upload) or local paths
    (download); bytes count the file bodies."""

    transferred: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    bytes_transferred: int = 0
    bytes_skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.transferred) + len(self.skipped)


@dataclass(frozen=True)
class RemoteObject:
    """A listing entry. For a segmented object ``size`` is 0 and ``hash`` is the manifest's own until HEADed."""

    name: str
    size: int
    hash: str
    content_type: str = ""
    last_modified: str = ""

    def as_metadata(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "bytes": self.size,
            "hash": self.hash,
            "content_type": self.content_type,
            "last_modified": self.last_modified,
        }


def md5_file(path: Path, offset: int = 0, length: int | None = None) -> str:
    """MD5 hex of a file range, read in chunks."""
    h = hashlib.md5()
    with open(path, "rb", buffering=0) as fh:
        fh.seek(offset)
        left = length
        while left is None or left > 0:
            chunk = fh.read(CHUNK if left is None else min(CHUNK, left))
            if not chunk:
                break
            h.update(chunk)
            if left is not None:
                left -= len(chunk)
    return h.hexdigest()


def _md5_or_empty(path: Path) -> str:
    """MD5 of a file, or "" when it cannot be read (the upload then reports the error)."""
    try:
        return md5_file(path)
    except OSError:
        return ""


class _Pipeline:
    """Runs ``fn(chunk)`` for each chunk in a helper thread, in order, so hashing and disk writes overlap with the
    socket. The queue is bounded (``depth`` chunks), so memory stays bounded. ``close`` waits and re-raises."""

    def __init__(self, fn: Callable[[Any], object], depth: int = 4) -> None:
        self._fn = fn
        self._q: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._loop, name="em-pipe", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._q.get()
            if item is None:
                return
            if self._error is None:
                try:
                    self._fn(item)
                except BaseException as exc:  # noqa: BLE001 - handed to the producer in close()
                    self._error = exc

    def put(self, chunk: Any) -> None:
        if self._error is not None:
            raise self._error
        self._q.put(chunk)

    def close(self) -> None:
        self._q.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


PIPELINE_MIN = 4 * MiB  # bodies at least this large are hashed/written in a helper thread
SMALL_DOWNLOAD = 1 * MiB  # objects up to this size are fetched in one response read
SMALL_BODY = 1 * MiB  # files (or segments) up to this size are read once and sent as one buffer
_CUT = (httpx.TransportError, httpx.StreamError, BodyCut)  # a response body that stopped early


class _BodyState:
    """The MD5 and byte count of the current attempt of a streamed PUT body."""

    def __init__(self) -> None:
        self.md5 = hashlib.md5()
        self.sent = 0


class _Progress:
    """Two tqdm bars (files, bytes); thread-safe; nothing shown when disabled."""

    def __init__(self, enabled: bool, desc: str, files: int, total_bytes: int) -> None:
        self.files = tqdm(total=files, desc=f"{desc} files", unit="file", disable=not enabled, position=0)
        self.bytes = tqdm(
            total=total_bytes,
            desc=f"{desc} bytes",
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            disable=not enabled,
            position=1,
        )

    def add_bytes(self, n: int) -> None:
        if n:
            self.bytes.update(n)

    def file_done(self) -> None:
        self.files.update(1)

    def close(self) -> None:
        self.bytes.close()
        self.files.close()


class SwiftRequests:
    """Swift requests with token handling and retries; the operations are added by the classes built on it."""

    def __init__(
        self,
        client: httpx.Client,
        tokens: TokenCache,
        endpoint_for: Callable[[ObsUri], str],
        *,
        max_workers: int = DEFAULT_MAX_WORKERS,
        retries: int = RETRIES,
        sleep: Callable[[float], None] = time.sleep,
        bulk: bool = True,
        direct: DirectGetPool | None = None,
    ) -> None:
        self.client = client
        self.direct = direct
        self.tokens = tokens
        self.endpoint_for = endpoint_for
        self.max_workers = max_workers
        self.bulk = bulk
        self.retries = retries
        self._sleep = sleep
        self._known_containers: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    # -- requests -------------------------------------------------------------------------------------------
    def _backoff(self, attempt: int, response: httpx.Response | DirectResponse | None = None) -> None:
        delay = min(8.0, 0.25 * 2**attempt) * (0.5 + random.random())
        if response is not None:
            ra = response.headers.get("retry-after")
            if ra and ra.isdigit():
                delay = min(float(ra), 60.0)
        self._sleep(delay)

    def request(
        self,
        method: str,
        uri: ObsUri,
        url: str,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        content: Callable[[], Iterable[bytes] | bytes] | None = None,
        stream: bool = False,
        on_retry: Callable[[], None] | None = None,
    ) -> httpx.Response:
        """Send with ``X-Auth-Token``; retry connection errors, 408/429/5xx (capped backoff with jitter) and one
        401 with a fresh token. ``content`` is a factory so a retried body starts again from its beginning."""
        auth_retried = False
        attempt = 0
        while True:
            token = self.tokens.get(uri.tenant)
            hdrs = {"X-Auth-Token": token, **(headers or {})}
            body = content() if content is not None else None
            req = self.client.build_request(method, url, params=params, headers=hdrs, content=body)
            try:
                resp = self.client.send(req, stream=stream)
            except httpx.TransportError as exc:
                if isinstance(exc, httpx.UnsupportedProtocol) or attempt >= self.retries:
                    raise StorageRequestError(f"{method} {url} failed: {exc!r}", request_url=url) from exc
                logger.debug("retrying %s %s after %r", method, url, exc)
                if on_retry:
                    on_retry()
                self._backoff(attempt)
                attempt += 1
                continue
            if resp.status_code == 401 and not auth_retried:
                resp.close()
                self.tokens.invalidate(uri.tenant, token)
                auth_retried = True
                if on_retry:
                    on_retry()
                continue
            if resp.status_code == 401:
                resp.close()
                raise StorageAuthError(f"Object Storage rejected the token for tenant {uri.tenant!r} ({method} {url})")
            if (resp.status_code in (408, 429) or resp.status_code >= 500) and attempt < self.retries:
                resp.close()
                if on_retry:
                    on_retry()
                self._backoff(attempt, resp)
                attempt += 1
                continue
            return resp

    def get_object(
        self, uri: ObsUri, url: str, headers: dict[str, str], *, stream: bool
    ) -> httpx.Response | DirectResponse:
        """GET an object: through the lean connection pool when there is one and no proxy applies, else httpx.
        Same token handling and retries as ``request``."""
        if self.direct is None or not self.direct.usable(url):
            return self.request("GET", uri, url, headers=headers, stream=stream)
        auth_retried = False
        attempt = 0
        while True:
            token = self.tokens.get(uri.tenant)
            try:
                resp = self.direct.get(url, {"Accept": "*/*", **headers, "X-Auth-Token": token})
            except (OSError, http.client.HTTPException) as exc:
                if attempt >= self.retries:
                    raise StorageRequestError(f"GET {url} failed: {exc!r}", request_url=url) from exc
                logger.debug("retrying GET %s after %r", url, exc)
                self._backoff(attempt)
                attempt += 1
                continue
            status = resp.status_code
            if status == 401 and not auth_retried:
                resp.close()
                self.tokens.invalidate(uri.tenant, token)
                auth_retried = True
                continue
            if status == 401:
                resp.close()
                raise StorageAuthError(f"Object Storage rejected the token for tenant {uri.tenant!r} (GET {url})")
            if (status in (408, 429) or status >= 500) and attempt < self.retries:
                resp.close()
                self._backoff(attempt, resp)
                attempt += 1
                continue
            return resp

    @staticmethod
    def _fail(resp: httpx.Response | DirectResponse, what: str) -> StorageRequestError:
        try:
            text = resp.read()[:300].decode("utf-8", "replace") if not resp.is_closed else ""
        except (httpx.HTTPError, BodyCut):
            text = ""
        resp.close()
        return StorageRequestError(
            f"{what}: HTTP {resp.status_code} {text.strip()}".strip(),
            request_url=str(resp.url),
            status_code=resp.status_code,
        )

    def ensure_container(self, uri: ObsUri, container: str) -> None:
        key = (uri.tenant, container)
        if key in self._known_containers:
            return
        c = ObsUri(uri.host, uri.version, uri.tenant, container, "")
        resp = self.request("PUT", c, c.container_url(self.endpoint_for(c)))
        if resp.status_code not in (201, 202, 204):
            raise self._fail(resp, f"creating container {container!r}")
        with self._lock:
            self._known_containers.add(key)

    def _run(self, fn: Callable[[Any], None], items: list[Any]) -> None:
        if len(items) <= 1:
            for it in items:
                fn(it)
            return
        with ThreadPoolExecutor(min(self.max_workers, len(items)), thread_name_prefix="em-xfer") as pool:
            for f in [pool.submit(fn, it) for it in items]:
                f.result()
