"""What the guide scenarios share: where their objects live, and the resources earlier scenarios made.

Every scenario connects the way the SDK does without ``easymaker.init()``: from the ``EM_*`` variables
(``EM_APPKEY``, ``EM_ACCESS_TOKEN``, ``EM_REGION``; ``EM_PROFILE=local`` for EasyMaker Local). The ``obs://`` objects
they read and write lie under ``$GUIDE_OBS_URI`` (default: a container of EasyMaker Local's object store).

A scenario that works on something an earlier one made (an experiment, a training, a model, ...) asks for it with
`given`: a runner binds it with `bind`, or the environment names it (``EXPERIMENT_ID``, ``MODEL_ID``, ...).
"""

from __future__ import annotations

import os
from typing import Any

import easymaker

DEFAULT_OBS_URI = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_guide/guide"

# resource variables a scenario may ask for: (environment variable with its id, SDK class that loads it)
RESOURCES = {
    "experiment": ("EXPERIMENT_ID", "Experiment"),
    "training": ("TRAINING_ID", "Training"),
    "model": ("MODEL_ID", "Model"),
    "regression_model": ("REGRESSION_MODEL_ID", "Model"),
    "classification_model": ("CLASSIFICATION_MODEL_ID", "Model"),
    "endpoint": ("ENDPOINT_ID", "Endpoint"),
    "pipeline": ("PIPELINE_ID", "Pipeline"),
}

_bound: dict[str, Any] = {}


def obs(path: str) -> str:
    """The ``obs://`` URI of ``path`` under ``$GUIDE_OBS_URI``."""
    base = os.environ.get("GUIDE_OBS_URI", DEFAULT_OBS_URI).rstrip("/")
    return f"{base}/{path.strip('/')}"


def bind(**values: Any) -> None:
    """Give the next scenarios these values (a runner's way instead of environment variables)."""
    _bound.update(values)


def unbind() -> None:
    _bound.clear()


def given(name: str) -> Any:
    """A value the scenario works on: bound by `bind`, else from the environment.

    A resource name (``experiment``, ``model``, ...) is loaded from its id in ``<NAME>_ID``; any other name
    (``experiment_id``, ``model_name``, ...) is the value of the variable ``<NAME>``."""
    if name in _bound:
        return _bound[name]
    if name in RESOURCES:
        variable, class_name = RESOURCES[name]
        return getattr(easymaker, class_name)(_environment(variable, name))
    return _environment(name.upper(), name)


def _environment(variable: str, name: str) -> str:
    value = os.environ.get(variable, "")
    if not value:
        raise LookupError(f"this scenario works on {name}: set {variable} (see examples/guide/README.md)")
    return value
