"""Model evaluation runner (kind ``model_evaluation``).

Reads ``modelId``, ``objectiveCode`` (CLASSIFICATION | REGRESSION), ``classNames`` (comma-separated),
``inputDataUri`` + ``inputDataTypeCode`` (CSV | JSONL; the files ending in ``.csv`` / ``.jsonl`` under the URI),
``targetFieldName``, ``batchInference`` ``{podCount, maxBatchSize, inferenceTimeoutSeconds, outputUploadUri, ...}``
and ``timeoutMinutes``.

Features sent to the model, one instance per row:

* CSV (first line is the header): every column except the target, in file order; a value that parses as a number
  is sent as a number, any other as text.
* JSONL (one object per line): the value of ``features`` if the object has it, else of ``instances``, else the
  object's values in key order without the target.

The rows go through the batch inference machinery (:mod:`easymaker.local.serving.batching`), asking the model for
class probabilities (``"parameters": {"return_probabilities": true}``; scikit-learn classifiers with
``predict_proba`` answer them). Its output (``<relative path>.out.jsonl`` per input file) is published to
``batchInference.outputUploadUri`` and the ``batchInference`` object on the resource is filled in.

Metrics (``metrics``, wire names of the service), computed with scikit-learn:

* classification. Scores: the model's probabilities; else a prediction that is a list of one number per class
  (used as is when it is a probability vector, through softmax otherwise); else the one-hot vector of the predicted
  label (``metricsScoreSource`` on the resource says which). Labels are matched to ``classNames`` by name, or by
  index when they are integers; without ``classNames`` the classes are the sorted labels seen.
  ``auRoc`` / ``auPrc``: ROC AUC and average precision, micro-averaged (every (row, class) pair is one binary
  decision). ``logLoss``: multiclass log loss of the scores. ``confidenceMetrics``: for each threshold
  0.00, 0.05, ..., 1.00, a (row, class) pair is predicted positive when its score >= threshold; ``precision``,
  ``recall``, ``f1Score`` are micro-averaged over the pairs, ``f1ScoreMacro`` is the mean per-class F1,
  ``falsePositiveRate`` = FP / (FP + TN) over the pairs; ``confusionMatrix.rows[i][j]`` counts rows of true class
  i whose top-scoring class is j with a top score >= threshold, ``annotationSpecs`` = ``[{id: "<i>",
  displayName: <class name>}]``.
* regression: ``rootMeanSquaredError``, ``meanAbsoluteError``, ``meanAbsolutePercentageError`` (a fraction, as
  scikit-learn computes it), ``rsquared``, ``rootMeanSquaredLogError`` (``null`` when a true or predicted value is
  negative).

Statuses: CREATE_IN_PROGRESS -> RUNNING -> COMPLETE_IN_PROGRESS -> COMPLETE; on failure
FAIL_MODEL_EVALUATION_IN_PROGRESS -> FAIL_MODEL_EVALUATION with the reason; on ``ctx.stop_event``
STOP_IN_PROGRESS -> STOPPED.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from easymaker.local.runners.base import JobContext
from easymaker.local.runners.batch import (
    BatchInferenceRunner,
    JobFailed,
    fetch_input,
    int_field,
    str_field,
    write_outputs,
)
from easymaker.local.serving.artifacts import lookup_model, prepare_model
from easymaker.local.serving.batching import BatchStopped, BatchTimedOut, InputFile
from easymaker.local.serving.errors import ServingError
from easymaker.local.serving.inputs import InputDataError

logger = logging.getLogger("easymaker.local.evaluation")

THRESHOLDS = [round(i * 0.05, 2) for i in range(21)]
SCORE_PROBABILITIES = "probabilities"
SCORE_VECTOR = "prediction vector"
SCORE_ONE_HOT = "one-hot predicted labels"


# ------------------------------------------------------------------------------------------------------------
# reading rows


def _number_or_text(text: str) -> Any:
    try:
        value = float(text)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def read_csv_rows(path: Path, relative: str, target: str) -> tuple[list[Any], list[Any]]:
    with path.open("r", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            raise InputDataError(f"input file {relative} is empty")
        header = [h.strip() for h in header]
        if target not in header:
            raise InputDataError(f"targetFieldName {target!r} is not a column of {relative} (columns: {header})")
        t = header.index(target)
        features, targets = [], []
        for number, row in enumerate(reader, start=2):
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) != len(header):
                raise InputDataError(
                    f"input file {relative} line {number} has {len(row)} values, the header {len(header)}"
                )
            targets.append(row[t].strip())
            features.append([_number_or_text(v.strip()) for i, v in enumerate(row) if i != t])
    return features, targets


def read_jsonl_rows(path: Path, relative: str, target: str) -> tuple[list[Any], list[Any]]:
    features, targets = [], []
    with path.open("r", encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise InputDataError(f"input file {relative} line {number} is not valid JSON: {exc}") from exc
            if not isinstance(obj, dict):
                raise InputDataError(f"input file {relative} line {number} is not a JSON object")
            if target not in obj:
                raise InputDataError(f"input file {relative} line {number} has no targetFieldName {target!r}")
            targets.append(obj[target])
            if "features" in obj and target != "features":
                features.append(obj["features"])
            elif "instances" in obj and target != "instances":
                features.append(obj["instances"])
            else:
                features.append([v for k, v in obj.items() if k != target])
    return features, targets


# ------------------------------------------------------------------------------------------------------------
# labels and scores


def canonical_label(value: Any) -> str:
    """``1``, ``1.0``, ``"1"`` -> ``"1"``; other values -> their text."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else str(value)
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else text


