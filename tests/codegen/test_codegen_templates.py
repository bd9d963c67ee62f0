"""Each template override in codegen/templates/, shown by what it changes.

The sample document tests/fixtures/codegen/sample.yaml is generated twice, with and without our templates, and
the two packages are imported side by side (as `sample_custom` and `sample_plain`).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import pickle
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
import yaml
from paths import REPO

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from codegen import PACKAGE_NAME, TEMPLATES_DIR, generate  # noqa: E402

SAMPLE = REPO / "tests" / "fixtures" / "codegen" / "sample.yaml"
SCHEMAS = yaml.safe_load(SAMPLE.read_bytes())["components"]["schemas"]
SAMPLE_PARAMETERS = {
    p["name"]: p["schema"]
    for p in yaml.safe_load(SAMPLE.read_bytes())["paths"]["/v1.0/appkeys/{appkey}/experiments"]["get"]["parameters"]
}


def _import_generated(out: Path, root: Path, alias: str) -> ModuleType:
    shutil.copytree(out / PACKAGE_NAME, root / alias)
    return importlib.import_module(alias)


@pytest.fixture(scope="module")
def pkgs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    base = tmp_path_factory.mktemp("templates")
    generate(base / "custom", spec_path=SAMPLE)
    generate(base / "plain", spec_path=SAMPLE, templates=None)
    root = base / "importable"
    root.mkdir()
    sys.path.insert(0, str(root))
    try:
        custom = _import_generated(base / "custom", root, "sample_custom")
        plain = _import_generated(base / "plain", root, "sample_plain")
        yield SimpleNamespace(
            custom=custom,
            plain=plain,
            cm=importlib.import_module("sample_custom.models"),
            pm=importlib.import_module("sample_plain.models"),
            validation=importlib.import_module("sample_custom.validation"),
            dirs=SimpleNamespace(custom=base / "custom" / PACKAGE_NAME, plain=base / "plain" / PACKAGE_NAME),
            root=root,
        )
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.split(".")[0] in {"sample_custom", "sample_plain"}]:
            del sys.modules[name]


def _training_kwargs(models: ModuleType) -> dict[str, Any]:
    return {
        "training_name": "iris-train",
        "experiment_id": "e-1",
        "instance_count": 2,
        "source": models.CreateTrainingRequestSource(entry_point="train.py"),
        "hyperparameter_list": [
            models.Hyperparameter(hyperparameter_key="lr", hyperparameter_value="0.1"),
            models.Hyperparameter(hyperparameter_key="epochs", hyperparameter_value="3"),
        ],
        "dataset_uri_list": ["obs://bucket/train"],
    }


def test_the_overrides_are_the_ones_tested_here() -> None:
    # A new override needs a test in this file; this list is the inventory.
    assert sorted(p.name for p in TEMPLATES_DIR.iterdir() if p.suffix == ".jinja") == [
        "client.py.jinja",
        "endpoint_macros.py.jinja",
        "fields.py.jinja",
        "int_enum.py.jinja",
        "kinds.py.jinja",
        "model.py.jinja",
        "models_init.py.jinja",
        "parameters.md.jinja",
        "parameters.py.jinja",
        "str_enum.py.jinja",
        "validation.py.jinja",
    ]


# ----- fields.py.jinja (ours, not an override) ---------------------------------------------------------------


def test_fields_declare_typed_properties_per_response_schema(pkgs: SimpleNamespace) -> None:
    fields = importlib.import_module("sample_custom.fields")
    # response schemas get a mixin; request bodies and envelopes do not
    assert {"Experiment", "Tag", "Training"} <= set(fields.FIELD_CLASSES)
    assert not {"CreateExperimentRequest", "ExperimentResponse"} & set(fields.FIELD_CLASSES)
    experiment = fields.ExperimentFields
    assert experiment.__fields__["experiment_status_code"] == "experimentStatusCode"
    assert experiment.__nested__ == {"tagList": "Tag"}
    hints = {name: getattr(experiment, name).fget.__annotations__["return"] for name in experiment.__fields__}
    assert hints["experiment_name"] == "str | None" and hints["tag_list"] == "list[TagFields] | None"
    assert hints["description"] == "str | None"  # {type: [string, "null"]}

    class Holder(experiment):  # type: ignore[misc,valid-type]
        def __init__(self, data: dict[str, Any]) -> None:
            self.data = data

        def _field(self, wire_name: str) -> Any:
            return self.data.get(wire_name)

    held = Holder({"experimentName": "e"})
    assert held.experiment_name == "e" and held.description is None
    # without our templates there is no such module
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("sample_plain.fields")


# ----- kinds.py.jinja (ours, not an override; the registry itself: tests/codegen/test_kinds_registry.py) -------------------


def test_kinds_registry_is_empty_without_the_extension(pkgs: SimpleNamespace) -> None:
    kinds = importlib.import_module("sample_custom.kinds")
    assert kinds.KINDS == () and dict(kinds.BY_CLASS) == {}
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("sample_plain.kinds")


# ----- parameters.py.jinja (ours, not an override; a property added to the real spec:
# tests/codegen/test_parameters_regeneration.py) -----------------------------------------------------------------------


def test_parameters_table_maps_every_request_body_property_to_an_sdk_parameter(pkgs: SimpleNamespace) -> None:
    parameters = importlib.import_module("sample_custom.parameters")
    training = {row.wire: row for row in parameters.REQUEST_PARAMETERS["CreateTrainingRequest"]}
    assert set(training) == set(SCHEMAS["CreateTrainingRequest"]["properties"])
    row = training["instanceCount"]
    assert (row.name, row.scale, row.named) == ("instance_count", 1, False)  # no x-sdk-named: reached via **options
    options = parameters.CreateTrainingRequestOptions
    assert options.__total__ is False and "instance_count" in options.__annotations__
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("sample_plain.parameters")
    # parameters.md.jinja: the same table as documentation, one row per argument
    table = (pkgs.dirs.custom / "PARAMETERS.md").read_text(encoding="utf-8")
    assert "## `CreateTrainingRequest`" in table
    assert "| `instance_count` | `instanceCount` | `int` |" in table
    assert not (pkgs.dirs.plain / "PARAMETERS.md").exists()


# ----- models_init.py.jinja ----------------------------------------------------------------------------------


def test_models_package_imports_each_model_on_first_use(pkgs: SimpleNamespace) -> None:
    script = """
