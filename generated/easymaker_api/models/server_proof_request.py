from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define

from .. import validation as _validation


@_attrs_define
class ServerProofRequest:
    """
    Attributes:
        nonce (str): At least 128 random bits, URL-safe base64 without padding. Limits: minLength=22, maxLength=128,
            pattern='^[A-Za-z0-9_-]+$'.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    nonce: str

    __wire_names__: ClassVar[dict[str, str]] = {
        "nonce": "nonce",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "nonce": {"minLength": 22, "maxLength": 128, "pattern": "^[A-Za-z0-9_-]+$"}
    }

    def __attrs_post_init__(self) -> None:
        _validation.check_request(self)

    def check_constraints(self, path: str = "") -> None:
        """Raise `ConstraintViolation` for the first value (here or nested) outside a limit of the document."""
        _validation.validate_model(self, path)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object, after checking the limits of the document (this object and
        everything nested in it). Nested objects are serialised without checking again."""
        _validation.check_request(self)
        with _validation.lenient():
            nonce = self.nonce

            field_dict: dict[str, Any] = {}
            field_dict["nonce"] = nonce
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            nonce = d.pop("nonce")
            server_proof_request = cls(
                nonce=nonce,
            )
            return server_proof_request
