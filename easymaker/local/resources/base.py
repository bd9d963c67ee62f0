"""What every resource kind of EasyMaker Local shares: the request and answer types, status changes, rendering,
lookups in the store, the generic get / list / delete / stop handlers, and the rules a family refines.

A family module (`experiment`, `training`, ...) adds its handlers to `ServiceBase` as a mixin and refines the shared
steps by overriding a hook and calling ``super()`` first: `_add_views` (what a rendered document shows of related
resources), `_check_delete` (the rules that refuse a deletion, 409), `_delete_cascade` / `_delete_in_tx` /
`_deleted` (what a deletion takes along), `_stamp_status` / `_status_changed` (what follows a status change).
"""

from __future__ import annotations

import copy
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from easymaker.local import states
from easymaker.local.catalog import Catalog
from easymaker.local.states import KINDS, Kind
from easymaker.local.store import Row, Store, now_iso

if TYPE_CHECKING:
    from easymaker.local.supervisor import Supervisor

logger = logging.getLogger("easymaker.local.resources")

INTERRUPTED = "interrupted by restart"
_INTERNAL_KEYS = ("pipelineSpecManifest",)


class ApiError(Exception):
    """An error answer: HTTP status, and a message naming the cause."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def result_code(self) -> int:
        return -self.status


def not_found(kind: Kind, rid: str, field_name: str | None = None) -> ApiError:
    label = kind.name.replace("_", " ")
    where = f"{field_name}: " if field_name else ""
    return ApiError(404, f"{where}{label} {rid} not found")


@dataclass
class Request:
    appkey: str
    path: dict[str, str]
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None


# (payload key, value), optionally with more top-level fields of the answer (e.g. ``paging``); None: the header only
Payload = tuple[str, Any] | tuple[str, Any, dict[str, Any]] | None
Handler = Callable[[Request], Payload]
STREAM_PAGE_ROWS = 500  # rows read, rendered and written at a time by a list asked for without `limit`


@dataclass(frozen=True)
class StreamedList:
    """A list payload written page by page as a JSON array (the answer is sent while the next page is read), so
    the server holds one page of it, not all of it."""

    pages: Iterator[list[dict[str, Any]]]


def new_id() -> str:
    return str(uuid.uuid4())


def summary(kind: Kind, row: Row | None, rid: str | None = None, name: str | None = None) -> dict[str, Any]:
    """The short form of a related resource inside another's document (id, name, status)."""
    if row is None:
        out: dict[str, Any] = {kind.id_key: rid}
        if name is not None:
            out[kind.name_key] = name
        return out
    return {kind.id_key: row.id, kind.name_key: row.name, kind.status_key: row.status}


def storage(size: Any) -> dict[str, Any]:
    return {"storageSize": int(size)}


