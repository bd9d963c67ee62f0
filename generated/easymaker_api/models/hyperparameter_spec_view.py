from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.hyperparameter_type_code import HyperparameterTypeCode
from ..types import UNSET, Unset


@_attrs_define
class HyperparameterSpecView:
    """A hyperparameter spec as returned by the server (type code kept as sent, any case).

    Attributes:
        hyperparameter_name (str | Unset):
        hyperparameter_type_code (HyperparameterTypeCode | str | Unset):
        hyperparameter_min_value (str | Unset):
        hyperparameter_max_value (str | Unset):
        hyperparameter_step (str | Unset):
        hyperparameter_specified_values (str | Unset):
        is_optional (bool | Unset):
        default_value (str | Unset):
    """

    hyperparameter_name: str | Unset = UNSET
    hyperparameter_type_code: HyperparameterTypeCode | str | Unset = UNSET
    hyperparameter_min_value: str | Unset = UNSET
    hyperparameter_max_value: str | Unset = UNSET
    hyperparameter_step: str | Unset = UNSET
    hyperparameter_specified_values: str | Unset = UNSET
    is_optional: bool | Unset = UNSET
    default_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "hyperparameterName": "hyperparameter_name",
        "hyperparameterTypeCode": "hyperparameter_type_code",
        "hyperparameterMinValue": "hyperparameter_min_value",
        "hyperparameterMaxValue": "hyperparameter_max_value",
        "hyperparameterStep": "hyperparameter_step",
        "hyperparameterSpecifiedValues": "hyperparameter_specified_values",
        "isOptional": "is_optional",
        "defaultValue": "default_value",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            hyperparameter_name = self.hyperparameter_name

            hyperparameter_type_code: str | Unset
            if isinstance(self.hyperparameter_type_code, Unset):
                hyperparameter_type_code = UNSET
            elif isinstance(self.hyperparameter_type_code, HyperparameterTypeCode):
                hyperparameter_type_code = self.hyperparameter_type_code.value
            else:
                hyperparameter_type_code = self.hyperparameter_type_code

            hyperparameter_min_value = self.hyperparameter_min_value

            hyperparameter_max_value = self.hyperparameter_max_value

            hyperparameter_step = self.hyperparameter_step

            hyperparameter_specified_values = self.hyperparameter_specified_values

            is_optional = self.is_optional

            default_value = self.default_value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if hyperparameter_name is not UNSET:
                field_dict["hyperparameterName"] = hyperparameter_name
            if hyperparameter_type_code is not UNSET:
                field_dict["hyperparameterTypeCode"] = hyperparameter_type_code
            if hyperparameter_min_value is not UNSET:
                field_dict["hyperparameterMinValue"] = hyperparameter_min_value
            if hyperparameter_max_value is not UNSET:
                field_dict["hyperparameterMaxValue"] = hyperparameter_max_value
            if hyperparameter_step is not UNSET:
                field_dict["hyperparameterStep"] = hyperparameter_step
            if hyperparameter_specified_values is not UNSET:
                field_dict["hyperparameterSpecifiedValues"] = hyperparameter_specified_values
            if is_optional is not UNSET:
                field_dict["isOptional"] = is_optional
            if default_value is not UNSET:
                field_dict["defaultValue"] = default_value
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        hyperparameter_name = _validation.null_as_unset(d.pop("hyperparameterName", UNSET))

        def _parse_hyperparameter_type_code(data: object) -> HyperparameterTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hyperparameter_type_code_type_0 = HyperparameterTypeCode(data)

                return hyperparameter_type_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HyperparameterTypeCode | str | Unset, data)

        hyperparameter_type_code = _parse_hyperparameter_type_code(
            _validation.null_as_unset(d.pop("hyperparameterTypeCode", UNSET))
        )

        hyperparameter_min_value = _validation.null_as_unset(d.pop("hyperparameterMinValue", UNSET))
        hyperparameter_max_value = _validation.null_as_unset(d.pop("hyperparameterMaxValue", UNSET))
        hyperparameter_step = _validation.null_as_unset(d.pop("hyperparameterStep", UNSET))
        hyperparameter_specified_values = _validation.null_as_unset(d.pop("hyperparameterSpecifiedValues", UNSET))
        is_optional = _validation.null_as_unset(d.pop("isOptional", UNSET))
        default_value = _validation.null_as_unset(d.pop("defaultValue", UNSET))
        hyperparameter_spec_view = cls(
            hyperparameter_name=hyperparameter_name,
            hyperparameter_type_code=hyperparameter_type_code,
            hyperparameter_min_value=hyperparameter_min_value,
            hyperparameter_max_value=hyperparameter_max_value,
            hyperparameter_step=hyperparameter_step,
            hyperparameter_specified_values=hyperparameter_specified_values,
            is_optional=is_optional,
            default_value=default_value,
        )
        hyperparameter_spec_view.additional_properties = d
        return hyperparameter_spec_view

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
