"""Where each alias comes from: every alias of an actor or an event is worded in some
document of the graph, or flagged inferred with the public source it comes from
(docs/curation.md, "Aliases")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import korea_graph
from korea_graph.core.graph import KnowledgeGraph
from korea_graph.core.model import Inference
from korea_graph.core.names import normalize
from korea_graph.curation.evidence_check import named
from korea_graph.errors import SchemaError

EXAMPLE = Path(__file__).parent.parent / "examples" / "second-document" / "analyst-note.yaml"
NAME_LINE = "  - {id: kim-jong-il, aliases: [Chairman Kim]}"


def unsourced_aliases(kg: KnowledgeGraph) -> list[str]:
    """Each alias that no document text of ``kg`` words (whatever the case, hyphens and
    spacing) and no ``inferred`` entry flags with a source, as "record: alias"."""
    texts = [doc.text for doc in kg.documents.values()]

    def sourced(alias: str, inferred: tuple[Inference, ...]) -> bool:
        return (any(named(alias, text) for text in texts)
                or any(i.field == "alias" and i.value == alias and i.reason.strip()
                       for i in inferred))

    out = [f"{actor.id}: {alias}" for actor in kg.actors.values() for alias in actor.aliases
           if not sourced(alias, actor.inferred)]
    for event in kg.events.values():
        claims = kg.claims(event.id)
        out += [f"{claim.id}: {alias}" for claim in claims for alias in claim.aliases
                if not sourced(alias, claim.inferred)]
        # the merged event's aliases are its reports' aliases and the other reports' labels
        given = {a for c in claims for a in (*c.aliases, c.label)}
        out += [f"{event.id}: {alias}" for alias in event.aliases
                if alias not in given and not sourced(alias, event.inferred)]
    return out


def _note(tmp_path: Path, names: str) -> Path:
    for name in ("analyst-note.yaml", "analyst-note.txt"):
        shutil.copy(EXAMPLE.parent / name, tmp_path / name)
    path = tmp_path / "analyst-note.yaml"
    text = path.read_text(encoding="utf-8")
    assert NAME_LINE in text
    path.write_text(text.replace(NAME_LINE, names, 1), encoding="utf-8")
    return path


def test_every_alias_of_the_shipped_corpus_is_worded_or_has_its_source() -> None:
    kg = korea_graph.load()
    assert len(kg.documents) == 5
    assert unsourced_aliases(kg) == []
    # the look-up names that come from elsewhere say where from
    north = kg.actors["north-korea"]
    assert "DPRK" in north.aliases
    assert [i.reason for i in north.inferred if i.value == "DPRK"] == [
        "Wikipedia, \"North Korea\": officially the Democratic People's Republic of Korea "
        "(DPRK)"]
    assert kg.actor("DPRK").id == "north-korea"


def test_no_alias_names_two_records() -> None:
    kg = korea_graph.load()
    for records in (kg.actors.values(), kg.events.values()):
        owners: dict[str, set[str]] = {}
        for record in records:
            for alias in record.aliases:
                owners.setdefault(normalize(alias), set()).add(record.id)
        assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_an_alias_no_document_words_is_found(tmp_path: Path) -> None:
    bad = _note(tmp_path, "  - {id: kim-jong-il, aliases: [Chairman Kim, Dear Leader]}")
    kg = korea_graph.load(bad, corpus=True)
    assert unsourced_aliases(kg) == ["kim-jong-il: Dear Leader"]
    problems = [p for p in korea_graph.check_evidence(kg) if p.field == "alias"]
    assert [(p.record, p.value) for p in problems] == [("kim-jong-il", "Dear Leader")]
    assert "no document words it" in problems[0].message


def test_an_alias_flagged_with_its_source_passes_and_travels(tmp_path: Path) -> None:
    good = _note(tmp_path, "  - {id: kim-jong-il, aliases: [Chairman Kim, Dear Leader],\n"
                           "     inferred: [{field: alias, value: Dear Leader,"
                           " reason: \"Wikipedia, Kim Jong-il\"}]}")
    kg = korea_graph.load(good, corpus=True)
    assert unsourced_aliases(kg) == []
    flagged = Inference("alias", "Dear Leader", "Wikipedia, Kim Jong-il")
    assert flagged in kg.actors["kim-jong-il"].inferred
    assert kg.actor("dear leader").id == "kim-jong-il"
    # through RDF and back, and through the data file the writer makes
    again = korea_graph.from_rdf(korea_graph.to_rdf(kg, "turtle"), "turtle")
    assert again.actors["kim-jong-il"].inferred == kg.actors["kim-jong-il"].inferred
    out = tmp_path / "out"
    out.mkdir()
    builder = korea_graph.Builder()
    builder.actor("note-outlet", "Note", "news_outlet")
    builder.actor("kim", "Kim Jong-il", "person", aliases=["Dear Leader"],
                  inferred=[{"field": "alias", "value": "Dear Leader",
                             "reason": "Wikipedia, Kim Jong-il"}])
    builder.document("note", title="Note", text="Kim Jong-il spoke.", publisher="note-outlet",
                     published="2000-07-20")
    built = builder.build()
    assert built.actors["kim"].inferred == (flagged,)
    path = out / "note.yaml"
    korea_graph.to_yaml(built, path)
    assert korea_graph.load(path, corpus=False).actors["kim"].inferred == (flagged,)


@pytest.mark.parametrize(("entry", "field", "says"), [
    ("inferred: [{field: place, value: Dear Leader, reason: x}]", ".inferred[0].field",
     "flags an alias, not a place"),
    ("inferred: [{field: alias, value: Great Leader, reason: x}]", ".inferred[0].value",
     "is not an alias of the actor"),
    ("inferred: [{field: alias, value: Dear Leader, reason: \" \"}]", ".inferred[0].reason",
     ""),
])
def test_a_wrong_alias_flag_is_a_located_error(tmp_path: Path, entry: str, field: str,
                                               says: str) -> None:
    bad = _note(tmp_path, "  - {id: kim-jong-il, aliases: [Chairman Kim, Dear Leader],\n"
                          f"     {entry}}}")
    with pytest.raises(SchemaError) as info:
        korea_graph.load(bad, corpus=True)
    error = info.value
    assert error.file is not None and error.file.endswith("analyst-note.yaml")
    assert error.line is not None and error.field is not None
    assert error.field.endswith(field)
    assert says in str(error)
    with pytest.raises(SchemaError):
        korea_graph.Builder().actor(
            "kim", "Kim Jong-il", "person", aliases=["Dear Leader"],
            inferred=[{"field": "place", "value": "Dear Leader", "reason": "x"}])


def test_shacl_refuses_an_actor_inference_of_another_field(tmp_path: Path) -> None:
    from korea_graph.linked_data.rdf import iri
    from korea_graph.linked_data.shapes import validate

    kg = korea_graph.load()
    node = f"<{iri('actor', 'north-korea')}/inferred/0>"
    lines = korea_graph.to_rdf(kg, "ntriples").splitlines()
    changed = [line.replace('"alias"', '"place"') if line.startswith(node)
               and "#inferredField>" in line else line for line in lines]
    assert changed != lines
    broken = tmp_path / "broken.nt"
    broken.write_text("\n".join(changed) + "\n", encoding="utf-8")
    report = validate(broken)
    assert [v.focus for v in report.violations
            if "an actor's inference flags an alias" in v.message] == [iri("actor",
                                                                           "north-korea")]
