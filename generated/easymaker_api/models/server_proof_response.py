from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header


@_attrs_define
class ServerProofResponse:
    """
    Attributes:
        header (Header):
        proof (str | Unset): hex HMAC-SHA256 (see proveLocalServer)
    """

    header: Header
    proof: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "proof": "proof",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            proof = self.proof

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if proof is not UNSET:
                field_dict["proof"] = proof
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        proof = _validation.null_as_unset(d.pop("proof", UNSET))
        server_proof_response = cls(
            header=header,
            proof=proof,
        )
        server_proof_response.additional_properties = d
        return server_proof_response

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