class LabelSpace:
    """Maps labels (names or indexes) to class indexes 0..K-1 and back to display names."""

    def __init__(self, class_names: list[str] | None, seen: Sequence[str]) -> None:
        if class_names:
            self.names = class_names
            self.by_name = {n: i for i, n in enumerate(class_names)}
        else:
            labels = sorted(set(seen))
            if all(_is_int(x) for x in labels):
                labels = sorted(labels, key=int)
            self.names = labels
            self.by_name = {n: i for i, n in enumerate(labels)}

    def index(self, value: Any, what: str) -> int:
        label = canonical_label(value)
        if label in self.by_name:
            return self.by_name[label]
        if _is_int(label) and 0 <= int(label) < len(self.names):
            return int(label)
        raise JobFailed(f"{what} {value!r} is neither one of the class names {self.names} nor a class index")


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


def classification_metrics(y_true: Sequence[int], scores: Any, names: list[str]) -> dict[str, Any]:
    """The service's classification metrics from true class indexes and an (n, K) score matrix."""
    import numpy as np
    from sklearn.metrics import (
        average_precision_score,
        confusion_matrix,
        f1_score,
        log_loss,
        precision_score,
        recall_score,
        roc_auc_score,
    )

    k = len(names)
    y = np.asarray(y_true, dtype=int)
    s = np.asarray(scores, dtype=float)
    onehot = np.zeros((len(y), k), dtype=int)
    onehot[np.arange(len(y)), y] = 1
    sums = s.sum(axis=1, keepdims=True)
    normalized = np.where(sums > 0, s / np.where(sums > 0, sums, 1), 1.0 / k)
    top = s.argmax(axis=1)
    top_score = s.max(axis=1)
    specs = [{"id": str(i), "displayName": name} for i, name in enumerate(names)]
    confidence = []
    for t in THRESHOLDS:
        pred = (s >= t).astype(int)
        fp = int(((pred == 1) & (onehot == 0)).sum())
        tn = int(((pred == 0) & (onehot == 0)).sum())
        mask = top_score >= t
        rows = confusion_matrix(y[mask], top[mask], labels=list(range(k))) if mask.any() else np.zeros((k, k), int)
        confidence.append(
            {
                "confidenceThreshold": t,
                "recall": float(recall_score(onehot, pred, average="micro", zero_division=0)),
                "precision": float(precision_score(onehot, pred, average="micro", zero_division=0)),
                "falsePositiveRate": fp / (fp + tn) if fp + tn else 0.0,
                "f1Score": float(f1_score(onehot, pred, average="micro", zero_division=0)),
                "f1ScoreMacro": float(f1_score(onehot, pred, average="macro", zero_division=0)),
                "confusionMatrix": {"annotationSpecs": specs, "rows": rows.tolist()},
            }
        )
    return {
        "auPrc": _finite(average_precision_score(onehot.ravel(), s.ravel())),
        "auRoc": _finite(roc_auc_score(onehot.ravel(), s.ravel())),
        "logLoss": _finite(log_loss(y, normalized, labels=list(range(k)))),
        "confidenceMetrics": confidence,
    }


def regression_metrics(y_true: Sequence[float], y_pred: Sequence[float]) -> dict[str, Any]:
    import numpy as np
    from sklearn.metrics import (
        mean_absolute_error,
        mean_absolute_percentage_error,
        mean_squared_error,
        mean_squared_log_error,
        r2_score,
    )

    yt = np.asarray(y_true, dtype=float)
    yp = np.asarray(y_pred, dtype=float)
    rmsle = None
    if (yt >= 0).all() and (yp >= 0).all():
        rmsle = _finite(math.sqrt(mean_squared_log_error(yt, yp)))
    return {
        "rootMeanSquaredError": _finite(math.sqrt(mean_squared_error(yt, yp))),
        "meanAbsoluteError": _finite(mean_absolute_error(yt, yp)),
        "meanAbsolutePercentageError": _finite(mean_absolute_percentage_error(yt, yp)),
        "rsquared": _finite(r2_score(yt, yp)) if len(yt) >= 2 else None,
        "rootMeanSquaredLogError": rmsle,
    }


