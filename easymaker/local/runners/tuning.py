"""The hyperparameter tuning runner of EasyMaker Local, on Optuna.

A tuning is a search over hyperparameters where every trial is one training run of the user's entry point (same
contract, same process machinery as :mod:`easymaker.local.runners.training`), with its own hyperparameters, its own
folders and its own output sub-path ``<modelUploadUri>/<trialId>/``. Metrics are collected from each trial's
stdout and stderr, line by line, with ``metricRegex``. The behaviour follows the Katib-based service:

- strategies ``GRID`` (every point of the stepped grid, then ``SuggestionEndReached``), ``RANDOM``,
  ``BAYESIAN_OPTIMIZATION`` (TPE), seeded by ``tuningStrategyRandomState``;
- a trial's objective value is its best observation (lowest for MINIMIZE, highest for MAXIMIZE); the other metrics
  report min / max / latest;
- ``MEDIAN`` early stopping: once ``earlyStoppingMinTrialCount`` trials SUCCEEDED, a running trial whose objective
  at step S ≥ ``earlyStoppingStartStep`` (each observation of the objective is one step) is worse than the median,
  over the succeeded trials, of their running averages up to S, is stopped (EARLY_STOPPED);
- the tuning ends COMPLETE with ``GoalReached`` / ``MaxTrialsReached`` / ``SuggestionEndReached``, or
  FAIL_HYPERPARAMETER_TUNING when ``maxFailedTrialCount`` trials failed, no trial succeeded, or time ran out.

The Optuna study lives in ``<work_dir>/study.db`` (SQLite): when ``run()`` is called again for the same job the
finished trials are kept, interrupted ones are recorded as KILLED, and the search continues.
"""

from __future__ import annotations

import logging
import queue
import shutil
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from easymaker.local.runners import process_group
from easymaker.local.runners.base import JobContext
from easymaker.local.runners.process_group import LogCapture
from easymaker.local.runners.training import (
    LaunchError,
    TrainingInputError,
    failure_reason,
    fetch_training_inputs,
    install_requirements,
    join_uri,
    plan_launch,
    region_of,
    stop_grace_seconds,
    timeout_reason,
    timeout_seconds,
    upload_outputs,
)
from easymaker.local.runners.tuning_config import TuningConfig, parse_tuning_config
from easymaker.local.runners.tuning_search import MetricCollector, grid_size, make_sampler, median_stop_reason

logger = logging.getLogger("easymaker.local.tuning")

METRIC_UPDATE_INTERVAL = 0.5  # seconds between resource updates caused only by new metric observations

# Trial statuses.
CREATED = "CREATED"
RUNNING = "RUNNING"
SUCCEEDED = "SUCCEEDED"
KILLED = "KILLED"
FAILED = "FAILED"
METRICS_UNAVAILABLE = "METRICS_UNAVAILABLE"
EARLY_STOPPED = "EARLY_STOPPED"
FAILED_STATUSES = frozenset({FAILED, METRICS_UNAVAILABLE})

# COMPLETE reasons.
GOAL_REACHED = "GoalReached"
MAX_TRIALS_REACHED = "MaxTrialsReached"
SUGGESTION_END_REACHED = "SuggestionEndReached"


# -- trials -------------------------------------------------------------------------------------------------------


