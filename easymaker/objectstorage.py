"""The module path ``easymaker.objectstorage`` (``easymaker.objectstorage.delete(...)``, ...): the Object Storage
functions of `easymaker.storage.client` and the configuration wiring of `easymaker.storage.configured`.
"""

from easymaker.storage.client import (
    ObjectStorage,
    delete,
    download,
    find_object_list,
    get_object_size,
    parse_obs_uri,
    upload,
)
from easymaker.storage.configured import iaas_token_provider, storage_overrides

__all__ = [
    "ObjectStorage",
    "delete",
    "download",
    "find_object_list",
    "get_object_size",
    "iaas_token_provider",
    "parse_obs_uri",
    "storage_overrides",
    "upload",
]
