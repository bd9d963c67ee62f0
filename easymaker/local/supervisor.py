"""The job supervisor: runs one runner per job in a thread, stops jobs, and recovers after a restart.

Each job kind has one runner (``easymaker.local.runners.*``); a kind whose runner is not available gets a
``NotBuiltRunner`` that fails the resource with a reason saying so. A runner's ``set_status`` goes through the
kind's state machine (``easymaker.local.states``): an illegal transition is logged and rejected. When a runner
returns without leaving its resource in a terminal status, the supervisor ends it (STOPPED after a stop request,
else the kind's failure status with a reason).

On start, ``recover()`` first ends any process a previous server left running (``easymaker.local.runners.guard``:
while the server runs, a guard process ends its job processes if it dies, however it dies), then marks work that was running as failed ("interrupted by restart"), except endpoint stages
that were ACTIVE, which are deployed again. Recurring runs are driven by ``easymaker.local.scheduler.SchedulerLoop``
in its own thread; the (schedule, trigger time) pairs already turned into runs are kept in ``schedule_triggers``,
so a restart neither loses nor repeats a trigger.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from easymaker.local import observe, states
from easymaker.local.auth import AccessTokens
from easymaker.local.home import LocalHome
from easymaker.local.logncrash import JobLogWriter
from easymaker.local.resources.base import INTERRUPTED
from easymaker.local.resources.service import Service
from easymaker.local.runners import guard
from easymaker.local.runners.base import JobContext, NotBuiltRunner, Runner, UriResolver
from easymaker.local.states import JOB_KINDS, KINDS
from easymaker.local.store import Store

logger = logging.getLogger("easymaker.local.supervisor")

RUNNER_CLASSES = {
    "training": ("easymaker.local.runners.training", "TrainingRunner"),
    "hyperparameter_tuning": ("easymaker.local.runners.tuning", "HyperparameterTuningRunner"),
    "endpoint_stage": ("easymaker.local.runners.endpoint", "EndpointStageRunner"),
    "batch_inference": ("easymaker.local.runners.batch", "BatchInferenceRunner"),
    "model_evaluation": ("easymaker.local.runners.evaluation", "ModelEvaluationRunner"),
    "pipeline_run": ("easymaker.local.runners.pipeline", "PipelineRunRunner"),
}
LOG_TAIL_BYTES = 64 * 1024


class FineTuningRunner:
    """Fine tunings need the service's GPU fine-tuning engine: EasyMaker Local refuses them with a reason."""

    kind = "fine_tuning"

    def run(self, ctx: JobContext) -> None:
        ctx.set_status(
            states.CREATE_FAILED,
            "LLM fine tuning is not available on EasyMaker Local (it needs NHN Cloud's fine-tuning engine); "
            "run it on NHN Cloud AI EasyMaker",
        )


def default_runners() -> dict[str, Runner]:
    """One runner per job kind: the built ones, ``NotBuiltRunner`` for any that cannot be imported."""
    out: dict[str, Runner] = {"fine_tuning": FineTuningRunner()}
    for kind, (module, cls) in RUNNER_CLASSES.items():
        try:
            out[kind] = getattr(importlib.import_module(module), cls)()
        except Exception as exc:  # a missing optional dependency must not stop the server
            logger.warning(
                "runner for %s is not available (%s: %s); such jobs will fail", kind, type(exc).__name__, exc
            )
            failure = KINDS[kind].failure or states.CREATE_FAILED
            out[kind] = NotBuiltRunner(kind, failure)
    return out


class _MissingUris:
    def _fail(self, uri: str) -> Any:
        raise NotImplementedError(
            f"obs:// and nas:// URIs are not available in this server (easymaker.local.uris): {uri}"
        )

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        return self._fail(uri)  # type: ignore[no-any-return]

    def publish(self, src: Path, uri: str) -> int:
        return self._fail(uri)  # type: ignore[no-any-return]

    def local_path(self, uri: str) -> Path | None:
        return self._fail(uri)  # type: ignore[no-any-return]


def default_uris(home: LocalHome, object_store: Any = None) -> UriResolver:
    try:
        from easymaker.local.uris import LocalUris
    except ImportError as exc:
        logger.warning("easymaker.local.uris is not available (%s)", exc)
        return _MissingUris()
    return LocalUris(home.root, object_store)


@dataclass
class Job:
    rid: str
    kind: str
    appkey: str
    stop_event: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None
    stop_requested: bool = False