import sys
import sample_custom.models as models
loaded = lambda: sorted(n for n in sys.modules if n.startswith("sample_custom.models."))
assert loaded() == [], loaded()
from sample_custom.models import Hyperparameter
assert Hyperparameter.__module__ == "sample_custom.models.hyperparameter", Hyperparameter.__module__
assert "sample_custom.models.hyperparameter" in loaded() and len(loaded()) < len(models.__all__), loaded()
assert models.Hyperparameter is Hyperparameter
assert set(models.__all__) <= set(dir(models))
try:
    models.NoSuchModel
except AttributeError as exc:
    assert "NoSuchModel" in str(exc)
else:
    raise AssertionError("unknown name did not raise")
print("OK", len(models.__all__))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=pkgs.root, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0 and out.stdout.startswith("OK"), out.stdout + out.stderr
    # the same names as the generator's own eager package
    assert sorted(pkgs.cm.__all__) == sorted(pkgs.pm.__all__)
    for name in pkgs.pm.__all__:
        assert getattr(pkgs.cm, name).__name__ == getattr(pkgs.pm, name).__name__


# ----- model.py.jinja -----------------------------------------------------------------------------------------


def test_model_request_construction_checks_limits_only_with_our_template(pkgs: SimpleNamespace) -> None:
    limit = SCHEMAS["ResourceName"]["maxLength"]
    too_long = "x" * (limit + 1)
    with pytest.raises(pkgs.validation.ConstraintViolation) as caught:
        pkgs.cm.CreateExperimentRequest(experiment_name=too_long)
    assert str(caught.value) == f"experimentName: length {limit + 1} exceeds maxLength {limit}"
    assert (caught.value.field, caught.value.constraint, caught.value.limit) == ("experimentName", "maxLength", limit)

    unchecked = pkgs.pm.CreateExperimentRequest(experiment_name=too_long)
    assert unchecked.to_dict() == {"experimentName": too_long}


