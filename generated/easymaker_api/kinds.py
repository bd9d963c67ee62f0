"""The resource kinds of the API: the spec's ``x-easymaker-kinds``, checked against its paths and schemas.

Generated from the spec (see ``codegen/kinds.py``). The SDK's public class names and wait statuses, the CLI's
listings and EasyMaker Local's generic handlers and state machines read this module; a kind is added in the spec
(CONTRIBUTING.md), never here. It imports nothing of the generated client, so reading it stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Lifecycle = Literal["job", "simple", "custom"]


@dataclass(frozen=True, slots=True)
class KindOperations:
    """The operationIds on the kind's paths (``None`` where the spec has no such operation)."""

    list: str | None
    get: str | None
    create: str | None
    delete: str | None
    stop: str | None


@dataclass(frozen=True, slots=True)
class ResourceKind:
    """One resource kind."""

    name: str  # snake_case: "hyperparameter_tuning"
    class_name: str  # the SDK class: easymaker.HyperparameterTuning
    module: str  # the module that defines the SDK class
    path: str  # URL segment of the collection: "hyperparameter-tunings"
    record_key: str  # payload key of one record, prefix of its id/name/status keys: "hyperparameterTuning"
    list_key: str  # payload key of a list: "hyperparameterTuningList"
    status_enum: str  # the status enum schema
    statuses: tuple[str, ...]  # its values, in the spec's order
    lifecycle: Lifecycle
    interrupted: str | None  # the status that work interrupted by a restart ends in
    success: frozenset[str]  # wait() returns
    failure: frozenset[str]  # wait() raises
    operations: KindOperations
    cli_flag: str | None  # `python -m easymaker -<cli_flag>` lists the kind
    related: tuple[str, ...]  # the kinds whose record this kind's record holds under their record key

    @property
    def terminal(self) -> frozenset[str]:
        """The statuses a resource of this kind ends in: success and failure."""
        return self.success | self.failure

    @property
    def id_key(self) -> str:
        return self.record_key + "Id"

    @property
    def name_key(self) -> str:
        return self.record_key + "Name"

    @property
    def status_key(self) -> str:
        return self.record_key + "StatusCode"

    @property
    def reason_key(self) -> str:
        return self.record_key + "StatusReason"

    @property
    def plural(self) -> str:
        """The plural in words, from the URL segment: "Hyperparameter tunings"."""
        return self.path.replace("-", " ").capitalize()


