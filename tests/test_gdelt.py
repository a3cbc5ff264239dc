"""GDELT import: both GDELT 1.0 layouts of the sample, and GDELT 2.0 rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from korea_graph import load
from korea_graph.core.model import ActorKind
from korea_graph.errors import DataError, DateError, ParseError, VocabularyError
from korea_graph.eventdata.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS, read_gdelt
from korea_graph.eventdata.vocabulary import countries

FIXTURE = Path(__file__).parent / "fixtures" / "gdelt1_events_sample.tsv"
VISIT = {"043": "042"}  # "host a visit" and "make a visit" rows of one visit are one event


def ident(code: str, name: str) -> object:
    """A GDELT actor: a bare CAMEO country code is the state, whatever name it has."""
    return code if code in countries() else (code, name)


def lines() -> list[str]:
    return FIXTURE.read_text(encoding="utf-8").splitlines()


def test_both_gdelt1_layouts_load() -> None:
    result = read_gdelt(FIXTURE)
    assert result.rows == 710 and result.skipped == ()
    records = [s for e in result.graph.events.values() for s in e.sources]
    assert len(records) == 710 and {r.dataset for r in records} == {"gdelt1"}
    by_layout = {57: 0, 58: 0}
    for record in records:
        cells = lines()[record.line - 1].split("\t")  # type: ignore[operator]
        by_layout[len(cells)] += 1
        assert record.row_id == cells[0]
        assert record.url == (cells[57] if len(cells) == 58 else None)
    assert by_layout == {57: 201, 58: 509}


def test_event_codes_keep_their_leading_zero() -> None:
    result = read_gdelt(FIXTURE)
    for event in result.graph.events.values():
        line = lines()[event.sources[0].line - 1].split("\t")  # type: ignore[operator]
        assert VISIT.get(event.cameo or "", event.cameo) == VISIT.get(line[26], line[26])
        assert event.when.earliest is not None
        assert event.when.earliest.strftime("%Y%m%d") == line[1]
    assert any(e.cameo == "010" for e in result.graph.events.values())


def test_repeated_reports_share_date_actors_and_code() -> None:
    result = read_gdelt(FIXTURE)
    merged = [e for e in result.graph.events.values() if len(e.sources) > 1]
    assert merged, "the sample repeats some events"
    assert len(result.graph.events) == 710 - sum(len(e.sources) - 1 for e in merged)
    for event in merged:
        keys = set()
        for s in event.sources:
            c = lines()[s.line - 1].split("\t")  # type: ignore[operator]
            actors = frozenset({ident(c[5], c[6]), ident(c[15], c[16])})
            keys.add((c[1], VISIT.get(c[26], c[26]), actors))
        assert len(keys) == 1, event.id


def test_cameo_country_codes_are_states() -> None:
    kg = load()
    result = read_gdelt(FIXTURE, base=kg)
    russia = result.graph.actors["russia"]
    assert russia.kind is ActorKind.STATE and russia.label == "Russia"
    assert result.graph.actors["united-states"].kind is ActorKind.STATE
    kg.merge(result.graph)  # the shared states agree


def gdelt2_row(gdelt1_line: str) -> str:
    """A GDELT 2.0 row made from a 58-column GDELT 1.0 row: empty ADM2 codes inserted."""
    values = dict(zip(GDELT1_COLUMNS, gdelt1_line.split("\t"), strict=True))
    return "\t".join(values.get(name, "") for name in GDELT2_COLUMNS)


def test_gdelt2_rows(tmp_path: Path) -> None:
    rows = [line for line in lines() if len(line.split("\t")) == 58][:50]
    path = tmp_path / "gdelt2.csv"
    path.write_text("\n".join(gdelt2_row(r) for r in rows) + "\n", encoding="utf-8")
    two = read_gdelt(path)
    one_path = tmp_path / "gdelt1.csv"
    one_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = read_gdelt(one_path)
    assert {s.dataset for e in two.graph.events.values() for s in e.sources} == {"gdelt2"}
    assert sorted((e.cameo, e.actors(), e.when) for e in two.graph.events.values()) == sorted(
        (e.cameo, e.actors(), e.when) for e in one.graph.events.values())
    assert len(GDELT2_COLUMNS) == 61 and len(GDELT1_COLUMNS) == 58


def edited(tmp_path: Path, number: int, col: int | None, value: str) -> Path:
    text = lines()
    cells = text[number - 1].split("\t")
    if col is None:
        cells.append(value)
    else:
        cells[col] = value
    text[number - 1] = "\t".join(cells)
    path = tmp_path / "edited.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("number", "col", "value", "error", "field"), [
    (5, None, "extra", ParseError, None),          # 59 columns: no GDELT layout
    (600, None, "x\ty\tz\tw\tv", ParseError, None),
    (7, 1, "2016073", DateError, "SQLDATE"),
    (8, 1, "20161332", DateError, "SQLDATE"),
    (9, 26, "999", VocabularyError, "EventCode"),
    (520, 26, "42", VocabularyError, "EventCode"),
])
def test_bad_rows_name_file_and_line(tmp_path: Path, number: int, col: int | None, value: str,
                                     error: type[DataError], field: str | None) -> None:
    path = edited(tmp_path, number, col, value)
    with pytest.raises(error) as err:
        read_gdelt(path)
    assert (err.value.file, err.value.line, err.value.field) == (str(path), number, field)
    skipped = read_gdelt(path, skip_bad_rows=True)
    assert [s.line for s in skipped.skipped] == [number]
    assert skipped.reports == 709


def test_a_zipped_daily_file_is_read_through(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "20160728.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURE, "20160728.export.CSV")
    result = read_gdelt(archive)
    assert result.rows == 710 and len(result.graph.events) == len(read_gdelt(FIXTURE).graph.events)
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr("second.CSV", "")
    with pytest.raises(ParseError, match="holds 2 files"):
        read_gdelt(archive)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ParseError) as err:
        read_gdelt(bad)
    assert err.value.file == str(bad)


# -- hostile rows (issue 19) --------------------------------------------------------------------
@pytest.mark.parametrize("day", ["２０００0627", "2000_627", "+2000627", " 2000627", "٢٠٠٠0627"])
def test_dates_in_other_digits_or_shapes_are_refused(tmp_path: Path, day: str) -> None:
    rows = lines()
    cells = rows[4].split("\t")
    cells[1] = day
    rows[4] = "\t".join(cells)
    path = tmp_path / "odd.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DateError) as info:
        read_gdelt(path)
    assert info.value.line == 5 and info.value.field == "SQLDATE"


def test_a_form_feed_inside_a_cell_keeps_line_numbers(tmp_path: Path) -> None:
    rows = lines()
    cells = rows[2].split("\t")
    cells[6] = cells[6] + "\x0c\u2028\x85"
    rows[2] = "\t".join(cells)
    path = tmp_path / "ff.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = read_gdelt(path)
    assert result.rows == len(rows)
    assert sorted(s.line for e in result.graph.events.values() for s in e.sources) == \
        list(range(1, len(rows) + 1))
