"""Running over many inputs: each goes through Linter.process, in a process pool for big runs.

Results come back in input order whatever the number of processes, so output is
deterministic. Big runs (at least PARALLEL_MIN files) use every core: the first file is linted
in this process (building the engine and loading lazy resources once), then worker processes
forked from it share what it loaded. Where fork is not available they build their own Linter.
"""
from __future__ import annotations

import os
from typing import Callable, Sequence

from .linter import FileResult, Input, Linter

PARALLEL_MIN = 24  # fewer files than this are linted in one process: starting workers costs more


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_worker: Linter | None = None
_worker_mode: str | None = None


def _init(spec: dict, mode: str | None) -> None:
    global _worker, _worker_mode
    import signal
    # Ctrl-C reaches every process of the terminal's group: the parent alone stops the run
    # (and terminates the pool); a worker taking it too would print its own traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker is None:  # not inherited through fork: build one
        _worker = Linter(**spec)
    _worker_mode = mode


def _work(item: Input) -> FileResult:
    assert _worker is not None
    return _worker.process(item, _worker_mode)


def run(linter: Linter, inputs: Sequence[Input], *, mode: str | None = None, jobs: int | None = None,
        on_result: Callable[[int], None] | None = None) -> list[FileResult]:
    """Results for `inputs` (files, or standard input as a TextInput), in order; `on_result(done)`
    is called as they come in."""
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    results: list[FileResult] = []

    def add(result: FileResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(len(results))

    if jobs == 1 or len(inputs) < PARALLEL_MIN:
        for item in inputs:
            add(linter.process(item, mode))
        return results

    import multiprocessing
    add(linter.process(inputs[0], mode))  # builds the engine and loads lazy resources here
    rest = list(inputs[1:])
    spec = {"config_file": linter.config_file, "select": linter.select, "ignore": linter.ignore,
            "statistics": linter.statistics, "max_bytes": linter.max_bytes,
            "metadata": linter.metadata, "page": linter.page, "repeated": linter.repeated}
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    global _worker
    _worker = linter if context.get_start_method() == "fork" else None
    # chunks of at most 16 files (some 30 ms of work): round trips stay negligible, and when the
    # last chunks run the other processes are not left idle for long (a chunk of 64 is ~0.1 s)
    chunksize = max(1, min(16, len(rest) // (jobs * 8)))
    import gc
    gc.freeze()  # forked workers then leave the inherited objects' pages alone (copy-on-write)
    try:
        pool = context.Pool(min(jobs, len(rest)), initializer=_init, initargs=(spec, mode))
    finally:
        gc.unfreeze()
    try:
        for result in pool.imap(_work, rest, chunksize):
            add(result)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _worker = None
    return results
