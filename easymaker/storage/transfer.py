"""The Swift transfer engine: parallel, streaming, verified uploads and downloads over one keep-alive client.

* Bodies are streamed in ``CHUNK`` pieces both ways; MD5 is computed while streaming (never a whole-file read).
  Object GET bodies are read through lean keep-alive HTTP/1.1 connections (``direct.DirectGetPool``:
  ``readinto`` into one reused buffer, hashed and written as it fills) when the engine has such a pool.
* Files go in parallel through a thread pool; large files are split into segments uploaded in parallel to
  ``<container>_segments/<object>/<upload id>/<00000001..>`` and joined by an ``X-Object-Manifest`` (DLO) whose
  prefix ends with ``/``, so it never swallows siblings. The whole file's MD5 is stored as ``X-Object-Meta-Md5``.
* Every upload is verified (server ETag vs streamed MD5, per segment; manifest ETag vs segment MD5s); every
  download is verified against the ETag (plain objects) or ``X-Object-Meta-Md5`` (segmented objects).
* Downloads go to a temp file in the target folder and are renamed; a cut transfer resumes with ``Range`` from the
  partial file, within the call (retries) and across calls (the partial is kept).
* Object names never escape the download folder: ``..``/``.`` segments, absolute names and backslashes fail.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import os
import queue
import random
import re
import tarfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import httpx
from tqdm.auto import tqdm

from easymaker.storage.direct import BodyCut, DirectGetPool, DirectResponse
from easymaker.storage.errors import (
    IntegrityError,
    StorageAuthError,
    StorageError,
    StorageRequestError,
    TransferError,
    UnsafeObjectNameError,
)
from easymaker.storage.tokens import TokenCache
from easymaker.storage.uri import ObsUri, safe_relative_parts

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


# Archive uploads (Swift's bulk middleware, ``PUT <container>?extract-archive=tar``): many small files per request
BULK_MAX_FILE = 1 * MiB  # files smaller than this go into archives
BULK_MAX_BYTES = 64 * MiB  # file bytes per archive
BULK_MAX_MEMBERS = 1000  # files per archive
BULK_MIN_MEMBERS = 32  # archives are not split below this many files to gain parallelism
BULK_MIN_FILES = 4  # fewer small files than this are sent one PUT each
BULK_PARALLEL = 16  # archives in flight at once (capped by max_workers): Swift extracts one member at a time
BULK_PROBE_MEMBERS = 64  # the first archive sent to an endpoint of unknown support is this small
BULK_FLUSH = 512 * KiB  # archive bytes gathered before they are handed to the socket
_TAR_BLOCK = 512
_MEMBER_TYPE = {"SCHILY.xattr.user.mime_type": "application/octet-stream"}  # as a single PUT sends it
_bulk_support: dict[str, bool] = {}  # endpoint base URL -> whether extract-archive works there
_bulk_lock = threading.Lock()


def bulk_supported(endpoint: str) -> bool | None:
    """What this process learned about archive uploads at ``endpoint``: True, False, or None (not tried yet)."""
    with _bulk_lock:
        return _bulk_support.get(endpoint.rstrip("/"))


def _remember_bulk(endpoint: str, supported: bool) -> None:
    with _bulk_lock:
        _bulk_support[endpoint.rstrip("/")] = supported


PIPELINE_MIN = 4 * MiB  # bodies at least this large are hashed/written in a helper thread
SMALL_DOWNLOAD = 1 * MiB  # objects up to this size are fetched in one response read
SMALL_BODY = 1 * MiB  # files (or segments) up to this size are read once and sent as one buffer
# the lean GET path reads bodies into one reused buffer of this size, then hashes and writes it: small enough to
# stay in a core's L2 cache between the three passes (a 1 MiB buffer measured ~25% more CPU per GiB than 256 KiB)
DIRECT_BUFFER = 256 * KiB
_CUT = (httpx.TransportError, httpx.StreamError, BodyCut)  # a response body that stopped early


def _write_new(path: Path, data: bytes) -> None:
    """Create or truncate ``path`` with ``data`` in as few system calls as possible (small files)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


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


def _read_httpx(resp: httpx.Response, fh: Any, md5: Any, progress: _Progress) -> int:
    """Stream an httpx response body into ``fh`` and ``md5`` (hashing and writing in a helper thread, handed ~1 MiB
    at a time); returns the bytes written. Progress counts what was handed over."""

    def consume(chunks: list[bytes]) -> None:
        for c in chunks:
            md5.update(c)
        fh.writelines(chunks)

    pipe = _Pipeline(consume, depth=4)
    batch: list[bytes] = []
    batched = got = 0
    try:
        for chunk in resp.iter_raw():
            batch.append(chunk)
            batched += len(chunk)
            got += len(chunk)
            if batched >= CHUNK:  # few thread switches
                pipe.put(batch)
                progress.add_bytes(batched)
                batch, batched = [], 0
    finally:
        if batch:
            pipe.put(batch)
            progress.add_bytes(batched)
        pipe.close()
    return got


