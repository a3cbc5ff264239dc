"""Who a news text names: sentences, actor mentions, titles, and their actors.

spaCy splits the text into tokens and sentences and finds the names of the base graph
(its labels and aliases, with romanisation variants) with a ``PhraseMatcher``; the rest
is rules over tokens: runs of capitalised words, titles ("Russian Foreign Minister Igor
Ivanov", "the Russian president"), nationality adjectives, institutions ("North Korea's
parliament", "Russian Foreign Ministry sources"), outlets cited in parentheses, and
pronouns. The pipeline needs no model download (``spacy.blank("en")`` with a
sentencizer); when a statistical model such as ``en_core_web_sm`` is installed its
named entities are added as candidates. Mentions are matched to actors by rapidfuzz
against the base graph's names and the names seen earlier in the text.

>>> text = ("Title: t\\n---\\nRussian Foreign Minister Igor Ivanov met Kim Jong Il. "
...         "Mr. Ivanov left.")
>>> reading = read_text(text, base=None)
>>> [(m.text, m.actor) for s in reading.sentences for m in s.mentions]
[('Igor Ivanov', 'igor-ivanov'), ('Kim Jong Il', 'kim-jong-il'), ('Ivanov', 'igor-ivanov')]
>>> reading.actors["igor-ivanov"].titles
['foreign minister']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind
from ..core.names import compact, normalize
from ..errors import DependencyError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "ActorCandidate",
    "Mention",
    "Sentence",
    "TextReading",
    "Token",
    "pipeline",
    "read_text",
    "slug",
]

#: nationality adjective -> (state label, what the state is called in the text)
DEMONYMS: dict[str, str] = {
    "russian": "Russia", "north korean": "North Korea", "south korean": "South Korea",
    "soviet": "Soviet Union", "american": "United States", "u.s.": "United States",
    "us": "United States", "chinese": "China", "japanese": "Japan", "british": "United Kingdom",
    "french": "France", "german": "Germany", "korean": "Korea", "ukrainian": "Ukraine",
    "indian": "India", "iranian": "Iran", "israeli": "Israel", "western": "",
}

#: title words -> (affiliation kind, organisation pattern) ; {state} is filled with the state
TITLES: dict[str, tuple[str, str, ActorKind | None]] = {
    "president": ("head", "{state}", None),
    "leader": ("head", "{state}", None),
    "supreme leader": ("head", "{state}", None),
    "chairman": ("head", "{state}", None),
    "premier": ("head", "{state} government", ActorKind.GOVERNMENT),
    "prime minister": ("head", "{state} government", ActorKind.GOVERNMENT),
    "deputy prime minister": ("post", "{state} government", ActorKind.GOVERNMENT),
    # a state's ministers are posts of the state, as the curated corpus writes them
    "foreign minister": ("post", "{state}", None),
    "deputy foreign minister": ("post", "{state}", None),
    "defense minister": ("post", "{state}", None),
    "defence minister": ("post", "{state}", None),
    "minister": ("post", "{state} government", ActorKind.GOVERNMENT),
    "ambassador": ("representative", "{state}", None),
    "secretary of state": ("head", "{state} State Department", ActorKind.MINISTRY),
    "spokesman": ("post", "{state} government", ActorKind.GOVERNMENT),
    "deputy spokesman": ("post", "{state} government", ActorKind.GOVERNMENT),
    "secretary": ("head", "{state} government", ActorKind.GOVERNMENT),
    "assistant secretary": ("post", "{state} State Department", ActorKind.MINISTRY),
    "envoy": ("representative", "{state}", None),
    "king": ("head", "{state}", None),
    "chancellor": ("head", "{state} government", ActorKind.GOVERNMENT),
}
#: words before "of" that keep a name going ("Group of Seven", "Republic of Korea"); after
#: a person's name "of" does not ("Professor Moon Chung-in of Yonsei University")
_OF_HEADS = {"group", "republic", "bank", "association", "league", "federation", "bureau",
             "house", "secretary", "minister", "state", "states", "friendship", "ministry",
             "kingdom", "people", "council", "conference", "summit", "organisation"}
_HONORIFICS = {"professor", "prof.", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
               "gen.", "general"}

#: the last word of a name -> the kind of actor it names
HEAD_WORDS: dict[str, ActorKind] = {
    "airport": ActorKind.AIRPORT,
    "plant": ActorKind.FACILITY, "complex": ActorKind.FACILITY, "railroad": ActorKind.FACILITY,
    "railway": ActorKind.FACILITY, "works": ActorKind.FACILITY, "station": ActorKind.FACILITY,
    "mill": ActorKind.FACILITY, "mills": ActorKind.FACILITY, "port": ActorKind.FACILITY,
    "treaty": ActorKind.TREATY, "pact": ActorKind.TREATY, "accord": ActorKind.TREATY,
    "agreement": ActorKind.TREATY, "declaration": ActorKind.TREATY,
    "charter": ActorKind.TREATY, "convention": ActorKind.TREATY,
    "ministry": ActorKind.MINISTRY, "department": ActorKind.MINISTRY,
    "government": ActorKind.GOVERNMENT, "cabinet": ActorKind.GOVERNMENT,
    "parliament": ActorKind.PARLIAMENT, "assembly": ActorKind.PARLIAMENT,
    "duma": ActorKind.PARLIAMENT, "congress": ActorKind.PARLIAMENT,
    "senate": ActorKind.PARLIAMENT, "party": ActorKind.PARTY,
    "committee": ActorKind.GOVERNMENT, "commission": ActorKind.GOVERNMENT,
    "council": ActorKind.GOVERNMENT, "office": ActorKind.GOVERNMENT,
    "kremlin": ActorKind.HEAD_OF_STATE_OFFICE, "intelligence": ActorKind.INTELLIGENCE_SERVICE,
    "times": ActorKind.NEWS_OUTLET, "herald": ActorKind.NEWS_OUTLET,
    "post": ActorKind.NEWS_OUTLET, "news": ActorKind.NEWS_OUTLET, "agency": ActorKind.NEWS_OUTLET,
    "agencies": ActorKind.NEWS_OUTLET, "journal": ActorKind.NEWS_OUTLET,
    "tribune": ActorKind.NEWS_OUTLET, "foundation": ActorKind.NEWS_OUTLET,
    "nations": ActorKind.INTERNATIONAL_FORUM, "union": ActorKind.INTERNATIONAL_FORUM,
    "organization": ActorKind.INTERNATIONAL_FORUM, "forum": ActorKind.INTERNATIONAL_FORUM,
    "countries": ActorKind.INTERNATIONAL_FORUM, "delegation": ActorKind.DELEGATION,
    "palace": ActorKind.FACILITY, "mausoleum": ActorKind.FACILITY,
    "square": ActorKind.FACILITY, "hall": ActorKind.FACILITY,
    "peninsula": ActorKind.REGION, "island": ActorKind.REGION, "prefecture": ActorKind.REGION,
    "province": ActorKind.REGION, "region": ActorKind.REGION,
    "process": ActorKind.PROJECT, "project": ActorKind.PROJECT, "plan": ActorKind.PROJECT,
    "plans": ActorKind.PROJECT, "program": ActorKind.PROJECT, "programme": ActorKind.PROJECT,
}
HEAD_WORDS.update({
    # seats of learning and research: institutions, never persons ("Yonsei University")
    "university": ActorKind.GOVERNMENT, "institute": ActorKind.GOVERNMENT,
    "academy": ActorKind.GOVERNMENT, "college": ActorKind.GOVERNMENT,
    "center": ActorKind.GOVERNMENT, "centre": ActorKind.GOVERNMENT,
    # wars and eras are topics ("the Korean War", "Cold War")
    "war": ActorKind.TOPIC, "era": ActorKind.TOPIC, "prize": ActorKind.TOPIC,
    # outlets ("Agence France Presse", "Interfax News Agency")
    "presse": ActorKind.NEWS_OUTLET, "press": ActorKind.NEWS_OUTLET,
    "radio": ActorKind.NEWS_OUTLET, "television": ActorKind.NEWS_OUTLET,
    "gazette": ActorKind.NEWS_OUTLET, "daily": ActorKind.NEWS_OUTLET,
    "cross": ActorKind.INTERNATIONAL_FORUM,
    # regions of the world ("Asia", "Northeast Asia")
    "asia": ActorKind.REGION, "europe": ActorKind.REGION, "africa": ActorKind.REGION,
    "siberia": ActorKind.REGION, "east": ActorKind.REGION,
})
#: a word anywhere in a run that makes it an outlet ("Agence France Presse")
_OUTLET_WORDS = {"agence", "presse", "interfax", "yonhap", "xinhua", "itar-tass"}
#: capitalised words of things that are no one: a run holding one is not a person
_ABSTRACT = {
    "assistance", "cooperation", "friendship", "security", "development", "relations",
    "peace", "unification", "reunification", "affairs", "issues", "issue", "journey",
    "briefing", "record", "questions", "question", "journalists", "society", "tree",
    "information", "stability", "defense", "defence", "trade", "economy", "energy",
    "policy", "strategy", "summit", "talks", "conference", "notes", "edition", "chiefs",
    "officials", "leaders", "ministers", "envoys", "diplomats", "leader", "official",
    "about", "national", "missile", "missiles", "program", "programme", "nuclear",
    "space", "satellite", "satellites", "korean", "russian", "american", "soviet",
}
HEAD_WORDS["cooperation"] = ActorKind.PROJECT
HEAD_WORDS["system"] = ActorKind.PROJECT
_COMPOUND_HEADS = {"process", "treaty", "pact", "accord", "agreement", "plan", "plans",
                   "program", "programme", "project", "system", "cooperation", "airport",
                   "parliament", "countries"}
#: news outlets and forums known by their short names (cited in parentheses)
KNOWN_SHORT: dict[str, ActorKind] = {
    "reuters": ActorKind.NEWS_OUTLET, "afp": ActorKind.NEWS_OUTLET, "ap": ActorKind.NEWS_OUTLET,
    "upi": ActorKind.NEWS_OUTLET, "interfax": ActorKind.NEWS_OUTLET,
    "itar-tass": ActorKind.NEWS_OUTLET, "tass": ActorKind.NEWS_OUTLET,
    "xinhua": ActorKind.NEWS_OUTLET, "yonhap": ActorKind.NEWS_OUTLET,
    "kcna": ActorKind.NEWS_OUTLET, "ria novosti": ActorKind.NEWS_OUTLET,
    "g8": ActorKind.INTERNATIONAL_FORUM, "g7": ActorKind.INTERNATIONAL_FORUM,
    "un": ActorKind.INTERNATIONAL_FORUM, "united nations": ActorKind.INTERNATIONAL_FORUM,
    "nato": ActorKind.INTERNATIONAL_FORUM, "asean": ActorKind.INTERNATIONAL_FORUM,
    "kremlin": ActorKind.HEAD_OF_STATE_OFFICE,
}
#: common-noun institutions after a nationality: "Russian Foreign Ministry sources"
INSTITUTIONS: dict[str, tuple[str, ActorKind]] = {
    "government": ("{state} government", ActorKind.GOVERNMENT),
    "foreign ministry": ("{state} Foreign Ministry", ActorKind.MINISTRY),
    "defense ministry": ("{state} Defense Ministry", ActorKind.MINISTRY),
    "intelligence": ("{state} intelligence", ActorKind.INTELLIGENCE_SERVICE),
    "news agencies": ("{state} news agencies", ActorKind.NEWS_OUTLET),
    "news agency": ("{state} news agencies", ActorKind.NEWS_OUTLET),
    "agencies": ("{state} news agencies", ActorKind.NEWS_OUTLET),
    "parliament": ("{state} parliament", ActorKind.PARLIAMENT),
    "delegation": ("{state} delegation", ActorKind.DELEGATION),
    "officials": ("{state} government", ActorKind.GOVERNMENT),
    "diplomats": ("{state} Foreign Ministry", ActorKind.MINISTRY),
    "military": ("{state} military", ActorKind.DEFENCE_INDUSTRY),
    "side": ("{state} side", ActorKind.DELEGATION),
}
#: capitalised words that start sentences but name nothing
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "for", "of", "to", "and", "but", "or", "if", "it",
    "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "as", "by", "with", "from", "after", "before", "although",
    "meanwhile", "equally", "sources", "reports", "few", "one", "two", "what", "according",
    "question", "answer", "currently", "however", "since", "while", "when", "where",
    "there", "then", "so", "also", "prior", "during", "last", "next", "today",
    "yesterday", "mamedov,", "following", "despite", "besides", "moreover", "later",
    "earlier", "now", "some", "many", "most", "all", "such", "both", "each", "other",
    "another", "war-era", "good", "afternoon", "morning", "evening", "thank",
    "yes", "no", "well", "let", "my", "not", "very", "more", "less", "first", "second",
    "third", "new", "old", "biggest", "historic", "president",
    "minister", "ambassador", "chairman", "leader", "prime", "deputy", "foreign", "mr.",
    "secretary", "general", "premier", "background", "summit", "see", "edits", "title",
    "can", "could", "do", "does", "did", "will", "would", "should", "how", "why", "who",
    "is", "are", "was", "were", "has", "have", "us", "intro", "text", "anywhere",
    "certainly", "thanks", "okay", "ok", "sir",
} | {n.lower() for n in [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday"]}
_PRONOUNS = {"he": "person", "his": "person", "him": "person", "she": "person",
             "her": "person"}
_PREPOSITIONS = {"to", "with", "of", "in", "from", "for", "by", "at", "on", "into", "about",
                 "between", "against", "over", "during", "toward", "towards", "after",
                 "before", "than"}


def slug(name: str) -> str:
    """A kebab-case id for a name.

    >>> slug("Lee Joung-binn"), slug("U.S. intelligence"), slug("Kim Chaek Iron & Steel")
    ('lee-joung-binn', 'us-intelligence', 'kim-chaek-iron-steel')
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[.'’]", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "actor"


@lru_cache(maxsize=4)
def pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline: ``model`` if given, else ``en_core_web_sm`` when installed,
    else ``spacy.blank("en")`` with a rule-based sentencizer (no download needed)."""
    try:
        import spacy
        import spacy.util
    except ImportError as exc:
        raise DependencyError(
            "drafting needs spaCy: pip install 'korea_graph[draft]'") from exc
    if model is None and spacy.util.is_package("en_core_web_sm"):
        model = "en_core_web_sm"
    if model:
        try:
            return spacy.load(model, exclude=["lemmatizer"])
        except OSError as exc:
            raise DependencyError(f"the spaCy model {model!r} is not installed") from exc
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """compact name -> state label, from the CAMEO country table shipped in the package."""
    out: dict[str, str] = {}
    table = resources.files("korea_graph") / "data" / "cameo_countries.tsv"
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code\t")) or not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2] == "state":
            out[compact(cells[1])] = cells[1]
            for alias in (cells[3].split("|") if len(cells) > 3 and cells[3] else []):
                out[compact(alias)] = cells[1]
    out[compact("Soviet Union")] = "Soviet Union"
    out[compact("USSR")] = "Soviet Union"
    out[compact("U.S.")] = "United States"
    out[compact("Korea")] = "Korea"
    return out


# -- records ------------------------------------------------------------------------------
@dataclass(slots=True)
class Token:
    """A token with absolute character offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_title(self) -> bool:
        t = self.text
        return bool(t) and (t[0].isupper() or (t[0].isdigit() and "-" in t)) and \
            t.lower() not in ("'s", "’s")


@dataclass(slots=True)
class Sentence:
    """One sentence: its offsets into the document text, its paragraph and tokens."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    muted: set[int] = field(default_factory=set)  #: tokens that name nothing (labels, bylines)
    header: bool = False  #: a header or production line: no mention, no event


@dataclass(slots=True)
class Mention:
    """A stretch of a sentence that names (or refers to) an actor."""

    sentence: int
    first: int  #: first token index within the sentence
    last: int  #: one past the last token
    start: int
    end: int
    text: str
    actor: str = ""  #: the actor candidate id, once resolved
    kind: ActorKind | None = None
    confidence: float = 0.0
    method: str = ""
    title: str | None = None  #: "Foreign Minister" for "Russian Foreign Minister Igor Ivanov"
    title_state: str | None = None  #: the state id the title's nationality names
    title_start: int | None = None
    possessive: bool = False
    alternatives: tuple[str, ...] = ()
    metonym: str | None = None  #: the state (label) a capital stands for ("Moscow was considering")


@dataclass(slots=True)
class ActorCandidate:
    """An actor the draft proposes: one of the base graph, or a new one."""

    id: str
    label: str
    kind: ActorKind
    base: bool
    confidence: float
    method: str
    mention: str
    sentence: int
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    wikidata: str | None = None
    titles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TextReading:
    """The sentences of a text with their mentions, and the actors they resolve to."""

    text: str
    sentences: list[Sentence]
    actors: dict[str, ActorCandidate]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset``."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        raise IndexError(offset)


# -- reading ------------------------------------------------------------------------------
def body_paragraphs(text: str) -> list[tuple[int, int, int]]:
    """``(paragraph number, start, end)`` of each body paragraph (after a rule of dashes).

    A paragraph is a line; in a hard-wrapped text (wire copy, transcripts: many lines
    end inside a sentence) the lines of one paragraph are joined, so a sentence never
    breaks at a line end. Header lines (all capitals, ``///...///`` marks, a line in
    brackets), a speaker's label (``MR. REEKER:``, ``Q:``) or ``INTRO:``/``TEXT:`` start
    a paragraph of their own.

    >>> t = "T\\n---\\nINTRO: Mr.\\nPutin said\\nit was\\ntime.\\nTEXT: He left.\\n"
    >>> [t[a:b] for _, a, b in body_paragraphs(t)]
    ['INTRO: Mr.\\nPutin said\\nit was\\ntime.', 'TEXT: He left.']
    """
    marker = text.find("\n---")
    start = 0 if marker < 0 else text.find("\n", marker + 1) + 1
    if marker >= 0 and start == 0:
        return []
    lines = []
    for line in text[start:].split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            lines.append((start + lead, start + len(line.rstrip())))
        else:
            lines.append((-1, -1))
        start += len(line) + 1
    body = [text[a:b] for a, b in lines if a >= 0]
    open_ends = sum(1 for x in body if not _ENDS.search(x))
    wrapped = len(body) > 3 and open_ends > 0.25 * len(body)
    out: list[tuple[int, int, int]] = []
    current: list[int] | None = None
    for a, b in lines:
        if a < 0:
            if current is not None:
                out.append((len(out) + 1, current[0], current[1]))
            current = None
            continue
        line = text[a:b]
        if wrapped and current is not None and not _header_line(line) and not \
                _LABEL.match(line) and not _header_line(text[current[0]:current[1]]):
            prev = text[current[0]:current[1]]
            if not _ENDS.search(prev) or _ABBREVIATION_END.search(prev):
                current[1] = b
                continue
        if current is not None:
            out.append((len(out) + 1, current[0], current[1]))
        current = [a, b]
    if current is not None:
        out.append((len(out) + 1, current[0], current[1]))
    return out


#: a line that ends a sentence (a hard-wrapped line usually does not)
_ENDS = re.compile(r"[.?!:\"”)’']\s*$")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Lt|Col)\.\s*$")
#: a label that opens a paragraph: INTRO:, TEXT:, Q:, QUESTION:, MR. REEKER:
_LABEL = re.compile(r"^(?:(?:MR|MS|MRS|DR)\.?\s+[A-Z][A-Z'-]+|[A-Z]{1,12}):\s")
#: a production mark: ///Clinton actuality///, /// KIM ACT ////, ///end act///
_MARK = re.compile(r"^\s*/{2,}[^/]*/{2,}\s*$")


def _header_line(line: str) -> bool:
    """A header or production line: all capitals, a ///mark///, or all in brackets."""
    letters = [c for c in line if c.isalpha()]
    return bool(_MARK.match(line)) or (len(letters) >= 2 and not any(
        c.islower() for c in letters)) or (line.startswith("(") and line.endswith(")"))


def _quiet_spans(text: str, a: int, b: int, bylines: list[str]) -> list[tuple[int, int]]:
    """Stretches of a paragraph that name no actor: the whole of a header or production
    line, a label (``INTRO:``, ``MR. BOUCHER:``), a byline ("V-O-A's David Gollust reports
    from Okinawa", "as Hyun-Sung Khang reports from the South Korean capital") and a
    dateline ("SEOUL (AP) --")."""
    line = text[a:b]
    if _header_line(line):
        return [(a, b)]
    out = []
    label = _LABEL.match(line)
    if label:
        out.append((a, a + label.end()))
    for m in _BYLINE.finditer(line):
        out.append((a + m.start(), a + m.end()))
    for name in bylines:
        for m in re.finditer(re.escape(name), line, re.IGNORECASE):
            out.append((a + m.start(), a + m.end()))
    date_line = _DATELINE.match(line)
    if date_line:
        out.append((a, a + date_line.end()))
    return out


_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*)){1,3}"
_BYLINE = re.compile(
    rf"(?:(?:V-O-A|VOA|AP|AFP|Reuters)(?:'s|’s)\s+(?:correspondent\s+)?)?{_NAME}\s+"
    r"(?:reports|has more|has this report|has the story)(?:\s+from\s+(?:the\s+)?"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s+capital)?)?")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]{1,20}\)\s*)?"
                       r"(?:--|—|–)\s*")
