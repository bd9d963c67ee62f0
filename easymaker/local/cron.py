"""Cron expressions as EasyMaker recurring runs take them: six fields, seconds first (the robfig/cron format).

``sec min hour day-of-month month day-of-week``

======================  ==========  ===========================
Field                   Values      Also
======================  ==========  ===========================
seconds                 0-59        ``* , - /``
minutes                 0-59        ``* , - /``
hours                   0-23        ``* , - /``
day of month            1-31        ``* , - / ?``
month                   1-12        ``* , - /`` and JAN-DEC
day of week             0-6 (SUN)   ``* , - / ?`` and SUN-SAT
======================  ==========  ===========================

``a/n`` means ``a-max/n``; names are case-insensitive; ``?`` is ``*`` (meant for the day fields; like robfig/cron,
it is accepted in any field). Day of month and day of week combine as in
robfig/cron (and Vixie cron): when either is unrestricted (``*`` or ``?``, or ``*/1``), both must match, which means
only the other one counts; when both are restricted, a day matching either fires.

Descriptors: ``@yearly`` (``@annually``), ``@monthly``, ``@weekly``, ``@daily`` (``@midnight``), ``@hourly`` and
``@every <duration>`` (Go duration syntax such as ``90s``, ``5m``, ``1h30m``; fires every interval after the time
it is asked about, rounded down to the second). A leading ``CRON_TZ=<zone>`` or ``TZ=<zone>`` sets the time zone.

Times are computed on the wall clock of the schedule's time zone (UTC unless given). Across a daylight-saving change,
a wall time that does not exist is skipped, and a wall time that happens twice fires once, at its first occurrence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["CronSchedule", "parse_cron", "parse_duration"]


@dataclass(frozen=True)
class _Field:
    name: str
    low: int
    high: int
    names: dict[str, int] | None = None


_FIELDS = (
    _Field("seconds", 0, 59),
    _Field("minutes", 0, 59),
    _Field("hours", 0, 23),
    _Field("day-of-month", 1, 31),
    _Field(
        "month",
        1,
        12,
        {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    ),
    _Field("day-of-week", 0, 6, {d: i for i, d in enumerate(("sun", "mon", "tue", "wed", "thu", "fri", "sat"))}),
)
_DESCRIPTORS = {
    "@yearly": "0 0 0 1 1 *",
    "@annually": "0 0 0 1 1 *",
    "@monthly": "0 0 0 1 * *",
    "@weekly": "0 0 0 * * 0",
    "@daily": "0 0 0 * * *",
    "@midnight": "0 0 0 * * *",
    "@hourly": "0 0 * * * *",
}
_DURATION_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)")
_UNIT_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
_SEARCH_YEARS = 9  # Feb 29 needs up to 8 years (2096 -> 2104)


def parse_duration(text: str) -> timedelta:
    """A Go-style duration (``1h30m``, ``90s``, ``2.5h``) as a timedelta; at least one second."""
    raw = text.strip()
    pos = 0
    total = 0.0
    if not raw:
        raise ValueError("cron @every: the duration is empty (e.g. '@every 5m')")
    while pos < len(raw):
        m = _DURATION_PART.match(raw, pos)
        if m is None:
            raise ValueError(f"cron @every: cannot read duration {text!r} (use e.g. 90s, 5m, 1h30m)")
        total += float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
        pos = m.end()
    seconds = int(total)
    if seconds < 1:
        raise ValueError(f"cron @every: the duration {text!r} is shorter than one second")
    return timedelta(seconds=seconds)


def _parse_number(token: str, field: _Field, expr: str) -> int:
    key = token.lower()
    if field.names and key in field.names:
        return field.names[key]
    if not token.isdigit():
        hint = f" or a name ({', '.join(n.upper() for n in field.names)})" if field.names else ""
        raise ValueError(f"cron {field.name} field {expr!r}: {token!r} is not a number{hint}")
    value = int(token)
    if not field.low <= value <= field.high:
        raise ValueError(f"cron {field.name} field {expr!r}: {value} is outside {field.low}-{field.high}")
    return value


def _parse_field(expr: str, field: _Field) -> tuple[frozenset[int], bool]:
    """The values a field allows and whether it is unrestricted (``*``/``?`` without a step above 1)."""
    if not expr:
        raise ValueError(f"cron {field.name} field is empty")
    values: set[int] = set()
    star = False
    for part in expr.split(","):
        if not part:
            raise ValueError(f"cron {field.name} field {expr!r}: empty list item")
        range_part, slash, step_part = part.partition("/")
        step = 1
        if slash:
            if not step_part.isdigit() or int(step_part) < 1:
                raise ValueError(f"cron {field.name} field {expr!r}: step {step_part!r} must be a positive number")
            step = int(step_part)
        if range_part in ("*", "?"):
            start, end = field.low, field.high
            if step == 1:
                star = True
        else:
            low_text, dash, high_text = range_part.partition("-")
            start = _parse_number(low_text, field, expr)
            if dash:
                end = _parse_number(high_text, field, expr)
            elif slash:
                end = field.high  # "a/n" means "a-max/n"
            else:
                end = start
            if end < start:
                raise ValueError(f"cron {field.name} field {expr!r}: range {range_part!r} runs backwards")
        values.update(range(start, end + 1, step))
    return frozenset(values), star


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"cron: unknown time zone {name!r}") from None


class CronSchedule:
    """A parsed cron expression; ``next_after(dt)`` gives the first fire time strictly after ``dt``."""

    def __init__(self, expression: str, tz: tzinfo | str | None = None) -> None:
        if not isinstance(expression, str):
            raise ValueError(f"cron expression must be a string, got {type(expression).__name__}")
        self.expression = expression
        text = expression.strip()
        zone: tzinfo = UTC
        if isinstance(tz, str):
            zone = _zone(tz)
        elif tz is not None:
            zone = tz
        prefix = re.match(r"^(?:CRON_TZ|TZ)=(\S+)\s+", text)
        if prefix:
            zone = _zone(prefix.group(1))
            text = text[prefix.end() :]
        self.tz = zone
        self.every: timedelta | None = None
        if not text:
            raise ValueError("cron expression is empty (six fields: sec min hour day-of-month month day-of-week)")
        if text.startswith("@"):
            word, _, rest = text.partition(" ")
            if word.lower() == "@every":
                self.every = parse_duration(rest)
                text = "* * * * * *"
            elif word.lower() in _DESCRIPTORS and not rest.strip():
                text = _DESCRIPTORS[word.lower()]
            else:
                raise ValueError(
                    f"cron descriptor {word!r} is not known (use {', '.join(sorted(_DESCRIPTORS))} or @every <duration>)"
                )
        parts = text.split()
        if len(parts) != 6:
            raise ValueError(
                f"cron expression {expression!r} has {len(parts)} fields; six are needed: "
                "sec min hour day-of-month month day-of-week (e.g. '0 0 * * * ?' = every hour)"
            )
        parsed = [_parse_field(p, f) for p, f in zip(parts, _FIELDS, strict=True)]
        self.seconds, self.minutes, self.hours = (sorted(v) for v, _ in parsed[:3])
        self.days_of_month, self.dom_star = parsed[3]
        self.months, _ = parsed[4]
        self.days_of_week, self.dow_star = parsed[5]
        self._check_possible()

    def _check_possible(self) -> None:
        if not self.dow_star and not self.dom_star:
            return  # either field can fire
        if self.dom_star:
            return  # only the day of week counts, and every weekday exists in every month
        if not any(d <= calendar.monthrange(2000, m)[1] for m in self.months for d in self.days_of_month):
            raise ValueError(
                f"cron expression {self.expression!r} never fires: no month in the month field has the days "
                "in the day-of-month field"
            )

    def __repr__(self) -> str:
        return f"CronSchedule({self.expression!r}, tz={self.tz})"

    def _day_matches(self, day: datetime) -> bool:
        dom = day.day in self.days_of_month
        dow = (day.isoweekday() % 7) in self.days_of_week
        if self.dom_star or self.dow_star:
            return dom and dow
        return dom or dow

    def next_after(self, dt: datetime) -> datetime:
        """The first fire time strictly after ``dt`` (timezone-aware; naive times are taken as UTC)."""
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        if self.every is not None:
            return (dt + self.every).replace(microsecond=0)
        for wall in self._wall_times_from(dt.astimezone(self.tz).replace(tzinfo=None)):
            aware = wall.replace(tzinfo=self.tz, fold=0)
            # Skip wall times that do not exist (a daylight-saving gap): they do not round-trip.
            if aware.astimezone(UTC).astimezone(self.tz).replace(tzinfo=None) != wall:
                continue
            if aware > dt:  # false only inside a repeated hour, for dt in its second occurrence
                return aware
        raise ValueError(f"cron expression {self.expression!r} does not fire within {_SEARCH_YEARS} years")

    def fire_times(self, after: datetime, until: datetime, limit: int | None = None) -> list[datetime]:
        """Fire times in ``(after, until]``, at most ``limit`` of them (the earliest)."""
        out: list[datetime] = []
        current = after
        while limit is None or len(out) < limit:
            current = self.next_after(current)
            if current > until:
                break
            out.append(current)
        return out

    def _wall_times_from(self, local: datetime) -> Iterable[datetime]:
        """Matching wall-clock times at or after the second following ``local`` (seconds resolution)."""
        t = local.replace(microsecond=0, fold=0) + timedelta(seconds=1)
        limit_year = t.year + _SEARCH_YEARS
        while t.year <= limit_year:
            if t.month not in self.months:
                t = _first_of_next_month(t)
                continue
            if not self._day_matches(t):
                t = datetime(t.year, t.month, t.day) + timedelta(days=1)
                continue
            nxt_hour = _next_in(self.hours, t.hour)
            if nxt_hour is None:
                t = datetime(t.year, t.month, t.day) + timedelta(days=1)
                continue
            if nxt_hour != t.hour:
                t = t.replace(hour=nxt_hour, minute=0, second=0)
            nxt_min = _next_in(self.minutes, t.minute)
            if nxt_min is None:
                t = t.replace(minute=0, second=0) + timedelta(hours=1)
                continue
            if nxt_min != t.minute:
                t = t.replace(minute=nxt_min, second=0)
            nxt_sec = _next_in(self.seconds, t.second)
            if nxt_sec is None:
                t = t.replace(second=0) + timedelta(minutes=1)
                continue
            t = t.replace(second=nxt_sec)
            yield t
            t = t + timedelta(seconds=1)


def _next_in(sorted_values: list[int], current: int) -> int | None:
    for v in sorted_values:
        if v >= current:
            return v
    return None


def _first_of_next_month(t: datetime) -> datetime:
    if t.month == 12:
        return datetime(t.year + 1, 1, 1)
    return datetime(t.year, t.month + 1, 1)


def parse_cron(expression: str, tz: tzinfo | str | None = None) -> CronSchedule:
    """Parse a six-field cron expression (seconds first); raise ``ValueError`` naming the bad field."""
    return CronSchedule(expression, tz)
