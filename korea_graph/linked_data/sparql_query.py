"""SPARQL over the graph's RDF, with pyoxigraph.

:func:`sparql` loads the graph's triples (once per graph, cached: batch by batch,
never as one export text) with the ontology into an in-memory pyoxigraph store and runs a
query. The usual prefixes (``kg:``,
``rdfs:``, ``sem:``, ``time:``, ``prov:``, ``org:``...) are predeclared and relative IRIs
resolve against ``https://w3id.org/korea-graph/id/``, so ``<actor/kim-jong-il>`` works.

``SELECT`` gives :class:`Rows` (a list of dicts of Python values: ``str``, ``int``,
``float``, ``bool``, ``datetime.date``; IRIs as strings) with ``.to_frame()`` for pandas;
``ASK`` gives a bool; ``CONSTRUCT``/``DESCRIBE`` a list of triples. Values from users go
in ``bind``, never into the query text: they are added as escaped RDF terms.

>>> from korea_graph import load
>>> kg = load()
>>> rows = sparql(kg, '''
...     SELECT ?other WHERE {
...       <actor/aleksandr-losyukov> kg:metWith|^kg:metWith ?who .
...       ?who rdfs:label ?other }
...     ORDER BY ?other''')
>>> [row["other"] for row in rows]
['Kim Yong-nam', 'Pek Nam Sun']
>>> sparql(kg, "ASK { ?e rdfs:label ?label }", bind={"label": "Putin's visit to Pyongyang"})
True
>>> df = sparql(kg, "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Meeting }", frame=True)
>>> int(df.n[0]) == len(kg.find_events(type="meeting"))
True
"""

from __future__ import annotations

import re
import weakref
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, Affiliation, Document, Event, Stance
from ..errors import DependencyError, QueryError
from .ontology import ID, PREFIXES, ontology_path

if TYPE_CHECKING:
    import pandas as pd
    import pyoxigraph

__all__ = ["Rows", "refuse_service", "sparql", "store"]

_XSD = PREFIXES["xsd"]
_STORES: dict[int, pyoxigraph.Store] = {}


class Rows(list[dict[str, Any]]):
    """The solutions of a ``SELECT``: one dict per row; ``variables`` in query order."""

    def __init__(self, rows: list[dict[str, Any]], variables: tuple[str, ...]) -> None:
        super().__init__(rows)
        self.variables = variables

    def to_frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame, one column per variable."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise DependencyError("frames need pandas: pip install 'korea_graph[frames]'"
                                  ) from exc
        return pd.DataFrame(list(self), columns=list(self.variables))


def store(kg: KnowledgeGraph, *, ontology: bool = True) -> pyoxigraph.Store:
    """The in-memory pyoxigraph store of the graph's RDF (with the ontology), cached for
    the life of ``kg``."""
    key = id(kg) * 2 + ontology
    found = _STORES.get(key)
    if found is not None:
        return found
    try:
        import pyoxigraph as ox
    except ImportError as exc:
        raise DependencyError("SPARQL needs pyoxigraph: pip install 'korea_graph[fast]'"
                              ) from exc
    from .rdf import statements

    result = ox.Store()
    # batch by batch, unsorted: no export text of the whole graph is ever held
    for data in statements(kg):
        result.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    if ontology:
        result.load(path=ontology_path(), format=ox.RdfFormat.TURTLE)
    _STORES[key] = result
    weakref.finalize(kg, _STORES.pop, key, None)
    return result


def sparql(kg: KnowledgeGraph, query: str, *, bind: dict[str, Any] | None = None,
           frame: bool = False, ontology: bool = True, allow_service: bool = False) -> Any:
    """Run a SPARQL query over the graph (see the module docstring for what it returns).

    ``bind`` maps variable names to values, joined to the query as a final ``VALUES``
    clause of escaped RDF terms: a ``str`` is a literal, ``int``/``float``/``bool``/``date``
    typed literals, a record (actor, event...) its IRI. ``frame`` returns a pandas
    DataFrame instead of :class:`Rows`. Federated ``SERVICE`` clauses are refused unless
    ``allow_service``.
    """
    try:
        import pyoxigraph as ox
    except ImportError as exc:
        raise DependencyError("SPARQL needs pyoxigraph: pip install 'korea_graph[fast]'"
                              ) from exc

    if not isinstance(query, str):
        raise QueryError(f"a SPARQL query is text, not {type(query).__name__}")
    refuse_service(query, allow_service)
    if bind:
        names = " ".join(f"?{_variable(name)}" for name in bind)
        terms = " ".join(str(_term(value, name)) for name, value in bind.items())
        query = f"{query}\nVALUES ({names}) {{ ({terms}) }}"
    try:
        result = store(kg, ontology=ontology).query(query, base_iri=ID,
                                                    prefixes=dict(PREFIXES))
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc.msg}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return [(value(t.subject), value(t.predicate), value(t.object)) for t in result]
    columns = tuple(v.value for v in result.variables)
    rows = Rows([{name: value(solution[name]) for name in columns} for solution in result],
                columns)
    return rows.to_frame() if frame else rows


# the tokens of SPARQL that may hold the word SERVICE without being the keyword
_SKIP = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"',
    r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\s]*>',
    r"#[^\n]*",
    r"[?$][A-Za-z0-9_]+",
    r"[A-Za-z0-9_-]*:[A-Za-z0-9_.-]*",
]), re.S)


def refuse_service(query: str, allow_service: bool = False) -> None:
    """Raise :class:`~korea_graph.errors.QueryError` if ``query`` holds a federated
    ``SERVICE`` clause (which makes the query engine send requests to another server),
    unless ``allow_service``. The word inside strings, IRIs and comments is no keyword.

    >>> refuse_service('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } # SERVICE')
    >>> refuse_service("SELECT * WHERE { service <http://x/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    korea_graph.errors.QueryError: federated queries (SERVICE) are off: ...
    """
    if allow_service:
        return
    if re.search(r"(?i)\bSERVICE\b", _SKIP.sub(" ", query)):
        raise QueryError("federated queries (SERVICE) are off: they send requests to other "
                         "servers; pass allow_service=True (--allow-service) to allow them")


def _variable(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"bad variable name {name!r}: letters, digits and _")
    return name


_RECORD_KIND = ((Document, "document"), (Actor, "actor"), (Event, "event"),
                (Affiliation, "affiliation"), (Stance, "stance"))


def _term(value: Any, name: str) -> Any:
    import pyoxigraph as ox

    from .rdf import iri

    for cls, kind in _RECORD_KIND:
        if isinstance(value, cls):
            return ox.NamedNode(iri(kind, value.id))
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(_XSD + "double"))
    if isinstance(value, datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "dateTime"))
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    if isinstance(value, str):
        return ox.Literal(value)
    raise QueryError(f"cannot bind ?{name} to a {type(value).__name__}")


def value(term: Any) -> Any:
    """A pyoxigraph term as a Python value: IRIs as strings, typed literals as numbers,
    booleans and dates where they are well-formed, everything else as its text."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype = term.datatype.value
    text = term.value
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in (_XSD + "decimal", _XSD + "double", _XSD + "float"):
            return float(text)
        if datatype == _XSD + "boolean":
            return text in ("true", "1")
        if datatype == _XSD + "date":
            return date.fromisoformat(text)
        if datatype == _XSD + "dateTime":
            return datetime.fromisoformat(text)
    except ValueError:
        return text
    return text


_INTEGERS = {_XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
