"""``python -m easymaker``: the guide's 8 CLI commands (as ``examples/guide/cli.sh`` runs them) and the extras,
each run as a real subprocess against a real EasyMaker Local."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from guide_files import guide_commands
from local_server import LocalServerHandle, free_port
from paths import REPO
from polling import wait_until

from easymaker.local.catalog import Catalog

FLAVORS = len(Catalog().flavors)  # instance types in EasyMaker Local's catalog

APPKEY = "cliappkey"
OTHER_APPKEY = "cliotherappkey"


@dataclass
class Env:
    server: LocalServerHandle
    names: dict[str, str]  # section flag -> name of a resource created there
    ids: dict[str, str]  # section flag -> its id


@pytest.fixture(scope="module")
def env(local_server_module: LocalServerHandle) -> Iterator[Env]:
    server = local_server_module
    api = server.api(APPKEY)

    def post(path: str, body: dict[str, object], key: str) -> dict[str, object]:
        r = api.post(path, json=body)
        doc = r.json()
        assert doc["header"]["isSuccessful"], doc
        return dict(doc[key])

    flavors = {f["name"]: f["id"] for f in api.get("/flavors").json()["flavorList"]}
    images = {i["imageName"]: i["imageId"] for i in api.get("/images").json()["imageList"]}
    flavor, image = flavors["m2.c2m4"], images["Ubuntu 22.04 CPU PyTorch Training"]
    uri = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_clitenant/cli"
    exp1 = post("/experiments", {"experimentName": "cli-experiment-one"}, "experiment")
    exp2 = post("/experiments", {"experimentName": "cli-experiment-two", "description": "d"}, "experiment")
    common = {
        "experimentId": exp1["experimentId"],
        "imageId": image,
        "flavorId": flavor,
        "instanceCount": 1,
        "sourceDirUri": f"{uri}/src",
        "entryPoint": "missing.py",
        "modelUploadUri": f"{uri}/model",
        "timeoutMinutes": 60,
    }
    training = post("/trainings", {"trainingName": "cli-training", **common}, "training")
    tuning = post(
        "/hyperparameter-tunings",
        {
            "hyperparameterTuningName": "cli-tuning",
            **common,
            "metricList": [{"name": "loss"}],
            "objectiveMetric": {"name": "loss"},
            "objectiveTypeCode": "MINIMIZE",
            "tuningStrategyName": "RANDOM",
            "maxTrialCount": 1,
            "hyperparameterSpecList": [
                {
                    "hyperparameterName": "lr",
                    "hyperparameterTypeCode": "double",
                    "hyperparameterMinValue": "0.1",
                    "hyperparameterMaxValue": "0.2",
                }
            ],
        },
        "hyperparameterTuning",
    )
    model = post(
        "/models",
        {"modelName": "cli-model", "modelFormatCode": "SKLEARN", "modelUploadUri": f"{uri}/model"},
        "model",
    )
    endpoint = post(
        "/endpoints",
        {
            "endpointName": "cli-endpoint",
            "flavorId": flavor,
            "nodeCount": 1,
            "endpointModelResourceList": [
                {"modelId": model["modelId"], "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}
            ],
        },
        "endpoint",
    )
    evaluation = post(
        "/model-evaluations",
        {
            "modelEvaluationName": "cli-evaluation",
            "modelId": model["modelId"],
            "objectiveCode": "CLASSIFICATION",
            "flavorId": flavor,
            "inputDataUri": f"{uri}/eval",
            "inputDataTypeCode": "CSV",
            "targetFieldName": "label",
            "batchInference": {
                "flavorId": flavor,
                "instanceCount": 1,
                "podCount": 1,
                "outputUploadUri": f"{uri}/eval-out",
                "maxBatchSize": 10,
                "inferenceTimeoutSeconds": 10,
            },
        },
        "modelEvaluation",
    )
    # another appkey's resource must not show up
    post_other = server.api(OTHER_APPKEY).post("/experiments", json={"experimentName": "not-mine"})
    assert post_other.json()["header"]["isSuccessful"]
    yield Env(
        server,
        names={
            "experiment": "cli-experiment-one",
            "training": "cli-training",
            "tuning": "cli-tuning",
            "model": "cli-model",
            "endpoint": "cli-endpoint",
            "model_evaluation": "cli-evaluation",
        },
        ids={
            "experiment": str(exp1["experimentId"]),
            "experiment2": str(exp2["experimentId"]),
            "training": str(training["trainingId"]),
            "tuning": str(tuning["hyperparameterTuningId"]),
            "model": str(model["modelId"]),
            "endpoint": str(endpoint["endpointId"]),
            "model_evaluation": str(evaluation["modelEvaluationId"]),
        },
    )


def run_cli(
    args: list[str], env: Env | None, *, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EM_") and not k.startswith("EASYMAKER_")}
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    if env is not None:
        # the guide's commands name no profile: the environment points them at EasyMaker Local
        full_env["EM_PROFILE"] = "local"
        full_env["EM_API_URL"] = env.server.url
    full_env.update(extra_env or {})
    return subprocess.run([sys.executable, *args], cwd=REPO, env=full_env, capture_output=True, text=True, timeout=120)


def guide_argv(argv: list[str], env: Env) -> list[str]:
    """The command with the shell variables of its credentials replaced by real ones."""
    assert argv[:3] == ["python", "-m", "easymaker"], argv
    replaced = [{"$EM_APPKEY": APPKEY, "$EM_ACCESS_TOKEN": env.server.token}.get(a, a) for a in argv]
    assert replaced != argv, f"no credential variables in {argv!r}"
    return replaced[1:]


def rows(output: str) -> list[list[str]]:
    """Table rows as lists of cells (cells are separated by two or more spaces)."""
    return [re.split(r"\s{2,}", line.strip()) for line in output.splitlines() if line.strip()]


def row_with(output: str, first_cell: str) -> list[str]:
    matches = [r for r in rows(output) if r[0] == first_cell]
    assert len(matches) == 1, f"expected one row starting with {first_cell!r} in:\n{output}"
    return matches[0]


def test_the_guide_lists_eight_commands() -> None:
    commands = guide_commands()
    assert len(commands) == 8
    assert [c[-1] for c in commands] == [
        "-instance",
        "-image",
        "-algorithm",
        "-experiment",
        "-training",
        "-tuning",
        "-model",
        "-endpoint",
    ]


@pytest.mark.parametrize("index", range(8), ids=lambda i: f"guide-cli-{i + 1}")
def test_guide_command(index: int, env: Env) -> None:
    command = guide_commands()[index]
    flag = command[-1].lstrip("-")
    proc = run_cli(guide_argv(command, env), env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    out = proc.stdout
    if flag == "instance":
        assert row_with(out, "m2.c4m8")[2:] == ["4", "8192", "0"]  # VCPUS, RAM (MiB), GPU
        assert row_with(out, "g4.c92m1800")[-1] == "8"
        assert rows(out)[1] == ["NAME", "ID", "VCPUS", "RAM (MiB)", "GPU"]
    elif flag == "image":
        row = row_with(out, "Ubuntu 18.04 CPU TensorFlow Training")
        assert row[2] == "CPU" and row[3].startswith("TENSORFLOW")
    elif flag == "algorithm":
        row = row_with(out, "Image Classification")
        assert row[2] == "Image Classification CPU, Image Classification GPU"
        assert len(rows(out)) == 3 + 3  # title, header, dashes, then the three algorithms
    else:
        row = row_with(out, env.names[flag])
        assert row[1] == env.ids[flag]
        assert len(row) == 4 and re.match(r"\d{4}-\d\d-\d\dT", row[3]), row  # NAME ID STATUS CREATED
        assert re.fullmatch(r"[A-Z_]+", row[2]), row
        assert "not-mine" not in out
    if flag == "experiment":
        assert row_with(out, "cli-experiment-two")[1] == env.ids["experiment2"]
        assert out.splitlines()[0] == "Experiments (2)"


def test_model_evaluation_flag(env: Env) -> None:
    proc = run_cli(
        ["-m", "easymaker", "--appkey", APPKEY, "--access_token", env.server.token, "-model_evaluation"], env
    )
    assert proc.returncode == 0, proc.stderr
    assert row_with(proc.stdout, "cli-evaluation")[1] == env.ids["model_evaluation"]


def test_several_sections_in_guide_order(env: Env) -> None:
    proc = run_cli(
        [
            "-m",
            "easymaker",
            "--appkey",
            APPKEY,
            "--access_token",
            env.server.token,
            "-model",
            "-experiment",
            "-instance",
        ],
        env,
    )
    assert proc.returncode == 0, proc.stderr
    titles = [line for line in proc.stdout.splitlines() if re.fullmatch(r"[A-Z][a-z ]+ \(\d+\)", line)]
    assert titles == [f"Instance types ({FLAVORS})", "Experiments (2)", "Models (1)"]


def test_json_output(env: Env) -> None:
    proc = run_cli(
        [
            "-m",
            "easymaker",
            "--appkey",
            APPKEY,
            "--access_token",
            env.server.token,
            "--output",
            "json",
            "-training",
            "-image",
        ],
        env,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(doc) == ["image", "training"]
    assert [t["trainingId"] for t in doc["training"]] == [env.ids["training"]]
    assert "Ubuntu 18.04 CPU TensorFlow Training" in {i["imageName"] for i in doc["image"]}


def test_credentials_from_environment_and_console_script(env: Env) -> None:
    script = Path(sys.executable).with_name("easymaker")
    assert script.exists(), "the easymaker console script is not installed in this environment"
    proc = run_cli(
        ["-c", "import sys; from easymaker.cli import main; sys.exit(main(['-experiment']))"],
        env,
        extra_env={"EM_APPKEY": APPKEY, "EM_ACCESS_TOKEN": env.server.token, "EM_REGION": "kr1"},
    )
    assert proc.returncode == 0, proc.stderr
    assert row_with(proc.stdout, "cli-experiment-one")[1] == env.ids["experiment"]
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EM_")}
    full_env.update(EM_PROFILE="local", EM_API_URL=env.server.url, EM_APPKEY=APPKEY, EM_ACCESS_TOKEN=env.server.token)
    proc = subprocess.run([str(script), "-model"], env=full_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert row_with(proc.stdout, "cli-model")[1] == env.ids["model"]


def test_local_profile_needs_no_credentials(env: Env) -> None:
    """--profile local: appkey 'local' and the token from EasyMaker Local's home."""
    api = env.server.api("local")
    assert api.post("/experiments", json={"experimentName": "in-local-appkey"}).json()["header"]["isSuccessful"]
    proc = run_cli(
        ["-m", "easymaker", "--profile", "local", "-experiment"],
        None,
        extra_env={"EM_LOCAL_URL": env.server.url, "EASYMAKER_LOCAL_HOME": str(env.server.home)},
    )
    assert proc.returncode == 0, proc.stderr
    assert row_with(proc.stdout, "in-local-appkey")
    assert "cli-experiment-one" not in proc.stdout


