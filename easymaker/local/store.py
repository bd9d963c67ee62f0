"""EasyMaker Local's state: one SQLite database (WAL) in the home folder.

Tables:

* ``resources``: one row per resource (id, appkey, kind, name, status, parent id, the JSON wire document,
  created/updated times), indexed by (appkey, kind, created), (appkey, kind, name), (kind, parent_id) and
  (kind, status);
* ``schedule_triggers``: one row per (recurring run, trigger time) that has been turned into a run; the primary
  key makes a trigger fire at most once, across restarts;
* ``logs``: Log & Crash records.

Durability: WAL with ``synchronous=FULL``: a transaction is on disk (the WAL is fsynced) when ``COMMIT``
returns, and every write the API acknowledges is committed before the response is sent, so an acknowledged
resource survives a crash of the process and a power loss. (``NORMAL`` would survive a process crash only.)

Each thread has its own connection; writes are serialized by a lock and run in ``BEGIN IMMEDIATE`` transactions.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    id TEXT PRIMARY KEY,
    appkey TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT,
    status TEXT,
    parent_id TEXT,
    doc TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_resources_kind ON resources(appkey, kind, created);
CREATE INDEX IF NOT EXISTS ix_resources_name ON resources(appkey, kind, name);
CREATE INDEX IF NOT EXISTS ix_resources_parent ON resources(kind, parent_id);
CREATE INDEX IF NOT EXISTS ix_resources_status ON resources(kind, status);
CREATE TABLE IF NOT EXISTS schedule_triggers (
    schedule_id TEXT NOT NULL,
    trigger_time TEXT NOT NULL,
    run_id TEXT,
    created REAL NOT NULL,
    PRIMARY KEY (schedule_id, trigger_time)
);
CREATE TABLE IF NOT EXISTS logs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    received REAL NOT NULL,
    project_name TEXT,
    category TEXT,
    log_level TEXT,
    body TEXT,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_logs_project ON logs(project_name, seq);
CREATE INDEX IF NOT EXISTS ix_logs_category ON logs(category, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS manifests (id TEXT PRIMARY KEY, text TEXT NOT NULL);
"""


def now_iso(ts: float | None = None) -> str:
    """ISO-8601 UTC time with milliseconds, e.g. ``2026-01-01T00:00:00.000+00:00``."""
    dt = datetime.fromtimestamp(ts if ts is not None else time.time(), tz=UTC)
    return dt.isoformat(timespec="milliseconds")


@dataclass
class Row:
    id: str
    appkey: str
    kind: str
    name: str | None
    status: str | None
    parent_id: str | None
    doc: dict[str, Any]
    created: float
    updated: float


_COLUMNS = "id, appkey, kind, name, status, parent_id, doc, created, updated"


def _row(t: Sequence[Any]) -> Row:
    return Row(t[0], t[1], t[2], t[3], t[4], t[5], json.loads(t[6]), t[7], t[8])


def _dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


