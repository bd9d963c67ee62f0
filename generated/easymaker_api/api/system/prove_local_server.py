from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.server_proof_request import ServerProofRequest
from ...models.server_proof_response import ServerProofResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ServerProofRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/local/v1.0/server-proof",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ServerProofResponse:
    if response.status_code == 200:
        response_200 = ServerProofResponse.from_dict(response.json())

        return response_200

    response_default = EmptyResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyResponse | ServerProofResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServerProofRequest,
) -> Response[EmptyResponse | ServerProofResponse]:
    """EasyMaker Local only. Proves that the server holds the client's access token without revealing it.

     The client sends a fresh random nonce before it sends its access token anywhere; the server answers
    `proof` = lower-case hex of HMAC-SHA256 with the access token as key over the UTF-8 bytes of
    `easymaker-local-proof/v1:<port>:<nonce>`, where `<port>` is the TCP port the request arrived on. A
    client
    that computes the same value knows the server holds its token (a process of another user listening
    on
    the port cannot answer). No token is needed; the answer reveals nothing about the token.

    Args:
        body (ServerProofRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ServerProofResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ServerProofRequest,
) -> EmptyResponse | ServerProofResponse | None:
    """EasyMaker Local only. Proves that the server holds the client's access token without revealing it.

     The client sends a fresh random nonce before it sends its access token anywhere; the server answers
    `proof` = lower-case hex of HMAC-SHA256 with the access token as key over the UTF-8 bytes of
    `easymaker-local-proof/v1:<port>:<nonce>`, where `<port>` is the TCP port the request arrived on. A
    client
    that computes the same value knows the server holds its token (a process of another user listening
    on
    the port cannot answer). No token is needed; the answer reveals nothing about the token.

    Args:
        body (ServerProofRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ServerProofResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServerProofRequest,
) -> Response[EmptyResponse | ServerProofResponse]:
    """EasyMaker Local only. Proves that the server holds the client's access token without revealing it.

     The client sends a fresh random nonce before it sends its access token anywhere; the server answers
    `proof` = lower-case hex of HMAC-SHA256 with the access token as key over the UTF-8 bytes of
    `easymaker-local-proof/v1:<port>:<nonce>`, where `<port>` is the TCP port the request arrived on. A
    client
    that computes the same value knows the server holds its token (a process of another user listening
    on
    the port cannot answer). No token is needed; the answer reveals nothing about the token.

    Args:
        body (ServerProofRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ServerProofResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServerProofRequest,
) -> EmptyResponse | ServerProofResponse | None:
    """EasyMaker Local only. Proves that the server holds the client's access token without revealing it.

     The client sends a fresh random nonce before it sends its access token anywhere; the server answers
    `proof` = lower-case hex of HMAC-SHA256 with the access token as key over the UTF-8 bytes of
    `easymaker-local-proof/v1:<port>:<nonce>`, where `<port>` is the TCP port the request arrived on. A
    client
    that computes the same value knows the server holds its token (a process of another user listening
    on
    the port cannot answer). No token is needed; the answer reveals nothing about the token.

    Args:
        body (ServerProofRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ServerProofResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
