from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.log_chunk_response import LogChunkResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appkey: str,
    resource_id: str,
    *,
    source: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    max_bytes: int | Unset = 1048576,
    wait_seconds: float | Unset = 0.0,
) -> dict[str, Any]:
    from ... import validation as _validation

    _validation.check_parameters(
        ("appkey", appkey, {"minLength": 1, "maxLength": 64}),
        ("resourceId", resource_id, {"minLength": 1, "maxLength": 64}),
        ("source", source, {"minLength": 1, "maxLength": 255}),
        ("offset", offset, {"minimum": 0}),
        ("maxBytes", max_bytes, {"minimum": 1, "maximum": 8388608}),
        ("waitSeconds", wait_seconds, {"minimum": 0, "maximum": 30}),
    )

    params: dict[str, Any] = {}

    params["source"] = source

    params["offset"] = offset

    params["maxBytes"] = max_bytes

    params["waitSeconds"] = wait_seconds

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.0/appkeys/{appkey}/logs/{resource_id}".format(
            appkey=quote(str(appkey), safe=""),
            resource_id=quote(str(resource_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | LogChunkResponse:
    if response.status_code == 200:
        response_200 = LogChunkResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | LogChunkResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    max_bytes: int | Unset = 1048576,
    wait_seconds: float | Unset = 0.0,
) -> Response[EmptyResponse | LogChunkResponse]:
    """The output of a job (training, tuning or one trial, batch inference, evaluation, pipeline run or one
    step, an endpoint stage's model worker), from a byte offset.

     EasyMaker Local only. The log is one text file per source, read from `offset` (a byte offset; every
    offset this
    operation returns is at the start of a line). Two forms:

    - `Accept: application/json` (default): the complete lines available from `offset` (at most
    `maxBytes`),
      waiting up to `waitSeconds` for the first new line when there is none yet. `nextOffset` is where
    to
      continue; `finished` is true once the job reached a final status and every line was read.
    - `Accept: text/event-stream`: Server-Sent Events that follow the log as it is written. Each line is
    one
      event: `id` = the byte offset after the line, `data` = the line. A stream that reconnects with the
      `Last-Event-ID` header (or `offset`) resumes after the last line it received: nothing is lost or
    repeated.
      The stream ends with an `end` event whose data is `{"statusCode": ..., "offset": ...}` once the
    job
      reached a final status (`statusCode` is that status). Comments (`: ping`) are sent every 15 s.

    A final status is the kind's terminal status; an endpoint stage's worker is followed until the stage
    is
    deleted or stopped.

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):
        offset (int | Unset):
        max_bytes (int | Unset):  Default: 1048576.
        wait_seconds (float | Unset):  Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | LogChunkResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        resource_id=resource_id,
        source=source,
        offset=offset,
        max_bytes=max_bytes,
        wait_seconds=wait_seconds,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    max_bytes: int | Unset = 1048576,
    wait_seconds: float | Unset = 0.0,
) -> EmptyResponse | LogChunkResponse | None:
    """The output of a job (training, tuning or one trial, batch inference, evaluation, pipeline run or one
    step, an endpoint stage's model worker), from a byte offset.

     EasyMaker Local only. The log is one text file per source, read from `offset` (a byte offset; every
    offset this
    operation returns is at the start of a line). Two forms:

    - `Accept: application/json` (default): the complete lines available from `offset` (at most
    `maxBytes`),
      waiting up to `waitSeconds` for the first new line when there is none yet. `nextOffset` is where
    to
      continue; `finished` is true once the job reached a final status and every line was read.
    - `Accept: text/event-stream`: Server-Sent Events that follow the log as it is written. Each line is
    one
      event: `id` = the byte offset after the line, `data` = the line. A stream that reconnects with the
      `Last-Event-ID` header (or `offset`) resumes after the last line it received: nothing is lost or
    repeated.
      The stream ends with an `end` event whose data is `{"statusCode": ..., "offset": ...}` once the
    job
      reached a final status (`statusCode` is that status). Comments (`: ping`) are sent every 15 s.

    A final status is the kind's terminal status; an endpoint stage's worker is followed until the stage
    is
    deleted or stopped.

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):
        offset (int | Unset):
        max_bytes (int | Unset):  Default: 1048576.
        wait_seconds (float | Unset):  Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | LogChunkResponse
    """

    return sync_detailed(
        appkey=appkey,
        resource_id=resource_id,
        client=client,
        source=source,
        offset=offset,
        max_bytes=max_bytes,
        wait_seconds=wait_seconds,
    ).parsed


async def asyncio_detailed(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    max_bytes: int | Unset = 1048576,
    wait_seconds: float | Unset = 0.0,
) -> Response[EmptyResponse | LogChunkResponse]:
    """The output of a job (training, tuning or one trial, batch inference, evaluation, pipeline run or one
    step, an endpoint stage's model worker), from a byte offset.

     EasyMaker Local only. The log is one text file per source, read from `offset` (a byte offset; every
    offset this
    operation returns is at the start of a line). Two forms:

    - `Accept: application/json` (default): the complete lines available from `offset` (at most
    `maxBytes`),
      waiting up to `waitSeconds` for the first new line when there is none yet. `nextOffset` is where
    to
      continue; `finished` is true once the job reached a final status and every line was read.
    - `Accept: text/event-stream`: Server-Sent Events that follow the log as it is written. Each line is
    one
      event: `id` = the byte offset after the line, `data` = the line. A stream that reconnects with the
      `Last-Event-ID` header (or `offset`) resumes after the last line it received: nothing is lost or
    repeated.
      The stream ends with an `end` event whose data is `{"statusCode": ..., "offset": ...}` once the
    job
      reached a final status (`statusCode` is that status). Comments (`: ping`) are sent every 15 s.

    A final status is the kind's terminal status; an endpoint stage's worker is followed until the stage
    is
    deleted or stopped.

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):
        offset (int | Unset):
        max_bytes (int | Unset):  Default: 1048576.
        wait_seconds (float | Unset):  Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | LogChunkResponse]
    """

    kwargs = _get_kwargs(
        appkey=appkey,
        resource_id=resource_id,
        source=source,
        offset=offset,
        max_bytes=max_bytes,
        wait_seconds=wait_seconds,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appkey: str,
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    max_bytes: int | Unset = 1048576,
    wait_seconds: float | Unset = 0.0,
) -> EmptyResponse | LogChunkResponse | None:
    """The output of a job (training, tuning or one trial, batch inference, evaluation, pipeline run or one
    step, an endpoint stage's model worker), from a byte offset.

     EasyMaker Local only. The log is one text file per source, read from `offset` (a byte offset; every
    offset this
    operation returns is at the start of a line). Two forms:

    - `Accept: application/json` (default): the complete lines available from `offset` (at most
    `maxBytes`),
      waiting up to `waitSeconds` for the first new line when there is none yet. `nextOffset` is where
    to
      continue; `finished` is true once the job reached a final status and every line was read.
    - `Accept: text/event-stream`: Server-Sent Events that follow the log as it is written. Each line is
    one
      event: `id` = the byte offset after the line, `data` = the line. A stream that reconnects with the
      `Last-Event-ID` header (or `offset`) resumes after the last line it received: nothing is lost or
    repeated.
      The stream ends with an `end` event whose data is `{"statusCode": ..., "offset": ...}` once the
    job
      reached a final status (`statusCode` is that status). Comments (`: ping`) are sent every 15 s.

    A final status is the kind's terminal status; an endpoint stage's worker is followed until the stage
    is
    deleted or stopped.

    Args:
        appkey (str):
        resource_id (str):
        source (str | Unset):
        offset (int | Unset):
        max_bytes (int | Unset):  Default: 1048576.
        wait_seconds (float | Unset):  Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | LogChunkResponse
    """

    return (
        await asyncio_detailed(
            appkey=appkey,
            resource_id=resource_id,
            client=client,
            source=source,
            offset=offset,
            max_bytes=max_bytes,
            wait_seconds=wait_seconds,
        )
    ).parsed
