"""Configuration: base-URL rules, environment fallbacks, clear errors, no environ writes, no I/O at import."""

from __future__ import annotations

import enum
import importlib
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from paths import REPO

import easymaker
from easymaker._client import set_default_client
from easymaker._config import base_url_for, resolve_config

EM_VARS = [
    "EM_APPKEY",
    "EM_REGION",
    "EM_ACCESS_TOKEN",
    "EM_PROFILE",
    "EM_API_URL",
    "EM_ENVIRONMENT_TYPE",
    "EM_TOKEN",
    "EM_GROUP_ID",
    "EM_EXPERIMENT_ID",
    "EM_LOCAL_URL",
    "EM_PIPELINE_RUN_ID",
    "EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in EM_VARS:
        monkeypatch.delenv(name, raising=False)
    yield
    set_default_client(None)


@pytest.mark.parametrize(
    ("kwargs", "env", "expected"),
    [
        ({"region": "kr1"}, {}, "https://kr1-easymaker.api.nhncloudservice.com"),
        ({"region": "KR1"}, {}, "https://kr1-easymaker.api.nhncloudservice.com"),
        ({}, {}, "https://kr1-easymaker.api.nhncloudservice.com"),
        ({}, {"EM_REGION": "kr2"}, "https://kr2-easymaker.api.nhncloudservice.com"),
        ({"region": "kr3"}, {"EM_REGION": "kr2"}, "https://kr3-easymaker.api.nhncloudservice.com"),
        ({"profile": "alpha"}, {}, "https://kr1-easymaker-alpha.api.nhncloudservice.com"),
        ({"profile": "Alpha"}, {}, "https://kr1-easymaker-alpha.api.nhncloudservice.com"),
        ({"profile": "REAL"}, {}, "https://kr1-easymaker.api.nhncloudservice.com"),
        ({}, {"EM_PROFILE": "beta"}, "https://kr1-easymaker-beta.api.nhncloudservice.com"),
        ({"environment_type": "GOV"}, {}, "https://kr1-easymaker.api.gov-nhncloudservice.com"),
        (
            {},
            {"EM_ENVIRONMENT_TYPE": "gov", "EM_PROFILE": "beta"},
            "https://kr1-easymaker-beta.api.gov-nhncloudservice.com",
        ),
        (
            {"environment_type": "public"},
            {"EM_ENVIRONMENT_TYPE": "gov"},
            "https://kr1-easymaker.api.nhncloudservice.com",
        ),
        ({"profile": "LOCAL"}, {}, "http://127.0.0.1:10090"),
        ({}, {"EM_PROFILE": "local", "EM_LOCAL_URL": "http://127.0.0.1:9999/"}, "http://127.0.0.1:9999"),
        ({"profile": "alpha"}, {"EM_API_URL": "https://example.test/api/"}, "https://example.test/api"),
    ],
)
def test_base_url_rules(kwargs: dict[str, Any], env: dict[str, str], expected: str) -> None:
    config = resolve_config(appkey="ak", access_token="tok", env=env, **kwargs)
    assert config.api_url == expected


def test_unknown_environment_type_names_the_ways_to_set_it() -> None:
    with pytest.raises(easymaker.ConfigurationError, match="environment_type.*EM_ENVIRONMENT_TYPE"):
        base_url_for(environment_type="moon")


def test_values_fall_back_to_environment_variables() -> None:
    env = {
        "EM_APPKEY": "env-ak",
        "EM_ACCESS_TOKEN": "env-tok",
        "EM_EXPERIMENT_ID": "exp-1",
        "EM_PIPELINE_RUN_ID": "run-1",
        "EM_KUBEFLOW_PIPELINE_RUN_TASK_NAME": "task",
    }
    config = resolve_config(env=env)
    assert (config.appkey, config.access_token, config.experiment_id, config.region) == (
        "env-ak",
        "env-tok",
        "exp-1",
        "kr1",
    )
    assert (config.parent_pipeline_run_id, config.parent_pipeline_run_task_name) == ("run-1", "task")
    explicit = resolve_config(appkey="arg-ak", access_token="arg-tok", env=env)
    assert (explicit.appkey, explicit.access_token) == ("arg-ak", "arg-tok")


def test_missing_appkey_and_token_errors_name_every_way() -> None:
    with pytest.raises(easymaker.ConfigurationError) as info:
        resolve_config(access_token="t", env={})
    text = str(info.value)
    for way in ("easymaker.init(appkey=", "easymaker.Client(appkey=", "EM_APPKEY", "profile='local'"):
        assert way in text
    with pytest.raises(easymaker.ConfigurationError) as info:
        resolve_config(appkey="ak", env={})
    for way in ("init(access_token=", "EM_ACCESS_TOKEN", "EM_TOKEN"):
        assert way in str(info.value)


def test_em_token_selects_the_easymaker_token_header() -> None:
    with respx.mock() as router:
        route = router.get("https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak/trainings").mock(
            return_value=httpx.Response(200, json={"header": {"isSuccessful": True}, "trainingList": []})
        )
        client = easymaker.Client(appkey="ak", easymaker_token="em-secret")
        assert easymaker.Training.get_list(client=client) == []
        headers = route.calls.last.request.headers
        assert headers["X-EasyMaker-Token"] == "em-secret"
        assert "x-nhn-authorization" not in headers


def test_init_does_not_write_os_environ_and_makes_no_request() -> None:
    before = dict(os.environ)
    with respx.mock(assert_all_called=False) as router:
        client = easymaker.init(appkey="ak", region="kr1", access_token="secret-token", experiment_id="e1")
        assert router.calls.call_count == 0
    assert dict(os.environ) == before
    assert easymaker.easymaker_config.appkey == "ak"
    assert easymaker.easymaker_config.experiment_id == "e1"
    assert easymaker.easymaker_config.client is client


def test_local_profile_defaults_appkey_and_reads_token_from_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "token").write_text("home-token\n")
    monkeypatch.setenv("EASYMAKER_LOCAL_HOME", str(tmp_path))
    monkeypatch.setenv("EM_API_URL", "http://127.0.0.1:1")  # explicit URL: no auto-start
    client = easymaker.Client(profile="local")
    assert client.appkey == "local"
    assert client.config.access_token == "home-token"
    assert client.base_url == "http://127.0.0.1:1"


