from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header
    from ..models.log_chunk import LogChunk


@_attrs_define
class LogChunkResponse:
    """
    Attributes:
        header (Header):
        log_chunk (LogChunk | Unset):
    """

    header: Header
    log_chunk: LogChunk | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "logChunk": "log_chunk",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            log_chunk: dict[str, Any] | Unset = UNSET
            if not isinstance(self.log_chunk, Unset):
                log_chunk = self.log_chunk.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if log_chunk is not UNSET:
                field_dict["logChunk"] = log_chunk
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header
        from ..models.log_chunk import LogChunk

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _log_chunk = _validation.null_as_unset(d.pop("logChunk", UNSET))
        log_chunk: LogChunk | Unset
        if isinstance(_log_chunk, Unset):
            log_chunk = UNSET
        else:
            log_chunk = LogChunk.from_dict(_log_chunk)

        log_chunk_response = cls(
            header=header,
            log_chunk=log_chunk,
        )
        log_chunk_response.additional_properties = d
        return log_chunk_response

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
