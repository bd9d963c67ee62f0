from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header
    from ..models.hyperparameter_tuning import HyperparameterTuning
    from ..models.paging import Paging


@_attrs_define
class HyperparameterTuningListResponse:
    """
    Attributes:
        header (Header):
        hyperparameter_tuning_list (list[HyperparameterTuning] | Unset):
        paging (Paging | Unset): EasyMaker Local only. The page of a list asked for with `page` and `limit`.
    """

    header: Header
    hyperparameter_tuning_list: list[HyperparameterTuning] | Unset = UNSET
    paging: Paging | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "hyperparameterTuningList": "hyperparameter_tuning_list",
        "paging": "paging",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            hyperparameter_tuning_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.hyperparameter_tuning_list, Unset):
                hyperparameter_tuning_list = []
                for hyperparameter_tuning_list_item_data in self.hyperparameter_tuning_list:
                    hyperparameter_tuning_list_item = hyperparameter_tuning_list_item_data.to_dict()
                    hyperparameter_tuning_list.append(hyperparameter_tuning_list_item)

            paging: dict[str, Any] | Unset = UNSET
            if not isinstance(self.paging, Unset):
                paging = self.paging.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if hyperparameter_tuning_list is not UNSET:
                field_dict["hyperparameterTuningList"] = hyperparameter_tuning_list
            if paging is not UNSET:
                field_dict["paging"] = paging
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header
        from ..models.hyperparameter_tuning import HyperparameterTuning
        from ..models.paging import Paging

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _hyperparameter_tuning_list = _validation.null_as_unset(d.pop("hyperparameterTuningList", UNSET))
        hyperparameter_tuning_list: list[HyperparameterTuning] | Unset = UNSET
        if _hyperparameter_tuning_list is not UNSET:
            hyperparameter_tuning_list = []
            for hyperparameter_tuning_list_item_data in _hyperparameter_tuning_list:
                hyperparameter_tuning_list_item = HyperparameterTuning.from_dict(hyperparameter_tuning_list_item_data)

                hyperparameter_tuning_list.append(hyperparameter_tuning_list_item)

        _paging = _validation.null_as_unset(d.pop("paging", UNSET))
        paging: Paging | Unset
        if isinstance(_paging, Unset):
            paging = UNSET
        else:
            paging = Paging.from_dict(_paging)

        hyperparameter_tuning_list_response = cls(
            header=header,
            hyperparameter_tuning_list=hyperparameter_tuning_list,
            paging=paging,
        )
        hyperparameter_tuning_list_response.additional_properties = d
        return hyperparameter_tuning_list_response

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
