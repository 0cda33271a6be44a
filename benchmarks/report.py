#!/usr/bin/env python3
"""Turns a JMH JSON result file into the table and RATIO lines that benchmarks/run prints.

    report.py RESULTS.json [--ratio 'ID|BENCHMARK|PARLEY_PEER|PEER|GOAL|NOTE'] ...

ID may name other @Param values, e.g. 'S2/grpc-direct/{inFlight}'. BENCHMARK is the method's name with
its class, e.g. 'LocalCallBenchmark.echo', optionally followed by the figure to compare:
'UnaryLatencyBenchmark.echo:p50' (the score is the default; 'p50' and 'p99' exist for SampleTime
benchmarks, 'heapPerCall' for those reporting heapBytes and heldCalls counters, or any secondary result
of one value per iteration, averaged per fork). A figure 'A/B' takes both sides from one row, the one of
@Param peer PEER: a paired benchmark, which measures Parley (A) and the peer (B) in the same trial, as in
'RabbitMqPairedLatencyBenchmark.latency:parleyP50/peerP50'. PARLEY_PEER and PEER
are @Param peer values, each optionally with other @Param values that the side must have, as in
'parley[inFlight=10000]' against 'parley[inFlight=128]' (otherwise both sides share all other
parameters); PEER may instead be a constant, '=8192', to compare against a budget. GOAL is 'none',
'<= 0.8' or '>= 1.5', or 'added <= 50' for a goal on Parley - peer in the figure's unit (the line still
shows Parley / peer, and the difference beside it; the spread of the per-fork differences is taken
relative to the peer's figure, so that the 5% rule means the same as for a ratio). The value of a ratio is Parley / peer; with several forks it is the median of the
per-fork ratios (fork i of Parley against fork i of the peer), and a spread of more than 5% around it
makes the ratio inconclusive (BENCHMARKS.md).
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


def percentile(histogram, q):
    """The q-th percentile (0..100) of {value: count}, nearest rank."""
    total = sum(histogram.values())
    if total == 0:
        return math.nan
    rank = max(1, math.ceil(q / 100 * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return math.nan


def fork_histograms(pm):
    """SampleTime: one {value: count} per fork, its iterations merged."""
    forks = []
    for fork in pm.get("rawDataHistogram") or []:
        h = {}
        for iteration in fork:
            for value, count in iteration:
                h[number(value)] = h.get(number(value), 0) + int(count)
        if h:
            forks.append(h)
    return forks


class Row:
    def __init__(self, entry):
        self.benchmark = short_name(entry["benchmark"])
        params = dict(entry.get("params") or {})
        self.peer = params.pop("peer", "-")
        self.others = params
        self.mode = entry.get("mode", "")
        pm = entry["primaryMetric"]
        self.score = number(pm["score"])
        self.error = number(pm.get("scoreError"))
        self.unit = pm["scoreUnit"]
        self.forks = [statistics.fmean(map(number, f)) for f in pm.get("rawData") or [] if f]
        secondary = entry.get("secondaryMetrics") or {}
        alloc = secondary.get("gc.alloc.rate.norm")
        self.alloc = number(alloc["score"]) if alloc else math.nan
        # Each figure a ratio may name: (value over all forks, one value per fork).
        self.metrics = {"score": (self.score, self.forks)}
        histograms = fork_histograms(pm)
        if histograms:
            self.forks = [sum(v * c for v, c in h.items()) / sum(h.values()) for h in histograms]
            self.metrics["score"] = (self.score, self.forks)
            percentiles = pm.get("scorePercentiles") or {}
            for name, q in (("p50", 50), ("p99", 99)):
                overall = number(percentiles.get(f"{q}.0"))
                self.metrics[name] = (overall, [percentile(h, q) for h in histograms])
        heap, calls = secondary.get("heapBytes"), secondary.get("heldCalls")
        if heap and calls:
            per_fork = [sum(map(number, b)) / sum(map(number, c))
                        for b, c in zip(heap.get("rawData") or [], calls.get("rawData") or [])
                        if c and sum(map(number, c)) > 0]
            total_calls = sum(sum(map(number, c)) for c in calls.get("rawData") or [])
            total_heap = sum(sum(map(number, b)) for b in heap.get("rawData") or [])
            self.metrics["heapPerCall"] = (total_heap / total_calls if total_calls else math.nan, per_fork)
        for name, result in secondary.items():
            if name.startswith("gc.") or name in self.metrics:
                continue
            per_fork = [statistics.fmean(map(number, f)) for f in result.get("rawData") or [] if f]
            if per_fork:
                self.metrics[name] = (statistics.fmean(per_fork), per_fork)

    def pairs(self):
        """The figures a paired benchmark gives for both sides: ('Rate', 'parleyRate', 'peerRate'), ..."""
        return [(name[len("parley"):], name, "peer" + name[len("parley"):]) for name in self.metrics
                if name.startswith("parley") and "peer" + name[len("parley"):] in self.metrics]

    def metric(self, name):
        return self.metrics.get(name, (math.nan, []))

    def params_text(self):
        return ",".join(f"{k}={v}" for k, v in sorted(self.others.items())) or "-"


def table(rows):
    show_params = any(r.others for r in rows)
    # Extra columns only when some row has the figure: percentiles of SampleTime, heap per held call.
    extras = [name for name, title in EXTRA_COLUMNS if any(name in r.metrics for r in rows)]
    titles = dict(EXTRA_COLUMNS)
    header = ["benchmark", "peer"] + (["params"] if show_params else []) + ["score", "error", "unit"]
    header += [titles[name] for name in extras] + ["alloc B/op"]
    lines = []
    for r in rows:
        line = [r.benchmark, r.peer] + ([r.params_text()] if show_params else [])
        line += [fmt(r.score), "± " + fmt(r.error), r.unit]
        line += [fmt(r.metric(name)[0]) if name in r.metrics else "" for name in extras]
        line += [alloc_text(r.alloc)]
        lines.append(line)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    numeric = {header.index(h) for h in ("score", "error", "alloc B/op", *(titles[n] for n in extras))}

    def render(cells):
        return "  ".join(str(c).rjust(w) if i in numeric else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    print(render(header))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print(render(line))
    paired_table(rows)


def paired_table(rows):
    """The paired benchmarks' own figures, Parley's and the peer's from the same trials."""
    lines = [[r.benchmark, r.peer, r.params_text(), figure, fmt(r.metric(a)[0]), fmt(r.metric(b)[0])]
             for r in rows for figure, a, b in r.pairs()]
    if not lines:
        return
    print()
    print("paired: Parley and the peer measured in turns in the same trials (mean of the iterations' figures)")
    header = ["benchmark", "peer", "params", "figure", "parley", "peer"]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    for cells in [header, ["-" * w for w in widths]] + lines:
        print("  ".join(str(c).rjust(w) if i >= 4 else str(c).ljust(w)
                        for i, (c, w) in enumerate(zip(cells, widths))).rstrip())


