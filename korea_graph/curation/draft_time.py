"""Time expressions of a news text, resolved against its publication date.

Absolute dates ("June 27", "13 June 2000", "July 21-23", "February of this year",
"1990") are found by patterns and read by the month table (dateparser only for what it
cannot read; the year comes from the publication date when the text gives none);
relative phrases ("last week", "later this month", "on Friday") go through the model's own
:meth:`~korea_graph.core.timespan.TimeSpan.relative`, so a draft resolves them exactly
as the loader will. Every expression keeps the words of the text.

>>> from korea_graph.core.timespan import TimeSpan
>>> pub = TimeSpan.parse("2000-07-03")
>>> [(t.phrase, str(t.span)) for t in find_times("Putin met him on June 27 and last week.", pub)]
[('on June 27', '2000-06-27'), ('last week', '2000-06-26/2000-07-02')]
>>> [t.form for t in find_times("the July 21-23 summit", pub)]
[{'date': '2000-07-21/2000-07-23', 'phrase': 'July 21-23'}]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..core.timespan import RELATIVE_PHRASES, TimeSpan
from ..errors import DateError

__all__ = ["TimeMention", "duration_days", "find_times", "time_form"]

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTH = ("(?:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
          + r")\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
_WEEKDAY = "(?:" + "|".join(calendar.day_name) + ")"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}

# most specific first; each names the groups it uses
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("md-md", re.compile(rf"\b(?:from\s+)?(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}"
                         rf"(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("md-d", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|—)\s*(?P<d2>{_DAY})"
                        rf"(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("d-dm", re.compile(rf"\b(?P<d1>{_DAY})\s*(?:-|–|—|to)\s*(?P<d2>{_DAY})\s+(?P<m1>{_MONTH})"
                        rf"(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("md", re.compile(rf"\b(?:(?:on|On)\s+)?(?:{_WEEKDAY},?\s+)?(?P<m1>{_MONTH})\s+"
                      rf"(?P<d1>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("dm", re.compile(rf"\b(?:(?:on|On)\s+)?(?:{_WEEKDAY},?\s+)?(?P<d1>{_DAY})\s+"
                      rf"(?P<m1>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("m-y", re.compile(rf"\b(?:(?:[Ii]n|[Tt]his|[Ll]ast|his|her|its|their)\s+)?(?P<m1>{_MONTH})"
                       rf"(?:\s+of\s+(?P<this>this|last)\s+year|,?\s+(?P<y>{_YEAR}))?\b")),
    ("y", re.compile(rf"(?<![\d-])(?P<y>{_YEAR})(?![\d-])")),
]
_RELATIVE = re.compile(
    r"\b(?P<rel>" + "|".join(sorted((re.escape(p) for p in RELATIVE_PHRASES), key=len,
                                    reverse=True)) + r")\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"\b(?P<n>\d+|" + "|".join(_NUMBERS) + r")[- ]days?\b", re.IGNORECASE)
_AFTER = re.compile(r"\b(?P<n>" + "|".join(_NUMBERS).capitalize() + "|" + "|".join(_NUMBERS)
                    + r"|\d+) days? after\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: its place in the text, its words, its span and its data-file form."""

    start: int
    end: int
    phrase: str
    span: TimeSpan
    form: dict[str, Any]

    @property
    def precise(self) -> bool:
        """A day or a known run of days."""
        return self.span.precision.value in ("day", "span")


def time_form(span: TimeSpan, phrase: str | None = None, resolution: str | None = None
              ) -> dict[str, Any]:
    """The ``when`` mapping of a data file for ``span``.

    >>> time_form(TimeSpan.parse("2000-06"), "in June")
    {'date': '2000-06', 'phrase': 'in June'}
    """
    if span.precision.value == "window" and span.start_min and span.end_max and (
            span.start_min, span.start_max) == (span.end_min, span.end_max):
        form: dict[str, Any] = {"between": [str(span.start_min), str(span.end_max)]}
    elif span.precision.value == "open" and span.start_min is None:
        form = {"before": str(span.end_max)}
    elif span.precision.value == "open":
        form = {"after": str(span.start_min)}
    else:
        form = {"date": span.iso()}
    if phrase:
        form["phrase"] = phrase
    if resolution:
        form["resolution"] = resolution
    return form


