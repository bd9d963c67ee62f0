"""From SDK arguments to generated requests: the bridge that names the SDK parameter in the generated validators'
errors (`sdk_parameters`, `precheck`), and the helpers that build request arguments (`opt`, `build_items`...)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from easymaker._errors import EasyMakerValidationError
from easymaker.values import Tag, Value, camel_to_snake, plain, snake_to_camel, wire_list

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


def tag_items(tag_list: Iterable[Any] | None) -> list[Any] | None:
    """The generated ``Tag`` models of a ``tag_list`` argument."""
    from easymaker_api.models.tag import Tag as WireTag

    return build_items(WireTag, Tag, tag_list, "tag_list")


def opt(value: T | None) -> Any:
    """``UNSET`` for ``None`` (optional fields are left out of request bodies)."""
    if value is None:
        from easymaker_api.types import UNSET

        return UNSET
    return value


def enum_or_unset(enum_cls: Callable[[str], T], value: Any) -> Any:
    value = plain(value)
    if value is None:
        return opt(None)
    return enum_cls(str(value))


def timeout_minutes(timeout_hours: Any) -> Any:
    """``timeout_hours × 60`` (the wire's ``timeoutMinutes``); limits are checked on the wire value."""
    value = plain(timeout_hours)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EasyMakerValidationError(
            f"timeout_hours must be a number, got {value!r}", parameter="timeout_hours", value=value
        )
    minutes = value * 60
    return int(minutes) if float(minutes).is_integer() else minutes


def experiment_id_for(client: Client, experiment_id: str | None) -> str | None:
    return experiment_id or client.experiment_id


def parent_fields(client: Client) -> dict[str, Any]:
    return {
        "parent_pipeline_run_id": opt(client.config.parent_pipeline_run_id),
        "parent_pipeline_run_task_name": opt(client.config.parent_pipeline_run_task_name),
    }
