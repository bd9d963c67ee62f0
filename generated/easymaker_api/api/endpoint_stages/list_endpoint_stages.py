from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.endpoint_stage_list_response import EndpointStageListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    *,
    endpoint_id: str | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("endpointId", endpoint_id, {"maxLength": 36}),
    )

    params: dict[str, Any] = {}

    params["endpointId"] = endpoint_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/endpoint-stages".format(
            appkey=quote(str(appkey), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | EndpointStageListResponse:
    if response.status_code == 200:
        response_200 = EndpointStageListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | EndpointStageListResponse]:
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
    endpoint_id: str | Unset = UNSET,
) -> Response[EmptyResponse | EndpointStageListResponse]:
    """
    Args:
        appkey (str):
        endpoint_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | EndpointStageListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        endpoint_id=endpoint_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
) -> EmptyResponse | EndpointStageListResponse | None:
    """
    Args:
        appkey (str):
        endpoint_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | EndpointStageListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        endpoint_id=endpoint_id,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
) -> Response[EmptyResponse | EndpointStageListResponse]:
    """
    Args:
        appkey (str):
        endpoint_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | EndpointStageListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        endpoint_id=endpoint_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
) -> EmptyResponse | EndpointStageListResponse | None:
    """
    Args:
        appkey (str):
        endpoint_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | EndpointStageListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            endpoint_id=endpoint_id,
        )
    ).parsed
