"""Model loading per format and the KServe protocol layer, in process (the HTTP path is in test_serving_endpoint)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from serving_support import HANDLER_PY, TORCH_MODEL_PY
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from easymaker.local.serving.errors import ModelLoadError
from easymaker.local.serving.loaders import ModelSpec, load_model
from easymaker.local.serving.protocol import ModelRepository

HAS_TORCH = importlib.util.find_spec("torch") is not None
needs_torch = pytest.mark.skipif(not HAS_TORCH, reason="torch is not installed (pip install torch)")
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")


def predict(model: Any, instances: list[Any], **extra: Any) -> tuple[int, Any]:
    repo = ModelRepository({model.name: model})
    return repo.handle(
        "POST", f"/v1/models/{model.name}/predict", json.dumps({"instances": instances, **extra}).encode()
    )


@pytest.fixture(scope="module")
def iris() -> tuple[Any, Any]:
    features, target = load_iris(return_X_y=True)
    return features, target


def test_sklearn_joblib_and_pkl(tmp_path: Path, iris: tuple[Any, Any]) -> None:
    x, y = iris
    est = LogisticRegression(max_iter=1000).fit(x, y)
    (tmp_path / "a").mkdir()
    joblib.dump(est, tmp_path / "a" / "clf.pkl")
    model = load_model(ModelSpec("iris", "SCIKIT_LEARN", str(tmp_path / "a")))
    status, body = predict(model, x[:5].tolist(), parameters={"return_probabilities": True})
    assert status == 200
    assert body["predictions"] == est.predict(x[:5]).tolist()
    np.testing.assert_allclose(body["probabilities"], est.predict_proba(x[:5]))
    assert body["classes"] == [0, 1, 2]

    joblib.dump(est, tmp_path / "a" / "other.joblib")  # a .joblib is preferred over a .pkl
    assert load_model(ModelSpec("iris", "SKLEARN", str(tmp_path / "a"))).source.name == "other.joblib"  # type: ignore[attr-defined]
    joblib.dump(est, tmp_path / "a" / "third.joblib")
    with pytest.raises(ModelLoadError, match=r"several model files \(other.joblib, third.joblib\)"):
        load_model(ModelSpec("iris", "SKLEARN", str(tmp_path / "a")))


def test_load_errors_say_why(tmp_path: Path) -> None:
    for code in ("TRITON", "SAPEON"):
        with pytest.raises(ModelLoadError, match=f"^{code} models cannot be served by EasyMaker Local$"):
            load_model(ModelSpec("m", code, str(tmp_path)))
    with pytest.raises(ModelLoadError, match="unknown model format 'ONNX'"):
        load_model(ModelSpec("m", "ONNX", str(tmp_path)))
    with pytest.raises(ModelLoadError, match="has no model directory"):
        load_model(ModelSpec("m", "SKLEARN", str(tmp_path / "missing")))
    (tmp_path / "junk.joblib").write_bytes(b"not a pickle")
    with pytest.raises(ModelLoadError, match="model file junk.joblib cannot be loaded"):
        load_model(ModelSpec("m", "SKLEARN", str(tmp_path)))
    with pytest.raises(ModelLoadError, match="HUGGING_FACE model 'gpt2' is given only by hub id"):
        load_model(ModelSpec("m", "HUGGING_FACE", str(tmp_path / "none"), {"model_id": "gpt2"}))


def test_missing_framework_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("torch", "tensorflow", "transformers") else real(name, *a),
    )
    with pytest.raises(ModelLoadError, match=r"^PYTORCH model needs torch, which is not installed: pip install torch$"):
        load_model(ModelSpec("m", "PYTORCH", str(tmp_path)))
    with pytest.raises(ModelLoadError, match=r"^TENSORFLOW model needs tensorflow, which is not installed"):
        load_model(ModelSpec("m", "TENSORFLOW", str(tmp_path)))
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelLoadError, match=r"^HUGGING_FACE model needs transformers, which is not installed"):
        load_model(ModelSpec("m", "HUGGING_FACE", str(tmp_path)))


def test_v2_infer_and_errors(tmp_path: Path, iris: tuple[Any, Any]) -> None:
    x, y = iris
    est = LogisticRegression(max_iter=1000).fit(x, y)
    joblib.dump(est, tmp_path / "model.joblib")
    repo = ModelRepository({"iris": load_model(ModelSpec("iris", "SKLEARN", str(tmp_path)))})
    body = {"id": "r1", "inputs": [{"name": "x", "shape": [2, 4], "datatype": "FP64", "data": x[:2].tolist()}]}
    status, out = repo.handle("POST", "/v2/models/iris/versions/1/infer", json.dumps(body).encode())
    assert status == 200 and out["id"] == "r1"
    assert out["outputs"] == [
        {"name": "predict", "shape": [2], "datatype": "INT64", "data": est.predict(x[:2]).tolist()}
    ]
    assert repo.handle("GET", "/v2/models/iris/infer", b"")[0] == 405
    assert repo.handle("GET", "/v1/models/iris/predict", b"")[0] == 405
    assert repo.handle("POST", "/v1/models/iris/explain", b"{}")[0] == 501
    assert repo.handle("GET", "/v3/whatever", b"")[0] == 404
    assert repo.handle("POST", "/v1/models/iris/predict", b"[1, 2]") == (
        400,
        {"error": "request body must be a JSON object"},
    )
    assert repo.handle("POST", "/v1/models/iris/predict", b'{"instances": []}') == (200, {"predictions": []})


HANDLER_WITH_INIT_PY = """
import os
import torch
from model import Net

