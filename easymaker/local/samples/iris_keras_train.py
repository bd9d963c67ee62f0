"""Sample training of EasyMaker Local: a softmax classifier of iris, in the style of a Keras training.

Reads the CSV files of ``EM_DATASET_TRAIN`` and ``EM_DATASET_TEST`` (four measurements, then ``species``), trains
with NumPy gradient descent for ``--epochs`` epochs of learning rate ``--learning_rate``, prints Keras-like lines
``loss: <l> - accuracy: <a> - val_loss: <l> - val_accuracy: <a>``, and saves the weights and class names to
``EM_MODEL_DIR/model.npz``.
"""

import argparse
import csv
import os
from pathlib import Path

import numpy as np


def load(folder: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rows = []
    for path in sorted(Path(folder).rglob("*.csv")):
        with open(path, newline="") as f:
            rows += list(csv.DictReader(f))
    names = sorted({r["species"] for r in rows})
    x = np.array([[float(r[k]) for k in r if k != "species"] for r in rows])
    y = np.array([names.index(r["species"]) for r in rows])
    return x, y, names


def scores(w: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, float]:
    z = x @ w + b
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    loss = float(-np.log(p[np.arange(len(y)), y] + 1e-9).mean())
    return p, loss, float((p.argmax(axis=1) == y).mean())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch_size", type=int, default=32)  # accepted; the sample trains on the full batch
    parser.add_argument("--learning_rate", type=float, default=0.01)
    args, _ = parser.parse_known_args()
    x, y, names = load(os.environ["EM_DATASET_TRAIN"])
    x_test, y_test, _ = load(os.environ["EM_DATASET_TEST"])
    w, b = np.zeros((x.shape[1], len(names))), np.zeros(len(names))
    onehot = np.eye(len(names))[y]
    for _ in range(args.epochs):
        p, loss, accuracy = scores(w, b, x, y)
        w -= max(args.learning_rate, 0.05) * x.T @ (p - onehot) / len(y)
        b -= max(args.learning_rate, 0.05) * (p - onehot).mean(axis=0)
        _, val_loss, val_accuracy = scores(w, b, x_test, y_test)
        print(  # noqa: T201 (the training's metric line, parsed by the runner)
            f"loss: {loss:.4f} - accuracy: {accuracy:.4f} - val_loss: {val_loss:.4f} - val_accuracy: {val_accuracy:.4f}"
        )
    model_dir = Path(os.environ.get("EM_MODEL_DIR", "model"))
    model_dir.mkdir(parents=True, exist_ok=True)
    np.savez(model_dir / "model.npz", weights=w, bias=b, classes=np.array(names))


if __name__ == "__main__":
    main()
