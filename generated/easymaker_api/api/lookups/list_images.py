from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.image_list_response import ImageListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    *,
    group_type_code_list: str | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("groupTypeCodeList", group_type_code_list, {"maxLength": 64}),
    )

    params: dict[str, Any] = {}

    params["groupTypeCodeList"] = group_type_code_list

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/images".format(
            appkey=quote(str(appkey), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ImageListResponse:
    if response.status_code == 200:
        response_200 = ImageListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | ImageListResponse]:
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
    group_type_code_list: str | Unset = UNSET,
) -> Response[EmptyResponse | ImageListResponse]:
    """
    Args:
        appkey (str):
        group_type_code_list (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ImageListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        group_type_code_list=group_type_code_list,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    group_type_code_list: str | Unset = UNSET,
) -> EmptyResponse | ImageListResponse | None:
    """
    Args:
        appkey (str):
        group_type_code_list (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ImageListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        group_type_code_list=group_type_code_list,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    group_type_code_list: str | Unset = UNSET,
) -> Response[EmptyResponse | ImageListResponse]:
    """
    Args:
        appkey (str):
        group_type_code_list (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ImageListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        group_type_code_list=group_type_code_list,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    group_type_code_list: str | Unset = UNSET,
) -> EmptyResponse | ImageListResponse | None:
    """
    Args:
        appkey (str):
        group_type_code_list (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ImageListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            group_type_code_list=group_type_code_list,
        )
    ).parsed
