"""SDK parameters of the request bodies: the one place that says how an SDK argument becomes a wire field.

Every property of a request body schema is an SDK parameter named like its wire field in snake_case
(``entryPoint`` -> ``entry_point``) unless the property says otherwise with ``x-sdk-parameter``:

* a string: the SDK name, when it differs (``imageId`` is reached through ``image_name``, resolved by a lookup);
* a mapping ``{name: timeout_hours, scale: 60}``: the SDK value times ``scale`` is the wire value; ``values``
  names the SDK value class of a list's items when it is not the item schema's name (``ModelParameter`` items are
  given as ``Parameter`` objects);
* ``false``: not an SDK argument (the SDK fills the field itself, e.g. the parent pipeline run).

A request schema lists in ``x-sdk-named`` the wire fields whose SDK parameters the method names in its signature
(the 2.1.5 order is kept by hand there). Every other SDK parameter, including any property added to the spec later,
is accepted through the method's ``**options``, typed by the generated ``<Schema>Options`` TypedDict, checked
against the spec's limits and sent, with no handwritten change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .constraints import SpecError, SpecIndex
from .fields import snake_name

PARAMETER_KEY = "x-sdk-parameter"
NAMED_KEY = "x-sdk-named"

_PYTHON_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


@dataclass(frozen=True)
class SdkParameter:
    wire: str
    name: str
    scale: int
    items: str | None  # schema name of the items of a list of objects
    values: str | None  # the SDK's value class normalising those items (easymaker.values), when it has one
    annotation: str  # Python type accepted for the SDK argument
    named: bool
    description: str
    required: bool = False
    limits: str = ""  # the spec's limits on the wire value, for the documentation table


@dataclass(frozen=True)
class RequestParameters:
    schema: str
    parameters: tuple[SdkParameter, ...]

    @property
    def options_class(self) -> str:
        return f"{self.schema}Options"

    @property
    def options(self) -> tuple[SdkParameter, ...]:
        return tuple(p for p in self.parameters if not p.named)


def request_schemas(document: Mapping[str, Any]) -> list[str]:
    """Names of the schemas sent as an operation's JSON body, and of those that list ``x-sdk-named``, sorted."""
    names: set[str] = set()
    for path_item in (document.get("paths") or {}).values():
        for operation in (path_item or {}).values():
            if not isinstance(operation, Mapping):
                continue
            content = ((operation.get("requestBody") or {}).get("content") or {}).get("application/json") or {}
            ref = (content.get("schema") or {}).get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                names.add(ref.rsplit("/", 1)[-1])
    # objects nested in a body whose fields the method takes as flat arguments (batch_inference_pod_count...)
    schemas = (document.get("components") or {}).get("schemas") or {}
    names.update(name for name, raw in schemas.items() if isinstance(raw, Mapping) and NAMED_KEY in raw)
    return sorted(names)


def request_parameters(index: SpecIndex) -> list[RequestParameters]:
    schemas: Mapping[str, Any] = index.document.get("components", {}).get("schemas", {})
    result = []
    for schema in request_schemas(index.document):
        raw = schemas[schema]
        props = index._merged_properties(raw)
        named = raw.get(NAMED_KEY) or []
        required = set(raw.get("required") or [])
        unknown = sorted(set(named) - set(props))
        if unknown:
            raise SpecError(f"{schema}.{NAMED_KEY}: {unknown} are not properties of the schema")
        parameters = []
        for wire, prop in props.items():
            parameter = _parameter(schema, wire, prop, index, wire in named)
            if parameter is not None:
                limits = index._limits(prop, where=f"{schema}.{wire}")
                shown = ", ".join(f"{k} {v!r}" for k, v in limits.items() if k != "items")
                parameters.append(replace(parameter, required=wire in required, limits=shown))
        names = [p.name for p in parameters]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise SpecError(f"{schema}: SDK parameter names {twice} are given to more than one property")
        result.append(RequestParameters(schema, tuple(parameters)))
    return result


def _parameter(schema: str, wire: str, prop: Any, index: SpecIndex, named: bool) -> SdkParameter | None:
    prop = prop if isinstance(prop, Mapping) else {}
    declared = prop.get(PARAMETER_KEY)
    if declared is False:
        if named:
            raise SpecError(f"{schema}.{wire}: named in {NAMED_KEY} but not an SDK parameter")
        return None
    name, scale, values = snake_name(wire), 1, None
    if isinstance(declared, str):
        name = declared
    elif isinstance(declared, Mapping):
        name = str(declared.get("name", name))
        scale = int(declared.get("scale", 1))
        values = declared.get("values")
    elif declared is not None:
        raise SpecError(f"{schema}.{wire}: {PARAMETER_KEY} must be a name, a mapping or false, got {declared!r}")
    if not name.isidentifier():
        raise SpecError(f"{schema}.{wire}: SDK parameter name {name!r} is not a Python identifier")
    resolved = index.resolve(prop, where=f"{schema}.{wire}")
    items = None
    kind = resolved.get("type")
    if kind == "array":
        item_ref = (prop.get("items") or resolved.get("items") or {}).get("$ref")
        items = item_ref.rsplit("/", 1)[-1] if isinstance(item_ref, str) else None
        annotation = "list[Any]"
    elif isinstance(kind, str) and kind in _PYTHON_TYPES:
        annotation = _PYTHON_TYPES[kind]
        if kind == "string" and resolved.get("enum"):
            annotation = "str | Enum"  # a member of the SDK's code enums or its value
        if kind == "integer" and scale != 1:
            annotation = "int | float"  # e.g. timeout_hours=0.5 is 30 wire minutes
    else:
        annotation = "Any"
    description = str(prop.get("description") or resolved.get("description") or "").split("\n")[0]
    return SdkParameter(wire, name, scale, items, values or items, annotation, named, description)


def imports(requests: list[RequestParameters]) -> list[str]:
    """The import lines the generated module needs (an empty Options class needs neither Any nor Enum)."""
    annotations = " ".join(p.annotation for request in requests for p in request.options)
    lines = ["from enum import Enum"] if "Enum" in annotations else []
    typing_names = ["NamedTuple", "TypedDict"] + (["Any"] if "Any" in annotations else [])
    lines.append(f"from typing import {', '.join(sorted(typing_names))}")
    return lines
