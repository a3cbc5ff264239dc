"""Interactive views: the filters in Python, the page as a file, and the page in headless
Chromium (drawn data, screenshot, console, network, hostile text, slider, search)."""

from __future__ import annotations

import html
import importlib.util
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from conftest import need

import korea_graph
from korea_graph import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    KnowledgeGraph,
    Participant,
    QueryError,
    RelationType,
    Role,
    Status,
    TimeSpan,
    View,
    view,
)
from korea_graph.cli import main
from korea_graph.errors import NotFoundError
from korea_graph.views.network_view import CATEGORY_STYLE, RELATION_FAMILIES, STATUS_STYLE

HOSTILE_LABEL = "<img src=x onerror=window.__pwned=1>"
HOSTILE_QUOTE = "</script><script>window.__pwned=2</script> & \u2028 <b>bold</b>"


def hostile_graph() -> KnowledgeGraph:
    """Two actors and a meeting whose label and evidence are attacks on the page."""
    quote = Evidence("doc", 0, len(HOSTILE_QUOTE), HOSTILE_QUOTE, 1)
    return KnowledgeGraph(
        documents=[korea_graph.Document("doc", HOSTILE_LABEL, "press",
                                        TimeSpan.parse("2000-07-02"), HOSTILE_QUOTE)],
        actors=[Actor("evil", HOSTILE_LABEL, ActorKind.PERSON, aliases=("Mallory",)),
                Actor("alice", "Alice </script>", ActorKind.STATE),
                Actor("press", "The <b>press</b>", ActorKind.NEWS_OUTLET)],
        events=[Event("meet", EventType.MEETING, "A meeting <script>alert(1)</script>",
                      (Participant("evil", Role.PARTICIPANT),
                       Participant("alice", Role.PARTICIPANT)),
                      TimeSpan.parse("2000-07-01"), Status.OCCURRED, (quote,))],
    )


