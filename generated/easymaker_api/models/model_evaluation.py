from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.model_evaluation_input_data_type_code import ModelEvaluationInputDataTypeCode
from ..models.model_evaluation_status_code import ModelEvaluationStatusCode
from ..models.objective_code import ObjectiveCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_metrics import EvaluationMetrics
    from ..models.instance_type import InstanceType
    from ..models.model_evaluation_batch_inference import ModelEvaluationBatchInference
    from ..models.model_summary import ModelSummary


@_attrs_define
class ModelEvaluation:
    """
    Attributes:
        model_evaluation_id (str | Unset):
        model_evaluation_name (str | Unset):
        model_evaluation_status_code (ModelEvaluationStatusCode | str | Unset):
        model_evaluation_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        model (ModelSummary | Unset): A model as nested in other resources.
        model_id (str | Unset):
        objective_code (ObjectiveCode | str | Unset):
        class_names (str | Unset):
        availability_zone (str | Unset):
        input_data_uri (str | Unset):
        input_data_type_code (ModelEvaluationInputDataTypeCode | str | Unset):
        target_field_name (str | Unset):
        flavor (InstanceType | Unset):
        batch_inference (ModelEvaluationBatchInference | Unset):
        timeout_hours (int | Unset):
        timeout_minutes (int | Unset):
        boot_storage_size (int | Unset):
        data_storage_size (int | Unset):
        generate_feature_attributions (bool | Unset):
        metrics (EvaluationMetrics | Unset): Classification metrics (auPrc, auRoc, logLoss, confidenceMetrics) or
            regression metrics.
    """

    model_evaluation_id: str | Unset = UNSET
    model_evaluation_name: str | Unset = UNSET
    model_evaluation_status_code: ModelEvaluationStatusCode | str | Unset = UNSET
    model_evaluation_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    model: ModelSummary | Unset = UNSET
    model_id: str | Unset = UNSET
    objective_code: ObjectiveCode | str | Unset = UNSET
    class_names: str | Unset = UNSET
    availability_zone: str | Unset = UNSET
    input_data_uri: str | Unset = UNSET
    input_data_type_code: ModelEvaluationInputDataTypeCode | str | Unset = UNSET
    target_field_name: str | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    batch_inference: ModelEvaluationBatchInference | Unset = UNSET
    timeout_hours: int | Unset = UNSET
    timeout_minutes: int | Unset = UNSET
    boot_storage_size: int | Unset = UNSET
    data_storage_size: int | Unset = UNSET
    generate_feature_attributions: bool | Unset = UNSET
    metrics: EvaluationMetrics | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelEvaluationId": "model_evaluation_id",
        "modelEvaluationName": "model_evaluation_name",
        "modelEvaluationStatusCode": "model_evaluation_status_code",
        "modelEvaluationStatusReason": "model_evaluation_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "model": "model",
        "modelId": "model_id",
        "objectiveCode": "objective_code",
        "classNames": "class_names",
        "availabilityZone": "availability_zone",
        "inputDataUri": "input_data_uri",
        "inputDataTypeCode": "input_data_type_code",
        "targetFieldName": "target_field_name",
        "flavor": "flavor",
        "batchInference": "batch_inference",
        "timeoutHours": "timeout_hours",
        "timeoutMinutes": "timeout_minutes",
        "bootStorageSize": "boot_storage_size",
        "dataStorageSize": "data_storage_size",
        "generateFeatureAttributions": "generate_feature_attributions",
        "metrics": "metrics",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            model_evaluation_id = self.model_evaluation_id

            model_evaluation_name = self.model_evaluation_name

            model_evaluation_status_code: str | Unset
            if isinstance(self.model_evaluation_status_code, Unset):
                model_evaluation_status_code = UNSET
            elif isinstance(self.model_evaluation_status_code, ModelEvaluationStatusCode):
                model_evaluation_status_code = self.model_evaluation_status_code.value
            else:
                model_evaluation_status_code = self.model_evaluation_status_code

            model_evaluation_status_reason = self.model_evaluation_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            model: dict[str, Any] | Unset = UNSET
            if not isinstance(self.model, Unset):
                model = self.model.to_dict()

            model_id = self.model_id

            objective_code: str | Unset
            if isinstance(self.objective_code, Unset):
                objective_code = UNSET
            elif isinstance(self.objective_code, ObjectiveCode):
                objective_code = self.objective_code.value
            else:
                objective_code = self.objective_code

            class_names = self.class_names

            availability_zone = self.availability_zone

            input_data_uri = self.input_data_uri

            input_data_type_code: str | Unset
            if isinstance(self.input_data_type_code, Unset):
                input_data_type_code = UNSET
            elif isinstance(self.input_data_type_code, ModelEvaluationInputDataTypeCode):
                input_data_type_code = self.input_data_type_code.value
            else:
                input_data_type_code = self.input_data_type_code

            target_field_name = self.target_field_name

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            batch_inference: dict[str, Any] | Unset = UNSET
            if not isinstance(self.batch_inference, Unset):
                batch_inference = self.batch_inference.to_dict()

            timeout_hours = self.timeout_hours

            timeout_minutes = self.timeout_minutes

            boot_storage_size = self.boot_storage_size

            data_storage_size = self.data_storage_size

            generate_feature_attributions = self.generate_feature_attributions

            metrics: dict[str, Any] | Unset = UNSET
            if not isinstance(self.metrics, Unset):
                metrics = self.metrics.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if model_evaluation_id is not UNSET:
                field_dict["modelEvaluationId"] = model_evaluation_id
            if model_evaluation_name is not UNSET:
                field_dict["modelEvaluationName"] = model_evaluation_name
            if model_evaluation_status_code is not UNSET:
                field_dict["modelEvaluationStatusCode"] = model_evaluation_status_code
            if model_evaluation_status_reason is not UNSET:
                field_dict["modelEvaluationStatusReason"] = model_evaluation_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if model is not UNSET:
                field_dict["model"] = model
            if model_id is not UNSET:
                field_dict["modelId"] = model_id
            if objective_code is not UNSET:
                field_dict["objectiveCode"] = objective_code
            if class_names is not UNSET:
                field_dict["classNames"] = class_names
            if availability_zone is not UNSET:
                field_dict["availabilityZone"] = availability_zone
            if input_data_uri is not UNSET:
                field_dict["inputDataUri"] = input_data_uri
            if input_data_type_code is not UNSET:
                field_dict["inputDataTypeCode"] = input_data_type_code
            if target_field_name is not UNSET:
                field_dict["targetFieldName"] = target_field_name
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if batch_inference is not UNSET:
                field_dict["batchInference"] = batch_inference
            if timeout_hours is not UNSET:
                field_dict["timeoutHours"] = timeout_hours
            if timeout_minutes is not UNSET:
                field_dict["timeoutMinutes"] = timeout_minutes
            if boot_storage_size is not UNSET:
                field_dict["bootStorageSize"] = boot_storage_size
            if data_storage_size is not UNSET:
                field_dict["dataStorageSize"] = data_storage_size
            if generate_feature_attributions is not UNSET:
                field_dict["generateFeatureAttributions"] = generate_feature_attributions
            if metrics is not UNSET:
                field_dict["metrics"] = metrics
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.evaluation_metrics import EvaluationMetrics
        from ..models.instance_type import InstanceType
        from ..models.model_evaluation_batch_inference import ModelEvaluationBatchInference
        from ..models.model_summary import ModelSummary

        d = dict(src_dict)
        model_evaluation_id = _validation.null_as_unset(d.pop("modelEvaluationId", UNSET))
        model_evaluation_name = _validation.null_as_unset(d.pop("modelEvaluationName", UNSET))

        def _parse_model_evaluation_status_code(data: object) -> ModelEvaluationStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_evaluation_status_code_type_0 = ModelEvaluationStatusCode(data)

                return model_evaluation_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelEvaluationStatusCode | str | Unset, data)

        model_evaluation_status_code = _parse_model_evaluation_status_code(
            _validation.null_as_unset(d.pop("modelEvaluationStatusCode", UNSET))
        )

        model_evaluation_status_reason = _validation.null_as_unset(d.pop("modelEvaluationStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        _model = _validation.null_as_unset(d.pop("model", UNSET))
        model: ModelSummary | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = ModelSummary.from_dict(_model)

        model_id = _validation.null_as_unset(d.pop("modelId", UNSET))

        def _parse_objective_code(data: object) -> ObjectiveCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                objective_code_type_0 = ObjectiveCode(data)

                return objective_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ObjectiveCode | str | Unset, data)

        objective_code = _parse_objective_code(_validation.null_as_unset(d.pop("objectiveCode", UNSET)))

        class_names = _validation.null_as_unset(d.pop("classNames", UNSET))
        availability_zone = _validation.null_as_unset(d.pop("availabilityZone", UNSET))
        input_data_uri = _validation.null_as_unset(d.pop("inputDataUri", UNSET))

        def _parse_input_data_type_code(data: object) -> ModelEvaluationInputDataTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                input_data_type_code_type_0 = ModelEvaluationInputDataTypeCode(data)

                return input_data_type_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelEvaluationInputDataTypeCode | str | Unset, data)

        input_data_type_code = _parse_input_data_type_code(_validation.null_as_unset(d.pop("inputDataTypeCode", UNSET)))

        target_field_name = _validation.null_as_unset(d.pop("targetFieldName", UNSET))
        _flavor = _validation.null_as_unset(d.pop("flavor", UNSET))
        flavor: InstanceType | Unset
        if isinstance(_flavor, Unset):
            flavor = UNSET
        else:
            flavor = InstanceType.from_dict(_flavor)

        _batch_inference = _validation.null_as_unset(d.pop("batchInference", UNSET))
        batch_inference: ModelEvaluationBatchInference | Unset
        if isinstance(_batch_inference, Unset):
            batch_inference = UNSET
        else:
            batch_inference = ModelEvaluationBatchInference.from_dict(_batch_inference)

        timeout_hours = _validation.null_as_unset(d.pop("timeoutHours", UNSET))
        timeout_minutes = _validation.null_as_unset(d.pop("timeoutMinutes", UNSET))
        boot_storage_size = _validation.null_as_unset(d.pop("bootStorageSize", UNSET))
        data_storage_size = _validation.null_as_unset(d.pop("dataStorageSize", UNSET))
        generate_feature_attributions = _validation.null_as_unset(d.pop("generateFeatureAttributions", UNSET))
        _metrics = _validation.null_as_unset(d.pop("metrics", UNSET))
        metrics: EvaluationMetrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = EvaluationMetrics.from_dict(_metrics)

        model_evaluation = cls(
            model_evaluation_id=model_evaluation_id,
            model_evaluation_name=model_evaluation_name,
            model_evaluation_status_code=model_evaluation_status_code,
            model_evaluation_status_reason=model_evaluation_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            model=model,
            model_id=model_id,
            objective_code=objective_code,
            class_names=class_names,
            availability_zone=availability_zone,
            input_data_uri=input_data_uri,
            input_data_type_code=input_data_type_code,
            target_field_name=target_field_name,
            flavor=flavor,
            batch_inference=batch_inference,
            timeout_hours=timeout_hours,
            timeout_minutes=timeout_minutes,
            boot_storage_size=boot_storage_size,
            data_storage_size=data_storage_size,
            generate_feature_attributions=generate_feature_attributions,
            metrics=metrics,
        )
        model_evaluation.additional_properties = d
        return model_evaluation

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
