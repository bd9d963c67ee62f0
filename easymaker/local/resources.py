"""The resources of EasyMaker Local: create / get / list / delete / stop / start of every kind, the rules that
refuse an action (409), and the wire documents the API returns.

``Service`` holds one handler per operation of the spec (by ``operationId``). A handler receives a ``Request``
(appkey, path parameters, validated query values, validated body) and returns the payload (``(key, value)``) or
``None`` for a header-only answer; it raises ``ApiError`` for 404 / 409 / 400 answers.
"""

from __future__ import annotations

import base64
import binascii
import copy
import logging
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from easymaker.local import states
from easymaker.local.catalog import Catalog
from easymaker.local.states import KINDS, Kind
from easymaker.local.store import Row, Store, now_iso

if TYPE_CHECKING:
    from easymaker.local.supervisor import Supervisor

logger = logging.getLogger("easymaker.local.resources")

INTERRUPTED = "interrupted by restart"
_SCHEDULE_FIELDS = ("scheduleCronExpression", "schedulePeriodicMinutes")
_INTERNAL_KEYS = ("pipelineSpecManifest",)


class ApiError(Exception):
    """An error answer: HTTP status, and a message naming the cause."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def result_code(self) -> int:
        return -self.status


def not_found(kind: Kind, rid: str, field_name: str | None = None) -> ApiError:
    label = kind.name.replace("_", " ")
    where = f"{field_name}: " if field_name else ""
    return ApiError(404, f"{where}{label} {rid} not found")


@dataclass
class Request:
    appkey: str
    path: dict[str, str]
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None


# (payload key, value), optionally with more top-level fields of the answer (e.g. ``paging``); None: the header only
Payload = tuple[str, Any] | tuple[str, Any, dict[str, Any]] | None
STREAM_PAGE_ROWS = 500  # rows read, rendered and written at a time by a list asked for without `limit`


@dataclass(frozen=True)
class StreamedList:
    """A list payload written page by page as a JSON array (the answer is sent while the next page is read), so
    the server holds one page of it, not all of it."""

    pages: Iterator[list[dict[str, Any]]]


def new_id() -> str:
    return str(uuid.uuid4())


def _summary(kind: Kind, row: Row | None, rid: str | None = None, name: str | None = None) -> dict[str, Any]:
    if row is None:
        out: dict[str, Any] = {kind.id_key: rid}
        if name is not None:
            out[kind.name_key] = name
        return out
    return {kind.id_key: row.id, kind.name_key: row.name, kind.status_key: row.status}


def _storage(size: Any) -> dict[str, Any]:
    return {"storageSize": int(size)}


class Service:
    """Every operation's logic over the store, the catalog and the job supervisor."""

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        supervisor: Supervisor | None = None,
        *,
        region: str = "kr1",
        iaas_token: Callable[[], tuple[str, float]] | None = None,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.supervisor = supervisor
        self.region = region
        self._iaas_token = iaas_token
        self._lock = threading.RLock()  # serializes multi-row rules (check + write)
        self.handlers: dict[str, Callable[[Request], Payload]] = self._handlers()

    # ================================================================================================ status changes
    def transition(self, rid: str, status: str, reason: str | None = None, *, force: bool = False) -> bool:
        """Move a resource to ``status`` if its kind's state machine allows it (``force`` skips the check).

        Returns ``False`` (and logs) for an illegal transition or a resource that is gone."""
        row0 = self.store.get(rid)
        if row0 is None:
            return False
        kind = KINDS[row0.kind]
        outcome: dict[str, Any] = {}

        def mutate(row: Row) -> bool:
            old = row.status
            if not force and not kind.allows(old, status):
                outcome["illegal"] = old
                return False
            if old == status and reason is None:
                return False
            row.status = status
            row.doc[kind.status_key] = status
            if reason is not None or old != status:
                if reason:
                    row.doc[kind.reason_key] = reason
                else:
                    row.doc.pop(kind.reason_key, None)
            if kind.name == "pipeline_run":
                if status == states.RUNNING and "startedDatetime" not in row.doc:
                    row.doc["startedDatetime"] = now_iso()
                if status in kind.terminal and "finishedDatetime" not in row.doc:
                    row.doc["finishedDatetime"] = now_iso()
            return True

        row = self.store.update(rid, mutate)
        if "illegal" in outcome:
            logger.warning(
                "%s %s: transition %s -> %s is not allowed; ignored", kind.name, rid, outcome["illegal"], status
            )
            return False
        if row is None:
            return False
        if kind.name == "endpoint_stage" and row.parent_id:
            self.refresh_endpoint(row.parent_id)
        return True

    def merge(self, rid: str, fields: dict[str, Any]) -> None:
        """Merge camelCase fields into a stored document (ids, names and statuses are kept)."""
        row0 = self.store.get(rid)
        if row0 is None:
            return
        kind = KINDS[row0.kind]
        protected = {kind.id_key, kind.status_key, kind.reason_key, "appKey", "createdDatetime"}

        def mutate(row: Row) -> None:
            for k, v in fields.items():
                if k in protected:
                    continue
                if v is None:  # absent, never null, on the wire
                    row.doc.pop(k, None)
                else:
                    row.doc[k] = copy.deepcopy(v)

        self.store.update(rid, mutate)

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

    # ================================================================================================ rendering
    def render(self, row: Row) -> dict[str, Any]:
        doc = {k: v for k, v in row.doc.items() if k not in _INTERNAL_KEYS}
        kind = row.kind
        if kind in ("training", "hyperparameter_tuning", "fine_tuning", "pipeline_run", "pipeline_recurring_run"):
            exp_id = doc.get("experimentId")
            if exp_id:
                exp = self.store.get(exp_id)
                if exp is not None and exp.appkey == row.appkey:
                    doc["experiment"] = _summary(states.EXPERIMENT, exp)
        if kind in ("training", "hyperparameter_tuning"):
            field_name = "trainingId" if kind == "training" else "hyperparameterTuningId"
            models = self.store.find_by_field(row.appkey, "model", field_name, row.id)
            doc["modelList"] = [_summary(states.MODEL, m) for m in models]
        elif kind == "endpoint":
            stages = [self.render(s) for s in self.store.select(row.appkey, "endpoint_stage", parent_id=row.id)]
            doc["endpointStageList"] = stages
            default = next((s for s in stages if s.get("isDefaultStage")), None)
            if default is not None:
                doc["defaultStage"] = default
        elif kind == "endpoint_stage":
            doc["endpointModelList"] = [
                self._endpoint_model_view(row, e) for e in row.doc.get("endpointModelList") or []
            ]
        elif kind in ("batch_inference", "model_evaluation"):
            model_id = doc.get("modelId")
            if model_id:
                m = self.store.get(model_id)
                if m is not None and m.appkey == row.appkey:
                    doc["model"] = _summary(states.MODEL, m)
            if kind == "model_evaluation" and isinstance(doc.get("timeoutMinutes"), int):
                doc["timeoutHours"] = doc["timeoutMinutes"] // 60
        elif kind == "pipeline_run":
            rr = doc.get("pipelineRecurringRun")
            if isinstance(rr, dict) and rr.get("pipelineRecurringRunId"):
                cur = self.store.get(rr["pipelineRecurringRunId"])
                if cur is not None:
                    doc["pipelineRecurringRun"] = _summary(states.PIPELINE_RECURRING_RUN, cur)
            self._pipeline_summary(row, doc)
        elif kind == "pipeline_recurring_run":
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
            self._pipeline_summary(row, doc)
        return doc

    def _pipeline_summary(self, row: Row, doc: dict[str, Any]) -> None:
        pid = doc.get("pipelineId")
        if pid:
            p = self.store.get(pid)
            if p is not None and p.appkey == row.appkey:
                doc["pipeline"] = _summary(states.PIPELINE, p)

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
            view["model"] = _summary(states.MODEL, model)
        resource_uri = view.get("apigwResourceUri")
        if stage_url and resource_uri:
            view["apigwEndpointUri"] = f"http://{stage_url}{resource_uri}"
        return view

    # ================================================================================================ lookups
    def row(self, appkey: str, kind: Kind, rid: str, field_name: str | None = None) -> Row:
        r = self.store.get_scoped(appkey, kind.name, rid)
        if r is None:
            raise not_found(kind, rid, field_name)
        return r

    def lookup(self, kind: str, rid: str, appkey: str | None = None) -> dict[str, Any] | None:
        """A stored resource's wire document (what runners see through ``ctx.lookup``)."""
        if kind == "endpoint_model":
            return self._find_endpoint_model(appkey, rid)
        r = self.store.get(rid)
        if r is None or r.kind != kind or (appkey is not None and r.appkey != appkey):
            return None
        return self.render(r)

    def _find_endpoint_model(self, appkey: str | None, emid: str) -> dict[str, Any] | None:
        for stage in self.store.select(appkey, "endpoint_stage"):
            for e in stage.doc.get("endpointModelList") or []:
                if e.get("endpointModelId") == emid:
                    return self._endpoint_model_view(stage, e)
        return None

    def _flavor(self, flavor_id: str, field_name: str = "flavorId") -> dict[str, Any]:
        f = self.catalog.flavor(flavor_id)
        if f is None:
            names = ", ".join(x["name"] for x in self.catalog.flavors)
            raise ApiError(400, f"{field_name}: no instance type has id {flavor_id!r} (instance types: {names})")
        return f

    def _experiment_for(self, req: Request, create_missing: bool = True) -> Row | None:
        body = req.body
        exp_id = body.get("experimentId")
        if exp_id:
            exp = self.row(req.appkey, states.EXPERIMENT, exp_id, "experimentId")
            if exp.status != states.ACTIVE:
                raise ApiError(409, f"experimentId: experiment {exp_id} is {exp.status}, not ACTIVE")
            return exp
        name = body.get("experimentName")
        if name and create_missing:
            found = self.store.select(req.appkey, "experiment", names=[name])
            if found:
                return found[0]
            return self._insert_experiment(req.appkey, name, body.get("experimentDescription"))
        return None

    def _common(self, kind: Kind, appkey: str, rid: str, name: str | None, body: dict[str, Any]) -> dict[str, Any]:
        doc = copy.deepcopy(body)
        doc.pop(kind.name_key, None)
        doc[kind.id_key] = rid
        if name is not None:
            doc[kind.name_key] = name
        doc[kind.status_key] = states.CREATE_REQUESTED
        doc["appKey"] = appkey
        doc["createdDatetime"] = now_iso()
        return doc

    def _start(self, kind: str, appkey: str, rid: str) -> None:
        if self.supervisor is not None:
            self.supervisor.start(kind, appkey, rid)

    def _insert_started(self, kind: Kind, appkey: str, rid: str, doc: dict[str, Any]) -> Payload:
        """Store a new job (CREATE_REQUESTED), hand it to the supervisor, and answer with it."""
        self.store.insert(kind.name, appkey, rid, doc[kind.name_key], states.CREATE_REQUESTED, doc)
        self._start(kind.name, appkey, rid)
        return kind.prefix, self.render(self._get(rid))

    # ================================================================================================ handlers
    def _handlers(self) -> dict[str, Callable[[Request], Payload]]:
        h: dict[str, Callable[[Request], Payload]] = {
            "probeGateway": lambda req: None,
            "getIaasToken": self.get_iaas_token,
            "listFlavors": self.list_flavors,
            "listImages": self.list_images,
            "listAlgorithms": lambda req: ("algorithmList", self.catalog.list_algorithms()),
            "listModelPresets": lambda req: (
                "modelPresetList",
                self.catalog.list_model_presets(req.query.get("exposureScopeCode"), req.query.get("modelPresetName")),
            ),
            "listModelParameterSpecs": lambda req: (
                "modelParameterSpecList",
                self.catalog.list_parameter_specs(req.query.get("modelPresetId"), req.query.get("parameterTypeCode")),
            ),
            "listExperiments": self.list_experiments,
            "createExperiment": self.create_experiment,
            "createTraining": self.create_training,
            "createHyperparameterTuning": self.create_tuning,
            "createFineTuning": self.create_fine_tuning,
            "createModel": self.create_model,
            "createEndpoint": self.create_endpoint,
            "createEndpointStage": self.create_endpoint_stage,
            "listEndpointStages": self.list_endpoint_stages,
            "listEndpointModels": self.list_endpoint_models,
            "getEndpointModel": self.get_endpoint_model,
            "deleteEndpointModel": self.delete_endpoint_model,
            "createBatchInference": self.create_batch_inference,
            "createModelEvaluation": self.create_model_evaluation,
            "uploadPipeline": self.upload_pipeline,
            "createPipelineRun": self.create_pipeline_run,
            "listPipelineRuns": self.list_pipeline_runs,
            "startPipelineRecurringRun": self.start_recurring_run,
        }
        generic = {
            "training": "Training",
            "hyperparameter_tuning": "HyperparameterTuning",
            "fine_tuning": "FineTuning",
            "model": "Model",
            "endpoint": "Endpoint",
            "endpoint_stage": "EndpointStage",
            "batch_inference": "BatchInference",
            "model_evaluation": "ModelEvaluation",
            "pipeline": "Pipeline",
            "pipeline_run": "PipelineRun",
            "pipeline_recurring_run": "PipelineRecurringRun",
            "experiment": "Experiment",
        }
        for kname, op in generic.items():
            kind = KINDS[kname]
            h.setdefault(f"list{op}s", self._lister(kind))
            h.setdefault(f"get{op}", self._getter(kind))
            h.setdefault(f"delete{op}", self._deleter(kind))
            if (kind.is_job and kname != "endpoint_stage") or kname == "pipeline_recurring_run":
                h.setdefault(f"stop{op}", self._stopper(kind))
        return h

    # -- generic ---------------------------------------------------------------------------------------------------
    def _lister(self, kind: Kind) -> Callable[[Request], Payload]:
        def handler(req: Request) -> Payload:
            limit = req.query.get("limit")
            experiment_id = req.query.get("experimentId")
            if limit is None:  # every resource, oldest first: streamed one page of rows at a time
                pages = self.store.iter_pages(req.appkey, kind.name, STREAM_PAGE_ROWS, experiment_id)
                return kind.list_key, StreamedList([self.render(r) for r in page] for page in pages)
            page = int(req.query.get("page") or 1)
            rows, total = self.store.select_page(
                req.appkey, kind.name, int(limit), (page - 1) * int(limit), experiment_id
            )
            paging = {"page": page, "limit": int(limit), "totalCount": total}
            return kind.list_key, [self.render(r) for r in rows], {"paging": paging}

        return handler

    def _getter(self, kind: Kind) -> Callable[[Request], Payload]:
        def handler(req: Request) -> Payload:
            return kind.prefix, self.render(self.row(req.appkey, kind, req.path[kind.id_key]))

        return handler

    def _deleter(self, kind: Kind) -> Callable[[Request], Payload]:
        def handler(req: Request) -> Payload:
            self.delete(req.appkey, kind, req.path[kind.id_key])
            return None

        return handler

    def _stopper(self, kind: Kind) -> Callable[[Request], Payload]:
        def handler(req: Request) -> Payload:
            self.stop(req.appkey, kind, req.path[kind.id_key])
            return None

        return handler

    # -- lookups ---------------------------------------------------------------------------------------------------
    def get_iaas_token(self, req: Request) -> Payload:
        if self._iaas_token is None:
            raise ApiError(501, "the object store is not mounted in this server, so it issues no tokens")
        token, expires = self._iaas_token()
        exp = datetime.fromtimestamp(expires, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.000+00:00")
        return "access", {"token": {"id": token, "expires": exp}}

    def list_flavors(self, req: Request) -> Payload:
        q = req.query
        return "flavorList", self.catalog.list_flavors(q.get("groupType"), q.get("modelPresetId"))

    def list_images(self, req: Request) -> Payload:
        return "imageList", self.catalog.list_images(req.query.get("groupTypeCodeList"))

    # -- experiments -----------------------------------------------------------------------------------------------
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

    # -- trainings and tunings ---------------------------------------------------------------------------------------
    def _training_common(self, req: Request, kind: Kind, name_field: str) -> tuple[str, dict[str, Any]]:
        body = req.body
        flavor = self._flavor(body["flavorId"])
        image = self.catalog.image(body["imageId"])
        if image is None:
            raise ApiError(400, f"imageId: no image has id {body['imageId']!r} (see GET /images)")
        algorithm = None
        if body.get("algorithmId"):
            algorithm = self.catalog.algorithm(body["algorithmId"])
            if algorithm is None:
                raise ApiError(400, f"algorithmId: no algorithm has id {body['algorithmId']!r} (see GET /algorithms)")
        elif not body.get("sourceDirUri") or not body.get("entryPoint"):
            missing = "sourceDirUri" if not body.get("sourceDirUri") else "entryPoint"
            raise ApiError(400, f"{missing}: is required when no algorithmId is given (your own algorithm)")
        exp = self._experiment_for(req)
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body[name_field], body)
        doc["flavor"] = flavor
        doc["image"] = image
        if algorithm is not None:
            doc["algorithm"] = algorithm
        if exp is not None:
            doc["experimentId"] = exp.id
            doc["experiment"] = _summary(states.EXPERIMENT, exp)
        doc.setdefault("useLog", False)
        doc.setdefault("useTorchrun", False)
        doc["bootStorage"] = _storage(50)
        if body.get("dataStorageSize"):
            doc["dataStorageList"] = [_storage(body["dataStorageSize"])]
        for k in ("experimentName", "experimentDescription"):
            doc.pop(k, None)
        return rid, doc

    def create_training(self, req: Request) -> Payload:
        kind = states.TRAINING
        rid, doc = self._training_common(req, kind, "trainingName")
        doc.setdefault("trainingTypeCode", "NORMAL")
        return self._insert_started(kind, req.appkey, rid, doc)

    def create_tuning(self, req: Request) -> Payload:
        kind = states.HYPERPARAMETER_TUNING
        body = req.body
        if not body.get("algorithmId"):
            for f in ("objectiveMetric", "objectiveTypeCode"):
                if f not in body:
                    raise ApiError(400, f"{f}: is required when no algorithmId is given (your own algorithm)")
        rid, doc = self._training_common(req, kind, "hyperparameterTuningName")
        if isinstance(body.get("objectiveMetric"), dict):
            doc["objectiveMetricName"] = body["objectiveMetric"].get("name")
        doc.setdefault("parallelTrialCount", 1)
        doc.update({"successfulTrialCount": 0, "runningTrialCount": 0, "failedTrialCount": 0})
        return self._insert_started(kind, req.appkey, rid, doc)

    def create_fine_tuning(self, req: Request) -> Payload:
        kind = states.FINE_TUNING
        body = req.body
        preset = self.catalog.model_preset(body["baseModelPresetId"])
        if preset is None:
            raise ApiError(400, f"baseModelPresetId: no model preset has id {body['baseModelPresetId']!r}")
        flavor = self.catalog.flavor_by_name(body["flavorName"])
        if flavor is None:
            raise ApiError(400, f"flavorName: no instance type is named {body['flavorName']!r}")
        exp = self._experiment_for(req)
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body["fineTuningName"], body)
        doc["flavor"] = flavor
        doc["baseModelPresetId"] = preset["modelPresetId"]
        if exp is not None:
            doc["experimentId"] = exp.id
        for k in ("experimentName", "experimentDescription", "flavorName"):
            doc.pop(k, None)
        return self._insert_started(kind, req.appkey, rid, doc)

    # -- models ----------------------------------------------------------------------------------------------------
    def create_model(self, req: Request) -> Payload:
        kind = states.MODEL
        body = req.body
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body["modelName"], body)
        uri = body.get("modelUploadUri")
        sources = [f for f in ("trainingId", "hyperparameterTuningId", "fineTuningId") if body.get(f)]
        if len(sources) > 1:
            raise ApiError(400, f"{sources[1]}: give only one of trainingId, hyperparameterTuningId, fineTuningId")
        if sources:
            src_field = sources[0]
            src_kind = {
                "trainingId": states.TRAINING,
                "hyperparameterTuningId": states.HYPERPARAMETER_TUNING,
                "fineTuningId": states.FINE_TUNING,
            }[src_field]
            src = self.row(req.appkey, src_kind, body[src_field], src_field)
            if src.status != states.COMPLETE:
                raise ApiError(
                    409,
                    f"{src_field}: {src_kind.name.replace('_', ' ')} {src.id} is {src.status}; "
                    "a model can only be created from a COMPLETE one",
                )
            if not uri:
                uri = self._artifact_uri(src_kind.name, self.render(src))
            doc[src_kind.prefix] = _summary(src_kind, src)
            doc["modelUploadUri"] = uri
        else:
            code = body.get("modelFormatCode") or body.get("modelTypeCode")
            params = {p.get("parameterName") for p in body.get("parameterList") or []}
            if not uri and not (code == "HUGGING_FACE" and "model_id" in params):
                raise ApiError(
                    400,
                    "modelUploadUri: is required (or trainingId / hyperparameterTuningId, or a HUGGING_FACE model "
                    "with a model_id parameter)",
                )
            if not code:
                raise ApiError(400, "modelFormatCode: is required for a model created from files (modelUploadUri)")
        if "modelFormatCode" not in doc and doc.get("modelTypeCode"):
            doc["modelFormatCode"] = {"SCIKIT_LEARN": "SKLEARN"}.get(doc["modelTypeCode"], doc["modelTypeCode"])
        doc[kind.status_key] = states.ACTIVE
        self.store.insert(kind.name, req.appkey, rid, doc[kind.name_key], states.ACTIVE, doc)
        return kind.prefix, self.render(self._get(rid))

    @staticmethod
    def _artifact_uri(kind: str, resource: dict[str, Any]) -> str:
        try:
            from easymaker.local.runners.training import artifact_uri_for_model
        except ImportError:  # the training runner is not installed: the documented layout
            uri = resource.get("modelUploadUri")
            if kind == "hyperparameter_tuning":
                trial = resource.get("optimalTrialId") or (resource.get("optimalTrial") or {}).get("trialId")
                if not uri or not trial:
                    raise ApiError(409, "hyperparameterTuningId: the tuning has no optimal trial") from None
                return str(uri).rstrip("/") + "/" + str(trial)
            if not uri:
                raise ApiError(409, "trainingId: the training has no modelUploadUri") from None
            return str(uri)
        try:
            return artifact_uri_for_model(kind, resource)
        except ValueError as exc:
            field_name = "trainingId" if kind == "training" else "hyperparameterTuningId"
            raise ApiError(409, f"{field_name}: {exc}") from exc

    # -- endpoints -------------------------------------------------------------------------------------------------
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
                    "model": _summary(states.MODEL, model),
                    "podCount": int(item.get("podCount") or 1),
                    "runningPodCount": 0,
                    "createdDatetime": now_iso(),
                }
            )
            entry.setdefault("podAutoScaleEnable", False)
            entries.append(entry)
        return entries

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

    # -- batch inference and evaluation ------------------------------------------------------------------------------
    def _active_model(self, req: Request, field_name: str = "modelId") -> Row:
        model = self.row(req.appkey, states.MODEL, req.body[field_name], field_name)
        if model.status != states.ACTIVE:
            raise ApiError(409, f"{field_name}: model {model.id} is {model.status}, not ACTIVE")
        return model

    def create_batch_inference(self, req: Request) -> Payload:
        kind = states.BATCH_INFERENCE
        body = req.body
        flavor = self._flavor(body["flavorId"])
        model = self._active_model(req)
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body["batchInferenceName"], body)
        doc["flavor"] = flavor
        doc["model"] = _summary(states.MODEL, model)
        doc.setdefault("useLog", False)
        doc["dataStorageList"] = [_storage(body["dataStorageSize"])]
        doc["bootStorage"] = _storage(50)
        return self._insert_started(kind, req.appkey, rid, doc)

    def create_model_evaluation(self, req: Request) -> Payload:
        kind = states.MODEL_EVALUATION
        body = req.body
        flavor = self._flavor(body["flavorId"])
        bi = dict(body["batchInference"])
        bi_flavor = self._flavor(bi["flavorId"], "batchInference.flavorId")
        model = self._active_model(req)
        if body["objectiveCode"] == "CLASSIFICATION":
            names = [c for c in str(body.get("classNames") or "").split(",") if c.strip()]
            if len(names) > 50:
                raise ApiError(400, f"classNames: {len(names)} classes, at most 50 are supported")
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body["modelEvaluationName"], body)
        doc["flavor"] = flavor
        doc["model"] = _summary(states.MODEL, model)
        doc.setdefault("timeoutMinutes", 43200)
        bi.pop("flavorId", None)
        bi.update({"batchInferenceId": new_id(), "batchInferenceName": f"{body['modelEvaluationName']}-batch"})
        bi["flavor"] = bi_flavor
        doc["batchInference"] = bi
        return self._insert_started(kind, req.appkey, rid, doc)

    # -- pipelines -------------------------------------------------------------------------------------------------
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
        doc["pipeline"] = _summary(states.PIPELINE, pipeline)
        doc["flavor"] = flavor
        doc["bootStorage"] = _storage(body.get("bootStorageSize", 50))
        doc.pop("bootStorageSize", None)
        doc.setdefault("useLog", False)
        if exp is not None:
            doc["experimentId"] = exp.id
            doc["experiment"] = _summary(states.EXPERIMENT, exp)
        if schedule is not None:
            doc["pipelineRecurringRun"] = _summary(states.PIPELINE_RECURRING_RUN, schedule)
            doc["scheduledDatetime"] = scheduled
        parent = schedule.id if schedule is not None else None
        self.store.insert(kind.name, appkey, rid, name, states.CREATE_REQUESTED, doc, parent, conn=conn)
        if start:
            self._start(kind.name, appkey, rid)
        if conn is not None:
            return Row(rid, appkey, kind.name, name, states.CREATE_REQUESTED, parent, doc, time.time(), time.time())
        return self._get(rid)

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
        doc["pipeline"] = _summary(states.PIPELINE, pipeline)
        doc["flavor"] = flavor
        doc["bootStorage"] = _storage(body.get("bootStorageSize", 50))
        doc.setdefault("maxConcurrencyCount", 1)
        doc.setdefault("useCatchup", True)
        if exp is not None:
            doc["experimentId"] = exp.id
        doc[kind.status_key] = "ENABLED"
        self.store.insert(kind.name, req.appkey, rid, doc[kind.name_key], "ENABLED", doc)
        if self.supervisor is not None:
            self.supervisor.schedules_changed()
        return kind.prefix, self.render(self._get(rid))

    def list_pipeline_runs(self, req: Request) -> Payload:
        parent = req.query.get("pipelineRecurringRunId")
        rows = self.store.select(req.appkey, "pipeline_run", parent_id=parent)
        return "pipelineRunList", [self.render(r) for r in rows]

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

    # ================================================================================================ stop / delete
    def stop(self, appkey: str, kind: Kind, rid: str) -> None:
        row = self.row(appkey, kind, rid)
        if kind.name == "pipeline_recurring_run":
            if row.status not in kind.stoppable:
                raise ApiError(409, f"recurring run {rid} is {row.status}; only an ENABLED one can be stopped")
            self.transition(rid, "DISABLED")
            if self.supervisor is not None:
                self.supervisor.schedules_changed()
            return
        if row.status not in kind.stoppable:
            raise ApiError(
                409,
                f"{kind.name.replace('_', ' ')} {rid} is {row.status}; it can be stopped only while "
                + " / ".join(sorted(kind.stoppable)),
            )
        running = self.supervisor.stop(rid) if self.supervisor is not None else False
        if not running:
            self.transition(rid, states.STOPPED, "stopped by user request")
        else:
            self.transition(rid, states.STOP_IN_PROGRESS)

    def delete(self, appkey: str, kind: Kind, rid: str) -> None:
        with self._lock:
            row = self.row(appkey, kind, rid)
            self._check_delete(kind, row)
            if kind.name == "endpoint":
                stages = self.store.select(appkey, "endpoint_stage", parent_id=rid)
                self.transition(rid, states.DELETE_IN_PROGRESS, force=True)
            elif kind.name == "endpoint_stage":
                stages = [row]
                self.transition(rid, states.DELETE_IN_PROGRESS, force=True)
            else:
                stages = []
        for stage in stages:
            if self.supervisor is not None:
                self.supervisor.stop(stage.id, wait=60.0)
        with self.store.tx() as c:
            for stage in stages:
                self.store.delete(stage.id, conn=c)
            self.store.delete(rid, conn=c)
            if kind.name == "pipeline":
                self.store.delete_manifest(rid, c)
        if kind.name == "endpoint_stage" and row.parent_id:
            self.refresh_endpoint(row.parent_id)
        if kind.name == "pipeline_recurring_run" and self.supervisor is not None:
            self.supervisor.schedules_changed()

    def _check_delete(self, kind: Kind, row: Row) -> None:
        label = kind.name.replace("_", " ")
        if kind.is_job and kind.name != "endpoint_stage" and row.status not in kind.terminal:
            raise ApiError(409, f"{label} {row.id} is {row.status}; stop it (or wait until it ends) before deleting")
        if kind.name in ("training", "hyperparameter_tuning", "fine_tuning"):
            models = self.store.find_by_field(row.appkey, "model", kind.id_key, row.id)
            if models:
                raise ApiError(
                    409,
                    f"{label} {row.id} has a model created from it ({models[0].name}, {models[0].id}); delete the model first",
                )
        elif kind.name == "model":
            for stage in self.store.select(row.appkey, "endpoint_stage"):
                if any(e.get("modelId") == row.id for e in stage.doc.get("endpointModelList") or []):
                    raise ApiError(
                        409,
                        f"model {row.id} is used by endpoint stage {stage.name} ({stage.id}) of endpoint "
                        f"{stage.parent_id}; delete the endpoint (or the stage) first",
                    )
            for k in ("batch_inference", "model_evaluation"):
                for other in self.store.find_by_field(row.appkey, k, "modelId", row.id):
                    if other.status not in KINDS[k].terminal:
                        raise ApiError(
                            409, f"model {row.id} is used by {k.replace('_', ' ')} {other.id} ({other.status})"
                        )
        elif kind.name == "experiment":
            for k in ("training", "hyperparameter_tuning", "fine_tuning", "pipeline_run"):
                for other in self.store.find_by_field(row.appkey, k, "experimentId", row.id):
                    if other.status in KINDS[k].in_progress:
                        raise ApiError(
                            409,
                            f"experiment {row.id} has work in progress: {k.replace('_', ' ')} {other.name} "
                            f"({other.id}) is {other.status}",
                        )
            schedules = self.store.find_by_field(row.appkey, "pipeline_recurring_run", "experimentId", row.id)
            if schedules:
                raise ApiError(
                    409, f"experiment {row.id} has a pipeline schedule ({schedules[0].name}); delete the schedule first"
                )
        elif kind.name == "endpoint_stage":
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
        elif kind.name == "pipeline":
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

    # ================================================================================================ admin
    def reset(self) -> int:
        if self.supervisor is not None:
            self.supervisor.stop_all(wait=60.0)
        return self.store.delete_all()

    def _get(self, rid: str) -> Row:
        row = self.store.get(rid)
        if row is None:
            raise ApiError(404, f"resource {rid} vanished")
        return row