def two_document_graph(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The curated graph and a second, made-up document with one meeting of its own."""
    quote = "Putin met Kim Jong-il in Pyongyang on July 20."
    second = KnowledgeGraph(
        documents=[korea_graph.Document("second-report", "A second report", "upi",
                                        TimeSpan.parse("2000-07-21"), quote)],
        actors=[kg.actors["vladimir-putin"], kg.actors["kim-jong-il"], kg.actors["upi"],
                kg.actors["russia"], kg.actors["north-korea"]],  # their countries
        events=[Event("second-meeting", EventType.MEETING, "Putin meets Kim in Pyongyang",
                      (Participant("vladimir-putin", Role.PARTICIPANT),
                       Participant("kim-jong-il", Role.PARTICIPANT)),
                      TimeSpan.parse("2000-07-20"), Status.REPORTED,
                      (Evidence("second-report", 0, len(quote), quote, 1),))])
    return kg.merge(second)


def page_data(page: str) -> dict[str, object]:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert block is not None
    data: dict[str, object] = json.loads(block[1])
    return data


# -- styles and filters ------------------------------------------------------------------------
def test_every_relation_type_status_and_category_has_a_style() -> None:
    families = [t for _, types in RELATION_FAMILIES.values() for t in types]
    assert sorted(families) == sorted(RelationType)  # each type in exactly one family
    assert set(STATUS_STYLE) == set(Status)
    assert {k.category for k in ActorKind} == set(CATEGORY_STYLE)
    assert len({style for style in CATEGORY_STYLE.values()}) == len(CATEGORY_STYLE)


def test_unfiltered_view_shows_every_relation_and_the_actors_in_them(
        kg: KnowledgeGraph) -> None:
    v = view(kg)
    assert v.edge_ids == tuple(r.id for r in kg.all_relations)
    assert set(v.node_ids) == {a for r in kg.all_relations for a in (r.source, r.target)}
    assert "japan" not in v.node_ids  # in the data, but in no relation


def test_until_keeps_relations_that_possibly_started_by_then(kg: KnowledgeGraph) -> None:
    trip = kg.event("putin-visits-pyongyang")
    before = view(kg, until="2000-07-18")
    on_the_day = view(kg, until=trip.when)
    trip_edges = {r.id for r in kg.all_relations if r.record == trip.id}
    assert trip_edges and not trip_edges & set(before.edge_ids)
    assert trip_edges <= set(on_the_day.edge_ids)
    for rel in kg.all_relations:
        start = rel.when.start_min
        assert (rel.id in before.edge_ids) == (start is None or start <= date(2000, 7, 18))
    # a month means its last day; a relation dated "February 2000" (Ivanov's visit) may
    # have started by February 29
    february = view(kg, until="2000-02")
    visited = next(r for r in kg.all_relations if r.when.iso() == "2000-02")
    assert visited.id in february.edge_ids
    assert all(kg.relation(e).when.start_min is None
               or kg.relation(e).when.start_min <= date(2000, 2, 29)
               for e in february.edge_ids)


def test_since_keeps_relations_that_possibly_go_on_until_then(kg: KnowledgeGraph) -> None:
    v = view(kg, since="2000-07-10")
    assert v.edge_ids
    for rel in kg.all_relations:
        end = rel.when.end_max
        assert (rel.id in v.edge_ids) == (end is None or end >= date(2000, 7, 10))
    window = view(kg, since="2000-06", until="2000-06")
    assert set(window.edge_ids) == set(view(kg, since="2000-06").edge_ids) & set(
        view(kg, until="2000-06").edge_ids)


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_focus_and_depth_match_the_ego_graph(kg: KnowledgeGraph, depth: int) -> None:
    ego = nx.ego_graph(kg.to_networkx(), "igor-ivanov", radius=depth, undirected=True)
    v = view(kg, focus="Ivanov", depth=depth)
    assert set(v.node_ids) == set(ego.nodes)
    assert set(v.edge_ids) == {k for _, _, k in ego.edges(keys=True)}
    assert v.data["focus"] == "igor-ivanov"


def test_relation_kind_and_status_filters(kg: KnowledgeGraph) -> None:
    met = view(kg, relations=["met_with", RelationType.VISITED])
    assert met.edge_ids and {kg.relation(e).type for e in met.edge_ids} == {
        RelationType.MET_WITH, RelationType.VISITED}
    states = view(kg, kinds=["state", "person"])
    assert states.node_ids and {kg.actors[a].kind.category for a in states.node_ids} <= {
        "state", "person"}
    assert len(states.edge_ids) == sum(
        1 for r in kg.all_relations
        if {kg.actors[r.source].kind.category, kg.actors[r.target].kind.category}
        <= {"state", "person"})
    # (no person holds a post in the ministry: "Russian Foreign Minister" is a post of Russia)
    parliaments = view(kg, kinds=[ActorKind.PARLIAMENT, "person"])
    assert "north-korean-parliament" in parliaments.node_ids
    assert "kremlin" not in parliaments.node_ids
    real = view(kg, include_unreal=False)
    unreal = [r for r in kg.all_relations if not r.status.is_real]
    assert unreal and not {r.id for r in unreal} & set(real.edge_ids)
    assert len(real.edge_ids) == len(kg.all_relations) - len(unreal)


def test_time_bounds_are_anchors_as_ask_reads_them(kg: KnowledgeGraph) -> None:
    """``until="Putin's trip"`` is the trip's last day, as in ``ask``; so is a day in words."""
    trip = kg.event("Putin's trip")
    assert trip.when.end_max is not None
    by_name = view(kg, until="Putin's trip")
    assert by_name.edge_ids == view(kg, until=trip.when.end_max).edge_ids
    assert by_name.edge_ids != view(kg, until="2000-07-18").edge_ids
    assert view(kg, since="June 27").edge_ids == view(kg, since="2000-06-27").edge_ids
    summit = view(kg, since="the inter-Korean summit", until="the inter-Korean summit")
    assert summit.edge_ids and all(
        kg.relation(e).when.possibly_overlaps(kg.event("the inter-Korean summit").when)
        for e in summit.edge_ids)


def test_document_filter_keeps_what_a_document_says(kg: KnowledgeGraph) -> None:
    both = two_document_graph(kg)
    only_second = view(both, documents=["second-report"])
    assert {both.relation(e).record for e in only_second.edge_ids} == {"second-meeting"}
    by_title = view(both, documents=["a second report"])
    assert by_title.edge_ids == only_second.edge_ids
    first = view(both, documents=["monitor-6-129"])
    assert set(first.edge_ids) == set(view(kg).edge_ids)
    assert [d["id"] for d in view(both).data["legend"]["documents"]] == [  # type: ignore[index]
        "monitor-6-129", "second-report"]
    info = only_second.data["edgeInfo"]
    assert all(i["filter"]["document"] == ["second-report"] for i in info.values())


def test_captions_say_the_status_once(kg: KnowledgeGraph) -> None:
    steps = view(kg).data["steps"]
    disputed = [s for s in steps if s["status"] == "disputed"]
    assert disputed  # the Ivanov/Kim Yong-nam meeting, whose label says "(disputed)"
    for step in steps:
        said = step["caption"].lower().count(f"({step['status']})")
        assert said == (0 if step["status"] == "occurred" else 1), step["caption"]


def test_node_panel_names_what_size_means(kg: KnowledgeGraph) -> None:
    assert view(kg).data["sizeName"] == "relations shown"
    assert view(kg, size_by="betweenness").data["sizeName"] == "betweenness (shown graph)"
    assert view(kg, size_by={"russia": 2}).data["sizeName"] == "size (given)"


def test_node_size_by_degree_measure_or_mapping(kg: KnowledgeGraph) -> None:
    v = view(kg, relations=["met_with"])
    for node in v.data["nodes"]:
        drawn = sum(1 for e in v.edge_ids if node["id"] in (kg.relation(e).source,
                                                            kg.relation(e).target))
        assert node["value"] == drawn
    between = view(kg, relations=["met_with"], size_by="betweenness")
    simple = nx.Graph((kg.relation(e).source, kg.relation(e).target) for e in v.edge_ids)
    assert between.sizes == pytest.approx(nx.betweenness_centrality(simple))
    given = view(kg, relations=["met_with"], size_by={"igor-ivanov": 7})
    assert given.sizes["igor-ivanov"] == 7 and given.sizes["kim-yong-nam"] == 0


def test_styles_follow_kind_type_and_status(kg: KnowledgeGraph) -> None:
    v = view(kg)
    nodes = {n["id"]: n for n in v.data["nodes"]}
    assert nodes["russia"]["shape"] == CATEGORY_STYLE["state"][0]
    assert nodes["vladimir-putin"]["shape"] == CATEGORY_STYLE["person"][0]
    edges = {e["id"]: e for e in v.data["edges"]}
    for rel in kg.all_relations:
        edge = edges[rel.id]
        assert edge["dashes"] == STATUS_STYLE[rel.status][0]
        assert edge["arrows"]["to"]["enabled"] is not rel.symmetric
        info = v.data["edgeInfo"][rel.id]
        assert info["evidence"] == [e.quote for e in rel.evidence]
        assert info["when"] == rel.when.iso()
    planned = next(r for r in kg.all_relations if r.status is Status.PLANNED)
    assert edges[planned.id]["dashes"] and edges[planned.id]["color"]["opacity"] < 1


def test_bad_filters_raise_clear_errors(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="unknown relation type 'met'"):
        view(kg, relations=["met"])
    with pytest.raises(QueryError, match="unknown actor kind 'planet'"):
        view(kg, kinds=["planet"])
    with pytest.raises(QueryError, match="depth must be 0 or more"):
        view(kg, focus="Putin", depth=-1)
    with pytest.raises(QueryError, match="which the kinds filter leaves out"):
        view(kg, focus="Putin", kinds=["state"])
    with pytest.raises(QueryError, match="unknown size_by 'fame'"):
        view(kg, size_by="fame")
    with pytest.raises(NotFoundError):
        view(kg, focus="Napoleon")
    with pytest.raises(QueryError, match="'2000-02-30' is not a real date"):
        view(kg, until="2000-02-30")  # the same message as ask's
    with pytest.raises(NotFoundError, match="neither a date nor the name of an event"):
        view(kg, until="the moon landing")
    with pytest.raises(QueryError, match="unknown document 'the-times'"):
        view(kg, documents=["the-times"])
    with pytest.raises(QueryError, match="unknown layout 'circle'"):
        view(kg, layout="circle")


# -- the page as a file ---------------------------------------------------------------------
def test_page_is_one_file_with_everything_inline(kg: KnowledgeGraph, tmp_path: Path) -> None:
    v = view(kg)
    path = v.save(tmp_path / "sub" / "view.html")
    page = path.read_text(encoding="utf-8")
    assert page == v.html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert "bootstrap" not in page.lower() and "cdn" not in page.lower()
    assert "vis-network" in page and "@version 9.1.2" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    data = page_data(page)
    assert [n["id"] for n in data["nodes"]] == list(v.node_ids)  # type: ignore[index]


def test_hostile_text_stays_data(tmp_path: Path) -> None:
    v = view(hostile_graph(), title="Report <script>alert(1)</script>")
    page = v.html
    for attack in (HOSTILE_LABEL, "</script><script>window.__pwned", "<b>bold</b>",
                   "<script>alert(1)</script>", "\u2028"):
        assert attack not in page
    assert "<title>Report &lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    data = page_data(page)
    assert data["nodeInfo"]["evil"]["label"] == HOSTILE_LABEL  # type: ignore[index]
    assert data["edgeInfo"][v.edge_ids[0]]["evidence"] == [HOSTILE_QUOTE]  # type: ignore[index]


def test_notebook_display_is_an_iframe_with_srcdoc(kg: KnowledgeGraph) -> None:
    v = view(hostile_graph())
    shown = v._repr_html_()
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)" title="[^"]*" sandbox="allow-scripts" '
                         r'style="[^"]*"></iframe>', shown)
    assert match is not None
    assert html.unescape(match[1]) == v.html
    assert isinstance(v, View) and "2 actors, 1 relations" in repr(v)


