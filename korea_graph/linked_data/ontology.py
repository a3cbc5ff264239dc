"""The korea_graph OWL ontology: every class, property and named individual of the RDF
export, with its label, comment and alignment to schema.org, FOAF, W3C ORG, SEM,
OWL-Time, PROV-O, Dublin Core and SKOS.

The terms are defined once, here, as tables; ``ontology/korea_graph.ttl`` is written from
them (``python -m korea_graph.linked_data.ontology_docs --ttl > ontology/korea_graph.ttl``)
and a test checks the committed file is current. The export
(:mod:`korea_graph.linked_data.rdf`) takes its IRIs from this module, so it cannot use a
term the ontology does not define.

>>> KG + "Event"
'https://w3id.org/korea-graph/ontology#Event'
>>> CLASSES["Meeting"].parents
('kg:Event',)
>>> individual_iri("role", "host")
'https://w3id.org/korea-graph/ontology#role_host'
>>> ontology_turtle().startswith("# The korea_graph ontology")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from ..core.model import (
    ActorKind,
    AffiliationKind,
    Attitude,
    Confidence,
    Event,
    EventType,
    Role,
    Status,
)
from ..core.relations import RelationType
from ..core.timespan import Precision, TimeSpan
from ..eventdata.vocabulary import CAMEO, event_code, relation_code

__all__ = [
    "CAMEO_NS",
    "CLASSES",
    "ID",
    "INDIVIDUALS",
    "KG",
    "ONTOLOGY_IRI",
    "PLOVER_NS",
    "PREFIXES",
    "PROPERTIES",
    "VERSION_IRI",
    "Term",
    "actor_class",
    "event_class",
    "individual_iri",
    "ontology_path",
    "ontology_turtle",
    "relation_property",
]

VERSION = "0.1.0"
KG = "https://w3id.org/korea-graph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/korea-graph/ontology"
VERSION_IRI = f"https://w3id.org/korea-graph/ontology/{VERSION}"
ID = "https://w3id.org/korea-graph/id/"
CAMEO_NS = "https://w3id.org/korea-graph/ontology/cameo/"
PLOVER_NS = "https://w3id.org/korea-graph/ontology/plover/"

#: Prefixes of the export and the ontology, in the order they are written.
PREFIXES: dict[str, str] = {
    "kg": KG,
    "cameo": CAMEO_NS,
    "plover": PLOVER_NS,
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One class, property or individual: compact IRIs (``kg:Event``) for everything."""

    label: str
    comment: str
    parents: tuple[str, ...] = ()  #: superclasses / superproperties / rdf:types
    domain: str | None = None
    range: str | None = None
    kind: str = "class"  #: class, object, datatype, annotation or individual
    extra: tuple[tuple[str, str], ...] = ()  #: further (predicate, object) pairs


def _c(label: str, comment: str, *parents: str, extra: tuple[tuple[str, str], ...] = ()
       ) -> Term:
    return Term(label, comment, parents, extra=extra)


def _o(label: str, comment: str, domain: str | None, range_: str | None, *parents: str,
       extra: tuple[tuple[str, str], ...] = ()) -> Term:
    return Term(label, comment, parents, domain, range_, "object", extra)


def _d(label: str, comment: str, domain: str | None, range_: str, *parents: str) -> Term:
    return Term(label, comment, parents, domain, range_, "datatype")


# -- classes ---------------------------------------------------------------------------------
_ACTOR_KIND_DOC: dict[ActorKind, tuple[str, tuple[str, ...]]] = {
    ActorKind.PERSON: ("A human being.", ("schema:Person", "foaf:Person", "prov:Person")),
    ActorKind.STATE: ("A sovereign state, acting as a whole.", ("schema:Country",)),
    ActorKind.HEAD_OF_STATE_OFFICE: ("The office of a head of state (the Kremlin).",
                                     ("schema:GovernmentOrganization",)),
    ActorKind.GOVERNMENT: ("A national government.", ("schema:GovernmentOrganization",)),
    ActorKind.MINISTRY: ("A ministry or department of a government.",
                         ("schema:GovernmentOrganization",)),
    ActorKind.PARLIAMENT: ("A legislature.", ("schema:GovernmentOrganization",)),
    ActorKind.PARTY: ("A political party.", ()),
    ActorKind.DEFENCE_INDUSTRY: ("A state's defence-industrial complex.", ()),
    ActorKind.INTELLIGENCE_SERVICE: ("An intelligence service.",
                                     ("schema:GovernmentOrganization",)),
    ActorKind.NEWS_OUTLET: ("A newspaper, news agency or publisher that reports or is cited.",
                            ("schema:NewsMediaOrganization",)),
    ActorKind.INTERNATIONAL_FORUM: ("A forum of states (the G8).", ()),
    ActorKind.DELEGATION: ("A group sent to act for a state or body.", ()),
    ActorKind.CITY: ("A city.", ("schema:City",)),
    ActorKind.AIRPORT: ("An airport.", ("schema:Airport",)),
    ActorKind.REGION: ("A region, prefecture or peninsula.", ("schema:AdministrativeArea",)),
    ActorKind.FACILITY: ("A plant, works or railway that actors build or use.",
                         ("schema:Place", "sem:Place")),
    ActorKind.TREATY: ("A treaty or pact.", ("schema:Legislation",)),
    ActorKind.PROJECT: ("A plan, project or process (the peace process, a railway link).",
                        ("schema:Project",)),
    ActorKind.TOPIC: ("A subject discussed (strategic stability).", ("schema:Thing",)),
}