def test_local_profile_without_token_file_explains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EASYMAKER_LOCAL_HOME", str(tmp_path / "empty"))
    monkeypatch.setenv("EM_API_URL", "http://127.0.0.1:1")
    with pytest.raises(easymaker.ConfigurationError, match="EASYMAKER_LOCAL_HOME"):
        easymaker.Client(profile="local")


def test_credentials_never_in_repr_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    client = easymaker.Client(appkey="ak", access_token="very-secret-token")
    assert "very-secret-token" not in repr(client)
    assert "very-secret-token" not in repr(client.config)
    caplog.set_level(logging.DEBUG)
    with respx.mock() as router:
        router.get(url__regex=r".*/experiments/e1$").mock(
            side_effect=[
                httpx.Response(503, text="busy"),
                httpx.Response(404, json={"header": {"isSuccessful": False, "resultCode": -4, "resultMessage": "no"}}),
            ]
        )
        client = easymaker.Client(appkey="ak", access_token="very-secret-token", sleep=lambda s: None)
        with pytest.raises(easymaker.NotFoundError) as info:
            easymaker.Experiment("e1", client=client)
    assert "very-secret-token" not in str(info.value)
    assert "very-secret-token" not in repr(info.value)
    assert caplog.records, "the retry is logged"
    assert all("very-secret-token" not in r.getMessage() for r in caplog.records)


