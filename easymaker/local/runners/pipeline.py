"""Pipeline runs on this machine: a compiled KFP v2 pipeline executed by kfp's local ``SubprocessRunner``.

How a run goes (``PipelineRunRunner.run``):

1. ``CREATE_IN_PROGRESS``: the manifest (``pipelineSpecManifest``, the IR YAML text) is validated with
   :func:`easymaker.local.runners.kfp_ir.validate_pipeline_spec`, ``parameterList`` is converted to the declared
   parameter types, and every ``nasList`` entry is mapped to a local folder (``ctx.uris.local_path``) that steps
   reach through the symlink ``<work_dir>/nas/<mountDirName>`` and the variable ``EM_NAS_<MOUNTDIRNAME>``
   (upper case, characters other than letters and digits become ``_``). Any problem here ends in ``CREATE_FAILED``
   with a reason naming the field; so does a missing ``kfp`` (the reason says ``pip install 'easymaker[pipelines]'``).
2. ``RUNNING``: a child Python process (``python -m easymaker.local.runners.pipeline <plan.json>``) started in its
   own session calls ``kfp.local.init(runner=SubprocessRunner(use_venv=False), pipeline_root=<work_dir>/artifacts)``,
   loads the IR with ``kfp.components.load_component_from_text`` and calls it with the parameters. Each step is a
   further subprocess started by kfp, in the same process group. The child's stdout/stderr go line by line to
   ``<work_dir>/logs/stdout.log`` / ``stderr.log`` and to ``ctx.log_sink``; kfp's own log lines
   (``Executing task 'x'``, ``Task 'x' finished with status ...``) are followed to keep ``pipelineRunStepList``.
3. Success: ``COMPLETE_IN_PROGRESS`` (step outputs are gathered from the artifacts folder) then ``COMPLETE``.
   A failed step: ``FAIL_PIPELINE_RUN_IN_PROGRESS`` then ``FAIL_PIPELINE_RUN`` with the step's name and the tail of
   its output (the Python traceback's last lines) as the reason. ``ctx.stop_event``: ``STOP_IN_PROGRESS``, SIGTERM
   to the whole process group, SIGKILL after ``stop_grace_seconds``, then ``STOPPED``.

The runtime ``pip install`` of lightweight components. The compiler prefixes each lightweight component's command
with ``sh -c '<ensure pip>; python3 -m pip install kfp==X ... && "$0" "$@"'``, which would reach the network on every
step. The child rewrites a copy of the IR before running it: when every requirement of that pip command is already
installed in the interpreter that runs the steps (any version: the IR pins the compiling SDK's kfp version, and the
executor protocol is stable across kfp 2.x), the three ``sh -c <script>`` items are dropped, which leaves exactly the
command the script would have executed (``"$0" "$@"`` is the rest of the list). When something is missing the run
fails with the missing requirements named, unless the server setting ``allow_pip_install`` is true, in which case the
pip step is kept. The rewritten copy is written to ``<work_dir>/pipeline.local.yaml``; the stored manifest is never
changed. A ``python3``/``python`` shim for the chosen interpreter is put first on ``PATH`` so steps run with it
whatever kfp version substitutes (or not) into the command.

Environment of every step: the server's environment, ``EM_PIPELINE_RUN_ID``, ``EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME``
(the component's task name), ``EM_NAS_<NAME>`` per mount, ``TMPDIR=<work_dir>/tmp``, plus the mapping in
``ctx.settings["pipeline_step_env"]`` (e.g. ``EM_PROFILE``/``EM_API_URL`` so steps can call EasyMaker Local).
"""

from __future__ import annotations

import collections
import importlib.util
import json
import logging
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import yaml

from easymaker.local import observe
from easymaker.local.runners import guard
from easymaker.local.runners.base import JobContext
from easymaker.local.runners.kfp_ir import bind_parameters, validate_pipeline_spec
from easymaker.local.runners.process_group import LogCapture

logger = logging.getLogger("easymaker.local.pipeline")

INSTALL_HINT = "pip install 'easymaker[pipelines]'"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_EXECUTING = re.compile(r"Executing task '(?P<name>[^']+)'")
_FINISHED = re.compile(r"Task '(?P<name>[^']+)' finished with status (?P<status>[A-Z_]+)")
_PACKAGE_ROOT = Path(__file__).resolve().parents[3]
_EXIT_KFP_MISSING = 3
_EXIT_PREPARE_FAILED = 4
_TAIL_LINES = 12
_MARKERS = re.compile(r"^[\^~ ]+$")
_REASON_MAX_CHARS = 2000


