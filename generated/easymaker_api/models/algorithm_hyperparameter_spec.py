from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class AlgorithmHyperparameterSpec:
    """
    Attributes:
        hyperparameter_name (str | Unset):
        hyperparameter_type_code (str | Unset):
        hyperparameter_min_value (str | Unset):
        hyperparameter_max_value (str | Unset):
        default_value (str | Unset):
        description (str | Unset):
    """

    hyperparameter_name: str | Unset = UNSET
    hyperparameter_type_code: str | Unset = UNSET
    hyperparameter_min_value: str | Unset = UNSET
    hyperparameter_max_value: str | Unset = UNSET
    default_value: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "hyperparameterName": "hyperparameter_name",
        "hyperparameterTypeCode": "hyperparameter_type_code",
        "hyperparameterMinValue": "hyperparameter_min_value",
        "hyperparameterMaxValue": "hyperparameter_max_value",
        "defaultValue": "default_value",
        "description": "description",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            hyperparameter_name = self.hyperparameter_name

            hyperparameter_type_code = self.hyperparameter_type_code

            hyperparameter_min_value = self.hyperparameter_min_value

            hyperparameter_max_value = self.hyperparameter_max_value

            default_value = self.default_value

            description = self.description

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
            if default_value is not UNSET:
                field_dict["defaultValue"] = default_value
            if description is not UNSET:
                field_dict["description"] = description
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        hyperparameter_name = _validation.null_as_unset(d.pop("hyperparameterName", UNSET))
        hyperparameter_type_code = _validation.null_as_unset(d.pop("hyperparameterTypeCode", UNSET))
        hyperparameter_min_value = _validation.null_as_unset(d.pop("hyperparameterMinValue", UNSET))
        hyperparameter_max_value = _validation.null_as_unset(d.pop("hyperparameterMaxValue", UNSET))
        default_value = _validation.null_as_unset(d.pop("defaultValue", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        algorithm_hyperparameter_spec = cls(
            hyperparameter_name=hyperparameter_name,
            hyperparameter_type_code=hyperparameter_type_code,
            hyperparameter_min_value=hyperparameter_min_value,
            hyperparameter_max_value=hyperparameter_max_value,
            default_value=default_value,
            description=description,
        )
        algorithm_hyperparameter_spec.additional_properties = d
        return algorithm_hyperparameter_spec

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