EXTRA_COLUMNS = [("p50", "p50"), ("p99", "p99"), ("heapPerCall", "heap B/call")]


def side(text):
    """'parley[inFlight=128]' as ('parley', {'inFlight': '128'})."""
    name, _, rest = text.partition("[")
    wanted = {}
    for pair in rest.rstrip("]").split(","):
        if "=" in pair:
            k, _, v = pair.partition("=")
            wanted[k.strip()] = v.strip()
    return name.strip(), wanted


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
    bench, _, metric = bench.partition(":")
    metric = metric or "score"
    if "/" in metric:
        return paired_lines(rows, rid, bench, metric, peer, goal, note)
    parley_name, parley_wants = side(parley_peer)
    constant = number(peer[1:]) if peer.startswith("=") else None
    peer_name, peer_wants = side(peer) if constant is None else ("", {})
    found = False
    for p in rows:
        if p.benchmark != bench or p.peer != parley_name or metric not in p.metrics:
            continue
        if any(p.others.get(k) != v for k, v in parley_wants.items()):
            continue
        value_all, forks = p.metric(metric)
        if constant is not None:
            base_all, base_forks = constant, [constant] * len(forks)
        else:
            wanted = dict(p.others, **peer_wants)
            base = next((b for b in rows if b.benchmark == bench and b.peer == peer_name and b.others == wanted
                         and metric in b.metrics), None)
            if base is None:
                continue
            base_all, base_forks = base.metric(metric)
        found = True
        pairs = [a / b for a, b in zip(forks, base_forks) if b > 0 and not math.isnan(a)]
        value = statistics.median(pairs) if pairs else value_all / base_all if base_all > 0 else math.nan
        spread = spread_of(pairs, value, value)
        print_ratio(rid, p.others, value, goal, [note] if note else [], verdict(goal, value, spread, len(pairs)),
                    len(pairs), "paired forks", spread)
    if not found:
        print_unmeasured(rows, rid, bench, goal, f"{metric} of peer {parley_peer} or {peer}")


