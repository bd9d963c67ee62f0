"""Attack tests for EasyMaker Local: each test makes one attack and asserts that it is refused.

The helpers of ``tests/`` (``local_server``, ``swift_server``) are imported from the parent folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