_EVENT_TYPE_DOC: dict[EventType, str] = {
    EventType.MEETING: "A meeting of two or more sides.",
    EventType.VISIT: "A visit of a guest to a host or a place.",
    EventType.TALKS: "Talks between sides.",
    EventType.NEGOTIATION: "Negotiations between sides.",
    EventType.SUMMIT: "A meeting of leaders.",
    EventType.LETTER: "A letter or message sent from one actor to another.",
    EventType.STATEMENT: "A public statement.",
    EventType.PROPOSAL: "A proposal made to someone.",
    EventType.SIGNING: "The signing of a treaty or agreement.",
    EventType.REPORT: "A news or intelligence report.",
    EventType.ANNOUNCEMENT: "An official announcement.",
    EventType.DECISION: "A decision taken by an actor.",
    EventType.COOPERATION: "Cooperation between sides (military, economic...).",
    EventType.ARMS_TRANSFER: "A sale or supply of arms.",
    EventType.CONSTRUCTION: "Building or rebuilding a facility.",
}


def _camel(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("_"))


def _lower_camel(value: str) -> str:
    camel = _camel(value)
    return camel[0].lower() + camel[1:]


def actor_class(kind: ActorKind) -> str:
    """The local name of the class of an actor kind (``HeadOfStateOffice``)."""
    return _camel(kind.value)


def event_class(type_: EventType) -> str:
    """The local name of the class of an event type (``ArmsTransfer``)."""
    return _camel(type_.value)


def relation_property(type_: RelationType) -> str:
    """The local name of the direct property of a relation type (``metWith``)."""
    return _lower_camel(type_.value)


def individual_iri(enum: str, value: str) -> str:
    """The IRI of a named individual of a closed vocabulary: ``kg:status_occurred``."""
    return f"{KG}{enum}_{value}"


def _type_code(type_: EventType) -> tuple[tuple[str, str], ...]:
    probe = Event("probe", type_, "probe", (), TimeSpan.day(date(2000, 1, 1)), Status.OCCURRED,
                  ())
    code = event_code(probe)
    return _code_pairs(code.cameo if code else None)


def _code_pairs(cameo: str | None) -> tuple[tuple[str, str], ...]:
    if cameo is None:
        return ()
    pairs = [("kg:cameoCode", f"cameo:{cameo}")]
    plover = CAMEO[cameo].plover
    if plover:
        pairs.append(("kg:ploverCategory", f"plover:{plover}"))
    return tuple(pairs)


