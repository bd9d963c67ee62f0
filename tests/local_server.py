"""Helpers for tests that need a real EasyMaker Local: a server started as a subprocess on a free port with a
temporary home, waited for until ``/health`` answers, stopped at the end.

The fixtures are registered in ``conftest.py`` for every test module (no import needed)::

    def test_something(local_server_module: LocalServerHandle) -> None:
        api = local_server_module.api("myappkey")   # httpx.Client on .../v1.0/appkeys/myappkey with the token
        r = api.post("/experiments", json={"experimentName": "e"})
        assert r.json()["header"]["isSuccessful"]

- ``local_server``: one server per test; ``local_server_module``: one server shared by a test module.
- ``local_sdk`` (per test) / ``local_sdk_module`` (per module): ``easymaker.init(profile="local")`` on the module's
  server, as the default client; ``local_sdk_client(server)`` does the same as a context manager.
- A module (``pytestmark = pytest.mark.local_server(...)``) or a test configures its server with the mark's options
  ``files={"nas/n1/src/train.py": TEXT}`` (written into the home before the start) and ``samples=True`` (the home
  seeded with ``easymaker.local samples``).
- ``start_local_server(home, ...)`` starts one by hand (e.g. to restart on the same home, or with extra arguments).

``handle.credentials`` are the home's local Keystone credentials; ``handle.keystone_auth(tenant)`` is a valid
``POST /v2.0/tokens`` body for them and ``handle.swift_token(tenant)`` a Swift token of that tenant.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

import easymaker
from easymaker import Client
from easymaker._client import set_default_client
from easymaker._local import verify_local_server

REPO = Path(__file__).resolve().parents[1]
TOKEN = "test-token-" + "x" * 20


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LocalServerHandle:
    """A running EasyMaker Local subprocess."""

    url: str
    token: str
    home: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    extra_args: tuple[str, ...] = ()
    _clients: list[httpx.Client] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"x-nhn-authorization": f"Bearer {self.token}"}

    @property
    def credentials(self) -> dict[str, str]:
        """The local Keystone credentials (``<home>/credentials``, written by the server at start)."""
        doc = json.loads((self.home / "credentials").read_text(encoding="utf-8"))
        return {"username": str(doc["username"]), "password": str(doc["password"])}

    def keystone_auth(self, tenant: str) -> dict[str, object]:
        """A ``POST /v2.0/tokens`` body with the valid local credentials for ``tenant``."""
        return {"auth": {"tenantId": tenant, "passwordCredentials": self.credentials}}

    def swift_token(self, tenant: str) -> str:
        """A Swift token of ``tenant``, issued by the server's Keystone endpoint for the local credentials."""
        r = httpx.post(f"{self.url}/v2.0/tokens", json=self.keystone_auth(tenant), timeout=30.0)
        r.raise_for_status()
        return str(r.json()["access"]["token"]["id"])

    def client(self, *, token: bool = True, headers: dict[str, str] | None = None, **kwargs: object) -> httpx.Client:
        """An httpx client on the server's root URL with the token header (without it for ``token=False``) and
        ``headers``, closed when the server stops."""
        merged = {**(self.headers if token else {}), **(headers or {})}
        c = httpx.Client(base_url=self.url, headers=merged, timeout=30.0, **kwargs)  # type: ignore[arg-type]
        self._clients.append(c)
        return c

    def api(self, appkey: str = "test-appkey") -> httpx.Client:
        """An httpx client on ``<url>/v1.0/appkeys/<appkey>`` with the token header."""
        c = httpx.Client(base_url=f"{self.url}/v1.0/appkeys/{appkey}", headers=self.headers, timeout=30.0)
        self._clients.append(c)
        return c

    def output(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the server (its whole process group)."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(10)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (graceful shutdown), SIGKILL after ``timeout``."""
        for c in self._clients:
            c.close()
        self._clients.clear()
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self, timeout: float = 60.0) -> LocalServerHandle:
        """Stop this server and start a new one on the same home and port."""
        self.stop()
        return start_local_server(
            self.home, port=self.port, token=self.token, extra_args=self.extra_args, timeout=timeout
        )


