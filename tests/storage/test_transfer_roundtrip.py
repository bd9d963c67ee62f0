"""Round trips of the SDK's transfer engine against EasyMaker Local's object store and a real OpenStack Swift."""

from __future__ import annotations

import hashlib
import os
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from swift_server import (
    CREDENTIALS,
    MASTER_TOKEN,
    CuttingProxy,
    run_local_store,
    run_real_swift,
    swift_unavailable_reason,
)

from easymaker.storage import ObjectStorage, TransferError, TransferResult
from easymaker.storage.uri import quote_name


@dataclass
class Backend:
    kind: str
    url: str  # server base URL
    tenant: str
    make_storage: Callable[..., ObjectStorage]
    raw_token: str  # for putting hostile names directly
    home: Path | None = None

    def uri(self, container: str, prefix: str = "") -> str:
        return f"obs://object-storage.example.com/v1/AUTH_{self.tenant}/{container}" + (f"/{prefix}" if prefix else "")

    def raw_put(self, container: str, name: str, body: bytes) -> None:
        base = f"{self.url}/v1/AUTH_{self.tenant}/{container}"
        h = {"X-Auth-Token": self.raw_token}
        httpx.put(base, headers=h)
        r = httpx.put(f"{base}/{quote_name(name)}", content=body, headers=h)
        assert r.status_code == 201, (name, r.status_code, r.text)


@pytest.fixture(scope="module")
def swift() -> Iterator[object]:
    reason = swift_unavailable_reason()
    if reason:
        warnings.warn(f"real OpenStack Swift tests SKIPPED: {reason}", stacklevel=1)
        pytest.skip(f"real OpenStack Swift tests skipped: {reason}")
    with run_real_swift() as s:
        yield s


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with run_local_store(tmp_path_factory.mktemp("emhome")) as srv:
        yield srv


@pytest.fixture(params=["local", pytest.param("swift", marks=pytest.mark.swift)])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "local":
        srv = request.getfixturevalue("local_server")

        def make_local(**kw: object) -> ObjectStorage:
            return ObjectStorage(
                username=CREDENTIALS["username"],  # the store's local credentials (others get 401)
                password=CREDENTIALS["password"],
                identity_url=f"{srv.url}/v2.0/tokens",  # the Keystone v2 path, served by EasyMaker Local
                swift_endpoint=kw.pop("swift_endpoint", srv.url),  # type: ignore[arg-type]
                **kw,  # type: ignore[arg-type]
            )

        return Backend("local", srv.url, "tenant1", make_local, MASTER_TOKEN, srv.home)
    sw = request.getfixturevalue("swift")

    def make_swift(**kw: object) -> ObjectStorage:
        def provider(tenant: str) -> tuple[str, float]:
            token, _ = sw.new_token()
            return token, time.time() + 3600

        return ObjectStorage(
            token_provider=provider,
            swift_endpoint=kw.pop("swift_endpoint", sw.url),  # type: ignore[arg-type]
            **kw,  # type: ignore[arg-type]
        )

    return Backend("swift", sw.url, sw.tenant, make_swift, sw.token)


_counter = iter(range(10**6))