def test_connection_refused_is_one_line(env: Env) -> None:
    port = free_port()
    proc = run_cli(
        ["-m", "easymaker", "--appkey", APPKEY, "--access_token", "t", "-experiment"],
        None,
        extra_env={"EM_PROFILE": "local", "EM_API_URL": f"http://127.0.0.1:{port}"},
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert f"cannot connect to http://127.0.0.1:{port}: connection refused" in proc.stderr


def test_invalid_token_is_one_line(env: Env) -> None:
    proc = run_cli(["-m", "easymaker", "--appkey", APPKEY, "--access_token", "wrong-token", "-model"], env)
    assert proc.returncode == 1
    # local profile: the server cannot prove it holds "wrong-token", so the token is never sent
    assert proc.stderr.startswith(f"error: the server at {env.server.url} did not prove"), proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "wrong-token" not in proc.stderr


def test_usage(env: Env) -> None:
    proc = run_cli(["-m", "easymaker", "--version"], None)
    assert proc.returncode == 0 and re.fullmatch(r"easymaker \S+\n", proc.stdout), proc.stdout
    proc = run_cli(["-m", "easymaker", "--help"], None)
    assert proc.returncode == 0
    for flag in ("-instance", "-image", "-algorithm", "-experiment", "-training", "-tuning", "-model", "-endpoint"):
        assert re.search(rf"^\s+{flag}\s", proc.stdout, re.M), flag
    proc = run_cli(["-m", "easymaker", "--appkey", APPKEY], env)
    assert proc.returncode == 2 and "nothing to list" in proc.stderr
    proc = run_cli(["-m", "easymaker", "-bogus"], env)
    assert proc.returncode == 2 and "unrecognized arguments: -bogus" in proc.stderr


def test_logs_of_a_job(env: Env) -> None:

    api = env.server.api(APPKEY)

    def ended() -> bool:  # the training fails fast: its source folder does not exist
        status = api.get(f"/trainings/{env.ids['training']}").json()["training"]["trainingStatusCode"]
        return status in ("FAIL_TRAIN", "CREATE_FAILED", "COMPLETE", "STOPPED")

    wait_until(ended, timeout=60, what="the training's end")
    proc = run_cli(
        ["-m", "easymaker", "logs", env.ids["training"], "--appkey", APPKEY, "--access_token", env.server.token], env
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip(), "no log output"
    proc = run_cli(
        ["-m", "easymaker", "logs", "no-such-job", "--appkey", APPKEY, "--access_token", env.server.token], env
    )
    assert proc.returncode == 1 and "no-such-job" in proc.stderr and proc.stderr.count("\n") == 1


def test_local_profile_starts_easymaker_local_when_nothing_listens(tmp_path: Path) -> None:
    """--profile local with nothing at the local address: the command starts EasyMaker Local on that home."""
    port = free_port()
    proc = run_cli(
        ["-m", "easymaker", "--profile", "local", "-experiment", "-instance"],
        None,
        extra_env={"EM_LOCAL_URL": f"http://127.0.0.1:{port}", "EASYMAKER_LOCAL_HOME": str(tmp_path / "home")},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Experiments (0)" in proc.stdout and f"Instance types ({FLAVORS})" in proc.stdout
    assert (tmp_path / "home" / "token").is_file()


def test_json_output_is_what_the_resource_classes_return(env: Env) -> None:
    """The command is a thin face over the SDK: each section's items are the `to_dict()` of the public call the
    section names in `easymaker.cli.SECTIONS` (in the same order, with the same fields)."""
    import easymaker
    from easymaker.cli import SECTIONS

    proc = run_cli(
        ["-m", "easymaker", "--appkey", APPKEY, "--access_token", env.server.token, "--output", "json"]
        + [f"-{s.flag}" for s in SECTIONS],
        env,
    )
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    client = easymaker.Client(appkey=APPKEY, access_token=env.server.token, profile="local", api_url=env.server.url)
    try:
        expected = {
            "instance": easymaker.Training.get_instance_type_list(client=client),
            "image": easymaker.Training.get_image_list(client=client),
            "algorithm": easymaker.Training.get_algorithm_list(client=client),
            "experiment": easymaker.Experiment.get_list(client=client),
            "training": easymaker.Training.get_list(client=client),
            "tuning": easymaker.HyperparameterTuning.get_list(client=client),
            "model": easymaker.Model.get_list(client=client),
            "endpoint": easymaker.Endpoint.get_list(client=client),
            "model_evaluation": easymaker.ModelEvaluation.get_list(client=client),
        }
    finally:
        client.close()
    assert list(printed) == list(expected) == [s.flag for s in SECTIONS]
    for flag, items in expected.items():
        dicts = [item.to_dict() for item in items]
        if flag in ("instance", "image", "algorithm", "experiment", "model"):  # nothing of theirs changes meanwhile
            assert printed[flag] == dicts, flag
            assert [list(d) for d in printed[flag]] == [list(d) for d in dicts], flag  # the fields in the same order
        else:  # jobs may move on between the two reads (a status, a reason): the same resources, in the same order
            noun = {"tuning": "hyperparameterTuning", "model_evaluation": "modelEvaluation"}.get(flag, flag)
            assert [d[f"{noun}Id"] for d in printed[flag]] == [item.id for item in items] != [], flag
