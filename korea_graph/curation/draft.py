"""Draft a data file from a news text: candidate actors, events, posts, each unreviewed.

:func:`draft` reads a text with :mod:`~korea_graph.curation.mentions` (sentences, actor
mentions), finds event triggers ("met", "visit", "signed", "proposed", "said"...) and
gives each a type of the model, participants in roles, a place, a time from
:mod:`~korea_graph.curation.draft_time`, a status from the sentence's hedges and a CAMEO
code. Candidates that repeat one event within the text are merged (their evidence
kept); a candidate that matches an event of the base graph (same type, overlapping
time, shared participants) is proposed as the same event. Titles give posts held at
the publication date. Every candidate carries the sentence it came from (offsets the
loader checks) and a ``review`` block: ``status: unreviewed`` and a confidence.

>>> import korea_graph
>>> d = korea_graph.draft("Title: t\\n---\\nRussian Foreign Minister Igor Ivanov met "
...                       "Kim Jong Il in Pyongyang on June 27.", published="2000-07-03",
...                       source="example", base=korea_graph.load())
>>> [(e["type"], e["when"]["date"], e["status"]) for e in d.tree["events"]]
[('meeting', '2000-06-27', 'occurred')]
>>> [p["actor"] for p in d.tree["events"][0]["participants"]]
['igor-ivanov', 'kim-jong-il']
>>> d.tree["events"][0]["review"]["status"]
'unreviewed'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind
from ..core.timespan import TimeSpan
from ..errors import DataError
from ..files import write_text
from .draft_time import TimeMention, duration_days, find_times, time_form
from .loader import FORMAT
from .mentions import ActorCandidate, Mention, Sentence, TextReading, read_text, slug

__all__ = ["Draft", "draft", "draft_file", "header_date", "header_field"]

# trigger word -> (event type, CAMEO code, CAMEO code when planned or considered)
TRIGGERS: dict[str, tuple[str, str, str]] = {}
for _words, _spec in [
    ("met meet meets meeting meetings", ("meeting", "040", "036")),
    ("visit visits visited visiting trip trips traveled travelled arrived arrive arrives "
     "arrival traveling travelling making", ("visit", "042", "036")),
    ("talks discussed discuss discusses consultations", ("talks", "046", "036")),
    ("negotiations negotiated negotiate negotiating", ("negotiation", "046", "036")),
    ("summit", ("summit", "040", "036")),
    ("letter wrote", ("letter", "010", "010")),
    ("said says told stated remarks declared denounced condemned criticized criticised "
     "accused", ("statement", "010", "010")),
    ("proposed propose proposes proposal raised", ("proposal", "020", "020")),
    ("signed sign signs signing", ("signing", "057", "057")),
    ("announcement announced announces", ("announcement", "010", "010")),
    ("decision decided", ("decision", "054", "054")),
    ("build built constructed", ("construction", "061", "061")),
    ("sell sold sales obtained supplied delivered", ("arms_transfer", "072", "0332")),
    ("published", ("report", "", "")),
]:
    for _w in _words.split():
        TRIGGERS[_w] = _spec
_CAMEO_WORDS = {"denounced": "111", "condemned": "111", "criticized": "111",
                "criticised": "111", "accused": "112", "praised": "051"}
#: hedges, by status, most decisive first
_DID_NOT = ("appears not to have", "appear not to have", "did not take place",
            "never took place", "was cancelled", "was canceled", "was called off")
_DISPUTED_NEXT = ("it was unclear whether", "it is unclear whether", "if true")
_CONSIDER = {"might", "may", "could", "considering", "consider", "considers", "possible",
             "possibly", "mulling"}
_PLANNED = {"will", "would", "shall", "upcoming", "expected", "scheduled", "plans",
            "planned", "future", "forthcoming", "preparation"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "this", "that", "our"}
#: words after which an event is still to come ("later this week", "in the near future")
_SOON = ("later this week", "next week", "later this year", "next year", "in the near future",
         "soon", "next month", "later this month", "at an appropriate time")
_REPORTED_ADJECTIVES = {"supposed", "purported", "alleged", "rumored", "rumoured"}
#: verbs whose infinitive is still to come ("promised to visit", "is to visit")
_INTENT = {"is", "are", "am", "promised", "promise", "promises", "plans", "plan", "planned",
           "agreed", "agrees", "wants", "want", "hopes", "hope", "intends", "intend",
           "expected", "expects", "ready", "going", "aims", "offered", "decided", "set",
           "scheduled", "due", "invited", "willing", "seeks", "seek", "try", "tries",
           "would", "will", "was", "were", "pledged", "vowed"}
_BASE_FORMS = {"meet", "visit", "discuss", "sign", "propose", "negotiate", "arrive",
               "travel", "announce", "decide", "build", "sell", "talk", "hold", "write"}
_REPORTED = ("reportedly", "according to", "is said", "was said", "are said", "were said",
             "is believed", "reported that", "reports", "apparently", "allegedly", "alleged",
             "as saying", "sources say", "sources now say", "claimed", "reported")
_AGENT_ROLES = {
    "meeting": ("host", "guest"), "visit": ("guest", "host"), "talks": ("participant",
                                                                       "participant"),
    "negotiation": ("party", "party"), "summit": ("participant", "participant"),
    "letter": ("sender", "addressee"), "statement": ("speaker", "subject"),
    "proposal": ("proposer", "addressee"), "signing": ("signatory", "signatory"),
    "announcement": ("announcer", "subject"), "decision": ("decider", "subject"),
    "construction": ("participant", "object"), "arms_transfer": ("supplier", "recipient"),
    "report": ("publisher", "source"),
}
_CLAUSE = {";", ":", "–", "—", "that", "whether", "where", "which", "when", "but", "while",
           "whereby", "who"}
_PLACE_KINDS = {ActorKind.CITY, ActorKind.AIRPORT, ActorKind.REGION}
_GOVERNING = {"to", "with", "of", "in", "from", "for", "at", "on", "into", "about", "between",
              "against", "over", "during", "after", "than", "by", "following", "regarding"}


@dataclass
class _Event:
    type: str
    trigger: str
    sentence: Sentence
    at: int  #: token index of the trigger
    agents: list[str]
    others: list[str]
    objects: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    place: str | None = None
    time: TimeMention | None = None
    days: int | None = None
    status: str = "occurred"
    status_why: str = "no hedge"
    cameo: str = ""
    confidence: float = 0.6
    evidence: list[Sentence] = field(default_factory=list)
    same_as: str | None = None
    nominal: bool = False
    places: list[str] = field(default_factory=list)  #: every place named near the trigger
    merged: int = 0
    underway: bool = False  #: "is visiting", "is making his way": begun, not ended
    link_why: str = ""  #: why no same_as was proposed, when one nearly was
    anaphoric: bool = False  #: "the proposal": refers to one told of before
    anchor: tuple[_Event, str] | None = None  #: "just hours before X's arrival"


@dataclass
class _Stance:
    holder: str
    attitude: str
    target: str
    sentence: Sentence
    cue: str
    status: str


#: the words of a stance, by attitude (over the sentence's lower-case tokens)
_STANCE_CUES: list[tuple[str, str]] = [
    ("not_interested_in", r"\b(?:shown|showed|shows|has|had) no interest in\b|\bnot "
                          r"interested in\b"),
    ("interested_in", r"(?<!no )\binterested in\b|\binterest in\b(?<!no interest in)"),
    ("opposes", r"\b(?:strongly |firmly )?(?:opposes|opposed|oppose)\b"),
    ("supports", r"\b(?:supports|supported|backs|backed|spoke in favou?r of|in favou?r of)\b"),
    ("distanced_from", r"\bdistanced (?:itself|himself|herself|themselves) from\b"),
    ("praises", r"\b(?:praised|praises|welcomed|welcomes|hailed|greets)\b"),
    ("criticizes", r"\b(?:criticized|criticised|criticizes|condemned|condemns|denounced|"
                   r"attacks on)\b"),
]


@dataclass
class Draft:
    """A drafted data file: the YAML tree and where its text is."""

    tree: dict[str, Any]
    text: str
    text_file: str

    def to_yaml(self) -> str:
        """The draft as the text of a data file."""
        return _dump(self.tree)

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the data file and, beside it, the text it quotes; return the file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        text_path = path.parent / self.text_file
        if not text_path.exists() or text_path.read_text(encoding="utf-8") != self.text:
            write_text(text_path, self.text)
        return write_text(path, self.to_yaml())


def _dump(tree: dict[str, Any]) -> str:
    header = ("# A DRAFT written by korea-graph draft: every candidate is unreviewed.\n"
              "# Review it with `korea-graph review FILE --web` (in the browser),\n"
              "# `korea-graph review FILE` (in the terminal) or korea_graph.review_frame.\n")
    return header + yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, width=100)


def _published(value: str | date | TimeSpan) -> TimeSpan:
    if isinstance(value, TimeSpan):
        return value
    if isinstance(value, date):
        return TimeSpan.day(value)
    return TimeSpan.parse(str(value))


def draft_file(path: str | os.PathLike[str], *, published: str | date | TimeSpan,
               source: str, base: KnowledgeGraph | None = None, model: str | None = None,
               title: str | None = None) -> Draft:
    """:func:`draft` of a UTF-8 text file (its name becomes the draft's text file)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the text: {exc}", file=str(path),
                        expected="a UTF-8 text file") from exc
    return draft(text, published=published, source=source, base=base, model=model,
                 title=title, text_file=path.name, doc_id=slug(path.stem))