class IrisHandler:
    def initialize(self, context):
        props = context.system_properties
        path = os.path.join(props["model_dir"], context.manifest["model"]["serializedFile"])
        self.model = Net()
        self.model.load_state_dict(torch.load(path, weights_only=True))
        self.model.eval()

    def preprocess(self, data):
        return torch.tensor(data, dtype=torch.float32)

    def inference(self, data):
        return torch.softmax(self.model(data), dim=1)

    def postprocess(self, output):
        return output.tolist()
"""


@needs_torch
def test_pytorch_torchscript_and_no_archive_layouts(tmp_path: Path, iris: tuple[Any, Any]) -> None:
    import torch

    x, _ = iris
    torch.manual_seed(0)
    ns: dict[str, Any] = {}
    exec(TORCH_MODEL_PY, ns)
    net = ns["Net"]().eval()
    xt = torch.tensor(x[:6], dtype=torch.float32)
    with torch.no_grad():
        logits = net(xt)

    ts_dir = tmp_path / "ts"
    ts_dir.mkdir()
    torch.jit.save(torch.jit.trace(net, xt), str(ts_dir / "model.pt"))
    status, body = predict(load_model(ModelSpec("ts", "PYTORCH", str(ts_dir))), x[:6].tolist())
    assert status == 200
    np.testing.assert_allclose(body["predictions"], logits.numpy(), rtol=1e-5)
    assert predict(load_model(ModelSpec("ts", "PYTORCH", str(ts_dir))), [[1.0, 2.0]])[0] == 400

    for variant, handler in (("plain", HANDLER_PY), ("init", HANDLER_WITH_INIT_PY)):
        d = tmp_path / variant
        d.mkdir()
        (d / "model.py").write_text(textwrap.dedent(TORCH_MODEL_PY))
        (d / "handler.py").write_text(textwrap.dedent(handler))
        torch.save(net.state_dict(), d / "weights.pth")
        status, body = predict(load_model(ModelSpec(variant, "PYTORCH", str(d))), x[:6].tolist())
        assert status == 200, body
        if variant == "plain":
            assert body["predictions"] == logits.argmax(dim=1).tolist()
        else:
            np.testing.assert_allclose(body["predictions"], torch.softmax(logits, dim=1).numpy(), rtol=1e-5)


@needs_torch
def test_pytorch_errors(tmp_path: Path) -> None:
    import torch

    with pytest.raises(ModelLoadError, match="has no model file"):
        load_model(ModelSpec("m", "PYTORCH", str(tmp_path)))
    torch.save({"w": torch.zeros(2)}, tmp_path / "weights.pt")
    with pytest.raises(ModelLoadError, match="model file is not TorchScript"):
        load_model(ModelSpec("m", "PYTORCH", str(tmp_path)))
    (tmp_path / "model.mar").write_bytes(b"PK")
    (tmp_path / "weights.pt").unlink()
    with pytest.raises(ModelLoadError, match=r"\.mar archives cannot be served by EasyMaker Local"):
        load_model(ModelSpec("m", "PYTORCH", str(tmp_path)))


def test_models_without_a_format_code_are_recognised_by_their_files(tmp_path: Path) -> None:
    from folder_uris import FolderUris
    from serving_support import iris_model, make_ctx, model_resource

    from easymaker.local.serving.artifacts import prepare_model
    from easymaker.local.serving.loaders import detect_format_code

    layouts = {
        "TENSORFLOW": ["saved_model.pb", "variables/variables.index"],
        "HUGGING_FACE": ["config.json", "model.safetensors"],
        "PYTORCH": ["model.py", "handler.py", "weights.bin"],
        "SKLEARN": ["nested/model.joblib"],
    }
    for code, files in layouts.items():
        d = tmp_path / code
        for name in files:
            (d / name).parent.mkdir(parents=True, exist_ok=True)
            (d / name).write_bytes(b"x")
        assert detect_format_code(d) == code
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "README.txt").write_text("no model here")
    assert detect_format_code(tmp_path / "none") is None

    # a model created from a training (no format code) is served by what its files are
    iris_model(tmp_path, "models/from-training")
    model = model_resource("m-1", "iris", "models/from-training")
    del model["modelFormatCode"]
    ctx, _ = make_ctx(tmp_path, "endpoint_stage", {}, {"m-1": model}, "endpointStageStatusCode")
    spec = prepare_model(ctx, model, tmp_path / "work" / "iris")
    assert spec.format_code == "SKLEARN"

    empty = model_resource("m-2", "empty", "models/empty")
    del empty["modelFormatCode"]
    FolderUris(tmp_path / "store").path(empty["modelUploadUri"]).mkdir(parents=True)
    (FolderUris(tmp_path / "store").path(empty["modelUploadUri"]) / "notes.txt").write_text("x")
    with pytest.raises(ModelLoadError, match="match no known format"):
        prepare_model(ctx, empty, tmp_path / "work" / "empty")


def test_keras_file_needs_keras_and_a_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A TENSORFLOW model given as a Keras 3 file, with neither tensorflow nor torch: the reason names torch."""
    (tmp_path / "model.keras").write_bytes(b"PK")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("torch", "tensorflow") else real(name, *a),
    )
    if real("keras") is None:
        with pytest.raises(ModelLoadError, match=r"^TENSORFLOW \(\.keras\) model needs keras"):
            load_model(ModelSpec("m", "TENSORFLOW", str(tmp_path)))
    else:
        with pytest.raises(ModelLoadError, match=r"without tensorflow model needs torch.*keras runs on its torch"):
            load_model(ModelSpec("m", "TENSORFLOW", str(tmp_path)))


