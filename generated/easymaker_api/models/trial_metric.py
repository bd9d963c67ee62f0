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
class TrialMetric:
    """
    Attributes:
        trial_metric_name (str | Unset):
        trial_metric_min_value (str | Unset):
        trial_metric_max_value (str | Unset):
        trial_metric_latest_value (str | Unset):
        trial_metric_history (list[MetricPoint] | Unset): EasyMaker Local: every observation of the metric in order
            (`step` counts observations from 1).
    """

    trial_metric_name: str | Unset = UNSET
    trial_metric_min_value: str | Unset = UNSET
    trial_metric_max_value: str | Unset = UNSET
    trial_metric_latest_value: str | Unset = UNSET
    trial_metric_history: list[MetricPoint] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "trialMetricName": "trial_metric_name",
        "trialMetricMinValue": "trial_metric_min_value",
        "trialMetricMaxValue": "trial_metric_max_value",
        "trialMetricLatestValue": "trial_metric_latest_value",
        "trialMetricHistory": "trial_metric_history",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            trial_metric_name = self.trial_metric_name

            trial_metric_min_value = self.trial_metric_min_value

            trial_metric_max_value = self.trial_metric_max_value

            trial_metric_latest_value = self.trial_metric_latest_value

            trial_metric_history: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.trial_metric_history, Unset):
                trial_metric_history = []
                for trial_metric_history_item_data in self.trial_metric_history:
                    trial_metric_history_item = trial_metric_history_item_data.to_dict()
                    trial_metric_history.append(trial_metric_history_item)

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
            if trial_metric_history is not UNSET:
                field_dict["trialMetricHistory"] = trial_metric_history
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.metric_point import MetricPoint

        d = dict(src_dict)
        trial_metric_name = _validation.null_as_unset(d.pop("trialMetricName", UNSET))
        trial_metric_min_value = _validation.null_as_unset(d.pop("trialMetricMinValue", UNSET))
        trial_metric_max_value = _validation.null_as_unset(d.pop("trialMetricMaxValue", UNSET))
        trial_metric_latest_value = _validation.null_as_unset(d.pop("trialMetricLatestValue", UNSET))
        _trial_metric_history = _validation.null_as_unset(d.pop("trialMetricHistory", UNSET))
        trial_metric_history: list[MetricPoint] | Unset = UNSET
        if _trial_metric_history is not UNSET:
            trial_metric_history = []
            for trial_metric_history_item_data in _trial_metric_history:
                trial_metric_history_item = MetricPoint.from_dict(trial_metric_history_item_data)

                trial_metric_history.append(trial_metric_history_item)

        trial_metric = cls(
            trial_metric_name=trial_metric_name,
            trial_metric_min_value=trial_metric_min_value,
            trial_metric_max_value=trial_metric_max_value,
            trial_metric_latest_value=trial_metric_latest_value,
            trial_metric_history=trial_metric_history,
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
