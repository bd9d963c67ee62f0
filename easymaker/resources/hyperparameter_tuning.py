"""Hyperparameter tunings: ``HyperparameterTuning().run(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from typing import Any, Unpack

from easymaker_api.fields import HyperparameterTuningFields
from easymaker_api.parameters import HyperparameterTuningCreateRequestOptions

from easymaker.resources.base import StoppableResource
from easymaker.resources.observe import LogsMixin, Trial
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, experiment_id_for, parent_wire_fields, require
from easymaker.resources.training import TrainingLookupsMixin, resolve_training_ids
from easymaker.values import plain


class HyperparameterTuning(LogsMixin, TrainingLookupsMixin, StoppableResource, HyperparameterTuningFields):
    """A hyperparameter tuning job (trials run as trainings)."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.hyperparameter_tunings import (
            delete_hyperparameter_tuning,
            get_hyperparameter_tuning,
            list_hyperparameter_tunings,
            stop_hyperparameter_tuning,
        )
        from easymaker_api.models.hyperparameter_tuning import HyperparameterTuning as Wire
        from easymaker_api.models.hyperparameter_tuning_list_response import HyperparameterTuningListResponse
        from easymaker_api.models.hyperparameter_tuning_response import HyperparameterTuningResponse

        declared = Operations(
            wire=Wire,
            get=get_hyperparameter_tuning.sync_detailed,
            response=HyperparameterTuningResponse,
            payload=lambda parsed: parsed.hyperparameter_tuning,
            list=list_hyperparameter_tunings.sync_detailed,
            list_response=HyperparameterTuningListResponse,
            list_payload=lambda parsed: parsed.hyperparameter_tuning_list,
            delete=delete_hyperparameter_tuning.sync_detailed,
            stop=stop_hyperparameter_tuning.sync_detailed,
        )
        return declared

    def run(
        self,
        hyperparameter_tuning_name: str | None = None,
        image_name: str | None = None,
        instance_type_name: str | None = None,
        model_upload_uri: str | None = None,
        early_stopping_algorithm: Any = None,
        distributed_node_count: int = 1,
        parallel_trial_count: int = 1,
        nproc_per_node: int | None = 1,
        timeout_hours: int = 720,
        early_stopping_min_trial_count: int | None = 3,
        early_stopping_start_step: int | None = 4,
        experiment_id: str | None = None,
        description: str | None = None,
        algorithm_name: str | None = None,
        data_storage_size: int | None = None,
        source_dir_uri: str | None = None,
        entry_point: str | None = None,
        hyperparameter_spec_list: list[Any] | None = None,
        dataset_list: list[Any] | None = None,
        check_point_input_uri: str | None = None,
        check_point_upload_uri: str | None = None,
        use_log: bool | None = False,
        wait: bool | None = True,
        metric_list: list[Any] | None = None,
        metric_regex: str | None = None,
        objective_metric_name: str | None = None,
        objective_type_code: Any = None,
        objective_goal: float | None = None,
        max_failed_trial_count: int | None = None,
        max_trial_count: int | None = None,
        tuning_strategy_name: Any = None,
        tuning_strategy_random_state: int | None = None,
        use_torchrun: bool | None = False,
        *,
        tag_list: list[Any] | None = None,
        experiment_name: str | None = None,
        experiment_description: str | None = None,
        timeout: float | None = None,
        logs: bool = False,
        **options: Unpack[HyperparameterTuningCreateRequestOptions],
    ) -> HyperparameterTuning:
        """Start a tuning (positional order of 2.1.5; the guide passes keywords). Returns this object.

        ``instanceCount`` on the wire is ``distributed_node_count × parallel_trial_count`` (at most 10)."""
        self._check_logs(logs, use_log)
        from easymaker_api.api.hyperparameter_tunings import create_hyperparameter_tuning
        from easymaker_api.models.hyperparameter_tuning_create_request import HyperparameterTuningCreateRequest

        require(
            hyperparameter_tuning_name=hyperparameter_tuning_name,
            instance_type_name=instance_type_name,
            model_upload_uri=model_upload_uri,
        )
        if not image_name and not algorithm_name:
            require(image_name=image_name)
        assert hyperparameter_tuning_name is not None and instance_type_name is not None
        assert model_upload_uri is not None
        for name, value in (
            ("distributed_node_count", distributed_node_count),
            ("parallel_trial_count", parallel_trial_count),
        ):
            if isinstance(value, bool) or not isinstance(value, int):
                from easymaker._errors import EasyMakerValidationError

                raise EasyMakerValidationError(f"{name} must be an integer, got {value!r}", parameter=name, value=value)
        client = self.client
        draft = RequestDraft(
            HyperparameterTuningCreateRequest,
            locals(),
            options,
            method="HyperparameterTuning.run()",
            computed={
                "experimentId": experiment_id_for(client, experiment_id),
                "instanceCount": distributed_node_count * parallel_trial_count,
                "objectiveMetric": None
                if objective_metric_name is None
                else {"name": str(plain(objective_metric_name))},
                **parent_wire_fields(client),
            },
            deferred=("imageId", "flavorId", "algorithmId"),
            labels={"instanceCount": "distributed_node_count × parallel_trial_count"},
        )
        image_id, flavor_id, algorithm_id = resolve_training_ids(client, image_name, instance_type_name, algorithm_name)
        body = draft.build(imageId=image_id, flavorId=flavor_id, algorithmId=algorithm_id)
        return self._post_create(create_hyperparameter_tuning.sync_detailed, body, wait, timeout, logs)

    def get_trial_list(self, *, refresh: bool = True) -> list[Trial]:
        """The tuning's trials (one GET unless ``refresh=False``), in the order they started; the optimal trial is one
        of them (``is_optimal``). EasyMaker Local fills every trial with each metric's history and its start and end;
        where the service returns only the optimal trial, the list holds that one."""
        if refresh:
            self.refresh()
        optimal = self._data.get("optimalTrial") if isinstance(self._data.get("optimalTrial"), dict) else None
        optimal_id = self._data.get("optimalTrialId") or (optimal or {}).get("trialId")
        items = [t for t in self._data.get("trialList") or [] if isinstance(t, dict)]
        if not items and optimal:
            items = [optimal]
        return [Trial.from_wire(t, tuning_id=self.id, optimal_id=optimal_id, client=self._client) for t in items]

    def get_optimal_trial(self, *, refresh: bool = True) -> Trial | None:
        """The trial with the best objective value, or ``None`` while no trial succeeded."""
        return next((t for t in self.get_trial_list(refresh=refresh) if t.is_optimal), None)
