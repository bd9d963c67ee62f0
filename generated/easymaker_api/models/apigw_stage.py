from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class ApigwStage:
    """
    Attributes:
        stage_id (str | Unset):
        deploy_status (str | Unset):
        stage_url (str | Unset):
    """

    stage_id: str | Unset = UNSET
    deploy_status: str | Unset = UNSET
    stage_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "stageId": "stage_id",
        "deployStatus": "deploy_status",
        "stageUrl": "stage_url",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            stage_id = self.stage_id

            deploy_status = self.deploy_status

            stage_url = self.stage_url

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if stage_id is not UNSET:
                field_dict["stageId"] = stage_id
            if deploy_status is not UNSET:
                field_dict["deployStatus"] = deploy_status
            if stage_url is not UNSET:
                field_dict["stageUrl"] = stage_url
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        stage_id = _validation.null_as_unset(d.pop("stageId", UNSET))
        deploy_status = _validation.null_as_unset(d.pop("deployStatus", UNSET))
        stage_url = _validation.null_as_unset(d.pop("stageUrl", UNSET))
        apigw_stage = cls(
            stage_id=stage_id,
            deploy_status=deploy_status,
            stage_url=stage_url,
        )
        apigw_stage.additional_properties = d
        return apigw_stage

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
