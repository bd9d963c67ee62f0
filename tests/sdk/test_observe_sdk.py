"""Watching the work from the SDK against a real EasyMaker Local: a training followed live (and across a dropped
connection), a tuning's typed trials with the metrics ``easymaker.log_metrics`` reported (driving the objective and
writing TensorBoard event files that TensorBoard's reader loads), the run table of an experiment, the CLI, and a
model's lineage."""

from __future__ import annotations

import hashlib
import io
import socket
import threading
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from local_server import LocalServerHandle, free_port

import easymaker
from easymaker import _local, cli

IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
FOLLOW_PY = """
import time
for i in range(50):
    print(f"line {i:03d} {time.time():.6f}", flush=True)
    time.sleep(0.1)
"""
METRICS_PY = """
import os
import easymaker
lr = float(os.environ["EM_HP_LR"])
for step in range(1, 4):
    val_loss = round(lr * 10 + 1.0 / step, 6)
    easymaker.log_metrics({"val_loss": val_loss, "accuracy": round(1 - lr, 6)}, step=step)
open(os.path.join(os.environ["EM_MODEL_DIR"], "model.txt"), "w").write(str(lr))
"""


pytestmark = pytest.mark.local_server(
    files={"nas/n1/follow/train.py": FOLLOW_PY, "nas/n1/metrics/train.py": METRICS_PY}
)


def _training(name: str, src: str, lr: float | None = None, experiment_id: str | None = None) -> easymaker.Training:
    return easymaker.Training().run(
        training_name=name,
        experiment_id=experiment_id,
        image_name=IMAGE,
        instance_type_name="m2.c4m8",
        source_dir_uri=f"nas://n1:/{src}",
        entry_point="train.py",
        model_upload_uri=f"nas://n1:/models/{name}",
        hyperparameter_list=[{"parameterName": "lr", "parameterValue": str(lr)}] if lr is not None else None,
        wait=False,
    )


class CuttingProxy:
    """A TCP proxy to the server that drops the first connection once the server sent ``marker`` through it (the
    Host of requests is rewritten to the server's own, which the server requires)."""

    def __init__(self, target_port: int, marker: bytes) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.marker = marker
        self.cuts = 0
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, True), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, watch: bool) -> None:
        seen = b""
        try:
            while data := source.recv(65536):
                if not watch:
                    data = data.replace(b"127.0.0.1:%d" % self.port, b"127.0.0.1:%d" % self.target_port)
                sink.sendall(data)
                if watch and self.cuts == 0:
                    seen = (seen + data)[-4096:]
                    if self.marker in seen:
                        self.cuts += 1
                        for s in (source, sink):
                            s.shutdown(socket.SHUT_RDWR)
                        return
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.close()
                except OSError:
                    pass

    def close(self) -> None:
        self._listener.close()


def test_a_training_is_followed_live_and_across_a_dropped_connection(
    local_sdk: easymaker.Client, local_server_module: LocalServerHandle
) -> None:
    training = _training("followed", "follow")
    proxy = CuttingProxy(local_server_module.port, marker=b"data: line 020")
    try:
        url = f"http://127.0.0.1:{proxy.port}"
        # The relay is this test's own: the server's proof of identity names the port it was reached on, which a
        # relay changes by design, so the pair is marked verified as verify_local_server would after a proof.
        _local._verified.add((url, hashlib.sha256(local_server_module.token.encode()).hexdigest()))
        through_proxy = easymaker.Client(profile="local", api_url=url)
        received: list[tuple[float, str]] = []
        for line in easymaker.Training(training.training_id, client=through_proxy).logs(follow=True):
            received.append((time.time(), line))
        through_proxy.close()
    finally:
        proxy.close()
    assert proxy.cuts == 1  # the stream was really cut once, in the middle of the job
    printed = [(t, line) for t, line in received if line.startswith("line ")]
    assert [line.split()[1] for _, line in printed] == [f"{i:03d}" for i in range(50)]  # none lost, none repeated
    delays = [t - float(line.split()[2]) for t, line in printed]
    assert delays[0] < 1.0, delays[:5]  # the first line reaches the caller within a second of being written
    assert received[-1][1] == "[easymaker] status COMPLETE"  # the follow ended with the job
    assert easymaker.Training(training.training_id).status == "COMPLETE"


