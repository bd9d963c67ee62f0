"""Pipelines, pipeline runs and recurring runs (schedules)."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any

from easymaker_api.fields import PipelineFields, PipelineRecurringRunFields, PipelineRunFields

from easymaker._client import Client
from easymaker._errors import EasyMakerValidationError
from easymaker.resources.base import Resource, StoppableResource
from easymaker.resources.observe import LogsMixin
from easymaker.resources.operations import Operations, wire_dict
from easymaker.resources.parameters import (
    build_items,
    experiment_id_for,
    opt,
    parent_fields,
    precheck,
    require,
    sdk_parameters,
    tag_items,
)
from easymaker.values import Nas, Parameter

PIPELINE_PARAMETERS: dict[str, Any] = {
    "pipelineName": "pipeline_name",
    "description": "description",
    "base64PipelineSpecManifest": "pipeline_spec_manifest_path",
    "tagList": "tag_list",
}
RUN_PARAMETERS: dict[str, Any] = {
    "pipelineRunOrRecurringRunName": "pipeline_run_name",
    "pipelineId": "pipeline_id",
    "description": "description",
    "experimentId": "experiment_id",
    "experimentName": "experiment_name",
    "experimentDescription": "experiment_description",
    "parameterList": "parameter_list",
    "flavorId": "instance_type_name",
    "instanceCount": "instance_count",
    "bootStorageSize": "boot_storage_size",
    "nasList": "nas_list",
    "schedulePeriodicMinutes": "schedule_periodic_minutes",
    "scheduleCronExpression": "schedule_cron_expression",
    "maxConcurrencyCount": "max_concurrency_count",
    "scheduleStartDatetime": "schedule_start_datetime",
    "scheduleEndDatetime": "schedule_end_datetime",
    "tagList": "tag_list",
}


class Pipeline(Resource, PipelineFields):
    """An uploaded pipeline (a compiled Kubeflow Pipelines v2 IR YAML)."""

    _wait_action = "upload"

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.pipelines import delete_pipeline, get_pipeline, list_pipelines
        from easymaker_api.models.pipeline import Pipeline as Wire
        from easymaker_api.models.pipeline_list_response import PipelineListResponse
        from easymaker_api.models.pipeline_response import PipelineResponse

        declared = Operations(
            wire=Wire,
            get=get_pipeline.sync_detailed,
            response=PipelineResponse,
            payload=lambda parsed: parsed.pipeline,
            list=list_pipelines.sync_detailed,
            list_response=PipelineListResponse,
            list_payload=lambda parsed: parsed.pipeline_list,
            delete=delete_pipeline.sync_detailed,
        )
        return declared

    def upload(
        self,
        pipeline_name: str | None = None,
        pipeline_spec_manifest_path: str | Path | None = None,
        description: str | None = None,
        wait: bool | None = True,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
    ) -> Pipeline:
        """Upload a compiled pipeline file (sent base64-encoded)."""
        from easymaker_api.api.pipelines import upload_pipeline
        from easymaker_api.models.pipeline_upload_request import PipelineUploadRequest

        require(pipeline_name=pipeline_name, pipeline_spec_manifest_path=pipeline_spec_manifest_path)
        assert pipeline_name and pipeline_spec_manifest_path
        path = Path(pipeline_spec_manifest_path).expanduser()
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise EasyMakerValidationError(
                f"pipeline_spec_manifest_path: cannot read {str(path)!r}: {exc.strerror or exc}",
                parameter="pipeline_spec_manifest_path",
                value=str(path),
            ) from None
        client = self.client
        with sdk_parameters(PIPELINE_PARAMETERS):
            tags = tag_items(tag_list)
            body = PipelineUploadRequest(
                pipeline_name=pipeline_name,
                base_64_pipeline_spec_manifest=base64.b64encode(content).decode("ascii"),
                description=opt(description),
                tag_list=opt(tags),
                **parent_fields(client),
            )
        return self._post_create(upload_pipeline.sync_detailed, body, wait, timeout)


def _datetime(value: Any, parameter: str) -> Any:
    if value is None:
        return opt(None)
    if isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise EasyMakerValidationError(
            f"{parameter}: {value!r} is not an ISO-8601 date-time such as '2025-01-01T00:00:00+09:00'",
            parameter=parameter,
            constraint="format",
            value=value,
        ) from None


def _create_run(
    client: Client,
    *,
    name_parameter: str,
    name: str | None,
    pipeline_id: str | None,
    instance_type_name: str | None,
    boot_storage_size: int | None,
    instance_count: int,
    description: str | None,
    experiment_id: str | None,
    experiment_name: str | None,
    experiment_description: str | None,
    parameter_list: list[Any] | None,
    nas_list: list[Any] | None,
    tag_list: list[Any] | None,
    schedule: dict[str, Any] | None = None,
) -> Any:
    from easymaker_api.api.pipeline_runs import create_pipeline_run
    from easymaker_api.models.nas import Nas as WireNas
    from easymaker_api.models.parameter import Parameter as WireParameter
    from easymaker_api.models.pipeline_run_create_request import PipelineRunCreateRequest
    from easymaker_api.models.pipeline_run_create_response import PipelineRunCreateResponse

    require(
        **{name_parameter: name},
        pipeline_id=pipeline_id,
        instance_type_name=instance_type_name,
        boot_storage_size=boot_storage_size,
    )
    assert name and pipeline_id and instance_type_name and boot_storage_size is not None
    parameters = {**RUN_PARAMETERS, "pipelineRunOrRecurringRunName": name_parameter}
    schedule = schedule or {}
    experiment = experiment_id_for(client, experiment_id)
    with sdk_parameters(parameters):
        params = build_items(WireParameter, Parameter, parameter_list, "parameter_list")
        nas = build_items(WireNas, Nas, nas_list, "nas_list")
        tags = tag_items(tag_list)
        precheck(
            PipelineRunCreateRequest,
            {
                "pipelineRunOrRecurringRunName": name,
                "pipelineId": pipeline_id,
                "description": description,
                "experimentId": experiment,
                "experimentName": experiment_name,
                "experimentDescription": experiment_description,
                "instanceCount": instance_count,
                "bootStorageSize": boot_storage_size,
                "parameterList": params,
                "nasList": nas,
                "tagList": tags,
                "schedulePeriodicMinutes": schedule.get("schedule_periodic_minutes"),
                "scheduleCronExpression": schedule.get("schedule_cron_expression"),
                "maxConcurrencyCount": schedule.get("max_concurrency_count"),
            },
        )
        flavor_id = client.lookups.flavor_id(instance_type_name)
        body = PipelineRunCreateRequest(
            pipeline_run_or_recurring_run_name=name,
            pipeline_id=pipeline_id,
            flavor_id=flavor_id,
            instance_count=instance_count,
            boot_storage_size=boot_storage_size,
            description=opt(description),
            experiment_id=opt(experiment),
            experiment_name=opt(experiment_name),
            experiment_description=opt(experiment_description),
            parameter_list=opt(params),
            nas_list=opt(nas),
            schedule_periodic_minutes=opt(schedule.get("schedule_periodic_minutes")),
            schedule_cron_expression=opt(schedule.get("schedule_cron_expression")),
            max_concurrency_count=opt(schedule.get("max_concurrency_count")),
            schedule_start_datetime=_datetime(schedule.get("schedule_start_datetime"), "schedule_start_datetime"),
            schedule_end_datetime=_datetime(schedule.get("schedule_end_datetime"), "schedule_end_datetime"),
            use_catchup=opt(schedule.get("use_catchup")),
            tag_list=opt(tags),
            **parent_fields(client),
        )
    response = create_pipeline_run.sync_detailed(client.appkey, client=client.api, body=body)
    return client.payload(response, PipelineRunCreateResponse)


class PipelineRun(LogsMixin, StoppableResource, PipelineRunFields):
    """A run of a pipeline."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.pipeline_runs import (
            delete_pipeline_run,
            get_pipeline_run,
            list_pipeline_runs,
            stop_pipeline_run,
        )
        from easymaker_api.models.pipeline_run import PipelineRun as Wire
        from easymaker_api.models.pipeline_run_list_response import PipelineRunListResponse
        from easymaker_api.models.pipeline_run_response import PipelineRunResponse

        declared = Operations(
            wire=Wire,
            get=get_pipeline_run.sync_detailed,
            response=PipelineRunResponse,
            payload=lambda parsed: parsed.pipeline_run,
            list=list_pipeline_runs.sync_detailed,
            list_response=PipelineRunListResponse,
            list_payload=lambda parsed: parsed.pipeline_run_list,
            delete=delete_pipeline_run.sync_detailed,
            stop=stop_pipeline_run.sync_detailed,
            list_filters=("pipeline_recurring_run_id",),
        )
        return declared

    def create(
        self,
        pipeline_run_name: str | None = None,
        pipeline_id: str | None = None,
        instance_type_name: str | None = None,
        boot_storage_size: int | None = None,
        instance_count: int = 1,
        description: str | None = None,
        experiment_id: str | None = None,
        experiment_name: str | None = None,
        experiment_description: str | None = None,
        parameter_list: list[Any] | None = None,
        nas_list: list[Any] | None = None,
        wait: bool | None = True,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
        logs: bool = False,
    ) -> PipelineRun:
        """Run a pipeline (2.1.5 positional order). ``parameter_list`` items may use ``parameterKey``."""
        self._check_logs(logs, None)
        client = self.client
        parsed = _create_run(
            client,
            name_parameter="pipeline_run_name",
            name=pipeline_run_name,
            pipeline_id=pipeline_id,
            instance_type_name=instance_type_name,
            boot_storage_size=boot_storage_size,
            instance_count=instance_count,
            description=description,
            experiment_id=experiment_id,
            experiment_name=experiment_name,
            experiment_description=experiment_description,
            parameter_list=parameter_list,
            nas_list=nas_list,
            tag_list=tag_list,
        )
        return self._adopt(wire_dict(parsed.pipeline_run, self._noun), wait, timeout, logs)


