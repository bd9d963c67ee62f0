"""Hyperparameter tunings: create (a training's checks, plus the objective a tuning of your own algorithm needs)."""

from __future__ import annotations

from easymaker.local import states
from easymaker.local.resources.base import ApiError, Payload, Request
from easymaker.local.resources.training import TrainingHandlers


class HyperparameterTuningHandlers(TrainingHandlers):
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
