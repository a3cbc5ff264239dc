"""korea_graph: a typed, time-aware, source-attributed knowledge graph of political news.

>>> import korea_graph
>>> kg = korea_graph.load()
>>> kg.actor("kim jong il").wikidata
'Q10665'
"""

from __future__ import annotations

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
    SchemaError,
    ValidationError,
    VocabularyError,
)
from .graph import KnowledgeGraph
from .loader import load, load_file
from .model import (
    Actor,
    ActorKind,
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Document,
    Event,
    EventType,
    Evidence,
    Participant,
    Role,
    SourceRecord,
    Stance,
    Status,
)
from .relations import Relation, RelationType
from .timespan import Precision, TimeSpan
from .view import View, view

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Affiliation",
    "AffiliationKind",
    "AmbiguousNameError",
    "Attitude",
    "Citation",
    "DataError",
    "DateError",
    "DependencyError",
    "Document",
    "DuplicateIdError",
    "Event",
    "EventType",
    "Evidence",
    "EvidenceError",
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
    "Role",
    "SchemaError",
    "SourceRecord",
    "Stance",
    "Status",
    "TimeSpan",
    "ValidationError",
    "View",
    "VocabularyError",
    "__version__",
    "load",
    "load_file",
    "view",
]
