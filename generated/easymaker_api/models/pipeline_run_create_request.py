from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.nas import Nas
    from ..models.parameter import Parameter
    from ..models.tag import Tag


@_attrs_define
class PipelineRunCreateRequest:
    """A pipeline run; with `scheduleCronExpression` or `schedulePeriodicMinutes`, a recurring run.

    Attributes:
        pipeline_run_or_recurring_run_name (str): Limits: minLength=1, maxLength=50.
        pipeline_id (str): Limits: minLength=1, maxLength=36.
        flavor_id (str): Limits: minLength=1, maxLength=36.
        instance_count (int): Limits: minimum=1, maximum=10.
        boot_storage_size (int): Limits: minimum=50.
        description (str | Unset): Limits: maxLength=255.
        experiment_id (str | Unset): Limits: maxLength=36.
        experiment_name (str | Unset): Limits: maxLength=50.
        experiment_description (str | Unset): Limits: maxLength=255.
        parameter_list (list[Parameter] | Unset): Limits: maxItems=100.
        nas_list (list[Nas] | Unset): Limits: maxItems=10.
        schedule_periodic_minutes (int | Unset): Limits: minimum=1.
        schedule_cron_expression (str | Unset): Limits: minLength=1, maxLength=255.
        max_concurrency_count (int | Unset): Limits: minimum=1, maximum=10.
        schedule_start_datetime (datetime.datetime | Unset):
        schedule_end_datetime (datetime.datetime | Unset):
        use_catchup (bool | Unset):
        use_log (bool | Unset):
        tag_list (list[Tag] | Unset): Limits: maxItems=10.
        parent_pipeline_run_id (str | Unset): Limits: maxLength=36.
        parent_pipeline_run_task_name (str | Unset): Limits: maxLength=255.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    pipeline_run_or_recurring_run_name: str
    pipeline_id: str
    flavor_id: str
    instance_count: int
    boot_storage_size: int
    description: str | Unset = UNSET
    experiment_id: str | Unset = UNSET
    experiment_name: str | Unset = UNSET
    experiment_description: str | Unset = UNSET
    parameter_list: list[Parameter] | Unset = UNSET
    nas_list: list[Nas] | Unset = UNSET
    schedule_periodic_minutes: int | Unset = UNSET
    schedule_cron_expression: str | Unset = UNSET
    max_concurrency_count: int | Unset = UNSET
    schedule_start_datetime: datetime.datetime | Unset = UNSET
    schedule_end_datetime: datetime.datetime | Unset = UNSET
    use_catchup: bool | Unset = UNSET
    use_log: bool | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    parent_pipeline_run_id: str | Unset = UNSET
    parent_pipeline_run_task_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "pipelineRunOrRecurringRunName": "pipeline_run_or_recurring_run_name",
        "pipelineId": "pipeline_id",
        "flavorId": "flavor_id",
        "instanceCount": "instance_count",
        "bootStorageSize": "boot_storage_size",
        "description": "description",
        "experimentId": "experiment_id",
        "experimentName": "experiment_name",
        "experimentDescription": "experiment_description",
        "parameterList": "parameter_list",
        "nasList": "nas_list",
        "schedulePeriodicMinutes": "schedule_periodic_minutes",
        "scheduleCronExpression": "schedule_cron_expression",
        "maxConcurrencyCount": "max_concurrency_count",
        "scheduleStartDatetime": "schedule_start_datetime",
        "scheduleEndDatetime": "schedule_end_datetime",
        "useCatchup": "use_catchup",
        "useLog": "use_log",
        "tagList": "tag_list",
        "parentPipelineRunId": "parent_pipeline_run_id",
        "parentPipelineRunTaskName": "parent_pipeline_run_task_name",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "pipelineRunOrRecurringRunName": {"minLength": 1, "maxLength": 50},
        "pipelineId": {"minLength": 1, "maxLength": 36},
        "description": {"maxLength": 255},
        "experimentId": {"maxLength": 36},
        "experimentName": {"maxLength": 50},
        "experimentDescription": {"maxLength": 255},
        "parameterList": {"maxItems": 100},
        "flavorId": {"minLength": 1, "maxLength": 36},
        "instanceCount": {"minimum": 1, "maximum": 10},
        "bootStorageSize": {"minimum": 50},
        "nasList": {"maxItems": 10},
        "schedulePeriodicMinutes": {"minimum": 1},
        "scheduleCronExpression": {"minLength": 1, "maxLength": 255},
        "maxConcurrencyCount": {"minimum": 1, "maximum": 10},
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
            pipeline_run_or_recurring_run_name = self.pipeline_run_or_recurring_run_name

            pipeline_id = self.pipeline_id

            flavor_id = self.flavor_id

            instance_count = self.instance_count

            boot_storage_size = self.boot_storage_size

            description = self.description

            experiment_id = self.experiment_id

            experiment_name = self.experiment_name

            experiment_description = self.experiment_description

            parameter_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.parameter_list, Unset):
                parameter_list = []
                for parameter_list_item_data in self.parameter_list:
                    parameter_list_item = parameter_list_item_data.to_dict()
                    parameter_list.append(parameter_list_item)

            nas_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.nas_list, Unset):
                nas_list = []
                for nas_list_item_data in self.nas_list:
                    nas_list_item = nas_list_item_data.to_dict()
                    nas_list.append(nas_list_item)

            schedule_periodic_minutes = self.schedule_periodic_minutes

            schedule_cron_expression = self.schedule_cron_expression

            max_concurrency_count = self.max_concurrency_count

            schedule_start_datetime: str | Unset = UNSET
            if not isinstance(self.schedule_start_datetime, Unset):
                schedule_start_datetime = self.schedule_start_datetime.isoformat()

            schedule_end_datetime: str | Unset = UNSET
            if not isinstance(self.schedule_end_datetime, Unset):
                schedule_end_datetime = self.schedule_end_datetime.isoformat()

            use_catchup = self.use_catchup

            use_log = self.use_log

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
            field_dict["pipelineRunOrRecurringRunName"] = pipeline_run_or_recurring_run_name
            field_dict["pipelineId"] = pipeline_id
            field_dict["flavorId"] = flavor_id
            field_dict["instanceCount"] = instance_count
            field_dict["bootStorageSize"] = boot_storage_size
            if description is not UNSET:
                field_dict["description"] = description
            if experiment_id is not UNSET:
                field_dict["experimentId"] = experiment_id
            if experiment_name is not UNSET:
                field_dict["experimentName"] = experiment_name
            if experiment_description is not UNSET:
                field_dict["experimentDescription"] = experiment_description
            if parameter_list is not UNSET:
                field_dict["parameterList"] = parameter_list
            if nas_list is not UNSET:
                field_dict["nasList"] = nas_list
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
            if use_log is not UNSET:
                field_dict["useLog"] = use_log
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
        from ..models.nas import Nas
        from ..models.parameter import Parameter
        from ..models.tag import Tag

        with _validation.lenient():
            d = dict(src_dict)
            pipeline_run_or_recurring_run_name = d.pop("pipelineRunOrRecurringRunName")
            pipeline_id = d.pop("pipelineId")
            flavor_id = d.pop("flavorId")
            instance_count = d.pop("instanceCount")
            boot_storage_size = d.pop("bootStorageSize")
            description = _validation.null_as_unset(d.pop("description", UNSET))
            experiment_id = _validation.null_as_unset(d.pop("experimentId", UNSET))
            experiment_name = _validation.null_as_unset(d.pop("experimentName", UNSET))
            experiment_description = _validation.null_as_unset(d.pop("experimentDescription", UNSET))
            _parameter_list = _validation.null_as_unset(d.pop("parameterList", UNSET))
            parameter_list: list[Parameter] | Unset = UNSET
            if _parameter_list is not UNSET:
                parameter_list = []
                for parameter_list_item_data in _parameter_list:
                    parameter_list_item = Parameter.from_dict(parameter_list_item_data)

                    parameter_list.append(parameter_list_item)

            _nas_list = _validation.null_as_unset(d.pop("nasList", UNSET))
            nas_list: list[Nas] | Unset = UNSET
            if _nas_list is not UNSET:
                nas_list = []
                for nas_list_item_data in _nas_list:
                    nas_list_item = Nas.from_dict(nas_list_item_data)

                    nas_list.append(nas_list_item)

            schedule_periodic_minutes = _validation.null_as_unset(d.pop("schedulePeriodicMinutes", UNSET))
            schedule_cron_expression = _validation.null_as_unset(d.pop("scheduleCronExpression", UNSET))
            max_concurrency_count = _validation.null_as_unset(d.pop("maxConcurrencyCount", UNSET))
            _schedule_start_datetime = _validation.null_as_unset(d.pop("scheduleStartDatetime", UNSET))
            schedule_start_datetime: datetime.datetime | Unset
            if isinstance(_schedule_start_datetime, Unset):
                schedule_start_datetime = UNSET
            else:
                schedule_start_datetime = datetime.datetime.fromisoformat(_schedule_start_datetime)

            _schedule_end_datetime = _validation.null_as_unset(d.pop("scheduleEndDatetime", UNSET))
            schedule_end_datetime: datetime.datetime | Unset
            if isinstance(_schedule_end_datetime, Unset):
                schedule_end_datetime = UNSET
            else:
                schedule_end_datetime = datetime.datetime.fromisoformat(_schedule_end_datetime)

            use_catchup = _validation.null_as_unset(d.pop("useCatchup", UNSET))
            use_log = _validation.null_as_unset(d.pop("useLog", UNSET))
            _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
            tag_list: list[Tag] | Unset = UNSET
            if _tag_list is not UNSET:
                tag_list = []
                for tag_list_item_data in _tag_list:
                    tag_list_item = Tag.from_dict(tag_list_item_data)

                    tag_list.append(tag_list_item)

            parent_pipeline_run_id = _validation.null_as_unset(d.pop("parentPipelineRunId", UNSET))
            parent_pipeline_run_task_name = _validation.null_as_unset(d.pop("parentPipelineRunTaskName", UNSET))
            pipeline_run_create_request = cls(
                pipeline_run_or_recurring_run_name=pipeline_run_or_recurring_run_name,
                pipeline_id=pipeline_id,
                flavor_id=flavor_id,
                instance_count=instance_count,
                boot_storage_size=boot_storage_size,
                description=description,
                experiment_id=experiment_id,
                experiment_name=experiment_name,
                experiment_description=experiment_description,
                parameter_list=parameter_list,
                nas_list=nas_list,
                schedule_periodic_minutes=schedule_periodic_minutes,
                schedule_cron_expression=schedule_cron_expression,
                max_concurrency_count=max_concurrency_count,
                schedule_start_datetime=schedule_start_datetime,
                schedule_end_datetime=schedule_end_datetime,
                use_catchup=use_catchup,
                use_log=use_log,
                tag_list=tag_list,
                parent_pipeline_run_id=parent_pipeline_run_id,
                parent_pipeline_run_task_name=parent_pipeline_run_task_name,
            )
            pipeline_run_create_request.additional_properties = d
            return pipeline_run_create_request

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
