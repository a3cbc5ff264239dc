"""Import ICEWS rows beside the curated article and ask who met whom.

    python examples/import_icews.py [ICEWS.tsv]
"""

import sys
from pathlib import Path

import korea_graph

path = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "data" / \
    "icews_lavrov_sample.tsv"
curated = korea_graph.load()
result = korea_graph.read_icews(path, base=curated)
both = curated.merge(result.graph)
print(f"imported {len(result.graph.events)} events from {path}")
for row in korea_graph.meetings(both, after="2018-01-01"):
    print(f"{row.when}: {row.subject} met {row.object}")
