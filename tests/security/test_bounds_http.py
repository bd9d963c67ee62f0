"""Hostile requests to a real EasyMaker Local (subprocess, 127.0.0.1): each is answered with a clear 4xx, never
a 500, a hang or a read outside the home."""

from __future__ import annotations

import base64
import gzip
import http.client
import io
import resource
import tarfile
import time
from collections.abc import Iterator

import httpx
import pytest
from local_server import REPO, LocalServerHandle, start_local_server

APPKEY = "bounds-appkey"
TENANT = "bounds"
SEGMENTS = 1500  # more than the server's open-file limit below


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServerHandle]:
    # a low open-file limit for the server, so "one file per segment" shows with a modest manifest
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, hard), hard))
    try:
        handle = start_local_server(tmp_path_factory.mktemp("em-home"))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    try:
        yield handle
    finally:
        handle.stop(timeout=20)


@pytest.fixture(scope="module")
def swift(server: LocalServerHandle) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=f"{server.url}/v1/AUTH_{TENANT}", headers={"X-Auth-Token": server.token}, timeout=60
    ) as c:
        assert c.put("/c").status_code in (201, 202)
        yield c


def _envelope_error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text[:500])
    doc = r.json()
    assert doc["header"]["isSuccessful"] is False
    return str(doc["header"]["resultMessage"])


def _no_traceback(server: LocalServerHandle) -> None:
    assert "Traceback" not in server.output(), server.output()[-3000:]


# -- authentication headers ----------------------------------------------------------------------------------------


def test_non_ascii_swift_token_is_401(server: LocalServerHandle, swift: httpx.Client) -> None:
    r = swift.get("/c", headers={"X-Auth-Token": "tok\u00e9n".encode("latin-1")})  # type: ignore[arg-type]  # non-ASCII bytes on purpose
    assert r.status_code == 401, r.text
    _no_traceback(server)


def test_non_ascii_api_token_is_401(server: LocalServerHandle) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        r = c.get(
            f"/v1.0/appkeys/{APPKEY}/experiments",
            headers={"x-nhn-authorization": "Bearer t\u00f6ken".encode("latin-1")},  # type: ignore[arg-type]  # non-ASCII bytes on purpose
        )
    _envelope_error(r, 401)


# -- ranges ------------------------------------------------------------------------------------------------------


def test_absurd_range_is_416(server: LocalServerHandle, swift: httpx.Client) -> None:
    assert swift.put("/c/ranged", content=b"0123456789").status_code == 201
    for value in ("bytes=" + "9" * 5000 + "-", "bytes=0-" + "9" * 5000, "bytes=-" + "9" * 5000):
        r = swift.get("/c/ranged", headers={"Range": value})
        if value.startswith("bytes=0-") or value.startswith("bytes=-"):
            # an end past the object (or a suffix longer than it) is the whole object, as Swift answers
            assert r.status_code == 206 and r.content == b"0123456789", (value[:12], r.status_code)
        else:
            assert r.status_code == 416, (value[:12], r.status_code, r.text[:200])
    _no_traceback(server)


# -- job ids ---------------------------------------------------------------------------------------------------------


def test_job_logs_cannot_leave_the_job_folder(server: LocalServerHandle) -> None:
    # the server's own log (server-<port>.log) lies in the home, one level above jobs/
    for path in ("/admin/jobs/../logs", "/admin/jobs/%2e%2e/logs", "/admin/jobs/%2E%2E/logs", "/admin/jobs/./logs"):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request("GET", path, headers={"x-nhn-authorization": f"Bearer {server.token}"})
        resp = conn.getresponse()
        body = resp.read().decode(errors="replace")
        conn.close()
        assert resp.status in (400, 404), (path, resp.status, body[:300])
        assert "server-" not in body, (path, body[:300])


# -- JSON numbers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_400(server: LocalServerHandle, number: str) -> None:
    name = "nums-" + number.strip("-")
    body = f'{{"experimentName": "{name}", "description": "x", "extra": {number}}}'
    with server.api(APPKEY) as api:
        r = api.post("/experiments", content=body, headers={"content-type": "application/json"})
    message = _envelope_error(r, 400)
    assert "finite" in message or "not valid JSON" in message, message


def test_random_state_over_uint32_is_400(server: LocalServerHandle) -> None:
    with server.api(APPKEY) as api:
        flavor = api.get("/flavors").json()["flavorList"][0]["id"]
        image = api.get("/images").json()["imageList"][0]["imageId"]
        body = {
            "hyperparameterTuningName": "seed",
            "imageId": image,
            "flavorId": flavor,
            "instanceCount": 1,
            "modelUploadUri": "nas://n1:/hpo-out",
            "timeoutMinutes": 60,
            "sourceDirUri": "nas://n1:/hpo",
            "entryPoint": "train.py",
            "hyperparameterSpecList": [
                {
                    "hyperparameterName": "x",
                    "hyperparameterTypeCode": "discrete",
                    "hyperparameterSpecifiedValues": "1,2",
                }
            ],
            "metricList": [{"name": "loss"}],
            "objectiveMetric": {"name": "loss"},
            "objectiveTypeCode": "MINIMIZE",
            "tuningStrategyName": "RANDOM",
            "tuningStrategyRandomState": 2**32,
            "maxTrialCount": 2,
            "parallelTrialCount": 1,
        }
        r = api.post("/hyperparameter-tunings", json=body)
    message = _envelope_error(r, 400)
    assert "tuningStrategyRandomState" in message and "4294967295" in message, message


