"""Job processes never outlive EasyMaker Local, however it ends.

Every job process (trainings, tuning trials, model-server workers of endpoints, batch inferences and
evaluations, pipeline runs and their steps) is started through :func:`spawn`: in its own session (so its own
process group), with ``EASYMAKER_LOCAL_JOB_PROCESS=<tag>`` in its environment (inherited by what it starts).
Two mechanisms end such processes when the server dies:

* **The guard process** (``python -m easymaker.local.runners.guard``): started once per server process, at the
  first spawn, in its own session (a Ctrl-C or a ``kill`` of the server's group does not reach it). The server
  tells it, over a pipe, each group it starts (``+<tag> <pgid> <start time>``) and each group that ended
  (``-<tag>``). When the pipe closes — the server exited, crashed or got ``SIGKILL`` — the guard ends every
  group still recorded (SIGTERM, SIGKILL after a grace period) and exits.
* **Records on disk** (``<home>/run/processes/<tag>.json``, written before :func:`spawn` returns, removed when
  the group ended). If the guard died too (e.g. the whole machine's processes of the user were ``SIGKILL``-ed
  except the jobs), the next start's :func:`end_recorded` finds what remains and ends it.

A process is only ever killed when it is provably one of ours: it carries the record's tag in its environment,
or it is in the recorded process group while that group's leader still runs with the recorded start time
(``/proc/<pid>/stat`` field 22), so a reused process id is never mistaken for a job.

``PR_SET_PDEATHSIG`` is not used: it fires when the *thread* that started the child ends, and jobs are started
from worker threads that come and go; it would also reach only the leader, not the group.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from easymaker.local.auth import child_environment

logger = logging.getLogger("easymaker.local.guard")

TAG_ENV = "EASYMAKER_LOCAL_JOB_PROCESS"
GRACE_SECONDS = 3.0
_HAVE_PROC = Path("/proc/self/stat").exists()


@dataclass(frozen=True)
class Record:
    """One job process group as recorded: ``tag`` in its members' environment, its group and leader."""

    tag: str
    pgid: int
    start_time: int  # the leader's start time in clock ticks since boot (0 where /proc is missing)
    job: str = ""

    def line(self) -> str:
        return f"+{self.tag} {self.pgid} {self.start_time}\n"


# ---------------------------------------------------------------------------------------------------------------
# finding and ending the processes of a record
# ---------------------------------------------------------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, process group, start time) of ``pid`` from ``/proc``; ``None`` when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    fields = raw[raw.rfind(b")") + 2 :].split()
    # after the command: state(3) ppid(4) pgrp(5) session(6) ... starttime(22)
    return fields[0].decode(), int(fields[2]), int(fields[19])


def start_time(pid: int) -> int:
    """The process's start time (clock ticks since boot), 0 when unknown."""
    info = _stat(pid) if _HAVE_PROC else None
    return info[2] if info else 0


def _has_tag(pid: int, tag: str) -> bool:
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            env = f.read()
    except OSError:
        return False
    return f"{TAG_ENV}={tag}".encode() in env.split(b"\0")


def members(record: Record) -> list[int]:
    """The live (non-zombie) processes of ``record``: those carrying its tag, and the members of its process
    group while the group's leader runs with the recorded start time."""
    if not _HAVE_PROC:
        try:  # without /proc only the group can be named
            os.killpg(record.pgid, 0)
        except OSError:
            return []
        return [record.pgid]
    leader = _stat(record.pgid)
    group_is_ours = leader is not None and leader[2] == record.start_time and leader[0] not in ("Z", "X")
    found: list[int] = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        info = _stat(pid)
        if info is None or info[0] in ("Z", "X") or pid == os.getpid():
            continue
        if (group_is_ours and info[1] == record.pgid) or _has_tag(pid, record.tag):
            found.append(pid)
    return found


def end_processes(records: Sequence[Record], grace: float = GRACE_SECONDS) -> int:
    """SIGTERM every process of ``records``, SIGKILL what is left after ``grace`` seconds; the count ended."""
    targets = {pid for r in records for pid in members(r)}
    if not targets:
        return 0
    for pid in targets:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        left = {pid for r in records for pid in members(r)}
        if not left:
            return len(targets)
        time.sleep(0.05)
    for pid in {pid for r in records for pid in members(r)}:
        _signal(pid, signal.SIGKILL)
    return len(targets)


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


# ---------------------------------------------------------------------------------------------------------------
# the registry of one server process
# ---------------------------------------------------------------------------------------------------------------


