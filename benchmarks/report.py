#!/usr/bin/env python3
"""Turns a JMH JSON result file into the table and RATIO lines that benchmarks/run prints.

    report.py RESULTS.json [--ratio 'ID|BENCHMARK|PARLEY_PEER|PEER|GOAL|NOTE'] ...

ID may name other @Param values, e.g. 'S2/grpc-direct/{inFlight}'. BENCHMARK is the method's name with
its class, e.g. 'LocalCallBenchmark.echo'. GOAL is 'none', '<= 0.8' or '>= 1.5'. The value of a ratio is
Parley / peer; with several forks it is the median of the per-fork ratios (fork i of Parley against fork
i of the peer), and a spread of more than 5% around it makes the ratio inconclusive (BENCHMARKS.md).
"""

import json
import math
import statistics
import sys

SPREAD_LIMIT = 0.05


def number(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return math.nan
    return f


def short_name(benchmark):
    parts = benchmark.split(".")
    return ".".join(parts[-2:])


def fmt(v, digits=None):
    if math.isnan(v):
        return "n/a"
    if digits is not None:
        return f"{v:.{digits}f}"
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:.2f}"
    if abs(v) >= 0.001:
        return f"{v:.3f}"
    return f"{v:.1e}"


def alloc_text(v):
    # JMH reports a few 1e-5 B/op for code that allocates nothing (its own bookkeeping, spread over ops).
    return fmt(v) if math.isnan(v) else "0" if v < 0.5 else f"{v:,.0f}"


class Row:
    def __init__(self, entry):
        self.benchmark = short_name(entry["benchmark"])
        params = dict(entry.get("params") or {})
        self.peer = params.pop("peer", "-")
        self.others = params
        pm = entry["primaryMetric"]
        self.score = number(pm["score"])
        self.error = number(pm.get("scoreError"))
        self.unit = pm["scoreUnit"]
        self.forks = [statistics.fmean(map(number, f)) for f in pm.get("rawData") or [] if f]
        alloc = (entry.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        self.alloc = number(alloc["score"]) if alloc else math.nan

    def params_text(self):
        return ",".join(f"{k}={v}" for k, v in sorted(self.others.items())) or "-"


def table(rows):
    show_params = any(r.others for r in rows)
    header = ["benchmark", "peer"] + (["params"] if show_params else []) + ["score", "error", "unit", "alloc B/op"]
    lines = []
    for r in rows:
        line = [r.benchmark, r.peer] + ([r.params_text()] if show_params else [])
        line += [fmt(r.score), "± " + fmt(r.error), r.unit, alloc_text(r.alloc)]
        lines.append(line)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    numeric = {header.index(h) for h in ("score", "error", "alloc B/op")}

    def render(cells):
        return "  ".join(str(c).rjust(w) if i in numeric else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    print(render(header))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print(render(line))


def verdict(goal, value, spread, n):
    if goal == "none":
        return None
    op, _, target = goal.partition(" ")
    target = number(target)
    ok = value <= target if op == "<=" else value >= target if op == ">=" else None
    if ok is None or math.isnan(target):
        return "goal not understood"
    if n >= 2 and spread > SPREAD_LIMIT:
        return "inconclusive"
    return "pass" if ok else "FAIL"


def ratio_lines(rows, spec):
    rid, bench, parley_peer, peer, goal, note = (spec.split("|") + [""] * 6)[:6]
    found = False
    for p in rows:
        if p.benchmark != bench or p.peer != parley_peer:
            continue
        base = next((b for b in rows if b.benchmark == bench and b.peer == peer and b.others == p.others), None)
        if base is None:
            continue
        found = True
        pairs = [a / b for a, b in zip(p.forks, base.forks) if b > 0]
        value = statistics.median(pairs) if pairs else p.score / base.score if base.score > 0 else math.nan
        spread = max((abs(r / value - 1) for r in pairs), default=math.nan) if value else math.nan
        details = []
        if note:
            details.append(note)
        if len(pairs) >= 2:
            details.append(f"median of {len(pairs)} paired forks, spread ±{spread * 100:.1f}%")
        else:
            details.append("1 fork, no spread")
        v = verdict(goal, value, spread, len(pairs))
        if v:
            details.insert(0, v)
        ident = rid.format(**p.others) if p.others else rid
        print(f"RATIO {ident} {fmt(value, 2)} goal {goal} ({'; '.join(details)})")
    if not found:
        print(f"RATIO {rid} n/a goal {goal} (not measured: {bench} lacks peer {parley_peer} or {peer})")


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    path, rest = argv[0], argv[1:]
    specs = []
    while rest:
        if rest[0] != "--ratio" or len(rest) < 2:
            sys.exit(f"report.py: unexpected argument {rest[0]!r}\n{__doc__}")
        specs.append(rest[1])
        rest = rest[2:]
    with open(path, encoding="utf-8") as f:
        rows = [Row(e) for e in json.load(f)]
    if not rows:
        sys.exit(f"report.py: {path} holds no results")
    table(rows)
    print()
    for spec in specs:
        ratio_lines(rows, spec)


if __name__ == "__main__":
    main(sys.argv[1:])