def test_run_with_logs_prints_the_output_while_waiting(local_sdk: easymaker.Client) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        training = easymaker.Training().run(
            training_name="printed",
            image_name=IMAGE,
            instance_type_name="m2.c4m8",
            source_dir_uri="nas://n1:/metrics",
            entry_point="train.py",
            model_upload_uri="nas://n1:/models/printed",
            hyperparameter_list=[{"parameterName": "lr", "parameterValue": "0.5"}],
            logs=True,
            timeout=120,
        )
    assert training.status == "COMPLETE"
    text = out.getvalue()
    assert "[step 1] val_loss=6 accuracy=0.5" in text and text.rstrip().endswith("[easymaker] status COMPLETE")
    metrics = training.get_metrics()
    assert [(p.step, p.value) for p in metrics["val_loss"].history] == [(1, 6.0), (2, 5.5), (3, 5.333333)]
    assert metrics["val_loss"].latest == 5.333333 and metrics["val_loss"].min == 5.333333
    assert metrics["accuracy"].max == 0.5
    assert list(training.logs()) == [line for line in text.splitlines() if line]  # read again, after the fact


def test_a_tuning_of_six_trials_reports_what_log_metrics_recorded(
    local_sdk: easymaker.Client, local_server_module: LocalServerHandle
) -> None:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    tuning = easymaker.HyperparameterTuning().run(
        hyperparameter_tuning_name="observed-tuning",
        image_name=IMAGE,
        instance_type_name="m2.c4m8",
        source_dir_uri="nas://n1:/metrics",
        entry_point="train.py",
        model_upload_uri="nas://n1:/models/observed-tuning",
        hyperparameter_spec_list=[
            {
                "hyperparameterName": "lr",
                "hyperparameterTypeCode": "DOUBLE",
                "hyperparameterMinValue": "0.1",
                "hyperparameterMaxValue": "0.6",
                "hyperparameterStep": "0.1",
            }
        ],
        metric_list=["val_loss", "accuracy"],
        objective_metric_name="val_loss",
        objective_type_code="MINIMIZE",
        tuning_strategy_name="GRID",
        max_trial_count=6,
        parallel_trial_count=3,
        timeout=180,
    )
    assert tuning.status == "COMPLETE"
    trials = tuning.get_trial_list()
    assert len(trials) == 6 and all(isinstance(t, easymaker.Trial) for t in trials)
    assert len({t.trial_id for t in trials}) == 6
    for trial in trials:
        assert trial.trial_id is not None
        lr = float(trial.hyperparameters["lr"])
        assert trial.status == "SUCCEEDED" and trial.started and trial.finished and trial.started <= trial.finished
        val_loss = trial.metrics["val_loss"]
        expected = [round(lr * 10 + 1.0 / s, 6) for s in (1, 2, 3)]
        assert [p.value for p in val_loss.history] == pytest.approx(expected)  # read from the printed lines
        assert val_loss.latest == pytest.approx(expected[-1]) and val_loss.min == pytest.approx(expected[-1])
        assert trial.metrics["accuracy"].latest == pytest.approx(round(1 - lr, 6))
        recorded = trial.get_metrics()  # what log_metrics recorded, with its steps
        assert [(p.step, p.value) for p in recorded["val_loss"].history] == list(zip((1, 2, 3), expected, strict=True))
        events = local_server_module.home / "jobs" / str(tuning.id) / "trials" / trial.trial_id / "tensorboard"
        reader = EventAccumulator(str(events))
        reader.Reload()
        scalars = reader.Scalars("val_loss")
        assert [(s.step, s.value) for s in scalars] == [
            (st, pytest.approx(v)) for st, v in zip((1, 2, 3), expected, strict=False)
        ]
    best = min(trials, key=lambda t: float(t.hyperparameters["lr"]))
    optimal = [t for t in trials if t.is_optimal]
    assert optimal == [best] and tuning.get_optimal_trial() == best  # log_metrics output drove the objective
    assert float(best.hyperparameters["lr"]) == pytest.approx(0.1)
    trial_lines = list(best.logs())
    assert trial_lines[0].startswith("[step 1] val_loss=")