def spread_of(values, center, scale):
    """The largest distance of a value from center, relative to scale."""
    return max((abs(v - center) / scale for v in values), default=math.nan) if scale else math.nan


def print_ratio(rid, others, value, goal, details, verdict_text, forks, how, spread):
    """One RATIO line: the verdict first, then the details, then how many forks and their spread."""
    if forks >= 2:
        details.append(f"median of {forks} {how}, spread ±{spread * 100:.1f}%")
    else:
        details.append("1 fork, no spread")
    if verdict_text:
        details.insert(0, verdict_text)
    ident = rid.format(**others) if others else rid
    print(f"RATIO {ident} {fmt(value, 2)} goal {goal} ({'; '.join(details)})")


def print_unmeasured(rows, rid, bench, goal, lacking):
    # Left out: an informational ratio whose peer was not asked for, and any ratio of a benchmark that was not
    # part of this run (BENCH_ONLY).
    if goal != "none" and any(r.benchmark == bench for r in rows):
        print(f"RATIO {rid} n/a goal {goal} (not measured: {bench} lacks {lacking})")


def paired_lines(rows, rid, bench, metric, peer, goal, note):
    """A ratio of a paired benchmark: both figures from the row of @Param peer PEER, fork by fork."""
    a_name, _, b_name = metric.partition("/")
    peer_name, peer_wants = side(peer)
    found = False
    for r in rows:
        if r.benchmark != bench or r.peer != peer_name or a_name not in r.metrics or b_name not in r.metrics:
            continue
        if any(r.others.get(k) != v for k, v in peer_wants.items()):
            continue
        found = True
        a_forks, b_forks = r.metric(a_name)[1], r.metric(b_name)[1]
        forks = [(a, b) for a, b in zip(a_forks, b_forks) if b > 0 and not math.isnan(a)]
        ratios = [a / b for a, b in forks]
        value = statistics.median(ratios) if ratios else math.nan
        details = [note] if note else []
        if goal.startswith("added "):
            diffs = [a - b for a, b in forks]
            diff = statistics.median(diffs) if diffs else math.nan
            base = statistics.median(b for _, b in forks) if forks else math.nan
            spread = spread_of(diffs, diff, base)
            details.append(f"added {diff:+.1f} ({r.metric(a_name)[0]:.1f} against {r.metric(b_name)[0]:.1f})")
            v = verdict(goal[len("added "):], diff, spread, len(forks))
        else:
            spread = spread_of(ratios, value, value)
            v = verdict(goal, value, spread, len(forks))
        print_ratio(rid, r.others, value, goal, details, v, len(forks), "forks, both peers in each", spread)
    if not found:
        print_unmeasured(rows, rid, bench, goal, f"{metric} for peer {peer}")


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
