"""Putting runs side by side: an experiment's run table, model evaluations compared, a model's lineage.

Everything here is built from the public list and get operations, so it works against NHN Cloud too; the final
metrics of plain trainings come from the metric history that only EasyMaker Local serves (on NHN Cloud those
columns stay empty, trials still carry theirs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from easymaker.resources.observe import LogsNotAvailableError, Trial, number_or_none, resource_metrics

if TYPE_CHECKING:
    from easymaker._client import Client

RUN_COLUMNS = ("run_id", "run_type", "name", "parent_id", "status", "duration_seconds", "model_id")
HP_PREFIX = "hp."
EVALUATION_METRICS = (
    "auPrc",
    "auRoc",
    "logLoss",
    "rootMeanSquaredError",
    "meanAbsoluteError",
    "meanAbsolutePercentageError",
    "rsquared",
    "rootMeanSquaredLogError",
)


def _experiment_of(data: Mapping[str, Any]) -> str | None:
    nested = data.get("experiment")
    if isinstance(nested, Mapping) and nested.get("experimentId"):
        return str(nested["experimentId"])
    value = data.get("experimentId")
    return str(value) if value else None


def _model_ids(data: Mapping[str, Any]) -> str | None:
    ids = [str(m.get("modelId")) for m in data.get("modelList") or [] if isinstance(m, Mapping) and m.get("modelId")]
    return ",".join(ids) or None


def run_rows(client: Client, experiment_id: str) -> list[dict[str, Any]]:
    """One row per training and per trial of the experiment's tunings (see `Experiment.get_run_table`)."""
    from easymaker.resources.hyperparameter_tuning import HyperparameterTuning
    from easymaker.resources.training import Training

    rows: list[dict[str, Any]] = []
    for training in Training.get_list(client=client):
        data = training.to_dict()
        if _experiment_of(data) != experiment_id:
            continue
        row: dict[str, Any] = {
            "run_id": training.id,
            "run_type": "training",
            "name": training.name,
            "parent_id": None,
            "status": training.status,
            "duration_seconds": number_or_none(data.get("elapsedTimeSeconds")),
            "model_id": _model_ids(data),
        }
        for p in data.get("hyperparameterList") or []:
            if isinstance(p, Mapping):
                row[HP_PREFIX + str(p.get("parameterName"))] = p.get("parameterValue")
        if client.config.local and training.id:
            try:
                for name, series in resource_metrics(client, training.id).items():
                    row[name] = series.latest
            except LogsNotAvailableError:  # pragma: no cover - local is checked above
                pass
        rows.append(row)
    for tuning in HyperparameterTuning.get_list(client=client):
        data = tuning.to_dict()
        if _experiment_of(data) != experiment_id:
            continue
        models = _model_ids(data)
        for trial in tuning.get_trial_list(refresh=False):
            rows.append(_trial_row(trial, tuning.id, models))
    return rows


def _trial_row(trial: Trial, tuning_id: str | None, models: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "run_id": trial.id,
        "run_type": "trial",
        "name": trial.trial_name,
        "parent_id": tuning_id,
        "status": trial.status,
        "duration_seconds": trial.duration_seconds,
        "model_id": models if trial.is_optimal else None,
    }
    for name, value in trial.hyperparameters.items():
        row[HP_PREFIX + name] = value
    for name, series in trial.metrics.items():
        row[name] = series.latest
    return row


def sort_rows(rows: list[dict[str, Any]], sort_by: str | None, ascending: bool = True) -> list[dict[str, Any]]:
    """Rows ordered by the column ``sort_by`` (numbers compared as numbers); rows without it come last."""
    if not sort_by:
        return rows
    if rows and not any(sort_by in row for row in rows):
        columns = sorted({key for row in rows for key in row})
        raise KeyError(f"sort_by: no run has a column {sort_by!r} (columns: {', '.join(columns)})")

    numeric = [r for r in rows if number_or_none(r.get(sort_by)) is not None]
    other = [r for r in rows if number_or_none(r.get(sort_by)) is None and r.get(sort_by) is not None]
    absent = [r for r in rows if r.get(sort_by) is None]
    numeric.sort(key=lambda r: number_or_none(r.get(sort_by)) or 0.0, reverse=not ascending)
    other.sort(key=lambda r: str(r.get(sort_by)), reverse=not ascending)
    return numeric + other + absent


def table(rows: list[dict[str, Any]], first: Sequence[str], as_dataframe: bool | None) -> Any:
    """A pandas DataFrame when pandas is installed (unless ``as_dataframe`` is false), else the list of dicts, each
    with every column (missing values ``None``), the ``first`` columns leading."""
    columns = [c for c in first if any(c in r for r in rows) or not rows]
    columns += sorted({k for r in rows for k in r} - set(columns), key=lambda c: (c.startswith(HP_PREFIX), c))
    full = [{c: r.get(c) for c in columns} for r in rows]
    if as_dataframe is False:
        return full
    try:
        import pandas
    except ImportError:
        if as_dataframe:
            raise ImportError("as_dataframe=True needs pandas (pip install pandas)") from None
        return full
    return pandas.DataFrame(full, columns=columns)


