"""Start and stop EasyMaker Local from Python (the SDK uses this to start it when nothing listens).

server = LocalServer(home="~/.easymaker/local", port=10090)
server.start()              # a child process (default) or, with mode="thread", a thread of this process
server.url, server.token    # "http://127.0.0.1:10090", the access token
server.stop()
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from easymaker._local import verify_local_server
from easymaker.local.home import TOKEN_ENV, LocalHome

logger = logging.getLogger("easymaker.local.server")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def is_listening(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


class LocalServer:
    """One EasyMaker Local server.

    ``home``: its home folder (default ``$EASYMAKER_LOCAL_HOME`` or ``~/.easymaker/local``); ``port`` 0 picks a free
    port; ``token``: the access token (default: the home's token file, created at first start).
    ``mode``: ``"subprocess"`` (``python -m easymaker.local serve`` in its own session: it keeps running if this
    process dies without calling ``stop()``) or ``"thread"`` (uvicorn in a daemon thread of this process).
    """

    def __init__(
        self,
        home: str | os.PathLike[str] | None = None,
        host: str = "127.0.0.1",
        port: int = 10090,
        token: str | None = None,
        *,
        mode: str = "subprocess",
        allow_pip_install: bool = False,
        log_file: str | os.PathLike[str] | None = None,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        if mode not in ("subprocess", "thread"):
            raise ValueError(f"mode must be 'subprocess' or 'thread', got {mode!r}")
        self.home = LocalHome(home)
        self.host = host
        self.port = port
        self._token = token
        self.mode = mode
        self.allow_pip_install = allow_pip_install
        self.log_file = Path(log_file) if log_file else None
        self.extra_args = extra_args
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        self._uvicorn: Any = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def token(self) -> str:
        if self._token is None:
            self._token = self.home.ensure_token()
        return self._token

    def start(self, timeout: float = 60.0) -> LocalServer:
        """Start the server and wait until ``/health`` answers; raise ``RuntimeError`` with its output if it fails."""
        self.home.ensure()
        self._token = self.home.ensure_token(self._token)
        if self.port == 0:
            self.port = free_port(self.host)
        if self.mode == "thread":
            self._start_thread()
        else:
            self._start_process()
        self._wait_healthy(timeout)
        return self

    def _start_process(self) -> None:
        cmd = [
            sys.executable,
            "-m",
            "easymaker.local",
            "serve",
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--home",
            str(self.home.root),
            *(["--allow-pip-install"] if self.allow_pip_install else []),
            # a server this process started ends with it, even when this process is killed without cleanup
            "--parent-pid",
            str(os.getpid()),
            *self.extra_args,
        ]
        log_path = self.log_file or (self.home.root / "server.log")
        env = dict(os.environ if self.env is None else self.env)
        env.setdefault("PYTHONUNBUFFERED", "1")
        env[TOKEN_ENV] = self.token  # not on the command line, where other users could read it
        # the child writes to its own copy of the descriptor: this process closes its copy at once (kept open, it
        # was never closed when the server failed to start)
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        self._log_path = log_path

    def _start_thread(self) -> None:
        import uvicorn

        from easymaker.local.app import create_app
        from easymaker.local.cli import server_settings

        settings = server_settings(self.host, self.port, "kr1", self.allow_pip_install)
        app = create_app(self.home, self.token, settings=settings, hosts=(self.host,))
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning", access_log=False)
        self._uvicorn = uvicorn.Server(config)
        self._uvicorn.install_signal_handlers = lambda: None
        self._thread = threading.Thread(target=self._uvicorn.run, name="easymaker-local", daemon=True)
        self._thread.start()

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        delay = 0.02
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise RuntimeError(f"EasyMaker Local exited with code {self.process.returncode}: {self._output()}")
                if self._thread is not None and not self._thread.is_alive():
                    raise RuntimeError("EasyMaker Local's server thread ended while starting")
                try:
                    r = client.get(self.url + "/health")
                    if r.status_code == 200:
                        # ours holds the token; another program on this port cannot prove it (ours then fails to
                        # bind and exits, reported above)
                        verify_local_server(self.url, self.token)
                        return
                except (httpx.HTTPError, ValueError):
                    pass
                time.sleep(delay)
                delay = min(delay * 1.5, 0.25)
        self.stop()
        raise RuntimeError(
            f"EasyMaker Local did not answer on {self.url}/health within {timeout:.0f} s: {self._output()}"
        )

    def _output(self) -> str:
        path = getattr(self, "_log_path", None)
        if path is None:
            return ""
        try:
            return Path(path).read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout``)."""
        if self.process is not None:
            if self.process.poll() is None:
                try:
                    os.killpg(self.process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
                try:
                    self.process.wait(timeout)
                except subprocess.TimeoutExpired:
                    os.killpg(self.process.pid, signal.SIGKILL)
                    self.process.wait(10)
            self.process = None
        if self._uvicorn is not None:
            self._uvicorn.should_exit = True
            if self._thread is not None:
                self._thread.join(timeout)
            self._uvicorn = None
            self._thread = None

    def kill(self) -> None:
        """SIGKILL the server process group (crash tests)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
