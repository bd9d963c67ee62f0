"""Lifecycles of EasyMaker Local's resources as explicit state machines.

Each kind has a table of allowed transitions between the status strings of the spec's enums
(``#/components/schemas/<Kind>StatusCode``), its terminal statuses, the statuses a stop is accepted in, and the
status that work interrupted by a restart ends in. A status change that the table does not allow is logged and
rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(p.capitalize() for p in rest)


@dataclass(frozen=True)
class Kind:
    """One resource kind: wire names, lifecycle table and rules."""

    name: str  # "hyperparameter_tuning"
    path: str  # URL segment, "hyperparameter-tunings"
    transitions: dict[str, frozenset[str]]
    terminal: frozenset[str]
    stoppable: frozenset[str] = frozenset()
    failure: str | None = None  # where interrupted work ends
    is_job: bool = False  # run by a runner in the supervisor
    in_progress: frozenset[str] = field(default_factory=frozenset)  # "work in progress" (deletion is refused)
    enum_name: str = ""

    @property
    def prefix(self) -> str:
        return _camel(self.name)

    @property
    def id_key(self) -> str:
        return self.prefix + "Id"

    @property
    def name_key(self) -> str:
        return self.prefix + "Name"

    @property
    def status_key(self) -> str:
        return self.prefix + "StatusCode"

    @property
    def reason_key(self) -> str:
        return self.prefix + "StatusReason"

    @property
    def list_key(self) -> str:
        return self.prefix + "List"

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


def _job(fail: str, extra: dict[str, set[str]] | None = None) -> dict[str, frozenset[str]]:
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
    for k, v in (extra or {}).items():
        t.setdefault(k, set()).update(v)
    return {k: frozenset(v) for k, v in t.items()}


def _job_kind(name: str, path: str, fail: str, enum_name: str, extra: dict[str, set[str]] | None = None) -> Kind:
    return Kind(
        name=name,
        path=path,
        transitions=_job(fail, extra),
        terminal=frozenset(
            {COMPLETE, STOPPED, fail, CREATE_FAILED}
            | ({"STOP_FAILED"} & set(extra or {}).union(*(extra or {}).values()))
        ),
        stoppable=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS, RUNNING}),
        failure=fail,
        is_job=True,
        in_progress=frozenset(
            {
                CREATE_REQUESTED,
                CREATE_IN_PROGRESS,
                RUNNING,
                COMPLETE_IN_PROGRESS,
                STOP_IN_PROGRESS,
                fail + "_IN_PROGRESS",
            }
        ),
        enum_name=enum_name,
    )


def _simple(name: str, path: str, ready: str, enum_name: str, extra: dict[str, set[str]] | None = None) -> Kind:
    t: dict[str, set[str]] = {
        CREATE_REQUESTED: {CREATE_IN_PROGRESS, ready, CREATE_FAILED},
        CREATE_IN_PROGRESS: {ready, CREATE_FAILED},
        ready: set(),
        CREATE_FAILED: set(),
    }
    for k, v in (extra or {}).items():
        t.setdefault(k, set()).update(v)
    return Kind(
        name=name,
        path=path,
        transitions={k: frozenset(v) for k, v in t.items()},
        terminal=frozenset({ready, CREATE_FAILED}),
        failure=CREATE_FAILED,
        in_progress=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS}),
        enum_name=enum_name,
    )


EXPERIMENT = _simple(
    "experiment",
    "experiments",
    ACTIVE,
    "ExperimentStatusCode",
    {ACTIVE: {DELETE_IN_PROGRESS}, CREATE_FAILED: {DELETE_IN_PROGRESS}},
)
TRAINING = _job_kind("training", "trainings", "FAIL_TRAIN", "TrainingStatusCode")
HYPERPARAMETER_TUNING = _job_kind(
    "hyperparameter_tuning", "hyperparameter-tunings", "FAIL_HYPERPARAMETER_TUNING", "HyperparameterTuningStatusCode"
)
FINE_TUNING = _job_kind(
    "fine_tuning", "fine-tunings", "FAIL_FINE_TUNING", "FineTuningStatusCode", {STOP_IN_PROGRESS: {"STOP_FAILED"}}
)
MODEL = _simple(
    "model", "models", ACTIVE, "ModelStatusCode", {ACTIVE: {DELETE_IN_PROGRESS}, DELETE_IN_PROGRESS: {"DELETE_FAILED"}}
)
PIPELINE = _simple("pipeline", "pipelines", ACTIVE, "PipelineStatusCode")
BATCH_INFERENCE = _job_kind("batch_inference", "batch-inferences", "FAIL_BATCH_INFERENCE", "BatchInferenceStatusCode")
MODEL_EVALUATION = _job_kind(
    "model_evaluation",
    "model-evaluations",
    "FAIL_MODEL_EVALUATION",
    "ModelEvaluationStatusCode",
)
PIPELINE_RUN = _job_kind("pipeline_run", "pipeline-runs", "FAIL_PIPELINE_RUN", "PipelineRunStatusCode")

_STAGE_IN_PROGRESS = frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS, "DEPLOY_IN_PROGRESS"})
ENDPOINT_STAGE = Kind(
    name="endpoint_stage",
    path="endpoint-stages",
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
    terminal=frozenset({ACTIVE, CREATE_FAILED, "DEPLOY_FAILED"}),
    failure=CREATE_FAILED,
    is_job=True,
    in_progress=_STAGE_IN_PROGRESS,
    enum_name="EndpointStageStatusCode",
)
ENDPOINT = Kind(
    name="endpoint",
    path="endpoints",
    transitions={
        CREATE_REQUESTED: frozenset({CREATE_IN_PROGRESS, ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
        CREATE_IN_PROGRESS: frozenset({ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
        ACTIVE: frozenset({"UPDATE_IN_PROGRESS", "UPDATE_FAILED", DELETE_IN_PROGRESS}),
        "UPDATE_IN_PROGRESS": frozenset({ACTIVE, "UPDATE_FAILED", DELETE_IN_PROGRESS}),
        "UPDATE_FAILED": frozenset({ACTIVE, "UPDATE_IN_PROGRESS", DELETE_IN_PROGRESS}),
        CREATE_FAILED: frozenset({DELETE_IN_PROGRESS}),
        DELETE_IN_PROGRESS: frozenset(),
    },
    terminal=frozenset({ACTIVE, CREATE_FAILED, "UPDATE_FAILED"}),
    failure=CREATE_FAILED,
    in_progress=frozenset({CREATE_REQUESTED, CREATE_IN_PROGRESS, "UPDATE_IN_PROGRESS"}),
    enum_name="EndpointStatusCode",
)
ENDPOINT_MODEL = Kind(
    name="endpoint_model",
    path="endpoint-models",
    transitions={
        CREATE_REQUESTED: frozenset({CREATE_IN_PROGRESS, ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
        CREATE_IN_PROGRESS: frozenset({ACTIVE, CREATE_FAILED, DELETE_IN_PROGRESS}),
        ACTIVE: frozenset({CREATE_IN_PROGRESS, CREATE_FAILED, DELETE_IN_PROGRESS}),
        CREATE_FAILED: frozenset({CREATE_IN_PROGRESS, DELETE_IN_PROGRESS}),
        DELETE_IN_PROGRESS: frozenset(),
    },
    terminal=frozenset({ACTIVE, CREATE_FAILED}),
    enum_name="EndpointModelStatusCode",
)
PIPELINE_RECURRING_RUN = Kind(
    name="pipeline_recurring_run",
    path="pipeline-recurring-runs",
    transitions={
        CREATE_REQUESTED: frozenset({"ENABLED", CREATE_FAILED, "DISABLED"}),
        "ENABLED": frozenset({"DISABLED", "ENABLED_EXPIRED"}),
        "ENABLED_EXPIRED": frozenset({"DISABLED", "ENABLED"}),
        "DISABLED": frozenset({"ENABLED", "ENABLED_EXPIRED"}),
        CREATE_FAILED: frozenset(),
    },
    terminal=frozenset({"ENABLED", "ENABLED_EXPIRED", "DISABLED", CREATE_FAILED}),
    stoppable=frozenset({"ENABLED", "ENABLED_EXPIRED"}),
    failure=CREATE_FAILED,
    enum_name="PipelineRecurringRunStatusCode",
)

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        EXPERIMENT,
        TRAINING,
        HYPERPARAMETER_TUNING,
        FINE_TUNING,
        MODEL,
        ENDPOINT,
        ENDPOINT_STAGE,
        ENDPOINT_MODEL,
        BATCH_INFERENCE,
        MODEL_EVALUATION,
        PIPELINE,
        PIPELINE_RUN,
        PIPELINE_RECURRING_RUN,
    )
}
JOB_KINDS = tuple(k.name for k in KINDS.values() if k.is_job)
