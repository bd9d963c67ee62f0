"""Endpoint stage runner (kind ``endpoint_stage``): serve a stage's models on one local port until stopped.

For each entry of ``endpointModelList`` the runner looks the model up (``ctx.lookup("model", modelId)``) and fetches
its files into ``<work_dir>/models/<modelName>`` (NAS URIs are used in place). The runner opens the stage's
listening socket on ``127.0.0.1:<port>`` and starts one worker process (``python -m easymaker.local.serving.worker``)
per pod (the sum of the entries' ``podCount``); every worker loads every model of the stage and accepts connections
on that shared socket, so requests reach a model with no proxy hop (KServe v1/v2 routes and the 2.1.0 form
``/{name}/v1/models/{name}/predict``: :mod:`easymaker.local.serving.protocol`). The socket stays open while a
worker restarts: new connections wait in its backlog or go to another worker.

Statuses (``endpointStageStatusCode``): CREATE_IN_PROGRESS -> DEPLOY_IN_PROGRESS -> ACTIVE, or DEPLOY_FAILED with
the reason when a model cannot be served. A stage that is already ACTIVE when ``run()`` is called (the server
restarted) is redeployed from DEPLOY_IN_PROGRESS, on the same port when it is free. While ACTIVE, a worker that
dies is restarted. ``run()`` returns once ``ctx.stop_event`` is set, after stopping every worker and closing the
socket.
"""

from __future__ import annotations

import logging
import re
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from easymaker.local.runners.base import JobContext
from easymaker.local.serving.artifacts import lookup_model, prepare_model
from easymaker.local.serving.errors import ModelLoadError, ServingError
from easymaker.local.serving.loaders import ModelSpec
from easymaker.local.serving.worker_processes import DEFAULT_START_TIMEOUT, WorkerProcess, stop_workers

logger = logging.getLogger("easymaker.local.endpoint")

ACTIVE = "ACTIVE"
CREATE_IN_PROGRESS = "CREATE_IN_PROGRESS"
DEPLOY_IN_PROGRESS = "DEPLOY_IN_PROGRESS"
DEPLOY_FAILED = "DEPLOY_FAILED"
CREATE_FAILED = "CREATE_FAILED"

MAX_RESTART_BACKOFF = 30.0


def _safe_dir_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name) or "model"


def _pod_count(entry: dict[str, Any]) -> int:
    value = entry.get("podCount", 1)
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ServingError(f"podCount of endpoint model {entry.get('modelId')} must be an integer >= 1 (got {value!r})")
    return value


def _previous_port(stage: dict[str, Any]) -> int:
    url = str(stage.get("apigwStageUrl") or "")
    match = re.fullmatch(r"(?:https?://)?127\.0\.0\.1:(\d+)/?", url)
    return int(match.group(1)) if match else 0


class _Pod:
    """A worker plus its restart bookkeeping."""

    def __init__(self, worker: WorkerProcess, entry_index: int) -> None:
        self.worker = worker
        self.entry_index = entry_index
        self.next_restart = 0.0
        self.backoff = 0.5