def test_model_exposes_the_document_limits_as_data(pkgs: SimpleNamespace) -> None:
    constraints = pkgs.cm.CreateTrainingRequest.__constraints__
    schema = SCHEMAS["CreateTrainingRequest"]["properties"]
    assert constraints["instanceCount"] == {
        "minimum": schema["instanceCount"]["minimum"],
        "maximum": schema["instanceCount"]["maximum"],
    }
    assert constraints["learningRate"] == {
        "exclusiveMinimum": schema["learningRate"]["exclusiveMinimum"],
        "exclusiveMaximum": schema["learningRate"]["exclusiveMaximum"],
    }
    # A $ref to a constrained string component carries the component's limits.
    resource = SCHEMAS["ResourceName"]
    assert constraints["trainingName"] == {
        "minLength": resource["minLength"],
        "maxLength": resource["maxLength"],
        "pattern": resource["pattern"],
    }
    assert constraints["tuningStrategy"] == {"enum": tuple(SCHEMAS["TuningStrategy"]["enum"])}
    assert constraints["datasetUriList"]["items"] == {
        "maxLength": schema["datasetUriList"]["items"]["maxLength"],
        "pattern": schema["datasetUriList"]["items"]["pattern"],
    }
    assert pkgs.cm.CreateTrainingRequest.__wire_names__["instanceCount"] == "instance_count"
    # Response models carry the data too; only request models act on it.
    assert pkgs.cm.ExperimentListResponsePaging.__constraints__ == {"totalCount": {"minimum": 0}}
    assert not hasattr(pkgs.pm.CreateTrainingRequest, "__constraints__")


TRAINING = SCHEMAS["CreateTrainingRequest"]["properties"]
NAME = SCHEMAS["ResourceName"]
URIS = TRAINING["datasetUriList"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"instance_count": (v := TRAINING["instanceCount"]["minimum"]) - 1},
            f"instanceCount: {v - 1} is below minimum {v}",
        ),
        (
            {"instance_count": (v := TRAINING["instanceCount"]["maximum"]) + 1},
            f"instanceCount: {v + 1} exceeds maximum {v}",
        ),
        (
            {"learning_rate": (v := TRAINING["learningRate"]["exclusiveMinimum"])},
            f"learningRate: {v} is not above exclusiveMinimum {v}",
        ),
        (
            {"learning_rate": (v := TRAINING["learningRate"]["exclusiveMaximum"])},
            f"learningRate: {v} is not below exclusiveMaximum {v}",
        ),
        ({"training_name": ""}, f"trainingName: length 0 is below minLength {NAME['minLength']}"),
        ({"training_name": "has space"}, f"trainingName: 'has space' does not match pattern {NAME['pattern']!r}"),
        ({"dataset_uri_list": []}, f"datasetUriList: 0 items are below minItems {URIS['minItems']}"),
        (
            {"dataset_uri_list": ["obs://a"] * (URIS["maxItems"] + 1)},
            f"datasetUriList: {URIS['maxItems'] + 1} items exceed maxItems {URIS['maxItems']}",
        ),
        (
            {"dataset_uri_list": ["obs://a", "http://b"]},
            f"datasetUriList[1]: 'http://b' does not match pattern {URIS['items']['pattern']!r}",
        ),
        (
            {"timeout_hours": (v := TRAINING["timeoutHours"]["maximum"]) + 1},
            f"timeoutHours: {v + 1} exceeds maximum {v}",
        ),
    ],
)
def test_model_each_keyword_becomes_a_check(pkgs: SimpleNamespace, change: dict[str, Any], message: str) -> None:
    kwargs = {**_training_kwargs(pkgs.cm), **change}
    with pytest.raises(pkgs.validation.ConstraintViolation) as caught:
        pkgs.cm.CreateTrainingRequest(**kwargs)
    assert str(caught.value) == message
    pkgs.pm.CreateTrainingRequest(**{**_training_kwargs(pkgs.pm), **change}).to_dict()  # plain: sent as is


def test_model_string_enum_limit_rejects_an_unknown_value_in_a_request(pkgs: SimpleNamespace) -> None:
    strategy = pkgs.cm.TuningStrategy("SIMULATED_ANNEALING")  # accepted as a value...
    with pytest.raises(pkgs.validation.ConstraintViolation, match="tuningStrategy: 'SIMULATED_ANNEALING' is not one"):
        pkgs.cm.CreateTrainingRequest(**_training_kwargs(pkgs.cm), tuning_strategy=strategy)  # ...not in a request
    ok = pkgs.cm.CreateTrainingRequest(**_training_kwargs(pkgs.cm), tuning_strategy=pkgs.cm.TuningStrategy.GRID)
    assert ok.to_dict()["tuningStrategy"] == "GRID"


