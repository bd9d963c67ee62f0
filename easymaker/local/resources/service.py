"""`Service`: every operation of the spec (by ``operationId``) answered by the handlers of the resource families.

A handler receives a `Request` (appkey, path parameters, validated query values, validated body) and returns the
payload (``(key, value)``) or ``None`` for a header-only answer; it raises `ApiError` for 404 / 409 / 400 answers.
The families (one module each, as in `easymaker.resources`) share `ServiceBase` (`easymaker.local.resources.base`).
"""

from __future__ import annotations

from easymaker.local.resources.base import Handler
from easymaker.local.resources.batch_inference import BatchInferenceHandlers
from easymaker.local.resources.endpoint import EndpointHandlers
from easymaker.local.resources.fine_tuning import FineTuningHandlers
from easymaker.local.resources.hyperparameter_tuning import HyperparameterTuningHandlers
from easymaker.local.resources.lookups import LookupHandlers
from easymaker.local.resources.model_evaluation import ModelEvaluationHandlers
from easymaker.local.resources.pipeline import PipelineHandlers


class Service(
    HyperparameterTuningHandlers,
    FineTuningHandlers,
    PipelineHandlers,
    EndpointHandlers,
    BatchInferenceHandlers,
    ModelEvaluationHandlers,
    LookupHandlers,
):
    """Every operation's logic over the store, the catalog and the job supervisor."""

    def _handlers(self) -> dict[str, Handler]:
        generic = self._generic_handlers()
        own: dict[str, Handler] = {
            "probeGateway": self.probe_gateway,
            "getIaasToken": self.get_iaas_token,
            "listFlavors": self.list_flavors,
            "listImages": self.list_images,
            "listAlgorithms": self.list_algorithms,
            "listModelPresets": self.list_model_presets,
            "listModelParameterSpecs": self.list_model_parameter_specs,
            "listExperiments": self.list_experiments,
            "createExperiment": self.create_experiment,
            "createTraining": self.create_training,
            "createHyperparameterTuning": self.create_tuning,
            "createFineTuning": self.create_fine_tuning,
            "createModel": self.create_model,
            "createEndpoint": self.create_endpoint,
            "createEndpointStage": self.create_endpoint_stage,
            "listEndpointStages": self.list_endpoint_stages,
            "listEndpointModels": self.list_endpoint_models,
            "getEndpointModel": self.get_endpoint_model,
            "deleteEndpointModel": self.delete_endpoint_model,
            "createBatchInference": self.create_batch_inference,
            "createModelEvaluation": self.create_model_evaluation,
            "uploadPipeline": self.upload_pipeline,
            "createPipelineRun": self.create_pipeline_run,
            "listPipelineRuns": self.list_pipeline_runs,
            "startPipelineRecurringRun": self.start_recurring_run,
        }
        return {**generic, **own}  # a family's own handler wins over the generic one (listExperiments...)
