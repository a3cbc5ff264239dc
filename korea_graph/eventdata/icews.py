"""Read ICEWS coded event files (tab-separated, one dyadic event report per row).

Columns are found by the header's names, so extra columns are allowed; the 20 standard
ones listed in :data:`COLUMNS` are required (location columns may be absent).

>>> from pathlib import Path
>>> import tempfile
>>> header = "\\t".join(COLUMNS)
>>> row = ("1\\t2018-06-01\\tSergey Lavrov\\tForeign Ministry\\tRussian Federation\\t"
...        "Make a visit\\t042\\t1.9\\tNorth Korea\\tNA\\tNorth Korea\\t47\\t2\\tReuters News\\t"
...        "Pyongyang\\tNA\\tNA\\tNorth Korea\\t39.03\\t125.75")
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = Path(tmp) / "events.tsv"
...     _ = path.write_text(header + "\\n" + row + "\\n", encoding="utf-8")
...     result = read_icews(path)
>>> event = next(iter(result.graph.events.values()))
>>> event.type.value, event.actors(), event.place, event.sources[0].publisher
('visit', ('sergey-lavrov', 'north-korea'), 'pyongyang', 'Reuters News')
"""

from __future__ import annotations

import os
import re
from datetime import date
from typing import TYPE_CHECKING

from ..core.model import ActorKind, SourceRecord
from ..errors import DataError, DateError, ParseError, SchemaError
from .coded_rows import (
    ActorRef,
    CodedRow,
    ImportResult,
    SkippedRow,
    build_graph,
    stream_lines,
    stream_rows,
)
from .vocabulary import cameo_code, country_code

if TYPE_CHECKING:
    from ..core.graph import KnowledgeGraph

__all__ = ["COLUMNS", "actor_kind", "header_index", "parse_row", "read_icews"]

#: The columns of an ICEWS event file, in ICEWS order.
COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)
_REQUIRED = COLUMNS[:14]
_MISSING = {"", "NA", "N/A", "NULL"}
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_icews(path: str | os.PathLike[str], *, skip_bad_rows: bool = False,
               base: KnowledgeGraph | None = None) -> ImportResult:
    """Import an ICEWS event file.

    A bad row (wrong number of columns, unknown CAMEO code, bad date, no actor name)
    raises a :class:`~korea_graph.errors.DataError` naming the file and line, and nothing
    is imported; with ``skip_bad_rows`` each bad row is left out and listed in
    ``result.skipped``. Actors are matched against ``base`` (by name, alias and country)
    so that ``base.merge(result.graph)`` joins the two.
    """
    file = str(path)
    lines = stream_lines(path, "ICEWS event file")
    first = next(lines, None)
    if first is None:
        raise ParseError("the file is empty", file=file, line=1,
                         expected="an ICEWS header line")
    header_line, header = first
    index, width = header_index(file, header_line, header)

    def parse(number: int, line: str) -> CodedRow:
        return parse_row(file, number, line.split("\t"), index, width)

    skipped: list[SkippedRow] = []
    rows = stream_rows(lines, parse, skip_bad_rows=skip_bad_rows, skipped=skipped)
    return build_graph(rows, "icews", file, base, skipped=skipped)


def header_index(file: str, line: int, header: str) -> tuple[dict[str, int], int]:
    """The column of each name in an ICEWS header line, and the number of columns."""
    names = header.split("\t")
    missing = [c for c in _REQUIRED if c not in names]
    if missing:
        raise ParseError(f"the header lacks the column(s) {', '.join(missing)}", file=file,
                         line=line, expected="an ICEWS header: " + ", ".join(COLUMNS))
    return {name: i for i, name in enumerate(names)}, len(names)


