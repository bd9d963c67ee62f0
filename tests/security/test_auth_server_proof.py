"""Attacks on the SDK's local profile by a stranger on the port: a process (of another user) that listens on the
local URL first, answering like EasyMaker Local or relaying to a real one, to collect the access token."""

from __future__ import annotations

import http.client
import http.server
import json
import socket
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from local_server import LocalServerHandle

import easymaker
from easymaker._local import verify_local_server

ENV = ("EM_PROFILE", "EM_API_URL", "EM_ACCESS_TOKEN", "EM_TOKEN", "EM_APPKEY", "EM_LOCAL_URL")


class Stranger:
    """An HTTP server that records every request; it answers ``mode``: ``"fake"`` (a plausible EasyMaker Local:
    health, a made-up proof, success envelopes) or ``"relay"`` (forwards everything to ``target``)."""

    def __init__(self, mode: str, target: str | None = None) -> None:
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        stranger = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                stranger.seen.append((self.command, self.path, dict(self.headers), body))
                status, out = stranger.answer(self.command, self.path, dict(self.headers), body)
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815

            def log_message(self, *args: Any) -> None:
                pass

        self.mode = mode
        self.target = target
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        if self.mode == "relay" and self.target is not None:
            host, port = self.target.split("//")[1].split(":")
            conn = http.client.HTTPConnection(host, int(port), timeout=10)
            fwd = {k: v for k, v in headers.items() if k.lower() not in ("host", "content-length")}
            fwd["Host"] = f"{host}:{port}"
            try:
                conn.request(method, path, body=body or None, headers=fwd)
                r = conn.getresponse()
                return r.status, r.read()
            finally:
                conn.close()
        ok: dict[str, Any] = {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}
        if "server-proof" in path:
            ok["proof"] = "0" * 64
        return 200, json.dumps(ok).encode()

    def tokens_seen(self, token: str) -> list[str]:
        return [f"{m} {p}" for m, p, h, b in self.seen if token in json.dumps(h) or token.encode() in b]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _init_local(monkeypatch: pytest.MonkeyPatch, home: Path, url: str) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("EASYMAKER_LOCAL_TOKEN", raising=False)
    monkeypatch.setenv("EASYMAKER_LOCAL_HOME", str(home))
    monkeypatch.setenv("EM_LOCAL_URL", url)
    easymaker.init(profile="local")


@pytest.mark.parametrize("mode", ["fake", "relay"])
def test_stranger_on_the_port_gets_no_token(
    local_server_module: LocalServerHandle, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    # the user's real server holds the token of its home; the stranger listens on the URL the SDK is pointed at
    stranger = Stranger(mode, local_server_module.url)
    try:
        _init_local(monkeypatch, local_server_module.home, stranger.url)
        with pytest.raises(easymaker.ServerIdentityError, match="did not prove"):
            easymaker.Experiment().create(experiment_name="secret-plans")
        with pytest.raises(easymaker.EasyMakerError, match="did not prove"):  # the transfer's error names it
            easymaker.upload(
                "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/x",
                str(local_server_module.home / "token"),
            )
        assert stranger.seen, "the SDK never asked the stranger for a proof"
        assert stranger.tokens_seen(local_server_module.token) == []
        assert all("server-proof" in p for _, p, _, _ in stranger.seen)
        credentials = json.loads((local_server_module.home / "credentials").read_text())["password"]
        assert stranger.tokens_seen(credentials) == []
    finally:
        stranger.close()


def test_real_server_is_verified_and_used(
    local_server_module: LocalServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    _init_local(monkeypatch, local_server_module.home, local_server_module.url)
    exp = easymaker.Experiment().create(experiment_name="proved")
    assert exp.experiment_id


def test_a_server_of_another_home_is_not_trusted(local_server_module: LocalServerHandle, tmp_path: Path) -> None:
    with pytest.raises(easymaker.ServerIdentityError):
        verify_local_server(local_server_module.url, "another-home-token-" + "y" * 20)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{}",
        b'{"nonce": "short"}',
        b'{"nonce": "' + b"a" * 200 + b'"}',
        b'{"nonce": "bad nonce with spaces!!!"}',
        b'{"nonce": 12345678901234567890123}',
        b"[1,2]",
        b'{"nonce": "aaaaaaaaaaaaaaaaaaaaaaaa", "x": 1}',
    ],
)
def test_proof_requests_are_validated(local_server_module: LocalServerHandle, body: bytes) -> None:
    r = httpx.post(
        f"{local_server_module.url}/local/v1.0/server-proof", content=body, headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text
    assert local_server_module.token not in r.text


def test_health_reveals_no_path_or_pid(local_server_module: LocalServerHandle) -> None:
    r = httpx.get(f"{local_server_module.url}/health")
    assert r.status_code == 200
    doc = r.json()
    text = r.text
    assert "pid" not in doc and "home" not in doc
    assert str(local_server_module.home) not in text and str(local_server_module.process.pid) not in text


def test_local_server_refuses_to_start_when_a_stranger_holds_the_port(tmp_path: Path) -> None:
    from easymaker.local.server import LocalServer

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        srv = LocalServer(tmp_path / "home", port=port)
        with pytest.raises(RuntimeError, match="cannot listen|exited"):
            srv.start(timeout=30)
