"""The checks of input values the YAML loader and the Python builder share.

Each function takes a plain Python value (what a data file holds once parsed, or what a
script passes), returns the model's value, and raises a :class:`~korea_graph.errors.DataError`
subclass naming the ``field`` and what was expected. The loader adds the file and the line;
the builder names the record. Writing a check once here keeps a data file and a script
judged by the same rules, so that whatever the builder accepts, the loader reads back.
The rules about records and their references (kinds, ``same_as``) are the graph's own,
in :mod:`korea_graph.core.validate`, which every way of making a graph runs.

>>> from korea_graph.core.model import ActorKind
>>> vocabulary(ActorKind, "person", "actors[0].kind")
<ActorKind.PERSON: 'person'>
>>> vocabulary(ActorKind, "persn", "kind")
Traceback (most recent call last):
...
korea_graph.errors.VocabularyError: kind: unknown kind 'persn' (expected ...did you mean 'person'?)
>>> str(time({"between": ["2000-06-28", "2000-07-03"]}, "when"))
'2000-06-28/2000-07-03'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from ..core.model import (
    INFERABLE_FIELDS,
    Confidence,
    Document,
    Evidence,
    Hedge,
    Inference,
)
from ..core.relations import RelationType
from ..core.timespan import Precision, TimeSpan
from ..errors import DateError, EvidenceError, SchemaError, VocabularyError

__all__ = [
    "TIME_FORMS",
    "describe",
    "evidence",
    "hedge",
    "ident",
    "inference",
    "no_surrogates",
    "normalize_text",
    "published",
    "suggest",
    "text",
    "texts",
    "time",
    "vocabulary",
    "wikidata",
    "wording",
]

_E = TypeVar("_E", bound=StrEnum)
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
#: The time forms of a mapping (see ``docs/curation.md``); ``start``/``end`` give explicit
#: bounds, and with ``precision`` they hold any :class:`~korea_graph.core.timespan.TimeSpan`.
TIME_FORMS = ("date", "between", "relative", "before", "after", "held_at", "start/end")
_TIME_KEYS = frozenset({"date", "between", "relative", "before", "after", "held_at", "start",
                        "end", "precision", "phrase", "resolution"})
_DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, A/B, ../B or A/.."


def describe(value: Any) -> str:
    """How a wrong value reads in an error message."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def suggest(wrong: str, known: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the closest of ``known``, or nothing."""
    import difflib

    close = difflib.get_close_matches(wrong, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def normalize_text(value: str) -> str:
    """A document text with the line ends a text file read in Python has (``\\n`` only)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def text(value: Any, field: str, *, optional: bool = False) -> str | None:
    """A non-empty string, stripped (numbers are read as their digits)."""
    if value is None:
        if optional:
            return None
        raise SchemaError("missing text", field=field, expected="a string")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise SchemaError(f"expected text, got {describe(value)}", field=field,
                          expected="a string")
    out = str(value).strip()
    if not out:
        raise SchemaError("empty text", field=field, expected="a non-empty string")
    return no_surrogates(out, field)


def no_surrogates(value: str, field: str) -> str:
    """``value``, if it holds no lone surrogate (which no file can encode)."""
    for offset, char in enumerate(value):
        if "\ud800" <= char <= "\udfff":
            raise SchemaError(f"lone surrogate U+{ord(char):04X} at character {offset + 1}",
                              field=field, expected="text of Unicode characters (a surrogate "
                              "cannot be written to any file)")
    return value


def texts(value: Any, field: str) -> tuple[str, ...]:
    """A list of non-empty strings (aliases, ``about`` references), stripped."""
    if value is None:
        return ()
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        raise SchemaError(f"expected a list, got {describe(value)}", field=field,
                          expected="a list of strings")
    out = []
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            raise SchemaError(f"expected text, got {describe(item)}", field=f"{field}[{index}]",
                              expected="a non-empty string")
        out.append(no_surrogates(str(item).strip(), f"{field}[{index}]"))
    return tuple(out)


def ident(value: Any, field: str) -> str:
    """A record id: kebab-case text (lower-case ASCII letters, digits, single hyphens
    between them), at most 200 characters."""
    out = text(value, field)
    assert out is not None
    if not isinstance(value, str) or not set(out) <= _ID_CHARS or out.startswith("-") \
            or out.endswith("-") or "--" in out or len(out) > 200:
        raise SchemaError(f"bad id {out!r}", field=field,
                          expected="lower-case letters, digits and hyphens (kebab-case)")
    return out


def vocabulary(cls: type[_E], value: Any, field: str) -> _E:
    """A member of a closed vocabulary, from itself or its value ("person")."""
    if isinstance(value, cls):
        return value
    key = field.rsplit(".", 1)[-1].split("[")[0]
    allowed = [str(m.value) for m in cls]
    if isinstance(value, str) and value.strip() in allowed:
        return cls(value.strip())
    shown = value.strip() if isinstance(value, str) else value
    import difflib

    close = difflib.get_close_matches(shown, allowed, n=1) if isinstance(shown, str) else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise VocabularyError(f"unknown {key} {shown!r}", field=field,
                          expected="one of " + ", ".join(allowed) + hint)


def wikidata(value: Any, field: str) -> str | None:
    """A Wikidata id (``Q`` and digits), or nothing."""
    out = text(value, field, optional=True)
    if out is not None and not (out[0] == "Q" and out[1:].isdigit()):
        raise SchemaError(f"bad Wikidata id {out!r}", field=field,
                          expected="Q followed by digits, e.g. Q159")
    return out


# -- time ----------------------------------------------------------------------------------
def time(value: Any, field: str, published: TimeSpan | None = None) -> TimeSpan:
    """A time in any form of a data file: ``2000-06-27`` (or a ``date``, a year as a
    number, or ``publication``, the document's publication date ``published``), or a
    mapping with one of :data:`TIME_FORMS` and an optional ``phrase`` and ``resolution``.
    ``relative`` phrases are resolved against ``published``."""
    if isinstance(value, TimeSpan):  # from Python: its words are read as a file's would be
        return value.with_phrase(text(value.phrase, f"{field}.phrase", optional=True),
                                 text(value.resolution, f"{field}.resolution", optional=True))
    if value is None:
        raise SchemaError("missing time", field=field, expected="a date or interval")
    try:
        if isinstance(value, Mapping):
            return _time_map(value, field, published)
        return _scalar_time(value, published)
    except DateError as exc:
        if exc.field is not None:
            raise
        raise DateError(exc.reason, field=field, expected=exc.expected or _DATE_FORMS) from None


def published(value: Any, field: str) -> TimeSpan:
    """A publication date: any time with a known earliest day (no relative phrase); an
    undated copy may leave the latest day open (``{after: 2000-06-15}``)."""
    span = time(value, field)
    if span.start_min is None:
        raise DateError("the publication date needs a known earliest day", field=field,
                        expected="a date, a window or {after: DATE}")
    return span


def _time_map(value: Mapping[str, Any], field: str, anchor: TimeSpan | None) -> TimeSpan:
    for key in value:
        if key not in _TIME_KEYS:
            raise SchemaError(f"unknown field {key!r}", field=f"{field}.{key}",
                              expected="one of " + ", ".join(sorted(_TIME_KEYS)))
    given = [form for form in TIME_FORMS[:-1] if form in value]
    if "start" in value or "end" in value:
        given.append("start/end")
    if len(given) != 1:
        raise SchemaError(f"{len(given)} time forms given", field=field,
                          expected="exactly one of " + ", ".join(TIME_FORMS))
    form = given[0]
    if "precision" in value and form != "start/end":
        raise SchemaError("'precision' goes with start and end only",
                          field=f"{field}.precision", expected="start, end and precision")
    phrase = text(value.get("phrase"), f"{field}.phrase", optional=True)
    resolution = text(value.get("resolution"), f"{field}.resolution", optional=True)
    if form == "start/end":
        return _bounds(value, field, anchor).with_phrase(phrase, resolution)
    inner = value[form]
    if form == "relative":
        if anchor is None:
            raise SchemaError("relative time without a publication date", field=field,
                              expected="a date: a relative phrase needs a document")
        words = text(inner, f"{field}.relative")
        assert words is not None
        span = TimeSpan.relative(words, anchor)
        return span.with_phrase(phrase or words, resolution or span.resolution)
    if form == "held_at":
        if isinstance(inner, (str, Mapping)) or not isinstance(inner, (list, tuple)) \
                or not inner:
            raise DateError("held_at needs a list of observed times", field=f"{field}.held_at",
                            expected="[DATE, ...], e.g. [2000-06-27, publication]")
        observed = [_time_map(item, f"{field}.held_at[{n}]", anchor) if isinstance(item, Mapping)
                    else _scalar_time(item, anchor) for n, item in enumerate(inner)]
        span = TimeSpan.held_at(*observed)
        if resolution is None:
            resolution = "observed at " + ", ".join(_observation(o) for o in observed) + (
                "; start and end unknown")
        return span.with_phrase(phrase, resolution)
    if form == "between":
        if isinstance(inner, (str, Mapping)) or not isinstance(inner, (list, tuple)) \
                or len(inner) != 2:
            raise DateError("between needs two dates", field=f"{field}.between",
                            expected="[FIRST, LAST]")
        first, last = _scalar_time(inner[0], anchor), _scalar_time(inner[1], anchor)
        assert first.start_min is not None and last.end_max is not None
        if first.start_min > last.end_max:
            raise DateError(f"reversed interval: {first} is after {last}",
                            field=f"{field}.between", expected="FIRST on or before LAST")
        span = TimeSpan.between(first.start_min, last.end_max)
    elif form == "before":
        bound = _scalar_time(inner, anchor).end_max
        if bound is None:
            raise DateError(f"'before: {inner}' has no latest day (the time is open-ended)",
                            field=f"{field}.before", expected="a date with a known last day")
        span = TimeSpan.before(bound)
    elif form == "after":
        bound = _scalar_time(inner, anchor).start_min
        if bound is None:
            raise DateError(f"'after: {inner}' has no earliest day (the time is open-ended)",
                            field=f"{field}.after", expected="a date with a known first day")
        span = TimeSpan.after(bound)
    else:
        span = _scalar_time(inner, anchor)
    return span.with_phrase(phrase, resolution)


def _bounds(value: Mapping[str, Any], field: str, anchor: TimeSpan | None) -> TimeSpan:
    """``{start: S, end: E}``: the start lies in S, the end in E. A side is a date, month,
    year or ``publication`` (the days it covers), ``{before: X}`` or ``{after: X}``
    (strictly: every day X may be is excluded), ``..`` (unknown) or ``[EARLIEST, LATEST]``
    (days or null). With ``precision``, the four bounds are taken as written (what
    :func:`~korea_graph.curation.writer.to_yaml` writes for a time no other form holds);
    without it, each side also bounds the other (:meth:`TimeSpan.bounded`)."""
    start = _side(value.get("start"), f"{field}.start", anchor)
    end = _side(value.get("end"), f"{field}.end", anchor)
    if "precision" in value:
        precision = vocabulary(Precision, value.get("precision"), f"{field}.precision")
        try:
            return TimeSpan(start[0], start[1], end[0], end[1], precision)
        except DateError as exc:
            raise DateError(exc.reason, field=field, expected="bounds in order") from None
    if start == (None, None) and end == (None, None):
        raise DateError("start and end both unknown", expected="a bound on one side")
    return TimeSpan.bounded(start, end)


def _side(value: Any, field: str, anchor: TimeSpan | None) -> tuple[date | None, date | None]:
    if value is None or value == "..":
        return (None, None)
    if isinstance(value, Mapping):
        for key in value:
            if key not in ("before", "after"):
                raise SchemaError(f"unknown field {key!r}", field=f"{field}.{key}",
                                  expected="one of after, before")
        if len(value) != 1:
            raise DateError("a side takes one of before, after",
                            expected="{before: X} or {after: X}")
        if "before" in value:
            span = _scalar_time(value["before"], anchor)
            assert span.end_max is not None
            return (None, span.end_max - timedelta(days=1))
        span = _scalar_time(value["after"], anchor)
        assert span.start_min is not None
        return (span.start_min + timedelta(days=1), None)
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise DateError(f"a side needs two days, got {len(value)}", field=field,
                            expected="[EARLIEST, LATEST], each a YYYY-MM-DD day or null")
        days: list[date | None] = []
        for item in value:
            if item is None:
                days.append(None)
                continue
            day = _scalar_time(item, anchor)
            if day.precision is not Precision.DAY:
                raise DateError(f"{item!r} is not one day", field=field,
                                expected="YYYY-MM-DD or null")
            days.append(day.start_min)
        return (days[0], days[1])
    span = _scalar_time(value, anchor)
    return (span.start_min, span.end_max)


def _scalar_time(value: Any, anchor: TimeSpan | None = None) -> TimeSpan:
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date")
    if isinstance(value, str) and value.strip() == "publication":
        if anchor is None:
            raise DateError("'publication' outside a document's records")
        return anchor
    if isinstance(value, date):
        return TimeSpan.day(value)
    if isinstance(value, int):
        return TimeSpan.parse(f"{value:04d}")
    if isinstance(value, str):
        return TimeSpan.parse(value)
    raise DateError(f"{describe(value)} is not a date")


def _observation(span: TimeSpan) -> str:
    if span.start_min == span.end_max:
        return str(span.start_min)
    return f"{span.start_min}..{span.end_max}"


# -- evidence ------------------------------------------------------------------------------
def evidence(doc: Document, quote: Any, start: Any, field: str) -> Evidence:
    """A span of ``doc``'s text given by its exact words, and its offset when the words
    occur more than once (``start=None`` finds them). Errors name ``field.quote`` or
    ``field.start``."""
    if not isinstance(quote, str) or not quote.strip():
        raise SchemaError("empty or non-text quote", field=f"{field}.quote",
                          expected="the exact words of the text")
    if start is None:
        found = doc.text.find(quote)
        if found < 0:
            near = _nearest_sentence(doc.text, quote)
            raise EvidenceError("quote not found in the document text", field=f"{field}.quote",
                                expected="words copied exactly" + near)
        if doc.text.find(quote, found + 1) >= 0:
            starts = [found]
            while (found := doc.text.find(quote, found + 1)) >= 0:
                starts.append(found)
            raise EvidenceError(f"quote occurs more than once ({len(starts)} times)",
                                field=f"{field}.quote",
                                expected="a 'start' offset to say which occurrence: one of "
                                + ", ".join(map(str, starts[:10])))
        start = found
    elif isinstance(start, bool) or not isinstance(start, int) or start < 0:
        raise SchemaError(f"bad start offset {start!r}", field=f"{field}.start",
                          expected="a character offset >= 0")
    end = start + len(quote)
    actual = doc.text[start:end]
    if actual != quote:
        i = next((i for i, (a, b) in enumerate(zip(actual, quote, strict=False)) if a != b),
                 min(len(actual), len(quote)))
        lo = max(0, i - 20)
        raise EvidenceError(
            f"the quote differs from the text at offset {start + i}: the text has "
            f"{actual[lo:i + 25]!r}, the quote {quote[lo:i + 25]!r}",
            field=f"{field}.start", expected="the exact words at that offset",
        )
    return Evidence(doc.id, start, end, quote, doc.paragraph_of(start))


def _nearest_sentence(body: str, quote: str) -> str:
    """``; the closest words are '...'`` when some stretch of the text is close."""
    size = len(quote)
    if not body or size > 2000:
        return ""
    step = max(1, size // 4)
    windows = [body[i:i + size] for i in range(0, max(1, len(body) - size + 1), step)]
    import difflib

    close = difflib.get_close_matches(quote, windows, n=1, cutoff=0.75)
    return f"; the closest words of the text are {close[0]!r}" if close else ""


def wording(value: Any, evidence: Iterable[Evidence], field: str) -> str | None:
    """A source's own name for an event, printed in one of its quotes (any case)."""
    words = text(value, field, optional=True)
    if words is not None and not any(words.lower() in e.quote.lower() for e in evidence):
        raise EvidenceError(f"the wording {words!r} is in none of the quotes", field=field,
                            expected="words printed in the evidence")
    return words


def hedge(phrase: Any, confidence: Any, field: str, applies_to: Any = ()) -> Hedge:
    """The article's hedging of a status: its words and/or an ICD 203 confidence, and
    the relation types it bounds when it hedges only part of the record (``applies_to``)."""
    words = text(phrase, f"{field}.phrase", optional=True)
    level = None if confidence is None else vocabulary(Confidence, confidence,
                                                       f"{field}.confidence")
    if words is None and level is None:
        raise SchemaError("empty hedge", field=field,
                          expected="a phrase of the article and/or a confidence")
    parts = ([applies_to] if isinstance(applies_to, str) else list(applies_to or ()))
    for n, part in enumerate(parts):
        vocabulary(RelationType, part, f"{field}.applies_to[{n}]")
    return Hedge(words, level, tuple(str(p) for p in parts))


def inference(name: Any, value: Any, reason: Any, field: str) -> Inference:
    """An attribute the evidence does not word, kept with the curator's reason."""
    key = text(name, f"{field}.field")
    if key not in INFERABLE_FIELDS:
        raise VocabularyError(f"unknown inferred field {key!r}", field=f"{field}.field",
                              expected="one of " + ", ".join(INFERABLE_FIELDS))
    return Inference(key, str(text(value, f"{field}.value")), str(text(reason, f"{field}.reason")))
