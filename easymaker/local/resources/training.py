"""Trainings: create (the checks and the document a training and a hyperparameter tuning share), and the models
created from them in their rendered documents."""

from __future__ import annotations

from typing import Any

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, new_id, storage, summary
from easymaker.local.resources.experiment import ExperimentHandlers
from easymaker.local.states import Kind
from easymaker.local.store import Row


class TrainingHandlers(ExperimentHandlers):
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
            doc["experiment"] = summary(states.EXPERIMENT, exp)
        doc.setdefault("useLog", False)
        doc.setdefault("useTorchrun", False)
        doc["bootStorage"] = storage(50)
        if body.get("dataStorageSize"):
            doc["dataStorageList"] = [storage(body["dataStorageSize"])]
        for k in ("experimentName", "experimentDescription"):
            doc.pop(k, None)
        return rid, doc

    def create_training(self, req: Request) -> Payload:
        kind = states.TRAINING
        rid, doc = self._training_common(req, kind, "trainingName")
        doc.setdefault("trainingTypeCode", "NORMAL")
        return self._insert_started(kind, req.appkey, rid, doc)

    def _add_views(self, row: Row, doc: dict[str, Any]) -> None:
        super()._add_views(row, doc)
        if row.kind in ("training", "hyperparameter_tuning"):
            field_name = "trainingId" if row.kind == "training" else "hyperparameterTuningId"
            models = self.store.find_by_field(row.appkey, "model", field_name, row.id)
            doc["modelList"] = [summary(states.MODEL, m) for m in models]
