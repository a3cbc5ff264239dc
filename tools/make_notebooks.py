"""Write the example notebooks from their cell sources (kept here so diffs stay readable).

    python tools/make_notebooks.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]

QUESTIONS = [
    ("markdown", """# Asking the graph questions

The curated graph of *Monitor* 6:129 (Jamestown Foundation, July 2000) answers
time-aware questions: who met whom before Putin's trip to Pyongyang, what Ivanov
proposed, how two actors are connected. Every answer keeps its date, its status
(occurred, reported, disputed...) and the sentence of the article that says so."""),
    ("code", """import korea_graph
from korea_graph.questions import ask
from korea_graph.query import actors, connections, events, meetings

kg = korea_graph.load()
kg"""),
    ("markdown", """## Who met whom before Putin's trip?

`before=` takes an event by name or alias. "Putin's trip" is the curated alias of the
Pyongyang visit (the article's subject); a name that fits several events raises an
error listing them instead of guessing. Each row says whether it is *certainly* before
the trip or only *possibly* (uncertain dates), and reported or disputed meetings are
flagged. Lee Joung-binn's expected meeting with Putin did not take place, so it is not
a meeting."""),
    ("code", """answers = meetings(kg, before="Putin's trip")
print(answers.query)
answers.to_frame()[["date", "subject", "object", "status", "flag", "certainty"]]"""),
    ("code", """# Only what certainly happened in June 2000:
june = meetings(kg, during="June 2000", strength="certainly")
june.to_frame()[["date", "subject", "object"]]"""),
    ("markdown", "## Evidence: the sentence behind an answer"),
    ("code", """row = answers[2]
print(row.subject, "met", row.object, row.when, row.status.value)
print(row.evidence[0].quote)
print("cited:", row.citations)"""),
    ("markdown", "## What happened, and the same questions in plain English"),
    ("code", """what = events(kg, between=("June 27", "July 1"))
what.to_frame()[["date", "label", "status", "certainty"]]"""),
    ("code", """for question in ["what did Ivanov propose", "who signed what",
                 "what does Russia oppose", "who is Paek Nam-sun"]:
    a = ask(kg, question)
    print(f"Q: {question}\\n{a.to_table()}\\n")"""),
    ("markdown", "## How are two actors connected?"),
    ("code", """for path in connections(kg, "Losyukov", "Kim Jong-il"):
    print(path.text())"""),
    ("markdown", "## Who held a post at a date?"),
    ("code", """ministers = actors(kg, post="foreign minister", at="February 2000")
ministers.to_frame()[["label", "posts"]]"""),
    ("markdown", "## The network, in networkx"),
    ("code", """import networkx as nx
g = kg.to_networkx()
met = nx.Graph((u, v) for u, v, d in g.edges(data=True) if d["type"] == "met_with")
sorted(met.degree, key=lambda pair: -pair[1])[:5]"""),
]


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    for kind, source in cells:
        nb.cells.append(nbformat.v4.new_markdown_cell(source) if kind == "markdown"
                        else nbformat.v4.new_code_cell(source))
    return nb


def main() -> None:
    nbformat.write(build(QUESTIONS), ROOT / "examples" / "questions.ipynb")


if __name__ == "__main__":
    main()
