"""The CAMEO and PLOVER code books and CAMEO actor codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from korea_graph import load
from korea_graph.core.model import ActorKind
from korea_graph.errors import VocabularyError
from korea_graph.eventdata.icews import read_icews
from korea_graph.eventdata.vocabulary import (
    CAMEO,
    actor_code,
    actor_type_kind,
    cameo_code,
    cameo_codes,
    country,
    country_code,
    deaths,
)

FIXTURE = Path(__file__).parent / "fixtures" / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv"


def test_the_short_table_agrees_with_the_code_book() -> None:
    book = cameo_codes()
    for code, entry in CAMEO.items():
        assert book[code] == entry, code


def test_codes_are_strings_with_their_leading_zero() -> None:
    book = cameo_codes()
    assert "042" in book and "42" not in book
    for code, entry in book.items():
        assert entry.cameo == code and code.isdigit() and len(code) in (2, 3, 4)
        assert code[:2] in book, f"{code} has no root"
    with pytest.raises(VocabularyError) as err:
        cameo_code("42")
    assert "'042'" in str(err.value)


def test_plover_categories_modes_and_contexts() -> None:
    assert (cameo_code("042").plover, cameo_code("042").plover_mode) == ("CONSULT", "visit")
    assert (cameo_code("0312").plover, cameo_code("0312").plover_context) == ("AGREE", "military")
    assert cameo_code("0874").plover == "RETREAT"
    assert cameo_code("010").plover is None and cameo_code("020").plover is None  # not coded
    assert cameo_code("190").quad_class == 4 and cameo_code("036").quad_class == 1


def test_countries_and_icews_country_names() -> None:
    assert [country(c).name for c in ("RUS", "PRK", "KOR", "USA")] == [
        "Russia", "North Korea", "South Korea", "United States"]
    assert country_code("Russian Federation") == "RUS"
    assert country_code("north korea") == "PRK"
    assert country("AFR").kind is ActorKind.REGION
    with pytest.raises(VocabularyError):
        country("XXX")


def test_actor_type_kinds() -> None:
    assert actor_type_kind("GOV") is ActorKind.GOVERNMENT
    assert actor_type_kind("MED") is ActorKind.NEWS_OUTLET
    assert actor_type_kind("BUS") is None


def test_deaths_by_any_name() -> None:
    assert deaths()["kim jong il"].died.year == 2011
    assert deaths()["kim daejung"].name == "Kim Dae-jung"


def test_actor_codes_of_imported_actors() -> None:
    graph = read_icews(FIXTURE).graph
    when = next(iter(graph.events.values())).when
    assert actor_code(graph, "austria") == "AUT"  # a state known only by its name
    assert actor_code(graph, "sergey-viktorovich-lavrov", when) == "RUS"  # no post known
    assert actor_code(graph, "foreign-affairs-south-korea") == "KORGOV"


def test_actor_code_depends_on_the_post_held_on_the_date() -> None:
    kg = load()
    assert actor_code(kg, "igor-ivanov", kg.events["ivanov-lee-talks"].when) == "RUSGOV"
    assert actor_code(kg, "kim-yong-nam", kg.events["ivanov-meets-kim-yong-nam"].when) == "PRKLEG"


def test_every_act_has_a_cameo_code_and_every_code_a_plover_category_or_none() -> None:
    from korea_graph.core.model import Event, EventType, Status
    from korea_graph.core.relations import RelationType
    from korea_graph.core.timespan import TimeSpan
    from korea_graph.eventdata.vocabulary import event_code, relation_code

    day = TimeSpan.parse("2000-06-27")
    for type_ in EventType:
        code = event_code(Event("e", type_, "e", (), day, Status.OCCURRED, ()))
        assert (code is None) == (type_ is EventType.REPORT), type_
        if code is not None:
            assert cameo_codes()[code.cameo] == code
    not_acts = {  # posts, memberships, treaty succession and reporting are not CAMEO acts
        RelationType.HEADS, RelationType.HOLDS_POST_IN, RelationType.MEMBER_OF,
        RelationType.OVERSEES, RelationType.REPRESENTS, RelationType.ACCREDITED_TO,
        RelationType.PARTY_TO, RelationType.HAS_MISSION_IN, RelationType.REPLACED,
        RelationType.REPORTED, RelationType.QUOTED_SOURCE, RelationType.PARTICIPATED_IN,
        RelationType.LAUNCHED}
    for rel in RelationType:
        code = relation_code(rel)
        assert (code is None) == (rel in not_acts), rel
        if code is not None:
            assert code.plover == cameo_codes()[code.cameo].plover