KINDS: tuple[ResourceKind, ...] = (
    ResourceKind(
        name="experiment",
        class_name="Experiment",
        module="easymaker.resources.experiment",
        path="experiments",
        record_key="experiment",
        list_key="experimentList",
        status_enum="ExperimentStatusCode",
        statuses=("CREATE_REQUESTED", "CREATE_IN_PROGRESS", "CREATE_FAILED", "ACTIVE", "DELETE_IN_PROGRESS"),
        lifecycle="simple",
        interrupted="CREATE_FAILED",
        success=frozenset(("ACTIVE",)),
        failure=frozenset(("CREATE_FAILED",)),
        operations=KindOperations(
            list="listExperiments",
            get="getExperiment",
            create="createExperiment",
            delete="deleteExperiment",
            stop=None,
        ),
        cli_flag="experiment",
        related=(),
    ),
    ResourceKind(
        name="training",
        class_name="Training",
        module="easymaker.resources.training",
        path="trainings",
        record_key="training",
        list_key="trainingList",
        status_enum="TrainingStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "RUNNING",
            "STOPPED",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "FAIL_TRAIN",
            "CREATE_FAILED",
            "FAIL_TRAIN_IN_PROGRESS",
            "COMPLETE_IN_PROGRESS",
        ),
        lifecycle="job",
        interrupted="FAIL_TRAIN",
        success=frozenset(("COMPLETE",)),
        failure=frozenset(("CREATE_FAILED", "FAIL_TRAIN", "STOPPED")),
        operations=KindOperations(
            list="listTrainings",
            get="getTraining",
            create="createTraining",
            delete="deleteTraining",
            stop="stopTraining",
        ),
        cli_flag="training",
        related=("experiment",),
    ),
    ResourceKind(
        name="hyperparameter_tuning",
        class_name="HyperparameterTuning",
        module="easymaker.resources.hyperparameter_tuning",
        path="hyperparameter-tunings",
        record_key="hyperparameterTuning",
        list_key="hyperparameterTuningList",
        status_enum="HyperparameterTuningStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "RUNNING",
            "STOPPED",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "FAIL_HYPERPARAMETER_TUNING",
            "CREATE_FAILED",
            "FAIL_HYPERPARAMETER_TUNING_IN_PROGRESS",
            "COMPLETE_IN_PROGRESS",
        ),
        lifecycle="job",
        interrupted="FAIL_HYPERPARAMETER_TUNING",
        success=frozenset(("COMPLETE",)),
        failure=frozenset(("CREATE_FAILED", "FAIL_HYPERPARAMETER_TUNING", "STOPPED")),
        operations=KindOperations(
            list="listHyperparameterTunings",
            get="getHyperparameterTuning",
            create="createHyperparameterTuning",
            delete="deleteHyperparameterTuning",
            stop="stopHyperparameterTuning",
        ),
        cli_flag="tuning",
        related=("experiment",),
    ),
    ResourceKind(
        name="fine_tuning",
        class_name="FineTuning",
        module="easymaker.resources.fine_tuning",
        path="fine-tunings",
        record_key="fineTuning",
        list_key="fineTuningList",
        status_enum="FineTuningStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "RUNNING",
            "STOPPED",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "FAIL_FINE_TUNING",
            "CREATE_FAILED",
            "STOP_FAILED",
            "FAIL_FINE_TUNING_IN_PROGRESS",
            "COMPLETE_IN_PROGRESS",
        ),
        lifecycle="job",
        interrupted="FAIL_FINE_TUNING",
        success=frozenset(("COMPLETE",)),
        failure=frozenset(("CREATE_FAILED", "FAIL_FINE_TUNING", "STOPPED", "STOP_FAILED")),
        operations=KindOperations(
            list="listFineTunings",
            get="getFineTuning",
            create="createFineTuning",
            delete="deleteFineTuning",
            stop="stopFineTuning",
        ),
        cli_flag=None,
        related=("experiment",),
    ),
    ResourceKind(
        name="model",
        class_name="Model",
        module="easymaker.resources.model",
        path="models",
        record_key="model",
        list_key="modelList",
        status_enum="ModelStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "DELETE_IN_PROGRESS",
            "ACTIVE",
            "CREATE_FAILED",
            "DELETE_FAILED",
        ),
        lifecycle="simple",
        interrupted="CREATE_FAILED",
        success=frozenset(("ACTIVE",)),
        failure=frozenset(("CREATE_FAILED", "DELETE_FAILED")),
        operations=KindOperations(
            list="listModels",
            get="getModel",
            create="createModel",
            delete="deleteModel",
            stop=None,
        ),
        cli_flag="model",
        related=(),
    ),
    ResourceKind(
        name="endpoint",
        class_name="Endpoint",
        module="easymaker.resources.endpoint",
        path="endpoints",
        record_key="endpoint",
        list_key="endpointList",
        status_enum="EndpointStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "UPDATE_IN_PROGRESS",
            "DELETE_IN_PROGRESS",
            "ACTIVE",
            "CREATE_FAILED",
            "UPDATE_FAILED",
        ),
        lifecycle="custom",
        interrupted="CREATE_FAILED",
        success=frozenset(("ACTIVE",)),
        failure=frozenset(("CREATE_FAILED", "UPDATE_FAILED")),
        operations=KindOperations(
            list="listEndpoints",
            get="getEndpoint",
            create="createEndpoint",
            delete="deleteEndpoint",
            stop=None,
        ),
        cli_flag="endpoint",
        related=(),
    ),
    ResourceKind(
        name="endpoint_stage",
        class_name="EndpointStage",
        module="easymaker.resources.endpoint",
        path="endpoint-stages",
        record_key="endpointStage",
        list_key="endpointStageList",
        status_enum="EndpointStageStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "DEPLOY_IN_PROGRESS",
            "DELETE_IN_PROGRESS",
            "ACTIVE",
            "CREATE_FAILED",
            "DEPLOY_FAILED",
        ),
        lifecycle="custom",
        interrupted="CREATE_FAILED",
        success=frozenset(("ACTIVE",)),
        failure=frozenset(("CREATE_FAILED", "DEPLOY_FAILED")),
        operations=KindOperations(
            list="listEndpointStages",
            get="getEndpointStage",
            create="createEndpointStage",
            delete="deleteEndpointStage",
            stop=None,
        ),
        cli_flag=None,
        related=(),
    ),
    ResourceKind(
        name="endpoint_model",
        class_name="EndpointModel",
        module="easymaker.resources.endpoint",
        path="endpoint-models",
        record_key="endpointModel",
        list_key="endpointModelList",
        status_enum="EndpointModelStatusCode",
        statuses=("CREATE_REQUESTED", "CREATE_IN_PROGRESS", "DELETE_IN_PROGRESS", "ACTIVE", "CREATE_FAILED"),
        lifecycle="custom",
        interrupted=None,
        success=frozenset(("ACTIVE",)),
        failure=frozenset(("CREATE_FAILED",)),
        operations=KindOperations(
            list="listEndpointModels",
            get="getEndpointModel",
            create=None,
            delete="deleteEndpointModel",
            stop=None,
        ),
        cli_flag=None,
        related=("model",),
    ),
    ResourceKind(
        name="batch_inference",
        class_name="BatchInference",
        module="easymaker.resources.batch_inference",
        path="batch-inferences",
        record_key="batchInference",
        list_key="batchInferenceList",
        status_enum="BatchInferenceStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "RUNNING",
            "STOPPED",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "FAIL_BATCH_INFERENCE",
            "CREATE_FAILED",
            "FAIL_BATCH_INFERENCE_IN_PROGRESS",
            "COMPLETE_IN_PROGRESS",
        ),
        lifecycle="job",
        interrupted="FAIL_BATCH_INFERENCE",
        success=frozenset(("COMPLETE",)),
        failure=frozenset(("CREATE_FAILED", "FAIL_BATCH_INFERENCE", "STOPPED")),
        operations=KindOperations(
            list="listBatchInferences",
            get="getBatchInference",
            create="createBatchInference",
            delete="deleteBatchInference",
            stop="stopBatchInference",
        ),
        cli_flag=None,
        related=("model",),
    ),
    ResourceKind(
        name="model_evaluation",
        class_name="ModelEvaluation",
        module="easymaker.resources.model_evaluation",
        path="model-evaluations",
        record_key="modelEvaluation",
        list_key="modelEvaluationList",
        status_enum="ModelEvaluationStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "CREATE_FAILED",
            "RUNNING",
            "COMPLETE_IN_PROGRESS",
            "FAIL_MODEL_EVALUATION_IN_PROGRESS",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "STOPPED",
            "FAIL_MODEL_EVALUATION",
            "DELETE_IN_PROGRESS",
        ),
        lifecycle="job",
        interrupted="FAIL_MODEL_EVALUATION",
        success=frozenset(("COMPLETE",)),
        failure=frozenset(("CREATE_FAILED", "FAIL_MODEL_EVALUATION", "STOPPED")),
        operations=KindOperations(
            list="listModelEvaluations",
            get="getModelEvaluation",
            create="createModelEvaluation",
            delete="deleteModelEvaluation",
            stop="stopModelEvaluation",
        ),
        cli_flag="model_evaluation",
        related=("model",),
    ),
    ResourceKind(
        name="pipeline",
        class_name="Pipeline",
        module="easymaker.resources.pipeline",
        path="pipelines",
        record_key="pipeline",
        list_key="pipelineList",
        status_enum="PipelineStatusCode",
        statuses=("CREATE_REQUESTED", "CREATE_IN_PROGRESS", "CREATE_FAILED", "ACTIVE"),
        lifecycle="simple",
        interrupted="CREATE_FAILED",
        success=frozenset(("ACTIVE",)),
        failure=frozenset(("CREATE_FAILED",)),
        operations=KindOperations(
            list="listPipelines",
            get="getPipeline",
            create=None,
            delete="deletePipeline",
            stop=None,
        ),
        cli_flag=None,
        related=(),
    ),
    ResourceKind(
        name="pipeline_run",
        class_name="PipelineRun",
        module="easymaker.resources.pipeline",
        path="pipeline-runs",
        record_key="pipelineRun",
        list_key="pipelineRunList",
        status_enum="PipelineRunStatusCode",
        statuses=(
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "CREATE_FAILED",
            "RUNNING",
            "COMPLETE_IN_PROGRESS",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "STOPPED",
            "FAIL_PIPELINE_RUN_IN_PROGRESS",
            "FAIL_PIPELINE_RUN",
        ),
        lifecycle="job",
        interrupted="FAIL_PIPELINE_RUN",
        success=frozenset(("COMPLETE",)),
        failure=frozenset(("CREATE_FAILED", "FAIL_PIPELINE_RUN", "STOPPED")),
        operations=KindOperations(
            list="listPipelineRuns",
            get="getPipelineRun",
            create="createPipelineRun",
            delete="deletePipelineRun",
            stop="stopPipelineRun",
        ),
        cli_flag=None,
        related=("experiment", "pipeline", "pipeline_recurring_run"),
    ),
    ResourceKind(
        name="pipeline_recurring_run",
        class_name="PipelineRecurringRun",
        module="easymaker.resources.pipeline",
        path="pipeline-recurring-runs",
        record_key="pipelineRecurringRun",
        list_key="pipelineRecurringRunList",
        status_enum="PipelineRecurringRunStatusCode",
        statuses=("CREATE_REQUESTED", "CREATE_FAILED", "ENABLED", "ENABLED_EXPIRED", "DISABLED"),
        lifecycle="custom",
        interrupted="CREATE_FAILED",
        success=frozenset(("ENABLED", "ENABLED_EXPIRED")),
        failure=frozenset(("CREATE_FAILED", "DISABLED")),
        operations=KindOperations(
            list="listPipelineRecurringRuns",
            get="getPipelineRecurringRun",
            create=None,
            delete="deletePipelineRecurringRun",
            stop="stopPipelineRecurringRun",
        ),
        cli_flag=None,
        related=("experiment", "pipeline"),
    ),
)

BY_NAME: Mapping[str, ResourceKind] = MappingProxyType({k.name: k for k in KINDS})
BY_CLASS: Mapping[str, ResourceKind] = MappingProxyType({k.class_name: k for k in KINDS})
