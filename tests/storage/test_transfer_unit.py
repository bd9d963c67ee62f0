"""URI grammar, tokens, NAS mapping and request hygiene of easymaker.storage."""

from __future__ import annotations

import threading
import time
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from swift_server import CREDENTIALS, run_local_store

from easymaker.storage import (
    NasUnavailableError,
    ObjectStorage,
    StorageAuthError,
    StorageError,
    StorageUriError,
    TransferError,
    TransferResult,
    parse_nas_uri,
    parse_obs_uri,
)
from easymaker.storage.tokens import IDENTITY_URLS, TokenCache, expiry_epoch, identity_url_for
from easymaker.storage.uri import quote_name, safe_relative_parts


def test_obs_uri_grammar() -> None:
    u = parse_obs_uri("obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_abc123/cont/iris/train")
    assert (u.host, u.version, u.tenant, u.container, u.prefix) == (
        "kr1-api-object-storage.nhncloudservice.com",
        "v1",
        "abc123",
        "cont",
        "iris/train",
    )
    assert parse_obs_uri("obs://h/v1/AUTH_t/c").prefix == ""
    assert parse_obs_uri("obs://h/v1/AUTH_t/c/").prefix == ""
    assert parse_obs_uri("obs://h/v1/AUTH_t/c//x").prefix == "/x"  # one slash consumed, as the official parser
    assert u.container_url("https://h") == "https://h/v1/AUTH_abc123/cont"
    assert u.object_url("http://127.0.0.1:9", "a b/#?%/../x") == (
        "http://127.0.0.1:9/v1/AUTH_abc123/cont/a%20b/%23%3F%25/%2E%2E/x"
    )
    for bad, why in [
        ("https://h/v1/AUTH_t/c", "expected obs://"),
        ("obs://h/v1/t/c/x", "AUTH_"),
        ("obs://h/v1/AUTH_t", "container"),
        ("obs://h/v1/AUTH_t/", "container"),
    ]:
        with pytest.raises(StorageUriError, match=why):
            parse_obs_uri(bad)
    assert issubclass(StorageUriError, StorageError) and issubclass(StorageUriError, ValueError)


def test_nas_uri_grammar() -> None:
    n = parse_nas_uri("nas://nas-1:/data/x")
    assert (n.nas_id, n.path) == ("nas-1", "data/x")
    assert parse_nas_uri("nas://nas-1:/").path == ""
    for bad in ["nas://nas-1/data", "nas://:/x", "nas://n:/a/../../b", "nas://n:/a\\b"]:
        with pytest.raises(StorageUriError):
            parse_nas_uri(bad)


def test_safe_relative_parts() -> None:
    assert safe_relative_parts("a/b c/d.txt") == ["a", "b c", "d.txt"]
    for bad in ["../x", "a/../../x", "/abs", "a\\b", "a//b", "./a", "C:/x", "a\x00b", ""]:
        with pytest.raises(StorageError):
            safe_relative_parts(bad)
    assert quote_name("..") == "%2E%2E" and quote_name("a/./b") == "a/%2E/b"


def test_expiry_formats() -> None:
    assert expiry_epoch("2099-01-01T00:00:00Z") == datetime(2099, 1, 1, tzinfo=UTC).timestamp()
    assert expiry_epoch("2099-01-01T00:00:00.000+09:00") == datetime(2098, 12, 31, 15, tzinfo=UTC).timestamp()
    assert expiry_epoch(datetime(2099, 1, 1)) == datetime(2099, 1, 1, tzinfo=UTC).timestamp()
    assert expiry_epoch(12.5) == 12.5
    with pytest.raises(StorageAuthError):
        expiry_epoch("tomorrow")


