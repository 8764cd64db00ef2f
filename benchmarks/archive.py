#!/usr/bin/env python3
"""Archives on Dask: scaling from one worker to two, memory per worker, and the cost per article
against the plain CLI.

    python benchmarks/archive.py [FOLDER] [--records 100000] [--phase-records 20000] [--repeat 3]
                                 [--workdir /tmp/newslint-archive-bench]

Archives are built at benchmark time in --workdir (outside the repository) from the articles of
FOLDER (default: the corpus): their first line is the headline, the rest the body; ids are
unique and dates spread over 2015-2024. One article a record; the 100k archive repeats the corpus,
each article ending with a made-up reporter's name (unique words, as a real archive's names: the
memory of the caches that grow with the vocabulary is measured, not assumed).

1. Cost per article, the corpus as it is (one record per article), each a fresh process, best of
   --repeat: `newslint check FOLDER --format json --jobs 1` (files), `newslint check
   --input-format jsonl` (records, one process), `newslint archive check --workers 1` and
   `--workers 2` (a local cluster, its start included).
2. The linting phase, 1 against 2 workers: two local clusters (1 and 2 worker processes of one
   thread) are started and warmed (each worker has built its Linter and linted a partition),
   then the first --phase-records records are linted on each in turn, --repeat times,
   alternating; the time from the first partition sent to the last row written. Before and after,
   the machine's ceiling: two CPU-bound Python processes against one (2.0x on two free cores).
3. Memory: the --records archive on 2 workers; the peak RSS and PSS of each worker process,
   sampled from /proc every 0.1 s, and the client's (which also runs the scheduler).
Prints the figures and what N cores would do at the measured rate and 2-worker efficiency.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    DEFAULT_CORPUS,
    MemorySampler,
    clean_env,
    corpus_files,
    machine,
    newslint_command,
    run,
    two_process_ceiling,  # noqa: E402
)

FIELDS = ["--text-field", "body", "--id-field", "id", "--date-field", "date", "--title-field", "headline"]


SYLLABLES = ("ka", "lo", "vi", "ren", "dor", "mi", "sa", "tek", "bru", "yan", "pol", "zu", "gar", "ne", "fi", "os")


def made_up_name(rng: random.Random) -> str:
    """A reporter's name made of syllables: an archive's vocabulary keeps growing with its names."""
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize() for n in (2, 5))


def build_archive(files: list[Path], path: Path, count: int, names: bool = False) -> Path:
    """`count` records from the articles, in turn (written once; kept for later runs); with
    `names`, each article ends with a made-up reporter's name."""
    if path.exists():
        return path
    articles = []
    for file in files:
        headline, _, body = file.read_text(encoding="utf-8").partition("\n")
        articles.append((file.stem, headline.strip(), body.strip("\n")))
    rng = random.Random(17)
    start = dt.date(2015, 1, 1)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for i in range(count):
            stem, headline, body = articles[i % len(articles)]
            day = start + dt.timedelta(days=rng.randrange(10 * 365))
            if names:
                body += f"\n\nReporting by {made_up_name(rng)}.\n"
            out.write(json.dumps({"id": f"{stem}-{i:07d}", "headline": headline, "body": body,
                                  "date": day.isoformat(), "url": f"https://example.org/{i}"}) + "\n")
    tmp.replace(path)
    return path


