"""The ``korea-graph`` command line.

Each subcommand is a small function registered in :data:`COMMANDS`; all of them read
the bundled graph unless ``--data FILE`` names other data files. Errors of the library
print as ``korea-graph: error: ...`` with exit status 2 (bad input) or 1 (no answer).

>>> main(["--version"])
korea-graph 0.1.0
0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import DataError, KoreaGraphError
from .graph import KnowledgeGraph
from .loader import load

__all__ = ["COMMANDS", "main"]

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {}


def command(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None]
            ) -> Callable[[Handler], Handler]:
    """Register a subcommand: its help, its arguments and its handler."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = (help_text, configure, handler)
        return handler

    return register


def _graph(args: argparse.Namespace) -> KnowledgeGraph:
    return load(*args.data) if args.data else load()


# -- demo ----------------------------------------------------------------------------------
def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out-dir", default="demo-output", type=Path,
                   help="folder for the Turtle file and the HTML view (default: demo-output)")


@command("demo", "who met whom before Putin's trip, a Turtle file and an HTML view", _demo_args)
def _demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    return run_demo(_graph(args), args.out_dir, sys.stdout)


# -- export, validate (linked data) ------------------------------------------------------------
def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", "-f", default="turtle",
                   choices=["turtle", "jsonld", "ntriples", "nquads", "trig"],
                   help="RDF format (default: turtle)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE instead of standard output")


@command("export", "the graph as RDF (deterministic: the same graph gives the same bytes)",
         _export_args)
def _export(args: argparse.Namespace) -> int:
    from .rdf import to_rdf

    text = to_rdf(_graph(args), args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_bytes(text.encode("utf-8"))
    return 0


def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", type=Path, metavar="FILE",
                   help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld) or a YAML data file; "
                        "default: the loaded graph")


@command("validate", "check the graph (or an RDF file) against the SHACL shapes; exit 1 on "
         "any violation", _validate_args)
def _validate(args: argparse.Namespace) -> int:
    from .shapes import validate

    target = args.file if args.file is not None else _graph(args)
    report = validate(target)
    print(report.text())
    return 0 if report.conforms else 1


# -- ask (questions) ---------------------------------------------------------------------------
def _ask_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", help="a question in plain English, e.g. \"who met whom before "
                                    "Putin's trip\"")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table (default, with the query and evidence), json (an array, one "
                        "object per answer) or csv")


@command("ask", "answer a question such as \"who met whom before Putin's trip\"", _ask_args)
def _ask(args: argparse.Namespace) -> int:
    from .questions import ask

    answers = ask(_graph(args), args.question)
    if args.format == "json":
        records = [{**r, "query": answers.query} for r in answers.to_records()]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(answers.to_csv())
    else:
        print(f"# {answers.question}\n# query: {answers.query}\n")
        print(answers.to_table() if len(answers) else "(no answer)")
        rows = answers.to_records()
        if any(r.get("evidence") for r in rows):
            print("\nEvidence:")
            for number, rec in enumerate(rows, 1):
                if rec.get("evidence"):
                    print(f"  [{number}] {rec['evidence']}")
    return 0


# -- view (interactive pages) ------------------------------------------------------------------
def _view_args(p: argparse.ArgumentParser) -> None:
    from .relations import RelationType

    p.add_argument("-o", "--output", default="korea_graph.html", type=Path, metavar="FILE",
                   help="the HTML file to write (default: korea_graph.html)")
    p.add_argument("--focus", metavar="NAME", help="only actors around this one (a name or id)")
    p.add_argument("--depth", type=int, default=1, metavar="N",
                   help="with --focus: how many steps away from it (default: 1)")
    p.add_argument("--until", metavar="DATE",
                   help="relations that possibly start on or before DATE (YYYY[-MM[-DD]])")
    p.add_argument("--since", metavar="DATE",
                   help="relations that possibly go on until DATE or later")
    p.add_argument("--relations", nargs="+", metavar="TYPE",
                   choices=[t.value for t in RelationType],
                   help="only these relation types (met_with, visited, ...)")
    p.add_argument("--kinds", nargs="+", metavar="KIND",
                   help="only actors of these kinds or categories (state, person, ...)")
    p.add_argument("--size-by", default="degree", choices=["degree", "betweenness", "closeness"],
                   help="what node size shows (default: degree)")
    p.add_argument("--real-only", action="store_true",
                   help="leave out planned, considered and did-not-happen relations")
    p.add_argument("--title", help="the page title")