def test_cli_view_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ivanov.html"
    status = main(["view", "-o", str(out), "--focus", "Igor Ivanov", "--depth", "1",
                   "--until", "2000-07-18", "--relations", "met_with", "heads", "visited"])
    assert status == 0
    assert str(out) in capsys.readouterr().out
    data = page_data(out.read_text(encoding="utf-8"))
    kg = korea_graph.load()
    expected = view(kg, focus="igor-ivanov", until="2000-07-18",
                    relations=["met_with", "heads", "visited"])
    assert [e["id"] for e in data["edges"]] == list(expected.edge_ids)  # type: ignore[index]
    assert main(["view", "-o", str(out), "--focus", "Napoleon"]) == 1
    assert "no actor is called 'Napoleon'" in capsys.readouterr().err
    assert main(["view", "-o", str(out), "--until", "Putin's trip"]) == 0  # as ask reads it
    # (issue 12) the trip starts on July 19 and may last until July 22, before the summit
    assert [e["id"] for e in page_data(out.read_text(encoding="utf-8"))["edges"]] == list(
        view(kg, until="2000-07-22").edge_ids)  # type: ignore[index]
    assert main(["view", "-o", str(out), "--until", "2000-13"]) == 1  # as ask answers it
    assert "'2000-13' is not a real date" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["view", "--relations", "shook_hands"])
    assert exc.value.code == 2


