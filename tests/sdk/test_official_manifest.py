"""Our SDK against the committed manifest of the official SDK's public surface (2.1.0 and 2.1.5).

``tests/fixtures/official_sdk_manifest.json`` is written by ``tools/official_manifest.py`` from the official wheels
(no network is needed here). Every official module must import at the same path, every official name must be there,
every function and method must accept every call the official one accepts (same positional order; additions only
with defaults), enum members and constants must have the official values, pydantic fields must be readable
attributes and constructor keywords, and the CLI must accept the official options. Each deliberate deviation is a
row of the table in ``docs/migration.md`` (path and reason); a problem not listed there fails the test, and so does
a listed deviation that is no longer one.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import pytest
from paths import REPO

MANIFEST = json.loads((REPO / "tests" / "fixtures" / "official_sdk_manifest.json").read_text())
MIGRATION = REPO / "docs" / "migration.md"
_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*([^|]*?)\s*\|\s*(.+?)\s*\|\s*$")
POSITIONAL = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")


@dataclass(frozen=True)
class Problem:
    path: str
    kind: str  # missing | signature | value | field | cli
    detail: str


def deviations() -> dict[str, tuple[str, str]]:
    """path -> (kind, reason) from the deviation table of docs/migration.md."""
    table: dict[str, tuple[str, str]] = {}
    in_table = False
    for line in MIGRATION.read_text().splitlines():
        if line.startswith("## "):
            in_table = line.strip() == "## Deliberate deviations"
            continue
        match = _ROW.match(line) if in_table else None
        if match and match.group(2) not in ("Kind", ""):
            table[match.group(1)] = (match.group(2), match.group(3))
    return table


# ---------------------------------------------------------------------- signatures
def _ours_parameters(func: Any, drop_first: bool) -> list[inspect.Parameter] | None:
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return None
    if drop_first and params and params[0].kind.name in POSITIONAL:
        params = params[1:]
    return params


def signature_problems(official: list[dict[str, Any]] | None, ours: list[inspect.Parameter] | None) -> list[str]:
    """Why a call that the official signature accepts could fail on ours (empty: call-compatible)."""
    if official is None:
        return []
    if ours is None:
        return ["our signature cannot be read"]
    problems: list[str] = []
    ours_positional = [p for p in ours if p.kind.name in POSITIONAL]
    ours_by_name = {p.name: p for p in ours if p.kind.name in ("POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY")}
    var_positional = any(p.kind.name == "VAR_POSITIONAL" for p in ours)
    var_keyword = any(p.kind.name == "VAR_KEYWORD" for p in ours)
    official_positional = [p for p in official if p["kind"] in POSITIONAL]
    for index, param in enumerate(official_positional):
        if index < len(ours_positional):
            mine = ours_positional[index]
            if mine.name != param["name"] and param["kind"] == "POSITIONAL_OR_KEYWORD":
                problems.append(f"positional {index} is {mine.name!r}, official {param['name']!r}")
        elif not var_positional:
            problems.append(f"official positional {index} ({param['name']!r}) has no place")
    for param in official:
        if param["kind"] in ("POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY"):
            if param["name"] not in ours_by_name and not var_keyword:
                problems.append(f"keyword {param['name']!r} is not accepted")
        elif param["kind"] == "VAR_POSITIONAL" and not var_positional:
            problems.append("official *args not accepted")
        elif param["kind"] == "VAR_KEYWORD" and not var_keyword:
            problems.append("official **kwargs not accepted")
    official_optional = {p["name"] for p in official if "default" in p or p["kind"].startswith("VAR")}
    official_names = {p["name"] for p in official}
    for mine in ours:
        if mine.default is inspect.Parameter.empty and not mine.kind.name.startswith("VAR"):
            if mine.name not in official_names:
                problems.append(f"our required {mine.name!r} is not in the official signature")
            elif mine.name in official_optional:
                problems.append(f"{mine.name!r} is optional in the official signature, required in ours")
    return problems


# ---------------------------------------------------------------------- resolution of our names
def _import(path: str) -> tuple[Any, str | None]:
    try:
        return importlib.import_module(path), None
    except Exception as exc:  # noqa: BLE001 - reported as a problem
        return None, f"{type(exc).__name__}: {exc}"


def _resolve(dotted: str) -> Any:
    """Our object at an official dotted path (module.attr.attr...), or raise AttributeError/ImportError."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module, _ = _import(".".join(parts[:cut]))
        if module is not None:
            obj = module
            for part in parts[cut:]:
                obj = getattr(obj, part)
            return obj
    raise ImportError(dotted)


