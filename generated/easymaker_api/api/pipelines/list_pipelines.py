from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.pipeline_list_response import PipelineListResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
    )

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/pipelines".format(
            appkey=quote(str(appkey), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | PipelineListResponse:
    if response.status_code == 200:
        response_200 = PipelineListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | PipelineListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | PipelineListResponse]:
    """
    Args:
        appkey (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | PipelineListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | PipelineListResponse | None:
    """
    Args:
        appkey (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | PipelineListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | PipelineListResponse]:
    """
    Args:
        appkey (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | PipelineListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | PipelineListResponse | None:
    """
    Args:
        appkey (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | PipelineListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
        )
    ).parsed
