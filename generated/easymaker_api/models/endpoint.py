from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.endpoint_status_code import EndpointStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_stage import EndpointStage
    from ..models.image import Image
    from ..models.storage import Storage
    from ..models.tag import Tag


@_attrs_define
class Endpoint:
    """
    Attributes:
        endpoint_id (str | Unset):
        endpoint_name (str | Unset):
        endpoint_status_code (EndpointStatusCode | str | Unset):
        endpoint_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        apigw_app_key (str | Unset):
        apigw_region (str | Unset):
        apigw_service_id (str | Unset):
        image (Image | Unset):
        boot_storage (Storage | Unset):
        data_storage_list (list[Storage] | Unset):
        endpoint_stage_list (list[EndpointStage] | Unset):
        default_stage (EndpointStage | Unset):
        tag_list (list[Tag] | Unset):
    """

    endpoint_id: str | Unset = UNSET
    endpoint_name: str | Unset = UNSET
    endpoint_status_code: EndpointStatusCode | str | Unset = UNSET
    endpoint_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    apigw_app_key: str | Unset = UNSET
    apigw_region: str | Unset = UNSET
    apigw_service_id: str | Unset = UNSET
    image: Image | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    data_storage_list: list[Storage] | Unset = UNSET
    endpoint_stage_list: list[EndpointStage] | Unset = UNSET
    default_stage: EndpointStage | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "endpointId": "endpoint_id",
        "endpointName": "endpoint_name",
        "endpointStatusCode": "endpoint_status_code",
        "endpointStatusReason": "endpoint_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "apigwAppKey": "apigw_app_key",
        "apigwRegion": "apigw_region",
        "apigwServiceId": "apigw_service_id",
        "image": "image",
        "bootStorage": "boot_storage",
        "dataStorageList": "data_storage_list",
        "endpointStageList": "endpoint_stage_list",
        "defaultStage": "default_stage",
        "tagList": "tag_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            endpoint_id = self.endpoint_id

            endpoint_name = self.endpoint_name

            endpoint_status_code: str | Unset
            if isinstance(self.endpoint_status_code, Unset):
                endpoint_status_code = UNSET
            elif isinstance(self.endpoint_status_code, EndpointStatusCode):
                endpoint_status_code = self.endpoint_status_code.value
            else:
                endpoint_status_code = self.endpoint_status_code

            endpoint_status_reason = self.endpoint_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            apigw_app_key = self.apigw_app_key

            apigw_region = self.apigw_region

            apigw_service_id = self.apigw_service_id

            image: dict[str, Any] | Unset = UNSET
            if not isinstance(self.image, Unset):
                image = self.image.to_dict()

            boot_storage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.boot_storage, Unset):
                boot_storage = self.boot_storage.to_dict()

            data_storage_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.data_storage_list, Unset):
                data_storage_list = []
                for data_storage_list_item_data in self.data_storage_list:
                    data_storage_list_item = data_storage_list_item_data.to_dict()
                    data_storage_list.append(data_storage_list_item)

            endpoint_stage_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.endpoint_stage_list, Unset):
                endpoint_stage_list = []
                for endpoint_stage_list_item_data in self.endpoint_stage_list:
                    endpoint_stage_list_item = endpoint_stage_list_item_data.to_dict()
                    endpoint_stage_list.append(endpoint_stage_list_item)

            default_stage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.default_stage, Unset):
                default_stage = self.default_stage.to_dict()

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if endpoint_id is not UNSET:
                field_dict["endpointId"] = endpoint_id
            if endpoint_name is not UNSET:
                field_dict["endpointName"] = endpoint_name
            if endpoint_status_code is not UNSET:
                field_dict["endpointStatusCode"] = endpoint_status_code
            if endpoint_status_reason is not UNSET:
                field_dict["endpointStatusReason"] = endpoint_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if apigw_app_key is not UNSET:
                field_dict["apigwAppKey"] = apigw_app_key
            if apigw_region is not UNSET:
                field_dict["apigwRegion"] = apigw_region
            if apigw_service_id is not UNSET:
                field_dict["apigwServiceId"] = apigw_service_id
            if image is not UNSET:
                field_dict["image"] = image
            if boot_storage is not UNSET:
                field_dict["bootStorage"] = boot_storage
            if data_storage_list is not UNSET:
                field_dict["dataStorageList"] = data_storage_list
            if endpoint_stage_list is not UNSET:
                field_dict["endpointStageList"] = endpoint_stage_list
            if default_stage is not UNSET:
                field_dict["defaultStage"] = default_stage
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.endpoint_stage import EndpointStage
        from ..models.image import Image
        from ..models.storage import Storage
        from ..models.tag import Tag

        d = dict(src_dict)
        endpoint_id = _validation.null_as_unset(d.pop("endpointId", UNSET))
        endpoint_name = _validation.null_as_unset(d.pop("endpointName", UNSET))

        def _parse_endpoint_status_code(data: object) -> EndpointStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                endpoint_status_code_type_0 = EndpointStatusCode(data)

                return endpoint_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndpointStatusCode | str | Unset, data)

        endpoint_status_code = _parse_endpoint_status_code(
            _validation.null_as_unset(d.pop("endpointStatusCode", UNSET))
        )

        endpoint_status_reason = _validation.null_as_unset(d.pop("endpointStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        apigw_app_key = _validation.null_as_unset(d.pop("apigwAppKey", UNSET))
        apigw_region = _validation.null_as_unset(d.pop("apigwRegion", UNSET))
        apigw_service_id = _validation.null_as_unset(d.pop("apigwServiceId", UNSET))
        _image = _validation.null_as_unset(d.pop("image", UNSET))
        image: Image | Unset
        if isinstance(_image, Unset):
            image = UNSET
        else:
            image = Image.from_dict(_image)

        _boot_storage = _validation.null_as_unset(d.pop("bootStorage", UNSET))
        boot_storage: Storage | Unset
        if isinstance(_boot_storage, Unset):
            boot_storage = UNSET
        else:
            boot_storage = Storage.from_dict(_boot_storage)

        _data_storage_list = _validation.null_as_unset(d.pop("dataStorageList", UNSET))
        data_storage_list: list[Storage] | Unset = UNSET
        if _data_storage_list is not UNSET:
            data_storage_list = []
            for data_storage_list_item_data in _data_storage_list:
                data_storage_list_item = Storage.from_dict(data_storage_list_item_data)

                data_storage_list.append(data_storage_list_item)

        _endpoint_stage_list = _validation.null_as_unset(d.pop("endpointStageList", UNSET))
        endpoint_stage_list: list[EndpointStage] | Unset = UNSET
        if _endpoint_stage_list is not UNSET:
            endpoint_stage_list = []
            for endpoint_stage_list_item_data in _endpoint_stage_list:
                endpoint_stage_list_item = EndpointStage.from_dict(endpoint_stage_list_item_data)

                endpoint_stage_list.append(endpoint_stage_list_item)

        _default_stage = _validation.null_as_unset(d.pop("defaultStage", UNSET))
        default_stage: EndpointStage | Unset
        if isinstance(_default_stage, Unset):
            default_stage = UNSET
        else:
            default_stage = EndpointStage.from_dict(_default_stage)

        _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
        tag_list: list[Tag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = Tag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        endpoint = cls(
            endpoint_id=endpoint_id,
            endpoint_name=endpoint_name,
            endpoint_status_code=endpoint_status_code,
            endpoint_status_reason=endpoint_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            apigw_app_key=apigw_app_key,
            apigw_region=apigw_region,
            apigw_service_id=apigw_service_id,
            image=image,
            boot_storage=boot_storage,
            data_storage_list=data_storage_list,
            endpoint_stage_list=endpoint_stage_list,
            default_stage=default_stage,
            tag_list=tag_list,
        )
        endpoint.additional_properties = d
        return endpoint

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
