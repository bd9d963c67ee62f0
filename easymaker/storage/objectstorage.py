"""The 2.1.x module path ``easymaker.storage.objectstorage``: the very module `easymaker.storage.client` under its
official name (``ObjectStorage``, ``upload``, ``download``, ...), so ``easymaker.storage.objectstorage.X is
easymaker.storage.client.X`` and patching a name here patches the client's.
"""

import sys

from easymaker.storage import client as _client
from easymaker.storage.client import *  # noqa: F403 - the names, for type checkers

sys.modules[__name__] = _client
