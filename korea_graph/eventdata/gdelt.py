"""Read GDELT 1.0 and 2.0 event files (tab-separated, no header).

The layout of each row is told by its number of columns: 57 (GDELT 1.0 back-file, no
SOURCEURL), 58 (GDELT 1.0 daily file) or 61 (GDELT 2.0, with the three ``*_ADM2Code``
columns); one file may mix the two GDELT 1.0 layouts. Event codes are read as strings,
so ``042`` keeps its leading zero.

>>> from pathlib import Path
>>> import tempfile
>>> cells = [""] * 58
>>> cells[:8] = ["497", "20160728", "201607", "2016", "2016.57", "RUS", "RUSSIA", "RUS"]
>>> cells[15:18] = ["PRKGOV", "NORTH KOREA", "PRK"]
>>> cells[22] = "GOV"
>>> cells[26:29] = ["042", "042", "04"]
>>> cells[57] = "https://example.org/story"
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = Path(tmp) / "events.csv"
...     _ = path.write_text("\\t".join(cells) + "\\n", encoding="utf-8")
...     result = read_gdelt(path)
>>> event = next(iter(result.graph.events.values()))
>>> event.actors(), event.sources[0].dataset, event.sources[0].url
(('russia', 'government-north-korea'), 'gdelt1', 'https://example.org/story')
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..core.model import ActorKind, SourceRecord
from ..errors import DataError, DateError, ParseError
from .coded_rows import (
    ActorRef,
    CodedRow,
    ImportResult,
    SkippedRow,
    build_graph,
    stream_lines,
    stream_rows,
)
from .vocabulary import actor_type_kind, actor_type_name, cameo_code, countries, country_code

if TYPE_CHECKING:
    from ..core.graph import KnowledgeGraph

__all__ = ["GDELT1_COLUMNS", "GDELT2_COLUMNS", "parse_row", "read_gdelt"]

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")

#: The 61 columns of a GDELT 2.0 event row (from the GDELT code book).
GDELT2_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
#: The 58 columns of a GDELT 1.0 daily row: GDELT 2.0's without the ``*_ADM2Code`` ones
#: (the back-file rows lack the last, SOURCEURL).
GDELT1_COLUMNS: tuple[str, ...] = tuple(c for c in GDELT2_COLUMNS if not c.endswith("ADM2Code"))
_LAYOUTS = {
    len(GDELT1_COLUMNS) - 1: ("gdelt1", GDELT1_COLUMNS[:-1]),
    len(GDELT1_COLUMNS): ("gdelt1", GDELT1_COLUMNS),
    len(GDELT2_COLUMNS): ("gdelt2", GDELT2_COLUMNS),
}


def read_gdelt(path: str | os.PathLike[str], *, skip_bad_rows: bool = False,
               base: KnowledgeGraph | None = None) -> ImportResult:
    """Import a GDELT 1.0 or 2.0 event file (see :func:`korea_graph.eventdata.icews.read_icews` for
    bad rows, ``skip_bad_rows`` and ``base``)."""
    file = str(path)
    datasets: set[str] = set()

    def parse(number: int, line: str) -> CodedRow:
        row = parse_row(file, number, line.split("\t"))
        datasets.add(row.record.dataset)
        return row

    skipped: list[SkippedRow] = []
    rows = stream_rows(stream_lines(path, "GDELT event file"), parse,
                       skip_bad_rows=skip_bad_rows, skipped=skipped)
    return build_graph(rows, lambda: next(iter(datasets)) if len(datasets) == 1 else "gdelt",
                       file, base, skipped=skipped)


def parse_row(file: str, line: int, cells: list[str]) -> CodedRow:
    """One GDELT 1.0 or 2.0 row (its cells) as a :class:`CodedRow`; a located
    :class:`DataError` if it is bad. Both import engines call this."""
    layout = _LAYOUTS.get(len(cells))
    if layout is None:
        raise ParseError(f"the row has {len(cells)} columns", file=file, line=line,
                         expected="57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated "
                                  "columns")
    dataset, names = layout
    row = {name: value.strip() for name, value in zip(names, cells, strict=True)}
    raw = row["SQLDATE"]
    try:
        if not (len(raw) == 8 and raw.isascii() and raw.isdigit()):
            raise ValueError(raw)
        day = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise DateError(f"bad date {raw!r}", file=file, line=line, field="SQLDATE",
                        expected="YYYYMMDD") from None
    code = row["EventCode"]
    try:
        cameo_code(code)
    except DataError as exc:
        raise type(exc)(exc.reason, file=file, line=line, field="EventCode",
                        expected=exc.expected) from None
    url = row.get("SOURCEURL") or None
    publisher = urlsplit(url).hostname if url and "://" in url else None
    record = SourceRecord(dataset, row["GLOBALEVENTID"], file, line, None, None, publisher, url)
    return CodedRow(line, day, code, _actor(row, "Actor1"), _actor(row, "Actor2"),
                    _place(row), record)


def _actor(row: dict[str, str], prefix: str) -> ActorRef | None:
    code, name = row[f"{prefix}Code"], row[f"{prefix}Name"]
    country = row[f"{prefix}CountryCode"] or None
    if country not in countries():
        country = None
    if not name and not code:
        return None
    roles = [row[f"{prefix}Type{i}Code"] for i in (1, 2, 3) if row[f"{prefix}Type{i}Code"]]
    if code in countries() or (not roles and country and country_code(name) == country):
        return ActorRef(countries()[code if code in countries() else str(country)].name,
                        code if code in countries() else country, state=True)
    kinds = [k for k in map(actor_type_kind, roles) if k is not None]
    kind = kinds[0] if kinds else None
    if not name or (country and country_code(name) == country):
        role = actor_type_name(roles[0]) if roles else None
        where = countries()[country].name if country else None
        label = " ".join(x for x in (role or name.title() or code, f"({where})" if where else "")
                         if x)
        return ActorRef(label, country, kind)
    return ActorRef(name, country, kind)


def _place(row: dict[str, str]) -> ActorRef | None:
    """The action's place when GDELT names a city (geo types 3 and 4)."""
    if row["ActionGeo_Type"] not in ("3", "4") or not row["ActionGeo_FullName"]:
        return None
    return ActorRef(row["ActionGeo_FullName"].split(",")[0].strip(), None, ActorKind.CITY)
