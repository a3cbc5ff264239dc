"""ICEWS import: the 494 RUS/PRK/KOR/USA dyads of 1-2 June 2018."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from korea_graph import KnowledgeGraph, load
from korea_graph.core.model import ActorKind, EventType, Role, Status
from korea_graph.errors import DataError, DateError, ParseError, SchemaError, VocabularyError
from korea_graph.eventdata.icews import read_icews

FIXTURE = Path(__file__).parent / "fixtures" / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv"
LAVROV = "sergey-viktorovich-lavrov"


def fixture_rows() -> list[list[str]]:
    """The fixture's data rows as cells, in file order (line n+2 is row n)."""
    return [line.split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()[1:]]


@pytest.fixture(scope="module")
def curated() -> KnowledgeGraph:
    return load()


@pytest.fixture(scope="module")
def merged(curated: KnowledgeGraph) -> KnowledgeGraph:
    return curated.merge(read_icews(FIXTURE, base=curated).graph)


def test_all_494_rows_load_and_each_is_kept_as_provenance() -> None:
    result = read_icews(FIXTURE)
    assert result.rows == 494 and result.skipped == ()
    records = [s for e in result.graph.events.values() for s in e.sources]
    assert len(records) == 494
    assert sorted(r.line for r in records if r.line) == list(range(2, 496))
    rows = fixture_rows()
    for record in records:
        cells = rows[record.line - 2]  # type: ignore[operator]
        assert record.row_id == cells[0] and record.story_id == cells[11]
        assert record.sentence == int(cells[12]) and record.publisher == cells[13]
        assert record.file == str(FIXTURE) and record.dataset == "icews"
    for event in result.graph.events.values():
        assert event.evidence == () and event.cameo
        assert event.status in (Status.REPORTED, Status.PLANNED, Status.DISPUTED)


def test_who_met_whom_lavrov_in_pyongyang(merged: KnowledgeGraph) -> None:
    june = (date(2018, 6, 1), date(2018, 6, 2))
    [lavrov] = merged.find_actors("Lavrov")
    assert lavrov.id == LAVROV and lavrov.country == "russia"
    met = {r.other(LAVROV): r for r in merged.relations("met_with", actor=lavrov)
           if r.status is Status.REPORTED
           and r.when.earliest is not None and june[0] <= r.when.earliest <= june[1]}
    assert {"kim-jong-un", "kim-yong-chol", "ri-yong-ho", "north-korea"} <= set(met)
    meeting = merged.events[met["kim-jong-un"].record]
    assert meeting.cameo == "040" and meeting.type is EventType.MEETING
    stories = {s.story_id for s in meeting.sources}
    assert len(stories) > 1, "one meeting, reported by several stories"
    # two stories put it in the Kremlin, two in Pyongyang: no place, and a note says so
    assert meeting.place is None
    assert "Moscow Kremlin (2 stories), Pyongyang (2 stories)" in (meeting.note or "")
    rows = fixture_rows()
    expected = [c for c in rows if c[6] == "040" and {c[2], c[8]} == {
        "Sergey Viktorovich Lavrov", "Kim Jong-Un"}]
    assert len(meeting.sources) == len(expected)


def test_042_and_043_rows_are_one_visit(merged: KnowledgeGraph) -> None:
    visits = [e for e in merged.find_events(type="visit", involving=LAVROV)
              if e.cameo in ("042", "043")]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.actors(Role.GUEST) == (LAVROV,) and visit.actors(Role.HOST) == ("north-korea",)
    assert visit.place == "pyongyang"  # the curated city
    codes = {fixture_rows()[s.line - 2][6] for s in visit.sources}  # type: ignore[operator]
    assert codes == {"042", "043"}
    assert any(r.target == "pyongyang" for r in merged.relations("visited", source=LAVROV))