# -- pipeline YAML ---------------------------------------------------------------------------------------------------


def _upload(server: LocalServerHandle, manifest: bytes) -> httpx.Response:
    body = {"pipelineName": "hostile", "base64PipelineSpecManifest": base64.b64encode(manifest).decode()}
    with server.api(APPKEY) as api:
        return api.post("/pipelines/upload", json=body)


def test_deeply_nested_pipeline_yaml_is_400(server: LocalServerHandle) -> None:
    message = _envelope_error(_upload(server, b"a: " + b"[" * 20000 + b"]" * 20000 + b"\n"), 400)
    assert "nested" in message, message
    _no_traceback(server)


def test_yaml_alias_bomb_is_400(server: LocalServerHandle) -> None:
    # a valid pipeline with a "billion laughs" block that expands to 10 * 5**29 nodes when written out again
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    pipeline = (REPO / "tests" / "fixtures" / "local_hello_pipeline.yaml").read_text()
    bomb = "bomb:\n" + "".join("  " + line + "\n" for line in lines)
    message = _envelope_error(_upload(server, (pipeline.rstrip() + "\n" + bomb).encode()), 400)
    assert "alias" in message, message


# -- archives --------------------------------------------------------------------------------------------------------


def _tar(members: list[tuple[tarfile.TarInfo, bytes]], fmt: int = tarfile.PAX_FORMAT, mode: str = "w") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=fmt) as tar:  # type: ignore[call-overload]
        for info, data in members:
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.mark.parametrize(
    "key, value",
    [
        ("SCHILY.xattr.user.mime_type", "text/plain\r\nX-Injected: yes"),
        ("SCHILY.xattr.user.meta.color", "red\nblue"),
        ("SCHILY.xattr.user.meta.bad name", "v"),
        ("SCHILY.xattr.user.meta.x", "v" * 10000),
        ("SCHILY.xattr.user.mime_type", "caf\u00e9/\u2603"),
    ],
)
def test_pax_headers_never_become_broken_http_headers(
    server: LocalServerHandle, swift: httpx.Client, key: str, value: str
) -> None:
    info = tarfile.TarInfo("m.txt")
    info.pax_headers = {key: value}
    r = swift.put("/pax?extract-archive=tar", content=_tar([(info, b"hello")]), headers={"Accept": "application/json"})
    assert r.status_code == 200, r.text
    doc = r.json()
    got = swift.get("/pax/m.txt")
    if doc["Number Files Created"]:
        # stored: then it must stay readable, with no injected header
        assert got.status_code == 200, (got.status_code, got.text[:200])
        assert "x-injected" not in got.headers
    else:
        assert doc["Errors"] and doc["Errors"][0][1].startswith("400"), doc
        assert "user." in doc["Response Body"], doc
        assert got.status_code == 404
    _no_traceback(server)


def test_gzip_bomb_is_refused_naming_the_limit(server: LocalServerHandle, swift: httpx.Client) -> None:
    info = tarfile.TarInfo("bomb/zeros.bin")
    raw = _tar([(info, b"\0" * (160 * 1024 * 1024))], fmt=tarfile.GNU_FORMAT)
    bomb = gzip.compress(raw, compresslevel=9)
    assert len(bomb) < len(raw) // 500
    r = swift.put("/gz?extract-archive=tar.gz", content=bomb, headers={"Accept": "application/json"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["Response Status"].startswith("413"), doc
    assert "expansion" in doc["Response Body"], doc
    assert swift.get("/gz/bomb/zeros.bin").status_code == 404


def test_large_manifest_streams_segments_one_file_at_a_time(server: LocalServerHandle, swift: httpx.Client) -> None:
    # archive members are packed: every segment body lies in a file; a manifest reading them all at once would
    # need one descriptor per segment
    members = []
    for i in range(SEGMENTS):
        members.append((tarfile.TarInfo(f"seg/{i:06d}"), b"%06d\n" % i))
    r = swift.put("/dlo?extract-archive=tar", content=_tar(members, fmt=tarfile.GNU_FORMAT))
    assert r.status_code == 200 and f"Number Files Created: {SEGMENTS}" in r.text, r.text[:500]
    assert swift.put("/dlo/whole", content=b"", headers={"X-Object-Manifest": "dlo/seg/"}).status_code == 201
    got = swift.get("/dlo/whole")
    assert got.status_code == 200, got.text[:300]
    assert got.content == b"".join(b"%06d\n" % i for i in range(SEGMENTS))
    ranged = swift.get("/dlo/whole", headers={"Range": "bytes=7-13"})
    assert ranged.status_code == 206 and ranged.content == b"000001\n"
    _no_traceback(server)


def test_body_cut_short_leaves_no_traceback(server: LocalServerHandle) -> None:
    import socket

    head = (
        f"POST /v1.0/appkeys/{APPKEY}/experiments HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"x-nhn-authorization: Bearer {server.token}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(head.encode() + b'{"experimentName": ')
    time.sleep(0.3)
    with server.api(APPKEY) as api:  # the server still answers, and logged no error for the client's failure
        assert api.get("/experiments").status_code == 200
    _no_traceback(server)


def test_log_record_with_non_finite_number_is_400(server: LocalServerHandle) -> None:
    body = '{"projectName": "p", "projectVersion": "1", "logVersion": "v2", "body": "b", "x": 1e999}'
    with httpx.Client(base_url=server.url, timeout=30) as c:
        r = c.post("/v2/log", content=body, headers={"content-type": "application/json"})
    message = _envelope_error(r, 400)
    assert "finite" in message, message
