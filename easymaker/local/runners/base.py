"""The contract between EasyMaker Local's job supervisor and the runners that do the work.

A runner executes one kind of job (a training, a tuning, an endpoint stage, a batch inference, a model
evaluation, a pipeline run). The supervisor calls ``Runner.run(ctx)`` in a worker thread once the resource has
been accepted; the runner moves the resource through its statuses with ``ctx.set_status`` and returns when the
resource has reached a terminal status (or, for long-lived servers such as endpoint stages, when ``ctx.stop_event``
is set). Runners never touch the database or the HTTP layer directly: everything goes through the context, so
they can be tested with a context built in the test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class UriResolver(Protocol):
    """Moves data between ``obs://`` / ``nas://`` URIs and local folders, on this machine."""

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        """Copy the object or every object under the prefix ``uri`` into ``dest_dir``; return ``dest_dir``.

        A URI naming one object gives ``dest_dir/<basename>``; a prefix gives the tree below it.
        Raises ``FileNotFoundError`` with the URI in the message when nothing is there.
        """

    def publish(self, src: Path, uri: str) -> int:
        """Copy the file or the tree ``src`` to the prefix ``uri``; return the number of files written."""

    def local_path(self, uri: str) -> Path | None:
        """For ``nas://`` URIs, the folder they map to (no copy needed); ``None`` for ``obs://``."""


@dataclass
class JobContext:
    """Everything a runner may use. Built by the supervisor (or by a test)."""

    job_id: str
    kind: str  # "training", "hyperparameter_tuning", "endpoint_stage", "batch_inference", "model_evaluation", "pipeline_run"
    appkey: str
    resource: dict[str, Any]  # the stored resource, camelCase wire form (request fields + server fields)
    work_dir: Path  # <home>/jobs/<job_id>/, created before run() is called
    uris: UriResolver
    set_status: Callable[[str, str | None], None]  # (statusCode, reason) -> persisted at once
    update: Callable[[Mapping[str, Any]], None]  # merge camelCase fields into the stored resource
    stop_event: threading.Event = field(default_factory=threading.Event)  # set by stop(), delete or shutdown
    settings: Mapping[str, Any] = field(default_factory=dict)  # server flags, e.g. {"allow_pip_install": False}
    lookup: Callable[[str, str], dict[str, Any] | None] = lambda kind, rid: None  # read another resource (e.g. a model)
    log_sink: Callable[[str, str], None] = lambda stream, line: None  # (stream, line) -> Log & Crash store when useLog
    api_token: str = ""  # opens the API of ``appkey`` only, revoked when the job ends (never the access token)


class Runner(Protocol):
    kind: str

    def run(self, ctx: JobContext) -> None:
        """Do the job; leave the resource in a terminal status (success or failure with a reason)."""


class NotBuiltRunner:
    """Stands in for a runner that EasyMaker Local does not have yet: fails the resource, saying so."""

    def __init__(self, kind: str, failure_status: str) -> None:
        self.kind = kind
        self._failure_status = failure_status

    def run(self, ctx: JobContext) -> None:
        ctx.set_status(self._failure_status, f"EasyMaker Local cannot run {self.kind} jobs yet")
