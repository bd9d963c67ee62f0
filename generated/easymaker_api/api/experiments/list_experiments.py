from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.experiment_list_response import ExperimentListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    *,
    experiment_id_list: list[str] | Unset = UNSET,
    experiment_name_list: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("experimentIdList", experiment_id_list, {"items": {"maxLength": 36}}),
        ("experimentNameList", experiment_name_list, {"items": {"maxLength": 50}}),
    )

    params: dict[str, Any] = {}

    json_experiment_id_list: list[str] | Unset = UNSET
    if not isinstance(experiment_id_list, Unset):
        json_experiment_id_list = experiment_id_list

    params["experimentIdList"] = json_experiment_id_list

    json_experiment_name_list: list[str] | Unset = UNSET
    if not isinstance(experiment_name_list, Unset):
        json_experiment_name_list = experiment_name_list

    params["experimentNameList"] = json_experiment_name_list

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/experiments".format(
            appkey=quote(str(appkey), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ExperimentListResponse:
    if response.status_code == 200:
        response_200 = ExperimentListResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | ExperimentListResponse]:
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
    experiment_id_list: list[str] | Unset = UNSET,
    experiment_name_list: list[str] | Unset = UNSET,
) -> Response[EmptyResponse | ExperimentListResponse]:
    """
    Args:
        appkey (str):
        experiment_id_list (list[str] | Unset):
        experiment_name_list (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ExperimentListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        experiment_id_list=experiment_id_list,
        experiment_name_list=experiment_name_list,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id_list: list[str] | Unset = UNSET,
    experiment_name_list: list[str] | Unset = UNSET,
) -> EmptyResponse | ExperimentListResponse | None:
    """
    Args:
        appkey (str):
        experiment_id_list (list[str] | Unset):
        experiment_name_list (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ExperimentListResponse
    """

    return sync_detailed(
        appkey=appkey,
        client=client,
        experiment_id_list=experiment_id_list,
        experiment_name_list=experiment_name_list,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id_list: list[str] | Unset = UNSET,
    experiment_name_list: list[str] | Unset = UNSET,
) -> Response[EmptyResponse | ExperimentListResponse]:
    """
    Args:
        appkey (str):
        experiment_id_list (list[str] | Unset):
        experiment_name_list (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ExperimentListResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        experiment_id_list=experiment_id_list,
        experiment_name_list=experiment_name_list,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id_list: list[str] | Unset = UNSET,
    experiment_name_list: list[str] | Unset = UNSET,
) -> EmptyResponse | ExperimentListResponse | None:
    """
    Args:
        appkey (str):
        experiment_id_list (list[str] | Unset):
        experiment_name_list (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ExperimentListResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            client=client,
            experiment_id_list=experiment_id_list,
            experiment_name_list=experiment_name_list,
        )
    ).parsed
