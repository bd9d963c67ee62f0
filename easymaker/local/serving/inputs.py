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
from functools import lru_cache
from pathlib import Path
from typing import Any

from easymaker.local.serving.batching import InputFile


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


def parse_jsonl(path: Path, relative: str) -> list[Any]:
    rows: list[Any] = []
    with path.open("r", encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError as exc:
                raise InputDataError(f"input file {relative} line {number} is not valid JSON: {exc}") from exc
            if isinstance(value, dict) and isinstance(value.get("instances"), list):
                rows.extend(value["instances"])
            else:
                rows.append(value)
    return rows


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


def read_inputs(root: Path, relatives: list[str], data_type: str) -> list[InputFile]:
    parse = parse_jsonl if data_type == "JSONL" else parse_json
    files = []
    for rel in relatives:
        path = root if root.is_file() else root / rel
        try:
            files.append(InputFile(rel, parse(path, rel)))
        except UnicodeDecodeError as exc:
            raise InputDataError(f"input file {rel} is not UTF-8 text: {exc}") from exc
    return files
