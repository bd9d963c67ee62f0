"""The registry of resource kinds: the spec's top-level ``x-easymaker-kinds``, checked and completed.

Each entry names a kind (snake_case) and gives its SDK class and module, its URL segment, its status enum, its
lifecycle family and the statuses that end a wait in success or failure (see the comment above the extension in
``spec/openapi.yaml``). This module checks every entry against the rest of the document and derives what the
document already says: the operations on the kind's paths, the payload keys of its responses (``training``,
``trainingList``) and the values of its status enum. ``kinds.py.jinja`` renders the result into
``easymaker_api/kinds.py``; a wrong entry stops the generation with a `SpecError` naming the kind and the fault.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .constraints import SpecError

KINDS_KEY = "x-easymaker-kinds"
LIFECYCLES = ("job", "simple", "custom")
COLLECTION_PREFIX = "/v1.0/appkeys/{appkey}/"
REQUIRED = ("class", "module", "path", "status", "lifecycle", "success", "failure")
OPTIONAL = ("interrupted", "cli-flag")
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_CLASS = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_MODULE = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")
_SEGMENT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class KindEntry:
    name: str
    class_name: str
    module: str
    path: str
    record_key: str
    list_key: str
    status_enum: str
    statuses: tuple[str, ...]
    lifecycle: str
    interrupted: str | None
    success: tuple[str, ...]  # sorted
    failure: tuple[str, ...]  # sorted
    operations: dict[str, str | None]  # list, get, create, delete, stop -> operationId (None: not in the spec)
    cli_flag: str | None
    related: tuple[str, ...] = ()  # kinds whose record this kind's record embeds under their record key


def camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(part.capitalize() for part in rest)


def kind_entries(document: Mapping[str, Any]) -> list[KindEntry]:
    """The checked registry, in the order of the document (empty when the document has no registry)."""
    raw = document.get(KINDS_KEY)
    if raw is None:
        return []
    if not isinstance(raw, Mapping):
        raise SpecError(f"{KINDS_KEY} must map kind names to their entries")
    entries = [_entry(str(name), value, document) for name, value in raw.items()]
    schemas: Mapping[str, Any] = document.get("components", {}).get("schemas", {})
    entries = [dataclasses.replace(entry, related=_related(entry, entries, schemas)) for entry in entries]
    for attribute in ("class_name", "cli_flag"):
        seen: dict[str, str] = {}
        for entry in entries:
            value = getattr(entry, attribute)
            if value is not None and value in seen:
                raise SpecError(f"{KINDS_KEY}: {seen[value]} and {entry.name} have the same {attribute} {value!r}")
            if value is not None:
                seen[value] = entry.name
    return entries


def _entry(name: str, raw: Any, document: Mapping[str, Any]) -> KindEntry:
    where = f"{KINDS_KEY}.{name}"
    if not _SNAKE.match(name):
        raise SpecError(f"{where}: a kind name is snake_case (lower-case words joined by '_')")
    if not isinstance(raw, Mapping):
        raise SpecError(f"{where}: the entry must be a mapping")
    missing = [key for key in REQUIRED if key not in raw]
    unknown = sorted(set(map(str, raw)) - set(REQUIRED) - set(OPTIONAL))
    if missing or unknown:
        raise SpecError(f"{where}: missing keys {missing}, unknown keys {unknown} (known: {[*REQUIRED, *OPTIONAL]})")
    class_name, module, path = str(raw["class"]), str(raw["module"]), str(raw["path"])
    for value, pattern, what in (
        (class_name, _CLASS, "class"),
        (module, _MODULE, "module"),
        (path, _SEGMENT, "path"),
    ):
        if not pattern.match(value):
            raise SpecError(f"{where}: {what} {value!r} does not match {pattern.pattern}")
    lifecycle = str(raw["lifecycle"])
    if lifecycle not in LIFECYCLES:
        raise SpecError(f"{where}: lifecycle {lifecycle!r} is not one of {list(LIFECYCLES)}")

    schemas: Mapping[str, Any] = document.get("components", {}).get("schemas", {})
    status_enum = str(raw["status"])
    statuses = _enum_values(schemas.get(status_enum), f"{where}: status {status_enum!r}")
    success = _statuses(raw["success"], statuses, f"{where}.success")
    failure = _statuses(raw["failure"], statuses, f"{where}.failure")
    if not success:
        raise SpecError(f"{where}.success: at least one status ends a wait in success")
    both = sorted(set(success) & set(failure))
    if both:
        raise SpecError(f"{where}: {both} are in both success and failure")
    interrupted = raw.get("interrupted")
    if interrupted is not None:
        interrupted = str(interrupted)
        if interrupted not in failure:
            raise SpecError(f"{where}.interrupted: {interrupted!r} must be one of the failure statuses {failure}")
    elif lifecycle != "custom":
        raise SpecError(f"{where}: a {lifecycle} kind names the status its interrupted work ends in (interrupted)")
    cli_flag = raw.get("cli-flag")
    if cli_flag is not None and not _SNAKE.match(str(cli_flag)):
        raise SpecError(f"{where}.cli-flag: {cli_flag!r} is not a snake_case word")

    prefix = camel(name)
    record = schemas.get(class_name)
    if not isinstance(record, Mapping):
        raise SpecError(f"{where}: the record schema #/components/schemas/{class_name} (the class name) is missing")
    status_prop = (record.get("properties") or {}).get(f"{prefix}StatusCode")
    if status_enum not in _refs(status_prop):
        raise SpecError(f"{where}: {class_name}.{prefix}StatusCode does not refer to {status_enum}")

    operations, record_key, list_key = _operations(document, where, path, prefix, class_name)
    return KindEntry(
        name=name,
        class_name=class_name,
        module=module,
        path=path,
        record_key=record_key,
        list_key=list_key,
        status_enum=status_enum,
        statuses=statuses,
        lifecycle=lifecycle,
        interrupted=interrupted,
        success=success,
        failure=failure,
        operations=operations,
        cli_flag=None if cli_flag is None else str(cli_flag),
    )


def _enum_values(schema: Any, where: str) -> tuple[str, ...]:
    if not isinstance(schema, Mapping) or not isinstance(schema.get("enum"), list):
        raise SpecError(f"{where} is not an enum schema of #/components/schemas")
    return tuple(str(v) for v in schema["enum"])


def _statuses(raw: Any, statuses: tuple[str, ...], where: str) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise SpecError(f"{where}: a list of statuses")
    unknown = [str(s) for s in raw if str(s) not in statuses]
    if unknown:
        raise SpecError(f"{where}: {unknown} are not values of the status enum {list(statuses)}")
    return tuple(sorted({str(s) for s in raw}))


def _refs(schema: Any) -> set[str]:
    """Names of the component schemas a property refers to (directly or in anyOf/oneOf/items)."""
    if not isinstance(schema, Mapping):
        return set()
    out = set()
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
        out.add(ref.removeprefix(_REF_PREFIX))
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key) or []:
            out |= _refs(option)
    return out


def _operations(
    document: Mapping[str, Any], where: str, path: str, prefix: str, class_name: str
) -> tuple[dict[str, str | None], str, str]:
    paths: Mapping[str, Any] = document.get("paths", {})
    collection = paths.get(COLLECTION_PREFIX + path)
    item_path = f"{COLLECTION_PREFIX}{path}/{{{prefix}Id}}"
    item = paths.get(item_path)
    if not isinstance(collection, Mapping) or not isinstance(item, Mapping):
        raise SpecError(f"{where}: the paths {COLLECTION_PREFIX}{path} and {item_path} must both exist")
    stop = paths.get(item_path + "/stop") or {}

    def operation_id(path_item: Mapping[str, Any], method: str) -> str | None:
        operation = path_item.get(method)
        return None if not isinstance(operation, Mapping) else str(operation["operationId"])

    operations = {
        "list": operation_id(collection, "get"),
        "get": operation_id(item, "get"),
        "create": operation_id(collection, "post"),
        "delete": operation_id(item, "delete"),
        "stop": operation_id(stop, "put"),
    }
    if operations["get"] is None or operations["list"] is None:
        raise SpecError(f"{where}: a kind can be read (GET {item_path}) and listed (GET {COLLECTION_PREFIX}{path})")
    record_key = _payload_key(document, item["get"], class_name, array=False, where=f"{where}: GET {item_path}")
    if record_key != prefix:
        raise SpecError(f"{where}: GET {item_path} returns the {class_name} under {record_key!r}, not {prefix!r}")
    list_key = _payload_key(document, collection["get"], class_name, array=True, where=f"{where}: GET list")
    return operations, record_key, list_key


def _payload_key(
    document: Mapping[str, Any], operation: Mapping[str, Any], class_name: str, *, array: bool, where: str
) -> str:
    """The property of the operation's 200 response that holds the record (or, ``array``, the list of records)."""
    schemas: Mapping[str, Any] = document.get("components", {}).get("schemas", {})
    response = (operation.get("responses") or {}).get("200") or {}
    schema = ((response.get("content") or {}).get("application/json") or {}).get("schema") or {}
    names = _refs(schema)
    envelope = schemas.get(next(iter(names))) if len(names) == 1 else schema
    keys = []
    for key, prop in ((envelope or {}).get("properties") or {}).items():
        target = prop.get("items") if array and isinstance(prop, Mapping) and prop.get("type") == "array" else prop
        if (not array or target is not prop) and class_name in _refs(target):
            keys.append(str(key))
    if len(keys) != 1:
        shape = "a list of " if array else ""
        raise SpecError(f"{where}: the 200 response must hold {shape}{class_name} under one key, found {keys}")
    return keys[0]


def _related(entry: KindEntry, entries: list[KindEntry], schemas: Mapping[str, Any]) -> tuple[str, ...]:
    """The kinds whose record (or its ``<Class>Summary``) ``entry``'s record schema holds under their record key
    (a training holds its ``experiment``, a batch inference its ``model``)."""
    properties: Mapping[str, Any] = schemas[entry.class_name].get("properties") or {}
    return tuple(
        other.name
        for other in entries
        if other.record_key in properties
        and _refs(properties[other.record_key]) & {other.class_name, other.class_name + "Summary"}
    )
