"""Endpoints, stages, deployed models and inference (``predict``).

``Endpoint(id)`` sends no request: the endpoint is fetched (one GET) on the first read of one of its fields
(``status``, ``endpoint_name``, ``to_dict()``...), so a missing id is reported then. The stage list is fetched only
when needed (``get_stage_list``, the compound wait of ``create``). The default stage is the one flagged
``isDefaultStage`` (2.1.5 spelling) or ``defaultStage`` (2.1.0 spelling).

``Endpoint(id).predict(...)`` finds the default stage and its models once per process and endpoint (a cache shared
by every ``Endpoint`` object of the same API URL, appkey and id), so the guide's loop, which builds
``Endpoint(id)`` for every call, sends each request straight to the stage. The cached stage is asked for again
when the stage answers HTTP 404 or 503 or cannot be reached (the request is then sent again once, if the stage or
its address changed), after `STAGE_ROUTE_TTL` seconds, and when this process deletes the endpoint or one of its
stages.

Inference URL: ``{scheme}://{apigwStageUrl}{path}`` with scheme ``https`` (``http`` when the API itself is plain
HTTP, i.e. EasyMaker Local) and path ``apigwResourceUri`` when the server set one, else by API spec::

    kserve_v1                 /v1/models/{model name}/predict      body has "instances" (the default)
    kserve_v2                 /v2/models/{model name}/infer        body has "inputs"
    openai_completion_v1      /v1/completions                      body has "model" and "prompt"
    openai_chat_completion_v1 /v1/chat/completions                 body has "model" and "messages"
"""

from __future__ import annotations

import threading
from enum import StrEnum
from typing import Any, Unpack
from urllib.parse import quote

from easymaker_api.fields import EndpointFields, EndpointModelFields, EndpointStageFields
from easymaker_api.parameters import EndpointCreateRequestOptions, EndpointStageCreateRequestOptions

from easymaker._client import Client
from easymaker._errors import (
    APIConnectionError,
    APITimeoutError,
    EasyMakerError,
    EasyMakerValidationError,
    NotDeployedError,
    PredictError,
    body_excerpt,
)
from easymaker.resources.base import Resource
from easymaker.resources.observe import LogsMixin
from easymaker.resources.operations import Operations
from easymaker.resources.parameters import RequestDraft, parent_wire_fields, require
from easymaker.resources.record import Record
from easymaker.values import plain

DEFAULT_PREDICT_TIMEOUT = 60.0
STAGE_ROUTE_TTL = 300.0  # seconds a cached default stage of `Endpoint.predict` is used before it is asked for again
STAGE_GONE_STATUSES = frozenset({404, 503})  # stage answers that make `Endpoint.predict` ask for the stage again


class ApiSpec(StrEnum):
    """The inference API of a deployed model (``auto``: detected from the request body)."""

    auto = "auto"
    kserve_v1 = "kserve_v1"
    kserve_v2 = "kserve_v2"
    openai_completion_v1 = "openai_completion_v1"
    openai_chat_completion_v1 = "openai_chat_completion_v1"

    @classmethod
    def _missing_(cls, value: object) -> ApiSpec | None:
        if isinstance(value, str):
            lowered = value.lower()
            for member in cls:
                if member.value == lowered:
                    return member
        return None


def detect_api_spec(body: Any) -> ApiSpec:
    """The API spec a request body is written for."""
    if isinstance(body, dict):
        if "instances" in body:
            return ApiSpec.kserve_v1
        if "inputs" in body:
            return ApiSpec.kserve_v2
        if "model" in body and "prompt" in body:
            return ApiSpec.openai_completion_v1
        if "model" in body and "messages" in body:
            return ApiSpec.openai_chat_completion_v1
    return ApiSpec.kserve_v1


def inference_path(spec: ApiSpec, model_name: str) -> str:
    name = quote(model_name, safe="")
    if spec is ApiSpec.kserve_v2:
        return f"/v2/models/{name}/infer"
    if spec is ApiSpec.openai_completion_v1:
        return "/v1/completions"
    if spec is ApiSpec.openai_chat_completion_v1:
        return "/v1/chat/completions"
    return f"/v1/models/{name}/predict"


def _is_default(stage: Record) -> bool:
    data = stage.to_dict()
    return bool(data.get("isDefaultStage") or data.get("defaultStage") is True)


