"""What the Swift routes share on the wire: ``swift_response`` (a Starlette response carrying exactly the headers
Swift sends: a Content-Length always, also on HEAD and 204; a header value that is not Latin-1, such as UTF-8 object
metadata, sent as its UTF-8 bytes), the request headers as one dict and an object's response headers."""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import Scope

from easymaker.local.swift.records import ObjectInfo

TEXT = "text/plain; charset=utf-8"


def latin1(value: str) -> bytes:
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


def raw_headers(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(k.encode("latin-1"), latin1(v)) for k, v in headers]


class RawResponse(Response):
    """A whole answer whose raw headers the caller built (Starlette's own would add no Content-Length to a 204
    and the length of the empty body to a HEAD)."""

    def __init__(self, status: int, head: list[tuple[bytes, bytes]], body: bytes) -> None:
        super().__init__(body, status_code=status)
        self.raw_headers = head


def swift_response(
    status: int,
    body: bytes,
    method: str,
    *,
    content_type: str = TEXT,
    extra: list[tuple[str, str]] | None = None,
) -> RawResponse:
    """``body`` (not sent for HEAD, while its length is) with ``content_type`` and ``extra`` headers."""
    head = [(b"content-length", str(len(body)).encode()), (b"content-type", content_type.encode())]
    if extra:
        head += raw_headers(extra)
    return RawResponse(status, head, b"" if method == "HEAD" else body)


def header_dict(scope: Scope) -> dict[str, str]:
    """The request headers by lower-case name (a repeated header: its last value), read from the ASGI scope (a
    Starlette ``Headers`` built first would cost more than the dict)."""
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def meta_from_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k[len("x-object-meta-") :]: v for k, v in headers.items() if k.startswith("x-object-meta-")}


def object_headers(info: ObjectInfo) -> list[tuple[str, str]]:
    h = [
        ("etag", info.etag),
        ("last-modified", info.last_modified_http),
        ("x-timestamp", info.x_timestamp),
        ("content-type", info.content_type),
        ("accept-ranges", "bytes"),
    ]
    if info.manifest is not None:
        h.append(("x-object-manifest", info.manifest))
    for k, v in info.metadata.items():
        h.append((f"x-object-meta-{k}", v))
    return h
