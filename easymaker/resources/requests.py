"""Request bodies built from SDK arguments, driven by the spec's parameter table.

``easymaker_api.parameters.REQUEST_PARAMETERS`` (generated from the ``x-sdk-parameter`` / ``x-sdk-named``
extensions of ``spec/openapi.yaml``) says, for every request body, which SDK argument fills which wire field and in
what unit. A create method hands its arguments (``locals()``) and its ``**options`` to `RequestDraft`, together
with the wire fields it computes itself (ids found by name, defaults taken from the client); the draft maps,
normalises and checks every value against the spec's limits before any request is sent, naming the SDK parameter
in the error, and then builds the generated request model. A property added to the spec therefore reaches the
method (through ``**options``), the client-side check and the request body without a handwritten change.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

from easymaker._errors import EasyMakerValidationError
from easymaker.resources.parameters import Mapped, build_items, precheck, sdk_parameters
from easymaker.values import Value, plain


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


def _scaled(value: Any, scale: int, name: str) -> Any:
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
                        value = _scaled(value, row.scale, row.name)
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
