"""Uncertain time spans: parsing, relative phrases and the two strengths of comparison."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from korea_graph import DateError, Precision, TimeSpan

PUB = TimeSpan.between(date(2000, 7, 3), date(2000, 7, 4))


@pytest.mark.parametrize(("text", "precision", "first", "last"), [
    ("2000-06-27", "day", "2000-06-27", "2000-06-27"),
    ("2000-06-13/2000-06-15", "span", "2000-06-13", "2000-06-15"),
    ("2000-02", "month", "2000-02-01", "2000-02-29"),
    ("1990", "year", "1990-01-01", "1990-12-31"),
    ("../2000-06-27", "open", None, "2000-06-27"),
    ("2000-02/2000-07-03", "window", "2000-02-01", "2000-07-03"),
])
def test_parse_and_print_round_trip(text: str, precision: str, first: str | None,
                                    last: str) -> None:
    span = TimeSpan.parse(text)
    assert span.precision is Precision(precision)
    assert (str(span.earliest) if span.earliest else None, str(span.latest)) == (first, last)
    assert TimeSpan.parse(span.iso()) == span


@pytest.mark.parametrize("bad", ["2000-02-30", "2000-13", "June", "2000-06-15/2000-06-13", ""])
def test_bad_dates_raise(bad: str) -> None:
    with pytest.raises(DateError):
        TimeSpan.parse(bad)


def test_relative_phrases_carry_the_uncertain_publication_date() -> None:
    week = TimeSpan.relative("last week", PUB)
    assert (week.earliest, week.latest) == (date(2000, 6, 26), date(2000, 7, 2))
    assert week.phrase == "last week" and "2000-07-03..2000-07-04" in (week.resolution or "")
    assert TimeSpan.relative("on Friday", PUB) == TimeSpan.day(date(2000, 6, 30)).with_phrase(
        "on Friday", TimeSpan.relative("on Friday", PUB).resolution)
    later = TimeSpan.relative("later this month", PUB)
    assert (later.start_min, later.end_max) == (date(2000, 7, 4), date(2000, 7, 31))
    # "yesterday" differs between the two possible publication days: both are kept
    yesterday = TimeSpan.relative("yesterday", PUB)
    assert (yesterday.start_min, yesterday.start_max) == (date(2000, 7, 2), date(2000, 7, 3))
    assert yesterday.precision is Precision.WINDOW
    with pytest.raises(DateError, match="unknown relative phrase"):
        TimeSpan.relative("in the olden days", PUB)


def test_certainly_and_possibly() -> None:
    june27 = TimeSpan.parse("2000-06-27")
    june = TimeSpan.month(2000, 6)
    last_week = TimeSpan.relative("last week", PUB)
    assert june27.certainly_before(TimeSpan.parse("2000-07-19"))
    # somewhere in June vs June 27: possibly before, not certainly
    assert june.possibly_before(june27) and not june.certainly_before(june27)
    assert june27.certainly_during(TimeSpan.span(date(2000, 6, 1), date(2000, 6, 30)))
    assert not june27.certainly_during(june) and june27.possibly_during(june)
    assert last_week.possibly_overlaps(june27) and not last_week.certainly_overlaps(june27)
    had_headed = TimeSpan.parse("../2000-06-27")
    assert had_headed.certainly_before(TimeSpan.parse("2000-07-19"))
    assert had_headed.possibly_after(TimeSpan.parse("1990"))


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def spans(draw: st.DrawFn) -> TimeSpan:
    a, b, c, d = sorted(draw(st.lists(days, min_size=4, max_size=4)))
    return TimeSpan(a, b, c, d, Precision.WINDOW)


@given(spans(), spans())
def test_certainly_implies_possibly(x: TimeSpan, y: TimeSpan) -> None:
    assert not x.certainly_before(y) or x.possibly_before(y)
    assert not x.certainly_after(y) or x.possibly_after(y)
    assert not x.certainly_overlaps(y) or x.possibly_overlaps(y)
    assert not x.certainly_during(y) or x.possibly_during(y)
    assert not (x.certainly_before(y) and x.possibly_overlaps(y))
    assert x.possibly_overlaps(y) == y.possibly_overlaps(x)


def test_held_at_is_open_on_both_sides_and_certain_between_observations() -> None:
    june27 = TimeSpan.day(date(2000, 6, 27))
    held = TimeSpan.held_at(june27, PUB)
    assert held.precision is Precision.HELD
    assert (held.start_min, held.end_max) == (None, None)
    assert (held.start_max, held.end_min) == (date(2000, 6, 27), date(2000, 7, 3))
    assert held.certainly_holds_on(date(2000, 6, 27)) and held.certainly_holds_on(
        date(2000, 7, 3))
    assert not held.certainly_holds_on(date(2000, 7, 4))  # publication may be July 3
    assert held.possibly_holds_on(date(1900, 1, 1)) and held.possibly_holds_on(
        date(2100, 1, 1))
    # an uncertain single observation is certain on no day alone, but within its window
    only_pub = TimeSpan.held_at(PUB)
    assert not only_pub.certainly_holds_on(date(2000, 7, 3))
    # ...but certainly at some time in the two days as a whole (an anchor "July 3-4")
    assert only_pub.certainly_overlaps(TimeSpan.span(date(2000, 7, 3), date(2000, 7, 4)))
    assert str(only_pub) == "held 2000-07-03/2000-07-04"
    with pytest.raises(DateError):
        TimeSpan.held_at()
    with pytest.raises(DateError):
        TimeSpan.held_at(TimeSpan(None, None, None, date(2000, 6, 1), Precision.OPEN))


def test_bounded_sides_imply_each_other() -> None:
    span = TimeSpan.bounded((date(1990, 1, 2), None), (None, date(2000, 7, 3)))
    assert (span.start_min, span.start_max, span.end_min, span.end_max) == (
        date(1990, 1, 2), date(2000, 7, 3), date(1990, 1, 2), date(2000, 7, 3))
    assert span.first_known_day == date(1990, 1, 2)
    open_start = TimeSpan.bounded((None, date(2000, 6, 26)), (None, None))
    assert open_start.precision is Precision.OPEN and open_start.first_known_day == date(
        2000, 6, 26)


# -- extreme dates and odd digits (issue 19) --------------------------------------------------
@pytest.mark.parametrize("phrase", ["yesterday", "last week", "last month", "earlier last month",
                                    "on monday", "this month", "later this month"])
@pytest.mark.parametrize("day", [date.min, date.max, date(1, 1, 3), date(9999, 12, 30)])
def test_relative_phrases_at_the_ends_of_the_calendar(phrase: str, day: date) -> None:
    try:
        span = TimeSpan.relative(phrase, TimeSpan.day(day))
    except DateError as exc:
        assert "outside the calendar" in str(exc)
    else:
        assert span.phrase == phrase


def test_a_relative_phrase_needs_an_anchor_known_to_ten_years() -> None:
    with pytest.raises(DateError, match="uncertain over more than"):
        TimeSpan.relative("yesterday", TimeSpan.between(date.min, date.max))


@pytest.mark.parametrize("text", ["٢٠٠٠", "２０００-06", "2000-0６-01", "2000-06-٠1",
                                  "²⁰⁰⁰", "2000/２００１"])
def test_dates_in_other_digits_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        TimeSpan.parse(text)