@dataclass
class TrialRecord:
    """What the resource shows about one trial."""

    number: int
    trial_id: str
    trial_name: str
    params: dict[str, Any]
    status: str = CREATED
    reason: str | None = None
    metrics: dict[str, list[float]] = field(default_factory=dict)  # name -> [min, max, latest]
    objective_history: list[float] = field(default_factory=list)
    objective_value: float | None = None
    history: dict[str, list[float]] = field(default_factory=dict)  # name -> every observation in order
    started: str | None = None  # ISO 8601 UTC
    finished: str | None = None

    def view(self, tuning_id: str, cfg: TuningConfig) -> dict[str, Any]:
        specs = {s.name: s for s in cfg.specs}
        hps = [
            {"parameterName": name, "parameterValue": specs[name].value_string(v) if name in specs else str(v)}
            for name, v in self.params.items()
        ]
        metric_list = [
            {
                "trialMetricName": name,
                "trialMetricMinValue": _fmt(mm[0]),
                "trialMetricMaxValue": _fmt(mm[1]),
                "trialMetricLatestValue": _fmt(mm[2]),
                "trialMetricHistory": _history_points(self.history.get(name, [])),
            }
            for name, mm in self.metrics.items()
        ]
        view: dict[str, Any] = {
            "trialId": self.trial_id,
            "trialName": self.trial_name,
            "trialStatusCode": self.status,
            "hyperparameterTuningId": tuning_id,
            "hyperparameterList": hps,
            "trialMetricList": metric_list,
        }
        if self.reason:
            view["trialStatusReason"] = self.reason
        if self.started:
            view["startedDatetime"] = self.started
        if self.finished:
            view["finishedDatetime"] = self.finished
        return view

    def set_metrics(self, values: Mapping[str, list[float]], order: list[str]) -> None:
        self.metrics = {n: [min(values[n]), max(values[n]), values[n][-1]] for n in order if values.get(n)}
        self.history = {n: list(values[n]) for n in order if values.get(n)}


MAX_HISTORY_POINTS = 1000  # per metric in the resource; the oldest observations are dropped first


def _history_points(values: list[float]) -> list[dict[str, Any]]:
    first = max(0, len(values) - MAX_HISTORY_POINTS)
    return [{"step": i + 1, "value": values[i]} for i in range(first, len(values))]


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _fmt(value: float) -> str:
    return f"{value:.12g}"


@dataclass
class TrialRun:
    """A running trial: its record, the thread supervising it and the events that end it."""

    record: TrialRecord
    optuna_trial: Any
    kill_event: threading.Event = field(default_factory=threading.Event)
    early_stop_reason: str | None = None
    collector: MetricCollector | None = None
    thread: threading.Thread | None = None


# -- the runner ---------------------------------------------------------------------------------------------------


