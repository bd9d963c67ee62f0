"""Attacks on EasyMaker Local's tokens: Keystone tokens for made-up credentials, a tenant's token used on another
account, tokens that never expire, job tokens used beyond their appkey, a non-ASCII token."""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx
import pytest
from local_server import LocalServerHandle, start_local_server
from polling import wait_until

from easymaker.local.app import create_app
from easymaker.local.auth import AccessTokens

VICTIM = "victimtenant"


def _keystone(server: LocalServerHandle, auth: object) -> httpx.Response:
    return httpx.post(f"{server.url}/v2.0/tokens", json=auth, timeout=30.0)


WRONG_CREDENTIALS = [
    {"username": "u", "password": "p"},
    {"username": "local", "password": "p"},
    {"username": "admin", "password": "admin"},
    {"username": "local", "password": ""},
    {"username": "local", "password": "x" * 10_000},
    {"username": "l\u00f6cal", "password": "p\u00e4ss"},
]


@pytest.mark.parametrize("creds", WRONG_CREDENTIALS, ids=range(len(WRONG_CREDENTIALS)))
def test_keystone_refuses_made_up_credentials(local_server_module: LocalServerHandle, creds: dict[str, str]) -> None:
    # the attack of the issue: any username/password got a token, which then overwrote the tenant's train.py
    r = _keystone(local_server_module, {"auth": {"tenantId": VICTIM, "passwordCredentials": creds}})
    assert r.status_code in (400, 401), r.text
    assert "token" not in r.json().get("access", {})
    overwrite = httpx.put(
        f"{local_server_module.url}/v1/AUTH_{VICTIM}/code/train.py",
        content=b"import os; os.system('id')",
        headers={"X-Auth-Token": r.json().get("access", {}).get("token", {}).get("id", "none")},
    )
    assert overwrite.status_code == 401


@pytest.mark.parametrize(
    "auth",
    [
        {"auth": {"tenantId": VICTIM, "token": {"id": "not-the-token"}}},
        {"auth": {"tenantId": VICTIM, "token": {"id": "emjt_forged"}}},
        {"auth": {"tenantId": VICTIM, "token": "string"}},
        {"auth": {"tenantId": VICTIM, "passwordCredentials": {"username": "local"}}},
        {"auth": {"tenantId": "../../etc", "passwordCredentials": {"username": "local", "password": "p"}}},
    ],
)
def test_keystone_refuses_other_methods_and_shapes(local_server_module: LocalServerHandle, auth: object) -> None:
    r = _keystone(local_server_module, auth)
    assert r.status_code in (400, 401), r.text


def test_valid_credentials_get_a_token_of_one_tenant(local_server_module: LocalServerHandle) -> None:
    own = local_server_module.swift_token("owntenant")
    assert httpx.put(f"{local_server_module.url}/v1/AUTH_owntenant/c", headers={"X-Auth-Token": own}).status_code in (
        201,
        202,
    )
    for path in (f"/v1/AUTH_{VICTIM}/c", f"/v1/AUTH_{VICTIM}", f"/v1/AUTH_{VICTIM}/c/o"):
        for method in ("GET", "PUT", "DELETE", "HEAD"):
            r = httpx.request(method, local_server_module.url + path, headers={"X-Auth-Token": own})
            assert r.status_code == 401, (method, path, r.status_code)
    # the token method with the access token works too (what the SDK's local profile uses)
    r = _keystone(local_server_module, {"auth": {"tenantId": "owntenant", "token": {"id": local_server_module.token}}})
    assert r.status_code == 200 and r.json()["access"]["token"]["tenant"]["id"] == "owntenant"


def test_credentials_file_is_private(local_server_module: LocalServerHandle) -> None:
    path = local_server_module.home / "credentials"
    assert path.stat().st_mode & 0o777 == 0o600
    assert (local_server_module.home / "token").stat().st_mode & 0o777 == 0o600


def test_keystone_tokens_expire(tmp_path: Path) -> None:
    handle = start_local_server(tmp_path / "home", extra_args=("--swift-token-ttl", "1"))
    try:
        tok = handle.swift_token("t1")
        url = f"{handle.url}/v1/AUTH_t1/c"
        assert httpx.put(url, headers={"X-Auth-Token": tok}).status_code in (201, 202)
        wait_until(
            lambda: httpx.head(url, headers={"X-Auth-Token": tok}).status_code == 401,
            timeout=10,
            what="the token's expiry",
        )
    finally:
        handle.stop(timeout=20)


@pytest.mark.parametrize("value", ["t\u00f6ken", "\u2603" * 40, "Bearer \u00a0x", "a" * 8000])
def test_odd_tokens_get_401_not_500(local_server_module: LocalServerHandle, value: str) -> None:
    raw = value.encode("utf-8")
    for path, header in (
        (f"/v1/AUTH_{VICTIM}/c", b"X-Auth-Token"),
        ("/v1.0/appkeys/victim/experiments", b"x-nhn-authorization"),
        ("/v1.0/appkeys/victim/experiments", b"X-EasyMaker-Token"),
    ):
        r = httpx.get(local_server_module.url + path, headers=[(header, raw)])
        assert r.status_code in (400, 401), (path, header, r.status_code)


def test_job_tokens_open_only_their_appkey_and_die_with_the_job() -> None:
    tokens = AccessTokens("the-access-token")
    job = tokens.issue_job_token("mine", "job-1")
    assert tokens.allows(job, "mine")
    assert not tokens.allows(job, "other")
    assert not tokens.allows(job, None)  # admin routes: the access token only
    assert not tokens.allows(job + "x", "mine")
    tokens.revoke_job("job-1")
    assert not tokens.allows(job, "mine")
    assert tokens.allows("the-access-token", "anything") and tokens.allows("the-access-token", None)


def test_job_token_through_the_app(tmp_path: Path) -> None:
    # what a pipeline step holds as EM_TOKEN: its own appkey, nothing else, and only while the run lasts
    app = create_app(tmp_path / "home", "the-access-token-" + "a" * 20, run_jobs=False)
    tokens = app.app.state.tokens  # type: ignore[attr-defined]
    job = tokens.issue_job_token("mine", "run-1")
    h = {"X-EasyMaker-Token": job}

    async def calls() -> dict[str, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            out = {
                "own": (await c.get("/v1.0/appkeys/mine/experiments", headers=h)).status_code,
                "other appkey": (await c.get("/v1.0/appkeys/other/experiments", headers=h)).status_code,
                "admin": (await c.get("/admin/jobs", headers=h)).status_code,
                "reset": (await c.post("/admin/reset", headers=h)).status_code,
                "iaas token": (await c.get("/token/v1.0/appkeys/mine/groups/g/iaas-token", headers=h)).status_code,
                "swift": (await c.get("/v1/AUTH_mine/c", headers={"X-Auth-Token": job})).status_code,
                "keystone": (
                    await c.post("/v2.0/tokens", json={"auth": {"tenantId": "mine", "token": {"id": job}}})
                ).status_code,
            }
            tokens.revoke_job("run-1")
            out["after the run"] = (await c.get("/v1.0/appkeys/mine/experiments", headers=h)).status_code
            return out

    assert anyio.run(calls) == {
        "own": 200,
        "other appkey": 401,
        "admin": 401,
        "reset": 401,
        "iaas token": 403,
        "swift": 401,
        "keystone": 401,
        "after the run": 401,
    }
