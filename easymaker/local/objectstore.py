"""EasyMaker Local's Object Storage: a Swift-compatible object store and a Keystone v2 token endpoint.

Storage layout under ``<home>/objects/``:

* ``index.db``: SQLite (WAL) holding containers, object names, sizes, ETags, metadata and issued tokens;
* ``data/<xx>/<id>``: one file per stored object body, named by a random id (never by the object name, so any
  UTF-8 name, including ``../x``, ``/abs`` or ``a\\b``, stays inside the home folder); small members of an
  extracted archive share one such file (a pack: each row holds its ``pack_offset``), removed with its last object;
* ``tmp/``: bodies being received. A body is written there, renamed into ``data/`` when complete and verified, and
  only then recorded in the database, so a crash never leaves a partial object visible.

``ObjectStore`` is the engine (usable from Python without HTTP); ``create_object_store_app`` wraps it in an ASGI
application serving ``/v1/AUTH_<tenant>/<container>[/<object>]`` and ``POST /v2.0/tokens``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import re
import secrets
import sqlite3
import tarfile
import threading
import time
import uuid
import zlib
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import parse_qsl, quote, unquote

from easymaker.local.home import DISK_FULL_MESSAGE, disk_full

logger = logging.getLogger("easymaker.local.objectstore")

LISTING_LIMIT = 10000  # default and maximum page size of a container listing, as in Swift
READ_CHUNK = 1024 * 1024
EMPTY_MD5 = hashlib.md5(b"").hexdigest()
MAX_NAME_BYTES = 1024  # Swift's default max_object_name_length
MAX_CONTAINER_BYTES = 256
INLINE_MAX = 128 * 1024  # bodies up to this size live in the database row: no file to create per small object

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


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


@dataclass
class _Row:
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


def _check_name(kind: str, value: str, limit: int) -> None:
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


def _check_container(container: str) -> None:
    _check_name("container", container, MAX_CONTAINER_BYTES)
    if "/" in container:
        raise ObjectStoreError(400, "container name must not contain '/'")


def _owner_alive(tmp_name: str) -> bool:
    """Temp bodies are named ``<pid>.<id>``: keep those of live processes (another engine may be writing)."""
    pid_text = tmp_name.partition(".")[0]
    if not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _close_all(opened: list[tuple[_FileRange | bytes, int]]) -> None:
    for src, _ in opened:
        if not isinstance(src, bytes):
            src.close()


@dataclass
class _Sealed:
    """A verified body in place, waiting to be recorded (``final`` is its file, removed if recording fails)."""

    container: str
    name: str
    size: int
    etag: str
    content_type: str | None
    metadata: dict[str, str]
    manifest: str | None
    blob: str
    data: bytes | None
    final: Path | None
    offset: int | None = None  # set for a body inside a pack


class _FileRange:
    """An open body file, or a body inside a pack starting at ``base``, read by position (``os.pread``): one
    descriptor and no file object or seek per request."""

    __slots__ = ("fd", "base", "path")

    def __init__(self, path: str, base: int, *, lazy: bool = False) -> None:
        """``lazy``: open at the first read (segments of a large object are opened one at a time)."""
        self.path = path
        self.fd = -1 if lazy else os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self.base = base

    def pread(self, n: int, pos: int) -> bytes:
        if self.fd < 0:
            self.fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        if _HAS_PREAD:
            return os.pread(self.fd, n, self.base + pos)
        os.lseek(self.fd, self.base + pos, os.SEEK_SET)
        return os.read(self.fd, n)

    def close(self) -> None:
        fd, self.fd = self.fd, -1
        if fd >= 0:
            os.close(fd)


_HAS_PREAD = hasattr(os, "pread")
_AUTO_VACUUM_INCREMENTAL = 2
_VACUUM_EVERY = 100  # deletes between checks of SQLite's free pages
_COMPACT_BELOW = 0.6  # a pack whose live objects fill less than this share of it is rewritten


def _fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (POSIX: fsync the folder; not possible on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _EngineLock:
    """An advisory lock on ``engine.lock``: every engine of a folder holds it shared; one that gets it exclusive
    at start knows no other engine (another process) is writing, so unrecorded bodies are crash leftovers."""

    def __init__(self, path: Path) -> None:
        self._fd: int | None = None
        self.exclusive = False
        try:
            import fcntl
        except ImportError:  # Windows: no sweep at start
            return
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.exclusive = True
        except OSError:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def share(self) -> None:
        if self._fd is not None and self.exclusive:
            import fcntl

            fcntl.flock(self._fd, fcntl.LOCK_SH)
            self.exclusive = False

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


class _Pack:
    """A file receiving many small bodies back to back (archive members); written in ``tmp/`` and moved into
    ``data/`` before the objects in it are recorded."""

    def __init__(self, store: ObjectStore) -> None:
        self._store = store
        self.blob = uuid.uuid4().hex
        self._tmp = store.tmp_dir / f"{os.getpid()}.{self.blob}"
        self.final = store.blob_path(self.blob)
        self._fh = open(self._tmp, "wb")  # noqa: SIM115 - closed in seal/abort
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self._fh.write(chunk)
        self.size += len(chunk)

    def seal(self) -> None:
        self._fh.flush()
        if self._store.durable:
            os.fsync(self._fh.fileno())
        self._fh.close()
        self._store._place(self._tmp, self.final)

    def abort(self) -> None:
        self._fh.close()
        self._tmp.unlink(missing_ok=True)


class PutWriter:
    """Receives one object body: ``write`` chunks (hashed while written), then ``commit`` or ``abort``."""

    def __init__(self, store: ObjectStore, tenant: str, container: str, name: str) -> None:
        self._store = store
        self.tenant, self.container, self.name = tenant, container, name
        self.blob = uuid.uuid4().hex
        self._tmp_path = store.tmp_dir / f"{os.getpid()}.{self.blob}"
        self._file: IO[bytes] | None = None  # opened once the body outgrows INLINE_MAX
        self._inline: bytearray | None = bytearray()
        self._done = False
        self._md5 = hashlib.md5()
        self.size = 0

    def write(self, chunk: bytes | bytearray | memoryview) -> None:
        assert not self._done, "write after commit/abort"
        self._md5.update(chunk)
        self.size += len(chunk)
        if self._inline is not None:
            if self.size <= INLINE_MAX:
                self._inline += chunk
                return
            self._file = open(self._tmp_path, "wb", buffering=0)  # noqa: SIM115 - closed in commit/abort
            pending, self._inline = self._inline, None
            self._write_file(pending)
        self._write_file(chunk)

    def _write_file(self, chunk: bytes | bytearray | memoryview) -> None:
        assert self._file is not None
        view = memoryview(chunk)
        while view:  # a raw file may take fewer bytes than offered
            view = view[self._file.write(view) or 0 :]

    def abort(self) -> None:
        self._done = True
        self._inline = None
        if self._file is not None:
            self._file.close()
            self._file = None
            self._tmp_path.unlink(missing_ok=True)

    def commit(
        self,
        *,
        content_type: str | None = None,
        metadata: dict[str, str] | None = None,
        manifest: str | None = None,
        expected_etag: str | None = None,
        expected_size: int | None = None,
    ) -> ObjectInfo:
        """Verify, move the body into place and record it; on any error nothing is stored."""
        sealed = self.seal(
            content_type=content_type,
            metadata=metadata,
            manifest=manifest,
            expected_etag=expected_etag,
            expected_size=expected_size,
        )
        return self._store._record_sealed(self.tenant, [sealed])[0]

    def seal(
        self,
        *,
        content_type: str | None = None,
        metadata: dict[str, str] | None = None,
        manifest: str | None = None,
        expected_etag: str | None = None,
        expected_size: int | None = None,
    ) -> _Sealed:
        """Verify the body and move it into place, without recording it yet (``ObjectStore._record_sealed`` does,
        possibly for many objects in one transaction). On a verification error nothing is kept."""
        assert not self._done, "commit after commit/abort"
        final: Path | None = None
        try:
            self._done = True
            if self._file is not None:
                if self._store.durable:
                    os.fsync(self._file.fileno())
                self._file.close()
                self._file = None
            etag = self._md5.hexdigest()
            if expected_size is not None and expected_size != self.size:
                raise ObjectStoreError(499, f"body ended after {self.size} of {expected_size} bytes")
            if expected_etag is not None and expected_etag.strip('"').lower() != etag:
                raise ObjectStoreError(422, f"ETag mismatch: client sent {expected_etag}, body MD5 is {etag}")
            if self._inline is None:
                final = self._store.blob_path(self.blob)
                self._store._place(self._tmp_path, final)
        except BaseException:
            self.abort()
            raise
        inline = None if self._inline is None else bytes(self._inline)
        self._inline = None
        return _Sealed(
            self.container,
            self.name,
            self.size,
            etag,
            content_type,
            metadata or {},
            manifest,
            "" if inline is not None else self.blob,
            inline,
            final,
        )


def _after_prefix(prefix: str) -> str | None:
    """The least string greater than every string that starts with ``prefix`` in code point order (SQLite's order
    of UTF-8 text), or ``None`` when there is none (a prefix of U+10FFFF only)."""
    chars = list(prefix)
    while chars:
        code = ord(chars[-1]) + 1
        if code == 0xD800:  # no text holds a surrogate
            code = 0xE000
        if code <= 0x10FFFF:
            chars[-1] = chr(code)
            return "".join(chars)
        chars.pop()
    return None


_CONTAINER_STATS_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS container_stats (
        tenant TEXT NOT NULL, container TEXT NOT NULL,
        objects INTEGER NOT NULL, bytes INTEGER NOT NULL, PRIMARY KEY (tenant, container))""",
    """CREATE TRIGGER IF NOT EXISTS container_stats_insert AFTER INSERT ON objects BEGIN
        INSERT INTO container_stats VALUES (NEW.tenant, NEW.container, 1, NEW.size)
        ON CONFLICT (tenant, container) DO UPDATE SET objects = objects + 1, bytes = bytes + NEW.size;
    END""",
    """CREATE TRIGGER IF NOT EXISTS container_stats_delete AFTER DELETE ON objects BEGIN
        UPDATE container_stats SET objects = objects - 1, bytes = bytes - OLD.size
        WHERE tenant = OLD.tenant AND container = OLD.container;
    END""",
    """CREATE TRIGGER IF NOT EXISTS container_stats_update AFTER UPDATE OF tenant, container, size ON objects BEGIN
        UPDATE container_stats SET objects = objects - 1, bytes = bytes - OLD.size
        WHERE tenant = OLD.tenant AND container = OLD.container;
        INSERT INTO container_stats VALUES (NEW.tenant, NEW.container, 1, NEW.size)
        ON CONFLICT (tenant, container) DO UPDATE SET objects = objects + 1, bytes = bytes + NEW.size;
    END""",
)