CLASSES: dict[str, Term] = {
    "Record": _c("record", "A claim the article makes: an event, an affiliation or a stance, "
                 "with its time, status and evidence.", "prov:Entity"),
    "Actor": _c("actor", "Anything that takes part in an event: a person, state, institution, "
                "place, facility, treaty, project or topic.", "schema:Thing"),
    "Agent": _c("agent", "An actor that acts: a person, a state or an institution.",
                "kg:Actor", "prov:Agent", "foaf:Agent", "sem:Actor"),
    "Institution": _c("institution", "An organisation: a government, ministry, parliament, "
                      "party, outlet, forum or delegation.", "kg:Agent", "org:Organization",
                      "foaf:Organization", "schema:Organization", "prov:Organization"),
    "Place": _c("place", "A city, airport or region.", "kg:Actor", "sem:Place", "schema:Place"),
    "Event": _c("event", "Something that happened, was planned, reported or did not happen: an "
                "n-ary record with participants in roles, a time, a place and a status.",
                "kg:Record", "sem:Event", "schema:Event"),
    "Participation": _c("participation", "An actor taking part in an event in a role (the SEM "
                        "role pattern: the event has the participation, the participation "
                        "names the actor and the role).", "sem:Role"),
    "Affiliation": _c("affiliation", "A post, membership or tie of a holder to an organisation "
                      "over a time (W3C ORG membership).", "kg:Record", "org:Membership"),
    "Stance": _c("stance", "A position of a holder towards a target held over a time.",
                 "kg:Record"),
    "Document": _c("document", "A source text: a news article with its publication data and "
                   "its full text.", "schema:NewsArticle", "foaf:Document", "prov:Entity",
                   "dcterms:BibliographicResource"),
    "Claim": _c("claim", "One document's own report of an event that several documents "
                "report (or that has another id): its type (kg:claimType), time, status, "
                "place, participants and wording as that source gives them, in the "
                "document's named graph. The event (kg:claimOf) is the merged view derived "
                "from its claims.", "prov:Entity"),
    "Evidence": _c("evidence", "A span of a document's text (a sentence) that a record is "
                   "taken from.", "prov:Entity"),
    "Citation": _c("citation", "An outlet the article cites for a record, with the date it "
                   "gives.", "prov:Entity"),
    "SourceRecord": _c("source record", "A machine-coded row (ICEWS, GDELT) an imported event "
                       "comes from.", "prov:Entity"),
    "TimeSpan": _c("time span", "An uncertain interval of whole days: the start lies between "
                   "startMin and startMax, the end between endMin and endMax.",
                   "time:Interval", "sem:Time"),
    "Relation": _c("relation", "A derived binary relation (A met with B) with the record it "
                   "comes from; the same fact is also a direct triple.", "prov:Entity"),
    "Status": _c("status", "How the article presents a record: occurred, planned, reported...",
                 "skos:Concept"),
    "Role": _c("role", "The part an actor plays in an event.", "sem:RoleType", "skos:Concept"),
    "Precision": _c("precision", "How precisely the text dates something.", "skos:Concept"),
    "AffiliationKind": _c("affiliation kind", "How a holder relates to an organisation.",
                          "org:Role", "skos:Concept"),
    "Attitude": _c("attitude", "The kind of a stance.", "skos:Concept"),
    "Hedge": _c("hedge", "The article's hedging of a record's status: its words and/or a "
                "confidence (apparently; is believed to be; appears not to have taken place).",
                "prov:Entity"),
    "Confidence": _c("confidence", "How likely the article makes a claim, in the estimative "
                     "terms of ICD 203 (almost no chance ... almost certain).", "skos:Concept"),
    "Inference": _c("inference", "An attribute of a record that its evidence does not word, "
                    "kept as the curator's inference with the reason.", "prov:Entity"),
}
for _kind in ActorKind:
    _doc, _aligned = _ACTOR_KIND_DOC[_kind]
    _category = _kind.category
    _parent = {"person": "kg:Agent", "state": "kg:Agent", "institution": "kg:Institution",
               "place": "kg:Place"}.get(_category, "kg:Actor")
    CLASSES[actor_class(_kind)] = _c(_kind.value.replace("_", " "), _doc, _parent, *_aligned)
for _type in EventType:
    CLASSES[event_class(_type)] = _c(_type.value.replace("_", " "), _EVENT_TYPE_DOC[_type],
                                     "kg:Event", extra=_type_code(_type))


