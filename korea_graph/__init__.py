"""korea_graph: a typed, time-aware, source-attributed knowledge graph of political news.

>>> import korea_graph
>>> kg = korea_graph.load()
>>> kg.actor("kim jong il").wikidata
'Q10665'
"""

from __future__ import annotations

from .core.graph import KnowledgeGraph
from .core.model import (
    Actor,
    ActorKind,
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Confidence,
    Document,
    Event,
    EventType,
    Evidence,
    Hedge,
    Inference,
    Participant,
    Review,
    Role,
    SourceRecord,
    Stance,
    Status,
)
from .core.relations import Relation, RelationType
from .core.timespan import Precision, TimeSpan
from .curation.builder import Builder
from .curation.draft import Draft, draft, draft_file  # light: spaCy loads on first use
from .curation.evidence_check import check_evidence
from .curation.loader import load, load_file
from .curation.review import DraftFile, review_frame
from .curation.writer import to_yaml, write_data
from .errors import (
    AmbiguousNameError,
    DataError,
    DateError,
    DependencyError,
    DuplicateIdError,
    EvidenceError,
    KoreaGraphError,
    NotFoundError,
    ParseError,
    QueryError,
    ReferenceError_,
    RemoteError,
    SchemaError,
    ValidationError,
    VocabularyError,
)
from .eventdata.cameo_export import (
    to_cameo_rows,
    to_plover_json,
    write_cameo_tsv,
    write_plover_json,
)
from .eventdata.coded_rows import ImportResult
from .eventdata.gdelt import read_gdelt
from .eventdata.icews import read_icews
from .linked_data.rdf import (  # light: rdflib/pyoxigraph load on first use
    from_rdf,
    to_rdf,
    to_rdflib,
)
from .linked_data.shapes import validate  # light: pyshacl loads on first use
from .linked_data.sparql_query import sparql  # light: pyoxigraph/pandas load on first use
from .questions.answers import Answers
from .questions.english import ask
from .questions.posts import heads, holders
from .questions.query import connections, events, meetings, timeline, who_is
from .scale.remote import Endpoint  # light: urllib only
from .scale.store import Store  # light: pyoxigraph loads on first use
from .scale.synthetic import generate
from .views.network_view import View, view
from .views.timeline_view import Timeline, timeline_view

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Affiliation",
    "AffiliationKind",
    "AmbiguousNameError",
    "Answers",
    "Attitude",
    "Builder",
    "Citation",
    "Confidence",
    "DataError",
    "DateError",
    "DependencyError",
    "Document",
    "Draft",
    "DraftFile",
    "DuplicateIdError",
    "Endpoint",
    "Event",
    "EventType",
    "Evidence",
    "EvidenceError",
    "Hedge",
    "ImportResult",
    "Inference",
    "KnowledgeGraph",
    "KoreaGraphError",
    "NotFoundError",
    "ParseError",
    "Participant",
    "Precision",
    "QueryError",
    "ReferenceError_",
    "Relation",
    "RelationType",
    "RemoteError",
    "Review",
    "Role",
    "SchemaError",
    "SourceRecord",
    "Stance",
    "Status",
    "Store",
    "TimeSpan",
    "Timeline",
    "ValidationError",
    "View",
    "VocabularyError",
    "__version__",
    "ask",
    "check_evidence",
    "connections",
    "draft",
    "draft_file",
    "events",
    "from_rdf",
    "generate",
    "heads",
    "holders",
    "load",
    "load_file",
    "meetings",
    "read_gdelt",
    "read_icews",
    "review_frame",
    "sparql",
    "timeline",
    "timeline_view",
    "to_cameo_rows",
    "to_plover_json",
    "to_rdf",
    "to_rdflib",
    "to_yaml",
    "validate",
    "view",
    "who_is",
    "write_cameo_tsv",
    "write_data",
    "write_plover_json",
]
