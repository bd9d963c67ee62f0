from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_point import MetricPoint


@_attrs_define
class MetricSeries:
    """
    Attributes:
        metric_name (str | Unset):
        latest_value (float | Unset):
        min_value (float | Unset):
        max_value (float | Unset):
        history (list[MetricPoint] | Unset):
    """

    metric_name: str | Unset = UNSET
    latest_value: float | Unset = UNSET
    min_value: float | Unset = UNSET
    max_value: float | Unset = UNSET
    history: list[MetricPoint] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "metricName": "metric_name",
        "latestValue": "latest_value",
        "minValue": "min_value",
        "maxValue": "max_value",
        "history": "history",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            metric_name = self.metric_name

            latest_value = self.latest_value

            min_value = self.min_value

            max_value = self.max_value

            history: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.history, Unset):
                history = []
                for history_item_data in self.history:
                    history_item = history_item_data.to_dict()
                    history.append(history_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if metric_name is not UNSET:
                field_dict["metricName"] = metric_name
            if latest_value is not UNSET:
                field_dict["latestValue"] = latest_value
            if min_value is not UNSET:
                field_dict["minValue"] = min_value
            if max_value is not UNSET:
                field_dict["maxValue"] = max_value
            if history is not UNSET:
                field_dict["history"] = history
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.metric_point import MetricPoint

        d = dict(src_dict)
        metric_name = _validation.null_as_unset(d.pop("metricName", UNSET))
        latest_value = _validation.null_as_unset(d.pop("latestValue", UNSET))
        min_value = _validation.null_as_unset(d.pop("minValue", UNSET))
        max_value = _validation.null_as_unset(d.pop("maxValue", UNSET))
        _history = _validation.null_as_unset(d.pop("history", UNSET))
        history: list[MetricPoint] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = MetricPoint.from_dict(history_item_data)

                history.append(history_item)

        metric_series = cls(
            metric_name=metric_name,
            latest_value=latest_value,
            min_value=min_value,
            max_value=max_value,
            history=history,
        )
        metric_series.additional_properties = d
        return metric_series

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
