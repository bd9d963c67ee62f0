"""Lifecycles of EasyMaker Local's resources as explicit state machines.

The kinds, their status enums, their terminal statuses (the SDK's success and failure statuses) and the status
that work interrupted by a restart ends in come from the spec's registry of kinds (``x-easymaker-kinds``, generated
into ``easymaker_api.kinds``). This module adds the rules: a table of allowed transitions per kind, built from the
kind's lifecycle family (``job``, ``simple``) or written out below (``custom``), the statuses a stop is accepted in,
and the statuses that count as work in progress. Every status a table names must be a value of the kind's enum
(checked when the table is built). A status change that the table does not allow is logged and rejected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from easymaker_api.kinds import KINDS as REGISTRY
from easymaker_api.kinds import ResourceKind

CREATE_REQUESTED = "CREATE_REQUESTED"
CREATE_IN_PROGRESS = "CREATE_IN_PROGRESS"
CREATE_FAILED = "CREATE_FAILED"
RUNNING = "RUNNING"
COMPLETE = "COMPLETE"
COMPLETE_IN_PROGRESS = "COMPLETE_IN_PROGRESS"
STOP_IN_PROGRESS = "STOP_IN_PROGRESS"
STOPPED = "STOPPED"
ACTIVE = "ACTIVE"
DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS"


class LifecycleError(ValueError):
    """A kind of the spec's registry that this module cannot build a state machine for (named in the message)."""


@dataclass(frozen=True)
class Kind:
    """One resource kind: its registry entry, lifecycle table and rules."""

    spec: ResourceKind
    transitions: dict[str, frozenset[str]]
    stoppable: frozenset[str] = frozenset()
    is_job: bool = False  # run by a runner in the supervisor
    in_progress: frozenset[str] = field(default_factory=frozenset)  # "work in progress" (deletion is refused)

    def __post_init__(self) -> None:
        named = self.statuses | self.stoppable | self.in_progress
        unknown = sorted(named - set(self.spec.statuses))
        if unknown:
            raise LifecycleError(
                f"{self.name}: the lifecycle names {unknown}, which are not values of {self.spec.status_enum}"
            )

    @property
    def name(self) -> str:
        """snake_case, e.g. "hyperparameter_tuning" (the store's kind)."""
        return self.spec.name

    @property
    def terminal(self) -> frozenset[str]:
        return self.spec.terminal

    @property
    def failure(self) -> str | None:
        """Where interrupted work ends."""
        return self.spec.interrupted

    @property
    def prefix(self) -> str:
        return self.spec.record_key

    @property
    def id_key(self) -> str:
        return self.spec.id_key

    @property
    def name_key(self) -> str:
        return self.spec.name_key

    @property
    def status_key(self) -> str:
        return self.spec.status_key

    @property
    def reason_key(self) -> str:
        return self.spec.reason_key

    @property
    def list_key(self) -> str:
        return self.spec.list_key

    @property
    def statuses(self) -> frozenset[str]:
        out = set(self.transitions)
        for targets in self.transitions.values():
            out |= targets
        return frozenset(out)

    def allows(self, old: str | None, new: str) -> bool:
        if old is None:
            return new in self.statuses
        if old == new:
            return True
        return new in self.transitions.get(old, frozenset())


