from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.pipeline_run_status_code import PipelineRunStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment import Experiment
    from ..models.instance_type import InstanceType
    from ..models.nas import Nas
    from ..models.parameter import Parameter
    from ..models.pipeline_recurring_run_summary import PipelineRecurringRunSummary
    from ..models.pipeline_summary import PipelineSummary
    from ..models.storage import Storage
    from ..models.tag import Tag


@_attrs_define
class PipelineRun:
    """
    Attributes:
        pipeline_run_id (str | Unset):
        pipeline_run_name (str | Unset):
        pipeline_run_status_code (PipelineRunStatusCode | str | Unset):
        pipeline_run_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        created_datetime (str | Unset):
        pipeline (PipelineSummary | Unset):
        experiment (Experiment | Unset):
        pipeline_recurring_run (PipelineRecurringRunSummary | Unset):
        flavor (InstanceType | Unset):
        instance_count (int | Unset):
        boot_storage (Storage | Unset):
        elapsed_time_seconds (int | Unset):
        started_datetime (str | Unset):
        finished_datetime (str | Unset):
        scheduled_datetime (str | Unset):
        nas_list (list[Nas] | Unset):
        parameter_list (list[Parameter] | Unset):
        tag_list (list[Tag] | Unset):
    """

    pipeline_run_id: str | Unset = UNSET
    pipeline_run_name: str | Unset = UNSET
    pipeline_run_status_code: PipelineRunStatusCode | str | Unset = UNSET
    pipeline_run_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    pipeline: PipelineSummary | Unset = UNSET
    experiment: Experiment | Unset = UNSET
    pipeline_recurring_run: PipelineRecurringRunSummary | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    instance_count: int | Unset = UNSET
    boot_storage: Storage | Unset = UNSET
    elapsed_time_seconds: int | Unset = UNSET
    started_datetime: str | Unset = UNSET
    finished_datetime: str | Unset = UNSET
    scheduled_datetime: str | Unset = UNSET
    nas_list: list[Nas] | Unset = UNSET
    parameter_list: list[Parameter] | Unset = UNSET
    tag_list: list[Tag] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "pipelineRunId": "pipeline_run_id",
        "pipelineRunName": "pipeline_run_name",
        "pipelineRunStatusCode": "pipeline_run_status_code",
        "pipelineRunStatusReason": "pipeline_run_status_reason",
        "description": "description",
        "appKey": "app_key",
        "createdDatetime": "created_datetime",
        "pipeline": "pipeline",
        "experiment": "experiment",
        "pipelineRecurringRun": "pipeline_recurring_run",
        "flavor": "flavor",
        "instanceCount": "instance_count",
        "bootStorage": "boot_storage",
        "elapsedTimeSeconds": "elapsed_time_seconds",
        "startedDatetime": "started_datetime",
        "finishedDatetime": "finished_datetime",
        "scheduledDatetime": "scheduled_datetime",
        "nasList": "nas_list",
        "parameterList": "parameter_list",
        "tagList": "tag_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            pipeline_run_id = self.pipeline_run_id

            pipeline_run_name = self.pipeline_run_name

            pipeline_run_status_code: str | Unset
            if isinstance(self.pipeline_run_status_code, Unset):
                pipeline_run_status_code = UNSET
            elif isinstance(self.pipeline_run_status_code, PipelineRunStatusCode):
                pipeline_run_status_code = self.pipeline_run_status_code.value
            else:
                pipeline_run_status_code = self.pipeline_run_status_code

            pipeline_run_status_reason = self.pipeline_run_status_reason

            description = self.description

            app_key = self.app_key

            created_datetime = self.created_datetime

            pipeline: dict[str, Any] | Unset = UNSET
            if not isinstance(self.pipeline, Unset):
                pipeline = self.pipeline.to_dict()

            experiment: dict[str, Any] | Unset = UNSET
            if not isinstance(self.experiment, Unset):
                experiment = self.experiment.to_dict()

            pipeline_recurring_run: dict[str, Any] | Unset = UNSET
            if not isinstance(self.pipeline_recurring_run, Unset):
                pipeline_recurring_run = self.pipeline_recurring_run.to_dict()

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            instance_count = self.instance_count

            boot_storage: dict[str, Any] | Unset = UNSET
            if not isinstance(self.boot_storage, Unset):
                boot_storage = self.boot_storage.to_dict()

            elapsed_time_seconds = self.elapsed_time_seconds

            started_datetime = self.started_datetime

            finished_datetime = self.finished_datetime

            scheduled_datetime = self.scheduled_datetime

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

            tag_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.tag_list, Unset):
                tag_list = []
                for tag_list_item_data in self.tag_list:
                    tag_list_item = tag_list_item_data.to_dict()
                    tag_list.append(tag_list_item)

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if pipeline_run_id is not UNSET:
                field_dict["pipelineRunId"] = pipeline_run_id
            if pipeline_run_name is not UNSET:
                field_dict["pipelineRunName"] = pipeline_run_name
            if pipeline_run_status_code is not UNSET:
                field_dict["pipelineRunStatusCode"] = pipeline_run_status_code
            if pipeline_run_status_reason is not UNSET:
                field_dict["pipelineRunStatusReason"] = pipeline_run_status_reason
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
            if pipeline_recurring_run is not UNSET:
                field_dict["pipelineRecurringRun"] = pipeline_recurring_run
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if boot_storage is not UNSET:
                field_dict["bootStorage"] = boot_storage
            if elapsed_time_seconds is not UNSET:
                field_dict["elapsedTimeSeconds"] = elapsed_time_seconds
            if started_datetime is not UNSET:
                field_dict["startedDatetime"] = started_datetime
            if finished_datetime is not UNSET:
                field_dict["finishedDatetime"] = finished_datetime
            if scheduled_datetime is not UNSET:
                field_dict["scheduledDatetime"] = scheduled_datetime
            if nas_list is not UNSET:
                field_dict["nasList"] = nas_list
            if parameter_list is not UNSET:
                field_dict["parameterList"] = parameter_list
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
        from ..models.pipeline_recurring_run_summary import PipelineRecurringRunSummary
        from ..models.pipeline_summary import PipelineSummary
        from ..models.storage import Storage
        from ..models.tag import Tag

        d = dict(src_dict)
        pipeline_run_id = _validation.null_as_unset(d.pop("pipelineRunId", UNSET))
        pipeline_run_name = _validation.null_as_unset(d.pop("pipelineRunName", UNSET))

        def _parse_pipeline_run_status_code(data: object) -> PipelineRunStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pipeline_run_status_code_type_0 = PipelineRunStatusCode(data)

                return pipeline_run_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PipelineRunStatusCode | str | Unset, data)

        pipeline_run_status_code = _parse_pipeline_run_status_code(
            _validation.null_as_unset(d.pop("pipelineRunStatusCode", UNSET))
        )

        pipeline_run_status_reason = _validation.null_as_unset(d.pop("pipelineRunStatusReason", UNSET))
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

        _pipeline_recurring_run = _validation.null_as_unset(d.pop("pipelineRecurringRun", UNSET))
        pipeline_recurring_run: PipelineRecurringRunSummary | Unset
        if isinstance(_pipeline_recurring_run, Unset):
            pipeline_recurring_run = UNSET
        else:
            pipeline_recurring_run = PipelineRecurringRunSummary.from_dict(_pipeline_recurring_run)

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

        elapsed_time_seconds = _validation.null_as_unset(d.pop("elapsedTimeSeconds", UNSET))
        started_datetime = _validation.null_as_unset(d.pop("startedDatetime", UNSET))
        finished_datetime = _validation.null_as_unset(d.pop("finishedDatetime", UNSET))
        scheduled_datetime = _validation.null_as_unset(d.pop("scheduledDatetime", UNSET))
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

        _tag_list = _validation.null_as_unset(d.pop("tagList", UNSET))
        tag_list: list[Tag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = Tag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        pipeline_run = cls(
            pipeline_run_id=pipeline_run_id,
            pipeline_run_name=pipeline_run_name,
            pipeline_run_status_code=pipeline_run_status_code,
            pipeline_run_status_reason=pipeline_run_status_reason,
            description=description,
            app_key=app_key,
            created_datetime=created_datetime,
            pipeline=pipeline,
            experiment=experiment,
            pipeline_recurring_run=pipeline_recurring_run,
            flavor=flavor,
            instance_count=instance_count,
            boot_storage=boot_storage,
            elapsed_time_seconds=elapsed_time_seconds,
            started_datetime=started_datetime,
            finished_datetime=finished_datetime,
            scheduled_datetime=scheduled_datetime,
            nas_list=nas_list,
            parameter_list=parameter_list,
            tag_list=tag_list,
        )
        pipeline_run.additional_properties = d
        return pipeline_run

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
