"""Validation of compiled KFP v2 IR files and conversion of run parameters."""

# No `from __future__ import annotations` here: kfp reads the component signatures as real types.

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from kfp import compiler, dsl
from paths import REPO

from easymaker.local.runners.kfp_ir import bind_parameters, convert_parameter_value, validate_pipeline_spec


@dsl.component(base_image="python:3.11")
def shout(message: str, times: int) -> str:
    return message.upper() * times


@dsl.component(base_image="python:3.11")
def report(text: str, ratio: float, flag: bool, tags: list, extra: dict) -> str:  # type: ignore[type-arg]  # kfp reads the bare annotations
    return f"{text}-{ratio}-{flag}-{tags}-{extra}"


@dsl.pipeline(name="ir-sample")
def sample_pipeline(
    message: str = "hello",
    times: int = 2,
    ratio: float = 0.25,
    flag: bool = True,
    tags: list = ["a", "b"],  # type: ignore[type-arg]  # noqa: B006 - KFP reads the default and the bare type
    extra: dict = {"k": 1},  # type: ignore[type-arg]  # noqa: B006
    needed: str = "",
) -> None:
    a = shout(message=message, times=times)
    report(text=a.output, ratio=ratio, flag=flag, tags=tags, extra=extra)


@dsl.pipeline(name="ir-required")
def required_pipeline(message: str) -> None:
    shout(message=message, times=1)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("ir") / "sample.yaml"
    compiler.Compiler().compile(sample_pipeline, str(path))
    return path.read_bytes()


def test_compiled_pipeline_is_accepted_with_its_parameter_specs(compiled: bytes) -> None:
    assert compiled.startswith(b"# PIPELINE DEFINITION")
    info = validate_pipeline_spec(compiled)
    assert info.name == "ir-sample"
    assert info.schema_version.startswith("2.")
    assert sorted(info.task_names) == ["report", "shout"]
    by_name = {p["parameterName"]: p for p in info.parameters}
    assert by_name["message"] == {
        "parameterName": "message",
        "parameterType": "STRING",
        "isOptional": True,
        "defaultValue": "hello",
    }
    assert by_name["times"]["parameterType"] == "NUMBER_INTEGER"
    assert by_name["times"]["defaultValue"] == "2"  # the IR stores 2.0
    assert by_name["ratio"] == {
        "parameterName": "ratio",
        "parameterType": "NUMBER_DOUBLE",
        "isOptional": True,
        "defaultValue": "0.25",
    }
    assert by_name["flag"]["parameterType"] == "BOOLEAN"
    assert by_name["flag"]["defaultValue"] == "true"
    assert by_name["tags"]["parameterType"] == "LIST"
    assert yaml.safe_load(by_name["tags"]["defaultValue"]) == ["a", "b"]
    assert by_name["extra"]["parameterType"] == "STRUCT"
    assert by_name["needed"]["defaultValue"] == ""
    assert info.pipeline_parameter_spec_list == info.parameters


def test_header_is_optional_and_str_is_accepted(compiled: bytes) -> None:
    text = compiled.decode()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert validate_pipeline_spec(body).name == "ir-sample"
    assert validate_pipeline_spec(body.encode()).name == "ir-sample"


def test_required_parameter_has_no_default(tmp_path: Path) -> None:
    path = tmp_path / "req.yaml"
    compiler.Compiler().compile(required_pipeline, str(path))
    info = validate_pipeline_spec(path.read_bytes())
    assert info.parameters == [
        {"parameterName": "message", "parameterType": "STRING", "isOptional": False, "defaultValue": None}
    ]
    with pytest.raises(ValueError, match="required pipeline parameter.*message"):
        bind_parameters(info.parameters, [])
    assert bind_parameters(info.parameters, [{"parameterName": "message", "parameterValue": "x"}]) == {"message": "x"}


