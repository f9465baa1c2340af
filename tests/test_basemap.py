"""The basemap conversion from world-atlas TopoJSON, and the committed result."""

from __future__ import annotations

import json

from generator.basemap import convert
from generator.views.placemap import BASEMAP

# Two unit squares side by side sharing arc 1 (longitude 11), each walking it its
# own way round, quantised with a scale of
# 0.5 and delta-encoded as TopoJSON stores them.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [
        [[2, 0], [-2, 0], [0, 2], [2, 0]],   # (11,20) (10,20) (10,21) (11,21)
        [[2, 2], [0, -2]],                   # (11,21) (11,20): the shared border
        [[2, 2], [2, 0], [0, -2], [-2, 0]],  # (11,21) (12,21) (12,20) (11,20)
    ],
    "objects": {
        "countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]]},
            {"type": "Polygon", "arcs": [[2, -2]]}]},
        "land": {"type": "GeometryCollection", "geometries": [
            {"type": "MultiPolygon", "arcs": [[[0, 1]], [[2, -2]]]}]},
    },
}


def test_arcs_are_decoded_from_quantised_deltas():
    assert convert.decode_arcs(TOPOLOGY)[1] == [(11.0, 21.0), (11.0, 20.0)]


def test_a_ring_joins_its_arcs_keeping_each_shared_point_once():
    arcs = convert.decode_arcs(TOPOLOGY)
    assert convert.ring(arcs, [2, -2]) == [(11, 21), (12, 21), (12, 20), (11, 20), (11, 21)]


def test_land_rings_and_shared_borders_are_kept_in_tenths_of_a_degree():
    basemap = convert.convert(TOPOLOGY)
    assert basemap["precision"] == 10
    assert basemap["land"][0] == [110, 200, 100, 200, 100, 210, 110, 210, 110, 200]
    assert basemap["borders"] == [[110, 210, 110, 200]]


def test_a_line_across_the_antimeridian_runs_on_past_180():
    assert convert.unwrap([(179.0, 60.0), (-179.0, 61.0), (-178.0, 62.0)], closed=False) == [
        (179.0, 60.0), (181.0, 61.0), (182.0, 62.0)]


def test_a_ring_round_a_pole_is_closed_along_the_pole():
    ring = [(-180.0, -80.0), (0.0, -70.0), (179.0, -80.0), (-180.0, -80.0)]
    closed = convert.unwrap(ring, closed=True)
    assert closed[-2:] == [(180.0, -90.0), (-180.0, -90.0)]


def test_the_committed_basemap_holds_the_worlds_land_and_borders():
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    assert data["precision"] == convert.PRECISION
    assert len(data["land"]) > 100 and len(data["borders"]) > 200
    lons = [ring[i] for ring in data["land"] for i in range(0, len(ring), 2)]
    assert -1900 < min(lons) and max(lons) < 1950


def test_the_written_file_reads_back_as_the_same_basemap():
    basemap = convert.convert(TOPOLOGY)
    assert json.loads(convert.dumps(basemap)) == basemap
