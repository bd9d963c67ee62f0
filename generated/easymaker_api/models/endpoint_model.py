from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.endpoint_model_status_code import EndpointModelStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.apigw_stage import ApigwStage
    from ..models.model_summary import ModelSummary
    from ..models.resource_option_detail import ResourceOptionDetail


@_attrs_define
class EndpointModel:
    """
    Attributes:
        endpoint_model_id (str | Unset):
        endpoint_model_status_code (EndpointModelStatusCode | str | Unset):
        endpoint_model_status_reason (str | Unset):
        endpoint_id (str | Unset):
        endpoint_stage_id (str | Unset):
        model_id (str | Unset):
        image_id (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        stage (ApigwStage | Unset):
        model (ModelSummary | Unset): A model as nested in other resources.
        resource_option_detail (ResourceOptionDetail | Unset):
        pod_auto_scale_enable (bool | Unset):
        scale_metric_code (str | Unset):
        scale_metric_target (int | Unset):
        running_pod_count (int | Unset):
        pod_count (int | Unset):
        apigw_resource_uri (str | Unset):
        apigw_endpoint_uri (str | Unset):
    """

    endpoint_model_id: str | Unset = UNSET
    endpoint_model_status_code: EndpointModelStatusCode | str | Unset = UNSET
    endpoint_model_status_reason: str | Unset = UNSET
    endpoint_id: str | Unset = UNSET
    endpoint_stage_id: str | Unset = UNSET
    model_id: str | Unset = UNSET
    image_id: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    stage: ApigwStage | Unset = UNSET
    model: ModelSummary | Unset = UNSET
    resource_option_detail: ResourceOptionDetail | Unset = UNSET
    pod_auto_scale_enable: bool | Unset = UNSET
    scale_metric_code: str | Unset = UNSET
    scale_metric_target: int | Unset = UNSET
    running_pod_count: int | Unset = UNSET
    pod_count: int | Unset = UNSET
    apigw_resource_uri: str | Unset = UNSET
    apigw_endpoint_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "endpointModelId": "endpoint_model_id",
        "endpointModelStatusCode": "endpoint_model_status_code",
        "endpointModelStatusReason": "endpoint_model_status_reason",
        "endpointId": "endpoint_id",
        "endpointStageId": "endpoint_stage_id",
        "modelId": "model_id",
        "imageId": "image_id",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "stage": "stage",
        "model": "model",
        "resourceOptionDetail": "resource_option_detail",
        "podAutoScaleEnable": "pod_auto_scale_enable",
        "scaleMetricCode": "scale_metric_code",
        "scaleMetricTarget": "scale_metric_target",
        "runningPodCount": "running_pod_count",
        "podCount": "pod_count",
        "apigwResourceUri": "apigw_resource_uri",
        "apigwEndpointUri": "apigw_endpoint_uri",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            endpoint_model_id = self.endpoint_model_id

            endpoint_model_status_code: str | Unset
            if isinstance(self.endpoint_model_status_code, Unset):
                endpoint_model_status_code = UNSET
            elif isinstance(self.endpoint_model_status_code, EndpointModelStatusCode):
                endpoint_model_status_code = self.endpoint_model_status_code.value
            else:
                endpoint_model_status_code = self.endpoint_model_status_code

            endpoint_model_status_reason = self.endpoint_model_status_reason

            endpoint_id = self.endpoint_id

            endpoint_stage_id = self.endpoint_stage_id

            model_id = self.model_id

            image_id = self.image_id

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            stage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.stage, Unset):
                stage = self.stage.to_dict()

            model: dict[str, Any] | Unset = UNSET
            if not isinstance(self.model, Unset):
                model = self.model.to_dict()

            resource_option_detail: dict[str, Any] | Unset = UNSET
            if not isinstance(self.resource_option_detail, Unset):
                resource_option_detail = self.resource_option_detail.to_dict()

            pod_auto_scale_enable = self.pod_auto_scale_enable

            scale_metric_code = self.scale_metric_code

            scale_metric_target = self.scale_metric_target

            running_pod_count = self.running_pod_count

            pod_count = self.pod_count

            apigw_resource_uri = self.apigw_resource_uri

            apigw_endpoint_uri = self.apigw_endpoint_uri

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if endpoint_model_id is not UNSET:
                field_dict["endpointModelId"] = endpoint_model_id
            if endpoint_model_status_code is not UNSET:
                field_dict["endpointModelStatusCode"] = endpoint_model_status_code
            if endpoint_model_status_reason is not UNSET:
                field_dict["endpointModelStatusReason"] = endpoint_model_status_reason
            if endpoint_id is not UNSET:
                field_dict["endpointId"] = endpoint_id
            if endpoint_stage_id is not UNSET:
                field_dict["endpointStageId"] = endpoint_stage_id
            if model_id is not UNSET:
                field_dict["modelId"] = model_id
            if image_id is not UNSET:
                field_dict["imageId"] = image_id
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if stage is not UNSET:
                field_dict["stage"] = stage
            if model is not UNSET:
                field_dict["model"] = model
            if resource_option_detail is not UNSET:
                field_dict["resourceOptionDetail"] = resource_option_detail
            if pod_auto_scale_enable is not UNSET:
                field_dict["podAutoScaleEnable"] = pod_auto_scale_enable
            if scale_metric_code is not UNSET:
                field_dict["scaleMetricCode"] = scale_metric_code
            if scale_metric_target is not UNSET:
                field_dict["scaleMetricTarget"] = scale_metric_target
            if running_pod_count is not UNSET:
                field_dict["runningPodCount"] = running_pod_count
            if pod_count is not UNSET:
                field_dict["podCount"] = pod_count
            if apigw_resource_uri is not UNSET:
                field_dict["apigwResourceUri"] = apigw_resource_uri
            if apigw_endpoint_uri is not UNSET:
                field_dict["apigwEndpointUri"] = apigw_endpoint_uri
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.apigw_stage import ApigwStage
        from ..models.model_summary import ModelSummary
        from ..models.resource_option_detail import ResourceOptionDetail

        d = dict(src_dict)
        endpoint_model_id = _validation.null_as_unset(d.pop("endpointModelId", UNSET))

        def _parse_endpoint_model_status_code(data: object) -> EndpointModelStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                endpoint_model_status_code_type_0 = EndpointModelStatusCode(data)

                return endpoint_model_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndpointModelStatusCode | str | Unset, data)

        endpoint_model_status_code = _parse_endpoint_model_status_code(
            _validation.null_as_unset(d.pop("endpointModelStatusCode", UNSET))
        )

        endpoint_model_status_reason = _validation.null_as_unset(d.pop("endpointModelStatusReason", UNSET))
        endpoint_id = _validation.null_as_unset(d.pop("endpointId", UNSET))
        endpoint_stage_id = _validation.null_as_unset(d.pop("endpointStageId", UNSET))
        model_id = _validation.null_as_unset(d.pop("modelId", UNSET))
        image_id = _validation.null_as_unset(d.pop("imageId", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        _stage = _validation.null_as_unset(d.pop("stage", UNSET))
        stage: ApigwStage | Unset
        if isinstance(_stage, Unset):
            stage = UNSET
        else:
            stage = ApigwStage.from_dict(_stage)

        _model = _validation.null_as_unset(d.pop("model", UNSET))
        model: ModelSummary | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = ModelSummary.from_dict(_model)

        _resource_option_detail = _validation.null_as_unset(d.pop("resourceOptionDetail", UNSET))
        resource_option_detail: ResourceOptionDetail | Unset
        if isinstance(_resource_option_detail, Unset):
            resource_option_detail = UNSET
        else:
            resource_option_detail = ResourceOptionDetail.from_dict(_resource_option_detail)

        pod_auto_scale_enable = _validation.null_as_unset(d.pop("podAutoScaleEnable", UNSET))
        scale_metric_code = _validation.null_as_unset(d.pop("scaleMetricCode", UNSET))
        scale_metric_target = _validation.null_as_unset(d.pop("scaleMetricTarget", UNSET))
        running_pod_count = _validation.null_as_unset(d.pop("runningPodCount", UNSET))
        pod_count = _validation.null_as_unset(d.pop("podCount", UNSET))
        apigw_resource_uri = _validation.null_as_unset(d.pop("apigwResourceUri", UNSET))
        apigw_endpoint_uri = _validation.null_as_unset(d.pop("apigwEndpointUri", UNSET))
        endpoint_model = cls(
            endpoint_model_id=endpoint_model_id,
            endpoint_model_status_code=endpoint_model_status_code,
            endpoint_model_status_reason=endpoint_model_status_reason,
            endpoint_id=endpoint_id,
            endpoint_stage_id=endpoint_stage_id,
            model_id=model_id,
            image_id=image_id,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            stage=stage,
            model=model,
            resource_option_detail=resource_option_detail,
            pod_auto_scale_enable=pod_auto_scale_enable,
            scale_metric_code=scale_metric_code,
            scale_metric_target=scale_metric_target,
            running_pod_count=running_pod_count,
            pod_count=pod_count,
            apigw_resource_uri=apigw_resource_uri,
            apigw_endpoint_uri=apigw_endpoint_uri,
        )
        endpoint_model.additional_properties = d
        return endpoint_model

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
