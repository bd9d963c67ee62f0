from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.early_stopping_algorithm import EarlyStoppingAlgorithm
from ..models.objective_type_code import ObjectiveTypeCode
from ..models.tuning_strategy_name import TuningStrategyName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset import Dataset
    from ..models.hyperparameter_spec import HyperparameterSpec
    from ..models.metric import Metric
    from ..models.objective_metric import ObjectiveMetric
    from ..models.tag import Tag


@_attrs_define
class HyperparameterTuningCreateRequest:
    """
    Attributes:
        hyperparameter_tuning_name (str): Limits: minLength=1, maxLength=50.
        image_id (str): Limits: minLength=1, maxLength=36.
        flavor_id (str): Limits: minLength=1, maxLength=36.
        instance_count (int): distributed_node_count × parallel_trial_count. Limits: minimum=1, maximum=10.
        model_upload_uri (str): Limits: minLength=1, maxLength=255.
        timeout_minutes (int): Limits: minimum=60, maximum=43200.
        description (str | Unset): Limits: maxLength=255.
        experiment_id (str | Unset): Limits: maxLength=36.
        experiment_name (str | Unset): Limits: maxLength=50.
        experiment_description (str | Unset): Limits: maxLength=255.
        parallel_trial_count (int | Unset): Limits: minimum=1, maximum=10.
        data_storage_size (int | Unset): Limits: minimum=300, maximum=10000.
        algorithm_id (str | Unset): Limits: maxLength=36.
        dataset_list (list[Dataset] | Unset): Limits: maxItems=10.
        check_point_input_uri (str | Unset): Limits: maxLength=255.
        check_point_upload_uri (str | Unset): Limits: maxLength=255.
        source_dir_uri (str | Unset): Limits: maxLength=255.
        entry_point (str | Unset): Limits: maxLength=255.
        use_log (bool | Unset):
        use_torchrun (bool | Unset):
        nproc_per_node (int | Unset): Limits: minimum=0, maximum=1024.
        hyperparameter_spec_list (list[HyperparameterSpec] | Unset): Limits: maxItems=100.
        metric_list (list[Metric] | Unset): Limits: maxItems=10.
        metric_regex (str | Unset): Limits: maxLength=255.
        objective_metric (ObjectiveMetric | Unset):
        objective_type_code (ObjectiveTypeCode | Unset): Limits: enum=('MINIMIZE', 'MAXIMIZE').
        objective_goal (float | Unset):
        max_failed_trial_count (int | Unset): Limits: minimum=0.
        max_trial_count (int | Unset): Limits: minimum=1.
        tuning_strategy_name (TuningStrategyName | Unset): Limits: enum=('GRID', 'RANDOM', 'BAYESIAN_OPTIMIZATION').
        tuning_strategy_random_state (int | Unset): Seed of the RANDOM and BAYESIAN strategies (a 32-bit unsigned
            integer, as numpy and scikit-optimize take). Limits: minimum=0, maximum=4294967295.
        early_stopping_algorithm (EarlyStoppingAlgorithm | Unset): Limits: enum=('MEDIAN',).
        early_stopping_min_trial_count (int | Unset): Limits: minimum=1.
        early_stopping_start_step (int | Unset): Limits: minimum=1.
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    hyperparameter_tuning_name: str
    image_id: str
    flavor_id: str
    instance_count: int
    model_upload_uri: str
    timeout_minutes: int
    description: str | Unset = UNSET
    experiment_id: str | Unset = UNSET
    experiment_name: str | Unset = UNSET
    experiment_description: str | Unset = UNSET
    parallel_trial_count: int | Unset = UNSET
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
    hyperparameter_spec_list: list[HyperparameterSpec] | Unset = UNSET
    metric_list: list[Metric] | Unset = UNSET
    metric_regex: str | Unset = UNSET
    objective_metric: ObjectiveMetric | Unset = UNSET
    objective_type_code: ObjectiveTypeCode | Unset = UNSET
    objective_goal: float | Unset = UNSET
    max_failed_trial_count: int | Unset = UNSET
    max_trial_count: int | Unset = UNSET
    tuning_strategy_name: TuningStrategyName | Unset = UNSET
    tuning_strategy_random_state: int | Unset = UNSET
    early_stopping_algorithm: EarlyStoppingAlgorithm | Unset = UNSET
    early_stopping_min_trial_count: int | Unset = UNSET
    early_stopping_start_step: int | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "hyperparameterTuningName": "hyperparameter_tuning_name",
        "imageId": "image_id",
        "flavorId": "flavor_id",
        "instanceCount": "instance_count",
        "modelUploadUri": "model_upload_uri",
        "timeoutMinutes": "timeout_minutes",
        "description": "description",
        "experimentId": "experiment_id",
        "experimentName": "experiment_name",
        "experimentDescription": "experiment_description",
        "parallelTrialCount": "parallel_trial_count",
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
        "hyperparameterSpecList": "hyperparameter_spec_list",
        "metricList": "metric_list",
        "metricRegex": "metric_regex",
        "objectiveMetric": "objective_metric",
        "objectiveTypeCode": "objective_type_code",
        "objectiveGoal": "objective_goal",
        "maxFailedTrialCount": "max_failed_trial_count",
        "maxTrialCount": "max_trial_count",
        "tuningStrategyName": "tuning_strategy_name",
        "tuningStrategyRandomState": "tuning_strategy_random_state",
        "earlyStoppingAlgorithm": "early_stopping_algorithm",
        "earlyStoppingMinTrialCount": "early_stopping_min_trial_count",
        "earlyStoppingStartStep": "early_stopping_start_step",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "hyperparameterTuningName": {"minLength": 1, "maxLength": 50},
        "description": {"maxLength": 255},
        "experimentId": {"maxLength": 36},
        "experimentName": {"maxLength": 50},
        "experimentDescription": {"maxLength": 255},
        "imageId": {"minLength": 1, "maxLength": 36},
        "flavorId": {"minLength": 1, "maxLength": 36},
        "instanceCount": {"minimum": 1, "maximum": 10},
        "parallelTrialCount": {"minimum": 1, "maximum": 10},
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
        "hyperparameterSpecList": {"maxItems": 100},
        "metricList": {"maxItems": 10},
        "metricRegex": {"maxLength": 255},
        "objectiveTypeCode": {"enum": ("MINIMIZE", "MAXIMIZE")},
        "maxFailedTrialCount": {"minimum": 0},
        "maxTrialCount": {"minimum": 1},
        "tuningStrategyName": {"enum": ("GRID", "RANDOM", "BAYESIAN_OPTIMIZATION")},
        "tuningStrategyRandomState": {"minimum": 0, "maximum": 4294967295},
        "earlyStoppingAlgorithm": {"enum": ("MEDIAN",)},
        "earlyStoppingMinTrialCount": {"minimum": 1},
        "earlyStoppingStartStep": {"minimum": 1},
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
            hyperparameter_tuning_name = self.hyperparameter_tuning_name

            image_id = self.image_id

            flavor_id = self.flavor_id

            instance_count = self.instance_count

            model_upload_uri = self.model_upload_uri

            timeout_minutes = self.timeout_minutes

            description = self.description

            experiment_id = self.experiment_id

            experiment_name = self.experiment_name

            experiment_description = self.experiment_description

            parallel_trial_count = self.parallel_trial_count

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

            hyperparameter_spec_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.hyperparameter_spec_list, Unset):
                hyperparameter_spec_list = []
                for hyperparameter_spec_list_item_data in self.hyperparameter_spec_list:
                    hyperparameter_spec_list_item = hyperparameter_spec_list_item_data.to_dict()
                    hyperparameter_spec_list.append(hyperparameter_spec_list_item)

            metric_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.metric_list, Unset):
                metric_list = []
                for metric_list_item_data in self.metric_list:
                    metric_list_item = metric_list_item_data.to_dict()
                    metric_list.append(metric_list_item)

            metric_regex = self.metric_regex

            objective_metric: dict[str, Any] | Unset = UNSET
            if not isinstance(self.objective_metric, Unset):
                objective_metric = self.objective_metric.to_dict()

            objective_type_code: str | Unset = UNSET
            if not isinstance(self.objective_type_code, Unset):
                objective_type_code = self.objective_type_code.value

            objective_goal = self.objective_goal

            max_failed_trial_count = self.max_failed_trial_count

            max_trial_count = self.max_trial_count

            tuning_strategy_name: str | Unset = UNSET
            if not isinstance(self.tuning_strategy_name, Unset):
                tuning_strategy_name = self.tuning_strategy_name.value

            tuning_strategy_random_state = self.tuning_strategy_random_state

            early_stopping_algorithm: str | Unset = UNSET
            if not isinstance(self.early_stopping_algorithm, Unset):
                early_stopping_algorithm = self.early_stopping_algorithm.value

            early_stopping_min_trial_count = self.early_stopping_min_trial_count

            early_stopping_start_step = self.early_stopping_start_step

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
            field_dict["hyperparameterTuningName"] = hyperparameter_tuning_name
            field_dict["imageId"] = image_id
            field_dict["flavorId"] = flavor_id
            field_dict["instanceCount"] = instance_count
            field_dict["modelUploadUri"] = model_upload_uri
            field_dict["timeoutMinutes"] = timeout_minutes
            if description is not UNSET:
                field_dict["description"] = description
            if experiment_id is not UNSET:
                field_dict["experimentId"] = experiment_id
            if experiment_name is not UNSET:
                field_dict["experimentName"] = experiment_name
            if experiment_description is not UNSET:
                field_dict["experimentDescription"] = experiment_description
            if parallel_trial_count is not UNSET:
                field_dict["parallelTrialCount"] = parallel_trial_count
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
            if hyperparameter_spec_list is not UNSET:
                field_dict["hyperparameterSpecList"] = hyperparameter_spec_list
            if metric_list is not UNSET:
                field_dict["metricList"] = metric_list
            if metric_regex is not UNSET:
                field_dict["metricRegex"] = metric_regex
            if objective_metric is not UNSET:
                field_dict["objectiveMetric"] = objective_metric
            if objective_type_code is not UNSET:
                field_dict["objectiveTypeCode"] = objective_type_code
            if objective_goal is not UNSET:
                field_dict["objectiveGoal"] = objective_goal
            if max_failed_trial_count is not UNSET:
                field_dict["maxFailedTrialCount"] = max_failed_trial_count
            if max_trial_count is not UNSET:
                field_dict["maxTrialCount"] = max_trial_count
            if tuning_strategy_name is not UNSET:
                field_dict["tuningStrategyName"] = tuning_strategy_name
            if tuning_strategy_random_state is not UNSET:
                field_dict["tuningStrategyRandomState"] = tuning_strategy_random_state
            if early_stopping_algorithm is not UNSET:
                field_dict["earlyStoppingAlgorithm"] = early_stopping_algorithm
            if early_stopping_min_trial_count is not UNSET:
                field_dict["earlyStoppingMinTrialCount"] = early_stopping_min_trial_count
            if early_stopping_start_step is not UNSET:
                field_dict["earlyStoppingStartStep"] = early_stopping_start_step
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
        from ..models.hyperparameter_spec import HyperparameterSpec
        from ..models.metric import Metric
        from ..models.objective_metric import ObjectiveMetric
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            hyperparameter_tuning_name = d.pop("hyperparameterTuningName")
            image_id = d.pop("imageId")
            flavor_id = d.pop("flavorId")
            instance_count = d.pop("instanceCount")
            model_upload_uri = d.pop("modelUploadUri")
            timeout_minutes = d.pop("timeoutMinutes")
            description = _validation.null_as_unset(d.pop("description", UNSET))
            experiment_id = _validation.null_as_unset(d.pop("experimentId", UNSET))
            experiment_name = _validation.null_as_unset(d.pop("experimentName", UNSET))
            experiment_description = _validation.null_as_unset(d.pop("experimentDescription", UNSET))
            parallel_trial_count = _validation.null_as_unset(d.pop("parallelTrialCount", UNSET))
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
            _hyperparameter_spec_list = _validation.null_as_unset(d.pop("hyperparameterSpecList", UNSET))
            hyperparameter_spec_list: list[HyperparameterSpec] | Unset = UNSET
            if _hyperparameter_spec_list is not UNSET:
                hyperparameter_spec_list = []
                for hyperparameter_spec_list_item_data in _hyperparameter_spec_list:
                    hyperparameter_spec_list_item = HyperparameterSpec.from_dict(hyperparameter_spec_list_item_data)

                    hyperparameter_spec_list.append(hyperparameter_spec_list_item)

            _metric_list = _validation.null_as_unset(d.pop("metricList", UNSET))
            metric_list: list[Metric] | Unset = UNSET
            if _metric_list is not UNSET:
                metric_list = []
                for metric_list_item_data in _metric_list:
                    metric_list_item = Metric.from_dict(metric_list_item_data)

                    metric_list.append(metric_list_item)

            metric_regex = _validation.null_as_unset(d.pop("metricRegex", UNSET))
            _objective_metric = _validation.null_as_unset(d.pop("objectiveMetric", UNSET))
            objective_metric: ObjectiveMetric | Unset
            if isinstance(_objective_metric, Unset):
                objective_metric = UNSET
            else:
                objective_metric = ObjectiveMetric.from_dict(_objective_metric)

            _objective_type_code = _validation.null_as_unset(d.pop("objectiveTypeCode", UNSET))
            objective_type_code: ObjectiveTypeCode | Unset
            if isinstance(_objective_type_code, Unset):
                objective_type_code = UNSET
            else:
                objective_type_code = ObjectiveTypeCode(_objective_type_code)

            objective_goal = _validation.null_as_unset(d.pop("objectiveGoal", UNSET))
            max_failed_trial_count = _validation.null_as_unset(d.pop("maxFailedTrialCount", UNSET))
            max_trial_count = _validation.null_as_unset(d.pop("maxTrialCount", UNSET))
            _tuning_strategy_name = _validation.null_as_unset(d.pop("tuningStrategyName", UNSET))
            tuning_strategy_name: TuningStrategyName | Unset
            if isinstance(_tuning_strategy_name, Unset):
                tuning_strategy_name = UNSET
            else:
                tuning_strategy_name = TuningStrategyName(_tuning_strategy_name)

            tuning_strategy_random_state = _validation.null_as_unset(d.pop("tuningStrategyRandomState", UNSET))
            _early_stopping_algorithm = _validation.null_as_unset(d.pop("earlyStoppingAlgorithm", UNSET))
            early_stopping_algorithm: EarlyStoppingAlgorithm | Unset
            if isinstance(_early_stopping_algorithm, Unset):
                early_stopping_algorithm = UNSET
            else:
                early_stopping_algorithm = EarlyStoppingAlgorithm(_early_stopping_algorithm)

            early_stopping_min_trial_count = _validation.null_as_unset(d.pop("earlyStoppingMinTrialCount", UNSET))
            early_stopping_start_step = _validation.null_as_unset(d.pop("earlyStoppingStartStep", UNSET))
            _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
            tag_list: list[Tag] | Unset = UNSET
            if _tag_list is not UNSET:
                tag_list = []
                for tag_list_item_data in _tag_list:
                    tag_list_item = Tag.from_dict(tag_list_item_data)

                    tag_list.append(tag_list_item)

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            hyperparameter_tuning_create_request = cls(
                hyperparameter_tuning_name=hyperparameter_tuning_name,
                image_id=image_id,
                flavor_id=flavor_id,
                instance_count=instance_count,
                model_upload_uri=model_upload_uri,
                timeout_minutes=timeout_minutes,
                description=description,
                experiment_id=experiment_id,
                experiment_name=experiment_name,
                experiment_description=experiment_description,
                parallel_trial_count=parallel_trial_count,
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
                hyperparameter_spec_list=hyperparameter_spec_list,
                metric_list=metric_list,
                metric_regex=metric_regex,
                objective_metric=objective_metric,
                objective_type_code=objective_type_code,
                objective_goal=objective_goal,
                max_failed_trial_count=max_failed_trial_count,
                max_trial_count=max_trial_count,
                tuning_strategy_name=tuning_strategy_name,
                tuning_strategy_random_state=tuning_strategy_random_state,
                early_stopping_algorithm=early_stopping_algorithm,
                early_stopping_min_trial_count=early_stopping_min_trial_count,
                early_stopping_start_step=early_stopping_start_step,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            hyperparameter_tuning_create_request.additional_properties = d
            return hyperparameter_tuning_create_request

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
