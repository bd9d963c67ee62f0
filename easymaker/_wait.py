"""One waiter for every resource: success/failure status sets, adaptive polling, deadline, logging.

Polling starts fast (first poll after `FIRST_POLL_INTERVAL`) and backs off by `BACKOFF_FACTOR` up to
`MAX_POLL_INTERVAL`. Only statuses in the resource's failure set raise (`ResourceFailedError`, with the server's
reason); in-progress states (``STOP_IN_PROGRESS``, ``FAIL_TRAIN_IN_PROGRESS``...) and unknown statuses keep
waiting. Progress is logged through ``logging.getLogger("easymaker")``: every status change, and a "still waiting"
line less and less often. Ctrl-C stops waiting (the resource keeps going on the server) and propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from easymaker._errors import ResourceFailedError, WaitTimeoutError

logger = logging.getLogger("easymaker")

FIRST_POLL_INTERVAL = 0.25  # seconds before the first poll
BACKOFF_FACTOR = 1.5
MAX_POLL_INTERVAL = 10.0
FIRST_PROGRESS_LOG = 10.0  # seconds of waiting before the first "still waiting" line
PROGRESS_LOG_FACTOR = 2.0  # each further line comes after twice as long


class Waitable(Protocol):
    @property
    def status(self) -> str | None: ...

    @property
    def reason(self) -> str | None: ...

    def refresh(self) -> Any: ...


def poll_intervals(
    first: float = FIRST_POLL_INTERVAL, factor: float = BACKOFF_FACTOR, maximum: float = MAX_POLL_INTERVAL
) -> Any:
    """The sleep before each poll: ``first``, then ×``factor``, capped at ``maximum``."""
    interval = first
    while True:
        yield interval
        interval = min(maximum, interval * factor)


def wait_for_status(
    resource: Waitable,
    *,
    label: str,
    success: frozenset[str],
    failure: frozenset[str],
    timeout: float | None = None,
    sleep: Callable[[float], None],
    clock: Callable[[], float],
    action: str = "create",
    max_interval: float | None = None,
) -> Any:
    """Poll ``resource.refresh()`` until its status is in ``success`` (returns the resource) or ``failure``
    (raises `ResourceFailedError`), or until ``timeout`` seconds passed (raises `WaitTimeoutError`)."""
    start = clock()
    deadline = None if timeout is None else start + timeout
    next_progress = start + FIRST_PROGRESS_LOG
    progress_gap = FIRST_PROGRESS_LOG
    status = resource.status
    last_logged = status
    logger.info("%s %s: status %s", label, action, status)
    intervals = (
        poll_intervals()
        if max_interval is None
        else poll_intervals(first=min(FIRST_POLL_INTERVAL, max_interval), maximum=max_interval)
    )
    try:
        while True:
            if status in success:
                logger.info("%s %s complete (%s, %.1fs)", label, action, status, clock() - start)
                return resource
            if status in failure:
                reason = resource.reason
                text = f"{label} {action} failed with status {status}"
                if reason:
                    text += f": {reason}"
                raise ResourceFailedError(text, resource=resource, status=status, reason=reason)
            now = clock()
            if deadline is not None and now >= deadline:
                raise WaitTimeoutError(
                    f"{label} {action}: still {status} after {timeout:g}s (it keeps running on the server; "
                    "call .wait() again to keep waiting)",
                    resource=resource,
                    status=status,
                    timeout=timeout,
                )
            pause = next(intervals)
            if deadline is not None:
                pause = max(0.0, min(pause, deadline - now))
            sleep(pause)
            resource.refresh()
            status = resource.status
            now = clock()
            if status != last_logged:
                logger.info("%s %s: status %s (%.1fs)", label, action, status, now - start)
                last_logged = status
            elif now >= next_progress:
                logger.info("%s %s: still %s (%.0fs)", label, action, status, now - start)
                progress_gap *= PROGRESS_LOG_FACTOR
                next_progress = now + progress_gap
    except KeyboardInterrupt:
        logger.info("%s %s: stopped waiting at status %s; it keeps going on the server", label, action, status)
        raise
