from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.model_status_code import ModelStatusCode
from ..types import UNSET, Unset


@_attrs_define
class ModelSummary:
    """A model as nested in other resources.

    Attributes:
        model_id (str | Unset):
        model_name (str | Unset):
        model_status_code (ModelStatusCode | str | Unset):
    """

    model_id: str | Unset = UNSET
    model_name: str | Unset = UNSET
    model_status_code: ModelStatusCode | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelId": "model_id",
        "modelName": "model_name",
        "modelStatusCode": "model_status_code",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            model_id = self.model_id

            model_name = self.model_name

            model_status_code: str | Unset
            if isinstance(self.model_status_code, Unset):
                model_status_code = UNSET
            elif isinstance(self.model_status_code, ModelStatusCode):
                model_status_code = self.model_status_code.value
            else:
                model_status_code = self.model_status_code

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if model_id is not UNSET:
                field_dict["modelId"] = model_id
            if model_name is not UNSET:
                field_dict["modelName"] = model_name
            if model_status_code is not UNSET:
                field_dict["modelStatusCode"] = model_status_code
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        model_id = _validation.null_as_unset(d.pop("modelId", UNSET))
        model_name = _validation.null_as_unset(d.pop("modelName", UNSET))

        def _parse_model_status_code(data: object) -> ModelStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_status_code_type_0 = ModelStatusCode(data)

                return model_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelStatusCode | str | Unset, data)

        model_status_code = _parse_model_status_code(_validation.null_as_unset(d.pop("modelStatusCode", UNSET)))

        model_summary = cls(
            model_id=model_id,
            model_name=model_name,
            model_status_code=model_status_code,
        )
        model_summary.additional_properties = d
        return model_summary

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
