"""Recurring-run scheduling driven by an injected clock: trigger times, concurrency, catch-up, stop/start, restart."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from easymaker.local.scheduler import (
    CURSOR_FIELD,
    SchedulerLoop,
    format_datetime,
    plan,
    start_updates,
    stop_updates,
    trigger_key,
)

KST = timezone(timedelta(hours=9))
T0 = datetime(2025, 1, 1, 0, 0, tzinfo=KST)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class Store:
    """A real SQLite store: schedules as JSON rows, runs with a unique (schedule, trigger time) key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schedules (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS runs (trigger_key TEXT PRIMARY KEY, schedule_id TEXT, trigger_time TEXT,"
                " status TEXT, seq INTEGER)"
            )

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, isolation_level=None)

    def add_schedule(self, **fields: Any) -> dict[str, Any]:
        body = {
            "pipelineRecurringRunId": "rr-1",
            "pipelineRecurringRunStatusCode": "ENABLED",
            "maxConcurrencyCount": 10,
            "useCatchup": True,
            "createdDatetime": T0.isoformat(),
            **fields,
        }
        with self._db() as db:
            db.execute("INSERT INTO schedules VALUES (?, ?)", (body["pipelineRecurringRunId"], json.dumps(body)))
        return body

    def schedules(self) -> list[dict[str, Any]]:
        with self._db() as db:
            return [json.loads(b) for (b,) in db.execute("SELECT body FROM schedules ORDER BY id")]

    def schedule(self, sid: str = "rr-1") -> dict[str, Any]:
        return next(s for s in self.schedules() if s["pipelineRecurringRunId"] == sid)

    def save(self, schedule: Mapping[str, Any], updates: Mapping[str, Any]) -> None:
        sid = schedule["pipelineRecurringRunId"]
        body = {**self.schedule(sid), **updates}
        with self._db() as db:
            db.execute("UPDATE schedules SET body = ? WHERE id = ?", (json.dumps(body), sid))

    def create_run(self, schedule: Mapping[str, Any], trigger: datetime) -> None:
        sid = schedule["pipelineRecurringRunId"]
        with self._db() as db:
            db.execute(
                "INSERT OR IGNORE INTO runs VALUES (?, ?, ?, 'RUNNING', (SELECT COUNT(*) FROM runs))",
                (trigger_key(sid, trigger), sid, format_datetime(trigger)),
            )

    def in_progress(self, schedule: Mapping[str, Any]) -> int:
        with self._db() as db:
            (n,) = db.execute(
                "SELECT COUNT(*) FROM runs WHERE schedule_id = ? AND status = 'RUNNING'",
                (schedule["pipelineRecurringRunId"],),
            ).fetchone()
        return int(n)

    def finish_all(self) -> None:
        with self._db() as db:
            db.execute("UPDATE runs SET status = 'COMPLETE'")

    def finish_oldest(self, count: int = 1) -> None:
        with self._db() as db:
            db.execute(
                "UPDATE runs SET status = 'COMPLETE' WHERE trigger_key IN "
                "(SELECT trigger_key FROM runs WHERE status = 'RUNNING' ORDER BY trigger_time LIMIT ?)",
                (count,),
            )

    def run_times(self, sid: str = "rr-1") -> list[datetime]:
        with self._db() as db:
            rows = db.execute("SELECT trigger_time FROM runs WHERE schedule_id = ? ORDER BY trigger_time", (sid,))
            return [datetime.fromisoformat(t) for (t,) in rows]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "state.db")


def make_loop(store: Store, clock: Clock, **kwargs: Any) -> SchedulerLoop:
    return SchedulerLoop(
        clock=clock,
        tick_seconds=60,
        get_schedules=store.schedules,
        create_run=store.create_run,
        save_schedule=store.save,
        count_in_progress=store.in_progress,
        **kwargs,
    )


def test_periodic_first_trigger_is_one_period_after_start(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=15, scheduleStartDatetime=at(5).isoformat())
    clock = Clock(at(5))
    loop = make_loop(store, clock)
    assert loop.tick() == []
    clock.advance(minutes=14, seconds=59)
    assert loop.tick() == []
    clock.advance(seconds=1)
    assert loop.tick() == [("rr-1", at(20))]
    clock.now = at(65)
    loop.tick()
    assert store.run_times() == [at(20), at(35), at(50), at(65)]
    assert store.schedule()[CURSOR_FIELD] == format_datetime(at(65))


