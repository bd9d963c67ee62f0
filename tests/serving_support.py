"""Shared pieces for the serving, batch inference and evaluation tests: a folder standing in for Object Storage,
a JobContext recorder, small scikit-learn models and an HTTP helper. (No tests in this module.)"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joblib
from folder_uris import FolderUris
from sklearn.datasets import load_iris, make_regression
from sklearn.linear_model import LinearRegression, LogisticRegression

from easymaker.local.runners.base import JobContext
from easymaker.local.runners.endpoint import EndpointStageRunner

OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_test/bucket"


class Recorder:
    """Collects statuses and updates, merging updates into the resource like the store does."""

    def __init__(self, resource: dict[str, Any], status_field: str) -> None:
        self.resource = resource
        self.status_field = status_field
        self.statuses: list[tuple[str, str | None]] = []
        self.on_status: Callable[[str], None] | None = None
        self.changed = threading.Condition()

    def set_status(self, status: str, reason: str | None) -> None:
        with self.changed:
            self.statuses.append((status, reason))
            self.resource[self.status_field] = status
            self.changed.notify_all()
        if self.on_status is not None:
            self.on_status(status)

    def update(self, fields: Any) -> None:
        with self.changed:
            self.resource.update(json.loads(json.dumps(dict(fields))))  # must be JSON, like the store
            self.changed.notify_all()

    @property
    def codes(self) -> list[str]:
        return [s for s, _ in self.statuses]

    @property
    def last_reason(self) -> str:
        return self.statuses[-1][1] or ""

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"condition not reached; statuses {self.statuses}")
                self.changed.wait(min(left, 0.2))


def make_ctx(
    tmp: Path,
    kind: str,
    resource: dict[str, Any],
    models: dict[str, dict[str, Any]],
    status_field: str,
    job_id: str = "job-1",
) -> tuple[JobContext, Recorder]:
    rec = Recorder(resource, status_field)
    work = tmp / "jobs" / job_id
    work.mkdir(parents=True, exist_ok=True)
    ctx = JobContext(
        job_id=job_id,
        kind=kind,
        appkey="appkey",
        resource=resource,
        work_dir=work,
        uris=FolderUris(tmp / "store"),
        set_status=rec.set_status,
        update=rec.update,
        lookup=lambda k, rid: dict(models[rid]) if k == "model" and rid in models else None,
    )
    return ctx, rec


def obs_dir(tmp: Path, sub: str) -> Path:
    """The folder behind ``f"{OBS}/{sub}"``."""
    return FolderUris(tmp / "store").path(f"{OBS}/{sub}")


def iris_model(tmp: Path, sub: str = "models/iris") -> tuple[Any, Any, Any]:
    x, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=1000).fit(x, y)
    d = obs_dir(tmp, sub)
    d.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, d / "model.joblib")
    return model, x, y


def regression_model(tmp: Path, sub: str = "models/reg") -> tuple[Any, Any, Any]:
    x, y = make_regression(n_samples=200, n_features=3, noise=5.0, random_state=0)
    model = LinearRegression().fit(x, y)
    d = obs_dir(tmp, sub)
    d.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, d / "model.joblib")
    return model, x, y


def model_resource(model_id: str, name: str, sub: str, code: str = "SKLEARN", **extra: Any) -> dict[str, Any]:
    return {
        "modelId": model_id,
        "modelName": name,
        "modelFormatCode": code,
        "modelUploadUri": f"{OBS}/{sub}/",
        "parameterList": [],
        **extra,
    }


def http_json(port: int, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        conn.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        resp = conn.getresponse()
        return resp.status, json.loads(resp.read())
    finally:
        conn.close()


class SlowModel:
    """A model whose predict takes ``delay`` seconds (pickled by reference: the worker imports this module)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def predict(self, x: Any) -> list[int]:
        time.sleep(self.delay)
        return [0] * len(x)


def slow_model(tmp: Path, delay: float, sub: str = "models/slow") -> None:
    d = obs_dir(tmp, sub)
    d.mkdir(parents=True, exist_ok=True)
    joblib.dump(SlowModel(delay), d / "model.joblib")


