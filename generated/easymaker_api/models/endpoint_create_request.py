from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_model_resource import EndpointModelResource
    from ..models.tag import Tag


@_attrs_define
class EndpointCreateRequest:
    """
    Attributes:
        endpoint_name (str): Limits: minLength=1, maxLength=50.
        flavor_id (str): Limits: minLength=1, maxLength=36.
        node_count (int): Limits: minimum=1, maximum=10.
        endpoint_model_resource_list (list[EndpointModelResource]): Limits: minItems=1, maxItems=10.
        description (str | Unset): Limits: maxLength=255.
        ca_enable (bool | Unset):
        ca_min_node_count (int | Unset): Limits: minimum=1, maximum=10.
        ca_max_node_count (int | Unset): Limits: minimum=1, maximum=10.
        ca_scale_down_enable (bool | Unset):
        ca_scale_down_util_thresh (int | Unset): Limits: minimum=1, maximum=100.
        ca_scale_down_unneeded_time (int | Unset): Limits: minimum=1, maximum=1440.
        ca_scale_down_delay_after_add (int | Unset): Limits: minimum=1, maximum=1440.
        use_log (bool | Unset):
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    endpoint_name: str
    flavor_id: str
    node_count: int
    endpoint_model_resource_list: list[EndpointModelResource]
    description: str | Unset = UNSET
    ca_enable: bool | Unset = UNSET
    ca_min_node_count: int | Unset = UNSET
    ca_max_node_count: int | Unset = UNSET
    ca_scale_down_enable: bool | Unset = UNSET
    ca_scale_down_util_thresh: int | Unset = UNSET
    ca_scale_down_unneeded_time: int | Unset = UNSET
    ca_scale_down_delay_after_add: int | Unset = UNSET
    use_log: bool | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "endpointName": "endpoint_name",
        "flavorId": "flavor_id",
        "nodeCount": "node_count",
        "endpointModelResourceList": "endpoint_model_resource_list",
        "description": "description",
        "caEnable": "ca_enable",
        "caMinNodeCount": "ca_min_node_count",
        "caMaxNodeCount": "ca_max_node_count",
        "caScaleDownEnable": "ca_scale_down_enable",
        "caScaleDownUtilThresh": "ca_scale_down_util_thresh",
        "caScaleDownUnneededTime": "ca_scale_down_unneeded_time",
        "caScaleDownDelayAfterAdd": "ca_scale_down_delay_after_add",
        "useLog": "use_log",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "endpointName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "flavorId": {"minLength": 1, "maxLength": 36},
        "nodeCount": {"minimum": 1, "maximum": 10},
        "endpointModelResourceList": {"minItems": 1, "maxItems": 10},
        "caMinNodeCount": {"minimum": 1, "maximum": 10},
        "caMaxNodeCount": {"minimum": 1, "maximum": 10},
        "caScaleDownUtilThresh": {"minimum": 1, "maximum": 100},
        "caScaleDownUnneededTime": {"minimum": 1, "maximum": 1440},
        "caScaleDownDelayAfterAdd": {"minimum": 1, "maximum": 1440},
        "tagList": {"maxItems": 10},
        "parentPipelineRunId": {"maxLength": 36},
        "parentPipelineRunTaskName": {"maxLength": 255},
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
            endpoint_name = self.endpoint_name

            flavor_id = self.flavor_id

            node_count = self.node_count

            endpoint_model_resource_list = []
            for endpoint_model_resource_list_item_data in self.endpoint_model_resource_list:
                endpoint_model_resource_list_item = endpoint_model_resource_list_item_data.to_dict()
                endpoint_model_resource_list.append(endpoint_model_resource_list_item)

            description = self.description

            ca_enable = self.ca_enable

            ca_min_node_count = self.ca_min_node_count

            ca_max_node_count = self.ca_max_node_count

            ca_scale_down_enable = self.ca_scale_down_enable

            ca_scale_down_util_thresh = self.ca_scale_down_util_thresh

            ca_scale_down_unneeded_time = self.ca_scale_down_unneeded_time

            ca_scale_down_delay_after_add = self.ca_scale_down_delay_after_add

            use_log = self.use_log

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            parent_pipeline_run_id = self.parent_pipeline_run_id

            parent_pipeline_run_task_name = self.parent_pipeline_run_task_name

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["endpointName"] = endpoint_name
            field_dict["flavorId"] = flavor_id
            field_dict["nodeCount"] = node_count
            field_dict["endpointModelResourceList"] = endpoint_model_resource_list
            if description is not UNSET:
                field_dict["description"] = description
            if ca_enable is not UNSET:
                field_dict["caEnable"] = ca_enable
            if ca_min_node_count is not UNSET:
                field_dict["caMinNodeCount"] = ca_min_node_count
            if ca_max_node_count is not UNSET:
                field_dict["caMaxNodeCount"] = ca_max_node_count
            if ca_scale_down_enable is not UNSET:
                field_dict["caScaleDownEnable"] = ca_scale_down_enable
            if ca_scale_down_util_thresh is not UNSET:
                field_dict["caScaleDownUtilThresh"] = ca_scale_down_util_thresh
            if ca_scale_down_unneeded_time is not UNSET:
                field_dict["caScaleDownUnneededTime"] = ca_scale_down_unneeded_time
            if ca_scale_down_delay_after_add is not UNSET:
                field_dict["caScaleDownDelayAfterAdd"] = ca_scale_down_delay_after_add
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            if parent_pipeline_run_id is not UNSET:
                field_dict["parentPipelineRunId"] = parent_pipeline_run_id
            if parent_pipeline_run_task_name is not UNSET:
                field_dict["parentPipelineRunTaskName"] = parent_pipeline_run_task_name
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        from ..models.endpoint_model_resource import EndpointModelResource
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            endpoint_name = d.pop("endpointName")
            flavor_id = d.pop("flavorId")
            node_count = d.pop("nodeCount")
            endpoint_model_resource_list = []
            _endpoint_model_resource_list = d.pop("endpointModelResourceList")
            for endpoint_model_resource_list_item_data in _endpoint_model_resource_list:
                endpoint_model_resource_list_item = EndpointModelResource.from_dict(
                    endpoint_model_resource_list_item_data
                )

                endpoint_model_resource_list.append(endpoint_model_resource_list_item)

            description = _validation.null_as_unset(d.pop("description", UNSET))
            ca_enable = _validation.null_as_unset(d.pop("caEnable", UNSET))
            ca_min_node_count = _validation.null_as_unset(d.pop("caMinNodeCount", UNSET))
            ca_max_node_count = _validation.null_as_unset(d.pop("caMaxNodeCount", UNSET))
            ca_scale_down_enable = _validation.null_as_unset(d.pop("caScaleDownEnable", UNSET))
            ca_scale_down_util_thresh = _validation.null_as_unset(d.pop("caScaleDownUtilThresh", UNSET))
            ca_scale_down_unneeded_time = _validation.null_as_unset(d.pop("caScaleDownUnneededTime", UNSET))
            ca_scale_down_delay_after_add = _validation.null_as_unset(d.pop("caScaleDownDelayAfterAdd", UNSET))
            use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
            _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
            tag_list: list[Tag] | Unset = UNSET
            if _tag_list is not UNSET:
                tag_list = []
                for tag_list_item_data in _tag_list:
                    tag_list_item = Tag.from_dict(tag_list_item_data)

                    tag_list.append(tag_list_item)

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            endpoint_create_request = cls(
                endpoint_name=endpoint_name,
                flavor_id=flavor_id,
                node_count=node_count,
                endpoint_model_resource_list=endpoint_model_resource_list,
                description=description,
                ca_enable=ca_enable,
                ca_min_node_count=ca_min_node_count,
                ca_max_node_count=ca_max_node_count,
                ca_scale_down_enable=ca_scale_down_enable,
                ca_scale_down_util_thresh=ca_scale_down_util_thresh,
                ca_scale_down_unneeded_time=ca_scale_down_unneeded_time,
                ca_scale_down_delay_after_add=ca_scale_down_delay_after_add,
                use_log=use_log,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            endpoint_create_request.additional_properties = d
            return endpoint_create_request

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
