from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.pipeline_status_code import PipelineStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pipeline_parameter_spec import PipelineParameterSpec
    from ..models.tag import Tag


@_attrs_define
class Pipeline:
    """
    Attributes:
        pipeline_id (str | Unset):
        pipeline_name (str | Unset):
        pipeline_status_code (PipelineStatusCode | str | Unset):
        pipeline_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        pipeline_parameter_spec_list (list[PipelineParameterSpec] | Unset):
        tag_list (list[Tag] | Unset):
    """

    pipeline_id: str | Unset = UNSET
    pipeline_name: str | Unset = UNSET
    pipeline_status_code: PipelineStatusCode | str | Unset = UNSET
    pipeline_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    pipeline_parameter_spec_list: list[PipelineParameterSpec] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "pipelineId": "pipeline_id",
        "pipelineName": "pipeline_name",
        "pipelineStatusCode": "pipeline_status_code",
        "pipelineStatusReason": "pipeline_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "pipelineParameterSpecList": "pipeline_parameter_spec_list",
        "tagList": "tag_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            pipeline_id = self.pipeline_id

            pipeline_name = self.pipeline_name

            pipeline_status_code: str | Unset
            if isinstance(self.pipeline_status_code, Unset):
                pipeline_status_code = UNSET
            elif isinstance(self.pipeline_status_code, PipelineStatusCode):
                pipeline_status_code = self.pipeline_status_code.value
            else:
                pipeline_status_code = self.pipeline_status_code

            pipeline_status_reason = self.pipeline_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            pipeline_parameter_spec_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.pipeline_parameter_spec_list, Unset):
                pipeline_parameter_spec_list = []
                for pipeline_parameter_spec_list_item_data in self.pipeline_parameter_spec_list:
                    pipeline_parameter_spec_list_item = pipeline_parameter_spec_list_item_data.to_dict()
                    pipeline_parameter_spec_list.append(pipeline_parameter_spec_list_item)

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if pipeline_id is not UNSET:
                field_dict["pipelineId"] = pipeline_id
            if pipeline_name is not UNSET:
                field_dict["pipelineName"] = pipeline_name
            if pipeline_status_code is not UNSET:
                field_dict["pipelineStatusCode"] = pipeline_status_code
            if pipeline_status_reason is not UNSET:
                field_dict["pipelineStatusReason"] = pipeline_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if pipeline_parameter_spec_list is not UNSET:
                field_dict["pipelineParameterSpecList"] = pipeline_parameter_spec_list
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.pipeline_parameter_spec import PipelineParameterSpec
        from ..models.tag import Tag

        d = dict(src_dict)
        pipeline_id = _validation.null_as_unset(d.pop("pipelineId", UNSET))
        pipeline_name = _validation.null_as_unset(d.pop("pipelineName", UNSET))

        def _parse_pipeline_status_code(data: object) -> PipelineStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pipeline_status_code_type_0 = PipelineStatusCode(data)

                return pipeline_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PipelineStatusCode | str | Unset, data)

        pipeline_status_code = _parse_pipeline_status_code(
            _validation.null_as_unset(d.pop("pipelineStatusCode", UNSET))
        )

        pipeline_status_reason = _validation.null_as_unset(d.pop("pipelineStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        _pipeline_parameter_spec_list = _validation.null_as_unset(d.pop("pipelineParameterSpecList", UNSET))
        pipeline_parameter_spec_list: list[PipelineParameterSpec] | Unset = UNSET
        if _pipeline_parameter_spec_list is not UNSET:
            pipeline_parameter_spec_list = []
            for pipeline_parameter_spec_list_item_data in _pipeline_parameter_spec_list:
                pipeline_parameter_spec_list_item = PipelineParameterSpec.from_dict(
                    pipeline_parameter_spec_list_item_data
                )

                pipeline_parameter_spec_list.append(pipeline_parameter_spec_list_item)

        _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
        tag_list: list[Tag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = Tag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        pipeline = cls(
            pipeline_id=pipeline_id,
            pipeline_name=pipeline_name,
            pipeline_status_code=pipeline_status_code,
            pipeline_status_reason=pipeline_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            pipeline_parameter_spec_list=pipeline_parameter_spec_list,
            tag_list=tag_list,
        )
        pipeline.additional_properties = d
        return pipeline

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