class GoldenModel:
    """A deterministic model for the batch output comparison: the row sum / 1000 as a float (so predictions print
    in every float form: plain, exponent, and non-finite sums that the worker refuses as JSON)."""

    def predict(self, x: Any) -> Any:
        import numpy as np

        matrix = np.asarray(x, dtype=float)
        if matrix.ndim != 2:
            raise ValueError(f"expected a 2-D input, got shape {matrix.shape}")
        return matrix.sum(axis=1) * 1e-3


def golden_model(tmp: Path, sub: str = "models/golden") -> None:
    d = obs_dir(tmp, sub)
    d.mkdir(parents=True, exist_ok=True)
    joblib.dump(GoldenModel(), d / "model.joblib")


class CrashModel:
    """Predicts 0 for every row; its process dies on a row whose first value is 666 (a model server crash)."""

    def predict(self, x: Any) -> list[int]:
        import os

        if any(row[0] == 666 for row in x):
            os._exit(1)
        return [0] * len(x)


class EchoCrashModel:
    """Predicts each row's first value; its process dies on a row whose first value is 666. It loads in two
    processes only (slots claimed in ``loads``): a worker restarted after the crash cannot load it."""

    def __init__(self, loads: Path) -> None:
        self.loads = str(loads)

    def __setstate__(self, state: dict[str, Any]) -> None:
        import os

        self.__dict__.update(state)
        for slot in range(2):
            try:
                os.close(os.open(os.path.join(self.loads, f"load-{slot}"), os.O_CREAT | os.O_EXCL))
                return
            except FileExistsError:
                continue
        raise RuntimeError("this model loads in two processes only")

    def predict(self, x: Any) -> list[Any]:
        import os

        firsts = [row[0] for row in x]
        if 666 in firsts:
            os._exit(1)
        return [int(v) for v in firsts]


def crash_model(tmp: Path, sub: str = "models/crash", loads: Path | None = None) -> None:
    """``loads``: the model predicts each row's first value and loads twice only (:class:`EchoCrashModel`)."""
    d = obs_dir(tmp, sub)
    d.mkdir(parents=True, exist_ok=True)
    joblib.dump(EchoCrashModel(loads) if loads is not None else CrashModel(), d / "model.joblib")


TORCH_MODEL_PY = """
import torch

class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)
"""

HANDLER_PY = """
import torch

class IrisHandler:
    def preprocess(self, data):
        assert isinstance(data, list)  # the rows of "instances"
        return torch.tensor(data, dtype=torch.float32)

    def postprocess(self, output):
        return output.argmax(dim=1).tolist()
"""


def stage_resource(*entries: dict[str, Any], stage_id: str = "stage-1") -> dict[str, Any]:
    return {
        "endpointStageId": stage_id,
        "endpointId": "ep-1",
        "apigwStageName": "stage01",
        "endpointStageStatusCode": "CREATE_REQUESTED",
        "endpointModelList": list(entries),
    }


def entry(model_id: str, pods: int = 1) -> dict[str, Any]:
    return {"endpointModelId": f"em-{model_id}", "modelId": model_id, "podCount": pods, "resourceOptionDetail": {}}


class Stage:
    """A stage runner in a thread, as the server runs it."""

    def __init__(self, tmp: Path, resource: dict[str, Any], models: dict[str, dict[str, Any]], job_id: str) -> None:
        self.ctx, self.rec = make_ctx(tmp, "endpoint_stage", resource, models, "endpointStageStatusCode", job_id)
        self.thread = threading.Thread(target=EndpointStageRunner().run, args=(self.ctx,), daemon=True)

    def start(self) -> Stage:
        self.thread.start()
        self.rec.wait_for(
            lambda: bool(self.rec.codes) and self.rec.codes[-1] in ("ACTIVE", "DEPLOY_FAILED", "CREATE_FAILED")
        )
        return self

    @property
    def port(self) -> int:
        return int(self.rec.resource["apigwStageUrl"].split(":")[1])

    def stop(self) -> None:
        self.ctx.stop_event.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()
