"""English words for questions: tokens with their place in the text, and verb forms.

Tokens keep the offsets of the user's own text, so a name is cut out of the question
exactly where it was matched, whatever case folding does to its length ("İ" lower-cases
to two code points):

>>> [(t.norm, t.start, t.end) for t in tokenize("İİ met Ivanov?")]
[('i', 0, 2), ('i', 0, 2), ('met', 3, 6), ('ivanov', 7, 13)]

Verb forms are derived from one form of the verb, the way the relation types name them
(``met_with``, ``proposed``, ``opposes``): no list per question, only a short table of
irregular English verbs.

>>> sorted(verb_forms("met")["past"]), sorted(verb_forms("met")["base"])
(['met'], ['meet'])
>>> "oppose" in verb_forms("opposes")["base"], sorted(verb_forms("supplies")["past"])
(True, ['supplied'])
>>> plural("summit"), plural("arms transfer"), plural("talks")
('summits', 'arms transfers', 'talks')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core.names import normalize

__all__ = ["IRREGULAR", "Token", "inflect", "lemmas", "plural", "tokenize", "verb_forms"]

#: Irregular English verbs: base, past, past participle.
IRREGULAR: tuple[tuple[str, str, str], ...] = (
    ("be", "was", "been"), ("begin", "began", "begun"), ("bring", "brought", "brought"),
    ("build", "built", "built"), ("buy", "bought", "bought"), ("come", "came", "come"),
    ("do", "did", "done"), ("find", "found", "found"), ("get", "got", "got"),
    ("give", "gave", "given"), ("go", "went", "gone"), ("have", "had", "had"),
    ("hold", "held", "held"), ("know", "knew", "known"), ("lead", "led", "led"),
    ("make", "made", "made"), ("meet", "met", "met"), ("oversee", "oversaw", "overseen"),
    ("put", "put", "put"), ("say", "said", "said"), ("see", "saw", "seen"),
    ("sell", "sold", "sold"), ("send", "sent", "sent"), ("speak", "spoke", "spoken"),
    ("take", "took", "taken"), ("tell", "told", "told"), ("write", "wrote", "written"),
)
_IRREGULAR_BASE = {form: base for base, *forms in IRREGULAR for form in (base, *forms)}
_IRREGULAR_FORMS = {base: (past, part) for base, past, part in IRREGULAR}
_VOWELS = "aeiou"

# A token: an ISO date (with an optional /range), or a word with inner apostrophes.
_TOKEN = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?:/(?:[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?|\.\.))?"
                    r"|\w+(?:['’‘`´]\w+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the question: its normalised form and where it stands in the text."""

    norm: str
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """The words of ``text``, each normalised like names are (case, apostrophes), with
    the offsets of the original text. A word that normalises to several (a ligature, a
    hyphen-like letter) gives several tokens with the same offsets."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    """:func:`tokenize`, kept: every form of the grammar reads the same question."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        words = normalize(match.group()).split() or [match.group().casefold()]
        tokens.extend(Token(w, match.start(), match.end(), match.group()) for w in words)
    return tuple(tokens)


def lemmas(form: str) -> set[str]:
    """Possible base forms of a verb form: ``proposed`` -> {propose, propos}. Over-
    generating is harmless: a base form no one types is never matched."""
    form = form.lower()
    if form in _IRREGULAR_BASE:
        return {_IRREGULAR_BASE[form]}
    out: set[str] = set()
    if form.endswith("ies") or form.endswith("ied"):
        out.add(form[:-3] + "y")
    elif form.endswith("ed"):
        stem = form[:-2]
        out |= {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS + "sl":
            out.add(stem[:-1])
    elif form.endswith("es") and form[-3:-2] in ("s", "x", "z", "h", "o"):
        out |= {form[:-2], form[:-1]}
    elif form.endswith("s") and not form.endswith("ss"):
        out.add(form[:-1])
    return out or {form}


def inflect(base: str) -> dict[str, set[str]]:
    """The forms of a base verb: ``base`` (meet), ``third`` (meets), ``past`` (met),
    ``participle`` (met) and ``gerund`` (meeting)."""
    if base in _IRREGULAR_FORMS:
        past, part = _IRREGULAR_FORMS[base]
        pasts, parts = {past}, {part}
    elif base.endswith("e"):
        pasts = parts = {base + "d"}
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        pasts = parts = {base[:-1] + "ied"}
    else:
        pasts = parts = {base + "ed"}
    if base.endswith(("s", "x", "z", "sh", "ch", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("ie"):
        gerund = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        gerund = base[:-1] + "ing"
    else:
        gerund = base + "ing"
    if base == "be":
        return {"base": {"be"}, "third": {"is"}, "past": {"was", "were"},
                "participle": {"been"}, "gerund": {"being"}}
    if base == "have":
        third = "has"
    return {"base": {base}, "third": {third}, "past": pasts, "participle": parts,
            "gerund": {gerund}}


def verb_forms(form: str) -> dict[str, set[str]]:
    """Every form of the verb that ``form`` may be a form of, by kind (see :func:`inflect`)."""
    out: dict[str, set[str]] = {}
    for base in lemmas(form):
        for kind, words in inflect(base).items():
            out.setdefault(kind, set()).update(words)
    return out


def plural(noun: str) -> str:
    """The plural of a noun phrase (its last word): ``summit`` -> ``summits``."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("s"):
        word = last
    elif last.endswith(("x", "z", "sh", "ch")):
        word = last + "es"
    elif last.endswith("y") and last[-2:-1] not in _VOWELS:
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word
