"""Model evaluations: ``ModelEvaluation().create(...)``, ``(id)``, ``.stop()``, ``.delete()``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Unpack

from easymaker_api.fields import ModelEvaluationFields
from easymaker_api.parameters import ModelEvaluationCreateRequestOptions

from easymaker._client import Client
from easymaker.resources.base import StoppableResource
from easymaker.resources.observe import LogsMixin
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, parent_wire_fields, require
from easymaker.values import plain


class ModelEvaluation(LogsMixin, StoppableResource, ModelEvaluationFields):
    """An evaluation of a classification or regression model on labelled data."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.model_evaluations import (
            delete_model_evaluation,
            get_model_evaluation,
            list_model_evaluations,
            stop_model_evaluation,
        )
        from easymaker_api.models.model_evaluation import ModelEvaluation as Wire
        from easymaker_api.models.model_evaluation_list_response import ModelEvaluationListResponse
        from easymaker_api.models.model_evaluation_response import ModelEvaluationResponse

        declared = Operations(
            wire=Wire,
            get=get_model_evaluation.sync_detailed,
            response=ModelEvaluationResponse,
            payload=lambda parsed: parsed.model_evaluation,
            list=list_model_evaluations.sync_detailed,
            list_response=ModelEvaluationListResponse,
            list_payload=lambda parsed: parsed.model_evaluation_list,
            delete=delete_model_evaluation.sync_detailed,
            stop=stop_model_evaluation.sync_detailed,
        )
        return declared

    def create(
        self,
        model_evaluation_name: str | None = None,
        model_id: str | None = None,
        objective_code: Any = None,
        instance_type_name: str | None = None,
        input_data_uri: str | None = None,
        input_data_type_code: Any = None,
        target_field_name: str | None = None,
        batch_inference_instance_type_name: str | None = None,
        batch_inference_instance_count: int | None = None,
        batch_inference_pod_count: int | None = None,
        batch_inference_output_upload_uri: str | None = None,
        batch_inference_max_batch_size: int | None = None,
        batch_inference_inference_timeout_seconds: int | None = None,
        timeout_hours: int | None = 720,
        class_names: str | None = None,
        description: str | None = None,
        use_log: bool | None = False,
        wait: bool | None = True,
        *,
        generate_feature_attributions: bool | None = None,
        boot_storage_size: int | None = None,
        data_storage_size: int | None = None,
        timeout: float | None = None,
        logs: bool = False,
        **options: Unpack[ModelEvaluationCreateRequestOptions],
    ) -> ModelEvaluation:
        """Evaluate a model (2.1.5 positional order; the guide's ``generate_feature_attributions``,
        ``boot_storage_size`` and ``data_storage_size`` are sent too)."""
        self._check_logs(logs, use_log)
        from easymaker_api.api.model_evaluations import create_model_evaluation
        from easymaker_api.models.model_evaluation_batch_inference_request import (
            ModelEvaluationBatchInferenceRequest,
        )
        from easymaker_api.models.model_evaluation_create_request import ModelEvaluationCreateRequest

        require(
            model_evaluation_name=model_evaluation_name,
            model_id=model_id,
            objective_code=plain(objective_code),
            instance_type_name=instance_type_name,
            input_data_uri=input_data_uri,
            input_data_type_code=plain(input_data_type_code),
            target_field_name=target_field_name,
            batch_inference_instance_type_name=batch_inference_instance_type_name,
            batch_inference_instance_count=batch_inference_instance_count,
            batch_inference_pod_count=batch_inference_pod_count,
            batch_inference_output_upload_uri=batch_inference_output_upload_uri,
            batch_inference_max_batch_size=batch_inference_max_batch_size,
            batch_inference_inference_timeout_seconds=batch_inference_inference_timeout_seconds,
        )
        assert model_evaluation_name and model_id and instance_type_name and input_data_uri and target_field_name
        assert batch_inference_instance_type_name and batch_inference_output_upload_uri
        assert batch_inference_instance_count is not None and batch_inference_pod_count is not None
        assert batch_inference_max_batch_size is not None and batch_inference_inference_timeout_seconds is not None
        client = self.client
        if isinstance(class_names, str) and not class_names.strip():
            class_names = None  # "" (what the official regression notebook passes) means no class names, like None
        arguments = locals()
        draft = RequestDraft(
            ModelEvaluationCreateRequest,
            arguments,
            options,
            method="ModelEvaluation.create()",
            computed=parent_wire_fields(client),
            deferred=("flavorId", "batchInference"),
        )
        batch = RequestDraft(ModelEvaluationBatchInferenceRequest, arguments, deferred=("flavorId",))
        batch_flavor_id = client.lookups.flavor_id(batch_inference_instance_type_name)
        body = draft.build(
            flavorId=client.lookups.flavor_id(instance_type_name),
            batchInference=batch.build(flavorId=batch_flavor_id).to_dict(),
        )
        return self._post_create(create_model_evaluation.sync_detailed, body, wait, timeout, logs)

    @classmethod
    def get_comparison_table(
        cls,
        objective_code: Any = None,
        *,
        evaluations: Iterable[ModelEvaluation | str] | None = None,
        sort_by: str | None = None,
        ascending: bool = True,
        as_dataframe: bool | None = None,
        client: Client | None = None,
    ) -> Any:
        """Model evaluations side by side: one row per evaluation (``model_evaluation_id``, ``name``, ``model_id``,
        ``model_name``, ``objective_code``, ``status``) with a column per scalar metric (``auRoc``, ``logLoss``,
        ``rootMeanSquaredError``, ...). ``evaluations`` (objects or ids) or else every evaluation, kept to those of
        ``objective_code`` (``CLASSIFICATION`` / ``REGRESSION``) when given. A pandas DataFrame when pandas is
        installed, else a list of dicts."""
        from easymaker.resources.compare import evaluation_rows, sort_rows, table
        from easymaker.values import plain

        if evaluations is None:
            chosen: list[ModelEvaluation] = cls.get_list(client=client)
        else:
            chosen = [e if isinstance(e, ModelEvaluation) else cls(str(e), client=client) for e in evaluations]
        wanted = plain(objective_code)
        if wanted is not None:
            chosen = [e for e in chosen if e.to_dict().get("objectiveCode") == wanted]
        rows = sort_rows(evaluation_rows(chosen), sort_by, ascending)
        first = ("model_evaluation_id", "name", "model_id", "model_name", "objective_code", "status")
        return table(rows, first, as_dataframe)
