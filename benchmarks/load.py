#!/usr/bin/env python3
"""Service under load: 50 concurrent clients for 30 s against the real `newslint serve`.

    python benchmarks/load.py [FILE] [--clients 50] [--seconds 30] [--workers W]

Starts the server on a free loopback port (default rules, no LanguageTool, --workers W,
default 1) and warms it; then --clients threads, each on its own keep-alive connection, post
one article (FILE; default the corpus article of median size) one request after another for
--seconds (bounded: at most 600 s and 1,000 clients). Prints requests per second, errors (any
answer but 200, or a failed connection: the target is 0), p50/p90/p99 of the round trip, and
the server's memory (PSS summed over its processes, sampled every 0.1 s): after warm-up, the
peak in each third of the run, and at the end. Memory is bounded when the thirds level off
instead of climbing. Exit status 1 if there was any error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    MemorySampler,
    article_body,
    hammer,
    machine,
    server,
    typical_article,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    clients, seconds = min(max(1, args.clients), 1000), min(max(1.0, args.seconds), 600.0)
    path = Path(args.file) if args.file else typical_article()
    body = article_body(path)
    with server("--workers", str(args.workers)) as (proc, port):
        hammer(port, body, 4, requests=100)  # warm-up
        with MemorySampler(proc.pid, interval=0.1) as memory:
            warm = memory.sample()
            load = hammer(port, body, clients, seconds=seconds)
            end = memory.sample()
    thirds = [max((pss for t, _, pss in memory.samples if i * seconds / 3 <= t < (i + 1) * seconds / 3), default=0)
              for i in range(3)]
    print(machine())
    print(f"article: {path.name} ({path.stat().st_size:,} bytes); newslint serve --workers {args.workers}; "
          f"{clients} clients, keep-alive, {seconds:g} s")
    print(f"  {load.summary()}")
    if memory.available:
        print(f"  server memory (PSS): {warm[1]:.0f} MiB after warm-up; peak per third of the run "
              f"{' / '.join(f'{m:.0f}' for m in thirds)} MiB; {end[1]:.0f} MiB at the end "
              f"(peak RSS summed {memory.peak_rss:.0f} MiB)")
    sys.exit(1 if load.errors else 0)


if __name__ == "__main__":
    main()
