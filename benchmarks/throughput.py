#!/usr/bin/env python3
"""Throughput: lint every article in a folder in one process and print the figures.

    python benchmarks/throughput.py [FOLDER] [--repeat N] [--select RULES] [--ignore RULES]

Prints start-up (imports, rule loading, engine build), linting time for all articles (best of
--repeat runs, after one warm-up run that loads lazy resources), articles per second and peak
memory. One process, one core.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, corpus_files, machine  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--select", default="")
    ap.add_argument("--ignore", default="")
    args = ap.parse_args()

    os.environ.pop("NEWSLINT_LANGUAGETOOL_URL", None)  # default rules, no LanguageTool
    files = corpus_files(args.folder)
    t0 = time.perf_counter()
    from newslint.run.linter import Linter
    select = [s for s in args.select.split(",") if s]
    ignore = [s for s in args.ignore.split(",") if s]
    linter = Linter(select=select, ignore=ignore)
    linter.engine(files[0])
    startup = time.perf_counter() - t0

    t1 = time.perf_counter()
    findings = sum(len(linter.lint_file(p).diagnostics) for p in files)  # warm-up: lazy resources load
    warmup = time.perf_counter() - t1
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        for p in files:
            linter.lint_file(p)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(machine())
    print(f"articles: {len(files)} from {args.folder}")
    print(f"rules: {len(linter.engine(files[0]).checks)} checks; findings: {findings}")
    print(f"start-up (imports, rules, engine): {startup:.3f} s")
    print(f"first pass (loads lazy resources): {warmup:.3f} s")
    print(f"linting, best of {args.repeat}: {best:.3f} s  ->  {len(files) / best:.0f} articles/s on one core "
          f"(CPU {best_cpu:.3f} s)")
    print(f"peak memory: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
