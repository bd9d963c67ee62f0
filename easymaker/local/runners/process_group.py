"""Child processes for EasyMaker Local runners: launch in a process group, capture output, stop, time out.

Every process is started in its own session (so its own process group, ``pgid == pid``): stopping a job sends
SIGTERM to the whole group (the entry point and anything it spawned), waits a grace period, then SIGKILLs the
group. Output is read line by line by background threads, appended to ``stdout.log`` / ``stderr.log`` in a log
folder and handed to an optional callback (used for Log & Crash forwarding and for metric collection).

The main entry point is :func:`run_process_group`, which supervises one or more processes that form one job
(e.g. the workers of a distributed training) until they all exit, one fails, the job is stopped, its deadline
passes, or the caller aborts it.
"""

from __future__ import annotations

import collections
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from easymaker.local import observe
from easymaker.local.runners import guard

logger = logging.getLogger("easymaker.local.process")

LineCallback = Callable[[str, str], None]
"""``(stream, line)`` with ``stream`` in ``{"stdout", "stderr"}`` and ``line`` without its newline."""

DEFAULT_TAIL_LINES = 20
DEFAULT_TAIL_CHARS = 2000

# Outcomes of run_process_group.
SUCCEEDED = "succeeded"
FAILED = "failed"
STOPPED = "stopped"
TIMED_OUT = "timeout"
ABORTED = "aborted"


@dataclass(frozen=True)
class ProcessSpec:
    """What to run: the command line, its working directory and its complete environment."""

    argv: Sequence[str]
    cwd: Path
    env: Mapping[str, str]
    label: str = ""  # prefix for this process's lines in shared log files (e.g. "rank 1"); empty = no prefix


class LogCapture:
    """Appends the lines of one or more processes to ``<log_dir>/stdout.log`` and ``<log_dir>/stderr.log``, and both
    streams interleaved in arrival order to ``<log_dir>/output.log`` (the log that followers read).

    Thread safe; each line is flushed at once and its followers are woken (:mod:`easymaker.local.observe`), so the
    files can be tailed while the job runs.
    """

    def __init__(self, log_dir: Path, on_line: LineCallback | None = None) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.stdout_path = log_dir / "stdout.log"
        self.stderr_path = log_dir / "stderr.log"
        self.output_path = log_dir / observe.OUTPUT_LOG
        self._files: dict[str, IO[str]] = {
            "stdout": open(self.stdout_path, "a", encoding="utf-8"),  # noqa: SIM115 - closed in close()
            "stderr": open(self.stderr_path, "a", encoding="utf-8"),  # noqa: SIM115
        }
        self._output = open(self.output_path, "a", encoding="utf-8")  # noqa: SIM115
        self._lock = threading.Lock()
        self._on_line = on_line

    def write(self, stream: str, line: str, label: str = "") -> None:
        text = f"[{label}] {line}" if label else line
        with self._lock:
            f = self._files.get(stream)
            if f is not None and not f.closed:
                f.write(text + "\n")
                f.flush()
                self._output.write(text + "\n")
                self._output.flush()
        observe.notify(self.output_path)
        if self._on_line is not None:
            try:
                self._on_line(stream, line)
            except Exception:  # a broken consumer must not kill the reader thread
                logger.exception("line callback failed for a %s line", stream)

    def close(self) -> None:
        with self._lock:
            for f in self._files.values():
                f.close()
            self._output.close()

    def __enter__(self) -> LogCapture:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ManagedProcess:
    """One child process in its own process group, its output captured by reader threads."""

    def __init__(self, spec: ProcessSpec, capture: LogCapture, tail_lines: int = DEFAULT_TAIL_LINES) -> None:
        self.spec = spec
        self._capture = capture
        self._tail: collections.deque[str] = collections.deque(maxlen=max(tail_lines, 1))
        self._tail_lock = threading.Lock()
        self._popen: guard.GuardedPopen | None = None
        self._readers: list[threading.Thread] = []

    # -- lifecycle -------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the process (raises ``OSError`` if the program cannot be executed)."""
        self._popen = guard.spawn(
            list(self.spec.argv),
            cwd=str(self.spec.cwd),
            env=self.spec.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            close_fds=True,
        )
        assert self._popen.stdout is not None and self._popen.stderr is not None
        for stream, pipe in (("stdout", self._popen.stdout), ("stderr", self._popen.stderr)):
            t = threading.Thread(
                target=self._read, args=(stream, pipe), name=f"{stream}-{self._popen.pid}", daemon=True
            )
            t.start()
            self._readers.append(t)

    def _read(self, stream: str, pipe: IO[bytes]) -> None:
        try:
            for raw in iter(pipe.readline, b""):
                line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
                if stream == "stderr":
                    with self._tail_lock:
                        self._tail.append(line)
                self._capture.write(stream, line, self.spec.label)
        except (OSError, ValueError):  # pipe closed under us during shutdown
            pass
        finally:
            try:
                pipe.close()
            except OSError:
                pass

    @property
    def pid(self) -> int:
        if self._popen is None:
            raise RuntimeError("process not started")
        return self._popen.pid

    @property
    def pgid(self) -> int:
        return self.pid  # start_new_session makes the child the leader of its own group

    @property
    def returncode(self) -> int | None:
        return None if self._popen is None else self._popen.returncode

    def poll(self) -> int | None:
        return None if self._popen is None else self._popen.poll()

    def wait(self, timeout: float | None = None) -> int | None:
        if self._popen is None:
            return None
        try:
            return self._popen.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def join_output(self, timeout: float = 2.0) -> None:
        """Wait (bounded) until both reader threads have drained their pipes."""
        end = time.monotonic() + timeout
        for t in self._readers:
            t.join(max(0.0, end - time.monotonic()))

    # -- signals ---------------------------------------------------------------------------------------------

    def signal_group(self, sig: int) -> bool:
        """Send ``sig`` to the process group; ``False`` when the group no longer exists."""
        if self._popen is None:
            return False
        try:
            os.killpg(self.pgid, sig)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:  # pgid reused by someone else's process: the group is gone for us
            return False

    def group_alive(self) -> bool:
        """True while the leader runs or any other member of its process group still exists."""
        if self._popen is None:
            return False
        self._popen.poll()  # reap the leader so a zombie does not count as alive
        return group_exists(self.pgid)

    def release(self) -> None:
        """Drop the process group's record (``guard``) once it has ended; kept while any member still runs."""
        if self._popen is not None and not self.group_alive():
            self._popen.release()

    def stderr_tail(self, max_lines: int = DEFAULT_TAIL_LINES, max_chars: int = DEFAULT_TAIL_CHARS) -> str:
        with self._tail_lock:
            lines = list(self._tail)
        return tail_text(lines, max_lines, max_chars)


