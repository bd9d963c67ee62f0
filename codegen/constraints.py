"""Constraint extraction: the limits of every generated model, read from the raw OpenAPI document.

openapi-python-client parses the document into its own property objects and forgets the JSON Schema limits
(maxLength, minimum, ...). Its `ModelProperty.data` still holds the parsed schema of each model, so we map every
model back to the raw mapping it came from and read the limits there. The raw document is used (not the parsed
schema) because the parser rewrites `exclusiveMinimum`/`exclusiveMaximum` and may coerce `0` to `False`.

The templates reach this module through the Jinja global `em` (see `SpecIndex`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from openapi_python_client import schema as oai
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.union import UnionProperty
from pydantic import ValidationError

# Keywords that become validators, in the order they are written into `__constraints__`.
STRING_KEYWORDS = ("minLength", "maxLength", "pattern")
NUMBER_KEYWORDS = ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")
ARRAY_KEYWORDS = ("minItems", "maxItems")
VALIDATED_KEYWORDS = (*STRING_KEYWORDS, *NUMBER_KEYWORDS, *ARRAY_KEYWORDS, "enum")

Constraints = dict[str, Any]


class SpecError(ValueError):
    """The document uses a construct the constraint reader cannot follow (named in the message)."""


class SpecIndex:
    """Answers the templates' questions about the raw document: the limits of a model, whether it is sent."""

    def __init__(self, document: Mapping[str, Any], openapi: GeneratorData) -> None:
        self.document = document
        self.openapi = openapi
        self._raw_by_class: dict[str, Mapping[str, Any]] = {}
        self._index_models()
        self.request_classes: frozenset[str] = frozenset(self._request_model_names())

    # ----- questions asked by the templates -------------------------------------------------------------------

    def is_request(self, model: ModelProperty) -> bool:
        """True when the model is (part of) a request body, so it must validate before anything is sent."""
        return str(model.class_info.name) in self.request_classes

    def constraints(self, model: ModelProperty) -> dict[str, Constraints]:
        """Wire field name -> limits, for every property of `model` that has at least one limit."""
        raw = self._raw_by_class.get(str(model.class_info.name))
        if raw is None:
            return {}
        result: dict[str, Constraints] = {}
        for wire_name, prop_schema in self._merged_properties(raw).items():
            limits = self._limits(prop_schema, where=f"{model.class_info.name}.{wire_name}")
            if limits:
                result[wire_name] = limits
        return result

    def parameter_limits(self, endpoint: Any) -> list[tuple[str, str, Constraints]]:
        """(wire name, python name, limits) of every parameter of the operation that has limits, in document order."""
        # The generator rewrites path templates with Python names ({experimentId} -> {experiment_id}).
        path_item = self._path_items().get(_path_shape(text(endpoint.path)), {})
        operation = path_item.get(str(endpoint.method).lower(), {})
        declared: dict[tuple[str, str], Mapping[str, Any]] = {}
        for raw in [*(path_item.get("parameters") or []), *(operation.get("parameters") or [])]:
            parameter = self.resolve(raw, where=f"{endpoint.method} {text(endpoint.path)}")
            declared[(str(parameter.get("name")), str(parameter.get("in")))] = parameter
        python_names: dict[tuple[str, str], str] = {}
        for location, props in (
            ("path", endpoint.path_parameters),
            ("query", endpoint.query_parameters),
            ("header", endpoint.header_parameters),
            ("cookie", endpoint.cookie_parameters),
        ):
            for prop in props:
                python_names[(text(prop.name), location)] = str(prop.python_name)
        result: list[tuple[str, str, Constraints]] = []
        for key, parameter in declared.items():
            if key not in python_names or "schema" not in parameter:
                continue
            limits = self._limits(parameter["schema"], where=f"parameter {key[0]}")
            if limits:
                result.append((key[0], python_names[key], limits))
        return result

    def _path_items(self) -> dict[str, Mapping[str, Any]]:
        return {_path_shape(str(path)): item for path, item in (self.document.get("paths") or {}).items()}

    def parameter_validator_count(self) -> int:
        return sum(
            _count_keywords(limits)
            for collection in self.openapi.endpoint_collections_by_tag.values()
            for endpoint in collection.endpoints
            for _, _, limits in self.parameter_limits(endpoint)
        )

    def validator_count(self) -> int:
        """How many limit keywords became validators (those on request models, `items` limits included)."""
        total = 0
        for model in self.openapi.models:
            if self.is_request(model):
                for limits in self.constraints(model).values():
                    total += _count_keywords(limits)
        return total

    # ----- mapping parsed models back to raw mappings ---------------------------------------------------------

    def _index_models(self) -> None:
        buckets: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
        for candidate in _object_schemas(self.document):
            buckets.setdefault(_fingerprint(candidate), []).append(candidate)
        for model in self.openapi.models:
            data = model.data
            key = tuple(sorted(text(name) for name in (data.properties or {})))
            for candidate in buckets.get(key, []):
                try:
                    parsed = oai.Schema.model_validate(candidate)
                except ValidationError:
                    continue
                if parsed == data:
                    self._raw_by_class[str(model.class_info.name)] = candidate
                    break

    def _request_model_names(self) -> set[str]:
        models = {str(model.class_info.name): model for model in self.openapi.models}
        seen: set[str] = set()
        pending: list[Any] = []
        for collection in self.openapi.endpoint_collections_by_tag.values():
            for endpoint in collection.endpoints:
                pending.extend(body.prop for body in endpoint.bodies)
        while pending:
            prop = pending.pop()
            if isinstance(prop, ModelProperty):
                name = str(prop.class_info.name)
                if name in seen:
                    continue
                seen.add(name)
                full = models.get(name, prop)
                pending.extend(full.required_properties or [])
                pending.extend(full.optional_properties or [])
                if full.additional_properties is not None and not isinstance(full.additional_properties, bool):
                    pending.append(full.additional_properties)
            elif isinstance(prop, ListProperty):
                pending.append(prop.inner_property)
            elif isinstance(prop, UnionProperty):
                pending.extend(prop.inner_properties)
        return seen

    # ----- reading limits -------------------------------------------------------------------------------------

    def resolve(self, schema: Any, where: str = "") -> Mapping[str, Any]:
        """Follow `$ref` (keeping sibling keywords, as 3.1 allows) until a plain schema mapping remains."""
        seen: set[str] = set()
        current: Any = schema
        siblings: dict[str, Any] = {}
        while isinstance(current, Mapping) and "$ref" in current:
            ref = current["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                raise SpecError(f"{where}: only local references ('#/...') are supported, got {ref!r}")
            if ref in seen:
                raise SpecError(f"{where}: reference cycle through {ref}")
            seen.add(ref)
            siblings = {**{k: v for k, v in current.items() if k != "$ref"}, **siblings}
            current = self._pointer(ref, where)
        if not isinstance(current, Mapping):
            return siblings
        return {**current, **siblings} if siblings else current

    def _pointer(self, ref: str, where: str) -> Any:
        node: Any = self.document
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, Mapping) or part not in node:
                raise SpecError(f"{where}: unresolvable reference {ref}")
            node = node[part]
        return node

    def _merged_properties(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for part in raw.get("allOf", []) or []:
            merged.update(self._merged_properties(self.resolve(part)))
        merged.update(raw.get("properties", {}) or {})
        return merged

    def _limits(self, schema: Any, where: str) -> Constraints:
        resolved = self._effective(schema, where)
        limits: Constraints = {}
        for keyword in STRING_KEYWORDS + ARRAY_KEYWORDS:
            if keyword in resolved:
                limits[keyword] = resolved[keyword]
        minimum, maximum = resolved.get("minimum"), resolved.get("maximum")
        ex_min, ex_max = resolved.get("exclusiveMinimum"), resolved.get("exclusiveMaximum")
        # OpenAPI 3.0 spelled exclusivity as a boolean beside minimum/maximum; 3.1 gives the bound itself.
        if isinstance(ex_min, bool):
            ex_min, minimum = (minimum, None) if ex_min else (None, minimum)
        if isinstance(ex_max, bool):
            ex_max, maximum = (maximum, None) if ex_max else (None, maximum)
        for keyword, value in (
            ("minimum", minimum),
            ("exclusiveMinimum", ex_min),
            ("maximum", maximum),
            ("exclusiveMaximum", ex_max),
        ):
            if value is not None:
                limits[keyword] = value
        enum = resolved.get("enum")
        if isinstance(enum, list):
            values = tuple(v for v in enum if v is not None)
            if values and all(isinstance(v, str) for v in values):
                limits["enum"] = values
        items = resolved.get("items")
        if isinstance(items, Mapping):
            item_limits = self._limits(items, where=f"{where}[]")
            # Object items validate themselves (they are models); only scalar item limits are kept here.
            if item_limits and not _is_object(self._effective(items, where)):
                limits["items"] = item_limits
        # Keep the keyword order stable whatever order the document uses.
        order = {keyword: i for i, keyword in enumerate((*VALIDATED_KEYWORDS, "items"))}
        return dict(sorted(limits.items(), key=lambda kv: order[kv[0]]))

    def _effective(self, schema: Any, where: str) -> Mapping[str, Any]:
        """The schema that carries the limits: refs followed, single-branch allOf and nullable unions unwrapped."""
        resolved = self.resolve(schema, where)
        for combinator in ("anyOf", "oneOf"):
            branches = resolved.get(combinator)
            if isinstance(branches, list):
                non_null = [b for b in branches if self.resolve(b, where).get("type") != "null"]
                if len(non_null) == 1:
                    rest = {k: v for k, v in resolved.items() if k != combinator}
                    return {**self._effective(non_null[0], where), **rest}
                return resolved
        parts = resolved.get("allOf")
        if isinstance(parts, list) and len(parts) == 1:
            rest = {k: v for k, v in resolved.items() if k != "allOf"}
            return {**self._effective(parts[0], where), **rest}
        return resolved


def text(value: Any) -> str:
    """The plain text of a name from the parsed document (the parser wraps document strings)."""
    raw = getattr(value, "get_untrusted_value", None)
    return raw() if callable(raw) else str(value)


def _path_shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def _count_keywords(limits: Constraints) -> int:
    count = 0
    for keyword, value in limits.items():
        count += _count_keywords(value) if keyword == "items" else 1
    return count


def _is_object(schema: Mapping[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in schema


def _fingerprint(schema: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(text(name) for name in (schema.get("properties", {}) or {})))


def _object_schemas(node: Any) -> Iterator[Mapping[str, Any]]:
    """Every mapping in the document that could be a schema (the caller filters by parsing and comparing)."""
    if isinstance(node, Mapping):
        if "properties" in node or node.get("type") == "object" or "allOf" in node:
            yield node
        for value in node.values():
            yield from _object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _object_schemas(value)
