"""``korea-graph export`` and ``validate``: the graph as RDF, checked against the shapes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base import command, graph_of


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", "-f", default="turtle",
                   choices=["turtle", "jsonld", "ntriples", "nquads", "trig"],
                   help="RDF format (default: turtle)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE instead of standard output")


@command("export", "the graph as RDF (deterministic: the same graph gives the same bytes)",
         _export_args)
def _export(args: argparse.Namespace) -> int:
    from ..linked_data.rdf import rdf_chunks, write_rdf

    kg = graph_of(args)
    if args.output is None:
        for chunk in rdf_chunks(kg, args.format):
            sys.stdout.write(chunk)
    else:
        write_rdf(kg, args.output, args.format)
    return 0


def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", type=Path, metavar="FILE",
                   help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld) or a YAML data file; "
                        "default: the loaded graph")


@command("validate", "check the graph (or an RDF file) against the SHACL shapes; exit 1 on "
         "any violation", _validate_args)
def _validate(args: argparse.Namespace) -> int:
    from ..linked_data.shapes import validate

    target = args.file if args.file is not None else graph_of(args)
    report = validate(target)
    print(report.text())
    return 0 if report.conforms else 1
