"""EasyMaker Local's Object Storage over real HTTP (uvicorn on 127.0.0.1): Swift subset and Keystone tokens."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import tarfile
import time
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from polling import wait_until
from swift_server import MASTER_TOKEN, LocalStoreServer, keystone_auth, run_local_store

T = "tenant1"


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[LocalStoreServer]:
    with run_local_store(tmp_path / "home") as srv:
        yield srv


@pytest.fixture()
def client(server: LocalStoreServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{server.url}/v1/AUTH_{T}", headers={"X-Auth-Token": MASTER_TOKEN}) as c:
        yield c


def _quote(name: str) -> str:
    from urllib.parse import quote

    return "/".join("%2E" * len(p) if p in (".", "..") else quote(p, safe="") for p in name.split("/"))


def test_put_get_head_delete_roundtrip(client: httpx.Client) -> None:
    body = os.urandom(300_000)
    r = client.put("/c/dir/file.bin", content=body, headers={"Content-Type": "x/y", "X-Object-Meta-Color": "blue"})
    assert r.status_code == 201
    assert r.headers["etag"] == hashlib.md5(body).hexdigest()
    g = client.get("/c/dir/file.bin")
    assert g.status_code == 200 and g.content == body
    assert g.headers["content-type"] == "x/y"
    assert g.headers["x-object-meta-color"] == "blue"
    assert g.headers["content-length"] == str(len(body))
    assert float(g.headers["x-timestamp"]) > 0 and "GMT" in g.headers["last-modified"]
    h = client.head("/c/dir/file.bin")
    assert h.status_code == 200 and h.headers["content-length"] == str(len(body)) and h.content == b""
    assert client.delete("/c/dir/file.bin").status_code == 204
    assert client.get("/c/dir/file.bin").status_code == 404
    assert client.delete("/c/dir/file.bin").status_code == 404


def test_streamed_chunked_put_and_empty_object(client: httpx.Client) -> None:
    parts = [os.urandom(700_000) for _ in range(5)]
    r = client.put("/c/chunked", content=iter(parts))  # chunked transfer encoding
    assert r.status_code == 201 and r.headers["etag"] == hashlib.md5(b"".join(parts)).hexdigest()
    assert client.get("/c/chunked").content == b"".join(parts)
    assert client.put("/c/empty", content=b"").status_code == 201
    g = client.get("/c/empty")
    assert g.status_code == 200 and g.content == b"" and g.headers["etag"] == hashlib.md5(b"").hexdigest()


def test_client_etag_mismatch_is_rejected_and_nothing_stored(client: httpx.Client) -> None:
    assert client.put("/c/x", content=b"old").status_code == 201
    r = client.put("/c/x", content=b"new body", headers={"ETag": hashlib.md5(b"other").hexdigest()})
    assert r.status_code == 422
    assert client.get("/c/x").content == b"old"
    ok = client.put("/c/x", content=b"new body", headers={"ETag": hashlib.md5(b"new body").hexdigest()})
    assert ok.status_code == 201 and client.get("/c/x").content == b"new body"


@pytest.mark.parametrize(
    "name",
    ["a/../../escape.txt", "/abs", "a\\b", "한글/파일 이름.txt", "we#ird?na%me&x=1", "../../../../etc/passwd", "./."],
)
def test_hostile_names_are_stored_inside_the_home(server: LocalStoreServer, client: httpx.Client, name: str) -> None:
    body = name.encode() * 3 + os.urandom(200_000)  # above the inline limit: kept as a data file
    assert client.put(f"/c/{_quote(name)}", content=body).status_code == 201
    assert client.get(f"/c/{_quote(name)}").content == body
    listing = client.get("/c", params={"format": "json"}).json()
    assert [e["name"] for e in listing] == [name]
    home = server.home.resolve()
    for p in home.parent.rglob("*"):
        assert p.resolve().is_relative_to(home), p  # nothing written next to the home
    assert not (home.parent / "escape.txt").exists()
    data_files = [p for p in (home / "objects" / "data").rglob("*") if p.is_file()]
    assert len(data_files) == 1 and data_files[0].read_bytes() == body


def test_auth_required_and_keystone_tokens(server: LocalStoreServer) -> None:
    base = f"{server.url}/v1/AUTH_{T}/c/o"
    assert httpx.put(base, content=b"x").status_code == 401
    assert httpx.put(base, content=b"x", headers={"X-Auth-Token": "bogus"}).status_code == 401
    bad = httpx.post(f"{server.url}/v2.0/tokens", json={"auth": {"tenantId": T}})
    assert bad.status_code == 400 and "passwordCredentials" in bad.text
    r = httpx.post(
        f"{server.url}/v2.0/tokens",
        json=keystone_auth(T),
    )
    assert r.status_code == 200
    tok = r.json()["access"]["token"]
    assert tok["tenant"]["id"] == T
    expires = time.mktime(time.strptime(tok["expires"], "%Y-%m-%dT%H:%M:%SZ")) - time.timezone
    assert 86000 < expires - time.time() <= 86400
    assert httpx.put(base, content=b"x", headers={"X-Auth-Token": tok["id"]}).status_code == 201
    other = f"{server.url}/v1/AUTH_other/c/o"
    assert httpx.put(other, content=b"x", headers={"X-Auth-Token": tok["id"]}).status_code == 401
    assert httpx.put(other, content=b"x", headers={"X-Auth-Token": MASTER_TOKEN}).status_code == 201


def test_tokens_expire(tmp_path: Path) -> None:
    with run_local_store(tmp_path / "home", token_ttl=0.5) as srv:
        r = httpx.post(
            f"{srv.url}/v2.0/tokens",
            json=keystone_auth(T),
        )
        tok = r.json()["access"]["token"]["id"]
        url = f"{srv.url}/v1/AUTH_{T}/c/o"
        assert httpx.put(url, content=b"x", headers={"X-Auth-Token": tok}).status_code == 201
        wait_until(
            lambda: httpx.head(url, headers={"X-Auth-Token": tok}).status_code == 401,
            timeout=5,
            what="the token's expiry",
        )


def test_range_requests(client: httpx.Client) -> None:
    body = bytes(range(256)) * 40
    client.put("/c/r", content=body)
    r = client.get("/c/r", headers={"Range": "bytes=10-19"})
    assert r.status_code == 206 and r.content == body[10:20]
    assert r.headers["content-range"] == f"bytes 10-19/{len(body)}"
    r = client.get("/c/r", headers={"Range": "bytes=10000-"})
    assert r.status_code == 206 and r.content == body[10000:]
    r = client.get("/c/r", headers={"Range": "bytes=-5"})
    assert r.status_code == 206 and r.content == body[-5:]
    r = client.get("/c/r", headers={"Range": f"bytes={len(body)}-"})
    assert r.status_code == 416 and r.headers["content-range"] == f"bytes */{len(body)}"


def test_dynamic_large_object(client: httpx.Client) -> None:
    segs = [os.urandom(1000 + i) for i in range(3)]
    for i, s in enumerate(segs):
        assert client.put(f"/c_segments/big/u1/{i:08d}", content=s).status_code == 201
    client.put("/c_segments/big/u10/00000000", content=b"sibling-not-included")  # prefix boundary via trailing /
    r = client.put("/c/big", content=b"", headers={"X-Object-Manifest": "c_segments/big/u1/"})
    assert r.status_code == 201
    whole = b"".join(segs)
    g = client.get("/c/big")
    assert g.content == whole
    assert g.headers["x-object-manifest"] == "c_segments/big/u1/"
    expected = hashlib.md5("".join(hashlib.md5(s).hexdigest() for s in segs).encode()).hexdigest()
    assert g.headers["etag"] == f'"{expected}"'
    h = client.head("/c/big")
    assert h.headers["content-length"] == str(len(whole))
    r = client.get("/c/big", headers={"Range": "bytes=990-2010"})
    assert r.status_code == 206 and r.content == whole[990:2011]
    listing = client.get("/c", params={"format": "json"}).json()
    assert listing[0]["name"] == "big" and listing[0]["bytes"] == 0


def test_container_listing(client: httpx.Client) -> None:
    names = ["a", "b/1", "b/2", "b/c/3", "b2", "d", "é", "z/"]
    for n in names:
        assert client.put(f"/list/{_quote(n)}", content=n.encode()).status_code == 201
    assert client.get("/list").text.splitlines() == sorted(names)
    assert client.get("/list", params={"prefix": "b/"}).text.splitlines() == ["b/1", "b/2", "b/c/3"]
    assert client.get("/list", params={"marker": "b/2", "limit": "2"}).text.splitlines() == ["b/c/3", "b2"]
    assert client.get("/list", params={"end_marker": "b/2"}).text.splitlines() == ["a", "b/1"]
    assert client.get("/list", params={"delimiter": "/"}).text.splitlines() == ["a", "b/", "b2", "d", "z/", "é"]
    js = client.get("/list", params={"delimiter": "/", "prefix": "b/", "format": "json"}).json()
    assert js[:2] == [
        {
            "name": "b/1",
            "bytes": 3,
            "hash": hashlib.md5(b"b/1").hexdigest(),
            "last_modified": js[0]["last_modified"],
            "content_type": "application/octet-stream",
        },
        {
            "name": "b/2",
            "bytes": 3,
            "hash": hashlib.md5(b"b/2").hexdigest(),
            "last_modified": js[1]["last_modified"],
            "content_type": "application/octet-stream",
        },
    ]
    assert js[2] == {"subdir": "b/c/"}
    assert client.get("/list", params={"limit": "10001"}).status_code == 412
    assert client.get("/list", params={"prefix": "nothing"}).status_code == 204
    assert client.get("/list", params={"prefix": "nothing", "format": "json"}).json() == []


def test_listing_pages_over_the_limit(server: LocalStoreServer, client: httpx.Client) -> None:
    store = server.app.store
    for i in range(10_050):
        w = store.begin_put(T, "many", f"f{i:05d}")
        w.commit()
    first = client.get("/many").text.splitlines()
    assert len(first) == 10_000 and first[-1] == "f09999"
    second = client.get("/many", params={"marker": first[-1]}).text.splitlines()
    assert second[0] == "f10000" and len(second) == 50


def test_containers(client: httpx.Client) -> None:
    assert client.head("/nope").status_code == 404
    assert client.put("/newc").status_code == 201
    assert client.put("/newc").status_code == 202
    assert client.head("/newc").headers["x-container-object-count"] == "0"
    client.put("/newc/o", content=b"abc")
    h = client.head("/newc")
    assert h.headers["x-container-object-count"] == "1" and h.headers["x-container-bytes-used"] == "3"
    assert client.delete("/newc").status_code == 409
    client.delete("/newc/o")
    assert client.delete("/newc").status_code == 204
    assert client.get("/nope").status_code == 404
    assert client.get("").text.splitlines() == []


def test_interrupted_put_stores_nothing(server: LocalStoreServer) -> None:
    import socket

    host, port = server.url.removeprefix("http://").split(":")
    with httpx.Client(headers={"X-Auth-Token": MASTER_TOKEN}) as client:
        client.put(f"{server.url}/v1/AUTH_{T}/c/victim", content=b"original")
        s = socket.create_connection((host, int(port)))
        s.sendall(
            f"PUT /v1/AUTH_{T}/c/victim HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {MASTER_TOKEN}\r\n"
            "Content-Length: 1000000\r\n\r\n".encode()
            + b"x" * 300_000
        )
        s.close()
        tmp = server.home / "objects" / "tmp"
        # the server drops the partial body once it sees the disconnect
        wait_until(lambda: not any(tmp.iterdir()), timeout=5, what="the partial body dropped")
        assert client.get(f"{server.url}/v1/AUTH_{T}/c/victim").content == b"original"


def test_state_survives_restart_and_db_is_wal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with run_local_store(home) as srv:
        httpx.put(f"{srv.url}/v1/AUTH_{T}/c/keep", content=b"kept", headers={"X-Auth-Token": MASTER_TOKEN})
    (home / "objects" / "tmp" / "crash-leftover").write_bytes(b"partial")
    with run_local_store(home) as srv:
        r = httpx.get(f"{srv.url}/v1/AUTH_{T}/c/keep", headers={"X-Auth-Token": MASTER_TOKEN})
        assert r.content == b"kept"
        assert not (home / "objects" / "tmp" / "crash-leftover").exists()
    db = sqlite3.connect(home / "objects" / "index.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_python_api(tmp_path: Path) -> None:
    from easymaker.local.swift import ObjectStore, Subdir

    store = ObjectStore(tmp_path / "objects")
    info = store.put_object(T, "c", "x/y.txt", b"hello", content_type="text/plain", metadata={"k": "v"})
    assert info.etag == hashlib.md5(b"hello").hexdigest() and info.size == 5
    assert b"".join(store.iter_body(T, "c", "x/y.txt", 1, 3)) == b"el"
    src = tmp_path / "src.bin"
    src.write_bytes(os.urandom(3_000_000))
    store.put_object(T, "c", "x/big", src)
    dest = tmp_path / "out" / "big"
    store.get_object_to_path(T, "c", "x/big", dest)
    assert dest.read_bytes() == src.read_bytes()
    assert [o.name for o in store.iter_objects(T, "c", "x/")] == ["x/big", "x/y.txt"]
    assert store.list_objects(T, "c", delimiter="/") == [Subdir("x/")]
    assert store.delete_object(T, "c", "x/big") and not store.delete_object(T, "c", "x/big")
    head = store.head_object(T, "c", "x/y.txt")
    assert head is not None and head.metadata == {"k": "v"} and head.content_type == "text/plain"
    store.close()
    assert json.loads(json.dumps(head.metadata)) == {"k": "v"}


def test_second_engine_on_same_home_keeps_inflight_uploads(tmp_path: Path) -> None:
    from easymaker.local.swift import ObjectStore

    first = ObjectStore(tmp_path / "objects")
    writer = first.begin_put(T, "c", "in-flight")
    writer.write(b"abc")
    second = ObjectStore(tmp_path / "objects")  # e.g. another component opening the same home
    writer.write(b"def")
    writer.commit()
    info = second.head_object(T, "c", "in-flight")
    assert info is not None and info.size == 6
    assert b"".join(second.iter_body(T, "c", "in-flight")) == b"abcdef"
    first.close()
    second.close()


def test_small_bodies_live_in_the_database(server: LocalStoreServer, client: httpx.Client) -> None:
    from easymaker.local.swift.records import INLINE_MAX

    small, edge, big = b"s" * 10, os.urandom(INLINE_MAX), os.urandom(INLINE_MAX + 1)
    for name, body in (("small", small), ("edge", edge), ("big", big)):
        assert client.put(f"/c/{name}", content=body).status_code == 201
    data_files = [p for p in (server.home / "objects" / "data").rglob("*") if p.is_file()]
    assert len(data_files) == 1 and data_files[0].read_bytes() == big
    for name, body in (("small", small), ("edge", edge), ("big", big)):
        assert client.get(f"/c/{name}").content == body
        r = client.get(f"/c/{name}", headers={"Range": "bytes=3-7"})
        assert r.status_code == 206 and r.content == body[3:8]
    # replacing a file body with an inline one (and back) leaves no stray file
    client.put("/c/big", content=b"tiny")
    assert not [p for p in (server.home / "objects" / "data").rglob("*") if p.is_file()]
    client.put("/c/small", content=big)
    client.delete("/c/small")
    assert not [p for p in (server.home / "objects" / "data").rglob("*") if p.is_file()]
    assert client.get("/c/big").content == b"tiny"


# -- archive auto-extraction (?extract-archive=, Swift's bulk middleware) ----------------------------------------


def _tar(members: list[tuple[str, bytes]], mode: str = "w", extra: list[tarfile.TarInfo] | None = None) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
        for info in extra or []:
            tar.addfile(info)
        for name, body in members:
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return buf.getvalue()


def _chunks(data: bytes, size: int = 50_000) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


JSON = {"Accept": "application/json"}


def test_extract_archive_2000_members_and_unicode_names(client: httpx.Client) -> None:
    members = [(f"d{i % 7}/f{i:05d}.bin", os.urandom(i % 3000)) for i in range(2000)]
    members += [
        ("한글/파일 이름.txt", b"unicode body"),
        ("emoji/\U0001f600 x?y#z%.txt", b"e"),
        ("a/" + "é" * 300, b"l"),
    ]
    r = client.put("/c/pre/fix?extract-archive=tar", content=_chunks(_tar(members)), headers=JSON)  # chunked body
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    doc = json.loads(r.text)
    assert doc == {"Response Status": "201 Created", "Response Body": "", "Number Files Created": 2003, "Errors": []}
    listing: dict[str, dict[str, object]] = {}
    marker = ""
    while True:
        page = client.get("/c", params={"format": "json", "prefix": "pre/fix/", "marker": marker}).json()
        listing.update({e["name"]: e for e in page})
        if len(page) < 10000:
            break
        marker = page[-1]["name"]
    assert len(listing) == len(members)
    for name, body in members:
        entry = listing[f"pre/fix/{name}"]
        assert entry["hash"] == hashlib.md5(body).hexdigest() and entry["bytes"] == len(body)
    for name, body in members[-3:] + members[:5]:
        g = client.get(f"/c/pre/fix/{_quote(name)}")
        assert g.status_code == 200 and g.content == body and g.headers["etag"] == hashlib.md5(body).hexdigest()


def test_extract_archive_member_names_follow_swift(client: httpx.Client) -> None:
    link = tarfile.TarInfo("links/l")
    link.type, link.linkname = tarfile.SYMTYPE, "../x"
    folder = tarfile.TarInfo("folder")
    folder.type = tarfile.DIRTYPE
    members = [
        ("./dot/a.txt", b"1"),  # a leading ./ is dropped
        ("/abs/b.txt", b"2"),  # so are leading slashes
        ("x/../y/c.txt", b"3"),  # dot segments are kept as they are (object names, not paths)
        ("long/" + "n" * 1100, b"4"),  # over 1024 bytes: refused
        ("bad/\udcff.txt", b"5"),  # not UTF-8 (a raw 0xff byte in the archive): refused with 412
    ]
    r = client.put("/c2?extract-archive=tar", content=_tar(members, extra=[link, folder]), headers=JSON)
    doc = r.json()
    assert r.status_code == 200 and doc["Number Files Created"] == 3
    assert doc["Response Status"] == "400 Bad Request"
    assert doc["Errors"] == [
        ["c2/long/" + "n" * 1100, "400 Bad Request"],
        ["c2/bad/%FF.txt", "412 Precondition Failed"],
    ]
    names = [e["name"] for e in client.get("/c2", params={"format": "json"}).json()]
    assert names == ["abs/b.txt", "dot/a.txt", "x/../y/c.txt"]
    assert client.get("/c2/x/%2E%2E/y/c.txt").content == b"3"


def test_extract_archive_formats_metadata_and_response_types(client: httpx.Client) -> None:
    members = [("p/one.txt", b"one"), ("p/two.bin", b"two" * 1000)]
    for fmt, mode in (("tar.gz", "w:gz"), ("tar.bz2", "w:bz2"), (".TAR.GZ", "w:gz")):
        r = client.put(f"/z/{fmt.strip('.').lower()}?extract-archive={fmt}", content=_tar(members, mode), headers=JSON)
        assert r.json()["Number Files Created"] == 2, (fmt, r.text)
    assert client.get("/z/tar.bz2/p/two.bin").content == b"two" * 1000
    # metadata: X-Object-Meta-* of the request and user.meta.* / user.mime_type extended attributes
    info = tarfile.TarInfo("m/file")
    info.size = 3
    info.pax_headers = {"SCHILY.xattr.user.mime_type": "text/x-test", "SCHILY.xattr.user.meta.color": "red"}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(info, io.BytesIO(b"abc"))
    r = client.put("/z?extract-archive=tar", content=buf.getvalue(), headers={**JSON, "X-Object-Meta-Batch": "7"})
    assert r.json()["Number Files Created"] == 1
    h = client.head("/z/m/file")
    assert h.headers["content-type"] == "text/x-test"
    assert h.headers["x-object-meta-color"] == "red" and h.headers["x-object-meta-batch"] == "7"
    # response formats: text/plain by default, XML on request, 406 in the body when nothing fits
    plain = client.put("/z?extract-archive=tar", content=_tar([("q/a", b"a")]))
    assert plain.headers["content-type"].startswith("text/plain")
    assert "Number Files Created: 1\n" in plain.text and "Response Status: 201 Created\n" in plain.text
    xml = client.put("/z?extract-archive=tar", content=_tar([("q/a", b"a")]), headers={"Accept": "text/xml"})
    assert "<number_files_created>1</number_files_created>" in xml.text
    none = client.put("/z?extract-archive=tar", content=_tar([("q/a", b"a")]), headers={"Accept": "image/png"})
    assert none.status_code == 200 and "406 Not Acceptable" in none.text
    # bad input
    assert client.put("/z?extract-archive=zip", content=b"x").status_code == 400
    junk = client.put("/z?extract-archive=tar", content=b"not a tar" * 100, headers=JSON).json()
    assert junk["Response Status"] == "400 Bad Request" and junk["Response Body"].startswith("Invalid Tar File")
    empty = client.put("/z?extract-archive=tar", content=_tar([]), headers=JSON).json()
    assert empty["Response Body"] == "Invalid Tar File: No Valid Files" and empty["Number Files Created"] == 0
    cut = client.put("/z/cut?extract-archive=tar", content=_tar([("a", b"x" * 5000), ("b", b"y" * 5000)])[:7000])
    assert "Invalid Tar File" in cut.text
    assert client.get("/z/cut/a").content == b"x" * 5000  # members received whole are kept
    assert client.get("/z/cut/b").status_code == 404


def test_extract_archive_account_level_and_auth(server: LocalStoreServer, client: httpx.Client) -> None:
    body = _tar([("cont-a/x/1", b"1"), ("cont-b/2", b"2"), ("top-level", b"ignored")])
    account = f"{server.url}/v1/AUTH_{T}?extract-archive=tar"
    assert httpx.put(account, content=body).status_code == 401
    assert httpx.put(account, content=body, headers={"X-Auth-Token": "bogus"}).status_code == 401
    r = httpx.put(account, content=body, headers={"X-Auth-Token": MASTER_TOKEN, **JSON})
    assert r.json()["Number Files Created"] == 2
    assert client.get("/cont-a/x/1").content == b"1" and client.get("/cont-b/2").content == b"2"
    tok = httpx.post(
        f"{server.url}/v2.0/tokens",
        json=keystone_auth("other"),
    ).json()["access"]["token"]["id"]
    assert (
        httpx.put(
            f"{server.url}/v1/AUTH_{T}/c?extract-archive=tar", content=body, headers={"X-Auth-Token": tok}
        ).status_code
        == 401
    )


def test_extract_archive_is_streamed(server: LocalStoreServer, client: httpx.Client) -> None:
    """Members are stored while the rest of the archive is still on its way (the body is never held whole)."""
    members = [(f"s/f{i:04d}", os.urandom(1000)) for i in range(600)]
    data = _tar(members)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        cut = tar.getmember("s/f0400").offset  # the first 400 members end here
    seen_early: list[bool] = []

    def body() -> Iterator[bytes]:
        yield from _chunks(data[:cut], 20_000)
        with httpx.Client(base_url=client.base_url, headers={"X-Auth-Token": MASTER_TOKEN}) as probe:
            deadline = time.monotonic() + 30
            while probe.head("/s/s/f0000").status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.05)
            seen_early.append(probe.head("/s/s/f0000").status_code == 200)
            seen_early.append(probe.head("/s/s/f0599").status_code == 404)
        yield from _chunks(data[cut:], 20_000)

    r = client.put("/s?extract-archive=tar", content=body(), headers=JSON)
    assert r.json()["Number Files Created"] == 600
    assert seen_early == [True, True]
    assert client.head("/s/s/f0599").status_code == 200


def test_extracted_members_share_pack_files_until_their_last_object_goes(
    server: LocalStoreServer, client: httpx.Client
) -> None:
    from easymaker.local.swift import ObjectStore
    from easymaker.local.swift.extraction import PACK_MEMBER_MAX

    def data_files() -> list[Path]:
        return sorted(p for p in (server.home / "objects" / "data").rglob("*") if p.is_file())

    members = [(f"m{i}", os.urandom(5000 + i)) for i in range(5)] + [("big", os.urandom(PACK_MEMBER_MAX + 1))]
    r = client.put("/pk?extract-archive=tar", content=_tar(members), headers=JSON)
    assert r.json()["Number Files Created"] == 6
    files = data_files()
    assert len(files) == 2  # one pack for the five small members, one file for the big one
    for name, body in members:
        assert client.get(f"/pk/{name}").content == body
    r = client.get("/pk/m3", headers={"Range": "bytes=10-19"})
    assert r.status_code == 206 and r.content == members[3][1][10:20]
    assert client.delete("/pk/m0").status_code == 204
    assert client.put("/pk/m1", content=b"replaced").status_code == 201  # inline now
    assert data_files() == files  # the pack still holds m2..m4
    assert client.get("/pk/m2").content == members[2][1] and client.get("/pk/m1").content == b"replaced"
    second = ObjectStore(server.home / "objects")  # another engine on the same home reads the pack too
    assert b"".join(second.iter_body(T, "pk", "m4")) == members[4][1]
    second.close()
    for name in ("m2", "m3", "m4"):
        assert client.delete(f"/pk/{name}").status_code == 204
    assert len(data_files()) == 1  # the pack went with its last object; the big member's file stays
    assert client.get("/pk/big").content == members[5][1]


def test_extract_archive_same_name_twice_keeps_the_last(client: httpx.Client) -> None:
    r = client.put("/dup?extract-archive=tar", content=_tar([("x/d", b"first"), ("x/d", b"second!")]), headers=JSON)
    assert r.json()["Number Files Created"] == 2
    g = client.get("/dup/x/d")
    assert g.content == b"second!" and g.headers["etag"] == hashlib.md5(b"second!").hexdigest()


def test_extract_archive_sends_spaces_while_a_slow_archive_is_processed(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from easymaker.local.swift import http_bulk

    monkeypatch.setattr(http_bulk, "_EXTRACT_KEEPALIVE", 0.05)
    data = _tar([(f"k/f{i}", os.urandom(3000)) for i in range(20)])

    def slow() -> Iterator[bytes]:
        for chunk in _chunks(data, 20_000):
            time.sleep(0.15)  # the server answers with spaces meanwhile
            yield chunk

    r = client.put("/ka?extract-archive=tar", content=slow(), headers=JSON)
    assert r.status_code == 200 and r.text.startswith(" ") and "content-length" not in r.headers
    assert json.loads(r.text)["Number Files Created"] == 20


def test_get_messages_and_positional_reads(tmp_path: Path) -> None:
    """A small body is sent in a single ASGI message that ends the response, a large one a read chunk per message,
    and bodies read by position come out right: across read chunks, in packs, inline, and for ranges."""
    import asyncio

    from easymaker.local.swift.http_app import create_object_store_app
    from easymaker.local.swift.records import READ_CHUNK

    app = create_object_store_app(tmp_path / "home", MASTER_TOKEN)
    store = app.store
    big = os.urandom(2 * READ_CHUNK + 12345)
    small = os.urandom(200_000)  # above the inline limit: a file of its own
    tiny = b"0123456789"
    store.put_object(T, "c", "big", big)
    store.put_object(T, "c", "small", small)
    store.put_object(T, "c", "tiny", tiny)
    members = {f"m{i}": os.urandom(1000 + i) for i in range(3)}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, content in members.items():
            ti = tarfile.TarInfo(name)
            ti.size = len(content)
            tar.addfile(ti, io.BytesIO(content))
    store.extract_archive(T, "pk", io.BytesIO(buf.getvalue()))
    offsets = store._query("SELECT pack_offset FROM objects WHERE container = 'pk' ORDER BY name")
    assert [o for (o,) in offsets][1:] and all(o for (o,) in offsets[1:])  # m1, m2 lie inside one pack file

    def get(path: str, rng: str | None = None) -> tuple[int, list[MutableMapping[str, Any]]]:
        sent: list[MutableMapping[str, Any]] = []

        async def send(msg: MutableMapping[str, Any]) -> None:
            sent.append(msg)

        requested = False

        async def receive() -> MutableMapping[str, Any]:
            nonlocal requested
            if requested:  # as a server does: after the request, the next message is the disconnect
                await asyncio.Event().wait()
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}

        headers = [(b"x-auth-token", MASTER_TOKEN.encode())]
        if rng:
            headers.append((b"range", rng.encode()))
        raw = f"/v1/AUTH_{T}/{path}"
        scope = {"type": "http", "method": "GET", "path": raw, "raw_path": raw.encode(), "query_string": b""}
        scope["headers"] = headers

        async def call() -> None:
            await app(scope, receive, send)

        asyncio.run(call())
        start, *body = sent
        assert body[-1].get("more_body", False) is False
        assert all(m.get("more_body") is True for m in body[:-1])
        return int(start["status"]), body

    def data(body: list[MutableMapping[str, Any]]) -> bytes:
        return b"".join(m["body"] for m in body)

    for path, want in [("c/small", small), ("c/tiny", tiny), *((f"pk/{n}", d) for n, d in members.items())]:
        status, body = get(path)
        assert status == 200 and len(body) == 1 and data(body) == want, path
    status, body = get("pk/m1", "bytes=10-19")
    assert status == 206 and data(body) == members["m1"][10:20]
    status, body = get("c/big")  # streamed: one message per read chunk, then the one that ends the response
    assert status == 200 and [len(m["body"]) for m in body] == [READ_CHUNK, READ_CHUNK, 12345, 0]
    assert data(body) == big
    lo, hi = READ_CHUNK - 7, 2 * READ_CHUNK + 99
    status, body = get("c/big", f"bytes={lo}-{hi}")
    assert status == 206 and data(body) == big[lo : hi + 1]
    status, body = get("c/big", "bytes=-5")
    assert status == 206 and data(body) == big[-5:]
    store.close()


def test_container_counts_follow_every_write_and_are_filled_for_old_homes(tmp_path: Path) -> None:
    """The object count and bytes used are kept by the index itself (not counted on each listing): replacing,
    deleting, archive members and homes made before the counters all agree with a count of the rows."""
    from easymaker.local.swift import ObjectStore

    root = tmp_path / "objects"
    store = ObjectStore(root)

    def counted(container: str) -> tuple[int, int]:
        row = store._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM objects WHERE tenant = ? AND container = ?", (T, container)
        ).fetchone()
        return int(row[0]), int(row[1])

    store.create_container(T, "c")
    assert store.container_stats(T, "c") == (0, 0)
    store.put_object(T, "c", "a", b"12345")
    store.put_object(T, "c", "b", b"1")
    store.put_object(T, "c", "a", b"123")  # replaced: still two objects
    assert store.container_stats(T, "c") == counted("c") == (2, 4)
    store.delete_object(T, "c", "b")
    assert store.container_stats(T, "c") == counted("c") == (1, 3)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, body in (("x/1", b"ab"), ("x/2", b"abc")):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    store.extract_archive(T, "c", io.BytesIO(buf.getvalue()))
    assert store.container_stats(T, "c") == counted("c") == (3, 8)
    # a home from before the counters: its counts are computed once when it is opened
    store._db.execute("DROP TABLE container_stats")
    for trigger in ("insert", "delete", "update"):
        store._db.execute(f"DROP TRIGGER container_stats_{trigger}")
    store.put_object(T, "c", "late", b"1234")
    store.close()
    store = ObjectStore(root)
    assert store.container_stats(T, "c") == counted("c") == (4, 12)
    store.close()


@pytest.mark.parametrize("prefix", ["b", "b/", "\U0010ffff", "a\U0010ffff", "\ud7ff", "é"])
def test_prefix_listing_is_exact_at_the_edges_of_the_range(client: httpx.Client, prefix: str) -> None:
    from easymaker.local.swift.container_listing import after_prefix

    names = ["a", "a\U0010ffff", "a\U0010ffffz", "b", "b/1", "b\U0010ffff\U0010ffff", "c", "\ud7ff", "\ud7ffx"]
    names += ["\ue000", "é", "éa", "\U0010ffff", "\U0010ffffq"]
    for n in names:
        assert client.put(f"/edge/{_quote(n)}", content=b"1").status_code == 201
    listed = client.get("/edge", params={"prefix": prefix, "format": "json"}).json()
    assert [d["name"] for d in listed] == sorted(n for n in names if n.startswith(prefix))
    after = after_prefix(prefix)
    assert after is None or all(not n.startswith(prefix) or n < after for n in names)