_HEADER_BYLINE = re.compile(r"(?i)\b(?:byline[=:\s]+|report(?:ed)? by\s+|correspondent report,\s*)"
                            r"([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,2})")


def bylines(text: str) -> list[str]:
    """The reporters' names a header gives (``BYLINE=DAVID GOLLUST``, "report by
    Hyun-Sung Khang"): they write the text and take part in nothing.

    >>> bylines("TITLE: x [VOA correspondent report, David Gollust, Okinawa]\\n---\\n")
    ['David Gollust']
    """
    marker = text.find("\n---")
    head = text[:marker] if marker >= 0 else ""
    out: list[str] = []
    for m in _HEADER_BYLINE.finditer(head):
        name = m.group(1).strip(" ,.;")
        if name.lower() not in {n.lower() for n in out}:
            out.append(name)
    return out


def split_sentences(text: str, model: str | None = None) -> list[Sentence]:
    """The body's sentences, with offsets into ``text`` (paragraphs never run together)."""
    nlp = pipeline(model)
    sentences: list[Sentence] = []
    spans = body_paragraphs(text)
    reporters = bylines(text)
    docs = nlp.pipe(text[a:b] for _, a, b in spans)
    for (number, a, b), doc in zip(spans, docs, strict=True):
        quiet = _quiet_spans(text, a, b, reporters)
        pieces: list[list[Token]] = []
        for sent in doc.sents:
            toks = [piece for t in sent if not t.is_space
                    for piece in _split_dashes(t.text, a + t.idx)]
            if not toks:
                continue
            # an opening bracket that ends a sentence belongs to the next one
            if pieces and pieces[-1] and pieces[-1][-1].text in "([" and \
                    len(pieces[-1]) > 1:
                toks.insert(0, pieces[-1].pop())
            pieces.append(toks)
        if _header_line(text[a:b]) and len(pieces) > 1:  # a header line is one "sentence"
            pieces = [[t for p in pieces for t in p]]
        for toks in pieces:
            if not toks:
                continue
            start, end = toks[0].start, toks[-1].end
            s = Sentence(len(sentences), start, end, text[start:end], number, toks)
            s.muted = {i for i, t in enumerate(toks)
                       if any(qa <= t.start and t.end <= qb for qa, qb in quiet)}
            s.header = len(s.muted) == len(toks)
            sentences.append(s)
    if sentences and not _ENDS.search(text.rstrip()):
        last = sentences[-1]  # a copy cut mid-word ("Secretary of State Coli"): the last
        last.muted.add(len(last.tokens) - 1)  # word is not a name
    if hasattr(nlp, "pipe_names") and "ner" in nlp.pipe_names:
        _statistical_entities(text, sentences, nlp)
    return sentences