class ObjectStore:
    """The storage engine. Thread-safe; one instance per home folder and process."""

    def __init__(self, root: Path, *, durable: bool = True) -> None:
        """``durable=False`` skips the fsync of bodies and folders and runs SQLite with ``synchronous=NORMAL``:
        an acknowledged write then survives a crash of the process, not a power loss (for throw-away homes and
        to measure what durability costs)."""
        self.root = Path(root)
        self.durable = durable
        self.data_dir = self.root / "data"
        self._data_str = str(self.data_dir)
        self.tmp_dir = self.root / "tmp"
        for d in (self.root, self.data_dir, self.tmp_dir):
            d.mkdir(parents=True, exist_ok=True)
        if sum(1 for _ in self.data_dir.iterdir()) < 256:  # shard folders made once, not on every write
            for i in range(256):
                (self.data_dir / f"{i:02x}").mkdir(exist_ok=True)
        # Bodies left in tmp/ by a crash were never recorded: drop them.
        for leftover in self.tmp_dir.iterdir():
            if not _owner_alive(leftover.name):
                leftover.unlink(missing_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.root / "index.db", check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout=10000")
        if self._db.execute("PRAGMA auto_vacuum").fetchone()[0] != _AUTO_VACUUM_INCREMENTAL:
            # set before the first table exists; an older index is converted once by a VACUUM (the space of
            # deleted inline bodies can then be given back to the file system)
            self._db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            if self._db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall():
                self._db.execute("VACUUM")
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before the 201, as the bodies are (WAL with NORMAL may lose the last commits)
        self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS containers (
                tenant TEXT NOT NULL, name TEXT NOT NULL, created REAL NOT NULL,
                PRIMARY KEY (tenant, name));
            CREATE TABLE IF NOT EXISTS objects (
                tenant TEXT NOT NULL, container TEXT NOT NULL, name TEXT NOT NULL,
                size INTEGER NOT NULL, etag TEXT NOT NULL, content_type TEXT NOT NULL,
                timestamp REAL NOT NULL, metadata TEXT NOT NULL, manifest TEXT, blob TEXT NOT NULL, data BLOB,
                PRIMARY KEY (tenant, container, name));
            CREATE TABLE IF NOT EXISTS tokens (
                token TEXT PRIMARY KEY, tenant TEXT, expires REAL NOT NULL);
            """
        )
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(objects)").fetchall()}
        if "data" not in columns:  # homes created before small bodies were kept inline
            self._db.execute("ALTER TABLE objects ADD COLUMN data BLOB")
        if "pack_offset" not in columns:  # homes created before archive members were packed
            self._db.execute("ALTER TABLE objects ADD COLUMN pack_offset INTEGER")
        self._db.execute("CREATE INDEX IF NOT EXISTS objects_by_pack ON objects (blob) WHERE pack_offset IS NOT NULL")
        self._keep_container_stats()
        self._tokens: dict[str, tuple[str | None, float]] = {}
        self._containers: set[tuple[str, str]] = set()  # known to exist (cleared on container delete)
        self.archive_limits = ArchiveLimits()
        self._deletes_since_vacuum = 0
        self._sweep_lock = _EngineLock(self.root / "engine.lock")
        if self._sweep_lock.exclusive:  # no other engine works on this folder: what is not recorded is garbage
            try:
                self.remove_orphans()
                self.compact()
            finally:
                self._sweep_lock.share()
        self._closed = False

    def _keep_container_stats(self) -> None:
        """Object count and bytes used per container, kept by triggers in the transaction of every write (a
        container listing or HEAD reads one row instead of counting a million). Homes made before these counters
        get them filled once, here."""
        self._db.execute("PRAGMA recursive_triggers = ON")  # INSERT OR REPLACE fires the delete trigger too
        with self._tx() as db:
            known = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'container_stats'")
            fill = not known.fetchall()
            for statement in _CONTAINER_STATS_SCHEMA:  # not executescript: it would commit the transaction
                db.execute(statement)
            if fill:
                db.execute(
                    "INSERT INTO container_stats SELECT tenant, container, COUNT(*), COALESCE(SUM(size), 0) "
                    "FROM objects GROUP BY tenant, container"
                )

    # -- infrastructure -------------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._db.close()
                self._sweep_lock.release()
                self._closed = True

    def _place(self, tmp: Path, final: Path) -> None:
        """Move a complete body file into ``data/`` and, when durable, make the new name itself durable (the
        folder is fsync-ed, as Swift's object server does before answering)."""
        os.replace(tmp, final)
        if self.durable:
            _fsync_dir(final.parent)

    # -- crash and delete leftovers ----------------------------------------------------------------------------
    def remove_orphans(self) -> int:
        """Remove body files in ``data/`` that no object references (a crash between moving a body into place
        and recording it). Call only when no other engine works on this folder; returns the count removed."""
        with self._lock:
            known = {r[0] for r in self._db.execute("SELECT DISTINCT blob FROM objects WHERE blob != ''")}
        removed = 0
        for shard in os.scandir(self.data_dir):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                if entry.name not in known:
                    os.unlink(entry.path)
                    removed += 1
        if removed:
            logger.warning("removed %d object body file(s) left unrecorded by a crash", removed)
        return removed

    def compact(self, blob: str | None = None) -> int:
        """Reclaim the space of deleted objects: rewrite each pack (or only ``blob``) whose live objects fill less
        than ``_COMPACT_BELOW`` of it, and give SQLite's free pages (deleted inline bodies) back to the file system. Returns the
        bytes reclaimed from packs."""
        if blob is None:
            packs = [r[0] for r in self._query("SELECT DISTINCT blob FROM objects WHERE pack_offset IS NOT NULL")]
        else:
            packs = [blob]
        reclaimed = sum(self._compact_pack(b) for b in packs)
        self._vacuum()
        return reclaimed

    def _compact_pack(self, blob: str) -> int:
        rows = self._query(
            "SELECT tenant, container, name, size, pack_offset FROM objects WHERE blob = ? AND pack_offset IS NOT NULL "
            "ORDER BY pack_offset",
            (blob,),
        )
        path = self.blob_path(blob)
        try:
            file_size = path.stat().st_size
        except FileNotFoundError:
            return 0
        live = sum(int(r[3]) for r in rows)
        if not rows or live >= file_size * _COMPACT_BELOW:
            return 0
        pack = _Pack(self)
        moved: list[tuple[str, str, str, int, int]] = []
        try:
            src = _FileRange(str(path), 0)
            try:
                for tenant, container, name, size, offset in rows:
                    new_offset, pos = pack.size, 0
                    while pos < size:
                        chunk = src.pread(min(READ_CHUNK, size - pos), offset + pos)
                        if not chunk:
                            raise OSError(f"pack {blob} ends before object {container}/{name}")
                        pack.write(chunk)
                        pos += len(chunk)
                    moved.append((tenant, container, name, int(offset), new_offset))
            finally:
                src.close()
            pack.seal()
        except BaseException:
            pack.abort()
            raise
        with self._tx() as db:
            for tenant, container, name, offset, new_offset in moved:
                # only rows still pointing at the old place: an object overwritten meanwhile keeps its new body
                db.execute(
                    "UPDATE objects SET blob = ?, pack_offset = ? "
                    "WHERE tenant = ? AND container = ? AND name = ? AND blob = ? AND pack_offset = ?",
                    (pack.blob, new_offset, tenant, container, name, blob, offset),
                )
        self._drop_blob(pack.blob, packed=True)  # if every object moved was overwritten meanwhile
        self._drop_blob(blob, packed=True)
        return file_size - pack.size

    def _vacuum(self) -> None:
        with self._lock:
            free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
            if free:
                # executescript steps the pragma to its end (execute would free one page per call)
                self._db.executescript("PRAGMA incremental_vacuum;")
            self._deletes_since_vacuum = 0

    def _after_delete(self, blob: str, packed: bool) -> None:
        """Reclaim space as objects go: a pack mostly empty is rewritten, SQLite's free pages are released every
        ``_VACUUM_EVERY`` deletes once they are a tenth of the index."""
        if packed:
            try:
                self._compact_pack(blob)
            except OSError as exc:
                logger.warning("could not compact pack %s: %s", blob, exc)
        self._deletes_since_vacuum += 1
        if self._deletes_since_vacuum >= _VACUUM_EVERY:
            with self._lock:
                free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
                pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            if free * 10 >= pages:
                self._vacuum()
            self._deletes_since_vacuum = 0

    def blob_path(self, blob: str) -> Path:
        if not blob:
            raise ValueError("inline bodies have no file")
        return self.data_dir / blob[:2] / blob

    def _blob_file(self, blob: str) -> str:
        """``blob_path`` as a string, built without pathlib (on every GET)."""
        return f"{self._data_str}{os.sep}{blob[:2]}{os.sep}{blob}"

    def _drop_blob(self, blob: str, packed: bool = False) -> None:
        """Remove a body file no longer referenced; a pack only once no object lies in it any more."""
        if not blob:
            return
        if packed:
            with self._lock:
                if self._db.execute(
                    "SELECT 1 FROM objects WHERE blob = ? AND pack_offset IS NOT NULL LIMIT 1", (blob,)
                ).fetchall():
                    return
        self.blob_path(blob).unlink(missing_ok=True)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- tokens ---------------------------------------------------------------------------------------------
    def issue_token(self, tenant: str | None, ttl: float) -> tuple[str, float]:
        """A new token for ``tenant`` (``None``: any tenant) valid for ``ttl`` seconds; returns (token, expires)."""
        token = "emlt_" + secrets.token_urlsafe(24)
        expires = time.time() + ttl
        with self._tx() as db:
            db.execute("DELETE FROM tokens WHERE expires < ?", (time.time(),))
            db.execute("INSERT INTO tokens VALUES (?, ?, ?)", (token, tenant, expires))
        self._tokens[token] = (tenant, expires)
        return token, expires

    def token_allows(self, token: str, tenant: str) -> bool:
        entry = self._tokens.get(token)
        if entry is None:
            rows = self._query("SELECT tenant, expires FROM tokens WHERE token = ?", (token,))
            if not rows:
                return False
            entry = (rows[0][0], float(rows[0][1]))
            self._tokens[token] = entry
        tok_tenant, expires = entry
        if expires <= time.time():
            return False
        return tok_tenant is None or tok_tenant == tenant

    # -- containers -----------------------------------------------------------------------------------------
    def create_container(self, tenant: str, container: str) -> bool:
        """Create the container; ``True`` if it was new."""
        _check_container(container)
        with self._tx() as db:
            cur = db.execute("INSERT OR IGNORE INTO containers VALUES (?, ?, ?)", (tenant, container, time.time()))
            return cur.rowcount > 0

    def container_exists(self, tenant: str, container: str) -> bool:
        if (tenant, container) in self._containers:
            return True
        found = bool(self._query("SELECT 1 FROM containers WHERE tenant = ? AND name = ?", (tenant, container)))
        if found:
            self._containers.add((tenant, container))
        return found

    def container_stats(self, tenant: str, container: str) -> tuple[int, int] | None:
        """(object count, bytes used) or ``None`` when the container does not exist."""
        if not self.container_exists(tenant, container):
            return None
        rows = self._query(
            "SELECT objects, bytes FROM container_stats WHERE tenant = ? AND container = ?", (tenant, container)
        )
        return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)

    def list_containers(self, tenant: str) -> list[str]:
        return [r[0] for r in self._query("SELECT name FROM containers WHERE tenant = ? ORDER BY name", (tenant,))]

    def delete_container(self, tenant: str, container: str) -> None:
        """Raises ``ObjectStoreError`` 404 when missing, 409 when not empty."""
        with self._tx() as db:
            if not db.execute("SELECT 1 FROM containers WHERE tenant = ? AND name = ?", (tenant, container)).fetchall():
                raise ObjectStoreError(404, f"container {container!r} not found")
            if db.execute(
                "SELECT 1 FROM objects WHERE tenant = ? AND container = ? LIMIT 1", (tenant, container)
            ).fetchall():
                raise ObjectStoreError(409, f"container {container!r} is not empty")
            db.execute("DELETE FROM containers WHERE tenant = ? AND name = ?", (tenant, container))
            self._containers.discard((tenant, container))

    # -- objects --------------------------------------------------------------------------------------------
    def begin_put(self, tenant: str, container: str, name: str) -> PutWriter:
        """Start storing an object (the container is created on demand)."""
        self._check_put(tenant, container, name)
        return PutWriter(self, tenant, container, name)

    def _check_put(self, tenant: str, container: str, name: str) -> None:
        _check_container(container)
        _check_name("object", name, MAX_NAME_BYTES)
        if not self.container_exists(tenant, container):
            self.create_container(tenant, container)

    def put_object(
        self,
        tenant: str,
        container: str,
        name: str,
        source: IO[bytes] | Path | bytes,
        *,
        content_type: str | None = None,
        metadata: dict[str, str] | None = None,
        manifest: str | None = None,
    ) -> ObjectInfo:
        """Store ``source`` (a binary stream, a file path or bytes) as an object; streamed, never held whole.

        ``manifest`` makes it a dynamic large object: ``<container>/<prefix>`` as in the ``X-Object-Manifest``
        header (URL-quoted form accepted)."""
        writer = self.begin_put(tenant, container, name)
        try:
            if isinstance(source, bytes):
                writer.write(source)
            elif isinstance(source, Path):
                with open(source, "rb") as fh:
                    while chunk := fh.read(READ_CHUNK):
                        writer.write(chunk)
            else:
                while chunk := source.read(READ_CHUNK):
                    writer.write(chunk)
        except BaseException:
            writer.abort()
            raise
        return writer.commit(content_type=content_type, metadata=metadata, manifest=manifest)

    def _record_sealed(self, tenant: str, items: list[_Sealed]) -> list[ObjectInfo]:
        """Record verified bodies in one transaction (later items with the same name replace earlier ones). If
        the transaction fails, their files are removed and nothing is recorded."""
        out: list[tuple[str, _Row]] = []
        dropped: list[tuple[str, bool]] = []
        try:
            with self._tx() as db:
                for it in items:
                    ts = time.time()
                    ctype = it.content_type or "application/octet-stream"
                    if (tenant, it.container) not in self._containers:
                        db.execute("INSERT OR IGNORE INTO containers VALUES (?, ?, ?)", (tenant, it.container, ts))
                    old = db.execute(
                        "SELECT blob, timestamp, pack_offset FROM objects "
                        "WHERE tenant = ? AND container = ? AND name = ?",
                        (tenant, it.container, it.name),
                    ).fetchall()
                    if old and old[0][1] >= ts:  # keep timestamps strictly increasing per name
                        ts = float(old[0][1]) + 0.00001
                    db.execute(
                        "INSERT OR REPLACE INTO objects (tenant, container, name, size, etag, content_type, "
                        "timestamp, metadata, manifest, blob, data, pack_offset) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            tenant, it.container, it.name, it.size, it.etag, ctype, ts, json.dumps(it.metadata),
                            it.manifest, it.blob, it.data, it.offset,
                        ),
                    )  # fmt: skip
                    if old and old[0][0] != it.blob:
                        dropped.append((old[0][0], old[0][2] is not None))
                    row = _Row(it.name, it.size, it.etag, ctype, ts, it.metadata, it.manifest, it.blob, None, it.offset)
                    out.append((it.container, row))
        except BaseException:
            for it in items:
                if it.final is not None:
                    it.final.unlink(missing_ok=True)
            raise
        for blob, packed in dropped:
            self._drop_blob(blob, packed)
        return [self._info(tenant, c, r) for c, r in out]

    _COLUMNS = "name, size, etag, content_type, timestamp, metadata, manifest, blob, pack_offset"
    _COLUMNS_DATA = _COLUMNS + ", data"

    @staticmethod
    def _to_row(r: tuple[Any, ...]) -> _Row:
        return _Row(
            r[0], int(r[1]), r[2], r[3], float(r[4]), json.loads(r[5]), r[6], r[7], r[9] if len(r) > 9 else None, r[8]
        )

    def _row(self, tenant: str, container: str, name: str, with_data: bool = False) -> _Row | None:
        rows = self._query(
            f"SELECT {self._COLUMNS_DATA if with_data else self._COLUMNS} FROM objects "
            "WHERE tenant = ? AND container = ? AND name = ?",
            (tenant, container, name),
        )
        return self._to_row(rows[0]) if rows else None

    def _segments(self, tenant: str, manifest: str, with_data: bool = False) -> list[tuple[str, _Row]]:
        seg_container, _, seg_prefix = unquote(manifest).partition("/")
        rows = self._query(
            f"SELECT {self._COLUMNS_DATA if with_data else self._COLUMNS} FROM objects "
            "WHERE tenant = ? AND container = ? AND name >= ? AND substr(name, 1, ?) = ? ORDER BY name",
            (tenant, seg_container, seg_prefix, len(seg_prefix), seg_prefix),
        )
        return [(seg_container, self._to_row(r)) for r in rows]

    def _info(self, tenant: str, container: str, row: _Row) -> ObjectInfo:
        size, etag = row.size, row.etag
        if row.manifest is not None:
            segs = self._segments(tenant, row.manifest)
            size = sum(s.size for _, s in segs)
            etag = '"' + hashlib.md5("".join(s.etag for _, s in segs).encode()).hexdigest() + '"'
        return ObjectInfo(
            container=container,
            name=row.name,
            size=size,
            etag=etag,
            content_type=row.content_type,
            timestamp=row.timestamp,
            metadata=dict(row.metadata),
            manifest=row.manifest,
            stored_size=row.size,
            stored_etag=row.etag,
        )

    def head_object(self, tenant: str, container: str, name: str) -> ObjectInfo | None:
        row = self._row(tenant, container, name)
        return None if row is None else self._info(tenant, container, row)

    def update_metadata(self, tenant: str, container: str, name: str, metadata: dict[str, str]) -> bool:
        """Replace the object's user metadata (Swift POST semantics); ``False`` when the object is missing."""
        with self._tx() as db:
            cur = db.execute(
                "UPDATE objects SET metadata = ? WHERE tenant = ? AND container = ? AND name = ?",
                (json.dumps(metadata), tenant, container, name),
            )
            return cur.rowcount > 0

    def iter_body(
        self, tenant: str, container: str, name: str, start: int = 0, end: int | None = None
    ) -> Iterator[bytes]:
        """Yield the object's bytes ``[start, end)`` (a DLO's segments concatenated). Raises 404 when missing."""
        _, opened = self.open_body(tenant, container, name)
        return self._iter_opened(opened, start, end)

    def _parts(self, tenant: str, row: _Row) -> list[_Row]:
        """The rows whose bodies make up the object (itself, or a DLO's segments), with inline bodies loaded."""
        if row.manifest is None:
            return [row]
        return [s for _, s in self._segments(tenant, row.manifest, with_data=True)]

    def _open_parts(self, parts: list[_Row], lazy: bool = False) -> list[tuple[_FileRange | bytes, int]]:
        """Open the body file up front, so a concurrent overwrite (which unlinks the old file) cannot cut a
        response short. Raises ``FileNotFoundError`` if the object changed between lookup and open.

        With ``lazy`` (the segments of a large object, possibly tens of thousands) each file is opened when its
        turn comes and closed after, so one response holds one descriptor; a segment replaced meanwhile ends the
        response early, as in Swift."""
        opened: list[tuple[_FileRange | bytes, int]] = []
        try:
            for part in parts:
                if not part.blob:
                    opened.append((part.data or b"", part.size))
                else:
                    opened.append((_FileRange(self._blob_file(part.blob), part.offset or 0, lazy=lazy), part.size))
        except BaseException:
            _close_all(opened)
            raise
        return opened

    @staticmethod
    def _iter_opened(opened: list[tuple[_FileRange | bytes, int]], start: int, end: int | None) -> Iterator[bytes]:
        try:
            total = sum(p[1] for p in opened)
            end = total if end is None else min(end, total)
            offset = 0
            for fh, size in opened:
                lo, hi = max(start - offset, 0), min(end - offset, size)
                offset += size
                if hi <= lo:
                    continue
                if isinstance(fh, bytes):
                    yield fh[lo:hi]
                    continue
                pos = lo
                while pos < hi:
                    chunk = fh.pread(min(READ_CHUNK, hi - pos), pos)
                    if not chunk:
                        break
                    pos += len(chunk)
                    yield chunk
                fh.close()
        finally:
            _close_all(opened)

    def open_body(
        self, tenant: str, container: str, name: str
    ) -> tuple[ObjectInfo, list[tuple[_FileRange | bytes, int]]]:
        """The object's info and its body sources (open files or inline bytes); retried if overwritten meanwhile."""
        for _ in range(3):
            row = self._row(tenant, container, name, with_data=True)
            if row is None:
                raise ObjectStoreError(404, f"object {name!r} not found")
            try:
                parts = self._parts(tenant, row)
                return self._info(tenant, container, row), self._open_parts(parts, lazy=row.manifest is not None)
            except FileNotFoundError:
                continue
        raise ObjectStoreError(503, f"object {name!r} keeps changing; try again")

    def get_object_to_path(self, tenant: str, container: str, name: str, dest: Path) -> ObjectInfo:
        """Copy an object to ``dest`` atomically (temp file + rename)."""
        info = self.head_object(tenant, container, name)
        if info is None:
            raise FileNotFoundError(f"object {container}/{name} not found")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.parent / f".{uuid.uuid4().hex}.part"
        try:
            with open(tmp, "wb") as fh:
                for chunk in self.iter_body(tenant, container, name):
                    fh.write(chunk)
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        return info

    def delete_object(self, tenant: str, container: str, name: str) -> bool:
        """Delete one object (a manifest only, not its segments); ``False`` when it did not exist."""
        with self._tx() as db:
            rows = db.execute(
                "SELECT blob, pack_offset FROM objects WHERE tenant = ? AND container = ? AND name = ?",
                (tenant, container, name),
            ).fetchall()
            if not rows:
                return False
            db.execute("DELETE FROM objects WHERE tenant = ? AND container = ? AND name = ?", (tenant, container, name))
        self._drop_blob(rows[0][0], rows[0][1] is not None)
        self._after_delete(rows[0][0], rows[0][1] is not None)
        return True

    def list_objects(
        self,
        tenant: str,
        container: str,
        *,
        prefix: str = "",
        marker: str = "",
        end_marker: str = "",
        limit: int = LISTING_LIMIT,
        delimiter: str = "",
    ) -> list[ObjectInfo | Subdir]:
        """One listing page in name order (Swift semantics). Raises ``ObjectStoreError`` 404 if no container."""
        if not self.container_exists(tenant, container):
            raise ObjectStoreError(404, f"container {container!r} not found")
        limit = max(0, min(limit, LISTING_LIMIT))
        out: list[ObjectInfo | Subdir] = []
        if delimiter and marker.endswith(delimiter) and marker.startswith(prefix):
            marker += "\U0010ffff"  # a marker naming a subdir skips everything under it
        lower = max(marker, prefix) if prefix else marker
        inclusive = bool(prefix) and prefix > marker  # the prefix itself may be a name
        while len(out) < limit:
            sql = (
                "SELECT name, size, etag, content_type, timestamp, metadata, manifest, blob FROM objects "
                f"WHERE tenant = ? AND container = ? AND name {'>=' if inclusive else '>'} ?"
            )
            args: list[Any] = [tenant, container, lower]
            if prefix:
                sql += " AND substr(name, 1, ?) = ?"
                args += [len(prefix), prefix]
                past = _after_prefix(prefix)
                if past is not None:  # bounds the index range: a prefix matching few names reads only those
                    sql += " AND name < ?"
                    args.append(past)
            if end_marker:
                sql += " AND name < ?"
                args.append(end_marker)
            sql += " ORDER BY name LIMIT ?"
            asked = limit - len(out)
            args.append(asked)
            rows = self._query(sql, tuple(args))
            if not rows:
                break
            restart = False
            for r in rows:
                name = r[0]
                if delimiter:
                    cut = name.find(delimiter, len(prefix))
                    if cut >= 0:
                        sub = name[: cut + len(delimiter)]
                        out.append(Subdir(sub))
                        # skip every name under this subdir: continue after sub + max code point
                        lower, inclusive, restart = sub + "\U0010ffff", False, True
                        break
                row = _Row(name, int(r[1]), r[2], r[3], float(r[4]), json.loads(r[5]), r[6], r[7])
                out.append(
                    ObjectInfo(container, name, row.size, row.etag, row.content_type, row.timestamp, row.metadata)
                    if row.manifest is None
                    else ObjectInfo(
                        container,
                        name,
                        row.size,
                        row.etag,
                        row.content_type,
                        row.timestamp,
                        row.metadata,
                        row.manifest,
                        row.size,
                        row.etag,
                    )
                )
                lower, inclusive = name, False
                if len(out) >= limit:
                    break
            if not restart and len(rows) < asked:
                break
        return out

    def iter_objects(self, tenant: str, container: str, prefix: str = "") -> Iterator[ObjectInfo]:
        """Every object under ``prefix`` in name order (pages through the listing)."""
        marker = ""
        while True:
            page = self.list_objects(tenant, container, prefix=prefix, marker=marker)
            for item in page:
                if isinstance(item, ObjectInfo):
                    yield item
            if len(page) < LISTING_LIMIT:
                return
            last = page[-1]
            marker = last.name if isinstance(last, ObjectInfo) else last.subdir

    # -- archive auto-extraction (Swift's bulk middleware) ----------------------------------------------------
    def extract_archive(
        self,
        tenant: str,
        base: str,
        stream: BinaryReader,
        *,
        compression: str = "",
        metadata: dict[str, str] | None = None,
        limits: ArchiveLimits | None = None,
    ) -> ExtractResult:
        """Store every regular file of the tar ``stream`` as an object, as Swift's ``?extract-archive=`` does.

        ``base`` is ``<container>[/<prefix>]`` (or ``""``: each member's first path segment is its container and
        members at the top level are ignored); a member ``a/b`` becomes ``<base>/a/b`` after a leading ``./`` and
        leading slashes are removed. The archive is read as a stream, one member at a time; each member is stored
        with its MD5 as ETag, its content type from the ``user.mime_type`` extended attribute and metadata from
        ``metadata`` plus ``user.meta.*`` attributes. A member that cannot be stored is reported in ``errors`` as
        ``[quoted path, status]`` and the others are still stored. ``compression`` is ``""``, ``"gz"`` or ``"bz2"``.

        ``limits`` (default: the store's ``archive_limits``) bound the member count, the bytes extracted and how
        much they may exceed the bytes received (a "zip bomb"): past a limit extraction stops with status 413 and a
        body naming the limit; members stored before are kept, the member being extracted is not.
        """
        base = base.rstrip("/")
        limits = limits or self.archive_limits
        stream = _CountingReader(stream)
        members = 0
        expanded = 0
        result = ExtractResult()
        pending: list[_Sealed] = []
        pending_bytes = 0
        bad_gateway = False
        pack: _Pack | None = None  # small members are written back to back into one file per flush

        def flush() -> None:
            nonlocal pending_bytes, bad_gateway, pack
            batch, current = list(pending), pack
            pending.clear()
            pending_bytes, pack = 0, None
            if not batch:
                if current is not None:
                    current.abort()
                return
            try:
                if current is not None:
                    current.seal()
                self._record_sealed(tenant, batch)
                result.created += len(batch)
            except (sqlite3.Error, OSError) as exc:
                logger.warning("could not record %d extracted objects: %s", len(batch), exc)
                if current is not None:
                    current.abort()
                    current.final.unlink(missing_ok=True)
                bad_gateway = True
                for it in batch:
                    status = 507 if disk_full(exc) else 503
                    result.errors.append([_error_path(f"{it.container}/{it.name}"), _status_line(status)])

        try:
            tar = tarfile.open(mode="r|" + compression, fileobj=stream, bufsize=_TAR_BUFSIZE)  # type: ignore[call-overload]
            while len(result.errors) < MAX_FAILED_EXTRACTIONS:
                member = tar.next()
                if member is None:
                    break
                members += 1
                if members > limits.members:
                    raise _ArchiveTooLarge(f"the archive has more than {limits.members} members (limit: members)")
                if not member.isfile():
                    continue  # directories, links, devices: not objects
                path = member.name
                if path.startswith("./"):
                    path = path[2:]
                path = path.lstrip("/")
                if base:
                    path = f"{base}/{path}"
                if "/" not in path:
                    continue  # a top-level file of an account-level archive has no container
                shown = _error_path(path)
                try:
                    path.encode("utf-8")
                    valid = "\x00" not in path
                except UnicodeEncodeError:
                    valid = False
                if not valid:
                    result.errors.append([shown, _status_line(412)])
                    continue
                if member.size > MAX_FILE_SIZE:
                    result.errors.append([shown, _status_line(413)])
                    continue
                container, _, name = path.partition("/")
                try:
                    self._check_put(tenant, container, name)
                except ObjectStoreError as exc:
                    result.errors.append([shown, _status_line(exc.status)])
                    continue
                try:
                    ctype, meta = _pax_attributes(member.pax_headers, metadata or {})
                except ObjectStoreError as exc:
                    result.errors.append([shown, _status_line(exc.status)])
                    result.body = str(exc)
                    continue
                if expanded + member.size > limits.total_bytes:
                    raise _ArchiveTooLarge(
                        f"the archive's files hold more than {limits.total_bytes} bytes (limit: total size)"
                    )
                body = tar.extractfile(member)
                assert body is not None

                def counted(chunk: bytes) -> bytes:
                    nonlocal expanded
                    expanded += len(chunk)
                    limits.check_expansion(expanded, stream.received)
                    return chunk

                if member.size <= PACK_MEMBER_MAX:
                    if pack is None:
                        pack = _Pack(self)
                    start, md5 = pack.size, hashlib.md5()
                    while chunk := counted(body.read(READ_CHUNK)):
                        md5.update(chunk)
                        pack.write(chunk)
                    if pack.size - start != member.size:
                        result.errors.append([shown, _status_line(499)])
                        continue
                    sealed = _Sealed(
                        container, name, member.size, md5.hexdigest(), ctype, meta, None, pack.blob, None, None, start
                    )
                else:
                    writer = PutWriter(self, tenant, container, name)
                    try:
                        while chunk := counted(body.read(READ_CHUNK)):
                            writer.write(chunk)
                        sealed = writer.seal(content_type=ctype, metadata=meta, expected_size=member.size)
                    except ObjectStoreError as exc:
                        writer.abort()
                        result.errors.append([shown, _status_line(exc.status)])
                        continue
                    except BaseException:
                        writer.abort()
                        raise
                pending.append(sealed)
                pending_bytes += member.size
                if len(pending) >= _RECORD_BATCH or pending_bytes >= _RECORD_BATCH_BYTES:
                    flush()
            flush()
            if result.errors:
                result.status = _status_line(502 if bad_gateway else 400)
            elif not result.created:
                result.status = _status_line(400)
                result.body = "Invalid Tar File: No Valid Files"
        except (tarfile.TarError, zlib.error, EOFError) as exc:
            flush()
            result.status = _status_line(400)
            result.body = f"Invalid Tar File: {exc}"
        except OSError as exc:
            if not disk_full(exc):
                raise
            flush()
            result.status = _status_line(507)
            result.body = DISK_FULL_MESSAGE
        except _ArchiveTooLarge as exc:
            flush()  # members received whole are kept; the one cut short was never added
            result.status = _status_line(413)
            result.body = f"Archive refused: {exc}"
        finally:
            flush()  # members received whole are kept, as Swift keeps each member it has stored
        return result


