"""Request validation against ``spec/openapi.yaml`` itself (JSON Schema Draft 2020-12 over the spec's components).

The spec is loaded once; every operation gets compiled validators for its path parameters, its query parameters
and its request body. A request that breaks the spec is refused with a message that names the field and the
limit, e.g. ``experimentName: 'aaaa…' is too long (maxLength 50)``.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

logger = logging.getLogger("easymaker.local.validation")

SPEC_URI = "urn:easymaker:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_PKG_DIR = Path(__file__).resolve().parent


class RequestInvalid(Exception):
    """A request breaks the spec; the message names the field and the rule."""


def strict_json(text: str) -> Any:
    """``json.loads`` refusing what is no JSON but Python accepts (``NaN``, ``Infinity``) and numbers too large for a
    double (``1e999`` would become ``inf``, stored and later answered as the invalid ``Infinity``): ``ValueError``
    naming the value."""
    return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is not finite (out of the range of a double)")
    return value


def spec_path() -> Path:
    """Where ``openapi.yaml`` is: the repository's ``spec/openapi.yaml`` when running from a checkout, else the
    copy shipped as package data (``easymaker/local/spec/openapi.yaml``)."""
    candidates = [_PKG_DIR.parents[1] / "spec" / "openapi.yaml", _PKG_DIR / "spec" / "openapi.yaml"]
    for c in candidates:
        if c.is_file():
            return c
    raise FileNotFoundError(
        "spec/openapi.yaml not found (looked at " + ", ".join(str(c) for c in candidates) + "): EasyMaker Local "
        "validates every request against it and cannot start without it"
    )


@cache
def load_spec(path: str | None = None) -> dict[str, Any]:
    p = Path(path) if path else spec_path()
    with p.open("rb") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or "paths" not in doc:
        raise ValueError(f"{p}: not an OpenAPI document")
    return doc


def _absolutize(node: Any) -> Any:
    """Rewrite local ``#/...`` references of an inline schema to the spec's URI."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and v.startswith("#"):
                out[k] = SPEC_URI + v
            else:
                out[k] = _absolutize(v)
        return out
    if isinstance(node, list):
        return [_absolutize(v) for v in node]
    return node


def _check_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", value):
        return False
    try:
        datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


_FORMATS = FormatChecker(formats=())
_FORMATS.checks("date-time")(_check_date_time)


def _short(value: Any, limit: int = 60) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    if isinstance(value, str):
        text = repr(value) if len(value) <= limit else repr(value[:limit]) + "…"
        return text
    return text if len(text) <= limit else text[:limit] + "…"


def field_name(parts: Iterable[Any], root: str = "") -> str:
    out = root
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out = f"{out}.{p}" if out else str(p)
    return out or "body"


def describe(error: ValidationError, root: str = "") -> str:
    """One message for one schema violation, naming the field and the limit."""
    v = error.validator
    vv = error.validator_value
    inst = error.instance
    path = list(error.absolute_path)
    if v == "required":
        missing = [p for p in vv if isinstance(inst, dict) and p not in inst]
        name = field_name(path + [missing[0] if missing else "?"], root)
        return f"{name}: is required"
    name = field_name(path, root)
    if v == "maxLength":
        return f"{name}: {_short(inst)} is too long ({len(inst)} characters, maxLength {vv})"
    if v == "minLength":
        return f"{name}: {_short(inst)} is too short (minLength {vv})"
    if v == "maximum":
        return f"{name}: {inst} is greater than the maximum {vv} (maximum {vv})"
    if v == "minimum":
        return f"{name}: {inst} is less than the minimum {vv} (minimum {vv})"
    if v == "exclusiveMaximum":
        return f"{name}: {inst} must be less than {vv} (exclusiveMaximum {vv})"
    if v == "exclusiveMinimum":
        return f"{name}: {inst} must be greater than {vv} (exclusiveMinimum {vv})"
    if v == "maxItems":
        return f"{name}: has {len(inst)} items, too many (maxItems {vv})"
    if v == "minItems":
        return f"{name}: has {len(inst)} items, too few (minItems {vv})"
    if v == "type":
        return f"{name}: {_short(inst)} is not of type {vv if isinstance(vv, str) else ' or '.join(vv)}"
    if v == "enum":
        return f"{name}: {_short(inst)} is not one of {', '.join(map(str, vv))} (enum)"
    if v == "pattern":
        return f"{name}: {_short(inst)} does not match the pattern {vv}"
    if v == "format":
        return f"{name}: {_short(inst)} is not a valid {vv}"
    if v == "additionalProperties":
        return f"{name}: {error.message[:200]}"
    return f"{name}: {error.message[:200]} ({v})"


_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")


@dataclass
class Param:
    name: str
    location: str  # "path" | "query" | "header"
    required: bool
    is_array: bool
    validator: Draft202012Validator
    scalar: str | None = None  # "integer", "number" or "boolean": query strings are converted before the check


