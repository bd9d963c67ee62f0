"""``ObjectStore``, the storage engine of EasyMaker Local's Object Storage (usable from Python without HTTP):
tokens, containers and objects (store, read, HEAD, update metadata, delete) over the index (``schema``) and the body
files (``bodies``); listings, archive extraction, large-object manifests and space reclamation are in their own
modules of this package."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from easymaker.local.swift import container_listing, extraction, manifests, space
from easymaker.local.swift.bodies import (
    FileRange,
    Opened,
    PutWriter,
    Sealed,
    close_all,
    fsync_dir,
    iter_ranges,
    owner_alive,
)
from easymaker.local.swift.extraction import ArchiveLimits
from easymaker.local.swift.records import (
    MAX_NAME_BYTES,
    READ_CHUNK,
    ROW_COLUMNS,
    ROW_COLUMNS_DATA,
    ObjectInfo,
    ObjectStoreError,
    Row,
    check_container,
    check_name,
)
from easymaker.local.swift.schema import open_index
from easymaker.local.swift.space import EngineLock


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
            if not owner_alive(leftover.name):
                leftover.unlink(missing_ok=True)
        self._lock = threading.RLock()
        self._db = open_index(self.root / "index.db", durable=durable)
        self._tokens: dict[str, tuple[str | None, float]] = {}
        self._containers: set[tuple[str, str]] = set()  # known to exist (cleared on container delete)
        self.archive_limits = ArchiveLimits()
        self._deletes_since_vacuum = 0
        self._sweep_lock = EngineLock(self.root / "engine.lock")
        if self._sweep_lock.exclusive:  # no other engine works on this folder: what is not recorded is garbage
            try:
                self.remove_orphans()
                self.compact()
            finally:
                self._sweep_lock.share()
        self._closed = False

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
            fsync_dir(final.parent)

    # -- space: crash leftovers and deleted objects' space (easymaker.local.swift.space) ---------------------------
    remove_orphans = space.remove_orphans
    compact = space.compact

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
        check_container(container)
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
        check_container(container)
        check_name("object", name, MAX_NAME_BYTES)
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

    def _record_sealed(self, tenant: str, items: list[Sealed]) -> list[ObjectInfo]:
        """Record verified bodies in one transaction (later items with the same name replace earlier ones). If
        the transaction fails, their files are removed and nothing is recorded."""
        out: list[tuple[str, Row]] = []
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
                    row = Row(it.name, it.size, it.etag, ctype, ts, it.metadata, it.manifest, it.blob, None, it.offset)
                    out.append((it.container, row))
        except BaseException:
            for it in items:
                if it.final is not None:
                    it.final.unlink(missing_ok=True)
            raise
        for blob, packed in dropped:
            self._drop_blob(blob, packed)
        return [self._info(tenant, c, r) for c, r in out]

    def _row(self, tenant: str, container: str, name: str, with_data: bool = False) -> Row | None:
        rows = self._query(
            f"SELECT {ROW_COLUMNS_DATA if with_data else ROW_COLUMNS} FROM objects "
            "WHERE tenant = ? AND container = ? AND name = ?",
            (tenant, container, name),
        )
        return Row.from_sql(rows[0]) if rows else None

    def _info(self, tenant: str, container: str, row: Row) -> ObjectInfo:
        size, etag = row.size, row.etag
        if row.manifest is not None:
            size, etag = manifests.concatenation(manifests.segment_rows(self, tenant, row.manifest))
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
        return iter_ranges(opened, start, end)

    def _open_parts(self, parts: list[Row], lazy: bool = False) -> Opened:
        """Open the body file up front, so a concurrent overwrite (which unlinks the old file) cannot cut a
        response short. Raises ``FileNotFoundError`` if the object changed between lookup and open.

        With ``lazy`` (the segments of a large object, possibly tens of thousands) each file is opened when its
        turn comes and closed after, so one response holds one descriptor; a segment replaced meanwhile ends the
        response early, as in Swift."""
        opened: Opened = []
        try:
            for part in parts:
                if not part.blob:
                    opened.append((part.data or b"", part.size))
                else:
                    opened.append((FileRange(self._blob_file(part.blob), part.offset or 0, lazy=lazy), part.size))
        except BaseException:
            close_all(opened)
            raise
        return opened

    def open_body(self, tenant: str, container: str, name: str) -> tuple[ObjectInfo, Opened]:
        """The object's info and its body sources (open files or inline bytes); retried if overwritten meanwhile."""
        for _ in range(3):
            row = self._row(tenant, container, name, with_data=True)
            if row is None:
                raise ObjectStoreError(404, f"object {name!r} not found")
            try:
                parts = manifests.body_rows(self, tenant, row)
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
        space.after_delete(self, rows[0][0], rows[0][1] is not None)
        return True

    # -- listing, archive auto-extraction (easymaker.local.swift.container_listing, .extraction) ---------------
    list_objects = container_listing.list_objects
    iter_objects = container_listing.iter_objects
    extract_archive = extraction.extract_archive
