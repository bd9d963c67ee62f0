from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.scale_metric_code import ScaleMetricCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_option_detail import ResourceOptionDetail


@_attrs_define
class EndpointModelResource:
    """
    Attributes:
        model_id (str): Limits: minLength=1, maxLength=36.
        resource_option_detail (ResourceOptionDetail):
        pod_count (int | Unset): Pods serving this model (default 1). Limits: minimum=1, maximum=100.
        pod_auto_scale_enable (bool | Unset):
        scale_metric_code (ScaleMetricCode | Unset): Limits: enum=('CPU_UTILIZATION', 'MEMORY_UTILIZATION').
        scale_metric_target (int | Unset): Limits: minimum=1.
        description (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    model_id: str
    resource_option_detail: ResourceOptionDetail
    pod_count: int | Unset = UNSET
    pod_auto_scale_enable: bool | Unset = UNSET
    scale_metric_code: ScaleMetricCode | Unset = UNSET
    scale_metric_target: int | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelId": "model_id",
        "resourceOptionDetail": "resource_option_detail",
        "podCount": "pod_count",
        "podAutoScaleEnable": "pod_auto_scale_enable",
        "scaleMetricCode": "scale_metric_code",
        "scaleMetricTarget": "scale_metric_target",
        "description": "description",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "modelId": {"minLength": 1, "maxLength": 36},
        "podCount": {"minimum": 1, "maximum": 100},
        "scaleMetricCode": {"enum": ("CPU_UTILIZATION", "MEMORY_UTILIZATION")},
        "scaleMetricTarget": {"minimum": 1},
        "description": {"maxLength": 255},
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
            model_id = self.model_id

            resource_option_detail = self.resource_option_detail.to_dict()

            pod_count = self.pod_count

            pod_auto_scale_enable = self.pod_auto_scale_enable

            scale_metric_code: str | Unset = UNSET
            if not isinstance(self.scale_metric_code, Unset):
                scale_metric_code = self.scale_metric_code.value

            scale_metric_target = self.scale_metric_target

            description = self.description

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["modelId"] = model_id
            field_dict["resourceOptionDetail"] = resource_option_detail
            if pod_count is not UNSET:
                field_dict["podCount"] = pod_count
            if pod_auto_scale_enable is not UNSET:
                field_dict["podAutoScaleEnable"] = pod_auto_scale_enable
            if scale_metric_code is not UNSET:
                field_dict["scaleMetricCode"] = scale_metric_code
            if scale_metric_target is not UNSET:
                field_dict["scaleMetricTarget"] = scale_metric_target
            if description is not UNSET:
                field_dict["description"] = description
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        from ..models.resource_option_detail import ResourceOptionDetail

        with _validation.lenient():
            d = dict(src_dict)
            model_id = d.pop("modelId")
            resource_option_detail = ResourceOptionDetail.from_dict(d.pop("resourceOptionDetail"))

            pod_count = _validation.null_as_unset(d.pop("podCount", UNSET))
            pod_auto_scale_enable = _validation.null_as_unset(d.pop("podAutoScaleEnable", UNSET))
            _scale_metric_code = _validation.null_as_unset(d.pop("scaleMetricCode", UNSET))
            scale_metric_code: ScaleMetricCode | Unset
            if isinstance(_scale_metric_code, Unset):
                scale_metric_code = UNSET
            else:
                scale_metric_code = ScaleMetricCode(_scale_metric_code)

            scale_metric_target = _validation.null_as_unset(d.pop("scaleMetricTarget", UNSET))
            description = _validation.null_as_unset(d.pop("description", UNSET))
            endpoint_model_resource = cls(
                model_id=model_id,
                resource_option_detail=resource_option_detail,
                pod_count=pod_count,
                pod_auto_scale_enable=pod_auto_scale_enable,
                scale_metric_code=scale_metric_code,
                scale_metric_target=scale_metric_target,
                description=description,
            )
            endpoint_model_resource.additional_properties = d
            return endpoint_model_resource

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
