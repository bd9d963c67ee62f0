from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset import Dataset
    from ..models.parameter import Parameter


@_attrs_define
class FineTuningCreateRequest:
    """
    Attributes:
        fine_tuning_name (str): Limits: minLength=1, maxLength=50.
        base_model_preset_id (str): Limits: minLength=1, maxLength=36.
        flavor_name (str): Limits: minLength=1, maxLength=64.
        model_upload_uri (str): Limits: minLength=1, maxLength=255.
        description (str | Unset): Limits: maxLength=255.
        experiment_id (str | Unset): Limits: maxLength=36.
        experiment_name (str | Unset): Limits: maxLength=50.
        experiment_description (str | Unset): Limits: maxLength=255.
        instance_count (int | Unset): Limits: minimum=1, maximum=10.
        val_set_size (int | Unset): Limits: minimum=0, maximum=100.
        dataset_list (list[Dataset] | Unset): Limits: maxItems=20.
        data_storage_size (int | Unset): Limits: minimum=300, maximum=10000.
        timeout_minutes (int | Unset): Limits: minimum=60, maximum=43200.
        use_log (bool | Unset):
        hyperparameter_list (list[Parameter] | Unset): Limits: maxItems=100.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    fine_tuning_name: str
    base_model_preset_id: str
    flavor_name: str
    model_upload_uri: str
    description: str | Unset = UNSET
    experiment_id: str | Unset = UNSET
    experiment_name: str | Unset = UNSET
    experiment_description: str | Unset = UNSET
    instance_count: int | Unset = UNSET
    val_set_size: int | Unset = UNSET
    dataset_list: list[Dataset] | Unset = UNSET
    data_storage_size: int | Unset = UNSET
    timeout_minutes: int | Unset = UNSET
    use_log: bool | Unset = UNSET
    hyperparameter_list: list[Parameter] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "fineTuningName": "fine_tuning_name",
        "baseModelPresetId": "base_model_preset_id",
        "flavorName": "flavor_name",
        "modelUploadUri": "model_upload_uri",
        "description": "description",
        "experimentId": "experiment_id",
        "experimentName": "experiment_name",
        "experimentDescription": "experiment_description",
        "instanceCount": "instance_count",
        "valSetSize": "val_set_size",
        "datasetList": "dataset_list",
        "dataStorageSize": "data_storage_size",
        "timeoutMinutes": "timeout_minutes",
        "useLog": "use_log",
        "hyperparameterList": "hyperparameter_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "fineTuningName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "experimentId": {"maxLength": 36},
        "experimentName": {"maxLength": 50},
        "experimentDescription": {"maxLength": 255},
        "baseModelPresetId": {"minLength": 1, "maxLength": 36},
        "flavorName": {"minLength": 1, "maxLength": 64},
        "instanceCount": {"minimum": 1, "maximum": 10},
        "valSetSize": {"minimum": 0, "maximum": 100},
        "datasetList": {"maxItems": 20},
        "modelUploadUri": {"minLength": 1, "maxLength": 255},
        "dataStorageSize": {"minimum": 300, "maximum": 10000},
        "timeoutMinutes": {"minimum": 60, "maximum": 43200},
        "hyperparameterList": {"maxItems": 100},
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
            fine_tuning_name = self.fine_tuning_name

            base_model_preset_id = self.base_model_preset_id

            flavor_name = self.flavor_name

            model_upload_uri = self.model_upload_uri

            description = self.description

            experiment_id = self.experiment_id

            experiment_name = self.experiment_name

            experiment_description = self.experiment_description

            instance_count = self.instance_count

            val_set_size = self.val_set_size

            dataset_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.dataset_list, Unset):
                dataset_list = []
                for dataset_list_item_data in self.dataset_list:
                    dataset_list_item = dataset_list_item_data.to_dict()
                    dataset_list.append(dataset_list_item)

            data_storage_size = self.data_storage_size

            timeout_minutes = self.timeout_minutes

            use_log = self.use_log

            hyperparameter_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.hyperparameter_list, Unset):
                hyperparameter_list = []
                for hyperparameter_list_item_data in self.hyperparameter_list:
                    hyperparameter_list_item = hyperparameter_list_item_data.to_dict()
                    hyperparameter_list.append(hyperparameter_list_item)

            parent_pipeline_run_id = self.parent_pipeline_run_id

            parent_pipeline_run_task_name = self.parent_pipeline_run_task_name

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["fineTuningName"] = fine_tuning_name
            field_dict["baseModelPresetId"] = base_model_preset_id
            field_dict["flavorName"] = flavor_name
            field_dict["modelUploadUri"] = model_upload_uri
            if description is not UNSET:
                field_dict["description"] = description
            if experiment_id is not UNSET:
                field_dict["experimentId"] = experiment_id
            if experiment_name is not UNSET:
                field_dict["experimentName"] = experiment_name
            if experiment_description is not UNSET:
                field_dict["experimentDescription"] = experiment_description
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if val_set_size is not UNSET:
                field_dict["valSetSize"] = val_set_size
            if dataset_list is not UNSET:
                field_dict["datasetList"] = dataset_list
            if data_storage_size is not UNSET:
                field_dict["dataStorageSize"] = data_storage_size
            if timeout_minutes is not UNSET:
                field_dict["timeoutMinutes"] = timeout_minutes
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            if hyperparameter_list is not UNSET:
                field_dict["hyperparameterList"] = hyperparameter_list
            if parent_pipeline_run_id is not UNSET:
                field_dict["parentPipelineRunId"] = parent_pipeline_run_id
            if parent_pipeline_run_task_name is not UNSET:
                field_dict["parentPipelineRunTaskName"] = parent_pipeline_run_task_name
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        from ..models.dataset import Dataset
        from ..models.parameter import Parameter

        with _validation.lenient():
            d = dict(src_dict)
            fine_tuning_name = d.pop("fineTuningName")
            base_model_preset_id = d.pop("baseModelPresetId")
            flavor_name = d.pop("flavorName")
            model_upload_uri = d.pop("modelUploadUri")
            description = _validation.null_as_unset(d.pop("description", UNSET))
            experiment_id = _validation.null_as_unset(d.pop("experimentId", UNSET))
            experiment_name = _validation.null_as_unset(d.pop("experimentName", UNSET))
            experiment_description = _validation.null_as_unset(d.pop("experimentDescription", UNSET))
            instance_count = _validation.null_as_unset(d.pop("instanceCount", UNSET))
            val_set_size = _validation.null_as_unset(d.pop("valSetSize", UNSET))
            _dataset_list = _validation.null_as_unset(d.pop("datasetList", UNSET))
            dataset_list: list[Dataset] | Unset = UNSET
            if _dataset_list is not UNSET:
                dataset_list = []
                for dataset_list_item_data in _dataset_list:
                    dataset_list_item = Dataset.from_dict(dataset_list_item_data)

                    dataset_list.append(dataset_list_item)

            data_storage_size = _validation.null_as_unset(d.pop("dataStorageSize", UNSET))
            timeout_minutes = _validation.null_as_unset(d.pop("timeoutMinutes", UNSET))
            use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
            _hyperparameter_list = _validation.null_as_unset(d.pop("hyperparameterList", UNSET))
            hyperparameter_list: list[Parameter] | Unset = UNSET
            if _hyperparameter_list is not UNSET:
                hyperparameter_list = []
                for hyperparameter_list_item_data in _hyperparameter_list:
                    hyperparameter_list_item = Parameter.from_dict(hyperparameter_list_item_data)

                    hyperparameter_list.append(hyperparameter_list_item)

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            fine_tuning_create_request = cls(
                fine_tuning_name=fine_tuning_name,
                base_model_preset_id=base_model_preset_id,
                flavor_name=flavor_name,
                model_upload_uri=model_upload_uri,
                description=description,
                experiment_id=experiment_id,
                experiment_name=experiment_name,
                experiment_description=experiment_description,
                instance_count=instance_count,
                val_set_size=val_set_size,
                dataset_list=dataset_list,
                data_storage_size=data_storage_size,
                timeout_minutes=timeout_minutes,
                use_log=use_log,
                hyperparameter_list=hyperparameter_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            fine_tuning_create_request.additional_properties = d
            return fine_tuning_create_request

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
