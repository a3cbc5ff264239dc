"""The curated graph of Monitor 6:129 checked against the article, paragraph by paragraph.

Expected facts are read from the article; each test also checks that the words it
relies on are in the shipped article text, so a test cannot drift from the source.
"""

from __future__ import annotations

import re

import pytest

from korea_graph import ActorKind, Event, EventType, KnowledgeGraph, Status


def _event(kg: KnowledgeGraph, type_: str, *names: str, when: str | None = None) -> Event:
    """The one event of ``type_`` whose participants include all ``names``."""
    ids = {kg.actor(n).id for n in names}
    found = [e for e in kg.events.values()
             if e.type is EventType(type_) and ids <= set(e.actors())
             and (when is None or str(e.when) == when)]
    assert len(found) == 1, f"{type_} with {names} at {when}: {[e.id for e in found]}"
    return found[0]


def _said(article: str, *phrases: str) -> None:
    for phrase in phrases:
        assert phrase in article, phrase


# -- the whole document ------------------------------------------------------------------------
def test_every_evidence_span_equals_the_article_text(kg: KnowledgeGraph, article: str) -> None:
    records = [*kg.events.values(), *kg.affiliations.values(), *kg.stances.values()]
    spans = [ev for r in records for ev in r.evidence]
    assert len(spans) > 60
    for ev in spans:
        assert article[ev.start:ev.end] == ev.quote
        assert ev.document == "monitor-6-129"


def test_evidence_paragraphs_match_the_text(kg: KnowledgeGraph, article: str) -> None:
    paragraphs = kg.documents["monitor-6-129"].paragraphs()
    assert len(paragraphs) == 7
    for record in kg.events.values():
        for ev in record.evidence:
            start, end = paragraphs[ev.paragraph - 1]
            assert start <= ev.start and ev.end <= end


def test_every_record_has_evidence_and_every_citation_is_an_outlet(kg: KnowledgeGraph) -> None:
    for record in [*kg.events.values(), *kg.affiliations.values(), *kg.stances.values()]:
        assert record.evidence, record.id
        for citation in record.citations:
            assert kg.actors[citation.outlet].kind is ActorKind.NEWS_OUTLET


NAMED_IN_ARTICLE = {
    # persons
    "Vladimir Putin": "person", "Kim Jong-il": "person", "Kim Dae-jung": "person",
    "Igor Ivanov": "person", "Aleksandr Losyukov": "person", "Pek Nam Sun": "person",
    "Kim Yong-nam": "person", "Ilya Klebanov": "person", "Lee Joung-binn": "person",
    "Georgy Mamedov": "person", "Jai-chun Lee": "person",
    # states
    "Russia": "state", "North Korea": "state", "South Korea": "state",
    "United States": "state", "Soviet Union": "state", "Japan": "state",
    # institutions
    "Kremlin": "institution", "Russian Foreign Ministry": "institution",
    "Russian government": "institution", "North Korean government": "institution",
    "South Korean government": "institution", "North Korea’s parliament": "institution",
    "Communist Workers Party": "institution", "defense complex": "institution",
    "U.S. intelligence": "institution", "Group of Seven countries and Russia": "institution",
    "The Korea Herald": "institution", "AFP": "institution", "Reuters": "institution",
    "UPI": "institution", "AP": "institution", "Russian agencies": "institution",
    "Washington Times": "institution", "The Jamestown Foundation": "institution",
    # what they act on
    "Moscow": "place", "Pyongyang": "place", "Beijing": "place", "Seoul": "place",
    "Okinawa": "place", "Sheremetyevo-2 airport": "place", "Korean Peninsula": "place",
    "East Pyongyang Thermal Power Plant": "facility",
    "Kim Chaek Iron and Steel Complex": "facility", "Trans-Siberian Railroad": "facility",
    "friendship treaty": "treaty", "mutual defense pact": "treaty",
    "Anti-Ballistic Missile treaty": "treaty", "national missile defense": "project",
}


@pytest.mark.parametrize("name", sorted(NAMED_IN_ARTICLE))
def test_everything_the_article_names_is_an_actor(kg: KnowledgeGraph, article: str,
                                                   name: str) -> None:
    assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", article), name
    assert kg.actor(name).kind.category == NAMED_IN_ARTICLE[name]


