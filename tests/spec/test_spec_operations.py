"""Every operation the official SDK 2.1.0/2.1.5 calls (wire-protocol.md §2.1) is in spec/openapi.yaml."""

from typing import Any

import pytest
import yaml
from paths import REPO

SPEC = yaml.safe_load((REPO / "spec" / "openapi.yaml").read_text())
A = "/v1.0/appkeys/{appkey}"

# (id in wire-protocol.md §2.1, method, path template, payload key of the success response or None)
OPERATIONS = [
    ("P1", "get", "/nhn-api-gateway", None),
    ("T1", "get", "/token/v1.0/appkeys/{appkey}/groups/{groupId}/iaas-token", "access"),
    ("F1", "get", f"{A}/flavors", "flavorList"),
    ("I1", "get", f"{A}/images", "imageList"),
    ("AL1", "get", f"{A}/algorithms", "algorithmList"),
    ("MP1", "get", f"{A}/model-presets", "modelPresetList"),
    ("MP2", "get", f"{A}/model-presets/parameter-specs", "modelParameterSpecList"),
    ("EX1", "get", f"{A}/experiments", "experimentList"),
    ("EX2", "post", f"{A}/experiments", "experiment"),
    ("EX3", "get", f"{A}/experiments/{{experimentId}}", "experiment"),
    ("EX4", "delete", f"{A}/experiments/{{experimentId}}", None),
    ("TR1", "post", f"{A}/trainings", "training"),
    ("TR2", "get", f"{A}/trainings", "trainingList"),
    ("TR3", "get", f"{A}/trainings/{{trainingId}}", "training"),
    ("TR4", "put", f"{A}/trainings/{{trainingId}}/stop", None),
    ("TR5", "delete", f"{A}/trainings/{{trainingId}}", None),
    ("HP1", "post", f"{A}/hyperparameter-tunings", "hyperparameterTuning"),
    ("HP2", "get", f"{A}/hyperparameter-tunings", "hyperparameterTuningList"),
    ("HP3", "get", f"{A}/hyperparameter-tunings/{{hyperparameterTuningId}}", "hyperparameterTuning"),
    ("HP4", "put", f"{A}/hyperparameter-tunings/{{hyperparameterTuningId}}/stop", None),
    ("HP5", "delete", f"{A}/hyperparameter-tunings/{{hyperparameterTuningId}}", None),
    ("FT1", "post", f"{A}/fine-tunings", "fineTuning"),
    ("FT2", "get", f"{A}/fine-tunings", "fineTuningList"),
    ("FT3", "get", f"{A}/fine-tunings/{{fineTuningId}}", "fineTuning"),
    ("FT4", "put", f"{A}/fine-tunings/{{fineTuningId}}/stop", None),
    ("FT5", "delete", f"{A}/fine-tunings/{{fineTuningId}}", None),
    ("MO1", "post", f"{A}/models", "model"),
    ("MO2", "get", f"{A}/models", "modelList"),
    ("MO3", "get", f"{A}/models/{{modelId}}", "model"),
    ("MO4", "delete", f"{A}/models/{{modelId}}", None),
    ("EP1", "post", f"{A}/endpoints", "endpoint"),
    ("EP2", "get", f"{A}/endpoints", "endpointList"),
    ("EP3", "get", f"{A}/endpoints/{{endpointId}}", "endpoint"),
    ("EP4", "delete", f"{A}/endpoints/{{endpointId}}", None),
    ("ST1", "post", f"{A}/endpoint-stages", "endpointStage"),
    ("ST2", "get", f"{A}/endpoint-stages", "endpointStageList"),
    ("ST3", "get", f"{A}/endpoint-stages/{{endpointStageId}}", "endpointStage"),
    ("ST4", "delete", f"{A}/endpoint-stages/{{endpointStageId}}", None),
    ("EM1", "get", f"{A}/endpoint-models", "endpointModelList"),
    ("EM2", "get", f"{A}/endpoint-models/{{endpointModelId}}", "endpointModel"),
    ("EM3", "delete", f"{A}/endpoint-models/{{endpointModelId}}", None),
    ("BI1", "post", f"{A}/batch-inferences", "batchInference"),
    ("BI2", "get", f"{A}/batch-inferences", "batchInferenceList"),
    ("BI3", "get", f"{A}/batch-inferences/{{batchInferenceId}}", "batchInference"),
    ("BI4", "put", f"{A}/batch-inferences/{{batchInferenceId}}/stop", None),
    ("BI5", "delete", f"{A}/batch-inferences/{{batchInferenceId}}", None),
    ("PL1", "post", f"{A}/pipelines/upload", "pipeline"),
    ("PL2", "get", f"{A}/pipelines", "pipelineList"),
    ("PL3", "get", f"{A}/pipelines/{{pipelineId}}", "pipeline"),
    ("PL4", "delete", f"{A}/pipelines/{{pipelineId}}", None),
    ("PR1", "post", f"{A}/pipeline-runs", "pipelineRun"),
    ("PR2", "get", f"{A}/pipeline-runs", "pipelineRunList"),
    ("PR3", "get", f"{A}/pipeline-runs/{{pipelineRunId}}", "pipelineRun"),
    ("PR4", "put", f"{A}/pipeline-runs/{{pipelineRunId}}/stop", None),
    ("PR5", "delete", f"{A}/pipeline-runs/{{pipelineRunId}}", None),
    ("RR1", "post", f"{A}/pipeline-runs", "pipelineRecurringRun"),
    ("RR2", "get", f"{A}/pipeline-recurring-runs", "pipelineRecurringRunList"),
    ("RR3", "get", f"{A}/pipeline-recurring-runs/{{pipelineRecurringRunId}}", "pipelineRecurringRun"),
    ("RR4", "put", f"{A}/pipeline-recurring-runs/{{pipelineRecurringRunId}}/stop", None),
    ("RR5", "put", f"{A}/pipeline-recurring-runs/{{pipelineRecurringRunId}}/start", None),
    ("RR6", "delete", f"{A}/pipeline-recurring-runs/{{pipelineRecurringRunId}}", None),
    ("ME1", "post", f"{A}/model-evaluations", "modelEvaluation"),
    ("ME2", "get", f"{A}/model-evaluations", "modelEvaluationList"),
    ("ME3", "get", f"{A}/model-evaluations/{{modelEvaluationId}}", "modelEvaluation"),
    ("ME4", "put", f"{A}/model-evaluations/{{modelEvaluationId}}/stop", None),
    ("ME5", "delete", f"{A}/model-evaluations/{{modelEvaluationId}}", None),
]


