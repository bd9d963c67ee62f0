"""Input files of batch inference: glob selection and JSON / JSONL parsing.

Glob patterns (``includeGlobPattern`` / ``excludeGlobPattern``) are matched against each file's path relative to
the input prefix, with ``/`` separators:

* ``*`` matches any characters except ``/``; ``?`` one character except ``/``; ``[abc]`` / ``[!abc]`` a class;
  ``{a,b}`` either alternative; ``**`` any number of directories (``**/x.jsonl``, ``dir/**``, ``a/**/b``).
* A pattern with no ``/`` is matched against the file name only, so ``*.jsonl`` selects JSONL files at any depth.
* Include selects files (no include: every file); exclude removes files; a file matched by both is excluded.

Parsing (``inputDataTypeCode``):

* ``JSONL``: each non-blank line is one instance; a line that is an object with the key ``instances`` contributes
  the items of that list instead.
* ``JSON``: the whole file is one JSON value: a list (each element is an instance), an object with ``instances``
  (its list), or any other value (one instance).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson


class InputDataError(ValueError):
    """The input data cannot be read; the message names the file and the line."""


@lru_cache(maxsize=64)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a glob (rules in the module docstring) into a regex over relative POSIX paths."""
    pat = pattern.strip().lstrip("/")
    out = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        if pat.startswith("**", i):
            j = i + 2
            if j < n and pat[j] == "/":
                out.append("(?:.*/)?")
                i = j + 1
            else:
                out.append(".*")
                i = j
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pat.find("]", i + 2)
            if end == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end + 1
        elif c == "{":
            end = pat.find("}", i)
            if end == -1:
                out.append(re.escape(c))
                i += 1
            else:
                alternatives = pat[i + 1 : end].split(",")
                out.append("(?:" + "|".join(re.escape(a) for a in alternatives) + ")")
                i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(pattern: str, relative: str) -> bool:
    target = relative if "/" in pattern.strip().lstrip("/") else relative.rsplit("/", 1)[-1]
    return glob_regex(pattern).match(target) is not None


def select_files(root: Path, include: str | None, exclude: str | None) -> list[str]:
    """Relative POSIX paths of the files under ``root`` that the patterns select, sorted."""
    if root.is_file():
        candidates = [root.name]
    else:
        candidates = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    selected = []
    for rel in candidates:
        if include and not glob_match(include, rel):
            continue
        if exclude and glob_match(exclude, rel):
            continue
        selected.append(rel)
    return selected


BLOCK_BYTES = 1 << 16  # JSONL is read about this much at a time (larger blocks cost more garbage collection)
_UNICODE_SPACE = re.compile(rb"[\x1c-\x1f]")  # ASCII bytes str.strip() removes but bytes.strip() keeps


def _jsonl_lines(path: Path) -> Iterator[tuple[int, list[bytes]]]:
    """Blocks of lines of a JSONL file: (number of the block's first line, its lines). Line ends as text mode reads
    them (``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    number = 1
    rest = b""
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(BLOCK_BYTES)
            if chunk.endswith(b"\r"):
                chunk += fh.read(1)
            if not chunk:
                if rest:
                    yield number, [rest]
                return
            data = rest + chunk
            if b"\r" in data:
                data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            lines = data.split(b"\n")
            rest = lines.pop()
            yield number, lines
            number += len(lines)


def _json_line(line: bytes, relative: str, number: int) -> tuple[Any, bool]:
    """One line as :func:`json.loads` reads it; ``(value, False)``, or ``(None, True)`` for a blank line."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputDataError(f"input file {relative} line {number} is not UTF-8 text: {exc}") from exc
    if not text.strip():
        return None, True
    try:
        return json.loads(text), False
    except ValueError as exc:
        raise InputDataError(f"input file {relative} line {number} is not valid JSON: {exc}") from exc


_NUMERIC_TEXT = b"0123456789.-,[] \t"  # every byte a block of numeric rows may hold
_INTEGER_ROW = re.compile(rb"\[[-0-9,]*\]")  # in compact text: a row without a float


@dataclass
class NumericRows:
    """Consecutive rows of numbers read at once by :func:`numeric_rows`: ``matrix`` is the ``(n, k)`` int64 or
    float64 array ``numpy.asarray`` makes of the rows, ``texts[i]`` row ``i`` as ``json.dumps(row,
    separators=(",", ":"))`` writes it."""

    matrix: Any
    texts: list[bytes]

    def __len__(self) -> int:
        return len(self.texts)

    def rows(self) -> list[Any]:
        """The rows as :mod:`json` reads them (each text holds exactly the row's values)."""
        return list(map(orjson.loads, self.texts))


