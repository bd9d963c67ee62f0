from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.training_create_request_training_type_code import TrainingCreateRequestTrainingTypeCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset import Dataset
    from ..models.parameter import Parameter
    from ..models.tag import Tag


@_attrs_define
class TrainingCreateRequest:
    """
    Attributes:
        training_name (str): Limits: minLength=1, maxLength=50.
        image_id (str): Limits: minLength=1, maxLength=36.
        flavor_id (str): Limits: minLength=1, maxLength=36.
        instance_count (int): Distributed node count. Limits: minimum=1, maximum=10.
        model_upload_uri (str): Limits: minLength=1, maxLength=255.
        timeout_minutes (int): timeout_hours × 60 (1–720 hours). Limits: minimum=60, maximum=43200.
        training_type_code (TrainingCreateRequestTrainingTypeCode | Unset): Limits: enum=('NORMAL',).
        description (str | Unset): Limits: maxLength=255.
        experiment_id (str | Unset): Limits: maxLength=36.
        experiment_name (str | Unset): Limits: maxLength=50.
        experiment_description (str | Unset): Limits: maxLength=255.
        data_storage_size (int | Unset): GB. Limits: minimum=300, maximum=10000.
        algorithm_id (str | Unset): Limits: maxLength=36.
        dataset_list (list[Dataset] | Unset): Limits: maxItems=10.
        check_point_input_uri (str | Unset): Limits: maxLength=255.
        check_point_upload_uri (str | Unset): Limits: maxLength=255.
        source_dir_uri (str | Unset): Limits: maxLength=255.
        entry_point (str | Unset): Limits: maxLength=255.
        use_log (bool | Unset):
        use_torchrun (bool | Unset):
        nproc_per_node (int | Unset): Processes per node with torchrun; 0 (sent by 2.1.0) means unset. Limits:
            minimum=0, maximum=1024.
        hyperparameter_list (list[Parameter] | Unset): Limits: maxItems=100.
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    training_name: str
    image_id: str
    flavor_id: str
    instance_count: int
    model_upload_uri: str
    timeout_minutes: int
    training_type_code: TrainingCreateRequestTrainingTypeCode | Unset = UNSET
    description: str | Unset = UNSET
    experiment_id: str | Unset = UNSET
    experiment_name: str | Unset = UNSET
    experiment_description: str | Unset = UNSET
    data_storage_size: int | Unset = UNSET
    algorithm_id: str | Unset = UNSET
    dataset_list: list[Dataset] | Unset = UNSET
    check_point_input_uri: str | Unset = UNSET
    check_point_upload_uri: str | Unset = UNSET
    source_dir_uri: str | Unset = UNSET
    entry_point: str | Unset = UNSET
    use_log: bool | Unset = UNSET
    use_torchrun: bool | Unset = UNSET
    nproc_per_node: int | Unset = UNSET
    hyperparameter_list: list[Parameter] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "trainingName": "training_name",
        "imageId": "image_id",
        "flavorId": "flavor_id",
        "instanceCount": "instance_count",
        "modelUploadUri": "model_upload_uri",
        "timeoutMinutes": "timeout_minutes",
        "trainingTypeCode": "training_type_code",
        "description": "description",
        "experimentId": "experiment_id",
        "experimentName": "experiment_name",
        "experimentDescription": "experiment_description",
        "dataStorageSize": "data_storage_size",
        "algorithmId": "algorithm_id",
        "datasetList": "dataset_list",
        "checkPointInputUri": "check_point_input_uri",
        "checkPointUploadUri": "check_point_upload_uri",
        "sourceDirUri": "source_dir_uri",
        "entryPoint": "entry_point",
        "useLog": "use_log",
        "useTorchrun": "use_torchrun",
        "nprocPerNode": "nproc_per_node",
        "hyperparameterList": "hyperparameter_list",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "trainingName": {"minLength": 1, "maxLength": 50},
        "trainingTypeCode": {"enum": ("NORMAL",)},
        "description": {"maxLength": 255},
        "experimentId": {"maxLength": 36},
        "experimentName": {"maxLength": 50},
        "experimentDescription": {"maxLength": 255},
        "imageId": {"minLength": 1, "maxLength": 36},
        "flavorId": {"minLength": 1, "maxLength": 36},
        "instanceCount": {"minimum": 1, "maximum": 10},
        "dataStorageSize": {"minimum": 300, "maximum": 10000},
        "algorithmId": {"maxLength": 36},
        "datasetList": {"maxItems": 10},
        "checkPointInputUri": {"maxLength": 255},
        "checkPointUploadUri": {"maxLength": 255},
        "sourceDirUri": {"maxLength": 255},
        "entryPoint": {"maxLength": 255},
        "modelUploadUri": {"minLength": 1, "maxLength": 255},
        "timeoutMinutes": {"minimum": 60, "maximum": 43200},
        "nprocPerNode": {"minimum": 0, "maximum": 1024},
        "hyperparameterList": {"maxItems": 100},
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
            training_name = self.training_name

            image_id = self.image_id

            flavor_id = self.flavor_id

            instance_count = self.instance_count

            model_upload_uri = self.model_upload_uri

            timeout_minutes = self.timeout_minutes

            training_type_code: str | Unset = UNSET
            if not isinstance(self.training_type_code, Unset):
                training_type_code = self.training_type_code.value

            description = self.description

            experiment_id = self.experiment_id

            experiment_name = self.experiment_name

            experiment_description = self.experiment_description

            data_storage_size = self.data_storage_size

            algorithm_id = self.algorithm_id

            dataset_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.dataset_list, Unset):
                dataset_list = []
                for dataset_list_item_data in self.dataset_list:
                    dataset_list_item = dataset_list_item_data.to_dict()
                    dataset_list.append(dataset_list_item)

            check_point_input_uri = self.check_point_input_uri

            check_point_upload_uri = self.check_point_upload_uri

            source_dir_uri = self.source_dir_uri

            entry_point = self.entry_point

            use_log = self.use_log

            use_torchrun = self.use_torchrun

            nproc_per_node = self.nproc_per_node

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

            parent_pipeline_run_id = self.parent_pipeline_run_id

            parent_pipeline_run_task_name = self.parent_pipeline_run_task_name

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["trainingName"] = training_name
            field_dict["imageId"] = image_id
            field_dict["flavorId"] = flavor_id
            field_dict["instanceCount"] = instance_count
            field_dict["modelUploadUri"] = model_upload_uri
            field_dict["timeoutMinutes"] = timeout_minutes
            if training_type_code is not UNSET:
                field_dict["trainingTypeCode"] = training_type_code
            if description is not UNSET:
                field_dict["description"] = description
            if experiment_id is not UNSET:
                field_dict["experimentId"] = experiment_id
            if experiment_name is not UNSET:
                field_dict["experimentName"] = experiment_name
            if experiment_description is not UNSET:
                field_dict["experimentDescription"] = experiment_description
            if data_storage_size is not UNSET:
                field_dict["dataStorageSize"] = data_storage_size
            if algorithm_id is not UNSET:
                field_dict["algorithmId"] = algorithm_id
            if dataset_list is not UNSET:
                field_dict["datasetList"] = dataset_list
            if check_point_input_uri is not UNSET:
                field_dict["checkPointInputUri"] = check_point_input_uri
            if check_point_upload_uri is not UNSET:
                field_dict["checkPointUploadUri"] = check_point_upload_uri
            if source_dir_uri is not UNSET:
                field_dict["sourceDirUri"] = source_dir_uri
            if entry_point is not UNSET:
                field_dict["entryPoint"] = entry_point
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
            if use_torchrun is not UNSET:
                field_dict["useTorchrun"] = use_torchrun
            if nproc_per_node is not UNSET:
                field_dict["nprocPerNode"] = nproc_per_node
            if hyperparameter_list is not UNSET:
                field_dict["hyperparameterList"] = hyperparameter_list
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
        from ..models.dataset import Dataset
        from ..models.parameter import Parameter
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            training_name = d.pop("trainingName")
            image_id = d.pop("imageId")
            flavor_id = d.pop("flavorId")
            instance_count = d.pop("instanceCount")
            model_upload_uri = d.pop("modelUploadUri")
            timeout_minutes = d.pop("timeoutMinutes")
            _training_type_code = _validation.null_as_unset(d.pop("trainingTypeCode", UNSET))
            training_type_code: TrainingCreateRequestTrainingTypeCode | Unset
            if isinstance(_training_type_code, Unset):
                training_type_code = UNSET
            else:
                training_type_code = TrainingCreateRequestTrainingTypeCode(_training_type_code)

            description = _validation.null_as_unset(d.pop("description", UNSET))
            experiment_id = _validation.null_as_unset(d.pop("experimentId", UNSET))
            experiment_name = _validation.null_as_unset(d.pop("experimentName", UNSET))
            experiment_description = _validation.null_as_unset(d.pop("experimentDescription", UNSET))
            data_storage_size = _validation.null_as_unset(d.pop("dataStorageSize", UNSET))
            algorithm_id = _validation.null_as_unset(d.pop("algorithmId", UNSET))
            _dataset_list = _validation.null_as_unset(d.pop("datasetList", UNSET))
            dataset_list: list[Dataset] | Unset = UNSET
            if _dataset_list is not UNSET:
                dataset_list = []
                for dataset_list_item_data in _dataset_list:
                    dataset_list_item = Dataset.from_dict(dataset_list_item_data)

                    dataset_list.append(dataset_list_item)

            check_point_input_uri = _validation.null_as_unset(d.pop("checkPointInputUri", UNSET))
            check_point_upload_uri = _validation.null_as_unset(d.pop("checkPointUploadUri", UNSET))
            source_dir_uri = _validation.null_as_unset(d.pop("sourceDirUri", UNSET))
            entry_point = _validation.null_as_unset(d.pop("entryPoint", UNSET))
            use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
            use_torchrun = _validation.null_as_unset(d.pop("useTorchrun", UNSET))
            nproc_per_node = _validation.null_as_unset(d.pop("nprocPerNode", UNSET))
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

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            training_create_request = cls(
                training_name=training_name,
                image_id=image_id,
                flavor_id=flavor_id,
                instance_count=instance_count,
                model_upload_uri=model_upload_uri,
                timeout_minutes=timeout_minutes,
                training_type_code=training_type_code,
                description=description,
                experiment_id=experiment_id,
                experiment_name=experiment_name,
                experiment_description=experiment_description,
                data_storage_size=data_storage_size,
                algorithm_id=algorithm_id,
                dataset_list=dataset_list,
                check_point_input_uri=check_point_input_uri,
                check_point_upload_uri=check_point_upload_uri,
                source_dir_uri=source_dir_uri,
                entry_point=entry_point,
                use_log=use_log,
                use_torchrun=use_torchrun,
                nproc_per_node=nproc_per_node,
                hyperparameter_list=hyperparameter_list,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            training_create_request.additional_properties = d
            return training_create_request

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
