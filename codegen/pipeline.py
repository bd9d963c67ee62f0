"""spec/openapi.yaml -> openapi-python-client (pinned, our templates) -> ruff (pinned) -> generated/easymaker_api/."""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError
from ruamel.yaml import YAML

from .constraints import SpecIndex, text
from .fields import FieldsClass, field_classes
from .kinds import KindEntry, kind_entries
from .parameters import RequestParameters, imports, request_parameters

CODEGEN_DIR = Path(__file__).resolve().parent
REPO_ROOT = CODEGEN_DIR.parent
SPEC_PATH = REPO_ROOT / "spec" / "openapi.yaml"
GENERATED_DIR = REPO_ROOT / "generated"
TEMPLATES_DIR = CODEGEN_DIR / "templates"
CONFIG_PATH = CODEGEN_DIR / "config.yaml"
PACKAGE_NAME = "easymaker_api"

# The output is byte-stable only for these exact versions; a different install is refused, not silently used.
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.6"
RUFF_ARGS = ("--isolated", "--no-cache", "--target-version", "py311", "--line-length", "120")

# Templates that are ours rather than overrides: rendered by this module after the generator has run.
EXTRA_TEMPLATES = {
    "validation.py.jinja": "validation.py",
    "fields.py.jinja": "fields.py",
    "parameters.py.jinja": "parameters.py",
    "kinds.py.jinja": "kinds.py",
    "parameters.md.jinja": "PARAMETERS.md",
}

IGNORED_NAMES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


class GenerationError(RuntimeError):
    """The generator could not produce the package; the message names the cause."""


@dataclass
class Report:
    """What one generation produced."""

    package_dir: Path
    spec_sha256: str
    operations: int
    schemas: int
    models: int
    enums: int
    request_models: int
    validators: int
    parameter_validators: int
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.operations} operations, {self.schemas} schemas ({self.models} models, {self.enums} enums), "
            f"{self.request_models} request models, {self.validators} constraints turned into validators "
            f"(+{self.parameter_validators} on parameters)"
        )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_digest(paths: Iterable[Path], root: Path) -> str:
    """sha256 over (relative path, bytes) of the files, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _template_files(templates: Path | None) -> list[Path]:
    if templates is None:
        return []
    return [p for p in templates.rglob("*") if p.is_file() and not (set(p.parts) & IGNORED_NAMES)]


def _ruff() -> Path:
    candidate = Path(sys.executable).parent / "ruff"
    if candidate.exists():
        return candidate
    found = shutil.which("ruff")
    if found is None:
        raise GenerationError(f"ruff=={RUFF_VERSION} is not installed (pip install 'ruff=={RUFF_VERSION}')")
    return Path(found)


def check_versions() -> str:
    """Return the ruff version after checking both pinned tools are the installed ones."""
    installed = version("openapi-python-client")
    if installed != GENERATOR_VERSION:
        raise GenerationError(
            f"openapi-python-client {installed} is installed but the output is pinned to {GENERATOR_VERSION}"
        )
    out = subprocess.run([str(_ruff()), "--version"], capture_output=True, text=True, check=True).stdout.split()
    ruff_version = out[-1] if out else "unknown"
    if ruff_version != RUFF_VERSION:
        raise GenerationError(f"ruff {ruff_version} is installed but the output is pinned to {RUFF_VERSION}")
    return ruff_version


def _load_document(raw: bytes, where: Path) -> dict[str, Any]:
    document = YAML(typ="safe").load(raw)
    if not isinstance(document, dict):
        raise GenerationError(f"{where}: the document is not a mapping")
    return document


def _format(package_dir: Path) -> None:
    ruff = str(_ruff())
    for command in (
        [ruff, "check", *RUFF_ARGS, "--fix-only", "--extend-select", "I,F401", "--exit-zero", "."],
        [ruff, "format", *RUFF_ARGS, "."],
    ):
        done = subprocess.run(command, cwd=package_dir, capture_output=True, text=True)
        if done.returncode != 0:
            raise GenerationError(f"{' '.join(command[:2])} failed in {package_dir}:\n{done.stderr or done.stdout}")


def _describe_error(error: GeneratorError) -> str:
    text = f"{error.level.value}: {error.header or ''}".rstrip()
    if error.detail:
        text += f" ({error.detail.strip()})"
    data = getattr(error, "data", None)
    if data is not None:
        text += f" in {data!r}"[:400]
    return text


def generate(
    output_dir: Path,
    *,
    spec_path: Path = SPEC_PATH,
    templates: Path | None = TEMPLATES_DIR,
    config_path: Path = CONFIG_PATH,
) -> Report:
    """Generate the package into `output_dir/easymaker_api` (replacing it). `templates=None` uses the generator's
    own templates only (no constraint validators, no provenance of templates)."""
    ruff_version = check_versions()
    raw = spec_path.read_bytes()
    document = _load_document(raw, spec_path)

    with tempfile.TemporaryDirectory(prefix="easymaker-codegen-") as scratch:
        package_dir = Path(scratch) / PACKAGE_NAME
        config = Config.from_sources(
            ConfigFile.load_from_path(config_path),
            MetaType.NONE,
            spec_path,
            "utf-8",
            overwrite=True,
            output_path=package_dir,
        )
        openapi = GeneratorData.from_dict(document, config=config)
        if isinstance(openapi, GeneratorError):
            raise GenerationError(f"{spec_path}: {_describe_error(openapi)}")
        index = SpecIndex(document, openapi)
        project = Project(openapi=openapi, config=config, custom_template_path=templates)
        project.env.globals["em"] = _TemplateHelpers(index)
        if templates is not None:
            # Overrides may delegate to the generator's own template of the same name as "upstream/<name>".
            upstream = PackageLoader("openapi_python_client")
            project.env.loader = ChoiceLoader(
                [FileSystemLoader(str(templates)), PrefixLoader({"upstream": upstream}), upstream]
            )
        with contextlib.redirect_stdout(io.StringIO()):  # the generator prints its scratch path
            errors = project.build()
        warnings = [_describe_error(e) for e in errors]
        fatal = [e for e in errors if e.level == ErrorLevel.ERROR]
        if fatal:
            raise GenerationError("the generator failed:\n" + "\n".join(_describe_error(e) for e in fatal))

        if templates is not None:
            for template_name, module_file in EXTRA_TEMPLATES.items():
                if (templates / template_name).exists():
                    text = project.env.get_template(template_name).render()
                    (package_dir / module_file).write_text(text, encoding="utf-8")
        (package_dir / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
        _format(package_dir)

        operations = sum(len(c.endpoints) for c in openapi.endpoint_collections_by_tag.values())
        report = Report(
            package_dir=output_dir / PACKAGE_NAME,
            spec_sha256=sha256_hex(raw),
            operations=operations,
            schemas=len(openapi.models) + len(openapi.enums),
            models=len(openapi.models),
            enums=len(openapi.enums),
            request_models=len(index.request_classes),
            validators=index.validator_count() if templates is not None else 0,
            parameter_validators=index.parameter_validator_count() if templates is not None else 0,
            warnings=warnings,
        )
        provenance = {
            "spec": _display_path(spec_path),
            "spec_sha256": report.spec_sha256,
            "generator": "openapi-python-client",
            "generator_version": GENERATOR_VERSION,
            "ruff_version": ruff_version,
            "templates_sha256": tree_digest(
                [*_template_files(templates), config_path], templates.parent if templates else config_path.parent
            ),
            "codegen_sha256": tree_digest(sorted(CODEGEN_DIR.glob("*.py")), CODEGEN_DIR),
            "custom_templates": templates is not None,
            "counts": {
                "operations": report.operations,
                "schemas": report.schemas,
                "models": report.models,
                "enums": report.enums,
                "request_models": report.request_models,
                "validators": report.validators,
                "parameter_validators": report.parameter_validators,
            },
        }
        (package_dir / "PROVENANCE.json").write_text(
            json.dumps(provenance, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )

        output_dir.mkdir(parents=True, exist_ok=True)
        target = output_dir / PACKAGE_NAME
        staged = output_dir / f".{PACKAGE_NAME}.new"
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(package_dir, staged)
        shutil.rmtree(target, ignore_errors=True)
        staged.rename(target)
    return report


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return path.name


def package_files(package_dir: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file of a generated package (caches ignored)."""
    files: dict[str, bytes] = {}
    if not package_dir.is_dir():
        return files
    for path in package_dir.rglob("*"):
        relative = path.relative_to(package_dir)
        if path.is_file() and not (set(relative.parts) & IGNORED_NAMES) and path.suffix != ".pyc":
            files[relative.as_posix()] = path.read_bytes()
    return files