def _mutate(compiled: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    spec = yaml.safe_load(compiled)
    change(spec)
    return yaml.safe_dump(spec).encode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.pop("pipelineInfo"), "pipelineInfo"),
        (lambda s: s["pipelineInfo"].pop("name"), "pipelineInfo.name"),
        (lambda s: s.pop("root"), "'root'"),
        (lambda s: s["root"].pop("dag"), "root.dag"),
        (lambda s: s.pop("components"), "'components'"),
        (lambda s: s.pop("deploymentSpec"), "deploymentSpec"),
        (lambda s: s["deploymentSpec"].pop("executors"), "deploymentSpec.executors"),
        (lambda s: s.pop("schemaVersion"), "schemaVersion"),
        (lambda s: s.__setitem__("schemaVersion", "1.0.0"), "schemaVersion must be 2.x"),
        (lambda s: s["root"]["dag"]["tasks"]["shout"]["componentRef"].__setitem__("name", "comp-nope"), "comp-nope"),
        (lambda s: s["components"]["comp-shout"].__setitem__("executorLabel", "exec-nope"), "exec-nope"),
        (lambda s: s["deploymentSpec"]["executors"].pop("exec-report"), "exec-report"),
        (lambda s: s["root"]["dag"]["tasks"]["report"].__setitem__("dependentTasks", ["ghost"]), "ghost"),
        (lambda s: s["root"]["dag"].__setitem__("tasks", {}), "at least one task"),
        (
            lambda s: s["root"]["inputDefinitions"]["parameters"]["message"].__setitem__("parameterType", "BLOB"),
            "parameterType is 'BLOB'",
        ),
    ],
)
def test_broken_specs_are_refused_naming_the_problem(compiled: bytes, change, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        validate_pipeline_spec(_mutate(compiled, change))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"components: [unclosed", "not valid YAML"),
        (b"- a\n- b\n", "must be a mapping"),
        (b"just text", "must be a mapping"),
        (
            textwrap.dedent(
                """\
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: old-}
                spec: {entrypoint: main, templates: []}
                """
            ).encode(),
            "Argo Workflow",
        ),
        (
            textwrap.dedent(
                """\
                name: Old component
                inputs: [{name: x, type: String}]
                implementation:
                  container: {image: python:3.7, command: [echo]}
                """
            ).encode(),
            "KFP v1 component",
        ),
        (b"pipelineSpec: {}\nruntimeConfig: {}\n", "PipelineJob"),
    ],
)
def test_other_formats_are_refused(text: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_pipeline_spec(text)


def test_platform_spec_document_is_allowed_but_not_a_second_pipeline(compiled: bytes) -> None:
    with_platform = compiled + b"\n---\nplatforms:\n  kubernetes: {deploymentSpec: {executors: {}}}\n"
    assert validate_pipeline_spec(with_platform).name == "ir-sample"
    with pytest.raises(ValueError, match="only one pipeline spec document"):
        validate_pipeline_spec(compiled + b"\n---\n" + compiled)


def test_validation_does_not_need_kfp(compiled: bytes, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(compiled)
    code = textwrap.dedent(
        f"""
        import sys
        sys.modules["kfp"] = None  # any import of kfp now fails
        from easymaker.local.runners.kfp_ir import validate_pipeline_spec
        info = validate_pipeline_spec(open({str(path)!r}, "rb").read())
        assert "kfp" not in [m for m in sys.modules if sys.modules[m] is not None]
        print(info.name)
        """
    )
    root = REPO
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root)}
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ir-sample"


@pytest.mark.parametrize(
    ("ptype", "text", "value"),
    [
        ("STRING", " spaced ", " spaced "),
        ("NUMBER_INTEGER", "42", 42),
        ("NUMBER_INTEGER", "3.0", 3),
        ("NUMBER_INTEGER", "-7", -7),
        ("NUMBER_DOUBLE", "1e-3", 0.001),
        ("NUMBER_DOUBLE", "2", 2.0),
        ("BOOLEAN", "True", True),
        ("BOOLEAN", "false", False),
        ("BOOLEAN", "0", False),
        ("LIST", '[1, "a"]', [1, "a"]),
        ("STRUCT", '{"a": {"b": 2}}', {"a": {"b": 2}}),
    ],
)
def test_parameter_values_convert_to_declared_types(ptype: str, text: str, value: object) -> None:
    converted = convert_parameter_value("p", ptype, text)
    assert converted == value
    assert type(converted) is type(value)


@pytest.mark.parametrize(
    ("ptype", "text"),
    [
        ("NUMBER_INTEGER", "3.5"),
        ("NUMBER_INTEGER", "ten"),
        ("NUMBER_DOUBLE", "nan"),
        ("NUMBER_DOUBLE", "x"),
        ("BOOLEAN", "maybe"),
        ("LIST", '{"a": 1}'),
        ("STRUCT", "[1]"),
        ("STRUCT", "{bad json"),
    ],
)
def test_bad_parameter_values_name_the_parameter(ptype: str, text: str) -> None:
    with pytest.raises(ValueError, match=f"parameter 'p' \\({ptype}\\)"):
        convert_parameter_value("p", ptype, text)


def test_bind_parameters_checks_names(compiled: bytes) -> None:
    specs = validate_pipeline_spec(compiled).parameters
    args = bind_parameters(
        specs,
        [{"parameterName": "times", "parameterValue": "5"}, {"parameterName": "flag", "parameterValue": "false"}],
    )
    assert args == {"times": 5, "flag": False}
    with pytest.raises(ValueError, match="declares no parameter 'nope'.*message"):
        bind_parameters(specs, [{"parameterName": "nope", "parameterValue": "1"}])
    with pytest.raises(ValueError, match="'times' is given twice"):
        bind_parameters(specs, [{"parameterName": "times", "parameterValue": "1"}] * 2)
    with pytest.raises(ValueError, match=r"parameterList\[0\] must be an object"):
        bind_parameters(specs, ["times=1"])  # type: ignore[list-item]
