from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header
    from ..models.instance_type import InstanceType


@_attrs_define
class FlavorListResponse:
    """
    Attributes:
        header (Header):
        flavor_list (list[InstanceType] | Unset):
    """

    header: Header
    flavor_list: list[InstanceType] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "flavorList": "flavor_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            flavor_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.flavor_list, Unset):
                flavor_list = []
                for flavor_list_item_data in self.flavor_list:
                    flavor_list_item = flavor_list_item_data.to_dict()
                    flavor_list.append(flavor_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if flavor_list is not UNSET:
                field_dict["flavorList"] = flavor_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header
        from ..models.instance_type import InstanceType

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _flavor_list = _validation.null_as_unset(d.pop("flavorList", UNSET))
        flavor_list: list[InstanceType] | Unset = UNSET
        if _flavor_list is not UNSET:
            flavor_list = []
            for flavor_list_item_data in _flavor_list:
                flavor_list_item = InstanceType.from_dict(flavor_list_item_data)

                flavor_list.append(flavor_list_item)

        flavor_list_response = cls(
            header=header,
            flavor_list=flavor_list,
        )
        flavor_list_response.additional_properties = d
        return flavor_list_response

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
