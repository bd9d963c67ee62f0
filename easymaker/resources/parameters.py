"""From SDK arguments to generated requests.

``easymaker_api.parameters.REQUEST_PARAMETERS`` (generated from the ``x-sdk-parameter`` / ``x-sdk-named``
extensions of ``spec/openapi.yaml``) says, for every request body, which SDK argument fills which wire field and in
what unit. A create method hands its arguments (``locals()``) and its ``**options`` to `RequestDraft`, together
with the wire fields it computes itself (ids found by name, defaults taken from the client); the draft maps,
normalises and checks every value against the spec's limits before any request is sent, naming the SDK parameter
in the error (`sdk_parameters` turns the generated validators' errors into `EasyMakerValidationError`), and then
builds the generated request model. A property added to the spec therefore reaches the method (through
``**options``), the client-side check and the request body without a handwritten change.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from easymaker._errors import EasyMakerValidationError
from easymaker.values import Value, camel_to_snake, plain, snake_to_camel, wire_list

if TYPE_CHECKING:
    from easymaker._client import Client

T = TypeVar("T")

Mapped = str | tuple[str, float]
_TOP_FIELD = re.compile(r"^([A-Za-z0-9]+)(.*)$")


def _describe(constraint: str, limit: Any, value: Any) -> str:
    if constraint in ("maxLength", "minLength") and isinstance(value, str):
        word = "exceeds" if constraint == "maxLength" else "is below"
        return f"length {len(value)} {word} {constraint} {limit}"
    if constraint in ("maxItems", "minItems") and isinstance(value, list | tuple):
        word = "exceed" if constraint == "maxItems" else "are below"
        return f"{len(value)} items {word} {constraint} {limit}"
    if constraint == "maximum":
        return f"{value!r} exceeds maximum {limit}"
    if constraint == "minimum":
        return f"{value!r} is below minimum {limit}"
    if constraint == "enum":
        return f"{value!r} is not one of {list(limit)!r}"
    if constraint == "pattern":
        return f"{value!r} does not match pattern {limit!r}"
    return f"{value!r} violates {constraint} {limit!r}"


def _scaled(number: Any, scale: float) -> Any:
    if isinstance(number, int | float) and not isinstance(number, bool):
        result = number / scale
        return int(result) if float(result).is_integer() else result
    return number


def sdk_error(exc: Any, parameters: Mapping[str, Mapped]) -> EasyMakerValidationError:
    """An `EasyMakerValidationError` for a generated ``ConstraintViolation``, naming the SDK parameter."""
    field: str = exc.field
    match = _TOP_FIELD.match(field)
    top, rest = (match.group(1), match.group(2)) if match else (field, "")
    mapped = parameters.get(top)
    if mapped is None:
        parameter = camel_to_snake(top) + rest
        text = f"{parameter}: {_describe(exc.constraint, exc.limit, exc.value)} (wire field {field})"
        return EasyMakerValidationError(
            text, parameter=parameter, wire_field=field, constraint=exc.constraint, limit=exc.limit, value=exc.value
        )
    if isinstance(mapped, tuple):
        name, scale = mapped
        shown = _describe(exc.constraint, _scaled(exc.limit, scale), _scaled(exc.value, scale))
        text = f"{name}{rest}: {shown} (wire field {field}: {_describe(exc.constraint, exc.limit, exc.value)})"
        return EasyMakerValidationError(
            text,
            parameter=name + rest,
            wire_field=field,
            constraint=exc.constraint,
            limit=_scaled(exc.limit, scale),
            value=_scaled(exc.value, scale),
        )
    text = f"{mapped}{rest}: {_describe(exc.constraint, exc.limit, exc.value)} (wire field {field})"
    return EasyMakerValidationError(
        text, parameter=mapped + rest, wire_field=field, constraint=exc.constraint, limit=exc.limit, value=exc.value
    )


@contextmanager
def sdk_parameters(parameters: Mapping[str, Mapped]) -> Iterator[None]:
    """Turn the generated validators' ``ConstraintViolation`` into `EasyMakerValidationError` naming the SDK
    parameter (``parameters``: wire field -> SDK parameter, or (parameter, scale) for unit conversions)."""
    from easymaker_api.validation import ConstraintViolation

    try:
        yield
    except ConstraintViolation as exc:
        raise sdk_error(exc, parameters) from None


def precheck(model: type, values: Mapping[str, Any]) -> None:
    """Check wire values against the generated request model's ``__constraints__`` (before any lookup request)."""
    from easymaker_api.validation import check_value

    constraints: dict[str, dict[str, Any]] = model.__constraints__  # type: ignore[attr-defined]
    for wire, value in values.items():
        limits = constraints.get(wire)
        if limits and value is not None:
            check_value(plain(value), limits, wire)


def require(**values: Any) -> None:
    """Raise `EasyMakerValidationError` for the first argument that is ``None`` or empty."""
    for name, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            raise EasyMakerValidationError(f"{name} is required", parameter=name, constraint="required")


