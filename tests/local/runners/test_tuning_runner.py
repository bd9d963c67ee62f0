"""The tuning runner end to end: real trial subprocesses, a real Optuna study in SQLite, a folder as Object Storage."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from folder_uris import FolderUris

from easymaker.local.runners.base import JobContext
from easymaker.local.runners.training import artifact_uri_for_model
from easymaker.local.runners.tuning import HyperparameterTuningRunner

OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_test/bucket"


class Job:
    """A tuning job as the supervisor would hold it: the resource, its status history, a context factory."""

    def __init__(self, tmp_path: Path, script: str, **fields: Any) -> None:
        self.tmp = tmp_path
        self.uris = FolderUris(tmp_path / "store")
        src = self.uris.path(f"{OBS}/src/")
        src.mkdir(parents=True, exist_ok=True)
        (src / "main.py").write_text(textwrap.dedent(script))
        self.resource: dict[str, Any] = {
            "hyperparameterTuningId": "hpt-1",
            "hyperparameterTuningName": "search",
            "sourceDirUri": f"{OBS}/src/",
            "entryPoint": "main.py",
            "modelUploadUri": f"{OBS}/model/",
            "timeoutMinutes": 30,
            "metricList": [{"name": "loss"}],
            "objectiveMetric": {"name": "loss"},
            "objectiveTypeCode": "MINIMIZE",
            "tuningStrategyName": "RANDOM",
            "tuningStrategyRandomState": 1,
            "maxTrialCount": 5,
            "parallelTrialCount": 1,
            "hyperparameterSpecList": [
                {
                    "hyperparameterName": "x",
                    "hyperparameterTypeCode": "double",
                    "hyperparameterMinValue": "0",
                    "hyperparameterMaxValue": "6",
                    "hyperparameterStep": "0.25",
                },
            ],
        }
        self.resource.update(fields)
        self.statuses: list[tuple[str, str | None]] = []
        self.on_update: Callable[[JobContext], None] | None = None

    def context(self, settings: dict[str, Any] | None = None) -> JobContext:
        work = self.tmp / "jobs" / "hpt-1"
        work.mkdir(parents=True, exist_ok=True)

        def update(fields: Mapping[str, Any]) -> None:
            self.resource.update(fields)
            if self.on_update is not None:
                self.on_update(ctx)

        ctx = JobContext(
            job_id="hpt-1",
            kind="hyperparameter_tuning",
            appkey="appkey-1",
            resource=self.resource,
            work_dir=work,
            uris=self.uris,
            set_status=lambda s, r: self.statuses.append((s, r)),
            update=update,
            settings=settings or {"stop_grace_seconds": 1},
        )
        return ctx

    def run(self, settings: dict[str, Any] | None = None) -> JobContext:
        ctx = self.context(settings)
        HyperparameterTuningRunner().run(ctx)
        return ctx

    @property
    def status(self) -> str:
        return self.statuses[-1][0]

    @property
    def reason(self) -> str | None:
        return self.statuses[-1][1]

    def trials(self, status: str | None = None) -> list[dict[str, Any]]:
        return [t for t in self.resource["trialList"] if status is None or t["trialStatusCode"] == status]


def metric(trial: Mapping[str, Any], name: str, which: str = "Latest") -> float:
    (m,) = [m for m in trial["trialMetricList"] if m["trialMetricName"] == name]
    return float(m[f"trialMetric{which}Value"])


def param(trial: Mapping[str, Any], name: str) -> str:
    (p,) = [p["parameterValue"] for p in trial["hyperparameterList"] if p["parameterName"] == name]
    return str(p)


QUADRATIC = """
import argparse, os, sys
from pathlib import Path
p = argparse.ArgumentParser()
p.add_argument("--x", type=float, required=True)
args, _ = p.parse_known_args()
loss = (args.x - 3) ** 2 + 1
print(f"epoch 1 loss={loss + 5:.6f}")
print(f"loss = {loss:.6f}")
print(f"accuracy={1 / loss:.6f}", file=sys.stderr)
Path(os.environ["EM_MODEL_DIR"], "x.txt").write_text(os.environ["EM_HP_X"])
"""


@pytest.mark.parametrize("strategy", ["GRID", "RANDOM", "BAYESIAN_OPTIMIZATION"])
def test_every_strategy_finds_the_optimum(tmp_path: Path, strategy: str) -> None:
    job = Job(
        tmp_path,
        QUADRATIC,
        tuningStrategyName=strategy,
        maxTrialCount=30,
        parallelTrialCount=2,
        metricList=["loss", {"name": "accuracy"}],
    )
    job.run()
    assert job.status == "COMPLETE", job.statuses
    res = job.resource
    assert res["hyperparameterTuningStatusReason"] == (
        "SuggestionEndReached" if strategy == "GRID" else "MaxTrialsReached"
    )
    n_expected = 25 if strategy == "GRID" else 30  # the grid 0, 0.25, ..., 6 has 25 points
    assert len(job.trials("SUCCEEDED")) == n_expected == res["successfulTrialCount"]
    assert res["runningTrialCount"] == 0 and res["failedTrialCount"] == 0
    best = res["optimalTrial"]
    # the objective of a trial is its best observation: the first line (loss + 5) never wins
    assert metric(best, "loss", "Min") <= 1.1, best  # within 10 % of the optimum value 1
    assert all(metric(best, "loss", "Min") <= metric(t, "loss", "Min") for t in job.trials())
    assert metric(best, "loss", "Max") == pytest.approx(metric(best, "loss", "Min") + 5, abs=1e-5)
    assert metric(best, "accuracy") == pytest.approx(1 / metric(best, "loss", "Min"), rel=1e-4)
    assert best["hyperparameterTuningId"] == "hpt-1" and res["optimalTrialId"] == best["trialId"]
    # the model of the optimal trial is where the server will look for it
    out = job.uris.path(artifact_uri_for_model("hyperparameter_tuning", res))
    assert out.name == best["trialId"]
    assert (out / "x.txt").read_text() == param(best, "x")
    if strategy == "GRID":
        assert sorted(float(param(t, "x")) for t in job.trials()) == [i * 0.25 for i in range(25)]
    assert [s for s, _ in job.statuses] == ["CREATE_IN_PROGRESS", "RUNNING", "COMPLETE_IN_PROGRESS", "COMPLETE"]


def test_grid_over_every_type_ends_with_suggestion_end(tmp_path: Path) -> None:
    job = Job(
        tmp_path,
        """
        import argparse
        p = argparse.ArgumentParser()
        p.add_argument("--layers", type=int); p.add_argument("--opt"); p.add_argument("--dropout", type=float)
        a, _ = p.parse_known_args()
        print("loss=%f" % (a.layers + (0.5 if a.opt == "adam" else 1.0) + a.dropout))
        """,
        tuningStrategyName="GRID",
        maxTrialCount=50,
        parallelTrialCount=2,
        hyperparameterSpecList=[
            {
                "hyperparameterName": "layers",
                "hyperparameterTypeCode": "INT",
                "hyperparameterMinValue": "1",
                "hyperparameterMaxValue": "3",
                "hyperparameterStep": "1",
            },
            {
                "hyperparameterName": "opt",
                "hyperparameterTypeCode": "CATEGORICAL",
                "hyperparameterSpecifiedValues": "sgd, adam",
            },
            {
                "hyperparameterName": "dropout",
                "hyperparameterTypeCode": "discrete",
                "hyperparameterSpecifiedValues": "0.5,0.25",
            },
        ],
    )
    job.run()
    assert (job.status, job.reason) == ("COMPLETE", "SuggestionEndReached")
    combos = {(param(t, "layers"), param(t, "opt"), param(t, "dropout")) for t in job.trials("SUCCEEDED")}
    assert len(job.trials()) == len(combos) == 12
    best = job.resource["optimalTrial"]
    assert (param(best, "layers"), param(best, "opt"), param(best, "dropout")) == ("1", "adam", "0.25")


def test_objective_goal_ends_with_goal_reached(tmp_path: Path) -> None:
    job = Job(
        tmp_path,
        QUADRATIC.replace("loss = {loss", "loss: {loss").replace("accuracy=", "accuracy: "),
        metricRegex=r"([\w|-]+)\s*:\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)",
        metricList=[{"name": "loss"}, {"name": "accuracy"}],
        objectiveMetric={"name": "accuracy"},
        objectiveTypeCode="MAXIMIZE",
        objectiveGoal=0.7,
        maxTrialCount=60,
    )
    job.run()
    assert (job.status, job.reason) == ("COMPLETE", "GoalReached")
    assert len(job.trials()) < 60
    best = job.resource["optimalTrial"]
    assert metric(best, "accuracy", "Max") >= 0.7
    assert metric(best, "loss") == pytest.approx(1 / metric(best, "accuracy"), rel=1e-4)  # the colon regex read both


STEPPED = """
import argparse, os, sys, time
p = argparse.ArgumentParser(); p.add_argument("--x", type=float); p.parse_known_args()
counter = os.environ["TUNING_TEST_COUNTER"]
i = 0
while True:  # claim a run number: the 4th trial to start is the bad one
    try:
        os.close(os.open(os.path.join(counter, str(i)), os.O_CREAT | os.O_EXCL)); break
    except FileExistsError:
        i += 1