# -- properties ------------------------------------------------------------------------------
PROPERTIES: dict[str, Term] = {
    # every record
    "position": _d("position", "The 0-based place of a record or item in its list in the "
                   "data; keeps data order through an RDF round trip.", None, "xsd:integer"),
    "when": _o("when", "The time of a record, as an uncertain interval.", None, "kg:TimeSpan",
               "time:hasTime", "sem:hasTime"),
    "status": _o("status", "How the article presents the record.", "kg:Record", "kg:Status"),
    "evidence": _o("evidence", "A span of text the record is taken from.", None, "kg:Evidence",
                   "prov:wasDerivedFrom"),
    "citation": _o("citation", "An outlet the article cites for the record.", None,
                   "kg:Citation"),
    "citedOutlet": _o("cited outlet", "An outlet the article cites for the record (direct "
                      "shortcut of citation/outlet).", "kg:Record", "kg:Actor",
                      "prov:wasAttributedTo"),
    "note": _d("note", "A curator's note.", None, "xsd:string", "skos:note"),
    "aliases": _o("aliases", "All other names, in data order, as an rdf:Seq of literals (each "
                  "is also a skos:altLabel).", None, "rdf:Seq"),
    "hedge": _o("hedge", "The article's hedging of the record's status.", "kg:Record",
                "kg:Hedge"),
    "hedgePhrase": _d("hedge phrase", "The article's hedging words (apparently).", "kg:Hedge",
                      "xsd:string"),
    "hedgeAppliesTo": _o(
        "hedge applies to", "A relation type (its direct property, kg:discussed) derived "
                  "from the record that the hedge bounds, when it hedges only that part: "
                  "the visit took place, that they discussed the railway is reportedly so.",
                  "kg:Hedge", "rdf:Property"),
    "confidence": _o("confidence", "How likely the hedge makes the claim (ICD 203 terms).",
                     "kg:Hedge", "kg:Confidence"),
    "inferred": _o("inferred", "An attribute of the record that its evidence does not word, "
                   "or an alias of the actor that no document words (its reason names the "
                   "public source of the alias).", None, "kg:Inference"),
    "inferredField": _d("inferred field", "Which attribute is inferred (place, participant, "
                        "holder, title...).", "kg:Inference", "xsd:string"),
    "inferredValue": _d("inferred value", "The inferred value: an actor id, an alias or a "
                        "text.", "kg:Inference", "xsd:string"),
    "reason": _d("reason", "Why the curator inferred it.", "kg:Inference", "xsd:string",
                 "skos:note"),
    "mentions": _o("mentions", "Words a text uses for the actor that are not look-up names "
                   "(Moscow for Russia, Russian), in data order, as an rdf:Seq of literals.",
                   "kg:Actor", "rdf:Seq"),
    # actors
    "wikidata": _d("Wikidata id", "The verified Wikidata item id (Q...); the actor is also "
                   "owl:sameAs the Wikidata entity.", "kg:Actor", "xsd:string"),
    "country": _o("country", "The state an actor belongs to.", "kg:Actor", "kg:State"),
    # documents
    "title": _d("title", "The title of a document.", "kg:Document", "xsd:string",
                "dcterms:title", "schema:headline"),
    "publisher": _o("publisher", "The outlet that published a document.", "kg:Document",
                    "kg:Actor", "dcterms:publisher", "schema:publisher"),
    "published": _o("published", "When a document was published.", "kg:Document",
                    "kg:TimeSpan", "time:hasTime"),
    "text": _d("text", "The full text of a document.", "kg:Document", "xsd:string",
               "schema:text"),
    "url": _d("URL", "Where a document or source row can be read (kept as text).", None,
              "xsd:string", "schema:url"),
    "volume": _d("volume", "The volume of a periodical.", "kg:Document", "xsd:string",
                 "schema:volumeNumber"),
    "issue": _d("issue", "The issue of a periodical.", "kg:Document", "xsd:string",
                "schema:issueNumber"),
    "textFile": _d("text file", "The file the document text came from, relative to its data "
                   "file.", "kg:Document", "xsd:string"),
    "license": _d("licence", "The licence the document's text is under (CC BY 4.0...).",
                  "kg:Document", "xsd:string", "dcterms:license"),
    "attribution": _d("attribution", "The attribution the licence asks for.", "kg:Document",
                      "xsd:string", "dcterms:rightsHolder"),
    # claims of several documents
    "hasClaim": _o("has claim", "A source's own report of this event.", "kg:Event", "kg:Claim"),
    "claimOf": _o("claim of", "The event this claim reports (its merged view).", "kg:Claim",
                  "kg:Event"),
    "claimType": _o("claim type", "The event class the claim's source gives (kg:Visit...).",
                    "kg:Claim", "owl:Class"),
    "claimedIn": _o("claimed in", "The document a claim comes from.", "kg:Claim",
                    "kg:Document", "prov:wasDerivedFrom"),
    "sameAsRecord": _o("same as record", "Another record of the graph that this one is "
                       "(same_as in a data file): an actor another document names by another "
                       "id, or the event a source's report (kg:Claim) is of. The merged graph "
                       "folds it into that record. Kept apart from owl:sameAs, which links "
                       "only to verified Wikidata entities.", None, None),
    "wording": _d("wording", "The source's own name for an event or what it produced (\"joint "
                  "declaration\"); two reports with different wordings are a conflict.", None,
                  "xsd:string"),
    # evidence
    "document": _o("document", "The document an evidence span belongs to.", "kg:Evidence",
                   "kg:Document", "dcterms:isPartOf", "prov:hadPrimarySource"),
    "start": _d("start", "Offset (Unicode code points) where the span starts in the text.",
                "kg:Evidence", "xsd:integer"),
    "end": _d("end", "Offset (Unicode code points) just after the span.", "kg:Evidence",
              "xsd:integer"),
    "quote": _d("quote", "The exact words of the span.", "kg:Evidence", "xsd:string",
                "rdf:value"),
    "paragraph": _d("paragraph", "The 1-based body paragraph of the span (0 for the header).",
                    "kg:Evidence", "xsd:integer"),
    # citations
    "outlet": _o("outlet", "The cited outlet.", "kg:Citation", "kg:Actor",
                 "prov:wasAttributedTo"),
    "date": _o("date", "The date the citation gives.", "kg:Citation", "kg:TimeSpan",
               "time:hasTime"),
    # source records
    "source": _o("source", "A machine-coded row the event comes from.", "kg:Event",
                 "kg:SourceRecord", "prov:hadPrimarySource"),
    "dataset": _d("dataset", "The dataset of a source row: icews, gdelt1 or gdelt2.",
                  "kg:SourceRecord", "xsd:string"),
    "rowId": _d("row id", "The dataset's id of the row.", "kg:SourceRecord", "xsd:string",
                "dcterms:identifier"),
    "file": _d("file", "The file the row was read from.", "kg:SourceRecord", "xsd:string"),
    "line": _d("line", "The line of the row in its file.", "kg:SourceRecord", "xsd:integer"),
    "storyId": _d("story id", "The id of the story the row was coded from.",
                  "kg:SourceRecord", "xsd:string"),
    "sentence": _d("sentence", "The sentence number the row was coded from.",
                   "kg:SourceRecord", "xsd:integer"),
    "sourcePublisher": _d("source publisher", "The publisher the dataset names for the row.",
                          "kg:SourceRecord", "xsd:string"),
    # events
    "hasParticipation": _o("has participation", "A participation of the event: an actor in a "
                           "role.", "kg:Event", "kg:Participation"),
    "actor": _o("actor", "The actor of a participation.", "kg:Participation", "kg:Actor",
                "rdf:value"),
    "role": _o("role", "The role of a participation.", "kg:Participation", "kg:Role",
               "sem:roleType"),
    "involves": _o("involves", "An actor taking part in the event in any role (direct "
                   "shortcut of hasParticipation/actor).", "kg:Event", "kg:Actor",
                   "sem:hasActor"),
    "place": _o("place", "Where the event took place.", "kg:Event", "kg:Actor",
                "sem:hasPlace", "schema:location"),
    "partOf": _o("part of", "A larger event this one is part of (talks during a visit).",
                 "kg:Event", "kg:Event", "sem:subEventOf", "dcterms:isPartOf"),
    "about": _o("about", "The events a record refers to, in data order, as an rdf:Seq of "
                "event IRIs (each is also a refersTo triple).", "kg:Record", "rdf:Seq"),
    "refersTo": _o("refers to", "An event a record refers to (an announcement of a visit).",
                   "kg:Record", "kg:Event", "dcterms:references"),
    "cameo": _d("CAMEO code (source)", "The CAMEO code given by a machine-coded source, as "
                "text with its leading zeros.", "kg:Event", "xsd:string"),
    "codedAs": _o("coded as", "The CAMEO code of the event as of the article's writing (a "
                  "planned visit is an intent to meet).", "kg:Event", "skos:Concept"),
    # affiliations and stances
    "holder": _o("holder", "Who holds the post or the stance.", "kg:Record", "kg:Actor"),
    "organization": _o("organisation", "The organisation of an affiliation.", "kg:Affiliation",
                       "kg:Actor", "org:organization"),
    "affiliationKind": _o("affiliation kind", "How the holder relates to the organisation.",
                          "kg:Affiliation", "kg:AffiliationKind", "org:role"),
    "postTitle": _d("post title", "The title of the post (foreign minister).",
                    "kg:Affiliation", "xsd:string"),
    "accreditation": _o("accreditation", "Where the holder of a post (an ambassador) is "
                        "accredited; the direct shortcut is kg:accreditedTo.",
                        "kg:Affiliation", "kg:Actor"),
    "attitude": _o("attitude", "The kind of a stance.", "kg:Stance", "kg:Attitude"),
    "target": _o("target", "What a stance is towards.", "kg:Stance", "kg:Actor"),
    "expressedIn": _o("expressed in", "The event in which a stance was expressed.",
                      "kg:Stance", "kg:Event"),
    # time
    "startMin": _d("earliest start", "The earliest day the interval may start.",
                   "kg:TimeSpan", "xsd:date"),
    "startMax": _d("latest start", "The latest day the interval may start.", "kg:TimeSpan",
                   "xsd:date"),
    "endMin": _d("earliest end", "The earliest day the interval may end.", "kg:TimeSpan",
                 "xsd:date"),
    "endMax": _d("latest end", "The latest day the interval may end.", "kg:TimeSpan",
                 "xsd:date"),
    "precision": _o("precision", "How precisely the text dates the interval.", "kg:TimeSpan",
                    "kg:Precision"),
    "phrase": _d("phrase", "The words of the text that give the time.", "kg:TimeSpan",
                 "xsd:string"),
    "resolution": _d("resolution", "How the phrase was turned into dates.", "kg:TimeSpan",
                     "xsd:string"),
    "iso": _d("ISO 8601", "The interval as ISO 8601 text (2000-06-13/2000-06-15).",
              "kg:TimeSpan", "xsd:string"),
    "timeUnit": _o("time unit", "The OWL-Time unit a precision corresponds to.", "kg:Precision",
                   "time:TemporalUnit"),
    # relations
    "relatedTo": _o("related to", "Any derived binary relation between two actors.",
                    "kg:Actor", "kg:Actor"),
    "relationType": _o("relation type", "The direct property of a derived relation "
                       "(kg:metWith).", "kg:Relation", "rdf:Property"),
    "from": _o("from", "The source end of a derived relation.", "kg:Relation", "kg:Actor"),
    "to": _o("to", "The target end of a derived relation.", "kg:Relation", "kg:Actor"),
    "derivedFrom": _o("derived from", "The record a relation is derived from.", "kg:Relation",
                      "kg:Record", "prov:wasDerivedFrom"),
    # codes (annotations of classes and properties)
    "cameoCode": Term("CAMEO code", "The CAMEO event code of an event type or relation.",
                      kind="annotation"),
    "ploverCategory": Term("PLOVER category", "The PLOVER category of an event type or "
                           "relation.", kind="annotation"),
    "goldstein": _d("Goldstein score", "The Goldstein conflict-cooperation score of a CAMEO "
                    "code (-10..10).", "skos:Concept", "xsd:decimal"),
}

