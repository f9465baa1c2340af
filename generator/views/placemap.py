"""The places map as data: a frame around the places, projected points, clipped basemap.

Computed before any SVG is written, so the layout can be tested as numbers and the
markup changed separately. The projection is equirectangular with its parallel at
the middle of the frame (longitudes shrunk by the cosine of that latitude), which
keeps regional frames in proportion and needs nothing beyond arithmetic. The frame
is the places' bounding box with a margin; across the antimeridian it takes the
longitude window with the smallest span, so places on both sides of the Pacific sit
together rather than at the two edges of a world map.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

BASEMAP = Path(__file__).resolve().parent.parent / "basemap" / "world-110m.json"
WIDTH = 600
"""viewBox width; the SVG scales to the column, so this only sets the units."""
MIN_SPAN = (30.0, 16.0)
"""Smallest frame in degrees (longitude, latitude), so one place still shows its region."""
MARGIN = 0.12
"""Share of the span added on each side, so no marker sits on the frame's edge."""
ASPECT = (0.4, 0.75)
"""Height / width bounds: a frame outside them is widened in the short direction."""
RADIUS = (3.5, 10.0)
"""Marker radius for a place with no events and for the place with the most."""
LABEL_SIZE = 9.0
"""Label font size in viewBox units; label boxes are estimated from it."""
LAT_LIMIT = 85.0


@dataclass(frozen=True)
class Window:
    """The frame in degrees; ``east`` may pass 180 when the frame crosses the antimeridian."""

    west: float
    east: float
    south: float
    north: float


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str
    """``start``, ``middle`` or ``end``: where (x, y) is along the text."""
    box: tuple[float, float, float, float]
    """The room the text is estimated to take: x, y, width, height."""


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    r: float
    name: str
    href: str
    """Relative path of the place's Markdown page, from the page being written."""
    events: int
    label: Label | None
    """Where the name is written, or None where it would cover another."""


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    window: Window
    land: str
    """SVG path data of the land, clipped to the frame."""
    borders: str
    """SVG path data of the borders between countries, clipped to the frame."""
    markers: tuple[Marker, ...]
    label_size: float = LABEL_SIZE
    """Font size of the names, in viewBox units, as the label boxes were estimated."""


@dataclass(frozen=True)
class Spot:
    """What the map needs of a place."""

    name: str
    href: str
    lat: float
    lon: float
    events: int


def longitude_window(lons: list[float]) -> tuple[float, float]:
    """The narrowest (west, east) holding every longitude; east - west < 360.

    It starts just east of the widest gap between neighbouring longitudes, counting
    the gap that wraps round from the last to the first."""
    ordered = sorted(set(lons))
    gaps = [(ordered[0] + 360 - ordered[-1], 0)]
    gaps += [(ordered[i] - ordered[i - 1], i) for i in range(1, len(ordered))]
    _, start = max(gaps, key=lambda g: (g[0], -g[1]))
    west = ordered[start]
    east = ordered[start - 1] + (360 if start else 0)
    return west, east


def _padded(low: float, high: float, least: float) -> tuple[float, float]:
    span = max(high - low, least / (1 + 2 * MARGIN))
    middle = (low + high) / 2
    half = span * (1 + 2 * MARGIN) / 2
    return middle - half, middle + half


def frame(spots: list[Spot]) -> Window:
    west, east = longitude_window([s.lon for s in spots])
    lats = [s.lat for s in spots]
    west, east = _padded(west, east, MIN_SPAN[0])
    south, north = _padded(min(lats), max(lats), MIN_SPAN[1])
    if east - west > 360:
        middle = (west + east) / 2
        west, east = middle - 180, middle + 180
    south, north = max(south, -LAT_LIMIT), min(north, LAT_LIMIT)
    # Keep the picture between a strip and a square: widen the short side.
    for _ in range(2):
        ratio = (north - south) / ((east - west) * _cos(south, north))
        if ratio < ASPECT[0]:
            grow = ((east - west) * _cos(south, north) * ASPECT[0] - (north - south)) / 2
            south, north = max(south - grow, -LAT_LIMIT), min(north + grow, LAT_LIMIT)
        elif ratio > ASPECT[1]:
            grow = ((north - south) / (ASPECT[1] * _cos(south, north)) - (east - west)) / 2
            west, east = west - grow, east + grow
            if east - west > 360:
                middle = (west + east) / 2
                west, east = middle - 180, middle + 180
    return Window(west, east, south, north)


def _cos(south: float, north: float) -> float:
    return max(math.cos(math.radians((south + north) / 2)), 0.3)


@dataclass(frozen=True)
class Projection:
    window: Window
    width: int

    @property
    def scale(self) -> float:
        w = self.window
        return self.width / ((w.east - w.west) * _cos(w.south, w.north))

    @property
    def height(self) -> int:
        w = self.window
        return round((w.north - w.south) * self.scale)

    def longitude(self, lon: float) -> float:
        """``lon`` moved by whole turns into the window (or just east of it)."""
        return lon + 360 * math.ceil((self.window.west - lon) / 360) if lon < self.window.west else lon

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        w = self.window
        return ((lon - w.west) * self.scale * _cos(w.south, w.north), (w.north - lat) * self.scale)


def radius(events: int, most: int) -> float:
    """Marker area grows with the number of events, so the eye compares them fairly."""
    low, high = RADIUS
    return round(low + (high - low) * math.sqrt(events / most), 1) if most else low


# Clipping ---------------------------------------------------------------------------

