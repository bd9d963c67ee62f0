from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.dataset_format_code import DatasetFormatCode
from ..models.dataset_split_code import DatasetSplitCode
from ..types import UNSET, Unset


@_attrs_define
class Dataset:
    """
    Attributes:
        dataset_name (str): Limits: minLength=1, maxLength=36.
        data_uri (str): Limits: minLength=1, maxLength=255.
        dataset_format_code (DatasetFormatCode | Unset): Limits: enum=('CHAT_TEMPLATE', 'COMPLETION').
        dataset_split_code (DatasetSplitCode | Unset): Limits: enum=('TRAIN', 'VALIDATION', 'TEST').

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    dataset_name: str
    data_uri: str
    dataset_format_code: DatasetFormatCode | Unset = UNSET
    dataset_split_code: DatasetSplitCode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "datasetName": "dataset_name",
        "dataUri": "data_uri",
        "datasetFormatCode": "dataset_format_code",
        "datasetSplitCode": "dataset_split_code",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "datasetName": {"minLength": 1, "maxLength": 36},
        "dataUri": {"minLength": 1, "maxLength": 255},
        "datasetFormatCode": {"enum": ("CHAT_TEMPLATE", "COMPLETION")},
        "datasetSplitCode": {"enum": ("TRAIN", "VALIDATION", "TEST")},
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
            dataset_name = self.dataset_name

            data_uri = self.data_uri

            dataset_format_code: str | Unset = UNSET
            if not isinstance(self.dataset_format_code, Unset):
                dataset_format_code = self.dataset_format_code.value

            dataset_split_code: str | Unset = UNSET
            if not isinstance(self.dataset_split_code, Unset):
                dataset_split_code = self.dataset_split_code.value

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["datasetName"] = dataset_name
            field_dict["dataUri"] = data_uri
            if dataset_format_code is not UNSET:
                field_dict["datasetFormatCode"] = dataset_format_code
            if dataset_split_code is not UNSET:
                field_dict["datasetSplitCode"] = dataset_split_code
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            dataset_name = d.pop("datasetName")
            data_uri = d.pop("dataUri")
            _dataset_format_code = _validation.null_as_unset(d.pop("datasetFormatCode", UNSET))
            dataset_format_code: DatasetFormatCode | Unset
            if isinstance(_dataset_format_code, Unset):
                dataset_format_code = UNSET
            else:
                dataset_format_code = DatasetFormatCode(_dataset_format_code)

            _dataset_split_code = _validation.null_as_unset(d.pop("datasetSplitCode", UNSET))
            dataset_split_code: DatasetSplitCode | Unset
            if isinstance(_dataset_split_code, Unset):
                dataset_split_code = UNSET
            else:
                dataset_split_code = DatasetSplitCode(_dataset_split_code)

            dataset = cls(
                dataset_name=dataset_name,
                data_uri=data_uri,
                dataset_format_code=dataset_format_code,
                dataset_split_code=dataset_split_code,
            )
            dataset.additional_properties = d
            return dataset

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