def _worth_keeping(line: str) -> bool:
    text = line.strip()
    # Skip blank lines, kfp's "Streamed logs:" header and the ^^^^ markers under traceback lines.
    return bool(text) and not text.startswith("Streamed logs") and not _MARKERS.match(text)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def nas_env_name(mount_dir_name: str) -> str:
    """The environment variable that holds the local folder of a NAS mount: ``EM_NAS_<MOUNTDIRNAME>``."""
    return "EM_NAS_" + re.sub(r"[^A-Za-z0-9]", "_", mount_dir_name).upper()


@dataclass
class StepState:
    name: str
    status: str = "RUNNING"  # RUNNING, SUCCEEDED, FAILED, CANCELLED
    started: datetime = field(default_factory=_now)
    finished: datetime | None = None
    tail: collections.deque[str] = field(default_factory=lambda: collections.deque(maxlen=_TAIL_LINES))
    output_parameters: dict[str, Any] = field(default_factory=dict)
    output_artifact_paths: list[str] = field(default_factory=list)

    def to_wire(self) -> dict[str, Any]:
        return {
            "stepName": self.name,
            "stepStatusCode": self.status,
            "startedDatetime": _iso(self.started),
            "finishedDatetime": _iso(self.finished) if self.finished else None,
            "outputParameters": dict(self.output_parameters),
            "outputArtifactPaths": list(self.output_artifact_paths),
        }


class StepTracker:
    """Follows kfp's local log lines to know which step runs, how each ended, and the tail of its output."""

    def __init__(self) -> None:
        self.steps: list[StepState] = []
        self._current: StepState | None = None
        self._lock = threading.Lock()

    def feed(self, line: str) -> bool:
        """Take one line of the child's stdout; return whether a step started or ended."""
        changed = False
        with self._lock:
            started = _EXECUTING.search(line)
            finished = _FINISHED.search(line) if started is None else None
            if started:
                self._current = StepState(started.group("name"))
                self.steps.append(self._current)
                changed = True
            elif finished:
                step = self._find(finished.group("name"))
                if step is not None:
                    step.status = "SUCCEEDED" if finished.group("status") == "SUCCESS" else "FAILED"
                    step.finished = _now()
                    changed = True
                self._current = None
            elif self._current is not None and _worth_keeping(line):
                self._current.tail.append(line.strip())
        return changed

    @property
    def current_name(self) -> str | None:
        """The step whose lines are being read (``None`` between steps)."""
        current = self._current
        return current.name if current is not None else None

    def _find(self, name: str) -> StepState | None:
        for step in reversed(self.steps):
            if step.name == name:
                return step
        return None

    def failed_step(self) -> StepState | None:
        with self._lock:
            for step in self.steps:
                if step.status == "FAILED":
                    return step
            return None

    def end_running(self, status: str = "CANCELLED") -> None:
        """Close the steps still marked running (the run was stopped, or failed around them)."""
        with self._lock:
            for step in self.steps:
                if step.status == "RUNNING":
                    step.status = status
                    step.finished = _now()

    def wire(self) -> list[dict[str, Any]]:
        with self._lock:
            return [s.to_wire() for s in self.steps]


