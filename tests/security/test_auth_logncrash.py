"""Attacks on EasyMaker Local's Log & Crash endpoint (``POST /v2/log``, no token, like the service): bodies over
Log & Crash's own limit, form posts and foreign hosts from a web page."""

from __future__ import annotations

import json

import httpx
from local_server import LocalServerHandle, local_server  # noqa: F401

from easymaker.local.logncrash import MAX_RECORD_BYTES, MAX_REQUEST_BYTES


def test_log_requests_are_bounded_by_log_and_crash_limits(local_server: LocalServerHandle) -> None:  # noqa: F811
    url = f"{local_server.url}/v2/log"
    ok = httpx.post(url, json={"projectName": "p", "body": "hello"})
    assert ok.status_code == 200 and ok.json()["count"] == 1
    # one record over 8 MB, and a request over the limit (the old limit was 64 MiB)
    big = json.dumps({"projectName": "p", "body": "x" * MAX_RECORD_BYTES}).encode()
    r = httpx.post(url, content=big, headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code in (400, 413), r.text
    assert "8 MB" in r.text or str(MAX_RECORD_BYTES) in r.text, r.text
    many = json.dumps([{"projectName": "p", "body": "y" * 1_000_000} for _ in range(12)]).encode()
    assert len(many) > MAX_REQUEST_BYTES
    r = httpx.post(url, content=many, headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 413 and str(MAX_REQUEST_BYTES) in r.text
    # nothing of the refused requests was stored
    logs = httpx.post(url, json={"projectName": "p", "body": "after"}).json()["count"]
    assert logs == 1
    from easymaker.local.store import Store

    records = Store(local_server.home / "state.db").list_logs(100, "p", None)
    assert [r["body"] for r in records] == ["hello", "after"]
