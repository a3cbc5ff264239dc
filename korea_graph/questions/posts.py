"""Who held a post at a date, with the certainty the text allows.

Posts are mostly *held at* the dates the article mentions them ("Foreign Minister Igor
Ivanov" in an article of 3 or 4 July 2000), open on both sides. So "who was Russian
president on July 19, 2000" has an answer, but only a *possible* one: the article says
Putin was president when it was written, not that he still was on July 19. A post
certainly holds on the days between its observations. With the corpus loaded, the
Kremlin's report of July 19 ("Russian President Vladimir Putin") holds that day: each
source's post is its own row.

Titles match as the article words them, not as substrings: a Deputy Foreign Minister is
not a Foreign Minister, but "ambassador" finds the "ambassador to Russia".

>>> from korea_graph import load
>>> kg = load()
>>> for row in holders(kg, "president", of="Russia", at="2000-07-19"):
...     print(row.holder, row.title, row.organization, row.certainty)
Vladimir Putin President Russia possible
Vladimir Putin President Russia certain
>>> [row.holder for row in holders(kg, "foreign minister", of="Russia")]
['Igor Ivanov']
>>> [row.holder for row in holders(kg, "deputy foreign minister", of="Russia")]
['Aleksandr Losyukov', 'Georgy Mamedov']
>>> [row.holder for row in heads(kg, "North Korea's parliament", at="June 27")]
['Kim Yong-nam']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, Affiliation, AffiliationKind, Status
from ..errors import QueryError
from .answers import Answers, PostRow
from .query import AnchorLike, Strength, _cite, _inferred, resolve_anchor, title_matches

__all__ = ["heads", "holders", "title_matches"]

_REAL = {Status.OCCURRED, Status.REPORTED, Status.DISPUTED}


def holders(
    kg: KnowledgeGraph,
    post: str | None = None,
    *,
    of: str | Actor | None = None,
    at: AnchorLike | None = None,
    kind: AffiliationKind | str | None = None,
    strength: Strength = "possibly",
    as_of: date | str | None = None,
    documents: Iterable[str] | None = None,
    question: str | None = None,
) -> Answers[PostRow]:
    """Who held a post (``post``: title words, "foreign minister"), of an organisation
    or state (``of``: the organisation itself, or a state whose institutions it is), at
    a time (``at``: a date or an event). Each row says whether the post ``certain``-ly
    or only ``possible``-y held then; ``strength="certainly"`` keeps only the certain."""
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    org = kg.actor(of) if of is not None else None
    anchor = resolve_anchor(kg, at) if at is not None else None
    wanted_kind = AffiliationKind(kind) if kind is not None else None
    if post is None and org is None and wanted_kind is None:
        raise QueryError("name a post, an organisation or a kind of post")
    rows = []
    for aff in kg.affiliations.values():
        if aff.status not in _REAL:
            continue
        if wanted_kind is not None and aff.kind is not wanted_kind:
            continue
        if post is not None and not title_matches(post, aff.title):
            continue
        if org is not None and not _belongs(kg, aff, org):
            continue
        certainty = None
        if anchor is not None:
            if not aff.when.possibly_overlaps(anchor.when):
                continue
            certainty = "certain" if aff.when.certainly_overlaps(anchor.when) else "possible"
            if strength == "certainly" and certainty != "certain":
                continue
        rows.append(_row(kg, aff, certainty))
    what = post or (wanted_kind.value if wanted_kind else "post")
    text = f"who was {what}" + (f" of {org.label}" if org else "") + (
        f" at {anchor.label}" if anchor else "")
    query = (f"holders(kg, {post!r}, of={org.id if org else None!r}, at={at!r}, "
             f"kind={wanted_kind.value if wanted_kind else None!r}, strength={strength!r})")
    return Answers(rows, question=question or text, query=query)


def heads(kg: KnowledgeGraph, organization: str | Actor, *, at: AnchorLike | None = None,
          strength: Strength = "possibly", question: str | None = None,
          as_of: date | str | None = None,
          documents: Iterable[str] | None = None) -> Answers[PostRow]:
    """Who headed ``organization`` (a state, a parliament, a delegation), at ``at``."""
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    org = kg.actor(organization)
    rows = [row for row in holders(kg, of=org, at=at, kind=AffiliationKind.HEAD,
                                   strength=strength)
            if row.organization_id == org.id]
    query = f"heads(kg, {org.id!r}, at={at!r}, strength={strength!r})"
    return Answers(rows, question=question or f"who heads {org.label}", query=query)


def _belongs(kg: KnowledgeGraph, aff: Affiliation, org: Actor) -> bool:
    """The post is in ``org``, or in an institution of the state ``org``."""
    if aff.organization == org.id:
        return True
    holder_org = kg.actors.get(aff.organization)
    return holder_org is not None and holder_org.country == org.id and (
        holder_org.kind.category == "institution")


def _row(kg: KnowledgeGraph, aff: Affiliation, certainty: str | None) -> PostRow:
    return PostRow(
        holder=kg.actors[aff.holder].label, holder_id=aff.holder, title=aff.title,
        kind=aff.kind.value, organization=kg.actors[aff.organization].label,
        organization_id=aff.organization,
        accredited_to=kg.actors[aff.accredited_to].label if aff.accredited_to else None,
        when=aff.when, status=aff.status, record_id=aff.id, evidence=aff.evidence,
        citations=tuple(_cite(kg, c.outlet, c.date) for c in aff.citations),
        certainty=certainty, hedges=tuple(str(h) for h in aff.hedges),
        inferred=_inferred(kg, aff),
    )
