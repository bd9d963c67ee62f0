"""The training runner of EasyMaker Local: runs the user's entry point under the EasyMaker training contract.

Flow (statuses in brackets): fetch the source directory, datasets and input checkpoint [CREATE_IN_PROGRESS];
optionally pip-install ``requirements.txt``, run the entry point (one process, torchrun, or one process per
distributed node) [RUNNING]; upload ``EM_MODEL_DIR`` / ``EM_CHECKPOINT_DIR`` [COMPLETE_IN_PROGRESS] → COMPLETE.
Failures end in CREATE_FAILED (inputs) or FAIL_TRAIN (the run), a stop in STOPPED; each with a reason.

The helpers here (:func:`fetch_training_inputs`, :func:`plan_launch`, :func:`upload_outputs`, ...) are shared with
the tuning runner, where every trial is one training run.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from easymaker.local import observe
from easymaker.local.runners import process_group
from easymaker.local.runners.base import JobContext, UriResolver
from easymaker.local.runners.process_group import LogCapture, ProcessSpec

logger = logging.getLogger("easymaker.local.training")

DEFAULT_TIMEOUT_MINUTES = 43200.0  # the service default: 720 hours
DEFAULT_STOP_GRACE_SECONDS = 10.0
MAX_INSTANCE_COUNT = 10


class TrainingInputError(Exception):
    """Inputs could not be prepared (download, missing entry point, unsupported option): the job cannot start."""


class LaunchError(Exception):
    """The entry point cannot be launched as requested (e.g. torchrun without torch)."""


# -- small parsing helpers ---------------------------------------------------------------------------------------


def env_key(name: str) -> str:
    """Upper-case ``name`` and replace every character that is not a letter, digit or ``_`` with ``_``."""
    return re.sub(r"[^A-Z0-9_]", "_", name.upper())


def safe_dir_name(name: str) -> str:
    """A folder name for a dataset: keeps letters, digits, ``-``, ``_`` and ``.``; never empty or a dot-name."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "_", name).strip(".")
    return cleaned or "_"


def hyperparameter_pairs(items: Iterable[Mapping[str, Any]] | None) -> list[tuple[str, str]]:
    """``[{parameterName, parameterValue}]`` → ``[(name, value-as-string)]`` keeping order."""
    pairs: list[tuple[str, str]] = []
    for i, item in enumerate(items or []):
        name = item.get("parameterName")
        if not name:
            raise TrainingInputError(f"hyperparameterList[{i}].parameterName is required")
        value = item.get("parameterValue")
        pairs.append((str(name), "" if value is None else _value_string(value)))
    return pairs


