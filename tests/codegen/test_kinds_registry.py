"""One registry of resource kinds: the spec's ``x-easymaker-kinds``, generated into ``easymaker_api.kinds``, feeds the
SDK's public names and wait statuses, the CLI, and EasyMaker Local's handlers and state machines (a kind or a status
added to a copy of the spec reaches them by regeneration alone: tests/codegen/test_kinds_regeneration.py)."""

from __future__ import annotations

import ast
import copy
import dataclasses
import functools
import importlib
from typing import Any

import pytest
from easymaker_api.kinds import BY_CLASS, KINDS, ResourceKind
from paths import REPO
from ruamel.yaml import YAML

import easymaker
from codegen.constraints import SpecError
from codegen.kinds import kind_entries
from easymaker.values import camel_to_snake

SPEC = REPO / "spec" / "openapi.yaml"


@functools.cache
def _parsed() -> dict[str, Any]:
    document: dict[str, Any] = YAML(typ="safe").load(SPEC.read_text(encoding="utf-8"))
    return document


def _document() -> dict[str, Any]:
    """A fresh copy of the spec as plain data (parsed once)."""
    return copy.deepcopy(_parsed())


# ---------------------------------------------------------------------- the SDK's public names


def _type_checking_imports() -> set[tuple[str, str]]:
    """(module, name) of every import under ``if TYPE_CHECKING:`` in easymaker/__init__.py."""
    tree = ast.parse((REPO / "easymaker" / "__init__.py").read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    found |= {(statement.module, alias.name) for alias in statement.names}
    return found


def test_public_names_and_type_checking_imports_equal_the_registry() -> None:
    """`__all__` and the TYPE_CHECKING imports (static, for mypy and IDEs) name every kind's class from its module;
    the lazy table does not restate them."""
    imports = _type_checking_imports()
    resource_imports = {(m, n) for m, n in imports if m.startswith("easymaker.resources.") and n in BY_CLASS}
    assert resource_imports == {(k.module, k.class_name) for k in KINDS}
    assert {k.class_name for k in KINDS} <= set(easymaker.__all__)
    assert not set(BY_CLASS) & set(easymaker._LAZY)
    for kind in KINDS:
        cls = getattr(easymaker, kind.class_name)
        assert (cls.__module__, cls.__name__) == (kind.module, kind.class_name)
        assert kind.class_name in dir(easymaker)


def test_resource_classes_take_noun_and_wait_statuses_from_the_registry() -> None:
    from easymaker.resources.base import Resource, resource_class

    for kind in KINDS:
        cls = resource_class(kind.class_name)
        assert issubclass(cls, Resource)
        assert cls._noun == kind.record_key
        assert (cls._success, cls._failure) == (kind.success, kind.failure)
    # a nested summary record wrapped with a resource class keeps the kind's statuses
    from easymaker.resources.record import nested_class

    summary = nested_class("ModelSummary")
    assert issubclass(summary, Resource) and summary._success == BY_CLASS["Model"].success


def test_registry_statuses_are_the_generated_enums() -> None:
    for kind in KINDS:
        module = importlib.import_module(f"easymaker_api.models.{camel_to_snake(kind.status_enum)}")
        assert getattr(module, kind.status_enum).known_values() == kind.statuses, kind.name
        assert kind.terminal == kind.success | kind.failure and kind.terminal <= set(kind.statuses)


def test_the_wait_table_of_the_sdk_guide_is_the_registry() -> None:
    text = (REPO / "docs" / "sdk.md").read_text(encoding="utf-8")
    table = text[text.index("| Resource | Success | Failure") :].split("\n\n", 1)[0].splitlines()[2:]
    rows = {}
    for line in table:
        name, success, failure = (cell.strip() for cell in line.strip("|").split("|"))
        rows[name] = ({s.strip() for s in success.split(",")}, {s.strip() for s in failure.split(",")})
    expected = {k.class_name: (set(k.success), set(k.failure)) for k in KINDS}
    assert rows == expected


def test_cli_sections_list_the_kinds_the_registry_flags() -> None:
    from easymaker.cli import SECTIONS

    listed = [s for s in SECTIONS if s.flag in {k.cli_flag for k in KINDS}]
    assert [(s.flag, s.title) for s in listed] == [(k.cli_flag, k.plural) for k in KINDS if k.cli_flag]
    assert ("tuning", "Hyperparameter tunings") in [(s.flag, s.title) for s in listed]


# ---------------------------------------------------------------------- EasyMaker Local


def test_local_state_machines_are_built_for_every_kind_and_name_only_enum_values() -> None:
    from easymaker.local import states

    assert list(states.KINDS) == [k.name for k in KINDS]
    for kind in KINDS:
        machine = states.KINDS[kind.name]
        assert machine.spec is kind
        assert machine.statuses <= set(kind.statuses), kind.name
        assert machine.stoppable <= machine.statuses and machine.in_progress <= machine.statuses
        assert machine.failure == kind.interrupted and machine.terminal == kind.terminal
    assert set(states.JOB_KINDS) == {k.name for k in KINDS if k.lifecycle == "job"} | {"endpoint_stage"}


def test_statuses_named_by_local_rules_are_enum_values() -> None:
    from easymaker.local import observe

    assert observe._STAGE_ENDED <= set(BY_CLASS["EndpointStage"].statuses)


def test_local_serves_the_generic_operations_the_registry_found() -> None:
    from easymaker.local.resources.service import Service

    handlers = Service._handlers(Service.__new__(Service))  # binds the handlers; nothing is served
    for kind in KINDS:
        ops = kind.operations
        for operation_id in (ops.list, ops.get, ops.delete, ops.stop, ops.create):
            assert operation_id is None or operation_id in handlers, (kind.name, operation_id)


def test_a_table_naming_a_status_outside_the_enum_is_refused() -> None:
    from easymaker.local import states

    with pytest.raises(states.LifecycleError, match="RUNNING_LATE.*not values of TrainingStatusCode"):
        states.Kind(spec=states.TRAINING.spec, transitions={"RUNNING": frozenset({"RUNNING_LATE"})})


def test_a_custom_kind_without_a_table_is_refused_by_name() -> None:
    from easymaker.local import states

    stray = dataclasses.replace(states.ENDPOINT.spec, name="gadget")
    with pytest.raises(states.LifecycleError, match="gadget: its lifecycle is 'custom'.*no table"):
        states._build(stray)


# ---------------------------------------------------------------------- the generator's checks


def _entries_with(change: dict[str, Any]) -> list[Any]:
    document = _document()
    document["x-easymaker-kinds"]["training"].update(change)
    return kind_entries(document)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"success": ["DONE"]}, r"training.success: \['DONE'\] are not values of the status enum"),
        ({"failure": ["COMPLETE"]}, r"\['COMPLETE'\] are in both success and failure"),
        ({"lifecycle": "cron"}, "lifecycle 'cron' is not one of"),
        ({"path": "train-jobs"}, "the paths /v1.0/appkeys/{appkey}/train-jobs and"),
        (
            {
                "status": "ModelStatusCode",
                "success": ["ACTIVE"],
                "failure": ["CREATE_FAILED"],
                "interrupted": "CREATE_FAILED",
            },
            "Training.trainingStatusCode does not refer to ModelStatusCode",
        ),
        ({"interrupted": "COMPLETE"}, "interrupted: 'COMPLETE' must be one of the failure statuses"),
        ({"class": "Trainer"}, "#/components/schemas/Trainer .* is missing"),
        ({"colour": "red"}, r"unknown keys \['colour'\]"),
    ],
)
def test_the_generator_refuses_a_wrong_entry_by_name(change: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        _entries_with(change)


def test_the_generated_registry_is_what_the_spec_says() -> None:
    entries = kind_entries(_document())
    assert [e.name for e in entries] == [k.name for k in KINDS]
    tuning = next(k for k in KINDS if k.name == "hyperparameter_tuning")
    assert isinstance(tuning, ResourceKind)
    assert (tuning.path, tuning.record_key, tuning.list_key, tuning.plural) == (
        "hyperparameter-tunings",
        "hyperparameterTuning",
        "hyperparameterTuningList",
        "Hyperparameter tunings",
    )
    assert tuning.operations.stop == "stopHyperparameterTuning" and BY_CLASS["Pipeline"].operations.stop is None
    # what a record holds of other kinds, read from the record schemas
    assert tuning.related == ("experiment",) and BY_CLASS["BatchInference"].related == ("model",)
    assert BY_CLASS["PipelineRun"].related == ("experiment", "pipeline", "pipeline_recurring_run")