class Store:
    """Thread-safe access to ``state.db``."""

    def __init__(self, path: Path, synchronous: str = "FULL") -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._synchronous = synchronous
        self._local = threading.local()
        self._write_lock = threading.RLock()
        conn = self._conn()
        conn.executescript(SCHEMA)

    # -- connections ---------------------------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA synchronous={self._synchronous}")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn  # closed when the thread ends (the thread-local slot is its only reference)
        return conn

    def close(self) -> None:
        """Close this thread's connection (other threads' connections close when those threads end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._local.conn = None
            try:
                conn.close()
            except sqlite3.Error:
                pass

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (serialized, ``BEGIN IMMEDIATE``), committed on exit."""
        with self._write_lock:
            conn = self._conn()
            if conn.in_transaction:  # nested use from the same thread: join the outer transaction
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn().execute(sql, tuple(args)).fetchall()

    # -- resources -----------------------------------------------------------------------------------------------
    def insert(
        self,
        kind: str,
        appkey: str,
        rid: str,
        name: str | None,
        status: str | None,
        doc: dict[str, Any],
        parent_id: str | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        t = time.time()
        sql = f"INSERT INTO resources ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)"
        args = (rid, appkey, kind, name, status, parent_id, _dumps(doc), t, t)
        if conn is not None:
            conn.execute(sql, args)
            return
        with self.tx() as c:
            c.execute(sql, args)

    def get(self, rid: str) -> Row | None:
        rows = self._conn().execute(f"SELECT {_COLUMNS} FROM resources WHERE id=?", (rid,)).fetchall()
        return _row(rows[0]) if rows else None

    def get_scoped(self, appkey: str, kind: str, rid: str) -> Row | None:
        row = self.get(rid)
        if row is None or row.appkey != appkey or row.kind != kind:
            return None
        return row

    def select(
        self,
        appkey: str | None,
        kind: str,
        *,
        parent_id: str | None = None,
        names: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        statuses: Iterable[str] | None = None,
    ) -> list[Row]:
        """Rows of one kind, oldest first, filtered."""
        where = ["kind=?"]
        args: list[Any] = [kind]
        if appkey is not None:
            where.append("appkey=?")
            args.append(appkey)
        if parent_id is not None:
            where.append("parent_id=?")
            args.append(parent_id)
        if names is not None:
            where.append(f"name IN ({','.join('?' * len(names))})")
            args.extend(names)
        if ids is not None:
            where.append(f"id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        if statuses is not None:
            st = list(statuses)
            where.append(f"status IN ({','.join('?' * len(st))})")
            args.extend(st)
        sql = f"SELECT {_COLUMNS} FROM resources WHERE {' AND '.join(where)} ORDER BY created, rowid"
        return [_row(t) for t in self._conn().execute(sql, args).fetchall()]

    def select_page(
        self, appkey: str, kind: str, limit: int, offset: int, experiment_id: str | None = None
    ) -> tuple[list[Row], int]:
        """One page of rows of one kind, newest first (optionally of one experiment), and the count of all of them."""
        where, args = "appkey=? AND kind=?", [appkey, kind]
        if experiment_id is not None:
            where += " AND json_extract(doc, '$.experimentId')=?"
            args.append(experiment_id)
        conn = self._conn()
        total = int(conn.execute(f"SELECT COUNT(*) FROM resources WHERE {where}", args).fetchone()[0])
        sql = f"SELECT {_COLUMNS} FROM resources WHERE {where} ORDER BY created DESC, rowid DESC LIMIT ? OFFSET ?"
        return [_row(t) for t in conn.execute(sql, [*args, limit, offset]).fetchall()], total

    def iter_pages(
        self, appkey: str, kind: str, page_size: int, experiment_id: str | None = None
    ) -> Iterator[list[Row]]:
        """Every row of one kind, oldest first (optionally of one experiment), ``page_size`` rows at a time: each
        page is one query continuing after the last row of the previous one (keyset, not OFFSET), so only one page
        is held at a time and each costs the same however many rows come before it."""
        where, args = "appkey=? AND kind=?", [appkey, kind]
        if experiment_id is not None:
            where += " AND json_extract(doc, '$.experimentId')=?"
            args.append(experiment_id)
        after: tuple[float, int] | None = None
        while True:
            keyset = "" if after is None else " AND (created > ? OR (created = ? AND rowid > ?))"
            bound = [] if after is None else [after[0], after[0], after[1]]
            sql = f"SELECT {_COLUMNS}, rowid FROM resources WHERE {where}{keyset} ORDER BY created, rowid LIMIT ?"
            rows = self._conn().execute(sql, [*args, *bound, page_size]).fetchall()
            if not rows:
                return
            yield [_row(t[:-1]) for t in rows]
            if len(rows) < page_size:
                return
            after = (rows[-1][7], rows[-1][-1])

    def find_by_field(self, appkey: str, kind: str, json_field: str, value: str) -> list[Row]:
        """Rows of one kind whose document has ``json_field`` (top level) equal to ``value``."""
        sql = (
            f"SELECT {_COLUMNS} FROM resources WHERE appkey=? AND kind=? AND json_extract(doc, ?)=? "
            "ORDER BY created, rowid"
        )
        return [_row(t) for t in self._conn().execute(sql, (appkey, kind, f"$.{json_field}", value)).fetchall()]

    def by_status(self, kinds: Iterable[str], statuses: Iterable[str]) -> list[Row]:
        ks, st = list(kinds), list(statuses)
        sql = (
            f"SELECT {_COLUMNS} FROM resources WHERE kind IN ({','.join('?' * len(ks))}) "
            f"AND status IN ({','.join('?' * len(st))}) ORDER BY created, rowid"
        )
        return [_row(t) for t in self._conn().execute(sql, ks + st).fetchall()]

    def update(
        self,
        rid: str,
        mutate: Callable[[Row], bool | None],
        conn: sqlite3.Connection | None = None,
    ) -> Row | None:
        """Read-modify-write of one row in a transaction. ``mutate`` edits ``row.doc``/``row.status``/``row.name``
        in place; returning ``False`` skips the write. Returns the row as written (``None`` if it is gone)."""

        def run(c: sqlite3.Connection) -> Row | None:
            rows = c.execute(f"SELECT {_COLUMNS} FROM resources WHERE id=?", (rid,)).fetchall()
            if not rows:
                return None
            row = _row(rows[0])
            if mutate(row) is False:
                return row
            row.updated = time.time()
            c.execute(
                "UPDATE resources SET name=?, status=?, parent_id=?, doc=?, updated=? WHERE id=?",
                (row.name, row.status, row.parent_id, _dumps(row.doc), row.updated, rid),
            )
            return row

        if conn is not None:
            return run(conn)
        with self.tx() as c:
            return run(c)

    def delete(self, rid: str, conn: sqlite3.Connection | None = None) -> bool:
        if conn is not None:
            return conn.execute("DELETE FROM resources WHERE id=?", (rid,)).rowcount > 0
        with self.tx() as c:
            return c.execute("DELETE FROM resources WHERE id=?", (rid,)).rowcount > 0

    def delete_all(self) -> int:
        with self.tx() as c:
            n = c.execute("DELETE FROM resources").rowcount
            c.execute("DELETE FROM schedule_triggers")
            c.execute("DELETE FROM manifests")
            return n

    def count(self, kind: str | None = None) -> int:
        if kind is None:
            return int(self.query("SELECT COUNT(*) FROM resources")[0][0])
        return int(self.query("SELECT COUNT(*) FROM resources WHERE kind=?", (kind,))[0][0])

    # -- pipeline manifests --------------------------------------------------------------------------------------
    def put_manifest(self, rid: str, text: str, conn: sqlite3.Connection) -> None:
        conn.execute("INSERT OR REPLACE INTO manifests (id, text) VALUES (?, ?)", (rid, text))

    def get_manifest(self, rid: str) -> str | None:
        rows = self.query("SELECT text FROM manifests WHERE id=?", (rid,))
        return rows[0][0] if rows else None

    def delete_manifest(self, rid: str, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM manifests WHERE id=?", (rid,))

    # -- schedule triggers ---------------------------------------------------------------------------------------
    def claim_trigger(self, schedule_id: str, trigger_time: str, conn: sqlite3.Connection) -> bool:
        """Record that ``trigger_time`` of a schedule fired; ``False`` if it was recorded before."""
        cur = conn.execute(
            "INSERT OR IGNORE INTO schedule_triggers (schedule_id, trigger_time, created) VALUES (?,?,?)",
            (schedule_id, trigger_time, time.time()),
        )
        return cur.rowcount > 0

    def set_trigger_run(self, schedule_id: str, trigger_time: str, run_id: str, conn: sqlite3.Connection) -> None:
        conn.execute(
            "UPDATE schedule_triggers SET run_id=? WHERE schedule_id=? AND trigger_time=?",
            (run_id, schedule_id, trigger_time),
        )

    def triggers(self, schedule_id: str) -> list[tuple[str, str | None]]:
        return [
            (t[0], t[1])
            for t in self.query(
                "SELECT trigger_time, run_id FROM schedule_triggers WHERE schedule_id=? ORDER BY trigger_time",
                (schedule_id,),
            )
        ]

    # -- logs ----------------------------------------------------------------------------------------------------
    def add_logs(self, records: Sequence[dict[str, Any]]) -> int:
        t = time.time()
        rows = [
            (
                t,
                _str_or_none(r.get("projectName")),
                _str_or_none(r.get("category")),
                _str_or_none(r.get("logLevel")),
                r.get("body") if isinstance(r.get("body"), str) else _dumps({"v": r.get("body")})[5:-1],
                _dumps(r),
            )
            for r in records
        ]
        with self.tx() as c:
            c.executemany(
                "INSERT INTO logs (received, project_name, category, log_level, body, doc) VALUES (?,?,?,?,?,?)", rows
            )
        return len(rows)

    def list_logs(
        self, limit: int = 100, project_name: str | None = None, category: str | None = None
    ) -> list[dict[str, Any]]:
        """The newest ``limit`` records (filtered), oldest first."""
        where, args = [], []
        if project_name:
            where.append("project_name=?")
            args.append(project_name)
        if category:
            where.append("category=?")
            args.append(category)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = self.query(f"SELECT seq, received, doc FROM logs {clause} ORDER BY seq DESC LIMIT ?", [*args, limit])
        out = []
        for seq, received, doc in reversed(rows):
            d = json.loads(doc)
            d["_seq"] = seq
            d["_received"] = now_iso(received)
            out.append(d)
        return out


def _str_or_none(v: Any) -> str | None:
    return v if isinstance(v, str) else (None if v is None else str(v))
