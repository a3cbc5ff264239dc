"""The store's side tables: who met whom and the question vocabulary read from them give
what the store's RDF gives (by SPARQL) and what the graph in memory gives, through adds,
merges, removals, failures, kills and stale or damaged index files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import korea_graph
import korea_graph.scale.store as store_module
from korea_graph import KnowledgeGraph, load
from korea_graph.curation.loader import bundled_data_files
from korea_graph.errors import DataError, QueryError
from korea_graph.questions.query import meetings
from korea_graph.scale import store_ask
from korea_graph.scale.store import Store, find_meetings
from korea_graph.scale.store_index import FILE_NAME
from korea_graph.scale.synthetic import generate

EXAMPLE = Path(__file__).parent.parent / "examples" / "second-document" / "analyst-note.yaml"


def _rows(found: list[store_module.StoreMeeting]) -> list[tuple[str, str, str, str, str]]:
    return [(m.record, m.source, m.target, m.status.value, m.certainty) for m in found]


def _memory(kg: KnowledgeGraph, **query: str) -> set[tuple[str, str, str, str]]:
    return {(f.record_id, f.subject_id, f.object_id, f.certainty)
            for f in meetings(kg, **query)}


def _check(store: Store, kg: KnowledgeGraph, anchors: list[str], who: str) -> None:
    """The index, SPARQL on the store and the graph in memory agree (rows, order,
    certainty), for everyone and for one actor."""
    assert store.index is not None
    for anchor in [*anchors, None]:
        for involving in (None, who):
            query = {k: v for k, v in (("before", anchor), ("involving", involving)) if v}
            by_index = store.meetings(**query)  # type: ignore[arg-type]
            by_sparql = find_meetings(store.sparql, **query)  # type: ignore[arg-type]
            assert _rows(by_index) == _rows(by_sparql)
            assert len(by_index) == len(by_sparql)  # the count by day, not the rows read
            if anchor is not None:
                assert {(r, s, t, c) for r, s, t, _, c in _rows(by_index)} == \
                    _memory(kg, **query)
    assert any(store.meetings(before=anchors[0]))
    by_index = store_ask._read_vocabulary(store)
    by_sparql = store_ask._query_vocabulary(store)
    assert by_index.actors == by_sparql.actors
    assert by_index.lexicon == by_sparql.lexicon
    assert by_index.latest_documents == by_sparql.latest_documents


def test_the_shipped_corpus_with_merged_claims(tmp_path: Path) -> None:
    kg = load()
    with Store.open(tmp_path / "s") as store:
        store.add(kg)
        _check(store, kg, ["2000-07-01", "2000-06-15", kg.event("Putin's trip").id],
               "kim-yong-nam")


def test_adds_merges_and_removals_keep_the_index_right(tmp_path: Path) -> None:
    article = korea_graph.load(bundled_data_files()[0])
    note = korea_graph.load(bundled_data_files()[0], EXAMPLE)
    corpus = generate(events=800, seed=4)
    with Store.open(tmp_path / "s") as store:
        store.add(article)
        store.add(corpus, batch_quads=8_000)
        _check(store, article.merge(corpus), ["2000-07-01", "event-0000400"], "person-000002")
        store.add(note, stored="keep")  # merges with the stored article: rewritten
        _check(store, note.merge(corpus), ["2000-07-21", "event-0000400"], "vladimir-putin")
        indexed = store.index.graphs()  # type: ignore[union-attr]
    (tmp_path / "s" / FILE_NAME).unlink()  # rebuilt from the RDF, merged group included
    with Store.open(tmp_path / "s") as store:
        assert store.index is not None and store.index.graphs() == indexed
        _check(store, note.merge(corpus), ["2000-07-21", "event-0000400"], "vladimir-putin")
        store.remove("analyst-note-2000-07-20")
        store.remove("doc-000003")
        rest = article.merge(corpus.select(documents=[d for d in corpus.documents
                                                      if d != "doc-000003"]))
        _check(store, rest, ["2000-07-21", "event-0000700"], "person-000002")
        assert set(store.index.graphs()) == set(store.graphs())  # type: ignore[union-attr]


def test_a_failed_add_leaves_the_index_as_it_was(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    base = generate(events=200, seed=1, prefix="base-")
    real = store_module._catalogue_quads
    calls = []

    def failing(ox: object, entries: list[tuple[str, int, str | None]]) -> list[object]:
        calls.append(entries)
        if len(calls) == 3:
            raise OSError("disk full (simulated)")
        return real(ox, entries)

    with Store.open(tmp_path / "s") as store:
        store.add(base)
        assert store.index is not None
        before = store.index.graphs(), list(store.meetings())
        monkeypatch.setattr(store_module, "_catalogue_quads", failing)
        with pytest.raises(OSError, match="disk full"):
            store.add(generate(events=600, seed=1), batch_quads=2_000)
        assert (store.index.graphs(), list(store.meetings())) == before
        assert store.documents() == list(base.documents)


def test_a_stale_or_missing_index_is_reconciled_on_open(tmp_path: Path) -> None:
    corpus = generate(events=500, seed=3)
    folder = tmp_path / "s"
    with Store.open(folder) as store:
        store.add(corpus)
        expected = _rows(store.meetings(before="event-0000300"))
        graphs = store.graphs()
    # a kill between the two commits: the catalogue lists a graph the index lacks, and
    # the index holds a graph the catalogue no longer lists
    db = sqlite3.connect(folder / FILE_NAME)
    seq = db.execute("SELECT seq FROM graphs WHERE graph = ?", (graphs[2],)).fetchone()[0]
    for table in ("meetings", "actors", "events", "posts", "documents", "graphs"):
        db.execute(f"DELETE FROM {table} WHERE seq = ?", (seq,))
    db.execute("INSERT INTO graphs VALUES (999, 'https://example.org/removed')")
    db.execute("INSERT INTO meetings VALUES ('ghost', 'a', 'b', 999, 'occurred', NULL, NULL)")
    db.commit()
    db.close()
    with Store.open(folder, read_only=True) as store:  # cannot repair: answers by SPARQL
        assert store.index is None
        assert _rows(store.meetings(before="event-0000300")) == expected
    with Store.open(folder) as store:
        assert store.index is not None and set(store.index.graphs()) == set(graphs)
        assert _rows(store.meetings(before="event-0000300")) == expected
        _check(store, corpus, ["event-0000300"], "person-000001")
    (folder / FILE_NAME).unlink()  # a store written before the index: indexed on open
    with Store.open(folder) as store:
        assert _rows(store.meetings(before="event-0000300")) == expected
    with Store.open(folder, read_only=True) as store:
        assert store.index is not None
        assert _rows(store.meetings(before="event-0000300")) == expected


def test_an_answer_is_read_in_pages_and_refused_once_the_store_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module.StoreMeetings, "PAGE", 50)
    corpus = generate(events=1_000, seed=6)
    with Store.open(tmp_path / "s") as store:
        store.add(corpus)
        answer = store.meetings(before="event-0000800")
        expected = find_meetings(store.sparql, before="event-0000800")
        assert len(answer) == len(expected) > 200  # several pages
        assert answer[-1] == expected[-1] and answer[3:6] == expected[3:6]
        assert list(answer) == expected and answer == expected
        assert list(answer) == expected  # read again from what was kept
        unread = store.meetings(before="event-0000800")
        assert unread[0] == expected[0]
        store.add(generate(events=100, seed=6, prefix="more-"))
        with pytest.raises(QueryError, match="changed"):
            list(unread)
        assert list(answer) == expected  # fully read before the change: still whole


def test_an_index_of_another_version_is_rebuilt_or_left_aside(tmp_path: Path) -> None:
    corpus = generate(events=300, seed=2)
    folder = tmp_path / "s"
    with Store.open(folder) as store:
        store.add(corpus)
        expected = _rows(store.meetings(before="event-0000200"))
    db = sqlite3.connect(folder / FILE_NAME)  # as an earlier korea_graph left it
    db.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    db.execute("DROP TABLE meeting_days")
    db.commit()
    db.close()
    with Store.open(folder, read_only=True) as store:  # not written: SPARQL answers
        assert store.index is None
        assert _rows(store.meetings(before="event-0000200")) == expected
    with Store.open(folder) as store:  # rebuilt from the RDF
        assert store.index is not None and store.index.current
        assert _rows(store.meetings(before="event-0000200")) == expected
        _check(store, corpus, ["event-0000200"], "person-000001")


def test_a_damaged_index_is_a_located_error(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    with Store.open(folder) as store:
        store.add(generate(events=100))
    (folder / FILE_NAME).write_bytes(b"not a database" * 100)
    for read_only in (True, False):
        with pytest.raises(DataError) as info:
            Store.open(folder, read_only=read_only)
        assert info.value.file == str(folder / FILE_NAME)
        assert "delete the file" in str(info.value)