def _split_dashes(text: str, start: int) -> list[Token]:
    """A token split at en and em dashes ("Korea–he" is three tokens)."""
    out = []
    for m in re.finditer(r"[–—]|[^–—]+", text):
        out.append(Token(m.group(0), start + m.start(), start + m.end()))
    return out


_ENTITY_KINDS = {"PERSON": ActorKind.PERSON, "GPE": ActorKind.STATE, "ORG": None,
                 "FAC": ActorKind.FACILITY, "LOC": ActorKind.REGION, "NORP": None}


def _statistical_entities(text: str, sentences: list[Sentence], nlp: Language
                          ) -> None:  # pragma: no cover - needs a statistical model
    """Keep the named entities of a statistical model as mention hints."""
    for s in sentences:
        doc = nlp(s.text)
        for ent in doc.ents:
            if ent.label_ not in _ENTITY_KINDS or ent.label_ == "NORP":
                continue
            first = next((i for i, t in enumerate(s.tokens) if t.start >= s.start
                          + ent.start_char), None)
            last = next((i + 1 for i, t in reversed(list(enumerate(s.tokens)))
                         if t.end <= s.start + ent.end_char), None)
            if first is None or last is None or last <= first:
                continue
            s.mentions.append(Mention(s.index, first, last, s.tokens[first].start,
                                      s.tokens[last - 1].end,
                                      text[s.tokens[first].start:s.tokens[last - 1].end],
                                      kind=_ENTITY_KINDS[ent.label_],
                                      method=f"spaCy model entity {ent.label_}"))