def _read_direct(resp: DirectResponse, fh: Any, md5: Any, progress: _Progress) -> int:
    """Read a body with ``readinto`` into one reused ``DIRECT_BUFFER``; each filled buffer is hashed and written
    while it is still in the CPU cache. Returns the bytes written; on a cut (``BodyCut``) the bytes of the
    buffers completed before it are written."""
    view = memoryview(bytearray(DIRECT_BUFFER))
    got = 0
    while True:
        filled = 0
        while filled < DIRECT_BUFFER:
            n = resp.readinto(view[filled:])
            if not n:
                break
            filled += n
        if filled:
            piece = view[:filled]
            md5.update(piece)
            fh.write(piece)
            progress.add_bytes(filled)
            got += filled
        if filled < DIRECT_BUFFER:
            return got


class SwiftTransfer:
    """Swift requests with token handling and retries, plus the upload/download/delete/list operations."""

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

    # -- listing --------------------------------------------------------------------------------------------
    def iter_listing(self, uri: ObsUri, prefix: str, limit: int | None = None) -> Iterator[RemoteObject]:
        """Every object whose name starts with ``prefix`` (``format=json``, marker paging, ``limit=10000``)."""
        url = uri.container_url(self.endpoint_for(uri))
        marker = ""
        page = min(limit, LISTING_LIMIT) if limit else LISTING_LIMIT
        while True:
            params = {"format": "json", "limit": str(page), "prefix": prefix}
            if marker:
                params["marker"] = marker
            resp = self.request("GET", uri, url, params=params)
            if resp.status_code == 404:
                resp.close()
                raise StorageRequestError(
                    f"container {uri.container!r} not found at {url}", status_code=404, request_url=url
                )
            if resp.status_code == 204:
                return
            if resp.status_code != 200:
                raise self._fail(resp, f"listing {uri.uri}")
            entries = resp.json()
            for e in entries:
                if "name" not in e:
                    continue
                yield RemoteObject(
                    e["name"], int(e.get("bytes", 0)), e.get("hash", ""), e.get("content_type", ""),
                    e.get("last_modified", ""),
                )  # fmt: skip
            if len(entries) < page or limit is not None:
                return
            marker = entries[-1].get("name") or entries[-1].get("subdir")

    def select(self, uri: ObsUri) -> tuple[list[RemoteObject], str]:
        """Objects the URI designates and the prefix to strip from their names. An exact object name gives that
        object; otherwise names under ``prefix/`` (prefix boundaries respected); an empty prefix gives the whole
        container. Names ending in ``/`` (folder markers) are left out."""
        prefix = uri.prefix
        if prefix and not prefix.endswith("/"):
            exact = next(iter(self.iter_listing(uri, prefix, limit=1)), None)
            if exact is not None and exact.name == prefix:
                base = prefix.rsplit("/", 1)[0] + "/" if "/" in prefix else ""
                return [exact], base
            prefix += "/"
        found = [o for o in self.iter_listing(uri, prefix) if not o.name.endswith("/")]
        return found, prefix

    def head(self, uri: ObsUri, name: str) -> httpx.Response | None:
        resp = self.request("HEAD", uri, uri.object_url(self.endpoint_for(uri), name))
        if resp.status_code == 404:
            return None
        if resp.status_code not in (200, 204):
            raise self._fail(resp, f"HEAD {name!r}")
        return resp

    # -- upload ---------------------------------------------------------------------------------------------
    def upload(
        self,
        uri: ObsUri,
        local_path: Path,
        *,
        file_extensions: list[str] | None = None,
        filter_func: Callable[[str], bool] | None = None,
        show_progress: bool = True,
        segment_size: int = DEFAULT_SEGMENT_SIZE,
        segment_threshold: int = DEFAULT_SEGMENT_THRESHOLD,
        skip_unchanged: bool = True,
    ) -> TransferResult:
        if segment_size <= 0 or segment_size > MAX_SEGMENT_SIZE:
            raise ValueError(f"segment_size must be between 1 and {MAX_SEGMENT_SIZE} bytes, got {segment_size}")
        if segment_threshold < 0 or segment_threshold > MAX_SEGMENT_SIZE:
            raise ValueError(
                f"segment_threshold must be between 0 and {MAX_SEGMENT_SIZE} bytes, got {segment_threshold}"
            )
        local_path = Path(local_path)
        if not local_path.exists():
            raise FileNotFoundError(f"local_path {str(local_path)!r} does not exist")
        base = uri.prefix.rstrip("/")
        files: list[tuple[Path, str, int]] = []
        if local_path.is_file():
            candidates = [(local_path, local_path.name)]
        else:
            candidates = []
            for dirpath, dirnames, filenames in os.walk(local_path):
                dirnames.sort()
                for fn in sorted(filenames):
                    p = Path(dirpath) / fn
                    if p.is_file():
                        candidates.append((p, p.relative_to(local_path).as_posix()))
        exts = [e.lower() for e in file_extensions] if file_extensions else None
        for p, rel in candidates:
            if exts and not any(rel.lower().endswith(e) for e in exts):
                continue
            if filter_func is not None and not filter_func(str(p)):
                continue
            files.append((p, f"{base}/{rel}" if base else rel, p.stat().st_size))

        remote: dict[str, RemoteObject] = {}
        listed = skip_unchanged and len(files) > 1  # one listing instead of a HEAD per file
        if listed:
            try:
                remote = {o.name: o for o in self.iter_listing(uri, f"{base}/" if base else "")}
            except StorageRequestError as exc:
                if exc.status_code != 404:
                    raise
                # the container does not exist: create it now rather than after every file's body met a 404
                self.ensure_container(uri, uri.container)
        result = TransferResult()
        lock = threading.Lock()
        progress = _Progress(show_progress, "Uploading", len(files), sum(f[2] for f in files))
        seg_pool = ThreadPoolExecutor(self.max_workers, thread_name_prefix="em-seg")

        def one(item: tuple[Path, str, int]) -> None:
            path, name, size = item
            try:
                skipped, sent = self._upload_file(
                    uri, path, name, size, remote, listed, skip_unchanged,
                    segment_size, segment_threshold, progress, seg_pool,
                )  # fmt: skip
                with lock:
                    if skipped:
                        result.skipped.append(name)
                        result.bytes_skipped += size
                    else:
                        result.transferred.append(name)
                        result.bytes_transferred += sent
                if skipped:
                    progress.add_bytes(size)
            except (StorageError, OSError, httpx.HTTPError, ValueError) as exc:
                logger.warning("upload of %s failed: %s", name, exc)
                with lock:
                    result.failures.append((name, str(exc) or type(exc).__name__))
            finally:
                progress.file_done()

        archived, singles = self._bulk_candidates(uri, files, remote, segment_threshold) if self.bulk else ([], files)
        try:
            if archived:
                with ThreadPoolExecutor(1, thread_name_prefix="em-single") as side:
                    pending = side.submit(self._run, one, singles) if singles else None
                    leftover = self._upload_bulk(uri, archived, remote, skip_unchanged, progress, result, lock)
                    if pending is not None:
                        pending.result()
                self._run(one, leftover)
            else:
                self._run(one, singles)
        finally:
            seg_pool.shutdown(wait=True)
            progress.close()
        if result.failures:
            raise TransferError(result.failures, result)
        return result

    # -- archive uploads ------------------------------------------------------------------------------------
    def _bulk_candidates(
        self,
        uri: ObsUri,
        files: list[tuple[Path, str, int]],
        remote: dict[str, RemoteObject],
        segment_threshold: int,
    ) -> tuple[list[tuple[Path, str, int]], list[tuple[Path, str, int]]]:
        """Split files into those sent in archives and those sent one PUT each. Archived: below ``BULK_MAX_FILE``,
        not segmented, a UTF-8 name Swift keeps as it is (no leading ``/`` or ``./``), and not possibly replacing a
        segmented object (that one needs the single path, which removes the old segments)."""
        if bulk_supported(self.endpoint_for(uri)) is False:
            return [], files
        archived: list[tuple[Path, str, int]] = []
        singles: list[tuple[Path, str, int]] = []
        for item in files:
            _, name, size = item
            entry = remote.get(name)
            ok = size < BULK_MAX_FILE and size <= segment_threshold and not name.startswith(("/", "./"))
            ok = ok and not (entry is not None and entry.size == 0 and size > 0)
            if ok:
                try:
                    name.encode("utf-8")
                except UnicodeEncodeError:
                    ok = False
            (archived if ok else singles).append(item)
        if len(archived) < BULK_MIN_FILES:
            return [], files
        return archived, singles

    def _plan_archives(self, items: list[tuple[Path, str, int]], probe: bool) -> list[list[tuple[Path, str, int]]]:
        parallel = max(1, min(self.max_workers, BULK_PARALLEL))
        per = min(BULK_MAX_MEMBERS, max(BULK_MIN_MEMBERS, -(-len(items) // parallel)))
        batches: list[list[tuple[Path, str, int]]] = []
        current: list[tuple[Path, str, int]] = []
        current_bytes = 0
        for item in items:
            limit = BULK_PROBE_MEMBERS if probe and not batches else per
            if current and (len(current) >= limit or current_bytes + item[2] > BULK_MAX_BYTES):
                batches.append(current)
                current, current_bytes = [], 0
            current.append(item)
            current_bytes += item[2]
        if current:
            batches.append(current)
        return batches

    def _upload_bulk(
        self,
        uri: ObsUri,
        items: list[tuple[Path, str, int]],
        remote: dict[str, RemoteObject],
        skip_unchanged: bool,
        progress: _Progress,
        result: TransferResult,
        lock: threading.Lock,
    ) -> list[tuple[Path, str, int]]:
        """Send small files in tar archives extracted by the server, then check every file against one listing
        (``hash`` vs the MD5 streamed into the archive). Returns the files left for single PUTs: all of them when
        the server cannot extract archives, else those missing or different after extraction (re-sent once)."""
        endpoint = self.endpoint_for(uri)
        if skip_unchanged and remote:  # one listing decided; hash only the files whose size matches
            same_size = [it for it in items if (e := remote.get(it[1])) is not None and e.size == it[2]]
            if same_size:
                workers = max(1, min(self.max_workers, len(same_size), os.cpu_count() or 1))
                with ThreadPoolExecutor(workers, thread_name_prefix="em-md5") as pool:
                    hashes = list(pool.map(_md5_or_empty, (it[0] for it in same_size)))
                local = dict(zip([it[1] for it in same_size], hashes, strict=True))
                unchanged = {n for n, h in local.items() if remote[n].hash.strip('"').lower() == h}
                for _, name, size in (it for it in same_size if it[1] in unchanged):
                    result.skipped.append(name)
                    result.bytes_skipped += size
                    progress.add_bytes(size)
                    progress.file_done()
                items = [it for it in items if it[1] not in unchanged]
        if len(items) < BULK_MIN_FILES:
            return items
        known = bulk_supported(endpoint)
        if known is False:
            return items
        batches = self._plan_archives(items, probe=known is None)
        md5s: dict[str, str] = {}
        changed: dict[str, tuple[Path, str, int]] = {}
        if known is None:
            outcome = self._send_archive(uri, batches[0], md5s, changed, progress)
            if outcome is None:
                logger.info("%s does not extract archives: uploading one file per request", endpoint)
                _remember_bulk(endpoint, False)
                return items
            if outcome:
                _remember_bulk(endpoint, True)
            batches = batches[1:]
        if batches:
            workers = max(1, min(self.max_workers, BULK_PARALLEL, len(batches)))
            with ThreadPoolExecutor(workers, thread_name_prefix="em-bulk") as pool:
                for f in [pool.submit(self._send_archive, uri, b, md5s, changed, progress) for b in batches]:
                    f.result()
        # verify every archived file against the listing (one request per LISTING_LIMIT names)
        names = [it[1] for it in items if it[1] in md5s and it[1] not in changed]
        listed: dict[str, RemoteObject] = {}
        if names:
            try:
                listed = {o.name: o for o in self.iter_listing(uri, os.path.commonprefix(names))}
            except StorageRequestError as exc:
                logger.warning("listing %s to verify the archived files failed: %s", uri.uri, exc)
        leftover: list[tuple[Path, str, int]] = []
        verified = 0
        for item in items:
            _, name, size = item
            entry = listed.get(name)
            if name in changed:
                leftover.append(item)
            elif entry is not None and name in md5s and entry.size == size and entry.hash.lower() == md5s[name]:
                with lock:
                    result.transferred.append(name)
                    result.bytes_transferred += size
                progress.file_done()
                verified += 1
            else:
                if name in md5s:
                    progress.add_bytes(-size)  # counted when archived; counted again by the single PUT
                leftover.append(item)
        if leftover:
            logger.info("%d of %d archived files re-sent one by one", len(leftover), len(items))
        logger.debug("%d files uploaded in archives and verified", verified)
        return leftover

    def _send_archive(
        self,
        uri: ObsUri,
        batch: list[tuple[Path, str, int]],
        md5s: dict[str, str],
        changed: dict[str, tuple[Path, str, int]],
        progress: _Progress,
    ) -> bool | None:
        """PUT one tar archive (streamed: one file read at a time) with ``?extract-archive=tar`` to the container.
        Returns True when the server answered with the bulk middleware's JSON report, None when it does not
        extract archives (a 4xx, or an answer without the report), False on another failure (the files are then
        found missing by the verification and re-sent)."""
        url = uri.container_url(self.endpoint_for(uri))
        state = _BodyState()

        def body() -> Iterator[bytes]:
            state.sent = 0
            out: list[bytes] = []
            gathered = 0
            for item in batch:
                path, name, size = item
                try:
                    st = os.stat(path)
                    with open(path, "rb") as fh:
                        data = fh.read(size + 1)
                except OSError:
                    data = b""
                    st = None
                if st is None or len(data) != size:  # changed or gone since listed: the single path reports it
                    changed[name] = item
                    continue
                changed.pop(name, None)
                md5s[name] = hashlib.md5(data).hexdigest()
                info = tarfile.TarInfo(name)
                info.size = size
                info.mtime = int(st.st_mtime)
                info.mode = 0o644
                info.pax_headers = dict(_MEMBER_TYPE)
                out.append(info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape"))
                out.append(data)
                pad = -size % _TAR_BLOCK
                if pad:
                    out.append(bytes(pad))
                gathered += size + pad + 1024
                state.sent += size
                progress.add_bytes(size)
                if gathered >= BULK_FLUSH:
                    yield b"".join(out)
                    out, gathered = [], 0
            out.append(bytes(2 * _TAR_BLOCK))  # end of archive
            yield b"".join(out)

        def rewind() -> None:
            progress.add_bytes(-state.sent)
            state.sent = 0

        def drop() -> None:  # this archive did not work: its files are not counted, and re-sent if missing
            rewind()
            for _, name, _ in batch:
                md5s.pop(name, None)

        headers = {"Accept": "application/json", "Content-Type": "application/x-tar"}
        try:
            resp = self.request(
                "PUT", uri, url, params={"extract-archive": "tar"}, headers=headers, content=body, on_retry=rewind
            )
        except StorageAuthError:
            drop()
            raise
        except StorageError as exc:
            drop()
            logger.warning("archive of %d files to %s failed: %s", len(batch), uri.uri, exc)
            return False
        try:
            raw = resp.read()
        except httpx.HTTPError as exc:
            drop()
            logger.warning("archive of %d files to %s: reading the answer failed: %r", len(batch), uri.uri, exc)
            return False
        finally:
            resp.close()
        if 400 <= resp.status_code < 500:
            drop()
            logger.debug("archive upload refused with HTTP %d: %s", resp.status_code, raw[:200])
            return None
        if resp.status_code >= 300:
            drop()
            logger.warning("archive of %d files to %s: HTTP %d", len(batch), uri.uri, resp.status_code)
            return False
        try:
            report = json.loads(raw.strip() or b"null")
        except ValueError:
            report = None
        if not isinstance(report, dict) or not {"Number Files Created", "Response Status", "Errors"} <= report.keys():
            drop()
            return None
        if report["Errors"] or not str(report["Response Status"]).startswith("201"):
            logger.info(
                "archive to %s: %s, %s files created, errors: %s",
                uri.uri, report["Response Status"], report["Number Files Created"], report["Errors"][:5],
            )  # fmt: skip
        return True

    def _run(self, fn: Callable[[Any], None], items: list[Any]) -> None:
        if len(items) <= 1:
            for it in items:
                fn(it)
            return
        with ThreadPoolExecutor(min(self.max_workers, len(items)), thread_name_prefix="em-xfer") as pool:
            for f in [pool.submit(fn, it) for it in items]:
                f.result()

    def _upload_file(
        self,
        uri: ObsUri,
        path: Path,
        name: str,
        size: int,
        remote: dict[str, RemoteObject],
        listed: bool,
        skip_unchanged: bool,
        segment_size: int,
        segment_threshold: int,
        progress: _Progress,
        seg_pool: ThreadPoolExecutor,
    ) -> tuple[bool, int]:
        """Returns (skipped, bytes sent)."""
        local_md5: str | None = None
        old_manifest: str | None = None
        head: httpx.Response | None = None
        if skip_unchanged or size > segment_threshold:
            entry = remote.get(name)
            maybe_manifest = entry is not None and entry.size == 0 and size > 0
            if not listed or maybe_manifest:
                head = self.head(uri, name)
            if head is not None:
                old_manifest = head.headers.get("x-object-manifest")
                entry = RemoteObject(name, int(head.headers.get("content-length", -1)), head.headers.get("etag", ""))
            if skip_unchanged and entry is not None and entry.size == size:
                local_md5 = md5_file(path)
                remote_md5 = entry.hash.strip('"').lower()
                if old_manifest is not None and head is not None:
                    remote_md5 = head.headers.get("x-object-meta-md5", "").lower()
                if remote_md5 == local_md5:
                    logger.debug("unchanged, skipped: %s", name)
                    return True, 0
        if size > segment_threshold:
            self._upload_segmented(uri, path, name, size, segment_size, progress, seg_pool, old_manifest)
        else:
            self._put_range(uri, name, path, 0, size, progress, expected_md5=local_md5)
            if old_manifest:  # a segmented object replaced by a plain one: its segments are garbage now
                self._drop_old_segments(uri, name, old_manifest, None)
        return False, size

    def _drop_old_segments(self, uri: ObsUri, name: str, old_manifest: str, keep_prefix: str | None) -> None:
        """Delete the segments of a replaced manifest, only when they follow this engine's layout."""
        old_c, _, old_p = unquote(old_manifest).partition("/")
        if old_c == f"{uri.container}_segments" and old_p.startswith(f"{name}/") and old_p != keep_prefix:
            self._delete_prefix(uri, old_c, old_p)

    def _put_range(
        self,
        uri: ObsUri,
        name: str,
        path: Path,
        offset: int,
        length: int,
        progress: _Progress,
        *,
        expected_md5: str | None = None,
        extra_headers: dict[str, str] | None = None,
        container: str | None = None,
    ) -> str:
        """PUT ``length`` bytes of ``path`` from ``offset`` as one object, streamed and hashed; returns the MD5."""
        target = uri if container is None else ObsUri(uri.host, uri.version, uri.tenant, container, "")
        url = target.object_url(self.endpoint_for(target), name)
        state = _BodyState()

        def body() -> Iterator[bytes]:
            md5 = hashlib.md5()
            state.md5, state.sent = md5, 0
            pipe = _Pipeline(md5.update, depth=2) if length >= PIPELINE_MIN else None
            try:
                with open(path, "rb", buffering=0) as fh:
                    fh.seek(offset)
                    left = length
                    while left > 0:
                        chunk = fh.read(min(CHUNK, left))
                        if not chunk:
                            raise IntegrityError(f"{path} shrank while it was uploaded")
                        if pipe is not None:
                            pipe.put(chunk)
                        else:
                            md5.update(chunk)
                        left -= len(chunk)
                        state.sent += len(chunk)
                        progress.add_bytes(len(chunk))
                        yield chunk
            finally:
                if pipe is not None:
                    pipe.close()

        def rewind() -> None:
            progress.add_bytes(-state.sent)
            state.sent = 0

        content: Callable[[], Iterable[bytes] | bytes] = body
        if length <= SMALL_BODY:  # small: read and hashed once, sent as one buffer (bounded by SMALL_BODY)
            with open(path, "rb", buffering=0) as fh:
                fh.seek(offset)
                data = fh.read(length)
            if len(data) != length:
                raise IntegrityError(f"{path} shrank while it was uploaded")
            state.md5.update(data)

            def whole() -> bytes:
                state.sent = length
                progress.add_bytes(length)
                return data

            content = whole

        headers = {"Content-Length": str(length), "Content-Type": "application/octet-stream", **(extra_headers or {})}
        if expected_md5:
            headers["ETag"] = expected_md5
        created = False
        while True:
            resp = self.request("PUT", target, url, headers=headers, content=content, on_retry=rewind)
            if resp.status_code == 404 and not created:
                resp.close()
                rewind()
                self.ensure_container(target, target.container)
                created = True
                continue
            break
        if resp.status_code != 201:
            raise self._fail(resp, f"PUT {name!r}")
        resp.close()
        md5 = state.md5.hexdigest()
        etag = resp.headers.get("etag", "").strip('"').lower()
        if etag != md5:
            raise IntegrityError(f"server ETag {etag!r} differs from the MD5 {md5} of the bytes sent for {name!r}")
        return md5

    def _upload_segmented(
        self,
        uri: ObsUri,
        path: Path,
        name: str,
        size: int,
        segment_size: int,
        progress: _Progress,
        seg_pool: ThreadPoolExecutor,
        old_manifest: str | None,
    ) -> None:
        seg_container = f"{uri.container}_segments"
        upload_id = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:8]}"
        seg_prefix = f"{name}/{upload_id}/"
        self.ensure_container(uri, seg_container)
        count = (size + segment_size - 1) // segment_size
        whole: dict[str, str] = {}

        def hash_whole() -> None:
            whole["md5"] = md5_file(path)

        hasher = threading.Thread(target=hash_whole, name="em-md5", daemon=True)
        hasher.start()
        futures: list[Future[str]] = []
        for i in range(count):
            off = i * segment_size
            futures.append(
                seg_pool.submit(
                    self._put_range,
                    uri,
                    f"{seg_prefix}{i + 1:08d}",
                    path,
                    off,
                    min(segment_size, size - off),
                    progress,
                    container=seg_container,
                )  # fmt: skip
            )
        errors: list[str] = []
        seg_md5s: list[str] = []
        for f in futures:
            try:
                seg_md5s.append(f.result())
            except (StorageError, OSError, httpx.HTTPError) as exc:
                errors.append(str(exc))
        hasher.join()
        if errors:
            self._delete_prefix(uri, seg_container, seg_prefix)
            raise StorageError(f"segment upload failed: {errors[0]}")
        manifest = f"{quote(seg_container, safe='')}/{quote(seg_prefix, safe='/')}"
        url = uri.object_url(self.endpoint_for(uri), name)
        headers = {
            "X-Object-Manifest": manifest,
            "X-Object-Meta-Md5": whole.get("md5", ""),
            "Content-Length": "0",
            "Content-Type": "application/octet-stream",
        }
        resp = self.request("PUT", uri, url, headers=headers, content=lambda: b"")
        if resp.status_code == 404:  # the target container does not exist yet
            resp.close()
            self.ensure_container(uri, uri.container)
            resp = self.request("PUT", uri, url, headers=headers, content=lambda: b"")
        if resp.status_code != 201:
            raise self._fail(resp, f"PUT manifest {name!r}")
        resp.close()
        check = self.head(uri, name)
        expected = hashlib.md5("".join(seg_md5s).encode()).hexdigest()
        if (
            check is None
            or int(check.headers.get("content-length", -1)) != size
            or check.headers.get("etag", "").strip('"') != expected
        ):
            got = None if check is None else (check.headers.get("content-length"), check.headers.get("etag"))
            raise IntegrityError(f"manifest of {name!r} does not cover the uploaded segments (got {got})")
        if old_manifest:
            self._drop_old_segments(uri, name, old_manifest, seg_prefix)

    def _delete_prefix(self, uri: ObsUri, container: str, prefix: str) -> None:
        """Best-effort removal of segments left by an older or failed upload."""
        c = ObsUri(uri.host, uri.version, uri.tenant, container, "")
        try:
            for o in list(self.iter_listing(c, prefix)):
                resp = self.request("DELETE", c, c.object_url(self.endpoint_for(c), o.name))
                resp.close()
        except StorageError as exc:
            logger.warning("could not remove old segments %s/%s: %s", container, prefix, exc)

    # -- download -------------------------------------------------------------------------------------------
    def download(
        self,
        uri: ObsUri,
        dest_dir: Path,
        *,
        file_extensions: list[str] | None = None,
        filter_func: Callable[[dict[str, Any]], bool] | None = None,
        show_progress: bool = True,
    ) -> TransferResult:
        dest_dir = Path(dest_dir)
        objects, strip = self.select(uri)
        exts = [e.lower() for e in file_extensions] if file_extensions else None
        if exts:
            objects = [o for o in objects if any(o.name.lower().endswith(e) for e in exts)]
        if filter_func is not None:
            objects = [o for o in objects if filter_func(o.as_metadata())]
        result = TransferResult()
        if not objects:
            logger.info("nothing to download under %s", uri.uri)
            return result
        dest_dir.mkdir(parents=True, exist_ok=True)
        root = dest_dir.resolve()
        plan: list[tuple[RemoteObject, Path]] = []
        for o in objects:
            try:
                parts = safe_relative_parts(o.name[len(strip) :])
            except UnsafeObjectNameError as exc:
                result.failures.append((o.name, f"refused: {exc}; nothing written"))
                continue
            plan.append((o, root.joinpath(*parts)))
        lock = threading.Lock()
        progress = _Progress(show_progress, "Downloading", len(plan), sum(o.size for o, _ in plan))
        checked: set[Path] = set()

        def one(item: tuple[RemoteObject, Path]) -> None:
            obj, target = item
            try:
                n = self._download_one(uri, obj, target, root, progress, checked)
                with lock:
                    result.transferred.append(str(target))
                    result.bytes_transferred += n
            except (StorageError, OSError, httpx.HTTPError) as exc:
                logger.warning("download of %s failed: %s", obj.name, exc)
                with lock:
                    result.failures.append((obj.name, str(exc) or type(exc).__name__))
            finally:
                progress.file_done()

        try:
            self._run(one, plan)
        finally:
            progress.close()
        if result.failures:
            raise TransferError(result.failures, result)
        return result

    def _prepare_parent(self, target: Path, root: Path, checked: set[Path]) -> None:
        """Create the target's folder once and make sure no symlinked folder leads outside ``root``."""
        parent = target.parent
        if parent in checked:
            return
        parent.mkdir(parents=True, exist_ok=True)
        real = os.path.realpath(parent)
        if real != str(root) and not real.startswith(str(root) + os.sep):
            raise UnsafeObjectNameError(f"{target.name!r} would be written outside {root} (symlinked folder)")
        checked.add(parent)

    def _download_one(
        self, uri: ObsUri, obj: RemoteObject, target: Path, root: Path, progress: _Progress, checked: set[Path]
    ) -> int:
        self._prepare_parent(target, root, checked)
        tag = hashlib.md5(f"{obj.name}\0{obj.hash}\0{obj.size}".encode()).hexdigest()[:20]
        part = target.parent / f".{tag}.emdownload"
        url = uri.object_url(self.endpoint_for(uri), obj.name)
        restarted = False
        attempt = 0
        while True:
            small = 0 < obj.size <= SMALL_DOWNLOAD  # fetched whole and rewritten: nothing to resume
            try:
                have = 0 if small else part.stat().st_size
            except FileNotFoundError:
                have = 0
            md5 = hashlib.md5()
            if have:
                if have > obj.size > 0:
                    part.unlink()
                    have = 0
                else:
                    with open(part, "rb") as prev:
                        while chunk := prev.read(CHUNK):
                            md5.update(chunk)
            headers = {"Range": f"bytes={have}-"} if have else {}
            resp = self.get_object(uri, url, headers, stream=not small)
            got = 0
            try:
                if resp.status_code == 416 and have:
                    resp.close()
                    part.unlink()
                    continue
                if resp.status_code == 404:
                    raise StorageRequestError(f"object {obj.name!r} disappeared", status_code=404, request_url=url)
                if resp.status_code not in (200, 206):
                    raise self._fail(resp, f"GET {obj.name!r}")
                if small:
                    data = resp.read()
                    md5.update(data)
                    _write_new(part, data)
                    got = len(data)
                    progress.add_bytes(got)
                else:
                    mode = "ab"
                    if resp.status_code == 200 and have:
                        mode, md5, have = "wb", hashlib.md5(), 0
                    if have:
                        progress.add_bytes(have)
                    try:
                        with open(part, mode) as fh:
                            if isinstance(resp, DirectResponse):
                                got = _read_direct(resp, fh, md5, progress)
                            else:
                                got = _read_httpx(resp, fh, md5, progress)
                    except _CUT as exc:
                        got = part.stat().st_size - have  # what was written before the cut
                        progress.add_bytes(-(have + got))
                        if attempt >= self.retries:
                            raise StorageRequestError(
                                f"GET {obj.name!r} cut after {have + got} bytes ({exc!r}); the partial file {part} "
                                "is kept and the next download resumes it",
                                request_url=url,
                            ) from exc
                        logger.info("download of %s cut at %d bytes, resuming", obj.name, have + got)
                        self._backoff(attempt)
                        attempt += 1
                        continue
            except _CUT as exc:  # small objects: fetched again whole
                if attempt >= self.retries:
                    raise StorageRequestError(f"GET {obj.name!r} failed: {exc!r}", request_url=url) from exc
                self._backoff(attempt)
                attempt += 1
                continue
            finally:
                resp.close()
            digest = md5.hexdigest()
            etag = resp.headers.get("etag", "").lower()
            expected = etag if _PLAIN_MD5.match(etag) else resp.headers.get("x-object-meta-md5", "").lower() or None
            if expected is not None and digest != expected:
                part.unlink(missing_ok=True)
                if not restarted:  # a stale partial from another version of the object: start over once
                    restarted = True
                    progress.add_bytes(-(have + got))
                    continue
                raise IntegrityError(f"downloaded {obj.name!r} has MD5 {digest}, server says {expected}")
            length = resp.headers.get("content-range", "").rpartition("/")[2] or resp.headers.get("content-length")
            size = have + got
            if length and length.isdigit() and int(length) != size:
                raise IntegrityError(f"downloaded {obj.name!r} has {size} bytes, server says {length}")
            if size == 0 and not part.exists():
                part.touch()
            try:
                os.replace(part, target)
            except IsADirectoryError as exc:
                raise StorageError(f"{target} is a directory; object {obj.name!r} cannot replace it") from exc
            ts = resp.headers.get("x-timestamp")
            if ts:
                try:
                    os.utime(target, (time.time(), float(ts)))
                except (ValueError, OSError):
                    pass
            return size

    # -- delete / size --------------------------------------------------------------------------------------
    def delete(self, uri: ObsUri, *, file_extensions: list[str] | None = None, show_progress: bool = True) -> list[str]:
        objects, _ = self.select(uri)
        if file_extensions:
            exts = [e.lower() for e in file_extensions]
            objects = [o for o in objects if any(o.name.lower().endswith(e) for e in exts)]
        deleted: list[str] = []
        failures: list[tuple[str, str]] = []
        lock = threading.Lock()
        bar = tqdm(total=len(objects), desc="Deleting files", unit="file", disable=not show_progress)

        def one(o: RemoteObject) -> None:
            try:
                manifest = None
                if o.size == 0:
                    h = self.head(uri, o.name)
                    manifest = h.headers.get("x-object-manifest") if h is not None else None
                resp = self.request("DELETE", uri, uri.object_url(self.endpoint_for(uri), o.name))
                if resp.status_code not in (200, 204, 404):
                    raise self._fail(resp, f"DELETE {o.name!r}")
                resp.close()
                if manifest:
                    mc, _, mp = unquote(manifest).partition("/")
                    if mc == f"{uri.container}_segments" and mp.startswith(f"{o.name}/"):
                        self._delete_prefix(uri, mc, mp)
                with lock:
                    deleted.append(o.name)
            except (StorageError, httpx.HTTPError) as exc:
                with lock:
                    failures.append((o.name, str(exc)))
            finally:
                bar.update(1)

        try:
            self._run(one, objects)
        finally:
            bar.close()
        if failures:
            raise TransferError(failures, deleted)
        return deleted

    def total_size(self, uri: ObsUri) -> int:
        objects, _ = self.select(uri)
        total = 0
        for o in objects:
            if o.size == 0:
                h = self.head(uri, o.name)
                total += int(h.headers.get("content-length", 0)) if h is not None else 0
            else:
                total += o.size
        return total
