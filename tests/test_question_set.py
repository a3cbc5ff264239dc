"""Questions as analysts ask them, with the answers read off the article.

Each entry: the kind of question (issue 15), the question, and what a reader of
Monitor 6:129 expects: names or dates that must be in the rows, names that must not,
a note of what was left out, or an exact row count. The expected values were written
from the text (the sentence is quoted in the comment), not from the program's output.
The same table checks that the command line gives the same rows as Python, and it
feeds the questions guide (docs/questions.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from korea_graph import KnowledgeGraph, QueryError
from korea_graph.cli import main
from korea_graph.questions.english import ask


@dataclass(frozen=True)
class Q:
    kind: str
    question: str
    rows: frozenset[str] = frozenset()  #: each must be in some row
    absent: frozenset[str] = frozenset()  #: none may be in any row
    note: str | None = None  #: must be in the notes
    count: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    needs: str | None = None  #: work not yet on main that the answer depends on
    yes: bool | None = None  #: the answer to a yes-or-no question
    number: int | None = None  #: the count a "how many" question answers


def q(kind: str, question: str, rows: tuple[str, ...] = (), absent: tuple[str, ...] = (),
      note: str | None = None, count: int | None = None, needs: str | None = None,
      yes: bool | None = None, number: int | None = None, **options: Any) -> Q:
    return Q(kind, question, frozenset(rows), frozenset(absent), note, count, options, needs,
             yes, number)


QUESTIONS = [
    # -- when and where -----------------------------------------------------------------
    # "On June 25, in a letter to Kim, Putin reportedly praised ..."
    q("when-where", "when did Putin write to Kim Jong-il", ("2000-06-25",), count=1),
    # "Losyukov had met briefly at the Sheremetyevo-2 airport on June 27 with ... Kim Yong-nam"
    q("when-where", "where did Losyukov meet Kim Yong-nam", ("Sheremetyevo-2 airport",)),
    # "talks in Moscow on June 27 between ... Mamedov and South Korea's ambassador ... Jai-chun Lee"
    q("when-where", "where did Mamedov and Jai-chun Lee meet", ("Moscow",)),
    q("when-where", "when did Mamedov and Jai-chun Lee meet", ("2000-06-27",), count=1),
    # "their June 13-15 summit meeting"
    q("when-where", "when was the inter-Korean summit", ("2000-06-13/2000-06-15",)),
    q("when-where", "where was the Sheremetyevo meeting", ("Sheremetyevo-2 airport",)),
    # "Ivanov had proposed during his talks with Lee in Moscow"
    q("when-where", "where did the Ivanov-Lee talks take place", ("Moscow",)),
    # "In February of this year, ... Igor Ivanov traveled to Pyongyang"
    q("when-where", "when did Ivanov visit Pyongyang", ("2000-02",)),
    # "One day after the reported June 27 talks, ... Lee Joung-binn arrived in the Russian
    # capital for two days of talks"
    # capital for two days of talks": arrives June 28, leaves within last week (issue 12)
    q("when-where", "when did Lee Joung-binn visit Moscow", ("2000-06-28/2000-07-02",)),
    # -- verbs beyond meet/propose/sign/oppose -------------------------------------------
    # "a delegation ... made an unscheduled visit to Moscow"; Lee "arrived in the Russian capital"
    q("verbs", "who visited Moscow", ("North Korean delegation", "Lee Joung-binn"),
      ("Vladimir Putin",)),
    # "Klebanov told reporters that Russia might resume military cooperation with North Korea"
    q("verbs", "what did Klebanov say", ("Russian-North Korean military cooperation",)),
    # "He and Ivanov reportedly discussed ... Russian-South Korean cooperation in the effort to
    # bring peace"; "Mamedov and the South Korean ambassador discussed security issues"
    # "Russian-South Korean cooperation in the effort to bring peace to the Korean Peninsula"
    q("verbs", "what was discussed", ("Russian-South Korean cooperation for peace",
                                      "security issues", "strategic stability")),
    q("verbs", "who received a letter", ("Kim Jong-il",), count=1),
    q("verbs", "who wrote to Kim Jong-il", ("Vladimir Putin",)),
    # "Putin reportedly praised the outcome of the Korean summit"
    q("verbs", "what did Putin praise", ("Korean peace process",)),
    # "he signed a friendship treaty with the North Korean government"
    q("verbs", "who signed the friendship treaty", ("Igor Ivanov", "North Korean government")),
    # "an accord which replaced a Cold War-era mutual defense pact"
    q("verbs", "what replaced the mutual defense pact",
      ("Russian-North Korean friendship treaty",)),
    # "Russian diplomats hosted visits by official delegations from both North and South Korea"
    q("verbs", "who hosted Lee Joung-binn", ("Russia",)),
    q("verbs", "what did Ivanov discuss", ("Russian-South Korean cooperation for peace",)),
    # "He and Ivanov reportedly discussed Putin's upcoming visit to Pyongyang and, more
    # broadly, Russian-South Korean cooperation in the effort to bring peace"
    q("verbs", "what did Ivanov and Lee Joung-binn discuss",
      ("Russian-South Korean cooperation for peace",)),
    # "Ivanov had proposed ... a plan whereby Russia and South Korea would work together"
    q("verbs", "who proposed what", ("Igor Ivanov",
                                     "Russian plan for economic cooperation with North Korea")),
    # "two facilities which Moscow had helped to build"
    q("verbs", "what did Russia build", ("East Pyongyang Thermal Power Plant",
                                         "Kim Chaek Iron and Steel Complex")),
    # "the Washington Times published a report which quoted U.S. intelligence sources as
    # saying that North Korea had obtained missile parts from Russia"
    q("verbs", "what did the Washington Times report", ("North Korea",)),
    q("verbs", "who supplies North Korea", ("Russia",)),
    q("verbs", "who talked with Lee Joung-binn", ("Igor Ivanov",), ("Vladimir Putin",)),
    # -- tense and phrasing --------------------------------------------------------------
    # "Moscow clearly intends to use the reconciliation ... as an argument against U.S. plans
    # for deployment of a national missile defense system"
    q("tense", "what did Russia oppose", ("U.S. national missile defense",)),
    q("tense", "what does Russia oppose", ("U.S. national missile defense",)),
    q("tense", "who opposes national missile defense", ("Russia",)),
    # "He is the head of North Korea's parliament"
    q("tense", "who was head of North Korea's parliament", ("Kim Yong-nam",), count=1),
    q("tense", "who heads North Korea's parliament", ("Kim Yong-nam",), count=1),
    # "Ivanov had also met with Kim Yong-nam"; "He and Ivanov reportedly discussed"
    q("tense", "whom did Ivanov meet", ("Lee Joung-binn", "Kim Yong-nam")),
    q("tense", "who has Ivanov met", ("Lee Joung-binn", "Kim Yong-nam")),
    q("tense", "what was proposed by Ivanov",
      ("Russian plan for economic cooperation with North Korea",)),
    q("tense", "who met with Kim Yong-nam", ("Aleksandr Losyukov", "Igor Ivanov")),
    q("tense", "Who met whom Before Putin's trip?", ("Aleksandr Losyukov", "Georgy Mamedov")),
    # "Russia is reportedly especially interested in restarting operations at the East
    # Pyongyang Thermal Power Plant"; "Moscow is said to be interested in a project that
    # would involve connecting Russia's Trans-Siberian Railroad"
    # "Russia is reportedly especially interested in restarting operations at the East
    # Pyongyang Thermal Power Plant and the Kim Chaek Iron and Steel Complex"
    q("tense", "what is Russia interested in",
      ("Trans-Siberian-Korean railroad project", "East Pyongyang Thermal Power Plant",
       "Kim Chaek Iron and Steel Complex")),
    # "a delegation of top North Korean officials ... with North Korean Foreign Minister Pek Nam
    # Sun and, more important, with Kim Yong-nam"
    q("tense", "who was a member of the North Korean delegation", ("Pek Nam Sun", "Kim Yong-nam")),
    q("tense", "who is Paek Nam-sun", ("Pek Nam Sun",)),
    q("tense", "whom did Paek Nam-sun meet", ("Aleksandr Losyukov",), count=1),
    # "North Korean Foreign Minister Pek Nam Sun" (June 27); Ivanov is Russia's
    q("tense", "who was North Korea's foreign minister on June 27", ("Pek Nam Sun",),
      ("Igor Ivanov", "Lee Joung-binn"), count=1),
    q("tense", "who was foreign minister in February 2000", ("Igor Ivanov",)),
    # "South Korea's ambassador to Russia, Jai-chun Lee"
    q("tense", "who was ambassador to Russia", ("Jai-chun Lee",), count=1),
    # "Sources now say that Putin will arrive ... the Russian president's participation"
    q("tense", "who was the Russian president on June 28", ("Vladimir Putin",), count=1),
    # -- periods -------------------------------------------------------------------------
    q("periods", "what was signed in February 2000", ("Russian-North Korean friendship treaty",)),
    # Lee arrives June 28 for two days of talks; Klebanov and the Washington Times, June 30
    q("periods", "what happened between June 28 and June 30",
      ("Lee Joung-binn's visit to Moscow", "Ivanov-Lee talks in Moscow",
       "Klebanov says Moscow is considering arms sales to North Korea",
       "Washington Times report on missile parts"),
      ("Mamedov-Jai-chun Lee talks in Moscow",)),
    # "Deputy Prime Minister Ilya Klebanov told reporters that Russia might resume ..."
    q("periods", "what did Klebanov do",
      ("Klebanov says Moscow is considering arms sales to North Korea",)),
    q("periods", "when did the Sheremetyevo meeting take place", ("2000-06-27",), count=1),
    q("periods", "which summits took place in June 2000",
      ("Inter-Korean summit of Kim Jong-il and Kim Dae-jung",), count=1),
    q("periods", "what happened in February 2000",
      ("Ivanov's visit to Pyongyang", "Signing of the Russian-North Korean friendship treaty")),
    # "following Russia's 1990 decision to recognize South Korea"
    q("periods", "what happened before the inter-Korean summit",
      ("Russia's decision to recognize South Korea",)),
    q("periods", "who met whom in June 2000", ("Kim Jong-il", "Kim Dae-jung")),
    q("periods", "who met whom between June 27 and June 28", ("Aleksandr Losyukov",
                                                               "Georgy Mamedov")),
    # (Lee's stay may have lasted to the end of last week: Ivanov's disputed June 30
    # meeting with Kim Yong-nam is possibly during it)
    q("periods", "who met whom during Lee's visit", ("Igor Ivanov", "Lee Joung-binn")),
    # -- states and institutions for their people ----------------------------------------
    q("roll-up", "meetings between Russia and South Korea",
      ("Georgy Mamedov", "Jai-chun Lee", "Igor Ivanov", "Lee Joung-binn"), ("Vladimir Putin",),
      note="not counted: Lee Joung-binn's expected meeting with Putin (did not happen)"),
    q("roll-up", "meetings between Russia and North Korea",
      ("Aleksandr Losyukov", "Pek Nam Sun", "Kim Yong-nam")),
    # "President Vladimir Putin will make a groundbreaking visit to Pyongyang for talks with
    # North Korean leader Kim Jong-il": the posts are held on July 19 too, but the data ends
    # them on the publication date until posts get their "held at D" time (issue 12)
    q("roll-up", "meetings between Russia and North Korea",
      note="also planned: Putin's talks with Kim Jong-il in Pyongyang"),
    # "Russian Foreign Minister", "Russian Deputy Foreign Minister": posts of Russia; the
    # article does not say they were in the ministry (issue 12)
    q("roll-up", "meetings between the Russian Foreign Ministry and South Korea", count=0),
    q("roll-up", "meetings between North Korea and South Korea", ("Kim Jong-il", "Kim Dae-jung")),
    # -- planned and did-not-happen events -----------------------------------------------
    # "Sources now say that Putin will arrive in North Korea on July 19"
    # (the NMD/ABM negotiations, begun before June 27 and not said to have ended, may go on)
    q("planned", "what happened on July 19", ("negotiations over national missile defense",),
      ("Putin's visit to Pyongyang",),
      note="Putin's visit to Pyongyang (2000-07-19/2000-07-22)"),
    q("planned", "what happened on July 19", ("Putin's visit to Pyongyang",),
      include_planned=True),
    # "Reports prior to Lee's arrival had suggested that he might meet with the Russian
    # president, but that appears not to have taken place"
    q("planned", "who met whom", ("Igor Ivanov",), ("Vladimir Putin",),
      note="not counted: Lee Joung-binn's expected meeting with Putin (did not happen)"),
    q("planned", "whom will Putin meet", count=0,
      note="also planned: Putin's talks with Kim Jong-il in Pyongyang"),
    # "the July 21-23 summit of leaders from the Group of Seven countries and Russia"
    q("planned", "which summits took place in July 2000", count=0,
      note="also planned: Okinawa summit of the Group of Seven countries and Russia"),
    q("planned", "visits before Putin's trip",
      ("North Korean delegation's visit to Moscow", "Lee Joung-binn's visit to Moscow",
       "Ivanov's visit to Pyongyang"), note="also planned: Putin's visit to Beijing"),
    # -- sources -------------------------------------------------------------------------
    # "(UPI, Russian agencies, June 27)"; "Russian and Western news agencies reported"
    # ("the June 27 talks" is no alias: the article has two sets of talks on June 27)
    q("sources", "which outlets reported the Sheremetyevo meeting",
      ("UPI", "Russian agencies", "Western news agencies")),
    q("sources", "who reported Putin's letter to Kim Jong-il", ("Reuters",), count=1),
    q("sources", "which sources reported Klebanov's announcement", ("UPI", "Russian agencies")),
    # "the Kremlin's announcement earlier last month that President Vladimir Putin will make a
    # groundbreaking visit to Pyongyang"
    q("sources", "what does the Kremlin say", ("Vladimir Putin",)),
    # the article is the only document that reports the Sheremetyevo meeting
    q("sources", "which documents report the Sheremetyevo meeting",
      ("Russia steps up dialogue with both Koreas",), count=1),
    # "Sources now say that Putin will arrive in North Korea on July 19" (planned, July 3)
    q("sources", "what does each source say about Putin's trip",
      ("Russia steps up dialogue with both Koreas", "planned", "2000-07-19")),
    # the Kremlin's note of July 19: "Kim Jong-il met Russian President Vladimir Putin upon
    # his arrival at Sunan international airport in Pyongyang"
    q("corpus", "what does each source say about Putin's trip", ("occurred",)),
    # the Kremlin calls the Pyongyang document a "joint declaration", Putin a "joint statement"
    q("corpus", "where do the sources disagree", ("joint declaration", "joint statement")),
    # the article, the only source of these meetings, appeared on 3 or 4 July 2000
    q("sources", "what did we know on June 30",
      absent=("Losyukov meets Pek Nam Sun and Kim Yong-nam at Sheremetyevo-2",)),
    q("sources", "what was known by July 3, 2000", ("Putin's visit to Pyongyang", "planned")),
    # -- the corpus (curated into the package by issue 13) ---------------------------------
    # 04 (kremlin.ru, July 19): "Kim Jong-il met Russian President Vladimir Putin upon his
    # arrival at Sunan international airport in Pyongyang"
    q("corpus", "where did Kim Jong-il meet Putin", ("Sunan",)),
    q("corpus", "what happened on July 19", ("Putin",)),
    # 03 (kremlin.ru, July 19): "As far as I know, the State Duma ratified the treaty today."
    q("corpus", "what did the State Duma do", ("friendship",)),
    q("corpus", "who decided what in July 2000", ("State Duma",), ("South Korea",)),
    # 05 (kremlin.ru, July 22): "Vladimir Putin took part in a meeting of G8 heads of state"
    q("corpus", "what happened on July 22", ("G8",)),
    # 06 (Wikipedia): the summit "took place in Pyongyang from June 13 to June 15, 2000"
    q("corpus", "where was the inter-Korean summit", ("Pyongyang",)),
    # -- noise: certain rows first -------------------------------------------------------
    q("noise", "what happened on June 27",
      ("Losyukov meets Pek Nam Sun and Kim Yong-nam at Sheremetyevo-2",
       "Mamedov-Jai-chun Lee talks in Moscow")),
    q("noise", "what happened on June 27", ("Losyukov meets Pek Nam Sun and Kim Yong-nam at "
                                            "Sheremetyevo-2", "Mamedov-Jai-chun Lee talks in "
                                            "Moscow"), count=2, strength="certainly"),
    # -- actors and links ----------------------------------------------------------------
    q("links", "how is Losyukov connected to Kim Jong-il", ("Pek Nam Sun", "North Korea")),
    q("links", "how are Putin and Kim Dae-jung connected", ("Kim Jong-il",)),
    q("links", "who took part in the Ivanov-Lee talks", ("Igor Ivanov", "Lee Joung-binn"),
      count=2),
    # "Foreign Minister Igor Ivanov had also met with Kim Yong-nam--but on Friday, June 30"
    q("links", "did Ivanov meet Kim Yong-nam", ("disputed",), count=1),
    q("links", "meetings with Kim Yong-nam", ("Aleksandr Losyukov", "Igor Ivanov")),
    # -- as analysts word them (issue 30) -------------------------------------------------
    # "Ivanov had proposed during his talks with Lee in Moscow" a plan
    q("analyst", "What did Ivanov propose to Lee Joung-binn?",
      ("Russian plan for economic cooperation with North Korea",)),
    # "Mamedov and the South Korean ambassador discussed security issues ..."
    q("analyst", "What did Mamedov discuss with the ambassador?",
      ("security issues", "strategic stability"), ("Russian-South Korean cooperation",)),
    # Putin "will arrive in North Korea on July 19, apparently on the heels of a two-day
    # visit to Beijing": the article does not say where Beijing lies, so only North Korea
    q("analyst", "Which countries will Putin visit?", ("North Korea",), ("China",),
      include_planned=True),
    # kremlin.ru: the visits to China and to North Korea took place
    q("corpus", "Which countries did Putin visit?", ("China", "North Korea")),
    # the friendship treaty "he signed" in February
    q("analyst", "What agreements were signed?", ("Russian-North Korean friendship treaty",),
      ("Kim Chaek Iron and Steel Complex",)),
    # Losyukov and Mamedov, Russian Deputy Foreign Ministers, met North Koreans and a South
    # Korean: only Losyukov met North Koreans
    q("analyst", "Which deputy foreign ministers met North Korean officials?",
      ("Aleksandr Losyukov",), ("Georgy Mamedov", "Igor Ivanov")),
    # the Sheremetyevo meeting (June 27) and the Ivanov-Lee talks (from June 28)
    q("analyst", "who met whom at the end of June 2000", ("Aleksandr Losyukov",
                                                          "Lee Joung-binn")),
    q("analyst", "what happened in the week of June 26", ("Mamedov-Jai-chun Lee talks",)),
    # "Lee Joung-binn arrived in the Russian capital": the talks fall in his stay
    q("analyst", "who met whom while the South Korean foreign minister was in Moscow",
      ("Igor Ivanov",), ("Kim Dae-jung",)),
    q("analyst", "who met whom before Putin arrived in Pyongyang", ("Aleksandr Losyukov",
                                                                    "Georgy Mamedov")),
    # Russia's diplomats: Losyukov, Mamedov, Ivanov
    q("analyst", "Who did Russia meet?", ("Pek Nam Sun", "Jai-chun Lee", "Lee Joung-binn")),
    q("analyst", "Who did Russian officials meet?", ("Pek Nam Sun", "Jai-chun Lee")),
    # "Moscow clearly intends to use the reconciliation ... as an argument against U.S.
    # plans for deployment of a national missile defense system"
    q("analyst", "What does Moscow oppose?", ("U.S. national missile defense",)),
    # one meeting of Ivanov with Lee: the talks in Moscow
    q("analyst", "How many times did Ivanov meet Lee Joung-binn?", ("Igor Ivanov",), number=1),
    # "Ivanov had also met with Kim Yong-nam... It was unclear whether that report ... was
    # a misstatement": not firmly
    q("analyst", "Did Ivanov really meet Kim Yong-nam?", ("disputed",), yes=False),
    q("analyst", "Did Mamedov meet Jai-chun Lee?", ("Georgy Mamedov",), yes=True),
    # "Lee Joung-binn ... had been expected to meet with Putin ... appears not to have
    # taken place"
    q("analyst", "What was planned but did not happen?",
      ("Lee Joung-binn's expected meeting with Putin",)),
    # the Kremlin reports the visit (corpus): it took place
    q("corpus", "did Putin's visit to Pyongyang take place", ("Putin's visit to Pyongyang",),
      yes=True),
]


def _row_text(record: dict[str, Any]) -> list[str]:
    keys = ("subject", "object", "label", "outlet", "place", "date", "path", "status",
            "document", "field", "document_a", "claim_a", "document_b", "claim_b")
    return [str(record[k]) for k in keys if record.get(k)]


def test_the_set_is_large_and_covers_every_kind() -> None:
    kinds = {x.kind for x in QUESTIONS}
    assert len([x for x in QUESTIONS if not x.needs]) >= 60
    assert kinds >= {"when-where", "verbs", "tense", "periods", "roll-up", "planned",
                     "sources", "corpus", "noise"}


def _marked(items: list[Q]) -> list[Any]:
    return [pytest.param(x, marks=pytest.mark.xfail(reason=x.needs, strict=False))
            if x.needs else x for x in items]


@pytest.mark.parametrize("item", _marked(QUESTIONS), ids=lambda x: f"{x.kind}: {x.question}")
def test_question(kg: KnowledgeGraph, corpus: KnowledgeGraph, item: Q) -> None:
    """The article's questions on the article alone; the corpus's on the shipped corpus."""
    answers = ask(corpus if item.kind == "corpus" else kg, item.question, **item.options)
    cells = [_row_text(r) for r in answers.to_records()]
    for want in item.rows:
        assert any(want in s for c in cells for s in c), (want, cells)
    for unwanted in item.absent:
        assert not any(unwanted in s for c in cells for s in c), (unwanted, cells)
    if item.count is not None:
        assert len(answers) == item.count, cells
    if item.note is not None:
        assert any(item.note in n for n in answers.notes), answers.notes
    if item.yes is not None:
        assert answers.yes is item.yes, (answers.understood, cells)
    if item.number is not None:
        assert answers.count == item.number, (answers.understood, cells)


@pytest.mark.parametrize("item", QUESTIONS[::3], ids=lambda x: x.question)
def test_cli_gives_the_same_rows_as_python(corpus: KnowledgeGraph, item: Q,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    kg = corpus  # the command line loads the shipped corpus
    args = ["ask", item.question, "--format", "json"]
    if item.options.get("include_planned"):
        args.append("--include-planned")
    if "strength" in item.options:
        args += ["--strength", item.options["strength"]]
    assert main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    python = ask(kg, item.question, **item.options)
    assert printed["rows"] == python.to_records()
    assert printed["notes"] == python.notes and printed["query"] == python.query
    assert printed["understood"] == python.understood


def test_every_form_of_the_grammar_is_in_the_set() -> None:
    from korea_graph.questions.english import GRAMMAR

    asked = {x.question.lower().rstrip("?") for x in QUESTIONS}
    assert [f.example for f in GRAMMAR if f.example.lower() not in asked] == []


def test_the_questions_guide_shows_every_form_with_its_answer() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "questions_guide.py"
    spec = importlib.util.spec_from_file_location("questions_guide", path)
    assert spec is not None and spec.loader is not None
    guide = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guide)
    page = (guide.ROOT / "docs" / "questions.md").read_text(encoding="utf-8")
    assert guide.render() in page, "docs/questions.md is stale: run tools/questions_guide.py"


def test_certain_rows_come_first_and_the_table_says_so(kg: KnowledgeGraph) -> None:
    answers = ask(kg, "what happened on June 27")
    kinds = [r.certainty for r in answers]
    assert kinds == sorted(kinds, key=lambda k: k == "possible") and "possible" in kinds
    table = answers.to_table()
    assert table.index("-- certainly meets") < table.index("-- only possibly meets")


def test_refusal_names_the_nearest_form(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"nearest form is .*what did Russia oppose"):
        ask(kg, "why did Russia oppose it")


def test_names_are_cut_from_the_users_text(kg: KnowledgeGraph) -> None:
    # "İ" lower-cases to two code points; the name after it must not shift
    with pytest.raises(QueryError, match="no actor is called 'İİİ Kim Il-sung'"):
        ask(kg, "who met İİİ Kim Il-sung")
    assert {r.subject for r in ask(kg, "WHO MET KIM YONG-NAM")} >= {"Aleksandr Losyukov"}


def test_as_of_keeps_only_documents_published_by_then(kg: KnowledgeGraph) -> None:
    # the article is dated 3 or 4 July 2000
    assert len(ask(kg, "who met whom", as_of="2000-06-30")) == 0
    assert len(ask(kg, "who met whom", as_of="July 3, 2000")) > 0
