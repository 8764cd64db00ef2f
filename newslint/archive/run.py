"""Running partitions: in this process, or on a Dask cluster as a dask.bag, and the sink that
takes their results in partition order (baseline, output, summary).

On a cluster a bounded number of partitions is in flight (a few per worker thread); a finished
partition's rows are written as soon as every partition before it is written, then dropped, so
the memory of the client and of the workers stays bounded whatever the archive's size. A
partition that raises (a read error, a worker that died) is retried; one that fails every
attempt becomes an archive/failed-partition row and the run goes on.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from .records import PartitionResult, Settings, failed_partition, lint_partition, lint_records, require
from .summary import Summary

Emit = Callable[[PartitionResult], None]
DEFAULT_RETRIES = 2


def run_local(parts: Sequence, settings: Settings, emit: Emit) -> None:
    """Every partition in this process, in order."""
    for index, part in enumerate(parts):
        emit(lint_partition(part, settings, index))


def _lint_bag_partition(items: list, settings: Settings) -> list[PartitionResult]:
    return [lint_partition(part, settings, index) for index, part in items]


def run_dask(client, parts: Sequence, settings: Settings, emit: Emit, *, retries: int = DEFAULT_RETRIES,
             ahead: int | None = None) -> None:
    """Every partition on the cluster of `client` (a dask.bag of partition descriptions, one
    each), their results emitted in order; at most `ahead` partitions computed or held beyond
    the last one emitted (default: two per worker thread, and two)."""
    if not parts:
        return
    bag_module = require("dask.bag", "newslint archive")
    distributed = require("distributed", "newslint archive")
    bag = bag_module.from_sequence(list(enumerate(parts)), partition_size=1)
    tasks = bag.map_partitions(_lint_bag_partition, settings).to_delayed()
    ahead = ahead or 2 * max(1, sum(client.nthreads().values())) + 2
    pending = distributed.as_completed()
    index_of: dict = {}
    finished: dict[int, PartitionResult] = {}
    submitted = emitted = 0

    def fill() -> None:
        nonlocal submitted
        while submitted < len(tasks) and submitted - emitted < ahead:
            future = client.compute(tasks[submitted], retries=retries)
            index_of[future] = submitted
            pending.add(future)
            submitted += 1

    fill()
    for future in pending:
        index = index_of.pop(future)
        try:
            (result,) = future.result()
        except (Exception, asyncio.CancelledError) as exc:
            result = failed_partition(index, parts[index], retries + 1, exc)
        future.release()
        finished[index] = result
        while emitted in finished:
            emit(finished.pop(emitted))
            emitted += 1
        fill()


def lint_bag(records, settings: Settings):
    """A dask.bag of records (dicts) -> a dask.bag of finding rows, linted partition by
    partition with each worker's one Linter; a record that cannot be linted is a row of its own."""
    return records.map_partitions(_rows_of_records, settings)


def _rows_of_records(records, settings: Settings) -> list[dict]:
    result = lint_records(((f"record {i} of its partition", r) for i, r in enumerate(records)), settings)
    return [row for rows in result.articles for row in rows]


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator:
    """A Client of the scheduler at `scheduler` (tcp://HOST:PORT), or of a local cluster of
    `workers` processes (default: one per core) of one thread each, on loopback."""
    from .article import NewslintError
    distributed = require("distributed", "newslint archive")
    cluster = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout="30s")
        else:
            import os
            cluster = distributed.LocalCluster(n_workers=workers or len(os.sched_getaffinity(0)),
                                               threads_per_worker=1, processes=True, host="127.0.0.1",
                                               dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise NewslintError(f"cannot reach the Dask scheduler at {scheduler or 'the local cluster'}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class Sink:
    """Takes partition results in order: leaves out what the baseline holds, writes the rest,
    counts it in the summary, and remembers the worst level written."""

    def __init__(self, writer, summary: Summary, baseline=None):
        self.writer, self.summary, self.baseline = writer, summary, baseline
        self.known = 0
        self.levels: set[str] = set()

    def __call__(self, result: PartitionResult) -> None:
        self.summary.add_partition(result)
        for rows in result.articles:
            if self.baseline is not None and rows[0]["id"] is not None:
                rows = self._new(rows)
                if not rows:
                    continue
            self.writer.write(rows)
            self.summary.add_article(rows)
            self.levels.update(row["level"] for row in rows)

    def _new(self, rows: list[dict]) -> list[dict]:
        known = self.baseline.known(rows[0]["id"], [baseline_key(row)[1:] for row in rows])
        self.known += sum(known)
        return [row for row, k in zip(rows, known) if not k]


def baseline_key(row: dict) -> tuple[str, str, str, str, str]:
    """(article id, rule, flagged text, before, after): what a baseline entry records of a row."""
    return (row["id"], row["rule"], row["flagged"] or "", row["context_before"] or "", row["context_after"] or "")