def test_import_is_cheap_and_offline() -> None:
    """`import easymaker` opens no socket and does not import httpx or the generated client."""
    script = textwrap.dedent(
        """
        import socket, sys
        def guard(*a, **k):
            raise AssertionError("network access at import")
        socket.socket.connect = guard
        socket.create_connection = guard
        socket.getaddrinfo = guard
        import os
        os.environ["EM_APPKEY"] = "ak"; os.environ["EM_REGION"] = "kr1"
        import easymaker
        easymaker.HYPERPARAMETER_TYPE_CODE.INT, easymaker.ModelFormatCode.SKLEARN, easymaker.Parameter
        heavy = [m for m in ("httpx", "easymaker_api", "easymaker.local.server") if m in sys.modules]
        print("HEAVY", heavy)
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("EM_")}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, env=env, timeout=60, check=True
    )
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


def test_two_clients_in_one_process() -> None:
    with respx.mock() as router:
        a = router.get("https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/A/models").mock(
            return_value=httpx.Response(200, json={"header": {"isSuccessful": True}, "modelList": [{"modelId": "m1"}]})
        )
        b = router.get("https://kr2-easymaker.api.nhncloudservice.com/v1.0/appkeys/B/models").mock(
            return_value=httpx.Response(200, json={"header": {"isSuccessful": True}, "modelList": []})
        )
        first = easymaker.Client(appkey="A", region="kr1", access_token="ta")
        second = easymaker.Client(appkey="B", region="kr2", access_token="tb")
        assert [m.model_id for m in easymaker.Model.get_list(client=first)] == ["m1"]
        assert easymaker.Model.get_list(client=second) == []
        assert a.calls.last.request.headers["x-nhn-authorization"] == "Bearer ta"
        assert b.calls.last.request.headers["x-nhn-authorization"] == "Bearer tb"


def test_public_names_of_guide_and_2_1_x() -> None:
    assert easymaker.HYPERPARAMETER_TYPE_CODE.DOUBLE == "double"
    assert easymaker.INPUT_DATA_TYPE_CODE.CSV == "CSV" and easymaker.CSV == "CSV" and easymaker.JSONL == "JSONL"
    assert easymaker.SCIKIT_LEARN == "SCIKIT_LEARN" and easymaker.ModelFormatCode.SKLEARN == "SKLEARN"
    assert easymaker.endpoint.ApiSpec.kserve_v1 == "kserve_v1"
    for name in (
        "Experiment",
        "Training",
        "HyperparameterTuning",
        "FineTuning",
        "Model",
        "ModelPreset",
        "Endpoint",
        "EndpointStage",
        "EndpointModel",
        "BatchInference",
        "ModelEvaluation",
        "Pipeline",
        "PipelineRun",
        "PipelineRecurringRun",
        "upload",
        "download",
        "ObjectStorage",
        "objectstorage",
        "training",
        "pipeline_run",
    ):
        assert getattr(easymaker, name) is not None
    from easymaker.codes import ExposureScopeCode, ParameterTypeCode

    assert ExposureScopeCode.FINE_TUNING == "FINE_TUNING" and ParameterTypeCode.MODEL == "MODEL"


def _spec_enum(schema: str) -> set[str]:
    """The values of a generated (spec) enum."""
    from easymaker.values import camel_to_snake

    module = importlib.import_module(f"easymaker_api.models.{camel_to_snake(schema)}")
    return set(getattr(module, schema).known_values())


# The 2.1.5 names that differ from the spec's schema names, and the codes the spec keeps as free strings.
_CODE_SCHEMAS = {"TuningStrategy": "TuningStrategyName"}
_CODES_NOT_IN_THE_SPEC = {"ExposureScopeCode", "ParameterTypeCode"}


def test_enum_values_match_the_contract() -> None:
    """Every code enum of the SDK (static, so that `import easymaker` does not load the generated package) carries
    exactly the values of the generated (spec) enum of its name."""
    from easymaker import codes

    for name in sorted(set(codes.__all__) - _CODES_NOT_IN_THE_SPEC):
        ours: type[enum.Enum] = getattr(codes, name)
        assert {m.value for m in ours} == _spec_enum(_CODE_SCHEMAS.get(name, name)), name


def test_guide_constants_match_the_contract() -> None:
    """The 2.1.0 constants (easymaker.constants) are the values of the spec's enums."""
    from easymaker import constants

    def values(cls: type) -> set[str]:
        return {v for k, v in vars(cls).items() if k.isupper()}

    assert values(constants.HYPERPARAMETER_TYPE_CODE) == _spec_enum("HyperparameterTypeCode")
    assert values(constants.OBJECTIVE_TYPE_CODE) == _spec_enum("ObjectiveTypeCode")
    assert values(constants.TUNING_STRATEGY) == _spec_enum("TuningStrategyName")
    assert values(constants.EARLY_STOPPING_ALGORITHM) == _spec_enum("EarlyStoppingAlgorithm")
    assert values(constants.SCALE_METRIC_CODE) == _spec_enum("ScaleMetricCode")
    inputs = _spec_enum("BatchInferenceInputDataTypeCode") | _spec_enum("ModelEvaluationInputDataTypeCode")
    assert values(constants.INPUT_DATA_TYPE_CODE) == inputs == {constants.CSV, constants.JSON, constants.JSONL}
    model_types = {constants.TENSORFLOW, constants.PYTORCH, constants.SCIKIT_LEARN, constants.HUGGING_FACE}
    assert model_types == _spec_enum("ModelTypeCode")
    assert {constants.CLASSIFICATION, constants.REGRESSION} == _spec_enum("ObjectiveCode")


def test_the_version_is_written_once() -> None:
    """easymaker/_version.py holds it; the package metadata, the User-Agent and the CLI read it from there."""
    import tomllib

    from easymaker._client import USER_AGENT
    from easymaker._version import __version__
    from easymaker.cli import build_parser

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "easymaker._version.__version__"}
    assert easymaker.__version__ == __version__ and USER_AGENT == f"easymaker-python/{__version__}"
    version_action = next(a for a in build_parser()._actions if "--version" in a.option_strings)
    assert version_action.version == f"easymaker {__version__}"  # type: ignore[attr-defined]


