from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.fine_tuning_status_code import FineTuningStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset import Dataset
    from ..models.experiment import Experiment
    from ..models.instance_type import InstanceType
    from ..models.parameter import Parameter
    from ..models.storage import Storage


@_attrs_define
class FineTuning:
    """
    Attributes:
        fine_tuning_id (str | Unset):
        fine_tuning_name (str | Unset):
        fine_tuning_status_code (FineTuningStatusCode | str | Unset):
        fine_tuning_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        base_model_id (str | Unset):
        base_model_preset_id (str | Unset):
        experiment (Experiment | Unset):
        flavor (InstanceType | Unset):
        instance_count (int | Unset):
        timeout_minutes (int | Unset):
        elapsed_time_seconds (int | Unset):
        dataset_list (list[Dataset] | Unset):
        hyperparameter_list (list[Parameter] | Unset):
        model_upload_uri (str | Unset):
        availability_zone (str | Unset):
        tensorboard_access_uri (str | Unset):
        boot_storage (Storage | Unset):
        data_storage_list (list[Storage] | Unset):
        val_set_size (int | Unset):
        use_log (bool | Unset):
    """

    fine_tuning_id: str | Unset = UNSET
    fine_tuning_name: str | Unset = UNSET
    fine_tuning_status_code: FineTuningStatusCode | str | Unset = UNSET
    fine_tuning_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    base_model_id: str | Unset = UNSET
    base_model_preset_id: str | Unset = UNSET
    experiment: Experiment | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    instance_count: int | Unset = UNSET
    timeout_minutes: int | Unset = UNSET
    elapsed_time_seconds: int | Unset = UNSET
    dataset_list: list[Dataset] | Unset = UNSET
    hyperparameter_list: list[Parameter] | Unset = UNSET
    model_upload_uri: str | Unset = UNSET
    availability_zone: str | Unset = UNSET
    tensorboard_access_uri: str | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    data_storage_list: list[Storage] | Unset = UNSET
    val_set_size: int | Unset = UNSET
    use_log: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "fineTuningId": "fine_tuning_id",
        "fineTuningName": "fine_tuning_name",
        "fineTuningStatusCode": "fine_tuning_status_code",
        "fineTuningStatusReason": "fine_tuning_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "baseModelId": "base_model_id",
        "baseModelPresetId": "base_model_preset_id",
        "experiment": "experiment",
        "flavor": "flavor",
        "instanceCount": "instance_count",
        "timeoutMinutes": "timeout_minutes",
        "elapsedTimeSeconds": "elapsed_time_seconds",
        "datasetList": "dataset_list",
        "hyperparameterList": "hyperparameter_list",
        "modelUploadUri": "model_upload_uri",
        "availabilityZone": "availability_zone",
        "tensorboardAccessUri": "tensorboard_access_uri",
        "bootStorage": "boot_storage",
        "dataStorageList": "data_storage_list",
        "valSetSize": "val_set_size",
        "useLog": "use_log",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            fine_tuning_id = self.fine_tuning_id

            fine_tuning_name = self.fine_tuning_name

            fine_tuning_status_code: str | Unset
            if isinstance(self.fine_tuning_status_code, Unset):
                fine_tuning_status_code = UNSET
            elif isinstance(self.fine_tuning_status_code, FineTuningStatusCode):
                fine_tuning_status_code = self.fine_tuning_status_code.value
            else:
                fine_tuning_status_code = self.fine_tuning_status_code

            fine_tuning_status_reason = self.fine_tuning_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            base_model_id = self.base_model_id

            base_model_preset_id = self.base_model_preset_id

            experiment: dict[str, Any] | Unset = UNSET
            if not isinstance(self.experiment, Unset):
                experiment = self.experiment.to_dict()

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            instance_count = self.instance_count

            timeout_minutes = self.timeout_minutes

            elapsed_time_seconds = self.elapsed_time_seconds

            dataset_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.dataset_list, Unset):
                dataset_list = []
                for dataset_list_item_data in self.dataset_list:
                    dataset_list_item = dataset_list_item_data.to_dict()
                    dataset_list.append(dataset_list_item)

            hyperparameter_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.hyperparameter_list, Unset):
                hyperparameter_list = []
                for hyperparameter_list_item_data in self.hyperparameter_list:
                    hyperparameter_list_item = hyperparameter_list_item_data.to_dict()
                    hyperparameter_list.append(hyperparameter_list_item)

            model_upload_uri = self.model_upload_uri

            availability_zone = self.availability_zone

            tensorboard_access_uri = self.tensorboard_access_uri

            boot_storage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.boot_storage, Unset):
                boot_storage = self.boot_storage.to_dict()

            data_storage_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.data_storage_list, Unset):
                data_storage_list = []
                for data_storage_list_item_data in self.data_storage_list:
                    data_storage_list_item = data_storage_list_item_data.to_dict()
                    data_storage_list.append(data_storage_list_item)

            val_set_size = self.val_set_size

            use_log = self.use_log

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if fine_tuning_id is not UNSET:
                field_dict["fineTuningId"] = fine_tuning_id
            if fine_tuning_name is not UNSET:
                field_dict["fineTuningName"] = fine_tuning_name
            if fine_tuning_status_code is not UNSET:
                field_dict["fineTuningStatusCode"] = fine_tuning_status_code
            if fine_tuning_status_reason is not UNSET:
                field_dict["fineTuningStatusReason"] = fine_tuning_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if base_model_id is not UNSET:
                field_dict["baseModelId"] = base_model_id
            if base_model_preset_id is not UNSET:
                field_dict["baseModelPresetId"] = base_model_preset_id
            if experiment is not UNSET:
                field_dict["experiment"] = experiment
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if timeout_minutes is not UNSET:
                field_dict["timeoutMinutes"] = timeout_minutes
            if elapsed_time_seconds is not UNSET:
                field_dict["elapsedTimeSeconds"] = elapsed_time_seconds
            if dataset_list is not UNSET:
                field_dict["datasetList"] = dataset_list
            if hyperparameter_list is not UNSET:
                field_dict["hyperparameterList"] = hyperparameter_list
            if model_upload_uri is not UNSET:
                field_dict["modelUploadUri"] = model_upload_uri
            if availability_zone is not UNSET:
                field_dict["availabilityZone"] = availability_zone
            if tensorboard_access_uri is not UNSET:
                field_dict["tensorboardAccessUri"] = tensorboard_access_uri
            if boot_storage is not UNSET:
                field_dict["bootStorage"] = boot_storage
            if data_storage_list is not UNSET:
                field_dict["dataStorageList"] = data_storage_list
            if val_set_size is not UNSET:
                field_dict["valSetSize"] = val_set_size
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.dataset import Dataset
        from ..models.experiment import Experiment
        from ..models.instance_type import InstanceType
        from ..models.parameter import Parameter
        from ..models.storage import Storage

        d = dict(src_dict)
        fine_tuning_id = _validation.null_as_unset(d.pop("fineTuningId", UNSET))
        fine_tuning_name = _validation.null_as_unset(d.pop("fineTuningName", UNSET))

        def _parse_fine_tuning_status_code(data: object) -> FineTuningStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fine_tuning_status_code_type_0 = FineTuningStatusCode(data)

                return fine_tuning_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FineTuningStatusCode | str | Unset, data)

        fine_tuning_status_code = _parse_fine_tuning_status_code(
            _validation.null_as_unset(d.pop("fineTuningStatusCode", UNSET))
        )

        fine_tuning_status_reason = _validation.null_as_unset(d.pop("fineTuningStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        base_model_id = _validation.null_as_unset(d.pop("baseModelId", UNSET))
        base_model_preset_id = _validation.null_as_unset(d.pop("baseModelPresetId", UNSET))
        _experiment = _validation.null_as_unset(d.pop("experiment", UNSET))
        experiment: Experiment | Unset
        if isinstance(_experiment, Unset):
            experiment = UNSET
        else:
            experiment = Experiment.from_dict(_experiment)

        _flavor = _validation.null_as_unset(d.pop("flavor", UNSET))
        flavor: InstanceType | Unset
        if isinstance(_flavor, Unset):
            flavor = UNSET
        else:
            flavor = InstanceType.from_dict(_flavor)

        instance_count = _validation.null_as_unset(d.pop("instanceCount", UNSET))
        timeout_minutes = _validation.null_as_unset(d.pop("timeoutMinutes", UNSET))
        elapsed_time_seconds = _validation.null_as_unset(d.pop("elapsedTimeSeconds", UNSET))
        _dataset_list = _validation.null_as_unset(d.pop("datasetList", UNSET))
        dataset_list: list[Dataset] | Unset = UNSET
        if _dataset_list is not UNSET:
            dataset_list = []
            for dataset_list_item_data in _dataset_list:
                dataset_list_item = Dataset.from_dict(dataset_list_item_data)

                dataset_list.append(dataset_list_item)

        _hyperparameter_list = _validation.null_as_unset(d.pop("hyperparameterList", UNSET))
        hyperparameter_list: list[Parameter] | Unset = UNSET
        if _hyperparameter_list is not UNSET:
            hyperparameter_list = []
            for hyperparameter_list_item_data in _hyperparameter_list:
                hyperparameter_list_item = Parameter.from_dict(hyperparameter_list_item_data)

                hyperparameter_list.append(hyperparameter_list_item)

        model_upload_uri = _validation.null_as_unset(d.pop("modelUploadUri", UNSET))
        availability_zone = _validation.null_as_unset(d.pop("availabilityZone", UNSET))
        tensorboard_access_uri = _validation.null_as_unset(d.pop("tensorboardAccessUri", UNSET))
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

        val_set_size = _validation.null_as_unset(d.pop("valSetSize", UNSET))
        use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
        fine_tuning = cls(
            fine_tuning_id=fine_tuning_id,
            fine_tuning_name=fine_tuning_name,
            fine_tuning_status_code=fine_tuning_status_code,
            fine_tuning_status_reason=fine_tuning_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            base_model_id=base_model_id,
            base_model_preset_id=base_model_preset_id,
            experiment=experiment,
            flavor=flavor,
            instance_count=instance_count,
            timeout_minutes=timeout_minutes,
            elapsed_time_seconds=elapsed_time_seconds,
            dataset_list=dataset_list,
            hyperparameter_list=hyperparameter_list,
            model_upload_uri=model_upload_uri,
            availability_zone=availability_zone,
            tensorboard_access_uri=tensorboard_access_uri,
            boot_storage=boot_storage,
            data_storage_list=data_storage_list,
            val_set_size=val_set_size,
            use_log=use_log,
        )
        fine_tuning.additional_properties = d
        return fine_tuning

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