_RELATION_ALIGN: dict[RelationType, tuple[str, ...]] = {
    RelationType.HEADS: ("org:headOf",),
    RelationType.MEMBER_OF: ("org:memberOf",),
    RelationType.HOLDS_POST_IN: ("org:memberOf",),
}
_RELATION_NOTE: dict[RelationType, str] = {
    RelationType.MET_WITH: " (symmetric; from a meeting, talks, a summit or negotiations)",
    RelationType.SIGNED_WITH: " (symmetric; both signed one treaty)",
    RelationType.COOPERATES_WITH: " (symmetric)",
}
for _rel in RelationType:
    _extra = _code_pairs(code.cameo if (code := relation_code(_rel)) else None)
    if _rel.symmetric:
        _extra = (("rdf:type", "owl:SymmetricProperty"), *_extra)
    _verb = _rel.value.replace("_", " ")
    assert relation_property(_rel) not in PROPERTIES, f"{_rel} clashes with a record property"
    PROPERTIES[relation_property(_rel)] = _o(
        _verb, f"Derived relation: the source {_verb} the target"
        f"{_RELATION_NOTE.get(_rel, '')}; also a kg:Relation node with its record.",
        "kg:Actor", "kg:Actor", "kg:relatedTo", *_RELATION_ALIGN.get(_rel, ()), extra=_extra)