def build_items(model: Any, value_cls: type[Value], values: Iterable[Any] | None, parameter: str) -> list[Any] | None:
    """Generated value models (``model``) of a list argument (value objects or dicts, normalised through
    ``value_cls``), each checked against its limits; the wire field is the camelCase ``parameter``."""
    items = wire_list(values, value_cls, parameter)
    if items is None:
        return None
    wire_field = snake_to_camel(parameter)
    built = []
    for index, item in enumerate(items):
        try:
            obj = model.from_dict(item)
        except KeyError as exc:
            raise EasyMakerValidationError(
                f"{parameter}[{index}]: missing required key {exc.args[0]!r}",
                parameter=f"{parameter}[{index}]",
                wire_field=f"{wire_field}[{index}].{exc.args[0]}",
                constraint="required",
            ) from None
        obj.check_constraints(f"{wire_field}[{index}].")
        built.append(obj)
    return built


def opt(value: T | None) -> Any:
    """``UNSET`` for ``None`` (optional fields are left out of request bodies)."""
    if value is None:
        from easymaker_api.types import UNSET

        return UNSET
    return value


def experiment_id_for(client: Client, experiment_id: str | None) -> str | None:
    return experiment_id or client.experiment_id


def parameter_table(model: type) -> tuple[Any, ...]:
    """The generated ``SdkParameter`` rows of a request model (its class name is its schema name)."""
    from easymaker_api.parameters import REQUEST_PARAMETERS

    return REQUEST_PARAMETERS[model.__name__]


def sdk_names(model: type, **labels: str) -> dict[str, Mapped]:
    """Wire field -> SDK parameter (or (parameter, scale)) for the errors of the generated checks. ``labels`` name
    fields the method computes from several arguments (``instanceCount="distributed_node_count × ..."``)."""
    names: dict[str, Mapped] = {}
    for row in parameter_table(model):
        names[row.wire] = (row.name, float(row.scale)) if row.scale != 1 else row.name
    names.update(labels)
    return names


def _to_wire_unit(value: Any, scale: int, name: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EasyMakerValidationError(f"{name} must be a number, got {value!r}", parameter=name, value=value)
    result = value * scale
    return int(result) if float(result).is_integer() else result


def _value_class(schema: str) -> type[Value] | None:
    """The SDK's value class for list items of ``schema`` (``Dataset``, ``Parameter``...), if it has one."""
    found = getattr(importlib.import_module("easymaker.values"), schema, None)
    return found if isinstance(found, type) and issubclass(found, Value) else None


def _items(schema: str, value_schema: str, values: Any, name: str) -> list[dict[str, Any]]:
    model = getattr(importlib.import_module("easymaker_api.models"), schema)
    value_class = _value_class(value_schema)
    if value_class is None:
        if not isinstance(values, list | tuple):
            raise EasyMakerValidationError(f"{name} must be a list, got {type(values).__name__}", parameter=name)
        return [dict(plain(v)) if isinstance(v, Mapping) else plain(v) for v in values]
    built = build_items(model, value_class, values, name) or []
    return [item.to_dict() for item in built]


def parent_wire_fields(client: Any) -> dict[str, Any]:
    """The pipeline run (and its task) a job started inside a pipeline step belongs to, from the client's config."""
    return {
        "parentPipelineRunId": client.config.parent_pipeline_run_id,
        "parentPipelineRunTaskName": client.config.parent_pipeline_run_task_name,
    }


class RequestDraft:
    """The wire fields of one request body, mapped from SDK arguments and checked; `build` makes the model."""

    def __init__(
        self,
        model: type,
        arguments: Mapping[str, Any],
        options: Mapping[str, Any] | None = None,
        *,
        computed: Mapping[str, Any] | None = None,
        deferred: Iterable[str] = (),
        labels: Mapping[str, str] | None = None,
        method: str = "the method",
    ) -> None:
        """``computed``: wire fields the method fills itself (checked like the rest); ``deferred``: wire fields
        that `build` fills from lookups, left out of the checks here (the argument is a name, the field an id)."""
        self.model = model
        self.names = sdk_names(model, **(labels or {}))
        rows = parameter_table(model)
        options = dict(options or {})
        accepted = {row.name for row in rows if not row.named}
        unknown = sorted(set(options) - accepted)
        if unknown:
            raise TypeError(f"{method} got unexpected keyword arguments {unknown} (accepted: {sorted(accepted)})")
        computed = {**dict.fromkeys(deferred), **(computed or {})}
        self.wire: dict[str, Any] = {}
        with sdk_parameters(self.names):
            for row in rows:
                if row.wire in computed:
                    value = computed.pop(row.wire)
                else:
                    value = plain(arguments.get(row.name) if row.named else options.get(row.name))
                    if value is not None and row.scale != 1:
                        value = _to_wire_unit(value, row.scale, row.name)
                    if value is not None and row.items is not None:
                        value = _items(row.items, row.values or row.items, value, row.name)
                if value is not None:
                    self.wire[row.wire] = plain(value)
            self.wire.update({k: plain(v) for k, v in computed.items() if v is not None})
            precheck(model, self.wire)

    def build(self, **resolved: Any) -> Any:
        """The generated request model, with the wire fields found by lookups (``imageId=...``) added."""
        wire = {**self.wire, **{k: plain(v) for k, v in resolved.items() if v is not None}}
        with sdk_parameters(self.names):
            body = self.model.from_dict(wire)  # type: ignore[attr-defined]
            body.check_constraints()
        return body
