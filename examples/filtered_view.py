"""A filtered view: the world before Putin's trip, around Igor Ivanov, as one offline page.

    python examples/filtered_view.py [OUT.html]
"""

import sys

import korea_graph

kg = korea_graph.load()
out = sys.argv[1] if len(sys.argv) > 1 else "ivanov-before-the-trip.html"
page = korea_graph.view(kg, focus="Igor Ivanov", depth=2, until="2000-07-18",
                        include_unreal=False)
page.save(out)
print(f"wrote {out}: {len(page.node_ids)} actors, {len(page.edge_ids)} relations")
