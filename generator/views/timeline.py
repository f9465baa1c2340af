"""The timeline drawing as plain data: where each event sits on a broken time axis.

A dossier spans years but most of its events fall in a few weeks, so a uniform
axis would crush the busy weeks into a few pixels. The axis is piecewise instead:
a month with events gets room in proportion to how many events touch it, a month
inside a busy year with none gets a sliver, a year known only from year-precise
events gets a fixed width, and years with no event at all are cut out (drawn as
a break). Within each piece the scale is linear, so an interval, a month or a
year is still drawn as a span of its real length inside that piece.

Marks never overlap: each goes to the first lane (row) where its bar and its
label fit after the previous occupant. The template turns this into SVG.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from dataclasses import dataclass

from generator.dossier.dates import Date, DatePoint
from generator.text.i18n import in_edition, month_abbr
from generator.dossier.link import Dossier
from generator.dossier.model import Event

WIDTH = 900
"""Drawing units across; the SVG scales to its box."""
MARGIN = 12
AXIS = 44
"""Height of the axis band above the first lane."""
LANE = 22
CHAR = 6.3
"""Estimated width of one label character at the drawing's font size."""
TITLE_CHARS = 40
SHORT = 62
"""Longest span, in days, that counts towards a month's room (two months)."""


@dataclass(frozen=True)
class Piece:
    """A stretch of time and the part of the axis it gets."""

    start: int
    """Proleptic ordinal of the first day."""
    end: int
    """Ordinal of the day after the last."""
    x0: float
    x1: float
    kind: str
    """``month``, ``quiet`` (a month with no short event), ``year`` or ``gap``."""
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    row: int
    """0 for months and days, 1 for years."""


@dataclass(frozen=True)
class Mark:
    event_id: str
    title: str
    """The full title, for the accessible name."""
    date: str
    """The date as the pages write it, with its "c." and "?"."""
    label: str
    """What is shown beside the mark: the title, shortened, and a qualified date."""
    x0: float
    x1: float
    lane: int
    shape: str
    """``day`` (a dot), ``interval`` (a solid bar) or ``period`` (a month or a year: a pale bar)."""
    qualified: bool
    """Approximate or uncertain: drawn hatched with a dashed outline."""
    label_x: float
    anchor: str
    actors: str
    """Space-separated ids, for the filter script."""
    places: str
    tags: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    pieces: tuple[Piece, ...]
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    lanes: int


def _first_day(p: DatePoint) -> int:
    return dt.date(p.year, p.month or 1, p.day or 1).toordinal()


def _day_after(p: DatePoint) -> int:
    """As an ordinal, which goes on past 31 December 9999 where a date cannot."""
    if p.day:
        return dt.date(p.year, p.month, p.day).toordinal() + 1
    if p.month:
        return _month_span(p.year, p.month)[1]
    return _year_start(p.year + 1)


def _year_start(year: int) -> int:
    """The ordinal of 1 January of ``year``, the year after 9999 included."""
    return dt.date(year, 1, 1).toordinal() if year <= dt.MAXYEAR else \
        dt.date.max.toordinal() + 1


def span(date: Date) -> tuple[int, int]:
    """First day and the day after the last, as ordinals: what the date can mean."""
    return _first_day(date.start), _day_after(date.end or date.start)


def _shape(date: Date) -> str:
    if date.end is not None:
        return "interval"
    return "day" if date.start.day else "period"


def _months(start: int, end: int) -> list[tuple[int, int]]:
    """(year, month) pairs that the ordinal span [start, end) touches."""
    first, last = dt.date.fromordinal(start), dt.date.fromordinal(end - 1)
    return [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)
            if (first.year, first.month) <= (y, m) <= (last.year, last.month)]


def _month_span(year: int, month: int) -> tuple[int, int]:
    first = dt.date(year, month, 1)
    return first.toordinal(), first.toordinal() + calendar.monthrange(year, month)[1]


def pieces(spans: list[tuple[int, int]], width: float) -> list[Piece]:
    """The broken axis for these spans, scaled to ``width``."""
    if not spans:
        return []
    density: dict[tuple[int, int], int] = {}
    touched: dict[int, set[int]] = {}
    for s, e in spans:
        months = _months(s, e)
        for y, m in months:
            touched.setdefault(y, set()).add(m)
        if e - s <= SHORT:
            for ym in months:
                density[ym] = density.get(ym, 0) + 1
    busy_years = {y for y, _ in density}
    raw: list[tuple[int, int, float, str, str]] = []
    for year in range(min(touched), max(touched) + 1):
        if year in busy_years:
            # From the first month any event touches to the last: a year-long span
            # keeps the whole year, quiet months as slivers.
            lo, hi = min(touched[year]), max(touched[year])
            for m in range(lo, hi + 1):
                s, e = _month_span(year, m)
                n = density.get((year, m), 0)
                raw.append((s, e, 30 + 28 * n if n else 8, "month" if n else "quiet",
                            month_abbr(m)))
        elif year in touched:
            raw.append((_year_start(year), _year_start(year + 1),
                        48, "year", str(year)))
        elif raw and raw[-1][3] == "gap":
            raw[-1] = (raw[-1][0], _year_start(year + 1), 24, "gap",
                       f"{raw[-1][4].split('–')[0]}–{year}")
        else:
            raw.append((_year_start(year), _year_start(year + 1),
                        24, "gap", str(year)))
    scale = width / sum(r[2] for r in raw)
    result, x = [], 0.0
    for s, e, w, kind, label in raw:
        result.append(Piece(s, e, round(x, 1), round(x + w * scale, 1), kind, label))
        x += w * scale
    return result


