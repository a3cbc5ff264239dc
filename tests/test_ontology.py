"""The ontology: committed TTL and reference doc are current, every term has a label and a
comment, the export uses only defined terms, and the alignments users query are there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from conftest import need
from rdflib.namespace import OWL, RDF, RDFS, SKOS

import korea_graph
from korea_graph import EventType, RelationType
from korea_graph.eventdata.vocabulary import CAMEO, relation_code
from korea_graph.linked_data.ontology import (
    KG,
    ONTOLOGY_IRI,
    PREFIXES,
    VERSION_IRI,
    actor_class,
    event_class,
    ontology_path,
    ontology_turtle,
    relation_property,
)
from korea_graph.linked_data.ontology_docs import ontology_markdown
from korea_graph.linked_data.rdf import to_rdflib

ROOT = Path(__file__).resolve().parent.parent
K = rdflib.Namespace(KG)


def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


def test_committed_ttl_is_current() -> None:
    committed = (ROOT / "ontology" / "korea_graph.ttl").read_text(encoding="utf-8")
    assert committed == ontology_turtle(), (
        "run: python -m korea_graph.linked_data.ontology_docs --ttl > ontology/korea_graph.ttl")


def test_committed_reference_doc_is_current() -> None:
    committed = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert committed == ontology_markdown(), (
        "run: python -m korea_graph.linked_data.ontology_docs > docs/ontology.md")


def test_reference_doc_shows_what_the_ttl_says() -> None:
    text = ontology_markdown()
    g = ontology()
    for cls in g.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(KG):
            assert f"kg:{str(cls)[len(KG):]}" in text
            assert str(g.value(cls, RDFS.comment)) in text


def test_versioned_ontology_iri() -> None:
    g = ontology()
    onto = rdflib.URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in g
    assert g.value(onto, OWL.versionIRI) == rdflib.URIRef(VERSION_IRI)
    assert str(g.value(onto, OWL.versionInfo)) == korea_graph.__version__


def test_every_term_has_a_label_and_a_comment() -> None:
    g = ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
             OWL.NamedIndividual)
    terms = {s for kind in kinds for s in g.subjects(RDF.type, kind)}
    assert len(terms) > 150
    for term in terms:
        assert g.value(term, RDFS.label) is not None, term
        assert str(g.value(term, RDFS.comment) or "").strip(), term


@pytest.mark.parametrize("which", ["article", "corpus"])
def test_the_export_uses_only_defined_terms(kg: korea_graph.KnowledgeGraph, which: str) -> None:
    g = ontology()
    defined = {str(s) for s in g.subjects() if str(s).startswith(KG)}
    data = to_rdflib(kg if which == "article" else korea_graph.load())  # claims, licences
    used = {str(p) for p in data.predicates()} | {str(o) for o in data.objects(None, RDF.type)}
    used |= {str(o) for o in data.objects() if str(o).startswith(KG)}
    assert {u for u in used if u.startswith(KG)} - defined == set()


def test_alignments_to_the_vocabularies_users_query() -> None:
    g = ontology()
    supers = {str(o) for p in (RDFS.subClassOf, RDFS.subPropertyOf) for o in g.objects(None, p)}
    for prefix in ("schema", "foaf", "org", "sem", "time", "prov", "dcterms"):
        assert any(s.startswith(PREFIXES[prefix]) for s in supers), prefix
    expected = [
        (K.Event, RDFS.subClassOf, rdflib.URIRef(PREFIXES["sem"] + "Event")),
        (K.Event, RDFS.subClassOf, rdflib.URIRef("https://schema.org/Event")),
        (K.Person, RDFS.subClassOf, rdflib.URIRef(PREFIXES["foaf"] + "Person")),
        (K.Affiliation, RDFS.subClassOf, rdflib.URIRef(PREFIXES["org"] + "Membership")),
        (K.TimeSpan, RDFS.subClassOf, rdflib.URIRef(PREFIXES["time"] + "Interval")),
        (K.evidence, RDFS.subPropertyOf, rdflib.URIRef(PREFIXES["prov"] + "wasDerivedFrom")),
        (K.title, RDFS.subPropertyOf, rdflib.URIRef(PREFIXES["dcterms"] + "title")),
        (K.place, RDFS.subPropertyOf, rdflib.URIRef(PREFIXES["sem"] + "hasPlace")),
        (K.precision_month, K.timeUnit, rdflib.URIRef(PREFIXES["time"] + "unitMonth")),
    ]
    for triple in expected:
        assert triple in g, triple


def test_event_and_relation_types_carry_cameo_and_plover_concepts() -> None:
    g = ontology()
    for type_ in EventType:
        cls = K[event_class(type_)]
        if type_ is EventType.REPORT:  # a news report is a source, not a political act
            assert g.value(cls, K.cameoCode) is None
            continue
        code = g.value(cls, K.cameoCode)
        assert (code, RDF.type, SKOS.Concept) in g
        assert (code, SKOS.inScheme, K.CAMEO) in g
        notation = str(g.value(code, SKOS.notation))
        assert notation in CAMEO and len(notation) >= 3
        plover = CAMEO[notation].plover
        if plover:
            assert str(g.value(cls, K.ploverCategory)).endswith("/" + plover)
    for rel in RelationType:
        code = relation_code(rel)
        found = g.value(K[relation_property(rel)], K.cameoCode)
        assert (str(found).rsplit("/", 1)[1] if found else None) == (code.cameo if code else None)
    assert str(g.value(K.Visit, K.cameoCode)).endswith("/042")  # a string with its zero


def test_the_ontology_parses_everywhere(tmp_path: Path) -> None:
    path = ontology_path()
    count = len(list(ox.parse(path=path, format=ox.RdfFormat.TURTLE)))
    assert len(ontology()) == count
    need(shutil.which("rapper") is not None, "rapper (Debian raptor2-utils) is not installed")
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and f"returned {count} triples" in done.stderr, done.stderr


def test_shapes_name_every_event_type_and_actor_kind() -> None:
    shapes = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    for type_ in EventType:
        assert f"kg:{event_class(type_)} " in shapes or f"kg:{event_class(type_)}\n" in shapes
    for kind in korea_graph.ActorKind:
        assert f"kg:{actor_class(kind)}" in shapes
