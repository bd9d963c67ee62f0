"""Watching the work on EasyMaker Local: where each job's logs are, following them, and recorded metrics.

Every job writes its output, stdout and stderr interleaved in arrival order, to ``<job dir>/logs/output.log``
(:class:`easymaker.local.runners.process_group.LogCapture`; the supervisor adds one ``[easymaker] status ...`` line per
status change). The sub-sources of a job have their own file: a tuning's trial ``trials/<trialId>/logs/output.log``,
a pipeline run's step ``logs/steps/<step>.log``, an endpoint stage's (or a batch inference's) model worker
``run/<worker>.log``. Offsets are byte offsets into that file; every offset handed out is at the start of a line.

Writers in this process call :func:`notify` after each line, which wakes the followers of that file at once
(:class:`LogWatch`); files written by other processes (model workers) are polled every :data:`POLL_SECONDS`.

Metrics: ``easymaker.log_metrics()`` inside a job appends one JSON line per call to the file named by
``EM_LOCAL_METRICS_FILE`` (``<run dir>/logs/metrics.jsonl``); :func:`read_metrics` turns it into one series per
metric. A job writes only files in its own folder: it needs no token to report anything.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from easymaker.local.states import KINDS

# The operations of the spec served by the app itself (streams and files), not by the resource service.
OPERATIONS = frozenset({"getResourceLogs", "listResourceLogSources", "getResourceMetrics"})
OUTPUT_LOG = "output.log"
METRICS_FILE = "metrics.jsonl"
METRICS_ENV = "EM_LOCAL_METRICS_FILE"
POLL_SECONDS = 0.5
STATUS_PREFIX = b"[easymaker] status "  # the supervisor's status lines (see Supervisor._set_status)
READ_BLOCK = 256 * 1024
MAX_METRIC_POINTS = 10_000  # per series; older points are dropped first
MAX_METRICS_BYTES = 64 * 1024 * 1024  # a metrics file is read up to this size

JOB = "JOB"
TRIAL = "TRIAL"
PIPELINE_STEP = "PIPELINE_STEP"
MODEL_WORKER = "MODEL_WORKER"

# Statuses after which an endpoint stage's workers are gone (ACTIVE is terminal for waiting, not for its logs).
_STAGE_ENDED = frozenset({"CREATE_FAILED", "DEPLOY_FAILED", "DELETE_IN_PROGRESS"})
OBSERVED_KINDS = frozenset(
    {"training", "hyperparameter_tuning", "batch_inference", "model_evaluation", "pipeline_run", "endpoint_stage"}
)


class LogWatch:
    """Wakes the asyncio followers of a file when a thread of this process appended a line to it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}

    def notify(self, path: Path | str) -> None:
        key = str(path)
        if key not in self._waiters:  # no follower: the common case costs one dict lookup
            return
        with self._lock:
            waiters = list(self._waiters.get(key, ()))
        for loop, event in waiters:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # the loop is closed: its follower is gone
                pass

    def subscribe(self, path: Path | str) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
        entry = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._waiters.setdefault(str(path), set()).add(entry)
        return entry

    def unsubscribe(self, path: Path | str, entry: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
        key = str(path)
        with self._lock:
            waiters = self._waiters.get(key)
            if waiters is not None:
                waiters.discard(entry)
                if not waiters:
                    del self._waiters[key]


WATCH = LogWatch()


def notify(path: Path | str) -> None:
    """A line was appended to ``path`` (called by writers in this process)."""
    WATCH.notify(path)


def status_line(status: str, reason: str | None) -> str:
    """The line the supervisor writes into a job's log when its status changes."""
    return STATUS_PREFIX.decode() + status + (f": {reason}" if reason else "")


def append_line(path: Path, line: str) -> None:
    """Append one line to a log file and wake its followers (for writers that do not keep the file open)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(line.replace("\n", " ") + "\n")
    notify(path)


# -- sources -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogSource:
    source: str  # "" for the job's own log
    type_code: str
    path: Path

    def wire(self) -> dict[str, Any]:
        try:
            size = self.path.stat().st_size
        except OSError:
            size = 0
        return {"source": self.source, "sourceTypeCode": self.type_code, "sizeBytes": size}


def job_log(job_dir: Path) -> Path:
    return job_dir / "logs" / OUTPUT_LOG


def step_log_name(step: str) -> str:
    """The file name of a pipeline step's log (the step name with anything but letters, digits, ``-_.`` as ``_``)."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in step).strip(".")
    return (cleaned or "_")[:200] + ".log"


def log_sources(kind: str, job_dir: Path, doc: dict[str, Any]) -> list[LogSource]:
    """Every log of a job: its own first, then trials, pipeline steps or model workers."""
    out = [LogSource("", JOB, job_log(job_dir))]
    if kind == "hyperparameter_tuning":
        for trial in doc.get("trialList") or []:
            tid = str(trial.get("trialId") or "")
            if tid and _plain_name(tid):
                out.append(LogSource(tid, TRIAL, job_dir / "trials" / tid / "logs" / OUTPUT_LOG))
    elif kind == "pipeline_run":
        for step in doc.get("pipelineRunStepList") or []:
            name = str(step.get("stepName") or "")
            if name:
                out.append(LogSource(name, PIPELINE_STEP, job_dir / "logs" / "steps" / step_log_name(name)))
    if kind in ("endpoint_stage", "batch_inference"):
        run = job_dir / "run"
        if run.is_dir():
            for path in sorted(run.glob("*.log")):
                out.append(LogSource(path.stem, MODEL_WORKER, path))
    return out


def _plain_name(name: str) -> bool:
    return name not in (".", "..") and "/" not in name and "\\" not in name and "\x00" not in name


def find_source(kind: str, job_dir: Path, doc: dict[str, Any], source: str | None) -> LogSource | None:
    """The log named by ``source`` (``None``/empty: the job's own); ``None`` when the job has no such log."""
    if not source:
        return LogSource("", JOB, job_log(job_dir))
    for candidate in log_sources(kind, job_dir, doc):
        if candidate.source == source:
            return candidate
    return None


def is_final(kind: str, status: str | None, exists: bool = True) -> bool:
    """Whether a job in ``status`` writes no more log lines."""
    if not exists:
        return True
    if kind == "endpoint_stage":
        return status in _STAGE_ENDED
    spec = KINDS.get(kind)
    return spec is not None and status in spec.terminal


# -- reading and following -----------------------------------------------------------------------------------------


def _read(path: Path, offset: int, limit: int | None) -> bytes:
    """Up to ``limit`` bytes of ``path`` from ``offset`` (``None``: to the end); nothing for a missing file."""
    try:
        with path.open("rb") as f:
            f.seek(offset)
            return f.read(-1 if limit is None else limit)
    except FileNotFoundError:
        return b""


def log_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def check_offset(path: Path, offset: int) -> None:
    size = log_size(path)
    if offset > size:
        raise ValueError(f"offset: {offset} is past the end of the log ({size} bytes)")


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").rstrip("\r")


def read_lines(path: Path, offset: int, max_bytes: int, final: bool) -> tuple[list[str], int]:
    """The complete lines from ``offset`` within ``max_bytes`` (at least one line when one is there, however long);
    when ``final``, a last line without a newline too. Returns ``(lines, next offset)``."""
    data = _read(path, offset, max_bytes)
    cut = data.rfind(b"\n")
    if cut < 0 and len(data) == max_bytes:  # one line longer than max_bytes: read on to its end
        more = data
        while cut < 0:
            chunk = _read(path, offset + len(more), READ_BLOCK)
            if not chunk:
                break
            more += chunk
            cut = more.rfind(b"\n")
        data = more
    if cut < 0:
        if final and data and len(data) < max_bytes:
            return [_decode(data)], offset + len(data)
        return [], offset
    body, rest = data[: cut + 1], data[cut + 1 :]
    lines = [_decode(line) for line in body[:-1].split(b"\n")]
    end = offset + len(body)
    if final and rest and log_size(path) == end + len(rest):
        lines.append(_decode(rest))
        end += len(rest)
    return lines, end


async def wait_for_lines(path: Path, offset: int, seconds: float) -> None:
    """Return once ``path`` grew past ``offset`` or ``seconds`` passed."""
    if seconds <= 0 or log_size(path) > offset:
        return
    entry = WATCH.subscribe(path)
    try:
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while log_size(path) <= offset:
            left = end - loop.time()
            if left <= 0:
                return
            entry[1].clear()
            if log_size(path) > offset:
                return
            try:
                await asyncio.wait_for(entry[1].wait(), min(left, POLL_SECONDS))
            except TimeoutError:
                pass
    finally:
        WATCH.unsubscribe(path, entry)


async def follow(
    path: Path, offset: int, final_status: Callable[[], Any]
) -> AsyncIterator[tuple[int, str | None, str | None]]:
    """Yield ``(offset after the line, line, None)`` as lines are appended to ``path``, from ``offset``; once
    ``await final_status()`` gives ``(True, status)`` and every line was read, yield ``(end offset, None, status)``
    and stop.

    The file stays open (read by position); the status (a database read) is looked at only when no line is waiting
    and either a status line was just read (the supervisor writes one before each change, and wakes followers
    after it) or :data:`POLL_SECONDS` passed since the last look."""
    loop = asyncio.get_running_loop()
    entry = WATCH.subscribe(path)
    pos = offset
    pending = b""
    fd: int | None = None
    status_hint = True
    last_check = -POLL_SECONDS
    try:
        while True:
            entry[1].clear()
            if fd is None:
                try:
                    fd = os.open(path, os.O_RDONLY)
                except FileNotFoundError:
                    fd = None
            chunk = os.pread(fd, READ_BLOCK, pos + len(pending)) if fd is not None else b""
            if chunk:
                pending += chunk
                *complete, pending = pending.split(b"\n")
                status_hint = False
                for raw in complete:
                    pos += len(raw) + 1
                    if raw.startswith(STATUS_PREFIX):
                        status_hint = True
                    yield pos, _decode(raw), None
                continue
            now = loop.time()
            if status_hint or now - last_check >= POLL_SECONDS:
                last_check = now
                done, status = await final_status()
                if done:
                    rest = pending + _read(path, pos + len(pending), None)
                    *complete, last = rest.split(b"\n")
                    for raw in complete:
                        pos += len(raw) + 1
                        yield pos, _decode(raw), None
                    if last:
                        pos += len(last)
                        yield pos, _decode(last), None
                    yield pos, None, status
                    return
            try:
                await asyncio.wait_for(entry[1].wait(), POLL_SECONDS)
            except TimeoutError:
                pass
    finally:
        WATCH.unsubscribe(path, entry)
        if fd is not None:
            os.close(fd)


# -- metrics -------------------------------------------------------------------------------------------------------


def _points(path: Path) -> Iterator[tuple[str, float, int | None, float | None]]:
    """``(name, value, step, timestamp)`` of every well-formed record of a metrics file (bad lines are skipped)."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return
    with f:
        read = 0
        for raw in f:
            read += len(raw)
            if read > MAX_METRICS_BYTES:
                break
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(record, dict) or not isinstance(record.get("metrics"), dict):
                continue
            step = record.get("step")
            step = step if isinstance(step, int) and not isinstance(step, bool) else None
            ts = record.get("timestamp")
            ts = float(ts) if isinstance(ts, int | float) and not isinstance(ts, bool) else None
            for name, value in record["metrics"].items():
                if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
                    yield str(name)[:255], float(value), step, ts


def metric_series(points: Iterator[tuple[str, float, int | None, float | None]]) -> list[dict[str, Any]]:
    """One ``MetricSeries`` (wire form) per metric name, in order of first appearance."""
    history: dict[str, list[dict[str, Any]]] = {}
    for name, value, step, ts in points:
        series = history.setdefault(name, [])
        point: dict[str, Any] = {"step": step if step is not None else len(series) + 1, "value": value}
        if ts is not None:
            point["timestamp"] = ts
        series.append(point)
        if len(series) > MAX_METRIC_POINTS:
            del series[0]
    out = []
    for name, series in history.items():
        values = [p["value"] for p in series]
        out.append(
            {
                "metricName": name,
                "latestValue": values[-1],
                "minValue": min(values),
                "maxValue": max(values),
                "history": series,
            }
        )
    return out


def read_metrics(path: Path) -> list[dict[str, Any]]:
    return metric_series(_points(path))


def trial_metric_series(trial: dict[str, Any]) -> list[dict[str, Any]]:
    """A trial's metrics as series, from the history the tuning collected from its output (``metricRegex``)."""

    def points() -> Iterator[tuple[str, float, int | None, float | None]]:
        for metric in trial.get("trialMetricList") or []:
            name = str(metric.get("trialMetricName") or "")
            for p in metric.get("trialMetricHistory") or []:
                value = p.get("value")
                if name and isinstance(value, int | float) and math.isfinite(value):
                    yield name, float(value), p.get("step"), p.get("timestamp")

    return metric_series(points())
