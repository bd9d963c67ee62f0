from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class TrialMetric:
    """
    Attributes:
        trial_metric_name (str | Unset):
        trial_metric_min_value (str | Unset):
        trial_metric_max_value (str | Unset):
        trial_metric_latest_value (str | Unset):
    """

    trial_metric_name: str | Unset = UNSET
    trial_metric_min_value: str | Unset = UNSET
    trial_metric_max_value: str | Unset = UNSET
    trial_metric_latest_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "trialMetricName": "trial_metric_name",
        "trialMetricMinValue": "trial_metric_min_value",
        "trialMetricMaxValue": "trial_metric_max_value",
        "trialMetricLatestValue": "trial_metric_latest_value",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            trial_metric_name = self.trial_metric_name

            trial_metric_min_value = self.trial_metric_min_value

            trial_metric_max_value = self.trial_metric_max_value

            trial_metric_latest_value = self.trial_metric_latest_value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if trial_metric_name is not UNSET:
                field_dict["trialMetricName"] = trial_metric_name
            if trial_metric_min_value is not UNSET:
                field_dict["trialMetricMinValue"] = trial_metric_min_value
            if trial_metric_max_value is not UNSET:
                field_dict["trialMetricMaxValue"] = trial_metric_max_value
            if trial_metric_latest_value is not UNSET:
                field_dict["trialMetricLatestValue"] = trial_metric_latest_value
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        trial_metric_name = _validation.null_as_unset(d.pop("trialMetricName", UNSET))
        trial_metric_min_value = _validation.null_as_unset(d.pop("trialMetricMinValue", UNSET))
        trial_metric_max_value = _validation.null_as_unset(d.pop("trialMetricMaxValue", UNSET))
        trial_metric_latest_value = _validation.null_as_unset(d.pop("trialMetricLatestValue", UNSET))
        trial_metric = cls(
            trial_metric_name=trial_metric_name,
            trial_metric_min_value=trial_metric_min_value,
            trial_metric_max_value=trial_metric_max_value,
            trial_metric_latest_value=trial_metric_latest_value,
        )
        trial_metric.additional_properties = d
        return trial_metric

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
