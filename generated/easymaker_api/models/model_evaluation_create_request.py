from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.model_evaluation_input_data_type_code import ModelEvaluationInputDataTypeCode
from ..models.objective_code import ObjectiveCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_evaluation_batch_inference_request import ModelEvaluationBatchInferenceRequest


@_attrs_define
class ModelEvaluationCreateRequest:
    """
    Attributes:
        model_evaluation_name (str): Limits: minLength=1, maxLength=50.
        model_id (str): Limits: minLength=1, maxLength=36.
        objective_code (ObjectiveCode): Limits: enum=('CLASSIFICATION', 'REGRESSION').
        flavor_id (str): Limits: minLength=1, maxLength=36.
        input_data_uri (str): Limits: minLength=1, maxLength=255.
        input_data_type_code (ModelEvaluationInputDataTypeCode): Limits: enum=('JSONL', 'CSV').
        target_field_name (str): Limits: minLength=1, maxLength=255.
        batch_inference (ModelEvaluationBatchInferenceRequest):
        description (str | Unset): Limits: maxLength=255.
        class_names (str | Unset): comma-separated class names; empty (the official regression notebook sends "") means
            none Limits: maxLength=5000.
        timeout_minutes (int | Unset): Limits: minimum=60, maximum=43200.
        boot_storage_size (int | Unset): Limits: minimum=50.
        data_storage_size (int | Unset): Limits: minimum=300, maximum=10000.
        generate_feature_attributions (bool | Unset):
        use_log (bool | Unset):
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    model_evaluation_name: str
    model_id: str
    objective_code: ObjectiveCode
    flavor_id: str
    input_data_uri: str
    input_data_type_code: ModelEvaluationInputDataTypeCode
    target_field_name: str
    batch_inference: ModelEvaluationBatchInferenceRequest
    description: str | Unset = UNSET
    class_names: str | Unset = UNSET
    timeout_minutes: int | Unset = UNSET
    boot_storage_size: int | Unset = UNSET
    data_storage_size: int | Unset = UNSET
    generate_feature_attributions: bool | Unset = UNSET
    use_log: bool | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelEvaluationName": "model_evaluation_name",
        "modelId": "model_id",
        "objectiveCode": "objective_code",
        "flavorId": "flavor_id",
        "inputDataUri": "input_data_uri",
        "inputDataTypeCode": "input_data_type_code",
        "targetFieldName": "target_field_name",
        "batchInference": "batch_inference",
        "description": "description",
        "classNames": "class_names",
        "timeoutMinutes": "timeout_minutes",
        "bootStorageSize": "boot_storage_size",
        "dataStorageSize": "data_storage_size",
        "generateFeatureAttributions": "generate_feature_attributions",
        "useLog": "use_log",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "modelEvaluationName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "modelId": {"minLength": 1, "maxLength": 36},
        "objectiveCode": {"enum": ("CLASSIFICATION", "REGRESSION")},
        "classNames": {"maxLength": 5000},
        "flavorId": {"minLength": 1, "maxLength": 36},
        "inputDataUri": {"minLength": 1, "maxLength": 255},
        "inputDataTypeCode": {"enum": ("JSONL", "CSV")},
        "targetFieldName": {"minLength": 1, "maxLength": 255},
        "timeoutMinutes": {"minimum": 60, "maximum": 43200},
        "bootStorageSize": {"minimum": 50},
        "dataStorageSize": {"minimum": 300, "maximum": 10000},
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
            model_evaluation_name = self.model_evaluation_name

            model_id = self.model_id

            objective_code = self.objective_code.value

            flavor_id = self.flavor_id

            input_data_uri = self.input_data_uri

            input_data_type_code = self.input_data_type_code.value

            target_field_name = self.target_field_name

            batch_inference = self.batch_inference.to_dict()

            description = self.description

            class_names = self.class_names

            timeout_minutes = self.timeout_minutes

            boot_storage_size = self.boot_storage_size

            data_storage_size = self.data_storage_size

            generate_feature_attributions = self.generate_feature_attributions

            use_log = self.use_log

            parent_pipeline_run_id = self.parent_pipeline_run_id

            parent_pipeline_run_task_name = self.parent_pipeline_run_task_name

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["modelEvaluationName"] = model_evaluation_name
            field_dict["modelId"] = model_id
            field_dict["objectiveCode"] = objective_code
            field_dict["flavorId"] = flavor_id
            field_dict["inputDataUri"] = input_data_uri
            field_dict["inputDataTypeCode"] = input_data_type_code
            field_dict["targetFieldName"] = target_field_name
            field_dict["batchInference"] = batch_inference
            if description is not UNSET:
                field_dict["description"] = description
            if class_names is not UNSET:
                field_dict["classNames"] = class_names
            if timeout_minutes is not UNSET:
                field_dict["timeoutMinutes"] = timeout_minutes
            if boot_storage_size is not UNSET:
                field_dict["bootStorageSize"] = boot_storage_size
            if data_storage_size is not UNSET:
                field_dict["dataStorageSize"] = data_storage_size
            if generate_feature_attributions is not UNSET:
                field_dict["generateFeatureAttributions"] = generate_feature_attributions
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            if parent_pipeline_run_id is not UNSET:
                field_dict["parentPipelineRunId"] = parent_pipeline_run_id
            if parent_pipeline_run_task_name is not UNSET:
                field_dict["parentPipelineRunTaskName"] = parent_pipeline_run_task_name
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        from ..models.model_evaluation_batch_inference_request import ModelEvaluationBatchInferenceRequest

        with _validation.lenient():
            d = dict(src_dict)
            model_evaluation_name = d.pop("modelEvaluationName")
            model_id = d.pop("modelId")
            objective_code = ObjectiveCode(d.pop("objectiveCode"))

            flavor_id = d.pop("flavorId")
            input_data_uri = d.pop("inputDataUri")
            input_data_type_code = ModelEvaluationInputDataTypeCode(d.pop("inputDataTypeCode"))

            target_field_name = d.pop("targetFieldName")
            batch_inference = ModelEvaluationBatchInferenceRequest.from_dict(d.pop("batchInference"))

            description = _validation.null_as_unset(d.pop("description", UNSET))
            class_names = _validation.null_as_unset(d.pop("classNames", UNSET))
            timeout_minutes = _validation.null_as_unset(d.pop("timeoutMinutes", UNSET))
            boot_storage_size = _validation.null_as_unset(d.pop("bootStorageSize", UNSET))
            data_storage_size = _validation.null_as_unset(d.pop("dataStorageSize", UNSET))
            generate_feature_attributions = _validation.null_as_unset(d.pop("generateFeatureAttributions", UNSET))
            use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            model_evaluation_create_request = cls(
                model_evaluation_name=model_evaluation_name,
                model_id=model_id,
                objective_code=objective_code,
                flavor_id=flavor_id,
                input_data_uri=input_data_uri,
                input_data_type_code=input_data_type_code,
                target_field_name=target_field_name,
                batch_inference=batch_inference,
                description=description,
                class_names=class_names,
                timeout_minutes=timeout_minutes,
                boot_storage_size=boot_storage_size,
                data_storage_size=data_storage_size,
                generate_feature_attributions=generate_feature_attributions,
                use_log=use_log,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            model_evaluation_create_request.additional_properties = d
            return model_evaluation_create_request

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