def _value_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _int_field(resource: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    raw = resource.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise TrainingInputError(f"{key} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise TrainingInputError(f"{key} must be between {low} and {high}, got {value}")
    return value


def timeout_seconds(resource: Mapping[str, Any], settings: Mapping[str, Any]) -> float:
    """The job's time limit: ``settings["timeout_seconds_override"]`` if given, else ``timeoutMinutes`` × 60.

    ``timeoutMinutes`` is read as a float so fractions of a minute work too; default 43200 (720 hours).
    """
    override = settings.get("timeout_seconds_override")
    if override is not None:
        return float(override)
    raw = resource.get("timeoutMinutes")
    minutes = DEFAULT_TIMEOUT_MINUTES if raw in (None, "") else float(raw)
    if minutes <= 0:
        raise TrainingInputError(f"timeoutMinutes must be positive, got {raw!r}")
    return minutes * 60.0


def timeout_reason(seconds: float) -> str:
    minutes = seconds / 60.0
    shown = f"{minutes:g}" if minutes >= 1 or seconds % 60 == 0 else f"{minutes:.3g}"
    return f"timeout after {shown} minutes"


def stop_grace_seconds(settings: Mapping[str, Any]) -> float:
    return float(settings.get("stop_grace_seconds", DEFAULT_STOP_GRACE_SECONDS))


def region_of(settings: Mapping[str, Any]) -> str:
    return str(settings.get("region") or "local")


def algorithm_name(resource: Mapping[str, Any]) -> str | None:
    """The NHN-provided algorithm the resource asks for, if any (those cannot run locally)."""
    algo = resource.get("algorithm")
    if isinstance(algo, Mapping) and any(algo.get(k) for k in ("algorithmId", "algorithmName")):
        return str(algo.get("algorithmName") or algo.get("algorithmId"))
    if isinstance(algo, str) and algo:
        return algo
    if resource.get("algorithmId"):
        return str(resource["algorithmId"])
    return None


def join_uri(base: str, *parts: str) -> str:
    """``join_uri("obs://h/v1/AUTH_x/c/out/", "t1")`` → ``"obs://h/v1/AUTH_x/c/out/t1/"``."""
    uri = base.rstrip("/")
    for part in parts:
        uri += "/" + part.strip("/")
    return uri + "/"


# -- inputs ------------------------------------------------------------------------------------------------------


@dataclass
class TrainingInputs:
    """Local folders holding what the entry point reads."""

    source_dir: Path
    entry_point: str
    datasets: dict[str, Path]  # dataset name -> folder
    checkpoint_input_dir: Path


def _materialize(uris: UriResolver, uri: str, dest: Path, what: str) -> Path:
    """A local folder holding ``uri``: the mapped folder itself for ``nas://``, else a fresh copy in ``dest``."""
    local = uris.local_path(uri)
    if local is not None:
        if not local.exists():
            raise TrainingInputError(f"{what} {uri} does not exist (local folder {local})")
        return local
    if dest.exists():
        shutil.rmtree(dest)  # a copy made by an earlier attempt of this job; the source of truth is the URI
    dest.mkdir(parents=True)
    try:
        return uris.fetch(uri, dest)
    except FileNotFoundError as e:
        raise TrainingInputError(f"{what} {uri} not found: {e}") from e
    except Exception as e:
        raise TrainingInputError(f"downloading {what} {uri} failed: {type(e).__name__}: {e}") from e


def fetch_training_inputs(
    resource: Mapping[str, Any], uris: UriResolver, work_dir: Path, stop_event: threading.Event | None = None
) -> TrainingInputs:
    """Download (or map, for ``nas://``) the source directory, every dataset and the input checkpoint.

    Raises :class:`TrainingInputError` with a message naming the field and URI when something is missing.
    Returns early with what it has when ``stop_event`` gets set (the caller checks the event).
    """
    name = algorithm_name(resource)
    if name:
        raise TrainingInputError(
            f"NHN-provided algorithm {name!r} is not available on EasyMaker Local (it runs on NHN Cloud AI "
            "EasyMaker only); use your own algorithm (sourceDirUri + entryPoint)"
        )
    source_uri = resource.get("sourceDirUri")
    entry_point = resource.get("entryPoint")
    if not source_uri:
        raise TrainingInputError("sourceDirUri is required (the folder holding the training code)")
    if not entry_point:
        raise TrainingInputError("entryPoint is required (the script file inside sourceDirUri)")
    entry_point = str(entry_point)
    datasets_in = resource.get("datasetList") or []
    if len(datasets_in) > 10:
        raise TrainingInputError(f"datasetList may hold at most 10 datasets, got {len(datasets_in)}")

    source_dir = _materialize(uris, str(source_uri), work_dir / "source", "sourceDirUri")
    entry_path = (source_dir / entry_point).resolve()
    if not entry_path.is_file() or not entry_path.is_relative_to(source_dir.resolve()):
        raise TrainingInputError(f"entryPoint {entry_point!r} not found in sourceDirUri {source_uri}")

    datasets: dict[str, Path] = {}
    for i, item in enumerate(datasets_in):
        if stop_event is not None and stop_event.is_set():
            break
        ds_name, data_uri = item.get("datasetName"), item.get("dataUri")
        if not ds_name or not data_uri:
            raise TrainingInputError(f"datasetList[{i}] needs datasetName and dataUri, got {dict(item)!r}")
        if ds_name in datasets:
            raise TrainingInputError(f"datasetList[{i}]: dataset name {ds_name!r} is used twice")
        datasets[str(ds_name)] = _materialize(
            uris, str(data_uri), work_dir / "datasets" / safe_dir_name(str(ds_name)), f"dataset {ds_name!r}"
        )

    ckpt_uri = resource.get("checkPointInputUri")
    if ckpt_uri and not (stop_event is not None and stop_event.is_set()):
        ckpt_dir = _materialize(uris, str(ckpt_uri), work_dir / "checkpoint_input", "checkPointInputUri")
    else:
        ckpt_dir = work_dir / "checkpoint_input"
        ckpt_dir.mkdir(parents=True, exist_ok=True)
    return TrainingInputs(
        source_dir=source_dir, entry_point=entry_point, datasets=datasets, checkpoint_input_dir=ckpt_dir
    )


# -- launch ------------------------------------------------------------------------------------------------------


@dataclass
class LaunchPlan:
    """The processes of one training run and the folders they write."""

    specs: list[ProcessSpec]
    model_dir: Path
    checkpoint_dir: Path
    tensorboard_dir: Path
    log_dir: Path


def training_environment(
    inputs: TrainingInputs,
    *,
    model_dir: Path,
    checkpoint_dir: Path,
    tensorboard_dir: Path,
    hyperparameters: Sequence[tuple[str, str]],
    appkey: str,
    region: str,
    base_env: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment of the entry point: ``base_env`` (default ``os.environ``) plus the ``EM_*`` contract."""
    env = dict(os.environ if base_env is None else base_env)
    env.setdefault("PYTHONUNBUFFERED", "1")  # metrics and logs must arrive line by line, not at exit
    env["EM_SOURCE_DIR"] = str(inputs.source_dir)
    env["EM_ENTRY_POINT"] = inputs.entry_point
    for name, path in inputs.datasets.items():
        env[f"EM_DATASET_{env_key(name)}"] = str(path)
    env["EM_DATASETS"] = json.dumps({name: str(path) for name, path in inputs.datasets.items()})
    env["EM_MODEL_DIR"] = str(model_dir)
    env["EM_CHECKPOINT_INPUT_DIR"] = str(inputs.checkpoint_input_dir)
    env["EM_CHECKPOINT_DIR"] = str(checkpoint_dir)
    for key, value in hyperparameters:
        env[f"EM_HP_{env_key(key)}"] = value
    env["EM_HPS"] = json.dumps(dict(hyperparameters))
    env["EM_TENSORBOARD_LOG_DIR"] = str(tensorboard_dir)
    env["EM_REGION"] = region
    env["EM_APPKEY"] = appkey
    return env


def hyperparameter_args(hyperparameters: Sequence[tuple[str, str]]) -> list[str]:
    """``[("lr", "0.1")]`` → ``["--lr", "0.1"]``."""
    args: list[str] = []
    for key, value in hyperparameters:
        args += [f"--{key}", value]
    return args


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def plan_launch(
    resource: Mapping[str, Any],
    inputs: TrainingInputs,
    run_dir: Path,
    hyperparameters: Sequence[tuple[str, str]],
    *,
    appkey: str,
    region: str,
    python: str | None = None,
    base_env: Mapping[str, str] | None = None,
    has_torch: bool | None = None,
) -> LaunchPlan:
    """Build the process specs for one run of the entry point; output folders are created under ``run_dir``.

    - default: one process ``python <entryPoint> --k v ...``;
    - ``instanceCount`` N > 1: N processes with ``RANK``/``WORLD_SIZE``/``LOCAL_RANK``/``LOCAL_WORLD_SIZE``/
      ``MASTER_ADDR``/``MASTER_PORT`` and ``TF_CONFIG`` (a worker cluster on 127.0.0.1);
    - ``useTorchrun``: ``python -m torch.distributed.run --nproc_per_node P --nnodes N ...``, one launcher per node.
    """
    python = python or sys.executable
    nodes = _int_field(resource, "instanceCount", 1, 1, MAX_INSTANCE_COUNT)
    model_dir = run_dir / "model"
    checkpoint_dir = run_dir / "checkpoint"
    tensorboard_dir = run_dir / "tensorboard"
    log_dir = run_dir / "logs"
    for d in (model_dir, checkpoint_dir, tensorboard_dir, log_dir):
        d.mkdir(parents=True, exist_ok=True)
    env = training_environment(
        inputs,
        model_dir=model_dir,
        checkpoint_dir=checkpoint_dir,
        tensorboard_dir=tensorboard_dir,
        hyperparameters=hyperparameters,
        appkey=appkey,
        region=region,
        base_env=base_env,
    )
    env[observe.METRICS_ENV] = str(log_dir / observe.METRICS_FILE)  # easymaker.log_metrics records here
    script_args = [inputs.entry_point, *hyperparameter_args(hyperparameters)]
    cwd = inputs.source_dir
    specs: list[ProcessSpec] = []

    if resource.get("useTorchrun"):
        if not (torch_available() if has_torch is None else has_torch):
            raise LaunchError("torchrun requested but torch is not installed")
        nproc = _int_field(resource, "nprocPerNode", 1, 1, os.cpu_count() or 1024) or 1
        port = process_group.free_port()
        for node in range(nodes):
            argv = [python, "-m", "torch.distributed.run", "--nproc_per_node", str(nproc), "--nnodes", str(nodes)]
            if nodes > 1:
                argv += ["--node_rank", str(node)]
            argv += ["--master_addr", "127.0.0.1", "--master_port", str(port), *script_args]
            specs.append(ProcessSpec(argv, cwd, env, label=f"node {node}" if nodes > 1 else ""))
    elif nodes == 1:
        specs.append(ProcessSpec([python, *script_args], cwd, env))
    else:
        ports = process_group.free_ports(nodes + 1)
        master_port, worker_ports = ports[0], ports[1:]
        workers = [f"127.0.0.1:{p}" for p in worker_ports]
        for rank in range(nodes):
            worker_env = dict(env)
            worker_env.update(
                RANK=str(rank),
                WORLD_SIZE=str(nodes),
                LOCAL_RANK=str(rank),
                LOCAL_WORLD_SIZE=str(nodes),
                MASTER_ADDR="127.0.0.1",
                MASTER_PORT=str(master_port),
                TF_CONFIG=json.dumps({"cluster": {"worker": workers}, "task": {"type": "worker", "index": rank}}),
            )
            specs.append(ProcessSpec([python, *script_args], cwd, worker_env, label=f"rank {rank}"))
    return LaunchPlan(specs, model_dir, checkpoint_dir, tensorboard_dir, log_dir)


def install_requirements(
    source_dir: Path,
    entry_point: str,
    capture: LogCapture,
    *,
    allowed: bool,
    python: str | None = None,
    stop_event: threading.Event | None = None,
    deadline: float | None = None,
    grace_seconds: float = DEFAULT_STOP_GRACE_SECONDS,
    on_outcome: Callable[[str], None] | None = None,
) -> process_group.GroupResult | None:
    """pip-install the ``requirements.txt`` beside the entry point, if there is one and installing is allowed.

    Returns ``None`` when nothing was run (no file, or not allowed: a line saying so goes to the job's log).
    """
    req = (source_dir / entry_point).parent / "requirements.txt"
    if not req.is_file():
        return None
    if not allowed:
        msg = (
            f"requirements.txt found ({req.name}) but not installed: this EasyMaker Local server does not allow "
            "pip installs (setting allow_pip_install); the entry point runs with the packages already installed"
        )
        logger.info(msg)
        capture.write("stderr", f"[easymaker] {msg}")
        return None
    capture.write("stdout", f"[easymaker] installing {req.name} with pip")
    spec = ProcessSpec(
        [python or sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-r", str(req)],
        req.parent,
        dict(os.environ),
    )
    return process_group.run_process_group(
        [spec], capture, stop_event=stop_event, deadline=deadline, grace_seconds=grace_seconds, on_outcome=on_outcome
    )


def upload_outputs(
    uris: UriResolver,
    model_dir: Path,
    checkpoint_dir: Path,
    model_upload_uri: str | None,
    checkpoint_upload_uri: str | None,
) -> tuple[int, int]:
    """Publish the model folder (and the checkpoint folder when a checkpoint URI is set); return file counts."""
    n_model = n_ckpt = 0
    if model_upload_uri:
        n_model = uris.publish(model_dir, model_upload_uri)
    if checkpoint_upload_uri and any(checkpoint_dir.iterdir()):
        n_ckpt = uris.publish(checkpoint_dir, checkpoint_upload_uri)
    return n_model, n_ckpt


def failure_reason(result: process_group.GroupResult) -> str:
    """``"entry point failed with exit code 1: <stderr tail>"`` (with the rank when several processes ran)."""
    idx = result.failed_index if result.failed_index is not None else 0
    who = "entry point" if len(result.returncodes) == 1 else f"entry point (rank {idx})"
    code = result.returncodes[idx] if result.returncodes else None
    reason = f"{who} failed with {process_group.describe_exit(code)}"
    if result.stderr_tail:
        reason += ": " + result.stderr_tail
    return reason


def artifact_uri_for_model(resource_kind: str, resource: Mapping[str, Any]) -> str:
    """Where the model files of a COMPLETE training or tuning are, for creating a Model from it.

    Training: its ``modelUploadUri``. Tuning: the optimal trial's sub-path ``<modelUploadUri>/<trialId>/``.
    Raises ``ValueError`` naming what is missing.
    """
    kind = resource_kind.lower().replace("-", "_")
    if kind in ("training", "trainings"):
        uri = resource.get("modelUploadUri")
        if not uri:
            raise ValueError("the training has no modelUploadUri, so it has no model artifact")
        return str(uri)
    if kind in ("hyperparameter_tuning", "hyperparameter_tunings", "hyperparametertuning"):
        uri = resource.get("modelUploadUri")
        trial_id = resource.get("optimalTrialId") or (resource.get("optimalTrial") or {}).get("trialId")
        if not uri:
            raise ValueError("the hyperparameter tuning has no modelUploadUri, so it has no model artifact")
        if not trial_id:
            raise ValueError("the hyperparameter tuning has no optimal trial (no trial succeeded)")
        return join_uri(str(uri), str(trial_id))
    raise ValueError(f"resource_kind must be 'training' or 'hyperparameter_tuning', got {resource_kind!r}")


def _announce_ending(ctx: JobContext, outcome: str) -> None:
    """Publish the clean-up status while the processes are being terminated."""
    if outcome == process_group.STOPPED:
        ctx.set_status("STOP_IN_PROGRESS", None)


# -- the runner --------------------------------------------------------------------------------------------------


class TrainingRunner:
    """Runs a training resource (kind ``"training"``).

    ``python`` is the interpreter for the entry point (default: the running one, ``sys.executable``).
    """

    kind = "training"

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable

    def run(self, ctx: JobContext) -> None:
        started = time.monotonic()
        res = ctx.resource
        grace = stop_grace_seconds(ctx.settings)
        ctx.set_status("CREATE_IN_PROGRESS", None)
        try:
            limit = timeout_seconds(res, ctx.settings)
            deadline = started + limit
            hps = hyperparameter_pairs(res.get("hyperparameterList"))
            if len(hps) > 100:
                raise TrainingInputError(f"hyperparameterList may hold at most 100 entries, got {len(hps)}")
            inputs = fetch_training_inputs(res, ctx.uris, ctx.work_dir, ctx.stop_event)
            if ctx.stop_event.is_set():
                self._stopped(ctx)
                return
            plan = plan_launch(
                res,
                inputs,
                ctx.work_dir,
                hps,
                appkey=ctx.appkey,
                region=region_of(ctx.settings),
                python=self.python,
            )
        except (TrainingInputError, LaunchError) as e:
            logger.info("training %s cannot start: %s", ctx.job_id, e)
            ctx.set_status("CREATE_FAILED", str(e))
            return
        except Exception as e:  # anything unexpected still leaves the resource in a terminal status
            logger.exception("training %s: preparing inputs failed", ctx.job_id)
            ctx.set_status("CREATE_FAILED", f"preparing the training failed: {type(e).__name__}: {e}")
            return

        use_log = bool(res.get("useLog"))
        with LogCapture(plan.log_dir, ctx.log_sink if use_log else None) as capture:
            ctx.set_status("RUNNING", None)
            run_started = time.monotonic()
            try:
                pip = install_requirements(
                    inputs.source_dir,
                    inputs.entry_point,
                    capture,
                    allowed=bool(ctx.settings.get("allow_pip_install")),
                    python=self.python,
                    stop_event=ctx.stop_event,
                    deadline=deadline,
                    grace_seconds=grace,
                    on_outcome=lambda outcome: _announce_ending(ctx, outcome),
                )
                if pip is not None and not pip.ok:
                    self._ended_early(ctx, pip, limit, run_started, what="pip install -r requirements.txt")
                    return
                result = process_group.run_process_group(
                    plan.specs,
                    capture,
                    stop_event=ctx.stop_event,
                    deadline=deadline,
                    grace_seconds=grace,
                    on_outcome=lambda outcome: _announce_ending(ctx, outcome),
                )
            except OSError as e:
                self._fail(ctx, f"could not start the entry point: {e}", run_started)
                return
            if not result.ok:
                self._ended_early(ctx, result, limit, run_started, what=None)
                return

        ctx.set_status("COMPLETE_IN_PROGRESS", None)
        try:
            n_model, _ = upload_outputs(
                ctx.uris, plan.model_dir, plan.checkpoint_dir, res.get("modelUploadUri"), res.get("checkPointUploadUri")
            )
        except Exception as e:
            logger.exception("training %s: upload failed", ctx.job_id)
            self._fail(ctx, f"uploading the outputs failed: {type(e).__name__}: {e}", run_started)
            return
        if n_model == 0:
            logger.warning("training %s: the entry point wrote nothing to EM_MODEL_DIR", ctx.job_id)
        ctx.update({"elapsedTimeSeconds": int(round(time.monotonic() - run_started))})
        ctx.set_status("COMPLETE", None)

    # -- endings -----------------------------------------------------------------------------------------------

    def _ended_early(
        self, ctx: JobContext, result: process_group.GroupResult, limit: float, run_started: float, what: str | None
    ) -> None:
        if result.outcome == process_group.STOPPED:
            ctx.update({"elapsedTimeSeconds": int(round(time.monotonic() - run_started))})
            ctx.set_status("STOPPED", "stopped by user request")
        elif result.outcome == process_group.TIMED_OUT:
            self._fail(ctx, timeout_reason(limit), run_started)
        elif what is not None:
            reason = f"{what} failed with {process_group.describe_exit(result.returncodes[0])}"
            self._fail(ctx, reason + (": " + result.stderr_tail if result.stderr_tail else ""), run_started)
        else:
            self._fail(ctx, failure_reason(result), run_started)

    @staticmethod
    def _stopped(ctx: JobContext) -> None:
        """A stop before any process ran."""
        ctx.set_status("STOP_IN_PROGRESS", None)
        ctx.set_status("STOPPED", "stopped by user request")

    @staticmethod
    def _fail(ctx: JobContext, reason: str, run_started: float) -> None:
        ctx.update({"elapsedTimeSeconds": int(round(time.monotonic() - run_started))})
        ctx.set_status("FAIL_TRAIN_IN_PROGRESS", reason)
        ctx.set_status("FAIL_TRAIN", reason)