def parse_row(file: str, line: int, cells: list[str], index: dict[str, int],
              width: int) -> CodedRow:
    """One ICEWS row (its cells) as a :class:`CodedRow`; a located :class:`DataError` if
    it is bad. Both import engines call this."""
    if len(cells) != width:
        raise ParseError(f"the row has {len(cells)} columns", file=file, line=line,
                         expected=f"{width} tab-separated columns, as in the header")

    def cell(name: str) -> str | None:
        i = index.get(name)
        value = cells[i].strip() if i is not None else ""
        return None if value in _MISSING else value

    raw_date = cell("Event Date") or ""
    try:
        if not _ISO_DAY.fullmatch(raw_date):
            raise ValueError(raw_date)
        day = date.fromisoformat(raw_date)
    except ValueError:
        raise DateError(f"bad date {raw_date!r}", file=file, line=line, field="Event Date",
                        expected="YYYY-MM-DD") from None
    code = cell("CAMEO Code") or ""
    try:
        cameo_code(code)
    except DataError as exc:
        raise type(exc)(exc.reason, file=file, line=line, field="CAMEO Code",
                        expected=exc.expected) from None
    refs: list[ActorRef | None] = []
    for side in ("Source", "Target"):
        name = cell(f"{side} Name")
        if name is None and side == "Source":
            raise SchemaError("no actor name", file=file, line=line, field="Source Name",
                              expected="the name of the actor")
        refs.append(_actor(name, cell(f"{side} Sectors"), cell(f"{side} Country"))
                    if name else None)
    sentence = cell("Sentence Number")
    if sentence is not None and not (sentence.isascii() and sentence.isdigit()):
        raise SchemaError(f"bad sentence number {sentence!r}", file=file, line=line,
                          field="Sentence Number", expected="a whole number")
    city = cell("City")
    place_country = country_code(cell("Country") or "")
    place = ActorRef(city, place_country, ActorKind.CITY) if city else None
    record = SourceRecord("icews", cell("Event ID") or "", file, line, cell("Story ID"),
                          int(sentence) if sentence else None, cell("Publisher"), None)
    return CodedRow(line, day, code, refs[0], refs[1], place, record)


def _actor(name: str, sectors: str | None, country: str | None) -> ActorRef:
    code = country_code(country) if country else None
    own = country_code(name)
    if own is not None and (code is None or own == code):
        return ActorRef(name, own, state=True)
    return ActorRef(name, code, actor_kind(name, sectors))


_GENERIC = re.compile(r"^(?P<role>.+?)\s*\((?P<country>[^()]+)\)$")
_KINDS: list[tuple[tuple[str, ...], ActorKind]] = [
    (("ministry", "department", "foreign affairs"), ActorKind.MINISTRY),
    (("media", "news", "press", "broadcast"), ActorKind.NEWS_OUTLET),
    (("intelligence", "secret"), ActorKind.INTELLIGENCE_SERVICE),
    (("party",), ActorKind.PARTY),
    (("legislat", "parliament", "assembly", "congress", "senate"), ActorKind.PARLIAMENT),
    (("head of government", "head of state", "executive office"),
     ActorKind.HEAD_OF_STATE_OFFICE),
    (("envoy", "delegation"), ActorKind.DELEGATION),
    (("cabinet", "government", "military", "police", "council", "army", "navy", "force"),
     ActorKind.GOVERNMENT),
]
_ORG_WORDS = ("ministry", "department", "agency", "press", "news", "party", "council",
              "committee", "office", "bank", "times", "service", "association",
              "organization", "organisation", "union", "institute", "university", "company",
              "corporation", "army", "navy", "force", "government", "assembly", "congress")


def actor_kind(name: str, sectors: str | None) -> ActorKind:
    """The kind of an ICEWS actor, from its name and sectors (see ``docs/event-data.md``).

    >>> actor_kind("Foreign Affairs (South Korea)", "Foreign Ministry,Government").value
    'ministry'
    >>> actor_kind("Kim Yong-chol", "Government").value, actor_kind("Associated Press", None).value
    ('person', 'news_outlet')
    """
    generic = _GENERIC.match(name)
    words = (generic.group("role") if generic else name).casefold()
    if not generic and not any(w in words.split() or w in words for w in _ORG_WORDS):
        return ActorKind.PERSON
    for texts in (words, (sectors or "").casefold()):
        for keys, kind in _KINDS:
            if any(k in texts for k in keys):
                return kind
    return ActorKind.GOVERNMENT if not generic else ActorKind.PERSON