def test_demo_writes_the_view(kg: KnowledgeGraph, tmp_path: Path) -> None:
    from korea_graph.cli.demo import run_demo

    out = io.StringIO()
    assert run_demo(kg, tmp_path, out) == 0
    page = tmp_path / "korea_graph.html"
    assert str(page) in out.getvalue()
    assert page_data(page.read_text(encoding="utf-8"))["edges"]


# -- the page in headless Chromium ---------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    need(shutil.which("chromium") is not None,
         "headless Chromium is not installed (Debian package 'chromium')")
    need(_has_websocket(), "websocket-client is not installed (pip install '.[test]')")
    from chromium import Chromium

    with Chromium() as chrome:
        yield chrome


def _has_websocket() -> bool:
    try:
        import websocket  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture
def open_page(browser: object, tmp_path: Path) -> Iterator[object]:
    """Save a view, open it, and after the test check it logged no error and asked for
    nothing but its own file."""
    pages = []

    def open_(v: View, width: int = 1000, height: int = 700) -> object:
        path = v.save(tmp_path / f"view{len(pages)}.html")
        page = browser.new_page(width, height)  # type: ignore[attr-defined]
        pages.append(page)
        page.open_view(path)
        return page

    yield open_
    for page in pages:
        browser.pump(0.2)  # type: ignore[attr-defined]
        assert page.errors == []
        assert [u for u in page.requests if not u.startswith("file:")] == []
        page.close()