class PipelineRunRunner:
    """Runs a ``pipeline_run`` resource with kfp's local subprocess runner (see the module docstring)."""

    kind = "pipeline_run"

    def __init__(
        self, *, python: str | None = None, stop_grace_seconds: float = 10.0, poll_seconds: float = 0.2
    ) -> None:
        self._python = python or sys.executable
        self._grace = stop_grace_seconds
        self._poll = poll_seconds

    def run(self, ctx: JobContext) -> None:
        ctx.set_status("CREATE_IN_PROGRESS", None)
        try:
            plan, env = self._prepare(ctx)
        except ValueError as exc:
            ctx.set_status("CREATE_FAILED", str(exc))
            return
        except OSError as exc:
            ctx.set_status("CREATE_FAILED", f"cannot prepare the run folder {ctx.work_dir}: {exc}")
            return
        if ctx.stop_event.is_set():
            ctx.set_status("STOPPED", "stopped before the run started")
            return
        self._execute(ctx, plan, env)

    # ----------------------------------------------------------------------------------------------- preparation

    def _prepare(self, ctx: JobContext) -> tuple[dict[str, Any], dict[str, str]]:
        res = ctx.resource
        manifest = res.get("pipelineSpecManifest")
        if not isinstance(manifest, str | bytes) or not manifest:
            raise ValueError("pipelineSpecManifest: the run has no pipeline manifest (IR YAML text)")
        info = validate_pipeline_spec(manifest)
        specs = res.get("pipelineParameterSpecList")
        if not isinstance(specs, list) or not specs:
            specs = info.parameters
        arguments = bind_parameters(specs, res.get("parameterList"))
        if self._python == sys.executable and importlib.util.find_spec("kfp") is None:
            raise ValueError(
                f"running pipelines needs the Kubeflow Pipelines SDK (kfp), which is not installed: {INSTALL_HINT}"
            )

        work = ctx.work_dir
        for sub in ("logs", "artifacts", "tmp", "nas", ".bin"):
            (work / sub).mkdir(parents=True, exist_ok=True)
        manifest_path = work / "pipeline.yaml"
        manifest_path.write_text(
            manifest if isinstance(manifest, str) else manifest.decode("utf-8-sig"), encoding="utf-8"
        )

        env = dict(os.environ)  # guard.spawn drops the server's token from it
        env.update({str(k): str(v) for k, v in (ctx.settings.get("pipeline_step_env") or {}).items()})
        if ctx.api_token:
            env["EM_TOKEN"] = ctx.api_token  # this run's own token: its appkey only, dies with the run
        env.update(self._mount_nas(ctx, res.get("nasList")))
        shim_dir = work / ".bin"
        for exe in ("python3", "python"):
            shim = shim_dir / exe
            shim.write_text(f'#!/bin/sh\nexec {shlex.quote(self._python)} "$@"\n', encoding="utf-8")
            shim.chmod(0o755)
        env["PATH"] = f"{shim_dir}{os.pathsep}{env.get('PATH', '')}"
        env["TMPDIR"] = str(work / "tmp")
        env["PYTHONUNBUFFERED"] = "1"
        # The child imports this module; make the package importable whether or not it is installed.
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p)
        env["EM_PIPELINE_RUN_ID"] = str(res.get("pipelineRunId") or ctx.job_id)

        plan = {
            "manifest_path": str(manifest_path),
            "local_manifest_path": str(work / "pipeline.local.yaml"),
            "pipeline_root": str(work / "artifacts"),
            "workspace_root": str(work / "tmp" / "kfp-workspace"),
            "result_path": str(work / "result.json"),
            "arguments": arguments,
            "allow_pip_install": bool(ctx.settings.get("allow_pip_install", False)),
            "pipeline_name": info.name,
        }
        (work / "plan.json").write_text(json.dumps(plan, indent=2, default=str), encoding="utf-8")
        return plan, env

    def _mount_nas(self, ctx: JobContext, nas_list: Any) -> dict[str, str]:
        if not nas_list:
            return {}
        if not isinstance(nas_list, list):
            raise ValueError("nasList must be an array of {mountDirName, nasUri}")
        env: dict[str, str] = {}
        seen: set[str] = set()
        for i, item in enumerate(nas_list):
            name = item.get("mountDirName") if isinstance(item, Mapping) else None
            uri = item.get("nasUri") if isinstance(item, Mapping) else None
            # Lengths and counts are checked by the API against the spec; here only what would break the folder.
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"nasList[{i}].mountDirName must be a non-empty folder name")
            if "/" in name or "\\" in name or name in (".", ".."):
                raise ValueError(f"nasList[{i}].mountDirName {name!r} must be a plain folder name")
            if name in seen:
                raise ValueError(f"nasList[{i}].mountDirName {name!r} is used twice")
            seen.add(name)
            if not isinstance(uri, str) or not uri.startswith("nas://"):
                raise ValueError(f"nasList[{i}].nasUri must be a nas:// URI, got {uri!r}")
            local = ctx.uris.local_path(uri)
            if local is None:
                raise ValueError(f"nasList[{i}].nasUri {uri!r} does not map to a local folder")
            local.mkdir(parents=True, exist_ok=True)
            link = ctx.work_dir / "nas" / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(local.resolve(), target_is_directory=True)
            env[nas_env_name(name)] = str(link)
        return env

    # ------------------------------------------------------------------------------------------------- execution

    def _execute(self, ctx: JobContext, plan: dict[str, Any], env: dict[str, str]) -> None:
        work = ctx.work_dir
        tracker = StepTracker()
        started = _now()
        stderr_tail: collections.deque[str] = collections.deque(maxlen=_TAIL_LINES)
        try:
            proc = guard.spawn(
                [self._python, "-m", "easymaker.local.runners.pipeline", str(work / "plan.json")],
                cwd=str(work),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                job=ctx.job_id,
            )
        except OSError as exc:
            ctx.set_status("CREATE_FAILED", f"cannot start the pipeline process with {self._python}: {exc}")
            return
        ctx.update({"startedDatetime": _iso(started), "pipelineRunStepList": []})
        ctx.set_status("RUNNING", None)
        lines: queue.Queue[tuple[str, str]] = queue.Queue()
        capture = LogCapture(work / "logs")
        readers = [
            _reader(proc.stdout, capture, "stdout", lines),
            _reader(proc.stderr, capture, "stderr", lines),
        ]

        def drain() -> None:
            # Every ctx call happens on this thread: the context's store need not be thread-safe.
            changed = False
            while True:
                try:
                    stream, line = lines.get_nowait()
                except queue.Empty:
                    break
                before = tracker.current_name
                if stream == "stdout":
                    changed = tracker.feed(line) or changed
                else:
                    stderr_tail.append(line)
                step = tracker.current_name or before
                if step:
                    _write_step_line(work, step, line)
                try:
                    ctx.log_sink(stream, line)
                except Exception:  # a broken sink must not stop the run
                    logger.exception("pipeline run %s: log sink failed", ctx.job_id)
            if changed:
                ctx.update({"pipelineRunStepList": tracker.wire()})

        stopped = False
        try:
            while proc.poll() is None:
                drain()
                if ctx.stop_event.wait(self._poll):
                    stopped = True
                    ctx.set_status("STOP_IN_PROGRESS", None)
                    self._kill_group(proc)
                    break
            rc = proc.wait()
        finally:
            # Whatever happens here (a failing callback included), no process of the run outlives it.
            _kill_leftovers(proc.pid)
            proc.release()
        for reader in readers:
            reader.join(timeout=5)
        capture.close()
        drain()
        finished = _now()
        times = {"finishedDatetime": _iso(finished), "elapsedTimeSeconds": int((finished - started).total_seconds())}

        if stopped:
            tracker.end_running("CANCELLED")
            ctx.update({**times, "pipelineRunStepList": tracker.wire()})
            ctx.set_status("STOPPED", None)
            return
        result = _read_result(Path(plan["result_path"]))
        if rc == 0 and result.get("ok"):
            ctx.set_status("COMPLETE_IN_PROGRESS", None)
            _collect_step_outputs(Path(plan["pipeline_root"]), tracker.steps)
            ctx.update(
                {**times, "pipelineRunStepList": tracker.wire(), "pipelineRunOutputs": result.get("outputs") or {}}
            )
            ctx.set_status("COMPLETE", None)
            return
        if rc == _EXIT_KFP_MISSING:
            ctx.update(times)
            ctx.set_status("CREATE_FAILED", str(result.get("error") or f"kfp is not installed: {INSTALL_HINT}"))
            return
        ctx.set_status("FAIL_PIPELINE_RUN_IN_PROGRESS", None)
        reason = _failure_reason(tracker, result, rc, list(stderr_tail))
        _collect_step_outputs(Path(plan["pipeline_root"]), tracker.steps)
        ctx.update({**times, "pipelineRunStepList": tracker.wire()})
        ctx.set_status("FAIL_PIPELINE_RUN", reason)

    def _kill_group(self, proc: subprocess.Popen[bytes]) -> None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + self._grace
        while time.monotonic() < deadline:
            proc.poll()
            if not _group_alive(proc.pid) and proc.returncode is not None:
                return
            time.sleep(0.05)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _kill_leftovers(pgid: int) -> None:
    # Steps may leave background processes; they belong to the run and end with it.
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _reader(
    stream: IO[bytes] | None, capture: LogCapture, name: str, lines: queue.Queue[tuple[str, str]]
) -> threading.Thread:
    def pump() -> None:
        if stream is None:
            return
        for raw in iter(stream.readline, b""):
            line = _ANSI.sub("", raw.decode("utf-8", errors="replace")).rstrip("\r\n")
            capture.write(name, line)
            lines.put((name, line))
        stream.close()

    thread = threading.Thread(target=pump, name=f"pipeline-log-{name}", daemon=True)
    thread.start()
    return thread


