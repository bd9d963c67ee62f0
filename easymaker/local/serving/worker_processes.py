"""Start, watch and stop model-server worker processes (each in its own process group)."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from easymaker.local.runners import guard
from easymaker.local.serving.errors import ModelLoadError, ServingError
from easymaker.local.serving.loaders import ModelSpec

logger = logging.getLogger("easymaker.local.serving")

DEFAULT_START_TIMEOUT = 300.0


class WorkerProcess:
    """One ``python -m easymaker.local.serving.worker`` process serving ``specs`` on 127.0.0.1.

    ``listen``: a listening socket the worker accepts on (shared by every worker of an endpoint stage, and kept open
    by the caller across worker restarts, so clients queue instead of being refused); else it binds a free port.
    """

    def __init__(
        self, specs: Sequence[ModelSpec], run_dir: Path, label: str, listen: socket.socket | None = None
    ) -> None:
        self.specs = list(specs)
        self.listen = listen
        self.run_dir = run_dir
        self.label = label
        self.proc: guard.GuardedPopen | None = None
        self.port: int | None = None

    @property
    def address(self) -> tuple[str, int]:
        if self.port is None:
            raise ServingError(f"worker {self.label} is not ready")
        return ("127.0.0.1", self.port)

    def start(self, timeout: float = DEFAULT_START_TIMEOUT, stop_event: threading.Event | None = None) -> None:
        """Start the process and wait until it serves; raise :class:`ModelLoadError` with the worker's reason."""
        self.run_dir.mkdir(parents=True, exist_ok=True)
        spec_file = self.run_dir / f"{self.label}.spec.json"
        ready_file = self.run_dir / f"{self.label}.ready.json"
        log_file = self.run_dir / f"{self.label}.log"
        spec_file.write_text(json.dumps({"models": [s.to_json() for s in self.specs]}))
        ready_file.unlink(missing_ok=True)
        self.port = None
        cmd = [
            sys.executable,
            "-m",
            "easymaker.local.serving.worker",
            "--spec",
            str(spec_file),
            "--ready-file",
            str(ready_file),
            "--parent-pid",
            str(os.getpid()),
        ]
        fds: tuple[int, ...] = ()
        if self.listen is not None:
            fds = (self.listen.fileno(),)
            cmd += ["--listen-fd", str(fds[0])]
        if self.proc is not None and self.proc.poll() is not None:
            _kill_group(self.proc.pid)  # a restart: whatever the previous worker left in its group goes too
            self.proc.release()
        with open(log_file, "ab") as log:
            self.proc = guard.spawn(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, pass_fds=fds)
        deadline = time.monotonic() + timeout
        delay = 0.01
        while True:
            if ready_file.exists():
                info = json.loads(ready_file.read_text())
                if "error" in info:
                    self.stop()
                    raise ModelLoadError(str(info["error"]))
                self.port = int(info["port"])
                logger.info("worker %s (pid %d) serves on 127.0.0.1:%d", self.label, self.proc.pid, self.port)
                return
            code = self.proc.poll()
            if code is not None:
                tail = _tail(log_file)
                raise ModelLoadError(f"model server process exited with status {code} before it was ready: {tail}")
            if stop_event is not None and stop_event.is_set():
                self.stop()
                raise ServingError("stopped while the model server was starting")
            if time.monotonic() > deadline:
                self.stop()
                raise ModelLoadError(f"model server was not ready after {timeout:.0f} s")
            time.sleep(delay)
            delay = min(delay * 1.5, 0.2)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, grace: float = 5.0) -> None:
        """Terminate the worker's process group (SIGTERM, then SIGKILL after ``grace`` seconds)."""
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=grace)
        _kill_group(proc.pid)  # children the worker left in its group go too
        proc.release()
        self.port = None


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _tail(path: Path, limit: int = 800) -> str:
    try:
        text = path.read_text(errors="replace").strip()
    except OSError:
        return "(no output)"
    return text[-limit:] if text else "(no output)"


def start_workers(
    workers: Sequence[WorkerProcess], timeout: float = DEFAULT_START_TIMEOUT, stop_event: threading.Event | None = None
) -> None:
    """Start ``workers`` in parallel. On any failure stop them all and raise the first error."""
    if not workers:
        return
    with ThreadPoolExecutor(max_workers=min(len(workers), 16)) as pool:
        futures = [pool.submit(w.start, timeout, stop_event) for w in workers]
        errors = []
        for fut in futures:
            exc = fut.exception()
            if exc is not None:
                errors.append(exc)
    if errors:
        stop_workers(workers)
        raise errors[0]


def stop_workers(workers: Sequence[WorkerProcess]) -> None:
    for worker in workers:
        try:
            worker.stop()
        except Exception:  # keep stopping the others
            logger.exception("stopping worker %s failed", worker.label)
