"""Every error korea_graph raises, in one tree.

Catch :class:`KoreaGraphError` to catch them all::

    KoreaGraphError
     ├── DataError                 bad input; names the file, line and field
     │    ├── ParseError           the file is not well-formed YAML / RDF / TSV
     │    ├── SchemaError          a field is missing, unknown or of the wrong shape
     │    ├── VocabularyError      an unknown kind, type, role, status or attitude
     │    ├── DuplicateIdError     two records share an id
     │    ├── ReferenceError_      a reference to an actor, event or document that is not there
     │    ├── DateError            an impossible, reversed or unresolvable date
     │    └── EvidenceError        an evidence span that does not match the article text
     ├── NotFoundError             a name or id that matches nothing (also a ``KeyError``)
     ├── AmbiguousNameError        a name that matches several things; lists the candidates
     ├── ConflictError             a review decision on a record that changed since it was shown
     ├── ValidationError           the data breaks the SHACL shapes
     ├── QueryError                a question or query that cannot be answered
     ├── DependencyError           an optional dependency or external program is missing
     └── RemoteError               a SPARQL endpoint cannot be reached or refuses a request

>>> from korea_graph.errors import DataError, KoreaGraphError
>>> err = DataError("bad date", file="x.yaml", line=3, field="events[0].when",
...                 expected="YYYY-MM-DD")
>>> print(err)
x.yaml:3: events[0].when: bad date (expected YYYY-MM-DD)
>>> isinstance(err, KoreaGraphError)
True
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousNameError",
    "ConflictError",
    "DataError",
    "DateError",
    "DependencyError",
    "DuplicateIdError",
    "EvidenceError",
    "KoreaGraphError",
    "NotFoundError",
    "ParseError",
    "QueryError",
    "ReferenceError_",
    "RemoteError",
    "SchemaError",
    "ValidationError",
    "VocabularyError",
]


class KoreaGraphError(Exception):
    """Base class of every error raised by korea_graph."""


class DataError(KoreaGraphError):
    """Input data that cannot be loaded.

    The message starts with ``file:line: field:`` (each part when known) and ends with
    what was expected, so an editor can jump to the place.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.reason = message
        self.file = file
        self.line = line
        self.field = field
        self.expected = expected
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        if self.field:
            where += f"{self.field}: "
        tail = f" (expected {self.expected})" if self.expected else ""
        return f"{where}{self.reason}{tail}"

    def __str__(self) -> str:
        return self._render()


class ParseError(DataError):
    """The file is not well-formed (YAML, RDF, TSV...)."""


class SchemaError(DataError):
    """A required field is missing, a field is unknown, or a value has the wrong shape."""


class VocabularyError(DataError):
    """A value outside a closed vocabulary (actor kind, event type, role, status, attitude)."""


class DuplicateIdError(DataError):
    """Two records share one id."""


class ReferenceError_(DataError):
    """A reference to an actor, event or document that the data does not define."""


class DateError(DataError):
    """An impossible date, a reversed interval or a relative phrase that cannot be resolved."""


class EvidenceError(DataError):
    """An evidence span whose offsets or quote do not match the document text."""


class NotFoundError(KoreaGraphError, KeyError):
    """A name or id that matches nothing in the graph."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class AmbiguousNameError(KoreaGraphError):
    """A name that matches several records; ``candidates`` lists their ids."""

    def __init__(self, name: str, candidates: Sequence[str], what: str = "actor") -> None:
        self.name = name
        self.what = what
        self.candidates = tuple(candidates)
        super().__init__(
            f"{name!r} names several {what}s: {', '.join(self.candidates)}; use one of these ids"
        )


class ConflictError(KoreaGraphError):
    """A review decision on a record that another page (a second tab) changed since this
    page showed it: nothing is changed, and the page shows the record as it is now."""


class ValidationError(KoreaGraphError):
    """The graph breaks the SHACL shapes; ``report`` holds the violations."""


class QueryError(KoreaGraphError):
    """A question or query that cannot be answered as asked."""


class DependencyError(KoreaGraphError):
    """An optional dependency or external program is missing; the message says what to install."""


class RemoteError(KoreaGraphError):
    """A SPARQL endpoint that cannot be reached, refuses the credentials or a request;
    ``status`` is the HTTP status when there was one."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