# ---------------------------------------------------------------------------------------------------------------
# Archive auto-extraction helpers
# ---------------------------------------------------------------------------------------------------------------


class _ArchiveTooLarge(Exception):
    """An archive passed one of its ``ArchiveLimits``; the message names the limit."""


@dataclass(frozen=True)
class ArchiveLimits:
    """What one ``?extract-archive=`` request may put into the store.

    ``expansion_ratio`` bounds extracted bytes per byte received once more than ``ratio_after_bytes`` were
    extracted (small archives of repetitive files compress well and are harmless; a gzip "bomb" of zeros expands
    a thousandfold)."""

    members: int = 1_000_000
    total_bytes: int = 100 * 1024**3
    expansion_ratio: float = 100.0
    ratio_after_bytes: int = 32 * 1024 * 1024

    def check_expansion(self, extracted: int, received: int) -> None:
        if extracted > self.total_bytes:
            raise _ArchiveTooLarge(f"the archive's files hold more than {self.total_bytes} bytes (limit: total size)")
        if extracted > self.ratio_after_bytes and extracted > self.expansion_ratio * max(received, 1):
            raise _ArchiveTooLarge(
                f"the archive expands more than {self.expansion_ratio:g} times (limit: expansion ratio; "
                f"{extracted} bytes extracted from {received} received)"
            )


