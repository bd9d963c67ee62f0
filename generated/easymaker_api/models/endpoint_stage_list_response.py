from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_stage import EndpointStage
    from ..models.header import Header


@_attrs_define
class EndpointStageListResponse:
    """
    Attributes:
        header (Header):
        endpoint_stage_list (list[EndpointStage] | Unset):
    """

    header: Header
    endpoint_stage_list: list[EndpointStage] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "endpointStageList": "endpoint_stage_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            endpoint_stage_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.endpoint_stage_list, Unset):
                endpoint_stage_list = []
                for endpoint_stage_list_item_data in self.endpoint_stage_list:
                    endpoint_stage_list_item = endpoint_stage_list_item_data.to_dict()
                    endpoint_stage_list.append(endpoint_stage_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if endpoint_stage_list is not UNSET:
                field_dict["endpointStageList"] = endpoint_stage_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.endpoint_stage import EndpointStage
        from ..models.header import Header

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _endpoint_stage_list = _validation.null_as_unset(d.pop("endpointStageList", UNSET))
        endpoint_stage_list: list[EndpointStage] | Unset = UNSET
        if _endpoint_stage_list is not UNSET:
            endpoint_stage_list = []
            for endpoint_stage_list_item_data in _endpoint_stage_list:
                endpoint_stage_list_item = EndpointStage.from_dict(endpoint_stage_list_item_data)

                endpoint_stage_list.append(endpoint_stage_list_item)

        endpoint_stage_list_response = cls(
            header=header,
            endpoint_stage_list=endpoint_stage_list,
        )
        endpoint_stage_list_response.additional_properties = d
        return endpoint_stage_list_response

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
