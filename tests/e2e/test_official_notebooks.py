"""The 12 sample notebooks of the official SDK 2.1.5, run with this SDK against a real EasyMaker Local: N/12; and
this SDK's own sample notebooks (``easymaker/sample/notebooks``), each of which must run to its end.

The notebooks come from the official wheel, installed in its own virtualenv (see `test_local_official_sdk`;
skipped with the reason when PyPI cannot be reached). EasyMaker Local gets its sample files at the official
``obs://`` paths first (``easymaker-local samples``). Each notebook's code cells run in order, in one Python
process with this repository's SDK on the path, as a kernel would run them. Changed are only:

* the credential cells: ``appkey = "YOUR_APP_KEY"`` and ``access_token = get_access_token(...)`` get EasyMaker
  Local's appkey and token, and the placeholders of the ``obs://{region}-...AUTH_{project_id}/{container}/{path}``
  output paths set in those cells get a container of EasyMaker Local; ``easymaker.init`` reaches EasyMaker Local
  through ``EM_PROFILE=local`` and ``EM_API_URL``, as a user's environment would;
* the one install cell (``!pip install --upgrade easymaker``): this SDK is what is installed;
* shell lines (``!easymaker sample ...``) run this SDK's ``easymaker`` command.

A notebook passes when it runs to its end; the ones that need what EasyMaker Local does not run (NHN Cloud's
algorithms, LLM fine-tuning) must stop with Local's "not available on EasyMaker Local" reason. A notebook that
stops because it deletes a job it started with ``wait=False`` while the job still runs (``model_evaluation``: the
service, too, wants a running evaluation stopped before it is deleted) is run once more, paced: before each cell,
the runner waits until no job of the appkey is in progress, as a person reading the output would. Both counts are
printed ("run top to bottom" and "with pauses"); the target is 9/12 with pauses.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from local_server import LocalServerHandle
from official_venvs import official_python
from paths import REPO

APPKEY = "notebookappkey"
TENANT = "notebooks"
NOT_AVAILABLE = "not available on EasyMaker Local"
# what EasyMaker Local cannot run: these must end with NOT_AVAILABLE
NOT_RUNNABLE = {
    "training/training_algorithm",
    "hyperparameter_tuning/hyperparameter_tuning_algorithm",
    "fine_tuning/fine_tuning",
}
STILL_RUNNING = "is RUNNING; stop it"  # Local's refusal to delete a running job
INSTALL_CELL = re.compile(r"^\s*!\s*pip install .*\beasymaker\b.*$", re.M)
PLACEHOLDER_URI = re.compile(
    r"obs://\{region\}-api-object-storage\.nhncloudservice\.com/v1/AUTH_\{project_id\}/\{container\}/\{(\w+)\}"
)

PRELUDE = """
import subprocess as _subprocess

def _shell(command):
    _subprocess.run(command, shell=True, check=True)
"""
# Between cells when paced: wait (at most 5 minutes) until no job of the appkey is in progress, as a person reading
# the previous cell's output would give the service that time.
SETTLE = """
def _settle():
    import os, time, httpx
    base = os.environ["EM_API_URL"] + "/v1.0/appkeys/" + os.environ["NOTEBOOK_APPKEY"]
    headers = {"x-nhn-authorization": "Bearer " + os.environ["NOTEBOOK_TOKEN"]}
    kinds = ("trainings", "hyperparameter-tunings", "batch-inferences", "model-evaluations", "pipeline-runs")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        busy = []
        for kind in kinds:
            for item in next(v for k, v in httpx.get(f"{base}/{kind}", headers=headers).json().items() if k.endswith("List")):
                status = next(v for k, v in item.items() if k.endswith("StatusCode"))
                if status.endswith(("IN_PROGRESS", "REQUESTED")) or status == "RUNNING":
                    busy.append(status)
        if not busy:
            return
        time.sleep(0.5)
