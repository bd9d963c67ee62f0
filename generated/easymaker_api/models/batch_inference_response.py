from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_inference import BatchInference
    from ..models.header import Header


@_attrs_define
class BatchInferenceResponse:
    """
    Attributes:
        header (Header):
        batch_inference (BatchInference | Unset):
    """

    header: Header
    batch_inference: BatchInference | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "batchInference": "batch_inference",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            batch_inference: dict[str, Any] | Unset = UNSET
            if not isinstance(self.batch_inference, Unset):
                batch_inference = self.batch_inference.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if batch_inference is not UNSET:
                field_dict["batchInference"] = batch_inference
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.batch_inference import BatchInference
        from ..models.header import Header

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _batch_inference = _validation.null_as_unset(d.pop("batchInference", UNSET))
        batch_inference: BatchInference | Unset
        if isinstance(_batch_inference, Unset):
            batch_inference = UNSET
        else:
            batch_inference = BatchInference.from_dict(_batch_inference)

        batch_inference_response = cls(
            header=header,
            batch_inference=batch_inference,
        )
        batch_inference_response.additional_properties = d
        return batch_inference_response

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
