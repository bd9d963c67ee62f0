from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation


@_attrs_define
class Metric:
    """
    Attributes:
        name (str): Limits: minLength=1, maxLength=36.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "name": "name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {"name": {"minLength": 1, "maxLength": 36}}

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
            name = self.name

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["name"] = name
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            name = d.pop("name")
            metric = cls(
                name=name,
            )
            metric.additional_properties = d
            return metric

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
