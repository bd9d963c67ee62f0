"""Endpoints, their stages and the models a stage serves: create, list, get, delete; an endpoint's status derived
from its stages; what a deletion takes along (an endpoint's stages) and what refuses it."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, ServiceBase, new_id, not_found, summary
from easymaker.local.states import Kind
from easymaker.local.store import Row, now_iso


class EndpointHandlers(ServiceBase):
    # -- endpoints ---------------------------------------------------------------------------------------------------
    def create_endpoint(self, req: Request) -> Payload:
        kind = states.ENDPOINT
        body = req.body
        name = body["endpointName"]
        self._flavor(body["flavorId"])
        with self._lock:
            if self.store.select(req.appkey, "endpoint", names=[name]):
                raise ApiError(409, f"endpointName: an endpoint named {name!r} already exists")
            rid, stage_id = new_id(), new_id()
            stage = self._stage_doc(req, rid, stage_id, "default", True)
            doc = self._common(kind, req.appkey, rid, name, {})
            if "description" in body:
                doc["description"] = body["description"]
            doc.update(
                {
                    "apigwAppKey": req.appkey,
                    "apigwRegion": self.region,
                    "apigwServiceId": secrets.token_hex(5),
                    "useLog": bool(body.get("useLog", False)),
                }
            )
            with self.store.tx() as c:
                self.store.insert(kind.name, req.appkey, rid, name, states.CREATE_REQUESTED, doc, conn=c)
                self.store.insert(
                    "endpoint_stage", req.appkey, stage_id, "default", states.CREATE_REQUESTED, stage, rid, conn=c
                )
        self.transition(rid, states.CREATE_IN_PROGRESS)
        self._start("endpoint_stage", req.appkey, stage_id)
        return kind.prefix, self.render(self._get(rid))

    def refresh_endpoint(self, endpoint_id: str) -> None:
        """Derive the endpoint's status from its stages."""
        with self._lock:
            ep = self.store.get(endpoint_id)
            if ep is None or ep.kind != "endpoint":
                return
            stages = self.store.select(ep.appkey, "endpoint_stage", parent_id=endpoint_id)
            default = next((s for s in stages if s.doc.get("isDefaultStage")), None)
            now = ep.status
            target, reason = now, None
            if now in (states.CREATE_REQUESTED, states.CREATE_IN_PROGRESS):
                if default is None:
                    return
                ds = default.status
                if ds == states.ACTIVE:
                    target = states.ACTIVE
                elif ds in (states.CREATE_FAILED, "DEPLOY_FAILED"):
                    target = states.CREATE_FAILED
                    reason = default.doc.get("endpointStageStatusReason") or f"default stage ended in {ds}"
                elif ds in (states.CREATE_IN_PROGRESS, "DEPLOY_IN_PROGRESS"):
                    target = states.CREATE_IN_PROGRESS
            elif now in (states.ACTIVE, "UPDATE_IN_PROGRESS", "UPDATE_FAILED"):
                busy = [s for s in stages if s.status in states.ENDPOINT_STAGE.in_progress]
                failed = [s for s in stages if s.status in (states.CREATE_FAILED, "DEPLOY_FAILED")]
                if busy:
                    target = "UPDATE_IN_PROGRESS"
                elif failed:
                    target = "UPDATE_FAILED"
                    reason = f"stage {failed[0].name}: " + str(
                        failed[0].doc.get("endpointStageStatusReason") or "failed"
                    )
                else:
                    target = states.ACTIVE
            if target is not None and (target != now or (reason and reason != ep.doc.get("endpointStatusReason"))):
                self.transition(endpoint_id, target, reason)

    def _status_changed(self, kind: Kind, row: Row) -> None:
        super()._status_changed(kind, row)
        if kind.name == "endpoint_stage" and row.parent_id:
            self.refresh_endpoint(row.parent_id)

    # -- stages ------------------------------------------------------------------------------------------------------
    def _stage_doc(
        self, req: Request, endpoint_id: str, stage_id: str, stage_name: str, default: bool
    ) -> dict[str, Any]:
        body = req.body
        kind = states.ENDPOINT_STAGE
        doc = self._common(kind, req.appkey, stage_id, stage_name, {})
        for k in ("description", "nodeCount", "useLog"):
            if k in body:
                doc[k] = body[k]
        doc.update(
            {
                "endpointId": endpoint_id,
                "apigwStageId": new_id(),
                "apigwStageName": stage_name,
                "apigwStageUrl": "",
                "deployStatus": "CREATE_IN_PROGRESS",
                "flavor": self._flavor(body["flavorId"]),
                "autoScaler": {
                    "enable": bool(body.get("caEnable", False)),
                    "minNodeCount": int(body.get("caMinNodeCount", 1)),
                    "maxNodeCount": int(body.get("caMaxNodeCount", 10)),
                    "scaleDownEnable": bool(body.get("caScaleDownEnable", True)),
                    "scaleDownUtilThreshPercentage": int(body.get("caScaleDownUtilThresh", 50)),
                    "scaleDownUnneededMinute": int(body.get("caScaleDownUnneededTime", 10)),
                    "scaleDownDelayAfterAddMinute": int(body.get("caScaleDownDelayAfterAdd", 10)),
                },
                "isActiveNodeGroupStatus": True,
                "isClusterLatest": True,
                "defaultStage": default,
                "isDefaultStage": default,
                "endpointModelList": self._model_entries(req, endpoint_id, stage_id),
            }
        )
        doc["podCount"] = sum(e["podCount"] for e in doc["endpointModelList"])
        doc.setdefault("useLog", False)
        return doc

    def create_endpoint_stage(self, req: Request) -> Payload:
        body = req.body
        with self._lock:
            ep = self.row(req.appkey, states.ENDPOINT, body["endpointId"], "endpointId")
            if ep.status not in (states.ACTIVE, "UPDATE_IN_PROGRESS", "UPDATE_FAILED"):
                raise ApiError(409, f"endpointId: endpoint {ep.id} is {ep.status}; stages can be added when ACTIVE")
            name = body["apigwStageName"]
            if any(s.name == name for s in self.store.select(req.appkey, "endpoint_stage", parent_id=ep.id)):
                raise ApiError(409, f"apigwStageName: the endpoint already has a stage named {name!r}")
            self._flavor(body["flavorId"])
            stage_id = new_id()
            doc = self._stage_doc(req, ep.id, stage_id, name, False)
            self.store.insert("endpoint_stage", req.appkey, stage_id, name, states.CREATE_REQUESTED, doc, ep.id)
        self.refresh_endpoint(ep.id)
        self._start("endpoint_stage", req.appkey, stage_id)
        return "endpointStage", self.render(self._get(stage_id))

    def list_endpoint_stages(self, req: Request) -> Payload:
        endpoint_id = req.query.get("endpointId")
        rows = self.store.select(req.appkey, "endpoint_stage", parent_id=endpoint_id)
        return "endpointStageList", [self.render(r) for r in rows]

    # -- the models a stage serves -----------------------------------------------------------------------------------
    def _model_entries(self, req: Request, endpoint_id: str, stage_id: str) -> list[dict[str, Any]]:
        entries = []
        for i, item in enumerate(req.body["endpointModelResourceList"]):
            where = f"endpointModelResourceList[{i}].modelId"
            model = self.row(req.appkey, states.MODEL, item["modelId"], where)
            if model.status != states.ACTIVE:
                raise ApiError(409, f"{where}: model {model.id} is {model.status}, not ACTIVE")
            entry = copy.deepcopy(item)
            entry.update(
                {
                    "endpointModelId": new_id(),
                    "endpointModelStatusCode": states.CREATE_REQUESTED,
                    "endpointId": endpoint_id,
                    "endpointStageId": stage_id,
                    "modelId": model.id,
                    "model": summary(states.MODEL, model),
                    "podCount": int(item.get("podCount") or 1),
                    "runningPodCount": 0,
                    "createdDatetime": now_iso(),
                }
            )
            entry.setdefault("podAutoScaleEnable", False)
            entries.append(entry)
        return entries

    def _endpoint_model_view(self, stage: Row, entry: dict[str, Any]) -> dict[str, Any]:
        view = dict(entry)
        view["endpointId"] = stage.parent_id
        view["endpointStageId"] = stage.id
        view["appKey"] = stage.appkey
        view.setdefault("createdDatetime", stage.doc.get("createdDatetime"))
        view.setdefault("endpointModelStatusCode", states.CREATE_REQUESTED)
        stage_url = stage.doc.get("apigwStageUrl") or ""
        view["stage"] = {
            "stageId": stage.doc.get("apigwStageId"),
            "deployStatus": stage.doc.get("deployStatus") or "",
            "stageUrl": stage_url,
        }
        model = self.store.get(str(entry.get("modelId")))
        if model is not None and model.appkey == stage.appkey:
            view["model"] = summary(states.MODEL, model)
        resource_uri = view.get("apigwResourceUri")
        if stage_url and resource_uri:
            view["apigwEndpointUri"] = f"http://{stage_url}{resource_uri}"
        return view

    def _find_endpoint_model(self, appkey: str | None, emid: str) -> dict[str, Any] | None:
        for stage in self.store.select(appkey, "endpoint_stage"):
            for e in stage.doc.get("endpointModelList") or []:
                if e.get("endpointModelId") == emid:
                    return self._endpoint_model_view(stage, e)
        return None

    def lookup(self, kind: str, rid: str, appkey: str | None = None) -> dict[str, Any] | None:
        if kind == "endpoint_model":
            return self._find_endpoint_model(appkey, rid)
        return super().lookup(kind, rid, appkey)

    def list_endpoint_models(self, req: Request) -> Payload:
        stage_id = req.query.get("endpointStageId")
        if stage_id:
            stage = self.store.get_scoped(req.appkey, "endpoint_stage", stage_id)
            stages = [stage] if stage is not None else []
        else:
            stages = self.store.select(req.appkey, "endpoint_stage")
        out = [self._endpoint_model_view(s, e) for s in stages for e in s.doc.get("endpointModelList") or []]
        return "endpointModelList", out

    def get_endpoint_model(self, req: Request) -> Payload:
        emid = req.path["endpointModelId"]
        view = self._find_endpoint_model(req.appkey, emid)
        if view is None:
            raise not_found(states.ENDPOINT_MODEL, emid)
        return "endpointModel", view

    def delete_endpoint_model(self, req: Request) -> Payload:
        emid = req.path["endpointModelId"]
        with self._lock:
            view = self._find_endpoint_model(req.appkey, emid)
            if view is None:
                raise not_found(states.ENDPOINT_MODEL, emid)
            stage = self._get(view["endpointStageId"])
            entries = stage.doc.get("endpointModelList") or []
            if len(entries) <= 1:
                raise ApiError(
                    409, f"endpoint model {emid} is the only model of stage {stage.id}; delete the stage instead"
                )
            if stage.status in states.ENDPOINT_STAGE.in_progress:
                raise ApiError(409, f"stage {stage.id} is {stage.status}; wait until it is deployed")
        # redeploy the stage without the model
        if self.supervisor is not None:
            self.supervisor.stop(stage.id, wait=30.0)
        self.merge(stage.id, {"endpointModelList": [e for e in entries if e.get("endpointModelId") != emid]})
        self._start("endpoint_stage", req.appkey, stage.id)
        return None

    # -- rendering and deleting --------------------------------------------------------------------------------------
    def _add_views(self, row: Row, doc: dict[str, Any]) -> None:
        super()._add_views(row, doc)
        if row.kind == "endpoint":
            stages = [self.render(s) for s in self.store.select(row.appkey, "endpoint_stage", parent_id=row.id)]
            doc["endpointStageList"] = stages
            default = next((s for s in stages if s.get("isDefaultStage")), None)
            if default is not None:
                doc["defaultStage"] = default
        elif row.kind == "endpoint_stage":
            doc["endpointModelList"] = [
                self._endpoint_model_view(row, e) for e in row.doc.get("endpointModelList") or []
            ]

    def _check_delete(self, kind: Kind, row: Row) -> None:
        super()._check_delete(kind, row)
        if kind.name == "endpoint_stage":
            if row.doc.get("isDefaultStage"):
                raise ApiError(409, f"stage {row.id} is the endpoint's default stage and cannot be deleted")
        elif kind.name == "endpoint":
            others = [
                s
                for s in self.store.select(row.appkey, "endpoint_stage", parent_id=row.id)
                if not s.doc.get("isDefaultStage")
            ]
            if others:
                raise ApiError(
                    409,
                    f"endpoint {row.id} has non-default stages ({', '.join(str(s.name) for s in others)}); "
                    "delete them first",
                )

    def _delete_cascade(self, kind: Kind, row: Row) -> list[Row]:
        """An endpoint's stages (its default one) or the stage itself: their model servers are stopped first."""
        running = super()._delete_cascade(kind, row)
        if kind.name == "endpoint":
            running += self.store.select(row.appkey, "endpoint_stage", parent_id=row.id)
            self.transition(row.id, states.DELETE_IN_PROGRESS, force=True)
        elif kind.name == "endpoint_stage":
            running.append(row)
            self.transition(row.id, states.DELETE_IN_PROGRESS, force=True)
        return running

    def _deleted(self, kind: Kind, row: Row) -> None:
        super()._deleted(kind, row)
        if kind.name == "endpoint_stage" and row.parent_id:
            self.refresh_endpoint(row.parent_id)
