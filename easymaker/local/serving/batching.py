"""Send many instances through model-server workers in batches (shared by batch inference and evaluation).

Rows are cut into batches of ``max_batch_size`` (a batch never spans two input files) and posted as KServe v1
``{"instances": [...]}`` to ``pod_count`` workers, each worker taking one batch at a time. Every row gets one
result record, in input order: ``{"input": row, "prediction": p}`` or ``{"input": row, "error": "..."}`` (plus
``"probabilities"`` when they were asked for and the model has them). Counts are per row: a row whose batch was
answered 2xx counts in ``success2XxCount``, 4xx in ``fail4XxCount``, anything else (5xx, a timeout, a worker that
died) in ``fail5XxCount``.
"""

from __future__ import annotations

import http.client
import json
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easymaker.local.serving.errors import ServingError
from easymaker.local.serving.loaders import ModelSpec
from easymaker.local.serving.process import DEFAULT_START_TIMEOUT, WorkerProcess, start_workers, stop_workers

logger = logging.getLogger("easymaker.local.batch")


class BatchStopped(ServingError):
    """``stop_event`` was set while the batch ran."""


class BatchTimedOut(ServingError):
    """The overall deadline passed while the batch ran."""


@dataclass
class InputFile:
    """The rows of one input file; ``relative`` is its path relative to the input prefix (POSIX separators)."""

    relative: str
    instances: list[Any]