def test_repeated_reports_of_one_signing_are_one_event(merged: KnowledgeGraph) -> None:
    names = {"Kim Jong-Un", "Moon Jae-in"}
    rows = [c for c in fixture_rows() if c[6] == "057" and {c[2], c[8]} == names]
    signings = [e for e in merged.find_events(type="signing", involving="kim-jong-un")]
    assert len(signings) == 1 and len(signings[0].sources) == len(rows) > 2
    assert set(signings[0].actors(Role.SIGNATORY)) == {"kim-jong-un", "moon-jae-in"}


def test_the_misdated_2000_summit_row_is_disputed(merged: KnowledgeGraph) -> None:
    event = next(e for e in merged.events.values()
                 if e.cameo == "057" and "kim-jong-il" in e.actors())
    assert event.status is Status.DISPUTED and event.status.is_hedged
    assert "2011-12-17" in (event.note or "")
    assert set(event.actors()) == {"kim-jong-il", "kim-dae-jung"}  # the curated actors
    alone = read_icews(FIXTURE)
    assert len(alone.disputed) == 2  # and Jo Myong-rok meeting Bill Clinton (October 2000)
    assert all(alone.graph.events[e].status is Status.DISPUTED for e in alone.disputed)


def test_actors_are_matched_to_the_curated_graph(curated: KnowledgeGraph,
                                                 merged: KnowledgeGraph) -> None:
    imported = read_icews(FIXTURE, base=curated).graph
    for actor_id in ("russia", "north-korea", "kim-dae-jung", "ap", "pyongyang", "moscow"):
        assert actor_id in imported.actors and imported.actors[actor_id].kind is \
            curated.actors[actor_id].kind
    assert "Kim Daejung" in merged.actors["kim-dae-jung"].aliases
    assert len(merged.actors) == len(curated.actors) + len(
        set(imported.actors) - set(curated.actors))
    assert merged.actor("Sergey Viktorovich Lavrov").country == "russia"


def test_sectors_give_kinds_and_countries() -> None:
    actors = read_icews(FIXTURE).graph.actors
    assert actors["foreign-affairs-south-korea"].kind is ActorKind.MINISTRY
    assert actors["foreign-affairs-south-korea"].country == "south-korea"
    assert actors["state-media-north-korea"].kind is ActorKind.NEWS_OUTLET
    assert actors["mike-pompeo"].kind is ActorKind.PERSON
    assert actors["russia"].kind is ActorKind.STATE and "Russian Federation" in \
        actors["russia"].aliases


