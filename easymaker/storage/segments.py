"""Large files as segments: parallel ranged PUTs to ``<container>_segments/<object>/<upload id>/<n>`` joined by an
``X-Object-Manifest`` (DLO), and removal of an object's old segments."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, unquote

import httpx

from easymaker.storage.engine import CHUNK, PIPELINE_MIN, SMALL_BODY, _BodyState, _Pipeline, _Progress, md5_file
from easymaker.storage.errors import (
    IntegrityError,
    StorageError,
)
from easymaker.storage.listing import SwiftListing
from easymaker.storage.uri import ObsUri

logger = logging.getLogger("easymaker.storage")


class SwiftSegments(SwiftListing):
    """Segmented uploads and segment clean-up."""

    def _drop_old_segments(self, uri: ObsUri, name: str, old_manifest: str, keep_prefix: str | None) -> None:
        """Delete the segments of a replaced manifest, only when they follow this engine's layout."""
        old_c, _, old_p = unquote(old_manifest).partition("/")
        if old_c == f"{uri.container}_segments" and old_p.startswith(f"{name}/") and old_p != keep_prefix:
            self._delete_prefix(uri, old_c, old_p)

    def _put_range(
        self,
        uri: ObsUri,
        name: str,
        path: Path,
        offset: int,
        length: int,
        progress: _Progress,
        *,
        expected_md5: str | None = None,
        extra_headers: dict[str, str] | None = None,
        container: str | None = None,
    ) -> str:
        """PUT ``length`` bytes of ``path`` from ``offset`` as one object, streamed and hashed; returns the MD5."""
        target = uri if container is None else ObsUri(uri.host, uri.version, uri.tenant, container, "")
        url = target.object_url(self.endpoint_for(target), name)
        state = _BodyState()

        def body() -> Iterator[bytes]:
            md5 = hashlib.md5()
            state.md5, state.sent = md5, 0
            pipe = _Pipeline(md5.update, depth=2) if length >= PIPELINE_MIN else None
            try:
                with open(path, "rb", buffering=0) as fh:
                    fh.seek(offset)
                    left = length
                    while left > 0:
                        chunk = fh.read(min(CHUNK, left))
                        if not chunk:
                            raise IntegrityError(f"{path} shrank while it was uploaded")
                        if pipe is not None:
                            pipe.put(chunk)
                        else:
                            md5.update(chunk)
                        left -= len(chunk)
                        state.sent += len(chunk)
                        progress.add_bytes(len(chunk))
                        yield chunk
            finally:
                if pipe is not None:
                    pipe.close()

        def rewind() -> None:
            progress.add_bytes(-state.sent)
            state.sent = 0

        content: Callable[[], Iterable[bytes] | bytes] = body
        if length <= SMALL_BODY:  # small: read and hashed once, sent as one buffer (bounded by SMALL_BODY)
            with open(path, "rb", buffering=0) as fh:
                fh.seek(offset)
                data = fh.read(length)
            if len(data) != length:
                raise IntegrityError(f"{path} shrank while it was uploaded")
            state.md5.update(data)

            def whole() -> bytes:
                state.sent = length
                progress.add_bytes(length)
                return data

            content = whole

        headers = {"Content-Length": str(length), "Content-Type": "application/octet-stream", **(extra_headers or {})}
        if expected_md5:
            headers["ETag"] = expected_md5
        created = False
        while True:
            resp = self.request("PUT", target, url, headers=headers, content=content, on_retry=rewind)
            if resp.status_code == 404 and not created:
                resp.close()
                rewind()
                self.ensure_container(target, target.container)
                created = True
                continue
            break
        if resp.status_code != 201:
            raise self._fail(resp, f"PUT {name!r}")
        resp.close()
        md5 = state.md5.hexdigest()
        etag = resp.headers.get("etag", "").strip('"').lower()
        if etag != md5:
            raise IntegrityError(f"server ETag {etag!r} differs from the MD5 {md5} of the bytes sent for {name!r}")
        return md5

    def _upload_segmented(
        self,
        uri: ObsUri,
        path: Path,
        name: str,
        size: int,
        segment_size: int,
        progress: _Progress,
        seg_pool: ThreadPoolExecutor,
        old_manifest: str | None,
    ) -> None:
        seg_container = f"{uri.container}_segments"
        upload_id = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:8]}"
        seg_prefix = f"{name}/{upload_id}/"
        self.ensure_container(uri, seg_container)
        count = (size + segment_size - 1) // segment_size
        whole: dict[str, str] = {}

        def hash_whole() -> None:
            whole["md5"] = md5_file(path)

        hasher = threading.Thread(target=hash_whole, name="em-md5", daemon=True)
        hasher.start()
        futures: list[Future[str]] = []
        for i in range(count):
            off = i * segment_size
            futures.append(
                seg_pool.submit(
                    self._put_range,
                    uri,
                    f"{seg_prefix}{i + 1:08d}",
                    path,
                    off,
                    min(segment_size, size - off),
                    progress,
                    container=seg_container,
                )  # fmt: skip
            )
        errors: list[str] = []
        seg_md5s: list[str] = []
        for f in futures:
            try:
                seg_md5s.append(f.result())
            except (StorageError, OSError, httpx.HTTPError) as exc:
                errors.append(str(exc))
        hasher.join()
        if errors:
            self._delete_prefix(uri, seg_container, seg_prefix)
            raise StorageError(f"segment upload failed: {errors[0]}")
        manifest = f"{quote(seg_container, safe='')}/{quote(seg_prefix, safe='/')}"
        url = uri.object_url(self.endpoint_for(uri), name)
        headers = {
            "X-Object-Manifest": manifest,
            "X-Object-Meta-Md5": whole.get("md5", ""),
            "Content-Length": "0",
            "Content-Type": "application/octet-stream",
        }
        resp = self.request("PUT", uri, url, headers=headers, content=lambda: b"")
        if resp.status_code == 404:  # the target container does not exist yet
            resp.close()
            self.ensure_container(uri, uri.container)
            resp = self.request("PUT", uri, url, headers=headers, content=lambda: b"")
        if resp.status_code != 201:
            raise self._fail(resp, f"PUT manifest {name!r}")
        resp.close()
        check = self.head(uri, name)
        expected = hashlib.md5("".join(seg_md5s).encode()).hexdigest()
        if (
            check is None
            or int(check.headers.get("content-length", -1)) != size
            or check.headers.get("etag", "").strip('"') != expected
        ):
            got = None if check is None else (check.headers.get("content-length"), check.headers.get("etag"))
            raise IntegrityError(f"manifest of {name!r} does not cover the uploaded segments (got {got})")
        if old_manifest:
            self._drop_old_segments(uri, name, old_manifest, seg_prefix)

    def _delete_prefix(self, uri: ObsUri, container: str, prefix: str) -> None:
        """Best-effort removal of segments left by an older or failed upload."""
        c = ObsUri(uri.host, uri.version, uri.tenant, container, "")
        try:
            for o in list(self.iter_listing(c, prefix)):
                resp = self.request("DELETE", c, c.object_url(self.endpoint_for(c), o.name))
                resp.close()
        except StorageError as exc:
            logger.warning("could not remove old segments %s/%s: %s", container, prefix, exc)
