"""Review a drafted data file: accept, reject or edit each candidate, write the curated file.

A :class:`DraftFile` holds the YAML tree of a draft (as written by
:func:`~korea_graph.curation.draft.draft`). Each actor, event, affiliation and stance
with a ``review`` block is a candidate. Accepting one drops its ``review`` block (it is
curated); rejecting one removes it, and with an actor every participant, post or
stance that needs it; editing sets fields. :meth:`DraftFile.save` writes the file back
(still a draft while candidates remain), :meth:`DraftFile.write_curated` writes the
curated file and checks that it loads. In Jupyter, :meth:`DraftFile.frame` gives the
candidates as a pandas DataFrame with an ``accept`` column, and
:meth:`DraftFile.apply` writes the column back.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.txt").write_text("Title: t\\n---\\nPutin met Kim Jong-il.\\n",
...                                    encoding="utf-8")
>>> _ = (folder / "t.draft.yaml").write_text('''
... format: korea_graph/1
... document: {id: t, title: t, text: t.txt, publisher: x, published: 2000-07-03}
... actors:
...   - {id: x, label: X, kind: news_outlet}
...   - {id: putin, label: Putin, kind: person, review: {status: unreviewed, confidence: 0.9}}
... ''', encoding="utf-8")
>>> d = DraftFile.open(folder / "t.draft.yaml")
>>> [c.id for c in d.candidates()]
['putin']
>>> d.accept("putin"); d.pending()
[]
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import DataError, NotFoundError, ParseError, SchemaError
from ..files import atomic_path, write_text
from .loader import load

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Candidate", "DraftFile", "review_frame"]

SECTIONS = ("actors", "events", "affiliations", "stances")
WHAT = {"actors": "actor", "events": "event", "affiliations": "post", "stances": "stance"}


class _TextDates(yaml.SafeLoader):
    """YAML with dates kept as text (the loader reads them itself)."""


_TextDates.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: str(loader.construct_scalar(node)),  # type: ignore[arg-type]
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One drafted record awaiting review."""

    section: str  #: actors, events, affiliations or stances
    id: str
    record: dict[str, Any]

    @property
    def what(self) -> str:
        """actor, event, post or stance."""
        return WHAT[self.section]

    @property
    def review(self) -> dict[str, Any]:
        """The record's review block."""
        value = self.record.get("review") or {}
        return value if isinstance(value, dict) else {}

    @property
    def confidence(self) -> float | None:
        value = self.review.get("confidence")
        return float(value) if isinstance(value, (int, float)) else None

    def summary(self) -> str:
        """One line: what, id, type or kind, label and confidence."""
        r = self.record
        kind = r.get("type") or r.get("kind") or r.get("attitude") or ""
        label = r.get("label") or r.get("title") or ""
        if self.section == "affiliations":
            label = f"{r.get('holder')} {r.get('kind')} {r.get('organization')} ({label})"
        conf = f"{self.confidence:.2f}" if self.confidence is not None else "?"
        return f"{self.what} {self.id} [{kind}] {label} (confidence {conf})"

    def details(self) -> str:
        """The candidate as YAML, without its review block, and the review's reasons."""
        body = {k: v for k, v in self.record.items() if k != "review"}
        text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
        for key in ("method", "mention", "matched"):
            if key in self.review:
                text += f"# {key}: {self.review[key]}\n"
        return text