def _convert(value: str, scalar: str | None, name: str) -> Any:
    """A query string as the scalar type its schema declares (``"12"`` → 12); a clear error when it is not one."""
    if scalar == "integer":
        if not _INTEGER.fullmatch(value):
            raise RequestInvalid(f"{name}: {value[:40]!r} is not an integer (a decimal number of at most 18 digits)")
        return int(value, 10)
    if scalar == "number":
        try:
            number = float(value)
        except ValueError:
            raise RequestInvalid(f"{name}: {value[:40]!r} is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise RequestInvalid(f"{name}: {value[:40]!r} is not a finite number")
        return number
    if scalar == "boolean":
        if value in ("true", "false"):
            return value == "true"
        raise RequestInvalid(f"{name}: {value[:40]!r} is not true or false")
    return value


@dataclass
class Operation:
    """One operation of the spec, with its compiled validators."""

    operation_id: str
    method: str  # upper case
    path: str  # template, e.g. /v1.0/appkeys/{appkey}/experiments/{experimentId}
    params: list[Param] = field(default_factory=list)
    body_required: bool = False
    body_validator: Draft202012Validator | None = None
    secured: bool = True

    def validate_params(self, path_params: Mapping[str, str], query: Sequence[tuple[str, str]]) -> dict[str, Any]:
        """Check path and query parameters; return the query values (lists for array parameters)."""
        values: dict[str, Any] = {}
        for p in self.params:
            if p.location == "path":
                value: Any = path_params.get(p.name)
                if value is None:
                    raise RequestInvalid(f"{p.name}: is required (path parameter)")
            elif p.location == "query":
                found = [v for k, v in query if k == p.name]
                if not found:
                    if p.required:
                        raise RequestInvalid(f"{p.name}: is required (query parameter)")
                    continue
                value = found if p.is_array else _convert(found[0], p.scalar, p.name)
                values[p.name] = value
            else:
                continue
            err = best_match(p.validator.iter_errors(value))
            if err is not None:
                raise RequestInvalid(describe(err, p.name))
        return values

    def validate_body(self, body: Any) -> None:
        if self.body_validator is None:
            return
        err = best_match(self.body_validator.iter_errors(body))
        if err is not None:
            raise RequestInvalid(describe(err))


class SpecValidator:
    """Every operation of the spec, compiled once."""

    def __init__(self, spec: Mapping[str, Any] | None = None) -> None:
        self.spec: dict[str, Any] = dict(spec) if spec is not None else load_spec()
        resource = Resource.from_contents(self.spec, default_specification=DRAFT202012)
        self.registry: Registry = Registry().with_resource(SPEC_URI, resource)
        self.operations: list[Operation] = []
        self.by_id: dict[str, Operation] = {}
        self._compile()

    def _validator(self, schema: Mapping[str, Any]) -> Draft202012Validator:
        return Draft202012Validator(_absolutize(schema), registry=self.registry, format_checker=_FORMATS)

    def _resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"unsupported reference {ref}")
            target: Any = self.spec
            for part in ref[2:].split("/"):
                target = target[part]
            node = target
        return node

    def _compile(self) -> None:
        default_security = self.spec.get("security") or []
        for path, item in self.spec["paths"].items():
            shared = [self._resolve(p) for p in item.get("parameters", [])]
            for method in HTTP_METHODS:
                op = item.get(method)
                if op is None:
                    continue
                params: dict[tuple[str, str], Mapping[str, Any]] = {(p["name"], p["in"]): p for p in shared}
                for p in op.get("parameters", []):
                    rp = self._resolve(p)
                    params[(rp["name"], rp["in"])] = rp
                compiled = []
                for (name, loc), p in params.items():
                    schema = p.get("schema") or {}
                    kind = self._resolve(schema).get("type") if schema else None
                    scalar = kind if kind in ("integer", "number", "boolean") else None
                    compiled.append(
                        Param(name, loc, bool(p.get("required")), kind == "array", self._validator(schema), scalar)
                    )
                operation = Operation(op["operationId"], method.upper(), path, compiled)
                operation.secured = bool(op.get("security", default_security))
                body = op.get("requestBody")
                if body is not None:
                    body = self._resolve(body)
                    schema = body["content"]["application/json"]["schema"]
                    operation.body_required = bool(body.get("required"))
                    operation.body_validator = self._validator(schema)
                self.operations.append(operation)
                self.by_id[operation.operation_id] = operation
        logger.debug("compiled %d operations from the spec", len(self.operations))

    def schema_validator(self, name: str) -> Draft202012Validator:
        """A validator for ``#/components/schemas/<name>`` (used by tests to check responses)."""
        return self._validator({"$ref": f"#/components/schemas/{name}"})

    def enum(self, name: str) -> list[str]:
        """The values of an enum schema of the spec's components."""
        return list(self.spec["components"]["schemas"][name]["enum"])


@cache
def spec_validator() -> SpecValidator:
    """The process-wide compiled spec."""
    return SpecValidator()