class _Names:
    """Names of known actors: the base graph's and those proposed so far."""

    def __init__(self, base: KnowledgeGraph | None) -> None:
        self.exact: dict[str, set[str]] = {}
        self.labels: dict[str, str] = {}
        self.base = base
        if base is not None:
            for actor in base.actors.values():
                for name in actor.names:
                    self.add(name, actor.id)

    def add(self, name: str, actor_id: str) -> None:
        key = compact(name)
        if key:
            self.exact.setdefault(key, set()).add(actor_id)
            self.labels[normalize(name)] = actor_id

    def find(self, name: str) -> tuple[set[str], float, str]:
        """Actor ids for a name, the confidence and how they were found."""
        ids = self.exact.get(compact(name))
        if ids:
            return set(ids), 0.95, "name or alias"
        key = normalize(name)
        if len(key) < 5 or not self.labels:
            return set(), 0.0, ""
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, list(self.labels), scorer=fuzz.ratio, score_cutoff=88)
        if best is None or not _compatible(key, best[0]):
            return set(), 0.0, ""
        return {self.labels[best[0]]}, round(0.9 * best[1] / 100, 2), \
            f"fuzzy name match ({best[0]!r}, {best[1]:.0f})"


#: capitals, for "the Russian capital" and for a capital standing for its state
CAPITALS = {"Russia": "Moscow", "North Korea": "Pyongyang", "South Korea": "Seoul",
            "China": "Beijing", "Japan": "Tokyo", "United States": "Washington"}
_CAPITAL_OF = {compact(city): state for state, city in CAPITALS.items()}

_CONTRASTS = {"north", "south", "east", "west", "deputy", "vice", "former", "western"}


def _compatible(a: str, b: str) -> bool:
    """Two close names may be one: they share a first or last word and no contrasting
    word ("North"/"South", "Deputy") tells them apart.

    >>> _compatible("alexander losyukov", "aleksandr losyukov")
    True
    >>> _compatible("south korean government", "north korean government")
    False
    """
    wa, wb = a.split(), b.split()
    if set(wa) & _CONTRASTS != set(wb) & _CONTRASTS:
        return False
    return wa[0] == wb[0] or wa[-1] == wb[-1]


#: common nouns for people not named: a pronoun after them is not the last named person's
_UNNAMED = {"official", "officials", "spokesman", "spokeswoman", "diplomat", "diplomats",
            "source", "sources", "analyst", "analysts", "briefer"}
#: words before the name of someone's relative, named in passing
_RELATIVES = {"late", "father", "mother", "son", "daughter", "brother", "sister", "wife",
              "husband", "predecessor", "grandfather"}
#: people quoted beside the story, never the antecedent of a pronoun of the story
_EXPERTS = {"professor", "analyst", "expert", "researcher", "scholar", "correspondent",
            "reporter", "fellow", "lecturer"}


#: words before a thing's name that it is also named without ("the US National Missile
#: Defense system" is "National Missile Defense")
_PREFIXES = {"the", "a", "an", "us", "u.s.", "u-s", "american", "united", "states", "russian",
             "proposed", "planned", "limited"}
_GENERIC_LAST = {"system", "systems", "program", "programme", "plan", "plans", "project"}


#: verbs a lower-case noun phrase never runs through ("Russia might resume military
#: cooperation" names Russia, not a project)
_VERBS = {"might", "may", "could", "would", "will", "should", "must", "can", "shall",
          "resume", "resumes", "restart", "restarts", "start", "starts", "begin", "begins",
          "seek", "seeks", "want", "wants", "need", "needs", "give", "gives", "halt", "halts",
          "scrap", "scraps", "end", "ends", "continue", "continues", "be", "been", "being"}


def _initials(label: str) -> str:
    """ "National Missile Defense" -> "NMD" (small words and state prefixes skipped)."""
    words = [w for w in re.split(r"[\s-]+", label) if w and w.lower() not in _PREFIXES
             and w.lower() not in ("of", "and", "for", "the")]
    while len(words) > 1 and words[-1].lower() in _GENERIC_LAST:
        words = words[:-1]
    return "".join(w[0].upper() for w in words)


def _state_head(title: str) -> bool:
    """A title of the head of a state ("president", "leader", "chairman")."""
    spec = TITLES.get(title)
    return spec is not None and spec[0] == "head" and spec[1] == "{state}"


