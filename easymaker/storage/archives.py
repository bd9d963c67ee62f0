"""Archive uploads (Swift's bulk middleware, ``PUT <container>?extract-archive=tar``): many small files per request,
verified against a listing; endpoints without the middleware fall back to one PUT per file."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tarfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from easymaker.storage.engine import KiB, MiB, RemoteObject, TransferResult, _BodyState, _md5_or_empty, _Progress
from easymaker.storage.errors import (
    StorageAuthError,
    StorageError,
    StorageRequestError,
)
from easymaker.storage.segments import SwiftSegments
from easymaker.storage.uri import ObsUri

logger = logging.getLogger("easymaker.storage")


# Archive uploads (Swift's bulk middleware, ``PUT <container>?extract-archive=tar``): many small files per request
BULK_MAX_FILE = 1 * MiB  # files smaller than this go into archives
BULK_MAX_BYTES = 64 * MiB  # file bytes per archive
BULK_MAX_MEMBERS = 1000  # files per archive
BULK_MIN_MEMBERS = 32  # archives are not split below this many files to gain parallelism
BULK_MIN_FILES = 4  # fewer small files than this are sent one PUT each
BULK_PARALLEL = 16  # archives in flight at once (capped by max_workers): Swift extracts one member at a time
BULK_PROBE_MEMBERS = 64  # the first archive sent to an endpoint of unknown support is this small
BULK_FLUSH = 512 * KiB  # archive bytes gathered before they are handed to the socket
_TAR_BLOCK = 512
_MEMBER_TYPE = {"SCHILY.xattr.user.mime_type": "application/octet-stream"}  # as a single PUT sends it
_bulk_support: dict[str, bool] = {}  # endpoint base URL -> whether extract-archive works there
_bulk_lock = threading.Lock()


def bulk_supported(endpoint: str) -> bool | None:
    """What this process learned about archive uploads at ``endpoint``: True, False, or None (not tried yet)."""
    with _bulk_lock:
        return _bulk_support.get(endpoint.rstrip("/"))


def _remember_bulk(endpoint: str, supported: bool) -> None:
    with _bulk_lock:
        _bulk_support[endpoint.rstrip("/")] = supported


class SwiftArchives(SwiftSegments):
    """Planning and sending tar archives the server extracts."""

    # -- archive uploads ------------------------------------------------------------------------------------
    def _bulk_candidates(
        self,
        uri: ObsUri,
        files: list[tuple[Path, str, int]],
        remote: dict[str, RemoteObject],
        segment_threshold: int,
    ) -> tuple[list[tuple[Path, str, int]], list[tuple[Path, str, int]]]:
        """Split files into those sent in archives and those sent one PUT each. Archived: below ``BULK_MAX_FILE``,
        not segmented, a UTF-8 name Swift keeps as it is (no leading ``/`` or ``./``), and not possibly replacing a
        segmented object (that one needs the single path, which removes the old segments)."""
        if bulk_supported(self.endpoint_for(uri)) is False:
            return [], files
        archived: list[tuple[Path, str, int]] = []
        singles: list[tuple[Path, str, int]] = []
        for item in files:
            _, name, size = item
            entry = remote.get(name)
            ok = size < BULK_MAX_FILE and size <= segment_threshold and not name.startswith(("/", "./"))
            ok = ok and not (entry is not None and entry.size == 0 and size > 0)
            if ok:
                try:
                    name.encode("utf-8")
                except UnicodeEncodeError:
                    ok = False
            (archived if ok else singles).append(item)
        if len(archived) < BULK_MIN_FILES:
            return [], files
        return archived, singles

    def _plan_archives(self, items: list[tuple[Path, str, int]], probe: bool) -> list[list[tuple[Path, str, int]]]:
        parallel = max(1, min(self.max_workers, BULK_PARALLEL))
        per = min(BULK_MAX_MEMBERS, max(BULK_MIN_MEMBERS, -(-len(items) // parallel)))
        batches: list[list[tuple[Path, str, int]]] = []
        current: list[tuple[Path, str, int]] = []
        current_bytes = 0
        for item in items:
            limit = BULK_PROBE_MEMBERS if probe and not batches else per
            if current and (len(current) >= limit or current_bytes + item[2] > BULK_MAX_BYTES):
                batches.append(current)
                current, current_bytes = [], 0
            current.append(item)
            current_bytes += item[2]
        if current:
            batches.append(current)
        return batches

    def _upload_bulk(
        self,
        uri: ObsUri,
        items: list[tuple[Path, str, int]],
        remote: dict[str, RemoteObject],
        skip_unchanged: bool,
        progress: _Progress,
        result: TransferResult,
        lock: threading.Lock,
    ) -> list[tuple[Path, str, int]]:
        """Send small files in tar archives extracted by the server, then check every file against one listing
        (``hash`` vs the MD5 streamed into the archive). Returns the files left for single PUTs: all of them when
        the server cannot extract archives, else those missing or different after extraction (re-sent once)."""
        endpoint = self.endpoint_for(uri)
        if skip_unchanged and remote:  # one listing decided; hash only the files whose size matches
            same_size = [it for it in items if (e := remote.get(it[1])) is not None and e.size == it[2]]
            if same_size:
                workers = max(1, min(self.max_workers, len(same_size), os.cpu_count() or 1))
                with ThreadPoolExecutor(workers, thread_name_prefix="em-md5") as pool:
                    hashes = list(pool.map(_md5_or_empty, (it[0] for it in same_size)))
                local = dict(zip([it[1] for it in same_size], hashes, strict=True))
                unchanged = {n for n, h in local.items() if remote[n].hash.strip('"').lower() == h}
                for _, name, size in (it for it in same_size if it[1] in unchanged):
                    result.skipped.append(name)
                    result.bytes_skipped += size
                    progress.add_bytes(size)
                    progress.file_done()
                items = [it for it in items if it[1] not in unchanged]
        if len(items) < BULK_MIN_FILES:
            return items
        known = bulk_supported(endpoint)
        if known is False:
            return items
        batches = self._plan_archives(items, probe=known is None)
        md5s: dict[str, str] = {}
        changed: dict[str, tuple[Path, str, int]] = {}
        if known is None:
            outcome = self._send_archive(uri, batches[0], md5s, changed, progress)
            if outcome is None:
                logger.info("%s does not extract archives: uploading one file per request", endpoint)
                _remember_bulk(endpoint, False)
                return items
            if outcome:
                _remember_bulk(endpoint, True)
            batches = batches[1:]
        if batches:
            workers = max(1, min(self.max_workers, BULK_PARALLEL, len(batches)))
            with ThreadPoolExecutor(workers, thread_name_prefix="em-bulk") as pool:
                for f in [pool.submit(self._send_archive, uri, b, md5s, changed, progress) for b in batches]:
                    f.result()
        # verify every archived file against the listing (one request per LISTING_LIMIT names)
        names = [it[1] for it in items if it[1] in md5s and it[1] not in changed]
        listed: dict[str, RemoteObject] = {}
        if names:
            try:
                listed = {o.name: o for o in self.iter_listing(uri, os.path.commonprefix(names))}
            except StorageRequestError as exc:
                logger.warning("listing %s to verify the archived files failed: %s", uri.uri, exc)
        leftover: list[tuple[Path, str, int]] = []
        verified = 0
        for item in items:
            _, name, size = item
            entry = listed.get(name)
            if name in changed:
                leftover.append(item)
            elif entry is not None and name in md5s and entry.size == size and entry.hash.lower() == md5s[name]:
                with lock:
                    result.transferred.append(name)
                    result.bytes_transferred += size
                progress.file_done()
                verified += 1
            else:
                if name in md5s:
                    progress.add_bytes(-size)  # counted when archived; counted again by the single PUT
                leftover.append(item)
        if leftover:
            logger.info("%d of %d archived files re-sent one by one", len(leftover), len(items))
        logger.debug("%d files uploaded in archives and verified", verified)
        return leftover

    def _send_archive(
        self,
        uri: ObsUri,
        batch: list[tuple[Path, str, int]],
        md5s: dict[str, str],
        changed: dict[str, tuple[Path, str, int]],
        progress: _Progress,
    ) -> bool | None:
        """PUT one tar archive (streamed: one file read at a time) with ``?extract-archive=tar`` to the container.
        Returns True when the server answered with the bulk middleware's JSON report, None when it does not
        extract archives (a 4xx, or an answer without the report), False on another failure (the files are then
        found missing by the verification and re-sent)."""
        url = uri.container_url(self.endpoint_for(uri))
        state = _BodyState()

        def body() -> Iterator[bytes]:
            state.sent = 0
            out: list[bytes] = []
            gathered = 0
            for item in batch:
                path, name, size = item
                try:
                    st = os.stat(path)
                    with open(path, "rb") as fh:
                        data = fh.read(size + 1)
                except OSError:
                    data = b""
                    st = None
                if st is None or len(data) != size:  # changed or gone since listed: the single path reports it
                    changed[name] = item
                    continue
                changed.pop(name, None)
                md5s[name] = hashlib.md5(data).hexdigest()
                info = tarfile.TarInfo(name)
                info.size = size
                info.mtime = int(st.st_mtime)
                info.mode = 0o644
                info.pax_headers = dict(_MEMBER_TYPE)
                out.append(info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape"))
                out.append(data)
                pad = -size % _TAR_BLOCK
                if pad:
                    out.append(bytes(pad))
                gathered += size + pad + 1024
                state.sent += size
                progress.add_bytes(size)
                if gathered >= BULK_FLUSH:
                    yield b"".join(out)
                    out, gathered = [], 0
            out.append(bytes(2 * _TAR_BLOCK))  # end of archive
            yield b"".join(out)

        def rewind() -> None:
            progress.add_bytes(-state.sent)
            state.sent = 0

        def drop() -> None:  # this archive did not work: its files are not counted, and re-sent if missing
            rewind()
            for _, name, _ in batch:
                md5s.pop(name, None)

        headers = {"Accept": "application/json", "Content-Type": "application/x-tar"}
        try:
            resp = self.request(
                "PUT", uri, url, params={"extract-archive": "tar"}, headers=headers, content=body, on_retry=rewind
            )
        except StorageAuthError:
            drop()
            raise
        except StorageError as exc:
            drop()
            logger.warning("archive of %d files to %s failed: %s", len(batch), uri.uri, exc)
            return False
        try:
            raw = resp.read()
        except httpx.HTTPError as exc:
            drop()
            logger.warning("archive of %d files to %s: reading the answer failed: %r", len(batch), uri.uri, exc)
            return False
        finally:
            resp.close()
        if 400 <= resp.status_code < 500:
            drop()
            logger.debug("archive upload refused with HTTP %d: %s", resp.status_code, raw[:200])
            return None
        if resp.status_code >= 300:
            drop()
            logger.warning("archive of %d files to %s: HTTP %d", len(batch), uri.uri, resp.status_code)
            return False
        try:
            report = json.loads(raw.strip() or b"null")
        except ValueError:
            report = None
        if not isinstance(report, dict) or not {"Number Files Created", "Response Status", "Errors"} <= report.keys():
            drop()
            return None
        if report["Errors"] or not str(report["Response Status"]).startswith("201"):
            logger.info(
                "archive to %s: %s, %s files created, errors: %s",
                uri.uri, report["Response Status"], report["Number Files Created"], report["Errors"][:5],
            )  # fmt: skip
        return True