def _schema(ref_or_schema: dict[str, Any]) -> dict[str, Any]:
    ref = ref_or_schema.get("$ref")
    return SPEC["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else ref_or_schema


@pytest.mark.parametrize(("op_id", "method", "path", "payload"), OPERATIONS, ids=[o[0] for o in OPERATIONS])
def test_operation_is_in_spec(op_id: str, method: str, path: str, payload: str | None) -> None:
    assert path in SPEC["paths"], f"{op_id}: path {path} missing"
    operation = SPEC["paths"][path].get(method)
    assert operation is not None, f"{op_id}: {method.upper()} {path} missing"
    assert operation.get("operationId"), f"{op_id}: no operationId"
    assert operation.get("tags"), f"{op_id}: no tag"
    ok = operation["responses"]["200"]
    if "$ref" in ok:
        ok = SPEC["components"]["responses"][ok["$ref"].rsplit("/", 1)[1]]
    body = _schema(ok["content"]["application/json"]["schema"])
    if path != "/nhn-api-gateway":
        assert "header" in body["properties"], f"{op_id}: success response is not an envelope"
    if payload is not None:
        assert payload in body["properties"], f"{op_id}: payload key {payload} missing"


def test_operation_ids_are_unique() -> None:
    ids = [
        op["operationId"]
        for item in SPEC["paths"].values()
        for m, op in item.items()
        if m in ("get", "post", "put", "delete")
    ]
    assert len(ids) == len(set(ids))


def test_status_enums_are_open_in_responses() -> None:
    # a status the server adds later must still parse: every *StatusCode property is anyOf [known enum, string]
    for name, schema in SPEC["components"]["schemas"].items():
        for prop, sub in schema.get("properties", {}).items():
            if prop.endswith("StatusCode"):
                kinds = sub.get("anyOf", [])
                assert {"type": "string"} in kinds, f"{name}.{prop} is not open"
