"""How good is a draft BEFORE review? Each curated document drafted from its text alone.

Every curated document of the shipped corpus (``korea_graph/data``: the Monitor article,
``corpus/*.yaml``, and the curated news texts as they land there) is drafted from its
text WITHOUT its own data file (linked against the other curated files; the Monitor
article, which the others refer to, against nothing) and compared with its curated
records. Three news texts are held out of rule development (:data:`HELD_OUT`): they are
reported apart and never used to tune a rule.

Matching rules:

- **actors**: a drafted actor matches a curated one when the ids are equal (an actor of
  the base graph), a name of one (label or alias) equals a name of the other (case,
  hyphens, spacing ignored) or rapidfuzz's ratio of the two is >= 90. Precision counts
  drafted actors that match; recall curated actors found. *kind right* is the share of
  matched actors with the curated kind. The curated actors of a document are those its
  file declares or names, and those its records involve.
- **events**: *strict*: same type family (meeting/talks/summit are one family), the same
  set of agents (participants that are persons, states or institutions, through the
  actor matching), the time right (the spans may overlap, and each bound the curated
  time has is given by the draft to within 7 days), and the curated status. *lenient*:
  same type family and at least one agent in common. Each one-to-one, greedily. A
  curated event is the document's claim (its report of an event, whatever file first
  declared it).
- **posts**: same holder and organisation (through the actor matching).
- **stances**: recall: a curated stance with a drafted one of the same holder and target.
- **links**: a drafted ``same_as`` is right when the drafted event matches (leniently) the
  document's curated claim of that very event.
- **calibration**: every drafted actor (right: matched, right kind), event (right:
  strict), post and stance (right: matched) with its confidence, binned.
- **markers**: drafted actors named by production marks, bylines or datelines
  (``CORRESPONDENT REPORT``, ``END ACT``, the reporter of "V-O-A's David Gollust reports").

    python benchmarks/drafting.py                # the table, results to benchmarks/results/
    python benchmarks/drafting.py --errors       # and every miss and false candidate
    python benchmarks/drafting.py --held-out     # also the held-out texts (final runs only)
    python benchmarks/drafting.py --timing       # time a 1,000-word text (goal: < 2 s)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import korea_graph
from korea_graph.core.claims import claim_document
from korea_graph.core.graph import KnowledgeGraph
from korea_graph.core.names import normalize
from korea_graph.core.timespan import TimeSpan
from korea_graph.curation.loader import bundled_data_files, load_file

RESULTS = Path(__file__).resolve().parent / "results"
#: the news texts kept out of rule development, by the number their file names start with
HELD_OUT = ("09_", "14_", "19_")
_FAMILY = {"meeting": "meet", "talks": "meet", "summit": "meet", "negotiation": "meet",
           "statement": "say", "announcement": "say", "remarks": "say"}
_MARKERS = re.compile(r"\b(correspondent report|act\b|intro|text|byline|dateline|voiced at|"
                      r"actuality|reports? from)\b", re.IGNORECASE)


def family(t: str) -> str:
    """The type family events are compared in (meeting, talks, summit are one)."""
    return _FAMILY.get(t, t)


def _names(actor: Any) -> set[str]:
    return {normalize(n) for n in (actor.label, *actor.aliases)}


def match_actors(drafted: Iterable[Any], gold: Iterable[Any]) -> dict[str, str]:
    """drafted actor id -> curated actor id."""
    from rapidfuzz import fuzz

    gold = list(gold)
    ids = {g.id for g in gold}
    out: dict[str, str] = {}
    for a in drafted:
        if a.id in ids:
            out[a.id] = a.id
            continue
        names = _names(a)
        best: tuple[float, str] | None = None
        for g in gold:
            gnames = _names(g)
            score = 100.0 if names & gnames else max(fuzz.ratio(x, y) for x in names
                                                     for y in gnames)
            if score >= 90 and (best is None or score > best[0]):
                best = (score, g.id)
        if best is not None:
            out[a.id] = best[1]
    return out


def _agents(kg: KnowledgeGraph, event: Any, mapping: dict[str, str] | None = None
            ) -> frozenset[str]:
    def root(x: str) -> str:
        return kg.actor_same_as.get(x, x)

    ids = {root(p.actor) for p in event.participants if kg.actors[root(p.actor)].kind.is_agent}
    if mapping is not None:
        ids = {mapping.get(i, f"?{i}") for i in ids}
    return frozenset(ids)


def time_right(drafted: TimeSpan, gold: TimeSpan) -> bool:
    """The spans may overlap and each bound the curated time has is given to 7 days."""
    if not gold.possibly_overlaps(drafted):
        return False
    week = timedelta(days=7)
    for g, d in ((gold.start_min, drafted.start_min), (gold.end_max, drafted.end_max)):
        if g is not None and (d is None or abs(d - g) > week):
            return False
    return True


def _pairs(drafted: list[Any], gold: list[Any], ok: Any) -> list[tuple[Any, Any]]:
    out = []
    free = list(gold)
    for e in drafted:
        g = next((g for g in free if ok(e, g)), None)
        if g is not None:
            out.append((e, g))
            free.remove(g)
    return out


def _pr(hit: int, drafted: int, gold: int) -> dict[str, Any]:
    return {"precision": hit / drafted if drafted else None,
            "recall": hit / gold if gold else None, "hit": hit, "drafted": drafted,
            "curated": gold}


def _doc_actor_ids(path: Path, kg: KnowledgeGraph, doc: str) -> set[str]:
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = {a["id"] for a in tree.get("actors") or []}
    ids.add(kg.documents[doc].publisher)
    for e in kg.given[1]:
        if claim_document(e) == doc:
            ids |= {p.actor for p in e.participants} | ({e.place} if e.place else set())
    for p in kg.given[2]:
        if claim_document(p) == doc:
            ids |= {p.holder, p.organization}
    for s in kg.given[3]:
        if claim_document(s) == doc:
            ids |= {s.holder, s.target}
    return {kg.actor_same_as.get(i, i) for i in ids if kg.actor_same_as.get(i, i) in kg.actors}


def _base_for(path: Path, files: list[Path]) -> tuple[KnowledgeGraph | None, list[Path]]:
    others = [f for f in files if f != path]
    try:
        return korea_graph.load(*others), others
    except korea_graph.KoreaGraphError:
        return None, []  # the others refer to this file (the Monitor article)


def evaluate(path: Path, files: list[Path], corpus: KnowledgeGraph, errors: bool
             ) -> dict[str, Any]:
    """Draft the document of ``path`` against the other files and score it."""
    doc_id = yaml.safe_load(path.read_text(encoding="utf-8"))["document"]["id"]
    doc = corpus.documents[doc_id]
    base, others = _base_for(path, files)
    source = corpus.actors[doc.publisher].label
    start = time.perf_counter()
    d = korea_graph.draft(doc.text, published=doc.published, source=source, base=base,
                          title=doc.title, text_file=doc.text_file, doc_id=f"{doc.id}-draft")
    seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        out = d.write(Path(tmp) / f"{doc.id}.draft.yaml")
        drafted = korea_graph.load(*others, out) if others else load_file(out)
    ddoc = f"{doc.id}-draft"
    d_actor_ids = [a["id"] for a in d.tree["actors"]]
    d_actors = [drafted.actors[drafted.actor_same_as.get(i, i)] for i in d_actor_ids]
    g_actor_ids = _doc_actor_ids(path, corpus, doc.id)
    g_actors = [corpus.actors[i] for i in sorted(g_actor_ids)]
    mapping = match_actors(d_actors, g_actors)
    found = set(mapping.values())
    kind_right = sum(1 for a in d_actors if a.id in mapping and
                     corpus.actors[mapping[a.id]].kind is a.kind)
    g_events = [e for e in corpus.given[1] if claim_document(e) == doc.id]
    d_events = [e for e in drafted.given[1] if claim_document(e) == ddoc]

    def lenient(e: Any, g: Any) -> bool:
        return family(e.type.value) == family(g.type.value) and bool(
            _agents(drafted, e, mapping) & _agents(corpus, g))

    def strict(e: Any, g: Any) -> bool:
        return family(e.type.value) == family(g.type.value) and \
            _agents(drafted, e, mapping) == _agents(corpus, g) and \
            time_right(e.when, g.when) and e.status is g.status

    strict_pairs = _pairs(d_events, g_events, strict)
    lenient_pairs = _pairs(d_events, g_events, lenient)
    g_posts = [p for p in corpus.given[2] if claim_document(p) == doc.id]
    d_posts = [p for p in drafted.given[2] if claim_document(p) == ddoc]
    post_pairs = _pairs(d_posts, g_posts, lambda p, g: (
        mapping.get(p.holder), mapping.get(p.organization)) == (g.holder, g.organization))
    g_stances = [s for s in corpus.given[3] if claim_document(s) == doc.id]
    d_stances = [s for s in drafted.given[3] if claim_document(s) == ddoc]
    stance_pairs = _pairs(d_stances, g_stances, lambda s, g: (
        mapping.get(s.holder), mapping.get(s.target)) == (g.holder, g.target))
    linked = {e.id: e for e in d_events if e.same_as}
    lenient_of = {e.id: g for e, g in lenient_pairs}
    links_right = sum(1 for e in linked.values() if e.id in lenient_of and (
        lenient_of[e.id].id in e.same_as or set(lenient_of[e.id].same_as) & set(e.same_as)))
    reviews = {r.record: r for r in drafted.documents[ddoc].reviews}
    strict_ids = {e.id for e, _ in strict_pairs}
    post_ids = {p.id for p, _ in post_pairs}
    scored: list[tuple[str, float, bool, str]] = []
    for a in d_actors:
        r = reviews.get(a.id)
        if r is not None and r.confidence is not None:
            right = a.id in mapping and corpus.actors[mapping[a.id]].kind is a.kind
            scored.append(("actor", r.confidence, right, r.method or ""))
    for e in d_events:
        r = reviews.get(e.id)
        if r is not None and r.confidence is not None:
            scored.append(("event", r.confidence, e.id in strict_ids, (r.method or "") + (
                f" |{e.when.precision.value}|{len(_agents(drafted, e))}|{e.status.value}"
                f"|{bool(e.same_as)}|lenient={e.id in lenient_of}")))
    for p in d_posts:
        r = reviews.get(p.id)
        if r is not None and r.confidence is not None:
            scored.append(("post", r.confidence, p.id in post_ids, r.method or ""))
    stance_ids = {x.id for x, _ in stance_pairs}
    for x in d_stances:
        r = reviews.get(x.id)
        if r is not None and r.confidence is not None:
            scored.append(("stance", r.confidence, x.id in stance_ids, r.method or ""))
    markers = [a.label for a in d_actors if _MARKERS.search(a.label) or
               (a.label.isupper() and len(a.label) > 4)]
    row: dict[str, Any] = {
        "document": doc.id, "file": path.name, "seconds": round(seconds, 2),
        "words": len(doc.text.split()),
        "actors": {**_pr(len(mapping), len(d_actors), len(g_actors)),
                   "recall": len(found) / len(g_actors) if g_actors else None,
                   "found": len(found), "kind_right": kind_right},
        "events_strict": _pr(len(strict_pairs), len(d_events), len(g_events)),
        "events_lenient": _pr(len(lenient_pairs), len(d_events), len(g_events)),
        "posts": _pr(len(post_pairs), len(d_posts), len(g_posts)),
        "stances": _pr(len(stance_pairs), len(d_stances), len(g_stances)),
        "links": {"precision": links_right / len(linked) if linked else None,
                  "right": links_right, "drafted": len(linked)},
        "marker_actors": markers,
        "scored": scored,
    }
    if errors:
        _print_errors(row, corpus, drafted, d_actors, g_actors, mapping, g_events, d_events,
                      strict_pairs, lenient_pairs, linked, lenient_of)
        got = {g.id for _, g in post_pairs}
        print("curated posts not found:", [(g.holder, g.organization, g.title)
                                           for g in g_posts if g.id not in got])
        print("drafted posts that match nothing:", [
            (p.holder, p.organization, p.title) for p in d_posts if p.id not in post_ids])
        print("curated stances:", [(g.holder, g.attitude.value, g.target) for g in g_stances])
        print("drafted stances:", [(mapping.get(d.holder, d.holder), d.attitude.value,
                                    mapping.get(d.target, d.target)) for d in d_stances])
    return row


def _print_errors(row: dict[str, Any], corpus: KnowledgeGraph, drafted: KnowledgeGraph,
                  d_actors: list[Any], g_actors: list[Any], mapping: dict[str, str],
                  g_events: list[Any], d_events: list[Any], strict_pairs: list[Any],
                  lenient_pairs: list[Any], linked: dict[str, Any],
                  lenient_of: dict[str, Any]) -> None:
    print(f"\n## {row['document']}")
    found = set(mapping.values())
    print("curated actors not found:", sorted(a.id for a in g_actors if a.id not in found))
    print("drafted actors that match nothing:",
          sorted(f"{a.label} ({a.kind.value})" for a in d_actors if a.id not in mapping))
    print("kind differences:", sorted(
        f"{a.label}: {a.kind.value} not {corpus.actors[mapping[a.id]].kind.value}"
        for a in d_actors if a.id in mapping and corpus.actors[mapping[a.id]].kind
        is not a.kind))
    strict_g = {g.id for _, g in strict_pairs}
    lenient_d = {e.id: g for e, g in lenient_pairs}
    print("curated events not matched strictly:")
    for g in g_events:
        if g.id not in strict_g:
            print(f"  {g.id} {g.type.value} {sorted(_agents(corpus, g))} {g.when} "
                  f"{g.status.value}")
    print("drafted events not matched strictly (-> the lenient match, if any):")
    strict_d = {e.id for e, _ in strict_pairs}
    for e in d_events:
        if e.id not in strict_d:
            g = lenient_d.get(e.id)
            print(f"  {e.id} {e.type.value} {sorted(_agents(drafted, e, mapping))} {e.when} "
                  f"{e.status.value}" + (f"  ~ {g.id} {sorted(_agents(corpus, g))} {g.when} "
                                         f"{g.status.value}" if g else "  (spurious)"))
    for e in linked.values():
        g = lenient_of.get(e.id)
        print(f"  link {e.id} -> {e.same_as}: matched {g.id if g else None}")


def calibration(scored: list[tuple[str, float, bool, str]]) -> list[dict[str, Any]]:
    """Bins of confidence: how many records and the share right."""
    bins = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    out = []
    for lo, hi in bins:
        inside = [right for _, c, right, _ in scored if lo <= c < hi]
        out.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "count": len(inside),
                    "right": sum(inside) / len(inside) if inside else None})
    high = [right for _, c, right, _ in scored if c >= 0.8]
    out.append({"bin": ">= 0.8", "count": len(high),
                "right": sum(high) / len(high) if high else None})
    return out


def _sum(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"documents": [r["document"] for r in rows]}
    for what in ("events_strict", "events_lenient", "posts", "stances"):
        hit = sum(r[what]["hit"] for r in rows)
        out[what] = _pr(hit, sum(r[what]["drafted"] for r in rows),
                        sum(r[what]["curated"] for r in rows))
    hit = sum(r["actors"]["hit"] for r in rows)
    n = sum(r["actors"]["drafted"] for r in rows)
    g = sum(r["actors"]["curated"] for r in rows)
    out["actors"] = {"precision": hit / n if n else None,
                     "recall": sum(r["actors"]["found"] for r in rows) / g if g else None,
                     "drafted": n, "curated": g,
                     "kind_right": sum(r["actors"]["kind_right"] for r in rows) / hit
                     if hit else None}
    right = sum(r["links"]["right"] for r in rows)
    linked = sum(r["links"]["drafted"] for r in rows)
    out["links"] = {"precision": right / linked if linked else None, "right": right,
                    "drafted": linked}
    out["marker_actors"] = [m for r in rows for m in r["marker_actors"]]
    out["calibration"] = calibration([s for r in rows for s in r["scored"]])
    out["seconds"] = sum(r["seconds"] for r in rows)
    return out


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def table(name: str, rows: list[dict[str, Any]], total: dict[str, Any]) -> str:
    """A Markdown table of one set of documents and its totals."""
    lines = [f"### {name}", "",
             "| document | actors P/R | kind | events strict P/R | lenient P/R | posts P/R "
             "| stances R | links P | s |", "|---|---|---|---|---|---|---|---|---|"]
    for r in [*rows, {**total, "document": "**all**", "seconds": total["seconds"]}]:
        a = r["actors"]
        kind = a["kind_right"] if isinstance(a["kind_right"], float) or a[
            "kind_right"] is None else (a["kind_right"] / a["hit"] if a.get("hit") else None)
        lines.append(
            f"| {r['document']} | {_pct(a['precision'])} / {_pct(a['recall'])} "
            f"({a['drafted']}/{a['curated']}) | {_pct(kind)} "
            f"| {_pct(r['events_strict']['precision'])} / {_pct(r['events_strict']['recall'])} "
            f"({r['events_strict']['drafted']}/{r['events_strict']['curated']}) "
            f"| {_pct(r['events_lenient']['precision'])} / "
            f"{_pct(r['events_lenient']['recall'])} "
            f"| {_pct(r['posts']['precision'])} / {_pct(r['posts']['recall'])} "
            f"({r['posts']['drafted']}/{r['posts']['curated']}) "
            f"| {_pct(r['stances']['recall'])} ({r['stances']['curated']}) "
            f"| {_pct(r['links']['precision'])} ({r['links']['drafted']}) "
            f"| {r['seconds']:.1f} |")
    lines += ["", "| confidence | records | right |", "|---|---|---|"]
    lines += [f"| {b['bin']} | {b['count']} | {_pct(b['right'])} |"
              for b in total["calibration"]]
    if total["marker_actors"]:
        lines += ["", "Actors from production marks, bylines or datelines: "
                  + ", ".join(total["marker_actors"])]
    return "\n".join(lines)


NEWS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "news"


def uncurated(path: Path, corpus: KnowledgeGraph) -> dict[str, Any]:
    """What can be checked of a news text's draft without its curated file: that it loads
    beside the corpus, how much it drafts, and whether any actor is a production mark,
    a heading, the byline's reporter or a dateline."""
    from korea_graph.curation.draft import draft_file, header_date, header_field
    from korea_graph.curation.mentions import bylines

    text = path.read_text(encoding="utf-8")
    published, source = header_date(text), header_field(text, "publisher")
    assert published and source, path
    start = time.perf_counter()
    d = draft_file(path, published=published, source=source, base=corpus)
    seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        try:
            korea_graph.load(d.write(Path(tmp) / f"{path.stem}.draft.yaml"), corpus=True)
            loads = True
        except korea_graph.KoreaGraphError:
            loads = False
    labels = [a["label"] for a in d.tree["actors"]]
    reporters = {normalize(n) for n in bylines(text)}
    return {"file": path.name, "seconds": round(seconds, 2), "words": len(text.split()),
            "loads": loads, "actors": len(labels), "events": len(d.tree["events"]),
            "posts": len(d.tree["affiliations"]), "stances": len(d.tree["stances"]),
            "links": sum(1 for e in d.tree["events"] if "same_as" in e),
            "marker_actors": [x for x in labels if _MARKERS.search(x) or (
                x.isupper() and len(x) > 5) or normalize(x) in reporters]}


