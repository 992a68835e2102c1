#!/usr/bin/env python3
"""Whole-run benchmark: gridplan partition on generated counties of 10k, 100k and 1M points.

Units and grids scale along (about 2k / 10k / 50k hexagons, 50 / 100 / 500 grids). Each size is run
REPEAT times; the table gives the median of every stage's time (report.json timings_s), the peak RSS
(/usr/bin/time -v) and the growth exponent of each stage between sizes (log ratio of time over log
ratio of points). Usage: Scripts/bench-runs.py BINARY WORKDIR [REPEAT] [SIZES...]
"""
import json, math, os, statistics, subprocess, sys

STAGES = ["read", "project", "units", "aggregate", "graph", "partition", "dissolve", "write", "total"]
# points → (target units, grids)
CASES = {10_000: (2_000, 50), 100_000: (10_000, 100), 1_000_000: (50_000, 500)}
# With FIXED_CELLS=1 the hexagon size is set to give the target unit counts; by default gridplan
# chooses it from the data (finer where the workload is dense), as a planner's run would.
FIXED_CELLS = os.environ.get("FIXED_CELLS") == "1"
AREA_KM2 = 1533.43  # area of the generated county (radius 22 km), from its report.json


def cell_size(units: int) -> float:
    """Hexagon width (metres) giving about `units` cells over the county."""
    cell_area = AREA_KM2 * 1e6 / units
    return round(math.sqrt(cell_area / (math.sqrt(3) / 2)), 1)


def run(binary, workdir, points, repeat):
    units, grids = CASES[points]
    sample = os.path.join(workdir, f"sample-{points}")
    if not os.path.exists(os.path.join(sample, "points.csv")):
        subprocess.run([binary, "sample", "--out", sample, "--points", str(points), "--grids", str(grids), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    rows = []
    for r in range(repeat):
        out = os.path.join(workdir, f"out-{points}")
        cmd = ["/usr/bin/time", "-v", binary, "partition", os.path.join(sample, "plan.yml"), "--out", out, "--force",
               "--quiet", "--grids", str(grids)] + (["--cell-size", str(cell_size(units))] if FIXED_CELLS else [])
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"run failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
        rss_kb = next(int(l.split(":")[1]) for l in p.stderr.splitlines() if "Maximum resident set size" in l)
        report = json.load(open(os.path.join(out, "report.json")))
        t = report["timings_s"]
        rows.append({**{s: t[s] for s in STAGES}, "rss_mb": rss_kb / 1024,
                     "unit_count": report["summary"]["units"], "dev": report["summary"]["max_abs_deviation"],
                     "pp": report["summary"]["mean_polsby_popper"]})
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    return med


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, workdir = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    sizes = [int(s) for s in sys.argv[4:]] or sorted(CASES)
    os.makedirs(workdir, exist_ok=True)
    results = {n: run(binary, workdir, n, repeat) for n in sizes}
    print(f"| points | units | grids | " + " | ".join(STAGES) + " | peak RSS MB | max dev | mean PP |")
    print("|" + " --- |" * (len(STAGES) + 6))
    for n in sizes:
        m = results[n]
        print(f"| {n:,} | {int(m['unit_count']):,} | {CASES[n][1]} | " + " | ".join(f"{m[s]:.3f}" for s in STAGES)
              + f" | {m['rss_mb']:.0f} | {m['dev'] * 100:.2f}% | {m['pp']:.3f} |")
    if len(sizes) > 1:
        print("\nGrowth exponent per stage (log time ratio / log points ratio; 1.0 = linear):\n")
        print("| from → to | " + " | ".join(STAGES) + " |")
        print("|" + " --- |" * (len(STAGES) + 1))
        for a, b in zip(sizes, sizes[1:]):
            ex = [math.log(max(results[b][s], 1e-4) / max(results[a][s], 1e-4)) / math.log(b / a) for s in STAGES]
            print(f"| {a:,} → {b:,} | " + " | ".join(f"{e:.2f}" for e in ex) + " |")


if __name__ == "__main__":
    main()
