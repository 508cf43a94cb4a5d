"""Opening hours as plain data, and what they mean at a given moment.

Everything here works on the small frozen dataclasses below, never on models or the database, so the rules are easy to test
with a frozen clock: `state_at()` says "Nu open tot 16:00" or "Gesloten, opent morgen om 8:30", `week()` gives the next days
with closures, public holidays, special periods and exceptional openings applied, and the remaining functions write the same
hours as schema.org `openingHoursSpecification`, as CPSV-AP `cv:openingHours` text and as data for the browser script that
keeps a cached page right (static/locations/js/opening-hours.js, which mirrors `state_at()`).

Times are wall-clock times in Europe/Brussels. A moment is converted to Brussels time first and then compared with the slots
on the clock, so the daylight-saving switches need no special case: at 03:00 on the last Sunday of March the clock says 3:00.
A slot that ends at 0:00 runs until midnight; adjacent slots with the same access (walk-in or appointment) are one opening.

The rules of a day, strongest first: an exceptional closure, an exceptional opening, a Belgian public holiday (closed unless
the hours are marked open on public holidays), a special period covering the date, the regular weekly hours.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils.translation import gettext, gettext_lazy

TIMEZONE = ZoneInfo("Europe/Brussels")
MIDNIGHT = dt.time(0, 0)
ONE_DAY = dt.timedelta(days=1)
# How far ahead the next opening is looked for; a location closed longer than this is simply "Gesloten".
HORIZON_DAYS = 366
# How many days of resolved hours the browser script receives: a cached page stays right for about a week.
BROWSER_DAYS = 14

WEEKDAYS = [
    gettext_lazy("maandag"),
    gettext_lazy("dinsdag"),
    gettext_lazy("woensdag"),
    gettext_lazy("donderdag"),
    gettext_lazy("vrijdag"),
    gettext_lazy("zaterdag"),
    gettext_lazy("zondag"),
]
MONTHS = [
    gettext_lazy("januari"),
    gettext_lazy("februari"),
    gettext_lazy("maart"),
    gettext_lazy("april"),
    gettext_lazy("mei"),
    gettext_lazy("juni"),
    gettext_lazy("juli"),
    gettext_lazy("augustus"),
    gettext_lazy("september"),
    gettext_lazy("oktober"),
    gettext_lazy("november"),
    gettext_lazy("december"),
]
EN_DASH = "\N{EN DASH}"  # between times: 8:30\N{EN DASH}12:30
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# The sentences of the state. The browser script receives the same templates (see browser_data), so both say the same.
MESSAGES = {
    "open_until": gettext_lazy("Nu open tot {time}"),
    "open_until_midnight": gettext_lazy("Nu open tot middernacht"),
    "open_until_day": gettext_lazy("Nu open tot {day} om {time}"),
    "closed_opens": gettext_lazy("Gesloten, opent {day} om {time}"),
    "closed_today": gettext_lazy("Vandaag gesloten ({reason})"),
    "opens_detail": gettext_lazy("Opent {day} om {time}"),
    "closed": gettext_lazy("Gesloten"),
    "unknown": gettext_lazy("Geen openingsuren bekend"),
    "appointment": gettext_lazy("{text} (alleen op afspraak)"),
    "today": gettext_lazy("vandaag"),
    "tomorrow": gettext_lazy("morgen"),
    "date": gettext_lazy("{weekday} {day} {month}"),
}


@dataclass(frozen=True)
class Slot:
    """One opening on a day, from `start` to `end` (0:00 as end means midnight), walk-in or by appointment only."""

    start: dt.time
    end: dt.time
    appointment_only: bool = False

    @property
    def ends_at_midnight(self) -> bool:
        return self.end == MIDNIGHT

    def span(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The slot on `day` as naive Brussels wall-clock datetimes."""
        end_day = day + ONE_DAY if self.ends_at_midnight else day
        return dt.datetime.combine(day, self.start), dt.datetime.combine(end_day, self.end)


Week = Mapping[int, tuple[Slot, ...]]  # weekday (0 = Monday) to that day's slots


@dataclass(frozen=True)
class Period:
    """Other weekly hours between two dates, both included (summer hours, winter hours)."""

    name: str
    start: dt.date
    end: dt.date
    weekly: Week = field(default_factory=dict)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def weekly_rows(self) -> list[tuple[str, tuple[Slot, ...]]]:
        """Monday to Sunday as (weekday name, slots)."""
        return [(str(WEEKDAYS[weekday]), _sorted(self.weekly.get(weekday, ()))) for weekday in range(7)]


