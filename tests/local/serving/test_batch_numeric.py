"""Batch inference's numeric reader (blocks of numeric JSONL rows read as one matrix) and the binary v1 request that
carries the matrix: every batch, request and output line equals what the row-by-row path makes of the same input."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from easymaker.local.runners import batch as runner
from easymaker.local.serving import inputs
from easymaker.local.serving.batching import Answer, Batch, request_body
from easymaker.local.serving.inputs import numeric_rows
from easymaker.local.serving.loaders import ModelSpec, load_model
from easymaker.local.serving.protocol import ModelRepository


@pytest.mark.parametrize(
    "lines",
    [
        [b"[1.5, 2.0]", b"[3.25,\t4.0]"],
        [b"  [1, 2] ", b"[3, -4]"],  # integers only: an int64 matrix
        [b"[0.30000000000000004, -0.0, 0.0001, 123456789012345.6]"],
    ],
)
def test_numeric_blocks_are_read_as_matrices(lines: list[bytes]) -> None:
    block = numeric_rows(lines)
    assert block is not None
    rows = [json.loads(ln) for ln in lines]
    assert block.texts == [json.dumps(r, separators=(",", ":")).encode() for r in rows]
    expected = np.asarray(rows)
    assert block.matrix.dtype == expected.dtype and np.array_equal(block.matrix, expected)
    assert block.rows() == rows


@pytest.mark.parametrize(
    "lines",
    [
        [b"[1.50, 2.0]"],  # json.dumps writes 1.5
        [b"[-0, 1]"],  # json reads the integer 0
        [b"[1e5, 2.0]"],  # exponents
        [b"[0.00001, 2.0]"],  # json.dumps writes 1e-05
        [b"[1.0, 2.0]", b""],  # a blank line
        [b"[1.0, 2.0]", b"   "],
        [b'{"instances": [[1.0, 2.0]]}'],
        [b"[1.0, 2.0]", b"[1.0]"],  # ragged
        [b"[1.0, 2.0], [3.0, 4.0]"],  # two values on one line: not valid JSONL
        [b"[1 2]"],
        [b"[[1.0, 2.0]]"],
        [b"[]", b"[]"],
        [b"1.0", b"2.0"],
        [b"[1.0, 2.0]", b"[1, 2]"],  # a row of integers among rows of floats
        [b"[12345678901234567890123, 1]"],
        [b"[9223372036854775808, 1]"],
        [b"[1.00000000000000001, 2.0]"],  # more digits than a float holds
        [b"[1.0, 2.0]\x0c"],
        [b"[NaN, 1.0]"],
        [b'["1.0", 2.0]'],
        [],
    ],
)
def test_other_blocks_are_left_to_the_row_reader(lines: list[bytes]) -> None:
    assert numeric_rows(lines) is None


def _token(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return repr(round(rng.uniform(-50, 50), rng.randint(0, 6)))
    if kind < 0.8:
        return str(rng.randint(-1000, 1000))
    return rng.choice(["1.50", "-0", "1e3", "0.00001", "NaN", "12345678901234567890123", "2.5E-3", '"x"', "true"])


def _line(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.02:
        return rng.choice(["", "   ", '{"instances": [[1, 2, 3], [4.5, 5, 6]]}', "[1, 2]", '{"a": 1}'])
    sep = rng.choice([", ", ",", " , "])
    if r < 0.6:
        return "[" + sep.join(repr(round(rng.uniform(-9, 9), 3)) for _ in range(3)) + "]"
    if r < 0.75:
        return "[" + sep.join(str(rng.randint(-9, 9)) for _ in range(3)) + "]"
    return "[" + sep.join(_token(rng) for _ in range(3)) + "]"


def _batches(tmp_path: Path, numeric: bool, size: int) -> list[Batch]:
    return list(runner.input_batches(tmp_path, ["a.jsonl"], "JSONL", size, numeric))


@pytest.mark.parametrize("seed", range(6))
def test_numeric_batches_equal_the_row_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """Files mixing numeric blocks with every odd line, cut in small blocks: batch by batch the numeric reader's
    rows, array sent, and output lines are those of the row reader."""
    rng = random.Random(seed)
    monkeypatch.setattr(inputs, "BLOCK_BYTES", rng.choice([64, 200, 1000]))
    lines = [_line(rng) for _ in range(400)]
    if seed % 2:  # a long run of well-formed rows first, so that many blocks are numeric
        run = ["[" + ", ".join(repr(round(rng.uniform(-9, 9), 2)) for _ in range(3)) + "]" for _ in range(300)]
        lines = run + lines
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    size = rng.choice([1, 3, 7, 32])
    fast, slow = _batches(tmp_path, True, size), _batches(tmp_path, False, size)
    assert any(b.numeric is not None for b in fast) or seed % 2 == 0
    assert [b.size for b in fast] == [b.size for b in slow]
    for f, s in zip(fast, slow, strict=True):
        rows = f.numeric.rows() if f.numeric is not None else f.rows
        assert json.dumps(rows) == json.dumps(s.rows)
        if f.numeric is not None:
            expected = np.asarray(s.rows)
            assert f.numeric.matrix.dtype == expected.dtype and np.array_equal(f.numeric.matrix, expected)
        preds = [rng.choice([0, 1.5, "x", [1, 2]]) for _ in range(s.size)]
        for answer in (Answer(200, preds), Answer(200, preds, [[0.5, 0.5]] * s.size), Answer(400, error="bad")):
            assert runner.output_lines(f, answer) == runner.output_lines(s, answer)


def test_binary_v1_request_predicts_as_the_json_one(tmp_path: Path) -> None:
    x, y = load_iris(return_X_y=True)
    joblib.dump(LogisticRegression(max_iter=1000).fit(x, y), tmp_path / "model.joblib")
    repo = ModelRepository({"iris": load_model(ModelSpec("iris", "SKLEARN", str(tmp_path)))})
    rows = x[::7].round(1).tolist()
    lines = [json.dumps(r).encode() for r in rows]
    block = numeric_rows(lines)
    assert block is not None
    params = {"return_probabilities": True}
    headers, body = request_body(Batch(0, [], True, block), params)
    length = headers.split("Inference-Header-Content-Length: ")[1].split("\r\n")[0]
    got = repo.handle("POST", "/v1/models/iris/predict", body, {"inference-header-content-length": length})
    want = repo.handle(
        "POST", "/v1/models/iris/predict", json.dumps({"instances": rows, "parameters": params}).encode()
    )
    assert got == want and got[0] == 200
    ints = numeric_rows([b"[1, 2, 3, 4]", b"[5, 6, 7, 8]"])
    assert ints is not None and ints.matrix.dtype == np.int64
    headers, body = request_body(Batch(0, [], True, ints), None)
    length = headers.split("Inference-Header-Content-Length: ")[1].split("\r\n")[0]
    assert repo.handle("POST", "/v1/models/iris/predict", body, {"inference-header-content-length": length}) == (
        repo.handle("POST", "/v1/models/iris/predict", b'{"instances": [[1, 2, 3, 4], [5, 6, 7, 8]]}')
    )


@pytest.mark.parametrize(
    ("header", "raw", "message"),
    [
        ({"inputs": []}, b"", "one {"),
        ({"inputs": [{"name": "x", "shape": [2, 2], "datatype": "FP64"}]}, b"", "binary_data_size is required"),
        (
            {"inputs": [{"name": "x", "shape": "2", "datatype": "FP64", "parameters": {"binary_data_size": 0}}]},
            b"",
            "shape",
        ),
        (
            {"inputs": [{"name": "x", "shape": [2, 2], "datatype": "FP64", "parameters": {"binary_data_size": 32}}]},
            b"\0" * 8,
            "announces 32 binary bytes",
        ),
        (
            {"inputs": [{"name": "x", "shape": [2, 2], "datatype": "FP64", "parameters": {"binary_data_size": 16}}]},
            b"\0" * 16,
            "needs 4",
        ),
        (
            {"inputs": [{"name": "x", "shape": [1], "datatype": "FP99", "parameters": {"binary_data_size": 8}}]},
            b"\0" * 8,
            "datatype",
        ),
    ],
)
def test_bad_binary_v1_requests_are_refused(tmp_path: Path, header: dict[str, Any], raw: bytes, message: str) -> None:
    x, y = load_iris(return_X_y=True)
    joblib.dump(LogisticRegression(max_iter=1000).fit(x, y), tmp_path / "model.joblib")
    repo = ModelRepository({"iris": load_model(ModelSpec("iris", "SKLEARN", str(tmp_path)))})
    head = json.dumps(header).encode()
    status, out = repo.handle(
        "POST", "/v1/models/iris/predict", head + raw, {"inference-header-content-length": str(len(head))}
    )
    assert status == 400 and message in out["error"], out
