"""Model presets (2.1.5): base models for fine tuning and their parameter specs."""

from __future__ import annotations

from typing import Any

from easymaker_api.fields import ModelPresetFields

from easymaker._client import Client, default_client
from easymaker.items import Item, ModelParameterSpec
from easymaker.resources.operations import wire_dicts
from easymaker.resources.parameters import opt
from easymaker.values import plain


class ModelPreset(Item, ModelPresetFields):
    """A model preset (``model_preset_id``, ``model_preset_name``, ``metadata``...)."""

    _fields = (
        "model_preset_id",
        "model_preset_name",
        "exposure_scope_code",
        "exposure_order",
        "repository_type_code",
        "metadata",
        "updated_datetime",
        "created_datetime",
        "description",
    )

    @classmethod
    def get_list(
        cls,
        exposure_scope_code: Any = None,
        model_preset_name: str | None = None,
        *,
        client: Client | None = None,
    ) -> list[ModelPreset]:
        """Model presets, optionally filtered by exposure scope (`easymaker.codes.ExposureScopeCode`) and name."""
        from easymaker_api.api.lookups import list_model_presets
        from easymaker_api.models.model_preset_list_response import ModelPresetListResponse

        api = client or default_client()
        scope = plain(exposure_scope_code)
        response = list_model_presets.sync_detailed(
            api.appkey,
            client=api.api,
            exposure_scope_code=opt(None if scope is None else str(scope)),
            model_preset_name=opt(model_preset_name),
        )
        return [
            cls(d, client=api) for d in wire_dicts(api.payload(response, ModelPresetListResponse).model_preset_list)
        ]

    @classmethod
    def get_parameter_spec_list(
        cls,
        model_preset_id: str | None = None,
        parameter_type_code: Any = None,
        *,
        client: Client | None = None,
    ) -> list[ModelParameterSpec]:
        """Parameter specs of a preset (`easymaker.codes.ParameterTypeCode`: SERVING, MODEL, FINE_TUNING)."""
        from easymaker_api.api.lookups import list_model_parameter_specs
        from easymaker_api.models.model_parameter_spec_list_response import ModelParameterSpecListResponse

        api = client or default_client()
        code = plain(parameter_type_code)
        response = list_model_parameter_specs.sync_detailed(
            api.appkey,
            client=api.api,
            model_preset_id=opt(model_preset_id),
            parameter_type_code=opt(None if code is None else str(code)),
        )
        parsed = api.payload(response, ModelParameterSpecListResponse)
        return [ModelParameterSpec(d, client=api) for d in wire_dicts(parsed.model_parameter_spec_list)]

    def __repr__(self) -> str:
        return f"ModelPreset(modelPresetId={self.id!r}, name={self.name!r})"
