"""Send application logs to NHN Cloud Log & Crash Search (or to EasyMaker Local's stand-in for it).

``easymaker.logger(logncrash_appkey=...)`` builds a :class:`Logger`. ``send()`` prints the message to stdout, as the
user's guide documents, and buffers a Log & Crash log object; a background thread posts the buffer every second,
and the buffer is also posted at interpreter exit, on :meth:`Logger.flush` and on :meth:`Logger.close`.

The logger has its own HTTP client: it never carries EasyMaker credentials, so the EasyMaker access token never
reaches the Log & Crash host.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import httpx

__all__ = [
    "DEFAULT_LOG_URL",
    "LOG_CATEGORY",
    "LOG_TYPE",
    "MAX_BATCH_BYTES",
    "MAX_RECORD_BYTES",
    "Logger",
]

_log = logging.getLogger("easymaker.logger")

DEFAULT_LOG_URL = "https://api-logncrash.nhncloudservice.com/v2/log"
"""The public Log & Crash Search collector (the same for every region)."""
LOCAL_LOG_PATH = "/v2/log"
"""The collector path on EasyMaker Local."""
DEFAULT_LOCAL_URL = "http://127.0.0.1:10090"
"""EasyMaker Local's default address, used when neither the SDK configuration nor ``EM_LOCAL_URL`` names one."""

LOG_CATEGORY = "easymaker.sdk"
LOG_TYPE = "NHN Cloud - AI EasyMaker"
LOG_HOST = "easymaker"
LOG_VERSION = "v2"

MAX_RECORD_BYTES = 8_000_000
"""Log & Crash's limit for one log: 8 MB (decimal), measured as the UTF-8 bytes of the record's JSON."""
MAX_BATCH_BYTES = 16 * 1024 * 1024
"""The largest body one POST carries; a bigger buffer is posted in several requests, and reaching it flushes early."""
DEFAULT_FLUSH_INTERVAL = 1.0
DEFAULT_TIMEOUT = 10.0


def _resolve_url() -> str:
    """The collector URL for the current configuration: EasyMaker Local's ``/v2/log`` in the local profile.

    The SDK's configuration is read when it exists (it knows the profile and the local server's address);
    otherwise ``EM_PROFILE`` and ``EM_LOCAL_URL`` decide.
    """
    local, base = _profile_from_sdk_config()
    if local is None:
        local = os.environ.get("EM_PROFILE", "").strip().lower() == "local"
    if not local:
        return DEFAULT_LOG_URL
    if not base:
        base = os.environ.get("EM_LOCAL_URL") or DEFAULT_LOCAL_URL
    return base.rstrip("/") + LOCAL_LOG_PATH


def _profile_from_sdk_config() -> tuple[bool | None, str | None]:
    """(is the profile local, the local base URL) from the SDK configuration, or (None, None) if it is unknown."""
    try:
        import easymaker
    except Exception:  # the SDK core is optional for the logger; fall back to the environment
        return None, None
    get_config = getattr(easymaker, "get_config", None)
    config: Any = None
    if callable(get_config):
        try:
            config = get_config()
        except Exception:  # not initialised yet
            config = None
    if config is None:
        config = getattr(easymaker, "easymaker_config", None) or getattr(easymaker, "config", None)
    if config is None:
        return None, None
    local: bool | None = None
    for name in ("is_local", "local"):
        value = getattr(config, name, None)
        if isinstance(value, bool):
            local = value
            break
    if local is None:
        profile = getattr(config, "profile", None)
        if isinstance(profile, str) and profile:
            local = profile.strip().lower() == "local"
    if not local:
        return local, None
    for name in ("base_url", "api_url", "url"):
        value = getattr(config, name, None)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return True, value
    return True, None


