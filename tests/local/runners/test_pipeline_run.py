"""Pipeline runs executed for real by kfp's local subprocess runner, through the runner contract."""

# No `from __future__ import annotations` here: kfp reads the component signatures as real types.

import importlib.util
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from kfp import compiler, dsl
from kfp.dsl import Artifact, Output
from polling import wait_until

from easymaker.local.runners import pipeline as pipeline_module
from easymaker.local.runners.base import JobContext
from easymaker.local.runners.kfp_ir import validate_pipeline_spec
from easymaker.local.runners.pipeline import INSTALL_HINT, PipelineRunRunner, nas_env_name, prepare_ir_for_local_run


@dsl.component(base_image="python:3.11")
def make_text(message: str, times: int, ratio: float, loud: bool, tags: list) -> str:  # type: ignore[type-arg]  # kfp reads the bare annotation
    import os

    text = (message.upper() if loud else message) * times
    nas = os.environ["EM_NAS_SHARED_DATA"]
    with open(os.path.join(nas, "from-step-1.txt"), "w") as fh:
        fh.write(f"{text}|{ratio * 2}|{','.join(tags)}|{os.environ['EM_PIPELINE_RUN_ID']}")
    print(f"step one made {text!r}")
    return text


@dsl.component(base_image="python:3.11")
def write_report(text: str, report: Output[Artifact]) -> None:
    import os

    with open(report.path, "w") as fh:
        fh.write(f"report: {text} ({len(text)} chars) task={os.environ.get('EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME')}")


@dsl.pipeline(name="two-step")
def two_step(message: str = "hi", times: int = 1, ratio: float = 0.5, loud: bool = False, tags: list = []) -> None:  # type: ignore[type-arg]  # noqa: B006  # type: ignore[type-arg]  # kfp reads the bare annotation
    made = make_text(message=message, times=times, ratio=ratio, loud=loud, tags=tags)
    write_report(text=made.output)


@dsl.component(base_image="python:3.11")
def fine_step(x: int) -> int:
    return x + 1


@dsl.component(base_image="python:3.11")
def broken_step(x: int) -> None:
    raise ValueError(f"cannot digest {x} apples")


@dsl.pipeline(name="failing")
def failing(x: int = 3) -> None:
    first = fine_step(x=x)
    broken_step(x=first.output)


@dsl.component(base_image="python:3.11")
def sleepy_step(pid_file: str) -> None:
    import os
    import time  # a component runs from its own source: the module's imports are not there

    with open(pid_file, "w") as fh:
        fh.write(str(os.getpid()))
    time.sleep(300)


@dsl.pipeline(name="sleepy")
def sleepy(pid_file: str) -> None:
    sleepy_step(pid_file=pid_file)


