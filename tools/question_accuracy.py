"""Score the analysts' question sets (tests/fixtures/questions/*.yaml) against the shipped
graph and print the accuracy by family, the development and held-out sets apart, with the
paraphrase groups that do not give one answer (issue 30, item 5).

    python tools/question_accuracy.py            # the tables, for docs/questions.md
    python tools/question_accuracy.py --wrong    # and every question scored wrong

A question scores right when every expectation of its ``expect`` holds:

- ``rows``: each string is in some answer row's text fields (case and apostrophes
  ignored); ``absent``: in none. A row's text fields are its ``record()`` values, the
  label of the event it stands for included, its evidence, hedges and inferences not.
- ``count``: ``answers.count`` when the answer has one, else the number of rows.
- ``yes``: ``answers.yes`` when the answer has one, else whether there are rows.
- ``nothing``: a :class:`~korea_graph.QueryError`, or no rows and a note saying so.
- ``ambiguous``: a QueryError whose message names every candidate.

tests/test_question_sets.py uses these functions (one rule in one place) and writes
benchmarks/results/questions.json.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SETS = {"dev": ROOT / "tests" / "fixtures" / "questions" / "dev.yaml",
        "heldout": ROOT / "tests" / "fixtures" / "questions" / "heldout.yaml"}
RESULTS = ROOT / "benchmarks" / "results" / "questions.json"

FAMILIES = ("who-met-whom", "visits", "proposals", "statements", "signing", "stances",
            "posts", "time-bounded", "counts", "yes-no", "planned-vs-happened",
            "states-and-people", "sources", "conflicts", "places", "not-in-documents",
            "ambiguous-names")
KINDS = ("rows", "count", "yes", "nothing", "ambiguous")  #: exactly one per question
GROUP_SIZE = 5
_FIELDS = {"id", "family", "group", "question", "expect", "why"}
_EXPECT = {*KINDS, "absent"}
#: row fields that justify an answer rather than state it: not matched against
_NOT_ANSWER = frozenset({"evidence", "hedges", "inferred", "unreviewed_reports", "review"})
#: the ids that tell two answer rows apart (what "the same answer" compares)
_KEY_FIELDS = ("record", "event", "actor", "subject_id", "object_id", "holder_id",
               "organization_id", "outlet_id", "document", "path")


class QuestionSetError(ValueError):
    """A question set file that does not have the expected shape."""


@dataclass(frozen=True)
class Question:
    """One entry of a question set."""

    id: str
    family: str
    question: str
    expect: Mapping[str, Any]
    why: str
    group: str | None = None
    line: int = 0

    @property
    def kind(self) -> str:
        """Which expectation decides: rows, count, yes, nothing or ambiguous."""
        return next(k for k in KINDS if k in self.expect)


@dataclass(frozen=True)
class Outcome:
    """How one question was answered and scored."""

    question: Question
    right: bool
    signature: frozenset[str]  #: the answer's row keys, or what a refusal said
    detail: str  #: what failed, or "" when right
    answered: bool = True  #: False when the question was refused (QueryError)


@dataclass
class Report:
    """The scores of every set, by family, and the paraphrase groups."""

    outcomes: dict[str, list[Outcome]] = field(default_factory=dict)

    def accuracy(self, name: str, family: str | None = None) -> tuple[int, int]:
        """(right, total) of a set, or of one family of it."""
        rows = [o for o in self.outcomes[name] if family in (None, o.question.family)]
        return sum(o.right for o in rows), len(rows)

    def groups(self, name: str) -> dict[str, list[Outcome]]:
        """The outcomes of each paraphrase group of a set."""
        out: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes[name]:
            if o.question.group:
                out[o.question.group].append(o)
        return dict(out)

    def inconsistent(self, name: str) -> list[str]:
        """The groups whose wordings do not all give the same answer. A refusal is an
        answer only when it is the expected one (nothing held, or the candidates named)."""
        return sorted(g for g, os in self.groups(name).items()
                      if len({o.signature for o in os}) != 1
                      or any(not o.answered and not o.right for o in os))

    def to_json(self) -> dict[str, Any]:
        """The results as written to benchmarks/results/questions.json."""
        out: dict[str, Any] = {}
        for name, outcomes in self.outcomes.items():
            right, total = self.accuracy(name)
            families = {}
            for fam in FAMILIES:
                r, t = self.accuracy(name, fam)
                refused = sum(not o.answered for o in outcomes if o.question.family == fam)
                if t:
                    families[fam] = {"right": r, "total": t, "accuracy": round(r / t, 4),
                                     "refused": refused}
            groups = self.groups(name)
            bad = self.inconsistent(name)
            out[name] = {
                "right": right, "total": total, "accuracy": round(right / total, 4),
                "refused": sum(not o.answered for o in outcomes),
                "families": families,
                "groups": {"total": len(groups), "consistent": len(groups) - len(bad),
                           "inconsistent": bad},
                "wrong": {o.question.id: o.detail for o in outcomes if not o.right},
            }
        return out


def load_set(path: Path) -> list[Question]:
    """The questions of one set file, checked: every error names the file, the line of
    the entry, the field and what was expected.

    >>> qs = load_set(SETS["dev"])
    >>> len(qs) >= 160 and qs[0].kind in KINDS
    True
    """
    text = path.read_text(encoding="utf-8")
    node = yaml.compose(text)
    data = yaml.safe_load(text)

    def fail(line: int, message: str) -> QuestionSetError:
        return QuestionSetError(f"{path}:{line}: {message}")

    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise fail(1, "expected a mapping with a 'questions' list")
    assert node is not None  # the data above is a mapping
    items = next(v for k, v in node.value if k.value == "questions").value
    out: list[Question] = []
    seen: dict[str, int] = {}
    for entry, item in zip(data["questions"], items, strict=True):
        line = item.start_mark.line + 1
        if not isinstance(entry, dict):
            raise fail(line, "expected a mapping {id, family, question, expect, why}")
        extra, missing = set(entry) - _FIELDS, _FIELDS - {"group"} - set(entry)
        if extra or missing:
            raise fail(line, f"fields: unknown {sorted(map(str, extra))}, missing "
                             f"{sorted(missing)}; expected {sorted(_FIELDS)}")
        qid = entry["id"]
        if qid in seen:
            raise fail(line, f"id {qid!r} is already used on line {seen[qid]}")
        seen[qid] = line
        if entry["family"] not in FAMILIES:
            raise fail(line, f"family {entry['family']!r}: expected one of {FAMILIES}")
        for name in ("question", "why"):
            if not isinstance(entry[name], str) or not entry[name].strip():
                raise fail(line, f"{name}: expected a non-empty string")
        expect = entry["expect"]
        if not isinstance(expect, dict) or set(expect) - _EXPECT:
            raise fail(line, f"expect: expected a mapping of {sorted(_EXPECT)} "
                             f"(quote \"yes\": YAML 1.1 reads it as a boolean)")
        kinds = [k for k in KINDS if k in expect]
        if len(kinds) != 1:
            raise fail(line, f"expect: expected exactly one of {KINDS}, got {kinds}")
        for name in ("rows", "absent", "ambiguous"):
            value = expect.get(name)
            if value is not None and (not isinstance(value, list) or not value
                                      or not all(isinstance(v, str) for v in value)):
                raise fail(line, f"expect.{name}: expected a non-empty list of strings")
        checks = {"count": int, "yes": bool, "nothing": bool}
        for name, typ in checks.items():
            if name in expect and type(expect[name]) is not typ:
                raise fail(line, f"expect.{name}: expected {typ.__name__}")
        if expect.get("nothing") is False:
            raise fail(line, "expect.nothing: expected true (leave it out otherwise)")
        out.append(Question(qid, entry["family"], entry["question"], expect, entry["why"],
                            entry.get("group"), line))
    groups: dict[str, list[Question]] = defaultdict(list)
    for q in out:
        if q.group:
            groups[q.group].append(q)
    for name, qs in groups.items():
        if len(qs) != GROUP_SIZE:
            raise fail(qs[0].line, f"group {name!r}: expected {GROUP_SIZE} wordings, "
                                   f"got {len(qs)}")
        if len({(q.family, json.dumps(q.expect, sort_keys=True)) for q in qs}) != 1:
            raise fail(qs[0].line, f"group {name!r}: expected one family and one expect "
                                   "for all its wordings")
    return out


def _norm(text: str) -> str:
    """Case, apostrophes, dashes and spacing ignored.

    >>> _norm("Lee’s  Visit–Moscow")
    "lee's visit-moscow"
    """
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            if k not in _NOT_ANSWER:
                yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def row_text(kg: Any, record: Mapping[str, Any]) -> str:
    """The text fields of one answer row (``row.record()``), normalised, with the label
    of the event the row stands for."""
    parts = list(_strings(record))
    for key in ("record", "event"):
        event = kg.events.get(record.get(key)) if isinstance(record.get(key), str) else None
        if event is not None:
            parts.append(event.label)
    return _norm(" | ".join(parts))


def row_key(record: Mapping[str, Any]) -> str:
    """What tells one answer row from another: its record and the ids it links."""
    return json.dumps([record.get(k) for k in _KEY_FIELDS])


def _without_examples(message: str) -> str:
    """A refusal's message without the example questions of the forms it lists: those
    name actors ("who met Jai-chun Lee") that the refusal does not offer as candidates."""
    from korea_graph.questions import english

    text = _norm(message)
    for form in getattr(english, "GRAMMAR", ()):
        text = text.replace(_norm(form.example), " ")
    return text


def score(kg: Any, question: Question, ask: Callable[[Any, str], Any] | None = None
          ) -> Outcome:
    """Ask one question of ``kg`` (with ``ask``, :func:`korea_graph.ask` by default) and
    score it against its expectations."""
    import korea_graph
    from korea_graph import QueryError

    asking = korea_graph.ask if ask is None else ask
    expect = question.expect
    try:
        answers = asking(kg, question.question)
    except QueryError as exc:
        message = _without_examples(str(exc))
        short = str(exc).splitlines()[0][:160]
        if "nothing" in expect:
            return Outcome(question, True, frozenset({"refused"}), "", answered=False)
        if "ambiguous" in expect:
            missing = [c for c in expect["ambiguous"] if _norm(c) not in message]
            named = frozenset(c for c in expect["ambiguous"] if _norm(c) in message)
            detail = f"refusal does not name {missing}: {short}" if missing else ""
            return Outcome(question, not missing, named, detail, answered=False)
        return Outcome(question, False, frozenset({f"refused:{question.id}"}),
                       f"refused: {short}", answered=False)
    records = answers.to_records()
    texts = [row_text(kg, r) for r in records]
    signature = frozenset(row_key(r) for r in records)
    failed: list[str] = []
    for want in expect.get("rows") or ():
        if not any(_norm(want) in t for t in texts):
            failed.append(f"no row has {want!r}")
    for unwanted in expect.get("absent") or ():
        if any(_norm(unwanted) in t for t in texts):
            failed.append(f"a row has {unwanted!r}")
    if "count" in expect:
        got = getattr(answers, "count", None)
        got = len(records) if got is None else got
        if got != expect["count"]:
            failed.append(f"count {got}, expected {expect['count']}")
    if "yes" in expect:
        said = getattr(answers, "yes", None)
        said = bool(records) if said is None else bool(said)
        if said != expect["yes"]:
            failed.append(f"answered {'yes' if said else 'no'}, expected "
                          f"{'yes' if expect['yes'] else 'no'} ({len(records)} rows)")
    if "nothing" in expect:
        if records:
            failed.append(f"{len(records)} rows, expected none")
        elif not (answers.note or answers.notes):
            failed.append("no rows but no note saying the documents hold nothing")
        signature = frozenset({"refused"}) if not records else signature
    if "ambiguous" in expect:
        failed.append(f"answered with {len(records)} rows instead of naming the candidates")
    return Outcome(question, not failed, signature, "; ".join(failed))


def evaluate(kg: Any, sets: Mapping[str, Path] = SETS) -> Report:
    """Score every question of every set."""
    report = Report()
    for name, path in sets.items():
        report.outcomes[name] = [score(kg, q) for q in load_set(path)]
    return report


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.0f}%)" if total else "-"


def render(report: Report) -> str:
    """The accuracy table by family (development and held-out side by side) and the
    paraphrase groups, as Markdown."""
    names = list(report.outcomes)
    lines = ["| family | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for fam in FAMILIES:
        cells = [_pct(*report.accuracy(n, fam)) for n in names]
        lines.append(f"| {fam} | " + " | ".join(cells) + " |")
    lines.append("| **all** | " + " | ".join(f"**{_pct(*report.accuracy(n))}**"
                                            for n in names) + " |")
    for name in names:
        refused = sum(not o.answered for o in report.outcomes[name])
        groups = report.groups(name)
        if not groups:
            lines += ["", f"{name}: {refused} refused."]
            continue
        bad = report.inconsistent(name)
        lines += ["", f"{name}: {refused} refused; paraphrase groups giving one answer: "
                      f"{len(groups) - len(bad)} of {len(groups)}"
                      + (f" (not: {', '.join(bad)})" if bad else "") + "."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the tables (and, with ``--wrong``, every question scored wrong)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wrong", action="store_true", help="list the questions scored wrong")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    import korea_graph

    report = evaluate(korea_graph.load())
    print(render(report))
    if args.wrong:
        for name, outcomes in report.outcomes.items():
            print(f"\n## {name}: wrong")
            for o in outcomes:
                if not o.right:
                    print(f"- {o.question.id} {o.question.question!r}: {o.detail}")
    if args.json:
        args.json.write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
