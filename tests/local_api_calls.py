"""Calls to a running EasyMaker Local's REST API shared by the tests that drive jobs through it: the envelope
checks (``ok``, ``err``), a status poll (``wait_for``), a training body and its entry point (``TRAIN_PY``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from polling import wait_until

TRAIN_PY = """
import os, sys, time
print("epochs", os.environ.get("EM_HP_EPOCHS"), flush=True)
print("to stderr", file=sys.stderr, flush=True)
if os.environ.get("EM_HP_SLEEP"):
    time.sleep(float(os.environ["EM_HP_SLEEP"]))
import joblib
from sklearn.linear_model import LogisticRegression
model = LogisticRegression().fit([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 1, 0, 1])
joblib.dump(model, os.path.join(os.environ["EM_MODEL_DIR"], "model.joblib"))
"""


def ok(r: httpx.Response) -> dict[str, Any]:
    assert r.status_code == 200, r.text
    doc: dict[str, Any] = r.json()
    assert doc["header"]["isSuccessful"] is True
    return doc


def err(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, r.text
    return str(r.json()["header"]["resultMessage"])


def wait_for(fetch: Callable[[], dict[str, Any]], key: str, done: set[str], timeout: float = 60.0) -> dict[str, Any]:
    """Fetch until ``doc[key]`` is one of ``done`` and return that document."""

    def probe() -> dict[str, Any] | None:
        doc = fetch()
        return doc if doc[key] in done else None

    return wait_until(probe, timeout=timeout, what=f"{key} in {sorted(done)}")


def training_body(ids: dict[str, str], name: str, **extra: Any) -> dict[str, Any]:
    body = {
        "trainingName": name,
        "imageId": ids["imageId"],
        "flavorId": ids["flavorId"],
        "instanceCount": 1,
        "modelUploadUri": f"nas://n1:/models/{name}",
        "timeoutMinutes": 60,
        "sourceDirUri": "nas://n1:/src",
        "entryPoint": "train.py",
        "hyperparameterList": [{"parameterName": "epochs", "parameterValue": "3"}],
    }
    body.update(extra)
    return body
