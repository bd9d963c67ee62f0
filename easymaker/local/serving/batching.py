"""Send many instances through model-server workers in batches (shared by batch inference and evaluation).

Rows are cut into batches of ``max_batch_size`` (a batch never spans two input files) and posted as KServe v1
``{"instances": [...]}`` to ``pod_count`` workers. Every row gets one answer, in input order: its prediction (plus
its probabilities when they were asked for and the model has them) or the error of its batch. Counts are per row:
a row whose batch was answered 2xx counts in ``success2XxCount``, 4xx in ``fail4XxCount``, anything else (5xx, a
timeout, a worker that died) in ``fail5XxCount``.

:func:`stream_batches` takes batches from an iterator and hands the answers back in order while later batches are
still being predicted, so memory holds only the batches in flight (two per worker plus a few being read or
written); :func:`run_batches` is the in-memory form used by evaluation.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from easymaker.local.serving.errors import ServingError
from easymaker.local.serving.loaders import ModelSpec
from easymaker.local.serving.process import DEFAULT_START_TIMEOUT, WorkerProcess, start_workers, stop_workers

logger = logging.getLogger("easymaker.local.batch")

REQUESTS_PER_WORKER = 2  # one being predicted while the next one travels: the worker never waits for the reader


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
class Batch:
    """Consecutive rows of one input file. ``plain``: every row was read by orjson, so orjson writes it back
    exactly as :mod:`json` would read it (no NaN, no integer beyond 64 bits)."""

    file_index: int
    rows: list[Any]
    plain: bool = False


@dataclass
class Answer:
    """What the model server said about one batch: ``predictions`` (one per row) on 2xx, else ``error``."""

    status: int
    predictions: list[Any] | None = None
    probabilities: list[Any] | None = None
    classes: list[Any] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.predictions is not None


def request_body(batch: Batch, parameters: dict[str, Any] | None) -> bytes:
    payload: dict[str, Any] = {"instances": batch.rows}
    if parameters:
        payload["parameters"] = parameters
    if batch.plain:
        try:
            return orjson.dumps(payload)
        except TypeError:  # a value orjson does not write (it read every row, so this is unexpected)
            pass
    return json.dumps(payload).encode()


def _post(conn: http.client.HTTPConnection, path: str, body: bytes) -> tuple[int, bytes]:
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def _read_answer(status: int, data: bytes, rows: int) -> Answer:
    try:
        answer = json.loads(data)
    except ValueError:
        answer = {"error": data[:200].decode(errors="replace")}
    if 200 <= status < 300:
        preds = answer.get("predictions") if isinstance(answer, dict) else None
        if not isinstance(preds, list) or len(preds) != rows:
            got = len(preds) if isinstance(preds, list) else "no"
            return Answer(502, error=f"model returned {got} predictions for {rows} instances")
        proba = answer.get("probabilities")
        if isinstance(proba, list) and len(proba) == rows:
            return Answer(status, preds, proba, answer.get("classes"))
        return Answer(status, preds)
    message = answer.get("error") if isinstance(answer, dict) else None
    return Answer(status, error=f"HTTP {status}: {message or answer}")


class _Pods:
    """The worker processes and one keep-alive connection per (thread, worker); restarts a worker that died."""

    def __init__(self, workers: list[WorkerProcess], timeout: float, start_timeout: float, stop: threading.Event):
        self.workers = workers
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.stop_event = stop
        self.halt = threading.Event()
        self.gone: set[int] = set()  # workers that could not be restarted
        self._locks = [threading.Lock() for _ in workers]
        self._local = threading.local()
        self._next = 0
        self._assign = threading.Lock()

    def _home(self) -> int:
        home: int | None = getattr(self._local, "home", None)
        if home is None:
            with self._assign:
                home = self._next % len(self.workers)
                self._next += 1
            self._local.home = home
            self._local.conns = {}
        return home

    def _drop(self, index: int) -> None:
        conn = self._local.conns.pop(index, None)
        if conn is not None:
            conn.close()

    def send(self, path: str, body: bytes, rows: int) -> Answer:
        home = self._home()
        order = [(home + k) % len(self.workers) for k in range(len(self.workers))]
        for index in order:
            if index in self.gone:
                continue
            return self._send_to(index, path, body, rows)
        return Answer(503, error="no model server left to run this batch")

    def _send_to(self, index: int, path: str, body: bytes, rows: int) -> Answer:
        worker = self.workers[index]
        conns: dict[int, http.client.HTTPConnection] = self._local.conns
        try:
            conn = conns.get(index)
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", worker.address[1], timeout=self.timeout)
                conn.connect()
                if conn.sock is not None:
                    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                conns[index] = conn
            status, data = _post(conn, path, body)
        except TimeoutError:
            self._drop(index)
            return Answer(504, error=f"inference timed out after {self.timeout:g} s (inferenceTimeoutSeconds)")
        except (OSError, http.client.HTTPException, ServingError) as exc:
            self._drop(index)
            answer = Answer(502, error=f"model server failed: {type(exc).__name__}: {exc}")
            if not self.halt.is_set():
                self._revive(index)
            return answer
        return _read_answer(status, data, rows)

    def _revive(self, index: int) -> None:
        worker = self.workers[index]
        with self._locks[index]:
            if worker.alive() or index in self.gone or self.halt.is_set():
                return
            try:
                worker.stop()
                worker.start(self.start_timeout, self.stop_event)
            except ServingError as restart_error:
                logger.error("model server %s cannot restart: %s", worker.label, restart_error)
                self.gone.add(index)


class StartingWorkers:
    """``pod_count`` workers of ``spec`` starting in the background (the model loads while the input is read)."""

    def __init__(
        self, spec: ModelSpec, pod_count: int, run_dir: Path, start_timeout: float, stop_event: threading.Event
    ) -> None:
        self.workers = [WorkerProcess([spec], run_dir, f"batch-{k}") for k in range(pod_count)]
        self._error: BaseException | None = None
        self._stop_event = stop_event
        self._thread = threading.Thread(target=self._start, args=(start_timeout,), daemon=True, name="batch-start")
        self._thread.start()

    def _start(self, timeout: float) -> None:
        try:
            start_workers(self.workers, timeout, self._stop_event)
        except BaseException as exc:  # handed to wait()
            self._error = exc

    def wait(self) -> list[WorkerProcess]:
        """The started workers; raises what starting them raised (:class:`BatchStopped` when stopped)."""
        self._thread.join()
        if self._error is not None:
            if self._stop_event.is_set():
                raise BatchStopped("stopped") from None
            raise self._error
        return self.workers

    def stop(self) -> None:
        self._thread.join()
        stop_workers(self.workers)


def stream_batches(
    spec: ModelSpec,
    batches: Iterable[Batch],
    on_answer: Callable[[Batch, Answer], None],
    *,
    pod_count: int,
    inference_timeout: float,
    run_dir: Path,
    stop_event: threading.Event,
    counts: BatchCounts,
    deadline: float | None = None,
    request_parameters: dict[str, Any] | None = None,
    progress: Callable[[BatchCounts], None] | None = None,
    start_timeout: float = DEFAULT_START_TIMEOUT,
    starting: StartingWorkers | None = None,
) -> None:
    """Predict every batch on ``pod_count`` workers of ``spec``; ``on_answer`` gets each batch's answer in order.

    ``starting``: workers already being started (:class:`StartingWorkers`), else they are started here.
    ``counts`` is updated per row as answers arrive. ``deadline`` is a ``time.monotonic()`` value. Raises
    :class:`~.errors.ModelLoadError` when the model cannot be loaded, :class:`BatchStopped` /
    :class:`BatchTimedOut` when stopped or out of time.
    """
    source: Iterator[Batch] = iter(batches)
    first = next(source, None)
    if first is None:
        if starting is not None:
            starting.stop()
        return
    if starting is None:
        starting = StartingWorkers(spec, pod_count, run_dir, start_timeout, stop_event)
    workers = starting.wait()
    pods = _Pods(workers, inference_timeout, start_timeout, stop_event)
    path = f"/v1/models/{spec.name}/predict"
    window = REQUESTS_PER_WORKER * pod_count
    pending: deque[tuple[Batch, Future[Answer]]] = deque()
    last_progress = time.monotonic()

    def predict(batch: Batch) -> Answer:
        if pods.halt.is_set():
            return Answer(503, error="stopped")
        return pods.send(path, request_body(batch, request_parameters), len(batch.rows))

    def check() -> None:
        if stop_event.is_set():
            raise BatchStopped("stopped")
        if deadline is not None and time.monotonic() > deadline:
            raise BatchTimedOut("timed out")

    def deliver() -> None:
        nonlocal last_progress
        batch, future = pending.popleft()
        while True:
            try:
                answer = future.result(timeout=0.05)
                break
            except FutureTimeout:
                check()
        check()
        on_answer(batch, answer)
        n = len(batch.rows)
        counts.processCount += n
        if 200 <= answer.status < 300:
            counts.success2XxCount += n
        elif 400 <= answer.status < 500:
            counts.fail4XxCount += n
        else:
            counts.fail5XxCount += n
        if progress is not None and time.monotonic() - last_progress > 1.0:
            last_progress = time.monotonic()
            progress(BatchCounts(**counts.as_wire()))

    executor = ThreadPoolExecutor(max_workers=window, thread_name_prefix="batch")
    try:
        for batch in _chain(first, source):
            check()
            pending.append((batch, executor.submit(predict, batch)))
            if len(pending) >= window:
                deliver()
        while pending:
            deliver()
    finally:
        pods.halt.set()
        stop_workers(workers)  # in-flight requests fail at once
        executor.shutdown(wait=True, cancel_futures=True)


def _chain(first: Batch, rest: Iterator[Batch]) -> Iterator[Batch]:
    yield first
    yield from rest


def cut(file_index: int, rows: Sequence[Any], size: int, plain: bool = False) -> Iterator[Batch]:
    for start in range(0, len(rows), size):
        yield Batch(file_index, list(rows[start : start + size]), plain)


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
    """Run every row of ``files`` through ``pod_count`` workers of ``spec``, keeping every record in memory.

    Each record is ``{"input": row, "prediction": p}`` (plus ``"probabilities"``) or ``{"input": row, "error": e}``.
    """
    counts = BatchCounts(inputFileCount=len(files), inputDataCount=sum(len(f.instances) for f in files))
    records: list[list[dict[str, Any]]] = [[] for _ in files]
    result = BatchResult(records=records, counts=counts)

    def keep(batch: Batch, answer: Answer) -> None:
        out = records[batch.file_index]
        if answer.predictions is None:
            out.extend({"input": r, "error": answer.error} for r in batch.rows)
            if len(result.first_errors) < 5:
                result.first_errors.append(str(answer.error))
        elif answer.probabilities is not None:
            if result.classes is None:
                result.classes = answer.classes
            out.extend(
                {"input": r, "prediction": p, "probabilities": q}
                for r, p, q in zip(batch.rows, answer.predictions, answer.probabilities, strict=True)
            )
        else:
            out.extend({"input": r, "prediction": p} for r, p in zip(batch.rows, answer.predictions, strict=True))

    batches = (b for index, f in enumerate(files) for b in cut(index, f.instances, max_batch_size))
    stream_batches(
        spec,
        batches,
        keep,
        pod_count=pod_count,
        inference_timeout=inference_timeout,
        run_dir=run_dir,
        stop_event=stop_event,
        counts=counts,
        deadline=deadline,
        request_parameters=request_parameters,
        progress=progress,
        start_timeout=start_timeout,
    )
    return result
