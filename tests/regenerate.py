"""Regenerate the client from a changed copy of the spec into a temporary folder, and run a program against it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "spec" / "openapi.yaml"


def spec_copy() -> Any:
    """The spec as an editable round-trip document."""
    return YAML().load(SPEC.read_text(encoding="utf-8"))


def regenerate_in_subprocess(document: Any, folder: Path) -> Path:
    """Write ``document`` to ``folder``, run ``python -m codegen`` on it and return the output folder (which holds
    the generated ``easymaker_api``)."""
    path = folder / "openapi.yaml"
    with path.open("w", encoding="utf-8") as f:
        YAML().dump(document, f)
    out = folder / "out"
    subprocess.run(
        [sys.executable, "-m", "codegen", "--spec", str(path), "--output", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return out


def run_in_subprocess(program: str, generated: Path) -> str:
    """Run ``program`` in a fresh interpreter importing the SDK of this tree over the client in ``generated`` (it
    asserts so first); return its standard output."""
    check = "import sys, easymaker_api\nassert easymaker_api.__file__.startswith(sys.argv[1]), easymaker_api.__file__\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(generated), str(REPO)])}
    done = subprocess.run(
        [sys.executable, "-c", check + program, str(generated)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=generated,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
