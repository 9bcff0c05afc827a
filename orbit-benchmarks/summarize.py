#!/usr/bin/env python3
"""Folds the JMH JSON results and the latency harness table into one markdown table."""
import json
import sys


def number(value):
    """JMH writes "NaN" (a string) for the error of a single iteration."""
    try:
        return f"{float(value):.3f}"
    except (TypeError, ValueError):
        return "n/a"


def main(jmh_path, latency_path):
    with open(jmh_path) as f:
        runs = json.load(f)
    print("| benchmark | params | score | unit | alloc B/op | secondary |")
    print("|---|---|---|---|---|---|")
    for run in runs:
        name = run["benchmark"].split(".")[-2] + "." + run["benchmark"].split(".")[-1]
        params = ",".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
        primary = run["primaryMetric"]
        secondary = run.get("secondaryMetrics", {})
        alloc = (secondary.get("gc.alloc.rate.norm") or secondary.get("·gc.alloc.rate.norm") or {}).get("score")
        alloc_text = "-" if alloc is None else number(alloc)
        extras = []
        for key, metric in sorted(secondary.items()):
            if "gc." not in key:
                extras.append(f"{key}={number(metric['score'])} {metric['scoreUnit']}")
        print(f"| {name} | {params} | {number(primary['score'])} ± {number(primary['scoreError'])} | {primary['scoreUnit']} "
              f"| {alloc_text} | {'; '.join(extras)} |")
    print()
    with open(latency_path) as f:
        table = False
        for line in f:
            if line.startswith("Round trip") or line.startswith("|"):
                table = True
            if table:
                print(line.rstrip())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
