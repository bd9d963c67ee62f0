"""Sample settings for the notebooks (region ``kr1``): sources, datasets and models in NHN Cloud's public sample
account, which EasyMaker Local serves at the same ``obs://`` paths (``easymaker-local samples``).

``training_iris`` (``.pytorch``, ``.tensorflow``, ``.dataset_list``), ``training_algorithm``
(``.image_classification``, ``.object_detection``, ``.semantic_segmentation``), ``classification_model``,
``regression_model`` (each with ``model_uri``, ``model_format_code`` and its alias ``model_format``),
``batch_inference_sample``, ``fine_tuning_sample``; `get_access_token`; `list_sample_notebooks` and
`download_sample_notebook`.
"""

from __future__ import annotations

from easymaker.sample import _data
from easymaker.sample._notebooks import download_sample_notebook, list_sample_notebooks

OBJECT_STORAGE_HOST = "kr1-api-object-storage.nhncloudservice.com"
OAUTH_HOST = "oauth.api.nhncloudservice.com"

_SAMPLE = _data.obs_root(OBJECT_STORAGE_HOST, _data.SAMPLE_TENANT, _data.SAMPLE_CONTAINER)
_ALGORITHMS = _data.obs_root(OBJECT_STORAGE_HOST, _data.SAMPLE_TENANT, _data.ALGORITHM_CONTAINER)

training_iris = _data.iris_training(_SAMPLE)
training_algorithm = _data.algorithm_training(_ALGORITHMS)
classification_model = _data.classification_model(_SAMPLE)
regression_model = _data.regression_model(_SAMPLE)
batch_inference_sample = _data.batch_inference(_SAMPLE)
fine_tuning_sample = _data.fine_tuning(_SAMPLE)


def get_access_token(user_access_key_id: str, secret_access_key: str) -> str | None:
    """An NHN Cloud API access token for a User Access Key ID and its secret (see the NHN Cloud guide "API 호출 및
    인증")."""
    return _data.access_token(OAUTH_HOST, user_access_key_id, secret_access_key)


def download_guide_notebook() -> list[str]:
    """The 2.1.0 name: copy every sample notebook into the current folder, keeping files that exist (2.1.0's
    function does nothing). Returns the paths written."""
    return download_sample_notebook(output_dir=".")


__all__ = [
    "batch_inference_sample",
    "download_guide_notebook",
    "classification_model",
    "download_sample_notebook",
    "fine_tuning_sample",
    "get_access_token",
    "list_sample_notebooks",
    "regression_model",
    "training_algorithm",
    "training_iris",
]
