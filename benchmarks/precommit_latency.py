#!/usr/bin/env python3
"""One-file latency: what a pre-commit hook costs per commit.

    python benchmarks/precommit_latency.py [FILE] [--runs N]

Runs `newslint check FILE` (the hook's command; a fresh process each time, default rules, no
LanguageTool) N times and prints the wall time: min, median and 90th percentile. Target: a
median of at most 0.25 s. FILE defaults to the first article of ../shared/corpus/news.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "news"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    path = Path(args.file) if args.file else sorted(DEFAULT_CORPUS.rglob("*.txt"))[0]
    exe = shutil.which("newslint", path=str(Path(sys.executable).parent)) or shutil.which("newslint")
    command = [exe, "check", str(path)] if exe else [sys.executable, "-m", "newslint", "check", str(path)]
    # as installed: compiled bytecode cached (a PYTHONDONTWRITEBYTECODE in the shell would
    # make every run compile newslint's sources again)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    subprocess.run(command, capture_output=True, env=env)  # warm the caches: files, bytecode
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    times.sort()
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(command))}"
          f"  ({path.stat().st_size:,} bytes)")
    print(f"one-file run, {args.runs} runs: min {times[0]:.3f} s, median {statistics.median(times):.3f} s, "
          f"p90 {p90:.3f} s  (target: median <= 0.25 s)")


if __name__ == "__main__":
    main()
