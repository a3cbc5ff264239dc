"""Periods as analysts write them: "late June", "mid-July", "the end of June 2000", "the
summer of 2000", "the week of June 26", "early 2000".

Each phrase names a window of days; a question's time condition then compares records
with the whole window, as it does with "June 2000". The windows are conventions, written
once here so that every question reads a phrase alike:

- *early* / *the beginning of* / *the start of* a month: days 1-10; *mid* / *the middle
  of*: 11-20; *late* / *the end of*: 21 to the month's last day; *the first half*: 1-15,
  *the second half*: 16 to the end;
- of a year: *early* January-April, *mid* May-August, *late* / *the end of*
  September-December, *the first half* January-June, *the second half* July-December;
- seasons (northern hemisphere, meteorological): spring March-May, summer June-August,
  autumn or fall September-November, winter December to February (the winter *of* 2000
  begins in December 2000);
- *the week of* a day: that day and the six after it; *the first week of* a month its
  days 1-7, *the last week* its last seven days.

A month or season without a year takes ``default_year``.

>>> str(read_period("late June 2000", 2000))
'2000-06-21/2000-06-30'
>>> str(read_period("the summer of 2000", 1999))
'2000-06-01/2000-08-31'
>>> str(read_period("the week of June 26", 2000))
'2000-06-26/2000-07-02'
>>> read_period("June 2000", 2000) is None   # a plain month is not a period phrase
True
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..core.timespan import TimeSpan

__all__ = ["PERIOD_WORDS", "read_period"]

_MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}
_MONTHS = {m.lower(): i for m, i in _MONTHS.items()}
_PART_OF_MONTH = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10),
                  "mid": (11, 20), "middle": (11, 20), "late": (21, 31), "end": (21, 31),
                  "first half": (1, 15), "second half": (16, 31), "first": (1, 7),
                  "last": (24, 31), "final": (24, 31)}
_PART_OF_YEAR = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8),
                 "middle": (5, 8), "late": (9, 12), "end": (9, 12), "first half": (1, 6),
                 "second half": (7, 12)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 14)}
#: The words a period phrase may hold besides months and numbers (for the parser).
PERIOD_WORDS = frozenset({"the", "of", "early", "beginning", "start", "mid", "middle",
                          "late", "end", "first", "second", "half", "week", "last", "final",
                          *_SEASONS})

_PART = "|".join(sorted((re.escape(p) for p in _PART_OF_MONTH), key=len, reverse=True))
_PHRASE = re.compile(
    rf"^(?:the\s+)?(?:(?P<part>{_PART})(?:\s*-\s*|\s+)(?:of\s+)?)?"
    rf"(?:(?P<season>{'|'.join(_SEASONS)})|(?P<week>week)\s+(?:of|in))?\s*(?:of\s+)?"
    r"(?P<month>[a-z]+)?\s*(?P<day>\d{1,2}(?!\d))?\s*,?\s*(?P<year>\d{4})?$")


def read_period(text: str, default_year: int) -> TimeSpan | None:
    """The window of days a period phrase names, or None if ``text`` is not one."""
    words = " ".join(text.lower().replace(",", " ").split())
    found = _PHRASE.match(words)
    if found is None:
        return None
    part, season, week = found["part"], found["season"], found["week"]
    month_word, day, year_text = found["month"], found["day"], found["year"]
    if not (part or season or week):
        return None
    month = _MONTHS.get(month_word) if month_word else None
    if month_word and month is None:
        return None
    year = int(year_text) if year_text else default_year
    if week and part in ("first", "last", "final") and month is not None and day is None:
        last_day = calendar.monthrange(year, month)[1]
        lo = 1 if part == "first" else last_day - 6
        return TimeSpan.span(date(year, month, lo), date(year, month, lo + 6))
    if week:
        if month is None or day is None:
            return None
        first = date(year, month, int(day))
        return TimeSpan.span(first, first + timedelta(days=6))
    if day is not None:
        return None
    if season:
        if month is not None:
            return None
        start, end = _SEASONS[season]
        first = date(year, start, 1)
        last_month = date(year + (end - 1) // 12, (end - 1) % 12 + 1, 1)
        window = TimeSpan.span(first, _month_end(last_month.year, last_month.month))
        return _part(window, part) if part else window
    assert part is not None
    if month is not None:
        lo, hi = _PART_OF_MONTH[part]
        return TimeSpan.span(date(year, month, lo),
                             date(year, month, min(hi, calendar.monthrange(year, month)[1])))
    if not year_text:
        return None
    lo, hi = _PART_OF_YEAR[part]
    return TimeSpan.span(date(year, lo, 1), _month_end(year, hi))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _part(window: TimeSpan, part: str) -> TimeSpan:
    """Early, mid or late part of a season: its first, middle or last month."""
    assert window.start_min is not None and window.end_max is not None
    index = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2,
             "end": 2}.get(part)
    if index is None:
        return window
    month = window.start_min.month + index
    year = window.start_min.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return TimeSpan.span(date(year, month, 1), _month_end(year, month))
