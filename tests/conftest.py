"""Shared fixtures and markers of the test suite.

- ``local_server`` / ``local_server_module``: a real EasyMaker Local (subprocess, free port, temporary home) per
  test / per module — the one way tests start the server (`local_server.start_local_server` for custom starts);
  the ``local_server(files=..., samples=...)`` mark configures it. ``local_sdk`` / ``local_sdk_module``: the SDK
  initialised on the module's server (see ``local_server.py``).
- `polling.wait_until`: the one poller.
- Every test in a module that starts processes (EasyMaker Local, Swift, model servers, a browser, the SDK's
  local profile) is marked ``server``: ``make test-fast`` runs the rest (``-m "not server"``).

Test modules live in folders mirroring the packages (``tests/sdk/``, ``tests/local/runners/``, ...: see
CONTRIBUTING.md); ``tests/`` is on ``sys.path`` (``pythonpath`` in pyproject.toml), so they import the helpers at its
top (``local_server``, ``polling``, ``paths``, ``swift_server``, ...) directly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from local_server import (  # noqa: F401  (fixtures, found by name)
    local_sdk,
    local_sdk_module,
    local_server,
    local_server_module,
)

# What a module that starts processes contains; read from its source once per module.
_STARTS_PROCESSES = re.compile(
    r"start_local_server|local_server\b|LocalServer|swift_server|subprocess|Popen|chromium|profile=\"local\"|"
    r"ModelWorker|start_worker|serve_stage|multiprocessing|run_runner|Supervisor|easymaker\.local\.runners|"
    r"serving_support"
)
_verdicts: dict[Path, bool] = {}


def _starts_processes(path: Path) -> bool:
    if path not in _verdicts:
        try:
            _verdicts[path] = bool(_STARTS_PROCESSES.search(path.read_text(encoding="utf-8")))
        except OSError:
            _verdicts[path] = True
    return _verdicts[path]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "server: starts processes (EasyMaker Local, Swift, workers, a browser)")
    config.addinivalue_line(
        "markers", "local_server(files={path: text}, samples=False): how the local_server* fixtures prepare the home"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _starts_processes(Path(str(item.fspath))) or (
            isinstance(item, pytest.Function)
            and any(f.startswith(("local_server", "local_sdk")) for f in item.fixturenames)
        ):
            item.add_marker(pytest.mark.server)