def test_every_actor_is_named_in_the_article(kg: KnowledgeGraph, article: str) -> None:
    """Nothing from outside the article: each actor's label, an alias or a mention (the
    article's own words for it, such as "Moscow" for Russia) is in the text, except the
    few the article denotes by a longer phrase, listed here with it."""
    described = {
        "western-agencies": "Russian and Western news agencies",
    }
    for actor in kg.actors.values():
        if actor.id in described:
            assert described[actor.id] in article
            continue
        straight = article.replace("’", "'")
        names = [n.replace("’", "'") for n in (*actor.names, *actor.mentions)]
        assert any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", straight, re.I)
                   for n in names), actor.id


def test_wikidata_ids_are_only_the_verified_ones(kg: KnowledgeGraph) -> None:
    verified = {  # ../shared/reference/entities.md
        "vladimir-putin": "Q7747", "kim-jong-il": "Q10665", "kim-dae-jung": "Q45785",
        "kim-yong-nam": "Q110456", "russia": "Q159", "north-korea": "Q423",
        "south-korea": "Q884", "united-states": "Q30", "japan": "Q17",
        "soviet-union": "Q15180", "trans-siberian-railroad": "Q58767", "okinawa": "Q766445",
    }
    claimed = {a.id: a.wikidata for a in kg.actors.values() if a.wikidata}
    assert claimed == verified


def test_publication_date_is_uncertain(kg: KnowledgeGraph) -> None:
    published = kg.documents["monitor-6-129"].published
    assert (str(published.start_min), str(published.start_max)) == ("2000-07-03", "2000-07-04")


# -- paragraph 1 -------------------------------------------------------------------------------
def test_p1_kremlin_announcement_earlier_last_month(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "Last week’s contacts follow in the wake of the Kremlin’s announcement "
                   "earlier last month")
    ann = _event(kg, "announcement", "Kremlin")
    # in June, and before last week's contacts (June 26 on) that follow in its wake: not
    # any day of June
    assert ann.when.phrase == "earlier last month" and str(ann.when) == "2000-06-01/2000-06-26"
    assert ann.when.certainly_before(kg.events["losyukov-meets-north-koreans"].when)
    # "a groundbreaking visit to Pyongyang for talks with North Korean leader Kim Jong-il"
    assert ann.about == ("putin-visits-pyongyang", "putin-kim-jong-il-talks")
    assert ann.status is Status.OCCURRED


def test_p1_putin_trip_planned_for_july_19(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "Putin will arrive in North Korea on July 19",
          "just prior to the Russian president’s participation in the July 21-23 summit")
    trip = kg.event("putin-visits-pyongyang")
    assert trip.status is Status.PLANNED and trip.place == "pyongyang"
    # S3's list, and S29's ("That project too will reportedly be on Putin's agenda ... (The
    # Korea Herald, June 30, July 3; UPI, AP, Russian agencies, June 28)")
    assert {(c.outlet, str(c.date)) for c in trip.citations} == {
        ("korea-herald", "2000-07-03"), ("afp", "2000-06-28"), ("korea-herald", "2000-06-30"),
        ("upi", "2000-06-28"), ("ap", "2000-06-28"), ("russian-agencies", "2000-06-28")}
    # "will arrive on July 19" dates the arrival: the visit starts then and ends before
    # the summit; how long it lasts is not said
    w = trip.when
    assert (str(w.start_min), str(w.start_max)) == ("2000-07-19", "2000-07-19")
    assert (str(w.end_min), str(w.end_max)) == ("2000-07-19", "2000-07-22")
    # "Sources now say" hedges the visit; "will reportedly be on Putin's agenda" only what
    # is discussed on it (the railway project); Klebanov's agenda item is his statement's
    assert [str(h) for h in trip.hedges] == ["Sources now say",
                                             "reportedly [applies to discussed]"]
    assert trip.actors("topic") == ("railway-link-project",)
    talks = _event(kg, "talks", "Putin", "Kim Jong-il")
    assert talks.part_of == trip.id and talks.status is Status.PLANNED
    # the talks are during the visit, not on the day of arrival
    assert (str(talks.when.earliest), str(talks.when.latest)) == ("2000-07-19", "2000-07-22")
    assert talks.when.precision.value == "window"