def test_the_run_table_ranks_trainings_by_a_metric(local_sdk: easymaker.Client) -> None:
    experiment = easymaker.Experiment().create(experiment_name="compared")
    runs = {lr: _training(f"compared-{lr}", "metrics", lr, experiment.experiment_id) for lr in (0.3, 0.1, 0.2)}
    for run in runs.values():
        run.wait(timeout=120)
    table = experiment.get_run_table("val_loss")
    assert list(table["run_id"]) == [runs[0.1].id, runs[0.2].id, runs[0.3].id]
    assert list(table["val_loss"]) == pytest.approx([1 + 1 / 3, 2 + 1 / 3, 3 + 1 / 3])
    assert list(table["hp.lr"]) == ["0.1", "0.2", "0.3"] and set(table["status"]) == {"COMPLETE"}
    rows = experiment.get_run_table("accuracy", ascending=False, as_dataframe=False)
    assert [r["run_id"] for r in rows] == [runs[0.1].id, runs[0.2].id, runs[0.3].id]
    assert all(r["duration_seconds"] is not None and r["run_type"] == "training" for r in rows)
    with pytest.raises(KeyError, match="no run has a column 'nope'"):
        experiment.get_run_table("nope")

    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["experiment", "compare", str(experiment.experiment_id), "--sort", "val_loss"])
    assert code == 0
    lines = out.getvalue().splitlines()
    order = [next(i for i, ln in enumerate(lines) if str(runs[lr].id) in ln) for lr in (0.1, 0.2, 0.3)]
    assert order == sorted(order) and "val_loss" in lines[1]

    model = easymaker.Model().create(training_id=runs[0.1].id, model_name="compared-best", model_format_code="SKLEARN")
    lineage = model.lineage()
    assert lineage.source is not None and lineage.source["kind"] == "training" and lineage.source["id"] == runs[0.1].id
    assert lineage.source["experiment_id"] == experiment.experiment_id and lineage.source["hyperparameters"] == {
        "lr": "0.1"
    }
    assert lineage.evaluations == [] and lineage.endpoints == [] and lineage.batch_inferences == []
    table = experiment.get_run_table("val_loss", as_dataframe=False)
    assert table[0]["model_id"] == model.model_id


def test_cli_follows_a_job(local_sdk: easymaker.Client, capsys: pytest.CaptureFixture[str]) -> None:
    training = _training("cli-followed", "metrics", 0.4)
    assert cli.main(["logs", str(training.training_id), "-f"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "[step 3] val_loss=4.333333 accuracy=0.6" in out and out[-1] == "[easymaker] status COMPLETE"


def test_logs_against_the_cloud_say_where_the_logs_are() -> None:
    cloud = easymaker.Client(appkey="ak", region="kr1", access_token="t" * 20)
    training = easymaker.Training({"trainingId": "t-1", "useLog": True, "logAndCrashAppKey": "lnc"}, client=cloud)
    with pytest.raises(easymaker.LogsNotAvailableError, match="Log & Crash Search.*lnc"):
        next(iter(training.logs(follow=True)))
    quiet = easymaker.Training({"trainingId": "t-2", "useLog": False}, client=cloud)
    with pytest.raises(easymaker.LogsNotAvailableError, match="console"):
        quiet.logs()
    with pytest.raises(easymaker.LogsNotAvailableError, match="use_log=True"):
        easymaker.Training(client=cloud).run(
            training_name="t",
            image_name=IMAGE,
            instance_type_name="m2.c4m8",
            model_upload_uri="obs://x/y",
            logs=True,
        )


def test_log_metrics_outside_a_job_returns_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("EM_TENSORBOARD_LOG_DIR", "EM_LOCAL_METRICS_FILE"):
        monkeypatch.delenv(name, raising=False)
    easymaker.log_metrics({"loss": 0.5})
    assert capsys.readouterr().out == ""
    with pytest.raises(ValueError, match="metric name 'val/loss'"):
        easymaker.log_metrics({"val/loss": 1.0})
    with pytest.raises(TypeError, match="'loss'"):
        easymaker.log_metrics({"loss": "0.5"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="step"):
        easymaker.log_metrics({"loss": 0.5}, step=-1)
