"""Sample settings of the public-sector region (``environment_type="gov"``): the iris classification model and
the wine-quality regression model in the public sector's sample account."""

from __future__ import annotations

from easymaker.sample import _data
from easymaker.sample._notebooks import download_sample_notebook, list_sample_notebooks

OBJECT_STORAGE_HOST = "kr1-api-object-storage.gov-nhncloudservice.com"
OAUTH_HOST = "oauth.api.gov-nhncloudservice.com"

_SAMPLE = _data.obs_root(OBJECT_STORAGE_HOST, _data.GOV_SAMPLE_TENANT, _data.SAMPLE_CONTAINER)

classification_model = _data.classification_model(_SAMPLE)
regression_model = _data.regression_model(_SAMPLE)


def get_access_token(user_access_key_id: str, secret_access_key: str) -> str | None:
    """An access token of the public-sector API for a User Access Key ID and its secret."""
    return _data.access_token(OAUTH_HOST, user_access_key_id, secret_access_key)


__all__ = [
    "classification_model",
    "download_sample_notebook",
    "get_access_token",
    "list_sample_notebooks",
    "regression_model",
]
