from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.endpoint_response import EndpointResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
    endpoint_id: str,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("endpointId", endpoint_id, {"maxLength": 36}),
    )

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/endpoints/{endpoint_id}".format(
            appkey=quote(str(appkey), safe=""),
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | EndpointResponse:
    if response.status_code == 200:
        response_200 = EndpointResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | EndpointResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appkey: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | EndpointResponse]:
    """
    Args:
        appkey (str):
        endpoint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | EndpointResponse]
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
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | EndpointResponse | None:
    """
    Args:
        appkey (str):
        endpoint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | EndpointResponse
    """

    return sync_detailed(
        appkey=appkey,
        endpoint_id=endpoint_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | EndpointResponse]:
    """
    Args:
        appkey (str):
        endpoint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | EndpointResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        endpoint_id=endpoint_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | EndpointResponse | None:
    """
    Args:
        appkey (str):
        endpoint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | EndpointResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            endpoint_id=endpoint_id,
            client=client,
        )
    ).parsed
