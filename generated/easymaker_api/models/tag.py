from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class Tag:
    """
    Attributes:
        tag_key (str): Limits: minLength=1, maxLength=64.
        tag_value (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    tag_key: str
    tag_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "tagKey": "tag_key",
        "tagValue": "tag_value",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "tagKey": {"minLength": 1, "maxLength": 64},
        "tagValue": {"maxLength": 255},
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
            tag_key = self.tag_key

            tag_value = self.tag_value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["tagKey"] = tag_key
            if tag_value is not UNSET:
                field_dict["tagValue"] = tag_value
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            tag_key = d.pop("tagKey")
            tag_value = _validation.null_as_unset(d.pop("tagValue", UNSET))
            tag = cls(
                tag_key=tag_key,
                tag_value=tag_value,
            )
            tag.additional_properties = d
            return tag

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