@pytest.mark.chromium
def test_page_draws_the_curated_graph(kg: KnowledgeGraph, open_page: object) -> None:
    from chromium import png_info

    v = view(kg)
    page = open_page(v, 1000, 700)  # type: ignore[operator]
    assert sorted(page.evaluate("koreaGraph.drawnNodeIds()")) == sorted(v.node_ids)
    assert sorted(page.evaluate("koreaGraph.drawnEdgeIds()")) == sorted(v.edge_ids)
    assert page.evaluate("koreaGraph.network.physics.options.enabled") is False  # settled
    positions = page.evaluate("koreaGraph.network.getPositions()")
    assert len({(round(p["x"]), round(p["y"])) for p in positions.values()}) == len(v.node_ids)
    shot = png_info(page.screenshot())
    assert (shot.width, shot.height) == (1000, 700)
    assert shot.colours > 100 and 0.03 < shot.foreground < 0.6
    legend = page.evaluate("document.getElementById('kg-legend').textContent")
    assert "state" in legend and "did not happen" in legend and "contact" in legend


@pytest.mark.chromium
def test_filters_change_what_is_drawn(kg: KnowledgeGraph, open_page: object) -> None:
    small = view(kg, focus="Aleksandr Losyukov", depth=1, until="2000-07-18")
    page = open_page(small)  # type: ignore[operator]
    drawn = page.evaluate("koreaGraph.drawnNodeIds()")
    assert sorted(drawn) == sorted(small.node_ids) and len(drawn) < len(view(kg).node_ids)
    states = view(kg, kinds=["state"])
    page = open_page(states)  # type: ignore[operator]
    assert sorted(page.evaluate("koreaGraph.drawnNodeIds()")) == sorted(
        a for a in kg.actors if a in states.node_ids)
    assert {kg.actors[a].kind for a in page.evaluate("koreaGraph.drawnNodeIds()")} == {
        ActorKind.STATE}


@pytest.mark.chromium
def test_time_slider_grows_the_graph_record_by_record(
        kg: KnowledgeGraph, open_page: object) -> None:
    v = view(kg)
    page = open_page(v)  # type: ignore[operator]
    before = page.evaluate("koreaGraph.network.getPositions()")
    total = page.evaluate("koreaGraph.data.steps.length")
    assert total == len({r.record for r in kg.all_relations})
    page.evaluate("koreaGraph.setStep(0)")
    assert page.evaluate("koreaGraph.drawnEdgeIds()") == []
    previous: set[str] = set()
    for k in range(1, 8):  # the "next" button, pressed like a user
        page.evaluate("document.getElementById('kg-next').click()")
        drawn = set(page.evaluate("koreaGraph.drawnEdgeIds()"))
        new = drawn - previous
        assert previous < drawn and len({kg.relation(e).record for e in new}) == 1
        assert page.evaluate("Number(document.getElementById('kg-step').value)") == k
        previous = drawn
    # whatever is drawn started no later than anything not yet drawn
    half = total // 2
    page.evaluate(f"koreaGraph.setStep({half})")
    drawn = set(page.evaluate("koreaGraph.drawnEdgeIds()"))
    hidden = set(v.edge_ids) - drawn
    assert drawn and hidden
    assert max(kg.relation(e).when.sort_key() for e in drawn) <= min(
        kg.relation(e).when.sort_key() for e in hidden)
    assert set(page.evaluate("koreaGraph.drawnNodeIds()")) == {
        a for e in drawn for a in (kg.relation(e).source, kg.relation(e).target)}
    label = page.evaluate("document.getElementById('kg-step-label').textContent")
    assert label.startswith(f"{half} / {total}: ")
    page.evaluate(f"koreaGraph.setStep({total})")
    assert page.evaluate("koreaGraph.network.getPositions()") == before  # nodes stay put


