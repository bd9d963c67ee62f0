"""Object Storage transfer benchmark: easymaker.storage vs python-swiftclient vs the official easymaker 2.1.5 vs a
plain local disk copy, for one large file and for many small files, against a real OpenStack Swift and against
EasyMaker Local's object store. Tools alternate within each repetition; every tool runs in its own child process
that times only the transfer and reports its peak RSS.

    .venv/bin/python bench/transfer.py            # 1 GiB file, 2,000 x 64 KiB files, 2 repetitions
    .venv/bin/python bench/transfer.py --quick    # 256 MiB, 500 files, 1 repetition
    .venv/bin/python bench/transfer.py --cases small   # only the many-small-files case (2,000 x 64 KiB)

``ours`` sends many small files as tar archives the server extracts (``?extract-archive=tar``, verified against a
listing); ``ours-single`` is the same engine with ``bulk=False`` (one PUT per file); ``ours-httpx`` is ``ours`` with
object GETs through httpx instead of ``storage/direct.py`` (what the hand-written HTTP/1.1 client is worth).

What durability costs: a second EasyMaker Local object store runs without fsync (``durable=False``); ``ours`` and
``ours-single`` also run against it and a last table gives time with fsync / time without (``--no-fsync-cost``
leaves it out).

The official SDK is installed into its own virtualenv (default /tmp/em215-venv, ``pip install easymaker==2.1.5``)
and pointed at the local servers by a two-line patch in the child (its token function and the https:// base of its
URI parser); none of its code is copied. The real Swift needs ``tests/setup_swift.sh``; without it only EasyMaker
Local is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MiB = 1024 * 1024
TOOLS = ("disk", "ours", "ours-httpx", "ours-single", "swiftclient", "official")
NO_FSYNC = "EasyMaker Local, no fsync"


# ---------------------------------------------------------------------------------------------------------------
# child side: one transfer, timed; prints {"seconds": ..., "maxrss_mib": ...}
# ---------------------------------------------------------------------------------------------------------------

TOKEN_ENV = "BENCH_STORAGE_TOKEN"


def _child(argv: list[str]) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("tool")
    p.add_argument("op", choices=["upload", "download"])
    p.add_argument("--endpoint", required=True)  # http://127.0.0.1:PORT
    p.add_argument("--tenant", required=True)
    p.add_argument("--container", required=True)
    p.add_argument("--src", required=True)
    p.add_argument("--dest", required=True)
    a = p.parse_args(argv)
    a.token = os.environ[TOKEN_ENV]  # through the environment: command lines are visible to every user (ps)
    uri = f"obs://object-storage.bench/v1/AUTH_{a.tenant}/{a.container}/p"
    storage_url = f"{a.endpoint}/v1/AUTH_{a.tenant}"
    src = Path(a.src)
    # every tool imports what it needs before the clock starts: only the transfer is timed
    run: Callable[[], object]
    if a.tool == "disk":

        def run() -> None:
            if src.is_dir():
                shutil.copytree(src, Path(a.dest) / src.name)
            else:
                Path(a.dest).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, Path(a.dest) / src.name)

    elif a.tool in ("ours", "ours-httpx", "ours-single"):
        sys.path.insert(0, str(REPO))
        from easymaker.storage import ObjectStorage

        st = ObjectStorage(
            token_provider=lambda t: (a.token, time.time() + 86400),
            swift_endpoint=a.endpoint,
            bulk=a.tool != "ours-single",
        )
        if a.tool == "ours-httpx":
            st.direct = None  # object GETs through httpx instead of the hand-written HTTP/1.1 client
        if a.op == "upload":

            def run() -> object:
                return st.upload(uri, src, show_progress=False)

        else:

            def run() -> object:
                return st.download(uri, a.dest, show_progress=False)

    elif a.tool == "swiftclient":
        from swiftclient.shell import main as swift_main

        common = ["swift", "-q", "--os-auth-token", a.token, "--os-storage-url", storage_url]
        if a.op == "upload":
            name = f"p/{src.name}" if src.is_file() else "p"
            argv_ = [*common, "upload", a.container, str(src), "--object-name", name]
        else:
            argv_ = [*common, "download", a.container, "-D", a.dest]

        def run() -> None:
            swift_main(argv_)

    elif a.tool == "official":
        import easymaker.storage.objectstorage as official  # the 2.1.5 wheel in its own virtualenv

        def token(self: object, tenant_id: object = None) -> None:  # no Keystone: a pre-obtained token
            self.tenant_id, self.token_id = tenant_id, a.token  # type: ignore[attr-defined]

        parse = official.parse_obs_uri

        def parse_local(u: str) -> tuple[str, ...]:
            parts = list(parse(u))
            host = parts[1]
            return tuple(x.replace(f"https://{host}", a.endpoint) if i in (0, 2) else x for i, x in enumerate(parts))

        official.ObjectStorage._get_token = token
        official.parse_obs_uri = parse_local
        if a.op == "upload":

            def run() -> None:
                official.upload(uri, str(src), username="u", password="p")

        else:

            def run() -> None:
                official.download(uri, a.dest, username="u", password="p", show_progress=False)

    else:
        raise SystemExit(f"unknown tool {a.tool}")
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "maxrss_mib": rss}))


# ---------------------------------------------------------------------------------------------------------------
# parent side
# ---------------------------------------------------------------------------------------------------------------


def _make_data(root: Path, big_bytes: int, small_count: int, small_bytes: int) -> tuple[Path, Path]:
    big = root / "data" / "big.bin"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as fh:
        left = big_bytes
        while left:
            n = min(16 * MiB, left)
            fh.write(os.urandom(n))
            left -= n
    small = root / "data" / "small"
    for i in range(small_count):
        d = small / f"d{i % 20:02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"f{i:05d}.bin").write_bytes(os.urandom(small_bytes))
    return big, small


def _official_python(venv: Path) -> Path | None:
    py = venv / "bin" / "python"
    if not py.exists():
        print(f"installing easymaker==2.1.5 into {venv} ...", flush=True)
        if subprocess.run([sys.executable, "-m", "venv", str(venv)]).returncode != 0:
            return None
        if subprocess.run([str(py), "-m", "pip", "install", "-q", "easymaker==2.1.5"]).returncode != 0:
            return None
    ok = subprocess.run(
        [str(py), "-c", "import easymaker.storage.objectstorage"], capture_output=True, cwd=tempfile.gettempdir()
    )
    return py if ok.returncode == 0 else None


def _run_child(
    python: Path, tool: str, op: str, target: dict[str, str], container: str, src: Path, dest: Path
) -> dict[str, float]:
    cmd = [
        str(python), str(Path(__file__).resolve()), "--child", tool, op,
        "--endpoint", target["endpoint"], "--tenant", target["tenant"],
        "--container", container, "--src", str(src), "--dest", str(dest),
    ]  # fmt: skip
    os.sync()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EM_")}
    env[TOKEN_ENV] = target["token"]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
    if res.returncode != 0:
        raise RuntimeError(f"{tool} {op} failed:\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _tree_bytes(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def _swift_req(target: dict[str, str], method: str, container: str) -> None:
    import httpx

    httpx.request(
        method,
        f"{target['endpoint']}/v1/AUTH_{target['tenant']}/{container}",
        headers={"X-Auth-Token": target["token"]},
    )


def _empty_container(target: dict[str, str], container: str) -> None:
    sys.path.insert(0, str(REPO))
    from easymaker.storage import ObjectStorage

    with ObjectStorage(
        token_provider=lambda t: (target["token"], time.time() + 86400), swift_endpoint=target["endpoint"]
    ) as st:
        for c in (container, f"{container}_segments"):
            try:
                st.delete(f"obs://x/v1/AUTH_{target['tenant']}/{c}", show_progress=False)
            except Exception:  # noqa: BLE001 - best-effort cleanup between runs
                pass
            _swift_req(target, "DELETE", c)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="256 MiB file, 500 small files, 1 repetition")
    ap.add_argument("--small-count", type=int, default=None, help="number of 64 KiB files (default 2000, quick 500)")
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument(
        "--cases", default="all", choices=["all", "big", "small"], help="big: the large file; small: many small files"
    )
    ap.add_argument("--targets", default="swift,local")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--official-venv", default="/tmp/em215-venv")
    ap.add_argument(
        "--no-fsync-cost",
        dest="fsync_cost",
        action="store_false",
        help="do not measure a second EasyMaker Local without fsync (what durability costs)",
    )
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    big_bytes = 256 * MiB if args.quick else 1024 * MiB
    small_count = args.small_count or (500 if args.quick else 2000)
    reps = args.reps or (1 if args.quick else 2)
    tools = [t for t in args.tools.split(",") if t]
    sys.path.insert(0, str(REPO / "tests"))
    from swift_server import MASTER_TOKEN, run_real_swift, swift_unavailable_reason

    official_py = _official_python(Path(args.official_venv)) if "official" in tools else None
    if "official" in tools and official_py is None:
        print("official easymaker 2.1.5 unavailable: its column is left out", flush=True)
        tools.remove("official")
    work = Path(args.workdir or tempfile.mkdtemp(prefix="em-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"generating data in {work} ...", flush=True)
    if args.cases == "small":
        big_bytes = 1024 * 1024  # not measured; kept tiny
    big, small = _make_data(work, big_bytes, small_count, 64 * 1024)
    cases: dict[str, Path] = {}
    if args.cases in ("all", "big"):
        cases[f"1 x {big_bytes // MiB} MiB"] = big
    if args.cases in ("all", "small"):
        cases[f"{small_count:,} x 64 KiB"] = small
    results: dict[tuple[str, str, str, str], list[float]] = {}
    peak_rss: dict[str, list[float]] = {"upload": [], "download": []}
    procs: list[subprocess.Popen[bytes]] = []
    swift_ctx = None
    targets: dict[str, dict[str, str]] = {}
    try:
        wanted = args.targets.split(",")
        local_servers = {"EasyMaker Local": "local"}
        if args.fsync_cost:
            local_servers[NO_FSYNC] = "nofsync"
        for name, kind in local_servers.items() if "local" in wanted else ():
            home = work / f"emhome-{kind}"
            port_file = work / f"port-{kind}"
            argv = [sys.executable, str(REPO / "tests" / "swift_server.py"), "local", str(home), str(port_file)]
            procs.append(subprocess.Popen(argv + (["nofsync"] if kind == "nofsync" else [])))
            deadline = time.monotonic() + 30
            while not port_file.exists() or not port_file.read_text():
                if time.monotonic() > deadline:
                    raise RuntimeError("EasyMaker Local object store did not start")
                time.sleep(0.1)
            time.sleep(1.0)
            targets[name] = {
                "endpoint": f"http://127.0.0.1:{port_file.read_text()}",
                "tenant": "bench",
                "token": MASTER_TOKEN,
            }
        if "swift" in wanted:
            reason = swift_unavailable_reason()
            if reason:
                print(f"real Swift left out: {reason}", flush=True)
            else:
                swift_ctx = run_real_swift()
                sw = swift_ctx.__enter__()
                targets["OpenStack Swift"] = {"endpoint": sw.url, "tenant": sw.tenant, "token": sw.token}
        py = {t: (official_py if t == "official" else Path(sys.executable)) for t in tools}
        run_id = 0
        for tname, target in targets.items():
            for case, src in cases.items():
                size = src.stat().st_size if src.is_file() else _tree_bytes(src)
                for rep in range(reps):
                    # the server without fsync is only there to price durability: our own tools suffice
                    on = [t for t in tools if t in ("ours", "ours-single")] if tname == NO_FSYNC else tools
                    order = on[rep % len(on) :] + on[: rep % len(on)]  # alternate who goes first
                    for tool in order:
                        run_id += 1
                        container = f"bench{run_id}"
                        _swift_req(target, "PUT", container)
                        dest_up = work / "disk-up" / str(run_id)
                        up = _run_child(py[tool], tool, "upload", target, container, src, dest_up)  # type: ignore[arg-type]
                        dest = work / "out" / str(run_id)
                        down_src = dest_up / src.name if tool == "disk" else src
                        down = _run_child(py[tool], tool, "download", target, container, down_src, dest)  # type: ignore[arg-type]
                        got = _tree_bytes(dest)
                        if got != size:
                            raise RuntimeError(f"{tool} downloaded {got} bytes, expected {size}")
                        results.setdefault((tname, case, tool, "upload"), []).append(up["seconds"])
                        results.setdefault((tname, case, tool, "download"), []).append(down["seconds"])
                        if tool == "ours" and src.is_file():
                            peak_rss["upload"].append(up["maxrss_mib"])
                            peak_rss["download"].append(down["maxrss_mib"])
                        print(
                            f"  {tname:16} {case:14} {tool:12} up {up['seconds']:7.2f}s  down {down['seconds']:7.2f}s",
                            flush=True,
                        )
                        shutil.rmtree(dest, ignore_errors=True)
                        shutil.rmtree(dest_up, ignore_errors=True)
                        if tool != "disk":
                            _empty_container(target, container)
        _print_table(results, cases, tools, targets, peak_rss, work)
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        if swift_ctx is not None:
            swift_ctx.__exit__(None, None, None)
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def _print_table(
    results: dict[tuple[str, str, str, str], list[float]],
    cases: dict[str, Path],
    tools: list[str],
    targets: dict[str, dict[str, str]],
    peak_rss: dict[str, list[float]],
    work: Path,
) -> None:
    print()
    print("| server | case | op | tool | seconds (median) | MiB/s | ratio vs swiftclient |")
    print("|---|---|---|---|---:|---:|---:|")
    for tname in targets:
        for case, src in cases.items():
            size = src.stat().st_size if src.is_file() else _tree_bytes(src)
            for op in ("upload", "download"):
                anchor = results.get((tname, case, "swiftclient", op))
                anchor_s = statistics.median(anchor) if anchor else None
                for tool in tools:
                    runs = results.get((tname, case, tool, op))
                    if not runs:
                        continue
                    s = statistics.median(runs)
                    ratio = f"{anchor_s / s:.2f}x" if anchor_s else "-"
                    print(f"| {tname} | {case} | {op} | {tool} | {s:.2f} | {size / MiB / s:.1f} | {ratio} |")
    for op, rss in peak_rss.items():
        if rss:
            print(f"peak RSS of easymaker.storage, {op} of the large file: {max(rss):.1f} MiB")
    if NO_FSYNC in targets:
        print()
        print("What durability costs (bodies and folders fsync-ed, SQLite synchronous=FULL) on EasyMaker Local:")
        print("| case | op | tool | with fsync (s) | without (s) | time with / without |")
        print("|---|---|---|---:|---:|---:|")
        for case in cases:
            for op in ("upload", "download"):
                for tool in ("ours", "ours-single"):
                    with_ = results.get(("EasyMaker Local", case, tool, op))
                    without = results.get((NO_FSYNC, case, tool, op))
                    if with_ and without:
                        a, b = statistics.median(with_), statistics.median(without)
                        print(f"| {case} | {op} | {tool} | {a:.2f} | {b:.2f} | {a / b:.2f}x |")
    for tname in targets:
        small_cases = [c for c in cases if "KiB" in c]
        if not small_cases:
            continue
        small_case = small_cases[0]
        for op in ("upload", "download"):
            ours = results.get((tname, small_case, "ours", op))
            off = results.get((tname, small_case, "official", op))
            if ours and off:
                print(
                    f"{tname}, {small_case}, {op}: ours is {statistics.median(off) / statistics.median(ours):.1f}x "
                    "the official SDK's throughput"
                )


if __name__ == "__main__":
    main()
