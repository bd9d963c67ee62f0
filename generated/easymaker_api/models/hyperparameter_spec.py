from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.hyperparameter_type_code import HyperparameterTypeCode
from ..types import UNSET, Unset


@_attrs_define
class HyperparameterSpec:
    """
    Attributes:
        hyperparameter_name (str): Limits: minLength=1, maxLength=255.
        hyperparameter_type_code (HyperparameterTypeCode): Limits: enum=('int', 'double', 'discrete', 'categorical').
        hyperparameter_min_value (str | Unset): Limits: maxLength=255.
        hyperparameter_max_value (str | Unset): Limits: maxLength=255.
        hyperparameter_step (str | Unset): Limits: maxLength=255.
        hyperparameter_specified_values (str | Unset): Limits: maxLength=3000.
        is_optional (bool | Unset):
        default_value (str | Unset): Limits: maxLength=1000.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    hyperparameter_name: str
    hyperparameter_type_code: HyperparameterTypeCode
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
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "hyperparameterName": {"minLength": 1, "maxLength": 255},
        "hyperparameterTypeCode": {"enum": ("int", "double", "discrete", "categorical")},
        "hyperparameterMinValue": {"maxLength": 255},
        "hyperparameterMaxValue": {"maxLength": 255},
        "hyperparameterStep": {"maxLength": 255},
        "hyperparameterSpecifiedValues": {"maxLength": 3000},
        "defaultValue": {"maxLength": 1000},
    }

    def __attrs_post_init__(self) -> None:
        _validation.check_request(self)

    def check_constraints(self, path: str = "") -> None:
        """Raise `ConstraintViolation` for the first value (here or nested) outside a limit of the document."""
        _validation.validate_model(self, path)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object, after checking the limits of the document (this object and
        everything nested in it). Nested objects are serialised without checking again."""
        _validation.check_request(self)
        with _validation.lenient():
            hyperparameter_name = self.hyperparameter_name

            hyperparameter_type_code = self.hyperparameter_type_code.value

            hyperparameter_min_value = self.hyperparameter_min_value

            hyperparameter_max_value = self.hyperparameter_max_value

            hyperparameter_step = self.hyperparameter_step

            hyperparameter_specified_values = self.hyperparameter_specified_values

            is_optional = self.is_optional

            default_value = self.default_value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["hyperparameterName"] = hyperparameter_name
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
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            hyperparameter_name = d.pop("hyperparameterName")
            hyperparameter_type_code = HyperparameterTypeCode(d.pop("hyperparameterTypeCode"))

            hyperparameter_min_value = _validation.null_as_unset(d.pop("hyperparameterMinValue", UNSET))
            hyperparameter_max_value = _validation.null_as_unset(d.pop("hyperparameterMaxValue", UNSET))
            hyperparameter_step = _validation.null_as_unset(d.pop("hyperparameterStep", UNSET))
            hyperparameter_specified_values = _validation.null_as_unset(d.pop("hyperparameterSpecifiedValues", UNSET))
            is_optional = _validation.null_as_unset(d.pop("isOptional", UNSET))
            default_value = _validation.null_as_unset(d.pop("defaultValue", UNSET))
            hyperparameter_spec = cls(
                hyperparameter_name=hyperparameter_name,
                hyperparameter_type_code=hyperparameter_type_code,
                hyperparameter_min_value=hyperparameter_min_value,
                hyperparameter_max_value=hyperparameter_max_value,
                hyperparameter_step=hyperparameter_step,
                hyperparameter_specified_values=hyperparameter_specified_values,
                is_optional=is_optional,
                default_value=default_value,
            )
            hyperparameter_spec.additional_properties = d
            return hyperparameter_spec

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
