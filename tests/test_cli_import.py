"""``korea-graph import`` and ``korea-graph cameo``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from korea_graph.cli import main
from korea_graph.eventdata.cameo_export import CAMEO_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"
ICEWS = FIXTURES / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv"
GDELT = FIXTURES / "gdelt1_events_sample.tsv"


def table(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == list(CAMEO_COLUMNS)
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_import_merges_with_the_curated_graph(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "both.tsv"
    assert main(["import", "--from", "icews", str(ICEWS), "-o", str(out)]) == 0
    rows = table(out)
    assert {r["Dataset"] for r in rows} == {"curated", "icews"}
    assert any(r["Event"] == "lee-visits-moscow" for r in rows)
    assert "494 rows, 0 skipped" in capsys.readouterr().err


def test_import_alone_and_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--from", "gdelt", str(GDELT), "--alone"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t") == list(CAMEO_COLUMNS)
    assert {line.split("\t")[CAMEO_COLUMNS.index("Dataset")] for line in out[1:]} == {"gdelt1"}


def test_import_to_plover_json_and_turtle(tmp_path: Path) -> None:
    assert main(["import", "--from", "icews", str(ICEWS), "-o", str(tmp_path / "p.json")]) == 0
    records = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert any(s["dataset"] == "icews" for r in records for s in r["sources"])
    assert main(["import", "--from", "icews", str(ICEWS), "-o", str(tmp_path / "g.ttl")]) == 0
    from korea_graph.linked_data.rdf import read_rdf

    graph = read_rdf(tmp_path / "g.ttl")
    assert "sergey-viktorovich-lavrov" in graph.actors and "lee-visits-moscow" in graph.events
    assert any(e.sources and e.sources[0].dataset == "icews" for e in graph.events.values())


def test_a_bad_row_fails_with_file_and_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    lines = ICEWS.read_text(encoding="utf-8").splitlines()
    lines[11] = lines[11].replace("\t040\t", "\t4O\t")  # line 12, letter O
    bad = tmp_path / "bad.tsv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert main(["import", "--from", "icews", str(bad), "-o", str(out)]) == 2
    assert f"{bad}:12: CAMEO Code: unknown CAMEO event code '4O'" in capsys.readouterr().err
    assert not out.exists()
    assert main(["import", "--from", "icews", str(bad), "--skip-bad-rows", "-o", str(out)]) == 0
    assert f"skipped {bad}:12:" in capsys.readouterr().err
    assert len([r for r in table(out) if r["Dataset"] == "icews"]) > 0


def test_cameo_exports_the_curated_graph(tmp_path: Path) -> None:
    assert main(["cameo", "-o", str(tmp_path / "c.tsv")]) == 0
    rows = table(tmp_path / "c.tsv")
    assert {r["Dataset"] for r in rows} == {"curated"} and len(rows) > 20
    assert main(["cameo", "-o", str(tmp_path / "c.json")]) == 0
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))[0]["event"]