def _parse_day(text: str, year: int) -> date | None:
    """One day ("June 27", "27th June"): read by the month table, as every pattern here
    gives a month's name and a day; dateparser (slow to load: about 0.6 s on a first
    call) only for what the table cannot read.

    >>> _parse_day("June 27th", 2000), _parse_day("3 Sep.", 2000), _parse_day("June 31", 2000)
    (datetime.date(2000, 6, 27), datetime.date(2000, 9, 3), None)
    """
    words = text.replace(",", " ").split()
    month = next((_MONTHS[w.lower().rstrip(".")] for w in words
                  if w.lower().rstrip(".") in _MONTHS), None)
    digits = [re.sub(r"\D", "", w) for w in words if w[:1].isdigit()]
    if month is not None and digits and len(digits[0]) <= 2:
        try:
            return date(year, month, int(digits[0]))
        except ValueError:
            return None  # "June 31"
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is in the draft extra
        return None
    parsed = dateparser.parse(  # pragma: no cover - every pattern gives a month's name
        f"{text} {year}" if not re.search(_YEAR, text) else text,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"],
                  "RELATIVE_BASE": datetime(year, 1, 1)},
    )
    return parsed.date() if parsed is not None else None  # pragma: no cover


def find_times(text: str, published: TimeSpan, offset: int = 0) -> list[TimeMention]:
    """Every time expression of ``text`` (offsets shifted by ``offset``), left to right."""
    assert published.start_min is not None
    pub_year = published.start_min.year
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, span: TimeSpan, form: dict[str, Any]) -> None:
        taken.append((a, b))
        found.append(TimeMention(offset + a, offset + b, text[a:b], span, form))

    for match in _RELATIVE.finditer(text):
        phrase = match["rel"]
        if phrase.lower().endswith("year") and text[:match.start()].rstrip().lower().endswith(
                " of"):
            continue  # "February of this year": the month's pattern reads it
        try:
            span = TimeSpan.relative(phrase, published)
        except DateError:  # pragma: no cover - every pattern is a known phrase
            continue
        add(match.start(), match.end(), span, {"relative": phrase.lower(), "phrase": phrase})
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            a, b = match.span()
            if not free(a, b):
                continue
            phrase = match.group(0)
            groups = match.groupdict()
            year = int(groups["y"]) if groups.get("y") else pub_year
            try:
                if kind in ("md-md", "md-d", "d-dm"):
                    first = _parse_day(f"{groups['m1']} {groups['d1']}", year)
                    second_month = groups.get("m2") or groups["m1"]
                    last = _parse_day(f"{second_month} {groups['d2']}", year)
                    if first is None or last is None or first > last:
                        continue
                    span = TimeSpan.span(first, last)
                elif kind in ("md", "dm"):
                    day = _parse_day(f"{groups['m1']} {groups['d1']}", year)
                    if day is None:
                        continue
                    span = TimeSpan.day(day)
                elif kind == "m-y":
                    if not (groups.get("y") or groups.get("this") or
                            re.match(r"(?i)in|this|last|his|her|its|their", phrase)):
                        continue  # a bare month name ("May") is too often another word
                    month = _MONTHS[groups["m1"].lower().rstrip(".")]
                    if groups.get("this") == "last" or phrase.lower().startswith("last"):
                        year -= 1
                    span = TimeSpan.month(year, month)
                else:
                    span = TimeSpan.year(year)
            except (DateError, ValueError):
                continue
            add(a, b, span, time_form(span, phrase.strip()))
    for match in _AFTER.finditer(text):
        # "One day after the June 27 talks": the next day expression, shifted
        after = [t for t in found if t.start >= offset + match.end() and t.precise]
        if not after or after[0].start - offset - match.end() > 40:
            continue
        n = _number(match["n"])
        base = after[0].span
        assert base.end_max is not None
        day = base.end_max + timedelta(days=n)
        span = TimeSpan.day(day)
        phrase = text[match.start():after[0].end - offset]
        found.remove(after[0])
        taken.append((match.start(), after[0].end - offset))
        found.append(TimeMention(offset + match.start(), after[0].end, phrase, span,
                                 time_form(span, phrase, f"{n} day(s) after {base}")))
    found.sort(key=lambda t: t.start)
    return found


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def duration_days(text: str) -> int | None:
    """The length of "a two-day visit", "two days of talks", if the text gives one.

    >>> duration_days("for two days of talks"), duration_days("a 3-day visit")
    (2, 3)
    """
    match = _DURATION.search(text)
    return _number(match["n"]) if match else None
