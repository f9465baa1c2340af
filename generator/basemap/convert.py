"""Convert world-atlas TopoJSON into the compact basemap the place map draws.

Run once, by hand, when the basemap changes (see README.md here):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m generator.basemap.convert package/countries-110m.json > generator/basemap/world-110m.json

The result keeps geographic coordinates (longitude, latitude in tenths of a degree,
as integers) so that the generator can choose the projection and the frame for each
dossier: ``land`` is the coastline rings of the merged land polygons, ``borders`` the
lines between two countries (arcs that two countries share).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

PRECISION = 10
"""Stored units per degree: 0.1 degree, finer than the 1:110m data needs on a page."""


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc's absolute positions in degrees (undoing delta encoding and quantisation)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _arc(arcs: list, index: int) -> list[tuple[float, float]]:
    # A negative index (~i) is arc i walked backwards.
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    """One polygon ring: its arcs joined, each shared end point kept once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        part = _arc(arcs, index)
        points.extend(part[1:] if points else part)
    return points


def unwrap(points: list[tuple[float, float]], closed: bool) -> list[tuple[float, float]]:
    """Points made continuous across the antimeridian, so that a planar frame can clip them.

    TopoJSON steps from 180 to -180 where a ring crosses it; here the longitude runs
    on past 180 instead (Chukotka at 190). A ring that goes round a pole
    (Antarctica) does not come back to its starting longitude: it is closed along
    that pole's parallel."""
    result: list[tuple[float, float]] = []
    offset = 0.0
    for lon, lat in points:
        if result:
            step = lon + offset - result[-1][0]
            offset -= 360 * round(step / 360)
        result.append((lon + offset, lat))
    if closed and result and abs(result[-1][0] - result[0][0]) > 180:
        pole = 90.0 if sum(lat for _, lat in result) > 0 else -90.0
        result += [(result[-1][0], pole), (result[0][0], pole)]
    return result


def _polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def _compact(points: list[tuple[float, float]]) -> list[int]:
    """Flat ``[lon, lat, lon, lat, ...]`` in stored units, repeated points dropped."""
    flat: list[int] = []
    for lon, lat in points:
        pair = [round(lon * PRECISION), round(lat * PRECISION)]
        if flat[-2:] != pair:
            flat.extend(pair)
    return flat


def convert(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    land = [_compact(unwrap(ring(arcs, r), closed=True)) for g in topology["objects"]["land"]["geometries"]
            for polygon in _polygons(g) for r in polygon]
    uses = Counter(i if i >= 0 else ~i
                   for g in topology["objects"]["countries"]["geometries"]
                   for polygon in _polygons(g) for r in polygon for i in r)
    borders = [_compact(unwrap(arcs[i], closed=False)) for i in sorted(uses) if uses[i] > 1]
    return {"precision": PRECISION,
            "source": "Natural Earth 1:110m via world-atlas 2.0.2 (countries-110m.json)",
            "land": [r for r in land if len(r) >= 6],
            "borders": [b for b in borders if len(b) >= 4]}


def dumps(basemap: dict) -> str:
    # One ring per line keeps diffs readable and the file a few tens of KB.
    head = {k: v for k, v in basemap.items() if k not in ("land", "borders")}
    lines = ["{" + json.dumps(head)[1:-1] + ","]
    for key in ("land", "borders"):
        rows = [json.dumps(r, separators=(",", ":")) for r in basemap[key]]
        lines.append(f'"{key}": [\n' + ",\n".join(rows) + "\n]"
                     + ("," if key == "land" else ""))
    return "\n".join(lines) + "\n}\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m generator.basemap.convert countries-110m.json", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        sys.stdout.write(dumps(convert(json.load(f))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