def test_p1_beijing_and_okinawa(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "two-day visit to Beijing", "July 21-23 summit")
    beijing = kg.event("Putin's trip to Beijing")
    pyongyang = kg.event("putin-visits-pyongyang")
    assert beijing.status is Status.PLANNED
    assert [(h.phrase, h.confidence.value if h.confidence else None)
            for h in beijing.hedges] == [("apparently", "likely")]
    # "on the heels of a two-day visit": July 17-18, or July 18-19 if he flies on the 19th
    w = beijing.when
    assert [str(d) for d in (w.start_min, w.start_max, w.end_min, w.end_max)] == [
        "2000-07-17", "2000-07-18", "2000-07-18", "2000-07-19"]
    assert not beijing.when.certainly_after(pyongyang.when)
    assert beijing.when.possibly_before(pyongyang.when)
    okinawa = _event(kg, "summit", "Putin", "G8")
    assert str(okinawa.when) == "2000-07-21/2000-07-23" and okinawa.place == "okinawa"
    assert okinawa.status is Status.PLANNED


def test_p1_delegations_visited_last_week(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "hosted visits by official delegations from both North and South Korea")
    visit = kg.event("north-korean-delegation-visits-moscow")
    assert visit.when.phrase == "last week" and str(visit.when) == "2000-06-26/2000-07-02"
    assert visit.place == "moscow"
    # "a delegation ... apparently made an unscheduled visit": the author's own hedge, not
    # a report by others: occurred, hedged likely (the same rule as the Beijing visit's)
    _said(article, "apparently made an unscheduled visit to Moscow last week")
    assert visit.status is Status.OCCURRED
    assert [str(h) for h in visit.hedges] == ["apparently (likely)"]


# -- paragraph 2 -------------------------------------------------------------------------------
def test_p2_inter_korean_summit(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "June 13-15 summit meeting")
    summit = _event(kg, "summit", "Kim Jong-il", "Kim Dae-jung")
    assert str(summit.when) == "2000-06-13/2000-06-15" and summit.status is Status.OCCURRED
    assert summit.when.precision.value == "span"


def test_p2_putin_letter_reported(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "On June 25, in a letter to Kim, Putin reportedly praised")
    letter = _event(kg, "letter", "Putin")
    assert str(letter.when) == "2000-06-25" and letter.status is Status.REPORTED
    assert [(c.outlet, str(c.date)) for c in letter.citations] == [("reuters", "2000-06-26")]
    praised = kg.relations("praised", source="Putin")
    assert len(praised) == 1 and praised[0].status is Status.REPORTED


def test_p2_recognition_1990_and_february_treaty(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "Russia’s 1990 decision", "In February of this year")
    decision = _event(kg, "decision", "Russia", "South Korea")
    assert str(decision.when) == "1990" and decision.when.precision.value == "year"
    signing = _event(kg, "signing", "Igor Ivanov")
    assert str(signing.when) == "2000-02" and signing.place == "pyongyang"
    assert signing.actors() == ("igor-ivanov", "north-korean-government",
                                "russia-dprk-friendship-treaty", "soviet-dprk-defense-pact")
    replaced = kg.relations("replaced")
    assert [(r.source, r.target) for r in replaced] == [
        ("russia-dprk-friendship-treaty", "soviet-dprk-defense-pact")]
    assert kg.relations("distanced_from", source="Kremlin", target="North Korea")


# -- paragraph 3 -------------------------------------------------------------------------------
def test_p3_losyukov_airport_meeting(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "at the Sheremetyevo-2 airport on June 27")
    meeting = _event(kg, "meeting", "Losyukov", "Pek Nam Sun", "Kim Yong-nam")
    assert str(meeting.when) == "2000-06-27" and meeting.place == "sheremetyevo-2"
    assert meeting.status is Status.REPORTED
    assert {c.outlet for c in meeting.citations} >= {"upi", "russian-agencies"}


def test_p3_ivanov_kim_yong_nam_disputed(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "but on Friday, June 30", "was a misstatement")
    meeting = _event(kg, "meeting", "Igor Ivanov", "Kim Yong-nam")
    assert meeting.status is Status.DISPUTED and str(meeting.when) == "2000-06-30"
    assert meeting.when.phrase == "on Friday, June 30"
    report = _event(kg, "report", "Russian agencies")
    assert str(report.when) == "2000-07-01" and report.about == (meeting.id,)


def test_p3_posts_of_the_north_koreans(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "He is the head of North Korea’s parliament",
          "believed to be the number two man")
    heads = kg.relations("heads", source="Kim Yong-nam")
    assert [r.target for r in heads] == ["north-korean-parliament"]
    party = kg.relations("holds_post_in", source="Kim Yong-nam")
    assert [(r.target, r.status) for r in party] == [("workers-party-of-korea", Status.REPORTED)]
    pek = kg.affiliations["pek-nam-sun-foreign-minister"]
    assert pek.title == "Foreign Minister" and pek.holder == "pek-nam-sun"