# -- individuals -----------------------------------------------------------------------------
_STATUS_DOC = {
    Status.OCCURRED: "It happened, by the article's account.",
    Status.PLANNED: "Planned or announced, not yet happened at publication.",
    Status.REPORTED: "Reported or alleged; hedged by the article.",
    Status.DISPUTED: "Reported, but the article doubts it.",
    Status.DID_NOT_HAPPEN: "Expected, but did not take place.",
    Status.UNDER_CONSIDERATION: "Being considered; nothing decided.",
}
_ROLE_DOC = {
    Role.PARTICIPANT: "takes part", Role.HOST: "hosts the event", Role.GUEST: "is a guest",
    Role.SENDER: "sends a letter or message", Role.ADDRESSEE: "receives it",
    Role.SPEAKER: "makes a statement", Role.PROPOSER: "makes a proposal",
    Role.SIGNATORY: "signs", Role.ANNOUNCER: "announces", Role.DECIDER: "decides",
    Role.PUBLISHER: "publishes a report", Role.SOURCE: "is where a report got its information",
    Role.SUPPLIER: "supplies", Role.RECIPIENT: "receives a supply",
    Role.PARTY: "is a side in talks or cooperation",
    Role.COUNTERPART: "is the other side of talks or negotiations with an acting party; "
                      "it meets that party, not the other counterparts",
    Role.OBJECT: "is the treaty signed, the plan proposed, the thing built",
    Role.SUPERSEDED: "is what a new treaty replaced", Role.TOPIC: "is what was discussed",
    Role.SUBJECT: "is whom a statement, announcement or report is about",
    Role.OUTCOME: "is what the event launched or produced",
    Role.ORGANIZER: "is the forum or body under which the event is held",
}
_PRECISION_DOC = {
    Precision.DAY: ("One known day.", "time:unitDay"),
    Precision.SPAN: ("A known run of days (June 13-15).", None),
    Precision.WEEK: ("Somewhere within a calendar week.", "time:unitWeek"),
    Precision.MONTH: ("Somewhere within a month.", "time:unitMonth"),
    Precision.YEAR: ("Somewhere within a year.", "time:unitYear"),
    Precision.WINDOW: ("Somewhere between two dates.", None),
    Precision.OPEN: ("Bounded on one side only (before June 30).", None),
    Precision.HELD: ("Held at the observed dates (Foreign Minister Ivanov, at publication); "
                     "start and end unknown beyond them.", None),
}
_AFFILIATION_DOC = {
    AffiliationKind.HEAD: "Heads the organisation (a minister of a ministry).",
    AffiliationKind.POST: "Holds a post in it without heading it.",
    AffiliationKind.MEMBER: "Is a member of it.",
    AffiliationKind.OVERSEES: "Oversees it.",
    AffiliationKind.REPRESENTATIVE: "Represents it (an ambassador), accredited somewhere.",
    AffiliationKind.PARTY_TO: "A state bound by a treaty.",
    AffiliationKind.MISSION_IN: "A state with diplomatic representation in another.",
}
_ATTITUDE_DOC = {
    Attitude.SUPPORTS: "Supports the target.", Attitude.OPPOSES: "Opposes the target.",
    Attitude.PRAISES: "Praises the target.", Attitude.CRITICIZES: "Criticises the target.",
    Attitude.INTERESTED_IN: "Is interested in the target.",
    Attitude.NOT_INTERESTED_IN: "Is not interested in the target.",
    Attitude.DISTANCED_FROM: "Distances itself from the target.",
}

