"""Models: ``Model().create(...)``, ``create_by_model_upload_uri``, ``create_hugging_face_model``, ``.delete()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from easymaker_api.fields import ModelFields
from easymaker_api.parameters import ModelCreateRequestOptions

from easymaker._client import Client
from easymaker._errors import EasyMakerValidationError
from easymaker.resources.base import Resource
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, parent_wire_fields, require
from easymaker.values import plain

if TYPE_CHECKING:
    from easymaker.resources.compare import Lineage

# 2.1.0 model type codes and their 2.1.5 model format codes (the only difference: SCIKIT_LEARN / SKLEARN).
TYPE_TO_FORMAT = {"SCIKIT_LEARN": "SKLEARN"}


class Model(Resource, ModelFields):
    """A model (from a training, a tuning, a fine tuning, or files at a URI)."""

    # the spec keeps these raw (what the cloud sends varies); wrapped as resources without a request
    _nested_types = {"training": "Training", "hyperparameterTuning": "HyperparameterTuning"}

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.models import delete_model, get_model, list_models
        from easymaker_api.models.model import Model as Wire
        from easymaker_api.models.model_list_response import ModelListResponse
        from easymaker_api.models.model_response import ModelResponse

        declared = Operations(
            wire=Wire,
            get=get_model.sync_detailed,
            response=ModelResponse,
            payload=lambda parsed: parsed.model,
            list=list_models.sync_detailed,
            list_response=ModelListResponse,
            list_payload=lambda parsed: parsed.model_list,
            delete=delete_model.sync_detailed,
        )
        return declared

    @classmethod
    def get_parameter_spec_list(
        cls,
        base_model_preset_id: str | None = None,
        *,
        model_preset_id: str | None = None,
        client: Client | None = None,
    ) -> list[Any]:
        """Model parameter specs (``parameterTypeCode`` MODEL) of a model preset (2.1.x: ``base_model_preset_id``;
        ``model_preset_id=`` is the same)."""
        from easymaker.resources.model_preset import ModelPreset

        return ModelPreset.get_parameter_spec_list(base_model_preset_id or model_preset_id, "MODEL", client=client)

    def create(
        self,
        model_name: str | None = None,
        model_format_code: Any = None,
        model_upload_uri: str | None = None,
        training_id: str | None = None,
        hyperparameter_tuning_id: str | None = None,
        fine_tuning_id: str | None = None,
        description: str | None = None,
        parameter_list: list[Any] | None = None,
        wait: bool | None = True,
        *,
        model_type_code: Any = None,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
        **options: Unpack[ModelCreateRequestOptions],
    ) -> Model:
        """Create a model from ``training_id``, ``hyperparameter_tuning_id``, ``fine_tuning_id``, or
        ``model_upload_uri`` with ``model_format_code`` (2.1.5) / ``model_type_code`` (2.1.0 guide).

        ``model_format_code`` is sent as ``modelFormatCode``; a 2.1.0 ``model_type_code`` is sent as
        ``modelTypeCode`` and also as ``modelFormatCode`` (``SCIKIT_LEARN`` becomes ``SKLEARN``), so servers that
        read either field understand it. ``model_format_code=easymaker.SCIKIT_LEARN`` is sent as ``SKLEARN``."""
        require(model_name=model_name)
        if not (training_id or hyperparameter_tuning_id or fine_tuning_id or model_upload_uri):
            raise EasyMakerValidationError(
                "Model.create needs one of training_id, hyperparameter_tuning_id, fine_tuning_id or "
                "model_upload_uri (with model_format_code)",
                parameter="training_id",
                constraint="required",
            )
        format_code = plain(model_format_code)
        type_code = plain(model_type_code)
        if format_code is not None:
            format_code = TYPE_TO_FORMAT.get(str(format_code), str(format_code))
        if type_code is not None:
            type_code = str(type_code)
            if format_code is None:
                format_code = TYPE_TO_FORMAT.get(type_code, type_code)
        if model_upload_uri and not (training_id or hyperparameter_tuning_id or fine_tuning_id) and not format_code:
            raise EasyMakerValidationError(
                "model_format_code (or model_type_code) is required with model_upload_uri",
                parameter="model_format_code",
                constraint="required",
            )
        return self._create(
            model_name=str(model_name),
            description=description,
            training_id=training_id,
            hyperparameter_tuning_id=hyperparameter_tuning_id,
            fine_tuning_id=fine_tuning_id,
            model_format_code=format_code,
            model_type_code=type_code,
            model_upload_uri=model_upload_uri,
            parameter_list=parameter_list,
            tag_list=tag_list,
            wait=wait,
            timeout=timeout,
            options=options,
        )

    def create_by_model_upload_uri(
        self,
        model_name: str | None = None,
        model_type_code: Any = None,
        model_upload_uri: str | None = None,
        description: str | None = None,
        parameter_list: list[Any] | None = None,
        wait: bool | None = True,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
    ) -> Model:
        """Create a model from files at ``model_upload_uri`` (2.1.0; positional order as there)."""
        require(model_type_code=plain(model_type_code), model_upload_uri=model_upload_uri, model_name=model_name)
        return self.create(
            model_name=model_name,
            model_upload_uri=model_upload_uri,
            description=description,
            parameter_list=parameter_list,
            wait=wait,
            model_type_code=model_type_code,
            tag_list=tag_list,
            timeout=timeout,
        )

    def create_hugging_face_model(
        self,
        model_name: str | None = None,
        description: str | None = None,
        parameter_list: list[Any] | None = None,
        wait: bool | None = True,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
    ) -> Model:
        """Create a Hugging Face model (``parameter_list`` carries ``model_id``)."""
        require(model_name=model_name)
        return self._create(
            model_name=str(model_name),
            description=description,
            model_format_code="HUGGING_FACE",
            model_type_code="HUGGING_FACE",
            parameter_list=parameter_list,
            tag_list=tag_list,
            wait=wait,
            timeout=timeout,
        )

    def _create(
        self,
        *,
        model_name: str,
        description: str | None = None,
        training_id: str | None = None,
        hyperparameter_tuning_id: str | None = None,
        fine_tuning_id: str | None = None,
        model_format_code: str | None = None,
        model_type_code: str | None = None,
        model_upload_uri: str | None = None,
        parameter_list: list[Any] | None = None,
        tag_list: list[Any] | None = None,
        wait: bool | None = True,
        timeout: float | None = None,
        options: ModelCreateRequestOptions | None = None,
    ) -> Model:
        from easymaker_api.api.models import create_model
        from easymaker_api.models.model_create_request import ModelCreateRequest

        client = self.client
        body = RequestDraft(
            ModelCreateRequest, locals(), options, method="Model.create()", computed=parent_wire_fields(client)
        ).build()
        return self._post_create(create_model.sync_detailed, body, wait, timeout)

    def lineage(self) -> Lineage:
        """Where this model came from (its training, or its tuning and trial, with datasets, hyperparameters and
        experiment) and where it went (the evaluations, endpoints and batch inferences using it)."""
        from easymaker.resources.compare import model_lineage

        self._require_id()
        return model_lineage(self.client, self)
