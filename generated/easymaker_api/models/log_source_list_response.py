from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header
    from ..models.log_source import LogSource


@_attrs_define
class LogSourceListResponse:
    """
    Attributes:
        header (Header):
        resource_id (str | Unset):
        log_source_list (list[LogSource] | Unset):
    """

    header: Header
    resource_id: str | Unset = UNSET
    log_source_list: list[LogSource] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "resourceId": "resource_id",
        "logSourceList": "log_source_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            resource_id = self.resource_id

            log_source_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.log_source_list, Unset):
                log_source_list = []
                for log_source_list_item_data in self.log_source_list:
                    log_source_list_item = log_source_list_item_data.to_dict()
                    log_source_list.append(log_source_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if resource_id is not UNSET:
                field_dict["resourceId"] = resource_id
            if log_source_list is not UNSET:
                field_dict["logSourceList"] = log_source_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header
        from ..models.log_source import LogSource

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        resource_id = _validation.null_as_unset(d.pop("resourceId", UNSET))
        _log_source_list = _validation.null_as_unset(d.pop("logSourceList", UNSET))
        log_source_list: list[LogSource] | Unset = UNSET
        if _log_source_list is not UNSET:
            log_source_list = []
            for log_source_list_item_data in _log_source_list:
                log_source_list_item = LogSource.from_dict(log_source_list_item_data)

                log_source_list.append(log_source_list_item)

        log_source_list_response = cls(
            header=header,
            resource_id=resource_id,
            log_source_list=log_source_list,
        )
        log_source_list_response.additional_properties = d
        return log_source_list_response

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
