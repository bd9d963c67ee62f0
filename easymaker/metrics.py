"""``easymaker.log_metrics``: report metrics from training code.

Inside an entry point run by EasyMaker (NHN Cloud or EasyMaker Local), one call

1. writes one line ``val_loss=0.12 accuracy=0.97`` to stdout (preceded by ``[step 3]``), the form the guide's
   default ``metric_regex`` reads, so a hyperparameter tuning's objective keeps working;
2. writes TensorBoard scalars under ``EM_TENSORBOARD_LOG_DIR`` with TensorBoard's own event writer (``pip install
   'easymaker[metrics]'``; without it a warning says so once and the rest still happens);
3. on EasyMaker Local, appends the values to the job's metric record (the file named by ``EM_LOCAL_METRICS_FILE``),
   which ``Training(id).get_metrics()`` and a tuning's trials read back with their steps.

Outside a job (neither variable is set) it logs at debug level and returns.
"""

from __future__ import annotations

import atexit
import json
import logging
import math
import os
import re
import sys
import threading
import time
from collections.abc import Mapping
from numbers import Real
from typing import Any

logger = logging.getLogger("easymaker")

TENSORBOARD_ENV = "EM_TENSORBOARD_LOG_DIR"
METRICS_ENV = "EM_LOCAL_METRICS_FILE"  # the same name as easymaker.local.observe.METRICS_ENV
METRIC_NAME = re.compile(r"[\w-]+")  # what the default metric regex ``([\w|-]+)\s*=...`` reads as one name
MAX_NAME_LENGTH = 255

_lock = threading.Lock()
_state: dict[str, Any] = {"writer": None, "logdir": None, "step": 0, "warned": False}


def log_metrics(metrics: Mapping[str, float], step: int | None = None) -> None:
    """Report ``metrics`` (name -> number) at ``step`` (default: 1 + the previous step of this process).

    Names must be letters, digits, ``_`` or ``-`` (what a tuning's default ``metric_regex`` reads); values real
    numbers. A value that is not finite (NaN, infinity) is left out with a warning: a tuning could not read it.
    Raises ``TypeError``/``ValueError`` naming the bad name or value.
    """
    if not isinstance(metrics, Mapping):
        raise TypeError(f"metrics must be a mapping of metric name to number, got {type(metrics).__name__}")
    if step is not None and (isinstance(step, bool) or not isinstance(step, int) or step < 0):
        raise ValueError(f"step must be an integer >= 0, got {step!r}")
    values: dict[str, float] = {}
    for name, value in metrics.items():
        if not isinstance(name, str) or not METRIC_NAME.fullmatch(name) or len(name) > MAX_NAME_LENGTH:
            raise ValueError(
                f"metric name {name!r}: use letters, digits, '_' or '-' (at most {MAX_NAME_LENGTH}), which is what "
                "a tuning's default metric_regex reads"
            )
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"metric {name!r}: the value must be a real number, got {type(value).__name__}")
        number = float(value)
        if not math.isfinite(number):
            logger.warning("log_metrics: %s=%r is not finite and is left out", name, number)
            continue
        values[name] = number
    tensorboard_dir = os.environ.get(TENSORBOARD_ENV)
    record_file = os.environ.get(METRICS_ENV)
    if not tensorboard_dir and not record_file:
        logger.debug("log_metrics outside an EasyMaker job (%s is not set): %s", TENSORBOARD_ENV, values)
        return
    with _lock:
        if step is None:
            step = _state["step"] + 1
        _state["step"] = step
        if values:
            sys.stdout.write(f"[step {step}] " + " ".join(f"{k}={_text(v)}" for k, v in values.items()) + "\n")
            sys.stdout.flush()
        if tensorboard_dir:
            _write_tensorboard(tensorboard_dir, values, step)
        if record_file:
            _record(record_file, values, step)


def _text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _write_tensorboard(logdir: str, values: Mapping[str, float], step: int) -> None:
    writer = _state["writer"]
    if writer is None or _state["logdir"] != logdir:
        try:
            # TensorBoard's own event writer: a tenth of tensorboardX's import time (which loads torch when present)
            from tensorboard.summary.writer.event_file_writer import EventFileWriter
        except ImportError:
            if not _state["warned"]:
                _state["warned"] = True
                logger.warning(
                    "log_metrics: tensorboard is not installed, so no TensorBoard event files are written "
                    "(pip install 'easymaker[metrics]')"
                )
            return
        if writer is not None:
            writer.close()
        # one event file per process: ranks of a distributed training write side by side
        writer = EventFileWriter(logdir, filename_suffix=f".{os.getpid()}")
        _state["writer"], _state["logdir"] = writer, logdir
        atexit.register(_close)
    from tensorboard.compat.proto import event_pb2, summary_pb2

    summary = summary_pb2.Summary(
        value=[summary_pb2.Summary.Value(tag=name, simple_value=value) for name, value in values.items()]
    )
    writer.add_event(event_pb2.Event(wall_time=time.time(), step=step, summary=summary))
    writer.flush()


def _record(path: str, values: Mapping[str, float], step: int) -> None:
    line = json.dumps({"step": step, "timestamp": time.time(), "metrics": dict(values)}) + "\n"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)
    except OSError as exc:
        logger.warning("log_metrics: cannot record metrics in %s: %s", path, exc)


def _close() -> None:
    with _lock:
        writer = _state["writer"]
        _state["writer"] = _state["logdir"] = None
    if writer is not None:
        writer.close()
