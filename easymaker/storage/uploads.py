"""Uploads: what to send (skipping files whose MD5 matches the stored ETag), archives for many small files, one
verified PUT per file, segments for large ones."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from easymaker.storage.archives import SwiftArchives
from easymaker.storage.engine import (
    DEFAULT_SEGMENT_SIZE,
    DEFAULT_SEGMENT_THRESHOLD,
    MAX_SEGMENT_SIZE,
    RemoteObject,
    TransferResult,
    _Progress,
    md5_file,
)
from easymaker.storage.errors import (
    StorageError,
    StorageRequestError,
    TransferError,
)
from easymaker.storage.uri import ObsUri

logger = logging.getLogger("easymaker.storage")


class SwiftUpload(SwiftArchives):
    """Uploads of a file or a folder."""

    # -- upload ---------------------------------------------------------------------------------------------
    def upload(
        self,
        uri: ObsUri,
        local_path: Path,
        *,
        file_extensions: list[str] | None = None,
        filter_func: Callable[[str], bool] | None = None,
        show_progress: bool = True,
        segment_size: int = DEFAULT_SEGMENT_SIZE,
        segment_threshold: int = DEFAULT_SEGMENT_THRESHOLD,
        skip_unchanged: bool = True,
    ) -> TransferResult:
        if segment_size <= 0 or segment_size > MAX_SEGMENT_SIZE:
            raise ValueError(f"segment_size must be between 1 and {MAX_SEGMENT_SIZE} bytes, got {segment_size}")
        if segment_threshold < 0 or segment_threshold > MAX_SEGMENT_SIZE:
            raise ValueError(
                f"segment_threshold must be between 0 and {MAX_SEGMENT_SIZE} bytes, got {segment_threshold}"
            )
        local_path = Path(local_path)
        if not local_path.exists():
            raise FileNotFoundError(f"local_path {str(local_path)!r} does not exist")
        base = uri.prefix.rstrip("/")
        files: list[tuple[Path, str, int]] = []
        if local_path.is_file():
            candidates = [(local_path, local_path.name)]
        else:
            candidates = []
            for dirpath, dirnames, filenames in os.walk(local_path):
                dirnames.sort()
                for fn in sorted(filenames):
                    p = Path(dirpath) / fn
                    if p.is_file():
                        candidates.append((p, p.relative_to(local_path).as_posix()))
        exts = [e.lower() for e in file_extensions] if file_extensions else None
        for p, rel in candidates:
            if exts and not any(rel.lower().endswith(e) for e in exts):
                continue
            if filter_func is not None and not filter_func(str(p)):
                continue
            files.append((p, f"{base}/{rel}" if base else rel, p.stat().st_size))

        remote: dict[str, RemoteObject] = {}
        listed = skip_unchanged and len(files) > 1  # one listing instead of a HEAD per file
        if listed:
            try:
                remote = {o.name: o for o in self.iter_listing(uri, f"{base}/" if base else "")}
            except StorageRequestError as exc:
                if exc.status_code != 404:
                    raise
                # the container does not exist: create it now rather than after every file's body met a 404
                self.ensure_container(uri, uri.container)
        result = TransferResult()
        lock = threading.Lock()
        progress = _Progress(show_progress, "Uploading", len(files), sum(f[2] for f in files))
        seg_pool = ThreadPoolExecutor(self.max_workers, thread_name_prefix="em-seg")

        def one(item: tuple[Path, str, int]) -> None:
            path, name, size = item
            try:
                skipped, sent = self._upload_file(
                    uri, path, name, size, remote, listed, skip_unchanged,
                    segment_size, segment_threshold, progress, seg_pool,
                )  # fmt: skip
                with lock:
                    if skipped:
                        result.skipped.append(name)
                        result.bytes_skipped += size
                    else:
                        result.transferred.append(name)
                        result.bytes_transferred += sent
                if skipped:
                    progress.add_bytes(size)
            except (StorageError, OSError, httpx.HTTPError, ValueError) as exc:
                logger.warning("upload of %s failed: %s", name, exc)
                with lock:
                    result.failures.append((name, str(exc) or type(exc).__name__))
            finally:
                progress.file_done()

        archived, singles = self._bulk_candidates(uri, files, remote, segment_threshold) if self.bulk else ([], files)
        try:
            if archived:
                with ThreadPoolExecutor(1, thread_name_prefix="em-single") as side:
                    pending = side.submit(self._run, one, singles) if singles else None
                    leftover = self._upload_bulk(uri, archived, remote, skip_unchanged, progress, result, lock)
                    if pending is not None:
                        pending.result()
                self._run(one, leftover)
            else:
                self._run(one, singles)
        finally:
            seg_pool.shutdown(wait=True)
            progress.close()
        if result.failures:
            raise TransferError(result.failures, result)
        return result

    def _upload_file(
        self,
        uri: ObsUri,
        path: Path,
        name: str,
        size: int,
        remote: dict[str, RemoteObject],
        listed: bool,
        skip_unchanged: bool,
        segment_size: int,
        segment_threshold: int,
        progress: _Progress,
        seg_pool: ThreadPoolExecutor,
    ) -> tuple[bool, int]:
        """Returns (skipped, bytes sent)."""
        local_md5: str | None = None
        old_manifest: str | None = None
        head: httpx.Response | None = None
        if skip_unchanged or size > segment_threshold:
            entry = remote.get(name)
            maybe_manifest = entry is not None and entry.size == 0 and size > 0
            if not listed or maybe_manifest:
                head = self.head(uri, name)
            if head is not None:
                old_manifest = head.headers.get("x-object-manifest")
                entry = RemoteObject(name, int(head.headers.get("content-length", -1)), head.headers.get("etag", ""))
            if skip_unchanged and entry is not None and entry.size == size:
                local_md5 = md5_file(path)
                remote_md5 = entry.hash.strip('"').lower()
                if old_manifest is not None and head is not None:
                    remote_md5 = head.headers.get("x-object-meta-md5", "").lower()
                if remote_md5 == local_md5:
                    logger.debug("unchanged, skipped: %s", name)
                    return True, 0
        if size > segment_threshold:
            self._upload_segmented(uri, path, name, size, segment_size, progress, seg_pool, old_manifest)
        else:
            self._put_range(uri, name, path, 0, size, progress, expected_md5=local_md5)
            if old_manifest:  # a segmented object replaced by a plain one: its segments are garbage now
                self._drop_old_segments(uri, name, old_manifest, None)
        return False, size
