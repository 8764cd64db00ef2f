#!/usr/bin/env python3
"""Many files: `newslint check FOLDER` on one core and on all cores, as a user runs it.

    python benchmarks/parallel.py [FOLDER] [--repeat N]

Wall time of the whole command (start-up, walking, linting, JSON output to /dev/null), best of
N (interleaved), with --jobs 1 and with one process per core, and the speed-up; then the linting phase alone
(newslint.runner.run in this process, engine already built), which is what scales. FOLDER
defaults to the 800 articles of ../shared/corpus/news.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "news"


def wall(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # bytecode cached, as installed
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**env, "CI": "1"})
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    files = sum(1 for p in Path(args.folder).rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm"))
    base = [sys.executable, "-m", "newslint", "check", args.folder, "--format", "json"]
    one = many = float("inf")
    for _ in range(args.repeat):  # interleaved, so that a busy spell on the machine hits both alike
        one = min(one, wall(base + ["--jobs", "1"], 1))
        many = min(many, wall(base + ["--jobs", str(cores)], 1))
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}")
    print(f"files: {files} in {args.folder}")
    print(f"--jobs 1:  {one:.3f} s  ({files / one:.0f} files/s)")
    print(f"--jobs {cores}:  {many:.3f} s  ({files / many:.0f} files/s)")
    print(f"speed-up of the command: {one / many:.2f}x on {cores} cores")

    from newslint.lint import Linter
    from newslint.paths import walk
    from newslint.runner import run
    linter = Linter()
    config = linter.config(Path(args.folder))
    paths = list(walk(Path(args.folder), config.root, config.include, config.exclude))
    run(linter, paths[:1], jobs=1)
    phase = {1: float("inf"), cores: float("inf")}
    for _ in range(args.repeat):
        for jobs in (1, cores):
            t = time.perf_counter()
            run(linter, paths, jobs=jobs)
            phase[jobs] = min(phase[jobs], time.perf_counter() - t)
    print(f"linting phase: {phase[1]:.3f} s on 1 process, {phase[cores]:.3f} s on {cores}: "
          f"{phase[1] / phase[cores]:.2f}x")


if __name__ == "__main__":
    main()
