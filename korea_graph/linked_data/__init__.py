"""Linked data: RDF in and out, the OWL ontology, SHACL shapes and SPARQL.

- :mod:`~korea_graph.linked_data.ontology`: the vocabulary's IRIs and the ontology files
- :mod:`~korea_graph.linked_data.rdf`: lossless, deterministic RDF export and import
- :mod:`~korea_graph.linked_data.ontology_docs`: the ontology reference page, from the TTL
- :mod:`~korea_graph.linked_data.shapes`: SHACL validation of graphs and files
- :mod:`~korea_graph.linked_data.sparql_query`: SPARQL over a graph through pyoxigraph
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .rdf import from_rdf, to_rdf, to_rdflib
    from .shapes import validate
    from .sparql_query import sparql

__getattr__, __dir__ = attach(__name__, {
    "from_rdf": ".rdf",
    "to_rdf": ".rdf",
    "to_rdflib": ".rdf",
    "validate": ".shapes",
    "sparql": ".sparql_query",
})

__all__ = ["from_rdf", "sparql", "to_rdf", "to_rdflib", "validate"]