def group_exists(pgid: int) -> bool:
    """Whether any live process is still in process group ``pgid``.

    Zombies do not count: a killed grandchild is reparented to PID 1, which may reap it late (or, in some
    containers, never); it holds no resources and cannot run again. On Linux ``/proc`` is read for that; elsewhere
    the answer is ``killpg(pgid, 0)``.
    """
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return bool(live_group_members(pgid)) if _HAVE_PROC else True


_HAVE_PROC = Path("/proc/self/stat").exists()


def live_group_members(pgid: int) -> list[int]:
    """PIDs of the non-zombie processes in group ``pgid`` (Linux ``/proc``; empty list elsewhere)."""
    members: list[int] = []
    if not _HAVE_PROC:
        return members
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        # fields: state, ppid, pgrp, ...
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
            members.append(int(entry.name))
    return members


def tail_text(lines: Sequence[str], max_lines: int = DEFAULT_TAIL_LINES, max_chars: int = DEFAULT_TAIL_CHARS) -> str:
    """The last ``max_lines`` non-empty lines joined by newlines, cut to their last ``max_chars`` characters."""
    kept = [ln for ln in lines if ln.strip()][-max_lines:]
    text = "\n".join(kept)
    if len(text) > max_chars:
        text = "..." + text[-(max_chars - 3) :]
    return text


def describe_exit(returncode: int | None) -> str:
    """``"exit code 2"``, ``"killed by signal SIGKILL (possibly out of memory)"``, ..."""
    if returncode is None:
        return "no exit code"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        hint = " (possibly out of memory)" if returncode == -signal.SIGKILL else ""
        return f"killed by signal {name}{hint}"
    return f"exit code {returncode}"


def terminate_groups(processes: Sequence[ManagedProcess], grace_seconds: float, poll_interval: float = 0.02) -> None:
    """SIGTERM every process group, wait up to ``grace_seconds`` for all of them to vanish, then SIGKILL the rest.

    Returns once every group is gone (or after a short bounded wait following SIGKILL) and the leaders are reaped.
    """
    live = [p for p in processes if p.group_alive()]
    for p in live:
        p.signal_group(signal.SIGTERM)
    end = time.monotonic() + max(grace_seconds, 0.0)
    while live and time.monotonic() < end:
        live = [p for p in live if p.group_alive()]
        if live:
            time.sleep(poll_interval)
    for p in live:
        logger.info("process group %d did not exit within %.1fs of SIGTERM; sending SIGKILL", p.pgid, grace_seconds)
        p.signal_group(signal.SIGKILL)
    end = time.monotonic() + 5.0
    while live and time.monotonic() < end:
        live = [p for p in live if p.group_alive()]
        if live:
            time.sleep(poll_interval)
    for p in processes:
        p.wait(1.0)
        p.release()