def test_periodic_without_start_is_anchored_at_creation(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=60, createdDatetime=at(7).isoformat())
    clock = Clock(at(200))
    make_loop(store, clock).tick()
    assert store.run_times() == [at(67), at(127), at(187)]


def test_cron_schedule_creates_its_fire_times(store: Store) -> None:
    # Every 20 minutes on the minute, in Seoul time; six fields with seconds first.
    store.add_schedule(scheduleCronExpression="0 */20 * * * ?", scheduleStartDatetime=at(0).isoformat())
    clock = Clock(at(0))
    loop = make_loop(store, clock, default_tz=KST)
    for _ in range(7):
        clock.advance(minutes=10)
        loop.tick()
    assert store.run_times() == [at(20), at(40), at(60)]
    store.add_schedule(
        pipelineRecurringRunId="rr-2", scheduleCronExpression="30 0 9 * * MON-FRI", createdDatetime=at(0).isoformat()
    )
    clock.now = T0 + timedelta(days=7)
    loop.tick()
    days = [t.astimezone(KST) for t in store.run_times("rr-2")]
    # 2025-01-01 is a Wednesday: Wed, Thu, Fri, Mon, Tue at 09:00:30 KST (Wed the 8th is after now).
    assert [(d.day, d.hour, d.minute, d.second) for d in days] == [(n, 9, 0, 30) for n in (1, 2, 3, 6, 7)]


def test_concurrency_is_capped_and_waiting_triggers_follow_when_runs_end(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=10, scheduleStartDatetime=at(0).isoformat(), maxConcurrencyCount=2)
    clock = Clock(at(60))  # six triggers due
    loop = make_loop(store, clock)
    loop.tick()
    assert store.run_times() == [at(10), at(20)]
    loop.tick()
    assert store.in_progress(store.schedule()) == 2
    assert len(store.run_times()) == 2
    store.finish_oldest(1)
    loop.tick()
    assert store.run_times() == [at(10), at(20), at(30)]
    store.finish_all()
    loop.tick()
    assert store.run_times() == [at(t) for t in (10, 20, 30, 40, 50)]
    store.finish_all()
    loop.tick()
    assert store.run_times() == [at(t) for t in (10, 20, 30, 40, 50, 60)]


def test_catch_up_creates_every_missed_trigger_in_bounded_batches(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=1, scheduleStartDatetime=at(0).isoformat(), maxConcurrencyCount=10_000)
    clock = Clock(at(250))
    loop = make_loop(store, clock)
    assert len(loop.tick()) == 100
    assert len(loop.tick()) == 100
    assert len(loop.tick()) == 50
    assert loop.tick() == []
    assert store.run_times() == [at(m) for m in range(1, 251)]


def test_catch_up_off_runs_only_the_latest_due_trigger(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=15, scheduleStartDatetime=at(0).isoformat(), useCatchup=False)
    clock = Clock(at(15))
    loop = make_loop(store, clock)
    loop.tick()
    assert store.run_times() == [at(15)]
    clock.now = at(70)  # 30, 45 and 60 are due: only 60 runs
    loop.tick()
    assert store.run_times() == [at(15), at(60)]
    clock.now = at(75)
    loop.tick()
    assert store.run_times() == [at(15), at(60), at(75)]


def test_catch_up_off_skips_triggers_while_no_slot_is_free(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=15, scheduleStartDatetime=at(0).isoformat(), useCatchup=False)
    clock = Clock(at(15))
    loop = make_loop(store, clock)  # maxConcurrencyCount 1 below
    store.save(store.schedule(), {"maxConcurrencyCount": 1})
    loop.tick()
    clock.now = at(30)
    loop.tick()  # the run of 15 is still running: 30 is skipped
    assert store.run_times() == [at(15)]
    assert store.schedule()[CURSOR_FIELD] == format_datetime(at(30))
    store.finish_all()
    clock.now = at(44)
    loop.tick()
    assert store.run_times() == [at(15)]  # nothing new is due before 45
    clock.now = at(45)
    loop.tick()
    assert store.run_times() == [at(15), at(45)]


def test_catch_up_off_finds_the_latest_cron_trigger_after_a_long_gap() -> None:
    resource = {
        "pipelineRecurringRunId": "rr",
        "pipelineRecurringRunStatusCode": "ENABLED",
        "scheduleCronExpression": "*/10 * 3 * * *",  # every 10 s during 03:00-03:59 only
        "useCatchup": False,
        CURSOR_FIELD: datetime(2025, 1, 1, tzinfo=UTC).isoformat(),
    }
    decision = plan(resource, datetime(2025, 3, 1, 12, 0, tzinfo=UTC), 0)
    assert decision.triggers == [datetime(2025, 3, 1, 3, 59, 50, tzinfo=UTC)]
    assert decision.skipped_due
    assert decision.cursor == datetime(2025, 3, 1, 3, 59, 50, tzinfo=UTC)


