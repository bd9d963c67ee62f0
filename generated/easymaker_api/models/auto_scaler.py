from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class AutoScaler:
    """
    Attributes:
        enable (bool | Unset):
        min_node_count (int | Unset):
        max_node_count (int | Unset):
        scale_down_enable (bool | Unset):
        scale_down_util_thresh_percentage (int | Unset):
        scale_down_unneeded_minute (int | Unset):
        scale_down_delay_after_add_minute (int | Unset):
    """

    enable: bool | Unset = UNSET
    min_node_count: int | Unset = UNSET
    max_node_count: int | Unset = UNSET
    scale_down_enable: bool | Unset = UNSET
    scale_down_util_thresh_percentage: int | Unset = UNSET
    scale_down_unneeded_minute: int | Unset = UNSET
    scale_down_delay_after_add_minute: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "enable": "enable",
        "minNodeCount": "min_node_count",
        "maxNodeCount": "max_node_count",
        "scaleDownEnable": "scale_down_enable",
        "scaleDownUtilThreshPercentage": "scale_down_util_thresh_percentage",
        "scaleDownUnneededMinute": "scale_down_unneeded_minute",
        "scaleDownDelayAfterAddMinute": "scale_down_delay_after_add_minute",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            enable = self.enable

            min_node_count = self.min_node_count

            max_node_count = self.max_node_count

            scale_down_enable = self.scale_down_enable

            scale_down_util_thresh_percentage = self.scale_down_util_thresh_percentage

            scale_down_unneeded_minute = self.scale_down_unneeded_minute

            scale_down_delay_after_add_minute = self.scale_down_delay_after_add_minute

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if enable is not UNSET:
                field_dict["enable"] = enable
            if min_node_count is not UNSET:
                field_dict["minNodeCount"] = min_node_count
            if max_node_count is not UNSET:
                field_dict["maxNodeCount"] = max_node_count
            if scale_down_enable is not UNSET:
                field_dict["scaleDownEnable"] = scale_down_enable
            if scale_down_util_thresh_percentage is not UNSET:
                field_dict["scaleDownUtilThreshPercentage"] = scale_down_util_thresh_percentage
            if scale_down_unneeded_minute is not UNSET:
                field_dict["scaleDownUnneededMinute"] = scale_down_unneeded_minute
            if scale_down_delay_after_add_minute is not UNSET:
                field_dict["scaleDownDelayAfterAddMinute"] = scale_down_delay_after_add_minute
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        enable = _validation.null_as_unset(d.pop("enable", UNSET))
        min_node_count = _validation.null_as_unset(d.pop("minNodeCount", UNSET))
        max_node_count = _validation.null_as_unset(d.pop("maxNodeCount", UNSET))
        scale_down_enable = _validation.null_as_unset(d.pop("scaleDownEnable", UNSET))
        scale_down_util_thresh_percentage = _validation.null_as_unset(d.pop("scaleDownUtilThreshPercentage", UNSET))
        scale_down_unneeded_minute = _validation.null_as_unset(d.pop("scaleDownUnneededMinute", UNSET))
        scale_down_delay_after_add_minute = _validation.null_as_unset(d.pop("scaleDownDelayAfterAddMinute", UNSET))
        auto_scaler = cls(
            enable=enable,
            min_node_count=min_node_count,
            max_node_count=max_node_count,
            scale_down_enable=scale_down_enable,
            scale_down_util_thresh_percentage=scale_down_util_thresh_percentage,
            scale_down_unneeded_minute=scale_down_unneeded_minute,
            scale_down_delay_after_add_minute=scale_down_delay_after_add_minute,
        )
        auto_scaler.additional_properties = d
        return auto_scaler

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
