"""korea_graph: a typed, time-aware, source-attributed knowledge graph of political news.

>>> import korea_graph
>>> kg = korea_graph.load()
>>> kg.actor("kim jong il").wikidata
'Q10665'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import attach
from .errors import (
    AmbiguousNameError,
    ConflictError,
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

if TYPE_CHECKING:
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
    from .curation.draft import Draft, draft, draft_file
    from .curation.evidence_check import check_evidence
    from .curation.loader import load, load_file
    from .curation.review import DraftFile, review_frame
    from .curation.writer import to_yaml, write_data
    from .eventdata.cameo_export import (
        to_cameo_rows,
        to_plover_json,
        write_cameo_tsv,
        write_plover_json,
    )
    from .eventdata.coded_rows import ImportResult
    from .eventdata.gdelt import read_gdelt
    from .eventdata.icews import read_icews
    from .linked_data.rdf import from_rdf, to_rdf, to_rdflib
    from .linked_data.shapes import validate
    from .linked_data.sparql_query import sparql
    from .questions.answers import Answers
    from .questions.english import ask
    from .questions.posts import heads, holders
    from .questions.query import connections, events, meetings, timeline, who_is
    from .scale.remote import Endpoint
    from .scale.store import Store
    from .scale.synthetic import generate
    from .views.network_view import View, view
    from .views.review_web import review
    from .views.timeline_view import Timeline, timeline_view

__getattr__, __dir__ = attach(__name__, {
    "KnowledgeGraph": ".core.graph",
    "Actor": ".core.model",
    "ActorKind": ".core.model",
    "Affiliation": ".core.model",
    "AffiliationKind": ".core.model",
    "Attitude": ".core.model",
    "Citation": ".core.model",
    "Confidence": ".core.model",
    "Document": ".core.model",
    "Event": ".core.model",
    "EventType": ".core.model",
    "Evidence": ".core.model",
    "Hedge": ".core.model",
    "Inference": ".core.model",
    "Participant": ".core.model",
    "Review": ".core.model",
    "Role": ".core.model",
    "SourceRecord": ".core.model",
    "Stance": ".core.model",
    "Status": ".core.model",
    "Relation": ".core.relations",
    "RelationType": ".core.relations",
    "Precision": ".core.timespan",
    "TimeSpan": ".core.timespan",
    "Builder": ".curation.builder",
    "Draft": ".curation.draft",
    "draft": ".curation.draft",
    "draft_file": ".curation.draft",
    "check_evidence": ".curation.evidence_check",
    "load": ".curation.loader",
    "load_file": ".curation.loader",
    "DraftFile": ".curation.review",
    "review_frame": ".curation.review",
    "to_yaml": ".curation.writer",
    "write_data": ".curation.writer",
    "to_cameo_rows": ".eventdata.cameo_export",
    "to_plover_json": ".eventdata.cameo_export",
    "write_cameo_tsv": ".eventdata.cameo_export",
    "write_plover_json": ".eventdata.cameo_export",
    "ImportResult": ".eventdata.coded_rows",
    "read_gdelt": ".eventdata.gdelt",
    "read_icews": ".eventdata.icews",
    "from_rdf": ".linked_data.rdf",
    "to_rdf": ".linked_data.rdf",
    "to_rdflib": ".linked_data.rdf",
    "validate": ".linked_data.shapes",
    "sparql": ".linked_data.sparql_query",
    "Answers": ".questions.answers",
    "ask": ".questions.english",
    "heads": ".questions.posts",
    "holders": ".questions.posts",
    "connections": ".questions.query",
    "events": ".questions.query",
    "meetings": ".questions.query",
    "timeline": ".questions.query",
    "who_is": ".questions.query",
    "Endpoint": ".scale.remote",
    "Store": ".scale.store",
    "generate": ".scale.synthetic",
    "View": ".views.network_view",
    "view": ".views.network_view",
    "review": ".views.review_web",
    "Timeline": ".views.timeline_view",
    "timeline_view": ".views.timeline_view",
})

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
    "ConflictError",
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
    "review",
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
