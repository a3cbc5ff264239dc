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
from korea_graph.questions import actors, ask, connections, events, meetings

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
answers.to_frame()[["date", "subject", "object", "status", "flag", "time_condition"]]"""),
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
what.to_frame()[["date", "label", "status", "time_condition"]]"""),
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


TOUR = [
    ("markdown", """# A five-minute tour of korea_graph

The library ships the curated graph of one article, *Monitor* (Jamestown Foundation)
vol. 6 no. 129, July 2000: Moscow's diplomacy in the Korean peace process before
Putin's July 19, 2000 trip to Pyongyang. Every actor, event, post and stance in it has
a date (often uncertain), a status and the sentence of the article that says so."""),
    ("code", """import korea_graph

kg = korea_graph.load()
kg"""),
    ("markdown", """## Actors, found by any spelling"""),
    ("code", """pek = kg.actor("paek nam-sun")     # an alias, any case, any hyphenation
pek.label, pek.kind.value, pek.aliases"""),
    ("markdown", """## An event: participants, uncertain time, status, evidence"""),
    ("code", """event = kg.event("the Sheremetyevo meeting")
print(event.label)
print([(p.actor, p.role.value) for p in event.participants])
print(event.when, event.when.precision.value, event.status.value)
print(event.evidence[0].quote)
print([(c.outlet, str(c.date)) for c in event.citations])"""),
    ("code", """visit = kg.event("north-korean-delegation-visits-moscow")
print(visit.when.phrase, "->", visit.when, "|", visit.when.resolution)"""),
    ("markdown", """## Who met whom before Putin's trip?"""),
    ("code", """answers = korea_graph.meetings(kg, before="Putin's trip")
answers.to_frame()[["date", "subject", "object", "status", "time_condition"]]"""),
    ("code", """korea_graph.ask(kg, "what did Ivanov propose")"""),
    ("markdown", """## The network in networkx"""),
    ("code", """g = kg.to_networkx()
print(g.number_of_nodes(), "actors,", g.number_of_edges(), "relations")
[(k, d["status"]) for _, _, k, d in g.edges("igor-ivanov", keys=True, data=True)][:4]"""),
    ("markdown", """## Linked data: Turtle, SHACL, SPARQL"""),
    ("code", """turtle = korea_graph.to_rdf(kg, "turtle")
print(turtle[:300])
print("conforms to the shapes:", korea_graph.validate(kg).conforms)"""),
    ("code", """korea_graph.sparql(kg, \"\"\"
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/korea-graph/ontology#>
SELECT ?label WHERE { ?p a kg:Person ; rdfs:label ?label } ORDER BY ?label LIMIT 5
\"\"\")"""),
    ("markdown", """## The interactive view (offline, shareable)"""),
    ("code", """korea_graph.view(kg, focus="Igor Ivanov", depth=1, until="2000-07-18")"""),
]


