from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
    pipeline_run_id: str,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("pipelineRunId", pipeline_run_id, {"maxLength": 36}),
    )

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1.0/appkeys/{appkey}/pipeline-runs/{pipeline_run_id}".format(
            appkey=quote(str(appkey), safe=""),
            pipeline_run_id=quote(str(pipeline_run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmptyResponse:
    if response.status_code == 200:
        response_200 = EmptyResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EmptyResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appkey: str,
    pipeline_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse]:
    """
    Args:
        appkey (str):
        pipeline_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        pipeline_run_id=pipeline_run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    pipeline_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | None:
    """
    Args:
        appkey (str):
        pipeline_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse
    """

    return sync_detailed(
        appkey=appkey,
        pipeline_run_id=pipeline_run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    pipeline_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse]:
    """
    Args:
        appkey (str):
        pipeline_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        pipeline_run_id=pipeline_run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    pipeline_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | None:
    """
    Args:
        appkey (str):
        pipeline_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            pipeline_run_id=pipeline_run_id,
            client=client,
        )
    ).parsed