def draft(text: str, *, published: str | date | TimeSpan, source: str,
          base: KnowledgeGraph | None = None, model: str | None = None,
          title: str | None = None, text_file: str | None = None,
          doc_id: str | None = None) -> Draft:
    """Draft a data file from ``text`` published on ``published`` by ``source``.

    ``base`` is the graph to link against (actors by name, events by ``same_as``);
    ``model`` a spaCy model name (``en_core_web_sm`` is used when installed, else a
    blank English pipeline). The text needs a header, a line of dashes, then one
    paragraph per line, as every data file's text (see ``docs/curation.md``); a text
    without the line of dashes gets one.
    """
    text = text.replace("\r\n", "\n")
    if "\n---" not in text:
        head = title or source
        text = f"Title: {head}\n{'-' * 70}\n{text}"
    if not text.endswith("\n"):
        text += "\n"
    pub = _published(published)
    reading = read_text(text, base, model)
    finder = _Events(reading, pub, base)
    events = finder.run()
    doc_title = title or _header(text, "title") or source
    doc_id = doc_id or slug(doc_title)[:60].strip("-")
    tree = _Tree(reading, pub, base, doc_id, doc_title, source, text_file or f"{doc_id}.txt")
    return Draft(tree.build(events, finder.stances), text, text_file or f"{doc_id}.txt")


def header_field(text: str, key: str) -> str | None:
    """A header line's value (``PUBLISHER: Voice of America`` for ``publisher``).

    >>> header_field("TITLE: t\\nPUBLISHER: VOA\\n---\\nText.", "publisher")
    'VOA'
    """
    return _header(text, key)


def header_date(text: str) -> str | None:
    """The publication date a header gives: ``PUBLISHED: 2000-07-21``, or the first
    ISO or written-out date of a ``DATE:`` line ("22 July 2000, Okinawa").

    >>> header_date("DATE: 22 July 2000, Okinawa, Japan\\n---\\nText.")
    '2000-07-22'
    """
    for key in ("published", "date"):
        value = _header(text, key)
        if not value:
            continue
        iso = re.search(r"\b(1[89]|20)\d\d-\d\d-\d\d\b", value)
        if iso:
            return iso.group(0)
        written = re.search(r"\b(\d{1,2}) ([A-Z][a-z]+) ((?:1[89]|20)\d\d)\b", value)
        if written:
            from datetime import datetime

            try:
                day = datetime.strptime(" ".join(written.groups()), "%d %B %Y").date()
            except ValueError:
                continue
            return day.isoformat()
    return None


def _header(text: str, key: str) -> str | None:
    head = text[:text.find("\n---")]
    for line in head.splitlines():
        if line.lower().startswith(key + ":"):
            return line.split(":", 1)[1].strip() or None
    return None