class PipelineRecurringRun(StoppableResource, PipelineRecurringRunFields):
    """A schedule that creates pipeline runs (cron or period)."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.pipeline_recurring_runs import (
            delete_pipeline_recurring_run,
            get_pipeline_recurring_run,
            list_pipeline_recurring_runs,
            stop_pipeline_recurring_run,
        )
        from easymaker_api.models.pipeline_recurring_run import PipelineRecurringRun as Wire
        from easymaker_api.models.pipeline_recurring_run_list_response import PipelineRecurringRunListResponse
        from easymaker_api.models.pipeline_recurring_run_response import PipelineRecurringRunResponse

        declared = Operations(
            wire=Wire,
            get=get_pipeline_recurring_run.sync_detailed,
            response=PipelineRecurringRunResponse,
            payload=lambda parsed: parsed.pipeline_recurring_run,
            list=list_pipeline_recurring_runs.sync_detailed,
            list_response=PipelineRecurringRunListResponse,
            list_payload=lambda parsed: parsed.pipeline_recurring_run_list,
            delete=delete_pipeline_recurring_run.sync_detailed,
            stop=stop_pipeline_recurring_run.sync_detailed,
        )
        return declared

    def stop(self) -> None:
        """Pause the schedule (one PUT)."""
        super().stop()

    def start(self) -> None:
        """Resume the schedule (one PUT)."""
        from easymaker_api.api.pipeline_recurring_runs import start_pipeline_recurring_run

        self._call(start_pipeline_recurring_run.sync_detailed)

    def get_pipeline_run_list(self) -> list[PipelineRun]:
        """Runs created by this schedule (one GET)."""
        client = self.client
        items = PipelineRun._fetch_list(client, pipeline_recurring_run_id=self._require_id())
        return [PipelineRun(item, client=client) for item in items]

    def create(
        self,
        pipeline_recurring_run_name: str | None = None,
        pipeline_id: str | None = None,
        instance_type_name: str | None = None,
        boot_storage_size: int | None = None,
        instance_count: int = 1,
        max_concurrency_count: int = 1,
        description: str | None = None,
        experiment_id: str | None = None,
        experiment_name: str | None = None,
        experiment_description: str | None = None,
        parameter_list: list[Any] | None = None,
        nas_list: list[Any] | None = None,
        schedule_periodic_minutes: int | None = None,
        schedule_cron_expression: str | None = None,
        schedule_start_datetime: str | dt.datetime | None = None,
        schedule_end_datetime: str | dt.datetime | None = None,
        use_catchup: bool | None = True,
        wait: bool | None = True,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
    ) -> PipelineRecurringRun:
        """Create a schedule (2.1.5 positional order); one of ``schedule_cron_expression`` (six fields, seconds
        first) and ``schedule_periodic_minutes`` is required."""
        if schedule_cron_expression is None and schedule_periodic_minutes is None:
            raise EasyMakerValidationError(
                "schedule_cron_expression or schedule_periodic_minutes is required",
                parameter="schedule_cron_expression",
                constraint="required",
            )
        client = self.client
        parsed = _create_run(
            client,
            name_parameter="pipeline_recurring_run_name",
            name=pipeline_recurring_run_name,
            pipeline_id=pipeline_id,
            instance_type_name=instance_type_name,
            boot_storage_size=boot_storage_size,
            instance_count=instance_count,
            description=description,
            experiment_id=experiment_id,
            experiment_name=experiment_name,
            experiment_description=experiment_description,
            parameter_list=parameter_list,
            nas_list=nas_list,
            tag_list=tag_list,
            schedule={
                "schedule_periodic_minutes": schedule_periodic_minutes,
                "schedule_cron_expression": schedule_cron_expression,
                "max_concurrency_count": max_concurrency_count,
                "schedule_start_datetime": schedule_start_datetime,
                "schedule_end_datetime": schedule_end_datetime,
                "use_catchup": use_catchup,
            },
        )
        return self._adopt(wire_dict(parsed.pipeline_recurring_run, self._noun), wait, timeout)
