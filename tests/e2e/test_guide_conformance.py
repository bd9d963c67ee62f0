"""The usage scenarios of ``examples/guide/`` still make the calls of the user's guide.

The guide (``sdk-guide.ko.md``) is not part of this repository, and tests read nothing outside it unless told to:
these tests compare against the guide only when ``$EASYMAKER_SDK_GUIDE`` names its path, and are skipped, saying
so, otherwise.

A call is compared by its shape: the dotted callee with the argument count and keyword names of every call in the
chain (``easymaker.Experiment(1;).delete(0;)``). Each call of a guide example must be made by its scenario with the
same shape, and with the same value for every keyword both give as a plain literal (where the guide writes a
placeholder such as ``'model_name'`` the scenario may take the real value from earlier steps).
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import warnings
from pathlib import Path
from typing import Any

import pytest
from guide_files import guide_commands, scenario_files

_GIVEN = os.environ.get("EASYMAKER_SDK_GUIDE")
GUIDE = Path(_GIVEN) if _GIVEN else None

needs_guide = pytest.mark.skipif(
    GUIDE is None or not GUIDE.is_file(),
    reason=f"the user's guide is not in this repository: set EASYMAKER_SDK_GUIDE to its path (now {_GIVEN!r})",
)


def guide_text() -> str:
    assert GUIDE is not None
    return GUIDE.read_text(encoding="utf-8")


Call = tuple[str, dict[str, Any]]  # (shape, keyword -> literal value)


def guide_examples(text: str) -> list[str]:
    """The code of every ```python block of the guide, in order."""
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.M | re.S)


def guide_cli_commands(text: str) -> list[list[str]]:
    """The command column of the guide's CLI table."""
    return [shlex.split(c) for c in re.findall(r"\|\s*(python -m easymaker [^|]*?)\s*\|", text)]


def shape(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{shape(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        keywords = ",".join(sorted(k.arg or "**" for k in node.keywords))
        return f"{shape(node.func)}({len(node.args)};{keywords})"
    return "?"


def literal(node: ast.expr) -> tuple[bool, Any]:
    try:
        return True, ast.literal_eval(node)
    except ValueError:
        return False, None


def calls(code: str) -> list[Call]:
    found = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # the guide's metric_regex is not a raw string
        warnings.simplefilter("ignore", DeprecationWarning)
        tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            literals = {}
            for keyword in node.keywords:
                ok, value = literal(keyword.value)
                if ok and keyword.arg is not None:
                    literals[keyword.arg] = value
            found.append((shape(node), literals))
    return found


def unmatched(guide: list[Call], scenario: list[Call]) -> list[str]:
    """The guide's calls the scenario does not make (each scenario call answers one guide call)."""
    left = list(scenario)
    missing = []
    for want_shape, want in guide:
        for i, (got_shape, got) in enumerate(left):
            if got_shape == want_shape and all(got[k] == v for k, v in want.items() if k in got):
                del left[i]
                break
        else:
            missing.append(f"{want_shape} with {want}")
    return missing


def test_shapes_tell_calls_apart() -> None:
    """The comparison the tests below rely on does notice a changed call."""
    guide = calls("easymaker.Experiment(experiment_id).delete()\nx = easymaker.Model().create(model_name='m')")
    assert unmatched(guide, calls("easymaker.Experiment(e).delete()\ny = easymaker.Model().create(model_name=n)")) == []
    assert unmatched(guide, calls("easymaker.Experiment().delete()\neasymaker.Model().create(model_name='m')"))
    assert unmatched(guide, calls("easymaker.Experiment(e).delete()\neasymaker.Model().create(model_name='x')"))
    assert unmatched(guide, calls("easymaker.Experiment(e).delete()\neasymaker.Model().create(name='m')"))


@needs_guide
def test_scenarios_make_the_guides_calls() -> None:
    examples = guide_examples(guide_text())
    files = scenario_files()
    assert len(examples) == len(files) == 30, (len(examples), [f.name for f in files])
    problems = []
    for example, path in zip(examples, files, strict=True):
        missing = unmatched(calls(example), calls(path.read_text(encoding="utf-8")))
        problems += [f"{path.name}: the guide calls {m}" for m in missing]
    assert not problems, "\n".join(problems)


@needs_guide
def test_cli_scenario_runs_the_guides_commands() -> None:
    guide = guide_cli_commands(guide_text())
    ours = [[a.removeprefix("$") for a in command] for command in guide_commands()]
    assert len(guide) == 8
    assert ours == guide
