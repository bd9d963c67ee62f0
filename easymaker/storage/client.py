"""``ObjectStorage`` and the module-level helpers ``upload``/``download``/``delete``/``find_object_list``/
``get_object_size``/``parse_obs_uri`` for ``obs://`` (NHN Cloud Object Storage) and ``nas://`` URIs.

This module is also importable as the 2.1.x module ``easymaker.storage.objectstorage`` (the same module object): the
helpers take their positional arguments in the
2.1.5 order (``upload(uri, local_path, easymaker_region, username, password, environment_type)``), and an
``ObjectStorage`` built without credentials, token provider or endpoint uses the SDK's configuration (EasyMaker Local
with ``init(profile="local")``, the ``iaas-token`` call inside EasyMaker).
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from easymaker.storage.direct import DirectGetPool
from easymaker.storage.errors import NasUnavailableError, StorageAuthError, StorageError, TransferError
from easymaker.storage.tokens import KeystoneTokenProvider, TokenCache, TokenProvider, identity_url_for
from easymaker.storage.transfer import (
    CHUNK,
    DEFAULT_MAX_WORKERS,
    DEFAULT_SEGMENT_SIZE,
    DEFAULT_SEGMENT_THRESHOLD,
    LISTING_LIMIT,
    SwiftTransfer,
    TransferResult,
)
from easymaker.storage.uri import NasUri, ObsUri, parse_storage_uri, safe_relative_parts
from easymaker.storage.uri import parse_obs_uri as parse_obs

logger = logging.getLogger("easymaker.storage")

SwiftEndpoint = str | Callable[[str], str]
NasRoot = str | os.PathLike[str] | Callable[[str], Path]

TIMEOUT = httpx.Timeout(connect=10.0, read=120.0, write=120.0, pool=600.0)

_defaults: dict[str, Any] = {}
_defaults_lock = threading.Lock()


def configure_defaults(
    *,
    identity_url: str | None = None,
    token_provider: TokenProvider | None = None,
    swift_endpoint: SwiftEndpoint | None = None,
    nas_root: NasRoot | None = None,
) -> None:
    """Defaults for ``ObjectStorage`` objects built without these arguments (the SDK's configuration sets them,
    e.g. for EasyMaker Local). ``None`` clears a default."""
    with _defaults_lock:
        for key, value in (
            ("identity_url", identity_url),
            ("token_provider", token_provider),
            ("swift_endpoint", swift_endpoint),
            ("nas_root", nas_root),
        ):
            if value is None:
                _defaults.pop(key, None)
            else:
                _defaults[key] = value


def _check_workers(max_workers: int | None) -> int:
    if max_workers is None:
        return DEFAULT_MAX_WORKERS
    if not isinstance(max_workers, int) or max_workers < 1 or max_workers > 256:
        raise ValueError(f"max_workers must be an integer between 1 and 256, got {max_workers!r}")
    return max_workers


def _extensions(file_extensions: list[str] | str | None, file_extension: str | None) -> list[str] | None:
    """``file_extensions`` (2.1.5, a list; a single string is accepted) merged with 2.1.0's ``file_extension``."""
    merged = [file_extensions] if isinstance(file_extensions, str) else list(file_extensions or [])
    if file_extension:
        merged.append(file_extension)
    return merged or None