def _static(cls: type, name: str) -> Any:
    try:
        return inspect.getattr_static(cls, name)
    except AttributeError:
        return None


def _instance(cls: type) -> Any:
    try:
        return cls()
    except Exception:  # noqa: BLE001 - a class without a no-argument constructor
        return None


def _readable(cls: type, name: str) -> bool:
    if _static(cls, name) is not None:
        return True
    instance = _instance(cls)
    if instance is None:
        return False
    try:
        getattr(instance, name)
    except AttributeError:
        return False
    return True


def member_problems(path: str, cls: Any, members: dict[str, Any]) -> Iterator[Problem]:
    for name, entry in members.items():
        where = f"{path}.{name}"
        raw = _static(cls if inspect.isclass(cls) else type(cls), name)
        if entry["kind"] in ("property", "attribute"):
            if not (_readable(cls, name) if inspect.isclass(cls) else hasattr(cls, name)):
                yield Problem(where, "missing", f"no attribute {name!r}")
            elif isinstance(raw, classmethod | staticmethod) or inspect.isfunction(raw):
                yield Problem(where, "signature", f"official {entry['kind']}, ours a method")
            continue
        if raw is None:
            if name == "__init__":
                continue
            yield Problem(where, "missing", f"no method {name!r}")
            continue
        if entry["kind"] in ("classmethod", "staticmethod") and not isinstance(raw, classmethod | staticmethod):
            yield Problem(where, "signature", f"official {entry['kind']} (callable on the class), ours is not")
            continue
        if isinstance(raw, property):
            yield Problem(where, "signature", "official method, ours a property")
            continue
        if isinstance(raw, staticmethod):
            params = _ours_parameters(raw.__func__, drop_first=False)
        elif isinstance(raw, classmethod):
            params = _ours_parameters(raw.__func__, drop_first=True)
        else:
            params = _ours_parameters(raw, drop_first=True)
        official = entry["params"]
        if entry["kind"] == "method" and name != "__init__" and isinstance(raw, classmethod):
            pass  # a classmethod serves instance calls too
        for text in signature_problems(official, params):
            yield Problem(where, "signature", text)


def _value(entry: Any) -> Any:
    if isinstance(entry, dict) and "enum" in entry:
        return entry["value"]
    return entry


def class_problems(path: str, cls: Any, entry: dict[str, Any]) -> Iterator[Problem]:
    if not inspect.isclass(cls):
        yield Problem(path, "signature", f"official class, ours a {type(cls).__name__}")
        return
    for member, value in entry.get("enum", {}).items():
        mine = getattr(cls, member, None)
        if mine is None:
            yield Problem(f"{path}.{member}", "missing", "no enum member")
        elif (mine.value if isinstance(mine, Enum) else mine) != _value(value):
            yield Problem(f"{path}.{member}", "value", f"ours {mine!r}, official {value!r}")
    fields = entry.get("fields") or {}
    if fields:
        init = _ours_parameters(cls, drop_first=False) or []
        keywords = any(p.kind.name == "VAR_KEYWORD" for p in init) or None
        for name in fields:
            accepted = keywords or any(p.name == name for p in init)
            if not accepted:
                yield Problem(f"{path}.{name}", "field", "not a constructor keyword")
            elif not _readable(cls, name):
                yield Problem(f"{path}.{name}", "field", "not a readable attribute")
    yield from member_problems(path, cls, entry.get("members", {}))


