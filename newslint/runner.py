"""Running over many files: one file's work (lint, --fix, --diff) and a process pool for big runs.

Results come back in input order whatever the number of processes, so output is
deterministic. Big runs (at least PARALLEL_MIN files) use every core: the first file is linted
in this process (building the engine and loading lazy resources once), then worker processes
forked from it share what it loaded. Where fork is not available they build their own Linter.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from .errors import InputError, NewslintError
from .lint import FileResult, Linter

PARALLEL_MIN = 24  # fewer files than this are linted in one process: starting workers costs more


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def process(linter: Linter, path: Path, mode: str | None = None) -> FileResult:
    """Lint one file; with mode 'fix' apply its safe fixes (atomically), with 'diff' only
    describe them. The diagnostics are those of the text as it is (or would be) afterwards."""
    if mode is None:
        return linter.lint_file(path)
    name = str(path)
    try:
        data, text = linter.read(path, name)
    except InputError as exc:
        return FileResult(name, error=exc)
    if mode == "diff":
        return diff_source(linter, text, name)
    result = fix_source(linter, text, name)
    if result.error is None and result.fixed:
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        try:
            from .fix import write_atomic
            write_atomic(path, (bom + result.text).encode("utf-8"), data)
        except InputError as exc:
            original = linter.lint_text(text, path=name)
            original.error = exc
            return original
    return result


def diff_source(linter: Linter, text: str, name: str) -> FileResult:
    """fix_source, with the fixes described as a unified diff (`diff`) rather than written."""
    result = fix_source(linter, text, name)
    if result.error is None and result.fixed:
        from .fix import unified_diff
        result.diff = unified_diff(text[1:] if text.startswith("\ufeff") else text, result.text, name)
    return result


def fix_source(linter: Linter, text: str, name: str | None) -> FileResult:
    """The FileResult of `text` after its safe fixes: `text` holds the fixed text (without a
    byte-order mark), `fixed` the number of fixes applied."""
    from .document import format_for_path
    from .fix import fix_text
    body = text[1:] if text.startswith("\ufeff") else text
    if body.startswith("\ufeff"):  # a second mark: the linted text would not be the fixed one
        return linter.lint_text(text, path=name)
    last: list[FileResult] = []

    def lint(t: str):
        r = linter.lint_text(t, path=name)
        if r.error is not None:
            raise r.error
        last.append(r)
        return r.diagnostics

    try:
        fixed, count, _ = fix_text(lint, body, format_for_path(name))
    except NewslintError as exc:
        return FileResult(name or "-", error=exc)
    result = last[-1]  # the lint of the fixed text
    result.fixed = count
    assert result.text == fixed
    return result


# many files ----------------------------------------------------------------------------------

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


def _work(path: Path) -> FileResult:
    assert _worker is not None
    return process(_worker, path, _worker_mode)


def run(linter: Linter, paths: Sequence[Path], *, mode: str | None = None, jobs: int | None = None,
        on_result: Callable[[int], None] | None = None) -> list[FileResult]:
    """Results for `paths`, in order; `on_result(done)` is called as they come in."""
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    results: list[FileResult] = []

    def add(result: FileResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(len(results))

    if jobs == 1 or len(paths) < PARALLEL_MIN:
        for path in paths:
            add(process(linter, path, mode))
        return results

    import multiprocessing
    add(process(linter, paths[0], mode))  # builds the engine and loads lazy resources here
    rest = list(paths[1:])
    spec = {"config_file": linter.config_file, "select": linter.select, "ignore": linter.ignore,
            "statistics": linter.statistics, "max_bytes": linter.max_bytes,
            "metadata": linter.metadata}
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
