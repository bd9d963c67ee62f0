"""The six-field cron parser (seconds first) against croniter, plus its error messages."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from croniter import croniter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easymaker.local.cron import CronSchedule, parse_duration

MONTHS = [m.upper() for m in calendar.month_abbr if m]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
BOUNDS = {"sec": (0, 59), "min": (0, 59), "hour": (0, 23), "dom": (1, 31), "month": (1, 12), "dow": (0, 6)}
ZONES = [UTC, ZoneInfo("Asia/Seoul"), timezone(timedelta(hours=-3, minutes=-30))]


@st.composite
def field_item(draw: st.DrawFn, kind: str) -> str:
    low, high = BOUNDS[kind]

    def value() -> str:
        n = draw(st.integers(low, high))
        if kind == "month" and draw(st.booleans()):
            return MONTHS[n - 1]
        if kind == "dow" and draw(st.booleans()):
            return DAYS[n]
        return str(n)

    shape = draw(st.sampled_from(["value", "range", "range-step", "start-step", "star-step"]))
    if shape == "value":
        return value()
    if shape == "star-step":
        return f"*/{draw(st.integers(1, high - low + 1))}"
    a = draw(st.integers(low, high))
    b = draw(st.integers(a, high))
    name = {"month": MONTHS, "dow": DAYS}.get(kind)
    if name is not None and draw(st.booleans()):
        a_txt, b_txt = name[a - low], name[b - low]
    else:
        a_txt, b_txt = str(a), str(b)
    if shape == "range":
        return f"{a_txt}-{b_txt}"
    if shape == "range-step":
        return f"{a_txt}-{b_txt}/{draw(st.integers(1, high - low + 1))}"
    return f"{a}/{draw(st.integers(1, high - low + 1))}"


@st.composite
def cron_field(draw: st.DrawFn, kind: str) -> str:
    if draw(st.integers(0, 3)) == 0:
        return "?" if kind in ("dom", "dow") and draw(st.booleans()) else "*"
    return ",".join(draw(st.lists(field_item(kind), min_size=1, max_size=3)))


@st.composite
def expressions(draw: st.DrawFn) -> str:
    return " ".join(draw(cron_field(k)) for k in ("sec", "min", "hour", "dom", "month", "dow"))


def _single(item: str, kind: str) -> str:
    """croniter 7 reads a one-value range such as ``3-3`` (or ``SUN-SUN``) as ``*``; give it the plain value."""
    names = {"month": {m: i + 1 for i, m in enumerate(MONTHS)}, "dow": {d: i for i, d in enumerate(DAYS)}}.get(kind, {})
    low, dash, rest = item.partition("-")
    if not dash:
        return item
    high = rest.split("/")[0]
    if names.get(low.upper(), low) == names.get(high.upper(), high) or (
        low.isdigit() and high.isdigit() and int(low) == int(high)
    ):
        return str(names.get(low.upper(), low))
    return item


def _covers(kind: str, field: str) -> bool:
    """Whether a field (numbers, names, ranges, steps) allows every value of its range; written independently."""
    low, high = BOUNDS[kind]
    names = {"month": {m: i + 1 for i, m in enumerate(MONTHS)}, "dow": {d: i for i, d in enumerate(DAYS)}}.get(kind, {})
    values: set[int] = set()
    for item in field.split(","):
        rng, _, step = item.partition("/")
        if rng == "*":
            a, b = low, high
        else:
            x, dash, y = rng.partition("-")
            a = int(names.get(x.upper(), x))
            b = int(names.get(y.upper(), y)) if dash else (high if step else a)
        values.update(range(a, b + 1, int(step or 1)))
    return values >= set(range(low, high + 1))


def croniter_next(expr: str, after: datetime) -> datetime:
    """croniter takes the seconds last and has no '?'; it answers in the zone of the start time.

    A day field that holds ``*`` (or ``?``, or ``*/1``) anywhere is unrestricted for robfig/cron; croniter only
    treats a bare ``*`` so, hence the rewrite (this is where the two libraries differ, not a test shortcut).
    """
    fields = [
        ",".join(_single(item, kind) for item in f.split(",")) for f, kind in zip(expr.split(), BOUNDS, strict=True)
    ]
    fields = " ".join(fields).replace("?", "*").split()
    star = {i: any(item in ("*", "*/1") for item in fields[i].split(",")) for i in (3, 5)}
    for i in (3, 5):
        if star[i]:
            fields[i] = "*"
    # croniter also reads a restricted field that covers every day (``0/1``, ``1-31``) as ``*``; for robfig/cron it
    # stays restricted, so "either day field matches" holds every day.
    full = {3: _covers("dom", fields[3]), 5: _covers("dow", fields[5])}
    if not star[3] and not star[5] and (full[3] or full[5]):
        fields[3] = fields[5] = "*"
    result = croniter(" ".join(fields[1:] + fields[:1]), after).get_next(datetime)
    assert isinstance(result, datetime)
    return result


def never_fires(expr: str) -> bool:
    try:
        CronSchedule(expr)
    except ValueError as exc:
        if "never fires" in str(exc):
            return True
        raise
    return False


moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2060, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expr=expressions(), start=moments, zone=st.sampled_from(ZONES))
def test_next_fire_time_agrees_with_croniter(expr: str, start: datetime, zone: timezone) -> None:
    if never_fires(expr):
        return
    after = start.replace(tzinfo=zone)
    ours = CronSchedule(expr, tz=zone)
    expected = croniter_next(expr, after)
    got = ours.next_after(after)
    assert got == expected, (expr, after, got, expected)
    assert got.utcoffset() == after.astimezone(zone).utcoffset() or zone is not UTC
    # The next one after that agrees too (steps across a boundary the first answer sits on).
    assert ours.next_after(got) == croniter_next(expr, expected)


@settings(max_examples=100, deadline=None)
@given(minute=st.integers(0, 59), hour=st.one_of(st.just("*"), st.integers(0, 23).map(str)), start=moments)
def test_seconds_zero_matches_the_classic_five_field_form(minute: int, hour: str, start: datetime) -> None:
    after = start.replace(tzinfo=UTC)
    expected = croniter(f"{minute} {hour} * * *", after).get_next(datetime)
    assert CronSchedule(f"0 {minute} {hour} * * ?").next_after(after) == expected


def test_guide_examples() -> None:
    t0 = datetime(2025, 1, 1, 0, 0, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    hourly = CronSchedule("0 0 * * * ?", tz="Asia/Seoul")
    assert hourly.fire_times(t0, t0 + timedelta(hours=3)) == [t0 + timedelta(hours=h) for h in (1, 2, 3)]
    weekdays = CronSchedule("0 30 9 ? * MON-FRI")
    # 2025-01-03 is a Friday: next is Monday the 6th.
    assert weekdays.next_after(datetime(2025, 1, 3, 9, 30, tzinfo=UTC)) == datetime(2025, 1, 6, 9, 30, tzinfo=UTC)


def test_dom_and_dow_restricted_fire_on_either() -> None:
    both = CronSchedule("0 0 0 13 * FRI")
    start = datetime(2025, 6, 1, tzinfo=UTC)
    fired = both.fire_times(start, datetime(2025, 6, 30, tzinfo=UTC))
    assert [d.day for d in fired] == [6, 13, 20, 27]  # Fridays plus the 13th (a Friday here)
    only_dow = CronSchedule("0 0 0 ? * FRI")
    assert [d.day for d in only_dow.fire_times(start, datetime(2025, 6, 30, tzinfo=UTC))] == [6, 13, 20, 27]


def test_descriptors_and_every() -> None:
    t0 = datetime(2025, 3, 4, 5, 6, 7, 890, tzinfo=UTC)
    assert CronSchedule("@hourly").next_after(t0) == datetime(2025, 3, 4, 6, 0, 0, tzinfo=UTC)
    assert CronSchedule("@daily").next_after(t0) == datetime(2025, 3, 5, tzinfo=UTC)
    assert CronSchedule("@midnight").next_after(t0) == datetime(2025, 3, 5, tzinfo=UTC)
    assert CronSchedule("@weekly").next_after(t0) == datetime(2025, 3, 9, tzinfo=UTC)  # Sunday
    assert CronSchedule("@monthly").next_after(t0) == datetime(2025, 4, 1, tzinfo=UTC)
    assert CronSchedule("@yearly").next_after(t0) == CronSchedule("@annually").next_after(t0)
    assert CronSchedule("@every 5m").next_after(t0) == datetime(2025, 3, 4, 5, 11, 7, tzinfo=UTC)
    assert parse_duration("1h30m") == timedelta(minutes=90)
    assert parse_duration("1.5h") == timedelta(minutes=90)
    assert parse_duration("90s") == timedelta(seconds=90)


def test_time_zone_prefix_and_argument() -> None:
    t0 = datetime(2025, 1, 1, tzinfo=UTC)  # 09:00 in Seoul
    seoul_9am = CronSchedule("CRON_TZ=Asia/Seoul 0 0 9 * * *").next_after(t0)
    assert seoul_9am == datetime(2025, 1, 2, 0, 0, tzinfo=UTC)  # strictly after: the next day
    assert seoul_9am.utcoffset() == timedelta(hours=9)
    assert CronSchedule("TZ=Asia/Seoul 0 0 9 * * *").next_after(t0) == seoul_9am
    assert CronSchedule("0 0 9 * * *", tz="Asia/Seoul").next_after(t0) == seoul_9am
    assert CronSchedule("0 0 9 * * *", tz=ZoneInfo("Asia/Seoul")).next_after(t0) == seoul_9am
    # Naive times are UTC; the default zone is UTC.
    assert CronSchedule("0 0 9 * * *").next_after(datetime(2025, 1, 1)) == datetime(2025, 1, 1, 9, tzinfo=UTC)


def test_daylight_saving_gap_is_skipped_and_repeat_fires_once() -> None:
    ny = ZoneInfo("America/New_York")
    # 2025-03-09 02:30 does not exist in New York.
    daily_230 = CronSchedule("0 30 2 * * *", tz=ny)
    fired = daily_230.fire_times(datetime(2025, 3, 8, 12, tzinfo=ny), datetime(2025, 3, 11, 12, tzinfo=ny))
    assert [(d.day, d.hour, d.minute) for d in fired] == [(10, 2, 30), (11, 2, 30)]
    # 2025-11-02 01:30 happens twice; it fires once.
    daily_130 = CronSchedule("0 30 1 * * *", tz=ny)
    fired = daily_130.fire_times(datetime(2025, 11, 1, 12, tzinfo=ny), datetime(2025, 11, 3, 12, tzinfo=ny))
    assert [(d.day, d.hour, d.minute) for d in fired] == [(2, 1, 30), (3, 1, 30)]


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("", "empty"),
        ("0 0 * * *", "has 5 fields; six are needed"),
        ("0 0 * * * * *", "has 7 fields"),
        ("60 * * * * *", "seconds field '60': 60 is outside 0-59"),
        ("* 61 * * * *", "minutes field"),
        ("* * 24 * * *", "hours field '24'"),
        ("* * * 0 * *", "day-of-month field '0'"),
        ("* * * 32 * *", "day-of-month field"),
        ("* * * * 13 *", "month field '13'"),
        ("* * * * FOO *", "month field 'FOO': 'FOO' is not a number or a name"),
        ("* * * * * 7", "day-of-week field '7'"),
        ("* * * * * FUNDAY", "day-of-week field"),
        ("*/0 * * * * *", "seconds field '\\*/0': step '0'"),
        ("5-1 * * * * *", "range '5-1' runs backwards"),
        ("1,,2 * * * * *", "empty list item"),
        ("0 0 0 30 2 ?", "never fires"),
        ("@fortnightly", "descriptor '@fortnightly' is not known"),
        ("@every", "duration is empty"),
        ("@every 5 minutes", "cannot read duration"),
        ("@every 10ms", "shorter than one second"),
        ("TZ=Mars/Olympus 0 0 * * * *", "unknown time zone 'Mars/Olympus'"),
    ],
)
def test_bad_expressions_name_the_field(expr: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        CronSchedule(expr)
