"""The resource base class: identity, fetching through the declared generated operations, creating, waiting.

Constructing ``X("id")`` fetches once; constructing from a dict never fetches. Attribute access over the wire dict
is `Record`'s (`easymaker.resources.record`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from easymaker_api.kinds import BY_CLASS, KINDS

from easymaker._client import Client, default_client
from easymaker._errors import EasyMakerError, EasyMakerValidationError, ResourceNotFoundError
from easymaker._wait import wait_for_status
from easymaker.resources.operations import CreateOperation, IdOperation, Operations, wire_dict, wire_dicts
from easymaker.resources.parameters import Mapped, opt, sdk_parameters
from easymaker.resources.record import ATTRIBUTE_ALIASES, Record
from easymaker.values import camel_to_snake

if TYPE_CHECKING:
    from easymaker_api.types import Response

# class name -> module of the resource classes, from the spec's registry of kinds (easymaker_api.kinds)
_RESOURCE_MODULES = {kind.class_name: kind.module for kind in KINDS}


def resource_class(name: str) -> type[Resource]:
    import importlib

    module = importlib.import_module(_RESOURCE_MODULES[name])
    cls = getattr(module, name)
    assert isinstance(cls, type) and issubclass(cls, Resource)
    return cls


# attributes of every resource (2.1.x ``EasyMakerBaseModel``), None when the server leaves them out
COMMON_FIELDS = frozenset({"description", "app_key", "created_datetime", "instance_type"})


class Resource(Record):
    """Base of the resource classes. A subclass named as a kind of the spec's registry (``easymaker_api.kinds``, in
    the kind's module) takes its wire noun and wait statuses from there; it declares its generated operations once
    (`_declare_operations`) and adds its create calls."""

    _noun: ClassVar[str] = ""  # camelCase noun, e.g. "training" (payload key, id/name/status key prefix)
    _label: ClassVar[str] = ""  # the class name, e.g. "Training" (in messages)
    _success: ClassVar[frozenset[str]] = frozenset()
    _failure: ClassVar[frozenset[str]] = frozenset()
    _wait_action: ClassVar[str] = "create"
    _operations_cache: ClassVar[Operations[Any, Any] | None] = None  # set per class on first use
    # ``X(id)`` fetches on the first read of a field other than the id instead of at once (`Endpoint`: so that
    # ``Endpoint(id).predict(...)`` in a loop sends no request to the API).
    _fetch_on_first_read: ClassVar[bool] = False
    _unfetched = False  # per instance: built from an id, not fetched yet
    _nested_types = {"baseModel": "Model"}  # not in the spec's response schemas

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_label" not in cls.__dict__:
            cls._label = cls.__name__
        kind = BY_CLASS.get(cls.__name__)
        if kind is not None and cls.__module__ == kind.module:
            cls._noun = kind.record_key
            cls._success = kind.success
            cls._failure = kind.failure

    _extra_fields: ClassVar[frozenset[str]] = frozenset()  # attributes the generated wire model lacks

    def __init__(self, *args: Any, client: Client | None = None, **fields: Any) -> None:
        """``X(id)`` fetches the resource; ``X(wire_dict)`` and ``X(field=...)`` hold the values given (a keyword
        ``x_id`` without a status fetches once, as 2.1.x does)."""
        if len(args) > 1:
            raise TypeError(
                f"{type(self).__name__}() takes one id (or wire dict), got {len(args)} positional arguments"
            )
        id_or_data = args[0] if args else None
        super().__init__(None, client=client)
        if isinstance(id_or_data, Mapping):
            self._data.update(id_or_data)
        elif isinstance(id_or_data, Record):
            self._data.update(id_or_data.to_dict())
        elif id_or_data is not None:
            resource_id = str(id_or_data)
            if not resource_id.strip():
                raise EasyMakerValidationError(
                    f"{self._label}: the {self.id_field} is empty", parameter=self.id_field, constraint="minLength"
                )
            if self._fetch_on_first_read and not fields:
                self._data[self._id_key] = resource_id
                object.__setattr__(self, "_unfetched", True)
            else:
                with self._guard():
                    self._data.update(self._fetch(self.client, resource_id))
        for key, value in fields.items():
            self._set_field(key, value)
        status_key = f"{self._noun}StatusCode"
        if id_or_data is None and fields and self._data.get(self._id_key) and status_key not in self._data:
            # Built from keywords with an id (2.1.x style ``Training(training_id=...)``): one fetch.
            with self._guard():
                self._data.update(self._fetch(self.client, str(self._data[self._id_key])))

    # ------------------------------------------------------------------ identity
    @property
    def client(self) -> Client:
        client = self._client
        return client if client is not None else default_client()

    @classmethod
    def _client_or_default(cls, client: Client | None) -> Client:
        return client if client is not None else default_client()

    @property
    def id_field(self) -> str:
        """The attribute holding the id, e.g. ``training_id`` (the wire key is ``trainingId``)."""
        return f"{camel_to_snake(self._noun)}_id"

    @property
    def name_field(self) -> str:
        return f"{camel_to_snake(self._noun)}_name"

    @property
    def status_field(self) -> str:
        """The attribute holding the status, e.g. ``training_status_code``."""
        return f"{camel_to_snake(self._noun)}_status_code"

    @property
    def _id_key(self) -> str:
        return f"{self._noun}Id"

    @property
    def id(self) -> str | None:
        value = self._data.get(self._id_key)
        return None if value is None else str(value)

    @property
    def name(self) -> str | None:
        value = self._wire().get(f"{self._noun}Name")
        return None if value is None else str(value)

    @property
    def status(self) -> str | None:
        value = self._wire().get(f"{self._noun}StatusCode")
        return None if value is None else str(value)

    @property
    def reason(self) -> str | None:
        value = self._wire().get(f"{self._noun}StatusReason")
        return None if value is None else str(value)

    def _known_fields(self) -> frozenset[str]:
        wire = self._wire_names()
        aliased = {name for name, keys in ATTRIBUTE_ALIASES.items() if any(key in wire for key in keys)}
        return frozenset(wire.values()) | aliased | COMMON_FIELDS | self._extra_fields

    @classmethod
    def _wire_names(cls) -> dict[str, str]:
        """wire name -> attribute name of the generated response model (for attributes that are absent)."""
        operations = cls._resolved_operations()
        return {} if operations is None else operations.wire.__wire_names__

    @classmethod
    def _id_parameters(cls) -> dict[str, Mapped]:
        """Wire names of path and query parameters -> SDK names (for errors of the generated checks)."""
        return {
            "appkey": "appkey",
            f"{cls._noun}Id": camel_to_snake(cls._noun) + "_id",
            "experimentIdList": "id_list",
            "experimentNameList": "name_list",
            "endpointId": "endpoint_id",
            "endpointStageId": "endpoint_stage_id",
            "pipelineRecurringRunId": "pipeline_recurring_run_id",
        }

    @classmethod
    def _guard(cls) -> Any:
        """A context turning the generated parameter checks' errors into `EasyMakerValidationError`."""
        return sdk_parameters(cls._id_parameters())

    def _require_id(self) -> str:
        if not self.id:
            raise EasyMakerError(f"this {self._label} has no {self.id_field}; create it or pass its id first")
        return self.id

    # ------------------------------------------------------------------ the generated operations
    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any] | None:
        """The class's `Operations`. Subclasses import the generated modules inside, so that they load on first use
        and ``import easymaker`` stays cheap, and build the `Operations` in a variable before returning it: so mypy
        infers its types from the response models and checks the payload functions (a call returned directly would
        take ``Any`` from this return type)."""
        return None

    @classmethod
    def _resolved_operations(cls) -> Operations[Any, Any] | None:
        cached: Operations[Any, Any] | None = cls.__dict__.get("_operations_cache")
        if cached is None:
            cached = cls._declare_operations()
            if cached is not None:
                cls._operations_cache = cached
        return cached

    @classmethod
    def _operations(cls) -> Operations[Any, Any]:
        operations = cls._resolved_operations()
        if operations is None:
            raise NotImplementedError(f"{cls._label}: no API operations are declared")
        return operations

    @classmethod
    def _payload(cls, client: Client, response: Response[Any]) -> dict[str, Any]:
        """The resource's wire dict in a get/create response."""
        operations = cls._operations()
        return wire_dict(operations.payload(client.payload(response, operations.response)), cls._noun)

    @classmethod
    def _fetch(cls, client: Client, resource_id: str) -> dict[str, Any]:
        return cls._payload(client, cls._operations().get(client.appkey, resource_id, client=client.api))

    @classmethod
    def _fetch_list(cls, client: Client, **filters: Any) -> list[dict[str, Any]]:
        operations = cls._operations()
        unexpected = sorted(set(filters) - set(operations.list_filters))
        if unexpected:
            raise TypeError(f"{cls._label}.get_list got unexpected filters {unexpected}")
        arguments = {name: opt(filters.get(name)) for name in operations.list_filters}
        response = operations.list(client.appkey, client=client.api, **arguments)
        return wire_dicts(operations.list_payload(client.payload(response, operations.list_response)))

    def _delete(self, client: Client, resource_id: str) -> None:
        self._operations().delete(client.appkey, resource_id, client=client.api)

    def _call(self, operation: IdOperation) -> None:
        """One call of a generated operation on this resource (stop, start...)."""
        client = self.client
        with self._guard():
            operation(client.appkey, self._require_id(), client=client.api)

    def _post_create(
        self, operation: CreateOperation, body: Any, wait: bool | None, timeout: float | None, logs: bool = False
    ) -> Self:
        """POST ``body``, take the created resource from the response, and wait for it when ``wait`` (printing its
        followed log meanwhile when ``logs``)."""
        client = self.client
        if logs and wait:
            from easymaker.resources.observe import check_logs_available

            check_logs_available(client, self._label, getattr(body, "use_log", None) is True)
        response = operation(client.appkey, client=client.api, body=body)
        return self._adopt(self._payload(client, response), wait, timeout, logs)

    def _adopt(self, data: Mapping[str, Any], wait: bool | None, timeout: float | None, logs: bool = False) -> Self:
        """Hold ``data`` (a created resource) and wait for it when ``wait``."""
        self._set(data)
        if wait:
            printer = getattr(self, "_print_logs_until_done", None)
            if logs and printer is not None:
                clock = self.client.clock
                started = clock()
                printer(timeout)
                if timeout is not None:
                    timeout = max(0.0, timeout - (clock() - started))
            self._wait_created(timeout)
        return self

    def _wait_created(self, timeout: float | None) -> None:
        self.wait(timeout=timeout)

    # ------------------------------------------------------------------ common behaviour
    def _set(self, data: Mapping[str, Any]) -> Self:
        self._data.clear()
        self._data.update(data)
        object.__setattr__(self, "_unfetched", False)
        return self

    def _wire(self) -> dict[str, Any]:
        if self._unfetched:
            with self._guard():
                self._set(self._fetch(self.client, self._require_id()))
        return self._data

    def refresh(self) -> Self:
        """Fetch the current state (one GET)."""
        with self._guard():
            return self._set(self._fetch(self.client, self._require_id()))

    def wait(
        self,
        action: str | None = None,
        wait_interval_seconds: float | None = None,
        *,
        timeout: float | None = None,
    ) -> Self:
        """Wait until the resource reaches a success status; raise `ResourceFailedError` on a failure status and
        `WaitTimeoutError` after ``timeout`` seconds (``None``: no deadline).

        ``action`` names what is awaited in log lines and errors (``"create"``, ``"stop"``...). Polls start fast and
        back off; ``wait_interval_seconds`` caps the pause between two polls (2.1.x polls at exactly that interval).
        """
        action, timeout = _wait_arguments(action, timeout)
        self._require_id()
        client = self.client
        if self.status is None:
            self.refresh()
        wait_for_status(
            self,
            label=f"{self._label} {self.id}",
            success=self._success,
            failure=self._failure,
            timeout=timeout,
            sleep=client.sleep,
            clock=client.clock,
            action=action or self._wait_action,
            max_interval=_interval(wait_interval_seconds),
        )
        return self

    def delete(self) -> None:
        """Delete the resource (one DELETE)."""
        with self._guard():
            self._delete(self.client, self._require_id())

    @classmethod
    def get_list(
        cls, *, client: Client | None = None, name_list: Iterable[str] | None = None, **filters: Any
    ) -> list[Self]:
        """Every resource of this kind visible to the appkey (``name_list`` filters by exact name)."""
        api = cls._client_or_default(client)
        with cls._guard():
            items = cls._fetch_list(api, **filters)
        objects = [cls(item, client=api) for item in items]
        if name_list is not None:
            names = {name_list} if isinstance(name_list, str) else set(name_list)
            objects = [o for o in objects if o.name in names]
        return objects

    @classmethod
    def get_by_id(cls, id: str, *, client: Client | None = None) -> Self:  # noqa: A002 - the 2.1.x name
        """The resource with this id (one GET)."""
        return cls(id, client=client)

    @classmethod
    def get_by_id_or_name(cls, id: str | None = None, name: str | None = None, *, client: Client | None = None) -> Self:  # noqa: A002
        """By ``id`` when given, else by exact ``name`` (error if neither, or if no or several resources match)."""
        if id:
            return cls.get_by_id(id, client=client)
        if name:
            return cls.get_by_name(name, client=client)
        raise EasyMakerValidationError(
            f"{cls._label}.get_by_id_or_name: pass id= or name=", parameter="id", constraint="required"
        )

    @classmethod
    def _group_type(cls) -> str:
        """The ``groupType`` of this kind's instance types (``TRAINING``, ``ENDPOINT``...)."""
        return camel_to_snake(cls._noun).upper()

    @classmethod
    def get_instance_type_list(
        cls,
        model_id: str | None = None,
        algorithm_id: str | None = None,
        model_preset_id: str | None = None,
        *,
        client: Client | None = None,
    ) -> list[Any]:
        """Instance types this kind of resource can use (``name`` is what ``instance_type_name`` takes),
        optionally only those that fit a model, an algorithm or a model preset."""
        from easymaker_api.api.lookups import list_flavors
        from easymaker_api.models.flavor_list_response import FlavorListResponse

        from easymaker.items import InstanceType

        api = cls._client_or_default(client)
        with sdk_parameters(
            {"modelIdList": "model_id", "algorithmId": "algorithm_id", "modelPresetId": "model_preset_id"}
        ):
            response = list_flavors.sync_detailed(
                api.appkey,
                client=api.api,
                group_type=cls._group_type(),
                model_id_list=opt(model_id),
                algorithm_id=opt(algorithm_id),
                model_preset_id=opt(model_preset_id),
            )
        items = wire_dicts(api.payload(response, FlavorListResponse).flavor_list)
        return [InstanceType(item, client=api) for item in items]

    @classmethod
    def get_by_name(cls, name: str, *, client: Client | None = None) -> Self:
        """The one resource with this exact name (error if none or several)."""
        matches = cls.get_list(client=client, name_list=[name])
        if not matches:
            raise ResourceNotFoundError(f"no {cls._label} named {name!r}", kind=cls._label, name=name)
        if len(matches) > 1:
            ids = ", ".join(str(m.id) for m in matches)
            raise EasyMakerError(f"{len(matches)} {cls._label} resources are named {name!r} (ids: {ids})")
        return matches[0]

    @classmethod
    def delete_by_id(cls, id: str, *, client: Client | None = None) -> None:  # noqa: A002 - the 2.1.x name
        """Delete the resource with this id (one DELETE)."""
        obj = cls({f"{cls._noun}Id": id}, client=client)
        obj.delete()

    def __repr__(self) -> str:  # what is held: a repr sends no request
        parts = [f"{self._id_key}={self.id!r}"]
        for label, key in (("name", f"{self._noun}Name"), ("status", f"{self._noun}StatusCode")):
            value = self._data.get(key)
            if value is not None:
                parts.append(f"{label}={str(value)!r}")
        return f"{self._label}({', '.join(parts)})"


def _wait_arguments(action: Any, timeout: float | None) -> tuple[str | None, float | None]:
    """``wait(30)`` (a number first, the earlier form of this SDK) is ``wait(timeout=30)``."""
    if isinstance(action, int | float) and not isinstance(action, bool):
        if timeout is not None:
            raise TypeError("wait(): a number as first argument is the timeout; do not pass timeout= as well")
        return None, float(action)
    if action is not None and not isinstance(action, str):
        raise EasyMakerValidationError(
            f"wait(): action must be a string such as 'create', got {type(action).__name__}", parameter="action"
        )
    return action, timeout


def _interval(seconds: Any) -> float | None:
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 < seconds <= 3600:
        raise EasyMakerValidationError(
            f"wait_interval_seconds must be a number of seconds in (0, 3600], got {seconds!r}",
            parameter="wait_interval_seconds",
            value=seconds,
        )
    return float(seconds)


class StoppableResource(Resource):
    """A resource kind whose jobs can be stopped (its `Operations` declare ``stop``)."""

    def stop(self) -> None:
        """Ask the server to stop it (one PUT)."""
        operation = self._operations().stop
        if operation is None:
            raise NotImplementedError(f"{self._label}.stop")
        self._call(operation)
