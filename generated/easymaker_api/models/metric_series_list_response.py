from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header
    from ..models.metric_series import MetricSeries


@_attrs_define
class MetricSeriesListResponse:
    """
    Attributes:
        header (Header):
        resource_id (str | Unset):
        source (str | Unset):
        metric_series_list (list[MetricSeries] | Unset):
    """

    header: Header
    resource_id: str | Unset = UNSET
    source: str | Unset = UNSET
    metric_series_list: list[MetricSeries] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "resourceId": "resource_id",
        "source": "source",
        "metricSeriesList": "metric_series_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            resource_id = self.resource_id

            source = self.source

            metric_series_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.metric_series_list, Unset):
                metric_series_list = []
                for metric_series_list_item_data in self.metric_series_list:
                    metric_series_list_item = metric_series_list_item_data.to_dict()
                    metric_series_list.append(metric_series_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if resource_id is not UNSET:
                field_dict["resourceId"] = resource_id
            if source is not UNSET:
                field_dict["source"] = source
            if metric_series_list is not UNSET:
                field_dict["metricSeriesList"] = metric_series_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header
        from ..models.metric_series import MetricSeries

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        resource_id = _validation.null_as_unset(d.pop("resourceId", UNSET))
        source = _validation.null_as_unset(d.pop("source", UNSET))
        _metric_series_list = _validation.null_as_unset(d.pop("metricSeriesList", UNSET))
        metric_series_list: list[MetricSeries] | Unset = UNSET
        if _metric_series_list is not UNSET:
            metric_series_list = []
            for metric_series_list_item_data in _metric_series_list:
                metric_series_list_item = MetricSeries.from_dict(metric_series_list_item_data)

                metric_series_list.append(metric_series_list_item)

        metric_series_list_response = cls(
            header=header,
            resource_id=resource_id,
            source=source,
            metric_series_list=metric_series_list,
        )
        metric_series_list_response.additional_properties = d
        return metric_series_list_response

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
