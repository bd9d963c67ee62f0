from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.batch_inference_input_data_type_code import BatchInferenceInputDataTypeCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tag import Tag


@_attrs_define
class BatchInferenceCreateRequest:
    """
    Attributes:
        batch_inference_name (str): Limits: minLength=1, maxLength=50.
        instance_count (int): Limits: minimum=1, maximum=10.
        timeout_minutes (int): Limits: minimum=60, maximum=43200.
        flavor_id (str): Limits: minLength=1, maxLength=36.
        model_id (str): Limits: minLength=1, maxLength=36.
        pod_count (int): Limits: minimum=1, maximum=100.
        max_batch_size (int): Limits: minimum=1, maximum=1000.
        inference_timeout_seconds (int): Limits: minimum=1, maximum=1200.
        input_data_uri (str): Limits: minLength=1, maxLength=255.
        input_data_type_code (BatchInferenceInputDataTypeCode): Limits: enum=('JSON', 'JSONL').
        output_upload_uri (str): Limits: minLength=1, maxLength=255.
        data_storage_size (int): Limits: minimum=300, maximum=10000.
        description (str | Unset): Limits: maxLength=255.
        image_id (str | Unset): Limits: maxLength=36.
        include_glob_pattern (str | Unset): Limits: maxLength=255.
        exclude_glob_pattern (str | Unset): Limits: maxLength=255.
        use_log (bool | Unset):
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    batch_inference_name: str
    instance_count: int
    timeout_minutes: int
    flavor_id: str
    model_id: str
    pod_count: int
    max_batch_size: int
    inference_timeout_seconds: int
    input_data_uri: str
    input_data_type_code: BatchInferenceInputDataTypeCode
    output_upload_uri: str
    data_storage_size: int
    description: str | Unset = UNSET
    image_id: str | Unset = UNSET
    include_glob_pattern: str | Unset = UNSET
    exclude_glob_pattern: str | Unset = UNSET
    use_log: bool | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "batchInferenceName": "batch_inference_name",
        "instanceCount": "instance_count",
        "timeoutMinutes": "timeout_minutes",
        "flavorId": "flavor_id",
        "modelId": "model_id",
        "podCount": "pod_count",
        "maxBatchSize": "max_batch_size",
        "inferenceTimeoutSeconds": "inference_timeout_seconds",
        "inputDataUri": "input_data_uri",
        "inputDataTypeCode": "input_data_type_code",
        "outputUploadUri": "output_upload_uri",
        "dataStorageSize": "data_storage_size",
        "description": "description",
        "imageId": "image_id",
        "includeGlobPattern": "include_glob_pattern",
        "excludeGlobPattern": "exclude_glob_pattern",
        "useLog": "use_log",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "batchInferenceName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "instanceCount": {"minimum": 1, "maximum": 10},
        "timeoutMinutes": {"minimum": 60, "maximum": 43200},
        "flavorId": {"minLength": 1, "maxLength": 36},
        "modelId": {"minLength": 1, "maxLength": 36},
        "imageId": {"maxLength": 36},
        "podCount": {"minimum": 1, "maximum": 100},
        "maxBatchSize": {"minimum": 1, "maximum": 1000},
        "inferenceTimeoutSeconds": {"minimum": 1, "maximum": 1200},
        "inputDataUri": {"minLength": 1, "maxLength": 255},
        "inputDataTypeCode": {"enum": ("JSON", "JSONL")},
        "includeGlobPattern": {"maxLength": 255},
        "excludeGlobPattern": {"maxLength": 255},
        "outputUploadUri": {"minLength": 1, "maxLength": 255},
        "dataStorageSize": {"minimum": 300, "maximum": 10000},
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
            batch_inference_name = self.batch_inference_name

            instance_count = self.instance_count

            timeout_minutes = self.timeout_minutes

            flavor_id = self.flavor_id

            model_id = self.model_id

            pod_count = self.pod_count

            max_batch_size = self.max_batch_size

            inference_timeout_seconds = self.inference_timeout_seconds

            input_data_uri = self.input_data_uri

            input_data_type_code = self.input_data_type_code.value

            output_upload_uri = self.output_upload_uri

            data_storage_size = self.data_storage_size

            description = self.description

            image_id = self.image_id

            include_glob_pattern = self.include_glob_pattern

            exclude_glob_pattern = self.exclude_glob_pattern

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
            field_dict["batchInferenceName"] = batch_inference_name
            field_dict["instanceCount"] = instance_count
            field_dict["timeoutMinutes"] = timeout_minutes
            field_dict["flavorId"] = flavor_id
            field_dict["modelId"] = model_id
            field_dict["podCount"] = pod_count
            field_dict["maxBatchSize"] = max_batch_size
            field_dict["inferenceTimeoutSeconds"] = inference_timeout_seconds
            field_dict["inputDataUri"] = input_data_uri
            field_dict["inputDataTypeCode"] = input_data_type_code
            field_dict["outputUploadUri"] = output_upload_uri
            field_dict["dataStorageSize"] = data_storage_size
            if description is not UNSET:
                field_dict["description"] = description
            if image_id is not UNSET:
                field_dict["imageId"] = image_id
            if include_glob_pattern is not UNSET:
                field_dict["includeGlobPattern"] = include_glob_pattern
            if exclude_glob_pattern is not UNSET:
                field_dict["excludeGlobPattern"] = exclude_glob_pattern
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
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            batch_inference_name = d.pop("batchInferenceName")
            instance_count = d.pop("instanceCount")
            timeout_minutes = d.pop("timeoutMinutes")
            flavor_id = d.pop("flavorId")
            model_id = d.pop("modelId")
            pod_count = d.pop("podCount")
            max_batch_size = d.pop("maxBatchSize")
            inference_timeout_seconds = d.pop("inferenceTimeoutSeconds")
            input_data_uri = d.pop("inputDataUri")
            input_data_type_code = BatchInferenceInputDataTypeCode(d.pop("inputDataTypeCode"))

            output_upload_uri = d.pop("outputUploadUri")
            data_storage_size = d.pop("dataStorageSize")
            description = _validation.null_as_unset(d.pop("description", UNSET))
            image_id = _validation.null_as_unset(d.pop("imageId", UNSET))
            include_glob_pattern = _validation.null_as_unset(d.pop("includeGlobPattern", UNSET))
            exclude_glob_pattern = _validation.null_as_unset(d.pop("excludeGlobPattern", UNSET))
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
            batch_inference_create_request = cls(
                batch_inference_name=batch_inference_name,
                instance_count=instance_count,
                timeout_minutes=timeout_minutes,
                flavor_id=flavor_id,
                model_id=model_id,
                pod_count=pod_count,
                max_batch_size=max_batch_size,
                inference_timeout_seconds=inference_timeout_seconds,
                input_data_uri=input_data_uri,
                input_data_type_code=input_data_type_code,
                output_upload_uri=output_upload_uri,
                data_storage_size=data_storage_size,
                description=description,
                image_id=image_id,
                include_glob_pattern=include_glob_pattern,
                exclude_glob_pattern=exclude_glob_pattern,
                use_log=use_log,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            batch_inference_create_request.additional_properties = d
            return batch_inference_create_request

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
