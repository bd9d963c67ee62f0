from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.model_create_request import ModelCreateRequest
from ...models.model_response import ModelResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
    *,
    body: ModelCreateRequest,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
    )
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1.0/appkeys/{appkey}/models".format(
            appkey=quote(str(appkey), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmptyResponse | ModelResponse:
    if response.status_code == 200:
        response_200 = ModelResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | ModelResponse]:
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
    body: ModelCreateRequest,
) -> Response[EmptyResponse | ModelResponse]:
    """
    Args:
        appkey (str):
        body (ModelCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ModelResponse]
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
    body: ModelCreateRequest,
) -> EmptyResponse | ModelResponse | None:
    """
    Args:
        appkey (str):
        body (ModelCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ModelResponse
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
    body: ModelCreateRequest,
) -> Response[EmptyResponse | ModelResponse]:
    """
    Args:
        appkey (str):
        body (ModelCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ModelResponse]
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
    body: ModelCreateRequest,
) -> EmptyResponse | ModelResponse | None:
    """
    Args:
        appkey (str):
        body (ModelCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ModelResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            body=body,
        )
    ).parsed
