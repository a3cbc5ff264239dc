"""The analyst's words, read for what they contain before the grammar answers the clause.

A question holds more than the clause the grammar of :mod:`~korea_graph.questions.english`
answers: what kind of answer is wanted (rows, a count, yes or no, plans against what
happened), which kind of thing is asked for ("which *countries*", "what *agreements*",
"which *deputy foreign ministers*"), for whom people acted ("*Russian officials*",
"*officials of* Russia"), an extra argument that narrows the answer ("what did Ivanov
propose *to Lee Joung-binn*"), words about status ("*really*"), filler ("can you tell me").
:func:`read` takes each of these out of the question, one rule each, and leaves the
clause; :func:`finish` applies them to the clause's answer; every step is said in
``Reading.understood`` so the answer shows how the question was read.

>>> from korea_graph import load
>>> kg = load()
>>> r = read(kg, "Can you tell me how many times Ivanov met Lee Joung-binn?")
>>> r.clause, r.answer
('did Ivanov met Lee Joung-binn', 'count')
>>> r = read(kg, "Which countries did Putin visit?")
>>> r.clause, sorted(r.kinds)
('what did Putin visit', ['state'])
>>> read(kg, "Who did Russian officials meet?").clause
'Who did Russia meet'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind, Event, Status
from ..errors import AmbiguousNameError, NotFoundError
from .answers import Answers, Fact
from .lexicon import lexicon

__all__ = ["Reading", "finish", "peel", "read"]

Answer = Literal["rows", "count", "yes_no", "plans", "status"]

_FILLER = re.compile(
    r"^(?:(?:please|so|ok|okay|and|now)[, ]+)*(?:(?:can|could|would) you (?:please )?"
    r"(?:tell me|say|show me|list|find(?: out)?)|tell me|show me|i(?:'d| would) like to "
    r"know|i want to know|do you know|i wonder|any idea)[, :]*\s*", re.IGNORECASE)
_TRAILING = re.compile(r"[,\s]*(?:please|at all|exactly|precisely)?\s*[?.!]*\s*$",
                       re.IGNORECASE)
_AUX = ("did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "will",
        "would")
_STATUS_WORDS = re.compile(r"\b(really|actually|in fact|indeed|ever)\b\s*", re.IGNORECASE)
#: "which countries": the actor kinds (or categories) the answer's other end must have.
KIND_NOUNS: dict[str, frozenset[str]] = {
    "countries": frozenset({"state"}), "country": frozenset({"state"}),
    "states": frozenset({"state"}), "state": frozenset({"state"}),
    "nations": frozenset({"state"}), "governments": frozenset({"state", "government"}),
    "cities": frozenset({"city"}), "city": frozenset({"city"}),
    "capitals": frozenset({"city"}), "places": frozenset({"place"}),
    "agreements": frozenset({"treaty"}), "agreement": frozenset({"treaty"}),
    "treaties": frozenset({"treaty"}), "treaty": frozenset({"treaty"}),
    "accords": frozenset({"treaty"}), "pacts": frozenset({"treaty"}),
    "declarations": frozenset({"treaty"}), "documents": frozenset({"treaty"}),
    "projects": frozenset({"project"}), "facilities": frozenset({"facility"}),
    "plants": frozenset({"facility"}), "topics": frozenset({"topic"}),
    "issues": frozenset({"topic"}), "people": frozenset({"person"}),
    "persons": frozenset({"person"}), "officials": frozenset({"person"}),
    "leaders": frozenset({"person"}), "diplomats": frozenset({"person"}),
    "official": frozenset({"person"}), "diplomat": frozenset({"person"}),
    "leader": frozenset({"person"}), "person": frozenset({"person"}),
    "representatives": frozenset({"person"}), "ministers": frozenset({"person"}),
    "institutions": frozenset({"institution"}), "organisations": frozenset({"institution"}),
    "organizations": frozenset({"institution"}), "outlets": frozenset({"news_outlet"}),
}
#: Nouns after which/what that say nothing the verb does not ("what plan did X propose").
_ANY_NOUNS = frozenset({"plan", "plans", "proposal", "proposals", "offer", "offers", "idea",
                        "ideas", "initiative", "initiatives", "thing", "things", "steps",
                        "measures", "matters", "questions", "subjects"})
#: The people of a state or institution, as questions name them.
_PEOPLE = (r"(?:officials|diplomats|leaders|leadership|representatives|side|envoys|"
           r"negotiators|position|stance|view)")


@dataclass
class Reading:
    """What :func:`read` found in a question: the clause for the grammar and the rest."""

    asked: str
    clause: str
    answer: Answer = "rows"
    #: actor kinds or categories the asked-for end must have ("which countries")
    kinds: frozenset[str] = frozenset()
    #: post titles the subject must hold ("which deputy foreign ministers")
    title: str | None = None
    #: ids of actors or events every answer's record must involve (extra arguments)
    narrow: tuple[str, ...] = ()
    #: the states and institutions read as themselves and their people ("Russian officials")
    people_of: tuple[str, ...] = ()
    #: "really", "actually": only what the sources say occurred counts as yes
    firmly: bool = False
    #: what "how many" counts: distinct ``records`` ("how many times") or ``answers``
    #: (the distinct people, places or things asked for: "how many people")
    count_of: str = "records"
    #: "as of early July 2000, ...": the question's own time of knowledge
    as_of: str | None = None
    #: "which events are disputed": the status asked for
    status: str | None = None
    #: word stems every row's evidence must hold ("say about arms sales")
    words: tuple[str, ...] = ()
    #: kinds of place the record must be at ("at the airport")
    place_kinds: frozenset[str] = frozenset()
    steps: list[str] = field(default_factory=list)

    @property
    def understood(self) -> str:
        """How the question was read, in a line: ``understood as: ...``."""
        return "understood as: " + " · ".join(self.steps) if self.steps else ""


def read(kg: KnowledgeGraph, question: str) -> Reading:
    """Take apart what the grammar does not parse: filler, the answer wanted, kind
    nouns, plural titles, people of a state, status words."""
    text = _TRAILING.sub("", question.strip())
    text = _FILLER.sub("", text).strip()
    reading = Reading(question, text)
    for rule in (_known_as_of, _people, _paraphrase, _plans, _count, _yes_no,
                 _subject_first, _kind_noun, _titles, _pronouns, _place_kind, _times,
                 _object_whom):
        rule(kg, reading)
    reading.clause = " ".join(reading.clause.split())
    return reading


# -- rules, one per thing a question may hold -------------------------------------------
#: Wordings of one meaning, to the one the grammar reads (pattern, replacement); each is
#: English, not a question of the set: the verb or noun phrase it rewrites is general.
PARAPHRASES: tuple[tuple[str, str], ...] = (
    # a person's posts: "what posts does X hold", "what is X's title"
    (r"^what (?:posts?|positions?|titles?|offices?|jobs?|roles?) (?:does|did|do) (?P<x>.+?) "
     r"(?:hold|have|occupy|fill)(?: in .*)?$", r"who is \g<x>"),
    (r"^what (?:is|was) (?P<x>.+?)'s (?:post|position|title|office|job|role)$",
     r"who is \g<x>"),
    # the holder of a post: "who held the post of T", "who served as T", "name the T"
    (r"^who (?:held|holds|occupied) the (?:post|office|position) of (?P<t>.+)$",
     r"who was \g<t>"),
    (r"^who (?:served|serves|acted) as (?P<t>.+)$", r"who was \g<t>"),
    (r"^(?:name|identify|give) the (?P<t>.+)$", r"who is the \g<t>"),
    # stances: "what is X against", "who is in favour of Y", "X showed no interest in Y"
    (r"^what (?:is|are|was|were) (?P<x>.+?) (?:against|opposed to)$", r"what does \g<x> oppose"),
    (r"\b(?:is|are|was|were|spoke|speaks) in favou?r of\b", "support"),
    (r"^who support\b", r"who supports"),
    (r"\b(?:show|showed|shows|has|had|have) no interest in\b", "was not interested in"),
    (r"^what did (?P<x>.+?) was not interested in$", r"what was \g<x> not interested in"),
    # where someone was: "when was X in P" is a visit
    (r"^when (?:was|were) (?P<x>.+?) in (?P<p>(?-i:[A-Z]).*)$", r"when did \g<x> visit \g<p>"),
    # the people someone met: "who were X's interlocutors", "X's counterparts"
    (r"^who (?:were|was|are|is) (?P<x>.+?)'s (?:interlocutors|counterparts|partners|hosts)"
     r"(?P<rest>.*)$", r"whom did \g<x> meet\g<rest>"),
    # things that happened: "what went on", "what took place"
    (r"^what (?:went on|was going on|occurred)\b", "what happened"),
    # light verbs: "make a proposal" is propose, "pay a visit to" is visit
    (r"^(?:what|which) (?:proposals?|offers?|suggestions?) did (?P<x>.+?) "
     r"(?:make|put forward|submit|present|table)\b", r"what did \g<x> propose"),
    (r"^(?:what|which) (?:trips|visits|journeys|travels) did (?P<x>.+?) (?:make|take|pay)\b",
     r"visits of \g<x>"),
    (r"\b(?:made|make|makes|paid|pay|pays) (?:a |an |his |her |their )?"
     r"(?:visit|trip|journey) to\b", "visited"),
    (r"\b(?:made|make|makes) (?:a |an )?(?:proposal|offer) to\b", "proposed to"),
    # "what did X offer Y": the second object is the one offered to
    (r"^what did (?P<x>.+?) (?P<v>offer|propose|suggest|promise|send|give|sell|tell) "
     r"(?P<y>(?-i:[A-Z])[\w' .-]+)$", r"what did \g<x> \g<v> to \g<y>"),
    (r"\b(?:get|got|gets|have|had|has|hold|held|holds) (?:a )?meeting with\b", "meet"),
    (r"^(?P<aux>was|were) (?P<x>.+?) received by (?P<y>.+)$", r"did \g<y> meet \g<x>"),
    # certainty asked of a claim: yes only if a source says it occurred
    (r"^(?:is|was) it (?:certain|sure|confirmed|true|established) that (?P<rest>.+)$",
     r"did \g<rest> really"),
    (r"^how (?:reliable|certain|sure|solid) is the (?:report|claim|news) that (?P<rest>.+)$",
     r"did \g<rest> really"),
    (r"^(?P<aux>was|were) (?P<e>.+?) (?:confirmed|verified|real)$",
     r"\g<aux> \g<e> really happened"),
    # "with whom did X meet ..." is "whom did X meet with ..."
    (r"^(?:with|to) whom (?P<aux>did|does|do|has|have|will|would) (?P<x>.+?) "
     r"(?P<v>meet|talk|negotiate|confer|speak|hold talks)\b(?P<rest>.*)$",
     r"whom \g<aux> \g<x> \g<v> with\g<rest>"),
    # weekdays add nothing to a date: "Friday, June 30"
    (r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+", ""),
)


def _known_as_of(kg: KnowledgeGraph, r: Reading) -> None:
    """"As of early July 2000, had Putin visited Pyongyang?": the question is asked of
    the documents published by then (``ask``'s ``as_of``)."""
    found = re.match(r"^(?:as of|as known on|as known by|as it was known (?:on|in|by))\s+"
                     r"(?P<d>[^,]+?),\s*(?P<rest>.+)$", r.clause, re.I)
    if found:
        r.as_of = found["d"]
        r.clause = found["rest"]
        r.steps.append(f"as known on {found['d']}")


def _paraphrase(kg: KnowledgeGraph, r: Reading) -> None:
    for pattern, replacement in PARAPHRASES:
        r.clause = re.sub(pattern, replacement, r.clause, flags=re.IGNORECASE)


def _subject_first(kg: KnowledgeGraph, r: Reading) -> None:
    """"Losyukov met with whom on June 27" -> "whom did Losyukov meet on June 27"."""
    found = re.match(r"^(?P<x>(?!who\b|what\b|which\b|when\b|where\b|how\b)[\w'. -]+?) "
                     r"(?P<v>[a-z]+)(?: with| to)? (?P<wh>whom|who|what)\b(?P<rest>.*)$",
                     r.clause)
    lex = lexicon(kg)
    if found and found["v"] in lex.verbs and found["x"].split()[0].lower() not in (
            "who", "whom", "what", "which", "when", "where", "how", "did", "does", "do"):
        from .words import lemmas

        wh = "what" if found["wh"] == "what" else "whom"
        base = next((b for b in sorted(lemmas(found["v"]) | {found["v"]})
                     if any("base" in sense.kinds for sense in lex.verbs.get(b, []))),
                    found["v"])
        r.clause = f"{wh} did {found['x']} {base}{found['rest']}"


def _plans(kg: KnowledgeGraph, r: Reading) -> None:
    """Plans against what happened: "what was planned but did not happen"."""
    words = r.clause.lower()
    status = re.match(r"^(?:what|which)(?: events?| records?| meetings?| claims?| reports?)? "
                      r"(?:is|are|was|were) (?:still )?(?:only )?(?P<s>disputed|doubted|"
                      r"under consideration|being considered|planned|reported|hedged)$",
                      words)
    if status:
        r.answer = "status"
        word = status["s"]
        r.status = {"doubted": "disputed", "being considered": "under_consideration",
                    "under consideration": "under_consideration", "hedged": "reported"
                    }.get(word, word)
        r.steps.append(f"records of status {r.status}")
        return
    if re.search(r"\b(fell|fall|falls) through|called off|cancell?ed|never happened", words):
        r.answer = "plans"
        r.steps.append("plans against what happened")
        return
    if re.search(r"\b(planned|plans?|expected|intended|scheduled)\b.*\b(not|never|fail|fell"
                 r" through|cancel|didn't|did not)\b", words) or (re.search(
            r"\b(did not|didn't|never) (happen|take place|materiali[sz]e|go ahead)\b", words) \
            and not re.match(r"(did|does|has|was) ", words)):
        r.answer = "plans"
        r.steps.append("plans against what happened")


def _count(kg: KnowledgeGraph, r: Reading) -> None:
    found = re.match(r"how many (?:(?:times|occasions)\b\s*)?(?P<rest>.*)$", r.clause,
                     re.IGNORECASE)
    if not found:
        return
    r.answer = "count"
    rest = found["rest"]
    times = bool(re.match(r"how many (times|occasions)\b", found.group(0), re.I))
    r.count_of = "records" if times else "answers"
    noun = re.match(r"(?P<noun>\w+(?: \w+)?) (?P<aux>did|does|do|has|have|had) (?P<x>.+?) "
                    r"(?:have|hold|had|held|attend|make|made|take part in|pay)$", rest)
    if noun and _is_event_noun(kg, noun["noun"]):
        r.clause = f"{noun['noun']} of {noun['x']}"
    elif re.match(r"(did|does|do|has|have|had|was|were|is|are) ", rest):
        r.clause = rest
    elif (thing := re.match(r"(?P<noun>[\w-]+(?: [\w-]+)?) (?P<rest>.*)$", rest)) and \
            _is_event_noun(kg, thing["noun"]):
        tail = re.sub(r"^(?:were there|are there|took place|happened|occurred|were held|"
                      r"have there been|there were)\b\s*", "", thing["rest"])
        r.clause = f"{thing['noun']} {tail}".strip()
    elif (who := re.match(r"(?:people|persons|actors) (?P<rest>(?:did|does|has|have) .*)$",
                          rest)):
        r.clause = f"whom {who['rest']}"
    elif (which := re.match(r"(?P<noun>[\w' -]+?) (?P<rest>(?:did|does|do|has|have|had|were|"
                            r"was|are|is) .*)$", rest)) and not _is_event_noun(
                                kg, which["noun"]):
        r.clause = f"which {which['noun']} {which['rest']}"  # read by the kind-noun rule
    elif found.group(0).lower().startswith("how many times") or \
            found.group(0).lower().startswith("how many occasions"):
        r.clause = f"did {rest}"  # "how many times Ivanov met Lee": each time a row
    else:
        r.clause = rest
    r.steps.append("count")


def _is_event_noun(kg: KnowledgeGraph, words: str) -> bool:
    lex = lexicon(kg)
    key = tuple(words.lower().split())
    return key in lex.relation_nouns or key in lex.event_nouns


def _yes_no(kg: KnowledgeGraph, r: Reading) -> None:
    first = r.clause.split(" ", 1)[0].lower()
    if first not in _AUX or r.answer == "count":
        if _STATUS_WORDS.search(r.clause):
            r.firmly = True
            r.clause = _STATUS_WORDS.sub("", r.clause)
        return
    if r.answer == "rows":
        r.answer = "yes_no"
        r.steps.append("yes or no")
    if _STATUS_WORDS.search(r.clause):
        r.firmly = True
        r.clause = _STATUS_WORDS.sub("", r.clause)
        r.steps.append("yes only if a source says it occurred")
    # "did X meet Y as planned", "did X go ahead": the record as the sources tell it
    r.clause = re.sub(r"\s+(as planned|as expected|as scheduled)$", "", r.clause)


def _people(kg: KnowledgeGraph, r: Reading) -> None:
    """"Russian officials", "officials of Russia", "Russia's diplomats": the state and
    everyone who acted for it."""
    lex = lexicon(kg)

    def state(name: str) -> str | None:
        demonym = lex.demonyms.get(" ".join(name.lower().split()))
        if demonym:
            return demonym
        try:
            return kg.actor(name).id
        except (NotFoundError, AmbiguousNameError):
            return None

    patterns = (rf"(?:the )?(?P<name>(?:[A-Z][\w-]*\s?){{1,3}}?)\s+(?:government\s+)?{_PEOPLE}\b",
                rf"(?:the )?{_PEOPLE} of (?:the )?(?P<name>(?:[A-Z][\w-]*\s?){{1,3}})",
                rf"(?:the )?(?P<name>(?:[A-Z][\w-]*\s?){{1,3}}?)'s {_PEOPLE}\b")
    for found in list(re.finditer(r"\b(?P<name>(?:[A-Z][\w-]*\s?){1,2}?)s\b(?!')",
                                  r.clause)):
        ident = lex.demonyms.get(" ".join(found["name"].lower().split()))
        if ident and not re.match(r"(?i)which\b", r.clause[max(0, found.start() - 6):
                                                          found.start()].strip() or "x"):
            label = kg.actors[ident].label
            r.clause = r.clause.replace(found.group(0), label, 1)
            r.people_of = (*r.people_of, ident)
            r.steps.append(f"{label} and its people")
    for pattern in patterns:
        for found in list(re.finditer(pattern, r.clause)):
            ident = state(found["name"].strip())
            if ident is None or kg.actors[ident].kind.category not in ("state", "institution"):
                continue
            label = kg.actors[ident].label
            r.clause = r.clause.replace(found.group(0).strip(), label, 1)
            r.people_of = (*r.people_of, ident)
            r.steps.append(f"{label} and its people")


def _kind_noun(kg: KnowledgeGraph, r: Reading) -> None:
    """"which countries did X visit" -> "what did X visit" and only states; "which deputy
    foreign ministers met Y" -> "who met Y", held by holders of that title."""
    found = re.match(r"(?P<wh>which|what) (?P<noun>[\w -]+?) (?P<rest>(?:did|does|do|has|have|"
                     r"had|were|was|are|is|will|would|met|visited|signed|proposed|took|"
                     r"attended|held|opposed|supported|made|received)\b.*)$", r.clause,
                     re.IGNORECASE)
    if not found:
        return
    noun = found["noun"].lower()
    lex = lexicon(kg)
    if noun in _ANY_NOUNS:  # "what plan did X put to Y": the noun adds nothing to find
        r.clause = f"what {found['rest']}"
        return
    demonym = re.match(r"(?P<d>.+?) (?P<n>\w+)$", noun)
    people = demonym and demonym["n"] in KIND_NOUNS and "person" in KIND_NOUNS[demonym["n"]]
    state = lex.demonyms.get(demonym["d"]) if demonym and people else \
        lex.demonyms.get(noun[:-1]) if noun.endswith("s") else None
    if state:
        # "which North Koreans", "which Russian officials": people acting for the state
        rest = found["rest"]
        subject = not re.match(r"(did|does|do|has|have|had|will|would) ", rest, re.I)
        r.clause = f"{'who' if subject else 'whom'} {rest}"
        r.kinds = frozenset({"person"})
        r.narrow = (*r.narrow, state)
        r.steps.append(f"people of {kg.actors[state].label}")
        return
    if noun in KIND_NOUNS and not _is_event_noun(kg, noun):
        kinds = KIND_NOUNS[noun]
        rest = found["rest"]
        subject = not re.match(r"(did|does|do|has|have|had|will|would) ", rest, re.I)
        if re.match(r"(were|was|are|is) \w+ed\b", rest, re.I) and "treaty" in kinds:
            subject = False  # "what agreements were signed": the thing signed
        r.clause = f"{'who' if subject and 'person' in kinds else 'what'} {rest}"
        if subject and "person" not in kinds and re.match(r"(were|was|are|is) ", rest):
            r.clause = f"who {rest}"
        r.kinds = kinds
        r.steps.append(f"only {noun}")
        return
    title = noun[:-1] if noun.endswith("s") else noun
    if tuple(title.split()) in lex.titles:
        r.clause = f"who {found['rest']}"
        r.title = title
        r.steps.append(f"subjects who held the post {title!r}")


def _titles(kg: KnowledgeGraph, r: Reading) -> None:
    """A post title standing for its holder: "the Russian president" is Putin; a title
    before a name ("Deputy Foreign Minister Aleksandr Losyukov") is the name; a title
    several people held ("the deputy foreign minister") names them all, as an ambiguous
    name does."""
    from .words import tokenize

    lex = lexicon(kg)
    heads = {words[-1] for words in lex.exact_titles if words}
    tokens = tokenize(r.clause)
    words = [t.norm for t in tokens]
    i = 0
    while i < len(words):
        found = _title_at(kg, words, i, heads)
        if found is None:
            i += 1
            continue
        end, holders, owner = found
        first = i - 1 if i > 0 and words[i - 1] == "the" else i
        starts_name = any(key[:1] == (words[end],) for key in lexicon(kg).actor_names) \
            if end < len(words) else False
        bare = end - i == 1 and owner is None and first == i and not (
            _name_after(kg, words, end) or (end < len(tokens) and
                                            tokens[end].text[:1].isupper() and not starts_name))
        if bare:  # one word alone ("heads" in "who heads X") is a verb, not a title
            i = end
            continue
        if i > 0 and words[i - 1].endswith("'s"):  # the owner's name with its 's
            first = next(k for k in range(i) if _owner_span(kg, words, k, i))
        if first > 0 and words[first - 1] in ("is", "was", "were", "are", "be", "been", "as"):
            i = end  # "who was (the) foreign minister": the post itself is asked
            continue
        name = _name_after(kg, words, end)
        phrase = r.clause[tokens[first].start:tokens[end - 1].end]
        if name is not None:
            # the title only says who the name is: keep the name
            r.clause = r.clause[:tokens[first].start] + r.clause[tokens[end].start:]
        elif len(holders) == 1:
            holder = kg.actors[next(iter(holders))].label
            r.clause = r.clause[:tokens[first].start] + holder + r.clause[tokens[end - 1].end:]
            r.steps.append(f"{phrase} read as {holder}")
        else:
            raise AmbiguousNameError(phrase + (f" of {owner}" if owner else ""),
                                     sorted(holders))
        tokens = tokenize(r.clause)
        words = [t.norm for t in tokens]
        i = first + 1


def _title_at(kg: KnowledgeGraph, words: list[str], i: int, heads: set[str]
              ) -> tuple[int, frozenset[str], str | None] | None:
    """A title starting at word i (after a demonym or an owner's name with 's, if any):
    where it ends, its holders, and the owner named."""
    lex = lexicon(kg)
    owner: str | None = None
    j = i
    for size in (2, 1):
        demonym = lex.demonyms.get(" ".join(words[i:i + size]))
        if demonym and i + size < len(words):
            owner, j = demonym, i + size
            break
    if owner is None and words[i].endswith("'s"):
        return None
    if owner is None and i > 0 and words[i - 1].endswith("'s"):
        # "Russia's foreign minister": the owner is the name before 's
        for k in range(max(0, i - lex.longest), i):
            ids = lex.actor_names.get((*words[k:i - 1], words[i - 1][:-2]))
            if ids and len(ids) == 1:
                owner = next(iter(ids))
                break
        if owner is None:
            return None
    for end in range(min(len(words), j + 4), j, -1):
        key = tuple(words[j:end])
        singular = (*key[:-1], key[-1][:-1]) if key[-1].endswith("s") else key
        for form in (key, singular):
            if form[-1] not in heads or form not in lex.titles:
                continue
            posts = [kg.affiliations[p] for p in lex.titles[form] if p in kg.affiliations]
            from .query import title_matches

            title = " ".join(form)
            holders = frozenset(
                a.holder for a in posts if title_matches(title, a.title) and (
                    owner is None or owner in (a.organization, a.accredited_to,
                                               kg.actors[a.organization].country)))
            if holders:
                return end, holders, kg.actors[owner].label if owner else None
    return None


def _owner_span(kg: KnowledgeGraph, words: list[str], k: int, i: int) -> bool:
    """Whether words k..i-1 are a name ending in 's ("North Korea's")."""
    key = (*words[k:i - 1], words[i - 1][:-2])
    return key in lexicon(kg).actor_names


def _name_after(kg: KnowledgeGraph, words: list[str], end: int) -> str | None:
    lex = lexicon(kg)
    for stop in range(min(len(words), end + lex.longest), end, -1):
        ids = lex.actor_names.get(tuple(words[end:stop]))
        if ids and any(kg.actors[a].kind.category == "person" for a in ids):
            return next(iter(ids))
    return None


def _pronouns(kg: KnowledgeGraph, r: Reading) -> None:
    """"during his talks with Lee": his, her, their are the subject's ("Ivanov's"); "when
    he arrived": he, she, they after when, while, before, after are the last named."""
    subject = re.search(r"\b(?P<w>when|while|before|after|as) (?P<p>he|she|they)\b", r.clause)
    if subject:
        name = _last_name_before(kg, r.clause[:subject.start()])
        if name is not None:
            r.clause = r.clause[:subject.start("p")] + name + r.clause[subject.end("p"):]
    found = re.search(r"\b(?:his|her|their|its)\b", r.clause)
    if not found:
        return
    lex = lexicon(kg)
    from .words import tokenize

    tokens = tokenize(r.clause[:found.start()])
    words = [t.norm for t in tokens]
    for i in range(len(words)):
        for j in range(min(len(words), i + lex.longest), i, -1):
            if tuple(words[i:j]) in lex.actor_names:
                name = r.clause[tokens[i].start:tokens[j - 1].end]
                r.clause = r.clause[:found.start()] + f"{name}'s" + r.clause[found.end():]
                return


def _last_name_before(kg: KnowledgeGraph, text: str) -> str | None:
    """The last actor name in ``text``, as the user wrote it."""
    from .words import tokenize

    lex = lexicon(kg)
    tokens = tokenize(text)
    words = [t.norm for t in tokens]
    found = None
    for i in range(len(words)):
        for j in range(min(len(words), i + lex.longest), i, -1):
            if tuple(words[i:j]) in lex.actor_names:
                found = text[tokens[i].start:tokens[j - 1].end]
                break
    return found


def _object_whom(kg: KnowledgeGraph, r: Reading) -> None:
    """"who met at the summit", "who held talks before July 19": a symmetric verb without
    its object asks who met whom."""
    lex = lexicon(kg)
    words = r.clause.split()
    if len(words) < 2 or words[0].lower() != "who":
        return
    following = [w.lower() for w in words[2:]]
    senses = [sense for sense in lex.verbs.get(words[1].lower(), [])
              if list(sense.required) == following[:len(sense.required)]]
    if any(sense.required for sense in senses):  # "held talks": the sense its words make
        senses = [sense for sense in senses if sense.required]
    if not senses or not all(t.symmetric for sense in senses for t in sense.types):
        return
    end = 2
    for sense in senses:
        want = [*sense.required, *sense.particles]
        k = 2
        for w in want:
            if k < len(words) and words[k].lower() == w:
                k += 1
        end = max(end, k)
    rest = words[end:]
    if not rest or rest[0].lower() in ("at", "in", "on", "during", "before", "after", "between",
                                       "since", "until", "prior", "ahead", "while", "from"):
        r.clause = " ".join([*words[:end], "whom", *rest])


#: Nouns of kinds of place: "at the airport" is at a place of kind airport.
_PLACE_NOUNS = {"airport": "airport", "airfield": "airport", "city": "city",
                "capital": "city", "region": "region", "facility": "facility",
                "plant": "facility", "guest house": "facility", "palace": "facility"}


def _place_kind(kg: KnowledgeGraph, r: Reading) -> None:
    """"at the airport", "at the Moscow airport": at a place of that kind (the graph does
    not say which place lies in which, so a city before the noun is not checked)."""
    nouns = "|".join(sorted(_PLACE_NOUNS, key=len, reverse=True))
    found = re.search(rf"\b(?:at|in) (?:an? |the )(?:(?-i:[A-Z])[\w-]+ )?(?P<k>{nouns})\b",
                      r.clause, re.I)
    if found:
        kind = _PLACE_NOUNS[found["k"].lower()]
        r.place_kinds = frozenset({kind})
        r.clause = (r.clause[:found.start()] + r.clause[found.end():]).strip()
        r.steps.append(f"at a place of kind {kind}")


def _times(kg: KnowledgeGraph, r: Reading) -> None:
    """Time as people write it: "after A but before B" is between them; "while ..." is
    during; a bare "the week of June 26" is during it."""
    text = r.clause
    text = re.sub(r"\bafter (?P<a>.+?),? (?:but|and) before (?P<b>.+)$",
                  lambda m: f"between {m['a']} and {m['b']}", text, flags=re.I)
    text = re.sub(r"(?<!during )(?<!in )(?<!on )\b(the week of|over the summer|this summer)\b",
                  r"during \1", text, flags=re.I)
    text = re.sub(r"\b(while|when|as) (?=the |[A-Z])", "during ", text)
    text = re.sub(r"\b(at|by) the (end|beginning|start|middle) of\b", r"in the \2 of", text,
                  flags=re.I)
    r.clause = text


# -- extra arguments --------------------------------------------------------------------
_PREPOSITIONS = ("to", "with", "about", "on", "regarding", "concerning", "in", "at",
                 "during", "for", "from", "against")
_TOPICAL = frozenset({"about", "regarding", "concerning", "on", "over"})
_STOP = frozenset({"the", "a", "an", "of", "to", "in", "on", "and", "its", "their", "his",
                   "her", "for", "with"})


def peel(kg: KnowledgeGraph, r: Reading) -> Reading | None:
    """The reading without its last "PREPOSITION NAME" (an actor or event), which then
    narrows the answer: "what did Ivanov propose to Lee Joung-binn"."""
    words = r.clause.split()
    for cut in range(len(words) - 1, 1, -1):
        if words[cut].lower() not in _PREPOSITIONS:
            continue
        name = " ".join(words[cut + 1:])
        ident = _record_or_actor(kg, name)
        if ident is None and words[cut].lower() in _TOPICAL:
            # "say about arms sales": no actor of that name; the rows whose evidence
            # words it (every content word, as a stem)
            stems = tuple(w.lower().rstrip("s") for w in re.findall(r"[\w-]+", name)
                          if w.lower() not in _STOP)
            if stems:
                return replace(r, clause=" ".join(words[:cut]),
                               words=(*r.words, *stems),
                               steps=[*r.steps, f"{words[cut].lower()} {name!r} (in the "
                                                "evidence)"])
        if ident is None:
            continue
        clause = " ".join(words[:cut])
        label = _label(kg, ident)
        return replace(r, clause=clause, narrow=(*r.narrow, ident),
                       steps=[*r.steps, f"{words[cut].lower()} {label}"])
    return None


def _record_or_actor(kg: KnowledgeGraph, name: str) -> str | None:
    name = re.sub(r"^(the|their|his|her|its|a|an)\s+", "", name.strip(), flags=re.I)
    for look in (kg.actor, kg.event):
        try:
            return look(name).id
        except (NotFoundError, AmbiguousNameError):
            continue
    # a title alone ("the ambassador"): its holder, if only one person held it
    posts = lexicon(kg).titles.get(tuple(name.lower().split()), frozenset())
    holders = {kg.affiliations[p].holder for p in posts if p in kg.affiliations}
    return next(iter(holders)) if len(holders) == 1 else None


def _label(kg: KnowledgeGraph, ident: str) -> str:
    if ident in kg.actors:
        return kg.actors[ident].label
    return kg.events[ident].label if ident in kg.events else ident


# -- applying the reading to the clause's answer ----------------------------------------
def finish(kg: KnowledgeGraph, r: Reading, answers: Answers[Any]) -> Answers[Any]:
    """Narrow the clause's answer as the reading says, then count or say yes or no."""
    rows = list(answers.rows)
    if r.narrow:
        rows = [row for row in rows if all(_involves(kg, row, n) for n in r.narrow)]
    if r.place_kinds:
        rows = [row for row in rows if _at_kind(kg, row, r.place_kinds)]
    if r.words:
        rows = [row for row in rows if all(
            stem in " ".join(e.quote for e in getattr(row, "evidence", ())).lower()
            for stem in r.words)]
    if r.kinds:
        kept = [_as_kind(kg, row, r.kinds) for row in rows]
        # a city stands for its state only where the record does not name the state
        named: set[tuple[str, str | None, str]] = {
            (_record(row), row.subject_id, row.object) for row in kept
            if isinstance(row, Fact) and row.object_for is None}
        rows = [row for row in kept if row is not None and not (
            isinstance(row, Fact) and row.object_for is not None and
            (_record(row), row.subject_id, row.object_for) in named)]
    if r.title is not None:
        from .query import title_matches

        holders = {a.holder for a in kg.affiliations.values()
                   if title_matches(r.title, a.title)}
        rows = [row for row in rows if getattr(row, "subject_id", None) in holders]
    answers.rows = rows
    if "state" in r.kinds and any(getattr(row, "object_for", None) for row in rows):
        answers.add_columns("object_for")  # the state each answer stands for
    if r.answer == "count":
        answers.count = len({_record(row) for row in rows} if r.count_of == "records" else
                            {_asked_end(row) for row in rows})
    if r.answer == "yes_no":
        real = [row for row in rows if getattr(row, "status", None) in (
            Status.OCCURRED,) or (not r.firmly and getattr(row, "status", None) in (
                Status.REPORTED, Status.DISPUTED))]
        answers.yes = bool(real)
        doubted = sorted({row.status.value for row in rows
                          if getattr(row, "status", None) in (Status.REPORTED,
                                                              Status.DISPUTED)})
        if doubted:
            answers.notes.append("the sources only say it " + " or ".join(
                {"reported": "was reported (hedged)", "disputed": "is disputed"}[d]
                for d in doubted))
    return answers


def _asked_end(row: Any) -> str:
    """What a row answers when people or things are counted: the object of a relation
    (or, for an event row, the event)."""
    return str(getattr(row, "object_id", None) or _record(row))


def _record(row: Any) -> str:
    return str(getattr(row, "record_id", None) or getattr(row, "event_id", None) or row)


def _involves(kg: KnowledgeGraph, row: Any, ident: str) -> bool:
    """Whether the row's record involves the actor or is the event ``ident``: the record,
    the events it is part of and the events it is about (an invitation to a visit of
    Moscow), by id, place or participant; or an end or participant acts for it."""
    ends = {getattr(row, "subject_id", None), getattr(row, "object_id", None)}
    if ident in ends:
        return True
    record = kg.record(_record(row)) if _record(row) in _all_ids(kg) else None
    people = set(ends)
    todo = [record] if isinstance(record, Event) else []
    seen: set[str] = set()
    while todo:
        event = todo.pop()
        if event.id in seen:
            continue
        seen.add(event.id)
        if event.id == ident or event.place == ident or \
                ident in {p.actor for p in event.participants}:
            return True
        if event is record:
            people |= {p.actor for p in event.participants}
        todo += [kg.events[e] for e in (event.part_of, *event.about) if e and e in kg.events]
    if ident in kg.actors:
        from .rollup import acting_for

        when = getattr(row, "when", None)
        return when is not None and any(
            end is not None and ident in acting_for(kg, end, when) for end in people)
    return False


def _at_kind(kg: KnowledgeGraph, row: Any, kinds: frozenset[str]) -> bool:
    record = kg.record(_record(row)) if _record(row) in _all_ids(kg) else None
    while isinstance(record, Event):
        if record.place and kg.actors[record.place].kind.value in kinds:
            return True
        record = kg.events.get(record.part_of) if record.part_of else None
    return False


def _all_ids(kg: KnowledgeGraph) -> set[str]:
    return {*kg.events, *kg.affiliations, *kg.stances}


def _as_kind(kg: KnowledgeGraph, row: Any, kinds: frozenset[str]) -> Any:
    """The row if the asked-for end is of one of ``kinds`` (the object, or the subject
    for people); for states, a place stands for the state it lies in ("which countries
    did Putin visit": Beijing is in China, named in ``object_for``). None otherwise."""
    if not isinstance(row, Fact):
        return row
    ends = [row.subject_id, row.object_id] if "person" in kinds else [row.object_id]
    for end in ends:
        actor = kg.actors.get(end or "")
        if actor is None:
            continue
        if actor.kind.value in kinds or actor.kind.category in kinds:
            return row
        state = kg.actors.get(actor.country or "")
        if "state" in kinds and actor.kind.category == "place" and state is not None and \
                state.kind is ActorKind.STATE and end == row.object_id:
            return replace(row, object_for=state.label)
        if "state" in kinds and end == row.object_id and actor.kind.category in (
                "person", "institution"):
            # "which countries did Russia hold talks with": the state a person acted for
            from .rollup import acting_for

            states = [s for s in acting_for(kg, actor.id, row.when)
                      if kg.actors[s].kind is ActorKind.STATE]
            if states:
                return replace(row, object_for=kg.actors[states[0]].label)
    return None