INDIVIDUALS: dict[str, Term] = {}
for _s in Status:
    INDIVIDUALS[f"status_{_s.value}"] = Term(_s.value.replace("_", " "), _STATUS_DOC[_s],
                                             ("kg:Status",), kind="individual")
for _r in Role:
    INDIVIDUALS[f"role_{_r.value}"] = Term(_r.value, f"The actor {_ROLE_DOC[_r]}.",
                                           ("kg:Role",), kind="individual")
for _p in Precision:
    _pdoc, _unit = _PRECISION_DOC[_p]
    INDIVIDUALS[f"precision_{_p.value}"] = Term(
        _p.value, _pdoc, ("kg:Precision",), kind="individual",
        extra=(("kg:timeUnit", _unit),) if _unit else ())
for _conf in Confidence:
    INDIVIDUALS[f"confidence_{_conf.value}"] = Term(
        _conf.value.replace("_", " "), f"ICD 203: {_conf.value.replace('_', ' ')}.",
        ("kg:Confidence",), kind="individual")
for _a in AffiliationKind:
    INDIVIDUALS[f"affiliation_{_a.value}"] = Term(_a.value.replace("_", " "),
                                                  _AFFILIATION_DOC[_a],
                                                  ("kg:AffiliationKind",), kind="individual")
for _t in Attitude:
    INDIVIDUALS[f"attitude_{_t.value}"] = Term(_t.value.replace("_", " "), _ATTITUDE_DOC[_t],
                                               ("kg:Attitude",), kind="individual")


# -- writing ---------------------------------------------------------------------------------
def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(subject: str, pairs: list[tuple[str, str]]) -> str:
    lines = [subject]
    for index, (pred, obj) in enumerate(pairs):
        end = " ." if index == len(pairs) - 1 else " ;"
        lines.append(f"    {pred} {obj}{end}")
    return "\n".join(lines) + "\n"


_KIND_TYPE = {"class": "owl:Class", "object": "owl:ObjectProperty",
              "datatype": "owl:DatatypeProperty", "annotation": "owl:AnnotationProperty",
              "individual": "owl:NamedIndividual"}


