"""What a stored object is: ``ObjectInfo`` (as listed or HEADed), ``Subdir`` (a delimited listing's entry), the
index row behind them, Swift's name limits and ``ObjectStoreError`` (a refusal carrying its HTTP status)."""

from __future__ import annotations

import functools
import hashlib
import json
import math
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any, Protocol

LISTING_LIMIT = 10000  # default and maximum page size of a container listing, as in Swift
READ_CHUNK = 1024 * 1024
EMPTY_MD5 = hashlib.md5(b"").hexdigest()
MAX_NAME_BYTES = 1024  # Swift's default max_object_name_length
MAX_CONTAINER_BYTES = 256
INLINE_MAX = 128 * 1024  # bodies up to this size live in the database row: no file to create per small object


class BinaryReader(Protocol):
    """Anything with a binary ``read(n)`` (a file, a socket stream...)."""

    def read(self, n: int = -1, /) -> bytes: ...


class ObjectStoreError(Exception):
    """A request the store refuses; ``status`` is the HTTP status the ASGI layer answers with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@functools.lru_cache(maxsize=4096)
def _http_date(seconds: int) -> str:
    """An RFC 7231 date; cached, as objects stored together share their second."""
    return formatdate(seconds, usegmt=True)


@dataclass(frozen=True)
class ObjectInfo:
    """One stored object as listed or HEADed. For a dynamic large object ``size`` and ``etag`` are the
    concatenation's (``etag`` quoted, as Swift does); ``stored_size``/``stored_etag`` are the manifest body's."""

    container: str
    name: str
    size: int
    etag: str
    content_type: str
    timestamp: float
    metadata: dict[str, str] = field(default_factory=dict)
    manifest: str | None = None
    stored_size: int = 0
    stored_etag: str = EMPTY_MD5

    @property
    def last_modified_http(self) -> str:
        return _http_date(math.ceil(self.timestamp))

    @property
    def last_modified_iso(self) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(self.timestamp)) + f".{int(self.timestamp % 1 * 1e6):06d}"

    @property
    def x_timestamp(self) -> str:
        return f"{self.timestamp:016.5f}"


@dataclass(frozen=True)
class Subdir:
    """A ``subdir`` entry of a delimited listing."""

    subdir: str


ROW_COLUMNS = "name, size, etag, content_type, timestamp, metadata, manifest, blob, pack_offset"
ROW_COLUMNS_DATA = ROW_COLUMNS + ", data"


@dataclass
class Row:
    """One row of the index's ``objects`` table, as selected by ``ROW_COLUMNS`` (or ``ROW_COLUMNS_DATA``)."""

    name: str
    size: int
    etag: str
    content_type: str
    timestamp: float
    metadata: dict[str, str]
    manifest: str | None
    blob: str  # "" when the body is stored inline in the row
    data: bytes | None = None  # the inline body, when it was asked for
    offset: int | None = None  # where the body starts in its blob when the blob is a pack

    @staticmethod
    def from_sql(r: tuple[Any, ...]) -> Row:
        return Row(
            r[0], int(r[1]), r[2], r[3], float(r[4]), json.loads(r[5]), r[6], r[7], r[9] if len(r) > 9 else None, r[8]
        )


def check_name(kind: str, value: str, limit: int) -> None:
    if not value:
        raise ObjectStoreError(400, f"{kind} name must not be empty")
    if "\x00" in value:
        raise ObjectStoreError(400, f"{kind} name must not contain NUL")
    if len(value.encode("utf-8", "surrogatepass")) > limit:
        raise ObjectStoreError(400, f"{kind} name longer than {limit} bytes")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ObjectStoreError(400, f"{kind} name is not valid UTF-8") from exc


def check_container(container: str) -> None:
    check_name("container", container, MAX_CONTAINER_BYTES)
    if "/" in container:
        raise ObjectStoreError(400, "container name must not contain '/'")
