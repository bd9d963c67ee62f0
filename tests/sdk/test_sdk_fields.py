"""Typed resource attributes come from the spec: the generated ``<Schema>Fields`` mixins, how the SDK wraps nested
objects with them, and a new spec property reaching the SDK by regeneration alone."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from easymaker_api.fields import FIELD_CLASSES, ModelSummaryFields, TagFields, TrialFields
from paths import REPO
from regenerate import regenerate_in_subprocess, run_in_subprocess, spec_copy
from ruamel.yaml import YAML

import easymaker
from easymaker.values import camel_to_snake

SPEC = REPO / "spec" / "openapi.yaml"


def _spec() -> dict[str, Any]:
    document: dict[str, Any] = YAML(typ="safe").load(SPEC.read_text(encoding="utf-8"))
    return document


def test_every_attribute_is_the_snake_case_wire_name_or_a_declared_alias() -> None:
    schemas = _spec()["components"]["schemas"]
    for schema, cls in FIELD_CLASSES.items():
        props = schemas[schema]["properties"]
        for attribute, wire in cls.__fields__.items():
            aliases = props[wire].get("x-sdk-aliases", []) if isinstance(props[wire], dict) else []
            assert attribute == camel_to_snake(wire) or attribute in aliases, (schema, attribute, wire)
        assert set(cls.__fields__.values()) == set(props), f"{schema}: fields and spec properties differ"


def test_resources_read_typed_fields_and_wrap_nested_objects_by_schema() -> None:
    training = easymaker.Training(
        {
            "trainingId": "t1",
            "trainingStatusCode": "COMPLETE",
            "timeoutMinutes": 30,
            "experiment": {"experimentId": "e1", "experimentName": "exp"},
            "flavor": {"id": "f1", "name": "m2.c4m8"},
            "tagList": [{"tagKey": "k", "tagValue": "v"}],
            "modelList": [{"modelId": "m1", "modelName": "iris"}],
            "fieldFromANewerServer": 7,
        }
    )
    assert training.training_status_code == "COMPLETE" and training.timeout_minutes == 30
    assert training.description is None  # declared by the spec, absent in this answer
    assert isinstance(training.experiment, easymaker.Experiment) and training.experiment.experiment_name == "exp"
    assert training.instance_type is not None and training.instance_type.name == "m2.c4m8"
    assert training.flavor == training.instance_type
    assert training.tag_list is not None and isinstance(training.tag_list[0], TagFields)
    assert training.tag_list[0].tag_value == "v"
    models = training.model_list
    assert models is not None and isinstance(models[0], ModelSummaryFields) and isinstance(models[0], easymaker.Model)
    assert models[0].model_name == "iris"
    # a field the spec does not know yet is still readable at run time; a typo is not
    assert training.field_from_a_newer_server == 7  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="training_stauts_code"):
        training.training_stauts_code  # type: ignore[attr-defined]  # noqa: B018


def test_optimal_trial_is_a_typed_record() -> None:
    tuning = easymaker.HyperparameterTuning(
        {"hyperparameterTuningId": "h1", "optimalTrial": {"trialId": "tr1", "trialMetricList": [{"name": "acc"}]}}
    )
    trial = tuning.optimal_trial
    assert isinstance(trial, TrialFields) and trial.trial_id == "tr1"
    assert trial.trial_metric_list is not None and trial.trial_metric_list[0].name == "acc"  # type: ignore[attr-defined]  # not in the spec: kept
    assert trial.to_dict() == {"trialId": "tr1", "trialMetricList": [{"name": "acc"}]}


def test_a_typo_on_a_resource_is_a_type_error(tmp_path: Path) -> None:
    from mypy import api

    snippet = tmp_path / "typo.py"
    snippet.write_text(
        "import easymaker\n\ndef f(t: easymaker.Training) -> None:\n    print(t.training_stauts_code)\n",
        encoding="utf-8",
    )
    out, _err, status = api.run(
        [str(snippet), "--cache-dir", str(tmp_path / "cache"), "--follow-imports", "silent", "--no-error-summary"]
    )
    assert status == 1 and '"Training" has no attribute "training_stauts_code"' in out, out


def test_a_new_spec_property_reaches_the_sdk_by_regeneration(tmp_path: Path) -> None:
    """Add a property to a copy of the spec, regenerate into a temporary folder, and read it through the SDK."""
    document = spec_copy()
    document["components"]["schemas"]["Training"]["properties"]["gpuMinutesUsed"] = {"type": "integer"}
    out = regenerate_in_subprocess(document, tmp_path)
    program = textwrap.dedent(
        """
        import easymaker
        t = easymaker.Training({"trainingId": "t", "gpuMinutesUsed": 42})
        print(t.gpu_minutes_used, easymaker.Training({"trainingId": "t"}).gpu_minutes_used)
        """
    )
    assert run_in_subprocess(program, out).split() == ["42", "None"]
