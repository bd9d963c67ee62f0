"""Load a model directory into something that predicts, one loader per model format.

Formats (``modelFormatCode``, or the 2.1.0 ``modelTypeCode``):

* ``SKLEARN`` / ``SCIKIT_LEARN``: one ``.joblib`` (or ``.pkl``) file in the model directory.
* ``PYTORCH``: a TorchScript file (``.pt``/``.pth`` saved with ``torch.jit.save``), or the "no-archive" layout
  ``model.py`` + ``handler.py`` + a weights file (``.pt``/``.pth``/``.bin``).
* ``TENSORFLOW``: a SavedModel directory (``saved_model.pb`` + ``variables/``), when tensorflow is installed; or a
  Keras 3 file (``.keras``), through keras on tensorflow when it is installed, else on the torch backend.
* ``HUGGING_FACE``: a directory written by ``save_pretrained`` (``config.json``), through a transformers pipeline,
  when transformers is installed. A model given only by hub id (parameter ``model_id``) needs a download and
  cannot run offline.
* ``TRITON``, ``SAPEON``: not servable here.

Every failure raises :class:`ModelLoadError` with a message that says exactly what is missing.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import logging
import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easymaker.codes import ModelFormatCode
from easymaker.constants import SCIKIT_LEARN
from easymaker.local.serving.errors import BadRequestError, ModelLoadError

logger = logging.getLogger("easymaker.local.serving")

# Model format codes: the spec's ModelFormatCode and the 2.1.0 model type code SCIKIT_LEARN (easymaker.codes and
# easymaker.constants are tested equal to the spec's enums).
SKLEARN_CODES = frozenset({ModelFormatCode.SKLEARN.value, SCIKIT_LEARN})
KNOWN_CODES = frozenset(code.value for code in ModelFormatCode) | {SCIKIT_LEARN}
UNSERVABLE_CODES = frozenset({ModelFormatCode.TRITON.value, ModelFormatCode.SAPEON.value})


@dataclass(frozen=True)
class ModelSpec:
    """One model a worker loads: the name it is served under, its format and its local directory."""

    name: str
    format_code: str
    model_dir: str
    parameters: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "formatCode": self.format_code,
            "modelDir": self.model_dir,
            "parameters": dict(self.parameters),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ModelSpec:
        return cls(
            name=str(data["name"]),
            format_code=str(data["formatCode"]),
            model_dir=str(data["modelDir"]),
            parameters={str(k): str(v) for k, v in dict(data.get("parameters") or {}).items()},
        )


def declared_format_code(model: Mapping[str, Any]) -> str | None:
    """The format a model resource declares: ``modelFormatCode`` (2.1.5) or ``modelTypeCode`` (2.1.0), if any."""
    code = model.get("modelFormatCode") or model.get("modelTypeCode")
    return str(code).upper() if code else None


def detect_format_code(model_dir: Path) -> str | None:
    """Guess the format of an artifact folder, for models created from a training without a format code.

    The service derives the framework from the training; locally the files say it: a SavedModel is TENSORFLOW,
    a Hugging Face ``save_pretrained`` folder is HUGGING_FACE, TorchScript or ``model.py`` + ``handler.py`` is
    PYTORCH, a joblib/pickle file is SKLEARN.
    """
    names = {p.name for p in model_dir.rglob("*") if p.is_file()}
    suffixes = {Path(n).suffix for n in names}
    if "saved_model.pb" in names:
        return "TENSORFLOW"
    if "config.json" in names and (".safetensors" in suffixes or "pytorch_model.bin" in names):
        return "HUGGING_FACE"
    if {"model.py", "handler.py"} <= names or suffixes & {".pt", ".pth"}:
        return "PYTORCH"
    if suffixes & {".joblib", ".pkl"}:
        return "SKLEARN"
    return None


def parameters_of(model: Mapping[str, Any]) -> dict[str, str]:
    """``parameterList`` of a model resource as a name -> value dict."""
    out: dict[str, str] = {}
    for item in model.get("parameterList") or []:
        if isinstance(item, Mapping) and item.get("parameterName"):
            out[str(item["parameterName"])] = "" if item.get("parameterValue") is None else str(item["parameterValue"])
    return out


def _to_jsonable(value: Any) -> Any:
    """numpy arrays/scalars, torch tensors and tuples -> plain JSON values."""
    if hasattr(value, "detach") and hasattr(value, "cpu"):  # torch tensor
        value = value.detach().cpu().numpy()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, Mapping):
        return {str(k): _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_jsonable(v) for v in value]
    return value


class ServedModel:
    """A loaded model. Subclasses implement :meth:`predict`; the others have useful defaults."""

    platform = "unknown"
    takes_arrays = False  # predict() also takes a numpy array of the instances (binary v1 requests)

    def __init__(self, name: str, model_dir: Path) -> None:
        self.name = name
        self.model_dir = model_dir

    def predict(self, instances: list[Any]) -> list[Any]:
        """One prediction per instance (KServe v1 ``predictions``)."""
        raise NotImplementedError

    def predict_proba(self, instances: list[Any]) -> tuple[list[list[float]], list[Any]] | None:
        """Class probabilities and the class labels they belong to, or ``None`` when the model has none."""
        return None

    def metadata(self) -> dict[str, Any]:
        """KServe v2 model metadata."""
        return {"name": self.name, "versions": ["1"], "platform": self.platform, "inputs": [], "outputs": []}


# --------------------------------------------------------------------------------------------------------------
# scikit-learn


class SklearnModel(ServedModel):
    platform = "sklearn"
    takes_arrays = True  # the array is what numpy.asarray makes of the instances

    def __init__(self, name: str, model_dir: Path, estimator: Any, source: Path) -> None:
        super().__init__(name, model_dir)
        self.estimator = estimator
        self.source = source

    def _matrix(self, instances: list[Any]) -> Any:
        import numpy as np

        if isinstance(instances, np.ndarray):
            return instances
        if instances and all(isinstance(row, Mapping) for row in instances):
            fitted = getattr(self.estimator, "feature_names_in_", None)  # a numpy array when fitted on a DataFrame
            names = [str(n) for n in fitted] if fitted is not None else list(instances[0].keys())
            try:
                rows = [[row[n] for n in names] for row in instances]
            except KeyError as exc:
                raise BadRequestError(f"instance has no feature {exc.args[0]!r}; expected keys {names}") from exc
            return np.asarray(rows)
        try:
            return np.asarray(instances)
        except ValueError as exc:
            raise BadRequestError(f"instances do not form a rectangular array: {exc}") from exc

    def predict(self, instances: list[Any]) -> list[Any]:
        x = self._matrix(instances)
        if x.ndim == 1:
            x = x.reshape(1, -1) if len(instances) == 1 and not isinstance(instances[0], list) else x.reshape(-1, 1)
        return list(_to_jsonable(self.estimator.predict(x)))

    def predict_proba(self, instances: list[Any]) -> tuple[list[list[float]], list[Any]] | None:
        if not hasattr(self.estimator, "predict_proba"):
            return None
        x = self._matrix(instances)
        proba = self.estimator.predict_proba(x)
        classes = _to_jsonable(getattr(self.estimator, "classes_", list(range(proba.shape[1]))))
        return _to_jsonable(proba), list(classes)

    def metadata(self) -> dict[str, Any]:
        meta = super().metadata()
        n = getattr(self.estimator, "n_features_in_", None)
        meta["inputs"] = [{"name": "input-0", "datatype": "FP64", "shape": [-1, int(n)] if n else [-1, -1]}]
        meta["outputs"] = [{"name": "predict", "datatype": self._output_datatype(), "shape": [-1]}]
        return meta

    def _output_datatype(self) -> str:
        """The datatype inference answers: the classes' type for a classifier, FP64 for a regressor."""
        classes = getattr(self.estimator, "classes_", None)
        kind = getattr(getattr(classes, "dtype", None), "kind", "f")
        return {"b": "BOOL", "i": "INT64", "u": "INT64", "f": "FP64"}.get(kind, "BYTES")


