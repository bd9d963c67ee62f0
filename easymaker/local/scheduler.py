"""Recurring pipeline runs: which trigger times must create a run now, and a loop that acts on it.

The decision is a pure function of the schedule resource, a persisted cursor, the number of its runs still in
progress and the time now (:func:`plan`), so it is tested with an injected clock and replayed safely after a restart.

Semantics
---------

* **Trigger times.** Periodic (``schedulePeriodicMinutes`` = P): ``anchor + k*P`` for k >= 1, where the anchor is
  ``scheduleStartDatetime``, else ``createdDatetime``, else the first cursor (the time the schedule was first seen);
  so the first trigger is one period after the start. Cron (``scheduleCronExpression``, six fields, seconds first,
  see :mod:`easymaker.local.cron`): the fire times, in ``default_tz`` unless the expression starts with
  ``CRON_TZ=``. Triggers are strictly after the start time and never after ``scheduleEndDatetime``.
* **Cursor** (``lastScheduledTime``): the last trigger time dealt with (created or skipped). Only triggers strictly
  after it, and not after now, are due. It starts at the start time (or the creation time, or now).
* **Concurrency.** ``maxConcurrencyCount`` (default 1) caps the runs of the schedule in progress at once.
* **Catch-up on** (``useCatchup``, default true): every due trigger creates a run, oldest first, at most
  ``max_triggers_per_tick`` (100) per call and no more than the free concurrency slots; the rest wait for later
  calls (the cursor stops at the last created trigger).
* **Catch-up off**: only the latest due trigger creates a run, if a slot is free; older due triggers, and the latest
  one when no slot is free, are skipped (the cursor moves past them).
* **End.** Once now is past ``scheduleEndDatetime`` and no trigger up to the end is left, the status becomes
  ``ENABLED_EXPIRED``.
* **Stop/start.** :func:`stop_updates` sets ``DISABLED``; nothing is due while disabled and the cursor stays.
  :func:`start_updates` sets ``ENABLED``: with catch-up on, the triggers missed while disabled are created by the
  next calls; with catch-up off the cursor jumps to now, so none of them is.

Idempotence across a crash
--------------------------

The server creates one run per trigger time, storing the schedule id and the trigger time on the run under a unique
key (:func:`trigger_key`), and only then persists the new cursor (:attr:`SchedulePlan.updates`). A crash after the
runs and before the cursor replays the same triggers on restart; creating a run whose key already exists must be a
no-op, so nothing is duplicated, and nothing is lost because the cursor never moves past a trigger without its run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from easymaker.local.cron import CronSchedule

logger = logging.getLogger("easymaker.local.scheduler")

ENABLED = "ENABLED"
DISABLED = "DISABLED"
ENABLED_EXPIRED = "ENABLED_EXPIRED"
CURSOR_FIELD = "lastScheduledTime"
MAX_TRIGGERS_PER_TICK = 100


def parse_datetime(value: Any, field_name: str, default_tz: tzinfo = UTC) -> datetime | None:
    """An ISO-8601 time (offset optional; naive means ``default_tz``) or ``None`` when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"{field_name}: {value!r} is not an ISO-8601 time (e.g. 2025-01-01T00:00:00+09:00)"
            ) from None
    else:
        raise ValueError(f"{field_name}: expected an ISO-8601 string, got {type(value).__name__}")
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=default_tz)


def format_datetime(dt: datetime) -> str:
    """How the cursor and trigger times are stored: ISO-8601 in UTC."""
    return dt.astimezone(UTC).isoformat()


def trigger_key(schedule_id: str, trigger_time: datetime) -> str:
    """The unique key of the run a schedule creates for one trigger time."""
    return f"{schedule_id}@{format_datetime(trigger_time)}"


