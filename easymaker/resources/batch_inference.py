"""Batch inferences: ``BatchInference().run(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from typing import Any, Unpack

from easymaker_api.fields import BatchInferenceFields
from easymaker_api.parameters import BatchInferenceCreateRequestOptions

from easymaker._errors import EasyMakerValidationError
from easymaker.resources.base import StoppableResource
from easymaker.resources.observe import LogsMixin
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, parent_wire_fields, require
from easymaker.values import plain


class BatchInference(LogsMixin, StoppableResource, BatchInferenceFields):
    """A batch inference job over files."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.batch_inferences import (
            delete_batch_inference,
            get_batch_inference,
            list_batch_inferences,
            stop_batch_inference,
        )
        from easymaker_api.models.batch_inference import BatchInference as Wire
        from easymaker_api.models.batch_inference_list_response import BatchInferenceListResponse
        from easymaker_api.models.batch_inference_response import BatchInferenceResponse

        declared = Operations(
            wire=Wire,
            get=get_batch_inference.sync_detailed,
            response=BatchInferenceResponse,
            payload=lambda parsed: parsed.batch_inference,
            list=list_batch_inferences.sync_detailed,
            list_response=BatchInferenceListResponse,
            list_payload=lambda parsed: parsed.batch_inference_list,
            delete=delete_batch_inference.sync_detailed,
            stop=stop_batch_inference.sync_detailed,
        )
        return declared

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
        logs: bool = False,
        **options: Unpack[BatchInferenceCreateRequestOptions],
    ) -> BatchInference:
        """Start a batch inference of ``model_id`` (2.1.5) or ``model_name`` (the guide; resolved to its id with
        one cached model-list request)."""
        self._check_logs(logs, use_log)
        from easymaker_api.api.batch_inferences import create_batch_inference
        from easymaker_api.models.batch_inference_create_request import BatchInferenceCreateRequest

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
        draft = RequestDraft(
            BatchInferenceCreateRequest,
            locals(),
            options,
            method="BatchInference.run()",
            computed=parent_wire_fields(client),
            deferred=("flavorId",),
        )
        resolved_model_id = model_id or client.lookups.model_id(str(model_name))
        body = draft.build(modelId=resolved_model_id, flavorId=client.lookups.flavor_id(instance_type_name))
        return self._post_create(create_batch_inference.sync_detailed, body, wait, timeout, logs)
