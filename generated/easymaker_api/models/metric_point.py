from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class MetricPoint:
    """
    Attributes:
        step (int | Unset):
        value (float | Unset):
        timestamp (float | Unset):
    """

    step: int | Unset = UNSET
    value: float | Unset = UNSET
    timestamp: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "step": "step",
        "value": "value",
        "timestamp": "timestamp",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            step = self.step

            value = self.value

            timestamp = self.timestamp

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if step is not UNSET:
                field_dict["step"] = step
            if value is not UNSET:
                field_dict["value"] = value
            if timestamp is not UNSET:
                field_dict["timestamp"] = timestamp
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        step = _validation.null_as_unset(d.pop("step", UNSET))
        value = _validation.null_as_unset(d.pop("value", UNSET))
        timestamp = _validation.null_as_unset(d.pop("timestamp", UNSET))
        metric_point = cls(
            step=step,
            value=value,
            timestamp=timestamp,
        )
        metric_point.additional_properties = d
        return metric_point

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