def _load_sklearn(spec: ModelSpec, model_dir: Path) -> ServedModel:
    if importlib.util.find_spec("joblib") is None:
        raise ModelLoadError(f"{spec.format_code} model needs joblib, which is not installed: pip install joblib")
    import joblib

    candidates = sorted(p for p in model_dir.rglob("*") if p.is_file() and p.suffix in (".joblib", ".pkl"))
    if not candidates:
        raise ModelLoadError(
            f"{spec.format_code} model {spec.name!r} has no .joblib or .pkl file in its model directory"
        )
    joblibs = [p for p in candidates if p.suffix == ".joblib"]
    pool = joblibs or candidates
    top = [p for p in pool if p.parent == model_dir]
    pool = top or pool
    if len(pool) > 1:
        named = [p for p in pool if p.stem == "model"]
        if len(named) != 1:
            names = ", ".join(str(p.relative_to(model_dir)) for p in pool)
            raise ModelLoadError(
                f"{spec.format_code} model {spec.name!r} has several model files ({names}); keep one, or name it model.joblib"
            )
        pool = named
    source = pool[0]
    try:
        estimator = joblib.load(source)
    except Exception as exc:  # unpickling runs arbitrary code; report whatever it raised
        raise ModelLoadError(f"{spec.format_code} model file {source.name} cannot be loaded: {exc}") from exc
    if not hasattr(estimator, "predict"):
        raise ModelLoadError(
            f"{spec.format_code} model file {source.name} holds a {type(estimator).__name__}, which has no predict()"
        )
    return SklearnModel(spec.name, model_dir, estimator, source)


