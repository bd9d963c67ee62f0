"""The sample notebooks bundled in the package: list them, copy them out (``easymaker sample list|download``).

A notebook is named by its path under ``easymaker/sample/notebooks`` without ``.ipynb`` (``endpoint``,
``training/training_iris``). A notebook in a sub-folder comes with the other files of that folder (the pipeline
notebook's compiled pipeline, for instance).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

logger = logging.getLogger("easymaker")

NOTEBOOKS_DIR = Path(__file__).resolve().parent / "notebooks"


def list_sample_notebooks() -> list[str]:
    """The names of the bundled sample notebooks, sorted (``["batch_inference", "endpoint", ...]``)."""
    if not NOTEBOOKS_DIR.is_dir():
        return []
    names = []
    for path in sorted(NOTEBOOKS_DIR.rglob("*.ipynb")):
        relative = path.relative_to(NOTEBOOKS_DIR)
        if any(part.startswith((".", "_")) for part in relative.parts):  # checkpoints, caches
            continue
        names.append(relative.with_suffix("").as_posix())
    return names


def _files_of(name: str) -> list[Path]:
    """The notebook ``name`` and its companion files, as paths under `NOTEBOOKS_DIR`."""
    available = list_sample_notebooks()
    if name not in available:
        raise FileNotFoundError(f"no sample notebook named {name!r}; the sample notebooks are: {', '.join(available)}")
    notebook = NOTEBOOKS_DIR / f"{name}.ipynb"
    files = [notebook]
    if notebook.parent != NOTEBOOKS_DIR:
        files += sorted(p for p in notebook.parent.iterdir() if p.is_file() and p.suffix != ".ipynb")
    return files


def download_sample_notebook(name: str | None = None, output_dir: str = ".", overwrite: bool = False) -> list[str]:
    """Copy the sample notebook ``name`` (every notebook when ``None``) with its companion files into
    ``output_dir``, keeping their sub-folders. Returns the paths written; a file that exists is left alone (and
    not returned) unless ``overwrite``. An unknown name raises `FileNotFoundError` listing the names."""
    names = list_sample_notebooks() if name is None else [name]
    files = [f for n in names for f in _files_of(n)]
    target_root = Path(output_dir)
    written = []
    for source in dict.fromkeys(files):  # a companion shared by two notebooks is copied once
        target = target_root / source.relative_to(NOTEBOOKS_DIR)
        if target.exists() and not overwrite:
            logger.info("sample %s exists, not overwritten", target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(str(target))
    return written
