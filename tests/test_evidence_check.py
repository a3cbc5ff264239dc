"""The check of attributes against evidence: what it accepts, what it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

import korea_graph
from korea_graph.curation.evidence_check import check_evidence, raise_for_unsupported
from korea_graph.errors import EvidenceError

_TEXT = "Russian Foreign Minister Igor Ivanov apparently met Kim in Moscow.\n"


def _graph(tmp_path: Path, event: str, mentions: str = "[Russian]"
           ) -> korea_graph.KnowledgeGraph:
    (tmp_path / "doc.txt").write_text(_TEXT, encoding="utf-8")
    path = tmp_path / "doc.yaml"
    path.write_text(
        "format: korea_graph/1\n"
        "document: {id: doc, title: Doc, text: doc.txt, publisher: reuters,\n"
        "           published: 2000-07-03}\n"
        "actors:\n"
        "  - {id: reuters, label: Reuters, kind: news_outlet}\n"
        "  - {id: russia, label: Russia, kind: state, mentions: " + mentions + "}\n"
        "  - {id: igor-ivanov, label: Igor Ivanov, kind: person}\n"
        "  - {id: kim-yong-nam, label: Kim Yong-nam, kind: person}\n"
        "  - {id: moscow, label: Moscow, kind: city}\n"
        "  - {id: seoul, label: Seoul, kind: city}\n"
        "events:\n"
        "  - id: meeting\n"
        "    type: meeting\n"
        "    label: Ivanov meets Kim\n"
        "    participants: [{actor: igor-ivanov, role: host}, {actor: kim-yong-nam, role: guest}]\n"
        "    when: 2000-06-30\n"
        "    status: reported\n"
        "    evidence: [{quote: " + _TEXT.strip() + "}]\n" + event, encoding="utf-8")
    return korea_graph.load(path)


def test_a_participant_named_only_in_part_is_reported(tmp_path: Path) -> None:
    # "Kim" alone does not name Kim Yong-nam
    problems = check_evidence(_graph(tmp_path, "    place: moscow\n"))
    assert [(p.record, p.field, p.value) for p in problems] == [
        ("meeting", "participant", "kim-yong-nam")]
    assert "'Kim Yong-nam'" in problems[0].message


def test_an_inference_with_a_reason_is_accepted(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "    inferred: [{field: participant, value: kim-yong-nam, "
                          "reason: the Kim of the previous sentence}]\n")
    assert check_evidence(kg) == []


def test_an_unworded_place_alias_and_hedge_are_reported(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "    place: seoul\n    aliases: [the Seoul talks]\n"
                          "    hedges: [reportedly]\n"
                          "    inferred: [{field: participant, value: kim-yong-nam, reason: r}]\n")
    found = {(p.field, p.value) for p in check_evidence(kg)}
    assert found == {("place", "seoul"), ("alias", "the Seoul talks"), ("hedge", "reportedly")}
    with pytest.raises(EvidenceError, match="3 attribute"):
        raise_for_unsupported(kg)


def test_an_inference_for_an_attribute_the_record_lacks(tmp_path: Path) -> None:
    kg = _graph(tmp_path, "    inferred:\n"
                          "      - {field: participant, value: kim-yong-nam, reason: r}\n"
                          "      - {field: place, value: seoul, reason: r}\n")
    assert [(p.field, p.value, p.message.startswith("marked inferred"))
            for p in check_evidence(kg)] == [("place", "seoul", True)]


_POST = ("affiliations:\n"
         "  - {id: fm, holder: igor-ivanov, organization: russia, kind: post,\n"
         "     title: Foreign Minister, when: {held_at: [publication]}, status: occurred,\n"
         "     evidence: [{quote: Russian Foreign Minister Igor Ivanov}]}\n")


def test_mentions_name_an_actor_and_titles_must_be_worded(tmp_path: Path) -> None:
    infer = "    inferred: [{field: participant, value: kim-yong-nam, reason: r}]\n"
    kg = _graph(tmp_path, infer + _POST)
    assert check_evidence(kg) == []  # Russia is named by its mention "Russian"
    kg = _graph(tmp_path, infer + _POST.replace("Foreign Minister,", "Deputy Foreign Minister,"),
                mentions="[]")
    assert {(p.field, p.value) for p in check_evidence(kg)} == {
        ("organization", "russia"), ("title", "Deputy Foreign Minister")}


def test_the_shipped_data_names_every_attribute_in_its_evidence() -> None:
    from korea_graph.curation.loader import bundled_data_files

    article = bundled_data_files()[0]
    for kg in (korea_graph.load(article), korea_graph.load()):  # the article, the corpus
        assert check_evidence(kg) == [], list(kg.documents)
        # and the check is not vacuous: the records do carry such attributes
        assert sum(len(e.participants) for e in kg.events.values()) > 50
        assert all(a.title or a.kind.value in ("member", "head", "party_to")
                   for a in kg.affiliations.values())


def test_every_inference_in_the_shipped_data_has_a_reason(kg: korea_graph.KnowledgeGraph
                                                          ) -> None:
    records = [*kg.events.values(), *kg.affiliations.values(), *kg.stances.values()]
    inferred = [i for r in records for i in r.inferred]
    assert len(inferred) >= 10
    assert all(len(i.reason.split()) >= 4 for i in inferred)


def test_one_documents_records_are_checked_alone(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Putin met the envoy.\n", encoding="utf-8")
    (tmp_path / "note.yaml").write_text("""format: korea_graph/1
document: {id: note, title: a note, text: note.txt, publisher: analyst, published: 2000-07-20}
actors:
  - {id: analyst, label: Analyst, kind: news_outlet}
events:
  - {id: putin-meets-kim-note, type: meeting, label: a meeting, status: occurred,
     when: 2000-07-19, participants: [{actor: vladimir-putin, role: participant},
     {actor: kim-jong-il, role: participant}], evidence: [{quote: Putin met the envoy.}]}
""", encoding="utf-8")
    kg = korea_graph.load(tmp_path / "note.yaml", corpus=True)
    mine = check_evidence(kg, document="note")
    assert [(p.record, p.field, p.value) for p in mine] == [
        ("putin-meets-kim-note", "participant", "kim-jong-il")]
    assert check_evidence(kg) == mine  # the corpus itself is clean
    assert check_evidence(kg, document="monitor-6-129") == []
