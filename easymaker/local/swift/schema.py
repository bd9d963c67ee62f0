"""The object index ``index.db`` (SQLite, WAL): its tables (containers, objects with inline bodies or pack offsets,
tokens), the conversion of indexes made by older versions, and the per-container object count and bytes kept by
triggers in the transaction of every write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_AUTO_VACUUM_INCREMENTAL = 2
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


def open_index(path: Path, *, durable: bool) -> sqlite3.Connection:
    """Open (creating or converting) the index at ``path``; ``durable``: ``synchronous=FULL``, else ``NORMAL``."""
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA busy_timeout=10000")
    if db.execute("PRAGMA auto_vacuum").fetchone()[0] != _AUTO_VACUUM_INCREMENTAL:
        # set before the first table exists; an older index is converted once by a VACUUM (the space of
        # deleted inline bodies can then be given back to the file system)
        db.execute("PRAGMA auto_vacuum=INCREMENTAL")
        if db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall():
            db.execute("VACUUM")
    db.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before the 201, as the bodies are (WAL with NORMAL may lose the last commits)
    db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
    db.executescript(
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
    columns = {r[1] for r in db.execute("PRAGMA table_info(objects)").fetchall()}
    if "data" not in columns:  # homes created before small bodies were kept inline
        db.execute("ALTER TABLE objects ADD COLUMN data BLOB")
    if "pack_offset" not in columns:  # homes created before archive members were packed
        db.execute("ALTER TABLE objects ADD COLUMN pack_offset INTEGER")
    db.execute("CREATE INDEX IF NOT EXISTS objects_by_pack ON objects (blob) WHERE pack_offset IS NOT NULL")
    _keep_container_stats(db)
    return db


def _keep_container_stats(db: sqlite3.Connection) -> None:
    """Object count and bytes used per container, kept by triggers in the transaction of every write (a
    container listing or HEAD reads one row instead of counting a million). Homes made before these counters
    get them filled once, here."""
    db.execute("PRAGMA recursive_triggers = ON")  # INSERT OR REPLACE fires the delete trigger too
    db.execute("BEGIN IMMEDIATE")
    try:
        known = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'container_stats'")
        fill = not known.fetchall()
        for statement in _CONTAINER_STATS_SCHEMA:  # not executescript: it would commit the transaction
            db.execute(statement)
        if fill:
            db.execute(
                "INSERT INTO container_stats SELECT tenant, container, COUNT(*), COALESCE(SUM(size), 0) "
                "FROM objects GROUP BY tenant, container"
            )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