# --------------------------------------------------------------------------------------------------------------
# PyTorch


def _require(module: str, code: str, pip_name: str | None = None) -> None:
    if importlib.util.find_spec(module) is None:
        raise ModelLoadError(f"{code} model needs {module}, which is not installed: pip install {pip_name or module}")


class TorchScriptModel(ServedModel):
    platform = "pytorch_torchscript"

    def __init__(self, name: str, model_dir: Path, module: Any) -> None:
        super().__init__(name, model_dir)
        self.module = module

    def predict(self, instances: list[Any]) -> list[Any]:
        import torch

        try:
            x = torch.as_tensor(instances, dtype=torch.float32)
        except (ValueError, TypeError, RuntimeError) as exc:
            raise BadRequestError(f"instances cannot be turned into a float tensor: {exc}") from exc
        with torch.no_grad():
            try:
                out = self.module(x)
            except RuntimeError as exc:
                raise BadRequestError(f"model rejected the input of shape {list(x.shape)}: {exc}") from exc
        return list(_to_jsonable(out))


class _TorchServeContext:
    """The few attributes of TorchServe's context object that handlers commonly read."""

    def __init__(self, model_dir: Path, name: str, serialized: Path | None) -> None:
        self.system_properties = {"model_dir": str(model_dir), "gpu_id": None, "batch_size": 1}
        self.manifest = {
            "model": {
                "modelName": name,
                "serializedFile": serialized.name if serialized else None,
                "modelFile": "model.py",
                "handler": "handler.py",
            }
        }
        self.model_name = name

    def get_request_header(self, idx: int, key: str) -> None:
        return None


class HandlerModel(ServedModel):
    """The no-archive layout: ``handler.py`` drives ``model.py`` with the weights file.

    The handler's ``preprocess`` receives the list of rows from ``instances``; ``inference`` (or the model itself)
    runs on what it returns; ``postprocess`` (when defined) shapes the result, which must hold one item per row.
    A module-level ``handle(data, context)`` function is used as is.
    """

    platform = "pytorch_handler"

    def __init__(self, name: str, model_dir: Path, handler: Any, handle_fn: Any, context: Any) -> None:
        super().__init__(name, model_dir)
        self.handler = handler
        self.handle_fn = handle_fn
        self.context = context

    def predict(self, instances: list[Any]) -> list[Any]:
        import torch

        with torch.no_grad():
            if self.handle_fn is not None:
                out = self.handle_fn(instances, self.context)
            else:
                h = self.handler
                data = h.preprocess(instances) if hasattr(h, "preprocess") else torch.as_tensor(instances)
                out = h.inference(data) if hasattr(h, "inference") else h.model(data)
                if hasattr(h, "postprocess"):
                    out = h.postprocess(out)
        result = _to_jsonable(out)
        if not isinstance(result, list):
            result = [result]
        return result


