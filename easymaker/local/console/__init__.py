"""EasyMaker Local's web console: a page at ``/`` that reads the server's own REST API from the browser.

What lives here (the page itself is static: ``static/``, no build step, no CDN):

* **Sessions.** ``GET /`` without a session shows a sign-in form with one password field (the access token);
  ``POST /console/session`` checks it and sets an ``HttpOnly; SameSite=Strict`` cookie. ``easymaker-local console``
  asks the server for a one-time link (``POST /admin/console-links``, with the token) that signs in once.
* **The API accepts the session cookie** (``session_authorized``) only when a request also carries the header
  ``X-EasyMaker-Console: 1`` (a cross-site page cannot add a custom header without a CORS preflight, which this
  server never grants), and its ``Origin`` / ``Sec-Fetch-Site`` (when the browser sends them) say same-origin.
* **A few admin reads the page needs** that the EasyMaker API has no operation for, open to the token like every
  other admin route: the appkeys that hold resources, a pipeline's KFP IR (to draw its graph), the Object Storage
  tenants, and a predict relay to an endpoint stage (stages listen on their own ports, another origin).
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import threading
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import yaml
from anyio import to_thread
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

logger = logging.getLogger("easymaker.local.console")

STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "em_console"
CONSOLE_HEADER = "x-easymaker-console"
SESSION_TTL = 12 * 3600.0
LINK_TTL = 120.0
MAX_SESSIONS = 256
MAX_PREDICT_BYTES = 8 * 1024 * 1024
_MODEL_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")

_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make Chromium send "Origin: null" on the form post
    "Cache-Control": "no-store",
}


class ConsoleSessions:
    """Console sessions and one-time sign-in links, in memory (a restart signs everyone out)."""

    def __init__(self, ttl: float = SESSION_TTL, link_ttl: float = LINK_TTL) -> None:
        self.ttl = ttl
        self.link_ttl = link_ttl
        self._sessions: dict[str, float] = {}
        self._links: dict[str, float] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _prune(table: dict[str, float], now: float) -> None:
        for key in [k for k, exp in table.items() if exp <= now]:
            del table[key]

    def create(self) -> str:
        sid = secrets.token_urlsafe(32)
        now = time.time()
        with self._lock:
            self._prune(self._sessions, now)
            while len(self._sessions) >= MAX_SESSIONS:  # the oldest session makes room
                del self._sessions[min(self._sessions, key=self._sessions.__getitem__)]
            self._sessions[sid] = now + self.ttl
        return sid

    def valid(self, sid: str | None) -> bool:
        if not sid:
            return False
        with self._lock:
            exp = self._sessions.get(sid)
            return exp is not None and exp > time.time()

    def revoke(self, sid: str | None) -> None:
        with self._lock:
            self._sessions.pop(sid or "", None)

    def create_link(self) -> tuple[str, float]:
        code = secrets.token_urlsafe(32)
        now = time.time()
        with self._lock:
            self._prune(self._links, now)
            self._links[code] = now + self.link_ttl
        return code, now + self.link_ttl

    def redeem(self, code: str) -> bool:
        """True once for a link created here and not expired; the code is gone afterwards."""
        with self._lock:
            exp = self._links.pop(code, None)
        return exp is not None and exp > time.time()


def _cookie(headers: Mapping[str, str]) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    try:
        jar = SimpleCookie(raw)
    except CookieError:
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


def same_origin(headers: Mapping[str, str]) -> bool:
    """The browser says this request comes from a page of this server (or is not a browser's cross-site request)."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or parts.netloc != headers.get("host", ""):
            return False
    return True


def session_authorized(sessions: ConsoleSessions, headers: Mapping[str, str]) -> bool:
    """An API request from the console page: a live session cookie, the console header and a same-origin request."""
    if headers.get(CONSOLE_HEADER) != "1" or not same_origin(headers):
        return False
    return sessions.valid(_cookie(headers))


def _page(name: str, status: int = 200) -> Response:
    return FileResponse(STATIC / name, status_code=status, media_type="text/html", headers=_PAGE_HEADERS)


def _json(doc: Any, status: int = 200) -> Response:
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json")


_OK = {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}


def _error(status: int, message: str) -> Response:
    return _json({"header": {"isSuccessful": False, "resultCode": -status, "resultMessage": message}}, status)


def _set_session(response: Response, sid: str, request: Request) -> None:
    response.set_cookie(
        COOKIE,
        sid,
        max_age=int(SESSION_TTL),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def console_routes(state: Any, authorized: Any) -> list[BaseRoute]:
    """Routes of the console; ``authorized(headers)`` is the API's own check (token or console session)."""
    sessions: ConsoleSessions = state.console

    async def index(request: Request) -> Response:
        if sessions.valid(_cookie(request.headers)):
            return _page("index.html")
        return _page("signin.html")

    async def sign_in(request: Request) -> Response:
        if not same_origin(request.headers):
            return _error(403, "sign-in refused: the form was not posted by this server's own page")
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
            return _error(415, "sign-in: send the form (application/x-www-form-urlencoded)")
        raw = await request.body()
        if len(raw) > 4096:
            return _error(413, "sign-in: form larger than 4096 bytes")
        try:
            values = parse_qs(raw.decode("utf-8"), max_num_fields=4).get("token") or [""]
        except (UnicodeDecodeError, ValueError):
            values = [""]
        token = values[0]
        if not token or not secrets.compare_digest(token.strip().encode(), state.token.encode()):
            return RedirectResponse("/?signin=failed", status_code=303, headers={"Cache-Control": "no-store"})
        response = RedirectResponse("/", status_code=303, headers={"Cache-Control": "no-store"})
        _set_session(response, sessions.create(), request)
        return response

    async def sign_in_link(request: Request) -> Response:
        code = request.query_params.get("code", "")
        if not code or len(code) > 128 or not sessions.redeem(code):
            return RedirectResponse("/?signin=link", status_code=303, headers={"Cache-Control": "no-store"})
        response = RedirectResponse("/", status_code=303, headers={"Cache-Control": "no-store"})
        _set_session(response, sessions.create(), request)
        return response

    async def sign_out(request: Request) -> Response:
        if not same_origin(request.headers):
            return _error(403, "sign-out refused: not posted by this server's own page")
        sessions.revoke(_cookie(request.headers))
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    async def static(request: Request) -> Response:
        rel = request.path_params["path"]
        target = (STATIC / rel).resolve()
        if not target.is_relative_to(STATIC) or not target.is_file() or target.suffix == ".html":
            return _error(404, f"no such console file: {rel}")
        return FileResponse(target, headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})

    async def links(request: Request) -> Response:
        if not authorized(request.headers):
            return _error(401, "missing or wrong access token")
        code, expires = sessions.create_link()
        return _json({"header": _OK, "consoleLink": {"path": f"/console/signin?code={code}", "expires": expires}})

    async def appkeys(request: Request) -> Response:
        if not authorized(request.headers):
            return _error(401, "missing or wrong access token")
        rows = await to_thread.run_sync(
            state.store.query, "SELECT appkey, COUNT(*) FROM resources GROUP BY appkey ORDER BY appkey"
        )
        return _json({"header": _OK, "appkeyList": [{"appkey": a, "resourceCount": n} for a, n in rows]})

    async def pipeline_spec(request: Request) -> Response:
        if not authorized(request.headers):
            return _error(401, "missing or wrong access token")
        pid = request.path_params["pipeline_id"]
        if len(pid) > 36:
            return _error(400, "pipelineId: longer than 36 characters")
        text = await to_thread.run_sync(state.store.get_manifest, pid)
        if text is None:
            return _error(404, f"pipeline {pid} not found (or it has no manifest)")
        try:
            docs = [d for d in yaml.safe_load_all(text) if isinstance(d, dict)]
        except yaml.YAMLError as exc:
            return _error(422, f"pipeline {pid}: its manifest is not readable YAML ({exc.__class__.__name__})")
        spec = next((d for d in docs if "root" in d or "pipelineSpec" in d), docs[0] if docs else {})
        if "pipelineSpec" in spec and isinstance(spec["pipelineSpec"], dict):
            spec = spec["pipelineSpec"]
        return _json({"header": _OK, "pipelineSpec": spec})

    async def tenants(request: Request) -> Response:
        if not authorized(request.headers):
            return _error(401, "missing or wrong access token")
        engine = getattr(state.object_store_app, "store", None)
        if engine is None:
            return _error(501, "the object store is not mounted in this server")
        rows = await to_thread.run_sync(engine._query, "SELECT DISTINCT tenant FROM containers ORDER BY tenant", ())
        return _json({"header": _OK, "tenantList": [r[0] for r in rows]})

    async def next_triggers(request: Request) -> Response:
        if not authorized(request.headers):
            return _error(401, "missing or wrong access token")
        from easymaker.local.scheduler import CURSOR_FIELD, ScheduleSpec, format_datetime, parse_datetime

        appkey, rid = request.path_params["appkey"], request.path_params["schedule_id"]
        row = await to_thread.run_sync(state.store.get_scoped, appkey, "pipeline_recurring_run", rid)
        if row is None:
            return _error(404, f"recurring run {rid} not found in appkey {appkey}")
        now = datetime.now(UTC)
        times: list[str] = []
        try:
            spec = ScheduleSpec.from_resource(row.doc)
            cursor = parse_datetime(row.doc.get(CURSOR_FIELD), CURSOR_FIELD) or spec.initial_cursor(now)
            t: datetime | None = max(cursor, now)
            while t is not None and len(times) < 5 and row.status == "ENABLED":
                t = spec.next_after(t)
                if t is not None and (spec.end is None or t <= spec.end):
                    times.append(format_datetime(t))
                else:
                    break
        except ValueError as exc:
            return _error(409, f"recurring run {rid}: its schedule cannot be read ({exc})")
        return _json({"header": _OK, "nextTriggerDatetimeList": times})

    async def predict(request: Request) -> Response:
        if not authorized(request.headers):
            return _error(401, "missing or wrong access token")
        appkey = request.path_params["appkey"]
        stage_id = request.path_params["stage_id"]
        model_name = request.path_params["model_name"]
        if not _MODEL_NAME.fullmatch(model_name) or model_name in (".", ".."):
            return _error(400, "modelName: 1 to 100 letters, digits, '.', '_' or '-'")
        row = await to_thread.run_sync(state.store.get_scoped, appkey, "endpoint_stage", stage_id)
        if row is None:
            return _error(404, f"endpoint stage {stage_id} not found in appkey {appkey}")
        stage_url = str(row.doc.get("apigwStageUrl") or "")
        host, _, port = stage_url.rpartition(":")
        if host != "127.0.0.1" or not port.isdigit():
            return _error(409, f"endpoint stage {stage_id} is not deployed (status {row.status})")
        body = await request.body()
        if len(body) > MAX_PREDICT_BYTES:
            return _error(413, f"body: larger than {MAX_PREDICT_BYTES} bytes")
        url = f"http://127.0.0.1:{int(port)}/v1/models/{model_name}/predict"
        started = time.perf_counter()
        try:
            async with httpx.AsyncClient(timeout=60.0, trust_env=False) as client:
                upstream = await client.post(url, content=body, headers={"content-type": "application/json"})
        except httpx.HTTPError as exc:
            return _error(502, f"endpoint stage {stage_id} did not answer: {exc.__class__.__name__}")
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        return Response(
            upstream.content,
            status_code=upstream.status_code,
            media_type=upstream.headers.get("content-type", "application/json"),
            headers={"X-EasyMaker-Model-Latency-Ms": f"{elapsed_ms:.1f}"},
        )

    return [
        Route("/", index, methods=["GET"]),
        Route("/console/session", sign_in, methods=["POST"]),
        Route("/console/signin", sign_in_link, methods=["GET"]),
        Route("/console/signout", sign_out, methods=["POST"]),
        Route("/console/static/{path:path}", static, methods=["GET"]),
        Route("/admin/console-links", links, methods=["POST"]),
        Route("/admin/appkeys", appkeys, methods=["GET"]),
        Route("/admin/pipelines/{pipeline_id}/spec", pipeline_spec, methods=["GET"]),
        Route("/admin/object-store/tenants", tenants, methods=["GET"]),
        Route("/admin/appkeys/{appkey}/pipeline-recurring-runs/{schedule_id}/next-triggers", next_triggers),
        Route(
            "/admin/appkeys/{appkey}/endpoint-stages/{stage_id}/models/{model_name}/predict", predict, methods=["POST"]
        ),
    ]