def _term_block(name: str, term: Term) -> str:
    pairs: list[tuple[str, str]] = [("a", _KIND_TYPE[term.kind])]
    if term.kind == "individual":
        pairs += [("a", p) for p in term.parents]
    pairs += [("rdfs:label", _lit(term.label) + "@en"), ("rdfs:comment", _lit(term.comment)
                                                          + "@en")]
    if term.kind == "class":
        pairs += [("rdfs:subClassOf", p) for p in term.parents]
    elif term.kind != "individual":
        pairs += [("rdfs:subPropertyOf", p) for p in term.parents]
    if term.domain:
        pairs.append(("rdfs:domain", term.domain))
    if term.range:
        pairs.append(("rdfs:range", term.range))
    pairs += [(p, o) for p, o in term.extra]
    pairs.append(("rdfs:isDefinedBy", f"<{ONTOLOGY_IRI}>"))
    return _block(f"kg:{name}", pairs)


def _code_blocks() -> list[str]:
    used: set[str] = set()
    for term in (*CLASSES.values(), *PROPERTIES.values()):
        used.update(o.split(":", 1)[1] for p, o in term.extra if p == "kg:cameoCode")
    blocks = [
        _block("kg:CAMEO", [("a", "skos:ConceptScheme"),
                            ("rdfs:label", '"CAMEO event codes"@en'),
                            ("rdfs:comment", '"The CAMEO codes korea_graph uses (names and '
                             'Goldstein scores as ICEWS uses them)."@en')]),
        _block("kg:PLOVER", [("a", "skos:ConceptScheme"),
                             ("rdfs:label", '"PLOVER event categories"@en'),
                             ("rdfs:comment", '"PLOVER categories of the CAMEO codes '
                              '(CAMEO-to-PLOVER table, draft 0.8)."@en')]),
    ]
    plovers: set[str] = set()
    for code in sorted(CAMEO.values(), key=lambda c: c.cameo):
        pairs = [("a", "skos:Concept"), ("skos:inScheme", "kg:CAMEO"),
                 ("skos:notation", _lit(code.cameo)), ("skos:prefLabel", _lit(code.name) + "@en"),
                 ("kg:goldstein", f'"{code.goldstein:.1f}"^^xsd:decimal')]
        if code.plover:
            plovers.add(code.plover)
            pairs.append(("skos:broadMatch", f"plover:{code.plover}"))
        blocks.append(_block(f"cameo:{code.cameo}", pairs))
    for plover in sorted(plovers):
        blocks.append(_block(f"plover:{plover}", [
            ("a", "skos:Concept"), ("skos:inScheme", "kg:PLOVER"),
            ("skos:notation", _lit(plover)), ("skos:prefLabel", _lit(plover.lower()) + "@en")]))
    return blocks


def ontology_turtle() -> str:
    """The ontology as Turtle text (what ``ontology/korea_graph.ttl`` holds)."""
    head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    header = (
        "# The korea_graph ontology. Generated from korea_graph/ontology.py by\n"
        "# `python -m korea_graph.linked_data.ontology_docs --ttl > ontology/korea_graph.ttl`; "
        "do not edit by hand.\n" + head + "\n" + _block(f"<{ONTOLOGY_IRI}>", [
            ("a", "owl:Ontology"), ("owl:versionIRI", f"<{VERSION_IRI}>"),
            ("owl:versionInfo", _lit(VERSION)),
            ("rdfs:label", '"korea_graph ontology"@en'),
            ("rdfs:comment", '"Classes and properties of korea_graph, a typed, time-aware, '
             'source-attributed knowledge graph of political news: actors, events as n-ary '
             'records, posts, stances, uncertain time and provenance."@en'),
            ("dcterms:license", "<https://opensource.org/licenses/MIT>"),
        ])
    )
    parts = [header, "# -- classes --\n"]
    parts += [_term_block(n, t) for n, t in CLASSES.items()]
    parts.append("# -- properties --\n")
    parts += [_term_block(n, t) for n, t in PROPERTIES.items()]
    parts.append("# -- named individuals --\n")
    parts += [_term_block(n, t) for n, t in INDIVIDUALS.items()]
    parts.append("# -- CAMEO and PLOVER codes --\n")
    parts += _code_blocks()
    return "\n".join(parts)


def ontology_path(name: str = "korea_graph.ttl") -> Path:
    """A file of the ontology folder: inside the installed package, or ``<repo>/ontology``
    in a source checkout."""
    packaged = Path(str(resources.files("korea_graph") / "ontology" / name))
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "ontology" / name

