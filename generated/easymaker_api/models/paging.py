from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation


@_attrs_define
class Paging:
    """EasyMaker Local only. The page of a list asked for with `page` and `limit`.

    Attributes:
        page (int):
        limit (int):
        total_count (int):
    """

    page: int
    limit: int
    total_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "page": "page",
        "limit": "limit",
        "totalCount": "total_count",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            page = self.page

            limit = self.limit

            total_count = self.total_count

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["page"] = page
            field_dict["limit"] = limit
            field_dict["totalCount"] = total_count
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        page = d.pop("page")
        limit = d.pop("limit")
        total_count = d.pop("totalCount")
        paging = cls(
            page=page,
            limit=limit,
            total_count=total_count,
        )
        paging.additional_properties = d
        return paging

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
