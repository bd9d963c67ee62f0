"""Container listings in Swift's semantics: one page in name order after ``marker`` and before ``end_marker``, under
``prefix``, names past ``delimiter`` folded into ``Subdir`` entries, read from the index by ranges (a prefix
matching few names reads only those, a folded subdir is skipped in one step)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from easymaker.local.swift.records import LISTING_LIMIT, ObjectInfo, ObjectStoreError, Row, Subdir

if TYPE_CHECKING:
    from easymaker.local.swift.store import ObjectStore


def after_prefix(prefix: str) -> str | None:
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


def list_objects(
    store: ObjectStore,
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
    if not store.container_exists(tenant, container):
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
            past = after_prefix(prefix)
            if past is not None:  # bounds the index range: a prefix matching few names reads only those
                sql += " AND name < ?"
                args.append(past)
        if end_marker:
            sql += " AND name < ?"
            args.append(end_marker)
        sql += " ORDER BY name LIMIT ?"
        asked = limit - len(out)
        args.append(asked)
        rows = store._query(sql, tuple(args))
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
            row = Row(name, int(r[1]), r[2], r[3], float(r[4]), json.loads(r[5]), r[6], r[7])
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


def iter_objects(store: ObjectStore, tenant: str, container: str, prefix: str = "") -> Iterator[ObjectInfo]:
    """Every object under ``prefix`` in name order (pages through the listing)."""
    marker = ""
    while True:
        page = list_objects(store, tenant, container, prefix=prefix, marker=marker)
        for item in page:
            if isinstance(item, ObjectInfo):
                yield item
        if len(page) < LISTING_LIMIT:
            return
        last = page[-1]
        marker = last.name if isinstance(last, ObjectInfo) else last.subdir