@pytest.mark.chromium
def test_search_click_and_tooltip_show_details(kg: KnowledgeGraph, open_page: object) -> None:
    page = open_page(view(kg))  # type: ignore[operator]
    page.evaluate("document.getElementById('kg-search').focus()")
    page.send("Input.insertText", {"text": "paek nam"})
    results = page.evaluate(
        "[...document.querySelectorAll('#kg-results li')].map(li => li.dataset.id)")
    assert results == ["pek-nam-sun"]
    for kind in ("keyDown", "keyUp"):
        page.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                             "windowsVirtualKeyCode": 13})
    details = page.evaluate("document.getElementById('kg-details').textContent")
    assert "Pek Nam Sun" in details and "Paek Nam-sun" in details
    assert page.evaluate("koreaGraph.network.getSelectedNodes()") == ["pek-nam-sun"]
    # a real mouse click on Vladimir Putin's node, with the whole graph in view
    page.evaluate("koreaGraph.network.fit({animation: false})")
    x, y = _node_on_screen(page, "vladimir-putin")
    page.click(x, y)
    details = page.wait_for("(() => { const t = document.getElementById('kg-details')"
                            ".textContent; return t.startsWith('Vladimir Putin') && t; })()",
                            timeout=10)
    assert "person" in details and "Q7747" in details
    # hovering an actor shows its tooltip, built from text
    x, y = _node_on_screen(page, "kim-jong-il")
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + 1, "y": y})
    tooltip = page.wait_for(
        "(() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.textContent; })()", timeout=10)
    assert "Kim Jong-il" in tooltip and "Kim Jong Il" in tooltip


def _edge_on_screen(page: object, edge: str) -> tuple[float, float]:
    point = page.evaluate(  # type: ignore[attr-defined]
        f"(() => {{ const n = koreaGraph.network;"
        f" const d = n.canvasToDOM(n.body.edges[{edge!r}].edgeType.getPoint(0.5));"
        " const r = n.body.container.getBoundingClientRect();"
        " return [d.x + r.left, d.y + r.top]; })()")
    return float(point[0]), float(point[1])


def _node_on_screen(page: object, node: str) -> tuple[float, float]:
    point = page.evaluate(  # type: ignore[attr-defined]
        f"(() => {{ const n = koreaGraph.network, p = n.getPositions([{node!r}])[{node!r}];"
        " const d = n.canvasToDOM(p), r = n.body.container.getBoundingClientRect();"
        " return [d.x + r.left, d.y + r.top, d.x >= 0 && d.y >= 0 && d.x <= r.width"
        " && d.y <= r.height]; })()")
    assert point[2], f"{node} is outside the drawing area"
    return float(point[0]), float(point[1])