def head(path: Path, records: int, target: Path) -> Path:
    if not target.exists():
        with open(path, encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
            for _, line in zip(range(records), source):
                out.write(line)
    return target


def fresh_runs(label: str, command: list[str], repeat: int, articles: int) -> float:
    runs = [run(command, env=clean_env(), timeout=1800) for _ in range(repeat)]
    walls = sorted(r.wall for r in runs)
    bad = [r.returncode for r in runs if r.returncode not in (0, 1)]
    if bad:
        sys.exit(f"{label}: exit status {bad[0]}")
    best = min(runs, key=lambda r: r.wall)
    print(f"  {label:<48} {walls[0]:7.2f} s (spread {walls[0]:.2f}-{walls[-1]:.2f})  "
          f"{1000 * walls[0] / articles:6.2f} ms/article  CPU {best.cpu:6.2f} s  {best.memory()}")
    return walls[0]


def cost_per_article(folder: str, files: list[Path], corpus: Path, workdir: Path, repeat: int) -> None:
    n = len(files)
    exe = newslint_command()
    print(f"1. cost per article: {n} articles, fresh process each run, best of {repeat} (spread)")
    fresh_runs("newslint check FOLDER --jobs 1 (files)", [*exe, "check", folder, "--format", "json", "--jobs", "1"],
               repeat, n)
    fresh_runs("newslint check FOLDER (files, all cores)", [*exe, "check", folder, "--format", "json"], repeat, n)
    out = str(workdir / "findings.jsonl")
    fresh_runs("check --input-format jsonl (records)", [*exe, "check", "--input-format", "jsonl", *FIELDS,
                                                        str(corpus), "--output", out], repeat, n)
    for workers in (1, 2):
        fresh_runs(f"archive check --workers {workers} (cluster start incl.)",
                   [*exe, "archive", "check", *FIELDS, str(corpus), "--workers", str(workers), "--output", out],
                   repeat, n)


def settings():
    from newslint.archive import ArticleSettings, Settings
    return Settings(ArticleSettings(), text_field="body", id_field="id", date_field="date", title_field="headline")


def local_cluster(workers: int):
    """As `newslint archive check --workers N` starts it: processes of one thread, on loopback."""
    from distributed import LocalCluster
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)


def warm(client, parts, config) -> None:
    """Each worker builds its Linter and lints a partition (lazy resources loaded)."""
    from newslint.archive.records import lint_partition
    for address in client.nthreads():
        client.submit(lint_partition, parts[0], config, 0, workers=[address], pure=False).result()


def worker_cpu(client) -> float:
    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    return sum(client.run(cpu).values())


def linting_phase(path: Path, records: int, repeat: int) -> tuple[float, float, float]:
    """(best seconds on 1 worker, on 2, CPU seconds per article on 1) for the linting phase."""
    from distributed import Client

    from newslint.archive import plan, run_dask
    config = settings()
    parts = plan([str(path)], None, config)
    print(f"2. linting phase: {records:,} records, {len(parts)} partitions of 1 MiB; "
          f"1 and 2 workers alternately, {repeat} runs each")
    clients = {}
    for workers in (1, 2):
        clients[workers] = Client(local_cluster(workers))
        warm(clients[workers], parts, config)
    ceilings = [two_process_ceiling()]
    times: dict[int, list[float]] = {1: [], 2: []}
    rows: dict[int, int] = {}
    busy: dict[int, list[float]] = {1: [], 2: []}  # the workers' CPU seconds per second of the run
    cpu_per_article = {1: float("inf"), 2: float("inf")}  # worker CPU seconds, best run
    devnull = open(os.devnull, "w", encoding="utf-8")
    try:
        for _ in range(repeat):
            for workers, client in clients.items():
                rows[workers] = 0

                def emit(result, workers=workers) -> None:  # the rows written as --output does
                    for article in result.articles:
                        devnull.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in article))
                        rows[workers] += len(article)
                cpu = worker_cpu(client)
                t = time.perf_counter()
                run_dask(client, parts, config, emit)
                wall = time.perf_counter() - t
                used = worker_cpu(client) - cpu
                times[workers].append(wall)
                busy[workers].append(used / wall)
                cpu_per_article[workers] = min(cpu_per_article[workers], used / records)
    finally:
        devnull.close()
        for client in clients.values():
            cluster = client.cluster
            client.close()
            cluster.close()
    for workers in (1, 2):
        walls = sorted(times[workers])
        print(f"  {workers} worker{'s' if workers > 1 else ' '}: best {walls[0]:6.2f} s, median "
              f"{statistics.median(walls):6.2f} s, spread {walls[0]:.2f}-{walls[-1]:.2f} s  ->  "
              f"{records / walls[0]:,.0f} articles/s ({rows[workers]:,} rows); cores the workers got: "
              f"{' '.join(f'{b:.2f}' for b in busy[workers])}")
    ceilings.append(two_process_ceiling())
    pairs = sorted(a / b for a, b in zip(times[1], times[2]))
    print("  (a second worker can only help when the machine gives it a core: 'cores the workers got' is their "
          "CPU time over the run's wall time)")
    print(f"  scaling 1 -> 2 workers: {times[1] and min(times[1]) / min(times[2]):.2f}x (best against best); "
          f"run by run {pairs[0]:.2f}-{pairs[-1]:.2f}x; target >= 1.8x")
    print(f"  the machine's own ceiling, two CPU-bound Python processes against one (best of 3), before and "
          f"after: {ceilings[0]:.2f}x, {ceilings[1]:.2f}x (2.00x on two free cores)")
    print(f"  worker CPU per article: {1000 * cpu_per_article[1]:.2f} ms on 1 worker, "
          f"{1000 * cpu_per_article[2]:.2f} ms on 2 (what the parallel run adds, whatever the machine's load)")
    return min(times[1]), min(times[2]), cpu_per_article[1]


