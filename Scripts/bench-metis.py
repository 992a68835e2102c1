#!/usr/bin/env python3
"""METIS (pymetis) on the graphs gridplan-bench wrote, with the same K and a ufactor matching the
tolerance; the same quality metrics computed here for both METIS and gridplan's partitions, and
ratios gridplan/METIS side by side. When gridplan-bench ran with --weight-tolerance (incidents a
hard band too), METIS runs in multi-constraint mode (ncon = 2: population and incidents, both
scaled × 100) through Debian's `gpmetis` (package metis), whose time is its own "Partitioning" timer
(graph reading excluded). gpmetis has one ufactor for all constraints, so it runs twice: at the
primary tolerance and at the band. (pymetis 2025.2.2's multi-constraint results were 400-550 % off
on both weights, so it is not used for that row.) Usage: Scripts/bench-metis.py FOLDER [--runs 3]"""
import math, re, shutil, statistics, subprocess, sys, time
from collections import deque

import pymetis


def read_graph(path):
    with open(path) as f:
        n, m, _fmt = f.readline().split()
        n = int(n)
        xadj, adjncy, eweights, vweights = [0], [], [], []
        for _ in range(n):
            parts = list(map(int, f.readline().split()))
            vweights.append(parts[0])
            for i in range(1, len(parts), 2):
                adjncy.append(parts[i] - 1)
                eweights.append(parts[i + 1])
            xadj.append(len(adjncy))
    return xadj, adjncy, eweights, vweights


def read_units(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path)][1:]
    return [[float(x) for x in r] for r in rows]


def metrics(parts, k, xadj, adjncy, eweights, units):
    n = len(units)
    weight = [0.0] * k
    second = [0.0] * k
    area = [0.0] * k
    perim = [0.0] * k
    cut = 0
    for u in range(n):
        g = parts[u]
        weight[g] += units[u][0]
        second[g] += units[u][1]
        area[g] += units[u][2]
        perim[g] += units[u][3]
        for e in range(xadj[u], xadj[u + 1]):
            v = adjncy[e]
            if parts[v] == g:
                perim[g] -= eweights[e] / 100.0
            elif v > u:
                cut += 1
    mean = sum(weight) / k
    mean2 = sum(second) / k
    dev = max(abs(w - mean) / mean for w in weight)
    dev2 = max(abs(w - mean2) / mean2 for w in second)
    pp = [4 * math.pi * area[g] / perim[g] ** 2 if perim[g] > 0 else 0 for g in range(k)]
    # Contiguity by BFS inside each part (real adjacency only).
    seen = [False] * n
    pieces = [0] * k
    for s in range(n):
        if seen[s]:
            continue
        pieces[parts[s]] += 1
        seen[s] = True
        queue = deque([s])
        while queue:
            u = queue.popleft()
            for e in range(xadj[u], xadj[u + 1]):
                v = adjncy[e]
                if not seen[v] and parts[v] == parts[u]:
                    seen[v] = True
                    queue.append(v)
    contiguous = sum(1 for p in pieces if p == 1)
    return dict(dev=dev, dev2=dev2, contiguous=contiguous, mean_pp=sum(pp) / k, min_pp=min(pp), cut=cut)


def gpmetis_ncon2(folder, name, k, ufactor, xadj, adjncy, eweights, units, runs):
    """gpmetis on the graph with two vertex weights (population, incidents) per unit: the median of
    its own partitioning times and the last partition."""
    if shutil.which("gpmetis") is None:
        sys.exit("bench-metis: gpmetis not found (apt-get install metis) for the multi-constraint row")
    path = f"{folder}/{name}.ncon2.graph"
    n = len(units)
    with open(path, "w") as f:
        f.write(f"{n} {len(adjncy) // 2} 011 2\n")
        for u in range(n):
            cells = [str(max(0, int(round(units[u][0] * 100)))), str(max(0, int(round(units[u][1] * 100))))]
            for e in range(xadj[u], xadj[u + 1]):
                cells += [str(adjncy[e] + 1), str(eweights[e])]
            f.write(" ".join(cells) + "\n")
    times = []
    for _ in range(runs):
        r = subprocess.run(["gpmetis", f"-ufactor={ufactor}", "-seed=1", path, str(k)],
                           capture_output=True, text=True, check=True)
        found = re.search(r"Partitioning:\s+([0-9.]+)\s+sec", r.stdout)
        if found is None:
            sys.exit(f"bench-metis: no partitioning time in gpmetis output:\n{r.stdout}")
        times.append(float(found.group(1)))
    parts = [int(x) for x in open(f"{path}.part.{k}")]
    return statistics.median(times), parts


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gridplan-bench"
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    rows = [line.rstrip("\n").split("\t") for line in open(f"{folder}/gridplan.tsv")][1:]
    cache = {}
    header = ("case", "units", "K", "method", "time_s", "max_dev", "contiguous", "mean_pp", "min_pp",
              "cut_edges", "dev_incidents", "time_ratio")
    print("\t".join(header))
    for row in rows:
        name, n, k, tol, gp_time = row[0], int(row[1]), int(row[2]), float(row[3]), float(row[4])
        banded = len(row) > 11 and row[11] != ""
        if name not in cache:
            cache[name] = (read_graph(f"{folder}/{name}.graph"), read_units(f"{folder}/{name}.units.tsv"))
        (xadj, adjncy, eweights, vweights), units = cache[name]
        gp_parts = [int(x) for x in open(f"{folder}/{name}.k{k}.gridplan.part")]
        gm = metrics(gp_parts, k, xadj, adjncy, eweights, units)
        metis_rows = []
        if banded:
            band = float(row[11])
            for ufactor in sorted({max(1, int(round(tol * 1000))), max(1, int(round(band * 1000)))}):
                t, parts = gpmetis_ncon2(folder, name, k, ufactor, xadj, adjncy, eweights, units, runs)
                metis_rows.append((f"METIS ncon=2 (gpmetis, ufactor {ufactor})", t,
                                   metrics(parts, k, xadj, adjncy, eweights, units)))
            label = f"gridplan (incidents ±{band * 100:g}%)"
        else:
            opts = pymetis.Options(ufactor=max(1, int(round(tol * 1000))), contig=False, seed=1)
            times = []
            parts = None
            for _ in range(runs):
                t0 = time.perf_counter()
                _cut, parts = pymetis.part_graph(k, xadj=xadj, adjncy=adjncy, vweights=vweights,
                                                 eweights=eweights, options=opts)
                times.append(time.perf_counter() - t0)
            metis_rows.append(("METIS", statistics.median(times), metrics(parts, k, xadj, adjncy, eweights, units)))
            label = "gridplan"
        metis_time = metis_rows[0][1]
        for method, t, m in [(label, gp_time, gm)] + metis_rows:
            print("\t".join(str(x) for x in (
                name, n, k, method, f"{t:.4f}", f"{m['dev'] * 100:.2f}%", f"{m['contiguous']}/{k}",
                f"{m['mean_pp']:.3f}", f"{m['min_pp']:.3f}", m["cut"], f"{m['dev2'] * 100:.1f}%",
                f"{gp_time / metis_time:.1f}x" if method == label else "1")))


if __name__ == "__main__":
    main()
