from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.endpoint_stage_status_code import EndpointStageStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auto_scaler import AutoScaler
    from ..models.endpoint_model import EndpointModel
    from ..models.instance_type import InstanceType


@_attrs_define
class EndpointStage:
    """
    Attributes:
        endpoint_stage_id (str | Unset):
        endpoint_stage_name (str | Unset):
        endpoint_stage_status_code (EndpointStageStatusCode | str | Unset):
        endpoint_stage_status_reason (str | Unset):
        endpoint_id (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        apigw_stage_id (str | Unset):
        apigw_stage_name (str | Unset):
        apigw_stage_url (str | Unset): Host and optional path of the stage
        log_and_crash_app_key (str | Unset):
        expired_datetime (str | Unset):
        deploy_status (str | Unset):
        flavor (InstanceType | Unset):
        auto_scaler (AutoScaler | Unset):
        node_count (int | Unset):
        pod_count (int | Unset):
        is_active_node_group_status (bool | Unset):
        is_cluster_latest (bool | Unset):
        default_stage (bool | Unset): The default-stage flag as read by the 2.1.0 SDK.
        is_default_stage (bool | Unset): The default-stage flag as read by the 2.1.5 SDK.
        use_log (bool | Unset):
        endpoint_model_list (list[EndpointModel] | Unset):
    """

    endpoint_stage_id: str | Unset = UNSET
    endpoint_stage_name: str | Unset = UNSET
    endpoint_stage_status_code: EndpointStageStatusCode | str | Unset = UNSET
    endpoint_stage_status_reason: str | Unset = UNSET
    endpoint_id: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    apigw_stage_id: str | Unset = UNSET
    apigw_stage_name: str | Unset = UNSET
    apigw_stage_url: str | Unset = UNSET
    log_and_crash_app_key: str | Unset = UNSET
    expired_datetime: str | Unset = UNSET
    deploy_status: str | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    auto_scaler: AutoScaler | Unset = UNSET
    node_count: int | Unset = UNSET
    pod_count: int | Unset = UNSET
    is_active_node_group_status: bool | Unset = UNSET
    is_cluster_latest: bool | Unset = UNSET
    default_stage: bool | Unset = UNSET
    is_default_stage: bool | Unset = UNSET
    use_log: bool | Unset = UNSET
    endpoint_model_list: list[EndpointModel] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "endpointStageId": "endpoint_stage_id",
        "endpointStageName": "endpoint_stage_name",
        "endpointStageStatusCode": "endpoint_stage_status_code",
        "endpointStageStatusReason": "endpoint_stage_status_reason",
        "endpointId": "endpoint_id",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "apigwStageId": "apigw_stage_id",
        "apigwStageName": "apigw_stage_name",
        "apigwStageUrl": "apigw_stage_url",
        "logAndCrashAppKey": "log_and_crash_app_key",
        "expiredDatetime": "expired_datetime",
        "deployStatus": "deploy_status",
        "flavor": "flavor",
        "autoScaler": "auto_scaler",
        "nodeCount": "node_count",
        "podCount": "pod_count",
        "isActiveNodeGroupStatus": "is_active_node_group_status",
        "isClusterLatest": "is_cluster_latest",
        "defaultStage": "default_stage",
        "isDefaultStage": "is_default_stage",
        "useLog": "use_log",
        "endpointModelList": "endpoint_model_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            endpoint_stage_id = self.endpoint_stage_id

            endpoint_stage_name = self.endpoint_stage_name

            endpoint_stage_status_code: str | Unset
            if isinstance(self.endpoint_stage_status_code, Unset):
                endpoint_stage_status_code = UNSET
            elif isinstance(self.endpoint_stage_status_code, EndpointStageStatusCode):
                endpoint_stage_status_code = self.endpoint_stage_status_code.value
            else:
                endpoint_stage_status_code = self.endpoint_stage_status_code

            endpoint_stage_status_reason = self.endpoint_stage_status_reason

            endpoint_id = self.endpoint_id

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            apigw_stage_id = self.apigw_stage_id

            apigw_stage_name = self.apigw_stage_name

            apigw_stage_url = self.apigw_stage_url

            log_and_crash_app_key = self.log_and_crash_app_key

            expired_datetime = self.expired_datetime

            deploy_status = self.deploy_status

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            auto_scaler: dict[str, Any] | Unset = UNSET
            if not isinstance(self.auto_scaler, Unset):
                auto_scaler = self.auto_scaler.to_dict()

            node_count = self.node_count

            pod_count = self.pod_count

            is_active_node_group_status = self.is_active_node_group_status

            is_cluster_latest = self.is_cluster_latest

            default_stage = self.default_stage

            is_default_stage = self.is_default_stage

            use_log = self.use_log

            endpoint_model_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.endpoint_model_list, Unset):
                endpoint_model_list = []
                for endpoint_model_list_item_data in self.endpoint_model_list:
                    endpoint_model_list_item = endpoint_model_list_item_data.to_dict()
                    endpoint_model_list.append(endpoint_model_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if endpoint_stage_id is not UNSET:
                field_dict["endpointStageId"] = endpoint_stage_id
            if endpoint_stage_name is not UNSET:
                field_dict["endpointStageName"] = endpoint_stage_name
            if endpoint_stage_status_code is not UNSET:
                field_dict["endpointStageStatusCode"] = endpoint_stage_status_code
            if endpoint_stage_status_reason is not UNSET:
                field_dict["endpointStageStatusReason"] = endpoint_stage_status_reason
            if endpoint_id is not UNSET:
                field_dict["endpointId"] = endpoint_id
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if apigw_stage_id is not UNSET:
                field_dict["apigwStageId"] = apigw_stage_id
            if apigw_stage_name is not UNSET:
                field_dict["apigwStageName"] = apigw_stage_name
            if apigw_stage_url is not UNSET:
                field_dict["apigwStageUrl"] = apigw_stage_url
            if log_and_crash_app_key is not UNSET:
                field_dict["logAndCrashAppKey"] = log_and_crash_app_key
            if expired_datetime is not UNSET:
                field_dict["expiredDatetime"] = expired_datetime
            if deploy_status is not UNSET:
                field_dict["deployStatus"] = deploy_status
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if auto_scaler is not UNSET:
                field_dict["autoScaler"] = auto_scaler
            if node_count is not UNSET:
                field_dict["nodeCount"] = node_count
            if pod_count is not UNSET:
                field_dict["podCount"] = pod_count
            if is_active_node_group_status is not UNSET:
                field_dict["isActiveNodeGroupStatus"] = is_active_node_group_status
            if is_cluster_latest is not UNSET:
                field_dict["isClusterLatest"] = is_cluster_latest
            if default_stage is not UNSET:
                field_dict["defaultStage"] = default_stage
            if is_default_stage is not UNSET:
                field_dict["isDefaultStage"] = is_default_stage
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            if endpoint_model_list is not UNSET:
                field_dict["endpointModelList"] = endpoint_model_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.auto_scaler import AutoScaler
        from ..models.endpoint_model import EndpointModel
        from ..models.instance_type import InstanceType

        d = dict(src_dict)
        endpoint_stage_id = _validation.null_as_unset(d.pop("endpointStageId", UNSET))
        endpoint_stage_name = _validation.null_as_unset(d.pop("endpointStageName", UNSET))

        def _parse_endpoint_stage_status_code(data: object) -> EndpointStageStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                endpoint_stage_status_code_type_0 = EndpointStageStatusCode(data)

                return endpoint_stage_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndpointStageStatusCode | str | Unset, data)

        endpoint_stage_status_code = _parse_endpoint_stage_status_code(
            _validation.null_as_unset(d.pop("endpointStageStatusCode", UNSET))
        )

        endpoint_stage_status_reason = _validation.null_as_unset(d.pop("endpointStageStatusReason", UNSET))
        endpoint_id = _validation.null_as_unset(d.pop("endpointId", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        apigw_stage_id = _validation.null_as_unset(d.pop("apigwStageId", UNSET))
        apigw_stage_name = _validation.null_as_unset(d.pop("apigwStageName", UNSET))
        apigw_stage_url = _validation.null_as_unset(d.pop("apigwStageUrl", UNSET))
        log_and_crash_app_key = _validation.null_as_unset(d.pop("logAndCrashAppKey", UNSET))
        expired_datetime = _validation.null_as_unset(d.pop("expiredDatetime", UNSET))
        deploy_status = _validation.null_as_unset(d.pop("deployStatus", UNSET))
        _flavor = _validation.null_as_unset(d.pop("flavor", UNSET))
        flavor: InstanceType | Unset
        if isinstance(_flavor, Unset):
            flavor = UNSET
        else:
            flavor = InstanceType.from_dict(_flavor)

        _auto_scaler = _validation.null_as_unset(d.pop("autoScaler", UNSET))
        auto_scaler: AutoScaler | Unset
        if isinstance(_auto_scaler, Unset):
            auto_scaler = UNSET
        else:
            auto_scaler = AutoScaler.from_dict(_auto_scaler)

        node_count = _validation.null_as_unset(d.pop("nodeCount", UNSET))
        pod_count = _validation.null_as_unset(d.pop("podCount", UNSET))
        is_active_node_group_status = _validation.null_as_unset(d.pop("isActiveNodeGroupStatus", UNSET))
        is_cluster_latest = _validation.null_as_unset(d.pop("isClusterLatest", UNSET))
        default_stage = _validation.null_as_unset(d.pop("defaultStage", UNSET))
        is_default_stage = _validation.null_as_unset(d.pop("isDefaultStage", UNSET))
        use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
        _endpoint_model_list = _validation.null_as_unset(d.pop("endpointModelList", UNSET))
        endpoint_model_list: list[EndpointModel] | Unset = UNSET
        if _endpoint_model_list is not UNSET:
            endpoint_model_list = []
            for endpoint_model_list_item_data in _endpoint_model_list:
                endpoint_model_list_item = EndpointModel.from_dict(endpoint_model_list_item_data)

                endpoint_model_list.append(endpoint_model_list_item)

        endpoint_stage = cls(
            endpoint_stage_id=endpoint_stage_id,
            endpoint_stage_name=endpoint_stage_name,
            endpoint_stage_status_code=endpoint_stage_status_code,
            endpoint_stage_status_reason=endpoint_stage_status_reason,
            endpoint_id=endpoint_id,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            apigw_stage_id=apigw_stage_id,
            apigw_stage_name=apigw_stage_name,
            apigw_stage_url=apigw_stage_url,
            log_and_crash_app_key=log_and_crash_app_key,
            expired_datetime=expired_datetime,
            deploy_status=deploy_status,
            flavor=flavor,
            auto_scaler=auto_scaler,
            node_count=node_count,
            pod_count=pod_count,
            is_active_node_group_status=is_active_node_group_status,
            is_cluster_latest=is_cluster_latest,
            default_stage=default_stage,
            is_default_stage=is_default_stage,
            use_log=use_log,
            endpoint_model_list=endpoint_model_list,
        )
        endpoint_stage.additional_properties = d
        return endpoint_stage

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
