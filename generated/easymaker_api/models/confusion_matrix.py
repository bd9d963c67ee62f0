from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.confusion_matrix_annotation_spec import ConfusionMatrixAnnotationSpec


@_attrs_define
class ConfusionMatrix:
    """
    Attributes:
        annotation_specs (list[ConfusionMatrixAnnotationSpec] | Unset):
        rows (list[list[float]] | Unset):
    """

    annotation_specs: list[ConfusionMatrixAnnotationSpec] | Unset = UNSET
    rows: list[list[float]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "annotationSpecs": "annotation_specs",
        "rows": "rows",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            annotation_specs: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.annotation_specs, Unset):
                annotation_specs = []
                for annotation_specs_item_data in self.annotation_specs:
                    annotation_specs_item = annotation_specs_item_data.to_dict()
                    annotation_specs.append(annotation_specs_item)

            rows: list[list[float]] | Unset = UNSET
            if not isinstance(self.rows, Unset):
                rows = []
                for rows_item_data in self.rows:
                    rows_item = rows_item_data

                    rows.append(rows_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if annotation_specs is not UNSET:
                field_dict["annotationSpecs"] = annotation_specs
            if rows is not UNSET:
                field_dict["rows"] = rows
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.confusion_matrix_annotation_spec import ConfusionMatrixAnnotationSpec

        d = dict(src_dict)
        _annotation_specs = _validation.null_as_unset(d.pop("annotationSpecs", UNSET))
        annotation_specs: list[ConfusionMatrixAnnotationSpec] | Unset = UNSET
        if _annotation_specs is not UNSET:
            annotation_specs = []
            for annotation_specs_item_data in _annotation_specs:
                annotation_specs_item = ConfusionMatrixAnnotationSpec.from_dict(annotation_specs_item_data)

                annotation_specs.append(annotation_specs_item)

        _rows = _validation.null_as_unset(d.pop("rows", UNSET))
        rows: list[list[float]] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = cast(list[float], rows_item_data)

                rows.append(rows_item)

        confusion_matrix = cls(
            annotation_specs=annotation_specs,
            rows=rows,
        )
        confusion_matrix.additional_properties = d
        return confusion_matrix

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
