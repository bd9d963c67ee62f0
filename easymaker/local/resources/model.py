"""Models: create (from files, or from a COMPLETE training, tuning or fine-tuning), the ACTIVE model a job uses,
and the rules that keep a model and what it was made from or is used by (409 on deletion)."""

from __future__ import annotations

from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, ServiceBase, new_id, summary
from easymaker.local.states import KINDS, Kind
from easymaker.local.store import Row


class ModelHandlers(ServiceBase):
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
            doc[src_kind.prefix] = summary(src_kind, src)
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

    def _active_model(self, req: Request, field_name: str = "modelId") -> Row:
        """The ACTIVE model the request body names by ``field_name`` (404 / 409 otherwise)."""
        model = self.row(req.appkey, states.MODEL, req.body[field_name], field_name)
        if model.status != states.ACTIVE:
            raise ApiError(409, f"{field_name}: model {model.id} is {model.status}, not ACTIVE")
        return model

    def _check_delete(self, kind: Kind, row: Row) -> None:
        super()._check_delete(kind, row)
        label = kind.name.replace("_", " ")
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