@command("view", "write an interactive HTML view that works offline", _view_args)
def _view(args: argparse.Namespace) -> int:
    from .views import view

    page = view(_graph(args), focus=args.focus, depth=args.depth, until=args.until,
                since=args.since, relations=args.relations, kinds=args.kinds,
                size_by=args.size_by, include_unreal=not args.real_only, title=args.title)
    path = page.save(args.output)
    print(f"{path}: {len(page.node_ids)} actors, {len(page.edge_ids)} relations")
    return 0


# -- import (event data) ----------------------------------------------------------------------
def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="dataset", required=True, choices=("icews", "gdelt"),
                   help="the dataset the file comes from (GDELT 1.0 or 2.0 rows are told "
                        "apart by their number of columns)")
    p.add_argument("file", type=Path, help="the event file (tab-separated)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write the graph to OUT: .tsv CAMEO rows, .json PLOVER records, "
                        ".ttl/.nt/.nq/.trig/.jsonld RDF (default: CAMEO rows on stdout)")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="leave out bad rows (each is reported) instead of stopping")
    p.add_argument("--alone", action="store_true",
                   help="only the imported events, not merged with the curated graph")


def _write_events(kg: KnowledgeGraph, out: Path | None) -> None:
    from .cameo_export import to_cameo_rows, write_cameo_tsv, write_plover_json

    if out is None:
        from .cameo_export import CAMEO_COLUMNS

        print("\t".join(CAMEO_COLUMNS))
        for row in to_cameo_rows(kg):
            print("\t".join(row[c] for c in CAMEO_COLUMNS))
        return
    suffix = out.suffix.lower()
    if suffix in (".tsv", ".tab", ".csv"):
        write_cameo_tsv(kg, out)
    elif suffix == ".json":
        write_plover_json(kg, out)
    else:
        try:
            from .rdf import write_rdf
        except ImportError as exc:  # pragma: no cover - rdf ships with the package
            raise DataError(f"cannot write {out.suffix} files", field="-o",
                            expected=".tsv or .json") from exc
        write_rdf(kg, out)
    print(f"wrote {out}", file=sys.stderr)


@command("import", "import ICEWS or GDELT event rows, merged with the curated graph",
         _import_args)
def _import(args: argparse.Namespace) -> int:
    from .gdelt import read_gdelt
    from .icews import read_icews

    base = _graph(args)
    read = read_icews if args.dataset == "icews" else read_gdelt
    result = read(args.file, skip_bad_rows=args.skip_bad_rows, base=base)
    for row in result.skipped:
        print(f"korea-graph: skipped {row}", file=sys.stderr)
    print(f"korea-graph: {args.file}: {result.summary()}", file=sys.stderr)
    _write_events(result.graph if args.alone else base.merge(result.graph), args.output)
    return 0


def _cameo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write to OUT: .tsv CAMEO rows or .json PLOVER records "
                        "(default: CAMEO rows on stdout)")


@command("cameo", "the graph as CAMEO dyadic event rows or PLOVER JSON", _cameo_args)
def _cameo(args: argparse.Namespace) -> int:
    _write_events(_graph(args), args.output)
    return 0


# -- store, push (scale) -----------------------------------------------------------------------
def _print_answers(answers: object, fmt: str) -> None:
    from .answers import Answers

    assert isinstance(answers, Answers)
    if fmt == "json":
        records = [{**r, "query": answers.query} for r in answers.to_records()]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        sys.stdout.write(answers.to_csv())
    else:
        print(f"# {answers.question}\n# query: {answers.query}\n")
        print(answers.to_table() if len(answers) else "(no answer)")


def _print_sparql(result: object) -> None:
    if isinstance(result, str):
        sys.stdout.write(result)
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))


def _endpoint_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", metavar="URL",
                   help="the SPARQL endpoint (default: $KOREA_GRAPH_ENDPOINT or the config "
                        "file); user and password come from $KOREA_GRAPH_USER and "
                        "$KOREA_GRAPH_PASSWORD or the config file")
    p.add_argument("--graph-store", metavar="URL",
                   help="the Graph Store Protocol URL (default: $KOREA_GRAPH_GRAPH_STORE)")
    p.add_argument("--config", type=Path, metavar="FILE",
                   help="a TOML file with endpoint, graph_store, user, password (default: "
                        "$KOREA_GRAPH_CONFIG or ~/.config/korea_graph/endpoint.toml)")


def _endpoint(args: argparse.Namespace) -> object:
    from dataclasses import replace

    from .remote import Endpoint

    endpoint = Endpoint.from_env(args.endpoint, config=args.config)
    if args.graph_store:
        endpoint = replace(endpoint, graph_store=args.graph_store)
    return endpoint


def _push_args(p: argparse.ArgumentParser) -> None:
    _endpoint_args(p)
    p.add_argument("--method", choices=("graph-store", "update"), default=None,
                   help="Graph Store Protocol PUT (default when a graph store URL is known) "
                        "or SPARQL Update")
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="push the documents of this store instead of the data files")