def test_object_storage_token_source_follows_the_configuration() -> None:
    from easymaker.objectstorage import storage_overrides

    assert storage_overrides(easymaker.Client(appkey="ak", access_token="t")) == {}
    local = easymaker.Client(appkey="local", access_token="local-token", profile="local", api_url="http://127.0.0.1:5")
    options = storage_overrides(local)
    assert options["swift_endpoint"] == "http://127.0.0.1:5"
    from easymaker.local.auth import server_proof

    with respx.mock() as router:  # the server proves it holds the token, then issues a tenant's token for it

        def prove(request: httpx.Request) -> httpx.Response:
            nonce = json.loads(request.content)["nonce"]
            return httpx.Response(
                200, json={"header": {"isSuccessful": True}, "proof": server_proof("local-token", 5, nonce)}
            )

        proof = router.post("http://127.0.0.1:5/local/v1.0/server-proof").mock(side_effect=prove)
        keystone = router.post("http://127.0.0.1:5/v2.0/tokens").mock(
            return_value=httpx.Response(
                200, json={"access": {"token": {"id": "t-1", "expires": "2099-01-01T00:00:00Z"}}}
            )
        )
        assert options["token_provider"]("tenant") == ("t-1", "2099-01-01T00:00:00Z")
        assert "local-token" not in str(proof.calls.last.request.headers)
        assert json.loads(keystone.calls.last.request.content) == {
            "auth": {"tenantId": "tenant", "token": {"id": "local-token"}}
        }
    inside = easymaker.Client(appkey="ak", easymaker_token="em-token", group_id="g1")
    provider = storage_overrides(inside)["token_provider"]
    with respx.mock() as router:
        route = router.get(
            "https://kr1-easymaker.api.nhncloudservice.com/token/v1.0/appkeys/ak/groups/g1/iaas-token"
        ).mock(
            return_value=httpx.Response(
                200,
                json={
                    "header": {"isSuccessful": True},
                    "access": {"token": {"id": "swift-token", "expires": "2099-01-01T00:00:00.000+09:00"}},
                },
            )
        )
        assert provider("tenant") == ("swift-token", "2099-01-01T00:00:00.000+09:00")
        assert route.calls.last.request.headers["X-EasyMaker-Token"] == "em-token"


def test_httpx_cli_is_not_imported_with_the_sdk() -> None:
    """httpx imports its CLI (click, rich, pygments) on `import httpx`; after `import easymaker` it is imported only
    when `httpx.main` is called."""
    script = textwrap.dedent(
        """
        import sys
        import easymaker, httpx
        print("CLI", [m for m in ("click", "rich", "pygments") if m in sys.modules])
        try:
            import click, rich  # noqa: F401
        except ImportError:
            print("NO-CLI-DEPS")
            raise SystemExit(0)
        try:
            httpx.main(["--help"])
        except SystemExit as exc:
            print("EXIT", exc.code)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60, check=True
    )
    assert "CLI []" in out.stdout, out.stdout + out.stderr
    if "NO-CLI-DEPS" not in out.stdout:
        assert "EXIT 0" in out.stdout and "Usage" in out.stdout, out.stdout + out.stderr