def numeric_rows(lines: list[bytes]) -> NumericRows | None:
    """A block of JSONL lines that are all flat lists of numbers, each written as ``json.dumps`` writes it (spaces
    aside), read with a few calls for the whole block instead of a few per row; ``None`` for any other block
    (blank lines, objects, strings, exponents, ``NaN``, ``1.50``, ``-0``, rows of different lengths...), which is
    then read row by row. The rows' texts are the lines without their spaces, checked to be what orjson writes
    back, in a form that :mod:`json` writes alike (no exponent, nothing below 1e-4)."""
    if not lines:
        return None
    joined = b"\n".join(lines)
    if joined.translate(None, _NUMERIC_TEXT + b"\n"):
        return None
    texts = joined.translate(None, b" \t").split(b"\n")
    compact = b"[" + b",".join(texts) + b"]"
    if b"0.0000" in compact:
        return None
    try:
        rows = orjson.loads(b"[" + joined.replace(b"\n", b",") + b"]")
    except orjson.JSONDecodeError:
        return None
    if len(rows) != len(lines) or orjson.dumps(rows) != compact:
        return None
    import numpy as np

    try:
        matrix = np.array(rows)
    except (ValueError, OverflowError):  # rows of different lengths, integers numpy does not hold
        return None
    if matrix.ndim != 2 or matrix.shape[1] == 0 or matrix.dtype not in (np.int64, np.float64):
        return None
    if matrix.dtype == np.float64 and _INTEGER_ROW.search(compact, 1) is not None:
        return None  # a row of integers among rows of floats: numpy makes a batch of only such rows int64
    return NumericRows(matrix, texts)


def iter_jsonl(path: Path, relative: str, numeric: bool = False) -> Iterator[tuple[list[Any] | NumericRows, bool]]:
    """The instances of a JSONL file, block by block: ``(rows, plain)``.

    ``plain`` means orjson read every row of the block, so orjson writes each back exactly as :mod:`json` would
    read it; otherwise (NaN, integers beyond 64 bits, lone surrogates, odd whitespace) the block was read with
    :mod:`json`, line by line, as before. With ``numeric``, a block of numeric rows comes as :class:`NumericRows`
    (:func:`numeric_rows`). Memory holds one block.
    """
    loads = orjson.loads
    for first, lines in _jsonl_lines(path):
        if numeric:
            block = numeric_rows(lines)
            if block is not None:
                yield block, True
                continue
        plain = True
        try:
            values = [loads(ln) for ln in lines if ln.strip()]  # ASCII-blank lines; others go the slow way
        except orjson.JSONDecodeError:
            plain = False
            values = []
            for offset, line in enumerate(lines):
                value, blank = _json_line(line, relative, first + offset)
                if not blank:
                    values.append(value)
        if any(type(v) is dict for v in values):
            rows: list[Any] = []
            for value in values:
                if isinstance(value, dict) and isinstance(value.get("instances"), list):
                    rows.extend(value["instances"])
                else:
                    rows.append(value)
            values = rows
        yield values, plain


def parse_json(path: Path, relative: str) -> list[Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise InputDataError(f"input file {relative} is not valid JSON: {exc}") from exc
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and isinstance(value.get("instances"), list):
        return list(value["instances"])
    return [value]


def iter_rows(
    root: Path, relative: str, data_type: str, numeric: bool = False
) -> Iterator[tuple[list[Any] | NumericRows, bool]]:
    """The instances of one selected file, block by block (a JSON file is one block); ``numeric``: see
    :func:`iter_jsonl`."""
    path = root if root.is_file() else root / relative
    if data_type == "JSONL":
        yield from iter_jsonl(path, relative, numeric)
        return
    try:
        yield parse_json(path, relative), False
    except UnicodeDecodeError as exc:
        raise InputDataError(f"input file {relative} is not UTF-8 text: {exc}") from exc


def count_jsonl(path: Path, relative: str) -> int:
    """How many instances a JSONL file holds, without reading every row: one per non-blank line, except the lines
    that may be ``{"instances": [...]}`` objects or blank in Unicode's sense, which are read (the other lines are
    checked as the batches are read)."""
    total = 0
    for first, lines in _jsonl_lines(path):
        data = b"".join(lines)
        if b"{" not in data and data.isascii() and _UNICODE_SPACE.search(data) is None:
            total += sum(map(bool, map(bytes.strip, lines)))  # no line to read: count the non-blank ones
            continue
        for offset, line in enumerate(lines):
            head = line.lstrip()[:1]
            if not head:
                continue
            if head == b"{" or head >= b"\x80" or b"\x1c" <= head <= b"\x1f":
                value, blank = _json_line(line, relative, first + offset)
                if blank:
                    continue
                if isinstance(value, dict) and isinstance(value.get("instances"), list):
                    total += len(value["instances"])
                    continue
            total += 1
    return total


def count_rows(root: Path, relatives: list[str], data_type: str) -> int:
    """How many instances the files hold (a JSON file that is not valid fails here, before any prediction)."""
    if data_type == "JSONL":
        return sum(count_jsonl(root if root.is_file() else root / rel, rel) for rel in relatives)
    return sum(len(rows) for rel in relatives for rows, _ in iter_rows(root, rel, data_type))