class Supervisor:
    """Runs the jobs of one EasyMaker Local server."""

    def __init__(
        self,
        store: Store,
        home: LocalHome,
        service: Service,
        *,
        runners: Mapping[str, Runner] | None = None,
        uris: UriResolver | None = None,
        settings: Mapping[str, Any] | None = None,
        log_writer: JobLogWriter | None = None,
        scheduler_tick: float = 1.0,
    ) -> None:
        self.store = store
        self.home = home
        self.service = service
        service.supervisor = self
        self.runners: dict[str, Runner] = dict(runners) if runners is not None else default_runners()
        self.uris = uris if uris is not None else default_uris(home)
        self.settings = dict(settings or {})
        self.log_writer = log_writer or JobLogWriter(store)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._scheduler: Any = None
        self._scheduler_tick = scheduler_tick
        self._run_lock = threading.Lock()
        guard.configure(home.root / "run")
        self.tokens: AccessTokens | None = None  # set by the app: issues each job's own API token

    # -- jobs ------------------------------------------------------------------------------------------------------
    def start(self, kind: str, appkey: str, rid: str) -> None:
        if self._closed:
            raise RuntimeError("the supervisor is shut down")
        job = Job(rid, kind, appkey)
        with self._lock:
            old = self._jobs.get(rid)
            if old is not None and old.thread is not None and old.thread.is_alive():
                raise RuntimeError(f"{kind} {rid} is already running")
            self._jobs[rid] = job
        job.thread = threading.Thread(target=self._run, args=(job,), name=f"job-{kind}-{rid[:8]}", daemon=True)
        job.thread.start()

    def _context(self, job: Job) -> JobContext | None:
        row = self.store.get(job.rid)
        if row is None:
            return None
        resource = dict(row.doc)
        if job.kind == "pipeline_run":
            pid = resource.get("pipelineId")
            manifest = self.store.get_manifest(str(pid)) if pid else None
            pipeline = self.store.get(str(pid)) if pid else None
            resource["pipelineSpecManifest"] = manifest or ""
            resource["pipelineParameterSpecList"] = (pipeline.doc if pipeline else {}).get(
                "pipelineParameterSpecList"
            ) or []
        work_dir = self.home.job_dir(job.rid)
        work_dir.mkdir(parents=True, exist_ok=True)
        use_log = bool(resource.get("useLog"))
        sink = self.log_writer.sink(job.kind, job.appkey, job.rid) if use_log else (lambda stream, line: None)
        rid, appkey = job.rid, job.appkey
        return JobContext(
            job_id=rid,
            kind=job.kind,
            appkey=appkey,
            resource=resource,
            work_dir=work_dir,
            uris=self.uris,
            set_status=lambda status, reason: self._set_status(rid, status, reason),
            update=lambda fields: self.service.merge(rid, dict(fields)),
            stop_event=job.stop_event,
            settings=self.settings,
            lookup=lambda kind, other: self.service.lookup(kind, other, appkey),
            log_sink=sink,
            api_token=self.tokens.issue_job_token(appkey, rid) if self.tokens is not None else "",
        )

    def _set_status(self, rid: str, status: str, reason: str | None) -> None:
        # The line goes first: a follower that sees the final status then finds every line, this one included.
        line = observe.status_line(status, reason)
        try:
            observe.append_line(observe.job_log(self.home.job_dir(rid)), line)
        except OSError as exc:
            logger.warning("%s: cannot write the status line to its log: %s", rid, exc)
        self.service.transition(rid, status, reason)
        observe.notify(observe.job_log(self.home.job_dir(rid)))  # followers waiting for a final status look again

    def _run(self, job: Job) -> None:
        kind = KINDS[job.kind]
        try:
            ctx = self._context(job)
            if ctx is None:
                return
            runner = self.runners.get(job.kind) or NotBuiltRunner(job.kind, kind.failure or states.CREATE_FAILED)
            runner.run(ctx)
        except Exception as exc:
            logger.exception("%s %s: runner failed", job.kind, job.rid)
            self._finish(job, f"the {job.kind} runner failed: {type(exc).__name__}: {exc}")
        else:
            self._finish(job, None)
        finally:
            if self.tokens is not None:
                self.tokens.revoke_job(job.rid)
            with self._lock:
                if self._jobs.get(job.rid) is job:
                    del self._jobs[job.rid]
            if job.kind == "pipeline_run" and self._scheduler is not None:
                self._scheduler.wake()

    def _finish(self, job: Job, error: str | None) -> None:
        """Leave the resource in a terminal status after its runner returned."""
        row = self.store.get(job.rid)
        if row is None:
            return
        kind = KINDS[job.kind]
        if self._closed and not job.stop_requested:
            # the server is shutting down: a stage stays ACTIVE (deployed again at the next start); other work
            # that did not finish is reported as interrupted
            if job.kind != "endpoint_stage" and row.status not in (states.COMPLETE, states.CREATE_FAILED, kind.failure):
                self.service.transition(job.rid, kind.failure or states.CREATE_FAILED, INTERRUPTED, force=True)
            return
        if job.kind == "endpoint_stage":
            if row.status in (states.DELETE_IN_PROGRESS, "DEPLOY_FAILED", states.CREATE_FAILED) or job.stop_requested:
                return
            reason = error or "the model server stopped"
            self.service.transition(job.rid, "DEPLOY_FAILED", reason, force=True)
            return
        if row.status in kind.terminal:
            return
        if job.stop_requested or job.stop_event.is_set():
            self.service.transition(job.rid, states.STOPPED, "stopped by user request", force=True)
        else:
            reason = error or f"the {job.kind} runner ended without a final status (was {row.status})"
            self.service.transition(job.rid, kind.failure or states.CREATE_FAILED, reason, force=True)

    def stop(self, rid: str, wait: float | None = None) -> bool:
        """Ask a job to stop; with ``wait``, wait that many seconds for its runner to return.

        Returns whether the job was running."""
        with self._lock:
            job = self._jobs.get(rid)
        if job is None:
            return False
        job.stop_requested = True
        job.stop_event.set()
        if wait is not None and job.thread is not None:
            job.thread.join(wait)
            if job.thread.is_alive():
                logger.warning("%s %s did not stop within %.0f s", job.kind, rid, wait)
        return True

    def wait(self, rid: str, timeout: float | None = None) -> bool:
        with self._lock:
            job = self._jobs.get(rid)
        if job is None or job.thread is None:
            return True
        job.thread.join(timeout)
        return not job.thread.is_alive()

    def stop_all(self, wait: float = 30.0) -> None:
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.stop_requested = True
            job.stop_event.set()
        deadline = time.monotonic() + wait
        for job in jobs:
            if job.thread is not None:
                job.thread.join(max(0.0, deadline - time.monotonic()))

    def shutdown(self, wait: float = 30.0) -> None:
        """Stop the scheduler and every job (statuses of interrupted jobs are fixed by the next ``recover()``)."""
        self._closed = True
        if self._scheduler is not None:
            self._scheduler.stop()
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.stop_event.set()  # not a user stop: the next start reports the interruption
        deadline = time.monotonic() + wait
        for job in jobs:
            if job.thread is not None:
                job.thread.join(max(0.0, deadline - time.monotonic()))
        self.log_writer.close()

    def running_jobs(self) -> list[dict[str, str]]:
        with self._lock:
            return [{"id": j.rid, "kind": j.kind, "appkey": j.appkey} for j in self._jobs.values()]

    # -- restart recovery --------------------------------------------------------------------------------------------
    def recover(self) -> dict[str, int]:
        """Fix statuses of work interrupted by the previous shutdown or crash; redeploy ACTIVE stages."""
        counts = {"failed": 0, "stopped": 0, "redeployed": 0}
        # processes of jobs the previous server ran (it crashed, and its guard with it) end before anything restarts
        counts["processes_ended"] = guard.end_recorded(self.home.root / "run")
        svc = self.service
        for row in self.store.by_status(JOB_KINDS, _non_terminal_statuses()):
            kind = KINDS[row.kind]
            if row.status in kind.terminal:
                continue
            if row.kind == "endpoint_stage":
                if row.status == states.DELETE_IN_PROGRESS:
                    self.store.delete(row.id)
                    continue
                target = "DEPLOY_FAILED" if row.status == "DEPLOY_IN_PROGRESS" else states.CREATE_FAILED
                svc.transition(row.id, target, INTERRUPTED, force=True)
                counts["failed"] += 1
            elif row.status == states.STOP_IN_PROGRESS:
                svc.transition(row.id, states.STOPPED, "stopped (" + INTERRUPTED + ")", force=True)
                counts["stopped"] += 1
            else:
                svc.transition(row.id, kind.failure or states.CREATE_FAILED, INTERRUPTED, force=True)
                counts["failed"] += 1
        for kname in ("experiment", "model", "pipeline"):
            for row in self.store.by_status([kname], [states.CREATE_REQUESTED, states.CREATE_IN_PROGRESS]):
                svc.transition(row.id, states.CREATE_FAILED, INTERRUPTED, force=True)
                counts["failed"] += 1
        for row in self.store.by_status(["endpoint"], [states.DELETE_IN_PROGRESS]):
            with self.store.tx() as c:
                for stage in self.store.select(row.appkey, "endpoint_stage", parent_id=row.id):
                    self.store.delete(stage.id, conn=c)
                self.store.delete(row.id, conn=c)
        for row in self.store.by_status(["endpoint_stage"], [states.ACTIVE]):
            self.start("endpoint_stage", row.appkey, row.id)
            counts["redeployed"] += 1
        for row in self.store.select(None, "endpoint"):
            svc.refresh_endpoint(row.id)
        if any(counts.values()):
            logger.info("restart recovery: %s", counts)
        return counts

    # -- recurring runs --------------------------------------------------------------------------------------------
    def start_scheduler(self) -> None:
        from easymaker.local.scheduler import SchedulerLoop

        self._scheduler = SchedulerLoop(
            clock=lambda: datetime.now(UTC),
            tick_seconds=self._scheduler_tick,
            get_schedules=self._schedules,
            create_run=self._create_scheduled_run,
            save_schedule=self._save_schedule,
            count_in_progress=self._count_in_progress,
        )
        self._scheduler.start()

    def schedules_changed(self) -> None:
        if self._scheduler is not None:
            self._scheduler.wake()

    def _schedules(self) -> list[dict[str, Any]]:
        # a schedule whose times cannot be computed is logged and skipped by the scheduler loop itself
        return [r.doc for r in self.store.select(None, "pipeline_recurring_run")]

    def _count_in_progress(self, schedule: Mapping[str, Any]) -> int:
        rid = str(schedule.get("pipelineRecurringRunId"))
        rows = self.store.select(None, "pipeline_run", parent_id=rid, statuses=states.PIPELINE_RUN.in_progress)
        return len(rows)

    def _create_scheduled_run(self, schedule: Mapping[str, Any], trigger: datetime) -> None:
        from easymaker.local.scheduler import format_datetime

        sid = str(schedule["pipelineRecurringRunId"])
        when = format_datetime(trigger)
        row = self.store.get(sid)
        if row is None or row.status != "ENABLED":
            return
        pipeline = self.store.get(str(row.doc.get("pipelineId")))
        if pipeline is None:
            raise RuntimeError(f"pipeline {row.doc.get('pipelineId')} of recurring run {sid} is gone")
        exp = self.store.get(str(row.doc.get("experimentId"))) if row.doc.get("experimentId") else None
        body = {k: v for k, v in row.doc.items() if not k.startswith("pipelineRecurringRun")}
        body["pipelineRunOrRecurringRunName"] = row.name
        for k in ("appKey", "createdDatetime", "pipeline", "experiment", "flavor", "bootStorage", "lastScheduledTime"):
            body.pop(k, None)
        body["bootStorageSize"] = (row.doc.get("bootStorage") or {}).get("storageSize", 50)
        with self._run_lock:
            with self.store.tx() as c:
                if not self.store.claim_trigger(sid, when, c):
                    return  # this trigger already has its run (a replay after a crash)
                run = self.service.insert_run(
                    row.appkey, body, pipeline, row.doc.get("flavor") or {}, exp, row, when, conn=c, start=False
                )
                self.store.set_trigger_run(sid, when, run.id, c)
            self.start("pipeline_run", row.appkey, run.id)

    def _save_schedule(self, schedule: Mapping[str, Any], updates: Mapping[str, Any]) -> None:
        sid = str(schedule["pipelineRecurringRunId"])
        fields = dict(updates)
        status = fields.pop("pipelineRecurringRunStatusCode", None)
        if fields:
            self.service.merge(sid, fields)
        if status is not None:
            row = self.store.get(sid)
            if row is not None and row.status == "ENABLED":
                self.service.transition(sid, status)

    # -- logs ------------------------------------------------------------------------------------------------------
    def job_logs(self, rid: str, tail_bytes: int = LOG_TAIL_BYTES) -> dict[str, Any]:
        """The tails of a job's ``stdout.log`` / ``stderr.log`` files (and other ``*.log`` files) under its folder."""
        base = self.home.job_dir(rid)
        files = []
        out: dict[str, list[str]] = {"stdout": [], "stderr": []}
        if base.is_dir():
            for path in sorted(base.rglob("*.log")):
                if not path.is_file():
                    continue
                text = _tail(path, tail_bytes)
                rel = str(path.relative_to(base))
                files.append({"path": rel, "size": path.stat().st_size, "tail": text})
                if path.name == "stdout.log":
                    out["stdout"].append(text)
                elif path.name == "stderr.log":
                    out["stderr"].append(text)
        return {"jobId": rid, "stdout": "".join(out["stdout"]), "stderr": "".join(out["stderr"]), "files": files}


def _tail(path: Path, limit: int) -> str:
    size = path.stat().st_size
    with path.open("rb") as f:
        if size > limit:
            f.seek(size - limit)
            data = f.read()
            nl = data.find(b"\n")
            data = data[nl + 1 :] if 0 <= nl < 200 else data
        else:
            data = f.read()
    return data.decode("utf-8", errors="replace")


def _non_terminal_statuses() -> set[str]:
    out: set[str] = set()
    for name in JOB_KINDS:
        k = KINDS[name]
        out |= set(k.statuses) - set(k.terminal)
    return out
