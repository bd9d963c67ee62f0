"""Batch inference runner (kind ``batch_inference``).

Reads ``modelId``, ``inputDataUri``, ``inputDataTypeCode`` (JSON | JSONL), ``includeGlobPattern``,
``excludeGlobPattern``, ``maxBatchSize``, ``inferenceTimeoutSeconds`` (per batch request), ``podCount`` (worker
processes), ``outputUploadUri`` and ``timeoutMinutes`` from the resource. File selection and parsing:
:mod:`easymaker.local.serving.inputs`; batching: :mod:`easymaker.local.serving.batching`.

Output: for every input file ``<relative path>``, one ``<relative path>.out.jsonl`` under ``outputUploadUri``, one
line per instance in input order, ``{"input": ..., "prediction": ...}`` or ``{"input": ..., "error": "..."}``.

Writes ``inputFileCount``, ``inputDataCount``, ``processCount``, ``success2XxCount``, ``fail4XxCount``,
``fail5XxCount`` (per instance) and ``elapsedTimeSeconds``. Statuses: CREATE_IN_PROGRESS -> RUNNING ->
COMPLETE_IN_PROGRESS -> COMPLETE; on failure FAIL_BATCH_INFERENCE_IN_PROGRESS -> FAIL_BATCH_INFERENCE with the
reason; on ``ctx.stop_event`` STOP_IN_PROGRESS -> STOPPED (nothing is published).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from easymaker.local.runners.base import JobContext
from easymaker.local.serving.artifacts import lookup_model, prepare_model
from easymaker.local.serving.batching import (
    Answer,
    Batch,
    BatchCounts,
    BatchResult,
    BatchStopped,
    BatchTimedOut,
    InputFile,
    StartingWorkers,
    run_batches,
    stream_batches,
)
from easymaker.local.serving.errors import ServingError
from easymaker.local.serving.inputs import InputDataError, NumericRows, count_rows, iter_rows, select_files
from easymaker.local.serving.loaders import SKLEARN_CODES, ModelSpec
from easymaker.local.serving.worker_processes import DEFAULT_START_TIMEOUT

logger = logging.getLogger("easymaker.local.batch")

OUTPUT_SUFFIX = ".out.jsonl"


class JobFailed(Exception):
    """Fail the job with this message as the reason."""


def int_field(resource: Mapping[str, Any], name: str, default: int | None = None, minimum: int = 1) -> int:
    """An integer field of the resource, checked; a clear error names the field."""
    value = resource.get(name, default)
    if value is None:
        value = default
    if value is None:
        raise JobFailed(f"{name} is required")
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise JobFailed(f"{name} must be an integer >= {minimum} (got {value!r})")
    return value


def str_field(resource: Mapping[str, Any], name: str) -> str:
    value = resource.get(name)
    if not isinstance(value, str) or not value.strip():
        raise JobFailed(f"{name} is required")
    return value.strip()


def fetch_input(ctx: JobContext, uri: str, dest: Path) -> Path:
    """The local file or folder holding ``uri``: the NAS folder itself, or a fresh copy under ``dest``."""
    local = ctx.uris.local_path(uri)
    if local is not None:
        if not local.exists():
            raise JobFailed(f"inputDataUri {uri} does not exist")
        return local
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    try:
        ctx.uris.fetch(uri, dest)
    except FileNotFoundError as exc:
        raise JobFailed(f"inputDataUri has no data: {exc}") from exc
    return dest


_SEPARATORS = (",", ":")
# orjson writes a value exactly as json.dumps(separators=_SEPARATORS) does unless it holds one of these: an exponent
# or a number below 1e-4 (Python writes 1e-05, orjson 0.00001), an escape, a non-ASCII character or DEL
_DIFFERS = re.compile(rb"[0-9][eE]|0\.0000|\\|\x7f")


def _exact(text: bytes) -> bool:
    if b'"' not in text:  # numbers only: plain substring tests are many times faster than the regex
        return b"e" not in text and b"E" not in text and b"0.0000" not in text
    return text.isascii() and _DIFFERS.search(text) is None


def dump_each(values: list[Any], plain: bool = True) -> list[bytes]:
    """Each value as ``json.dumps(value, separators=(",", ":"))`` writes it, mostly by orjson (many times faster)."""
    if plain:
        try:
            out = list(map(orjson.dumps, values))
        except TypeError:  # an integer beyond 64 bits, or a value orjson does not know
            out = None
        if out is not None:
            if not _exact(b"".join(out)):
                out = [
                    b if _exact(b) else json.dumps(v, separators=_SEPARATORS).encode()
                    for v, b in zip(values, out, strict=True)
                ]
            return out
    return [json.dumps(v, separators=_SEPARATORS).encode() for v in values]


def _records(fields: list[tuple[bytes, list[bytes]]], end: bytes) -> bytes:
    """Line ``i`` is each field's prefix and its ``i``-th text in turn, then ``end`` (one join for the batch, a few
    times faster than concatenating each line)."""
    width = 2 * len(fields) + 1
    n = len(fields[0][1])
    parts = [end] * (width * n)
    for k, (prefix, texts) in enumerate(fields):
        parts[2 * k :: width] = [prefix] * n
        parts[2 * k + 1 :: width] = texts
    return b"".join(parts)


def output_lines(batch: Batch, answer: Answer) -> bytes:
    """The output lines of one batch: ``{"input": ..., "prediction": ...}`` (``json.dumps`` compact form)."""
    inputs = batch.numeric.texts if batch.numeric is not None else dump_each(batch.rows, batch.plain)
    if not inputs:
        return b""
    if answer.predictions is None:
        return _records([(b'{"input":', inputs)], b',"error":' + json.dumps(answer.error).encode() + b"}\n")
    fields = [(b'{"input":', inputs), (b',"prediction":', dump_each(answer.predictions))]
    if answer.probabilities is not None:
        fields.append((b',"probabilities":', dump_each(answer.probabilities)))
    return _records(fields, b"}\n")


Part = tuple[list[Any] | NumericRows, bool]  # rows of one file read together, and whether orjson read them all


def _batch(file_index: int, parts: list[Part]) -> Batch:
    """One batch of the consecutive ``parts``: a numeric batch when they all are, with the same number of columns."""
    numeric = [p for p, _ in parts if isinstance(p, NumericRows)]
    if len(numeric) == len(parts) and len({p.matrix.shape[1] for p in numeric}) == 1:
        if len(numeric) == 1:
            return Batch(file_index, [], True, numeric[0])
        import numpy as np

        texts = [t for p in numeric for t in p.texts]
        return Batch(file_index, [], True, NumericRows(np.concatenate([p.matrix for p in numeric]), texts))
    rows: list[Any] = []
    for p, _ in parts:
        rows.extend(p.rows() if isinstance(p, NumericRows) else p)
    return Batch(file_index, rows, all(plain for _, plain in parts))


def _slice(part: list[Any] | NumericRows, start: int, stop: int) -> list[Any] | NumericRows:
    if start == 0 and stop == len(part):
        return part
    if isinstance(part, NumericRows):
        return NumericRows(part.matrix[start:stop], part.texts[start:stop])
    return part[start:stop]


def input_batches(
    root: Path, relatives: list[str], data_type: str, size: int, numeric: bool = False
) -> Iterator[Batch]:
    """Batches of at most ``size`` rows, file by file (a batch never spans two files), read block by block.
    ``numeric``: blocks of numeric rows are read as matrices (:func:`~easymaker.local.serving.inputs.numeric_rows`)
    and sent as such."""
    for index, rel in enumerate(relatives):
        parts: list[Part] = []
        held = 0
        for rows, plain in iter_rows(root, rel, data_type, numeric):
            pos = 0
            while pos < len(rows):
                take = min(size - held, len(rows) - pos)
                parts.append((_slice(rows, pos, pos + take), plain))
                held += take
                pos += take
                if held == size:
                    yield _batch(index, parts)
                    parts, held = [], 0
        if parts:
            yield _batch(index, parts)


class OutputWriter:
    """``<relative>.out.jsonl`` per input file under ``out_dir`` (an empty one for a file without rows)."""

    def __init__(self, out_dir: Path, relatives: list[str]) -> None:
        if out_dir.exists():
            shutil.rmtree(out_dir)
        self.targets = [out_dir / (rel + OUTPUT_SUFFIX) for rel in relatives]
        for target in self.targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.touch()
        self._index = -1
        self._fh: BinaryIO | None = None

    def __call__(self, batch: Batch, answer: Answer) -> None:
        if batch.file_index != self._index:
            self.close()
            self._fh = self.targets[batch.file_index].open("ab")
            self._index = batch.file_index
        assert self._fh is not None
        self._fh.write(output_lines(batch, answer))

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def write_outputs(out_dir: Path, files: list[InputFile], result: BatchResult) -> None:
    """One ``<relative>.out.jsonl`` per input file, from records kept in memory (evaluation)."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for f, records in zip(files, result.records, strict=True):
        target = out_dir / (f.relative + OUTPUT_SUFFIX)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, separators=_SEPARATORS))
                fh.write("\n")


