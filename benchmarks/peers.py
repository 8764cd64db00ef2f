#!/usr/bin/env python3
"""Throughput against the peers, in one run: newslint on one core and on all cores, codespell
and Harper, over the same articles.

    python benchmarks/peers.py [FOLDER] [--repeat N] [--no-peers] [--no-harper]

FOLDER defaults to the 800 articles of ../shared/corpus/news. Default rules, no LanguageTool.
Each command is timed as a user runs it (fresh process, output to /dev/null, bytecode cached),
best of N, the commands interleaved so that a busy spell on the machine hits them alike:

  newslint -j1   newslint check FOLDER --format json --jobs 1
  newslint -jN   the same with one process per core
  codespell      codespell FOLDER
  harper         a fresh Python process: build harper.Linter, read and lint every file
                 (harper-py, the Harper grammar checker's Rust core). Harper takes some 30 ms
                 an article here (over a minute for the corpus), so it runs once, not N times.

For each: wall time, articles/s, CPU time (user + system, all processes) and peak memory of
the process tree (PSS: pages shared by forked workers counted once), sampled in a separate run
so that the sampling does not slow the timed ones. Then the in-process
figures: newslint's linting phase (engine built, files read and linted; newslint.run.pool.run)
on 1 and N processes, and Harper's lint calls alone (timed inside its run), after its Linter
is built.

Targets (issue 7): the whole corpus in at most 2x codespell's wall time; the all-core run at
least 1.7x the one-core run on 2 cores. The peers are reference points, installed by
`pip install -r benchmarks/requirements.txt`, not dependencies of newslint.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    DEFAULT_CORPUS,
    Run,
    best_time,
    clean_env,
    cores,
    corpus_files,
    machine,
    newslint_command,
    run,
)

HARPER = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from harper import Linter
linter = Linter()
t1 = time.perf_counter()
paths = [Path(p) for p in sys.argv[1:]]
texts = [p.read_text(encoding="utf-8") for p in paths]
t2 = time.perf_counter()
lints = sum(len(linter.lint(t)) for t in texts)
t3 = time.perf_counter()
print(json.dumps({"build": t1 - t0, "read": t2 - t1, "lint": t3 - t2, "lints": lints}))
"""


def line(name: str, r: Run, files: int, base: float | None = None) -> str:
    versus = f"  {r.wall / base:.2f}x codespell" if base else ""
    return (f"  {name:<14} {r.wall:6.3f} s wall  {files / r.wall:6.0f} articles/s  "
            f"cpu {r.cpu:6.3f} s  memory {r.memory()}{versus}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-peers", action="store_true", help="newslint only")
    ap.add_argument("--no-harper", action="store_true", help="leave out Harper (over a minute)")
    args = ap.parse_args()
    files = corpus_files(args.folder)
    n = cores()
    base = [*newslint_command(), "check", args.folder, "--format", "json"]
    commands: dict[str, list[str]] = {"newslint -j1": base + ["--jobs", "1"],
                                      f"newslint -j{n}": base + ["--jobs", str(n)]}
    if not args.no_peers:
        codespell = shutil.which("codespell", path=str(Path(sys.executable).parent)) or shutil.which("codespell")
        if codespell:
            commands["codespell"] = [codespell, args.folder]
    env = clean_env()
    for command in commands.values():  # warm the caches: files, bytecode, newslint's lexicon
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    runs: dict[str, Run] = {}
    for _ in range(args.repeat):  # timed without the memory sampler (it would take CPU from them)
        for name, command in commands.items():
            r = run(command, env=env, memory=False)
            if name not in runs or r.wall < runs[name].wall:
                runs[name] = r
    for name, command in commands.items():  # then one run each for the memory
        sampled = run(command, env=env)
        runs[name].peak_rss, runs[name].peak_pss = sampled.peak_rss, sampled.peak_pss
    harper = None
    if not args.no_peers and not args.no_harper and importlib.util.find_spec("harper"):
        runs["harper"] = run([sys.executable, "-c", HARPER, *map(str, files)], env=env, capture=True)
        harper = json.loads(runs["harper"].stdout)

    print(machine())
    print(f"articles: {len(files)} in {args.folder} ({sum(p.stat().st_size for p in files) / 1e6:.2f} MB)")
    print(f"commands, fresh process, best of {args.repeat} (harper: one run):")
    ref = runs["codespell"].wall if "codespell" in runs else None
    for name, r in runs.items():
        print(line(name, r, len(files), ref if name != "codespell" else None))
    one, many = runs["newslint -j1"], runs[f"newslint -j{n}"]
    print(f"  scaling of the command: {one.wall / many.wall:.2f}x on {n} cores  (target: >= 1.7x on 2 cores)")
    if ref:
        print(f"  newslint, all cores, against codespell: {many.wall / ref:.2f}x its wall time  (target: <= 2x)")
    if harper is None and not args.no_peers and not args.no_harper:
        print("  harper: not installed (pip install -r benchmarks/requirements.txt)")

    print("in-process:")
    from newslint.run.linter import Linter
    from newslint.run.pool import run as lint_all
    from newslint.settings.paths import walk
    linter = Linter()
    config = linter.config(Path(args.folder))
    paths = list(walk(Path(args.folder), config.root, config.include, config.exclude))
    t = time.perf_counter()
    lint_all(linter, paths[:1], jobs=1)  # builds the engine, loads lazy resources
    print(f"  newslint start-up in this process (engine, lazy resources, first file): {time.perf_counter() - t:.3f} s")
    phase = {1: float("inf"), n: float("inf")}
    for _ in range(args.repeat):
        for jobs in phase:
            phase[jobs] = min(phase[jobs], best_time(lambda jobs=jobs: lint_all(linter, paths, jobs=jobs), 1))
    for jobs, seconds in phase.items():
        print(f"  newslint linting phase, {jobs} process{'es' if jobs > 1 else ''}: {seconds:.3f} s  "
              f"({len(paths) / seconds:.0f} articles/s, {seconds / len(paths) * 1000:.2f} ms an article)")
    print(f"  scaling of the linting phase: {phase[1] / phase[n]:.2f}x on {n} cores")
    if harper is not None:
        print(f"  harper: Linter() {harper['build']:.3f} s; lint calls {harper['lint']:.3f} s, one run "
              f"({len(files) / harper['lint']:.0f} articles/s, {harper['lints']} lints)")


if __name__ == "__main__":
    main()
