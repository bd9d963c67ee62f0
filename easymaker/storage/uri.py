"""Parsing of ``obs://`` (NHN Cloud Object Storage, Swift) and ``nas://`` URIs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from easymaker.storage.errors import StorageUriError

_OBS = re.compile(
    r"^obs://(?P<host>[^/]+)/(?P<version>[^/]+)/AUTH_(?P<tenant>[^/]+)/(?P<container>[^/]+)(?:/(?P<prefix>.*))?$", re.S
)
_NAS = re.compile(r"^nas://(?P<nas_id>[^/:]+):(?P<path>/.*)?$", re.S)


def quote_name(name: str) -> str:
    """URL-encode an object name for a Swift path (``/`` kept; ``.``/``..`` segments escaped so that no HTTP
    library resolves them)."""
    return "/".join("%2E" * len(p) if p in (".", "..") else quote(p, safe="") for p in name.split("/"))


@dataclass(frozen=True)
class ObsUri:
    """``obs://{host}/{version}/AUTH_{tenant}/{container}[/{prefix}]``."""

    host: str
    version: str
    tenant: str
    container: str
    prefix: str

    @property
    def uri(self) -> str:
        return f"obs://{self.host}/{self.version}/AUTH_{self.tenant}/{self.container}/{self.prefix}"

    def account_path(self) -> str:
        return f"/{self.version}/AUTH_{quote(self.tenant, safe='')}"

    def container_url(self, endpoint: str) -> str:
        """``endpoint`` is ``https://host`` or an override such as ``http://127.0.0.1:PORT``."""
        return f"{endpoint.rstrip('/')}{self.account_path()}/{quote(self.container, safe='')}"

    def object_url(self, endpoint: str, name: str) -> str:
        return f"{self.container_url(endpoint)}/{quote_name(name)}"

    def join(self, name: str) -> ObsUri:
        return ObsUri(self.host, self.version, self.tenant, self.container, name)


@dataclass(frozen=True)
class NasUri:
    """``nas://{nas_id}:/{path}``."""

    nas_id: str
    path: str  # relative, no leading '/'

    @property
    def uri(self) -> str:
        return f"nas://{self.nas_id}:/{self.path}"


def parse_obs_uri(uri: str) -> ObsUri:
    """Split an ``obs://`` URI; raises ``StorageUriError`` naming what is wrong."""
    if not isinstance(uri, str):
        raise StorageUriError(f"easymaker_obs_uri must be a string, got {type(uri).__name__}")
    if not uri.startswith("obs://"):
        raise StorageUriError(
            f"Invalid obs:// URI {uri!r}: expected obs://{{host}}/v1/AUTH_{{tenant_id}}/{{container}}[/{{path}}]"
        )
    m = _OBS.match(uri)
    if m is None:
        rest = uri[len("obs://") :]
        if "/AUTH_" not in rest:
            why = "missing the /AUTH_{tenant_id} segment"
        else:
            why = "missing the container after AUTH_{tenant_id}"
        raise StorageUriError(
            f"Invalid obs:// URI {uri!r}: {why} (expected obs://{{host}}/v1/AUTH_{{tenant_id}}/{{container}}[/{{path}}])"
        )
    return ObsUri(m["host"], m["version"], m["tenant"], m["container"], m["prefix"] or "")


def parse_nas_uri(uri: str) -> NasUri:
    """Split a ``nas://{nas_id}:/{path}`` URI; refuses ``..`` segments."""
    m = _NAS.match(uri) if isinstance(uri, str) else None
    if m is None:
        raise StorageUriError(f"Invalid nas:// URI {uri!r}: expected nas://{{nas_id}}:/{{path}}")
    nas_id = m["nas_id"]
    if nas_id in (".", ".."):
        raise StorageUriError(f"Invalid nas:// URI {uri!r}: bad NAS id {nas_id!r}")
    parts = [p for p in (m["path"] or "/").split("/") if p not in ("", ".")]
    if ".." in parts or any("\\" in p or "\x00" in p for p in parts):
        raise StorageUriError(f"Invalid nas:// URI {uri!r}: '..', backslashes and NUL are not allowed in the path")
    return NasUri(nas_id, "/".join(parts))


def parse_storage_uri(uri: str) -> ObsUri | NasUri:
    """``ObsUri`` or ``NasUri`` by scheme; anything else raises ``StorageUriError``."""
    if isinstance(uri, str) and uri.startswith("nas://"):
        return parse_nas_uri(uri)
    if isinstance(uri, str) and uri.startswith("obs://"):
        return parse_obs_uri(uri)
    raise StorageUriError(f"Invalid storage URI {uri!r}: expected an obs:// or nas:// URI")


def safe_relative_parts(rel: str) -> list[str]:
    """Split a relative object path for writing below a folder; raise ``UnsafeObjectNameError`` if it could
    escape it (``..`` or ``.`` segments, absolute, backslashes, drive letters, NUL, empty segments)."""
    from easymaker.storage.errors import UnsafeObjectNameError

    if not rel:
        raise UnsafeObjectNameError("empty relative name")
    if rel.startswith("/"):
        raise UnsafeObjectNameError(f"object name {rel!r} is absolute")
    if "\\" in rel or "\x00" in rel:
        raise UnsafeObjectNameError(f"object name {rel!r} contains a backslash or NUL")
    parts = rel.split("/")
    for p in parts:
        if p in ("", ".", ".."):
            raise UnsafeObjectNameError(f"object name {rel!r} has an empty, '.' or '..' path segment")
        if len(p) >= 2 and p[1] == ":" and p[0].isalpha():
            raise UnsafeObjectNameError(f"object name {rel!r} looks like a drive path")
    return parts
