"""Fine tunings (2.1.5): ``FineTuning().run(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from typing import Any, ClassVar

from easymaker._client import Client
from easymaker.resources.base import (
    Record,
    Resource,
    build_items,
    experiment_id_for,
    opt,
    parent_fields,
    precheck,
    require,
    sdk_parameters,
    timeout_minutes,
    wire_dict,
    wire_dicts,
)
from easymaker.resources.model_preset import ModelPreset
from easymaker.values import Dataset, Parameter, wire_list

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


class FineTuning(Resource):
    """A fine tuning of a model preset."""

    _noun = "fineTuning"
    _label = "FineTuning"
    _success: ClassVar[frozenset[str]] = frozenset({"COMPLETE"})
    _failure: ClassVar[frozenset[str]] = frozenset({"FAIL_FINE_TUNING", "CREATE_FAILED", "STOP_FAILED", "STOPPED"})

    @classmethod
    def _wire_names(cls) -> dict[str, str]:
        from easymaker_api.models.fine_tuning import FineTuning as Wire

        return Wire.__wire_names__

    @classmethod
    def _fetch(cls, client: Client, resource_id: str) -> dict[str, Any]:
        from easymaker_api.api.fine_tunings import get_fine_tuning
        from easymaker_api.models.fine_tuning_response import FineTuningResponse

        response = get_fine_tuning.sync_detailed(client.appkey, resource_id, client=client.api)
        return wire_dict(client.payload(response, FineTuningResponse).fine_tuning, "fineTuning")

    @classmethod
    def _fetch_list(cls, client: Client, **filters: Any) -> list[dict[str, Any]]:
        from easymaker_api.api.fine_tunings import list_fine_tunings
        from easymaker_api.models.fine_tuning_list_response import FineTuningListResponse

        if filters:
            raise TypeError(f"FineTuning.get_list got unexpected filters {sorted(filters)}")
        response = list_fine_tunings.sync_detailed(client.appkey, client=client.api)
        return wire_dicts(client.payload(response, FineTuningListResponse).fine_tuning_list)

    def _delete(self, client: Client, resource_id: str) -> None:
        from easymaker_api.api.fine_tunings import delete_fine_tuning

        delete_fine_tuning.sync_detailed(client.appkey, resource_id, client=client.api)

    def stop(self) -> None:
        """Ask the server to stop the fine tuning (one PUT)."""
        from easymaker_api.api.fine_tunings import stop_fine_tuning

        client = self.client
        with self._guard():
            stop_fine_tuning.sync_detailed(client.appkey, self._require_id(), client=client.api)

    @staticmethod
    def get_base_model_list(model_preset_name: str | None = None, *, client: Client | None = None) -> list[ModelPreset]:
        """Model presets usable as base models (exposure scope FINE_TUNING)."""
        return ModelPreset.get_list("FINE_TUNING", model_preset_name, client=client)

    @staticmethod
    def get_parameter_spec_list(base_model_preset_id: str, *, client: Client | None = None) -> list[Record]:
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
        from easymaker_api.models.fine_tuning_response import FineTuningResponse
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
            datasets = build_items(
                WireDataset, wire_list(dataset_list, Dataset, "dataset_list"), "datasetList", "dataset_list"
            )
            hyperparameters = build_items(
                WireParameter,
                wire_list(hyperparameter_list, Parameter, "hyperparameter_list"),
                "hyperparameterList",
                "hyperparameter_list",
            )
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
        response = create_fine_tuning.sync_detailed(client.appkey, client=client.api, body=body)
        self._set(wire_dict(client.payload(response, FineTuningResponse).fine_tuning, "fineTuning"))
        if wait:
            self.wait(timeout=timeout)
        return self