@command("push", "send the graph to a SPARQL endpoint, one named graph per document",
         _push_args)
def _push(args: argparse.Namespace) -> int:
    from .remote import Endpoint, PushMethod
    from .store import Store

    endpoint = _endpoint(args)
    assert isinstance(endpoint, Endpoint)
    if args.store:
        with Store.open(args.store, read_only=True) as store:
            kg = store.graph()
    else:
        kg = _graph(args)
    method: PushMethod = args.method or ("graph-store" if endpoint.graph_store else "update")
    graphs = endpoint.push(kg, method=method)
    for doc in kg.documents:
        print(doc)
    print(f"pushed {len(graphs)} document(s) to {endpoint.describe()} by {method}",
          file=sys.stderr)
    return 0


def _remote_args(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("ask", help="answer a question over the pushed documents")
    q.add_argument("question")
    q.add_argument("--document", action="append", metavar="ID",
                   help="only these documents (repeatable; default: all)")
    q.add_argument("--format", choices=("table", "json", "csv"), default="table")
    s = actions.add_parser("sparql", help="run a SPARQL query on the endpoint")
    s.add_argument("query")
    actions.add_parser("documents", help="list the pushed documents")
    for sub in (q, s, actions.choices["documents"]):
        _endpoint_args(sub)


@command("remote", "ask questions of, or query, a SPARQL endpoint holding pushed documents",
         _remote_args)
def _remote(args: argparse.Namespace) -> int:
    from .questions import ask
    from .remote import Endpoint

    endpoint = _endpoint(args)
    assert isinstance(endpoint, Endpoint)
    if args.action == "ask":
        _print_answers(ask(endpoint.graph(args.document), args.question), args.format)
    elif args.action == "sparql":
        _print_sparql(endpoint.sparql(args.query))
    else:
        for doc in endpoint.documents():
            print(doc)
    return 0


def _store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", type=Path, metavar="DIR", help="the store folder")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add the data files' documents (or a synthetic "
                                         "corpus) to the store, all or nothing")
    add.add_argument("--synthetic", type=int, metavar="EVENTS",
                     help="add a generated corpus of this many events instead")
    add.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    add.add_argument("--prefix", default="", help="id prefix of the synthetic corpus")
    q = actions.add_parser("ask", help="answer a question over the stored documents")
    q.add_argument("question")
    q.add_argument("--format", choices=("table", "json", "csv"), default="table")
    s = actions.add_parser("sparql", help="run a SPARQL query over the stored documents")
    s.add_argument("query")
    e = actions.add_parser("export", help="write the stored documents to an RDF file "
                                          "(.nq/.trig keep one graph per document)")
    e.add_argument("output", type=Path, metavar="FILE")
    actions.add_parser("info", help="the documents and the number of quads")
    r = actions.add_parser("remove", help="remove a document")
    r.add_argument("document")


@command("store", "a persistent on-disk store: add documents, ask, query, export", _store_args)
def _store(args: argparse.Namespace) -> int:
    from .questions import ask
    from .store import Store

    writes = args.action in ("add", "remove")
    with Store.open(args.folder, read_only=not writes) as store:
        if args.action == "add":
            if args.synthetic is not None:
                from .synthetic import generate

                kg = generate(events=args.synthetic, seed=args.seed, prefix=args.prefix)
            else:
                kg = _graph(args)
            graphs = store.add(kg)
            print(f"added {len(graphs)} document(s); the store holds "
                  f"{len(store.documents())}")
        elif args.action == "ask":
            _print_answers(ask(store.graph(), args.question), args.format)
        elif args.action == "sparql":
            _print_sparql(store.sparql(args.query))
        elif args.action == "export":
            print(store.export(args.output))
        elif args.action == "remove":
            store.remove(args.document)
        else:
            print(f"{args.folder}: {len(store.documents())} documents, {len(store)} quads")
            for doc in store.documents():
                print(doc)
    return 0


# -- entry point ---------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="korea-graph",
        description="A typed, time-aware, source-attributed knowledge graph of Monitor 6:129 "
                    "(Jamestown Foundation, July 2000) and other political news.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--data", action="append", default=[], metavar="FILE",
                        help="a curated YAML data file to load instead of the bundled graph "
                             "(repeatable)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, configure, _) in COMMANDS.items():
        configure(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"korea-graph {__version__}")
        return 0
    if args.command is None:
        parser.print_help()
        return 0
    handler = COMMANDS[args.command][2]
    try:
        return handler(args)
    except DataError as exc:
        print(f"korea-graph: error: {exc}", file=sys.stderr)
        return 2
    except KoreaGraphError as exc:
        print(f"korea-graph: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