def test_model_nested_objects_and_list_items_are_checked_with_their_path(pkgs: SimpleNamespace) -> None:
    request = pkgs.cm.CreateTrainingRequest(**_training_kwargs(pkgs.cm))
    request.source.entry_point = "x" * 256
    with pytest.raises(pkgs.validation.ConstraintViolation) as caught:
        request.to_dict()
    assert str(caught.value) == "source.entryPoint: length 256 exceeds maxLength 255"

    request.source.entry_point = "train.py"
    request.hyperparameter_list[1].hyperparameter_key = ""
    with pytest.raises(pkgs.validation.ConstraintViolation) as caught:
        request.to_dict()
    assert str(caught.value) == "hyperparameterList[1].hyperparameterKey: length 0 is below minLength 1"

    # Building the outer model checks what is nested in it too.
    bad_tag = pkgs.cm.Tag.from_dict({"tagKey": "k" * 65, "tagValue": "v"})
    with pytest.raises(pkgs.validation.ConstraintViolation, match=r"^tagList\[0\]\.tagKey: length 65 exceeds"):
        pkgs.cm.CreateExperimentRequest(experiment_name="ok", tag_list=[bad_tag])


def test_model_from_dict_stays_lenient_and_to_dict_still_checks(pkgs: SimpleNamespace) -> None:
    document = {"experimentName": "not valid!" * 10, "tagList": [{"tagKey": "", "tagValue": "v"}], "extra": 1}
    parsed = pkgs.cm.CreateExperimentRequest.from_dict(document)
    assert parsed.additional_properties == {"extra": 1}
    with pytest.raises(pkgs.validation.ConstraintViolation):
        parsed.to_dict()
    with pkgs.validation.lenient():
        assert parsed.to_dict() == document


def test_model_response_models_never_check(pkgs: SimpleNamespace) -> None:
    paging = pkgs.cm.ExperimentListResponsePaging(total_count=-5)  # below minimum, but a response model
    assert paging.to_dict() == {"totalCount": -5}

    # A response that embeds a request schema (Tag) with a value the client would refuse to send still round-trips.
    document = {**_experiment("ACTIVE"), "tagList": [{"tagKey": "k" * 100, "tagValue": "v"}]}
    parsed = pkgs.cm.Experiment.from_dict(document)
    assert parsed.to_dict() == document
    with pytest.raises(pkgs.validation.ConstraintViolation, match="^tagKey: length 100 exceeds maxLength"):
        parsed.tag_list[0].to_dict()  # sent on its own, it is a request model again
    assert not hasattr(pkgs.cm.Experiment, "check_constraints")
    assert hasattr(pkgs.cm.CreateExperimentRequest, "check_constraints")


def test_model_null_in_an_optional_field_means_absent_only_with_our_template(pkgs: SimpleNamespace) -> None:
    # ExperimentListResponse.paging is an optional object not declared nullable; Experiment.description is nullable.
    header = {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}
    document = {"header": header, "paging": None}
    parsed = pkgs.cm.ExperimentListResponse.from_dict(document)
    assert parsed.to_dict() == {"header": header}
    with pytest.raises((TypeError, AttributeError)):
        pkgs.pm.ExperimentListResponse.from_dict(document)  # the generator's own parser chokes on the null
    kept = pkgs.cm.Experiment.from_dict({**_experiment("ACTIVE"), "description": None})
    assert kept.description is None and kept.to_dict()["description"] is None


# ----- str_enum.py.jinja / int_enum.py.jinja -------------------------------------------------------------------


def _experiment(status: str) -> dict[str, Any]:
    return {"experimentId": "e-1", "experimentName": "n", "experimentStatusCode": status}


def test_str_enum_unknown_value_parses_and_round_trips_only_with_our_template(pkgs: SimpleNamespace) -> None:
    with pytest.raises(ValueError):
        pkgs.pm.Experiment.from_dict(_experiment("ARCHIVED"))

    parsed = pkgs.cm.Experiment.from_dict(_experiment("ARCHIVED"))
    status = parsed.experiment_status_code
    assert isinstance(status, pkgs.cm.ExperimentStatus)
    assert status == "ARCHIVED" and status.value == "ARCHIVED" and str(status) == "ARCHIVED"
    assert not status.is_known
    assert parsed.to_dict() == _experiment("ARCHIVED")

    known = pkgs.cm.Experiment.from_dict(_experiment("ACTIVE")).experiment_status_code
    assert known is pkgs.cm.ExperimentStatus.ACTIVE and known.is_known
    assert pkgs.cm.ExperimentStatus.known_values() == tuple(SCHEMAS["ExperimentStatus"]["enum"])


