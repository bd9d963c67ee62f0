from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tag import Tag


@_attrs_define
class PipelineUploadRequest:
    """
    Attributes:
        pipeline_name (str): Limits: minLength=1, maxLength=50.
        base_64_pipeline_spec_manifest (str): Standard base64 of the compiled Kubeflow Pipelines v2 IR YAML file.
            Limits: minLength=4, maxLength=16777216, pattern='^[A-Za-z0-9+/\\s]+=*\\s*$'.
        description (str | Unset): Limits: maxLength=255.
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    pipeline_name: str
    base_64_pipeline_spec_manifest: str
    description: str | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "pipelineName": "pipeline_name",
        "base64PipelineSpecManifest": "base_64_pipeline_spec_manifest",
        "description": "description",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "pipelineName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "base64PipelineSpecManifest": {"minLength": 4, "maxLength": 16777216, "pattern": "^[A-Za-z0-9+/\\s]+=*\\s*$"},
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
            pipeline_name = self.pipeline_name

            base_64_pipeline_spec_manifest = self.base_64_pipeline_spec_manifest

            description = self.description

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
            field_dict["pipelineName"] = pipeline_name
            field_dict["base64PipelineSpecManifest"] = base_64_pipeline_spec_manifest
            if description is not UNSET:
                field_dict["description"] = description
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
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            pipeline_name = d.pop("pipelineName")
            base_64_pipeline_spec_manifest = d.pop("base64PipelineSpecManifest")
            description = _validation.null_as_unset(d.pop("description", UNSET))
            _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
            tag_list: list[Tag] | Unset = UNSET
            if _tag_list is not UNSET:
                tag_list = []
                for tag_list_item_data in _tag_list:
                    tag_list_item = Tag.from_dict(tag_list_item_data)

                    tag_list.append(tag_list_item)

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            pipeline_upload_request = cls(
                pipeline_name=pipeline_name,
                base_64_pipeline_spec_manifest=base_64_pipeline_spec_manifest,
                description=description,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            pipeline_upload_request.additional_properties = d
            return pipeline_upload_request

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
