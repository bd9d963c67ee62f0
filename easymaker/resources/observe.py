"""Watching the work from Python: job logs (read or followed), metric history, typed trials.

Logs and metric history are served by EasyMaker Local (operations ``getResourceLogs``, ``listResourceLogSources``
and ``getResourceMetrics`` of the spec). NHN Cloud AI EasyMaker has no such operation: there the calls raise
`LogsNotAvailableError`, which says where the logs are (Log & Crash Search when the job runs with
``use_log=True``, the console otherwise). Trials come from the tuning itself and work against both.

Following uses Server-Sent Events; a dropped connection is resumed from the last line received (``Last-Event-ID``),
so no line is lost or repeated.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from easymaker._client import USER_AGENT
from easymaker._errors import APIConnectionError, EasyMakerError, error_class_for
from easymaker.items import Trial as TrialRecord

if TYPE_CHECKING:
    from easymaker._client import Client

logger = logging.getLogger("easymaker")

FOLLOW_READ_TIMEOUT = 60.0  # the server sends a ping every 15 s
FOLLOW_RECONNECTS = 5  # consecutive failed reconnects before giving up
CHUNK_BYTES = 1 << 20


class LogsNotAvailableError(EasyMakerError):
    """The service keeps no log a client can read through its API (NHN Cloud AI EasyMaker): the message names where
    the logs are."""


def cloud_logs_error(label: str, resource_id: str | None, data: Mapping[str, Any]) -> LogsNotAvailableError:
    where = f"{label} {resource_id}" if resource_id else label
    if data.get("useLog"):
        appkey = data.get("logAndCrashAppKey")
        target = f" (appkey {appkey})" if appkey else ""
        return LogsNotAvailableError(
            f"{where}: NHN Cloud AI EasyMaker serves no logs through its API; this job runs with use_log=True, so its "
            f"logs are in NHN Cloud Log & Crash Search{target}. Following logs from Python works on EasyMaker Local "
            "(profile='local')."
        )
    return LogsNotAvailableError(
        f"{where}: NHN Cloud AI EasyMaker serves no logs through its API; see the job's logs in the NHN Cloud console "
        "(AI EasyMaker), or run it with use_log=True to send them to Log & Crash Search. Following logs from Python "
        "works on EasyMaker Local (profile='local')."
    )


# -- values --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricPoint:
    """One observation of a metric."""

    step: int
    value: float
    timestamp: float | None = None


@dataclass(frozen=True)
class MetricSeries:
    """A metric's latest, smallest and largest value, and (where recorded) every observation in order."""

    name: str
    latest: float | None
    min: float | None
    max: float | None
    history: tuple[MetricPoint, ...] = ()

    @classmethod
    def from_series(cls, doc: Mapping[str, Any]) -> MetricSeries:
        """From a ``MetricSeries`` of ``getResourceMetrics``."""
        return cls(
            name=str(doc.get("metricName") or ""),
            latest=number_or_none(doc.get("latestValue")),
            min=number_or_none(doc.get("minValue")),
            max=number_or_none(doc.get("maxValue")),
            history=_points(doc.get("history")),
        )

    @classmethod
    def from_trial_metric(cls, doc: Mapping[str, Any]) -> MetricSeries:
        """From a ``TrialMetric`` of a tuning (values are strings on the wire)."""
        return cls(
            name=str(doc.get("trialMetricName") or ""),
            latest=number_or_none(doc.get("trialMetricLatestValue")),
            min=number_or_none(doc.get("trialMetricMinValue")),
            max=number_or_none(doc.get("trialMetricMaxValue")),
            history=_points(doc.get("trialMetricHistory")),
        )


