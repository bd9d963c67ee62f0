"""Batch inferences: create (an ACTIVE model on an instance type), and the model in their rendered documents."""

from __future__ import annotations

from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import Payload, Request, new_id, storage, summary
from easymaker.local.resources.model import ModelHandlers
from easymaker.local.store import Row


class BatchInferenceHandlers(ModelHandlers):
    def create_batch_inference(self, req: Request) -> Payload:
        kind = states.BATCH_INFERENCE
        body = req.body
        flavor = self._flavor(body["flavorId"])
        model = self._active_model(req)
        rid = new_id()
        doc = self._common(kind, req.appkey, rid, body["batchInferenceName"], body)
        doc["flavor"] = flavor
        doc["model"] = summary(states.MODEL, model)
        doc.setdefault("useLog", False)
        doc["dataStorageList"] = [storage(body["dataStorageSize"])]
        doc["bootStorage"] = storage(50)
        return self._insert_started(kind, req.appkey, rid, doc)

    def _add_views(self, row: Row, doc: dict[str, Any]) -> None:
        super()._add_views(row, doc)
        if row.kind == "batch_inference":
            self._show_related(row, doc, states.MODEL)
