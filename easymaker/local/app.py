"""EasyMaker Local's ASGI application: the EasyMaker REST API (routes built from ``spec/openapi.yaml``), the object
store (``/v1/AUTH_<tenant>/...``) and Keystone tokens (``/v2.0/tokens``), Log & Crash (``POST /v2/log``) and admin
routes (``/health``, ``/admin/reset``, ``/admin/jobs/{id}/logs``), in one process, behind the browser guard
(``easymaker.local.guard``: Host, Origin and form-post checks before any work).

Every EasyMaker request is checked against the spec (path and query parameters, body) before any work; answers are
envelopes ``{"header": {"isSuccessful", "resultCode", "resultMessage"}, "<payloadKey>": ...}``. Errors: 400 (the
request breaks the spec; the message names the field), 401 (no or wrong token), 404 (unknown route or id), 405,
409 (the action is not allowed in the resource's state; the message says why), 413 (body over 32 MiB), 500.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from anyio import to_thread
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect
from starlette.requests import Request as StarletteRequest
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from easymaker._version import __version__
from easymaker.local import observe
from easymaker.local.auth import AccessTokens, register_server_secret, server_proof
from easymaker.local.catalog import load_catalog
from easymaker.local.console import ConsoleSessions, console_routes, session_authorized
from easymaker.local.guard import BrowserGuard
from easymaker.local.home import DISK_FULL_MESSAGE, LocalHome, disk_full, valid_job_id
from easymaker.local.logncrash import MAX_REQUEST_BYTES, LogRejected, parse_records
from easymaker.local.resources.base import ApiError, Request, StreamedList
from easymaker.local.resources.service import Service
from easymaker.local.store import Store
from easymaker.local.supervisor import Supervisor
from easymaker.local.validation import Operation, RequestInvalid, SpecValidator, spec_validator, strict_json

logger = logging.getLogger("easymaker.local.app")

MAX_BODY_BYTES = 32 * 1024 * 1024
OK_HEADER = {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}
_OK_PREFIX = b'{"header":{"isSuccessful":true,"resultCode":0,"resultMessage":"SUCCESS"}'


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def envelope(payload: tuple[str, Any] | tuple[str, Any, dict[str, Any]] | None = None) -> Response:
    if payload is None:
        return Response(_OK_PREFIX + b"}", media_type="application/json")
    if isinstance(payload[1], StreamedList):
        return StreamingResponse(_streamed(payload[0], payload[1]), media_type="application/json")
    body = _OK_PREFIX + b"," + _dumps(payload[0]) + b":" + _dumps(payload[1])
    if len(payload) > 2:
        for key, value in payload[2].items():
            body += b"," + _dumps(key) + b":" + _dumps(value)
    return Response(body + b"}", media_type="application/json")


def _streamed(key: str, listed: StreamedList) -> Iterator[bytes]:
    """The envelope around a list written one page at a time (Starlette runs this iterator in a worker thread)."""
    yield _OK_PREFIX + b"," + _dumps(key) + b":["
    first = True
    for page in listed.pages:
        if page:
            chunk = _dumps(page)[1:-1]  # the page's items without the brackets
            yield chunk if first else b"," + chunk
            first = False
    yield b"]}"


def error(status: int, message: str) -> Response:
    doc = {"header": {"isSuccessful": False, "resultCode": -status, "resultMessage": message}}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return Response(_dumps(doc), status_code=status, media_type="application/json", headers=headers)


class BodyTooLarge(Exception):
    pass


async def read_body(request: StarletteRequest, limit: int = MAX_BODY_BYTES) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise BodyTooLarge()
        except ValueError:
            pass
    chunks = bytearray()
    try:
        async for chunk in request.stream():
            chunks += chunk
            if len(chunks) > limit:
                raise BodyTooLarge()
    except ClientDisconnect as exc:  # nobody reads the answer; it keeps the log free of a traceback
        raise RequestInvalid("body: the client disconnected before sending all of it") from exc
    return bytes(chunks)


def parse_json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestInvalid(f"body: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        doc = strict_json(text)
    except RecursionError as exc:
        raise RequestInvalid("body: JSON nested too deeply") from exc
    except ValueError as exc:
        raise RequestInvalid(f"body: not valid JSON ({exc})") from exc
    if _SURROGATE_ESCAPE.search(raw):
        check_unicode(doc, "body")
    _check_depth(doc)
    return doc


MAX_DEPTH = 32


def _check_depth(doc: Any) -> None:
    """Refuse JSON nested deeper than ``MAX_DEPTH`` (no request of the spec comes close)."""
    stack = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > MAX_DEPTH:
            raise RequestInvalid(f"body: JSON nested deeper than {MAX_DEPTH} levels")
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))


_SURROGATE_ESCAPE = re.compile(rb"\\[uU][dD][89a-fA-F]")


def check_unicode(doc: Any, where: str) -> None:
    """Refuse strings holding a lone UTF-16 surrogate (``"\\ud800"`` is valid JSON but not valid Unicode)."""
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestInvalid(f"{where}: holds a lone UTF-16 surrogate escape, which is not valid Unicode") from exc


@dataclass
class AppState:
    home: LocalHome
    token: str
    store: Store
    service: Service
    supervisor: Supervisor | None
    validator: SpecValidator
    settings: dict[str, Any] = field(default_factory=dict)
    object_store_app: Any = None
    console: ConsoleSessions = field(default_factory=ConsoleSessions)
    tokens: AccessTokens = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = AccessTokens(self.token)


class EasyMakerLocalApp:
    """The ASGI callable: dispatches object-store paths to the object store app, the rest to the API."""

    def __init__(self, state: AppState, api: Starlette) -> None:
        self.state = state
        self.api = api

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.state.object_store_app is not None:
            path: str = scope.get("path", "")
            if path.startswith("/v1/AUTH_") or path.rstrip("/") == "/v2.0/tokens":
                await self.state.object_store_app(scope, receive, send)
                return
        await self.api(scope, receive, send)


def _authorized(state: AppState, headers: Mapping[str, str], appkey: str | None = None) -> bool:
    """Whether the request opens a route of ``appkey`` (``None``: an admin route): the access token, a job token of
    that appkey, or a console session (the signed-in user, from the console page of this origin)."""
    given = state.tokens.from_headers(headers)
    if given is not None and state.tokens.allows(given, appkey):
        return True
    return session_authorized(state.console, headers)


def _unauthorized() -> Response:
    return error(401, "missing or wrong access token: send 'x-nhn-authorization: Bearer <token>' (see the token file)")


def _make_endpoint(state: AppState, ops: dict[str, Operation]) -> Any:
    service = state.service
    streaming = _observe_handlers(state)

    async def endpoint(request: StarletteRequest) -> Response:
        op = ops.get(request.method)
        if op is None:
            if request.method == "HEAD" and "GET" in ops:
                op = ops["GET"]
            else:
                return error(405, f"method {request.method} is not allowed here (allowed: {', '.join(sorted(ops))})")
        if op.secured and not _authorized(state, request.headers, request.path_params.get("appkey")):
            return _unauthorized()
        if op.operation_id == "getIaasToken" and state.tokens.is_job_token(
            state.tokens.from_headers(request.headers) or ""
        ):
            return error(403, "a job token cannot obtain Object Storage tokens on EasyMaker Local")
        try:
            query = parse_qsl(request.url.query, keep_blank_values=True)
            values = op.validate_params(request.path_params, query)
            body: Any = None
            if op.body_validator is not None:
                raw = await read_body(request)
                if not raw.strip():
                    if op.body_required:
                        raise RequestInvalid("body: is required (a JSON object)")
                else:
                    body = parse_json(raw)
                    op.validate_body(body)
            req = Request(
                appkey=request.path_params.get("appkey", ""), path=dict(request.path_params), query=values, body=body
            )
            own = streaming.get(op.operation_id)
            if own is not None:
                answer: Response = await own(request, req)
                return answer
            handler = service.handlers.get(op.operation_id)
            if handler is None:
                return error(501, f"{op.operation_id} is not implemented by EasyMaker Local")
            payload = await to_thread.run_sync(handler, req)
        except RequestInvalid as exc:
            return error(400, str(exc))
        except BodyTooLarge:
            return error(413, f"body: larger than {MAX_BODY_BYTES} bytes (32 MiB)")
        except ApiError as exc:
            return error(exc.status, exc.message)
        except NotImplementedError as exc:
            return error(501, str(exc) or f"{op.operation_id} is not implemented by EasyMaker Local")
        except (OSError, sqlite3.OperationalError) as exc:
            if not disk_full(exc):
                logger.exception("%s %s failed", request.method, request.url.path)
                return error(500, f"internal error in {op.operation_id}; see the server log")
            logger.error("%s %s: disk full (%s)", request.method, request.url.path, exc)
            return error(507, DISK_FULL_MESSAGE)
        except Exception:
            logger.exception("%s %s failed", request.method, request.url.path)
            return error(500, f"internal error in {op.operation_id}; see the server log")
        return envelope(payload)

    return endpoint


# -- observability: logs (JSON chunks or Server-Sent Events), log sources, metrics ---------------------------------


def _observed_row(state: AppState, req: Request) -> Any:
    rid = req.path["resourceId"]
    row = state.store.get(rid)
    if row is None or row.appkey != req.appkey or row.kind not in observe.OBSERVED_KINDS:
        raise ApiError(
            404,
            f"resourceId: no training, tuning, batch inference, model evaluation, pipeline run or "
            f"endpoint stage {rid!r} in this appkey",
        )
    return row


def _observe_handlers(state: AppState) -> dict[str, Any]:
    home, store = state.home, state.store

    def source_of(row: Any, source: str | None) -> observe.LogSource:
        found = observe.find_source(row.kind, home.job_dir(row.id), row.doc, source)
        if found is None:
            raise ApiError(404, f"source: {row.id} has no log named {source!r} (see its log sources)")
        return found

    def check_offset(path: Any, offset: int) -> None:
        try:
            observe.check_offset(path, offset)
        except ValueError as exc:
            raise RequestInvalid(str(exc)) from None

    def status_of(rid: str, kind: str) -> tuple[bool, str | None]:
        row = store.get(rid)
        return observe.is_final(kind, row.status if row else None, row is not None), (row.status if row else None)

    async def logs(request: StarletteRequest, req: Request) -> Response:
        row = await to_thread.run_sync(_observed_row, state, req)
        src = source_of(row, req.query.get("source"))
        offset = int(req.query.get("offset", 0))
        if "text/event-stream" in request.headers.get("accept", ""):
            last = request.headers.get("last-event-id")
            if last:
                if not last.isdigit():
                    raise RequestInvalid(f"Last-Event-ID: {last[:40]!r} is not a byte offset")
                offset = int(last)
            check_offset(src.path, offset)
            return _sse_response(src.path, offset, lambda: to_thread.run_sync(status_of, row.id, row.kind))
        check_offset(src.path, offset)
        max_bytes = int(req.query.get("maxBytes", 1 << 20))
        wait = float(req.query.get("waitSeconds", 0))
        final, status = await to_thread.run_sync(status_of, row.id, row.kind)
        lines, end = observe.read_lines(src.path, offset, max_bytes, final)
        if not lines and not final and wait > 0:
            await observe.wait_for_lines(src.path, offset, wait)
            final, status = await to_thread.run_sync(status_of, row.id, row.kind)
            lines, end = observe.read_lines(src.path, offset, max_bytes, final)
        chunk = {
            "resourceId": row.id,
            "source": src.source,
            "offset": offset,
            "nextOffset": end,
            "lineList": lines,
            "finished": final and end >= observe.log_size(src.path),
            "statusCode": status,
        }
        return envelope(("logChunk", chunk))

    async def sources(request: StarletteRequest, req: Request) -> Response:
        row = await to_thread.run_sync(_observed_row, state, req)
        found = observe.log_sources(row.kind, home.job_dir(row.id), row.doc)
        return envelope(("logSourceList", [s.wire() for s in found]))

    def metrics_of(row: Any, source: str | None) -> tuple[str, list[dict[str, Any]]]:
        job_dir = home.job_dir(row.id)
        if row.kind == "training":
            if source:
                raise ApiError(404, f"source: a training has no sources (got {source!r})")
            return "", observe.read_metrics(job_dir / "logs" / observe.METRICS_FILE)
        if row.kind != "hyperparameter_tuning":
            raise ApiError(404, f"resourceId: {row.id} is a {row.kind}; metrics are recorded by trainings and trials")
        trial_id = source or str(row.doc.get("optimalTrialId") or "")
        trial = next((t for t in row.doc.get("trialList") or [] if t.get("trialId") == trial_id), None)
        if trial is None:
            if not source:
                return "", []
            raise ApiError(404, f"source: tuning {row.id} has no trial {source!r}")
        recorded = job_dir / "trials" / trial_id / "logs" / observe.METRICS_FILE
        series = observe.read_metrics(recorded) if recorded.is_file() else observe.trial_metric_series(trial)
        return trial_id, series

    async def metrics(request: StarletteRequest, req: Request) -> Response:
        row = await to_thread.run_sync(_observed_row, state, req)
        source, series = await to_thread.run_sync(metrics_of, row, req.query.get("source"))
        doc = {"header": OK_HEADER, "resourceId": row.id, "source": source, "metricSeriesList": series}
        return Response(_dumps(doc), media_type="application/json")

    handlers = {"getResourceLogs": logs, "listResourceLogSources": sources, "getResourceMetrics": metrics}
    assert set(handlers) == observe.OPERATIONS
    return handlers


def _sse_response(path: Any, offset: int, final_status: Any) -> Response:
    from sse_starlette import EventSourceResponse, ServerSentEvent

    async def events() -> AsyncIterator[ServerSentEvent]:
        async for position, line, status in observe.follow(path, offset, final_status):
            if line is None:
                end = {"statusCode": status, "offset": position}
                yield ServerSentEvent(data=json.dumps(end), event="end")
                return
            yield ServerSentEvent(data=line.replace("\r", ""), id=str(position))

    return EventSourceResponse(events(), ping=15, headers={"Cache-Control": "no-store"})


def _admin_routes(state: AppState) -> list[Route]:
    async def health(request: StarletteRequest) -> Response:
        # nothing about this machine (no paths, no process ids): anyone who reaches the port may ask
        doc = {"header": OK_HEADER, "status": "ok", "version": __version__}
        return Response(_dumps(doc), media_type="application/json")

    async def reset(request: StarletteRequest) -> Response:
        if not _authorized(state, request.headers):
            return _unauthorized()
        n = await to_thread.run_sync(state.service.reset)
        return Response(_dumps({"header": OK_HEADER, "deleted": n}), media_type="application/json")

    async def job_logs(request: StarletteRequest) -> Response:
        if not _authorized(state, request.headers):
            return _unauthorized()
        rid = request.path_params["job_id"]
        if not valid_job_id(rid):
            return error(400, "job_id: not a job id (letters, digits, '-' and '_', at most 64)")
        if state.supervisor is None:
            return error(501, "jobs are not run by this server")
        row = state.store.get(rid)
        if row is None and not state.home.job_dir(rid).is_dir():
            return error(404, f"job {rid} not found")
        logs = await to_thread.run_sync(state.supervisor.job_logs, rid)
        if row is not None:
            logs["kind"] = row.kind
            logs["status"] = row.status
        return Response(_dumps({"header": OK_HEADER, "jobLogs": logs}), media_type="application/json")

    async def jobs(request: StarletteRequest) -> Response:
        if not _authorized(state, request.headers):
            return _unauthorized()
        running = state.supervisor.running_jobs() if state.supervisor is not None else []
        return Response(_dumps({"header": OK_HEADER, "jobList": running}), media_type="application/json")

    async def post_log(request: StarletteRequest) -> Response:
        # like Log & Crash, no token (the appkey is in the body); the browser guard keeps web pages out
        try:
            raw = await read_body(request, MAX_REQUEST_BYTES)
            n = await to_thread.run_sync(lambda: state.store.add_logs(parse_records(raw)))
        except BodyTooLarge:
            return error(413, f"body: larger than {MAX_REQUEST_BYTES} bytes (Log & Crash's limit per log)")
        except (LogRejected, RequestInvalid) as exc:
            return error(400, str(exc))
        except (OSError, sqlite3.OperationalError) as exc:
            if not disk_full(exc):
                raise
            return error(507, DISK_FULL_MESSAGE)
        return Response(_dumps({"header": OK_HEADER, "count": n}), media_type="application/json")

    return [
        Route("/health", health, methods=["GET"]),
        Route("/admin/reset", reset, methods=["POST"]),
        Route("/admin/jobs", jobs, methods=["GET"]),
        Route("/admin/jobs/{job_id}/logs", job_logs, methods=["GET"]),
        Route("/v2/log", post_log, methods=["POST"]),
    ]


def _proof_endpoint(state: AppState, op: Operation) -> Any:
    """``proveLocalServer``: the HMAC of the client's nonce under the access token (see ``easymaker.local.auth``)."""

    async def endpoint(request: StarletteRequest) -> Response:
        if request.method != op.method:
            return error(405, f"method {request.method} is not allowed here (allowed: {op.method})")
        try:
            raw = await read_body(request, 4096)
            body = parse_json(raw) if raw.strip() else None
            if body is None:
                raise RequestInvalid("body: is required (a JSON object)")
            op.validate_body(body)
        except RequestInvalid as exc:
            return error(400, str(exc))
        except BodyTooLarge:
            return error(413, "body: larger than 4096 bytes")
        server = request.scope.get("server")
        port = int(server[1]) if server and server[1] is not None else 0
        return envelope(("proof", server_proof(state.token, port, str(body["nonce"]))))

    return endpoint


