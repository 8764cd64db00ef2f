"""What the benchmark scripts share: the corpus, the machine line, clean runs of a command with
its wall time, CPU time and peak memory, percentiles, and a real `newslint serve` to talk to.

Memory is sampled from /proc (Linux) every few milliseconds over the whole process tree: the
peak of the summed RSS, and of the summed PSS (which counts a page shared by forked workers
once, so it is the memory the tree really holds). Elsewhere only the largest single process's
peak (getrusage) is known.
"""
from __future__ import annotations

import http.client
import math
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "news"
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def corpus_files(folder: str | Path) -> list[Path]:
    files = sorted(p for p in Path(folder).rglob("*") if p.suffix in SUFFIXES and p.is_file())
    if not files:
        sys.exit(f"no articles (.txt, .md, .html) in {folder}")
    return files


def occurrences(text: str, snippet: str) -> list[tuple[int, int]]:
    """(start, end) of every place the snippet stands in the text, overlapping ones too."""
    out, start = [], text.find(snippet)
    while start != -1:
        out.append((start, start + len(snippet)))
        start = text.find(snippet, start + 1)
    return out


def best_time(fn, repeat: int) -> float:
    """The shortest of `repeat` runs: the one least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _spin(loops: int) -> float:
    """CPU-bound pure Python, as linting is: its own wall time."""
    t = time.perf_counter()
    total = 0
    for i in range(loops):
        total += i * i % 7
    return time.perf_counter() - t


def two_process_ceiling(loops: int = 4_000_000, repeat: int = 3) -> float:
    """What the machine gives two CPU-bound Python processes right now, against one: 2.0 on two free
    cores, less when other work holds them. A parallel run cannot scale beyond it; printed beside
    scaling figures so that a shared machine's load is not read as the program's."""
    import multiprocessing
    one, two = [], []
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # started before timing
        for _ in range(repeat):
            one.append(_spin(loops))
            t = time.perf_counter()
            pool.map(_spin, [loops, loops])
            two.append(time.perf_counter() - t)
    return 2 * min(one) / min(two)


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"machine: {cpu or platform.machine()}, {cores()} cores, Python {platform.python_version()}; "
            f"load average now {load} (1, 5, 15 min)")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a run as installed: bytecode cached (a PYTHONDONTWRITEBYTECODE in the
    shell would make every run compile newslint again), no colour, no LanguageTool."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "NEWSLINT_LANGUAGETOOL_URL")}
    env.update(NO_COLOR="1", **extra)
    return env


def newslint_command() -> list[str]:
    """The installed `newslint` script beside this interpreter (as a user runs it)."""
    exe = Path(sys.executable).parent / "newslint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]


def pct(sorted_values: Sequence[float], p: float) -> float:
    """The p-th quantile (0..1) of sorted values, nearest rank."""
    if not sorted_values:
        return float("nan")
    rank = math.ceil(p * len(sorted_values))
    return sorted_values[min(len(sorted_values), max(1, rank)) - 1]


# memory of a process tree -------------------------------------------------------------------

def _children_map() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry.name))
    return out


def tree(pid: int) -> list[int]:
    children = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, ()))
    return out


def _kib(pid: int, path: str, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{path}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class MemorySampler:
    """Samples a process tree's memory in a thread until stopped; peaks in MiB."""

    def __init__(self, pid: int, interval: float = 0.01):
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = 0.0
        self.samples: list[tuple[float, float, float]] = []  # (seconds since start, rss, pss)
        self.available = Path("/proc/self/smaps_rollup").exists()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._t0 = time.perf_counter()

    def __enter__(self) -> "MemorySampler":
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def sample(self) -> tuple[float, float]:
        pids = tree(self.pid)
        rss = sum(_kib(p, "status", "VmRSS:") for p in pids) / 1024
        pss = sum(_kib(p, "smaps_rollup", "Pss:") for p in pids) / 1024
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.samples.append((time.perf_counter() - self._t0, rss, pss))
        return rss, pss

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)


