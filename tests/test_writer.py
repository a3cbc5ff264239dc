"""Writing a graph as a data file: the loader reads back an equal graph, for the shipped
data, for graphs made with the builder, and after load, add, write."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import built_graphs, time_spans

import korea_graph
from korea_graph import Builder, DataError, KnowledgeGraph, SchemaError, TimeSpan, to_yaml
from korea_graph.curation import checks
from korea_graph.curation.loader import bundled_data_files
from korea_graph.curation.writer import write_data, yaml_time


def test_the_shipped_corpus_reads_back_equal(tmp_path: Path) -> None:
    shipped = korea_graph.load()
    paths = write_data(shipped, tmp_path / "first")
    assert len(paths) == len(shipped.documents) == len(bundled_data_files())
    again = korea_graph.load(*paths)
    assert again == shipped
    second = write_data(again, tmp_path / "second")  # and writes the same files again
    for a, b in zip(paths, second, strict=True):
        assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", bundled_data_files(), ids=lambda p: p.name)
def test_each_shipped_document_is_written_whole(source: Path, tmp_path: Path) -> None:
    shipped = korea_graph.load()
    doc_id = yaml.safe_load(source.read_text(encoding="utf-8"))["document"]["id"]
    text = to_yaml(shipped, tmp_path / source.name, document=doc_id)
    assert f"id: {doc_id}" in text
    # a file that refers to no other document loads alone to the same records
    alone = korea_graph.load(tmp_path / source.name, corpus=False)
    assert alone.given[1:] == tuple(
        tuple(r for r in records if doc_id in {e.document for e in r.evidence})
        for records in shipped.given[1:])


def test_relative_times_stay_relative(kg: KnowledgeGraph) -> None:
    text = to_yaml(kg)
    assert "when: {relative: last week}" in text
    assert "published: {between: ['2000-07-03', '2000-07-04'], phrase: early July 2000" in text


def test_load_add_write_in_the_same_document(tmp_path: Path) -> None:
    b = Builder(korea_graph.load_file(bundled_data_files()[0]))
    b.event("railroad-on-putins-agenda", "talks", "The railroad project on Putin's agenda",
            participants={"Putin": "participant", "trans-siberian-railroad": "topic"},
            when={"relative": "later this month"}, status="planned",
            evidence="That project too will reportedly be on Putin’s agenda when he visits "
                     "Pyongyang later this month")
    kg = b.build()
    b.to_yaml(tmp_path / "monitor.yaml")
    assert korea_graph.load(tmp_path / "monitor.yaml") == kg


def test_load_add_write_a_new_document(tmp_path: Path) -> None:
    shipped = korea_graph.load()
    b = Builder(shipped)
    b.actor("tass", "TASS", "news_outlet")   # Sunan airport is the corpus's, by id
    b.document("tass-0719", title="Putin in Pyongyang", publisher="tass",
               published="2000-07-19", text="Putin was met by Kim Jong-il at Sunan airport.",
               license="CC0 1.0")
    b.event("putin-met-at-sunan", "meeting", "Kim Jong-il meets Putin at Sunan",
            participants={"Putin": "guest", "Kim Jong-il": "host"}, place="sunan-airport",
            when="2000-07-19", status="occurred", wording="met",
            evidence="Putin was met by Kim Jong-il at Sunan airport.")
    # this document's report of the article's planned visit: one event, two claims
    b.event("putin-visits-pyongyang", "visit", "Putin in Pyongyang",
            participants={"Putin": "guest"}, place="pyongyang", when="2000-07-19",
            status="occurred", evidence="Putin was met by Kim Jong-il")
    kg = b.build()
    assert kg.events["putin-visits-pyongyang"].status.value == "occurred"
    assert len(kg.claims("putin-visits-pyongyang")) == len(
        shipped.claims("putin-visits-pyongyang")) + 1
    text = b.to_yaml(tmp_path / "tass-0719.yaml")
    assert (tmp_path / "tass-0719.txt").read_text(encoding="utf-8").startswith("Putin was met")
    assert "id: tass" in text and "id: vladimir-putin" not in text  # the article's, by id
    assert korea_graph.load(tmp_path / "tass-0719.yaml", corpus=True) == kg


def test_every_document_of_a_graph_is_written(tmp_path: Path) -> None:
    b = Builder(korea_graph.load())
    b.actor("tass", "TASS", "news_outlet")
    b.document("tass-0719", title="Putin in Pyongyang", publisher="tass",
               published="2000-07-19", text="Putin and Kim Jong-il held talks in Pyongyang.")
    b.event("talks-in-pyongyang", "talks", "Talks in Pyongyang", same_as="putin-kim-jong-il-talks",
            participants={"vladimir-putin": "participant", "kim-jong-il": "participant"},
            when="2000-07-19", status="occurred", evidence="held talks in Pyongyang")
    kg = b.build()
    assert kg.event("talks-in-pyongyang").id == "putin-kim-jong-il-talks"
    paths = write_data(kg, tmp_path)
    assert [p.name for p in paths] == [f"{d}.yaml" for d in kg.documents]
    assert "tass-0719.yaml" in [p.name for p in paths]
    assert korea_graph.load(*paths) == kg


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(built_graphs())
def test_built_graphs_read_back_equal(kg: KnowledgeGraph) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "built.yaml"
        to_yaml(kg, path)
        assert korea_graph.load(path) == kg


_words = st.none() | st.text(min_size=1).map(str.strip).filter(bool)


@settings(max_examples=200, deadline=None)
@given(time_spans(), _words, _words)
def test_any_time_has_a_form_that_reads_back(span: TimeSpan, phrase: str | None,
                                             resolution: str | None) -> None:
    span = span.with_phrase(phrase, resolution)
    assert checks.time(yaml_time(span), "when") == span


def test_what_a_data_file_cannot_hold_is_named(kg: KnowledgeGraph) -> None:
    b = Builder(kg)
    b.actor("tass", "TASS", "news_outlet")
    b.document("note", title="Note", publisher="tass", published="2000-07-20",
               text="Putin spoke.")
    b.event("putin-speaks", "statement", "Putin speaks",
            participants={"Putin": "speaker"}, when="2000-07-20", status="occurred",
            evidence=["Putin spoke.", {"quote": "Putin", "document": "monitor-6-129",
                                       "start": kg.documents["monitor-6-129"].text.index(
                                           "Putin")}])
    both = b.build()
    with pytest.raises(DataError, match=r"the graph has 2 documents \(expected document= one "
                                        r"of monitor-6-129, note\)"):
        to_yaml(both)
    with pytest.raises(SchemaError, match=r"events\['putin-speaks'\].evidence: evidence from "
                                          r"several documents: monitor-6-129, note"):
        to_yaml(both, document="note")
    with pytest.raises(DataError, match="no document 'nope'"):
        to_yaml(both, document="nope")
    coded = korea_graph.read_icews(
        Path(__file__).parent / "fixtures" / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv", base=kg)
    with pytest.raises(SchemaError, match=r"events\['icews-.*'\]\.sources: machine-coded"):
        to_yaml(kg.merge(coded.graph))


def test_names_added_to_a_base_actor_are_written_and_read_back(tmp_path: Path) -> None:
    shipped = korea_graph.load()
    (tmp_path / "note.txt").write_text("Chairman Kim met the envoy in Pyongyang.\n",
                                       encoding="utf-8")
    (tmp_path / "note.yaml").write_text("""format: korea_graph/1
