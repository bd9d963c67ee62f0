"""Typed read access for the handwritten layer: one `<Schema>Fields` mixin per response schema.

The SDK's resource objects keep the wire dict of the last response. These mixins declare every property of the
schema as a typed, read-only Python property (snake_case name, as the 2.1.x SDK spells it), so mypy and IDEs see
``training.training_status_code: str | None``. The handwritten layer supplies ``_field(wire_name)``; nested objects
are typed with the nested schema's mixin. A property may carry ``x-sdk-aliases`` (extra attribute names for the
same wire field, e.g. ``flavor`` → ``instance_type``), which become properties too.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .constraints import SpecIndex

ALIASES_KEY = "x-sdk-aliases"


def snake_name(wire: str) -> str:
    """The attribute name of a wire field: the same rule as `easymaker.values.camel_to_snake`."""
    out = []
    for index, char in enumerate(wire):
        if char.isupper() and index:
            out.append("_")
        out.append(char.lower())
    name = "".join(out)
    return name + "_" if keyword.iskeyword(name) else name


@dataclass(frozen=True)
class Field:
    attribute: str
    wire: str
    annotation: str  # Python type of the value (without "| None")
    nested: str | None  # schema name of a nested object (or of list items), for the handwritten wrapper
    description: str


@dataclass(frozen=True)
class FieldsClass:
    schema: str
    fields: tuple[Field, ...]

    @property
    def class_name(self) -> str:
        return f"{self.schema}Fields"


def field_classes(index: SpecIndex) -> list[FieldsClass]:
    """Every object schema that a response can contain (request bodies and envelopes excluded), sorted."""
    schemas: Mapping[str, Any] = index.document.get("components", {}).get("schemas", {})
    objects = {name for name, raw in schemas.items() if _is_plain_object(raw)}
    result = []
    for name in sorted(objects):
        if name.endswith(("Request", "Response")) or name in ("Header", "Error", "Done", "EmptyResponse"):
            continue
        props = index._merged_properties(schemas[name])
        fields = []
        for wire, prop in props.items():
            annotation, nested = _annotation(prop, index, objects)
            description = str((prop or {}).get("description", "")).split("\n")[0] if isinstance(prop, Mapping) else ""
            names = [snake_name(wire)]
            names += [str(a) for a in (prop.get(ALIASES_KEY) or [])] if isinstance(prop, Mapping) else []
            for attribute in names:
                fields.append(Field(attribute, wire, annotation, nested, description))
        if fields:
            result.append(FieldsClass(name, tuple(fields)))
    return result


def _is_plain_object(raw: Any) -> bool:
    return isinstance(raw, Mapping) and (raw.get("type") == "object" or "properties" in raw or "allOf" in raw)


def _annotation(prop: Any, index: SpecIndex, objects: set[str]) -> tuple[str, str | None]:
    if not isinstance(prop, Mapping):
        return "Any", None
    ref = prop.get("$ref")
    if isinstance(ref, str):
        target = ref.rsplit("/", 1)[-1]
        if target in objects:
            return f"{target}Fields", target
        return _scalar(index.resolve(prop, where=target)), None
    for combinator in ("anyOf", "oneOf"):
        options = prop.get(combinator)
        if options:
            kinds = {_annotation(option, index, objects) for option in options}
            kinds.discard(("None", None))
            return kinds.pop() if len(kinds) == 1 else ("Any", None)
    if prop.get("type") == "array":
        inner, nested = _annotation(prop.get("items") or {}, index, objects)
        return f"list[{inner}]", nested
    return _scalar(prop), None


def _scalar(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        rest = [k for k in kind if k != "null"]
        kind = rest[0] if len(rest) == 1 else None
    if kind == "object" and schema.get("properties"):
        return "Any"  # an inline object without a schema name: wrapped by the handwritten layer
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}.get(
        str(kind), "Any"
    )
