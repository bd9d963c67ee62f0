from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class Parameter:
    """A name/value pair (training hyperparameters, pipeline parameters).

    Attributes:
        parameter_name (str): Limits: minLength=1, maxLength=255.
        parameter_value (str | Unset): Limits: maxLength=1000.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    parameter_name: str
    parameter_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "parameterName": "parameter_name",
        "parameterValue": "parameter_value",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "parameterName": {"minLength": 1, "maxLength": 255},
        "parameterValue": {"maxLength": 1000},
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
            parameter_name = self.parameter_name

            parameter_value = self.parameter_value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["parameterName"] = parameter_name
            if parameter_value is not UNSET:
                field_dict["parameterValue"] = parameter_value
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            parameter_name = d.pop("parameterName")
            parameter_value = _validation.null_as_unset(d.pop("parameterValue", UNSET))
            parameter = cls(
                parameter_name=parameter_name,
                parameter_value=parameter_value,
            )
            parameter.additional_properties = d
            return parameter

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