def _finite(value: Any) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None


def _softmax(values: Sequence[float]) -> list[float]:
    peak = max(values)
    exps = [math.exp(v - peak) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


# ------------------------------------------------------------------------------------------------------------


class ModelEvaluationRunner:
    kind = "model_evaluation"

    def run(self, ctx: JobContext) -> None:
        started = time.monotonic()
        res = ctx.resource
        bi: dict[str, Any] = dict(res.get("batchInference") or {})
        ctx.set_status("CREATE_IN_PROGRESS", None)
        try:
            objective = str_field(res, "objectiveCode").upper()
            if objective not in ("CLASSIFICATION", "REGRESSION"):
                raise JobFailed(
                    f"objectiveCode must be CLASSIFICATION or REGRESSION (got {res.get('objectiveCode')!r})"
                )
            data_type = str_field(res, "inputDataTypeCode").upper()
            if data_type not in ("CSV", "JSONL"):
                raise JobFailed(f"inputDataTypeCode must be CSV or JSONL (got {res.get('inputDataTypeCode')!r})")
            target = str_field(res, "targetFieldName")
            input_uri = str_field(res, "inputDataUri")
            if not isinstance(res.get("batchInference"), Mapping):
                raise JobFailed("batchInference is required")
            pods = int_field(bi, "podCount", 1)
            max_batch = int_field(bi, "maxBatchSize", 32)
            inference_timeout = int_field(bi, "inferenceTimeoutSeconds", 120)
            output_uri = str_field(bi, "outputUploadUri")
            timeout_minutes = int_field(res, "timeoutMinutes", 43200)
            class_names = [c.strip() for c in str(res.get("classNames") or "").split(",") if c.strip()] or None
            deadline = started + timeout_minutes * 60

            spec = prepare_model(ctx, lookup_model(ctx, res.get("modelId")), ctx.work_dir / "model")
            root = fetch_input(ctx, input_uri, ctx.work_dir / "input")
            suffix = ".csv" if data_type == "CSV" else ".jsonl"
            if root.is_file():
                relatives = [root.name] if root.name.lower().endswith(suffix) else []
            else:
                relatives = sorted(
                    p.relative_to(root).as_posix()
                    for p in root.rglob("*")
                    if p.is_file() and p.name.lower().endswith(suffix)
                )
            if not relatives:
                raise JobFailed(f"inputDataUri {input_uri} holds no {suffix} file (inputDataTypeCode={data_type})")
            files: list[InputFile] = []
            targets: list[Any] = []
            reader = read_csv_rows if data_type == "CSV" else read_jsonl_rows
            for rel in relatives:
                feats, tgts = reader(root if root.is_file() else root / rel, rel, target)
                files.append(InputFile(rel, feats))
                targets.extend(tgts)
            if not targets:
                raise JobFailed(f"inputDataUri {input_uri} holds no data rows")
            if ctx.stop_event.is_set():
                raise BatchStopped("stopped")

            ctx.set_status("RUNNING", None)
            bi.setdefault("batchInferenceId", f"{res.get('modelEvaluationId') or ctx.job_id}-batch-inference")
            bi.setdefault("batchInferenceName", f"{res.get('modelEvaluationName') or ctx.job_id}-batch-inference")
            bi["batchInferenceStatusCode"] = "RUNNING"
            ctx.update({"batchInference": bi})
            bi_started = time.monotonic()
            result = BatchInferenceRunner.infer(
                ctx,
                spec,
                files,
                pods,
                max_batch,
                inference_timeout,
                deadline,
                request_parameters={"return_probabilities": True},
            )
            out_dir = ctx.work_dir / "batch-output"
            write_outputs(out_dir, files, result)
            ctx.uris.publish(out_dir, output_uri)
            bi.update(result.counts.as_wire())
            bi["elapsedTimeSeconds"] = int(round(time.monotonic() - bi_started))
            bi["batchInferenceStatusCode"] = "COMPLETE"
            ctx.update({"batchInference": bi})
            records = [rec for per_file in result.records for rec in per_file]
            failed = [rec for rec in records if "error" in rec]
            if failed:
                raise JobFailed(
                    f"{len(failed)} of {len(records)} rows failed inference, so no metrics: {failed[0]['error']}"
                )

            ctx.set_status("COMPLETE_IN_PROGRESS", None)
            extra: dict[str, Any] = {}
            if objective == "CLASSIFICATION":
                metrics, source = self._classification(records, targets, class_names, result.classes)
                extra["metricsScoreSource"] = source
            else:
                metrics = self._regression(records, targets, target)
            ctx.update({"metrics": metrics, **extra})
            ctx.set_status("COMPLETE", None)
        except BatchStopped:
            ctx.set_status("STOP_IN_PROGRESS", None)
            if bi.get("batchInferenceStatusCode") == "RUNNING":
                bi["batchInferenceStatusCode"] = "STOPPED"
                ctx.update({"batchInference": bi})
            ctx.set_status("STOPPED", "stopped by request")
        except BatchTimedOut:
            self._fail(ctx, bi, f"model evaluation did not finish within timeoutMinutes={res.get('timeoutMinutes')}")
        except (JobFailed, InputDataError, ServingError) as exc:
            self._fail(ctx, bi, str(exc))
        except Exception as exc:
            logger.exception("model evaluation %s failed", res.get("modelEvaluationId"))
            self._fail(ctx, bi, f"internal error: {type(exc).__name__}: {exc}")

    @staticmethod
    def _classification(
        records: list[dict[str, Any]],
        targets: list[Any],
        class_names: list[str] | None,
        proba_classes: list[Any] | None,
    ) -> tuple[dict[str, Any], str]:
        preds = [rec["prediction"] for rec in records]
        vector_scores = all(
            isinstance(p, list) and len(p) > 1 and all(isinstance(v, int | float) for v in p) for p in preds
        )
        seen = [canonical_label(t) for t in targets]
        if not vector_scores:
            seen += [canonical_label(p) for p in preds]
        if proba_classes:
            seen += [canonical_label(c) for c in proba_classes]
        space = LabelSpace(class_names, seen)
        k = len(space.names)
        if k < 2:
            raise JobFailed(f"classification needs at least 2 classes (found {space.names})")
        y = [space.index(t, f"target value (row {i + 1})") for i, t in enumerate(targets)]
        if all("probabilities" in rec for rec in records) and proba_classes:
            columns = [space.index(c, "model class") for c in proba_classes]
            scores = []
            for rec in records:
                row = [0.0] * k
                for col, p in zip(columns, rec["probabilities"], strict=True):
                    row[col] = float(p)
                scores.append(row)
            source = SCORE_PROBABILITIES
        elif vector_scores:
            if any(len(p) != k for p in preds):
                raise JobFailed(f"model predictions are vectors, but not of {k} scores (one per class)")
            scores = []
            for p in preds:
                is_proba = all(0.0 <= v <= 1.0 for v in p) and abs(sum(p) - 1.0) < 1e-3
                scores.append([float(v) for v in p] if is_proba else _softmax([float(v) for v in p]))
            source = SCORE_VECTOR
        else:
            scores = []
            for i, p in enumerate(preds):
                row = [0.0] * k
                row[space.index(p, f"prediction (row {i + 1})")] = 1.0
                scores.append(row)
            source = SCORE_ONE_HOT
            logger.info("model gave no probabilities: classification metrics use one-hot predicted labels")
        return classification_metrics(y, scores, list(space.names)), source

    @staticmethod
    def _regression(records: list[dict[str, Any]], targets: list[Any], target: str) -> dict[str, Any]:
        y_true, y_pred = [], []
        for i, (rec, t) in enumerate(zip(records, targets, strict=True)):
            p = rec["prediction"]
            if isinstance(p, list) and len(p) == 1:
                p = p[0]
            try:
                y_true.append(float(t))
            except (TypeError, ValueError) as exc:
                raise JobFailed(f"{target} value {t!r} of row {i + 1} is not a number (REGRESSION)") from exc
            if isinstance(p, bool) or not isinstance(p, int | float):
                raise JobFailed(f"model prediction {p!r} of row {i + 1} is not a number (REGRESSION)")
            y_pred.append(float(p))
        return regression_metrics(y_true, y_pred)

    @staticmethod
    def _fail(ctx: JobContext, bi: dict[str, Any], reason: str) -> None:
        logger.error("model evaluation failed: %s", reason)
        ctx.set_status("FAIL_MODEL_EVALUATION_IN_PROGRESS", reason)
        if bi.get("batchInferenceStatusCode") == "RUNNING":
            bi["batchInferenceStatusCode"] = "FAIL_BATCH_INFERENCE"
            ctx.update({"batchInference": bi})
        ctx.set_status("FAIL_MODEL_EVALUATION", reason)
