"""The timeline drawing as data: honest spans, a broken axis, lanes without overlap."""

from __future__ import annotations

import pytest
import datetime as dt

from generator.views import listings
from generator.views import timeline
from generator.dossier.dates import parse_date
from generator.dossier.link import event_order

from .test_graph import dossier


def days(text: str) -> int:
    start, end = timeline.span(parse_date(text))
    return end - start


def test_a_day_a_month_a_year_and_an_interval_span_their_real_length():
    assert days("2023-09-13") == 1
    assert days("2023-09") == 30
    assert days("2024") == 366
    assert days("2023-09-10/2023-09-13") == 4
    assert days("2023-07/2023-08") == 62


def test_an_approximate_or_uncertain_date_spans_what_it_says():
    assert timeline.span(parse_date("2023-09-04~")) == timeline.span(parse_date("2023-09-04"))
    assert days("2023-09?") == 30


def test_a_busy_month_gets_more_room_than_a_quiet_one_and_empty_years_are_cut():
    day = lambda text: dt.date.fromisoformat(text).toordinal()
    spans = [(day("2006-01-01"), day("2007-01-01"))] + [
        (day(f"2023-09-{n:02d}"), day(f"2023-09-{n:02d}") + 1) for n in range(1, 9)] + [
        (day("2023-06-01"), day("2023-06-02"))]
    axis = timeline.pieces(spans, 800)
    by_label = {(p.kind, p.label): p.x1 - p.x0 for p in axis}
    assert by_label[("month", "Sep")] > 4 * by_label[("month", "Jun")]
    assert [p.label for p in axis if p.kind == "gap"] == ["2007–2022"]
    assert by_label[("gap", "2007–2022")] < by_label[("year", "2006")]
    assert axis[-1].x1 == 800


@pytest.mark.dossier
def test_the_axis_keeps_every_day_in_order():
    d = dossier()
    events = sorted(d.corpus.events.values(), key=event_order)
    chart = timeline.chart(d, events)
    starts = [m.x0 for m in chart.marks]
    assert starts == sorted(starts)


@pytest.mark.dossier
def test_every_label_stays_inside_the_drawing():
    d = dossier()
    chart = timeline.chart(d, sorted(d.corpus.events.values(), key=event_order))
    assert all(0 <= _extent(m)[0] and _extent(m)[1] <= chart.width for m in chart.marks)


@pytest.mark.dossier
def test_a_bar_across_the_page_carries_its_label_over_it():
    d = dossier()
    month = [e for e in d.corpus.events.values() if e.date.raw == "2023-10"]
    mark = timeline.chart(d, month).marks[0]
    assert mark.x0 < mark.label_x < mark.x1 and mark.anchor == "start"


def _extent(m: timeline.Mark) -> tuple[float, float]:
    room = len(m.label) * timeline.CHAR
    if m.anchor == "start":
        return min(m.x0, m.label_x), max(m.x1, m.label_x + room)
    return min(m.x0, m.label_x - room), max(m.x1, m.label_x)


@pytest.mark.dossier
def test_no_two_marks_or_labels_in_one_lane_overlap():
    d = dossier()
    chart = timeline.chart(d, sorted(d.corpus.events.values(), key=event_order))
    for lane in range(chart.lanes):
        extents = sorted(_extent(m) for m in chart.marks if m.lane == lane)
        assert all(a[1] < b[0] for a, b in zip(extents, extents[1:])), lane
    assert chart.height == timeline.AXIS + chart.lanes * timeline.LANE + 8


@pytest.mark.dossier
def test_a_qualified_date_shows_its_marker_beside_the_mark():
    d = dossier()
    chart = timeline.chart(d, sorted(d.corpus.events.values(), key=event_order))
    qualified = [m for m in chart.marks if m.qualified]
    assert {m.date[:3] for m in qualified if m.date.startswith("c. ")} == {"c. "}
    assert any(m.date.endswith("?") for m in qualified)
    assert all(m.label.endswith("· " + m.date) for m in qualified)
    assert all(m.date not in m.label for m in chart.marks if not m.qualified)


@pytest.mark.dossier
def test_each_mark_carries_its_events_actors_places_and_tags():
    d = dossier()
    chart = timeline.chart(d, sorted(d.corpus.events.values(), key=event_order))
    summit = next(m for m in chart.marks if m.event_id == "2023-09-13-kim-putin-summit-at-vostochny")
    event = d.corpus.events[summit.event_id]
    assert summit.actors.split() == sorted({r.id for r in event.actors})
    assert summit.places.split() == sorted({r.id for r in event.places})
    assert "summit" in summit.tags.split()


@pytest.mark.dossier
def test_a_split_timeline_draws_each_months_events_and_the_months_on_its_first_page(monkeypatch):
    monkeypatch.setattr(listings, "TIMELINE_PAGE_SIZE", 5)
    d = dossier()
    pages = {p.path: p for p in listings.timeline(d)}
    first = pages.pop("timeline/index.md")
    assert first.context["chart"] is None
    assert sum(b.count for b in first.context["bars"].bars) == len(d.corpus.events)
    drawn = [m.event_id for p in pages.values() for m in p.context["chart"].marks]
    assert sorted(drawn) == sorted(d.corpus.events)
    assert all(len(p.context["chart"].marks) <= 5 for p in pages.values())
