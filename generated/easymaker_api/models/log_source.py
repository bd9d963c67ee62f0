from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class LogSource:
    """
    Attributes:
        source (str | Unset): Empty for the job's own log; else the value of `source` that reads this log.
        source_type_code (str | Unset): JOB, TRIAL, PIPELINE_STEP or MODEL_WORKER.
        size_bytes (int | Unset):
    """

    source: str | Unset = UNSET
    source_type_code: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "source": "source",
        "sourceTypeCode": "source_type_code",
        "sizeBytes": "size_bytes",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            source = self.source

            source_type_code = self.source_type_code

            size_bytes = self.size_bytes

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if source is not UNSET:
                field_dict["source"] = source
            if source_type_code is not UNSET:
                field_dict["sourceTypeCode"] = source_type_code
            if size_bytes is not UNSET:
                field_dict["sizeBytes"] = size_bytes
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        source = _validation.null_as_unset(d.pop("source", UNSET))
        source_type_code = _validation.null_as_unset(d.pop("sourceTypeCode", UNSET))
        size_bytes = _validation.null_as_unset(d.pop("sizeBytes", UNSET))
        log_source = cls(
            source=source,
            source_type_code=source_type_code,
            size_bytes=size_bytes,
        )
        log_source.additional_properties = d
        return log_source

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
