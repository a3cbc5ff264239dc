"""``korea-graph push``, ``remote`` and ``store``: SPARQL endpoints and the on-disk store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DuplicateIdError
from .base import command, format_option, graph_of, print_answers, print_sparql
from .questions import ask_kwargs, ask_options


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

    from ..scale.remote import Endpoint

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
         _push_args,
         description="Send the graph (or a store's documents) to a SPARQL 1.1 endpoint, one "
                     "named graph per document, replacing what the endpoint held for it. "
                     "Credentials come only from the environment or the config file.\n\n"
                     "  KOREA_GRAPH_ENDPOINT=http://localhost:8890/sparql-auth \\\n"
                     "  KOREA_GRAPH_USER=dba KOREA_GRAPH_PASSWORD=... korea-graph push")
def _push(args: argparse.Namespace) -> int:
    from ..scale.remote import Endpoint, PushMethod
    from ..scale.store import Store

    endpoint = _endpoint(args)
    assert isinstance(endpoint, Endpoint)
    if args.store:
        with Store.open(args.store, read_only=True) as store:
            kg = store.graph()
    else:
        kg = graph_of(args)
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
    q.add_argument("question", help="a question in plain English (see korea-graph ask --help)")
    ask_options(q)
    q.add_argument("--document", action="append", metavar="ID",
                   help="only these documents (repeatable; default: all)")
    format_option(q)
    s = actions.add_parser("sparql", help="run a SPARQL query on the endpoint")
    s.add_argument("query", help="a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    actions.add_parser("documents", help="list the pushed documents")
    for sub in (q, s, actions.choices["documents"]):
        _endpoint_args(sub)


@command("remote", "ask questions of, or query, a SPARQL endpoint holding pushed documents",
         _remote_args,
         description="Ask questions of, or query, a SPARQL endpoint that holds documents "
                     "pushed by korea-graph push.\n\n"
                     "  korea-graph remote documents\n"
                     "  korea-graph remote ask \"who met whom before Putin's trip\"\n"
                     "  korea-graph remote sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'")
def _remote(args: argparse.Namespace) -> int:
    from ..questions.english import ask
    from ..scale.remote import Endpoint

    endpoint = _endpoint(args)
    assert isinstance(endpoint, Endpoint)
    if args.action == "ask":
        print_answers(ask(endpoint.graph(args.document), args.question, **ask_kwargs(args)),
                      args.format)
    elif args.action == "sparql":
        print_sparql(endpoint.sparql(args.query))
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
    q.add_argument("question", help="a question in plain English (see korea-graph ask --help)")
    ask_options(q)
    format_option(q)
    s = actions.add_parser("sparql", help="run a SPARQL query over the stored documents")
    s.add_argument("query", help="a SPARQL 1.1 query; each document is a named graph, the "
                                 "default graph is their union")
    s.add_argument("--allow-service", action="store_true",
                   help="allow federated SERVICE clauses (requests to other servers; off "
                        "by default)")
    e = actions.add_parser("export", help="write the stored documents to an RDF file "
                                          "(.nq/.trig keep one graph per document)")
    e.add_argument("output", type=Path, metavar="FILE",
                   help="the file to write; its suffix (.ttl, .nt, .nq, .trig, .jsonld) names "
                        "the format")
    actions.add_parser("info", help="the documents and the number of quads")
    r = actions.add_parser("remove", help="remove a document")
    r.add_argument("document", help="the id of the document to remove")


@command("store", "a persistent on-disk store: add documents, ask, query, export", _store_args,
         description="A persistent on-disk store (pyoxigraph), one named graph per document; "
                     "every add is all or nothing.\n\n"
                     "  korea-graph store corpus.kgstore add                 # the shipped corpus\n"
                     "  korea-graph --data mine.yaml store corpus.kgstore add\n"
                     "  korea-graph store corpus.kgstore add --synthetic 10000\n"
                     "  korea-graph store corpus.kgstore ask \"who met whom before Putin's trip\"\n"
                     "  korea-graph store corpus.kgstore info")
def _store(args: argparse.Namespace) -> int:
    from ..scale.store import Store
    from ..scale.store_ask import ask_store

    writes = args.action in ("add", "remove")
    with Store.open(args.folder, read_only=not writes) as store:
        if args.action == "add":
            if args.synthetic is not None:
                from ..scale.synthetic import generate

                kg = generate(events=args.synthetic, seed=args.seed, prefix=args.prefix)
            else:
                kg = graph_of(args)
            held = set(store.documents())
            if kg.documents and set(kg.documents) <= held:
                raise DuplicateIdError(f"the store already holds document(s) "
                                       f"{', '.join(kg.documents)}", file=str(args.folder),
                                       field="documents", expected="a document not yet stored")
            # stored documents given again (the corpus beside --data files) stay as stored
            graphs = store.add(kg, stored="keep")
            added = len(set(kg.documents) - held) if kg.documents else len(graphs)
            print(f"added {added} document(s); the store holds {len(store.documents())}")
        elif args.action == "ask":
            # the store's own queries: only the records the question needs are read
            print_answers(ask_store(store, args.question, **ask_kwargs(args)), args.format)
        elif args.action == "sparql":
            print_sparql(store.sparql(args.query, allow_service=args.allow_service))
        elif args.action == "export":
            print(store.export(args.output))
        elif args.action == "remove":
            store.remove(args.document)
        else:
            print(f"{args.folder}: {len(store.documents())} documents, {len(store)} quads")
            for doc in store.documents():
                print(doc)
    return 0
