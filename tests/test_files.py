"""Atomic writes: a failed write never destroys the old file (issue 19)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import korea_graph
from korea_graph import KnowledgeGraph
from korea_graph.eventdata.cameo_export import write_cameo_tsv, write_plover_json
from korea_graph.files import atomic_open, write_text
from korea_graph.linked_data.rdf import write_rdf


def _with_surrogate(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The graph with a lone surrogate in an actor's label (only Python code can make one:
    the loader and the builder refuse it)."""
    actors = [replace(a, label=a.label + "\ud800") if a.id == "russia" else a
              for a in kg.actors.values()]
    return KnowledgeGraph(documents=kg.documents.values(), actors=actors,
                          events=kg.events.values(), affiliations=kg.affiliations.values(),
                          stances=kg.stances.values())


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = write_text(tmp_path / "out.txt", "old")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("writer", [
    lambda kg, path: korea_graph.view(kg).save(path),
    lambda kg, path: write_cameo_tsv(kg, path),
    lambda kg, path: write_plover_json(kg, path),
    lambda kg, path: write_rdf(kg, path, "ntriples"),
], ids=["view", "cameo", "plover", "rdf"])
def test_every_writer_keeps_the_old_file_when_it_fails(tmp_path: Path, kg: KnowledgeGraph,
                                                       writer: object) -> None:
    target = write_text(tmp_path / "out.file", "the old content")
    with pytest.raises((UnicodeEncodeError, korea_graph.errors.KoreaGraphError)):
        writer(_with_surrogate(kg), target)  # type: ignore[operator]
    assert target.read_text(encoding="utf-8") == "the old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file"]


def test_cli_view_keeps_the_old_output(tmp_path: Path, data_copy: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from korea_graph.cli import main

    text = data_copy.read_text(encoding="utf-8")
    data_copy.write_text(text.replace("label: Russia,", 'label: "Rus\\ud800sia",', 1),
                         encoding="utf-8")
    out = write_text(tmp_path / "old.html", "<p>old</p>")
    assert main(["--data", str(data_copy), "--only", "view", "-o", str(out)]) != 0
    assert out.read_text(encoding="utf-8") == "<p>old</p>"
    assert "lone surrogate" in capsys.readouterr().err
