"""A hostile client against the object store (uvicorn on 127.0.0.1, in a thread), driven by hypothesis: random
methods, tenants, container and object names (``..``, ``/``, ``\\``, NUL, percent signs, 1,100 bytes), query
strings, headers (Range, manifests, metadata, content types, ETags, tokens) and bodies (random bytes or tar
archives with hostile member names and pax headers).

Asserted for every request: no 5xx; no file appears outside the home folder; no body of another tenant is ever
returned (tenant A's objects hold a marker that tenant B's token must never read). After the run the store still
answers normally.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from swift_server import run_local_store

EXAMPLES = 300
SECRET = b"tenant-A-secret-7f3a9c"

names = st.one_of(
    st.text(min_size=0, max_size=40),
    st.sampled_from(["..", ".", "../..", "/etc/passwd", "a/../../b", "..\\..\\x", "%2e%2e", "secret", "c/obj"]),
    st.text(alphabet="./\\%\x00a", min_size=1, max_size=12),
    st.just("n" * 1100),
)
header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=60)
ranges = st.one_of(
    st.from_regex(r"bytes=[0-9]{0,30}-[0-9]{0,30}", fullmatch=True),
    st.just("bytes=" + "9" * 5000 + "-"),
    st.just("bytes=0-1,5-9"),
    header_text,
)


@st.composite
def archives(draw: st.DrawFn) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for _ in range(draw(st.integers(0, 4))):
            info = tarfile.TarInfo(draw(names) or "x")
            data = draw(st.binary(max_size=64))
            info.size = len(data)
            info.type = draw(st.sampled_from([tarfile.REGTYPE, tarfile.REGTYPE, tarfile.SYMTYPE, tarfile.DIRTYPE]))
            if info.type == tarfile.SYMTYPE:
                info.linkname, info.size, data = draw(names) or "/etc/passwd", 0, b""
            if draw(st.booleans()):
                key = draw(st.sampled_from(["SCHILY.xattr.user.mime_type", "SCHILY.xattr.user.meta."]))
                info.pax_headers = {key + draw(st.text(max_size=8)): draw(st.text(max_size=30))}
            tar.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    return raw[: draw(st.integers(0, len(raw)))] if draw(st.booleans()) else raw


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, str, dict[str, str], bytes]:
    method = draw(st.sampled_from(["GET", "HEAD", "PUT", "POST", "DELETE", "COPY", "OPTIONS"]))
    tenant = draw(st.sampled_from(["B", "B", "B", "A", "a", "B/../A", "", "%41"]))
    parts = [draw(names) for _ in range(draw(st.integers(0, 2)))]
    path = "/v1/AUTH_" + tenant + "".join("/" + quote(p, safe="/") for p in parts)
    query: list[str] = []
    if draw(st.booleans()):
        query.append("extract-archive=" + draw(st.sampled_from(["tar", "tar.gz", "tar.bz2", "zip", ""])))
    for key in ("limit", "marker", "prefix", "delimiter", "end_marker", "format"):
        if draw(st.integers(0, 4)) == 0:
            query.append(f"{key}={quote(draw(st.one_of(names, st.integers().map(str))), safe='')}")
    if query:
        path += "?" + "&".join(query)
    headers: dict[str, str] = {}
    if draw(st.booleans()):
        headers["Range"] = draw(ranges)
    if draw(st.integers(0, 3)) == 0:
        headers["X-Object-Manifest"] = draw(st.sampled_from(["secret/", "secret/s", "A/secret/", "../secret/"]))
    if draw(st.integers(0, 3)) == 0:
        headers["X-Object-Meta-" + draw(st.from_regex(r"[A-Za-z0-9-]{1,20}", fullmatch=True))] = draw(header_text)
    for name in ("Content-Type", "ETag", "If-Match", "Accept", "X-Auth-Token"):
        if draw(st.integers(0, 5)) == 0:
            headers[name] = draw(header_text)
    body = draw(st.one_of(st.binary(max_size=256), archives())) if method in ("PUT", "POST") else b""
    return method, path, headers, body


def _files_outside(tmp: Path, home: Path) -> list[Path]:
    return [p for p in tmp.rglob("*") if home not in p.parents and p != home]


def test_hostile_client_gets_no_5xx_no_escape_no_cross_tenant_read(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with run_local_store(home) as srv:
        store = srv.app.store
        store.put_object("A", "secret", "s", SECRET)
        store.put_object("A", "secret", "big", SECRET * 20000)  # over the inline limit: a body file
        token_b, _ = store.issue_token("B", 3600)
        sent: dict[str, Any] = {"n": 0, "statuses": set()}
        before = _files_outside(tmp_path, home)

        with httpx.Client(base_url=srv.url, timeout=30) as client:

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            )
            @given(requests())
            def attack(req: tuple[str, str, dict[str, str], bytes]) -> None:
                method, path, headers, body = req
                headers.setdefault("X-Auth-Token", token_b)
                raw = {k: v.encode("latin-1") for k, v in headers.items()}  # sent as they are, bytes >= 0x80 too
                try:
                    r = client.request(method, path, headers=raw, content=body)  # type: ignore[arg-type]  # latin-1 bytes on purpose
                except (httpx.LocalProtocolError, httpx.UnsupportedProtocol, httpx.InvalidURL):
                    return  # the client itself refuses to send this (e.g. a header httpx will not encode)
                sent["n"] += 1
                sent["statuses"].add(r.status_code)
                assert r.status_code < 500, (method, path, headers, r.status_code, r.text[:300])
                assert SECRET not in r.content, (method, path, headers)
                assert _files_outside(tmp_path, home) == before, (method, path)

            attack()

        assert sent["n"] >= EXAMPLES * 0.8, sent
        # still serving, tenant A's data intact
        assert b"".join(store.iter_body("A", "secret", "s")) == SECRET
        with httpx.Client(base_url=srv.url, headers={"X-Auth-Token": token_b}) as c:
            assert c.put("/v1/AUTH_B/after/x", content=b"ok").status_code == 201
            assert c.get("/v1/AUTH_B/after/x").content == b"ok"
    data = home / "objects" / "data"
    assert all(len(p.name) == 32 for p in data.rglob("*") if p.is_file())  # bodies named by id, never by name
