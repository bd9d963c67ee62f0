from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.flavor_list_response import FlavorListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    *,
    group_type: str | Unset = UNSET,
    algorithm_id: str | Unset = UNSET,
    model_id_list: str | Unset = UNSET,
    model_preset_id: str | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("groupType", group_type, {"maxLength": 64}),
        ("algorithmId", algorithm_id, {"maxLength": 36}),
        ("modelIdList", model_id_list, {"maxLength": 36}),
        ("modelPresetId", model_preset_id, {"maxLength": 36}),
    )

    params: dict[str, Any] = {}

    params["groupType"] = group_type

    params["algorithmId"] = algorithm_id

    params["modelIdList"] = model_id_list

    params["modelPresetId"] = model_preset_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/flavors".format(
            appkey=quote(str(appkey), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | FlavorListResponse:
    if response.status_code == 200:
        response_200 = FlavorListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | FlavorListResponse]:
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
    group_type: str | Unset = UNSET,
    algorithm_id: str | Unset = UNSET,
    model_id_list: str | Unset = UNSET,
    model_preset_id: str | Unset = UNSET,
) -> Response[EmptyResponse | FlavorListResponse]:
    """
    Args:
        appkey (str):
        group_type (str | Unset):
        algorithm_id (str | Unset):
        model_id_list (str | Unset):
        model_preset_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | FlavorListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        group_type=group_type,
        algorithm_id=algorithm_id,
        model_id_list=model_id_list,
        model_preset_id=model_preset_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    group_type: str | Unset = UNSET,
    algorithm_id: str | Unset = UNSET,
    model_id_list: str | Unset = UNSET,
    model_preset_id: str | Unset = UNSET,
) -> EmptyResponse | FlavorListResponse | None:
    """
    Args:
        appkey (str):
        group_type (str | Unset):
        algorithm_id (str | Unset):
        model_id_list (str | Unset):
        model_preset_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | FlavorListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        group_type=group_type,
        algorithm_id=algorithm_id,
        model_id_list=model_id_list,
        model_preset_id=model_preset_id,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    group_type: str | Unset = UNSET,
    algorithm_id: str | Unset = UNSET,
    model_id_list: str | Unset = UNSET,
    model_preset_id: str | Unset = UNSET,
) -> Response[EmptyResponse | FlavorListResponse]:
    """
    Args:
        appkey (str):
        group_type (str | Unset):
        algorithm_id (str | Unset):
        model_id_list (str | Unset):
        model_preset_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | FlavorListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        group_type=group_type,
        algorithm_id=algorithm_id,
        model_id_list=model_id_list,
        model_preset_id=model_preset_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    group_type: str | Unset = UNSET,
    algorithm_id: str | Unset = UNSET,
    model_id_list: str | Unset = UNSET,
    model_preset_id: str | Unset = UNSET,
) -> EmptyResponse | FlavorListResponse | None:
    """
    Args:
        appkey (str):
        group_type (str | Unset):
        algorithm_id (str | Unset):
        model_id_list (str | Unset):
        model_preset_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | FlavorListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            group_type=group_type,
            algorithm_id=algorithm_id,
            model_id_list=model_id_list,
            model_preset_id=model_preset_id,
        )
    ).parsed