class _CountingReader:
    """Counts the bytes read from an archive stream (to compare with the bytes extracted from it)."""

    def __init__(self, stream: BinaryReader) -> None:
        self._stream = stream
        self.received = 0

    def read(self, n: int = -1, /) -> bytes:
        data = self._stream.read(n)
        self.received += len(data)
        return data


ARCHIVE_FORMATS = {"tar": "", "tar.gz": "gz", "tar.bz2": "bz2"}  # ?extract-archive= values, as in Swift
MAX_FILE_SIZE = 5 * 1024**3  # Swift's max_file_size: larger members are refused (413)
MAX_FAILED_EXTRACTIONS = 1000  # Swift's default: extraction stops after this many failed members
_MAX_ERROR_PATH = MAX_NAME_BYTES + MAX_CONTAINER_BYTES + 2
_TAR_BUFSIZE = 32 * 1024
_GATHER = 1024 * 1024  # request body bytes handed to the extracting thread at once
_GATHER_WAIT = 0.02  # seconds to wait for more body before handing over what arrived
_RECORD_BATCH = 256  # extracted objects recorded per SQLite transaction
_RECORD_BATCH_BYTES = 8 * 1024 * 1024  # ... or once this many body bytes wait to be recorded
PACK_MEMBER_MAX = 1024 * 1024  # extracted members up to this size share pack files
_REASONS = {
    200: "OK",
    201: "Created",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    406: "Not Acceptable",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Request Entity Too Large",
    422: "Unprocessable Entity",
    499: "Client Disconnect",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    507: "Insufficient Storage",
}


