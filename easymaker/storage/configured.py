"""Where Object Storage tokens come from when no credentials are given: the SDK configuration.

``ObjectStorage`` (`easymaker.storage.client`) built without credentials, token provider or endpoint asks
`storage_overrides` here, which chooses:

* local profile (EasyMaker Local): the object store of the local server, with tokens its Keystone endpoint issues
  for the local access token (scoped to one tenant, expiring), once the server has proved it holds that token;
* ``EM_TOKEN`` and a group id configured (inside EasyMaker): the EasyMaker ``iaas-token`` call;
* otherwise: Keystone with the ``username`` / ``password`` arguments (the guide's form).

An explicit ``token_provider=`` or ``swift_endpoint=`` always wins.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from easymaker._client import Client, current_client, default_client
from easymaker._errors import APIResponseError


def _configured_client(client: Client | None) -> Client | None:
    if client is not None:
        return client
    existing = current_client()
    if existing is not None:
        return existing
    if (os.environ.get("EM_PROFILE") or "").lower() == "local" or os.environ.get("EM_TOKEN"):
        return default_client()
    return None


def iaas_token_provider(client: Client) -> Callable[[str], tuple[str, Any]]:
    """A token provider calling the EasyMaker ``iaas-token`` operation (needs ``EM_TOKEN`` and a group id)."""

    def provide(tenant: str) -> tuple[str, Any]:
        from easymaker_api.api.token import get_iaas_token
        from easymaker_api.models.iaas_token_response import IaasTokenResponse

        group_id = client.config.group_id
        assert group_id is not None
        response = get_iaas_token.sync_detailed(client.appkey, group_id, client=client.api)
        parsed = client.payload(response, IaasTokenResponse)
        access = parsed.to_dict().get("access") or {}
        token = (access.get("token") or {}) if isinstance(access, dict) else {}
        if not token.get("id") or not token.get("expires"):
            raise APIResponseError("the iaas-token response has no access.token")
        return str(token["id"]), str(token["expires"])

    return provide


def storage_overrides(client: Client | None = None) -> dict[str, Any]:
    """``token_provider`` / ``swift_endpoint`` for the configured client (empty: Keystone username/password)."""
    configured = _configured_client(client)
    if configured is None:
        return {}
    config = configured.config
    if config.local and config.access_token:
        from easymaker.storage.tokens import KeystoneTokenProvider

        # a token for each tenant from the server's Keystone endpoint with the access token (the example's username
        # and password are not used locally), once the server has proved it holds that token
        keystone = KeystoneTokenProvider(
            f"{config.api_url}/v2.0/tokens",
            None,
            None,
            token=config.access_token,
            timeout=config.read_timeout,
            transport=configured.transport,
        )

        def local_token(tenant: str) -> tuple[str, Any]:
            configured.verify_local()
            return keystone(tenant)

        return {"swift_endpoint": config.api_url, "token_provider": local_token}
    if config.easymaker_token and config.group_id:
        return {"token_provider": iaas_token_provider(configured)}
    return {}


__all__ = ["iaas_token_provider", "storage_overrides"]
