"""Run tables and evaluation comparisons without a server: ordering by a metric, missing values last, the
DataFrame and list forms, and evaluations of one objective side by side (the SDK's classes over stored records)."""

from __future__ import annotations

from typing import Any

import pandas
import pytest

import easymaker
from easymaker.resources.compare import evaluation_rows, sort_rows, table

ROWS: list[dict[str, Any]] = [
    {"run_id": "a", "status": "COMPLETE", "val_loss": 0.3, "hp.lr": "0.3"},
    {"run_id": "b", "status": "FAIL_TRAIN"},
    {"run_id": "c", "status": "COMPLETE", "val_loss": 0.1, "hp.lr": "0.1", "accuracy": 0.9},
    {"run_id": "d", "status": "COMPLETE", "val_loss": 0.2, "hp.lr": "0.2"},
]


def test_rows_sort_by_a_metric_with_missing_values_last() -> None:
    assert [r["run_id"] for r in sort_rows(list(ROWS), "val_loss")] == ["c", "d", "a", "b"]
    assert [r["run_id"] for r in sort_rows(list(ROWS), "val_loss", ascending=False)] == ["a", "d", "c", "b"]
    assert [r["run_id"] for r in sort_rows(list(ROWS), None)] == ["a", "b", "c", "d"]
    with pytest.raises(KeyError, match="no run has a column 'nope'.*val_loss"):
        sort_rows(list(ROWS), "nope")


def test_a_table_is_a_dataframe_or_a_list_with_every_column() -> None:
    frame = table(sort_rows(list(ROWS), "val_loss"), ("run_id", "status"), None)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["run_id", "status", "accuracy", "val_loss", "hp.lr"]
    assert list(frame["run_id"]) == ["c", "d", "a", "b"]
    rows = table(ROWS, ("run_id", "status"), False)
    assert rows[1] == {"run_id": "b", "status": "FAIL_TRAIN", "accuracy": None, "val_loss": None, "hp.lr": None}


def test_evaluations_of_one_objective_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    stored = [
        {
            "modelEvaluationId": "e1",
            "modelEvaluationName": "first",
            "model": {"modelId": "m1", "modelName": "one"},
            "objectiveCode": "CLASSIFICATION",
            "modelEvaluationStatusCode": "COMPLETE",
            "metrics": {"auRoc": 0.8, "logLoss": 0.5, "confidenceMetrics": []},
        },
        {
            "modelEvaluationId": "e2",
            "modelEvaluationName": "second",
            "modelId": "m2",
            "objectiveCode": "CLASSIFICATION",
            "modelEvaluationStatusCode": "COMPLETE",
            "metrics": {"auRoc": 0.95, "logLoss": 0.2},
        },
        {
            "modelEvaluationId": "e3",
            "objectiveCode": "REGRESSION",
            "modelEvaluationStatusCode": "COMPLETE",
            "metrics": {"rootMeanSquaredError": 1.5},
        },
    ]
    evaluations = [easymaker.ModelEvaluation(doc) for doc in stored]
    monkeypatch.setattr(easymaker.ModelEvaluation, "get_list", classmethod(lambda cls, **_: evaluations))
    rows = easymaker.ModelEvaluation.get_comparison_table(
        "CLASSIFICATION", sort_by="auRoc", ascending=False, as_dataframe=False
    )
    assert [(r["model_evaluation_id"], r["model_id"], r["auRoc"], r["logLoss"]) for r in rows] == [
        ("e2", "m2", 0.95, 0.2),
        ("e1", "m1", 0.8, 0.5),
    ]
    assert "rootMeanSquaredError" not in rows[0]
    assert evaluation_rows(evaluations[2:])[0]["rootMeanSquaredError"] == 1.5
