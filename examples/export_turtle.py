"""Export the curated graph as Turtle for a triple store, check it, and query it.

    python examples/export_turtle.py [OUT.ttl]
"""

import sys

import korea_graph

kg = korea_graph.load()
out = sys.argv[1] if len(sys.argv) > 1 else "korea_graph.ttl"
turtle = korea_graph.to_rdf(kg, "turtle")
with open(out, "w", encoding="utf-8") as handle:
    handle.write(turtle)

report = korea_graph.validate(kg)
print(f"wrote {out}: {len(turtle):,} characters; SHACL conforms: {report.conforms}")
rows = korea_graph.sparql(kg, """
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX kg: <https://w3id.org/korea-graph/ontology#>
    SELECT ?label WHERE { ?a a kg:Person ; rdfs:label ?label } ORDER BY ?label
""")
print("persons:", ", ".join(str(r["label"]) for r in rows))
