"""Experiments: list, create, the experiment a job is filed under (by id, or by a name created on first use), and
what refuses an experiment's deletion."""

from __future__ import annotations

from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, ServiceBase, new_id
from easymaker.local.states import KINDS, Kind
from easymaker.local.store import Row


class ExperimentHandlers(ServiceBase):
    def list_experiments(self, req: Request) -> Payload:
        ids = req.query.get("experimentIdList")
        names = req.query.get("experimentNameList")
        rows = self.store.select(req.appkey, "experiment", ids=ids, names=names)
        return "experimentList", [self.render(r) for r in rows]

    def _insert_experiment(self, appkey: str, name: str, description: str | None) -> Row:
        kind = states.EXPERIMENT
        rid = new_id()
        body: dict[str, Any] = {"description": description} if description else {}
        doc = self._common(kind, appkey, rid, name, body)
        doc[kind.status_key] = states.ACTIVE  # nothing to build: ready at once
        self.store.insert(kind.name, appkey, rid, name, states.ACTIVE, doc)
        row = self.store.get(rid)
        assert row is not None
        return row

    def create_experiment(self, req: Request) -> Payload:
        name = req.body["experimentName"]
        with self._lock:
            if self.store.select(req.appkey, "experiment", names=[name]):
                raise ApiError(409, f"experimentName: an experiment named {name!r} already exists")
            row = self._insert_experiment(req.appkey, name, req.body.get("description"))
        return "experiment", self.render(row)

    def _experiment_for(self, req: Request) -> Row | None:
        """The experiment named by ``experimentId`` (ACTIVE), or by ``experimentName`` (created when missing)."""
        body = req.body
        exp_id = body.get("experimentId")
        if exp_id:
            exp = self.row(req.appkey, states.EXPERIMENT, exp_id, "experimentId")
            if exp.status != states.ACTIVE:
                raise ApiError(409, f"experimentId: experiment {exp_id} is {exp.status}, not ACTIVE")
            return exp
        name = body.get("experimentName")
        if name:
            found = self.store.select(req.appkey, "experiment", names=[name])
            if found:
                return found[0]
            return self._insert_experiment(req.appkey, name, body.get("experimentDescription"))
        return None

    def _check_delete(self, kind: Kind, row: Row) -> None:
        super()._check_delete(kind, row)
        if kind.name != "experiment":
            return
        # the kinds whose records hold their experiment (spec) and can be at work
        children = [k for k in KINDS.values() if k.in_progress and kind.name in k.spec.related]
        for child in children:
            for other in self.store.find_by_field(row.appkey, child.name, "experimentId", row.id):
                if other.status in child.in_progress:
                    raise ApiError(
                        409,
                        f"experiment {row.id} has work in progress: {child.name.replace('_', ' ')} {other.name} "
                        f"({other.id}) is {other.status}",
                    )
        schedules = self.store.find_by_field(row.appkey, "pipeline_recurring_run", "experimentId", row.id)
        if schedules:
            raise ApiError(
                409, f"experiment {row.id} has a pipeline schedule ({schedules[0].name}); delete the schedule first"
            )
