from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class ModelPresetMetadata:
    """
    Attributes:
        model_format_code (str | Unset):
        model_id (str | Unset):
        model_revision (str | Unset):
        model_size_gb (float | Unset):
        license_ (str | Unset):
        flavor_id (str | Unset):
        flavor_name (str | Unset):
    """

    model_format_code: str | Unset = UNSET
    model_id: str | Unset = UNSET
    model_revision: str | Unset = UNSET
    model_size_gb: float | Unset = UNSET
    license_: str | Unset = UNSET
    flavor_id: str | Unset = UNSET
    flavor_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelFormatCode": "model_format_code",
        "modelId": "model_id",
        "modelRevision": "model_revision",
        "modelSizeGb": "model_size_gb",
        "license": "license_",
        "flavorId": "flavor_id",
        "flavorName": "flavor_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            model_format_code = self.model_format_code

            model_id = self.model_id

            model_revision = self.model_revision

            model_size_gb = self.model_size_gb

            license_ = self.license_

            flavor_id = self.flavor_id

            flavor_name = self.flavor_name

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if model_format_code is not UNSET:
                field_dict["modelFormatCode"] = model_format_code
            if model_id is not UNSET:
                field_dict["modelId"] = model_id
            if model_revision is not UNSET:
                field_dict["modelRevision"] = model_revision
            if model_size_gb is not UNSET:
                field_dict["modelSizeGb"] = model_size_gb
            if license_ is not UNSET:
                field_dict["license"] = license_
            if flavor_id is not UNSET:
                field_dict["flavorId"] = flavor_id
            if flavor_name is not UNSET:
                field_dict["flavorName"] = flavor_name
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        model_format_code = _validation.null_as_unset(d.pop("modelFormatCode", UNSET))
        model_id = _validation.null_as_unset(d.pop("modelId", UNSET))
        model_revision = _validation.null_as_unset(d.pop("modelRevision", UNSET))
        model_size_gb = _validation.null_as_unset(d.pop("modelSizeGb", UNSET))
        license_ = _validation.null_as_unset(d.pop("license", UNSET))
        flavor_id = _validation.null_as_unset(d.pop("flavorId", UNSET))
        flavor_name = _validation.null_as_unset(d.pop("flavorName", UNSET))
        model_preset_metadata = cls(
            model_format_code=model_format_code,
            model_id=model_id,
            model_revision=model_revision,
            model_size_gb=model_size_gb,
            license_=license_,
            flavor_id=flavor_id,
            flavor_name=flavor_name,
        )
        model_preset_metadata.additional_properties = d
        return model_preset_metadata

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
