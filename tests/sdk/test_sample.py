"""``easymaker.sample``: the sample settings (both names of a model's format), the bundled notebooks and
``easymaker sample list|download``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO

import easymaker
from easymaker.sample import download_sample_notebook, gov_sample, list_sample_notebooks, sample

NAMES = [
    "batch_inference",
    "endpoint",
    "hyperparameter_tuning/hyperparameter_tuning_iris",
    "model/create_model",
    "model/create_model_from_huggingface_id",
    "model_evaluation",
    "pipeline/pipeline",
    "sample_download",
    "training/training_iris",
]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'generated'}"}
    return subprocess.run(
        [sys.executable, "-m", "easymaker", "sample", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_sample_settings_serve_both_format_names() -> None:
    for module in (sample, gov_sample):
        for model in (module.classification_model, module.regression_model):
            assert model.model_format == model.model_format_code
            assert model.model_uri.startswith("obs://") and "/easymaker-sample/" in model.model_uri
    assert sample.classification_model.model_format_code == easymaker.ModelFormatCode.TENSORFLOW
    assert sample.regression_model.model_format == easymaker.ModelFormatCode.PYTORCH
    assert "gov-nhncloudservice.com" in gov_sample.classification_model.model_uri
    assert sample.training_iris.pytorch.use_torchrun is True
    assert [d.dataset_name for d in sample.training_iris.dataset_list] == ["train", "test"]
    spec = sample.training_iris.tensorflow.hyperparameter_spec_list[0]
    assert spec.to_dict()["hyperparameterTypeCode"] == "double"  # the wire's lower-case codes


def test_bundled_notebooks_are_listed_and_valid_json() -> None:
    assert list_sample_notebooks() == NAMES
    for name in NAMES:
        path = Path(sample.__file__).parent / "notebooks" / f"{name}.ipynb"
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["nbformat"] == 4 and any(c["cell_type"] == "code" for c in document["cells"])


def test_download_keeps_existing_files_unless_overwrite(tmp_path: Path) -> None:
    written = download_sample_notebook("pipeline/pipeline", output_dir=str(tmp_path))
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in written) == [
        "pipeline/pipeline.ipynb",
        "pipeline/pipeline_sample.yaml",
    ]
    (tmp_path / "pipeline" / "pipeline.ipynb").write_text("mine")
    assert download_sample_notebook("pipeline/pipeline", output_dir=str(tmp_path)) == []
    assert (tmp_path / "pipeline" / "pipeline.ipynb").read_text() == "mine"
    assert len(download_sample_notebook("pipeline/pipeline", output_dir=str(tmp_path), overwrite=True)) == 2
    assert (tmp_path / "pipeline" / "pipeline.ipynb").read_text() != "mine"
    with pytest.raises(FileNotFoundError, match="no sample notebook named 'nope'.*endpoint"):
        download_sample_notebook("nope", output_dir=str(tmp_path))


def test_cli_list_and_download(tmp_path: Path) -> None:
    listed = cli("list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["Sample notebooks (9)", *(f"  {n}" for n in NAMES)]
    one = cli("download", "--name", "endpoint", cwd=tmp_path)
    assert one.returncode == 0 and one.stdout.strip() == "Downloaded: endpoint.ipynb", one
    again = cli("download", "--name", "endpoint", cwd=tmp_path)
    assert again.returncode == 0 and "Nothing downloaded" in again.stdout
    every = cli("download", "--all", "-o", "out", "--overwrite", cwd=tmp_path)
    assert every.returncode == 0, every.stderr
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.ipynb")) == sorted(
        f"{n}.ipynb" for n in NAMES
    )
    unknown = cli("download", "--name", "nope", cwd=tmp_path)
    assert unknown.returncode == 1 and "no sample notebook named 'nope'" in unknown.stderr
    both = cli("download", "--name", "endpoint", "--all", cwd=tmp_path)
    assert both.returncode == 2 and "not allowed with" in both.stderr
    neither = cli("download", cwd=tmp_path)
    assert neither.returncode == 2 and "one of the arguments --name --all is required" in neither.stderr
