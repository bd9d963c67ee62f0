"""Servers for the object storage tests: EasyMaker Local's object store under uvicorn, a real OpenStack Swift
(Debian packages, tempauth, one replica, temp folder), and a TCP proxy that can cut a response mid-body."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from local_server import free_port

MASTER_TOKEN = "test-master-token"
CREDENTIALS = {"username": "test-user", "password": "test-password"}  # the store's local Keystone credentials


def keystone_auth(tenant: str, credentials: dict[str, str] = CREDENTIALS) -> dict[str, object]:
    """A ``POST /v2.0/tokens`` body for ``tenant`` with the store's credentials."""
    return {"auth": {"tenantId": tenant, "passwordCredentials": dict(credentials)}}


# ---------------------------------------------------------------------------------------------------------------
# EasyMaker Local's object store
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class LocalStoreServer:
    url: str
    home: Path
    app: Any
    master_token: str = MASTER_TOKEN


def without_extract_archive(app: Any) -> Any:
    """The app as a Swift without the bulk middleware sees requests: ``extract-archive`` is an unknown query
    parameter (so ``PUT <container>?extract-archive=tar`` is a plain container PUT)."""

    async def wrapped(scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and b"extract-archive" in scope.get("query_string", b""):
            query = b"&".join(p for p in scope["query_string"].split(b"&") if not p.startswith(b"extract-archive"))
            scope = {**scope, "query_string": query}
        await app(scope, receive, send)

    wrapped.store = app.store  # type: ignore[attr-defined]
    return wrapped


@contextlib.contextmanager
def run_local_store(home: Path, token_ttl: float = 86400.0, *, bulk: bool = True) -> Iterator[LocalStoreServer]:
    """Serve ``create_object_store_app(home)`` with uvicorn on a free 127.0.0.1 port, in a thread. ``bulk=False``
    serves it as a store without archive extraction."""
    import uvicorn

    from easymaker.local.swift.http_app import create_object_store_app

    app = create_object_store_app(home, MASTER_TOKEN, token_ttl, credentials=CREDENTIALS)
    if not bulk:
        app = without_extract_archive(app)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_keep_alive=30, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield LocalStoreServer(f"http://127.0.0.1:{port}", home, app)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
        app.store.close()


def serve_local_store_forever(home: str, port_file: str, durable: bool = True) -> None:
    """Entry point for a separate process (used by the benchmark): serve and write the URL to ``port_file``.
    ``durable=False``: no fsync (to measure what durability costs)."""
    import uvicorn

    from easymaker.local.swift.http_app import create_object_store_app

    app = create_object_store_app(Path(home), MASTER_TOKEN, durable=durable, credentials=CREDENTIALS)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    Path(port_file).write_text(str(sock.getsockname()[1]))
    uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", timeout_keep_alive=30, access_log=False)
    ).run(sockets=[sock])


# ---------------------------------------------------------------------------------------------------------------
# A proxy that cuts connections
# ---------------------------------------------------------------------------------------------------------------


class CuttingProxy:
    """Forwards TCP to ``target_port``; the first ``cuts`` connections whose response passes ``cut_after`` bytes
    are closed at that point (simulating a network failure mid-download)."""

    def __init__(self, target_port: int, cut_after: int, cuts: int = 1) -> None:
        self.target_port = target_port
        self.cut_after = cut_after
        self.cuts_left = cuts
        self.cuts_done = 0
        self._lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, True), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, is_response: bool) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if is_response:
                    with self._lock:
                        cut = self.cuts_left > 0 and sent + len(data) > self.cut_after
                        if cut:
                            self.cuts_left -= 1
                            self.cuts_done += 1
                    if cut:
                        dst.sendall(data[: max(self.cut_after - sent, 0)])
                        break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()

    def close(self) -> None:
        self._closed = True
        self._sock.close()


# ---------------------------------------------------------------------------------------------------------------
# A real OpenStack Swift
# ---------------------------------------------------------------------------------------------------------------

SWIFT_BINARIES = ("swift-proxy-server", "swift-object-server", "swift-container-server", "swift-account-server")


def swift_unavailable_reason() -> str | None:
    """``None`` when a real Swift can be started here, else why not."""
    missing = [b for b in (*SWIFT_BINARIES, "swift-ring-builder", "memcached") if shutil.which(b) is None]
    if missing:
        return "OpenStack Swift is not installed (run tests/setup_swift.sh); missing: " + ", ".join(missing)
    if not Path("/etc/swift/swift.conf").exists():
        return "/etc/swift/swift.conf is missing (run tests/setup_swift.sh)"
    return None


@dataclass
class RealSwift:
    url: str  # http://127.0.0.1:PORT (the proxy)
    storage_url: str  # .../v1/AUTH_test
    token: str
    tenant: str = "test"

    def new_token(self) -> tuple[str, str]:
        r = httpx.get(f"{self.url}/auth/v1.0", headers={"X-Auth-User": "test:tester", "X-Auth-Key": "testing"})
        r.raise_for_status()
        return r.headers["x-auth-token"], r.headers["x-storage-url"]


