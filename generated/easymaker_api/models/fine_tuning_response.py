from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fine_tuning import FineTuning
    from ..models.header import Header


@_attrs_define
class FineTuningResponse:
    """
    Attributes:
        header (Header):
        fine_tuning (FineTuning | Unset):
    """

    header: Header
    fine_tuning: FineTuning | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "fineTuning": "fine_tuning",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            fine_tuning: dict[str, Any] | Unset = UNSET
            if not isinstance(self.fine_tuning, Unset):
                fine_tuning = self.fine_tuning.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if fine_tuning is not UNSET:
                field_dict["fineTuning"] = fine_tuning
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.fine_tuning import FineTuning
        from ..models.header import Header

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _fine_tuning = _validation.null_as_unset(d.pop("fineTuning", UNSET))
        fine_tuning: FineTuning | Unset
        if isinstance(_fine_tuning, Unset):
            fine_tuning = UNSET
        else:
            fine_tuning = FineTuning.from_dict(_fine_tuning)

        fine_tuning_response = cls(
            header=header,
            fine_tuning=fine_tuning,
        )
        fine_tuning_response.additional_properties = d
        return fine_tuning_response

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