@pytest.mark.chromium
def test_hostile_label_and_evidence_do_not_run(open_page: object) -> None:
    v = view(hostile_graph())
    page = open_page(v)  # type: ignore[operator]
    x, y = _node_on_screen(page, "evil")
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    page.wait_for("document.querySelector('div.vis-tooltip')"
                  " && document.querySelector('div.vis-tooltip').style.visibility === 'visible'",
                  timeout=10)
    tooltip = page.evaluate("document.querySelector('div.vis-tooltip').textContent")
    assert HOSTILE_LABEL in tooltip
    ex, ey = _edge_on_screen(page, v.edge_ids[0])
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": ex, "y": ey})
    edge_tip = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                             " return t.textContent.includes('met with') && t.textContent; })()",
                             timeout=10)
    assert HOSTILE_QUOTE in edge_tip and "2000-07-01" in edge_tip and "occurred" in edge_tip
    page.click(x, y)
    assert HOSTILE_LABEL in page.wait_for(
        "document.getElementById('kg-details').textContent.includes('Mallory')"
        " && document.getElementById('kg-details').textContent", timeout=10)
    page.evaluate("koreaGraph.network.selectEdges([]); koreaGraph.setStep(0);"
                  " document.getElementById('kg-next').click()")  # shows the edge's details
    details = page.evaluate("document.getElementById('kg-details').textContent")
    assert HOSTILE_QUOTE in details and "Alice </script>" in details
    page.evaluate("document.getElementById('kg-search').focus()")
    page.send("Input.insertText", {"text": "<img"})
    assert page.evaluate("document.getElementById('kg-results').textContent").startswith(
        HOSTILE_LABEL)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.title") == v.title


