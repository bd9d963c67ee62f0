from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.iaas_token_token import IaasTokenToken


@_attrs_define
class IaasToken:
    """
    Attributes:
        token (IaasTokenToken | Unset):
    """

    token: IaasTokenToken | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "token": "token",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            token: dict[str, Any] | Unset = UNSET
            if not isinstance(self.token, Unset):
                token = self.token.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if token is not UNSET:
                field_dict["token"] = token
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.iaas_token_token import IaasTokenToken

        d = dict(src_dict)
        _token = _validation.null_as_unset(d.pop("token", UNSET))
        token: IaasTokenToken | Unset
        if isinstance(_token, Unset):
            token = UNSET
        else:
            token = IaasTokenToken.from_dict(_token)

        iaas_token = cls(
            token=token,
        )
        iaas_token.additional_properties = d
        return iaas_token

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