def timing(words: int = 1000, repeat: int = 3) -> dict[str, Any]:
    """Seconds to draft a text of about ``words`` words against the shipped corpus: in a
    fresh process (the first call loads spaCy and dateparser) and once loaded."""
    kg = korea_graph.load()
    body = kg.documents["monitor-6-129"].text
    _head, _, rest = body.partition("\n---")
    rest = rest[rest.find("\n") + 1:]
    paragraphs = [p for p in rest.split("\n") if p.strip()]
    text_words: list[str] = []
    chosen = []
    for p in paragraphs:
        if len(text_words) >= words:
            break
        chosen.append(p)
        text_words += p.split()
    text = f"Title: timing\n{'-' * 20}\n" + "\n".join(chosen) + "\n"
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:  # a fresh process: spaCy loads on first use
        path = Path(tmp) / "t.txt"
        path.write_text(text, encoding="utf-8")
        code = ("import time, korea_graph; kg = korea_graph.load(); t = time.perf_counter(); "
                f"korea_graph.draft(open({str(path)!r}).read(), published='2000-07-03', "
                "source='The Jamestown Foundation', base=kg); "
                "print(time.perf_counter() - t)")
        cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, env={**__import__("os").environ,
                                               "PYTHONPATH": str(Path(__file__).parents[1])})
    first = float(cold.stdout.strip().splitlines()[-1])
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        korea_graph.draft(text, published="2000-07-03", source="The Jamestown Foundation",
                          base=kg)
        runs.append(time.perf_counter() - start)
    return {"words": len(text_words), "first_seconds": round(first, 2),
            "seconds": round(min(runs), 3), "runs": [round(r, 3) for r in runs],
            "goal_seconds": 2.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument("--held-out", action="store_true",
                        help="also draft and score the held-out texts (final runs only)")
    parser.add_argument("--timing", action="store_true", help="time a 1,000-word text")
    parser.add_argument("--scored", action="store_true",
                        help="print every drafted record's confidence and whether it is right")
    parser.add_argument("--name", default=str(date.today()),
                        help="suffix of the results files (drafting-NAME.json/md)")
    args = parser.parse_args(argv)
    files = bundled_data_files()
    corpus = korea_graph.load()
    dev = [f for f in files if not f.name.startswith(HELD_OUT)]
    held = [f for f in files if f.name.startswith(HELD_OUT)]
    result: dict[str, Any] = {"date": str(date.today()), "held_out_files": [
        f.name for f in held]}
    md = [f"# Drafting before review ({args.name})", "",
          "`python benchmarks/drafting.py` (matching rules in its docstring).", ""]
    for name, chosen in (("dev", dev), ("held-out", held if args.held_out else [])):
        rows = [evaluate(f, files, corpus, args.errors) for f in chosen]
        if not rows:
            md.append(f"### {name}\n\nnot measured" + (
                " (no curated file of a held-out text yet)" if args.held_out else
                " (run with --held-out)") + "\n")
            continue
        total = _sum(rows)
        if args.scored:
            for r in rows:
                for what, c, right, method in r["scored"]:
                    print(f"SCORED\t{r['document']}\t{what}\t{c}\t{int(right)}\t{method}")
        for r in rows:
            r.pop("scored")
        result[name] = {"rows": rows, "total": total}
        md += [table(name, rows, total), ""]
    curated_texts = {corpus.documents[d].text_file for d in corpus.documents}
    news = [f for f in sorted(NEWS.glob("*.txt")) if f.name not in curated_texts and (
        args.held_out or not f.name.startswith(HELD_OUT))]
    if news:
        result["uncurated"] = [uncurated(f, corpus) for f in news]
        md += ["### news texts without a curated file (no precision or recall: what can be "
               "checked without one)", "",
               "| text | set | loads | actors | events | posts | stances | links | "
               "production marks, bylines, headings as actors | s |",
               "|---|---|---|---|---|---|---|---|---|---|"]
        for u in result["uncurated"]:
            held = "held-out" if u["file"].startswith(HELD_OUT) else "dev"
            md.append(f"| {u['file'][:40]} | {held} | {u['loads']} | {u['actors']} | "
                      f"{u['events']} | {u['posts']} | {u['stances']} | {u['links']} | "
                      f"{', '.join(u['marker_actors']) or 'none'} | {u['seconds']:.2f} |")
        md.append("")
    if args.timing:
        result["timing"] = timing()
        t = result["timing"]
        md += [f"Timing: a {t['words']}-word text drafts in {t['seconds']:.2f} s against the "
               f"shipped corpus once the pipeline is loaded, {t['first_seconds']:.2f} s as the "
               "first call of a fresh process (loading spaCy); goal < 2 s."]
    print("\n".join(md))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"drafting-{args.name}.json").write_text(
        json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    (RESULTS / f"drafting-{args.name}.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
