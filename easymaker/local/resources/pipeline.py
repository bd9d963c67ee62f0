"""Pipelines, their runs and recurring runs (schedules): upload, create, start, stop; a run's start and finish times;
what a deletion takes along (a pipeline's manifest) and what refuses it."""

from __future__ import annotations

import base64
import binascii
import time
from datetime import UTC, datetime
from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, new_id, storage, summary
from easymaker.local.resources.experiment import ExperimentHandlers
from easymaker.local.states import Kind
from easymaker.local.store import Row, now_iso

_SCHEDULE_FIELDS = ("scheduleCronExpression", "schedulePeriodicMinutes")


class PipelineHandlers(ExperimentHandlers):
    # -- pipelines ---------------------------------------------------------------------------------------------------
    def upload_pipeline(self, req: Request) -> Payload:
        kind = states.PIPELINE
        body = req.body
        try:
            raw = base64.b64decode("".join(body["base64PipelineSpecManifest"].split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ApiError(400, f"base64PipelineSpecManifest: not valid base64 ({exc})") from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "base64PipelineSpecManifest: the decoded manifest is not UTF-8 text") from exc
        from easymaker.local.runners.kfp_ir import validate_pipeline_spec

        try:
            info = validate_pipeline_spec(raw)
        except ValueError as exc:
            raise ApiError(400, f"base64PipelineSpecManifest: {exc}") from exc
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body["pipelineName"], body)
        doc.pop("base64PipelineSpecManifest", None)
        doc["pipelineParameterSpecList"] = info.pipeline_parameter_spec_list
        doc[kind.status_key] = states.ACTIVE
        with self.store.tx() as c:
            self.store.insert(kind.name, req.appkey, rid, body["pipelineName"], states.ACTIVE, doc, conn=c)
            self.store.put_manifest(rid, text, c)
        return kind.prefix, self.render(self._get(rid))

    # -- runs --------------------------------------------------------------------------------------------------------
    def _run_fields(self, req: Request) -> tuple[Row, dict[str, Any], Row | None]:
        body = req.body
        pipeline = self.row(req.appkey, states.PIPELINE, body["pipelineId"], "pipelineId")
        if pipeline.status != states.ACTIVE:
            raise ApiError(409, f"pipelineId: pipeline {pipeline.id} is {pipeline.status}, not ACTIVE")
        flavor = self._flavor(body["flavorId"])
        exp = self._experiment_for(req)
        return pipeline, flavor, exp

    def create_pipeline_run(self, req: Request) -> Payload:
        body = req.body
        if any(body.get(f) is not None for f in _SCHEDULE_FIELDS):
            return self.create_recurring_run(req)
        pipeline, flavor, exp = self._run_fields(req)
        row = self.insert_run(req.appkey, body, pipeline, flavor, exp)
        return "pipelineRun", self.render(row)

    def insert_run(
        self,
        appkey: str,
        body: dict[str, Any],
        pipeline: Row,
        flavor: dict[str, Any],
        exp: Row | None,
        schedule: Row | None = None,
        scheduled: str | None = None,
        conn: Any = None,
        start: bool = True,
    ) -> Row:
        kind = states.PIPELINE_RUN
        rid = new_id()
        fields = {
            k: v
            for k, v in body.items()
            if k not in _SCHEDULE_FIELDS
            and k
            not in (
                "pipelineRunOrRecurringRunName",
                "maxConcurrencyCount",
                "scheduleStartDatetime",
                "scheduleEndDatetime",
                "useCatchup",
                "experimentName",
                "experimentDescription",
                "pipelineRecurringRunName",
            )
        }
        name = body.get("pipelineRunOrRecurringRunName") or body.get("pipelineRecurringRunName")
        if scheduled is not None:
            name = f"{name}-{scheduled.replace(':', '').replace('-', '')[:15]}"[:50]
        doc = self._common(kind, appkey, rid, name, fields)
        doc["pipelineId"] = pipeline.id
        doc["pipeline"] = summary(states.PIPELINE, pipeline)
        doc["flavor"] = flavor
        doc["bootStorage"] = storage(body.get("bootStorageSize", 50))
        doc.pop("bootStorageSize", None)
        doc.setdefault("useLog", False)
        if exp is not None:
            doc["experimentId"] = exp.id
            doc["experiment"] = summary(states.EXPERIMENT, exp)
        if schedule is not None:
            doc["pipelineRecurringRun"] = summary(states.PIPELINE_RECURRING_RUN, schedule)
            doc["scheduledDatetime"] = scheduled
        parent = schedule.id if schedule is not None else None
        self.store.insert(kind.name, appkey, rid, name, states.CREATE_REQUESTED, doc, parent, conn=conn)
        if start:
            self._start(kind.name, appkey, rid)
        if conn is not None:
            return Row(rid, appkey, kind.name, name, states.CREATE_REQUESTED, parent, doc, time.time(), time.time())
        return self._get(rid)

    def list_pipeline_runs(self, req: Request) -> Payload:
        parent = req.query.get("pipelineRecurringRunId")
        rows = self.store.select(req.appkey, "pipeline_run", parent_id=parent)
        return "pipelineRunList", [self.render(r) for r in rows]

    def _stamp_status(self, kind: Kind, row: Row, status: str) -> None:
        super()._stamp_status(kind, row, status)
        if kind.name == "pipeline_run":
            if status == states.RUNNING and "startedDatetime" not in row.doc:
                row.doc["startedDatetime"] = now_iso()
            if status in kind.terminal and "finishedDatetime" not in row.doc:
                row.doc["finishedDatetime"] = now_iso()

    # -- recurring runs ----------------------------------------------------------------------------------------------
    def create_recurring_run(self, req: Request) -> Payload:
        kind = states.PIPELINE_RECURRING_RUN
        body = req.body
        from easymaker.local.scheduler import ScheduleSpec, plan

        try:
            ScheduleSpec.from_resource(body)
            trial = {**body, kind.id_key: "check", kind.status_key: "ENABLED"}
            _ = plan(trial, datetime.now(UTC), 0, max_triggers_per_tick=1).updates
        except (ValueError, OverflowError, ArithmeticError) as exc:
            raise ApiError(
                400, f"{exc}" if isinstance(exc, ValueError) else f"the schedule cannot be computed: {exc}"
            ) from exc
        pipeline, flavor, exp = self._run_fields(req)
        rid = new_id()
        fields = {
            k: v
            for k, v in body.items()
            if k not in ("pipelineRunOrRecurringRunName", "experimentName", "experimentDescription")
        }
        doc = self._common(kind, req.appkey, rid, body["pipelineRunOrRecurringRunName"], fields)
        doc["pipelineId"] = pipeline.id
        doc["pipeline"] = summary(states.PIPELINE, pipeline)
        doc["flavor"] = flavor
        doc["bootStorage"] = storage(body.get("bootStorageSize", 50))
        doc.setdefault("maxConcurrencyCount", 1)
        doc.setdefault("useCatchup", True)
        if exp is not None:
            doc["experimentId"] = exp.id
        doc[kind.status_key] = "ENABLED"
        self.store.insert(kind.name, req.appkey, rid, doc[kind.name_key], "ENABLED", doc)
        if self.supervisor is not None:
            self.supervisor.schedules_changed()
        return kind.prefix, self.render(self._get(rid))

    def start_recurring_run(self, req: Request) -> Payload:
        kind = states.PIPELINE_RECURRING_RUN
        row = self.row(req.appkey, kind, req.path[kind.id_key])
        if row.status not in ("DISABLED",):
            raise ApiError(409, f"recurring run {row.id} is {row.status}; only a DISABLED one can be started")
        from easymaker.local.scheduler import start_updates

        updates = dict(start_updates(row.doc, datetime.now(UTC)))
        updates.pop(kind.status_key, None)
        if updates:
            self.merge(row.id, updates)
        self.transition(row.id, "ENABLED")
        if self.supervisor is not None:
            self.supervisor.schedules_changed()
        return None

    def stop(self, appkey: str, kind: Kind, rid: str) -> None:
        if kind.name != "pipeline_recurring_run":
            super().stop(appkey, kind, rid)
            return
        row = self.row(appkey, kind, rid)
        if row.status not in kind.stoppable:
            raise ApiError(409, f"recurring run {rid} is {row.status}; only an ENABLED one can be stopped")
        self.transition(rid, "DISABLED")
        if self.supervisor is not None:
            self.supervisor.schedules_changed()

    # -- rendering and deleting --------------------------------------------------------------------------------------
    def _add_views(self, row: Row, doc: dict[str, Any]) -> None:
        super()._add_views(row, doc)
        if row.kind == "pipeline_run":
            rr = doc.get("pipelineRecurringRun")
            if isinstance(rr, dict) and rr.get("pipelineRecurringRunId"):
                cur = self.store.get(rr["pipelineRecurringRunId"])
                if cur is not None:
                    doc["pipelineRecurringRun"] = summary(states.PIPELINE_RECURRING_RUN, cur)
            self._show_related(row, doc, states.PIPELINE)
        elif row.kind == "pipeline_recurring_run":
            runs = self.store.select(row.appkey, "pipeline_run", parent_id=row.id)
            doc["pipelineRunList"] = [
                {
                    "pipelineRunId": r.id,
                    "pipelineRunName": r.name,
                    "pipelineRunStatusCode": r.status,
                    **({"scheduledDatetime": r.doc["scheduledDatetime"]} if "scheduledDatetime" in r.doc else {}),
                }
                for r in runs
            ]
            self._show_related(row, doc, states.PIPELINE)

    def _check_delete(self, kind: Kind, row: Row) -> None:
        super()._check_delete(kind, row)
        if kind.name == "pipeline":
            if row.status in kind.in_progress:
                raise ApiError(409, f"pipeline {row.id} is {row.status}; wait until it is created")
            schedules = self.store.find_by_field(row.appkey, "pipeline_recurring_run", "pipelineId", row.id)
            if schedules:
                raise ApiError(
                    409, f"pipeline {row.id} is used by the schedule {schedules[0].name}; delete the schedule first"
                )
        elif kind.name == "pipeline_recurring_run":
            runs = self.store.select(row.appkey, "pipeline_run", parent_id=row.id)
            busy = [r for r in runs if r.status in states.PIPELINE_RUN.in_progress]
            if busy:
                raise ApiError(409, f"recurring run {row.id} has a run in progress ({busy[0].name}, {busy[0].status})")

    def _delete_in_tx(self, kind: Kind, rid: str, conn: Any) -> None:
        super()._delete_in_tx(kind, rid, conn)
        if kind.name == "pipeline":
            self.store.delete_manifest(rid, conn)

    def _deleted(self, kind: Kind, row: Row) -> None:
        super()._deleted(kind, row)
        if kind.name == "pipeline_recurring_run" and self.supervisor is not None:
            self.supervisor.schedules_changed()