# -- paragraph 4 -------------------------------------------------------------------------------
def test_p4_klebanov_and_arms_sales(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "reportedly said on June 30", "considering a resumption of arms sales")
    statement = _event(kg, "statement", "Klebanov")
    assert str(statement.when) == "2000-06-30" and statement.status is Status.REPORTED
    sales = [e for e in kg.find_events(type="arms_transfer")
             if e.status is Status.UNDER_CONSIDERATION]
    assert [e.actors("supplier", "recipient") for e in sales] == [("russia", "north-korea")]
    oversees = kg.relations("oversees", source="Klebanov")
    assert [r.target for r in oversees] == ["russian-defense-complex"]


def test_p4_washington_times_report_and_alleged_deal(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "North Korea had obtained missile parts from Russia in a secret deal")
    report = _event(kg, "report", "Washington Times")
    assert str(report.when) == "2000-06-30" and report.status is Status.OCCURRED
    deal = kg.events[report.about[0]]
    # "If true, such a sale would make little sense": the article doubts it
    _said(article, "If true, such a sale would make little sense")
    assert deal.status is Status.DISPUTED and deal.type is EventType.ARMS_TRANSFER
    assert "If true, such a sale would make little sense" in [h.phrase for h in deal.hedges]
    opposes = kg.relations("opposes", source="Russia")
    assert [r.target for r in opposes] == ["us-national-missile-defense"]
    # the sentence's own list is the citation; the Washington Times is what it reports on
    _said(article, "in a secret deal (UPI, Russian agencies, June 30)")
    assert {(c.outlet, str(c.date)) for c in deal.citations} == {
        ("upi", "2000-06-30"), ("russian-agencies", "2000-06-30")}


# -- paragraph 5 -------------------------------------------------------------------------------
def test_p5_lee_visit_and_talks(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "One day after the reported June 27 talks", "two days of talks")
    visit = _event(kg, "visit", "Lee Joung-binn")
    assert visit.status is Status.OCCURRED
    # arrives June 28; stays for the talks and leaves within last week
    w = visit.when
    assert [str(d) for d in (w.start_min, w.start_max, w.end_min, w.end_max)] == [
        "2000-06-28", "2000-06-28", "2000-06-29", "2000-07-02"]
    talks = _event(kg, "talks", "Ivanov", "Lee Joung-binn")
    assert talks.part_of == visit.id
    # "He and Ivanov reportedly discussed ...": the talks occurred, what they discussed is
    # reported
    _said(article, "He and Ivanov reportedly discussed")
    statuses = {(r.type.value, r.source): r.status for r in kg.all_relations
                if r.record == talks.id}
    assert statuses[("met_with", "igor-ivanov")] is Status.OCCURRED
    assert {s for (t, _), s in statuses.items() if t == "discussed"} == {Status.REPORTED}
    # "arrived ... for two days of talks": June 28-29 or June 29-30, both kept
    t = talks.when
    assert [str(d) for d in (t.start_min, t.start_max, t.end_min, t.end_max)] == [
        "2000-06-28", "2000-06-29", "2000-06-29", "2000-06-30"]


def test_p5_meeting_with_putin_did_not_happen(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "that appears not to have taken place")
    meeting = _event(kg, "meeting", "Lee Joung-binn", "Putin")
    assert meeting.status is Status.DID_NOT_HAPPEN
    assert not meeting.status.is_real
    assert [str(h) for h in meeting.hedges] == ["appears not to have taken place (likely)"]
    assert meeting.place is None  # the article does not say where it would have been


def test_p5_possible_visit_to_south_korea(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "possible visit by Putin to South Korea")
    visit = _event(kg, "visit", "Putin", "South Korea")
    assert visit.status is Status.UNDER_CONSIDERATION


