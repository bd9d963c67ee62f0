from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class PipelineParameterSpec:
    """
    Attributes:
        parameter_name (str | Unset):
        parameter_type (str | Unset):
        is_optional (bool | Unset):
        default_value (None | str | Unset):
    """

    parameter_name: str | Unset = UNSET
    parameter_type: str | Unset = UNSET
    is_optional: bool | Unset = UNSET
    default_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "parameterName": "parameter_name",
        "parameterType": "parameter_type",
        "isOptional": "is_optional",
        "defaultValue": "default_value",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            parameter_name = self.parameter_name

            parameter_type = self.parameter_type

            is_optional = self.is_optional

            default_value: None | str | Unset
            if isinstance(self.default_value, Unset):
                default_value = UNSET
            else:
                default_value = self.default_value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if parameter_name is not UNSET:
                field_dict["parameterName"] = parameter_name
            if parameter_type is not UNSET:
                field_dict["parameterType"] = parameter_type
            if is_optional is not UNSET:
                field_dict["isOptional"] = is_optional
            if default_value is not UNSET:
                field_dict["defaultValue"] = default_value
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        parameter_name = _validation.null_as_unset(d.pop("parameterName", UNSET))
        parameter_type = _validation.null_as_unset(d.pop("parameterType", UNSET))
        is_optional = _validation.null_as_unset(d.pop("isOptional", UNSET))

        def _parse_default_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_value = _parse_default_value(d.pop("defaultValue", UNSET))

        pipeline_parameter_spec = cls(
            parameter_name=parameter_name,
            parameter_type=parameter_type,
            is_optional=is_optional,
            default_value=default_value,
        )
        pipeline_parameter_spec.additional_properties = d
        return pipeline_parameter_spec

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