def _swift_configs(root: Path, ports: dict[str, int], memcache_port: int, bulk: bool = True) -> None:
    common = textwrap.dedent(
        f"""\
        [DEFAULT]
        devices = {root / "srv"}
        mount_check = false
        swift_dir = {root}
        user = {os.environ.get("USER") or "root"}
        bind_ip = 127.0.0.1
        workers = 1
        log_facility = LOG_LOCAL2
        log_level = WARNING
        """
    )
    for kind in ("account", "container", "object"):
        (root / f"{kind}-server.conf").write_text(
            common
            + f"bind_port = {ports[kind]}\n\n"
            + f"[pipeline:main]\npipeline = {kind}-server\n\n"
            + f"[app:{kind}-server]\nuse = egg:swift#{kind}\n\n"
            + f"[{kind}-replicator]\n[{kind}-auditor]\n"
            + ("[container-updater]\n[container-sync]\n" if kind == "container" else "")
            + ("[object-updater]\n[object-expirer]\n" if kind == "object" else "")
        )
    (root / "proxy-server.conf").write_text(
        textwrap.dedent(
            f"""\
            [DEFAULT]
            bind_ip = 127.0.0.1
            bind_port = {ports["proxy"]}
            swift_dir = {root}
            user = {os.environ.get("USER") or "root"}
            workers = 2
            log_level = WARNING

            [pipeline:main]
            pipeline = catch_errors proxy-logging cache {"bulk " if bulk else ""}tempauth dlo proxy-logging proxy-server

            [app:proxy-server]
            use = egg:swift#proxy
            allow_account_management = true
            account_autocreate = true

            [filter:tempauth]
            use = egg:swift#tempauth
            user_test_tester = testing .admin
            token_life = 86400

            [filter:cache]
            use = egg:swift#memcache
            memcache_servers = 127.0.0.1:{memcache_port}

            [filter:catch_errors]
            use = egg:swift#catch_errors

            [filter:proxy-logging]
            use = egg:swift#proxy_logging

            [filter:dlo]
            use = egg:swift#dlo

            [filter:bulk]
            use = egg:swift#bulk
            """
        )
    )
    (root / "srv" / "sdb1").mkdir(parents=True)
    for kind in ("account", "container", "object"):
        builder = str(root / f"{kind}.builder")
        for args in (
            ["create", "6", "1", "1"],
            ["add", f"r1z1-127.0.0.1:{ports[kind]}/sdb1", "100"],
            ["rebalance"],
        ):
            res = subprocess.run(["swift-ring-builder", builder, *args], capture_output=True, text=True)
            if res.returncode not in (0, 1):  # 1 = warnings (e.g. single replica)
                raise RuntimeError(f"swift-ring-builder {args}: {res.stdout}{res.stderr}")


@contextlib.contextmanager
def run_real_swift(*, bulk: bool = True) -> Iterator[RealSwift]:
    """Start memcached and the four Swift servers on free ports, storage in a temp folder; tear down after.
    The proxy runs the ``bulk`` middleware (archive auto-extraction) unless ``bulk=False``."""
    reason = swift_unavailable_reason()
    if reason:
        raise RuntimeError(reason)
    root = Path(tempfile.mkdtemp(prefix="em-swift-"))
    ports = {k: free_port() for k in ("proxy", "account", "container", "object")}
    memcache_port = free_port()
    procs: list[subprocess.Popen[bytes]] = []
    log = open(root / "servers.log", "wb")  # noqa: SIM115
    try:
        _swift_configs(root, ports, memcache_port, bulk)
        procs.append(
            subprocess.Popen(
                ["memcached", "-l", "127.0.0.1", "-p", str(memcache_port), "-U", "0", "-u", "root", "-m", "64"],
                stdout=log,
                stderr=log,
            )
        )
        for kind in ("account", "container", "object", "proxy"):
            procs.append(
                subprocess.Popen([f"swift-{kind}-server", str(root / f"{kind}-server.conf")], stdout=log, stderr=log)
            )
        url = f"http://127.0.0.1:{ports['proxy']}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(
                    f"{url}/auth/v1.0", headers={"X-Auth-User": "test:tester", "X-Auth-Key": "testing"}, timeout=5
                )
                if r.status_code == 200:
                    token, storage_url = r.headers["x-auth-token"], r.headers["x-storage-url"]
                    # the account is created on first write; make sure the backends answer
                    if httpx.put(f"{storage_url}/warmup", headers={"X-Auth-Token": token}).status_code in (201, 202):
                        break
            except httpx.HTTPError:
                pass
            dead = [p.args for p in procs if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                log.flush()
                raise RuntimeError(
                    f"Swift did not start (exited: {dead}):\n"
                    + (root / "servers.log").read_text(errors="replace")[-4000:]
                )
            time.sleep(0.2)
        yield RealSwift(url, storage_url, token)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover - manual use: python tests/swift_server.py local HOME PORTFILE [nofsync]
    if sys.argv[1] == "local":
        serve_local_store_forever(sys.argv[2], sys.argv[3], durable=sys.argv[4:5] != ["nofsync"])
