"""Attacks on EasyMaker Local's secrets: user code looking for the access token in its environment, other users
reading it from command lines, and a home folder other users can change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from local_server import REPO, LocalServerHandle, start_local_server
from polling import wait_until

from easymaker.local.auth import child_environment, register_server_secret
from easymaker.local.home import LocalHome

# the entry point of the attack: everything it can see of the environment, and an attempt to use each value as a
# token on another appkey and on the admin routes
SNOOP_PY = """
import json, os, sys, urllib.request
found = {"env": dict(os.environ), "argv": sys.argv, "worked": []}
url = open("url.txt").read().strip()
for key, value in os.environ.items():
    for path in ("/v1.0/appkeys/someone-else/experiments", "/admin/jobs"):
        req = urllib.request.Request(url + path, headers={"x-nhn-authorization": "Bearer " + value})
        try:
            urllib.request.urlopen(req, timeout=5)
            found["worked"].append([key, path])
        except Exception:
            pass
with open(os.path.join(os.environ["EM_MODEL_DIR"], "snoop.json"), "w") as f:
    json.dump(found, f)
"""


def _run_training(server: LocalServerHandle) -> dict[str, object]:
    src = server.home / "nas" / "n1" / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "train.py").write_text(SNOOP_PY)
    (src / "url.txt").write_text(server.url)
    api = server.api("snoop")
    flavor = api.get("/flavors").json()["flavorList"][0]["id"]
    image = api.get("/images").json()["imageList"][0]["imageId"]
    exp = api.post("/experiments", json={"experimentName": "snoop"}).json()["experiment"]["experimentId"]
    body = {
        "trainingName": "snoop",
        "experimentId": exp,
        "imageId": image,
        "flavorId": flavor,
        "instanceCount": 1,
        "modelUploadUri": "nas://n1:/models/snoop",
        "timeoutMinutes": 60,
        "sourceDirUri": "nas://n1:/src",
        "entryPoint": "train.py",
    }
    r = api.post("/trainings", json=body)
    assert r.status_code == 200, r.text
    tid = r.json()["training"]["trainingId"]

    def ended() -> dict[str, Any] | None:
        doc: dict[str, Any] = api.get(f"/trainings/{tid}").json()["training"]
        return doc if doc["trainingStatusCode"] in ("COMPLETE", "FAIL_TRAIN", "STOPPED") else None

    doc = wait_until(ended, timeout=120, what="the training's end")
    assert doc["trainingStatusCode"] == "COMPLETE", doc
    found: dict[str, object] = json.loads((server.home / "nas" / "n1" / "models" / "snoop" / "snoop.json").read_text())
    return found


def test_training_code_finds_no_access_token(tmp_path: Path) -> None:
    # the server is started the way LocalServer and the tests start it: the token in its environment
    server = start_local_server(tmp_path / "home", env={"EM_ACCESS_TOKEN": "user-cloud-token"})
    try:
        found = _run_training(server)
    finally:
        server.stop(timeout=20)
    text = json.dumps(found)
    assert server.token not in text
    assert "EASYMAKER_LOCAL_TOKEN" not in found["env"] and "EM_ACCESS_TOKEN" not in found["env"]  # type: ignore[operator]
    assert found["worked"] == []


def test_child_environment_drops_every_copy_of_the_token() -> None:
    register_server_secret("s3cr3t-token-value-for-this-test")
    env = {
        "PATH": "/bin",
        "EASYMAKER_LOCAL_TOKEN": "whatever",
        "EM_ACCESS_TOKEN": "whatever",
        "COPY": "s3cr3t-token-value-for-this-test",
        "EMBEDDED": "Bearer s3cr3t-token-value-for-this-test;x",
        "EM_TOKEN": "emjt_a-job-token",
    }
    assert child_environment(env) == {"PATH": "/bin", "EM_TOKEN": "emjt_a-job-token"}


def test_token_on_the_command_line_warns(tmp_path: Path) -> None:
    token = "cmdline-token-" + "z" * 20
    server = start_local_server(tmp_path / "home", token=token, extra_args=("--token", token))
    try:
        assert "warning: --token" in server.output() and "--token-file" in server.output()
    finally:
        server.stop(timeout=20)


def test_token_file_keeps_the_token_out_of_ps(tmp_path: Path) -> None:
    from easymaker.local.server import LocalServer

    token = "file-token-" + "q" * 30
    token_file = tmp_path / "tok"
    token_file.write_text(token + "\n")
    server = start_local_server(tmp_path / "home", token=token, extra_args=("--token-file", str(token_file)))
    try:
        cmdline = Path(f"/proc/{server.process.pid}/cmdline").read_bytes()
        assert token.encode() not in cmdline
        assert httpx.get(f"{server.url}/admin/jobs", headers=server.headers).status_code == 200
    finally:
        server.stop(timeout=20)
    # the SDK's own starter passes the token through the environment, never argv
    local = LocalServer(tmp_path / "home2", port=0, token="sdk-token-" + "w" * 30)
    local.start()
    try:
        assert local.process is not None
        assert b"sdk-token-" not in Path(f"/proc/{local.process.pid}/cmdline").read_bytes()
    finally:
        local.stop()


def _serve(home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'generated'}")
    return subprocess.run(
        [sys.executable, "-m", "easymaker.local", "serve", "--port", "1", "--home", str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_existing_home_is_never_chmoded(tmp_path: Path) -> None:
    home = tmp_path / "existing-home"
    home.mkdir()
    home.chmod(0o750)
    server = start_local_server(home)
    server.stop(timeout=20)
    assert home.stat().st_mode & 0o777 == 0o750
    fresh = tmp_path / "fresh" / "home"
    LocalHome(fresh).ensure()  # a home EasyMaker Local creates is private
    assert fresh.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o703])
def test_world_writable_home_is_refused(tmp_path: Path, mode: int) -> None:
    home = tmp_path / "open"
    home.mkdir()
    home.chmod(mode)
    proc = _serve(home)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "world-writable" in proc.stderr and str(home) in proc.stderr
    assert home.stat().st_mode & 0o7777 == mode  # not "fixed" behind the user's back
    assert not (home / "token").exists() and not (home / "state.db").exists()
