"""The model-server worker process.

``python -m easymaker.local.serving.worker --spec SPEC.json --ready-file READY.json [--port 0] [--parent-pid PID]``

``SPEC.json`` is ``{"models": [ModelSpec.to_json(), ...]}``. The worker loads every model, binds 127.0.0.1 on
``--port`` (0: a free port), and then writes ``READY.json`` atomically: ``{"port": N, "pid": P, "models": [...]}``.
When a model cannot be loaded it writes ``{"error": "<reason>", "model": "<name>"}`` instead and exits with status
3. Each model's parameters are also set as environment variables (name in SCREAMING_SNAKE_CASE), as the service
does. With ``--parent-pid`` the worker exits by itself when that process is gone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from easymaker.local.runners.process import watch_parent
from easymaker.local.serving.errors import ModelLoadError
from easymaker.local.serving.http import Handler, JsonHttpServer, json_bytes
from easymaker.local.serving.loaders import ModelSpec, ServedModel, load_model
from easymaker.local.serving.protocol import ModelRepository

logger = logging.getLogger("easymaker.local.serving.worker")

EXIT_LOAD_FAILED = 3


def env_name(parameter: str) -> str:
    """``modelId`` / ``model-id`` / ``model id`` -> ``MODEL_ID``."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", parameter)
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper()


def write_json_atomic(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, path)


def build_app(models: dict[str, ServedModel]) -> Handler:
    repo = ModelRepository(models)

    def app(method: str, path: str, body: bytes) -> tuple[int, bytes]:
        status, payload = repo.handle(method, path, body)
        try:
            return status, json_bytes(payload)
        except ValueError as exc:  # NaN/inf in a prediction
            return 500, json_bytes({"error": f"prediction is not valid JSON: {exc}"})

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m easymaker.local.serving.worker")
    parser.add_argument("--spec", required=True, type=Path)
    parser.add_argument("--ready-file", required=True, type=Path)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--parent-pid", type=int, default=0)
    parser.add_argument("--http", choices=("stdlib", "uvicorn"), default="stdlib")
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("EASYMAKER_LOG_LEVEL", "WARNING"), stream=sys.stderr)

    def _terminate(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _terminate)
    if args.parent_pid:
        watch_parent(args.parent_pid, lambda: os._exit(0))  # the worker holds nothing to save

    specs = [ModelSpec.from_json(m) for m in json.loads(args.spec.read_text())["models"]]
    models: dict[str, ServedModel] = {}
    for spec in specs:
        for key, value in spec.parameters.items():
            os.environ.setdefault(env_name(key), value)
        try:
            models[spec.name] = load_model(spec)
        except ModelLoadError as exc:
            write_json_atomic(args.ready_file, {"error": str(exc), "model": spec.name})
            return EXIT_LOAD_FAILED
        except Exception as exc:
            write_json_atomic(
                args.ready_file,
                {"error": f"model {spec.name!r} failed to load: {type(exc).__name__}: {exc}", "model": spec.name},
            )
            return EXIT_LOAD_FAILED

    app = build_app(models)
    if args.http == "uvicorn":
        serve_uvicorn(app, args.port, args.ready_file, sorted(models))
        return 0
    server = JsonHttpServer(app, port=args.port)
    write_json_atomic(args.ready_file, {"port": server.port, "pid": os.getpid(), "models": sorted(models)})
    try:
        server.serve_forever()
    except (SystemExit, KeyboardInterrupt):
        pass
    return 0


def serve_uvicorn(app: Handler, port: int, ready_file: Path, names: list[str]) -> None:
    """The same app under uvicorn + starlette (``--http uvicorn``; kept to compare in bench/serving.py)."""
    import uvicorn
    from starlette.requests import Request
    from starlette.responses import Response

    async def asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        status, payload = app(request.method, request.url.path, await request.body())
        await Response(payload, status_code=status, media_type="application/json")(scope, receive, send)

    server = uvicorn.Server(
        uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off")
    )

    async def _serve() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.01)
        bound = server.servers[0].sockets[0].getsockname()[1]
        write_json_atomic(ready_file, {"port": bound, "pid": os.getpid(), "models": names})
        await task

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # uvicorn installs its own graceful handlers
    asyncio.run(_serve())


if __name__ == "__main__":
    sys.exit(main())