# -- paragraph 6 -------------------------------------------------------------------------------
def test_p6_ivanov_proposal_and_interests(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "Ivanov had proposed during his talks with Lee in Moscow")
    proposal = _event(kg, "proposal", "Ivanov", "Lee Joung-binn")
    assert proposal.status is Status.REPORTED and proposal.part_of == "ivanov-lee-talks"
    assert "economic-cooperation-plan" in proposal.actors("object")
    # S29's list, whole, on every record of the paragraph's reports
    _said(article, "(The Korea Herald, June 30, July 3; UPI, AP, Russian agencies, June 28)")
    whole = {("korea-herald", "2000-06-30"), ("korea-herald", "2000-07-03"),
             ("upi", "2000-06-28"), ("ap", "2000-06-28"), ("russian-agencies", "2000-06-28")}
    for record in ("seoul-officials-remarks", "ivanov-proposes-plant-plan",
                   "russia-interested-in-power-plant", "russia-interested-in-steel-complex",
                   "moscow-built-plants", "ivanov-raises-plan-in-pyongyang",
                   "north-korea-no-interest-in-plan", "russia-interested-in-railway"):
        assert {(c.outlet, str(c.date)) for c in kg.record(record).citations} == whole, record
    feb = _event(kg, "proposal", "Ivanov", "North Korea")
    assert str(feb.when) == "2000-02"
    assert kg.relations("not_interested_in", source="North Korea")
    interests = {r.target for r in kg.relations("interested_in", source="Russia")}
    # "especially interested in restarting operations at the East Pyongyang Thermal Power
    # Plant and the Kim Chaek Iron and Steel Complex": the two facilities, not the plan
    assert {"east-pyongyang-power-plant", "kim-chaek-steel-complex",
            "railway-link-project"} <= interests
    assert "economic-cooperation-plan" not in interests
    # the two facilities are what Russia is interested in, not topics of the proposal
    assert proposal.actors("topic") == ()


# -- paragraph 7 -------------------------------------------------------------------------------
def test_p7_mamedov_talks_and_post(kg: KnowledgeGraph, article: str) -> None:
    _said(article, "talks in Moscow on June 27 between Russian Deputy Foreign Minister Georgy")
    talks = _event(kg, "talks", "Mamedov", "Jai-chun Lee")
    assert str(talks.when) == "2000-06-27" and talks.place == "moscow"
    ambassador = kg.affiliations["jai-chun-lee-ambassador"]
    assert (ambassador.organization, ambassador.accredited_to) == ("south-korea", "russia")
    headed = kg.relations("heads", source="Mamedov")
    assert [r.target for r in headed] == ["russian-nmd-abm-delegation"]
    # "had headed": begun before the June 27 talks; the past perfect does not end it
    assert headed[0].when.start_max is not None and str(headed[0].when.start_max) == "2000-06-26"
    assert headed[0].when.end_max is None
    # "According to a Russian report, Mamedov and the South Korean ambassador discussed":
    # the talks occurred, what they discussed is reported
    _said(article, "According to a Russian report, Mamedov and the South Korean ambassador")
    talked = [r for r in kg.relations("discussed") if r.record == talks.id]
    assert len(talked) == 6 and {r.status for r in talked} == {Status.REPORTED}
    assert kg.relations("met_with", source="Mamedov")[0].status is Status.OCCURRED
    assert kg.relations("criticizes", source="Russia", target="United States")


def test_posts_at_the_time_of_the_article(kg: KnowledgeGraph) -> None:
    from datetime import date

    expected = {  # holder -> (organisation, title), as the article names them: "Russian
        # Foreign Minister" is a post of Russia; the article does not name a ministry
        "igor-ivanov": ("russia", "Foreign Minister"),
        "aleksandr-losyukov": ("russia", "Deputy Foreign Minister"),
        "georgy-mamedov": ("russia", "Deputy Foreign Minister"),
        "ilya-klebanov": ("russian-government", "Deputy Prime Minister"),
        "lee-joung-binn": ("south-korea", "Foreign Minister"),
        "pek-nam-sun": ("north-korea", "Foreign Minister"),
        "kim-dae-jung": ("south-korea", "President"),
        "vladimir-putin": ("russia", "President"),
    }
    for holder, (org, title) in expected.items():
        posts = [a for a in kg.affiliations.values()
                 if a.holder == holder and a.organization == org and a.title == title]
        assert len(posts) == 1, holder
        assert posts[0].status is Status.OCCURRED
        # a title is the article's present: held at publication (3 or 4 July), start and
        # end unknown, so possibly held on any day and certainly on none alone
        when = posts[0].when
        assert when.precision.value == "held" and when.resolution
        assert "2000-07-03..2000-07-04" in when.resolution
        assert when.possibly_holds_on(date(2000, 2, 1))
        assert when.possibly_holds_on(date(2000, 7, 19))
        assert not when.certainly_holds_on(date(2000, 7, 3))