def test_end_time_expires_the_schedule(store: Store) -> None:
    store.add_schedule(
        schedulePeriodicMinutes=30,
        scheduleStartDatetime=at(0).isoformat(),
        scheduleEndDatetime=at(100).isoformat(),
    )
    clock = Clock(at(95))
    loop = make_loop(store, clock)
    loop.tick()
    assert store.run_times() == [at(30), at(60), at(90)]
    assert store.schedule()["pipelineRecurringRunStatusCode"] == "ENABLED"  # not past the end yet
    clock.now = at(500)
    loop.tick()
    assert store.run_times() == [at(30), at(60), at(90)]
    assert store.schedule()["pipelineRecurringRunStatusCode"] == "ENABLED_EXPIRED"
    clock.now = at(1000)
    loop.tick()
    assert store.run_times() == [at(30), at(60), at(90)]


def test_expiry_waits_for_triggers_held_back_by_concurrency(store: Store) -> None:
    store.add_schedule(
        schedulePeriodicMinutes=10,
        scheduleStartDatetime=at(0).isoformat(),
        scheduleEndDatetime=at(30).isoformat(),
        maxConcurrencyCount=1,
    )
    clock = Clock(at(300))
    loop = make_loop(store, clock)
    for _ in range(3):
        assert store.schedule()["pipelineRecurringRunStatusCode"] == "ENABLED"
        loop.tick()
        store.finish_all()
    assert store.run_times() == [at(10), at(20), at(30)]
    assert store.schedule()["pipelineRecurringRunStatusCode"] == "ENABLED_EXPIRED"


def test_start_time_in_the_future_waits(store: Store) -> None:
    store.add_schedule(scheduleCronExpression="0 * * * * *", scheduleStartDatetime=at(60).isoformat())
    clock = Clock(at(30))
    loop = make_loop(store, clock)
    loop.tick()
    assert store.run_times() == []
    clock.now = at(62.5)
    loop.tick()
    assert store.run_times() == [at(61), at(62)]


@pytest.mark.parametrize(("catchup", "expected_after_start"), [(True, [20, 30, 40, 50]), (False, [])])
def test_stop_and_start(store: Store, catchup: bool, expected_after_start: list[int]) -> None:
    store.add_schedule(schedulePeriodicMinutes=10, scheduleStartDatetime=at(0).isoformat(), useCatchup=catchup)
    clock = Clock(at(10))
    loop = make_loop(store, clock)
    loop.tick()
    assert store.run_times() == [at(10)]
    store.save(store.schedule(), stop_updates(store.schedule()))
    assert store.schedule()["pipelineRecurringRunStatusCode"] == "DISABLED"
    for minutes in (20, 30, 40, 55):
        clock.now = at(minutes)
        loop.tick()
    assert store.run_times() == [at(10)]  # nothing while disabled
    store.save(store.schedule(), start_updates(store.schedule(), clock()))
    assert store.schedule()["pipelineRecurringRunStatusCode"] == "ENABLED"
    loop.tick()
    assert store.run_times() == [at(10)] + [at(m) for m in expected_after_start]
    clock.now = at(60)
    loop.tick()
    assert store.run_times()[-1] == at(60)  # back on the same 10-minute grid either way


def test_restart_after_a_crash_between_run_and_cursor_neither_duplicates_nor_loses(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=5, scheduleStartDatetime=at(0).isoformat())
    clock = Clock(at(20))

    def crashing_save(schedule: Mapping[str, Any], updates: Mapping[str, Any]) -> None:
        raise RuntimeError("power cut")

    crashing = SchedulerLoop(clock, 60, store.schedules, store.create_run, crashing_save, store.in_progress)
    with pytest.raises(RuntimeError, match="power cut"):
        crashing.tick()
    assert store.run_times() == [at(5), at(10), at(15), at(20)]
    assert CURSOR_FIELD not in store.schedule()  # the cursor never got saved

    clock.now = at(26)
    restarted = make_loop(store, clock)  # a new loop over the persisted state only
    restarted.tick()
    assert store.run_times() == [at(5), at(10), at(15), at(20), at(25)]
    assert store.schedule()[CURSOR_FIELD] == format_datetime(at(25))
    restarted.tick()
    assert store.run_times() == [at(5), at(10), at(15), at(20), at(25)]


