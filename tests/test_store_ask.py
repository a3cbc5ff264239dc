"""``ask_store`` (``korea-graph store DIR ask``): questions answered by the store's own
queries give the rows, notes and query text that ``ask`` gives over the same graph in
memory, and never read the whole graph back from the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from korea_graph import KnowledgeGraph
from korea_graph.errors import KoreaGraphError
from korea_graph.questions.english import GRAMMAR, ask
from korea_graph.scale import store_ask
from korea_graph.scale.store import Store
from korea_graph.scale.store_ask import ask_store
from korea_graph.scale.synthetic import generate


def answer(kg: KnowledgeGraph | Store, question: str, **options: Any) -> Any:
    """The rows, notes and query of an answer, or the error it raised."""
    try:
        found = ask_store(kg, question, **options) if isinstance(kg, Store) else ask(
            kg, question, **options)
    except KoreaGraphError as exc:
        return type(exc).__name__, str(exc)
    return list(found), found.notes, found.query, found.columns


@pytest.fixture
def no_full_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Store.graph() (the whole graph) may not be called."""
    def refuse(self: Store, documents: Any = None) -> KnowledgeGraph:
        raise AssertionError("ask_store read the whole graph")

    monkeypatch.setattr(Store, "graph", refuse)
    yield


@pytest.fixture(scope="module")
def curated_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from korea_graph import load

    with Store.open(tmp_path_factory.mktemp("curated")) as store:
        store.add(load())
        yield store


@pytest.mark.parametrize("question", [f.example for f in GRAMMAR])
def test_every_form_as_in_memory(curated_store: Store, corpus: KnowledgeGraph, question: str,
                                 no_full_read: None) -> None:
    assert answer(curated_store, question) == answer(corpus, question)


#: Questions in analysts' words (issue 30): counts, yes/no, extra arguments, kind nouns,
#: periods, clauses, states for their people, plans against what happened.
ANALYST = ["How many times did Ivanov meet Lee Joung-binn?", "Did Ivanov really meet Kim "
           "Yong-nam?", "What did Ivanov propose to Lee Joung-binn?", "Which countries did "
           "Putin visit?", "who met whom at the end of June 2000", "Who did Russia meet?",
           "What does Moscow oppose?", "Which deputy foreign ministers met North Korean "
           "officials?", "who met whom before Putin arrived in Pyongyang",
           "What was planned but did not happen?", "Who met Lee?"]


@pytest.mark.parametrize("question", ANALYST)
def test_analyst_wordings_as_in_memory(curated_store: Store, corpus: KnowledgeGraph,
                                       question: str) -> None:
    mine, theirs = answer(curated_store, question), answer(corpus, question)
    assert mine == theirs
    if not isinstance(mine[0], str):  # an answer, not an error: the same reading
        assert ask_store(curated_store, question).understood == ask(corpus, question).understood


@pytest.mark.parametrize("options", [{"strength": "certainly"}, {"include_planned": True}])
@pytest.mark.parametrize("question", ["who met whom before Putin's trip",
                                      "what happened between June 28 and June 30",
                                      "who visited Moscow", "what did Ivanov propose"])
def test_options_as_in_memory(curated_store: Store, corpus: KnowledgeGraph, question: str,
                              options: dict[str, Any], no_full_read: None) -> None:
    assert answer(curated_store, question, **options) == answer(corpus, question, **options)


def test_as_of_reads_the_documents_published_by_then(curated_store: Store,
                                                     corpus: KnowledgeGraph) -> None:
    for day in ("2000-07-03", "2000-07-20", "2000-06-01"):
        question = "what happened in July 2000"
        assert answer(curated_store, question, as_of=day) == answer(corpus, question,
                                                                    as_of=day)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KnowledgeGraph,
                                                                          Store]]:
    kg = generate(events=800, seed=5)
    with Store.open(tmp_path_factory.mktemp("synthetic")) as store:
        store.add(kg)
        yield kg, store


def synthetic_questions(kg: KnowledgeGraph) -> list[str]:
    events = list(kg.events.values())
    middle, late = events[len(events) // 2].id, events[-3].id
    person = kg.actors["person-000001"].label
    other = kg.actors["person-000002"].label
    return [f"who met whom before {middle}", f"who met whom after {middle}",
            f"who met whom between {middle} and {late}", f"who has {person} met",
            f"who has {person} met before {middle}", f"what did {person} do",
            f"meetings with {person}", f"did {person} meet {other}", "what happened in 1995",
            "which summits took place in 1996", f"visits before {middle}",
            "who received a letter", "where do the sources disagree", f"who is {person}",
            f"when was {middle}", f"who took part in {middle}", f"who wrote to {other}",
            f"how is {person} connected to {other}", "what did we know on 1991-06-30"]


def test_synthetic_corpus_as_in_memory(synthetic: tuple[KnowledgeGraph, Store],
                                       no_full_read: None) -> None:
    kg, store = synthetic
    assert len(store.documents()) == 8
    for question in synthetic_questions(kg):
        assert answer(store, question) == answer(kg, question), question


def test_reads_only_what_the_question_needs(synthetic: tuple[KnowledgeGraph, Store],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    kg, store = synthetic
    read: list[int] = []
    original = store_ask._graph

    def counting(*args: Any, **kwargs: Any) -> KnowledgeGraph:
        graph = original(*args, **kwargs)
        read.append(len(graph.events))
        return graph

    monkeypatch.setattr(store_ask, "_graph", counting)
    person = kg.actors["person-000001"].label
    rows = ask_store(store, f"who has {person} met")
    assert len(rows) == len(ask(kg, f"who has {person} met")) > 0
    assert max(read) < len(kg.events) / 10


def test_the_cli_asks_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                no_full_read: None) -> None:
    from korea_graph import load
    from korea_graph.cli.main import main

    folder = str(tmp_path / "s")
    assert main(["store", folder, "add"]) == 0
    capsys.readouterr()
    assert main(["store", folder, "ask", "who met whom before Putin's trip", "--format",
                 "csv"]) == 0
    assert capsys.readouterr().out == ask(load(), "who met whom before Putin's trip").to_csv()
