"""Attribute access over wire dicts: the `Record` every resource and item object is.

A record holds the wire (camelCase) dict of the last response. Attributes are the snake_case names of the wire fields
(``training.training_status_code``; ``flavor`` is also ``instance_type``), nested objects are wrapped without any
request (``training.experiment.experiment_id``), and ``to_dict()`` returns the wire form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from easymaker._client import Client
from easymaker.values import Dumpable, camel_to_snake, dump_fields, plain, snake_to_camel

# Read-side names that do not follow the camelCase rule.
ATTRIBUTE_ALIASES: dict[str, tuple[str, ...]] = {
    "instance_type": ("flavor",),
    "validation_split_percent": ("valSetSize",),
    "r_squared": ("rsquared",),
    "gpu": ("gpuFlavor", "gpu"),
    "success2xx_count": ("success2XxCount", "success2xxCount"),
    "fail4xx_count": ("fail4XxCount", "fail4xxCount"),
    "fail5xx_count": ("fail5XxCount", "fail5xxCount"),
    "id_": ("id",),
    "name_": ("name",),
}


def wire_key(name: str) -> str:
    """The wire key a snake_case attribute (or keyword) is stored under."""
    aliases = ATTRIBUTE_ALIASES.get(name)
    if aliases:
        return aliases[0]
    return snake_to_camel(name) if "_" in name else name


def wire_value(value: Any) -> Any:
    """The wire form of a keyword value (records and value objects as dicts, enum members as values)."""
    if isinstance(value, Record) or hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [wire_value(v) for v in value]
    return plain(value)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def _lookup(data: Mapping[str, Any], name: str) -> tuple[str | None, Any]:
    """(the wire key holding attribute ``name``, its value), or (None, None)."""
    for key in (*ATTRIBUTE_ALIASES.get(name, ()), snake_to_camel(name), name):
        if key in data:
            return key, data[key]
    return None, None


class Record(Dumpable):
    """Attribute (snake_case) and item (wire key) access over a wire dict.

    The typed attributes come from the generated ``<Schema>Fields`` mixin a subclass adds (``easymaker_api.fields``);
    a field the server sends that the spec does not know yet is still readable by its snake_case name at run time,
    but type checkers do not see that fallback: a misspelt attribute is a mypy error, not a silent ``Any``.
    """

    _nested_types: ClassVar[dict[str, str]] = {}  # wire key -> class name, for objects the spec keeps raw
    _data: dict[str, Any]
    _client: Client | None

    def __init__(self, data: Mapping[str, Any] | None = None, *, client: Client | None = None) -> None:
        object.__setattr__(self, "_data", dict(data or {}))
        object.__setattr__(self, "_client", client)

    def _field(self, wire_name: str) -> Any:
        """The value of a wire field for the generated typed properties (nested objects wrapped; absent: None)."""
        value = self._wire().get(wire_name)
        return None if value is None else self._wrap(wire_name, value)

    def _wrap(self, key: str, value: Any) -> Any:
        if isinstance(value, Mapping):
            spec_schema: dict[str, str] = getattr(type(self), "__nested__", {})
            target = self._nested_types.get(key) or spec_schema.get(key) or NESTED_ITEMS.get(key)
            return nested_class(target)(value, client=self._client)
        if isinstance(value, list):
            return [self._wrap(key, item) for item in value]
        return value

    def _known_fields(self) -> frozenset[str]:
        fields: dict[str, str] = getattr(type(self), "__fields__", {})
        return frozenset(fields)

    def _wire(self) -> dict[str, Any]:
        """The wire dict (a `Resource` built lazily from an id fetches it on the first read)."""
        return self._data

    if not TYPE_CHECKING:  # undeclared fields exist at run time only

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__") or name in ("_data", "_client"):
                raise AttributeError(name)
            key, value = _lookup(self._wire(), name)
            if key is not None:
                return self._wrap(key, value)
            if name in self._known_fields():
                return None
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def __getitem__(self, key: str) -> Any:
        return self._wire()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._wire().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._wire()

    def __dir__(self) -> Iterable[str]:
        return sorted(set(super().__dir__()) | {camel_to_snake(k) for k in self._wire()} | self._known_fields())

    def to_dict(self) -> dict[str, Any]:
        """The wire (camelCase) form, as the server sent it."""
        copied: dict[str, Any] = _deep_copy(self._wire())
        return copied

    def _set_field(self, name: str, value: Any) -> None:
        self._data[wire_key(name)] = wire_value(value)

    def _field_or(self, field: str, fallback: str) -> str | None:
        data = self._wire()
        key, value = _lookup(data, field)
        if key is None:
            value = data.get(fallback)
        return None if value is None else str(value)

    @property
    def id(self) -> str | None:
        """The value of `id_field` (or of a plain ``id`` key)."""
        return self._field_or(self.id_field, "id")

    @property
    def name(self) -> str | None:
        """The value of `name_field` (or of a plain ``name`` key)."""
        return self._field_or(self.name_field, "name")

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """The wire (camelCase) form without ``None`` values (as 2.1.x ``model_dump()``); ``include`` / ``exclude``
        (field names, snake_case or wire) select top-level fields."""
        return dump_fields(_without_none(self.to_dict()), kwargs)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._wire() == other._wire()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


# wire keys of nested objects -> the class wrapping them, where the schema of the record holding them does not say
NESTED_ITEMS: dict[str, str] = {
    "experiment": "Experiment",
    "model": "Model",
    "pipeline": "Pipeline",
    "pipelineRecurringRun": "PipelineRecurringRun",
    "endpointStageList": "EndpointStage",
    "endpointModelList": "EndpointModel",
    "flavor": "InstanceType",
    "image": "Image",
    "bootStorage": "Storage",
    "dataStorageList": "Storage",
    "algorithm": "Algorithm",
    "optimalTrial": "Trial",
    "trialMetricList": "TrialMetric",
    "autoScaler": "AutoScaler",
    "apigwStage": "ApigwStage",
    "batchInference": "ModelEvaluationBatchInference",
    "metadata": "ModelPresetMetadata",
    "pipelineParameterSpecList": "PipelineParameterSpec",
}


_WRAPPERS: dict[str, type[Record]] = {}


def nested_class(name: str | None) -> type[Record]:
    """The class wrapping a nested object of spec schema (or class) ``name``: a resource class, an item class
    (`easymaker.items`), the resource class for a ``<Kind>Summary``, else a record with the schema's generated
    typed fields, else a plain `Record`."""
    if not name:
        return Record
    cached = _WRAPPERS.get(name)
    if cached is not None:
        return cached
    from easymaker_api.fields import FIELD_CLASSES

    from easymaker.items import ITEM_CLASSES
    from easymaker.resources.base import _RESOURCE_MODULES, resource_class

    fields = FIELD_CLASSES.get(name)
    kind = name.removesuffix("Summary")
    cls: type[Record]
    if name in _RESOURCE_MODULES:
        cls = resource_class(name)
    elif name in ITEM_CLASSES:
        cls = ITEM_CLASSES[name]
    elif kind in _RESOURCE_MODULES and fields is not None:
        resource = resource_class(kind)
        cls = type(name, (resource, fields), {"_label": resource._label, "__module__": resource.__module__})
    elif fields is not None:
        cls = type(name, (Record, fields), {"__module__": __name__})
    else:
        cls = Record
    _WRAPPERS[name] = cls
    return cls
