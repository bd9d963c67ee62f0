"""Model evaluation end to end: metrics equal scikit-learn's computed here on the same data."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from serving_support import OBS, iris_model, make_ctx, model_resource, obs_dir, regression_model
from sklearn.datasets import load_iris
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    mean_squared_log_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)
from sklearn.svm import LinearSVC

from easymaker.local.runners.evaluation import ModelEvaluationRunner

NAMES = ["setosa", "versicolor", "virginica"]


def me_resource(**over: Any) -> dict[str, Any]:
    res = {
        "modelEvaluationId": "me-1",
        "modelEvaluationName": "eval",
        "modelEvaluationStatusCode": "CREATE_REQUESTED",
        "modelId": "m1",
        "objectiveCode": "CLASSIFICATION",
        "classNames": ",".join(NAMES),
        "inputDataUri": f"{OBS}/eval/",
        "inputDataTypeCode": "CSV",
        "targetFieldName": "label",
        "timeoutMinutes": 10,
        "batchInference": {
            "flavorId": "f1",
            "instanceCount": 1,
            "podCount": 1,
            "outputUploadUri": f"{OBS}/eval-out/",
            "maxBatchSize": 16,
            "inferenceTimeoutSeconds": 60,
        },
    }
    res.update(over)
    return res


def run_me(tmp: Path, resource: dict[str, Any], models: dict[str, Any], on_status: Any = None) -> Any:
    ctx, rec = make_ctx(tmp, "model_evaluation", resource, models, "modelEvaluationStatusCode")
    if on_status is not None:
        rec.on_status = lambda s: on_status(ctx, s)
    ModelEvaluationRunner().run(ctx)
    return rec


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def expected_classification(y: np.ndarray, scores: np.ndarray) -> dict[str, Any]:
    k = scores.shape[1]
    onehot = np.eye(k, dtype=int)[y]
    out: dict[str, Any] = {
        "auRoc": roc_auc_score(onehot.ravel(), scores.ravel()),
        "auPrc": average_precision_score(onehot.ravel(), scores.ravel()),
        "logLoss": log_loss(y, scores, labels=list(range(k))),
        "grid": {},
    }
    for t in [round(i * 0.05, 2) for i in range(21)]:
        pred = (scores >= t).astype(int)
        fp = int(((pred == 1) & (onehot == 0)).sum())
        tn = int(((pred == 0) & (onehot == 0)).sum())
        keep = scores.max(axis=1) >= t
        out["grid"][t] = {
            "precision": precision_score(onehot, pred, average="micro", zero_division=0),
            "recall": recall_score(onehot, pred, average="micro", zero_division=0),
            "f1Score": f1_score(onehot, pred, average="micro", zero_division=0),
            "f1ScoreMacro": f1_score(onehot, pred, average="macro", zero_division=0),
            "falsePositiveRate": fp / (fp + tn),
            "rows": confusion_matrix(y[keep], scores.argmax(axis=1)[keep], labels=list(range(k))).tolist()
            if keep.any()
            else [[0] * k for _ in range(k)],
        }
    return out


def check_classification(metrics: dict[str, Any], y: np.ndarray, scores: np.ndarray) -> None:
    exp = expected_classification(y, scores)
    assert metrics["auRoc"] == pytest.approx(exp["auRoc"])
    assert metrics["auPrc"] == pytest.approx(exp["auPrc"])
    assert metrics["logLoss"] == pytest.approx(exp["logLoss"])
    grid = metrics["confidenceMetrics"]
    assert [c["confidenceThreshold"] for c in grid] == list(exp["grid"])
    for cm in grid:
        e = exp["grid"][cm["confidenceThreshold"]]
        for key in ("precision", "recall", "f1Score", "f1ScoreMacro", "falsePositiveRate"):
            assert cm[key] == pytest.approx(e[key]), (cm["confidenceThreshold"], key)
        assert cm["confusionMatrix"]["rows"] == e["rows"]
        assert cm["confusionMatrix"]["annotationSpecs"] == [
            {"id": str(i), "displayName": n} for i, n in enumerate(NAMES)
        ]


def test_classification_csv_with_probabilities(tmp_path: Path) -> None:
    model, x, y = iris_model(tmp_path)
    # the target column sits in the middle: features are the other columns in file order
    rows = [[*r[:2], int(t), *r[2:]] for r, t in zip(x.tolist(), y.tolist(), strict=True)]
    write_csv(obs_dir(tmp_path, "eval") / "part1.csv", ["a", "b", "label", "c", "d"], rows[:100])
    write_csv(obs_dir(tmp_path, "eval") / "part2.csv", ["a", "b", "label", "c", "d"], rows[100:])
    res = me_resource()
    res["batchInference"]["podCount"] = 2
    rec = run_me(tmp_path, res, {"m1": model_resource("m1", "iris", "models/iris")})
    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "COMPLETE_IN_PROGRESS", "COMPLETE"], rec.statuses
    res = rec.resource
    assert res["metricsScoreSource"] == "probabilities"
    check_classification(res["metrics"], y, model.predict_proba(x))
    bi = res["batchInference"]
    assert bi["batchInferenceId"] and bi["batchInferenceName"] and bi["batchInferenceStatusCode"] == "COMPLETE"
    assert bi["inputDataCount"] == 150 and bi["success2XxCount"] == 150 and bi["inputFileCount"] == 2
    out = obs_dir(tmp_path, "eval-out")
    lines = [json.loads(s) for s in (out / "part1.csv.out.jsonl").read_text().splitlines()]
    assert [ln["prediction"] for ln in lines] == model.predict(x[:100]).tolist()


def test_classification_jsonl_string_labels_without_probabilities(tmp_path: Path) -> None:
    x, y = load_iris(return_X_y=True)
    labels = np.array(NAMES)[y]
    model = LinearSVC(random_state=0, max_iter=5000).fit(x, labels)  # no predict_proba: one-hot scores
    d = obs_dir(tmp_path, "models/svc")
    d.mkdir(parents=True)
    joblib.dump(model, d / "model.joblib")
    lines = [
        json.dumps({"species": lab, "features": row}) for row, lab in zip(x.tolist(), labels.tolist(), strict=True)
    ]
    (obs_dir(tmp_path, "eval")).mkdir(parents=True)
    (obs_dir(tmp_path, "eval") / "data.jsonl").write_text("\n".join(lines) + "\n")
    res = me_resource(inputDataTypeCode="JSONL", targetFieldName="species")
    rec = run_me(tmp_path, res, {"m1": model_resource("m1", "svc", "models/svc")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    assert rec.resource["metricsScoreSource"] == "one-hot predicted labels"
    pred_idx = np.array([NAMES.index(p) for p in model.predict(x)])
    check_classification(rec.resource["metrics"], y, np.eye(3)[pred_idx])


def test_regression_metrics(tmp_path: Path) -> None:
    model, x, y = regression_model(tmp_path)
    objs = [{"f0": r[0], "f1": r[1], "target": t, "f2": r[2]} for r, t in zip(x.tolist(), y.tolist(), strict=True)]
    obs_dir(tmp_path, "eval").mkdir(parents=True)
    (obs_dir(tmp_path, "eval") / "d.jsonl").write_text("".join(json.dumps(o) + "\n" for o in objs))
    res = me_resource(objectiveCode="REGRESSION", classNames=None, inputDataTypeCode="JSONL", targetFieldName="target")
    rec = run_me(tmp_path, res, {"m1": model_resource("m1", "reg", "models/reg")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    m = rec.resource["metrics"]
    pred = model.predict(x)
    assert m["rootMeanSquaredError"] == pytest.approx(math.sqrt(mean_squared_error(y, pred)))
    assert m["meanAbsoluteError"] == pytest.approx(mean_absolute_error(y, pred))
    assert m["meanAbsolutePercentageError"] == pytest.approx(mean_absolute_percentage_error(y, pred))
    assert m["rsquared"] == pytest.approx(r2_score(y, pred))
    assert (y < 0).any() and m["rootMeanSquaredLogError"] is None  # negative values: undefined


def test_regression_rmsle_on_positive_values(tmp_path: Path) -> None:
    model, x, y = regression_model(tmp_path)
    keep = (y > 0) & (model.predict(x) > 0)
    rows = [[*r, t] for r, t in zip(x[keep].tolist(), y[keep].tolist(), strict=True)]
    write_csv(obs_dir(tmp_path, "eval") / "d.csv", ["f0", "f1", "f2", "y"], rows)
    res = me_resource(objectiveCode="REGRESSION", classNames=None, targetFieldName="y")
    rec = run_me(tmp_path, res, {"m1": model_resource("m1", "reg", "models/reg")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    pred = model.predict(x[keep])
    assert rec.resource["metrics"]["rootMeanSquaredLogError"] == pytest.approx(
        math.sqrt(mean_squared_log_error(y[keep], pred))
    )


def test_missing_target_column_fails_with_reason(tmp_path: Path) -> None:
    _, x, y = iris_model(tmp_path)
    write_csv(
        obs_dir(tmp_path, "eval") / "d.csv", ["a", "b", "c", "d", "y"], [[*r, t] for r, t in zip(x, y, strict=True)]
    )
    rec = run_me(tmp_path, me_resource(), {"m1": model_resource("m1", "iris", "models/iris")})
    assert rec.codes == ["CREATE_IN_PROGRESS", "FAIL_MODEL_EVALUATION_IN_PROGRESS", "FAIL_MODEL_EVALUATION"]
    assert "targetFieldName 'label' is not a column of d.csv" in rec.last_reason


def test_label_outside_class_names_fails(tmp_path: Path) -> None:
    _, x, y = iris_model(tmp_path)
    write_csv(obs_dir(tmp_path, "eval") / "d.csv", ["a", "b", "c", "d", "label"], [[*x[0], "tulip"]])
    rec = run_me(tmp_path, me_resource(), {"m1": model_resource("m1", "iris", "models/iris")})
    assert rec.codes[-1] == "FAIL_MODEL_EVALUATION"
    assert "target value (row 1) 'tulip' is neither one of the class names" in rec.last_reason


def test_stop(tmp_path: Path) -> None:
    _, x, y = iris_model(tmp_path)
    write_csv(
        obs_dir(tmp_path, "eval") / "d.csv", ["a", "b", "c", "d", "label"], [[*r, t] for r, t in zip(x, y, strict=True)]
    )

    def stop_when_running(ctx: Any, status: str) -> None:
        if status == "RUNNING":
            ctx.stop_event.set()

    rec = run_me(tmp_path, me_resource(), {"m1": model_resource("m1", "iris", "models/iris")}, stop_when_running)
    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "STOP_IN_PROGRESS", "STOPPED"]
    assert rec.resource["batchInference"]["batchInferenceStatusCode"] == "STOPPED"
    assert "metrics" not in rec.resource