def name_problems(module_path: str, module: Any, name: str, entry: dict[str, Any]) -> Iterator[Problem]:
    path = f"{module_path}.{name}"
    try:
        mine = getattr(module, name)
    except (AttributeError, ImportError) as exc:
        yield Problem(path, "missing", f"not importable ({exc})")
        return
    kind = entry["kind"]
    if kind == "module":
        if not inspect.ismodule(mine):
            yield Problem(path, "signature", "official module, ours is not")
    elif kind == "alias":
        try:
            target = _resolve(entry["target"])
        except (AttributeError, ImportError):
            return  # reported where the target is defined
        if target is not mine:
            yield Problem(path, "value", f"not the same object as {entry['target']}")
    elif kind == "class":
        yield from class_problems(path, mine, entry)
    elif kind in ("function", "bound_method"):
        if not callable(mine):
            yield Problem(path, "signature", "not callable")
            return
        drop = inspect.ismethod(mine)
        raw = getattr(mine, "__func__", mine)
        for text in signature_problems(entry["params"], _ours_parameters(raw, drop_first=drop)):
            yield Problem(path, "signature", text)
    elif kind == "constant":
        official = _value(entry["value"])
        value = mine.value if isinstance(mine, Enum) else mine
        if isinstance(value, tuple):
            value = list(value)
        if value != official:
            yield Problem(path, "value", f"ours {value!r}, official {official!r}")
    elif kind == "instance":
        yield from member_problems(path, mine, entry["members"])


class _Captured(BaseException):
    pass