# -- bad rows -------------------------------------------------------------------------------
def broken(tmp_path: Path, edits: dict[int, tuple[int, str]]) -> Path:
    """A copy of the fixture with cell ``col`` of line ``n`` replaced (None: dropped)."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    for n, (col, value) in edits.items():
        cells = lines[n - 1].split("\t")
        if value == "<drop>":
            del cells[col]
        else:
            cells[col] = value
        lines[n - 1] = "\t".join(cells)
    path = tmp_path / "broken.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "col", "value", "error", "field"), [
    (10, 19, "<drop>", ParseError, None),
    (20, 6, "999", VocabularyError, "CAMEO Code"),
    (30, 6, "42", VocabularyError, "CAMEO Code"),
    (40, 1, "2018-13-01", DateError, "Event Date"),
    (50, 2, "NA", SchemaError, "Source Name"),
])
def test_a_bad_row_stops_the_import_with_file_and_line(
        tmp_path: Path, line: int, col: int, value: str, error: type[DataError],
        field: str | None) -> None:
    path = broken(tmp_path, {line: (col, value)})
    with pytest.raises(error) as err:
        read_icews(path)
    assert err.value.file == str(path) and err.value.line == line
    assert err.value.field == field
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_skipping_bad_rows_reports_each_and_keeps_the_rest(tmp_path: Path) -> None:
    path = broken(tmp_path, {10: (19, "<drop>"), 20: (6, "999"), 40: (1, "2018-13-01")})
    result = read_icews(path, skip_bad_rows=True)
    assert [(s.line, s.file) for s in result.skipped] == [(10, str(path)), (20, str(path)),
                                                          (40, str(path))]
    assert "999" in result.skipped[1].reason and "Event Date" in result.skipped[2].reason
    assert result.rows == 494 and result.reports == 491
    assert sum(len(e.sources) for e in result.graph.events.values()) == 491


def test_a_failed_import_loses_nothing(tmp_path: Path, curated: KnowledgeGraph) -> None:
    before = load()
    with pytest.raises(VocabularyError):
        read_icews(broken(tmp_path, {400: (6, "999")}), base=curated)
    assert curated == before


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        read_icews(tmp_path / "missing.tsv")
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ParseError, match="empty"):
        read_icews(empty)
    headless = tmp_path / "headless.tsv"
    shutil.copy(FIXTURE, headless)
    lines = headless.read_text(encoding="utf-8").splitlines()
    headless.write_text("\n".join(lines[1:]), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_icews(headless)
    assert err.value.line == 1 and "Event Date" in str(err.value)


def test_a_byte_order_mark_is_not_part_of_the_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert read_icews(path).rows == 494


# -- hostile event files (issue 19) -------------------------------------------------------------
@pytest.mark.parametrize("char", ["\u2028", "\x85", "\x0c", "\x1c", "\u2029", "\r"])
def test_control_characters_inside_cells_do_not_split_rows(tmp_path: Path, char: str) -> None:
    path = broken(tmp_path, {10: (5, f"Make{char}a visit"), 20: (13, f"Reu{char}ters")})
    result = read_icews(path)
    assert result.rows == 494
    lines = sorted(s.line for e in result.graph.events.values() for s in e.sources if s.line)
    assert lines == list(range(2, 496))


@pytest.mark.parametrize(("col", "value", "field"), [
    (1, "２０１８-06-01", "Event Date"), (1, "2018-0٦-01", "Event Date"),
    (12, "²", "Sentence Number"), (12, "٣", "Sentence Number")])
def test_numbers_and_dates_in_other_digits_are_refused(tmp_path: Path, col: int, value: str,
                                                       field: str) -> None:
    with pytest.raises(DataError) as info:
        read_icews(broken(tmp_path, {30: (col, value)}))
    assert info.value.line == 30 and info.value.field == field


def test_skipping_bad_rows_when_every_row_is_bad_is_an_error(tmp_path: Path) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    bad = [lines[0]] + [line.replace("\t042\t", "\t999\t").replace("\t2018-", "\tx2018-")
                        for line in lines[1:]]
    path = tmp_path / "all-bad.tsv"
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match="every row is bad") as info:
        read_icews(path, skip_bad_rows=True)
    assert info.value.line == 2
    from korea_graph.cli import main

    assert main(["import", "--from", "icews", str(path), "--skip-bad-rows", "-o",
                 str(tmp_path / "out.ttl")]) != 0
    assert not (tmp_path / "out.ttl").exists()


def test_a_byte_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    raw = FIXTURE.read_bytes().split(b"\n")
    raw[40] = raw[40][:3] + b"\xff" + raw[40][3:]
    path = tmp_path / "bytes.tsv"
    path.write_bytes(b"\n".join(raw))
    with pytest.raises(ParseError, match="not UTF-8") as info:
        read_icews(path)
    assert info.value.line == 41


def test_an_endless_line_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="longer than") as info:
        read_icews("/dev/zero")
    assert info.value.line == 1 and info.value.file == "/dev/zero"


def test_a_zip_bomb_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    import korea_graph.eventdata.coded_rows as coded_rows

    bomb = tmp_path / "bomb.zip"
    row = FIXTURE.read_text(encoding="utf-8").splitlines()[1]
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("events.tsv", "w") as member:
        member.write(FIXTURE.read_text(encoding="utf-8").splitlines()[0].encode() + b"\n")
        for _ in range(40):
            member.write((row + "\n").encode() * 1000)
    assert bomb.stat().st_size < coded_rows.MAX_FILE_BYTES
    monkeypatch.setattr(coded_rows, "MAX_FILE_BYTES", 1_000_000)
    with pytest.raises(ParseError, match="more than 1000000 bytes") as info:
        read_icews(bomb)
    assert info.value.file == str(bomb) and info.value.line is not None
