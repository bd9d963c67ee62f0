"""Object bodies on disk: writing one (``PutWriter``: hashed while received, small bodies kept for the index row,
larger ones in ``tmp/`` then renamed into ``data/``), packing many small ones into one file (``Pack``, archive
members), and reading them back by position (``FileRange``, ``iter_ranges``).

A body is complete and verified before it is moved into ``data/`` (``Sealed``), and only then recorded in the
index (``ObjectStore._record_sealed``), so a crash never leaves a partial object visible.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from easymaker.local.swift.records import INLINE_MAX, READ_CHUNK, ObjectInfo, ObjectStoreError

if TYPE_CHECKING:
    from easymaker.local.swift.store import ObjectStore


def owner_alive(tmp_name: str) -> bool:
    """Temp bodies are named ``<pid>.<id>``: keep those of live processes (another engine may be writing)."""
    pid_text = tmp_name.partition(".")[0]
    if not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def close_all(opened: Opened) -> None:
    for src, _ in opened:
        if not isinstance(src, bytes):
            src.close()


@dataclass
class Sealed:
    """A verified body in place, waiting to be recorded (``final`` is its file, removed if recording fails)."""

    container: str
    name: str
    size: int
    etag: str
    content_type: str | None
    metadata: dict[str, str]
    manifest: str | None
    blob: str
    data: bytes | None
    final: Path | None
    offset: int | None = None  # set for a body inside a pack


class FileRange:
    """An open body file, or a body inside a pack starting at ``base``, read by position (``os.pread``): one
    descriptor and no file object or seek per request."""

    __slots__ = ("fd", "base", "path")

    def __init__(self, path: str, base: int, *, lazy: bool = False) -> None:
        """``lazy``: open at the first read (segments of a large object are opened one at a time)."""
        self.path = path
        self.fd = -1 if lazy else os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self.base = base

    def pread(self, n: int, pos: int) -> bytes:
        if self.fd < 0:
            self.fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        if _HAS_PREAD:
            return os.pread(self.fd, n, self.base + pos)
        os.lseek(self.fd, self.base + pos, os.SEEK_SET)
        return os.read(self.fd, n)

    def close(self) -> None:
        fd, self.fd = self.fd, -1
        if fd >= 0:
            os.close(fd)


Opened = list[tuple[FileRange | bytes, int]]  # an object's body sources (open files or inline bytes) and sizes
_HAS_PREAD = hasattr(os, "pread")


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (POSIX: fsync the folder; not possible on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Pack:
    """A file receiving many small bodies back to back (archive members); written in ``tmp/`` and moved into
    ``data/`` before the objects in it are recorded."""

    def __init__(self, store: ObjectStore) -> None:
        self._store = store
        self.blob = uuid.uuid4().hex
        self._tmp = store.tmp_dir / f"{os.getpid()}.{self.blob}"
        self.final = store.blob_path(self.blob)
        self._fh = open(self._tmp, "wb")  # noqa: SIM115 - closed in seal/abort
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self._fh.write(chunk)
        self.size += len(chunk)

    def seal(self) -> None:
        self._fh.flush()
        if self._store.durable:
            os.fsync(self._fh.fileno())
        self._fh.close()
        self._store._place(self._tmp, self.final)

    def abort(self) -> None:
        self._fh.close()
        self._tmp.unlink(missing_ok=True)


class PutWriter:
    """Receives one object body: ``write`` chunks (hashed while written), then ``commit`` or ``abort``."""

    def __init__(self, store: ObjectStore, tenant: str, container: str, name: str) -> None:
        self._store = store
        self.tenant, self.container, self.name = tenant, container, name
        self.blob = uuid.uuid4().hex
        self._tmp_path = store.tmp_dir / f"{os.getpid()}.{self.blob}"
        self._file: IO[bytes] | None = None  # opened once the body outgrows INLINE_MAX
        self._inline: bytearray | None = bytearray()
        self._done = False
        self._md5 = hashlib.md5()
        self.size = 0

    def write(self, chunk: bytes | bytearray | memoryview) -> None:
        assert not self._done, "write after commit/abort"
        self._md5.update(chunk)
        self.size += len(chunk)
        if self._inline is not None:
            if self.size <= INLINE_MAX:
                self._inline += chunk
                return
            self._file = open(self._tmp_path, "wb", buffering=0)  # noqa: SIM115 - closed in commit/abort
            pending, self._inline = self._inline, None
            self._write_file(pending)
        self._write_file(chunk)

    def _write_file(self, chunk: bytes | bytearray | memoryview) -> None:
        assert self._file is not None
        view = memoryview(chunk)
        while view:  # a raw file may take fewer bytes than offered
            view = view[self._file.write(view) or 0 :]

    def abort(self) -> None:
        self._done = True
        self._inline = None
        if self._file is not None:
            self._file.close()
            self._file = None
            self._tmp_path.unlink(missing_ok=True)

    def commit(
        self,
        *,
        content_type: str | None = None,
        metadata: dict[str, str] | None = None,
        manifest: str | None = None,
        expected_etag: str | None = None,
        expected_size: int | None = None,
    ) -> ObjectInfo:
        """Verify, move the body into place and record it; on any error nothing is stored."""
        sealed = self.seal(
            content_type=content_type,
            metadata=metadata,
            manifest=manifest,
            expected_etag=expected_etag,
            expected_size=expected_size,
        )
        return self._store._record_sealed(self.tenant, [sealed])[0]

    def seal(
        self,
        *,
        content_type: str | None = None,
        metadata: dict[str, str] | None = None,
        manifest: str | None = None,
        expected_etag: str | None = None,
        expected_size: int | None = None,
    ) -> Sealed:
        """Verify the body and move it into place, without recording it yet (``ObjectStore._record_sealed`` does,
        possibly for many objects in one transaction). On a verification error nothing is kept."""
        assert not self._done, "commit after commit/abort"
        final: Path | None = None
        try:
            self._done = True
            if self._file is not None:
                if self._store.durable:
                    os.fsync(self._file.fileno())
                self._file.close()
                self._file = None
            etag = self._md5.hexdigest()
            if expected_size is not None and expected_size != self.size:
                raise ObjectStoreError(499, f"body ended after {self.size} of {expected_size} bytes")
            if expected_etag is not None and expected_etag.strip('"').lower() != etag:
                raise ObjectStoreError(422, f"ETag mismatch: client sent {expected_etag}, body MD5 is {etag}")
            if self._inline is None:
                final = self._store.blob_path(self.blob)
                self._store._place(self._tmp_path, final)
        except BaseException:
            self.abort()
            raise
        inline = None if self._inline is None else bytes(self._inline)
        self._inline = None
        return Sealed(
            self.container,
            self.name,
            self.size,
            etag,
            content_type,
            metadata or {},
            manifest,
            "" if inline is not None else self.blob,
            inline,
            final,
        )


def iter_ranges(opened: Opened, start: int, end: int | None) -> Iterator[bytes]:
    """Yield bytes ``[start, end)`` of the concatenated sources, closing each file once read and all of them at the
    end (also when the consumer stops early)."""
    try:
        total = sum(p[1] for p in opened)
        end = total if end is None else min(end, total)
        offset = 0
        for fh, size in opened:
            lo, hi = max(start - offset, 0), min(end - offset, size)
            offset += size
            if hi <= lo:
                continue
            if isinstance(fh, bytes):
                yield fh[lo:hi]
                continue
            pos = lo
            while pos < hi:
                chunk = fh.pread(min(READ_CHUNK, hi - pos), pos)
                if not chunk:
                    break
                pos += len(chunk)
                yield chunk
            fh.close()
    finally:
        close_all(opened)