class BatchInferenceRunner:
    kind = "batch_inference"

    def run(self, ctx: JobContext) -> None:
        started = time.monotonic()
        res = ctx.resource
        counts = BatchCounts()

        def elapsed() -> int:
            return int(round(time.monotonic() - started))

        ctx.set_status("CREATE_IN_PROGRESS", None)
        try:
            max_batch = int_field(res, "maxBatchSize", 32)
            inference_timeout = int_field(res, "inferenceTimeoutSeconds", 120)
            pods = int_field(res, "podCount", 1)
            timeout_minutes = int_field(res, "timeoutMinutes", 43200)
            data_type = str_field(res, "inputDataTypeCode").upper()
            if data_type not in ("JSON", "JSONL"):
                raise JobFailed(f"inputDataTypeCode must be JSON or JSONL (got {res.get('inputDataTypeCode')!r})")
            input_uri = str_field(res, "inputDataUri")
            output_uri = str_field(res, "outputUploadUri")
            deadline = started + timeout_minutes * 60

            spec = prepare_model(ctx, lookup_model(ctx, res.get("modelId")), ctx.work_dir / "model")
            root = fetch_input(ctx, input_uri, ctx.work_dir / "input")
            include, exclude = res.get("includeGlobPattern") or None, res.get("excludeGlobPattern") or None
            relatives = select_files(root, include, exclude)
            if not relatives:
                raise JobFailed(
                    f"no input file under {input_uri} is selected (includeGlobPattern={include!r}, "
                    f"excludeGlobPattern={exclude!r})"
                )
            # the model loads in its worker process while the input is counted
            starting = StartingWorkers(spec, pods, ctx.work_dir / "run", DEFAULT_START_TIMEOUT, ctx.stop_event)
            out_dir = ctx.work_dir / "output"
            try:
                counts = BatchCounts(
                    inputFileCount=len(relatives), inputDataCount=count_rows(root, relatives, data_type)
                )
                ctx.update(counts.as_wire())
                if ctx.stop_event.is_set():
                    raise BatchStopped("stopped")
                ctx.set_status("RUNNING", None)
                writer = OutputWriter(out_dir, relatives)
                try:
                    stream_batches(
                        spec,
                        # the numeric reader's matrices are what numpy makes of the rows, which is what
                        # scikit-learn models are given (other frameworks get the rows as JSON values)
                        input_batches(root, relatives, data_type, max_batch, spec.format_code.upper() in SKLEARN_CODES),
                        writer,
                        pod_count=pods,
                        inference_timeout=float(inference_timeout),
                        run_dir=ctx.work_dir / "run",
                        stop_event=ctx.stop_event,
                        counts=counts,
                        deadline=deadline,
                        progress=lambda c: ctx.update(c.as_wire()),
                        starting=starting,
                    )
                finally:
                    writer.close()
            finally:
                starting.stop()  # stream_batches stopped them already, unless it never started them

            ctx.set_status("COMPLETE_IN_PROGRESS", None)
            ctx.uris.publish(out_dir, output_uri)
            ctx.update({**counts.as_wire(), "elapsedTimeSeconds": elapsed()})
            ctx.set_status("COMPLETE", None)
        except BatchStopped:
            ctx.set_status("STOP_IN_PROGRESS", None)
            ctx.update({"elapsedTimeSeconds": elapsed()})
            ctx.set_status("STOPPED", "stopped by request")
        except BatchTimedOut:
            self._fail(
                ctx, f"batch inference did not finish within timeoutMinutes={res.get('timeoutMinutes')}", elapsed()
            )
        except (JobFailed, InputDataError, ServingError) as exc:
            self._fail(ctx, str(exc), elapsed())
        except Exception as exc:  # an unexpected bug still leaves a terminal status with the reason
            logger.exception("batch inference %s failed", res.get("batchInferenceId"))
            self._fail(ctx, f"internal error: {type(exc).__name__}: {exc}", elapsed())

    @staticmethod
    def infer(
        ctx: JobContext,
        spec: ModelSpec,
        files: list[InputFile],
        pods: int,
        max_batch: int,
        inference_timeout: int,
        deadline: float,
        request_parameters: dict[str, Any] | None = None,
    ) -> BatchResult:
        return run_batches(
            spec,
            files,
            pod_count=pods,
            max_batch_size=max_batch,
            inference_timeout=float(inference_timeout),
            run_dir=ctx.work_dir / "run",
            stop_event=ctx.stop_event,
            deadline=deadline,
            request_parameters=request_parameters,
            progress=lambda c: ctx.update(c.as_wire()),
        )

    @staticmethod
    def _fail(ctx: JobContext, reason: str, elapsed: int) -> None:
        logger.error("batch inference failed: %s", reason)
        ctx.set_status("FAIL_BATCH_INFERENCE_IN_PROGRESS", reason)
        ctx.update({"elapsedTimeSeconds": elapsed})
        ctx.set_status("FAIL_BATCH_INFERENCE", reason)
