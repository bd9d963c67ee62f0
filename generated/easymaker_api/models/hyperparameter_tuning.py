from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.early_stopping_algorithm import EarlyStoppingAlgorithm
from ..models.hyperparameter_tuning_status_code import HyperparameterTuningStatusCode
from ..models.objective_type_code import ObjectiveTypeCode
from ..models.tuning_strategy_name import TuningStrategyName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.algorithm import Algorithm
    from ..models.dataset import Dataset
    from ..models.experiment import Experiment
    from ..models.hyperparameter_spec_view import HyperparameterSpecView
    from ..models.image import Image
    from ..models.instance_type import InstanceType
    from ..models.metric import Metric
    from ..models.model_summary import ModelSummary
    from ..models.storage import Storage
    from ..models.tag import Tag
    from ..models.trial import Trial


@_attrs_define
class HyperparameterTuning:
    """
    Attributes:
        hyperparameter_tuning_id (str | Unset):
        hyperparameter_tuning_name (str | Unset):
        hyperparameter_tuning_status_code (HyperparameterTuningStatusCode | str | Unset):
        hyperparameter_tuning_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        experiment (Experiment | Unset):
        algorithm (Algorithm | Unset):
        flavor (InstanceType | Unset):
        image (Image | Unset):
        instance_count (int | Unset):
        parallel_trial_count (int | Unset):
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
        hyperparameter_spec_list (list[HyperparameterSpecView] | Unset):
        metric_list (list[Metric] | Unset):
        metric_regex (str | Unset):
        objective_metric_name (str | Unset):
        objective_type_code (ObjectiveTypeCode | str | Unset):
        objective_goal (float | Unset):
        max_failed_trial_count (int | Unset):
        max_trial_count (int | Unset):
        tuning_strategy_name (str | TuningStrategyName | Unset):
        tuning_strategy_random_state (int | Unset): Seed of the RANDOM and BAYESIAN strategies (a 32-bit unsigned
            integer, as numpy and scikit-optimize take). Limits: minimum=0, maximum=4294967295.
        early_stopping_algorithm (EarlyStoppingAlgorithm | str | Unset):
        early_stopping_min_trial_count (int | Unset):
        early_stopping_start_step (int | Unset):
        successful_trial_count (int | Unset):
        running_trial_count (int | Unset):
        failed_trial_count (int | Unset):
        optimal_trial_id (str | Unset):
        optimal_trial (Trial | Unset):
        trial_list (list[Trial] | Unset):
        tag_list (list[Tag] | Unset):
        boot_storage (Storage | Unset):
        data_storage_list (list[Storage] | Unset):
        model_list (list[ModelSummary] | Unset):
    """

    hyperparameter_tuning_id: str | Unset = UNSET
    hyperparameter_tuning_name: str | Unset = UNSET
    hyperparameter_tuning_status_code: HyperparameterTuningStatusCode | str | Unset = UNSET
    hyperparameter_tuning_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    experiment: Experiment | Unset = UNSET
    algorithm: Algorithm | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    image: Image | Unset = UNSET
    instance_count: int | Unset = UNSET
    parallel_trial_count: int | Unset = UNSET
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
    hyperparameter_spec_list: list[HyperparameterSpecView] | Unset = UNSET
    metric_list: list[Metric] | Unset = UNSET
    metric_regex: str | Unset = UNSET
    objective_metric_name: str | Unset = UNSET
    objective_type_code: ObjectiveTypeCode | str | Unset = UNSET
    objective_goal: float | Unset = UNSET
    max_failed_trial_count: int | Unset = UNSET
    max_trial_count: int | Unset = UNSET
    tuning_strategy_name: str | TuningStrategyName | Unset = UNSET
    tuning_strategy_random_state: int | Unset = UNSET
    early_stopping_algorithm: EarlyStoppingAlgorithm | str | Unset = UNSET
    early_stopping_min_trial_count: int | Unset = UNSET
    early_stopping_start_step: int | Unset = UNSET
    successful_trial_count: int | Unset = UNSET
    running_trial_count: int | Unset = UNSET
    failed_trial_count: int | Unset = UNSET
    optimal_trial_id: str | Unset = UNSET
    optimal_trial: Trial | Unset = UNSET
    trial_list: list[Trial] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    data_storage_list: list[Storage] | Unset = UNSET
    model_list: list[ModelSummary] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "hyperparameterTuningId": "hyperparameter_tuning_id",
        "hyperparameterTuningName": "hyperparameter_tuning_name",
        "hyperparameterTuningStatusCode": "hyperparameter_tuning_status_code",
        "hyperparameterTuningStatusReason": "hyperparameter_tuning_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "experiment": "experiment",
        "algorithm": "algorithm",
        "flavor": "flavor",
        "image": "image",
        "instanceCount": "instance_count",
        "parallelTrialCount": "parallel_trial_count",
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
        "hyperparameterSpecList": "hyperparameter_spec_list",
        "metricList": "metric_list",
        "metricRegex": "metric_regex",
        "objectiveMetricName": "objective_metric_name",
        "objectiveTypeCode": "objective_type_code",
        "objectiveGoal": "objective_goal",
        "maxFailedTrialCount": "max_failed_trial_count",
        "maxTrialCount": "max_trial_count",
        "tuningStrategyName": "tuning_strategy_name",
        "tuningStrategyRandomState": "tuning_strategy_random_state",
        "earlyStoppingAlgorithm": "early_stopping_algorithm",
        "earlyStoppingMinTrialCount": "early_stopping_min_trial_count",
        "earlyStoppingStartStep": "early_stopping_start_step",
        "successfulTrialCount": "successful_trial_count",
        "runningTrialCount": "running_trial_count",
        "failedTrialCount": "failed_trial_count",
        "optimalTrialId": "optimal_trial_id",
        "optimalTrial": "optimal_trial",
        "trialList": "trial_list",
        "tagList": "tag_list",
        "bootStorage": "boot_storage",
        "dataStorageList": "data_storage_list",
        "modelList": "model_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "tuningStrategyRandomState": {"minimum": 0, "maximum": 4294967295}
    }

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            hyperparameter_tuning_id = self.hyperparameter_tuning_id

            hyperparameter_tuning_name = self.hyperparameter_tuning_name

            hyperparameter_tuning_status_code: str | Unset
            if isinstance(self.hyperparameter_tuning_status_code, Unset):
                hyperparameter_tuning_status_code = UNSET
            elif isinstance(self.hyperparameter_tuning_status_code, HyperparameterTuningStatusCode):
                hyperparameter_tuning_status_code = self.hyperparameter_tuning_status_code.value
            else:
                hyperparameter_tuning_status_code = self.hyperparameter_tuning_status_code

            hyperparameter_tuning_status_reason = self.hyperparameter_tuning_status_reason

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

            parallel_trial_count = self.parallel_trial_count

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

            objective_metric_name = self.objective_metric_name

            objective_type_code: str | Unset
            if isinstance(self.objective_type_code, Unset):
                objective_type_code = UNSET
            elif isinstance(self.objective_type_code, ObjectiveTypeCode):
                objective_type_code = self.objective_type_code.value
            else:
                objective_type_code = self.objective_type_code

            objective_goal = self.objective_goal

            max_failed_trial_count = self.max_failed_trial_count

            max_trial_count = self.max_trial_count

            tuning_strategy_name: str | Unset
            if isinstance(self.tuning_strategy_name, Unset):
                tuning_strategy_name = UNSET
            elif isinstance(self.tuning_strategy_name, TuningStrategyName):
                tuning_strategy_name = self.tuning_strategy_name.value
            else:
                tuning_strategy_name = self.tuning_strategy_name

            tuning_strategy_random_state = self.tuning_strategy_random_state

            early_stopping_algorithm: str | Unset
            if isinstance(self.early_stopping_algorithm, Unset):
                early_stopping_algorithm = UNSET
            elif isinstance(self.early_stopping_algorithm, EarlyStoppingAlgorithm):
                early_stopping_algorithm = self.early_stopping_algorithm.value
            else:
                early_stopping_algorithm = self.early_stopping_algorithm

            early_stopping_min_trial_count = self.early_stopping_min_trial_count

            early_stopping_start_step = self.early_stopping_start_step

            successful_trial_count = self.successful_trial_count

            running_trial_count = self.running_trial_count

            failed_trial_count = self.failed_trial_count

            optimal_trial_id = self.optimal_trial_id

            optimal_trial: dict[str, Any] | Unset = UNSET
            if not isinstance(self.optimal_trial, Unset):
                optimal_trial = self.optimal_trial.to_dict()

            trial_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.trial_list, Unset):
                trial_list = []
                for trial_list_item_data in self.trial_list:
                    trial_list_item = trial_list_item_data.to_dict()
                    trial_list.append(trial_list_item)

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
            if hyperparameter_tuning_id is not UNSET:
                field_dict["hyperparameterTuningId"] = hyperparameter_tuning_id
            if hyperparameter_tuning_name is not UNSET:
                field_dict["hyperparameterTuningName"] = hyperparameter_tuning_name
            if hyperparameter_tuning_status_code is not UNSET:
                field_dict["hyperparameterTuningStatusCode"] = hyperparameter_tuning_status_code
            if hyperparameter_tuning_status_reason is not UNSET:
                field_dict["hyperparameterTuningStatusReason"] = hyperparameter_tuning_status_reason
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
            if parallel_trial_count is not UNSET:
                field_dict["parallelTrialCount"] = parallel_trial_count
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
            if hyperparameter_spec_list is not UNSET:
                field_dict["hyperparameterSpecList"] = hyperparameter_spec_list
            if metric_list is not UNSET:
                field_dict["metricList"] = metric_list
            if metric_regex is not UNSET:
                field_dict["metricRegex"] = metric_regex
            if objective_metric_name is not UNSET:
                field_dict["objectiveMetricName"] = objective_metric_name
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
            if successful_trial_count is not UNSET:
                field_dict["successfulTrialCount"] = successful_trial_count
            if running_trial_count is not UNSET:
                field_dict["runningTrialCount"] = running_trial_count
            if failed_trial_count is not UNSET:
                field_dict["failedTrialCount"] = failed_trial_count
            if optimal_trial_id is not UNSET:
                field_dict["optimalTrialId"] = optimal_trial_id
            if optimal_trial is not UNSET:
                field_dict["optimalTrial"] = optimal_trial
            if trial_list is not UNSET:
                field_dict["trialList"] = trial_list
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
        from ..models.hyperparameter_spec_view import HyperparameterSpecView
        from ..models.image import Image
        from ..models.instance_type import InstanceType
        from ..models.metric import Metric
        from ..models.model_summary import ModelSummary
        from ..models.storage import Storage
        from ..models.tag import Tag
        from ..models.trial import Trial

        d = dict(src_dict)
        hyperparameter_tuning_id = _validation.null_as_unset(d.pop("hyperparameterTuningId", UNSET))
        hyperparameter_tuning_name = _validation.null_as_unset(d.pop("hyperparameterTuningName", UNSET))

        def _parse_hyperparameter_tuning_status_code(data: object) -> HyperparameterTuningStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hyperparameter_tuning_status_code_type_0 = HyperparameterTuningStatusCode(data)

                return hyperparameter_tuning_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HyperparameterTuningStatusCode | str | Unset, data)

        hyperparameter_tuning_status_code = _parse_hyperparameter_tuning_status_code(
            _validation.null_as_unset(d.pop("hyperparameterTuningStatusCode", UNSET))
        )

        hyperparameter_tuning_status_reason = _validation.null_as_unset(
            d.pop("hyperparameterTuningStatusReason", UNSET)
        )
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
        parallel_trial_count = _validation.null_as_unset(d.pop("parallelTrialCount", UNSET))
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

        _hyperparameter_spec_list = _validation.null_as_unset(d.pop("hyperparameterSpecList", UNSET))
        hyperparameter_spec_list: list[HyperparameterSpecView] | Unset = UNSET
        if _hyperparameter_spec_list is not UNSET:
            hyperparameter_spec_list = []
            for hyperparameter_spec_list_item_data in _hyperparameter_spec_list:
                hyperparameter_spec_list_item = HyperparameterSpecView.from_dict(hyperparameter_spec_list_item_data)

                hyperparameter_spec_list.append(hyperparameter_spec_list_item)

        _metric_list = _validation.null_as_unset(d.pop("metricList", UNSET))
        metric_list: list[Metric] | Unset = UNSET
        if _metric_list is not UNSET:
            metric_list = []
            for metric_list_item_data in _metric_list:
                metric_list_item = Metric.from_dict(metric_list_item_data)

                metric_list.append(metric_list_item)

        metric_regex = _validation.null_as_unset(d.pop("metricRegex", UNSET))
        objective_metric_name = _validation.null_as_unset(d.pop("objectiveMetricName", UNSET))

        def _parse_objective_type_code(data: object) -> ObjectiveTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                objective_type_code_type_0 = ObjectiveTypeCode(data)

                return objective_type_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ObjectiveTypeCode | str | Unset, data)

        objective_type_code = _parse_objective_type_code(_validation.null_as_unset(d.pop("objectiveTypeCode", UNSET)))

        objective_goal = _validation.null_as_unset(d.pop("objectiveGoal", UNSET))
        max_failed_trial_count = _validation.null_as_unset(d.pop("maxFailedTrialCount", UNSET))
        max_trial_count = _validation.null_as_unset(d.pop("maxTrialCount", UNSET))

        def _parse_tuning_strategy_name(data: object) -> str | TuningStrategyName | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tuning_strategy_name_type_0 = TuningStrategyName(data)

                return tuning_strategy_name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TuningStrategyName | Unset, data)

        tuning_strategy_name = _parse_tuning_strategy_name(
            _validation.null_as_unset(d.pop("tuningStrategyName", UNSET))
        )

        tuning_strategy_random_state = _validation.null_as_unset(d.pop("tuningStrategyRandomState", UNSET))

        def _parse_early_stopping_algorithm(data: object) -> EarlyStoppingAlgorithm | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                early_stopping_algorithm_type_0 = EarlyStoppingAlgorithm(data)

                return early_stopping_algorithm_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EarlyStoppingAlgorithm | str | Unset, data)

        early_stopping_algorithm = _parse_early_stopping_algorithm(
            _validation.null_as_unset(d.pop("earlyStoppingAlgorithm", UNSET))
        )

        early_stopping_min_trial_count = _validation.null_as_unset(d.pop("earlyStoppingMinTrialCount", UNSET))
        early_stopping_start_step = _validation.null_as_unset(d.pop("earlyStoppingStartStep", UNSET))
        successful_trial_count = _validation.null_as_unset(d.pop("successfulTrialCount", UNSET))
        running_trial_count = _validation.null_as_unset(d.pop("runningTrialCount", UNSET))
        failed_trial_count = _validation.null_as_unset(d.pop("failedTrialCount", UNSET))
        optimal_trial_id = _validation.null_as_unset(d.pop("optimalTrialId", UNSET))
        _optimal_trial = _validation.null_as_unset(d.pop("optimalTrial", UNSET))
        optimal_trial: Trial | Unset
        if isinstance(_optimal_trial, Unset):
            optimal_trial = UNSET
        else:
            optimal_trial = Trial.from_dict(_optimal_trial)

        _trial_list = _validation.null_as_unset(d.pop("trialList", UNSET))
        trial_list: list[Trial] | Unset = UNSET
        if _trial_list is not UNSET:
            trial_list = []
            for trial_list_item_data in _trial_list:
                trial_list_item = Trial.from_dict(trial_list_item_data)

                trial_list.append(trial_list_item)

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

        hyperparameter_tuning = cls(
            hyperparameter_tuning_id=hyperparameter_tuning_id,
            hyperparameter_tuning_name=hyperparameter_tuning_name,
            hyperparameter_tuning_status_code=hyperparameter_tuning_status_code,
            hyperparameter_tuning_status_reason=hyperparameter_tuning_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            experiment=experiment,
            algorithm=algorithm,
            flavor=flavor,
            image=image,
            instance_count=instance_count,
            parallel_trial_count=parallel_trial_count,
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
            hyperparameter_spec_list=hyperparameter_spec_list,
            metric_list=metric_list,
            metric_regex=metric_regex,
            objective_metric_name=objective_metric_name,
            objective_type_code=objective_type_code,
            objective_goal=objective_goal,
            max_failed_trial_count=max_failed_trial_count,
            max_trial_count=max_trial_count,
            tuning_strategy_name=tuning_strategy_name,
            tuning_strategy_random_state=tuning_strategy_random_state,
            early_stopping_algorithm=early_stopping_algorithm,
            early_stopping_min_trial_count=early_stopping_min_trial_count,
            early_stopping_start_step=early_stopping_start_step,
            successful_trial_count=successful_trial_count,
            running_trial_count=running_trial_count,
            failed_trial_count=failed_trial_count,
            optimal_trial_id=optimal_trial_id,
            optimal_trial=optimal_trial,
            trial_list=trial_list,
            tag_list=tag_list,
            boot_storage=boot_storage,
            data_storage_list=data_storage_list,
            model_list=model_list,
        )
        hyperparameter_tuning.additional_properties = d
        return hyperparameter_tuning

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
