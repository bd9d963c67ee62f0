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

The engine is split into modules named for their job, each class building on the one before: `engine` (limits,
result types, retrying requests), `listing`, `segments`, `archives`, `uploads`, `downloads`; ``SwiftTransfer`` here
joins them and adds delete and size. The names this module used to define are re-exported from it.
"""

from __future__ import annotations

import threading
from urllib.parse import unquote

import httpx
from tqdm.auto import tqdm

from easymaker.storage.archives import (
    BULK_FLUSH,
    BULK_MAX_BYTES,
    BULK_MAX_FILE,
    BULK_MAX_MEMBERS,
    BULK_MIN_FILES,
    BULK_MIN_MEMBERS,
    BULK_PARALLEL,
    BULK_PROBE_MEMBERS,
    bulk_supported,
)
from easymaker.storage.downloads import DIRECT_BUFFER, SwiftDownload
from easymaker.storage.engine import (
    CHUNK,
    DEFAULT_MAX_WORKERS,
    DEFAULT_SEGMENT_SIZE,
    DEFAULT_SEGMENT_THRESHOLD,
    EMPTY_MD5,
    LISTING_LIMIT,
    MAX_SEGMENT_SIZE,
    PIPELINE_MIN,
    RETRIES,
    SMALL_BODY,
    SMALL_DOWNLOAD,
    GiB,
    KiB,
    MiB,
    RemoteObject,
    TransferResult,
    md5_file,
)
from easymaker.storage.errors import StorageError, TransferError
from easymaker.storage.uri import ObsUri

__all__ = [
    "BULK_FLUSH",
    "BULK_MAX_BYTES",
    "BULK_MAX_FILE",
    "BULK_MAX_MEMBERS",
    "BULK_MIN_FILES",
    "BULK_MIN_MEMBERS",
    "BULK_PARALLEL",
    "BULK_PROBE_MEMBERS",
    "CHUNK",
    "DEFAULT_MAX_WORKERS",
    "DEFAULT_SEGMENT_SIZE",
    "DEFAULT_SEGMENT_THRESHOLD",
    "DIRECT_BUFFER",
    "EMPTY_MD5",
    "GiB",
    "KiB",
    "LISTING_LIMIT",
    "MAX_SEGMENT_SIZE",
    "MiB",
    "PIPELINE_MIN",
    "RETRIES",
    "RemoteObject",
    "SMALL_BODY",
    "SMALL_DOWNLOAD",
    "SwiftTransfer",
    "TransferResult",
    "bulk_supported",
    "md5_file",
]


class SwiftTransfer(SwiftDownload):
    """Swift requests with token handling and retries, plus the upload/download/delete/list operations."""

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
