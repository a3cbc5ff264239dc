"""The timeline: records drawn as their uncertain time, in Python and in headless Chromium
(drawn bars where the dates are, no request, no console error, hostile text inert,
clicking a bar shows its evidence, in-page filters)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_views import HOSTILE_LABEL, HOSTILE_QUOTE, browser, hostile_graph, page_data

import korea_graph
from korea_graph import KnowledgeGraph, QueryError, Status, TimeSpan, timeline_view, view
from korea_graph.cli import main
from korea_graph.core.timespan import Precision
from korea_graph.views.timeline_view import geometry

__all__ = ["browser"]  # the Chromium fixture of test_views, shared

DAY = timedelta(days=1)


# -- what is drawn, in Python ------------------------------------------------------------------
def test_each_record_is_drawn_as_its_uncertainty(kg: KnowledgeGraph) -> None:
    t = timeline_view(kg)
    records = [*kg.events.values(), *kg.affiliations.values(), *kg.stances.values()]
    assert set(t.record_ids) == {r.id for r in records}  # every record has relations
    for rec in records:
        line = t.line(rec.id)
        w = rec.when
        # the possible span runs from the earliest start to the latest end (ends exclusive)
        assert line["start"] == (w.start_min or t.limits[0]).isoformat()
        assert line["end"] == (w.end_max + DAY).isoformat() if w.end_max else t.limits[1]
        assert line["openStart"] is (w.start_min is None)
        assert line["openEnd"] is (w.end_max is None)
        # the certain span: from the latest start to the earliest end, when there is one
        if w.start_max and w.end_min and w.start_max <= w.end_min:
            assert line["certain"] == [w.start_max.isoformat(), (w.end_min + DAY).isoformat()]
        else:
            assert line["certain"] is None
        assert line["point"] is (w.start_min is not None and w.start_min == w.end_max)
        assert line["evidence"] == [e.quote for e in rec.evidence]
        assert line["status"] == rec.status.value
    # the article's time logic, record by record
    # (issue 12) "will arrive on July 19" dates the start; it ends before the July 21-23 summit
    visit = t.line("putin-visits-pyongyang")
    assert not visit["point"] and (visit["start"], visit["end"]) == ("2000-07-19", "2000-07-23")
    # "on the heels of a two-day visit": July 17-18 or 18-19, so July 18 is certain
    beijing = t.line("putin-visits-beijing")
    assert beijing["certain"] == ["2000-07-18", "2000-07-19"]
    assert (beijing["start"], beijing["end"]) == ("2000-07-17", "2000-07-20")
    summit = t.line("inter-korean-summit")
    assert summit["certain"] == ["2000-06-13", "2000-06-16"] == [summit["start"], summit["end"]]


def test_held_at_is_certain_between_observations_and_open_both_ways(
        kg: KnowledgeGraph) -> None:
    """A post observed held on a day (issue 12's "held at D"): certain on that day (or
    between the observations), possible without end either way."""
    d = date(2000, 6, 27)
    g = geometry(TimeSpan.held_at(TimeSpan.day(d)), (date(2000, 1, 1), date(2001, 1, 1)))
    assert g.open_start and g.open_end and g.certain == (d, d + DAY)
    assert g.possible == (date(2000, 1, 1), date(2001, 1, 1)) and not g.point
    quote = "Russian Deputy Foreign Minister Aleksandr Losyukov (June 27) ... (July 3)"
    post = korea_graph.Affiliation(
        "losyukov-deputy", "aleksandr-losyukov", "russian-foreign-ministry",
        korea_graph.AffiliationKind.POST,
        TimeSpan.held_at(TimeSpan.day(d), TimeSpan.day(date(2000, 7, 3))), Status.OCCURRED,
        (korea_graph.Evidence("note", 0, len(quote), quote, 1),),
        title="Deputy Foreign Minister")
    note = korea_graph.Document("note", "A note", "jamestown-foundation",
                                TimeSpan.day(date(2000, 7, 5)), quote)
    small = KnowledgeGraph(documents=[note], actors=[
        kg.actors["aleksandr-losyukov"], kg.actors["russian-foreign-ministry"],
        kg.actors["jamestown-foundation"], kg.actors["russia"]],
        affiliations=[post])
    line = timeline_view(small).line("losyukov-deputy")
    assert post.when.precision is Precision.HELD
    assert line["openStart"] and line["openEnd"] and not line["point"]
    assert line["certain"] == ["2000-06-27", "2000-07-04"]  # between the two observations
    assert line["start"] < "2000-06-27" and line["end"] > "2000-07-04"


def test_rows_by_kind_or_by_actor(kg: KnowledgeGraph) -> None:
    by_kind = timeline_view(kg)
    assert [r["id"] for r in by_kind.rows][:2] == ["meeting", "visit"]
    assert by_kind.rows[-2:][0]["label"] == "posts and memberships"
    assert sum(len(r["lines"]) for r in by_kind.rows) == len(by_kind.record_ids)
    by_actor = timeline_view(kg, rows="actor", focus="Igor Ivanov")
    assert by_actor.rows[0]["id"] == "igor-ivanov"
    for row in by_actor.rows:  # a record shows under each actor of its relations
        for line_id in row["lines"]:
            record = line_id.split("|", 1)[1]
            ends = {a for r in by_actor.relations if r.record == record
                    for a in (r.source, r.target)}
            assert row["id"] in ends


def test_filters_are_the_network_views(kg: KnowledgeGraph) -> None:
    for filters in ({"until": "Putin's trip"}, {"focus": "Kim Jong-il", "depth": 1},
                    {"relations": ["met_with"]}, {"include_unreal": False},
                    {"kinds": ["state"]}, {"documents": ["monitor-6-129"]}):
        t = timeline_view(kg, **filters)  # type: ignore[arg-type]
        assert set(t.record_ids) == {kg.relation(e).record
                                     for e in view(kg, **filters).edge_ids}  # type: ignore[arg-type]
    assert all(kg.record(r).status.is_real for r in timeline_view(kg, include_unreal=False)
               .record_ids)
    with pytest.raises(QueryError, match="unknown rows 'year'"):
        timeline_view(kg, rows="year")


def test_publication_dates_are_marked(kg: KnowledgeGraph) -> None:
    t = timeline_view(kg)
    (pub,) = t.data["published"]
    assert (pub["start"], pub["end"], pub["when"]) == ("2000-07-03", "2000-07-05",
                                                       "2000-07-03/2000-07-04")
    window = [date.fromisoformat(d) for d in t.data["window"]]
    assert window[0] < date(2000, 6, 13) and window[1] > date(2000, 7, 23)  # summit to G8


SECOND = Path(__file__).resolve().parents[1] / "examples" / "second-document" / "analyst-note.yaml"


def test_as_known_on_each_document(tmp_path: Path) -> None:
    """Two reports of Putin's trip: planned as known on July 3, occurred on July 20; the
    timeline marks both publications and says what each source says."""
    both = korea_graph.load(SECOND, corpus=True)
    later = "analyst-note-2000-07-20"
    t = timeline_view(both)
    assert [p["id"] for p in t.data["published"]] == list(both.documents)
    trip = t.line("putin-visits-pyongyang")
    # the article, the two Kremlin notes of July 19 and the analyst's note
    assert len(trip["sources"]) == len(both.claims("putin-visits-pyongyang")) == 4
    # the article: planned, from the arrival on July 19 to the latest day it allows (issue 12)
    assert trip["sources"][0].endswith("planned, 2000-07-19/2000-07-22")
    assert "occurred" in trip["sources"][1]
    early = timeline_view(both, as_of="2000-07-10")
    assert early.line("putin-visits-pyongyang")["status"] == "planned"
    assert [p["id"] for p in early.data["published"]] == ["monitor-6-129"]
    assert trip["status"] == both.event("putin-visits-pyongyang").status.value
    only_later = timeline_view(both, documents=[later])
    assert set(only_later.record_ids) < set(t.record_ids)
    assert all(later in both.documents_of(r) for r in only_later.record_ids)
    out = tmp_path / "early.html"
    assert main(["--data", str(SECOND), "view",
                 "--timeline", "--as-of", "2000-07-10", "-o", str(out)]) == 0
    assert page_data(out.read_text(encoding="utf-8"))["published"] == early.data["published"]


def test_page_is_one_file_with_the_vendored_library(kg: KnowledgeGraph, tmp_path: Path) -> None:
    t = timeline_view(kg)
    page = t.save(tmp_path / "t.html").read_text(encoding="utf-8")
    assert "@version 8.5.4" in page and "vis-timeline" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert re.findall(r"(?:src|href)=\"([^\"]*)\"", page) == ["data:,"]  # the favicon only
    assert "default-src 'none'" in page
    assert page_data(page)["lines"] == t.lines
    assert t._repr_html_().startswith("<iframe srcdoc=")
    licence = Path(korea_graph.__file__).parent / "views" / "vendor" / "vis-timeline"
    assert "Apache-2.0" in (licence / "LICENSE.md").read_text(encoding="utf-8")


def test_cli_view_timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.html"
    assert main(["view", "--timeline", "--until", "Putin's trip", "-o", str(out)]) == 0
    data = page_data(out.read_text(encoding="utf-8"))
    expected = timeline_view(korea_graph.load(), until="Putin's trip")
    assert [line["id"] for line in data["lines"]] == [  # type: ignore[attr-defined]
        line["id"] for line in expected.lines]
    assert f"{len(expected.record_ids)} records" in capsys.readouterr().out
    assert main(["view", "--timeline", "--rows", "actor", "-o", str(out)]) == 0
    assert page_data(out.read_text(encoding="utf-8"))["rowKind"] == "actor"


# -- the page in headless Chromium ------------------------------------------------------------
@pytest.fixture
def open_timeline(browser: object, tmp_path: Path) -> Iterator[object]:
    """Save a timeline, open it, and afterwards check it logged no error and asked for
    nothing but its own file."""
    pages = []

    def open_(t: korea_graph.Timeline, width: int = 1300, height: int = 900) -> object:
        path = t.save(tmp_path / f"timeline{len(pages)}.html")
        page = browser.new_page(width, height)  # type: ignore[attr-defined]
        pages.append(page)
        page.goto(path.resolve().as_uri())
        page.wait_for("window.koreaGraph && koreaGraph.ready", timeout=60)
        return page

    yield open_
    for page in pages:
        browser.pump(0.2)  # type: ignore[attr-defined]
        assert page.errors == []
        assert [u for u in page.requests if not u.startswith("file:")] == []
        page.close()


def _bar(page: object, line_id: str) -> dict[str, float]:
    bars = [b for b in page.evaluate("koreaGraph.drawnBars()")  # type: ignore[attr-defined]
            if b["id"] == line_id]
    assert len(bars) == 1, f"{line_id} is not drawn once"
    bar: dict[str, float] = bars[0]
    return bar


@pytest.mark.chromium
def test_timeline_draws_bars_where_the_dates_are(kg: KnowledgeGraph,
                                                 open_timeline: object) -> None:
    from chromium import png_info

    t = timeline_view(kg)
    page = open_timeline(t)  # type: ignore[operator]
    page.evaluate("koreaGraph.fit()")
    page.browser.pump(0.5)
    drawn = {b["id"] for b in page.evaluate("koreaGraph.drawnBars()")}
    on_screen = page.evaluate("koreaGraph.timeline.getVisibleGroups()")
    assert drawn == {line["id"] for line in t.lines if line["id"] in on_screen}
    assert len(drawn) > 20
    page.evaluate("koreaGraph.showWindow()")
    page.browser.pump(0.5)
    summit = _bar(page, "summit|inter-korean-summit")  # June 13-15: three days wide
    left, right = (page.evaluate(f"koreaGraph.toScreen('{d}')")
                   for d in ("2000-06-13", "2000-06-16"))
    assert summit["left"] == pytest.approx(left, abs=2)
    assert summit["width"] == pytest.approx(right - left, abs=3)
    # (issue 12) the visit starts on July 19 and ends before the summit: a bar, not a dot
    trip = _bar(page, "visit|putin-visits-pyongyang")
    assert "vis-range" in trip["cls"] and "kg-planned" in trip["cls"]
    assert trip["left"] > summit["left"] + summit["width"]
    meeting = _bar(page, "meeting|losyukov-meets-north-koreans")  # a point: a dot at June 27
    assert "vis-point" in meeting["cls"]
    # "apparently made an unscheduled visit ... last week": occurred, hedged (issue 29)
    week = _bar(page, "visit|north-korean-delegation-visits-moscow")
    assert "vis-range" in week["cls"] and "kg-occurred" in week["cls"]
    shot = png_info(page.screenshot())
    assert (shot.width, shot.height) == (1300, 900)
    assert shot.colours > 100 and 0.05 < shot.foreground < 0.7
    legend = page.evaluate("document.getElementById('kg-legend').textContent")
    for words in ("certainly covered", "possibly covered", "one known day", "open",
                  "as known on", "planned", "disputed", "did not happen", "reported"):
        assert words in legend
    band = page.evaluate("[...document.querySelectorAll('.kg-published')]"
                         ".map(e => e.textContent).join()")
    assert "as known on 2000-07-03/2000-07-04" in band


@pytest.mark.chromium
def test_clicking_a_bar_shows_its_evidence(kg: KnowledgeGraph, open_timeline: object) -> None:
    page = open_timeline(timeline_view(kg))  # type: ignore[operator]
    bar = _bar(page, "visit|lee-visits-moscow")
    page.click(bar["left"] + bar["width"] / 2, bar["top"] + bar["height"] / 2)
    details = page.wait_for("(() => { const t = document.getElementById('kg-details')"
                            ".textContent; return t.includes('Evidence') && t; })()", timeout=10)
    event = kg.event("lee-visits-moscow")
    assert event.label in details and event.evidence[0].quote in details
    assert "2000-06-28/2000-07-02" in details  # arrives June 28, leaves within last week


@pytest.mark.chromium
def test_in_page_filters_hide_lines(kg: KnowledgeGraph, open_timeline: object) -> None:
    t = timeline_view(kg)
    page = open_timeline(t)  # type: ignore[operator]
    planned = {line["id"] for line in t.lines if line["status"] == Status.PLANNED.value}
    assert planned
    page.evaluate("document.querySelector('#kg-legend input[data-key=status]"
                  "[data-value=planned]').click()")
    shown = set(page.evaluate("koreaGraph.visibleLines()"))
    assert shown == {line["id"] for line in t.lines} - planned
    page.browser.pump(0.3)
    labels = page.evaluate("[...document.querySelectorAll('.vis-label')].map(e => e.textContent)")
    assert "Putin's visit to Pyongyang (planned)" not in labels
    page.evaluate("koreaGraph.filters.set('status', 'planned', true);"
                  " koreaGraph.filters.set('family', 'structure', false)")
    shown = set(page.evaluate("koreaGraph.visibleLines()"))
    assert shown == {line["id"] for line in t.lines
                     if set(line["filter"]["family"]) - {"structure"}}


@pytest.mark.chromium
def test_hostile_text_on_the_timeline_is_inert(open_timeline: object) -> None:
    t = timeline_view(hostile_graph(), rows="actor")
    page = open_timeline(t)  # type: ignore[operator]
    labels = page.evaluate("[...document.querySelectorAll('.vis-label')].map(e => e.textContent)")
    assert any(HOSTILE_LABEL in text for text in labels)
    bar = _bar(page, "evil|meet")
    page.click(bar["left"] + 4, bar["top"] + bar["height"] / 2)
    details = page.wait_for("(() => { const t = document.getElementById('kg-details')"
                            ".textContent; return t.includes('Evidence') && t; })()", timeout=10)
    assert HOSTILE_QUOTE in details and "Alice </script>" in details
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.title") == t.title


@pytest.mark.chromium
def test_timeline_inline_in_a_notebook(kg: KnowledgeGraph, browser: object,
                                       tmp_path: Path) -> None:
    """What Jupyter shows: the ``_repr_html_`` iframe, in a host page, draws the timeline."""
    t = timeline_view(kg, focus="Kim Jong-il")
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><title>notebook</title><p>Out[1]:</p>{t._repr_html_()}",
                    encoding="utf-8")
    page = browser.new_page(1200, 800)  # type: ignore[attr-defined]
    try:
        page.goto(host.as_uri())
        frames = page.child_frames()
        inner, frame = (page, frames[0]) if frames else (page.children[0], None)
        inner.wait_for("window.koreaGraph && koreaGraph.ready", timeout=60, frame=frame)
        assert sorted(inner.evaluate("koreaGraph.visibleLines()", frame=frame)) == sorted(
            line["id"] for line in t.lines)
        assert inner.evaluate("document.querySelectorAll('.vis-item.kg-bar').length",
                              frame=frame) > 5
        browser.pump(0.2)  # type: ignore[attr-defined]
        assert page.errors == []
        assert [u for u in page.requests if not u.startswith("file:")] == []
    finally:
        page.close()
