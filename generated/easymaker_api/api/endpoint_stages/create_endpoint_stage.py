from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.endpoint_stage_create_request import EndpointStageCreateRequest
from ...models.endpoint_stage_response import EndpointStageResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
    *,
    body: EndpointStageCreateRequest,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
    )
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1.0/appkeys/{appkey}/endpoint-stages".format(
            appkey=quote(str(appkey), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | EndpointStageResponse:
    if response.status_code == 200:
        response_200 = EndpointStageResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | EndpointStageResponse]:
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
    body: EndpointStageCreateRequest,
) -> Response[EmptyResponse | EndpointStageResponse]:
    """
    Args:
        appkey (str):
        body (EndpointStageCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | EndpointStageResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointStageCreateRequest,
) -> EmptyResponse | EndpointStageResponse | None:
    """
    Args:
        appkey (str):
        body (EndpointStageCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | EndpointStageResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointStageCreateRequest,
) -> Response[EmptyResponse | EndpointStageResponse]:
    """
    Args:
        appkey (str):
        body (EndpointStageCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | EndpointStageResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointStageCreateRequest,
) -> EmptyResponse | EndpointStageResponse | None:
    """
    Args:
        appkey (str):
        body (EndpointStageCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | EndpointStageResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            body=body,
        )
    ).parsed
