"""Write the public surface of the official ``easymaker`` SDK (2.1.0 and 2.1.5) as a JSON manifest.

    python tools/official_manifest.py            # writes tests/fixtures/official_sdk_manifest.json

Each version is installed from PyPI into its own throw-away virtualenv under ``.official-venvs/`` (gitignored; kept
so that reruns are fast), and this same file is run there with ``--introspect``: it imports every module of the
installed package and records, per module, its public names: classes (bases, enum members, pydantic fields, public
methods and properties with their signatures), functions (parameters with kind, order and defaults), module
aliases and constants; and the CLI's sub-commands and options (from the argparse parsers the CLI builds).

The introspection half uses the standard library only, since it runs inside the official SDK's virtualenv.
``tests/sdk/test_official_manifest.py`` checks our SDK against the written manifest without any network.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

VERSIONS = ("2.1.0", "2.1.5")
ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / ".official-venvs"
MANIFEST = ROOT / "tests" / "fixtures" / "official_sdk_manifest.json"
PACKAGE = "easymaker"


# ---------------------------------------------------------------------- introspection (runs in the official venv)
def _default(value: Any) -> Any:
    """A JSON form of a default value (enum members by value, other objects by repr)."""
    if isinstance(value, Enum):
        return {"enum": f"{type(value).__name__}.{value.name}", "value": _default(value.value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_default(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _default(v) for k, v in value.items()}
    return {"repr": repr(value)}


def _parameters(func: Any, drop_first: bool) -> list[dict[str, Any]] | None:
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    params = list(signature.parameters.values())
    if drop_first and params and params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD):
        params = params[1:]
    out = []
    for p in params:
        entry: dict[str, Any] = {"name": p.name, "kind": p.kind.name}
        if p.default is not p.empty:
            entry["default"] = _default(p.default)
        out.append(entry)
    return out


def _ours(obj: Any) -> bool:
    return (getattr(obj, "__module__", None) or "").split(".")[0] == PACKAGE


def _member(cls: type, name: str) -> dict[str, Any] | None:
    raw = None
    for klass in cls.__mro__:
        if name in klass.__dict__:
            raw = klass.__dict__[name]
            owner = klass
            break
    if raw is None or not _ours(owner):
        return None
    if isinstance(raw, property):
        return {"kind": "property"}
    if isinstance(raw, classmethod):
        return {"kind": "classmethod", "params": _parameters(raw.__func__, drop_first=True)}
    if isinstance(raw, staticmethod):
        return {"kind": "staticmethod", "params": _parameters(raw.__func__, drop_first=False)}
    if inspect.isfunction(raw):
        return {"kind": "method", "params": _parameters(raw, drop_first=True)}
    if isinstance(raw, Enum):
        return None  # enum members are listed separately
    if inspect.isclass(raw) or callable(raw):
        return None
    return {"kind": "attribute", "value": _default(raw)}


def _class(cls: type) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": "class",
        "defined_in": cls.__module__,
        "bases": [f"{b.__module__}.{b.__qualname__}" for b in cls.__bases__],
    }
    if issubclass(cls, Enum):
        entry["enum"] = {m.name: _default(m.value) for m in cls}
    fields = getattr(cls, "model_fields", None)
    if isinstance(fields, dict):
        entry["fields"] = {
            name: {"default": _default(f.default) if not f.is_required() else None, "required": f.is_required()}
            for name, f in fields.items()
            if not name.startswith("_")
        }
    members = {}
    names = {n for klass in cls.__mro__ if _ours(klass) for n in klass.__dict__}
    for name in sorted(names):
        if (name.startswith("_") and name != "__init__") or name == "model_config":  # pydantic's settings
            continue
        if name == "__init__":
            init = next((k.__dict__["__init__"] for k in cls.__mro__ if "__init__" in k.__dict__), None)
            owner = next((k for k in cls.__mro__ if "__init__" in k.__dict__), object)
            if init is not None and _ours(owner) and inspect.isfunction(init):
                members["__init__"] = {"kind": "method", "params": _parameters(init, drop_first=True)}
            continue
        found = _member(cls, name)
        if found is not None:
            members[name] = found
    entry["members"] = members
    return entry


def _module_names(module: Any) -> dict[str, Any]:
    names: dict[str, Any] = {}
    is_package_init = hasattr(module, "__path__")
    for name, value in sorted(vars(module).items()):
        if name.startswith("_") or name == "TYPE_CHECKING":
            continue
        if inspect.ismodule(value):
            if value.__name__.split(".")[0] == PACKAGE and (
                value.__name__.startswith(module.__name__ + ".") or is_package_init
            ):
                names[name] = {"kind": "module", "target": value.__name__}
            continue
        if inspect.isclass(value):
            if value.__module__ == module.__name__:
                names[name] = _class(value)
            elif _ours(value) and is_package_init:
                names[name] = {"kind": "alias", "target": f"{value.__module__}.{value.__qualname__}"}
            continue
        if inspect.isfunction(value) or inspect.ismethod(value):
            defined_here = value.__module__ == module.__name__
            if inspect.ismethod(value) and _ours(value.__self__.__class__):
                names[name] = {
                    "kind": "bound_method",
                    "target": f"{type(value.__self__).__module__}.{type(value.__self__).__qualname__}.{value.__name__}",
                    "params": _parameters(value, drop_first=False),
                }
            elif defined_here:
                names[name] = {"kind": "function", "params": _parameters(value, drop_first=False)}
            elif _ours(value) and is_package_init:
                names[name] = {"kind": "alias", "target": f"{value.__module__}.{value.__qualname__}"}
            continue
        if isinstance(value, bool | int | float | str | dict | list | tuple) or value is None:
            names[name] = {"kind": "constant", "value": _default(value)}
        elif _ours(type(value)) and not callable(value):
            members = _class(type(value))["members"]
            members.pop("__init__", None)
            names[name] = {"kind": "instance", "members": members}
    return names


class _Captured(Exception):
    pass


def _cli() -> dict[str, Any]:
    """The options and sub-commands of the parsers the official CLI builds (parse_args is intercepted)."""
    parsers: list[tuple[list[str], argparse.ArgumentParser]] = []
    original = argparse.ArgumentParser.parse_args

    def capture(self: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> Any:
        parsers.append((sys.argv[1:], self))
        raise _Captured

    argparse.ArgumentParser.parse_args = capture  # type: ignore[method-assign]
    saved = sys.argv
    try:
        cli = importlib.import_module(f"{PACKAGE}.cli.cli")
        for argv in (["easymaker"], ["easymaker", "sample"]):
            sys.argv = argv
            try:
                cli.main()
            except _Captured:
                pass
            except SystemExit:
                pass
    finally:
        argparse.ArgumentParser.parse_args = original  # type: ignore[method-assign]
        sys.argv = saved

    def describe(parser: argparse.ArgumentParser) -> dict[str, Any]:
        options = []
        commands = {}
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    commands[name] = describe(sub)
                continue
            if isinstance(action, argparse._HelpAction):
                continue
            options.append(
                {
                    "flags": list(action.option_strings),
                    "dest": action.dest,
                    "required": bool(action.required),
                    "takes_value": action.nargs != 0,
                }
            )
        groups = [
            sorted(a.dest for a in g._group_actions) for g in parser._mutually_exclusive_groups if g._group_actions
        ]
        out: dict[str, Any] = {"prog": parser.prog, "options": options}
        if commands:
            out["commands"] = commands
        if groups:
            out["exclusive_groups"] = groups
        return out

    described: list[dict[str, Any]] = []
    for argv, parser in parsers:
        if all(describe(parser) != d["parser"] for d in described):
            described.append({"argv": argv, "parser": describe(parser)})
    return {"parsers": described}


def introspect() -> dict[str, Any]:
    package = importlib.import_module(PACKAGE)
    modules: dict[str, Any] = {}
    names = [PACKAGE] + sorted(
        info.name
        for info in pkgutil.walk_packages(package.__path__, PACKAGE + ".")
        if not info.name.endswith("__main__")
    )
    failed = {}
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - recorded, not hidden
            failed[name] = f"{type(exc).__name__}: {exc}"
            continue
        modules[name] = {"package": hasattr(module, "__path__"), "names": _module_names(module)}
    from importlib import metadata

    return {
        "version": metadata.version(PACKAGE),
        "modules": modules,
        "import_failures": failed,
        "cli": _cli(),
        "console_scripts": sorted(
            f"{ep.name} = {ep.value}"
            for ep in metadata.distribution(PACKAGE).entry_points
            if ep.group == "console_scripts"
        ),
    }


# ---------------------------------------------------------------------- driver (runs in our venv)
def venv_python(version: str, venvs: Path = VENVS) -> Path:
    """The python of a virtualenv holding the official ``easymaker==version`` (created on first use)."""
    venv = venvs / version
    python = venv / "bin" / "python"
    check = [str(python), "-c", f"import importlib.metadata as m; assert m.version('easymaker') == {version!r}"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    venvs.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, capture_output=True)
    pip = [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", f"easymaker=={version}"]
    done = subprocess.run(pip, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"cannot install easymaker=={version} into {venv}: {done.stderr[-2000:]}")
    return python


def build(venvs: Path = VENVS) -> dict[str, Any]:
    versions = {}
    for version in VERSIONS:
        python = venv_python(version, venvs)
        env = {k: v for k, v in os.environ.items() if not k.startswith("EM_") and k != "PYTHONPATH"}
        done = subprocess.run(
            [str(python), str(Path(__file__).resolve()), "--introspect"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=venvs,
            timeout=300,
        )
        versions[version] = json.loads(done.stdout)
    return {
        "generated_by": "tools/official_manifest.py",
        "source": "the official easymaker wheels from PyPI, introspected in their own virtualenvs",
        "versions": versions,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--introspect", action="store_true", help="(internal) print the installed SDK's surface")
    parser.add_argument("--output", type=Path, default=MANIFEST)
    parser.add_argument("--venvs", type=Path, default=VENVS)
    args = parser.parse_args(argv)
    if args.introspect:
        json.dump(introspect(), sys.stdout, indent=1, sort_keys=True)
        return 0
    manifest = build(args.venvs)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    for version, surface in manifest["versions"].items():
        count = sum(len(m["names"]) for m in surface["modules"].values())
        print(f"easymaker {version}: {len(surface['modules'])} modules, {count} names -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
