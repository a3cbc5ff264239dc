"""Who held a post at a date: titles as worded, certainty from held-at observations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import korea_graph
from korea_graph import KnowledgeGraph
from korea_graph.questions.english import ask
from korea_graph.questions.posts import heads, holders, title_matches


def _who(answers: korea_graph.Answers) -> list[tuple[str, str | None]]:  # type: ignore[type-arg]
    """(holder, certainty) of post rows or of the facts ``ask`` gives, once each."""
    rows = [(getattr(row, "holder", None) or row.subject, row.certainty) for row in answers]
    return list(dict.fromkeys(rows))


@pytest.mark.parametrize(("question", "expected"), [
    # every post the article gives, asked at a date after publication: possible only
    ("who was Russian president on 2000-07-19", [("Vladimir Putin", "possible")]),
    ("who was the president of Russia on July 19, 2000", [("Vladimir Putin", "possible")]),
    ("who was South Korean president on June 13", [("Kim Dae-jung", "possible")]),
    ("who headed North Korea's parliament on June 27", [("Kim Yong-nam", "possible")]),
    ("who was the head of North Korea's parliament", [("Kim Yong-nam", None)]),
    ("who heads North Korea", [("Kim Jong-il", None)]),
    ("who was the leader of North Korea in June 2000", [("Kim Jong-il", "possible")]),
    ("who was foreign minister of Russia on June 27", [("Igor Ivanov", "possible")]),
    ("who was Russian deputy foreign minister on June 27",
     [("Aleksandr Losyukov", "possible"), ("Georgy Mamedov", "possible")]),
    ("who was North Korean foreign minister", [("Pek Nam Sun", None)]),
    ("who was South Korean foreign minister on June 28", [("Lee Joung-binn", "possible")]),
    ("who was the deputy prime minister of Russia", [("Ilya Klebanov", None)]),
    ("who was South Korea's ambassador to Russia on June 27", [("Jai-chun Lee", "possible")]),
    ("who is the number two man in the Communist Workers Party", [("Kim Yong-nam", None)]),
    # a month that contains the publication date: certainly held at some time in it
    ("who was Russian president in July 2000", [("Vladimir Putin", "certain")]),
])
def test_ask_who_held_a_post(kg: KnowledgeGraph, question: str,
                             expected: list[tuple[str, str | None]]) -> None:
    answers = ask(kg, question)
    assert _who(answers) == expected
    assert all(row.evidence for row in answers)


def test_a_minister_is_not_a_deputy_minister(kg: KnowledgeGraph) -> None:
    ministers = {row.holder for row in holders(kg, "foreign minister")}
    assert ministers == {"Igor Ivanov", "Pek Nam Sun", "Lee Joung-binn"}
    deputies = {row.holder for row in holders(kg, "deputy foreign minister")}
    assert deputies == {"Aleksandr Losyukov", "Georgy Mamedov"}
    assert title_matches("ambassador", "ambassador to Russia")
    assert not title_matches("minister", "Foreign Minister")


def test_a_tie_in_the_past_perfect_has_a_start_and_no_known_end(kg: KnowledgeGraph) -> None:
    # "Mamedov ... had headed the Russian side": begun before June 27; the past perfect
    # does not say it is over, so he possibly heads it on any later day
    assert _who(heads(kg, "the Russian side", at="2000-06-01")) == [("Georgy Mamedov",
                                                                     "possible")]
    assert _who(heads(kg, "the Russian side", at="2000-07-19")) == [("Georgy Mamedov",
                                                                     "possible")]
    assert not _who(heads(kg, "the Russian side", at="2000-07-19", strength="certainly"))


def test_strength_certainly_keeps_only_certain_rows(kg: KnowledgeGraph) -> None:
    assert _who(holders(kg, "president", of="Russia", at="July 2000",
                        strength="certainly")) == [("Vladimir Putin", "certain")]
    assert _who(holders(kg, "president", of="Russia", at="2000-07-19",
                        strength="certainly")) == []


def test_observations_on_two_dates_are_certain_between(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("President Putin spoke. President Putin spoke again.\n",
                                    encoding="utf-8")
    path = tmp_path / "d.yaml"
    path.write_text(
        "format: korea_graph/1\n"
        "document: {id: d, title: D, text: d.txt, publisher: r, published: 2000-07-10}\n"
        "actors:\n"
        "  - {id: r, label: R, kind: news_outlet}\n"
        "  - {id: russia, label: Russia, kind: state}\n"
        "  - {id: putin, label: Putin, kind: person}\n"
        "affiliations:\n"
        "  - {id: p, holder: putin, organization: russia, kind: head, title: President,\n"
        "     when: {held_at: [2000-06-01, 2000-06-30]}, status: occurred,\n"
        "     evidence: [{quote: President Putin spoke again}]}\n", encoding="utf-8")
    kg = korea_graph.load(path)
    assert _who(holders(kg, "president", at="2000-06-15")) == [("Putin", "certain")]
    assert _who(holders(kg, "president", at="2000-07-19")) == [("Putin", "possible")]
    post = kg.affiliations["p"].when
    assert post.certainly_holds_on(date(2000, 6, 1)) and not post.certainly_holds_on(
        date(2000, 5, 31))


def test_answers_show_hedges_and_inferences(kg: KnowledgeGraph) -> None:
    party = ask(kg, "who is the number two man in the Communist Workers Party")
    assert party[0].hedges == ("is believed to be (likely)",)
    assert "hedged: is believed to be (likely)" in party.to_table()
    members = holders(kg, kind="member", of="North Korean delegation")
    assert {r.holder for r in members} == {"Pek Nam Sun", "Kim Yong-nam"}
    assert all(r.inferred and r.inferred[0].startswith("kind member:") for r in members)
    assert "inferred: kind member" in members.to_table()
