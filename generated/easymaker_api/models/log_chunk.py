from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class LogChunk:
    """
    Attributes:
        resource_id (str | Unset):
        source (str | Unset):
        offset (int | Unset): The byte offset the lines start at.
        next_offset (int | Unset): The byte offset after the last line returned: pass it as `offset` to continue.
        line_list (list[str] | Unset):
        finished (bool | Unset): The job reached a final status and every line was read.
        status_code (str | Unset): The resource's status when the chunk was read.
    """

    resource_id: str | Unset = UNSET
    source: str | Unset = UNSET
    offset: int | Unset = UNSET
    next_offset: int | Unset = UNSET
    line_list: list[str] | Unset = UNSET
    finished: bool | Unset = UNSET
    status_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "resourceId": "resource_id",
        "source": "source",
        "offset": "offset",
        "nextOffset": "next_offset",
        "lineList": "line_list",
        "finished": "finished",
        "statusCode": "status_code",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            resource_id = self.resource_id

            source = self.source

            offset = self.offset

            next_offset = self.next_offset

            line_list: list[str] | Unset = UNSET
            if not isinstance(self.line_list, Unset):
                line_list = self.line_list

            finished = self.finished

            status_code = self.status_code

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if resource_id is not UNSET:
                field_dict["resourceId"] = resource_id
            if source is not UNSET:
                field_dict["source"] = source
            if offset is not UNSET:
                field_dict["offset"] = offset
            if next_offset is not UNSET:
                field_dict["nextOffset"] = next_offset
            if line_list is not UNSET:
                field_dict["lineList"] = line_list
            if finished is not UNSET:
                field_dict["finished"] = finished
            if status_code is not UNSET:
                field_dict["statusCode"] = status_code
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        resource_id = _validation.null_as_unset(d.pop("resourceId", UNSET))
        source = _validation.null_as_unset(d.pop("source", UNSET))
        offset = _validation.null_as_unset(d.pop("offset", UNSET))
        next_offset = _validation.null_as_unset(d.pop("nextOffset", UNSET))
        line_list = cast(list[str], _validation.null_as_unset(d.pop("lineList", UNSET)))

        finished = _validation.null_as_unset(d.pop("finished", UNSET))
        status_code = _validation.null_as_unset(d.pop("statusCode", UNSET))
        log_chunk = cls(
            resource_id=resource_id,
            source=source,
            offset=offset,
            next_offset=next_offset,
            line_list=line_list,
            finished=finished,
            status_code=status_code,
        )
        log_chunk.additional_properties = d
        return log_chunk

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