class ObjectStorage:
    """A connection to NHN Cloud Object Storage (OpenStack Swift) with a token cache and one keep-alive client.

    Tokens come from ``token_provider`` (called with the tenant id, returns ``(token, expires)``) or from Keystone v2
    with ``username``/``password`` at ``identity_url`` (default: ``EM_IDENTITY_URL``, else the public or gov
    identity service). ``swift_endpoint`` replaces ``https://{host}`` of ``obs://`` URIs (a base URL such as
    ``http://127.0.0.1:PORT``, or a callable host -> base URL); default ``EM_SWIFT_ENDPOINT`` if set.
    ``nas_root`` maps ``nas://{id}:/{path}`` to ``{nas_root}/{id}/{path}`` (or ``nas_root(id)/{path}``).
    ``bulk`` (default True) sends many small files as tar archives the server extracts (Swift's
    ``?extract-archive=tar``), verified against a listing; servers without it get one PUT per file.
    Without ``token_provider``, ``swift_endpoint`` and ``identity_url``, the SDK's configuration (or ``client``)
    supplies them when it is EasyMaker Local or runs inside EasyMaker (the ``iaas-token`` call); otherwise
    ``username``/``password`` are used.
    """

    # the 2.1.x names of the transfer limits, with this SDK's values
    MULTIPART_UPLOAD_FILE_SIZE_THRESHOLD = DEFAULT_SEGMENT_THRESHOLD  # files larger than this go in segments
    MULTIPART_UPLOAD_CHUNK_SIZE = DEFAULT_SEGMENT_SIZE  # bytes per segment
    DOWNLOAD_CHUNK_SIZE = CHUNK  # bytes per read of a large object
    MAX_OBJECT_LIST_COUNT = LISTING_LIMIT  # objects per listing page
    DUPLICATE_CHECK_FILE_SIZE = 0  # every file's MD5 is compared with the stored ETag (2.1.x: files up to 100 MB)

    def __init__(
        self,
        easymaker_region: str | None = None,
        username: str | None = None,
        password: str | None = None,
        environment_type: str | None = None,
        *,
        identity_url: str | None = None,
        token_provider: TokenProvider | None = None,
        http_client: httpx.Client | None = None,
        swift_endpoint: SwiftEndpoint | None = None,
        nas_root: NasRoot | None = None,
        max_workers: int | None = None,
        bulk: bool = True,
        client: Any = None,
    ) -> None:
        explicit = token_provider or swift_endpoint or identity_url or _defaults.get("token_provider")
        if not (explicit or os.environ.get("EM_SWIFT_ENDPOINT") or os.environ.get("EM_IDENTITY_URL")):
            from easymaker.storage.configured import storage_overrides

            configured = storage_overrides(client)
            token_provider = configured.get("token_provider")
            swift_endpoint = configured.get("swift_endpoint")
        self.region = easymaker_region or os.environ.get("EM_REGION") or "kr1"
        self.environment_type = environment_type
        self.max_workers = _check_workers(max_workers)
        self.bulk = bool(bulk)
        token_provider = token_provider or _defaults.get("token_provider")
        self._username = username
        self._password = password
        self._identity_url = identity_url or _defaults.get("identity_url")
        self._provider = token_provider
        self.tokens = TokenCache(self._provide)
        self.swift_endpoint = swift_endpoint or _defaults.get("swift_endpoint") or os.environ.get("EM_SWIFT_ENDPOINT")
        self.nas_root = nas_root if nas_root is not None else _defaults.get("nas_root")
        self._own_client = http_client is None
        # object GET bodies go through lean http.client connections (same timeouts, TLS context and User-Agent)
        # when this object owns its client; a caller's client (custom transport, auth...) is used for everything
        self.direct: DirectGetPool | None = None
        if http_client is None:
            pool = self.max_workers * 2 + 4
            tls = httpx.create_ssl_context()
            http_client = httpx.Client(
                timeout=TIMEOUT,
                limits=httpx.Limits(max_connections=pool, max_keepalive_connections=pool, keepalive_expiry=30),
                follow_redirects=False,
                verify=tls,
            )
            self.direct = DirectGetPool.for_client(http_client, tls, max_idle=pool)
        self.client = http_client

    # -- plumbing -------------------------------------------------------------------------------------------
    def _provide(self, tenant: str) -> tuple[str, Any]:
        if self._provider is None:
            if not self._username or not self._password:
                raise StorageAuthError(
                    "Invalid object storage username/password: pass username= and password= (NHN Cloud Object "
                    "Storage API password) or configure a token provider"
                )
            url = identity_url_for(self.environment_type, self._identity_url)
            self._provider = KeystoneTokenProvider(url, self._username, self._password)
        return self._provider(tenant)

    def endpoint_for(self, uri: ObsUri) -> str:
        ep = self.swift_endpoint
        if ep is None:
            return f"https://{uri.host}"
        return ep(uri.host) if callable(ep) else str(ep)

    def _engine(self, max_workers: int | None, bulk: bool | None = None) -> SwiftTransfer:
        return SwiftTransfer(
            self.client,
            self.tokens,
            self.endpoint_for,
            max_workers=_check_workers(max_workers or self.max_workers),
            bulk=self.bulk if bulk is None else bool(bulk),
            direct=self.direct,
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self.direct is not None:
            self.direct.close()

    def __enter__(self) -> ObjectStorage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _nas_dir(self, nas: NasUri) -> Path:
        root = self.nas_root
        if root is None:
            raise NasUnavailableError(
                f"{nas.uri}: nas:// URIs are only reachable from inside EasyMaker (a training, a notebook...) or "
                "when a local NAS folder is configured"
            )
        base = root(nas.nas_id) if callable(root) else Path(os.fspath(root)) / nas.nas_id
        return Path(base).joinpath(*nas.path.split("/")) if nas.path else Path(base)

    # -- operations -----------------------------------------------------------------------------------------
    def upload(
        self,
        easymaker_obs_uri: str,
        local_path: str | os.PathLike[str],
        *,
        max_workers: int | None = None,
        file_extensions: list[str] | None = None,
        filter_func: Callable[[str], bool] | None = None,
        show_progress: bool = True,
        segment_size: int = DEFAULT_SEGMENT_SIZE,
        segment_threshold: int = DEFAULT_SEGMENT_THRESHOLD,
        skip_unchanged: bool = True,
        bulk: bool | None = None,
    ) -> TransferResult:
        """Upload a file (to ``{uri}/{basename}``) or a folder tree (to ``{uri}/{relative path}``).

        ``filter_func`` receives each local file path (str). ``bulk`` overrides the object's setting for this call
        (True: small files in extracted archives; False: one PUT per file). Raises ``TransferError`` listing every
        failed file."""
        target = parse_storage_uri(easymaker_obs_uri)
        if isinstance(target, NasUri):
            return _copy_into(Path(local_path), self._nas_dir(target), file_extensions, filter_func)
        return self._engine(max_workers, bulk).upload(
            target,
            Path(local_path),
            file_extensions=file_extensions,
            filter_func=filter_func,
            show_progress=show_progress,
            segment_size=segment_size,
            segment_threshold=segment_threshold,
            skip_unchanged=skip_unchanged,
        )

    def download(
        self,
        easymaker_obs_uri: str,
        download_dir_path: str | os.PathLike[str],
        max_workers: int | None = None,
        file_extensions: list[str] | None = None,
        filter_func: Callable[[dict[str, Any]], bool] | None = None,
        show_progress: bool = True,
    ) -> TransferResult:
        """Download the object (to ``{dir}/{basename}``) or every object under the prefix (to ``{dir}/{rest}``).

        ``filter_func`` receives each object's listing entry (``name``, ``bytes``, ``hash``, ``content_type``,
        ``last_modified``). Raises ``TransferError`` listing every failed or refused file."""
        source = parse_storage_uri(easymaker_obs_uri)
        if isinstance(source, NasUri):
            folder = self._nas_dir(source)
            if not folder.exists():
                raise FileNotFoundError(f"{source.uri}: {folder} does not exist")

            def nas_filter(p: str) -> bool:
                return filter_func is None or filter_func({"name": p, "bytes": os.path.getsize(p)})

            return _copy_into(folder, Path(download_dir_path), file_extensions, nas_filter)
        return self._engine(max_workers).download(
            source,
            Path(download_dir_path),
            file_extensions=file_extensions,
            filter_func=filter_func,
            show_progress=show_progress,
        )

    def delete(
        self,
        easymaker_obs_uri: str,
        file_extensions: list[str] | None = None,
        max_workers: int | None = None,
        *,
        show_progress: bool = True,
        file_extension: str | None = None,
    ) -> list[str]:
        """Delete the object or every object under the prefix (segments of large objects included)."""
        return self._engine(max_workers).delete(
            parse_obs(easymaker_obs_uri),
            file_extensions=_extensions(file_extensions, file_extension),
            show_progress=show_progress,
        )

    def find_object_list(
        self, easymaker_obs_uri: str, file_extensions: list[str] | None = None, *, file_extension: str | None = None
    ) -> list[str]:
        """Names of the objects the URI designates (all pages; prefix boundaries respected)."""
        uri = parse_obs(easymaker_obs_uri)
        objects, _ = self._engine(None).select(uri)
        names = [o.name for o in objects]
        exts = _extensions(file_extensions, file_extension)
        if exts:
            lowered = [e.lower() for e in exts]
            names = [n for n in names if any(n.lower().endswith(e) for e in lowered)]
        return names

    def get_object_size(self, easymaker_obs_uri: str) -> int:
        """Total bytes of the object or of every object under the prefix."""
        return self._engine(None).total_size(parse_obs(easymaker_obs_uri))


def _copy_into(
    src: Path,
    dest_dir: Path,
    file_extensions: list[str] | None,
    filter_func: Callable[[str], bool] | None,
) -> TransferResult:
    """Copy a file (to ``dest_dir/basename``) or a tree into ``dest_dir``, each file via temp + rename; files with
    the same size and mtime are skipped."""
    if not src.exists():
        raise FileNotFoundError(f"{src} does not exist")
    if src.is_file():
        pairs = [(src, src.name)]
    else:
        pairs = [(p, p.relative_to(src).as_posix()) for p in sorted(src.rglob("*")) if p.is_file()]
    exts = [e.lower() for e in file_extensions] if file_extensions else None
    result = TransferResult()
    for p, rel in pairs:
        if exts and not any(rel.lower().endswith(e) for e in exts):
            continue
        if filter_func is not None and not filter_func(str(p)):
            continue
        try:
            target = dest_dir.joinpath(*safe_relative_parts(rel))
            st = p.stat()
            if target.is_file():
                tst = target.stat()
                if tst.st_size == st.st_size and int(tst.st_mtime) == int(st.st_mtime):
                    result.skipped.append(str(target))
                    result.bytes_skipped += st.st_size
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.parent / f".{uuid.uuid4().hex}.emcopy"
            try:
                shutil.copy2(p, tmp)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
            result.transferred.append(str(target))
            result.bytes_transferred += st.st_size
        except (OSError, StorageError) as exc:
            result.failures.append((rel, str(exc)))
    if result.failures:
        raise TransferError(result.failures, result)
    return result


# -- module-level helpers (the SDK re-exports these; positional order of 2.1.5) ---------------------------------


def parse_obs_uri(easymaker_obs_uri: str) -> tuple[str, str, str, str, str, str]:
    """The 2.1.x split of an ``obs://`` URI: ``(https URL, host, container URL, tenant id, container, object
    prefix)``. Raises `StorageUriError` (an `EasyMakerError`) naming what is wrong; `easymaker.storage.parse_obs_uri`
    gives the parts as an ``ObsUri``."""
    uri = parse_obs(easymaker_obs_uri)
    container_url = f"https://{uri.host}/{uri.version}/AUTH_{uri.tenant}/{uri.container}"
    full_url = "https://" + easymaker_obs_uri[len("obs://") :]
    return full_url, uri.host, container_url, uri.tenant, uri.container, uri.prefix


def upload(
    easymaker_obs_uri: str,
    local_path: str | os.PathLike[str],
    easymaker_region: str | None = None,
    username: str | None = None,
    password: str | None = None,
    environment_type: str | None = None,
    *,
    max_workers: int | None = None,
    file_extensions: list[str] | None = None,
    filter_func: Callable[[str], bool] | None = None,
    show_progress: bool = True,
    segment_size: int = DEFAULT_SEGMENT_SIZE,
    segment_threshold: int = DEFAULT_SEGMENT_THRESHOLD,
    skip_unchanged: bool = True,
    bulk: bool = True,
    client: Any = None,
) -> TransferResult:
    """Upload a local file or folder to an ``obs://`` (or ``nas://``) URI. See ``ObjectStorage.upload``."""
    with ObjectStorage(
        easymaker_region, username, password, environment_type, max_workers=max_workers, bulk=bulk, client=client
    ) as store:
        return store.upload(
            easymaker_obs_uri,
            local_path,
            file_extensions=file_extensions,
            filter_func=filter_func,
            show_progress=show_progress,
            segment_size=segment_size,
            segment_threshold=segment_threshold,
            skip_unchanged=skip_unchanged,
        )


def download(
    easymaker_obs_uri: str,
    download_dir_path: str | os.PathLike[str],
    easymaker_region: str | None = None,
    username: str | None = None,
    password: str | None = None,
    max_workers: int | None = None,
    file_extensions: list[str] | None = None,
    filter_func: Callable[[dict[str, Any]], bool] | None = None,
    show_progress: bool = True,
    environment_type: str | None = None,
    *,
    client: Any = None,
) -> TransferResult:
    """Download an ``obs://`` (or ``nas://``) object or prefix into a folder. See ``ObjectStorage.download``."""
    with ObjectStorage(
        easymaker_region, username, password, environment_type, max_workers=max_workers, client=client
    ) as store:
        return store.download(
            easymaker_obs_uri,
            download_dir_path,
            file_extensions=file_extensions,
            filter_func=filter_func,
            show_progress=show_progress,
        )


def delete(
    easymaker_obs_uri: str,
    file_extensions: list[str] | None = None,
    easymaker_region: str | None = None,
    username: str | None = None,
    password: str | None = None,
    max_workers: int | None = None,
    environment_type: str | None = None,
    *,
    show_progress: bool = True,
    file_extension: str | None = None,
    client: Any = None,
) -> list[str]:
    """Delete an object or every object under a prefix (segments of large objects included); returns the deleted
    names."""
    with ObjectStorage(
        easymaker_region, username, password, environment_type, max_workers=max_workers, client=client
    ) as store:
        return store.delete(
            easymaker_obs_uri, _extensions(file_extensions, file_extension), show_progress=show_progress
        )


def find_object_list(
    easymaker_obs_uri: str,
    file_extensions: list[str] | None = None,
    easymaker_region: str | None = None,
    username: str | None = None,
    password: str | None = None,
    environment_type: str | None = None,
    *,
    file_extension: str | None = None,
    client: Any = None,
) -> list[str]:
    """Object names designated by the URI (exact object, or everything under ``prefix/``; all pages)."""
    with ObjectStorage(easymaker_region, username, password, environment_type, client=client) as store:
        return store.find_object_list(easymaker_obs_uri, _extensions(file_extensions, file_extension))


def get_object_size(
    easymaker_obs_uri: str,
    easymaker_region: str | None = None,
    username: str | None = None,
    password: str | None = None,
    environment_type: str | None = None,
    *,
    client: Any = None,
) -> int:
    """Total size in bytes of the object or of every object under the prefix."""
    with ObjectStorage(easymaker_region, username, password, environment_type, client=client) as store:
        return store.get_object_size(easymaker_obs_uri)
