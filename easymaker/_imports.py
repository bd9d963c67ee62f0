"""Import-time economies of the SDK's dependencies.

``import httpx`` also imports httpx's command-line client (``httpx._main``), which imports click, rich and pygments
when they are installed: about half of the time of ``import httpx`` in an environment that has them, for a CLI
this SDK never runs (encode/httpx#3547 moves that import out of ``httpx/__init__.py``; not released yet).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_CLI_MODULE = "httpx._main"


def _run_httpx_cli(*args: Any, **kwargs: Any) -> Any:
    """``httpx.main``: imports httpx's real command-line client on first call and runs it."""
    if getattr(sys.modules.get(_CLI_MODULE), "_easymaker_stand_in", False):
        del sys.modules[_CLI_MODULE]
    return importlib.import_module(_CLI_MODULE).main(*args, **kwargs)


def defer_httpx_cli() -> None:
    """Before httpx is first imported, register a stand-in for ``httpx._main`` whose ``main`` imports the real CLI
    when called, so ``import httpx`` does not import click, rich and pygments. No effect once httpx is imported."""
    if "httpx" in sys.modules or _CLI_MODULE in sys.modules:
        return
    stand_in = types.ModuleType(_CLI_MODULE, "httpx's command-line client, imported when httpx.main is called.")
    stand_in.main = _run_httpx_cli  # type: ignore[attr-defined]
    stand_in._easymaker_stand_in = True  # type: ignore[attr-defined]
    sys.modules[_CLI_MODULE] = stand_in