def _import_file(path: Path, module_name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ModelLoadError(f"cannot import {path.name}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ModelLoadError(f"PYTORCH {path.name} failed to import: {type(exc).__name__}: {exc}") from exc
    return module


def _load_pytorch_handler(spec: ModelSpec, model_dir: Path, weights: list[Path]) -> ServedModel:
    import torch

    if str(model_dir) not in sys.path:
        sys.path.insert(0, str(model_dir))  # handler.py usually does `from model import ...`
    model_mod = _import_file(model_dir / "model.py", "model")
    handler_mod = _import_file(model_dir / "handler.py", "handler")
    serialized = weights[0] if weights else None
    context = _TorchServeContext(model_dir, spec.name, serialized)
    handle_fn = getattr(handler_mod, "handle", None)
    if callable(handle_fn) and not inspect.isclass(handle_fn):
        return HandlerModel(spec.name, model_dir, None, handle_fn, context)

    classes = [
        c
        for _, c in inspect.getmembers(handler_mod, inspect.isclass)
        if c.__module__ == handler_mod.__name__ and (hasattr(c, "preprocess") or hasattr(c, "inference"))
    ]
    if not classes:
        raise ModelLoadError("PYTORCH handler.py defines neither a handler class (preprocess/inference) nor handle()")
    handler: Any = classes[0]()
    module_classes = [
        c
        for _, c in inspect.getmembers(model_mod, inspect.isclass)
        if c.__module__ == model_mod.__name__ and issubclass(c, torch.nn.Module)
    ]
    if "initialize" in classes[0].__dict__:
        handler.initialize(context)
    if getattr(handler, "model", None) is None:
        if len(module_classes) != 1:
            raise ModelLoadError(
                f"PYTORCH model.py must define exactly one torch.nn.Module class (found {len(module_classes)})"
            )
        if serialized is None:
            raise ModelLoadError("PYTORCH no-archive model has no weights file (.pt, .pth or .bin)")
        net: Any = module_classes[0]()
        try:
            state = torch.load(serialized, map_location="cpu", weights_only=True)
            net.load_state_dict(state)
        except Exception as exc:
            raise ModelLoadError(
                f"PYTORCH weights {serialized.name} do not fit {module_classes[0].__name__}: {exc}"
            ) from exc
        net.eval()
        handler.model = net
    return HandlerModel(spec.name, model_dir, handler, None, context)


def _load_pytorch(spec: ModelSpec, model_dir: Path) -> ServedModel:
    _require("torch", "PYTORCH")
    import torch

    files = [p for p in model_dir.rglob("*") if p.is_file()]
    if any(p.suffix == ".mar" for p in files) and not (model_dir / "handler.py").exists():
        raise ModelLoadError(
            "PYTORCH .mar archives cannot be served by EasyMaker Local; upload the no-archive layout "
            "(model.py, handler.py and the weights file) or a TorchScript .pt file"
        )
    weights = sorted(p for p in files if p.suffix in (".pt", ".pth", ".bin"))
    if (model_dir / "handler.py").exists() and (model_dir / "model.py").exists():
        return _load_pytorch_handler(spec, model_dir, weights)
    if not weights:
        raise ModelLoadError(
            f"PYTORCH model {spec.name!r} has no model file: expected a TorchScript .pt file, or model.py + handler.py + weights"
        )
    errors = []
    for path in weights:
        try:
            module = torch.jit.load(str(path), map_location="cpu")
        except Exception as exc:  # not TorchScript
            errors.append(f"{path.name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            continue
        module.eval()
        return TorchScriptModel(spec.name, model_dir, module)
    raise ModelLoadError(
        "PYTORCH model file is not TorchScript (save it with torch.jit.save, or add model.py and handler.py): "
        + "; ".join(errors)
    )


# --------------------------------------------------------------------------------------------------------------
# TensorFlow


class TensorFlowModel(ServedModel):
    platform = "tensorflow_savedmodel"

    def __init__(self, name: str, model_dir: Path, fn: Any, input_name: str, input_dtype: Any) -> None:
        super().__init__(name, model_dir)
        self.fn = fn
        self.input_name = input_name
        self.input_dtype = input_dtype

    def predict(self, instances: list[Any]) -> list[Any]:
        import tensorflow as tf

        x = tf.constant(instances, dtype=self.input_dtype)
        out = self.fn(**{self.input_name: x})
        if isinstance(out, Mapping):
            if len(out) == 1:
                return list(_to_jsonable(next(iter(out.values())).numpy()))
            cols = {k: _to_jsonable(v.numpy()) for k, v in out.items()}
            return [{k: cols[k][i] for k in cols} for i in range(len(instances))]
        return list(_to_jsonable(out.numpy()))


class KerasModel(ServedModel):
    platform = "keras"

    def __init__(self, name: str, model_dir: Path, model: Any) -> None:
        super().__init__(name, model_dir)
        self.model = model

    def predict(self, instances: list[Any]) -> list[Any]:
        import numpy as np

        return list(_to_jsonable(self.model.predict(np.asarray(instances, dtype="float32"), verbose=0)))


def _keras_file(model_dir: Path) -> Path | None:
    """The Keras 3 file of a TENSORFLOW model directory that has no SavedModel, if it has one."""
    if any(model_dir.rglob("saved_model.pb")):
        return None
    found = sorted(model_dir.rglob("*.keras"))
    return found[0] if found else None


def _require_keras() -> None:
    _require("keras", "TENSORFLOW (.keras)")
    if importlib.util.find_spec("tensorflow") is None:
        _require("torch", "TENSORFLOW (.keras) without tensorflow", "torch (keras runs on its torch backend)")


def _load_keras(spec: ModelSpec, model_dir: Path, path: Path) -> ServedModel:
    _require_keras()
    import os

    if importlib.util.find_spec("tensorflow") is None:
        os.environ.setdefault("KERAS_BACKEND", "torch")  # a worker process of its own: set before keras loads
    import keras

    try:
        model = keras.saving.load_model(str(path))
    except Exception as exc:
        raise ModelLoadError(
            f"TENSORFLOW Keras file {path.name} cannot be loaded: {type(exc).__name__}: {exc}"
        ) from exc
    return KerasModel(spec.name, model_dir, model)


def _load_tensorflow(spec: ModelSpec, model_dir: Path) -> ServedModel:
    keras_file = _keras_file(model_dir)
    if keras_file is not None:
        return _load_keras(spec, model_dir, keras_file)
    _require("tensorflow", "TENSORFLOW")
    import tensorflow as tf

    found = sorted(model_dir.rglob("saved_model.pb"), key=lambda p: (len(p.parts), str(p)))
    if not found:
        raise ModelLoadError(
            f"TENSORFLOW model {spec.name!r} has no saved_model.pb (nor .keras file) in its model directory"
        )
    loaded = tf.saved_model.load(str(found[-1].parent if len(found) > 1 else found[0].parent))
    signature = loaded.signatures.get("serving_default")
    if signature is None:
        raise ModelLoadError("TENSORFLOW SavedModel has no serving_default signature")
    _, kwargs = signature.structured_input_signature
    if len(kwargs) != 1:
        raise ModelLoadError(
            f"TENSORFLOW serving_default signature takes {len(kwargs)} inputs; EasyMaker Local serves one"
        )
    input_name, tensor_spec = next(iter(kwargs.items()))
    return TensorFlowModel(spec.name, model_dir, signature, input_name, tensor_spec.dtype)


# --------------------------------------------------------------------------------------------------------------
# Hugging Face


class HuggingFaceModel(ServedModel):
    platform = "huggingface_pipeline"

    def __init__(self, name: str, model_dir: Path, pipe: Any) -> None:
        super().__init__(name, model_dir)
        self.pipe = pipe

    def predict(self, instances: list[Any]) -> list[Any]:
        return list(_to_jsonable(self.pipe(instances)))


def _load_hugging_face(spec: ModelSpec, model_dir: Path) -> ServedModel:
    has_local = (model_dir / "config.json").exists() if model_dir.is_dir() else False
    if not has_local:
        model_id = spec.parameters.get("model_id")
        if model_id:
            raise ModelLoadError(
                f"HUGGING_FACE model {model_id!r} is given only by hub id and cannot be served by EasyMaker Local: "
                "it would need a download from the Hugging Face Hub, and EasyMaker Local works offline. "
                "Save the model with save_pretrained and create the model from that directory"
            )
        raise ModelLoadError(
            f"HUGGING_FACE model {spec.name!r} has no config.json in its model directory (save it with save_pretrained)"
        )
    _require("transformers", "HUGGING_FACE")
    import transformers

    task = spec.parameters.get("task") or None
    try:
        pipe = transformers.pipeline(task=task, model=str(model_dir), tokenizer=str(model_dir), device=-1)
    except Exception as exc:
        raise ModelLoadError(f"HUGGING_FACE model in {model_dir.name} cannot be loaded: {exc}") from exc
    return HuggingFaceModel(spec.name, model_dir, pipe)


# --------------------------------------------------------------------------------------------------------------


def load_model(spec: ModelSpec) -> ServedModel:
    """Load ``spec`` or raise :class:`ModelLoadError` saying exactly why it cannot be served here."""
    code = spec.format_code.upper()
    if code in UNSERVABLE_CODES:
        raise ModelLoadError(f"{code} models cannot be served by EasyMaker Local")
    if code not in KNOWN_CODES:
        raise ModelLoadError(f"unknown model format {code!r}; expected one of {', '.join(sorted(KNOWN_CODES))}")
    model_dir = Path(spec.model_dir)
    if code != "HUGGING_FACE" and not model_dir.is_dir():
        raise ModelLoadError(f"{code} model {spec.name!r} has no model directory ({model_dir} does not exist)")
    if code in SKLEARN_CODES:
        model = _load_sklearn(spec, model_dir)
    elif code == "PYTORCH":
        model = _load_pytorch(spec, model_dir)
    elif code == "TENSORFLOW":
        model = _load_tensorflow(spec, model_dir)
    else:
        model = _load_hugging_face(spec, model_dir)
    logger.info("loaded %s model %s from %s", code, spec.name, model_dir)
    return model


def check_servable(format_code: str, parameters: Mapping[str, str], model_dir: Path | None) -> None:
    """Fail early (before starting processes) for what can never run here: TRITON/SAPEON, hub-only HF models,
    missing frameworks."""
    code = format_code.upper()
    if code in UNSERVABLE_CODES:
        raise ModelLoadError(f"{code} models cannot be served by EasyMaker Local")
    if code not in KNOWN_CODES:
        raise ModelLoadError(f"unknown model format {code!r}; expected one of {', '.join(sorted(KNOWN_CODES))}")
    if code == "HUGGING_FACE":
        has_local = model_dir is not None and (model_dir / "config.json").exists()
        if not has_local and parameters.get("model_id"):
            _load_hugging_face(ModelSpec("check", code, str(model_dir or ""), parameters), model_dir or Path())
        if has_local:
            _require("transformers", code)
    elif code == "PYTORCH":
        _require("torch", code)
    elif code == "TENSORFLOW":
        if model_dir is None:  # before the files are fetched: either runtime may do
            if importlib.util.find_spec("tensorflow") is None and importlib.util.find_spec("keras") is None:
                _require("tensorflow", code)
        elif model_dir.is_dir() and _keras_file(model_dir) is not None:
            _require_keras()
        else:
            _require("tensorflow", code)
