from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.model_format_code import ModelFormatCode
from ..models.model_status_code import ModelStatusCode
from ..models.model_type_code import ModelTypeCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_fine_tuning import ModelFineTuning
    from ..models.model_hyperparameter_tuning import ModelHyperparameterTuning
    from ..models.model_parameter import ModelParameter
    from ..models.model_training import ModelTraining
    from ..models.tag import Tag


@_attrs_define
class Model:
    """
    Attributes:
        model_id (str | Unset):
        model_name (str | Unset):
        model_status_code (ModelStatusCode | str | Unset):
        model_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        training (ModelTraining | Unset): The training the model came from (kept raw).
        hyperparameter_tuning (ModelHyperparameterTuning | Unset): The tuning the model came from (kept raw).
        fine_tuning (ModelFineTuning | Unset):
        model_upload_uri (str | Unset):
        model_format_code (ModelFormatCode | str | Unset):
        model_type_code (ModelTypeCode | str | Unset):
        framework_version (str | Unset):
        parameter_list (list[ModelParameter] | Unset):
        tag_list (list[Tag] | Unset):
    """

    model_id: str | Unset = UNSET
    model_name: str | Unset = UNSET
    model_status_code: ModelStatusCode | str | Unset = UNSET
    model_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    training: ModelTraining | Unset = UNSET
    hyperparameter_tuning: ModelHyperparameterTuning | Unset = UNSET
    fine_tuning: ModelFineTuning | Unset = UNSET
    model_upload_uri: str | Unset = UNSET
    model_format_code: ModelFormatCode | str | Unset = UNSET
    model_type_code: ModelTypeCode | str | Unset = UNSET
    framework_version: str | Unset = UNSET
    parameter_list: list[ModelParameter] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "modelId": "model_id",
        "modelName": "model_name",
        "modelStatusCode": "model_status_code",
        "modelStatusReason": "model_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "training": "training",
        "hyperparameterTuning": "hyperparameter_tuning",
        "fineTuning": "fine_tuning",
        "modelUploadUri": "model_upload_uri",
        "modelFormatCode": "model_format_code",
        "modelTypeCode": "model_type_code",
        "frameworkVersion": "framework_version",
        "parameterList": "parameter_list",
        "tagList": "tag_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            model_id = self.model_id

            model_name = self.model_name

            model_status_code: str | Unset
            if isinstance(self.model_status_code, Unset):
                model_status_code = UNSET
            elif isinstance(self.model_status_code, ModelStatusCode):
                model_status_code = self.model_status_code.value
            else:
                model_status_code = self.model_status_code

            model_status_reason = self.model_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            training: dict[str, Any] | Unset = UNSET
            if not isinstance(self.training, Unset):
                training = self.training.to_dict()

            hyperparameter_tuning: dict[str, Any] | Unset = UNSET
            if not isinstance(self.hyperparameter_tuning, Unset):
                hyperparameter_tuning = self.hyperparameter_tuning.to_dict()

            fine_tuning: dict[str, Any] | Unset = UNSET
            if not isinstance(self.fine_tuning, Unset):
                fine_tuning = self.fine_tuning.to_dict()

            model_upload_uri = self.model_upload_uri

            model_format_code: str | Unset
            if isinstance(self.model_format_code, Unset):
                model_format_code = UNSET
            elif isinstance(self.model_format_code, ModelFormatCode):
                model_format_code = self.model_format_code.value
            else:
                model_format_code = self.model_format_code

            model_type_code: str | Unset
            if isinstance(self.model_type_code, Unset):
                model_type_code = UNSET
            elif isinstance(self.model_type_code, ModelTypeCode):
                model_type_code = self.model_type_code.value
            else:
                model_type_code = self.model_type_code

            framework_version = self.framework_version

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

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if model_id is not UNSET:
                field_dict["modelId"] = model_id
            if model_name is not UNSET:
                field_dict["modelName"] = model_name
            if model_status_code is not UNSET:
                field_dict["modelStatusCode"] = model_status_code
            if model_status_reason is not UNSET:
                field_dict["modelStatusReason"] = model_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if training is not UNSET:
                field_dict["training"] = training
            if hyperparameter_tuning is not UNSET:
                field_dict["hyperparameterTuning"] = hyperparameter_tuning
            if fine_tuning is not UNSET:
                field_dict["fineTuning"] = fine_tuning
            if model_upload_uri is not UNSET:
                field_dict["modelUploadUri"] = model_upload_uri
            if model_format_code is not UNSET:
                field_dict["modelFormatCode"] = model_format_code
            if model_type_code is not UNSET:
                field_dict["modelTypeCode"] = model_type_code
            if framework_version is not UNSET:
                field_dict["frameworkVersion"] = framework_version
            if parameter_list is not UNSET:
                field_dict["parameterList"] = parameter_list
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.model_fine_tuning import ModelFineTuning
        from ..models.model_hyperparameter_tuning import ModelHyperparameterTuning
        from ..models.model_parameter import ModelParameter
        from ..models.model_training import ModelTraining
        from ..models.tag import Tag

        d = dict(src_dict)
        model_id = _validation.null_as_unset(d.pop("modelId", UNSET))
        model_name = _validation.null_as_unset(d.pop("modelName", UNSET))

        def _parse_model_status_code(data: object) -> ModelStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_status_code_type_0 = ModelStatusCode(data)

                return model_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelStatusCode | str | Unset, data)

        model_status_code = _parse_model_status_code(_validation.null_as_unset(d.pop("modelStatusCode", UNSET)))

        model_status_reason = _validation.null_as_unset(d.pop("modelStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        _training = _validation.null_as_unset(d.pop("training", UNSET))
        training: ModelTraining | Unset
        if isinstance(_training, Unset):
            training = UNSET
        else:
            training = ModelTraining.from_dict(_training)

        _hyperparameter_tuning = _validation.null_as_unset(d.pop("hyperparameterTuning", UNSET))
        hyperparameter_tuning: ModelHyperparameterTuning | Unset
        if isinstance(_hyperparameter_tuning, Unset):
            hyperparameter_tuning = UNSET
        else:
            hyperparameter_tuning = ModelHyperparameterTuning.from_dict(_hyperparameter_tuning)

        _fine_tuning = _validation.null_as_unset(d.pop("fineTuning", UNSET))
        fine_tuning: ModelFineTuning | Unset
        if isinstance(_fine_tuning, Unset):
            fine_tuning = UNSET
        else:
            fine_tuning = ModelFineTuning.from_dict(_fine_tuning)

        model_upload_uri = _validation.null_as_unset(d.pop("modelUploadUri", UNSET))

        def _parse_model_format_code(data: object) -> ModelFormatCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_format_code_type_0 = ModelFormatCode(data)

                return model_format_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelFormatCode | str | Unset, data)

        model_format_code = _parse_model_format_code(_validation.null_as_unset(d.pop("modelFormatCode", UNSET)))

        def _parse_model_type_code(data: object) -> ModelTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_code_type_0 = ModelTypeCode(data)

                return model_type_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelTypeCode | str | Unset, data)

        model_type_code = _parse_model_type_code(_validation.null_as_unset(d.pop("modelTypeCode", UNSET)))

        framework_version = _validation.null_as_unset(d.pop("frameworkVersion", UNSET))
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

        model = cls(
            model_id=model_id,
            model_name=model_name,
            model_status_code=model_status_code,
            model_status_reason=model_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            training=training,
            hyperparameter_tuning=hyperparameter_tuning,
            fine_tuning=fine_tuning,
            model_upload_uri=model_upload_uri,
            model_format_code=model_format_code,
            model_type_code=model_type_code,
            framework_version=framework_version,
            parameter_list=parameter_list,
            tag_list=tag_list,
        )
        model.additional_properties = d
        return model

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