# Swift's metadata limits (swift.common.constraints), applied to what an archive member's pax headers carry
MAX_META_NAME_LENGTH = 128
MAX_META_VALUE_LENGTH = 256
MAX_META_COUNT = 90
MAX_META_OVERALL_SIZE = 4096
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # an HTTP header name (RFC 9110 token)
_MEDIA_TYPE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*;[\x20-\x7e]*)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _pax_attributes(pax: dict[str, str], base: dict[str, str]) -> tuple[str | None, dict[str, str]]:
    """The content type and metadata an archive member's ``user.mime_type`` / ``user.meta.*`` extended attributes
    give, checked as Swift checks metadata headers: these become HTTP response headers, so a value that is not a
    valid header (a line break, a control character, a name that is no token, a media type that is not ASCII) or
    that breaks Swift's size limits refuses the member (400) instead of making the object unreadable."""
    ctype: str | None = None
    meta = dict(base)
    for key, value in pax.items():
        for vendor in ("SCHILY.xattr.user.", "LIBARCHIVE.xattr.user."):
            if key == f"{vendor}mime_type":
                if len(value) > MAX_META_VALUE_LENGTH or not _MEDIA_TYPE.match(value):
                    raise ObjectStoreError(400, f"pax header {key}: not a valid media type (ASCII type/subtype)")
                ctype = value
            elif key.startswith(f"{vendor}meta.") and len(key) > len(vendor) + 5:
                name = key[len(vendor) + 5 :]
                if len(name) > MAX_META_NAME_LENGTH or not _TOKEN.match(name):
                    raise ObjectStoreError(
                        400, f"pax header {key}: the metadata name must be an HTTP token of at most "
                        f"{MAX_META_NAME_LENGTH} characters",
                    )  # fmt: skip
                try:
                    encoded = value.encode("utf-8")
                except UnicodeEncodeError:
                    encoded = b"\n"  # not UTF-8 in the archive: refused like a control character
                if len(encoded) > MAX_META_VALUE_LENGTH or _CONTROL.search(value) or b"\n" == encoded:
                    raise ObjectStoreError(
                        400, f"pax header {key}: the value must be at most {MAX_META_VALUE_LENGTH} bytes without "
                        "line breaks or control characters",
                    )  # fmt: skip
                meta[name.lower()] = value
    if len(meta) > MAX_META_COUNT or sum(len(k) + len(v) for k, v in meta.items()) > MAX_META_OVERALL_SIZE:
        raise ObjectStoreError(
            400, f"pax headers user.meta.*: more than {MAX_META_COUNT} items or {MAX_META_OVERALL_SIZE} bytes in all"
        )
    return ctype, meta


