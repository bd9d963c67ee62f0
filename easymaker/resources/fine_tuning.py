"""Fine tunings (2.1.5): ``FineTuning().run(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from typing import Any, Unpack

from easymaker_api.fields import FineTuningFields
from easymaker_api.parameters import FineTuningCreateRequestOptions

from easymaker._client import Client
from easymaker.resources.base import StoppableResource
from easymaker.resources.model_preset import ModelPreset
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, experiment_id_for, parent_wire_fields, require


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
        **options: Unpack[FineTuningCreateRequestOptions],
    ) -> FineTuning:
        """Start a fine tuning (2.1.5 signature). ``flavor_name`` is sent by name (no lookup)."""
        from easymaker_api.api.fine_tunings import create_fine_tuning
        from easymaker_api.models.fine_tuning_create_request import FineTuningCreateRequest

        require(
            fine_tuning_name=fine_tuning_name,
            flavor_name=flavor_name,
            base_model_preset_id=base_model_preset_id,
            model_upload_uri=model_upload_uri,
        )
        assert fine_tuning_name and flavor_name and base_model_preset_id and model_upload_uri
        client = self.client
        body = RequestDraft(
            FineTuningCreateRequest,
            locals(),
            options,
            method="FineTuning.run()",
            computed={"experimentId": experiment_id_for(client, experiment_id), **parent_wire_fields(client)},
        ).build()
        return self._post_create(create_fine_tuning.sync_detailed, body, wait, timeout)