def wait_healthy(
    url: str, process: subprocess.Popen[bytes] | None = None, timeout: float = 60.0, token: str | None = None
) -> None:
    """Wait until ``/health`` answers and, with ``token``, the server proves it holds that token (so a server of
    another test that answers on a reused port does not count)."""
    deadline = time.monotonic() + timeout
    delay = 0.02
    with httpx.Client(timeout=2.0) as c:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"EasyMaker Local exited with code {process.returncode}")
            try:
                r = c.get(url + "/health")
                if r.status_code == 200:
                    if token is not None:
                        verify_local_server(url, token)
                    return
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(delay)
            delay = min(delay * 1.5, 0.2)
    raise RuntimeError(f"EasyMaker Local did not become healthy at {url} within {timeout} s")


def start_local_server(
    home: Path,
    *,
    port: int | None = None,
    token: str = TOKEN,
    extra_args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> LocalServerHandle:
    """Start ``python -m easymaker.local serve`` on ``home`` (a free port unless given) and wait for health."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    log_path = home / f"server-{port}.log"
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env["PYTHONUNBUFFERED"] = "1"
    full_env["EASYMAKER_LOCAL_TOKEN"] = token
    cmd = [
        sys.executable,
        "-m",
        "easymaker.local",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--home",
        str(home),
        "--log-level",
        "warning",
        *extra_args,
    ]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=full_env, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    handle = LocalServerHandle(url, token, home, port, proc, log_path, tuple(extra_args))
    try:
        wait_healthy(url, proc, timeout, token)
    except RuntimeError as exc:
        handle.kill()
        raise RuntimeError(f"{exc}\n--- server output ---\n{handle.output()[-4000:]}") from None
    return handle


def _configured_start(request: pytest.FixtureRequest, home: Path) -> LocalServerHandle:
    """Start a server on ``home`` as the closest ``local_server`` mark of the test (or its module) asks:
    ``files`` (path relative to the home -> text, written before the start, e.g. ``{"nas/n1/src/train.py": ...}``),
    ``samples=True`` (the home seeded with ``easymaker.local samples`` first)."""
    mark = request.node.get_closest_marker("local_server")
    options: dict[str, Any] = dict(mark.kwargs) if mark is not None else {}
    unknown = set(options) - {"files", "samples"}
    if unknown:
        raise TypeError(f"unknown local_server mark options: {sorted(unknown)} (known: files, samples)")
    home.mkdir(parents=True, exist_ok=True)
    if options.get("samples"):
        env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        seeded = subprocess.run(
            [sys.executable, "-m", "easymaker.local", "samples", "--home", str(home)],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert seeded.returncode == 0, seeded.stderr
    for relative, text in dict(options.get("files") or {}).items():
        target = home / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return start_local_server(home)


@pytest.fixture
def local_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LocalServerHandle]:
    """A fresh EasyMaker Local (subprocess, free port, temporary home) for one test."""
    handle = _configured_start(request, tmp_path / "em-home")
    try:
        yield handle
    finally:
        handle.stop(timeout=30)


@pytest.fixture(scope="module")
def local_server_module(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LocalServerHandle]:
    """One EasyMaker Local shared by the tests of a module (use distinct appkeys or names to keep tests apart)."""
    handle = _configured_start(request, tmp_path_factory.mktemp("em-home"))
    try:
        yield handle
    finally:
        handle.stop(timeout=30)


@contextmanager
def local_sdk_client(server: LocalServerHandle) -> Iterator[Client]:
    """``easymaker.init(profile="local")`` pointed at ``server`` (no other ``EM_*`` variable set); the environment
    and the default client are put back at the end."""
    with pytest.MonkeyPatch.context() as mp:
        for name in [n for n in os.environ if n.startswith("EM_")]:
            mp.delenv(name)
        for name, value in local_sdk_environment(server).items():
            mp.setenv(name, value)
        try:
            yield easymaker.init(profile="local")
        finally:
            set_default_client(None)


@pytest.fixture
def local_sdk(local_server_module: LocalServerHandle) -> Iterator[Client]:
    """The SDK (``profile="local"``, the default client) on the module's server, for one test."""
    with local_sdk_client(local_server_module) as client:
        yield client


@pytest.fixture(scope="module")
def local_sdk_module(local_server_module: LocalServerHandle) -> Iterator[Client]:
    """The SDK (``profile="local"``, the default client) on the module's server, for all tests of the module."""
    with local_sdk_client(local_server_module) as client:
        yield client


def local_sdk_environment(server: LocalServerHandle) -> dict[str, str]:
    """The environment that points ``easymaker.init(profile="local")`` at ``server`` (set it, then init)."""
    return {"EM_LOCAL_URL": server.url, "EASYMAKER_LOCAL_HOME": str(server.home), "EASYMAKER_LOCAL_TOKEN": server.token}