def build_routes(state: AppState) -> list[BaseRoute]:
    by_path: dict[str, dict[str, Operation]] = {}
    special: list[Route] = []
    for op in state.validator.operations:
        if op.operation_id == "proveLocalServer":
            special.append(Route(op.path, _proof_endpoint(state, op), methods=[op.method]))
            continue
        by_path.setdefault(op.path, {})[op.method] = op
    # literal segments before parameters (e.g. /pipelines/upload before /pipelines/{pipelineId})
    paths = sorted(by_path, key=lambda p: (p.count("{"), -len(p)))
    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    routes: list[BaseRoute] = [
        *_admin_routes(state),
        *special,
        *console_routes(state, lambda h: _authorized(state, h)),
    ]
    routes += [Route(p, _make_endpoint(state, by_path[p]), methods=methods) for p in paths]

    async def unknown(request: StarletteRequest) -> Response:
        return error(404, f"no such route: {request.method} {request.url.path}")

    routes.append(Route("/{rest:path}", unknown, methods=methods))
    return routes


def create_app(
    home: LocalHome | str | os.PathLike[str] | None = None,
    token: str | None = None,
    *,
    settings: Mapping[str, Any] | None = None,
    runners: Mapping[str, Any] | None = None,
    run_jobs: bool = True,
    mount_object_store: bool = True,
    scheduler_tick: float = 1.0,
    synchronous: str = "FULL",
    hosts: tuple[str, ...] = (),
    swift_token_ttl: float = 86400.0,
) -> BrowserGuard:
    """Build the EasyMaker Local ASGI app for a home folder.

    ``token``: the access token (default: the one in ``<home>/token``, created at first start). ``settings`` are
    passed to runners (e.g. ``{"allow_pip_install": True, "region": "kr1"}``). ``run_jobs=False`` builds the API
    without the job supervisor (resources are stored, no work is run). ``hosts``: names besides the loopback ones
    that requests may carry in ``Host`` (the ``--host`` value). ``swift_token_ttl``: lifetime of Keystone tokens.
    """
    h = home if isinstance(home, LocalHome) else LocalHome(home)
    h.ensure()
    tok = h.ensure_token(token)
    credentials = h.ensure_credentials()
    register_server_secret(tok)
    store = Store(h.state_db, synchronous=synchronous)
    validator = spec_validator()
    object_store_app = None
    iaas = None
    engine = None
    if mount_object_store:
        from easymaker.local.swift.http_app import create_object_store_app

        object_store_app = create_object_store_app(h.root, tok, swift_token_ttl, credentials=credentials)
        engine = getattr(object_store_app, "store", None)
        if engine is not None:
            iaas = lambda: engine.issue_token(None, 86400.0)  # noqa: E731
    cfg = dict(settings or {})
    service = Service(store, load_catalog(), region=str(cfg.get("region", "kr1")), iaas_token=iaas)
    supervisor = None
    if run_jobs:
        from easymaker.local.supervisor import default_uris

        supervisor = Supervisor(
            store,
            h,
            service,
            runners=runners,
            uris=default_uris(h, engine),
            settings=cfg,
            scheduler_tick=scheduler_tick,
        )
    state = AppState(h, tok, store, service, supervisor, validator, cfg, object_store_app)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if supervisor is not None:
            await to_thread.run_sync(supervisor.recover)
            supervisor.start_scheduler()
        logger.info("EasyMaker Local ready (home %s)", h.root)
        try:
            yield
        finally:
            if supervisor is not None:
                await to_thread.run_sync(supervisor.shutdown)

    api = Starlette(routes=build_routes(state), lifespan=lifespan)
    if supervisor is not None:
        supervisor.tokens = state.tokens  # job tokens: issued when a job starts, revoked when it ends
    return BrowserGuard(EasyMakerLocalApp(state, api), hosts)
