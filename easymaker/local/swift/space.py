"""Space: what a crash or a delete leaves behind. Body files nobody references (a crash between placing a body and
recording it) are removed when the first engine of a folder starts (``EngineLock`` tells it is the only one); packs
mostly emptied by deletes are rewritten; SQLite's free pages (deleted inline bodies) are given back to the file
system."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from easymaker.local.swift.bodies import FileRange, Pack
from easymaker.local.swift.records import READ_CHUNK

if TYPE_CHECKING:
    from easymaker.local.swift.store import ObjectStore

logger = logging.getLogger("easymaker.local.swift")

_VACUUM_EVERY = 100  # deletes between checks of SQLite's free pages
_COMPACT_BELOW = 0.6  # a pack whose live objects fill less than this share of it is rewritten


class EngineLock:
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


def remove_orphans(store: ObjectStore) -> int:
    """Remove body files in ``data/`` that no object references (a crash between moving a body into place
    and recording it). Call only when no other engine works on this folder; returns the count removed."""
    with store._lock:
        known = {r[0] for r in store._db.execute("SELECT DISTINCT blob FROM objects WHERE blob != ''")}
    removed = 0
    for shard in os.scandir(store.data_dir):
        if not shard.is_dir():
            continue
        for entry in os.scandir(shard.path):
            if entry.name not in known:
                os.unlink(entry.path)
                removed += 1
    if removed:
        logger.warning("removed %d object body file(s) left unrecorded by a crash", removed)
    return removed


def compact(store: ObjectStore, blob: str | None = None) -> int:
    """Reclaim the space of deleted objects: rewrite each pack (or only ``blob``) whose live objects fill less
    than ``_COMPACT_BELOW`` of it, and give SQLite's free pages (deleted inline bodies) back to the file system. Returns the
    bytes reclaimed from packs."""
    if blob is None:
        packs = [r[0] for r in store._query("SELECT DISTINCT blob FROM objects WHERE pack_offset IS NOT NULL")]
    else:
        packs = [blob]
    reclaimed = sum(compact_pack(store, b) for b in packs)
    vacuum(store)
    return reclaimed


def compact_pack(store: ObjectStore, blob: str) -> int:
    rows = store._query(
        "SELECT tenant, container, name, size, pack_offset FROM objects WHERE blob = ? AND pack_offset IS NOT NULL "
        "ORDER BY pack_offset",
        (blob,),
    )
    path = store.blob_path(blob)
    try:
        file_size = path.stat().st_size
    except FileNotFoundError:
        return 0
    live = sum(int(r[3]) for r in rows)
    if not rows or live >= file_size * _COMPACT_BELOW:
        return 0
    pack = Pack(store)
    moved: list[tuple[str, str, str, int, int]] = []
    try:
        src = FileRange(str(path), 0)
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
    with store._tx() as db:
        for tenant, container, name, offset, new_offset in moved:
            # only rows still pointing at the old place: an object overwritten meanwhile keeps its new body
            db.execute(
                "UPDATE objects SET blob = ?, pack_offset = ? "
                "WHERE tenant = ? AND container = ? AND name = ? AND blob = ? AND pack_offset = ?",
                (pack.blob, new_offset, tenant, container, name, blob, offset),
            )
    store._drop_blob(pack.blob, packed=True)  # if every object moved was overwritten meanwhile
    store._drop_blob(blob, packed=True)
    return file_size - pack.size


def vacuum(store: ObjectStore) -> None:
    with store._lock:
        free = store._db.execute("PRAGMA freelist_count").fetchone()[0]
        if free:
            # executescript steps the pragma to its end (execute would free one page per call)
            store._db.executescript("PRAGMA incremental_vacuum;")
        store._deletes_since_vacuum = 0


def after_delete(store: ObjectStore, blob: str, packed: bool) -> None:
    """Reclaim space as objects go: a pack mostly empty is rewritten, SQLite's free pages are released every
    ``_VACUUM_EVERY`` deletes once they are a tenth of the index."""
    if packed:
        try:
            compact_pack(store, blob)
        except OSError as exc:
            logger.warning("could not compact pack %s: %s", blob, exc)
    store._deletes_since_vacuum += 1
    if store._deletes_since_vacuum >= _VACUUM_EVERY:
        with store._lock:
            free = store._db.execute("PRAGMA freelist_count").fetchone()[0]
            pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        if free * 10 >= pages:
            vacuum(store)
        store._deletes_since_vacuum = 0
