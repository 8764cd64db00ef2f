#!/usr/bin/env python3
"""Service latency: one article posted to `newslint serve` on loopback, one request at a time.

    python benchmarks/service_latency.py [FILE] [--requests N]

Starts the real server on a free loopback port, sends N requests (bounded; default 200) and
prints p50, p90 and p99 of the round trip. Load with many concurrent clients is issue 7's
load generator; this is the single-client latency a CMS sees.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "news"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    path = Path(args.file) if args.file else sorted(DEFAULT_CORPUS.rglob("*.txt"))[0]
    body = json.dumps({"text": path.read_text(encoding="utf-8"), "format": "text"}).encode()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    sys.exit("server did not start")
                time.sleep(0.1)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        times = []
        for _ in range(min(args.requests, 10_000)):
            t = time.perf_counter()
            conn.request("POST", "/v1/check", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            times.append(time.perf_counter() - t)
            assert response.status == 200, response.status
    finally:
        proc.terminate()
        proc.wait(10)
    times.sort()

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(len(times) * p))] * 1000

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"article: {path.name} ({len(body):,} bytes of JSON); {len(times)} requests, one client, keep-alive")
    print(f"latency: p50 {pct(0.5):.1f} ms, p90 {pct(0.9):.1f} ms, p99 {pct(0.99):.1f} ms")


if __name__ == "__main__":
    main()