@dataclass(frozen=True)
class Closure:
    """Closed on `start` (through `end` when given, included), for a reason shown to citizens."""

    start: dt.date
    reason: str
    end: dt.date | None = None

    @property
    def last_day(self) -> dt.date:
        return self.end if self.end and self.end > self.start else self.start

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.last_day


@dataclass(frozen=True)
class ExtraOpening:
    """Open on a date when the location is usually closed, or with other hours that day."""

    date: dt.date
    reason: str
    slots: tuple[Slot, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """All the hours of one place or service: what editors maintain once in an OpeningHours snippet."""

    weekly: Week = field(default_factory=dict)
    periods: tuple[Period, ...] = ()
    closures: tuple[Closure, ...] = ()
    openings: tuple[ExtraOpening, ...] = ()
    open_on_public_holidays: bool = False

    @property
    def is_empty(self) -> bool:
        """True when no slot is known at all: then we say nothing rather than "Gesloten"."""
        return not (
            any(self.weekly.values())
            or any(any(p.weekly.values()) for p in self.periods)
            or any(o.slots for o in self.openings)
        )


# Kinds of day, for templates and structured data.
REGULAR, PERIOD, CLOSURE, HOLIDAY, OPENING = "regular", "period", "closure", "holiday", "opening"


@dataclass(frozen=True)
class Day:
    """The hours that apply on one date, after closures, openings, holidays and periods."""

    date: dt.date
    slots: tuple[Slot, ...]
    kind: str = REGULAR
    reason: str = ""  # the closure, holiday or opening reason, or the special period's name

    @property
    def is_closed(self) -> bool:
        return not self.slots

    @property
    def is_special(self) -> bool:
        return self.kind != REGULAR

    @property
    def weekday_name(self) -> str:
        return str(WEEKDAYS[self.date.weekday()])


@dataclass(frozen=True)
class State:
    """Whether a place is open at a moment, in words: `text` is the headline, `detail` an optional second sentence."""

    is_open: bool
    text: str
    detail: str = ""
    appointment_only: bool = False
    until: dt.datetime | None = None  # aware; when the current opening ends
    next_opening: dt.datetime | None = None  # aware; when the next opening starts (when closed)
    computed_at: dt.datetime | None = None  # aware, in Brussels time


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.Belgium(years=year, language="nl")


def public_holiday(day: dt.date) -> str | None:
    """The Dutch name of the Belgian public holiday on `day` ("Wapenstilstand"), or None."""
    return _public_holidays(day.year).get(day)


def public_holidays_between(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Belgian public holidays from `first` through `last`, in date order."""
    found = []
    for year in range(first.year, last.year + 1):
        found += [(day, name) for day, name in _public_holidays(year).items() if first <= day <= last]
    return sorted(found)


def _sorted(slots) -> tuple[Slot, ...]:
    return tuple(sorted(slots, key=lambda slot: (slot.start, slot.end)))


def day_hours(schedule: Schedule, day: dt.date) -> Day:
    """The hours of `schedule` on `day`, applying the rules in the order this module's docstring gives."""
    for closure in schedule.closures:
        if closure.covers(day):
            return Day(day, (), CLOSURE, closure.reason)
    for opening in schedule.openings:
        if opening.date == day:
            return Day(day, _sorted(opening.slots), OPENING, opening.reason)
    if not schedule.open_on_public_holidays:
        holiday = public_holiday(day)
        if holiday:
            return Day(day, (), HOLIDAY, holiday)
    for period in schedule.periods:
        if period.covers(day):
            return Day(day, _sorted(period.weekly.get(day.weekday(), ())), PERIOD, period.name)
    return Day(day, _sorted(schedule.weekly.get(day.weekday(), ())), REGULAR)


def closes_for_holiday(schedule: Schedule, day: dt.date) -> bool:
    """True when `day` is a public holiday that closes a place that would otherwise be open that day.

    A holiday on a day the place is closed anyway (Easter Sunday for an office) changes nothing, so it is left out of
    the state sentence, the list of closing days, the iCal feed and the structured data.
    """
    return day_hours(schedule, day).kind == HOLIDAY and bool(
        day_hours(replace(schedule, open_on_public_holidays=True), day).slots
    )


def week(schedule: Schedule, first: dt.date, days: int = 7) -> list[Day]:
    """The hours of `days` consecutive dates from `first`: the week's schedule with special days applied."""
    return [day_hours(schedule, first + dt.timedelta(days=offset)) for offset in range(days)]


def _openings(schedule: Schedule, first: dt.date, days: int) -> Iterator[tuple[dt.datetime, dt.datetime, bool]]:
    """Openings from `first` on, as naive wall-clock (start, end, appointment_only), adjacent equal slots merged."""
    current = None
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        for slot in day_hours(schedule, day).slots:
            start, end = slot.span(day)
            if current and current[2] == slot.appointment_only and start <= current[1]:
                current = (current[0], max(current[1], end), current[2])
                continue
            if current:
                yield current
            current = (start, end, slot.appointment_only)
    if current:
        yield current


def format_time(value: dt.time | dt.datetime) -> str:
    """8:30, 16:00: the hour without a leading zero, as Flemish signs and mechelen.be write it."""
    return f"{value.hour}:{value.minute:02d}"


def format_date(day: dt.date) -> str:
    """maandag 4 januari"""
    return MESSAGES["date"].format(weekday=WEEKDAYS[day.weekday()], day=day.day, month=MONTHS[day.month - 1])


def day_phrase(day: dt.date, today: dt.date) -> str:
    """How a person says when: vandaag, morgen, a weekday within the coming week, or the date after that."""
    delta = (day - today).days
    if delta == 0:
        return str(MESSAGES["today"])
    if delta == 1:
        return str(MESSAGES["tomorrow"])
    if 1 < delta < 7:
        return str(WEEKDAYS[day.weekday()])
    return format_date(day)


def _with_appointment(text: str, appointment_only: bool) -> str:
    return MESSAGES["appointment"].format(text=text) if appointment_only else text


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=TIMEZONE)


def state_at(schedule: Schedule, moment: dt.datetime) -> State:
    """Whether `schedule` is open at the aware datetime `moment`, with the sentence to show.

    "Nu open tot 16:00", "Nu open tot 12:30 (alleen op afspraak)", "Gesloten, opent vandaag om 13:30",
    "Gesloten, opent morgen om 8:30", "Gesloten, opent maandag om 8:30", "Vandaag gesloten (Wapenstilstand)" (with the next
    opening as `detail`), "Gesloten" when nothing opens within a year, "Geen openingsuren bekend" for an empty schedule.
    """
    if moment.tzinfo is None:
        raise ValueError("state_at needs an aware datetime")
    local = moment.astimezone(TIMEZONE)
    now = local.replace(tzinfo=None)
    today = now.date()
    if schedule.is_empty:
        return State(False, str(MESSAGES["unknown"]), computed_at=local)

    next_opening = None
    # Start yesterday: an opening that runs until midnight and goes on today is one opening.
    for start, end, appointment_only in _openings(schedule, today - ONE_DAY, HORIZON_DAYS + 1):
        if end <= now:
            continue
        if start <= now:
            if end.date() == today:
                text = MESSAGES["open_until"].format(time=format_time(end))
            elif end.date() == today + ONE_DAY and end.time() == MIDNIGHT:
                text = str(MESSAGES["open_until_midnight"])
            else:
                text = MESSAGES["open_until_day"].format(day=day_phrase(end.date(), today), time=format_time(end))
            return State(
                True,
                _with_appointment(text, appointment_only),
                appointment_only=appointment_only,
                until=_aware(end),
                computed_at=local,
            )
        next_opening = (start, appointment_only)
        break

    today_hours = day_hours(schedule, today)
    next_at = _aware(next_opening[0]) if next_opening else None
    next_appointment = next_opening[1] if next_opening else False
    if today_hours.kind == CLOSURE or closes_for_holiday(schedule, today):
        detail = ""
        if next_opening:
            detail = MESSAGES["opens_detail"].format(
                day=day_phrase(next_opening[0].date(), today), time=format_time(next_opening[0])
            )
            detail = _with_appointment(detail, next_appointment)
        return State(
            False,
            MESSAGES["closed_today"].format(reason=today_hours.reason),
            detail=detail,
            appointment_only=next_appointment,
            next_opening=next_at,
            computed_at=local,
        )
    if next_opening:
        text = MESSAGES["closed_opens"].format(
            day=day_phrase(next_opening[0].date(), today), time=format_time(next_opening[0])
        )
        return State(
            False,
            _with_appointment(text, next_appointment),
            appointment_only=next_appointment,
            next_opening=next_at,
            computed_at=local,
        )
    return State(False, str(MESSAGES["closed"]), computed_at=local)


def local_today(moment: dt.datetime) -> dt.date:
    """The date in Brussels at the aware datetime `moment`."""
    return moment.astimezone(TIMEZONE).date()


def regular_week(schedule: Schedule) -> list[tuple[str, tuple[Slot, ...]]]:
    """The regular weekly hours, Monday to Sunday, as (weekday name, slots)."""
    return [(str(WEEKDAYS[weekday]), _sorted(schedule.weekly.get(weekday, ()))) for weekday in range(7)]


@dataclass(frozen=True)
class ClosedDays:
    """One or more consecutive closed days for a reason: an exceptional closure or a public holiday."""

    start: dt.date
    end: dt.date
    reason: str
    kind: str


def closures_between(schedule: Schedule, first: dt.date, last: dt.date) -> list[ClosedDays]:
    """Exceptional closures and the public holidays the place is closed on, overlapping `first`..`last`, by date.

    A holiday that falls within an exceptional closure, on a day with an exceptional opening or on a day the place is
    closed anyway is left out.
    """
    found = [
        ClosedDays(closure.start, closure.last_day, closure.reason, CLOSURE)
        for closure in schedule.closures
        if closure.last_day >= first and closure.start <= last
    ]
    if not schedule.open_on_public_holidays:
        for day, name in public_holidays_between(first, last):
            if closes_for_holiday(schedule, day):
                found.append(ClosedDays(day, day, name, HOLIDAY))
    return sorted(found, key=lambda closed: (closed.start, closed.end))


def openings_between(schedule: Schedule, first: dt.date, last: dt.date) -> list[ExtraOpening]:
    """Exceptional openings from `first` through `last` that are not cancelled by a closure, by date."""
    return sorted(
        (o for o in schedule.openings if first <= o.date <= last and day_hours(schedule, o.date).kind == OPENING),
        key=lambda opening: opening.date,
    )


def periods_from(schedule: Schedule, first: dt.date) -> list[Period]:
    """Special periods that have not ended before `first`, by start date."""
    return sorted((p for p in schedule.periods if p.end >= first), key=lambda period: period.start)


def _spec(day_names, opens, closes, valid_from=None, valid_through=None, description=""):
    spec = {"@type": "OpeningHoursSpecification"}
    if day_names:
        spec["dayOfWeek"] = [f"https://schema.org/{name}" for name in day_names]
    spec["opens"] = opens
    spec["closes"] = closes
    if valid_from:
        spec["validFrom"] = valid_from.isoformat()
        spec["validThrough"] = valid_through.isoformat()
    if description:
        spec["description"] = description
    return spec


def _weekly_specs(weekly: Week, valid_from=None, valid_through=None, closed_days_too=False):
    """Specifications for weekly hours; days sharing a slot are grouped. A period also states its closed weekdays."""
    groups: dict[tuple, list[str]] = {}
    for weekday in range(7):
        for slot in _sorted(weekly.get(weekday, ())):
            key = (slot.start, slot.end, slot.appointment_only)
            groups.setdefault(key, []).append(SCHEMA_DAYS[weekday])
    specs = []
    for (start, end, appointment_only), day_names in groups.items():
        description = gettext("Alleen op afspraak") if appointment_only else ""
        closes = "23:59" if end == MIDNIGHT else end.strftime("%H:%M")
        specs.append(_spec(day_names, start.strftime("%H:%M"), closes, valid_from, valid_through, description))
    if closed_days_too:
        closed = [SCHEMA_DAYS[weekday] for weekday in range(7) if not weekly.get(weekday)]
        if closed:
            specs.append(_spec(closed, "00:00", "00:00", valid_from, valid_through))
    return specs


def opening_hours_specification(schedule: Schedule, today: dt.date, days_ahead: int = 365) -> list[dict]:
    """schema.org `openingHoursSpecification`: the regular week, then special periods, closures and openings ahead.

    Special days carry validFrom/validThrough; a closed day is opens and closes 00:00, as schema.org prescribes.
    Only what still applies from `today` through `days_ahead` days is included.
    """
    last = today + dt.timedelta(days=days_ahead)
    specs = _weekly_specs(schedule.weekly)
    for period in periods_from(schedule, today):
        if period.start <= last:
            specs += _weekly_specs(period.weekly, period.start, period.end, closed_days_too=True)
    for closed in closures_between(schedule, today, last):
        specs.append(_spec(None, "00:00", "00:00", closed.start, closed.end, closed.reason))
    for opening in openings_between(schedule, today, last):
        for slot in _sorted(opening.slots):
            closes = "23:59" if slot.ends_at_midnight else slot.end.strftime("%H:%M")
            description = opening.reason
            if slot.appointment_only:
                description = f"{description} ({gettext('alleen op afspraak')})" if description else ""
            specs.append(_spec(None, slot.start.strftime("%H:%M"), closes, opening.date, opening.date, description))
    return specs


def describe_slots(slots: tuple[Slot, ...]) -> str:
    """8:30-12:30 en 13:30-16:00 (alleen op afspraak), or "gesloten"."""
    if not slots:
        return gettext("gesloten")
    parts = []
    for slot in _sorted(slots):
        end = "24:00" if slot.ends_at_midnight else format_time(slot.end)
        part = f"{format_time(slot.start)}{EN_DASH}{end}"
        if slot.appointment_only:
            part += f" ({gettext('alleen op afspraak')})"
        parts.append(part)
    if len(parts) == 1:
        return parts[0]
    return gettext("{first} en {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def cpsv_opening_hours(schedule: Schedule, today: dt.date) -> str:
    """The hours as one Dutch text, for CPSV-AP `cv:openingHours` (a literal) in the catalogue export.

    "maandag: 8:30-12:30 en 13:30-16:30 (alleen op afspraak); ... zondag: gesloten. Gesloten op wettelijke feestdagen.
    Zomeruren van 1 juli tot en met 31 augustus 2027: ..."
    """
    if schedule.is_empty:
        return ""
    text = "; ".join(f"{name}: {describe_slots(slots)}" for name, slots in regular_week(schedule)) + "."
    if not schedule.open_on_public_holidays:
        text += " " + gettext("Gesloten op wettelijke feestdagen.")
    for period in periods_from(schedule, today):
        days = "; ".join(
            f"{WEEKDAYS[weekday]}: {describe_slots(_sorted(period.weekly.get(weekday, ())))}" for weekday in range(7)
        )
        text += " " + gettext("{name} van {start} tot en met {end}: {days}.").format(
            name=period.name, start=_long_date(period.start), end=_long_date(period.end), days=days
        )
    return text


def _long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _clock(value: dt.time, end: bool = False) -> str:
    return "24:00" if end and value == MIDNIGHT else value.strftime("%H:%M")


def browser_data(schedule: Schedule, today: dt.date, days: int = BROWSER_DAYS) -> dict:
    """What opening-hours.js needs to recompute the state in the browser: resolved days from `today` and the sentences.

    Ends at midnight are written "24:00". The sentences are the same gettext templates `state_at()` uses. `after` is the
    first opening after these days (or None), for a place that stays closed longer than the days given.
    """
    after = next(_openings(schedule, today + dt.timedelta(days=days), HORIZON_DAYS), None)
    return {
        "days": [
            {
                "date": day.date.isoformat(),
                "kind": day.kind,
                "reason": day.reason,
                "slots": [
                    {"start": _clock(s.start), "end": _clock(s.end, end=True), "appointment": s.appointment_only}
                    for s in day.slots
                ],
            }
            for day in week(schedule, today, days)
        ],
        # The first opening after these days, so that the script can still say when a long closure ends.
        "after": (
            {"date": after[0].date().isoformat(), "start": _clock(after[0].time()), "appointment": after[2]}
            if after
            else None
        ),
        "empty": schedule.is_empty,
        "messages": {key: str(message) for key, message in MESSAGES.items()},
        "weekdays": [str(name) for name in WEEKDAYS],
        "months": [str(name) for name in MONTHS],
    }


def overlaps(slots: list[tuple[dt.time, dt.time]]) -> bool:
    """True when two of the (start, end) slots of one day overlap (touching, like 12:30-12:30, is fine)."""
    spans = sorted((start, dt.time.max if end == MIDNIGHT else end) for start, end in slots)
    return any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))
