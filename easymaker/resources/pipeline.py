"""Pipelines, pipeline runs and recurring runs (schedules)."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any, Unpack

from easymaker_api.fields import PipelineFields, PipelineRecurringRunFields, PipelineRunFields
from easymaker_api.parameters import PipelineRunCreateRequestOptions, PipelineUploadRequestOptions

from easymaker._client import Client
from easymaker._errors import EasyMakerValidationError
from easymaker.resources.base import Resource, StoppableResource
from easymaker.resources.observe import LogsMixin
from easymaker.resources.operations import Operations, wire_dict
from easymaker.resources.parameters import RequestDraft, experiment_id_for, parent_wire_fields, require


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
        **options: Unpack[PipelineUploadRequestOptions],
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
        draft = RequestDraft(
            PipelineUploadRequest,
            locals(),
            options,
            method="Pipeline.upload()",
            computed={"base64PipelineSpecManifest": base64.b64encode(content).decode("ascii")},
        )
        body = draft.build(**parent_wire_fields(client))
        return self._post_create(upload_pipeline.sync_detailed, body, wait, timeout)


def _datetime(value: Any, parameter: str) -> str | None:
    """The wire form (ISO-8601) of a date-time argument given as a datetime or a string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    try:
        return dt.datetime.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise EasyMakerValidationError(
            f"{parameter}: {value!r} is not an ISO-8601 date-time such as '2025-01-01T00:00:00+09:00'",
            parameter=parameter,
            constraint="format",
            value=value,
        ) from None


def _create_run(client: Client, name_parameter: str, arguments: dict[str, Any], options: Any) -> Any:
    """POST a pipeline run or recurring run (one request body; ``name_parameter`` names the run's name argument)."""
    from easymaker_api.api.pipeline_runs import create_pipeline_run
    from easymaker_api.models.pipeline_run_create_request import PipelineRunCreateRequest
    from easymaker_api.models.pipeline_run_create_response import PipelineRunCreateResponse

    name = arguments[name_parameter]
    require(
        **{name_parameter: name},
        pipeline_id=arguments["pipeline_id"],
        instance_type_name=arguments["instance_type_name"],
        boot_storage_size=arguments["boot_storage_size"],
    )
    draft = RequestDraft(
        PipelineRunCreateRequest,
        arguments,
        options,
        method=f"{'PipelineRun' if name_parameter == 'pipeline_run_name' else 'PipelineRecurringRun'}.create()",
        computed={
            "pipelineRunOrRecurringRunName": name,
            "experimentId": experiment_id_for(client, arguments["experiment_id"]),
            "scheduleStartDatetime": _datetime(arguments.get("schedule_start_datetime"), "schedule_start_datetime"),
            "scheduleEndDatetime": _datetime(arguments.get("schedule_end_datetime"), "schedule_end_datetime"),
            **parent_wire_fields(client),
        },
        deferred=("flavorId",),
        labels={"pipelineRunOrRecurringRunName": name_parameter},
    )
    body = draft.build(flavorId=client.lookups.flavor_id(arguments["instance_type_name"]))
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
        **options: Unpack[PipelineRunCreateRequestOptions],
    ) -> PipelineRun:
        """Run a pipeline (2.1.5 positional order). ``parameter_list`` items may use ``parameterKey``."""
        self._check_logs(logs, None)
        client = self.client
        parsed = _create_run(client, "pipeline_run_name", locals(), options)
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
        **options: Unpack[PipelineRunCreateRequestOptions],
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
        parsed = _create_run(client, "pipeline_recurring_run_name", locals(), options)
        return self._adopt(wire_dict(parsed.pipeline_recurring_run, self._noun), wait, timeout)
