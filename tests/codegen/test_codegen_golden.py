"""Golden record: regenerating from spec/openapi.yaml reproduces generated/easymaker_api byte for byte.

Type-checking the committed output is `make typecheck` (mypy generated/easymaker_api).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO

if str(REPO) not in sys.path:  # `pytest` run from elsewhere: make the codegen package importable
    sys.path.insert(0, str(REPO))

from codegen import (  # noqa: E402
    GENERATED_DIR,
    GENERATOR_VERSION,
    PACKAGE_NAME,
    RUFF_VERSION,
    SPEC_PATH,
    compare,
    generate,
)

COMMITTED = GENERATED_DIR / PACKAGE_NAME


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    generate(out)
    return out / PACKAGE_NAME


def test_regeneration_matches_the_committed_package(fresh: Path) -> None:
    problems = compare(COMMITTED, fresh)
    assert not problems, "generated/ is out of date; run `python -m codegen`:\n" + "\n".join(problems)


def test_generation_is_deterministic(fresh: Path, tmp_path: Path) -> None:
    generate(tmp_path)
    assert compare(fresh, tmp_path / PACKAGE_NAME) == []


def test_generated_holds_only_the_package() -> None:
    names = {p.name for p in GENERATED_DIR.iterdir() if p.name != "__pycache__"}
    assert names == {PACKAGE_NAME}
    assert (COMMITTED / "py.typed").is_file()
    assert (COMMITTED / "__init__.py").is_file()


def test_provenance_records_spec_hash_and_pinned_tools() -> None:
    provenance = json.loads((COMMITTED / "PROVENANCE.json").read_text())
    assert provenance["spec"] == "spec/openapi.yaml"
    assert provenance["spec_sha256"] == hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest()
    assert provenance["generator"] == "openapi-python-client"
    assert provenance["generator_version"] == GENERATOR_VERSION
    assert provenance["ruff_version"] == RUFF_VERSION
    assert len(provenance["templates_sha256"]) == 64
    assert provenance["counts"]["operations"] > 0
    assert provenance["counts"]["validators"] > 0


def test_check_mode_reports_a_hand_edit(tmp_path: Path) -> None:
    shutil.copytree(COMMITTED, tmp_path / PACKAGE_NAME, ignore=shutil.ignore_patterns("__pycache__"))
    edited = tmp_path / PACKAGE_NAME / "client.py"
    edited.write_text(edited.read_text() + "\n# edited by hand\n")
    (tmp_path / PACKAGE_NAME / "models" / "stray.py").write_text("x = 1\n")

    done = subprocess.run(
        [sys.executable, "-m", "codegen", "--check", "--output", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "differs: client.py" in done.stdout
    assert "+# edited by hand" not in done.stdout  # the fresh side lacks the edit...
    assert "-# edited by hand" in done.stdout  # ...so the diff shows it removed
    assert "models/stray.py" in done.stdout
    assert "operations" in done.stdout and "constraints turned into validators" in done.stdout


def test_check_mode_passes_on_the_committed_package() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "codegen", "--check"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "is up to date" in done.stdout


def test_an_unpinned_generator_version_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import codegen.pipeline as pipeline

    monkeypatch.setattr(pipeline, "version", lambda name: "0.0.1")
    with pytest.raises(
        pipeline.GenerationError, match=f"openapi-python-client 0.0.1 is installed.*{GENERATOR_VERSION}"
    ):
        generate(tmp_path)
    assert not (tmp_path / PACKAGE_NAME).exists()
