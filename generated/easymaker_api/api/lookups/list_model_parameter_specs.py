from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.model_parameter_spec_list_response import ModelParameterSpecListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    *,
    model_preset_id: str | Unset = UNSET,
    parameter_type_code: str | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("modelPresetId", model_preset_id, {"maxLength": 36}),
        ("parameterTypeCode", parameter_type_code, {"maxLength": 64}),
    )

    params: dict[str, Any] = {}

    params["modelPresetId"] = model_preset_id

    params["parameterTypeCode"] = parameter_type_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/model-presets/parameter-specs".format(
            appkey=quote(str(appkey), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ModelParameterSpecListResponse:
    if response.status_code == 200:
        response_200 = ModelParameterSpecListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | ModelParameterSpecListResponse]:
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
    model_preset_id: str | Unset = UNSET,
    parameter_type_code: str | Unset = UNSET,
) -> Response[EmptyResponse | ModelParameterSpecListResponse]:
    """
    Args:
        appkey (str):
        model_preset_id (str | Unset):
        parameter_type_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ModelParameterSpecListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        model_preset_id=model_preset_id,
        parameter_type_code=parameter_type_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    model_preset_id: str | Unset = UNSET,
    parameter_type_code: str | Unset = UNSET,
) -> EmptyResponse | ModelParameterSpecListResponse | None:
    """
    Args:
        appkey (str):
        model_preset_id (str | Unset):
        parameter_type_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ModelParameterSpecListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        model_preset_id=model_preset_id,
        parameter_type_code=parameter_type_code,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    model_preset_id: str | Unset = UNSET,
    parameter_type_code: str | Unset = UNSET,
) -> Response[EmptyResponse | ModelParameterSpecListResponse]:
    """
    Args:
        appkey (str):
        model_preset_id (str | Unset):
        parameter_type_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ModelParameterSpecListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        model_preset_id=model_preset_id,
        parameter_type_code=parameter_type_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    model_preset_id: str | Unset = UNSET,
    parameter_type_code: str | Unset = UNSET,
) -> EmptyResponse | ModelParameterSpecListResponse | None:
    """
    Args:
        appkey (str):
        model_preset_id (str | Unset):
        parameter_type_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ModelParameterSpecListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            model_preset_id=model_preset_id,
            parameter_type_code=parameter_type_code,
        )
    ).parsed
