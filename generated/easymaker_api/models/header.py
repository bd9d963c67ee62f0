from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class Header:
    """
    Attributes:
        is_successful (bool):
        result_code (int | Unset):
        result_message (str | Unset):
    """

    is_successful: bool
    result_code: int | Unset = UNSET
    result_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "isSuccessful": "is_successful",
        "resultCode": "result_code",
        "resultMessage": "result_message",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            is_successful = self.is_successful

            result_code = self.result_code

            result_message = self.result_message

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["isSuccessful"] = is_successful
            if result_code is not UNSET:
                field_dict["resultCode"] = result_code
            if result_message is not UNSET:
                field_dict["resultMessage"] = result_message
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        is_successful = d.pop("isSuccessful")
        result_code = _validation.null_as_unset(d.pop("resultCode", UNSET))
        result_message = _validation.null_as_unset(d.pop("resultMessage", UNSET))
        header = cls(
            is_successful=is_successful,
            result_code=result_code,
            result_message=result_message,
        )
        header.additional_properties = d
        return header

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
