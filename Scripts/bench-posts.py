#!/usr/bin/env python3
"""Grids grown from police posts (--centers) against the same county without posts.

Usage: Scripts/bench-posts.py BINARY WORKDIR [GRIDS] [SEEDS]

On the built-in sample county (Data/sample, weight population) it runs a plan of GRIDS grids
(default 40) without posts, takes posts from it in three ways and runs `--centers` with each:
  corner   the first whole hexagon of each grid in units.geojson (as CentersTests places them:
           a hexagon at the grid's lower-left edge),
  centroid the whole hexagon nearest each grid's area centroid,
  random   a whole hexagon of each grid drawn at random (seeded),
  shuffled one random whole hexagon per grid of a plan drawn with another seed (posts that do not
           come from the grids being compared against).
Prints mean Polsby-Popper, max deviation, grids in one piece and the partition time of each,
median over SEEDS (default "1 2 3") for the runs with posts.
"""
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(binary, out, extra):
    cmd = [binary, "partition", "--boundary", str(ROOT / "Data/sample/boundary.geojson"), "--boundary-id", "station",
           "--points", str(ROOT / "Data/sample/points.csv"), "--weight", "population", "--out", str(out), "--quiet"] + extra
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr}")
    rep = json.loads((out / "report.json").read_text())
    s = rep["summary"]
    return {"pp": s["mean_polsby_popper"], "dev": s["max_abs_deviation"], "one_piece": s["contiguous_grids"],
            "grids": s["grids"], "partition_s": rep["timings_s"]["partition"]}


def whole_hexagons(folder):
    """Per grid id, the centres of its whole hexagon units, in file order."""
    units = json.loads((folder / "units.geojson").read_text())["features"]
    by_grid = {}
    for u in units:
        polys = u["geometry"]["coordinates"]
        ring = polys[0][0]
        if len(polys) != 1 or len(polys[0]) != 1 or len(ring) != 7:
            continue
        cx = sum(p[0] for p in ring[:6]) / 6
        cy = sum(p[1] for p in ring[:6]) / 6
        by_grid.setdefault(u["properties"]["grid_id"], []).append((cx, cy))
    return by_grid


def grid_centroids(folder):
    grids = json.loads((folder / "grids.geojson").read_text())["features"]
    out = {}
    for g in grids:
        xs, ys, a = 0.0, 0.0, 0.0
        for poly in g["geometry"]["coordinates"]:
            ring = poly[0]
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                c = x0 * y1 - x1 * y0
                a += c
                xs += (x0 + x1) * c
                ys += (y0 + y1) * c
        out[g["properties"]["grid_id"]] = (xs / (3 * a), ys / (3 * a))
    return out


def write_posts(path, posts):
    feats = [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [x, y]}} for x, y in posts]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, work = sys.argv[1], Path(sys.argv[2])
    grids = sys.argv[3] if len(sys.argv) > 3 else "40"
    seeds = (sys.argv[4] if len(sys.argv) > 4 else "1 2 3").split()
    work.mkdir(parents=True, exist_ok=True)
    base = run(binary, work / "base", ["--grids", grids])
    other = work / "other"
    run(binary, other, ["--grids", grids, "--seed", "7"])
    hexes = whole_hexagons(work / "base")
    cents = grid_centroids(work / "base")
    rng = random.Random(1)
    near = lambda c, hs: min(hs, key=lambda h: (h[0] - c[0]) ** 2 + (h[1] - c[1]) ** 2)
    other_hexes = whole_hexagons(other)
    variants = {
        "corner": [hexes[g][0] for g in sorted(hexes)],
        "centroid": [near(cents[g], hexes[g]) for g in sorted(hexes)],
        "random": [rng.choice(hexes[g]) for g in sorted(hexes)],
        "shuffled": [rng.choice(other_hexes[g]) for g in sorted(other_hexes)],
    }
    print(f"without posts: mean PP {base['pp']:.3f}, max dev {100 * base['dev']:.2f}%, "
          f"{base['one_piece']}/{base['grids']} in one piece, partition {base['partition_s']:.3f} s")
    print("| posts | mean PP | max dev | one piece | partition s |")
    print("| --- | --- | --- | --- | --- |")
    for name, posts in variants.items():
        path = work / f"posts-{name}.geojson"
        write_posts(path, posts)
        runs = [run(binary, work / f"{name}-{s}", ["--centers", str(path), "--seed", s]) for s in seeds]
        med = lambda k: statistics.median(r[k] for r in runs)
        print(f"| {name} ({len(posts)}) | {med('pp'):.3f} | {100 * med('dev'):.2f}% | "
              f"{min(r['one_piece'] for r in runs)}/{runs[0]['grids']} | {med('partition_s'):.3f} |")


if __name__ == "__main__":
    main()