@dataclass
class Run:
    wall: float       # seconds
    cpu: float        # user + system seconds of the command and its children
    peak_rss: float   # MiB, summed over the process tree (0 if unknown)
    peak_pss: float   # MiB, summed over the process tree (0 if unknown)
    max_rss: float    # MiB, the largest single process (getrusage)
    returncode: int
    stdout: str = ""

    def memory(self) -> str:
        if self.peak_pss:
            return f"{self.peak_pss:.0f} MiB PSS ({self.peak_rss:.0f} MiB RSS summed)"
        return f"{self.max_rss:.0f} MiB (largest process)"


def run(command: Sequence[str], *, env: dict[str, str] | None = None, memory: bool = True,
        timeout: float = 300, capture: bool = False) -> Run:
    """Run a command to completion, output to /dev/null (or kept, with `capture`); time and memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    proc = subprocess.Popen(list(command), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.DEVNULL,
                            env=env if env is not None else clean_env())
    sampler = MemorySampler(proc.pid) if memory else None
    if sampler:
        sampler.__enter__()
    try:
        returncode = proc.wait(timeout)
    finally:
        if sampler:
            sampler.__exit__()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stdout = ""
    if capture:
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        out.close()
    return Run(wall, cpu, sampler.peak_rss if sampler else 0, sampler.peak_pss if sampler else 0,
               after.ru_maxrss / 1024, returncode, stdout)


# the service --------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(*args: str, startup: float = 60) -> Iterator[tuple[subprocess.Popen, int]]:
    """The real `newslint serve` on a free loopback port, ready (healthz answered) and warm."""
    port = free_port()
    proc = subprocess.Popen([*newslint_command(), "serve", "--port", str(port), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env())
    try:
        deadline = time.monotonic() + startup
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("newslint serve did not start")
            time.sleep(0.1)
        yield proc, port
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def typical_article(folder: str | Path = DEFAULT_CORPUS) -> Path:
    """The article of median size in the folder."""
    files = sorted(corpus_files(folder), key=lambda p: (p.stat().st_size, p.name))
    return files[len(files) // 2]


@dataclass
class Load:
    latencies: list[float]   # seconds, sorted, of the requests answered 200
    errors: dict[str, int]   # what went wrong, how often
    elapsed: float           # seconds from the first request sent to the last answer

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    def summary(self) -> str:
        lat = self.latencies
        errors = sum(self.errors.values())
        detail = f" ({', '.join(f'{k}: {v}' for k, v in self.errors.items())})" if errors else ""
        return (f"{self.requests} requests in {self.elapsed:.1f} s = {self.requests / self.elapsed:.0f}/s; "
                f"errors {errors}{detail}; p50 {pct(lat, 0.5) * 1000:.1f} ms, "
                f"p90 {pct(lat, 0.9) * 1000:.1f} ms, p99 {pct(lat, 0.99) * 1000:.1f} ms, "
                f"max {lat[-1] * 1000 if lat else 0:.1f} ms")


def hammer(port: int, body: bytes, clients: int, *, requests: int | None = None,
           seconds: float | None = None, path: str = "/v1/check") -> Load:
    """`clients` threads, each with its own keep-alive connection, post `body` one request after
    another, until `requests` have been sent in all or `seconds` have passed (both bounded)."""
    assert requests or seconds
    requests = min(requests or 10**6, 10**6)
    seconds = min(seconds or 600.0, 600.0)
    lock = threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    start = time.perf_counter()
    deadline = start + seconds
    headers = {"Content-Type": "application/json"}

    def client() -> None:
        nonlocal sent
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if sent >= requests or time.perf_counter() >= deadline:
                    break
                sent += 1
            t = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                outcome = None if response.status == 200 else f"HTTP {response.status}"
            except (OSError, http.client.HTTPException) as exc:
                outcome = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            took = time.perf_counter() - t
            with lock:
                if outcome is None:
                    latencies.append(took)
                else:
                    errors[outcome] = errors.get(outcome, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return Load(sorted(latencies), errors, time.perf_counter() - start)


def article_body(path: Path) -> bytes:
    import json
    return json.dumps({"text": path.read_text(encoding="utf-8"), "format": "text"}).encode()