def compare(expected_dir: Path, actual_dir: Path, *, max_diff_lines: int = 40) -> list[str]:
    """Human-readable differences between two generated packages; empty when byte-identical."""
    expected, actual = package_files(expected_dir), package_files(actual_dir)
    problems: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        problems.append(f"only in {expected_dir}: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        problems.append(f"only in the fresh output: {name}")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            diff = list(
                difflib.unified_diff(
                    expected[name].decode("utf-8", "replace").splitlines(),
                    actual[name].decode("utf-8", "replace").splitlines(),
                    f"committed/{name}",
                    f"fresh/{name}",
                    lineterm="",
                )
            )
            shown = diff[:max_diff_lines]
            more = f"\n  ... {len(diff) - len(shown)} more diff lines" if len(diff) > len(shown) else ""
            problems.append(f"differs: {name}\n" + "\n".join("  " + line for line in shown) + more)
    return problems


class _TemplateHelpers:
    """The `em` Jinja global: constraint data for the templates."""

    def __init__(self, index: SpecIndex) -> None:
        self._index = index

    def is_request(self, model: Any) -> bool:
        return self._index.is_request(model)

    def field_classes(self) -> list[FieldsClass]:
        return field_classes(self._index)

    def kinds(self) -> list[KindEntry]:
        return kind_entries(self._index.document)

    def constraints(self, model: Any) -> dict[str, dict[str, Any]]:
        return self._index.constraints(model)

    def request_parameters(self) -> list[RequestParameters]:
        return request_parameters(self._index)

    def parameters_imports(self) -> list[str]:
        return imports(request_parameters(self._index))

    def parameter_limits(self, endpoint: Any) -> list[tuple[str, str, dict[str, Any]]]:
        return self._index.parameter_limits(endpoint)

    def literal(self, value: Any) -> str:
        """A Python literal for plain data (dicts, tuples, str, int, float, bool, None); repr is deterministic."""
        return repr(value)

    def describe_limits(self, limits: dict[str, dict[str, Any]], prop: Any) -> str:
        own = limits.get(text(prop.name))
        if not own:
            return ""
        parts = [f"{k}={v!r}" if k != "items" else f"items({_flat(v)})" for k, v in own.items()]
        return " Limits: " + ", ".join(parts) + "."


def _flat(limits: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in limits.items())
