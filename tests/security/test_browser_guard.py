"""Attacks a web page open in the user's browser can make on EasyMaker Local (DNS rebinding, cross-origin and
``text/plain`` form posts, CORS preflights), each refused before any work by the browser guard."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from local_server import LocalServerHandle, start_local_server

from easymaker.local.guard import BrowserRules

TENANT = "victimtenant"
FORM_TYPES = ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data"]


def _targets(server: LocalServerHandle) -> list[tuple[str, str, dict[str, str], bytes]]:
    """(method, path, headers, body) of requests that do work: token issue, object write, API create, log write."""
    auth = server.headers
    swift = {"X-Auth-Token": server.token}
    keystone = b'{"auth": {"tenantId": "%s", "passwordCredentials": {"username": "u", "password": "p"}}}' % (
        TENANT.encode()
    )
    return [
        ("POST", "/v2.0/tokens", {}, keystone),
        ("PUT", f"/v1/AUTH_{TENANT}/code", swift, b""),
        ("PUT", f"/v1/AUTH_{TENANT}/code/train.py", swift, b"import os  # attacker's code"),
        ("POST", "/v1.0/appkeys/victim/experiments", auth, b'{"experimentName": "pwned"}'),
        ("POST", "/v2/log", {}, b'{"projectName": "victim", "body": "forged"}'),
        ("GET", "/v1.0/appkeys/victim/experiments", auth, b""),
        ("GET", "/health", {}, b""),
    ]


@pytest.mark.parametrize("host", ["attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io", "evil"])
def test_dns_rebinding_is_refused_on_every_route(local_server_module: LocalServerHandle, host: str) -> None:
    # after rebinding, the page's own name resolves to 127.0.0.1: the request arrives with Host: <its name>
    for method, path, headers, body in _targets(local_server_module):
        r = httpx.request(
            method,
            local_server_module.url + path,
            headers={**headers, "Host": f"{host}:{local_server_module.port}"},
            content=body,
        )
        assert r.status_code == 403, (host, method, path, r.status_code, r.text)
        assert "Host" in r.json()["header"]["resultMessage"]
        assert "access-control-allow-origin" not in r.headers
    # nothing was done: no experiment, no object, no log
    assert local_server_module.api("victim").get("/experiments").json()["experimentList"] == []
    assert httpx.get(
        f"{local_server_module.url}/v1/AUTH_{TENANT}", headers={"X-Auth-Token": local_server_module.token}
    ).status_code in (
        200,
        204,
    )
    listing = httpx.get(
        f"{local_server_module.url}/v1/AUTH_{TENANT}/code", headers={"X-Auth-Token": local_server_module.token}
    )
    assert listing.status_code == 404


@pytest.mark.parametrize("port_delta", [1, -1])
def test_host_with_another_port_is_refused(local_server_module: LocalServerHandle, port_delta: int) -> None:
    r = httpx.get(
        f"{local_server_module.url}/health", headers={"Host": f"127.0.0.1:{local_server_module.port + port_delta}"}
    )
    assert r.status_code == 403


@pytest.mark.parametrize("ctype", FORM_TYPES)
def test_form_posts_are_refused(local_server_module: LocalServerHandle, ctype: str) -> None:
    # a cross-origin <form enctype="text/plain"> (or fetch no-cors) needs no preflight; no JSON route accepts it
    for method, path, headers, body in _targets(local_server_module):
        if method == "GET" or path.startswith("/v1/AUTH_"):
            continue
        r = httpx.request(
            method, local_server_module.url + path, headers={**headers, "Content-Type": ctype}, content=body
        )
        assert r.status_code == 415, (ctype, path, r.status_code, r.text)
    assert local_server_module.api("victim").get("/experiments").json()["experimentList"] == []


@pytest.mark.parametrize(
    "origin",
    ["http://attacker.example", "null", "http://localhost:1", "https://127.0.0.1:{port}", "http://127.0.0.1:{port}/x"],
)
def test_cross_origin_requests_are_refused(local_server_module: LocalServerHandle, origin: str) -> None:
    origin = origin.format(port=local_server_module.port)
    for method, path, headers, body in _targets(local_server_module):
        r = httpx.request(
            method,
            local_server_module.url + path,
            headers={**headers, "Origin": origin, "Content-Type": "application/json"},
            content=body,
        )
        assert r.status_code == 403, (origin, method, path, r.status_code)
        assert "access-control-allow-origin" not in r.headers
    assert local_server_module.api("victim").get("/experiments").json()["experimentList"] == []


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_browser_requests_from_other_sites_are_refused(local_server_module: LocalServerHandle, site: str) -> None:
    # a navigation or <img> from another site (or another port of localhost: same-site) carries no Origin
    r = httpx.get(
        f"{local_server_module.url}/v1.0/appkeys/victim/experiments",
        headers={**local_server_module.headers, "Sec-Fetch-Site": site},
    )
    assert r.status_code == 403


def test_no_cors_preflight_is_answered(local_server_module: LocalServerHandle) -> None:
    r = httpx.options(
        f"{local_server_module.url}/v1.0/appkeys/victim/experiments",
        headers={
            "Origin": "http://attacker.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-nhn-authorization, content-type",
        },
    )
    assert r.status_code == 403
    assert not [h for h in r.headers if h.lower().startswith("access-control-")]


def test_same_origin_requests_pass(local_server_module: LocalServerHandle) -> None:
    # what a page served by this server (a console at /) sends: its own origin, Sec-Fetch-Site same-origin
    for name in ("127.0.0.1", "localhost"):
        origin = f"http://{name}:{local_server_module.port}"
        r = httpx.post(
            f"{local_server_module.url}/v1.0/appkeys/sameorigin/experiments",
            headers={
                **local_server_module.headers,
                "Host": f"{name}:{local_server_module.port}",
                "Origin": origin,
                "Sec-Fetch-Site": "same-origin",
            },
            json={"experimentName": f"from-{name.replace('.', '-')}"},
        )
        assert r.status_code == 200, r.text
    assert (
        httpx.get(
            f"{local_server_module.url}/health", headers={"Host": f"[::1]:{local_server_module.port}"}
        ).status_code
        == 200
    )


def test_guard_host_rules() -> None:
    named = BrowserRules(["my-box.lan"])
    assert named.host_allowed("my-box.lan:10090", 10090)
    assert named.host_allowed("LOCALHOST:10090", 10090)
    assert not named.host_allowed("192.168.1.5:10090", 10090)
    assert not named.host_allowed("my-box.lan.attacker.example:10090", 10090)
    assert not named.host_allowed("my-box.lan:10090:1", 10090)
    assert not named.host_allowed("[::1:10090", 10090)
    wildcard = BrowserRules(["0.0.0.0"])
    # bound to every interface: any IP literal may be used, never a name (what DNS rebinding needs)
    assert wildcard.host_allowed("192.168.1.5:10090", 10090)
    assert wildcard.host_allowed("[fe80::1]:10090", 10090)
    assert not wildcard.host_allowed("attacker.example:10090", 10090)


def test_wildcard_server_refuses_names(tmp_path: Path) -> None:
    handle = start_local_server(tmp_path / "home", extra_args=("--host", "0.0.0.0"))
    try:
        assert httpx.get(f"{handle.url}/health").status_code == 200
        r = httpx.get(f"{handle.url}/health", headers={"Host": f"attacker.example:{handle.port}"})
        assert r.status_code == 403
    finally:
        handle.stop(timeout=20)


def test_model_servers_refuse_rebinding_and_cross_origin_posts() -> None:
    # endpoint stages listen on their own ports; a page must not be able to query (or flood) a user's model
    import asyncio
    import socket
    import threading

    from easymaker.local.serving.http import serve

    calls: list[str] = []

    def app(method: str, path: str, body: bytes, headers: object) -> tuple[int, bytes, tuple[tuple[str, str], ...]]:
        calls.append(path)
        return 200, b"{}", ()

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    port = sock.getsockname()[1]
    loop = asyncio.new_event_loop()
    started = threading.Event()

    async def run() -> None:
        try:
            await serve(app, sock, started.set)
        except asyncio.CancelledError:
            pass

    task = loop.create_task(run())
    thread = threading.Thread(target=loop.run_until_complete, args=(task,), daemon=True)
    thread.start()
    assert started.wait(10)
    try:
        url = f"http://127.0.0.1:{port}/v1/models/m:predict"
        body = b'{"instances": [[1, 2]]}'
        hostile = [
            {"Host": f"attacker.example:{port}"},
            {"Origin": "http://attacker.example", "Content-Type": "application/json"},
            {"Content-Type": "text/plain"},
            {"Sec-Fetch-Site": "cross-site"},
        ]
        for headers in hostile:
            r = httpx.post(url, content=body, headers=headers)
            assert r.status_code in (403, 415), (headers, r.status_code)
        assert calls == []
        assert httpx.post(url, content=body, headers={"Content-Type": "application/json"}).status_code == 200
    finally:
        loop.call_soon_threadsafe(task.cancel)
        thread.join(10)
        sock.close()
        loop.close()