def _deployment_body(client: Client, request_model: type, arguments: dict[str, Any], options: Any, method: str) -> Any:
    """The request of an endpoint or a stage (the fields they share come from the same SDK arguments); the
    instance type is looked up after every value is checked."""
    require(endpoint_model_resource_list=arguments["endpoint_model_resource_list"] or None)
    draft = RequestDraft(
        request_model,
        arguments,
        options,
        method=method,
        computed={
            "caEnable": bool(arguments["autoscaler_enable"]),
            "caScaleDownEnable": bool(arguments["autoscaler_scale_down_enable"]),
            **parent_wire_fields(client),
        },
        deferred=("flavorId",),
    )
    return draft.build(flavorId=client.lookups.flavor_id(arguments["instance_type_name"]))


class EndpointModel(Resource, EndpointModelFields):
    """A model deployed on a stage."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.endpoint_models import delete_endpoint_model, get_endpoint_model, list_endpoint_models
        from easymaker_api.models.endpoint_model import EndpointModel as Wire
        from easymaker_api.models.endpoint_model_list_response import EndpointModelListResponse
        from easymaker_api.models.endpoint_model_response import EndpointModelResponse

        declared = Operations(
            wire=Wire,
            get=get_endpoint_model.sync_detailed,
            response=EndpointModelResponse,
            payload=lambda parsed: parsed.endpoint_model,
            list=list_endpoint_models.sync_detailed,
            list_response=EndpointModelListResponse,
            list_payload=lambda parsed: parsed.endpoint_model_list,
            delete=delete_endpoint_model.sync_detailed,
            list_filters=("endpoint_stage_id",),
        )
        return declared


RouteKey = tuple[str, str, str]  # (API base URL, appkey, endpoint id)


class _StageRoutes:
    """Process-wide cache of each endpoint's default stage for `Endpoint.predict`: the stage's wire dict with its
    ``endpointModelList``, and when it was fetched (the client's clock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[RouteKey, tuple[float, dict[str, Any]]] = {}

    def get(self, key: RouteKey, now: float) -> dict[str, Any] | None:
        with self._lock:
            entry = self._routes.get(key)
        if entry is None or not 0 <= now - entry[0] < STAGE_ROUTE_TTL:
            return None
        return entry[1]

    def put(self, key: RouteKey, stage: dict[str, Any], now: float) -> None:
        with self._lock:
            self._routes[key] = (now, stage)

    def forget(self, *, endpoint_id: str | None = None, stage_id: str | None = None) -> None:
        """Drop the routes of an endpoint and/or those through a stage (both ``None``: every route)."""
        with self._lock:
            for key, (_, stage) in list(self._routes.items()):
                if (endpoint_id is None and stage_id is None) or key[2] == endpoint_id:
                    del self._routes[key]
                elif stage_id is not None and stage.get("endpointStageId") == stage_id:
                    del self._routes[key]


STAGE_ROUTES = _StageRoutes()


def forget_stage_routes() -> None:
    """Forget every cached default stage (the next ``Endpoint(id).predict`` of each endpoint asks again)."""
    STAGE_ROUTES.forget()


def _route_target(stage: dict[str, Any]) -> tuple[Any, ...]:
    """What decides where a predict goes: the stage, its address and its models' routes."""
    models = stage.get("endpointModelList") or []
    return (
        stage.get("endpointStageId"),
        stage.get("apigwStageUrl"),
        sorted(
            (str(m.get("modelId")), str(m.get("apigwResourceUri")), str((m.get("model") or {}).get("modelName")))
            for m in models
            if isinstance(m, dict)
        ),
    )


def _stage_gone(exc: EasyMakerError) -> bool:
    """Whether a predict failure says the stage moved: HTTP 404/503 from it, or nothing listening there (a
    timeout is not: the stage may still be working on the request)."""
    if isinstance(exc, PredictError):
        return exc.status_code in STAGE_GONE_STATUSES
    return isinstance(exc, APIConnectionError) and not isinstance(exc, APITimeoutError)


class _Predicting(Resource):
    """``predict`` on a stage's data (shared by Endpoint and EndpointStage)."""

    def _stage_models(self, client: Client, stage: dict[str, Any]) -> list[dict[str, Any]]:
        """The models of a stage's wire dict (the dicts themselves), or fetched when it lists none."""
        models = stage.get("endpointModelList")
        if isinstance(models, list) and models:
            return [m for m in models if isinstance(m, dict)]
        stage_id = stage.get("endpointStageId")
        return EndpointModel._fetch_list(client, endpoint_stage_id=None if stage_id is None else str(stage_id))

    def _predict_on(
        self, client: Client, stage_data: dict[str, Any], model_id: str, json: Any, api_spec: Any, timeout: float | None
    ) -> Any:
        if not model_id:
            raise EasyMakerValidationError("model_id is required", parameter="model_id", constraint="required")
        if json is None:
            raise EasyMakerValidationError(
                "json is required: the request body, e.g. {'instances': [[6.0, 3.4, 4.5, 1.6]]}",
                parameter="json",
                constraint="required",
            )
        models = self._stage_models(client, stage_data)
        match = next((m for m in models if m.get("modelId") == model_id), None)
        if match is None:
            deployed = ", ".join(sorted({str(m.get("modelId")) for m in models})) or "(none)"
            raise NotDeployedError(
                f"model {model_id!r} is not deployed on stage {stage_data.get('endpointStageId')!r}; "
                f"deployed model ids: {deployed}"
            )
        stage_url = stage_data.get("apigwStageUrl")
        if not stage_url:
            raise EasyMakerError(
                f"stage {stage_data.get('endpointStageId')!r} has no URL yet (status "
                f"{stage_data.get('endpointStageStatusCode')}); wait for it to become ACTIVE"
            )
        spec = ApiSpec(plain(api_spec) or "auto")
        resource_uri = match.get("apigwResourceUri")
        if spec is ApiSpec.auto and resource_uri:
            path = str(resource_uri)
        else:
            if spec is ApiSpec.auto:
                spec = detect_api_spec(json)
            model_name = (match.get("model") or {}).get("modelName") if isinstance(match.get("model"), dict) else None
            if not model_name and spec in (ApiSpec.kserve_v1, ApiSpec.kserve_v2):
                from easymaker.resources.model import Model

                model_name = Model._fetch(client, model_id).get("modelName")
                if model_name and match.get("model") is None:
                    match["model"] = {"modelName": model_name}  # held with the stage: asked for once
            path = inference_path(spec, str(model_name or model_id))
        url = str(stage_url).rstrip("/")
        if not url.startswith(("http://", "https://")):
            url = ("http://" if client.config.is_http else "https://") + url
        if not path.startswith("/"):
            path = "/" + path
        return _post_json(client, url + path, json, timeout)


def _post_json(client: Client, url: str, body: Any, timeout: float | None) -> Any:
    import httpx

    http = client.inference_http()
    try:
        response = http.post(url, json=body, timeout=httpx.Timeout(timeout or DEFAULT_PREDICT_TIMEOUT, connect=10.0))
    except EasyMakerError:
        raise
    if response.status_code >= 400:
        raise PredictError(
            f"POST {url} failed: HTTP {response.status_code}: {body_excerpt(response.content)}",
            request_method="POST",
            request_url=url,
            status_code=response.status_code,
        )
    try:
        return response.json()
    except ValueError:
        raise PredictError(
            f"POST {url}: HTTP {response.status_code} with a body that is not JSON: {body_excerpt(response.content)}",
            request_method="POST",
            request_url=url,
            status_code=response.status_code,
        ) from None


class EndpointStage(LogsMixin, _Predicting, EndpointStageFields):
    """A stage of an endpoint (an API Gateway stage with deployed models)."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.endpoint_stages import delete_endpoint_stage, get_endpoint_stage, list_endpoint_stages
        from easymaker_api.models.endpoint_stage import EndpointStage as Wire
        from easymaker_api.models.endpoint_stage_list_response import EndpointStageListResponse
        from easymaker_api.models.endpoint_stage_response import EndpointStageResponse

        declared = Operations(
            wire=Wire,
            get=get_endpoint_stage.sync_detailed,
            response=EndpointStageResponse,
            payload=lambda parsed: parsed.endpoint_stage,
            list=list_endpoint_stages.sync_detailed,
            list_response=EndpointStageListResponse,
            list_payload=lambda parsed: parsed.endpoint_stage_list,
            delete=delete_endpoint_stage.sync_detailed,
            list_filters=("endpoint_id",),
        )
        return declared

    @property
    def is_default(self) -> bool:
        return _is_default(self)

    def get_endpoint_model_list(self) -> list[EndpointModel]:
        """Models deployed on this stage (one GET)."""
        client = self.client
        items = EndpointModel._fetch_list(client, endpoint_stage_id=self._require_id())
        return [EndpointModel(item, client=client) for item in items]

    def predict(
        self, model_id: str, json: Any = None, api_spec: Any = ApiSpec.auto, *, timeout: float | None = None
    ) -> Any:
        """Send ``json`` to ``model_id`` on this stage and return the decoded JSON answer."""
        client = self.client
        if not self._data.get("apigwStageUrl"):
            self.refresh()
        return self._predict_on(client, self._wire(), model_id, json, api_spec, timeout)

    def create(
        self,
        stage_name: str | None = None,
        endpoint_id: str | None = None,
        instance_type_name: str | None = None,
        endpoint_model_resource_list: list[Any] | None = None,
        instance_count: int = 1,
        description: str | None = None,
        use_log: bool | None = False,
        autoscaler_enable: bool | None = False,
        autoscaler_min_node_count: int | None = 1,
        autoscaler_max_node_count: int | None = 10,
        autoscaler_scale_down_enable: bool | None = True,
        autoscaler_scale_down_util_threshold: int | None = 50,
        autoscaler_scale_down_unneeded_time: int | None = 10,
        autoscaler_scale_down_delay_after_add: int | None = 10,
        wait: bool | None = True,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
        **options: Unpack[EndpointStageCreateRequestOptions],
    ) -> EndpointStage:
        """Add a stage to an endpoint (``stage_name`` is sent as ``apigwStageName``)."""
        from easymaker_api.api.endpoint_stages import create_endpoint_stage
        from easymaker_api.models.endpoint_stage_create_request import EndpointStageCreateRequest

        require(stage_name=stage_name, endpoint_id=endpoint_id, instance_type_name=instance_type_name)
        body = _deployment_body(self.client, EndpointStageCreateRequest, locals(), options, "EndpointStage.create()")
        return self._post_create(create_endpoint_stage.sync_detailed, body, wait, timeout)

    def delete(self) -> None:
        """Delete the stage (one DELETE)."""
        STAGE_ROUTES.forget(stage_id=self.id)
        super().delete()

    @classmethod
    def get_list(
        cls, *, client: Client | None = None, endpoint_id: str | None = None, **filters: Any
    ) -> list[EndpointStage]:
        api = cls._client_or_default(client)
        return [cls(item, client=api) for item in cls._fetch_list(api, endpoint_id=endpoint_id, **filters)]


class Endpoint(_Predicting, EndpointFields):
    """An endpoint (an API Gateway service whose default stage is created with it)."""

    _fetch_on_first_read = True

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.endpoints import delete_endpoint, get_endpoint, list_endpoints
        from easymaker_api.models.endpoint import Endpoint as Wire
        from easymaker_api.models.endpoint_list_response import EndpointListResponse
        from easymaker_api.models.endpoint_response import EndpointResponse

        declared = Operations(
            wire=Wire,
            get=get_endpoint.sync_detailed,
            response=EndpointResponse,
            payload=lambda parsed: parsed.endpoint,
            list=list_endpoints.sync_detailed,
            list_response=EndpointListResponse,
            list_payload=lambda parsed: parsed.endpoint_list,
            delete=delete_endpoint.sync_detailed,
        )
        return declared

    def get_stage_list(self) -> list[EndpointStage]:
        """The endpoint's stages (one GET)."""
        client = self.client
        items = EndpointStage._fetch_list(client, endpoint_id=self._require_id())
        return [EndpointStage(item, client=client) for item in items]

    def get_default_stage(self) -> EndpointStage:
        """The default stage (flag ``isDefaultStage`` or ``defaultStage``; the only stage if there is one)."""
        stages = self.get_stage_list()
        for stage in stages:
            if _is_default(stage):
                return stage
        if len(stages) == 1:
            return stages[0]
        raise EasyMakerError(
            f"endpoint {self.id!r} has no default stage among {len(stages)} stages "
            f"({', '.join(str(s.id) for s in stages) or 'none'})"
        )

    @property
    def default_stage(self) -> EndpointStage:
        return self.get_default_stage()

    def get_endpoint_model_list(self, endpoint_stage_id: str | None = None) -> list[EndpointModel]:
        """Models deployed on a stage of this endpoint (default stage unless ``endpoint_stage_id``)."""
        client = self.client
        stage_id = endpoint_stage_id or self.get_default_stage().id
        items = EndpointModel._fetch_list(client, endpoint_stage_id=stage_id)
        return [EndpointModel(item, client=client) for item in items]

    def predict(
        self, model_id: str, json: Any = None, api_spec: Any = ApiSpec.auto, *, timeout: float | None = None
    ) -> Any:
        """Send ``json`` to ``model_id`` on the default stage and return the decoded JSON answer."""
        client = self.client
        if json is None:
            raise EasyMakerValidationError(
                "json is required: the request body, e.g. {'instances': [[6.0, 3.4, 4.5, 1.6]]}",
                parameter="json",
                constraint="required",
            )
        key: RouteKey = (client.config.api_url, client.appkey, self._require_id())
        stage = STAGE_ROUTES.get(key, client.clock()) or self._fetch_route(client, key)
        try:
            return self._predict_on(client, stage, model_id, json, api_spec, timeout)
        except (PredictError, APIConnectionError) as exc:
            if not _stage_gone(exc):
                raise
            fresh = self._fetch_route(client, key)
            if _route_target(fresh) == _route_target(stage):
                raise  # the same stage at the same address: its answer stands
        return self._predict_on(client, fresh, model_id, json, api_spec, timeout)

    def _fetch_route(self, client: Client, key: RouteKey) -> dict[str, Any]:
        """The default stage with its models, fetched now and cached for `predict`."""
        stage = self.get_default_stage()
        data = stage.to_dict()
        data["endpointModelList"] = self._stage_models(client, data)
        STAGE_ROUTES.put(key, data, client.clock())
        return data

    def delete(self) -> None:
        """Delete the endpoint (one DELETE)."""
        STAGE_ROUTES.forget(endpoint_id=self.id)
        super().delete()

    def _wait_created(self, timeout: float | None) -> None:
        self.wait(timeout=timeout, default_stage=True)

    def wait(
        self,
        action: str | None = None,
        wait_interval_seconds: float | None = None,
        *,
        timeout: float | None = None,
        default_stage: bool = False,
    ) -> Endpoint:
        """Wait for the endpoint; with ``default_stage`` also for its default stage (sharing ``timeout``)."""
        from easymaker.resources.base import _wait_arguments

        action, timeout = _wait_arguments(action, timeout)
        client = self.client
        start = client.clock()
        super().wait(action, wait_interval_seconds, timeout=timeout)
        if default_stage:
            left = None if timeout is None else max(0.0, timeout - (client.clock() - start))
            self.get_default_stage().wait(action, wait_interval_seconds, timeout=left)
        return self

    def create(
        self,
        endpoint_name: str | None = None,
        endpoint_model_resource_list: list[Any] | None = None,
        instance_type_name: str | None = None,
        instance_count: int = 1,
        description: str | None = None,
        use_log: bool | None = False,
        wait: bool | None = True,
        autoscaler_enable: bool | None = False,
        autoscaler_min_node_count: int | None = 1,
        autoscaler_max_node_count: int | None = 10,
        autoscaler_scale_down_enable: bool | None = True,
        autoscaler_scale_down_util_threshold: int | None = 50,
        autoscaler_scale_down_unneeded_time: int | None = 10,
        autoscaler_scale_down_delay_after_add: int | None = 10,
        *,
        tag_list: list[Any] | None = None,
        timeout: float | None = None,
        **options: Unpack[EndpointCreateRequestOptions],
    ) -> Endpoint:
        """Create an endpoint with its default stage; ``wait`` waits for both."""
        from easymaker_api.api.endpoints import create_endpoint
        from easymaker_api.models.endpoint_create_request import EndpointCreateRequest

        require(endpoint_name=endpoint_name, instance_type_name=instance_type_name)
        body = _deployment_body(self.client, EndpointCreateRequest, locals(), options, "Endpoint.create()")
        return self._post_create(create_endpoint.sync_detailed, body, wait, timeout)


def get_endpoint_list(*, client: Client | None = None) -> list[Endpoint]:
    """Every endpoint (one GET)."""
    return Endpoint.get_list(client=client)


def get_endpoint_stage_list(endpoint_id: str, *, client: Client | None = None) -> list[EndpointStage]:
    return EndpointStage.get_list(client=client, endpoint_id=endpoint_id)


def get_endpoint_model_list(
    endpoint_stage_id: str | None = None, *, endpoint_model_id: str | None = None, client: Client | None = None
) -> list[EndpointModel]:
    """Models deployed on a stage. 2.1.x names this argument ``endpoint_model_id`` although it is the stage's id;
    that keyword is accepted too."""
    stage_id = endpoint_stage_id or endpoint_model_id
    if not stage_id:
        raise EasyMakerValidationError("endpoint_stage_id is required", parameter="endpoint_stage_id")
    return EndpointModel.get_list(client=client, endpoint_stage_id=stage_id)


def get_default_endpoint_stage(endpoint_id: str, *, client: Client | None = None) -> EndpointStage:
    """The default stage of an endpoint (error naming the stages when there is none)."""
    return Endpoint({"endpointId": endpoint_id}, client=client).get_default_stage()


__all__ = [
    "ApiSpec",
    "Endpoint",
    "EndpointModel",
    "EndpointStage",
    "detect_api_spec",
    "get_default_endpoint_stage",
    "get_endpoint_list",
    "get_endpoint_model_list",
    "get_endpoint_stage_list",
    "inference_path",
]