class Logger:
    """A Log & Crash Search sender, buffered and flushed every second by a background thread.

    Args:
        logncrash_appkey: the Log & Crash Search appkey (the log objects' ``projectName``). Required.
        url: the collector URL; by default the public collector, or EasyMaker Local's ``/v2/log`` in the local
            profile.
        flush_interval: seconds between background flushes.
        timeout: seconds allowed for each POST.
        transport: an httpx transport for the logger's own client (tests use it to intercept requests).
        echo: print each message to stdout (the documented behaviour).
    """

    def __init__(
        self,
        logncrash_appkey: str | None = None,
        *,
        url: str | None = None,
        flush_interval: float = DEFAULT_FLUSH_INTERVAL,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        echo: bool = True,
    ) -> None:
        if not isinstance(logncrash_appkey, str) or not logncrash_appkey.strip():
            raise ValueError(
                "logncrash_appkey is required: pass the Log & Crash Search appkey, "
                "e.g. easymaker.logger(logncrash_appkey='...')"
            )
        if not flush_interval > 0:
            raise ValueError(f"flush_interval must be > 0 seconds, got {flush_interval!r}")
        if not timeout > 0:
            raise ValueError(f"timeout must be > 0 seconds, got {timeout!r}")
        self.logncrash_appkey = logncrash_appkey
        self.url = url or _resolve_url()
        self.flush_interval = float(flush_interval)
        self.echo = echo
        # A client of its own: no EasyMaker headers, so the EasyMaker token never reaches this host.
        self._client = httpx.Client(timeout=timeout, transport=transport, headers={"Content-Type": "application/json"})
        self._lock = threading.Lock()  # guards the buffer and the counters
        self._send_lock = threading.Lock()  # one POST sequence at a time, in order
        self._buffer: list[bytes] = []
        self._buffer_bytes = 0
        self._closed = False
        self.sent_count = 0
        """Records the collector accepted."""
        self.dropped_count = 0
        """Records that could not be delivered (logged through the ``easymaker`` logger)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="easymaker-logncrash-flush", daemon=True)
        self._thread.start()
        atexit.register(self.close)

    # ------------------------------------------------------------------ public API
    def send(
        self,
        log_message: str,
        log_level: str = "INFO",
        project_version: str = "1.0.0",
        parameters: Mapping[str, Any] | None = None,
    ) -> None:
        """Print ``log_message`` to stdout and queue it for Log & Crash Search.

        Raises:
            ValueError: the record is larger than 8 MB as UTF-8 JSON, or the logger is closed.
            TypeError: an argument has the wrong type, or ``parameters`` is not JSON-serialisable.
        """
        if not isinstance(log_message, str):
            raise TypeError(f"log_message must be a str, got {type(log_message).__name__}")
        if not isinstance(log_level, str) or not log_level:
            raise TypeError(f"log_level must be a non-empty str, got {log_level!r}")
        if not isinstance(project_version, str):
            raise TypeError(f"project_version must be a str, got {type(project_version).__name__}")
        if parameters is not None and not isinstance(parameters, Mapping):
            raise TypeError(f"parameters must be a dict, got {type(parameters).__name__}")
        record: dict[str, Any] = {
            "category": LOG_CATEGORY,
            "logType": LOG_TYPE,
            "projectName": self.logncrash_appkey,
            "body": log_message,
            "logLevel": log_level,
            "projectVersion": project_version,
            "sendTime": time.time(),
            "host": LOG_HOST,
        }
        if parameters:
            record.update({str(k): v for k, v in parameters.items()})
        record["logVersion"] = LOG_VERSION
        try:
            encoded = json.dumps(record, ensure_ascii=False).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise TypeError(f"parameters must be JSON-serialisable: {exc}") from None
        if len(encoded) > MAX_RECORD_BYTES:
            raise ValueError(
                f"log record is {len(encoded)} bytes as UTF-8 JSON; Log & Crash Search accepts at most "
                f"{MAX_RECORD_BYTES} bytes (8 MB) per log"
            )
        if self.echo:
            print(log_message, flush=True)  # noqa: T201  (the guide: "Output to stdout & send log")
        with self._lock:
            if self._closed:
                raise ValueError("this logger is closed; create a new easymaker.logger(...) to send more logs")
            self._buffer.append(encoded)
            self._buffer_bytes += len(encoded) + 1
            full = self._buffer_bytes >= MAX_BATCH_BYTES
        if full:
            self.flush()

    def flush(self) -> int:
        """Post every buffered record now; returns how many the collector accepted."""
        with self._send_lock:
            with self._lock:
                pending, self._buffer, self._buffer_bytes = self._buffer, [], 0
            if not pending:
                return 0
            accepted = 0
            for batch in _batches(pending):
                accepted += self._post(batch)
            return accepted

    def close(self) -> None:
        """Stop the background thread, post what is buffered, and release the HTTP client. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=self.flush_interval + 1)
        try:
            self.flush()
        finally:
            self._client.close()
            atexit.unregister(self.close)

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Logger(url={self.url!r}, pending={len(self._buffer)}, closed={self._closed})"

    # ------------------------------------------------------------------ internals
    def _run(self) -> None:
        while not self._stop.wait(self.flush_interval):
            try:
                self.flush()
            except Exception:  # the flush thread must survive anything; _post already logs send failures
                _log.exception("Log & Crash flush failed")

    def _post(self, batch: list[bytes]) -> int:
        body = b"[" + b",".join(batch) + b"]"
        try:
            response = self._client.post(self.url, content=body)
        except httpx.HTTPError as exc:
            self._drop(len(batch), f"{type(exc).__name__}: {exc}")
            return 0
        problem = _response_problem(response)
        if problem:
            self._drop(len(batch), problem)
            return 0
        with self._lock:
            self.sent_count += len(batch)
        return len(batch)

    def _drop(self, count: int, reason: str) -> None:
        with self._lock:
            self.dropped_count += count
            total = self.dropped_count
        _log.warning(
            "could not send %d log record(s) to Log & Crash Search at %s (%s); %d dropped so far",
            count,
            self.url,
            reason,
            total,
        )


def _batches(records: list[bytes]) -> list[list[bytes]]:
    """Split records into request bodies of at most MAX_BATCH_BYTES each (a record is never split)."""
    batches: list[list[bytes]] = []
    current: list[bytes] = []
    size = 2
    for record in records:
        if current and size + len(record) + 1 > MAX_BATCH_BYTES:
            batches.append(current)
            current, size = [], 2
        current.append(record)
        size += len(record) + 1
    if current:
        batches.append(current)
    return batches


def _response_problem(response: httpx.Response) -> str | None:
    """Why the collector refused the batch, or None if it accepted it."""
    if response.status_code >= 400:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    try:
        data = response.json()
    except ValueError:
        return None  # a 2xx without a JSON body is an acceptance
    header = data.get("header") if isinstance(data, dict) else None
    if isinstance(header, dict) and header.get("isSuccessful") is False:
        return f"resultCode {header.get('resultCode')}: {header.get('resultMessage')}"
    return None