def _status_line(code: int) -> str:
    return f"{code} {_REASONS.get(code, 'Error')}"


def _error_path(path: str) -> str:
    """A failed member's path as Swift reports it: UTF-8, cut to the longest valid path, URL-quoted."""
    raw = path.encode("utf-8", "surrogateescape")[:_MAX_ERROR_PATH]
    return quote(raw, safe="/")


def archive_compression(fmt: str) -> str | None:
    """The tarfile compression for an ``extract-archive`` value (``tar``, ``tar.gz``, ``tar.bz2``), else None."""
    return ARCHIVE_FORMATS.get(fmt.lower().strip("."))


@dataclass
class ExtractResult:
    """The outcome of an archive extraction, in the shape of Swift's bulk middleware response."""

    created: int = 0
    errors: list[list[str]] = field(default_factory=list)
    status: str = "201 Created"
    body: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "Response Status": self.status,
            "Response Body": self.body,
            "Number Files Created": self.created,
            "Errors": self.errors,
        }

    def render(self, content_type: str) -> bytes:
        """The response body for ``application/json``, ``application/xml``/``text/xml`` or ``text/plain``."""
        doc = self.as_dict()
        if content_type == "application/json":
            return json.dumps(doc).encode("ascii")
        if content_type.endswith("/xml"):
            from xml.sax.saxutils import escape

            lines = ["<extract>\n"]
            for key in sorted(k for k in doc if k != "Errors"):
                tag = key.replace(" ", "_").lower()
                lines.append(f"<{tag}>{escape(str(doc[key]))}</{tag}>\n")
            lines.append("<errors>\n")
            for name, status in self.errors:
                lines.append(f"<object><name>{escape(name)}</name><status>{escape(status)}</status></object>\n")
            lines.append("</errors>\n</extract>\n")
            return "".join(lines).encode("utf-8")
        lines = [f"{k}: {doc[k]}\n" for k in sorted(k for k in doc if k != "Errors")]
        lines.append("Errors:\n")
        lines += [f"{name}, {status}\n" for name, status in self.errors]
        return "".join(lines).encode("utf-8")


_ACCEPTABLE = ("text/plain", "application/json", "application/xml", "text/xml")


def _best_accept(accept: str | None) -> str | None:
    """The response format for an ``Accept`` header (highest quality, then the order above); None if none fits."""
    if not accept:
        return _ACCEPTABLE[0]
    best: tuple[float, int, str] | None = None
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    for order, fmt in enumerate(_ACCEPTABLE):
        major = fmt.split("/")[0]
        # the most specific matching range decides the quality of this format
        quality = None
        for spec in (fmt, f"{major}/*", "*/*"):
            found = [q for r, q in ranges if r == spec]
            if found:
                quality = max(found)
                break
        if quality is None or quality <= 0:
            continue
        if best is None or quality > best[0]:
            best = (quality, order, fmt)
    return best[2] if best else None


class _ClientGone(Exception):
    """The client disconnected while sending an archive."""