def our_parser(argv: list[str]) -> Any:
    """The argparse parser our CLI uses for ``argv`` (its ``parse_args`` is intercepted; nothing runs)."""
    import argparse

    from easymaker import cli

    captured: list[Any] = []
    original = argparse.ArgumentParser.parse_args

    def capture(self: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> Any:
        captured.append(self)
        raise _Captured

    argparse.ArgumentParser.parse_args = capture  # type: ignore[method-assign]
    try:
        cli.main(list(argv))
    except _Captured:
        pass
    finally:
        argparse.ArgumentParser.parse_args = original  # type: ignore[method-assign]
    return captured[0] if captured else None


def cli_problems(surface: dict[str, Any]) -> Iterator[Problem]:
    for entry in surface["cli"]["parsers"]:
        path = "cli:easymaker " + " ".join(entry["argv"])
        ours = our_parser(entry["argv"])
        if ours is None:
            yield Problem(path.rstrip(), "cli", "our CLI builds no parser for these arguments")
            continue
        yield from _parser_problems(path.rstrip(), entry["parser"], ours)


def _parser_problems(path: str, official: dict[str, Any], ours: Any) -> Iterator[Problem]:
    import argparse

    flags = {}
    commands: dict[str, Any] = {}
    for action in ours._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
        for flag in action.option_strings:
            flags[flag] = action
    for option in official["options"]:
        for flag in option["flags"]:
            action = flags.get(flag)
            if action is None:
                yield Problem(f"{path} {flag}", "cli", "option not accepted")
            elif (action.nargs != 0) != option["takes_value"]:
                yield Problem(f"{path} {flag}", "cli", "takes a value in one and not the other")
    for name, sub in official.get("commands", {}).items():
        if name not in commands:
            yield Problem(f"{path} {name}", "cli", "sub-command missing")
        else:
            yield from _parser_problems(f"{path} {name}", sub, commands[name])


def all_problems() -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for version, surface in MANIFEST["versions"].items():
        problems: list[Problem] = []
        for module_path, module_entry in surface["modules"].items():
            module, error = _import(module_path)
            if module is None:
                problems.append(Problem(module_path, "missing", f"module does not import: {error}"))
                problems.extend(
                    Problem(f"{module_path}.{n}", "missing", "module missing") for n in module_entry["names"]
                )
                continue
            for name, entry in module_entry["names"].items():
                problems.extend(name_problems(module_path, module, name, entry))
        problems.extend(cli_problems(surface))
        found[version] = problems
    return found


def _covered(path: str, table: dict[str, tuple[str, str]], version: str) -> str | None:
    """The row covering ``path`` for ``version``: ``path``, ``prefix.*``, or either after ``VERSION:`` (that
    version only)."""
    for key in table:
        scope, _, pattern = key.rpartition(":") if key[:1].isdigit() else ("", "", key)
        if scope and scope != version:
            continue
        if path == pattern or (pattern.endswith(".*") and path.startswith(pattern[:-1])):
            return key
    return None


def test_manifest_was_generated_from_both_versions() -> None:
    assert sorted(MANIFEST["versions"]) == ["2.1.0", "2.1.5"]
    for surface in MANIFEST["versions"].values():
        assert surface["import_failures"] == {}
        assert len(surface["modules"]) > 40


def test_signature_rule_rejects_what_breaks_callers() -> None:
    def official(a, b, c=1): ...  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202

    entry: list[dict[str, Any]] = [
        {"name": "a", "kind": "POSITIONAL_OR_KEYWORD"},
        {"name": "b", "kind": "POSITIONAL_OR_KEYWORD"},
        {"name": "c", "kind": "POSITIONAL_OR_KEYWORD", "default": 1},
    ]

    def swapped(a, c, b=None): ...  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202
    def extra_required(a, b, c=1, *, d): ...  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202
    def fine(a, b, c=1, d=None, **kw): ...  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202

    assert signature_problems(entry, _ours_parameters(official, False)) == []
    assert signature_problems(entry, _ours_parameters(fine, False)) == []
    assert signature_problems(entry, _ours_parameters(swapped, False))
    assert signature_problems(entry, _ours_parameters(extra_required, False))


def test_ours_against_the_official_manifest() -> None:
    table = deviations()
    for key, (_, reason) in table.items():
        assert len(reason) > 10, f"docs/migration.md: the deviation {key} needs a reason"
    found = all_problems()
    unlisted: list[Problem] = []
    used: set[str] = set()
    for version, problems in found.items():
        counts = {kind: 0 for kind in ("missing", "signature", "value", "field", "cli")}
        for problem in problems:
            counts[problem.kind] += 1
            covered = _covered(problem.path, table, version)
            if covered is None:
                unlisted.append(problem)
            else:
                used.add(covered)
        listed = sum(1 for p in problems if _covered(p.path, table, version))
        print(
            f"official {version}: {counts['missing']} missing names, {counts['signature']} incompatible signatures, "
            f"{counts['field']} missing fields, {counts['value']} different values, {counts['cli']} CLI differences; "
            f"{listed} listed in docs/migration.md, {len([p for p in problems if not _covered(p.path, table, version)])} unlisted"
        )
    stale = sorted(key for key in set(table) - used if table[key][0] != "pending")
    landed = sorted(key for key in set(table) - used if table[key][0] == "pending")
    print(f"deviations listed: {len(table)}; no longer deviations: {len(stale)}; pending rows now provided: {landed}")
    text = "\n".join(f"{p.kind:9} {p.path}: {p.detail}" for p in dict.fromkeys(unlisted))
    assert not unlisted, f"{len(set(unlisted))} unlisted deviations from the official SDK:\n{text}"
    assert not stale, f"docs/migration.md lists deviations that are no longer deviations: {stale}"


if __name__ == "__main__":  # pragma: no cover - a quick report while working
    for version, problems in all_problems().items():
        for problem in dict.fromkeys(problems):
            print(version, problem.kind, problem.path, problem.detail)
    pytest.main([__file__, "-q"])
