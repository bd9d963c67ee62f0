from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.pipeline_recurring_run_status_code import PipelineRecurringRunStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment import Experiment
    from ..models.instance_type import InstanceType
    from ..models.nas import Nas
    from ..models.parameter import Parameter
    from ..models.pipeline_run_summary import PipelineRunSummary
    from ..models.pipeline_summary import PipelineSummary
    from ..models.storage import Storage
    from ..models.tag import Tag


@_attrs_define
class PipelineRecurringRun:
    """
    Attributes:
        pipeline_recurring_run_id (str | Unset):
        pipeline_recurring_run_name (str | Unset):
        pipeline_recurring_run_status_code (PipelineRecurringRunStatusCode | str | Unset):
        pipeline_recurring_run_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        pipeline (PipelineSummary | Unset):
        experiment (Experiment | Unset):
        flavor (InstanceType | Unset):
        instance_count (int | Unset):
        boot_storage (Storage | Unset):
        nas_list (list[Nas] | Unset):
        parameter_list (list[Parameter] | Unset):
        schedule_periodic_minutes (int | Unset):
        schedule_cron_expression (str | Unset):
        max_concurrency_count (int | Unset):
        schedule_start_datetime (str | Unset):
        schedule_end_datetime (str | Unset):
        use_catchup (bool | Unset):
        pipeline_run_list (list[PipelineRunSummary] | Unset):
        tag_list (list[Tag] | Unset):
    """

    pipeline_recurring_run_id: str | Unset = UNSET
    pipeline_recurring_run_name: str | Unset = UNSET
    pipeline_recurring_run_status_code: PipelineRecurringRunStatusCode | str | Unset = UNSET
    pipeline_recurring_run_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    pipeline: PipelineSummary | Unset = UNSET
    experiment: Experiment | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    instance_count: int | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    nas_list: list[Nas] | Unset = UNSET
    parameter_list: list[Parameter] | Unset = UNSET
    schedule_periodic_minutes: int | Unset = UNSET
    schedule_cron_expression: str | Unset = UNSET
    max_concurrency_count: int | Unset = UNSET
    schedule_start_datetime: str | Unset = UNSET
    schedule_end_datetime: str | Unset = UNSET
    use_catchup: bool | Unset = UNSET
    pipeline_run_list: list[PipelineRunSummary] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "pipelineRecurringRunId": "pipeline_recurring_run_id",
        "pipelineRecurringRunName": "pipeline_recurring_run_name",
        "pipelineRecurringRunStatusCode": "pipeline_recurring_run_status_code",
        "pipelineRecurringRunStatusReason": "pipeline_recurring_run_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "pipeline": "pipeline",
        "experiment": "experiment",
        "flavor": "flavor",
        "instanceCount": "instance_count",
        "bootStorage": "boot_storage",
        "nasList": "nas_list",
        "parameterList": "parameter_list",
        "schedulePeriodicMinutes": "schedule_periodic_minutes",
        "scheduleCronExpression": "schedule_cron_expression",
        "maxConcurrencyCount": "max_concurrency_count",
        "scheduleStartDatetime": "schedule_start_datetime",
        "scheduleEndDatetime": "schedule_end_datetime",
        "useCatchup": "use_catchup",
        "pipelineRunList": "pipeline_run_list",
        "tagList": "tag_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            pipeline_recurring_run_id = self.pipeline_recurring_run_id

            pipeline_recurring_run_name = self.pipeline_recurring_run_name

            pipeline_recurring_run_status_code: str | Unset
            if isinstance(self.pipeline_recurring_run_status_code, Unset):
                pipeline_recurring_run_status_code = UNSET
            elif isinstance(self.pipeline_recurring_run_status_code, PipelineRecurringRunStatusCode):
                pipeline_recurring_run_status_code = self.pipeline_recurring_run_status_code.value
            else:
                pipeline_recurring_run_status_code = self.pipeline_recurring_run_status_code

            pipeline_recurring_run_status_reason = self.pipeline_recurring_run_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            pipeline: dict[str, Any] | Unset = UNSET
            if not isinstance(self.pipeline, Unset):
                pipeline = self.pipeline.to_dict()

            experiment: dict[str, Any] | Unset = UNSET
            if not isinstance(self.experiment, Unset):
                experiment = self.experiment.to_dict()

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            instance_count = self.instance_count

            boot_storage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.boot_storage, Unset):
                boot_storage = self.boot_storage.to_dict()

            nas_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.nas_list, Unset):
                nas_list = []
                for nas_list_item_data in self.nas_list:
                    nas_list_item = nas_list_item_data.to_dict()
                    nas_list.append(nas_list_item)

            parameter_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.parameter_list, Unset):
                parameter_list = []
                for parameter_list_item_data in self.parameter_list:
                    parameter_list_item = parameter_list_item_data.to_dict()
                    parameter_list.append(parameter_list_item)

            schedule_periodic_minutes = self.schedule_periodic_minutes

            schedule_cron_expression = self.schedule_cron_expression

            max_concurrency_count = self.max_concurrency_count

            schedule_start_datetime = self.schedule_start_datetime

            schedule_end_datetime = self.schedule_end_datetime

            use_catchup = self.use_catchup

            pipeline_run_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.pipeline_run_list, Unset):
                pipeline_run_list = []
                for pipeline_run_list_item_data in self.pipeline_run_list:
                    pipeline_run_list_item = pipeline_run_list_item_data.to_dict()
                    pipeline_run_list.append(pipeline_run_list_item)

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if pipeline_recurring_run_id is not UNSET:
                field_dict["pipelineRecurringRunId"] = pipeline_recurring_run_id
            if pipeline_recurring_run_name is not UNSET:
                field_dict["pipelineRecurringRunName"] = pipeline_recurring_run_name
            if pipeline_recurring_run_status_code is not UNSET:
                field_dict["pipelineRecurringRunStatusCode"] = pipeline_recurring_run_status_code
            if pipeline_recurring_run_status_reason is not UNSET:
                field_dict["pipelineRecurringRunStatusReason"] = pipeline_recurring_run_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            if pipeline is not UNSET:
                field_dict["pipeline"] = pipeline
            if experiment is not UNSET:
                field_dict["experiment"] = experiment
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if boot_storage is not UNSET:
                field_dict["bootStorage"] = boot_storage
            if nas_list is not UNSET:
                field_dict["nasList"] = nas_list
            if parameter_list is not UNSET:
                field_dict["parameterList"] = parameter_list
            if schedule_periodic_minutes is not UNSET:
                field_dict["schedulePeriodicMinutes"] = schedule_periodic_minutes
            if schedule_cron_expression is not UNSET:
                field_dict["scheduleCronExpression"] = schedule_cron_expression
            if max_concurrency_count is not UNSET:
                field_dict["maxConcurrencyCount"] = max_concurrency_count
            if schedule_start_datetime is not UNSET:
                field_dict["scheduleStartDatetime"] = schedule_start_datetime
            if schedule_end_datetime is not UNSET:
                field_dict["scheduleEndDatetime"] = schedule_end_datetime
            if use_catchup is not UNSET:
                field_dict["useCatchup"] = use_catchup
            if pipeline_run_list is not UNSET:
                field_dict["pipelineRunList"] = pipeline_run_list
            if tag_list is not UNSET:
                field_dict["tagList"] = tag_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.experiment import Experiment
        from ..models.instance_type import InstanceType
        from ..models.nas import Nas
        from ..models.parameter import Parameter
        from ..models.pipeline_run_summary import PipelineRunSummary
        from ..models.pipeline_summary import PipelineSummary
        from ..models.storage import Storage
        from ..models.tag import Tag

        d = dict(src_dict)
        pipeline_recurring_run_id = _validation.null_as_unset(d.pop("pipelineRecurringRunId", UNSET))
        pipeline_recurring_run_name = _validation.null_as_unset(d.pop("pipelineRecurringRunName", UNSET))

        def _parse_pipeline_recurring_run_status_code(data: object) -> PipelineRecurringRunStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pipeline_recurring_run_status_code_type_0 = PipelineRecurringRunStatusCode(data)

                return pipeline_recurring_run_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PipelineRecurringRunStatusCode | str | Unset, data)

        pipeline_recurring_run_status_code = _parse_pipeline_recurring_run_status_code(
            _validation.null_as_unset(d.pop("pipelineRecurringRunStatusCode", UNSET))
        )

        pipeline_recurring_run_status_reason = _validation.null_as_unset(
            d.pop("pipelineRecurringRunStatusReason", UNSET)
        )
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        _pipeline = _validation.null_as_unset(d.pop("pipeline", UNSET))
        pipeline: PipelineSummary | Unset
        if isinstance(_pipeline, Unset):
            pipeline = UNSET
        else:
            pipeline = PipelineSummary.from_dict(_pipeline)

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
        _boot_storage = _validation.null_as_unset(d.pop("bootStorage", UNSET))
        boot_storage: Storage | Unset
        if isinstance(_boot_storage, Unset):
            boot_storage = UNSET
        else:
            boot_storage = Storage.from_dict(_boot_storage)

        _nas_list = _validation.null_as_unset(d.pop("nasList", UNSET))
        nas_list: list[Nas] | Unset = UNSET
        if _nas_list is not UNSET:
            nas_list = []
            for nas_list_item_data in _nas_list:
                nas_list_item = Nas.from_dict(nas_list_item_data)

                nas_list.append(nas_list_item)

        _parameter_list = _validation.null_as_unset(d.pop("parameterList", UNSET))
        parameter_list: list[Parameter] | Unset = UNSET
        if _parameter_list is not UNSET:
            parameter_list = []
            for parameter_list_item_data in _parameter_list:
                parameter_list_item = Parameter.from_dict(parameter_list_item_data)

                parameter_list.append(parameter_list_item)

        schedule_periodic_minutes = _validation.null_as_unset(d.pop("schedulePeriodicMinutes", UNSET))
        schedule_cron_expression = _validation.null_as_unset(d.pop("scheduleCronExpression", UNSET))
        max_concurrency_count = _validation.null_as_unset(d.pop("maxConcurrencyCount", UNSET))
        schedule_start_datetime = _validation.null_as_unset(d.pop("scheduleStartDatetime", UNSET))
        schedule_end_datetime = _validation.null_as_unset(d.pop("scheduleEndDatetime", UNSET))
        use_catchup = _validation.null_as_unset(d.pop("useCatchup", UNSET))
        _pipeline_run_list = _validation.null_as_unset(d.pop("pipelineRunList", UNSET))
        pipeline_run_list: list[PipelineRunSummary] | Unset = UNSET
        if _pipeline_run_list is not UNSET:
            pipeline_run_list = []
            for pipeline_run_list_item_data in _pipeline_run_list:
                pipeline_run_list_item = PipelineRunSummary.from_dict(pipeline_run_list_item_data)

                pipeline_run_list.append(pipeline_run_list_item)

        _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
        tag_list: list[Tag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = Tag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        pipeline_recurring_run = cls(
            pipeline_recurring_run_id=pipeline_recurring_run_id,
            pipeline_recurring_run_name=pipeline_recurring_run_name,
            pipeline_recurring_run_status_code=pipeline_recurring_run_status_code,
            pipeline_recurring_run_status_reason=pipeline_recurring_run_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            pipeline=pipeline,
            experiment=experiment,
            flavor=flavor,
            instance_count=instance_count,
            boot_storage=boot_storage,
            nas_list=nas_list,
            parameter_list=parameter_list,
            schedule_periodic_minutes=schedule_periodic_minutes,
            schedule_cron_expression=schedule_cron_expression,
            max_concurrency_count=max_concurrency_count,
            schedule_start_datetime=schedule_start_datetime,
            schedule_end_datetime=schedule_end_datetime,
            use_catchup=use_catchup,
            pipeline_run_list=pipeline_run_list,
            tag_list=tag_list,
        )
        pipeline_recurring_run.additional_properties = d
        return pipeline_recurring_run

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