class _Ended(Exception):
    def __init__(self, status: str, reason: str | None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class HyperparameterTuningRunner:
    """Runs a hyperparameter tuning resource (kind ``"hyperparameter_tuning"``).

    ``python`` is the interpreter for the trials' entry point (default: the running one).
    """

    kind = "hyperparameter_tuning"

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable

    def run(self, ctx: JobContext) -> None:
        _TuningJob(ctx, self.python).run()


class _TuningJob:
    def __init__(self, ctx: JobContext, python: str) -> None:
        self.ctx = ctx
        self.python = python
        self.res = ctx.resource
        self.tuning_id = str(self.res.get("hyperparameterTuningId") or ctx.job_id)
        self.tuning_name = str(self.res.get("hyperparameterTuningName") or self.tuning_id)
        self.grace = stop_grace_seconds(ctx.settings)
        self.records: dict[int, TrialRecord] = {}
        self.running: dict[int, TrialRun] = {}
        self.events: queue.Queue[tuple[str, int]] = queue.Queue()
        self.succeeded_histories: list[list[float]] = []
        self.hist_lock = threading.Lock()
        self._last_metric_push = 0.0
        self._metrics_dirty = False
        self.last_failure: str | None = None

    # -- status helpers --------------------------------------------------------------------------------------

    def _end(self, status: str, reason: str | None) -> None:
        self.ctx.update({"hyperparameterTuningStatusReason": reason})
        self.ctx.set_status(status, reason)

    def push(self) -> None:
        """Write the trial list, the counts and the optimal trial into the resource."""
        assert self.cfg is not None
        records = [self.records[n] for n in sorted(self.records)]
        best = self.optimal()
        self.ctx.update(
            {
                "successfulTrialCount": sum(r.status == SUCCEEDED for r in records),
                "runningTrialCount": sum(r.status in (CREATED, RUNNING) for r in records),
                "failedTrialCount": sum(r.status in FAILED_STATUSES for r in records),
                "optimalTrialId": best.trial_id if best else None,
                "optimalTrial": best.view(self.tuning_id, self.cfg) if best else None,
                "trialList": [r.view(self.tuning_id, self.cfg) for r in records],
            }
        )
        self._metrics_dirty = False
        self._last_metric_push = time.monotonic()

    def optimal(self) -> TrialRecord | None:
        assert self.cfg is not None
        best: TrialRecord | None = None
        for r in self.records.values():
            if r.status != SUCCEEDED or r.objective_value is None:
                continue
            if best is None or self.cfg.better(r.objective_value, best.objective_value):  # type: ignore[arg-type]
                best = r
        return best

    # -- main flow -------------------------------------------------------------------------------------------

    cfg: TuningConfig | None = None

    def run(self) -> None:
        ctx = self.ctx
        started = time.monotonic()
        ctx.set_status("CREATE_IN_PROGRESS", None)
        try:
            self.cfg = parse_tuning_config(self.res)
            limit = timeout_seconds(self.res, ctx.settings)
            self.deadline = started + limit
            self.limit = limit
            self.inputs = fetch_training_inputs(self.res, ctx.uris, ctx.work_dir, ctx.stop_event)
        except TrainingInputError as e:
            self._end("CREATE_FAILED", str(e))
            return
        except Exception as e:
            logger.exception("tuning %s: preparing inputs failed", ctx.job_id)
            self._end("CREATE_FAILED", f"preparing the tuning failed: {type(e).__name__}: {e}")
            return
        if ctx.stop_event.is_set():
            ctx.set_status("STOP_IN_PROGRESS", None)
            self._end("STOPPED", "stopped by user request")
            return

        log_dir = ctx.work_dir / "logs"
        use_log = bool(self.res.get("useLog"))
        with LogCapture(log_dir, ctx.log_sink if use_log else None) as self.capture:
            try:
                study = self._open_study()
            except Exception as e:
                logger.exception("tuning %s: opening the study failed", ctx.job_id)
                self._end("CREATE_FAILED", f"opening the tuning's study database failed: {type(e).__name__}: {e}")
                return
            try:
                ctx.set_status("RUNNING", None)
                self.push()
                pip = install_requirements(
                    self.inputs.source_dir,
                    self.inputs.entry_point,
                    self.capture,
                    allowed=bool(ctx.settings.get("allow_pip_install")),
                    python=self.python,
                    stop_event=ctx.stop_event,
                    deadline=self.deadline,
                    grace_seconds=self.grace,
                )
                if pip is not None and not pip.ok:
                    if pip.outcome == process_group.STOPPED:
                        raise _Ended("STOPPED", "stopped by user request")
                    if pip.outcome == process_group.TIMED_OUT:
                        raise _Ended("FAIL_HYPERPARAMETER_TUNING", timeout_reason(limit))
                    raise _Ended(
                        "FAIL_HYPERPARAMETER_TUNING",
                        f"pip install -r requirements.txt failed with {process_group.describe_exit(pip.returncodes[0])}: "
                        + pip.stderr_tail,
                    )
                self._search(study)
            except _Ended as end:
                self._finish(study, end)
            except Exception as e:  # a bug must still leave a terminal status and no orphan processes
                logger.exception("tuning %s failed unexpectedly", ctx.job_id)
                self._finish(study, _Ended("FAIL_HYPERPARAMETER_TUNING", f"internal error: {type(e).__name__}: {e}"))
            finally:
                self._kill_all()
                self._storage.engine.dispose()  # release the SQLite file

    def _finish(self, study: Any, end: _Ended) -> None:
        status = end.status
        in_progress = {
            "STOPPED": "STOP_IN_PROGRESS",
            "COMPLETE": "COMPLETE_IN_PROGRESS",
            "FAIL_HYPERPARAMETER_TUNING": "FAIL_HYPERPARAMETER_TUNING_IN_PROGRESS",
        }[status]
        self.ctx.set_status(in_progress, None)
        self._kill_all()
        self._drain(study)
        self.push()
        self.ctx.update({"elapsedTimeSeconds": int(round(time.monotonic() - self._run_started))})
        self._end(status, end.reason)

    # -- the study -------------------------------------------------------------------------------------------

    def _open_study(self) -> Any:
        import optuna

        assert self.cfg is not None
        cfg = self.cfg
        self._run_started = time.monotonic()
        url = f"sqlite:///{(self.ctx.work_dir / 'study.db').resolve()}"
        storage = optuna.storages.RDBStorage(url)
        self._storage = storage
        existing = 0
        try:
            existing = len(optuna.load_study(study_name="tuning", storage=storage).trials)
        except KeyError:
            pass
        seed = cfg.seed
        if seed is not None and cfg.strategy != "GRID":
            seed += existing  # a restart must not replay the same suggestions (the grid order must stay the same)
        study = optuna.create_study(
            storage=storage,
            study_name="tuning",
            sampler=make_sampler(cfg, seed),
            direction="maximize" if cfg.maximize else "minimize",
            load_if_exists=True,
        )
        self._restore(study)
        return study

    def _restore(self, study: Any) -> None:
        """Rebuild the trial records from the study; trials left running by an interrupted run become KILLED."""
        from optuna.trial import TrialState

        for t in study.get_trials(deepcopy=False):
            attrs = t.user_attrs
            rec = TrialRecord(
                number=t.number,
                trial_id=attrs.get("trialId") or self._trial_id(t.number),
                trial_name=attrs.get("trialName") or self._trial_name(t.number),
                params=dict(t.params),
                status=attrs.get("status", KILLED),
                reason=attrs.get("reason"),
                metrics={k: list(v) for k, v in (attrs.get("metrics") or {}).items()},
                objective_history=list(attrs.get("objectiveHistory") or []),
                objective_value=attrs.get("objectiveValue"),
                history={k: list(v) for k, v in (attrs.get("history") or {}).items()},
                started=attrs.get("started"),
                finished=attrs.get("finished"),
            )
            if not t.state.is_finished():
                rec.status, rec.reason = KILLED, "interrupted before it finished"
                self._release_grid_point(study, t._trial_id)
                study._storage.set_trial_user_attr(t._trial_id, "status", KILLED)
                study._storage.set_trial_user_attr(t._trial_id, "reason", rec.reason)
                study.tell(t.number, state=TrialState.FAIL)
            self.records[t.number] = rec
            if rec.status == SUCCEEDED and rec.objective_history:
                self.succeeded_histories.append(rec.objective_history)
        if self.records:
            logger.info("tuning %s: continuing with %d earlier trials", self.tuning_id, len(self.records))

    @staticmethod
    def _release_grid_point(study: Any, optuna_trial_id: int) -> None:
        """Give a cut-off trial's grid point back, so a later (or restarted) search runs it again."""
        if "grid_id" in study._storage.get_trial_system_attrs(optuna_trial_id):
            study._storage.set_trial_system_attr(optuna_trial_id, "grid_id", -1)

    def _trial_id(self, number: int) -> str:
        return f"{self.tuning_id}-trial-{number:03d}"

    def _trial_name(self, number: int) -> str:
        return f"{self.tuning_name}-trial-{number:03d}"

    # -- the search loop -------------------------------------------------------------------------------------

    def _search(self, study: Any) -> None:
        assert self.cfg is not None
        cfg = self.cfg
        n_grid = grid_size(cfg) if cfg.strategy == "GRID" else None
        distributions = {s.name: s.distribution(cfg.strategy) for s in cfg.specs}
        while True:
            self._drain(study)
            if self.ctx.stop_event.is_set():
                raise _Ended("STOPPED", "stopped by user request")
            if time.monotonic() >= self.deadline:
                raise _Ended("FAIL_HYPERPARAMETER_TUNING", timeout_reason(self.limit))
            records = list(self.records.values())
            best = self.optimal()
            if best is not None and best.objective_value is not None and cfg.goal_met(best.objective_value):
                raise _Ended("COMPLETE", GOAL_REACHED)
            failed = [r for r in records if r.status in FAILED_STATUSES]
            if cfg.max_failed is not None and len(failed) >= cfg.max_failed and failed:
                raise _Ended(
                    "FAIL_HYPERPARAMETER_TUNING",
                    f"{len(failed)} trials failed (maxFailedTrialCount {cfg.max_failed}); last failure: "
                    f"{self.last_failure or failed[-1].reason}",
                )
            counted = sum(r.status != KILLED for r in records)  # interrupted trials do not use the budget
            suggestions_left = n_grid is None or self._grid_started(study) < n_grid
            can_start = counted < cfg.max_trials and suggestions_left
            if not self.running and not can_start:
                reason = MAX_TRIALS_REACHED if counted >= cfg.max_trials else SUGGESTION_END_REACHED
                if best is None:
                    raise _Ended(
                        "FAIL_HYPERPARAMETER_TUNING",
                        f"{reason} but no trial succeeded; last failure: {self.last_failure or 'none recorded'}",
                    )
                raise _Ended("COMPLETE", reason)
            while can_start and len(self.running) < cfg.parallel:
                self._start_trial(study, distributions)
                counted += 1
                suggestions_left = n_grid is None or self._grid_started(study) < n_grid
                can_start = counted < cfg.max_trials and suggestions_left
            self._drain(study, wait=0.05)
            if self._metrics_dirty and time.monotonic() - self._last_metric_push >= METRIC_UPDATE_INTERVAL:
                self.push()

    @staticmethod
    def _grid_started(study: Any) -> int:
        ids = set()
        for t in study._storage.get_all_trials(study._study_id, deepcopy=False):
            gid = t.system_attrs.get("grid_id")
            if gid is not None and gid >= 0:
                ids.add(gid)
        return len(ids)

    def _start_trial(self, study: Any, distributions: dict[str, Any]) -> None:
        trial = study.ask(distributions)
        number = trial.number
        rec = TrialRecord(number, self._trial_id(number), self._trial_name(number), dict(trial.params))
        trial.set_user_attr("trialId", rec.trial_id)
        trial.set_user_attr("trialName", rec.trial_name)
        trial.set_user_attr("status", CREATED)
        self.records[number] = rec
        run = TrialRun(record=rec, optuna_trial=trial)
        self.running[number] = run
        self.push()
        run.thread = threading.Thread(target=self._trial_thread, args=(run,), name=f"trial-{number}", daemon=True)
        run.thread.start()

    def _drain(self, study: Any, wait: float = 0.0) -> None:
        """Handle the events posted by trial threads (waiting up to ``wait`` seconds for the first one)."""
        while True:
            try:
                kind, number = self.events.get(timeout=wait) if wait > 0 else self.events.get_nowait()
            except queue.Empty:
                return
            wait = 0.0
            if kind == "metric":
                self._metrics_dirty = True
            elif kind == "running":
                self.push()
            elif kind == "done":
                run = self.running.pop(number, None)
                if run is None:
                    continue
                if run.thread is not None:
                    run.thread.join()
                self._record_result(study, run)
                self.push()

    def _record_result(self, study: Any, run: TrialRun) -> None:
        from optuna.trial import TrialState

        rec = run.record
        trial = run.optuna_trial
        for key, value in (
            ("status", rec.status),
            ("reason", rec.reason),
            ("metrics", rec.metrics),
            ("objectiveHistory", rec.objective_history),
            ("objectiveValue", rec.objective_value),
            ("history", {k: v[-MAX_HISTORY_POINTS:] for k, v in rec.history.items()}),
            ("started", rec.started),
            ("finished", rec.finished),
        ):
            trial.set_user_attr(key, value)
        if rec.status == SUCCEEDED and rec.objective_value is not None:
            for step, value in enumerate(rec.objective_history, start=1):
                trial.report(value, step)
            study.tell(trial, rec.objective_value)
            with self.hist_lock:
                self.succeeded_histories.append(rec.objective_history)
        elif rec.status == EARLY_STOPPED:
            for step, value in enumerate(rec.objective_history, start=1):
                trial.report(value, step)
            study.tell(trial, state=TrialState.PRUNED)
        else:
            if rec.status == KILLED:
                self._release_grid_point(study, trial._trial_id)
            study.tell(trial, state=TrialState.FAIL)
            if rec.status in FAILED_STATUSES:
                self.last_failure = f"trial {rec.trial_id}: {rec.reason}"
        logger.info("tuning %s: trial %s %s", self.tuning_id, rec.trial_id, rec.status)

    def _kill_all(self) -> None:
        for run in list(self.running.values()):
            run.kill_event.set()
        for run in list(self.running.values()):
            if run.thread is not None:
                run.thread.join()

    # -- one trial (runs in its own thread) --------------------------------------------------------------------

    def _trial_thread(self, run: TrialRun) -> None:
        rec = run.record
        try:
            self._run_trial(run)
        except Exception as e:  # keep the tuning alive; the trial is failed with the cause
            logger.exception("trial %s failed unexpectedly", rec.trial_id)
            rec.status, rec.reason = FAILED, f"internal error: {type(e).__name__}: {e}"
        finally:
            rec.finished = _now_iso()
            self.events.put(("done", rec.number))

    def _run_trial(self, run: TrialRun) -> None:
        assert self.cfg is not None
        cfg, rec, ctx = self.cfg, run.record, self.ctx
        run_dir = ctx.work_dir / "trials" / rec.trial_id
        if run_dir.exists():
            shutil.rmtree(run_dir)
        specs = {s.name: s for s in cfg.specs}
        hps = [(name, specs[name].value_string(v)) for name, v in rec.params.items()]
        trial_resource = dict(self.res)
        trial_resource["instanceCount"] = cfg.nodes_per_trial
        try:
            plan = plan_launch(
                trial_resource,
                self.inputs,
                run_dir,
                hps,
                appkey=ctx.appkey,
                region=region_of(ctx.settings),
                python=self.python,
            )
        except (LaunchError, TrainingInputError) as e:
            rec.status, rec.reason = FAILED, str(e)
            return
        collector = MetricCollector(cfg.regex, cfg.metric_names, cfg.objective)
        run.collector = collector

        def on_line(stream: str, line: str) -> None:
            self.capture.write(stream, line, label=rec.trial_id)
            if run.early_stop_reason is not None:
                # the trial is stopped at the step that decided it; what it prints while it winds down is only logged
                return
            found = collector.feed(line)
            if not found:
                return
            self.events.put(("metric", rec.number))
            rec.set_metrics(collector.snapshot(), cfg.metric_names)
            if run.early_stop_reason is None and any(name == cfg.objective for name, _ in found):
                with self.hist_lock:
                    succeeded = list(self.succeeded_histories)
                run.early_stop_reason = median_stop_reason(collector.objective_history(), succeeded, cfg)

        def started(_procs: list[process_group.ManagedProcess]) -> None:
            rec.started = _now_iso()
            rec.status = RUNNING
            self.events.put(("running", rec.number))

        with LogCapture(plan.log_dir, on_line) as capture:
            try:
                result = process_group.run_process_group(
                    plan.specs,
                    capture,
                    stop_event=run.kill_event,
                    grace_seconds=self.grace,
                    abort=lambda: run.early_stop_reason,
                    on_started=started,
                )
            except OSError as e:
                rec.status, rec.reason = FAILED, f"could not start the entry point: {e}"
                return
        values = collector.snapshot()
        rec.set_metrics(values, cfg.metric_names)
        rec.objective_history = values.get(cfg.objective, [])
        if rec.objective_history:
            rec.objective_value = cfg.best_of(rec.objective_history)
        if result.outcome == process_group.ABORTED:
            rec.status, rec.reason = EARLY_STOPPED, result.abort_reason
        elif result.outcome in (process_group.STOPPED, process_group.TIMED_OUT):
            rec.status, rec.reason = KILLED, "stopped by the system"
        elif result.outcome == process_group.FAILED:
            rec.status, rec.reason = FAILED, failure_reason(result)
        elif not rec.objective_history:
            rec.status = METRICS_UNAVAILABLE
            rec.reason = f"the objective metric {cfg.objective!r} was not found in the trial's output"
        else:
            self._upload(rec, plan.model_dir, plan.checkpoint_dir)

    def _upload(self, rec: TrialRecord, model_dir: Path, checkpoint_dir: Path) -> None:
        model_uri = self.res.get("modelUploadUri")
        ckpt_uri = self.res.get("checkPointUploadUri")
        try:
            upload_outputs(
                self.ctx.uris,
                model_dir,
                checkpoint_dir,
                join_uri(str(model_uri), rec.trial_id) if model_uri else None,
                join_uri(str(ckpt_uri), rec.trial_id) if ckpt_uri else None,
            )
        except Exception as e:
            logger.exception("trial %s: upload failed", rec.trial_id)
            rec.status, rec.reason = FAILED, f"uploading the trial's outputs failed: {type(e).__name__}: {e}"
            return
        rec.status = SUCCEEDED
