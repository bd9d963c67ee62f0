"""EasyMaker Local's Log & Crash Search: ``POST /v2/log`` stores records in ``state.db``; runners' output lines of
resources with ``useLog`` true are stored the same way (category ``easymaker.training`` and so on).

Limits as the service's: a record is a JSON object with a ``body``; at most 8 MB per record (JSON size), and a
request at most that plus 64 KiB. Bodies are parsed in a worker thread, never on the event loop.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from easymaker.local.store import Store, now_iso
from easymaker.local.validation import strict_json

logger = logging.getLogger("easymaker.local.logncrash")

MAX_RECORD_BYTES = 8 * 1000 * 1000
MAX_REQUEST_BYTES = MAX_RECORD_BYTES + 64 * 1024  # one record at the limit, with room for the array around it
LOG_TYPE = "NHNCloud-AIEasyMaker"

CATEGORIES = {
    "training": ("easymaker.training", "trainingId"),
    "hyperparameter_tuning": ("easymaker.training", "hyperparameterTuningId"),
    "fine_tuning": ("easymaker.training", "fineTuningId"),
    "endpoint_stage": ("easymaker.inference", "endpointStageId"),
    "batch_inference": ("easymaker.inference", "batchInferenceId"),
    "model_evaluation": ("easymaker.inference", "modelEvaluationId"),
    "pipeline_run": ("easymaker.pipeline", "pipelineRunId"),
}


class LogRejected(ValueError):
    """A log request that is not a list of records (the message names the problem)."""


def parse_records(raw: bytes) -> list[dict[str, Any]]:
    """Decode a ``POST /v2/log`` body: one record object or a JSON array of them, each with ``body``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LogRejected(f"body: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        doc = strict_json(text)
    except (ValueError, RecursionError) as exc:
        raise LogRejected(f"body: not valid JSON ({exc})") from exc
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise LogRejected("body: holds a lone UTF-16 surrogate escape, which is not valid Unicode") from exc
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        raise LogRejected("body: an empty array holds no log record")
    for i, r in enumerate(records):
        if not isinstance(r, dict):
            raise LogRejected(f"[{i}]: a log record must be a JSON object, got {type(r).__name__}")
        if "body" not in r:
            raise LogRejected(f"[{i}].body: is required")
        size = len(json.dumps(r, ensure_ascii=False).encode("utf-8"))
        if size > MAX_RECORD_BYTES:
            raise LogRejected(f"[{i}]: the record is {size} bytes, more than the limit of {MAX_RECORD_BYTES} (8 MB)")
    return records


class JobLogWriter:
    """Collects runner output lines and writes them to the store in batches (one transaction per batch)."""

    def __init__(self, store: Store, flush_seconds: float = 0.5, batch: int = 500) -> None:
        self._store = store
        self._q: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._flush = flush_seconds
        self._batch = batch
        self._thread = threading.Thread(target=self._run, name="easymaker-logncrash", daemon=True)
        self._thread.start()

    def sink(self, kind: str, appkey: str, rid: str) -> Callable[[str, str], None]:
        category, id_field = CATEGORIES.get(kind, (f"easymaker.{kind}", f"{kind}Id"))

        def write(stream: str, line: str) -> None:
            self._q.put(
                {
                    "projectName": appkey,
                    "easymakerAppKey": appkey,
                    "category": category,
                    "logType": LOG_TYPE,
                    "logLevel": "ERROR" if stream == "stderr" else "INFO",
                    "body": line.rstrip("\n"),
                    "time": now_iso(),
                    "stream": stream,
                    id_field: rid,
                }
            )

        return write

    def _run(self) -> None:
        pending: list[dict[str, Any]] = []
        stop = False
        while not stop:
            deadline = time.monotonic() + self._flush
            while len(pending) < self._batch:
                timeout = deadline - time.monotonic()
                if timeout <= 0:
                    break
                try:
                    item = self._q.get(timeout=timeout)
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                pending.append(item)
            if pending:
                try:
                    self._store.add_logs(pending)
                except Exception:
                    logger.exception("storing %d log lines failed", len(pending))
                pending = []

    def close(self, timeout: float = 5.0) -> None:
        self._q.put(None)
        self._thread.join(timeout)