document: {id: note, title: a note, text: note.txt, publisher: analyst, published: 2000-07-20}
actors:
  - {id: analyst, label: Analyst, kind: news_outlet}
  - {id: kim-jong-il, aliases: [Chairman Kim, Dear Leader], mentions: [the Chairman],
     inferred: [{field: alias, value: Dear Leader, reason: a public source}]}
""", encoding="utf-8")
    kg = korea_graph.load(tmp_path / "note.yaml", corpus=True)
    text = to_yaml(kg, tmp_path / "out" / "note.yaml", document="note", base=shipped)
    assert yaml.safe_load(text)["actors"][1] == {
        "id": "kim-jong-il", "aliases": ["Chairman Kim", "Dear Leader"],
        "mentions": ["the Chairman"],
        "inferred": [{"field": "alias", "value": "Dear Leader", "reason": "a public source"}]}
    assert "id: vladimir-putin" not in text
    again = korea_graph.load(tmp_path / "out" / "note.yaml", corpus=True)
    assert again.actors["kim-jong-il"] == kg.actors["kim-jong-il"]
    assert "Chairman Kim" not in shipped.actors["kim-jong-il"].aliases


def test_each_record_is_shown_as_the_file_writes_it(kg: KnowledgeGraph) -> None:
    from korea_graph.curation.writer import records_yaml

    shown = records_yaml(kg)
    text = to_yaml(kg)
    assert set(shown) == {*kg.actors, *(e.id for e in kg.given[1]), *kg.affiliations,
                          *kg.stances}
    for record_id, lines in shown.items():
        body = lines.split("\n", 1)[1]  # under "events:" and the like, as in the file
        assert body in text, record_id
