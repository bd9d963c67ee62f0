"""EasyMaker Local at scale: 100,000 trainings and 1,000,000 objects in one container, against a small server.

Two servers run side by side, their homes seeded before they start, directly into their stores (not run), with
copies of a real training record (``state.db``) and of a real small object's record (the object store's index,
one container, names ``obj/<i // 1000>/<i>``):

* ``small``: one page of each (100 trainings, 2,000 objects), so that every page measured holds as many items as
  on the big server (on an empty server a page is empty, and what is compared would be the items' encoding);
* ``big``: 100,000 trainings and 1,000,000 objects.

Measured against both, alternating, median of ``--repeat`` requests over keep-alive HTTP:

* trainings: a list page (``limit=100``, what the console and a paging client ask for), a get, a create;
* objects: a listing page (1,000 names) from the start, after a ``marker`` (the middle of the container on the big
  server), under a ``prefix``, between ``marker`` and ``end_marker`` (500 names), the top level with
  ``delimiter=/`` (one subdir over every object), a get (small object), a create (PUT);

then the whole 1,000,000-name listing, page by page with ``marker`` (time, pages), and the unpaged training list
(``GET /trainings`` without ``limit``: every training, streamed) with the server's resident memory while it is
answered; and each server's resident memory (VmRSS, and its peak VmHWM) at the end.
Target (issue 14): each operation within 2x of its time on the small server.

Run: ``.venv/bin/python bench/scale.py [--trainings 100000] [--objects 1000000] [--repeat 30]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from easymaker.local.home import LocalHome
from easymaker.local.server import LocalServer
from easymaker.local.store import Store
from easymaker.local.swift import ObjectStore

APPKEY = "bench-scale"
TENANT = "bench"
CONTAINER = "big"
PAGE = 1000  # object listing page asked for


def memory_kb(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


def training_body(name: str) -> dict[str, Any]:
    return {
        "trainingName": name,
        "imageId": "99826ca0-6ebd-490e-85f4-31a3d3849967",  # Ubuntu 22.04 CPU PyTorch Training
        "flavorId": "37218f50-67f3-46ad-bfb2-69265d3aa6f9",  # m2.c2m4
        "instanceCount": 1,
        "modelUploadUri": f"nas://n1:/out/{name}",
        "timeoutMinutes": 60,
        "sourceDirUri": "nas://n1:/missing",  # fails while preparing: no process competes for the CPU
        "entryPoint": "train.py",
    }


class Server:
    def __init__(self, name: str, home: Path, tmp: Path) -> None:
        self.name = name
        self.home = home
        self.server = LocalServer(home, "127.0.0.1", 0, None, log_file=tmp / f"{name}.log")

    def start(self) -> None:
        self.server.start()
        token = self.server.token
        self.api = httpx.Client(
            base_url=f"{self.server.url}/v1.0/appkeys/{APPKEY}",
            headers={"x-nhn-authorization": f"Bearer {token}"},
            timeout=600,
        )
        self.obs = httpx.Client(
            base_url=f"{self.server.url}/v1/AUTH_{TENANT}", headers={"X-Auth-Token": token}, timeout=600
        )

    @property
    def pid(self) -> int:
        assert self.server.process is not None
        return self.server.process.pid

    def stop(self) -> None:
        self.api.close()
        self.obs.close()
        self.server.stop()


def ok(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        raise RuntimeError(f"{response.request.method} {response.request.url}: {response.status_code} {response.text}")
    return response


def create_training(server: Server, name: str) -> str:
    doc = ok(server.api.post("/trainings", json=training_body(name))).json()
    return str(doc["training"]["trainingId"])


def wait_final(server: Server, training_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        doc = ok(server.api.get(f"/trainings/{training_id}")).json()["training"]
        if doc["trainingStatusCode"] in ("COMPLETE", "FAIL_TRAIN", "CREATE_FAILED", "STOPPED"):
            return dict(doc)
        time.sleep(0.1)
    raise RuntimeError(f"training {training_id} did not end")


def seed_trainings(home: Path, template_id: str, count: int) -> None:
    """``count`` copies of the template training's row, each with its own id, name and creation time."""
    store = Store(LocalHome(home).state_db, synchronous="OFF")
    row = store.get(template_id)
    assert row is not None
    base = time.time() - count
    batch = 10_000
    for start in range(0, count, batch):
        with store.tx() as conn:
            for i in range(start, min(count, start + batch)):
                rid = f"seed-{i:08d}-0000-0000-0000-000000000000"[:36]
                doc = dict(row.doc, trainingId=rid, trainingName=f"seeded-{i}")
                store.insert("training", APPKEY, rid, f"seeded-{i}", row.status, doc, conn=conn)
                conn.execute("UPDATE resources SET created = ?, updated = ? WHERE id = ?", (base + i, base + i, rid))
    store.close()


def seed_objects(home: Path, count: int) -> None:
    """``count`` copies of a real small object's record (inline body) in one container."""
    engine = ObjectStore(home / "objects")
    engine.create_container(TENANT, CONTAINER)
    engine.put_object(TENANT, CONTAINER, "template", b"x" * 16, content_type="text/plain")
    db = engine._db  # the engine's own index, written the way it writes it
    columns = [r[1] for r in db.execute("PRAGMA table_info(objects)").fetchall()]
    template = db.execute("SELECT * FROM objects WHERE name = 'template'").fetchone()
    at = columns.index("name")
    sql = f"INSERT INTO objects ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    batch = 50_000
    for start in range(0, count, batch):
        rows = []
        for i in range(start, min(count, start + batch)):
            values = list(template)
            values[at] = f"obj/{i // 1000:04d}/{i:07d}"
            rows.append(values)
        db.execute("BEGIN")
        db.executemany(sql, rows)
        db.execute("COMMIT")
    engine.close()


