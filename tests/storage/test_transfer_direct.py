"""The lean GET path of easymaker.storage (keep-alive HTTP/1.1 connections, readinto into reused buffers) against a small
Swift-like HTTP/1.1 server on 127.0.0.1 that can cut a body, lie about an ETag and reject a token."""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from easymaker.storage import ObjectStorage, StorageRequestError, TransferError
from easymaker.storage.direct import BodyCut, DirectGetPool
from easymaker.storage.transfer import SwiftTransfer
from easymaker.storage.uri import parse_obs_uri

MiB = 1024 * 1024


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    port: int  # the client's source port: one per TCP connection


@dataclass
class FakeSwift:
    """State of the fake server: objects of container ``c`` of tenant ``t`` and what it saw."""

    objects: dict[str, bytes] = field(default_factory=dict)
    etag_override: dict[str, str] = field(default_factory=dict)
    meta_md5: dict[str, str] = field(default_factory=dict)
    cut_after: int | None = None  # the next object GET sends this many body bytes, then the connection drops
    fail_next: list[int] = field(default_factory=list)  # statuses answered to the next object GETs
    valid_tokens: set[str] = field(default_factory=lambda: {"tok"})
    rejected_by_objects: set[str] = field(default_factory=set)  # tokens refused for object GETs only
    seen: list[Seen] = field(default_factory=list)
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def object_gets(self) -> list[Seen]:
        return [s for s in self.seen if s.method == "GET" and s.path.startswith("/v1/AUTH_t/c/")]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: FakeSwift

    def setup(self) -> None:
        super().setup()
        with self.state.lock:
            self.state.connections += 1

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        st = self.state
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        with st.lock:
            st.seen.append(Seen("GET", path, {k.lower(): v for k, v in self.headers.items()}, self.client_address[1]))
        if self.headers.get("X-Auth-Token") not in st.valid_tokens:
            self._send(401, b"Unauthorized")
            return
        if path == "/v1/AUTH_t/c":
            q = {k: v[0] for k, v in parse_qs(parts.query).items()}
            names = sorted(n for n in st.objects if n.startswith(q.get("prefix", "")) and n > q.get("marker", ""))
            names = names[: int(q.get("limit", "10000"))]
            listing = [
                {"name": n, "bytes": len(st.objects[n]), "hash": hashlib.md5(st.objects[n]).hexdigest()} for n in names
            ]
            self._send(200, json.dumps(listing).encode(), {"Content-Type": "application/json"})
            return
        name = path[len("/v1/AUTH_t/c/") :]
        if self.headers.get("X-Auth-Token") in st.rejected_by_objects:
            self._send(401, b"Unauthorized")
            return
        if name not in st.objects:
            self._send(404, b"Not Found")
            return
        with st.lock:
            fail = st.fail_next.pop(0) if st.fail_next else None
        if fail is not None:
            self._send(fail, b"failure body", {"Location": "/elsewhere"} if fail == 302 else {})
            return
        data = st.objects[name]
        etag = st.etag_override.get(name, hashlib.md5(data).hexdigest())
        headers = {"ETag": etag, "X-Timestamp": "1700000000.00000"}
        if name in st.meta_md5:
            headers["X-Object-Meta-Md5"] = st.meta_md5[name]
        status, body = 200, data
        rng = self.headers.get("Range")
        if rng:
            start = int(rng.removeprefix("bytes=").rstrip("-"))
            status, body = 206, data[start:]
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        with st.lock:
            cut, st.cut_after = st.cut_after, None
        if cut is None:
            self._send(status, body, headers)
            return
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:cut])
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def _serve(tls: ssl.SSLContext | None = None) -> Iterator[tuple[FakeSwift, str]]:
    state = FakeSwift()
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state, f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def fake() -> Iterator[tuple[FakeSwift, str]]:
    with _serve() as served:
        yield served


def _storage(url: str, tokens: list[str] | None = None, **kw: Any) -> ObjectStorage:
    handed = iter(tokens or [])

    def provider(tenant: str) -> tuple[str, float]:
        return next(handed, "tok"), time.time() + 3600

    return ObjectStorage(token_provider=provider, swift_endpoint=url, **kw)


URI = "obs://h/v1/AUTH_t/c"


