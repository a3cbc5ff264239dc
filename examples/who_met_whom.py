"""Who met whom before Putin's trip to Pyongyang, with the evidence for each meeting.

    python examples/who_met_whom.py
"""

import korea_graph
from korea_graph.questions import meetings

kg = korea_graph.load()
for row in meetings(kg, before="Putin's trip"):
    flag = f" ({row.status.value})" if row.status.is_hedged else ""
    print(f"{row.when}: {row.subject} met {row.object}{flag} [{row.certainty}]")
    print(f"    {row.evidence[0].quote}")
