"""The opening-hours rules in locations.opening_hours: the state sentence at fixed moments, the week, structured data.

Moments are given in UTC on purpose, so that every test also checks the conversion to Brussels time.
"""

import datetime as dt

import pytest

from locations import opening_hours as oh
from locations.opening_hours import Closure, ExtraOpening, Period, Schedule, Slot

UTC = dt.UTC


def t(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def slot(start, end, appointment=False):
    return Slot(t(start), t(end), appointment)


def brussels(value: str) -> dt.datetime:
    """An aware moment written as Brussels wall-clock time (never inside a DST gap)."""
    return dt.datetime.fromisoformat(value).replace(tzinfo=oh.TIMEZONE)


def utc(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).replace(tzinfo=UTC)


WORKDAY = (slot("08:30", "12:30"), slot("13:30", "16:00", appointment=True))
# Like the Huis van de Mechelaar: mornings walk-in, afternoons by appointment, late on Thursday, closed at the weekend.
TOWN_HALL = Schedule(
    weekly={0: WORKDAY, 1: WORKDAY, 2: WORKDAY, 3: (slot("08:30", "12:30"), slot("13:30", "19:00", True)), 4: WORKDAY}
)
WALK_IN = Schedule(weekly={day: (slot("08:30", "16:00"),) for day in range(5)})


def state(schedule, moment):
    return oh.state_at(schedule, moment)


# An ordinary day, with its lunch break, in Brussels time.
@pytest.mark.parametrize(
    ("moment", "expected", "is_open"),
    [
        ("2026-11-24 07:00", "Gesloten, opent vandaag om 8:30", False),
        ("2026-11-24 08:30", "Nu open tot 12:30", True),
        ("2026-11-24 10:00", "Nu open tot 12:30", True),
        ("2026-11-24 12:29", "Nu open tot 12:30", True),
        ("2026-11-24 12:30", "Gesloten, opent vandaag om 13:30 (alleen op afspraak)", False),
        ("2026-11-24 13:00", "Gesloten, opent vandaag om 13:30 (alleen op afspraak)", False),
        ("2026-11-24 14:00", "Nu open tot 16:00 (alleen op afspraak)", True),
        ("2026-11-24 16:00", "Gesloten, opent morgen om 8:30", False),
        ("2026-11-26 18:00", "Nu open tot 19:00 (alleen op afspraak)", True),
        ("2026-11-27 17:00", "Gesloten, opent maandag om 8:30", False),
        ("2026-11-28 11:00", "Gesloten, opent maandag om 8:30", False),
        ("2026-11-29 11:00", "Gesloten, opent morgen om 8:30", False),
    ],
)
def test_state_on_ordinary_days_and_lunch_break(moment, expected, is_open):
    result = state(TOWN_HALL, brussels(moment))
    assert result.text == expected
    assert result.is_open is is_open


def test_open_state_says_until_and_whether_by_appointment():
    result = state(TOWN_HALL, brussels("2026-11-24 14:00"))
    assert result.appointment_only is True
    assert result.until == brussels("2026-11-24 16:00")
    closed = state(TOWN_HALL, brussels("2026-11-24 16:30"))
    assert closed.next_opening == brussels("2026-11-25 08:30")
    assert closed.appointment_only is False


def test_walk_in_day_without_lunch_break():
    assert state(WALK_IN, brussels("2026-11-24 15:00")).text == "Nu open tot 16:00"


def test_adjacent_slots_with_the_same_access_are_one_opening():
    schedule = Schedule(weekly={1: (slot("12:30", "16:00"), slot("08:30", "12:30"))})
    assert state(schedule, brussels("2026-11-24 10:00")).text == "Nu open tot 16:00"


def test_adjacent_slots_with_other_access_are_told_apart():
    schedule = Schedule(weekly={1: (slot("08:30", "12:30"), slot("12:30", "16:00", True))})
    assert state(schedule, brussels("2026-11-24 10:00")).text == "Nu open tot 12:30"
    assert state(schedule, brussels("2026-11-24 12:30")).text == "Nu open tot 16:00 (alleen op afspraak)"


def test_three_slots_a_day():
    schedule = Schedule(weekly={1: (slot("08:30", "10:00"), slot("11:00", "12:00"), slot("17:00", "19:00"))})
    assert state(schedule, brussels("2026-11-24 10:30")).text == "Gesloten, opent vandaag om 11:00"
    assert state(schedule, brussels("2026-11-24 12:15")).text == "Gesloten, opent vandaag om 17:00"
    assert state(schedule, brussels("2026-11-24 18:00")).text == "Nu open tot 19:00"
    # A week ahead is no longer "dinsdag" but the date.
    assert state(schedule, brussels("2026-11-24 19:00")).text == "Gesloten, opent dinsdag 1 december om 8:30"


def test_public_holiday_is_closed_by_default_with_its_dutch_name():
    result = state(TOWN_HALL, brussels("2026-11-11 10:00"))
    assert result.text == "Vandaag gesloten (Wapenstilstand)"
    assert result.detail == "Opent morgen om 8:30"
    assert result.is_open is False


def test_day_before_a_public_holiday_skips_it():
    assert state(TOWN_HALL, brussels("2026-11-10 17:00")).text == "Gesloten, opent donderdag om 8:30"


def test_public_holiday_override_keeps_regular_hours():
    schedule = Schedule(weekly=TOWN_HALL.weekly, open_on_public_holidays=True)
    assert state(schedule, brussels("2026-11-11 10:00")).text == "Nu open tot 12:30"
    assert state(schedule, brussels("2026-11-10 17:00")).text == "Gesloten, opent morgen om 8:30"


def test_public_holiday_on_a_day_closed_anyway_says_when_it_opens():
    # Easter Monday 2026 is 6 April; Easter Sunday changes nothing for a place closed on Sundays.
    assert state(TOWN_HALL, brussels("2026-04-05 10:00")).text == "Gesloten, opent dinsdag om 8:30"
    assert state(TOWN_HALL, brussels("2026-04-06 10:00")).text == "Vandaag gesloten (Paasmaandag)"
    assert state(SUNDAY_MORNING, brussels("2026-04-05 10:00")).text == "Vandaag gesloten (Pasen)"


def test_public_holiday_names_are_dutch():
    assert oh.public_holiday(dt.date(2026, 11, 11)) == "Wapenstilstand"
    assert oh.public_holiday(dt.date(2026, 4, 6)) == "Paasmaandag"
    assert oh.public_holiday(dt.date(2026, 7, 21)) == "Nationale feestdag"
    assert oh.public_holiday(dt.date(2026, 11, 12)) is None


def test_exceptional_closure_shows_its_reason_and_next_opening():
    schedule = Schedule(weekly=TOWN_HALL.weekly, closures=(Closure(dt.date(2026, 12, 4), "Personeelsdag"),))
    result = state(schedule, brussels("2026-12-04 09:00"))
    assert result.text == "Vandaag gesloten (Personeelsdag)"
    assert result.detail == "Opent maandag om 8:30"
    assert state(schedule, brussels("2026-12-03 20:00")).text == "Gesloten, opent maandag om 8:30"


def test_closure_of_several_days_and_next_opening_after_a_week_gives_the_date():
    schedule = Schedule(
        weekly=TOWN_HALL.weekly,
        closures=(Closure(dt.date(2026, 11, 24), "Verhuis", end=dt.date(2026, 12, 6)),),
    )
    assert state(schedule, brussels("2026-11-23 17:00")).text == "Gesloten, opent maandag 7 december om 8:30"
    during = state(schedule, brussels("2026-11-30 10:00"))
    assert during.text == "Vandaag gesloten (Verhuis)"
    assert during.detail == "Opent maandag 7 december om 8:30"


def test_closed_longer_than_the_horizon_says_no_next_opening():
    schedule = Schedule(
        weekly=WALK_IN.weekly, closures=(Closure(dt.date(2026, 1, 1), "Verbouwing", dt.date(2028, 12, 31)),)
    )
    result = state(schedule, brussels("2026-11-24 10:00"))
    assert result.text == "Vandaag gesloten (Verbouwing)"
    assert result.detail == ""
    assert result.next_opening is None


def test_no_slots_at_all_is_unknown_not_closed():
    assert state(Schedule(), brussels("2026-11-24 10:00")).text == "Geen openingsuren bekend"


SUMMER = Period(
    "Zomeruren", dt.date(2027, 7, 1), dt.date(2027, 8, 31), {day: (slot("08:30", "12:30"),) for day in range(5)}
)


def test_special_period_replaces_the_weekly_hours_from_first_to_last_day():
    schedule = Schedule(weekly=WALK_IN.weekly, periods=(SUMMER,))
    assert state(schedule, brussels("2027-06-30 14:00")).text == "Nu open tot 16:00"
    assert state(schedule, brussels("2027-07-01 14:00")).text == "Gesloten, opent morgen om 8:30"
    assert state(schedule, brussels("2027-07-05 10:00")).text == "Nu open tot 12:30"
    assert state(schedule, brussels("2027-08-31 14:00")).text == "Gesloten, opent morgen om 8:30"
    assert state(schedule, brussels("2027-09-01 14:00")).text == "Nu open tot 16:00"


def test_special_period_can_close_a_weekday():
    period = Period("Winteruren", dt.date(2026, 11, 1), dt.date(2027, 2, 28), {1: (slot("09:00", "16:30"),)})
    schedule = Schedule(weekly=WALK_IN.weekly, periods=(period,))
    assert state(schedule, brussels("2026-11-23 10:00")).text == "Gesloten, opent morgen om 9:00"
    assert state(schedule, brussels("2026-11-24 16:15")).text == "Nu open tot 16:30"


def test_exceptional_opening_on_a_saturday():
    extra = ExtraOpening(dt.date(2027, 6, 19), "Extra zaterdagopening", (slot("09:00", "12:00", True),))
    schedule = Schedule(weekly=TOWN_HALL.weekly, openings=(extra,))
    assert state(schedule, brussels("2027-06-18 17:00")).text == "Gesloten, opent morgen om 9:00 (alleen op afspraak)"
    assert state(schedule, brussels("2027-06-19 10:00")).text == "Nu open tot 12:00 (alleen op afspraak)"
    assert state(schedule, brussels("2027-06-19 12:00")).text == "Gesloten, opent maandag om 8:30"


def test_exceptional_opening_opens_on_a_public_holiday_and_a_closure_beats_it():
    extra = ExtraOpening(dt.date(2026, 11, 11), "Verkiezingen", (slot("08:00", "15:00"),))
    schedule = Schedule(weekly=TOWN_HALL.weekly, openings=(extra,))
    assert state(schedule, brussels("2026-11-11 10:00")).text == "Nu open tot 15:00"
    closed = Schedule(weekly=TOWN_HALL.weekly, openings=(extra,), closures=(Closure(dt.date(2026, 11, 11), "Storm"),))
    assert state(closed, brussels("2026-11-11 10:00")).text == "Vandaag gesloten (Storm)"


# Midnight: the day changes, "morgen" moves, an opening until midnight goes on after it.
def test_around_midnight_the_day_words_move():
    assert state(TOWN_HALL, brussels("2026-11-24 23:59:59")).text == "Gesloten, opent morgen om 8:30"
    assert state(TOWN_HALL, brussels("2026-11-25 00:00")).text == "Gesloten, opent vandaag om 8:30"
    assert state(TOWN_HALL, brussels("2026-11-27 23:59")).text == "Gesloten, opent maandag om 8:30"


def test_slot_until_midnight_and_on_past_midnight():
    schedule = Schedule(weekly={4: (slot("20:00", "00:00"),), 5: (slot("00:00", "02:00"), slot("20:00", "00:00"))})
    assert state(schedule, brussels("2026-11-27 23:00")).text == "Nu open tot morgen om 2:00"
    assert state(schedule, brussels("2026-11-28 00:00")).text == "Nu open tot 2:00"
    assert state(schedule, brussels("2026-11-28 01:59")).text == "Nu open tot 2:00"
    assert state(schedule, brussels("2026-11-28 02:00")).text == "Gesloten, opent vandaag om 20:00"
    assert state(schedule, brussels("2026-11-28 21:00")).text == "Nu open tot middernacht"


# Daylight saving time. Moments in UTC: a wrong offset of one hour makes each of these fail.
SUNDAY_MORNING = Schedule(weekly={**TOWN_HALL.weekly, 6: (slot("08:30", "12:30"),)})
NIGHT = Schedule(weekly={6: (slot("01:00", "04:00"),)})


@pytest.mark.parametrize(
    ("moment", "schedule", "expected"),
    [
        # Sunday 29 March 2026: at 2:00 CET the clocks go to 3:00 CEST (UTC+2).
        ("2026-03-28 22:30", TOWN_HALL, "Gesloten, opent maandag om 8:30"),  # Saturday 23:30 CET
        ("2026-03-29 06:15", SUNDAY_MORNING, "Gesloten, opent vandaag om 8:30"),  # 8:15 CEST
        ("2026-03-29 06:45", SUNDAY_MORNING, "Nu open tot 12:30"),  # 8:45 CEST
        ("2026-03-29 10:29", SUNDAY_MORNING, "Nu open tot 12:30"),  # 12:29 CEST
        ("2026-03-29 10:30", SUNDAY_MORNING, "Gesloten, opent morgen om 8:30"),  # 12:30 CEST
        ("2026-03-29 00:59", NIGHT, "Nu open tot 4:00"),  # 1:59 CET
        ("2026-03-29 01:00", NIGHT, "Nu open tot 4:00"),  # 3:00 CEST: the hour 2:00-3:00 does not exist
        ("2026-03-29 02:00", NIGHT, "Gesloten, opent zondag 12 april om 1:00"),  # 4:00 CEST; 5 April is Easter
        ("2026-03-30 06:25", TOWN_HALL, "Gesloten, opent vandaag om 8:30"),  # Monday 8:25 CEST
        ("2026-03-30 06:35", TOWN_HALL, "Nu open tot 12:30"),  # Monday 8:35 CEST
        # Sunday 25 October 2026: at 3:00 CEST the clocks go back to 2:00 CET (UTC+1).
        ("2026-10-24 21:30", TOWN_HALL, "Gesloten, opent maandag om 8:30"),  # Saturday 23:30 CEST
        ("2026-10-25 07:15", SUNDAY_MORNING, "Gesloten, opent vandaag om 8:30"),  # 8:15 CET
        ("2026-10-25 07:45", SUNDAY_MORNING, "Nu open tot 12:30"),  # 8:45 CET
        ("2026-10-25 11:29", SUNDAY_MORNING, "Nu open tot 12:30"),  # 12:29 CET
        ("2026-10-25 11:30", SUNDAY_MORNING, "Gesloten, opent morgen om 8:30"),  # 12:30 CET
        ("2026-10-25 00:30", NIGHT, "Nu open tot 4:00"),  # 2:30 CEST, the first time
        ("2026-10-25 01:30", NIGHT, "Nu open tot 4:00"),  # 2:30 CET, the second time
        ("2026-10-25 03:00", NIGHT, "Gesloten, opent zondag 8 november om 1:00"),  # 4:00 CET; 1 Nov: Allerheiligen
        ("2026-10-26 07:25", TOWN_HALL, "Gesloten, opent vandaag om 8:30"),  # Monday 8:25 CET
        ("2026-10-26 07:35", TOWN_HALL, "Nu open tot 12:30"),  # Monday 8:35 CET
    ],
)
def test_state_around_the_daylight_saving_switches(moment, schedule, expected):
    assert state(schedule, utc(moment)).text == expected


def test_open_until_is_an_aware_moment_that_survives_the_switch():
    result = state(NIGHT, utc("2026-03-29 00:30"))  # 1:30 CET
    assert result.until == utc("2026-03-29 02:00")  # 4:00 CEST


def test_naive_moment_is_refused():
    with pytest.raises(ValueError, match="aware"):
        state(TOWN_HALL, dt.datetime(2026, 11, 24, 10, 0))


def test_week_applies_holidays_closures_periods_and_openings():
    schedule = Schedule(
        weekly=TOWN_HALL.weekly,
        closures=(Closure(dt.date(2026, 11, 13), "Personeelsdag"),),
        openings=(ExtraOpening(dt.date(2026, 11, 14), "Extra opening", (slot("09:00", "12:00", True),)),),
    )
    days = oh.week(schedule, dt.date(2026, 11, 9))
    assert [day.date for day in days] == [dt.date(2026, 11, 9) + dt.timedelta(days=n) for n in range(7)]
    assert [day.kind for day in days] == ["regular", "regular", "holiday", "regular", "closure", "opening", "regular"]
    assert days[2].reason == "Wapenstilstand" and days[2].is_closed
    assert days[4].reason == "Personeelsdag"
    assert days[5].slots == (slot("09:00", "12:00", True),)
    assert days[6].is_closed and not days[6].is_special
    assert days[0].slots == WORKDAY


def test_week_across_the_daylight_saving_switch_keeps_seven_dates():
    days = oh.week(TOWN_HALL, dt.date(2026, 3, 26))
    assert [day.date.day for day in days] == [26, 27, 28, 29, 30, 31, 1]


def test_closures_between_merges_holidays_but_not_twice():
    schedule = Schedule(
        weekly=TOWN_HALL.weekly,
        closures=(Closure(dt.date(2026, 12, 24), "Kerstvakantie", dt.date(2026, 12, 26)),),
        openings=(ExtraOpening(dt.date(2026, 11, 11), "Verkiezingen", (slot("08:00", "15:00"),)),),
    )
    # Allerheiligen (Sunday 1 November 2026) is left out: the town hall is closed on Sundays anyway.
    found = oh.closures_between(schedule, dt.date(2026, 11, 1), dt.date(2027, 1, 5))
    assert [(c.start, c.reason, c.kind) for c in found] == [
        (dt.date(2026, 12, 24), "Kerstvakantie", "closure"),
        (dt.date(2027, 1, 1), "Nieuwjaar", "holiday"),
    ]
    assert found[0].end == dt.date(2026, 12, 26)


def test_schema_org_specification_holds_weekly_hours_and_special_days():
    schedule = Schedule(
        weekly=TOWN_HALL.weekly,
        periods=(SUMMER,),
        closures=(Closure(dt.date(2026, 12, 4), "Personeelsdag"),),
        openings=(ExtraOpening(dt.date(2027, 6, 19), "Extra zaterdagopening", (slot("09:00", "12:00", True),)),),
    )
    specs = oh.opening_hours_specification(schedule, dt.date(2026, 11, 24))
    weekly = [s for s in specs if "validFrom" not in s]
    morning = next(s for s in weekly if s["opens"] == "08:30")
    assert morning["closes"] == "12:30"
    assert morning["dayOfWeek"] == [
        f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    thursday = next(s for s in weekly if s["closes"] == "19:00")
    assert thursday["dayOfWeek"] == ["https://schema.org/Thursday"]
    assert thursday["description"] == "Alleen op afspraak"
    closure = next(s for s in specs if s.get("validFrom") == "2026-12-04")
    assert closure | {} == {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": "2026-12-04",
        "validThrough": "2026-12-04",
        "description": "Personeelsdag",
    }
    holiday = next(s for s in specs if s.get("validFrom") == "2026-12-25")
    assert (holiday["opens"], holiday["closes"], holiday["description"]) == ("00:00", "00:00", "Kerstmis")
    extra = next(s for s in specs if s.get("validFrom") == "2027-06-19")
    assert (extra["opens"], extra["closes"]) == ("09:00", "12:00")
    summer = [s for s in specs if s.get("validFrom") == "2027-07-01"]
    assert {s["validThrough"] for s in summer} == {"2027-08-31"}
    closed_in_summer = next(s for s in summer if s["opens"] == "00:00")
    assert closed_in_summer["dayOfWeek"] == ["https://schema.org/Saturday", "https://schema.org/Sunday"]
    # Past special days are left out.
    later = oh.opening_hours_specification(schedule, dt.date(2026, 12, 5))
    assert not any(s.get("validFrom") == "2026-12-04" for s in later)


def test_cpsv_text_says_the_week_the_holidays_and_periods():
    schedule = Schedule(weekly=TOWN_HALL.weekly, periods=(SUMMER,))
    text = oh.cpsv_opening_hours(schedule, dt.date(2026, 11, 24))
    assert text.startswith("maandag: 8:30\u201312:30 en 13:30\u201316:00 (alleen op afspraak); dinsdag:")
    assert "zaterdag: gesloten; zondag: gesloten." in text
    assert "Gesloten op wettelijke feestdagen." in text
    assert "Zomeruren van 1 juli 2027 tot en met 31 augustus 2027: maandag: 8:30\u201312:30;" in text
    assert "Gesloten op wettelijke feestdagen." not in oh.cpsv_opening_hours(
        Schedule(weekly=WALK_IN.weekly, open_on_public_holidays=True), dt.date(2026, 11, 24)
    )
    assert oh.cpsv_opening_hours(Schedule(), dt.date(2026, 11, 24)) == ""


def test_browser_data_holds_two_weeks_of_resolved_days_and_the_sentences():
    schedule = Schedule(weekly={4: (slot("20:00", "00:00", True),)})
    data = oh.browser_data(schedule, dt.date(2026, 11, 9))
    assert len(data["days"]) == oh.BROWSER_DAYS
    assert data["days"][0]["date"] == "2026-11-09"
    assert data["days"][2] == {"date": "2026-11-11", "kind": "holiday", "reason": "Wapenstilstand", "slots": []}
    assert data["days"][4]["slots"] == [{"start": "20:00", "end": "24:00", "appointment": True}]
    assert data["messages"]["open_until"] == "Nu open tot {time}"
    assert data["weekdays"][0] == "maandag"


def test_overlapping_slots_are_detected():
    assert oh.overlaps([(t("08:30"), t("12:30")), (t("12:00"), t("16:00"))])
    assert not oh.overlaps([(t("08:30"), t("12:30")), (t("12:30"), t("16:00"))])
    assert oh.overlaps([(t("20:00"), t("00:00")), (t("22:00"), t("23:00"))])
