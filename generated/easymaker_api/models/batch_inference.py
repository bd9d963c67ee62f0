from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.batch_inference_input_data_type_code import BatchInferenceInputDataTypeCode
from ..models.batch_inference_status_code import BatchInferenceStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image import Image
    from ..models.instance_type import InstanceType
    from ..models.model_summary import ModelSummary
    from ..models.storage import Storage
    from ..models.tag import Tag


@_attrs_define
class BatchInference:
    """
    Attributes:
        batch_inference_id (str | Unset):
        batch_inference_name (str | Unset):
        batch_inference_status_code (BatchInferenceStatusCode | str | Unset):
        batch_inference_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        instance_count (int | Unset):
        timeout_minutes (int | Unset):
        pod_count (int | Unset):
        max_batch_size (int | Unset):
        inference_timeout_seconds (int | Unset):
        input_file_count (int | Unset):
        input_data_count (int | Unset):
        process_count (int | Unset):
        success_2_xx_count (int | Unset):
        fail_4_xx_count (int | Unset):
        fail_5_xx_count (int | Unset):
        elapsed_time_seconds (int | Unset):
        image (Image | Unset):
        model (ModelSummary | Unset): A model as nested in other resources.
        model_id (str | Unset):
        input_data_uri (str | Unset):
        input_data_type_code (BatchInferenceInputDataTypeCode | str | Unset):
        include_glob_pattern (str | Unset):
        exclude_glob_pattern (str | Unset):
        output_upload_uri (str | Unset):
        log_and_crash_app_key (str | Unset):
        flavor (InstanceType | Unset):
        boot_storage (Storage | Unset):
        data_storage_list (list[Storage] | Unset):
        tag_list (list[Tag] | Unset):
    """

    batch_inference_id: str | Unset = UNSET
    batch_inference_name: str | Unset = UNSET
    batch_inference_status_code: BatchInferenceStatusCode | str | Unset = UNSET
    batch_inference_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    instance_count: int | Unset = UNSET
    timeout_minutes: int | Unset = UNSET
    pod_count: int | Unset = UNSET
    max_batch_size: int | Unset = UNSET
    inference_timeout_seconds: int | Unset = UNSET
    input_file_count: int | Unset = UNSET
    input_data_count: int | Unset = UNSET
    process_count: int | Unset = UNSET
    success_2_xx_count: int | Unset = UNSET
    fail_4_xx_count: int | Unset = UNSET
    fail_5_xx_count: int | Unset = UNSET
    elapsed_time_seconds: int | Unset = UNSET
    image: Image | Unset = UNSET
    model: ModelSummary | Unset = UNSET
    model_id: str | Unset = UNSET
    input_data_uri: str | Unset = UNSET
    input_data_type_code: BatchInferenceInputDataTypeCode | str | Unset = UNSET
    include_glob_pattern: str | Unset = UNSET
    exclude_glob_pattern: str | Unset = UNSET
    output_upload_uri: str | Unset = UNSET
    log_and_crash_app_key: str | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    data_storage_list: list[Storage] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "batchInferenceId": "batch_inference_id",
        "batchInferenceName": "batch_inference_name",
        "batchInferenceStatusCode": "batch_inference_status_code",
        "batchInferenceStatusReason": "batch_inference_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "instanceCount": "instance_count",
        "timeoutMinutes": "timeout_minutes",
        "podCount": "pod_count",
        "maxBatchSize": "max_batch_size",
        "inferenceTimeoutSeconds": "inference_timeout_seconds",
        "inputFileCount": "input_file_count",
        "inputDataCount": "input_data_count",
        "processCount": "process_count",
        "success2XxCount": "success_2_xx_count",
        "fail4XxCount": "fail_4_xx_count",
        "fail5XxCount": "fail_5_xx_count",
        "elapsedTimeSeconds": "elapsed_time_seconds",
        "image": "image",
        "model": "model",
        "modelId": "model_id",
        "inputDataUri": "input_data_uri",
        "inputDataTypeCode": "input_data_type_code",
        "includeGlobPattern": "include_glob_pattern",
        "excludeGlobPattern": "exclude_glob_pattern",
        "outputUploadUri": "output_upload_uri",
        "logAndCrashAppKey": "log_and_crash_app_key",
        "flavor": "flavor",
        "bootStorage": "boot_storage",
        "dataStorageList": "data_storage_list",
        "tagList": "tag_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            batch_inference_id = self.batch_inference_id

            batch_inference_name = self.batch_inference_name

            batch_inference_status_code: str | Unset
            if isinstance(self.batch_inference_status_code, Unset):
                batch_inference_status_code = UNSET
            elif isinstance(self.batch_inference_status_code, BatchInferenceStatusCode):
                batch_inference_status_code = self.batch_inference_status_code.value
            else:
                batch_inference_status_code = self.batch_inference_status_code

            batch_inference_status_reason = self.batch_inference_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            instance_count = self.instance_count

            timeout_minutes = self.timeout_minutes

            pod_count = self.pod_count

            max_batch_size = self.max_batch_size

            inference_timeout_seconds = self.inference_timeout_seconds

            input_file_count = self.input_file_count

            input_data_count = self.input_data_count

            process_count = self.process_count

            success_2_xx_count = self.success_2_xx_count

            fail_4_xx_count = self.fail_4_xx_count

            fail_5_xx_count = self.fail_5_xx_count

            elapsed_time_seconds = self.elapsed_time_seconds

            image: dict[str, Any] | Unset = UNSET
            if not isinstance(self.image, Unset):
                image = self.image.to_dict()

            model: dict[str, Any] | Unset = UNSET
            if not isinstance(self.model, Unset):
                model = self.model.to_dict()

            model_id = self.model_id

            input_data_uri = self.input_data_uri

            input_data_type_code: str | Unset
            if isinstance(self.input_data_type_code, Unset):
                input_data_type_code = UNSET
            elif isinstance(self.input_data_type_code, BatchInferenceInputDataTypeCode):
                input_data_type_code = self.input_data_type_code.value
            else:
                input_data_type_code = self.input_data_type_code

            include_glob_pattern = self.include_glob_pattern

            exclude_glob_pattern = self.exclude_glob_pattern

            output_upload_uri = self.output_upload_uri

            log_and_crash_app_key = self.log_and_crash_app_key

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            boot_storage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.boot_storage, Unset):
                boot_storage = self.boot_storage.to_dict()

            data_storage_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.data_storage_list, Unset):
                data_storage_list = []
                for data_storage_list_item_data in self.data_storage_list:
                    data_storage_list_item = data_storage_list_item_data.to_dict()
                    data_storage_list.append(data_storage_list_item)

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if batch_inference_id is not UNSET:
                field_dict["batchInferenceId"] = batch_inference_id
            if batch_inference_name is not UNSET:
                field_dict["batchInferenceName"] = batch_inference_name
            if batch_inference_status_code is not UNSET:
                field_dict["batchInferenceStatusCode"] = batch_inference_status_code
            if batch_inference_status_reason is not UNSET:
                field_dict["batchInferenceStatusReason"] = batch_inference_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if timeout_minutes is not UNSET:
                field_dict["timeoutMinutes"] = timeout_minutes
            if pod_count is not UNSET:
                field_dict["podCount"] = pod_count
            if max_batch_size is not UNSET:
                field_dict["maxBatchSize"] = max_batch_size
            if inference_timeout_seconds is not UNSET:
                field_dict["inferenceTimeoutSeconds"] = inference_timeout_seconds
            if input_file_count is not UNSET:
                field_dict["inputFileCount"] = input_file_count
            if input_data_count is not UNSET:
                field_dict["inputDataCount"] = input_data_count
            if process_count is not UNSET:
                field_dict["processCount"] = process_count
            if success_2_xx_count is not UNSET:
                field_dict["success2XxCount"] = success_2_xx_count
            if fail_4_xx_count is not UNSET:
                field_dict["fail4XxCount"] = fail_4_xx_count
            if fail_5_xx_count is not UNSET:
                field_dict["fail5XxCount"] = fail_5_xx_count
            if elapsed_time_seconds is not UNSET:
                field_dict["elapsedTimeSeconds"] = elapsed_time_seconds
            if image is not UNSET:
                field_dict["image"] = image
            if model is not UNSET:
                field_dict["model"] = model
            if model_id is not UNSET:
                field_dict["modelId"] = model_id
            if input_data_uri is not UNSET:
                field_dict["inputDataUri"] = input_data_uri
            if input_data_type_code is not UNSET:
                field_dict["inputDataTypeCode"] = input_data_type_code
            if include_glob_pattern is not UNSET:
                field_dict["includeGlobPattern"] = include_glob_pattern
            if exclude_glob_pattern is not UNSET:
                field_dict["excludeGlobPattern"] = exclude_glob_pattern
            if output_upload_uri is not UNSET:
                field_dict["outputUploadUri"] = output_upload_uri
            if log_and_crash_app_key is not UNSET:
                field_dict["logAndCrashAppKey"] = log_and_crash_app_key
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if boot_storage is not UNSET:
                field_dict["bootStorage"] = boot_storage
            if data_storage_list is not UNSET:
                field_dict["dataStorageList"] = data_storage_list
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.image import Image
        from ..models.instance_type import InstanceType
        from ..models.model_summary import ModelSummary
        from ..models.storage import Storage
        from ..models.tag import Tag

        d = dict(src_dict)
        batch_inference_id = _validation.null_as_unset(d.pop("batchInferenceId", UNSET))
        batch_inference_name = _validation.null_as_unset(d.pop("batchInferenceName", UNSET))

        def _parse_batch_inference_status_code(data: object) -> BatchInferenceStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_inference_status_code_type_0 = BatchInferenceStatusCode(data)

                return batch_inference_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchInferenceStatusCode | str | Unset, data)

        batch_inference_status_code = _parse_batch_inference_status_code(
            _validation.null_as_unset(d.pop("batchInferenceStatusCode", UNSET))
        )

        batch_inference_status_reason = _validation.null_as_unset(d.pop("batchInferenceStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        instance_count = _validation.null_as_unset(d.pop("instanceCount", UNSET))
        timeout_minutes = _validation.null_as_unset(d.pop("timeoutMinutes", UNSET))
        pod_count = _validation.null_as_unset(d.pop("podCount", UNSET))
        max_batch_size = _validation.null_as_unset(d.pop("maxBatchSize", UNSET))
        inference_timeout_seconds = _validation.null_as_unset(d.pop("inferenceTimeoutSeconds", UNSET))
        input_file_count = _validation.null_as_unset(d.pop("inputFileCount", UNSET))
        input_data_count = _validation.null_as_unset(d.pop("inputDataCount", UNSET))
        process_count = _validation.null_as_unset(d.pop("processCount", UNSET))
        success_2_xx_count = _validation.null_as_unset(d.pop("success2XxCount", UNSET))
        fail_4_xx_count = _validation.null_as_unset(d.pop("fail4XxCount", UNSET))
        fail_5_xx_count = _validation.null_as_unset(d.pop("fail5XxCount", UNSET))
        elapsed_time_seconds = _validation.null_as_unset(d.pop("elapsedTimeSeconds", UNSET))
        _image = _validation.null_as_unset(d.pop("image", UNSET))
        image: Image | Unset
        if isinstance(_image, Unset):
            image = UNSET
        else:
            image = Image.from_dict(_image)

        _model = _validation.null_as_unset(d.pop("model", UNSET))
        model: ModelSummary | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = ModelSummary.from_dict(_model)

        model_id = _validation.null_as_unset(d.pop("modelId", UNSET))
        input_data_uri = _validation.null_as_unset(d.pop("inputDataUri", UNSET))

        def _parse_input_data_type_code(data: object) -> BatchInferenceInputDataTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                input_data_type_code_type_0 = BatchInferenceInputDataTypeCode(data)

                return input_data_type_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchInferenceInputDataTypeCode | str | Unset, data)

        input_data_type_code = _parse_input_data_type_code(_validation.null_as_unset(d.pop("inputDataTypeCode", UNSET)))

        include_glob_pattern = _validation.null_as_unset(d.pop("includeGlobPattern", UNSET))
        exclude_glob_pattern = _validation.null_as_unset(d.pop("excludeGlobPattern", UNSET))
        output_upload_uri = _validation.null_as_unset(d.pop("outputUploadUri", UNSET))
        log_and_crash_app_key = _validation.null_as_unset(d.pop("logAndCrashAppKey", UNSET))
        _flavor = _validation.null_as_unset(d.pop("flavor", UNSET))
        flavor: InstanceType | Unset
        if isinstance(_flavor, Unset):
            flavor = UNSET
        else:
            flavor = InstanceType.from_dict(_flavor)

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

        _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
        tag_list: list[Tag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = Tag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        batch_inference = cls(
            batch_inference_id=batch_inference_id,
            batch_inference_name=batch_inference_name,
            batch_inference_status_code=batch_inference_status_code,
            batch_inference_status_reason=batch_inference_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            instance_count=instance_count,
            timeout_minutes=timeout_minutes,
            pod_count=pod_count,
            max_batch_size=max_batch_size,
            inference_timeout_seconds=inference_timeout_seconds,
            input_file_count=input_file_count,
            input_data_count=input_data_count,
            process_count=process_count,
            success_2_xx_count=success_2_xx_count,
            fail_4_xx_count=fail_4_xx_count,
            fail_5_xx_count=fail_5_xx_count,
            elapsed_time_seconds=elapsed_time_seconds,
            image=image,
            model=model,
            model_id=model_id,
            input_data_uri=input_data_uri,
            input_data_type_code=input_data_type_code,
            include_glob_pattern=include_glob_pattern,
            exclude_glob_pattern=exclude_glob_pattern,
            output_upload_uri=output_upload_uri,
            log_and_crash_app_key=log_and_crash_app_key,
            flavor=flavor,
            boot_storage=boot_storage,
            data_storage_list=data_storage_list,
            tag_list=tag_list,
        )
        batch_inference.additional_properties = d
        return batch_inference

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
