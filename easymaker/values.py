"""Value objects of request lists (Parameter, Dataset, HyperparameterSpec, Metric, Nas, EndpointModelResource,
ResourceOptionDetail, Tag) and the normalisation of list arguments to the camelCase wire form.

List arguments accept these objects or dicts with camelCase keys (``dataUri``), snake_case keys (``data_uri``) or the
guide's spellings (``datasetUri``, ``parameterKey``); ``metric_list`` also accepts plain strings. Numbers given for
string fields (parameter values, hyperparameter bounds, cpu) are sent as strings; hyperparameter type codes are
lower-cased. An unknown key is an error that lists the accepted keys.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, ClassVar, TextIO

from easymaker._errors import EasyMakerValidationError

_CAMEL_RE = re.compile(r"_([a-z0-9])")


def snake_to_camel(name: str) -> str:
    return _CAMEL_RE.sub(lambda m: m.group(1).upper(), name)


def camel_to_snake(name: str) -> str:
    out = []
    for index, char in enumerate(name):
        if char.isupper() and index:
            out.append("_")
        out.append(char.lower())
    return "".join(out)


def plain(value: Any) -> Any:
    """Enum members become their values; everything else is returned unchanged."""
    return value.value if isinstance(value, Enum) else value


def dump_fields(data: dict[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` restricted by the ``include`` / ``exclude`` options of ``model_dump()`` (other options: TypeError)."""
    unknown = sorted(set(options) - {"include", "exclude"})
    if unknown:
        raise TypeError(f"model_dump() accepts include= and exclude=, got {unknown}")
    include, exclude = options.get("include"), options.get("exclude")
    if include is not None:
        wanted = {snake_to_camel(str(n)) for n in include} | {str(n) for n in include}
        data = {k: v for k, v in data.items() if k in wanted}
    if exclude is not None:
        unwanted = {snake_to_camel(str(n)) for n in exclude} | {str(n) for n in exclude}
        data = {k: v for k, v in data.items() if k not in unwanted}
    return data


class Dumpable:
    """The 2.1.x ``BaseModel`` surface shared by response records and value objects: ``id_field`` /
    ``name_field`` (``<class>_id`` / ``<class>_name``), ``model_dump()`` and ``print_info()``."""

    @property
    def id_field(self) -> str:
        return f"{camel_to_snake(type(self).__name__)}_id"

    @property
    def name_field(self) -> str:
        return f"{camel_to_snake(type(self).__name__)}_name"

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        raise NotImplementedError

    def print_info(self, file: TextIO | None = None) -> None:
        """Write ``model_dump()`` as JSON with a 4-space indent (stdout by default), as 2.1.x does."""
        (file or sys.stdout).write(json.dumps(self.model_dump(), indent=4, ensure_ascii=False, default=str) + "\n")


class Value(Dumpable):
    """Base of the value objects: keyword (snake_case or camelCase) or positional construction, ``to_dict()``
    in the wire form (absent fields omitted)."""

    _fields: ClassVar[tuple[str, ...]] = ()  # snake_case names, in positional order
    _aliases: ClassVar[dict[str, str]] = {}  # other accepted keys -> snake_case name
    _string_fields: ClassVar[frozenset[str]] = frozenset()  # numbers given here are sent as strings
    _nested: ClassVar[dict[str, type[Value]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(self._fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(self._fields)} positional arguments")
        values: dict[str, Any] = dict(zip(self._fields, args, strict=False))
        for key, value in kwargs.items():
            name = self._field_for(key)
            if name is None:
                accepted = ", ".join(f"{f} / {snake_to_camel(f)}" for f in self._fields)
                raise EasyMakerValidationError(
                    f"{type(self).__name__}: unknown key {key!r}; accepted keys: {accepted}",
                    parameter=key,
                    constraint="additionalProperties",
                    value=value,
                )
            values[name] = value
        for name in self._fields:
            setattr(self, name, self._convert(name, values.get(name)))

    @classmethod
    def _field_for(cls, key: str) -> str | None:
        if key in cls._fields:
            return key
        if key in cls._aliases:
            return cls._aliases[key]
        snake = camel_to_snake(key)
        if snake in cls._fields:
            return snake
        return None

    def _convert(self, name: str, value: Any) -> Any:
        value = plain(value)
        if value is None:
            return None
        if name in self._nested:
            nested = self._nested[name]
            if isinstance(value, nested):
                return value
            if isinstance(value, Mapping):
                return nested(**value)
            raise EasyMakerValidationError(
                f"{type(self).__name__}.{name} must be a {nested.__name__} or a dict, got {type(value).__name__}",
                parameter=name,
                value=value,
            )
        if name in self._string_fields and isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value

    @property
    def id(self) -> Any:
        return self.__dict__.get(self.id_field)

    @property
    def name(self) -> Any:
        """``name`` for a value with a ``name`` field (`Metric`), else the ``<class>_name`` field."""
        return self.__dict__.get("name" if "name" in self._fields else self.name_field)

    @name.setter
    def name(self, value: Any) -> None:
        if "name" not in self._fields:
            raise AttributeError(f"{type(self).__name__} has no field 'name'")
        self.__dict__["name"] = value

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """The wire form (as 2.1.x ``model_dump()``; ``include`` / ``exclude`` select fields)."""
        return dump_fields(self.to_dict(), kwargs)

    def to_dict(self) -> dict[str, Any]:
        """The camelCase wire form; fields that are ``None`` are left out."""
        out: dict[str, Any] = {}
        for name in self._fields:
            value = getattr(self, name)
            if value is None:
                continue
            out[snake_to_camel(name)] = value.to_dict() if isinstance(value, Value) else value
        return out

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields if getattr(self, name) is not None)
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]


