"""Model evaluations: create (an ACTIVE model, and the batch inference the evaluation runs first), and the model
and the timeout in hours in their rendered documents."""

from __future__ import annotations

from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, new_id, summary
from easymaker.local.resources.model import ModelHandlers
from easymaker.local.store import Row


class ModelEvaluationHandlers(ModelHandlers):
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
        doc["model"] = summary(states.MODEL, model)
        doc.setdefault("timeoutMinutes", 43200)
        bi.pop("flavorId", None)
        bi.update({"batchInferenceId": new_id(), "batchInferenceName": f"{body['modelEvaluationName']}-batch"})
        bi["flavor"] = bi_flavor
        doc["batchInference"] = bi
        return self._insert_started(kind, req.appkey, rid, doc)

    def _add_views(self, row: Row, doc: dict[str, Any]) -> None:
        super()._add_views(row, doc)
        if row.kind == "model_evaluation":
            self._show_related(row, doc, states.MODEL)
            if isinstance(doc.get("timeoutMinutes"), int):
                doc["timeoutHours"] = doc["timeoutMinutes"] // 60
