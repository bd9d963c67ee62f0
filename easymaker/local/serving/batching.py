"""Send many instances through model-server workers in batches (shared by batch inference and evaluation).

Rows are cut into batches of ``max_batch_size`` (a batch never spans two input files) and posted as KServe v1
``{"instances": [...]}`` to ``pod_count`` workers. Every row gets one answer, in input order: its prediction (plus
its probabilities when they were asked for and the model has them) or the error of its batch. Counts are per row:
a row whose batch was answered 2xx counts in ``success2XxCount``, 4xx in ``fail4XxCount``, anything else (5xx, a
timeout, a worker that died) in ``fail5XxCount``.

:func:`stream_batches` takes batches from an iterator and hands the answers back in order while later batches are
still being predicted, so memory holds only the batches in flight (eight per worker plus a few being read or
written), and, while the workers start, the batches read ahead (at most ``READ_AHEAD_BYTES``); :func:`run_batches`
is the in-memory form used by evaluation. A batch of numeric rows (:class:`~.inputs.NumericRows`) is sent as one
binary tensor instead of JSON.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from easymaker.local.serving.errors import ServingError
from easymaker.local.serving.inputs import NumericRows
from easymaker.local.serving.loaders import ModelSpec
from easymaker.local.serving.worker_processes import DEFAULT_START_TIMEOUT, WorkerProcess, start_workers, stop_workers

logger = logging.getLogger("easymaker.local.batch")

# pipelined: the worker predicts the next batches while this process writes the previous ones; on a busy machine
# a short queue leaves the worker idle each time this process waits for a time slice (a 1 M-row job on a loaded
# 2-core machine: 9 s with 8, 17 s with 2)
REQUESTS_PER_WORKER = 8
SEND_ATTEMPTS = 3  # a batch that cannot be sent (the worker died) is sent again, to the restarted worker
EXIT_GRACE = 2.0  # seconds a worker whose connection broke may take to exit before it counts as alive
POLL_SECONDS = 0.05  # how often a wait for an answer looks at the stop event and the deadline
# while the model servers start (seconds: the model's libraries load), batches are read and encoded ahead, up to
# about this many bytes in memory
READ_AHEAD_BYTES = 16 << 20


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
    numeric: NumericRows | None = None  # the rows as one matrix and their texts (``rows`` is then empty)

    @property
    def size(self) -> int:
        return len(self.numeric) if self.numeric is not None else len(self.rows)


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


JSON_HEADERS = "Content-Type: application/json\r\n"


def request_body(batch: Batch, parameters: dict[str, Any] | None) -> tuple[str, bytes]:
    """The headers (content type and length of a binary request's JSON header) and the body of a v1 predict.

    The rows of a numeric batch go as one binary tensor (``protocol._v1_body``): the worker gets the same array
    ``numpy.asarray`` makes of the JSON rows, without writing and reading each number as text."""
    if batch.numeric is not None:
        matrix = batch.numeric.matrix
        datatype, dtype = ("FP64", "<f8") if matrix.dtype.kind == "f" else ("INT64", "<i8")
        raw = matrix.astype(dtype, copy=False).tobytes()
        header: dict[str, Any] = {
            "inputs": [
                {
                    "name": "instances",
                    "shape": list(matrix.shape),
                    "datatype": datatype,
                    "parameters": {"binary_data_size": len(raw)},
                }
            ]
        }
        if parameters:
            header["parameters"] = parameters
        head = orjson.dumps(header)
        return (
            f"Content-Type: application/octet-stream\r\nInference-Header-Content-Length: {len(head)}\r\n",
            head + raw,
        )
    payload: dict[str, Any] = {"instances": batch.rows}
    if parameters:
        payload["parameters"] = parameters
    if batch.plain:
        try:
            return JSON_HEADERS, orjson.dumps(payload)
        except TypeError:  # a value orjson does not write (it read every row, so this is unexpected)
            pass
    return JSON_HEADERS, json.dumps(payload).encode()


def _footprint(batch: Batch, body: bytes) -> int:
    """About the bytes a batch waiting to be sent holds in memory."""
    if batch.numeric is not None:
        texts = batch.numeric.texts
        return len(body) + int(batch.numeric.matrix.nbytes) + sum(map(len, texts)) + 48 * len(texts)
    return 4 * len(body)  # the rows as Python objects take a few times their JSON


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


class _Link:
    """One keep-alive connection to a worker with requests pipelined on it (answers come back in order)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.settimeout(POLL_SECONDS)
        self.buf = b""

    def send(self, head: bytes, body: bytes) -> None:
        self.sock.settimeout(None)
        try:
            self.sock.sendall(head + body)
        finally:
            self.sock.settimeout(POLL_SECONDS)

    def receive(self, timeout: float, check: Callable[[], None]) -> tuple[int, bytes]:
        """The next answer: (status, body). ``check`` runs while waiting (it raises to give up); raises
        ``TimeoutError`` after ``timeout`` seconds without the whole answer, ``ConnectionError`` when closed."""
        deadline = time.monotonic() + timeout
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                head = self.buf[:end].decode("latin-1").split("\r\n")
                length = 0
                for line in head[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if len(self.buf) >= end + 4 + length:
                    body = self.buf[end + 4 : end + 4 + length]
                    self.buf = self.buf[end + 4 + length :]
                    parts = head[0].split(" ", 2)
                    if len(parts) < 2 or not parts[1].isdigit():
                        raise ConnectionError(f"bad status line from the model server: {head[0][:80]!r}")
                    return int(parts[1]), body
            try:
                data = self.sock.recv(1 << 20)
            except TimeoutError:
                check()
                if time.monotonic() > deadline:
                    raise
                continue
            if not data:
                raise ConnectionError("the model server closed the connection")
            self.buf += data

    def close(self) -> None:
        self.sock.close()


class _Pods:
    """The workers, one pipelined connection to each, and their restarts (one thread does everything: no thread
    of this process ever waits for another to hand an answer over)."""

    def __init__(self, workers: list[WorkerProcess], timeout: float, start_timeout: float, stop: threading.Event):
        self.workers = workers
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.stop_event = stop
        self.gone: set[int] = set()  # workers that could not be restarted
        self.links: dict[int, _Link] = {}
        self.load = [0] * len(workers)  # requests in flight per worker
        self._next = 0

    def pick(self) -> int | None:
        alive = [i for i in range(len(self.workers)) if i not in self.gone]
        if not alive:
            return None
        self._next += 1
        return min(alive, key=lambda i: (self.load[i], (i - self._next) % len(self.workers)))

    def link(self, index: int) -> _Link:
        link = self.links.get(index)
        if link is None:
            link = self.links[index] = _Link(self.workers[index].address[1])
        return link

    def drop(self, index: int) -> None:
        link = self.links.pop(index, None)
        if link is not None:
            link.close()

    def revive(self, index: int) -> None:
        """Restart worker ``index`` if it died (its connection broke: give a dying process a moment to exit)."""
        worker = self.workers[index]
        until = time.monotonic() + EXIT_GRACE
        while worker.alive() and time.monotonic() < until:
            time.sleep(0.01)
        if worker.alive() or index in self.gone:
            return
        try:
            worker.stop()
            worker.start(self.start_timeout, self.stop_event)
        except ServingError as restart_error:
            logger.error("model server %s cannot restart: %s", worker.label, restart_error)
            self.gone.add(index)

    def close(self) -> None:
        for index in list(self.links):
            self.drop(index)


@dataclass
class _Flight:
    batch: Batch
    headers: str
    body: bytes
    worker: int | None  # None: answered without a worker (``answer`` is set)
    answer: Answer | None = None


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

    def ready(self) -> bool:
        """Starting is over (the workers serve, or starting them failed)."""
        return not self._thread.is_alive()

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

    def check() -> None:
        if stop_event.is_set():
            raise BatchStopped("stopped")
        if deadline is not None and time.monotonic() > deadline:
            raise BatchTimedOut("timed out")

    def prepare(batch: Batch) -> _Flight:
        return _Flight(batch, *request_body(batch, request_parameters), None)

    # the model loads in the workers while the first batches are read and encoded here
    ahead: deque[_Flight] = deque([prepare(first)])
    try:
        held = _footprint(first, ahead[0].body)
        while held < READ_AHEAD_BYTES and not starting.ready():
            check()
            batch = next(source, None)
            if batch is None:
                break
            ahead.append(prepare(batch))
            held += _footprint(batch, ahead[-1].body)
        workers = starting.wait()
    except BaseException:
        starting.stop()
        raise
    pods = _Pods(workers, inference_timeout, start_timeout, stop_event)
    head = f"POST /v1/models/{spec.name}/predict HTTP/1.1\r\n"
    window = REQUESTS_PER_WORKER * pod_count
    pending: deque[_Flight] = deque()  # in input order
    sent: dict[int, deque[_Flight]] = {i: deque() for i in range(len(workers))}  # per worker, in sending order
    last_progress = time.monotonic()

    def flights() -> Iterator[_Flight]:
        while ahead:
            yield ahead.popleft()
        for batch in source:
            yield prepare(batch)

    def launch(flight: _Flight) -> None:
        """Send ``flight`` to the least busy worker (or answer it 503 when none is left)."""
        attempts = SEND_ATTEMPTS
        while True:
            index = pods.pick()
            if index is None:
                flight.worker, flight.answer = None, Answer(503, error="no model server left to run this batch")
                return
            try:
                link = pods.link(index)
                # exactly one Host, with the worker's port (the model server refuses other names: DNS rebinding)
                link.send(
                    f"{head}{flight.headers}Host: 127.0.0.1:{link.port}\r\n"
                    f"Content-Length: {len(flight.body)}\r\n\r\n".encode(),
                    flight.body,
                )
            except (OSError, ServingError) as exc:
                error = Answer(502, error=f"model server failed: {type(exc).__name__}: {exc}")
                if sent[index]:  # the request the worker was predicting when it died
                    sent[index][0].answer = error
                resend(index, revive=True)
                attempts -= 1
                if attempts == 0:
                    flight.worker, flight.answer = None, error
                    return
                continue
            flight.worker = index
            pods.load[index] += 1
            sent[index].append(flight)
            return

    def resend(index: int, revive: bool) -> None:
        """The connection to worker ``index`` broke (its first unanswered request timed out or has the error of
        the worker's death: a worker answers in order, so it is the one being predicted). The requests behind it
        were not started: they are sent again, on a new connection, after restarting the worker if it died."""
        pods.drop(index)
        stranded = [f for f in sent[index] if f.answer is None]
        sent[index].clear()
        pods.load[index] = 0
        if revive:
            pods.revive(index)
        for f in stranded:
            launch(f)

    def await_answer(flight: _Flight) -> None:
        """Read answers from ``flight``'s worker until ``flight`` has its own. A worker answers its connection's
        requests in sending order, which is not input order after a resend (or with several workers): the answers
        read before it belong to the requests sent before it."""
        while flight.answer is None:
            assert flight.worker is not None
            index = flight.worker
            first = sent[index][0]
            try:
                status, data = pods.link(index).receive(inference_timeout, check)
            except TimeoutError:
                first.answer = Answer(
                    504, error=f"inference timed out after {inference_timeout:g} s (inferenceTimeoutSeconds)"
                )
                resend(index, revive=False)
                continue
            except (OSError, ValueError, ServingError) as exc:
                first.answer = Answer(502, error=f"model server failed: {type(exc).__name__}: {exc}")
                resend(index, revive=True)
                continue
            sent[index].popleft()
            pods.load[index] -= 1
            first.answer = _read_answer(status, data, first.batch.size)

    def deliver() -> None:
        nonlocal last_progress
        flight = pending.popleft()
        await_answer(flight)
        check()
        answer = flight.answer
        assert answer is not None
        on_answer(flight.batch, answer)
        n = flight.batch.size
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

    try:
        for flight in flights():
            check()
            launch(flight)
            pending.append(flight)
            if len(pending) >= window:
                deliver()
        while pending:
            deliver()
    finally:
        pods.close()
        stop_workers(workers)


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