def position(axis: list[Piece], starts: list[int], day: int) -> float:
    """The x of an ordinal day on the broken axis; days in a cut stretch sit in the break."""
    i = max(0, min(bisect.bisect_right(starts, day) - 1, len(axis) - 1))
    p = axis[i]
    day = min(max(day, p.start), p.end)
    return p.x0 + (p.x1 - p.x0) * (day - p.start) / (p.end - p.start)


def ticks(axis: list[Piece]) -> list[Tick]:
    result, year_seen = [], set()
    for p in axis:
        year = dt.date.fromordinal(p.start).year
        if p.kind == "month":
            result.append(Tick(p.x0, p.label, 0))
            if p.x1 - p.x0 >= 160:
                days = (p.end - p.start)
                result.extend(Tick(round(p.x0 + (p.x1 - p.x0) * (d - 1) / days, 1), str(d), 0)
                              for d in (8, 15, 22) if d <= days)
        if p.kind in ("month", "quiet", "year") and year not in year_seen:
            year_seen.add(year)
            result.append(Tick(p.x0, str(year), 1))
    return result


def _label(e: Event) -> str:
    title = in_edition(e, "title")
    title = title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1].rstrip() + "…"
    return f"{title} · {e.date.label()}" if e.date.qualified else title


def chart(d: Dossier, events: list[Event], width: int = WIDTH) -> Chart:
    """``events`` (already in date order) on one broken axis, in lanes."""
    inner = width - 2 * MARGIN
    spans = [span(e.date) for e in events]
    axis = pieces(spans, inner)
    starts = [p.start for p in axis]
    lane_ends: list[float] = []
    marks = []
    for e, (s, end) in zip(events, spans):
        x0 = MARGIN + position(axis, starts, s)
        x1 = MARGIN + position(axis, starts, end)
        shape = _shape(e.date)
        if shape == "day":
            x0 = x1 = (x0 + x1) / 2
        label = _label(e)
        room = len(label) * CHAR
        if x1 + 10 + room <= width - 2:
            label_x, anchor, left, right = x1 + 10, "start", x0 - 6, x1 + 10 + room
        elif x0 - 10 - room >= 2:
            label_x, anchor, left, right = x0 - 10, "end", x0 - 10 - room, x1 + 6
        else:
            # No room on either side (a bar across most of the page): the name goes
            # over the bar, on a halo of the page's colour.
            label_x, anchor, left, right = x0 + 4, "start", x0 - 6, max(x1, x0 + 4 + room) + 6
        lane = next((i for i, end_x in enumerate(lane_ends) if end_x + 8 <= left), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(right)
        lane_ends[lane] = right
        tags = sorted({t for r in e.sources for t in d.corpus.articles[r.id].tags})
        marks.append(Mark(e.id, in_edition(e, "title"), e.date.label(), label, round(x0, 1), round(x1, 1),
                          lane, shape, e.date.qualified, round(label_x, 1), anchor,
                          " ".join(sorted({r.id for r in e.actors})),
                          " ".join(sorted({r.id for r in e.places})), " ".join(tags)))
    shifted = tuple(Piece(p.start, p.end, round(p.x0 + MARGIN, 1), round(p.x1 + MARGIN, 1),
                          p.kind, p.label) for p in axis)
    tick_marks = tuple(Tick(round(t.x + MARGIN, 1), t.label, t.row) for t in ticks(axis))
    lanes = len(lane_ends)
    return Chart(width, AXIS + lanes * LANE + 8, shifted, tick_marks, tuple(marks), lanes)


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    href: str
    x: float
    y: float
    w: float
    year: str
    """Set on a year's first bar, for the axis."""


@dataclass(frozen=True)
class Bars:
    width: int
    height: int
    base: float
    bars: tuple[Bar, ...]


def month_bars(periods: list, width: int = WIDTH, height: int = 120) -> Bars:
    """One bar per page of a timeline split by month, as tall as its number of events."""
    base = height - 18
    most = max((p.count for p in periods), default=1) or 1
    step = (width - 2 * MARGIN) / max(len(periods), 1)
    bars, seen = [], set()
    for i, p in enumerate(periods):
        year = p.key[:4]
        top = base - max(2.0, (base - 6) * p.count / most)
        bars.append(Bar(p.key, p.label, p.count, p.href.removesuffix(".md") + "/",
                        round(MARGIN + i * step, 1), round(top, 1),
                        round(max(step - 2, 1), 1), "" if year in seen else year))
        seen.add(year)
    return Bars(width, height, base, tuple(bars))