def _with(t: dict[str, set[str]], extra: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    for k, v in extra.items():
        t.setdefault(k, set()).update(v)
    return {k: frozenset(v) for k, v in t.items()}


def _job(spec: ResourceKind, extra: dict[str, set[str]]) -> Kind:
    """A job run by a runner: requested, created, running, completing; stopped, failed on the way (the kind's
    ``interrupted`` status, with its ``_IN_PROGRESS`` form) or at creation."""
    fail = spec.interrupted
    if fail is None:
        raise LifecycleError(f"{spec.name}: a job kind names its interrupted status in the spec")
    fail_ip = fail + "_IN_PROGRESS"
    t: dict[str, set[str]] = {
        CREATE_REQUESTED: {CREATE_IN_PROGRESS, CREATE_FAILED, RUNNING, STOP_IN_PROGRESS, STOPPED, fail_ip, fail},
        CREATE_IN_PROGRESS: {RUNNING, CREATE_FAILED, STOP_IN_PROGRESS, STOPPED, fail_ip, fail, COMPLETE_IN_PROGRESS},
        RUNNING: {COMPLETE_IN_PROGRESS, COMPLETE, STOP_IN_PROGRESS, STOPPED, fail_ip, fail},
        COMPLETE_IN_PROGRESS: {COMPLETE, STOP_IN_PROGRESS, STOPPED, fail_ip, fail},
        STOP_IN_PROGRESS: {STOPPED, COMPLETE_IN_PROGRESS, COMPLETE, fail_ip, fail, CREATE_FAILED},
        fail_ip: {fail, STOPPED},
        COMPLETE: set(),
        STOPPED: set(),
        fail: set(),
        CREATE_FAILED: set(),
    }
    return Kind(
        spec=spec,
        transitions=_with(t, extra),
        stoppable=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS, RUNNING}),
        is_job=True,
        in_progress=frozenset(
            {CREATE_REQUESTED, CREATE_IN_PROGRESS, RUNNING, COMPLETE_IN_PROGRESS, STOP_IN_PROGRESS, fail_ip}
        ),
    )


def _simple(spec: ResourceKind, extra: dict[str, set[str]]) -> Kind:
    """Requested, maybe built, then ready (the kind's one success status) or failed at creation."""
    if len(spec.success) != 1:
        raise LifecycleError(f"{spec.name}: a simple kind has one success status (ready), not {sorted(spec.success)}")
    (ready,) = spec.success
    t: dict[str, set[str]] = {
        CREATE_REQUESTED: {CREATE_IN_PROGRESS, ready, CREATE_FAILED},
        CREATE_IN_PROGRESS: {ready, CREATE_FAILED},
        ready: set(),
        CREATE_FAILED: set(),
    }
    return Kind(spec=spec, transitions=_with(t, extra), in_progress=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS}))


# Transitions a job or simple kind has beyond those of its family.
_EXTRA: dict[str, dict[str, set[str]]] = {
    "experiment": {ACTIVE: {DELETE_IN_PROGRESS}, CREATE_FAILED: {DELETE_IN_PROGRESS}},
    "fine_tuning": {STOP_IN_PROGRESS: {"STOP_FAILED"}},
    "model": {ACTIVE: {DELETE_IN_PROGRESS}, DELETE_IN_PROGRESS: {"DELETE_FAILED"}},
}


def _endpoint_stage(spec: ResourceKind) -> Kind:
    return Kind(
        spec=spec,
        transitions={
            CREATE_REQUESTED: frozenset(
                {CREATE_IN_PROGRESS, "DEPLOY_IN_PROGRESS", CREATE_FAILED, "DEPLOY_FAILED", DELETE_IN_PROGRESS}
            ),
            CREATE_IN_PROGRESS: frozenset({"DEPLOY_IN_PROGRESS", CREATE_FAILED, "DEPLOY_FAILED", DELETE_IN_PROGRESS}),
            "DEPLOY_IN_PROGRESS": frozenset({ACTIVE, "DEPLOY_FAILED", CREATE_FAILED, DELETE_IN_PROGRESS}),
            ACTIVE: frozenset({"DEPLOY_IN_PROGRESS", "DEPLOY_FAILED", DELETE_IN_PROGRESS}),
            "DEPLOY_FAILED": frozenset({"DEPLOY_IN_PROGRESS", DELETE_IN_PROGRESS}),
            CREATE_FAILED: frozenset({DELETE_IN_PROGRESS}),
            DELETE_IN_PROGRESS: frozenset(),
        },
        is_job=True,
        in_progress=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS, "DEPLOY_IN_PROGRESS"}),
    )


