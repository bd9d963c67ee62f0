"""Configuration: explicit values first, then ``EM_*`` environment variables, then defaults.

Nothing here writes to ``os.environ`` or touches the network. Base-URL rules (checked in this order):

1. ``api_url`` argument or ``EM_API_URL`` (trailing ``/`` stripped);
2. profile ``local`` (any case): ``EM_LOCAL_URL`` or ``http://127.0.0.1:10090``;
3. another profile except ``real``: ``https://{region}-easymaker-{profile}.api.{domain}``;
4. otherwise ``https://{region}-easymaker.api.{domain}``;

with ``{domain}`` ``nhncloudservice.com`` (environment type ``public``, the default) or ``gov-nhncloudservice.com``
(``gov``), and region and profile lower-cased.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from easymaker._errors import ConfigurationError

DEFAULT_REGION = "kr1"
DEFAULT_LOCAL_URL = "http://127.0.0.1:10090"
LOCAL_APPKEY = "local"
DOMAINS = {"public": "nhncloudservice.com", "gov": "gov-nhncloudservice.com"}
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 3

SECRET_FIELDS = ("access_token", "easymaker_token")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def normalize_profile(profile: str | None) -> str | None:
    """Lower-cased profile; ``None`` for no profile or ``real`` (the production service)."""
    value = _clean(profile)
    if value is None:
        return None
    value = value.lower()
    return None if value == "real" else value


def base_url_for(
    *,
    region: str | None = None,
    profile: str | None = None,
    environment_type: str | None = None,
    api_url: str | None = None,
    local_url: str | None = None,
) -> str:
    """The EasyMaker API base URL for these settings (pure: no environment lookup)."""
    explicit = _clean(api_url)
    if explicit:
        return explicit.rstrip("/")
    prof = normalize_profile(profile)
    if prof == "local":
        return (_clean(local_url) or DEFAULT_LOCAL_URL).rstrip("/")
    kind = (_clean(environment_type) or "public").lower()
    if kind not in DOMAINS:
        raise ConfigurationError(
            f"environment_type must be one of {sorted(DOMAINS)} (any case), got {environment_type!r}; "
            "set it with easymaker.init(environment_type=...) or EM_ENVIRONMENT_TYPE"
        )
    reg = (_clean(region) or DEFAULT_REGION).lower()
    domain = DOMAINS[kind]
    if prof:
        return f"https://{reg}-easymaker-{prof}.api.{domain}"
    return f"https://{reg}-easymaker.api.{domain}"


@dataclass(frozen=True, repr=False)
class Config:
    """One resolved configuration (immutable). ``repr`` never shows the tokens."""

    appkey: str
    region: str
    api_url: str
    access_token: str | None = None
    easymaker_token: str | None = None
    group_id: str | None = None
    profile: str | None = None
    environment_type: str = "public"
    experiment_id: str | None = None
    parent_pipeline_run_id: str | None = None
    parent_pipeline_run_task_name: str | None = None
    local: bool = False
    local_autostart: bool = False
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        shown = []
        for name in (
            "appkey",
            "region",
            "api_url",
            "profile",
            "environment_type",
            "experiment_id",
            "access_token",
            "easymaker_token",
        ):
            value = getattr(self, name)
            if name in SECRET_FIELDS and value is not None:
                value = "<redacted>"
            shown.append(f"{name}={value!r}")
        return f"Config({', '.join(shown)})"

    def with_access_token(self, token: str | None) -> Config:
        return replace(self, access_token=token)

    @property
    def is_http(self) -> bool:
        return self.api_url.startswith("http://")


def _missing(name: str, how: list[str]) -> ConfigurationError:
    return ConfigurationError(f"{name} is not set; set it with " + ", or ".join(how))


def resolve_config(
    appkey: str | None = None,
    region: str | None = None,
    access_token: str | None = None,
    experiment_id: str | None = None,
    profile: str | None = None,
    environment_type: str | None = None,
    *,
    api_url: str | None = None,
    easymaker_token: str | None = None,
    group_id: str | None = None,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    max_retries: int | None = None,
    env: Mapping[str, str] | None = None,
    require_token: bool = True,
) -> Config:
    """Resolve explicit values, then ``EM_*`` variables of ``env`` (default ``os.environ``), then defaults.

    Raises `ConfigurationError` naming every way to set a missing value. In the local profile a missing access
    token is allowed here (EasyMaker Local's token is read from its home by the client)."""
    environ: Mapping[str, str] = os.environ if env is None else env
    prof = normalize_profile(profile if _clean(profile) is not None else environ.get("EM_PROFILE"))
    local = prof == "local"
    env_type = (_clean(environment_type) or _clean(environ.get("EM_ENVIRONMENT_TYPE")) or "public").lower()
    reg = (_clean(region) or _clean(environ.get("EM_REGION")) or DEFAULT_REGION).lower()
    explicit_url = _clean(api_url) or _clean(environ.get("EM_API_URL"))
    url = base_url_for(
        region=reg,
        profile=prof,
        environment_type=env_type,
        api_url=explicit_url,
        local_url=environ.get("EM_LOCAL_URL"),
    )
    key = _clean(appkey) or _clean(environ.get("EM_APPKEY")) or (LOCAL_APPKEY if local else None)
    if key is None:
        raise _missing(
            "appkey",
            [
                "easymaker.init(appkey=...)",
                "easymaker.Client(appkey=...)",
                "the EM_APPKEY environment variable",
                "profile='local' (EasyMaker Local, appkey 'local')",
            ],
        )
    em_token = _clean(easymaker_token) or _clean(environ.get("EM_TOKEN"))
    token = _clean(access_token) or _clean(environ.get("EM_ACCESS_TOKEN"))
    if require_token and not local and token is None and em_token is None:
        raise _missing(
            "access_token",
            [
                "easymaker.init(access_token=...)",
                "easymaker.Client(access_token=...)",
                "the EM_ACCESS_TOKEN environment variable",
                "the EM_TOKEN environment variable (inside EasyMaker)",
            ],
        )
    retries = DEFAULT_MAX_RETRIES if max_retries is None else int(max_retries)
    if retries < 0:
        raise ConfigurationError(f"max_retries must be >= 0, got {max_retries!r}")
    return Config(
        appkey=key,
        region=reg,
        api_url=url,
        access_token=token,
        easymaker_token=em_token,
        group_id=_clean(group_id) or _clean(environ.get("EM_GROUP_ID")),
        profile=prof,
        environment_type=env_type,
        experiment_id=_clean(experiment_id) or _clean(environ.get("EM_EXPERIMENT_ID")),
        parent_pipeline_run_id=_clean(environ.get("EM_PIPELINE_RUN_ID")),
        parent_pipeline_run_task_name=_clean(environ.get("EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME")),
        local=local,
        local_autostart=local and explicit_url is None,
        connect_timeout=DEFAULT_CONNECT_TIMEOUT if connect_timeout is None else float(connect_timeout),
        read_timeout=DEFAULT_READ_TIMEOUT if read_timeout is None else float(read_timeout),
        max_retries=retries,
    )


class CurrentConfig:
    """``easymaker.easymaker_config``: read-only view of the configuration set by ``easymaker.init()``.

    Before ``init()`` every attribute falls back to the ``EM_*`` environment variables (or ``None``)."""

    def _config(self) -> Config | None:
        from easymaker._client import current_client

        client = current_client()
        return client.config if client is not None else None

    def _get(self, name: str, env_name: str | None, default: str | None = None) -> str | None:
        config = self._config()
        if config is not None:
            value: str | None = getattr(config, name)
            return value
        if env_name:
            return os.environ.get(env_name, default)
        return default

    @property
    def appkey(self) -> str | None:
        return self._get("appkey", "EM_APPKEY")

    @property
    def region(self) -> str | None:
        return self._get("region", "EM_REGION", DEFAULT_REGION)

    @property
    def access_token(self) -> str | None:
        return self._get("access_token", "EM_ACCESS_TOKEN")

    @property
    def experiment_id(self) -> str | None:
        return self._get("experiment_id", "EM_EXPERIMENT_ID")

    @property
    def profile(self) -> str | None:
        return self._get("profile", "EM_PROFILE")

    @property
    def environment_type(self) -> str | None:
        return self._get("environment_type", "EM_ENVIRONMENT_TYPE", "public")

    @property
    def api_url(self) -> str | None:
        config = self._config()
        return config.api_url if config is not None else None

    def init(
        self,
        *,
        appkey: str | None = None,
        region: str | None = None,
        access_token: str | None = None,
        profile: str | None = None,
        experiment_id: str | None = None,
        environment_type: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """``easymaker.init(...)`` (the 2.1.x ``easymaker_config.init``); returns the default `Client`."""
        from easymaker._client import init

        return init(
            appkey=appkey,
            region=region,
            access_token=access_token,
            profile=profile,
            experiment_id=experiment_id,
            environment_type=environment_type,
            **kwargs,
        )

    @property
    def client(self) -> Any:
        """The client used by resource objects created without ``client=`` (``None`` before ``init()``)."""
        from easymaker._client import current_client

        return current_client()

    def __repr__(self) -> str:
        config = self._config()
        return f"easymaker_config({config!r})" if config is not None else "easymaker_config(<not initialised>)"


easymaker_config = CurrentConfig()
