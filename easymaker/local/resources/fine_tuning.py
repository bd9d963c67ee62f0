"""Fine-tunings: create (from a model preset of the catalog, on an instance type given by name)."""

from __future__ import annotations

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request, new_id
from easymaker.local.resources.experiment import ExperimentHandlers


class FineTuningHandlers(ExperimentHandlers):
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
