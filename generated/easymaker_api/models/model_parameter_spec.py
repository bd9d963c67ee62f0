from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class ModelParameterSpec:
    """
    Attributes:
        model_format_code (str | Unset):
        parameter_name (str | Unset):
        parameter_action_code (str | Unset):
        is_optional (bool | Unset):
        default_value (str | Unset):
        min_value (str | Unset):
        max_value (str | Unset):
        need_encrypt (bool | Unset):
        parameter_type_code (str | Unset):
        parameter_data_type_code (str | Unset):
        is_user_editable (bool | Unset):
        allowed_values (str | Unset):
    """

    model_format_code: str | Unset = UNSET
    parameter_name: str | Unset = UNSET
    parameter_action_code: str | Unset = UNSET
    is_optional: bool | Unset = UNSET
    default_value: str | Unset = UNSET
    min_value: str | Unset = UNSET
    max_value: str | Unset = UNSET
    need_encrypt: bool | Unset = UNSET
    parameter_type_code: str | Unset = UNSET
    parameter_data_type_code: str | Unset = UNSET
    is_user_editable: bool | Unset = UNSET
    allowed_values: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelFormatCode": "model_format_code",
        "parameterName": "parameter_name",
        "parameterActionCode": "parameter_action_code",
        "isOptional": "is_optional",
        "defaultValue": "default_value",
        "minValue": "min_value",
        "maxValue": "max_value",
        "needEncrypt": "need_encrypt",
        "parameterTypeCode": "parameter_type_code",
        "parameterDataTypeCode": "parameter_data_type_code",
        "isUserEditable": "is_user_editable",
        "allowedValues": "allowed_values",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            model_format_code = self.model_format_code

            parameter_name = self.parameter_name

            parameter_action_code = self.parameter_action_code

            is_optional = self.is_optional

            default_value = self.default_value

            min_value = self.min_value

            max_value = self.max_value

            need_encrypt = self.need_encrypt

            parameter_type_code = self.parameter_type_code

            parameter_data_type_code = self.parameter_data_type_code

            is_user_editable = self.is_user_editable

            allowed_values = self.allowed_values

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if model_format_code is not UNSET:
                field_dict["modelFormatCode"] = model_format_code
            if parameter_name is not UNSET:
                field_dict["parameterName"] = parameter_name
            if parameter_action_code is not UNSET:
                field_dict["parameterActionCode"] = parameter_action_code
            if is_optional is not UNSET:
                field_dict["isOptional"] = is_optional
            if default_value is not UNSET:
                field_dict["defaultValue"] = default_value
            if min_value is not UNSET:
                field_dict["minValue"] = min_value
            if max_value is not UNSET:
                field_dict["maxValue"] = max_value
            if need_encrypt is not UNSET:
                field_dict["needEncrypt"] = need_encrypt
            if parameter_type_code is not UNSET:
                field_dict["parameterTypeCode"] = parameter_type_code
            if parameter_data_type_code is not UNSET:
                field_dict["parameterDataTypeCode"] = parameter_data_type_code
            if is_user_editable is not UNSET:
                field_dict["isUserEditable"] = is_user_editable
            if allowed_values is not UNSET:
                field_dict["allowedValues"] = allowed_values
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        model_format_code = _validation.null_as_unset(d.pop("modelFormatCode", UNSET))
        parameter_name = _validation.null_as_unset(d.pop("parameterName", UNSET))
        parameter_action_code = _validation.null_as_unset(d.pop("parameterActionCode", UNSET))
        is_optional = _validation.null_as_unset(d.pop("isOptional", UNSET))
        default_value = _validation.null_as_unset(d.pop("defaultValue", UNSET))
        min_value = _validation.null_as_unset(d.pop("minValue", UNSET))
        max_value = _validation.null_as_unset(d.pop("maxValue", UNSET))
        need_encrypt = _validation.null_as_unset(d.pop("needEncrypt", UNSET))
        parameter_type_code = _validation.null_as_unset(d.pop("parameterTypeCode", UNSET))
        parameter_data_type_code = _validation.null_as_unset(d.pop("parameterDataTypeCode", UNSET))
        is_user_editable = _validation.null_as_unset(d.pop("isUserEditable", UNSET))
        allowed_values = _validation.null_as_unset(d.pop("allowedValues", UNSET))
        model_parameter_spec = cls(
            model_format_code=model_format_code,
            parameter_name=parameter_name,
            parameter_action_code=parameter_action_code,
            is_optional=is_optional,
            default_value=default_value,
            min_value=min_value,
            max_value=max_value,
            need_encrypt=need_encrypt,
            parameter_type_code=parameter_type_code,
            parameter_data_type_code=parameter_data_type_code,
            is_user_editable=is_user_editable,
            allowed_values=allowed_values,
        )
        model_parameter_spec.additional_properties = d
        return model_parameter_spec

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
