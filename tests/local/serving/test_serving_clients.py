"""An endpoint stage against real KServe / Triton clients: tritonclient[http] and kserve's InferenceRESTClient,
installed by this test into a throw-away virtualenv (``.test-venv-clients/``, gitignored, kept between runs).
Skipped, with the reason, when that virtualenv cannot be made (package index unreachable)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import joblib
import pytest
from paths import REPO, TESTS
from serving_support import Stage, entry, model_resource, obs_dir, stage_resource

VENV = REPO / ".test-venv-clients"
PACKAGES = ["tritonclient[http]", "kserve"]
NAMES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
ROWS = [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]


def clients_python() -> Path:
    python = VENV / "bin" / "python"
    marker = VENV / ".installed"
    if marker.is_file() and marker.read_text() == json.dumps(PACKAGES) and python.is_file():
        return python
    made = subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot create the clients' virtualenv: {made.stderr.strip()[-300:]}")
    pip = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PACKAGES],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if pip.returncode != 0:
        pytest.skip(f"cannot install {' '.join(PACKAGES)} (package index unreachable?): {pip.stderr.strip()[-400:]}")
    marker.write_text(json.dumps(PACKAGES))
    return python


@pytest.mark.slow
def test_triton_and_kserve_clients(tmp_path: Path) -> None:
    python = clients_python()
    pd = pytest.importorskip("pandas")
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    x, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=1000).fit(pd.DataFrame(x, columns=NAMES), y)  # fitted with feature names
    d = obs_dir(tmp_path, "models/iris")
    d.mkdir(parents=True)
    joblib.dump(model, d / "model.joblib")
    expected = model.predict(pd.DataFrame(ROWS, columns=NAMES)).tolist()

    stage = Stage(
        tmp_path,
        stage_resource(entry("m-iris", pods=2)),
        {"m-iris": model_resource("m-iris", "iris", "models/iris")},
        "s",
    ).start()
    try:
        assert stage.rec.codes[-1] == "ACTIVE", stage.rec.statuses
        run = subprocess.run(
            [
                str(python),
                str(TESTS / "clients" / "kserve_triton_check.py"),
                f"127.0.0.1:{stage.port}",
                "iris",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        stage.stop()
    assert run.returncode == 0, run.stderr[-3000:]
    r: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])

    assert r["triton_live"] is True and r["kserve_v1_live"] is True and r["kserve_v2_live"] is True, r
    meta = r["triton_metadata"]
    assert meta["outputs"][0]["datatype"] == "INT64", meta
    for name in ("triton_infer_binary", "triton_infer_json"):
        assert r[name] == {"values": expected, "dtype": "int64", "datatype": "INT64"}, (name, r[name])
    assert r["triton_infer_default"] == {"values": expected, "dtype": "int64"}, r["triton_infer_default"]
    assert r["kserve_v1_predict"] == {"predictions": expected}, r["kserve_v1_predict"]
    assert r["kserve_v1_objects"] == {"predictions": expected}, r["kserve_v1_objects"]
    assert r["kserve_v2_infer_binary"] == {"values": expected, "datatype": "INT64"}, r["kserve_v2_infer_binary"]
    assert r["kserve_v1_explain"]["status"] == 501, r["kserve_v1_explain"]  # routed; answered "not supported"