def number_or_none(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _points(items: Any) -> tuple[MetricPoint, ...]:
    out = []
    for i, item in enumerate(items or [], start=1):
        if not isinstance(item, Mapping):
            continue
        value = number_or_none(item.get("value"))
        if value is None:
            continue
        step = item.get("step")
        out.append(
            MetricPoint(
                step=step if isinstance(step, int) and not isinstance(step, bool) else i,
                value=value,
                timestamp=number_or_none(item.get("timestamp")),
            )
        )
    return tuple(out)


def _datetime(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class Trial(TrialRecord):
    """One trial of a hyperparameter tuning (a training run with its own hyperparameters): the wire record
    (``easymaker.Trial``, its 2.1.x attribute names) with typed views of it, its log and its metric history."""

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        /,
        *,
        client: Any = None,
        tuning_id: str | None = None,
        optimal_id: str | None = None,
        **fields: Any,
    ) -> None:
        super().__init__(data, client=client, **fields)
        object.__setattr__(self, "_tuning_id", tuning_id)
        object.__setattr__(self, "_optimal_id", optimal_id)

    @classmethod
    def from_wire(
        cls, doc: Mapping[str, Any], *, tuning_id: str | None, optimal_id: str | None, client: Client | None = None
    ) -> Trial:
        return cls(doc, client=client, tuning_id=tuning_id, optimal_id=optimal_id)

    @property
    def id(self) -> str:
        return str(self._data.get("trialId") or "")

    @property
    def status(self) -> str | None:
        value = self._data.get("trialStatusCode")
        return None if value is None else str(value)

    @property
    def hyperparameters(self) -> dict[str, str]:
        """Name -> value (as the tuning passed it to the entry point)."""
        return {
            str(p.get("parameterName")): str(p.get("parameterValue"))
            for p in self._data.get("hyperparameterList") or []
            if isinstance(p, Mapping)
        }

    @property
    def metrics(self) -> dict[str, MetricSeries]:
        """Metric name -> latest, min, max and (EasyMaker Local) every observation."""
        series = [
            MetricSeries.from_trial_metric(m) for m in self._data.get("trialMetricList") or [] if isinstance(m, Mapping)
        ]
        return {m.name: m for m in series}

    @property
    def started(self) -> datetime | None:
        return _datetime(self._data.get("startedDatetime"))

    @property
    def finished(self) -> datetime | None:
        return _datetime(self._data.get("finishedDatetime"))

    @property
    def duration_seconds(self) -> float | None:
        started, finished = self.started, self.finished
        return None if started is None or finished is None else (finished - started).total_seconds()

    @property
    def is_optimal(self) -> bool:
        """Whether this is the tuning's optimal trial (the best objective value)."""
        optimal: str | None = self.__dict__.get("_optimal_id")
        return bool(optimal) and self.id == optimal

    def logs(self, follow: bool = False, *, offset: int = 0) -> Iterator[str]:
        """The trial's output lines (EasyMaker Local); ``follow`` keeps reading until the trial's tuning ends."""
        return resource_logs(self._api(), self._tuning(), "Trial", follow=follow, source=self.id, offset=offset)

    def get_metrics(self) -> dict[str, MetricSeries]:
        """The trial's metric history (EasyMaker Local): what it recorded with ``easymaker.log_metrics`` (with its
        steps), else every observation the tuning read from its output."""
        return resource_metrics(self._api(), self._tuning(), source=self.id)

    def _api(self) -> Client:
        from easymaker._client import default_client

        client: Client | None = self._client
        return client if client is not None else default_client()

    def _tuning(self) -> str:
        tuning = self._data.get("hyperparameterTuningId") or self.__dict__.get("_tuning_id")
        if not tuning:
            raise EasyMakerError(f"trial {self.id}: its hyperparameter tuning id is unknown")
        return str(tuning)


# -- logs ----------------------------------------------------------------------------------------------------------


def _require_local(client: Client, label: str, resource_id: str, data: Mapping[str, Any] | None) -> None:
    if not client.config.local:
        raise cloud_logs_error(label, resource_id, data or {})


def resource_logs(
    client: Client,
    resource_id: str,
    label: str,
    *,
    follow: bool = False,
    source: str | None = None,
    offset: int = 0,
    data: Mapping[str, Any] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Iterator[str]:
    """The lines of a job's log from ``offset``: what is there now, or (``follow``) until the job ends."""
    _require_local(client, label, resource_id, data)
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        from easymaker._errors import EasyMakerValidationError

        raise EasyMakerValidationError(f"offset must be an integer >= 0, got {offset!r}", parameter="offset")
    if follow:
        return _follow(client, resource_id, source, offset, stop)
    return _read_now(client, resource_id, source, offset)


def _read_now(client: Client, resource_id: str, source: str | None, offset: int) -> Iterator[str]:
    from easymaker_api.api.observability import get_resource_logs
    from easymaker_api.models.log_chunk_response import LogChunkResponse
    from easymaker_api.types import UNSET, Unset

    while True:
        response = get_resource_logs.sync_detailed(
            client.appkey,
            resource_id,
            client=client.api,
            source=source if source else UNSET,
            offset=offset,
            max_bytes=CHUNK_BYTES,
        )
        chunk = client.payload(response, LogChunkResponse).log_chunk
        if isinstance(chunk, Unset):
            return
        lines = [] if isinstance(chunk.line_list, Unset) else list(chunk.line_list)
        yield from lines
        next_offset = offset if isinstance(chunk.next_offset, Unset) else int(chunk.next_offset)
        if not lines or next_offset <= offset:
            return
        offset = next_offset


def _follow(
    client: Client, resource_id: str, source: str | None, offset: int, stop: Callable[[], bool] | None
) -> Iterator[str]:
    import httpx
    from httpx_sse import EventSource

    params: dict[str, Any] = {"offset": offset}
    if source:
        params["source"] = source
    url = f"/v1.0/appkeys/{client.appkey}/logs/{resource_id}"
    position = offset
    failures = 0
    options = client._http_options()
    options["timeout"] = httpx.Timeout(FOLLOW_READ_TIMEOUT, connect=client.config.connect_timeout)
    headers = {"Accept": "text/event-stream", "User-Agent": USER_AGENT, **client._auth_headers()}
    with httpx.Client(base_url=client.config.api_url, headers=headers, **options) as http:
        while True:
            try:
                with http.stream(
                    "GET", url, params=params, headers={"Last-Event-ID": str(position)} if position else None
                ) as response:
                    if response.status_code != 200:
                        _raise_for(response)
                    failures = 0
                    for event in EventSource(response).iter_sse():
                        if event.event == "end":
                            return
                        if event.id:
                            position = int(event.id)
                        yield event.data
                        if stop is not None and stop():
                            return
                    # the stream ended without its end event: the server went away; resume
            except (httpx.TransportError, APIConnectionError) as exc:
                failures += 1
                if failures > FOLLOW_RECONNECTS:
                    raise APIConnectionError(
                        f"following the logs of {resource_id} failed: {exc}", request_method="GET", request_url=url
                    ) from exc
                logger.info("following the logs of %s: %s; resuming at byte %d", resource_id, exc, position)
                client.sleep(min(0.2 * 2**failures, 5.0))
            if stop is not None and stop():
                return


def _raise_for(response: Any) -> None:
    response.read()
    try:
        document = json.loads(response.content)
    except ValueError:
        document = None
    header = document.get("header") if isinstance(document, dict) else None
    message = header.get("resultMessage") if isinstance(header, dict) else response.text[:200]
    code = header.get("resultCode") if isinstance(header, dict) else None
    request = response.request
    raise error_class_for(response.status_code)(
        request_method=request.method,
        request_url=str(request.url),
        status_code=response.status_code,
        result_code=code,
        result_message=message,
        body=document,
    )


def log_sources(client: Client, resource_id: str, label: str, data: Mapping[str, Any] | None = None) -> list[str]:
    """The ``source`` values a job's logs can be read with (trial ids, pipeline steps, model workers)."""
    from easymaker_api.api.observability import list_resource_log_sources
    from easymaker_api.models.log_source_list_response import LogSourceListResponse
    from easymaker_api.types import Unset

    _require_local(client, label, resource_id, data)
    response = list_resource_log_sources.sync_detailed(client.appkey, resource_id, client=client.api)
    found = client.payload(response, LogSourceListResponse).log_source_list
    if isinstance(found, Unset):
        return []
    return [str(s.source) for s in found if s.source]


def resource_metrics(client: Client, resource_id: str, *, source: str | None = None) -> dict[str, MetricSeries]:
    """Metric name -> its series, as recorded by ``easymaker.log_metrics`` (EasyMaker Local)."""
    from easymaker_api.api.observability import get_resource_metrics
    from easymaker_api.models.metric_series_list_response import MetricSeriesListResponse
    from easymaker_api.types import UNSET, Unset

    if not client.config.local:
        raise LogsNotAvailableError(
            f"{resource_id}: NHN Cloud AI EasyMaker serves no metric history through its API; open the job's "
            "TensorBoard in the console (easymaker.log_metrics writes its event files there)"
        )
    response = get_resource_metrics.sync_detailed(
        client.appkey, resource_id, client=client.api, source=source if source else UNSET
    )
    parsed = client.payload(response, MetricSeriesListResponse)
    series = [] if isinstance(parsed.metric_series_list, Unset) else parsed.metric_series_list
    out = [MetricSeries.from_series(s.to_dict()) for s in series]
    return {s.name: s for s in out}


class LogsMixin:
    """``logs()`` and ``get_log_sources()`` for job resources (trainings, tunings, batch inferences, evaluations,
    pipeline runs, endpoint stages)."""

    def logs(self, follow: bool = False, *, source: str | None = None, offset: int = 0) -> Iterator[str]:
        """The job's output, line by line (EasyMaker Local; NHN Cloud raises `LogsNotAvailableError` naming where its
        logs are). ``follow``: keep yielding lines as they are written until the job reaches a final status.
        ``source``: a trial id (tuning), a step name (pipeline run) or a model worker (endpoint stage), see
        `get_log_sources`. ``offset``: the byte offset to start at."""
        resource = self._observed()
        return resource_logs(
            resource.client,
            resource._require_id(),
            resource._label,
            follow=follow,
            source=source,
            offset=offset,
            data=resource._data,
        )

    def get_log_sources(self) -> list[str]:
        """The ``source`` values `logs` accepts for this job (EasyMaker Local)."""
        resource = self._observed()
        return log_sources(resource.client, resource._require_id(), resource._label, resource._data)

    def _print_logs_until_done(self, timeout: float | None) -> None:
        """Write the followed log to stdout (``run(..., logs=True)``); stop at the final status or ``timeout``."""
        import sys

        resource = self._observed()
        client = resource.client
        deadline = None if timeout is None else client.clock() + timeout
        lines = resource_logs(
            client,
            resource._require_id(),
            resource._label,
            follow=True,
            data=resource._data,
            stop=(lambda: client.clock() >= deadline) if deadline is not None else None,
        )
        for line in lines:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def _observed(self) -> Any:
        return self

    def _check_logs(self, logs: bool, use_log: bool | None = None) -> None:
        """``run(..., logs=True)``: refuse before any request where logs cannot be followed (NHN Cloud)."""
        if logs:
            resource = self._observed()
            check_logs_available(resource.client, resource._label, use_log)


def check_logs_available(client: Client, label: str, use_log: bool | None) -> None:
    """Before creating a job with ``logs=True``: refuse at once where logs cannot be followed (NHN Cloud)."""
    if not client.config.local:
        raise cloud_logs_error(label, None, {"useLog": bool(use_log)})
