#!/usr/bin/env python3
"""Service latency: one article posted to `newslint serve` on loopback by 1, 8 and 32 concurrent
clients.

    python benchmarks/service_latency.py [FILE] [--requests N] [--clients 1,8,32] [--workers W]

Starts the real server on a free loopback port (default rules, no LanguageTool, --workers W,
default 1), warms it, then for each number of clients sends N requests in all (bounded;
default 600), each client on its own keep-alive connection, one request after another. Prints
p50, p90 and p99 of the round trip and the requests per second. FILE defaults to the corpus
article of median size. The sustained load test is benchmarks/load.py.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import article_body, hammer, machine, server, typical_article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--requests", type=int, default=600)
    ap.add_argument("--clients", default="1,8,32")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    path = Path(args.file) if args.file else typical_article()
    body = article_body(path)
    levels = [int(c) for c in args.clients.split(",") if c.strip()]
    results = {}
    with server("--workers", str(args.workers)) as (_, port):
        hammer(port, body, 4, requests=100)  # warm-up: every worker builds its engine, loads its lexicon
        for clients in levels:
            results[clients] = hammer(port, body, clients, requests=max(args.requests, clients * 10))
    print(machine())
    print(f"article: {path.name} ({path.stat().st_size:,} bytes; {len(body):,} bytes of JSON); "
          f"newslint serve --workers {args.workers}; keep-alive connections")
    for clients, load in results.items():
        print(f"  {clients:>3} client{'s' if clients > 1 else ' '}: {load.summary()}")


if __name__ == "__main__":
    main()