def test_the_past_perfect_dates_a_start_not_an_end(kg: KnowledgeGraph, article: str) -> None:
    from datetime import date

    _said(article, "the Kremlin had distanced itself from Pyongyang following Russia’s 1990")
    distanced = kg.stances["kremlin-distanced-from-pyongyang"].when
    assert distanced.start_min == date(1990, 1, 1)  # following the 1990 decision
    assert distanced.start_max == date(2000, 7, 3)  # begun before publication
    assert distanced.end_max is None  # "had distanced" does not say it ended
    assert distanced.possibly_holds_on(date(2000, 7, 4))
    assert not distanced.certainly_holds_on(date(2000, 7, 3))


def test_a_replaced_pact_ended_by_the_replacement_at_the_latest(kg: KnowledgeGraph,
                                                                article: str) -> None:
    from datetime import date

    _said(article, "an accord which replaced a Cold War-era mutual defense pact")
    for party in ("north-korea-party-to-soviet-pact", "soviet-union-party-to-soviet-pact"):
        when = kg.affiliations[party].when
        assert when.end_max == date(2000, 2, 29) and when.end_min is None, party
        assert when.possibly_holds_on(date(1999, 6, 1))  # when it ended is not said


def test_present_stances_are_held_at_publication(kg: KnowledgeGraph, article: str) -> None:
    from datetime import date

    _said(article, "Moscow clearly intends to use the reconciliation")
    opposes = kg.stances["russia-opposes-nmd"].when
    assert opposes.precision.value == "held"
    assert opposes.possibly_holds_on(date(1999, 1, 1))  # the article does not say since when
    considering = kg.stances["russia-considers-military-cooperation"].when
    assert considering.certainly_holds_on(date(2000, 6, 30))  # observed on June 30


HEDGES = [  # (record, the article's hedging words kept with its status)
    ("putin-visits-beijing", "apparently"),
    ("north-korean-delegation-visits-moscow", "apparently"),
    ("kim-yong-nam-party-number-two", "is believed to be"),
    ("lee-meets-putin", "appears not to have taken place"),
    ("secret-missile-parts-deal", "If true, such a sale would make little sense"),
    ("ivanov-meets-kim-yong-nam", "It was unclear whether that report"),
    ("putin-letter-to-kim", "reportedly"),
    ("ivanov-proposes-plant-plan", "was said to"),
    ("russia-interested-in-railway", "is said to"),
]


@pytest.mark.parametrize(("record", "phrase"), HEDGES)
def test_hedges_are_kept_with_the_status(kg: KnowledgeGraph, article: str, record: str,
                                         phrase: str) -> None:
    _said(article, phrase)
    found = kg.record(record)
    assert phrase in [h.phrase for h in found.hedges]
    assert any(phrase in e.quote for e in found.evidence)


def test_a_letter_addressee_did_not_discuss_its_topic(kg: KnowledgeGraph) -> None:
    discussed = {(r.source, r.target) for r in kg.relations("discussed")}
    assert ("vladimir-putin", "korean-unification") in discussed  # he wrote it
    assert ("kim-jong-il", "korean-unification") not in discussed  # he received it
    assert not [r for r in kg.relations("discussed", source="Lee Joung-binn")
                if r.record == "ivanov-proposes-plant-plan"]


def test_names_are_worded_and_name_one_thing(kg: KnowledgeGraph, article: str) -> None:
    """The article's "the reported June 27 talks" is the Sheremetyevo meeting; "the June
    27 talks" alone could be either June 27 talks, so look-up asks which; no alias the
    curator coined ("plant restart plan", "railway link") nor the journal for its
    publisher ("Monitor")."""
    from korea_graph.errors import AmbiguousNameError

    _said(article, "the reported June 27 talks between Russian and North Korean officials",
          "talks in Moscow on June 27 between")
    assert kg.event("the reported June 27 talks").id == "losyukov-meets-north-koreans"
    assert kg.event("talks in Moscow on June 27").id == "mamedov-jai-chun-lee-talks"
    with pytest.raises(AmbiguousNameError):
        kg.event("the June 27 talks")
    coined = {"plant restart plan", "railway link", "railroad link", "monitor"}
    names = {n.casefold() for a in kg.actors.values() for n in a.names}
    assert not coined & names
