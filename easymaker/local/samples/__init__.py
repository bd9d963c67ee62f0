"""Sample sources, datasets and models of EasyMaker Local, at the ``obs://`` paths of the SDK's samples.

The sample notebooks (``easymaker.sample``) read NHN Cloud's public sample account. ``easymaker-local samples``
(or `seed`) writes files of EasyMaker Local's own at the same paths of its object store, for the region's sample
account and the public-sector one, so that those notebooks run against EasyMaker Local unchanged:

* ``iris-dataset/{train,test,model_evaluation}/``: iris measurements with the ``species`` label (CSV);
* ``iris-pytorch/train_202403201459.py``: a PyTorch softmax classifier (torchrun-ready);
* ``iris-tensorflow/{train.py,train_20230906.0948.py}``: a NumPy softmax classifier printing Keras-style metrics;
* ``iris-tensorflow-model/model.keras``: a Keras iris classifier (format TENSORFLOW; needs ``keras`` and ``torch``
  to be written and served);
* ``iris-inference/case_4_1000_json/`` (4 JSON files, 1000 rows) and ``case_1_500_jsonl/`` (500 JSON lines);
* ``tabular-regression/data/`` (wine-quality-like CSV, label ``quality``) and ``tabular-regression/model/model.pt``
  (a TorchScript linear regression, format PYTORCH; needs ``torch``);
* ``llm_fine_tuning/train_dataset/train.jsonl``: a few chat-template examples.

What a missing framework prevents is skipped and reported, never faked.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from easymaker.sample._data import GOV_SAMPLE_TENANT, SAMPLE_CONTAINER, SAMPLE_TENANT

logger = logging.getLogger("easymaker.local")

HERE = Path(__file__).resolve().parent
TENANTS = (SAMPLE_TENANT, GOV_SAMPLE_TENANT)
IRIS_COLUMNS = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
WINE_COLUMNS = [
    "fixed_acidity",
    "volatile_acidity",
    "citric_acid",
    "residual_sugar",
    "chlorides",
    "free_sulfur_dioxide",
    "total_sulfur_dioxide",
    "density",
    "ph",
    "sulphates",
    "alcohol",
]
MARKER = ".easymaker-local-samples"  # written last: a home that has it is complete


@dataclass
class SeedReport:
    written: list[str] = field(default_factory=list)  # object names (per tenant)
    skipped: list[str] = field(default_factory=list)  # "name: reason"


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _iris() -> tuple[list[list[float]], list[str]]:
    from sklearn.datasets import load_iris

    data = load_iris()
    names = [str(n) for n in data.target_names]
    return [[round(float(v), 1) for v in row] for row in data.data], [names[int(t)] for t in data.target]


def _wine(n: int = 400) -> tuple[list[list[float]], list[float]]:
    import numpy as np

    rng = np.random.default_rng(7)
    means = np.array([8.3, 0.53, 0.27, 2.5, 0.087, 15.9, 46.5, 0.9967, 3.31, 0.66, 10.4])
    spread = np.array([1.7, 0.18, 0.19, 1.4, 0.047, 10.5, 32.9, 0.0019, 0.15, 0.17, 1.07])
    x = means + spread * rng.standard_normal((n, len(means)))
    weights = np.array([0.02, -1.1, -0.2, 0.01, -1.8, 0.004, -0.003, -17.0, -0.4, 0.9, 0.29])
    quality = np.clip(np.round(5.6 + (x - means) @ weights + 0.3 * rng.standard_normal(n)), 3, 8)
    return [[round(float(v), 4) for v in row] for row in x], [float(q) for q in quality]


def data_objects() -> Iterator[tuple[str, bytes]]:
    """The files every install can write: datasets, inference inputs and training sources."""
    rows, species = _iris()
    labelled = [[*r, s] for r, s in zip(rows, species, strict=True)]
    header = [*IRIS_COLUMNS, "species"]
    yield "iris-dataset/train/iris_train.csv", _csv(header, [r for i, r in enumerate(labelled) if i % 5])
    yield "iris-dataset/test/iris_test.csv", _csv(header, labelled[::5])
    yield "iris-dataset/model_evaluation/iris_evaluation.csv", _csv(header, labelled)
    inputs = [rows[i % len(rows)] for i in range(1000)]
    for part in range(4):
        body = json.dumps({"instances": inputs[part * 250 : (part + 1) * 250]})
        yield f"iris-inference/case_4_1000_json/iris_{part}.json", body.encode()
    yield "iris-inference/case_1_500_jsonl/iris.jsonl", "".join(json.dumps(r) + "\n" for r in inputs[:500]).encode()
    wine, quality = _wine()
    yield (
        "tabular-regression/data/wine_quality.csv",
        _csv([*WINE_COLUMNS, "quality"], [[*r, q] for r, q in zip(wine, quality, strict=True)]),
    )
    pytorch_source = (HERE / "iris_pytorch_train.py").read_bytes()
    keras_source = (HERE / "iris_keras_train.py").read_bytes()
    yield "iris-pytorch/train_202403201459.py", pytorch_source
    yield "iris-tensorflow/train_20230906.0948.py", keras_source
    yield "iris-tensorflow/train.py", keras_source
    chats = [
        ("What does EasyMaker Local run?", "Trainings, tunings, endpoints, batch inferences and pipelines."),
        ("Where are the models stored?", "In the object store of EasyMaker Local, under obs:// paths."),
        ("How do I list instance types?", "Run python -m easymaker -instance."),
    ]
    lines = [
        json.dumps({"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]}) + "\n"
        for q, a in chats
    ]
    yield "llm_fine_tuning/train_dataset/train.jsonl", "".join(lines).encode()


_MODELS_SCRIPT = r"""
import json, os, sys
from pathlib import Path
out = Path(sys.argv[1])
data = json.loads(Path(sys.argv[2]).read_text())
done = {}
try:
    import numpy as np
    import torch
    x = torch.tensor(data["wine_x"], dtype=torch.float32)
    y = torch.tensor(data["wine_y"], dtype=torch.float32)
    ones = torch.cat([x, torch.ones(len(x), 1)], dim=1)
    solution = torch.linalg.lstsq(ones, y.unsqueeze(1)).solution.squeeze(1)

    class WineQuality(torch.nn.Module):
        def __init__(self, weight: torch.Tensor, bias: torch.Tensor) -> None:
            super().__init__()
            self.linear = torch.nn.Linear(weight.numel(), 1)
            with torch.no_grad():
                self.linear.weight.copy_(weight.unsqueeze(0))
                self.linear.bias.copy_(bias.reshape(1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.linear(x).squeeze(-1)

    (out / "regression").mkdir(parents=True, exist_ok=True)
    torch.jit.save(torch.jit.script(WineQuality(solution[:-1], solution[-1])), str(out / "regression" / "model.pt"))
    done["regression"] = "ok"
except ImportError as exc:
    done["regression"] = f"needs torch ({exc})"
try:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    import keras
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(max_iter=2000).fit(data["iris_x"], data["iris_y"])
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    model.layers[0].set_weights([clf.coef_.T.astype("float32"), clf.intercept_.astype("float32")])
    (out / "classification").mkdir(parents=True, exist_ok=True)
    model.save(str(out / "classification" / "model.keras"))
    done["classification"] = "ok"
except ImportError as exc:
    done["classification"] = f"needs keras and torch ({exc})"
print(json.dumps(done))  # noqa: T201 (this script's answer to the process that runs it)
"""


def model_objects(report: SeedReport) -> Iterator[tuple[str, bytes]]:
    """The sample models, written in a child process (keras picks its backend at import)."""
    rows, species = _iris()
    wine, quality = _wine()
    with tempfile.TemporaryDirectory(prefix="em-samples-") as tmp:
        inputs = Path(tmp) / "inputs.json"
        inputs.write_text(json.dumps({"iris_x": rows, "iris_y": species, "wine_x": wine, "wine_y": quality}))
        script = Path(tmp) / "make_models.py"  # a file: torch.jit.script reads the module's source
        script.write_text(_MODELS_SCRIPT)
        env = {**os.environ, "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "torch")}
        proc = subprocess.run(
            [sys.executable, str(script), tmp, str(inputs)],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        if proc.returncode != 0:
            report.skipped.append(f"sample models: {proc.stderr.strip().splitlines()[-1:]}")
            return
        status = json.loads(proc.stdout.strip().splitlines()[-1])
        targets = {
            "classification": ("iris-tensorflow-model", "model.keras"),
            "regression": ("tabular-regression/model", "model.pt"),
        }
        for key, (folder, file_name) in targets.items():
            if status.get(key) == "ok":
                yield f"{folder}/{file_name}", (Path(tmp) / key / file_name).read_bytes()
            else:
                report.skipped.append(f"{folder}: {status.get(key)}")


def seed(objects_root: Path, *, force: bool = False) -> SeedReport:
    """Write the samples into the object store at ``objects_root`` (``<home>/objects``) for both sample accounts.
    A store that has them already is left alone unless ``force``."""
    from easymaker.local.swift import ObjectStore

    store = ObjectStore(objects_root)
    report = SeedReport()
    try:
        if not force and all(store.head_object(t, SAMPLE_CONTAINER, MARKER) is not None for t in TENANTS):
            return report
        files = [*data_objects(), *model_objects(report)]
        for tenant in TENANTS:
            store.create_container(tenant, SAMPLE_CONTAINER)
            for name, body in files:
                store.put_object(tenant, SAMPLE_CONTAINER, name, body)
            store.put_object(tenant, SAMPLE_CONTAINER, MARKER, json.dumps({"skipped": report.skipped}).encode())
        report.written = [name for name, _ in files]
        for line in report.skipped:
            logger.warning("sample not written: %s", line)
        return report
    finally:
        store.close()
