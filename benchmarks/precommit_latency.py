#!/usr/bin/env python3
"""One-file latency: what a pre-commit hook costs per commit.

    python benchmarks/precommit_latency.py [FILE] [--runs N]

Runs `newslint check FILE` (the hook's command; a fresh process each time, default rules, no
LanguageTool, bytecode cached as when installed) N times and prints the wall time (min, median,
90th percentile) and the CPU time, which a busy machine inflates less. Then where the time of
one run goes, timed inside a fresh process: imports, reading the rules and building the engine,
linting the file (which loads the lexicon and the other lazy resources). Target: a median of
at most 0.25 s. FILE defaults to the first article of ../shared/corpus/news.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, clean_env, machine, newslint_command, pct, run  # noqa: E402

PHASES = r"""
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from newslint.app.cli import main  # noqa: F401 - what the command imports first
from newslint.run.linter import Linter
t1 = time.perf_counter()
linter = Linter()
path = Path(sys.argv[1])
linter.engine(path)
t2 = time.perf_counter()
linter.lint_file(path)
t3 = time.perf_counter()
print(f"{t1 - t0:.4f} {t2 - t1:.4f} {t3 - t2:.4f}")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    path = Path(args.file) if args.file else sorted(DEFAULT_CORPUS.rglob("*.txt"))[0]
    command = [*newslint_command(), "check", str(path)]
    env = clean_env()
    subprocess.run(command, capture_output=True, env=env)  # warm the caches: files, bytecode, lexicon
    runs = [run(command, env=env, memory=False) for _ in range(min(max(1, args.runs), 500))]
    walls = sorted(r.wall for r in runs)
    cpus = sorted(r.cpu for r in runs)
    phases = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", PHASES, str(path)], capture_output=True, text=True,
                             env=env, check=True)
        phases.append([float(x) for x in out.stdout.split()])
    imports, engine, lint = (statistics.median(p[i] for p in phases) for i in range(3))
    print(machine())
    print(f"command: newslint check {path}  ({path.stat().st_size:,} bytes)")
    print(f"one-file run, {len(runs)} runs: wall min {walls[0]:.3f} s, median {statistics.median(walls):.3f} s, "
          f"p90 {pct(walls, 0.9):.3f} s  (target: median <= 0.25 s); CPU median {statistics.median(cpus):.3f} s")
    print(f"inside one run (median of 5): imports {imports:.3f} s, rules and engine {engine:.3f} s, "
          f"linting the file with lazy loads {lint:.3f} s; the rest is the interpreter's own start")


if __name__ == "__main__":
    main()
