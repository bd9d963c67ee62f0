"""Kubeflow Pipelines v2 intermediate representation (IR): validation, parameter specs, parameter binding.

A pipeline uploaded to EasyMaker is the YAML file that the KFP v2 compiler writes (``kfp.compiler.Compiler().compile``).
This module checks such a file with plain YAML (kfp need not be installed), so an upload can be refused with a message
that names what is wrong, and it turns run parameters (strings on the wire) into the values the pipeline declares.

Accepted: one YAML document holding a pipeline spec (``pipelineInfo.name``, ``root.dag.tasks``, ``components``,
``deploymentSpec.executors``, ``schemaVersion`` 2.x), optionally followed by a platform-spec document (as the
compiler writes when Kubernetes-specific settings are used). The ``# PIPELINE DEFINITION`` comment header is optional.
Refused with ``ValueError``: text that is not YAML, an Argo Workflow (KFP v1 compiler output), a KFP v1 component
or pipeline file, a ``PipelineJob`` wrapper, and any spec whose tasks name a missing component or whose components
name a missing executor.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

PARAMETER_TYPES = ("STRING", "NUMBER_INTEGER", "NUMBER_DOUBLE", "BOOLEAN", "LIST", "STRUCT", "TASK_FINAL_STATUS")
# schemaVersion 2.0.0 files written by kfp 1.8 in v2-compatible mode use ``type`` with these names.
_LEGACY_TYPES = {"STRING": "STRING", "INT": "NUMBER_INTEGER", "DOUBLE": "NUMBER_DOUBLE"}
_TRUE = {"true", "1", "yes", "y", "on"}
_FALSE = {"false", "0", "no", "n", "off"}


@dataclass(frozen=True)
class PipelineSpecInfo:
    """What EasyMaker needs to know about a valid pipeline spec."""

    name: str
    schema_version: str
    sdk_version: str | None
    parameters: list[dict[str, Any]]  # wire form: {parameterName, parameterType, isOptional, defaultValue}
    task_names: list[str]
    spec: dict[str, Any] = field(repr=False)  # the parsed pipeline spec document

    @property
    def pipeline_parameter_spec_list(self) -> list[dict[str, Any]]:
        """The ``pipelineParameterSpecList`` of the Pipeline resource (a copy)."""
        return [dict(p) for p in self.parameters]


def validate_pipeline_spec(manifest_bytes: bytes | str) -> PipelineSpecInfo:
    """Check a compiled KFP v2 IR YAML file; return its name and parameter specs, or raise ``ValueError``."""
    spec = _load_spec_document(manifest_bytes)
    _refuse_foreign_formats(spec)

    schema_version = spec.get("schemaVersion")
    if schema_version is None:
        raise ValueError("pipeline spec: missing key 'schemaVersion' (expected a KFP v2 IR, schemaVersion 2.x)")
    if not isinstance(schema_version, str) or not schema_version.startswith("2."):
        raise ValueError(f"pipeline spec: schemaVersion must be 2.x (KFP v2 IR), got {schema_version!r}")

    pipeline_info = _mapping(spec, "pipelineInfo", "pipelineInfo")
    name = pipeline_info.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("pipeline spec: missing key 'pipelineInfo.name' (a non-empty string)")

    root = _mapping(spec, "root", "root")
    components = _mapping(spec, "components", "components")
    deployment = _mapping(spec, "deploymentSpec", "deploymentSpec")
    executors = _mapping(deployment, "executors", "deploymentSpec.executors")

    for comp_name, comp in components.items():
        if not isinstance(comp, Mapping):
            raise ValueError(f"pipeline spec: components.{comp_name} must be a mapping")
        label = comp.get("executorLabel")
        if label is not None and label not in executors:
            raise ValueError(
                f"pipeline spec: components.{comp_name}.executorLabel {label!r} names no executor in "
                f"deploymentSpec.executors (known: {_names(executors)})"
            )
        if label is None and "dag" not in comp:
            raise ValueError(f"pipeline spec: components.{comp_name} has neither 'executorLabel' nor 'dag'")
    for exec_name, executor in executors.items():
        if not isinstance(executor, Mapping):
            raise ValueError(f"pipeline spec: deploymentSpec.executors.{exec_name} must be a mapping")

    root_tasks = _check_dag(root, "root", components, set())
    if not root_tasks:
        raise ValueError("pipeline spec: root.dag.tasks is empty (a pipeline needs at least one task)")

    parameters = _parameter_specs(root)
    sdk_version = spec.get("sdkVersion")
    return PipelineSpecInfo(
        name=name,
        schema_version=schema_version,
        sdk_version=sdk_version if isinstance(sdk_version, str) else None,
        parameters=parameters,
        task_names=list(root_tasks),
        spec=spec,
    )


def _load_spec_document(manifest_bytes: bytes | str) -> dict[str, Any]:
    if isinstance(manifest_bytes, bytes):
        try:
            text = manifest_bytes.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"pipeline spec: not UTF-8 text ({exc})") from None
    else:
        text = manifest_bytes
    if not text.strip():
        raise ValueError("pipeline spec: the file is empty")
    try:
        check_yaml_bounds(text, "pipeline spec")
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        raise ValueError(f"pipeline spec: not valid YAML ({_one_line(str(exc))})") from None
    if not documents:
        raise ValueError("pipeline spec: the file holds no YAML document")
    first = documents[0]
    if not isinstance(first, dict):
        raise ValueError(f"pipeline spec: the YAML document must be a mapping, got {type(first).__name__}")
    for extra in documents[1:]:
        if not (isinstance(extra, dict) and "platforms" in extra):
            raise ValueError(
                "pipeline spec: only one pipeline spec document is allowed (optionally followed by a "
                "platform spec with 'platforms')"
            )
    return first


MAX_YAML_BYTES = 8 * 1024 * 1024
MAX_YAML_DEPTH = 100
MAX_YAML_ALIASES = 1000
MAX_YAML_NODES = 1_000_000  # nodes of the documents with every alias written out


def check_yaml_bounds(text: str, what: str) -> None:
    """Refuse YAML that is too large, nested too deeply (the composer recurses per level) or whose aliases
    expand to too many nodes (a "billion laughs" document is small but explodes when written out again), by
    walking the parser's events, which takes no recursion and builds nothing."""
    if len(text) > MAX_YAML_BYTES:
        raise ValueError(f"{what}: larger than {MAX_YAML_BYTES} characters")
    depth = aliases = 0
    sizes: dict[str, int] = {}  # anchor -> expanded node count
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, nodes so far) per open collection
    total = 0

    def add(count: int) -> None:
        nonlocal total
        if open_nodes:
            anchor, n = open_nodes[-1]
            open_nodes[-1] = (anchor, n + count)
        else:
            total += count
        if total + sum(n for _, n in open_nodes) > MAX_YAML_NODES:
            raise ValueError(f"{what}: its aliases expand to more than {MAX_YAML_NODES} nodes")

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise ValueError(f"{what}: nested deeper than {MAX_YAML_DEPTH} levels")
            open_nodes.append((event.anchor, 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, n = open_nodes.pop()
            if anchor is not None:
                sizes[anchor] = n
            add(n)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise ValueError(f"{what}: more than {MAX_YAML_ALIASES} aliases")
            add(sizes.get(str(event.anchor), 1))


def _refuse_foreign_formats(spec: Mapping[str, Any]) -> None:
    api_version = spec.get("apiVersion")
    if (
        isinstance(api_version, str)
        and "argoproj.io" in api_version
        or spec.get("kind") in ("Workflow", "WorkflowTemplate")
    ):
        raise ValueError(
            "pipeline spec: this is an Argo Workflow (Kubeflow Pipelines v1 compiler output); compile the pipeline "
            "with the KFP v2 SDK (kfp>=2) to get the IR YAML"
        )
    if "pipelineSpec" in spec and "pipelineInfo" not in spec:
        raise ValueError(
            "pipeline spec: this is a PipelineJob wrapper ('pipelineSpec' inside); upload the compiled pipeline "
            "spec itself"
        )
    if "implementation" in spec and "deploymentSpec" not in spec:
        raise ValueError(
            "pipeline spec: this is a KFP v1 component file ('implementation'); compile a pipeline with the KFP "
            "v2 SDK to get the IR YAML"
        )


def _mapping(parent: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = parent.get(key)
    if value is None:
        raise ValueError(f"pipeline spec: missing key {where!r}")
    if not isinstance(value, Mapping):
        raise ValueError(f"pipeline spec: {where!r} must be a mapping, got {type(value).__name__}")
    return value


def _names(items: Iterable[str]) -> str:
    names = sorted(items)
    return ", ".join(names[:20]) + (", ..." if len(names) > 20 else "") if names else "none"


def _check_dag(
    component: Mapping[str, Any], where: str, components: Mapping[str, Any], visiting: set[str]
) -> list[str]:
    dag = _mapping(component, "dag", f"{where}.dag")
    tasks = dag.get("tasks", {})
    if tasks is None:
        tasks = {}
    if not isinstance(tasks, Mapping):
        raise ValueError(f"pipeline spec: '{where}.dag.tasks' must be a mapping")
    for task_name, task in tasks.items():
        task_where = f"{where}.dag.tasks.{task_name}"
        if not isinstance(task, Mapping):
            raise ValueError(f"pipeline spec: {task_where} must be a mapping")
        ref = task.get("componentRef")
        ref_name = ref.get("name") if isinstance(ref, Mapping) else None
        if not isinstance(ref_name, str):
            raise ValueError(f"pipeline spec: {task_where} has no componentRef.name")
        if ref_name not in components:
            raise ValueError(
                f"pipeline spec: {task_where}.componentRef {ref_name!r} names no component in 'components' "
                f"(known: {_names(components)})"
            )
        for dep in task.get("dependentTasks") or []:
            if dep not in tasks:
                raise ValueError(f"pipeline spec: {task_where}.dependentTasks names unknown task {dep!r}")
        sub = components[ref_name]
        if "dag" in sub:
            if ref_name in visiting:
                raise ValueError(f"pipeline spec: component {ref_name!r} contains itself")
            _check_dag(sub, f"components.{ref_name}", components, visiting | {ref_name})
    return [str(t) for t in tasks]


def _parameter_specs(root: Mapping[str, Any]) -> list[dict[str, Any]]:
    inputs = root.get("inputDefinitions") or {}
    if not isinstance(inputs, Mapping):
        raise ValueError("pipeline spec: 'root.inputDefinitions' must be a mapping")
    params = inputs.get("parameters") or {}
    if not isinstance(params, Mapping):
        raise ValueError("pipeline spec: 'root.inputDefinitions.parameters' must be a mapping")
    out: list[dict[str, Any]] = []
    for pname, pspec in params.items():
        where = f"root.inputDefinitions.parameters.{pname}"
        if not isinstance(pspec, Mapping):
            raise ValueError(f"pipeline spec: {where} must be a mapping")
        ptype = pspec.get("parameterType")
        if ptype is None and pspec.get("type") in _LEGACY_TYPES:
            ptype = _LEGACY_TYPES[pspec["type"]]
        if ptype not in PARAMETER_TYPES:
            raise ValueError(
                f"pipeline spec: {where}.parameterType is {ptype!r}; expected one of {', '.join(PARAMETER_TYPES)}"
            )
        has_default = "defaultValue" in pspec
        default = format_parameter_value(ptype, pspec["defaultValue"]) if has_default else None
        out.append(
            {
                "parameterName": str(pname),
                "parameterType": ptype,
                "isOptional": bool(pspec.get("isOptional", has_default)),
                "defaultValue": default,
            }
        )
    return out


def format_parameter_value(parameter_type: str, value: Any) -> str | None:
    """A typed value as the string EasyMaker shows and accepts back (``parameterValue``/``defaultValue``)."""
    if value is None:
        return None
    if parameter_type == "NUMBER_INTEGER" and isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def convert_parameter_value(name: str, parameter_type: str, value: Any) -> Any:
    """Turn a wire ``parameterValue`` (a string) into the Python value of the declared IR type."""
    if not isinstance(value, str):
        # Already typed (e.g. a JSON body that sent a number): format then parse, so checks are the same.
        value = format_parameter_value(parameter_type, value) or ""
    text = value.strip()
    where = f"parameterList: parameter {name!r} ({parameter_type})"
    if parameter_type == "STRING":
        return value
    if parameter_type == "NUMBER_INTEGER":
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                raise ValueError(f"{where} needs an integer, got {value!r}") from None
            if not number.is_integer():
                raise ValueError(f"{where} needs an integer, got {value!r}") from None
            return int(number)
    if parameter_type == "NUMBER_DOUBLE":
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{where} needs a number, got {value!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"{where} needs a finite number, got {value!r}")
        return number
    if parameter_type == "BOOLEAN":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValueError(f"{where} needs true or false, got {value!r}")
    if parameter_type in ("LIST", "STRUCT"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            raise ValueError(f"{where} needs JSON, got {value!r}") from None
        expected = list if parameter_type == "LIST" else dict
        if not isinstance(parsed, expected):
            raise ValueError(f"{where} needs a JSON {'array' if expected is list else 'object'}, got {value!r}")
        return parsed
    raise ValueError(f"{where}: EasyMaker Local cannot pass parameters of this type to a run")


def bind_parameters(
    parameter_specs: Sequence[Mapping[str, Any]], parameter_list: Sequence[Mapping[str, Any]] | None
) -> dict[str, Any]:
    """Map ``parameterList`` entries onto the declared parameters; return keyword arguments for the pipeline.

    Parameters not given keep the pipeline's own default (they are left out). Raises ``ValueError`` for an unknown
    name, a duplicate, a value of the wrong type, or a required parameter that is missing.
    """
    specs = {str(s["parameterName"]): s for s in parameter_specs}
    arguments: dict[str, Any] = {}
    for i, item in enumerate(parameter_list or []):
        if not isinstance(item, Mapping) or "parameterName" not in item:
            raise ValueError(f"parameterList[{i}] must be an object with parameterName and parameterValue")
        pname = str(item["parameterName"])
        if pname not in specs:
            raise ValueError(
                f"parameterList[{i}]: the pipeline declares no parameter {pname!r} (declared: {_names(specs)})"
            )
        if pname in arguments:
            raise ValueError(f"parameterList[{i}]: parameter {pname!r} is given twice")
        value = item.get("parameterValue")
        if value is None:
            continue
        arguments[pname] = convert_parameter_value(pname, str(specs[pname]["parameterType"]), value)
    missing = [
        n for n, s in specs.items() if n not in arguments and not s.get("isOptional") and s.get("defaultValue") is None
    ]
    if missing:
        raise ValueError(f"parameterList: required pipeline parameter(s) not given: {', '.join(missing)}")
    return arguments


def _one_line(text: str) -> str:
    return " ".join(text.split())
