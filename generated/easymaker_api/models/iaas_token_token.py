from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class IaasTokenToken:
    """
    Attributes:
        id (str | Unset):
        expires (str | Unset):
    """

    id: str | Unset = UNSET
    expires: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "id": "id",
        "expires": "expires",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            id = self.id

            expires = self.expires

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if id is not UNSET:
                field_dict["id"] = id
            if expires is not UNSET:
                field_dict["expires"] = expires
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        id = _validation.null_as_unset(d.pop("id", UNSET))
        expires = _validation.null_as_unset(d.pop("expires", UNSET))
        iaas_token_token = cls(
            id=id,
            expires=expires,
        )
        iaas_token_token.additional_properties = d
        return iaas_token_token

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