def _only_demonyms(parts: list[str]) -> bool:
    """Whether the words are nationality adjectives alone ("russian north korean")."""
    k = 0
    while k < len(parts):
        two = " ".join(parts[k:k + 2])
        if two in DEMONYMS:
            k += 2
        elif parts[k] in DEMONYMS:
            k += 1
        else:
            return False
    return True


def read_text(text: str, base: KnowledgeGraph | None, model: str | None = None
              ) -> TextReading:
    """Sentences, mentions and actor candidates of ``text`` (see the module docstring)."""
    sentences = split_sentences(text, model)
    reader = _Reader(text, base)
    for s in sentences:
        reader.sentence(s)
    return TextReading(text, sentences, reader.actors)


class _Reader:
    def __init__(self, text: str, base: KnowledgeGraph | None) -> None:
        self.text = text
        self.base = base
        self.names = _Names(base)
        self.actors: dict[str, ActorCandidate] = {}
        self.persons: list[tuple[int, str]] = []  #: (sentence, actor id) of person mentions
        #: surname -> [(paragraph, actor id)] of full-name mentions, in text order
        self.full: dict[str, list[tuple[int, int, str]]] = {}
        #: surname -> (paragraph, actor id) of the last bare-surname mention
        self.bare: dict[str, tuple[int, str]] = {}
        self.titled: list[tuple[str, str | None, str]] = []  #: (title, state id, person id)
        #: sentence -> the person it is about ("" for an unnamed official, None for none)
        self.subjects: dict[int, str | None] = {}
        #: persons named as someone's relative ("his late father, Kim Il-Sung")
        self.relatives: set[str] = set()
        self.paragraph = 0

    # actors -------------------------------------------------------------------------------
    def candidate(self, label: str, kind: ActorKind, s: Sentence, confidence: float,
                  method: str, mention: str, country: str | None = None) -> str:
        """The id of the actor called ``label``: known (base or earlier) or new."""
        label = " ".join(label.split())
        ids, score, how = self.names.find(label)
        if not ids and kind is not ActorKind.PERSON:
            ids, score, how = self._variant(label)
        if ids:
            chosen = sorted(ids)[0]
            if chosen not in self.actors:
                self._from_base_or_known(chosen, s, min(score, confidence + 0.1), how, mention)
            return chosen
        actor_id = slug(label)
        while actor_id in self.actors or (self.base is not None and
                                          actor_id in self.base.actors):
            actor_id += "-x"
        self.actors[actor_id] = ActorCandidate(actor_id, label, kind, False, confidence,
                                               method, mention, s.index, country=country)
        self.names.add(label, actor_id)
        return actor_id

    def _from_base_or_known(self, actor_id: str, s: Sentence, confidence: float, how: str,
                            mention: str) -> None:
        assert self.base is not None and actor_id in self.base.actors
        a = self.base.actors[actor_id]
        self.actors[actor_id] = ActorCandidate(
            a.id, a.label, a.kind, True, confidence, f"base graph: {how}", mention, s.index,
            aliases=list(a.aliases), country=a.country, wikidata=a.wikidata)

    def state(self, label: str, s: Sentence, mention: str) -> str | None:
        if not label:
            return None
        return self.candidate(label, ActorKind.STATE, s, 0.85, "nationality or state name",
                              mention)

    # one sentence -------------------------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        if s.paragraph != self.paragraph:
            self.paragraph = s.paragraph
        toks = s.tokens
        taken = [i in s.muted for i in range(len(toks))]
        found: list[Mention] = []
        hints = list(s.mentions)
        s.mentions.clear()

        def mention(first: int, last: int, **kw: Any) -> Mention:
            m = Mention(s.index, first, last, toks[first].start, toks[last - 1].end,
                        self.text[toks[first].start:toks[last - 1].end], **kw)
            for i in range(first, last):
                taken[i] = True
            if last < len(toks) and toks[last].lower in ("'s", "’s"):
                m.possessive = True
            found.append(m)
            return m

        lowers = [t.lower for t in toks]
        i = 0
        while i < len(toks):
            if taken[i]:
                i += 1
                continue
            # 1. [nationality] title [name] -- "Russian Foreign Minister Igor Ivanov";
            # a state's title -- "Russia's Foreign Minister", "North Korea's leader, Kim"
            state_label, after_state = self._demonym(lowers, i)
            owner = self._possessing_state(toks, lowers, i) if state_label is None else None
            if owner is not None:
                state_label, after_state = owner
            title, after_title = self._title(lowers, after_state)
            if title is None and owner is not None:
                state_label, after_state = None, i
            if title and (state_label is not None or toks[after_state].is_title or
                          (i > 0 and lowers[i - 1] in ("the", "a", "'s"))):
                j = after_title
                if j < len(toks) and toks[j].text == ",":
                    j += 1  # "ambassador to Russia, Jai-chun Lee"
                to_state = None
                if title == "ambassador" and j + 1 < len(toks) and lowers[j] == "to":
                    to_state = j + 1
                    j = self._run_end(toks, j + 1)
                    if j < len(toks) and toks[j].text == ",":
                        j += 1
                end = self._run_end(toks, j)
                end = next((k for k in range(j, end) if taken[k]), end)
                state_id = self.state(state_label, s, " ".join(lowers[i:after_state])) \
                    if state_label else None
                if end > j:
                    name = self._name(toks, j, end)
                    kind = ActorKind.PERSON
                    pid = self._person(name, s, toks, j, end, title)
                    m = mention(j, end, actor=pid, kind=kind, method=f"title + name ({title})")
                    for k in range(i, j):
                        taken[k] = True
                    m.title, m.title_state, m.title_start = title, state_id, toks[i].start
                    m.confidence = self.actors[pid].confidence
                    if to_state is not None:
                        m.alternatives = (self._name(toks, to_state, self._run_end(
                            toks, to_state)),)
                    self.titled.append((title, state_id, pid))
                    i = end
                    continue
                # a title without a name: "the Russian president" -> the person who has it;
                # "the President of North Korea" -> of that state
                if state_id is None and lowers[after_title:after_title + 1] == ["of"]:
                    of_end = self._run_end(toks, after_title + 1)
                    of_state = _states().get(compact(self._name(toks, after_title + 1, of_end))) \
                        if of_end > after_title + 1 else None
                    if of_state:
                        state_label, state_id = of_state, self.state(of_state, s, of_state)
                        after_title = of_end
                holder = self._titled_person(title, state_id)
                if holder is not None and (state_label or lowers[i - 1:i] == ["the"]):
                    mention(i, after_title, actor=holder, kind=ActorKind.PERSON,
                            method=f"title alone ({title})", confidence=0.7)
                    i = after_title
                    continue
                if owner is not None:  # "Russia's Foreign Minister" is not Russia
                    for k in range(i, after_title):
                        taken[k] = True
                    i = after_title
                    continue
            # 2. nationality + institution -- "Russian Foreign Ministry sources"
            if state_label is not None and after_state > i:
                inst, after_inst = self._institution(lowers, after_state)
                if inst:
                    pattern, kind = INSTITUTIONS[inst]
                    words = self.text[toks[i].start:toks[after_state - 1].end]
                    label = pattern.format(state=words).strip()
                    country = self.state(state_label, s, lowers[i]) if state_label else None
                    aid = self.candidate(label, kind, s, 0.7, "nationality + institution",
                                         self.text[toks[i].start:toks[after_inst - 1].end],
                                         country=country)
                    mention(i, after_inst, actor=aid, kind=kind, confidence=0.7,
                            method="nationality + institution")
                    i = after_inst
                    continue
            i += 1
        # 3. "North Korea's parliament", "the Russian capital", "a delegation of ... officials"
        self._possessed_institutions(s, toks, lowers, taken, mention)
        # 4. runs of capitalised words and known short names
        i = 0
        while i < len(toks):
            if taken[i]:
                i += 1
                continue
            end = self._run_end(toks, i)
            if end > i:
                end = self._extend(toks, lowers, end, taken)
            if end == i and lowers[i] in ("the", "a", "an") and \
                    (ext := self._extend(toks, lowers, i + 1, taken)) > i + 2:
                first = i + 1
                while first < ext - 1 and lowers[first].endswith("ing") and \
                        toks[first + 1].is_title:
                    first += 1  # "the accelerating Korean peace process"
                name = self._name(toks, first, ext)
                kind = HEAD_WORDS[lowers[ext - 1]]
                aid = self.candidate(name, kind, s, 0.5, "noun phrase ending in "
                                     f"{lowers[ext - 1]!r}", name)
                mention(i + 1, ext, actor=aid, kind=self.actors[aid].kind, confidence=0.5,
                        method=self.actors[aid].method)
                i = ext
                continue
            if end == i:
                antecedent = self._antecedent(s, found, i) if lowers[i] in _PRONOUNS else None
                if antecedent is not None:
                    mention(i, i + 1, actor=antecedent, kind=ActorKind.PERSON, method="pronoun",
                            confidence=0.6, possessive=lowers[i] == "his")
                i += 1
                continue
            if any(taken[i:end]):
                end = next(k for k in range(i, end) if taken[k])
                if end == i:
                    i += 1
                    continue
            self._name_run(s, toks, lowers, i, end, mention)
            i = end
        # statistical-model hints not covered by the rules
        for h in hints:
            if not any(taken[h.first:h.last]):
                self._name_run(s, toks, lowers, h.first, h.last, mention, hint=h.kind)
        found.sort(key=lambda m: m.first)
        for m in found:  # "Moscow was considering": the capital stands for the state
            state = _CAPITAL_OF.get(compact(m.text))
            if m.kind is ActorKind.CITY and state is not None:
                m.metonym = state
        s.mentions.extend(found)
        for m in found:
            if m.kind is ActorKind.PERSON and m.actor:
                self.persons.append((s.index, m.actor))
                if m.method != "pronoun" and set(lowers[max(0, m.first - 3):m.first]) & \
                        _RELATIVES:
                    self.relatives.add(m.actor)
        self.subjects[s.index] = self._subject(s, found)

    def _subject(self, s: Sentence, found: list[Mention]) -> str | None:
        """The person a sentence is about, for a pronoun of the next: its first person not
        after a preposition, nor a quote's attribution ("..., said Professor X"), nor an
        expert quoted; ``""`` when an unnamed person opens it ("A senior official says")."""
        lowers = [t.lower for t in s.tokens]
        persons = [m for m in found if (m.kind is ActorKind.PERSON and m.actor and
                   m.method != "pronoun") or (m.method == "pronoun" and m.first <= 1)]
        first = min((m.first for m in persons), default=len(lowers))
        if _UNNAMED & set(lowers[:min(first, 8)]):
            return ""
        for m in persons:
            if self._quoted_aside(lowers, m):
                continue
            return m.actor
        return None

    @staticmethod
    def _quoted_aside(lowers: list[str], m: Mention) -> bool:
        """A person quoted beside the story: after "said"/"according to", or an expert."""
        before = lowers[max(0, m.first - 4):m.first]
        return bool(set(before) & (_EXPERTS | _RELATIVES | {"said", "says", "told"})) or \
            before[-2:] == ["according", "to"]
    # pieces -------------------------------------------------------------------------------
    @staticmethod
    def _demonym(lowers: list[str], i: int) -> tuple[str | None, int]:
        for width in (2, 1):
            words = " ".join(lowers[i:i + width])
            if words in DEMONYMS:
                return DEMONYMS[words], i + width
        return None, i

    @staticmethod
    def _title(lowers: list[str], i: int) -> tuple[str | None, int]:
        for width in (3, 2, 1):
            words = " ".join(lowers[i:i + width])
            if words in TITLES:
                return words, i + width
        return None, i

    @staticmethod
    def _institution(lowers: list[str], i: int) -> tuple[str | None, int]:
        for width in (2, 1):
            words = " ".join(lowers[i:i + width])
            if words in INSTITUTIONS:
                return words, i + width
        return None, i

    @staticmethod
    def _run_end(toks: list[Token], i: int) -> int:
        """One past a run of capitalised words from ``i`` ("Kim Dae - jung", "Group of
        Seven", "Kim Chaek Iron and Steel Complex")."""
        j = i
        while j < len(toks):
            t = toks[j]
            if t.is_title and not (j == i and t.lower in _NOT_NAMES) and t.lower not in (
                    "'s", "’s") and not (t.lower in _NOT_NAMES and j > i and
                                          t.lower in _PREPOSITIONS):
                j += 1
                continue
            if j > i and t.text == "-" and j + 1 < len(toks) and \
                    toks[j + 1].text[:1].isalnum() and t.start == toks[j - 1].end:
                j += 2  # "Joung-binn", "Kim Dae-jung"
                continue
            if j > i and t.lower in ("of", "and", "&") and j + 1 < len(toks) and \
                    toks[j + 1].is_title and toks[j + 1].lower not in _NOT_NAMES and not (
                        t.lower == "of" and toks[j - 1].lower not in HEAD_WORDS and
                        toks[j - 1].lower not in _OF_HEADS and j - i >= 2):
                k = _Reader._run_end(toks, j + 1)
                last = toks[k - 1].lower if k > j + 1 else ""
                if last in HEAD_WORDS or (t.lower == "of" and toks[j + 1].lower in (
                        "seven", "eight", "foreign", "defense", "the")):
                    j = k
                    continue
            if j > i and t.lower == "and" and toks[j - 1].lower == "countries" and \
                    j + 1 < len(toks) and compact(toks[j + 1].text) in _states():
                j += 2  # "the Group of Seven countries and Russia"
                continue
            break
        return j

    @staticmethod
    def _extend(toks: list[Token], lowers: list[str], end: int, taken: list[bool]) -> int:
        """A run followed by up to three lower-case words that end in a compound head
        ("Korean peace process", "ABM treaty", "Russian-North Korean military
        cooperation") takes them in."""
        for width in (1, 2, 3, 4, 5, 6):
            k = end + width
            if k > len(toks) or any(taken[end:k]):
                return end
            words = lowers[end:k]
            if not all((w.isalpha() and w.islower()) or w == "-" for w in words) or any(
                    w in _NOT_NAMES or w in _PREPOSITIONS or w in _VERBS for w in words) or \
                    words[0] == "-" \
                    or sum(1 for w in words if w != "-") > 4:
                return end
            if words[-1] in _COMPOUND_HEADS:
                if words[-1] == "countries" and lowers[k:k + 1] == ["and"] and k + 1 < len(
                        toks) and compact(toks[k + 1].text) in _states():
                    return k + 2  # "the Group of Seven countries and Russia"
                return k
        return end

    def _name(self, toks: list[Token], a: int, b: int) -> str:
        """The words of tokens ``a`` to ``b``, a line break as a space ("State\nDepartment"
        of hard-wrapped copy is "State Department")."""
        return " ".join(self.text[toks[a].start:toks[b - 1].end].split())

    def _person(self, name: str, s: Sentence, toks: list[Token], a: int, b: int,
                title: str | None = None) -> str:
        pid = self.candidate(name, ActorKind.PERSON, s, 0.85 if title else 0.75,
                             "title + name" if title else "capitalised name", name)
        cand = self.actors[pid]
        if title and title not in cand.titles:
            cand.titles.append(title)
        self._full_name(name, s, pid)
        return pid

    def _full_name(self, name: str, s: Sentence, pid: str) -> None:
        words = [w for w in re.split(r"[\s]+", name) if w]
        for w in (words[0], words[-1]) if len(words) > 1 else ():
            self.full.setdefault(compact(w), []).append((s.paragraph, s.index, pid))

    def _surname(self, name: str, s: Sentence, at: int) -> tuple[str, tuple[str, ...]] | None:
        """A bare surname ("Kim", "Ivanov"): the person of the last bare use in this
        paragraph, else the last full name in this paragraph, else the last full name."""
        key = compact(name)
        fulls = [(par, pid) for par, index, pid in self.full.get(key, [])
                 if index < s.index or (index == s.index and self._before(pid, s, at))]
        if not fulls:
            return None
        options = tuple(dict.fromkeys(pid for _, pid in reversed(fulls)))
        # a relative named in passing ("his late father, Kim Il-Sung") is not "Mr. Kim"
        if any(o not in self.relatives for o in options):
            fulls = [(par, pid) for par, pid in fulls if pid not in self.relatives]
        chain = self.bare.get(key)
        if chain is not None and chain[0] == s.paragraph and chain[1] not in self.relatives:
            chosen = chain[1]
        else:
            here = [pid for par, pid in fulls if par == s.paragraph]
            # else the one the text names most (the last of them if several)
            count = {pid: sum(1 for _, p in self.persons if p == pid) for _, pid in fulls}
            order = {pid: n for n, (_, pid) in enumerate(fulls)}
            chosen = here[-1] if here else max(count, key=lambda p: (count[p], order[p]))
        self.bare[key] = (s.paragraph, chosen)
        return chosen, tuple(o for o in options if o != chosen)

    def _before(self, pid: str, s: Sentence, at: int) -> bool:
        """Whether ``pid`` is named in full in ``s`` before offset ``at``."""
        label = self.actors[pid].label if pid in self.actors else ""
        index = s.text.find(label) if label else -1
        return index >= 0 and s.start + index < at

    def _titled_person(self, title: str, state_id: str | None) -> str | None:
        """The person a title alone stands for ("the Russian president"): the last one
        given it in the text, else its holder in the base graph. "Leader" stands for any
        head of the state ("the Russian leader" is its president)."""
        def fits(t: str) -> bool:  # a state's heads: president, leader, chairman, king
            return t == title or (state_id is not None and _state_head(t) and
                                  _state_head(title))

        for t, st, pid in reversed(self.titled):  # of that very state first
            if fits(t) and (state_id is None or st == state_id or (
                    st is None and self.actors[pid].country == state_id)):
                return pid
        for t, st, pid in reversed(self.titled):  # then one of no known state
            if fits(t) and st is None and self.actors[pid].country is None:
                return pid
        if self.base is not None:
            for aff in self.base.affiliations.values():
                if aff.title and fits(aff.title.lower()) and (
                        state_id is None or aff.organization == state_id):
                    if aff.holder not in self.actors:
                        self.actors[aff.holder] = ActorCandidate(
                            aff.holder, self.base.actors[aff.holder].label, ActorKind.PERSON,
                            True, 0.6, "base graph: holder of the title", title, -1)
                    return aff.holder
        return None

    def _antecedent(self, s: Sentence, found: list[Mention], at: int) -> str | None:
        """The person "he" or "his" stands for: the nearest person before it in the
        sentence (not an expert quoted), else the subject of the sentence before
        (none when an unnamed official is), else the last person named."""
        lowers = [t.lower for t in s.tokens]
        before = [m for m in found if m.kind is ActorKind.PERSON and m.last <= at and m.actor
                  and not self._quoted_aside(lowers, m)]
        if before:
            return max(before, key=lambda m: m.first).actor
        if _UNNAMED & set(lowers[:at]):
            return None  # "The senior U-S official who briefed reporters said he ..."
        for index in range(s.index - 1, max(-1, s.index - 3), -1):
            if index in self.subjects and self.subjects[index] is not None:
                return self.subjects[index] or None
        for index, pid in reversed(self.persons):
            if index <= s.index:
                return pid
        return None

    def _possessed_institutions(self, s: Sentence, toks: list[Token], lowers: list[str],
                                taken: list[bool], mention: Any) -> None:
        text = " ".join(lowers)
        del text
        for i in range(len(toks) - 2):
            if any(taken[i:i + 3]):
                continue
            # "North Korea's parliament"
            end = self._run_end(toks, i)
            if end > i and end + 1 < len(toks) and lowers[end] in ("'s", "’s"):
                inst = lowers[end + 1]
                if inst in ("parliament", "government", "military") and not any(
                        taken[i:end + 2]):
                    state_label = _states().get(compact(self._name(toks, i, end)))
                    if state_label:
                        _pattern, kind = INSTITUTIONS[inst]
                        country = self.state(state_label, s, state_label)
                        aid = self.candidate(f"{self._name(toks, i, end)}'s {inst}", kind, s,
                                             0.7, "state's institution",
                                             self._name(toks, i, end + 2), country=country)
                        mention(i, end + 2, actor=aid, kind=kind, confidence=0.7,
                                method="state's institution")
            # "the Russian capital" -> the capital city named in the text before
            if lowers[i] == "the" and i + 2 < len(toks):
                label, after = self._demonym(lowers, i + 1)
                if label and after < len(toks) and lowers[after] == "capital":
                    city = self._capital_of(label)
                    if city is not None:
                        m = mention(i, after + 1, actor=city, kind=ActorKind.CITY,
                                    confidence=0.6, method="the capital of a state named before")
                        m.title_state = self.state(label, s, label)
            # "a delegation of top North Korean officials"
            if lowers[i] == "delegation" and i + 1 < len(toks) and lowers[i + 1] in ("of",
                                                                                     "from"):
                for k in range(i + 2, min(i + 6, len(toks))):
                    label, after = self._demonym(lowers, k)
                    if label:
                        country = self.state(label, s, label)
                        aid = self.candidate(f"{label} delegation", ActorKind.DELEGATION, s,
                                             0.65, "delegation of nationals",
                                             self._name(toks, i, after), country=country)
                        mention(i, after + (1 if after < len(toks) and lowers[after] in (
                            "officials", "diplomats") else 0), actor=aid,
                            kind=ActorKind.DELEGATION, confidence=0.65,
                            method="delegation of nationals")
                        break

    def _capital_of(self, state_label: str) -> str | None:
        name = CAPITALS.get(state_label)
        if name is None:
            return None
        ids, _, _ = self.names.find(name)
        ids = {i for i in ids if i in self.actors}
        return sorted(ids)[0] if ids else None

    def _name_run(self, s: Sentence, toks: list[Token], lowers: list[str], i: int, end: int,
                  mention: Any, hint: ActorKind | None = None) -> None:
        while end - i > 1 and lowers[i] in _HONORIFICS:
            i += 1  # "Mr. Ivanov" is Ivanov
        name = self._name(toks, i, end)
        words = name.split()
        key = compact(name)
        if " ".join(lowers[i:i + 6]) == "democratic people 's republic of korea":
            sid = self.state("North Korea", s, self._name(toks, i, i + 6))
            assert sid is not None
            mention(i, i + 6, actor=sid, kind=ActorKind.STATE, confidence=0.9,
                    method="the state's official name")
            return
        split = self._split_run(toks, lowers, i, end)
        if split is not None:  # "Pyongyang Ivanov", "Interfax News Agency North Korea"
            self._name_run(s, toks, lowers, i, split, mention, hint)
            self._name_run(s, toks, lowers, split, end, mention, hint)
            return
        parts = [p for p in re.split(r"[\s-]+", name.lower()) if p]
        if hint is None and parts and " ".join(parts) not in _states() and (
                (_only_demonyms(parts) and ("-" in name or len(parts) > 2)) or (
                    len(words) > 1 and name.isupper() and compact(name) not in
                    self.names.exact)):
            return  # "Russian-North Korean": an adjective; "DAILY PRESS BRIEFING": a heading
        # "North and South Korea" -> both states
        if lowers[i:i + 4] == ["north", "and", "south", "korea"] or \
                lowers[i:i + 4] == ["north", "and", "south", "korean"]:
            for label in ("North Korea", "South Korea"):
                sid = self.state(label, s, name)
                assert sid is not None
                mention(i, i + 4, actor=sid, kind=ActorKind.STATE, confidence=0.8,
                        method="North and South Korea")
            return
        if key in _states():
            sid = self.state(_states()[key], s, name)
            assert sid is not None
            mention(i, end, actor=sid, kind=self.actors[sid].kind,
                    confidence=self.actors[sid].confidence,
                    method=self.actors[sid].method)
            return
        ids, score, how = self.names.find(name)
        last = words[-1].lower() if words else ""
        found = self._surname(name, s, toks[i].start) if not ids and len(words) == 1 else None
        if found is not None:
            chosen, others = found
            mention(i, end, actor=chosen, kind=ActorKind.PERSON,
                    confidence=0.6 if others else 0.75, method="surname of a person named "
                    "before" + (" (also possible: " + ", ".join(others) + ")" if others else ""),
                    alternatives=others)
            return
        if ids:
            aid = sorted(ids)[0]
            if aid not in self.actors:
                self._from_base_or_known(aid, s, score, how, name)
            known_kind = self.actors[aid].kind
            if known_kind is ActorKind.PERSON and len(words) > 1:
                self._full_name(name, s, aid)
            mention(i, end, actor=aid, kind=known_kind, confidence=min(score,
                                                                  self.actors[aid].confidence),
                    method=how)
            return
        if lowers[i] in KNOWN_SHORT or key in {compact(k) for k in KNOWN_SHORT}:
            short = KNOWN_SHORT.get(lowers[i]) or next(v for k, v in KNOWN_SHORT.items()
                                                        if compact(k) == key)
            aid = self.candidate(name, short, s, 0.8, "known short name", name)
            mention(i, end, actor=aid, kind=short, confidence=0.8, method="known short name")
            return
        kind = hint or HEAD_WORDS.get(last) or next(
            (HEAD_WORDS[w] for w in reversed(words) if w.islower() and w in HEAD_WORDS), None)
        if kind is None and {w.lower() for w in words} & _OUTLET_WORDS:
            kind = ActorKind.NEWS_OUTLET
        if kind is not None and len(words) == 1 and hint is None and kind is not \
                ActorKind.REGION:
            return  # "News", "Party": a generic word, not a name
        if kind is None and hint is None and {w.lower().strip(".,") for w in words} & _ABSTRACT:
            return  # "Mutual Assistance", "Regional Issues", "Defense Chiefs": no one
        if kind is None and len(words) == 1 and name.isupper() and 2 <= len(name) <= 6:
            ids, score, how = self._variant(name)  # "NMD": the initials of a name before
            if ids:
                aid = sorted(ids)[0]
                mention(i, end, actor=aid, kind=self.actors[aid].kind, confidence=score,
                        method=how)
            return
        if kind is None and len(words) == 1 and i > 0 and lowers[i - 1] in (
                "in", "to", "at", "from", "visit", "visited", "visits", "visiting", "via"):
            kind, confidence = ActorKind.CITY, 0.6
        elif kind is None and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            kind, confidence = ActorKind.PERSON, 0.65
        elif kind is None:
            return  # a capitalised word that names nothing we can type
        else:
            confidence = 0.65
        if s.tokens[i].start == s.start and len(words) == 1:
            confidence -= 0.15  # the first word of a sentence is capitalised anyway
        if kind is ActorKind.PERSON:
            aid = self._person(name, s, toks, i, end)
        else:
            aid = self.candidate(name, kind, s, confidence, "capitalised name, kind from its "
                                 f"last word ({last})" if kind in HEAD_WORDS.values()
                                 else "capitalised name", name)
        mention(i, end, actor=aid, kind=self.actors[aid].kind, confidence=confidence,
                method=self.actors[aid].method)

    def _variant(self, label: str) -> tuple[set[str], float, str]:
        """A thing named once in full and then shorter or longer: "the US National Missile
        Defense system" is "National Missile Defense" is "NMD" (one actor, not three):
        the name without a state's prefix or a generic last word, or its initials."""
        words = label.split()
        if len(words) == 1 and label.isupper() and 2 <= len(label) <= 6:
            for aid, a in self.actors.items():
                if a.kind is not ActorKind.PERSON and _initials(a.label) == label:
                    return {aid}, 0.8, f"initials of {a.label!r}"
            return set(), 0.0, ""
        trimmed = list(words)
        while trimmed and trimmed[0].lower() in _PREFIXES:
            trimmed = trimmed[1:]
        while len(trimmed) > 1 and trimmed[-1].lower() in _GENERIC_LAST:
            trimmed = trimmed[:-1]
        if trimmed and trimmed != words:
            short = " ".join(trimmed)
            for candidate in (short, f"U.S. {short}"):
                ids, score, how = self.names.find(candidate)
                if ids:
                    return ids, min(score, 0.8), f"{how}, as {candidate!r}"
        return set(), 0.0, ""

    def _possessing_state(self, toks: list[Token], lowers: list[str], i: int
                          ) -> tuple[str, int] | None:
        """``(state label, index after 's)`` of "Russia's", "North Korea's" at ``i``."""
        end = self._run_end(toks, i)
        if end > i and end < len(toks) and lowers[end] in ("'s", "’s"):
            label = _states().get(compact(self._name(toks, i, end)))
            if label:
                return label, end + 1
        return None

    def _split_run(self, toks: list[Token], lowers: list[str], i: int, end: int) -> int | None:
        """Where a run of capitalised words holds two names, the second's first token:
        a place or state before a name ("in Pyongyang Ivanov said"), a name ending in a
        head word before a state ("the Interfax News Agency North Korea must")."""
        if end - i < 2 or lowers[end - 1] in HEAD_WORDS:
            return None  # "Washington Times", "Korea Herald": one name
        first = compact(toks[i].text)
        if (first in _CAPITAL_OF or first in _states()) and lowers[i + 1] not in (
                "-", "of", "and") and compact(self._name(toks, i, end)) not in self.names.exact \
                and compact(self._name(toks, i, end)) not in _states():
            known = self.names.exact.get(first, set())
            if first in _CAPITAL_OF or first in _states() or any(
                    self.actors[k].kind in (ActorKind.CITY, ActorKind.STATE)
                    for k in known if k in self.actors):
                return i + 1
        for k in range(i + 1, end - 1):
            rest = compact(self._name(toks, k + 1, end))
            if lowers[k] in HEAD_WORDS and (rest in _states() or rest in _CAPITAL_OF or
                                            rest in self.names.exact):
                return k + 1  # "Cold War Moscow": the war, then the city
        return None

    def _recent(self, options: Iterable[str]) -> str:
        opts = list(options)
        for _, pid in reversed(self.persons):
            if pid in opts:
                return pid
        return opts[0]
