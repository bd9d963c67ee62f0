"""Train a logistic-regression classifier on iris, following the EasyMaker training contract.

Hyperparameters arrive as ``--key value`` arguments (unknown ones are ignored). When a dataset named ``train``
is attached, its CSV (features in the first columns, the label in the last) is used; otherwise scikit-learn's
bundled iris data. The model is saved as ``model.joblib`` in ``EM_MODEL_DIR``; metrics are printed as
``name=value`` lines, the form the default tuning metric regex collects.
"""

import argparse
import csv
import os
from pathlib import Path

import joblib
import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split


def load_data() -> tuple[np.ndarray, np.ndarray]:
    train_dir = os.environ.get("EM_DATASET_TRAIN")
    if train_dir:
        files = sorted(Path(train_dir).rglob("*.csv"))
        if files:
            rows = []
            for f in files:
                with open(f, newline="") as fh:
                    for row in csv.reader(fh):
                        try:
                            rows.append([float(v) for v in row[:-1]] + [row[-1]])
                        except ValueError:  # a header line
                            continue
            x = np.array([r[:-1] for r in rows], dtype=float)
            y = np.array([r[-1] for r in rows])
            print(f"read {len(rows)} rows from {len(files)} CSV file(s) in EM_DATASET_TRAIN")
            return x, y
    data = load_iris()
    return data.data, data.target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--max_iter", type=int, default=200)
    parser.add_argument("--test_size", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    args, _unknown = parser.parse_known_args()

    x, y = load_data()
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=args.test_size, random_state=args.seed, stratify=y
    )
    model = LogisticRegression(C=args.C, max_iter=args.max_iter)
    model.fit(x_train, y_train)

    accuracy = float(model.score(x_test, y_test))
    loss = float(log_loss(y_test, model.predict_proba(x_test), labels=model.classes_))
    print(f"accuracy={accuracy:.4f}")
    print(f"loss={loss:.4f}")

    model_dir = Path(os.environ.get("EM_MODEL_DIR", "model"))
    model_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, model_dir / "model.joblib")
    print(f"saved {model_dir / 'model.joblib'}")


if __name__ == "__main__":
    main()