class Parameter(Value):
    """A name/value pair (training hyperparameters, model and pipeline parameters)."""

    _fields = ("parameter_name", "parameter_value")
    _aliases = {"parameterKey": "parameter_name", "parameter_key": "parameter_name"}
    _string_fields = frozenset({"parameter_value"})


class Dataset(Value):
    """A dataset: ``datasetName`` and ``dataUri`` (``datasetUri`` is accepted for ``dataUri``)."""

    _fields = ("dataset_name", "data_uri", "dataset_format_code", "dataset_split_code")
    _aliases = {"datasetUri": "data_uri", "dataset_uri": "data_uri"}


class HyperparameterSpec(Value):
    """One hyperparameter of a tuning search space (type codes are lower-cased: int, double, discrete,
    categorical)."""

    _fields = (
        "hyperparameter_name",
        "hyperparameter_type_code",
        "hyperparameter_min_value",
        "hyperparameter_max_value",
        "hyperparameter_step",
        "hyperparameter_specified_values",
        "is_optional",
        "default_value",
    )
    _string_fields = frozenset(
        {
            "hyperparameter_min_value",
            "hyperparameter_max_value",
            "hyperparameter_step",
            "hyperparameter_specified_values",
            "default_value",
        }
    )

    def _convert(self, name: str, value: Any) -> Any:
        value = super()._convert(name, value)
        if name == "hyperparameter_type_code" and isinstance(value, str):
            return value.lower()
        if name == "hyperparameter_specified_values" and isinstance(value, list | tuple):
            return ",".join(str(v) for v in value)
        return value


class Metric(Value):
    """A metric to collect from the training output: ``{"name": ...}`` (2.1.x also spells it ``name_``)."""

    _fields = ("name",)
    _aliases = {"name_": "name"}

    @property
    def name_(self) -> Any:
        return self.name


class Nas(Value):
    """A NAS mount: ``mountDirName`` and ``nasUri`` (``nas://{NAS ID}:/{path}``)."""

    _fields = ("mount_dir_name", "nas_uri")


class ResourceOptionDetail(Value):
    """Resources of one deployed model: ``cpu`` (e.g. ``"1"``), ``memory`` (e.g. ``"1Gi"``), ``gpu``."""

    _fields = ("cpu", "memory", "gpu")
    _string_fields = frozenset({"cpu", "memory", "gpu"})


class EndpointModelResource(Value):
    """One model deployed on a stage, with its resources and pod autoscaling."""

    _fields = (
        "model_id",
        "resource_option_detail",
        "pod_auto_scale_enable",
        "scale_metric_code",
        "scale_metric_target",
        "description",
        "pod_count",
    )
    _nested = {"resource_option_detail": ResourceOptionDetail}


class Tag(Value):
    """A tag: ``tagKey`` / ``tagValue``."""

    _fields = ("tag_key", "tag_value")
    _string_fields = frozenset({"tag_value"})


def wire_list(items: Iterable[Any] | None, cls: type[Value], parameter: str) -> list[dict[str, Any]] | None:
    """Normalise a list argument (value objects, dicts, and for `Metric` strings) to wire dicts."""
    if items is None:
        return None
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise EasyMakerValidationError(
            f"{parameter} must be a list of {cls.__name__} objects or dicts, got {type(items).__name__}",
            parameter=parameter,
            value=items,
        )
    out: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        item = plain(item)
        if isinstance(item, cls):
            value = item
        elif isinstance(item, Mapping):
            try:
                value = cls(**{str(k): v for k, v in item.items()})
            except EasyMakerValidationError as exc:
                raise EasyMakerValidationError(
                    f"{parameter}[{index}]: {exc}",
                    parameter=f"{parameter}[{index}]",
                    constraint=exc.constraint,
                    value=exc.value,
                ) from None
        elif cls is Metric and isinstance(item, str):
            value = Metric(name=item)
        elif isinstance(item, Value):
            value = cls(**item.to_dict())
        else:
            raise EasyMakerValidationError(
                f"{parameter}[{index}] must be a {cls.__name__} or a dict, got {type(item).__name__}",
                parameter=f"{parameter}[{index}]",
                value=item,
            )
        out.append(value.to_dict())
    return out


__all__ = [
    "Dataset",
    "EndpointModelResource",
    "HyperparameterSpec",
    "Metric",
    "Nas",
    "Parameter",
    "ResourceOptionDetail",
    "Tag",
    "Value",
    "wire_list",
]
