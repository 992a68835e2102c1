#!/usr/bin/env python3
"""Independent check of barrier_share with shapely (not used by the product).

Share of the interior grid boundary (boundary shared by two grids of one jurisdiction) that lies within
DISTANCE metres of the barrier lines. Lon/lat inputs are projected with a local equirectangular projection
(error well under 0.1% over a city); --projected takes the coordinates as metres already.

usage: barrier-share.py GRIDS.geojson --jurisdiction FIELD [--distance 25] [--projected] BARRIERS.geojson...
"""
import argparse
import json
import math
import sys

from shapely import STRtree
from shapely.geometry import shape
from shapely.ops import transform, unary_union


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("grids")
    ap.add_argument("barriers", nargs="+")
    ap.add_argument("--jurisdiction", default="jurisdiction")
    ap.add_argument("--distance", type=float, default=25.0)
    ap.add_argument("--projected", action="store_true")
    a = ap.parse_args()
    feats = json.load(open(a.grids))["features"]
    geoms = [shape(f["geometry"]).buffer(0) for f in feats]
    jur = [str((f.get("properties") or {}).get(a.jurisdiction, "")) for f in feats]
    if a.projected:
        proj = lambda g: g
    else:
        lat0 = sum(g.centroid.y for g in geoms) / len(geoms)
        lon0 = sum(g.centroid.x for g in geoms) / len(geoms)
        k = math.cos(math.radians(lat0))
        r = 6371008.8 * math.pi / 180
        proj = lambda g: transform(lambda x, y, z=None: ((x - lon0) * k * r, (y - lat0) * r), g)
    geoms = [proj(g) for g in geoms]
    lines = []
    for path in a.barriers:
        for f in json.load(open(path))["features"]:
            if f.get("geometry"):
                g = proj(shape(f["geometry"]))
                lines.append(g.boundary if g.geom_type in ("Polygon", "MultiPolygon") else g)
    near = unary_union([l.buffer(a.distance, quad_segs=4) for l in lines]) if lines else None
    tree = STRtree(geoms)
    interior = 0.0
    on = 0.0
    for i, g in enumerate(geoms):
        for j in tree.query(g):
            j = int(j)
            if j <= i or jur[j] != jur[i]:
                continue
            shared = g.boundary.intersection(geoms[j].boundary)
            length = shared.length
            if length <= 0:
                continue
            interior += length
            if near is not None:
                on += shared.intersection(near).length
    share = on / interior if interior > 0 else 0.0
    print(json.dumps({"interior_km": round(interior / 1000, 3), "within_km": round(on / 1000, 3), "barrier_share": round(share, 4)}))


if __name__ == "__main__":
    sys.exit(main())