def _endpoint(spec: ResourceKind) -> Kind:
    return Kind(
        spec=spec,
        transitions={
            CREATE_REQUESTED: frozenset({CREATE_IN_PROGRESS, ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
            CREATE_IN_PROGRESS: frozenset({ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
            ACTIVE: frozenset({"UPDATE_IN_PROGRESS", "UPDATE_FAILED", DELETE_IN_PROGRESS}),
            "UPDATE_IN_PROGRESS": frozenset({ACTIVE, "UPDATE_FAILED", DELETE_IN_PROGRESS}),
            "UPDATE_FAILED": frozenset({ACTIVE, "UPDATE_IN_PROGRESS", DELETE_IN_PROGRESS}),
            CREATE_FAILED: frozenset({DELETE_IN_PROGRESS}),
            DELETE_IN_PROGRESS: frozenset(),
        },
        in_progress=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS, "UPDATE_IN_PROGRESS"}),
    )


def _endpoint_model(spec: ResourceKind) -> Kind:
    return Kind(
        spec=spec,
        transitions={
            CREATE_REQUESTED: frozenset({CREATE_IN_PROGRESS, ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
            CREATE_IN_PROGRESS: frozenset({ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
            ACTIVE: frozenset({CREATE_IN_PROGRESS, CREATE_FAILED, DELETE_IN_PROGRESS}),
            CREATE_FAILED: frozenset({CREATE_IN_PROGRESS, DELETE_IN_PROGRESS}),
            DELETE_IN_PROGRESS: frozenset(),
        },
    )


def _pipeline_recurring_run(spec: ResourceKind) -> Kind:
    return Kind(
        spec=spec,
        transitions={
            CREATE_REQUESTED: frozenset({"ENABLED", CREATE_FAILED, "DISABLED"}),
            "ENABLED": frozenset({"DISABLED", "ENABLED_EXPIRED"}),
            "ENABLED_EXPIRED": frozenset({"DISABLED", "ENABLED"}),
            "DISABLED": frozenset({"ENABLED", "ENABLED_EXPIRED"}),
            CREATE_FAILED: frozenset(),
        },
        stoppable=frozenset({"ENABLED", "ENABLED_EXPIRED"}),
    )


# The state machines of the kinds whose lifecycle is "custom" in the spec.
_CUSTOM: dict[str, Callable[[ResourceKind], Kind]] = {
    "endpoint_stage": _endpoint_stage,
    "endpoint": _endpoint,
    "endpoint_model": _endpoint_model,
    "pipeline_recurring_run": _pipeline_recurring_run,
}


def _build(spec: ResourceKind) -> Kind:
    if spec.lifecycle == "job":
        return _job(spec, _EXTRA.get(spec.name, {}))
    if spec.lifecycle == "simple":
        return _simple(spec, _EXTRA.get(spec.name, {}))
    build = _CUSTOM.get(spec.name)
    if build is None:
        raise LifecycleError(
            f"{spec.name}: its lifecycle is 'custom' in the spec, but easymaker/local/states.py has no table for it"
        )
    return build(spec)


KINDS: dict[str, Kind] = {spec.name: _build(spec) for spec in REGISTRY}
JOB_KINDS = tuple(k.name for k in KINDS.values() if k.is_job)

# The kinds the server's code names.
EXPERIMENT = KINDS["experiment"]
TRAINING = KINDS["training"]
HYPERPARAMETER_TUNING = KINDS["hyperparameter_tuning"]
FINE_TUNING = KINDS["fine_tuning"]
MODEL = KINDS["model"]
ENDPOINT = KINDS["endpoint"]
ENDPOINT_STAGE = KINDS["endpoint_stage"]
ENDPOINT_MODEL = KINDS["endpoint_model"]
BATCH_INFERENCE = KINDS["batch_inference"]
MODEL_EVALUATION = KINDS["model_evaluation"]
PIPELINE = KINDS["pipeline"]
PIPELINE_RUN = KINDS["pipeline_run"]
PIPELINE_RECURRING_RUN = KINDS["pipeline_recurring_run"]
