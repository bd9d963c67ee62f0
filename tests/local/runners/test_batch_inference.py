"""Batch inference end to end: input files in a folder standing in for Object Storage, real worker processes."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from paths import FIXTURES, TESTS
from serving_support import (
    OBS,
    crash_model,
    golden_model,
    iris_model,
    make_ctx,
    model_resource,
    obs_dir,
    slow_model,
)

from easymaker.local.runners.batch import BatchInferenceRunner
from easymaker.local.serving.inputs import glob_match, select_files


def bi_resource(**over: Any) -> dict[str, Any]:
    res = {
        "batchInferenceId": "bi-1",
        "batchInferenceName": "bi",
        "batchInferenceStatusCode": "CREATE_REQUESTED",
        "modelId": "m-iris",
        "inputDataUri": f"{OBS}/input/",
        "inputDataTypeCode": "JSONL",
        "maxBatchSize": 256,
        "inferenceTimeoutSeconds": 60,
        "podCount": 1,
        "outputUploadUri": f"{OBS}/output/",
        "timeoutMinutes": 10,
    }
    res.update(over)
    return res


def run_bi(tmp: Path, resource: dict[str, Any], models: dict[str, Any], on_status: Any = None) -> Any:
    ctx, rec = make_ctx(tmp, "batch_inference", resource, models, "batchInferenceStatusCode")
    rec.on_status = on_status
    if on_status is not None:
        rec.on_status = lambda s: on_status(ctx, s)
    BatchInferenceRunner().run(ctx)
    return rec


def read_out(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_ten_thousand_jsonl_rows(tmp_path: Path) -> None:
    model, x, _ = iris_model(tmp_path)
    rng = np.random.default_rng(7)
    rows = (x[rng.integers(0, len(x), 10_000)] + rng.normal(0, 0.3, (10_000, 4))).round(3)
    inp = obs_dir(tmp_path, "input")
    (inp / "part").mkdir(parents=True)
    split = {"a.jsonl": rows[:6000], "part/b.jsonl": rows[6000:9000]}
    for name, chunk in split.items():
        (inp / name).write_text("".join(json.dumps(r) + "\n" for r in chunk.tolist()))
    # a line holding {"instances": [...]} contributes its rows
    (inp / "part/c.jsonl").write_text(
        "\n".join(json.dumps({"instances": rows[i : i + 100].tolist()}) for i in range(9000, 10_000, 100)) + "\n"
    )
    split["part/c.jsonl"] = rows[9000:]

    rec = run_bi(tmp_path, bi_resource(podCount=2), {"m-iris": model_resource("m-iris", "iris", "models/iris")})
    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "COMPLETE_IN_PROGRESS", "COMPLETE"], rec.statuses
    res = rec.resource
    assert res["inputFileCount"] == 3 and res["inputDataCount"] == 10_000 and res["processCount"] == 10_000
    assert (res["success2XxCount"], res["fail4XxCount"], res["fail5XxCount"]) == (10_000, 0, 0)
    assert isinstance(res["elapsedTimeSeconds"], int)
    out = obs_dir(tmp_path, "output")
    total = 0
    for name, chunk in split.items():
        lines = read_out(out / f"{name}.out.jsonl")
        assert [ln["input"] for ln in lines] == chunk.tolist()
        assert [ln["prediction"] for ln in lines] == model.predict(chunk).tolist()
        total += len(lines)
    assert total == 10_000


def test_json_files_bad_rows_and_glob_rules(tmp_path: Path) -> None:
    model, x, _ = iris_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    (inp / "keep" / "deep").mkdir(parents=True)
    (inp / "keep" / "list.json").write_text(json.dumps(x[:10].tolist()))
    (inp / "keep" / "deep" / "obj.json").write_text(json.dumps({"instances": x[10:15].tolist()}))
    (inp / "keep" / "deep" / "skip.json").write_text(json.dumps(x[:3].tolist()))
    (inp / "keep" / "bad.json").write_text(json.dumps([[1.0, 2.0], [3.0, 4.0]]))  # wrong feature count: 4xx
    (inp / "other.json").write_text(json.dumps(x[:3].tolist()))
    (inp / "keep" / "notes.txt").write_text("not selected")
    res = bi_resource(
        inputDataTypeCode="JSON",
        includeGlobPattern="keep/**/*.json",
        excludeGlobPattern="**/skip.json",
        maxBatchSize=4,
        podCount=1,
    )
    rec = run_bi(tmp_path, res, {"m-iris": model_resource("m-iris", "iris", "models/iris")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    r = rec.resource
    assert r["inputFileCount"] == 3 and r["inputDataCount"] == 17
    assert (r["success2XxCount"], r["fail4XxCount"], r["fail5XxCount"]) == (15, 2, 0)
    out = obs_dir(tmp_path, "output")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "keep/bad.json.out.jsonl",
        "keep/deep/obj.json.out.jsonl",
        "keep/list.json.out.jsonl",
    ]
    assert [ln["prediction"] for ln in read_out(out / "keep/list.json.out.jsonl")] == model.predict(x[:10]).tolist()
    assert [ln["prediction"] for ln in read_out(out / "keep/deep/obj.json.out.jsonl")] == model.predict(
        x[10:15]
    ).tolist()
    bad = read_out(out / "keep/bad.json.out.jsonl")
    assert [ln["input"] for ln in bad] == [[1.0, 2.0], [3.0, 4.0]]
    assert all("prediction" not in ln and "HTTP 400" in ln["error"] and "features" in ln["error"] for ln in bad)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.jsonl", "a.jsonl", True),
        ("*.jsonl", "dir/sub/a.jsonl", True),  # no "/" in the pattern: matched against the file name
        ("*.jsonl", "a.json", False),
        ("dir/*.jsonl", "dir/a.jsonl", True),
        ("dir/*.jsonl", "dir/sub/a.jsonl", False),
        ("dir/**/*.jsonl", "dir/a.jsonl", True),
        ("dir/**/*.jsonl", "dir/x/y/a.jsonl", True),
        ("dir/**", "dir/x/y/a.jsonl", True),
        ("dir/**", "other/a.jsonl", False),
        ("**/part-?.jsonl", "a/part-1.jsonl", True),
        ("**/part-?.jsonl", "a/part-12.jsonl", False),
        ("data/[ab].jsonl", "data/b.jsonl", True),
        ("data/[!ab].jsonl", "data/b.jsonl", False),
        ("*.{json,jsonl}", "x/y.json", True),
        ("/dir/a.jsonl", "dir/a.jsonl", True),
    ],
)
def test_glob_match(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


def test_exclude_wins_over_include(tmp_path: Path) -> None:
    for rel in ("a.jsonl", "b.jsonl", "sub/c.jsonl", "sub/d.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("1\n")
    assert select_files(tmp_path, None, None) == ["a.jsonl", "b.jsonl", "sub/c.jsonl", "sub/d.txt"]
    assert select_files(tmp_path, "*.jsonl", None) == ["a.jsonl", "b.jsonl", "sub/c.jsonl"]
    assert select_files(tmp_path, "*.jsonl", "b.jsonl") == ["a.jsonl", "sub/c.jsonl"]
    assert select_files(tmp_path, "sub/*", "*.jsonl") == ["sub/d.txt"]
    assert select_files(tmp_path, "a.jsonl", "a.jsonl") == []


def test_nothing_selected_fails_with_reason(tmp_path: Path) -> None:
    iris_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    (inp / "a.jsonl").write_text("[1, 2, 3, 4]\n")
    rec = run_bi(
        tmp_path, bi_resource(excludeGlobPattern="*.jsonl"), {"m-iris": model_resource("m-iris", "iris", "models/iris")}
    )
    assert rec.codes == ["CREATE_IN_PROGRESS", "FAIL_BATCH_INFERENCE_IN_PROGRESS", "FAIL_BATCH_INFERENCE"]
    assert "no input file under" in rec.last_reason and "excludeGlobPattern='*.jsonl'" in rec.last_reason


def test_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    iris_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    (inp / "a.jsonl").write_text("[1, 2, 3, 4]\n[1, 2,\n")
    rec = run_bi(tmp_path, bi_resource(), {"m-iris": model_resource("m-iris", "iris", "models/iris")})
    assert rec.codes[-1] == "FAIL_BATCH_INFERENCE"
    assert "input file a.jsonl line 2 is not valid JSON" in rec.last_reason


def test_model_that_cannot_load_fails(tmp_path: Path) -> None:
    iris_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    (inp / "a.jsonl").write_text("[1, 2, 3, 4]\n")
    models = {"m-iris": model_resource("m-iris", "iris", "models/iris", code="SAPEON")}
    rec = run_bi(tmp_path, bi_resource(), models)
    assert rec.codes[-1] == "FAIL_BATCH_INFERENCE"
    assert "SAPEON models cannot be served by EasyMaker Local" in rec.last_reason


def test_bad_parameter_is_named(tmp_path: Path) -> None:
    rec = run_bi(tmp_path, bi_resource(maxBatchSize=0), {})
    assert rec.codes[-1] == "FAIL_BATCH_INFERENCE"
    assert rec.last_reason == "maxBatchSize must be an integer >= 1 (got 0)"


def test_stop(tmp_path: Path) -> None:
    _, x, _ = iris_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    (inp / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in x.tolist()))

    def stop_when_running(ctx: Any, status: str) -> None:
        if status == "RUNNING":
            ctx.stop_event.set()

    rec = run_bi(
        tmp_path, bi_resource(), {"m-iris": model_resource("m-iris", "iris", "models/iris")}, stop_when_running
    )
    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "STOP_IN_PROGRESS", "STOPPED"]
    assert not obs_dir(tmp_path, "output").exists()


@pytest.fixture()
def worker_sees_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes can unpickle classes defined in the test modules."""
    tests_dir = str(TESTS)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [tests_dir, os.environ.get("PYTHONPATH")])))