class FakeUris:
    """nas://<id>:/<path> -> <root>/nas/<id>/<path>; no object storage."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        raise FileNotFoundError(uri)

    def publish(self, src: Path, uri: str) -> int:
        raise NotImplementedError(uri)

    def local_path(self, uri: str) -> Path | None:
        if not uri.startswith("nas://"):
            return None
        nas_id, _, path = uri[len("nas://") :].partition(":/")
        return self.root / "nas" / nas_id / path


class Recorder:
    def __init__(self, tmp: Path, resource: dict[str, Any], settings: Mapping[str, Any] | None = None) -> None:
        self.statuses: list[tuple[str, str | None]] = []
        self.resource = resource
        self.log_lines: list[tuple[str, str]] = []
        self.step_running = threading.Event()
        work = tmp / "jobs" / "run-1"
        work.mkdir(parents=True)
        self.ctx = JobContext(
            job_id="run-1",
            kind="pipeline_run",
            appkey="appkey",
            resource=resource,
            work_dir=work,
            uris=FakeUris(tmp),
            set_status=self.set_status,
            update=self.update,
            settings=settings or {},
            log_sink=lambda stream, line: self.log_lines.append((stream, line)),
        )

    def set_status(self, status: str, reason: str | None) -> None:
        self.statuses.append((status, reason))
        self.resource["pipelineRunStatusCode"] = status

    def update(self, fields: Mapping[str, Any]) -> None:
        self.resource.update(fields)
        if any(s["stepStatusCode"] == "RUNNING" for s in fields.get("pipelineRunStepList") or []):
            self.step_running.set()

    @property
    def codes(self) -> list[str]:
        return [s for s, _ in self.statuses]


def compile_to_text(pipeline_func: Any, tmp: Path) -> str:
    path = tmp / f"{pipeline_func.name}.yaml"
    compiler.Compiler().compile(pipeline_func, str(path))
    return path.read_text()


def run_resource(manifest: str, params: dict[str, str], nas: list[dict[str, str]] | None = None) -> dict[str, Any]:
    info = validate_pipeline_spec(manifest.encode())
    return {
        "pipelineRunId": "pr-123",
        "pipelineRunName": "my-run",
        "pipelineSpecManifest": manifest,
        "pipelineParameterSpecList": info.parameters,
        "parameterList": [{"parameterName": k, "parameterValue": v} for k, v in params.items()],
        "nasList": nas or [],
        "pipelineRunStatusCode": "CREATE_REQUESTED",
    }


def test_two_step_pipeline_runs_and_writes_its_artifact(tmp_path: Path) -> None:
    manifest = compile_to_text(two_step, tmp_path)
    resource = run_resource(
        manifest,
        {"message": "ab", "times": "3", "ratio": "1.25", "loud": "true", "tags": '["x", "y"]'},
        nas=[{"mountDirName": "shared-data", "nasUri": "nas://nas01:/team/data"}],
    )
    rec = Recorder(tmp_path, resource)
    PipelineRunRunner().run(rec.ctx)

    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "COMPLETE_IN_PROGRESS", "COMPLETE"], rec.statuses
    # Step 1 saw typed parameters and the NAS mount; the file landed in the NAS folder.
    nas_file = tmp_path / "nas" / "nas01" / "team" / "data" / "from-step-1.txt"
    assert nas_file.read_text() == "ABABAB|2.5|x,y|pr-123"
    work = rec.ctx.work_dir
    assert (work / "nas" / "shared-data").resolve() == nas_file.parent.resolve()
    assert nas_env_name("shared-data") == "EM_NAS_SHARED_DATA"

    steps = {s["stepName"]: s for s in resource["pipelineRunStepList"]}
    assert [s["stepName"] for s in resource["pipelineRunStepList"]] == ["make-text", "write-report"]
    assert all(s["stepStatusCode"] == "SUCCEEDED" for s in steps.values())
    assert steps["make-text"]["outputParameters"] == {"Output": "ABABAB"}
    (report_path,) = steps["write-report"]["outputArtifactPaths"]
    assert Path(report_path).is_relative_to(work / "artifacts")
    assert Path(report_path).read_text() == "report: ABABAB (6 chars) task=write-report"

    assert resource["startedDatetime"] <= resource["finishedDatetime"]
    assert isinstance(resource["elapsedTimeSeconds"], int) and resource["elapsedTimeSeconds"] >= 0
    stdout_log = (work / "logs" / "stdout.log").read_text()
    assert "step one made 'ABABAB'" in stdout_log
    assert ("stdout", "    step one made 'ABABAB'") in rec.log_lines or any(
        "step one made 'ABABAB'" in line for _, line in rec.log_lines
    )
    # The run used the installed kfp: the pip step is gone from the executed copy, the stored manifest is intact.
    local_ir = (work / "pipeline.local.yaml").read_text()
    assert "pip install" not in local_ir
    assert "pip install" in (work / "pipeline.yaml").read_text()


def test_failing_step_fails_the_run_with_its_error(tmp_path: Path) -> None:
    manifest = compile_to_text(failing, tmp_path)
    rec = Recorder(tmp_path, run_resource(manifest, {"x": "41"}))
    PipelineRunRunner().run(rec.ctx)

    assert rec.codes[-2:] == ["FAIL_PIPELINE_RUN_IN_PROGRESS", "FAIL_PIPELINE_RUN"], rec.statuses
    reason = rec.statuses[-1][1] or ""
    assert "'broken-step'" in reason
    assert "ValueError: cannot digest 42 apples" in reason
    steps = {s["stepName"]: s["stepStatusCode"] for s in rec.resource["pipelineRunStepList"]}
    assert steps == {"fine-step": "SUCCEEDED", "broken-step": "FAILED"}
    assert "finishedDatetime" in rec.resource


def test_stop_kills_a_sleeping_step(tmp_path: Path) -> None:
    manifest = compile_to_text(sleepy, tmp_path)
    pid_file = tmp_path / "step.pid"
    rec = Recorder(tmp_path, run_resource(manifest, {"pid_file": str(pid_file)}))
    runner = PipelineRunRunner(stop_grace_seconds=5, poll_seconds=0.05)
    thread = threading.Thread(target=runner.run, args=(rec.ctx,))
    thread.start()
    try:
        assert rec.step_running.wait(60), rec.statuses
        wait_until(lambda: pid_file.exists() and pid_file.read_text(), what="the step's pid file")
        step_pid = int(pid_file.read_text())
        os.kill(step_pid, 0)  # the step is alive before the stop
        rec.ctx.stop_event.set()
        thread.join(60)
    finally:
        rec.ctx.stop_event.set()
        thread.join(60)
    assert not thread.is_alive()
    assert rec.codes[-2:] == ["STOP_IN_PROGRESS", "STOPPED"], rec.statuses
    with pytest.raises(ProcessLookupError):
        os.kill(step_pid, 0)
    assert [s["stepStatusCode"] for s in rec.resource["pipelineRunStepList"]] == ["CANCELLED"]


def test_bad_parameters_and_nas_fail_creation(tmp_path: Path) -> None:
    manifest = compile_to_text(failing, tmp_path)
    rec = Recorder(tmp_path, run_resource(manifest, {"x": "three"}))
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes == ["CREATE_IN_PROGRESS", "CREATE_FAILED"]
    assert "parameter 'x' (NUMBER_INTEGER)" in (rec.statuses[-1][1] or "")

    rec = Recorder(tmp_path / "b", run_resource(manifest, {}, nas=[{"mountDirName": "../up", "nasUri": "nas://n:/a"}]))
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes == ["CREATE_IN_PROGRESS", "CREATE_FAILED"]
    assert "nasList[0].mountDirName" in (rec.statuses[-1][1] or "")

    resource = run_resource(manifest, {})
    resource["pipelineSpecManifest"] = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
    rec = Recorder(tmp_path / "c", resource)
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes == ["CREATE_IN_PROGRESS", "CREATE_FAILED"]
    assert "Argo Workflow" in (rec.statuses[-1][1] or "")


def test_without_kfp_the_run_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = compile_to_text(failing, tmp_path)
    # The server process has no kfp.
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "kfp" else real_find_spec(name, *a),
    )
    rec = Recorder(tmp_path / "a", run_resource(manifest, {}))
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes == ["CREATE_IN_PROGRESS", "CREATE_FAILED"]
    assert INSTALL_HINT in (rec.statuses[-1][1] or "")
    monkeypatch.undo()

    # The interpreter that runs the steps has no kfp (a package that refuses to import stands in for it).
    blocker = tmp_path / "blocker" / "kfp"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('kfp is not available here')\n")
    rec = Recorder(
        tmp_path / "b", run_resource(manifest, {}), settings={"pipeline_step_env": {"PYTHONPATH": str(blocker.parent)}}
    )
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes[-1] == "CREATE_FAILED", rec.statuses
    assert INSTALL_HINT in (rec.statuses[-1][1] or "")


def test_missing_step_packages_are_named_instead_of_installed(tmp_path: Path) -> None:
    @dsl.component(base_image="python:3.11", packages_to_install=["surely-not-installed-pkg==1.0"])
    def needs_pkg() -> None:
        pass

    @dsl.pipeline(name="needs-pkg")
    def needs_pkg_pipeline() -> None:
        needs_pkg()

    manifest = compile_to_text(needs_pkg_pipeline, tmp_path)
    rec = Recorder(tmp_path, run_resource(manifest, {}))
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes[-1] == "FAIL_PIPELINE_RUN", rec.statuses
    reason = rec.statuses[-1][1] or ""
    assert "surely-not-installed-pkg==1.0" in reason and "allow_pip_install" in reason


def test_ir_rewrite_keeps_the_command_the_pip_script_would_run(tmp_path: Path) -> None:
    import yaml

    spec = yaml.safe_load(compile_to_text(two_step, tmp_path))
    before = spec["deploymentSpec"]["executors"]["exec-make-text"]["container"]["command"]
    rewritten, unmet = prepare_ir_for_local_run(spec, allow_pip_install=False)
    after = rewritten["deploymentSpec"]["executors"]["exec-make-text"]["container"]
    assert unmet == {}
    assert before[:2] == ["sh", "-c"] and "pip install" in before[2]
    assert after["command"] == before[3:]
    assert {"name": "EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME", "value": "make-text"} in after["env"]


def test_container_components_fail_with_a_clear_reason(tmp_path: Path) -> None:
    @dsl.container_component
    def echo_container() -> dsl.ContainerSpec:
        return dsl.ContainerSpec(image="alpine:3", command=["echo", "hello"])

    @dsl.pipeline(name="container")
    def container_pipeline() -> None:
        echo_container()

    manifest = compile_to_text(container_pipeline, tmp_path)
    rec = Recorder(tmp_path, run_resource(manifest, {}))
    PipelineRunRunner().run(rec.ctx)
    assert rec.codes[-2:] == ["FAIL_PIPELINE_RUN_IN_PROGRESS", "FAIL_PIPELINE_RUN"], rec.statuses
    reason = rec.statuses[-1][1] or ""
    assert "'echo-container'" in reason and "container components need a container runtime" in reason
    assert [s["stepStatusCode"] for s in rec.resource["pipelineRunStepList"]] == ["FAILED"]


def test_pip_requirements_and_the_allow_pip_install_setting(tmp_path: Path) -> None:
    import yaml

    @dsl.component(
        base_image="python:3.11",
        packages_to_install=["PyYAML>=5", "surely-not-installed-pkg"],
        pip_index_urls=["https://mirror.example/simple", "https://extra.example/simple"],
    )
    def with_packages() -> None:
        pass

    @dsl.pipeline(name="with-packages")
    def with_packages_pipeline() -> None:
        with_packages()

    text = compile_to_text(with_packages_pipeline, tmp_path)
    script = yaml.safe_load(text)["deploymentSpec"]["executors"]["exec-with-packages"]["container"]["command"][2]
    reqs = pipeline_module.pip_requirements(script)
    assert "PyYAML>=5" in reqs and "surely-not-installed-pkg" in reqs
    assert not any("example" in r for r in reqs)  # index URLs and trusted hosts are options, not requirements
    assert pipeline_module.unmet_requirements(reqs) == ["surely-not-installed-pkg"]
    assert pipeline_module.unmet_requirements(['typing-extensions>=3.7.4,<5; python_version<"3.9"']) == []

    refused, unmet = prepare_ir_for_local_run(yaml.safe_load(text), allow_pip_install=False)
    assert unmet == {"exec-with-packages": ["surely-not-installed-pkg"]}
    kept, unmet = prepare_ir_for_local_run(yaml.safe_load(text), allow_pip_install=True)
    assert unmet == {}
    command = kept["deploymentSpec"]["executors"]["exec-with-packages"]["container"]["command"]
    assert "pip install" in command[2]  # left for kfp to run, as the setting allows