def test_objects_come_through_the_direct_pool_and_reuse_one_connection(
    fake: tuple[FakeSwift, str], tmp_path: Path
) -> None:
    state, url = fake
    files = {f"d/f{i}.bin": os.urandom(2 * MiB + i) for i in range(3)}
    files["d/small.txt"] = b"small body"
    files["d/empty"] = b""
    state.objects.update(files)
    with _storage(url, max_workers=1) as st:
        assert st.direct is not None
        res = st.download(f"{URI}/d", tmp_path / "o", show_progress=False)
        assert st.direct.opened == 1  # every object GET of the one worker thread used one keep-alive connection
        st.download(f"{URI}/d/f0.bin", tmp_path / "again", show_progress=False)
        assert st.direct.opened == 1  # and the next call reuses it too
    assert res.bytes_transferred == sum(map(len, files.values())) and not res.failures
    for name, data in files.items():
        assert (tmp_path / "o" / name.removeprefix("d/")).read_bytes() == data
    assert (tmp_path / "again" / "f0.bin").read_bytes() == files["d/f0.bin"]
    gets = state.object_gets()
    assert len(gets) == 6 and len({g.port for g in gets}) == 1
    for g in gets:  # only the Swift token, no other credential, no compression asked for
        assert g.headers["x-auth-token"] == "tok"
        assert "authorization" not in g.headers and "range" not in g.headers
        assert g.headers.get("accept-encoding", "identity") == "identity"
    assert not list((tmp_path / "o").glob(".*.emdownload"))


def test_cut_body_is_resumed_with_range(fake: tuple[FakeSwift, str], tmp_path: Path) -> None:
    state, url = fake
    body = os.urandom(5 * MiB + 3)
    state.objects["big.bin"] = body
    state.cut_after = 1_300_000
    with _storage(url) as st:
        st.download(f"{URI}/big.bin", tmp_path / "o", show_progress=False)
        assert st.direct is not None and st.direct.opened == 2  # the cut connection was not given back
    assert (tmp_path / "o" / "big.bin").read_bytes() == body
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["big.bin"]
    first, second = state.object_gets()
    assert "range" not in first.headers
    resumed_at = int(second.headers["range"].removeprefix("bytes=").rstrip("-"))
    assert 0 < resumed_at <= 1_300_000 and first.port != second.port


def test_partial_kept_then_resumed_by_next_call(fake: tuple[FakeSwift, str], tmp_path: Path) -> None:
    state, url = fake
    body = os.urandom(3 * MiB + 17)
    state.objects["blob.bin"] = body
    state.cut_after = 2 * MiB + 100
    with _storage(url) as st:
        engine = SwiftTransfer(st.client, st.tokens, st.endpoint_for, retries=0, sleep=lambda s: None, direct=st.direct)
        with pytest.raises(TransferError) as err:
            engine.download(parse_obs_uri(f"{URI}/blob.bin"), tmp_path / "o", show_progress=False)
        assert "kept" in err.value.failures[0][1]
        partials = list((tmp_path / "o").glob(".*.emdownload"))
        assert len(partials) == 1
        have = partials[0].stat().st_size
        assert 0 < have <= 2 * MiB + 100 and partials[0].read_bytes() == body[:have]
        st.download(f"{URI}/blob.bin", tmp_path / "o", show_progress=False)
    assert (tmp_path / "o" / "blob.bin").read_bytes() == body
    assert not list((tmp_path / "o").glob(".*.emdownload"))
    assert state.object_gets()[-1].headers["range"] == f"bytes={have}-"


def test_etag_and_manifest_md5_mismatch_detected(fake: tuple[FakeSwift, str], tmp_path: Path) -> None:
    state, url = fake
    big, small = os.urandom(2 * MiB), b"tiny"
    state.objects.update({"big.bin": big, "small.bin": small, "seg.bin": big, "segok.bin": big})
    state.etag_override.update({"big.bin": "0" * 32, "small.bin": "1" * 32})
    manifest_etag = '"' + "2" * 32 + '"'  # a DLO's quoted ETag: the whole file's MD5 is in X-Object-Meta-Md5
    state.etag_override.update({"seg.bin": manifest_etag, "segok.bin": manifest_etag})
    state.meta_md5.update({"seg.bin": "3" * 32, "segok.bin": hashlib.md5(big).hexdigest()})
    with _storage(url) as st:
        for name in ("big.bin", "small.bin", "seg.bin"):
            with pytest.raises(TransferError) as err:
                st.download(f"{URI}/{name}", tmp_path / "o", show_progress=False)
            assert "MD5" in err.value.failures[0][1]
        st.download(f"{URI}/segok.bin", tmp_path / "o", show_progress=False)
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["segok.bin"]  # nothing else, no partials
    assert (tmp_path / "o" / "segok.bin").read_bytes() == big