def _clip_polygon(points: list[tuple[float, float]], w: Window) -> list[tuple[float, float]]:
    """Sutherland–Hodgman against each side of the window (which is convex)."""
    edges = ((0, w.west, True), (0, w.east, False), (1, w.south, True), (1, w.north, False))
    for axis, limit, keep_above in edges:
        if not points:
            break
        inside = (lambda p: p[axis] >= limit) if keep_above else (lambda p: p[axis] <= limit)
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(_cross(previous, current, axis, limit))
                result.append(current)
            elif inside(previous):
                result.append(_cross(previous, current, axis, limit))
            previous = current
        points = result
    return points


def _cross(a, b, axis: int, limit: float) -> tuple[float, float]:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _clip_line(points: list[tuple[float, float]], w: Window) -> list[list[tuple[float, float]]]:
    """The runs of a polyline inside the window (Liang–Barsky on each segment)."""
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for a, b in zip(points, points[1:]):
        segment = _clip_segment(a, b, w)
        if segment is None:
            if current:
                runs.append(current)
            current = []
            continue
        start, end = segment
        if not current or current[-1] != start:
            if current:
                runs.append(current)
            current = [start]
        current.append(end)
    if current:
        runs.append(current)
    return runs


def _clip_segment(a, b, w: Window):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - w.west), (dx, w.east - a[0]),
                 (-dy, a[1] - w.south), (dy, w.north - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return ((a[0] + t0 * dx, a[1] + t0 * dy), (a[0] + t1 * dx, a[1] + t1 * dy))


# Basemap ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def basemap() -> tuple[tuple, tuple]:
    """(land rings, border lines) as tuples of (lon, lat) points in degrees."""
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    unit = data["precision"]

    def points(flat):
        return tuple((flat[i] / unit, flat[i + 1] / unit) for i in range(0, len(flat), 2))
    return tuple(map(points, data["land"])), tuple(map(points, data["borders"]))


def _copies(points, w: Window):
    """``points`` shifted by whole turns wherever they overlap the window."""
    lons = [p[0] for p in points]
    for turn in (-360, 0, 360):
        if min(lons) + turn <= w.east and max(lons) + turn >= w.west:
            yield [(lon + turn, lat) for lon, lat in points]


def _path(runs, projection: Projection, closed: bool) -> str:
    """SVG path data in whole units, relative moves, repeated points dropped."""
    parts = []
    for run in runs:
        xy = []
        for lon, lat in run:
            x, y = projection.point(lon, lat)
            p = (round(x), round(y))
            if not xy or xy[-1] != p:
                xy.append(p)
        if len(xy) < (3 if closed else 2):
            continue
        steps = [f"M{xy[0][0]} {xy[0][1]}"]
        steps += [f"l{x - px} {y - py}" for (px, py), (x, y) in zip(xy, xy[1:])]
        parts.append("".join(steps) + ("z" if closed else ""))
    return "".join(parts).replace(" -", "-")


def land_path(projection: Projection) -> str:
    w = projection.window
    rings = (_clip_polygon(copy, w) for ring in basemap()[0] for copy in _copies(ring, w))
    return _path(rings, projection, closed=True)


def borders_path(projection: Projection) -> str:
    w = projection.window
    runs = (run for line in basemap()[1] for copy in _copies(line, w)
            for run in _clip_line(copy, w))
    return _path(runs, projection, closed=False)


# Markers and labels -----------------------------------------------------------------

def _label(x: float, y: float, r: float, name: str, taken: list, width: int, height: int
           ) -> tuple[Label | None, tuple | None]:
    """The first of right, left, above, below where the name covers nothing placed yet."""
    text_w, text_h = 0.56 * LABEL_SIZE * len(name), LABEL_SIZE
    gap = r + 2
    for lx, ly, anchor, box in (
            (x + gap, y + text_h / 3, "start", (x + gap, y - text_h / 2, text_w, text_h)),
            (x - gap, y + text_h / 3, "end", (x - gap - text_w, y - text_h / 2, text_w, text_h)),
            (x, y - gap - 2, "middle", (x - text_w / 2, y - gap - text_h, text_w, text_h)),
            (x, y + gap + text_h - 1, "middle", (x - text_w / 2, y + gap, text_w, text_h))):
        bx, by, bw, bh = box
        inside = bx >= 0 and by >= 0 and bx + bw <= width and by + bh <= height
        if inside and not any(_overlap(box, other) for other in taken):
            return Label(round(lx, 1), round(ly, 1), anchor, box), box
    return None, None


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def markers(spots: list[Spot], projection: Projection) -> tuple[Marker, ...]:
    """Biggest first, so smaller markers are drawn on top and stay reachable; the
    busiest places get their labels first."""
    most = max((s.events for s in spots), default=0)
    ordered = sorted(spots, key=lambda s: (-s.events, s.name.lower(), s.href))
    placed = []
    for s in ordered:
        x, y = projection.point(projection.longitude(s.lon), s.lat)
        placed.append((s, round(x, 1), round(y, 1), radius(s.events, most)))
    # Markers are obstacles for every label, not only for those placed after them.
    taken = [(x - r, y - r, 2 * r, 2 * r) for _, x, y, r in placed]
    result = []
    for s, x, y, r in placed:
        own = (x - r, y - r, 2 * r, 2 * r)
        others = [box for box in taken if box != own]
        label, box = _label(x, y, r, s.name, others, projection.width, projection.height)
        if box:
            taken.append(box)
        result.append(Marker(x, y, r, s.name, s.href, s.events, label))
    return tuple(result)


def map_view(spots: list[Spot], width: int = WIDTH) -> MapView | None:
    """The map of ``spots``, or None when no place has coordinates."""
    if not spots:
        return None
    projection = Projection(frame(spots), width)
    return MapView(width, projection.height, projection.window, land_path(projection),
                   borders_path(projection), markers(spots, projection))