@pytest.mark.chromium
def test_readme_screenshot_command(browser: object, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m tests.chromium screenshot`` (which made docs/img/view.png) works."""
    from chromium import main as chromium_main
    from chromium import png_info

    out = tmp_path / "img" / "view.png"
    assert chromium_main(["screenshot", str(out), "--width", "900", "--height", "600"]) == 0
    shot = png_info(out.read_bytes())
    assert (shot.width, shot.height) == (900, 600) and shot.foreground > 0.03
    assert str(out) in capsys.readouterr().out


@pytest.mark.chromium
def test_notebook_iframe_draws_the_page(browser: object, tmp_path: Path) -> None:
    """What Jupyter shows: the ``_repr_html_`` iframe, in a host page, draws the graph."""
    v = view(korea_graph.load(), focus="Kim Jong-il")
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><title>notebook</title><p>Out[1]:</p>{v._repr_html_()}",
                    encoding="utf-8")
    page = browser.new_page(1100, 800)  # type: ignore[attr-defined]
    try:
        page.goto(host.as_uri())
        # a sandboxed iframe may run in its own process (then it is a target of its own)
        frames = page.child_frames()
        inner, frame = (page, frames[0]) if frames else (page.children[0], None)
        assert len(frames) + len(page.children) == 1
        inner.wait_for("window.koreaGraph && koreaGraph.ready", timeout=60, frame=frame)
        drawn = inner.evaluate("koreaGraph.drawnNodeIds()", frame=frame)
        assert sorted(drawn) == sorted(v.node_ids)
        assert page.evaluate("typeof window.koreaGraph") == "undefined"  # kept apart
        browser.pump(0.2)  # type: ignore[attr-defined]
        assert page.errors == []
        assert [u for u in page.requests if not u.startswith("file:")] == []
    finally:
        page.close()


def test_notebook_shows_the_view_inline(tmp_path: Path) -> None:
    """A real kernel displays a view as an iframe whose srcdoc is the page."""
    need(all(importlib.util.find_spec(m) for m in ("nbformat", "nbclient", "ipykernel")),
         "nbformat, nbclient and ipykernel are needed to run a notebook (pip install '.[test]')")
    import nbclient
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import korea_graph\nkorea_graph.view(korea_graph.load(), relations=['signed'])")])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = notebook.cells[0].outputs
    shown = outputs[0]["data"]["text/html"]
    expected = view(korea_graph.load(), relations=["signed"])
    assert shown == expected._repr_html_()
    assert outputs[0]["data"]["text/plain"] == repr(expected)


@pytest.mark.chromium
def test_labels_do_not_overlap_and_edge_labels_stay_readable(
        kg: KnowledgeGraph, open_page: object) -> None:
    page = open_page(view(kg), 1000, 700)  # type: ignore[operator]
    boxes = page.evaluate(
        "(() => { const n = koreaGraph.network; return koreaGraph.drawnNodeIds().map(id => {"
        " const s = n.body.nodes[id].labelModule.size;"
        " return [s.left, s.top, s.left + s.width, s.top + s.height]; }); })()")
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert len(boxes) == len(view(kg).node_ids) and overlapping == []
    page.evaluate("document.getElementById('kg-edge-labels').click(); 0")
    for scale in (0.4, 1.0, 2.5):  # the relation names are 13 px on screen at any zoom
        page.evaluate(f"koreaGraph.network.moveTo({{scale: {scale}, animation: false}});"
                      " koreaGraph.network.emit('zoom', {scale: " + str(scale) + "}); 0")
        size = page.evaluate("koreaGraph.network.body.edges["
                             f"{view(kg).edge_ids[0]!r}].options.font.size"
                             " * koreaGraph.network.getScale()")
        assert size == pytest.approx(13, abs=0.5)


@pytest.mark.chromium
def test_in_page_filters_by_family_status_and_document(
        kg: KnowledgeGraph, open_page: object) -> None:
    both = two_document_graph(kg)
    v = view(both)
    page = open_page(v)  # type: ignore[operator]
    click = ("document.querySelector('#kg-legend input[data-key={}][data-value=\"{}\"]')"
             ".click()")
    page.evaluate(click.format("family", "structure"))
    drawn = set(page.evaluate("koreaGraph.drawnEdgeIds()"))
    assert drawn == {e for e in v.edge_ids if both.relation(e).type not in
                     RELATION_FAMILIES["structure"][1]}
    assert set(page.evaluate("koreaGraph.drawnNodeIds()")) == {
        a for e in drawn for a in (both.relation(e).source, both.relation(e).target)}
    page.evaluate(click.format("family", "structure") + ";" + click.format("status", "planned"))
    assert set(page.evaluate("koreaGraph.drawnEdgeIds()")) == {
        e for e in v.edge_ids if both.relation(e).status is not Status.PLANNED}
    page.evaluate(click.format("status", "planned") + ";" +
                  click.format("document", "monitor-6-129"))
    only_second = set(page.evaluate("koreaGraph.drawnEdgeIds()"))
    assert only_second == set(view(both, documents=["second-report"]).edge_ids)
    # the slider still works under a filter, and the node panel says what size means
    page.evaluate("koreaGraph.select('vladimir-putin')")
    details = page.evaluate("document.getElementById('kg-details').textContent")
    assert "relations shown" in details and "size" not in details


def test_server_layouts_place_every_actor(kg: KnowledgeGraph) -> None:
    need(importlib.util.find_spec("igraph") is not None,
         "igraph is not installed (pip install '.[views]')")
    for layout in ("igraph", "networkx"):
        v = view(kg, layout=layout)
        assert v.layout == layout and v.data["options"]["physics"] == {"enabled": False}
        assert v.positions is not None and set(v.positions) == set(v.node_ids)
        assert len(set(v.positions.values())) == len(v.node_ids)
        assert all({"x", "y"} <= set(n) for n in v.data["nodes"])  # type: ignore[union-attr]
        assert view(kg, layout=layout).positions == v.positions  # seeded: the same each run
    assert view(kg).layout == "physics"  # small graphs: physics in the page


@pytest.mark.chromium
def test_page_draws_a_server_layout_as_given(kg: KnowledgeGraph, open_page: object) -> None:
    need(importlib.util.find_spec("igraph") is not None,
         "igraph is not installed (pip install '.[views]')")
    v = view(kg, layout="igraph")
    page = open_page(v)  # type: ignore[operator]
    assert sorted(page.evaluate("koreaGraph.drawnNodeIds()")) == sorted(v.node_ids)
    assert page.evaluate("koreaGraph.network.physics.options.enabled") is False
    drawn = page.evaluate("koreaGraph.network.getPositions()")
    assert v.positions is not None
    # no physics: actors stay where igraph put them, give or take the nudges that keep
    # labels apart (a physics layout from random starts would put them anywhere)
    span = max(abs(c) for xy in v.positions.values() for c in xy)
    shift = [((drawn[n]["x"] - x) ** 2 + (drawn[n]["y"] - y) ** 2) ** 0.5
             for n, (x, y) in v.positions.items()]
    assert sorted(shift)[len(shift) // 2] < 0.1 * span and max(shift) < 0.5 * span