def test_rejected_token_is_refreshed_once(fake: tuple[FakeSwift, str], tmp_path: Path) -> None:
    state, url = fake
    body = os.urandom(3 * MiB)
    state.objects["x.bin"] = body
    state.valid_tokens = {"old", "tok"}
    state.rejected_by_objects = {"old"}  # e.g. revoked between the listing and the GET
    with _storage(url, tokens=["old", "tok"]) as st:
        st.download(f"{URI}/x.bin", tmp_path / "o", show_progress=False)
    assert (tmp_path / "o" / "x.bin").read_bytes() == body
    assert [g.headers["x-auth-token"] for g in state.object_gets()] == ["old", "tok"]
    state.rejected_by_objects = {"old", "tok"}
    with _storage(url, tokens=["old", "tok", "old"]) as st, pytest.raises(TransferError, match="rejected the token"):
        st.download(f"{URI}/x.bin", tmp_path / "p", show_progress=False)
    assert [g.headers["x-auth-token"] for g in state.object_gets()][2:] == ["old", "tok"]  # one refresh, no more
    assert not (tmp_path / "p" / "x.bin").exists()


def test_server_errors_retried_404_and_redirect_reported(fake: tuple[FakeSwift, str], tmp_path: Path) -> None:
    state, url = fake
    body = os.urandom(2 * MiB)
    state.objects.update({"x.bin": body, "gone.bin": body, "moved.bin": body})
    state.fail_next = [503, 500]
    with _storage(url) as st:
        engine = SwiftTransfer(st.client, st.tokens, st.endpoint_for, sleep=lambda s: None, direct=st.direct)
        engine.download(parse_obs_uri(f"{URI}/x.bin"), tmp_path / "o", show_progress=False)
        assert (tmp_path / "o" / "x.bin").read_bytes() == body
        for name, status, reason in (("gone.bin", 404, "disappeared"), ("moved.bin", 302, "HTTP 302")):
            state.fail_next = [status]
            with pytest.raises(TransferError, match=reason):
                engine.download(parse_obs_uri(f"{URI}/{name}"), tmp_path / "o", show_progress=False)
        state.fail_next = [503] * 9
        engine.retries = 2
        with pytest.raises(TransferError, match="HTTP 503"):
            engine.download(parse_obs_uri(f"{URI}/gone.bin"), tmp_path / "o", show_progress=False)
        assert st.direct is not None and st.direct.opened == 1  # error bodies were read: the connection stayed
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["x.bin"]
    assert [s.path.rsplit("/", 1)[1] for s in state.object_gets()] == ["x.bin"] * 3 + ["gone.bin", "moved.bin"] + [
        "gone.bin"
    ] * 3


def test_proxy_from_environment_means_httpx(
    fake: tuple[FakeSwift, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state, url = fake
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)

    def pool() -> DirectGetPool:
        return DirectGetPool(connect_timeout=5, read_timeout=5)

    assert pool().usable("http://127.0.0.1:8080/v1/AUTH_t/c/o")
    assert not pool().usable("ftp://127.0.0.1/x")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    assert not pool().usable("https://swift.example/v1/AUTH_t/c/o")
    assert pool().usable("http://swift.example/v1/AUTH_t/c/o")  # that proxy is for https only
    monkeypatch.setenv("NO_PROXY", "swift.example")
    assert pool().usable("https://swift.example/v1/AUTH_t/c/o")
    monkeypatch.setenv("ALL_PROXY", "http://proxy.example:3128")
    assert not pool().usable("http://other.example/x")
    # a proxy that applies to the server: httpx carries the GET, through the proxy
    body = os.urandom(2 * MiB)
    state.objects["p.bin"] = body
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "")
    with _storage(url) as st:
        assert st.direct is not None and not st.direct.usable(f"{url}/v1/AUTH_t/c/p.bin")
        engine = SwiftTransfer(st.client, st.tokens, st.endpoint_for, retries=0, sleep=lambda s: None, direct=st.direct)
        with pytest.raises(StorageRequestError):
            engine.get_object(parse_obs_uri(URI), f"{url}/v1/AUTH_t/c/p.bin", {}, stream=True)
        assert st.direct.opened == 0
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with _storage(url) as st:
        st.download(f"{URI}/p.bin", tmp_path / "o", show_progress=False)
        assert st.direct is not None and st.direct.opened == 1
    assert (tmp_path / "o" / "p.bin").read_bytes() == body


def test_https_certificates_are_verified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "SSL_CERT_DIR"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)
    with _serve(server_tls) as (state, url):
        body = os.urandom(2 * MiB)
        state.objects["s.bin"] = body
        target = f"{url}/v1/AUTH_t/c/s.bin"
        untrusting = DirectGetPool(connect_timeout=5, read_timeout=5, ssl_context=ssl.create_default_context())
        with pytest.raises(ssl.SSLCertVerificationError):
            untrusting.get(target, {"X-Auth-Token": "tok"})
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # read by httpx.create_ssl_context, shared with the pool
        with _storage(url) as st:
            st.download(f"{URI}/s.bin", tmp_path / "o", show_progress=False)
            assert st.direct is not None and st.direct.opened == 1
        assert (tmp_path / "o" / "s.bin").read_bytes() == body
        assert len(state.object_gets()) == 1


