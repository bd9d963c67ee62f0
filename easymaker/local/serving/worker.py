"""The model-server worker process.

``python -m easymaker.local.serving.worker --spec SPEC.json --ready-file READY.json [--port 0 | --listen-fd FD]
[--parent-pid PID]``

``SPEC.json`` is ``{"models": [ModelSpec.to_json(), ...]}``. The worker loads every model, then serves on the
listening socket it inherited as ``--listen-fd`` (an endpoint stage's port, shared by all the stage's workers:
each accepts connections on it) or binds 127.0.0.1 on ``--port`` (0: a free port), and then writes ``READY.json``
atomically: ``{"port": N, "pid": P, "models": [...]}``.
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
import socket
import sys
from collections.abc import Mapping
from pathlib import Path
from types import FrameType

from easymaker.local.runners.process_group import watch_parent
from easymaker.local.serving.errors import ModelLoadError
from easymaker.local.serving.http import Handler, json_bytes, serve
from easymaker.local.serving.loaders import ModelSpec, ServedModel, load_model
from easymaker.local.serving.protocol import BinaryReply, ModelRepository

logger = logging.getLogger("easymaker.local.serving.worker")

Extra = tuple[tuple[str, str], ...]

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

    def app(method: str, path: str, body: bytes, headers: Mapping[str, str]) -> tuple[int, bytes, Extra]:
        status, payload = repo.handle(method, path, body, headers)
        if isinstance(payload, BinaryReply):
            head = json_bytes(payload.header)
            extra = (("Content-Type", "application/octet-stream"), ("Inference-Header-Content-Length", str(len(head))))
            return status, head + payload.data, extra
        try:
            return status, json_bytes(payload), ()
        except ValueError as exc:  # NaN/inf in a prediction
            return 500, json_bytes({"error": f"prediction is not valid JSON: {exc}"}), ()

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m easymaker.local.serving.worker")
    parser.add_argument("--spec", required=True, type=Path)
    parser.add_argument("--ready-file", required=True, type=Path)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--parent-pid", type=int, default=0)
    parser.add_argument("--listen-fd", type=int, default=-1)
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
    if args.listen_fd >= 0:
        sock = socket.socket(fileno=args.listen_fd)
    else:
        sock = socket.create_server(("127.0.0.1", args.port))
    port = int(sock.getsockname()[1])

    async def _serve() -> None:
        task = asyncio.current_task()
        assert task is not None
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
        ready = {"port": port, "pid": os.getpid(), "models": sorted(models)}
        await serve(app, sock, lambda: write_json_atomic(args.ready_file, ready))

    try:
        asyncio.run(_serve())
    except (asyncio.CancelledError, KeyboardInterrupt, SystemExit):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