class _Registry:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.records_dir: Path | None = None
        self.guard: subprocess.Popen[bytes] | None = None

    def guard_pipe(self) -> IO[bytes] | None:
        """The pipe to the guard process, starting it on first use (``None`` if it cannot be started)."""
        if self.guard is not None and self.guard.poll() is None:
            return self.guard.stdin
        try:
            self.guard = subprocess.Popen(
                [sys.executable, "-m", "easymaker.local.runners.guard", str(os.getpid())],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=None,
                start_new_session=True,
                close_fds=True,
                env={k: v for k, v in os.environ.items() if k != TAG_ENV},
            )
        except OSError as exc:
            logger.warning("cannot start the job-process guard (%s): jobs may outlive a crash of this server", exc)
            self.guard = None
            return None
        return self.guard.stdin

    def tell(self, line: str) -> None:
        pipe = self.guard_pipe()
        if pipe is None:
            return
        try:
            pipe.write(line.encode())
            pipe.flush()
        except (BrokenPipeError, ValueError, OSError) as exc:
            logger.warning("the job-process guard is gone (%s)", exc)
            self.guard = None

    def close(self) -> None:
        """At a normal exit: close the pipe (the guard ends every group still recorded, then exits) and reap the
        guard, so no pipe or child is left to the interpreter's teardown."""
        guard, self.guard = self.guard, None
        if guard is None:
            return
        if guard.stdin is not None:
            try:
                guard.stdin.close()
            except OSError:
                pass
        try:
            guard.wait(GRACE_SECONDS + 2)
        except subprocess.TimeoutExpired:
            pass  # it finishes its work and exits on its own


_REGISTRY = _Registry()
atexit.register(_REGISTRY.close)


def configure(run_dir: Path | None) -> None:
    """Keep the records of job processes in ``run_dir/processes`` (the server calls this with ``<home>/run``)."""
    with _REGISTRY.lock:
        if run_dir is None:
            _REGISTRY.records_dir = None
            return
        records = run_dir / "processes"
        records.mkdir(parents=True, exist_ok=True)
        _REGISTRY.records_dir = records


def spawn(argv: Sequence[str], *, env: Mapping[str, str] | None = None, job: str = "", **popen: Any) -> GuardedPopen:
    """Start a job process in its own session, recorded (on disk and with the guard) until :meth:`release`.

    Takes :class:`subprocess.Popen`'s keyword arguments (``start_new_session`` is always on)."""
    tag = uuid.uuid4().hex
    full_env = child_environment(os.environ if env is None else env)  # user code never sees the server's token
    full_env[TAG_ENV] = tag
    popen["start_new_session"] = True
    proc = GuardedPopen(list(argv), env=full_env, **popen)
    record = Record(tag, proc.pid, start_time(proc.pid), job)
    proc.record = record
    with _REGISTRY.lock:
        if _REGISTRY.records_dir is not None:
            _write_record(_REGISTRY.records_dir / f"{tag}.json", record)
        _REGISTRY.tell(record.line())
    return proc


class GuardedPopen(subprocess.Popen[bytes]):
    """A ``Popen`` whose process group is recorded until :meth:`release` (called by ``wait``/``poll`` once the
    leader has exited and nothing of its group is left)."""

    record: Record | None = None

    def release(self) -> None:
        """Forget the record (the caller made sure the group has ended)."""
        record, self.record = self.record, None
        if record is None:
            return
        with _REGISTRY.lock:
            if _REGISTRY.records_dir is not None:
                (_REGISTRY.records_dir / f"{record.tag}.json").unlink(missing_ok=True)
            if _REGISTRY.guard is not None:
                _REGISTRY.tell(f"-{record.tag}\n")


def _write_record(path: Path, record: Record) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(record.__dict__), encoding="utf-8")
    os.replace(tmp, path)


def end_recorded(run_dir: Path) -> int:
    """At start: end every process recorded in ``run_dir/processes`` by a previous server (its jobs were
    interrupted) and remove the records; returns how many processes were ended."""
    folder = run_dir / "processes"
    if not folder.is_dir():
        return 0
    records: list[Record] = []
    paths = []
    for path in folder.glob("*.json"):
        try:
            records.append(Record(**json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, TypeError) as exc:
            logger.warning("unreadable job-process record %s (%s); removed", path.name, exc)
        paths.append(path)
    ended = end_processes(records) if records else 0
    for path in paths:
        path.unlink(missing_ok=True)
    if ended:
        logger.warning("ended %d process(es) left running by interrupted jobs of a previous run", ended)
    return ended


# ---------------------------------------------------------------------------------------------------------------
# the guard process
# ---------------------------------------------------------------------------------------------------------------


def _guard_main(argv: Sequence[str]) -> int:
    """Read ``+tag pgid start`` / ``-tag`` lines from stdin; at end of input end every group still recorded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # only the pipe's end matters
    live: dict[str, Record] = {}
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "replace").strip()
        if line.startswith("+"):
            parts = line[1:].split()
            if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
                live[parts[0]] = Record(parts[0], int(parts[1]), int(parts[2]))
        elif line.startswith("-"):
            live.pop(line[1:], None)
    if live:
        server = argv[0] if argv else "?"
        n = end_processes(list(live.values()))
        sys.stderr.write(f"easymaker-local guard: server {server} is gone; ended {n} job process(es)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(_guard_main(sys.argv[1:]))