def median_ms(repeat: int, one: Callable[[int], Any]) -> float:
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        one(i)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def measure(server: Server, get_id: str, repeat: int, round_: int, middle: str) -> dict[str, float]:
    api, obs = server.api, server.obs
    out = {
        "trainings: list page (limit=100)": median_ms(repeat, lambda i: ok(api.get("/trainings?limit=100&page=1"))),
        "trainings: get": median_ms(repeat, lambda i: ok(api.get(f"/trainings/{get_id}"))),
        "trainings: create": median_ms(max(3, repeat // 5), lambda i: create_training(server, f"bench-{round_}-{i}")),
        "objects: listing page, first": median_ms(repeat, lambda i: ok(obs.get(f"/{CONTAINER}?limit={PAGE}"))),
        "objects: listing page, marker in the middle": median_ms(
            repeat, lambda i: ok(obs.get(f"/{CONTAINER}?limit={PAGE}&marker={middle}"))
        ),
        "objects: listing page, prefix": median_ms(
            repeat, lambda i: ok(obs.get(f"/{CONTAINER}?limit={PAGE}&prefix=obj/0001/"))
        ),
        "objects: listing, top level with delimiter": median_ms(
            repeat, lambda i: ok(obs.get(f"/{CONTAINER}?limit={PAGE}&delimiter=/&format=json"))
        ),
        "objects: listing page, marker and end_marker": median_ms(
            repeat, lambda i: ok(obs.get(f"/{CONTAINER}?limit={PAGE}&marker=obj/0001/&end_marker=obj/0001/0001500"))
        ),
        "objects: get": median_ms(repeat, lambda i: ok(obs.get(f"/{CONTAINER}/template"))),
        "objects: create (PUT 16 bytes)": median_ms(
            repeat, lambda i: ok(obs.put(f"/{CONTAINER}/new/{round_}/{i}", content=b"y" * 16))
        ),
    }
    return out


def stream_all_names(server: Server) -> tuple[int, int, float]:
    """Every name of the container, page by page with ``marker``: (names, pages, seconds)."""
    names = pages = 0
    marker = ""
    start = time.perf_counter()
    while True:
        text = ok(server.obs.get(f"/{CONTAINER}", params={"limit": 10000, "marker": marker})).text
        page = text.splitlines()
        if not page:
            break
        names += len(page)
        pages += 1
        marker = page[-1]
    return names, pages, time.perf_counter() - start


def unpaged_training_list(server: Server) -> tuple[int, float, int, int]:
    """``GET /trainings`` without ``limit``: (trainings, seconds, response bytes, peak RSS of the server in KiB
    sampled while it answers)."""
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, memory_kb(server.pid)["VmRSS"])
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    size = 0
    count = 0
    with server.api.stream("GET", "/trainings") as response:
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
        size = len(body)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    count = len(json.loads(body)["trainingList"])
    return count, elapsed, size, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainings", type=int, default=100_000)
    parser.add_argument("--objects", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3, help="alternations between the two servers")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="em-bench-scale-") as tmp:
        tmpdir = Path(tmp)
        small = Server("small", tmpdir / "small", tmpdir)
        big = Server("big", tmpdir / "big", tmpdir)
        for server in (small, big):
            (server.home / "nas" / "n1").mkdir(parents=True)

        # a real training record in each home, then the copies
        started = time.perf_counter()
        ids = {}
        sizes = {"small": (100, 2 * PAGE), "big": (args.trainings, args.objects)}
        for server in (small, big):
            server.start()
            ids[server.name] = create_training(server, "template")
            wait_final(server, ids[server.name])
            server.stop()
            seed_trainings(server.home, ids[server.name], sizes[server.name][0])
            seed_objects(server.home, sizes[server.name][1])
        print(
            f"seeded {args.trainings:,} trainings and {args.objects:,} objects in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
        small.start()
        big.start()
        try:
            results: dict[str, dict[str, list[float]]] = {"small": {}, "big": {}}
            for round_ in range(args.rounds):
                for server in (small, big):
                    middle = "obj/0000/0000500" if server is small else "obj/0500/0500000"
                    for label, value in measure(server, ids[server.name], args.repeat, round_, middle).items():
                        results[server.name].setdefault(label, []).append(value)
            names, pages, listing_s = stream_all_names(big)
            count, list_s, list_bytes, list_peak = unpaged_training_list(big)
            memory = {s.name: memory_kb(s.pid) for s in (small, big)}
        finally:
            small.stop()
            big.stop()

    print(f"\nmedian per request over {args.rounds} alternating rounds of {args.repeat} [ms]\n")
    print(f"{'operation':<46} {'small':>9} {'big':>9} {'big/small':>10}  target <= 2.00")
    worst = 0.0
    for label in results["small"]:
        e, b = statistics.median(results["small"][label]), statistics.median(results["big"][label])
        worst = max(worst, b / e)
        print(f"{label:<46} {e:>9.2f} {b:>9.2f} {b / e:>10.2f}")
    print(f"\nworst ratio: {worst:.2f}")
    print(
        f"\nall {names:,} object names listed page by page (marker, limit=10000): {pages} pages in {listing_s:.1f} s "
        f"({names / listing_s:,.0f} names/s)"
    )
    print(
        f"unpaged GET /trainings on the big server: {count:,} trainings, {list_bytes / 1e6:.0f} MB streamed in "
        f"{list_s:.1f} s; server RSS peak while answering {list_peak / 1024:.0f} MiB"
    )
    for name, mem in memory.items():
        print(f"server memory, {name}: RSS {mem['VmRSS'] / 1024:.0f} MiB, peak {mem['VmHWM'] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