class EndpointStageRunner:
    """Runs one endpoint stage. ``start_timeout``: seconds a worker may take to load its model."""

    kind = "endpoint_stage"

    def __init__(self, start_timeout: float = DEFAULT_START_TIMEOUT, supervise_interval: float = 0.5) -> None:
        self.start_timeout = start_timeout
        self.supervise_interval = supervise_interval

    def run(self, ctx: JobContext) -> None:
        try:
            self._run(ctx)
        except Exception as exc:  # a bug must still leave a terminal status with the reason
            logger.exception("endpoint stage %s failed", ctx.resource.get("endpointStageId"))
            ctx.set_status(DEPLOY_FAILED, f"internal error: {type(exc).__name__}: {exc}")

    def _run(self, ctx: JobContext) -> None:
        stage = ctx.resource
        entries = [dict(e) for e in stage.get("endpointModelList") or []]
        if not entries:
            ctx.set_status(CREATE_FAILED, "endpointModelList is empty: a stage needs at least one model")
            return
        if stage.get("endpointStageStatusCode") != ACTIVE:
            ctx.set_status(CREATE_IN_PROGRESS, None)

        # 1. models: look up, check, fetch ---------------------------------------------------------------------
        specs: list[ModelSpec] = []
        for entry in entries:
            try:
                model = lookup_model(ctx, entry.get("modelId"))
                name = str(model.get("modelName") or model.get("modelId"))
                entry.setdefault("model", {"modelId": model.get("modelId"), "modelName": name})
                entry["podCount"] = _pod_count(entry)
                specs.append(prepare_model(ctx, model, ctx.work_dir / "models" / _safe_dir_name(name)))
            except (ModelLoadError, ServingError) as exc:
                self._fail(ctx, entries, f"model {entry.get('modelId')}: {exc}", CREATE_FAILED)
                return
            entry["endpointModelStatusCode"] = CREATE_IN_PROGRESS
            entry["runningPodCount"] = 0
        if ctx.stop_event.is_set():
            return

        # 2. the stage's socket and its workers (each serves every model of the stage) ------------------------
        ctx.set_status(DEPLOY_IN_PROGRESS, None)
        ctx.update({"deployStatus": "STAGE_DEPLOYING", "endpointModelList": entries})
        run_dir = ctx.work_dir / "run"
        served = list({spec.name: spec for spec in specs}.values())
        listen = self._listen(_previous_port(stage))
        pods = [
            _Pod(WorkerProcess(served, run_dir, f"pod-{i}-{p}", listen=listen), i)
            for i, entry in enumerate(entries)
            for p in range(entry["podCount"])
        ]
        try:
            failures = self._start_all(pods, ctx)
            if ctx.stop_event.is_set():
                return
            if failures:
                index, error = failures[0]
                self._fail(ctx, entries, f"model cannot be served: {error}", DEPLOY_FAILED)
                return

            # 3. active ------------------------------------------------------------------------------------------
            for spec, entry in zip(specs, entries, strict=True):
                entry["endpointModelStatusCode"] = ACTIVE
                entry["runningPodCount"] = entry["podCount"]
                entry["apigwResourceUri"] = f"/v1/models/{spec.name}/predict"
            stage_url = f"127.0.0.1:{listen.getsockname()[1]}"
            ctx.update(
                {
                    "apigwStageUrl": stage_url,
                    "deployStatus": ACTIVE,
                    "podCount": len(pods),
                    "endpointModelList": entries,
                }
            )
            ctx.set_status(ACTIVE, None)
            logger.info(
                "stage %s serves %s on http://%s",
                stage.get("endpointStageId"),
                sorted(s.name for s in served),
                stage_url,
            )
            self._supervise(ctx, pods, entries)
        finally:
            stop_workers([p.worker for p in pods])
            listen.close()
        for entry in entries:
            entry["runningPodCount"] = 0
        try:
            ctx.update({"endpointModelList": entries})
        except Exception:  # the stage may be gone already (deleted)
            logger.debug("final update of stage %s skipped", stage.get("endpointStageId"), exc_info=True)

    @staticmethod
    def _listen(preferred: int) -> socket.socket:
        """The stage's listening socket: the previous deployment's port when it is free, else a new one."""
        if preferred:
            try:
                return socket.create_server(("127.0.0.1", preferred), backlog=128)
            except OSError:
                logger.info("port %d of the previous deployment is taken; using a new one", preferred)
        return socket.create_server(("127.0.0.1", 0), backlog=128)

    # ------------------------------------------------------------------------------------------------------------
    def _start_all(self, pods: list[_Pod], ctx: JobContext) -> list[tuple[int, str]]:
        def start(pod: _Pod) -> str | None:
            try:
                pod.worker.start(self.start_timeout, ctx.stop_event)
            except ServingError as exc:
                return str(exc)
            return None

        with ThreadPoolExecutor(max_workers=max(1, min(len(pods), 8))) as pool:
            results = list(pool.map(start, pods))
        return [(pod.entry_index, err) for pod, err in zip(pods, results, strict=True) if err is not None]

    def _supervise(self, ctx: JobContext, pods: list[_Pod], entries: list[dict[str, Any]]) -> None:
        running = [e["podCount"] for e in entries]
        while not ctx.stop_event.wait(self.supervise_interval):
            counts = [0] * len(entries)
            for pod in pods:
                if pod.worker.alive():
                    counts[pod.entry_index] += 1
                    continue
                now = time.monotonic()
                if now < pod.next_restart:
                    continue
                logger.warning("model server %s exited; restarting it", pod.worker.label)
                pod.worker.stop()
                try:
                    pod.worker.start(self.start_timeout, ctx.stop_event)
                    pod.backoff = 0.5
                    counts[pod.entry_index] += 1
                except ServingError as exc:
                    logger.error("restarting model server %s failed: %s", pod.worker.label, exc)
                    pod.next_restart = time.monotonic() + pod.backoff
                    pod.backoff = min(pod.backoff * 2, MAX_RESTART_BACKOFF)
            if counts != running and not ctx.stop_event.is_set():
                running = counts
                for entry, count in zip(entries, counts, strict=True):
                    entry["runningPodCount"] = count
                ctx.update({"endpointModelList": entries})

    @staticmethod
    def _fail(ctx: JobContext, entries: list[dict[str, Any]], reason: str, status: str) -> None:
        for entry in entries:
            entry["endpointModelStatusCode"] = CREATE_FAILED
            entry["runningPodCount"] = 0
        ctx.update({"deployStatus": "STAGE_DEPLOY_FAIL", "endpointModelList": entries})
        logger.error("stage %s failed: %s", ctx.resource.get("endpointStageId"), reason)
        ctx.set_status(status, reason)
