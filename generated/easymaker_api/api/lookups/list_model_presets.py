from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.model_preset_list_response import ModelPresetListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    *,
    exposure_scope_code: str | Unset = UNSET,
    model_preset_name: str | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("exposureScopeCode", exposure_scope_code, {"maxLength": 64}),
        ("modelPresetName", model_preset_name, {"maxLength": 255}),
    )

    params: dict[str, Any] = {}

    params["exposureScopeCode"] = exposure_scope_code

    params["modelPresetName"] = model_preset_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/model-presets".format(
            appkey=quote(str(appkey), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ModelPresetListResponse:
    if response.status_code == 200:
        response_200 = ModelPresetListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | ModelPresetListResponse]:
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
    exposure_scope_code: str | Unset = UNSET,
    model_preset_name: str | Unset = UNSET,
) -> Response[EmptyResponse | ModelPresetListResponse]:
    """
    Args:
        appkey (str):
        exposure_scope_code (str | Unset):
        model_preset_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ModelPresetListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        exposure_scope_code=exposure_scope_code,
        model_preset_name=model_preset_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    exposure_scope_code: str | Unset = UNSET,
    model_preset_name: str | Unset = UNSET,
) -> EmptyResponse | ModelPresetListResponse | None:
    """
    Args:
        appkey (str):
        exposure_scope_code (str | Unset):
        model_preset_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ModelPresetListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        exposure_scope_code=exposure_scope_code,
        model_preset_name=model_preset_name,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    exposure_scope_code: str | Unset = UNSET,
    model_preset_name: str | Unset = UNSET,
) -> Response[EmptyResponse | ModelPresetListResponse]:
    """
    Args:
        appkey (str):
        exposure_scope_code (str | Unset):
        model_preset_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ModelPresetListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        exposure_scope_code=exposure_scope_code,
        model_preset_name=model_preset_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    exposure_scope_code: str | Unset = UNSET,
    model_preset_name: str | Unset = UNSET,
) -> EmptyResponse | ModelPresetListResponse | None:
    """
    Args:
        appkey (str):
        exposure_scope_code (str | Unset):
        model_preset_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ModelPresetListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            exposure_scope_code=exposure_scope_code,
            model_preset_name=model_preset_name,
        )
    ).parsed