@pytest.mark.skipif(
    importlib.util.find_spec("keras") is None or importlib.util.find_spec("torch") is None,
    reason="serving a .keras file here needs keras and torch",
)
def test_keras_file_is_served(tmp_path: Path, iris: tuple[Any, Any]) -> None:
    """EasyMaker Local's sample classifier: a Keras softmax layer with a logistic regression's weights answers the
    regression's probabilities (written in a child process: keras fixes its backend at import)."""
    x, y = iris
    est = LogisticRegression(max_iter=1000).fit(x, y)
    np.save(tmp_path / "w.npy", est.coef_.T.astype("float32"))
    np.save(tmp_path / "b.npy", est.intercept_.astype("float32"))
    script = (
        "import os, sys, numpy as np; os.environ.setdefault('KERAS_BACKEND', 'torch'); import keras; d = sys.argv[1]\n"
        "m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation='softmax')])\n"
        "m.layers[0].set_weights([np.load(d + '/w.npy'), np.load(d + '/b.npy')]); m.save(d + '/model/iris.keras')\n"
    )
    (tmp_path / "model").mkdir()
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, timeout=300)
    code = (
        "import json, sys; from easymaker.local.serving.loaders import ModelSpec, load_model\n"
        "m = load_model(ModelSpec('iris', 'TENSORFLOW', sys.argv[1])); print(m.platform, json.dumps(m.predict(json.loads(sys.argv[2]))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "model"), json.dumps(x[:3].tolist())],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout.split(" ", 1)
    assert out[0] == "keras"
    assert np.allclose(json.loads(out[1]), est.predict_proba(x[:3]), atol=1e-4)
