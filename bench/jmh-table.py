#!/usr/bin/env python3
"""Prints a Markdown table from a JMH JSON result: median and min ns/op of the measured iterations, and B/op."""
import json
import statistics
import sys

rows = []
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].replace("engine.bench.", "")
    params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    rows.append((name, params, statistics.median(raw), min(raw), max(raw), alloc, r["primaryMetric"]["scoreUnit"]))
print("| benchmark | params | median | min | max | unit | B/op |")
print("|---|---|---:|---:|---:|---|---:|")
for name, params, med, lo, hi, alloc, unit in rows:
    print(f"| {name} | {params} | {med:,.1f} | {lo:,.1f} | {hi:,.1f} | {unit} | {alloc:.3f} |")
