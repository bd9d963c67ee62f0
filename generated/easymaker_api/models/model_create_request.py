from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.model_format_code import ModelFormatCode
from ..models.model_type_code import ModelTypeCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_parameter import ModelParameter
    from ..models.tag import Tag


@_attrs_define
class ModelCreateRequest:
    """
    Attributes:
        model_name (str): Limits: minLength=1, maxLength=50.
        description (str | Unset): Limits: maxLength=255.
        training_id (str | Unset): Limits: maxLength=36.
        hyperparameter_tuning_id (str | Unset): Limits: maxLength=36.
        fine_tuning_id (str | Unset): Limits: maxLength=36.
        model_type_code (ModelTypeCode | Unset): The 2.1.0 framework code (`model_type_code` in the user's guide).
            Limits: enum=('TENSORFLOW', 'PYTORCH', 'SCIKIT_LEARN', 'HUGGING_FACE').
        model_format_code (ModelFormatCode | Unset): Limits: enum=('TENSORFLOW', 'PYTORCH', 'SKLEARN', 'HUGGING_FACE',
            'TRITON', 'SAPEON').
        model_upload_uri (str | Unset): Limits: maxLength=255.
        parameter_list (list[ModelParameter] | Unset): Limits: maxItems=10.
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    model_name: str
    description: str | Unset = UNSET
    training_id: str | Unset = UNSET
    hyperparameter_tuning_id: str | Unset = UNSET
    fine_tuning_id: str | Unset = UNSET
    model_type_code: ModelTypeCode | Unset = UNSET
    model_format_code: ModelFormatCode | Unset = UNSET
    model_upload_uri: str | Unset = UNSET
    parameter_list: list[ModelParameter] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelName": "model_name",
        "description": "description",
        "trainingId": "training_id",
        "hyperparameterTuningId": "hyperparameter_tuning_id",
        "fineTuningId": "fine_tuning_id",
        "modelTypeCode": "model_type_code",
        "modelFormatCode": "model_format_code",
        "modelUploadUri": "model_upload_uri",
        "parameterList": "parameter_list",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "modelName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "trainingId": {"maxLength": 36},
        "hyperparameterTuningId": {"maxLength": 36},
        "fineTuningId": {"maxLength": 36},
        "modelTypeCode": {"enum": ("TENSORFLOW", "PYTORCH", "SCIKIT_LEARN", "HUGGING_FACE")},
        "modelFormatCode": {"enum": ("TENSORFLOW", "PYTORCH", "SKLEARN", "HUGGING_FACE", "TRITON", "SAPEON")},
        "modelUploadUri": {"maxLength": 255},
        "parameterList": {"maxItems": 10},
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
            model_name = self.model_name

            description = self.description

            training_id = self.training_id

            hyperparameter_tuning_id = self.hyperparameter_tuning_id

            fine_tuning_id = self.fine_tuning_id

            model_type_code: str | Unset = UNSET
            if not isinstance(self.model_type_code, Unset):
                model_type_code = self.model_type_code.value

            model_format_code: str | Unset = UNSET
            if not isinstance(self.model_format_code, Unset):
                model_format_code = self.model_format_code.value

            model_upload_uri = self.model_upload_uri

            parameter_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.parameter_list, Unset):
                parameter_list = []
                for parameter_list_item_data in self.parameter_list:
                    parameter_list_item = parameter_list_item_data.to_dict()
                    parameter_list.append(parameter_list_item)

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
            field_dict["modelName"] = model_name
            if description is not UNSET:
                field_dict["description"] = description
            if training_id is not UNSET:
                field_dict["trainingId"] = training_id
            if hyperparameter_tuning_id is not UNSET:
                field_dict["hyperparameterTuningId"] = hyperparameter_tuning_id
            if fine_tuning_id is not UNSET:
                field_dict["fineTuningId"] = fine_tuning_id
            if model_type_code is not UNSET:
                field_dict["modelTypeCode"] = model_type_code
            if model_format_code is not UNSET:
                field_dict["modelFormatCode"] = model_format_code
            if model_upload_uri is not UNSET:
                field_dict["modelUploadUri"] = model_upload_uri
            if parameter_list is not UNSET:
                field_dict["parameterList"] = parameter_list
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
        from ..models.model_parameter import ModelParameter
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            model_name = d.pop("modelName")
            description = _validation.null_as_unset(d.pop("description", UNSET))
            training_id = _validation.null_as_unset(d.pop("trainingId", UNSET))
            hyperparameter_tuning_id = _validation.null_as_unset(d.pop("hyperparameterTuningId", UNSET))
            fine_tuning_id = _validation.null_as_unset(d.pop("fineTuningId", UNSET))
            _model_type_code = _validation.null_as_unset(d.pop("modelTypeCode", UNSET))
            model_type_code: ModelTypeCode | Unset
            if isinstance(_model_type_code, Unset):
                model_type_code = UNSET
            else:
                model_type_code = ModelTypeCode(_model_type_code)

            _model_format_code = _validation.null_as_unset(d.pop("modelFormatCode", UNSET))
            model_format_code: ModelFormatCode | Unset
            if isinstance(_model_format_code, Unset):
                model_format_code = UNSET
            else:
                model_format_code = ModelFormatCode(_model_format_code)

            model_upload_uri = _validation.null_as_unset(d.pop("modelUploadUri", UNSET))
            _parameter_list = _validation.null_as_unset(d.pop("parameterList", UNSET))
            parameter_list: list[ModelParameter] | Unset = UNSET
            if _parameter_list is not UNSET:
                parameter_list = []
                for parameter_list_item_data in _parameter_list:
                    parameter_list_item = ModelParameter.from_dict(parameter_list_item_data)

                    parameter_list.append(parameter_list_item)

            _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
            tag_list: list[Tag] | Unset = UNSET
            if _tag_list is not UNSET:
                tag_list = []
                for tag_list_item_data in _tag_list:
                    tag_list_item = Tag.from_dict(tag_list_item_data)

                    tag_list.append(tag_list_item)

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            model_create_request = cls(
                model_name=model_name,
                description=description,
                training_id=training_id,
                hyperparameter_tuning_id=hyperparameter_tuning_id,
                fine_tuning_id=fine_tuning_id,
                model_type_code=model_type_code,
                model_format_code=model_format_code,
                model_upload_uri=model_upload_uri,
                parameter_list=parameter_list,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            model_create_request.additional_properties = d
            return model_create_request

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