BUILDING = [
    ("markdown", """# Building a graph from Python

`korea_graph.Builder` makes a graph from a text of your own, checked as you go: each
call that adds a record checks it at once (ids, kinds, roles, dates, the quote in the
text) and a mistake is an error naming the record, the field and what was expected.
The result is an ordinary `KnowledgeGraph`: ask it, draw it, export it, write it as a
data file and read it back. The text below is invented for this notebook (the states
are fictional), so that nothing in it is mistaken for a fact about real people."""),
    ("code", """import korea_graph
from korea_graph import Builder

TEXT = \"\"\"Harbour Wire, 14 March 2001 (a text written for the korea_graph building notebook)
---
Foreign Minister Anna Vale of Arland met Foreign Minister Tomas Reyk of Belmark in Corvo on Monday.
The two ministers discussed the ferry link between their ports.
Vale said Arland supports the ferry link.
Reyk is expected to visit Arland later this month.
\"\"\"

b = Builder()
b.actor("harbour-wire", "Harbour Wire", "news_outlet")
b.actor("arland", "Arland", "state")
b.actor("belmark", "Belmark", "state")
b.actor("anna-vale", "Anna Vale", "person", aliases=["Vale"], country="arland")
b.actor("tomas-reyk", "Tomas Reyk", "person", aliases=["Reyk"], country="belmark")
b.actor("arland-foreign-ministry", "Arland foreign ministry", "ministry", country="arland")
b.actor("corvo", "Corvo", "city", country="belmark")
b.actor("ferry-link", "ferry link", "project")
doc = b.document("harbour-wire-2001-03-14", title="Ministers meet in Corvo", text=TEXT,
                 publisher="harbour-wire", published="2001-03-14")
b"""),
    ("markdown", """## Events, a post and a stance, each with the words that say so

Evidence is a quote (its offsets are found for you); time is a date, an interval, a window
or a relative phrase resolved against the publication date ("on Monday", "later this
month"); kinds, types, roles and statuses are plain strings."""),
    ("code", """meeting = b.event(
    "vale-meets-reyk", "meeting", "Vale meets Reyk in Corvo",
    participants={"Anna Vale": "guest", "Tomas Reyk": "host"}, place="corvo",
    when="on Monday", status="occurred",
    evidence="Foreign Minister Anna Vale of Arland met Foreign Minister Tomas Reyk of "
             "Belmark in Corvo on Monday.")
b.event("ferry-talks", "talks", "The ministers discuss the ferry link",
        participants=[("anna-vale", "party"), ("tomas-reyk", "party"), ("ferry-link", "topic")],
        when="on Monday", status="occurred", part_of="vale-meets-reyk",
        evidence="The two ministers discussed the ferry link between their ports.")
b.event("reyk-visits-arland", "visit", "Reyk's visit to Arland",
        participants={"tomas-reyk": "guest", "arland": "host"}, when="later this month",
        status="planned", evidence="Reyk is expected to visit Arland later this month.")
b.post("vale-foreign-minister", "anna-vale", "arland-foreign-ministry", "head",
       title="Foreign Minister", when="2001-03-14", status="occurred",
       evidence="Foreign Minister Anna Vale")
b.stance("arland-supports-ferry-link", "arland", "supports", "ferry-link",
         when="on Monday", status="occurred", expressed_in="vale-meets-reyk",
         evidence="Vale said Arland supports the ferry link.")
print(meeting.when, meeting.when.resolution)
print(meeting.evidence[0].start, meeting.evidence[0].paragraph)"""),
    ("markdown", """## Mistakes stop the call that made them

A typo in an id, an unknown role, a quote that is not in the text: each is a `DataError`
with the record, the field and what was expected, and the failed call adds nothing."""),
    ("code", """for bad in [dict(participants={"tomas-reik": "host"}),
            dict(participants={"tomas-reyk": "hots"}),
            dict(evidence="Vale met Reyk in Corvo")]:
    fields = dict(participants={"tomas-reyk": "host"}, when="2001-03", status="occurred",
                  evidence="Vale said")
    fields.update(bad)
    try:
        b.event("x", "meeting", "X", **fields)
    except korea_graph.DataError as error:
        print(type(error).__name__, error, "\\n")"""),
    ("markdown", "## Ask"),
    ("code", """kg = b.build()
kg"""),
    ("code", """answers = korea_graph.meetings(kg)
answers.to_frame()[["date", "subject", "object", "place", "status"]]"""),
    ("code", """for question in ["what happened in March 2001", "what does Arland support"]:
    print(korea_graph.ask(kg, question).to_table())
    print()
planned = korea_graph.events(kg, include_planned=True, statuses=["planned"])
print(planned.to_table())"""),
    ("markdown", "## Draw"),
    ("code", """korea_graph.view(kg, title="Harbour Wire, 14 March 2001")"""),
    ("markdown", "## Export: RDF, checked against the shapes"),
    ("code", """turtle = korea_graph.to_rdf(kg, "turtle")
print(turtle[:400])
print("conforms to the shapes:", korea_graph.validate(kg).conforms)
print("RDF reads back equal:", korea_graph.from_rdf(turtle, "turtle") == kg)"""),
    ("markdown", """## Round trip: a data file the loader reads back

`to_yaml` writes the data file (and the text beside it) in the format of the curation
guide; `load` reads it back to an equal graph, and the file can be edited by hand from
here on."""),
    ("code", """data = korea_graph.to_yaml(kg, "harbour-wire.yaml")
print(data[:900])
print("loads back equal:", korea_graph.load("harbour-wire.yaml") == kg)"""),
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
    nbformat.write(build(TOUR), ROOT / "examples" / "tour.ipynb")
    nbformat.write(build(BUILDING), ROOT / "examples" / "building.ipynb")


if __name__ == "__main__":
    main()