def _container(backend: Backend) -> str:
    return f"c{os.getpid()}x{next(_counter)}"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _write(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


SAMPLE = {
    "empty.txt": b"",
    "a/b/c.bin": os.urandom(200_000),
    "한글 폴더/데이터 파일.csv": "가,나\n1,2\n".encode(),
    "odd/we#ird?na%me&x=1 +.txt": b"odd",
    "odd/.hidden": b"h",
    "deep/" * 8 + "leaf": b"leaf",
}


def test_roundtrip_tree_with_odd_names(backend: Backend, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, SAMPLE)
    c = _container(backend)
    with backend.make_storage() as st:
        up = st.upload(backend.uri(c, "run/1"), src, show_progress=False)
        assert isinstance(up, TransferResult)
        assert sorted(up.transferred) == sorted(f"run/1/{k}" for k in SAMPLE)
        assert up.bytes_transferred == sum(len(v) for v in SAMPLE.values())
        assert sorted(st.find_object_list(backend.uri(c, "run/1"))) == sorted(f"run/1/{k}" for k in SAMPLE)
        assert st.get_object_size(backend.uri(c, "run/1")) == up.bytes_transferred
        down = st.download(backend.uri(c, "run/1"), out, show_progress=False)
        assert len(down.transferred) == len(SAMPLE)
        assert _tree(out) == SAMPLE
        # a single object URI gives dir/basename
        one = tmp_path / "one"
        st.download(backend.uri(c, "run/1/a/b/c.bin"), one, show_progress=False)
        assert _tree(one) == {"c.bin": SAMPLE["a/b/c.bin"]}
        # a single file upload goes to prefix/basename
        single = tmp_path / "single.bin"
        single.write_bytes(b"s" * 10)
        assert st.upload(backend.uri(c, "solo"), single, show_progress=False).transferred == ["solo/single.bin"]
        deleted = st.delete(backend.uri(c, "run/1"), show_progress=False)
        assert len(deleted) == len(SAMPLE)
        assert st.find_object_list(backend.uri(c, "run/1")) == []


def test_container_root_and_prefix_boundaries(backend: Backend, tmp_path: Path) -> None:
    c = _container(backend)
    for name, body in {"data": b"exact", "data/x": b"x", "data2/y": b"y", "top.txt": b"t"}.items():
        backend.raw_put(c, name, body)
    with backend.make_storage() as st:
        root_out = tmp_path / "root"
        # "data" is both an object and a prefix: the whole container cannot be written to one folder
        with pytest.raises(TransferError):
            st.download(backend.uri(c), root_out, show_progress=False)
        st.delete(backend.uri(c, "data"), show_progress=False)  # the exact object only
        assert sorted(st.find_object_list(backend.uri(c))) == ["data/x", "data2/y", "top.txt"]
        assert st.find_object_list(backend.uri(c, "data")) == ["data/x"]  # not data2/...
        st.download(backend.uri(c) + "/", tmp_path / "root2", show_progress=False)
        assert _tree(tmp_path / "root2") == {"data/x": b"x", "data2/y": b"y", "top.txt": b"t"}
        st.download(backend.uri(c, "data"), tmp_path / "d", show_progress=False)
        assert _tree(tmp_path / "d") == {"x": b"x"}


def test_segmented_upload_skip_and_replace(backend: Backend, tmp_path: Path) -> None:
    c = _container(backend)
    big = tmp_path / "model.bin"
    big.write_bytes(os.urandom(1_100_003))
    sibling = tmp_path / "sib" / "model.bin.bak"
    sibling.parent.mkdir()
    sibling.write_bytes(b"sibling")
    opts = {"segment_size": 300_000, "segment_threshold": 1_000_000, "show_progress": False}
    with backend.make_storage() as st:
        st.upload(backend.uri(c, "m"), sibling, **opts)  # type: ignore[arg-type]
        r = st.upload(backend.uri(c, "m"), big, **opts)  # type: ignore[arg-type]
        assert r.transferred == ["m/model.bin"]
        seg_names = st.find_object_list(backend.uri(f"{c}_segments"))
        assert len(seg_names) == 4 and all(n.startswith("m/model.bin/") for n in seg_names)
        head = httpx.head(
            f"{backend.url}/v1/AUTH_{backend.tenant}/{c}/m/model.bin", headers={"X-Auth-Token": backend.raw_token}
        )
        assert head.headers["x-object-manifest"].startswith(f"{c}_segments/m/model.bin/")
        assert head.headers["x-object-meta-md5"] == hashlib.md5(big.read_bytes()).hexdigest()
        assert int(head.headers["content-length"]) == big.stat().st_size
        assert st.get_object_size(backend.uri(c, "m/model.bin")) == big.stat().st_size
        st.download(backend.uri(c, "m"), tmp_path / "out", show_progress=False)
        assert _tree(tmp_path / "out") == {"model.bin": big.read_bytes(), "model.bin.bak": b"sibling"}
        # unchanged: skipped by the stored whole-file MD5
        again = st.upload(backend.uri(c, "m"), big, **opts)  # type: ignore[arg-type]
        assert again.skipped == ["m/model.bin"] and again.transferred == []
        # changed: replaced, old segments removed
        big.write_bytes(os.urandom(1_300_000))
        st.upload(backend.uri(c, "m"), big, **opts)  # type: ignore[arg-type]
        seg_after = st.find_object_list(backend.uri(f"{c}_segments"))
        assert len(seg_after) == 5 and not set(seg_after) & set(seg_names)
        st.download(backend.uri(c, "m/model.bin"), tmp_path / "out2", show_progress=False)
        assert (tmp_path / "out2" / "model.bin").read_bytes() == big.read_bytes()
        st.delete(backend.uri(c, "m/model.bin"), show_progress=False)
        assert st.find_object_list(backend.uri(f"{c}_segments")) == []
        # segmented again, then replaced by a small plain object: the old segments go away
        st.upload(backend.uri(c, "m"), big, **opts)  # type: ignore[arg-type]
        assert st.find_object_list(backend.uri(f"{c}_segments"))
        big.write_bytes(b"small now")
        st.upload(backend.uri(c, "m"), big, **opts)  # type: ignore[arg-type]
        assert st.find_object_list(backend.uri(f"{c}_segments")) == []
        st.download(backend.uri(c, "m/model.bin"), tmp_path / "out3", show_progress=False)
        assert (tmp_path / "out3" / "model.bin").read_bytes() == b"small now"


def test_skip_unchanged_tree(backend: Backend, tmp_path: Path) -> None:
    c = _container(backend)
    src = tmp_path / "src"
    _write(src, {f"f{i}.txt": f"content {i}".encode() for i in range(20)} | {"zero": b""})
    with backend.make_storage() as st:
        first = st.upload(backend.uri(c, "p"), src, show_progress=False)
        assert len(first.transferred) == 21
        (src / "f3.txt").write_bytes(b"changed")
        second = st.upload(backend.uri(c, "p"), src, show_progress=False)
        assert second.transferred == ["p/f3.txt"] and len(second.skipped) == 20
        forced = st.upload(backend.uri(c, "p"), src, show_progress=False, skip_unchanged=False)
        assert len(forced.transferred) == 21


def test_many_small_files(backend: Backend, tmp_path: Path) -> None:
    n = 2000 if backend.kind == "local" else 400
    src = tmp_path / "src"
    files = {f"d{i % 10}/f{i:04d}.bin": os.urandom(1024 + i % 7) for i in range(n)}
    _write(src, files)
    c = _container(backend)
    with backend.make_storage(max_workers=8) as st:
        up = st.upload(backend.uri(c, "many"), src, show_progress=False)
        assert len(up.transferred) == n
        st.download(backend.uri(c, "many"), tmp_path / "out", show_progress=False)
    assert _tree(tmp_path / "out") == files


def test_download_refuses_names_escaping_the_folder(backend: Backend, tmp_path: Path) -> None:
    c = _container(backend)
    hostile = ["pre/a/../../escape.txt", "pre//abs", "pre/a\\b", "pre/./dot"]
    for name in hostile:
        backend.raw_put(c, name, b"evil")
    backend.raw_put(c, "pre/ok.txt", b"fine")
    backend.raw_put(c, "/rootabs", b"evil")
    sandbox = tmp_path / "sandbox"
    dest = sandbox / "inner" / "dest"
    dest.mkdir(parents=True)
    with backend.make_storage() as st:
        with pytest.raises(TransferError) as err:
            st.download(backend.uri(c, "pre"), dest, show_progress=False)
        failed = {name for name, _ in err.value.failures}
        assert failed == set(hostile)
        assert all("refused" in reason for _, reason in err.value.failures)
        with pytest.raises(TransferError) as err2:
            st.download(backend.uri(c), sandbox / "root", show_progress=False)
        assert "/rootabs" in {n for n, _ in err2.value.failures}
    written = {p.relative_to(sandbox).as_posix() for p in sandbox.rglob("*") if p.is_file()}
    assert written == {"inner/dest/ok.txt", "root/pre/ok.txt"}
    assert not (tmp_path / "escape.txt").exists() and not Path("/abs").exists() and not Path("/rootabs").exists()


def test_download_resumes_after_cut_connection(backend: Backend, tmp_path: Path) -> None:
    c = _container(backend)
    body = os.urandom(3 * 1024 * 1024 + 5)
    backend.raw_put(c, "big/blob.bin", body)
    port = int(backend.url.rsplit(":", 1)[1])
    proxy = CuttingProxy(port, cut_after=1_200_000, cuts=1)
    try:
        with backend.make_storage(swift_endpoint=proxy.url) as st:
            st.download(backend.uri(c, "big/blob.bin"), tmp_path / "a", show_progress=False)
        assert proxy.cuts_done == 1
        assert (tmp_path / "a" / "blob.bin").read_bytes() == body
        assert [p.name for p in (tmp_path / "a").iterdir()] == ["blob.bin"]  # no partial left behind
    finally:
        proxy.close()


def test_partial_kept_and_resumed_by_next_call(backend: Backend, tmp_path: Path) -> None:
    from easymaker.storage.transfer import SwiftTransfer
    from easymaker.storage.uri import parse_obs_uri

    c = _container(backend)
    body = os.urandom(2 * 1024 * 1024 + 11)
    backend.raw_put(c, "blob.bin", body)
    port = int(backend.url.rsplit(":", 1)[1])
    proxy = CuttingProxy(port, cut_after=900_000, cuts=1)
    try:
        with backend.make_storage(swift_endpoint=proxy.url) as st:
            engine = SwiftTransfer(st.client, st.tokens, st.endpoint_for, retries=0, sleep=lambda s: None)
            with pytest.raises(TransferError) as err:
                engine.download(parse_obs_uri(backend.uri(c, "blob.bin")), tmp_path / "o", show_progress=False)
            assert "kept" in err.value.failures[0][1]
            partials = list((tmp_path / "o").glob(".*.emdownload"))
            assert len(partials) == 1 and 0 < partials[0].stat().st_size < len(body)
            have = partials[0].stat().st_size
            st.download(backend.uri(c, "blob.bin"), tmp_path / "o", show_progress=False)
        assert (tmp_path / "o" / "blob.bin").read_bytes() == body
        assert not list((tmp_path / "o").glob(".*.emdownload"))
        assert have > 0
    finally:
        proxy.close()


def test_corrupted_object_is_detected(local_server: object, tmp_path: Path) -> None:
    srv = local_server
    url = f"{srv.url}/v1/AUTH_t9/cc/obj.bin"  # type: ignore[attr-defined]
    httpx.put(url, content=b"A" * 500_000, headers={"X-Auth-Token": MASTER_TOKEN})  # a data file, not inline
    blobs = sorted((srv.home / "objects" / "data").rglob("*"), key=lambda p: p.stat().st_mtime)  # type: ignore[attr-defined]
    victim = [p for p in blobs if p.is_file()][-1]
    victim.write_bytes(b"B" * 500_000)  # same size, other bytes: storage-level corruption
    with ObjectStorage(token_provider=lambda t: (MASTER_TOKEN, time.time() + 3600), swift_endpoint=srv.url) as st:  # type: ignore[attr-defined]
        with pytest.raises(TransferError) as err:
            st.download("obs://h/v1/AUTH_t9/cc/obj.bin", tmp_path / "o", show_progress=False)
    assert "MD5" in err.value.failures[0][1]
    assert not (tmp_path / "o" / "obj.bin").exists()


def test_segmented_unicode_name(backend: Backend, tmp_path: Path) -> None:
    c = _container(backend)
    f = tmp_path / "데이터 #1 %.bin"
    f.write_bytes(os.urandom(700_001))
    with backend.make_storage() as st:
        st.upload(backend.uri(c, "모델"), f, segment_size=200_000, segment_threshold=500_000, show_progress=False)
        assert st.get_object_size(backend.uri(c, "모델")) == 700_001
        st.download(backend.uri(c, "모델"), tmp_path / "out", show_progress=False)
        again = st.upload(
            backend.uri(c, "모델"), f, segment_size=200_000, segment_threshold=500_000, show_progress=False
        )
        assert again.skipped == ["모델/데이터 #1 %.bin"]
    assert (tmp_path / "out" / f.name).read_bytes() == f.read_bytes()


# -- many small files in archives (?extract-archive=tar) vs one PUT per file --------------------------------------


def _listing(backend: Backend, container: str) -> list[tuple[str, int, str, str]]:
    r = httpx.get(
        f"{backend.url}/v1/AUTH_{backend.tenant}/{container}",
        params={"format": "json"},
        headers={"X-Auth-Token": backend.raw_token},
    )
    assert r.status_code == 200, r.text
    return [(e["name"], e["bytes"], e["hash"], e["content_type"]) for e in r.json()]


BULK_TREE = {
    **SAMPLE,
    **{f"many/d{i % 6}/f{i:03d}.bin": os.urandom(500 + i * 7) for i in range(120)},
    "big/over-the-archive-limit.bin": os.urandom(1024 * 1024 + 5),  # sent with its own PUT
    "한글/" + "긴 이름 " * 20 + ".txt": b"long unicode name",  # over 100 bytes: a pax header in the archive
    "space and+plus/%41 #hash?.txt": b"quoted",
}


@pytest.mark.parametrize("prefix", ["run/1", "", "trailing/slash/"])
def test_archive_and_single_uploads_store_identical_objects(backend: Backend, tmp_path: Path, prefix: str) -> None:
    from easymaker.storage.transfer import bulk_supported

    src = tmp_path / "src"
    _write(src, BULK_TREE)
    c_bulk, c_single = _container(backend), _container(backend)
    with backend.make_storage() as st:
        a = st.upload(backend.uri(c_bulk, prefix), src, show_progress=False)
        assert bulk_supported(backend.url) is True  # the archive path was taken
        b = st.upload(backend.uri(c_single, prefix), src, show_progress=False, bulk=False)
        base = prefix.rstrip("/") + "/" if prefix else ""
        expected = sorted(base + k for k in BULK_TREE)
        assert sorted(a.transferred) == sorted(b.transferred) == expected
        assert a.bytes_transferred == b.bytes_transferred == sum(len(v) for v in BULK_TREE.values())
        listing = _listing(backend, c_bulk)
        assert listing == _listing(backend, c_single)  # names, sizes, MD5s and content types
        assert [e[0] for e in listing] == sorted(expected)
        st.download(backend.uri(c_bulk, prefix), tmp_path / "out", show_progress=False)
    assert _tree(tmp_path / "out") == BULK_TREE


def test_archive_upload_skips_unchanged_files(backend: Backend, tmp_path: Path) -> None:
    src = tmp_path / "src"
    files = {f"f{i:03d}.txt": f"content {i:03d}".encode() for i in range(60)}
    _write(src, files)
    c = _container(backend)
    with backend.make_storage() as st:
        assert len(st.upload(backend.uri(c, "p"), src, show_progress=False).transferred) == 60
        (src / "f003.txt").write_bytes(b"content XXX")  # same size, other bytes
        (src / "f004.txt").write_bytes(b"longer content")
        (src / "new.txt").write_bytes(b"new")
        again = st.upload(backend.uri(c, "p"), src, show_progress=False)
        assert sorted(again.transferred) == ["p/f003.txt", "p/f004.txt", "p/new.txt"]
        assert len(again.skipped) == 58
        st.download(backend.uri(c, "p"), tmp_path / "out", show_progress=False)
    assert _tree(tmp_path / "out") == _tree(src)


def test_archive_upload_falls_back_on_a_local_store_without_extraction(tmp_path: Path) -> None:
    from easymaker.storage.transfer import bulk_supported

    src = tmp_path / "src"
    files = {f"d/f{i:02d}": os.urandom(100 + i) for i in range(40)}
    _write(src, files)
    with run_local_store(tmp_path / "home", bulk=False) as srv:
        with ObjectStorage(token_provider=lambda t: (MASTER_TOKEN, time.time() + 3600), swift_endpoint=srv.url) as st:
            for prefix in ("p", ""):
                up = st.upload(f"obs://h/v1/AUTH_t/c{prefix}/{prefix}", src, show_progress=False)
                assert len(up.transferred) == 40 and not up.failures
                assert bulk_supported(srv.url) is False
                base = f"{prefix}/" if prefix else ""
                names = [o.name for o in srv.app.store.iter_objects("t", f"c{prefix}")]
                assert names == sorted(base + k for k in files)  # the refused archive left nothing behind
            st.download("obs://h/v1/AUTH_t/cp/p", tmp_path / "out", show_progress=False)
    assert _tree(tmp_path / "out") == files


@pytest.mark.swift
def test_archive_upload_falls_back_on_swift_without_bulk(tmp_path: Path) -> None:
    from easymaker.storage.transfer import bulk_supported

    reason = swift_unavailable_reason()
    if reason:
        warnings.warn(f"real OpenStack Swift tests SKIPPED: {reason}", stacklevel=1)
        pytest.skip(f"real OpenStack Swift tests skipped: {reason}")
    src = tmp_path / "src"
    files = {f"d/f{i:02d}.bin": os.urandom(100 + i) for i in range(30)}
    _write(src, files)
    with run_real_swift(bulk=False) as sw:
        with ObjectStorage(
            token_provider=lambda t: (sw.new_token()[0], time.time() + 3600), swift_endpoint=sw.url
        ) as st:
            up = st.upload(f"obs://h/v1/AUTH_{sw.tenant}/nobulk/p", src, show_progress=False)
            assert len(up.transferred) == 30
            assert bulk_supported(sw.url) is False
            listing = httpx.get(
                f"{sw.storage_url}/nobulk", params={"format": "json"}, headers={"X-Auth-Token": sw.token}
            ).json()
            assert [e["name"] for e in listing] == sorted(f"p/{k}" for k in files)
            st.download(f"obs://h/v1/AUTH_{sw.tenant}/nobulk/p", tmp_path / "out", show_progress=False)
    assert _tree(tmp_path / "out") == files
