"""KServe v1 and v2 (Open Inference Protocol) request handling for a set of loaded models, without HTTP.

``GET /`` answers ``{"status": "alive"}`` (liveness, as KServe's model server does).

v1: ``GET /v1/models``, ``GET /v1/models/{name}``, ``POST /v1/models/{name}:predict`` (KServe's form, what V1
clients send) or ``/v1/models/{name}/predict`` with ``{"instances": [...]}`` -> ``{"predictions": [...]}``;
instances may be lists of numbers or objects keyed by feature name. ``:explain`` answers 501. An EasyMaker Local extension: with
``"parameters": {"return_probabilities": true}`` in the body, a classifier that has ``predict_proba`` also answers
``"probabilities"`` (one list per instance) and ``"classes"`` (the label of each column).

v2: ``GET /v2``, ``/v2/health/live``, ``/v2/health/ready``, ``GET /v2/models/{name}[/versions/{v}]`` (metadata),
``.../ready``, ``POST .../infer`` with ``{"inputs": [{"name", "shape", "datatype", "data"}]}`` ->
``{"model_name", "outputs": [{"name": "predict", "shape", "datatype", "data"}]}``. The first input is the model
input: its flat ``data`` is reshaped to ``shape`` and sent to the model as rows. The binary tensor extension
(``Inference-Header-Content-Length``: a JSON header, then each input's raw little-endian bytes as announced by its
``parameters.binary_data_size``; ``binary_data_output`` / an output's ``binary_data`` asks for the output the same
way) is understood, as Triton and KServe clients use it by default for numpy inputs.

The EasyMaker 2.1.0 SDK's form ``/{name}/v1/models/{name}/predict`` is the same as without the ``/{name}`` prefix.

Errors are JSON ``{"error": "..."}``: 400 for a bad body or an input the model rejects, 404 for an unknown model or
path, 405 for a wrong method, 500 for a failure inside the model.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from easymaker.local.serving.errors import BadRequestError, ModelNotFoundError
from easymaker.local.serving.loaders import ServedModel

logger = logging.getLogger("easymaker.local.serving")

SERVER_NAME = "easymaker-local"
SERVER_VERSION = "1"

Reply = tuple[int, Any]  # (HTTP status, JSON-able body or BinaryReply)

# KServe v2 binary tensor extension: datatype -> numpy dtype (little-endian); BYTES is length-prefixed
NUMPY_TYPES = {
    "BOOL": "|b1",
    "UINT8": "|u1",
    "UINT16": "<u2",
    "UINT32": "<u4",
    "UINT64": "<u8",
    "INT8": "|i1",
    "INT16": "<i2",
    "INT32": "<i4",
    "INT64": "<i8",
    "FP16": "<f2",
    "FP32": "<f4",
    "FP64": "<f8",
}


@dataclass
class BinaryReply:
    """A v2 answer in the binary tensor extension: the JSON ``header``, then ``data`` (outputs' raw bytes)."""

    header: dict[str, Any]
    data: bytes


def _json_body(body: bytes) -> dict[str, Any]:
    try:
        data = orjson.loads(body or b"null")
    except orjson.JSONDecodeError:  # NaN, integers beyond 64 bits, other encodings: json reads those
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BadRequestError(f"request body is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise BadRequestError("request body must be a JSON object")
    return data


def _reshape(flat: list[Any], shape: list[int]) -> list[Any]:
    if len(shape) <= 1:
        return flat
    step = math.prod(shape[1:])
    return [_reshape(flat[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def _flatten(value: Any) -> tuple[list[Any], list[int]]:
    if isinstance(value, list):
        if not value:
            return [], [0]
        parts = [_flatten(v) for v in value]
        inner = parts[0][1]
        flat: list[Any] = []
        for data, shp in parts:
            if shp != inner:
                return [json.dumps(v) for v in value], [len(value)]  # ragged: send each item as JSON text
            flat.extend(data)
        return flat, [len(value), *inner]
    return [value], []


def _datatype(flat: list[Any]) -> str:
    if flat and all(isinstance(v, bool) for v in flat):
        return "BOOL"
    if flat and all(isinstance(v, int) and not isinstance(v, bool) for v in flat):
        return "INT64"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in flat):
        return "FP64"
    return "BYTES"


class ModelRepository:
    """The models one process serves, and the protocol logic that answers requests for them."""

    def __init__(self, models: Mapping[str, ServedModel]) -> None:
        self.models = dict(models)

    def _model(self, name: str) -> ServedModel:
        model = self.models.get(name)
        if model is None:
            raise ModelNotFoundError(f"model {name!r} is not served here; served models: {sorted(self.models)}")
        return model

    def handle(self, method: str, path: str, body: bytes, headers: Mapping[str, str] | None = None) -> Reply:
        """Answer one request: ``(HTTP status, JSON-able body or BinaryReply)``."""
        try:
            return self._route(method, path.split("?", 1)[0], body, headers or {})
        except BadRequestError as exc:
            return 400, {"error": str(exc)}
        except ModelNotFoundError as exc:
            return 404, {"error": str(exc)}
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            return 400, {"error": f"model rejected the input: {type(exc).__name__}: {exc}"}
        except Exception as exc:  # the model's own code failed
            logger.exception("prediction failed")
            return 500, {"error": f"prediction failed: {type(exc).__name__}: {exc}"}

    def _route(self, method: str, path: str, body: bytes, headers: Mapping[str, str]) -> Reply:
        parts = [p for p in path.split("/") if p]
        if not parts:
            return (200, {"status": "alive"}) if method in ("GET", "HEAD") else (405, {"error": "use GET /"})
        if len(parts) >= 2 and parts[0] not in ("v1", "v2") and parts[1] in ("v1", "v2"):
            parts = parts[1:]  # the 2.1.0 SDK's /{name}/v1/models/{name}/predict
        if parts[0] == "v1":
            return self._v1(method, parts[1:], body, headers)
        if parts[0] == "v2":
            return self._v2(method, parts[1:], body, headers)
        return 404, {"error": f"no route for {method} {path}"}

    # v1 --------------------------------------------------------------------------------------------------------
    def _v1(self, method: str, parts: list[str], body: bytes, headers: Mapping[str, str]) -> Reply:
        if parts == ["models"]:
            if method != "GET":
                return 405, {"error": "use GET /v1/models"}
            return 200, {"models": sorted(self.models)}
        if len(parts) == 2 and parts[0] == "models" and ":" in parts[1]:
            name, _, verb = parts[1].rpartition(":")  # KServe's /v1/models/{name}:predict
            if verb in ("predict", "explain"):
                parts = ["models", name, verb]
        if len(parts) == 2 and parts[0] == "models":
            if method != "GET":
                return 405, {"error": f"use GET /v1/models/{parts[1]}"}
            model = self._model(parts[1])
            return 200, {"name": model.name, "ready": True}
        if len(parts) == 3 and parts[0] == "models" and parts[2] in ("predict", "explain"):
            model = self._model(parts[1])
            if parts[2] == "explain":
                return 501, {"error": "explain is not supported by EasyMaker Local"}
            if method != "POST":
                return 405, {"error": f"use POST /v1/models/{parts[1]}:predict"}
            return 200, self.predict_v1(model, _v1_body(model, body, headers))
        return 404, {"error": f"no route for {method} /v1/{'/'.join(parts)}"}

    def predict_v1(self, model: ServedModel, data: dict[str, Any]) -> dict[str, Any]:
        instances: Any = data.get("instances")
        if instances is None and "inputs" in data and isinstance(data["inputs"], list):
            instances = data["inputs"]  # KServe v1 also accepts "inputs" in the instances' place
        if not isinstance(instances, list) and not hasattr(instances, "ndim"):  # a list, or a binary tensor's array
            raise BadRequestError('request body needs "instances": a JSON list with one item per instance')
        if len(instances) == 0:
            return {"predictions": []}
        out: dict[str, Any] = {"predictions": model.predict(instances)}
        params = data.get("parameters")
        if isinstance(params, Mapping) and params.get("return_probabilities"):
            proba = model.predict_proba(instances)
            if proba is not None:
                out["probabilities"], out["classes"] = proba
        return out

    # v2 --------------------------------------------------------------------------------------------------------
    def _v2(self, method: str, parts: list[str], body: bytes, headers: Mapping[str, str]) -> Reply:
        if not parts:
            return 200, {"name": SERVER_NAME, "version": SERVER_VERSION, "extensions": []}
        if parts == ["health", "live"]:
            return 200, {"live": True}
        if parts == ["health", "ready"]:
            return 200, {"ready": True}
        if parts[0] != "models" or len(parts) < 2:
            return 404, {"error": f"no route for {method} /v2/{'/'.join(parts)}"}
        model = self._model(parts[1])
        rest = parts[2:]
        if rest[:1] == ["versions"] and len(rest) >= 2:
            rest = rest[2:]
        if not rest:
            return 200, model.metadata()
        if rest == ["ready"]:
            return 200, {"name": model.name, "ready": True}
        if rest == ["infer"]:
            if method != "POST":
                return 405, {"error": f"use POST /v2/models/{model.name}/infer"}
            return self.infer_v2(model, body, headers)
        return 404, {"error": f"no route for {method} /v2/{'/'.join(parts)}"}

    def infer_v2(self, model: ServedModel, body: bytes, headers: Mapping[str, str] | None = None) -> Reply:
        data, binary = _split_body(body, headers or {})
        inputs = data.get("inputs")
        if not isinstance(inputs, list) or not inputs or not isinstance(inputs[0], Mapping):
            raise BadRequestError('request body needs "inputs": a list of {"name", "shape", "datatype", "data"}')
        first = inputs[0]
        shape = first.get("shape")
        if not isinstance(shape, list) or not all(isinstance(d, int) and d >= 0 for d in shape):
            raise BadRequestError("inputs[0].shape must be a list of non-negative integers")
        flat_values = _binary_input(first, binary) if _binary_size(first) is not None else _json_input(first)
        if math.prod(shape) != len(flat_values):
            raise BadRequestError(
                f"inputs[0].data has {len(flat_values)} values but shape {shape} needs {math.prod(shape)}"
            )
        rows = _reshape(flat_values, shape) if shape else flat_values
        predictions = model.predict(rows if len(shape) >= 1 else [rows])
        out_flat, out_shape = _flatten(predictions)
        datatype = _datatype(out_flat)
        output: dict[str, Any] = {"name": "predict", "shape": out_shape, "datatype": datatype}
        reply: dict[str, Any] = {"model_name": model.name, "model_version": "1", "outputs": [output]}
        if "id" in data:
            reply["id"] = data["id"]
        if _wants_binary(data):
            raw = _encode(out_flat, datatype)
            output["parameters"] = {"binary_data_size": len(raw)}
            return 200, BinaryReply(reply, raw)
        output["data"] = out_flat
        return 200, reply


def _split_body(body: bytes, headers: Mapping[str, str]) -> tuple[dict[str, Any], bytes]:
    """The JSON part of a body and its binary part (after ``Inference-Header-Content-Length`` bytes, if given)."""
    header_length = headers.get("inference-header-content-length")
    if header_length is None:
        return _json_body(body), b""
    try:
        size = int(header_length)
    except ValueError:
        raise BadRequestError(f"Inference-Header-Content-Length {header_length!r} is not an integer") from None
    if not 0 <= size <= len(body):
        raise BadRequestError(f"Inference-Header-Content-Length {size} is outside the request body ({len(body)} bytes)")
    return _json_body(body[:size]), body[size:]


def _v1_body(model: ServedModel, body: bytes, headers: Mapping[str, str]) -> dict[str, Any]:
    """A v1 predict body. An EasyMaker Local extension (what batch inference sends): with
    ``Inference-Header-Content-Length``, the JSON part names the instances as one binary tensor the way v2 does
    (``{"inputs": [{"name", "shape", "datatype", "parameters": {"binary_data_size"}}], "parameters": ...}``) and
    its bytes follow; the instances are the numpy array (scikit-learn models) or its rows as lists."""
    data, binary = _split_body(body, headers)
    if "inference-header-content-length" not in headers:
        return data
    inputs = data.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != 1 or not isinstance(inputs[0], Mapping):
        raise BadRequestError('a binary v1 request needs "inputs": one {"name", "shape", "datatype", "parameters"}')
    tensor = inputs[0]
    shape = tensor.get("shape")
    if not isinstance(shape, list) or not shape or not all(type(d) is int and d >= 0 for d in shape):
        raise BadRequestError("inputs[0].shape must be a non-empty list of non-negative integers")
    if _binary_size(tensor) is None:
        raise BadRequestError("inputs[0].parameters.binary_data_size is required in a binary v1 request")
    array = _binary_array(tensor, binary)
    if array.size != math.prod(shape):
        raise BadRequestError(f"inputs[0] has {array.size} values but shape {shape} needs {math.prod(shape)}")
    array = array.reshape(shape)
    return {**data, "instances": array if model.takes_arrays else array.tolist()}


def _binary_size(tensor: Mapping[str, Any]) -> int | None:
    params = tensor.get("parameters")
    size = params.get("binary_data_size") if isinstance(params, Mapping) else None
    if size is None:
        return None
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise BadRequestError("inputs[0].parameters.binary_data_size must be a non-negative integer")
    return size


def _json_input(tensor: Mapping[str, Any]) -> list[Any]:
    flat = tensor.get("data")
    if not isinstance(flat, list):
        raise BadRequestError("inputs[0].data must be a list")
    return _flatten(flat)[0] if any(isinstance(v, list) for v in flat) else flat


def _binary_input(tensor: Mapping[str, Any], binary: bytes) -> list[Any]:
    """The first input's values from the binary part (it is the first tensor there)."""
    size = _binary_size(tensor) or 0
    if size > len(binary):
        raise BadRequestError(f"inputs[0] announces {size} binary bytes but the body holds {len(binary)}")
    raw = binary[:size]
    datatype = str(tensor.get("datatype") or "").upper()
    if datatype == "BYTES":
        values: list[Any] = []
        pos = 0
        while pos < len(raw):
            if pos + 4 > len(raw):
                raise BadRequestError("inputs[0] BYTES data ends inside a length prefix")
            n = int.from_bytes(raw[pos : pos + 4], "little")
            item = raw[pos + 4 : pos + 4 + n]
            if len(item) != n:
                raise BadRequestError("inputs[0] BYTES data ends inside an element")
            values.append(item.decode("utf-8", errors="replace"))
            pos += 4 + n
        return values
    result: list[Any] = _binary_array(tensor, binary).tolist()
    return result


def _binary_array(tensor: Mapping[str, Any], binary: bytes) -> Any:
    """The first input's numeric values from the binary part, as a flat, writable numpy array in native order."""
    size = _binary_size(tensor) or 0
    if size > len(binary):
        raise BadRequestError(f"inputs[0] announces {size} binary bytes but the body holds {len(binary)}")
    datatype = str(tensor.get("datatype") or "").upper()
    dtype = NUMPY_TYPES.get(datatype)
    if dtype is None:
        raise BadRequestError(f"inputs[0].datatype {datatype!r} is not a KServe v2 datatype")
    import numpy as np

    width = np.dtype(dtype).itemsize
    if size % width:
        raise BadRequestError(f"inputs[0] has {size} binary bytes, not a whole number of {datatype} values")
    return np.frombuffer(binary[:size], dtype=dtype).astype(np.dtype(dtype).newbyteorder("="))


def _wants_binary(data: Mapping[str, Any]) -> bool:
    params = data.get("parameters")
    if isinstance(params, Mapping) and params.get("binary_data_output"):
        return True
    outputs = data.get("outputs")
    if isinstance(outputs, list):
        for out in outputs:
            p = out.get("parameters") if isinstance(out, Mapping) else None
            if isinstance(p, Mapping) and p.get("binary_data"):
                return True
    return False


def _encode(flat: list[Any], datatype: str) -> bytes:
    if datatype == "BYTES":
        parts = []
        for v in flat:
            raw = v if isinstance(v, bytes) else (v if isinstance(v, str) else json.dumps(v)).encode()
            parts.append(len(raw).to_bytes(4, "little") + raw)
        return b"".join(parts)
    import numpy as np

    return np.asarray(flat, dtype=NUMPY_TYPES[datatype]).tobytes()
