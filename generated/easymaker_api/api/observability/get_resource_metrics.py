from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.metric_series_list_response import MetricSeriesListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    resource_id: str,
    *,
    source: str | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("resourceId", resource_id, {"minLength": 1, "maxLength": 64}),
        ("source", source, {"minLength": 1, "maxLength": 255}),
    )

    params: dict[str, Any] = {}

    params["source"] = source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/metrics/{resource_id}".format(
            appkey=quote(str(appkey), safe=""),
            resource_id=quote(str(resource_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | MetricSeriesListResponse:
    if response.status_code == 200:
        response_200 = MetricSeriesListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | MetricSeriesListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
) -> Response[EmptyResponse | MetricSeriesListResponse]:
    """The metric history a training (or one trial of a tuning) recorded with `easymaker.log_metrics`,
    EasyMaker Local only.

     One series per metric name, in the order the metrics first appeared; each point is `{step, value,
    timestamp}`
    (`step` as given to `log_metrics`, else the number of the observation counted from 1; `timestamp` in
    seconds
    since the epoch). For a tuning, `source` names the trial (default: the optimal trial).

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | MetricSeriesListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        resource_id=resource_id,
        source=source,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
) -> EmptyResponse | MetricSeriesListResponse | None:
    """The metric history a training (or one trial of a tuning) recorded with `easymaker.log_metrics`,
    EasyMaker Local only.

     One series per metric name, in the order the metrics first appeared; each point is `{step, value,
    timestamp}`
    (`step` as given to `log_metrics`, else the number of the observation counted from 1; `timestamp` in
    seconds
    since the epoch). For a tuning, `source` names the trial (default: the optimal trial).

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | MetricSeriesListResponse
    """

    return sync_detailed(
        appkey=appkey,
        resource_id=resource_id,
        client=client,
        source=source,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
) -> Response[EmptyResponse | MetricSeriesListResponse]:
    """The metric history a training (or one trial of a tuning) recorded with `easymaker.log_metrics`,
    EasyMaker Local only.

     One series per metric name, in the order the metrics first appeared; each point is `{step, value,
    timestamp}`
    (`step` as given to `log_metrics`, else the number of the observation counted from 1; `timestamp` in
    seconds
    since the epoch). For a tuning, `source` names the trial (default: the optimal trial).

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | MetricSeriesListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        resource_id=resource_id,
        source=source,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
) -> EmptyResponse | MetricSeriesListResponse | None:
    """The metric history a training (or one trial of a tuning) recorded with `easymaker.log_metrics`,
    EasyMaker Local only.

     One series per metric name, in the order the metrics first appeared; each point is `{step, value,
    timestamp}`
    (`step` as given to `log_metrics`, else the number of the observation counted from 1; `timestamp` in
    seconds
    since the epoch). For a tuning, `source` names the trial (default: the optimal trial).

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | MetricSeriesListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            resource_id=resource_id,
            client=client,
            source=source,
        )
    ).parsed