# -- events -------------------------------------------------------------------------------
class _Events:
    def __init__(self, reading: TextReading, pub: TimeSpan, base: KnowledgeGraph | None
                 ) -> None:
        self.r = reading
        self.pub = pub
        self.base = base
        self.found: list[_Event] = []
        self.absorbed: dict[int, _Event] = {}  #: id of a merged mention -> its event
        self.stances: list[_Stance] = []

    def state_for(self, label: str, m: Mention) -> str:
        """The actor of a state named by its capital: known, of the base graph, or new."""
        from ..core.names import compact

        for a in self.r.actors.values():
            if a.kind is ActorKind.STATE and compact(label) in {compact(n) for n in (
                    a.label, *a.aliases)}:
                return a.id
        if self.base is not None:
            for b in self.base.actors.values():
                if b.kind is ActorKind.STATE and compact(label) in {compact(n) for n in b.names}:
                    self.r.actors[b.id] = ActorCandidate(
                        b.id, b.label, b.kind, True, 0.6, "base graph: the state its capital "
                        "stands for", m.text, m.sentence, aliases=list(b.aliases),
                        wikidata=b.wikidata)
                    return b.id
        new_id = slug(label)
        self.r.actors[new_id] = ActorCandidate(new_id, label, ActorKind.STATE, False, 0.5,
                                               "the state its capital stands for", m.text,
                                               m.sentence)
        return new_id

    def kind(self, actor: str) -> ActorKind:
        return self.r.actors[actor].kind

    def run(self) -> list[_Event]:
        for s in self.r.sentences:
            self.sentence(s)
        self.disputes()
        merged = self.merge()
        self.anchored(merged)
        for e in merged:
            self.link(e)
        return merged

    def anchored(self, events: list[_Event]) -> None:
        """"just hours before Mr. Putin's arrival": the day of the other event (or the
        day before it), once that event has its time."""
        for e in events:
            if e.anchor is None or e.time is not None:
                continue
            mention, relation = e.anchor
            other = self.absorbed.get(id(mention), mention)
            if other.time is None:
                continue
            span = other.time.span
            if span.start_min is None or span.start_max is None:
                continue
            if relation == "before":
                lo, hi = span.start_min - timedelta(days=1), span.start_max
            else:
                lo, hi = span.start_min, span.start_max + timedelta(days=1)
            when = TimeSpan.between(lo, hi) if lo != hi else TimeSpan.day(lo)
            phrase = f"hours {relation} the {mention.trigger}"
            e.time = TimeMention(other.time.start, other.time.end, phrase, when, time_form(
                when, phrase, f"within a day {relation} the {mention.trigger} ({span})"))

    def sentence(self, s: Sentence) -> None:
        if s.header:
            return
        self.stance_cues(s)
        lowers = [t.lower for t in s.tokens]
        times = find_times(s.text, self.pub, s.start)
        used: set[int] = set()
        here: list[_Event] = []
        for i, word in enumerate(lowers):
            spec = TRIGGERS.get(word)
            if spec is None or i in used:
                continue
            etype, code, intent = spec
            if etype == "report" and not (i + 2 < len(lowers) and lowers[i + 1] in ("a", "an")
                                           and lowers[i + 2] == "report"):
                continue
            if word == "sales" and "arms" not in lowers[max(0, i - 2):i]:
                continue
            if word in ("sell", "sold") and "arms" not in lowers[i + 1:i + 3]:
                continue
            if word == "obtained" and "from" not in lowers[i + 1:i + 6]:
                continue
            if word in ("meeting", "meetings") and i + 1 < len(lowers) and lowers[i - 1:i] == [
                    "summit"]:
                continue
            if word == "said" and lowers[i - 1:i] and lowers[i - 1] in ("is", "was", "are",
                                                                      "were", "be"):
                continue
            if etype == "visit" and word in ("arrived", "arrive", "arrives") and not any(
                    w in ("in", "at") for w in lowers[i + 1:i + 3]):
                continue
            if word == "proposed" and ((lowers[i - 1:i] and lowers[i - 1] in _DETERMINERS) or (
                    i + 1 < len(lowers) and s.tokens[i + 1].is_title and lowers[i - 1:i] not in (
                        ["was"], ["were"], ["had"], ["has"], ["have"]))):
                continue  # "the proposed US National Missile Defense system": no proposal
            if word == "making" and not (lowers[i + 2:i + 3] == ["way"] and lowers[i + 1] in (
                    "his", "her", "their", "its")):
                continue  # only "making his way to Moscow" is a journey
            if word == "said" and lowers[i + 1:i + 3] == ["to", "have"]:
                continue  # "was said to have made": the hedge of another event
            if self._hypothetical(lowers, i) and etype in ("statement", "announcement"):
                continue  # "if he is able to ... say": nothing was said
            e = self.event(s, i, etype, word)
            if e is None:
                continue
            if e.anaphoric:  # "the proposal", "the talks": one told of before
                earlier = [x for x in [*self.found, *here] if x.type == etype]
                if earlier:
                    if s not in earlier[-1].evidence:
                        earlier[-1].evidence.append(s)
                    used.add(i)
                    continue
            used.add(i)
            e.cameo = _CAMEO_WORDS.get(word, code)
            self.status(e, lowers)
            if etype == "visit" and word.endswith("ing") and lowers[i - 1:i] and lowers[
                    i - 1] in ("is", "are") and e.status == "occurred":
                e.underway = True
            if e.status in ("planned", "under_consideration") and intent:
                e.cameo = intent
            lo = s.tokens[max(0, i - 3)].start - s.start
            e.days = duration_days(s.text[lo:s.tokens[min(len(s.tokens) - 1, i + 4)].end
                                          - s.start])
            here.append(e)
        denied = [e for e in here if e.status == "did_not_happen"]
        for e in denied[:-1]:
            self.status(e, lowers, deny=False)
        self.assign_times(here, times)
        for k, e in enumerate(here):  # "just hours before Mr. Putin's arrival"
            for f in here[k + 1:]:
                between = " ".join(lowers[e.at + 1:f.at])
                hours = re.search(r"\b(?:hours|minutes|shortly)\s+(before|after)\b", between)
                if hours and f.nominal and e.time is None:
                    e.anchor = (f, hours.group(1))
                    break
        self.found.extend(here)
        # "reported on July 1 that ...": a report event of the outlet, with its date
        for i, word in enumerate(lowers):
            if word == "reported" and i + 1 < len(lowers) and lowers[i + 1] == "on":
                agents = [m.actor for m in s.mentions if m.last <= i and
                          self.kind(m.actor) is ActorKind.NEWS_OUTLET]
                if agents:
                    e = _Event("report", word, s, i, agents[-1:], [], evidence=[s])
                    e.time = self.time_for(e, times)
                    e.confidence = 0.6
                    self.found.append(e)

    # stances -----------------------------------------------------------------------------
    def stance_cues(self, s: Sentence) -> None:
        """Stances from their words: "X (strongly) opposes Y", "supports", "spoke in favour
        of", "is interested in", "has shown no interest in", "distanced itself from",
        "praised", "welcomed", "criticized", "attacks on": the holder is the clause's
        subject (a capital standing for its state), the target the first name after the
        words."""
        lowers = [t.lower for t in s.tokens]
        text = " ".join(lowers)
        for attitude, pattern in _STANCE_CUES:
            for match in re.finditer(pattern, text):
                at = text[:match.start()].count(" ") if match.start() else 0
                end = at + len(match.group(0).split())
                owner = [m for m in s.mentions if m.actor and m.possessive and m.last == at - 1]
                holder = self._stance_holder(s, lowers, at) if not owner else (
                    self.state_for(owner[0].metonym, owner[0]) if owner[0].metonym
                    else owner[0].actor)  # "Moscow's attacks on U.S. missile defense plans"
                reach = 6 if lowers[end:end + 1] and lowers[end].endswith("ing") else 2
                target = next((m for m in s.mentions if m.actor and end <= m.first <= end + reach
                               and not any(w in (",", ";", "which", "that") for w in
                                           lowers[end:m.first])), None)
                if holder is None or target is None or target.actor == holder:
                    continue
                e = _Event("statement", match.group(0), s, at, [holder], [])
                self.status(e, lowers)
                if e.status == "did_not_happen":
                    continue
                targets = [target, *(m for m in s.mentions if m.actor in self._coordinated_after(
                    s, target) and m.first > target.first)]
                for t in dict.fromkeys(self.state_for(t.metonym, t) if t.metonym else t.actor
                                       for t in targets):  # "from Pyongyang": North Korea
                    if t != holder:
                        self.stances.append(_Stance(holder, attitude, t, s, match.group(0),
                                                    "reported" if e.status == "reported"
                                                    else "occurred"))

    def _stance_holder(self, s: Sentence, lowers: list[str], at: int) -> str | None:
        a = at
        while a > 0 and lowers[a - 1] not in _CLAUSE and lowers[a - 1] != ",":
            a -= 1
        subject = [m for m in s.mentions if m.actor and a <= m.first and m.last <= at and
                   not self._governed(s, m) and not m.possessive]
        if not subject:
            return None
        m = subject[-1]
        if m.metonym:
            return self.state_for(m.metonym, m)
        return m.actor if self.kind(m.actor).is_agent else None

    # participants -------------------------------------------------------------------------
    def clause(self, s: Sentence, i: int) -> tuple[int, int]:
        lowers = [t.lower for t in s.tokens]
        a = i
        while a > 0 and lowers[a - 1] not in _CLAUSE:
            a -= 1
        b = i + 1
        while b < len(lowers) and lowers[b] not in _CLAUSE and lowers[b] != ".":
            b += 1
        return a, b

    def event(self, s: Sentence, i: int, etype: str, word: str) -> _Event | None:
        lowers = [t.lower for t in s.tokens]
        a, b = self.clause(s, i)
        ms = [m for m in s.mentions if m.actor]
        agent_ms = [m for m in ms if self.kind(m.actor).is_agent]
        # a capital city as the subject of the trigger's clause stands for its state
        for m in ms:
            if m.metonym and a <= m.first and m.last <= i and not self._governed(s, m):
                stand_in = replace(m, actor=self.state_for(m.metonym, m), kind=ActorKind.STATE)
                agent_ms.append(stand_in)
        agent_ms.sort(key=lambda m: m.first)
        nominal = word in ("visit", "visits", "trip", "trips", "talks", "summit", "letter",
                           "meeting", "meetings", "proposal", "announcement", "decision",
                           "negotiations", "arrival", "remarks", "sales", "consultations",
                           "signing") and not (i > 0 and lowers[i - 1] in (
                               "to", "will", "would", "might", "did", "not"))
        # the agent: a possessor ("Putin's visit"), "by X" ("a visit by Putin"), or the
        # subject: the nearest agents before the trigger in its clause, not after a
        # preposition; for a nominal trigger with none, the sentence's first subject
        left = [m for m in agent_ms if a <= m.first and m.last <= i and not self._governed(
            s, m)]
        agents: list[str] = []
        if etype == "visit" and nominal:  # "the Moscow trip", "Pyongyang visit": where to
            left = [m for m in left if not (m.last >= i - 1 and (m.metonym or self.kind(
                m.actor) in _PLACE_KINDS))]
            agent_ms = [m for m in agent_ms if not (m.last == i and m.metonym)]
        possessor = [m for m in agent_ms if m.possessive and m.last <= i and not any(
            x.first == m.last + 1 for x in ms) and (  # "South Korea's Unification Ministry"
            m.last >= i - 3 or (nominal and m.last >= a and m.last >= i - 9 and not any(
                x.first > m.last and x.last <= i for x in agent_ms)))]
        # "who came to Okinawa after talks": the relative pronoun's antecedent
        relative = [m for m in agent_ms if a >= 2 and lowers[a - 1] == "who" and
                    m.last in (a - 1, a - 2) and m.kind is ActorKind.PERSON]
        of = [m for m in agent_ms if nominal and m.first > i and lowers[i + 1:i + 2] == ["of"]
              and m.first - i <= 4 and self.kind(m.actor).is_agent]
        by = [m for m in agent_ms if m.first > i and lowers[m.first - 1] == "by" and
              m.first - i <= 4]
        made = [m for m in agent_ms if nominal and i < m.first <= i + 3 and lowers[
            m.last:m.last + 1] in (["made"], ["paid"], ["makes"], ["pays"], ["took"])]
        if possessor:
            agents = [possessor[-1].actor]
        elif made:  # "the visit President Putin made to Pyongyang"
            agents = [made[0].actor]
        elif of:  # "the visit of President Putin"
            agents = [of[0].actor]
        elif relative and not left:
            agents = [relative[-1].actor]
        elif by and nominal:
            agents = [by[0].actor]
        elif nominal and lowers[i + 1:i + 2] == ["by"]:
            return None  # "visits by official delegations": by someone not named
        their = "their" in lowers[max(a, i - 6):i]
        elif_left = left and not (nominal and etype in ("summit", "talks", "meeting",
                                                        "negotiation") and not their and not any(
                lowers[k] in ("with", "between") for k in range(i + 1, min(b, i + 8))))
        their_pair = self._last_pair(s, [m for m in agent_ms if m.last <= i]) if their else []
        if possessor or made or of or (relative and not left) or (by and nominal):
            pass
        elif their_pair:  # "their meeting": the last pair named with "and"
            agents = their_pair
        elif nominal and self._governed_trigger(lowers, i):
            # "after arriving here from an unprecedented visit": the sentence's subject
            subject = [m for m in agent_ms if m.last <= i and not self._governed(s, m)]
            agents = [subject[0].actor] if subject else []
        elif elif_left:
            agents = self._coordinated(s, left)
        elif their:
            agents = self._coordinated(s, [m for m in agent_ms if m.last <= i]) or []
        elif etype in ("letter", "statement", "proposal") or nominal:
            after = [m for m in agent_ms if m.first > i and not self._governed(s, m)]
            before = [m for m in agent_ms if m.last <= a and not self._governed(s, m)]
            inverted = [m for m in after if m.first - i <= 3 and (
                m.last >= len(lowers) or lowers[m.last] in (",", ".", ";"))]
            if inverted and etype in ("letter", "statement"):  # "..., said Mr. Putin."
                agents = [inverted[0].actor]
            elif before:
                agents = [before[0].actor]
        # "according to Klebanov": the speaker
        if etype == "statement" and not agents:
            acc = [m for m in agent_ms if lowers[max(0, m.first - 2):m.first] == [
                "according", "to"]]
            agents = [acc[0].actor] if acc else []
        # the passive: "X was met at the airport by Y" is Y's meeting with X
        passive_subject: list[str] = []
        if self._passive(lowers, i) and not nominal:
            by_agents = [m for m in agent_ms if i < m.first < b + 8 and self._prep(s, m) == "by"]
            if by_agents:
                passive_subject = [x for x in agents if x != by_agents[0].actor]
                agents = list(dict.fromkeys([  # "by North and South Korean officials"
                    *(m.actor for m in by_agents if m.first == by_agents[0].first),
                    *self._coordinated_after(s, by_agents[0])]))
        # the other side: "with X", "to X", "between X and Y"
        others: list[str] = []
        right = [m for m in ms if m.first > i and m.first < b + 8]
        if "between" in lowers[i:min(b, i + 8)]:
            k = lowers.index("between", i)
            after_between = [m for m in agent_ms if m.first > k]
            pair = after_between[:1]
            if pair:
                same = [m for m in after_between[1:] if self.kind(m.actor).category ==
                        self.kind(pair[0].actor).category and m.first - pair[0].last < 12
                        and m.method != "pronoun" and m.actor != pair[0].actor]
                if same and "and" in lowers[pair[0].last:same[0].first]:
                    pair.append(same[0])
            if len(pair) == 2:
                agents, others = [pair[0].actor, pair[1].actor], []
            else:
                return None
        else:
            others = self._others(s, right, etype, lowers, i)
        others = [*passive_subject, *(o for o in others if o not in passive_subject)]
        if etype == "summit" and not others:
            others = [m.actor for m in right if {"of", "from"} & set(
                lowers[max(0, m.first - 2):m.first]) and
                      self.kind(m.actor) is ActorKind.INTERNATIONAL_FORUM][:1]
        if etype == "report":
            quoted = [m for m in agent_ms if m.first > i and "quoted" in lowers[i:m.first]]
            others = [quoted[0].actor] if quoted else others
            if quoted and "saying" in lowers[quoted[0].last:quoted[0].last + 4]:
                said = [m for m in agent_ms if m.first > quoted[0].last + 2]
                others += [said[0].actor] if said else []
        if etype == "arms_transfer":
            frm = [m.actor for m in right if lowers[m.first - 1] == "from"]
            if word == "obtained":
                agents, others = frm[:1], agents
        places = [m for m in ms if self.kind(m.actor) in _PLACE_KINDS and m.first > a - 3
                  and m.first < b + 6]
        place = None
        if places:
            near = min(places, key=lambda m: abs(m.first - i))
            place = near.actor
        # a visit to a state: the state is the host
        if etype == "visit":
            place = None
            dest = [m for m in ms if m.first > i and (lowers[m.first - 1] in ("to", "in", "at")
                                                      or m.first == i + 1 or (
                                                          m.first == i + 2 and lowers[i + 1]
                                                          == "the")) and m.first - i < 8]
            if not dest and nominal:  # "the Moscow trip", "his Pyongyang visit"
                dest = [m for m in ms if m.last == i and (m.metonym or self.kind(
                    m.actor) in _PLACE_KINDS)]
            if dest:
                d = dest[0]
                if self.kind(d.actor) is ActorKind.STATE:
                    others = [d.actor]
                    place = None if place == d.actor else place
                elif self.kind(d.actor) in _PLACE_KINDS or self.kind(d.actor) is \
                        ActorKind.FACILITY:
                    place = d.actor
                    country = d.title_state or self.r.actors[d.actor].country
                    if country and country in self.r.actors:
                        others = [country]
            others = [o for o in others if self.kind(o) is ActorKind.STATE or
                      self.kind(o).category == "institution"]
        objects = [m.actor for m in ms if m.first > i and self.kind(m.actor) in (
            ActorKind.TREATY, ActorKind.PROJECT, ActorKind.FACILITY, ActorKind.TOPIC)
            and m.first < b + 10]
        if etype == "construction":
            objects = [m.actor for m in ms if self.kind(m.actor) is ActorKind.FACILITY]
        if etype in ("statement", "announcement"):  # "Mr. Kim said he would": the speaker
            others = [x for x in others if x not in agents]
        agents = [x for x in dict.fromkeys(agents) if x not in others or etype == "signing"]
        if not agents and not others:
            return None
        if not agents and etype != "summit":
            return None  # a statement of someone unnamed ("A senior official says")
        comma = next((k for k in range(i + 1, len(lowers)) if lowers[k] in (",", ";", "–")),
                     len(lowers))
        dests = [m.actor for m in places if i < m.first < comma and lowers[m.first - 1] in (
            "to", "in", "at", "the")]
        e = _Event(etype, word, s, i, agents, others, objects=objects[:2], place=place,
                   evidence=[s], nominal=nominal,
                   places=list(dict.fromkeys([*([place] if place else []), *dests])))
        e.anaphoric = nominal and lowers[i - 1:i] == ["the"] and not (
            possessor or of or by or any(i < m.first <= i + 3 for m in agent_ms))
        e.confidence = round(min([self.r.actors[x].confidence for x in agents + others]
                                 + [0.8]) * (0.8 if nominal else 0.9), 2)
        return e

    def _others(self, s: Sentence, right: list[Mention], etype: str, lowers: list[str],
                at: int) -> list[str]:
        """The other side: "with X", "to X" (a title before the name is skipped)."""
        others: list[str] = []
        for m in right:
            first = m.first
            if m.title_start is not None:
                first = next((k for k, t in enumerate(s.tokens) if t.start == m.title_start),
                             first)
            while first > 0 and lowers[first - 1] in ("the", "a", "an"):
                first -= 1
            prev = lowers[first - 1] if first > 0 else ""
            if not self.kind(m.actor).is_agent:
                continue
            if etype in ("statement", "announcement") and m.first - at > 6:
                continue
            if prev in ("with", "to") or (first == at + 1 and etype in (
                    "meeting", "signing", "visit") and s.tokens[at].lower not in (
                    "meeting", "visit", "visits", "trip", "signing")):
                others.append(m.actor)
                others.extend(x for x in self._coordinated_after(s, m) if x not in others)
            if etype in ("statement", "announcement", "decision") and prev not in (
                    _GOVERNING) and m.actor not in others and m.first - at <= 6:
                others.append(m.actor)
                break
        return others

    @staticmethod
    def _passive(lowers: list[str], at: int) -> bool:
        """ "was met", "were signed", "has been visited", "was warmly greeted", and the
        participle after a noun ("An accord signed by North and South Korean officials")."""
        k = at - 1
        if k >= 0 and lowers[k].endswith("ly"):
            k -= 1
        if lowers[at] in ("meeting", "visit", "talks"):
            return False
        if lowers[at].endswith("ed") and lowers[at + 1:at + 2] == ["by"] and k >= 0 and \
                lowers[k].isalpha() and lowers[k] not in _DETERMINERS:
            return True
        return k >= 0 and lowers[k] in ("was", "were", "been", "being", "is", "are", "be")

    def _prep(self, s: Sentence, m: Mention) -> str:
        """The word before a mention (its title and "the" skipped): "by", "to", ..."""
        k = m.first - 1
        if m.title_start is not None:
            k = next((j for j, t in enumerate(s.tokens) if t.start == m.title_start), m.first) - 1
        while k >= 0 and s.tokens[k].lower in ("the", "a", "an", "top", "official"):
            k -= 1
        return s.tokens[k].lower if k >= 0 else ""

    def _governed(self, s: Sentence, m: Mention) -> bool:
        """A mention right after a preposition ("to Kim", "with Lee") is not a subject."""
        return self._prep(s, m) in ("to", "with", "of", "in", "from", "for",
                                                 "at", "on", "into", "about", "between",
                                                 "against", "over", "during", "after",
                                                 "than", "by", "following")

    def _last_pair(self, s: Sentence, before: list[Mention]) -> list[str]:
        """The last two agents joined by "and" ("President Clinton and Mr. Putin")."""
        for k in range(len(before) - 1, 0, -1):
            pair = self._coordinated(s, before[:k + 1])
            if len(pair) >= 2:
                return pair
        return []

    @staticmethod
    def _governed_trigger(lowers: list[str], at: int) -> bool:
        """A nominal trigger after a preposition ("from an unprecedented visit")."""
        k = at - 1
        while k >= 0 and (lowers[k] in _DETERMINERS or (lowers[k].endswith(("ed", "ent", "ic"))
                          and lowers[k] not in _GOVERNING)):
            k -= 1
        return k >= 0 and lowers[k] in ("from", "after", "during", "before", "since")

    def _coordinated(self, s: Sentence, left: list[Mention]) -> list[str]:
        """The last subject before the trigger and those joined to it by "and"."""
        if not left:
            return []
        out = [left[-1]]
        for m in reversed(left[:-1]):
            stop = out[0].first
            if out[0].title_start is not None:
                stop = next((k for k, t in enumerate(s.tokens) if t.start ==
                             out[0].title_start), stop)
            between = [t.lower for t in s.tokens[m.last:stop] if t.lower not in ("the", "a")]
            if between in (["and"], [",", "and"]):
                out.insert(0, m)
            else:
                break
        return [m.actor for m in out]

    def _coordinated_after(self, s: Sentence, first: Mention) -> list[str]:
        out = []
        prev = first
        for m in s.mentions:
            if m.first <= prev.first or not m.actor:
                continue
            between = [t.lower for t in s.tokens[prev.last:m.first]]
            if between and between[-1] in ("with", "and") and len(between) <= 5 and \
                    self.kind(m.actor).is_agent:
                out.append(m.actor)
                prev = m
            else:
                break
        return out

    # status -------------------------------------------------------------------------------
    def status(self, e: _Event, lowers: list[str], deny: bool = True) -> None:
        text = " ".join(lowers)
        before = " ".join(lowers[max(0, e.at - 6):e.at])
        start = " ".join(lowers[:e.at])
        near = set(lowers[max(0, e.at - 4):e.at])
        after = " ".join(lowers[e.at:])
        e.status, e.status_why = "occurred", "no hedge"
        negated = self._negated(lowers, e.at)
        if deny and any(p in after for p in _DID_NOT):
            e.status, e.status_why = "did_not_happen", "the sentence says it did not take place"
        elif negated and not near & (_PLANNED | {"expected", "to"}):
            e.status, e.status_why = "did_not_happen", f"negated ({negated!r})"
        elif self._hypothetical(lowers, e.at):
            e.status, e.status_why = "under_consideration", "in an 'if' clause"
        elif near & _CONSIDER or "considering" in start:
            e.status, e.status_why = "under_consideration", \
                f"{sorted(near & _CONSIDER) or ['considering']} before the trigger"
        elif near & _PLANNED or set(lowers[max(0, e.at - 8):e.at]) & {"will", "upcoming"}:
            e.status, e.status_why = "planned", f"{sorted(near & _PLANNED) or ['will']}"
        elif self._infinitive(lowers, e.at):
            e.status, e.status_why = "planned", f"'{lowers[e.at - 1]} {lowers[e.at]}': to come"
        elif e.type not in ("statement", "announcement") and any(
                p in " ".join(lowers[e.at:e.at + 12]) or p in before for p in _SOON):
            word = next(p for p in _SOON if p in " ".join(lowers[e.at:e.at + 12]) or p in before)
            e.status, e.status_why = "planned", f"{word!r}: to come"
        elif lowers[max(0, e.at - 1)] == "proposed" or near & {"proposed"}:
            e.status, e.status_why = "planned", "'proposed' before the trigger"
        elif near & _REPORTED_ADJECTIVES and e.nominal:
            e.status, e.status_why = "reported", f"{sorted(near & _REPORTED_ADJECTIVES)[0]!r}"
        elif any(p in start or p in before for p in _REPORTED if p != "reported") or (
                "reportedly" in text and e.nominal) or _reported_verb(lowers[:e.at]):
            word = next((p for p in _REPORTED if p in start or p in before or p in text),
                        "reported")
            e.status, e.status_why = "reported", f"{word!r} in the sentence"
        if negated and e.status == "planned":
            e.status_why += f"; negated ({negated!r}), not yet"

    @staticmethod
    def _negated(lowers: list[str], at: int) -> str:
        """ "did not meet", "has never visited", "didn't sign": the negation's words."""
        window = lowers[max(0, at - 3):at]
        for k, w in enumerate(window):
            if w in ("not", "n't", "never", "neither", "nor"):
                return " ".join(window[max(0, k - 1):k + 1])
        return ""

    @staticmethod
    def _hypothetical(lowers: list[str], at: int) -> bool:
        """The trigger in an "if"/"unless" clause ("if he is able to ... say")."""
        for k in range(at - 1, max(-1, at - 10), -1):
            if lowers[k] in (",", ";", ".", "but", "and") and k < at - 1:
                return False
            if lowers[k] in ("if", "unless", "whether"):
                return True
        return False

    @staticmethod
    def _infinitive(lowers: list[str], at: int) -> bool:
        """ "is to visit", "promised to visit", "to discuss": a verb still to happen."""
        if not (at > 1 and lowers[at - 1] == "to" and lowers[at] in _BASE_FORMS):
            return False
        k = at - 2
        if k > 0 and lowers[k].endswith("ly"):
            k -= 1
        return lowers[k] in _INTENT

    def disputes(self) -> None:
        """"It was unclear whether that report...", "If true, ...": the hedged events
        of the sentence before are disputed."""
        by_sentence: dict[int, list[_Event]] = {}
        for e in self.found:
            by_sentence.setdefault(e.sentence.index, []).append(e)
        for s in self.r.sentences:
            lead = " ".join(t.lower for t in s.tokens[:5])
            if any(lead.startswith(p) for p in _DISPUTED_NEXT):
                for e in by_sentence.get(s.index - 1, []):
                    if e.status == "reported":
                        e.status = "disputed"
                        e.status_why = f"the next sentence opens {lead!r}"
                        e.evidence.append(s)

    # time ---------------------------------------------------------------------------------
    def assign_times(self, events: list[_Event], times: list[TimeMention]) -> None:
        """Each time expression dates the trigger nearest to it; an event takes the
        most precise of its own, and one dated after publication is planned."""
        own: dict[int, list[TimeMention]] = {}
        toks = events[0].sentence.tokens if events else []
        # trigger words that made no event ("after the inter-Korea summit in June") keep
        # their times: a time dates the trigger nearest to it, drafted or not
        ghosts = [t for k, t in enumerate(toks) if t.lower in TRIGGERS and not any(
            e.at == k for e in events)]
        for t in times:
            best = None
            for index, e in enumerate(events):
                if self.time_for(e, [t]) is None:
                    continue
                tok = e.sentence.tokens[e.at]
                d = t.start - tok.end if t.start >= tok.end else tok.start - t.end
                if best is None or d < best[0]:
                    best = (d, index)
            shifted = "day(s) after" in str(t.form.get("resolution", ""))  # "One day after"
            near = [g for g in ghosts if not shifted and not (t.start <= g.start < t.end) and (
                best is None or _family(TRIGGERS[g.lower][0]) != _family(
                    events[best[1]].type))]
            ghost = min((t.start - g.end if t.start >= g.end else g.start - t.end
                         for g in near), default=None)
            if best is not None and not (ghost is not None and ghost < best[0] and ghost < 12):
                own.setdefault(best[1], []).append(t)
        lead = [t for t in times if events and t.start - events[0].sentence.start <= 4 and
                "," in events[0].sentence.text[t.end - events[0].sentence.start:][:2]]
        for index, e in enumerate(events):
            mine = own.get(index, [])
            e.time = self.time_for(e, mine) if mine else None
            if e.time is None and lead:
                e.time = lead[0]  # "In February of this year, ...": the whole sentence
        lowers = [t.lower for t in events[0].sentence.tokens] if events else []
        for index, e in enumerate(events):
            later = [x for x in events[index + 1:] if x.time is not None]
            if e.time is None and later and "during" in lowers[e.at + 1:min(e.at + 4,
                                                                            later[0].at)]:
                e.time = later[0].time  # "when he raised it during his February visit"
            before = [x for x in events[:index] if x.status == "planned" or x.underway]
            if (e.nominal or lowers[e.at - 1:e.at] == ["to"]) and e.time is None and before \
                    and e.status in ("occurred", "reported"):
                e.status, e.status_why = "planned", "undated, in a sentence about a plan"
            if e.time is not None and e.type in ("statement", "announcement") and \
                    e.time.span.certainly_after(self.pub):
                e.time = None  # the time of what was said, not of the saying
            elif e.time is not None and e.status in ("occurred", "reported") and \
                    e.time.span.certainly_after(self.pub):
                e.status, e.status_why = "planned", "dated after the publication date"
            elif e.time is not None and e.status == "planned" and \
                    e.time.span.certainly_before(self.pub):
                e.time = None  # a plan is not dated before the text that tells of it

    def time_for(self, e: _Event, times: list[TimeMention]) -> TimeMention | None:
        if not times:
            return None
        trigger = e.sentence.tokens[e.at]
        # in a citation in brackets: a source's date, not the event's
        opens = [m.start() for m in re.finditer(r"\(", e.sentence.text) if m.start() > 0]
        def in_brackets(t: TimeMention) -> bool:
            for o in opens:
                close = e.sentence.text.find(")", o)
                if e.sentence.start + o < t.start and (close < 0 or
                                                       t.end <= e.sentence.start + close + 1):
                    return True
            return False
        candidates = [t for t in times if not in_brackets(t)]
        if not candidates:
            return None
        def distance(t: TimeMention) -> tuple[int, int]:
            d = t.start - trigger.end if t.start >= trigger.end else trigger.start - t.end
            return (d + (0 if t.precise else 15), 0 if t.start >= trigger.end else 1)
        best = min(candidates, key=distance)
        return best if distance(best)[0] < 120 else None

    # merging and linking ------------------------------------------------------------------
    def merge(self) -> list[_Event]:
        out: list[_Event] = []
        for e in self.found:
            twin = next((o for o in out if self._same(o, e)), None)
            if twin is None:
                out.append(e)
                continue
            twin.merged += 1
            self.absorbed[id(e)] = twin
            twin.evidence.extend(s for s in e.evidence if s not in twin.evidence)
            for x in e.agents:
                if x not in twin.agents and x not in twin.others:
                    twin.agents.append(x)
            for x in e.others:
                if x not in twin.others and x not in twin.agents:
                    twin.others.append(x)
            twin.objects.extend(x for x in e.objects if x not in twin.objects)
            twin.place = twin.place or e.place
            twin.places.extend(p for p in e.places if p not in twin.places)
            twin.days = twin.days or e.days
            if e.time is not None and (twin.time is None or (e.time.precise and
                                                             not twin.time.precise)):
                twin.time = e.time
            if {twin.status, e.status} == {"reported", "occurred"}:
                twin.status, twin.status_why = "occurred", "said without a hedge in one mention"
            elif twin.nominal and not e.nominal and not (
                    twin.status in ("planned", "under_consideration") and e.time is None):
                twin.status, twin.status_why = e.status, e.status_why
            twin.confidence = min(0.95, round(twin.confidence + 0.05, 2))
        return out

    def _same(self, a: _Event, b: _Event) -> bool:
        similar = {a.type, b.type} <= {"talks", "meeting"} or a.type == b.type
        if not similar:
            return False
        if a.type != b.type and a.sentence.index != b.sentence.index and not (
                b.nominal or a.nominal):
            return False
        pa, pb = set(a.agents + a.others), set(b.agents + b.others)
        if not pa & pb or not (pa <= pb or pb <= pa):
            return False
        if a.type == "visit":
            da, db = {*a.places, *(x for x in [a.place] if x)}, {*b.places, *(
                x for x in [b.place] if x)}
            near = abs(a.sentence.index - b.sentence.index) == 1
            one_each = (da and not a.others and b.others and not db) or (
                db and not b.others and a.others and not da)
            if (da or a.others) and (db or b.others) and not (da & db or set(a.others) &
                                                              set(b.others)) and not (
                    near and one_each):
                return False  # two destinations
            if a.others and b.others and set(a.others) != set(b.others):
                return False
        if a.time is not None and b.time is not None and not \
                a.time.span.possibly_overlaps(b.time.span):
            return False
        if {a.status, b.status} & {"did_not_happen", "under_consideration"} and \
                a.status != b.status:
            return False
        return not (a.type in ("statement", "proposal", "letter") and
                    abs(a.sentence.index - b.sentence.index) > 2)

    def link(self, e: _Event) -> None:
        """Propose ``same_as`` to the one event of the base graph that this candidate
        must be: the same type (meeting and talks as one), a time that may overlap (an
        undated candidate's is before or after publication, as its status says), every
        drafted agent among its participants, two of them shared (or one and the same
        place), and no other event as good. A wrong link is worse than none.

        A link that ``core.validate.same_as_problem`` (the loader's check) refuses is
        withheld when the record is written (:meth:`_Tree.same_as_problem`)."""
        if self.base is None:
            return
        mine = set(e.agents + e.others)
        agents = set(e.agents)
        span = e.time.span if e.time is not None else self.implied(e)
        found: list[tuple[float, str]] = []
        for other in self.base.events.values():
            if other.type.value != e.type and {other.type.value, e.type} != {"talks",
                                                                            "meeting"}:
                continue
            theirs = {self.base.actor_same_as.get(p.actor, p.actor) for p in other.participants}
            shared = mine & theirs
            if not agents or not agents <= theirs:
                continue
            same_place = bool(other.place and other.place in {e.place, *e.places})
            if len(shared) < 2 and not same_place:
                continue
            if span is not None and not other.when.possibly_overlaps(span):
                continue
            if e.type == "visit" and e.place and other.place and other.place not in {
                    e.place, *e.places}:
                continue
            hosts = {p.actor for p in other.participants if p.role.value == "host"}
            mine_hosts = set(e.others)
            if e.place and e.place in self.base.actors and self.base.actors[e.place].country:
                mine_hosts.add(str(self.base.actors[e.place].country))
            if e.type == "visit" and not ({e.place, *e.places} & {other.place} - {None} or
                                          mine_hosts & hosts):
                continue  # a visit is the same only with the same destination
            score = len(shared) / len(mine | theirs) + (0.25 if e.time is not None else 0)
            found.append((score, other.id))
        found.sort(reverse=True)
        if not found or found[0][0] < 0.5:
            return
        if len(found) > 1 and found[1][0] >= found[0][0] - 0.1 and e.time is None:
            e.link_why = f"not linked: {found[0][1]} and {found[1][1]} fit as well"
            return  # undated and ambiguous
        e.same_as = found[0][1]

    def implied(self, e: _Event) -> TimeSpan | None:
        """The time an undated candidate is written with: before or after publication."""
        if self.pub.start_min is None or self.pub.end_max is None:
            return None
        if e.status in ("planned", "under_consideration"):
            return TimeSpan.after(self.pub.start_min)
        return TimeSpan.before(self.pub.end_max)


