"""Archive auto-extraction (Swift's bulk middleware, ``PUT ...?extract-archive=tar|tar.gz|tar.bz2``): a tar stream
read one member at a time, each regular file stored as an object (small ones packed into shared files, recorded a
batch per transaction), bounded by ``ArchiveLimits`` (413 past a limit), pax extended attributes checked as Swift
checks metadata headers, the outcome rendered in Swift's bulk response format (``ExtractResult``)."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import tarfile
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from easymaker.local.home import DISK_FULL_MESSAGE, disk_full
from easymaker.local.swift.bodies import Pack, PutWriter, Sealed
from easymaker.local.swift.records import (
    MAX_CONTAINER_BYTES,
    MAX_NAME_BYTES,
    READ_CHUNK,
    BinaryReader,
    ObjectStoreError,
)

if TYPE_CHECKING:
    from easymaker.local.swift.store import ObjectStore

logger = logging.getLogger("easymaker.local.swift")


def extract_archive(
    store: ObjectStore,
    tenant: str,
    base: str,
    stream: BinaryReader,
    *,
    compression: str = "",
    metadata: dict[str, str] | None = None,
    limits: ArchiveLimits | None = None,
) -> ExtractResult:
    """Store every regular file of the tar ``stream`` as an object, as Swift's ``?extract-archive=`` does.

    ``base`` is ``<container>[/<prefix>]`` (or ``""``: each member's first path segment is its container and
    members at the top level are ignored); a member ``a/b`` becomes ``<base>/a/b`` after a leading ``./`` and
    leading slashes are removed. The archive is read as a stream, one member at a time; each member is stored
    with its MD5 as ETag, its content type from the ``user.mime_type`` extended attribute and metadata from
    ``metadata`` plus ``user.meta.*`` attributes. A member that cannot be stored is reported in ``errors`` as
    ``[quoted path, status]`` and the others are still stored. ``compression`` is ``""``, ``"gz"`` or ``"bz2"``.

    ``limits`` (default: the store's ``archive_limits``) bound the member count, the bytes extracted and how
    much they may exceed the bytes received (a "zip bomb"): past a limit extraction stops with status 413 and a
    body naming the limit; members stored before are kept, the member being extracted is not.
    """
    base = base.rstrip("/")
    limits = limits or store.archive_limits
    stream = CountingReader(stream)
    members = 0
    expanded = 0
    result = ExtractResult()
    pending: list[Sealed] = []
    pending_bytes = 0
    bad_gateway = False
    pack: Pack | None = None  # small members are written back to back into one file per flush

    def flush() -> None:
        nonlocal pending_bytes, bad_gateway, pack
        batch, current = list(pending), pack
        pending.clear()
        pending_bytes, pack = 0, None
        if not batch:
            if current is not None:
                current.abort()
            return
        try:
            if current is not None:
                current.seal()
            store._record_sealed(tenant, batch)
            result.created += len(batch)
        except (sqlite3.Error, OSError) as exc:
            logger.warning("could not record %d extracted objects: %s", len(batch), exc)
            if current is not None:
                current.abort()
                current.final.unlink(missing_ok=True)
            bad_gateway = True
            for it in batch:
                status = 507 if disk_full(exc) else 503
                result.errors.append([_error_path(f"{it.container}/{it.name}"), status_line(status)])

    try:
        tar = tarfile.open(mode="r|" + compression, fileobj=stream, bufsize=_TAR_BUFSIZE)  # type: ignore[call-overload]
        while len(result.errors) < MAX_FAILED_EXTRACTIONS:
            member = tar.next()
            if member is None:
                break
            members += 1
            if members > limits.members:
                raise _ArchiveTooLarge(f"the archive has more than {limits.members} members (limit: members)")
            if not member.isfile():
                continue  # directories, links, devices: not objects
            path = member.name
            if path.startswith("./"):
                path = path[2:]
            path = path.lstrip("/")
            if base:
                path = f"{base}/{path}"
            if "/" not in path:
                continue  # a top-level file of an account-level archive has no container
            shown = _error_path(path)
            try:
                path.encode("utf-8")
                valid = "\x00" not in path
            except UnicodeEncodeError:
                valid = False
            if not valid:
                result.errors.append([shown, status_line(412)])
                continue
            if member.size > MAX_FILE_SIZE:
                result.errors.append([shown, status_line(413)])
                continue
            container, _, name = path.partition("/")
            try:
                store._check_put(tenant, container, name)
            except ObjectStoreError as exc:
                result.errors.append([shown, status_line(exc.status)])
                continue
            try:
                ctype, meta = _pax_attributes(member.pax_headers, metadata or {})
            except ObjectStoreError as exc:
                result.errors.append([shown, status_line(exc.status)])
                result.body = str(exc)
                continue
            if expanded + member.size > limits.total_bytes:
                raise _ArchiveTooLarge(
                    f"the archive's files hold more than {limits.total_bytes} bytes (limit: total size)"
                )
            body = tar.extractfile(member)
            assert body is not None

            def counted(chunk: bytes) -> bytes:
                nonlocal expanded
                expanded += len(chunk)
                limits.check_expansion(expanded, stream.received)
                return chunk

            if member.size <= PACK_MEMBER_MAX:
                if pack is None:
                    pack = Pack(store)
                start, md5 = pack.size, hashlib.md5()
                while chunk := counted(body.read(READ_CHUNK)):
                    md5.update(chunk)
                    pack.write(chunk)
                if pack.size - start != member.size:
                    result.errors.append([shown, status_line(499)])
                    continue
                sealed = Sealed(
                    container, name, member.size, md5.hexdigest(), ctype, meta, None, pack.blob, None, None, start
                )
            else:
                writer = PutWriter(store, tenant, container, name)
                try:
                    while chunk := counted(body.read(READ_CHUNK)):
                        writer.write(chunk)
                    sealed = writer.seal(content_type=ctype, metadata=meta, expected_size=member.size)
                except ObjectStoreError as exc:
                    writer.abort()
                    result.errors.append([shown, status_line(exc.status)])
                    continue
                except BaseException:
                    writer.abort()
                    raise
            pending.append(sealed)
            pending_bytes += member.size
            if len(pending) >= _RECORD_BATCH or pending_bytes >= _RECORD_BATCH_BYTES:
                flush()
        flush()
        if result.errors:
            result.status = status_line(502 if bad_gateway else 400)
        elif not result.created:
            result.status = status_line(400)
            result.body = "Invalid Tar File: No Valid Files"
    except (tarfile.TarError, zlib.error, EOFError) as exc:
        flush()
        result.status = status_line(400)
        result.body = f"Invalid Tar File: {exc}"
    except OSError as exc:
        if not disk_full(exc):
            raise
        flush()
        result.status = status_line(507)
        result.body = DISK_FULL_MESSAGE
    except _ArchiveTooLarge as exc:
        flush()  # members received whole are kept; the one cut short was never added
        result.status = status_line(413)
        result.body = f"Archive refused: {exc}"
    finally:
        flush()  # members received whole are kept, as Swift keeps each member it has stored
    return result


class _ArchiveTooLarge(Exception):
    """An archive passed one of its ``ArchiveLimits``; the message names the limit."""


@dataclass(frozen=True)
class ArchiveLimits:
    """What one ``?extract-archive=`` request may put into the store.

    ``expansion_ratio`` bounds extracted bytes per byte received once more than ``ratio_after_bytes`` were
    extracted (small archives of repetitive files compress well and are harmless; a gzip "bomb" of zeros expands
    a thousandfold)."""

    members: int = 1_000_000
    total_bytes: int = 100 * 1024**3
    expansion_ratio: float = 100.0
    ratio_after_bytes: int = 32 * 1024 * 1024

    def check_expansion(self, extracted: int, received: int) -> None:
        if extracted > self.total_bytes:
            raise _ArchiveTooLarge(f"the archive's files hold more than {self.total_bytes} bytes (limit: total size)")
        if extracted > self.ratio_after_bytes and extracted > self.expansion_ratio * max(received, 1):
            raise _ArchiveTooLarge(
                f"the archive expands more than {self.expansion_ratio:g} times (limit: expansion ratio; "
                f"{extracted} bytes extracted from {received} received)"
            )


class CountingReader:
    """Counts the bytes read from an archive stream (to compare with the bytes extracted from it)."""

    def __init__(self, stream: BinaryReader) -> None:
        self._stream = stream
        self.received = 0

    def read(self, n: int = -1, /) -> bytes:
        data = self._stream.read(n)
        self.received += len(data)
        return data


ARCHIVE_FORMATS = {"tar": "", "tar.gz": "gz", "tar.bz2": "bz2"}  # ?extract-archive= values, as in Swift
MAX_FILE_SIZE = 5 * 1024**3  # Swift's max_file_size: larger members are refused (413)
MAX_FAILED_EXTRACTIONS = 1000  # Swift's default: extraction stops after this many failed members
_MAX_ERROR_PATH = MAX_NAME_BYTES + MAX_CONTAINER_BYTES + 2
_TAR_BUFSIZE = 32 * 1024
_RECORD_BATCH = 256  # extracted objects recorded per SQLite transaction
_RECORD_BATCH_BYTES = 8 * 1024 * 1024  # ... or once this many body bytes wait to be recorded
PACK_MEMBER_MAX = 1024 * 1024  # extracted members up to this size share pack files
_REASONS = {
    200: "OK",
    201: "Created",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    406: "Not Acceptable",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Request Entity Too Large",
    422: "Unprocessable Entity",
    499: "Client Disconnect",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    507: "Insufficient Storage",
}


# Swift's metadata limits (swift.common.constraints), applied to what an archive member's pax headers carry
MAX_META_NAME_LENGTH = 128
MAX_META_VALUE_LENGTH = 256
MAX_META_COUNT = 90
MAX_META_OVERALL_SIZE = 4096
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # an HTTP header name (RFC 9110 token)
_MEDIA_TYPE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*;[\x20-\x7e]*)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _pax_attributes(pax: dict[str, str], base: dict[str, str]) -> tuple[str | None, dict[str, str]]:
    """The content type and metadata an archive member's ``user.mime_type`` / ``user.meta.*`` extended attributes
    give, checked as Swift checks metadata headers: these become HTTP response headers, so a value that is not a
    valid header (a line break, a control character, a name that is no token, a media type that is not ASCII) or
    that breaks Swift's size limits refuses the member (400) instead of making the object unreadable."""
    ctype: str | None = None
    meta = dict(base)
    for key, value in pax.items():
        for vendor in ("SCHILY.xattr.user.", "LIBARCHIVE.xattr.user."):
            if key == f"{vendor}mime_type":
                if len(value) > MAX_META_VALUE_LENGTH or not _MEDIA_TYPE.match(value):
                    raise ObjectStoreError(400, f"pax header {key}: not a valid media type (ASCII type/subtype)")
                ctype = value
            elif key.startswith(f"{vendor}meta.") and len(key) > len(vendor) + 5:
                name = key[len(vendor) + 5 :]
                if len(name) > MAX_META_NAME_LENGTH or not _TOKEN.match(name):
                    raise ObjectStoreError(
                        400, f"pax header {key}: the metadata name must be an HTTP token of at most "
                        f"{MAX_META_NAME_LENGTH} characters",
                    )  # fmt: skip
                try:
                    encoded = value.encode("utf-8")
                except UnicodeEncodeError:
                    encoded = b"\n"  # not UTF-8 in the archive: refused like a control character
                if len(encoded) > MAX_META_VALUE_LENGTH or _CONTROL.search(value) or b"\n" == encoded:
                    raise ObjectStoreError(
                        400, f"pax header {key}: the value must be at most {MAX_META_VALUE_LENGTH} bytes without "
                        "line breaks or control characters",
                    )  # fmt: skip
                meta[name.lower()] = value
    if len(meta) > MAX_META_COUNT or sum(len(k) + len(v) for k, v in meta.items()) > MAX_META_OVERALL_SIZE:
        raise ObjectStoreError(
            400, f"pax headers user.meta.*: more than {MAX_META_COUNT} items or {MAX_META_OVERALL_SIZE} bytes in all"
        )
    return ctype, meta


def status_line(code: int) -> str:
    return f"{code} {_REASONS.get(code, 'Error')}"


def _error_path(path: str) -> str:
    """A failed member's path as Swift reports it: UTF-8, cut to the longest valid path, URL-quoted."""
    raw = path.encode("utf-8", "surrogateescape")[:_MAX_ERROR_PATH]
    return quote(raw, safe="/")


def archive_compression(fmt: str) -> str | None:
    """The tarfile compression for an ``extract-archive`` value (``tar``, ``tar.gz``, ``tar.bz2``), else None."""
    return ARCHIVE_FORMATS.get(fmt.lower().strip("."))


@dataclass
class ExtractResult:
    """The outcome of an archive extraction, in the shape of Swift's bulk middleware response."""

    created: int = 0
    errors: list[list[str]] = field(default_factory=list)
    status: str = "201 Created"
    body: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "Response Status": self.status,
            "Response Body": self.body,
            "Number Files Created": self.created,
            "Errors": self.errors,
        }

    def render(self, content_type: str) -> bytes:
        """The response body for ``application/json``, ``application/xml``/``text/xml`` or ``text/plain``."""
        doc = self.as_dict()
        if content_type == "application/json":
            return json.dumps(doc).encode("ascii")
        if content_type.endswith("/xml"):
            from xml.sax.saxutils import escape

            lines = ["<extract>\n"]
            for key in sorted(k for k in doc if k != "Errors"):
                tag = key.replace(" ", "_").lower()
                lines.append(f"<{tag}>{escape(str(doc[key]))}</{tag}>\n")
            lines.append("<errors>\n")
            for name, status in self.errors:
                lines.append(f"<object><name>{escape(name)}</name><status>{escape(status)}</status></object>\n")
            lines.append("</errors>\n</extract>\n")
            return "".join(lines).encode("utf-8")
        lines = [f"{k}: {doc[k]}\n" for k in sorted(k for k in doc if k != "Errors")]
        lines.append("Errors:\n")
        lines += [f"{name}, {status}\n" for name, status in self.errors]
        return "".join(lines).encode("utf-8")
