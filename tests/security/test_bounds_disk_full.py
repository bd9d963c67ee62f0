"""A full disk: the object store and the API answer 507 with a clear message and keep nothing half-written.

The disk is made "full" by making the store's writes fail with ``ENOSPC`` (in this process: the servers run in a
thread or through an in-process ASGI transport), the way a write on a full file system fails.
"""

from __future__ import annotations

import errno
import io
import sqlite3
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from swift_server import MASTER_TOKEN, LocalStoreServer, run_local_store

from easymaker.local.app import create_app
from easymaker.local.store import Store
from easymaker.local.swift import bodies


@pytest.fixture()
def store_server(tmp_path: Path) -> Iterator[LocalStoreServer]:
    with run_local_store(tmp_path / "home") as srv:
        yield srv


def _fill_disk_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> None:
    written = {"n": 0}
    original = bodies.PutWriter._write_file

    def write_file(self: bodies.PutWriter, chunk: Any) -> None:
        written["n"] += len(chunk)
        if written["n"] > allowed:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(self, chunk)

    monkeypatch.setattr(bodies.PutWriter, "_write_file", write_file)


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_put_on_a_full_disk_is_507_and_leaves_nothing(
    store_server: LocalStoreServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    objects = store_server.home / "objects"
    with httpx.Client(base_url=f"{store_server.url}/v1/AUTH_t", headers={"X-Auth-Token": MASTER_TOKEN}) as c:
        assert c.put("/c").status_code == 201
        before = _files(objects / "data") | _files(objects / "tmp")
        _fill_disk_after(monkeypatch, 1024 * 1024)
        r = c.put("/c/big", content=b"x" * (3 * 1024 * 1024))
        assert r.status_code == 507, (r.status_code, r.text[:300])
        assert "disk" in r.text and "full" in r.text
        assert c.get("/c/big").status_code == 404
    assert _files(objects / "data") | _files(objects / "tmp") == before


def test_archive_on_a_full_disk_reports_507(store_server: LocalStoreServer, monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        data = b"y" * (3 * 1024 * 1024)  # larger than a pack member: written by a PutWriter
        info = tarfile.TarInfo("big.bin")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    _fill_disk_after(monkeypatch, 1024 * 1024)
    with httpx.Client(base_url=f"{store_server.url}/v1/AUTH_t", headers={"X-Auth-Token": MASTER_TOKEN}) as c:
        r = c.put("/arch?extract-archive=tar", content=buf.getvalue(), headers={"Accept": "application/json"})
        assert r.status_code == 200
        doc = r.json()
        assert doc["Response Status"].startswith("507"), doc
        assert "full" in doc["Response Body"]
        assert c.get("/arch/big.bin").status_code == 404
    assert not _files(store_server.home / "objects" / "tmp")


def test_api_write_on_a_full_disk_is_507_envelope(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(tmp_path / "home", "tok-" + "a" * 30, run_jobs=False, mount_object_store=False)

    def insert(self: Store, *args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "insert", insert)

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.post(
                "/v1.0/appkeys/k/experiments",
                json={"experimentName": "full"},
                headers={"x-nhn-authorization": "Bearer tok-" + "a" * 30},
            )

    r = anyio.run(call)
    assert r.status_code == 507, r.text
    assert "full" in r.json()["header"]["resultMessage"]
