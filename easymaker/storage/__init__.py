"""Object Storage (``obs://``, OpenStack Swift) and NAS (``nas://``) transfers for the EasyMaker SDK."""

from easymaker.storage import objectstorage as objectstorage  # the 2.1.x module path
from easymaker.storage.client import (
    ObjectStorage,
    configure_defaults,
    delete,
    download,
    find_object_list,
    get_object_size,
    upload,
)
from easymaker.storage.errors import (
    IntegrityError,
    NasUnavailableError,
    StorageAuthError,
    StorageError,
    StorageRequestError,
    StorageUriError,
    TransferError,
    UnsafeObjectNameError,
)
from easymaker.storage.tokens import KeystoneTokenProvider, TokenCache, TokenProvider
from easymaker.storage.transfer import TransferResult
from easymaker.storage.uri import NasUri, ObsUri, parse_nas_uri, parse_obs_uri, parse_storage_uri

__all__ = [
    "IntegrityError",
    "KeystoneTokenProvider",
    "NasUnavailableError",
    "NasUri",
    "ObjectStorage",
    "ObsUri",
    "StorageAuthError",
    "StorageError",
    "StorageRequestError",
    "StorageUriError",
    "TokenCache",
    "TokenProvider",
    "TransferError",
    "TransferResult",
    "UnsafeObjectNameError",
    "configure_defaults",
    "delete",
    "download",
    "find_object_list",
    "get_object_size",
    "parse_nas_uri",
    "parse_obs_uri",
    "parse_storage_uri",
    "upload",
]