class _ReceiveReader:
    """A blocking, file-like view of an ASGI request body for a worker thread: each ``read`` takes what has
    arrived, pulling the next body message from the event loop when needed (never the whole body)."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._buf = b""
        self._pos = 0
        self._eof = False
        self.received = 0

    def read(self, n: int = -1) -> bytes:
        import anyio.from_thread

        while self._pos >= len(self._buf):
            if self._eof:
                return b""
            self._buf, self._pos = anyio.from_thread.run(self._gather), 0
            self.received += len(self._buf)
        if self._pos == 0 and (n < 0 or n >= len(self._buf)):
            out, self._buf = self._buf, b""
            return out
        end = len(self._buf) if n < 0 else min(len(self._buf), self._pos + n)
        out = self._buf[self._pos : end]
        self._pos = end
        return out

    async def _gather(self) -> bytes:
        """On the event loop: receive body messages until ``_GATHER`` bytes (or the end) are there, so the worker
        thread crosses over to the loop once per ``_GATHER`` bytes rather than once per network read."""
        import anyio

        parts: list[bytes] = []
        size = 0
        while size < _GATHER and not self._eof:
            if parts:  # more only if it comes at once: a slow sender's bytes are not held back
                msg = None
                with anyio.move_on_after(_GATHER_WAIT):
                    msg = await self._receive()
                if msg is None:
                    break
            else:
                msg = await self._receive()
            if msg["type"] == "http.disconnect":
                raise _ClientGone()
            body = msg.get("body", b"")
            if body:
                parts.append(body)
                size += len(body)
            if not msg.get("more_body", False):
                self._eof = True
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def drain(self) -> None:
        """Read and drop the rest of the body (the request is answered only once it was read)."""
        try:
            while self.read(READ_CHUNK):
                pass
        except _ClientGone:
            pass


# ---------------------------------------------------------------------------------------------------------------
# ASGI application
# ---------------------------------------------------------------------------------------------------------------

_SWIFT_PATH = re.compile(r"^/v1/AUTH_(?P<tenant>[^/]+)(?:/(?P<container>[^/]*)(?:/(?P<obj>.*))?)?$", re.S)
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_TOKEN_TIME = "%Y-%m-%dT%H:%M:%SZ"
_EXTRACT_KEEPALIVE = 10.0  # seconds between the spaces sent while an archive is being extracted
_BUFFER_TO_THREAD = 1024 * 1024  # bodies are hashed and written off the event loop in chunks of this size


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in scope.get("headers", []):
        out[k.decode("latin-1").lower()] = v.decode("latin-1")
    return out


def _meta_from_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k[len("x-object-meta-") :]: v for k, v in headers.items() if k.startswith("x-object-meta-")}


def _object_headers(info: ObjectInfo) -> list[tuple[str, str]]:
    h = [
        ("etag", info.etag),
        ("last-modified", info.last_modified_http),
        ("x-timestamp", info.x_timestamp),
        ("content-type", info.content_type),
        ("accept-ranges", "bytes"),
    ]
    if info.manifest is not None:
        h.append(("x-object-manifest", info.manifest))
    for k, v in info.metadata.items():
        h.append((f"x-object-meta-{k}", v))
    return h


class _App:
    def __init__(
        self, store: ObjectStore, master_token: str, token_ttl: float, credentials: dict[str, str] | None
    ) -> None:
        self.store = store
        self.master_token = master_token
        self.token_ttl = token_ttl
        self.credentials = credentials

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                msg = await receive()
                if msg["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif msg["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        try:
            await self._dispatch(scope, receive, send)
        except ObjectStoreError as exc:
            await _respond(send, exc.status, str(exc).encode() + b"\n", method=scope["method"])
        except (OSError, sqlite3.OperationalError) as exc:
            if not disk_full(exc):
                raise
            logger.error("disk full: %s", exc)
            await _respond(send, 507, DISK_FULL_MESSAGE.encode() + b"\n", method=scope["method"])

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = scope.get("raw_path")
        path_bytes: bytes = raw if raw else scope["path"].encode("utf-8")
        path_bytes = path_bytes.split(b"?", 1)[0]
        method: str = scope["method"]
        if path_bytes.rstrip(b"/") == b"/v2.0/tokens":
            if method != "POST":
                raise ObjectStoreError(405, "use POST /v2.0/tokens")
            await self._tokens(receive, send)
            return
        try:
            path = unquote(path_bytes.decode("ascii"), encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, UnicodeEncodeError) as exc:
            raise ObjectStoreError(400, "path is not valid percent-encoded UTF-8") from exc
        m = _SWIFT_PATH.match(path)
        if m is None:
            raise ObjectStoreError(404, "not found: expected /v1/AUTH_<tenant>/<container>[/<object>] or /v2.0/tokens")
        headers = _headers(scope)
        tenant = m.group("tenant")
        token = headers.get("x-auth-token") or headers.get("x-storage-token")
        if not token or not (_same(token, self.master_token) or self.store.token_allows(token, tenant)):
            await _respond(send, 401, b"Unauthorized: X-Auth-Token missing, expired or not issued here\n", method)
            return
        container = m.group("container") or ""
        obj = m.group("obj") or ""
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        if method == "PUT" and "extract-archive" in query:
            if obj and not container:
                raise ObjectStoreError(404, "not found: empty container name")
            await self._extract(receive, send, tenant, f"{container}/{obj}" if obj else container, headers, query)
            return
        if not container:
            await self._account(send, method, tenant, query)
        elif not obj:
            await self._container(send, method, tenant, container, query)
        else:
            await self._object(scope, receive, send, method, tenant, container, obj, headers)

    # -- keystone -------------------------------------------------------------------------------------------
    async def _tokens(self, receive: Receive, send: Send) -> None:
        body = await _read_small_body(receive, 64 * 1024)
        try:
            doc = json.loads(body)
            auth = doc["auth"]
            tenant = auth.get("tenantId") or auth.get("tenantName")
            if "token" in auth:
                username, password = None, auth["token"]["id"]
            else:
                creds = auth["passwordCredentials"]
                username, password = creds["username"], creds["password"]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ObjectStoreError(
                400, 'expected {"auth": {"tenantId": ..., "passwordCredentials": {"username": ..., "password": ...}}}'
            ) from exc
        if not isinstance(username, str | None) or not isinstance(password, str) or username == "":
            raise ObjectStoreError(400, "auth.passwordCredentials.username and password must be strings")
        if not isinstance(tenant, str) or not tenant or _TENANT.fullmatch(tenant) is None:
            raise ObjectStoreError(400, "auth.tenantId is required: letters, digits, '_', '.' and '-', at most 128")
        if not self._credentials_valid(username, password):
            await _respond(
                send,
                401,
                json.dumps(_KEYSTONE_401).encode(),
                "POST",
                content_type="application/json",
                extra=[("www-authenticate", 'Keystone uri="/v2.0"')],
            )
            return
        token, expires = self.store.issue_token(tenant, self.token_ttl)
        doc = {
            "access": {
                "token": {
                    "id": token,
                    "expires": time.strftime(_TOKEN_TIME, time.gmtime(expires)),
                    "tenant": {"id": tenant, "name": tenant},
                },
                "user": {"name": username},
                "serviceCatalog": [],
            }
        }
        await _respond(send, 200, json.dumps(doc).encode(), "POST", content_type="application/json")

    def _credentials_valid(self, username: str | None, password: str) -> bool:
        """The local credentials (``<home>/credentials``), or the access token with Keystone's token method."""
        if username is None:
            return _same(password, self.master_token)
        creds = self.credentials
        if creds is None:
            return False
        # both compared, always: the time taken does not tell which one was wrong
        user_ok = _same(username, creds["username"])
        return _same(password, creds["password"]) & user_ok

    # -- account --------------------------------------------------------------------------------------------
    async def _account(self, send: Send, method: str, tenant: str, query: dict[str, str]) -> None:
        if method not in ("GET", "HEAD"):
            raise ObjectStoreError(405, f"{method} not allowed on an account")
        names = self.store.list_containers(tenant)
        if query.get("format") == "json":
            body = json.dumps([{"name": n} for n in names]).encode()
            await _respond(send, 200, body, method, content_type="application/json; charset=utf-8")
        else:
            body = "".join(n + "\n" for n in names).encode()
            await _respond(send, 200 if body else 204, body, method, content_type="text/plain; charset=utf-8")

    # -- containers -----------------------------------------------------------------------------------------
    async def _container(self, send: Send, method: str, tenant: str, container: str, query: dict[str, str]) -> None:
        store = self.store
        if method == "PUT":
            created = store.create_container(tenant, container)
            await _respond(send, 201 if created else 202, b"", method)
        elif method == "DELETE":
            store.delete_container(tenant, container)
            await _respond(send, 204, b"", method)
        elif method in ("GET", "HEAD"):
            stats = store.container_stats(tenant, container)
            if stats is None:
                raise ObjectStoreError(404, f"container {container!r} not found")
            extra = [("x-container-object-count", str(stats[0])), ("x-container-bytes-used", str(stats[1]))]
            if method == "HEAD":
                await _respond(send, 204, b"", method, extra=extra)
                return
            try:
                limit = int(query.get("limit", LISTING_LIMIT))
            except ValueError as exc:
                raise ObjectStoreError(400, "limit must be an integer") from exc
            if limit < 0 or limit > LISTING_LIMIT:
                raise ObjectStoreError(412, f"limit must be between 0 and {LISTING_LIMIT}")
            items = store.list_objects(
                tenant,
                container,
                prefix=query.get("prefix", ""),
                marker=query.get("marker", ""),
                end_marker=query.get("end_marker", ""),
                limit=limit,
                delimiter=query.get("delimiter", ""),
            )
            if query.get("format") == "json":
                docs: list[dict[str, Any]] = []
                for it in items:
                    if isinstance(it, Subdir):
                        docs.append({"subdir": it.subdir})
                    else:
                        docs.append(
                            {
                                "name": it.name,
                                "bytes": it.stored_size if it.manifest else it.size,
                                "hash": it.stored_etag if it.manifest else it.etag,
                                "last_modified": it.last_modified_iso,
                                "content_type": it.content_type,
                            }
                        )
                body = json.dumps(docs, ensure_ascii=False).encode()
                await _respond(send, 200, body, method, content_type="application/json; charset=utf-8", extra=extra)
            else:
                body = "".join((it.subdir if isinstance(it, Subdir) else it.name) + "\n" for it in items).encode()
                status = 200 if body else 204
                await _respond(send, status, body, method, content_type="text/plain; charset=utf-8", extra=extra)
        else:
            raise ObjectStoreError(405, f"{method} not allowed on a container")

    # -- archive auto-extraction ----------------------------------------------------------------------------
    async def _extract(
        self, receive: Receive, send: Send, tenant: str, base: str, headers: dict[str, str], query: dict[str, str]
    ) -> None:
        """``PUT ...?extract-archive=tar|tar.gz|tar.bz2``: always HTTP 200 with the outcome in the body (Swift's
        bulk middleware format); while a long archive is processed, a space is sent every few seconds."""
        import anyio
        import anyio.to_thread

        compression = archive_compression(query["extract-archive"])
        if compression is None:
            raise ObjectStoreError(400, "Unsupported archive format")
        out_type = _best_accept(headers.get("accept"))
        reader = _ReceiveReader(receive)
        result = ExtractResult()
        gone = False

        def job() -> None:
            nonlocal result, gone
            try:
                if out_type is None:
                    result.status = _status_line(406)
                elif "content-length" not in headers and "chunked" not in headers.get("transfer-encoding", "").lower():
                    result.status = _status_line(411)
                else:
                    result = self.store.extract_archive(
                        tenant, base, reader, compression=compression, metadata=_meta_from_headers(headers)
                    )
                reader.drain()
            except _ClientGone:
                gone = True
            except Exception:  # noqa: BLE001 - reported in the body, as Swift does
                logger.exception("error while extracting an archive into %s", base)
                result = ExtractResult(result.created, result.errors, _status_line(500))

        done = anyio.Event()
        started = False
        content_type = (out_type or "text/plain") + ("; charset=utf-8" if out_type != "application/json" else "")

        async def work() -> None:
            try:
                await anyio.to_thread.run_sync(job)
            finally:
                done.set()

        async with anyio.create_task_group() as tg:
            tg.start_soon(work)
            while not done.is_set():
                with anyio.move_on_after(_EXTRACT_KEEPALIVE):
                    await done.wait()
                if not done.is_set() and not gone:
                    if not started:
                        start_headers = [(b"content-type", content_type.encode())]
                        await send({"type": "http.response.start", "status": 200, "headers": start_headers})
                        started = True
                    await send({"type": "http.response.body", "body": b" ", "more_body": True})
        if gone:
            logger.info("client went away while sending an archive for %s; members received whole are kept", base)
            return
        body = result.render(out_type or "text/plain")
        if started:
            await send({"type": "http.response.body", "body": body})
        else:
            await _respond(send, 200, body, "PUT", content_type=content_type)

    # -- objects --------------------------------------------------------------------------------------------
    async def _object(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        method: str,
        tenant: str,
        container: str,
        name: str,
        headers: dict[str, str],
    ) -> None:
        store = self.store
        if method == "PUT":
            await self._put(receive, send, tenant, container, name, headers)
        elif method in ("GET", "HEAD"):
            if method == "GET":
                info, opened = store.open_body(tenant, container, name)
            else:
                head = store.head_object(tenant, container, name)
                if head is None:
                    raise ObjectStoreError(404, f"object {name!r} not found")
                info, opened = head, []
            try:
                await self._get_or_head(send, method, info, opened, headers)
            finally:
                _close_all(opened)
        elif method == "DELETE":
            if not store.delete_object(tenant, container, name):
                raise ObjectStoreError(404, f"object {name!r} not found")
            await _respond(send, 204, b"", method)
        elif method == "POST":
            if not store.update_metadata(tenant, container, name, _meta_from_headers(headers)):
                raise ObjectStoreError(404, f"object {name!r} not found")
            await _respond(send, 202, b"", method)
        else:
            raise ObjectStoreError(405, f"{method} not allowed on an object")

    async def _put(
        self, receive: Receive, send: Send, tenant: str, container: str, name: str, headers: dict[str, str]
    ) -> None:
        import anyio.to_thread

        expected_size: int | None = None
        if "content-length" in headers and "chunked" not in headers.get("transfer-encoding", ""):
            try:
                expected_size = int(headers["content-length"])
            except ValueError as exc:
                raise ObjectStoreError(400, "Content-Length must be an integer") from exc
        manifest = headers.get("x-object-manifest")
        if manifest is not None:
            if "/" not in unquote(manifest).lstrip("/"):
                raise ObjectStoreError(400, "X-Object-Manifest must be <container>/<prefix>")
            manifest = manifest.lstrip("/")
        writer = self.store.begin_put(tenant, container, name)
        pending = bytearray()
        try:
            while True:
                msg = await receive()
                if msg["type"] == "http.disconnect":
                    writer.abort()
                    logger.info("client went away while uploading %s/%s; nothing stored", container, name)
                    return
                chunk = msg.get("body", b"")
                if chunk:
                    pending += chunk
                    if len(pending) >= _BUFFER_TO_THREAD:
                        buf, pending = pending, bytearray()
                        await anyio.to_thread.run_sync(writer.write, buf)
                if not msg.get("more_body", False):
                    break
            if pending:
                writer.write(pending)
            meta = _meta_from_headers(headers)
            info = writer.commit(
                content_type=headers.get("content-type"),
                metadata=meta,
                manifest=manifest,
                expected_etag=headers.get("etag"),
                expected_size=expected_size,
            )
        except BaseException:
            writer.abort()
            raise
        await _respond(
            send,
            201,
            b"",
            "PUT",
            extra=[("etag", info.stored_etag), ("last-modified", info.last_modified_http)],
        )

    async def _get_or_head(
        self,
        send: Send,
        method: str,
        info: ObjectInfo,
        opened: list[tuple[_FileRange | bytes, int]],
        headers: dict[str, str],
    ) -> None:
        if_match = headers.get("if-match")
        if (
            if_match
            and if_match.strip() != "*"
            and info.etag.strip('"') not in {t.strip().strip('"') for t in if_match.split(",")}
        ):
            await _respond(send, 412, b"Precondition Failed\n", method, extra=_object_headers(info))
            return
        range_header = headers.get("range")
        size = info.size
        start, end, status = 0, size, 200
        extra = _object_headers(info)
        if range_header:
            m = _RANGE.match(range_header.strip())
            if m and (m.group(1) or m.group(2)):  # a single range; multi-range requests get the whole object
                first, last = m.group(1), m.group(2)
                if first:
                    start = _range_int(first)
                    end = min(_range_int(last) + 1, size) if last else size
                else:
                    start = max(size - _range_int(last), 0)
                if start >= size or end <= start:
                    await _respond(
                        send,
                        416,
                        b"Requested Range Not Satisfiable\n",
                        method,
                        extra=[("content-range", f"bytes */{size}")] + extra[1:3],
                    )
                    return
                status = 206
                extra.append(("content-range", f"bytes {start}-{end - 1}/{size}"))
        raw_headers = [(b"content-length", str(end - start).encode())]
        raw_headers += [(k.encode("latin-1"), _latin1(v)) for k, v in extra]
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        if method == "HEAD" or end == start:
            await send({"type": "http.response.body", "body": b""})
            return
        # each chunk is sent once the next one is read, so the last goes out with ``more_body: False``: a small
        # body takes one message, not a body message plus an empty closing one
        last = b""
        for i, chunk in enumerate(ObjectStore._iter_opened(opened, start, end)):
            if i:
                await send({"type": "http.response.body", "body": last, "more_body": True})
            last = chunk
        await send({"type": "http.response.body", "body": last})


