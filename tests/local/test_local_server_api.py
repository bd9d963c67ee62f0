"""``easymaker.local.server.LocalServer`` (what the SDK uses to start EasyMaker Local) and the ``reset`` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from local_server import REPO
from polling import wait_until

from easymaker.local.server import LocalServer


@pytest.mark.parametrize("mode", ["subprocess", "thread"])
def test_local_server_start_stop(tmp_path: Path, mode: str) -> None:
    server = LocalServer(home=tmp_path / "home", port=0, mode=mode)
    server.start()
    try:
        assert server.port > 0 and server.url == f"http://127.0.0.1:{server.port}"
        assert (tmp_path / "home" / "token").read_text().strip() == server.token
        headers = {"x-nhn-authorization": f"Bearer {server.token}"}
        r = httpx.post(f"{server.url}/v1.0/appkeys/a/experiments", json={"experimentName": "e"}, headers=headers)
        assert r.json()["experiment"]["experimentStatusCode"] == "ACTIVE"
        assert httpx.get(f"{server.url}/v1.0/appkeys/a/experiments").status_code == 401
    finally:
        server.stop()
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{server.url}/health", timeout=2)
    # the same home keeps the token and the resources
    again = LocalServer(home=tmp_path / "home", port=0, mode=mode).start()
    try:
        assert again.token == server.token
        doc = httpx.get(f"{again.url}/v1.0/appkeys/a/experiments", headers=headers).json()
        assert [e["experimentName"] for e in doc["experimentList"]] == ["e"]
    finally:
        again.stop()


def test_local_server_reports_a_failed_start(tmp_path: Path) -> None:
    blocker = LocalServer(home=tmp_path / "one", port=0).start()
    try:
        with pytest.raises(RuntimeError, match="cannot listen"):
            LocalServer(home=tmp_path / "two", port=blocker.port).start(timeout=30)
    finally:
        blocker.stop()


def test_cli_reset(tmp_path: Path) -> None:
    home = tmp_path / "home"
    server = LocalServer(home=home, port=0).start()
    headers = {"x-nhn-authorization": f"Bearer {server.token}"}
    httpx.post(f"{server.url}/v1.0/appkeys/a/experiments", json={"experimentName": "e"}, headers=headers)
    server.stop()
    cmd = [sys.executable, "-m", "easymaker.local", "reset", "--home", str(home)]
    refused = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = subprocess.run([*cmd, "--yes"], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "deleted 1 resources"
    server = LocalServer(home=home, port=0).start()
    try:
        doc = httpx.get(f"{server.url}/v1.0/appkeys/a/experiments", headers=headers).json()
        assert doc["experimentList"] == []
    finally:
        server.stop()


def test_a_started_server_ends_when_its_starter_is_killed(tmp_path: Path) -> None:
    import psutil

    script = (
        "import sys, time\n"
        "from easymaker.local.server import LocalServer\n"
        "server = LocalServer(home=sys.argv[1], port=0).start()\n"
        "print(server.process.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    starter = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "home")], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert starter.stdout is not None
    server_pid = int(starter.stdout.readline())
    assert psutil.pid_exists(server_pid)
    starter.kill()  # no atexit, no stop(): only the server's own watch can end it
    starter.wait()
    starter.stdout.close()

    def gone() -> bool:
        try:
            return bool(psutil.Process(server_pid).status() == psutil.STATUS_ZOMBIE)
        except psutil.NoSuchProcess:
            return True

    wait_until(gone, timeout=60, what="the end of the EasyMaker Local whose starter was killed")
