"""2.1.x constants (``easymaker.common.constants``), taken from where this SDK keeps each fact; the 2.1.0 enum-like
classes (``HYPERPARAMETER_TYPE_CODE``...) are those of `easymaker.constants`."""

from easymaker._config import DEFAULT_REGION, DOMAINS
from easymaker.constants import (
    EARLY_STOPPING_ALGORITHM,
    HYPERPARAMETER_TYPE_CODE,
    INPUT_DATA_TYPE_CODE,
    OBJECTIVE_TYPE_CODE,
    SCALE_METRIC_CODE,
    TUNING_STRATEGY,
)
from easymaker.log.logger import DEFAULT_LOG_URL, MAX_RECORD_BYTES
from easymaker.storage.tokens import IDENTITY_URLS

DEFAULT_ENVIRONMENT_TYPE = "public"
EASYMAKER_API_DOMAIN = dict(DOMAINS)
EASYMAKER_API_URL_TEMPLATE = "https://{region}-easymaker{profile}.api.{domain}"
EASYMAKER_API_URL = (
    EASYMAKER_API_URL_TEMPLATE.replace("{region}", "{}").replace("{profile}", "").replace("{domain}", DOMAINS["public"])
)
EASYMAKER_DEV_API_URL = (
    EASYMAKER_API_URL_TEMPLATE.replace("{region}", "{}")
    .replace("{profile}", "-{}")
    .replace("{domain}", DOMAINS["public"])
)
# 2.1.x polls every 10 s; this SDK's waits back off up to this interval (`easymaker._wait.MAX_POLL_INTERVAL`)
EASYMAKER_API_WAIT_INTERVAL_SECONDS = 10
OBJECT_STORAGE_TOKEN_URL = dict(IDENTITY_URLS)
LOGNCRASH_URL = DEFAULT_LOG_URL
LOGNCRASH_MAX_MESSAGE_SIZE = MAX_RECORD_BYTES
LOGNCRASH_MAX_BUFFER_SIZE = 40_000_000  # the 2.1.x buffer limit; this SDK's logger sends smaller batches

__all__ = [
    "DEFAULT_ENVIRONMENT_TYPE",
    "DEFAULT_REGION",
    "EARLY_STOPPING_ALGORITHM",
    "EASYMAKER_API_DOMAIN",
    "EASYMAKER_API_URL",
    "EASYMAKER_API_URL_TEMPLATE",
    "EASYMAKER_API_WAIT_INTERVAL_SECONDS",
    "EASYMAKER_DEV_API_URL",
    "HYPERPARAMETER_TYPE_CODE",
    "INPUT_DATA_TYPE_CODE",
    "LOGNCRASH_MAX_BUFFER_SIZE",
    "LOGNCRASH_MAX_MESSAGE_SIZE",
    "LOGNCRASH_URL",
    "OBJECTIVE_TYPE_CODE",
    "OBJECT_STORAGE_TOKEN_URL",
    "SCALE_METRIC_CODE",
    "TUNING_STRATEGY",
]
