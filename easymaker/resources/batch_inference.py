"""Batch inferences: ``BatchInference().run(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from typing import Any, ClassVar

from easymaker._client import Client
from easymaker._errors import EasyMakerValidationError
from easymaker.resources.base import (
    Resource,
    build_items,
    enum_or_unset,
    opt,
    parent_fields,
    precheck,
    require,
    sdk_parameters,
    timeout_minutes,
    wire_dict,
    wire_dicts,
)
from easymaker.values import Tag, plain, wire_list

PARAMETERS: dict[str, Any] = {
    "batchInferenceName": "batch_inference_name",
    "description": "description",
    "instanceCount": "instance_count",
    "timeoutMinutes": ("timeout_hours", 60),
    "flavorId": "instance_type_name",
    "modelId": "model_id",
    "podCount": "pod_count",
    "maxBatchSize": "batch_size",
    "inferenceTimeoutSeconds": "inference_timeout_seconds",
    "inputDataUri": "input_data_uri",
    "inputDataTypeCode": "input_data_type",
    "includeGlobPattern": "include_glob_pattern",
    "excludeGlobPattern": "exclude_glob_pattern",
    "outputUploadUri": "output_upload_uri",
    "dataStorageSize": "data_storage_size",
    "tagList": "tag_list",
}


class BatchInference(Resource):
    """A batch inference job over files."""

    _noun = "batchInference"
    _label = "BatchInference"
    _success: ClassVar[frozenset[str]] = frozenset({"COMPLETE"})
    _failure: ClassVar[frozenset[str]] = frozenset({"FAIL_BATCH_INFERENCE", "CREATE_FAILED", "STOPPED"})

    @classmethod
    def _wire_names(cls) -> dict[str, str]:
        from easymaker_api.models.batch_inference import BatchInference as Wire

        return Wire.__wire_names__

    @classmethod
    def _fetch(cls, client: Client, resource_id: str) -> dict[str, Any]:
        from easymaker_api.api.batch_inferences import get_batch_inference
        from easymaker_api.models.batch_inference_response import BatchInferenceResponse

        response = get_batch_inference.sync_detailed(client.appkey, resource_id, client=client.api)
        return wire_dict(client.payload(response, BatchInferenceResponse).batch_inference, "batchInference")

    @classmethod
    def _fetch_list(cls, client: Client, **filters: Any) -> list[dict[str, Any]]:
        from easymaker_api.api.batch_inferences import list_batch_inferences
        from easymaker_api.models.batch_inference_list_response import BatchInferenceListResponse

        if filters:
            raise TypeError(f"BatchInference.get_list got unexpected filters {sorted(filters)}")
        response = list_batch_inferences.sync_detailed(client.appkey, client=client.api)
        return wire_dicts(client.payload(response, BatchInferenceListResponse).batch_inference_list)

    def _delete(self, client: Client, resource_id: str) -> None:
        from easymaker_api.api.batch_inferences import delete_batch_inference

        delete_batch_inference.sync_detailed(client.appkey, resource_id, client=client.api)

    def stop(self) -> None:
        """Ask the server to stop the batch inference (one PUT)."""
        from easymaker_api.api.batch_inferences import stop_batch_inference

        client = self.client
        with self._guard():
            stop_batch_inference.sync_detailed(client.appkey, self._require_id(), client=client.api)

    def run(
        self,
        batch_inference_name: str | None = None,
        model_id: str | None = None,
        instance_type_name: str | None = None,
        output_upload_uri: str | None = None,
        input_data_uri: str | None = None,
        input_data_type: Any = None,
        batch_size: int | None = None,
        inference_timeout_seconds: int | None = None,
        data_storage_size: int | None = None,
        instance_count: int = 1,
        pod_count: int = 1,
        timeout_hours: int = 720,
        include_glob_pattern: str | None = None,
        exclude_glob_pattern: str | None = None,
        description: str | None = None,
        use_log: bool | None = False,
        wait: bool | None = True,
        *,
        model_name: str | None = None,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
    ) -> BatchInference:
        """Start a batch inference of ``model_id`` (2.1.5) or ``model_name`` (the guide; resolved to its id with
        one cached model-list request)."""
        from easymaker_api.api.batch_inferences import create_batch_inference
        from easymaker_api.models.batch_inference_create_request import BatchInferenceCreateRequest
        from easymaker_api.models.batch_inference_input_data_type_code import BatchInferenceInputDataTypeCode
        from easymaker_api.models.batch_inference_response import BatchInferenceResponse
        from easymaker_api.models.tag import Tag as WireTag

        require(
            batch_inference_name=batch_inference_name,
            instance_type_name=instance_type_name,
            output_upload_uri=output_upload_uri,
            input_data_uri=input_data_uri,
            input_data_type=plain(input_data_type),
            batch_size=batch_size,
            inference_timeout_seconds=inference_timeout_seconds,
            data_storage_size=data_storage_size,
        )
        if not model_id and not model_name:
            raise EasyMakerValidationError(
                "model_id (or the guide's model_name) is required", parameter="model_id", constraint="required"
            )
        assert batch_inference_name and instance_type_name and output_upload_uri and input_data_uri
        assert batch_size is not None and inference_timeout_seconds is not None and data_storage_size is not None
        client = self.client
        minutes = timeout_minutes(timeout_hours)
        with sdk_parameters(PARAMETERS):
            tags = build_items(WireTag, wire_list(tag_list, Tag, "tag_list"), "tagList", "tag_list")
            precheck(
                BatchInferenceCreateRequest,
                {
                    "batchInferenceName": batch_inference_name,
                    "description": description,
                    "instanceCount": instance_count,
                    "timeoutMinutes": minutes,
                    "modelId": model_id,
                    "podCount": pod_count,
                    "maxBatchSize": batch_size,
                    "inferenceTimeoutSeconds": inference_timeout_seconds,
                    "inputDataUri": input_data_uri,
                    "inputDataTypeCode": plain(input_data_type),
                    "includeGlobPattern": include_glob_pattern,
                    "excludeGlobPattern": exclude_glob_pattern,
                    "outputUploadUri": output_upload_uri,
                    "dataStorageSize": data_storage_size,
                    "tagList": tags,
                },
            )
            resolved_model_id = model_id or client.lookups.model_id(str(model_name))
            flavor_id = client.lookups.flavor_id(instance_type_name)
            body = BatchInferenceCreateRequest(
                batch_inference_name=batch_inference_name,
                instance_count=instance_count,
                timeout_minutes=minutes,
                flavor_id=flavor_id,
                model_id=resolved_model_id,
                pod_count=pod_count,
                max_batch_size=batch_size,
                inference_timeout_seconds=inference_timeout_seconds,
                input_data_uri=input_data_uri,
                input_data_type_code=enum_or_unset(BatchInferenceInputDataTypeCode, input_data_type),
                output_upload_uri=output_upload_uri,
                data_storage_size=data_storage_size,
                description=opt(description),
                include_glob_pattern=opt(include_glob_pattern),
                exclude_glob_pattern=opt(exclude_glob_pattern),
                use_log=bool(use_log),
                tag_list=opt(tags),
                **parent_fields(client),
            )
        response = create_batch_inference.sync_detailed(client.appkey, client=client.api, body=body)
        self._set(wire_dict(client.payload(response, BatchInferenceResponse).batch_inference, "batchInference"))
        if wait:
            self.wait(timeout=timeout)
        return self
