"""The browser guard of EasyMaker Local: one ASGI middleware in front of every route.

A web page open in the user's browser can send requests to ``127.0.0.1``: directly (a cross-origin form post or
``fetch``) or, through DNS rebinding, under its own host name. Before any work, a request is refused (403) when

* its ``Host`` is not a name the server was started for, with the port the connection arrived on: ``127.0.0.1``,
  ``localhost``, ``[::1]`` and the ``--host`` value (with a wildcard ``--host`` such as ``0.0.0.0``: any IP
  literal, which no rebinding attack can produce); a DNS-rebinding request carries the attacker's name;
* it carries an ``Origin`` that is not the server's own (``http://<allowed host>``), or ``Sec-Fetch-Site`` says a
  browser sends it from another site (``cross-site``, ``same-site``: another port of ``localhost`` is same-site);

and refused (415) when a request outside Object Storage without an ``Origin`` sends a body as one of the types a
browser may post without asking (``text/plain``, ``application/x-www-form-urlencoded``, ``multipart/form-data``):
the API reads JSON, and the one form of this server (the console's sign-in) is posted by its own page, with its own
``Origin``. No ``Access-Control-*`` header is ever sent (no CORS), so a browser lets no other origin read an answer.
Same-origin requests (a page served by this server, e.g. a console at ``/``) pass. The model servers of endpoint
stages (``easymaker.local.serving.http``) apply the same rules with ``check``.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARDS = ("0.0.0.0", "::", "")
FORM_TYPES = frozenset({"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"})
CROSS_SITE = frozenset({"cross-site", "same-site"})


def _host_form(name: str) -> str:
    """``name`` as it appears in a Host header (IPv6 literals in brackets), lower case."""
    name = name.strip().lower()
    if name.startswith("[") and name.endswith("]"):
        return name
    return f"[{name}]" if ":" in name else name


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host[1:-1] if host.startswith("[") and host.endswith("]") else host)
    except ValueError:
        return False
    return True


def _split_host(value: str) -> tuple[str, int | None] | None:
    """``(host, port)`` of a Host header value; ``None`` when it is malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        host, rest = value[: end + 1], value[end + 1 :]
    else:
        host, sep, port_text = value.partition(":")
        rest = ":" + port_text if sep else ""
    if not rest:
        return host, None
    if not rest.startswith(":") or not rest[1:].isdigit() or len(rest) > 6:
        return None
    return host, int(rest[1:])


class BrowserRules:
    """The rules of the module docstring for a server started for ``hosts`` (besides the loopback names)."""

    def __init__(self, hosts: Iterable[str] = ()) -> None:
        names = {_host_form(n) for n in LOOPBACK_NAMES}
        self.any_ip = False
        for h in hosts:
            if h.strip() in WILDCARDS or h.strip() == "[::]":
                self.any_ip = True
            else:
                names.add(_host_form(h))
        self.names = frozenset(names)

    def host_allowed(self, value: str, port: int | None) -> bool:
        parts = _split_host(value)
        if parts is None:
            return False
        host, given_port = parts
        # no port at all is accepted (HTTP/1.1 clients of our own, e.g. the batch client): it is the name that
        # DNS rebinding changes, and browsers always send the port of a non-default one
        if port is not None and given_port is not None and given_port != port:
            return False
        return host in self.names or (self.any_ip and _is_ip_literal(host))

    def check(
        self, headers: Mapping[str, str], method: str, raw_body_route: bool, port: int | None
    ) -> tuple[int, str] | None:
        """The rules for one request: ``headers`` with lower-case names; ``raw_body_route``: bodies of any type
        are expected (Object Storage); ``port``: the port the connection arrived on."""
        host = headers.get("host")
        if host is not None and not self.host_allowed(host, port):
            return 403, (
                f"Host {host!r} is not a name this server was started for (127.0.0.1, localhost, [::1] or the "
                "--host value, with its port); requests under other names (DNS rebinding) are refused"
            )
        origin = headers.get("origin")
        if origin is not None:
            scheme, sep, rest = origin.strip().partition("://")
            if not sep or scheme.lower() != "http" or "/" in rest or not self.host_allowed(rest, port):
                return 403, f"cross-origin request from {origin!r} refused: EasyMaker Local answers its own origin only"
        if headers.get("sec-fetch-site", "").strip().lower() in CROSS_SITE:
            return 403, "request sent by a browser from another site refused (Sec-Fetch-Site)"
        ctype = headers.get("content-type")
        # a form of this server's own pages (the console's sign-in) carries its own Origin, checked above
        if ctype is not None and origin is None and method not in ("GET", "HEAD") and not raw_body_route:
            media = ctype.split(";", 1)[0].strip().lower()
            if media in FORM_TYPES:
                return 415, f"Content-Type {media} is not accepted here: send application/json"
        return None


class BrowserGuard:
    """ASGI middleware: refuses requests a browser could send on behalf of another site (``BrowserRules``)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.rules = BrowserRules(hosts)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """``(status, message)`` when the ASGI request must be refused, else ``None``."""
        headers: dict[str, str] = {}
        for k, v in scope.get("headers") or ():
            name = k.decode("latin-1").lower()
            if name in headers and name == "host":
                return 400, "more than one Host header"
            headers[name] = v.decode("latin-1")
        server = scope.get("server")
        port = int(server[1]) if server and server[1] is not None else None
        return self.rules.check(headers, str(scope.get("method", "")), _is_object_storage(scope), port)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            refused = self.refusal(scope)
            if refused is not None:
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await _refuse(send, *refused)
                return
        await self.app(scope, receive, send)


def _is_object_storage(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    return path.startswith("/v1/AUTH_")


async def _refuse(send: Send, status: int, message: str) -> None:
    doc = {"header": {"isSuccessful": False, "resultCode": -status, "resultMessage": message}}
    body = json.dumps(doc).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