def memory(path: Path, records: int) -> None:
    from distributed import Client

    from newslint.archive import plan, run_dask
    from newslint.archive.output import JsonLinesWriter
    from newslint.archive.run import Sink
    from newslint.archive.summary import Summary
    config = settings()
    parts = plan([str(path)], None, config)
    print(f"3. memory: {records:,} records ({path.stat().st_size / 2**20:,.0f} MiB of JSON lines, "
          f"{len(parts)} partitions) on 2 workers")
    with local_cluster(2) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        samplers = [MemorySampler(pid, interval=0.1) for pid in pids.values()]
        for sampler in samplers:
            sampler.__enter__()
        writer = JsonLinesWriter(str(path.with_name("findings-100k.jsonl")))
        summary = Summary()
        t = time.perf_counter()
        try:
            run_dask(client, parts, config, Sink(writer, summary))
        finally:
            for sampler in samplers:
                sampler.__exit__()
            writer.close()
        wall = time.perf_counter() - t
    for i, sampler in enumerate(samplers):
        quarters = [max((rss for t, rss, _ in sampler.samples if q * wall / 4 <= t < (q + 1) * wall / 4), default=0)
                    for q in range(4)]
        print(f"  worker {i + 1}: peak RSS {sampler.peak_rss:.0f} MiB, peak PSS {sampler.peak_pss:.0f} MiB; "
              f"peak RSS in each quarter of the run {' / '.join(f'{q:.0f}' for q in quarters)} MiB")
    client_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  client and scheduler (this process): peak RSS {client_peak:.0f} MiB; target: each worker < 300 MB")
    print(f"  {wall:.1f} s, {records / wall:,.0f} articles/s on 2 workers; {summary.line()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--records", type=int, default=100_000, help="records of the memory run (default 100,000)")
    ap.add_argument("--phase-records", type=int, default=20_000, help="records of the scaling runs")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/newslint-archive-bench"))
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: cost, phase, memory")
    args = ap.parse_args()
    os.environ.pop("NEWSLINT_LANGUAGETOOL_URL", None)
    os.environ["DASK_LOGGING__DISTRIBUTED"] = "error"  # before distributed is imported, here and in the workers
    skip = set(filter(None, args.skip.split(",")))
    files = corpus_files(args.folder)
    args.workdir.mkdir(parents=True, exist_ok=True)
    tag = f"{Path(args.folder).name}-{len(files)}"
    corpus = build_archive(files, args.workdir / f"{tag}-corpus.jsonl", len(files))
    big = build_archive(files, args.workdir / f"{tag}-{args.records}-named.jsonl", args.records, names=True)
    print(machine())
    print(f"articles: {len(files)} from {args.folder}; archives in {args.workdir}")
    if "cost" not in skip:
        cost_per_article(args.folder, files, corpus, args.workdir, args.repeat)
    if "phase" not in skip:
        phase = head(big, args.phase_records, args.workdir / f"{big.stem}-head-{args.phase_records}.jsonl")
        one, two, cpu = linting_phase(phase, min(args.phase_records, args.records), args.repeat)
        rate = 1 / cpu  # articles per CPU second of a worker: what a core that is its own gives
        efficiency = one / two / 2
        print(f"  per core (worker CPU time): {rate:,.0f} articles/s = {rate * 3600 / 1e6:.2f}M articles/hour; "
              f"2-worker efficiency here {efficiency:.0%}")
        for cores in (8, 32, 128):
            print(f"  expected on {cores} cores: {rate * cores * 3600 / 1e6:,.0f}M articles/hour at full efficiency, "
                  f"{rate * cores * efficiency * 3600 / 1e6:,.0f}M at this run's")
    if "memory" not in skip:
        memory(big, args.records)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
