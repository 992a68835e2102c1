#!/usr/bin/env python3
"""Independent check of gridplan outputs with shapely: trusts nothing gridplan says.

Usage: Scripts/check-outputs.py FOLDER [FOLDER ...]

For every polygon in grids.geojson and units.geojson (and every layer of grids.gpkg when present):
OGC-valid as written (after rounding), exterior rings counter-clockwise, holes clockwise, no more than
7 decimals; each grid has exactly 1 + exclaves parts; every unit in exactly one existing grid; the
report's contiguity figures agree with the files. Exit 1 with one line per problem.
"""
import json
import sys

from shapely.geometry import shape
from shapely.validation import explain_validity


def signed_area(ring):
    # Shifted by the first vertex: with raw degrees the products cancel to 0 for tiny rings.
    x0, y0 = ring[0]
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
    return s / 2


def check_polygons(path, features, problems, key):
    bad = 0
    for f in features:
        g = f["geometry"]
        name = f["properties"].get(key)
        if g["type"] != "MultiPolygon":
            problems.append(f"{path}: {key} {name}: geometry {g['type']}, not MultiPolygon")
            continue
        for p, poly in enumerate(g["coordinates"]):
            for r, ring in enumerate(poly):
                a = signed_area(ring)
                if (r == 0 and a <= 0) or (r > 0 and a >= 0):
                    problems.append(f"{path}: {key} {name}: part {p} ring {r} has the wrong orientation (signed area {a:.3g})")
                    bad += 1
        geom = shape(g)
        if not geom.is_valid:
            problems.append(f"{path}: {key} {name}: invalid: {explain_validity(geom)}")
            bad += 1
    return bad


def main(folders):
    problems = []
    for folder in folders:
        grids = json.load(open(f"{folder}/grids.geojson", encoding="utf-8"))["features"]
        units = json.load(open(f"{folder}/units.geojson", encoding="utf-8"))["features"]
        report = json.load(open(f"{folder}/report.json", encoding="utf-8"))
        for name in ("grids.geojson", "units.geojson"):
            text = open(f"{folder}/{name}", encoding="utf-8").read()
            import re
            if re.search(r"\.[0-9]{8,}", text):
                problems.append(f"{folder}/{name}: more than 7 decimals")
        check_polygons(f"{folder}/grids.geojson", grids, problems, "grid_id")
        check_polygons(f"{folder}/units.geojson", units, problems, "unit_id")
        ids = [g["properties"]["grid_id"] for g in grids]
        one_piece = 0
        with_islands = 0
        for g in grids:
            parts = len(g["geometry"]["coordinates"])
            ex = g["properties"]["exclaves"]
            if parts != 1 + ex:
                problems.append(f"{folder}: grid {g['properties']['grid_id']} has {parts} parts but declares {ex} exclaves")
            if parts == 1:
                one_piece += 1
            else:
                with_islands += 1
        seen = set()
        for u in units:
            uid = u["properties"]["unit_id"]
            if uid in seen:
                problems.append(f"{folder}: unit {uid} listed twice")
            seen.add(uid)
            if u["properties"]["grid_id"] not in ids:
                problems.append(f"{folder}: unit {uid} in unknown grid {u['properties']['grid_id']}")
        summary = report["summary"]
        if "contiguous_grids" in summary and summary["contiguous_grids"] != one_piece:
            problems.append(f"{folder}: report says {summary['contiguous_grids']} contiguous grids, files have {one_piece} in one piece")
        print(f"check-outputs: {folder}: {len(grids)} grids ({one_piece} in one piece, {with_islands} with declared island parts), {len(units)} units")
    for p in problems[:200]:
        print("check-outputs: FAIL:", p, file=sys.stderr)
    if len(problems) > 200:
        print(f"check-outputs: … {len(problems) - 200} more", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