# -- the tree -----------------------------------------------------------------------------
class _Tree:
    def __init__(self, reading: TextReading, pub: TimeSpan, base: KnowledgeGraph | None,
                 doc_id: str, title: str, source: str, text_file: str) -> None:
        self.r = reading
        self.pub = pub
        self.base = base
        self.doc_id = doc_id
        self.title = title
        self.source = source
        self.text_file = text_file
        self.ids: set[str] = set()
        self.publisher = slug(source)  #: the publisher's actor id, once build() has it

    def ident(self, base_id: str, *, scoped: bool = True) -> str:
        """A new id; a record's is scoped by the document (``doc-id-putin-kim-talks``),
        so that drafts of two texts, loaded together, never share a record by accident:
        only a reviewed ``same_as`` makes two documents report one event."""
        stem = base_id[:70].strip("-") or "record"
        if scoped and not stem.startswith(self.doc_id):
            stem = f"{self.doc_id[:60].strip('-')}-{stem}"
        out = stem
        n = 2
        while out in self.ids or (self.base is not None and (
                out in self.base.events or out in self.base.affiliations or
                out in self.base.stances or out in self.base.documents)):
            out = f"{stem}-{n}"
            n += 1
        self.ids.add(out)
        return out

    def evidence(self, s: Sentence) -> dict[str, Any]:
        return {"start": s.start, "quote": s.text}

    def stances(self, found: list[_Stance]) -> list[dict[str, Any]]:
        """One stance per holder, attitude and target, held when the text says it."""
        out: dict[tuple[str, str, str], dict[str, Any]] = {}
        for st in found:
            key = (st.holder, st.attitude, st.target)
            if key in out:
                if self.evidence(st.sentence) not in out[key]["evidence"]:
                    out[key]["evidence"].append(self.evidence(st.sentence))
                continue
            out[key] = {
                "id": self.ident(f"{st.holder}-{st.attitude.replace('_', '-')}-{st.target}"),
                "holder": st.holder, "attitude": st.attitude, "target": st.target,
                "when": {"held_at": [self.observed()], "phrase": st.cue,
                         "resolution": "held as the text tells it, at publication"},
                "status": st.status, "evidence": [self.evidence(st.sentence)],
                "review": {"status": "unreviewed", "confidence": 0.6,
                           "method": f"stance words {st.cue!r}"}}
        return list(out.values())

    def build(self, events: list[_Event], stances: list[_Stance] | None = None
              ) -> dict[str, Any]:
        affiliations = self.posts()
        actors = self.r.actors
        source_id, label, aliases = self.outlet()
        self.publisher = source_id
        if source_id not in actors and not (self.base is not None and
                                            source_id in self.base.actors):
            actors[source_id] = ActorCandidate(source_id, label, ActorKind.NEWS_OUTLET,
                                               False, 1.0, "the source given to draft",
                                               self.source, -1, aliases=aliases)
        elif source_id not in actors and self.base is not None:
            a = self.base.actors[source_id]
            actors[source_id] = ActorCandidate(a.id, a.label, a.kind, True, 1.0,
                                               "the source given to draft", self.source, -1,
                                               aliases=list(a.aliases))
        self.ids.update(actors)
        self.doc_id = self.ident(self.doc_id, scoped=False)
        document: dict[str, Any] = {"id": self.doc_id, "title": self.title,
                                    "text": self.text_file, "publisher": source_id,
                                    "published": time_form(self.pub)}
        if actors[source_id].kind is not ActorKind.NEWS_OUTLET:
            raise DataError(f"the source {self.source!r} is a {actors[source_id].kind.value} "
                            "in the base graph", field="source", expected="a news outlet")
        url = _header(self.r.text, "url") or _header(self.r.text, "address")
        if url:
            document["url"] = url
        tree: dict[str, Any] = {"format": FORMAT, "document": document}
        tree["actors"] = [self.actor(a) for a in actors.values()]
        tree["events"] = [self.event(e) for e in events]
        tree["affiliations"] = affiliations
        tree["stances"] = self.stances(stances or [])
        return tree

    def outlet(self) -> tuple[str, str, list[str]]:
        """The publisher's id, label and aliases: the base graph's outlet of that name or
        alias (``--source "The Jamestown Foundation"`` is the curated
        ``jamestown-foundation``), else a new one named by the source's first words
        ("Voice of America (VOA), mirrored on GlobalSecurity.org" is Voice of America,
        also called VOA)."""
        from ..core.names import compact

        main = re.split(r"\s*[(,;]", self.source, maxsplit=1)[0].strip() or self.source
        inner = re.search(r"\(([^)]{1,40})\)", self.source)
        names = [self.source, main, *([inner.group(1)] if inner else [])]
        keys = {compact(n) for n in names if compact(n)}
        for pool in (list(self.r.actors.values()), list(self.base.actors.values())
                     if self.base is not None else []):
            for a in pool:
                if a.kind is ActorKind.NEWS_OUTLET and keys & {compact(n) for n in (
                        a.label, *a.aliases)}:
                    return a.id, a.label, list(a.aliases)
        aliases = [n for n in names[2:] if n != main]
        if self.source != main:
            aliases.append(self.source)
        return slug(main), main, aliases

    def actor(self, a: ActorCandidate) -> dict[str, Any]:
        out: dict[str, Any] = {"id": a.id, "label": a.label, "kind": a.kind.value}
        if a.aliases:
            out["aliases"] = list(dict.fromkeys(a.aliases))
        if a.country and a.country in self.r.actors:
            out["country"] = a.country
        if a.wikidata:
            out["wikidata"] = a.wikidata
        review: dict[str, Any] = {"status": "unreviewed",
                                  "confidence": actor_confidence(a.method, a.confidence),
                                  "method": a.method, "mention": a.mention}
        if a.base:
            review["matched"] = "an actor of the base graph"
        if a.sentence >= 0:
            review["evidence"] = self.evidence(self.r.sentences[a.sentence])
        out["review"] = review
        return out

    def label(self, e: _Event) -> str:
        names = [self.r.actors[x].label for x in e.agents + e.others]
        place = f" in {self.r.actors[e.place].label}" if e.place else ""
        if e.type == "visit" and e.place:
            return f"{' and '.join(names[:1])} visits {self.r.actors[e.place].label}"
        joined = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1] \
            if names else "someone"
        return f"{e.type.replace('_', ' ')}: {joined}{place}"

    def event(self, e: _Event) -> dict[str, Any]:
        agent_role, other_role = _AGENT_ROLES[e.type]
        if e.type == "statement" and e.trigger == "told":
            other_role = "addressee"  # "Mr. Prikhodko told the Interfax News Agency"
        participants = [{"actor": x, "role": agent_role} for x in e.agents]
        if e.type == "meeting" and not e.others:
            participants = [{"actor": x, "role": "participant"} for x in e.agents]
        participants += [{"actor": x, "role": other_role} for x in e.others
                         if x not in e.agents]
        object_role = "topic" if e.type in ("talks", "meeting", "statement", "negotiation",
                                            "summit", "letter") else "object"
        participants += [{"actor": x, "role": object_role} for x in e.objects
                         if x not in e.agents + e.others]
        base = slug("-".join([*(x.split("-")[-1] for x in e.agents[:2]), e.type,
                              *(x.split("-")[-1] for x in e.others[:1])]))
        out: dict[str, Any] = {"id": self.ident(base), "type": e.type, "label": self.label(e),
                               "participants": participants}
        if e.place:
            out["place"] = e.place
        out["when"] = self.when(e)
        out["status"] = e.status
        out["evidence"] = [self.evidence(s) for s in e.evidence]
        if e.cameo:
            out["cameo"] = e.cameo
        review: dict[str, Any] = {
            "status": "unreviewed", "confidence": event_confidence(
                dated=e.time is not None, precise=e.time is not None and e.time.precise,
                agents=len(set(e.agents + [o for o in e.others if self.r.actors[o].kind.is_agent])),
                mentions=e.merged + 1),
            "method": f"trigger {e.trigger!r}; status {e.status}: {e.status_why}"}
        if e.merged:
            review["method"] += f"; {e.merged + 1} mentions merged"
        if e.same_as:
            why = self.same_as_problem(out, e.same_as)
            if why is None:
                out["same_as"] = e.same_as
                review["method"] += f"; proposed as the same event as {e.same_as}"
            else:  # a link the loader would refuse is never proposed
                review["method"] += f"; not the same event as {e.same_as}: {why}"
        elif e.link_why:
            review["method"] += f"; {e.link_why}"
        out["review"] = review
        return out

    def same_as_problem(self, record: dict[str, Any], target: str) -> str | None:
        """Why the drafted event ``record`` cannot be ``same_as`` the base's ``target``
        (:func:`~korea_graph.core.validate.same_as_problem`, the rule the loader applies),
        or ``None``."""
        from ..core.model import Document, Event, Evidence, Participant
        from ..core.validate import held_event, same_as_problem
        from .checks import time

        assert self.base is not None
        doc = Document(self.doc_id, self.title, self.publisher, self.pub, "")
        claim = Event(
            record["id"], record["type"], record["label"],
            tuple(Participant(p["actor"], p["role"]) for p in record["participants"]),
            time(record["when"], "when", self.pub), record["status"],
            tuple(Evidence(self.doc_id, q["start"], q["start"] + len(q["quote"]), q["quote"], 0)
                  for q in record["evidence"]))
        held = held_event(target, self.base.claims(target))
        return same_as_problem(claim, held, {self.doc_id: doc}, self.base.actor_same_as)

    def when(self, e: _Event) -> dict[str, Any]:
        if e.time is not None:
            form = dict(e.time.form)
            span = e.time.span
            if e.days and span.precision.value == "day" and span.start_min is not None:
                last = span.start_min + timedelta(days=e.days - 1)
                return time_form(TimeSpan.span(span.start_min, last),
                                 f"{form.get('phrase', '')} ({e.days} days)".strip(),
                                 f"{e.days} days from {span.start_min}")
            if e.days and span.start_min is not None and span.start_max is not None and \
                    span.precision.value in ("window", "week", "month"):
                shift = timedelta(days=e.days - 1)  # "a two-day visit later this week"
                return {"start": [str(span.start_min), str(span.end_max - shift if
                                                          span.end_max else span.start_max)],
                        "end": [str(span.start_min + shift), str(span.end_max)],
                        "phrase": f"{form.get('phrase', '')} ({e.days} days)".strip(),
                        "resolution": f"{e.days} days within {span}"}
            return form
        if e.underway and self.pub.start_min is not None and self.pub.end_max is not None:
            return {"start": [None, str(self.pub.end_max)], "end": [str(self.pub.start_min), None],
                    "resolution": "under way at publication: begun, not ended"}
        assert self.pub.start_min is not None
        if e.status in ("planned", "under_consideration"):
            return {"after": "publication",
                    "resolution": "no date in the text; after the publication date"}
        lead = self.lead()
        if lead is not None and e.sentence.paragraph == lead and e.status == "occurred" and \
                self.pub.precision.value == "day" and self.pub.start_min is not None:
            day = self.pub.start_min  # a report's lead tells the news of its day
            return {"between": [str(day - timedelta(days=1)), str(day)],
                    "resolution": "no date in the text; the lead of a report published on "
                                  f"{day}: that day or the day before"}
        if self.pub.end_max is None:  # an undated copy: its earliest day bounds the text
            return {"before": str(self.pub.start_min),
                    "resolution": "no date in the text; by the earliest publication day "
                                  "(the copy is undated)"}
        return {"before": "publication",
                "resolution": "no date in the text; by the publication date"}

    def lead(self) -> int | None:
        """The paragraph of a report's lead: the first with a sentence that is no header
        and ends as a sentence does (a headline does not)."""
        for s in self.r.sentences:
            if not s.header and s.text.rstrip()[-1:] in '.!?"”':
                return s.paragraph
        return None

    def observed(self) -> str:
        """When the text observes what it says: ``publication``, or the earliest
        publication day of an undated copy (whose last day is open)."""
        return "publication" if self.pub.end_max is not None else str(self.pub.start_min)

    def posts(self) -> list[dict[str, Any]]:
        """One post per holder, organisation and title, from the titles before names
        ("Russian Foreign Minister Igor Ivanov"), each with every sentence that gives it.
        A title the text marks as past ("then Soviet Foreign Minister", "former") is held
        before publication, not at it; "his late father" holds none."""
        from .mentions import TITLES

        out: dict[tuple[str, str, str], dict[str, Any]] = {}
        for s in self.r.sentences:
            for m in s.mentions:
                if not m.title or m.kind is not ActorKind.PERSON or not m.actor:
                    continue
                first = next((k for k, t in enumerate(s.tokens) if t.start == m.title_start),
                             m.first)
                marker = s.tokens[first - 1].lower if first > 0 else ""
                if marker == "late":
                    continue
                kind, pattern, org_kind = TITLES[m.title]
                org = self._post_org(m, s, pattern, org_kind)
                if org is None:
                    continue
                phrase = " ".join(s.text[m.title_start - s.start:m.end - s.start].split()) \
                    if m.title_start is not None else m.text
                key = (m.actor, org, m.title)
                if key in out:
                    entry = out[key]
                    if len(entry["evidence"]) < 3 and self.evidence(s) not in entry["evidence"]:
                        entry["evidence"].append(self.evidence(s))
                        entry["review"]["confidence"] = min(0.95, round(
                            entry["review"]["confidence"] + 0.1, 2))
                    continue
                entry = {"id": self.ident(f"{m.actor}-{slug(m.title)}"), "holder": m.actor,
                         "organization": org, "kind": kind, "title": _title_case(m.title)}
                if kind == "representative" and m.alternatives:
                    to = slug(m.alternatives[0])
                    if to in self.r.actors:
                        entry["accredited_to"] = to
                past = marker in ("then", "former", "ex", "ex-", "onetime", "erstwhile")
                if past:
                    entry["when"] = {"before": self.observed(), "phrase": f"{marker} {phrase}",
                                     "resolution": f"'{marker}': held before publication, "
                                                   "not at it"}
                else:
                    entry["when"] = {"held_at": [self.observed()], "phrase": phrase,
                                     "resolution": "the title as the text gives it at "
                                                   "publication"}
                entry["status"] = "occurred"
                entry["evidence"] = [self.evidence(s)]
                entry["review"] = {"status": "unreviewed",
                                   "confidence": 0.8 if m.title_state else 0.6,
                                   "method": f"title before a name ({phrase!r})" + (
                                       f"; '{marker}' marks it past" if past else "")}
                out[key] = entry
        return list(out.values())

    def _post_org(self, m: Mention, s: Sentence, pattern: str, org_kind: ActorKind | None
                  ) -> str | None:
        """The organisation of a title: of the state the text names with it, else of the
        holder's post of that title in the base graph, else of the holder's country."""
        state_id = m.title_state
        if state_id is None and self.base is not None:
            assert m.title is not None
            for aff in self.base.affiliations.values():
                if aff.holder == m.actor and aff.title and aff.title.lower() == m.title:
                    if aff.organization not in self.r.actors and \
                            aff.organization in self.base.actors:
                        b = self.base.actors[aff.organization]
                        self.r.actors[b.id] = ActorCandidate(
                            b.id, b.label, b.kind, True, 0.7, "base graph: organisation of "
                            "the holder's post", m.title, s.index, aliases=list(b.aliases),
                            country=b.country)
                    return aff.organization
        if state_id is None:
            country = self.r.actors[m.actor].country
            state_id = country if country in self.r.actors else None
        if state_id is None:
            return None
        if org_kind is None:
            return state_id
        org_label = pattern.format(state=_demonym_of(self.r.actors[state_id].label))
        return self._org(org_label, org_kind, state_id, s)

    def _org(self, label: str, kind: ActorKind, country: str, s: Sentence) -> str:
        from ..core.names import compact

        for a in self.r.actors.values():
            if compact(a.label) == compact(label) or compact(label) in {
                    compact(x) for x in a.aliases}:
                return a.id
        if self.base is not None:
            for b in self.base.actors.values():
                if compact(label) in {compact(n) for n in b.names}:
                    self.r.actors[b.id] = ActorCandidate(b.id, b.label, b.kind, True, 0.7,
                                                         "base graph: organisation of a "
                                                         "title", label, s.index,
                                                         aliases=list(b.aliases),
                                                         country=b.country)
                    return b.id
        new_id = slug(label)
        self.r.actors[new_id] = ActorCandidate(new_id, label, kind, False, 0.6,
                                               "organisation of a title", label, s.index,
                                               country=country)
        return new_id