@dataclass
class GroupResult:
    """How a supervised set of processes ended."""

    outcome: str  # SUCCEEDED, FAILED, STOPPED, TIMED_OUT or ABORTED
    returncodes: list[int | None]
    failed_index: int | None = None  # which process failed first (FAILED only)
    abort_reason: str | None = None  # the string returned by ``abort`` (ABORTED only)
    stderr_tail: str = ""  # the failed process's stderr tail (FAILED), else the first process's tail
    processes: list[ManagedProcess] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.outcome == SUCCEEDED


def run_process_group(
    specs: Sequence[ProcessSpec],
    capture: LogCapture,
    *,
    stop_event: threading.Event | None = None,
    deadline: float | None = None,
    grace_seconds: float = 10.0,
    abort: Callable[[], str | None] | None = None,
    on_started: Callable[[list[ManagedProcess]], None] | None = None,
    on_outcome: Callable[[str], None] | None = None,
    poll_interval: float = 0.02,
) -> GroupResult:
    """Start every spec, then supervise them until the job ends.

    - all processes exit 0 → ``SUCCEEDED`` (stragglers left in their groups are then cleaned up);
    - one exits non-zero → the others are terminated, ``FAILED`` with that process's index and stderr tail;
    - ``stop_event`` set → all groups terminated (SIGTERM, SIGKILL after ``grace_seconds``), ``STOPPED``;
    - ``time.monotonic()`` passes ``deadline`` → terminated, ``TIMED_OUT``;
    - ``abort()`` returns a string → terminated, ``ABORTED`` with that string.

    ``on_started(processes)`` is called once all processes run; ``on_outcome(outcome)`` as soon as the outcome is
    known, before the processes are terminated (e.g. to publish STOP_IN_PROGRESS while the grace period runs).
    Raises ``OSError`` when a process cannot be started (those already started are terminated first).
    """
    procs: list[ManagedProcess] = []
    try:
        for spec in specs:
            p = ManagedProcess(spec, capture)
            p.start()
            procs.append(p)
    except OSError:
        terminate_groups(procs, 0.5)
        raise
    if on_started is not None:
        on_started(procs)

    outcome: str | None = None
    failed_index: int | None = None
    abort_reason: str | None = None
    while True:
        codes = [p.poll() for p in procs]
        bad = [i for i, c in enumerate(codes) if c is not None and c != 0]
        if bad:
            outcome, failed_index = FAILED, bad[0]
            break
        if all(c == 0 for c in codes):
            outcome = SUCCEEDED
            break
        if stop_event is not None and stop_event.is_set():
            outcome = STOPPED
            break
        if deadline is not None and time.monotonic() >= deadline:
            outcome = TIMED_OUT
            break
        if abort is not None:
            abort_reason = abort()
            if abort_reason:
                outcome = ABORTED
                break
        if stop_event is not None:
            stop_event.wait(poll_interval)
        else:
            time.sleep(poll_interval)

    if on_outcome is not None:
        on_outcome(outcome)
    # Clean up: on success only stragglers (children the entry point left behind) remain.
    terminate_groups(procs, grace_seconds if outcome != SUCCEEDED else min(grace_seconds, 2.0))
    for p in procs:
        p.join_output()
    if failed_index is not None:
        tail = procs[failed_index].stderr_tail()
    else:
        tail = procs[0].stderr_tail() if procs else ""
    return GroupResult(
        outcome=outcome,
        returncodes=[p.returncode for p in procs],
        failed_index=failed_index,
        abort_reason=abort_reason,
        stderr_tail=tail,
        processes=procs,
    )


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """``count`` distinct TCP ports that were free on ``host`` a moment ago (bound together, then released)."""
    socks: list[socket.socket] = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def free_port(host: str = "127.0.0.1") -> int:
    return free_ports(1, host)[0]


def watch_parent(parent_pid: int, on_gone: Callable[[], None], interval: float = 1.0) -> threading.Thread:
    """Call ``on_gone`` once the process ``parent_pid`` is no longer this process's parent (it exited or was
    killed, and this process was re-parented), checking every ``interval`` seconds from a daemon thread."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        logger.warning("parent process %d is gone", parent_pid)
        on_gone()

    thread = threading.Thread(target=watch, name="easymaker-parent-watch", daemon=True)
    thread.start()
    return thread