def test_identity_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EM_IDENTITY_URL", raising=False)
    monkeypatch.delenv("EM_ENVIRONMENT_TYPE", raising=False)
    assert identity_url_for() == IDENTITY_URLS["public"]
    assert identity_url_for("GOV") == "https://api-identity-infrastructure.gov-nhncloudservice.com/v2.0/tokens"
    monkeypatch.setenv("EM_IDENTITY_URL", "http://127.0.0.1:1/v2.0/tokens")
    assert identity_url_for("gov") == "http://127.0.0.1:1/v2.0/tokens"
    assert identity_url_for(identity_url="http://x/v2.0/tokens") == "http://x/v2.0/tokens"
    monkeypatch.delenv("EM_IDENTITY_URL")
    with pytest.raises(StorageAuthError, match="environment_type"):
        identity_url_for("moon")


def test_token_cache_refreshes_near_expiry_one_fetch_at_a_time() -> None:
    calls: list[str] = []
    now = time.time()
    lifetimes = iter([now + 300, now + 3600, now + 3600])  # the first token is already inside the 600 s margin

    def provider(tenant: str) -> tuple[str, float]:
        calls.append(tenant)
        time.sleep(0.01)
        return f"tok{len(calls)}", next(lifetimes)

    cache = TokenCache(provider)
    assert cache.get("t") == "tok1"
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("t"))) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == ["tok2"] * 8 and len(calls) == 2  # refreshed once, not eight times
    cache.invalidate("t", "tok2")
    assert cache.get("t") == "tok3"


def test_missing_credentials_is_a_clear_error(tmp_path: Path) -> None:
    with ObjectStorage(swift_endpoint="http://127.0.0.1:9") as st, pytest.raises(StorageAuthError, match="password"):
        st.find_object_list("obs://h/v1/AUTH_t/c/x")


def test_keystone_refusal_and_unreachable(tmp_path: Path) -> None:
    with run_local_store(tmp_path / "h") as srv:
        st = ObjectStorage(username="u", password="p", identity_url=f"{srv.url}/v2.0/nope", swift_endpoint=srv.url)
        with st, pytest.raises(StorageAuthError, match="refused"):
            st.find_object_list("obs://h/v1/AUTH_t/c/x")
    st = ObjectStorage(username="u", password="p", identity_url="http://127.0.0.1:9/v2.0/tokens")
    with st, pytest.raises(StorageAuthError, match="cannot reach"):
        st.find_object_list("obs://h/v1/AUTH_t/c/x")


