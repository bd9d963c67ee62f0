"""Experiments: ``Experiment().create(...)``, ``Experiment(id)``, ``.delete()``, ``Experiment.get_list(...)``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Unpack

from easymaker_api.fields import ExperimentFields
from easymaker_api.parameters import ExperimentCreateRequestOptions

from easymaker._client import Client
from easymaker._errors import EasyMakerError
from easymaker.resources.base import Resource
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, parent_wire_fields, require


class Experiment(Resource, ExperimentFields):
    """An experiment groups trainings, tunings and pipeline runs."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.experiments import delete_experiment, get_experiment, list_experiments
        from easymaker_api.models.experiment import Experiment as Wire
        from easymaker_api.models.experiment_list_response import ExperimentListResponse
        from easymaker_api.models.experiment_response import ExperimentResponse

        declared = Operations(
            wire=Wire,
            get=get_experiment.sync_detailed,
            response=ExperimentResponse,
            payload=lambda parsed: parsed.experiment,
            list=list_experiments.sync_detailed,
            list_response=ExperimentListResponse,
            list_payload=lambda parsed: parsed.experiment_list,
            delete=delete_experiment.sync_detailed,
            list_filters=("experiment_id_list", "experiment_name_list"),
        )
        return declared

    @classmethod
    def _fetch_list(
        cls,
        client: Client,
        *,
        id_list: Iterable[str] | None = None,
        experiment_name_list: Iterable[str] | None = None,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        if filters:
            raise TypeError(f"Experiment.get_list got unexpected filters {sorted(filters)}")
        return super()._fetch_list(
            client, experiment_id_list=_as_list(id_list), experiment_name_list=_as_list(experiment_name_list)
        )

    @classmethod
    def get_list(
        cls,
        *,
        client: Client | None = None,
        id_list: Iterable[str] | None = None,
        name_list: Iterable[str] | None = None,
        **filters: Any,
    ) -> list[Experiment]:
        """Experiments, optionally filtered by ids and names (filtered by the server)."""
        if filters:
            raise TypeError(f"Experiment.get_list takes the filters id_list and name_list, got {sorted(filters)}")
        api = cls._client_or_default(client)
        with cls._guard():
            items = cls._fetch_list(api, id_list=id_list, experiment_name_list=name_list)
        return [cls(item, client=api) for item in items]

    def create(
        self,
        experiment_name: str,
        description: str | None = None,
        wait: bool = True,
        *,
        timeout: float | None = None,
        **options: Unpack[ExperimentCreateRequestOptions],
    ) -> Experiment:
        """Create an experiment, or return the existing one with this exact name.

        Several existing experiments with the name raise an error (nothing is created)."""
        from easymaker_api.api.experiments import create_experiment
        from easymaker_api.models.experiment_create_request import ExperimentCreateRequest

        require(experiment_name=experiment_name)
        client = self.client
        body = RequestDraft(
            ExperimentCreateRequest,
            locals(),
            options,
            method="Experiment.create()",
            computed=parent_wire_fields(client),
        ).build()
        existing = self._fetch_list(client, experiment_name_list=[experiment_name])
        existing = [e for e in existing if e.get("experimentName") == experiment_name]
        if len(existing) > 1:
            ids = ", ".join(str(e.get("experimentId")) for e in existing)
            raise EasyMakerError(
                f"{len(existing)} experiments are named {experiment_name!r} (ids: {ids}); "
                "use Experiment(<id>) to pick one"
            )
        if existing:
            return self._adopt(existing[0], wait, timeout)
        return self._post_create(create_experiment.sync_detailed, body, wait, timeout)

    def get_run_table(
        self, sort_by: str | None = None, *, ascending: bool = True, as_dataframe: bool | None = None
    ) -> Any:
        """The experiment's runs side by side: one row per training and per trial of its tunings, with ``run_id``,
        ``run_type`` (``training`` / ``trial``), ``name``, ``parent_id`` (the tuning of a trial), ``status``,
        ``duration_seconds``, ``model_id``, one ``hp.<name>`` column per hyperparameter and one column per metric
        (its final value). ``sort_by`` orders by a column (e.g. ``"val_loss"``; runs without it last). A pandas
        DataFrame when pandas is installed (``as_dataframe=False``: always a list of dicts)."""
        from easymaker.resources.compare import RUN_COLUMNS, run_rows, sort_rows, table

        rows = sort_rows(run_rows(self.client, self._require_id()), sort_by, ascending)
        return table(rows, RUN_COLUMNS, as_dataframe)


def _as_list(values: Iterable[str] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]
