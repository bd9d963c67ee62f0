"""The front proxy of an endpoint stage: one port for every model of the stage.

Routes (``{name}`` is the model name):

* ``/v1/models`` -> ``{"models": [every model name]}`` (answered here)
* ``/v1/models/{name}[/...]`` and ``/v2/models/{name}[/...]`` -> one of that model's workers, round-robin
* ``/{name}/v1/...`` and ``/{name}/v2/...`` (the 2.1.0 SDK paths) -> the same, with the ``/{name}`` prefix removed
* ``/v2``, ``/v2/health/live``, ``/v2/health/ready`` -> answered here (ready when every model has a live worker)

A worker that does not answer (crashed, restarting) is skipped; when none answers the reply is 503.
"""

from __future__ import annotations

import http.client
import itertools
import logging
import socket
import threading
from collections.abc import Callable, Mapping, Sequence

from easymaker.local.serving.http import JsonHttpServer, json_bytes
from easymaker.local.serving.process import WorkerProcess
from easymaker.local.serving.protocol import SERVER_NAME, SERVER_VERSION

logger = logging.getLogger("easymaker.local.serving")


class WorkerClient:
    """Keep-alive HTTP connections to workers, one per (thread, port)."""

    def __init__(self, timeout: float | None = None) -> None:
        self.timeout = timeout
        self._local = threading.local()

    def _conn(self, port: int) -> http.client.HTTPConnection:
        conns: dict[int, http.client.HTTPConnection] = self._local.__dict__.setdefault("conns", {})
        conn = conns.get(port)
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=self.timeout)
            conn.connect()
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conns[port] = conn
        return conn

    def drop(self, port: int) -> None:
        conns: dict[int, http.client.HTTPConnection] = self._local.__dict__.setdefault("conns", {})
        conn = conns.pop(port, None)
        if conn is not None:
            conn.close()

    def request(self, port: int, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        """One request; a stale keep-alive connection is retried once on a new one. Raises ``OSError``."""
        for attempt in (0, 1):
            conn = self._conn(port)
            try:
                headers = {"Content-Type": "application/json"} if body or method == "POST" else {}
                conn.request(method, path, body=body if (body or method == "POST") else None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                if resp.will_close:
                    self.drop(port)
                return resp.status, data
            except (http.client.HTTPException, ConnectionError) as exc:
                self.drop(port)
                if attempt == 1:
                    raise ConnectionError(str(exc) or type(exc).__name__) from exc
            except OSError:
                self.drop(port)
                raise
        raise ConnectionError("unreachable")


class FrontProxy:
    """Serve a stage's models on one 127.0.0.1 port; ``pools`` maps model name -> its workers."""

    def __init__(
        self,
        pools: Mapping[str, Sequence[WorkerProcess]],
        port: int = 0,
        on_worker_error: Callable[[WorkerProcess], None] | None = None,
    ) -> None:
        self.pools = {name: list(workers) for name, workers in pools.items()}
        self._counters = {name: itertools.count() for name in self.pools}
        self._client = WorkerClient()
        self._on_worker_error = on_worker_error
        self._server = JsonHttpServer(self._handle, port=port)

    @property
    def port(self) -> int:
        return self._server.port

    def start(self) -> None:
        self._server.start()

    def stop(self) -> None:
        self._server.stop()

    def _handle(self, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        clean = path.split("?", 1)[0]
        parts = [p for p in clean.split("/") if p]
        if len(parts) >= 2 and parts[0] not in ("v1", "v2") and parts[1] in ("v1", "v2"):
            parts = parts[1:]  # 2.1.0 prefix /{name}/v1/models/{name}/predict
            clean = "/" + "/".join(parts)
        if parts == ["v1", "models"]:
            return 200, json_bytes({"models": sorted(self.pools)})
        if parts == ["v2"]:
            return 200, json_bytes({"name": SERVER_NAME, "version": SERVER_VERSION, "extensions": []})
        if parts == ["v2", "health", "live"]:
            return 200, json_bytes({"live": True})
        if parts == ["v2", "health", "ready"]:
            ready = all(any(w.alive() and w.port for w in ws) for ws in self.pools.values())
            return (200 if ready else 503), json_bytes({"ready": ready})
        if len(parts) >= 3 and parts[0] in ("v1", "v2") and parts[1] == "models":
            name = parts[2]
            if name not in self.pools:
                return 404, json_bytes(
                    {"error": f"model {name!r} is not served by this stage; models: {sorted(self.pools)}"}
                )
            return self._forward(name, method, clean, body)
        return 404, json_bytes({"error": f"no route for {method} {path}"})

    def _forward(self, name: str, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        workers = self.pools[name]
        start = next(self._counters[name])
        last_error = "no worker is running"
        for i in range(len(workers)):
            worker = workers[(start + i) % len(workers)]
            port = worker.port
            if port is None:
                continue
            try:
                return self._client.request(port, method, path, body)
            except OSError as exc:
                last_error = f"{type(exc).__name__}: {exc}"
                if self._on_worker_error is not None:
                    self._on_worker_error(worker)
        return 503, json_bytes({"error": f"model {name!r} has no worker answering ({last_error})"})
