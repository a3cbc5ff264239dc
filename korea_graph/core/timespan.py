"""Uncertain time: when something happened, as far as the text lets us know.

A :class:`TimeSpan` keeps four bounds, as in fuzzy Allen-interval reasoning: the event
*starts* somewhere in ``[start_min, start_max]`` and *ends* somewhere in
``[end_min, end_max]`` (whole days, inclusive; ``None`` is unbounded). A known day has
all four equal; "June 13-15" is a known extent; "February 2000" is a *window*: the
event lies somewhere inside the month. Its :class:`Precision` says which, and
``phrase``/``resolution`` keep the words of the text and how they were turned into
dates.

>>> from datetime import date
>>> june27 = TimeSpan.parse("2000-06-27")
>>> summit = TimeSpan.parse("2000-06-13/2000-06-15")
>>> feb = TimeSpan.parse("2000-02")
>>> str(summit), summit.precision.value
('2000-06-13/2000-06-15', 'span')
>>> feb.certainly_before(june27), june27.certainly_after(feb)
(True, True)
>>> TimeSpan.parse("2000").contains_date(date(2000, 6, 1))
True

Relative phrases are resolved against a publication date that may itself be uncertain;
the result covers every possible reading:

>>> pub = TimeSpan.between(date(2000, 7, 3), date(2000, 7, 4))
>>> week = TimeSpan.relative("last week", pub)
>>> print(week, week.precision.value)
2000-06-26/2000-07-02 week
>>> print(week.resolution)
the calendar week (Monday-Sunday) before the publication date 2000-07-03..2000-07-04
>>> str(TimeSpan.relative("on Friday", pub))
'2000-06-30'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from ..errors import DateError

__all__ = ["RELATIVE_PHRASES", "Precision", "TimeSpan"]


class Precision(StrEnum):
    """How precisely the text dates something."""

    DAY = "day"  #: one known day
    SPAN = "span"  #: a known run of days (June 13-15)
    WEEK = "week"  #: somewhere within a calendar week
    MONTH = "month"  #: somewhere within a month
    YEAR = "year"  #: somewhere within a year
    WINDOW = "window"  #: somewhere between two dates
    OPEN = "open"  #: bounded on one side only ("before June 30")
    HELD = "held"  #: held at the observed dates; start and end unknown beyond them


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """An uncertain interval of whole days; see the module docstring."""

    start_min: date | None
    start_max: date | None
    end_min: date | None
    end_max: date | None
    precision: Precision
    phrase: str | None = None
    resolution: str | None = None

    def __post_init__(self) -> None:
        pairs = [
            ("start_min", self.start_min, "start_max", self.start_max),
            ("end_min", self.end_min, "end_max", self.end_max),
            ("start_min", self.start_min, "end_max", self.end_max),
            ("start_min", self.start_min, "end_min", self.end_min),
            ("start_max", self.start_max, "end_max", self.end_max),
        ]
        for name_a, a, name_b, b in pairs:
            if a is not None and b is not None and a > b:
                raise DateError(f"reversed interval: {name_a} {a} is after {name_b} {b}")
        if not any(b is not None for b in self._bounds()):
            raise DateError("a time needs at least one bound", expected="a date or interval")

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def day(cls, d: date) -> TimeSpan:
        """A single known day."""
        return cls(d, d, d, d, Precision.DAY)

    @classmethod
    def span(cls, first: date, last: date) -> TimeSpan:
        """A known extent from ``first`` to ``last`` (inclusive)."""
        if first > last:
            raise DateError(f"reversed interval: {first} is after {last}")
        if first == last:
            return cls.day(first)
        return cls(first, first, last, last, Precision.SPAN)

    @classmethod
    def between(cls, first: date, last: date, precision: Precision = Precision.WINDOW) -> TimeSpan:
        """Somewhere within ``first``..``last``: start and end both fall in the window."""
        if first > last:
            raise DateError(f"reversed interval: {first} is after {last}")
        if first == last:
            return cls.day(first)
        return cls(first, last, first, last, precision)

    @classmethod
    def month(cls, year: int, month: int) -> TimeSpan:
        """Somewhere within a month."""
        if not 1 <= month <= 12:
            raise DateError(f"month {month} does not exist", expected="1-12")
        last = calendar.monthrange(year, month)[1]
        return cls.between(date(year, month, 1), date(year, month, last), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> TimeSpan:
        """Somewhere within a year."""
        return cls.between(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @classmethod
    def before(cls, d: date) -> TimeSpan:
        """Some time up to and including ``d``, with no known start."""
        return cls(None, d, None, d, Precision.OPEN)

    @classmethod
    def after(cls, d: date) -> TimeSpan:
        """Some time from ``d`` on, with no known end."""
        return cls(d, None, d, None, Precision.OPEN)

    @classmethod
    def held_at(cls, *observations: TimeSpan) -> TimeSpan:
        """A post, stance or tie *observed* at one or more times, open on both sides:
        it started some time up to the first observation and ended some time from the
        last one on. It certainly holds between the observations and possibly outside.

        An observation that is itself uncertain (a month, the publication date "3 or 4
        July") only says the tie held on some day of it, so the certain core shrinks
        to what every reading shares.

        >>> pub = TimeSpan.between(date(2000, 7, 3), date(2000, 7, 4))
        >>> post = TimeSpan.held_at(TimeSpan.day(date(2000, 6, 27)), pub)
        >>> print(post, post.precision.value)
        held 2000-06-27/2000-07-03 held
        >>> post.certainly_holds_on(date(2000, 6, 30)), post.possibly_holds_on(date(2000, 7, 19))
        (True, True)
        >>> post.certainly_holds_on(date(2000, 7, 4))
        False
        """
        if not observations:
            raise DateError("held at needs at least one observation", expected="a date")
        for obs in observations:
            if obs.start_max is None or obs.end_min is None:
                raise DateError(f"an observation needs known bounds, not {obs}",
                                expected="a day, month, year or window")
        start_max = min(o.start_max for o in observations if o.start_max is not None)
        end_min = max(o.end_min for o in observations if o.end_min is not None)
        return cls(None, start_max, end_min, None, Precision.HELD)

    @classmethod
    def bounded(cls, start: tuple[date | None, date | None],
                end: tuple[date | None, date | None]) -> TimeSpan:
        """Explicit bounds: the start lies in ``start`` (low, high), the end in ``end``;
        ``None`` is unknown. "Had distanced itself following the 1990 decision" starts
        in or after 1990 and ends before publication:

        >>> print(TimeSpan.bounded((date(1990, 1, 1), None), (None, date(2000, 7, 3))))
        1990-01-01/2000-07-03
        """
        start_min, start_max = start
        end_min, end_max = end
        # what the other side implies: the start is no later than the latest end...
        if start_max is None or (end_max is not None and end_max < start_max):
            start_max = end_max
        # ...and the end no earlier than the earliest start
        if end_min is None or (start_min is not None and start_min > end_min):
            end_min = start_min
        precision = (Precision.OPEN if start_min is None or end_max is None
                     else Precision.WINDOW)
        return cls(start_min, start_max, end_min, end_max, precision)

    @classmethod
    def parse(cls, text: str) -> TimeSpan:
        """Read ISO 8601: ``2000-06-27``, ``2000-06``, ``2000``, ``2000-06-13/2000-06-15``,
        ``../2000-06-30`` (open start) or ``1990/..`` (open end). In ``A/B`` each side
        may be a month or a year: the start then lies somewhere in A, the end in B.

        >>> TimeSpan.parse("2000-02-30")
        Traceback (most recent call last):
        ...
        korea_graph.errors.DateError: '2000-02-30' is not a real date (expected ...)
        """
        text = text.strip()
        if "/" in text:
            left, right = (part.strip() for part in text.split("/", 1))
            if left == "..":
                return cls.before(_parse_date(right, end=True))
            if right == "..":
                return cls.after(_parse_date(left, end=False))
            start_min, start_max = _parse_date(left, end=False), _parse_date(left, end=True)
            end_min, end_max = _parse_date(right, end=False), _parse_date(right, end=True)
            if start_min > end_max:
                raise DateError(f"reversed interval {text!r}: {left} is after {right}")
            if (start_min, end_min) == (start_max, end_max):
                return cls.span(start_min, end_max)
            return cls(start_min, start_max, max(end_min, start_min), end_max, Precision.WINDOW)
        if re.fullmatch(r"[0-9]{4}", text):
            return cls.year(int(text))
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{2})", text):
            return cls.month(int(m[1]), int(m[2]))
        return cls.day(_parse_date(text, end=False))

    @classmethod
    def relative(cls, phrase: str, anchor: TimeSpan) -> TimeSpan:
        """Resolve a relative phrase ("last week", "on Friday"...) against ``anchor``,
        usually the publication date. Every day the anchor may be is tried and the
        bounds of all readings are kept, so an uncertain anchor gives an honest,
        wider answer."""
        key = " ".join(phrase.lower().split())
        rule = RELATIVE_PHRASES.get(key)
        if rule is None:
            raise DateError(
                f"unknown relative phrase {phrase!r}",
                expected="one of: " + ", ".join(sorted(RELATIVE_PHRASES)),
            )
        if anchor.start_min is None or anchor.start_max is None:
            raise DateError("a relative phrase needs an anchor with known bounds")
        if (anchor.start_max - anchor.start_min).days > _MAX_ANCHOR_DAYS:
            raise DateError(f"the anchor of {phrase!r} is uncertain over more than "
                            f"{_MAX_ANCHOR_DAYS} days",
                            expected="a publication date known to within ten years")
        readings = []
        d = anchor.start_min
        try:
            while d <= anchor.start_max:
                readings.append(rule.resolve(d))
                if d == anchor.start_max:
                    break
                d += timedelta(days=1)
        except (OverflowError, ValueError):
            raise DateError(f"{phrase!r} from {d} falls outside the calendar (years 1 to "
                            "9999)", expected="a phrase and a publication date whose "
                            "reading is a real date") from None
        first = min(r[0] for r in readings)
        last = max(r[1] for r in readings)
        anchor_text = (
            str(anchor.start_min)
            if anchor.start_min == anchor.start_max
            else f"{anchor.start_min}..{anchor.start_max}"
        )
        if first == last:
            base = cls.day(first)
        else:
            precision = Precision.WINDOW if rule.precision is Precision.DAY else rule.precision
            base = cls.between(first, last, precision)
        return replace(
            base,
            phrase=phrase,
            resolution=f"{rule.description} the publication date {anchor_text}",
        )

    # -- views --------------------------------------------------------------------------
    @property
    def earliest(self) -> date | None:
        """The earliest day the event may touch."""
        return self.start_min

    @property
    def latest(self) -> date | None:
        """The latest day the event may touch."""
        return self.end_max

    @property
    def first_known_day(self) -> date | None:
        """The earliest day the text pins down, for formats that need one date (CAMEO
        rows): the earliest start if known, else the first known of the other bounds
        (a post held at publication gives the first day publication may be).

        >>> TimeSpan.held_at(TimeSpan.between(date(2000, 7, 3), date(2000, 7, 4))).first_known_day
        datetime.date(2000, 7, 3)
        """
        if self.start_min is not None:
            return self.start_min
        known = [d for d in (self.start_max, self.end_min, self.end_max) if d is not None]
        return min(known) if known else None

    def iso(self) -> str:
        """ISO 8601 text: a day, a month, a year or ``A/B`` (``..`` when open), each side
        as precise as it is known; a post held at observed dates is ``held A/B``, the
        days from the first observation to the last."""
        if self.precision is Precision.HELD:
            return "held " + _held_core(self.start_max, self.end_min)
        if self.precision is Precision.DAY:
            return str(self.start_min)
        if self.start_min is not None and self.start_max is not None and (
            self.start_min, self.start_max) == (self.end_min, self.end_max):
            whole = _side(self.start_min, self.start_max)
            if "/" not in whole:
                return whole
        left = _side(self.start_min, self.start_max) if self.start_min else ".."
        right = _side(self.end_min, self.end_max) if self.end_max else ".."
        if self.precision is Precision.OPEN:
            left = (_side(self.start_min, self.start_max) if self.start_max
                    else str(self.start_min) if self.start_min else "..")
            right = (_side(self.end_min, self.end_max) if self.end_min
                     else str(self.end_max) if self.end_max else "..")
            if "/" in left:
                left = str(self.start_min)
            if "/" in right:
                right = str(self.end_max)
            # an unknown side may still be bounded by the other ("begun by June 26, end
            # unknown"): EDTF's "on or before" set, [..D], and "on or after", [D..]
            if self.start_min is None and self.start_max is not None and (
                    self.end_max is None or self.start_max < self.end_max):
                left = f"[..{self.start_max}]"
            if self.end_max is None and self.end_min is not None and (
                    self.start_min is None or self.end_min > self.start_min):
                right = f"[{self.end_min}..]"
        elif "/" in left or "/" in right:
            left, right = str(self.start_min), str(self.end_max)
        return f"{left}/{right}"

    def __str__(self) -> str:
        return self.iso()

    def with_phrase(self, phrase: str | None, resolution: str | None = None) -> TimeSpan:
        """The same span, remembering the words of the text."""
        return replace(self, phrase=phrase, resolution=resolution)

    def same_time(self, other: TimeSpan) -> bool:
        """Equal bounds and precision, ignoring the phrase."""
        return self._bounds() == other._bounds() and self.precision is other.precision

    def _bounds(self) -> tuple[date | None, ...]:
        return (self.start_min, self.start_max, self.end_min, self.end_max)

    def sort_key(self) -> tuple[date, date]:
        """Order by earliest then latest day (unbounded sides sort outermost)."""
        return (self.start_min or date.min, self.end_max or date.max)

    # -- relations (day granularity; every answer is either certain or possible) --------
    def certainly_before(self, other: TimeSpan) -> bool:
        """Ends before ``other`` starts, whatever the uncertainty."""
        return _hi(self.end_max) < _lo(other.start_min)

    def possibly_before(self, other: TimeSpan) -> bool:
        """Could end before ``other`` starts."""
        return _lo(self.end_min) < _hi(other.start_max)

    def certainly_after(self, other: TimeSpan) -> bool:
        """Starts after ``other`` ends, whatever the uncertainty."""
        return other.certainly_before(self)

    def possibly_after(self, other: TimeSpan) -> bool:
        """Could start after ``other`` ends."""
        return other.possibly_before(self)

    def certainly_during(self, other: TimeSpan) -> bool:
        """Lies inside ``other`` whatever the uncertainty."""
        return (_hi(other.start_max) <= _lo(self.start_min)
                and _hi(self.end_max) <= _lo(other.end_min))

    def possibly_during(self, other: TimeSpan) -> bool:
        """Could lie inside ``other``."""
        return (_lo(other.start_min) <= _hi(self.start_max)
                and _lo(self.end_min) <= _hi(other.end_max)
                and self.possibly_overlaps(other))

    def certainly_overlaps(self, other: TimeSpan) -> bool:
        """Shares at least one day with ``other`` whatever the uncertainty."""
        return (_hi(self.start_max) <= _lo(other.end_min)
                and _hi(other.start_max) <= _lo(self.end_min))

    def possibly_overlaps(self, other: TimeSpan) -> bool:
        """Could share a day with ``other``."""
        return (_lo(self.start_min) <= _hi(other.end_max)
                and _lo(other.start_min) <= _hi(self.end_max))

    def contains_date(self, d: date) -> bool:
        """Whether ``d`` lies within the outer bounds."""
        return _lo(self.start_min) <= d <= _hi(self.end_max)

    def certainly_holds_on(self, d: date) -> bool:
        """Holds on day ``d`` whatever the uncertainty (started by then, not ended)."""
        return _hi(self.start_max) <= d <= _lo(self.end_min)

    def possibly_holds_on(self, d: date) -> bool:
        """Could hold on day ``d``."""
        return self.contains_date(d)


def _side(low: date | None, high: date | None) -> str:
    """One side of an interval: a day, a whole month or a whole year, else ``low/high``."""
    if low is None or high is None:
        return ".."
    if low == high:
        return str(low)
    if low.day == 1 and high == low.replace(day=calendar.monthrange(low.year, low.month)[1]):
        return f"{low:%Y-%m}"
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
        return f"{low:%Y}"
    return f"{low}/{high}"


def _held_core(a: date | None, b: date | None) -> str:
    """The observed days of a held span: from the first observation to the last."""
    days = sorted(d for d in (a, b) if d is not None)
    if not days:
        return "../.."
    if days[0] == days[-1]:
        return str(days[0])
    return f"{days[0]}/{days[-1]}"


def _lo(bound: date | None) -> date:
    """A lower bound; unbounded is the beginning of time."""
    return date.min if bound is None else bound


def _hi(bound: date | None) -> date:
    """An upper bound; unbounded is the end of time."""
    return date.max if bound is None else bound


def _parse_date(text: str, *, end: bool) -> date:
    """A day, or a month/year widened to its first (or, with ``end``, last) day."""
    expected = "YYYY, YYYY-MM, YYYY-MM-DD or A/B"
    try:
        if re.fullmatch(r"[0-9]{4}", text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{2})", text):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise DateError(f"{text!r} is not a real date", expected=expected) from exc
    raise DateError(f"{text!r} is not a date", expected=expected)


#: The widest anchor a relative phrase is resolved against, in days (each day is a reading).
_MAX_ANCHOR_DAYS = 3660


@dataclass(frozen=True, slots=True)
class _Rule:
    description: str
    precision: Precision
    resolve: Callable[[date], tuple[date, date]]


def _last_week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday() + 7)
    return monday, monday + timedelta(days=6)


def _month_of(d: date, shift: int) -> tuple[date, date]:
    y, m = d.year, d.month + shift
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _later_this_month(d: date) -> tuple[date, date]:
    _, last = _month_of(d, 0)
    return min(d + timedelta(days=1), last), last


def _days_before(days: int) -> Callable[[date], tuple[date, date]]:
    def resolve(d: date) -> tuple[date, date]:
        return d - timedelta(days=days), d - timedelta(days=days)

    return resolve


def _week_of(d: date, shift: int) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=shift)
    return monday, monday + timedelta(days=6)


def _later_this_week(d: date) -> tuple[date, date]:
    _, sunday = _week_of(d, 0)
    return min(d + timedelta(days=1), sunday), sunday


def _weekday_of_or_before(weekday: int) -> Callable[[date], tuple[date, date]]:
    def resolve(d: date) -> tuple[date, date]:
        day = d - timedelta(days=(d.weekday() - weekday) % 7)
        return day, day

    return resolve


def _weekday_before(weekday: int) -> Callable[[date], tuple[date, date]]:
    def resolve(d: date) -> tuple[date, date]:
        back = (d.weekday() - weekday) % 7 or 7
        day = d - timedelta(days=back)
        return day, day

    return resolve


RELATIVE_PHRASES: dict[str, _Rule] = {
    "last week": _Rule("the calendar week (Monday-Sunday) before", Precision.WEEK, _last_week),
    "last month": _Rule("the calendar month before", Precision.MONTH,
                        lambda d: _month_of(d, -1)),
    "earlier last month": _Rule("the calendar month before", Precision.MONTH,
                                lambda d: _month_of(d, -1)),
    "this month": _Rule("the calendar month of", Precision.MONTH, lambda d: _month_of(d, 0)),
    "later this month": _Rule("the rest of the calendar month after", Precision.WINDOW,
                              _later_this_month),
    "yesterday": _Rule("the day before", Precision.DAY,
                       _days_before(1)),
}
for _index, _name in enumerate(calendar.day_name):
    RELATIVE_PHRASES[f"on {_name.lower()}"] = _Rule(
        f"the last {_name} before", Precision.DAY, _weekday_before(_index)
    )
    RELATIVE_PHRASES[f"last {_name.lower()}"] = _Rule(
        f"the last {_name} before", Precision.DAY, _weekday_before(_index)
    )
    # wire copy's bare weekday ("a bilateral meeting Friday"): the day itself or the last
    # one before it, as news of the day uses it
    RELATIVE_PHRASES[_name.lower()] = _Rule(
        f"the {_name} of or last before", Precision.DAY, _weekday_of_or_before(_index)
    )
RELATIVE_PHRASES.update({
    "today": _Rule("the day of", Precision.DAY, lambda d: (d, d)),
    "tomorrow": _Rule("the day after", Precision.DAY,
                      lambda d: (d + timedelta(days=1), d + timedelta(days=1))),
    "this week": _Rule("the calendar week (Monday-Sunday) of", Precision.WEEK,
                       lambda d: _week_of(d, 0)),
    "later this week": _Rule("the rest of the calendar week after", Precision.WINDOW,
                             _later_this_week),
    "next week": _Rule("the calendar week after", Precision.WEEK, lambda d: _week_of(d, 1)),
    "next month": _Rule("the calendar month after", Precision.MONTH,
                        lambda d: _month_of(d, 1)),
    "last year": _Rule("the calendar year before", Precision.YEAR,
                       lambda d: (date(d.year - 1, 1, 1), date(d.year - 1, 12, 31))),
    "this year": _Rule("the calendar year of", Precision.YEAR,
                       lambda d: (date(d.year, 1, 1), date(d.year, 12, 31))),
    "earlier this year": _Rule("the calendar year up to", Precision.WINDOW,
                               lambda d: (date(d.year, 1, 1), max(date(d.year, 1, 1),
                                                                  d - timedelta(days=1)))),
    "later this year": _Rule("the rest of the calendar year after", Precision.WINDOW,
                             lambda d: (min(d + timedelta(days=1), date(d.year, 12, 31)),
                                        date(d.year, 12, 31))),
    "next year": _Rule("the calendar year after", Precision.YEAR,
                       lambda d: (date(d.year + 1, 1, 1), date(d.year + 1, 12, 31))),
    "early next year": _Rule("the first four months of the calendar year after",
                             Precision.WINDOW,
                             lambda d: (date(d.year + 1, 1, 1), date(d.year + 1, 4, 30))),
})