def test_a_failing_create_keeps_what_was_created_and_retries_the_rest(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=5, scheduleStartDatetime=at(0).isoformat())
    clock = Clock(at(20))
    fail_at = {at(15)}

    def flaky_create(schedule: Mapping[str, Any], trigger: datetime) -> None:
        if trigger in fail_at:
            raise OSError("disk full")
        store.create_run(schedule, trigger)

    loop = SchedulerLoop(clock, 60, store.schedules, flaky_create, store.save, store.in_progress)
    loop.tick()
    assert store.run_times() == [at(5), at(10)]
    assert store.schedule()[CURSOR_FIELD] == format_datetime(at(10))
    fail_at.clear()
    loop.tick()
    assert store.run_times() == [at(5), at(10), at(15), at(20)]


def test_bad_schedules_are_refused_with_the_field_named() -> None:
    base = {"pipelineRecurringRunId": "x", "pipelineRecurringRunStatusCode": "ENABLED"}
    now = at(0)
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "needs scheduleCronExpression or schedulePeriodicMinutes"),
        ({"scheduleCronExpression": "0 * * * * *", "schedulePeriodicMinutes": 5}, "not both"),
        ({"scheduleCronExpression": "0 * * * *"}, "scheduleCronExpression: .*has 5 fields"),
        ({"schedulePeriodicMinutes": 0}, "schedulePeriodicMinutes must be at least 1"),
        ({"schedulePeriodicMinutes": "soon"}, "schedulePeriodicMinutes: 'soon'"),
        ({"schedulePeriodicMinutes": 5, "maxConcurrencyCount": 0}, "maxConcurrencyCount"),
        ({"schedulePeriodicMinutes": 5, "scheduleStartDatetime": "tomorrow"}, "scheduleStartDatetime: 'tomorrow'"),
        (
            {
                "schedulePeriodicMinutes": 5,
                "scheduleStartDatetime": "2025-01-02T00:00:00+09:00",
                "scheduleEndDatetime": "2025-01-01T00:00:00+09:00",
            },
            "scheduleEndDatetime must be later",
        ),
    ]
    for fields, message in cases:
        with pytest.raises(ValueError, match=message):
            plan({**base, **fields}, now, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        plan({**base, "schedulePeriodicMinutes": 5}, datetime(2025, 1, 1), 0)


def test_a_bad_schedule_does_not_stop_the_others(store: Store) -> None:
    store.add_schedule(pipelineRecurringRunId="bad", scheduleCronExpression="every minute")
    store.add_schedule(
        pipelineRecurringRunId="good", schedulePeriodicMinutes=10, scheduleStartDatetime=at(0).isoformat()
    )
    make_loop(store, Clock(at(10))).tick()
    assert store.run_times("good") == [at(10)]
    assert store.run_times("bad") == []


def test_first_pass_persists_the_cursor_when_nothing_anchors_the_schedule(store: Store) -> None:
    schedule = store.add_schedule(schedulePeriodicMinutes=10)
    store.save(schedule, {"createdDatetime": None})
    clock = Clock(at(3))
    loop = make_loop(store, clock)
    loop.tick()
    assert store.schedule()[CURSOR_FIELD] == format_datetime(at(3))
    clock.now = at(23)
    loop.tick()
    assert store.run_times() == [at(13), at(23)]


def test_loop_thread_runs_passes_and_wakes_on_demand(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=10, scheduleStartDatetime=at(0).isoformat())
    clock = Clock(at(5))
    created = threading.Event()

    def create(schedule: Mapping[str, Any], trigger: datetime) -> None:
        store.create_run(schedule, trigger)
        created.set()

    loop = SchedulerLoop(clock, 3600, store.schedules, create, store.save, store.in_progress)
    loop.start()
    try:
        clock.now = at(10)
        loop.wake()  # the tick interval is an hour: only the wake can make this pass happen
        assert created.wait(10)
    finally:
        loop.stop()
    assert store.run_times() == [at(10)]


def test_a_schedule_whose_times_overflow_does_not_stop_the_others(store: Store) -> None:
    store.add_schedule(schedulePeriodicMinutes=5, scheduleStartDatetime=at(0).isoformat())
    broken = store.add_schedule(pipelineRecurringRunId="rr-0", schedulePeriodicMinutes=10**15)  # past year 9999
    clock = Clock(at(11))
    make_loop(store, clock).tick()
    assert store.run_times("rr-1") == [at(5), at(10)]
    assert store.run_times(broken["pipelineRecurringRunId"]) == []
