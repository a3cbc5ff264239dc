"""CAMEO dyadic rows and PLOVER JSON from the curated article and from imports."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from korea_graph import KnowledgeGraph
from korea_graph.core.names import normalize
from korea_graph.eventdata.cameo_export import (
    CAMEO_COLUMNS,
    to_cameo_rows,
    to_plover_json,
    write_cameo_tsv,
    write_plover_json,
)
from korea_graph.eventdata.icews import COLUMNS, read_icews

FIXTURE = Path(__file__).parent / "fixtures" / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv"


def rows_of(kg: KnowledgeGraph, event: str) -> list[tuple[str, str, str, str, str]]:
    return [(r["Source Name"], r["Source Code"], r["CAMEO Code"], r["Target Name"],
             r["Target Code"]) for r in to_cameo_rows(kg) if r["Event"] == event]


def test_curated_events_as_cameo_dyads(kg: KnowledgeGraph) -> None:
    # the article names no host of Ivanov's visit: the target is the visited country
    assert rows_of(kg, "ivanov-visits-pyongyang") == [
        ("Igor Ivanov", "RUSGOV", "042", "North Korea", "PRK")]
    assert rows_of(kg, "ivanov-lee-talks") == [
        ("Igor Ivanov", "RUSGOV", "046", "Lee Joung-binn", "KORGOV"),
        ("Lee Joung-binn", "KORGOV", "046", "Igor Ivanov", "RUSGOV")]
    # planned: an intent to meet, not a visit
    assert [r[2] for r in rows_of(kg, "putin-visits-pyongyang")] == ["036"]
    assert rows_of(kg, "russia-considers-arms-sales")[0][2] == "0332"
    # a news report is not a political act
    assert rows_of(kg, "washington-times-report") == []


def test_extra_columns_keep_status_dates_and_evidence(kg: KnowledgeGraph, article: str) -> None:
    assert not [r for r in to_cameo_rows(kg) if r["Event"] == "lee-meets-putin"]
    [row] = [r for r in to_cameo_rows(kg, all_statuses=True)
             if r["Event"] == "lee-meets-putin"][:1]
    # the expected meeting would have been during Lee's stay, June 28 to the end of last week
    assert row["Status"] == "did_not_happen" and row["Date"] == "2000-06-28/2000-07-02"
    assert row["Dataset"] == "curated" and row["Story ID"] == "monitor-6-129"
    assert row["Evidence"] in " ".join(article.split())
    assert list(row) == list(CAMEO_COLUMNS) and list(CAMEO_COLUMNS[:20]) == list(COLUMNS)


def test_cells_never_break_the_tsv(kg: KnowledgeGraph, tmp_path: Path) -> None:
    ivanov = replace(kg.actors["igor-ivanov"], label="Igor\tIvanov\nthe minister")
    bad = KnowledgeGraph(documents=kg.documents.values(),
                         actors=[ivanov if a.id == "igor-ivanov" else a
                                 for a in kg.actors.values()],
                         events=kg.events.values(), affiliations=kg.affiliations.values())
    path = write_cameo_tsv(bad, tmp_path / "out.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == len(CAMEO_COLUMNS) for line in lines)
    assert any("Igor Ivanov the minister" in line for line in lines)


def test_the_curated_export_reads_back_as_icews(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = write_cameo_tsv(kg, tmp_path / "curated.tsv")
    back = read_icews(path, base=kg)
    assert back.rows == len(to_cameo_rows(kg)) and back.skipped == ()
    # a visit's 042 and 043 rows become one visit again
    assert {e.cameo for e in back.graph.events.values()} == {
        r["CAMEO Code"] for r in to_cameo_rows(kg)} - {"043"}
    kg.merge(back.graph)


def key(kg: KnowledgeGraph) -> list[tuple[object, ...]]:
    return sorted((e.when.iso(), e.cameo, e.type.value, e.status.value,
                   frozenset(normalize(kg.actors[a].label) for a in e.actors()))
                  for e in kg.events.values())


def test_import_export_import_keeps_every_event(tmp_path: Path) -> None:
    first = read_icews(FIXTURE).graph
    path = write_cameo_tsv(first, tmp_path / "again.tsv")
    second = read_icews(path).graph
    assert len(second.events) == len(first.events)
    assert key(second) == key(first)


def test_plover_json(kg: KnowledgeGraph, tmp_path: Path) -> None:
    records = json.loads(write_plover_json(kg, tmp_path / "p.json").read_text(encoding="utf-8"))
    assert records == to_plover_json(kg)
    by_id = {r["id"]: r for r in records}
    visit = by_id["lee-visits-moscow"]
    assert (visit["event"], visit["mode"], visit["cameo"]) == ("CONSULT", "visit", "042")
    assert [a["actorText"] for a in visit["source"]] == ["Lee Joung-binn"]
    assert [a["code"] for a in visit["target"]] == ["RUS"]
    summit = by_id["inter-korean-summit"]
    assert [a["id"] for a in summit["source"] + summit["target"]] == ["kim-jong-il",
                                                                     "kim-dae-jung"]
    assert summit["text"] and summit["evidence"][0]["document"] == "monitor-6-129"
    # CAMEO roots 01 and 02 (statements, appeals) have no PLOVER category
    assert "putin-letter-to-kim" not in by_id
    assert "lee-meets-putin" not in by_id  # did not happen
    assert all(r["event"] for r in records)


def test_plover_json_of_imported_events_keeps_provenance() -> None:
    records = to_plover_json(read_icews(FIXTURE).graph)
    signing = next(r for r in records if r["cameo"] == "057" and r["status"] == "disputed")
    assert {s["storyId"] for s in signing["sources"]} == {"47400719"}
    assert signing["evidence"] == [] and signing["text"] is None