_RANGE_DIGITS = 19  # longer positions are past any object (and int() of thousands of digits is refused)


def _range_int(digits: str) -> int:
    return int(digits) if len(digits) <= _RANGE_DIGITS else 10**_RANGE_DIGITS


def _latin1(value: str) -> bytes:
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


async def _read_small_body(receive: Receive, limit: int) -> bytes:
    body = bytearray()
    while True:
        msg = await receive()
        if msg["type"] == "http.disconnect":
            raise ObjectStoreError(400, "client disconnected")
        body += msg.get("body", b"")
        if len(body) > limit:
            raise ObjectStoreError(413, f"request body larger than {limit} bytes")
        if not msg.get("more_body", False):
            return bytes(body)


async def _respond(
    send: Send,
    status: int,
    body: bytes,
    method: str,
    *,
    content_type: str = "text/plain; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", content_type.encode())]
    headers += [(k.encode("latin-1"), _latin1(v)) for k, v in (extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


def create_object_store_app(
    home: Path,
    master_token: str,
    token_ttl: float = 86400.0,
    *,
    store: ObjectStore | None = None,
    durable: bool = True,
    credentials: dict[str, str] | None = None,
) -> ASGIApp:
    """The ASGI app serving ``/v1/AUTH_<tenant>/...`` (Swift subset) and ``POST /v2.0/tokens`` (Keystone v2).

    ``home`` is the EasyMaker Local home (data lives in ``home/objects``); ``master_token`` is accepted on every
    Swift call for any tenant. ``/v2.0/tokens`` issues a token only for ``credentials`` (``{"username",
    "password"}``, the home's credentials file) or for the master token (Keystone's ``token`` method); it lives
    ``token_ttl`` seconds and opens only the tenant it was issued for. Pass ``store`` to share one engine with
    in-process users; the app's ``.store`` attribute exposes it.
    """
    engine = store if store is not None else ObjectStore(Path(home) / "objects", durable=durable)
    return _App(engine, master_token, token_ttl, credentials)


_TENANT = re.compile(r"[A-Za-z0-9_.\-]{1,128}")
_KEYSTONE_401 = {
    "error": {
        "code": 401,
        "title": "Unauthorized",
        "message": "The request you have made requires authentication: EasyMaker Local accepts the credentials in "
        "<home>/credentials (or its access token with the token method)",
    }
}


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))
