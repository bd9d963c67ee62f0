"""The official SDKs (easymaker 2.1.0 and 2.1.5 from PyPI, each in its own virtualenv) as clients of a real
EasyMaker Local: every public call that has a server side (``tests/official_sdk_driver.py``).

The virtualenvs are those of ``tools/official_manifest.py`` (``.official-venvs/``, gitignored, kept between runs;
``$EASYMAKER_OFFICIAL_VENVS`` moves them); without PyPI the test is skipped with the reason. The SDKs reach the
server through ``EM_API_URL`` and Local's access token. A call that fails must be a documented official defect: the
driver marks those with the text their error must contain, and docs/migration.md must name them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from local_server import start_local_server
from official_venvs import official_python
from paths import REPO, TESTS

DRIVER = TESTS / "official_sdk_driver.py"
VERSIONS = ("2.1.0", "2.1.5")

TRAIN_PY = """
import os, time
print("epochs", os.environ.get("EM_HP_EPOCHS"), flush=True)
if os.environ.get("EM_HP_SLEEP"):
    time.sleep(float(os.environ["EM_HP_SLEEP"]))
import joblib
from sklearn.linear_model import LogisticRegression
model = LogisticRegression().fit([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 1, 0, 1])
joblib.dump(model, os.path.join(os.environ["EM_MODEL_DIR"], "model.joblib"))
"""

TUNE_PY = """
import argparse, os
parser = argparse.ArgumentParser()
parser.add_argument("--x", type=float, required=True)
args, _ = parser.parse_known_args()
print(f"score={10.0 - (args.x - 3.0) ** 2}")
open(os.path.join(os.environ["EM_MODEL_DIR"], "trial.txt"), "w").write(str(args.x))
"""


PIPELINE_PY = """
import sys
from kfp import compiler, dsl

@dsl.component(base_image="python:3.11")
def shout(word: str) -> str:
    return word.upper()

@dsl.pipeline(name="official-sdk-pipeline")
def pipeline(word: str = "hello"):
    shout(word=word)

compiler.Compiler().compile(pipeline, sys.argv[1])
"""


def _pipeline_yaml(folder: Path) -> str:
    """A one-step pipeline compiled with kfp ("-" when kfp is not installed: the pipeline calls are skipped)."""
    if importlib.util.find_spec("kfp") is None:
        return "-"
    path, source = folder / "pipeline.yaml", folder / "pipeline_source.py"  # kfp reads the component's source file
    source.write_text(PIPELINE_PY)
    subprocess.run([sys.executable, str(source), str(path)], check=True, timeout=120)
    return str(path)


def _home(home: Path) -> None:
    src = home / "nas" / "n1" / "src"
    src.mkdir(parents=True)
    (src / "train.py").write_text(TRAIN_PY)
    (src / "tune.py").write_text(TUNE_PY)
    batch = home / "nas" / "n1" / "batch-in"
    batch.mkdir()
    (batch / "rows.jsonl").write_text("[0, 0]\n[1, 1]\n[0, 1]\n[1, 0]\n")
    evaluation = home / "nas" / "n1" / "eval-in"
    evaluation.mkdir()
    (evaluation / "data.csv").write_text("a,b,y\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n1,1,1\n0,0,0\n")


def _drive(python: Path, url: str, appkey: str, token: str, tag: str, pipeline: str, cwd: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EM_") and k != "PYTHONPATH"}
    env["EM_API_URL"] = url
    done = subprocess.run(
        [str(python), str(DRIVER), appkey, token, tag, pipeline],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        cwd=cwd,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, (
        f"the driver ended without a result ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    results: dict[str, Any] = json.loads(line[len("RESULT ") :])
    return results


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_official_sdks_against_local(tmp_path: Path) -> None:
    pythons = {version: official_python(version) for version in VERSIONS}
    home = tmp_path / "home"
    _home(home)
    pipeline = _pipeline_yaml(tmp_path)
    server = start_local_server(home)
    try:
        with ThreadPoolExecutor(len(VERSIONS)) as pool:
            futures = {
                version: pool.submit(
                    _drive,
                    pythons[version],
                    server.url,
                    f"official-{version.replace('.', '')}",
                    server.token,
                    f"v{version.replace('.', '')}",
                    pipeline,
                    tmp_path,
                )
                for version in VERSIONS
            }
            outcome = {version: future.result() for version, future in futures.items()}
    finally:
        server.stop()
    migration = (REPO / "docs" / "migration.md").read_text()
    failures = []
    for version, results in outcome.items():
        works = [name for name, r in results.items() if r["ok"] and not r.get("expected")]
        defects = [name for name, r in results.items() if r["ok"] and r.get("expected")]
        broken = {name: r.get("error") for name, r in results.items() if not r["ok"]}
        print(
            f"official {version} against EasyMaker Local: {len(works)}/{len(results)} calls work, "
            f"{len(defects)} end with a documented reason ({', '.join(defects)}), {len(broken)} fail"
        )
        failures += [f"{version} {name}: {error}" for name, error in broken.items()]
        failures += [f"docs/migration.md does not name {name!r}" for name in defects if f"`{name}`" not in migration]
    assert not failures, "\n".join(failures)
    if pipeline == "-":
        pytest.skip("SKIPPED (after the other calls passed): kfp is not installed, so the pipeline calls did not run")