@contextlib.contextmanager
def _raw_server(answers: list[bytes]) -> Iterator[tuple[str, list[bytes]]]:
    """A TCP server on 127.0.0.1 that answers each request head it reads with the next of ``answers`` (raw bytes;
    an answer ending in ``b"<close>"`` is sent without it and the connection is closed). Yields (base URL, the
    request heads it read)."""
    srv = socket.create_server(("127.0.0.1", 0))
    heads: list[bytes] = []

    def serve() -> None:
        while answers:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            with conn:
                buf = b""
                while answers:
                    while b"\r\n\r\n" not in buf:
                        got = conn.recv(65536)
                        if not got:
                            break
                        buf += got
                    if b"\r\n\r\n" not in buf:
                        break
                    head, buf = buf.split(b"\r\n\r\n", 1)
                    heads.append(head)
                    answer = answers.pop(0)
                    conn.sendall(answer.removesuffix(b"<close>"))
                    if answer.endswith(b"<close>"):
                        break

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.getsockname()[1]}", heads
    finally:
        srv.close()
        t.join(5)


def test_direct_pool_reads_every_http11_body_framing() -> None:
    """Content-Length, chunked (with extensions and a trailer), an interim 100 answer, a body ending with the
    connection, HTTP/1.0; connections are reused only when the body was read to its framed end."""
    body = os.urandom(300_000)
    chunked = b"".join(f"{n:x};ext=1\r\n".encode() + body[o : o + n] + b"\r\n" for o, n in [(0, 7), (7, 299_993)])
    answers = [
        b"HTTP/1.1 200 OK\r\nContent-Length: 300000\r\nETag: abc\r\nX-Dup: a\r\nx-dup: b\r\n\r\n" + body,
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + chunked
        + b"0\r\nX-Trailer: t\r\n\r\n",
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found",
        b"HTTP/1.1 200 OK\r\n\r\n" + body + b"<close>",
        b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello",
        b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc",
    ]
    pool = DirectGetPool(connect_timeout=5, read_timeout=5, user_agent="ua/1")
    with _raw_server(answers) as (url, heads):
        r = pool.get(f"{url}/v1/a%20b?x=1", {"X-Auth-Token": "tok"})
        assert r.status_code == 200 and r.headers.get("ETAG") == "abc" and r.headers["x-dup"] == "a, b"
        assert r.read() == body
        r.close()
        r = pool.get(f"{url}/2", {})
        view = memoryview(bytearray(100_000))
        got = bytearray()
        while n := r.readinto(view):
            got += view[:n]
        assert r.status_code == 200 and bytes(got) == body
        r.close()
        r = pool.get(f"{url}/3", {})
        assert r.status_code == 404
        r.close()  # the short error body is drained: the connection stays
        assert pool.opened == 1
        r = pool.get(f"{url}/4", {})
        assert r.read() == body  # no length: read to the connection's end, which is not reused
        r.close()
        r = pool.get(f"{url}/5", {})
        assert r.read() == b"hello"
        r.close()  # HTTP/1.0 without keep-alive: not reused either
        r = pool.get(f"{url}/6", {})
        assert r.read() == b"abc"
        r.close()
        assert pool.opened == 3
    first = heads[0].decode("latin-1").split("\r\n")
    assert first[0] == "GET /v1/a%20b?x=1 HTTP/1.1"
    assert {"Host: " + url.removeprefix("http://"), "User-Agent: ua/1", "X-Auth-Token: tok"} <= set(first[1:])
    pool.close()


def test_direct_pool_refuses_bad_heads_and_reports_short_bodies() -> None:
    answers = [
        b"NOT HTTP\r\n\r\n<close>",
        b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n<close>",
        b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc<close>",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab<close>",
    ]
    pool = DirectGetPool(connect_timeout=5, read_timeout=5)
    with _raw_server(answers) as (url, _):
        for _ in range(2):
            with pytest.raises(http.client.HTTPException):
                pool.get(f"{url}/x", {})
        r = pool.get(f"{url}/x", {})
        with pytest.raises(BodyCut, match="7 bytes before the end"):
            r.read()
        r.close()
        r = pool.get(f"{url}/x", {})
        with pytest.raises(BodyCut):
            r.read()
        r.close()
        assert pool.opened == 4  # no broken connection went back to the pool
    with pytest.raises(ValueError, match="X-Bad"):
        pool.get(f"{url}/x", {"X-Bad": "a\r\nInjected: 1"})
    with pytest.raises(ValueError, match="target"):
        pool.get("http://127.0.0.1:1/a b", {})
    pool.close()