"""


@dataclass
class Outcome:
    name: str
    completed: bool
    reason: str  # the last line of the error, or "" when it completed
    seconds: float


def notebook_script(notebook: dict[str, Any], token: str, name: str, *, paced: bool = False) -> str:
    """The code cells of ``notebook`` as one script, with only the credential and install cells changed (and, when
    ``paced``, a wait for EasyMaker Local's jobs to settle before each cell)."""
    parts = [PRELUDE + (SETTLE if paced else "")]
    slug = name.replace("/", "-")
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        code = "".join(cell["source"])
        if INSTALL_CELL.search(code):
            code = INSTALL_CELL.sub("pass  # this SDK is installed", code)
        if "get_access_token(user_access_key_id, secret_access_key)" in code:
            code = code.replace('appkey = "YOUR_APP_KEY"', f"appkey = {APPKEY!r}")
            code = code.replace(
                "access_token = get_access_token(user_access_key_id, secret_access_key)", f"access_token = {token!r}"
            )
            code = PLACEHOLDER_URI.sub(
                lambda m: f"obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_{TENANT}/out/{slug}/{m.group(1)}",
                code,
            )
        lines = []
        for line in code.splitlines():
            stripped = line.lstrip()
            if stripped.startswith("!"):
                indent = line[: len(line) - len(stripped)]
                line = f"{indent}_shell({stripped[1:].strip()!r})"
            lines.append(line)
        parts.append(("_settle()\n" if paced else "") + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


# The sample models (a Keras classifier, a TorchScript regressor) and the torchrun trainings need torch and keras;
# torch is optional in this project (installed where a CPU wheel is on disk), so without it these tests say so.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None or importlib.util.find_spec("keras") is None,
    reason="the sample notebooks' models and torchrun trainings need torch and keras, which are not installed here",
)


@pytest.fixture(scope="module")
def notebooks_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    python = official_python("2.1.5")
    found = subprocess.run(
        [str(python), "-I", "-c", "import easymaker.sample, os; print(os.path.dirname(easymaker.sample.__file__))"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert found.returncode == 0, found.stderr
    source = Path(found.stdout.strip()) / "notebooks"
    target = tmp_path_factory.mktemp("official") / "notebooks"
    shutil.copytree(source, target)
    return target


# EasyMaker Local gets the official sample files first (``easymaker-local samples``)
pytestmark = pytest.mark.local_server(samples=True)


def _launcher(folder: Path) -> Path:
    """A bin folder with the ``easymaker`` console script pip would install for this SDK."""
    folder.mkdir(exist_ok=True)
    launcher = folder / "easymaker"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m easymaker "$@"\n')
    launcher.chmod(0o755)
    return folder


def run_notebook(
    path: Path, name: str, local_server_module: LocalServerHandle, bin_dir: Path, work: Path, *, paced: bool = False
) -> Outcome:
    """Run the notebook at ``path`` in a folder of its own under ``work`` (with the files beside it, as a user who
    downloaded it has them): a notebook that downloads samples must not overwrite the next one."""
    import time

    folder = (work / (name.replace("/", "-") + ("-paced" if paced else ""))).resolve()
    folder.mkdir(parents=True)
    for companion in path.parent.iterdir():
        if companion.is_file() and companion.suffix == ".yaml":
            shutil.copyfile(companion, folder / companion.name)
    script = folder / f"{path.stem}.run.py"
    script.write_text(
        notebook_script(json.loads(path.read_text(encoding="utf-8")), local_server_module.token, name, paced=paced)
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EM_", "EASYMAKER_"))}
    env.update(
        EM_PROFILE="local",
        EM_API_URL=local_server_module.url,
        PYTHONPATH=str(REPO) + os.pathsep + str(REPO / "generated"),
        PATH=str(bin_dir) + os.pathsep + env.get("PATH", ""),
        PYTHONUNBUFFERED="1",
        EASYMAKER_LOCAL_HOME=str(local_server_module.home),  # the bundled notebooks connect with profile="local"
        NOTEBOOK_APPKEY=APPKEY,
        NOTEBOOK_TOKEN=local_server_module.token,
    )
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, script.name], cwd=folder, env=env, capture_output=True, text=True, timeout=600
    )
    seconds = time.monotonic() - started
    script.with_suffix(".out.txt").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)  # to read a failure
    if proc.returncode == 0:
        return Outcome(name, True, "", seconds)
    lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
    return Outcome(name, False, lines[-1] if lines else f"exit status {proc.returncode}", seconds)


@pytest.mark.timeout(1500)  # 12 notebooks of real jobs: about 4 minutes here
def test_official_notebooks_on_local(
    notebooks_dir: Path, local_server_module: LocalServerHandle, tmp_path: Path
) -> None:
    bin_dir = _launcher(tmp_path / "bin")
    paths = sorted(notebooks_dir.rglob("*.ipynb"))
    assert len(paths) == 12, [str(p) for p in paths]
    outcomes = {}
    for path in paths:
        name = path.relative_to(notebooks_dir).with_suffix("").as_posix()
        outcomes[name] = run_notebook(path, name, local_server_module, bin_dir, tmp_path / "runs")
    # A notebook that deletes a job it started with wait=False while the job still runs is refused (by the
    # service too: a running job is stopped, then deleted). Run again paced, as a person reading the output would.
    paced = {}
    for name, outcome in outcomes.items():
        if not outcome.completed and STILL_RUNNING in outcome.reason:
            path = notebooks_dir / f"{name}.ipynb"
            paced[name] = run_notebook(path, name, local_server_module, bin_dir, tmp_path / "runs", paced=True)
    run_all = sum(o.completed for o in outcomes.values())
    with_pace = sum((paced.get(n) or o).completed for n, o in outcomes.items())
    report = [
        f"official notebooks run to the end with this SDK on EasyMaker Local: {run_all}/12 run top to bottom, "
        f"{with_pace}/12 with pauses until jobs settle"
    ]
    for name, o in outcomes.items():
        line = f"  {name:<52} {'ran to the end' if o.completed else 'stopped: ' + o.reason[:300]} ({o.seconds:.0f} s)"
        if name in paced:
            again = paced[name]
            line += f"\n  {'':<52} paced: {'ran to the end' if again.completed else 'stopped: ' + again.reason[:300]}"
        report.append(line)
    print("\n".join(report))
    unexpected = [
        name
        for name, o in outcomes.items()
        if not (paced.get(name) or o).completed and not (name in NOT_RUNNABLE and NOT_AVAILABLE in o.reason)
    ]
    assert not unexpected, "\n".join(report)
    assert set(paced) <= {"model_evaluation"}, "\n".join(report)
    assert with_pace >= 9, "\n".join(report)


@pytest.mark.timeout(1200)  # 9 notebooks of real jobs: about 3 minutes here
def test_bundled_notebooks_on_local(local_server_module: LocalServerHandle, tmp_path: Path) -> None:
    from easymaker.sample import download_sample_notebook, list_sample_notebooks

    bin_dir = _launcher(tmp_path / "bin")
    names = list_sample_notebooks()
    assert len(names) == 9, names
    download_sample_notebook(output_dir=str(tmp_path / "samples"))
    outcomes = [
        run_notebook(tmp_path / "samples" / f"{n}.ipynb", n, local_server_module, bin_dir, tmp_path / "runs")
        for n in names
    ]
    report = [f"bundled sample notebooks run to the end on EasyMaker Local: {sum(o.completed for o in outcomes)}/9"]
    report += [f"  {o.name:<55} {'ran to the end' if o.completed else 'stopped: ' + o.reason}" for o in outcomes]
    print("\n".join(report))
    assert all(o.completed for o in outcomes), "\n".join(report)
