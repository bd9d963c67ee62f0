"""Property-based run of schemathesis against a real EasyMaker Local: for every operation of spec/openapi.yaml,
generated requests (valid and invalid) never get a 5xx, and every response conforms to the spec's schemas."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from local_server import REPO, start_local_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is not installed in this environment")
def test_schemathesis_no_server_errors_and_conforming_responses(tmp_path: Path) -> None:
    server = start_local_server(tmp_path / "home")
    try:
        cmd = [
            str(SCHEMATHESIS),
            "run",
            str(REPO / "spec" / "openapi.yaml"),
            "--url",
            server.url,
            "-H",
            f"x-nhn-authorization: Bearer {server.token}",
            "--max-examples",
            "8",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--phases",
            "examples,fuzzing",
            "--workers",
            "2",
            "--seed",
            "20261127",
            "--no-color",
        ]
        env = dict(os.environ, SCHEMATHESIS_HOOKS="")
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 0, out[-6000:]
        spec = yaml.safe_load((REPO / "spec" / "openapi.yaml").read_text())
        count = sum(m in ("get", "post", "put", "delete") for item in spec["paths"].values() for m in item)
        assert f"{count}/{count}" in out and " passed" in out, out[-3000:]
        assert "Traceback" not in server.output(), server.output()[-4000:]
    finally:
        server.stop()