class DraftFile:
    """A drafted data file, being reviewed (see the module docstring)."""

    def __init__(self, path: Path, tree: dict[str, Any]) -> None:
        self.path = path
        self.tree = tree

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> DraftFile:
        """Read a draft; it must be a data file (it need not be valid yet)."""
        path = Path(path)
        try:
            tree = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)
        except FileNotFoundError as exc:
            raise DataError("no such file", file=str(path), expected="a draft data file"
                            ) from exc
        except yaml.YAMLError as exc:
            raise ParseError(f"malformed YAML: {exc}", file=str(path)) from exc
        if not isinstance(tree, dict) or "document" not in tree:
            raise SchemaError("not a data file", file=str(path),
                              expected="a korea_graph data file with a document block")
        return cls(path, tree)

    # candidates ---------------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        """Every record with a review block, actors first."""
        return list(self._iter())

    def pending(self) -> list[Candidate]:
        """Candidates still unreviewed."""
        return [c for c in self._iter() if c.review.get("status", "unreviewed") == "unreviewed"]

    def _iter(self) -> Iterator[Candidate]:
        for section in SECTIONS:
            for record in self.tree.get(section) or []:
                if isinstance(record, dict) and "review" in record:
                    yield Candidate(section, str(record.get("id")), record)

    def find(self, record_id: str) -> Candidate:
        """The candidate with this id."""
        for c in self._iter():
            if c.id == record_id:
                return c
        raise NotFoundError(f"no candidate has the id {record_id!r} in {self.path}")

    def accept(self, record_id: str) -> None:
        """Accept a candidate: it becomes a curated record (its review block goes)."""
        del self.find(record_id).record["review"]

    def reject(self, record_id: str) -> list[str]:
        """Remove a candidate; for an actor, also what needs it. Returns what went."""
        c = self.find(record_id)
        self.tree[c.section] = [r for r in self.tree[c.section] if r is not c.record]
        gone = [f"{c.what} {c.id}"]
        if c.section == "actors":
            gone += self._drop_actor(c.id)
        return gone

    def _drop_actor(self, actor_id: str) -> list[str]:
        gone: list[str] = []
        for event in list(self.tree.get("events") or []):
            parts = [p for p in event.get("participants", []) if p.get("actor") != actor_id]
            if event.get("place") == actor_id:
                del event["place"]
            if len(parts) != len(event.get("participants", [])):
                event["participants"] = parts
                if not parts:
                    self.tree["events"].remove(event)
                    gone.append(f"event {event.get('id')} (no participant left)")
        for section, keys in (("affiliations", ("holder", "organization", "accredited_to")),
                              ("stances", ("holder", "target"))):
            for record in list(self.tree.get(section) or []):
                if any(record.get(k) == actor_id for k in keys):
                    self.tree[section].remove(record)
                    gone.append(f"{WHAT[section]} {record.get('id')}")
        for actor in self.tree.get("actors") or []:
            if actor.get("country") == actor_id:
                del actor["country"]
        return gone

    def edit(self, record_id: str, **fields: Any) -> None:
        """Set fields of a candidate (``status="reported"``, ``when="2000-06-27"``...);
        ``None`` removes a field. The candidate stays unreviewed until accepted."""
        record = self.find(record_id).record
        for key, value in fields.items():
            if key in ("id", "review"):
                raise SchemaError(f"{key!r} cannot be edited", field=key,
                                  expected="another field")
            if value is None:
                record.pop(key, None)
            else:
                record[key] = value

    # files --------------------------------------------------------------------------------
    def text(self, *, curated: bool = False) -> str:
        """The file as YAML; ``curated`` leaves out the draft header."""
        body = yaml.safe_dump(self.tree, sort_keys=False, allow_unicode=True, width=100)
        if curated:
            return body
        left = len(self.pending())
        return (f"# A DRAFT: {left} candidate(s) unreviewed. Review with "
                "`korea-graph review FILE`.\n" + body)

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Write the draft back (to ``path``, by default where it came from)."""
        target = Path(path) if path is not None else self.path
        self._copy_text(target)
        return write_text(target, self.text(curated=not self.pending()))

    def write_curated(self, path: str | os.PathLike[str],
                      base: Sequence[str | os.PathLike[str]] | None = None) -> Path:
        """Write the reviewed file and load it with ``base`` (the data files it refers to;
        the shipped corpus by default): all or nothing, a file that does not load is not
        written, and the error says why. Unreviewed candidates stay marked."""
        target = Path(path)
        self._copy_text(target)
        with atomic_path(target) as tmp:
            tmp.write_text(self.text(curated=not self.pending()), encoding="utf-8")
            if base:
                load(*base, tmp)
            else:
                load(tmp, corpus=True)
        return target

    def _copy_text(self, target: Path) -> None:
        name = str(self.tree["document"].get("text", ""))
        source, dest = self.path.parent / name, target.parent / name
        if name and source.exists() and source.resolve() != dest.resolve():
            write_text(dest, source.read_text(encoding="utf-8"))

    # pandas -------------------------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        """The candidates as a DataFrame: one row each, with ``accept`` (``None`` until
        set to ``True`` or ``False``) for :meth:`apply`."""
        import pandas as pd

        rows = []
        for c in self.candidates():
            r = c.record
            evidence = r.get("evidence") or c.review.get("evidence") or []
            if isinstance(evidence, dict):
                evidence = [evidence]
            rows.append({
                "id": c.id, "what": c.what,
                "type": r.get("type") or r.get("kind") or r.get("attitude"),
                "label": r.get("label") or r.get("title"),
                "status": r.get("status"), "confidence": c.confidence,
                "same_as": r.get("same_as"), "method": c.review.get("method"),
                "evidence": " […] ".join(str(e.get("quote", "")) for e in evidence),
                "accept": None if c.review.get("status", "unreviewed") == "unreviewed"
                else True,
            })
        columns = ["id", "what", "type", "label", "status", "confidence", "same_as",
                   "method", "evidence", "accept"]
        return pd.DataFrame(rows, columns=columns).astype({"accept": "object"})

    def apply(self, frame: pd.DataFrame, path: str | os.PathLike[str] | None = None) -> Path:
        """Apply a frame's ``accept`` column (True accepts, False rejects, empty leaves
        the candidate unreviewed) and write the file back; returns it."""
        if "id" not in frame.columns or "accept" not in frame.columns:
            raise SchemaError("the frame needs the columns id and accept",
                              expected="a frame from DraftFile.frame()")
        known = {c.id for c in self.candidates()}
        for record_id, accept in zip(frame["id"], frame["accept"], strict=True):
            if record_id not in known or accept is None or (
                    isinstance(accept, float) and accept != accept):
                continue
            if bool(accept):
                self.accept(str(record_id))
            else:
                self.reject(str(record_id))
            known = {c.id for c in self.candidates()}
        return self.save(path)


def review_frame(path: str | os.PathLike[str]) -> pd.DataFrame:
    """The candidates of a draft as a DataFrame (see :meth:`DraftFile.frame`)."""
    return DraftFile.open(path).frame()