class ServiceBase:
    """The store, the catalog and the job supervisor, and the operations every kind shares."""

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        supervisor: Supervisor | None = None,
        *,
        region: str = "kr1",
        iaas_token: Callable[[], tuple[str, float]] | None = None,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.supervisor = supervisor
        self.region = region
        self._iaas_token = iaas_token
        self._lock = threading.RLock()  # serializes multi-row rules (check + write)
        self.handlers: dict[str, Handler] = self._handlers()

    def _handlers(self) -> dict[str, Handler]:
        """operationId -> handler."""
        return {}

    # ================================================================================================ status changes
    def transition(self, rid: str, status: str, reason: str | None = None, *, force: bool = False) -> bool:
        """Move a resource to ``status`` if its kind's state machine allows it (``force`` skips the check).

        Returns ``False`` (and logs) for an illegal transition or a resource that is gone."""
        row0 = self.store.get(rid)
        if row0 is None:
            return False
        kind = KINDS[row0.kind]
        outcome: dict[str, Any] = {}

        def mutate(row: Row) -> bool:
            old = row.status
            if not force and not kind.allows(old, status):
                outcome["illegal"] = old
                return False
            if old == status and reason is None:
                return False
            row.status = status
            row.doc[kind.status_key] = status
            if reason is not None or old != status:
                if reason:
                    row.doc[kind.reason_key] = reason
                else:
                    row.doc.pop(kind.reason_key, None)
            self._stamp_status(kind, row, status)
            return True

        row = self.store.update(rid, mutate)
        if "illegal" in outcome:
            logger.warning(
                "%s %s: transition %s -> %s is not allowed; ignored", kind.name, rid, outcome["illegal"], status
            )
            return False
        if row is None:
            return False
        self._status_changed(kind, row)
        return True

    def _stamp_status(self, kind: Kind, row: Row, status: str) -> None:
        """Fields that change with the status, written in the same update (a run's start and finish times)."""

    def _status_changed(self, kind: Kind, row: Row) -> None:
        """What follows a status change (a parent's status derived from its children)."""

    def merge(self, rid: str, fields: dict[str, Any]) -> None:
        """Merge camelCase fields into a stored document (ids, names and statuses are kept)."""
        row0 = self.store.get(rid)
        if row0 is None:
            return
        kind = KINDS[row0.kind]
        protected = {kind.id_key, kind.status_key, kind.reason_key, "appKey", "createdDatetime"}

        def mutate(row: Row) -> None:
            for k, v in fields.items():
                if k in protected:
                    continue
                if v is None:  # absent, never null, on the wire
                    row.doc.pop(k, None)
                else:
                    row.doc[k] = copy.deepcopy(v)

        self.store.update(rid, mutate)

    # ================================================================================================ rendering
    def render(self, row: Row) -> dict[str, Any]:
        """The wire document of a stored resource, with the related resources it shows."""
        doc = {k: v for k, v in row.doc.items() if k not in _INTERNAL_KEYS}
        if states.EXPERIMENT.name in KINDS[row.kind].spec.related:  # the record holds its experiment (spec)
            self._show_related(row, doc, states.EXPERIMENT)
        self._add_views(row, doc)
        return doc

    def _show_related(self, row: Row, doc: dict[str, Any], kind: Kind) -> None:
        """Show the ``kind`` resource that ``doc`` names by id (``modelId``...) as a summary (``model``...), when it
        is the same appkey's."""
        rid = doc.get(kind.id_key)
        if rid:
            other = self.store.get(rid)
            if other is not None and other.appkey == row.appkey:
                doc[kind.prefix] = summary(kind, other)

    def _add_views(self, row: Row, doc: dict[str, Any]) -> None:
        """Add what the rendered document ``doc`` of ``row`` shows of related resources."""

    # ================================================================================================ lookups
    def row(self, appkey: str, kind: Kind, rid: str, field_name: str | None = None) -> Row:
        r = self.store.get_scoped(appkey, kind.name, rid)
        if r is None:
            raise not_found(kind, rid, field_name)
        return r

    def lookup(self, kind: str, rid: str, appkey: str | None = None) -> dict[str, Any] | None:
        """A stored resource's wire document (what runners see through ``ctx.lookup``)."""
        r = self.store.get(rid)
        if r is None or r.kind != kind or (appkey is not None and r.appkey != appkey):
            return None
        return self.render(r)

    def _get(self, rid: str) -> Row:
        row = self.store.get(rid)
        if row is None:
            raise ApiError(404, f"resource {rid} vanished")
        return row

    def _flavor(self, flavor_id: str, field_name: str = "flavorId") -> dict[str, Any]:
        f = self.catalog.flavor(flavor_id)
        if f is None:
            names = ", ".join(x["name"] for x in self.catalog.flavors)
            raise ApiError(400, f"{field_name}: no instance type has id {flavor_id!r} (instance types: {names})")
        return f

    # ================================================================================================ creating
    def _common(self, kind: Kind, appkey: str, rid: str, name: str | None, body: dict[str, Any]) -> dict[str, Any]:
        doc = copy.deepcopy(body)
        doc.pop(kind.name_key, None)
        doc[kind.id_key] = rid
        if name is not None:
            doc[kind.name_key] = name
        doc[kind.status_key] = states.CREATE_REQUESTED
        doc["appKey"] = appkey
        doc["createdDatetime"] = now_iso()
        return doc

    def _start(self, kind: str, appkey: str, rid: str) -> None:
        if self.supervisor is not None:
            self.supervisor.start(kind, appkey, rid)

    def _insert_started(self, kind: Kind, appkey: str, rid: str, doc: dict[str, Any]) -> Payload:
        """Store a new job (CREATE_REQUESTED), hand it to the supervisor, and answer with it."""
        self.store.insert(kind.name, appkey, rid, doc[kind.name_key], states.CREATE_REQUESTED, doc)
        self._start(kind.name, appkey, rid)
        return kind.prefix, self.render(self._get(rid))

    # ================================================================================================ generic handlers
    def _generic_handlers(self) -> dict[str, Handler]:
        """The list / get / delete / stop operations of every kind, under the operationIds the spec's registry of
        kinds found on the kind's paths (``easymaker_api.kinds``)."""
        h: dict[str, Handler] = {}
        for kind in KINDS.values():
            operations = kind.spec.operations
            for operation_id, make in (
                (operations.list, self._lister),
                (operations.get, self._getter),
                (operations.delete, self._deleter),
                (operations.stop, self._stopper),
            ):
                if operation_id is not None:
                    h[operation_id] = make(kind)
        return h

    def _lister(self, kind: Kind) -> Handler:
        def handler(req: Request) -> Payload:
            limit = req.query.get("limit")
            experiment_id = req.query.get("experimentId")
            if limit is None:  # every resource, oldest first: streamed one page of rows at a time
                pages = self.store.iter_pages(req.appkey, kind.name, STREAM_PAGE_ROWS, experiment_id)
                return kind.list_key, StreamedList([self.render(r) for r in page] for page in pages)
            page = int(req.query.get("page") or 1)
            rows, total = self.store.select_page(
                req.appkey, kind.name, int(limit), (page - 1) * int(limit), experiment_id
            )
            paging = {"page": page, "limit": int(limit), "totalCount": total}
            return kind.list_key, [self.render(r) for r in rows], {"paging": paging}

        return handler

    def _getter(self, kind: Kind) -> Handler:
        def handler(req: Request) -> Payload:
            return kind.prefix, self.render(self.row(req.appkey, kind, req.path[kind.id_key]))

        return handler

    def _deleter(self, kind: Kind) -> Handler:
        def handler(req: Request) -> Payload:
            self.delete(req.appkey, kind, req.path[kind.id_key])
            return None

        return handler

    def _stopper(self, kind: Kind) -> Handler:
        def handler(req: Request) -> Payload:
            self.stop(req.appkey, kind, req.path[kind.id_key])
            return None

        return handler

    # ================================================================================================ stop / delete
    def stop(self, appkey: str, kind: Kind, rid: str) -> None:
        row = self.row(appkey, kind, rid)
        if row.status not in kind.stoppable:
            raise ApiError(
                409,
                f"{kind.name.replace('_', ' ')} {rid} is {row.status}; it can be stopped only while "
                + " / ".join(sorted(kind.stoppable)),
            )
        running = self.supervisor.stop(rid) if self.supervisor is not None else False
        if not running:
            self.transition(rid, states.STOPPED, "stopped by user request")
        else:
            self.transition(rid, states.STOP_IN_PROGRESS)

    def delete(self, appkey: str, kind: Kind, rid: str) -> None:
        with self._lock:
            row = self.row(appkey, kind, rid)
            self._check_delete(kind, row)
            stopped = self._delete_cascade(kind, row)
        for other in stopped:
            if self.supervisor is not None:
                self.supervisor.stop(other.id, wait=60.0)
        with self.store.tx() as c:
            for other in stopped:
                self.store.delete(other.id, conn=c)
            self.store.delete(rid, conn=c)
            self._delete_in_tx(kind, rid, c)
        self._deleted(kind, row)

    def _check_delete(self, kind: Kind, row: Row) -> None:
        """Raise a 409 `ApiError` when ``row`` may not be deleted now."""
        label = kind.name.replace("_", " ")
        if kind.is_job and kind.name != "endpoint_stage" and row.status not in kind.terminal:
            raise ApiError(409, f"{label} {row.id} is {row.status}; stop it (or wait until it ends) before deleting")

    def _delete_cascade(self, kind: Kind, row: Row) -> list[Row]:
        """The resources whose work is stopped before ``row`` is deleted (and that are deleted with it); called under
        the service lock."""
        return []

    def _delete_in_tx(self, kind: Kind, rid: str, conn: Any) -> None:
        """What else is deleted in the transaction deleting ``rid``."""

    def _deleted(self, kind: Kind, row: Row) -> None:
        """What follows the deletion of ``row``."""

    # ================================================================================================ admin
    def reset(self) -> int:
        if self.supervisor is not None:
            self.supervisor.stop_all(wait=60.0)
        return self.store.delete_all()
