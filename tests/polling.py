"""The one poller of the test suite: wait until a condition holds, with a deadline and a useful failure."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(
    probe: Callable[[], T | None],
    *,
    timeout: float = 60.0,
    interval: float = 0.05,
    max_interval: float = 0.5,
    what: str = "the condition",
) -> T:
    """Call ``probe`` until it returns something truthy and return that; back off from ``interval`` to
    ``max_interval``; fail with ``what`` and the last value after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    delay = interval
    last: T | None = None
    while True:
        last = probe()
        if last:
            return last
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what} did not hold within {timeout:g} s (last value: {last!r})")
        time.sleep(delay)
        delay = min(delay * 1.5, max_interval)
