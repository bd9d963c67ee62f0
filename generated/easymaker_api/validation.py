"""Client-side checks of the limits declared in the OpenAPI document.

Every request model carries `__constraints__` (wire field name -> limits, read from the document by the code
generator) and `__wire_names__` (wire field name -> attribute name). A request model is checked, with everything
nested in it, when it is built and again when `to_dict()` is called on it, so nothing out of limits is ever sent.
Parsing (`from_dict`) never checks, and objects nested in another one are not checked again while the outer one
is serialised: servers may return values the client does not know yet, also inside request schemas they echo.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from functools import lru_cache
from typing import Any

from .types import UNSET, Unset

_LENIENT: contextvars.ContextVar[bool] = contextvars.ContextVar("easymaker_api_lenient", default=False)

_MAX_SHOWN = 80


class ConstraintViolation(ValueError):
    """A value outside a limit of the OpenAPI document.

    Attributes:
        field: the wire (camelCase) path of the value, e.g. ``tagList[2].tagKey``.
        constraint: the JSON Schema keyword that was violated, e.g. ``maxLength``.
        limit: the limit from the document.
        value: the rejected value.
    """

    def __init__(self, field: str, constraint: str, limit: Any, value: Any) -> None:
        self.field = field
        self.constraint = constraint
        self.limit = limit
        self.value = value
        super().__init__(f"{field}: {_describe(constraint, limit, value)}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.constraint, self.limit, self.value))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _describe(constraint: str, limit: Any, value: Any) -> str:
    if constraint == "maxLength":
        return f"length {len(value)} exceeds maxLength {limit}"
    if constraint == "minLength":
        return f"length {len(value)} is below minLength {limit}"
    if constraint == "pattern":
        return f"{_shown(value)} does not match pattern {limit!r}"
    if constraint == "maximum":
        return f"{value!r} exceeds maximum {limit}"
    if constraint == "minimum":
        return f"{value!r} is below minimum {limit}"
    if constraint == "exclusiveMaximum":
        return f"{value!r} is not below exclusiveMaximum {limit}"
    if constraint == "exclusiveMinimum":
        return f"{value!r} is not above exclusiveMinimum {limit}"
    if constraint == "maxItems":
        return f"{len(value)} items exceed maxItems {limit}"
    if constraint == "minItems":
        return f"{len(value)} items are below minItems {limit}"
    if constraint == "enum":
        return f"{_shown(value)} is not one of enum {list(limit)!r}"
    return f"{_shown(value)} violates {constraint} {limit!r}"


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@contextmanager
def lenient() -> Iterator[None]:
    """Within this block, models are built without checks (used by `from_dict` for server responses)."""
    token = _LENIENT.set(True)
    try:
        yield
    finally:
        _LENIENT.reset(token)


def null_as_unset(value: Any) -> Any:
    """Parsing rule for optional fields not declared nullable: a `null` sent by a server means the field is absent."""
    return UNSET if value is None else value


def is_lenient() -> bool:
    return _LENIENT.get()


def check_value(value: Any, limits: dict[str, Any], field: str) -> None:
    """Raise `ConstraintViolation` if `value` breaks one of `limits` (keywords that do not apply to its type are
    skipped: a type mismatch is not a limit)."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        if "minLength" in limits and len(value) < limits["minLength"]:
            raise ConstraintViolation(field, "minLength", limits["minLength"], value)
        if "maxLength" in limits and len(value) > limits["maxLength"]:
            raise ConstraintViolation(field, "maxLength", limits["maxLength"], value)
        if "pattern" in limits and _compiled(limits["pattern"]).search(value) is None:
            raise ConstraintViolation(field, "pattern", limits["pattern"], value)
        if "enum" in limits and value not in limits["enum"]:
            raise ConstraintViolation(field, "enum", limits["enum"], value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in limits and value < limits["minimum"]:
            raise ConstraintViolation(field, "minimum", limits["minimum"], value)
        if "exclusiveMinimum" in limits and value <= limits["exclusiveMinimum"]:
            raise ConstraintViolation(field, "exclusiveMinimum", limits["exclusiveMinimum"], value)
        if "maximum" in limits and value > limits["maximum"]:
            raise ConstraintViolation(field, "maximum", limits["maximum"], value)
        if "exclusiveMaximum" in limits and value >= limits["exclusiveMaximum"]:
            raise ConstraintViolation(field, "exclusiveMaximum", limits["exclusiveMaximum"], value)
    elif isinstance(value, list | tuple):
        if "minItems" in limits and len(value) < limits["minItems"]:
            raise ConstraintViolation(field, "minItems", limits["minItems"], value)
        if "maxItems" in limits and len(value) > limits["maxItems"]:
            raise ConstraintViolation(field, "maxItems", limits["maxItems"], value)
        item_limits = limits.get("items")
        if item_limits:
            for index, item in enumerate(value):
                check_value(item, item_limits, f"{field}[{index}]")


def _descend(value: Any, field: str) -> None:
    if hasattr(type(value), "__constraints__"):
        validate_model(value, field + ".")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _descend(item, f"{field}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            _descend(item, f"{field}.{key}")


def validate_model(model: Any, path: str = "") -> None:
    """Check every field of a generated model, and of the models nested in it, against the document's limits.

    `path` is prefixed to the wire field names in error messages (e.g. ``"source."``).
    """
    cls = type(model)
    constraints: dict[str, dict[str, Any]] = cls.__constraints__
    for wire_name, attribute in cls.__wire_names__.items():
        value = getattr(model, attribute)
        if value is None or isinstance(value, Unset):
            continue
        field = path + wire_name
        limits = constraints.get(wire_name)
        if limits:
            check_value(value, limits, field)
        _descend(value, field)


def check_request(model: Any) -> None:
    """Validate a request model unless a response is being parsed."""
    if not _LENIENT.get():
        validate_model(model)


def check_parameters(*checks: tuple[str, Any, dict[str, Any]]) -> None:
    """Check operation parameters: each check is (wire name, value, limits); unset values are skipped."""
    for name, value, limits in checks:
        if value is None or isinstance(value, Unset):
            continue
        check_value(value, limits, name)