@dataclass(frozen=True)
class ScheduleSpec:
    """The scheduling fields of a ``pipelineRecurringRun`` resource, checked and parsed."""

    schedule_id: str
    cron: CronSchedule | None
    period: timedelta | None
    start: datetime | None
    end: datetime | None
    created: datetime | None
    max_concurrency: int
    catchup: bool
    status: str

    @classmethod
    def from_resource(cls, resource: Mapping[str, Any], default_tz: tzinfo = UTC) -> ScheduleSpec:
        expr = resource.get("scheduleCronExpression")
        minutes = resource.get("schedulePeriodicMinutes")
        has_cron = expr not in (None, "")
        has_period = minutes not in (None, "")
        if has_cron and has_period:
            raise ValueError("scheduleCronExpression and schedulePeriodicMinutes: give one of them, not both")
        if not has_cron and not has_period:
            raise ValueError("a recurring run needs scheduleCronExpression or schedulePeriodicMinutes")
        cron = None
        period = None
        if has_cron:
            if not isinstance(expr, str):
                raise ValueError("scheduleCronExpression must be a string")
            try:
                cron = CronSchedule(expr, tz=default_tz)
            except ValueError as exc:
                raise ValueError(f"scheduleCronExpression: {exc}") from None
        else:
            if isinstance(minutes, bool) or not isinstance(minutes, int | str):
                raise ValueError("schedulePeriodicMinutes must be a whole number of minutes")
            try:
                count = int(minutes)
            except ValueError:
                raise ValueError(f"schedulePeriodicMinutes: {minutes!r} is not a whole number") from None
            if count < 1:
                raise ValueError(f"schedulePeriodicMinutes must be at least 1, got {count}")
            period = timedelta(minutes=count)
        start = parse_datetime(resource.get("scheduleStartDatetime"), "scheduleStartDatetime", default_tz)
        end = parse_datetime(resource.get("scheduleEndDatetime"), "scheduleEndDatetime", default_tz)
        if start is not None and end is not None and end <= start:
            raise ValueError("scheduleEndDatetime must be later than scheduleStartDatetime")
        created = parse_datetime(resource.get("createdDatetime"), "createdDatetime", default_tz)
        concurrency = resource.get("maxConcurrencyCount")
        if concurrency is None:
            concurrency = 1
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"maxConcurrencyCount must be a whole number of at least 1, got {concurrency!r}")
        catchup = resource.get("useCatchup")
        return cls(
            schedule_id=str(resource.get("pipelineRecurringRunId") or ""),
            cron=cron,
            period=period,
            start=start,
            end=end,
            created=created,
            max_concurrency=concurrency,
            catchup=True if catchup is None else bool(catchup),
            status=str(resource.get("pipelineRecurringRunStatusCode") or ""),
        )

    @property
    def anchor(self) -> datetime | None:
        return self.start or self.created

    def initial_cursor(self, now: datetime) -> datetime:
        return self.start or self.created or now

    def next_after(self, t: datetime) -> datetime | None:
        """The first trigger strictly after ``t`` (and after the start), or ``None`` past the end."""
        if self.start is not None and t < self.start:
            t = self.start
        if self.cron is not None:
            nxt = self.cron.next_after(t)
        else:
            assert self.period is not None
            anchor = self.anchor or t
            if t < anchor:
                nxt = anchor + self.period
            else:
                steps = (t - anchor) // self.period + 1
                nxt = anchor + steps * self.period
        if self.end is not None and nxt > self.end:
            return None
        return nxt

    def latest_at_or_before(self, cursor: datetime, limit: datetime) -> datetime | None:
        """The last trigger in ``(cursor, limit]``, without walking every trigger in between."""
        first = self.next_after(cursor)
        if first is None or first > limit:
            return None
        if self.cron is None:
            assert self.period is not None
            anchor = self.anchor or cursor
            return anchor + ((limit - anchor) // self.period) * self.period
        # Widen a window back from the limit until it holds a trigger, then walk that window only.
        width = timedelta(seconds=1)
        while True:
            lower = max(cursor, limit - width)
            found = self.next_after(lower)
            if found is not None and found <= limit:
                break
            width *= 2
        latest = found
        while True:
            nxt = self.next_after(latest)
            if nxt is None or nxt > limit:
                return latest
            latest = nxt


@dataclass(frozen=True)
class SchedulePlan:
    """What one scheduling pass decided for one schedule."""

    triggers: list[datetime]  # create one run per trigger time, oldest first
    cursor: datetime  # the lastScheduledTime to persist once those runs exist
    status: str | None = None  # the new status (ENABLED_EXPIRED), if it changes
    skipped_due: bool = False  # whether due triggers were skipped (catch-up off)
    previous_cursor: datetime | None = field(default=None, repr=False)

    @property
    def updates(self) -> dict[str, Any]:
        """The schedule fields to persist after the runs are created (empty when nothing changed)."""
        out: dict[str, Any] = {}
        if self.previous_cursor is None or self.cursor != self.previous_cursor:
            out[CURSOR_FIELD] = format_datetime(self.cursor)
        if self.status is not None:
            out["pipelineRecurringRunStatusCode"] = self.status
        return out


def plan(
    resource: Mapping[str, Any],
    now: datetime,
    in_progress: int,
    *,
    max_triggers_per_tick: int = MAX_TRIGGERS_PER_TICK,
    default_tz: tzinfo = UTC,
) -> SchedulePlan:
    """Decide which trigger times of one recurring run must create a run at ``now`` (see the module docstring).

    ``resource`` is the stored ``pipelineRecurringRun`` (wire names) including the cursor ``lastScheduledTime``;
    ``in_progress`` is the number of its runs not yet in a terminal status. Raises ``ValueError`` for bad fields.
    """
    if now.tzinfo is None:
        raise ValueError("plan(): now must be timezone-aware")
    spec = ScheduleSpec.from_resource(resource, default_tz)
    stored = parse_datetime(resource.get(CURSOR_FIELD), CURSOR_FIELD, default_tz)
    cursor = stored or spec.initial_cursor(now)
    if spec.start is not None and cursor < spec.start:
        cursor = spec.start
    if spec.status != ENABLED:
        return SchedulePlan([], cursor, previous_cursor=stored)

    limit = now if spec.end is None else min(now, spec.end)
    free = max(0, spec.max_concurrency - max(0, in_progress))
    triggers: list[datetime] = []
    skipped = False
    new_cursor = cursor
    if spec.catchup:
        budget = min(free, max(0, max_triggers_per_tick))
        t = cursor
        while len(triggers) < budget:
            nxt = spec.next_after(t)
            if nxt is None or nxt > limit:
                break
            triggers.append(nxt)
            t = nxt
        new_cursor = t
    else:
        latest = spec.latest_at_or_before(cursor, limit)
        if latest is not None:
            skipped = spec.next_after(cursor) != latest or free == 0
            if free > 0:
                triggers.append(latest)
            new_cursor = latest

    status = None
    if spec.end is not None and now >= spec.end:
        remaining = spec.next_after(new_cursor)
        if remaining is None:
            status = ENABLED_EXPIRED
    return SchedulePlan(triggers, new_cursor, status, skipped, previous_cursor=stored)


def stop_updates(resource: Mapping[str, Any]) -> dict[str, Any]:
    """Fields to persist when the user stops a schedule: ``DISABLED`` (the cursor stays where it is)."""
    return {"pipelineRecurringRunStatusCode": DISABLED}


def start_updates(resource: Mapping[str, Any], now: datetime, default_tz: tzinfo = UTC) -> dict[str, Any]:
    """Fields to persist when the user starts a schedule again.

    Catch-up on: the cursor stays, so the triggers missed while disabled are created by the next passes.
    Catch-up off: the cursor moves to now, so none of them is.
    """
    spec = ScheduleSpec.from_resource(resource, default_tz)
    out: dict[str, Any] = {"pipelineRecurringRunStatusCode": ENABLED}
    if not spec.catchup:
        out[CURSOR_FIELD] = format_datetime(max(now, spec.start) if spec.start else now)
    return out


CreateRun = Callable[[Mapping[str, Any], datetime], None]
SaveSchedule = Callable[[Mapping[str, Any], Mapping[str, Any]], None]


class SchedulerLoop:
    """Runs :func:`plan` for every schedule each tick and acts on it through the server's callbacks.

    * ``clock()`` -> aware ``datetime`` (now); injectable for tests.
    * ``get_schedules()`` -> the stored recurring runs (any status; only ``ENABLED`` ones create runs).
    * ``count_in_progress(schedule)`` -> how many of its runs are not in a terminal status.
    * ``create_run(schedule, trigger_time)`` -> create the run for that trigger; a no-op when a run with the same
      :func:`trigger_key` exists (this is what makes a replay after a crash safe).
    * ``save_schedule(schedule, updates)`` -> merge ``updates`` (cursor, status) into the stored schedule.

    ``tick()`` does one pass (tests call it directly); ``start()`` runs passes every ``tick_seconds`` in a daemon
    thread until ``stop()``; ``wake()`` asks for a pass at once (e.g. after a run ends or a schedule changes).
    """

    def __init__(
        self,
        clock: Callable[[], datetime],
        tick_seconds: float,
        get_schedules: Callable[[], Iterable[Mapping[str, Any]]],
        create_run: CreateRun,
        save_schedule: SaveSchedule,
        count_in_progress: Callable[[Mapping[str, Any]], int],
        *,
        max_triggers_per_tick: int = MAX_TRIGGERS_PER_TICK,
        default_tz: tzinfo = UTC,
    ) -> None:
        if tick_seconds <= 0:
            raise ValueError(f"tick_seconds must be positive, got {tick_seconds}")
        self._clock = clock
        self.tick_seconds = tick_seconds
        self._get_schedules = get_schedules
        self._create_run = create_run
        self._save = save_schedule
        self._count = count_in_progress
        self._max = max_triggers_per_tick
        self._tz = default_tz
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._tick_lock = threading.Lock()

    def tick(self) -> list[tuple[str, datetime]]:
        """One pass over every schedule; return the (schedule id, trigger time) pairs created."""
        with self._tick_lock:
            now = self._clock()
            created: list[tuple[str, datetime]] = []
            for schedule in list(self._get_schedules()):
                created.extend(self._tick_one(schedule, now))
            return created

    def _tick_one(self, schedule: Mapping[str, Any], now: datetime) -> list[tuple[str, datetime]]:
        sid = str(schedule.get("pipelineRecurringRunId") or "")
        try:
            decision = plan(schedule, now, self._count(schedule), max_triggers_per_tick=self._max, default_tz=self._tz)
        except (ValueError, ArithmeticError) as exc:  # a bad or overflowing schedule must not stop the others
            logger.error("recurring run %s: cannot be scheduled: %s", sid, exc)
            return []
        created: list[tuple[str, datetime]] = []
        for trigger in decision.triggers:
            try:
                self._create_run(schedule, trigger)
            except Exception:
                logger.exception("recurring run %s: creating the run for %s failed", sid, format_datetime(trigger))
                if created:
                    # Keep what was created; the failed trigger and the ones after it are retried next pass.
                    self._save(schedule, {CURSOR_FIELD: format_datetime(created[-1][1])})
                return created
            created.append((sid, trigger))
        updates = decision.updates
        if updates:
            self._save(schedule, updates)
        return created

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="easymaker-scheduler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:  # a broken callback must not end scheduling for good
                logger.exception("scheduler pass failed")
            self._wake.wait(self.tick_seconds)
            self._wake.clear()