def test_only_the_swift_token_reaches_swift(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to Swift carry X-Auth-Token and nothing credential-like from elsewhere; Keystone gets only JSON."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v2.0/tokens":
            exp = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            return httpx.Response(200, json={"access": {"token": {"id": "swift-token", "expires": exp}}})
        return httpx.Response(200, json=[])

    transport = httpx.MockTransport(handler)
    client = httpx.Client(transport=transport)
    st = ObjectStorage(username="u", password="p", http_client=client, swift_endpoint="https://swift.example")
    # route Keystone through the same mock by giving it a provider that uses its own client over the mock
    from easymaker.storage.tokens import KeystoneTokenProvider

    kp = KeystoneTokenProvider("https://identity.example/v2.0/tokens", "u", "p")
    orig_client = httpx.Client

    def patched(*a: object, **kw: object) -> httpx.Client:
        kw["transport"] = transport
        return orig_client(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx, "Client", patched)
    st._provider = kp
    assert st.find_object_list("obs://h/v1/AUTH_t/c/x") == []
    monkeypatch.undo()
    keystone = [r for r in seen if r.url.host == "identity.example"]
    swift = [r for r in seen if r.url.host == "swift.example"]
    assert keystone and swift
    assert all("authorization" not in r.headers and "x-easymaker-token" not in r.headers for r in seen)
    assert all("x-auth-token" not in r.headers for r in keystone)
    assert all(r.headers["x-auth-token"] == "swift-token" for r in swift)
    assert swift[-1].url.params["limit"] == "10000" and swift[-1].url.params["format"] == "json"
    assert swift[-1].url.params["prefix"] == "x/"


def test_nas_without_mapping_and_with_mapping(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "d").mkdir(parents=True)
    (src / "d" / "f.txt").write_text("nas data")
    with ObjectStorage() as st, pytest.raises(NasUnavailableError, match="only reachable from inside EasyMaker"):
        st.upload("nas://nas-9:/x", src)
    with ObjectStorage(nas_root=tmp_path / "nasroot") as st:
        r = st.upload("nas://nas-9:/x", src)
        assert (tmp_path / "nasroot" / "nas-9" / "x" / "d" / "f.txt").read_text() == "nas data"
        assert len(r.transferred) == 1
        assert st.upload("nas://nas-9:/x", src).skipped  # unchanged: skipped
        st.download("nas://nas-9:/x", tmp_path / "back")
        assert (tmp_path / "back" / "d" / "f.txt").read_text() == "nas data"
    with ObjectStorage(nas_root=lambda nas_id: tmp_path / "by-callable" / nas_id) as st:
        st.upload("nas://n2:/", src / "d" / "f.txt")
        assert (tmp_path / "by-callable" / "n2" / "f.txt").exists()


def test_bad_arguments_name_the_parameter(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_workers"):
        ObjectStorage(max_workers=0)
    f = tmp_path / "f"
    f.write_bytes(b"x")
    with ObjectStorage(token_provider=lambda t: ("x", time.time() + 3600), swift_endpoint="http://127.0.0.1:9") as st:
        with pytest.raises(ValueError, match="segment_size"):
            st.upload("obs://h/v1/AUTH_t/c", f, segment_size=0)
        with pytest.raises(FileNotFoundError, match="local_path"):
            st.upload("obs://h/v1/AUTH_t/c", tmp_path / "missing")


def test_upload_failures_are_collected_not_swallowed(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"f{i}").write_bytes(b"x")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and request.url.path.endswith("/f1"):
            return httpx.Response(403, text="Forbidden")
        if request.method == "PUT":
            import hashlib

            return httpx.Response(201, headers={"etag": hashlib.md5(request.read()).hexdigest()})
        return httpx.Response(200, json=[])

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with ObjectStorage(
        token_provider=lambda t: ("tok", time.time() + 3600), http_client=client, swift_endpoint="https://s"
    ) as st:
        with pytest.raises(TransferError) as err:
            st.upload("obs://h/v1/AUTH_t/c/p", src, show_progress=False)
    assert [n for n, _ in err.value.failures] == ["p/f1"] and "403" in err.value.failures[0][1]
    assert isinstance(err.value.result, TransferResult)
    assert sorted(err.value.result.transferred) == ["p/f0", "p/f2"]


def test_wrong_server_etag_is_an_integrity_failure(tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_bytes(b"payload")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return httpx.Response(201, headers={"etag": "0" * 32})
        return httpx.Response(404)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with ObjectStorage(
        token_provider=lambda t: ("tok", time.time() + 3600), http_client=client, swift_endpoint="https://s"
    ) as st:
        with pytest.raises(TransferError, match="differs from the MD5"):
            st.upload("obs://h/v1/AUTH_t/c", f, show_progress=False)


def test_module_functions_with_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from easymaker import storage

    USER, PASSWORD = CREDENTIALS["username"], CREDENTIALS["password"]  # noqa: N806 - the store's local credentials

    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("a")
    (src / "sub" / "b.csv").write_text("b,c")
    with run_local_store(tmp_path / "home") as srv:
        monkeypatch.setenv("EM_IDENTITY_URL", f"{srv.url}/v2.0/tokens")
        monkeypatch.setenv("EM_SWIFT_ENDPOINT", srv.url)
        uri = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t1/cont/base"
        up = storage.upload(uri, src, None, USER, PASSWORD, show_progress=False)  # 2.1.5 order
        assert sorted(up.transferred) == ["base/a.txt", "base/sub/b.csv"]
        assert storage.find_object_list(uri, [".CSV"], None, USER, PASSWORD) == ["base/sub/b.csv"]
        assert storage.get_object_size(uri, None, USER, PASSWORD) == 4
        down = storage.download(uri, tmp_path / "out", None, USER, PASSWORD, show_progress=False)
        assert len(down.transferred) == 2 and (tmp_path / "out" / "sub" / "b.csv").read_text() == "b,c"
        deleted = storage.delete(uri, None, None, USER, PASSWORD, show_progress=False)
        assert sorted(deleted) == ["base/a.txt", "base/sub/b.csv"]
        assert storage.find_object_list(uri, None, None, USER, PASSWORD) == []
        with pytest.raises(StorageAuthError, match="password"):
            storage.find_object_list(uri)


class _ArchiveSwift:
    """An in-memory Swift for httpx.MockTransport: object PUTs, JSON listings and ?extract-archive=tar, with
    faults: ``lose`` members are dropped by the extraction, ``corrupt`` members stored with other bytes,
    ``refuse_put`` objects refused (HTTP 403) on single PUTs."""

    def __init__(
        self,
        lose: AbstractSet[str] = frozenset(),
        corrupt: AbstractSet[str] = frozenset(),
        refuse_put: AbstractSet[str] = frozenset(),
    ) -> None:
        self.objects: dict[str, bytes] = {}
        self.lose, self.corrupt, self.refuse_put = lose, corrupt, refuse_put
        self.archives = 0
        self.single_puts: list[str] = []
        self.listings = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        import hashlib
        import io
        import json
        import tarfile
        from urllib.parse import unquote

        path = unquote(request.url.path)
        _, _, _, container, *rest = path.split("/", 4)
        name = rest[0] if rest else ""
        if request.method == "PUT" and "extract-archive" in request.url.params:
            self.archives += 1
            created = 0
            with tarfile.open(fileobj=io.BytesIO(request.read()), mode="r|") as tar:
                for m in tar:
                    f = tar.extractfile(m)
                    assert f is not None and m.pax_headers["SCHILY.xattr.user.mime_type"] == "application/octet-stream"
                    data = f.read()
                    if m.name in self.lose:
                        continue
                    self.objects[m.name] = b"corrupted" if m.name in self.corrupt else data
                    created += 1
            body = {
                "Response Status": "201 Created",
                "Response Body": "",
                "Number Files Created": created,
                "Errors": [],
            }
            return httpx.Response(200, content=b"   " + json.dumps(body).encode())
        if request.method == "PUT" and name:
            self.single_puts.append(name)
            if name in self.refuse_put:
                return httpx.Response(403, text="Forbidden")
            self.objects[name] = request.read()
            return httpx.Response(201, headers={"etag": hashlib.md5(self.objects[name]).hexdigest()})
        if request.method == "GET" and not name:
            self.listings += 1
            prefix = request.url.params.get("prefix", "")
            marker = request.url.params.get("marker", "")
            limit = int(request.url.params.get("limit", "10000"))
            names = sorted(n for n in self.objects if n.startswith(prefix) and n > marker)[:limit]
            return httpx.Response(
                200,
                json=[
                    {"name": n, "bytes": len(self.objects[n]), "hash": hashlib.md5(self.objects[n]).hexdigest()}
                    for n in names
                ],
            )
        return httpx.Response(404)


def _archive_store(server: _ArchiveSwift, endpoint: str) -> ObjectStorage:
    client = httpx.Client(transport=httpx.MockTransport(server))
    return ObjectStorage(
        token_provider=lambda t: ("tok", time.time() + 3600), http_client=client, swift_endpoint=endpoint
    )


def test_archived_files_are_verified_and_resent(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(300):
        (src / f"f{i:03d}").write_bytes(f"body {i}".encode())
    server = _ArchiveSwift(lose={"p/f007"}, corrupt={"p/f100", "p/f200"}, refuse_put={"p/f200"})
    with _archive_store(server, "https://archives-verify") as st, pytest.raises(TransferError) as err:
        st.upload("obs://h/v1/AUTH_t/c/p", src, show_progress=False)
    assert server.archives >= 2 and server.listings == 2  # one listing before (skip check), one to verify
    assert sorted(server.single_puts) == ["p/f007", "p/f100", "p/f200"]  # only the bad ones went one by one
    assert [n for n, _ in err.value.failures] == ["p/f200"] and "403" in err.value.failures[0][1]
    result = err.value.result
    assert isinstance(result, TransferResult)
    assert len(result.transferred) == 299
    assert server.objects["p/f007"] == b"body 7" and server.objects["p/f100"] == b"body 100"


def test_archive_limits_and_listing_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from easymaker.storage import listing, transfer

    monkeypatch.setattr(listing, "LISTING_LIMIT", 100)  # the page size where listings are read
    src = tmp_path / "src"
    src.mkdir()
    for i in range(450):
        (src / f"f{i:03d}").write_bytes(b"x" * (i % 50))
    server = _ArchiveSwift()
    with _archive_store(server, "https://archives-pages") as st:
        up = st.upload("obs://h/v1/AUTH_t/c/p", src, show_progress=False, skip_unchanged=False)
    assert len(up.transferred) == 450 and not server.single_puts
    assert server.listings == 5  # 450 names verified, 100 per listing page
    per = max(transfer.BULK_MIN_MEMBERS, -(-450 // min(16, transfer.BULK_PARALLEL)))  # 16 workers by default
    assert server.archives == 1 + -(-(450 - transfer.BULK_PROBE_MEMBERS) // per)  # the probe, then the rest


def test_archive_refused_means_one_put_per_file_remembered(tmp_path: Path) -> None:
    from easymaker.storage.transfer import bulk_supported

    src = tmp_path / "src"
    src.mkdir()
    for i in range(10):
        (src / f"f{i}").write_bytes(b"x" * i)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        import hashlib

        seen.append(request.method + (" archive" if "extract-archive" in request.url.params else ""))
        if "extract-archive" in request.url.params:
            return httpx.Response(405, text="Method Not Allowed")
        if request.method == "PUT":
            return httpx.Response(201, headers={"etag": hashlib.md5(request.read()).hexdigest()})
        return httpx.Response(200, json=[])

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with ObjectStorage(
        token_provider=lambda t: ("tok", time.time() + 3600), http_client=client, swift_endpoint="https://no-archives"
    ) as st:
        assert len(st.upload("obs://h/v1/AUTH_t/c/p", src, show_progress=False).transferred) == 10
        assert bulk_supported("https://no-archives") is False
        assert seen.count("PUT archive") == 1 and seen.count("PUT") == 10
        st.upload("obs://h/v1/AUTH_t/c/q", src, show_progress=False)
        assert seen.count("PUT archive") == 1  # not tried again at this endpoint


def test_archive_plan_respects_member_and_byte_limits() -> None:
    from easymaker.storage import transfer

    engine = transfer.SwiftTransfer(httpx.Client(), TokenCache(lambda t: ("x", time.time() + 3600)), str, max_workers=1)
    many = [(Path(f"f{i}"), f"f{i}", 10) for i in range(2500)]
    assert [len(b) for b in engine._plan_archives(many, probe=False)] == [1000, 1000, 500]
    assert [len(b) for b in engine._plan_archives(many, probe=True)][:2] == [transfer.BULK_PROBE_MEMBERS, 1000]
    heavy = [(Path(f"h{i}"), f"h{i}", transfer.BULK_MAX_FILE - 1) for i in range(100)]
    plan = engine._plan_archives(heavy, probe=False)
    assert all(sum(it[2] for it in b) <= transfer.BULK_MAX_BYTES for b in plan) and sum(map(len, plan)) == 100
    assert len(plan[0]) == transfer.BULK_MAX_BYTES // (transfer.BULK_MAX_FILE - 1)


def test_a_failing_archive_means_its_files_go_one_by_one(tmp_path: Path) -> None:
    from easymaker.storage import transfer
    from easymaker.storage.uri import parse_obs_uri

    src = tmp_path / "src"
    src.mkdir()
    for i in range(200):
        (src / f"f{i:03d}").write_bytes(f"body {i}".encode())
    server = _ArchiveSwift()
    calls = {"archives": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if "extract-archive" in request.url.params:
            calls["archives"] += 1
            if calls["archives"] > 1 and b"f150" in request.read():  # the archive holding f150 always fails
                return httpx.Response(503, text="Service Unavailable")
        return server(request)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    engine = transfer.SwiftTransfer(
        client, TokenCache(lambda t: ("tok", time.time() + 3600)), lambda u: "https://archives-503",
        sleep=lambda s: None,
    )  # fmt: skip
    up = engine.upload(parse_obs_uri("obs://h/v1/AUTH_t/c/p"), src, show_progress=False)
    assert len(up.transferred) == 200 and not up.failures
    assert "p/f150" in server.single_puts and 0 < len(server.single_puts) < 100
    assert all(server.objects[f"p/f{i:03d}"] == f"body {i}".encode() for i in range(200))


def test_a_missing_container_is_created_before_any_body_is_sent(tmp_path: Path) -> None:
    """The listing says the container is missing: it is created once, and no file body meets a 404 first."""
    requests: list[tuple[str, str, int]] = []
    containers: set[str] = set()

    def handler(request: httpx.Request) -> httpx.Response:
        parts = request.url.path.split("/", 4)  # '', v1, AUTH_t, container, object
        container, name = parts[3], (parts[4] if len(parts) > 4 else "")
        requests.append((request.method, request.url.path, len(request.read())))
        if container not in containers:
            if request.method == "PUT" and not name:
                containers.add(container)
                return httpx.Response(201)
            return httpx.Response(404)
        if request.method == "PUT":
            import hashlib

            return httpx.Response(201, headers={"etag": hashlib.md5(request.read()).hexdigest()})
        return httpx.Response(200, json=[])

    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"f{i}.bin").write_bytes(bytes([i]) * 4096)
    client = httpx.Client(transport=httpx.MockTransport(handler))
    st = ObjectStorage(
        token_provider=lambda t: ("tok", time.time() + 3600), http_client=client, swift_endpoint="https://s.example"
    )
    result = st.upload("obs://h/v1/AUTH_t/newc/base", str(src), show_progress=False, bulk=False)
    assert sorted(result.transferred) == ["base/f0.bin", "base/f1.bin", "base/f2.bin"]
    bodies = [r for r in requests if r[0] == "PUT" and r[2] > 0 and r[1].count("/") > 3]
    assert len(bodies) == 3  # each body sent exactly once
    assert [r for r in requests if r[0] == "PUT" and r[1] == "/v1/AUTH_t/newc"] == [("PUT", "/v1/AUTH_t/newc", 0)]


def test_old_module_paths_are_the_new_modules() -> None:
    """``storage.transfer`` re-exports what it used to define; ``storage.objectstorage`` (2.1.x) is ``storage.client``;
    ``easymaker.objectstorage`` re-exports the client's functions and the configuration wiring."""
    import easymaker.objectstorage as top
    from easymaker.storage import archives, client, configured, downloads, engine, objectstorage, transfer

    assert objectstorage is client and transfer.SwiftTransfer.__mro__[1] is downloads.SwiftDownload
    assert transfer.TransferResult is engine.TransferResult and transfer.bulk_supported is archives.bulk_supported
    assert all(hasattr(transfer, name) for name in transfer.__all__)
    assert top.upload is client.upload and top.storage_overrides is configured.storage_overrides
