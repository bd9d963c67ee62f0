from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_preset_metadata import ModelPresetMetadata


@_attrs_define
class ModelPreset:
    """
    Attributes:
        model_preset_id (str | Unset):
        model_preset_name (str | Unset):
        repository_type_code (str | Unset):
        exposure_scope_code (str | Unset):
        exposure_order (int | Unset):
        description (str | Unset):
        created_datetime (str | Unset):
        updated_datetime (str | Unset):
        metadata (ModelPresetMetadata | Unset):
    """

    model_preset_id: str | Unset = UNSET
    model_preset_name: str | Unset = UNSET
    repository_type_code: str | Unset = UNSET
    exposure_scope_code: str | Unset = UNSET
    exposure_order: int | Unset = UNSET
    description: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    updated_datetime: str | Unset = UNSET
    metadata: ModelPresetMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelPresetId": "model_preset_id",
        "modelPresetName": "model_preset_name",
        "repositoryTypeCode": "repository_type_code",
        "exposureScopeCode": "exposure_scope_code",
        "exposureOrder": "exposure_order",
        "description": "description",
        "createdDatetime": "created_datetime",
        "updatedDatetime": "updated_datetime",
        "metadata": "metadata",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            model_preset_id = self.model_preset_id

            model_preset_name = self.model_preset_name

            repository_type_code = self.repository_type_code

            exposure_scope_code = self.exposure_scope_code

            exposure_order = self.exposure_order

            description = self.description

            created_datetime = self.created_datetime

            updated_datetime = self.updated_datetime

            metadata: dict[str, Any] | Unset = UNSET
            if not isinstance(self.metadata, Unset):
                metadata = self.metadata.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if model_preset_id is not UNSET:
                field_dict["modelPresetId"] = model_preset_id
            if model_preset_name is not UNSET:
                field_dict["modelPresetName"] = model_preset_name
            if repository_type_code is not UNSET:
                field_dict["repositoryTypeCode"] = repository_type_code
            if exposure_scope_code is not UNSET:
                field_dict["exposureScopeCode"] = exposure_scope_code
            if exposure_order is not UNSET:
                field_dict["exposureOrder"] = exposure_order
            if description is not UNSET:
                field_dict["description"] = description
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if updated_datetime is not UNSET:
                field_dict["updatedDatetime"] = updated_datetime
            if metadata is not UNSET:
                field_dict["metadata"] = metadata
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.model_preset_metadata import ModelPresetMetadata

        d = dict(src_dict)
        model_preset_id = _validation.null_as_unset(d.pop("modelPresetId", UNSET))
        model_preset_name = _validation.null_as_unset(d.pop("modelPresetName", UNSET))
        repository_type_code = _validation.null_as_unset(d.pop("repositoryTypeCode", UNSET))
        exposure_scope_code = _validation.null_as_unset(d.pop("exposureScopeCode", UNSET))
        exposure_order = _validation.null_as_unset(d.pop("exposureOrder", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        updated_datetime = _validation.null_as_unset(d.pop("updatedDatetime", UNSET))
        _metadata = _validation.null_as_unset(d.pop("metadata", UNSET))
        metadata: ModelPresetMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ModelPresetMetadata.from_dict(_metadata)

        model_preset = cls(
            model_preset_id=model_preset_id,
            model_preset_name=model_preset_name,
            repository_type_code=repository_type_code,
            exposure_scope_code=exposure_scope_code,
            exposure_order=exposure_order,
            description=description,
            created_datetime=created_datetime,
            updated_datetime=updated_datetime,
            metadata=metadata,
        )
        model_preset.additional_properties = d
        return model_preset

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
