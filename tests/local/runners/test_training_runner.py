"""The training runner end to end: real subprocesses, a folder standing in for Object Storage and NAS."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

import joblib
import pytest
from folder_uris import FolderUris
from paths import REPO
from sklearn.datasets import load_iris

from easymaker.local.runners.base import JobContext
from easymaker.local.runners.training import TrainingInputs, TrainingRunner, artifact_uri_for_model, plan_launch

OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_test/bucket"


class Recorder:
    def __init__(self) -> None:
        self.statuses: list[tuple[str, str | None]] = []
        self.lines: list[tuple[str, str]] = []
        self.on_line: Any = None

    def set_status(self, status: str, reason: str | None) -> None:
        self.statuses.append((status, reason))

    def log_sink(self, stream: str, line: str) -> None:
        self.lines.append((stream, line))
        if self.on_line is not None:
            self.on_line(stream, line)

    @property
    def codes(self) -> list[str]:
        return [s for s, _ in self.statuses]

    @property
    def last_reason(self) -> str:
        return self.statuses[-1][1] or ""


def make_ctx(
    tmp_path: Path, resource: dict[str, Any], settings: dict[str, Any] | None = None
) -> tuple[JobContext, Recorder]:
    rec = Recorder()
    work = tmp_path / "jobs" / "job-1"
    work.mkdir(parents=True, exist_ok=True)
    ctx = JobContext(
        job_id="job-1",
        kind="training",
        appkey="appkey-123",
        resource=resource,
        work_dir=work,
        uris=FolderUris(tmp_path / "store"),
        set_status=rec.set_status,
        update=resource.update,
        settings=settings or {},
        log_sink=rec.log_sink,
    )
    return ctx, rec


def put_script(tmp_path: Path, code: str, name: str = "main.py", folder: str = "src") -> str:
    d = tmp_path / "store" / "obs" / OBS.split("://", 1)[1] / folder
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(textwrap.dedent(code))
    return f"{OBS}/{folder}/"


def stored(tmp_path: Path, uri: str) -> Path:
    return FolderUris(tmp_path / "store").path(uri)


def base_resource(source_uri: str, **extra: Any) -> dict[str, Any]:
    res: dict[str, Any] = {
        "trainingId": "t-1",
        "sourceDirUri": source_uri,
        "entryPoint": "main.py",
        "modelUploadUri": f"{OBS}/model/",
        "timeoutMinutes": 60,
    }
    res.update(extra)
    return res


def test_iris_training_end_to_end(tmp_path: Path) -> None:
    src = stored(tmp_path, f"{OBS}/src/")
    src.mkdir(parents=True)
    shutil.copy(REPO / "examples" / "iris" / "train.py", src / "train.py")
    data = load_iris()
    csv_dir = stored(tmp_path, f"{OBS}/data/train/")
    csv_dir.mkdir(parents=True)
    rows = [",".join(f"{v:g}" for v in x) + f",{y}" for x, y in zip(data.data, data.target, strict=True)]
    (csv_dir / "iris.csv").write_text("a,b,c,d,label\n" + "\n".join(rows) + "\n")
    res = base_resource(
        f"{OBS}/src/",
        entryPoint="train.py",
        datasetList=[{"datasetName": "train", "dataUri": f"{OBS}/data/train/"}],
        hyperparameterList=[
            {"parameterName": "C", "parameterValue": "0.5"},
            {"parameterName": "max_iter", "parameterValue": "300"},
        ],
        useLog=True,
    )
    ctx, rec = make_ctx(tmp_path, res)
    TrainingRunner().run(ctx)

    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "COMPLETE_IN_PROGRESS", "COMPLETE"], rec.statuses
    model = joblib.load(stored(tmp_path, f"{OBS}/model/") / "model.joblib")
    assert model.C == 0.5 and model.max_iter == 300
    assert (model.predict(data.data) == data.target.astype(str)).mean() > 0.9  # labels read from CSV are strings
    assert isinstance(res["elapsedTimeSeconds"], int)
    assert ("stdout", "read 150 rows from 1 CSV file(s) in EM_DATASET_TRAIN") in rec.lines
    assert any(line.startswith("accuracy=") for _, line in rec.lines)
    stdout_log = (ctx.work_dir / "logs" / "stdout.log").read_text()
    assert "accuracy=" in stdout_log and "loss=" in stdout_log
    assert artifact_uri_for_model("training", res) == f"{OBS}/model/"


DUMP_ENV = """
import json, os, sys
from pathlib import Path
out = {"env": {k: v for k, v in os.environ.items() if k.startswith("EM_")}, "argv": sys.argv, "cwd": os.getcwd()}
Path(os.environ["EM_MODEL_DIR"], "seen.json").write_text(json.dumps(out))
Path(os.environ["EM_CHECKPOINT_DIR"], "ckpt-0001.txt").write_text("step 1")
print("done")
"""


def test_environment_and_arguments_seen_by_the_script(tmp_path: Path) -> None:
    src_uri = put_script(tmp_path, DUMP_ENV)
    (stored(tmp_path, f"{OBS}/data/a/")).mkdir(parents=True)
    (stored(tmp_path, f"{OBS}/data/a/") / "x.csv").write_text("1,2\n")
    nas_dir = stored(tmp_path, "nas://nas-1:/shared/b")
    nas_dir.mkdir(parents=True)
    ckpt = stored(tmp_path, f"{OBS}/ckpt-in/")
    ckpt.mkdir(parents=True)
    (ckpt / "resume.bin").write_bytes(b"\x00\x01")
    (stored(tmp_path, src_uri) / "requirements.txt").write_text("not-a-real-package-zzz==9.9\n")
    res = base_resource(
        src_uri,
        datasetList=[
            {"datasetName": "train", "dataUri": f"{OBS}/data/a/"},
            {"datasetName": "my-data.v2", "dataUri": "nas://nas-1:/shared/b"},
        ],
        hyperparameterList=[
            {"parameterName": "batch-size", "parameterValue": "32"},
            {"parameterName": "lr", "parameterValue": 0.1},
        ],
        checkPointInputUri=f"{OBS}/ckpt-in/",
        checkPointUploadUri=f"{OBS}/ckpt-out/",
    )
    ctx, rec = make_ctx(tmp_path, res, settings={"region": "kr1"})
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "COMPLETE", rec.statuses

    seen = json.loads((stored(tmp_path, f"{OBS}/model/") / "seen.json").read_text())
    env, work = seen["env"], ctx.work_dir
    assert seen["argv"][1:] == ["--batch-size", "32", "--lr", "0.1"]
    assert Path(seen["cwd"]) == work / "source"
    assert env["EM_SOURCE_DIR"] == str(work / "source")
    assert env["EM_ENTRY_POINT"] == "main.py"
    assert env["EM_DATASET_TRAIN"] == str(work / "datasets" / "train")
    assert Path(env["EM_DATASET_TRAIN"], "x.csv").read_text() == "1,2\n"
    assert env["EM_DATASET_MY_DATA_V2"] == str(nas_dir)  # NAS is used in place, not copied
    assert json.loads(env["EM_DATASETS"]) == {"train": str(work / "datasets" / "train"), "my-data.v2": str(nas_dir)}
    assert Path(env["EM_CHECKPOINT_INPUT_DIR"], "resume.bin").read_bytes() == b"\x00\x01"
    assert env["EM_HP_BATCH_SIZE"] == "32" and env["EM_HP_LR"] == "0.1"
    assert json.loads(env["EM_HPS"]) == {"batch-size": "32", "lr": "0.1"}
    assert env["EM_MODEL_DIR"] == str(work / "model")
    assert env["EM_CHECKPOINT_DIR"] == str(work / "checkpoint")
    assert env["EM_TENSORBOARD_LOG_DIR"] == str(work / "tensorboard")
    assert env["EM_REGION"] == "kr1" and env["EM_APPKEY"] == "appkey-123"
    assert (stored(tmp_path, f"{OBS}/ckpt-out/") / "ckpt-0001.txt").read_text() == "step 1"
    # requirements.txt is not installed unless the server allows it, and the log says so
    assert "allow_pip_install" in (work / "logs" / "stderr.log").read_text()


def test_failing_script_reports_its_stderr_tail(tmp_path: Path) -> None:
    src_uri = put_script(
        tmp_path,
        """
        import sys
        for i in range(40):
            print(f"noise line {i}", file=sys.stderr)
        raise ValueError("the learning rate is negative: boom-xyz")
        """,
    )
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri))
    TrainingRunner().run(ctx)
    assert rec.codes[-2:] == ["FAIL_TRAIN_IN_PROGRESS", "FAIL_TRAIN"]
    reason = rec.last_reason
    assert "exit code 1" in reason
    assert "ValueError: the learning rate is negative: boom-xyz" in reason
    assert "noise line 39" in reason and "noise line 5\n" not in reason
    assert len(reason) <= 2100
    assert not any(stored(tmp_path, f"{OBS}/model/").glob("*"))  # nothing uploaded after a failure


SLEEPER = """
import os, signal, subprocess, sys, time
from pathlib import Path
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # force the SIGKILL path
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
Path(os.environ["EM_MODEL_DIR"], "pids").write_text(f"{os.getpid()} {child.pid}")
print("ready", flush=True)
time.sleep(120)
"""


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie still answers kill(0); it is gone for our purposes when /proc says so
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().split(")")[-1].split()[0] == "Z"


def _live_members_of_group(pgid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


def test_stop_kills_the_whole_process_group(tmp_path: Path) -> None:
    src_uri = put_script(tmp_path, SLEEPER)
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri, useLog=True), settings={"stop_grace_seconds": 0.3})
    rec.on_line = lambda stream, line: ctx.stop_event.set() if line == "ready" else None
    TrainingRunner().run(ctx)
    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "STOP_IN_PROGRESS", "STOPPED"], rec.statuses
    leader, child = (int(x) for x in (ctx.work_dir / "model" / "pids").read_text().split())
    assert _gone(leader) and _gone(child)
    assert _live_members_of_group(leader) == []


def test_timeout_fails_the_training(tmp_path: Path) -> None:
    src_uri = put_script(tmp_path, "import time\nprint('start', flush=True)\ntime.sleep(120)\n")
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri, timeoutMinutes=0.01), settings={"stop_grace_seconds": 1})
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "FAIL_TRAIN"
    assert rec.last_reason.startswith("timeout after 0.01 minutes")


def test_timeout_override_setting(tmp_path: Path) -> None:
    src_uri = put_script(tmp_path, "import time\ntime.sleep(120)\n")
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri), settings={"timeout_seconds_override": 0.5})
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "FAIL_TRAIN" and rec.last_reason.startswith("timeout after")


def test_distributed_workers_get_ranks(tmp_path: Path) -> None:
    src_uri = put_script(
        tmp_path,
        """
        import json, os
        from pathlib import Path
        keys = ["RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT", "TF_CONFIG"]
        Path(os.environ["EM_MODEL_DIR"], f"rank-{os.environ['RANK']}.json").write_text(json.dumps({k: os.environ[k] for k in keys}))
        print("worker", os.environ["RANK"], "of", os.environ["WORLD_SIZE"])
        """,
    )
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri, instanceCount=2))
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    out = stored(tmp_path, f"{OBS}/model/")
    ranks = [json.loads((out / f"rank-{r}.json").read_text()) for r in (0, 1)]
    assert [r["RANK"] for r in ranks] == ["0", "1"] and [r["LOCAL_RANK"] for r in ranks] == ["0", "1"]
    assert {r["WORLD_SIZE"] for r in ranks} == {"2"} and {r["MASTER_ADDR"] for r in ranks} == {"127.0.0.1"}
    assert ranks[0]["MASTER_PORT"] == ranks[1]["MASTER_PORT"] and int(ranks[0]["MASTER_PORT"]) > 0
    tf = [json.loads(r["TF_CONFIG"]) for r in ranks]
    assert tf[0]["cluster"] == tf[1]["cluster"] and len(tf[0]["cluster"]["worker"]) == 2
    assert [t["task"] for t in tf] == [{"type": "worker", "index": 0}, {"type": "worker", "index": 1}]
    log = (ctx.work_dir / "logs" / "stdout.log").read_text()
    assert "[rank 0] worker 0 of 2" in log and "[rank 1] worker 1 of 2" in log


def test_one_failing_worker_fails_the_distributed_training(tmp_path: Path) -> None:
    src_uri = put_script(
        tmp_path,
        """
        import os, sys, time
        if os.environ["RANK"] == "1":
            sys.exit("rank one gives up")
        time.sleep(60)
        """,
    )
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri, instanceCount=2), settings={"stop_grace_seconds": 1})
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "FAIL_TRAIN"
    assert "rank 1" in rec.last_reason and "rank one gives up" in rec.last_reason


def test_torchrun_without_torch_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import easymaker.local.runners.training as training

    monkeypatch.setattr(training, "torch_available", lambda: False)
    ctx, rec = make_ctx(tmp_path, base_resource(put_script(tmp_path, "print(1)\n"), useTorchrun=True, nprocPerNode=2))
    TrainingRunner().run(ctx)
    assert rec.statuses[-1] == ("CREATE_FAILED", "torchrun requested but torch is not installed")


def test_torchrun_runs_nproc_per_node_workers_that_all_reduce(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="torch is not installed: the torchrun path cannot run here")
    src = put_script(
        tmp_path,
        """
        import os
        import torch
        import torch.distributed as dist

        dist.init_process_group("gloo")  # CPU backend, as the service's docs prescribe without a GPU
        rank = dist.get_rank()
        total = torch.tensor([float(rank + 1)])
        dist.all_reduce(total)
        out = os.path.join(os.environ["EM_MODEL_DIR"], f"rank{rank}.txt")
        with open(out, "w") as f:
            f.write(f"{dist.get_world_size()} {total.item()} {os.environ['LOCAL_RANK']}")
        dist.destroy_process_group()
        """,
    )
    ctx, rec = make_ctx(tmp_path, base_resource(src, useTorchrun=True, nprocPerNode=2))
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    model = stored(tmp_path, f"{OBS}/model/")
    assert sorted(p.name for p in model.iterdir()) == ["rank0.txt", "rank1.txt"]
    assert (model / "rank0.txt").read_text() == "2 3.0 0"  # world size 2, 1 + 2 summed across both processes
    assert (model / "rank1.txt").read_text() == "2 3.0 1"


def test_torchrun_command_line(tmp_path: Path) -> None:
    inputs = TrainingInputs(tmp_path, "main.py", {}, tmp_path)
    res = {"useTorchrun": True, "nprocPerNode": 2, "instanceCount": 1}
    plan = plan_launch(res, inputs, tmp_path / "run", [("lr", "0.1")], appkey="k", region="local", has_torch=True)
    (spec,) = plan.specs
    argv = list(spec.argv)
    assert argv[:8] == [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc_per_node",
        "2",
        "--nnodes",
        "1",
        "--master_addr",
    ]
    assert argv[-3:] == ["main.py", "--lr", "0.1"]


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (
            {"algorithm": {"algorithmId": "a-1", "algorithmName": "Image Classification"}},
            "NHN-provided algorithm 'Image Classification'",
        ),
        ({"sourceDirUri": f"{OBS}/missing/"}, f"sourceDirUri {OBS}/missing/ not found"),
        ({"entryPoint": "nope.py"}, "entryPoint 'nope.py' not found"),
        (
            {"datasetList": [{"datasetName": "train", "dataUri": f"{OBS}/none/"}]},
            f"dataset 'train' {OBS}/none/ not found",
        ),
        ({"instanceCount": 11}, "instanceCount must be between 1 and 10"),
    ],
)
def test_inputs_that_cannot_start_end_in_create_failed(tmp_path: Path, extra: dict[str, Any], needle: str) -> None:
    res = base_resource(put_script(tmp_path, "print(1)\n"))
    res.update(extra)
    ctx, rec = make_ctx(tmp_path, res)
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "CREATE_FAILED"
    assert needle in rec.last_reason


def test_stop_before_start(tmp_path: Path) -> None:
    ctx, rec = make_ctx(tmp_path, base_resource(put_script(tmp_path, "print(1)\n")))
    ctx.stop_event.set()
    TrainingRunner().run(ctx)
    assert rec.codes == ["CREATE_IN_PROGRESS", "STOP_IN_PROGRESS", "STOPPED"]


def test_artifact_uri_for_model_errors() -> None:
    with pytest.raises(ValueError, match="optimal trial"):
        artifact_uri_for_model("hyperparameter_tuning", {"modelUploadUri": f"{OBS}/m/"})
    assert (
        artifact_uri_for_model("hyperparameter_tuning", {"modelUploadUri": f"{OBS}/m", "optimalTrialId": "t7"})
        == f"{OBS}/m/t7/"
    )
    with pytest.raises(ValueError, match="resource_kind"):
        artifact_uri_for_model("endpoint", {})


def test_requirements_are_installed_only_when_allowed(tmp_path: Path) -> None:
    src_uri = put_script(tmp_path, "print('trained')\n")
    # --no-index keeps pip offline: the install fails at once, which shows that it ran
    (stored(tmp_path, src_uri) / "requirements.txt").write_text("--no-index\nnot-a-real-package-zzz==9.9\n")
    ctx, rec = make_ctx(tmp_path, base_resource(src_uri), settings={"allow_pip_install": True})
    TrainingRunner().run(ctx)
    assert rec.codes[-1] == "FAIL_TRAIN"
    assert rec.last_reason.startswith("pip install -r requirements.txt failed with exit code 1")
    assert "not-a-real-package-zzz" in rec.last_reason
    assert "trained" not in (ctx.work_dir / "logs" / "stdout.log").read_text()