def test_stop_while_batches_run(tmp_path: Path, worker_sees_tests: None) -> None:
    slow_model(tmp_path, 0.2)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    (inp / "a.jsonl").write_text("[1, 2]\n" * 200)
    ctx, rec = make_ctx(
        tmp_path,
        "batch_inference",
        bi_resource(maxBatchSize=2),
        {"m-s": model_resource("m-s", "slow", "models/slow")},
        "batchInferenceStatusCode",
    )
    ctx.resource["modelId"] = "m-s"

    def stop_after_progress() -> None:
        rec.wait_for(lambda: ctx.resource.get("processCount", 0) > 0)
        ctx.stop_event.set()

    stopper = threading.Thread(target=stop_after_progress, daemon=True)
    stopper.start()
    BatchInferenceRunner().run(ctx)
    stopper.join(timeout=10)
    assert rec.codes == ["CREATE_IN_PROGRESS", "RUNNING", "STOP_IN_PROGRESS", "STOPPED"]
    assert 0 < ctx.resource["processCount"] < 200
    pids = [json.loads(p.read_text())["pid"] for p in (ctx.work_dir / "run").glob("*.ready.json")]
    assert pids and not any(_running(pid) for pid in pids)
    assert not obs_dir(tmp_path, "output").exists()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_inference_timeout_marks_rows(tmp_path: Path, worker_sees_tests: None) -> None:
    slow_model(tmp_path, 2.5)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    (inp / "a.jsonl").write_text("[1, 2]\n" * 3)
    res = bi_resource(modelId="m-s", maxBatchSize=2, inferenceTimeoutSeconds=1)
    rec = run_bi(tmp_path, res, {"m-s": model_resource("m-s", "slow", "models/slow")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    assert (rec.resource["success2XxCount"], rec.resource["fail5XxCount"]) == (0, 3)
    lines = read_out(obs_dir(tmp_path, "output") / "a.jsonl.out.jsonl")
    assert [ln["error"] for ln in lines] == ["inference timed out after 1 s (inferenceTimeoutSeconds)"] * 3


GOLDEN = FIXTURES / "batch_golden"


@pytest.mark.parametrize(
    ("pods", "size", "kind", "pattern"),
    [(1, 4, "JSONL", "*.json*"), (2, 3, "JSONL", "*.json*"), (1, 2, "JSON", "**/*.json")],
)
def test_outputs_match_the_recorded_ones(
    tmp_path: Path, worker_sees_tests: None, pods: int, size: int, kind: str, pattern: str
) -> None:
    """Byte for byte the outputs the runner wrote before the orjson reader and writer (tests/fixtures/batch_golden:
    float forms, NaN, integers beyond 64 bits, object rows, non-ASCII text, escapes, instances lines, CRLF)."""
    golden_model(tmp_path)
    shutil.copytree(GOLDEN / "input", obs_dir(tmp_path, "input"))
    res = bi_resource(modelId="g", inputDataTypeCode=kind, includeGlobPattern=pattern, maxBatchSize=size, podCount=pods)
    rec = run_bi(tmp_path, res, {"g": model_resource("g", "golden", "models/golden")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    expected = GOLDEN / "expected" / f"out-{pods}-{size}-{kind}"
    out = obs_dir(tmp_path, "output")
    names = sorted(p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file())
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == names
    for name in names:
        assert (out / name).read_bytes() == (expected / name).read_bytes(), name


def test_worker_crash_fails_its_batches_and_the_job_goes_on(tmp_path: Path, worker_sees_tests: None) -> None:
    crash_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    rows = [[k, 0] for k in range(10)]
    rows[4] = [666, 0]
    (inp / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    res = bi_resource(modelId="m-c", maxBatchSize=2)
    rec = run_bi(tmp_path, res, {"m-c": model_resource("m-c", "crash", "models/crash")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    lines = read_out(obs_dir(tmp_path, "output") / "a.jsonl.out.jsonl")
    assert [ln["input"] for ln in lines] == rows
    failed = [i for i, ln in enumerate(lines) if "error" in ln]
    # the batch that killed the worker fails; the ones sent behind it on the same connection (the worker answers in
    # order, so it never started them) are sent again, and the restarted worker predicts them and the rest
    assert failed == [4, 5], lines
    assert all(ln["error"].startswith("model server failed") for ln in lines[4:6])
    assert [ln["prediction"] for ln in lines if "prediction" in ln] == [0] * 8
    assert (rec.resource["success2XxCount"], rec.resource["fail5XxCount"]) == (8, 2)


def test_numeric_reader_writes_what_the_row_reader_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Numeric blocks go to the worker as one binary matrix; blocks with odd lines (blank, objects, exponents,
    integer rows) are read row by row; the output is byte for byte the one the row reader alone writes."""
    from easymaker.local.serving import inputs

    _, x, _ = iris_model(tmp_path)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    rows = [json.dumps(r) for r in x.round(2).tolist()] * 8
    rows[300:300] = ["", '{"instances": [[1, 2, 3, 4], [5.5, 6, 7, 8]]}', "[1e-7, 2.50, 3, 4]", "[1, 2, 3, 4]"]
    (inp / "a.jsonl").write_text("\n".join(rows) + "\n")
    monkeypatch.setattr(inputs, "BLOCK_BYTES", 2000)
    outputs = []
    for reader in (inputs.numeric_rows, lambda lines: None):
        monkeypatch.setattr(inputs, "numeric_rows", reader)
        rec = run_bi(
            tmp_path, bi_resource(maxBatchSize=50), {"m-iris": model_resource("m-iris", "iris", "models/iris")}
        )
        assert rec.codes[-1] == "COMPLETE", rec.statuses
        assert rec.resource["success2XxCount"] == len(rows)  # the blank line is no row, the object line two
        outputs.append((obs_dir(tmp_path, "output") / "a.jsonl.out.jsonl").read_bytes())
    assert outputs[0] == outputs[1]


def test_worker_crash_with_two_pods_keeps_answers_with_their_rows(tmp_path: Path, worker_sees_tests: None) -> None:
    """A worker dies and cannot restart: the batches queued behind the one that killed it go to the other worker,
    behind the ones it already has, and every answer still goes to the rows it belongs to (answers were handed to
    the wrong batches before)."""
    loads = tmp_path / "loads"
    loads.mkdir()
    crash_model(tmp_path, loads=loads)
    inp = obs_dir(tmp_path, "input")
    inp.mkdir(parents=True)
    rows = [[k, 0] for k in range(60)]
    rows[8] = [666, 0]
    (inp / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    res = bi_resource(modelId="m-c", maxBatchSize=2, podCount=2)
    rec = run_bi(tmp_path, res, {"m-c": model_resource("m-c", "crash", "models/crash")})
    assert rec.codes[-1] == "COMPLETE", rec.statuses
    lines = read_out(obs_dir(tmp_path, "output") / "a.jsonl.out.jsonl")
    assert [ln["input"] for ln in lines] == rows
    assert [i for i, ln in enumerate(lines) if "error" in ln] == [8, 9], lines
    assert all(ln["prediction"] == ln["input"][0] for ln in lines if "prediction" in ln), lines
