"""Object store disk use after deletes: 10,000 small objects stored, every other one deleted, disk use measured.

Two ways small objects are stored: one PUT each (bodies up to 128 KiB live in their SQLite row) and one archive
extraction (members share pack files). The anchor is the disk use before the deletes, measured in the same run:
the ratio after/before is 0.50 when every deleted byte is given back and 1.00 when none is (as before pack
compaction and SQLite's incremental vacuum).

    .venv/bin/python bench/objectstore_space.py            # 10,000 objects of 4 KiB
    .venv/bin/python bench/objectstore_space.py --count 2000 --size 16384
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from easymaker.local.swift import ObjectStore  # noqa: E402

MiB = 1024 * 1024


def disk_use(root: Path) -> int:
    """Bytes of every file of the store, after the index's write-ahead log was checkpointed into it."""
    with sqlite3.connect(root / "index.db") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_blocks * 512 for p in root.rglob("*") if p.is_file())


def fill_by_put(store: ObjectStore, count: int, size: int) -> None:
    for i in range(count):
        store.put_object("t", "c", f"o/{i:06d}", bytes([i % 251]) * size)


def fill_by_archive(store: ObjectStore, count: int, size: int) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for i in range(count):
            info = tarfile.TarInfo(f"o/{i:06d}")
            info.size = size
            tar.addfile(info, io.BytesIO(bytes([i % 251]) * size))
    buf.seek(0)
    created = store.extract_archive("t", "c", buf).created
    if created != count:
        raise RuntimeError(f"archive extraction stored {created} of {count} objects")


def measure(how: str, count: int, size: int) -> tuple[int, int, float]:
    with tempfile.TemporaryDirectory(prefix="em-space-") as tmp:
        root = Path(tmp) / "objects"
        store = ObjectStore(root)
        try:
            (fill_by_put if how == "put" else fill_by_archive)(store, count, size)
            before = disk_use(root)
            t0 = time.perf_counter()
            for i in range(0, count, 2):
                store.delete_object("t", "c", f"o/{i:06d}")
            seconds = time.perf_counter() - t0
            after = disk_use(root)
            for i in range(1, min(count, 200), 2):  # what is left is intact
                if b"".join(store.iter_body("t", "c", f"o/{i:06d}")) != bytes([i % 251]) * size:
                    raise RuntimeError(f"object o/{i:06d} changed")
        finally:
            store.close()
    return before, after, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--size", type=int, default=4096)
    args = ap.parse_args()
    print(f"{args.count:,} objects of {args.size:,} bytes; every other one deleted")
    print("| stored by | disk before (MiB) | disk after deleting half (MiB) | after / before | delete time (s) |")
    print("|---|---:|---:|---:|---:|")
    for how, label in (("put", "one PUT each (inline rows)"), ("archive", "archive extraction (packs)")):
        before, after, seconds = measure(how, args.count, args.size)
        print(f"| {label} | {before / MiB:.1f} | {after / MiB:.1f} | {after / before:.2f} | {seconds:.2f} |")
    print("after / before: 0.50 = every deleted byte given back, 1.00 = none")


if __name__ == "__main__":
    main()
