"""Check a graph, or an RDF file, against the SHACL shapes of ``ontology/shapes.ttl``.

:func:`validate` runs pyshacl and returns a :class:`ValidationReport`: whether the data
conforms and, for each violation, the focus node, the path and a readable message.

>>> from korea_graph import load
>>> report = validate(load())
>>> report.conforms, len(report.violations)
(True, 0)
>>> print(report.text())
conforms: no violations of the korea_graph shapes
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.graph import KnowledgeGraph
from ..errors import DataError, DependencyError, ParseError, ValidationError
from .ontology import ID, ontology_path
from .rdf import _short, format_of, to_rdflib

if TYPE_CHECKING:
    import rdflib

__all__ = ["ValidationReport", "Violation", "shapes_path", "validate"]



@dataclass(frozen=True, slots=True)
class Violation:
    """One broken constraint: where (focus node, path), what (message), which shape."""

    focus: str  #: the node that breaks the shape, as an IRI
    path: str | None  #: the property path, compact (``kg:when``), if the shape has one
    message: str
    value: str | None = None  #: the offending value, if any
    shape: str | None = None  #: the shape or constraint component
    severity: str = "Violation"

    def __str__(self) -> str:
        where = _node(self.focus) + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """One line per violation, sorted, after a summary line."""
        if self.conforms:
            return "conforms: no violations of the korea_graph shapes"
        lines = [f"does not conform: {len(self.violations)} violation(s)"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def raise_for_violations(self) -> None:
        """Raise :class:`~korea_graph.errors.ValidationError` (with this report) if any."""
        if not self.conforms:
            error = ValidationError(self.text())
            error.report = self  # type: ignore[attr-defined]
            raise error


def shapes_path() -> Path:
    """The SHACL shapes file shipped with the package."""
    return ontology_path("shapes.ttl")


def validate(target: KnowledgeGraph | str | os.PathLike[str]) -> ValidationReport:
    """Validate a graph, an RDF file (format from its extension) or a YAML data file.

    A YAML file is loaded (and so checked by the loader) first; an RDF file is checked
    as it is, so a file edited by hand is judged on its own triples.
    """
    try:
        import pyshacl
        import rdflib
    except ImportError as exc:
        raise DependencyError("validation needs pyshacl: pip install "
                              "'korea_graph[validate]'") from exc
    data = _data_graph(target)
    shapes = rdflib.Graph().parse(shapes_path(), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                            abort_on_first=False, allow_warnings=False)
    if not isinstance(results, rdflib.Graph):
        raise ValidationError(f"the shapes could not be run: {results}")
    violations = _violations(results)
    return ValidationReport(bool(conforms) and not violations, violations)


def _data_graph(target: KnowledgeGraph | str | os.PathLike[str]) -> rdflib.Graph:
    import rdflib

    if isinstance(target, KnowledgeGraph):
        graph = to_rdflib(target)
        assert isinstance(graph, rdflib.Graph)
        return graph
    path = Path(target)
    if path.suffix.lower() in (".yaml", ".yml"):
        from ..curation.loader import load

        graph = to_rdflib(load(path))
        assert isinstance(graph, rdflib.Graph)
        return graph
    fmt = format_of(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", file=str(path),
                        expected="an RDF or YAML file") from exc
    # pyoxigraph reads every format and reports a syntax error with its line; the triples
    # reach rdflib as N-Triples (named graphs of TriG/N-Quads are merged)
    try:
        import pyoxigraph as ox
    except ImportError as exc:
        raise DependencyError("validating an RDF file needs pyoxigraph: pip install "
                              "'korea_graph[validate]'") from exc

    from .rdf import _OX_FORMATS

    try:
        quads = ox.parse(raw, format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]), base_iri=ID)
        nt = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                          format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise ParseError(f"malformed {fmt}: {exc.msg}", file=str(path), line=exc.lineno,
                         expected=f"well-formed {fmt}") from None
    return rdflib.Graph().parse(data=nt, format="nt")


def _violations(results: rdflib.Graph) -> tuple[Violation, ...]:
    from rdflib import RDF, SH
    from rdflib.term import Node

    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(prop: Node, result: Node = result) -> str | None:
            value = results.value(result, prop)
            return None if value is None else str(value)

        path = results.value(result, SH.resultPath)
        out.append(Violation(
            focus=one(SH.focusNode) or "",
            path=_short(str(path)) if path is not None else None,
            message=one(SH.resultMessage) or "constraint broken",
            value=one(SH.value),
            shape=_short(str(results.value(result, SH.sourceConstraintComponent))),
            severity=(one(SH.resultSeverity) or "").rsplit("#", 1)[-1] or "Violation",
        ))
    out.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return tuple(out)


def _node(iri_text: str) -> str:
    if iri_text.startswith(ID):
        return f"<{iri_text[len(ID):]}>"
    return _short(iri_text)
