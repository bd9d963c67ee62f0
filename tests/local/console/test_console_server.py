"""The web console's server side over real HTTP: sign-in form and cookie, one-time links, the API accepting the
session only from the console's own page (custom header, same origin), the admin reads the page uses, and paged
training lists. The page itself is tested in a real browser in ``test_console_browser.py``."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import httpx
from local_server import REPO, LocalServerHandle


def sign_in(local_server_module: LocalServerHandle, token: str | None = None) -> httpx.Client:
    c = local_server_module.client(token=False)
    origin = local_server_module.url
    r = c.post(
        "/console/session",
        data={"token": token if token is not None else local_server_module.token},
        headers={"Origin": origin, "Sec-Fetch-Site": "same-origin"},
    )
    assert r.status_code == 303, r.text
    return c


def console_headers(local_server_module: LocalServerHandle) -> dict[str, str]:
    return {"X-EasyMaker-Console": "1", "Origin": local_server_module.url, "Sec-Fetch-Site": "same-origin"}


def test_sign_in_form_then_cookie_session(local_server_module: LocalServerHandle) -> None:
    with httpx.Client(base_url=local_server_module.url) as anon:
        page = anon.get("/")
        assert page.status_code == 200
        assert 'type="password"' in page.text and 'action="/console/session"' in page.text
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert anon.get("/v1.0/appkeys/a/experiments", headers=console_headers(local_server_module)).status_code == 401

    bad = sign_in(local_server_module, "wrong-token")
    assert bad.cookies.get("em_console") is None
    assert bad.get("/").text.count('type="password"') == 1

    c = sign_in(local_server_module)
    sid = c.cookies.get("em_console")
    assert sid and len(sid) >= 40
    page = c.get("/")
    assert '<script src="/console/static/app.js">' in page.text
    r = c.get("/v1.0/appkeys/a/experiments", headers=console_headers(local_server_module))
    assert r.status_code == 200 and r.json()["header"]["isSuccessful"] is True
    assert c.get("/console/static/app.js").status_code == 200
    assert c.get("/console/static/vendor/uplot/LICENSE").status_code == 200
    assert c.get("/console/static/../../app.py").status_code == 404
    assert c.get("/console/static/index.html").status_code == 404  # pages only through /


def test_session_cookie_attributes(local_server_module: LocalServerHandle) -> None:
    with httpx.Client(base_url=local_server_module.url) as c:
        r = c.post(
            "/console/session", data={"token": local_server_module.token}, headers={"Origin": local_server_module.url}
        )
        assert r.status_code == 303
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


def test_session_alone_is_not_enough_cross_site(local_server_module: LocalServerHandle) -> None:
    """A cross-site page can make the browser send the cookie, but not the custom header without a preflight
    (which this server never grants), and its Origin/Sec-Fetch-Site give it away."""
    c = sign_in(local_server_module)
    url = "/v1.0/appkeys/a/experiments"
    assert c.get(url).status_code == 401  # no console header
    assert c.post(url, json={"experimentName": "x"}).status_code == 401
    evil = {"X-EasyMaker-Console": "1", "Origin": "http://evil.example"}
    # refused by the browser guard in front of every route, before the session is looked at
    assert c.get(url, headers=evil).status_code == 403
    assert c.get(url, headers={"X-EasyMaker-Console": "1", "Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert c.get(url, headers=console_headers(local_server_module)).status_code == 200
    # a sign-in form posted from another site is refused before the token is looked at
    r = httpx.post(
        f"{local_server_module.url}/console/session",
        data={"token": local_server_module.token},
        headers={"Origin": "http://evil.example"},
    )
    assert r.status_code == 403 and "em_console" not in r.headers.get("set-cookie", "")
    r = httpx.post(
        f"{local_server_module.url}/console/session",
        content=f"token={local_server_module.token}",
        headers={"Content-Type": "text/plain"},
    )
    assert r.status_code == 415
    # signing out ends the session
    assert c.post("/console/signout", headers={"Origin": local_server_module.url}).status_code == 303
    assert c.get(url, headers=console_headers(local_server_module)).status_code == 401


def test_one_time_link_from_the_cli(local_server_module: LocalServerHandle) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "easymaker.local",
            "console",
            "--home",
            str(local_server_module.home),
            "--port",
            str(local_server_module.port),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{REPO}:{REPO / 'generated'}"},
    )
    assert out.returncode == 0, out.stderr
    url = out.stdout.strip().splitlines()[-1]
    assert url.startswith(f"{local_server_module.url}/console/signin?code=")
    assert local_server_module.token not in out.stdout
    with httpx.Client() as c:
        r = c.get(url)
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert c.cookies.get("em_console")
    with httpx.Client() as c2:  # a second use signs nobody in
        r = c2.get(url)
        assert r.status_code == 303 and "signin=link" in r.headers["location"]
        assert c2.cookies.get("em_console") is None
    assert httpx.post(f"{local_server_module.url}/admin/console-links").status_code == 401


def test_admin_reads_for_the_page(local_server_module: LocalServerHandle) -> None:
    api = local_server_module.api("console-ak")
    assert api.post("/experiments", json={"experimentName": "e1"}).status_code == 200
    admin = local_server_module.client()
    keys = admin.get("/admin/appkeys").json()["appkeyList"]
    assert {"appkey": "console-ak", "resourceCount": 1} in keys
    assert httpx.get(f"{local_server_module.url}/admin/appkeys").status_code == 401
    r = admin.get("/admin/pipelines/nope/spec")
    assert r.status_code == 404
    r = admin.post("/admin/appkeys/console-ak/endpoint-stages/nope/models/m/predict", content=b"{}")
    assert r.status_code == 404 and "not found" in r.json()["header"]["resultMessage"]
    r = admin.post("/admin/appkeys/console-ak/endpoint-stages/nope/models/a%20b/predict", content=b"{}")
    assert r.status_code == 400
    assert admin.get("/admin/object-store/tenants").status_code == 200


def test_paged_training_list(local_server_module: LocalServerHandle) -> None:
    """The console pages trainings through the API: ``limit``/``page`` (newest first) and ``experimentId``."""
    from easymaker.local.store import Store

    api = local_server_module.api("paging-ak")
    exp = api.post("/experiments", json={"experimentName": "pe"}).json()["experiment"]["experimentId"]
    store = Store(local_server_module.home / "state.db")
    for i in range(7):  # stored rows, no runner needed for listing
        doc = {"trainingId": f"t{i}", "trainingName": f"t{i}", "experimentId": exp if i % 2 == 0 else "other"}
        store.insert("training", "paging-ak", f"t{i}", f"t{i}", "COMPLETE", doc)
    d = api.get("/trainings", params={"limit": 3, "page": 1}).json()
    assert [t["trainingName"] for t in d["trainingList"]] == ["t6", "t5", "t4"]
    assert d["paging"] == {"page": 1, "limit": 3, "totalCount": 7}
    d = api.get("/trainings", params={"limit": 3, "page": 3}).json()
    assert [t["trainingName"] for t in d["trainingList"]] == ["t0"]
    d = api.get("/trainings", params={"limit": 2, "experimentId": exp}).json()
    assert [t["trainingName"] for t in d["trainingList"]] == ["t6", "t4"] and d["paging"]["totalCount"] == 4
    d = api.get("/trainings", params={"experimentId": exp}).json()
    assert [t["trainingName"] for t in d["trainingList"]] == ["t0", "t2", "t4", "t6"] and "paging" not in d
    assert len(api.get("/trainings").json()["trainingList"]) == 7
    for bad in ({"limit": 0}, {"limit": 1001}, {"limit": "x"}, {"page": 0, "limit": 5}, {"limit": "9" * 40}):
        r = api.get("/trainings", params=bad)
        assert r.status_code == 400, (bad, r.text)
        assert "limit" in r.text or "page" in r.text


def test_cli_link_sends_no_token_to_a_stranger(local_server_module: LocalServerHandle, tmp_path: Path) -> None:
    """A program that is not the server (it cannot prove it holds the token) gets nothing from the CLI."""
    seen: list[str] = []

    class Stranger(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            seen.append(str(self.headers))
            body = json.dumps({"header": {"isSuccessful": True}, "proof": "guess"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    stranger = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stranger)
    threading.Thread(target=stranger.serve_forever, daemon=True).start()
    try:
        out = subprocess.run(
            [sys.executable, "-m", "easymaker.local", "console", "--home", str(local_server_module.home)]
            + ["--port", str(stranger.server_address[1])],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=60,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{REPO}:{REPO / 'generated'}"},
        )
    finally:
        stranger.shutdown()
        stranger.server_close()
    assert out.returncode == 1 and "did not prove" in out.stderr
    assert seen, "the proof request never reached the stranger"
    assert not any(local_server_module.token in h for h in seen)