bad = i == 3
for step in range(200 if bad else 8):
    print(f"step={step} loss={10.0 if bad else 1.0 / (step + 1):.4f}", flush=True)
    if bad:
        time.sleep(0.02)
"""


def test_median_early_stopping_stops_a_bad_trial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = tmp_path / "counter"
    counter.mkdir()
    monkeypatch.setenv("TUNING_TEST_COUNTER", str(counter))
    job = Job(
        tmp_path,
        STEPPED,
        earlyStoppingAlgorithm="MEDIAN",
        earlyStoppingMinTrialCount=3,
        earlyStoppingStartStep=4,
        maxTrialCount=5,
        metricList=["loss", "step"],
    )
    job.run()
    assert (job.status, job.reason) == ("COMPLETE", "MaxTrialsReached"), job.statuses
    statuses = [t["trialStatusCode"] for t in job.trials()]
    assert statuses == ["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "EARLY_STOPPED", "SUCCEEDED"]
    stopped = job.trials("EARLY_STOPPED")[0]
    # stopped at the first step where the rule may apply (step index 3 = the 4th observation)
    assert metric(stopped, "step", "Max") == 3.0 and metric(stopped, "loss") == 10.0
    assert job.resource["successfulTrialCount"] == 4
    assert not job.uris.path(f"{OBS}/model/{stopped['trialId']}/").exists()


def test_failed_trials_fail_the_tuning(tmp_path: Path) -> None:
    job = Job(
        tmp_path,
        "import sys\nprint('loading')\nsys.exit('bad config: x out of range')\n",
        maxFailedTrialCount=2,
        maxTrialCount=5,
        parallelTrialCount=1,
    )
    job.run()
    assert job.status == "FAIL_HYPERPARAMETER_TUNING"
    assert job.statuses[-2][0] == "FAIL_HYPERPARAMETER_TUNING_IN_PROGRESS"
    assert job.reason is not None
    assert "maxFailedTrialCount 2" in job.reason and "bad config: x out of range" in job.reason
    assert job.resource["failedTrialCount"] == 2 and len(job.trials("FAILED")) == 2
    assert job.resource["optimalTrial"] is None


def test_trial_without_objective_is_metrics_unavailable(tmp_path: Path) -> None:
    job = Job(tmp_path, "print('accuracy=0.5')\n", maxTrialCount=1)
    job.run()
    assert job.status == "FAIL_HYPERPARAMETER_TUNING" and job.reason is not None and "no trial succeeded" in job.reason
    assert [t["trialStatusCode"] for t in job.trials()] == ["METRICS_UNAVAILABLE"]


def test_timeout_applies_to_the_whole_tuning(tmp_path: Path) -> None:
    job = Job(tmp_path, "import time\nprint('loss=1', flush=True)\ntime.sleep(60)\n", parallelTrialCount=2)
    job.run({"timeout_seconds_override": 1.5, "stop_grace_seconds": 1})
    assert job.status == "FAIL_HYPERPARAMETER_TUNING" and job.reason is not None
    assert job.reason.startswith("timeout after")
    assert {t["trialStatusCode"] for t in job.trials()} == {"KILLED"} and len(job.trials()) == 2


def test_restart_keeps_finished_trials(tmp_path: Path) -> None:
    job = Job(tmp_path, QUADRATIC, maxTrialCount=5, tuningStrategyName="BAYESIAN_OPTIMIZATION")

    def stop_after_two(ctx: JobContext) -> None:
        if job.resource.get("successfulTrialCount", 0) >= 2:
            ctx.stop_event.set()

    job.on_update = stop_after_two
    job.run()
    assert (job.status, job.reason) == ("STOPPED", "stopped by user request")
    first = {t["trialId"]: t for t in job.trials("SUCCEEDED")}
    assert len(first) == 2

    job.on_update = None
    job.statuses.clear()
    job.run()
    assert (job.status, job.reason) == ("COMPLETE", "MaxTrialsReached"), job.statuses
    after = {t["trialId"]: t for t in job.trials()}
    for trial_id, trial in first.items():
        assert after[trial_id] == trial  # same parameters, metrics and status as before the restart
    assert len(job.trials("SUCCEEDED")) == 5
    assert all(t["trialStatusCode"] in ("SUCCEEDED", "KILLED") for t in job.trials())


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        (
            {
                "hyperparameterSpecList": [
                    {
                        "hyperparameterName": "x",
                        "hyperparameterTypeCode": "double",
                        "hyperparameterMinValue": "0",
                        "hyperparameterMaxValue": "1",
                    }
                ],
                "tuningStrategyName": "GRID",
            },
            "hyperparameterStep is required for DOUBLE hyperparameter 'x'",
        ),
        (
            {"hyperparameterSpecList": [{"hyperparameterName": "x", "hyperparameterTypeCode": "float"}]},
            "hyperparameterSpecList[0].hyperparameterTypeCode must be one of",
        ),
        ({"objectiveMetric": None}, "objectiveMetric.name"),
        ({"tuningStrategyName": "HYPERBAND"}, "tuningStrategyName must be"),
        ({"metricRegex": "(x)"}, "metricRegex needs two groups"),
        ({"parallelTrialCount": 11}, "parallelTrialCount must be between 1 and 10"),
        ({"algorithm": {"algorithmName": "Object Detection"}}, "not available on EasyMaker Local"),
    ],
)
def test_invalid_tunings_end_in_create_failed(tmp_path: Path, fields: dict[str, Any], needle: str) -> None:
    job = Job(tmp_path, QUADRATIC, **fields)
    job.run()
    assert job.status == "CREATE_FAILED" and needle in (job.reason or ""), job.statuses


def test_grid_restart_runs_interrupted_points_again(tmp_path: Path) -> None:
    job = Job(
        tmp_path,
        "import argparse, time\np = argparse.ArgumentParser(); p.add_argument('--x', type=int)\n"
        "a, _ = p.parse_known_args(); time.sleep(0.3); print(f'loss={abs(a.x - 3)}')\n",
        tuningStrategyName="GRID",
        parallelTrialCount=2,
        maxTrialCount=20,
        hyperparameterSpecList=[
            {
                "hyperparameterName": "x",
                "hyperparameterTypeCode": "int",
                "hyperparameterMinValue": "0",
                "hyperparameterMaxValue": "5",
            },
        ],
    )

    def stop_while_one_runs(ctx: JobContext) -> None:
        if job.resource.get("successfulTrialCount", 0) >= 2 and job.resource.get("runningTrialCount", 0) >= 1:
            ctx.stop_event.set()

    job.on_update = stop_while_one_runs
    job.run()
    assert job.status == "STOPPED"
    assert job.trials("KILLED")  # a grid point was cut off
    done_before = {param(t, "x") for t in job.trials("SUCCEEDED")}
    job.on_update = None
    job.run()
    assert (job.status, job.reason) == ("COMPLETE", "SuggestionEndReached"), job.statuses
    succeeded = [param(t, "x") for t in job.trials("SUCCEEDED")]
    assert sorted(succeeded) == ["0", "1", "2", "3", "4", "5"]  # every point once, including interrupted ones
    assert done_before <= set(succeeded)
    assert param(job.resource["optimalTrial"], "x") == "3"


def test_trial_statuses_are_the_spec_enum() -> None:
    """The trial statuses the runner writes are exactly the values of the spec's TrialStatusCode."""
    from easymaker_api.models.trial_status_code import TrialStatusCode

    from easymaker.local.runners import tuning

    written = {tuning.CREATED, tuning.RUNNING, tuning.SUCCEEDED, tuning.KILLED, tuning.FAILED}
    written |= {tuning.METRICS_UNAVAILABLE, tuning.EARLY_STOPPED}
    assert written == set(TrialStatusCode.known_values())
