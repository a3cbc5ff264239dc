"""The ontology reference (``docs/ontology.md``), generated from ``ontology/korea_graph.ttl``.

Run ``python -m korea_graph.linked_data.ontology_docs > docs/ontology.md``; a test checks the
committed file is current. Everything shown is read from the Turtle file, not from the
Python tables.
``python -m korea_graph.linked_data.ontology_docs --ttl > ontology/korea_graph.ttl``
rewrites the Turtle file itself from :mod:`korea_graph.linked_data.ontology`.

>>> text = ontology_markdown()
>>> '<a id="class-Event"></a>kg:Event' in text and "sem:Event" in text
True
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .ontology import KG, PREFIXES, ontology_path

if TYPE_CHECKING:
    import rdflib

__all__ = ["ontology_markdown"]


def _short(node: object) -> str:
    text = str(node)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


_ANCHORS: dict[str, str] = {}  # term IRI -> anchor, filled per page


def _link(node: object) -> str:
    short = _short(node)
    anchor = _ANCHORS.get(str(node))
    return f"[{short}](#{anchor})" if anchor else f"`{short}`"


def _links(nodes: Iterable[object]) -> str:
    return ", ".join(sorted((_link(n) for n in nodes), key=str.lower))


def ontology_markdown(path: str | Path | None = None) -> str:
    """The reference page: header, prefixes, classes, properties, individuals, codes."""
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    g = rdflib.Graph().parse(path or ontology_path(), format="turtle")
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    out = [
        "# The korea_graph ontology",
        "",
        "<!-- Generated from ontology/korea_graph.ttl by"
        " `python -m korea_graph.linked_data.ontology_docs > docs/ontology.md`;"
        " do not edit by hand. -->",
        "",
        str(g.value(onto, RDFS.comment)),
        "",
        f"* Ontology IRI: `{onto}`",
        f"* Version IRI: `{g.value(onto, OWL.versionIRI)}` (version "
        f"{g.value(onto, OWL.versionInfo)})",
        "* Data IRIs: `https://w3id.org/korea-graph/id/{document,actor,event,affiliation,"
        "stance}/<id>` with sub-nodes such as `.../participant/0`, `.../evidence/0`, "
        "`.../time` (see [linked-data.md](linked-data.md))",
        "",
        "| prefix | namespace |",
        "| --- | --- |",
        *[f"| `{p}:` | `{ns}` |" for p, ns in PREFIXES.items()],
        "",
    ]

    def terms(kind: rdflib.URIRef) -> list[rdflib.URIRef]:
        return sorted((s for s in g.subjects(RDF.type, kind)
                       if isinstance(s, rdflib.URIRef) and str(s).startswith(KG)),
                      key=lambda s: str(s).lower())

    _ANCHORS.clear()
    for kind, mark in ((OWL.Class, "class"), (OWL.ObjectProperty, "property"),
                       (OWL.DatatypeProperty, "property"), (OWL.AnnotationProperty, "property"),
                       (OWL.NamedIndividual, "individual")):
        for term in terms(kind):
            _ANCHORS[str(term)] = f"{mark}-{_short(term)[3:]}"

    def entry(term: rdflib.URIRef, rows: list[tuple[str, str]]) -> None:
        out.append(f'### <a id="{_ANCHORS[str(term)]}"></a>{_short(term)}')
        out.append("")
        out.append(f"**{g.value(term, RDFS.label)}**: {g.value(term, RDFS.comment)}")
        out.append("")
        shown = [(name, value) for name, value in rows if value]
        if shown:
            out.extend(f"* {name}: {value}" for name, value in shown)
            out.append("")

    def codes(term: rdflib.URIRef) -> list[tuple[str, str]]:
        return [("CAMEO", _links(g.objects(term, rdflib.URIRef(KG + "cameoCode")))),
                ("PLOVER", _links(g.objects(term, rdflib.URIRef(KG + "ploverCategory"))))]

    out += ["## Classes", ""]
    for term in terms(OWL.Class):
        entry(term, [("subclass of", _links(g.objects(term, RDFS.subClassOf))),
                     ("subclasses", _links(g.subjects(RDFS.subClassOf, term))), *codes(term)])
    for title, kind in (("Object properties", OWL.ObjectProperty),
                        ("Datatype properties", OWL.DatatypeProperty),
                        ("Annotation properties", OWL.AnnotationProperty)):
        out += [f"## {title}", ""]
        for term in terms(kind):
            entry(term, [("subproperty of", _links(g.objects(term, RDFS.subPropertyOf))),
                         ("domain", _links(g.objects(term, RDFS.domain))),
                         ("range", _links(g.objects(term, RDFS.range))),
                         ("characteristics", _links(t for t in g.objects(term, RDF.type)
                                                    if t != kind)), *codes(term)])
    out += ["## Named individuals", ""]
    for term in terms(OWL.NamedIndividual):
        entry(term, [("type", _links(t for t in g.objects(term, RDF.type)
                                     if t != OWL.NamedIndividual)),
                     ("OWL-Time unit", _links(g.objects(term, rdflib.URIRef(KG + "timeUnit"))))])
    out += ["## CAMEO and PLOVER codes", "",
            "| concept | notation | name | Goldstein | PLOVER |", "| --- | --- | --- | --- | --- |"]
    cameo = rdflib.URIRef(KG + "CAMEO")
    for concept in sorted(g.subjects(SKOS.inScheme, cameo), key=str):
        out.append(f"| `{_short(concept)}` | {g.value(concept, SKOS.notation)} | "
                   f"{g.value(concept, SKOS.prefLabel)} | "
                   f"{g.value(concept, rdflib.URIRef(KG + 'goldstein'))} | "
                   f"{_links(g.objects(concept, SKOS.broadMatch))} |")
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    from .ontology import ontology_turtle

    sys.stdout.write(ontology_turtle() if sys.argv[1:] == ["--ttl"] else ontology_markdown())
