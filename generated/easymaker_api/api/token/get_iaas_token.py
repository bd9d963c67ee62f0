from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.iaas_token_response import IaasTokenResponse
from ...types import Response


def _get_kwargs(
    appkey: str,
    group_id: str,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("groupId", group_id, {"maxLength": 64}),
    )

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/token/v1.0/appkeys/{appkey}/groups/{group_id}/iaas-token".format(
            appkey=quote(str(appkey), safe=""),
            group_id=quote(str(group_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | IaasTokenResponse:
    if response.status_code == 200:
        response_200 = IaasTokenResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | IaasTokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appkey: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | IaasTokenResponse]:
    """An Object Storage (IaaS) token for code running inside EasyMaker.

    Args:
        appkey (str):
        group_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | IaasTokenResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        group_id=group_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | IaasTokenResponse | None:
    """An Object Storage (IaaS) token for code running inside EasyMaker.

    Args:
        appkey (str):
        group_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | IaasTokenResponse
    """

    return sync_detailed(
        appkey=appkey,
        group_id=group_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmptyResponse | IaasTokenResponse]:
    """An Object Storage (IaaS) token for code running inside EasyMaker.

    Args:
        appkey (str):
        group_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | IaasTokenResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        group_id=group_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmptyResponse | IaasTokenResponse | None:
    """An Object Storage (IaaS) token for code running inside EasyMaker.

    Args:
        appkey (str):
        group_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | IaasTokenResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            group_id=group_id,
            client=client,
        )
    ).parsed
