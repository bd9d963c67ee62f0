"""Fine tunings (2.1.5): ``FineTuning().run(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from typing import Any

from easymaker_api.fields import FineTuningFields

from easymaker._client import Client
from easymaker.resources.base import StoppableResource
from easymaker.resources.model_preset import ModelPreset
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import (
    build_items,
    experiment_id_for,
    opt,
    parent_fields,
    precheck,
    require,
    sdk_parameters,
    timeout_minutes,
)
from easymaker.values import Dataset, Parameter

PARAMETERS: dict[str, Any] = {
    "fineTuningName": "fine_tuning_name",
    "description": "description",
    "experimentId": "experiment_id",
    "experimentName": "experiment_name",
    "experimentDescription": "experiment_description",
    "baseModelPresetId": "base_model_preset_id",
    "flavorName": "flavor_name",
    "instanceCount": "instance_count",
    "valSetSize": "validation_split_percent",
    "datasetList": "dataset_list",
    "modelUploadUri": "model_upload_uri",
    "dataStorageSize": "data_storage_size",
    "timeoutMinutes": ("timeout_hours", 60),
    "hyperparameterList": "hyperparameter_list",
}


class FineTuning(StoppableResource, FineTuningFields):
    _extra_fields = frozenset({"base_model", "validation_split_percent"})
    """A fine tuning of a model preset."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.fine_tunings import (
            delete_fine_tuning,
            get_fine_tuning,
            list_fine_tunings,
            stop_fine_tuning,
        )
        from easymaker_api.models.fine_tuning import FineTuning as Wire
        from easymaker_api.models.fine_tuning_list_response import FineTuningListResponse
        from easymaker_api.models.fine_tuning_response import FineTuningResponse

        declared = Operations(
            wire=Wire,
            get=get_fine_tuning.sync_detailed,
            response=FineTuningResponse,
            payload=lambda parsed: parsed.fine_tuning,
            list=list_fine_tunings.sync_detailed,
            list_response=FineTuningListResponse,
            list_payload=lambda parsed: parsed.fine_tuning_list,
            delete=delete_fine_tuning.sync_detailed,
            stop=stop_fine_tuning.sync_detailed,
        )
        return declared

    @staticmethod
    def get_base_model_list(model_preset_name: str | None = None, *, client: Client | None = None) -> list[ModelPreset]:
        """Model presets usable as base models (exposure scope FINE_TUNING)."""
        return ModelPreset.get_list("FINE_TUNING", model_preset_name, client=client)

    @staticmethod
    def get_parameter_spec_list(base_model_preset_id: str, *, client: Client | None = None) -> list[Any]:
        """Fine-tuning hyperparameter specs of a base model preset."""
        return ModelPreset.get_parameter_spec_list(base_model_preset_id, "FINE_TUNING", client=client)

    def run(
        self,
        fine_tuning_name: str | None = None,
        flavor_name: str | None = None,
        base_model_preset_id: str | None = None,
        model_upload_uri: str | None = None,
        instance_count: int = 1,
        validation_split_percent: int = 0,
        timeout_hours: int = 720,
        experiment_id: str | None = None,
        experiment_name: str | None = None,
        experiment_description: str | None = None,
        description: str | None = None,
        dataset_list: list[Any] | None = None,
        hyperparameter_list: list[Any] | None = None,
        data_storage_size: int | None = None,
        use_log: bool | None = False,
        wait: bool | None = True,
        *,
        timeout: float | None = None,
    ) -> FineTuning:
        """Start a fine tuning (2.1.5 signature). ``flavor_name`` is sent by name (no lookup)."""
        from easymaker_api.api.fine_tunings import create_fine_tuning
        from easymaker_api.models.dataset import Dataset as WireDataset
        from easymaker_api.models.fine_tuning_create_request import FineTuningCreateRequest
        from easymaker_api.models.parameter import Parameter as WireParameter

        require(
            fine_tuning_name=fine_tuning_name,
            flavor_name=flavor_name,
            base_model_preset_id=base_model_preset_id,
            model_upload_uri=model_upload_uri,
        )
        assert fine_tuning_name and flavor_name and base_model_preset_id and model_upload_uri
        client = self.client
        with sdk_parameters(PARAMETERS):
            datasets = build_items(WireDataset, Dataset, dataset_list, "dataset_list")
            hyperparameters = build_items(WireParameter, Parameter, hyperparameter_list, "hyperparameter_list")
            minutes = timeout_minutes(timeout_hours)
            precheck(FineTuningCreateRequest, {"timeoutMinutes": minutes, "valSetSize": validation_split_percent})
            body = FineTuningCreateRequest(
                fine_tuning_name=fine_tuning_name,
                base_model_preset_id=base_model_preset_id,
                flavor_name=flavor_name,
                model_upload_uri=model_upload_uri,
                description=opt(description),
                experiment_id=opt(experiment_id_for(client, experiment_id)),
                experiment_name=opt(experiment_name),
                experiment_description=opt(experiment_description),
                instance_count=instance_count,
                val_set_size=validation_split_percent,
                dataset_list=opt(datasets),
                data_storage_size=opt(data_storage_size),
                timeout_minutes=minutes,
                use_log=bool(use_log),
                hyperparameter_list=opt(hyperparameters),
                **parent_fields(client),
            )
        return self._post_create(create_fine_tuning.sync_detailed, body, wait, timeout)
