"""The official SDK (easymaker 2.1.0 / 2.1.5), each version in its own virtualenv under ``.official-venvs/``
(``$EASYMAKER_OFFICIAL_VENVS`` moves them), made by ``tools/official_manifest.py``; a test that needs one is skipped
with the reason when the package index cannot be reached."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import pytest
from paths import REPO

VENVS = Path(os.environ.get("EASYMAKER_OFFICIAL_VENVS", REPO / ".official-venvs"))


def official_python(version: str) -> Path:
    spec = importlib.util.spec_from_file_location("official_manifest", REPO / "tools" / "official_manifest.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    try:
        python: Path = tool.venv_python(version, VENVS)
    except (RuntimeError, subprocess.SubprocessError) as exc:
        pytest.skip(f"SKIPPED: the official easymaker=={version} cannot be installed from the package index: {exc}")
    return python
