"""The object store is durable like Swift: bodies and their folder are fsync-ed before the 201, the index commits
with ``synchronous=FULL``, bodies a crash left unrecorded are removed at the next start, and the space of deleted
archive members is given back (pack compaction)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import httpx
import pytest
from swift_server import MASTER_TOKEN, run_local_store

from easymaker.local.swift import ObjectStore

REPO = Path(__file__).resolve().parents[2]


def _data_files(root: Path) -> list[Path]:
    return [p for p in (root / "data").rglob("*") if p.is_file()]


def test_put_fsyncs_body_and_folder_before_201(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with run_local_store(tmp_path / "home") as srv:
        with httpx.Client(base_url=f"{srv.url}/v1/AUTH_t", headers={"X-Auth-Token": MASTER_TOKEN}) as c:
            assert c.put("/c").status_code == 201
            synced.clear()
            r = c.put("/c/big", content=b"z" * (512 * 1024))  # over the inline limit: a body file
            assert r.status_code == 201
            body_syncs = list(synced)
        sync_mode = srv.app.store._db.execute("PRAGMA synchronous").fetchone()[0]
    blob = _data_files(tmp_path / "home" / "objects")[0]
    assert any(Path(p).name.endswith(blob.name) for p in body_syncs), body_syncs  # the body (before its rename)
    assert str(blob.parent) in body_syncs, body_syncs  # and its folder (after the rename)
    assert sync_mode == 2  # FULL


CRASH_AFTER_RENAME = """
import os, sys
from pathlib import Path
from easymaker.local.swift import ObjectStore
store = ObjectStore(Path(sys.argv[1]))
ObjectStore._record_sealed = lambda self, tenant, items: os._exit(9)  # the power goes out before the commit
store.put_object("t", "c", "lost", b"q" * (300 * 1024))
"""


def test_bodies_left_unrecorded_by_a_crash_are_removed_at_start(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    store = ObjectStore(root)
    store.put_object("t", "c", "kept", b"k" * (300 * 1024))
    store.close()
    env = dict(os.environ, PYTHONPATH=f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    proc = subprocess.run([sys.executable, "-c", CRASH_AFTER_RENAME, str(root)], env=env, timeout=60)
    assert proc.returncode == 9
    assert len(_data_files(root)) == 2  # the kept body and the orphan
    store = ObjectStore(root)
    try:
        assert len(_data_files(root)) == 1
        assert b"".join(store.iter_body("t", "c", "kept")) == b"k" * (300 * 1024)
        assert store.head_object("t", "c", "lost") is None
    finally:
        store.close()


def test_a_second_engine_does_not_sweep_what_the_first_is_writing(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    first = ObjectStore(root)
    try:
        writer = first.begin_put("t", "c", "in-flight")
        writer.write(b"w" * (300 * 1024))
        sealed = writer.seal()  # moved into data/, not recorded yet
        second = ObjectStore(root)  # another process's engine on the same folder
        second.close()
        first._record_sealed("t", [sealed])
        assert b"".join(first.iter_body("t", "c", "in-flight")) == b"w" * (300 * 1024)
    finally:
        first.close()


def test_deleting_archive_members_gives_their_space_back(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    store = ObjectStore(root)
    try:
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
            for i in range(1000):
                data = bytes([i % 251]) * 4096
                info = tarfile.TarInfo(f"m/{i:04d}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        buf.seek(0)
        assert store.extract_archive("t", "c", buf).created == 1000
        full = sum(p.stat().st_size for p in _data_files(root))
        assert full >= 1000 * 4096
        for i in range(0, 1000, 2):
            assert store.delete_object("t", "c", f"m/{i:04d}")
        half = sum(p.stat().st_size for p in _data_files(root))
        assert half <= full * 0.65, (full, half)  # at least a third given back
        for i in range(1, 1000, 2):
            assert b"".join(store.iter_body("t", "c", f"m/{i:04d}")) == bytes([i % 251]) * 4096
    finally:
        store.close()
