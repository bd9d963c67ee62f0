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
import json
import logging
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType

from easymaker.local.serving.errors import ModelLoadError
from easymaker.local.serving.http import JsonHttpServer, json_bytes
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


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent_pid:
            logger.warning("parent process %d is gone; worker exits", parent_pid)
            os._exit(0)


def build_app(models: dict[str, ServedModel]):  # type: ignore[no-untyped-def]
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
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("EASYMAKER_LOG_LEVEL", "WARNING"), stream=sys.stderr)

    def _terminate(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _terminate)
    if args.parent_pid:
        threading.Thread(target=_watch_parent, args=(args.parent_pid,), daemon=True).start()

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

    server = JsonHttpServer(build_app(models), port=args.port)
    write_json_atomic(args.ready_file, {"port": server.port, "pid": os.getpid(), "models": sorted(models)})
    try:
        server.serve_forever()
    except (SystemExit, KeyboardInterrupt):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
