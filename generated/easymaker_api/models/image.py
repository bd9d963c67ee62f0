from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class Image:
    """
    Attributes:
        image_id (str | Unset):
        image_name (str | Unset):
        image_type_code (str | Unset):
        core_type_code (str | Unset):
        framework_code (str | Unset):
        framework_version (str | Unset):
        python_version (str | Unset):
        group_type_code (str | Unset):
        description (str | Unset):
    """

    image_id: str | Unset = UNSET
    image_name: str | Unset = UNSET
    image_type_code: str | Unset = UNSET
    core_type_code: str | Unset = UNSET
    framework_code: str | Unset = UNSET
    framework_version: str | Unset = UNSET
    python_version: str | Unset = UNSET
    group_type_code: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "imageId": "image_id",
        "imageName": "image_name",
        "imageTypeCode": "image_type_code",
        "coreTypeCode": "core_type_code",
        "frameworkCode": "framework_code",
        "frameworkVersion": "framework_version",
        "pythonVersion": "python_version",
        "groupTypeCode": "group_type_code",
        "description": "description",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            image_id = self.image_id

            image_name = self.image_name

            image_type_code = self.image_type_code

            core_type_code = self.core_type_code

            framework_code = self.framework_code

            framework_version = self.framework_version

            python_version = self.python_version

            group_type_code = self.group_type_code

            description = self.description

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if image_id is not UNSET:
                field_dict["imageId"] = image_id
            if image_name is not UNSET:
                field_dict["imageName"] = image_name
            if image_type_code is not UNSET:
                field_dict["imageTypeCode"] = image_type_code
            if core_type_code is not UNSET:
                field_dict["coreTypeCode"] = core_type_code
            if framework_code is not UNSET:
                field_dict["frameworkCode"] = framework_code
            if framework_version is not UNSET:
                field_dict["frameworkVersion"] = framework_version
            if python_version is not UNSET:
                field_dict["pythonVersion"] = python_version
            if group_type_code is not UNSET:
                field_dict["groupTypeCode"] = group_type_code
            if description is not UNSET:
                field_dict["description"] = description
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        image_id = _validation.null_as_unset(d.pop("imageId", UNSET))
        image_name = _validation.null_as_unset(d.pop("imageName", UNSET))
        image_type_code = _validation.null_as_unset(d.pop("imageTypeCode", UNSET))
        core_type_code = _validation.null_as_unset(d.pop("coreTypeCode", UNSET))
        framework_code = _validation.null_as_unset(d.pop("frameworkCode", UNSET))
        framework_version = _validation.null_as_unset(d.pop("frameworkVersion", UNSET))
        python_version = _validation.null_as_unset(d.pop("pythonVersion", UNSET))
        group_type_code = _validation.null_as_unset(d.pop("groupTypeCode", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        image = cls(
            image_id=image_id,
            image_name=image_name,
            image_type_code=image_type_code,
            core_type_code=core_type_code,
            framework_code=framework_code,
            framework_version=framework_version,
            python_version=python_version,
            group_type_code=group_type_code,
            description=description,
        )
        image.additional_properties = d
        return image

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