def test_int_enum_unknown_value_parses_and_round_trips_only_with_our_template(pkgs: SimpleNamespace) -> None:
    document = {"trainingId": "t", "trainingName": "n", "trainingStatusCode": "RUNNING", "priority": 7}
    with pytest.raises(ValueError):
        pkgs.pm.Training.from_dict(document)
    parsed = pkgs.cm.Training.from_dict(document)
    assert parsed.priority == 7 and not parsed.priority.is_known
    assert parsed.to_dict() == document
    assert pkgs.cm.Priority(2).is_known


# ----- validation.py.jinja ---------------------------------------------------------------------------------------


def test_validation_module_exists_only_with_our_templates(pkgs: SimpleNamespace) -> None:
    assert (pkgs.dirs.custom / "validation.py").is_file()
    assert not (pkgs.dirs.plain / "validation.py").exists()
    error = pkgs.validation.ConstraintViolation("tagList[0].tagKey", "maxLength", 64, "k" * 65)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.field, copy.constraint, copy.limit, copy.value, str(copy)) == (
        "tagList[0].tagKey",
        "maxLength",
        64,
        "k" * 65,
        "tagList[0].tagKey: length 65 exceeds maxLength 64",
    )


# ----- client.py.jinja ----------------------------------------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    seen: list[dict[str, Any]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        _Recorder.seen.append({"path": self.path, "headers": dict(self.headers)})
        body = json.dumps(
            {
                "header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"},
                "experiment": _experiment("SOMETHING_NEW"),
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen.clear()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_client_sends_the_token_header_sync_and_async(pkgs: SimpleNamespace, server: str) -> None:
    get_experiment = importlib.import_module("sample_custom.api.experiment.get_experiment")
    client = pkgs.custom.AuthenticatedClient(server, "secret-token", auth_header_name="x-nhn-authorization")
    with client:
        parsed = get_experiment.sync("app/key", "e-1", client=client)
    assert parsed is not None and parsed.experiment.experiment_status_code == "SOMETHING_NEW"

    async def call() -> Any:
        async with pkgs.custom.AuthenticatedClient(server, "secret-token", prefix="") as async_client:
            return await get_experiment.asyncio_detailed("app", "e-1", client=async_client)

    detailed = asyncio.run(call())
    assert detailed.status_code == 200
    first, second = _Recorder.seen
    assert first["path"] == "/v1.0/appkeys/app%2Fkey/experiments/e-1"
    assert first["headers"]["x-nhn-authorization"] == "Bearer secret-token"
    assert second["headers"]["Authorization"] == "secret-token"


def test_client_repr_redacts_the_token(pkgs: SimpleNamespace) -> None:
    assert "secret-token" in repr(pkgs.plain.AuthenticatedClient(base_url="http://x", token="secret-token"))
    assert "secret-token" not in repr(pkgs.custom.AuthenticatedClient("http://x", "secret-token"))


def test_client_is_strictly_typed_with_our_template(pkgs: SimpleNamespace) -> None:
    def mypy(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(path)],
            capture_output=True,
            text=True,
            timeout=180,
        )

    ours = mypy(pkgs.dirs.custom / "client.py")
    assert ours.returncode == 0, ours.stdout
    theirs = mypy(pkgs.dirs.plain / "client.py")
    assert theirs.returncode == 1 and "__exit__" in theirs.stdout, theirs.stdout


# ----- endpoint_macros.py.jinja ---------------------------------------------------------------------------------


def test_endpoint_parameters_are_checked_before_any_request(pkgs: SimpleNamespace, server: str) -> None:
    limit = SAMPLE_PARAMETERS["limit"]["maximum"]
    custom_op = importlib.import_module("sample_custom.api.experiment.list_experiments")
    plain_op = importlib.import_module("sample_plain.api.experiment.list_experiments")
    with pytest.raises(pkgs.validation.ConstraintViolation) as caught:
        custom_op.sync_detailed("app", client=pkgs.custom.Client(server), limit=limit + 1)
    assert str(caught.value) == f"limit: {limit + 1} exceeds maximum {limit}"
    assert _Recorder.seen == []  # nothing was sent

    assert custom_op._get_kwargs("app", limit=limit)["params"] == {"limit": limit}
    assert plain_op._get_kwargs("app", limit=limit + 1)["params"] == {"limit": limit + 1}  # plain: sent as is
    # The other operations render exactly as the generator's own macros do.
    for name in ("get_experiment", "create_experiment", "delete_experiment"):
        ours = (pkgs.dirs.custom / "api" / "experiment" / f"{name}.py").read_text()
        theirs = (pkgs.dirs.plain / "api" / "experiment" / f"{name}.py").read_text()
        assert ours == theirs
