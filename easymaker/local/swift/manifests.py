"""Dynamic large objects (``X-Object-Manifest: <container>/<prefix>``, URL-quoted form accepted): a manifest's
segments are the objects under the prefix in name order; its size and ETag are the concatenation's (the ETag is the
MD5 of the segments' ETags, quoted, as Swift gives it); a GET reads the segments one after another, each file opened
when its turn comes (``ObjectStore._open_parts`` with ``lazy``), so a response holds one descriptor."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING
from urllib.parse import unquote

from easymaker.local.swift.records import ROW_COLUMNS, ROW_COLUMNS_DATA, Row

if TYPE_CHECKING:
    from easymaker.local.swift.store import ObjectStore


def segment_rows(store: ObjectStore, tenant: str, manifest: str, *, with_data: bool = False) -> list[Row]:
    """The segments of the manifest value ``manifest``, in name order (inline bodies loaded with ``with_data``)."""
    seg_container, _, seg_prefix = unquote(manifest).partition("/")
    rows = store._query(
        f"SELECT {ROW_COLUMNS_DATA if with_data else ROW_COLUMNS} FROM objects "
        "WHERE tenant = ? AND container = ? AND name >= ? AND substr(name, 1, ?) = ? ORDER BY name",
        (tenant, seg_container, seg_prefix, len(seg_prefix), seg_prefix),
    )
    return [Row.from_sql(r) for r in rows]


def concatenation(segments: list[Row]) -> tuple[int, str]:
    """The size and (quoted) ETag of the object the segments make up."""
    size = sum(s.size for s in segments)
    return size, '"' + hashlib.md5("".join(s.etag for s in segments).encode()).hexdigest() + '"'


def body_rows(store: ObjectStore, tenant: str, row: Row) -> list[Row]:
    """The rows whose bodies make up the object (itself, or a manifest's segments), with inline bodies loaded."""
    if row.manifest is None:
        return [row]
    return segment_rows(store, tenant, row.manifest, with_data=True)