def _write_step_line(work: Path, step: str, line: str) -> None:
    """Append a line of the run's output to the log of the step it belongs to (``logs/steps/<step>.log``)."""
    try:
        observe.append_line(work / "logs" / "steps" / observe.step_log_name(step), line)
    except OSError as exc:
        logger.warning("cannot write the log of step %s: %s", step, exc)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _read_result(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _failure_reason(tracker: StepTracker, result: Mapping[str, Any], rc: int, stderr_tail: Sequence[str]) -> str:
    """The failing step's name and the tail of its output; else the error that stopped kfp around a step."""
    step = tracker.failed_step()
    if step is not None:
        tail = "\n".join(step.tail)
        reason = f"pipeline step {step.name!r} failed:\n{tail}" if tail else f"pipeline step {step.name!r} failed"
    else:
        detail = str(result.get("error") or "\n".join(stderr_tail) or f"exit code {rc}")
        if "Lightweight Python Components" in detail:
            detail += (
                " (EasyMaker Local runs lightweight Python components, @dsl.component, in subprocesses; "
                "container components need a container runtime)"
            )
        running = [s.name for s in tracker.steps if s.status == "RUNNING"]
        if running:
            reason = f"pipeline step {running[-1]!r} failed: {detail}"
        else:
            reason = f"pipeline run failed: {detail}"
    tracker.end_running("FAILED")
    if len(reason) > _REASON_MAX_CHARS:
        reason = reason[:200] + "\n...\n" + reason[-(_REASON_MAX_CHARS - 210) :]
    return reason


def _collect_step_outputs(pipeline_root: Path, steps: Sequence[StepState]) -> None:
    if not pipeline_root.is_dir():
        return
    runs = sorted(
        (p for p in pipeline_root.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
    )
    if not runs:
        return
    run_dir = runs[-1]
    for step in steps:
        task_dir = run_dir / step.name
        if not task_dir.is_dir():
            continue
        executor_output = task_dir / "executor_output.json"
        if executor_output.is_file():
            try:
                data = json.loads(executor_output.read_text(encoding="utf-8"))
                step.output_parameters = dict(data.get("parameterValues") or {})
            except (OSError, ValueError, AttributeError):
                pass
        step.output_artifact_paths = sorted(str(p) for p in task_dir.rglob("*") if p.is_file() and p != executor_output)


# ------------------------------------------------------------------------------------------- IR rewrite (child side)

_PIP_COMMAND = re.compile(r"-m\s+pip\s+install\s+(?P<args>[^&\n]*)")
_OPTIONS_WITH_VALUE = {
    "-i",
    "--index-url",
    "--extra-index-url",
    "--trusted-host",
    "-f",
    "--find-links",
    "-c",
    "--constraint",
    "--target",
    "-t",
    "--prefix",
    "--root",
    "--platform",
    "--python-version",
}


def pip_requirements(script: str) -> list[str]:
    """The requirement strings of every ``pip install`` in a component's install script."""
    found: list[str] = []
    for match in _PIP_COMMAND.finditer(script):
        try:
            tokens = shlex.split(match.group("args"))
        except ValueError:
            tokens = match.group("args").split()
        skip = False
        for token in tokens:
            if skip:
                skip = False
                continue
            if token.startswith("-"):
                skip = token in _OPTIONS_WITH_VALUE
                continue
            found.append(token)
    return found


def unmet_requirements(requirements: Sequence[str]) -> list[str]:
    """Requirements not installed in this interpreter (any version counts; markers are honoured)."""
    from importlib import metadata

    unmet: list[str] = []
    for text in requirements:
        name: str | None
        try:
            from packaging.requirements import InvalidRequirement, Requirement

            try:
                req = Requirement(text)
            except InvalidRequirement:
                unmet.append(text)  # a path, URL or VCS reference cannot be checked offline
                continue
            if req.marker is not None and not req.marker.evaluate():
                continue
            name = req.name
        except ImportError:
            m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", text)
            name = m.group(1) if m else None
            if ";" in text:  # without packaging, markers cannot be evaluated; they only narrow installs
                continue
        if name is None:
            unmet.append(text)
            continue
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            unmet.append(text)
    return unmet


def prepare_ir_for_local_run(
    spec: dict[str, Any], *, allow_pip_install: bool
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Rewrite (in place) each executor so it runs here; return the spec and the unmet requirements per executor.

    The ``sh -c '<pip install ...> && "$0" "$@"'`` prefix is dropped when its requirements are installed. With unmet
    requirements it is kept only when ``allow_pip_install``; otherwise the executor is reported in the result.
    Every executor also gets ``EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME`` (its component's task name) in its env.
    """
    executors = spec.get("deploymentSpec", {}).get("executors", {})
    task_name_of_executor: dict[str, str] = {}
    for comp_name, comp in (spec.get("components") or {}).items():
        label = comp.get("executorLabel") if isinstance(comp, dict) else None
        if label and label not in task_name_of_executor:
            task_name_of_executor[label] = comp_name[len("comp-") :] if comp_name.startswith("comp-") else comp_name
    unmet_by_executor: dict[str, list[str]] = {}
    for label, executor in executors.items():
        container = executor.get("container") if isinstance(executor, dict) else None
        if not isinstance(container, dict):
            continue
        command = list(container.get("command") or [])
        if len(command) >= 4 and command[:2] == ["sh", "-c"] and "pip install" in command[2]:
            script = command[2]
            if script.rstrip().endswith('"$0" "$@"'):
                unmet = unmet_requirements(pip_requirements(script))
                if not unmet:
                    container["command"] = command[3:]
                elif not allow_pip_install:
                    unmet_by_executor[label] = unmet
        env = [e for e in container.get("env") or [] if e.get("name") != "EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME"]
        env.append({"name": "EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME", "value": task_name_of_executor.get(label, label)})
        container["env"] = env
    return spec, unmet_by_executor


# ------------------------------------------------------------------------------------------------------ child side


def _to_jsonable(value: Any) -> Any:
    uri = getattr(value, "uri", None)
    if uri is not None:
        return {"uri": str(uri), "path": str(getattr(value, "path", uri))}
    if isinstance(value, dict):
        return {str(k): _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _write_result(path: str, data: Mapping[str, Any]) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, default=str)
    os.replace(tmp, path)


def child_main(argv: Sequence[str]) -> int:
    """Entry point of the child process: run one pipeline described by the plan file ``argv[0]``."""
    plan = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    result_path = str(plan["result_path"])
    try:
        from kfp import components, local
    except ImportError as exc:
        message = f"running pipelines needs the Kubeflow Pipelines SDK (kfp): {exc}. Install it with {INSTALL_HINT}"
        sys.stderr.write(message + "\n")
        _write_result(result_path, {"ok": False, "error": message})
        return _EXIT_KFP_MISSING

    spec = yaml.safe_load(Path(plan["manifest_path"]).read_text(encoding="utf-8"))
    spec, unmet = prepare_ir_for_local_run(spec, allow_pip_install=bool(plan.get("allow_pip_install")))
    Path(plan["local_manifest_path"]).write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    if unmet:
        details = "; ".join(f"{label}: {', '.join(reqs)}" for label, reqs in sorted(unmet.items()))
        message = (
            f"pipeline steps need packages that are not installed and EasyMaker Local does not pip install at run "
            f"time ({details}). Install them into the EasyMaker Local environment, or enable allow_pip_install"
        )
        sys.stderr.write(message + "\n")
        _write_result(result_path, {"ok": False, "error": message})
        return _EXIT_PREPARE_FAILED

    init_kwargs: dict[str, Any] = {
        "runner": local.SubprocessRunner(use_venv=False),
        "pipeline_root": plan["pipeline_root"],
        "raise_on_error": True,
    }
    try:
        import inspect

        if "workspace_root" in inspect.signature(local.init).parameters:
            Path(plan["workspace_root"]).mkdir(parents=True, exist_ok=True)
            init_kwargs["workspace_root"] = plan["workspace_root"]
    except (TypeError, ValueError):
        pass
    local.init(**init_kwargs)
    try:
        component = components.load_component_from_text(yaml.safe_dump(spec, sort_keys=False))
        task = component(**plan["arguments"])
    except Exception as exc:
        message = _ANSI.sub("", f"{type(exc).__name__}: {exc}")
        sys.stderr.write(message + "\n")
        _write_result(result_path, {"ok": False, "error": message})
        return 1
    outputs: Any = {}
    try:
        outputs = _to_jsonable(dict(getattr(task, "outputs", {}) or {}))
    except Exception:  # outputs are informative only
        outputs = {}
    _write_result(result_path, {"ok": True, "outputs": outputs})
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
