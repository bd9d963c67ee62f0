from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.log_source_list_response import LogSourceListResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
    resource_id: str,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("resourceId", resource_id, {"minLength": 1, "maxLength": 64}),
    )

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/logs/{resource_id}/sources".format(
            appkey=quote(str(appkey), safe=""),
            resource_id=quote(str(resource_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | LogSourceListResponse:
    if response.status_code == 200:
        response_200 = LogSourceListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | LogSourceListResponse]:
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
) -> Response[EmptyResponse | LogSourceListResponse]:
    """The logs a job has (its own, each trial's, each pipeline step's, each model worker's), EasyMaker
    Local only.

    Args:
        appkey (str):
        resource_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | LogSourceListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        resource_id=resource_id,
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
) -> EmptyResponse | LogSourceListResponse | None:
    """The logs a job has (its own, each trial's, each pipeline step's, each model worker's), EasyMaker
    Local only.

    Args:
        appkey (str):
        resource_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | LogSourceListResponse
    """

    return sync_detailed(
        appkey=appkey,
        resource_id=resource_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | LogSourceListResponse]:
    """The logs a job has (its own, each trial's, each pipeline step's, each model worker's), EasyMaker
    Local only.

    Args:
        appkey (str):
        resource_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | LogSourceListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        resource_id=resource_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | LogSourceListResponse | None:
    """The logs a job has (its own, each trial's, each pipeline step's, each model worker's), EasyMaker
    Local only.

    Args:
        appkey (str):
        resource_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | LogSourceListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            resource_id=resource_id,
            client=client,
        )
    ).parsed