def evaluation_rows(evaluations: Iterable[Any]) -> list[dict[str, Any]]:
    """One row per model evaluation: its model, objective, status and every scalar metric."""
    rows = []
    for evaluation in evaluations:
        data = evaluation.to_dict()
        nested = data.get("model")
        model: Mapping[str, Any] = nested if isinstance(nested, Mapping) else {}
        row: dict[str, Any] = {
            "model_evaluation_id": data.get("modelEvaluationId"),
            "name": data.get("modelEvaluationName"),
            "model_id": data.get("modelId") or model.get("modelId"),
            "model_name": model.get("modelName"),
            "objective_code": data.get("objectiveCode"),
            "status": data.get("modelEvaluationStatusCode"),
        }
        found = data.get("metrics")
        metrics: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
        for name in EVALUATION_METRICS:
            if name in metrics:
                row[name] = number_or_none(metrics.get(name))
        rows.append(row)
    return rows


# -- lineage -------------------------------------------------------------------------------------------------------


@dataclass
class Lineage:
    """Where a model came from and where it went.

    ``source``: the training or tuning (``kind``, ``id``, ``name``, ``trial_id`` for a tuning's trial,
    ``experiment_id`` / ``experiment_name``, ``datasets`` name -> URI, ``hyperparameters`` name -> value);
    ``evaluations``, ``endpoints`` (endpoint and stage per deployment) and ``batch_inferences`` using the model.
    """

    model_id: str
    model_name: str | None
    source: dict[str, Any] | None
    evaluations: list[dict[str, Any]] = field(default_factory=list)
    endpoints: list[dict[str, Any]] = field(default_factory=list)
    batch_inferences: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def model_lineage(client: Client, model: Any) -> Lineage:
    from easymaker.resources.batch_inference import BatchInference
    from easymaker.resources.endpoint import EndpointModel
    from easymaker.resources.hyperparameter_tuning import HyperparameterTuning
    from easymaker.resources.model_evaluation import ModelEvaluation
    from easymaker.resources.training import Training

    data = model.to_dict()
    model_id = str(model.id)
    source: dict[str, Any] | None = None
    training = data.get("training") if isinstance(data.get("training"), Mapping) else None
    tuning = data.get("hyperparameterTuning") if isinstance(data.get("hyperparameterTuning"), Mapping) else None
    if training and training.get("trainingId"):
        run = Training(str(training["trainingId"]), client=client).to_dict()
        source = _source("training", run, "training")
        source["hyperparameters"] = {
            str(p.get("parameterName")): p.get("parameterValue") for p in run.get("hyperparameterList") or []
        }
    elif tuning and tuning.get("hyperparameterTuningId"):
        tuning_obj = HyperparameterTuning(str(tuning["hyperparameterTuningId"]), client=client)
        run = tuning_obj.to_dict()
        source = _source("hyperparameter_tuning", run, "hyperparameterTuning")
        uri = str(data.get("modelUploadUri") or "").rstrip("/")
        trials = tuning_obj.get_trial_list(refresh=False)
        chosen = next((t for t in trials if uri and uri.endswith("/" + t.id)), None)
        chosen = chosen or next((t for t in trials if t.is_optimal), None)
        source["trial_id"] = chosen.id if chosen else None
        source["hyperparameters"] = dict(chosen.hyperparameters) if chosen else {}
    lineage = Lineage(model_id=model_id, model_name=model.name, source=source)
    for evaluation in ModelEvaluation.get_list(client=client):
        e = evaluation.to_dict()
        if _uses(e, model_id):
            lineage.evaluations.append(
                {"model_evaluation_id": evaluation.id, "name": evaluation.name, "status": evaluation.status}
            )
    for deployed in EndpointModel.get_list(client=client):
        d = deployed.to_dict()
        if _uses(d, model_id):
            lineage.endpoints.append(
                {
                    "endpoint_id": d.get("endpointId"),
                    "endpoint_stage_id": d.get("endpointStageId"),
                    "endpoint_model_id": deployed.id,
                    "status": deployed.status,
                }
            )
    for batch in BatchInference.get_list(client=client):
        if _uses(batch.to_dict(), model_id):
            lineage.batch_inferences.append(
                {"batch_inference_id": batch.id, "name": batch.name, "status": batch.status}
            )
    return lineage


def _uses(data: Mapping[str, Any], model_id: str) -> bool:
    model = data.get("model")
    nested = model.get("modelId") if isinstance(model, Mapping) else None
    return str(data.get("modelId") or nested or "") == model_id


def _source(kind: str, run: Mapping[str, Any], noun: str) -> dict[str, Any]:
    nested = run.get("experiment")
    experiment: Mapping[str, Any] = nested if isinstance(nested, Mapping) else {}
    return {
        "kind": kind,
        "id": run.get(f"{noun}Id"),
        "name": run.get(f"{noun}Name"),
        "status": run.get(f"{noun}StatusCode"),
        "experiment_id": _experiment_of(run),
        "experiment_name": experiment.get("experimentName"),
        "datasets": {
            str(d.get("datasetName")): d.get("dataUri") for d in run.get("datasetList") or [] if isinstance(d, Mapping)
        },
    }
