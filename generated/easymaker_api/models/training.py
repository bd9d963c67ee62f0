from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.training_status_code import TrainingStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.algorithm import Algorithm
    from ..models.dataset import Dataset
    from ..models.experiment import Experiment
    from ..models.image import Image
    from ..models.instance_type import InstanceType
    from ..models.model_summary import ModelSummary
    from ..models.parameter import Parameter
    from ..models.storage import Storage
    from ..models.tag import Tag


@_attrs_define
class Training:
    """
    Attributes:
        training_id (str | Unset):
        training_name (str | Unset):
        training_status_code (str | TrainingStatusCode | Unset):
        training_status_reason (str | Unset):
        training_type_code (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        experiment (Experiment | Unset):
        algorithm (Algorithm | Unset):
        flavor (InstanceType | Unset):
        image (Image | Unset):
        instance_count (int | Unset):
        nproc_per_node (int | Unset):
        use_torchrun (bool | Unset):
        use_log (bool | Unset):
        timeout_minutes (int | Unset):
        elapsed_time_seconds (int | Unset):
        source_dir_uri (str | Unset):
        entry_point (str | Unset):
        model_upload_uri (str | Unset):
        check_point_input_uri (str | Unset):
        check_point_upload_uri (str | Unset):
        log_and_crash_app_key (str | Unset):
        tensorboard_access_uri (str | Unset):
        tensorboard_access_path (str | Unset):
        dataset_list (list[Dataset] | Unset):
        hyperparameter_list (list[Parameter] | Unset):
        tag_list (list[Tag] | Unset):
        boot_storage (Storage | Unset):
        data_storage_list (list[Storage] | Unset):
        model_list (list[ModelSummary] | Unset):
    """

    training_id: str | Unset = UNSET
    training_name: str | Unset = UNSET
    training_status_code: str | TrainingStatusCode | Unset = UNSET
    training_status_reason: str | Unset = UNSET
    training_type_code: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    experiment: Experiment | Unset = UNSET
    algorithm: Algorithm | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    image: Image | Unset = UNSET
    instance_count: int | Unset = UNSET
    nproc_per_node: int | Unset = UNSET
    use_torchrun: bool | Unset = UNSET
    use_log: bool | Unset = UNSET
    timeout_minutes: int | Unset = UNSET
    elapsed_time_seconds: int | Unset = UNSET
    source_dir_uri: str | Unset = UNSET
    entry_point: str | Unset = UNSET
    model_upload_uri: str | Unset = UNSET
    check_point_input_uri: str | Unset = UNSET
    check_point_upload_uri: str | Unset = UNSET
    log_and_crash_app_key: str | Unset = UNSET
    tensorboard_access_uri: str | Unset = UNSET
    tensorboard_access_path: str | Unset = UNSET
    dataset_list: list[Dataset] | Unset = UNSET
    hyperparameter_list: list[Parameter] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    data_storage_list: list[Storage] | Unset = UNSET
    model_list: list[ModelSummary] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "trainingId": "training_id",
        "trainingName": "training_name",
        "trainingStatusCode": "training_status_code",
        "trainingStatusReason": "training_status_reason",
        "trainingTypeCode": "training_type_code",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "experiment": "experiment",
        "algorithm": "algorithm",
        "flavor": "flavor",
        "image": "image",
        "instanceCount": "instance_count",
        "nprocPerNode": "nproc_per_node",
        "useTorchrun": "use_torchrun",
        "useLog": "use_log",
        "timeoutMinutes": "timeout_minutes",
        "elapsedTimeSeconds": "elapsed_time_seconds",
        "sourceDirUri": "source_dir_uri",
        "entryPoint": "entry_point",
        "modelUploadUri": "model_upload_uri",
        "checkPointInputUri": "check_point_input_uri",
        "checkPointUploadUri": "check_point_upload_uri",
        "logAndCrashAppKey": "log_and_crash_app_key",
        "tensorboardAccessUri": "tensorboard_access_uri",
        "tensorboardAccessPath": "tensorboard_access_path",
        "datasetList": "dataset_list",
        "hyperparameterList": "hyperparameter_list",
        "tagList": "tag_list",
        "bootStorage": "boot_storage",
        "dataStorageList": "data_storage_list",
        "modelList": "model_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            training_id = self.training_id

            training_name = self.training_name

            training_status_code: str | Unset
            if isinstance(self.training_status_code, Unset):
                training_status_code = UNSET
            elif isinstance(self.training_status_code, TrainingStatusCode):
                training_status_code = self.training_status_code.value
            else:
                training_status_code = self.training_status_code

            training_status_reason = self.training_status_reason

            training_type_code = self.training_type_code

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            experiment: dict[str, Any] | Unset = UNSET
            if not isinstance(self.experiment, Unset):
                experiment = self.experiment.to_dict()

            algorithm: dict[str, Any] | Unset = UNSET
            if not isinstance(self.algorithm, Unset):
                algorithm = self.algorithm.to_dict()

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            image: dict[str, Any] | Unset = UNSET
            if not isinstance(self.image, Unset):
                image = self.image.to_dict()

            instance_count = self.instance_count

            nproc_per_node = self.nproc_per_node

            use_torchrun = self.use_torchrun

            use_log = self.use_log

            timeout_minutes = self.timeout_minutes

            elapsed_time_seconds = self.elapsed_time_seconds

            source_dir_uri = self.source_dir_uri

            entry_point = self.entry_point

            model_upload_uri = self.model_upload_uri

            check_point_input_uri = self.check_point_input_uri

            check_point_upload_uri = self.check_point_upload_uri

            log_and_crash_app_key = self.log_and_crash_app_key

            tensorboard_access_uri = self.tensorboard_access_uri

            tensorboard_access_path = self.tensorboard_access_path

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

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            boot_storage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.boot_storage, Unset):
                boot_storage = self.boot_storage.to_dict()

            data_storage_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.data_storage_list, Unset):
                data_storage_list = []
                for data_storage_list_item_data in self.data_storage_list:
                    data_storage_list_item = data_storage_list_item_data.to_dict()
                    data_storage_list.append(data_storage_list_item)

            model_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.model_list, Unset):
                model_list = []
                for model_list_item_data in self.model_list:
                    model_list_item = model_list_item_data.to_dict()
                    model_list.append(model_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if training_id is not UNSET:
                field_dict["trainingId"] = training_id
            if training_name is not UNSET:
                field_dict["trainingName"] = training_name
            if training_status_code is not UNSET:
                field_dict["trainingStatusCode"] = training_status_code
            if training_status_reason is not UNSET:
                field_dict["trainingStatusReason"] = training_status_reason
            if training_type_code is not UNSET:
                field_dict["trainingTypeCode"] = training_type_code
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if experiment is not UNSET:
                field_dict["experiment"] = experiment
            if algorithm is not UNSET:
                field_dict["algorithm"] = algorithm
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if image is not UNSET:
                field_dict["image"] = image
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if nproc_per_node is not UNSET:
                field_dict["nprocPerNode"] = nproc_per_node
            if use_torchrun is not UNSET:
                field_dict["useTorchrun"] = use_torchrun
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            if timeout_minutes is not UNSET:
                field_dict["timeoutMinutes"] = timeout_minutes
            if elapsed_time_seconds is not UNSET:
                field_dict["elapsedTimeSeconds"] = elapsed_time_seconds
            if source_dir_uri is not UNSET:
                field_dict["sourceDirUri"] = source_dir_uri
            if entry_point is not UNSET:
                field_dict["entryPoint"] = entry_point
            if model_upload_uri is not UNSET:
                field_dict["modelUploadUri"] = model_upload_uri
            if check_point_input_uri is not UNSET:
                field_dict["checkPointInputUri"] = check_point_input_uri
            if check_point_upload_uri is not UNSET:
                field_dict["checkPointUploadUri"] = check_point_upload_uri
            if log_and_crash_app_key is not UNSET:
                field_dict["logAndCrashAppKey"] = log_and_crash_app_key
            if tensorboard_access_uri is not UNSET:
                field_dict["tensorboardAccessUri"] = tensorboard_access_uri
            if tensorboard_access_path is not UNSET:
                field_dict["tensorboardAccessPath"] = tensorboard_access_path
            if dataset_list is not UNSET:
                field_dict["datasetList"] = dataset_list
            if hyperparameter_list is not UNSET:
                field_dict["hyperparameterList"] = hyperparameter_list
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            if boot_storage is not UNSET:
                field_dict["bootStorage"] = boot_storage
            if data_storage_list is not UNSET:
                field_dict["dataStorageList"] = data_storage_list
            if model_list is not UNSET:
                field_dict["modelList"] = model_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.algorithm import Algorithm
        from ..models.dataset import Dataset
        from ..models.experiment import Experiment
        from ..models.image import Image
        from ..models.instance_type import InstanceType
        from ..models.model_summary import ModelSummary
        from ..models.parameter import Parameter
        from ..models.storage import Storage
        from ..models.tag import Tag

        d = dict(src_dict)
        training_id = _validation.null_as_unset(d.pop("trainingId", UNSET))
        training_name = _validation.null_as_unset(d.pop("trainingName", UNSET))

        def _parse_training_status_code(data: object) -> str | TrainingStatusCode | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_status_code_type_0 = TrainingStatusCode(data)

                return training_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TrainingStatusCode | Unset, data)

        training_status_code = _parse_training_status_code(
            _validation.null_as_unset(d.pop("trainingStatusCode", UNSET))
        )

        training_status_reason = _validation.null_as_unset(d.pop("trainingStatusReason", UNSET))
        training_type_code = _validation.null_as_unset(d.pop("trainingTypeCode", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        _experiment = _validation.null_as_unset(d.pop("experiment", UNSET))
        experiment: Experiment | Unset
        if isinstance(_experiment, Unset):
            experiment = UNSET
        else:
            experiment = Experiment.from_dict(_experiment)

        _algorithm = _validation.null_as_unset(d.pop("algorithm", UNSET))
        algorithm: Algorithm | Unset
        if isinstance(_algorithm, Unset):
            algorithm = UNSET
        else:
            algorithm = Algorithm.from_dict(_algorithm)

        _flavor = _validation.null_as_unset(d.pop("flavor", UNSET))
        flavor: InstanceType | Unset
        if isinstance(_flavor, Unset):
            flavor = UNSET
        else:
            flavor = InstanceType.from_dict(_flavor)

        _image = _validation.null_as_unset(d.pop("image", UNSET))
        image: Image | Unset
        if isinstance(_image, Unset):
            image = UNSET
        else:
            image = Image.from_dict(_image)

        instance_count = _validation.null_as_unset(d.pop("instanceCount", UNSET))
        nproc_per_node = _validation.null_as_unset(d.pop("nprocPerNode", UNSET))
        use_torchrun = _validation.null_as_unset(d.pop("useTorchrun", UNSET))
        use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
        timeout_minutes = _validation.null_as_unset(d.pop("timeoutMinutes", UNSET))
        elapsed_time_seconds = _validation.null_as_unset(d.pop("elapsedTimeSeconds", UNSET))
        source_dir_uri = _validation.null_as_unset(d.pop("sourceDirUri", UNSET))
        entry_point = _validation.null_as_unset(d.pop("entryPoint", UNSET))
        model_upload_uri = _validation.null_as_unset(d.pop("modelUploadUri", UNSET))
        check_point_input_uri = _validation.null_as_unset(d.pop("checkPointInputUri", UNSET))
        check_point_upload_uri = _validation.null_as_unset(d.pop("checkPointUploadUri", UNSET))
        log_and_crash_app_key = _validation.null_as_unset(d.pop("logAndCrashAppKey", UNSET))
        tensorboard_access_uri = _validation.null_as_unset(d.pop("tensorboardAccessUri", UNSET))
        tensorboard_access_path = _validation.null_as_unset(d.pop("tensorboardAccessPath", UNSET))
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

        _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
        tag_list: list[Tag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = Tag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

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

        _model_list = _validation.null_as_unset(d.pop("modelList", UNSET))
        model_list: list[ModelSummary] | Unset = UNSET
        if _model_list is not UNSET:
            model_list = []
            for model_list_item_data in _model_list:
                model_list_item = ModelSummary.from_dict(model_list_item_data)

                model_list.append(model_list_item)

        training = cls(
            training_id=training_id,
            training_name=training_name,
            training_status_code=training_status_code,
            training_status_reason=training_status_reason,
            training_type_code=training_type_code,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            experiment=experiment,
            algorithm=algorithm,
            flavor=flavor,
            image=image,
            instance_count=instance_count,
            nproc_per_node=nproc_per_node,
            use_torchrun=use_torchrun,
            use_log=use_log,
            timeout_minutes=timeout_minutes,
            elapsed_time_seconds=elapsed_time_seconds,
            source_dir_uri=source_dir_uri,
            entry_point=entry_point,
            model_upload_uri=model_upload_uri,
            check_point_input_uri=check_point_input_uri,
            check_point_upload_uri=check_point_upload_uri,
            log_and_crash_app_key=log_and_crash_app_key,
            tensorboard_access_uri=tensorboard_access_uri,
            tensorboard_access_path=tensorboard_access_path,
            dataset_list=dataset_list,
            hyperparameter_list=hyperparameter_list,
            tag_list=tag_list,
            boot_storage=boot_storage,
            data_storage_list=data_storage_list,
            model_list=model_list,
        )
        training.additional_properties = d
        return training

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