# -- confidence ----------------------------------------------------------------------------
#: an actor's confidence by how it was found, read off the development texts (the share of
#: such actors that were right, name and kind, before review; docs/drafting.md has the table)
ACTOR_CONFIDENCE: tuple[tuple[str, float], ...] = (
    ("the source given to draft", 1.0),
    ("title + name", 0.9),
    ("base graph: name or alias", 0.9),
    ("base graph: fuzzy", 0.75),
    ("base graph: organisation", 0.5),
    ("base graph", 0.8),
    ("known short name", 0.85),
    ("nationality or state name", 0.85),
    ("the state its capital stands for", 0.8),
    ("state's institution", 0.7),
    ("nationality + institution", 0.65),
    ("delegation of nationals", 0.65),
    ("capitalised name", 0.65),
    ("noun phrase", 0.5),
)


def actor_confidence(method: str, found: float) -> float:
    """The calibrated confidence of an actor found by ``method`` (``found`` when no rule of
    :data:`ACTOR_CONFIDENCE` names the method).

    >>> actor_confidence("title + name", 0.75), actor_confidence("something new", 0.42)
    (0.9, 0.42)
    """
    return next((c for prefix, c in ACTOR_CONFIDENCE if method.startswith(prefix)),
                round(found, 2))


def event_confidence(*, dated: bool, precise: bool, agents: int, mentions: int) -> float:
    """An event's calibrated confidence. On the development texts what decides whether a
    drafted event is right (type, participants, time and status) is its time and its
    sides: dated to the day with two sides it was right 7 times of 7; undated with one
    side, once in 13 (the text dates it elsewhere, or the other side is unnamed).

    >>> event_confidence(dated=True, precise=True, agents=2, mentions=1)
    0.85
    >>> event_confidence(dated=False, precise=False, agents=1, mentions=1)
    0.2
    """
    if dated and agents >= 2:
        value = 0.85 if precise else 0.7
    elif dated or agents >= 2:
        value = 0.45
    else:
        value = 0.2
    return round(min(0.95, value + (0.05 if mentions > 1 and value < 0.85 else 0.0)), 2)


def _family(etype: str) -> str:
    """Event types one trigger may stand for ("announcement" of what was "said")."""
    return {"announcement": "statement", "meeting": "talks"}.get(etype, etype)


def _reported_verb(words: list[str]) -> bool:
    """"agencies reported that", "reported on July 1 that": reporting, not "the reported
    June 27 talks" (an adjective)."""
    return any(w == "reported" and words[k + 1:k + 2] and words[k + 1] in (
        "that", "on", "to", "by", ",", "in") for k, w in enumerate(words))


def _demonym_of(state_label: str) -> str:
    from .mentions import DEMONYMS

    for adjective, label in DEMONYMS.items():
        if label == state_label and adjective not in ("u.s.", "us"):
            return " ".join(w.capitalize() for w in adjective.split())
    return state_label


def _title_case(title: str) -> str:
    return " ".join(w if w in ("of",) else w.capitalize() for w in title.split())
