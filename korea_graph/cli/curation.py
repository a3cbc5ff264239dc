"""``korea-graph draft`` and ``korea-graph review``: a news text to a curated data file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..errors import DataError, KoreaGraphError
from .base import command, graph_of


def _draft_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE_OR_DIR",
                   help="the news text (UTF-8; header lines, a line of dashes, then the "
                        "text), or a folder: every .txt in it is drafted")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="the publication date (relative phrases resolve against it); "
                        "default: the text's PUBLISHED: or DATE: header line")
    p.add_argument("--source", metavar="NAME",
                   help="the outlet that published the text, e.g. \"The Korea Herald\"; "
                        "default: the text's PUBLISHER: header line")
    p.add_argument("-o", "--output", type=Path, metavar="DRAFT.yaml|OUTDIR",
                   help="the draft to write (default: FILE with .draft.yaml); for a folder, "
                        "the folder to write NAME.draft.yaml into (default: the folder)")
    p.add_argument("--title", help="the document title (default: the Title: header line)")
    p.add_argument("--model", metavar="NAME",
                   help="a spaCy model to use (default: en_core_web_sm when installed, "
                        "else rules over a blank English pipeline)")
    p.add_argument("--no-link", action="store_true",
                   help="do not link to a base graph (every actor and event is new)")


@command("draft", "draft a data file from a news text (or each text of a folder), every "
                  "candidate unreviewed", _draft_args,
         description="Draft a data file from a news text: actors matched to the graph "
                     "given by --data (the shipped corpus by default) or proposed new, "
                     "events with participants, place, time and status, posts from titles, "
                     "each with the sentence it came from and a review block (unreviewed, "
                     "confidence). The draft loads as it is, beside the corpus:\n\n"
                     "  korea-graph draft article.txt --published 2000-07-19 "
                     "--source kremlin.ru -o article.draft.yaml\n"
                     "  korea-graph draft news/ -o drafts/      # every .txt, a progress bar\n"
                     "  korea-graph --data article.draft.yaml ask \"what happened\"\n"
                     "  korea-graph review article.draft.yaml -o article.yaml")
def _draft(args: argparse.Namespace) -> int:
    from ..curation.draft import draft_file, header_date, header_field
    from ..scale.progress import progress

    base = None if args.no_link else graph_of(args)
    if args.file.is_dir():
        texts = sorted(args.file.glob("*.txt"))
        if not texts:
            raise DataError("no .txt file in the folder", file=str(args.file),
                            expected="a folder of news texts (NAME.txt)")
        out_dir = args.output or args.file
        if out_dir.exists() and not out_dir.is_dir():
            raise DataError("not a folder", file=str(out_dir),
                            expected="-o OUTDIR when drafting a folder")
    else:
        texts = [args.file]
    totals = [0, 0, 0]
    for text in progress(texts, total=len(texts), desc="drafting", unit="text"):
        try:
            words = text.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read the text: {exc}", file=str(text),
                            expected="a UTF-8 text file") from exc
        published = args.published or header_date(words)
        source = args.source or header_field(words, "publisher")
        if published is None or source is None:
            missing = "--published" if published is None else "--source"
            raise DataError(f"no {missing} given and no header line gives it", file=str(text),
                            expected="--published YYYY-MM-DD and --source NAME, or header "
                                     "lines PUBLISHED: and PUBLISHER:")
        d = draft_file(text, published=published, source=source, base=base,
                       model=args.model, title=args.title if len(texts) == 1 else None)
        if args.file.is_dir():
            out = out_dir / f"{text.stem}.draft.yaml"
        else:
            out = args.output or text.with_name(text.stem + ".draft.yaml")
        path = d.write(out)
        actors = d.tree["actors"]
        known = sum(1 for a in actors if "matched" in a.get("review", {}))
        linked = sum(1 for e in d.tree["events"] if "same_as" in e)
        totals = [totals[0] + len(actors), totals[1] + len(d.tree["events"]),
                  totals[2] + len(d.tree["affiliations"])]
        print(f"{path}: {len(actors)} actors ({known} of the base graph, "
              f"{len(actors) - known} new), {len(d.tree['events'])} events ({linked} proposed "
              f"as the same as a known event), {len(d.tree['affiliations'])} posts; "
              "all unreviewed")
    if len(texts) > 1:
        print(f"{len(texts)} texts drafted: {totals[0]} actors, {totals[1]} events, "
              f"{totals[2]} posts, all unreviewed")
    return 0


def _review_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", type=Path, help="a draft written by korea-graph draft")
    p.add_argument("-o", "--output", type=Path, metavar="CURATED.yaml",
                   help="the curated file to write (default: the draft's name without "
                        ".draft)")
    p.add_argument("--web", action="store_true",
                   help="review in the browser: serve the review page on 127.0.0.1 (a free "
                        "port, a secret token in the printed address)")
    p.add_argument("--port", type=int, default=0, help="with --web: the port (default: a "
                                                       "free one)")
    p.add_argument("--no-browser", action="store_true",
                   help="with --web: print the address, do not open a browser")


_HELP = ("  a  accept   r  reject (an actor takes what needs it along)   "
         "e  edit (field: value lines, blank line ends)\n"
         "  n  next (leave unreviewed)   q  quit and write   ?  this help")


@command("review", "walk a draft's candidates: accept, reject, edit, next; write the curated "
                   "file", _review_args,
         description="Walk the candidates of a draft in the terminal, actors first: accept "
                     "(a), reject (r), edit (e: type 'field: value' lines in YAML, a blank "
                     "line ends), next (n: leave it unreviewed), quit (q). The curated file "
                     "is written when the walk ends and must load; candidates left "
                     "unreviewed stay marked in it.\n\nWith --web, review in the browser "
                     "instead: the text with every mention marked, each record as it will "
                     "be written, accept/reject/edit/merge/link/add by selecting words, "
                     "decisions saved beside the draft as they are made (docs/curation.md).")
def _review(args: argparse.Namespace) -> int:
    from ..curation.review import DraftFile
    from ..curation.review_session import curated_name

    if args.web:
        return _review_web(args)
    d = DraftFile.open(args.draft)
    out = args.output or curated_name(args.draft)
    todo = d.pending()
    print(f"{args.draft}: {len(todo)} candidate(s) to review\n{_HELP}")
    counts = {"accepted": 0, "rejected": 0, "edited": 0, "left": 0}
    index = 0
    while index < len(todo):
        c = todo[index]
        try:
            d.find(c.id)
        except KoreaGraphError:
            index += 1  # went with a rejected actor
            continue
        print(f"\n[{index + 1}/{len(todo)}] {c.summary()}")
        print(_indent(d.find(c.id).details()))
        answer = _ask("[a]ccept [r]eject [e]dit [n]ext [q]uit > ")
        if answer is None or answer == "q":
            counts["left"] += len(todo) - index
            break
        if answer == "a":
            d.accept(c.id)
            counts["accepted"] += 1
        elif answer == "r":
            gone = d.reject(c.id)
            counts["rejected"] += 1
            print("  removed: " + ", ".join(gone))
        elif answer == "e":
            fields = _read_edit()
            if fields:
                try:
                    d.edit(c.id, **fields)
                except KoreaGraphError as exc:
                    print(f"  {exc}")
                counts["edited"] += 1
            continue  # show it again
        elif answer == "n":
            counts["left"] += 1
        else:
            print(_HELP)
            continue
        index += 1
    try:
        path = d.write_curated(out, _base(args))
    except DataError as exc:
        saved = d.save(args.draft)
        print(f"korea-graph: error: the reviewed file does not load: {exc}\n"
              f"your decisions are kept in {saved}", file=sys.stderr)
        return 2
    left = len(d.pending())
    print(f"\n{path}: {counts['accepted']} accepted, {counts['rejected']} rejected, "
          f"{counts['edited']} edited, {left} left unreviewed")
    return 0


def _base(args: argparse.Namespace) -> list[Path] | None:
    """The data files a draft is checked against: --data (with --only, alone)."""
    from ..curation.loader import bundled_data_files

    return args.data if args.only else ([*bundled_data_files(), *args.data] if args.data
                                        else None)


def _review_web(args: argparse.Namespace) -> int:
    from ..views.review_web import serve

    server = serve(args.draft, args.output, base=_base(args), port=args.port,
                   open_browser=not args.no_browser)
    session = server.session
    print(f"Review {args.draft} at\n\n  {server.url}\n\n"
          f"decisions are kept in {session.decisions_path} as they are made; Save writes "
          f"{session.output}. Ctrl-C stops.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(f"\nstopped; {session.version} decision(s) in {session.decisions_path}")
    return 0


def _ask(prompt: str) -> str | None:
    try:
        return input(prompt).strip().lower()[:1]
    except EOFError:
        return None


def _read_edit() -> dict[str, object]:
    print("  field: value (YAML), a blank line ends:")
    lines = []
    while True:
        try:
            line = input("  > ")
        except EOFError:
            break
        if not line.strip():
            break
        lines.append(line)
    if not lines:
        return {}
    try:
        value = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        print(f"  not YAML: {exc}")
        return {}
    if not isinstance(value, dict):
        print("  expected 'field: value' lines")
        return {}
    return {str(k): (str(v) if hasattr(v, "isoformat") else v) for k, v in value.items()}


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines())