@dataclass
class BatchCounts:
    inputFileCount: int = 0  # noqa: N815 - wire names
    inputDataCount: int = 0  # noqa: N815
    processCount: int = 0  # noqa: N815
    success2XxCount: int = 0  # noqa: N815
    fail4XxCount: int = 0  # noqa: N815
    fail5XxCount: int = 0  # noqa: N815

    def as_wire(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class BatchResult:
    records: list[list[dict[str, Any]]]  # per input file, one record per row, in order
    counts: BatchCounts
    classes: list[Any] | None = None  # labels of the probability columns, when probabilities were returned
    first_errors: list[str] = field(default_factory=list)


@dataclass
class _Batch:
    file_index: int
    start: int
    end: int


def _post(conn: http.client.HTTPConnection, path: str, body: bytes) -> tuple[int, bytes]:
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def run_batches(
    spec: ModelSpec,
    files: Sequence[InputFile],
    *,
    pod_count: int,
    max_batch_size: int,
    inference_timeout: float,
    run_dir: Path,
    stop_event: threading.Event,
    deadline: float | None = None,
    request_parameters: dict[str, Any] | None = None,
    progress: Callable[[BatchCounts], None] | None = None,
    start_timeout: float = DEFAULT_START_TIMEOUT,
) -> BatchResult:
    """Run every row of ``files`` through ``pod_count`` workers of ``spec``.

    ``deadline`` is a ``time.monotonic()`` value. Raises :class:`~.errors.ModelLoadError` when the model cannot
    be loaded, :class:`BatchStopped` / :class:`BatchTimedOut` when stopped or out of time.
    """
    counts = BatchCounts(inputFileCount=len(files), inputDataCount=sum(len(f.instances) for f in files))
    records: list[list[dict[str, Any]]] = [[{} for _ in f.instances] for f in files]
    result = BatchResult(records=records, counts=counts)
    batches: queue.SimpleQueue[_Batch] = queue.SimpleQueue()
    for index, f in enumerate(files):
        for start in range(0, len(f.instances), max_batch_size):
            batches.put(_Batch(index, start, min(start + max_batch_size, len(f.instances))))
    if counts.inputDataCount == 0:
        return result

    workers = [WorkerProcess([spec], run_dir, f"batch-{k}") for k in range(pod_count)]
    try:
        start_workers(workers, start_timeout, stop_event)
    except ServingError:
        if stop_event.is_set():
            raise BatchStopped("stopped") from None
        raise
    path = f"/v1/models/{spec.name}/predict"
    lock = threading.Lock()
    halt = threading.Event()

    def record(batch: _Batch, status: int, rows: list[dict[str, Any]]) -> None:
        with lock:
            records[batch.file_index][batch.start : batch.end] = rows
            counts.processCount += len(rows)
            if 200 <= status < 300:
                counts.success2XxCount += len(rows)
            elif 400 <= status < 500:
                counts.fail4XxCount += len(rows)
            else:
                counts.fail5XxCount += len(rows)
            if not (200 <= status < 300) and len(result.first_errors) < 5:
                result.first_errors.append(str(rows[0].get("error")))

    def fail_batch(batch: _Batch, status: int, message: str) -> None:
        rows = files[batch.file_index].instances[batch.start : batch.end]
        record(batch, status, [{"input": r, "error": message} for r in rows])

    def serve(worker: WorkerProcess) -> None:
        conn: http.client.HTTPConnection | None = None
        while not halt.is_set():
            try:
                batch = batches.get_nowait()
            except queue.Empty:
                break
            rows = files[batch.file_index].instances[batch.start : batch.end]
            payload: dict[str, Any] = {"instances": rows}
            if request_parameters:
                payload["parameters"] = request_parameters
            body = json.dumps(payload).encode()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", worker.address[1], timeout=inference_timeout)
                    conn.connect()
                    if conn.sock is not None:
                        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                status, data = _post(conn, path, body)
            except TimeoutError:
                if conn is not None:
                    conn.close()
                conn = None
                fail_batch(batch, 504, f"inference timed out after {inference_timeout:g} s (inferenceTimeoutSeconds)")
                continue
            except (OSError, http.client.HTTPException, ServingError) as exc:
                if conn is not None:
                    conn.close()
                conn = None
                if halt.is_set():
                    break
                fail_batch(batch, 502, f"model server failed: {type(exc).__name__}: {exc}")
                if not worker.alive():
                    try:
                        worker.stop()
                        worker.start(start_timeout, stop_event)
                    except ServingError as restart_error:
                        logger.error("model server %s cannot restart: %s", worker.label, restart_error)
                        break
                continue
            try:
                answer = json.loads(data)
            except ValueError:
                answer = {"error": data[:200].decode(errors="replace")}
            if 200 <= status < 300:
                preds = answer.get("predictions") if isinstance(answer, dict) else None
                if not isinstance(preds, list) or len(preds) != len(rows):
                    got = len(preds) if isinstance(preds, list) else "no"
                    fail_batch(batch, 502, f"model returned {got} predictions for {len(rows)} instances")
                    continue
                proba = answer.get("probabilities")
                if isinstance(proba, list) and len(proba) == len(rows):
                    if result.classes is None:
                        result.classes = answer.get("classes")
                    out = [
                        {"input": r, "prediction": p, "probabilities": q}
                        for r, p, q in zip(rows, preds, proba, strict=True)
                    ]
                else:
                    out = [{"input": r, "prediction": p} for r, p in zip(rows, preds, strict=True)]
                record(batch, status, out)
            else:
                message = answer.get("error") if isinstance(answer, dict) else None
                fail_batch(batch, status, f"HTTP {status}: {message or answer}")
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=serve, args=(w,), daemon=True, name=f"batch-{w.label}") for w in workers]
    for t in threads:
        t.start()
    outcome: type[ServingError] | None = None
    last_progress = 0.0
    try:
        while any(t.is_alive() for t in threads):
            stop_event.wait(0.05)
            if stop_event.is_set():
                outcome = BatchStopped
            elif deadline is not None and time.monotonic() > deadline:
                outcome = BatchTimedOut
            if outcome is not None:
                halt.set()
                stop_workers(workers)  # in-flight requests fail at once
                for t in threads:
                    t.join(timeout=10)
                break
            if progress is not None and time.monotonic() - last_progress > 1.0:
                last_progress = time.monotonic()
                with lock:
                    snapshot = BatchCounts(**counts.as_wire())
                progress(snapshot)
    finally:
        stop_workers(workers)
    if outcome is BatchStopped:
        raise BatchStopped("stopped")
    if outcome is BatchTimedOut:
        raise BatchTimedOut("timed out")
    # batches left when every worker gave up
    while True:
        try:
            batch = batches.get_nowait()
        except queue.Empty:
            break
        fail_batch(batch, 503, "no model server left to run this batch")
    return result
