"""The places map as data: frame, antimeridian, projection, marker sizes, labels, basemap."""

from __future__ import annotations

import re

import pytest

from generator.views import placemap
from generator.views.placemap import (
    RADIUS,
    Projection,
    Spot,
    Window,
    frame,
    longitude_window,
    map_view,
    radius,
)

SEED = [Spot("Washington, D.C.", "w.md", 38.9072, -77.0369, 4),
        Spot("Moscow", "m.md", 55.7558, 37.6173, 3),
        Spot("Vladivostok", "v.md", 43.1332, 131.9113, 7),
        Spot("Pyongyang", "p.md", 39.0392, 125.7625, 9),
        Spot("Seoul", "s.md", 37.5665, 126.9780, 0)]


def test_the_longitude_window_skips_the_widest_gap():
    # Washington to Vladivostok by way of Europe: the Pacific is the widest gap.
    assert longitude_window([-77.0, 37.6, 131.9]) == (-77.0, 131.9)


def test_the_longitude_window_crosses_the_antimeridian_when_that_is_narrower():
    assert longitude_window([170.0, -170.0, 175.0]) == (170.0, 190.0)


def test_the_frame_holds_every_place_with_a_margin():
    view = map_view(SEED)
    for m in view.markers:
        assert 0.05 * view.width < m.x < 0.95 * view.width
        assert 0.05 * view.height < m.y < 0.95 * view.height


def test_the_frame_is_the_places_not_the_whole_world():
    w = frame(SEED)
    assert w.west > -120 and w.east < 180 and w.east - w.west < 300


def test_a_single_place_gets_a_frame_of_its_region():
    w = frame([Spot("Vale Verde", "v.md", 41.15, -8.61, 1)])
    assert w.east - w.west >= placemap.MIN_SPAN[0]
    assert w.north - w.south >= placemap.MIN_SPAN[1]
    assert w.west < -8.61 < w.east and w.south < 41.15 < w.north


def test_places_either_side_of_the_antimeridian_sit_together():
    view = map_view([Spot("Anadyr", "a.md", 64.7, 177.5, 1),
                     Spot("Nome", "n.md", 64.5, -165.4, 1)])
    xs = sorted(m.x for m in view.markers)
    assert xs[1] - xs[0] < view.width / 2
    assert all(0 < x < view.width for x in xs)


def test_the_projection_puts_the_frame_corners_on_the_picture_corners():
    p = Projection(Window(-10.0, 30.0, 20.0, 50.0), 600)
    assert p.point(-10.0, 50.0) == (0.0, 0.0)
    x, y = p.point(30.0, 20.0)
    assert round(x) == 600 and round(y) == p.height


def test_the_projection_shrinks_longitudes_by_the_middle_latitudes_cosine():
    p = Projection(Window(0.0, 10.0, 55.0, 65.0), 600)
    assert p.height == pytest.approx(600 / 0.5, abs=1)


def test_a_longitude_west_of_a_window_that_crosses_the_antimeridian_moves_east():
    p = Projection(Window(160.0, 200.0, 50.0, 70.0), 600)
    assert p.longitude(-170.0) == 190.0
    assert p.longitude(170.0) == 170.0


def test_marker_area_grows_with_the_number_of_events():
    assert radius(0, 9) == RADIUS[0]
    assert radius(9, 9) == RADIUS[1]
    assert radius(1, 9) < radius(4, 9) < radius(9, 9)
    assert radius(0, 0) == RADIUS[0]


def test_bigger_markers_are_drawn_first_so_smaller_ones_stay_on_top():
    events = [m.events for m in map_view(SEED).markers]
    assert events == sorted(events, reverse=True)


def test_labels_never_cover_each_other_or_leave_the_picture():
    spots = [Spot(f"Place number {i}", f"{i}.md", 40 + (i % 5) * 0.7, 120 + (i // 5) * 1.3, i)
             for i in range(25)]
    view = map_view(spots)
    boxes = [m.label.box for m in view.markers if m.label]
    assert 0 < len(boxes) < 25
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] >= 0 and a[0] + a[2] <= view.width and a[1] + a[3] <= view.height
        for b in boxes[i + 1:]:
            assert not placemap._overlap(a, b)


def _absolute_points(path: str) -> list[tuple[int, int]]:
    points, x, y = [], 0, 0
    for command, a, b in re.findall(r"([Ml])(-?\d+) ?(-?\d+)", path):
        x, y = (int(a), int(b)) if command == "M" else (x + int(a), y + int(b))
        points.append((x, y))
    return points


def test_the_basemap_is_clipped_to_the_frame():
    view = map_view(SEED)
    for path in (view.land, view.borders):
        points = _absolute_points(path)
        assert points
        assert all(-1 <= x <= view.width + 1 and -1 <= y <= view.height + 1 for x, y in points)


def test_the_basemap_is_drawn_across_the_antimeridian():
    # Chukotka and Alaska on either side of 180°: land on both halves of the picture.
    view = map_view([Spot("Anadyr", "a.md", 64.7, 177.5, 1), Spot("Nome", "n.md", 64.5, -165.4, 1)])
    xs = [x for x, _ in _absolute_points(view.land)]
    assert min(xs) < view.width / 4 and max(xs) > view.width * 3 / 4


def test_no_place_with_coordinates_means_no_map():
    assert map_view([]) is None


def test_the_same_places_give_the_same_map():
    assert map_view(SEED) == map_view(list(SEED))
