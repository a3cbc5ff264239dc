"""Curated claims are the truth of the graph: drafts of news the project never curated,
loaded beside the shipped corpus, change no curated record and no curated answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import korea_graph
from korea_graph.curation.draft import draft_file

NEWS = Path(__file__).parent / "fixtures" / "news"


def _header(text: str, key: str) -> str:
    found = re.search(rf"^{key}:\s*(.+)$", text, re.MULTILINE)
    assert found, f"no {key} line"
    return found.group(1).strip()


@pytest.fixture(scope="module")
def with_drafts(tmp_path_factory: pytest.TempPathFactory) -> korea_graph.KnowledgeGraph:
    base = korea_graph.load()
    out = tmp_path_factory.mktemp("drafts")
    files = []
    for source in sorted(NEWS.glob("*.txt")):
        words = source.read_text(encoding="utf-8")
        # a document of its own, even where the corpus curates the same text
        text = out / f"unreviewed-{source.name}"
        text.write_text(words, encoding="utf-8")
        drafted = draft_file(text, published=_header(words, "PUBLISHED"),
                             source=_header(words, "PUBLISHER"), base=base)
        files.append(drafted.write(out / f"{text.stem}.yaml"))
    return korea_graph.load(*files, corpus=True)


def _view(record: object) -> tuple[object, ...]:
    fields = ("status", "when", "place", "label", "participants", "holder", "target",
              "organization", "title", "hedges", "citations")
    return tuple(getattr(record, f, None) for f in fields)


def test_the_drafts_are_loaded_beside_the_corpus(with_drafts: korea_graph.KnowledgeGraph
                                                 ) -> None:
    base = korea_graph.load()
    added = set(with_drafts.documents) - set(base.documents)
    assert len(added) == len(list(NEWS.glob("*.txt")))
    # the drafts say something: their unreviewed records are in the graph
    assert any(with_drafts.is_unreviewed(e) for e in with_drafts.events.values())


def test_no_curated_record_changes(with_drafts: korea_graph.KnowledgeGraph) -> None:
    base = korea_graph.load()
    for table in ("events", "affiliations", "stances"):
        mine, theirs = getattr(base, table), getattr(with_drafts, table)
        changed = [rid for rid, rec in mine.items()
                   if rid not in theirs or _view(theirs[rid]) != _view(rec)]
        assert changed == [], f"{table} changed by unreviewed drafts: {changed}"


def test_no_curated_actor_gains_or_loses_a_name(with_drafts: korea_graph.KnowledgeGraph
                                                ) -> None:
    base = korea_graph.load()
    changed = [a.id for a in base.actors.values()
               if (with_drafts.actors[a.id].label, with_drafts.actors[a.id].aliases,
                   with_drafts.actors[a.id].kind) != (a.label, a.aliases, a.kind)]
    assert changed == []


def test_who_met_whom_before_the_trip_keeps_every_curated_row(
        with_drafts: korea_graph.KnowledgeGraph) -> None:
    question = "who met whom before Putin's trip"

    def rows(kg: korea_graph.KnowledgeGraph) -> list[tuple[str, ...]]:
        return [(r["subject"], r["object"], str(r["date"]), r["status"])
                for r in korea_graph.ask(kg, question).to_records() if not r.get("review")]

    assert rows(with_drafts) == rows(korea_graph.load())
