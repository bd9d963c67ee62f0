"""Object Storage transfers wired to the SDK configuration (``easymaker.upload`` / ``download`` / ...).

The transfer engine is `easymaker.storage`; these wrappers choose where tokens come from:

* local profile (EasyMaker Local): the object store of the local server, with the local access token;
* ``EM_TOKEN`` and a group id configured (inside EasyMaker): the EasyMaker ``iaas-token`` call;
* otherwise: Keystone with the ``username`` / ``password`` arguments (the guide's form).

An explicit ``token_provider=`` or ``swift_endpoint=`` always wins.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from easymaker._client import Client, current_client, default_client
from easymaker._errors import APIResponseError

if TYPE_CHECKING:
    from easymaker.storage import TransferResult

LOCAL_TOKEN_LIFETIME = 24 * 3600.0  # seconds; the local token does not expire, it is re-read after this


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
    if config.local:
        import time

        token = config.access_token

        def local_token(tenant: str) -> tuple[str, Any]:
            assert token is not None
            return token, time.time() + LOCAL_TOKEN_LIFETIME

        return {"swift_endpoint": config.api_url, "token_provider": local_token}
    if config.easymaker_token and config.group_id:
        return {"token_provider": iaas_token_provider(configured)}
    return {}


def _storage_module() -> Any:
    import easymaker.storage as storage

    return storage


def ObjectStorage(  # noqa: N802 - a class-like factory with the 2.1.x name
    easymaker_region: str | None = None,
    username: str | None = None,
    password: str | None = None,
    environment_type: str | None = None,
    *,
    client: Client | None = None,
    **kwargs: Any,
) -> Any:
    """An `easymaker.storage.ObjectStorage` pointed at the configured service (see the module docstring)."""
    storage = _storage_module()
    options = storage_overrides(client)
    options.update({k: v for k, v in kwargs.items() if v is not None})
    return storage.ObjectStorage(easymaker_region, username, password, environment_type, **options)


def upload(
    easymaker_obs_uri: str,
    local_path: str | os.PathLike[str],
    username: str | None = None,
    password: str | None = None,
    *,
    easymaker_region: str | None = None,
    environment_type: str | None = None,
    max_workers: int | None = None,
    client: Client | None = None,
    **options: Any,
) -> TransferResult:
    """Upload a file or folder to ``easymaker_obs_uri`` (a folder-like URI)."""
    with ObjectStorage(
        easymaker_region, username, password, environment_type, client=client, max_workers=max_workers
    ) as store:
        return store.upload(easymaker_obs_uri, local_path, **options)  # type: ignore[no-any-return]


def download(
    easymaker_obs_uri: str,
    download_dir_path: str | os.PathLike[str],
    username: str | None = None,
    password: str | None = None,
    *,
    easymaker_region: str | None = None,
    environment_type: str | None = None,
    max_workers: int | None = None,
    client: Client | None = None,
    **options: Any,
) -> TransferResult:
    """Download the object or every object under the URI's prefix into ``download_dir_path``."""
    with ObjectStorage(
        easymaker_region, username, password, environment_type, client=client, max_workers=max_workers
    ) as store:
        return store.download(easymaker_obs_uri, download_dir_path, **options)  # type: ignore[no-any-return]


def delete(
    easymaker_obs_uri: str,
    username: str | None = None,
    password: str | None = None,
    *,
    easymaker_region: str | None = None,
    environment_type: str | None = None,
    max_workers: int | None = None,
    client: Client | None = None,
    **options: Any,
) -> list[str]:
    """Delete the object or every object under the URI's prefix; returns the deleted names."""
    with ObjectStorage(
        easymaker_region, username, password, environment_type, client=client, max_workers=max_workers
    ) as store:
        return store.delete(easymaker_obs_uri, **options)  # type: ignore[no-any-return]


def find_object_list(
    easymaker_obs_uri: str,
    username: str | None = None,
    password: str | None = None,
    *,
    easymaker_region: str | None = None,
    environment_type: str | None = None,
    client: Client | None = None,
    **options: Any,
) -> list[str]:
    """Object names designated by the URI."""
    with ObjectStorage(easymaker_region, username, password, environment_type, client=client) as store:
        return store.find_object_list(easymaker_obs_uri, **options)  # type: ignore[no-any-return]


def get_object_size(
    easymaker_obs_uri: str,
    username: str | None = None,
    password: str | None = None,
    *,
    easymaker_region: str | None = None,
    environment_type: str | None = None,
    client: Client | None = None,
) -> int:
    """Total size in bytes of the object or of every object under the prefix."""
    with ObjectStorage(easymaker_region, username, password, environment_type, client=client) as store:
        return int(store.get_object_size(easymaker_obs_uri))


__all__ = [
    "ObjectStorage",
    "delete",
    "download",
    "find_object_list",
    "get_object_size",
    "iaas_token_provider",
    "storage_overrides",
    "upload",
]
