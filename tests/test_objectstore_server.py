"""EasyMaker Local's Object Storage over real HTTP (uvicorn on 127.0.0.1): Swift subset and Keystone tokens."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from swift_server import MASTER_TOKEN, LocalStoreServer, run_local_store

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
        json={"auth": {"tenantId": T, "passwordCredentials": {"username": "u@x", "password": "p"}}},
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
            json={"auth": {"tenantId": T, "passwordCredentials": {"username": "u", "password": "p"}}},
        )
        tok = r.json()["access"]["token"]["id"]
        url = f"{srv.url}/v1/AUTH_{T}/c/o"
        assert httpx.put(url, content=b"x", headers={"X-Auth-Token": tok}).status_code == 201
        deadline = time.monotonic() + 5
        while httpx.head(url, headers={"X-Auth-Token": tok}).status_code != 401:
            assert time.monotonic() < deadline, "token never expired"
            time.sleep(0.1)


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
    client = httpx.Client(headers={"X-Auth-Token": MASTER_TOKEN})
    client.put(f"{server.url}/v1/AUTH_{T}/c/victim", content=b"original")
    s = socket.create_connection((host, int(port)))
    s.sendall(
        f"PUT /v1/AUTH_{T}/c/victim HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {MASTER_TOKEN}\r\n"
        "Content-Length: 1000000\r\n\r\n".encode()
        + b"x" * 300_000
    )
    s.close()
    deadline = time.monotonic() + 5
    tmp = server.home / "objects" / "tmp"
    while any(tmp.iterdir()):  # the server drops the partial body once it sees the disconnect
        assert time.monotonic() < deadline
        time.sleep(0.05)
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
    from easymaker.local.objectstore import ObjectStore, Subdir

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
    from easymaker.local.objectstore import ObjectStore

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
    from easymaker.local.objectstore import INLINE_MAX

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
