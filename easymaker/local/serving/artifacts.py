"""Turn a stored model resource into a local model directory and a :class:`ModelSpec` (shared by the runners)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from easymaker.local.runners.base import JobContext
from easymaker.local.serving.errors import ModelLoadError
from easymaker.local.serving.loaders import (
    ModelSpec,
    check_servable,
    declared_format_code,
    detect_format_code,
    parameters_of,
)


def lookup_model(ctx: JobContext, model_id: Any) -> dict[str, Any]:
    if not model_id:
        raise ModelLoadError("modelId is required")
    model = ctx.lookup("model", str(model_id))
    if model is None:
        raise ModelLoadError(f"model {model_id} does not exist (modelId)")
    return model


def prepare_model(ctx: JobContext, model: dict[str, Any], dest: Path) -> ModelSpec:
    """Check the model can run here, fetch its artifacts into ``dest`` (or use the NAS folder) and describe it.

    Raises :class:`ModelLoadError` with the reason when it cannot be served.
    """
    name = str(model.get("modelName") or model.get("modelId"))
    code = declared_format_code(model)
    params = parameters_of(model)
    uri = model.get("modelUploadUri")
    if code is None and not uri:
        raise ModelLoadError(f"model {name!r} has no modelFormatCode (or modelTypeCode) and no modelUploadUri")
    if code is not None and (code != "HUGGING_FACE" or not uri):
        check_servable(code, params, None)  # TRITON/SAPEON, a missing framework, a hub-only Hugging Face model
    if not uri:
        raise ModelLoadError(f"model {name!r} has no modelUploadUri: there are no model files to serve")
    local = ctx.uris.local_path(str(uri))
    if local is not None and local.is_dir():
        model_dir = local
    else:
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        try:
            ctx.uris.fetch(str(uri), dest)
        except FileNotFoundError as exc:
            raise ModelLoadError(f"model {name!r} files are missing: {exc}") from exc
        model_dir = dest
    if code is None:
        code = detect_format_code(model_dir)
        if code is None:
            raise ModelLoadError(
                f"model {name!r} has no modelFormatCode (or modelTypeCode) and its files under {uri} match no known "
                "format (SavedModel, Hugging Face folder, TorchScript or model.py + handler.py, .joblib/.pkl)"
            )
        check_servable(code, params, model_dir)
    elif code in ("HUGGING_FACE", "TENSORFLOW"):  # which runtime a TENSORFLOW model needs depends on its files
        check_servable(code, params, model_dir)
    return ModelSpec(name=name, format_code=code, model_dir=str(model_dir), parameters=params)
